sq = lambda x: x * x
print(sq(7), (lambda: "noargs")(), (lambda *a, **k: (a, k))(1, b=2))
add = lambda a, b=10: a + b
print(add(1), add(1, 2))
print(sorted(["bb", "a", "ccc"], key=lambda s: -len(s)))
print(sq.__name__, (lambda: 0).__qualname__)
fs = [lambda x, i=i: x + i for i in range(3)]
print([f(10) for f in fs])
print((lambda x: (lambda y: x + y))(3)(4))
