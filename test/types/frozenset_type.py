f = frozenset([3, 1, 2, 1])
print(sorted(f), len(f), 1 in f, type(f).__name__, repr(frozenset()))
g = f | {5}
print(type(g).__name__, sorted(g), sorted(f & {1, 9}), type({1} | f).__name__)
d = {f: "key"}
print(d[frozenset({1, 2, 3})], hash(f) == hash(frozenset([1, 2, 3])))
print({frozenset({1}), frozenset({1})} == {frozenset([1])}, f.copy() is f or f.copy() == f)
try:
    f.add(4)
except AttributeError as e:
    print("AttributeError")
print(frozenset("aa") == {"a"}, sorted(frozenset(range(5)) - {0, 4}), frozenset([1]) < f)
