/* iterobject.c: the generic iterators.
 *   iterator           iter(obj) for an object with __getitem__ but no
 *                      __iter__: yields obj[0], obj[1], ... until IndexError
 *                      (or StopIteration).
 *   callable_iterator  iter(callable, sentinel): calls callable() until the
 *                      result equals sentinel.
 * and anext_awaitable, what anext(aiter, default) returns. */
#include "Python.h"
#include "pycore_genobject.h"

/* ---- sequence iterator ------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    Py_ssize_t it_index;
    PyObject *it_seq;   /* NULL once exhausted */
} seqiterobject;

PyObject *
PySeqIter_New(PyObject *seq)
{
    if (!PySequence_Check(seq)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    seqiterobject *it = PyObject_GC_New(seqiterobject, &PySeqIter_Type);
    if (it == NULL) {
        return NULL;
    }
    it->it_index = 0;
    it->it_seq = Py_NewRef(seq);
    PyObject_GC_Track(it);
    return (PyObject *)it;
}

static void
iter_dealloc(PyObject *op)
{
    seqiterobject *it = (seqiterobject *)op;
    PyObject_GC_UnTrack(op);
    Py_XDECREF(it->it_seq);
    PyObject_GC_Del(op);
}

static int
iter_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(((seqiterobject *)op)->it_seq);
    return 0;
}

static PyObject *
iter_iternext(PyObject *op)
{
    seqiterobject *it = (seqiterobject *)op;
    PyObject *seq = it->it_seq;
    if (seq == NULL) {
        return NULL;
    }
    if (it->it_index == PY_SSIZE_T_MAX) {
        PyErr_SetString(PyExc_OverflowError, "iter index too large");
        return NULL;
    }
    PyObject *result = PySequence_GetItem(seq, it->it_index);
    if (result != NULL) {
        it->it_index++;
        return result;
    }
    if (PyErr_ExceptionMatches(PyExc_IndexError) ||
        PyErr_ExceptionMatches(PyExc_StopIteration)) {
        PyErr_Clear();
        it->it_seq = NULL;
        Py_DECREF(seq);
    }
    return NULL;
}

static int
has_len(PyObject *o)
{
    PyTypeObject *t = Py_TYPE(o);
    return (t->tp_as_sequence != NULL && t->tp_as_sequence->sq_length != NULL) ||
           (t->tp_as_mapping != NULL && t->tp_as_mapping->mp_length != NULL);
}

static PyObject *
iter_len(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    seqiterobject *it = (seqiterobject *)op;
    if (it->it_seq != NULL) {
        if (!has_len(it->it_seq)) {
            Py_RETURN_NOTIMPLEMENTED;
        }
        Py_ssize_t seqsize = PySequence_Size(it->it_seq);
        if (seqsize == -1) {
            return NULL;
        }
        Py_ssize_t len = seqsize - it->it_index;
        if (len >= 0) {
            return PyLong_FromSsize_t(len);
        }
    }
    return PyLong_FromLong(0);
}

static PyMethodDef seqiter_methods[] = {
    {"__length_hint__", iter_len, METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {NULL, NULL},
};

PyTypeObject PySeqIter_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "iterator",
    .tp_basicsize = sizeof(seqiterobject),
    .tp_dealloc = iter_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = iter_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = iter_iternext,
    .tp_methods = seqiter_methods,
};

/* ---- callable iterator ------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    PyObject *it_callable;  /* both NULL once exhausted */
    PyObject *it_sentinel;
} calliterobject;

PyObject *
PyCallIter_New(PyObject *callable, PyObject *sentinel)
{
    calliterobject *it = PyObject_GC_New(calliterobject, &PyCallIter_Type);
    if (it == NULL) {
        return NULL;
    }
    it->it_callable = Py_NewRef(callable);
    it->it_sentinel = Py_NewRef(sentinel);
    PyObject_GC_Track(it);
    return (PyObject *)it;
}

static void
calliter_dealloc(PyObject *op)
{
    calliterobject *it = (calliterobject *)op;
    PyObject_GC_UnTrack(op);
    Py_XDECREF(it->it_callable);
    Py_XDECREF(it->it_sentinel);
    PyObject_GC_Del(op);
}

static int
calliter_traverse(PyObject *op, visitproc visit, void *arg)
{
    calliterobject *it = (calliterobject *)op;
    Py_VISIT(it->it_callable);
    Py_VISIT(it->it_sentinel);
    return 0;
}

static PyObject *
calliter_iternext(PyObject *op)
{
    calliterobject *it = (calliterobject *)op;
    if (it->it_callable == NULL) {
        return NULL;
    }
    PyObject *result = PyObject_CallNoArgs(it->it_callable);
    if (result != NULL && it->it_sentinel != NULL) {
        int ok = PyObject_RichCompareBool(it->it_sentinel, result, Py_EQ);
        if (ok == 0) {
            return result;
        }
        if (ok > 0) {
            Py_CLEAR(it->it_callable);
            Py_CLEAR(it->it_sentinel);
        }
        Py_DECREF(result);
        return NULL;
    }
    if (result == NULL && PyErr_ExceptionMatches(PyExc_StopIteration)) {
        PyErr_Clear();
        Py_CLEAR(it->it_callable);
        Py_CLEAR(it->it_sentinel);
    }
    return result;
}

PyTypeObject PyCallIter_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "callable_iterator",
    .tp_basicsize = sizeof(calliterobject),
    .tp_dealloc = calliter_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = calliter_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = calliter_iternext,
};

/* ---- anext_awaitable ---------------------------------------------------- */

/* What anext(aiter, default) returns: an awaitable that drives
 * aiter.__anext__() and turns its StopAsyncIteration into the value
 * `default`.  The __anext__ awaitable is made on first use and kept, so an
 * __anext__ that suspends several times is driven to its end. */
typedef struct {
    PyObject_HEAD
    PyObject *wrapped;       /* the async iterator */
    PyObject *default_value;
    PyObject *awaiting;      /* iterator over aiter.__anext__(); NULL before the first step */
} anextawaitableobject;

static void
anextawaitable_dealloc(PyObject *op)
{
    anextawaitableobject *obj = (anextawaitableobject *)op;
    PyObject_GC_UnTrack(obj);
    Py_XDECREF(obj->wrapped);
    Py_XDECREF(obj->default_value);
    Py_XDECREF(obj->awaiting);
    PyObject_GC_Del(obj);
}

static int
anextawaitable_traverse(PyObject *op, visitproc visit, void *arg)
{
    anextawaitableobject *obj = (anextawaitableobject *)op;
    Py_VISIT(obj->wrapped);
    Py_VISIT(obj->default_value);
    Py_VISIT(obj->awaiting);
    return 0;
}

/* The iterator stepping aiter.__anext__() (borrowed), made on first use. */
static PyObject *
anextawaitable_iter(anextawaitableobject *obj)
{
    if (obj->awaiting != NULL) {
        return obj->awaiting;
    }
    PyTypeObject *t = Py_TYPE(obj->wrapped);
    PyObject *awaitable;
    if (t->tp_as_async != NULL && t->tp_as_async->am_anext != NULL) {
        awaitable = t->tp_as_async->am_anext(obj->wrapped);
    }
    else {
        awaitable = PyObject_CallMethod(obj->wrapped, "__anext__", NULL);
    }
    if (awaitable == NULL) {
        return NULL;
    }
    PyObject *it = _PyCoro_GetAwaitableIter(awaitable);
    Py_DECREF(awaitable);
    if (it == NULL) {
        return NULL;
    }
    if (Py_TYPE(it)->tp_iternext == NULL) {
        /* a coroutine: step it through its __await__() wrapper */
        PyObject *w = PyObject_CallMethod(it, "__await__", NULL);
        Py_DECREF(it);
        if (w == NULL) {
            return NULL;
        }
        if (!PyIter_Check(w)) {
            PyErr_Format(PyExc_TypeError, "__await__ returned a non-iterable (type %.200s)",
                         Py_TYPE(w)->tp_name);
            Py_DECREF(w);
            return NULL;
        }
        it = w;
    }
    obj->awaiting = it;
    return it;
}

/* Calls method `meth` of the __anext__ iterator; StopAsyncIteration becomes
 * StopIteration(default), as if __anext__() had returned the default. */
static PyObject *
anextawaitable_proxy(anextawaitableobject *obj, const char *meth, PyObject *arg)
{
    PyObject *it = anextawaitable_iter(obj);
    PyObject *ret = NULL;
    if (it != NULL) {
        if (meth == NULL) {
            ret = Py_TYPE(it)->tp_iternext(it);
        }
        else if (arg == NULL) {
            ret = PyObject_CallMethod(it, meth, NULL);
        }
        else if (PyTuple_Check(arg)) {
            PyObject *m = PyObject_GetAttrString(it, meth);
            if (m != NULL) {
                ret = PyObject_Call(m, arg, NULL);
                Py_DECREF(m);
            }
        }
        else {
            ret = PyObject_CallMethod(it, meth, "O", arg);
        }
    }
    if (ret != NULL) {
        return ret;
    }
    if (PyErr_ExceptionMatches(PyExc_StopAsyncIteration)) {
        PyErr_Clear();
        _PyGen_SetStopIterationValue(obj->default_value);
    }
    return NULL;
}

static PyObject *
anextawaitable_iternext(PyObject *op)
{
    return anextawaitable_proxy((anextawaitableobject *)op, NULL, NULL);
}

static PyObject *
anextawaitable_send(PyObject *op, PyObject *arg)
{
    return anextawaitable_proxy((anextawaitableobject *)op, "send", arg);
}

static PyObject *
anextawaitable_throw(PyObject *op, PyObject *args)
{
    return anextawaitable_proxy((anextawaitableobject *)op, "throw", args);
}

static PyObject *
anextawaitable_close(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    anextawaitableobject *obj = (anextawaitableobject *)op;
    if (obj->awaiting == NULL) {
        /* never started: nothing to finish */
        Py_RETURN_NONE;
    }
    return anextawaitable_proxy(obj, "close", NULL);
}

static PyMethodDef anextawaitable_methods[] = {
    {"send", anextawaitable_send, METH_O, "send(arg) -> send 'arg' into the wrapped iterator"},
    {"throw", anextawaitable_throw, METH_VARARGS,
     "throw(value)\nthrow(typ[,val[,tb]])\n\nraise exception in the wrapped iterator"},
    {"close", anextawaitable_close, METH_NOARGS, "close() -> raise GeneratorExit inside the wrapped iterator"},
    {NULL, NULL, 0, NULL}
};

static PyAsyncMethods anextawaitable_as_async = {
    .am_await = PyObject_SelfIter,
};

PyTypeObject _PyAnextAwaitable_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "anext_awaitable",
    .tp_basicsize = sizeof(anextawaitableobject),
    .tp_dealloc = anextawaitable_dealloc,
    .tp_as_async = &anextawaitable_as_async,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = anextawaitable_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = anextawaitable_iternext,
    .tp_methods = anextawaitable_methods,
};

PyObject *
_PyAnextAwaitable_New(PyObject *awaitable, PyObject *default_value)
{
    anextawaitableobject *obj = PyObject_GC_New(anextawaitableobject, &_PyAnextAwaitable_Type);
    if (obj == NULL) {
        return NULL;
    }
    obj->wrapped = Py_NewRef(awaitable);
    obj->default_value = Py_NewRef(default_value);
    obj->awaiting = NULL;
    PyObject_GC_Track(obj);
    return (PyObject *)obj;
}
