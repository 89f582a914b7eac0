d = {"a": 1, "b": 2, "c": 3}
print(d.get("a"), d.get("z"), d.get("z", 0), d.setdefault("a", 9), d.setdefault("d", 4), d)
print(d.pop("d"), d.pop("z", "default"), d)
print(d.popitem(), d)
d.update({"x": 1}, y=2)
d.update([("z", 3)])
print(d)
c = d.copy()
c["a"] = 100
print(d["a"], c["a"])
d |= {"w": 0}
print(d)
print(sorted(d.items()), list(d.keys()), list(d.values()))
d.clear()
print(d)
try:
    d.pop("missing")
except KeyError as e:
    print("KeyError", e)
try:
    {}.popitem()
except KeyError as e:
    print("KeyError", e)
print(list(reversed({"a": 1, "b": 2})), dict(reversed(list({"a": 1, "b": 2}.items()))))
