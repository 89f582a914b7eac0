/* test_range.c: range objects, including bounds beyond 64 bits, slicing,
 * membership, index/count, reversed, repr, equality and hash (values from
 * CPython 3). */
#include "weft_test.h"

TestSuite(range, .init = weft_setup);

static PyObject *
rng(const char *fmt, ...)
{
    va_list va;
    va_start(va, fmt);
    PyObject *args = Py_VaBuildValue(fmt, va);
    va_end(va);
    cr_assert_not_null(args);
    PyObject *r = PyObject_Call((PyObject *)&PyRange_Type, args, NULL);
    Py_DECREF(args);
    return r;
}

static PyObject *
big(const char *digits)
{
    return PyLong_FromString(digits, NULL, 10);
}

Test(range, basics)
{
    PyObject *r = rng("(i)", 10);
    weft_assert_repr(r, "range(0, 10)");
    cr_assert_eq(PyObject_Size(r), 10);
    weft_assert_repr(rng("(iii)", 1, 3, 2), "range(1, 3, 2)");
    weft_assert_repr(PySequence_List(rng("(iii)", 10, 0, -3)), "[10, 7, 4, 1]");
    weft_assert_repr(PySequence_List(rng("(ii)", 5, 2)), "[]");
    weft_assert_repr(PySequence_GetItem(r, -1), "9");
    cr_assert_null(PySequence_GetItem(r, 10));
    weft_assert_error("IndexError: range object index out of range");
    cr_assert_null(rng("(iii)", 1, 2, 0));
    weft_assert_error("ValueError: range() arg 3 must not be zero");
    cr_assert_null(rng("()"));
    weft_assert_error("TypeError: range expected at least 1 argument, got 0");
    cr_assert_null(rng("(d)", 1.0));
    weft_assert_error("TypeError: 'float' object cannot be interpreted as an integer");
    cr_assert_null(PyObject_GetItem(r, Py_None));
    weft_assert_error("TypeError: range indices must be integers or slices, not NoneType");
}

Test(range, big_ints)
{
    PyObject *r = rng("(O)", big("100000000000000000000"));
    weft_assert_repr(r, "range(0, 100000000000000000000)");
    cr_assert_eq(PyObject_Size(r), -1);
    weft_assert_error("OverflowError: Python int too large to convert to C ssize_t");
    weft_assert_repr(PyObject_GetItem(r, big("99999999999999999999")), "99999999999999999999");
    weft_assert_repr(PyObject_GetItem(r, big("-1")), "99999999999999999999");
    cr_assert_eq(PySequence_Contains(r, big("12345678901234567890")), 1);
    PyObject *r2 = rng("(iOi)", -5, big("1180591620717411303424"), 3);
    weft_assert_repr(PyObject_GetItem(r2, PyLong_FromLong(-1)), "1180591620717411303421");
    PyObject *it = PyObject_GetIter(r);
    cr_assert_str_eq(Py_TYPE(it)->tp_name, "longrange_iterator");
    weft_assert_repr(PyIter_Next(it), "0");
    weft_assert_repr(PyIter_Next(it), "1");
    PyObject *r3 = rng("(iOO)", -3, big("18446744073709551616"), big("9223372036854775808"));
    PyObject *rev = PyObject_CallMethod(r3, "__reversed__", NULL);
    weft_assert_repr(PySequence_List(rev), "[18446744073709551613, 9223372036854775805, -3]");
}

Test(range, iterators)
{
    PyObject *it = PyObject_GetIter(rng("(iii)", 0, 10, 3));
    cr_assert_str_eq(Py_TYPE(it)->tp_name, "range_iterator");
    weft_assert_repr(PySequence_List(it), "[0, 3, 6, 9]");
    /* Bounds at the edge of C long still use the fast iterator correctly. */
    PyObject *r = rng("(OO)", big("9223372036854775805"), big("9223372036854775807"));
    weft_assert_repr(PySequence_List(r), "[9223372036854775805, 9223372036854775806]");
    PyObject *rev = PyObject_CallMethod(rng("(iii)", 1, 10, 4), "__reversed__", NULL);
    weft_assert_repr(PySequence_List(rev), "[9, 5, 1]");
    rev = PyObject_CallMethod(rng("(OOi)", big("-9223372036854775808"),
                                  big("9223372036854775807"), 1 << 30), "__reversed__", NULL);
    PyObject *first = PyIter_Next(rev);
    weft_assert_repr(first, "9223372035781033984");
}

Test(range, slicing)
{
    PyObject *r = rng("(iii)", 0, 10, 3);
    PyObject *s = PySlice_New(PyLong_FromLong(-1), PyLong_FromLong(-5), PyLong_FromLong(-2));
    weft_assert_repr(PyObject_GetItem(r, s), "range(9, -3, -6)");
    PyObject *r2 = rng("(i)", 10);
    s = PySlice_New(big("1267650600228229401496703205376"), NULL, NULL);
    weft_assert_repr(PyObject_GetItem(r2, s), "range(10, 10)");
    s = PySlice_New(PyLong_FromLong(2), PyLong_FromLong(8), PyLong_FromLong(2));
    weft_assert_repr(PyObject_GetItem(rng("(ii)", 100, 120), s), "range(102, 108, 2)");
    s = PySlice_New(NULL, NULL, PyLong_FromLong(0));
    cr_assert_null(PyObject_GetItem(r2, s));
    weft_assert_error("ValueError: slice step cannot be zero");
}

Test(range, search)
{
    PyObject *r = rng("(iii)", 1, 10, 3);
    weft_assert_repr(PyObject_CallMethod(r, "count", "i", 4), "1");
    weft_assert_repr(PyObject_CallMethod(r, "count", "i", 5), "0");
    weft_assert_repr(PyObject_CallMethod(r, "index", "i", 7), "2");
    cr_assert_null(PyObject_CallMethod(r, "index", "i", 5));
    weft_assert_error("ValueError: 5 is not in range");
    weft_assert_repr(PyObject_CallMethod(r, "index", "d", 4.0), "1");
    cr_assert_null(PyObject_CallMethod(r, "index", "d", 7.5));
    weft_assert_error("ValueError: sequence.index(x): x not in sequence");
    cr_assert_eq(PySequence_Contains(r, Py_True), 1);
    cr_assert_eq(PySequence_Contains(r, Py_None), 0);
}

Test(range, equality_and_hash)
{
    cr_assert_eq(PyObject_RichCompareBool(rng("(i)", 0), rng("(ii)", 5, 5), Py_EQ), 1);
    cr_assert_eq(PyObject_RichCompareBool(rng("(i)", 5), rng("(iii)", 0, 5, 1), Py_EQ), 1);
    cr_assert_eq(PyObject_RichCompareBool(rng("(iii)", 2, 3, 9), rng("(iii)", 2, 4, 7), Py_EQ), 1);
    cr_assert_eq(PyObject_RichCompareBool(rng("(i)", 3), rng("(i)", 4), Py_NE), 1);
    cr_assert_eq(PyObject_RichCompareBool(rng("(i)", 3), rng("(i)", 4), Py_LT), -1);
    weft_assert_error("TypeError: '<' not supported between instances of 'range' and 'range'");
    /* hash((len, start, step)), with None where a part cannot matter. */
    PyObject *t0 = Py_BuildValue("(iOO)", 0, Py_None, Py_None);
    cr_assert_eq(PyObject_Hash(rng("(ii)", 7, 3)), PyObject_Hash(t0));
    PyObject *t1 = Py_BuildValue("(iiO)", 1, 1, Py_None);
    cr_assert_eq(PyObject_Hash(rng("(iii)", 1, 2, 5)), PyObject_Hash(t1));
    cr_assert_eq(PyObject_Hash(rng("(i)", 5)), (Py_hash_t)5795932985296280846L);
    cr_assert_eq(PyObject_Hash(rng("(iii)", 1, 10, 3)), (Py_hash_t)-9160968616009628824L);
    cr_assert_eq(PyObject_IsTrue(rng("(i)", 0)), 0);
    cr_assert_eq(PyObject_IsTrue(rng("(i)", 1)), 1);
}
