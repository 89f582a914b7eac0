/* test_tuple.c: tuple creation, the empty singleton, indexing and slicing,
 * comparison, hashing, concatenation/repetition, count/index, repr. */
#include "weft_test.h"

TestSuite(tuple, .init = weft_setup);

Test(tuple, empty_is_singleton)
{
    PyObject *a = PyTuple_New(0), *b = PyTuple_New(0);
    cr_assert_eq(a, b);
    weft_assert_repr(a, "()");
    PyObject *c = PyObject_CallNoArgs((PyObject *)&PyTuple_Type);
    cr_assert_eq(c, a);
    Py_DECREF(a);
    Py_DECREF(b);
    Py_DECREF(c);
}

Test(tuple, repr_forms)
{
    PyObject *one = Py_BuildValue("(i)", 1);
    weft_assert_repr(one, "(1,)");
    PyObject *t = Py_BuildValue("(isO)", 1, "a", Py_None);
    weft_assert_repr(t, "(1, 'a', None)");
    PyObject *nested = Py_BuildValue("((ii)())", 1, 2);
    weft_assert_repr(nested, "((1, 2), ())");
}

Test(tuple, item_access_and_errors)
{
    PyObject *t = Py_BuildValue("(iii)", 10, 20, 30);
    cr_assert_eq(PyTuple_Size(t), 3);
    weft_assert_repr(PyTuple_GetItem(t, 1), "20");
    cr_assert_null(PyTuple_GetItem(t, 3));
    weft_assert_error("IndexError: tuple index out of range");
    PyObject *m1 = PyLong_FromLong(-1);
    weft_assert_repr(PyObject_GetItem(t, m1), "30");
    PyObject *s = PyUnicode_FromString("x");
    cr_assert_null(PyObject_GetItem(t, s));
    weft_assert_error("TypeError: tuple indices must be integers or slices, not str");
    cr_assert_eq(PyObject_SetItem(t, m1, m1), -1);
    weft_assert_error("TypeError: 'tuple' object does not support item assignment");
}

Test(tuple, slicing)
{
    PyObject *t = Py_BuildValue("(iiiii)", 0, 1, 2, 3, 4);
    weft_assert_repr(PyTuple_GetSlice(t, 1, 3), "(1, 2)");
    weft_assert_repr(PySequence_GetSlice(t, -2, 100), "(3, 4)");
    PyObject *sl = PySlice_New(NULL, NULL, PyLong_FromLong(-2));
    weft_assert_repr(PyObject_GetItem(t, sl), "(4, 2, 0)");
    cr_assert_eq(PyTuple_GetSlice(t, 0, 5), t);
}

Test(tuple, compare_hash_concat_repeat)
{
    PyObject *a = Py_BuildValue("(ii)", 1, 2), *b = Py_BuildValue("(ii)", 1, 3);
    PyObject *c = Py_BuildValue("(ii)", 1, 2);
    cr_assert_eq(PyObject_RichCompareBool(a, b, Py_LT), 1);
    cr_assert_eq(PyObject_RichCompareBool(a, c, Py_EQ), 1);
    cr_assert_eq(PyObject_Hash(a), PyObject_Hash(c));
    PyObject *short1 = Py_BuildValue("(i)", 1);
    cr_assert_eq(PyObject_RichCompareBool(short1, a, Py_LT), 1);
    weft_assert_repr(PySequence_Concat(a, b), "(1, 2, 1, 3)");
    weft_assert_repr(PySequence_Repeat(a, 2), "(1, 2, 1, 2)");
    weft_assert_repr(PySequence_Repeat(a, -1), "()");
    PyObject *l = PyList_New(0);
    cr_assert_null(PySequence_Concat(a, l));
    weft_assert_error("TypeError: can only concatenate tuple (not \"list\") to tuple");
    PyObject *unh = Py_BuildValue("(O)", l);
    cr_assert_eq(PyObject_Hash(unh), -1);
    weft_assert_error("TypeError: unhashable type: 'list'");
}

Test(tuple, count_index_contains)
{
    PyObject *t = Py_BuildValue("(iiii)", 1, 2, 1, 3);
    weft_assert_repr(PyObject_CallMethod(t, "count", "i", 1), "2");
    weft_assert_repr(PyObject_CallMethod(t, "index", "i", 3), "3");
    weft_assert_repr(PyObject_CallMethod(t, "index", "iii", 1, 1, 4), "2");
    cr_assert_null(PyObject_CallMethod(t, "index", "i", 9));
    weft_assert_error("ValueError: tuple.index(x): x not in tuple");
    PyObject *two = PyLong_FromLong(2), *nine = PyLong_FromLong(9);
    cr_assert_eq(PySequence_Contains(t, two), 1);
    cr_assert_eq(PySequence_Contains(t, nine), 0);
}

Test(tuple, from_iterable_and_iteration)
{
    PyObject *d = Py_BuildValue("{sisi}", "a", 1, "b", 2);
    PyObject *t = PySequence_Tuple(d);
    weft_assert_repr(t, "('a', 'b')");
    PyObject *it = PyObject_GetIter(t);
    weft_assert_repr((PyObject *)Py_TYPE(it), "<class 'tuple_iterator'>");
    PyObject *x = PyIter_Next(it);
    weft_assert_repr(x, "'a'");
    Py_DECREF(x);
    x = PyIter_Next(it);
    Py_DECREF(x);
    cr_assert_null(PyIter_Next(it));
    weft_assert_no_error();
}

Test(tuple, resize)
{
    PyObject *t = PyTuple_New(2);
    PyTuple_SET_ITEM(t, 0, PyLong_FromLong(1));
    PyTuple_SET_ITEM(t, 1, PyLong_FromLong(2));
    cr_assert_eq(_PyTuple_Resize(&t, 3), 0);
    PyTuple_SET_ITEM(t, 2, PyLong_FromLong(3));
    weft_assert_repr(t, "(1, 2, 3)");
    cr_assert_eq(_PyTuple_Resize(&t, 1), 0);
    weft_assert_repr(t, "(1,)");
}
