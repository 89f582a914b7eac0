"""Decimal fixed and floating point arithmetic (a compact pure-Python
decimal module).

A Decimal is sign, integer coefficient and base-10 exponent (or a
special: NaN, sNaN, Infinity).  Results of arithmetic are rounded to the
current context's precision (28 digits, ROUND_HALF_EVEN by default);
conditions such as division by zero are signalled to the context, which
raises for trapped ones (DivisionByZero, InvalidOperation, Overflow by
default).
"""

import math as _math
import numbers as _numbers
import sys

__all__ = [
    'Decimal', 'Context', 'DecimalTuple', 'DefaultContext', 'BasicContext',
    'ExtendedContext', 'DecimalException', 'Clamped', 'InvalidOperation',
    'DivisionByZero', 'Inexact', 'Rounded', 'Subnormal', 'Overflow',
    'Underflow', 'FloatOperation', 'DivisionImpossible', 'InvalidContext',
    'ConversionSyntax', 'DivisionUndefined', 'ROUND_DOWN', 'ROUND_HALF_UP',
    'ROUND_HALF_EVEN', 'ROUND_CEILING', 'ROUND_FLOOR', 'ROUND_UP',
    'ROUND_HALF_DOWN', 'ROUND_05UP', 'setcontext', 'getcontext',
    'localcontext', 'MAX_PREC', 'MAX_EMAX', 'MIN_EMIN', 'MIN_ETINY',
    'HAVE_THREADS', 'HAVE_CONTEXTVAR',
]

__version__ = '1.70'
__libmpdec_version__ = "2.5.1"

import collections as _collections
DecimalTuple = _collections.namedtuple('DecimalTuple', 'sign digits exponent',
                                       module='decimal')

ROUND_DOWN = 'ROUND_DOWN'
ROUND_HALF_UP = 'ROUND_HALF_UP'
ROUND_HALF_EVEN = 'ROUND_HALF_EVEN'
ROUND_CEILING = 'ROUND_CEILING'
ROUND_FLOOR = 'ROUND_FLOOR'
ROUND_UP = 'ROUND_UP'
ROUND_HALF_DOWN = 'ROUND_HALF_DOWN'
ROUND_05UP = 'ROUND_05UP'

MAX_PREC = 999999999999999999
MAX_EMAX = 999999999999999999
MIN_EMIN = -999999999999999999
MIN_ETINY = MIN_EMIN - (MAX_PREC - 1)
HAVE_THREADS = True
HAVE_CONTEXTVAR = True

try:
    _HASH_MODULUS = sys.hash_info.modulus
    _HASH_INF = sys.hash_info.inf
except AttributeError:
    _HASH_MODULUS = (1 << 61) - 1
    _HASH_INF = 314159
_HASH_10INV = pow(10, _HASH_MODULUS - 2, _HASH_MODULUS)


# ---------------------------------------------------------------- signals

class DecimalException(ArithmeticError):
    """Base exception class."""


class Clamped(DecimalException):
    """Exponent of a 0 changed to fit bounds."""


class InvalidOperation(DecimalException):
    """An invalid operation was performed."""


class ConversionSyntax(InvalidOperation):
    """Trying to convert badly formed string."""


class DivisionByZero(DecimalException, ZeroDivisionError):
    """Division by 0."""


class DivisionImpossible(InvalidOperation):
    """Cannot perform the division adequately."""


class DivisionUndefined(InvalidOperation, ZeroDivisionError):
    """Undefined result of division (0/0)."""


class Inexact(DecimalException):
    """Had to round, losing information."""


class InvalidContext(InvalidOperation):
    """Invalid context."""


class Rounded(DecimalException):
    """Number got rounded (not necessarily changed during rounding)."""


class Subnormal(DecimalException):
    """Exponent < Emin before rounding."""


class Overflow(Inexact, Rounded):
    """Numerical overflow."""


class Underflow(Inexact, Rounded, Subnormal):
    """Numerical underflow with result rounded to 0."""


class FloatOperation(DecimalException, TypeError):
    """Enable stricter semantics for mixing floats and Decimals."""


_SIGNALS = [Clamped, DivisionByZero, Inexact, Overflow, Rounded,
            Underflow, InvalidOperation, Subnormal, FloatOperation]

# Which signal a condition is reported under.
_CONDITION_SIGNAL = {ConversionSyntax: InvalidOperation,
                     DivisionImpossible: InvalidOperation,
                     DivisionUndefined: InvalidOperation,
                     InvalidContext: InvalidOperation}

for _cls in _SIGNALS + [DecimalException, ConversionSyntax, DivisionImpossible,
                        DivisionUndefined, InvalidContext]:
    _cls.__module__ = 'decimal'
del _cls


# ---------------------------------------------------------------- context

class _SignalDict(dict):
    def __repr__(self):
        return '{' + ', '.join('<class \'decimal.%s\'>:%s' % (k.__name__, v)
                               for k, v in self.items()) + '}'


class Context(object):
    """Contains the context for a Decimal instance: precision, rounding,
    exponent limits, and the flags and traps of each signal."""

    def __init__(self, prec=None, rounding=None, Emin=None, Emax=None,
                 capitals=None, clamp=None, flags=None, traps=None,
                 _ignored_flags=None):
        dc = DefaultContext if 'DefaultContext' in globals() else None
        self.prec = prec if prec is not None else (dc.prec if dc else 28)
        self.rounding = rounding if rounding is not None else (
            dc.rounding if dc else ROUND_HALF_EVEN)
        self.Emin = Emin if Emin is not None else (dc.Emin if dc else -999999)
        self.Emax = Emax if Emax is not None else (dc.Emax if dc else 999999)
        self.capitals = capitals if capitals is not None else (
            dc.capitals if dc else 1)
        self.clamp = clamp if clamp is not None else (dc.clamp if dc else 0)
        if traps is None:
            self.traps = _SignalDict(dc.traps if dc else
                                     {s: s in (DivisionByZero, Overflow, InvalidOperation)
                                      for s in _SIGNALS})
        elif not isinstance(traps, dict):
            self.traps = _SignalDict((s, int(s in traps)) for s in _SIGNALS + list(traps))
        else:
            self.traps = _SignalDict(traps)
        if flags is None:
            self.flags = _SignalDict.fromkeys(_SIGNALS, 0)
        elif not isinstance(flags, dict):
            self.flags = _SignalDict((s, int(s in flags)) for s in _SIGNALS + list(flags))
        else:
            self.flags = _SignalDict(flags)

    def __setattr__(self, name, value):
        if name == 'prec':
            if not isinstance(value, int):
                raise TypeError("an integer is required")
            if not 1 <= value <= MAX_PREC:
                raise ValueError("valid range for prec is [1, MAX_PREC]")
        elif name == 'rounding':
            if value not in (ROUND_DOWN, ROUND_HALF_UP, ROUND_HALF_EVEN,
                             ROUND_CEILING, ROUND_FLOOR, ROUND_UP,
                             ROUND_HALF_DOWN, ROUND_05UP):
                raise TypeError("valid values for rounding are:\n  "
                                "[ROUND_CEILING, ROUND_FLOOR, ROUND_UP, ROUND_DOWN,\n   "
                                "ROUND_HALF_UP, ROUND_HALF_DOWN, ROUND_HALF_EVEN,\n   "
                                "ROUND_05UP]")
        object.__setattr__(self, name, value)

    def __repr__(self):
        flags = [f.__name__ for f, v in self.flags.items() if v]
        traps = [t.__name__ for t, v in self.traps.items() if v]
        return ('Context(prec=%d, rounding=%s, Emin=%d, Emax=%d, capitals=%d, '
                'clamp=%d, flags=[%s], traps=[%s])'
                % (self.prec, self.rounding, self.Emin, self.Emax,
                   self.capitals, self.clamp, ', '.join(flags), ', '.join(traps)))

    def clear_flags(self):
        """Reset all flags to zero"""
        for flag in self.flags:
            self.flags[flag] = 0

    def clear_traps(self):
        """Reset all traps to zero"""
        for flag in self.traps:
            self.traps[flag] = 0

    def copy(self):
        """Returns a deep copy from self."""
        return Context(self.prec, self.rounding, self.Emin, self.Emax,
                       self.capitals, self.clamp, dict(self.flags),
                       dict(self.traps))

    __copy__ = copy

    def Etiny(self):
        """Returns Etiny (= Emin - prec + 1)"""
        return int(self.Emin - self.prec + 1)

    def Etop(self):
        """Returns maximum exponent (= Emax - prec + 1)"""
        return int(self.Emax - self.prec + 1)

    def _raise(self, condition, result=None):
        signal = _CONDITION_SIGNAL.get(condition, condition)
        self.flags[signal] = 1
        if self.traps.get(signal):
            raise signal([condition])
        return result

    def create_decimal(self, num='0'):
        """Creates a new Decimal instance but using self as context."""
        return Decimal(num, self)._fix(self)

    def create_decimal_from_float(self, f):
        return Decimal.from_float(f)._fix(self)

    def abs(self, a):
        return _dec(a).__abs__(context=self)

    def add(self, a, b):
        return _dec(a).__add__(b, context=self)

    def subtract(self, a, b):
        return _dec(a).__sub__(b, context=self)

    def multiply(self, a, b):
        return _dec(a).__mul__(b, context=self)

    def divide(self, a, b):
        return _dec(a).__truediv__(b, context=self)

    def divide_int(self, a, b):
        return _dec(a).__floordiv__(b, context=self)

    def remainder(self, a, b):
        return _dec(a).__mod__(b, context=self)

    def power(self, a, b, modulo=None):
        return _dec(a).__pow__(b, modulo, context=self)

    def sqrt(self, a):
        return _dec(a).sqrt(context=self)

    def quantize(self, a, b):
        return _dec(a).quantize(b, context=self)

    def plus(self, a):
        return _dec(a).__pos__(context=self)

    def minus(self, a):
        return _dec(a).__neg__(context=self)

    def compare(self, a, b):
        return _dec(a).compare(b, context=self)

    def to_sci_string(self, a):
        return _dec(a).__str__(context=self)


def _dec(a):
    if isinstance(a, Decimal):
        return a
    if isinstance(a, int):
        return Decimal(a)
    raise TypeError("conversion from %s to Decimal is not supported"
                    % type(a).__name__)


try:
    import threading as _threading
    _local = _threading.local()
except Exception:
    class _Local:
        pass
    _local = _Local()


def getcontext():
    """Returns this thread's context."""
    try:
        return _local.__decimal_context__
    except AttributeError:
        context = Context()
        _local.__decimal_context__ = context
        return context


def setcontext(context):
    """Set this thread's context to context."""
    if context in (DefaultContext, BasicContext, ExtendedContext):
        context = context.copy()
        context.clear_flags()
    _local.__decimal_context__ = context


class _ContextManager(object):
    def __init__(self, new_context):
        self.new_context = new_context.copy()

    def __enter__(self):
        self.saved_context = getcontext()
        setcontext(self.new_context)
        return self.new_context

    def __exit__(self, t, v, tb):
        setcontext(self.saved_context)


def localcontext(ctx=None, **kwargs):
    """Return a context manager for a copy of the supplied context."""
    if ctx is None:
        ctx = getcontext()
    manager = _ContextManager(ctx)
    for key, value in kwargs.items():
        if not hasattr(manager.new_context, key):
            raise TypeError(f"'{key}' is an invalid keyword argument for this function")
        setattr(manager.new_context, key, value)
    return manager


# ---------------------------------------------------------------- rounding

def _round_coef(coef, drop, sign, rounding):
    """Drop `drop` low digits of coef, rounding; returns the new coefficient."""
    if drop <= 0:
        return coef * 10 ** (-drop)
    q, r = divmod(coef, 10 ** drop)
    if r == 0:
        return q
    half = 5 * 10 ** (drop - 1)
    if rounding == ROUND_HALF_EVEN:
        up = r > half or (r == half and q % 2 == 1)
    elif rounding == ROUND_HALF_UP:
        up = r >= half
    elif rounding == ROUND_HALF_DOWN:
        up = r > half
    elif rounding == ROUND_DOWN:
        up = False
    elif rounding == ROUND_UP:
        up = True
    elif rounding == ROUND_CEILING:
        up = sign == 0
    elif rounding == ROUND_FLOOR:
        up = sign == 1
    else:  # ROUND_05UP
        up = q % 10 in (0, 5)
    return q + 1 if up else q


# ---------------------------------------------------------------- Decimal

def _parse_decimal(text):
    """(sign, coefficient, exponent, special) or None for bad syntax."""
    s = text.strip()
    if '_' in s:
        if '__' in s or s.startswith('_') or s.endswith('_'):
            return None
        s = s.replace('_', '')
    sign = 0
    if s[:1] in ('+', '-'):
        sign = 1 if s[0] == '-' else 0
        s = s[1:]
    low = s.lower()
    if low in ('inf', 'infinity'):
        return sign, 0, 0, 'F'
    if low.startswith('nan') or low.startswith('snan'):
        kind = 'n' if low.startswith('nan') else 'N'
        payload = low[3:] if kind == 'n' else low[4:]
        if payload and not (payload.isdigit() and payload.isascii()):
            return None
        return sign, int(payload) if payload else 0, 0, kind
    exp = 0
    if 'e' in low:
        k = low.index('e')
        mant, e = s[:k], s[k + 1:]
        body = e[1:] if e[:1] in '+-' else e
        if not body or not (body.isdigit()):
            return None
        exp = int(e)
        s = mant
    whole, dot, frac = s.partition('.')
    if not whole and not frac:
        return None
    if (whole and not whole.isdigit()) or (frac and not frac.isdigit()):
        return None
    digits = (whole + frac) or '0'
    return sign, int(digits), exp - len(frac), None


class Decimal(object):
    """Floating point class for decimal arithmetic."""

    __slots__ = ('_sign', '_coef', '_exp', '_special')

    def __new__(cls, value="0", context=None):
        self = object.__new__(cls)
        if isinstance(value, str):
            parsed = _parse_decimal(value)
            if parsed is None:
                if context is None:
                    context = getcontext()
                context._raise(ConversionSyntax)
                parsed = (0, 0, 0, 'n')
            self._sign, self._coef, self._exp, self._special = parsed
            return self
        if isinstance(value, int):
            self._sign = 1 if value < 0 else 0
            self._coef = abs(value)
            self._exp = 0
            self._special = None
            return self
        if isinstance(value, Decimal):
            self._sign = value._sign
            self._coef = value._coef
            self._exp = value._exp
            self._special = value._special
            return self
        if isinstance(value, float):
            return cls.from_float(value) if cls is Decimal else cls(Decimal.from_float(value))
        if isinstance(value, (list, tuple)):
            if len(value) != 3:
                raise ValueError('Invalid tuple size in creation of Decimal '
                                 'from list or tuple.  The list or tuple '
                                 'should have exactly three elements.')
            sign, digits, exp = value
            if sign not in (0, 1):
                raise ValueError("Invalid sign.  The first value in the tuple "
                                 "should be an integer; either 0 for a "
                                 "positive number or 1 for a negative number.")
            self._sign = sign
            if exp == 'F':
                self._coef, self._exp, self._special = 0, 0, 'F'
                return self
            coef = 0
            for d in digits:
                if not (isinstance(d, int) and 0 <= d <= 9):
                    raise ValueError("The second value in the tuple must "
                                     "be composed of integers in the range "
                                     "0 through 9.")
                coef = coef * 10 + d
            if exp in ('n', 'N'):
                self._coef, self._exp, self._special = coef, 0, exp
                return self
            if not isinstance(exp, int):
                raise ValueError("The third value in the tuple must "
                                 "be an integer, or one of the "
                                 "strings 'F', 'n', 'N'.")
            self._coef, self._exp, self._special = coef, exp, None
            return self
        raise TypeError("conversion from %s to Decimal is not supported" %
                        type(value).__name__)

    @classmethod
    def from_float(cls, f):
        """Converts a float to a decimal number, exactly."""
        if isinstance(f, int):
            return cls(f)
        if not isinstance(f, float):
            raise TypeError("argument must be int or float.")
        if _math.isinf(f) or _math.isnan(f):
            return cls(repr(f))
        sign = 0 if _math.copysign(1.0, f) == 1.0 else 1
        n, d = abs(f).as_integer_ratio()
        k = d.bit_length() - 1
        result = _new(sign, n * 5 ** k, -k)
        if cls is Decimal:
            return result
        return cls(result)

    # -- helpers
    def _is_special(self):
        return self._special is not None

    def _isnan(self):
        return self._special in ('n', 'N')

    def _isinf(self):
        return self._special == 'F'

    def _check_nans(self, other, context):
        # A quiet NaN operand makes the result NaN; a signalling one raises.
        for x in (self, other):
            if x is not None and x._special == 'N':
                return context._raise(InvalidOperation, _new(x._sign, x._coef, 0, 'n'))
        for x in (self, other):
            if x is not None and x._special == 'n':
                return x
        return None

    def _fix(self, context):
        """Round to the context precision."""
        if self._special:
            return self
        prec = context.prec
        ndigits = len(str(self._coef))
        if ndigits <= prec:
            return self
        drop = ndigits - prec
        coef = _round_coef(self._coef, drop, self._sign, context.rounding)
        exp = self._exp + drop
        if len(str(coef)) > prec:
            coef //= 10
            exp += 1
        context.flags[Rounded] = 1
        context.flags[Inexact] = 1
        if exp + prec - 1 > context.Emax:
            return context._raise(Overflow, _new(self._sign, 0, 0, 'F'))
        return _new(self._sign, coef, exp)

    def _rational(self):
        # (numerator, denominator) of a finite value.
        n = -self._coef if self._sign else self._coef
        if self._exp >= 0:
            return n * 10 ** self._exp, 1
        return n, 10 ** -self._exp

    def _cmp(self, other):
        # -1, 0, 1 comparing two finite-or-infinite non-NaN Decimals.
        if self._special or other._special:
            a = 0 if not self._isinf() else (-1 if self._sign else 1)
            b = 0 if not other._isinf() else (-1 if other._sign else 1)
            if a or b:
                if a == b:
                    return 0
                if a and b:
                    return -1 if a < b else 1
                if a:
                    return a
                return -b
        n1, d1 = self._rational()
        n2, d2 = other._rational()
        left, right = n1 * d2, n2 * d1
        return (left > right) - (left < right)

    # -- conversion of the other operand
    def _other(self, other, op, reverse=False):
        if isinstance(other, Decimal):
            return other
        if isinstance(other, int):
            return Decimal(other)
        if isinstance(other, float) or isinstance(other, complex) or \
                isinstance(other, _numbers.Number):
            a, b = ('decimal.Decimal', type(other).__name__)
            if reverse:
                a, b = b, a
            raise TypeError("unsupported operand type(s) for %s: '%s' and '%s'"
                            % (op, a, b))
        return NotImplemented

    def _compare_other(self, other):
        if isinstance(other, Decimal):
            return other
        if isinstance(other, int):
            return Decimal(other)
        if isinstance(other, float):
            getcontext().flags[FloatOperation] = 1
            return Decimal.from_float(other)
        if isinstance(other, _numbers.Rational):
            return other
        if isinstance(other, complex) and other.imag == 0:
            return Decimal.from_float(other.real)
        return NotImplemented

    # -- comparisons
    def __eq__(self, other, context=None):
        other = self._compare_other(other)
        if other is NotImplemented:
            return other
        if isinstance(other, _numbers.Rational) and not isinstance(other, Decimal):
            if self._special:
                return False
            n, d = self._rational()
            return n * other.denominator == other.numerator * d
        if self._isnan() or other._isnan():
            return False
        return self._cmp(other) == 0

    def _order(self, other, op):
        other = self._compare_other(other)
        if other is NotImplemented:
            return other
        if isinstance(other, _numbers.Rational) and not isinstance(other, Decimal):
            if self._isnan():
                getcontext()._raise(InvalidOperation)
                return False
            if self._isinf():
                c = -1 if self._sign else 1
            else:
                n, d = self._rational()
                left, right = n * other.denominator, other.numerator * d
                c = (left > right) - (left < right)
            return op(c)
        if self._isnan() or other._isnan():
            getcontext()._raise(InvalidOperation)
            return False
        return op(self._cmp(other))

    def __lt__(self, other, context=None):
        return self._order(other, lambda c: c < 0)

    def __le__(self, other, context=None):
        return self._order(other, lambda c: c <= 0)

    def __gt__(self, other, context=None):
        return self._order(other, lambda c: c > 0)

    def __ge__(self, other, context=None):
        return self._order(other, lambda c: c >= 0)

    def compare(self, other, context=None):
        """Compare self to other: Decimal('-1'), '0' or '1' (NaN if unordered)."""
        other = _dec(other)
        if self._isnan() or other._isnan():
            return _new(0, 0, 0, 'n')
        return Decimal(self._cmp(other))

    def __hash__(self):
        if self._special:
            if self._special == 'N':
                raise TypeError('Cannot hash a signaling NaN value.')
            if self._special == 'n':
                return object.__hash__(self)
            return -_HASH_INF if self._sign else _HASH_INF
        if self._exp >= 0:
            exp_hash = pow(10, self._exp, _HASH_MODULUS)
        else:
            exp_hash = pow(_HASH_10INV, -self._exp, _HASH_MODULUS)
        h = self._coef * exp_hash % _HASH_MODULUS
        ans = -h if self._sign else h
        return -2 if ans == -1 else ans

    # -- arithmetic
    def __add__(self, other, context=None):
        other = self._other(other, '+')
        if other is NotImplemented:
            return other
        if context is None:
            context = getcontext()
        nan = self._check_nans(other, context)
        if nan is not None:
            return nan
        if self._isinf() or other._isinf():
            if self._isinf() and other._isinf() and self._sign != other._sign:
                return context._raise(InvalidOperation, _new(0, 0, 0, 'n'))
            return self if self._isinf() else other
        exp = min(self._exp, other._exp)
        a = self._coef * 10 ** (self._exp - exp)
        b = other._coef * 10 ** (other._exp - exp)
        if self._sign:
            a = -a
        if other._sign:
            b = -b
        total = a + b
        if total == 0:
            if self._sign and other._sign:
                sign = 1
            elif self._sign != other._sign and context.rounding == ROUND_FLOOR:
                sign = 1
            else:
                sign = 0
            return _new(sign, 0, exp)._fix(context)
        return _new(1 if total < 0 else 0, abs(total), exp)._fix(context)

    def __radd__(self, other, context=None):
        o = self._other(other, '+', reverse=True)
        if o is NotImplemented:
            return o
        return o.__add__(self, context)

    def __sub__(self, other, context=None):
        o = self._other(other, '-')
        if o is NotImplemented:
            return o
        return self.__add__(o.copy_negate(), context)

    def __rsub__(self, other, context=None):
        o = self._other(other, '-', reverse=True)
        if o is NotImplemented:
            return o
        return o.__sub__(self, context)

    def __mul__(self, other, context=None):
        other = self._other(other, '*')
        if other is NotImplemented:
            return other
        if context is None:
            context = getcontext()
        nan = self._check_nans(other, context)
        if nan is not None:
            return nan
        sign = self._sign ^ other._sign
        if self._isinf() or other._isinf():
            if (self._isinf() and other._coef == 0 and not other._special) or \
                    (other._isinf() and self._coef == 0 and not self._special):
                return context._raise(InvalidOperation, _new(0, 0, 0, 'n'))
            return _new(sign, 0, 0, 'F')
        return _new(sign, self._coef * other._coef,
                    self._exp + other._exp)._fix(context)

    def __rmul__(self, other, context=None):
        o = self._other(other, '*', reverse=True)
        if o is NotImplemented:
            return o
        return o.__mul__(self, context)

    def __truediv__(self, other, context=None):
        other = self._other(other, '/')
        if other is NotImplemented:
            return other
        if context is None:
            context = getcontext()
        nan = self._check_nans(other, context)
        if nan is not None:
            return nan
        sign = self._sign ^ other._sign
        if self._isinf() or other._isinf():
            if self._isinf() and other._isinf():
                return context._raise(InvalidOperation, _new(0, 0, 0, 'n'))
            if self._isinf():
                return _new(sign, 0, 0, 'F')
            return _new(sign, 0, context.Etiny())
        if other._coef == 0:
            if self._coef == 0:
                return context._raise(DivisionUndefined, _new(0, 0, 0, 'n'))
            return context._raise(DivisionByZero, _new(sign, 0, 0, 'F'))
        ideal = self._exp - other._exp
        if self._coef == 0:
            return _new(sign, 0, ideal)
        prec = context.prec
        shift = len(str(other._coef)) - len(str(self._coef)) + prec + 1
        exp = ideal - shift
        if shift >= 0:
            q, r = divmod(self._coef * 10 ** shift, other._coef)
        else:
            q, r = divmod(self._coef, other._coef * 10 ** -shift)
        if r:
            if q % 5 == 0:
                q += 1
        else:
            while exp < ideal and q % 10 == 0:
                q //= 10
                exp += 1
        return _new(sign, q, exp)._fix(context)

    def __rtruediv__(self, other, context=None):
        o = self._other(other, '/', reverse=True)
        if o is NotImplemented:
            return o
        return o.__truediv__(self, context)

    def _divide_int(self, other, context):
        # Truncated quotient and remainder (sign of the dividend).
        sign = self._sign ^ other._sign
        exp = min(self._exp, other._exp)
        a = self._coef * 10 ** (self._exp - exp)
        b = other._coef * 10 ** (other._exp - exp)
        q, r = divmod(a, b)
        if len(str(q)) > context.prec:
            return (context._raise(DivisionImpossible, _new(0, 0, 0, 'n')),
                    context._raise(DivisionImpossible, _new(0, 0, 0, 'n')))
        return _new(sign, q, 0), _new(self._sign, r, exp)._fix(context)

    def __floordiv__(self, other, context=None):
        other = self._other(other, '//')
        if other is NotImplemented:
            return other
        if context is None:
            context = getcontext()
        nan = self._check_nans(other, context)
        if nan is not None:
            return nan
        if other._coef == 0 and not other._special:
            if self._coef == 0 and not self._special:
                return context._raise(DivisionUndefined, _new(0, 0, 0, 'n'))
            return context._raise(DivisionByZero, _new(self._sign ^ other._sign, 0, 0, 'F'))
        if self._isinf() or other._isinf():
            if self._isinf() and other._isinf():
                return context._raise(InvalidOperation, _new(0, 0, 0, 'n'))
            if self._isinf():
                return _new(self._sign ^ other._sign, 0, 0, 'F')
            return _new(self._sign ^ other._sign, 0, 0)
        return self._divide_int(other, context)[0]

    def __rfloordiv__(self, other, context=None):
        o = self._other(other, '//', reverse=True)
        if o is NotImplemented:
            return o
        return o.__floordiv__(self, context)

    def __mod__(self, other, context=None):
        other = self._other(other, '%')
        if other is NotImplemented:
            return other
        if context is None:
            context = getcontext()
        nan = self._check_nans(other, context)
        if nan is not None:
            return nan
        if self._isinf():
            return context._raise(InvalidOperation, _new(0, 0, 0, 'n'))
        if other._coef == 0 and not other._special:
            if self._coef == 0:
                return context._raise(DivisionUndefined, _new(0, 0, 0, 'n'))
            return context._raise(InvalidOperation, _new(0, 0, 0, 'n'))
        if other._isinf():
            return Decimal(self)._fix(context)
        return self._divide_int(other, context)[1]

    def __rmod__(self, other, context=None):
        o = self._other(other, '%', reverse=True)
        if o is NotImplemented:
            return o
        return o.__mod__(self, context)

    def __divmod__(self, other, context=None):
        other = self._other(other, 'divmod()')
        if other is NotImplemented:
            return other
        return (self.__floordiv__(other, context), self.__mod__(other, context))

    def __rdivmod__(self, other, context=None):
        o = self._other(other, 'divmod()', reverse=True)
        if o is NotImplemented:
            return o
        return o.__divmod__(self, context)

    def __pow__(self, other, modulo=None, context=None):
        other = self._other(other, '** or pow()')
        if other is NotImplemented:
            return other
        if context is None:
            context = getcontext()
        nan = self._check_nans(other, context)
        if nan is not None:
            return nan
        if modulo is not None:
            m = _dec(modulo)
            return Decimal(pow(int(self), int(other), int(m)))
        if not other._special and other._exp >= 0:
            n = other._coef * 10 ** other._exp
            if other._sign:
                if self._coef == 0 and not self._special:
                    return context._raise(DivisionByZero, _new(self._sign if n % 2 else 0, 0, 0, 'F'))
                with localcontext(context) as ctx:
                    ctx.prec = context.prec + 3
                    base = _new(self._sign, self._coef ** n, self._exp * n)._fix(ctx)
                return Decimal(1).__truediv__(base, context)
            if self._isinf():
                return _new(self._sign if n % 2 else 0, 0, 0, 'F') if n else Decimal(1)
            return _new(self._sign if n % 2 else 0, self._coef ** n,
                        self._exp * n)._fix(context)
        if other == Decimal('0.5'):
            return self.sqrt(context)
        if self._sign and self._coef:
            return context._raise(InvalidOperation, _new(0, 0, 0, 'n'))
        value = float(self) ** float(other)
        return Decimal(repr(value))._fix(context)

    def __rpow__(self, other, modulo=None, context=None):
        o = self._other(other, '** or pow()', reverse=True)
        if o is NotImplemented:
            return o
        return o.__pow__(self, modulo, context)

    def __neg__(self, context=None):
        if context is None:
            context = getcontext()
        if self._isnan():
            return self._check_nans(None, context)
        if not self._special and self._coef == 0:
            sign = 0
        else:
            sign = 1 - self._sign
        return _new(sign, self._coef, self._exp, self._special)._fix(context)

    def __pos__(self, context=None):
        if context is None:
            context = getcontext()
        if self._isnan():
            return self._check_nans(None, context)
        sign = 0 if (not self._special and self._coef == 0) else self._sign
        return _new(sign, self._coef, self._exp, self._special)._fix(context)

    def __abs__(self, round=True, context=None):
        if context is None:
            context = getcontext()
        if self._isnan():
            return self._check_nans(None, context)
        result = _new(0, self._coef, self._exp, self._special)
        return result._fix(context) if round else result

    # -- conversions
    def __bool__(self):
        return bool(self._special) or self._coef != 0

    def __int__(self):
        """Converts self to an int, truncating if necessary."""
        if self._isnan():
            raise ValueError("Cannot convert NaN to integer")
        if self._isinf():
            raise OverflowError("Cannot convert infinity to integer")
        if self._exp >= 0:
            v = self._coef * 10 ** self._exp
        else:
            v = self._coef // 10 ** -self._exp
        return -v if self._sign else v

    __trunc__ = __int__

    def __index__(self):
        raise TypeError("'decimal.Decimal' object cannot be interpreted as an integer")

    def __float__(self):
        """Float representation."""
        if self._isnan():
            if self._special == 'N':
                raise ValueError("Cannot convert signaling NaN to float")
            return float('-nan' if self._sign else 'nan')
        return float(str(self))

    def __complex__(self):
        return complex(float(self))

    def __floor__(self):
        if self._special:
            if self._isnan():
                raise ValueError("cannot round a NaN")
            raise OverflowError("cannot round an infinity")
        return int(self._rescale(0, ROUND_FLOOR))

    def __ceil__(self):
        if self._special:
            if self._isnan():
                raise ValueError("cannot round a NaN")
            raise OverflowError("cannot round an infinity")
        return int(self._rescale(0, ROUND_CEILING))

    def __round__(self, n=None):
        if n is not None:
            if not isinstance(n, int):
                raise TypeError('Second argument to round should be integral')
            exp = _new(0, 1, -n)
            return self.quantize(exp)
        if self._special:
            if self._isnan():
                raise ValueError("cannot round a NaN")
            raise OverflowError("cannot round an infinity")
        return int(self._rescale(0, ROUND_HALF_EVEN))

    def _rescale(self, exp, rounding):
        """Value with the given exponent (rounding as needed), no context."""
        if self._special:
            return self
        if self._exp >= exp:
            return _new(self._sign, self._coef * 10 ** (self._exp - exp), exp)
        coef = _round_coef(self._coef, exp - self._exp, self._sign, rounding)
        return _new(self._sign, coef, exp)

    def quantize(self, exp, rounding=None, context=None):
        """Round self to the exponent of exp."""
        exp = _dec(exp)
        if context is None:
            context = getcontext()
        if rounding is None:
            rounding = context.rounding
        nan = self._check_nans(exp, context)
        if nan is not None:
            return nan
        if self._isinf() or exp._isinf():
            if self._isinf() and exp._isinf():
                return Decimal(self)
            return context._raise(InvalidOperation, _new(0, 0, 0, 'n'))
        result = self._rescale(exp._exp, rounding)
        if len(str(result._coef)) > context.prec:
            return context._raise(InvalidOperation, _new(0, 0, 0, 'n'))
        if result._coef != self._coef * 10 ** max(0, self._exp - exp._exp) // \
                10 ** max(0, exp._exp - self._exp) or \
                (exp._exp > self._exp and self._coef % 10 ** (exp._exp - self._exp)):
            context.flags[Inexact] = 1
            context.flags[Rounded] = 1
        return result

    def to_integral_value(self, rounding=None, context=None):
        """Rounds to the nearest integer, without raising inexact, rounded."""
        if context is None:
            context = getcontext()
        if rounding is None:
            rounding = context.rounding
        if self._special or self._exp >= 0:
            return Decimal(self)
        return self._rescale(0, rounding)

    to_integral = to_integral_value

    def to_integral_exact(self, rounding=None, context=None):
        return self.to_integral_value(rounding, context)

    def normalize(self, context=None):
        """Normalize- strip trailing 0s, change anything equal to 0 to 0e0"""
        if context is None:
            context = getcontext()
        if self._special:
            return self
        d = self._fix(context)
        if d._special:
            return d
        if d._coef == 0:
            return _new(d._sign, 0, 0)
        coef, exp = d._coef, d._exp
        while coef % 10 == 0:
            coef //= 10
            exp += 1
        return _new(d._sign, coef, exp)

    reduce = normalize

    def sqrt(self, context=None):
        """Return the square root of self."""
        if context is None:
            context = getcontext()
        nan = self._check_nans(None, context)
        if nan is not None:
            return nan
        if self._isinf():
            if self._sign:
                return context._raise(InvalidOperation, _new(0, 0, 0, 'n'))
            return Decimal(self)
        if self._coef == 0:
            return _new(self._sign, 0, self._exp // 2)
        if self._sign:
            return context._raise(InvalidOperation, _new(0, 0, 0, 'n'))
        prec = context.prec
        ideal = self._exp // 2
        coef, exp = self._coef, self._exp
        if exp % 2:
            coef *= 10
            exp -= 1
        # Scale so the root has prec + 1 digits.
        shift = max(0, prec + 1 - (len(str(coef)) + 1) // 2)
        coef *= 100 ** shift
        exp -= 2 * shift
        root = _math.isqrt(coef)
        exact = root * root == coef
        rexp = exp // 2
        if not exact:
            root = root * 10 + 1     # sticky digit for correct rounding
            rexp -= 1
        else:
            while rexp < ideal and root % 10 == 0:
                root //= 10
                rexp += 1
        # The square root is always rounded half-even.
        even = context.copy()
        even.rounding = ROUND_HALF_EVEN
        result = _new(0, root, rexp)._fix(even)
        for flag, value in even.flags.items():
            if value:
                context.flags[flag] = 1
        return result

    def exp(self, context=None):
        if context is None:
            context = getcontext()
        return Decimal(repr(_math.exp(float(self))))._fix(context)

    def ln(self, context=None):
        if context is None:
            context = getcontext()
        if self._coef == 0 and not self._special:
            return _new(1, 0, 0, 'F')
        if self._sign:
            return context._raise(InvalidOperation, _new(0, 0, 0, 'n'))
        return Decimal(repr(_math.log(float(self))))._fix(context)

    def log10(self, context=None):
        if context is None:
            context = getcontext()
        if self._coef == 0 and not self._special:
            return _new(1, 0, 0, 'F')
        if self._sign:
            return context._raise(InvalidOperation, _new(0, 0, 0, 'n'))
        if not self._special and self._coef == 1:
            return Decimal(self._exp)
        return Decimal(repr(_math.log10(float(self))))._fix(context)

    def scaleb(self, other, context=None):
        other = _dec(other)
        return _new(self._sign, self._coef, self._exp + int(other), self._special)

    def adjusted(self):
        """Return the adjusted exponent of self"""
        if self._special:
            return 0
        return self._exp + len(str(self._coef)) - 1

    def as_tuple(self):
        """Represents the number as a triple tuple."""
        if self._special == 'F':
            return DecimalTuple(self._sign, (0,), 'F')
        digits = tuple(int(c) for c in str(self._coef)) if self._coef or \
            not self._special else ()
        if self._special:
            return DecimalTuple(self._sign, digits, self._special)
        return DecimalTuple(self._sign, digits, self._exp)

    def as_integer_ratio(self):
        """Express a finite Decimal instance in the form n / d."""
        if self._special:
            if self._isnan():
                raise ValueError("cannot convert NaN to integer ratio")
            raise OverflowError("cannot convert Infinity to integer ratio")
        n, d = self._rational()
        g = _math.gcd(n, d)
        return n // g, d // g

    def is_nan(self):
        return self._isnan()

    def is_qnan(self):
        return self._special == 'n'

    def is_snan(self):
        return self._special == 'N'

    def is_infinite(self):
        return self._isinf()

    def is_finite(self):
        return not self._special

    def is_zero(self):
        return not self._special and self._coef == 0

    def is_signed(self):
        return self._sign == 1

    def is_normal(self, context=None):
        return not self._special and self._coef != 0

    def is_integer(self):
        if self._special:
            return False
        return self._exp >= 0 or self._coef % 10 ** -self._exp == 0

    def copy_abs(self):
        return _new(0, self._coef, self._exp, self._special)

    def copy_negate(self):
        return _new(1 - self._sign, self._coef, self._exp, self._special)

    def copy_sign(self, other, context=None):
        return _new(_dec(other)._sign, self._coef, self._exp, self._special)

    def max(self, other, context=None):
        other = _dec(other)
        if self._isnan():
            return other
        if other._isnan():
            return self
        return other if self._cmp(other) < 0 else self

    def min(self, other, context=None):
        other = _dec(other)
        if self._isnan():
            return other
        if other._isnan():
            return self
        return other if self._cmp(other) > 0 else self

    def fma(self, other, third, context=None):
        return (self * _dec(other)) + _dec(third)

    def conjugate(self):
        return self

    @property
    def real(self):
        return self

    @property
    def imag(self):
        return Decimal(0)

    # -- text
    def __str__(self, eng=False, context=None):
        sign = '-' if self._sign else ''
        if self._special:
            if self._special == 'F':
                return sign + 'Infinity'
            name = 'NaN' if self._special == 'n' else 'sNaN'
            return sign + name + (str(self._coef) if self._coef else '')
        digits = str(self._coef)
        leftdigits = self._exp + len(digits)
        if self._exp <= 0 and leftdigits > -6:
            dotplace = leftdigits
        elif not eng:
            dotplace = 1
        elif self._coef == 0:
            dotplace = (leftdigits + 1) % 3 - 1
        else:
            dotplace = (leftdigits - 1) % 3 + 1
        if dotplace <= 0:
            intpart = '0'
            fracpart = '.' + '0' * (-dotplace) + digits
        elif dotplace >= len(digits):
            intpart = digits + '0' * (dotplace - len(digits))
            fracpart = ''
        else:
            intpart = digits[:dotplace]
            fracpart = '.' + digits[dotplace:]
        if leftdigits == dotplace:
            expstr = ''
        else:
            expstr = 'E%+d' % (leftdigits - dotplace)
        return sign + intpart + fracpart + expstr

    def to_eng_string(self, context=None):
        return self.__str__(eng=True, context=context)

    def __repr__(self):
        return "Decimal('%s')" % str(self)

    def __format__(self, specifier, context=None):
        return _format_decimal(self, specifier)

    def __reduce__(self):
        return (self.__class__, (str(self),))

    def __copy__(self):
        if type(self) is Decimal:
            return self
        return self.__class__(str(self))

    def __deepcopy__(self, memo):
        if type(self) is Decimal:
            return self
        return self.__class__(str(self))


def _new(sign, coef, exp, special=None):
    d = object.__new__(Decimal)
    d._sign = sign
    d._coef = coef
    d._exp = exp
    d._special = special
    return d


_numbers.Number.register(Decimal)


def _format_decimal(d, spec):
    # [[fill]align][sign][z][#][0][width][,|_][.precision][type]
    fill, align = ' ', None
    i = 0
    if len(spec) >= 2 and spec[1] in '<>=^':
        fill, align = spec[0], spec[1]
        i = 2
    elif spec[:1] in '<>=^':
        align = spec[0]
        i = 1
    sign_opt = '-'
    if i < len(spec) and spec[i] in '+- ':
        sign_opt = spec[i]
        i += 1
    if i < len(spec) and spec[i] == 'z':
        i += 1
    alternate = False
    if i < len(spec) and spec[i] == '#':
        alternate = True
        i += 1
    if i < len(spec) and spec[i] == '0':
        if align is None:
            fill, align = '0', '='
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
    kind = spec[i:] or None
    if kind is not None and kind not in ('e', 'E', 'f', 'F', 'g', 'G', '%', 'n'):
        raise ValueError("Invalid format specifier '%s' for object of type 'Decimal'" % spec)
    negative = d._sign == 1
    x = d.copy_abs()
    if x._special:
        body = str(x) if x._special != 'F' else 'Infinity'
        if kind == '%':
            body += '%'
    elif kind in ('f', 'F', '%'):
        if kind == '%':
            x = _new(0, x._coef, x._exp + 2)
        if precision is not None:
            x = x._rescale(-precision, ROUND_HALF_EVEN)
        digits = str(x._coef)
        if x._exp >= 0:
            body = digits + '0' * x._exp if x._coef else '0'
        else:
            digits = digits.rjust(-x._exp + 1, '0')
            body = digits[:x._exp] + '.' + digits[x._exp:]
        if alternate and '.' not in body:
            body += '.'
        if kind == '%':
            body += '%'
    elif kind in ('e', 'E') and x._coef == 0:
        p = precision or 0
        exp = x._exp + p
        body = '0' + ('.' + '0' * p if p or alternate else '') + \
            ('e' if kind == 'e' else 'E') + '%+d' % exp
    elif kind in ('e', 'E'):
        if precision is not None:
            adj = x.adjusted()
            x = x._rescale(adj - precision, ROUND_HALF_EVEN)
            if len(str(x._coef)) > precision + 1:
                x = x._rescale(x._exp + 1, ROUND_HALF_EVEN)
        digits = str(x._coef)
        exp = x._exp + len(digits) - 1
        body = digits[0] + ('.' + digits[1:] if len(digits) > 1 or alternate else '') + \
            ('e' if kind == 'e' else 'E') + '%+d' % exp
    else:
        if precision is not None and x._coef:
            precision = max(precision, 1)
            n = len(str(x._coef))
            if n > precision:
                x = x._rescale(x._exp + n - precision, ROUND_HALF_EVEN)
                if len(str(x._coef)) > precision:
                    x = x._rescale(x._exp + 1, ROUND_HALF_EVEN)
        body = str(x)
        if kind == 'G':
            body = body.upper()
        elif kind in ('g', 'n'):
            body = body.replace('E', 'e')
    if grouping:
        whole, dot, rest = body.partition('.')
        if whole.isdigit():
            whole = format(int(whole), grouping)
        body = whole + dot + rest
    prefix = '-' if negative else ('' if sign_opt == '-' else sign_opt)
    w = int(width) if width else 0
    total = len(prefix) + len(body)
    if total >= w:
        return prefix + body
    pad = w - total
    if align is None:
        align = '>'
    if align == '=':
        return prefix + fill * pad + body
    text = prefix + body
    if align == '<':
        return text + fill * pad
    if align == '>':
        return fill * pad + text
    left = pad // 2
    return fill * left + text + fill * (pad - left)


DefaultContext = Context(prec=28, rounding=ROUND_HALF_EVEN,
                         traps=[DivisionByZero, Overflow, InvalidOperation],
                         flags=[], Emax=999999, Emin=-999999, capitals=1, clamp=0)

BasicContext = Context(prec=9, rounding=ROUND_HALF_UP,
                       traps=[DivisionByZero, Overflow, InvalidOperation,
                              Clamped, Underflow],
                       flags=[])

ExtendedContext = Context(prec=9, rounding=ROUND_HALF_EVEN, traps=[], flags=[])
