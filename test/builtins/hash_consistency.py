# equal numbers hash equal across types; hash of a value is stable within a run
from fractions import Fraction
from decimal import Decimal
vals = [(2, 2.0, Fraction(2), complex(2, 0), Decimal(2)), (0.5, Fraction(1, 2), Decimal("0.5")), (-1, -1.0, Fraction(-1))]
for group in vals:
    print(len({hash(v) for v in group}) == 1)
d = {1: "int"}
d[1.0] = "float"
d[Fraction(1)] = "fraction"
print(d)
print(hash("abc") == hash("abc"), hash(b"abc") == hash(b"abc"), hash((1, "a")) == hash((1, "a")))
class H:
    def __hash__(self): return -1
print(hash(H()))
class Big:
    def __hash__(self): return 2 ** 100
print(hash(Big()) == hash(2 ** 100))
