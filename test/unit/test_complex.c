/* test_complex.c: complex repr, construction (numbers and strings),
 * arithmetic and its errors, comparison and hash; expected values from
 * CPython. */
#include "weft_test.h"
#include <math.h>

TestSuite(complex, .init = weft_setup);

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
C(double re, double im)
{
    return PyComplex_FromDoubles(re, im);
}

Test(complex, repr)
{
    struct { double re, im; const char *expected; } cases[] = {
        {1, 2, "(1+2j)"}, {-0.0, -1, "(-0-1j)"}, {NAN, INFINITY, "(nan+infj)"},
        {0, 1e16, "1e+16j"}, {1.5, 0, "(1.5+0j)"}, {-0.0, -0.0, "(-0-0j)"}, {0, 0, "0j"},
        {0, -2.5, "-2.5j"}, {1e-7, -1e300, "(1e-07-1e+300j)"},
    };
    for (size_t i = 0; i < Py_ARRAY_LENGTH(cases); i++) {
        PyObject *c = C(cases[i].re, cases[i].im);
        weft_assert_repr(c, cases[i].expected);
        Py_DECREF(c);
    }
}

Test(complex, from_string)
{
    struct { const char *s; const char *expected; } cases[] = {
        {"1+2j", "(1+2j)"}, {" ( 1-2.5e3J ) ", "(1-2500j)"}, {"-j", "-1j"}, {"j", "1j"},
        {"1_0j", "10j"}, {"1e500j", "infj"}, {"infj", "infj"}, {"-1.5", "(-1.5+0j)"},
        {"1+j", "(1+1j)"}, {"nan-nanj", "(nan+nanj)"},
        {"1+", "E:ValueError: complex() arg is a malformed string"},
        {"(1+2j", "E:ValueError: complex() arg is a malformed string"},
        {"", "E:ValueError: complex() arg is a malformed string"},
        {"j1", "E:ValueError: complex() arg is a malformed string"},
        {"1 +2j", "E:ValueError: complex() arg is a malformed string"},
        {"1__0j", "E:ValueError: could not convert string to complex: '1__0j'"},
    };
    for (size_t i = 0; i < Py_ARRAY_LENGTH(cases); i++) {
        PyObject *args = Py_BuildValue("(s)", cases[i].s);
        PyObject *r = PyObject_Call((PyObject *)&PyComplex_Type, args, NULL);
        cr_assert_str_eq(result_text(r), cases[i].expected, "complex(%s)", cases[i].s);
        Py_DECREF(args);
    }
}

Test(complex, constructor)
{
    struct { PyObject *args; const char *expected; } cases[] = {
        {Py_BuildValue("(NN)", C(1, 2), C(3, 4)), "(-3+5j)"},
        {Py_BuildValue("(id)", 1, -0.0), "(1-0j)"},
        {Py_BuildValue("(d)", -0.0), "(-0+0j)"},
        {Py_BuildValue("()"), "0j"},
        {Py_BuildValue("(si)", "1", 1), "E:TypeError: complex() can't take second arg if first is a string"},
        {Py_BuildValue("(is)", 1, "1"), "E:TypeError: complex() second arg can't be a string"},
        {Py_BuildValue("([])"), "E:TypeError: complex() first argument must be a string or a number, not 'list'"},
    };
    for (size_t i = 0; i < Py_ARRAY_LENGTH(cases); i++) {
        PyObject *r = PyObject_Call((PyObject *)&PyComplex_Type, cases[i].args, NULL);
        cr_assert_str_eq(result_text(r), cases[i].expected, "case %zu", i);
        Py_DECREF(cases[i].args);
    }
}

Test(complex, arithmetic)
{
    PyNumberMethods *nb = PyComplex_Type.tp_as_number;
    PyObject *a = C(1, 2), *b = C(3, -4), *j = C(0, 1), *zero = C(0, 0);
    cr_assert_str_eq(result_text(nb->nb_multiply(a, b)), "(11+2j)");
    cr_assert_str_eq(result_text(nb->nb_true_divide(a, b)), "(-0.2+0.4j)");
    cr_assert_str_eq(result_text(nb->nb_subtract(a, b)), "(-2+6j)");
    cr_assert_str_eq(result_text(nb->nb_true_divide(j, zero)),
                     "E:ZeroDivisionError: complex division by zero");
    PyObject *two = PyLong_FromLong(2), *m1 = PyLong_FromLong(-1), *half = PyFloat_FromDouble(0.5);
    cr_assert_str_eq(result_text(nb->nb_power(j, two, Py_None)), "(-1+0j)");
    cr_assert_str_eq(result_text(nb->nb_power(j, m1, Py_None)), "-1j");
    cr_assert_str_eq(result_text(nb->nb_power(zero, m1, Py_None)),
                     "E:ZeroDivisionError: 0.0 to a negative or complex power");
    cr_assert_str_eq(result_text(nb->nb_power(two, j, Py_None)),
                     "(0.7692389013639721+0.6389612763136348j)");
    cr_assert_str_eq(result_text(nb->nb_power(j, two, j)), "E:ValueError: complex modulo");
    PyObject *c = C(-1, 0);
    cr_assert_str_eq(result_text(nb->nb_power(c, half, Py_None)), "(6.123233995736766e-17+1j)");
    Py_DECREF(c);
    c = C(3, 4);
    cr_assert_str_eq(result_text(nb->nb_absolute(c)), "5.0");
    Py_DECREF(c);
    c = C(1e308, 1e308);
    cr_assert_str_eq(result_text(nb->nb_absolute(c)), "1.4142135623730951e+308");
    Py_DECREF(c);
    c = C(1.7e308, 1.7e308);
    cr_assert_str_eq(result_text(nb->nb_absolute(c)), "E:OverflowError: absolute value too large");
    Py_DECREF(c);
    cr_assert_str_eq(result_text(PyObject_CallMethod(a, "conjugate", NULL)), "(1-2j)");
    cr_assert_str_eq(result_text(PyObject_GetAttrString(a, "imag")), "2.0");
    Py_DECREF(a);
    Py_DECREF(b);
    Py_DECREF(j);
    Py_DECREF(zero);
    Py_DECREF(two);
    Py_DECREF(m1);
    Py_DECREF(half);
}

Test(complex, compare_and_hash)
{
    PyObject *a = C(3, 0), *b = C(1.5, 2);
    PyObject *three = PyLong_FromLong(3);
    cr_assert_eq(PyComplex_Type.tp_richcompare(a, three, Py_EQ), Py_True);
    cr_assert_eq(PyComplex_Type.tp_richcompare(b, three, Py_NE), Py_True);
    cr_assert_eq(PyComplex_Type.tp_richcompare(a, b, Py_LT), Py_NotImplemented);
    cr_assert_eq(PyObject_Hash(a), 3);
    cr_assert_eq(PyObject_Hash(b), 1152921504608846983);
    Py_DECREF(a);
    Py_DECREF(b);
    Py_DECREF(three);
}
