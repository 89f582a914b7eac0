import weakref
class NoWeak:
    __slots__ = ("v",)
try:
    weakref.ref(NoWeak())
except TypeError as e:
    print("TypeError", e)
class Weak:
    __slots__ = ("v", "__weakref__")
w = Weak()
r = weakref.ref(w)
print(r() is w)
class WithDict:
    __slots__ = ("v", "__dict__")
d = WithDict()
d.v = 1
d.other = 2
print(d.v, d.__dict__)
try:
    class Conflict:
        __slots__ = ("x",)
        x = 5
except ValueError as e:
    print("ValueError", e)
class Parent:
    __slots__ = ("a",)
class Child(Parent):
    __slots__ = ("b",)
c = Child(); c.a = 1; c.b = 2
print(c.a, c.b, Child.__slots__, hasattr(c, "__dict__"))
