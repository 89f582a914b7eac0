# expected: python3.13 (3.12 reworded the super(type, obj) error)
class A:
    def f(self): return "A.f"
    @classmethod
    def c(cls): return f"A.c({cls.__name__})"
class B(A):
    def f(self): return "B.f/" + super().f()
    @classmethod
    def c(cls): return "B.c/" + super().c()
b = B()
print(b.f(), B.c(), super(B, b).f(), super(B, B).c())
s = super(B, b)
print(type(s).__name__, s.__thisclass__.__name__, s.__self__ is b, s.__self_class__.__name__)
try:
    super(B, 5)
except TypeError as e:
    print("TypeError", e)
def plain():
    try:
        super()
    except RuntimeError as e:
        print("RuntimeError", e)
plain()
