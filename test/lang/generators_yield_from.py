def inner():
    x = yield "i1"
    print("inner got", x)
    yield "i2"
    return "inner-result"
def outer():
    r = yield from inner()
    print("result", r)
    yield from [10, 20]
    yield from range(2)
g = outer()
print(next(g))
print(g.send("hello"))
print(list(g))
def flatten(t):
    for x in t:
        if isinstance(x, list):
            yield from flatten(x)
        else:
            yield x
print(list(flatten([1, [2, [3, [4]], 5], [[6]]])))
def thrower():
    try:
        yield 1
    except KeyError:
        yield "inner handled"
def deleg():
    yield from thrower()
d = deleg()
next(d)
print(d.throw(KeyError))
