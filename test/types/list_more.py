l = [1, 2, 3]
l *= 2
print(l)
l[-2:] = []
print(l, l[-1], l[-len(l)])
m = [[]] * 3
m[0].append(1)
print(m)
n = [[] for _ in range(3)]
n[0].append(1)
print(n)
print([1, 2] < [1, 2, 0], [2] > [1, 99], [] == [], [[1]] == [[1.0]])
x = list(range(10))
x[2:8:2] = ["a", "b", "c"]
print(x)
x[::-1] = x[:]
print(x)
print(x.index(5, 3), [1, 2, 3][-1:-4:-1], list.__name__)
l2 = [3, 1, 2]
print(sorted(l2), l2, list(reversed(l2)), l2[::-1] == list(reversed(l2)))
e = []
e.extend(range(3)); e.extend("ab"); e.extend((x for x in [9]))
print(e)
e[len(e):] = [10]
e[:0] = [-1]
print(e)
