/* test_float.c: float repr (shortest round trip, checked on random bit
 * patterns against CPython), PyOS_double_to_string, parsing, round(),
 * arithmetic rules and errors, exact comparison with ints, hex. */
#include "weft_test.h"
#include "pycore_long.h"
#include <math.h>
#include "numbers_cases.h"

TestSuite(float, .init = weft_setup);

static double
from_bits(uint64_t b)
{
    double d;
    memcpy(&d, &b, sizeof d);
    return d;
}

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

Test(float, repr_matches_cpython)
{
    for (size_t i = 0; i < Py_ARRAY_LENGTH(float_repr_cases); i++) {
        PyObject *f = PyFloat_FromDouble(from_bits(float_repr_cases[i].bits));
        cr_assert_str_eq(weft_repr_utf8(f), float_repr_cases[i].repr, "bits %016llx",
                         (unsigned long long)float_repr_cases[i].bits);
        Py_DECREF(f);
    }
}

Test(float, repr_round_trips)
{
    /* a pseudo-random walk over bit patterns: repr must read back exactly */
    uint64_t x = 88172645463325252ULL;
    for (int i = 0; i < 20000; i++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        double d = from_bits(x);
        if (!isfinite(d)) {
            continue;
        }
        char *s = PyOS_double_to_string(d, 'r', 0, 0, NULL);
        cr_assert_not_null(s);
        double back = PyOS_string_to_double(s, NULL, NULL);
        cr_assert(back == d, "%s does not read back", s);
        PyMem_Free(s);
    }
}

Test(float, double_to_string_matches_cpython)
{
    for (size_t i = 0; i < Py_ARRAY_LENGTH(dts_cases); i++) {
        const dts_case *c = &dts_cases[i];
        char *s = PyOS_double_to_string(from_bits(c->bits), c->code, c->precision, c->flags, NULL);
        cr_assert_not_null(s);
        cr_assert_str_eq(s, c->expected, "case %zu code %c prec %d flags %d", i, c->code,
                         c->precision, c->flags);
        PyMem_Free(s);
    }
    int type;
    char *s = PyOS_double_to_string(-NAN, 'r', 0, Py_DTSF_SIGN, &type);
    cr_assert_str_eq(s, "+nan");
    cr_assert_eq(type, Py_DTST_NAN);
    PyMem_Free(s);
    s = PyOS_double_to_string(1e300, 'f', 0, 0, &type);
    cr_assert_eq(strlen(s), 301);
    cr_assert_eq(type, Py_DTST_FINITE);
    PyMem_Free(s);
    s = PyOS_double_to_string(0.1, 'f', 60, 0, NULL);
    cr_assert_str_eq(s, "0.100000000000000005551115123125782702118158340454101562500000");
    PyMem_Free(s);
}

Test(float, string_to_double)
{
    char *end;
    cr_assert_eq(PyOS_string_to_double("1e500", NULL, NULL), INFINITY);
    cr_assert_eq(PyOS_string_to_double("-1e500", NULL, NULL), -INFINITY);
    cr_assert_eq(PyOS_string_to_double("1e500", NULL, PyExc_OverflowError), -1.0);
    weft_assert_error("OverflowError: value too large to convert to float: '1e500'");
    cr_assert_eq(PyOS_string_to_double("2.5xyz", &end, NULL), 2.5);
    cr_assert_str_eq(end, "xyz");
    cr_assert_eq(PyOS_string_to_double("0x10", NULL, NULL), -1.0);
    weft_assert_error("ValueError: could not convert string to float: '0x10'");
    cr_assert(isinf(PyOS_string_to_double("-Infinity", NULL, NULL)));
    double n = PyOS_string_to_double("-nan", NULL, NULL);
    cr_assert(isnan(n) && signbit(n));
    cr_assert_eq(PyOS_string_to_double("2.2250738585072011e-308", NULL, NULL), 2.2250738585072009e-308);
    cr_assert_eq(PyOS_string_to_double("4.9e-325", NULL, NULL), 0.0);
    cr_assert_eq(PyOS_string_to_double("2.4703282292062328e-324", NULL, NULL), 5e-324);
}

Test(float, from_string)
{
    struct { const char *s; const char *expected; } cases[] = {
        {"  1_0.5 ", "10.5"}, {"inf", "inf"}, {"-iNfInItY", "-inf"}, {"-nan", "nan"},
        {"1e500", "inf"}, {".5", "0.5"}, {"5.", "5.0"}, {"+1E-3", "0.001"},
        {"\xd9\xa1.5", "1.5"},
        {"", "E:ValueError: could not convert string to float: ''"},
        {" 1__0", "E:ValueError: could not convert string to float: ' 1__0'"},
        {"1_", "E:ValueError: could not convert string to float: '1_'"},
        {"nan(1)", "E:ValueError: could not convert string to float: 'nan(1)'"},
        {"0x10", "E:ValueError: could not convert string to float: '0x10'"},
        {"1e", "E:ValueError: could not convert string to float: '1e'"},
        {"x", "E:ValueError: could not convert string to float: 'x'"},
    };
    for (size_t i = 0; i < Py_ARRAY_LENGTH(cases); i++) {
        PyObject *u = PyUnicode_FromString(cases[i].s);
        cr_assert_str_eq(result_text(PyFloat_FromString(u)), cases[i].expected, "case %zu", i);
        Py_DECREF(u);
    }
    PyObject *b = PyBytes_FromString("1x");
    cr_assert_str_eq(result_text(PyFloat_FromString(b)),
                     "E:ValueError: could not convert string to float: b'1x'");
    Py_DECREF(b);
}

Test(float, round_matches_cpython)
{
    for (size_t i = 0; i < Py_ARRAY_LENGTH(round_cases); i++) {
        const round_case *c = &round_cases[i];
        PyObject *f = PyFloat_FromDouble(from_bits(c->bits));
        PyObject *r = PyObject_CallMethod(f, "__round__", "i", c->ndigits);
        cr_assert_str_eq(result_text(r), c->expected, "case %zu: round(%s, %d)", i,
                         weft_repr_utf8(f), c->ndigits);
        Py_DECREF(f);
    }
    PyObject *f = PyFloat_FromDouble(2.5);
    weft_assert_repr(PyObject_CallMethod(f, "__round__", NULL), "2");
    Py_DECREF(f);
    f = PyFloat_FromDouble(-3.5);
    weft_assert_repr(PyObject_CallMethod(f, "__round__", NULL), "-4");
    Py_DECREF(f);
    f = PyFloat_FromDouble(INFINITY);
    cr_assert_null(PyObject_CallMethod(f, "__round__", NULL));
    weft_assert_error("OverflowError: cannot convert float infinity to integer");
    Py_DECREF(f);
}

static const char *
binop(binaryfunc fn, double a, double b)
{
    PyObject *x = PyFloat_FromDouble(a), *y = PyFloat_FromDouble(b);
    const char *r = result_text(fn(x, y));
    Py_DECREF(x);
    Py_DECREF(y);
    return r;
}

Test(float, arithmetic)
{
    PyNumberMethods *nb = PyFloat_Type.tp_as_number;
    cr_assert_str_eq(binop(nb->nb_remainder, -7.0, 2.0), "1.0");
    cr_assert_str_eq(binop(nb->nb_remainder, 7.0, -2.0), "-1.0");
    cr_assert_str_eq(binop(nb->nb_remainder, -0.0, 2.0), "0.0");
    cr_assert_str_eq(binop(nb->nb_remainder, 6.0, -2.0), "-0.0");
    cr_assert_str_eq(binop(nb->nb_floor_divide, -7.0, 2.0), "-4.0");
    cr_assert_str_eq(binop(nb->nb_floor_divide, 1.0, -1e300), "-1.0");
    cr_assert_str_eq(binop(nb->nb_divmod, -7.5, 2.0), "(-4.0, 0.5)");
    cr_assert_str_eq(binop(nb->nb_true_divide, 1.0, 0.0), "E:ZeroDivisionError: float division by zero");
    cr_assert_str_eq(binop(nb->nb_floor_divide, 1.0, 0.0),
                     "E:ZeroDivisionError: float floor division by zero");
    cr_assert_str_eq(binop(nb->nb_remainder, 1.0, 0.0), "E:ZeroDivisionError: float modulo by zero");
    cr_assert_str_eq(binop(nb->nb_divmod, 1.0, 0.0), "E:ZeroDivisionError: float divmod()");
    cr_assert_str_eq(binop(nb->nb_multiply, 1e308, 10.0), "inf");

    PyObject *x = PyFloat_FromDouble(0.0), *y = PyFloat_FromDouble(-1.0);
    cr_assert_str_eq(result_text(nb->nb_power(x, y, Py_None)),
                     "E:ZeroDivisionError: 0.0 cannot be raised to a negative power");
    Py_DECREF(x);
    x = PyFloat_FromDouble(10.0);
    PyObject *z = PyFloat_FromDouble(400.0);
    cr_assert_str_eq(result_text(nb->nb_power(x, z, Py_None)),
                     "E:OverflowError: (34, 'Numerical result out of range')");
    cr_assert_str_eq(result_text(nb->nb_power(x, y, x)),
                     "E:TypeError: pow() 3rd argument not allowed unless all arguments are integers");
    Py_DECREF(x);
    Py_DECREF(z);
    x = PyFloat_FromDouble(-8.0);
    z = PyFloat_FromDouble(1.0 / 3.0);
    cr_assert_str_eq(result_text(nb->nb_power(x, z, Py_None)),
                     "(1.0000000000000002+1.7320508075688772j)");
    Py_DECREF(z);
    z = PyFloat_FromDouble(INFINITY);
    cr_assert_str_eq(result_text(nb->nb_power(y, z, Py_None)), "1.0");
    Py_DECREF(x);
    Py_DECREF(y);
    Py_DECREF(z);
    /* mixed with ints */
    x = PyFloat_FromDouble(0.5);
    PyObject *i = PyLong_FromLong(3);
    cr_assert_str_eq(result_text(nb->nb_add(i, x)), "3.5");
    cr_assert_str_eq(result_text(nb->nb_true_divide(i, x)), "6.0");
    Py_DECREF(i);
    Py_DECREF(x);
}

Test(float, compare_with_ints)
{
    PyObject *f = PyFloat_FromDouble(9007199254740992.0);
    PyObject *i = PyLong_FromString("9007199254740993", NULL, 10);
    cr_assert_eq(PyFloat_Type.tp_richcompare(f, i, Py_LT), Py_True);
    cr_assert_eq(PyFloat_Type.tp_richcompare(f, i, Py_EQ), Py_False);
    Py_DECREF(i);
    i = PyLong_FromString("9007199254740992", NULL, 10);
    cr_assert_eq(PyFloat_Type.tp_richcompare(f, i, Py_EQ), Py_True);
    Py_DECREF(f);
    f = PyFloat_FromDouble(NAN);
    cr_assert_eq(PyFloat_Type.tp_richcompare(f, i, Py_NE), Py_True);
    cr_assert_eq(PyFloat_Type.tp_richcompare(f, i, Py_LE), Py_False);
    Py_DECREF(f);
    f = PyFloat_FromDouble(1e300);
    PyObject *big = _PyLong_Lshift(i, 2000);
    cr_assert_eq(PyFloat_Type.tp_richcompare(f, big, Py_LT), Py_True);
    Py_DECREF(f);
    f = PyFloat_FromDouble(INFINITY);
    cr_assert_eq(PyFloat_Type.tp_richcompare(f, big, Py_GT), Py_True);
    Py_DECREF(f);
    f = PyFloat_FromDouble(-0.5);
    PyObject *zero = PyLong_FromLong(0);
    cr_assert_eq(PyFloat_Type.tp_richcompare(f, zero, Py_LT), Py_True);
    Py_DECREF(f);
    Py_DECREF(big);
    Py_DECREF(i);
}

Test(float, hash)
{
    PyObject *f = PyFloat_FromDouble(-1.0);
    cr_assert_eq(PyObject_Hash(f), -2);
    Py_DECREF(f);
    f = PyFloat_FromDouble(1e100);
    PyObject *i = PyLong_FromDouble(1e100);
    cr_assert_eq(PyObject_Hash(f), PyObject_Hash(i));
    Py_DECREF(f);
    Py_DECREF(i);
    f = PyFloat_FromDouble(1.5);
    cr_assert_eq(PyObject_Hash(f), 1152921504606846977);
    Py_DECREF(f);
}

Test(float, methods)
{
    PyObject *f = PyFloat_FromDouble(-0.1);
    weft_assert_repr(PyObject_CallMethod(f, "as_integer_ratio", NULL),
                     "(-3602879701896397, 36028797018963968)");
    weft_assert_repr(PyObject_CallMethod(f, "hex", NULL), "'-0x1.999999999999ap-4'");
    weft_assert_repr(PyObject_CallMethod(f, "is_integer", NULL), "False");
    weft_assert_repr(PyObject_CallMethod(f, "__floor__", NULL), "-1");
    weft_assert_repr(PyObject_CallMethod(f, "__ceil__", NULL), "0");
    weft_assert_repr(PyObject_CallMethod(f, "__trunc__", NULL), "0");
    Py_DECREF(f);
    f = PyFloat_FromDouble(5e-324);
    weft_assert_repr(PyObject_CallMethod(f, "hex", NULL), "'0x0.0000000000001p-1022'");
    Py_DECREF(f);
    f = PyFloat_FromDouble(-0.0);
    weft_assert_repr(PyObject_CallMethod(f, "hex", NULL), "'-0x0.0p+0'");
    Py_DECREF(f);
    f = PyFloat_FromDouble(INFINITY);
    cr_assert_null(PyObject_CallMethod(f, "as_integer_ratio", NULL));
    weft_assert_error("OverflowError: cannot convert Infinity to integer ratio");
    Py_DECREF(f);
    struct { const char *s; const char *expected; } hex[] = {
        {"0x1.8p1", "3.0"}, {"-0X1P-1074", "-5e-324"}, {"  0x.8  ", "0.5"}, {"1p4", "16.0"},
        {"inf", "inf"}, {"0x1.fffffffffffff8p1023",
         "E:OverflowError: hexadecimal value too large to represent as a float"},
        {"0x1p5000", "E:OverflowError: hexadecimal value too large to represent as a float"},
        {"0x1p-5000", "0.0"}, {"0x1.00000000000008p0", "1.0"}, {"0x1.00000000000018p0", "1.0000000000000004"},
        {"zz", "E:ValueError: invalid hexadecimal floating-point string"},
        {"0x", "E:ValueError: invalid hexadecimal floating-point string"},
    };
    for (size_t k = 0; k < Py_ARRAY_LENGTH(hex); k++) {
        PyObject *r = PyObject_CallMethod((PyObject *)&PyFloat_Type, "fromhex", "s", hex[k].s);
        cr_assert_str_eq(result_text(r), hex[k].expected, "fromhex(%s)", hex[k].s);
    }
    weft_assert_repr(PyObject_CallMethod((PyObject *)&PyFloat_Type, "fromhex", "s", "0x1.0000000000001p-1022"),
                     "2.225073858507202e-308");
}

Test(float, constructor)
{
    PyObject *args = Py_BuildValue("(s)", " 1.5e3 ");
    weft_assert_repr(PyObject_Call((PyObject *)&PyFloat_Type, args, NULL), "1500.0");
    Py_DECREF(args);
    args = Py_BuildValue("(i)", 7);
    weft_assert_repr(PyObject_Call((PyObject *)&PyFloat_Type, args, NULL), "7.0");
    Py_DECREF(args);
    args = PyTuple_New(0);
    weft_assert_repr(PyObject_Call((PyObject *)&PyFloat_Type, args, NULL), "0.0");
    Py_DECREF(args);
    args = Py_BuildValue("([])");
    cr_assert_null(PyObject_Call((PyObject *)&PyFloat_Type, args, NULL));
    weft_assert_error("TypeError: float() argument must be a string or a real number, not 'list'");
    Py_DECREF(args);
    cr_assert_eq(PyFloat_AsDouble(PyLong_FromLong(3)), 3.0);
}
