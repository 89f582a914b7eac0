import functools
class Ver:
    def __init__(self, *p): self.p = p
    def __eq__(self, o): return isinstance(o, Ver) and self.p == o.p
    def __lt__(self, o): return self.p < o.p
    def __le__(self, o): return self.p <= o.p
    def __gt__(self, o): return self.p > o.p
    def __ge__(self, o): return self.p >= o.p
    def __repr__(self): return "Ver" + str(self.p)
    __hash__ = None
a, b = Ver(1, 2), Ver(1, 10)
print(a < b, a <= b, a > b, a >= b, a == Ver(1, 2), a != b)
print(sorted([Ver(2), Ver(1, 5), Ver(1)]))
print(max(a, b), a == 5, a != 5)
@functools.total_ordering
class N:
    def __init__(self, n): self.n = n
    def __eq__(self, o): return self.n == o.n
    def __lt__(self, o): return self.n < o.n
print(N(1) > N(0), N(1) >= N(1), N(3) <= N(2))
class Refl:
    def __gt__(self, o):
        print("Refl.__gt__ called")
        return True
print(1 < Refl())
try:
    object() < object()
except TypeError as e:
    print("TypeError", e)
