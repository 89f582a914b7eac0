/* rangeobject.c: the range type (arbitrary-size int bounds, immutable) and
 * its iterators: range_iterator counts with C longs when start, step and
 * every produced value fit one; longrange_iterator uses ints otherwise. */
#include "Python.h"
#include "pycore_freelist.h"

typedef struct {
    PyObject_HEAD
    PyObject *start;
    PyObject *stop;
    PyObject *step;
    PyObject *length;   /* len(range) as an int (may exceed Py_ssize_t) */
} rangeobject;

/* ---- length and items -------------------------------------------------- */

/* Number of items of range(lo, hi, step) on C longs; the result may exceed
 * LONG_MAX (e.g. range(-2**63, 2**63-1)), hence unsigned. */
static unsigned long
get_len_of_range(long lo, long hi, long step)
{
    if (step > 0 && lo < hi) {
        return 1UL + ((unsigned long)hi - 1UL - (unsigned long)lo) / (unsigned long)step;
    }
    if (step < 0 && lo > hi) {
        return 1UL + ((unsigned long)lo - 1UL - (unsigned long)hi) / (0UL - (unsigned long)step);
    }
    return 0UL;
}

/* len(range(start, stop, step)) as an int; step is non-zero. */
static PyObject *
compute_range_length(PyObject *start, PyObject *stop, PyObject *step)
{
    int overflow = 0;
    long lstart = PyLong_AsLongAndOverflow(start, &overflow);
    if (!overflow) {
        long lstop = PyLong_AsLongAndOverflow(stop, &overflow);
        if (!overflow) {
            long lstep = PyLong_AsLongAndOverflow(step, &overflow);
            if (!overflow) {
                if (PyErr_Occurred()) {
                    return NULL;
                }
                return PyLong_FromUnsignedLong(get_len_of_range(lstart, lstop, lstep));
            }
        }
    }
    if (PyErr_Occurred()) {
        return NULL;
    }

    /* Big ints: n = (hi - lo - 1) // step + 1 when lo < hi. */
    PyObject *lo, *hi;
    int step_neg = _PyLong_Sign(step) < 0;
    PyObject *zero = _PyLong_GetZero();
    if (step_neg) {
        lo = stop;
        hi = start;
        step = PyNumber_Negative(step);
        if (step == NULL) {
            return NULL;
        }
    }
    else {
        lo = start;
        hi = stop;
        Py_INCREF(step);
    }
    PyObject *diff = NULL, *tmp = NULL, *result = NULL;
    int cmp = PyObject_RichCompareBool(lo, hi, Py_GE);
    if (cmp < 0) {
        goto done;
    }
    if (cmp > 0) {
        result = Py_NewRef(zero);
        goto done;
    }
    if ((tmp = PyNumber_Subtract(hi, lo)) == NULL) {
        goto done;
    }
    if ((diff = PyNumber_Subtract(tmp, _PyLong_GetOne())) == NULL) {
        goto done;
    }
    Py_SETREF(tmp, PyNumber_FloorDivide(diff, step));
    if (tmp == NULL) {
        goto done;
    }
    result = PyNumber_Add(tmp, _PyLong_GetOne());
done:
    Py_DECREF(step);
    Py_XDECREF(tmp);
    Py_XDECREF(diff);
    return result;
}

static rangeobject *
make_range_object(PyTypeObject *type, PyObject *start, PyObject *stop, PyObject *step)
{
    PyObject *length = compute_range_length(start, stop, step);
    if (length == NULL) {
        return NULL;
    }
    rangeobject *obj = PyObject_New(rangeobject, type);
    if (obj == NULL) {
        Py_DECREF(length);
        return NULL;
    }
    obj->start = start;
    obj->stop = stop;
    obj->step = step;
    obj->length = length;
    return obj;
}

/* Steals start, stop, step. */
static PyObject *
range_from_parts(PyObject *start, PyObject *stop, PyObject *step)
{
    rangeobject *r = make_range_object(&PyRange_Type, start, stop, step);
    if (r == NULL) {
        Py_DECREF(start);
        Py_DECREF(stop);
        Py_DECREF(step);
    }
    return (PyObject *)r;
}

static PyObject *
range_new(PyTypeObject *type, PyObject *args, PyObject *kw)
{
    if (kw != NULL && PyDict_GET_SIZE(kw) != 0) {
        PyErr_SetString(PyExc_TypeError, "range() takes no keyword arguments");
        return NULL;
    }
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    PyObject *start = NULL, *stop = NULL, *step = NULL;
    switch (nargs) {
    case 3:
        step = PyNumber_Index(PyTuple_GET_ITEM(args, 2));
        if (step == NULL) {
            return NULL;
        }
        if (_PyLong_Sign(step) == 0) {
            Py_DECREF(step);
            PyErr_SetString(PyExc_ValueError, "range() arg 3 must not be zero");
            return NULL;
        }
        /* fall through */
    case 2:
        start = PyNumber_Index(PyTuple_GET_ITEM(args, 0));
        if (start == NULL) {
            Py_XDECREF(step);
            return NULL;
        }
        stop = PyNumber_Index(PyTuple_GET_ITEM(args, 1));
        if (stop == NULL) {
            Py_DECREF(start);
            Py_XDECREF(step);
            return NULL;
        }
        if (step == NULL) {
            step = Py_NewRef(_PyLong_GetOne());
        }
        break;
    case 1:
        stop = PyNumber_Index(PyTuple_GET_ITEM(args, 0));
        if (stop == NULL) {
            return NULL;
        }
        start = Py_NewRef(_PyLong_GetZero());
        step = Py_NewRef(_PyLong_GetOne());
        break;
    case 0:
        PyErr_SetString(PyExc_TypeError, "range expected at least 1 argument, got 0");
        return NULL;
    default:
        PyErr_Format(PyExc_TypeError, "range expected at most 3 arguments, got %zd", nargs);
        return NULL;
    }
    rangeobject *r = make_range_object(type, start, stop, step);
    if (r == NULL) {
        Py_DECREF(start);
        Py_DECREF(stop);
        Py_DECREF(step);
    }
    return (PyObject *)r;
}

static void
range_dealloc(PyObject *op)
{
    rangeobject *r = (rangeobject *)op;
    Py_DECREF(r->start);
    Py_DECREF(r->stop);
    Py_DECREF(r->step);
    Py_DECREF(r->length);
    PyObject_Free(op);
}

static Py_ssize_t
range_length(PyObject *op)
{
    return PyLong_AsSsize_t(((rangeobject *)op)->length);
}

/* start + i * step (i an int, 0 <= i <= len). */
static PyObject *
compute_item(rangeobject *r, PyObject *i)
{
    if (_PyLong_Sign(r->step) == 1 && PyObject_RichCompareBool(r->step, _PyLong_GetOne(), Py_EQ) == 1) {
        return PyNumber_Add(r->start, i);
    }
    PyObject *incr = PyNumber_Multiply(i, r->step);
    if (incr == NULL) {
        return NULL;
    }
    PyObject *res = PyNumber_Add(r->start, incr);
    Py_DECREF(incr);
    return res;
}

/* r[arg] for an int arg, negative counting from the end. */
static PyObject *
compute_range_item(rangeobject *r, PyObject *arg)
{
    PyObject *i;
    if (_PyLong_Sign(arg) < 0) {
        i = PyNumber_Add(r->length, arg);
        if (i == NULL) {
            return NULL;
        }
    }
    else {
        i = Py_NewRef(arg);
    }
    /* 0 <= i < len */
    int cmp1 = _PyLong_Sign(i) >= 0;
    int cmp2 = PyObject_RichCompareBool(i, r->length, Py_LT);
    if (cmp2 < 0) {
        Py_DECREF(i);
        return NULL;
    }
    if (!cmp1 || !cmp2) {
        Py_DECREF(i);
        PyErr_SetString(PyExc_IndexError, "range object index out of range");
        return NULL;
    }
    PyObject *res = compute_item(r, i);
    Py_DECREF(i);
    return res;
}

static PyObject *
range_item(PyObject *op, Py_ssize_t i)
{
    PyObject *arg = PyLong_FromSsize_t(i);
    if (arg == NULL) {
        return NULL;
    }
    PyObject *res = compute_range_item((rangeobject *)op, arg);
    Py_DECREF(arg);
    return res;
}

static PyObject *
compute_slice(rangeobject *r, PyObject *_slice)
{
    PySliceObject *slice = (PySliceObject *)_slice;
    PyObject *start = NULL, *stop = NULL, *step = NULL;
    PyObject *substart = NULL, *substop = NULL, *substep = NULL;
    if (_PySlice_GetLongIndices(slice, r->length, &start, &stop, &step) < 0) {
        return NULL;
    }
    substep = PyNumber_Multiply(r->step, step);
    if (substep == NULL) {
        goto fail;
    }
    Py_CLEAR(step);
    substart = compute_item(r, start);
    if (substart == NULL) {
        goto fail;
    }
    Py_CLEAR(start);
    substop = compute_item(r, stop);
    if (substop == NULL) {
        goto fail;
    }
    Py_CLEAR(stop);
    return range_from_parts(substart, substop, substep);
fail:
    Py_XDECREF(start);
    Py_XDECREF(stop);
    Py_XDECREF(step);
    Py_XDECREF(substart);
    Py_XDECREF(substop);
    Py_XDECREF(substep);
    return NULL;
}

static PyObject *
range_subscript(PyObject *op, PyObject *item)
{
    rangeobject *self = (rangeobject *)op;
    if (PyLong_Check(item)) {
        return compute_range_item(self, item);
    }
    if (PySlice_Check(item)) {
        return compute_slice(self, item);
    }
    if (PyIndex_Check(item)) {
        PyObject *i = PyNumber_Index(item);
        if (i == NULL) {
            return NULL;
        }
        PyObject *res = compute_range_item(self, i);
        Py_DECREF(i);
        return res;
    }
    PyErr_Format(PyExc_TypeError, "range indices must be integers or slices, not %.200s",
                 Py_TYPE(item)->tp_name);
    return NULL;
}

/* ---- searching --------------------------------------------------------- */

/* Exact int (or bool): arithmetic membership test.  1, 0 or -1. */
static int
range_contains_long(rangeobject *r, PyObject *ob)
{
    int cmp1, cmp2;
    if (_PyLong_Sign(r->step) > 0) {
        /* start <= ob < stop */
        cmp1 = PyObject_RichCompareBool(r->start, ob, Py_LE);
        if (cmp1 != 1) {
            return cmp1;
        }
        cmp2 = PyObject_RichCompareBool(ob, r->stop, Py_LT);
    }
    else {
        /* stop < ob <= start */
        cmp1 = PyObject_RichCompareBool(ob, r->start, Py_LE);
        if (cmp1 != 1) {
            return cmp1;
        }
        cmp2 = PyObject_RichCompareBool(r->stop, ob, Py_LT);
    }
    if (cmp2 != 1) {
        return cmp2;
    }
    /* (ob - start) % step == 0 */
    PyObject *tmp1 = PyNumber_Subtract(ob, r->start);
    if (tmp1 == NULL) {
        return -1;
    }
    PyObject *tmp2 = PyNumber_Remainder(tmp1, r->step);
    Py_DECREF(tmp1);
    if (tmp2 == NULL) {
        return -1;
    }
    int result = _PyLong_Sign(tmp2) == 0;
    Py_DECREF(tmp2);
    return result;
}

static int
is_exact_int(PyObject *ob)
{
    return PyLong_CheckExact(ob) || PyBool_Check(ob);
}

/* Linear search through the values for a non-int: index of the first
 * equal value, -1 if none, -2 on error. */
static Py_ssize_t
range_iter_search(PyObject *r, PyObject *ob, int count_all, Py_ssize_t *count)
{
    PyObject *it = PyObject_GetIter(r);
    if (it == NULL) {
        return -2;
    }
    Py_ssize_t i = 0;
    *count = 0;
    for (;; i++) {
        PyObject *item = PyIter_Next(it);
        if (item == NULL) {
            Py_DECREF(it);
            return PyErr_Occurred() ? -2 : -1;
        }
        int cmp = PyObject_RichCompareBool(item, ob, Py_EQ);
        Py_DECREF(item);
        if (cmp < 0) {
            Py_DECREF(it);
            return -2;
        }
        if (cmp > 0) {
            (*count)++;
            if (!count_all) {
                Py_DECREF(it);
                return i;
            }
        }
    }
}

static int
range_contains(PyObject *op, PyObject *ob)
{
    rangeobject *r = (rangeobject *)op;
    if (is_exact_int(ob)) {
        return range_contains_long(r, ob);
    }
    Py_ssize_t count;
    Py_ssize_t res = range_iter_search(op, ob, 0, &count);
    if (res == -2) {
        return -1;
    }
    return res >= 0;
}

static PyObject *
range_count(PyObject *op, PyObject *ob)
{
    rangeobject *r = (rangeobject *)op;
    if (is_exact_int(ob)) {
        int result = range_contains_long(r, ob);
        if (result == -1) {
            return NULL;
        }
        return PyLong_FromLong(result);
    }
    Py_ssize_t count;
    if (range_iter_search(op, ob, 1, &count) == -2) {
        return NULL;
    }
    return PyLong_FromSsize_t(count);
}

static PyObject *
range_index(PyObject *op, PyObject *ob)
{
    rangeobject *r = (rangeobject *)op;
    if (!is_exact_int(ob)) {
        Py_ssize_t count;
        Py_ssize_t index = range_iter_search(op, ob, 0, &count);
        if (index == -2) {
            return NULL;
        }
        if (index == -1) {
            PyErr_SetString(PyExc_ValueError, "sequence.index(x): x not in sequence");
            return NULL;
        }
        return PyLong_FromSsize_t(index);
    }
    int contains = range_contains_long(r, ob);
    if (contains == -1) {
        return NULL;
    }
    if (!contains) {
        PyErr_Format(PyExc_ValueError, "%R is not in range", ob);
        return NULL;
    }
    /* (ob - start) // step */
    PyObject *idx = PyNumber_Subtract(ob, r->start);
    if (idx == NULL) {
        return NULL;
    }
    if (PyObject_RichCompareBool(r->step, _PyLong_GetOne(), Py_EQ) == 1) {
        return idx;
    }
    PyObject *res = PyNumber_FloorDivide(idx, r->step);
    Py_DECREF(idx);
    return res;
}

/* ---- comparison, hash, repr -------------------------------------------- */

/* Ranges are equal when they produce the same values. 1, 0 or -1. */
static int
range_equals(rangeobject *r0, rangeobject *r1)
{
    if (r0 == r1) {
        return 1;
    }
    int cmp = PyObject_RichCompareBool(r0->length, r1->length, Py_EQ);
    if (cmp != 1) {
        return cmp;
    }
    if (_PyLong_Sign(r0->length) == 0) {
        return 1;
    }
    cmp = PyObject_RichCompareBool(r0->start, r1->start, Py_EQ);
    if (cmp != 1) {
        return cmp;
    }
    cmp = PyObject_RichCompareBool(r0->length, _PyLong_GetOne(), Py_EQ);
    if (cmp != 0) {
        return cmp;
    }
    return PyObject_RichCompareBool(r0->step, r1->step, Py_EQ);
}

static PyObject *
range_richcompare(PyObject *self, PyObject *other, int op)
{
    if (!PyRange_Check(other) || (op != Py_EQ && op != Py_NE)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    int result = range_equals((rangeobject *)self, (rangeobject *)other);
    if (result == -1) {
        return NULL;
    }
    if (op == Py_NE) {
        result = !result;
    }
    return Py_NewRef(result ? Py_True : Py_False);
}

/* Hash of (len, start, step), with None for the parts that do not change
 * the values: (0, None, None) when empty, (1, start, None) for one item. */
static Py_hash_t
range_hash(PyObject *op)
{
    rangeobject *r = (rangeobject *)op;
    PyObject *t = PyTuple_New(3);
    if (t == NULL) {
        return -1;
    }
    PyTuple_SET_ITEM(t, 0, Py_NewRef(r->length));
    int cmp_result = PyObject_Not(r->length);
    if (cmp_result == -1) {
        Py_DECREF(t);
        return -1;
    }
    if (cmp_result == 1) {
        PyTuple_SET_ITEM(t, 1, Py_NewRef(Py_None));
        PyTuple_SET_ITEM(t, 2, Py_NewRef(Py_None));
    }
    else {
        PyTuple_SET_ITEM(t, 1, Py_NewRef(r->start));
        cmp_result = PyObject_RichCompareBool(r->length, _PyLong_GetOne(), Py_EQ);
        if (cmp_result == -1) {
            Py_DECREF(t);
            return -1;
        }
        PyTuple_SET_ITEM(t, 2, Py_NewRef(cmp_result == 1 ? Py_None : r->step));
    }
    Py_hash_t result = PyObject_Hash(t);
    Py_DECREF(t);
    return result;
}

static PyObject *
range_repr(PyObject *op)
{
    rangeobject *r = (rangeobject *)op;
    int istep = PyObject_RichCompareBool(r->step, _PyLong_GetOne(), Py_EQ);
    if (istep == -1) {
        return NULL;
    }
    if (istep) {
        return PyUnicode_FromFormat("range(%R, %R)", r->start, r->stop);
    }
    return PyUnicode_FromFormat("range(%R, %R, %R)", r->start, r->stop, r->step);
}

static int
range_bool(PyObject *op)
{
    return PyObject_IsTrue(((rangeobject *)op)->length);
}

static PyObject *
range_reduce(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    rangeobject *r = (rangeobject *)op;
    return Py_BuildValue("(O(OOO))", Py_TYPE(op), r->start, r->stop, r->step);
}

static PyObject *range_iter(PyObject *seq);
static PyObject *range_reverse(PyObject *seq, PyObject *Py_UNUSED(ignored));

static PyObject *range_get_start(PyObject *op, void *c) { return Py_NewRef(((rangeobject *)op)->start); }
static PyObject *range_get_stop(PyObject *op, void *c) { return Py_NewRef(((rangeobject *)op)->stop); }
static PyObject *range_get_step(PyObject *op, void *c) { return Py_NewRef(((rangeobject *)op)->step); }

static PyGetSetDef range_getset[] = {
    {"start", range_get_start, NULL, NULL, NULL},
    {"stop", range_get_stop, NULL, NULL, NULL},
    {"step", range_get_step, NULL, NULL, NULL},
    {NULL},
};

static PyMethodDef range_methods[] = {
    {"__reversed__", range_reverse, METH_NOARGS,
     "Return a reverse iterator."},
    {"__reduce__", range_reduce, METH_NOARGS, NULL},
    {"count", range_count, METH_O, "rangeobject.count(value) -> integer -- return number of occurrences of value"},
    {"index", range_index, METH_O,
     "rangeobject.index(value) -> integer -- return index of value.\n"
     "Raise ValueError if the value is not present."},
    {NULL, NULL},
};

static PySequenceMethods range_as_sequence = {
    .sq_length = range_length,
    .sq_item = range_item,
    .sq_contains = range_contains,
};

static PyMappingMethods range_as_mapping = {
    .mp_length = range_length,
    .mp_subscript = range_subscript,
};

static PyNumberMethods range_as_number = {
    .nb_bool = range_bool,
};

PyTypeObject PyRange_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "range",
    .tp_basicsize = sizeof(rangeobject),
    .tp_dealloc = range_dealloc,
    .tp_repr = range_repr,
    .tp_as_number = &range_as_number,
    .tp_as_sequence = &range_as_sequence,
    .tp_as_mapping = &range_as_mapping,
    .tp_hash = range_hash,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_SEQUENCE,
    .tp_doc = "range(stop) -> range object\n"
              "range(start, stop[, step]) -> range object\n\n"
              "Return an object that produces a sequence of integers from start (inclusive)\n"
              "to stop (exclusive) by step.  range(i, j) produces i, i+1, i+2, ..., j-1.\n"
              "start defaults to 0, and stop is omitted!  range(4) produces 0, 1, 2, 3.\n"
              "These are exactly the valid indices for a list of 4 elements.\n"
              "When step is given, it specifies the increment (or decrement).",
    .tp_richcompare = range_richcompare,
    .tp_iter = range_iter,
    .tp_methods = range_methods,
    .tp_getset = range_getset,
    .tp_new = range_new,
};

/* ---- iterators ----------------------------------------------------------
 * Iterators are not shared-safe by design (as in CPython): two threads
 * calling next() on one iterator may see the same value. */

typedef struct {
    PyObject_HEAD
    long start;   /* next value */
    long step;
    long len;     /* values left */
} rangeiterobject;

static PyObject *
rangeiter_next(PyObject *op)
{
    rangeiterobject *r = (rangeiterobject *)op;
    if (r->len > 0) {
        long result = r->start;
        /* Unsigned: the step after the last value may leave the long range. */
        r->start = (long)((unsigned long)result + (unsigned long)r->step);
        r->len--;
        return PyLong_FromLong(result);
    }
    return NULL;
}

static PyObject *
rangeiter_len(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    return PyLong_FromLong(((rangeiterobject *)op)->len);
}

static PyMethodDef rangeiter_methods[] = {
    {"__length_hint__", rangeiter_len, METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {NULL, NULL},
};

/* `for i in range(n)` makes one iterator per loop: recycle them through the
 * thread's free list (pycore_freelist.h).  The type cannot be subclassed. */
static void
rangeiter_dealloc(PyObject *op)
{
    struct _Py_freelists *fls = _Py_freelists_GET();
    if (fls == NULL || !_Py_freelist_push(&fls->rangeiters, op, _Py_RANGEITER_MAXFREELIST)) {
        PyObject_Free(op);
    }
}

PyTypeObject PyRangeIter_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "range_iterator",
    .tp_basicsize = sizeof(rangeiterobject),
    .tp_dealloc = rangeiter_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = rangeiter_next,
    .tp_methods = rangeiter_methods,
};

static PyObject *
fast_range_iter(long start, long step, long len)
{
    struct _Py_freelists *fls = _Py_freelists_GET();
    rangeiterobject *it = fls != NULL ? _Py_freelist_pop(&fls->rangeiters) : NULL;
    if (it != NULL) {
        _Py_NewReference_Count((PyObject *)it);
        Py_SET_TYPE(it, &PyRangeIter_Type);
    }
    else {
        it = PyObject_New(rangeiterobject, &PyRangeIter_Type);
        if (it == NULL) {
            return NULL;
        }
    }
    it->start = start;
    it->step = step;
    it->len = len;
    return (PyObject *)it;
}

typedef struct {
    PyObject_HEAD
    PyObject *start;
    PyObject *step;
    PyObject *len;
} longrangeiterobject;

static void
longrangeiter_dealloc(PyObject *op)
{
    longrangeiterobject *r = (longrangeiterobject *)op;
    Py_XDECREF(r->start);
    Py_XDECREF(r->step);
    Py_XDECREF(r->len);
    PyObject_Free(op);
}

static PyObject *
longrangeiter_next(PyObject *op)
{
    longrangeiterobject *r = (longrangeiterobject *)op;
    if (_PyLong_Sign(r->len) <= 0) {
        return NULL;
    }
    PyObject *new_start = PyNumber_Add(r->start, r->step);
    if (new_start == NULL) {
        return NULL;
    }
    PyObject *new_len = PyNumber_Subtract(r->len, _PyLong_GetOne());
    if (new_len == NULL) {
        Py_DECREF(new_start);
        return NULL;
    }
    PyObject *result = r->start;
    r->start = new_start;
    Py_SETREF(r->len, new_len);
    return result;
}

static PyObject *
longrangeiter_len(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    return Py_NewRef(((longrangeiterobject *)op)->len);
}

static PyMethodDef longrangeiter_methods[] = {
    {"__length_hint__", longrangeiter_len, METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {NULL, NULL},
};

PyTypeObject PyLongRangeIter_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "longrange_iterator",
    .tp_basicsize = sizeof(longrangeiterobject),
    .tp_dealloc = longrangeiter_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = longrangeiter_next,
    .tp_methods = longrangeiter_methods,
};

/* Steals nothing. */
static PyObject *
long_range_iter(PyObject *start, PyObject *step, PyObject *len)
{
    longrangeiterobject *it = PyObject_New(longrangeiterobject, &PyLongRangeIter_Type);
    if (it == NULL) {
        return NULL;
    }
    it->start = Py_NewRef(start);
    it->step = Py_NewRef(step);
    it->len = Py_NewRef(len);
    return (PyObject *)it;
}

/* Read the three fields as C longs; 0 if any does not fit (no error). */
static int
range_as_longs(rangeobject *r, long *lstart, long *lstop, long *lstep)
{
    int overflow = 0;
    *lstart = PyLong_AsLongAndOverflow(r->start, &overflow);
    if (overflow) {
        return 0;
    }
    *lstop = PyLong_AsLongAndOverflow(r->stop, &overflow);
    if (overflow) {
        return 0;
    }
    *lstep = PyLong_AsLongAndOverflow(r->step, &overflow);
    return !overflow;
}

static PyObject *
range_iter(PyObject *seq)
{
    rangeobject *r = (rangeobject *)seq;
    long lstart, lstop, lstep;
    if (range_as_longs(r, &lstart, &lstop, &lstep)) {
        unsigned long ulen = get_len_of_range(lstart, lstop, lstep);
        if (ulen <= (unsigned long)LONG_MAX) {
            /* The value after the last one must fit as well. */
            int fits = 1;
            if (ulen) {
                if (lstep > 0) {
                    fits = lstop <= LONG_MAX - (lstep - 1);
                }
                else {
                    fits = lstop >= LONG_MIN + (-1 - lstep);
                }
            }
            if (fits) {
                return fast_range_iter(lstart, lstep, (long)ulen);
            }
        }
    }
    if (PyErr_Occurred()) {
        return NULL;
    }
    return long_range_iter(r->start, r->step, r->length);
}

static PyObject *
range_reverse(PyObject *seq, PyObject *Py_UNUSED(ignored))
{
    rangeobject *range = (rangeobject *)seq;
    long lstart, lstop, lstep;
    /* Fast path when -step and the value one step before start (where the
     * reversed iteration ends) fit a C long. */
    if (range_as_longs(range, &lstart, &lstop, &lstep) && lstep != LONG_MIN &&
        (lstep > 0 ? lstart >= LONG_MIN + lstep : lstart <= LONG_MAX + lstep)) {
        unsigned long ulen = get_len_of_range(lstart, lstop, lstep);
        if (ulen <= (unsigned long)LONG_MAX) {
            /* The last value lies between start and stop, so it fits;
             * compute it modulo 2**64 to avoid intermediate overflow. */
            long new_start = (long)((unsigned long)lstart +
                                    (ulen ? ulen - 1 : 0) * (unsigned long)lstep);
            return fast_range_iter(new_start, -lstep, (long)ulen);
        }
    }
    if (PyErr_Occurred()) {
        return NULL;
    }

    /* start + (len - 1) * step, stepping by -step. */
    PyObject *sum = NULL, *diff = NULL, *product = NULL, *new_step = NULL, *res = NULL;
    if ((diff = PyNumber_Subtract(range->length, _PyLong_GetOne())) == NULL) {
        goto done;
    }
    if ((product = PyNumber_Multiply(diff, range->step)) == NULL) {
        goto done;
    }
    if ((sum = PyNumber_Add(range->start, product)) == NULL) {
        goto done;
    }
    if ((new_step = PyNumber_Negative(range->step)) == NULL) {
        goto done;
    }
    res = long_range_iter(sum, new_step, range->length);
done:
    Py_XDECREF(diff);
    Py_XDECREF(product);
    Py_XDECREF(sum);
    Py_XDECREF(new_step);
    return res;
}
