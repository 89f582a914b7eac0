class A: pass
class B(A): pass
class C: pass
b = B()
print(isinstance(b, B), isinstance(b, A), isinstance(b, C), isinstance(b, (C, A)), isinstance(b, (C, (int, B))))
print(issubclass(B, A), issubclass(A, B), issubclass(B, (C, A)), issubclass(A, A), issubclass(bool, int), issubclass(int, (str, float)))
print(isinstance(1, int), isinstance(True, int), isinstance(1.0, int), isinstance("s", str), isinstance(None, type(None)))
print(isinstance([], (list, tuple)), isinstance(int, type), isinstance(b, object), isinstance(3, (int | str)))
try:
    isinstance(1, 2)
except TypeError as e:
    print("TypeError", e)
try:
    issubclass(b, A)
except TypeError as e:
    print("TypeError", e)
class Meta(type):
    def __instancecheck__(cls, inst): return inst == "magic"
    def __subclasscheck__(cls, sub): return sub is int
class M(metaclass=Meta): pass
print(isinstance("magic", M), isinstance("other", M), issubclass(int, M), issubclass(str, M))
