"""Rational numbers: Fraction(numerator=0, denominator=1).

A Fraction is kept in lowest terms with a positive denominator.  It
accepts ints, other Rationals, floats and Decimals (converted exactly)
and strings such as '3/7', '-1.25' or '2e-3'.  Arithmetic with ints and
Fractions stays exact; with floats or complex numbers the result is a
float or complex.
"""

import math
import numbers
import operator
import sys

__all__ = ['Fraction']

try:
    _HASH_MODULUS = sys.hash_info.modulus
    _HASH_INF = sys.hash_info.inf
except AttributeError:
    _HASH_MODULUS = (1 << 61) - 1
    _HASH_INF = 314159


def _hash_rational(numerator, denominator):
    # The hash every numeric type gives the rational numerator/denominator.
    try:
        dinv = pow(denominator, -1, _HASH_MODULUS)
    except ValueError:
        h = _HASH_INF
    else:
        h = abs(numerator) % _HASH_MODULUS * dinv % _HASH_MODULUS
    result = h if numerator >= 0 else -h
    return -2 if result == -1 else result


def _parse(text):
    """(numerator, denominator) of a fraction or decimal literal, or None."""
    s = text.strip()
    if '__' in s or s.startswith('_') or s.endswith('_'):
        return None
    s = s.replace('_', '')
    if not s:
        return None
    sign = 1
    if s[0] in '+-':
        if s[0] == '-':
            sign = -1
        s = s[1:]
    if '/' in s:
        num, _, den = s.partition('/')
        num = num.rstrip()
        den = den.lstrip()
        if not (num.isdigit() and den.isdigit() and num.isascii() and den.isascii()):
            return None
        return sign * int(num), int(den)
    exp = 0
    lower = s.lower()
    if 'e' in lower:
        k = lower.index('e')
        mantissa, exponent = s[:k], s[k + 1:]
        if not exponent or not (exponent.lstrip('+-').isdigit() and
                                exponent.lstrip('+-').isascii()) or \
                exponent.count('+') + exponent.count('-') > 1 or \
                (exponent[0] not in '+-0123456789'):
            return None
        exp = int(exponent)
        s = mantissa
    whole, dot, frac = s.partition('.')
    if not whole and not frac:
        return None
    if (whole and not (whole.isdigit() and whole.isascii())) or \
            (frac and not (frac.isdigit() and frac.isascii())):
        return None
    numerator = int(whole or '0') * 10 ** len(frac) + int(frac or '0')
    denominator = 10 ** len(frac)
    if exp >= 0:
        numerator *= 10 ** exp
    else:
        denominator *= 10 ** -exp
    return sign * numerator, denominator


class Fraction(numbers.Rational):
    """This class implements rational numbers."""

    __slots__ = ('_numerator', '_denominator')

    def __new__(cls, numerator=0, denominator=None):
        self = super(Fraction, cls).__new__(cls)

        if denominator is None:
            if type(numerator) is int:
                self._numerator = numerator
                self._denominator = 1
                return self
            elif isinstance(numerator, numbers.Rational):
                self._numerator = numerator.numerator
                self._denominator = numerator.denominator
                return self
            elif isinstance(numerator, (float, _decimal_type())) or (
                    not isinstance(numerator, type) and
                    hasattr(numerator, 'as_integer_ratio') and
                    not isinstance(numerator, str)):
                self._numerator, self._denominator = numerator.as_integer_ratio()
                return self
            elif isinstance(numerator, str):
                parsed = _parse(numerator)
                if parsed is None:
                    raise ValueError('Invalid literal for Fraction: %r' % numerator)
                numerator, denominator = parsed
                if denominator == 0:
                    raise ZeroDivisionError('Fraction(%s, 0)' % numerator)
            else:
                raise TypeError("argument should be a string or a Rational "
                                "instance or have the as_integer_ratio() method")

        elif type(numerator) is int is type(denominator):
            pass

        elif (isinstance(numerator, numbers.Rational) and
              isinstance(denominator, numbers.Rational)):
            numerator, denominator = (
                numerator.numerator * denominator.denominator,
                denominator.numerator * numerator.denominator
            )
        else:
            raise TypeError("both arguments should be "
                            "Rational instances")

        if denominator == 0:
            raise ZeroDivisionError('Fraction(%s, 0)' % numerator)
        g = math.gcd(numerator, denominator)
        if denominator < 0:
            g = -g
        numerator //= g
        denominator //= g
        self._numerator = numerator
        self._denominator = denominator
        return self

    @classmethod
    def from_float(cls, f):
        """Converts a finite float to a rational number, exactly."""
        if isinstance(f, numbers.Integral):
            return cls(f)
        elif not isinstance(f, float):
            raise TypeError("%s.from_float() only takes floats, not %r (%s)" %
                            (cls.__name__, f, type(f).__name__))
        return cls._from_coprime_ints(*f.as_integer_ratio())

    @classmethod
    def from_decimal(cls, dec):
        """Converts a finite Decimal instance to a rational number, exactly."""
        from decimal import Decimal
        if isinstance(dec, numbers.Integral):
            dec = Decimal(int(dec))
        elif not isinstance(dec, Decimal):
            raise TypeError(
                "%s.from_decimal() only takes Decimals, not %r (%s)" %
                (cls.__name__, dec, type(dec).__name__))
        return cls._from_coprime_ints(*dec.as_integer_ratio())

    @classmethod
    def _from_coprime_ints(cls, numerator, denominator, /):
        obj = super(Fraction, cls).__new__(cls)
        obj._numerator = numerator
        obj._denominator = denominator
        return obj

    def is_integer(self):
        """Return True if the Fraction is an integer."""
        return self._denominator == 1

    def as_integer_ratio(self):
        """Return a pair of integers, whose ratio is equal to the original Fraction."""
        return (self._numerator, self._denominator)

    def limit_denominator(self, max_denominator=1000000):
        """Closest Fraction to self with denominator at most max_denominator."""
        if max_denominator < 1:
            raise ValueError("max_denominator should be at least 1")
        if self._denominator <= max_denominator:
            return Fraction(self)

        # Walk the continued fraction convergents until the denominator
        # would exceed the bound, then pick the better of the last
        # convergent and the best semiconvergent.
        p0, q0, p1, q1 = 0, 1, 1, 0
        n, d = self._numerator, self._denominator
        while True:
            a = n // d
            q2 = q0 + a * q1
            if q2 > max_denominator:
                break
            p0, q0, p1, q1 = p1, q1, p0 + a * p1, q2
            n, d = d, n - a * d
        k = (max_denominator - q0) // q1
        if 2 * d * (q0 + k * q1) <= self._denominator:
            return Fraction._from_coprime_ints(p1, q1)
        return Fraction._from_coprime_ints(p0 + k * p1, q0 + k * q1)

    @property
    def numerator(a):
        return a._numerator

    @property
    def denominator(a):
        return a._denominator

    def __repr__(self):
        """repr(self)"""
        return '%s(%s, %s)' % (self.__class__.__name__,
                               self._numerator, self._denominator)

    def __str__(self):
        """str(self)"""
        if self._denominator == 1:
            return str(self._numerator)
        return '%s/%s' % (self._numerator, self._denominator)

    def __format__(self, format_spec, /):
        """Format this fraction according to the given format specification."""
        if not format_spec:
            return str(self)
        kind = format_spec[-1]
        if kind in 'eEfFgG%':
            return _format_exact(self, format_spec)
        if kind.isdigit() or kind in '<>=^':
            # Alignment and width only: format the str() form.
            return format(str(self), format_spec)
        raise ValueError(
            f"Invalid format specifier {format_spec!r} "
            f"for object of type {type(self).__name__!r}")

    # -- arithmetic: each operator handles Fraction/int exactly, float and
    # complex by conversion.

    # -- arithmetic: exact with ints and Fractions, through float or complex
    # otherwise (the _exact_* functions take two Fractions).

    def _forward(self, other, exact, inexact):
        if isinstance(other, Fraction):
            return exact(self, other)
        if isinstance(other, int):
            return exact(self, Fraction._from_coprime_ints(other, 1))
        if isinstance(other, float):
            return inexact(float(self), other)
        if isinstance(other, complex):
            return inexact(complex(self), other)
        return NotImplemented

    def _backward(self, other, exact, inexact):
        if isinstance(other, numbers.Rational):
            return exact(Fraction(other), self)
        if isinstance(other, numbers.Real):
            return inexact(float(other), float(self))
        if isinstance(other, numbers.Complex):
            return inexact(complex(other), complex(self))
        return NotImplemented

    def __add__(a, b):
        """a + b"""
        return a._forward(b, _exact_add, operator.add)

    def __radd__(b, a):
        """a + b"""
        return b._backward(a, _exact_add, operator.add)

    def __sub__(a, b):
        """a - b"""
        return a._forward(b, _exact_sub, operator.sub)

    def __rsub__(b, a):
        """a - b"""
        return b._backward(a, _exact_sub, operator.sub)

    def __mul__(a, b):
        """a * b"""
        return a._forward(b, _exact_mul, operator.mul)

    def __rmul__(b, a):
        """a * b"""
        return b._backward(a, _exact_mul, operator.mul)

    def __truediv__(a, b):
        """a / b"""
        return a._forward(b, _exact_div, operator.truediv)

    def __rtruediv__(b, a):
        """a / b"""
        return b._backward(a, _exact_div, operator.truediv)

    def __floordiv__(a, b):
        """a // b"""
        return a._forward(b, _exact_floordiv, operator.floordiv)

    def __rfloordiv__(b, a):
        """a // b"""
        return b._backward(a, _exact_floordiv, operator.floordiv)

    def __divmod__(a, b):
        """(a // b, a % b)"""
        return a._forward(b, _exact_divmod, divmod)

    def __rdivmod__(b, a):
        """(a // b, a % b)"""
        return b._backward(a, _exact_divmod, divmod)

    def __mod__(a, b):
        """a % b"""
        return a._forward(b, _exact_mod, operator.mod)

    def __rmod__(b, a):
        """a % b"""
        return b._backward(a, _exact_mod, operator.mod)

    def __pow__(a, b, modulo=None):
        """a ** b (exact when b is an integer)."""
        if modulo is not None:
            return NotImplemented
        if isinstance(b, numbers.Rational):
            if b.denominator == 1:
                power = b.numerator
                if power >= 0:
                    return Fraction._from_coprime_ints(a._numerator ** power,
                                                      a._denominator ** power)
                elif a._numerator > 0:
                    return Fraction._from_coprime_ints(a._denominator ** -power,
                                                      a._numerator ** -power)
                elif a._numerator == 0:
                    raise ZeroDivisionError('Fraction(%s, 0)' %
                                            a._denominator ** -power)
                else:
                    return Fraction._from_coprime_ints((-a._denominator) ** -power,
                                                      (-a._numerator) ** -power)
            else:
                return float(a) ** float(b)
        elif isinstance(b, (float, complex)):
            return float(a) ** b
        else:
            return NotImplemented

    def __rpow__(b, a, modulo=None):
        """a ** b"""
        if modulo is not None:
            return NotImplemented
        if b._denominator == 1 and b._numerator >= 0:
            return a ** b._numerator
        if isinstance(a, numbers.Rational):
            return Fraction(a.numerator, a.denominator) ** b
        if b._denominator == 1:
            return a ** b._numerator
        return a ** float(b)

    def __pos__(a):
        """+a: Coerces a subclass instance to Fraction"""
        return Fraction._from_coprime_ints(a._numerator, a._denominator)

    def __neg__(a):
        """-a"""
        return Fraction._from_coprime_ints(-a._numerator, a._denominator)

    def __abs__(a):
        """abs(a)"""
        return Fraction._from_coprime_ints(abs(a._numerator), a._denominator)

    def __int__(a, _index=operator.index):
        """int(a)"""
        if a._numerator < 0:
            return _index(-(-a._numerator // a._denominator))
        else:
            return _index(a._numerator // a._denominator)

    def __trunc__(a):
        """math.trunc(a)"""
        if a._numerator < 0:
            return -(-a._numerator // a._denominator)
        else:
            return a._numerator // a._denominator

    def __floor__(a):
        """math.floor(a)"""
        return a._numerator // a._denominator

    def __ceil__(a):
        """math.ceil(a)"""
        return -(-a._numerator // a._denominator)

    def __round__(self, ndigits=None):
        """round(self, ndigits): ties go to the even neighbour."""
        if ndigits is None:
            d = self._denominator
            floor, remainder = divmod(self._numerator, d)
            if remainder * 2 < d:
                return floor
            elif remainder * 2 > d:
                return floor + 1
            elif floor % 2 == 0:
                return floor
            else:
                return floor + 1
        shift = 10 ** abs(ndigits)
        if ndigits > 0:
            return Fraction(round(self * shift), shift)
        else:
            return Fraction(round(self / shift) * shift)

    def __float__(a):
        """float(a)"""
        return a._numerator / a._denominator

    def __hash__(self):
        """hash(self)"""
        return _hash_rational(self._numerator, self._denominator)

    def __eq__(a, b):
        """a == b"""
        if type(b) is int:
            return a._numerator == b and a._denominator == 1
        if isinstance(b, numbers.Rational):
            return (a._numerator == b.numerator and
                    a._denominator == b.denominator)
        if isinstance(b, numbers.Complex) and b.imag == 0:
            b = b.real
        if isinstance(b, float):
            if math.isnan(b) or math.isinf(b):
                return 0.0 == b
            else:
                return a == a.from_float(b)
        else:
            return NotImplemented

    def _richcmp(self, other, op):
        if isinstance(other, numbers.Rational):
            return op(self._numerator * other.denominator,
                      self._denominator * other.numerator)
        if isinstance(other, float):
            if math.isnan(other) or math.isinf(other):
                return op(0.0, other)
            else:
                return op(self, self.from_float(other))
        else:
            return NotImplemented

    def __lt__(a, b):
        """a < b"""
        return a._richcmp(b, operator.lt)

    def __gt__(a, b):
        """a > b"""
        return a._richcmp(b, operator.gt)

    def __le__(a, b):
        """a <= b"""
        return a._richcmp(b, operator.le)

    def __ge__(a, b):
        """a >= b"""
        return a._richcmp(b, operator.ge)

    def __bool__(a):
        """a != 0"""
        return bool(a._numerator)

    def __reduce__(self):
        return (self.__class__, (self._numerator, self._denominator))

    def __copy__(self):
        if type(self) == Fraction:
            return self
        return self.__class__(self._numerator, self._denominator)

    def __deepcopy__(self, memo):
        if type(self) == Fraction:
            return self
        return self.__class__(self._numerator, self._denominator)


def _reduced(n, d):
    # n/d in lowest terms with a positive denominator.
    g = math.gcd(n, d)
    if d < 0:
        g = -g
    return Fraction._from_coprime_ints(n // g, d // g)


def _exact_add(a, b):
    # Reduce with the gcd of the denominators first (keeps numbers small).
    da, db = a._denominator, b._denominator
    g = math.gcd(da, db)
    if g == 1:
        return Fraction._from_coprime_ints(a._numerator * db + b._numerator * da, da * db)
    n = a._numerator * (db // g) + b._numerator * (da // g)
    g2 = math.gcd(n, g)
    return Fraction._from_coprime_ints(n // g2, (da // g) * (db // g2))


def _exact_sub(a, b):
    return _exact_add(a, Fraction._from_coprime_ints(-b._numerator, b._denominator))


def _exact_mul(a, b):
    # Cancel across before multiplying.
    g1 = math.gcd(a._numerator, b._denominator)
    g2 = math.gcd(b._numerator, a._denominator)
    return Fraction._from_coprime_ints(
        (a._numerator // g1) * (b._numerator // g2),
        (a._denominator // g2) * (b._denominator // g1))


def _exact_div(a, b):
    if b._numerator == 0:
        raise ZeroDivisionError('Fraction(%s, 0)' % b._denominator)
    inverse = Fraction._from_coprime_ints(b._denominator, b._numerator) \
        if b._numerator > 0 else \
        Fraction._from_coprime_ints(-b._denominator, -b._numerator)
    return _exact_mul(a, inverse)


def _exact_floordiv(a, b):
    return (a._numerator * b._denominator) // (a._denominator * b._numerator)


def _exact_divmod(a, b):
    da, db = a._denominator, b._denominator
    q, r = divmod(a._numerator * db, da * b._numerator)
    return q, Fraction(r, da * db)


def _exact_mod(a, b):
    da, db = a._denominator, b._denominator
    return Fraction((a._numerator * db) % (b._numerator * da), da * db)


def _decimal_type():
    mod = sys.modules.get('decimal')
    return getattr(mod, 'Decimal', float) if mod is not None else float


def _format_exact(f, spec):
    # Presentation types e/E/f/F/g/G/% computed exactly from the fraction.
    fill_align = ''
    i = 0
    # Parse [[fill]align][sign][z][#][0][width][,|_][.precision]type.
    if len(spec) >= 2 and spec[1] in '<>=^':
        fill_align = spec[:2]
        i = 2
    elif spec[:1] in '<>=^':
        fill_align = spec[:1]
        i = 1
    sign = '-'
    if i < len(spec) and spec[i] in '+- ':
        sign = spec[i]
        i += 1
    if i < len(spec) and spec[i] == 'z':
        i += 1
    alternate = False
    if i < len(spec) and spec[i] == '#':
        alternate = True
        i += 1
    zero = False
    if i < len(spec) and spec[i] == '0':
        zero = True
        i += 1
    width = ''
    while i < len(spec) and spec[i].isdigit():
        width += spec[i]
        i += 1
    grouping = ''
    if i < len(spec) and spec[i] in ',_':
        grouping = spec[i]
        i += 1
    precision = None
    if i < len(spec) and spec[i] == '.':
        i += 1
        p = ''
        while i < len(spec) and spec[i].isdigit():
            p += spec[i]
            i += 1
        precision = int(p)
    kind = spec[i]
    if precision is None:
        precision = 6
    n, d = f.numerator, f.denominator
    negative = n < 0
    n = abs(n)
    if kind == '%':
        n *= 100
    if kind in 'fF%':
        q = _round_half_even(n * 10 ** precision, d)
        digits = str(q).rjust(precision + 1, '0')
        whole, frac = digits[:len(digits) - precision], digits[len(digits) - precision:]
        body = whole + ('.' + frac if precision else ('.' if alternate else ''))
        if kind == '%':
            body += '%'
    else:
        g_style = kind in 'gG'
        if g_style:
            precision = max(precision, 1)
            figures = precision
        else:
            figures = precision + 1
        if n == 0:
            exp = 0
            coef = 0
        else:
            exp = len(str(n // d)) - 1 if n >= d else -len(str(d // n))
            while True:
                shift = figures - 1 - exp
                coef = _round_half_even(n * 10 ** shift, d) if shift >= 0 else \
                    _round_half_even(n, d * 10 ** -shift)
                if coef >= 10 ** figures:
                    exp += 1
                    continue
                if coef < 10 ** (figures - 1):
                    exp -= 1
                    continue
                break
        digits = str(coef).rjust(figures, '0')
        if g_style and -4 <= exp < precision:
            point = exp + 1
            if point > 0:
                whole, frac = digits[:point].ljust(point, '0'), digits[point:]
            else:
                whole, frac = '0', '0' * -point + digits
            if not alternate:
                frac = frac.rstrip('0')
            body = whole + ('.' + frac if frac or alternate else '')
        else:
            frac = digits[1:]
            if g_style and not alternate:
                frac = frac.rstrip('0')
            e = 'e' if kind in 'eg' else 'E'
            body = digits[0] + ('.' + frac if frac or alternate else '') + \
                '%s%+03d' % (e, exp)
        if kind in 'EFG':
            body = body.upper()
    if grouping:
        whole, dot, rest = body.partition('.')
        whole = format(int(whole), grouping) if whole.isdigit() else whole
        body = whole + dot + rest
    prefix = '-' if negative else ('' if sign == '-' else sign)
    if zero and not fill_align:
        fill_align = '0='
    if fill_align.endswith('='):
        return _pad_numeric(prefix, body, fill_align, width)
    return format(prefix + body, (fill_align or '>') + width)


def _pad_numeric(prefix, body, fill_align, width):
    fill = fill_align[0] if len(fill_align) == 2 else ' '
    w = int(width) if width else 0
    pad = max(0, w - len(prefix) - len(body))
    return prefix + fill * pad + body


def _round_half_even(n, d):
    q, r = divmod(n, d)
    if 2 * r > d or (2 * r == d and q % 2 == 1):
        q += 1
    return q
