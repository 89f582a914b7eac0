import sys
if sys.version_info >= (3, 0):
    def greet(): return "py3"
else:
    def greet(): return "py2"
print(greet())
try:
    import _helper_does_not_exist as helper
except ImportError:
    helper = None
print(helper)
def pick(flag):
    if flag:
        import math as m
    else:
        import cmath as m
    return m.__name__
print(pick(True), pick(False))
