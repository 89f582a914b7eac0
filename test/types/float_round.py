for v in [0.5, 1.5, 2.5, -0.5, -1.5, 2.675, 1.005, 3.14159, 1234.5678]:
    print(v, round(v), round(v, 1), round(v, 2), round(v, -1))
print(type(round(2.5)), type(round(2.5, 0)), round(2.5, 0), round(-0.4))
import math
print(math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.7), math.floor(2.5), math.ceil(2.1))
print(f"{2.675:.2f} {0.125:.2f} {0.375:.2f} {1e10:.3e} {123.456:.1f}")
try:
    round(float("inf"))
except OverflowError as e:
    print("OverflowError", e)
try:
    round(float("nan"))
except ValueError as e:
    print("ValueError", e)
