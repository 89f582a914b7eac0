a = set(range(10))
b = set(range(5, 15))
print(len(a | b), len(a & b), sorted(a - b), sorted(b - a), len(a ^ b))
print(a >= {1, 2}, {1, 2} <= a, a > a, set() < a, a.issubset(range(20)), a.issuperset([1, 2]))
fs = frozenset([1, 2])
s = {1, 2, 3}
print(type(s | fs).__name__, type(fs | s).__name__, type(s & fs).__name__, type(fs - s).__name__)
s2 = {frozenset([1]), frozenset([2])}
print(frozenset([1]) in s2, {1} in s2 if False else "", len(s2))
try:
    {1} in s2
    print("set lookup by equal frozenset works")
except TypeError as e:
    print("TypeError", e)
nums = {3, 1, 2}
nums.update(range(5))
out = []
while nums:
    out.append(nums.pop())
print(sorted(out))
print(set([1, 2]) == {2, 1}, {1, 2} != {1}, {0, False, 0.0}, {1, True, 1.0})
print(sorted({x % 3 for x in range(10)}), set("hello") == set("olleh"))
