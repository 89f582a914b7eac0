class P:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
p = P(1, 2)
print(p.x, p.y)
try:
    p.z = 3
except AttributeError as e:
    print("AttributeError")
print(hasattr(p, "__dict__"), P.__slots__)
del p.x
try:
    p.x
except AttributeError:
    print("x deleted")
class Q(P):
    pass
q = Q(1, 2)
q.z = 3
print(q.z, hasattr(q, "__dict__"))
class R(P):
    __slots__ = ("w",)
r = R(1, 2)
r.w = 9
print(r.w, hasattr(r, "__dict__"))
class S:
    __slots__ = "single"
s = S(); s.single = "ok"
print(s.single, type(P.x).__name__)
