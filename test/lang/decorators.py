# function decorators, stacked, with arguments
def trace(f):
    def wrapper(*a, **k):
        print("call", f.__name__, a)
        return f(*a, **k)
    return wrapper
def times(n):
    def deco(f):
        def w(*a):
            return [f(*a) for _ in range(n)]
        return w
    return deco
@trace
def add(a, b):
    return a + b
print(add(1, 2))
@times(3)
@trace
def hi(x):
    return "hi " + x
print(hi("bob"))
order = []
def mark(name):
    order.append("make " + name)
    def d(f):
        order.append("apply " + name)
        return f
    return d
@mark("a")
@mark("b")
def z(): pass
print(order)
reg = {}
@(lambda f: reg.setdefault(f.__name__, f))
def registered(): return "r"
print(reg["registered"]())
