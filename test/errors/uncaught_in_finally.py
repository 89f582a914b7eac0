# expected: python3.13 (the reference for traceback caret lines)
import sys
def f():
    try:
        return 1
    finally:
        print("cleanup")
        sys.stdout.flush()
        undefined_name
f()
