/* tupleobject.c: `tuple`.  Items inline after the header; the empty tuple
 * is an immortal singleton; the hash is CPython's xxHash-based one, so
 * hash((1, 2)) matches. */
#include "Python.h"
#include "pycore_object.h"
#include "pycore_freelist.h"

/* tuple is a GC type, so the collector reads the PyGC_Head in front of any
 * tuple it meets while traversing (e.g. a function's empty defaults).  The
 * static singleton therefore carries a real, zeroed (untracked) header;
 * without it the collector read, and could set bits in, whatever global the
 * linker placed before it (the random_dists segfault). */
static struct empty_tuple_with_gc {
    PyGC_Head gc;
    PyTupleObject tuple;
} empty_tuple_storage = {
    {0, 0},
    {PyVarObject_HEAD_INIT(&PyTuple_Type, 0) {NULL}},
};
#define empty_tuple (empty_tuple_storage.tuple)
_Static_assert(offsetof(struct empty_tuple_with_gc, tuple) == sizeof(PyGC_Head),
               "the empty tuple's GC header must sit right before it");

static PyTupleObject *
tuple_alloc(Py_ssize_t size)
{
    if (size < 0) {
        PyErr_BadInternalCall();
        return NULL;
    }
    if ((size_t)size > ((size_t)PY_SSIZE_T_MAX - sizeof(PyTupleObject)) / sizeof(PyObject *)) {
        return (PyTupleObject *)PyErr_NoMemory();
    }
    /* Small tuples are recycled per size through the thread's free lists
     * (pycore_freelist.h): calls, unpacking and dict items make and drop
     * them all the time. */
    if (size >= 1 && size <= _Py_TUPLE_MAXSAVESIZE) {
        struct _Py_freelists *fls = _Py_freelists_GET();
        PyTupleObject *op = fls != NULL ? _Py_freelist_pop(&fls->tuples[size - 1]) : NULL;
        if (op != NULL) {
            _Py_freelist_reset_gc((PyObject *)op);
            _PyGC_CountAlloc(1);
            _Py_NewReference_Count((PyObject *)op);
            Py_SET_TYPE(op, &PyTuple_Type);
            Py_SET_SIZE(op, size);
            return op;
        }
    }
    return PyObject_GC_NewVar(PyTupleObject, &PyTuple_Type, size);
}

PyObject *
PyTuple_New(Py_ssize_t size)
{
    if (size == 0) {
        return Py_NewRef(&empty_tuple);
    }
    PyTupleObject *op = tuple_alloc(size);
    if (op == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < size; i++) {
        op->ob_item[i] = NULL;
    }
    PyObject_GC_Track(op);
    return (PyObject *)op;
}

Py_ssize_t
PyTuple_Size(PyObject *op)
{
    if (!PyTuple_Check(op)) {
        PyErr_BadInternalCall();
        return -1;
    }
    return Py_SIZE(op);
}

PyObject *
PyTuple_GetItem(PyObject *op, Py_ssize_t i)
{
    if (!PyTuple_Check(op)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    if (i < 0 || i >= Py_SIZE(op)) {
        PyErr_SetString(PyExc_IndexError, "tuple index out of range");
        return NULL;
    }
    return ((PyTupleObject *)op)->ob_item[i];
}

int
PyTuple_SetItem(PyObject *op, Py_ssize_t i, PyObject *newitem)
{
    if (!PyTuple_Check(op) || Py_REFCNT(op) != 1) {
        Py_XDECREF(newitem);
        PyErr_BadInternalCall();
        return -1;
    }
    if (i < 0 || i >= Py_SIZE(op)) {
        Py_XDECREF(newitem);
        PyErr_SetString(PyExc_IndexError, "tuple assignment index out of range");
        return -1;
    }
    PyObject **p = ((PyTupleObject *)op)->ob_item + i;
    Py_XSETREF(*p, newitem);
    return 0;
}

PyObject *
PyTuple_Pack(Py_ssize_t n, ...)
{
    if (n == 0) {
        return PyTuple_New(0);
    }
    PyTupleObject *result = tuple_alloc(n);
    if (result == NULL) {
        return NULL;
    }
    va_list vargs;
    va_start(vargs, n);
    for (Py_ssize_t i = 0; i < n; i++) {
        result->ob_item[i] = Py_NewRef(va_arg(vargs, PyObject *));
    }
    va_end(vargs);
    PyObject_GC_Track(result);
    return (PyObject *)result;
}

PyObject *
_PyTuple_FromArray(PyObject *const *src, Py_ssize_t n)
{
    if (n == 0) {
        return PyTuple_New(0);
    }
    PyTupleObject *tuple = tuple_alloc(n);
    if (tuple == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        tuple->ob_item[i] = Py_NewRef(src[i]);
    }
    PyObject_GC_Track(tuple);
    return (PyObject *)tuple;
}

PyObject *
_PyTuple_FromArraySteal(PyObject *const *src, Py_ssize_t n)
{
    if (n == 0) {
        return PyTuple_New(0);
    }
    PyTupleObject *tuple = tuple_alloc(n);
    if (tuple == NULL) {
        for (Py_ssize_t i = 0; i < n; i++) {
            Py_DECREF(src[i]);
        }
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        tuple->ob_item[i] = src[i];
    }
    PyObject_GC_Track(tuple);
    return (PyObject *)tuple;
}

static void
tupledealloc(PyObject *self)
{
    PyTupleObject *op = (PyTupleObject *)self;
    if (op == &empty_tuple) {
        return;
    }
    PyObject_GC_UnTrack(op);
    Py_ssize_t n = Py_SIZE(op);
    Py_ssize_t i = n;
    while (--i >= 0) {
        Py_XDECREF(op->ob_item[i]);
    }
    if (n >= 1 && n <= _Py_TUPLE_MAXSAVESIZE && PyTuple_CheckExact(op)) {
        struct _Py_freelists *fls = _Py_freelists_GET();
        if (fls != NULL && _Py_freelist_push(&fls->tuples[n - 1], op, _Py_TUPLE_MAXFREELIST)) {
            _PyGC_CountAlloc(-1);
            return;
        }
    }
    Py_TYPE(op)->tp_free((PyObject *)op);
}

static PyObject *
tuplerepr(PyObject *self)
{
    PyTupleObject *v = (PyTupleObject *)self;
    Py_ssize_t n = Py_SIZE(v);
    if (n == 0) {
        return PyUnicode_FromString("()");
    }
    int rc = Py_ReprEnter(self);
    if (rc != 0) {
        return rc > 0 ? PyUnicode_FromString("(...)") : NULL;
    }
    _PyUnicodeWriter writer;
    _PyUnicodeWriter_Init(&writer);
    if (_PyUnicodeWriter_WriteChar(&writer, '(') < 0) {
        goto error;
    }
    for (Py_ssize_t i = 0; i < n; ++i) {
        if (i > 0 && _PyUnicodeWriter_WriteASCIIString(&writer, ", ", 2) < 0) {
            goto error;
        }
        PyObject *s = PyObject_Repr(v->ob_item[i]);
        if (s == NULL) {
            goto error;
        }
        int r = _PyUnicodeWriter_WriteStr(&writer, s);
        Py_DECREF(s);
        if (r < 0) {
            goto error;
        }
    }
    if (n == 1 && _PyUnicodeWriter_WriteChar(&writer, ',') < 0) {
        goto error;
    }
    if (_PyUnicodeWriter_WriteChar(&writer, ')') < 0) {
        goto error;
    }
    Py_ReprLeave(self);
    return _PyUnicodeWriter_Finish(&writer);
error:
    _PyUnicodeWriter_Dealloc(&writer);
    Py_ReprLeave(self);
    return NULL;
}

/* xxHash-based tuple hash, as CPython 3.8+. */
#define _PyHASH_XXPRIME_1 ((Py_uhash_t)11400714785074694791ULL)
#define _PyHASH_XXPRIME_2 ((Py_uhash_t)14029467366897019727ULL)
#define _PyHASH_XXPRIME_5 ((Py_uhash_t)2870177450012600261ULL)
#define _PyHASH_XXROTATE(x) ((x << 31) | (x >> 33))

static Py_hash_t
tuplehash(PyObject *self)
{
    PyTupleObject *v = (PyTupleObject *)self;
    Py_ssize_t len = Py_SIZE(v);
    PyObject **item = v->ob_item;
    Py_uhash_t acc = _PyHASH_XXPRIME_5;
    for (Py_ssize_t i = 0; i < len; i++) {
        Py_uhash_t lane = (Py_uhash_t)PyObject_Hash(item[i]);
        if (lane == (Py_uhash_t)-1) {
            return -1;
        }
        acc += lane * _PyHASH_XXPRIME_2;
        acc = _PyHASH_XXROTATE(acc);
        acc *= _PyHASH_XXPRIME_1;
    }
    acc += (Py_uhash_t)len ^ (_PyHASH_XXPRIME_5 ^ 3527539UL);
    if (acc == (Py_uhash_t)-1) {
        return 1546275796;
    }
    return (Py_hash_t)acc;
}

static Py_ssize_t
tuplelength(PyObject *a)
{
    return Py_SIZE(a);
}

static int
tuplecontains(PyObject *self, PyObject *el)
{
    PyTupleObject *a = (PyTupleObject *)self;
    int cmp = 0;
    for (Py_ssize_t i = 0; cmp == 0 && i < Py_SIZE(a); ++i) {
        cmp = PyObject_RichCompareBool(PyTuple_GET_ITEM(a, i), el, Py_EQ);
    }
    return cmp;
}

static PyObject *
tupleitem(PyObject *self, Py_ssize_t i)
{
    if (i < 0 || i >= Py_SIZE(self)) {
        PyErr_SetString(PyExc_IndexError, "tuple index out of range");
        return NULL;
    }
    return Py_NewRef(PyTuple_GET_ITEM(self, i));
}

static PyObject *
tupleslice(PyTupleObject *a, Py_ssize_t ilow, Py_ssize_t ihigh)
{
    if (ilow < 0) {
        ilow = 0;
    }
    if (ihigh > Py_SIZE(a)) {
        ihigh = Py_SIZE(a);
    }
    if (ihigh < ilow) {
        ihigh = ilow;
    }
    if (ilow == 0 && ihigh == Py_SIZE(a) && PyTuple_CheckExact(a)) {
        return Py_NewRef(a);
    }
    return _PyTuple_FromArray(a->ob_item + ilow, ihigh - ilow);
}

PyObject *
PyTuple_GetSlice(PyObject *op, Py_ssize_t i, Py_ssize_t j)
{
    if (op == NULL || !PyTuple_Check(op)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    return tupleslice((PyTupleObject *)op, i, j);
}

static PyObject *
tupleconcat(PyObject *self, PyObject *bb)
{
    PyTupleObject *a = (PyTupleObject *)self;
    if (Py_SIZE(bb) == 0 && PyTuple_CheckExact(bb) && PyTuple_CheckExact(a)) {
        return Py_NewRef(a);
    }
    if (!PyTuple_Check(bb)) {
        PyErr_Format(PyExc_TypeError, "can only concatenate tuple (not \"%.200s\") to tuple",
                     Py_TYPE(bb)->tp_name);
        return NULL;
    }
    PyTupleObject *b = (PyTupleObject *)bb;
    if (Py_SIZE(a) == 0 && PyTuple_CheckExact(b)) {
        return Py_NewRef(b);
    }
    if (Py_SIZE(a) > PY_SSIZE_T_MAX - Py_SIZE(b)) {
        return PyErr_NoMemory();
    }
    Py_ssize_t size = Py_SIZE(a) + Py_SIZE(b);
    if (size == 0) {
        return PyTuple_New(0);
    }
    PyTupleObject *np = tuple_alloc(size);
    if (np == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < Py_SIZE(a); i++) {
        np->ob_item[i] = Py_NewRef(a->ob_item[i]);
    }
    for (Py_ssize_t i = 0; i < Py_SIZE(b); i++) {
        np->ob_item[i + Py_SIZE(a)] = Py_NewRef(b->ob_item[i]);
    }
    PyObject_GC_Track(np);
    return (PyObject *)np;
}

static PyObject *
tuplerepeat(PyObject *self, Py_ssize_t n)
{
    PyTupleObject *a = (PyTupleObject *)self;
    Py_ssize_t input_size = Py_SIZE(a);
    if (input_size == 0 || n == 1) {
        if (PyTuple_CheckExact(a)) {
            return Py_NewRef(a);
        }
    }
    if (input_size == 0 || n <= 0) {
        return PyTuple_New(0);
    }
    if (input_size > PY_SSIZE_T_MAX / n) {
        return PyErr_NoMemory();
    }
    Py_ssize_t output_size = input_size * n;
    PyTupleObject *np = tuple_alloc(output_size);
    if (np == NULL) {
        return NULL;
    }
    for (Py_ssize_t j = 0; j < output_size; j++) {
        np->ob_item[j] = Py_NewRef(a->ob_item[j % input_size]);
    }
    PyObject_GC_Track(np);
    return (PyObject *)np;
}

static int
tupletraverse(PyObject *self, visitproc visit, void *arg)
{
    PyTupleObject *o = (PyTupleObject *)self;
    for (Py_ssize_t i = Py_SIZE(o); --i >= 0;) {
        Py_VISIT(o->ob_item[i]);
    }
    return 0;
}

static PyObject *
tuplerichcompare(PyObject *v, PyObject *w, int op)
{
    if (!PyTuple_Check(v) || !PyTuple_Check(w)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    PyTupleObject *vt = (PyTupleObject *)v, *wt = (PyTupleObject *)w;
    Py_ssize_t vlen = Py_SIZE(vt), wlen = Py_SIZE(wt);
    Py_ssize_t i;
    for (i = 0; i < vlen && i < wlen; i++) {
        int k = PyObject_RichCompareBool(vt->ob_item[i], wt->ob_item[i], Py_EQ);
        if (k < 0) {
            return NULL;
        }
        if (!k) {
            break;
        }
    }
    if (i >= vlen || i >= wlen) {
        Py_RETURN_RICHCOMPARE(vlen, wlen, op);
    }
    if (op == Py_EQ) {
        Py_RETURN_FALSE;
    }
    if (op == Py_NE) {
        Py_RETURN_TRUE;
    }
    return PyObject_RichCompare(vt->ob_item[i], wt->ob_item[i], op);
}

static PyObject *
tuple_subtype_new(PyTypeObject *type, PyObject *iterable)
{
    PyObject *tmp = iterable == NULL ? PyTuple_New(0) : PySequence_Tuple(iterable);
    if (tmp == NULL) {
        return NULL;
    }
    Py_ssize_t n = PyTuple_GET_SIZE(tmp);
    PyObject *newobj = type->tp_alloc(type, n);
    if (newobj == NULL) {
        Py_DECREF(tmp);
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        ((PyTupleObject *)newobj)->ob_item[i] = Py_NewRef(PyTuple_GET_ITEM(tmp, i));
    }
    Py_DECREF(tmp);
    return newobj;
}

static PyObject *
tuple_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyObject *iterable = NULL;
    if (type == &PyTuple_Type && !_PyArg_NoKeywords("tuple", kwds)) {
        return NULL;
    }
    if (!PyArg_UnpackTuple(args, "tuple", 0, 1, &iterable)) {
        return NULL;
    }
    if (type != &PyTuple_Type) {
        return tuple_subtype_new(type, iterable);
    }
    if (iterable == NULL) {
        return PyTuple_New(0);
    }
    return PySequence_Tuple(iterable);
}

static PyObject *
tuplesubscript(PyObject *self, PyObject *item)
{
    PyTupleObject *t = (PyTupleObject *)self;
    if (PyIndex_Check(item)) {
        Py_ssize_t i = PyNumber_AsSsize_t(item, PyExc_IndexError);
        if (i == -1 && PyErr_Occurred()) {
            return NULL;
        }
        if (i < 0) {
            i += Py_SIZE(t);
        }
        return tupleitem(self, i);
    }
    if (PySlice_Check(item)) {
        Py_ssize_t start, stop, step;
        if (PySlice_Unpack(item, &start, &stop, &step) < 0) {
            return NULL;
        }
        Py_ssize_t slicelength = PySlice_AdjustIndices(Py_SIZE(t), &start, &stop, step);
        if (slicelength <= 0) {
            return PyTuple_New(0);
        }
        if (start == 0 && step == 1 && slicelength == Py_SIZE(t) && PyTuple_CheckExact(t)) {
            return Py_NewRef(t);
        }
        PyTupleObject *result = tuple_alloc(slicelength);
        if (result == NULL) {
            return NULL;
        }
        for (Py_ssize_t cur = start, i = 0; i < slicelength; cur += step, i++) {
            result->ob_item[i] = Py_NewRef(t->ob_item[cur]);
        }
        PyObject_GC_Track(result);
        return (PyObject *)result;
    }
    PyErr_Format(PyExc_TypeError, "tuple indices must be integers or slices, not %.200s",
                 Py_TYPE(item)->tp_name);
    return NULL;
}

static PyObject *
tuple_index(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_ssize_t start = 0, stop = PY_SSIZE_T_MAX;
    if (!_PyArg_CheckPositional("index", nargs, 1, 3)) {
        return NULL;
    }
    if (nargs > 1) {
        start = PyNumber_AsSsize_t(args[1], NULL);
        if (start == -1 && PyErr_Occurred()) {
            return NULL;
        }
    }
    if (nargs > 2) {
        stop = PyNumber_AsSsize_t(args[2], NULL);
        if (stop == -1 && PyErr_Occurred()) {
            return NULL;
        }
    }
    Py_ssize_t n = Py_SIZE(self);
    if (start < 0) {
        start += n;
        if (start < 0) {
            start = 0;
        }
    }
    if (stop < 0) {
        stop += n;
    }
    else if (stop > n) {
        stop = n;
    }
    for (Py_ssize_t i = start; i < stop; i++) {
        int cmp = PyObject_RichCompareBool(PyTuple_GET_ITEM(self, i), args[0], Py_EQ);
        if (cmp > 0) {
            return PyLong_FromSsize_t(i);
        }
        if (cmp < 0) {
            return NULL;
        }
    }
    PyErr_SetString(PyExc_ValueError, "tuple.index(x): x not in tuple");
    return NULL;
}

static PyObject *
tuple_count(PyObject *self, PyObject *value)
{
    Py_ssize_t count = 0;
    for (Py_ssize_t i = 0; i < Py_SIZE(self); i++) {
        int cmp = PyObject_RichCompareBool(PyTuple_GET_ITEM(self, i), value, Py_EQ);
        if (cmp > 0) {
            count++;
        }
        else if (cmp < 0) {
            return NULL;
        }
    }
    return PyLong_FromSsize_t(count);
}

static PyObject *
tuple_getnewargs(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *t = tupleslice((PyTupleObject *)self, 0, Py_SIZE(self));
    if (t == NULL) {
        return NULL;
    }
    PyObject *r = PyTuple_Pack(1, t);
    Py_DECREF(t);
    return r;
}

static PyMethodDef tuple_methods[] = {
    {"__getnewargs__", tuple_getnewargs, METH_NOARGS, NULL},
    {"__class_getitem__", Py_GenericAlias, METH_O | METH_CLASS, "See PEP 585"},
    {"index", _PyCFunction_CAST(tuple_index), METH_FASTCALL,
     "Return first index of value.\n\nRaises ValueError if the value is not present."},
    {"count", tuple_count, METH_O, "Return number of occurrences of value."},
    {NULL, NULL, 0, NULL}
};

static PySequenceMethods tuple_as_sequence = {
    .sq_length = tuplelength,
    .sq_concat = tupleconcat,
    .sq_repeat = tuplerepeat,
    .sq_item = tupleitem,
    .sq_contains = tuplecontains,
};

static PyMappingMethods tuple_as_mapping = {
    .mp_length = tuplelength,
    .mp_subscript = tuplesubscript,
};

static PyObject *tuple_iter(PyObject *seq);

PyTypeObject PyTuple_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "tuple",
    .tp_basicsize = sizeof(PyTupleObject) - sizeof(PyObject *),
    .tp_itemsize = sizeof(PyObject *),
    .tp_dealloc = tupledealloc,
    .tp_repr = tuplerepr,
    .tp_as_sequence = &tuple_as_sequence,
    .tp_as_mapping = &tuple_as_mapping,
    .tp_hash = tuplehash,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE |
                Py_TPFLAGS_TUPLE_SUBCLASS | Py_TPFLAGS_SEQUENCE,
    .tp_doc = "Built-in immutable sequence.\n\n"
              "If no argument is given, the constructor returns an empty tuple.\n"
              "If iterable is specified the tuple is initialized from iterable's items.\n\n"
              "If the argument is a tuple, the return value is the same object.",
    .tp_traverse = tupletraverse,
    .tp_richcompare = tuplerichcompare,
    .tp_iter = tuple_iter,
    .tp_methods = tuple_methods,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = tuple_new,
    .tp_free = PyObject_GC_Del,
};

int
_PyTuple_Resize(PyObject **pv, Py_ssize_t newsize)
{
    PyTupleObject *v = (PyTupleObject *)*pv;
    if (v == NULL || !Py_IS_TYPE(v, &PyTuple_Type) ||
        (Py_SIZE(v) != 0 && Py_REFCNT(v) != 1)) {
        *pv = 0;
        Py_XDECREF(v);
        PyErr_BadInternalCall();
        return -1;
    }
    Py_ssize_t oldsize = Py_SIZE(v);
    if (oldsize == newsize) {
        return 0;
    }
    if (newsize == 0) {
        Py_DECREF(v);
        *pv = PyTuple_New(0);
        return 0;
    }
    if (oldsize == 0) {
        *pv = PyTuple_New(newsize);
        return *pv == NULL ? -1 : 0;
    }
    PyObject_GC_UnTrack(v);
    for (Py_ssize_t i = newsize; i < oldsize; i++) {
        Py_CLEAR(v->ob_item[i]);
    }
    PyTupleObject *sv = PyObject_GC_Resize(PyTupleObject, v, newsize);
    if (sv == NULL) {
        *pv = NULL;
        PyObject_GC_Del(v);
        return -1;
    }
    for (Py_ssize_t i = oldsize; i < newsize; i++) {
        sv->ob_item[i] = NULL;
    }
    PyObject_GC_Track(sv);
    *pv = (PyObject *)sv;
    return 0;
}

/* ---- iterator ------------------------------------------------------------ */

typedef struct {
    PyObject_HEAD
    Py_ssize_t it_index;
    PyTupleObject *it_seq;  /* NULL when exhausted */
} tupleiterobject;

static void
tupleiter_dealloc(PyObject *self)
{
    tupleiterobject *it = (tupleiterobject *)self;
    PyObject_GC_UnTrack(it);
    Py_XDECREF(it->it_seq);
    PyObject_GC_Del(it);
}

static int
tupleiter_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((tupleiterobject *)self)->it_seq);
    return 0;
}

static PyObject *
tupleiter_next(PyObject *self)
{
    tupleiterobject *it = (tupleiterobject *)self;
    PyTupleObject *seq = it->it_seq;
    if (seq == NULL) {
        return NULL;
    }
    if (it->it_index < Py_SIZE(seq)) {
        return Py_NewRef(seq->ob_item[it->it_index++]);
    }
    it->it_seq = NULL;
    Py_DECREF(seq);
    return NULL;
}

static PyObject *
tupleiter_len(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    tupleiterobject *it = (tupleiterobject *)self;
    Py_ssize_t len = 0;
    if (it->it_seq) {
        len = Py_SIZE(it->it_seq) - it->it_index;
    }
    return PyLong_FromSsize_t(len);
}

static PyMethodDef tupleiter_methods[] = {
    {"__length_hint__", tupleiter_len, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

PyTypeObject PyTupleIter_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "tuple_iterator",
    .tp_basicsize = sizeof(tupleiterobject),
    .tp_dealloc = tupleiter_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = tupleiter_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = tupleiter_next,
    .tp_methods = tupleiter_methods,
    .tp_free = PyObject_GC_Del,
};

static PyObject *
tuple_iter(PyObject *seq)
{
    tupleiterobject *it = PyObject_GC_New(tupleiterobject, &PyTupleIter_Type);
    if (it == NULL) {
        return NULL;
    }
    it->it_index = 0;
    it->it_seq = (PyTupleObject *)Py_NewRef(seq);
    PyObject_GC_Track(it);
    return (PyObject *)it;
}
