print(1.5 + 2.25)
print(7 / 2)
print(0.1 + 0.2)
