"""Date and time types: date, time, datetime, timedelta, tzinfo, timezone.

Written in Python.  Dates use the proleptic Gregorian calendar with
ordinal 1 = 0001-01-01.  strftime and strptime are implemented here for
the usual directives (C locale), so they do not depend on the platform;
unknown strftime directives are passed to time.strftime.
"""

import sys as _sys

try:
    import time as _time
except ImportError:
    _time = None

__all__ = ("date", "datetime", "time", "timedelta", "timezone", "tzinfo",
           "MINYEAR", "MAXYEAR", "UTC")

MINYEAR = 1
MAXYEAR = 9999
_MAXORDINAL = 3652059   # date.max.toordinal()

_DAYS_IN_MONTH = [-1, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
_DAYS_BEFORE_MONTH = [-1]
_n = 0
for _dim in _DAYS_IN_MONTH[1:]:
    _DAYS_BEFORE_MONTH.append(_n)
    _n += _dim
del _n, _dim

_MONTHNAMES = [None, "Jan", "Feb", "Mar", "Apr", "May", "Jun",
               "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
_FULLMONTHNAMES = [None, "January", "February", "March", "April", "May", "June",
                   "July", "August", "September", "October", "November", "December"]
_DAYNAMES = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
_FULLDAYNAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                 "Saturday", "Sunday"]


def _cmp(x, y):
    return 0 if x == y else 1 if x > y else -1


def _is_leap(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _days_before_year(year):
    y = year - 1
    return y * 365 + y // 4 - y // 100 + y // 400


def _days_in_month(year, month):
    if month == 2 and _is_leap(year):
        return 29
    return _DAYS_IN_MONTH[month]


def _days_before_month(year, month):
    return _DAYS_BEFORE_MONTH[month] + (month > 2 and _is_leap(year))


def _ymd2ord(year, month, day):
    return _days_before_year(year) + _days_before_month(year, month) + day


_DI400Y = _days_before_year(401)    # days in 400 years
_DI100Y = _days_before_year(101)
_DI4Y = _days_before_year(5)


def _ord2ymd(n):
    """ordinal -> (year, month, day), with 0001-01-01 as day 1."""
    n -= 1
    n400, n = divmod(n, _DI400Y)
    year = n400 * 400 + 1
    n100, n = divmod(n, _DI100Y)
    n4, n = divmod(n, _DI4Y)
    n1, n = divmod(n, 365)
    year += n100 * 100 + n4 * 4 + n1
    if n1 == 4 or n100 == 4:
        return year - 1, 12, 31
    leapyear = n1 == 3 and (n4 != 24 or n100 == 3)
    month = (n + 50) >> 5
    preceding = _DAYS_BEFORE_MONTH[month] + (month > 2 and leapyear)
    if preceding > n:
        month -= 1
        preceding -= _DAYS_IN_MONTH[month] + (month == 2 and leapyear)
    n -= preceding
    return year, month, n + 1


def _check_int_field(value):
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        raise TypeError('integer argument expected, got float')
    try:
        value = value.__index__()
    except AttributeError:
        raise TypeError('an integer is required (got type %s)' %
                        type(value).__name__) from None
    if not isinstance(value, int):
        raise TypeError('__index__ returned non-int (type %s)' %
                        type(value).__name__)
    return value


def _check_date_fields(year, month, day):
    year = _check_int_field(year)
    month = _check_int_field(month)
    day = _check_int_field(day)
    if not MINYEAR <= year <= MAXYEAR:
        raise ValueError(f'year {year} is out of range')
    if not 1 <= month <= 12:
        raise ValueError('month must be in 1..12')
    if not 1 <= day <= _days_in_month(year, month):
        raise ValueError('day is out of range for month')
    return year, month, day


def _check_time_fields(hour, minute, second, microsecond, fold):
    hour = _check_int_field(hour)
    minute = _check_int_field(minute)
    second = _check_int_field(second)
    microsecond = _check_int_field(microsecond)
    if not 0 <= hour <= 23:
        raise ValueError('hour must be in 0..23')
    if not 0 <= minute <= 59:
        raise ValueError('minute must be in 0..59')
    if not 0 <= second <= 59:
        raise ValueError('second must be in 0..59')
    if not 0 <= microsecond <= 999999:
        raise ValueError('microsecond must be in 0..999999')
    if fold not in (0, 1):
        raise ValueError('fold must be either 0 or 1')
    return hour, minute, second, microsecond, fold


def _check_tzinfo_arg(tz):
    if tz is not None and not isinstance(tz, tzinfo):
        raise TypeError("tzinfo argument must be None or of a tzinfo "
                        "subclass, not type '%s'" % type(tz).__name__)


def _check_utc_offset(name, offset):
    if offset is None:
        return
    if not isinstance(offset, timedelta):
        raise TypeError("tzinfo.%s() must return None "
                        "or timedelta, not '%s'" % (name, type(offset).__name__))
    if not -timedelta(1) < offset < timedelta(1):
        raise ValueError("offset must be a timedelta "
                         "strictly between -timedelta(hours=24) and "
                         "timedelta(hours=24).")


def _format_offset(off, sep=':'):
    # "+HH:MM", with ":SS" and ".ffffff" only when non-zero; '' for None.
    if off is None:
        return ''
    sign = '-' if off.days < 0 else '+'
    total_us = abs(off) // timedelta(microseconds=1)
    seconds, us = divmod(total_us, 10**6)
    minutes, ss = divmod(seconds, 60)
    hh, mm = divmod(minutes, 60)
    text = '%s%02d%s%02d' % (sign, hh, sep, mm)
    if ss or us:
        text += '%s%02d' % (sep, ss)
        if us:
            text += '.%06d' % us
    return text


# timespec -> (number of clock fields shown, digits of the fraction)
_TIMESPECS = {'hours': (1, 0), 'minutes': (2, 0), 'seconds': (3, 0),
              'milliseconds': (3, 3), 'microseconds': (3, 6)}


def _format_time(hh, mm, ss, us, timespec='auto'):
    if timespec == 'auto':
        timespec = 'microseconds' if us else 'seconds'
    try:
        fields, digits = _TIMESPECS[timespec]
    except KeyError:
        raise ValueError('Unknown timespec value')
    text = ':'.join('%02d' % v for v in (hh, mm, ss)[:fields])
    if digits:
        text += '.%0*d' % (digits, us // 10 ** (6 - digits))
    return text


def _struct_time(values):
    if _time is not None and hasattr(_time, 'struct_time'):
        return _time.struct_time(values)
    return tuple(values)


# ---------------------------------------------------------------- strftime

def _iso_week(year, month, day):
    # (ISO year, ISO week, ISO weekday)
    return date(year, month, day).isocalendar()


def _strftime(obj, fmt, tt):
    """Format obj (date, time or datetime) with the C-locale meaning of"""
    if not isinstance(fmt, str):
        raise TypeError("strftime() argument 1 must be str, not %s"
                        % type(fmt).__name__)
    year, month, day, hour, minute, second, wday, yday = tt[:8]
    out = []
    i = 0
    n = len(fmt)
    while i < n:
        ch = fmt[i]
        if ch != '%' or i + 1 >= n:
            out.append(ch)
            i += 1
            continue
        i += 1
        d = fmt[i]
        i += 1
        if d == ':' and i < n and fmt[i] == 'z':
            i += 1
            off = obj.utcoffset() if hasattr(obj, 'utcoffset') else None
            out.append(_format_offset(off, ':') if off is not None else '')
            continue
        if d == 'Y':
            out.append(str(year))
        elif d == 'y':
            out.append('%02d' % (year % 100))
        elif d == 'm':
            out.append('%02d' % month)
        elif d == 'd':
            out.append('%02d' % day)
        elif d == 'e':
            out.append('%2d' % day)
        elif d == 'H':
            out.append('%02d' % hour)
        elif d == 'I':
            out.append('%02d' % ((hour % 12) or 12))
        elif d == 'M':
            out.append('%02d' % minute)
        elif d == 'S':
            out.append('%02d' % second)
        elif d == 'f':
            out.append('%06d' % getattr(obj, 'microsecond', 0))
        elif d == 'p':
            out.append('AM' if hour < 12 else 'PM')
        elif d == 'a':
            out.append(_DAYNAMES[wday])
        elif d == 'A':
            out.append(_FULLDAYNAMES[wday])
        elif d == 'b' or d == 'h':
            out.append(_MONTHNAMES[month])
        elif d == 'B':
            out.append(_FULLMONTHNAMES[month])
        elif d == 'j':
            out.append('%03d' % yday)
        elif d == 'w':
            out.append(str((wday + 1) % 7))
        elif d == 'u':
            out.append(str(wday + 1))
        elif d == 'U':
            out.append('%02d' % ((yday + 6 - (wday + 1) % 7) // 7))
        elif d == 'W':
            out.append('%02d' % ((yday + 6 - wday) // 7))
        elif d in 'GVg':
            iy, iw, _ = _iso_week(year, month, day)
            out.append(str(iy) if d == 'G' else '%02d' % iw if d == 'V'
                       else '%02d' % (iy % 100))
        elif d == 'c':
            out.append('%s %s %2d %02d:%02d:%02d %d' % (
                _DAYNAMES[wday], _MONTHNAMES[month], day, hour, minute,
                second, year))
        elif d == 'x':
            out.append('%02d/%02d/%02d' % (month, day, year % 100))
        elif d == 'X':
            out.append('%02d:%02d:%02d' % (hour, minute, second))
        elif d == 'D':
            out.append('%02d/%02d/%02d' % (month, day, year % 100))
        elif d == 'F':
            out.append('%d-%02d-%02d' % (year, month, day))
        elif d == 'T':
            out.append('%02d:%02d:%02d' % (hour, minute, second))
        elif d == 'R':
            out.append('%02d:%02d' % (hour, minute))
        elif d == 'n':
            out.append('\n')
        elif d == 't':
            out.append('\t')
        elif d == 'z':
            off = obj.utcoffset() if hasattr(obj, 'utcoffset') else None
            out.append(_format_offset(off, '') if off is not None else '')
        elif d == 'Z':
            name = obj.tzname() if hasattr(obj, 'tzname') else None
            out.append(name or '')
        elif d == '%':
            out.append('%')
        else:
            if _time is not None and hasattr(_time, 'strftime'):
                out.append(_time.strftime('%' + d, tt))
            else:
                out.append('%' + d)
    return ''.join(out)


# ---------------------------------------------------------------- strptime

def _names_pattern(names):
    # Longest first, so that 'March' wins over 'Mar'.
    import re
    ordered = sorted((n for n in names if n), key=len, reverse=True)
    return '|'.join(re.escape(n) for n in ordered)


def _directive_patterns():
    return {
        'd': r"3[0-1]|[1-2]\d|0[1-9]|[1-9]| [1-9]",
        'f': r"[0-9]{1,6}",
        'H': r"2[0-3]|[0-1]\d|\d",
        'I': r"1[0-2]|0[1-9]|[1-9]| [1-9]",
        'G': r"\d\d\d\d",
        'j': r"36[0-6]|3[0-5]\d|[1-2]\d\d|0[1-9]\d|00[1-9]|[1-9]\d|0[1-9]|[1-9]",
        'm': r"1[0-2]|0[1-9]|[1-9]",
        'M': r"[0-5]\d|\d",
        'S': r"6[0-1]|[0-5]\d|\d",
        'U': r"5[0-3]|[0-4]\d|\d",
        'W': r"5[0-3]|[0-4]\d|\d",
        'w': r"[0-6]",
        'u': r"[1-7]",
        'V': r"5[0-3]|0[1-9]|[1-4]\d|\d",
        'y': r"\d\d",
        'Y': r"\d\d\d\d",
        'z': r"[+-]\d\d:?[0-5]\d(:?[0-5]\d(\.\d{1,6})?)?|(?-i:Z)",
        'A': _names_pattern(_FULLDAYNAMES),
        'a': _names_pattern(_DAYNAMES),
        'B': _names_pattern(_FULLMONTHNAMES[1:]),
        'b': _names_pattern(_MONTHNAMES[1:]),
        'p': _names_pattern(['AM', 'PM']),
        'Z': _names_pattern(['UTC', 'GMT']),
    }


_COMPOSITE = {'c': '%a %b %d %H:%M:%S %Y', 'x': '%m/%d/%y', 'X': '%H:%M:%S',
              'D': '%m/%d/%y', 'T': '%H:%M:%S', 'R': '%H:%M', 'F': '%Y-%m-%d'}
_strptime_cache = {}


def _strptime_regex(fmt):
    """Compile fmt into a regular expression with one named group per
    directive (whitespace in fmt matches any run of whitespace)."""
    import re
    compiled = _strptime_cache.get(fmt)
    if compiled is not None:
        return compiled
    table = _directive_patterns()
    out = []
    i = 0
    n = len(fmt)
    while i < n:
        c = fmt[i]
        if c == '%':
            if i + 1 >= n:
                raise ValueError("stray %% in format '%s'" % fmt)
            d = fmt[i + 1]
            i += 2
            if d == '%':
                out.append('%')
            elif d in _COMPOSITE:
                out.append(_strptime_regex_body(_COMPOSITE[d], table))
            elif d in table:
                out.append('(?P<%s>%s)' % (d, table[d]))
            else:
                raise ValueError("'%s' is a bad directive in format '%s'"
                                 % (d, fmt))
        elif c.isspace():
            while i < n and fmt[i].isspace():
                i += 1
            out.append(r'\s+')
        else:
            out.append(re.escape(c))
            i += 1
    compiled = re.compile(''.join(out), re.IGNORECASE)
    # Like CPython, warn when a format is first compiled.
    _warn_day_without_year(fmt)
    if len(_strptime_cache) > 100:
        _strptime_cache.clear()
    _strptime_cache[fmt] = compiled
    return compiled


def _strptime_regex_body(fmt, table):
    import re
    out = []
    i = 0
    while i < len(fmt):
        c = fmt[i]
        if c == '%':
            d = fmt[i + 1]
            i += 2
            out.append('(?P<%s>%s)' % (d, table[d]))
        elif c == ' ':
            out.append(r'\s+')
            i += 1
        else:
            out.append(re.escape(c))
            i += 1
    return ''.join(out)


def _lookup_name(text, names):
    low = text.lower()
    for index, name in enumerate(names):
        if name is not None and name.lower() == low:
            return index
    raise ValueError(text)


def _strptime(data, fmt):
    """Parse data according to fmt; returns a dict of the fields found."""
    if not isinstance(data, str):
        raise TypeError("strptime() argument 1 must be str, not %s"
                        % type(data).__name__)
    if not isinstance(fmt, str):
        raise TypeError("strptime() argument 2 must be str, not %s"
                        % type(fmt).__name__)
    found = _strptime_regex(fmt).match(data)
    if found is None:
        raise ValueError("time data %r does not match format %r" % (data, fmt))
    if len(data) != found.end():
        raise ValueError("unconverted data remains: %s" % data[found.end():])
    fields = {}
    ampm = None
    hour12 = None
    for key, value in found.groupdict().items():
        if value is None:
            continue
        if key == 'y':
            year = int(value)
            fields['year'] = year + (2000 if year <= 68 else 1900)
        elif key == 'Y':
            fields['year'] = int(value)
        elif key == 'm':
            fields['month'] = int(value)
        elif key == 'B':
            fields['month'] = _lookup_name(value, _FULLMONTHNAMES)
        elif key == 'b':
            fields['month'] = _lookup_name(value, _MONTHNAMES)
        elif key == 'd':
            fields['day'] = int(value)
        elif key == 'H':
            fields['hour'] = int(value)
            hour12 = None
        elif key == 'I':
            hour12 = int(value)
            fields.pop('hour', None)
        elif key == 'M':
            fields['minute'] = int(value)
        elif key == 'S':
            fields['second'] = int(value)
        elif key == 'f':
            fields['microsecond'] = int(value + '0' * (6 - len(value)))
        elif key == 'p':
            ampm = value.lower()
        elif key == 'A':
            fields['weekday'] = _lookup_name(value, _FULLDAYNAMES)
        elif key == 'a':
            fields['weekday'] = _lookup_name(value, _DAYNAMES)
        elif key == 'w':
            fields['weekday'] = (int(value) - 1) % 7
        elif key == 'u':
            fields['weekday'] = int(value) - 1
        elif key == 'j':
            fields['yday'] = int(value)
        elif key == 'z':
            if value == 'Z':
                fields['tz'] = timedelta(0)
                continue
            sign = -1 if value[0] == '-' else 1
            body = value[1:].replace(':', '')
            hh, mm = int(body[:2]), int(body[2:4])
            ss = int(body[4:6]) if len(body) >= 6 else 0
            us = 0
            if '.' in body:
                frac = body.split('.', 1)[1]
                us = int(frac + '0' * (6 - len(frac)))
            fields['tz'] = sign * timedelta(hours=hh, minutes=mm, seconds=ss,
                                            microseconds=us)
        elif key == 'Z':
            fields['tzname'] = value.upper()
    if hour12 is not None:
        hour = hour12
        if ampm in (None, 'am'):
            if hour == 12:
                hour = 0
        elif ampm == 'pm' and hour != 12:
            hour += 12
        fields['hour'] = hour
    return fields


def _warn_day_without_year(fmt):
    # CPython 3.13 warns: a day of month without a year cannot parse Feb 29.
    i = 0
    seen_day = seen_year = False
    while i < len(fmt) - 1:
        if fmt[i] == '%':
            c = fmt[i + 1]
            if c == 'd':
                seen_day = True
            elif c in 'Yy':
                seen_year = True
            i += 2
        else:
            i += 1
    if seen_day and not seen_year:
        import warnings
        import os
        warnings.warn(
            "Parsing dates involving a day of month without a year specified is ambiguious\n"
            "and fails to parse leap day. The default behavior will change in Python 3.15\n"
            "to either always raise an exception or to use a different default year (TBD).\n"
            "To avoid trouble, add a specific year to the input & format.\n"
            "See https://github.com/python/cpython/issues/70647.",
            DeprecationWarning,
            skip_file_prefixes=(os.path.dirname(__file__),))


def _strptime_datetime(cls, data, fmt):
    f = _strptime(data, fmt)
    year = f.get('year', 1900)
    if 'yday' in f:
        dd = date.fromordinal(_ymd2ord(year, 1, 1) + f['yday'] - 1)
        month, day = dd.month, dd.day
    else:
        month = f.get('month', 1)
        day = f.get('day', 1)
    tz = None
    if 'tz' in f:
        tz = timezone(f['tz']) if f['tz'] or 'tzname' not in f else timezone.utc
        if f['tz'] == timedelta(0) and not f.get('tzname'):
            tz = timezone.utc
    args = (year, month, day, f.get('hour', 0), f.get('minute', 0),
            f.get('second', 0), f.get('microsecond', 0))
    if tz is not None:
        return cls(*args, tzinfo=tz)
    return cls(*args)


# ---------------------------------------------------------------- timedelta

def _compare_by_state(name, test):
    """A rich comparison of timedelta with timedelta on _getstate()."""
    def compare(self, other):
        if not isinstance(other, timedelta):
            return NotImplemented
        return test(self._getstate(), other._getstate())
    compare.__name__ = name
    compare.__qualname__ = 'timedelta.' + name
    return compare


def _td_us(us):
    """The timedelta of us microseconds."""
    return timedelta(0, 0, us)


class timedelta:
    """Difference between two datetime values."""

    __slots__ = '_days', '_seconds', '_microseconds', '_hashcode'

    def __new__(cls, days=0, seconds=0, microseconds=0,
                milliseconds=0, minutes=0, hours=0, weeks=0):
        # Sum everything as exact integer microseconds plus a float rest.
        exact = 0
        inexact = 0.0
        for value, scale in ((days, 86400 * 10**6), (seconds, 10**6),
                             (microseconds, 1), (milliseconds, 1000),
                             (minutes, 60 * 10**6), (hours, 3600 * 10**6),
                             (weeks, 7 * 86400 * 10**6)):
            if isinstance(value, int):
                exact += value * scale
            elif isinstance(value, float):
                if value != value or value in (float('inf'), float('-inf')):
                    raise ValueError("cannot convert float %s to integer" % value) \
                        if value != value else OverflowError(
                            "cannot convert float infinity to integer")
                whole = int(value)
                exact += whole * scale
                inexact += (value - whole) * scale
            else:
                raise TypeError("unsupported type for timedelta %s component: %s"
                                % (_COMPONENT_NAMES[scale], type(value).__name__))
        if inexact:
            whole = int(inexact)
            exact += whole
            rest = inexact - whole
            if abs(rest) == 0.5:
                # Ties go to the even total, like round().
                if exact % 2:
                    exact += 1 if rest > 0 else -1
            else:
                exact += round(rest)
        days, rem = divmod(exact, 86400 * 10**6)
        seconds, us = divmod(rem, 10**6)
        if abs(days) > 999999999:
            raise OverflowError("days=%d; must have magnitude <= 999999999" % days)
        self = object.__new__(cls)
        self._days = days
        self._seconds = seconds
        self._microseconds = us
        self._hashcode = -1
        return self

    def __repr__(self):
        # Only the non-zero normalised fields are named; zero is "(0)".
        named = ', '.join('%s=%d' % (field, value) for field, value in
                          zip(('days', 'seconds', 'microseconds'),
                              self._getstate()) if value)
        return '%s.%s(%s)' % (_module_name(self), type(self).__qualname__,
                              named or '0')

    def __str__(self):
        # "[D day[s], ]H:MM:SS[.ffffff]"
        minutes, ss = divmod(self._seconds, 60)
        hh, mm = divmod(minutes, 60)
        text = '%d:%02d:%02d' % (hh, mm, ss)
        if self._microseconds:
            text += '.%06d' % self._microseconds
        if self._days:
            unit = 'day' if abs(self._days) == 1 else 'days'
            text = '%d %s, %s' % (self._days, unit, text)
        return text

    def total_seconds(self):
        """The whole duration in seconds, as a float."""
        return self._to_microseconds() / 10**6

    days = property(lambda self: self._days,
                    doc="Number of days (may be negative).")
    seconds = property(lambda self: self._seconds,
                       doc="Seconds past the days (0 to 86399).")
    microseconds = property(lambda self: self._microseconds,
                            doc="Microseconds past the seconds (0 to 999999).")

    # All arithmetic goes through the total in microseconds, an int.
    def _to_microseconds(self):
        return (self._days * 86400 + self._seconds) * 10**6 + self._microseconds

    def _getstate(self):
        return (self._days, self._seconds, self._microseconds)

    def __add__(self, other):
        if not isinstance(other, timedelta):
            return NotImplemented
        return _td_us(self._to_microseconds() + other._to_microseconds())

    __radd__ = __add__

    def __sub__(self, other):
        if not isinstance(other, timedelta):
            return NotImplemented
        return _td_us(self._to_microseconds() - other._to_microseconds())

    def __rsub__(self, other):
        if not isinstance(other, timedelta):
            return NotImplemented
        return _td_us(other._to_microseconds() - self._to_microseconds())

    def __neg__(self):
        return _td_us(-self._to_microseconds())

    def __pos__(self):
        return self

    def __abs__(self):
        return -self if self._days < 0 else self

    def __mul__(self, other):
        if isinstance(other, int):
            return _td_us(self._to_microseconds() * other)
        if isinstance(other, float):
            num, den = other.as_integer_ratio()
            return _td_us(_divide_and_round(self._to_microseconds() * num, den))
        return NotImplemented

    __rmul__ = __mul__

    def __floordiv__(self, other):
        if isinstance(other, timedelta):
            return self._to_microseconds() // other._to_microseconds()
        if isinstance(other, int):
            return _td_us(self._to_microseconds() // other)
        return NotImplemented

    def __truediv__(self, other):
        if isinstance(other, timedelta):
            return self._to_microseconds() / other._to_microseconds()
        if isinstance(other, int):
            return _td_us(_divide_and_round(self._to_microseconds(), other))
        if isinstance(other, float):
            num, den = other.as_integer_ratio()
            return _td_us(_divide_and_round(den * self._to_microseconds(), num))
        return NotImplemented

    def __mod__(self, other):
        if not isinstance(other, timedelta):
            return NotImplemented
        return _td_us(self._to_microseconds() % other._to_microseconds())

    def __divmod__(self, other):
        if not isinstance(other, timedelta):
            return NotImplemented
        quotient, rest = divmod(self._to_microseconds(),
                                other._to_microseconds())
        return quotient, _td_us(rest)

    # Comparisons: between timedeltas only, by (days, seconds, microseconds).
    __eq__ = _compare_by_state('__eq__', lambda a, b: a == b)
    __lt__ = _compare_by_state('__lt__', lambda a, b: a < b)
    __le__ = _compare_by_state('__le__', lambda a, b: a <= b)
    __gt__ = _compare_by_state('__gt__', lambda a, b: a > b)
    __ge__ = _compare_by_state('__ge__', lambda a, b: a >= b)

    def __hash__(self):
        if self._hashcode == -1:
            self._hashcode = hash(self._getstate())
        return self._hashcode

    def __bool__(self):
        return bool(self._days or self._seconds or self._microseconds)

    def __reduce__(self):
        return (self.__class__, self._getstate())


_COMPONENT_NAMES = {86400 * 10**6: 'days', 10**6: 'seconds', 1: 'microseconds',
                    1000: 'milliseconds', 60 * 10**6: 'minutes',
                    3600 * 10**6: 'hours', 7 * 86400 * 10**6: 'weeks'}

timedelta.min = timedelta(-999999999)
timedelta.max = timedelta(days=999999999, hours=23, minutes=59, seconds=59,
                          microseconds=999999)
timedelta.resolution = timedelta(microseconds=1)


def _divide_and_round(a, b):
    """a / b rounded to the nearest integer, ties to even."""
    q, r = divmod(a, b)
    r *= 2
    greater_than_half = r > b if b > 0 else r < b
    if greater_than_half or r == b and q % 2 == 1:
        q += 1
    return q


def _module_name(obj):
    # reprs say "datetime.X" (the module's name).
    return 'datetime'


# ---------------------------------------------------------------- date

class date:
    """date(year, month, day) --> date object

A day of the proleptic Gregorian calendar, years 1 to 9999."""

    __slots__ = '_year', '_month', '_day', '_hashcode'

    def __new__(cls, year, month=None, day=None):
        self = object.__new__(cls)
        self._year, self._month, self._day = _check_date_fields(year, month,
                                                                day)
        self._hashcode = -1
        return self

    # -- constructors

    @classmethod
    def fromtimestamp(cls, t):
        """The local date of a POSIX timestamp."""
        return cls(*_time.localtime(t)[:3])

    @classmethod
    def today(cls):
        """The current local date."""
        return cls.fromtimestamp(_time.time())

    @classmethod
    def fromordinal(cls, n):
        """The date with ordinal n (day 1 is 0001-01-01)."""
        if not 1 <= n <= _MAXORDINAL:
            raise ValueError(f'ordinal must be in 1..{_MAXORDINAL}')
        return cls(*_ord2ymd(n))

    @classmethod
    def fromisoformat(cls, date_string):
        """The date written as YYYY-MM-DD, YYYYMMDD or an ISO week date."""
        if not isinstance(date_string, str):
            raise TypeError('fromisoformat: argument must be str')
        raw = _iso_bytes(date_string)
        if len(raw) in (7, 8, 10):
            try:
                return cls(*_iso_date_fields(raw))
            except _IsoSyntax:
                pass
        raise ValueError(f'Invalid isoformat string: {date_string!r}')

    @classmethod
    def fromisocalendar(cls, year, week, day):
        """The date of ISO year, week number (1-53) and weekday (1-7)."""
        return cls(*_from_iso_week(year, week, day))

    # -- fields and views

    year = property(lambda self: self._year, doc="year (1-9999)")
    month = property(lambda self: self._month, doc="month (1-12)")
    day = property(lambda self: self._day, doc="day (1-31)")

    def toordinal(self):
        """Days since 0000-12-31 (so 0001-01-01 is 1)."""
        return _ymd2ord(self._year, self._month, self._day)

    def timetuple(self):
        """A time.struct_time for midnight of this date (tm_isdst -1)."""
        return _build_struct_time(self._year, self._month, self._day,
                                  0, 0, 0, -1)

    def weekday(self):
        """0 for Monday up to 6 for Sunday."""
        return (self.toordinal() + 6) % 7

    def isoweekday(self):
        """1 for Monday up to 7 for Sunday."""
        return self.weekday() + 1

    def isocalendar(self):
        """(ISO year, ISO week number, ISO weekday) as a named tuple."""
        ordinal = self.toordinal()
        iso_year = self._year
        # The ISO year is the calendar year, the one before, or the one
        # after: pick the latest whose week 1 has started.
        if ordinal >= _week_one_monday(iso_year + 1):
            iso_year += 1
        elif ordinal < _week_one_monday(iso_year):
            iso_year -= 1
        week, day = divmod(ordinal - _week_one_monday(iso_year), 7)
        return _IsoCalendarDate(iso_year, week + 1, day + 1)

    def replace(self, year=None, month=None, day=None):
        """A copy with the given fields changed."""
        return type(self)(*_fill_missing((year, month, day),
                                         self._getstate()))

    __replace__ = replace

    # -- text

    def __repr__(self):
        return "%s.%s(%d, %d, %d)" % (_module_name(self),
                                      type(self).__qualname__,
                                      self._year, self._month, self._day)

    def isoformat(self):
        """YYYY-MM-DD."""
        return "%04d-%02d-%02d" % self._getstate()

    __str__ = isoformat

    def ctime(self):
        """asctime()-style text for midnight: 'Tue Mar  1 00:00:00 2005'."""
        return _ctime_text(self.toordinal(), self._month, self._day, 0, 0, 0,
                           self._year)

    def strftime(self, format):
        """Format with strftime directives (the time part is midnight)."""
        return _strftime(self, format, self.timetuple())

    def __format__(self, fmt):
        return _format_via_strftime(self, fmt)

    # -- comparison, arithmetic, hashing

    def _cmp(self, other):
        return _cmp(self._getstate(), other._getstate())

    def __hash__(self):
        if self._hashcode == -1:
            self._hashcode = hash(self._getstate())
        return self._hashcode

    def __add__(self, other):
        if not isinstance(other, timedelta):
            return NotImplemented
        ordinal = self.toordinal() + other.days
        if not 0 < ordinal <= _MAXORDINAL:
            raise OverflowError("date value out of range")
        return type(self).fromordinal(ordinal)

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self + timedelta(-other.days)
        if isinstance(other, date) and not isinstance(other, datetime):
            return timedelta(self.toordinal() - other.toordinal())
        return NotImplemented

    def _getstate(self):
        return (self._year, self._month, self._day)

    def __reduce__(self):
        return type(self), self._getstate()


_date_class = date

date.min = date(1, 1, 1)
date.max = date(9999, 12, 31)
date.resolution = timedelta(days=1)


def _build_struct_time(y, m, d, hh, mm, ss, dstflag):
    wday = (_ymd2ord(y, m, d) + 6) % 7
    dnum = _days_before_month(y, m) + d
    return _struct_time((y, m, d, hh, mm, ss, wday, dnum, dstflag))


def _week_one_monday(year):
    # Ordinal of the Monday that starts ISO week 1 of year: week 1 is the
    # week holding the year's first Thursday, so its Monday is at most
    # three days before January 1st and at most three days after.
    jan1 = _ymd2ord(year, 1, 1)
    monday = jan1 - (jan1 + 6) % 7          # the Monday on or before Jan 1
    return monday + 7 if jan1 - monday > 3 else monday


def _weeks_in_iso_year(year):
    return (_week_one_monday(year + 1) - _week_one_monday(year)) // 7


def _from_iso_week(year, week, weekday):
    # (year, month, day) of an ISO week date, with date.fromisocalendar's
    # messages for fields out of range.
    if not MINYEAR <= year <= MAXYEAR:
        raise ValueError(f"Year is out of range: {year}")
    if not 1 <= week <= 52 and not (week == 53 and _weeks_in_iso_year(year) == 53):
        raise ValueError(f"Invalid week: {week}")
    if not 1 <= weekday <= 7:
        raise ValueError(f"Invalid day: {weekday} (range is [1, 7])")
    return _ord2ymd(_week_one_monday(year) + 7 * (week - 1) + weekday - 1)


class _IsoCalendarDate(tuple):
    # What date.isocalendar() returns: a 3-tuple with named fields that
    # pickles as a plain tuple.

    def __new__(cls, year, week, weekday, /):
        return tuple.__new__(cls, (year, week, weekday))

    year = property(lambda self: self[0])
    week = property(lambda self: self[1])
    weekday = property(lambda self: self[2])

    def __reduce__(self):
        return tuple, (tuple(self),)

    def __repr__(self):
        return ('datetime.IsoCalendarDate(year=%d, week=%d, weekday=%d)'
                % tuple(self))


_IsoCalendarDate.__name__ = _IsoCalendarDate.__qualname__ = 'IsoCalendarDate'


# ---------------------------------------------------------------- ISO 8601 input
#
# The fromisoformat() methods accept exactly what CPython's C module accepts,
# quirks included, since programs and their tests depend on it: a date
# (YYYY-MM-DD, YYYYMMDD, YYYY-Www[-D], YYYYWww[D]); for a datetime, any one
# character and then a time: HH[:MM[:SS]] or HH[MM[SS]], a fraction ('.' or
# ',' and digits) after any of those fields, then 'Z' or a signed offset
# written like a time.  The C module reads the UTF-8 bytes of the text, so
# the parsers below work on bytes: only ASCII digits count, and positions
# are byte positions.  Text that does not have the right shape raises
# _IsoSyntax, which the methods reword as "Invalid isoformat string"; a
# well-formed field out of range (hour 24, February 30th, a 24-hour offset)
# keeps the constructor's own message.

class _IsoSyntax(ValueError):
    pass


def _iso_bytes(text):
    return text.encode('utf-8', 'surrogatepass')


def _iso_number(raw, start, width):
    piece = raw[start:start + width]
    if len(piece) != width or not piece.isdigit():
        raise _IsoSyntax
    return int(piece)


def _iso_date_fields(raw):
    """[year, month, day] of the date at the start of raw; what follows a
    complete date is not looked at (date.fromisoformat checks the length)."""
    year = _iso_number(raw, 0, 4)
    dashed = raw[4:5] == b'-'
    at = 4 + dashed
    if raw[at:at + 1] == b'W':
        week = _iso_number(raw, at + 1, 2)
        at += 3
        weekday = 1
        if at < len(raw):
            if (raw[at:at + 1] == b'-') != dashed:
                raise _IsoSyntax
            weekday = _iso_number(raw, at + dashed, 1)
        if year == 0:
            # CPython's C parser leaves the month unset for year 0 and the
            # constructor then rejects it: give the fields that do the same.
            if not (1 <= week <= 52 and 1 <= weekday <= 7):
                raise _IsoSyntax
            return [1, 0, 1]
        try:
            return list(_from_iso_week(year, week, weekday))
        except ValueError:
            raise _IsoSyntax from None
    month = _iso_number(raw, at, 2)
    at += 2
    if (raw[at:at + 1] == b'-') != dashed:
        raise _IsoSyntax
    return [year, month, _iso_number(raw, at + dashed, 2)]


def _iso_date_span(text):
    """How many leading characters of a datetime string form its date (the
    separator character follows)."""
    if len(text) == 7:
        return 7
    if text[4] == '-':
        if text[5] != 'W' or text[8:9] != '-':
            return 8 if text[5] == 'W' else 10      # YYYY-Www or YYYY-MM-DD
        # YYYY-Www-D then the time, or YYYY-Www, '-', then a time of digits.
        following = text[10:11]
        return 8 if following.isascii() and following.isdigit() else 10
    if text[4] == 'W':
        # YYYYWww or YYYYWwwD: a run of digits after the week is split so that
        # the time gets an even number of them.
        end = 7
        while end < len(text) and text[end].isascii() and text[end].isdigit():
            end += 1
        if end < 9:
            return end
        return 7 if end % 2 == 0 else 8
    return 8


def _iso_clock_fields(raw, end, zoned):
    """[hour, minute, second, microsecond] of raw[:end]: 'HH:MM:SS.ffffff'
    where trailing fields may be missing, the colons may all be left out
    and a fraction ('.' or ',') may follow any field; digits past the sixth
    of the fraction are dropped.  Like the C parser, the byte after each
    field is read before the end is checked, so when an offset follows
    (zoned) one stray byte before it is ignored, and in the colon-less form
    digits right after the seconds are the fraction."""
    fields = [0, 0, 0, 0]
    at = 0
    colons = False
    for k in range(3):
        fields[k] = _iso_number(raw, at, 2)
        mark = raw[at + 2:at + 3]
        at += 3
        if k == 0:
            colons = mark == b':'
        if at >= end:
            if mark and not zoned:
                raise _IsoSyntax
            return fields
        if colons and mark == b':':
            continue
        if mark in (b'.', b','):
            break
        if colons:
            raise _IsoSyntax
        at -= 1                     # no separator: the next field starts here
    width = min(6, end - at)
    fields[3] = _iso_number(raw, at, width) * 10 ** (6 - width)
    at += width
    while raw[at:at + 1].isdigit():
        at += 1
    if at != len(raw) and not zoned:
        raise _IsoSyntax
    return fields


def _iso_time_fields(raw):
    """[hour, minute, second, microsecond, tzinfo] of a time (bytes) with
    an optional 'Z' or +/- offset."""
    cut = len(raw)
    for k in range(len(raw)):
        if raw[k] in b'+-Z':
            cut = k
            break
    zoned = cut < len(raw)
    fields = _iso_clock_fields(raw, cut, zoned)
    zone = None
    if zoned:
        offset_raw = raw[cut + 1:]
        if raw[cut:cut + 1] == b'Z':
            if offset_raw:
                raise _IsoSyntax
            zone = timezone.utc
        else:
            if len(offset_raw) in (0, 1, 3):
                raise _IsoSyntax
            h, m, s, us = _iso_clock_fields(offset_raw, len(offset_raw), False)
            if not (h or m or s):
                zone = timezone.utc     # as CPython: even with a fraction
            else:
                offset = timedelta(hours=h, minutes=m, seconds=s, microseconds=us)
                zone = timezone(-offset if raw[cut:cut + 1] == b'-' else offset)
    fields.append(zone)
    return fields


# ---------------------------------------------------------------- tzinfo

class tzinfo:
    """Base class of time zone descriptions.  A subclass answers, for a
    datetime, its UTC offset, its daylight saving part and its name."""

    __slots__ = ()

    def tzname(self, dt):
        "The zone's name at dt (a string), or None."
        raise NotImplementedError("tzinfo subclass must override tzname()")

    def utcoffset(self, dt):
        "Offset of local time from UTC at dt (timedelta, east positive)."
        raise NotImplementedError("tzinfo subclass must override utcoffset()")

    def dst(self, dt):
        """The daylight saving part of utcoffset(dt) (timedelta), or None."""
        raise NotImplementedError("tzinfo subclass must override dst()")

    def fromutc(self, dt):
        "Convert dt, a UTC time carrying this tzinfo, to local time."
        if not isinstance(dt, datetime):
            raise TypeError("fromutc() requires a datetime argument")
        if dt.tzinfo is not self:
            raise ValueError("dt.tzinfo is not self")
        offset, saving = dt.utcoffset(), dt.dst()
        if offset is None:
            raise ValueError("fromutc() requires a non-None utcoffset() "
                             "result")
        if saving is None:
            raise ValueError("fromutc() requires a non-None dst() result")
        # Move by the standard offset first, then ask for the daylight
        # saving part at the standard-time result.
        standard = offset - saving
        if standard:
            dt += standard
            saving = dt.dst()
            if saving is None:
                raise ValueError("fromutc(): dt.dst gave inconsistent "
                                 "results; cannot convert")
        return dt + saving

    def __reduce__(self):
        make_args = getattr(self, "__getinitargs__", None)
        args = make_args() if make_args else ()
        state = self.__getstate__() if hasattr(self, '__getstate__') else None
        return type(self), args, state


# ---------------------------------------------------------------- time
#
# time and datetime share their time-of-day half: the same slots, the same
# validation, the same tzinfo queries and repr tail.  The helpers below hold
# that half once; the classes add what differs (a datetime passes itself to
# its tzinfo, a time passes None).

def _start_clock(obj, hour, minute, second, microsecond, tzinfo, fold):
    # Validate and store the time-of-day fields of a new time/datetime.
    (obj._hour, obj._minute, obj._second, obj._microsecond,
     obj._fold) = _check_time_fields(hour, minute, second, microsecond, fold)
    _check_tzinfo_arg(tzinfo)
    obj._tzinfo = tzinfo
    obj._hashcode = -1


def _slot_reader(slot, doc):
    return property(lambda self: getattr(self, slot), doc=doc)


def _offset_query(tz, method, argument):
    # tz.utcoffset(argument) / tz.dst(argument), checked; None when naive.
    if tz is None:
        return None
    offset = getattr(tz, method)(argument)
    _check_utc_offset(method, offset)
    return offset


def _name_query(tz, argument):
    if tz is None:
        return None
    name = tz.tzname(argument)
    if name is not None and not isinstance(name, str):
        raise TypeError("tzinfo.tzname() must return None or a string, "
                        "not '%s'" % type(name).__name__)
    return name


def _repr_with_extras(text, tzinfo, fold, fold_first=False):
    # "datetime.time(1, 2)" -> "datetime.time(1, 2, tzinfo=..., fold=1)";
    # datetime's repr names fold before tzinfo.
    extras = [', tzinfo=%r' % (tzinfo,)] if tzinfo is not None else []
    if fold:
        extras.insert(0 if fold_first else len(extras), ', fold=1')
    return text[:-1] + ''.join(extras) + ')' if extras else text


def _fill_missing(given, current):
    # replace(): None means "keep the current value".
    return [now if new is None else new for new, now in zip(given, current)]


def _format_via_strftime(obj, fmt):
    # format(obj, spec): an empty spec is str(obj), anything else strftime.
    if not isinstance(fmt, str):
        raise TypeError("must be str, not %s" % type(fmt).__name__)
    return obj.strftime(fmt) if fmt else str(obj)


class time:
    """time([hour[, minute[, second[, microsecond[, tzinfo]]]]]) --> a time object

A time of day, optionally with a tzinfo; every argument defaults to 0
(tzinfo to None).  fold=1 marks the later of two equal wall-clock times."""

    __slots__ = ('_hour', '_minute', '_second', '_microsecond', '_tzinfo',
                 '_hashcode', '_fold')

    def __new__(cls, hour=0, minute=0, second=0, microsecond=0, tzinfo=None,
                *, fold=0):
        self = object.__new__(cls)
        _start_clock(self, hour, minute, second, microsecond, tzinfo, fold)
        return self

    hour = _slot_reader('_hour', "hour (0-23)")
    minute = _slot_reader('_minute', "minute (0-59)")
    second = _slot_reader('_second', "second (0-59)")
    microsecond = _slot_reader('_microsecond', "microsecond (0-999999)")
    tzinfo = _slot_reader('_tzinfo', "timezone info object")
    fold = _slot_reader('_fold', "0 or 1: which of two equal wall times")

    def _clock(self):
        return (self._hour, self._minute, self._second, self._microsecond)

    def _utc_minutes(self, offset):
        # Minutes since midnight moved to UTC (may leave 0..1439), then the
        # finer fields: orders aware times with different offsets.
        return (self._hour * 60 + self._minute - offset // timedelta(minutes=1),
                self._second, self._microsecond)

    def _cmp(self, other, allow_mixed=False):
        if self._tzinfo is not other._tzinfo:
            mine, theirs = self.utcoffset(), other.utcoffset()
            if mine != theirs:
                if mine is None or theirs is None:
                    if allow_mixed:
                        return 2        # == is False, no ordering asked
                    raise TypeError("can't compare offset-naive and "
                                    "offset-aware times")
                return _cmp(self._utc_minutes(mine),
                            other._utc_minutes(theirs))
        return _cmp(self._clock(), other._clock())

    def __hash__(self):
        if self._hashcode == -1:
            # fold does not change identity; the offset is the fold=0 one.
            plain = self.replace(fold=0) if self._fold else self
            offset = plain.utcoffset()
            if not offset:
                self._hashcode = hash(self._clock())
            else:
                shifted = timedelta(hours=self._hour,
                                    minutes=self._minute) - offset
                hours, rest = divmod(shifted, timedelta(hours=1))
                minutes = rest // timedelta(minutes=1)
                self._hashcode = hash((hours, minutes, self._second,
                                       self._microsecond))
        return self._hashcode

    def __repr__(self):
        shown = [self._hour, self._minute]
        if self._microsecond:
            shown += [self._second, self._microsecond]
        elif self._second:
            shown.append(self._second)
        text = '%s.%s(%s)' % (_module_name(self), type(self).__qualname__,
                              ', '.join('%d' % v for v in shown))
        return _repr_with_extras(text, self._tzinfo, self._fold)

    def isoformat(self, timespec='auto'):
        """HH:MM:SS[.ffffff][+HH:MM]; timespec picks how much of the clock
        to show ('auto', 'hours', 'minutes', 'seconds', 'milliseconds',
        'microseconds')."""
        return (_format_time(self._hour, self._minute, self._second,
                             self._microsecond, timespec)
                + _format_offset(self.utcoffset()))

    __str__ = isoformat

    @classmethod
    def fromisoformat(cls, time_string):
        """The time written in ISO 8601 form (an optional leading 'T')."""
        if not isinstance(time_string, str):
            raise TypeError('fromisoformat: argument must be str')
        text = time_string.removeprefix('T')
        try:
            fields = _iso_time_fields(_iso_bytes(text))
        except _IsoSyntax:
            raise ValueError(f'Invalid isoformat string: {time_string!r}') from None
        return cls(*fields)

    def strftime(self, format):
        """Format with strftime directives (the date part is 1900-01-01)."""
        return _strftime(self, format,
                         _build_struct_time(1900, 1, 1, self._hour,
                                            self._minute, self._second, -1))

    def __format__(self, fmt):
        return _format_via_strftime(self, fmt)

    def utcoffset(self):
        """The tzinfo's UTC offset (a timedelta) or None when naive."""
        return _offset_query(self._tzinfo, 'utcoffset', None)

    def tzname(self):
        """The tzinfo's name for this time, or None when naive."""
        return _name_query(self._tzinfo, None)

    def dst(self):
        """The tzinfo's daylight saving adjustment, or None when naive."""
        return _offset_query(self._tzinfo, 'dst', None)

    def replace(self, hour=None, minute=None, second=None, microsecond=None,
                tzinfo=True, *, fold=None):
        """A copy with the given fields changed (tzinfo=None makes it
        naive)."""
        fields = _fill_missing((hour, minute, second, microsecond),
                               self._clock())
        if tzinfo is True:
            tzinfo = self._tzinfo
        return type(self)(*fields, tzinfo,
                          fold=self._fold if fold is None else fold)

    __replace__ = replace

    def _getstate(self):
        return self._clock(), self._tzinfo

    def __reduce__(self):
        return type(self), self._clock() + (self._tzinfo,)


time.min = time(0, 0, 0)
time.max = time(23, 59, 59, 999999)
time.resolution = timedelta(microseconds=1)


# ---------------------------------------------------------------- datetime

_EPOCH_ORDINAL = 719163             # date(1970, 1, 1).toordinal()


def _deprecated_utc(method, instead):
    # Naive UTC datetimes are deprecated since 3.12; the warning points at
    # the caller of the datetime method.
    import warnings
    warnings.warn(f"datetime.datetime.{method} is deprecated and scheduled for "
                  f"removal in a future version. Use timezone-aware objects to "
                  f"represent datetimes in UTC: {instead}.",
                  DeprecationWarning, stacklevel=3)


def _ambiguous_offset(moment, offset):
    # True when moment's offset depends on its fold (a repeated or skipped
    # wall time): such values are never == to another zone's.
    return offset != moment.replace(fold=not moment.fold).utcoffset()


def _ctime_text(ordinal, month, day, hh, mm, ss, year):
    return "%s %s %2d %02d:%02d:%02d %04d" % (
        _DAYNAMES[(ordinal + 6) % 7], _MONTHNAMES[month], day, hh, mm, ss,
        year)


class datetime(date):
    """datetime(year, month, day[, hour[, minute[, second[, microsecond[,tzinfo]]]]])

A date and a time of day in one value; the year, month and day are
required, the rest default to 0 (tzinfo to None)."""
    __slots__ = time.__slots__

    def __new__(cls, year, month=None, day=None, hour=0, minute=0, second=0,
                microsecond=0, tzinfo=None, *, fold=0):
        year, month, day = _check_date_fields(year, month, day)
        self = object.__new__(cls)
        self._year, self._month, self._day = year, month, day
        _start_clock(self, hour, minute, second, microsecond, tzinfo, fold)
        return self

    hour = time.hour
    minute = time.minute
    second = time.second
    microsecond = time.microsecond
    tzinfo = time.tzinfo
    fold = time.fold
    _clock = time._clock

    def _fields(self):
        return (self._year, self._month, self._day, self._hour, self._minute,
                self._second, self._microsecond)

    def _seconds_of_day(self):
        return self._hour * 3600 + self._minute * 60 + self._second

    # -- constructors

    @classmethod
    def _fromtimestamp(cls, t, utc, tz):
        # POSIX seconds -> datetime: in UTC (then converted by tz when one
        # is given), or in local time.  Microseconds round half to even.
        fraction, whole = _math_modf(t)
        us = round(fraction * 1e6)
        if us >= 1000000:
            whole += 1
            us -= 1000000
        elif us < 0:
            whole -= 1
            us += 1000000
        seconds = int(whole)
        if not utc and tz is None:
            fields = _time.localtime(seconds)
            # A leap second (ss=60) is folded into the one before it.
            return cls(*fields[:5], min(fields[5], 59), us)
        days, in_day = divmod(seconds, 86400)
        moment = cls(*_ord2ymd(_EPOCH_ORDINAL + days), in_day // 3600,
                     in_day // 60 % 60, in_day % 60, us)
        if tz is None:
            return moment
        return tz.fromutc(moment.replace(tzinfo=tz))

    @classmethod
    def fromtimestamp(cls, timestamp, tz=None):
        """The local time (or the time in tz) of a POSIX timestamp."""
        _check_tzinfo_arg(tz)
        return cls._fromtimestamp(timestamp, tz is not None, tz)

    @classmethod
    def utcfromtimestamp(cls, t):
        """The naive UTC datetime of a POSIX timestamp (deprecated)."""
        _deprecated_utc('utcfromtimestamp()',
                        'datetime.datetime.fromtimestamp(timestamp, datetime.UTC)')
        return cls._fromtimestamp(t, True, None)

    @classmethod
    def now(cls, tz=None):
        """The current local time (or the current time in tz)."""
        return cls.fromtimestamp(_time.time(), tz)

    @classmethod
    def utcnow(cls):
        """The current UTC time as a naive datetime (deprecated)."""
        _deprecated_utc('utcnow()', 'datetime.datetime.now(datetime.UTC)')
        return cls._fromtimestamp(_time.time(), True, None)

    @classmethod
    def combine(cls, date, time, tzinfo=True):
        """A datetime from a date and a time (tzinfo defaults to the
        time's)."""
        if not isinstance(date, _date_class):
            raise TypeError("combine() argument 1 must be datetime.date, "
                            "not " + _c_type_name(date))
        if not isinstance(time, _time_class):
            raise TypeError("combine() argument 2 must be datetime.time, "
                            "not " + _c_type_name(time))
        if tzinfo is True:
            tzinfo = time.tzinfo
        return cls(date.year, date.month, date.day, *time._clock(), tzinfo,
                   fold=time.fold)

    @classmethod
    def fromisoformat(cls, date_string):
        """The datetime written in ISO 8601 form: a date, then optionally
        any one separator character and a time with an optional offset."""
        if not isinstance(date_string, str):
            raise TypeError('fromisoformat: argument must be str')
        try:
            if len(date_string) < 7:
                raise _IsoSyntax
            span = _iso_date_span(date_string)
            fields = _iso_date_fields(_iso_bytes(date_string[:span]))
            if len(date_string) > span:
                # Any one character separates the date from the time.
                fields += _iso_time_fields(_iso_bytes(date_string[span + 1:]))
        except _IsoSyntax:
            raise ValueError(f'Invalid isoformat string: {date_string!r}') from None
        return cls(*fields)

    @classmethod
    def strptime(cls, date_string, format):
        """Parse date_string with a strptime format into a datetime."""
        return _strptime_datetime(cls, date_string, format)

    # -- views

    def timetuple(self):
        """A time.struct_time of the local fields; tm_isdst from dst()
        (-1 when naive)."""
        dst = self.dst()
        flag = -1 if dst is None else (1 if dst else 0)
        return _build_struct_time(self._year, self._month, self._day,
                                  self._hour, self._minute, self._second,
                                  flag)

    def utctimetuple(self):
        """A time.struct_time of the UTC fields (tm_isdst 0)."""
        offset = self.utcoffset()
        moment = self - offset if offset else self
        return _build_struct_time(moment.year, moment.month, moment.day,
                                  moment.hour, moment.minute, moment.second,
                                  0)

    def date(self):
        """The date part."""
        return date(self._year, self._month, self._day)

    def time(self):
        """The time part, naive."""
        return time(*self._clock(), fold=self._fold)

    def timetz(self):
        """The time part with this datetime's tzinfo."""
        return time(*self._clock(), self._tzinfo, fold=self._fold)

    # -- POSIX timestamps and local time

    def _mktime(self):
        # POSIX seconds of this naive value read as local wall time.  Probe
        # the local UTC offset twice: two different offsets that both give
        # back the wall time mean an ambiguous time (fold picks), none
        # means a skipped one (fold picks which side to land on).
        epoch = datetime(1970, 1, 1)
        second = timedelta(0, 1)
        wall = (self - epoch) // second

        def wall_at(posix):
            fields = _time.localtime(posix)[:6]
            return (datetime(*fields) - epoch) // second

        first_shift = wall_at(wall) - wall
        first = wall - first_shift
        first_wall = wall_at(first)
        if first_wall == wall:
            probe = first + (-86400, 86400)[self._fold]
            second_shift = wall_at(probe) - probe
            if second_shift == first_shift:
                return first
        else:
            second_shift = first_wall - first
        other = wall - second_shift
        if wall_at(other) == wall:
            return other
        if first_wall == wall:
            return first
        return (max, min)[self._fold](first, other)

    def timestamp(self):
        """POSIX seconds as a float (naive values are local time)."""
        if self._tzinfo is None:
            return self._mktime() + self._microsecond / 1e6
        return (self - _EPOCH).total_seconds()

    def _local_timezone(self):
        # A fixed-offset timezone for the local offset at this moment.
        if self._tzinfo is None:
            posix = self._mktime()
        else:
            posix = (self - _EPOCH) // timedelta(seconds=1)
        local = _time.localtime(posix)
        gmtoff = getattr(local, 'tm_gmtoff', None)
        if gmtoff is None:
            gmtoff = (datetime(*local[:6])
                      - datetime(1970, 1, 1)).total_seconds() - posix
        return timezone(timedelta(seconds=gmtoff),
                        getattr(local, 'tm_zone', None))

    def astimezone(self, tz=None):
        """The same moment expressed in tz (the local zone by default)."""
        if tz is None:
            tz = self._local_timezone()
        else:
            _check_tzinfo_arg(tz)
        source = self._tzinfo
        if source is None:
            source = self._local_timezone()
            offset = source.utcoffset(self)
        else:
            offset = source.utcoffset(self)
            if offset is None:
                source = self.replace(tzinfo=None)._local_timezone()
                offset = source.utcoffset(self)
        if tz is source:
            return self
        return tz.fromutc((self - offset).replace(tzinfo=tz))

    # -- text

    def ctime(self):
        """asctime()-style text: 'Tue Mar  1 12:05:00 2005'."""
        return _ctime_text(self.toordinal(), self._month, self._day,
                           self._hour, self._minute, self._second,
                           self._year)

    def isoformat(self, sep='T', timespec='auto'):
        """YYYY-MM-DD, sep, the time as time.isoformat() writes it, and the
        UTC offset when aware."""
        if not isinstance(sep, str) or len(sep) != 1:
            raise TypeError("isoformat() argument 1 must be a unicode "
                            "character, not " + type(sep).__name__)
        return ("%04d-%02d-%02d%c" % (self._year, self._month, self._day, sep)
                + _format_time(self._hour, self._minute, self._second,
                               self._microsecond, timespec)
                + _format_offset(self.utcoffset()))

    def __repr__(self):
        shown = list(self._fields())
        # Trailing zero microsecond, then a zero second, are left out.
        for _ in range(2):
            if shown[-1] == 0:
                shown.pop()
        text = '%s.%s(%s)' % (_module_name(self), type(self).__qualname__,
                              ', '.join(map(str, shown)))
        return _repr_with_extras(text, self._tzinfo, self._fold,
                                 fold_first=True)

    def __str__(self):
        return self.isoformat(sep=' ')

    def strftime(self, format):
        """Format with strftime directives."""
        return _strftime(self, format, self.timetuple())

    # -- tzinfo queries

    def utcoffset(self):
        """The tzinfo's UTC offset for this datetime, or None when naive."""
        return _offset_query(self._tzinfo, 'utcoffset', self)

    def tzname(self):
        """The tzinfo's name for this datetime, or None when naive."""
        return _name_query(self._tzinfo, self)

    def dst(self):
        """The tzinfo's daylight saving adjustment, or None when naive."""
        return _offset_query(self._tzinfo, 'dst', self)

    def replace(self, year=None, month=None, day=None, hour=None,
                minute=None, second=None, microsecond=None, tzinfo=True,
                *, fold=None):
        """A copy with the given fields changed (tzinfo=None makes it
        naive)."""
        fields = _fill_missing((year, month, day, hour, minute, second,
                                microsecond), self._fields())
        if tzinfo is True:
            tzinfo = self._tzinfo
        return type(self)(*fields, tzinfo,
                          fold=self._fold if fold is None else fold)

    __replace__ = replace

    # -- comparison, arithmetic, hashing

    def _cmp(self, other, allow_mixed=False):
        if self._tzinfo is not other._tzinfo:
            mine, theirs = self.utcoffset(), other.utcoffset()
            if allow_mixed and (_ambiguous_offset(self, mine)
                                or _ambiguous_offset(other, theirs)):
                return 2
            if mine != theirs:
                if mine is None or theirs is None:
                    if allow_mixed:
                        return 2
                    raise TypeError("can't compare offset-naive and "
                                    "offset-aware datetimes")
                gap = self - other
                return -1 if gap.days < 0 else (1 if gap else 0)
        return _cmp(self._fields(), other._fields())

    def _as_timedelta(self):
        # Time since 0001-01-00 00:00 on this datetime's wall clock.
        return timedelta(self.toordinal(), self._seconds_of_day(),
                         self._microsecond)

    def __add__(self, other):
        if not isinstance(other, timedelta):
            return NotImplemented
        total = self._as_timedelta() + other
        if not 0 < total.days <= _MAXORDINAL:
            raise OverflowError("date value out of range")
        hh, rest = divmod(total.seconds, 3600)
        mm, ss = divmod(rest, 60)
        return type(self).combine(date.fromordinal(total.days),
                                  time(hh, mm, ss, total.microseconds,
                                       tzinfo=self._tzinfo))

    __radd__ = __add__

    def __sub__(self, other):
        if not isinstance(other, datetime):
            if isinstance(other, timedelta):
                return self + -other
            return NotImplemented
        wall_gap = self._as_timedelta() - other._as_timedelta()
        if self._tzinfo is other._tzinfo:
            return wall_gap
        mine, theirs = self.utcoffset(), other.utcoffset()
        if mine == theirs:
            return wall_gap
        if mine is None or theirs is None:
            raise TypeError("can't subtract offset-naive and offset-aware "
                            "datetimes")
        return wall_gap + theirs - mine

    def __hash__(self):
        if self._hashcode == -1:
            plain = self.replace(fold=0) if self._fold else self
            offset = plain.utcoffset()
            if offset is None:
                self._hashcode = hash(self._fields())
            else:
                self._hashcode = hash(self._as_timedelta() - offset)
        return self._hashcode

    def _getstate(self):
        return self._fields() + (self._tzinfo,)

    def __reduce__(self):
        return type(self), self._getstate()


datetime.min = datetime(1, 1, 1)
datetime.max = datetime(9999, 12, 31, 23, 59, 59, 999999)
datetime.resolution = timedelta(microseconds=1)

_time_class = time


# -- comparisons of date, time and datetime ----------------------------------
#
# Each class has _cmp(other) giving <0, 0 or >0; equality passes
# allow_mixed=True where naive and aware values compare unequal instead of
# raising.  A date and a datetime do not compare (NotImplemented both ways,
# so == falls back to identity and ordering raises TypeError).

_ORDER_TESTS = {
    '__eq__': lambda c: c == 0,
    '__lt__': lambda c: c < 0,
    '__le__': lambda c: c <= 0,
    '__gt__': lambda c: c > 0,
    '__ge__': lambda c: c >= 0,
}


def _comparison(cls, name, accepts, mixed):
    test = _ORDER_TESTS[name]

    def compare(self, other):
        if not accepts(other):
            return NotImplemented
        if mixed:
            return test(self._cmp(other, allow_mixed=True))
        return test(self._cmp(other))
    compare.__name__ = name
    compare.__qualname__ = cls.__name__ + '.' + name
    return compare


def _install_comparisons(cls, accepts, mixed_equality):
    for name in _ORDER_TESTS:
        mixed = mixed_equality and name == '__eq__'
        setattr(cls, name, _comparison(cls, name, accepts, mixed))


_install_comparisons(
    date, lambda other: isinstance(other, date) and not isinstance(other, datetime),
    mixed_equality=False)
_install_comparisons(time, lambda other: isinstance(other, time),
                     mixed_equality=True)
_install_comparisons(datetime, lambda other: isinstance(other, datetime),
                     mixed_equality=True)


def _math_modf(x):
    whole = float(int(x)) if x == x and abs(x) != float('inf') else x
    return x - whole, whole


# ---------------------------------------------------------------- timezone

_NO_NAME = object()         # timezone(offset) without a name argument
_TZ_LIMIT = timedelta(hours=24, microseconds=-1)


def _c_type_name(obj):
    """A type's name as CPython's C datetime reports it in messages."""
    if obj is None:
        return 'None'
    kind = type(obj)
    if kind.__module__ in ('builtins', 'datetime'):
        prefix = '' if kind.__module__ == 'builtins' else 'datetime.'
        return prefix + kind.__qualname__
    return kind.__name__


def _check_datetime_arg(method, dt):
    """The tzinfo methods of timezone accept a datetime or None only."""
    if dt is not None and not isinstance(dt, datetime):
        raise TypeError(f"{method}(dt) argument must be a datetime instance"
                        f" or None, not {_c_type_name(dt)}")


def _utc_offset_name(delta):
    """'UTC' for a zero offset, else 'UTC+HH:MM' with seconds and
    microseconds shown only when they are not zero."""
    if not delta:
        return 'UTC'
    sign = '-' if delta < timedelta(0) else '+'
    total_us = abs(delta._to_microseconds())
    seconds, us = divmod(total_us, 10**6)
    minutes, seconds = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    text = f'UTC{sign}{hours:02d}:{minutes:02d}'
    if seconds or us:
        text += f':{seconds:02d}'
    if us:
        text += f'.{us:06d}'
    return text


class timezone(tzinfo):
    """A tzinfo for a fixed offset from UTC, with an optional name."""

    __slots__ = '_offset', '_name'

    def __new__(cls, offset, name=_NO_NAME):
        if not isinstance(offset, timedelta):
            raise TypeError("timezone() argument 1 must be datetime.timedelta, "
                            f"not {_c_type_name(offset)}")
        if name is _NO_NAME:
            if not offset:
                return cls.utc
            name = None
        elif not isinstance(name, str):
            raise TypeError("timezone() argument 2 must be str, "
                            f"not {_c_type_name(name)}")
        if not -_TZ_LIMIT <= offset <= _TZ_LIMIT:
            raise ValueError("offset must be a timedelta "
                             "strictly between -timedelta(hours=24) and "
                             "timedelta(hours=24), not %r." % (offset,))
        return cls._create(offset, name)

    @classmethod
    def _create(cls, offset, name=None):
        """Build without the argument checks (for the class constants)."""
        self = tzinfo.__new__(cls)
        self._offset = offset
        self._name = name
        return self

    def __init_subclass__(cls, /, **kwargs):
        # As CPython's C type, timezone is final.
        raise TypeError("type 'datetime.timezone' is not an acceptable base type")

    def __getinitargs__(self):
        """The arguments that rebuild this timezone (for pickle)."""
        if self._name is None:
            return (self._offset,)
        return (self._offset, self._name)

    def __eq__(self, other):
        if not isinstance(other, timezone):
            return NotImplemented
        return self._offset == other._offset

    def __hash__(self):
        return hash(self._offset)

    def __repr__(self):
        if self is self.utc:
            return 'datetime.timezone.utc'
        args = (self._offset,) if self._name is None else (self._offset, self._name)
        return '%s.%s(%s)' % (_module_name(self), self.__class__.__qualname__,
                              ', '.join(map(repr, args)))

    def __str__(self):
        return self.tzname(None)

    def utcoffset(self, dt):
        _check_datetime_arg('utcoffset', dt)
        return self._offset

    def tzname(self, dt):
        _check_datetime_arg('tzname', dt)
        return _utc_offset_name(self._offset) if self._name is None else self._name

    def dst(self, dt):
        _check_datetime_arg('dst', dt)
        return None

    def fromutc(self, dt):
        if not isinstance(dt, datetime):
            raise TypeError("fromutc: argument must be a datetime")
        if dt.tzinfo is not self:
            raise ValueError("fromutc: dt.tzinfo is not self")
        return dt + self._offset


UTC = timezone.utc = timezone._create(timedelta(0))
timezone.min = timezone._create(-timedelta(hours=23, minutes=59))
timezone.max = timezone._create(timedelta(hours=23, minutes=59))
_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)

datetime_CAPI = None
