class Acc:
    def __init__(self, v): self.v = v
    def __iadd__(self, o):
        print("iadd"); self.v += o; return self
    def __isub__(self, o):
        print("isub"); self.v -= o; return self
    def __imul__(self, o):
        print("imul"); self.v *= o; return self
    def __itruediv__(self, o): self.v /= o; return self
    def __ifloordiv__(self, o): self.v //= o; return self
    def __imod__(self, o): self.v %= o; return self
    def __ipow__(self, o): self.v **= o; return self
    def __ilshift__(self, o): self.v <<= o; return self
    def __irshift__(self, o): self.v >>= o; return self
    def __iand__(self, o): self.v &= o; return self
    def __ior__(self, o): self.v |= o; return self
    def __ixor__(self, o): self.v ^= o; return self
    def __imatmul__(self, o): self.v = ("@", self.v); return self
a = Acc(10)
orig = a
a += 5; a -= 3; a *= 2
print(a.v, a is orig)
a //= 5; a **= 3; a %= 50; a <<= 2; a >>= 1; a &= 0xfe; a |= 1; a ^= 3
print(a.v)
a /= 4
print(a.v)
a @= 0
print(a.v)
class OnlyAdd:
    def __init__(self, v): self.v = v
    def __add__(self, o): return OnlyAdd(self.v + o)
b = OnlyAdd(1)
c = b
b += 1
print(b.v, c.v, b is c)
