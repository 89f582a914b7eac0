print(list(range(3)), list(range(-3, 3)), list(range(10, 0, -3)), list(range(0, -5, -1)))
r = range(0, 100, 7)
print(r[3], r[-1], len(r), r.index(21), 21 in r, 22 in r, list(r[2:5]), r[::-1][0])
total = 0
for i in range(1, 1001):
    total += i
print(total)
it = iter(range(3))
print(next(it), list(it))
print(range(5) == range(0, 5), range(0, 3, 2) == range(0, 4, 2), bool(range(0)), list(range(2 ** 64, 2 ** 64 + 2)))
print(min(range(5, 10)), max(range(5, 10)), sum(range(0, 10, 2)), sorted(range(3), reverse=True))
