i = 0
while i < 3:
    print(i)
    i = i + 1
