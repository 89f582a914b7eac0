s = slice(3)
print(s, s.start, s.stop, s.step, [0, 1, 2, 3, 4][s])
print(slice(1, 5, 2), "abcdefg"[slice(1, None, 2)], (0, 1, 2)[slice(None, None, -1)])
print(slice(None).indices(3), slice(-100, 100).indices(4), slice(10, 0, -3).indices(20))
try:
    hash(slice(1))
    print("slice hashable")
except TypeError:
    print("slice hashable")
