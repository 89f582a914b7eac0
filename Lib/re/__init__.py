"""Regular expressions (a pure-Python re module).

The usual API: compile, match, search, fullmatch, findall, finditer,
sub, subn, split, escape, purge, with Pattern and Match objects and the
flags I, M, S, X, A, L, U.  Patterns are parsed by re._parser and run by
the backtracking matcher of re._compiler; bytes patterns are handled by
working on their latin-1 decoding.
"""

import enum
from . import _parser, _compiler
from ._parser import error

__all__ = [
    "match", "fullmatch", "search", "sub", "subn", "split",
    "findall", "finditer", "compile", "purge", "escape",
    "error", "Pattern", "Match", "A", "I", "L", "M", "S", "X", "U",
    "ASCII", "IGNORECASE", "LOCALE", "MULTILINE", "DOTALL", "VERBOSE",
    "UNICODE", "NOFLAG", "RegexFlag", "PatternError",
]

__version__ = "2.2.1"

PatternError = error


class RegexFlag(enum.IntFlag):
    NOFLAG = 0
    ASCII = A = _parser.ASCII
    IGNORECASE = I = _parser.IGNORECASE
    LOCALE = L = _parser.LOCALE
    UNICODE = U = _parser.UNICODE
    MULTILINE = M = _parser.MULTILINE
    DOTALL = S = _parser.DOTALL
    VERBOSE = X = _parser.VERBOSE
    DEBUG = _parser.DEBUG

    def __repr__(self):
        if self._name_ is not None:
            return 're.' + '|re.'.join(self._name_.split('|'))
        value = self._value_
        members = []
        for m in RegexFlag:
            if m._value_ and value & m._value_ == m._value_:
                members.append('re.' + m._name_)
                value &= ~m._value_
        if value:
            members.append(hex(value))
        return '|'.join(members) or 're.NOFLAG'

    __str__ = object.__str__


globals().update(RegexFlag.__members__)
NOFLAG = RegexFlag.NOFLAG
A = ASCII = RegexFlag.ASCII
I = IGNORECASE = RegexFlag.IGNORECASE
L = LOCALE = RegexFlag.LOCALE
U = UNICODE = RegexFlag.UNICODE
M = MULTILINE = RegexFlag.MULTILINE
S = DOTALL = RegexFlag.DOTALL
X = VERBOSE = RegexFlag.VERBOSE
DEBUG = RegexFlag.DEBUG


def _to_text(obj, is_bytes):
    if is_bytes:
        if isinstance(obj, str):
            raise TypeError("cannot use a bytes pattern on a string-like object")
        return bytes(obj).decode('latin-1')
    if not isinstance(obj, str):
        raise TypeError("cannot use a string pattern on a bytes-like object")
    return obj


class Match:
    """The result of a successful match: group(), span(), groupdict()..."""

    __slots__ = ('_re', '_string', '_text', '_caps', 'pos', 'endpos',
                 'lastindex', '_bytes')

    def __init__(self, pattern, string, text, caps, pos, endpos, lastindex):
        self._re = pattern
        self._string = string
        self._text = text
        self._caps = caps
        self.pos = pos
        self.endpos = endpos
        self.lastindex = lastindex
        self._bytes = pattern._bytes

    @property
    def re(self):
        return self._re

    @property
    def string(self):
        return self._string

    @property
    def regs(self):
        return tuple(c if c is not None else (-1, -1) for c in self._caps)

    @property
    def lastgroup(self):
        if self.lastindex is None:
            return None
        for name, idx in self._re.groupindex.items():
            if idx == self.lastindex:
                return name
        return None

    def _index(self, g):
        if isinstance(g, int) or hasattr(type(g), '__index__') and not isinstance(g, str):
            try:
                idx = g.__index__()
            except AttributeError:
                raise IndexError("no such group")
            if 0 <= idx < len(self._caps):
                return idx
            raise IndexError("no such group")
        try:
            return self._re.groupindex[g]
        except (KeyError, TypeError):
            raise IndexError("no such group")

    def _get(self, idx, default=None):
        cap = self._caps[idx]
        if cap is None:
            return default
        text = self._text[cap[0]:cap[1]]
        return text.encode('latin-1') if self._bytes else text

    def group(self, *groups):
        if not groups:
            return self._get(0)
        if len(groups) == 1:
            return self._get(self._index(groups[0]))
        return tuple(self._get(self._index(g)) for g in groups)

    def __getitem__(self, g):
        return self._get(self._index(g))

    def groups(self, default=None):
        return tuple(self._get(i, default) for i in range(1, len(self._caps)))

    def groupdict(self, default=None):
        return {name: self._get(idx, default)
                for name, idx in self._re.groupindex.items()}

    def start(self, group=0):
        cap = self._caps[self._index(group)]
        return -1 if cap is None else cap[0]

    def end(self, group=0):
        cap = self._caps[self._index(group)]
        return -1 if cap is None else cap[1]

    def span(self, group=0):
        cap = self._caps[self._index(group)]
        return (-1, -1) if cap is None else cap

    def expand(self, template):
        return self._re._expand(self, template)

    def __repr__(self):
        return '<re.Match object; span=%r, match=%r>' % (self.span(), self.group())

    def __bool__(self):
        return True

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __class_getitem__(cls, item):
        from types import GenericAlias
        return GenericAlias(cls, item)


class Pattern:
    """A compiled regular expression."""

    __slots__ = ('pattern', 'flags', 'groups', 'groupindex', '_matcher',
                 '_bytes', '_prefix', '__weakref__')

    def __init__(self, pattern, flags):
        self._bytes = isinstance(pattern, (bytes, bytearray))
        text = pattern.decode('latin-1') if self._bytes else pattern
        if self._bytes:
            if flags & _parser.UNICODE:
                raise ValueError("cannot use UNICODE flag with a bytes pattern")
            if flags & _parser.LOCALE:
                pass
            flags |= _parser.ASCII
        else:
            if flags & _parser.LOCALE:
                raise ValueError("cannot use LOCALE flag with a str pattern")
            if flags & _parser.ASCII and flags & _parser.UNICODE:
                raise ValueError("ASCII and UNICODE flags are incompatible")
        tree, flags, ngroups, groupindex = _parser.parse(text, flags, pattern)
        if not self._bytes and not flags & _parser.ASCII:
            flags |= _parser.UNICODE
        self.pattern = pattern
        self.flags = flags
        self.groups = ngroups
        from types import MappingProxyType
        self.groupindex = MappingProxyType(groupindex)
        self._matcher = _compiler.compile_node(tree, flags)
        self._prefix = _compiler.literal_prefix(tree, flags)

    # -- matching machinery
    def _run(self, text, pos, endpos, mode, noempty_at=-1):
        n = len(text)
        if pos < 0:
            pos = 0
        if endpos is None or endpos > n:
            endpos = n
        if endpos < 0:
            endpos = 0
        view = text if endpos == n else text[:endpos]
        if pos > endpos:
            return None
        ctx = _compiler.Context(view, endpos, self.groups)
        matcher = self._matcher

        if mode == 'full':
            def final(c, j):
                return j if j == endpos else None
        else:
            def final(c, j):
                if j == c.noempty and c.start == j:
                    return None
                return j

        ctx.noempty = noempty_at
        if mode in ('match', 'full'):
            starts = (pos,)
        else:
            starts = self._candidates(view, pos, endpos)
        for start in starts:
            ctx.start = start
            ctx.caps = [None] * (self.groups + 1)
            ctx.lastindex = None
            end = matcher(ctx, start, final)
            if end is not None:
                caps = ctx.caps
                caps[0] = (start, end)
                return caps, ctx.lastindex
        return None

    def _candidates(self, view, pos, endpos):
        prefix = self._prefix
        if prefix:
            i = view.find(prefix, pos)
            while i >= 0:
                yield i
                i = view.find(prefix, i + 1)
            return
        yield from range(pos, endpos + 1)

    def _make(self, string, text, res, pos, endpos):
        if res is None:
            return None
        caps, lastindex = res
        if endpos is None or endpos > len(text):
            endpos = len(text)
        return Match(self, string, text, caps, max(pos, 0), endpos, lastindex)

    def match(self, string, pos=0, endpos=None):
        text = _to_text(string, self._bytes)
        return self._make(string, text, self._run(text, pos, endpos, 'match'), pos, endpos)

    def fullmatch(self, string, pos=0, endpos=None):
        text = _to_text(string, self._bytes)
        return self._make(string, text, self._run(text, pos, endpos, 'full'), pos, endpos)

    def search(self, string, pos=0, endpos=None):
        text = _to_text(string, self._bytes)
        return self._make(string, text, self._run(text, pos, endpos, 'search'), pos, endpos)

    def _iter(self, string, pos=0, endpos=None):
        # Successive matches; an empty match is not allowed right where
        # the previous match ended.
        text = _to_text(string, self._bytes)
        n = len(text)
        if endpos is None or endpos > n:
            endpos = n
        empty_at = -1
        while pos <= endpos:
            res = self._run(text, pos, endpos, 'search', noempty_at=empty_at)
            if res is None:
                return
            m = self._make(string, text, res, pos, endpos)
            yield m
            s, e = m.span()
            empty_at = e if s == e else -1
            pos = e

    def finditer(self, string, pos=0, endpos=None):
        return self._iter(string, pos, endpos)

    def findall(self, string, pos=0, endpos=None):
        out = []
        for m in self._iter(string, pos, endpos):
            if self.groups == 0:
                out.append(m.group())
            elif self.groups == 1:
                out.append(m._get(1, self._empty()))
            else:
                out.append(tuple(m._get(i, self._empty())
                                 for i in range(1, self.groups + 1)))
        return out

    def _empty(self):
        return b'' if self._bytes else ''

    def split(self, string, maxsplit=0):
        text = _to_text(string, self._bytes)
        out = []
        last = 0
        count = 0
        for m in self._iter(string):
            if maxsplit and count >= maxsplit:
                break
            s, e = m.span()
            out.append(self._slice(text, last, s))
            out.extend(m.groups())
            last = e
            count += 1
        out.append(self._slice(text, last, len(text)))
        return out

    def _slice(self, text, a, b):
        piece = text[a:b]
        return piece.encode('latin-1') if self._bytes else piece

    def subn(self, repl, string, count=0):
        text = _to_text(string, self._bytes)
        if callable(repl):
            func = repl
            if self._bytes:
                func = lambda m: _to_text(repl(m), True)
        else:
            template = self._parse_template(repl)
            if len(template) == 1 and isinstance(template[0], str):
                lit = template[0]
                func = lambda m: lit
            else:
                func = lambda m: self._apply_template(m, template, False)
        out = []
        last = 0
        n = 0
        for m in self._iter(string):
            if count and n >= count:
                break
            s, e = m.span()
            out.append(text[last:s])
            piece = func(m)
            if not isinstance(piece, str):
                raise TypeError("expected str instance, %s found"
                                % type(piece).__name__)
            out.append(piece)
            last = e
            n += 1
        out.append(text[last:])
        result = ''.join(out)
        if self._bytes:
            result = result.encode('latin-1')
        return result, n

    def sub(self, repl, string, count=0):
        return self.subn(repl, string, count)[0]

    def _parse_template(self, repl):
        # A list of literal strings and group numbers.
        text = _to_text(repl, self._bytes)
        parts = []
        lit = []
        i = 0
        n = len(text)
        while i < n:
            c = text[i]
            if c != '\\':
                lit.append(c)
                i += 1
                continue
            if i + 1 >= n:
                raise error("bad escape (end of pattern)", repl, i)
            d = text[i + 1]
            if d == 'g':
                if i + 2 >= n or text[i + 2] != '<':
                    raise error("missing <", repl, i + 2)
                close = text.find('>', i + 3)
                if close < 0:
                    raise error("missing >, unterminated name", repl, i + 3)
                name = text[i + 3:close]
                if not name:
                    raise error("missing group name", repl, i + 3)
                if name.isdigit():
                    idx = int(name)
                    if idx > self.groups:
                        raise error("invalid group reference %d" % idx, repl, i + 3)
                elif name.isidentifier():
                    if name not in self.groupindex:
                        raise IndexError("unknown group name %r" % name)
                    idx = self.groupindex[name]
                else:
                    raise error("bad character in group name %r" % name, repl, i + 3)
                parts.append(''.join(lit))
                lit = []
                parts.append(idx)
                i = close + 1
                continue
            if d.isdigit():
                j = i + 1
                if d == '0' or (j + 2 < n + 1 and text[j:j + 3].isdigit()
                                and all(ch in '01234567' for ch in text[j:j + 3])):
                    digits = ''
                    k = j
                    while k < n and len(digits) < 3 and text[k] in '01234567':
                        digits += text[k]
                        k += 1
                    lit.append(chr(int(digits, 8)))
                    i = k
                    continue
                digits = d
                k = j + 1
                if k < n and text[k].isdigit():
                    digits += text[k]
                    k += 1
                idx = int(digits)
                if idx > self.groups:
                    raise error("invalid group reference %d" % idx, repl, i + 1)
                parts.append(''.join(lit))
                lit = []
                parts.append(idx)
                i = k
                continue
            simple = {'a': '\a', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r',
                      't': '\t', 'v': '\v', '\\': '\\'}
            if d in simple:
                lit.append(simple[d])
                i += 2
                continue
            if d.isascii() and d.isalpha():
                raise error("bad escape \\" + d, repl, i)
            lit.append('\\' + d)
            i += 2
        parts.append(''.join(lit))
        return [p for p in parts if p != ''] or ['']

    def _apply_template(self, m, template, encode=True):
        out = []
        for p in template:
            if isinstance(p, str):
                out.append(p)
            else:
                cap = m._caps[p]
                if cap is not None:
                    out.append(m._text[cap[0]:cap[1]])
        result = ''.join(out)
        return result.encode('latin-1') if self._bytes and encode else result

    def _expand(self, m, template):
        return self._apply_template(m, self._parse_template(template))

    def scanner(self, string, pos=0, endpos=None):
        return _Scanner(self, string, pos, endpos)

    def __repr__(self):
        flags = self.flags
        if not self._bytes:
            flags &= ~_parser.UNICODE
        else:
            flags &= ~_parser.ASCII
        pat = repr(self.pattern)
        if len(pat) > 200:
            pat = pat[:200]
        if flags:
            return 're.compile(%s, %r)' % (pat, RegexFlag(flags))
        return 're.compile(%s)' % pat

    def __eq__(self, other):
        if not isinstance(other, Pattern):
            return NotImplemented
        return self.pattern == other.pattern and self.flags == other.flags

    def __hash__(self):
        return hash((self.pattern, self.flags))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __class_getitem__(cls, item):
        from types import GenericAlias
        return GenericAlias(cls, item)


class _Scanner:
    def __init__(self, pattern, string, pos, endpos):
        self._it = pattern._iter(string, pos, endpos)
        self.pattern = pattern

    def search(self):
        return next(self._it, None)

    def match(self):
        return next(self._it, None)


Pattern.__module__ = Match.__module__ = 're'

_cache = {}
_MAXCACHE = 512


def _compile(pattern, flags):
    if isinstance(flags, RegexFlag):
        flags = flags.value
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError(
                "cannot process flags argument with a compiled pattern")
        return pattern
    if not isinstance(pattern, (str, bytes)):
        raise TypeError("first argument must be string or compiled pattern")
    key = (type(pattern), pattern, flags)
    try:
        return _cache[key]
    except KeyError:
        pass
    p = Pattern(pattern, flags)
    if len(_cache) >= _MAXCACHE:
        _cache.clear()
    _cache[key] = p
    return p


def compile(pattern, flags=0):
    "Compile a regular expression pattern, returning a Pattern object."
    return _compile(pattern, flags)


def match(pattern, string, flags=0):
    """Try to apply the pattern at the start of the string, returning
    a Match object, or None if no match was found."""
    return _compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    """Try to apply the pattern to all of the string, returning
    a Match object, or None if no match was found."""
    return _compile(pattern, flags).fullmatch(string)


def search(pattern, string, flags=0):
    """Scan through string looking for a match to the pattern, returning
    a Match object, or None if no match was found."""
    return _compile(pattern, flags).search(string)


def sub(pattern, repl, string, count=0, flags=0):
    """Return the string obtained by replacing the leftmost
    non-overlapping occurrences of the pattern in string by repl."""
    return _compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    """Like sub(), but return (new_string, number_of_substitutions)."""
    return _compile(pattern, flags).subn(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    """Split the source string by the occurrences of the pattern,
    returning a list containing the resulting substrings."""
    return _compile(pattern, flags).split(string, maxsplit)


def findall(pattern, string, flags=0):
    """Return a list of all non-overlapping matches in the string."""
    return _compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    """Return an iterator over all non-overlapping matches in the
    string.  For each match, the iterator returns a Match object."""
    return _compile(pattern, flags).finditer(string)


def purge():
    "Clear the regular expression caches"
    _cache.clear()


_special_chars = {i: '\\' + chr(i) for i in b'()[]{}?*+-|^$\\.&~# \t\n\r\v\f'}


def escape(pattern):
    """Escape special characters in a string."""
    if isinstance(pattern, str):
        return pattern.translate(_special_chars)
    pattern = str(pattern, 'latin1')
    return pattern.translate(_special_chars).encode('latin1')


def template(pattern, flags=0):
    return _compile(pattern, flags)
