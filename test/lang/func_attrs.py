# function attributes
def outer():
    def inner(x, y=1):
        "inner doc"
        z = x + y
        return z
    return inner
f = outer()
print(f.__name__, f.__qualname__, f.__doc__)
print(f.__code__.co_argcount, f.__code__.co_varnames)
print(f.__defaults__, f.__module__)
f.custom = 42
print(f.custom, f.__dict__)
f.__name__ = "renamed"
print(f.__name__)
def nodoc(): pass
print(nodoc.__doc__)
