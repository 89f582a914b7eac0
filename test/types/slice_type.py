s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, slice(5), slice(None, None, -1))
print(s.indices(6), slice(None, None, -1).indices(5), slice(-3, None).indices(10))
l = list(range(10))
print(l[s], l[slice(-3, None)], l[slice(None, None, -3)], "abcdef"[slice(2, 5)])
print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 3))
class Show:
    def __getitem__(self, k): return k
x = Show()
print(x[1:2], x[::3], x[1:2, 3], x[:], x[..., ::-1])
try:
    slice(1, 2, 0).indices(5)
except ValueError as e:
    print("ValueError", e)
