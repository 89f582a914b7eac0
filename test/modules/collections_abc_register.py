import collections.abc as abc
class MySeq(abc.Sequence):
    def __init__(self, *items): self.items = items
    def __getitem__(self, i): return self.items[i]
    def __len__(self): return len(self.items)
s = MySeq(3, 1, 2, 1)
print(list(s), s.index(2), s.count(1), 2 in s, list(reversed(s)), len(s))
class MyMap(abc.Mapping):
    def __init__(self, **kw): self.d = kw
    def __getitem__(self, k): return self.d[k]
    def __iter__(self): return iter(self.d)
    def __len__(self): return len(self.d)
m = MyMap(a=1, b=2)
print(dict(m), m.get("c", 0), list(m.keys()), list(m.items()), m == {"a": 1, "b": 2})
try:
    abc.Sequence()
except TypeError:
    print("abstract Sequence")
class Iter:
    def __iter__(self): return self
    def __next__(self): raise StopIteration
print(isinstance(Iter(), abc.Iterator), issubclass(Iter, abc.Iterable), isinstance([], abc.Hashable))
