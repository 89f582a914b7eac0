print(pow(2, 10), pow(2, -2), pow(2.0, 3), pow(-2, 3), pow(4, 0.5), pow(3, 3, 7), pow(-3, 3, 7), pow(3, -1, 11))
print(pow(10, 30, 7), pow(0, 0), pow(0.0, 0), pow(1, 10 ** 10), pow(-1, 10 ** 10 + 1), pow(2, 3, -5))
try:
    pow(2, -1, 4)
except ValueError as e:
    print("ValueError", e)
try:
    pow(2.0, 3, 5)
except TypeError as e:
    print("TypeError", e)
try:
    pow(0, -1)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    pow(2, 3, 0)
except ValueError as e:
    print("ValueError", e)
print(pow(-8, 1 / 3))
