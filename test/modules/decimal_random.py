# expected: python3.13 (the reference)
# Differential check of decimal on random values and contexts (fixed seed).
from decimal import Decimal as D, getcontext, localcontext, ROUND_HALF_UP, ROUND_DOWN, ROUND_FLOOR, ROUND_CEILING, InvalidOperation, DivisionByZero
import random
r = random.Random(2718)
def rnd():
    c = r.random()
    if c < 0.1: return D(r.randint(-100, 100))
    mant = r.randint(-10**r.randint(1, 30), 10**r.randint(1, 30))
    exp = r.randint(-30, 10)
    return D((0 if mant >= 0 else 1, tuple(int(x) for x in str(abs(mant))), exp))
for i in range(250):
    a, b = rnd(), rnd()
    prec = r.choice([28, 28, 5, 12, 40])
    rounding = r.choice(['ROUND_HALF_EVEN', ROUND_HALF_UP, ROUND_DOWN, ROUND_FLOOR, ROUND_CEILING])
    out = [i, str(a), str(b), repr(a)]
    with localcontext() as ctx:
        ctx.prec = prec; ctx.rounding = rounding
        for op in ('+', '-', '*', '/', '//', '%'):
            try: out.append(str(eval('a %s b' % op)))
            except (InvalidOperation, DivisionByZero) as e: out.append(type(e).__name__)
        try: out.append(str(abs(a).sqrt()))
        except InvalidOperation: out.append('inv')
        out.append(str(+a)); out.append(str(-b))
        try: out.append(str(a.quantize(D('0.01'))))
        except InvalidOperation: out.append('qinv')
        out.append(str(a.normalize()))
    out += [a < b, a == b, hash(a) == hash(a.normalize()), int(a) if abs(a) < 10**20 else '', float(a), round(a, 3) if abs(a) < 10**20 else '', a.as_tuple().exponent, a.adjusted(), f'{a:.5e}', f'{a:.3f}' if abs(a) < 10**15 else '']
    print(*out)
for v, f in [('0', '.5e'), ('0.00', '.2e'), ('0E+3', '.1e'), ('0', 'e'), ('-0.0', '.3e'), ('0', '.0e'), ('0.000', 'e'), ('0', '.3f'), ('0E+2', 'f'), ('0E-5', 'g'), ('0', '.2g')]:
    print(v, f, format(D(v), f))
