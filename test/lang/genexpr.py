g = (x * 2 for x in range(5))
print(type(g).__name__, next(g), next(g), list(g), list(g))
print(sum(x for x in range(101)))
print(max(len(w) for w in ["a", "abc", "ab"]))
print(list((a, b) for a in range(2) for b in "xy"))
print(any(x > 3 for x in [1, 5]), all(x > 3 for x in [1, 5]))
evaluated = []
def src():
    evaluated.append("src")
    return range(3)
g2 = (x for x in src())
print(evaluated)
print(list(g2))
print(",".join(str(i) for i in range(4)))
