import sys
def forever(n):
    return forever(n + 1)
try:
    forever(0)
except RecursionError as e:
    print(type(e).__name__)
def mutual_a(n): return mutual_b(n)
def mutual_b(n): return mutual_a(n)
try:
    mutual_a(0)
except RecursionError as e:
    print(type(e).__name__)
class R:
    def __repr__(self): return repr(self)
try:
    repr(R())
except RecursionError as e:
    print(type(e).__name__)
print("still alive", forever.__name__)
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(500))
