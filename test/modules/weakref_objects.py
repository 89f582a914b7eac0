# Weak references to functions, bound methods, generators, coroutines and I/O objects.
import weakref, gc, io

def f():
    return 1
rf = weakref.ref(f)
print(rf() is f, weakref.getweakrefcount(f))
del f
gc.collect()
print(rf())

class K:
    def m(self):
        return "m"
k = K()
bm = k.m
rm = weakref.ref(bm)
print(rm()(), rm() is bm)
del bm
print(rm())
wm = weakref.WeakMethod(k.m)
print(wm()())
del k
gc.collect()
print(wm())

def gen():
    yield 1
g = gen()
rg = weakref.ref(g)
print(next(rg()))
del g
print(rg())

async def co():
    return 5
c = co()
rc = weakref.ref(c)
print(type(rc()).__name__)
c.close()
del c
print(rc())

seen = []
for obj in (io.BytesIO(b"x"), io.StringIO("y"), io.TextIOWrapper(io.BytesIO(b"z"), encoding="ascii")):
    name = type(obj).__name__
    r = weakref.ref(obj, lambda ref, name=name: seen.append(name))
    print(name, r() is obj)
    del obj
print(seen)

class MyIO(io.BytesIO):
    pass
m = MyIO(b"q")
p = weakref.proxy(m)
print(p.read())
del m
gc.collect()
try:
    p.read()
except ReferenceError as e:
    print("ReferenceError", e)

d = weakref.WeakValueDictionary()
def handler():
    pass
d["h"] = handler
print(list(d))
del handler
gc.collect()
print(list(d))
