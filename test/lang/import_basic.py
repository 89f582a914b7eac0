import _helper_mod
import _helper_mod
print(_helper_mod.VALUE, _helper_mod.greet("you"), _helper_mod.__name__)
import _helper_mod as hm
print(hm is _helper_mod)
from _helper_mod import greet, VALUE as V
print(greet("x"), V)
import sys
print("_helper_mod" in sys.modules)
import _helper_second
print(_helper_second.DOUBLE)
print(_helper_mod.__file__.endswith("_helper_mod.py"))
