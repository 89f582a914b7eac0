from functools import reduce, partial, update_wrapper
print(reduce(lambda acc, x: acc + [x * 2], [1, 2, 3], []), reduce(lambda a, b: a if a > b else b, "hello"))
try:
    reduce(lambda a, b: a, [])
except TypeError as e:
    print("TypeError", e)
p = partial(partial(lambda a, b, c: a + b + c, 1), 2)
print(p(3), p.args, p.func.__name__ if hasattr(p.func, "__name__") else "")
basetwo = partial(int, base=2)
basetwo.__doc__ = "convert base-2 strings"
print(basetwo("111"), basetwo("1", base=10), basetwo.__doc__)
def wrapper(*a): return "wrapped"
def original():
    "orig doc"
update_wrapper(wrapper, original)
print(wrapper.__name__, wrapper.__doc__, wrapper.__wrapped__ is original)
print(repr(partial(max, 1)).startswith("functools.partial(<built-in function max>, 1"))
