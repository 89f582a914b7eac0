"""Regular expression parser: pattern text -> tree of nodes.

Nodes are tuples whose first item names the kind:
  ('lit', ch)             one character
  ('any',)                . (newline excluded unless DOTALL)
  ('set', items, negated) [...]; items are ('ch', c), ('range', a, b) or
                          ('cat', name) for \\d \\w \\s and their negations
  ('cat', name)           \\d \\D \\w \\W \\s \\S outside a set
  ('seq', [nodes])        concatenation
  ('alt', [nodes])        alternation
  ('group', index, node)  capturing group
  ('rep', node, min, max, mode)   mode: 'greedy', 'lazy', 'possessive'
  ('at', where)           ^ $ \\A \\Z \\b \\B
  ('backref', index)
  ('look', node, ahead, negated)
  ('atomic', node)
  ('cond', index, yes, no)
  ('flags', on, off, node) flags scoped to node
"""

IGNORECASE = 2
LOCALE = 4
MULTILINE = 8
DOTALL = 16
UNICODE = 32
VERBOSE = 64
DEBUG = 128
ASCII = 256

MAXREPEAT = 4294967295

_FLAG_LETTERS = {'i': IGNORECASE, 'L': LOCALE, 'm': MULTILINE, 's': DOTALL,
                 'u': UNICODE, 'x': VERBOSE, 'a': ASCII}

_SIMPLE_ESCAPES = {'a': '\a', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r',
                   't': '\t', 'v': '\v', '\\': '\\'}

_CATEGORIES = {'d': 'digit', 'D': 'not_digit', 'w': 'word', 'W': 'not_word',
               's': 'space', 'S': 'not_space'}

_ASCII_LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'


class PatternError(Exception):
    """Exception raised for invalid regular expressions.

    Attributes: msg, pattern, pos, lineno, colno."""

    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        if pattern is not None and pos is not None:
            msg = '%s at position %d' % (msg, pos)
            if isinstance(pattern, str):
                newline = '\n'
            else:
                newline = b'\n'
            self.lineno = pattern.count(newline, 0, pos) + 1
            self.colno = pos - pattern.rfind(newline, 0, pos)
            if newline in pattern:
                msg = '%s (line %d, column %d)' % (msg, self.lineno, self.colno)
        else:
            self.lineno = self.colno = None
        super().__init__(msg)


PatternError.__module__ = 're'
error = PatternError


class _State:
    def __init__(self, text, flags, original):
        self.text = text
        self.pos = 0
        self.flags = flags
        self.original = original
        self.groups = 1            # next group number
        self.groupnames = {}
        self.open_groups = []
        self.lookbehind = 0

    def error(self, msg, offset=0):
        return error(msg, self.original, self.pos - offset)

    def peek(self, k=0):
        p = self.pos + k
        return self.text[p] if p < len(self.text) else None

    def eof(self):
        return self.pos >= len(self.text)

    def verbose(self):
        return self.flags & VERBOSE


def parse(pattern, flags, original=None):
    """Parse pattern; returns (tree, flags, group_count, groupindex)."""
    st = _State(pattern, flags, pattern if original is None else original)
    # Global inline flags at the very start, e.g. (?i)abc.
    tree = _parse_alt(st, top=True)
    if not st.eof():
        if st.peek() == ')':
            raise error("unbalanced parenthesis", st.original, st.pos)
        raise st.error("internal: unparsed text")
    return tree, st.flags, st.groups - 1, dict(st.groupnames)


def _skip_verbose(st):
    if not st.verbose():
        return
    text = st.text
    while st.pos < len(text):
        c = text[st.pos]
        if c in ' \t\n\r\f\v':
            st.pos += 1
        elif c == '#':
            while st.pos < len(text) and text[st.pos] != '\n':
                st.pos += 1
        else:
            break


def _parse_alt(st, top=False):
    branches = [_parse_seq(st)]
    while st.peek() == '|':
        st.pos += 1
        branches.append(_parse_seq(st))
    if len(branches) == 1:
        return branches[0]
    return ('alt', branches)


def _parse_seq(st):
    items = []
    while True:
        _skip_verbose(st)
        c = st.peek()
        if c is None or c == '|' or c == ')':
            break
        start = st.pos
        atom = _parse_atom(st)
        if atom is None:
            continue
        atom = _parse_quantifiers(st, atom, start)
        items.append(atom)
    if len(items) == 1:
        return items[0]
    return ('seq', items)


def _is_repeatable(node):
    return node[0] not in ('at', 'flags_global')


def _parse_quantifiers(st, atom, start):
    while True:
        _skip_verbose(st)
        c = st.peek()
        if c is None:
            return atom
        here = st.pos
        if c == '*':
            mn, mx = 0, MAXREPEAT
            st.pos += 1
        elif c == '+':
            mn, mx = 1, MAXREPEAT
            st.pos += 1
        elif c == '?':
            mn, mx = 0, 1
            st.pos += 1
        elif c == '{':
            q = _parse_brace(st)
            if q is None:
                return atom
            mn, mx = q
        else:
            return atom
        if atom[0] == 'at' or atom[0] == 'empty':
            raise error("nothing to repeat", st.original, here)
        if atom[0] == 'rep':
            raise error("multiple repeat", st.original, here)
        mode = 'greedy'
        if st.peek() == '?':
            st.pos += 1
            mode = 'lazy'
        elif st.peek() == '+':
            st.pos += 1
            mode = 'possessive'
        atom = ('rep', atom, mn, mx, mode)
        if mode != 'greedy':
            # A further quantifier would be "multiple repeat".
            pass


def _parse_brace(st):
    # {m}, {m,}, {,n}, {m,n}; anything else means a literal '{'.
    text = st.text
    j = st.pos + 1
    lo = ''
    while j < len(text) and text[j].isdigit():
        lo += text[j]
        j += 1
    hi = None
    if j < len(text) and text[j] == ',':
        j += 1
        hi = ''
        while j < len(text) and text[j].isdigit():
            hi += text[j]
            j += 1
    if j >= len(text) or text[j] != '}':
        return None
    if not lo and hi is None:
        return None
    here = st.pos
    st.pos = j + 1
    mn = int(lo) if lo else 0
    if hi is None:
        mx = mn
    elif hi == '':
        mx = MAXREPEAT
    else:
        mx = int(hi)
    if mn >= MAXREPEAT or (mx != MAXREPEAT and mx >= MAXREPEAT):
        raise OverflowError("the repetition number is too large")
    if mx < mn:
        raise error("min repeat greater than max repeat", st.original, here + 1)
    return mn, mx


def _parse_atom(st):
    c = st.peek()
    if c == '(':
        return _parse_group(st)
    if c == '[':
        return _parse_set(st)
    if c == '.':
        st.pos += 1
        return ('any',)
    if c == '^':
        st.pos += 1
        return ('at', 'bol')
    if c == '$':
        st.pos += 1
        return ('at', 'eol')
    if c == '\\':
        return _parse_escape(st, in_set=False)
    if c in '*+?':
        raise error("nothing to repeat", st.original, st.pos)
    if c == '{' and _brace_quantifier_ahead(st):
        raise error("nothing to repeat", st.original, st.pos)
    st.pos += 1
    return ('lit', c)


def _brace_quantifier_ahead(st):
    save = st.pos
    try:
        return _parse_brace(st) is not None
    except Exception:
        return False
    finally:
        st.pos = save


def _parse_group(st):
    start = st.pos
    st.pos += 1
    text = st.text
    if st.peek() == '?':
        st.pos += 1
        c = st.peek()
        if c is None:
            raise error("unexpected end of pattern", st.original, st.pos)
        if c == ':':
            st.pos += 1
            node = _parse_alt(st)
            _close(st, start)
            return node if node[0] != 'seq' or node[1] else ('seq', [])
        if c == 'P':
            st.pos += 1
            c2 = st.peek()
            if c2 == '<':
                st.pos += 1
                name = _read_name(st, '>')
                return _capture(st, start, name)
            if c2 == '=':
                st.pos += 1
                name = _read_name(st, ')')
                if name not in st.groupnames:
                    raise error("unknown group name %r" % name, st.original,
                                st.pos - len(name) - 1)
                return ('backref', st.groupnames[name])
            raise error("unknown extension ?P" + (c2 or ''), st.original, st.pos - 2)
        if c == '<' and st.peek(1) not in ('=', '!'):
            st.pos += 1
            name = _read_name(st, '>')
            return _capture(st, start, name)
        if c in '=!':
            st.pos += 1
            node = _parse_alt(st)
            _close(st, start)
            return ('look', node, True, c == '!')
        if c == '<':
            st.pos += 1
            neg = st.peek() == '!'
            st.pos += 1
            st.lookbehind += 1
            node = _parse_alt(st)
            st.lookbehind -= 1
            _close(st, start)
            if _width(node) is None:
                raise error("look-behind requires fixed-width pattern")
            return ('look', node, False, neg)
        if c == '#':
            while st.peek() is not None and st.peek() != ')':
                st.pos += 1
            if st.peek() is None:
                raise error("missing ), unterminated comment", st.original, start)
            st.pos += 1
            return None
        if c == '>':
            st.pos += 1
            node = _parse_alt(st)
            _close(st, start)
            return ('atomic', node)
        if c == '(':
            st.pos += 1
            ref = _read_name(st, ')')
            if ref.isdigit():
                idx = int(ref)
                if idx == 0:
                    raise error("bad group number", st.original, st.pos - len(ref) - 1)
                if idx >= st.groups:
                    raise error("invalid group reference %d" % idx, st.original,
                                st.pos - len(ref) - 1)
            elif ref in st.groupnames:
                idx = st.groupnames[ref]
            else:
                raise error("unknown group name %r" % ref, st.original,
                            st.pos - len(ref) - 1)
            yes = _parse_seq(st)
            no = ('seq', [])
            if st.peek() == '|':
                st.pos += 1
                no = _parse_seq(st)
                if st.peek() == '|':
                    raise error("conditional backref with more than two branches",
                                st.original, st.pos)
            _close(st, start)
            return ('cond', idx, yes, no)
        if c in _FLAG_LETTERS or c == '-':
            return _parse_flags(st, start)
        raise error("unknown extension ?" + c, st.original, st.pos - 1)
    return _capture(st, start, None)


def _capture(st, start, name):
    idx = st.groups
    st.groups += 1
    if name is not None:
        if not name.isidentifier():
            raise error("bad character in group name %r" % name, st.original,
                        st.pos - len(name) - 1)
        if name in st.groupnames:
            raise error("redefinition of group name %r as group %d; was group %d"
                        % (name, idx, st.groupnames[name]), st.original,
                        st.pos - len(name) - 1)
        st.groupnames[name] = idx
    st.open_groups.append(idx)
    node = _parse_alt(st)
    st.open_groups.pop()
    _close(st, start)
    return ('group', idx, node)


def _close(st, start):
    if st.peek() != ')':
        raise error("missing ), unterminated subpattern", st.original, start)
    st.pos += 1


def _read_name(st, terminator):
    text = st.text
    j = st.pos
    while j < len(text) and text[j] != terminator:
        j += 1
    if j >= len(text):
        if terminator == '>':
            raise error("missing >, unterminated name", st.original, st.pos)
        raise error("missing ), unterminated name", st.original, st.pos)
    name = text[st.pos:j]
    if not name:
        raise error("missing group name", st.original, st.pos)
    st.pos = j + 1
    return name


def _parse_flags(st, start):
    on = off = 0
    c = st.peek()
    while c is not None and c in _FLAG_LETTERS:
        on |= _FLAG_LETTERS[c]
        st.pos += 1
        c = st.peek()
    if c == '-':
        st.pos += 1
        c = st.peek()
        while c is not None and c in _FLAG_LETTERS:
            off |= _FLAG_LETTERS[c]
            st.pos += 1
            c = st.peek()
    if c == ')':
        # Global flags: only allowed at the start of the pattern.
        if off:
            raise error("missing :", st.original, st.pos)
        if start != 0:
            raise error("global flags not at the start of the expression",
                        st.original, start)
        st.pos += 1
        st.flags |= on
        return None
    if c != ':':
        if c is None:
            raise error("missing -, : or )", st.original, st.pos)
        raise error("unknown flag" if c.isalpha() else "missing -, : or )",
                    st.original, st.pos)
    st.pos += 1
    saved = st.flags
    st.flags = (st.flags | on) & ~off
    node = _parse_alt(st)
    st.flags = saved
    _close(st, start)
    return ('flags', on, off, node)


def _parse_escape(st, in_set):
    text = st.text
    start = st.pos
    st.pos += 1
    if st.pos >= len(text):
        raise error("bad escape (end of pattern)", st.original, start)
    c = text[st.pos]
    st.pos += 1
    if c in _CATEGORIES:
        return ('cat', _CATEGORIES[c])
    if not in_set:
        if c == 'A':
            return ('at', 'start')
        if c == 'Z':
            return ('at', 'end')
        if c == 'b':
            return ('at', 'boundary')
        if c == 'B':
            return ('at', 'not_boundary')
    if c in _SIMPLE_ESCAPES:
        return ('lit', _SIMPLE_ESCAPES[c])
    if c == 'x':
        digits = text[st.pos:st.pos + 2]
        if len(digits) != 2 or not all(d in '0123456789abcdefABCDEF' for d in digits):
            raise error("incomplete escape \\x" + digits, st.original, start)
        st.pos += 2
        return ('lit', chr(int(digits, 16)))
    if c in 'uU' and isinstance(st.original, str):
        n = 4 if c == 'u' else 8
        digits = text[st.pos:st.pos + n]
        if len(digits) != n or not all(d in '0123456789abcdefABCDEF' for d in digits):
            raise error("incomplete escape \\%s%s" % (c, digits), st.original, start)
        st.pos += n
        code = int(digits, 16)
        if code > 0x10FFFF:
            raise error("bad escape \\%s%s" % (c, digits), st.original, start)
        return ('lit', chr(code))
    if c == 'N' and isinstance(st.original, str):
        if st.peek() != '{':
            raise error("missing {", st.original, st.pos)
        end = text.find('}', st.pos)
        if end < 0:
            raise error("missing }, unterminated name", st.original, st.pos + 1)
        name = text[st.pos + 1:end]
        try:
            import unicodedata
            ch = unicodedata.lookup(name)
        except (ImportError, KeyError):
            raise error("undefined character name %r" % name, st.original, start)
        st.pos = end + 1
        return ('lit', ch)
    if c == '0':
        digits = ''
        while len(digits) < 2 and st.peek() is not None and st.peek() in '01234567':
            digits += st.peek()
            st.pos += 1
        return ('lit', chr(int('0' + digits, 8)))
    if c.isdigit():
        # Octal escape (three octal digits) or group reference.
        if (c in '01234567' and st.peek() is not None and st.peek() in '01234567'
                and st.peek(1) is not None and st.peek(1) in '01234567'):
            code = int(c + st.peek() + st.peek(1), 8)
            st.pos += 2
            if code > 0o377:
                raise error("octal escape value \\%s outside of range 0-0o377"
                            % text[start + 1:st.pos], st.original, start)
            return ('lit', chr(code))
        if in_set:
            raise error("bad escape \\" + c, st.original, start)
        digits = c
        if st.peek() is not None and st.peek().isdigit():
            digits += st.peek()
            st.pos += 1
        idx = int(digits)
        if idx >= st.groups:
            raise error("invalid group reference %d" % idx, st.original, start + 1)
        if idx in st.open_groups:
            raise error("cannot refer to an open group", st.original, start)
        return ('backref', idx)
    if c in _ASCII_LETTERS:
        raise error("bad escape \\" + c, st.original, start)
    return ('lit', c)


def _parse_set(st):
    text = st.text
    start = st.pos
    st.pos += 1
    negated = False
    if st.peek() == '^':
        negated = True
        st.pos += 1
    items = []
    first = True
    while True:
        c = st.peek()
        if c is None:
            raise error("unterminated character set", st.original, start)
        if c == ']' and not first:
            st.pos += 1
            break
        first = False
        item_start = st.pos
        if c == '\\':
            lo = _parse_escape(st, in_set=True)
        else:
            st.pos += 1
            lo = ('lit', c)
        if (st.peek() == '-' and st.peek(1) is not None and st.peek(1) != ']'
                and lo[0] == 'lit'):
            st.pos += 1
            if st.peek() == '\\':
                hi = _parse_escape(st, in_set=True)
            else:
                hi = ('lit', st.peek())
                st.pos += 1
            if hi[0] != 'lit':
                raise error("bad character range %s" % text[item_start:st.pos],
                            st.original, item_start)
            if ord(hi[1]) < ord(lo[1]):
                raise error("bad character range %s" % text[item_start:st.pos],
                            st.original, item_start)
            items.append(('range', lo[1], hi[1]))
        elif lo[0] == 'lit':
            items.append(('ch', lo[1]))
        else:
            items.append(lo)
    return ('set', items, negated, st.flags)


def _width(node):
    """Fixed width of node in characters, or None when it varies."""
    kind = node[0]
    if kind in ('lit', 'any', 'set', 'cat'):
        return 1
    if kind in ('at', 'look', 'empty'):
        return 0
    if kind == 'seq':
        total = 0
        for n in node[1]:
            w = _width(n)
            if w is None:
                return None
            total += w
        return total
    if kind == 'alt':
        widths = {_width(n) for n in node[1]}
        if len(widths) == 1:
            return widths.pop()
        return None
    if kind in ('group',):
        return _width(node[2])
    if kind == 'flags':
        return _width(node[3])
    if kind == 'atomic':
        return _width(node[1])
    if kind == 'rep':
        if node[2] == node[3]:
            w = _width(node[1])
            return None if w is None else w * node[2]
        return None
    return None
