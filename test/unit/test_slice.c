/* test_slice.c: slice objects and the index helpers (PySlice_Unpack,
 * PySlice_AdjustIndices, PySlice_GetIndicesEx, slice.indices), with values
 * from CPython 3. */
#include "weft_test.h"

TestSuite(slice, .init = weft_setup);

static PyObject *
L(long v)
{
    return PyLong_FromLong(v);
}

Test(slice, repr_compare_hash)
{
    PyObject *s = PySlice_New(L(1), L(2), NULL);
    weft_assert_repr(s, "slice(1, 2, None)");
    PyObject *t = PySlice_New(L(1), L(3), NULL);
    cr_assert_eq(PyObject_RichCompareBool(s, t, Py_LT), 1);
    PyObject *u = PySlice_New(L(1), L(2), Py_None);
    cr_assert_eq(PyObject_RichCompareBool(s, u, Py_EQ), 1);
    /* Hashable since 3.12, like the tuple of its fields. */
    PyObject *tup = PyTuple_Pack(3, L(1), L(2), Py_None);
    cr_assert_eq(PyObject_Hash(s), PyObject_Hash(tup));
    weft_assert_repr(PyObject_GetAttrString(s, "stop"), "2");
    weft_assert_repr(PyObject_GetAttrString(s, "step"), "None");
}

Test(slice, constructor)
{
    PyObject *args = PyTuple_Pack(1, L(5));
    weft_assert_repr(PyObject_Call((PyObject *)&PySlice_Type, args, NULL), "slice(None, 5, None)");
    args = PyTuple_New(0);
    cr_assert_null(PyObject_Call((PyObject *)&PySlice_Type, args, NULL));
    weft_assert_error("TypeError: slice expected at least 1 argument, got 0");
    args = PyTuple_Pack(4, L(1), L(2), L(3), L(4));
    cr_assert_null(PyObject_Call((PyObject *)&PySlice_Type, args, NULL));
    weft_assert_error("TypeError: slice expected at most 3 arguments, got 4");
}

Test(slice, unpack_and_adjust)
{
    Py_ssize_t start, stop, step, len;
    PyObject *s = PySlice_New(NULL, NULL, L(-1));
    cr_assert_eq(PySlice_Unpack(s, &start, &stop, &step), 0);
    cr_assert_eq(start, PY_SSIZE_T_MAX);
    cr_assert_eq(stop, PY_SSIZE_T_MIN);
    cr_assert_eq(step, -1);
    len = PySlice_AdjustIndices(10, &start, &stop, step);
    cr_assert_eq(start, 9);
    cr_assert_eq(stop, -1);
    cr_assert_eq(len, 10);

    s = PySlice_New(L(-3), PyLong_FromString("100000000000000000000000", NULL, 10), L(2));
    cr_assert_eq(PySlice_GetIndicesEx(s, 10, &start, &stop, &step, &len), 0);
    cr_assert_eq(start, 7);
    cr_assert_eq(stop, 10);
    cr_assert_eq(step, 2);
    cr_assert_eq(len, 2);

    s = PySlice_New(L(8), L(1), L(-3));
    cr_assert_eq(PySlice_GetIndicesEx(s, 5, &start, &stop, &step, &len), 0);
    cr_assert_eq(start, 4);
    cr_assert_eq(stop, 1);
    cr_assert_eq(len, 1);

    s = PySlice_New(NULL, NULL, L(0));
    cr_assert_eq(PySlice_Unpack(s, &start, &stop, &step), -1);
    weft_assert_error("ValueError: slice step cannot be zero");
    s = PySlice_New(Py_True, PyFloat_FromDouble(1.5), NULL);
    cr_assert_eq(PySlice_Unpack(s, &start, &stop, &step), -1);
    weft_assert_error("TypeError: slice indices must be integers or None or have an __index__ method");
}

Test(slice, indices_method)
{
    PyObject *s = PySlice_New(L(-100), L(5), L(-1));
    weft_assert_repr(PyObject_CallMethod(s, "indices", "i", 10), "(-1, 5, -1)");
    s = PySlice_New(NULL, NULL, NULL);
    weft_assert_repr(PyObject_CallMethod(s, "indices", "O",
                                         PyLong_FromString("100000000000000000000", NULL, 10)),
                     "(0, 100000000000000000000, 1)");
    s = PySlice_New(L(-3), NULL, L(-2));
    weft_assert_repr(PyObject_CallMethod(s, "indices", "i", 7), "(4, -1, -2)");
    cr_assert_null(PyObject_CallMethod(s, "indices", "i", -1));
    weft_assert_error("ValueError: length should not be negative");
}
