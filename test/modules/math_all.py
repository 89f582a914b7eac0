# every math function of 3.11, on a few arguments each (rounded where libm may differ in the last bit)
import math
r = lambda v: round(v, 10) if isinstance(v, float) else v
one_arg = ["acos", "acosh", "asin", "asinh", "atan", "atanh", "cbrt", "ceil", "cos", "cosh", "degrees", "erf", "erfc",
           "exp", "exp2", "expm1", "fabs", "floor", "gamma", "lgamma", "log", "log10", "log1p", "log2", "radians",
           "sin", "sinh", "sqrt", "tan", "tanh", "trunc"]
for name in one_arg:
    f = getattr(math, name)
    out = []
    for x in (0.5, 0.9, 1.0, 1.5, 2.0, 10.0, -0.5):
        try:
            out.append(r(f(x)))
        except (ValueError, OverflowError) as e:
            out.append(type(e).__name__)
    print(name, out)
two_arg = ["atan2", "copysign", "fmod", "hypot", "ldexp", "pow", "remainder", "log", "nextafter", "isclose"]
for name in two_arg:
    f = getattr(math, name)
    out = []
    for a, b in ((1.0, 2), (-3.0, 2), (7.5, 2), (2.0, 0.5) if name != "ldexp" else (2.0, 3), (0.0, -1)):
        try:
            out.append(r(f(a, b)))
        except (ValueError, OverflowError, ZeroDivisionError) as e:
            out.append(type(e).__name__)
    print(name, out)
print([r(v) for v in (math.frexp(10.0)[0], math.modf(-2.25)[0], math.ulp(1e10), math.ulp(0.0))])
print(math.factorial(10), math.isqrt(10 ** 10 + 1), math.gcd(), math.lcm(), math.comb(5, 6), math.perm(3, 5))
print(math.e == math.exp(1), math.tau == 2 * math.pi, r(math.inf - 1), math.isnan(math.inf * 0))
