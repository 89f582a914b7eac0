/* test_getargs.c: PyArg_ParseTuple / ParseTupleAndKeywords / UnpackTuple
 * and Py_BuildValue, including CPython's error messages. */
#include "weft_test.h"

TestSuite(getargs, .init = weft_setup);

Test(getargs, parse_tuple_basic_codes)
{
    PyObject *args = Py_BuildValue("(isdO)", 42, "hi", 2.5, Py_None);
    int i = 0;
    const char *s = NULL;
    double d = 0;
    PyObject *o = NULL;
    cr_assert(PyArg_ParseTuple(args, "isdO", &i, &s, &d, &o));
    cr_assert_eq(i, 42);
    cr_assert_str_eq(s, "hi");
    cr_assert_float_eq(d, 2.5, 1e-12);
    cr_assert_eq(o, Py_None);
    Py_ssize_t n;
    const char *buf;
    PyObject *a2 = Py_BuildValue("(s#n)", "ab\0c", (Py_ssize_t)4, (Py_ssize_t)7);
    cr_assert(PyArg_ParseTuple(a2, "s#n", &buf, &n, &n));
    cr_assert_eq(n, 7);
}

Test(getargs, optional_and_counts)
{
    PyObject *args = Py_BuildValue("(i)", 1);
    int a = 0, b = 99;
    cr_assert(PyArg_ParseTuple(args, "i|i:f", &a, &b));
    cr_assert_eq(a, 1);
    cr_assert_eq(b, 99);
    PyObject *three = Py_BuildValue("(iii)", 1, 2, 3);
    cr_assert(!PyArg_ParseTuple(three, "i|i:f", &a, &b));
    weft_assert_error("TypeError: f() takes at most 2 arguments (3 given)");
    PyObject *none = PyTuple_New(0);
    cr_assert(!PyArg_ParseTuple(none, "ii:g", &a, &b));
    weft_assert_error("TypeError: g() takes exactly 2 arguments (0 given)");
    cr_assert(!PyArg_ParseTuple(none, "ii", &a, &b));
    weft_assert_error("TypeError: function takes exactly 2 arguments (0 given)");
}

Test(getargs, type_errors)
{
    PyObject *args = Py_BuildValue("(s)", "x");
    int i;
    cr_assert(!PyArg_ParseTuple(args, "i:f", &i));
    weft_assert_error("TypeError: f() argument 1 must be int, not str");
    PyObject *fl = Py_BuildValue("(d)", 1.5);
    cr_assert(!PyArg_ParseTuple(fl, "i:f", &i));
    weft_assert_error("TypeError: 'float' object cannot be interpreted as an integer");
    PyObject *big = Py_BuildValue("(L)", (long long)1 << 40);
    cr_assert(!PyArg_ParseTuple(big, "i", &i));
    weft_assert_error("OverflowError: signed integer is greater than maximum");
    const char *s;
    PyObject *num = Py_BuildValue("(i)", 3);
    cr_assert(!PyArg_ParseTuple(num, "s:g", &s));
    weft_assert_error("TypeError: g() argument 1 must be str, not int");
    PyObject *o;
    cr_assert(!PyArg_ParseTuple(num, "O!:h", &PyUnicode_Type, &o));
    weft_assert_error("TypeError: h() argument 1 must be str, not int");
    PyObject *nul = Py_BuildValue("(s#)", "a\0b", (Py_ssize_t)3);
    cr_assert(!PyArg_ParseTuple(nul, "s", &s));
    weft_assert_error("ValueError: embedded null character");
}

Test(getargs, keywords)
{
    static char *kwlist[] = {"a", "b", "c", NULL};
    int a = 0, b = 0, c = 7;
    PyObject *args = Py_BuildValue("(i)", 1);
    PyObject *kw = Py_BuildValue("{si}", "b", 2);
    cr_assert(PyArg_ParseTupleAndKeywords(args, kw, "ii|$i:f", kwlist, &a, &b, &c),
              "%s", weft_error_utf8());
    cr_assert_eq(a, 1);
    cr_assert_eq(b, 2);
    cr_assert_eq(c, 7);
    PyObject *bad = Py_BuildValue("{si}", "z", 2);
    cr_assert(!PyArg_ParseTupleAndKeywords(args, bad, "i|ii:f", kwlist, &a, &b, &c));
    weft_assert_error("TypeError: f() got an unexpected keyword argument 'z'");
    PyObject *dup = Py_BuildValue("{si}", "a", 2);
    cr_assert(!PyArg_ParseTupleAndKeywords(args, dup, "i|ii:f", kwlist, &a, &b, &c));
    weft_assert_error("TypeError: argument for f() given by name ('a') and position (1)");
    PyObject *empty = PyTuple_New(0);
    cr_assert(!PyArg_ParseTupleAndKeywords(empty, NULL, "ii|i:f", kwlist, &a, &b, &c));
    weft_assert_error("TypeError: f() missing required argument 'a' (pos 1)");
    PyObject *two = Py_BuildValue("(ii)", 1, 2);
    cr_assert(!PyArg_ParseTupleAndKeywords(two, NULL, "i|$ii:f", kwlist, &a, &b, &c));
    weft_assert_error("TypeError: f() takes exactly 1 positional argument (2 given)");
}

Test(getargs, unpack_tuple)
{
    PyObject *a = NULL, *b = NULL;
    PyObject *args = Py_BuildValue("(i)", 1);
    cr_assert(PyArg_UnpackTuple(args, "f", 1, 2, &a, &b));
    weft_assert_repr(a, "1");
    cr_assert_null(b);
    PyObject *none = PyTuple_New(0);
    cr_assert(!PyArg_UnpackTuple(none, "f", 1, 2, &a, &b));
    weft_assert_error("TypeError: f expected at least 1 argument, got 0");
    PyObject *three = Py_BuildValue("(iii)", 1, 2, 3);
    cr_assert(!PyArg_UnpackTuple(three, "f", 1, 2, &a, &b));
    weft_assert_error("TypeError: f expected at most 2 arguments, got 3");
}

Test(getargs, build_value)
{
    weft_assert_repr(Py_BuildValue(""), "None");
    weft_assert_repr(Py_BuildValue("i", 5), "5");
    weft_assert_repr(Py_BuildValue("ii", 5, 6), "(5, 6)");
    weft_assert_repr(Py_BuildValue("(i)", 5), "(5,)");
    weft_assert_repr(Py_BuildValue("[i,s]", 1, "x"), "[1, 'x']");
    weft_assert_repr(Py_BuildValue("{s:i,s:(ii)}", "a", 1, "b", 2, 3), "{'a': 1, 'b': (2, 3)}");
    weft_assert_repr(Py_BuildValue("y#", "ab", (Py_ssize_t)2), "b'ab'");
    weft_assert_repr(Py_BuildValue("z", NULL), "None");
    weft_assert_repr(Py_BuildValue("d", 0.5), "0.5");
    weft_assert_repr(Py_BuildValue("C", 0x20ac), "'\xe2\x82\xac'");
    PyObject *o = PyLong_FromLong(9);
    weft_assert_repr(Py_BuildValue("N", o), "9");
}

Test(getargs, modules)
{
    PyObject *m = PyModule_New("spam");
    weft_assert_repr(m, "<module 'spam' (built-in)>");
    cr_assert_eq(PyModule_AddIntConstant(m, "ANSWER", 42), 0);
    cr_assert_eq(PyModule_AddStringConstant(m, "NAME", "eggs"), 0);
    weft_assert_repr(PyObject_GetAttrString(m, "ANSWER"), "42");
    weft_assert_repr(PyObject_GetAttrString(m, "__name__"), "'spam'");
    cr_assert_null(PyObject_GetAttrString(m, "nope"));
    weft_assert_error("AttributeError: module 'spam' has no attribute 'nope'");
}
