/* codeobject.c: the code object type (PyCode_Type) — construction
 * (_PyCode_New), the read-only co_* attributes, repr, and the co_lines() /
 * co_positions() views of the positions table.  Code objects are immutable
 * once built and hold no references that can form cycles (their constants are
 * immutable or other code objects), so they are not GC-tracked. */
#include "Python.h"
#include "pycore_code.h"
#include "pycore_cache.h"
#include "pycore_object.h"

/* ---- construction ------------------------------------------------------ */

static int
check_str_tuple(PyObject *t, const char *what)
{
    if (!PyTuple_Check(t)) {
        PyErr_Format(PyExc_SystemError, "code object: %s must be a tuple", what);
        return -1;
    }
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(t); i++) {
        if (!PyUnicode_Check(PyTuple_GET_ITEM(t, i))) {
            PyErr_Format(PyExc_SystemError,
                         "code object: %s must hold only str", what);
            return -1;
        }
    }
    return 0;
}

PyCodeObject *
_PyCode_New(PyObject *filename, PyObject *name, PyObject *qualname, int flags,
            int argcount, int posonlyargcount, int kwonlyargcount,
            int firstlineno, int stacksize, _Py_CODEUNIT *code,
            _PyCodePosition *positions, Py_ssize_t ncode, PyObject *consts,
            PyObject *names, PyObject *localsplusnames,
            unsigned char *localspluskinds)
{
    /* Validate what a buggy compiler could get wrong: the eval loop trusts
     * these fields blindly. */
    if (filename == NULL || !PyUnicode_Check(filename) || name == NULL ||
        !PyUnicode_Check(name) || qualname == NULL || !PyUnicode_Check(qualname)
        || consts == NULL || !PyTuple_Check(consts) || names == NULL
        || localsplusnames == NULL || ncode < 0 || (ncode > 0 && code == NULL)
        || argcount < 0 || posonlyargcount < 0 || kwonlyargcount < 0
        || posonlyargcount > argcount || stacksize < 0) {
        PyErr_SetString(PyExc_SystemError, "_PyCode_New: bad argument");
        goto fail;
    }
    if (check_str_tuple(names, "co_names") < 0
        || check_str_tuple(localsplusnames, "co_localsplusnames") < 0) {
        goto fail;
    }
    Py_ssize_t nlocalsplus = PyTuple_GET_SIZE(localsplusnames);
    if (nlocalsplus > 0 && localspluskinds == NULL) {
        PyErr_SetString(PyExc_SystemError, "_PyCode_New: missing slot kinds");
        goto fail;
    }
    int nlocals = 0, ncells = 0, nfree = 0;
    for (Py_ssize_t i = 0; i < nlocalsplus; i++) {
        unsigned char k = localspluskinds[i];
        if (k & CO_FAST_LOCAL) {
            nlocals++;
        }
        if (k & CO_FAST_CELL) {
            ncells++;
        }
        if (k & CO_FAST_FREE) {
            nfree++;
        }
    }
    int nargs = argcount + kwonlyargcount + !!(flags & CO_VARARGS)
                + !!(flags & CO_VARKEYWORDS);
    if (nargs > nlocalsplus) {
        PyErr_SetString(PyExc_SystemError,
                        "_PyCode_New: more arguments than local slots");
        goto fail;
    }

#ifdef Py_GIL_DISABLED
    PyCodeObject *co = PyObject_GC_New(PyCodeObject, &PyCode_Type);
#else
    PyCodeObject *co = PyObject_New(PyCodeObject, &PyCode_Type);
#endif
    if (co == NULL) {
        goto fail;
    }
    co->co_argcount = argcount;
    co->co_posonlyargcount = posonlyargcount;
    co->co_kwonlyargcount = kwonlyargcount;
    co->co_flags = flags;
    co->co_firstlineno = firstlineno;
    co->co_stacksize = stacksize;
    co->co_nlocalsplus = (int)nlocalsplus;
    co->co_nlocals = nlocals;
    co->co_ncellvars = ncells;
    co->co_nfreevars = nfree;
    co->co_ncode = ncode;
    co->co_code = code;
    co->co_positions = positions;
    co->co_consts = Py_NewRef(consts);
    co->co_names = Py_NewRef(names);
    co->co_localsplusnames = Py_NewRef(localsplusnames);
    co->co_localspluskinds = localspluskinds;
    co->co_filename = Py_NewRef(filename);
    co->co_name = Py_NewRef(name);
    co->co_qualname = Py_NewRef(qualname);
    co->co_weakreflist = NULL;
    co->co_extra = NULL;
    co->co_cache = NULL;
    co->co_tracelines = NULL;
#ifdef Py_GIL_DISABLED
    /* Every call of the code counts it (the frame holds it): deferred
     * counting, which needs the collector to free it, so it is tracked. */
    PyObject_GC_Track(co);
    _PyObject_SetDeferredRefcount((PyObject *)co);
#endif
    return co;

fail:
    PyMem_Free(code);
    PyMem_Free(positions);
    PyMem_Free(localspluskinds);
    return NULL;
}

static void
code_dealloc(PyObject *op)
{
    PyCodeObject *co = (PyCodeObject *)op;
#ifdef Py_GIL_DISABLED
    PyObject_GC_UnTrack(op);
#endif
    PyObject_ClearWeakRefs(op);
    PyMem_Free(co->co_code);
    PyMem_Free(co->co_positions);
    PyMem_Free(co->co_tracelines);
    PyMem_Free(co->co_localspluskinds);
    PyMem_Free(co->co_cache);
    Py_XDECREF(co->co_consts);
    Py_XDECREF(co->co_names);
    Py_XDECREF(co->co_localsplusnames);
    Py_XDECREF(co->co_filename);
    Py_XDECREF(co->co_name);
    Py_XDECREF(co->co_qualname);
#ifdef Py_GIL_DISABLED
    PyObject_GC_Del(op);
#else
    PyObject_Free(op);
#endif
}

#ifdef Py_GIL_DISABLED
static int
code_traverse(PyObject *op, visitproc visit, void *arg)
{
    PyCodeObject *co = (PyCodeObject *)op;
    Py_VISIT(co->co_consts);
    Py_VISIT(co->co_names);
    Py_VISIT(co->co_localsplusnames);
    Py_VISIT(co->co_filename);
    Py_VISIT(co->co_name);
    Py_VISIT(co->co_qualname);
    return 0;
}
#endif

/* ---- variable-name views ----------------------------------------------- */

/* The names of the slots whose kind has any bit of `mask`, in slot order. */
static PyObject *
names_of_kind(PyCodeObject *co, unsigned char mask)
{
    Py_ssize_t n = 0;
    for (int i = 0; i < co->co_nlocalsplus; i++) {
        if (co->co_localspluskinds[i] & mask) {
            n++;
        }
    }
    PyObject *t = PyTuple_New(n);
    if (t == NULL) {
        return NULL;
    }
    n = 0;
    for (int i = 0; i < co->co_nlocalsplus; i++) {
        if (co->co_localspluskinds[i] & mask) {
            PyTuple_SET_ITEM(t, n++,
                             Py_NewRef(PyTuple_GET_ITEM(co->co_localsplusnames, i)));
        }
    }
    return t;
}

PyObject *
_PyCode_GetVarnames(PyCodeObject *co)
{
    return names_of_kind(co, CO_FAST_LOCAL);
}

PyObject *
_PyCode_GetCellvars(PyCodeObject *co)
{
    return names_of_kind(co, CO_FAST_CELL);
}

PyObject *
_PyCode_GetFreevars(PyCodeObject *co)
{
    return names_of_kind(co, CO_FAST_FREE);
}

/* ---- attributes -------------------------------------------------------- */

#define CODE(op) ((PyCodeObject *)(op))

static PyObject *code_get_varnames(PyObject *op, void *c) { return _PyCode_GetVarnames(CODE(op)); }
static PyObject *code_get_cellvars(PyObject *op, void *c) { return _PyCode_GetCellvars(CODE(op)); }
static PyObject *code_get_freevars(PyObject *op, void *c) { return _PyCode_GetFreevars(CODE(op)); }

/* co_code: the instructions as bytes, each code unit little-endian, so the
 * value is the same on every host. */
static PyObject *
code_get_code(PyObject *op, void *c)
{
    PyCodeObject *co = CODE(op);
    PyObject *b = PyBytes_FromStringAndSize(NULL, co->co_ncode * 4);
    if (b == NULL) {
        return NULL;
    }
    unsigned char *p = (unsigned char *)PyBytes_AS_STRING(b);
    for (Py_ssize_t i = 0; i < co->co_ncode; i++) {
        _Py_CODEUNIT w = co->co_code[i];
        p[4 * i] = (unsigned char)(w & 0xff);
        p[4 * i + 1] = (unsigned char)((w >> 8) & 0xff);
        p[4 * i + 2] = (unsigned char)((w >> 16) & 0xff);
        p[4 * i + 3] = (unsigned char)((w >> 24) & 0xff);
    }
    return b;
}

static PyGetSetDef code_getset[] = {
    {"co_varnames", code_get_varnames, NULL, NULL, NULL},
    {"co_cellvars", code_get_cellvars, NULL, NULL, NULL},
    {"co_freevars", code_get_freevars, NULL, NULL, NULL},
    {"co_code", code_get_code, NULL, NULL, NULL},
    {NULL},
};

static PyMemberDef code_members[] = {
    {"co_argcount", Py_T_INT, offsetof(PyCodeObject, co_argcount), Py_READONLY, NULL},
    {"co_posonlyargcount", Py_T_INT, offsetof(PyCodeObject, co_posonlyargcount), Py_READONLY, NULL},
    {"co_kwonlyargcount", Py_T_INT, offsetof(PyCodeObject, co_kwonlyargcount), Py_READONLY, NULL},
    {"co_flags", Py_T_INT, offsetof(PyCodeObject, co_flags), Py_READONLY, NULL},
    {"co_firstlineno", Py_T_INT, offsetof(PyCodeObject, co_firstlineno), Py_READONLY, NULL},
    {"co_stacksize", Py_T_INT, offsetof(PyCodeObject, co_stacksize), Py_READONLY, NULL},
    {"co_nlocals", Py_T_INT, offsetof(PyCodeObject, co_nlocals), Py_READONLY, NULL},
    {"co_consts", _Py_T_OBJECT, offsetof(PyCodeObject, co_consts), Py_READONLY, NULL},
    {"co_names", _Py_T_OBJECT, offsetof(PyCodeObject, co_names), Py_READONLY, NULL},
    {"co_filename", _Py_T_OBJECT, offsetof(PyCodeObject, co_filename), Py_READONLY, NULL},
    {"co_name", _Py_T_OBJECT, offsetof(PyCodeObject, co_name), Py_READONLY, NULL},
    {"co_qualname", _Py_T_OBJECT, offsetof(PyCodeObject, co_qualname), Py_READONLY, NULL},
    {NULL},
};

/* ---- co_lines() / co_positions() --------------------------------------- */

/* Both return an iterator over a list built eagerly: code objects are small
 * and immutable, and this needs no extra iterator type. */

static PyObject *
int_or_none(int v)
{
    return v < 0 ? Py_NewRef(Py_None) : PyLong_FromLong(v);
}

static PyObject *
iter_over(PyObject *list)
{
    if (list == NULL) {
        return NULL;
    }
    PyObject *it = PyObject_GetIter(list);
    Py_DECREF(list);
    return it;
}

/* (start, end, line) triples in byte offsets of co_code (4 bytes per
 * instruction), consecutive instructions on one line merged; line is None
 * for instructions without a line. */
static PyObject *
code_co_lines(PyObject *op, PyObject *unused)
{
    PyCodeObject *co = CODE(op);
    PyObject *list = PyList_New(0);
    if (list == NULL) {
        return NULL;
    }
    Py_ssize_t i = 0;
    while (i < co->co_ncode) {
        int line = co->co_positions ? co->co_positions[i].lineno : -1;
        Py_ssize_t j = i + 1;
        while (j < co->co_ncode
               && (co->co_positions ? co->co_positions[j].lineno : -1) == line) {
            j++;
        }
        PyObject *ln = int_or_none(line);
        PyObject *t = ln ? Py_BuildValue("(nnN)", i * 4, j * 4, ln) : NULL;
        if (t == NULL || PyList_Append(list, t) < 0) {
            Py_XDECREF(t);
            Py_DECREF(list);
            return NULL;
        }
        Py_DECREF(t);
        i = j;
    }
    return iter_over(list);
}

/* One (lineno, end_lineno, col, end_col) per instruction, None if unknown. */
static PyObject *
code_co_positions(PyObject *op, PyObject *unused)
{
    PyCodeObject *co = CODE(op);
    PyObject *list = PyList_New(co->co_ncode);
    if (list == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < co->co_ncode; i++) {
        _PyCodePosition p = {-1, -1, -1, -1};
        if (co->co_positions) {
            p = co->co_positions[i];
        }
        PyObject *t = PyTuple_New(4);
        if (t == NULL) {
            Py_DECREF(list);
            return NULL;
        }
        int v[4] = {p.lineno, p.end_lineno, p.col, p.end_col};
        for (int k = 0; k < 4; k++) {
            PyObject *x = int_or_none(v[k]);
            if (x == NULL) {
                Py_DECREF(t);
                Py_DECREF(list);
                return NULL;
            }
            PyTuple_SET_ITEM(t, k, x);
        }
        PyList_SET_ITEM(list, i, t);
    }
    return iter_over(list);
}

static PyMethodDef code_methods[] = {
    {"co_lines", code_co_lines, METH_NOARGS, NULL},
    {"co_positions", code_co_positions, METH_NOARGS, NULL},
    {NULL, NULL},
};

static PyObject *
code_repr(PyObject *op)
{
    PyCodeObject *co = CODE(op);
    if (co->co_firstlineno != 0) {
        return PyUnicode_FromFormat("<code object %U at %p, file \"%U\", line %d>",
                                    co->co_name, op, co->co_filename,
                                    co->co_firstlineno);
    }
    return PyUnicode_FromFormat("<code object %U at %p, file \"%U\", line ?\?\?>",
                                co->co_name, op, co->co_filename);
}

PyTypeObject PyCode_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "code",
    .tp_basicsize = sizeof(PyCodeObject),
    .tp_dealloc = code_dealloc,
    .tp_repr = code_repr,
    .tp_getattro = PyObject_GenericGetAttr,
#ifdef Py_GIL_DISABLED
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = code_traverse,
#else
    .tp_flags = Py_TPFLAGS_DEFAULT,
#endif
    .tp_doc = "Create a code object.  Not for the faint of heart.",
    .tp_weaklistoffset = offsetof(PyCodeObject, co_weakreflist),
    .tp_methods = code_methods,
    .tp_members = code_members,
    .tp_getset = code_getset,
};

/* The inline-cache side array (pycore_cache.h): zeroed entries are empty.
 * Two threads may race to create it; the loser frees its copy. */
_PyInstrCache *
_PyCode_GetOrCreateCache(PyCodeObject *co)
{
    _PyInstrCache *cache = _Py_atomic_load_ptr_acquire(&co->co_cache);
    if (cache != NULL || co->co_ncode <= 0) {
        return cache;
    }
    cache = PyMem_Calloc((size_t)co->co_ncode, sizeof(_PyInstrCache));
    if (cache == NULL) {
        return NULL;
    }
    _PyInstrCache *expected = NULL;
    if (!_Py_atomic_compare_exchange_ptr(&co->co_cache, &expected, cache)) {
        PyMem_Free(cache);
        return expected;
    }
    return cache;
}
