class R:
    def __init__(self, v): self.v = v
    def __repr__(self): return f"R({self.v})"
    def __radd__(self, o): return R(o + self.v)
    def __rsub__(self, o): return R(o - self.v)
    def __rtruediv__(self, o): return R(o / self.v)
    def __rfloordiv__(self, o): return R(o // self.v)
    def __rmod__(self, o): return R(o % self.v)
    def __rpow__(self, o): return R(o ** self.v)
    def __rmatmul__(self, o): return "rmatmul"
    def __rlshift__(self, o): return R(o << self.v)
    def __rrshift__(self, o): return R(o >> self.v)
    def __rand__(self, o): return R(o & self.v)
    def __ror__(self, o): return R(o | self.v)
    def __rxor__(self, o): return R(o ^ self.v)
    def __rdivmod__(self, o): return divmod(o, self.v)
r = R(3)
print(10 + r, 10 - r, 9 / r, 10 // r, 10 % r, 2 ** r, 1 << r, 16 >> r, 7 & r, 4 | r, 6 ^ r, divmod(10, r))
print([1] @ r)
print(sum([R(1), R(2)], 0).v if False else sum([1, 2], 0))
class Sub(int):
    def __radd__(self, o): return "Sub.__radd__ wins"
    def __add__(self, o): return "Sub.__add__"
print(1 + Sub(2), Sub(2) + 1)
class NI:
    def __add__(self, o): return NotImplemented
    def __radd__(self, o): return NotImplemented
try:
    NI() + NI()
except TypeError as e:
    print("TypeError", e)
