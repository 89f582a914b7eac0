def f(**kw):
    return list(kw)
print(f(z=1, a=2, m=3), f(**{"b": 1, "a": 2}), f(x=1, **{"y": 2}, z=3))
def g(a, b, c):
    return a, b, c
print(g(c=3, a=1, b=2), g(1, c=3, b=2), g(*[1], **{"c": 3, "b": 2}))
class P:
    def __init__(self, **attrs):
        for k, v in attrs.items():
            setattr(self, k, v)
print(vars(P(y=2, x=1)))
print(dict(b=1, a=2), dict([("b", 1)], a=2))
