print(1 + 2)
print(7 * 6)
print(10 - 20)
print(17 // 5, 17 % 5)
