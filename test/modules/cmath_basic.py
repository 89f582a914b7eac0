# cmath: values, branch cuts (signed zeros), special values and errors.
import cmath, math
zs = [0j, 1 + 1j, -1 + 0j, -1 - 0j, 2.5 - 3j, 1e-3j, -4 + 0.5j]
for name in ("sqrt", "exp", "log", "log10", "sin", "cos", "tan", "asin", "acos", "atan",
             "sinh", "cosh", "tanh", "asinh", "acosh", "atanh"):
    out = []
    for z in zs:
        try:
            w = getattr(cmath, name)(z)
            out.append(f"({w.real:.12g},{w.imag:.12g})")
        except (ValueError, OverflowError) as e:
            out.append(type(e).__name__)
    print(name, " ".join(out))
print(cmath.sqrt(-1), cmath.sqrt(complex(-1, -0.0)), cmath.phase(-1), cmath.phase(complex(-1, -0.0)))
print(cmath.polar(1j), cmath.polar(-2), cmath.rect(2, 0), cmath.rect(1, math.pi / 2).imag)
print(cmath.log(8, 2), cmath.log(100, 10), cmath.log(1j, 1j))
print(cmath.isfinite(1 + 2j), cmath.isinf(complex(math.inf, 0)), cmath.isnan(complex(0, math.nan)))
print(cmath.isclose(1 + 1j, 1 + 1.0000000001j), cmath.isclose(1j, 1.1j), cmath.isclose(0j, 1e-12, abs_tol=1e-9))
print(cmath.pi, cmath.e, cmath.tau, cmath.inf, cmath.infj, cmath.nan, cmath.nanj)
print(cmath.sqrt(4), cmath.exp(0), cmath.cos(0.0), cmath.phase(3))
for bad in (lambda: cmath.log(0), lambda: cmath.exp(1000), lambda: cmath.cosh(1000 + 1j),
            lambda: cmath.atanh(1), lambda: cmath.log10(0j), lambda: cmath.sqrt("x"),
            lambda: cmath.isclose(1, 2, rel_tol=-1), lambda: cmath.rect(1, math.inf)):
    try:
        print(bad())
    except (ValueError, OverflowError, TypeError) as e:
        print(type(e).__name__, e)
