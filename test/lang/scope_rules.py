# LEGB resolution
len = lambda x: "shadowed"
print(len([1]))
del len
print(len([1]))
x = "global"
def f():
    x = "enclosing"
    def g():
        return x
    return g()
print(f())
def h():
    print(x)
h()
def k():
    if False:
        x = 1
    try:
        return x
    except UnboundLocalError:
        return "unbound"
print(k())
import builtins
print(builtins.len is len)
