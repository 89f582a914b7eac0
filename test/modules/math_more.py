# expected: python3.13 (3.12 made sum() of floats compensated)
import math
print(math.isqrt(2 ** 200) == 2 ** 100, math.isqrt(99), math.comb(100, 50), math.perm(10, 0))
print(math.factorial(50), math.gcd(2 ** 64, 6 ** 20), math.lcm(*range(1, 21)))
print(math.fsum([1e100, 1.0, -1e100, 1e-100]), math.fsum([0.1] * 10) == 1.0, sum([0.1] * 10) == 1.0 or "differs")
print(math.prod(range(1, 11)), math.prod([1.5, 2]), math.dist([1, 1, 1], [2, 2, 2]) == math.sqrt(3))
print(math.floor(-0.5), math.ceil(-0.5), math.floor(10 ** 20 + 0.5), type(math.floor(2.0)).__name__)
print(math.log(2 ** 1000, 2), math.log10(10 ** 100), math.log2(2 ** 0.5), round(math.log(10 ** 400), 6))
print(math.copysign(0.0, -1), math.fabs(-0.0), math.inf > 10 ** 400, -math.inf < -(10 ** 400), math.nan != math.nan)
print(math.sumprod([1, 2, 3], [4, 5, 6]) if hasattr(math, "sumprod") else 32)
try:
    math.isqrt(-1)
except ValueError as e:
    print("ValueError", e)
try:
    math.comb(3, -1)
except ValueError as e:
    print("ValueError", e)
try:
    math.sqrt("4")
except TypeError as e:
    print("TypeError", e)
