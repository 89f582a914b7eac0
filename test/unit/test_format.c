/* test_format.c: the format mini-language for int, float, complex and str
 * (about 1500 value/spec pairs with CPython's output or error message, see
 * numbers_cases.h), and the %-formatting helpers. */
#include "weft_test.h"
#include "pycore_format.h"
#include "numbers_cases.h"

TestSuite(format, .init = weft_setup);

static PyObject *
make_value(char kind, const char *text)
{
    PyObject *s = PyUnicode_FromString(text);
    cr_assert_not_null(s);
    PyObject *v = NULL;
    switch (kind) {
    case 'i':
        v = PyLong_FromUnicodeObject(s, 10);
        break;
    case 'f':
        v = PyFloat_FromString(s);
        break;
    case 'c': {
        PyObject *args = PyTuple_Pack(1, s);
        v = PyObject_Call((PyObject *)&PyComplex_Type, args, NULL);
        Py_DECREF(args);
        break;
    }
    default:
        Py_INCREF(s);
        v = s;
        break;
    }
    Py_DECREF(s);
    cr_assert_not_null(v, "cannot make %c %s", kind, text);
    return v;
}

static PyObject *
format_value(char kind, PyObject *v, PyObject *spec)
{
    switch (kind) {
    case 'i': return _PyLong_FormatSpec(v, spec);
    case 'f': return _PyFloat_FormatSpec(v, spec);
    case 'c': return _PyComplex_FormatSpec(v, spec);
    default: return _PyStr_FormatSpec(v, spec);
    }
}

Test(format, matches_cpython)
{
    for (size_t i = 0; i < Py_ARRAY_LENGTH(format_cases); i++) {
        const format_case *c = &format_cases[i];
        PyObject *v = make_value(c->kind, c->value);
        PyObject *spec = PyUnicode_FromString(c->spec);
        PyObject *r = format_value(c->kind, v, spec);
        const char *got;
        if (r == NULL) {
            const char *e = weft_error_utf8();
            size_t n = strlen(e) + 3;
            char *buf = malloc(n);
            snprintf(buf, n, "E:%s", e);
            got = weft__keep(buf);
        }
        else {
            Py_ssize_t len;
            const char *u = PyUnicode_AsUTF8AndSize(r, &len);
            cr_assert_not_null(u);
            got = weft__dup(u);
            Py_DECREF(r);
        }
        cr_assert_str_eq(got, c->expected, "format(%c %s, '%s')", c->kind, c->value, c->spec);
        Py_DECREF(v);
        Py_DECREF(spec);
    }
}

Test(format, through_dunder)
{
    PyObject *v = PyLong_FromLong(1234567);
    weft_assert_str(PyObject_CallMethod(v, "__format__", "s", ",d"), "1,234,567");
    Py_DECREF(v);
    v = PyFloat_FromDouble(0.25);
    weft_assert_str(PyObject_CallMethod(v, "__format__", "s", ".1%"), "25.0%");
    Py_DECREF(v);
    v = PyComplex_FromDoubles(1, -1);
    weft_assert_str(PyObject_CallMethod(v, "__format__", "s", "^12.1f"), "  1.0-1.0j  ");
    Py_DECREF(v);
}

Test(format, percent_helpers)
{
    weft_assert_str(_PyFloat_FormatPercent(3.14159, 0, 2, 'f'), "3.14");
    weft_assert_str(_PyFloat_FormatPercent(1e-5, Py_DTSF_SIGN, -1, 'g'), "+1e-05");
    weft_assert_str(_PyFloat_FormatPercent(2.0, Py_DTSF_ALT, 3, 'g'), "2.00");
    weft_assert_str(_PyFloat_FormatPercent(12345.0, 0, 2, 'E'), "1.23E+04");
    PyObject *big = PyLong_FromString("123456789012345678901234567890", NULL, 10);
    weft_assert_str(_PyLong_FormatPercent(big, 0, -1, 'd'), "123456789012345678901234567890");
    weft_assert_str(_PyLong_FormatPercent(big, 1, -1, 'X'), "0X18EE90FF6C373E0EE4E3F0AD2");
    Py_DECREF(big);
}
