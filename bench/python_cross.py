#!/usr/bin/env python3
"""Times the reference Python pipeline on the work `bench/cross_bench.sh` gives batt_mpi.

What the reference does per sample (tokpidjin-pipeline.md §4.2): it calls the batt file's
`batt(task_id, S, I, C, log_path)` once, which runs every protected line of the file (each
line once, shared by all the records that use it) on the arc-dsl primitives wrapped by
safe_dsl, and appends one output per `o.append` record. This script does exactly that for
corpus/batches/batt_mix.py on every demo and test sample of every task given, with the
reference arc-dsl (not part of this project: pass its directory), and prints the time.

The batt file is run as Python here, in this benchmark only, because that is what the
reference tool does; batt_mpi itself never executes candidate programs as host code.

    /usr/bin/python3 bench/python_cross.py --arc-dsl /path/to/arc-dsl [--tasks DIR] [--limit N]

Output (one line, JSON): samples, records per batt call, seconds (sum of the batt calls),
evaluations (records x samples) and evaluations per second.
"""

import argparse
import importlib.util
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def load_oracle():
    """tests/fixtures/corpus_oracle.py holds the batt-mode (safe_dsl) model of the DSL."""
    spec = importlib.util.spec_from_file_location(
        'corpus_oracle', ROOT / 'tests' / 'fixtures' / 'corpus_oracle.py')
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--arc-dsl', required=True, help='directory with dsl.py and constants.py')
    ap.add_argument('--tasks', default=str(ROOT.parent / 'shared' / 'arc' / 'arc-agi-1' /
                                           'training'))
    ap.add_argument('--batt', default=str(ROOT / 'corpus' / 'batches' / 'batt_mix.py'))
    ap.add_argument('--limit', type=int, default=0, help='first N tasks only (0: all)')
    args = ap.parse_args()

    oracle = load_oracle()
    _, batt_ns = oracle.load_dsl(args.arc_dsl)
    ns = dict(batt_ns)
    prims = {k: v for k, v in batt_ns.items() if callable(v)}
    ns['_get_safe_default'] = lambda f: (oracle.safe_default_maker(f)() if f in prims.values()
                                         else ())
    text = Path(args.batt).read_text()
    body = '\n'.join(l for l in text.splitlines() if not l.startswith(('from ', 'import ')))
    exec(compile(body, args.batt, 'exec'), ns)
    batt = ns['batt']
    records = text.count('o.append(')

    names = sorted(n for n in os.listdir(args.tasks) if n.endswith('.json'))
    if args.limit:
        names = names[:args.limit]
    grid = oracle.grid
    seconds, samples = 0.0, 0
    for name in names:
        with open(os.path.join(args.tasks, name)) as f:
            t = json.load(f)
        S = tuple((grid(p['input']), grid(p['output'])) for p in t['train'])
        for p in t['train'] + t['test']:
            I = grid(p['input'])
            t0 = time.perf_counter()
            try:
                batt(name[:-5], S, I, None, os.devnull)
            except Exception:
                pass  # an exception outside the wrappers aborts the call (Q25)
            seconds += time.perf_counter() - t0
            samples += 1
    ev = records * samples
    print(json.dumps({'tasks': len(names), 'samples': samples, 'records': records,
                      'seconds': round(seconds, 3), 'evaluations': ev,
                      'evaluations_per_s': round(ev / seconds, 1)}))


if __name__ == '__main__':
    sys.exit(main())
