# LOAD_ATTR / LOAD_METHOD / STORE_ATTR inline caches: every way the answer
# of an attribute lookup can change after a call site ran many times.

def getx(o):
    return o.x

def callm(o):
    return o.m()

def setx(o, v):
    o.x = v

def loop(f, *args, n=30):
    r = None
    for _ in range(n):
        r = f(*args)
    return r

# instance attributes, then a class attribute of the same name
class A:
    def __init__(self):
        self.x = 1
a = A()
print(loop(getx, a))
a.x = 2
print(loop(getx, a))
del a.x
try:
    getx(a)
except AttributeError as e:
    print("AttributeError:", e)
A.x = "class"
print(loop(getx, a))
a.x = "inst"
print(loop(getx, a))
del A.x
print(loop(getx, a))

# methods replaced, deleted, shadowed by the instance
class B:
    def m(self):
        return "B.m"
b = B()
print(loop(callm, b))
B.m = lambda self: "new m"
print(loop(callm, b))
b.m = lambda: "instance m"
print(loop(callm, b))
del b.m
print(loop(callm, b))
del B.m
try:
    callm(b)
except AttributeError as e:
    print("AttributeError:", e)

# a data descriptor added to a base later wins over the instance dict
class Base:
    pass
class C(Base):
    def __init__(self):
        self.x = "inst"
c = C()
print(loop(getx, c))
Base.x = property(lambda self: "property in base")
print(loop(getx, c))
try:
    setx(c, 5)
except AttributeError as e:
    print("AttributeError:", e)
del Base.x
print(loop(getx, c))
loop(setx, c, 7)
print(c.x, c.__dict__)

# a non-data descriptor gains __set__ on its class: not cached as such
class Desc:
    def __get__(self, obj, typ=None):
        return "Desc.__get__"
class E:
    x = Desc()
e = E()
print(loop(getx, e))
e.__dict__["x"] = "dict wins"
print(loop(getx, e))
Desc.__set__ = lambda self, obj, v: None
print(loop(getx, e))

# __getattr__ and __getattribute__ added later
class F:
    def __init__(self):
        self.x = "real"
f = F()
print(loop(getx, f))
del f.x
F.__getattr__ = lambda self, name: "getattr:" + name
print(loop(getx, f))
f.x = "real again"
print(loop(getx, f))
F.__getattribute__ = lambda self, name: "getattribute:" + name
print(loop(getx, f))
del F.__getattribute__
print(loop(getx, f))
F.__setattr__ = lambda self, name, v: object.__setattr__(self, name, v * 2)
loop(setx, f, 21)
print(f.x)

# __slots__ and dict instances with the same attribute name at one site
class S:
    __slots__ = ("x",)
    def __init__(self, v):
        self.x = v
class D:
    def __init__(self, v):
        self.x = v
objs = [S(1), D(2), S(3), D(4)]
for _ in range(20):
    total = 0
    for o in objs:
        total += getx(o)
print(total)
s = S(9)
del s.x
try:
    getx(s)
except AttributeError as e:
    print("AttributeError:", e)
for o in objs:
    loop(setx, o, 10)
print([getx(o) for o in objs])
try:
    setx(S.__new__(S), 1) or print("slot set ok")
except AttributeError as e:
    print("AttributeError:", e)

# many types through one call site (polymorphic)
classes = [type("K%d" % i, (), {"x": i, "m": (lambda i: lambda self: i * 10)(i)})
           for i in range(12)]
insts = [k() for k in classes]
for _ in range(5):
    print(sum(getx(o) for o in insts), sum(callm(o) for o in insts), end=" ")
print()
for i, k in enumerate(classes):
    if i % 2:
        k.x = -i
print(sum(getx(o) for o in insts))

# properties, class/static methods, class values
class P:
    scale = 3
    def __init__(self):
        self._v = 5
    @property
    def x(self):
        return self._v * P.scale
    @classmethod
    def m(cls):
        return cls.__name__
class Q(P):
    pass
p, q = P(), Q()
print(loop(getx, p), loop(callm, p), loop(callm, q))
P.scale = 10
print(loop(getx, p))
P.x = property(lambda self: "replaced")
print(loop(getx, q))
P.m = staticmethod(lambda: "static")
print(loop(callm, q))

# __class__ assignment between two layouts
class G1:
    def m(self):
        return "G1"
class G2:
    def m(self):
        return "G2"
g = G1()
print(loop(callm, g))
g.__class__ = G2
print(loop(callm, g))

# a property deleting itself from the class while it runs
class H:
    @property
    def x(self):
        del H.x
        return "once"
h = H()
print(getx(h))
h.x = "after"
print(loop(getx, h))

# builtin types and modules at the same sites
import math
def getpi(m):
    return m.pi
print(loop(getpi, math))
print(loop(callm, type("T", (), {"m": len.__call__ and (lambda self: "T.m")})()))
print(loop(lambda: (1.5).real), loop(lambda: "abc".upper()))

# a metaclass attribute versus a class attribute
class Meta(type):
    x = "meta"
class M(metaclass=Meta):
    pass
print(loop(getx, M))
M.x = "class"
print(loop(getx, M))
del M.x
print(loop(getx, M))

# __slots__ members: in place reads/writes, unset slots, a subclass, a
# member descriptor copied into an unrelated class, read-only members
class SS:
    __slots__ = ("x", "y")
class SSub(SS):
    __slots__ = ("z",)
def gety(o):
    return o.y
def sety(o, v):
    o.y = v
s1, s2 = SS(), SSub()
for o in (s1, s2, s1, s2):
    loop(sety, o, 5)
print(loop(gety, s1), loop(gety, s2))
del s2.y
try:
    gety(s2)
except AttributeError as e:
    print("AttributeError:", e)
class Foreign:
    y = SS.y
try:
    loop(gety, Foreign())
except TypeError as e:
    print("TypeError:", e)
try:
    loop(sety, Foreign(), 1)
except TypeError as e:
    print("TypeError:", e)
sl = slice(1, 2)
def getstart(o):
    return o.start
print(loop(getstart, sl), loop(getstart, slice(7, 8)))
SS.y = "class value now"
print(loop(gety, s1), loop(gety, s2))
