"""Runs the one ```python block of docs/report-schema.md, exactly as written there, on the
report that tests/report/write_example_report.cpp wrote, and checks the DataFrame and the
grid it builds against the rows that program wrote.

Usage: /usr/bin/python3 h5py_example_test.py docs/report-schema.md DIR/report.h5 [corpus]
(the Debian python3, which has h5py and pandas). With `corpus`, the report is the one
`batt_mpi corpus --pairing cross` writes for the bundled corpus, and the checks are what a
user would look at first: every bundled task solved, an output grid of the right shape.
"""
import os
import re
import sys


def main():
    doc, report = sys.argv[1], os.path.abspath(sys.argv[2])
    with open(doc, encoding="utf-8") as f:
        blocks = re.findall(r"^```python\n(.*?)^```", f.read(), re.S | re.M)
    assert len(blocks) == 1, f"{doc}: expected one python block, found {len(blocks)}"
    # The example opens "report.h5" in the current directory.
    assert os.path.basename(report) == "report.h5", report
    os.chdir(os.path.dirname(report))
    scope = {}
    exec(compile(blocks[0], f"{doc} (python block)", "exec"), scope)
    df, grid = scope["df"], scope["grid"]
    if len(sys.argv) > 3 and sys.argv[3] == "corpus":
        return check_corpus(df, grid, scope["out"])

    cols = ["cand", "task", "cand_md5", "task_id", "solved", "status", "demo_hits", "time_us",
            "rank", "cand_kind"]
    rows = sorted(zip(*(df[c] for c in cols)), key=lambda r: (r[0], r[1]))
    solver_a = "48d816d46a130895d98496388c19c1b5"
    solver_b = "62b7225c5ade5df1a9df827f6c342d59"
    expected = [
        (0, 0, solver_a, "007bbfb7", 0, 1, 0, -1.0, 1, 0),
        (0, 1, solver_a, "00d62c1b", 1, 0, 5, 12.5, 1, 0),
        (1, 0, solver_b, "007bbfb7", 0, 1, 1, -1.0, 2, 0),
        (1, 2, solver_b, "017c7c7b", 0, 2, 0, -1.0, 2, 0),
    ]
    got = [tuple(x.item() if hasattr(x, "item") else x for x in r) for r in rows]
    assert got == expected, f"results joined with tasks and candidates:\n{got}\n!=\n{expected}"
    # Strings are str (decoded), not bytes.
    assert all(isinstance(s, str) for s in df.cand_md5), df.cand_md5.tolist()
    assert all(isinstance(s, str) for s in df.task_source), df.task_source.tolist()
    assert df.loc[df.solved == 1, "task_id"].tolist() == ["00d62c1b"]
    canonical = df.loc[df.solved == 1, "cand_canonical"].item()
    assert canonical.startswith("def solve(S, I, C):\n    return fill(I, FOUR,"), canonical
    assert df.task_n_demo.tolist() == df.n_demo.tolist()
    # The stored grid: the test input of 007bbfb7.
    assert grid.tolist() == [[7, 0, 7], [7, 0, 7], [7, 7, 0]], grid.tolist()
    print(f"ok: {len(df)} joined results, a {grid.shape[0]}x{grid.shape[1]} grid")


def check_corpus(df, grid, out):
    solved = sorted(set(df.loc[df.solved == 1, "task_id"]))
    assert len(solved) == 10, solved
    assert (df.cand_kind == 0).all()
    assert grid.shape == (out.rows, out.cols), (grid.shape, out.rows, out.cols)
    assert df.loc[df.solved == 1, "time_us"].gt(0).all()
    print(f"ok: {len(df)} joined results, {len(solved)} tasks solved")


if __name__ == "__main__":
    main()
