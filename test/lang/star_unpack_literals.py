a = [1, 2]
b = (3, 4)
print([*a, *b], (*a, *b), {*a, *b}, [*a, 0, *"xy"])
d1 = {"a": 1}
d2 = {"b": 2, "a": 3}
print({**d1, **d2}, {**d2, **d1}, dict(**d1, c=5))
first, *_, last = range(10)
print(first, last)
print(*[], sep="-")
print([*range(3)], *range(2))
x = *a, *b
print(x)
