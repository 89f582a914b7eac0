#!/usr/bin/env python3
"""Generate the expected-value tables for test/unit/test_{long,float,complex,format}.c
from the running CPython.  Usage: python3 Tools/numbers/gen_test_cases.py test/unit
Writes numbers_cases.h there.  Deterministic (fixed seed)."""
import random, struct, sys, os, math

random.seed(20261121)
out = []

def cstr(s):
    r = []
    for ch in s.encode('utf-8'):
        c = chr(ch)
        if c == '"' or c == '\\':
            r.append('\\' + c)
        elif 32 <= ch < 127:
            r.append(c)
        else:
            r.append('\\%03o' % ch)
    return '"' + ''.join(r) + '"'

def err(ex):
    return 'E:%s: %s' % (type(ex).__name__, ex)

# ---- int arithmetic ----
def rnd(maxbits=1000):
    k = random.choice([1, 5, 29, 30, 31, 59, 60, 61, 62, 63, 64, 65, 100, 300, maxbits])
    v = random.getrandbits(k)
    if random.random() < 0.15:
        v = (1 << k) - 1
    return -v if random.random() < 0.5 else v

long_cases = []
def add(op, a, b, c, fn):
    try:
        r = fn()
        res = repr(r)
    except Exception as ex:
        res = err(ex)
    long_cases.append((op, str(a), str(b) if b is not None else '', str(c) if c is not None else '', res))

for i in range(80):
    a, b = rnd(), rnd()
    add('+', a, b, None, lambda: a + b)
    add('-', a, b, None, lambda: a - b)
    add('*', a, b, None, lambda: a * b)
    add('//', a, b, None, lambda: a // b)
    add('%', a, b, None, lambda: a % b)
    add('divmod', a, b, None, lambda: divmod(a, b))
    add('/', a, b, None, lambda: a / b)
    add('&', a, b, None, lambda: a & b)
    add('|', a, b, None, lambda: a | b)
    add('^', a, b, None, lambda: a ^ b)
    s = random.randint(0, 200)
    add('<<', a, s, None, lambda: a << s)
    add('>>', a, s, None, lambda: a >> s)
    add('~', a, None, None, lambda: ~a)
    add('neg', a, None, None, lambda: -a)
    add('abs', a, None, None, lambda: abs(a))
    e = random.randint(0, 12)
    if abs(a) < 1 << 300:
        add('**', a, e, None, lambda: a ** e)
    m = rnd(300)
    add('pow3', a, e, m, lambda: pow(a, e, m))
    add('pow3', a, -e - 1, m, lambda: pow(a, -e - 1, m))
# Karatsuba-sized and division-heavy cases
for i in range(12):
    a = random.getrandbits(random.choice([2500, 4000, 6000])) * random.choice([1, -1])
    b = random.getrandbits(random.choice([2200, 3000, 6000])) * random.choice([1, -1])
    add('*', a, b, None, lambda: a * b)
    add('divmod', a * b + 12345, b, None, lambda: divmod(a * b + 12345, b))
for a, b in [(0, 5), (0, -5), (1, 0), (-7, 2), (7, -2), (-7, -2), (2**64, 2**32), (10**30, -7),
             (1, 3), (2**1100, 3), (3, 2**1100), (2**1024 - 2**970, 1), (2**1024 - 2**971, 1),
             (2**53 + 1, 1), (-(2**60) - 1, 2**7), (5, 0)]:
    add('/', a, b, None, lambda: a / b)
    add('//', a, b, None, lambda: a // b)
    add('%', a, b, None, lambda: a % b)
for a, e in [(2, -1), (-2, -3), (0, -1), (10, -2)]:
    add('**', a, e, None, lambda: a ** e)
for a, e, m in [(3, -1, 7), (2, -1, 4), (5, 0, 1), (5, 0, -7), (-3, 3, -7), (2, 10, 0), (7, 2, -1)]:
    add('pow3', a, e, m, lambda: pow(a, e, m))
for a in [1, -1, 5, -5]:
    add('<<', a, -1, None, lambda: a << -1)
    add('>>', a, -1, None, lambda: a >> -1)
    add('>>', a, 10**30, None, lambda: a >> 10**30)

# ---- float repr ----
float_bits = []
specials = [0.0, -0.0, 1.0, 0.1, 1e16, 1e15, 1234567890123456.0, 1e-5, 1e-4, 5e-324,
            1.7976931348623157e308, 2.0**-1022, float('inf'), -float('inf'), float('nan'),
            123.0, 1e22, 1e23, 0.3, 2/3, -1.5e-7, 2.0**-44, 2.0**60, 9007199254740993.0]
for v in specials:
    float_bits.append(v)
for i in range(300):
    b = random.getrandbits(64)
    float_bits.append(struct.unpack('<d', struct.pack('<Q', b))[0])
for i in range(150):
    float_bits.append(random.uniform(-1e6, 1e6))
    float_bits.append(round(random.uniform(-1000, 1000), random.randint(0, 5)))
def bits(v):
    return struct.unpack('<Q', struct.pack('<d', v))[0]
float_repr = [(bits(v), repr(v)) for v in float_bits]

# PyOS_double_to_string(code, precision, flags): flags 1 SIGN 2 ADD_DOT_0 4 ALT 8 NO_NEG_0
dts_specs = [('r', 0, 2, 'repr'), ('e', 3, 0, '.3e'), ('f', 2, 0, '.2f'), ('g', 6, 0, 'g'),
             ('g', 3, 2, '.3'), ('g', 6, 4, '#g'), ('E', 0, 4, '#.0E'), ('f', 0, 4, '#.0f'),
             ('f', 20, 0, '.20f'), ('e', 30, 1, '+.30e'), ('f', 3, 8, 'z.3f'), ('G', 12, 0, '.12G')]
dts = []
for v in float_bits[:60] + [float_bits[i] for i in range(60, len(float_bits), 7)]:
    code, prec, flags, spec = random.choice(dts_specs)
    dts.append((bits(v), code, prec, flags, repr(v) if spec == 'repr' else format(v, spec)))

# ---- float round ----
float_round = []
for i in range(150):
    v = random.choice([random.uniform(-1e3, 1e3), random.uniform(-1e20, 1e20), random.uniform(-1, 1),
                       round(random.uniform(-100, 100), 3), random.randint(-10**6, 10**6) + 0.5])
    n = random.randint(-8, 12)
    float_round.append((bits(v), n, repr(round(v, n))))
for v, n in [(2.675, 2), (0.5, 0), (1.5, 0), (2.5, 0), (-0.5, 0), (250.0, -2), (150.0, -2),
             (1e300, -299), (5e-324, 400), (1.7e308, -308), (123.456, -1000), (-123.456, -1000)]:
    try:
        r = repr(round(v, n))
    except Exception as ex:
        r = err(ex)
    float_round.append((bits(v), n, r))

# ---- format() ----
fmt_cases = []
def fadd(kind, val, spec):
    v = {'i': int, 'f': float, 'c': complex, 's': str}[kind](val)
    try:
        r = format(v, spec)
    except Exception as ex:
        r = err(ex)
    fmt_cases.append((kind, val, spec, r))
int_vals = ['0', '1', '-1', '255', '-255', '1234567', '-1234567', '65', '18446744073709551616',
            '-98765432109876543210']
int_specs = ['', 'd', 'x', 'X', '#x', '#X', 'o', '#o', 'b', '#b', '#010b', '010', '+d', ' d', '-d',
             ',', '_', '_x', '_b', ',d', '010,', '08,', '09,', '>10', '<10', '^10', '=10', '*^11',
             'c', 'n', 'e', '.2f', '%', 'g', '.3', 'z', ',c', '+c', '#c', 'xx', 's', ',x', '_o',
             '0=12,', 'x<8', '\u00e9>6', '10000000000000000000000', ',_', '_,', '#', '.', '=', '+#012_X']
for v in int_vals:
    for s in int_specs:
        fadd('i', v, s)
float_vals = ['0.0', '-0.0', '1.0', '1.5', '-2.5', '0.1', '123.456', '1e16', '1e-5', '1.5e300',
              '12345.678', '-1e-10', 'inf', '-inf', 'nan', '1e100', '0.0001', '100.0']
float_specs = ['', 'e', 'E', 'f', 'F', 'g', 'G', '%', 'n', '.3', '.0', '#', '#.0', '.2f', '10.3f',
               '<10', '^12', '=+10', '010', '010.2f', ',', ',.2f', '_g', 'z', 'z.2f', '+', ' ',
               '.3e', '#.3g', '.12g', '.1%', 'd', 's', '_n', '=+10.3%', '015,.3f', '#.0f', '.17g']
for v in float_vals:
    for s in float_specs:
        fadd('f', v, s)
complex_vals = ['1+2j', '-1.5-0.5j', '3j', '-0j', '1+0j', '(nan+infj)', '1e20+1e-20j', '0j']
complex_specs = ['', 'g', '.2f', '^20', '>20', '<20', '=20', '010', '0>10', '+', 'z', '#', '#10',
                 '.3e', ',.2f', 'd', 'n', '.3']
for v in complex_vals:
    for s in complex_specs:
        fadd('c', v, s)
str_vals = ['', 'ab', 'abc', 'h\u00e9llo', '\u20ac', 'x' * 12]
str_specs = ['', 's', '5', '<5', '>5', '^5', '^6', '*^7', '.2', '10.3', '\u20ac>4', '=5', '+',
             'z', '#', ',', '05', 'd', '.0', 'xs']
for v in str_vals:
    for s in str_specs:
        fadd('s', v, s)

with open(os.path.join(sys.argv[1], 'numbers_cases.h'), 'w') as f:
    f.write('/* numbers_cases.h: expected values from CPython %s for the numbers tests.\n'
            ' * Generated by Tools/numbers/gen_test_cases.py; do not edit. */\n' % sys.version.split()[0])
    f.write('typedef struct { const char *op, *a, *b, *c, *expected; } long_case;\n')
    f.write('static const long_case long_cases[] = {\n')
    for op, a, b, c, r in long_cases:
        f.write('    {%s, %s, %s, %s, %s},\n' % (cstr(op), cstr(a), cstr(b), cstr(c), cstr(r)))
    f.write('};\n')
    f.write('typedef struct { uint64_t bits; const char *repr; } float_repr_case;\n')
    f.write('static const float_repr_case float_repr_cases[] = {\n')
    for b, r in float_repr:
        f.write('    {0x%016xULL, %s},\n' % (b, cstr(r)))
    f.write('};\n')
    f.write('typedef struct { uint64_t bits; char code; int precision, flags; const char *expected; } dts_case;\n')
    f.write('static const dts_case dts_cases[] = {\n')
    for b, code, p, fl, r in dts:
        f.write("    {0x%016xULL, '%s', %d, %d, %s},\n" % (b, code, p, fl, cstr(r)))
    f.write('};\n')
    f.write('typedef struct { uint64_t bits; int ndigits; const char *expected; } round_case;\n')
    f.write('static const round_case round_cases[] = {\n')
    for b, n, r in float_round:
        f.write('    {0x%016xULL, %d, %s},\n' % (b, n, cstr(r)))
    f.write('};\n')
    f.write('typedef struct { char kind; const char *value, *spec, *expected; } format_case;\n')
    f.write('static const format_case format_cases[] = {\n')
    for k, v, s, r in fmt_cases:
        f.write("    {'%s', %s, %s, %s},\n" % (k, cstr(v), cstr(s), cstr(r)))
    f.write('};\n')
print(len(long_cases), len(float_repr), len(dts), len(float_round), len(fmt_cases))
