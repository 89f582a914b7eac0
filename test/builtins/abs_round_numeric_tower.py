from fractions import Fraction
from decimal import Decimal
print(abs(Fraction(-3, 4)), round(Fraction(7, 2)), round(Fraction(5, 2)), Fraction(1, 3) + Fraction(1, 6))
print(Decimal("1.10") + Decimal("2.20"), round(Decimal("2.675"), 2), abs(Decimal("-1.5")), Decimal(1) / Decimal(3))
print(Fraction(0.5), Fraction("3/9"), float(Fraction(1, 8)), int(Fraction(7, 2)), Fraction(1, 3) < 0.34)
print(sum([Fraction(1, n) for n in range(1, 5)]), max(Fraction(1, 2), 0.4), Decimal("1e3"), Decimal("0.1") * 3 == Decimal("0.3"))
