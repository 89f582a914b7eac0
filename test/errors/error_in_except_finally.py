def f():
    try:
        raise ValueError("first")
    finally:
        print("finally runs")
try:
    f()
except ValueError as e:
    print("caught", e)
def g():
    try:
        1 / 0
    except ZeroDivisionError:
        raise KeyError("from handler")
try:
    g()
except KeyError as e:
    print(repr(e), type(e.__context__).__name__)
def h():
    try:
        raise ValueError
    finally:
        raise TypeError("from finally")
try:
    h()
except TypeError as e:
    print(e, type(e.__context__).__name__)
