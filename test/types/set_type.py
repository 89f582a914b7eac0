s = {3, 1, 2}
s.add(4); s.add(1)
print(sorted(s), len(s), 2 in s)
s.discard(10); s.remove(4)
print(sorted(s))
a, b = {1, 2, 3}, {2, 3, 4}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b))
print(sorted(a.union([9])), sorted(a.intersection(b, {3})), sorted(a.difference(b)), sorted(a.symmetric_difference(b)))
print(a <= {1, 2, 3, 4}, a < a, a.issubset(a), a.issuperset({1}), a.isdisjoint({7}), a == {3, 2, 1})
c = set(a)
c |= {10}; c &= {1, 10}; c -= {1}; c ^= {5}
print(sorted(c))
c.update([1], [2]); c.intersection_update({1, 2, 5}); c.difference_update({5}); c.symmetric_difference_update({2, 3})
print(sorted(c), c.pop() in (1, 3), set(), set("aab") == {"a", "b"})
try:
    set().pop()
except KeyError as e:
    print("KeyError", e)
try:
    {1}.remove(2)
except KeyError as e:
    print("KeyError", e)
try:
    {[1]}
except TypeError as e:
    print("TypeError", e)
print({1, 2} == frozenset({1, 2}), repr(set()), {1, 2, 3}, {(1, 2)})
