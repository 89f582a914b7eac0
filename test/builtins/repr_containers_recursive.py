l = [1]
l.append(l)
d = {"self": None}
d["self"] = d
print(l, d)
t = ([],)
t[0].append(t)
print(t)
class R:
    def __init__(self): self.children = [self]
    def __repr__(self): return f"R({self.children})"
try:
    print(repr(R()))
except RecursionError:
    print("RecursionError")
print(repr([[1, [2, [3, [4]]]]]), repr({1: {2: {3: {}}}}), repr((1, (2, (3,)))))
