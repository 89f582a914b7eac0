print(list(map(str.upper, "abc")), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])), list(map(int, ["1", "2"])))
print(list(filter(None, [0, 1, "", "a", None, [], [0]])), list(filter(lambda x: x % 2, range(10))))
m = map(abs, [-1, -2])
print(next(m), list(m), list(m))
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(3))), list(reversed((1, 2))))
class Rev:
    def __len__(self): return 3
    def __getitem__(self, i): return i * 10
print(list(reversed(Rev())))
class CustomRev:
    def __reversed__(self): return iter("custom")
print("".join(reversed(CustomRev())))
try:
    reversed({1, 2})
except TypeError as e:
    print("TypeError", e)
try:
    reversed(x for x in [])
except TypeError as e:
    print("TypeError", e)
r = reversed([1, 2, 3])
print(type(r).__name__, next(r), list(r))
