for a, *b in [(1, 2, 3), (4,), "xyz"]:
    print(a, b)
for (x, y), z in [((1, 2), 3)]:
    print(x, y, z)
for i, (k, v) in enumerate({"a": 1}.items()):
    print(i, k, v)
points = [(1, 2), (3, 4)]
print([x + y for x, y in points], {x: y for x, y in points})
