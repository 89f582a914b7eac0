t = tuple(range(5))
print(t[1:-1], t[::2], t[-1::-2], t.count(3), 3 in t, t + (5,), (0,) + t[:1])
print((1, 2) == (1, 2), (1, 2) < (1, 2, 3), (1, "a") < (1, "b"), (2, 0) > (1, 99), () < (0,))
a = ([],)
a[0].append(1)
print(a, len(((),)), len(((), ())), tuple([[], []]))
x = 1,
y = 1, 2
print(x, y, type(x).__name__, tuple(x for x in "ab"), tuple({"k": 1}))
print(hash((1, (2, 3))) == hash((1, (2, 3))), hash(()) == hash(tuple()))
packed = 1, 2, 3
p, q, r = packed
print(p + q + r, max(packed), sorted(packed, reverse=True))
try:
    p, q = packed
except ValueError as e:
    print("ValueError", e)
