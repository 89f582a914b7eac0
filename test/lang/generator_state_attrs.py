def g():
    yield 1
it = g()
print(it.gi_running, it.gi_frame is not None, it.gi_code.co_name, it.__name__, it.__qualname__)
next(it)
print(it.gi_suspended if hasattr(it, "gi_suspended") else True)
list(it)
print(it.gi_frame)
def outer():
    yield from inner()
def inner():
    yield 1
o = outer()
next(o)
print(o.gi_yieldfrom.__name__ if o.gi_yieldfrom else None)
