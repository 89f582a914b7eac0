/* test_long.c: the int type through the C API: arithmetic on big numbers
 * checked against CPython's results (numbers_cases.h), conversions, text
 * in and out with every error message, hashing, bytes, methods. */
#include "weft_test.h"
#include "pycore_long.h"
#include "pycore_format.h"
#include <float.h>
#include <math.h>
#include "numbers_cases.h"

TestSuite(long, .init = weft_setup);

static PyObject *
L(const char *s)
{
    PyObject *v = PyLong_FromString(s, NULL, 10);
    cr_assert_not_null(v, "cannot parse %s", s);
    return v;
}

/* repr of a result, or "E:Type: message" */
static const char *
result_text(PyObject *r)
{
    if (r == NULL) {
        const char *e = weft_error_utf8();
        size_t n = strlen(e) + 3;
        char *buf = malloc(n);
        snprintf(buf, n, "E:%s", e);
        return weft__keep(buf);
    }
    const char *s = weft_repr_utf8(r);
    Py_DECREF(r);
    return s;
}

static PyObject *
apply_op(const long_case *c)
{
    PyNumberMethods *nb = PyLong_Type.tp_as_number;
    PyObject *a = L(c->a);
    PyObject *b = c->b[0] ? L(c->b) : NULL;
    PyObject *m = c->c[0] ? L(c->c) : NULL;
    PyObject *r = NULL;
    const char *op = c->op;
    if (!strcmp(op, "+")) r = nb->nb_add(a, b);
    else if (!strcmp(op, "-")) r = nb->nb_subtract(a, b);
    else if (!strcmp(op, "*")) r = nb->nb_multiply(a, b);
    else if (!strcmp(op, "//")) r = nb->nb_floor_divide(a, b);
    else if (!strcmp(op, "%")) r = nb->nb_remainder(a, b);
    else if (!strcmp(op, "divmod")) r = nb->nb_divmod(a, b);
    else if (!strcmp(op, "/")) r = nb->nb_true_divide(a, b);
    else if (!strcmp(op, "&")) r = nb->nb_and(a, b);
    else if (!strcmp(op, "|")) r = nb->nb_or(a, b);
    else if (!strcmp(op, "^")) r = nb->nb_xor(a, b);
    else if (!strcmp(op, "<<")) r = nb->nb_lshift(a, b);
    else if (!strcmp(op, ">>")) r = nb->nb_rshift(a, b);
    else if (!strcmp(op, "~")) r = nb->nb_invert(a);
    else if (!strcmp(op, "neg")) r = nb->nb_negative(a);
    else if (!strcmp(op, "abs")) r = nb->nb_absolute(a);
    else if (!strcmp(op, "**")) r = nb->nb_power(a, b, Py_None);
    else if (!strcmp(op, "pow3")) r = nb->nb_power(a, b, m);
    else cr_assert_fail("unknown op %s", op);
    Py_DECREF(a);
    Py_XDECREF(b);
    Py_XDECREF(m);
    return r;
}

Test(long, arithmetic_matches_cpython)
{
    for (size_t i = 0; i < Py_ARRAY_LENGTH(long_cases); i++) {
        const long_case *c = &long_cases[i];
        const char *got = result_text(apply_op(c));
        cr_assert_str_eq(got, c->expected, "case %zu: %s %s %s %s", i, c->a, c->op, c->b, c->c);
    }
}

Test(long, small_ints_are_shared_and_immortal)
{
    PyObject *a = PyLong_FromLong(256), *b = PyLong_FromLong(256);
    cr_assert_eq(a, b);
    cr_assert(_Py_IsImmortal(a));
    PyObject *c = PyLong_FromLong(-5), *d = PyLong_FromSsize_t(-5);
    cr_assert_eq(c, d);
    PyObject *e = PyLong_FromLong(257), *f = PyLong_FromLong(257);
    cr_assert_neq(e, f);
    Py_DECREF(e);
    Py_DECREF(f);
    /* results of arithmetic come back as the cached objects */
    PyObject *x = PyLong_FromLong(100000), *y = PyLong_FromLong(99999);
    PyObject *z = PyLong_Type.tp_as_number->nb_subtract(x, y);
    cr_assert_eq(z, PyLong_FromLong(1));
    Py_DECREF(x);
    Py_DECREF(y);
}

Test(long, c_conversions)
{
    PyObject *v = PyLong_FromLongLong(LLONG_MIN);
    weft_assert_repr(v, "-9223372036854775808");
    cr_assert_eq(PyLong_AsLongLong(v), LLONG_MIN);
    cr_assert_eq(PyLong_AsLong(v), LONG_MIN);
    Py_DECREF(v);
    v = PyLong_FromUnsignedLongLong(ULLONG_MAX);
    weft_assert_repr(v, "18446744073709551615");
    cr_assert_eq(PyLong_AsUnsignedLongLong(v), ULLONG_MAX);
    cr_assert_eq(PyLong_AsLong(v), -1);
    weft_assert_error("OverflowError: Python int too large to convert to C long");
    int overflow;
    cr_assert_eq(PyLong_AsLongAndOverflow(v, &overflow), -1);
    cr_assert_eq(overflow, 1);
    weft_assert_no_error();
    cr_assert_eq(PyLong_AsSsize_t(v), -1);
    weft_assert_error("OverflowError: Python int too large to convert to C ssize_t");
    Py_DECREF(v);

    v = L("-1");
    cr_assert_eq(PyLong_AsUnsignedLong(v), (unsigned long)-1);
    weft_assert_error("OverflowError: can't convert negative value to unsigned int");
    cr_assert_eq(PyLong_AsUnsignedLongMask(v), ULONG_MAX);
    v = L("-18446744073709551617");   /* -(2**64 + 1) */
    cr_assert_eq(PyLong_AsLongAndOverflow(v, &overflow), -1);
    cr_assert_eq(overflow, -1);
    cr_assert_eq(PyLong_AsUnsignedLongLongMask(v), ULLONG_MAX);
    Py_DECREF(v);

    cr_assert_eq(PyLong_AsInt(L("2147483647")), INT_MAX);
    cr_assert_eq(PyLong_AsInt(L("2147483648")), -1);
    weft_assert_error("OverflowError: Python int too large to convert to C int");
}

Test(long, doubles)
{
    /* int -> float rounds half to even */
    cr_assert_eq(PyLong_AsDouble(L("9007199254740993")), 9007199254740992.0);
    cr_assert_eq(PyLong_AsDouble(L("9007199254740995")), 9007199254740996.0);
    cr_assert_eq(PyLong_AsDouble(L("-9007199254740993")), -9007199254740992.0);
    PyObject *big = _PyLong_Lshift(L("1"), 1024);
    cr_assert_eq(PyLong_AsDouble(big), -1.0);
    weft_assert_error("OverflowError: int too large to convert to float");
    Py_DECREF(big);
    /* float -> int truncates */
    weft_assert_repr(PyLong_FromDouble(-3.99), "-3");
    weft_assert_repr(PyLong_FromDouble(1e20), "100000000000000000000");
    weft_assert_repr(PyLong_FromDouble(-1.5e300),
                     "-1500000000000000078757140382806630373056702871662238732373781173267703686983362293679557062620671796065556665749325817265413784853040645863467188277180060474272580801389863705606745350692182135089053429852456199917621678558451461320111979114170213741868888183230085264257173504208294580298189100810240");
    cr_assert_null(PyLong_FromDouble(INFINITY));
    weft_assert_error("OverflowError: cannot convert float infinity to integer");
    cr_assert_null(PyLong_FromDouble(NAN));
    weft_assert_error("ValueError: cannot convert float NaN to integer");
    Py_ssize_t e;
    double m = _PyLong_Frexp((PyLongObject *)L("-12"), &e);
    cr_assert_eq(m, -0.75);
    cr_assert_eq(e, 4);
    cr_assert_eq(_PyLong_NumBits(L("-255")), 8);
    cr_assert_eq(_PyLong_NumBits(L("0")), 0);
}

Test(long, parsing)
{
    struct { const char *s; int base; const char *expected; } ok[] = {
        {"  -1_000 ", 10, "-1000"}, {"0x_1f", 0, "31"}, {"0_0", 0, "0"}, {"0b101", 0, "5"},
        {"0o17", 8, "15"}, {"ZZ", 36, "1295"}, {"\t+7\n", 10, "7"}, {"0X1F", 16, "31"},
        {"1" "000000000000000000000000000000", 10, "1000000000000000000000000000000"},
    };
    for (size_t i = 0; i < Py_ARRAY_LENGTH(ok); i++) {
        PyObject *v = PyLong_FromString(ok[i].s, NULL, ok[i].base);
        weft_assert_repr(v, ok[i].expected);
        Py_XDECREF(v);
    }
    struct { const char *s; int base; const char *err; } bad[] = {
        {"abc", 10, "ValueError: invalid literal for int() with base 10: 'abc'"},
        {"010", 0, "ValueError: invalid literal for int() with base 0: '010'"},
        {"1__0", 10, "ValueError: invalid literal for int() with base 10: '1__0'"},
        {"_1", 10, "ValueError: invalid literal for int() with base 10: '_1'"},
        {"1_", 10, "ValueError: invalid literal for int() with base 10: '1_'"},
        {"", 10, "ValueError: invalid literal for int() with base 10: ''"},
        {"0x", 16, "ValueError: invalid literal for int() with base 16: '0x'"},
        {"12", 1, "ValueError: int() base must be >= 2 and <= 36, or 0"},
        {"12", 37, "ValueError: int() base must be >= 2 and <= 36, or 0"},
    };
    for (size_t i = 0; i < Py_ARRAY_LENGTH(bad); i++) {
        cr_assert_null(PyLong_FromString(bad[i].s, NULL, bad[i].base));
        weft_assert_error(bad[i].err);
    }
    /* non-ASCII digits and spaces in str */
    PyObject *u = PyUnicode_FromString("\xd9\xa1\xd9\xa2");   /* Arabic-Indic 1 2 */
    weft_assert_repr(PyLong_FromUnicodeObject(u, 10), "12");
    Py_DECREF(u);
    u = PyUnicode_FromString("x\xc3\xa9");
    cr_assert_null(PyLong_FromUnicodeObject(u, 10));
    weft_assert_error("ValueError: invalid literal for int() with base 10: 'x\xc3\xa9'");
    Py_DECREF(u);
}

Test(long, str_digit_limit)
{
    char *s = malloc(5001);
    memset(s, '1', 5000);
    s[5000] = '\0';
    cr_assert_null(PyLong_FromString(s, NULL, 10));
    weft_assert_error("ValueError: Exceeds the limit (4300 digits) for integer string conversion: "
                      "value has 5000 digits; use sys.set_int_max_str_digits() to increase the limit");
    /* power-of-two bases are not limited */
    PyObject *v = PyLong_FromString(s, NULL, 16);
    cr_assert_not_null(v);
    cr_assert_null(PyObject_Repr(v));
    weft_assert_error("ValueError: Exceeds the limit (4300 digits) for integer string conversion; "
                      "use sys.set_int_max_str_digits() to increase the limit");
    PyObject *h = _PyLong_Format(v, 16);
    cr_assert_not_null(h);
    cr_assert_eq(PyUnicode_GET_LENGTH(h), 5002);
    Py_DECREF(h);
    cr_assert_eq(_PyLong_SetMaxStrDigits(5), -1);
    weft_assert_error("ValueError: maxdigits must be 0 or larger than 640");
    cr_assert_eq(_PyLong_SetMaxStrDigits(0), 0);
    PyObject *w = PyLong_FromString(s, NULL, 10);
    cr_assert_not_null(w);
    const char *r = weft_repr_utf8(w);
    cr_assert_str_eq(r, s);
    cr_assert_eq(_PyLong_SetMaxStrDigits(4300), 0);
    Py_DECREF(v);
    Py_DECREF(w);
    free(s);
}

Test(long, formats)
{
    PyObject *v = L("-255");
    weft_assert_str(_PyLong_Format(v, 16), "-0xff");
    weft_assert_str(_PyLong_Format(v, 8), "-0o377");
    weft_assert_str(_PyLong_Format(v, 2), "-0b11111111");
    weft_assert_str(_PyLong_Format(v, 10), "-255");
    weft_assert_str(_PyLong_FormatPercent(v, 1, 5, 'x'), "-0x000ff");
    weft_assert_str(_PyLong_FormatPercent(v, 0, -1, 'X'), "-FF");
    weft_assert_str(_PyLong_FormatPercent(v, 1, -1, 'o'), "-0o377");
    weft_assert_str(_PyLong_FormatPercent(v, 0, 6, 'd'), "-000255");
    Py_DECREF(v);
}

Test(long, hash)
{
    struct { const char *v; Py_hash_t h; } cases[] = {
        {"-1", -2}, {"0", 0}, {"1", 1}, {"2305843009213693951", 0},
        {"2305843009213693952", 1}, {"-2305843009213693953", -2},
        {"123456789012345678901234567890", 248789772095949448},
    };
    for (size_t i = 0; i < Py_ARRAY_LENGTH(cases); i++) {
        PyObject *v = L(cases[i].v);
        cr_assert_eq(PyLong_Type.tp_hash(v), cases[i].h, "hash(%s)", cases[i].v);
        Py_DECREF(v);
    }
}

Test(long, compare)
{
    PyObject *a = L("-100000000000000000000"), *b = L("99");
    PyObject *r = PyLong_Type.tp_richcompare(a, b, Py_LT);
    cr_assert_eq(r, Py_True);
    r = PyLong_Type.tp_richcompare(a, b, Py_GE);
    cr_assert_eq(r, Py_False);
    r = PyLong_Type.tp_richcompare(a, a, Py_EQ);
    cr_assert_eq(r, Py_True);
    cr_assert_eq(_PyLong_CompareWithDouble(b, 99.5), -1);
    cr_assert_eq(_PyLong_CompareWithDouble(b, 98.5), 1);
    cr_assert_eq(_PyLong_CompareWithDouble(b, 99.0), 0);
    PyObject *c = L("9007199254740993");
    cr_assert_eq(_PyLong_CompareWithDouble(c, 9007199254740992.0), 1);
    cr_assert_eq(_PyLong_CompareWithDouble(a, -INFINITY), 1);
    Py_DECREF(a);
    Py_DECREF(b);
    Py_DECREF(c);
}

Test(long, byte_arrays)
{
    unsigned char buf[4];
    PyObject *v = L("-129");
    cr_assert_eq(_PyLong_AsByteArray((PyLongObject *)v, buf, 2, 0, 1, 1), 0);
    cr_assert(buf[0] == 0xff && buf[1] == 0x7f);
    cr_assert_eq(_PyLong_AsByteArray((PyLongObject *)v, buf, 1, 0, 1, 1), -1);
    weft_assert_error("OverflowError: int too big to convert");
    cr_assert_eq(_PyLong_AsByteArray((PyLongObject *)v, buf, 2, 0, 0, 1), -1);
    weft_assert_error("OverflowError: can't convert negative int to unsigned");
    cr_assert_eq(_PyLong_AsByteArray((PyLongObject *)v, buf, 2, 0, 1, 1), 0);
    weft_assert_repr(_PyLong_FromByteArray(buf, 2, 0, 1), "-129");
    weft_assert_repr(_PyLong_FromByteArray(buf, 2, 1, 0), "32767");
    unsigned char le[3] = {0x01, 0x00, 0x80};
    weft_assert_repr(_PyLong_FromByteArray(le, 3, 1, 1), "-8388607");
    weft_assert_repr(_PyLong_FromByteArray(le, 3, 0, 0), "65664");
    Py_DECREF(v);
}

Test(long, helpers)
{
    weft_assert_repr(_PyLong_GCD(L("-12"), L("18")), "6");
    weft_assert_repr(_PyLong_GCD(L("0"), L("-7")), "7");
    weft_assert_repr(_PyLong_GCD(L("123456789012345678901234567890"), L("987654321098765432109876543210")),
                     "9000000000900000000090");
    weft_assert_repr(_PyLong_DivmodNear(L("25"), L("10")), "(2, 5)");
    weft_assert_repr(_PyLong_DivmodNear(L("35"), L("10")), "(4, -5)");
    weft_assert_repr(_PyLong_DivmodNear(L("-26"), L("10")), "(-3, 4)");
    cr_assert_eq(_PyLong_Sign(L("-3")), -1);
    cr_assert(_PyLong_IsZero((PyLongObject *)L("0")));
}

static PyObject *
call_method(PyObject *obj, const char *name, PyObject *args, PyObject *kwargs)
{
    PyObject *m = PyObject_GetAttrString(obj, name);
    if (m == NULL) {
        return NULL;
    }
    PyObject *r = PyObject_Call(m, args, kwargs);
    Py_DECREF(m);
    return r;
}

Test(long, methods)
{
    PyObject *empty = PyTuple_New(0);
    PyObject *v = L("-1000000000000000000000");
    weft_assert_repr(call_method(v, "bit_length", empty, NULL), "70");
    weft_assert_repr(call_method(v, "bit_count", empty, NULL), "29");
    weft_assert_repr(call_method(v, "as_integer_ratio", empty, NULL), "(-1000000000000000000000, 1)");
    weft_assert_repr(call_method(v, "is_integer", empty, NULL), "True");
    weft_assert_repr(PyObject_GetAttrString(v, "denominator"), "1");
    weft_assert_repr(PyObject_GetAttrString(v, "imag"), "0");
    PyObject *args = Py_BuildValue("(i)", -3);
    weft_assert_repr(call_method(L("1234567"), "__round__", args, NULL), "1235000");
    Py_DECREF(args);
    args = Py_BuildValue("(i)", -1);
    weft_assert_repr(call_method(L("25"), "__round__", args, NULL), "20");
    weft_assert_repr(call_method(L("-35"), "__round__", args, NULL), "-40");
    Py_DECREF(args);

    args = Py_BuildValue("(is)", 4, "little");
    PyObject *kw = Py_BuildValue("{s:O}", "signed", Py_True);
    PyObject *b = call_method(L("-2"), "to_bytes", args, kw);
    weft_assert_repr(b, "b'\\xfe\\xff\\xff\\xff'");
    Py_DECREF(args);
    args = Py_BuildValue("(Os)", b, "little");
    weft_assert_repr(call_method((PyObject *)&PyLong_Type, "from_bytes", args, kw), "-2");
    Py_DECREF(args);
    Py_DECREF(kw);
    weft_assert_repr(call_method(L("255"), "to_bytes", empty, NULL), "b'\\xff'");
    cr_assert_null(call_method(L("256"), "to_bytes", empty, NULL));
    weft_assert_error("OverflowError: int too big to convert");
    args = Py_BuildValue("(is)", 1, "middle");
    cr_assert_null(call_method(L("1"), "to_bytes", args, NULL));
    weft_assert_error("ValueError: byteorder must be either 'little' or 'big'");
    Py_DECREF(args);
    Py_DECREF(empty);
    Py_DECREF(v);
}

Test(long, constructor)
{
    struct { PyObject *args; const char *expected; } cases[] = {
        {Py_BuildValue("()"), "0"},
        {Py_BuildValue("(s)", " -12_3 "), "-123"},
        {Py_BuildValue("(si)", "ff", 16), "255"},
        {Py_BuildValue("(si)", "0b11", 0), "3"},
        {Py_BuildValue("(d)", -3.9), "-3"},
        {Py_BuildValue("(d)", 1e19), "10000000000000000000"},
        {Py_BuildValue("(y)", "42"), "42"},
        {Py_BuildValue("(s)", "abc"), "E:ValueError: invalid literal for int() with base 10: 'abc'"},
        {Py_BuildValue("(y)", "4x"), "E:ValueError: invalid literal for int() with base 10: b'4x'"},
        {Py_BuildValue("(di)", 1.5, 10), "E:TypeError: int() can't convert non-string with explicit base"},
        {Py_BuildValue("(si)", "1", 99), "E:ValueError: int() base must be >= 2 and <= 36, or 0"},
        {Py_BuildValue("(d)", INFINITY), "E:OverflowError: cannot convert float infinity to integer"},
        {Py_BuildValue("(d)", NAN), "E:ValueError: cannot convert float NaN to integer"},
    };
    for (size_t i = 0; i < Py_ARRAY_LENGTH(cases); i++) {
        PyObject *r = PyObject_Call((PyObject *)&PyLong_Type, cases[i].args, NULL);
        cr_assert_str_eq(result_text(r), cases[i].expected, "case %zu", i);
        Py_DECREF(cases[i].args);
    }
}

Test(long, big_decimal_round_trip)
{
    /* beyond the divide-and-conquer cutoff of the decimal conversion */
    cr_assert_eq(_PyLong_SetMaxStrDigits(0), 0);
    size_t n = 30000;
    unsigned char *bytes = malloc(n);
    uint64_t x = 0x9E3779B97F4A7C15ULL;
    for (size_t i = 0; i < n; i++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        bytes[i] = (unsigned char)x;
    }
    PyObject *v = _PyLong_FromByteArray(bytes, n, 1, 1);
    free(bytes);
    PyObject *s = PyObject_Repr(v);
    cr_assert_not_null(s);
    Py_ssize_t len;
    const char *text = PyUnicode_AsUTF8AndSize(s, &len);
    cr_assert_gt(len, 70000);
    PyObject *back = PyLong_FromString(text, NULL, 10);
    cr_assert_not_null(back);
    cr_assert_eq(PyLong_Type.tp_richcompare(v, back, Py_EQ), Py_True);
    /* 10**20000 - 1 is twenty thousand nines */
    PyObject *ten = PyLong_FromLong(10), *e = PyLong_FromLong(20000), *one = PyLong_FromLong(1);
    PyObject *p = PyLong_Type.tp_as_number->nb_power(ten, e, Py_None);
    PyObject *m = PyLong_Type.tp_as_number->nb_subtract(p, one);
    PyObject *ms = PyObject_Repr(m);
    const char *mt = PyUnicode_AsUTF8AndSize(ms, &len);
    cr_assert_eq(len, 20000);
    cr_assert_eq(strspn(mt, "9"), 20000);
    Py_DECREF(ms);
    Py_DECREF(m);
    Py_DECREF(p);
    Py_DECREF(s);
    Py_DECREF(back);
    Py_DECREF(v);
    cr_assert_eq(_PyLong_SetMaxStrDigits(4300), 0);
}
