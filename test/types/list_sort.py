words = ["banana", "Apple", "cherry", "apple", "Banana", "date"]
print(sorted(words))
print(sorted(words, key=str.lower))
print(sorted(words, key=len, reverse=True))
data = [("b", 2), ("a", 2), ("c", 1), ("a", 1)]
print(sorted(data, key=lambda t: t[1]))
print(sorted(data, key=lambda t: t[1], reverse=True))
print(sorted(data))
l = [5, 3, 8, 1]
r = l.sort()
print(r, l)
l.sort(reverse=True)
print(l)
recs = [{"n": "x", "age": 30}, {"n": "y", "age": 25}, {"n": "z", "age": 30}]
recs.sort(key=lambda r: r["age"])
print([r["n"] for r in recs])
import random
r = random.Random(1)
big = [r.randrange(100) for _ in range(500)]
pairs = sorted(((v % 10, i) for i, v in enumerate(big)), key=lambda p: p[0])
print(all(pairs[i][1] < pairs[i + 1][1] for i in range(len(pairs) - 1) if pairs[i][0] == pairs[i + 1][0]))
print(sorted(big) == sorted(big, key=lambda v: v), sorted([3, 1, 2], key=lambda v: -v))
try:
    sorted([1, 2], key=5)
except TypeError as e:
    print("TypeError", e)
