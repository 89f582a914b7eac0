class P:
    cls_attr = 1
    def __init__(self):
        self.x = 1
        self.y = 2
    def method(self): pass
p = P()
print(vars(p), sorted(k for k in vars(P) if not k.startswith("__")))
print([n for n in dir(p) if not n.startswith("__")])
print("x" in dir(p), "method" in dir(P), "__init__" in dir(p))
class D:
    def __dir__(self): return ["b", "a", "c"]
print(dir(D()))
try:
    vars(5)
except TypeError as e:
    print("TypeError", e)
import types
m = types.ModuleType("m")
m.z = 1
print(dir(m), vars(m)["z"])
def f():
    a = 1
    b = 2
    return dir()
print(f())
