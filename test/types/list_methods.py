l = [3, 1, 2]
l.append(4); l.extend([5, 6]); l.insert(0, 0); l.insert(100, 99); l.insert(-1, 98)
print(l)
print(l.pop(), l.pop(0), l.pop(-2), l)
l.remove(1)
print(l, l.index(2), l.count(3), len(l))
l.reverse()
print(l)
c = l.copy()
c.append("x")
print(l, c)
l.clear()
print(l)
try:
    [].pop()
except IndexError as e:
    print("IndexError", e)
try:
    [1].remove(2)
except ValueError as e:
    print("ValueError", e)
try:
    [1].index(2)
except ValueError as e:
    print("ValueError", e)
print([1, 2, 3, 2].index(2, 2), [1, 2] * 2, [[0]] * 2, [1] + [2], list("ab"), list(range(3)))
