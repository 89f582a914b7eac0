import gc, weakref
print(type(gc.collect()).__name__, gc.isenabled())
gc.disable(); print(gc.isenabled()); gc.enable(); print(gc.isenabled())
class Node:
    pass
a = Node(); b = Node()
a.other = b; b.other = a
ra = weakref.ref(a)
del a, b
gc.collect()
print("cycle collected:", ra() is None)
freed = []
class Fin:
    def __init__(self, n): self.n = n
    def __del__(self): freed.append(self.n)
x = Fin(1); y = Fin(2)
x.y = y; y.x = x
del x, y
n = gc.collect()
print(sorted(freed), n >= 2)
print(len(gc.get_threshold()) == 3, isinstance(gc.get_count(), tuple), gc.is_tracked([]), gc.is_tracked(1))
l = [1]
print(any(r is l for r in gc.get_referrers(l)) or True, gc.get_referents([l])[0] is l)
