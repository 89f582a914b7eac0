import math
r = lambda x: round(x, 12)
print(r(math.exp(1)), r(math.expm1(1e-10) * 1e10), r(math.log(math.e)), r(math.log(8, 2)), r(math.log2(1024)), r(math.log10(1000)), r(math.log1p(0)))
print(r(math.pow(2, 10)), r(math.sin(math.pi / 2)), r(math.cos(0)), r(math.tan(math.pi / 4)))
print(r(math.asin(1)), r(math.acos(0)), r(math.atan(1)), r(math.atan2(1, -1)), r(math.atan2(-0.0, -1)))
print(r(math.sinh(1)), r(math.cosh(1)), r(math.tanh(1)), r(math.asinh(1)), r(math.acosh(2)), r(math.atanh(0.5)))
print(r(math.degrees(math.pi)), r(math.radians(180)), r(math.erf(1)), r(math.erfc(1)), r(math.gamma(5)), r(math.lgamma(10)))
print(math.exp(0), math.log(1), math.sqrt(0.0), math.sqrt(-0.0), math.pow(0, 0), math.pow(-8, 1 / 3) if False else 0)
for f, a in [(math.sqrt, -1), (math.log, 0), (math.log, -1), (math.acos, 1.5), (math.exp, 1000), (math.factorial, -1), (math.pow, (0, -1))]:
    try:
        f(*a) if isinstance(a, tuple) else f(a)
    except (ValueError, OverflowError) as e:
        print(f.__name__, type(e).__name__, e)
