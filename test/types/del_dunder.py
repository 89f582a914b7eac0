import gc
class D:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
a = D(1)
del a
print("after del a")
b = D(2)
b = None
print("after rebinding")
def f():
    x = D(3)
f()
print("after f")
l = [D(4)]
l.clear()
c = D(6)
c.self = c
del c
gc.collect()
print("after collect")
