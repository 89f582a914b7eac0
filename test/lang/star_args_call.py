def f(a, b, c, d=4, **kw):
    return a, b, c, d, sorted(kw.items())
args = [1, 2]
print(f(*args, 3))
print(f(*args, *[3]))
print(f(1, *(2, 3), d=5))
print(f(**{"a": 1, "b": 2, "c": 3}))
print(f(1, **{"b": 2}, c=3, **{"e": 5}))
print(f(*range(3), x=1, **{"y": 2}))
print(*[1, 2, 3], sep="-")
print([*range(3), *"ab"], (*[1], 2), {*(1, 1), 2}, {**{"a": 1}, "b": 2})
try:
    f(1, 2, 3, **{"a": 9})
except TypeError as e:
    print("TypeError", e)
