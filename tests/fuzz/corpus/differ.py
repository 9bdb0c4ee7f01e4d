from dsl import *
from constants import *

def differ(S, I, C):
    x1 = apply(first, S)
    x2 = apply(second, S)
    x3 = mapply(palette, x1)
    O = difference(x3, mapply(palette, x2))
    return O
