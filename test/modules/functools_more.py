import functools
@functools.singledispatch
def kind(x): return "object"
@kind.register
def _(x: int): return "int"
@kind.register(list)
def _(x): return "list"
print(kind(1), kind([]), kind("s"), kind(True))
class C:
    def __init__(self): self.n = 0
    @functools.cached_property
    def expensive(self):
        self.n += 1
        return "computed"
c = C()
print(c.expensive, c.expensive, c.n)
@functools.total_ordering
class V:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
print(V(1) <= V(2), V(3) > V(2), V(2) >= V(2))
pm = functools.partialmethod
class D:
    def set(self, k, v): return (k, v)
    set_a = pm(set, "a")
print(D().set_a(5))
lru = functools.lru_cache(maxsize=2)(lambda x: x * 10)
for v in [1, 2, 1, 3, 2]:
    lru(v)
print(lru.cache_info())
