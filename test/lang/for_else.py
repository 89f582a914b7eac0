# for/else, break and continue, nested loops
for x in [1, 3, 5]:
    if x % 2 == 0:
        print("even found")
        break
else:
    print("no even")
for x in [1, 4, 5]:
    if x % 2 == 0:
        print("even found", x)
        break
else:
    print("no even")
for i in range(3):
    for j in range(3):
        if j == i:
            continue
        if j > 1:
            break
        print(i, j)
for _ in []:
    print("never")
else:
    print("empty else")
for i in range(3):
    pass
print("after loop i =", i)
