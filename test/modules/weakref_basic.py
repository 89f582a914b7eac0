import weakref, gc
class Obj:
    def __init__(self, n): self.n = n
o = Obj(1)
r = weakref.ref(o)
print(r() is o, r().n, weakref.getweakrefcount(o))
calls = []
r2 = weakref.ref(o, lambda ref: calls.append("callback"))
del o
gc.collect()
print(r(), calls)
d = weakref.WeakValueDictionary()
k = Obj(2)
d["k"] = k
print(len(d), d["k"].n)
del k
gc.collect()
print(len(d), "k" in d)
s = weakref.WeakSet()
items = [Obj(i) for i in range(3)]
for i in items: s.add(i)
print(len(s))
del items[0]
gc.collect()
print(len(s))
p = weakref.proxy(Obj(5)) if False else None
try:
    weakref.ref(5)
except TypeError as e:
    print("TypeError", e)
fin_calls = []
z = Obj(9)
weakref.finalize(z, fin_calls.append, "finalized")
del z
gc.collect()
print(fin_calls)
