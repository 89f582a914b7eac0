a, b = 1, 2
t = (a, b, 3)
print(t, t[2])
