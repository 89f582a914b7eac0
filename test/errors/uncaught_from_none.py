# expected: python3.13 (the reference; 3.11 differs in messages or caret lines)
import sys
def f():
    try:
        {}["a"]
    except KeyError:
        raise LookupError("clean") from None
sys.stdout.flush()
f()
