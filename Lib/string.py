"""Common string constants, capwords, Template ($-substitution) and
Formatter (the str.format machinery, overridable piece by piece).

The format-string parser comes from the C module _string when present and
is otherwise written here; Template's default syntax is parsed by hand so
that it works without the re module (a subclass that changes pattern,
idpattern or flags gets a regular expression, which needs re).
"""

__all__ = ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "capwords",
           "digits", "hexdigits", "octdigits", "printable", "punctuation",
           "whitespace", "Formatter", "Template"]

whitespace = ' \t\n\r\v\f'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    """capwords(s [,sep]) -> string"""
    return (sep or ' ').join(map(str.capitalize, s.split(sep)))



_IDSTART = frozenset('_' + ascii_letters)
_IDCHARS = frozenset('_' + ascii_letters + digits)


class _DefaultPattern:
    """Stands for the default Template regular expression; compiled only"""

    def __init__(self, delimiter):
        d = ''.join('\\' + c if not (c.isalnum() or c == '_') else c
                    for c in delimiter)
        self.pattern = (
            '\n            %s(?:\n'
            '              (?P<escaped>%s)  |   # Escape sequence of two delimiters\n'
            '              (?P<named>(?a:[_a-z][_a-z0-9]*))       |   # delimiter and a Python identifier\n'
            '              {(?P<braced>(?a:[_a-z][_a-z0-9]*))}  |   # delimiter and a braced identifier\n'
            '              (?P<invalid>)             # Other ill-formed delimiter exprs\n'
            '            )\n            ' % (d, d))
        self.flags = 2 | 64 | 256   # IGNORECASE | VERBOSE | UNICODE

    def __repr__(self):
        return 're.compile(%r, re.IGNORECASE|re.UNICODE|re.VERBOSE)' % self.pattern

    def __getattr__(self, name):
        import re
        compiled = re.compile(self.pattern, self.flags)
        return getattr(compiled, name)


class Template:
    """A string class for supporting $-substitutions."""

    delimiter = '$'
    idpattern = r'(?a:[_a-z][_a-z0-9]*)'
    braceidpattern = None
    flags = None

    def __init_subclass__(cls):
        super().__init_subclass__()
        custom = ('pattern' in cls.__dict__ or
                  cls.idpattern != Template.idpattern or
                  cls.braceidpattern is not None or
                  (cls.flags is not None))
        if custom:
            import re
            if 'pattern' in cls.__dict__:
                pattern = cls.pattern
            else:
                delim = re.escape(cls.delimiter)
                id = cls.idpattern
                bid = cls.braceidpattern or cls.idpattern
                pattern = fr"""
                {delim}(?:
                  (?P<escaped>{delim})  |   # Escape sequence of two delimiters
                  (?P<named>{id})       |   # delimiter and a Python identifier
                  {{(?P<braced>{bid})}} |   # delimiter and a braced identifier
                  (?P<invalid>)             # Other ill-formed delimiter exprs
                )
                """
            flags = cls.flags if cls.flags is not None else re.IGNORECASE
            cls.pattern = re.compile(pattern, flags | re.VERBOSE)
            cls._use_regex = True
        else:
            cls.pattern = _DefaultPattern(cls.delimiter)
            cls._use_regex = False

    def __init__(self, template):
        self.template = template

    def _scan(self):
        if self._use_regex:
            yield from self._scan_regex()
            return
        s = self.template
        delim = self.delimiter
        dl = len(delim)
        n = len(s)
        i = 0
        last = 0
        while True:
            j = s.find(delim, i)
            if j < 0 or not dl:
                break
            if j > last:
                yield ('text', s[last:j], last)
            k = j + dl
            if s.startswith(delim, k):
                yield ('escaped', delim, j)
                i = last = k + dl
                continue
            if k < n and s[k] in _IDSTART:
                e = k + 1
                while e < n and s[e] in _IDCHARS:
                    e += 1
                yield ('named', s[k:e], j)
                i = last = e
                continue
            if k < n and s[k] == '{':
                e = k + 1
                if e < n and s[e] in _IDSTART:
                    e += 1
                    while e < n and s[e] in _IDCHARS:
                        e += 1
                    if e < n and s[e] == '}':
                        yield ('braced', s[k + 1:e], j)
                        i = last = e + 1
                        continue
            yield ('invalid', '', k)
            i = last = k
        if last < n:
            yield ('text', s[last:], last)

    def _scan_regex(self):
        s = self.template
        last = 0
        for mo in self.pattern.finditer(s):
            if mo.start() > last:
                yield ('text', s[last:mo.start()], last)
            for kind in ('escaped', 'named', 'braced', 'invalid'):
                value = mo.group(kind)
                if value is not None:
                    if kind == 'escaped':
                        value = self.delimiter
                    yield (kind, value, mo.start(kind) if kind == 'invalid' else mo.start())
                    break
            last = mo.end()
        if last < len(s):
            yield ('text', s[last:], last)

    def _invalid(self, i):
        lines = self.template[:i].splitlines(keepends=True)
        if not lines:
            colno = 1
            lineno = 1
        else:
            colno = i - len(''.join(lines[:-1]))
            lineno = len(lines)
        raise ValueError('Invalid placeholder in string: line %d, col %d' %
                         (lineno, colno))

    def substitute(self, mapping=None, /, **kws):
        if mapping is None:
            mapping = kws
        elif kws:
            from collections import ChainMap
            mapping = ChainMap(kws, mapping)
        out = []
        for kind, value, pos in self._scan():
            if kind == 'text' or kind == 'escaped':
                out.append(value)
            elif kind == 'invalid':
                self._invalid(pos)
            else:
                out.append('%s' % (mapping[value],))
        return ''.join(out)

    def safe_substitute(self, mapping=None, /, **kws):
        if mapping is None:
            mapping = kws
        elif kws:
            from collections import ChainMap
            mapping = ChainMap(kws, mapping)
        out = []
        s = self.template
        for kind, value, pos in self._scan():
            if kind == 'text' or kind == 'escaped':
                out.append(value)
            elif kind == 'invalid':
                out.append(self.delimiter)
            else:
                try:
                    out.append('%s' % (mapping[value],))
                except KeyError:
                    if kind == 'named':
                        out.append(self.delimiter + value)
                    else:
                        out.append(self.delimiter + '{' + value + '}')
        return ''.join(out)

    def is_valid(self):
        for kind, value, pos in self._scan():
            if kind == 'invalid':
                return False
        return True

    def get_identifiers(self):
        ids = []
        for kind, value, pos in self._scan():
            if kind in ('named', 'braced') and value not in ids:
                ids.append(value)
        return ids


Template.__init_subclass__()



def _parse_format(s):
    """Pure-Python twin of _string.formatter_parser: yields
    (literal_text, field_name, format_spec, conversion) tuples, with the
    same errors as str.format."""
    n = len(s)
    i = 0
    while i < n:
        start = i
        while i < n and s[i] != '{' and s[i] != '}':
            i += 1
        if i >= n:
            yield (s[start:], None, None, None)
            return
        if s[i] == '}':
            if i + 1 < n and s[i + 1] == '}':
                yield (s[start:i + 1], None, None, None)
                i += 2
                continue
            raise ValueError("Single '}' encountered in format string")
        if i + 1 < n and s[i + 1] == '{':
            yield (s[start:i + 1], None, None, None)
            i += 2
            continue
        literal = s[start:i]
        i += 1
        if i >= n:
            raise ValueError("Single '{' encountered in format string")
        # The field name runs to '}', ':' or '!' ('[...]' is skipped whole).
        name_start = i
        stop = None
        while i < n:
            c = s[i]
            i += 1
            if c == '{':
                raise ValueError("unexpected '{' in field name")
            if c == '[':
                while i < n and s[i] != ']':
                    i += 1
                continue
            if c in '}:!':
                stop = c
                break
        if stop is None:
            raise ValueError("expected '}' before end of string")
        name = s[name_start:i - 1]
        if stop == '}':
            yield (literal, name, '', None)
            continue
        conversion = None
        if stop == '!':
            if i >= n:
                raise ValueError("end of string while looking for conversion specifier")
            conversion = s[i]
            i += 1
            if i < n:
                c = s[i]
                i += 1
                if c == '}':
                    yield (literal, name, '', conversion)
                    continue
                if c != ':':
                    raise ValueError("expected ':' after conversion specifier")
        # The format spec ends at the '}' balancing the field's '{'.
        spec_start = i
        depth = 1
        while i < n:
            c = s[i]
            i += 1
            if c == '{':
                depth += 1
            elif c == '}':
                depth -= 1
                if depth == 0:
                    break
        else:
            raise ValueError("unmatched '{' in format spec")
        yield (literal, name, s[spec_start:i - 1], conversion)


def _field_name_split(name):
    """Pure-Python twin of _string.formatter_field_name_split: returns"""
    n = len(name)
    i = 0
    while i < n and name[i] not in '.[':
        i += 1
    first = name[:i]
    if first.isdigit():
        first = int(first)
    rest = []
    while i < n:
        c = name[i]
        if c == '.':
            j = i + 1
            while j < n and name[j] not in '.[':
                j += 1
            attr = name[i + 1:j]
            if not attr:
                raise ValueError("Empty attribute in format string")
            rest.append((True, attr))
            i = j
        elif c == '[':
            j = name.find(']', i)
            if j < 0:
                raise ValueError("Missing ']' in format string")
            key = name[i + 1:j]
            if not key:
                raise ValueError("Empty attribute in format string")
            if key.isdigit():
                key = int(key)
            rest.append((False, key))
            i = j + 1
            if i < n and name[i] not in '.[':
                raise ValueError("Only '.' or '[' may follow ']' in format field specifier")
        else:
            raise ValueError("Only '.' or '[' may follow ']' in format field specifier")
    return first, iter(rest)


try:
    import _string
    _formatter_parser = _string.formatter_parser
    _formatter_field_name_split = _string.formatter_field_name_split
except (ImportError, AttributeError):
    _formatter_parser = _parse_format
    _formatter_field_name_split = _field_name_split


class Formatter:
    def format(self, format_string, /, *args, **kwargs):
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        used_args = set()
        result, _ = self._vformat(format_string, args, kwargs, used_args, 2)
        self.check_unused_args(used_args, args, kwargs)
        return result

    def _vformat(self, format_string, args, kwargs, used_args, recursion_depth,
                 auto_arg_index=0):
        # auto_arg_index is the next automatic field number, or False once
        # a field was numbered by hand (mixing the two is an error).
        if recursion_depth < 0:
            raise ValueError('Max string recursion exceeded')
        pieces = []
        for literal, field_name, spec, conversion in self.parse(format_string):
            if literal:
                pieces.append(literal)
            if field_name is None:
                continue
            field_name, auto_arg_index = self._number_field(field_name,
                                                            auto_arg_index)
            obj, key = self.get_field(field_name, args, kwargs)
            used_args.add(key)
            obj = self.convert_field(obj, conversion)
            # The spec may itself contain replacement fields.
            spec, auto_arg_index = self._vformat(
                spec, args, kwargs, used_args, recursion_depth - 1,
                auto_arg_index=auto_arg_index)
            pieces.append(self.format_field(obj, spec))
        return ''.join(pieces), auto_arg_index

    @staticmethod
    def _number_field(field_name, auto_arg_index):
        if field_name == '':
            if auto_arg_index is False:
                raise ValueError('cannot switch from manual field '
                                 'specification to automatic field '
                                 'numbering')
            return str(auto_arg_index), auto_arg_index + 1
        if field_name.isdigit():
            if auto_arg_index:
                raise ValueError('cannot switch from manual field '
                                 'specification to automatic field '
                                 'numbering')
            return field_name, False
        return field_name, auto_arg_index

    def get_value(self, key, args, kwargs):
        if isinstance(key, int):
            return args[key]
        else:
            return kwargs[key]

    def check_unused_args(self, used_args, args, kwargs):
        pass

    def format_field(self, value, format_spec):
        return format(value, format_spec)

    def convert_field(self, value, conversion):
        if conversion is None:
            return value
        elif conversion == 's':
            return str(value)
        elif conversion == 'r':
            return repr(value)
        elif conversion == 'a':
            return ascii(value)
        raise ValueError("Unknown conversion specifier {0!s}".format(conversion))

    def parse(self, format_string):
        """Return an iterable of (literal_text, field_name, format_spec,"""
        return _formatter_parser(format_string)

    def get_field(self, field_name, args, kwargs):
        """Given a field_name, find the object it references and return"""
        first, rest = _formatter_field_name_split(field_name)

        obj = self.get_value(first, args, kwargs)

        for is_attr, i in rest:
            if is_attr:
                obj = getattr(obj, i)
            else:
                obj = obj[i]

        return obj, first
