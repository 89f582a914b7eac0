for n in (-2, 0, 3, 10):
    if n < 0:
        print(n, "negative")
    elif n == 0:
        print(n, "zero")
    elif n < 5:
        print(n, "small")
    else:
        print(n, "big")
if []: print("no")
else: print("empty list is false")
if 0: pass
print("pass ok")
