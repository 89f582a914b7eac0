/* itertoolsmodule.c: the itertools module.  Iterator building blocks:
 * infinite (count, cycle, repeat), terminating on the shortest input
 * (accumulate, batched, chain, compress, dropwhile, filterfalse, groupby,
 * islice, pairwise, starmap, takewhile, tee, zip_longest) and combinatoric
 * (product, permutations, combinations, combinations_with_replacement).
 *
 * Every iterator's __next__ runs inside a critical section on the iterator,
 * so sharing one between threads in the free-threaded build may interleave
 * items but never corrupts its state. */
#include "Python.h"
#include "pycore_object.h"

/* Wrap `name##_next_impl` in a critical section on the iterator. */
#define LOCKED_NEXT(name)                                   \
    static PyObject *name##_next(PyObject *self)            \
    {                                                       \
        PyObject *res;                                      \
        Py_BEGIN_CRITICAL_SECTION(self);                    \
        res = name##_next_impl(self);                       \
        Py_END_CRITICAL_SECTION();                          \
        return res;                                         \
    }

/* Most iterators here share one flag set and free function. */
#define ITER_FLAGS (Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE)

/* PyIter_Next, as a short name. */
static inline PyObject *
next_of(PyObject *it)
{
    return PyIter_Next(it);
}

/* ---- count --------------------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    Py_ssize_t cnt;        /* the count while counting by 1 in machine ints */
    PyObject *long_cnt;    /* the count otherwise (NULL in fast mode) */
    PyObject *long_step;   /* the step (an int 1 in fast mode) */
} countobject;

static PyTypeObject count_type;

static PyObject *
count_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"start", "step", NULL};
    PyObject *start = NULL, *step = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|OO:count", kwlist, &start, &step)) {
        return NULL;
    }
    if ((start != NULL && !PyNumber_Check(start)) ||
        (step != NULL && !PyNumber_Check(step))) {
        PyErr_SetString(PyExc_TypeError, "a number is required");
        return NULL;
    }
    countobject *lz = (countobject *)type->tp_alloc(type, 0);
    if (lz == NULL) {
        return NULL;
    }
    int step_is_one = 0;
    if (step == NULL) {
        step_is_one = 1;
        lz->long_step = PyLong_FromLong(1);
    }
    else {
        if (PyLong_CheckExact(step)) {
            int overflow;
            long v = PyLong_AsLongAndOverflow(step, &overflow);
            step_is_one = (overflow == 0 && v == 1);
        }
        lz->long_step = Py_NewRef(step);
    }
    if (lz->long_step == NULL) {
        Py_DECREF(lz);
        return NULL;
    }
    Py_ssize_t cnt = 0;
    int fast = step_is_one;
    if (start != NULL) {
        if (PyLong_CheckExact(start)) {
            cnt = PyLong_AsSsize_t(start);
            if (cnt == -1 && PyErr_Occurred()) {
                PyErr_Clear();
                fast = 0;
            }
        }
        else {
            fast = 0;
        }
    }
    if (fast) {
        lz->cnt = cnt;
    }
    else {
        lz->cnt = PY_SSIZE_T_MAX;
        lz->long_cnt = start != NULL ? Py_NewRef(start) : PyLong_FromLong(0);
        if (lz->long_cnt == NULL) {
            Py_DECREF(lz);
            return NULL;
        }
    }
    return (PyObject *)lz;
}

static void
count_dealloc(PyObject *op)
{
    countobject *lz = (countobject *)op;
    PyObject_GC_UnTrack(op);
    Py_XDECREF(lz->long_cnt);
    Py_XDECREF(lz->long_step);
    Py_TYPE(op)->tp_free(op);
}

static int
count_traverse(PyObject *op, visitproc visit, void *arg)
{
    countobject *lz = (countobject *)op;
    Py_VISIT(lz->long_cnt);
    Py_VISIT(lz->long_step);
    return 0;
}

static PyObject *
count_next_impl(PyObject *op)
{
    countobject *lz = (countobject *)op;
    if (lz->long_cnt == NULL) {
        if (lz->cnt < PY_SSIZE_T_MAX) {
            return PyLong_FromSsize_t(lz->cnt++);
        }
        /* Leaving machine ints: continue with objects. */
        lz->long_cnt = PyLong_FromSsize_t(PY_SSIZE_T_MAX);
        if (lz->long_cnt == NULL) {
            return NULL;
        }
    }
    PyObject *result = lz->long_cnt;
    PyObject *next = PyNumber_Add(result, lz->long_step);
    if (next == NULL) {
        return NULL;
    }
    lz->long_cnt = next;
    return result;
}
LOCKED_NEXT(count)

static PyObject *
count_repr(PyObject *op)
{
    countobject *lz = (countobject *)op;
    const char *name = _PyType_Name(Py_TYPE(op));
    PyObject *res = NULL;
    Py_BEGIN_CRITICAL_SECTION(op);
    if (lz->long_cnt == NULL) {
        res = PyUnicode_FromFormat("%s(%zd)", name, lz->cnt);
    }
    else {
        int step_is_one = 0;
        if (PyLong_Check(lz->long_step)) {
            int overflow;
            long v = PyLong_AsLongAndOverflow(lz->long_step, &overflow);
            step_is_one = (overflow == 0 && v == 1);
        }
        if (step_is_one) {
            res = PyUnicode_FromFormat("%s(%R)", name, lz->long_cnt);
        }
        else {
            res = PyUnicode_FromFormat("%s(%R, %R)", name, lz->long_cnt, lz->long_step);
        }
    }
    Py_END_CRITICAL_SECTION();
    return res;
}

static PyTypeObject count_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "itertools.count",
    .tp_basicsize = sizeof(countobject),
    .tp_dealloc = count_dealloc,
    .tp_repr = count_repr,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = ITER_FLAGS,
    .tp_doc = "Return a count object whose .__next__() method returns consecutive values.",
    .tp_traverse = count_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = count_next,
    .tp_new = count_new,
    .tp_free = PyObject_GC_Del,
};

/* ---- cycle --------------------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    PyObject *it;       /* the source, NULL once exhausted */
    PyObject *saved;    /* list of the items seen */
    Py_ssize_t index;   /* next saved item to replay */
} cycleobject;

static PyObject *
cycle_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    if (!_PyArg_NoKeywords("cycle", kwds)) {
        return NULL;
    }
    PyObject *iterable;
    if (!PyArg_UnpackTuple(args, "cycle", 1, 1, &iterable)) {
        return NULL;
    }
    PyObject *it = PyObject_GetIter(iterable);
    if (it == NULL) {
        return NULL;
    }
    PyObject *saved = PyList_New(0);
    if (saved == NULL) {
        Py_DECREF(it);
        return NULL;
    }
    cycleobject *lz = (cycleobject *)type->tp_alloc(type, 0);
    if (lz == NULL) {
        Py_DECREF(it);
        Py_DECREF(saved);
        return NULL;
    }
    lz->it = it;
    lz->saved = saved;
    return (PyObject *)lz;
}

static void
cycle_dealloc(PyObject *op)
{
    cycleobject *lz = (cycleobject *)op;
    PyObject_GC_UnTrack(op);
    Py_XDECREF(lz->it);
    Py_XDECREF(lz->saved);
    Py_TYPE(op)->tp_free(op);
}

static int
cycle_traverse(PyObject *op, visitproc visit, void *arg)
{
    cycleobject *lz = (cycleobject *)op;
    Py_VISIT(lz->it);
    Py_VISIT(lz->saved);
    return 0;
}

static PyObject *
cycle_next_impl(PyObject *op)
{
    cycleobject *lz = (cycleobject *)op;
    if (lz->it != NULL) {
        PyObject *item = next_of(lz->it);
        if (item != NULL) {
            if (PyList_Append(lz->saved, item) < 0) {
                Py_DECREF(item);
                return NULL;
            }
            return item;
        }
        if (PyErr_Occurred()) {
            return NULL;
        }
        Py_CLEAR(lz->it);
    }
    Py_ssize_t n = PyList_GET_SIZE(lz->saved);
    if (n == 0) {
        return NULL;
    }
    if (lz->index >= n) {
        lz->index = 0;
    }
    PyObject *item = PyList_GET_ITEM(lz->saved, lz->index);
    lz->index++;
    return Py_NewRef(item);
}
LOCKED_NEXT(cycle)

static PyTypeObject cycle_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "itertools.cycle",
    .tp_basicsize = sizeof(cycleobject),
    .tp_dealloc = cycle_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = ITER_FLAGS,
    .tp_doc = "Return elements from the iterable until it is exhausted. Then repeat the sequence indefinitely.",
    .tp_traverse = cycle_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = cycle_next,
    .tp_new = cycle_new,
    .tp_free = PyObject_GC_Del,
};

/* ---- repeat -------------------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    PyObject *element;
    Py_ssize_t cnt;     /* items left, -1 for forever */
} repeatobject;

static PyObject *
repeat_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"object", "times", NULL};
    PyObject *element;
    Py_ssize_t cnt = -1;
    Py_ssize_t n_args = PyTuple_GET_SIZE(args) + (kwds ? PyDict_GET_SIZE(kwds) : 0);
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|n:repeat", kwlist, &element, &cnt)) {
        return NULL;
    }
    /* Does the user ask for a count?  Then a negative one means none. */
    if (n_args == 2 && cnt < 0) {
        cnt = 0;
    }
    repeatobject *ro = (repeatobject *)type->tp_alloc(type, 0);
    if (ro == NULL) {
        return NULL;
    }
    ro->element = Py_NewRef(element);
    ro->cnt = cnt;
    return (PyObject *)ro;
}

static void
repeat_dealloc(PyObject *op)
{
    repeatobject *ro = (repeatobject *)op;
    PyObject_GC_UnTrack(op);
    Py_XDECREF(ro->element);
    Py_TYPE(op)->tp_free(op);
}

static int
repeat_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(((repeatobject *)op)->element);
    return 0;
}

static PyObject *
repeat_next(PyObject *op)
{
    repeatobject *ro = (repeatobject *)op;
    PyObject *res = NULL;
    Py_BEGIN_CRITICAL_SECTION(op);
    if (ro->cnt != 0) {
        if (ro->cnt > 0) {
            ro->cnt--;
        }
        res = Py_NewRef(ro->element);
    }
    Py_END_CRITICAL_SECTION();
    return res;
}

static PyObject *
repeat_repr(PyObject *op)
{
    repeatobject *ro = (repeatobject *)op;
    const char *name = _PyType_Name(Py_TYPE(op));
    if (ro->cnt == -1) {
        return PyUnicode_FromFormat("%s(%R)", name, ro->element);
    }
    return PyUnicode_FromFormat("%s(%R, %zd)", name, ro->element, ro->cnt);
}

static PyObject *
repeat_len(PyObject *op, PyObject *unused)
{
    repeatobject *ro = (repeatobject *)op;
    if (ro->cnt == -1) {
        PyErr_SetString(PyExc_TypeError, "len() of unsized object");
        return NULL;
    }
    return PyLong_FromSsize_t(ro->cnt);
}

static PyMethodDef repeat_methods[] = {
    {"__length_hint__", repeat_len, METH_NOARGS, "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject repeat_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "itertools.repeat",
    .tp_basicsize = sizeof(repeatobject),
    .tp_dealloc = repeat_dealloc,
    .tp_repr = repeat_repr,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = ITER_FLAGS,
    .tp_doc = "repeat(object [,times]) -> create an iterator which returns the object\n"
              "for the specified number of times.  If not specified, returns the object\n"
              "endlessly.",
    .tp_traverse = repeat_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = repeat_next,
    .tp_methods = repeat_methods,
    .tp_new = repeat_new,
    .tp_free = PyObject_GC_Del,
};

/* ---- iterators over (function, iterable): one shape, several rules ------- */

typedef struct {
    PyObject_HEAD
    PyObject *func;
    PyObject *it;
    long stop;          /* dropwhile: done dropping; takewhile: stopped */
} funcitobject;

static PyObject *
funcit_make(PyTypeObject *type, PyObject *args, PyObject *kwds, const char *name)
{
    if (!_PyArg_NoKeywords(name, kwds)) {
        return NULL;
    }
    PyObject *func, *seq;
    if (!PyArg_UnpackTuple(args, name, 2, 2, &func, &seq)) {
        return NULL;
    }
    PyObject *it = PyObject_GetIter(seq);
    if (it == NULL) {
        return NULL;
    }
    funcitobject *lz = (funcitobject *)type->tp_alloc(type, 0);
    if (lz == NULL) {
        Py_DECREF(it);
        return NULL;
    }
    lz->func = Py_NewRef(func);
    lz->it = it;
    return (PyObject *)lz;
}

static void
funcit_dealloc(PyObject *op)
{
    funcitobject *lz = (funcitobject *)op;
    PyObject_GC_UnTrack(op);
    Py_XDECREF(lz->func);
    Py_XDECREF(lz->it);
    Py_TYPE(op)->tp_free(op);
}

static int
funcit_traverse(PyObject *op, visitproc visit, void *arg)
{
    funcitobject *lz = (funcitobject *)op;
    Py_VISIT(lz->func);
    Py_VISIT(lz->it);
    return 0;
}

/* Truth of func(item) (or of item when func is None for filterfalse). */
static int
call_pred(PyObject *func, PyObject *item)
{
    PyObject *good = PyObject_CallOneArg(func, item);
    if (good == NULL) {
        return -1;
    }
    int ok = PyObject_IsTrue(good);
    Py_DECREF(good);
    return ok;
}

static PyObject *
dropwhile_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    return funcit_make(type, args, kwds, "dropwhile");
}

static PyObject *
dropwhile_next_impl(PyObject *op)
{
    funcitobject *lz = (funcitobject *)op;
    for (;;) {
        PyObject *item = next_of(lz->it);
        if (item == NULL) {
            return NULL;
        }
        if (lz->stop) {
            return item;
        }
        int ok = call_pred(lz->func, item);
        if (ok < 0) {
            Py_DECREF(item);
            return NULL;
        }
        if (!ok) {
            lz->stop = 1;
            return item;
        }
        Py_DECREF(item);
    }
}
LOCKED_NEXT(dropwhile)

static PyObject *
takewhile_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    return funcit_make(type, args, kwds, "takewhile");
}

static PyObject *
takewhile_next_impl(PyObject *op)
{
    funcitobject *lz = (funcitobject *)op;
    if (lz->stop) {
        return NULL;
    }
    PyObject *item = next_of(lz->it);
    if (item == NULL) {
        return NULL;
    }
    int ok = call_pred(lz->func, item);
    if (ok < 0) {
        Py_DECREF(item);
        return NULL;
    }
    if (ok) {
        return item;
    }
    Py_DECREF(item);
    lz->stop = 1;
    return NULL;
}
LOCKED_NEXT(takewhile)

static PyObject *
filterfalse_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    return funcit_make(type, args, kwds, "filterfalse");
}

static PyObject *
filterfalse_next_impl(PyObject *op)
{
    funcitobject *lz = (funcitobject *)op;
    for (;;) {
        PyObject *item = next_of(lz->it);
        if (item == NULL) {
            return NULL;
        }
        int ok;
        if (lz->func == Py_None || lz->func == (PyObject *)&PyBool_Type) {
            ok = PyObject_IsTrue(item);
        }
        else {
            ok = call_pred(lz->func, item);
        }
        if (ok == 0) {
            return item;
        }
        Py_DECREF(item);
        if (ok < 0) {
            return NULL;
        }
    }
}
LOCKED_NEXT(filterfalse)

static PyObject *
starmap_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    return funcit_make(type, args, kwds, "starmap");
}

static PyObject *
starmap_next_impl(PyObject *op)
{
    funcitobject *lz = (funcitobject *)op;
    PyObject *args = next_of(lz->it);
    if (args == NULL) {
        return NULL;
    }
    if (!PyTuple_CheckExact(args)) {
        PyObject *tuple = PySequence_Tuple(args);
        Py_DECREF(args);
        if (tuple == NULL) {
            return NULL;
        }
        args = tuple;
    }
    PyObject *res = PyObject_Call(lz->func, args, NULL);
    Py_DECREF(args);
    return res;
}
LOCKED_NEXT(starmap)

#define FUNCIT_TYPE(cname, pyname, doc)                     \
    static PyTypeObject cname##_type = {                    \
        PyVarObject_HEAD_INIT(&PyType_Type, 0)              \
        .tp_name = "itertools." pyname,                     \
        .tp_basicsize = sizeof(funcitobject),               \
        .tp_dealloc = funcit_dealloc,                       \
        .tp_getattro = PyObject_GenericGetAttr,             \
        .tp_flags = ITER_FLAGS,                             \
        .tp_doc = doc,                                      \
        .tp_traverse = funcit_traverse,                     \
        .tp_iter = PyObject_SelfIter,                       \
        .tp_iternext = cname##_next,                        \
        .tp_new = cname##_new,                              \
        .tp_free = PyObject_GC_Del,                         \
    };

FUNCIT_TYPE(dropwhile, "dropwhile",
            "Drop items from the iterable while predicate(item) is true.\n\n"
            "Afterwards, return every element until the iterable is exhausted.")
FUNCIT_TYPE(takewhile, "takewhile",
            "Return successive entries from an iterable as long as the predicate evaluates to true for each entry.")
FUNCIT_TYPE(filterfalse, "filterfalse",
            "Return those items of iterable for which function(item) is false.\n\n"
            "If function is None, return the items that are false.")
FUNCIT_TYPE(starmap, "starmap",
            "Return an iterator whose values are returned from the function evaluated with an argument tuple taken from the given sequence.")

/* ---- accumulate ---------------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    PyObject *total;
    PyObject *it;
    PyObject *binop;
    PyObject *initial;
} accumulateobject;

static PyObject *
accumulate_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"iterable", "func", "initial", NULL};
    PyObject *iterable, *binop = Py_None, *initial = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|O$O:accumulate", kwlist,
                                     &iterable, &binop, &initial)) {
        return NULL;
    }
    PyObject *it = PyObject_GetIter(iterable);
    if (it == NULL) {
        return NULL;
    }
    accumulateobject *lz = (accumulateobject *)type->tp_alloc(type, 0);
    if (lz == NULL) {
        Py_DECREF(it);
        return NULL;
    }
    lz->it = it;
    lz->binop = binop != Py_None ? Py_NewRef(binop) : NULL;
    lz->initial = initial != Py_None ? Py_NewRef(initial) : NULL;
    return (PyObject *)lz;
}

static void
accumulate_dealloc(PyObject *op)
{
    accumulateobject *lz = (accumulateobject *)op;
    PyObject_GC_UnTrack(op);
    Py_XDECREF(lz->total);
    Py_XDECREF(lz->it);
    Py_XDECREF(lz->binop);
    Py_XDECREF(lz->initial);
    Py_TYPE(op)->tp_free(op);
}

static int
accumulate_traverse(PyObject *op, visitproc visit, void *arg)
{
    accumulateobject *lz = (accumulateobject *)op;
    Py_VISIT(lz->total);
    Py_VISIT(lz->it);
    Py_VISIT(lz->binop);
    Py_VISIT(lz->initial);
    return 0;
}

static PyObject *
accumulate_next_impl(PyObject *op)
{
    accumulateobject *lz = (accumulateobject *)op;
    if (lz->initial != NULL) {
        lz->total = lz->initial;   /* reference moves */
        lz->initial = NULL;
        return Py_NewRef(lz->total);
    }
    PyObject *val = next_of(lz->it);
    if (val == NULL) {
        return NULL;
    }
    if (lz->total == NULL) {
        lz->total = Py_NewRef(val);
        return val;
    }
    PyObject *newtotal;
    if (lz->binop == NULL) {
        newtotal = PyNumber_Add(lz->total, val);
    }
    else {
        PyObject *pair[2] = {lz->total, val};
        newtotal = PyObject_Vectorcall(lz->binop, pair, 2, NULL);
    }
    Py_DECREF(val);
    if (newtotal == NULL) {
        return NULL;
    }
    Py_SETREF(lz->total, Py_NewRef(newtotal));
    return newtotal;
}
LOCKED_NEXT(accumulate)

static PyTypeObject accumulate_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "itertools.accumulate",
    .tp_basicsize = sizeof(accumulateobject),
    .tp_dealloc = accumulate_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = ITER_FLAGS,
    .tp_doc = "Return series of accumulated sums (or other binary function results).",
    .tp_traverse = accumulate_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = accumulate_next,
    .tp_new = accumulate_new,
    .tp_free = PyObject_GC_Del,
};

/* ---- batched ------------------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    PyObject *it;
    Py_ssize_t n;
    int strict;
} batchedobject;

static PyObject *
batched_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"iterable", "n", "strict", NULL};
    PyObject *iterable;
    Py_ssize_t n;
    int strict = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "On|$p:batched", kwlist, &iterable, &n,
                                     &strict)) {
        return NULL;
    }
    if (n < 1) {
        PyErr_SetString(PyExc_ValueError, "n must be at least one");
        return NULL;
    }
    PyObject *it = PyObject_GetIter(iterable);
    if (it == NULL) {
        return NULL;
    }
    batchedobject *bo = (batchedobject *)type->tp_alloc(type, 0);
    if (bo == NULL) {
        Py_DECREF(it);
        return NULL;
    }
    bo->it = it;
    bo->n = n;
    bo->strict = strict;
    return (PyObject *)bo;
}

static void
batched_dealloc(PyObject *op)
{
    batchedobject *bo = (batchedobject *)op;
    PyObject_GC_UnTrack(op);
    Py_XDECREF(bo->it);
    Py_TYPE(op)->tp_free(op);
}

static int
batched_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(((batchedobject *)op)->it);
    return 0;
}

static PyObject *
batched_next_impl(PyObject *op)
{
    batchedobject *bo = (batchedobject *)op;
    if (bo->it == NULL) {
        return NULL;
    }
    PyObject *result = PyTuple_New(bo->n);
    if (result == NULL) {
        return NULL;
    }
    Py_ssize_t i;
    for (i = 0; i < bo->n; i++) {
        PyObject *item = next_of(bo->it);
        if (item == NULL) {
            break;
        }
        PyTuple_SET_ITEM(result, i, item);
    }
    if (i == bo->n) {
        return result;
    }
    if (PyErr_Occurred()) {
        Py_DECREF(result);
        return NULL;
    }
    Py_CLEAR(bo->it);
    if (i == 0) {
        Py_DECREF(result);
        return NULL;
    }
    if (bo->strict) {
        Py_DECREF(result);
        PyErr_SetString(PyExc_ValueError, "batched(): incomplete batch");
        return NULL;
    }
    if (_PyTuple_Resize(&result, i) < 0) {
        return NULL;
    }
    return result;
}
LOCKED_NEXT(batched)

static PyTypeObject batched_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "itertools.batched",
    .tp_basicsize = sizeof(batchedobject),
    .tp_dealloc = batched_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = ITER_FLAGS,
    .tp_doc = "Batch data into tuples of length n. The last batch may be shorter than n.",
    .tp_traverse = batched_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = batched_next,
    .tp_new = batched_new,
    .tp_free = PyObject_GC_Del,
};

/* ---- chain --------------------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    PyObject *source;   /* iterator over the iterables */
    PyObject *active;   /* the iterator being drained */
} chainobject;

static PyTypeObject chain_type;

static PyObject *
chain_from_source(PyTypeObject *type, PyObject *source)
{
    chainobject *lz = (chainobject *)type->tp_alloc(type, 0);
    if (lz == NULL) {
        Py_DECREF(source);
        return NULL;
    }
    lz->source = source;
    return (PyObject *)lz;
}

static PyObject *
chain_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    if (type == &chain_type && !_PyArg_NoKeywords("chain", kwds)) {
        return NULL;
    }
    PyObject *source = PyObject_GetIter(args);
    if (source == NULL) {
        return NULL;
    }
    return chain_from_source(type, source);
}

static PyObject *
chain_from_iterable(PyObject *cls, PyObject *arg)
{
    PyObject *source = PyObject_GetIter(arg);
    if (source == NULL) {
        return NULL;
    }
    return chain_from_source((PyTypeObject *)cls, source);
}

static void
chain_dealloc(PyObject *op)
{
    chainobject *lz = (chainobject *)op;
    PyObject_GC_UnTrack(op);
    Py_XDECREF(lz->source);
    Py_XDECREF(lz->active);
    Py_TYPE(op)->tp_free(op);
}

static int
chain_traverse(PyObject *op, visitproc visit, void *arg)
{
    chainobject *lz = (chainobject *)op;
    Py_VISIT(lz->source);
    Py_VISIT(lz->active);
    return 0;
}

static PyObject *
chain_next_impl(PyObject *op)
{
    chainobject *lz = (chainobject *)op;
    while (lz->source != NULL) {
        if (lz->active == NULL) {
            PyObject *iterable = next_of(lz->source);
            if (iterable == NULL) {
                Py_CLEAR(lz->source);
                return NULL;
            }
            lz->active = PyObject_GetIter(iterable);
            Py_DECREF(iterable);
            if (lz->active == NULL) {
                Py_CLEAR(lz->source);
                return NULL;
            }
        }
        PyObject *item = next_of(lz->active);
        if (item != NULL) {
            return item;
        }
        if (PyErr_Occurred()) {
            return NULL;
        }
        Py_CLEAR(lz->active);
    }
    return NULL;
}
LOCKED_NEXT(chain)

static PyMethodDef chain_methods[] = {
    {"from_iterable", chain_from_iterable, METH_O | METH_CLASS,
     "Alternative chain() constructor taking a single iterable argument that evaluates lazily."},
    {"__class_getitem__", Py_GenericAlias, METH_O | METH_CLASS, "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject chain_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "itertools.chain",
    .tp_basicsize = sizeof(chainobject),
    .tp_dealloc = chain_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = ITER_FLAGS,
    .tp_doc = "Return a chain object whose .__next__() method returns elements from the\n"
              "first iterable until it is exhausted, then elements from the next\n"
              "iterable, until all of the iterables are exhausted.",
    .tp_traverse = chain_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = chain_next,
    .tp_methods = chain_methods,
    .tp_new = chain_new,
    .tp_free = PyObject_GC_Del,
};

/* ---- compress ------------------------------------------------------------ */

typedef struct {
    PyObject_HEAD
    PyObject *data;
    PyObject *selectors;
} compressobject;

static PyObject *
compress_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"data", "selectors", NULL};
    PyObject *seq1, *seq2;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "OO:compress", kwlist, &seq1, &seq2)) {
        return NULL;
    }
    PyObject *data = PyObject_GetIter(seq1);
    if (data == NULL) {
        return NULL;
    }
    PyObject *selectors = PyObject_GetIter(seq2);
    if (selectors == NULL) {
        Py_DECREF(data);
        return NULL;
    }
    compressobject *lz = (compressobject *)type->tp_alloc(type, 0);
    if (lz == NULL) {
        Py_DECREF(data);
        Py_DECREF(selectors);
        return NULL;
    }
    lz->data = data;
    lz->selectors = selectors;
    return (PyObject *)lz;
}

static void
compress_dealloc(PyObject *op)
{
    compressobject *lz = (compressobject *)op;
    PyObject_GC_UnTrack(op);
    Py_XDECREF(lz->data);
    Py_XDECREF(lz->selectors);
    Py_TYPE(op)->tp_free(op);
}

static int
compress_traverse(PyObject *op, visitproc visit, void *arg)
{
    compressobject *lz = (compressobject *)op;
    Py_VISIT(lz->data);
    Py_VISIT(lz->selectors);
    return 0;
}

static PyObject *
compress_next_impl(PyObject *op)
{
    compressobject *lz = (compressobject *)op;
    for (;;) {
        PyObject *datum = next_of(lz->data);
        if (datum == NULL) {
            return NULL;
        }
        PyObject *selector = next_of(lz->selectors);
        if (selector == NULL) {
            Py_DECREF(datum);
            return NULL;
        }
        int ok = PyObject_IsTrue(selector);
        Py_DECREF(selector);
        if (ok > 0) {
            return datum;
        }
        Py_DECREF(datum);
        if (ok < 0) {
            return NULL;
        }
    }
}
LOCKED_NEXT(compress)

static PyTypeObject compress_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "itertools.compress",
    .tp_basicsize = sizeof(compressobject),
    .tp_dealloc = compress_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = ITER_FLAGS,
    .tp_doc = "Return data elements corresponding to true selector elements.",
    .tp_traverse = compress_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = compress_next,
    .tp_new = compress_new,
    .tp_free = PyObject_GC_Del,
};

/* ---- groupby and its _grouper -------------------------------------------- */

typedef struct {
    PyObject_HEAD
    PyObject *it;
    PyObject *keyfunc;
    PyObject *tgtkey;
    PyObject *currkey;
    PyObject *currvalue;
    PyObject *currgrouper;   /* borrowed: the group that may still advance */
} groupbyobject;

typedef struct {
    PyObject_HEAD
    PyObject *parent;
    PyObject *tgtkey;
} grouperobject;

static PyTypeObject grouper_type;

static PyObject *
groupby_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"iterable", "key", NULL};
    PyObject *iterable, *keyfunc = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|O:groupby", kwlist, &iterable, &keyfunc)) {
        return NULL;
    }
    PyObject *it = PyObject_GetIter(iterable);
    if (it == NULL) {
        return NULL;
    }
    groupbyobject *gbo = (groupbyobject *)type->tp_alloc(type, 0);
    if (gbo == NULL) {
        Py_DECREF(it);
        return NULL;
    }
    gbo->it = it;
    gbo->keyfunc = Py_NewRef(keyfunc);
    return (PyObject *)gbo;
}

static void
groupby_dealloc(PyObject *op)
{
    groupbyobject *gbo = (groupbyobject *)op;
    PyObject_GC_UnTrack(op);
    Py_XDECREF(gbo->it);
    Py_XDECREF(gbo->keyfunc);
    Py_XDECREF(gbo->tgtkey);
    Py_XDECREF(gbo->currkey);
    Py_XDECREF(gbo->currvalue);
    Py_TYPE(op)->tp_free(op);
}

static int
groupby_traverse(PyObject *op, visitproc visit, void *arg)
{
    groupbyobject *gbo = (groupbyobject *)op;
    Py_VISIT(gbo->it);
    Py_VISIT(gbo->keyfunc);
    Py_VISIT(gbo->tgtkey);
    Py_VISIT(gbo->currkey);
    Py_VISIT(gbo->currvalue);
    return 0;
}

/* Read the next value and its key into currvalue/currkey. */
static int
groupby_step(groupbyobject *gbo)
{
    PyObject *newvalue = next_of(gbo->it);
    if (newvalue == NULL) {
        return -1;
    }
    PyObject *newkey;
    if (gbo->keyfunc == Py_None) {
        newkey = Py_NewRef(newvalue);
    }
    else {
        newkey = PyObject_CallOneArg(gbo->keyfunc, newvalue);
        if (newkey == NULL) {
            Py_DECREF(newvalue);
            return -1;
        }
    }
    Py_XSETREF(gbo->currvalue, newvalue);
    Py_XSETREF(gbo->currkey, newkey);
    return 0;
}

static PyObject *
groupby_next_impl(PyObject *op)
{
    groupbyobject *gbo = (groupbyobject *)op;
    gbo->currgrouper = NULL;
    /* Skip what is left of the current group. */
    for (;;) {
        if (gbo->currkey == NULL) {
            /* nothing read yet */
        }
        else if (gbo->tgtkey == NULL) {
            break;
        }
        else {
            int rcmp = PyObject_RichCompareBool(gbo->tgtkey, gbo->currkey, Py_EQ);
            if (rcmp < 0) {
                return NULL;
            }
            if (rcmp == 0) {
                break;
            }
        }
        if (groupby_step(gbo) < 0) {
            return NULL;
        }
    }
    Py_XSETREF(gbo->tgtkey, Py_NewRef(gbo->currkey));
    grouperobject *igo = PyObject_GC_New(grouperobject, &grouper_type);
    if (igo == NULL) {
        return NULL;
    }
    igo->parent = Py_NewRef(op);
    igo->tgtkey = Py_NewRef(gbo->tgtkey);
    PyObject_GC_Track(igo);
    gbo->currgrouper = (PyObject *)igo;
    PyObject *r = PyTuple_Pack(2, gbo->currkey, (PyObject *)igo);
    Py_DECREF(igo);
    return r;
}
LOCKED_NEXT(groupby)

static PyTypeObject groupby_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "itertools.groupby",
    .tp_basicsize = sizeof(groupbyobject),
    .tp_dealloc = groupby_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = ITER_FLAGS,
    .tp_doc = "make an iterator that returns consecutive keys and groups from the iterable",
    .tp_traverse = groupby_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = groupby_next,
    .tp_new = groupby_new,
    .tp_free = PyObject_GC_Del,
};

static void
grouper_dealloc(PyObject *op)
{
    grouperobject *igo = (grouperobject *)op;
    PyObject_GC_UnTrack(op);
    Py_XDECREF(igo->parent);
    Py_XDECREF(igo->tgtkey);
    PyObject_GC_Del(op);
}

static int
grouper_traverse(PyObject *op, visitproc visit, void *arg)
{
    grouperobject *igo = (grouperobject *)op;
    Py_VISIT(igo->parent);
    Py_VISIT(igo->tgtkey);
    return 0;
}

static PyObject *
grouper_next_impl(grouperobject *igo)
{
    groupbyobject *gbo = (groupbyobject *)igo->parent;
    if (gbo->currgrouper != (PyObject *)igo) {
        return NULL;
    }
    if (gbo->currvalue == NULL) {
        if (groupby_step(gbo) < 0) {
            return NULL;
        }
    }
    int rcmp = PyObject_RichCompareBool(igo->tgtkey, gbo->currkey, Py_EQ);
    if (rcmp <= 0) {
        return NULL;
    }
    PyObject *r = gbo->currvalue;   /* reference moves to the caller */
    gbo->currvalue = NULL;
    Py_CLEAR(gbo->currkey);
    return r;
}

static PyObject *
grouper_next(PyObject *op)
{
    grouperobject *igo = (grouperobject *)op;
    PyObject *res;
    Py_BEGIN_CRITICAL_SECTION(igo->parent);
    res = grouper_next_impl(igo);
    Py_END_CRITICAL_SECTION();
    return res;
}

static PyTypeObject grouper_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "itertools._grouper",
    .tp_basicsize = sizeof(grouperobject),
    .tp_dealloc = grouper_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = grouper_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = grouper_next,
    .tp_free = PyObject_GC_Del,
};

/* ---- islice -------------------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    PyObject *it;
    Py_ssize_t next;
    Py_ssize_t stop;    /* -1 for None */
    Py_ssize_t step;
    Py_ssize_t cnt;
} isliceobject;

static PyTypeObject islice_type;

static const char islice_stop_msg[] =
    "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";

static PyObject *
islice_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyObject *seq, *a1 = NULL, *a2 = NULL, *a3 = NULL;
    Py_ssize_t start = 0, stop = -1, step = 1;
    if (type == &islice_type && !_PyArg_NoKeywords("islice", kwds)) {
        return NULL;
    }
    if (!PyArg_UnpackTuple(args, "islice", 2, 4, &seq, &a1, &a2, &a3)) {
        return NULL;
    }
    Py_ssize_t numargs = PyTuple_GET_SIZE(args);
    if (numargs == 2) {
        if (a1 != Py_None) {
            stop = PyNumber_AsSsize_t(a1, NULL);
            if (stop == -1) {
                PyErr_Clear();
                PyErr_SetString(PyExc_ValueError, islice_stop_msg);
                return NULL;
            }
        }
    }
    else {
        if (a1 != Py_None) {
            start = PyNumber_AsSsize_t(a1, NULL);
            if (start == -1 && PyErr_Occurred()) {
                PyErr_Clear();
            }
        }
        if (a2 != Py_None) {
            stop = PyNumber_AsSsize_t(a2, NULL);
            if (stop == -1) {
                PyErr_Clear();
                PyErr_SetString(PyExc_ValueError, islice_stop_msg);
                return NULL;
            }
        }
    }
    if (start < 0 || stop < -1) {
        PyErr_SetString(PyExc_ValueError,
                        "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.");
        return NULL;
    }
    if (a3 != NULL) {
        if (a3 != Py_None) {
            step = PyNumber_AsSsize_t(a3, NULL);
            if (step == -1 && PyErr_Occurred()) {
                PyErr_Clear();
            }
        }
    }
    if (step < 1) {
        PyErr_SetString(PyExc_ValueError,
                        "Step for islice() must be a positive integer or None.");
        return NULL;
    }
    PyObject *it = PyObject_GetIter(seq);
    if (it == NULL) {
        return NULL;
    }
    isliceobject *lz = (isliceobject *)type->tp_alloc(type, 0);
    if (lz == NULL) {
        Py_DECREF(it);
        return NULL;
    }
    lz->it = it;
    lz->next = start;
    lz->stop = stop;
    lz->step = step;
    lz->cnt = 0;
    return (PyObject *)lz;
}

static void
islice_dealloc(PyObject *op)
{
    isliceobject *lz = (isliceobject *)op;
    PyObject_GC_UnTrack(op);
    Py_XDECREF(lz->it);
    Py_TYPE(op)->tp_free(op);
}

static int
islice_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(((isliceobject *)op)->it);
    return 0;
}

static PyObject *
islice_next_impl(PyObject *op)
{
    isliceobject *lz = (isliceobject *)op;
    PyObject *it = lz->it;
    Py_ssize_t stop = lz->stop;
    PyObject *item;
    if (it == NULL) {
        return NULL;
    }
    while (lz->cnt < lz->next) {
        item = next_of(it);
        if (item == NULL) {
            goto empty;
        }
        Py_DECREF(item);
        lz->cnt++;
    }
    if (stop != -1 && lz->cnt >= stop) {
        goto empty;
    }
    item = next_of(it);
    if (item == NULL) {
        goto empty;
    }
    lz->cnt++;
    Py_ssize_t oldnext = lz->next;
    /* The wrap-around test keeps a huge step from overflowing. */
    lz->next += lz->step;
    if (lz->next < oldnext || (stop != -1 && lz->next > stop)) {
        lz->next = stop;
    }
    return item;
empty:
    Py_CLEAR(lz->it);
    return NULL;
}
LOCKED_NEXT(islice)

static PyTypeObject islice_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "itertools.islice",
    .tp_basicsize = sizeof(isliceobject),
    .tp_dealloc = islice_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = ITER_FLAGS,
    .tp_doc = "islice(iterable, stop) --> islice object\n"
              "islice(iterable, start, stop[, step]) --> islice object\n\n"
              "Return an iterator whose next() method returns selected values from an\n"
              "iterable.",
    .tp_traverse = islice_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = islice_next,
    .tp_new = islice_new,
    .tp_free = PyObject_GC_Del,
};

/* ---- pairwise ------------------------------------------------------------ */

typedef struct {
    PyObject_HEAD
    PyObject *it;
    PyObject *old;
} pairwiseobject;

static PyTypeObject pairwise_type;

static PyObject *
pairwise_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    if (type == &pairwise_type && !_PyArg_NoKeywords("pairwise", kwds)) {
        return NULL;
    }
    PyObject *iterable;
    if (!PyArg_UnpackTuple(args, "pairwise", 1, 1, &iterable)) {
        return NULL;
    }
    PyObject *it = PyObject_GetIter(iterable);
    if (it == NULL) {
        return NULL;
    }
    pairwiseobject *po = (pairwiseobject *)type->tp_alloc(type, 0);
    if (po == NULL) {
        Py_DECREF(it);
        return NULL;
    }
    po->it = it;
    return (PyObject *)po;
}

static void
pairwise_dealloc(PyObject *op)
{
    pairwiseobject *po = (pairwiseobject *)op;
    PyObject_GC_UnTrack(op);
    Py_XDECREF(po->it);
    Py_XDECREF(po->old);
    Py_TYPE(op)->tp_free(op);
}

static int
pairwise_traverse(PyObject *op, visitproc visit, void *arg)
{
    pairwiseobject *po = (pairwiseobject *)op;
    Py_VISIT(po->it);
    Py_VISIT(po->old);
    return 0;
}

static PyObject *
pairwise_next_impl(PyObject *op)
{
    pairwiseobject *po = (pairwiseobject *)op;
    if (po->it == NULL) {
        return NULL;
    }
    if (po->old == NULL) {
        po->old = next_of(po->it);
        if (po->old == NULL) {
            Py_CLEAR(po->it);
            return NULL;
        }
    }
    PyObject *old = Py_NewRef(po->old);
    PyObject *new = next_of(po->it);
    if (new == NULL) {
        Py_CLEAR(po->it);
        Py_CLEAR(po->old);
        Py_DECREF(old);
        return NULL;
    }
    PyObject *result = PyTuple_Pack(2, old, new);
    Py_DECREF(old);
    Py_XSETREF(po->old, new);
    return result;
}
LOCKED_NEXT(pairwise)

static PyTypeObject pairwise_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "itertools.pairwise",
    .tp_basicsize = sizeof(pairwiseobject),
    .tp_dealloc = pairwise_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = ITER_FLAGS,
    .tp_doc = "Return an iterator of overlapping pairs taken from the input iterator.",
    .tp_traverse = pairwise_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = pairwise_next,
    .tp_new = pairwise_new,
    .tp_free = PyObject_GC_Del,
};

/* ---- tee ----------------------------------------------------------------- */

/* The values read from the source are kept in a linked list of fixed-size
 * blocks shared by every copy; each _tee holds a block and an index in it.
 * A block is freed when no copy still needs it. */
#define LINKCELLS 57

typedef struct teedataobject {
    PyObject_HEAD
    PyObject *it;
    int numread;
    int running;        /* guards against re-entering the source */
    PyObject *nextlink;
    PyObject *values[LINKCELLS];
} teedataobject;

typedef struct {
    PyObject_HEAD
    teedataobject *dataobj;
    int index;
} teeobject;

static PyTypeObject teedataobject_type;
static PyTypeObject tee_type;

static PyObject *
teedataobject_newinternal(PyObject *it)
{
    teedataobject *tdo = PyObject_GC_New(teedataobject, &teedataobject_type);
    if (tdo == NULL) {
        return NULL;
    }
    tdo->running = 0;
    tdo->numread = 0;
    tdo->nextlink = NULL;
    tdo->it = Py_NewRef(it);
    PyObject_GC_Track(tdo);
    return (PyObject *)tdo;
}

static PyObject *
teedataobject_jumplink(teedataobject *tdo)
{
    if (tdo->nextlink == NULL) {
        tdo->nextlink = teedataobject_newinternal(tdo->it);
    }
    return Py_XNewRef(tdo->nextlink);
}

static PyObject *
teedataobject_getitem(teedataobject *tdo, int i)
{
    PyObject *value;
    if (i < tdo->numread) {
        value = tdo->values[i];
    }
    else {
        if (tdo->running) {
            PyErr_SetString(PyExc_RuntimeError, "cannot re-enter the tee iterator");
            return NULL;
        }
        tdo->running = 1;
        value = next_of(tdo->it);
        tdo->running = 0;
        if (value == NULL) {
            return NULL;
        }
        tdo->numread++;
        tdo->values[i] = value;
    }
    return Py_NewRef(value);
}

static int
teedataobject_traverse(PyObject *op, visitproc visit, void *arg)
{
    teedataobject *tdo = (teedataobject *)op;
    Py_VISIT(tdo->it);
    for (int i = 0; i < tdo->numread; i++) {
        Py_VISIT(tdo->values[i]);
    }
    Py_VISIT(tdo->nextlink);
    return 0;
}

/* Free a chain of blocks iteratively: a long chain must not recurse.  Only
 * blocks whose last reference is ours are unlinked here: in the
 * free-threaded build Py_REFCNT does not show other threads' counts of a
 * block they read (their foreign tables), so ask
 * _PyObject_IsUniquelyReferenced, which is sure. */
static void
teedataobject_safe_decref(PyObject *obj)
{
    while (obj && Py_IS_TYPE(obj, &teedataobject_type) && _PyObject_IsUniquelyReferenced(obj)) {
        PyObject *nextlink = ((teedataobject *)obj)->nextlink;
        ((teedataobject *)obj)->nextlink = NULL;
        Py_SETREF(obj, nextlink);
    }
    Py_XDECREF(obj);
}

static int
teedataobject_clear(PyObject *op)
{
    teedataobject *tdo = (teedataobject *)op;
    Py_CLEAR(tdo->it);
    for (int i = 0; i < tdo->numread; i++) {
        Py_CLEAR(tdo->values[i]);
    }
    tdo->numread = 0;
    PyObject *tmp = tdo->nextlink;
    tdo->nextlink = NULL;
    teedataobject_safe_decref(tmp);
    return 0;
}

static void
teedataobject_dealloc(PyObject *op)
{
    PyObject_GC_UnTrack(op);
    teedataobject_clear(op);
    PyObject_GC_Del(op);
}

static PyTypeObject teedataobject_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "itertools._tee_dataobject",
    .tp_basicsize = sizeof(teedataobject),
    .tp_dealloc = teedataobject_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "Data container common to multiple tee objects.",
    .tp_traverse = teedataobject_traverse,
    .tp_clear = teedataobject_clear,
    .tp_free = PyObject_GC_Del,
};

static PyObject *
tee_next_impl(PyObject *op)
{
    teeobject *to = (teeobject *)op;
    if (to->index >= LINKCELLS) {
        PyObject *link = teedataobject_jumplink(to->dataobj);
        if (link == NULL) {
            return NULL;
        }
        Py_SETREF(to->dataobj, (teedataobject *)link);
        to->index = 0;
    }
    PyObject *value = teedataobject_getitem(to->dataobj, to->index);
    if (value == NULL) {
        return NULL;
    }
    to->index++;
    return value;
}

static PyObject *
tee_next(PyObject *op)
{
    /* Copies share their data blocks, and every block of a chain holds the
     * same source iterator: locking that too keeps two copies in two
     * threads from filling the same block at once. */
    PyObject *res;
    Py_BEGIN_CRITICAL_SECTION(op);
    teeobject *to = (teeobject *)op;
    PyObject *source = to->dataobj != NULL ? to->dataobj->it : NULL;
    if (source != NULL) {
        Py_INCREF(source);
        Py_BEGIN_CRITICAL_SECTION(source);
        res = tee_next_impl(op);
        Py_END_CRITICAL_SECTION();
        Py_DECREF(source);
    }
    else {
        res = tee_next_impl(op);
    }
    Py_END_CRITICAL_SECTION();
    return res;
}

static int
tee_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(((teeobject *)op)->dataobj);
    return 0;
}

static PyObject *
tee_copy(PyObject *op, PyObject *unused)
{
    teeobject *to = (teeobject *)op;
    teeobject *newto = PyObject_GC_New(teeobject, &tee_type);
    if (newto == NULL) {
        return NULL;
    }
    Py_BEGIN_CRITICAL_SECTION(op);
    newto->dataobj = (teedataobject *)Py_NewRef(to->dataobj);
    newto->index = to->index;
    Py_END_CRITICAL_SECTION();
    PyObject_GC_Track(newto);
    return (PyObject *)newto;
}

static PyObject *
tee_fromiterable(PyObject *iterable)
{
    PyObject *it = PyObject_GetIter(iterable);
    if (it == NULL) {
        return NULL;
    }
    if (PyObject_TypeCheck(it, &tee_type)) {
        PyObject *to = tee_copy(it, NULL);
        Py_DECREF(it);
        return to;
    }
    PyObject *data = teedataobject_newinternal(it);
    Py_DECREF(it);
    if (data == NULL) {
        return NULL;
    }
    teeobject *to = PyObject_GC_New(teeobject, &tee_type);
    if (to == NULL) {
        Py_DECREF(data);
        return NULL;
    }
    to->dataobj = (teedataobject *)data;
    to->index = 0;
    PyObject_GC_Track(to);
    return (PyObject *)to;
}

static PyObject *
tee_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    if (!_PyArg_NoKeywords("_tee", kwds)) {
        return NULL;
    }
    PyObject *iterable;
    if (!PyArg_UnpackTuple(args, "_tee", 1, 1, &iterable)) {
        return NULL;
    }
    return tee_fromiterable(iterable);
}

static int
tee_clear(PyObject *op)
{
    teeobject *to = (teeobject *)op;
    PyObject *tmp = (PyObject *)to->dataobj;
    to->dataobj = NULL;
    teedataobject_safe_decref(tmp);
    return 0;
}

static void
tee_dealloc(PyObject *op)
{
    PyObject_GC_UnTrack(op);
    tee_clear(op);
    PyObject_GC_Del(op);
}

static PyMethodDef tee_methods[] = {
    {"__copy__", tee_copy, METH_NOARGS, "Returns an independent iterator."},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject tee_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "itertools._tee",
    .tp_basicsize = sizeof(teeobject),
    .tp_dealloc = tee_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "Iterator wrapped to make it copyable.",
    .tp_traverse = tee_traverse,
    .tp_clear = tee_clear,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = tee_next,
    .tp_methods = tee_methods,
    .tp_new = tee_new,
    .tp_free = PyObject_GC_Del,
};

static PyObject *
itertools_tee(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (_PyArg_CheckPositional("tee", nargs, 1, 2) == 0) {
        return NULL;
    }
    Py_ssize_t n = 2;
    if (nargs == 2) {
        PyObject *iobj = PyNumber_Index(args[1]);
        if (iobj == NULL) {
            return NULL;
        }
        n = PyLong_AsSsize_t(iobj);
        Py_DECREF(iobj);
        if (n == -1 && PyErr_Occurred()) {
            return NULL;
        }
    }
    if (n < 0) {
        PyErr_SetString(PyExc_ValueError, "n must be >= 0");
        return NULL;
    }
    PyObject *result = PyTuple_New(n);
    if (result == NULL || n == 0) {
        return result;
    }
    PyObject *it = PyObject_GetIter(args[0]);
    if (it == NULL) {
        Py_DECREF(result);
        return NULL;
    }
    PyObject *copyfunc;
    if (PyObject_GetOptionalAttrString(it, "__copy__", &copyfunc) < 0) {
        Py_DECREF(it);
        Py_DECREF(result);
        return NULL;
    }
    PyObject *to;
    if (copyfunc != NULL) {
        to = it;
    }
    else {
        to = tee_fromiterable(it);
        Py_DECREF(it);
        if (to == NULL) {
            Py_DECREF(result);
            return NULL;
        }
        copyfunc = PyObject_GetAttrString(to, "__copy__");
        if (copyfunc == NULL) {
            Py_DECREF(to);
            Py_DECREF(result);
            return NULL;
        }
    }
    PyTuple_SET_ITEM(result, 0, to);
    for (Py_ssize_t i = 1; i < n; i++) {
        to = PyObject_CallNoArgs(copyfunc);
        if (to == NULL) {
            Py_DECREF(copyfunc);
            Py_DECREF(result);
            return NULL;
        }
        PyTuple_SET_ITEM(result, i, to);
    }
    Py_DECREF(copyfunc);
    return result;
}

/* ---- zip_longest --------------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    Py_ssize_t tuplesize;
    Py_ssize_t numactive;
    PyObject *ittuple;    /* tuple of iterators; exhausted ones become None */
    PyObject *fillvalue;
} ziplongestobject;

static PyObject *
zip_longest_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyObject *fillvalue = Py_None;
    if (kwds != NULL && PyDict_GET_SIZE(kwds) > 0) {
        fillvalue = NULL;
        if (PyDict_GET_SIZE(kwds) == 1) {
            fillvalue = PyDict_GetItemString(kwds, "fillvalue");
        }
        if (fillvalue == NULL) {
            if (!PyErr_Occurred()) {
                PyErr_SetString(PyExc_TypeError,
                                "zip_longest() got an unexpected keyword argument");
            }
            return NULL;
        }
    }
    Py_ssize_t tuplesize = PyTuple_GET_SIZE(args);
    PyObject *ittuple = _PyTuple_GetIters(args, 0);
    if (ittuple == NULL) {
        return NULL;
    }
    ziplongestobject *lz = (ziplongestobject *)type->tp_alloc(type, 0);
    if (lz == NULL) {
        Py_DECREF(ittuple);
        return NULL;
    }
    lz->ittuple = ittuple;
    lz->tuplesize = tuplesize;
    lz->numactive = tuplesize;
    lz->fillvalue = Py_NewRef(fillvalue);
    return (PyObject *)lz;
}

static void
zip_longest_dealloc(PyObject *op)
{
    ziplongestobject *lz = (ziplongestobject *)op;
    PyObject_GC_UnTrack(op);
    Py_XDECREF(lz->ittuple);
    Py_XDECREF(lz->fillvalue);
    Py_TYPE(op)->tp_free(op);
}

static int
zip_longest_traverse(PyObject *op, visitproc visit, void *arg)
{
    ziplongestobject *lz = (ziplongestobject *)op;
    Py_VISIT(lz->ittuple);
    Py_VISIT(lz->fillvalue);
    return 0;
}

static PyObject *
zip_longest_next_impl(PyObject *op)
{
    ziplongestobject *lz = (ziplongestobject *)op;
    Py_ssize_t tuplesize = lz->tuplesize;
    if (tuplesize == 0 || lz->numactive == 0) {
        return NULL;
    }
    PyObject *result = PyTuple_New(tuplesize);
    if (result == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < tuplesize; i++) {
        PyObject *it = PyTuple_GET_ITEM(lz->ittuple, i);
        PyObject *item;
        if (it == Py_None) {
            item = Py_NewRef(lz->fillvalue);
        }
        else {
            item = next_of(it);
            if (item == NULL) {
                if (PyErr_Occurred()) {
                    Py_DECREF(result);
                    return NULL;
                }
                lz->numactive--;
                if (lz->numactive == 0) {
                    Py_DECREF(result);
                    return NULL;
                }
                item = Py_NewRef(lz->fillvalue);
                /* The tuple is private to us: replace the spent iterator. */
                PyTuple_SET_ITEM(lz->ittuple, i, Py_None);
                Py_DECREF(it);
            }
        }
        PyTuple_SET_ITEM(result, i, item);
    }
    return result;
}
LOCKED_NEXT(zip_longest)

static PyTypeObject zip_longest_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "itertools.zip_longest",
    .tp_basicsize = sizeof(ziplongestobject),
    .tp_dealloc = zip_longest_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = ITER_FLAGS,
    .tp_doc = "Return a zip_longest object whose .__next__() method returns a tuple where\n"
              "the i-th element comes from the i-th iterable argument.",
    .tp_traverse = zip_longest_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = zip_longest_next,
    .tp_new = zip_longest_new,
    .tp_free = PyObject_GC_Del,
};

/* ---- combinatorics: product, combinations, cwr, permutations ------------- */

typedef struct {
    PyObject_HEAD
    PyObject *pools;        /* product: tuple of tuples; others: one tuple */
    Py_ssize_t *indices;
    Py_ssize_t *cycles;     /* permutations only */
    Py_ssize_t r;
    int started;
    int stopped;
} combobject;

static void
comb_dealloc(PyObject *op)
{
    combobject *co = (combobject *)op;
    PyObject_GC_UnTrack(op);
    Py_XDECREF(co->pools);
    PyMem_Free(co->indices);
    PyMem_Free(co->cycles);
    Py_TYPE(op)->tp_free(op);
}

static int
comb_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(((combobject *)op)->pools);
    return 0;
}

static PyObject *
comb_alloc(PyTypeObject *type, PyObject *pools, Py_ssize_t nindices, Py_ssize_t r,
           int with_cycles)
{
    combobject *co = (combobject *)type->tp_alloc(type, 0);
    if (co == NULL) {
        Py_DECREF(pools);
        return NULL;
    }
    co->pools = pools;
    co->r = r;
    co->indices = PyMem_Calloc(nindices > 0 ? nindices : 1, sizeof(Py_ssize_t));
    if (with_cycles) {
        co->cycles = PyMem_Calloc(r > 0 ? r : 1, sizeof(Py_ssize_t));
    }
    if (co->indices == NULL || (with_cycles && co->cycles == NULL)) {
        Py_DECREF(co);
        PyErr_NoMemory();
        return NULL;
    }
    return (PyObject *)co;
}

static PyObject *
product_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    Py_ssize_t repeat = 1;
    if (kwds != NULL) {
        static char *kwlist[] = {"repeat", NULL};
        PyObject *tmpargs = PyTuple_New(0);
        if (tmpargs == NULL) {
            return NULL;
        }
        int ok = PyArg_ParseTupleAndKeywords(tmpargs, kwds, "|n:product", kwlist, &repeat);
        Py_DECREF(tmpargs);
        if (!ok) {
            return NULL;
        }
        if (repeat < 0) {
            PyErr_SetString(PyExc_ValueError, "repeat argument cannot be negative");
            return NULL;
        }
    }
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    if (repeat && nargs > PY_SSIZE_T_MAX / 8 / repeat) {
        PyErr_SetString(PyExc_OverflowError, "repeat argument too large");
        return NULL;
    }
    Py_ssize_t npools = nargs * repeat;
    PyObject *pools = PyTuple_New(npools);
    if (pools == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < nargs; i++) {
        PyObject *pool = PySequence_Tuple(PyTuple_GET_ITEM(args, i));
        if (pool == NULL) {
            Py_DECREF(pools);
            return NULL;
        }
        PyTuple_SET_ITEM(pools, i, pool);
    }
    for (Py_ssize_t i = nargs; i < npools; i++) {
        PyTuple_SET_ITEM(pools, i, Py_NewRef(PyTuple_GET_ITEM(pools, i - nargs)));
    }
    return comb_alloc(type, pools, npools, npools, 0);
}

static PyObject *
product_next_impl(PyObject *op)
{
    combobject *co = (combobject *)op;
    PyObject *pools = co->pools;
    Py_ssize_t npools = PyTuple_GET_SIZE(pools);
    if (co->stopped) {
        return NULL;
    }
    if (!co->started) {
        co->started = 1;
        for (Py_ssize_t i = 0; i < npools; i++) {
            if (PyTuple_GET_SIZE(PyTuple_GET_ITEM(pools, i)) == 0) {
                co->stopped = 1;
                return NULL;
            }
        }
    }
    else {
        Py_ssize_t i;
        for (i = npools - 1; i >= 0; i--) {
            PyObject *pool = PyTuple_GET_ITEM(pools, i);
            co->indices[i]++;
            if (co->indices[i] < PyTuple_GET_SIZE(pool)) {
                break;
            }
            co->indices[i] = 0;
        }
        if (i < 0) {
            co->stopped = 1;
            return NULL;
        }
    }
    PyObject *result = PyTuple_New(npools);
    if (result == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < npools; i++) {
        PyObject *pool = PyTuple_GET_ITEM(pools, i);
        PyTuple_SET_ITEM(result, i, Py_NewRef(PyTuple_GET_ITEM(pool, co->indices[i])));
    }
    return result;
}
LOCKED_NEXT(product)

/* The r-tuple of pool items at the first r indices. */
static PyObject *
comb_result(combobject *co)
{
    PyObject *result = PyTuple_New(co->r);
    if (result == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < co->r; i++) {
        PyTuple_SET_ITEM(result, i, Py_NewRef(PyTuple_GET_ITEM(co->pools, co->indices[i])));
    }
    return result;
}

static PyObject *
combinations_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"iterable", "r", NULL};
    PyObject *iterable;
    Py_ssize_t r;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "On:combinations", kwlist, &iterable, &r)) {
        return NULL;
    }
    if (r < 0) {
        PyErr_SetString(PyExc_ValueError, "r must be non-negative");
        return NULL;
    }
    PyObject *pool = PySequence_Tuple(iterable);
    if (pool == NULL) {
        return NULL;
    }
    combobject *co = (combobject *)comb_alloc(type, pool, r, r, 0);
    if (co == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < r; i++) {
        co->indices[i] = i;
    }
    co->stopped = r > PyTuple_GET_SIZE(pool);
    return (PyObject *)co;
}

static PyObject *
combinations_next_impl(PyObject *op)
{
    combobject *co = (combobject *)op;
    Py_ssize_t n = PyTuple_GET_SIZE(co->pools), r = co->r;
    if (co->stopped) {
        return NULL;
    }
    if (co->started) {
        Py_ssize_t i;
        for (i = r - 1; i >= 0 && co->indices[i] == i + n - r; i--) {
        }
        if (i < 0) {
            co->stopped = 1;
            return NULL;
        }
        co->indices[i]++;
        for (Py_ssize_t j = i + 1; j < r; j++) {
            co->indices[j] = co->indices[j - 1] + 1;
        }
    }
    co->started = 1;
    return comb_result(co);
}
LOCKED_NEXT(combinations)

static PyObject *
cwr_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"iterable", "r", NULL};
    PyObject *iterable;
    Py_ssize_t r;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "On:combinations_with_replacement", kwlist,
                                     &iterable, &r)) {
        return NULL;
    }
    if (r < 0) {
        PyErr_SetString(PyExc_ValueError, "r must be non-negative");
        return NULL;
    }
    PyObject *pool = PySequence_Tuple(iterable);
    if (pool == NULL) {
        return NULL;
    }
    combobject *co = (combobject *)comb_alloc(type, pool, r, r, 0);
    if (co == NULL) {
        return NULL;
    }
    co->stopped = PyTuple_GET_SIZE(pool) == 0 && r > 0;
    return (PyObject *)co;
}

static PyObject *
cwr_next_impl(PyObject *op)
{
    combobject *co = (combobject *)op;
    Py_ssize_t n = PyTuple_GET_SIZE(co->pools), r = co->r;
    if (co->stopped) {
        return NULL;
    }
    if (co->started) {
        Py_ssize_t i;
        for (i = r - 1; i >= 0 && co->indices[i] == n - 1; i--) {
        }
        if (i < 0) {
            co->stopped = 1;
            return NULL;
        }
        Py_ssize_t index = co->indices[i] + 1;
        for (Py_ssize_t j = i; j < r; j++) {
            co->indices[j] = index;
        }
    }
    co->started = 1;
    return comb_result(co);
}
LOCKED_NEXT(cwr)

static PyObject *
permutations_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"iterable", "r", NULL};
    PyObject *iterable, *robj = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|O:permutations", kwlist, &iterable,
                                     &robj)) {
        return NULL;
    }
    PyObject *pool = PySequence_Tuple(iterable);
    if (pool == NULL) {
        return NULL;
    }
    Py_ssize_t n = PyTuple_GET_SIZE(pool), r = n;
    if (robj != Py_None) {
        if (!PyLong_Check(robj)) {
            PyErr_SetString(PyExc_TypeError, "Expected int as r");
            Py_DECREF(pool);
            return NULL;
        }
        r = PyLong_AsSsize_t(robj);
        if (r == -1 && PyErr_Occurred()) {
            Py_DECREF(pool);
            return NULL;
        }
    }
    if (r < 0) {
        PyErr_SetString(PyExc_ValueError, "r must be non-negative");
        Py_DECREF(pool);
        return NULL;
    }
    combobject *co = (combobject *)comb_alloc(type, pool, n, r, 1);
    if (co == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        co->indices[i] = i;
    }
    for (Py_ssize_t i = 0; i < r && i < n; i++) {
        co->cycles[i] = n - i;
    }
    co->stopped = r > n;
    return (PyObject *)co;
}

static PyObject *
permutations_next_impl(PyObject *op)
{
    combobject *co = (combobject *)op;
    Py_ssize_t n = PyTuple_GET_SIZE(co->pools), r = co->r;
    Py_ssize_t *indices = co->indices, *cycles = co->cycles;
    if (co->stopped) {
        return NULL;
    }
    if (co->started) {
        if (n == 0) {
            co->stopped = 1;
            return NULL;
        }
        Py_ssize_t i;
        for (i = r - 1; i >= 0; i--) {
            cycles[i]--;
            if (cycles[i] == 0) {
                /* Rotate indices[i:] left by one. */
                Py_ssize_t first = indices[i];
                for (Py_ssize_t j = i; j < n - 1; j++) {
                    indices[j] = indices[j + 1];
                }
                indices[n - 1] = first;
                cycles[i] = n - i;
            }
            else {
                Py_ssize_t j = cycles[i];
                Py_ssize_t tmp = indices[i];
                indices[i] = indices[n - j];
                indices[n - j] = tmp;
                break;
            }
        }
        if (i < 0) {
            co->stopped = 1;
            return NULL;
        }
    }
    co->started = 1;
    return comb_result(co);
}
LOCKED_NEXT(permutations)

#define COMB_TYPE(cname, pyname, doc)                       \
    static PyTypeObject cname##_type = {                    \
        PyVarObject_HEAD_INIT(&PyType_Type, 0)              \
        .tp_name = "itertools." pyname,                     \
        .tp_basicsize = sizeof(combobject),                 \
        .tp_dealloc = comb_dealloc,                         \
        .tp_getattro = PyObject_GenericGetAttr,             \
        .tp_flags = ITER_FLAGS,                             \
        .tp_doc = doc,                                      \
        .tp_traverse = comb_traverse,                       \
        .tp_iter = PyObject_SelfIter,                       \
        .tp_iternext = cname##_next,                        \
        .tp_new = cname##_new,                              \
        .tp_free = PyObject_GC_Del,                         \
    };

COMB_TYPE(product, "product", "Cartesian product of input iterables.  Equivalent to nested for-loops.")
COMB_TYPE(combinations, "combinations", "Return successive r-length combinations of elements in the iterable.")
COMB_TYPE(cwr, "combinations_with_replacement",
          "Return successive r-length combinations of elements in the iterable allowing individual elements to have successive repeats.")
COMB_TYPE(permutations, "permutations", "Return successive r-length permutations of elements in the iterable.")

/* ---- the module ---------------------------------------------------------- */

static PyMethodDef itertools_functions[] = {
    {"tee", _PyCFunction_CAST(itertools_tee), METH_FASTCALL,
     "Returns a tuple of n independent iterators."},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject *const itertools_types[] = {
    &accumulate_type, &batched_type, &chain_type, &combinations_type, &cwr_type,
    &compress_type, &count_type, &cycle_type, &dropwhile_type, &filterfalse_type,
    &groupby_type, &islice_type, &pairwise_type, &permutations_type, &product_type,
    &repeat_type, &starmap_type, &takewhile_type, &zip_longest_type, &tee_type,
};

static int
itertools_exec(PyObject *module)
{
    if (PyType_Ready(&grouper_type) < 0 || PyType_Ready(&teedataobject_type) < 0) {
        return -1;
    }
    for (size_t i = 0; i < sizeof(itertools_types) / sizeof(itertools_types[0]); i++) {
        if (PyModule_AddType(module, itertools_types[i]) < 0) {
            return -1;
        }
    }
    return 0;
}

static PyModuleDef_Slot itertools_slots[] = {
    {Py_mod_exec, itertools_exec},
    {Py_mod_multiple_interpreters, Py_MOD_PER_INTERPRETER_GIL_SUPPORTED},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef itertools_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "itertools",
    .m_doc = "Functional tools for creating and using iterators.",
    .m_size = 0,
    .m_methods = itertools_functions,
    .m_slots = itertools_slots,
};

PyMODINIT_FUNC PyInit_itertools(void)
{
    return PyModuleDef_Init(&itertools_module);
}
