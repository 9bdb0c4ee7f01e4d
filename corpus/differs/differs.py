# Differs of the bundled corpus: `differ(S, I, C)` returns (size, witness), size an int that is
# 0 when I == C. batt_mpi runs them on matches only (ARCHITECTURE.md section 6). Both are
# total on grids (no primitive here fails on an empty set), so every value is a valid
# (int, ...) tuple.
from dsl import *
from constants import *


def differ(S, I, C):
    # cells of I that C does not have (same position, same colour); witness: their colours
    x1 = asobject(I)
    x2 = asobject(C)
    x3 = difference(x1, x2)
    x4 = size(x3)
    x5 = palette(x3)
    O = astuple(x4, x5)
    return O


def differ(S, I, C):
    # colours used by only one of I and C; witness: those colours
    x1 = palette(I)
    x2 = palette(C)
    x3 = difference(x1, x2)
    x4 = difference(x2, x1)
    x5 = combine(x3, x4)
    x6 = size(x5)
    O = astuple(x6, x5)
    return O
