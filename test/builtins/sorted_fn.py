print(sorted([3, 1, 2]), sorted("bca"), sorted((3, 1)), sorted({3: 0, 1: 0}), sorted([]))
print(sorted([3, 1, 2], reverse=True), sorted(["b", "A", "c"], key=str.lower))
print(sorted([(1, "b"), (1, "a"), (0, "z")]), sorted([-3, 2, -1], key=abs))
print(sorted(range(10), key=lambda x: (x % 3, -x)))
print(sorted([1.5, 1, True, 0]), sorted({5, 3, 4}))
try:
    sorted([1, "a"])
except TypeError as e:
    print("TypeError", e)
try:
    sorted([1], lambda x: x)
except TypeError as e:
    print("TypeError", e)
