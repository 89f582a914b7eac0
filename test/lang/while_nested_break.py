found = None
for i in range(1, 10):
    j = 1
    while j < 10:
        if i * j == 42:
            found = (i, j)
            break
        j += 1
    else:
        continue
    break
print(found)
n = 0
while n < 100:
    n += 7
    if n % 5 == 0:
        print("multiple of 35:", n)
        break
else:
    print("no")
