# expected: python3.13 (the reference; 3.11 differs in messages or caret lines)
class C:
    __slots__ = ("a",)
class D:
    x = 1
    @property
    def ro(self): return 1
import math
cases = [
    lambda: (5).foo,
    lambda: "s".nope,
    lambda: [].add,
    lambda: None.x,
    lambda: C().a,
    lambda: setattr(C(), "b", 1),
    lambda: D().missing,
    lambda: D.missing,
    lambda: setattr(D(), "ro", 2),
    lambda: delattr(D(), "ro"),
    lambda: delattr(D(), "x"),
    lambda: math.nosuch,
    lambda: setattr(5, "x", 1),
    lambda: setattr(int, "x", 1),
    lambda: setattr([], "append", 1),
    lambda: (lambda: 0).nothing,
    lambda: type.__dict__["__name__"].__set__(5, "x"),
    lambda: object().__dict__,
]
for i, c in enumerate(cases):
    try:
        c()
        print(i, "no error")
    except (AttributeError, TypeError) as e:
        print(i, type(e).__name__, e)
