# comprehension scopes: the iteration variable does not leak; first iterable is evaluated outside
class C:
    vals = [1, 2, 3]
    doubled = [v * 2 for v in vals]
print(C.doubled)
def f():
    n = 3
    return [i * n for i in range(n)]
print(f())
i = 100
l = [i for i in range(3)]
print(i, l)
def g():
    return [lambda: k for k in range(3)]
print([h() for h in g()])
print([[k for k in range(j)] for j in range(4)])
