#!/usr/bin/env python3
"""Writes corpus/batches/batt_mix.py and batt_mix_call.py from corpus/batches/solvers.py.

The output is a tokpidjin batt file (b5409c8a header, 273a50a1 `except` tuple; see
shared/reference/tokpidjin-pipeline.md section 2) in ARC-DSL names only, holding:

* every solver of solvers.py, renumbered (`x3` -> `tN`), so that it deduplicates against
  solvers.py (record evo False);
* up to MUTANTS_PER_SOLVER single-site mutants of each solver (record evo True), one change
  each (fewer when a solver has fewer possible changes):
  - const: a constant swapped for another of its group (ONE -> TWO, T -> F, DOWN -> LEFT);
  - prim:  a primitive, as callee or as a function value, swapped for one of the same arity
           and kind (hmirror -> vmirror, fill -> underfill, box -> outbox, ...);
  - arg:   a variable argument or callee (I, xK) replaced by another earlier variable;
  Mutants are kept only when their inlined expression is new in the whole batch, so every
  mutant is a distinct candidate. FORCED mutants come first: they are known to still solve
  their task (rot90 -> rot270 and TWO -> SIX under power(., TWO) both still give rot180).
* DUPLICATES renumbered copies of already emitted programs (fresh t-numbers, same text), so
  the batch holds records that deduplicate inside one file.

Lines are emitted round-robin over the programs, one line per program per round, and a line
whose text was already emitted is not emitted again (its t-number is reused), as card.py
does (pipeline.md section 1.3 step 8). Nothing here runs DSL code: which mutants solve, fail
or raise is found by tests/fixtures/corpus_oracle.py.

Deterministic: the same solvers.py and SEED give byte-identical files.
Run: python3 corpus/tools/make_batch.py [--solvers FILE] [--out DIR] [--seed N] [--check]
(--check writes nothing and exits 1 when the files on disk are stale; ctest runs it).
"""

import argparse
import ast
import os
import random
import sys

SEED = 4005
MUTANTS_PER_SOLVER = 10
DUPLICATES = 12

# Constants that may replace one another (arc-dsl constants.py). Numbers stop at NINE so a
# swapped scale factor keeps grids small (no candidate should hit a resource cap).
CONST_GROUPS = [
    ['ZERO', 'ONE', 'TWO', 'THREE', 'FOUR', 'FIVE', 'SIX', 'SEVEN', 'EIGHT', 'NINE'],
    ['T', 'F'],
    ['DOWN', 'RIGHT', 'UP', 'LEFT', 'ORIGIN', 'UNITY', 'NEG_UNITY', 'UP_RIGHT', 'DOWN_LEFT'],
]

# Primitives of the same arity and kind (arc-dsl dsl.py signatures).
PRIM_GROUPS = [
    ['rot90', 'rot180', 'rot270', 'hmirror', 'vmirror', 'dmirror', 'cmirror'],
    ['tophalf', 'bottomhalf', 'lefthalf', 'righthalf'],
    ['hconcat', 'vconcat'],
    ['fill', 'underfill'],
    ['paint', 'underpaint'],
    ['box', 'inbox', 'outbox', 'backdrop', 'delta', 'corners'],
    ['neighbors', 'dneighbors', 'ineighbors'],
    ['combine', 'difference', 'intersection'],
    ['colorfilter', 'sizefilter'],
    ['sfilter', 'mfilter'],
    ['height', 'width', 'size'],
    ['toivec', 'tojvec'],
    ['invert', 'increment', 'decrement', 'double', 'halve'],
    ['upscale', 'downscale', 'hupscale', 'vupscale'],
    ['portrait', 'square'],
    ['lbind', 'rbind'],
    ['flip', 'identity'],
]

# (task, line index, position, new token): position 0 is the callee, i >= 1 argument i.
FORCED = [
    ('3c9b0459', 0, 1, 'rot270'),
    ('3c9b0459', 0, 2, 'SIX'),
]

EXCEPT = '(TypeError, AttributeError, ValueError)'


def group_of(token, groups):
    for g in groups:
        if token in g:
            return g
    return None


class Program:
    """One straight-line program: lines [(var, [callee, arg, ...])], the last var is O."""

    def __init__(self, task, lines, label, evo):
        self.task, self.lines, self.label, self.evo = task, lines, label, evo

    def expr(self):
        """Inlined expression text of O (the canonical expression, up to spacing)."""
        env = {}
        for var, toks in self.lines:
            parts = [env.get(t, t) for t in toks]
            env[var] = parts[0] + '(' + ', '.join(parts[1:]) + ')'
        return env[self.lines[-1][0]]


def read_solvers(path):
    tree = ast.parse(open(path).read(), path)
    progs = []
    for fn in tree.body:
        if not isinstance(fn, ast.FunctionDef):
            continue
        assert fn.name.startswith('solve_'), fn.name
        lines = []
        for st in fn.body:
            if isinstance(st, ast.Return):
                break
            assert isinstance(st, ast.Assign) and isinstance(st.value, ast.Call), ast.dump(st)
            call = st.value
            toks = [call.func.id] + [a.id for a in call.args]  # names only, by design
            lines.append((st.targets[0].id, toks))
        progs.append(Program(fn.name[len('solve_'):], lines, 'original', False))
    return progs


def single_site_mutations(prog):
    """Every one-token change of `prog`, in a fixed order: (kind, line, pos, new)."""
    out = []
    defined = ['I']
    for li, (var, toks) in enumerate(prog.lines):
        for pos, tok in enumerate(toks):
            g = group_of(tok, CONST_GROUPS)
            if g:
                out += [('const', li, pos, n) for n in g if n != tok]
            g = group_of(tok, PRIM_GROUPS)
            if g:
                out += [('prim', li, pos, n) for n in g if n != tok]
            if tok in defined:
                out += [('arg', li, pos, n) for n in defined if n != tok]
        defined.append(var)
    return out


def apply_mutation(prog, kind, li, pos, new):
    lines = [(v, list(t)) for v, t in prog.lines]
    old = lines[li][1][pos]
    lines[li][1][pos] = new
    where = 'callee' if pos == 0 else f'arg {pos}'
    label = f'{kind}: {lines[li][0]} {where} {old} -> {new}'
    return Program(prog.task, lines, label, True)


def choose_mutants(originals, rng):
    seen = {p.expr() for p in originals}
    chosen = []
    for prog in originals:
        forced = [('forced', li, pos, new) for t, li, pos, new in FORCED if t == prog.task]
        pool = single_site_mutations(prog)
        rng.shuffle(pool)
        mine = []
        for kind, li, pos, new in forced + pool:
            if len(mine) == MUTANTS_PER_SOLVER:
                break
            m = apply_mutation(prog, kind, li, pos, new)
            if m.expr() in seen:
                continue
            seen.add(m.expr())
            mine.append(m)
        chosen += mine
    return chosen


class Writer:
    """Emits protected t-lines, o.append records and the t_call map."""

    def __init__(self):
        self.body = []
        self.calls = {}
        self.by_text = {}
        self.next_t = 1

    def line(self, toks, comment, share):
        text = ', '.join(toks)
        if share and text in self.by_text:
            return self.by_text[text]
        n = self.next_t
        self.next_t += 1
        if share:
            self.by_text[text] = n
        callee, args = toks[0], toks[1:]
        self.body += [
            f'    # t{n} - {comment}',
            '    try:',
            f'        t{n} = {callee}({", ".join(args)})',
            f'    except {EXCEPT}:',
            f'        t{n} = _get_safe_default({callee})',
        ]
        self.calls[n] = text
        return n

    def emit(self, progs, share):
        """Round-robin over `progs`, one line of each per round."""
        envs = [{} for _ in progs]
        for r in range(max(len(p.lines) for p in progs)):
            for p, env in zip(progs, envs):
                if r >= len(p.lines):
                    continue
                var, toks = p.lines[r]
                renamed = [env.get(t, t) for t in toks]
                comment = f'solve_{p.task} {var} ({p.label})'
                n = self.line(renamed, comment, share)
                env[var] = f't{n}'
                if r == len(p.lines) - 1:
                    self.body.append(f"    o.append(({n}, {p.evo}, '{p.task}', t{n}))")


HEADER = '''# Generated by corpus/tools/make_batch.py from corpus/batches/solvers.py (seed {seed}).
# A tokpidjin batt file in ARC-DSL names: the solvers of solvers.py renumbered, single-site
# mutants of them (evo True) and renumbered duplicates. Data only: never run as Python here.
from dsl import *
from constants import *
from safe_dsl import _get_safe_default


def batt(task_id, S, I, C, log_path):
    s = []
    o = []
'''


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--solvers', default=os.path.join(root, 'batches', 'solvers.py'))
    ap.add_argument('--out', default=os.path.join(root, 'batches'))
    ap.add_argument('--seed', type=int, default=SEED)
    ap.add_argument('--check', action='store_true',
                    help='write nothing; exit 1 if the files in --out differ from the output')
    a = ap.parse_args()

    rng = random.Random(a.seed)
    originals = read_solvers(a.solvers)
    mutants = choose_mutants(originals, rng)
    dups = [Program(p.task, p.lines, 'renumbered duplicate of ' + p.label, p.evo)
            for p in rng.sample(originals + mutants, DUPLICATES)]

    w = Writer()
    w.emit(originals + mutants, share=True)
    for p in dups:
        w.emit([p], share=False)
    w.body.append('    return o, s')

    items = ', '.join(f'{n}: {w.calls[n]!r}' for n in sorted(w.calls))
    files = {'batt_mix.py': HEADER.format(seed=a.seed) + '\n'.join(w.body) + '\n',
             'batt_mix_call.py': 't_call = {' + items + '}\n'}
    stale = []
    for name, text in files.items():
        path = os.path.join(a.out, name)
        if a.check:
            if not os.path.exists(path) or open(path).read() != text:
                stale.append(path)
        else:
            with open(path, 'w') as f:
                f.write(text)

    records = len(originals) + len(mutants) + len(dups)
    kinds = {}
    for m in mutants:
        k = m.label.split(':')[0]
        kinds[k] = kinds.get(k, 0) + 1
    print(f'make_batch: {len(originals)} solvers, {len(mutants)} mutants {kinds}, '
          f'{len(dups)} duplicates: {records} records, '
          f'{len({p.expr() for p in originals + mutants})} distinct programs, '
          f'{w.next_t - 1} t-lines', file=sys.stderr)
    for path in stale:
        print(f'make_batch: {path} is not what {a.solvers} and seed {a.seed} give; '
              'rerun corpus/tools/make_batch.py', file=sys.stderr)
    return 1 if stale else 0


if __name__ == '__main__':
    sys.exit(main())
