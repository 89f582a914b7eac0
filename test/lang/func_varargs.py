# *args and **kwargs
def f(*args, **kwargs):
    return args, sorted(kwargs.items())
print(f())
print(f(1, 2, a=3))
def g(a, b=0, *rest, c, **kw):
    return a, b, rest, c, kw
print(g(1, c=2))
print(g(1, 2, 3, 4, c=5, d=6))
def count(*a): return len(a)
print(count(*range(10)), count(*"abc", *[1]))
