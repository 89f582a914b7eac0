T = type("T", (object,), {"x": 1, "hello": lambda self: "hi " + type(self).__name__})
t = T()
print(T.__name__, t.x, t.hello(), T.__bases__, type(T))
U = type("U", (T,), {"y": 2, "__repr__": lambda self: "U()"})
print(U(), U.__mro__[1].__name__, U().x, U().y, issubclass(U, T))
print(type(5), type("s"), type(type), type(None))
try:
    type("V", (5,), {})
except TypeError as e:
    print("TypeError", e)
try:
    type("a", "b")
except TypeError as e:
    print("TypeError", e)
class Base:
    def who(self): return "Base"
class Derived(Base):
    def who(self): return "Derived>" + super(Derived, self).who()
print(Derived().who(), object.__name__, object().__class__.__name__)
W = type("W", (), {"__slots__": ("a",)})
w = W(); w.a = 1
print(w.a, hasattr(w, "__dict__"))
