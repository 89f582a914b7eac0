for a, b in [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 5), (7.5, 2), (-7.5, 2), (2 ** 70, 3)]:
    print(a, b, divmod(a, b), (a // b, a % b) == divmod(a, b))
try:
    divmod(1, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    divmod(1.0, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    divmod(1j, 1)
except TypeError as e:
    print("TypeError", e)
