print(list(enumerate("abc")), list(enumerate("ab", 10)), list(enumerate([], start=5)))
e = enumerate("xy")
print(next(e), next(e), next(e, None), type(e).__name__)
print(list(zip("abc", [1, 2, 3])), list(zip("ab", range(10))), list(zip()), list(zip("a")))
print(list(zip("ab", "cd", "ef")), dict(zip("ab", [1, 2])))
pairs = [(1, "a"), (2, "b")]
nums, chars = zip(*pairs)
print(nums, chars)
try:
    list(zip("ab", "abc", strict=True))
except ValueError as e:
    print("ValueError", e)
try:
    list(zip("abc", "ab", strict=True))
except ValueError as e:
    print("ValueError", e)
print(list(zip("ab", "cd", strict=True)))
