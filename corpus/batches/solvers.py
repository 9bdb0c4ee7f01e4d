# Our own arc-dsl solvers for the ten ARC-AGI-1 training tasks of corpus/tasks/ (translated
# from tests/support/arc_solvers.hpp). Each one reproduces every train and test output of its
# task in the reference Python arc-dsl (checked by tests/fixtures/corpus_oracle.py).
# corpus/tools/make_batch.py reads this file to write batt_mix.py.
from dsl import *
from constants import *


def solve_3c9b0459(I):
    # half a turn, as rot90 applied twice through power
    x1 = power(rot90, TWO)
    O = x1(I)
    return O


def solve_c9e6f938(I):
    # the grid next to its mirror image
    x1 = vmirror(I)
    O = hconcat(I, x1)
    return O


def solve_7b7f7511(I):
    # the grid is two copies: keep the first half, along the longer side
    x1 = portrait(I)
    x2 = branch(x1, tophalf, lefthalf)
    O = x2(I)
    return O


def solve_007bbfb7(I):
    # fractal: the grid tiled 3 x 3, kept where the upscaled grid is coloured
    x1 = upscale(I, THREE)
    x2 = hconcat(I, I)
    x3 = hconcat(I, x2)
    x4 = vconcat(x3, x3)
    x5 = vconcat(x3, x4)
    O = cellwise(x1, x5, ZERO)
    return O


def solve_6f8cd79b(I):
    # the border of the grid becomes azure
    x1 = asindices(I)
    x2 = box(x1)
    O = fill(I, EIGHT, x2)
    return O


def solve_aedd82e4(I):
    # isolated red cells become blue
    x1 = objects(I, T, F, F)
    x2 = colorfilter(x1, TWO)
    x3 = sizefilter(x2, ONE)
    x4 = merge(x3)
    O = fill(I, ONE, x4)
    return O


def solve_a5313dff(I):
    # black regions that do not touch the border become blue
    x1 = objects(I, T, F, F)
    x2 = colorfilter(x1, ZERO)
    x3 = rbind(bordering, I)
    x4 = compose(flip, x3)
    x5 = mfilter(x2, x4)
    O = fill(I, ONE, x5)
    return O


def solve_6e82a1ae(I):
    # objects of size 2, 3, 4 are painted 3, 2, 1 (a bound, composed lookup called 3 times)
    x1 = objects(I, T, F, T)
    x2 = lbind(sizefilter, x1)
    x3 = compose(merge, x2)
    x4 = x3(TWO)
    x5 = fill(I, THREE, x4)
    x6 = x3(THREE)
    x7 = fill(x5, TWO, x6)
    x8 = x3(FOUR)
    O = fill(x7, ONE, x8)
    return O


def solve_5521c0d9(I):
    # every object moves up by its own height
    x1 = objects(I, T, F, T)
    x2 = merge(x1)
    x3 = cover(I, x2)
    x4 = chain(toivec, invert, height)
    x5 = fork(shift, identity, x4)
    x6 = mapply(x5, x1)
    O = paint(x3, x6)
    return O


def solve_d2abd087(I):
    # objects of size 6 become red, the others blue
    x1 = objects(I, T, F, T)
    x2 = matcher(size, SIX)
    x3 = sfilter(x1, x2)
    x4 = difference(x1, x3)
    x5 = merge(x3)
    x6 = fill(I, TWO, x5)
    x7 = merge(x4)
    O = fill(x6, ONE, x7)
    return O
