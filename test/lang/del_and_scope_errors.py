x = 10
def f():
    global x
    del x
f()
print("x" in globals())
class C:
    attr = 1
    del attr
print(hasattr(C, "attr"))
lst = [1, 2, 3]
del lst[:]
print(lst)
d = {"a": 1}
try:
    del d["b"]
except KeyError as e:
    print("KeyError", e)
def g():
    v = 1
    def inner():
        nonlocal v
        del v
    inner()
    try:
        return v
    except NameError as e:
        return type(e).__name__
print(g())
