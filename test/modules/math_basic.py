import math
print(math.pi, math.e, math.tau, math.inf, math.nan)
print(math.sqrt(16), math.sqrt(2), math.isqrt(17), math.isqrt(10 ** 40), round(math.cbrt(27), 9) if hasattr(math, "cbrt") else 3.0)
print(math.floor(2.7), math.ceil(2.1), math.trunc(-2.7), math.fabs(-3), math.copysign(3, -0.0), math.fmod(7, -3), math.remainder(7, 3))
print(math.factorial(20), math.gcd(48, 18), math.gcd(0, 0), math.gcd(12, 18, 27), math.lcm(4, 6), math.lcm(2, 3, 4))
print(math.comb(10, 3), math.perm(5, 2), math.perm(5), math.prod([1, 2, 3, 4]), math.prod([], start=5))
print(math.fsum([0.1] * 10), math.hypot(3, 4), math.hypot(1, 2, 2), math.dist((0, 0), (3, 4)))
print(math.modf(3.5), math.frexp(8.0), math.ldexp(0.5, 4), math.isclose(0.1 + 0.2, 0.3), math.isclose(1, 1.1, rel_tol=0.2))
print(math.nextafter(1.0, 2.0) > 1.0, math.ulp(1.0), math.isfinite(1e308), math.isinf(math.inf), math.isnan(math.nan))
