/* _functoolsmodule.c: the C half of functools: reduce, partial,
 * cmp_to_key (KeyWrapper objects) and _lru_cache_wrapper (the cache
 * itself; functools.py builds the decorator, the CacheInfo named tuple and
 * cache_parameters around it, as in CPython).
 *
 * The lru cache's state is guarded by a critical section on the wrapper;
 * the user function is called outside it, so recursive functions work and
 * threads do not serialise on slow calls. */
#include "Python.h"
#include "pycore_object.h"
#include "structmember.h"

#if defined(__has_include)
#  if __has_include("classobject.h")
#    include "classobject.h"
#    define HAVE_PYMETHOD_NEW 1
#  endif
#endif

/* ==== reduce =============================================================== */

static PyObject *
functools_reduce(PyObject *module, PyObject *args)
{
    PyObject *func, *seq, *result = NULL;
    if (!PyArg_UnpackTuple(args, "reduce", 2, 3, &func, &seq, &result)) {
        return NULL;
    }
    PyObject *it = PyObject_GetIter(seq);
    if (it == NULL) {
        if (PyErr_ExceptionMatches(PyExc_TypeError)) {
            PyErr_SetString(PyExc_TypeError, "reduce() arg 2 must support iteration");
        }
        return NULL;
    }
    Py_XINCREF(result);
    PyObject *item;
    while ((item = PyIter_Next(it)) != NULL) {
        if (result == NULL) {
            result = item;
            continue;
        }
        PyObject *pair[2] = {result, item};
        PyObject *next = PyObject_Vectorcall(func, pair, 2, NULL);
        Py_DECREF(item);
        Py_DECREF(result);
        result = next;
        if (result == NULL) {
            Py_DECREF(it);
            return NULL;
        }
    }
    Py_DECREF(it);
    if (PyErr_Occurred()) {
        Py_XDECREF(result);
        return NULL;
    }
    if (result == NULL) {
        PyErr_SetString(PyExc_TypeError, "reduce() of empty iterable with no initial value");
    }
    return result;
}

/* ==== partial ============================================================== */

typedef struct {
    PyObject_HEAD
    PyObject *fn;
    PyObject *args;     /* tuple */
    PyObject *kw;       /* dict */
    PyObject *dict;     /* instance __dict__, may be NULL */
    vectorcallfunc vectorcall;
} partialobject;

static PyTypeObject partial_type;

static PyObject *partial_vectorcall(PyObject *self, PyObject *const *args, size_t nargsf,
                                    PyObject *kwnames);

static PyObject *
partial_new(PyTypeObject *type, PyObject *args, PyObject *kw)
{
    if (PyTuple_GET_SIZE(args) < 1) {
        PyErr_SetString(PyExc_TypeError, "type 'partial' takes at least one argument");
        return NULL;
    }
    PyObject *func = PyTuple_GET_ITEM(args, 0);
    PyObject *pargs = NULL, *pkw = NULL;
    int is_partial = PyObject_TypeCheck(func, &partial_type);
    if (is_partial) {
        partialobject *part = (partialobject *)func;
        /* Flatten partial(partial(f, a), b) to partial(f, a, b), unless the
         * inner one carries attributes of its own. */
        if (part->dict == NULL) {
            pargs = part->args;
            pkw = part->kw;
            func = part->fn;
        }
    }
    if (!PyCallable_Check(func)) {
        PyErr_SetString(PyExc_TypeError, "the first argument must be callable");
        return NULL;
    }
    partialobject *pto = (partialobject *)type->tp_alloc(type, 0);
    if (pto == NULL) {
        return NULL;
    }
    pto->fn = Py_NewRef(func);
    PyObject *nargs = PyTuple_GetSlice(args, 1, PyTuple_GET_SIZE(args));
    if (nargs == NULL) {
        Py_DECREF(pto);
        return NULL;
    }
    if (pargs == NULL) {
        pto->args = nargs;
    }
    else {
        pto->args = PySequence_Concat(pargs, nargs);
        Py_DECREF(nargs);
        if (pto->args == NULL) {
            Py_DECREF(pto);
            return NULL;
        }
    }
    if (pkw == NULL || PyDict_GET_SIZE(pkw) == 0) {
        pto->kw = kw != NULL ? PyDict_Copy(kw) : PyDict_New();
    }
    else {
        pto->kw = PyDict_Copy(pkw);
        if (pto->kw != NULL && kw != NULL && PyDict_Merge(pto->kw, kw, 1) < 0) {
            Py_CLEAR(pto->kw);
        }
    }
    if (pto->kw == NULL) {
        Py_DECREF(pto);
        return NULL;
    }
    pto->vectorcall = partial_vectorcall;
    return (PyObject *)pto;
}

static int
partial_clear(PyObject *self)
{
    partialobject *pto = (partialobject *)self;
    Py_CLEAR(pto->fn);
    Py_CLEAR(pto->args);
    Py_CLEAR(pto->kw);
    Py_CLEAR(pto->dict);
    return 0;
}

static int
partial_traverse(PyObject *self, visitproc visit, void *arg)
{
    partialobject *pto = (partialobject *)self;
    Py_VISIT(pto->fn);
    Py_VISIT(pto->args);
    Py_VISIT(pto->kw);
    Py_VISIT(pto->dict);
    return 0;
}

static void
partial_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    partial_clear(self);
    Py_TYPE(self)->tp_free(self);
}

static PyObject *
partial_call(PyObject *self, PyObject *args, PyObject *kwargs)
{
    partialobject *pto = (partialobject *)self;
    PyObject *kw = pto->kw;
    PyObject *kw2 = NULL;
    if (kwargs != NULL && PyDict_GET_SIZE(kwargs) > 0) {
        kw2 = PyDict_Copy(pto->kw);
        if (kw2 == NULL || PyDict_Merge(kw2, kwargs, 1) < 0) {
            Py_XDECREF(kw2);
            return NULL;
        }
        kw = kw2;
    }
    PyObject *allargs;
    if (PyTuple_GET_SIZE(pto->args) == 0) {
        allargs = Py_NewRef(args);
    }
    else if (PyTuple_GET_SIZE(args) == 0) {
        allargs = Py_NewRef(pto->args);
    }
    else {
        allargs = PySequence_Concat(pto->args, args);
        if (allargs == NULL) {
            Py_XDECREF(kw2);
            return NULL;
        }
    }
    PyObject *res = PyObject_Call(pto->fn, allargs, PyDict_GET_SIZE(kw) ? kw : NULL);
    Py_DECREF(allargs);
    Py_XDECREF(kw2);
    return res;
}

static PyObject *
partial_vectorcall(PyObject *self, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    PyObject *argtuple = PyTuple_New(nargs);
    if (argtuple == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < nargs; i++) {
        PyTuple_SET_ITEM(argtuple, i, Py_NewRef(args[i]));
    }
    PyObject *kwdict = NULL;
    if (kwnames != NULL && PyTuple_GET_SIZE(kwnames) > 0) {
        kwdict = PyDict_New();
        if (kwdict == NULL) {
            Py_DECREF(argtuple);
            return NULL;
        }
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(kwnames); i++) {
            if (PyDict_SetItem(kwdict, PyTuple_GET_ITEM(kwnames, i), args[nargs + i]) < 0) {
                Py_DECREF(kwdict);
                Py_DECREF(argtuple);
                return NULL;
            }
        }
    }
    PyObject *res = partial_call(self, argtuple, kwdict);
    Py_DECREF(argtuple);
    Py_XDECREF(kwdict);
    return res;
}

static PyObject *
partial_repr(PyObject *self)
{
    partialobject *pto = (partialobject *)self;
    PyObject *result = NULL;
    int status = Py_ReprEnter(self);
    if (status != 0) {
        if (status < 0) {
            return NULL;
        }
        return PyUnicode_FromString("...");
    }
    PyObject *args = Py_NewRef(pto->args);
    PyObject *kw = Py_NewRef(pto->kw);
    PyObject *arglist = PyUnicode_FromString("");
    if (arglist == NULL) {
        goto done;
    }
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(args); i++) {
        Py_SETREF(arglist, PyUnicode_FromFormat("%U, %R", arglist, PyTuple_GET_ITEM(args, i)));
        if (arglist == NULL) {
            goto done;
        }
    }
    Py_ssize_t pos = 0;
    PyObject *key, *value;
    while (PyDict_Next(kw, &pos, &key, &value)) {
        Py_INCREF(key);
        Py_INCREF(value);
        Py_SETREF(arglist, PyUnicode_FromFormat("%U, %S=%R", arglist, key, value));
        Py_DECREF(key);
        Py_DECREF(value);
        if (arglist == NULL) {
            goto done;
        }
    }
    PyObject *mod = PyType_GetModuleName(Py_TYPE(self));
    if (mod == NULL) {
        goto done;
    }
    PyObject *qualname = PyType_GetQualName(Py_TYPE(self));
    if (qualname == NULL) {
        Py_DECREF(mod);
        goto done;
    }
    result = PyUnicode_FromFormat("%S.%S(%R%U)", mod, qualname, pto->fn, arglist);
    Py_DECREF(mod);
    Py_DECREF(qualname);
done:
    Py_XDECREF(arglist);
    Py_DECREF(args);
    Py_DECREF(kw);
    Py_ReprLeave(self);
    return result;
}

/* 3.13: a partial used as a class attribute still returns itself, with a
 * FutureWarning announcing that it will become a method descriptor. */
static PyObject *
partial_descr_get(PyObject *self, PyObject *obj, PyObject *type)
{
    if (obj == Py_None || obj == NULL) {
        return Py_NewRef(self);
    }
    if (PyErr_WarnEx(PyExc_FutureWarning,
                     "functools.partial will be a method descriptor in future Python "
                     "versions; wrap it in staticmethod() if you want to preserve the old "
                     "behavior", 1) < 0) {
        return NULL;
    }
    return Py_NewRef(self);
}

static PyObject *
partial_reduce(PyObject *self, PyObject *unused)
{
    partialobject *pto = (partialobject *)self;
    return Py_BuildValue("O(O)(OOOO)", Py_TYPE(self), pto->fn, pto->fn, pto->args, pto->kw,
                         pto->dict ? pto->dict : Py_None);
}

static PyObject *
partial_setstate(PyObject *self, PyObject *state)
{
    partialobject *pto = (partialobject *)self;
    PyObject *fn, *fnargs, *kw, *dict;
    if (!PyTuple_Check(state) ||
        !PyArg_ParseTuple(state, "OOOO", &fn, &fnargs, &kw, &dict) ||
        !PyCallable_Check(fn) || !PyTuple_Check(fnargs) ||
        (kw != Py_None && !PyDict_Check(kw))) {
        PyErr_SetString(PyExc_TypeError, "invalid partial state");
        return NULL;
    }
    PyObject *newargs = PyTuple_Check(fnargs) && PyTuple_CheckExact(fnargs)
                            ? Py_NewRef(fnargs) : PySequence_Tuple(fnargs);
    if (newargs == NULL) {
        return NULL;
    }
    PyObject *newkw = kw == Py_None ? PyDict_New() : PyDict_Copy(kw);
    if (newkw == NULL) {
        Py_DECREF(newargs);
        return NULL;
    }
    Py_SETREF(pto->fn, Py_NewRef(fn));
    Py_SETREF(pto->args, newargs);
    Py_SETREF(pto->kw, newkw);
    Py_XSETREF(pto->dict, dict == Py_None ? NULL : Py_NewRef(dict));
    Py_RETURN_NONE;
}

static PyMethodDef partial_methods[] = {
    {"__reduce__", partial_reduce, METH_NOARGS, NULL},
    {"__setstate__", partial_setstate, METH_O, NULL},
    {"__class_getitem__", Py_GenericAlias, METH_O | METH_CLASS, "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

static PyMemberDef partial_members[] = {
    {"func", _Py_T_OBJECT, offsetof(partialobject, fn), Py_READONLY,
     "function object to use in future partial calls"},
    {"args", _Py_T_OBJECT, offsetof(partialobject, args), Py_READONLY,
     "tuple of arguments to future partial calls"},
    {"keywords", _Py_T_OBJECT, offsetof(partialobject, kw), Py_READONLY,
     "dictionary of keyword arguments to future partial calls"},
    {"__dictoffset__", Py_T_PYSSIZET, offsetof(partialobject, dict), Py_READONLY, NULL},
    {"__vectorcalloffset__", Py_T_PYSSIZET, offsetof(partialobject, vectorcall), Py_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

static PyGetSetDef partial_getset[] = {
    {"__dict__", PyObject_GenericGetDict, PyObject_GenericSetDict, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyTypeObject partial_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "functools.partial",
    .tp_basicsize = sizeof(partialobject),
    .tp_dealloc = partial_dealloc,
    .tp_vectorcall_offset = offsetof(partialobject, vectorcall),
    .tp_repr = partial_repr,
    .tp_call = partial_call,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_setattro = PyObject_GenericSetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE |
                Py_TPFLAGS_HAVE_VECTORCALL,
    .tp_doc = "Create a new function with partial application of the given arguments\n"
              "and keywords.",
    .tp_traverse = partial_traverse,
    .tp_clear = partial_clear,
    .tp_methods = partial_methods,
    .tp_members = partial_members,
    .tp_getset = partial_getset,
    .tp_descr_get = partial_descr_get,
    .tp_dictoffset = offsetof(partialobject, dict),
    .tp_new = partial_new,
    .tp_free = PyObject_GC_Del,
};

/* ==== cmp_to_key =========================================================== */

typedef struct {
    PyObject_HEAD
    PyObject *cmp;
    PyObject *object;
} keyobject;

static PyTypeObject keyobject_type;

static void
keyobject_dealloc(PyObject *self)
{
    keyobject *ko = (keyobject *)self;
    PyObject_GC_UnTrack(self);
    Py_XDECREF(ko->cmp);
    Py_XDECREF(ko->object);
    PyObject_GC_Del(self);
}

static int
keyobject_traverse(PyObject *self, visitproc visit, void *arg)
{
    keyobject *ko = (keyobject *)self;
    Py_VISIT(ko->cmp);
    Py_VISIT(ko->object);
    return 0;
}

static int
keyobject_clear(PyObject *self)
{
    keyobject *ko = (keyobject *)self;
    Py_CLEAR(ko->cmp);
    Py_CLEAR(ko->object);
    return 0;
}

static PyObject *
keyobject_make(PyObject *cmp, PyObject *object)
{
    keyobject *ko = PyObject_GC_New(keyobject, &keyobject_type);
    if (ko == NULL) {
        return NULL;
    }
    ko->cmp = Py_NewRef(cmp);
    ko->object = Py_XNewRef(object);
    PyObject_GC_Track(ko);
    return (PyObject *)ko;
}

static PyObject *
keyobject_call(PyObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwargs[] = {"obj", NULL};
    PyObject *object;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O:K", kwargs, &object)) {
        return NULL;
    }
    return keyobject_make(((keyobject *)self)->cmp, object);
}

static PyObject *
keyobject_richcompare(PyObject *ko, PyObject *other, int op)
{
    if (!Py_IS_TYPE(other, &keyobject_type)) {
        PyErr_SetString(PyExc_TypeError, "other argument must be K instance");
        return NULL;
    }
    PyObject *x = ((keyobject *)ko)->object, *y = ((keyobject *)other)->object;
    if (x == NULL || y == NULL) {
        PyErr_SetString(PyExc_AttributeError, "object");
        return NULL;
    }
    PyObject *pair[2] = {x, y};
    PyObject *res = PyObject_Vectorcall(((keyobject *)ko)->cmp, pair, 2, NULL);
    if (res == NULL) {
        return NULL;
    }
    PyObject *zero = PyLong_FromLong(0);
    PyObject *answer = PyObject_RichCompare(res, zero, op);
    Py_DECREF(res);
    Py_DECREF(zero);
    return answer;
}

static PyMemberDef keyobject_members[] = {
    {"obj", _Py_T_OBJECT, offsetof(keyobject, object), 0, "Value wrapped by a key function."},
    {NULL, 0, 0, 0, NULL},
};

static PyTypeObject keyobject_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "functools.KeyWrapper",
    .tp_basicsize = sizeof(keyobject),
    .tp_dealloc = keyobject_dealloc,
    .tp_hash = PyObject_HashNotImplemented,
    .tp_call = keyobject_call,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = keyobject_traverse,
    .tp_clear = keyobject_clear,
    .tp_richcompare = keyobject_richcompare,
    .tp_members = keyobject_members,
    .tp_free = PyObject_GC_Del,
};

static PyObject *
functools_cmp_to_key(PyObject *module, PyObject *args, PyObject *kwds)
{
    static char *kwargs[] = {"mycmp", NULL};
    PyObject *cmp;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O:cmp_to_key", kwargs, &cmp)) {
        return NULL;
    }
    return keyobject_make(cmp, NULL);
}

/* ==== _lru_cache_wrapper =================================================== */

typedef struct {
    PyObject_HEAD
    PyObject *func;
    PyObject *cache;            /* dict: key -> result, oldest first */
    PyObject *cache_info_type;
    PyObject *dict;             /* __dict__: __wrapped__, cache_parameters, ... */
    PyObject *kwd_mark;         /* separates positional and keyword parts of a key */
    Py_ssize_t maxsize;         /* -1: unbounded */
    int typed;
    Py_ssize_t hits;
    Py_ssize_t misses;
    vectorcallfunc vectorcall;
} lruobject;

static PyTypeObject lru_type;

/* The cache key of a call, CPython's recipe: a lone int or str argument is
 * its own key; otherwise a tuple of the positional arguments, then a marker
 * and the keyword items, then (typed) the argument types. */
static PyObject *
lru_make_key(lruobject *self, PyObject *args, PyObject *kwds)
{
    Py_ssize_t kwds_size = kwds ? PyDict_GET_SIZE(kwds) : 0;
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    if (!self->typed && kwds_size == 0) {
        if (nargs == 1) {
            PyObject *key = PyTuple_GET_ITEM(args, 0);
            if (PyUnicode_CheckExact(key) || PyLong_CheckExact(key)) {
                return Py_NewRef(key);
            }
        }
        return Py_NewRef(args);
    }
    Py_ssize_t size = nargs;
    if (kwds_size) {
        size += 1 + 2 * kwds_size;
    }
    if (self->typed) {
        size += nargs + kwds_size;
    }
    PyObject *key = PyTuple_New(size);
    if (key == NULL) {
        return NULL;
    }
    Py_ssize_t k = 0;
    for (Py_ssize_t i = 0; i < nargs; i++) {
        PyTuple_SET_ITEM(key, k++, Py_NewRef(PyTuple_GET_ITEM(args, i)));
    }
    if (kwds_size) {
        PyTuple_SET_ITEM(key, k++, Py_NewRef(self->kwd_mark));
        Py_ssize_t pos = 0;
        PyObject *kk, *vv;
        while (PyDict_Next(kwds, &pos, &kk, &vv)) {
            PyTuple_SET_ITEM(key, k++, Py_NewRef(kk));
            PyTuple_SET_ITEM(key, k++, Py_NewRef(vv));
        }
    }
    if (self->typed) {
        for (Py_ssize_t i = 0; i < nargs; i++) {
            PyTuple_SET_ITEM(key, k++, Py_NewRef(Py_TYPE(PyTuple_GET_ITEM(args, i))));
        }
        if (kwds_size) {
            Py_ssize_t pos = 0;
            PyObject *kk, *vv;
            while (PyDict_Next(kwds, &pos, &kk, &vv)) {
                PyTuple_SET_ITEM(key, k++, Py_NewRef(Py_TYPE(vv)));
            }
        }
    }
    return key;
}

static PyObject *
lru_call(PyObject *op, PyObject *args, PyObject *kwds)
{
    lruobject *self = (lruobject *)op;
    if (self->maxsize == 0) {
        Py_BEGIN_CRITICAL_SECTION(op);
        self->misses++;
        Py_END_CRITICAL_SECTION();
        return PyObject_Call(self->func, args, kwds);
    }
    PyObject *key = lru_make_key(self, args, kwds);
    if (key == NULL) {
        return NULL;
    }
    Py_hash_t hash = PyObject_Hash(key);
    if (hash == -1) {
        Py_DECREF(key);
        return NULL;
    }
    PyObject *result = NULL;
    int found;
    Py_BEGIN_CRITICAL_SECTION(op);
    found = PyDict_GetItemRef(self->cache, key, &result);
    if (found > 0) {
        self->hits++;
        if (self->maxsize > 0) {
            /* Most recently used goes last: delete and re-insert. */
            if (PyDict_DelItem(self->cache, key) < 0 ||
                PyDict_SetItem(self->cache, key, result) < 0) {
                Py_CLEAR(result);
                found = -1;
            }
        }
    }
    else if (found == 0) {
        self->misses++;
    }
    Py_END_CRITICAL_SECTION();
    if (found != 0) {
        Py_DECREF(key);
        return result;   /* the hit, or NULL on error */
    }
    result = PyObject_Call(self->func, args, kwds);
    if (result == NULL) {
        Py_DECREF(key);
        return NULL;
    }
    int err = 0;
    Py_BEGIN_CRITICAL_SECTION(op);
    PyObject *old = NULL;
    int present = PyDict_GetItemRef(self->cache, key, &old);
    if (present < 0) {
        err = -1;
    }
    else if (present == 0) {
        /* Another thread (or a recursive call) may have filled it: keep
         * theirs then, as CPython does. */
        if (self->maxsize > 0) {
            while (PyDict_GET_SIZE(self->cache) >= self->maxsize) {
                Py_ssize_t pos = 0;
                PyObject *oldkey, *oldvalue;
                if (!PyDict_Next(self->cache, &pos, &oldkey, &oldvalue)) {
                    break;
                }
                Py_INCREF(oldkey);
                err = PyDict_DelItem(self->cache, oldkey);
                Py_DECREF(oldkey);
                if (err < 0) {
                    break;
                }
            }
        }
        if (err == 0) {
            err = PyDict_SetItem(self->cache, key, result);
        }
    }
    Py_XDECREF(old);
    Py_END_CRITICAL_SECTION();
    Py_DECREF(key);
    if (err < 0) {
        Py_DECREF(result);
        return NULL;
    }
    return result;
}

static PyObject *
lru_vectorcall(PyObject *self, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    PyObject *argtuple = PyTuple_New(nargs);
    if (argtuple == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < nargs; i++) {
        PyTuple_SET_ITEM(argtuple, i, Py_NewRef(args[i]));
    }
    PyObject *kwdict = NULL;
    if (kwnames != NULL && PyTuple_GET_SIZE(kwnames) > 0) {
        kwdict = PyDict_New();
        if (kwdict == NULL) {
            Py_DECREF(argtuple);
            return NULL;
        }
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(kwnames); i++) {
            if (PyDict_SetItem(kwdict, PyTuple_GET_ITEM(kwnames, i), args[nargs + i]) < 0) {
                Py_DECREF(kwdict);
                Py_DECREF(argtuple);
                return NULL;
            }
        }
    }
    PyObject *res = lru_call(self, argtuple, kwdict);
    Py_DECREF(argtuple);
    Py_XDECREF(kwdict);
    return res;
}

static PyObject *
lru_new(PyTypeObject *type, PyObject *args, PyObject *kw)
{
    static char *keywords[] = {"user_function", "maxsize", "typed", "cache_info_type", NULL};
    PyObject *func, *maxsize_O, *cache_info_type;
    int typed;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "OOpO:lru_cache", keywords, &func, &maxsize_O,
                                     &typed, &cache_info_type)) {
        return NULL;
    }
    if (!PyCallable_Check(func)) {
        PyErr_SetString(PyExc_TypeError, "the first argument must be callable");
        return NULL;
    }
    Py_ssize_t maxsize;
    if (maxsize_O == Py_None) {
        maxsize = -1;
    }
    else if (PyIndex_Check(maxsize_O)) {
        maxsize = PyNumber_AsSsize_t(maxsize_O, PyExc_OverflowError);
        if (maxsize == -1 && PyErr_Occurred()) {
            return NULL;
        }
        if (maxsize < 0) {
            maxsize = 0;
        }
    }
    else {
        PyErr_SetString(PyExc_TypeError, "maxsize should be integer or None");
        return NULL;
    }
    lruobject *obj = (lruobject *)type->tp_alloc(type, 0);
    if (obj == NULL) {
        return NULL;
    }
    obj->cache = PyDict_New();
    obj->kwd_mark = PyBaseObject_Type.tp_alloc(&PyBaseObject_Type, 0);
    if (obj->cache == NULL || obj->kwd_mark == NULL) {
        Py_DECREF(obj);
        return NULL;
    }
    obj->func = Py_NewRef(func);
    obj->maxsize = maxsize;
    obj->typed = typed;
    obj->cache_info_type = Py_NewRef(cache_info_type);
    obj->vectorcall = lru_vectorcall;
    return (PyObject *)obj;
}

static int
lru_tp_clear(PyObject *op)
{
    lruobject *self = (lruobject *)op;
    Py_CLEAR(self->func);
    Py_CLEAR(self->cache);
    Py_CLEAR(self->cache_info_type);
    Py_CLEAR(self->dict);
    Py_CLEAR(self->kwd_mark);
    return 0;
}

static int
lru_traverse(PyObject *op, visitproc visit, void *arg)
{
    lruobject *self = (lruobject *)op;
    Py_VISIT(self->func);
    Py_VISIT(self->cache);
    Py_VISIT(self->cache_info_type);
    Py_VISIT(self->dict);
    return 0;
}

static void
lru_dealloc(PyObject *op)
{
    PyObject_GC_UnTrack(op);
    lru_tp_clear(op);
    Py_TYPE(op)->tp_free(op);
}

static PyObject *
lru_descr_get(PyObject *self, PyObject *obj, PyObject *type)
{
    if (obj == Py_None || obj == NULL) {
        return Py_NewRef(self);
    }
#ifdef HAVE_PYMETHOD_NEW
    return PyMethod_New(self, obj);
#else
    /* No bound-method type yet: a partial binds the instance the same way. */
    PyObject *args = PyTuple_Pack(2, self, obj);
    if (args == NULL) {
        return NULL;
    }
    PyObject *res = partial_new(&partial_type, args, NULL);
    Py_DECREF(args);
    return res;
#endif
}

static PyObject *
lru_cache_info(PyObject *op, PyObject *unused)
{
    lruobject *self = (lruobject *)op;
    Py_ssize_t hits, misses, currsize;
    Py_BEGIN_CRITICAL_SECTION(op);
    hits = self->hits;
    misses = self->misses;
    currsize = PyDict_GET_SIZE(self->cache);
    Py_END_CRITICAL_SECTION();
    if (self->maxsize == -1) {
        return PyObject_CallFunction(self->cache_info_type, "nnOn", hits, misses, Py_None,
                                     currsize);
    }
    return PyObject_CallFunction(self->cache_info_type, "nnnn", hits, misses, self->maxsize,
                                 currsize);
}

static PyObject *
lru_cache_clear(PyObject *op, PyObject *unused)
{
    lruobject *self = (lruobject *)op;
    PyObject *old;
    PyObject *fresh = PyDict_New();
    if (fresh == NULL) {
        return NULL;
    }
    Py_BEGIN_CRITICAL_SECTION(op);
    self->hits = self->misses = 0;
    old = self->cache;
    self->cache = fresh;
    Py_END_CRITICAL_SECTION();
    Py_DECREF(old);   /* outside the section: values' finalizers may run */
    Py_RETURN_NONE;
}

static PyObject *
lru_reduce(PyObject *self, PyObject *unused)
{
    return PyObject_GetAttrString(self, "__qualname__");
}

static PyObject *
lru_copy(PyObject *self, PyObject *args)
{
    return Py_NewRef(self);
}

static PyMethodDef lru_methods[] = {
    {"cache_info", lru_cache_info, METH_NOARGS, "Report cache statistics"},
    {"cache_clear", lru_cache_clear, METH_NOARGS, "Clear the cache and cache statistics"},
    {"__reduce__", lru_reduce, METH_NOARGS, NULL},
    {"__copy__", lru_copy, METH_NOARGS, NULL},
    {"__deepcopy__", lru_copy, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static PyMemberDef lru_members[] = {
    {"__dictoffset__", Py_T_PYSSIZET, offsetof(lruobject, dict), Py_READONLY, NULL},
    {"__vectorcalloffset__", Py_T_PYSSIZET, offsetof(lruobject, vectorcall), Py_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

static PyGetSetDef lru_getset[] = {
    {"__dict__", PyObject_GenericGetDict, PyObject_GenericSetDict, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyTypeObject lru_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "functools._lru_cache_wrapper",
    .tp_basicsize = sizeof(lruobject),
    .tp_dealloc = lru_dealloc,
    .tp_vectorcall_offset = offsetof(lruobject, vectorcall),
    .tp_call = lru_call,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_setattro = PyObject_GenericSetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE |
                Py_TPFLAGS_METHOD_DESCRIPTOR | Py_TPFLAGS_HAVE_VECTORCALL,
    .tp_doc = "Create a cached callable that wraps another function.\n\n"
              "user_function:      the function being cached\n\n"
              "maxsize:  0         for no caching\n"
              "          None      for unlimited cache size\n"
              "          n         for a bounded cache\n\n"
              "typed:    False     cache f(3) and f(3.0) as identical calls\n"
              "          True      cache f(3) and f(3.0) as distinct calls\n\n"
              "cache_info_type:    namedtuple class with the fields:\n"
              "                        hits misses currsize maxsize\n",
    .tp_traverse = lru_traverse,
    .tp_clear = lru_tp_clear,
    .tp_methods = lru_methods,
    .tp_members = lru_members,
    .tp_getset = lru_getset,
    .tp_descr_get = lru_descr_get,
    .tp_dictoffset = offsetof(lruobject, dict),
    .tp_new = lru_new,
    .tp_free = PyObject_GC_Del,
};

/* ==== the module =========================================================== */

static PyMethodDef functools_functions[] = {
    {"reduce", functools_reduce, METH_VARARGS,
     "reduce(function, iterable[, initial], /) -> value\n\n"
     "Apply a function of two arguments cumulatively to the items of an iterable, from left to right."},
    {"cmp_to_key", _PyCFunction_CAST(functools_cmp_to_key), METH_VARARGS | METH_KEYWORDS,
     "Convert a cmp= function into a key= function."},
    {NULL, NULL, 0, NULL},
};

static int
functools_exec(PyObject *module)
{
    if (PyModule_AddType(module, &partial_type) < 0 ||
        PyModule_AddType(module, &lru_type) < 0) {
        return -1;
    }
    if (PyType_Ready(&keyobject_type) < 0) {
        return -1;
    }
    return 0;
}

static PyModuleDef_Slot functools_slots[] = {
    {Py_mod_exec, functools_exec},
    {Py_mod_multiple_interpreters, Py_MOD_PER_INTERPRETER_GIL_SUPPORTED},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef functools_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_functools",
    .m_doc = "Tools that operate on functions.",
    .m_size = 0,
    .m_methods = functools_functions,
    .m_slots = functools_slots,
};

PyMODINIT_FUNC PyInit__functools(void)
{
    return PyModuleDef_Init(&functools_module);
}
