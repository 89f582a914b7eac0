# Article scenario ("Python 3.13 free-threaded mode"): sys._is_gil_enabled()
# tells whether the GIL is active: True in a default build, False in a
# free-threaded one (unless PYTHON_GIL=1 / -X gil=1 turned it back on).
import sys
import sysconfig

free_threaded = bool(sysconfig.get_config_var("Py_GIL_DISABLED"))
has_probe = hasattr(sys, "_is_gil_enabled")
if has_probe:
    enabled = sys._is_gil_enabled()
else:               # before 3.13: always a GIL
    enabled = True
print("answer is a bool:", type(enabled) is bool)
print("matches the build:", enabled == (not free_threaded or getattr(sys.flags, "gil", None) == 1))
