def f():
    import math
    from os import path as p
    return math.sqrt(16), p.basename("/a/b.txt")
print(f())
print("math" in globals())
import importlib
m = importlib.import_module("_helper_mod")
print(m.VALUE)
print(__name__)
