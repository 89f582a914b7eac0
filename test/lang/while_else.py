# while/else: else runs unless the loop breaks
i = 0
while i < 3:
    print("i", i)
    i += 1
else:
    print("else ran", i)
i = 0
while True:
    i += 1
    if i == 4:
        break
else:
    print("never")
print("broke at", i)
n = 10
while n:
    n -= 1
    if n % 3:
        continue
    print("n", n)
