# expected: python3.13 (the reference for traceback caret lines)
# a deep uncaught recursion prints a traceback with repeated frames collapsed
import sys
sys.setrecursionlimit(100)
def down(n):
    return down(n + 1)
down(0)
