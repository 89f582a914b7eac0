# expected: python3.13 (3.11 prints no carets under a call spanning the whole line)
import sys
def f():
    try:
        int("x")
    except ValueError as e:
        raise RuntimeError("wrapped") from e
print("start")
sys.stdout.flush()
f()
