def g():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print("caught", e)
        yield "recovered"
    finally:
        print("finally")
it = g()
print(next(it))
print(it.throw(ValueError("boom")))
try:
    next(it)
except StopIteration:
    print("done")
it = g()
next(it)
it.close()
print("closed")
it.close()
def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield "no"
s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print("RuntimeError", e)
def h():
    yield 1
x = h()
try:
    x.throw(KeyError("k"))
except KeyError as e:
    print("KeyError", e)
print(list(x))
