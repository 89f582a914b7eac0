# expected: python3.13 (the reference; 3.11 differs in messages or caret lines)
import math
cases = [
    lambda: 1 / 0,
    lambda: 1 // 0,
    lambda: 1 % 0,
    lambda: 1.0 / 0,
    lambda: 1.0 // 0.0,
    lambda: 1.0 % 0.0,
    lambda: divmod(5, 0),
    lambda: 0 ** -1,
    lambda: 0.0 ** -1,
    lambda: (1 + 1j) / 0,
    lambda: 10 ** 400 * 1.0,
    lambda: float(10 ** 400),
    lambda: 2.0 ** 5000,
    lambda: math.exp(1000),
    lambda: math.sqrt(-1),
    lambda: math.log(0),
    lambda: math.log(-1),
    lambda: math.acos(2),
    lambda: math.factorial(-1),
    lambda: math.factorial(1.5),
    lambda: int(float("inf")),
    lambda: int(float("nan")),
    lambda: 1 << -1,
    lambda: 1 >> -1,
    lambda: (2 ** 100).to_bytes(4, "big"),
    lambda: math.fsum([float("inf"), float("-inf")]),
    lambda: round(float("inf")),
    lambda: 1 / 0.0,
    lambda: 10 ** 10 ** 10 // 0 if False else 5 % 0.0,
    lambda: __import__("decimal").Decimal(1) / 0,
    lambda: __import__("fractions").Fraction(1, 0),
]
for i, c in enumerate(cases):
    try:
        r = c()
        print(i, "no error", r)
    except ArithmeticError as e:
        print(i, type(e).__name__, e)
    except Exception as e:
        print(i, "other", type(e).__name__, e)
