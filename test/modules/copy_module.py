import copy
a = [1, [2, 3], {"k": [4]}]
s = copy.copy(a)
d = copy.deepcopy(a)
a[1].append(99); a[2]["k"].append(5)
print(s, d, s[1] is a[1], d[1] is a[1])
class P:
    def __init__(self, items): self.items = items
p = P([1]); q = copy.copy(p); r = copy.deepcopy(p)
p.items.append(2)
print(q.items, r.items)
class Custom:
    def __init__(self): self.v = 1
    def __copy__(self):
        print("__copy__ called"); return Custom()
    def __deepcopy__(self, memo):
        print("__deepcopy__ called"); return Custom()
copy.copy(Custom()); copy.deepcopy(Custom())
cyc = [1]; cyc.append(cyc)
dc = copy.deepcopy(cyc)
print(dc[1] is dc, dc is not cyc)
t = (1, 2)
print(copy.copy(t) is t, copy.deepcopy((1, [2]))[1] == [2], copy.copy(5), copy.deepcopy("s"))
print(copy.replace(P.__new__(P), items=1) if False else "ok")
