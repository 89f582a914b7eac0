/* _bisectmodule.c: the C half of bisect: binary search in a sorted
 * sequence (bisect_left, bisect_right) and insertion keeping it sorted
 * (insort_left, insort_right), with lo/hi bounds and a key function. */
#include "Python.h"
#include "pycore_object.h"

/* Parse (a, x, lo=0, hi=None, *, key=None) as CPython does. */
static int
parse_args(const char *fname, PyObject *args, PyObject *kwds, PyObject **a, PyObject **x,
           Py_ssize_t *lo, Py_ssize_t *hi, PyObject **key)
{
    static char *kwlist[] = {"a", "x", "lo", "hi", "key", NULL};
    PyObject *hiobj = Py_None;
    char fmt[64];
    snprintf(fmt, sizeof(fmt), "OO|nO$O:%s", fname);
    *lo = 0;
    *key = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, fmt, kwlist, a, x, lo, &hiobj, key)) {
        return -1;
    }
    *hi = -1;
    if (hiobj != Py_None) {
        PyObject *iobj = PyNumber_Index(hiobj);
        if (iobj == NULL) {
            return -1;
        }
        *hi = PyLong_AsSsize_t(iobj);
        Py_DECREF(iobj);
        if (*hi == -1 && PyErr_Occurred()) {
            return -1;
        }
    }
    return 0;
}

/* The insertion point: right places x after equal items, left before. */
static Py_ssize_t
internal_bisect(PyObject *list, PyObject *item, Py_ssize_t lo, Py_ssize_t hi, PyObject *key,
                int right)
{
    if (lo < 0) {
        PyErr_SetString(PyExc_ValueError, "lo must be non-negative");
        return -1;
    }
    if (hi == -1) {
        hi = PySequence_Size(list);
        if (hi < 0) {
            return -1;
        }
    }
    while (lo < hi) {
        /* lo + (hi - lo) / 2 cannot overflow. */
        Py_ssize_t mid = ((size_t)lo + hi) / 2;
        PyObject *litem = PySequence_GetItem(list, mid);
        if (litem == NULL) {
            return -1;
        }
        if (key != Py_None) {
            PyObject *newitem = PyObject_CallOneArg(key, litem);
            Py_DECREF(litem);
            if (newitem == NULL) {
                return -1;
            }
            litem = newitem;
        }
        int res = right ? PyObject_RichCompareBool(item, litem, Py_LT)
                        : PyObject_RichCompareBool(litem, item, Py_LT);
        Py_DECREF(litem);
        if (res < 0) {
            return -1;
        }
        if (right) {
            if (res) {
                hi = mid;
            }
            else {
                lo = mid + 1;
            }
        }
        else {
            if (res) {
                lo = mid + 1;
            }
            else {
                hi = mid;
            }
        }
    }
    return lo;
}

static PyObject *
bisect_common(const char *fname, PyObject *args, PyObject *kwds, int right)
{
    PyObject *a, *x, *key;
    Py_ssize_t lo, hi;
    if (parse_args(fname, args, kwds, &a, &x, &lo, &hi, &key) < 0) {
        return NULL;
    }
    Py_ssize_t index = internal_bisect(a, x, lo, hi, key, right);
    if (index < 0) {
        return NULL;
    }
    return PyLong_FromSsize_t(index);
}

static PyObject *
insort_common(const char *fname, PyObject *args, PyObject *kwds, int right)
{
    PyObject *a, *x, *key;
    Py_ssize_t lo, hi;
    if (parse_args(fname, args, kwds, &a, &x, &lo, &hi, &key) < 0) {
        return NULL;
    }
    Py_ssize_t index;
    if (key == Py_None) {
        index = internal_bisect(a, x, lo, hi, key, right);
    }
    else {
        PyObject *key_x = PyObject_CallOneArg(key, x);
        if (key_x == NULL) {
            return NULL;
        }
        index = internal_bisect(a, key_x, lo, hi, key, right);
        Py_DECREF(key_x);
    }
    if (index < 0) {
        return NULL;
    }
    if (PyList_CheckExact(a)) {
        if (PyList_Insert(a, index, x) < 0) {
            return NULL;
        }
    }
    else {
        PyObject *r = PyObject_CallMethod(a, "insert", "nO", index, x);
        if (r == NULL) {
            return NULL;
        }
        Py_DECREF(r);
    }
    Py_RETURN_NONE;
}

static PyObject *
bisect_right(PyObject *m, PyObject *args, PyObject *kwds)
{
    return bisect_common("bisect_right", args, kwds, 1);
}

static PyObject *
bisect_left(PyObject *m, PyObject *args, PyObject *kwds)
{
    return bisect_common("bisect_left", args, kwds, 0);
}

static PyObject *
insort_right(PyObject *m, PyObject *args, PyObject *kwds)
{
    return insort_common("insort_right", args, kwds, 1);
}

static PyObject *
insort_left(PyObject *m, PyObject *args, PyObject *kwds)
{
    return insort_common("insort_left", args, kwds, 0);
}

static PyMethodDef bisect_functions[] = {
    {"bisect_right", _PyCFunction_CAST(bisect_right), METH_VARARGS | METH_KEYWORDS,
     "Return the index where to insert item x in list a, assuming a is sorted.\n\n"
     "The return value i is such that all e in a[:i] have e <= x, and all e in\n"
     "a[i:] have e > x.  So if x already appears in the list, a.insert(i, x) will\n"
     "insert just after the rightmost x already there.\n\n"
     "Optional args lo (default 0) and hi (default len(a)) bound the\n"
     "slice of a to be searched.\n\n"
     "A custom key function can be supplied to customize the sort order."},
    {"insort_right", _PyCFunction_CAST(insort_right), METH_VARARGS | METH_KEYWORDS,
     "Insert item x in list a, and keep it sorted assuming a is sorted.\n\n"
     "If x is already in a, insert it to the right of the rightmost x.\n\n"
     "Optional args lo (default 0) and hi (default len(a)) bound the\n"
     "slice of a to be searched.\n\n"
     "A custom key function can be supplied to customize the sort order."},
    {"bisect_left", _PyCFunction_CAST(bisect_left), METH_VARARGS | METH_KEYWORDS,
     "Return the index where to insert item x in list a, assuming a is sorted.\n\n"
     "The return value i is such that all e in a[:i] have e < x, and all e in\n"
     "a[i:] have e >= x.  So if x already appears in the list, a.insert(i, x) will\n"
     "insert just before the leftmost x already there.\n\n"
     "Optional args lo (default 0) and hi (default len(a)) bound the\n"
     "slice of a to be searched.\n\n"
     "A custom key function can be supplied to customize the sort order."},
    {"insort_left", _PyCFunction_CAST(insort_left), METH_VARARGS | METH_KEYWORDS,
     "Insert item x in list a, and keep it sorted assuming a is sorted.\n\n"
     "If x is already in a, insert it to the left of the leftmost x.\n\n"
     "Optional args lo (default 0) and hi (default len(a)) bound the\n"
     "slice of a to be searched.\n\n"
     "A custom key function can be supplied to customize the sort order."},
    {NULL, NULL, 0, NULL},
};

static PyModuleDef_Slot bisect_slots[] = {
    {Py_mod_multiple_interpreters, Py_MOD_PER_INTERPRETER_GIL_SUPPORTED},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef bisect_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_bisect",
    .m_doc = "Bisection algorithms.\n\n"
             "This module provides support for maintaining a list in sorted order without\n"
             "having to sort the list after each insertion. For long lists of items with\n"
             "expensive comparison operations, this can be an improvement over the more\n"
             "common approach.\n",
    .m_size = 0,
    .m_methods = bisect_functions,
    .m_slots = bisect_slots,
};

PyMODINIT_FUNC PyInit__bisect(void)
{
    return PyModuleDef_Init(&bisect_module);
}
