# expected: python3.13 (3.12 made sum() of floats compensated)
print(sum([1, 2, 3]), sum([]), sum([1, 2], 10), sum(range(101)), sum([0.1] * 10), sum([[1], [2]], []))
print(sum([1.5, 2.5]), sum([1, 2.0]), sum((True, True)), sum([1j, 2]), sum(x * x for x in range(4)), sum([], start=5))
try:
    sum(["a", "b"], "")
except TypeError as e:
    print("TypeError", e)
try:
    sum([1, "a"])
except TypeError as e:
    print("TypeError", e)
print(sum([2 ** 64, 2 ** 64]), sum([1e100, 1.0, -1e100]))
