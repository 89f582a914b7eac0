m = __import__("math")
print(m.sqrt(9), m.__name__)
os_path = __import__("os.path")
print(os_path.__name__)
p = __import__("os.path", fromlist=["join"])
print(p.join("a", "b"))
import importlib
print(importlib.import_module("json").dumps([1]))
try:
    __import__("no_such_mod_weft")
except ModuleNotFoundError as e:
    print("ModuleNotFoundError", e)
import sys
print(sys.modules["math"] is m)
