/* test_structseq.c: struct sequences (Objects/structseq.c). */
#include "weft_test.h"

TestSuite(structseq, .init = weft_setup);

static PyStructSequence_Field fields[] = {
    {"major", NULL}, {"minor", NULL}, {"extra", NULL}, {NULL, NULL}
};
static PyStructSequence_Desc desc = {"mod.pair", NULL, fields, 2};
static PyTypeObject PairType;

static PyObject *
make(long a, long b, long c)
{
    PyObject *o = PyStructSequence_New(&PairType);
    PyStructSequence_SetItem(o, 0, PyLong_FromLong(a));
    PyStructSequence_SetItem(o, 1, PyLong_FromLong(b));
    PyStructSequence_SetItem(o, 2, PyLong_FromLong(c));
    return o;
}

Test(structseq, repr_len_attrs)
{
    cr_assert_eq(PyStructSequence_InitType2(&PairType, &desc), 0);
    PyObject *o = make(3, 13, 7);
    cr_assert_str_eq(weft_repr_utf8(o), "mod.pair(major=3, minor=13)");
    cr_assert_eq(PyObject_Size(o), 2);
    PyObject *x = PyObject_GetAttrString(o, "extra");
    cr_assert_str_eq(weft_repr_utf8(x), "7");
    PyObject *t = PyTuple_Pack(2, PyStructSequence_GetItem(o, 0), PyStructSequence_GetItem(o, 1));
    cr_assert_eq(PyObject_RichCompareBool(o, t, Py_EQ), 1);
    PyObject *m = PyObject_GetAttrString(o, "major");
    cr_assert_str_eq(weft_repr_utf8(m), "3");
    cr_assert_null(PyObject_GetAttrString((PyObject *)&PairType, "nope"));
    PyErr_Clear();
    PyObject *tn = PyObject_GetAttrString((PyObject *)&PairType, "__name__");
    cr_assert_str_eq(weft_repr_utf8(tn), "'pair'");
    Py_DECREF(o);
}

Test(structseq, constructor)
{
    cr_assert_eq(PyStructSequence_InitType2(&PairType, &desc), 0);
    PyObject *seq = Py_BuildValue("((ii))", 1, 2);
    PyObject *o = PyObject_Call((PyObject *)&PairType, seq, NULL);
    cr_assert_not_null(o);
    cr_assert_str_eq(weft_repr_utf8(o), "mod.pair(major=1, minor=2)");
    PyObject *x = PyObject_GetAttrString(o, "extra");
    cr_assert_eq(x, Py_None);
    PyObject *bad = Py_BuildValue("((i))", 1);
    cr_assert_null(PyObject_Call((PyObject *)&PairType, bad, NULL));
    cr_assert_str_eq(weft_error_utf8(),
                     "TypeError: mod.pair() takes an at least 2-sequence (1-sequence given)");
}
