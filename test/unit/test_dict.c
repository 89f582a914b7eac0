/* test_dict.c: dict: insertion order, lookup/deletion, growth, views and
 * their set operations, iteration with size changes, merge/update,
 * fromkeys, |, keys whose __eq__ mutates the dict, and (free-threaded
 * build) many threads inserting into one dict without losing entries. */
#include "weft_test.h"
#include "thread_helpers.h"

TestSuite(dict, .init = weft_setup);

Test(dict, insertion_order_and_repr)
{
    PyObject *d = PyDict_New();
    weft_assert_repr(d, "{}");
    for (int i = 9; i >= 0; i--) {
        PyObject *k = PyLong_FromLong(i), *v = PyLong_FromLong(i * i);
        cr_assert_eq(PyDict_SetItem(d, k, v), 0);
        Py_DECREF(k);
        Py_DECREF(v);
    }
    cr_assert_eq(PyDict_Size(d), 10);
    weft_assert_repr(d, "{9: 81, 8: 64, 7: 49, 6: 36, 5: 25, 4: 16, 3: 9, 2: 4, 1: 1, 0: 0}");
    PyObject *k5 = PyLong_FromLong(5);
    cr_assert_eq(PyDict_DelItem(d, k5), 0);
    cr_assert_eq(PyDict_DelItem(d, k5), -1);
    weft_assert_error("KeyError: 5");
    PyObject *v = PyLong_FromLong(-1);
    PyDict_SetItem(d, k5, v);
    weft_assert_repr(PyDict_Keys(d), "[9, 8, 7, 6, 4, 3, 2, 1, 0, 5]");
}

Test(dict, many_items_survive_growth)
{
    PyObject *d = PyDict_New();
    for (long i = 0; i < 5000; i++) {
        PyObject *k = PyUnicode_FromFormat("key%ld", i), *v = PyLong_FromLong(i);
        cr_assert_eq(PyDict_SetItem(d, k, v), 0);
        Py_DECREF(k);
        Py_DECREF(v);
    }
    for (long i = 0; i < 5000; i += 2) {
        PyObject *k = PyUnicode_FromFormat("key%ld", i);
        cr_assert_eq(PyDict_DelItem(d, k), 0);
        Py_DECREF(k);
    }
    cr_assert_eq(PyDict_Size(d), 2500);
    for (long i = 0; i < 5000; i++) {
        PyObject *k = PyUnicode_FromFormat("key%ld", i);
        PyObject *v = PyDict_GetItemWithError(d, k);
        if (i % 2) {
            cr_assert_not_null(v);
            cr_assert_eq(PyLong_AsLong(v), i);
        }
        else {
            cr_assert_null(v);
            cr_assert_null(PyErr_Occurred());
        }
        Py_DECREF(k);
    }
}

Test(dict, getitem_keyerror_and_unhashable)
{
    PyObject *d = PyDict_New();
    PyObject *k = PyUnicode_FromString("missing");
    cr_assert_null(PyObject_GetItem(d, k));
    weft_assert_error("KeyError: 'missing'");
    PyObject *t = Py_BuildValue("(ii)", 1, 2);
    cr_assert_null(PyObject_GetItem(d, t));
    weft_assert_error("KeyError: (1, 2)");
    PyObject *l = PyList_New(0);
    cr_assert_eq(PyDict_SetItem(d, l, l), -1);
    weft_assert_error("TypeError: unhashable type: 'list'");
    /* 1 and 1.0 and True are the same key. */
    PyDict_SetItem(d, Py_True, k);
    PyObject *f = PyFloat_FromDouble(1.0);
    weft_assert_repr(PyDict_GetItemWithError(d, f), "'missing'");
}

Test(dict, methods)
{
    PyObject *d = Py_BuildValue("{sisi}", "a", 1, "b", 2);
    weft_assert_repr(PyObject_CallMethod(d, "get", "s", "a"), "1");
    weft_assert_repr(PyObject_CallMethod(d, "get", "s", "z"), "None");
    weft_assert_repr(PyObject_CallMethod(d, "get", "si", "z", 0), "0");
    weft_assert_repr(PyObject_CallMethod(d, "setdefault", "si", "c", 3), "3");
    weft_assert_repr(PyObject_CallMethod(d, "pop", "s", "a"), "1");
    cr_assert_null(PyObject_CallMethod(d, "pop", "s", "a"));
    weft_assert_error("KeyError: 'a'");
    weft_assert_repr(PyObject_CallMethod(d, "popitem", NULL), "('c', 3)");
    weft_assert_repr(d, "{'b': 2}");
    PyObject_CallMethod(d, "update", "O", Py_BuildValue("[(si)]", "x", 9));
    weft_assert_repr(d, "{'b': 2, 'x': 9}");
    PyObject *cp = PyObject_CallMethod(d, "copy", NULL);
    PyObject_CallMethod(d, "clear", NULL);
    weft_assert_repr(d, "{}");
    weft_assert_repr(cp, "{'b': 2, 'x': 9}");
    cr_assert_null(PyObject_CallMethod(d, "popitem", NULL));
    weft_assert_error("KeyError: 'popitem(): dictionary is empty'");
    PyObject *fk = PyObject_CallMethod((PyObject *)&PyDict_Type, "fromkeys", "(ii)i", 1, 2, 0);
    weft_assert_repr(fk, "{1: 0, 2: 0}");
    cr_assert_null(PyObject_CallFunction((PyObject *)&PyDict_Type, "[(iii)]", 1, 2, 3));
    weft_assert_error("ValueError: dictionary update sequence element #0 has length 3; 2 is required");
    cr_assert_null(PyObject_CallFunction((PyObject *)&PyDict_Type, "[i]", 1));
    weft_assert_error("TypeError: cannot convert dictionary update sequence element #0 to a sequence");
    PyObject *kw = Py_BuildValue("{si}", "k", 1);
    PyObject *fromkw = PyObject_Call((PyObject *)&PyDict_Type, PyTuple_New(0), kw);
    weft_assert_repr(fromkw, "{'k': 1}");
}

Test(dict, views_and_set_operations)
{
    PyObject *d = Py_BuildValue("{sisi}", "a", 1, "b", 2);
    PyObject *keys = PyObject_CallMethod(d, "keys", NULL);
    PyObject *items = PyObject_CallMethod(d, "items", NULL);
    PyObject *values = PyObject_CallMethod(d, "values", NULL);
    weft_assert_repr(keys, "dict_keys(['a', 'b'])");
    weft_assert_repr(items, "dict_items([('a', 1), ('b', 2)])");
    weft_assert_repr(values, "dict_values([1, 2])");
    PyObject *other = Py_BuildValue("[ss]", "b", "c");
    weft_assert_repr(PyNumber_And(keys, other), "{'b'}");
    weft_assert_repr(PyNumber_Subtract(keys, other), "{'a'}");
    PyObject *pair = Py_BuildValue("(si)", "a", 1);
    cr_assert_eq(PySequence_Contains(items, pair), 1);
    PyDict_SetItemString(d, "c", Py_None);
    cr_assert_eq(PyObject_Size(keys), 3);  /* views are live */
    PyObject *s = PySet_New(NULL);
    PySet_Add(s, PyUnicode_FromString("a"));
    PySet_Add(s, PyUnicode_FromString("b"));
    PySet_Add(s, PyUnicode_FromString("c"));
    cr_assert_eq(PyObject_RichCompareBool(keys, s, Py_EQ), 1);
}

Test(dict, changed_size_during_iteration)
{
    PyObject *d = Py_BuildValue("{sisi}", "a", 1, "b", 2);
    PyObject *it = PyObject_GetIter(d);
    PyObject *k = PyIter_Next(it);
    weft_assert_repr(k, "'a'");
    PyDict_SetItemString(d, "c", Py_None);
    cr_assert_null(PyIter_Next(it));
    weft_assert_error("RuntimeError: dictionary changed size during iteration");
}

Test(dict, equality_and_or)
{
    PyObject *a = Py_BuildValue("{sisi}", "x", 1, "y", 2);
    PyObject *b = Py_BuildValue("{sisi}", "y", 2, "x", 1);
    cr_assert_eq(PyObject_RichCompareBool(a, b, Py_EQ), 1);
    PyObject *c = Py_BuildValue("{si}", "z", 3);
    weft_assert_repr(PyNumber_Or(a, c), "{'x': 1, 'y': 2, 'z': 3}");
    PyObject *r = PyNumber_InPlaceOr(a, c);
    cr_assert_eq(r, a);
    cr_assert_eq(PyDict_Size(a), 3);
    cr_assert_null(PyObject_RichCompare(a, b, Py_LT));
    weft_assert_error("TypeError: '<' not supported between instances of 'dict' and 'dict'");
}

/* A key type whose __eq__ clears the dict it is compared in. */
static PyObject *evil_target;

static PyObject *
evil_eq(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (evil_target != NULL) {
        PyDict_Clear(evil_target);
    }
    Py_RETURN_FALSE;
}
static PyMethodDef evil_eq_def = {"__eq__", _PyCFunction_CAST(evil_eq), METH_FASTCALL, NULL};

static PyObject *
evil_hash(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    return PyLong_FromLong(7);
}
static PyMethodDef evil_hash_def = {"__hash__", _PyCFunction_CAST(evil_hash), METH_FASTCALL, NULL};

Test(dict, mutating_eq_is_survived)
{
    PyObject *ns = PyDict_New();
    PyObject *f = PyCFunction_New(&evil_eq_def, NULL);
    PyDict_SetItemString(ns, "__eq__", PyStaticMethod_New(f));
    PyObject *h = PyCFunction_New(&evil_hash_def, NULL);
    PyDict_SetItemString(ns, "__hash__", PyStaticMethod_New(h));
    PyObject *cls = PyObject_CallFunction((PyObject *)&PyType_Type, "s()O", "Evil", ns);
    cr_assert_not_null(cls, "%s", weft_error_utf8());
    PyObject *d = PyDict_New();
    PyObject *k1 = PyObject_CallNoArgs(cls), *k2 = PyObject_CallNoArgs(cls);
    cr_assert_eq(PyDict_SetItem(d, k1, Py_None), 0);
    evil_target = d;
    /* k2 collides with k1; comparing clears the dict; the lookup restarts. */
    cr_assert_eq(PyDict_SetItem(d, k2, Py_True), 0);
    evil_target = NULL;
    cr_assert(PyDict_Size(d) >= 1);
    cr_assert_eq(PyDict_Contains(d, k2), 1);
}

/* ---- many threads inserting ------------------------------------------ */

#define NTHREADS 8
#define PER_THREAD 2000

typedef struct {
    PyObject *dict;
    int id;
} ins_arg;

static void
inserter(void *raw)
{
    ins_arg *a = raw;
    for (int i = 0; i < PER_THREAD; i++) {
        PyObject *k = PyLong_FromLong((long)a->id * PER_THREAD + i);
        if (PyDict_SetItem(a->dict, k, k) < 0) {
            abort();
        }
        Py_DECREF(k);
        if (i % 256 == 0) {
            _Py_HandlePending(_PyThreadState_GET());
        }
    }
}

Test(dict, concurrent_inserts_lose_nothing, .timeout = 60)
{
    PyObject *d = PyDict_New();
    ins_arg args[NTHREADS];
    pthread_t th[NTHREADS];
    for (int i = 0; i < NTHREADS; i++) {
        args[i].dict = d;
        args[i].id = i;
        th[i] = th_start(inserter, &args[i]);
    }
    for (int i = 0; i < NTHREADS; i++) {
        th_join(th[i]);
    }
    cr_assert_eq(PyDict_Size(d), NTHREADS * PER_THREAD);
    for (long i = 0; i < NTHREADS * PER_THREAD; i++) {
        PyObject *k = PyLong_FromLong(i);
        cr_assert_eq(PyDict_Contains(d, k), 1, "lost key %ld", i);
        Py_DECREF(k);
    }
}
