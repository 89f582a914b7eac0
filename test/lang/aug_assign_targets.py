# augmented assignment evaluates the target's container once
calls = []
class L(list):
    pass
def get(l):
    calls.append("get")
    return l
lst = [1, 2, 3]
get(lst)[0] += 10
print(lst, calls)
class O:
    def __init__(self): self.v = 1
def obj(o):
    calls.append("obj")
    return o
o = O()
obj(o).v *= 5
print(o.v, calls)
d = {"k": [1]}
d["k"] += [2]
d.setdefault("n", 0)
d["n"] += 1
print(d)
t = ([1],)
try:
    t[0] += [2]
except TypeError as e:
    print("TypeError", e)
print(t)
