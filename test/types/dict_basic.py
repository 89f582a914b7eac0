d = {"b": 1, "a": 2}
d["c"] = 3
d["b"] = 10
print(d, list(d), len(d), "a" in d, 1 in d)
del d["a"]
d["a"] = 0
print(d)
print(dict(x=1, y=2), dict([("k", "v")]), dict({"a": 1}, b=2), dict.fromkeys("ab"), dict.fromkeys([1, 2], 0))
print({1: "int", 1.0: "float", True: "bool"})
d2 = {}
for w in "the cat the dog the end".split():
    d2[w] = d2.get(w, 0) + 1
print(d2)
try:
    d["zz"]
except KeyError as e:
    print("KeyError", e)
try:
    {[1]: 2}
except TypeError as e:
    print("TypeError", e)
print({**d, "z": 1}, d | {"q": 9}, {"a": 1} == {"a": 1}, {"a": 1, "b": 2} == {"b": 2, "a": 1})
