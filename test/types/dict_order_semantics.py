d = {}
for k in ["x", "a", "m"]:
    d[k] = len(d)
print(list(d))
del d["a"]
d["a"] = 9
print(list(d.items()))
d["x"] = 100
print(list(d))
print({1: "a", 2: "b"} == {2: "b", 1: "a"}, list({2: 0, 1: 0}))
big = {i: i * i for i in range(1000)}
for i in range(0, 1000, 2):
    del big[i]
print(len(big), list(big)[:5], sum(big.values()))
big.update({i: -1 for i in range(5)})
print(list(big)[-5:], big[3])
class K:
    def __init__(self, v): self.v = v
    def __hash__(self): return 1
    def __eq__(self, o): return self.v == o.v
    def __repr__(self): return f"K({self.v})"
collide = {K(i): i for i in range(20)}
print(len(collide), collide[K(7)], list(collide)[:3])
try:
    {}.fromkeys([[]])
except TypeError as e:
    print("TypeError", e)
