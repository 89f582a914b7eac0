/* enumobject.c: enumerate(iterable, start=0) and reversed(sequence).
 * reversed() prefers the object's __reversed__; otherwise it walks a
 * sequence (__len__ + __getitem__) from the end. */
#include "Python.h"

/* ---- enumerate --------------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    Py_ssize_t en_index;     /* next index while it fits a Py_ssize_t */
    PyObject *en_sit;        /* the underlying iterator */
    PyObject *en_longindex;  /* next index as an int once it does not fit */
} enumobject;

static PyObject *
enum_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyObject *iterable = NULL, *start = NULL;
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    if (nargs > 2) {
        PyErr_Format(PyExc_TypeError, "enumerate() takes at most 2 arguments (%zd given)",
                     nargs + (kwds != NULL ? PyDict_GET_SIZE(kwds) : 0));
        return NULL;
    }
    if (nargs >= 1) {
        iterable = PyTuple_GET_ITEM(args, 0);
    }
    if (nargs == 2) {
        start = PyTuple_GET_ITEM(args, 1);
    }
    if (kwds != NULL) {
        Py_ssize_t pos = 0;
        PyObject *key, *value;
        while (PyDict_Next(kwds, &pos, &key, &value)) {
            if (PyUnicode_Check(key) && PyUnicode_EqualToUTF8(key, "iterable")) {
                if (nargs >= 1) {
                    PyErr_SetString(PyExc_TypeError,
                                    "argument for enumerate() given by name ('iterable') "
                                    "and position (1)");
                    return NULL;
                }
                iterable = value;
            }
            else if (PyUnicode_Check(key) && PyUnicode_EqualToUTF8(key, "start")) {
                if (nargs >= 2) {
                    PyErr_SetString(PyExc_TypeError,
                                    "argument for enumerate() given by name ('start') "
                                    "and position (2)");
                    return NULL;
                }
                start = value;
            }
            else {
                PyErr_Format(PyExc_TypeError,
                             "enumerate() got an unexpected keyword argument '%S'", key);
                return NULL;
            }
        }
    }
    if (iterable == NULL) {
        PyErr_SetString(PyExc_TypeError, "enumerate() missing required argument 'iterable'");
        return NULL;
    }

    enumobject *en = (enumobject *)type->tp_alloc(type, 0);
    if (en == NULL) {
        return NULL;
    }
    en->en_index = 0;
    en->en_longindex = NULL;
    if (start != NULL) {
        PyObject *idx = PyNumber_Index(start);
        if (idx == NULL) {
            Py_DECREF(en);
            return NULL;
        }
        Py_ssize_t v = PyLong_AsSsize_t(idx);
        if (v == -1 && PyErr_Occurred()) {
            /* Too big for Py_ssize_t: count with ints from the start. */
            PyErr_Clear();
            en->en_index = PY_SSIZE_T_MAX;
            en->en_longindex = idx;
        }
        else {
            en->en_index = v;
            Py_DECREF(idx);
        }
    }
    en->en_sit = PyObject_GetIter(iterable);
    if (en->en_sit == NULL) {
        Py_DECREF(en);
        return NULL;
    }
    return (PyObject *)en;
}

static void
enum_dealloc(PyObject *op)
{
    enumobject *en = (enumobject *)op;
    PyObject_GC_UnTrack(op);
    Py_XDECREF(en->en_sit);
    Py_XDECREF(en->en_longindex);
    Py_TYPE(op)->tp_free(op);
}

static int
enum_traverse(PyObject *op, visitproc visit, void *arg)
{
    enumobject *en = (enumobject *)op;
    Py_VISIT(en->en_sit);
    Py_VISIT(en->en_longindex);
    return 0;
}

static PyObject *
enum_next_long(enumobject *en, PyObject *next_item)
{
    if (en->en_longindex == NULL) {
        en->en_longindex = PyLong_FromSsize_t(PY_SSIZE_T_MAX);
        if (en->en_longindex == NULL) {
            Py_DECREF(next_item);
            return NULL;
        }
    }
    PyObject *next_index = en->en_longindex;
    PyObject *one = PyLong_FromLong(1);
    if (one == NULL) {
        Py_DECREF(next_item);
        return NULL;
    }
    PyObject *stepped_up = PyNumber_Add(next_index, one);
    Py_DECREF(one);
    if (stepped_up == NULL) {
        Py_DECREF(next_item);
        return NULL;
    }
    en->en_longindex = stepped_up;  /* takes over the old reference below */
    PyObject *result = PyTuple_New(2);
    if (result == NULL) {
        Py_DECREF(next_index);
        Py_DECREF(next_item);
        return NULL;
    }
    PyTuple_SET_ITEM(result, 0, next_index);
    PyTuple_SET_ITEM(result, 1, next_item);
    return result;
}

static PyObject *
enum_next(PyObject *op)
{
    enumobject *en = (enumobject *)op;
    PyObject *it = en->en_sit;
    PyObject *next_item = (*Py_TYPE(it)->tp_iternext)(it);
    if (next_item == NULL) {
        return NULL;
    }
    if (en->en_index == PY_SSIZE_T_MAX) {
        return enum_next_long(en, next_item);
    }
    PyObject *next_index = PyLong_FromSsize_t(en->en_index);
    if (next_index == NULL) {
        Py_DECREF(next_item);
        return NULL;
    }
    en->en_index++;
    PyObject *result = PyTuple_New(2);
    if (result == NULL) {
        Py_DECREF(next_index);
        Py_DECREF(next_item);
        return NULL;
    }
    PyTuple_SET_ITEM(result, 0, next_index);
    PyTuple_SET_ITEM(result, 1, next_item);
    return result;
}

PyTypeObject PyEnum_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "enumerate",
    .tp_basicsize = sizeof(enumobject),
    .tp_dealloc = enum_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc = "enumerate(iterable, start=0)\n--\n\n"
              "Return an enumerate object.\n\n"
              "  iterable\n    an object supporting iteration\n\n"
              "The enumerate object yields pairs containing a count (from start, which\n"
              "defaults to zero) and a value yielded by the iterable argument.\n\n"
              "enumerate is useful for obtaining an indexed list:\n"
              "    (0, seq[0]), (1, seq[1]), (2, seq[2]), ...",
    .tp_traverse = enum_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = enum_next,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = enum_new,
    .tp_free = PyObject_GC_Del,
};

/* ---- reversed ---------------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    Py_ssize_t index;   /* next index to fetch; -1 when exhausted */
    PyObject *seq;      /* NULL when exhausted */
} reversedobject;

static PyObject *
reversed_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    if (kwds != NULL && PyDict_GET_SIZE(kwds) != 0 && type == &PyReversed_Type) {
        PyErr_SetString(PyExc_TypeError, "reversed() takes no keyword arguments");
        return NULL;
    }
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    if (nargs != 1) {
        PyErr_Format(PyExc_TypeError, "reversed expected 1 argument, got %zd", nargs);
        return NULL;
    }
    PyObject *seq = PyTuple_GET_ITEM(args, 0);

    /* __reversed__ is looked up on the type, like every special method. */
    PyObject *name = PyUnicode_InternFromString("__reversed__");
    if (name == NULL) {
        return NULL;
    }
    PyObject *meth = _PyType_Lookup(Py_TYPE(seq), name);
    Py_DECREF(name);
    if (meth == Py_None) {
        PyErr_Format(PyExc_TypeError, "'%.200s' object is not reversible",
                     Py_TYPE(seq)->tp_name);
        return NULL;
    }
    if (meth != NULL) {
        Py_INCREF(meth);
        descrgetfunc get = Py_TYPE(meth)->tp_descr_get;
        if (get != NULL) {
            Py_SETREF(meth, get(meth, seq, (PyObject *)Py_TYPE(seq)));
            if (meth == NULL) {
                return NULL;
            }
        }
        PyObject *res = PyObject_CallNoArgs(meth);
        Py_DECREF(meth);
        return res;
    }

    if (!PySequence_Check(seq)) {
        PyErr_Format(PyExc_TypeError, "'%.200s' object is not reversible",
                     Py_TYPE(seq)->tp_name);
        return NULL;
    }
    Py_ssize_t n = PySequence_Size(seq);
    if (n == -1) {
        return NULL;
    }
    reversedobject *ro = (reversedobject *)type->tp_alloc(type, 0);
    if (ro == NULL) {
        return NULL;
    }
    ro->index = n - 1;
    ro->seq = Py_NewRef(seq);
    return (PyObject *)ro;
}

static void
reversed_dealloc(PyObject *op)
{
    reversedobject *ro = (reversedobject *)op;
    PyObject_GC_UnTrack(op);
    Py_XDECREF(ro->seq);
    Py_TYPE(op)->tp_free(op);
}

static int
reversed_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(((reversedobject *)op)->seq);
    return 0;
}

static PyObject *
reversed_next(PyObject *op)
{
    reversedobject *ro = (reversedobject *)op;
    Py_ssize_t index = ro->index;
    if (index >= 0) {
        PyObject *item = PySequence_GetItem(ro->seq, index);
        if (item != NULL) {
            ro->index--;
            return item;
        }
        if (PyErr_ExceptionMatches(PyExc_IndexError) ||
            PyErr_ExceptionMatches(PyExc_StopIteration)) {
            PyErr_Clear();
        }
    }
    ro->index = -1;
    Py_CLEAR(ro->seq);
    return NULL;
}

static PyObject *
reversed_len(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    reversedobject *ro = (reversedobject *)op;
    if (ro->seq == NULL) {
        return PyLong_FromLong(0);
    }
    Py_ssize_t seqsize = PySequence_Size(ro->seq);
    if (seqsize == -1) {
        return NULL;
    }
    Py_ssize_t position = ro->index + 1;
    return PyLong_FromSsize_t(seqsize < position ? 0 : position);
}

static PyMethodDef reversed_methods[] = {
    {"__length_hint__", reversed_len, METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {NULL, NULL},
};

PyTypeObject PyReversed_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "reversed",
    .tp_basicsize = sizeof(reversedobject),
    .tp_dealloc = reversed_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc = "reversed(sequence, /)\n--\n\n"
              "Return a reverse iterator over the values of the given sequence.",
    .tp_traverse = reversed_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = reversed_next,
    .tp_methods = reversed_methods,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = reversed_new,
    .tp_free = PyObject_GC_Del,
};
