import sys
print(sys.exc_info(), sys.exception() if hasattr(sys, "exception") else None)
try:
    raise ValueError("current")
except ValueError:
    t, v, tb = sys.exc_info()
    print(t.__name__, v, tb is not None, tb.tb_lineno)
    if hasattr(sys, "exception"):
        print("exception:", repr(sys.exception()))
    else:
        print("exception:", repr(v))
print(sys.exc_info()[0])
