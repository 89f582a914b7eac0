#!/usr/bin/env python3
"""gen_str_tests.py: generate test/unit/str_cases.h, a table of
(receiver, operation, arguments) -> expected repr or "Type: message" for the
str, bytes and bytearray unit tests, with the expected values computed by
the CPython that runs this script (use 3.13: the reference).

Usage: python3.13 Tools/gen_str_tests.py > test/unit/str_cases.h

Each case becomes  { RECV, "op", {ARGS...}, nargs, "expected" }  where the
receiver and arguments are small C expressions built by test_unicode.c's
helpers: S("utf-8 text"), B("bytes", len), BA("bytes", len), I(n), N (None),
T(n, ...) (a tuple), L(n, ...) (a list), D(n, k, v, ...) (a dict),
SL(start, stop, step) (a slice), F(x) (a float).  "op" is a method name, or "%" (remainder), "[]"
(subscript, argument is a slice triple or index), "+", "*", "in", "repr",
"str", "ascii", "__fmt__" (format(x, spec)).
"""
import sys

assert sys.version_info >= (3, 13), "generate with CPython 3.13"


def cstr(b):
    out = []
    for c in b:
        if c == 0x22:
            out.append('\\"')
        elif c == 0x5c:
            out.append('\\\\')
        elif 32 <= c < 127 and c != 0x3f:   # avoid '??' trigraph surprises
            out.append(chr(c))
        else:
            out.append('\\%03o' % c)
    return '"' + ''.join(out) + '"'


def cexpr(v):
    if v is None:
        return "N"
    if isinstance(v, bool):
        return "I(%d)" % int(v)
    if isinstance(v, int):
        if -2**63 < v < 2**63:
            return "I(%dLL)" % v
        return 'BIG("%d")' % v
    if isinstance(v, str):
        b = v.encode('utf-8', 'surrogatepass')
        if b'\0' in b:
            return "SN(%s, %d)" % (cstr(b), len(b))
        return "S(%s)" % cstr(b)
    if isinstance(v, bytearray):
        return "BA(%s, %d)" % (cstr(bytes(v)), len(v))
    if isinstance(v, bytes):
        return "B(%s, %d)" % (cstr(v), len(v))
    if isinstance(v, tuple):
        return "T(%d%s)" % (len(v), ''.join(', ' + cexpr(x) for x in v))
    if isinstance(v, list):
        return "L(%d%s)" % (len(v), ''.join(', ' + cexpr(x) for x in v))
    if isinstance(v, slice):
        return "SL(%s, %s, %s)" % (cexpr(v.start), cexpr(v.stop), cexpr(v.step))
    if isinstance(v, dict):
        items = []
        for k, x in v.items():
            items.append(cexpr(k))
            items.append(cexpr(x))
        return "D(%d%s)" % (len(v), ''.join(', ' + i for i in items))
    if isinstance(v, float):
        if v != v:
            return "F(NAN)"
        if v in (float('inf'), float('-inf')):
            return "F(%sINFINITY)" % ('-' if v < 0 else '')
        return "F(%r)" % v
    raise TypeError(v)


def run(recv, op, args):
    try:
        if op == '%':
            r = recv % args[0]
        elif op == '[]':
            r = recv[args[0]]
        elif op == '+':
            r = recv + args[0]
        elif op == '*':
            r = recv * args[0]
        elif op == 'in':
            r = args[0] in recv
        elif op == 'repr':
            r = repr(recv)
            return r
        elif op == 'str':
            return str(recv)
        elif op == 'ascii':
            return ascii(recv)
        elif op == '__fmt__':
            r = format(recv, args[0])
        else:
            r = getattr(recv, op)(*args)
        return repr(r)
    except Exception as e:
        msg = str(e)
        name = type(e).__name__
        return "%s: %s" % (name, msg) if msg else name


CASES = []


def case(recv, op, *args):
    CASES.append((recv, op, args))


def str_cases():
    words = ['', 'a', 'abc', 'Hello World', '  spaced  out  ', 'ÄÖÜ äöü ß', 'ﬁ ǅ ΣΑΣ',
             'straße', 'İstanbul', 'ὈΔΥΣΣΕΎΣ', 'tab\there', 'a\r\nb\nc\rd\x0be\x1cf\u2028g',
             '日本語テキスト', '😀 emoji 𝔘𝔫𝔦', 'MiXeD cAsE 123', '١٢٣', '½⅓²', 'Ⅻ']
    for w in words:
        for m in ['lower', 'upper', 'casefold', 'swapcase', 'title', 'capitalize',
                  'isalnum', 'isalpha', 'isascii', 'isdecimal', 'isdigit', 'isidentifier',
                  'islower', 'isnumeric', 'isprintable', 'isspace', 'istitle', 'isupper',
                  'split', 'rsplit', 'splitlines', 'strip', 'lstrip', 'rstrip']:
            case(w, m)
        case(w, 'repr')
        case(w, 'ascii')
        case(w, 'splitlines', True)
        case(w, 'center', 12, '*')
        case(w, 'ljust', 9)
        case(w, 'rjust', 9, '\u00e9')
        case(w, 'zfill', 6)
        case(w, 'expandtabs')
        case(w, 'expandtabs', 4)
        case(w, 'encode')
        case(w, 'encode', 'utf-16')
        case(w, 'encode', 'utf-32-be')
        case(w, 'encode', 'latin-1', 'replace')
        case(w, 'encode', 'ascii', 'backslashreplace')
        case(w, 'encode', 'ascii', 'xmlcharrefreplace')
        case(w, 'encode', 'ascii', 'ignore')
        case(w, 'encode', 'ascii')
        case(w, 'encode', 'unicode_escape')
        case(w, '[]', slice(None, None, -1))
        case(w, '[]', slice(1, None, 2))
        case(w, '[]', -1)
        case(w, '*', 3)
    s = 'the quick brown fox jumps over the lazy dog the end'
    for sub in ['the', 'o', '', 'zzz', 'dog the', 'T']:
        for m in ['find', 'rfind', 'index', 'rindex', 'count', 'startswith', 'endswith',
                  'partition', 'rpartition', 'split', 'rsplit', 'removeprefix', 'removesuffix']:
            case(s, m, sub)
        for (a, b) in [(0, 10), (4, None), (-10, None), (100, 200), (5, 2), (-100, -50), (None, 7)]:
            for m in ['find', 'rfind', 'count', 'startswith', 'endswith', 'index']:
                case(s, m, sub, a, b)
        case(s, 'replace', sub, '#')
        case(s, 'replace', sub, '<\u00e9>', 2)
        case(s, 'split', sub, 2)
        case(s, 'rsplit', sub, 2)
        case(s, 'in', sub)
        case(s, 'strip', sub)
    case(s, 'startswith', ('x', 'th'))
    case(s, 'endswith', ('end', 'x'))
    case(s, 'startswith', 5)
    case(s, 'startswith', ('x', 5))
    case(s, 'split', None, 3)
    case(s, 'rsplit', None, 3)
    case('a,b,,c,', 'split', ',')
    case('a,b,,c,', 'rsplit', ',', 1)
    case('aaa', 'replace', '', '-')
    case('aaa', 'replace', '', '-', 2)
    case('aaa', 'replace', 'a', 'bb', -1)
    case('', 'replace', '', 'x')
    case('abc', 'find', 'c', 3)
    case('abc', 'find', '', 3)
    case('abc', 'find', '', 4)
    case('abc', 'rfind', '', 1, 2)
    case('abc', 'count', '', 5)
    case('abc', 'startswith', '', 3)
    case('abc', 'startswith', '', 4)
    case('abc', 'find', 1)
    case('abc', 'find')
    case('abc', 'find', 'a', 'x')
    case('abc', 'index', 'z')
    case('abc', 'partition', '')
    case('abc', 'split', '')
    case('abc', 'center', 9, 'xy')
    case('abc', 'center', 'a')
    case('abc', 'zfill', 'x')
    case('-42', 'zfill', 6)
    case('+4', 'zfill', 4)
    case('abc', 'join', ['x', 'y', 'z'])
    case(', ', 'join', ('a', 'ü', '😀'))
    case('', 'join', [])
    case('-', 'join', ['a', 1])
    case('-', 'join', 5)
    case('abc', 'translate', {97: 'AA', 98: None, 99: 0x1F600})
    case('abc', 'translate', {97: 1.5})
    case('abc', 'translate', {97: 0x110000})
    case('abc', 'translate', str.maketrans('ab', 'xy', 'c'))
    case('x', 'maketrans', {'a': 'b', 98: None})
    case('x', 'maketrans', 'ab', 'c')
    case('x', 'maketrans', {'ab': 1})
    case('x', 'maketrans', {1.5: 1})
    case('x', 'maketrans', 'a')
    case('abc', '+', 'déf')
    case('abc', '+', 3)
    case('abc', 'in', 3)
    case('abc', '[]', 3)
    case('abc', '[]', 'x')
    case('a\u00e9\U0001F600', 'encode', 'utf-8')
    case('a\udc80b', 'encode', 'utf-8', 'surrogateescape')
    case('a\udc80b', 'encode', 'utf-8')
    case('a\udc80b', 'encode', 'utf-8', 'surrogatepass')
    case('a\ud800b', 'encode', 'utf-16-le', 'surrogatepass')
    case('a\ud800b', 'encode', 'utf-8', 'replace')
    case('a\ud800b', 'encode', 'utf-8', 'bogus')
    case('abc', 'encode', 'bogus-codec')
    case('\u20ac', 'encode', 'latin-1')
    case('x\u20acy\u20acz', 'encode', 'ascii', 'strict')
    case('a\u00e9b', 'encode', 'raw_unicode_escape')
    case("it's", 'repr')
    case('say "hi"', 'repr')
    case('both \' and "', 'repr')
    case('\x00\x7f\x80\xa0\xad\u2028\U000e0001\t\\', 'repr')
    case('\ud800', 'repr')
    case('abc', '__fmt__', '>6')
    case('abc', '__fmt__', '.2')
    case('abc', '__fmt__', 'd')
    case('Σ', 'lower')
    case('ΑΣ', 'lower')
    case('ΑΣ.', 'lower')
    case('ΑΣΑ', 'lower')
    case('Α.Σ', 'lower')
    case('ß', 'upper')
    case('ß', 'title')
    case('ﬃ', 'upper')
    case('ǆ', 'title')
    case('ǆ', 'capitalize')
    case("they're bill's friends", 'title')
    case('hello world', 'istitle')
    case('Hello World', 'istitle')
    case('_id3', 'isidentifier')
    case('3id', 'isidentifier')
    case('ℕame', 'isidentifier')
    case('a b', 'isidentifier')


def format_cases():
    # % formatting
    for fmt, args in [
        ('%s|%r|%a', ('é', 'é', 'é')), ('%5s|%-5s|%.2s', ('ab', 'ab', 'abcdef')),
        ('%d %i %u', (-3, 4, 5)), ('%5d|%-5d|%05d|%+d|% d', (42, 42, 42, 42, 42)),
        ('%x %X %o %#x %#X %#o', (255, 255, 8, 255, 255, 8)), ('%#08x|%08.3d|%-8.3d|', (255, -5, 7)),
        ('%c%c%c', (65, 'é', 0x1F600)), ('%f %e %g %G', (3.14159, 12345.678, 0.00001234, 1e20)),
        ('%.2f|%10.3f|%-10.1e|%+.0f', (2.675, -1.5, 12345.0, 2.5)), ('%05f|%05f', (float('inf'), float('-inf'))),
        ('%#.0f|%#g', (3.0, 2.0)), ('%*d|%-*d|%.*f', (5, 1, 5, 2, 2, 3.14159)),
        ('%d', (3.99,)), ('%x', (3.5,)), ('%d', ('a',)), ('%c', ('ab',)), ('%c', (0x110000,)),
        ('%c', (1.5,)), ('%f', ('a',)), ('%d %d', (1,)), ('%d', (1, 2)), ('%z', (1,)), ('%', (1,)),
        ('%*d', ('a', 1)), ('100%%', ()), ('%s', ((1, 2),)), ('%d%%', (50,)), ('%i', (True,)),
        ('%d', (12345678901234567890123,)), ('%x', (-255,)), ('%o', (-8,)), ('%.3s', ('é😀xyz',)),
        ('%3c|', ('x',)), ('%-3c|', (65,)), ('%(a)s-%(b)5d', ({'a': 'x', 'b': 7},)),
        ('%(a)s', ({},)), ('%(a', ({'a': 1},)), ('%(a)s', (1,)), ('%s %s', ({'a': 1},)),
        ('abc', (5,)), ('abc', ((),)), ('abc', ([],)), ('%s', ([1, 'a'],)), ('%r', ("it's",)),
        ('%.0e|%.1E', (15.5, 0.000123)), ('%g|%g|%g', (100000.0, 1000000.0, 1e-5)),
        ('%10.4g|', (3.14159265,)), ('%-+8.2f|', (3.14159,)), ('% .3f', (2.0,)),
    ]:
        CASES.append((fmt, '%', (args if not (len(args) == 1 and isinstance(args[0], (dict, list))) else args[0],)))
    # str.format
    for fmt, args in [
        ('{} {}', ('a', 'b')), ('{1} {0} {1}', ('a', 'b')), ('{0!r:>8}|{0!s:^7}|{0!a}', ('é',)),
        ('{:>{}}', ('x', 5)), ('{:{}{}}', ('x', '>', 4)), ('{{}} {{{}}}', ('x',)), ('{0[1]}', (('a', 'b'),)),
        ('{0.real}', (3,)), ('{0[a]}', ({'a': 5},)), ('{:d}', ('x',)), ('{', ()), ('}', ()), ('{0}{}', ('a', 'b')),
        ('{}{0}', ('a', 'b')), ('{2}', ('a',)), ('{x}', ()), ('{0!x}', (1,)), ('{0!}', (1,)), ('{0!rr}', (1,)),
        ('{0.}', (1,)), ('{0[}', ([1],)), ('{0[0]x}', ([1],)), ('{:{:{}}}', (1, 2, 3)), ('{0', (1,)),
        ('{0:', (1,)), ('x{{y}}z', ()), ('{:<5}|{:^5}|{:>5}', ('a', 'b', 'c')), ('{:*^9}', ('mid',)),
        ('{:.3}', ('abcdef',)), ('{0.imag}', (2,)), ('{0[0]}', ('xyz',)), ('{!r}', ('a\nb',)),
        ('{:5d}|{:x}|{:,}', (42, 255, 1234567)), ('{:.2f}', (3.14159,)),
    ]:
        CASES.append((fmt, 'format', args))
    CASES.append(('{a}-{b!r}', 'format_map', ({'a': 1, 'b': 'x'},)))
    CASES.append(('{0}', 'format_map', ({},)))
    CASES.append(('{a}', 'format_map', ({},)))


def bytes_cases():
    vals = [b'', b'abc', b'Hello World', b'  x y  ', b'\x00\xff\x80ab', b"it's", b'say "x"',
            b'both \' and "', b'tab\tand\nnewline\r', b'MiXeD 123']
    for cls in (bytes, bytearray):
        for v in vals:
            v = cls(v)
            for m in ['lower', 'upper', 'swapcase', 'title', 'capitalize', 'isalnum', 'isalpha',
                      'isascii', 'isdigit', 'islower', 'isspace', 'istitle', 'isupper', 'split',
                      'rsplit', 'splitlines', 'strip', 'hex']:
                case(v, m)
            case(v, 'repr')
            case(v, 'center', 11, b'-')
            case(v, 'ljust', 6)
            case(v, 'zfill', 5)
            case(v, 'decode', 'latin-1')
            case(v, 'decode')
            case(v, 'decode', 'utf-8', 'replace')
            case(v, 'decode', 'ascii', 'backslashreplace')
            case(v, 'decode', 'utf-8', 'surrogateescape')
            case(v, '[]', slice(None, None, -1))
            case(v, '[]', 1)
            case(v, '*', 2)
            case(v, 'hex', ':', 2)
            case(v, 'hex', b'-', -3)
        s = cls(b'the quick brown fox the end')
        for sub in [b'the', b'o', b'', b'zz', 111]:
            for m in ['find', 'rfind', 'count', 'index', 'rindex']:
                case(s, m, sub)
                case(s, m, sub, 3, -2)
            case(s, 'in', sub)
        for sub in [b'the', b'', b'zz']:
            for m in ['startswith', 'endswith', 'partition', 'rpartition', 'split', 'rsplit',
                      'removeprefix', 'removesuffix', 'strip']:
                case(s, m, sub)
            case(s, 'replace', sub, b'#')
            case(s, 'replace', sub, b'<>', 1)
        case(s, 'find', 'the')
        case(s, 'find', 300)
        case(s, 'startswith', 'the')
        case(s, 'startswith', (b'x', b'th'))
        case(s, 'split', 'x')
        case(s, 'split', None, 2)
        case(s, 'rsplit', None, 2)
        case(s, 'strip', 'x')
        case(s, 'center', 30, 'x')
        case(s, 'center', 30, b'xy')
        case(s, 'translate', bytes(range(255, -1, -1)))
        case(s, 'translate', None, b'aeiou')
        case(s, 'translate', b'x')
        case(cls(b'-'), 'join', [b'a', bytearray(b'b'), b'c'])
        case(cls(b'-'), 'join', [b'a', 'b'])
        case(s, '+', b'!')
        case(s, '+', 'x')
        case(s, 'in', 'x')
        case(s, '[]', 100)
        case(cls(b'%s|%5b|%-4a|%r|%c%c|%d|%5.1f|%x'), '%', (b'x', b'y', 'é', 'z', 65, b'B', 7, 2.25, 255))
        case(cls(b'%(k)s'), '%', {b'k': b'v'})
        case(cls(b'%s'), '%', 'str')
        case(cls(b'%c'), '%', 300)
        case(cls(b'%c'), '%', b'ab')
        case(cls(b'%d %d'), '%', (1,))
        case(cls(b'abc'), '%', 1)
    case(b'', 'fromhex', ' 01 0203 ff ')
    case(b'', 'fromhex', '0g')
    case(b'', 'fromhex', '012')
    case(b'', 'fromhex', b'00')
    case(b'', 'maketrans', b'ab', b'xy')
    case(b'', 'maketrans', b'ab', b'x')
    case(b'abc', 'hex', '\u00e9')
    case(b'abc', 'hex', '::')
    case(b'\xff\xfe', 'decode', 'utf-8')
    case(b'\xe2\x82', 'decode', 'utf-8')
    case(b'\xe2\x82x', 'decode', 'utf-8')
    case(b'\xed\xa0\x80', 'decode', 'utf-8')
    case(b'\xed\xa0\x80', 'decode', 'utf-8', 'surrogatepass')
    case(b'\xf4\x90\x80\x80', 'decode', 'utf-8')
    case(b'a\xc0\xafb', 'decode', 'utf-8', 'replace')
    case(b'a\xf0\x9f\x98b', 'decode', 'utf-8', 'replace')
    case(b'\xff\xfea\x00', 'decode', 'utf-16')
    case(b'\xfe\xff\x00a', 'decode', 'utf-16')
    case(b'a\x00\x00', 'decode', 'utf-16-le')
    case(b'\x00\xd8a\x00', 'decode', 'utf-16-le')
    case(b'\x00\xdc', 'decode', 'utf-16-le')
    case(b'\x3d\xd8\x00\xde', 'decode', 'utf-16-le')
    case(b'\xff\xfe\x00\x00a\x00\x00\x00', 'decode', 'utf-32')
    case(b'\x00\x00\x11\x00', 'decode', 'utf-32-le')
    case(b'a\x80', 'decode', 'ascii')
    case(b'a\x80b', 'decode', 'ascii', 'ignore')
    case(b'\\n\\x41\\u00e9\\U0001F600\\101', 'decode', 'unicode_escape')
    case(b'\\x4', 'decode', 'unicode_escape')
    case(b'a\\u00e9', 'decode', 'raw_unicode_escape')
    case(b'x', 'decode', 'nope')


def emit(w, name, cases):
    w("#define %s \\\n" % name)
    lines = []
    for recv, op, args in cases:
        exp = run(recv, op, args)
        eb = exp.encode('utf-8', 'surrogatepass')
        argv = "ARGV(%s)" % ', '.join(cexpr(a) for a in args) if args else "NULL"
        lines.append("    X(%s, %s, %s, %d, %s)" % (
            cexpr(recv), cstr(op.encode()), cstr(eb), len(args), argv))
    w(" \\\n".join(lines))
    w("\n\n")


def main():
    w = sys.stdout.write
    w("/* str_cases.h: generated by Tools/gen_str_tests.py with CPython %s.\n"
      " * Do not edit; regenerate.  Included by test_unicode.c and test_bytes.c.\n"
      " * X(receiver, op, expected, nargs, argv) */\n\n" % sys.version.split()[0])
    str_cases()
    emit(w, "STR_CASES", CASES)
    CASES.clear()
    format_cases()
    emit(w, "FORMAT_CASES", CASES)
    CASES.clear()
    bytes_cases()
    emit(w, "BYTES_CASES", CASES)


if __name__ == "__main__":
    main()
