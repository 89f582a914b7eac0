from enum import Enum, IntEnum, Flag, IntFlag, auto, unique
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
print(Color.RED, repr(Color.GREEN), Color(3), Color["RED"], Color.RED.name, Color.RED.value, list(Color), len(Color))
print(Color.RED is Color(1), Color.RED == 1, isinstance(Color.RED, Color), [c.name for c in Color])
class N(IntEnum):
    ONE = 1
    TWO = 2
print(N.ONE + 1, N.TWO == 2, sorted([N.TWO, N.ONE]), int(N.TWO))
class Perm(Flag):
    R = auto()
    W = auto()
    X = auto()
rw = Perm.R | Perm.W
print(Perm.R.value, Perm.X.value, Perm.R in rw, Perm.X in rw, bool(Perm(0)))
class A(Enum):
    X = auto()
    Y = auto()
print(A.X.value, A.Y.value)
try:
    Color(9)
except ValueError as e:
    print("ValueError", e)
try:
    @unique
    class Dup(Enum):
        A = 1
        B = 1
except ValueError as e:
    print("ValueError", e)
class Alias(Enum):
    A = 1
    B = 1
print(Alias.B is Alias.A, list(Alias))
class M(Enum):
    PLANET = (1, 2)
    def __init__(self, a, b): self.total = a + b
print(M.PLANET.total)
