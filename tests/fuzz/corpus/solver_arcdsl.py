from dsl import *
from constants import *


def solve_5a0b7c11(I):
    x1 = rot90(I)
    x2 = hmirror(x1)
    O = hconcat(x1, x2)
    return O


def solve_9e2d4f60(I):
    x1 = objects(I, T, F, T)
    x2 = argmax(x1, size)
    x3 = shift(x2, (-1, 2))
    x4 = rbind(upscale, TWO)
    x5 = compose(hmirror, x4)(I)
    O = paint(x5, x3)
    return O
