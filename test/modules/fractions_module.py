# expected: python3.13 (the reference)
from fractions import Fraction as F
import math
print(abs(F(-3, 4)), round(F(7, 2)), round(F(5, 2)), F(1, 3) + F(1, 6), F(0.5), F("3/9"), float(F(1, 8)), int(F(7, 2)), F(1, 3) < 0.34)
print(sum([F(1, n) for n in range(1, 5)]), max(F(1, 2), 0.4), F(1, 3) + 1, F(1, 3) * 3 == 1, F(1, 2) + 0.5, round(F(7, 3), 2), float(F(1, 3)))
print(hash(F(2)) == hash(2), hash(F(1, 2)) == hash(0.5), hash(F(-1)) == hash(-1), F(0.1) == 0.1, 0.1 == F(1, 10), repr(F(-6, 4)), F(" -1.25e-1 "), F("7"), F(3, -6))
print(F(7, 3) // 2, F(7, 3) % 1, divmod(F(7, 3), F(1, 2)), F(2, 3) ** 2, F(2, 3) ** -2, F(4) ** F(1, 2), 2 ** F(2), F(-2, 3) ** -3, math.floor(F(-7, 2)), math.ceil(F(-7, 2)), math.trunc(F(-7, 2)))
print(F(3.14159).limit_denominator(1000), F(1, 3).as_integer_ratio(), F(4, 2).is_integer(), F(1, 3) == F(2, 6), F(1, 2) != 0.5, F(1, 2) < F(2, 3), 1 + F(1, 2), 1.5 - F(1, 2), F(1, 2) * 1j)
print(format(F(1, 3), '.5f'), format(F(2, 3), '.3e'), format(F(1, 7), 'g'), format(F(1, 3), '10.2f'), format(F(-1, 8), '%'), format(F(22, 7), ''), format(F(1, 3), '>8'), format(F(12345, 1), ',.2f'))
for bad in ['F(1, 0)', 'F("1/0")', 'F("abc")', 'F(1.5, 2)', 'F(float("nan"))', 'F(1, 2) / 0', 'F("1/2/3")', 'F("1.")', 'F(".5")']:
    try: print(eval(bad))
    except Exception as e: print(type(e).__name__, e)
