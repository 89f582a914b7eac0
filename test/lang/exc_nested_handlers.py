# exception raised inside an except block sets __context__
def f():
    try:
        raise ValueError("a")
    except ValueError:
        try:
            raise TypeError("b")
        except TypeError as t:
            return t
t = f()
print(repr(t), repr(t.__context__))
import sys
try:
    raise KeyError("x")
except KeyError:
    print(sys.exc_info()[0].__name__)
    try:
        raise ValueError
    except ValueError:
        print(sys.exc_info()[0].__name__)
    print(sys.exc_info()[0].__name__)
print(sys.exc_info())
