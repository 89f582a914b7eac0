/* test_iter.c: the generic iterators (sequence iterator, callable iterator)
 * and enumerate / reversed. */
#include "weft_test.h"

TestSuite(iter, .init = weft_setup);

static PyObject *
L(long v)
{
    return PyLong_FromLong(v);
}

Test(iter, seqiter_over_tuple)
{
    PyObject *t = PyTuple_Pack(3, L(1), L(2), L(3));
    PyObject *it = PySeqIter_New(t);
    cr_assert_str_eq(Py_TYPE(it)->tp_name, "iterator");
    weft_assert_repr(PyObject_CallMethod(it, "__length_hint__", NULL), "3");
    weft_assert_repr(PyIter_Next(it), "1");
    weft_assert_repr(PySequence_List(it), "[2, 3]");
    cr_assert_null(PyIter_Next(it));
    cr_assert_null(PyErr_Occurred());
    weft_assert_repr(PyObject_CallMethod(it, "__length_hint__", NULL), "0");
}

static long counter;
static PyObject *
count_up(PyObject *self, PyObject *unused)
{
    return PyLong_FromLong(counter++);
}
static PyMethodDef count_def = {"count_up", count_up, METH_NOARGS, NULL};

static PyObject *
raise_stop(PyObject *self, PyObject *unused)
{
    if (counter++ < 2) {
        return PyLong_FromLong(counter);
    }
    PyErr_SetNone(PyExc_StopIteration);
    return NULL;
}
static PyMethodDef stop_def = {"raise_stop", raise_stop, METH_NOARGS, NULL};

Test(iter, callable_iterator)
{
    counter = 0;
    PyObject *f = PyCFunction_New(&count_def, NULL);
    PyObject *it = PyCallIter_New(f, L(4));
    cr_assert_str_eq(Py_TYPE(it)->tp_name, "callable_iterator");
    weft_assert_repr(PySequence_List(it), "[0, 1, 2, 3]");
    cr_assert_null(PyIter_Next(it));
    cr_assert_null(PyErr_Occurred());
    cr_assert_eq(counter, 5);  /* not called again once exhausted */

    counter = 0;
    PyObject *g = PyCFunction_New(&stop_def, NULL);
    it = PyCallIter_New(g, Py_None);
    weft_assert_repr(PySequence_List(it), "[1, 2]");
}

Test(iter, enumerate)
{
    PyObject *l = Py_BuildValue("[sss]", "a", "b", "c");
    PyObject *e = PyObject_CallFunction((PyObject *)&PyEnum_Type, "Oi", l, 5);
    weft_assert_repr(PySequence_List(e), "[(5, 'a'), (6, 'b'), (7, 'c')]");
    PyObject *big = PyLong_FromString("9223372036854775806", NULL, 10);
    e = PyObject_CallFunction((PyObject *)&PyEnum_Type, "OO", l, big);
    weft_assert_repr(PySequence_List(e),
                     "[(9223372036854775806, 'a'), (9223372036854775807, 'b'), "
                     "(9223372036854775808, 'c')]");
    PyObject *kw = Py_BuildValue("{sO}", "start", L(-2));
    PyObject *args = PyTuple_Pack(1, l);
    e = PyObject_Call((PyObject *)&PyEnum_Type, args, kw);
    weft_assert_repr(PySequence_List(e), "[(-2, 'a'), (-1, 'b'), (0, 'c')]");
    cr_assert_null(PyObject_CallFunction((PyObject *)&PyEnum_Type, "()"));
    weft_assert_error("TypeError: enumerate() missing required argument 'iterable'");
    cr_assert_null(PyObject_CallFunction((PyObject *)&PyEnum_Type, "(i)", 1));
    weft_assert_error("TypeError: 'int' object is not iterable");
    cr_assert_null(PyObject_CallFunction((PyObject *)&PyEnum_Type, "(Os)", l, "x"));
    weft_assert_error("TypeError: 'str' object cannot be interpreted as an integer");
}

Test(iter, reversed)
{
    PyObject *t = PyTuple_Pack(3, L(1), L(2), L(3));
    PyObject *r = PyObject_CallOneArg((PyObject *)&PyReversed_Type, t);
    cr_assert_str_eq(Py_TYPE(r)->tp_name, "reversed");
    weft_assert_repr(PyObject_CallMethod(r, "__length_hint__", NULL), "3");
    weft_assert_repr(PySequence_List(r), "[3, 2, 1]");
    PyObject *l = Py_BuildValue("[iii]", 1, 2, 3);
    r = PyObject_CallOneArg((PyObject *)&PyReversed_Type, l);
    cr_assert_str_eq(Py_TYPE(r)->tp_name, "list_reverseiterator");
    weft_assert_repr(PySequence_List(r), "[3, 2, 1]");
    PyObject *rg = PyObject_CallFunction((PyObject *)&PyRange_Type, "i", 4);
    r = PyObject_CallOneArg((PyObject *)&PyReversed_Type, rg);
    weft_assert_repr(PySequence_List(r), "[3, 2, 1, 0]");
    cr_assert_null(PyObject_CallOneArg((PyObject *)&PyReversed_Type, L(1)));
    weft_assert_error("TypeError: 'int' object is not reversible");
    PyObject *s = PySet_New(NULL);
    cr_assert_null(PyObject_CallOneArg((PyObject *)&PyReversed_Type, s));
    weft_assert_error("TypeError: 'set' object is not reversible");
}
