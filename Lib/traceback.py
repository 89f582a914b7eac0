"""Extract, format and print stack traces and exceptions, in the format
the interpreter itself uses (CPython 3.13: source lines with ~~~^^^ carets
under the failing expression, chained exceptions, exception groups, notes,
"Did you mean" suggestions).

The caret anchors (the operator of a binary operation, the brackets of a
subscript or call) are found with a small tokenizer of our own, so no ast
module is needed.
"""

import sys
import linecache


def _current_exception():
    try:
        return sys.exception()
    except AttributeError:
        return sys.exc_info()[1]
from contextlib import suppress

__all__ = ['extract_stack', 'extract_tb', 'format_exception',
           'format_exception_only', 'format_list', 'format_stack',
           'format_tb', 'print_exc', 'format_exc', 'print_exception',
           'print_last', 'print_stack', 'print_tb', 'clear_frames',
           'FrameSummary', 'StackSummary', 'TracebackException',
           'walk_stack', 'walk_tb', 'print_list']


# ---------------------------------------------------------------- simple API

def print_list(extracted_list, file=None):
    """Print the list of tuples as returned by extract_tb() or"""
    if file is None:
        file = sys.stderr
    for item in StackSummary.from_list(extracted_list).format():
        print(item, file=file, end="")


def format_list(extracted_list):
    """Format a list of FrameSummary objects (or tuples) for printing."""
    return StackSummary.from_list(extracted_list).format()


def print_tb(tb, limit=None, file=None):
    """Print up to 'limit' stack trace entries from the traceback 'tb'."""
    print_list(extract_tb(tb, limit=limit), file=file)


def format_tb(tb, limit=None):
    """A shorthand for 'format_list(extract_tb(tb, limit))'."""
    return extract_tb(tb, limit=limit).format()


def extract_tb(tb, limit=None):
    """Return a StackSummary of the frames of traceback tb."""
    return StackSummary._extract_from_extended_frame_gen(
        _walk_tb_with_full_positions(tb), limit=limit)


_cause_message = ("\nThe above exception was the direct cause "
                  "of the following exception:\n\n")

_context_message = ("\nDuring handling of the above exception, "
                    "another exception occurred:\n\n")


class _Sentinel:
    def __repr__(self):
        return "<implicit>"

_sentinel = _Sentinel()


def _parse_value_tb(exc, value, tb):
    if (value is _sentinel) != (tb is _sentinel):
        raise ValueError("Both or neither of value and tb must be given")
    if value is tb is _sentinel:
        if exc is not None:
            if isinstance(exc, BaseException):
                return exc, exc.__traceback__
            raise TypeError(f'Exception expected for value, '
                            f'{type(exc).__name__} found')
        return None, None
    return value, tb


def print_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None,
                    file=None, chain=True, **kwargs):
    """Print exception up to 'limit' stack trace entries from 'tb' to 'file'."""
    colorize = kwargs.get("colorize", False)
    value, tb = _parse_value_tb(exc, value, tb)
    te = TracebackException(type(value), value, tb, limit=limit, compact=True)
    te.print(file=file, chain=chain, colorize=colorize)


def _print_exception_bltin(exc, /):
    """What the interpreter calls for an uncaught exception."""
    file = sys.stderr if sys.stderr is not None else sys.__stderr__
    return print_exception(exc, limit=None, file=file)


def format_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None,
                     chain=True, **kwargs):
    """Format a stack trace and the exception information, as a list of"""
    colorize = kwargs.get("colorize", False)
    value, tb = _parse_value_tb(exc, value, tb)
    te = TracebackException(type(value), value, tb, limit=limit, compact=True)
    return list(te.format(chain=chain, colorize=colorize))


def format_exception_only(exc, /, value=_sentinel, *, show_group=False):
    """Format the exception part of a traceback (normally a single line"""
    if value is _sentinel:
        value = exc
    te = TracebackException(type(value), value, None, compact=True)
    return list(te.format_exception_only(show_group=show_group))


def _format_final_exc_line(etype, value, *, insert_final_newline=True, colorize=False):
    valuestr = _safe_string(value, 'exception')
    end_char = "\n" if insert_final_newline else ""
    if value is None or not valuestr:
        line = f"{etype}{end_char}"
    else:
        line = f"{etype}: {valuestr}{end_char}"
    return line


def _safe_string(value, what, func=str):
    try:
        return func(value)
    except:
        return f'<{what} {func.__name__}() failed>'


def print_exc(limit=None, file=None, chain=True):
    """Shorthand for 'print_exception(sys.exception(), limit, file, chain)'."""
    print_exception(_current_exception(), limit=limit, file=file, chain=chain)


def format_exc(limit=None, chain=True):
    """Like print_exc() but return a string."""
    return "".join(format_exception(_current_exception(), limit=limit, chain=chain))


def print_last(limit=None, file=None, chain=True):
    """This is a shorthand for 'print_exception(sys.last_exc, limit, file, chain)'."""
    if not hasattr(sys, "last_exc") and not hasattr(sys, "last_type"):
        raise ValueError("no last exception")
    if hasattr(sys, "last_exc"):
        print_exception(sys.last_exc, limit=limit, file=file, chain=chain)
    else:
        print_exception(sys.last_type, sys.last_value, sys.last_traceback,
                        limit=limit, file=file, chain=chain)


def print_stack(f=None, limit=None, file=None):
    """Print a stack trace from its invocation point."""
    if f is None:
        f = sys._getframe().f_back
    print_list(extract_stack(f, limit=limit), file=file)


def format_stack(f=None, limit=None):
    """Shorthand for 'format_list(extract_stack(f, limit))'."""
    if f is None:
        f = sys._getframe().f_back
    return format_list(extract_stack(f, limit=limit))


def extract_stack(f=None, limit=None):
    """Extract the raw traceback from the current stack frame, oldest first."""
    if f is None:
        f = sys._getframe().f_back
    stack = StackSummary.extract(walk_stack(f), limit=limit)
    stack.reverse()
    return stack


def clear_frames(tb):
    "Clear all references to local variables in the frames of a traceback."
    while tb is not None:
        try:
            tb.tb_frame.clear()
        except (RuntimeError, AttributeError):
            pass
        tb = tb.tb_next


# ---------------------------------------------------------------- frames

class FrameSummary:
    """Information about a single frame from a traceback: filename,"""

    __slots__ = ('filename', 'lineno', 'end_lineno', 'colno', 'end_colno',
                 'name', '_lines', '_lines_dedented', 'locals', '_code')

    def __init__(self, filename, lineno, name, *, lookup_line=True,
                 locals=None, line=None,
                 end_lineno=None, colno=None, end_colno=None, **kwargs):
        self.filename = filename
        self.lineno = lineno
        self.end_lineno = lineno if end_lineno is None else end_lineno
        self.colno = colno
        self.end_colno = end_colno
        self.name = name
        self._code = kwargs.get("_code")
        self._lines = line
        self._lines_dedented = None
        if lookup_line:
            self.line
        self.locals = {k: _safe_string(v, 'local', func=repr)
                       for k, v in locals.items()} if locals else None

    def __eq__(self, other):
        if isinstance(other, FrameSummary):
            return (self.filename == other.filename and
                    self.lineno == other.lineno and
                    self.name == other.name and
                    self.locals == other.locals)
        if isinstance(other, tuple):
            return (self.filename, self.lineno, self.name, self.line) == other
        return NotImplemented

    def __getitem__(self, pos):
        return (self.filename, self.lineno, self.name, self.line)[pos]

    def __iter__(self):
        return iter([self.filename, self.lineno, self.name, self.line])

    def __repr__(self):
        return "<FrameSummary file {filename}, line {lineno} in {name}>".format(
            filename=self.filename, lineno=self.lineno, name=self.name)

    def __len__(self):
        return 4

    def _set_lines(self):
        if not self._lines and self.lineno is not None and self.end_lineno is not None:
            lines = []
            for lineno in range(self.lineno, self.end_lineno + 1):
                line = linecache.getline(self.filename, lineno).rstrip()
                if not line and self._code is not None and self.filename.startswith("<"):
                    line = linecache._getline_from_code(self._code, lineno).rstrip() \
                        if hasattr(linecache, '_getline_from_code') else ''
                lines.append(line)
            self._lines = "\n".join(lines) + "\n"

    @property
    def _original_lines(self):
        # Returns the line as-is from the source, without modifying whitespace.
        self._set_lines()
        return self._lines

    @property
    def _dedented_lines(self):
        # Returns _original_lines, but dedented
        self._set_lines()
        if self._lines_dedented is None and self._lines is not None:
            self._lines_dedented = _dedent(self._lines)
        return self._lines_dedented

    @property
    def line(self):
        self._set_lines()
        if self._lines is None:
            return None
        # return only the first line, stripped
        return self._lines.partition("\n")[0].strip()


def _dedent(text):
    lines = text.split('\n')
    margin = None
    for l in lines:
        if not l.strip():
            continue
        indent = len(l) - len(l.lstrip())
        margin = indent if margin is None else min(margin, indent)
    if not margin:
        return '\n'.join(l if l.strip() else '' for l in lines)
    return '\n'.join(l[margin:] if l.strip() else '' for l in lines)


def walk_stack(f):
    """Walk a stack yielding the frame and line number for each frame."""
    if f is None:
        f = sys._getframe().f_back.f_back.f_back.f_back
    while f is not None:
        yield f, f.f_lineno
        f = f.f_back


def walk_tb(tb):
    """Walk a traceback yielding the frame and line number for each frame."""
    while tb is not None:
        yield tb.tb_frame, tb.tb_lineno
        tb = tb.tb_next


def _tb_positions(tb):
    # (lineno, end_lineno, colno, end_colno) of the instruction tb points at.
    lineno = tb.tb_lineno
    try:
        code = tb.tb_frame.f_code
        lasti = tb.tb_lasti
        if lasti < 0:
            return (lineno, None, None, None)
        positions = code.co_positions()
        for _ in range(lasti // 2):
            next(positions)
        pos = next(positions)
    except Exception:
        return (lineno, None, None, None)
    if pos[0] is None:
        return (lineno,) + tuple(pos[1:])
    return tuple(pos)


def _walk_tb_with_full_positions(tb):
    while tb is not None:
        yield tb.tb_frame, _tb_positions(tb)
        tb = tb.tb_next


def _get_code_position(code, instruction_index):
    if instruction_index < 0:
        return (None, None, None, None)
    positions = code.co_positions()
    for _ in range(instruction_index // 2):
        next(positions)
    return next(positions)


_RECURSIVE_CUTOFF = 3


class StackSummary(list):
    """A list of FrameSummary objects, representing a stack of frames."""

    @classmethod
    def extract(klass, frame_gen, *, limit=None, lookup_lines=True,
                capture_locals=False):
        """Create a StackSummary from a traceback or stack object"""
        def extended_frame_gen():
            for f, lineno in frame_gen:
                yield f, (lineno, None, None, None)

        return klass._extract_from_extended_frame_gen(
            extended_frame_gen(), limit=limit, lookup_lines=lookup_lines,
            capture_locals=capture_locals)

    @classmethod
    def _extract_from_extended_frame_gen(klass, frame_gen, *, limit=None,
                                         lookup_lines=True, capture_locals=False):
        if limit is None:
            limit = getattr(sys, 'tracebacklimit', None)
            if limit is not None and limit < 0:
                limit = 0
        frames = list(frame_gen)
        if limit is not None:
            if limit >= 0:
                frames = frames[:limit]
            else:
                frames = frames[limit:]

        result = klass()
        fnames = set()
        for f, (lineno, end_lineno, colno, end_colno) in frames:
            co = f.f_code
            filename = co.co_filename
            name = co.co_name
            fnames.add(filename)
            linecache.lazycache(filename, f.f_globals)
            f_locals = f.f_locals if capture_locals else None
            result.append(FrameSummary(
                filename, lineno, name,
                lookup_line=False, locals=f_locals,
                end_lineno=end_lineno, colno=colno, end_colno=end_colno,
                _code=co))
        for filename in fnames:
            linecache.checkcache(filename)
        if lookup_lines:
            for f in result:
                f.line
        return result

    @classmethod
    def from_list(klass, a_list):
        """Create a StackSummary from a list of FrameSummary objects or"""
        result = StackSummary()
        for frame in a_list:
            if isinstance(frame, FrameSummary):
                result.append(frame)
            else:
                filename, lineno, name, line = frame
                result.append(FrameSummary(filename, lineno, name, line=line))
        return result

    def format_frame_summary(self, frame_summary, **kwargs):
        """Format the lines for a single FrameSummary."""
        row = []
        filename = frame_summary.filename
        if frame_summary.filename.startswith("<stdin>-"):
            filename = "<stdin>"
        row.append('  File "{}", line {}, in {}\n'.format(
            filename, frame_summary.lineno, frame_summary.name))
        dedented = frame_summary._dedented_lines
        if dedented and dedented.strip():
            if frame_summary.colno is None or frame_summary.end_colno is None:
                row.append('    ' + frame_summary.line + '\n')
            else:
                row.append(_format_source_with_carets(frame_summary))
        if frame_summary.locals:
            for name, value in sorted(frame_summary.locals.items()):
                row.append('    {name} = {value}\n'.format(name=name, value=value))
        return ''.join(row)

    def format(self, **kwargs):
        """Format the stack ready for printing: a list of strings, one per"""
        result = []
        last_file = last_line = last_name = None
        count = 0
        for frame_summary in self:
            formatted = self.format_frame_summary(frame_summary)
            if formatted is None:
                continue
            if (last_file is None or last_file != frame_summary.filename or
                    last_line is None or last_line != frame_summary.lineno or
                    last_name is None or last_name != frame_summary.name):
                if count > _RECURSIVE_CUTOFF:
                    count -= _RECURSIVE_CUTOFF
                    result.append(
                        f'  [Previous line repeated {count} more '
                        f'time{"s" if count > 1 else ""}]\n')
                last_file = frame_summary.filename
                last_line = frame_summary.lineno
                last_name = frame_summary.name
                count = 0
            count += 1
            if count > _RECURSIVE_CUTOFF:
                continue
            result.append(formatted)
        if count > _RECURSIVE_CUTOFF:
            count -= _RECURSIVE_CUTOFF
            result.append(
                f'  [Previous line repeated {count} more '
                f'time{"s" if count > 1 else ""}]\n')
        return result


# ---------------------------------------------------------------- carets

def _byte_offset_to_character_offset(s, offset):
    as_utf8 = s.encode('utf-8')
    return len(as_utf8[:offset].decode("utf-8", errors="replace"))


def _display_width(line, offset=None):
    """How many terminal columns line[:offset] takes (wide East Asian"""
    if offset is None:
        offset = len(line)
    if line[:offset].isascii():
        return offset
    try:
        import unicodedata
    except ImportError:
        return offset
    return sum(2 if unicodedata.east_asian_width(ch) in ('F', 'W') else 1
               for ch in line[:offset])


def _format_source_with_carets(fs):
    original = fs._original_lines.splitlines()
    first_line = original[0]
    last_line = original[fs.end_lineno - fs.lineno] \
        if fs.end_lineno - fs.lineno < len(original) else original[-1]
    start = _byte_offset_to_character_offset(first_line, fs.colno)
    end = _byte_offset_to_character_offset(last_line, fs.end_colno)
    lines = fs._dedented_lines.splitlines()[:fs.end_lineno - fs.lineno + 1]
    shift = len(first_line) - len(lines[0])
    start = max(0, start - shift)
    end = max(0, end - shift)
    dp_start = _display_width(lines[0], start)
    dp_end = _display_width(lines[-1], end)

    joined = "\n".join(lines)
    segment = joined[start:len(joined) - (len(lines[-1]) - end)]
    anchors = None
    with suppress(Exception):
        anchors = _caret_anchors(segment)
    show = _should_show_carets(start, end, lines, anchors)

    left_off = right_off = 0
    primary = secondary = '^'
    wanted = {0, len(lines) - 1}
    if anchors:
        l_line, left_off, r_line, right_off = anchors
        if l_line == 0:
            left_off += start
        if r_line == 0:
            right_off += start
        left_off = _display_width(lines[l_line], left_off)
        right_off = _display_width(lines[r_line], right_off)
        primary, secondary = '~', '^'
        wanted.update(range(l_line - 1, l_line + 2))
        wanted.update(range(r_line - 1, r_line + 2))
    wanted.discard(-1)
    wanted.discard(len(lines))

    out = []

    def emit(i):
        out.append(lines[i] + "\n")
        if not show:
            return
        text = lines[i]
        lead = len(text) - len(text.lstrip())
        width = dp_end if i == len(lines) - 1 else _display_width(text)
        marks = []
        for col in range(width):
            if col < lead or (i == 0 and col < dp_start):
                marks.append(' ')
            elif anchors and (i > anchors[0] or (i == anchors[0] and col >= left_off)) \
                    and (i < anchors[2] or (i == anchors[2] and col < right_off)):
                marks.append(secondary)
            else:
                marks.append(primary)
        out.append("".join(marks) + "\n")

    order = sorted(wanted)
    for k, i in enumerate(order):
        if k:
            gap = i - order[k - 1]
            if gap == 2:
                emit(i - 1)
            elif gap > 2:
                out.append(f"...<{gap - 1} lines>...\n")
        emit(i)
    body = _dedent("".join(out).rstrip('\n')) + '\n'
    return ''.join('    ' + l + '\n' for l in body.splitlines())


def _should_show_carets(start, end, lines, anchors):
    # A call that is the whole value of a return or assignment spanning the
    # whole statement gets no carets (CPython 3.13 rule).
    with suppress(Exception):
        if _whole_call_statement(lines, start, end):
            return False
    if anchors:
        return True
    if lines[0][:start].lstrip() or lines[-1][end:].rstrip():
        return True
    return False


def _whole_call_statement(lines, start, end):
    # "return name(...)" or "name = call(...)" where the call is the whole
    # statement (CPython 3.13 shows no carets there).
    first = lines[0]
    if len(lines) != 1:
        return False
    lead = len(first) - len(first.lstrip())
    after = first[end:].strip()
    before = first[lead:start].rstrip()
    # Redundant parentheses around the call do not count.
    while after.startswith(')') and before.endswith('('):
        after = after[1:].strip()
        before = before[:-1].rstrip()
    if after:
        return False
    seg = first[start:end]
    toks = _tokenize(seg)
    if not toks or _classify(toks, [seg])[0] != 'call':
        return False
    if before == 'return':
        # ... when the callee is a plain name.
        return len(toks) >= 3 and toks[0][3] == 'name' and toks[1][2] == '('
    if before.endswith('=') and not before.endswith(('==', '!=', '<=', '>=')):
        target = before[:-1].strip()
        return target.isidentifier() and target not in _STATEMENT_WORDS
    return False


_OPERATORS3 = ('**=', '//=', '>>=', '<<=', '...', '!=')
_OPERATORS2 = ('**', '//', '<<', '>>', '<=', '>=', '==', '!=', '->', ':=',
               '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '@=')
_BINOPS = {'|': 1, '^': 2, '&': 3, '<<': 4, '>>': 4, '+': 5, '-': 5,
           '*': 6, '/': 6, '//': 6, '%': 6, '@': 6, '**': 8}
_STOPWORDS = frozenset(('if', 'else', 'lambda', 'and', 'or', 'not', 'in', 'is',
                        'await', 'yield', 'for', 'async'))
_STATEMENT_WORDS = frozenset((
    'raise', 'return', 'assert', 'del', 'import', 'from', 'pass', 'break',
    'continue', 'global', 'nonlocal', 'def', 'class', 'with', 'while', 'try',
    'except', 'finally', 'elif', 'as'))
_COMPARE = frozenset(('<', '>', '==', '!=', '<=', '>=', ':=', ',', ':', '=', '->',
                      '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '@=',
                      '**=', '//=', '>>=', '<<='))


def _tokenize(text):
    """Tokens of a source fragment: [line, col, text, kind] with kind in"""
    toks = []
    lines = text.split('\n')
    li = 0
    while li < len(lines):
        line = lines[li]
        i = 0
        n = len(line)
        while i < n:
            c = line[i]
            if c in ' \t\f':
                i += 1
                continue
            if c == '#':
                break
            if c == '\\' and i == n - 1:
                break
            start = i
            # string literal (with optional prefix)
            j = i
            while j < n and j - i < 3 and line[j] in 'rRbBuUfF':
                j += 1
            if j < n and line[j] in '\'"' and (j == i or line[i:j].isalpha()):
                q = line[j]
                triple = line[j:j + 3] == q * 3
                k = j + (3 if triple else 1)
                close = q * 3 if triple else q
                sl, sk = li, k
                while True:
                    cur = lines[sl]
                    if sk >= len(cur):
                        if triple and sl + 1 < len(lines):
                            sl += 1
                            sk = 0
                            continue
                        break
                    if cur[sk] == '\\':
                        sk += 2
                        continue
                    if cur.startswith(close, sk):
                        sk += len(close)
                        break
                    sk += 1
                toks.append([li, start, 'S', 'string'])
                if sl != li:
                    li = sl
                    line = lines[li]
                    n = len(line)
                i = sk
                continue
            if c.isalpha() or c == '_' or ord(c) > 127:
                while j < n and (line[j].isalnum() or line[j] == '_' or ord(line[j]) > 127):
                    j += 1
                toks.append([li, start, line[i:j], 'name'])
                i = j
                continue
            if c.isdigit() or (c == '.' and i + 1 < n and line[i + 1].isdigit()):
                j = i + 1
                while j < n and (line[j].isalnum() or line[j] in '._' or
                                 (line[j] in '+-' and line[j - 1] in 'eE'
                                  and not line[i:j].lower().startswith('0x'))):
                    j += 1
                toks.append([li, start, line[i:j], 'number'])
                i = j
                continue
            for width, table in ((3, _OPERATORS3), (2, _OPERATORS2)):
                if line[i:i + width] in table:
                    toks.append([li, start, line[i:i + width], 'op'])
                    i += width
                    break
            else:
                toks.append([li, start, c, 'op'])
                i += 1
        li += 1
    return toks


def _classify(toks, lines):
    """Find the outermost node of an expression given as tokens."""
    if any(t[3] == 'name' and t[2] in _STATEMENT_WORDS for t in toks):
        return None, None
    # Peel redundant enclosing parentheses.
    while toks and toks[0][2] == '(' and _match(toks, 0) == len(toks) - 1:
        inner = toks[1:-1]
        if any(t[2] == ',' for t in _top_level(inner)) or not inner:
            return None, None
        toks = inner
    if not toks:
        return None, None
    top = _top_level(toks)
    best = None
    prev = None
    unary_start = toks[0][2] in ('-', '+', '~')
    for idx, t in top:
        text = t[2]
        if t[3] == 'name' and text in _STOPWORDS:
            return None, None
        if t[3] == 'op' and text in _COMPARE:
            return None, None
        if t[3] == 'op' and text in _BINOPS:
            binary = prev is not None and (prev[3] in ('name', 'number', 'string')
                                           or prev[2] in (')', ']', '}'))
            if binary and not (prev[3] == 'name' and prev[2] in _STOPWORDS):
                prec = _BINOPS[text]
                if best is None or prec < best[0] or (prec == best[0] and text != '**'):
                    best = (prec, idx, t)
        prev = t
    if best is not None:
        prec, idx, t = best
        if prec == 8 and unary_start:
            return None, None
        width = len(t[2])
        if width == 1 and _paren_hides_operand(toks, idx):
            # CPython highlights up to the right operand's own position,
            # which excludes redundant parentheses around it.
            width = 2
        return 'binop', (t[0], t[1], t[0], t[1] + width)
    if unary_start:
        return None, None
    last = toks[-1]
    if last[2] in (')', ']'):
        open_idx = _match_back(toks, len(toks) - 1)
        if open_idx is None or open_idx == 0:
            return None, None
        o = toks[open_idx]
        end_line = last[0]
        end_col = last[1] + 1
        return ('call' if last[2] == ')' else 'subscript'), (o[0], o[1], end_line, end_col)
    return None, None


def _paren_hides_operand(toks, idx):
    # True when the operator at toks[idx] is directly followed by '(' that
    # only groups an expression (not a tuple or generator expression).
    op = toks[idx]
    if idx + 1 >= len(toks):
        return False
    nxt = toks[idx + 1]
    if nxt[2] != '(' or nxt[0] != op[0] or nxt[1] != op[1] + 1:
        return False
    close = _match(toks, idx + 1)
    if close is None or close == idx + 2:
        return False
    for j, t in _top_level(toks[idx + 2:close]):
        if t[2] == ',' or (t[3] == 'name' and t[2] == 'for'):
            return False
    return True


def _top_level(toks):
    depth = 0
    out = []
    for idx, t in enumerate(toks):
        if t[3] == 'op' and t[2] in '([{':
            if depth == 0:
                out.append((idx, t))
            depth += 1
            continue
        if t[3] == 'op' and t[2] in ')]}':
            depth -= 1
            if depth == 0:
                out.append((idx, t))
            continue
        if depth == 0:
            out.append((idx, t))
    return out


def _match(toks, i):
    depth = 0
    for j in range(i, len(toks)):
        t = toks[j]
        if t[3] == 'op' and t[2] in '([{':
            depth += 1
        elif t[3] == 'op' and t[2] in ')]}':
            depth -= 1
            if depth == 0:
                return j
    return None


def _match_back(toks, i):
    depth = 0
    for j in range(i, -1, -1):
        t = toks[j]
        if t[3] == 'op' and t[2] in ')]}':
            depth += 1
        elif t[3] == 'op' and t[2] in '([{':
            depth -= 1
            if depth == 0:
                return j
    return None


def _caret_anchors(segment):
    toks = _tokenize(segment)
    kind, anchors = _classify(toks, segment.split('\n'))
    if kind is None:
        return None
    return anchors


# ---------------------------------------------------------------- exceptions

class _ExceptionPrintContext:
    def __init__(self):
        self.seen = set()
        self.exception_group_depth = 0
        self.need_close = False

    def indent(self):
        return ' ' * (2 * self.exception_group_depth)

    def emit(self, text_gen, margin_char=None):
        if margin_char is None:
            margin_char = '|'
        indent_str = self.indent()
        if self.exception_group_depth:
            indent_str += margin_char + ' '

        if isinstance(text_gen, str):
            yield _indent_lines(text_gen, indent_str)
        else:
            for text in text_gen:
                yield _indent_lines(text, indent_str)


def _indent_lines(text, prefix):
    return ''.join(prefix + line for line in text.splitlines(True))


class TracebackException:
    """An exception ready for rendering: its type name, message, notes,"""

    def __init__(self, exc_type, exc_value, exc_traceback, *, limit=None,
                 lookup_lines=True, capture_locals=False, compact=False,
                 max_group_width=15, max_group_depth=10, save_exc_type=True,
                 _seen=None):
        is_recursive_call = _seen is not None
        if _seen is None:
            _seen = set()
        _seen.add(id(exc_value))

        self.stack = StackSummary._extract_from_extended_frame_gen(
            _walk_tb_with_full_positions(exc_traceback),
            limit=limit, lookup_lines=lookup_lines,
            capture_locals=capture_locals)

        self._exc_type = exc_type if save_exc_type else None
        self.max_group_width = max_group_width
        self.max_group_depth = max_group_depth

        self._str = _safe_string(exc_value, 'exception')
        try:
            self.__notes__ = getattr(exc_value, '__notes__', None)
        except Exception as e:
            self.__notes__ = [
                f'Ignored error getting __notes__: {_safe_string(e, "__notes__", repr)}']

        self._is_syntax_error = False
        self._have_exc_type = exc_type is not None
        if exc_type is not None:
            self.exc_type_qualname = exc_type.__qualname__
            self.exc_type_module = exc_type.__module__
        else:
            self.exc_type_qualname = None
            self.exc_type_module = None

        if exc_type and issubclass(exc_type, SyntaxError):
            self.filename = exc_value.filename
            lno = exc_value.lineno
            self.lineno = str(lno) if lno is not None else None
            end_lno = getattr(exc_value, 'end_lineno', None)
            self.end_lineno = str(end_lno) if end_lno is not None else None
            self.text = exc_value.text
            self.offset = exc_value.offset
            self.end_offset = getattr(exc_value, 'end_offset', None)
            self.msg = exc_value.msg
            self._is_syntax_error = True
        elif exc_type and issubclass(exc_type, ImportError) and \
                getattr(exc_value, "name_from", None) is not None:
            wrong_name = getattr(exc_value, "name_from", None)
            suggestion = _compute_suggestion_error(exc_value, exc_traceback, wrong_name)
            if suggestion:
                self._str += f". Did you mean: '{suggestion}'?"
        elif exc_type and issubclass(exc_type, (NameError, AttributeError)) and \
                getattr(exc_value, "name", None) is not None:
            wrong_name = getattr(exc_value, "name", None)
            suggestion = _compute_suggestion_error(exc_value, exc_traceback, wrong_name)
            if suggestion:
                self._str += f". Did you mean: '{suggestion}'?"
            if issubclass(exc_type, NameError):
                wrong_name = getattr(exc_value, "name", None)
                stdlib = getattr(sys, 'stdlib_module_names', ())
                if wrong_name is not None and wrong_name in stdlib:
                    if suggestion:
                        self._str += f" Or did you forget to import '{wrong_name}'?"
                    else:
                        self._str += f". Did you forget to import '{wrong_name}'?"
        if lookup_lines:
            self._load_lines()
        self.__suppress_context__ = \
            exc_value.__suppress_context__ if exc_value is not None else False

        # Convert __cause__ and __context__ to TracebackExceptions (iteratively,
        # so long chains do not recurse deeply).
        if not is_recursive_call:
            queue = [(self, exc_value)]
            while queue:
                te, e = queue.pop()
                if (e is not None and e.__cause__ is not None
                        and id(e.__cause__) not in _seen):
                    cause = TracebackException(
                        type(e.__cause__), e.__cause__, e.__cause__.__traceback__,
                        limit=limit, lookup_lines=lookup_lines,
                        capture_locals=capture_locals,
                        max_group_width=max_group_width,
                        max_group_depth=max_group_depth, _seen=_seen)
                else:
                    cause = None

                if compact:
                    need_context = (cause is None and e is not None and
                                    not e.__suppress_context__)
                else:
                    need_context = True
                if (e is not None and e.__context__ is not None
                        and need_context and id(e.__context__) not in _seen):
                    context = TracebackException(
                        type(e.__context__), e.__context__, e.__context__.__traceback__,
                        limit=limit, lookup_lines=lookup_lines,
                        capture_locals=capture_locals,
                        max_group_width=max_group_width,
                        max_group_depth=max_group_depth, _seen=_seen)
                else:
                    context = None

                if e is not None and isinstance(e, BaseExceptionGroup):
                    exceptions = []
                    for exc in e.exceptions:
                        texc = TracebackException(
                            type(exc), exc, exc.__traceback__,
                            limit=limit, lookup_lines=lookup_lines,
                            capture_locals=capture_locals,
                            max_group_width=max_group_width,
                            max_group_depth=max_group_depth, _seen=_seen)
                        exceptions.append(texc)
                else:
                    exceptions = None

                te.__cause__ = cause
                te.__context__ = context
                te.exceptions = exceptions
                if cause:
                    queue.append((te.__cause__, e.__cause__))
                if context:
                    queue.append((te.__context__, e.__context__))
                if exceptions:
                    queue.extend(zip(te.exceptions, e.exceptions))

    @classmethod
    def from_exception(cls, exc, *args, **kwargs):
        """Create a TracebackException from an exception."""
        return cls(type(exc), exc, exc.__traceback__, *args, **kwargs)

    @property
    def exc_type(self):
        return self._exc_type

    def _load_lines(self):
        for frame in self.stack:
            frame.line

    def __eq__(self, other):
        if isinstance(other, TracebackException):
            return self.__dict__ == other.__dict__
        return NotImplemented

    def __str__(self):
        return self._str

    def format_exception_only(self, *, show_group=False, _depth=0, **kwargs):
        """Format the exception part of the traceback: generates strings,"""
        indent = 3 * _depth * ' '
        if not self._have_exc_type:
            yield indent + _format_final_exc_line(None, self._str)
            return

        stype = self.exc_type_qualname
        smod = self.exc_type_module
        if smod not in ("__main__", "builtins"):
            if not isinstance(smod, str):
                smod = "<unknown>"
            stype = smod + '.' + stype

        if not self._is_syntax_error:
            if _depth > 0:
                formatted = _format_final_exc_line(stype, self._str, insert_final_newline=False).split('\n')
                yield from [indent + l + '\n' for l in formatted]
            else:
                yield _format_final_exc_line(stype, self._str)
        else:
            yield from [indent + l for l in self._format_syntax_error(stype)]

        if (isinstance(self.__notes__, (list, tuple))):
            for note in self.__notes__:
                note = _safe_string(note, 'note')
                yield from [indent + l + '\n' for l in note.split('\n')]
        elif self.__notes__ is not None:
            yield indent + "{}\n".format(_safe_string(self.__notes__, '__notes__', func=repr))

        if self.exceptions and show_group:
            for ex in self.exceptions:
                yield from ex.format_exception_only(show_group=show_group, _depth=_depth + 1)

    def _format_syntax_error(self, stype, **kwargs):
        """Format SyntaxError exceptions (internal helper)."""
        filename_suffix = ''
        if self.lineno is not None:
            yield '  File "{}", line {}\n'.format(
                self.filename or "<string>", self.lineno)
        elif self.filename is not None:
            filename_suffix = ' ({})'.format(self.filename)

        text = self.text
        if isinstance(text, str):
            # Show the line with its common indentation removed and a caret
            # line under the offending range.
            rtext = text.rstrip('\n')
            ltext = rtext.lstrip(' \n\f')
            spaces = len(rtext) - len(ltext)
            yield '    {}\n'.format(ltext)

            if self.offset is not None:
                offset = self.offset
                end_offset = self.end_offset if self.end_offset not in {None, 0} else offset
                if self.text and offset > len(self.text):
                    offset = len(rtext) + 1
                if self.text and end_offset > len(self.text):
                    end_offset = len(rtext) + 1
                if offset >= end_offset or end_offset < 0:
                    end_offset = offset + 1

                colno = offset - 1 - spaces
                end_colno = end_offset - 1 - spaces
                caretspace = ' '
                if colno >= 0:
                    caretspace = ((c if c.isspace() else ' ') for c in ltext[:colno])
                    yield '    {}{}\n'.format("".join(caretspace), ('^' * (end_colno - colno)))
        msg = self.msg or "<no detail available>"
        yield "{}: {}{}\n".format(stype, msg, filename_suffix)

    def _chain(self, chain):
        """The exceptions to print, oldest first, each with the message
        that introduces the next one ('direct cause' / 'during handling')."""
        if not chain:
            return [(None, self)]
        links = []
        exc = self
        while exc is not None:
            if exc.__cause__ is not None:
                message, following = _cause_message, exc.__cause__
            elif exc.__context__ is not None and not exc.__suppress_context__:
                message, following = _context_message, exc.__context__
            else:
                message, following = None, None
            links.append((message, exc))
            exc = following
        links.reverse()
        return links

    def format(self, *, chain=True, _ctx=None, **kwargs):
        """Format the exception: a generator of strings, each ending in a
        newline, identical to what print_exception() writes."""
        ctx = _ExceptionPrintContext() if _ctx is None else _ctx
        for message, exc in self._chain(chain):
            if message is not None:
                yield from ctx.emit(message)
            if exc.exceptions is None:
                if exc.stack:
                    yield from ctx.emit('Traceback (most recent call last):\n')
                    yield from ctx.emit(exc.stack.format())
                yield from ctx.emit(exc.format_exception_only())
            elif ctx.exception_group_depth > self.max_group_depth:
                yield from ctx.emit(
                    f"... (max_group_depth is {self.max_group_depth})\n")
            else:
                yield from exc._format_group(ctx, chain)

    def _format_group(self, ctx, chain):
        # An exception group: its own traceback in a box, then each member
        # under a "---- n ----" rule, nested one level deeper.
        outermost = ctx.exception_group_depth == 0
        if outermost:
            ctx.exception_group_depth += 1
        if self.stack:
            yield from ctx.emit(
                'Exception Group Traceback (most recent call last):\n',
                margin_char='+' if outermost else None)
            yield from ctx.emit(self.stack.format())
        yield from ctx.emit(self.format_exception_only())
        total = len(self.exceptions)
        shown = total if total <= self.max_group_width else self.max_group_width + 1
        ctx.need_close = False
        for i in range(shown):
            last = i == shown - 1
            if last:
                # A nested group printed below may close the box itself.
                ctx.need_close = True
            truncated = i >= self.max_group_width
            title = '...' if truncated else f'{i + 1}'
            corner = '+-' if i == 0 else '  '
            yield f'{ctx.indent()}{corner}+---------------- {title} ----------------\n'
            ctx.exception_group_depth += 1
            if truncated:
                remaining = total - self.max_group_width
                plural = 's' if remaining > 1 else ''
                yield from ctx.emit(f"and {remaining} more exception{plural}\n")
            else:
                yield from self.exceptions[i].format(chain=chain, _ctx=ctx)
            if last and ctx.need_close:
                yield f'{ctx.indent()}+------------------------------------\n'
                ctx.need_close = False
            ctx.exception_group_depth -= 1
        if outermost:
            ctx.exception_group_depth = 0

    def print(self, *, file=None, chain=True, **kwargs):
        """Print the result of self.format(chain=chain) to 'file'."""
        if file is None:
            file = sys.stderr
        for line in self.format(chain=chain):
            print(line, file=file, end="")


# ---------------------------------------------------------------- suggestions

_MAX_CANDIDATE_ITEMS = 750
_MAX_STRING_SIZE = 40
_MOVE_COST = 2
_CASE_COST = 1


def _edit_cost(a, b):
    if a == b:
        return 0
    if a.lower() == b.lower():
        return _CASE_COST
    return _MOVE_COST


def _levenshtein_distance(a, b, max_cost):
    """Weighted edit distance (case changes are cheaper); anything over"""
    if a == b:
        return 0
    # Common prefix and suffix do not change the distance.
    pre = 0
    while pre < len(a) and pre < len(b) and a[pre] == b[pre]:
        pre += 1
    a, b = a[pre:], b[pre:]
    while a and b and a[-1] == b[-1]:
        a, b = a[:-1], b[:-1]
    if not a or not b:
        return _MOVE_COST * (len(a) + len(b))
    if len(a) > _MAX_STRING_SIZE or len(b) > _MAX_STRING_SIZE:
        return max_cost + 1
    if len(b) < len(a):
        a, b = b, a
    if (len(b) - len(a)) * _MOVE_COST > max_cost:
        return max_cost + 1
    row = [(i + 1) * _MOVE_COST for i in range(len(a))]
    result = 0
    for bi, bch in enumerate(b):
        distance = result = bi * _MOVE_COST
        minimum = sys.maxsize
        for ai, ach in enumerate(a):
            substitute = distance + _edit_cost(bch, ach)
            distance = row[ai]
            insert_delete = min(result, distance) + _MOVE_COST
            result = min(insert_delete, substitute)
            row[ai] = result
            if result < minimum:
                minimum = result
        if minimum > max_cost:
            return max_cost + 1
    return result


def _compute_suggestion_error(exc_value, tb, wrong_name):
    if wrong_name is None or not isinstance(wrong_name, str):
        return None
    if isinstance(exc_value, AttributeError):
        obj = getattr(exc_value, 'obj', None)
        try:
            d = dir(obj)
        except Exception:
            return None
        hide_underscored = (wrong_name[:1] != '_')
        if hide_underscored and tb is not None:
            while tb.tb_next is not None:
                tb = tb.tb_next
            frame = tb.tb_frame
            if 'self' in frame.f_locals and frame.f_locals['self'] is obj:
                hide_underscored = False
        if hide_underscored:
            d = [x for x in d if x[:1] != '_']
    elif isinstance(exc_value, ImportError):
        try:
            mod = __import__(exc_value.name)
            d = dir(mod)
        except Exception:
            return None
        if wrong_name[:1] != '_':
            d = [x for x in d if x[:1] != '_']
    else:
        if tb is None:
            return None
        while tb.tb_next is not None:
            tb = tb.tb_next
        frame = tb.tb_frame
        d = (list(frame.f_locals) + list(frame.f_globals)
             + list(frame.f_builtins))
        if 'self' in frame.f_locals:
            self = frame.f_locals['self']
            try:
                if hasattr(self, wrong_name):
                    return f"self.{wrong_name}"
            except Exception:
                pass

    if len(d) > _MAX_CANDIDATE_ITEMS:
        return None
    wrong_name_len = len(wrong_name)
    if wrong_name_len > _MAX_STRING_SIZE:
        return None
    best_distance = wrong_name_len
    suggestion = None
    for possible_name in d:
        if possible_name == wrong_name:
            continue
        max_distance = (len(possible_name) + wrong_name_len + 3) * _MOVE_COST // 6
        max_distance = min(max_distance, best_distance - 1)
        current_distance = _levenshtein_distance(wrong_name, possible_name, max_distance)
        if current_distance > max_distance:
            continue
        if not suggestion or current_distance < best_distance:
            suggestion = possible_name
            best_distance = current_distance
    return suggestion
