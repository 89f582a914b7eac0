import itertools as it
print(list(it.islice(it.count(), 5)), list(it.islice(it.count(10, 2.5), 3)), list(it.islice(it.cycle("ab"), 5)))
print(list(it.repeat("x", 3)), list(zip(range(3), it.repeat(0))), list(it.islice(it.count(5, -1), 3)))
print(list(it.islice("abcdefg", 2, None, 2)), list(it.islice(range(10), 3, 8)), list(it.islice([], 3)))
