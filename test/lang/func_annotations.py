# annotations are stored in __annotations__
def f(a: int, b: "str" = "x", *args: float, c: list = None, **kw: dict) -> bool:
    return True
for k, v in f.__annotations__.items():
    print(k, v)
def g(): pass
print(g.__annotations__)
x: int = 5
y: str
print(__annotations__)
class C:
    a: int
    b: str = "s"
print(C.__annotations__)
print(hasattr(C, "a"), C.b)
