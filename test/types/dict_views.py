d = {"a": 1, "b": 2}
k, v, it = d.keys(), d.values(), d.items()
d["c"] = 3
print(k, v, it, len(k))
print(k & {"a", "z"}, sorted(k | {"z"}), sorted(k - {"a"}), k ^ {"a", "q"} == {"b", "c", "q"})
print(("a", 1) in it, ("a", 2) in it, 2 in v, "a" in k)
print(list(zip(k, v)), type(k).__name__, type(v).__name__, type(it).__name__)
try:
    for key in d:
        d["new"] = 1
except RuntimeError as e:
    print("RuntimeError", e)
print(k == {"a", "b", "c", "new"}, k.isdisjoint({"q"}), list(reversed(k)), k.mapping["a"])
