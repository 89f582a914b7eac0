/* sliceobject.c: slice objects (slice(start, stop, step)), slice.indices(),
 * and the C helpers that clip a slice to a sequence length
 * (PySlice_Unpack, PySlice_AdjustIndices, PySlice_GetIndicesEx). */
#include "Python.h"
#include "pycore_freelist.h"

/* ---- construction ------------------------------------------------------ */

PyObject *
PySlice_New(PyObject *start, PyObject *stop, PyObject *step)
{
    /* x[a:b] makes and drops one slice: keep one per thread
     * (pycore_freelist.h). */
    struct _Py_freelists *fls = _Py_freelists_GET();
    PySliceObject *obj = fls != NULL ? _Py_freelist_pop(&fls->slices) : NULL;
    if (obj != NULL) {
        _Py_freelist_reset_gc((PyObject *)obj);
        _PyGC_CountAlloc(1);
        _Py_NewReference_Count((PyObject *)obj);
        Py_SET_TYPE(obj, &PySlice_Type);
    }
    else {
        obj = PyObject_GC_New(PySliceObject, &PySlice_Type);
        if (obj == NULL) {
            return NULL;
        }
    }
    obj->start = Py_NewRef(start != NULL ? start : Py_None);
    obj->stop = Py_NewRef(stop != NULL ? stop : Py_None);
    obj->step = Py_NewRef(step != NULL ? step : Py_None);
    PyObject_GC_Track(obj);
    return (PyObject *)obj;
}

PyObject *
_PySlice_FromIndices(Py_ssize_t istart, Py_ssize_t istop)
{
    PyObject *start = PyLong_FromSsize_t(istart);
    if (start == NULL) {
        return NULL;
    }
    PyObject *stop = PyLong_FromSsize_t(istop);
    if (stop == NULL) {
        Py_DECREF(start);
        return NULL;
    }
    PyObject *slice = PySlice_New(start, stop, NULL);
    Py_DECREF(start);
    Py_DECREF(stop);
    return slice;
}

static PyObject *
slice_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    if (kwds != NULL && PyDict_GET_SIZE(kwds) != 0) {
        PyErr_SetString(PyExc_TypeError, "slice() takes no keyword arguments");
        return NULL;
    }
    Py_ssize_t n = PyTuple_GET_SIZE(args);
    if (n < 1) {
        PyErr_Format(PyExc_TypeError, "slice expected at least 1 argument, got %zd", n);
        return NULL;
    }
    if (n > 3) {
        PyErr_Format(PyExc_TypeError, "slice expected at most 3 arguments, got %zd", n);
        return NULL;
    }
    if (n == 1) {
        return PySlice_New(NULL, PyTuple_GET_ITEM(args, 0), NULL);
    }
    return PySlice_New(PyTuple_GET_ITEM(args, 0), PyTuple_GET_ITEM(args, 1),
                       n == 3 ? PyTuple_GET_ITEM(args, 2) : NULL);
}

static void
slice_dealloc(PyObject *op)
{
    PySliceObject *r = (PySliceObject *)op;
    PyObject_GC_UnTrack(op);
    Py_DECREF(r->step);
    Py_DECREF(r->start);
    Py_DECREF(r->stop);
    struct _Py_freelists *fls = _Py_freelists_GET();
    if (fls != NULL && _Py_freelist_push(&fls->slices, op, _Py_SLICE_MAXFREELIST)) {
        _PyGC_CountAlloc(-1);
        return;
    }
    PyObject_GC_Del(op);
}

static int
slice_traverse(PyObject *op, visitproc visit, void *arg)
{
    PySliceObject *v = (PySliceObject *)op;
    Py_VISIT(v->start);
    Py_VISIT(v->stop);
    Py_VISIT(v->step);
    return 0;
}

/* ---- index arithmetic on Py_ssize_t ------------------------------------ */

/* None leaves *pi alone; an index-able object is converted, clamped to the
 * Py_ssize_t range (a huge slice bound is as good as the sequence end). */
static int
slice_index(PyObject *v, Py_ssize_t *pi)
{
    if (v == Py_None) {
        return 1;
    }
    if (!PyIndex_Check(v)) {
        PyErr_SetString(PyExc_TypeError,
                        "slice indices must be integers or None or have an __index__ method");
        return 0;
    }
    Py_ssize_t x = PyNumber_AsSsize_t(v, NULL);
    if (x == -1 && PyErr_Occurred()) {
        return 0;
    }
    *pi = x;
    return 1;
}

int
PySlice_Unpack(PyObject *_r, Py_ssize_t *start, Py_ssize_t *stop, Py_ssize_t *step)
{
    PySliceObject *r = (PySliceObject *)_r;

    if (r->step == Py_None) {
        *step = 1;
    }
    else {
        if (!slice_index(r->step, step)) {
            return -1;
        }
        if (*step == 0) {
            PyErr_SetString(PyExc_ValueError, "slice step cannot be zero");
            return -1;
        }
        /* Keep -step representable, so that callers may negate it. */
        if (*step < -PY_SSIZE_T_MAX) {
            *step = -PY_SSIZE_T_MAX;
        }
    }

    if (r->start == Py_None) {
        *start = *step < 0 ? PY_SSIZE_T_MAX : 0;
    }
    else if (!slice_index(r->start, start)) {
        return -1;
    }

    if (r->stop == Py_None) {
        *stop = *step < 0 ? PY_SSIZE_T_MIN : PY_SSIZE_T_MAX;
    }
    else if (!slice_index(r->stop, stop)) {
        return -1;
    }
    return 0;
}

Py_ssize_t
PySlice_AdjustIndices(Py_ssize_t length, Py_ssize_t *start, Py_ssize_t *stop,
                      Py_ssize_t step)
{
    if (*start < 0) {
        *start += length;
        if (*start < 0) {
            *start = step < 0 ? -1 : 0;
        }
    }
    else if (*start >= length) {
        *start = step < 0 ? length - 1 : length;
    }

    if (*stop < 0) {
        *stop += length;
        if (*stop < 0) {
            *stop = step < 0 ? -1 : 0;
        }
    }
    else if (*stop >= length) {
        *stop = step < 0 ? length - 1 : length;
    }

    if (step < 0) {
        if (*stop < *start) {
            return (*start - *stop - 1) / (-step) + 1;
        }
    }
    else if (*start < *stop) {
        return (*stop - *start - 1) / step + 1;
    }
    return 0;
}

int
PySlice_GetIndicesEx(PyObject *r, Py_ssize_t length, Py_ssize_t *start,
                     Py_ssize_t *stop, Py_ssize_t *step, Py_ssize_t *slicelength)
{
    if (PySlice_Unpack(r, start, stop, step) < 0) {
        return -1;
    }
    *slicelength = PySlice_AdjustIndices(length, start, stop, *step);
    return 0;
}

/* The old API: only exact ints, no clamping of out-of-range bounds. */
int
PySlice_GetIndices(PyObject *_r, Py_ssize_t length, Py_ssize_t *start,
                   Py_ssize_t *stop, Py_ssize_t *step)
{
    PySliceObject *r = (PySliceObject *)_r;
    if (r->step == Py_None) {
        *step = 1;
    }
    else {
        if (!PyLong_Check(r->step)) {
            return -1;
        }
        *step = PyLong_AsSsize_t(r->step);
    }
    if (r->start == Py_None) {
        *start = *step < 0 ? length - 1 : 0;
    }
    else {
        if (!PyLong_Check(r->start)) {
            return -1;
        }
        *start = PyLong_AsSsize_t(r->start);
        if (*start < 0) {
            *start += length;
        }
    }
    if (r->stop == Py_None) {
        *stop = *step < 0 ? -1 : length;
    }
    else {
        if (!PyLong_Check(r->stop)) {
            return -1;
        }
        *stop = PyLong_AsSsize_t(r->stop);
        if (*stop < 0) {
            *stop += length;
        }
    }
    if (*stop > length || *start >= length || *step == 0) {
        return -1;
    }
    return 0;
}

/* ---- index arithmetic on arbitrary-size ints --------------------------- */

/* None -> NULL result with no error; otherwise a new reference to the
 * object's __index__ value. */
static int
slice_long_index(PyObject *v, PyObject **out)
{
    *out = NULL;
    if (v == Py_None) {
        return 0;
    }
    if (!PyIndex_Check(v)) {
        PyErr_SetString(PyExc_TypeError,
                        "slice indices must be integers or None or have an __index__ method");
        return -1;
    }
    *out = PyNumber_Index(v);
    return *out == NULL ? -1 : 0;
}

/* Clip one bound: negative counts from the end, then clamp to [lower, upper].
 * Steals `v`; returns a new reference or NULL. */
static PyObject *
slice_clip_long(PyObject *v, PyObject *length, PyObject *lower, PyObject *upper)
{
    if (_PyLong_Sign(v) < 0) {
        Py_SETREF(v, PyNumber_Add(v, length));
        if (v == NULL) {
            return NULL;
        }
        int cmp = PyObject_RichCompareBool(v, lower, Py_LT);
        if (cmp < 0) {
            Py_DECREF(v);
            return NULL;
        }
        if (cmp) {
            Py_SETREF(v, Py_NewRef(lower));
        }
    }
    else {
        int cmp = PyObject_RichCompareBool(v, upper, Py_GT);
        if (cmp < 0) {
            Py_DECREF(v);
            return NULL;
        }
        if (cmp) {
            Py_SETREF(v, Py_NewRef(upper));
        }
    }
    return v;
}

int
_PySlice_GetLongIndices(PySliceObject *self, PyObject *length,
                        PyObject **start_ptr, PyObject **stop_ptr, PyObject **step_ptr)
{
    PyObject *start = NULL, *stop = NULL, *step = NULL;
    PyObject *lower = NULL, *upper = NULL;
    int step_is_negative;

    if (slice_long_index(self->step, &step) < 0) {
        return -1;
    }
    if (step == NULL) {
        step = PyLong_FromLong(1);
        if (step == NULL) {
            return -1;
        }
        step_is_negative = 0;
    }
    else {
        int sign = _PyLong_Sign(step);
        if (sign == 0) {
            PyErr_SetString(PyExc_ValueError, "slice step cannot be zero");
            goto error;
        }
        step_is_negative = sign < 0;
    }

    /* Bounds: [-1, length-1] going backwards, [0, length] going forwards. */
    if (step_is_negative) {
        lower = PyLong_FromLong(-1);
        if (lower == NULL) {
            goto error;
        }
        upper = PyNumber_Add(length, lower);
    }
    else {
        lower = PyLong_FromLong(0);
        if (lower == NULL) {
            goto error;
        }
        upper = Py_NewRef(length);
    }
    if (upper == NULL) {
        goto error;
    }

    if (slice_long_index(self->start, &start) < 0) {
        goto error;
    }
    if (start == NULL) {
        start = Py_NewRef(step_is_negative ? upper : lower);
    }
    else if ((start = slice_clip_long(start, length, lower, upper)) == NULL) {
        goto error;
    }

    if (slice_long_index(self->stop, &stop) < 0) {
        goto error;
    }
    if (stop == NULL) {
        stop = Py_NewRef(step_is_negative ? lower : upper);
    }
    else if ((stop = slice_clip_long(stop, length, lower, upper)) == NULL) {
        goto error;
    }

    Py_DECREF(lower);
    Py_DECREF(upper);
    *start_ptr = start;
    *stop_ptr = stop;
    *step_ptr = step;
    return 0;

error:
    Py_XDECREF(start);
    Py_XDECREF(stop);
    Py_XDECREF(step);
    Py_XDECREF(lower);
    Py_XDECREF(upper);
    return -1;
}

/* ---- methods ----------------------------------------------------------- */

static PyObject *
slice_indices(PyObject *op, PyObject *len)
{
    PySliceObject *self = (PySliceObject *)op;
    PyObject *length = PyNumber_Index(len);
    if (length == NULL) {
        return NULL;
    }
    if (_PyLong_Sign(length) < 0) {
        PyErr_SetString(PyExc_ValueError, "length should not be negative");
        Py_DECREF(length);
        return NULL;
    }
    PyObject *start, *stop, *step;
    int err = _PySlice_GetLongIndices(self, length, &start, &stop, &step);
    Py_DECREF(length);
    if (err < 0) {
        return NULL;
    }
    PyObject *res = PyTuple_Pack(3, start, stop, step);
    Py_DECREF(start);
    Py_DECREF(stop);
    Py_DECREF(step);
    return res;
}

static PyObject *
slice_reduce(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    PySliceObject *self = (PySliceObject *)op;
    return Py_BuildValue("O(OOO)", (PyObject *)Py_TYPE(op),
                         self->start, self->stop, self->step);
}

static PyObject *
slice_repr(PyObject *op)
{
    PySliceObject *r = (PySliceObject *)op;
    return PyUnicode_FromFormat("slice(%R, %R, %R)", r->start, r->stop, r->step);
}

/* Slices compare (and, since 3.12, hash) like the tuple (start, stop, step). */
static PyObject *
slice_as_tuple(PySliceObject *r)
{
    return PyTuple_Pack(3, r->start, r->stop, r->step);
}

static PyObject *
slice_richcompare(PyObject *v, PyObject *w, int op)
{
    if (!PySlice_Check(v) || !PySlice_Check(w)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    if (v == w) {
        /* Identity: equal without comparing the fields. */
        switch (op) {
        case Py_EQ: case Py_LE: case Py_GE:
            Py_RETURN_TRUE;
        default:
            Py_RETURN_FALSE;
        }
    }
    PyObject *t1 = slice_as_tuple((PySliceObject *)v);
    if (t1 == NULL) {
        return NULL;
    }
    PyObject *t2 = slice_as_tuple((PySliceObject *)w);
    if (t2 == NULL) {
        Py_DECREF(t1);
        return NULL;
    }
    PyObject *res = PyObject_RichCompare(t1, t2, op);
    Py_DECREF(t1);
    Py_DECREF(t2);
    return res;
}

static Py_hash_t
slice_hash(PyObject *op)
{
    PyObject *t = slice_as_tuple((PySliceObject *)op);
    if (t == NULL) {
        return -1;
    }
    Py_hash_t h = PyObject_Hash(t);
    Py_DECREF(t);
    return h;
}

static PyObject *slice_get_start(PyObject *op, void *c) { return Py_NewRef(((PySliceObject *)op)->start); }
static PyObject *slice_get_stop(PyObject *op, void *c) { return Py_NewRef(((PySliceObject *)op)->stop); }
static PyObject *slice_get_step(PyObject *op, void *c) { return Py_NewRef(((PySliceObject *)op)->step); }

static PyGetSetDef slice_getset[] = {
    {"start", slice_get_start, NULL, NULL, NULL},
    {"stop", slice_get_stop, NULL, NULL, NULL},
    {"step", slice_get_step, NULL, NULL, NULL},
    {NULL},
};

static PyMethodDef slice_methods[] = {
    {"indices", slice_indices, METH_O,
     "S.indices(len) -> (start, stop, stride)\n\n"
     "Assuming a sequence of length len, calculate the start and stop\n"
     "indices, and the stride length of the extended slice described by\n"
     "S. Out of bounds indices are clipped in a manner consistent with the\n"
     "handling of normal slices."},
    {"__reduce__", slice_reduce, METH_NOARGS, "Return state information for pickling."},
    {NULL, NULL},
};

PyTypeObject PySlice_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "slice",
    .tp_basicsize = sizeof(PySliceObject),
    .tp_dealloc = slice_dealloc,
    .tp_repr = slice_repr,
    .tp_hash = slice_hash,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "slice(stop)\nslice(start, stop[, step])\n\n"
              "Create a slice object.  This is used for extended slicing (e.g. a[0:10:2]).",
    .tp_traverse = slice_traverse,
    .tp_richcompare = slice_richcompare,
    .tp_methods = slice_methods,
    .tp_getset = slice_getset,
    .tp_new = slice_new,
};
