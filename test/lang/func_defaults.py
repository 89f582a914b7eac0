# default values are evaluated once at definition time
def f(a, b=2, c=[]):
    c.append(a)
    return a, b, c
print(f(1))
print(f(3, 4))
print(f(5, c=[]))
print(f.__defaults__[0])
n = 10
def g(x=n):
    return x
n = 20
print(g())
def h(a, b=None):
    if b is None:
        b = []
    b.append(a)
    return b
print(h(1), h(2))
