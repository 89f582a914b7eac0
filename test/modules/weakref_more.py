import weakref, gc
class K:
    def __init__(self, n): self.n = n
    def method(self): return self.n
a, b = K(1), K(2)
wk = weakref.WeakKeyDictionary({a: "A", b: "B"})
print(len(wk), wk[a])
del a
gc.collect()
print(len(wk), [k.n for k in wk.keys()])
wm = weakref.WeakMethod(b.method)
print(wm()())
del b
gc.collect()
print(wm())
c = K(3)
p = weakref.proxy(c)
print(p.n, p.method())
del c
gc.collect()
try:
    p.n
except ReferenceError as e:
    print("ReferenceError", e)
d = K(4)
r1 = weakref.ref(d)
r2 = weakref.ref(d)
print(r1 is r2, r1 == r2, hash(r1) == hash(r2), weakref.getweakrefcount(d))
