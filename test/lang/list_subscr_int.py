# list[int] loads and stores through the eval loop's fast paths: negative
# indices, the bounds, bool/subclass/huge indices, and list subclasses.
a = [10, 20, 30]
print(a[0], a[-1], a[-3], a[2])
a[0] = 'x'
a[-1] = 'z'
a[1] += 5
print(a)
for i in (3, -4, 10**30, -10**30):
    try:
        a[i] = 1
    except (IndexError, TypeError) as e:
        print(type(e).__name__, e)
    try:
        a[i]
    except (IndexError, TypeError) as e:
        print(type(e).__name__, e)
a[True] = 'b'
print(a, a[False])

class I(int):
    pass

a[I(2)] = 'i'
print(a[I(-1)])

class L(list):
    def __setitem__(self, k, v):
        print('setitem', k, v)
        super().__setitem__(k, v)
    def __getitem__(self, k):
        print('getitem', k)
        return super().__getitem__(k)

b = L([1, 2])
b[1] = 7
print(b[1], b)
c = []
try:
    c[0] = 1
except IndexError as e:
    print(e)
# The old item is released when replaced.
import sys
o = object()
d = [o]
before = sys.getrefcount(o)
d[0] = None
print(sys.getrefcount(o) == before - 1)
