for n in range(4):
    print("even" if n % 2 == 0 else "odd", "big" if n > 2 else "small" if n > 0 else "zero")
x = None
print(x if x is not None else "default")
f = (lambda v: "pos" if v > 0 else "nonpos")
print(f(1), f(-1))
print([("a" if i else "b") for i in (0, 1)])
