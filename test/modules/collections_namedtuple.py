from collections import namedtuple
P = namedtuple("P", "x y")
p = P(1, 2)
print(p, p.x, p[1], p._asdict(), p._replace(x=10), P._fields, P._make([5, 6]), tuple(p), len(p))
x, y = p
print(x + y, p == (1, 2), isinstance(p, tuple), P.__name__)
Q = namedtuple("Q", ["a", "b", "c"], defaults=[0, 1])
print(Q(5), Q._field_defaults)
R = namedtuple("R", "class def", rename=True)
print(R._fields)
try:
    P(1)
except TypeError as e:
    print("TypeError", e)
try:
    p.x = 5
except AttributeError as e:
    print("AttributeError")
class Pt(namedtuple("Pt", "x y")):
    __slots__ = ()
    def norm(self): return abs(self.x) + abs(self.y)
print(Pt(-1, 2).norm(), Pt(1, 2))
