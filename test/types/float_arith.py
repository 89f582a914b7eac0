a, b = 7.5, 2.0
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** b, -a // b, -a % b)
print(divmod(7.5, 2), divmod(-7.5, 2), 5.0 // 0.3, 5.0 % 0.3)
print(abs(-2.5), 2 ** 0.5, 10 ** -1, 4 ** 0.5, (-8) ** (1/3) if False else 0, 1.0 / 3 * 3)
try:
    1.0 / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    1.0 // 0.0
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    2.0 ** 10000
except OverflowError as e:
    print("OverflowError", e)
print(int(2.9), int(-2.9), float(10), float(2 ** 60), 3 == 3.0, 0.1 + 0.2 == 0.3)
print(1e300 * 1e300, -1e300 * 1e300, 1.0 + 2 ** 53)
