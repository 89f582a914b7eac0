# Assigning __bases__: MRO and subclass lists follow; CPython's errors.
class A: pass
class B: pass
class C(A): 
    def f(self): return "C"
class D(C): pass
print(D.__mro__)
C.__bases__ = (B,)
print(C.__mro__, D.__mro__, isinstance(D(), B), isinstance(D(), A), issubclass(D, B))
B.g = lambda self: "g"
print(D().g(), C.__subclasses__(), A.__subclasses__(), B.__subclasses__())
for bad in ((), [A], (1,), (D,), (int,)):
    try:
        C.__bases__ = bad
    except TypeError as e:
        print("TypeError", e)
try:
    int.__bases__ = (object,)
except TypeError as e:
    print("TypeError", e)
try:
    del C.__bases__
except TypeError as e:
    print("TypeError", e)
print(C.__bases__)
