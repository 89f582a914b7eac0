class Grid:
    def __init__(self): self.d = {}
    def __getitem__(self, k):
        print("get", k)
        return self.d.get(repr(k), 0)
    def __setitem__(self, k, v):
        print("set", k, v)
        self.d[repr(k)] = v
    def __delitem__(self, k):
        print("del", k)
        del self.d[repr(k)]
g = Grid()
g[1, 2] = "a"
print(g[1, 2], g[0, 0])
del g[1, 2]
g[1:3] = "s"
g[::2]
g[..., 1]
class Missing(dict):
    def __missing__(self, k):
        return k * 2
m = Missing(a=1)
print(m["a"], m["zz"], m.get("zz"))
class Idx:
    def __index__(self): return 2
print([10, 20, 30][Idx()], "abc"[Idx()], range(10)[Idx()])
class LenHint:
    def __length_hint__(self): return 7
import operator
print(operator.length_hint(LenHint()))
