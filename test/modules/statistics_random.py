# expected: python3.13 (the reference)
# Random data for statistics (fixed seed).
import statistics as st, random
from fractions import Fraction as F
from decimal import Decimal as D
r = random.Random(17)
for i in range(250):
    kind = r.choice(['int', 'float', 'frac', 'dec', 'mixed'])
    n = r.randint(1, 12)
    if kind == 'int': data = [r.randint(-50, 50) for _ in range(n)]
    elif kind == 'float': data = [r.uniform(-100, 100) for _ in range(n)]
    elif kind == 'frac': data = [F(r.randint(-20, 20), r.randint(1, 9)) for _ in range(n)]
    elif kind == 'dec': data = [D(r.randint(-9999, 9999)).scaleb(-2) for _ in range(n)]
    else: data = [r.choice([r.randint(-5, 5), F(r.randint(1, 9), 7)]) for _ in range(n)]
    out = [i, kind]
    for fn in (st.mean, st.median, st.median_low, st.median_high, st.mode, st.pvariance, st.variance, st.pstdev, st.stdev, st.fmean, st.multimode, lambda d: st.quantiles(d, n=4), st.median_grouped):
        try: out.append(repr(fn(data)))
        except (st.StatisticsError, TypeError, ValueError) as e: out.append(type(e).__name__)
    print(*out)
