# arithmetic operators on ints and floats
print(7 + 3, 7 - 3, 7 * 3, 7 / 2, 7 // 2, 7 % 3, 7 ** 2)
print(-7 // 2, -7 % 2, 7 // -2, 7 % -2)
print(-7.5 // 2, -7.5 % 2, 2 ** -1, (-2) ** 2, -2 ** 2)
print(+5, -(-5), ~5, ~-1)
print(1 + 2.0, 3 * 1.5, 10 / 4, 10 // 4.0)
print(True + True, True * 3, False - 1)
print(2 ** 100)
print(divmod(17, 5), divmod(-17, 5))
