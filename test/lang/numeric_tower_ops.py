from fractions import Fraction
from decimal import Decimal
print(1 + 2.0, type(1 + 2.0).__name__, 1 + 2j, type(True + 1).__name__, type(1.0 + 1j).__name__)
print(Fraction(1, 3) + 1, Fraction(1, 3) * 3 == 1, Fraction(1, 2) + 0.5, type(Fraction(1, 2) + 0.5).__name__)
print(Decimal("1.1") + 2, Decimal("0.1") + Decimal("0.2"), Decimal(3) / Decimal(4))
try:
    Decimal("1") + 1.0
except TypeError as e:
    print("TypeError", e)
print(3 / 2, 3 // 2, 3.0 // 2, -3 / 2, divmod(3.5, 1), 2 ** -2, (-8) ** 2, 8 ** (1 / 3))
print(1 == 1.0 == Fraction(1) == Decimal(1), 0.1 == Fraction(1, 10), Fraction(0.1) == 0.1)
print(round(Fraction(7, 3), 2), round(Decimal("7.455"), 2), int(Decimal("-7.9")), float(Fraction(1, 3)))
