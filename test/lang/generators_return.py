def g():
    yield 1
    return "value"
def h():
    v = yield from g()
    yield v
print(list(h()))
def early(n):
    for i in range(n):
        if i == 2:
            return
        yield i
print(list(early(10)))
def stopiter():
    yield 1
    raise StopIteration
try:
    list(stopiter())
except RuntimeError as e:
    print("RuntimeError", e)
def gstate():
    yield 1
import inspect
x = gstate()
print(inspect.getgeneratorstate(x))
next(x)
print(inspect.getgeneratorstate(x))
list(x)
print(inspect.getgeneratorstate(x))
