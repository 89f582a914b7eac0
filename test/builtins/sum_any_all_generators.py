print(sum(i for i in range(10) if i % 2), sum((i * i for i in range(4)), 100), sum(map(int, "12345")))
print(any(c.isdigit() for c in "abc1"), all(c.isalpha() for c in "abc"), any([]), all([]))
seen = []
def trace(v):
    seen.append(v)
    return v
print(any(trace(v) for v in [0, 0, 3, 0]), seen)
seen.clear()
print(all(trace(v) for v in [1, 1, 0, 1]), seen)
print(sum([[1], [2, 3]], []), sum(((1,), (2,)), ()), sum([1.5, 2.5, 3]), sum(range(0)), sum([True] * 5))
