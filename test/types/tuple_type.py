t = (1, "a", 2.5)
print(t, len(t), t[1], t[-1], t[:2], t + (3,), t * 2, (1,) * 0, tuple(), tuple("ab"), (1,))
print(t.index("a"), (1, 1, 2).count(1), 1 in t, (1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 99))
a, b, c = t
print(a, b, c, hash((1, 2)) == hash((1, 2)), type(()).__name__)
try:
    t[0] = 5
except TypeError as e:
    print("TypeError", e)
try:
    hash((1, [2]))
except TypeError as e:
    print("TypeError", e)
try:
    t.index(99)
except ValueError as e:
    print("ValueError", e)
nested = ((1, 2), (3, (4, 5)))
print(nested[1][1][0], repr((1,)), repr(()), str((None, True)))
l = [1]
tt = (l,)
l.append(2)
print(tt)
