names = ["ann", "bob", "cy"]
ages = [31, 25, 40]
for i, (n, a) in enumerate(zip(names, ages), 1):
    print(i, n, a)
print(dict(zip(names, ages)), list(zip(*[[1, 2, 3], [4, 5, 6]])))
print(list(map(pow, [2, 3], [3, 2])), list(filter(str.isupper, "aBcD")))
print(sorted(zip(ages, names))[0], max(zip(ages, names))[1])
print(list(zip(range(3), "ab", [True] * 5)))
