a = [1, 2, 3]
print(a == [1, 2, 3], a < [1, 2, 4], a < [1, 2], [1, [2]] == [1, [2]], 2 in a, 5 not in a)
print(a[::-1], a[1:], a[-1], a[:10], list(reversed(a)), sorted(a, reverse=True))
a[1:2] = [20, 21, 22]
print(a)
a[::2] = "xyz"
print(a)
del a[::2]
print(a)
b = a
b += [7]
print(a is b, a)
x = [1, 2]
x.append(x)
print(x)
print(repr([1, "a", None, 2.5, (1,), [], {}]))
try:
    a[::2] = [1]
except ValueError as e:
    print("ValueError", e)
try:
    [1, "a"].sort()
except TypeError as e:
    print("TypeError", e)
print(max([3, 1, 2]), min([3, 1, 2]), sum([1, 2, 3]), len([[]]), [0] * 0)
