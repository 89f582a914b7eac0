import sys, os
def f():
    return sys._getframe().f_code.co_name, sys._getframe(1).f_code.co_name
print(f())
print(os.path.basename(sys.path[0]) == os.path.basename(os.getcwd()))
print(__file__.endswith("sys_getframe_path.py"), os.path.isabs(__file__))
print(sys.modules[__name__].__name__, __name__)
