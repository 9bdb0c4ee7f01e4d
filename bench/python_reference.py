#!/usr/bin/env python3
"""Times our 23 ARC solver programs on the reference Python ARC DSL, for comparison.

Why this exists: bench/dsl_bench.cpp times the C++ solver programs of
tests/support/arc_solvers.hpp (BM_solver/<id>). To say how fast that is, we need the same
programs timed on the reference implementation (Michael Hodel's arc-dsl, CPython), on the
same machine, on the same input. arc-dsl is not vendored in this repository, so this
script takes its directory as an argument and contains only our own solver programs.
Each solve_<id> below is line for line the C++ program of the same id.

How to run (standard library only, Python 3.8+; the figures were taken with 3.11):

    # a directory holding arc-dsl's dsl.py, arc_types.py and constants.py
    python3 bench/python_reference.py --arc-dsl /path/to/arc-dsl
    # compare with:
    build/bench/dsl_bench --benchmark_filter=BM_solver --benchmark_time_unit=us

What it does: first it checks that every solver reproduces every train and test output of
its task (one line per failing pair, exit status 1 if any fails). Then it times each solver
on the first train input, the input BM_solver uses: the number of calls per round is grown
until a round takes at least --min-time seconds (as timeit's autorange does), then
--rounds rounds run and the median per call is reported. As with timeit, the garbage
collector is off while a round runs. Rows are printed like Google Benchmark's console
rows (Time is wall time, CPU is process CPU time, both the median per call), followed
by the median over tasks.
"""

import argparse
import gc
import importlib
import json
import statistics
import sys
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_ARC = REPO_ROOT.parent / "shared" / "arc" / "arc-agi-1" / "training"


def load_arc_dsl(directory):
    """Imports dsl.py and constants.py from directory and makes their names global here,
    so that the solver programs below read like arc-dsl's own solvers.py."""
    sys.path.insert(0, str(Path(directory).resolve()))
    dsl = importlib.import_module("dsl")
    constants = importlib.import_module("constants")
    names = {k: v for k, v in vars(dsl).items()
             if callable(v) and getattr(v, "__module__", None) == "dsl"}
    names.update({k: v for k, v in vars(constants).items() if k.isupper()})
    globals().update(names)
    return len([v for v in names.values() if callable(v)])


# The solver programs (names come from load_arc_dsl). Same order and comments as
# tests/support/arc_solvers.hpp.

def enclosed_black(I):
    # The cells of the black components that do not touch the grid's border.
    x1 = objects(I, T, F, F)
    x2 = colorfilter(x1, ZERO)
    x3 = rbind(bordering, I)
    x4 = compose(flip, x3)
    return mfilter(x2, x4)


def solve_00d62c1b(I):
    # Enclosed black regions become yellow.
    return fill(I, FOUR, enclosed_black(I))


def solve_a5313dff(I):
    # Same task shape, filled with blue.
    return fill(I, ONE, enclosed_black(I))


def solve_5521c0d9(I):
    # Every object moves up by its own height.
    x1 = objects(I, T, F, T)
    x2 = cover(I, merge(x1))
    x3 = chain(toivec, invert, height)
    x4 = fork(shift, identity, x3)
    return paint(x2, mapply(x4, x1))


def solve_007bbfb7(I):
    # Fractal: the grid tiled 3 x 3, kept where the upscaled grid is coloured.
    x1 = upscale(I, THREE)
    x2 = hconcat(I, hconcat(I, I))
    x3 = vconcat(x2, vconcat(x2, x2))
    return cellwise(x1, x3, ZERO)


def solve_bb43febb(I):
    # The inside of every grey rectangle becomes red.
    x1 = colorfilter(objects(I, T, F, F), FIVE)
    x2 = compose(backdrop, inbox)
    return fill(I, TWO, mapply(x2, x1))


def solve_22eb0ac0(I):
    # Two equal colours on one row are joined by a line of that colour.
    x1 = fgpartition(I)
    x2 = fork(recolor, color, backdrop)
    x3 = apply(x2, x1)
    return paint(I, mfilter(x3, hline))


def solve_40853293(I):
    # Equal colours are joined horizontally, then vertically (vertical lines on top).
    x1 = partition(I)
    x2 = fork(recolor, color, backdrop)
    x3 = apply(x2, x1)
    x4 = paint(I, mfilter(x3, hline))
    return paint(x4, mfilter(x3, vline))


def solve_7b7f7511(I):
    # The grid is two copies: keep the first half, along the longer side.
    x1 = branch(portrait(I), tophalf, lefthalf)
    return x1(I)


def solve_6e82a1ae(I):
    # Objects of size 2, 3, 4 are painted 3, 2, 1 (a bound, composed lookup called 3 times).
    x1 = objects(I, T, F, T)
    x2 = lbind(sizefilter, x1)
    x3 = compose(merge, x2)
    x4 = fill(I, THREE, x3(TWO))
    x5 = fill(x4, TWO, x3(THREE))
    return fill(x5, ONE, x3(FOUR))


def solve_d2abd087(I):
    # Objects of size 6 become red, the others blue.
    x1 = objects(I, T, F, T)
    x2 = sfilter(x1, matcher(size, SIX))
    x3 = difference(x1, x2)
    x4 = fill(I, TWO, merge(x2))
    return fill(x4, ONE, merge(x3))


def solve_3c9b0459(I):
    # Half a turn, as rot90 applied twice through power.
    return power(rot90, TWO)(I)


def solve_810b9b61(I):
    # Closed rectangular outlines (with an inside) of blue become green.
    x1 = apply(toindices, objects(I, T, T, T))
    x2 = fork(equality, identity, box)
    x3 = chain(positive, size, delta)
    x4 = mfilter(x1, fork(both, x2, x3))
    return fill(I, THREE, x4)


def solve_3aa6fb7a(I):
    # Corners of every L-shaped tromino: the missing cell of its box becomes blue.
    x1 = objects(I, T, F, T)
    return underfill(I, ONE, mapply(corners, x1))


def solve_dc1df850(I):
    # Neighbours of red cells become blue where the grid is background.
    x1 = ofcolor(I, TWO)
    return underfill(I, ONE, mapply(neighbors, x1))


def solve_b27ca6d3(I):
    # Pairs of red cells get a green frame.
    x1 = sizefilter(objects(I, T, F, T), TWO)
    return fill(I, THREE, mapply(outbox, x1))


def solve_6f8cd79b(I):
    # The border of the grid becomes azure.
    return fill(I, EIGHT, box(asindices(I)))


def solve_ea786f4a(I):
    # Both diagonals become black.
    x1 = shoot(ORIGIN, UNITY)
    x2 = tojvec(decrement(width(I)))
    x3 = shoot(x2, DOWN_LEFT)
    return fill(I, ZERO, combine(x1, x3))


def solve_f25fbde4(I):
    # The (diagonally connected) object, cropped and doubled in size.
    x1 = first(objects(I, T, T, T))
    return upscale(subgrid(x1, I), TWO)


def solve_c9e6f938(I):
    # The grid next to its mirror image.
    return hconcat(I, vmirror(I))


def solve_a79310a0(I):
    # The azure object moves down one row and turns red.
    x1 = first(objects(I, T, F, T))
    return replace(move(I, x1, DOWN), EIGHT, TWO)


def solve_6455b5f5(I):
    # Largest black region blue, smallest black regions azure.
    x1 = colorfilter(objects(I, T, F, F), ZERO)
    x2 = argmax(x1, size)
    x3 = sizefilter(x1, valmin(x1, size))
    x4 = paint(I, recolor(ONE, x2))
    return fill(x4, EIGHT, merge(x3))


def solve_aedd82e4(I):
    # Isolated red cells become blue.
    x1 = colorfilter(objects(I, T, F, F), TWO)
    return fill(I, ONE, merge(sizefilter(x1, ONE)))


def solve_f76d97a5(I):
    # The two colours swap and grey becomes black.
    x1 = palette(I)
    x2 = switch(I, first(x1), last(x1))
    return replace(x2, FIVE, ZERO)


SOLVERS = {name[len("solve_"):]: f for name, f in sorted(globals().items())
           if name.startswith("solve_")}


def as_grid(rows):
    return tuple(tuple(r) for r in rows)


def load_task(arc_dir, task_id):
    with open(Path(arc_dir) / (task_id + ".json")) as f:
        task = json.load(f)
    return {split: [(as_grid(p["input"]), as_grid(p["output"])) for p in task[split]]
            for split in ("train", "test")}


def check(tasks):
    """Runs every solver on every pair; returns the number of failing pairs."""
    failures = 0
    for task_id, solve in SOLVERS.items():
        for split in ("train", "test"):
            for k, (grid_in, grid_out) in enumerate(tasks[task_id][split]):
                try:
                    got = solve(grid_in)
                    why = None if got == grid_out else "wrong output"
                except Exception as e:  # a solver that raises fails its pair
                    why = "%s: %s" % (type(e).__name__, e)
                if why is not None:
                    failures += 1
                    print("FAIL %s %s[%d]: %s" % (task_id, split, k, why))
    return failures


def time_rounds(fn, arg, min_time, rounds):
    """timeit-style: calls per round grown (1, 2, 5, 10, 20, ...) until a round takes at
    least min_time seconds, then `rounds` rounds. Returns (median wall s per call,
    median CPU s per call, calls per round)."""

    def one_round(number):
        gc_was_on = gc.isenabled()
        gc.disable()
        try:
            w0, c0 = time.perf_counter(), time.process_time()
            for _ in range(number):
                fn(arg)
            w1, c1 = time.perf_counter(), time.process_time()
        finally:
            if gc_was_on:
                gc.enable()
        return w1 - w0, c1 - c0

    number, base = 1, 1
    while True:
        for mult in (1, 2, 5):
            number = base * mult
            if one_round(number)[0] >= min_time:
                break
        else:
            base *= 10
            continue
        break
    walls, cpus = [], []
    for _ in range(rounds):
        w, c = one_round(number)
        walls.append(w / number)
        cpus.append(c / number)
    return statistics.median(walls), statistics.median(cpus), number


def fmt_us(seconds):
    """A time in microseconds with Google Benchmark's precision rules."""
    us = seconds * 1e6
    digits = 2 if us < 10 else (1 if us < 100 else 0)
    return "%10.*f us" % (digits, us)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--arc-dsl", required=True, metavar="DIR",
                    help="directory with arc-dsl's dsl.py, arc_types.py, constants.py")
    ap.add_argument("--arc", default=str(DEFAULT_ARC), metavar="DIR",
                    help="ARC-AGI-1 training tasks (default: %(default)s)")
    ap.add_argument("--min-time", type=float, default=0.2, metavar="S",
                    help="minimum seconds per round (default: %(default)s)")
    ap.add_argument("--rounds", type=int, default=5,
                    help="rounds per task; the median is reported (default: %(default)s)")
    ap.add_argument("--filter", default="", metavar="SUBSTR",
                    help="time only tasks whose id contains SUBSTR (all are checked)")
    args = ap.parse_args()

    n_prims = load_arc_dsl(args.arc_dsl)
    tasks = {task_id: load_task(args.arc, task_id) for task_id in SOLVERS}
    n_pairs = sum(len(t["train"]) + len(t["test"]) for t in tasks.values())

    failures = check(tasks)
    if failures:
        print("%d of %d pairs failed" % (failures, n_pairs))
        return 1
    print("check: %d solvers reproduce all %d train and test pairs" % (len(SOLVERS), n_pairs))
    print("Python %s, arc-dsl from %s (%d primitives), %d rounds of >= %.2f s, median"
          % (sys.version.split()[0], Path(args.arc_dsl).resolve(), n_prims,
             args.rounds, args.min_time))

    ids = [t for t in SOLVERS if args.filter in t]
    if not ids:
        print("no task id contains %r; nothing timed" % args.filter)
        return 2
    width = max(len("BM_solver/" + t) for t in ids + ["median"])
    header = "%-*s %13s %15s %12s" % (width, "Benchmark", "Time", "CPU", "Iterations")
    print("-" * len(header))
    print(header)
    print("-" * len(header))
    walls, cpus = [], []
    for task_id in ids:
        first_input = tasks[task_id]["train"][0][0]
        wall, cpu, number = time_rounds(SOLVERS[task_id], first_input,
                                        args.min_time, args.rounds)
        walls.append(wall)
        cpus.append(cpu)
        print("%-*s %s    %s %12d" % (width, "BM_solver/" + task_id, fmt_us(wall),
                                      fmt_us(cpu), number), flush=True)
    print("-" * len(header))
    print("%-*s %s    %s   (over %d tasks)" % (width, "BM_solver/median",
                                                fmt_us(statistics.median(walls)),
                                                fmt_us(statistics.median(cpus)), len(ids)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
