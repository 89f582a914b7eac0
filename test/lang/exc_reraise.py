def f():
    try:
        raise ValueError("orig")
    except ValueError:
        print("handling")
        raise
try:
    f()
except ValueError as e:
    print("reraised", e)
def g():
    try:
        raise KeyError("a")
    except KeyError as e:
        err = e
    raise err
try:
    g()
except KeyError as e:
    print("raised saved", e)
try:
    raise TypeError
except TypeError as e:
    print(repr(e), e.args)
try:
    raise IndexError("a", 2)
except IndexError as e:
    print(e.args, str(e))
