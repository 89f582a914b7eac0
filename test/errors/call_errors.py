# expected: python3.13 (3.13 reworded the unexpected keyword argument error of int())
def f(a, b, c=3, *, d, e=5): pass
def g(x, /, y): pass
def h(): pass
class K:
    def m(self, a): pass
cases = [
    lambda: f(1),
    lambda: f(1, 2),
    lambda: f(1, 2, 3, 4, d=1),
    lambda: f(1, 2, d=1, z=9),
    lambda: f(1, 2, b=2, d=1),
    lambda: g(x=1, y=2),
    lambda: h(1),
    lambda: h(a=1),
    lambda: K().m(),
    lambda: K().m(1, 2),
    lambda: K.m(1),
    lambda: f(*5),
    lambda: f(**5),
    lambda: f(1, 2, **{"d": 1}, **{"d": 2}),
    lambda: f(1, 2, **{1: 2}),
    lambda: len(),
    lambda: len([], []),
    lambda: int(x=5),
    lambda: "".join(),
    lambda: [].append(),
    lambda: {}.get(),
    lambda: max(),
    lambda: isinstance(1),
]
for i, c in enumerate(cases):
    try:
        c()
        print(i, "no error")
    except TypeError as e:
        print(i, e)
