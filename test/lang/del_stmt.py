x = 1
del x
try:
    x
except NameError as e:
    print("NameError", e)
l = list(range(10))
del l[0]
del l[-1]
del l[::2]
print(l)
d = {"a": 1, "b": 2, "c": 3}
del d["a"], d["c"]
print(d)
class O: pass
o = O(); o.a = 1; o.b = 2
del o.a
print(vars(o))
a, b = 1, 2
del (a, b)
print("a" in dir(), "b" in dir())
def f():
    y = 1
    del y
    try:
        return y
    except UnboundLocalError as e:
        return "UnboundLocalError"
print(f())
