print({k: v for k, v in zip("abc", range(3))})
print({x: x ** 2 for x in range(5) if x != 2})
print(sorted({x % 4 for x in range(20)}))
print({(a, b): a * b for a in range(2) for b in range(2)})
inv = {v: k for k, v in {"one": 1, "two": 2}.items()}
print(inv)
print(sorted({len(w) for w in "the quick brown fox".split()}))
print({i: {j for j in range(i)} for i in range(4)})
