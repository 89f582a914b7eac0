adders = {}
for n in range(3):
    adders[n] = lambda x, n=n: x + n
print([adders[k](10) for k in adders])
late = [lambda: n for n in range(3)]
print([f() for f in late])
def make(n):
    return lambda: n
print([make(i)() for i in range(3)])
compose = lambda f, g: lambda x: f(g(x))
inc = lambda x: x + 1
dbl = lambda x: x * 2
print(compose(inc, dbl)(5), compose(dbl, inc)(5))
Y = lambda f: (lambda x: x(x))(lambda x: f(lambda *a: x(x)(*a)))
fact = Y(lambda self: lambda n: 1 if n < 2 else n * self(n - 1))
print(fact(10))
