class A:
    "Docstring A."
    x = 1
    def m(self): pass
    class Inner:
        def meth(self): pass
a = A()
print(a.__class__ is A, type(a) is A, A.__doc__, A.__name__, A.__qualname__)
print(A.Inner.__qualname__, A.Inner.meth.__qualname__, A.m.__qualname__)
print(sorted(k for k in A.__dict__ if not k.startswith("__")))
print(type(A.__dict__).__name__)
a.y = 2
print(a.__dict__)
a.__dict__["z"] = 3
print(a.z)
class B: pass
a.__class__ = B
print(type(a).__name__)
print(int.__doc__ is not None, A.__module__)
def fn():
    def nested(): pass
    return nested
print(fn().__qualname__)
