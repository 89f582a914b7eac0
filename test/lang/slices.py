s = "abcdefghij"
print(s[2:5], s[:3], s[7:], s[-3:], s[:-3], s[::2], s[1::3], s[::-1], s[8:2:-2])
print(s[100:], s[-100:2], s[5:2], s[::-3])
l = list(range(10))
print(l[::-2], l[slice(1, 8, 3)], l[-1:-5:-1])
l[2:4] = []
print(l)
l[::3] = ["x"] * len(l[::3])
print(l)
del l[1::2]
print(l)
t = tuple(range(6))
print(t[1:4], t[::-1])
sl = slice(1, 10, 2)
print(sl.start, sl.stop, sl.step, sl.indices(5))
print(range(20)[3:15:4], b"hello"[1:3])
try:
    l[::0]
except ValueError as e:
    print("ValueError", e)
