"""JSON decoder: a hand-written recursive-descent parser (no regular
expressions), with the error messages of CPython's json module."""

__all__ = ['JSONDecoder', 'JSONDecodeError']

NaN = float('nan')
PosInf = float('inf')
NegInf = float('-inf')


class JSONDecodeError(ValueError):
    """Subclass of ValueError with the following additional properties:"""

    def __init__(self, msg, doc, pos):
        lineno = doc.count('\n', 0, pos) + 1
        colno = pos - doc.rfind('\n', 0, pos)
        errmsg = '%s: line %d column %d (char %d)' % (msg, lineno, colno, pos)
        ValueError.__init__(self, errmsg)
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno

    def __reduce__(self):
        return self.__class__, (self.msg, self.doc, self.pos)


_CONSTANTS = {
    '-Infinity': NegInf,
    'Infinity': PosInf,
    'NaN': NaN,
}

_WS = ' \t\n\r'
_DIGITS = '0123456789'
_ESCAPES = {'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f',
            'n': '\n', 'r': '\r', 't': '\t'}
_HEX = frozenset('0123456789abcdefABCDEF')


def _skip_ws(s, i):
    n = len(s)
    while i < n and s[i] in _WS:
        i += 1
    return i


def _hex4(s, pos, errpos):
    esc = s[pos:pos + 4]
    if len(esc) == 4 and all(c in _HEX for c in esc):
        return int(esc, 16)
    raise JSONDecodeError("Invalid \\uXXXX escape", s, errpos)


def scanstring(s, end, strict=True):
    """Scan the string s for a JSON string. End is the index of the"""
    begin = end - 1
    chunks = []
    n = len(s)
    i = end
    while True:
        j = i
        while j < n:
            c = s[j]
            if c == '"' or c == '\\':
                break
            if c < ' ' and strict:
                raise JSONDecodeError("Invalid control character at", s, j)
            j += 1
        if j > i:
            chunks.append(s[i:j])
        if j >= n:
            raise JSONDecodeError("Unterminated string starting at", s, begin)
        if s[j] == '"':
            return ''.join(chunks), j + 1
        if j + 1 >= n:
            raise JSONDecodeError("Unterminated string starting at", s, begin)
        esc = s[j + 1]
        if esc != 'u':
            try:
                chunks.append(_ESCAPES[esc])
            except KeyError:
                raise JSONDecodeError("Invalid \\escape", s, j) from None
            i = j + 2
            continue
        uni = _hex4(s, j + 2, j + 1)
        i = j + 6
        if 0xd800 <= uni <= 0xdbff and s[i:i + 2] == '\\u':
            low = _hex4(s, i + 2, i + 1)
            if 0xdc00 <= low <= 0xdfff:
                uni = 0x10000 + (((uni - 0xd800) << 10) | (low - 0xdc00))
                i += 6
        chunks.append(chr(uni))


py_scanstring = scanstring


class _Parser:

    def __init__(self, dec, s):
        self.s = s
        self.strict = dec.strict
        self.object_hook = dec.object_hook
        self.object_pairs_hook = dec.object_pairs_hook
        self.parse_float = dec.parse_float
        self.parse_int = dec.parse_int
        self.parse_constant = dec.parse_constant
        self.memo = {}

    def value(self, i):
        s = self.s
        try:
            c = s[i]
        except IndexError:
            raise JSONDecodeError("Expecting value", s, i) from None
        if c == '"':
            return scanstring(s, i + 1, self.strict)
        if c == '{':
            return self.object(i + 1)
        if c == '[':
            return self.array(i + 1)
        if c == 'n' and s.startswith('null', i):
            return None, i + 4
        if c == 't' and s.startswith('true', i):
            return True, i + 4
        if c == 'f' and s.startswith('false', i):
            return False, i + 5
        if c == 'N' and s.startswith('NaN', i):
            return self.parse_constant('NaN'), i + 3
        if c == 'I' and s.startswith('Infinity', i):
            return self.parse_constant('Infinity'), i + 8
        if c == '-' and s.startswith('-Infinity', i):
            return self.parse_constant('-Infinity'), i + 9
        return self.number(i)

    def number(self, i):
        s = self.s
        n = len(s)
        j = i
        if j < n and s[j] == '-':
            j += 1
        if j < n and s[j] == '0':
            j += 1
        elif j < n and s[j] in '123456789':
            j += 1
            while j < n and s[j] in _DIGITS:
                j += 1
        else:
            raise JSONDecodeError("Expecting value", s, i)
        is_float = False
        if j + 1 < n and s[j] == '.' and s[j + 1] in _DIGITS:
            j += 2
            while j < n and s[j] in _DIGITS:
                j += 1
            is_float = True
        if j < n and s[j] in 'eE':
            k = j + 1
            if k < n and s[k] in '+-':
                k += 1
            if k < n and s[k] in _DIGITS:
                k += 1
                while k < n and s[k] in _DIGITS:
                    k += 1
                j = k
                is_float = True
        text = s[i:j]
        if is_float:
            return self.parse_float(text), j
        return self.parse_int(text), j

    def object(self, i):
        s = self.s
        pairs = []
        i = _skip_ws(s, i)
        c = s[i:i + 1]
        if c != '"':
            if c == '}':
                if self.object_pairs_hook is not None:
                    return self.object_pairs_hook(pairs), i + 1
                result = {}
                if self.object_hook is not None:
                    result = self.object_hook(result)
                return result, i + 1
            raise JSONDecodeError(
                "Expecting property name enclosed in double quotes", s, i)
        memo_get = self.memo.setdefault
        while True:
            key, i = scanstring(s, i + 1, self.strict)
            key = memo_get(key, key)
            i = _skip_ws(s, i)
            if s[i:i + 1] != ':':
                raise JSONDecodeError("Expecting ':' delimiter", s, i)
            i = _skip_ws(s, i + 1)
            value, i = self.value(i)
            pairs.append((key, value))
            i = _skip_ws(s, i)
            c = s[i:i + 1]
            if c == '}':
                i += 1
                break
            if c != ',':
                raise JSONDecodeError("Expecting ',' delimiter", s, i)
            comma = i
            i = _skip_ws(s, i + 1)
            c = s[i:i + 1]
            if c != '"':
                if c == '}':
                    raise JSONDecodeError(
                        "Illegal trailing comma before end of object", s, comma)
                raise JSONDecodeError(
                    "Expecting property name enclosed in double quotes", s, i)
        if self.object_pairs_hook is not None:
            return self.object_pairs_hook(pairs), i
        result = dict(pairs)
        if self.object_hook is not None:
            result = self.object_hook(result)
        return result, i

    def array(self, i):
        s = self.s
        values = []
        i = _skip_ws(s, i)
        if s[i:i + 1] == ']':
            return values, i + 1
        while True:
            value, i = self.value(i)
            values.append(value)
            i = _skip_ws(s, i)
            c = s[i:i + 1]
            if c == ']':
                return values, i + 1
            if c != ',':
                raise JSONDecodeError("Expecting ',' delimiter", s, i)
            comma = i
            i = _skip_ws(s, i + 1)
            if s[i:i + 1] == ']':
                raise JSONDecodeError(
                    "Illegal trailing comma before end of array", s, comma)


class JSONDecoder(object):
    """Simple JSON <https://json.org> decoder"""

    def __init__(self, *, object_hook=None, parse_float=None,
                 parse_int=None, parse_constant=None, strict=True,
                 object_pairs_hook=None):
        self.object_hook = object_hook
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int
        self.parse_constant = parse_constant or _CONSTANTS.__getitem__
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook

    def decode(self, s, _w=None):
        """Return the Python representation of s (a str instance"""
        obj, end = self.raw_decode(s, _skip_ws(s, 0))
        end = _skip_ws(s, end)
        if end != len(s):
            raise JSONDecodeError("Extra data", s, end)
        return obj

    def raw_decode(self, s, idx=0):
        """Decode a JSON document from s (a str beginning with a JSON"""
        try:
            return _Parser(self, s).value(idx)
        except RecursionError:
            raise
