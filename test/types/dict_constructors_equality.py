print(dict(), dict({}), dict([]), dict(a=1), dict({"a": 1}, a=2), dict([("a", 1), ("a", 2)]), dict(zip(range(3), "abc")))
class Keys:
    def keys(self): return ["x", "y"]
    def __getitem__(self, k): return k.upper()
print(dict(Keys()), {**Keys()})
print({1: 2} == {1: 2.0}, {1: [2]} == {1: [2]}, {1: 2} != {1: 3}, {} == dict(), {"a": 1}.items() == {("a", 1)})
d = dict.fromkeys(range(3), [])
d[0].append("shared")
print(d)
class OD(dict):
    pass
print(OD(a=1) == {"a": 1}, type(OD(a=1).copy()).__name__, type(OD(a=1) | {}).__name__)
