# expected: python3.13 (the reference)
# mappingproxy (3.12+): hashes as the wrapped mapping, reversed() follows it, and so
# counts as collections.abc.Hashable and Reversible.
import types, collections.abc as C
class HMap(C.Mapping):
    def __init__(self, d): self.d = d
    def __getitem__(self, k): return self.d[k]
    def __iter__(self): return iter(self.d)
    def __len__(self): return len(self.d)
    def __hash__(self): return 12345
p = types.MappingProxyType({"a": 1, "b": 2, "c": 3})
print(list(reversed(p)), list(p.__reversed__()), isinstance(p, C.Reversible))
try:
    hash(p)
except TypeError as e:
    print("TypeError", e)
h = types.MappingProxyType(HMap({"x": 1}))
print(hash(h), isinstance(h, C.Hashable), isinstance(p, C.Hashable))
try:
    reversed(h)
except (TypeError, AttributeError) as e:
    print(type(e).__name__, e)
print(hash(types.MappingProxyType(h)) == hash(h), {h: 1}[h])
print(type(p).__reversed__.__doc__)
