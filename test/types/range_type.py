r = range(2, 20, 3)
print(r, list(r), len(r), r[0], r[-1], r[1:3], r[::-1], 5 in r, 6 in r, r.index(8), r.count(8))
print(list(range(5)), list(range(5, 0, -1)), list(range(0)), list(range(3, 1)), len(range(0, 10, 4)))
print(range(10) == range(0, 10, 1), range(0) == range(2, 2), range(1, 5, 2).start, range(1, 5, 2).stop, range(1, 5, 2).step)
big = range(10 ** 20)
print(len(big) if False else big[-1], 10 ** 19 in big, big[10 ** 19])
try:
    range(1, 2, 0)
except ValueError as e:
    print("ValueError", e)
try:
    range(3)[5]
except IndexError as e:
    print("IndexError", e)
try:
    range(1.5)
except TypeError as e:
    print("TypeError", e)
print(list(reversed(range(4))), sum(range(101)), repr(range(0, 5, 2)), hash(range(3)) == hash(range(0, 3)))
