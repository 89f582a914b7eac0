# expected: python3.13 (the reference)
# Random fractions: arithmetic, rounding, formatting (fixed seed).
from fractions import Fraction as F
import random, math
r = random.Random(3)
specs = ['', '.3f', '.0f', '10.4f', '<12.2e', '+.5g', '.3%', ',.2f', '_.1f', '#.0f', '#.3g', '08.3f', '=+10.2f', 'e', 'G', '.10g', '^11.3f', '.2E', 'f', 'g']
for i in range(150):
    a = F(r.randint(-10**r.randint(0, 12), 10**r.randint(0, 12)), r.randint(1, 10**r.randint(0, 9)))
    b = F(r.uniform(-100, 100)) if r.random() < 0.3 else F(r.randint(-50, 50), r.randint(1, 30))
    sp = r.choice(specs)
    try: fs = format(a, sp)
    except ValueError as e: fs = 'ValueError ' + str(e)
    try: q = a / b
    except ZeroDivisionError as e: q = 'ZDE ' + str(e)
    print(i, a, repr(b), fs, a + b, a * b, q, round(a), round(a, 2), math.floor(a), math.ceil(a), a.limit_denominator(100), a < b, a == float(a), hash(a) == hash(float(a)) if a.denominator & (a.denominator - 1) == 0 else '', float(a), a ** 2, abs(-a))
