matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([[row[i] for row in matrix] for i in range(3)])
print([x for row in matrix if sum(row) > 6 for x in row if x % 2])
print({(i, j) for i in range(3) for j in range(3) if i < j})
print({k: [v for v in range(k)] for k in range(4) if k})
print([(i, c) for i, c in enumerate("abc") if i != 1])
print(sum(1 for _ in range(100) if _ % 7 == 0))
print([y for x in [[1, [2]], [3, [4]]] for y in x[1]])
