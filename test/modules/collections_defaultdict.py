from collections import defaultdict
d = defaultdict(list)
for k, v in [("a", 1), ("b", 2), ("a", 3)]:
    d[k].append(v)
print(d, dict(d), d["zz"], sorted(d))
c = defaultdict(int)
for ch in "mississippi":
    c[ch] += 1
print(sorted(c.items()))
nested = defaultdict(lambda: defaultdict(int))
nested["x"]["y"] += 2
print(nested["x"]["y"], dict(nested["x"]))
n = defaultdict()
try:
    n["k"]
except KeyError as e:
    print("KeyError", e)
print(d.default_factory, defaultdict(set)["s"], "q" in d, d.get("q"), "q" in d)
