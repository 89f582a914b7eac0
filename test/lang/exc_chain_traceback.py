# expected: python3.13 (3.11 prints no carets under a call spanning the whole line)
# uncaught chained exception prints both tracebacks
import sys
def inner():
    raise KeyError("first")
def outer():
    try:
        inner()
    except KeyError:
        raise ValueError("second")
print("start")
sys.stdout.flush()
outer()
