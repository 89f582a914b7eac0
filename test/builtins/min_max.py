# expected: python3.13 (3.12 changed the empty min() message)
print(min(3, 1, 2), max(3, 1, 2), min([4, 5]), max("hello"), min((1, "a"), (1, "b")))
print(min(["aa", "b", "ccc"], key=len), max(["aa", "b", "ccc"], key=len), max([1, 3, 3], key=lambda x: x))
print(min([], default="empty"), max([], default=None), max([2], default=9))
print(max([(1, "first"), (1, "second")], key=lambda t: t[0]), min([(1, "first"), (1, "second")], key=lambda t: t[0]))
print(max(range(10), key=lambda x: -abs(x - 4)), min("bca"), max(1, 2.5), max(True, 0))
for args in [(), ([],)]:
    try:
        min(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    max(1, 2, default=0)
except TypeError as e:
    print("TypeError", e)
