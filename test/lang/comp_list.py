print([x * x for x in range(6)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(x, y) for x in range(3) for y in range(x)])
print([[i * j for j in range(3)] for i in range(3)])
print([c.upper() for c in "abc"])
m = [[1, 2], [3, 4], [5, 6]]
print([v for row in m for v in row])
print([row[i] for i in range(2) for row in m])
x = "outer"
print([x for x in "ab"], x)
print([a + b for a, b in zip("abc", "xyz")])
print([y if y % 2 else -y for y in range(5)])
