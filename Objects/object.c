/* object.c: the generic object protocol (repr, str, hash, comparison,
 * truth, attribute access with descriptors and instance dicts, dir),
 * object allocation (plain and cycle-collected), the singletons None,
 * NotImplemented and Ellipsis, the repr recursion guard, and the list of
 * static types readied at start-up (_PyTypes_Init). */
#include "Python.h"
#include "pycore_object.h"
#include "pycore_typeobject.h"
#include "pycore_tracing.h"
#include "pycore_unionobject.h"
#include "pycore_pystate.h"
#include "pycore_pyerrors.h"
#include "pycore_code.h"

/* ---- allocation -------------------------------------------------------- */

PyObject *
PyObject_Init(PyObject *op, PyTypeObject *type)
{
    if (op == NULL) {
        return PyErr_NoMemory();
    }
    _PyObject_Init(op, type);
    return op;
}

PyVarObject *
PyObject_InitVar(PyVarObject *op, PyTypeObject *type, Py_ssize_t size)
{
    if (op == NULL) {
        return (PyVarObject *)PyErr_NoMemory();
    }
    _PyObject_InitVar(op, type, size);
    return op;
}

PyObject *
_PyObject_New(PyTypeObject *type)
{
    PyObject *op = PyObject_Malloc(_PyObject_SIZE(type));
    if (op == NULL) {
        return PyErr_NoMemory();
    }
    _PyObject_Init(op, type);
    return op;
}

PyVarObject *
_PyObject_NewVar(PyTypeObject *type, Py_ssize_t nitems)
{
    if (nitems < 0 || (size_t)nitems > (PY_SSIZE_T_MAX - (size_t)type->tp_basicsize) /
                                            ((size_t)type->tp_itemsize + 1)) {
        return (PyVarObject *)PyErr_NoMemory();
    }
    PyVarObject *op = PyObject_Malloc(_PyObject_VAR_SIZE(type, nitems));
    if (op == NULL) {
        return (PyVarObject *)PyErr_NoMemory();
    }
    _PyObject_InitVar(op, type, nitems);
    return op;
}

/* GC objects (PyObject_GC_New, Track, UnTrack, Del...): Python/gc.c. */

/* ---- repr / str --------------------------------------------------------- */

PyObject *
PyObject_Repr(PyObject *v)
{
    if (v == NULL) {
        return PyUnicode_FromString("<NULL>");
    }
    if (Py_TYPE(v)->tp_repr == NULL) {
        return PyUnicode_FromFormat("<%s object at %p>", Py_TYPE(v)->tp_name, v);
    }
    if (Py_EnterRecursiveCall(" while getting the repr of an object")) {
        return NULL;
    }
    PyObject *res = (*Py_TYPE(v)->tp_repr)(v);
    Py_LeaveRecursiveCall();
    if (res == NULL) {
        return NULL;
    }
    if (!PyUnicode_Check(res)) {
        PyErr_Format(PyExc_TypeError, "__repr__ returned non-string (type %.200s)",
                     Py_TYPE(res)->tp_name);
        Py_DECREF(res);
        return NULL;
    }
    return res;
}

PyObject *
PyObject_Str(PyObject *v)
{
    if (v == NULL) {
        return PyUnicode_FromString("<NULL>");
    }
    if (PyUnicode_CheckExact(v)) {
        return Py_NewRef(v);
    }
    if (Py_TYPE(v)->tp_str == NULL) {
        return PyObject_Repr(v);
    }
    if (Py_EnterRecursiveCall(" while getting the str of an object")) {
        return NULL;
    }
    PyObject *res = (*Py_TYPE(v)->tp_str)(v);
    Py_LeaveRecursiveCall();
    if (res == NULL) {
        return NULL;
    }
    if (!PyUnicode_Check(res)) {
        PyErr_Format(PyExc_TypeError, "__str__ returned non-string (type %.200s)",
                     Py_TYPE(res)->tp_name);
        Py_DECREF(res);
        return NULL;
    }
    return res;
}

/* repr() with every non-ASCII character escaped as \xhh, \uhhhh or \Uhhhhhhhh. */
PyObject *
PyObject_ASCII(PyObject *v)
{
    PyObject *repr = PyObject_Repr(v);
    if (repr == NULL || PyUnicode_IS_ASCII(repr)) {
        return repr;
    }
    _PyUnicodeWriter w;
    _PyUnicodeWriter_Init(&w);
    Py_ssize_t n = PyUnicode_GET_LENGTH(repr);
    int kind = PyUnicode_KIND(repr);
    const void *data = PyUnicode_DATA(repr);
    static const char hex[] = "0123456789abcdef";
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        char buf[12];
        int len = 0;
        if (ch < 128) {
            buf[len++] = (char)ch;
        }
        else {
            int digits = ch < 0x100 ? 2 : ch < 0x10000 ? 4 : 8;
            buf[len++] = '\\';
            buf[len++] = digits == 2 ? 'x' : digits == 4 ? 'u' : 'U';
            for (int s = (digits - 1) * 4; s >= 0; s -= 4) {
                buf[len++] = hex[(ch >> s) & 0xf];
            }
        }
        if (_PyUnicodeWriter_WriteASCIIString(&w, buf, len) < 0) {
            _PyUnicodeWriter_Dealloc(&w);
            Py_DECREF(repr);
            return NULL;
        }
    }
    Py_DECREF(repr);
    return _PyUnicodeWriter_Finish(&w);
}

/* bytes(obj) for an object: __bytes__ if the type has one, else the
 * buffer/iterable conversion of PyBytes_FromObject. */
PyObject *
PyObject_Bytes(PyObject *v)
{
    if (v == NULL) {
        return PyBytes_FromString("<NULL>");
    }
    if (PyBytes_CheckExact(v)) {
        return Py_NewRef(v);
    }
    PyObject *func = _PyObject_LookupSpecial(v, _Py_ID_STR(__bytes__));
    if (func != NULL) {
        PyObject *result = PyObject_CallNoArgs(func);
        Py_DECREF(func);
        if (result == NULL) {
            return NULL;
        }
        if (!PyBytes_Check(result)) {
            PyErr_Format(PyExc_TypeError, "__bytes__ returned non-bytes (type %.200s)",
                         Py_TYPE(result)->tp_name);
            Py_DECREF(result);
            return NULL;
        }
        return result;
    }
    if (PyErr_Occurred()) {
        return NULL;
    }
    return PyBytes_FromObject(v);
}

int
PyObject_Print(PyObject *op, FILE *fp, int flags)
{
    PyObject *s = (flags & Py_PRINT_RAW) ? PyObject_Str(op) : PyObject_Repr(op);
    if (s == NULL) {
        return -1;
    }
    Py_ssize_t size;
    const char *t = PyUnicode_AsUTF8AndSize(s, &size);
    if (t == NULL) {
        Py_DECREF(s);
        return -1;
    }
    fwrite(t, 1, (size_t)size, fp);
    Py_DECREF(s);
    return 0;
}

void
_PyObject_Dump(PyObject *op)
{
    if (op == NULL) {
        fprintf(stderr, "<object at NULL>\n");
        return;
    }
    fprintf(stderr, "object address  : %p\n", (void *)op);
    fprintf(stderr, "object refcount : %zd\n", Py_REFCNT(op));
    fprintf(stderr, "object type name: %s\n",
            Py_TYPE(op) ? Py_TYPE(op)->tp_name : "NULL");
    PyObject *exc = PyErr_GetRaisedException();
    fprintf(stderr, "object repr     : ");
    if (PyObject_Print(op, stderr, 0) < 0) {
        PyErr_Clear();
        fprintf(stderr, "<repr failed>");
    }
    fprintf(stderr, "\n");
    PyErr_SetRaisedException(exc);
}

/* ---- repr recursion guard ------------------------------------------------
 * Per thread: the containers whose repr is in progress. */
static _Thread_local PyObject **repr_stack;
static _Thread_local Py_ssize_t repr_size, repr_cap;

int
Py_ReprEnter(PyObject *obj)
{
    for (Py_ssize_t i = repr_size - 1; i >= 0; i--) {
        if (repr_stack[i] == obj) {
            return 1;
        }
    }
    if (repr_size == repr_cap) {
        Py_ssize_t ncap = repr_cap ? repr_cap * 2 : 16;
        PyObject **n = PyMem_RawRealloc(repr_stack, (size_t)ncap * sizeof(PyObject *));
        if (n == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        repr_stack = n;
        repr_cap = ncap;
    }
    repr_stack[repr_size++] = obj;
    return 0;
}

void
Py_ReprLeave(PyObject *obj)
{
    for (Py_ssize_t i = repr_size - 1; i >= 0; i--) {
        if (repr_stack[i] == obj) {
            memmove(&repr_stack[i], &repr_stack[i + 1],
                    (size_t)(repr_size - i - 1) * sizeof(PyObject *));
            repr_size--;
            return;
        }
    }
}

/* ---- comparison ------------------------------------------------------------ */

static const int swapped_op[] = {Py_GT, Py_GE, Py_EQ, Py_NE, Py_LT, Py_LE};
static const char *const opstrings[] = {"<", "<=", "==", "!=", ">", ">="};

static PyObject *
do_richcompare(PyObject *v, PyObject *w, int op)
{
    richcmpfunc f;
    PyObject *res;
    int checked_reverse_op = 0;

    /* A subclass's reflected comparison goes first, so subclasses can
     * override their base's comparisons. */
    if (!Py_IS_TYPE(v, Py_TYPE(w)) && PyType_IsSubtype(Py_TYPE(w), Py_TYPE(v)) &&
        (f = Py_TYPE(w)->tp_richcompare) != NULL) {
        checked_reverse_op = 1;
        res = (*f)(w, v, swapped_op[op]);
        if (res != Py_NotImplemented) {
            return res;
        }
        Py_DECREF(res);
    }
    if ((f = Py_TYPE(v)->tp_richcompare) != NULL) {
        res = (*f)(v, w, op);
        if (res != Py_NotImplemented) {
            return res;
        }
        Py_DECREF(res);
    }
    if (!checked_reverse_op && (f = Py_TYPE(w)->tp_richcompare) != NULL) {
        res = (*f)(w, v, swapped_op[op]);
        if (res != Py_NotImplemented) {
            return res;
        }
        Py_DECREF(res);
    }
    switch (op) {
    case Py_EQ:
        res = (v == w) ? Py_True : Py_False;
        break;
    case Py_NE:
        res = (v != w) ? Py_True : Py_False;
        break;
    default:
        PyErr_Format(PyExc_TypeError,
                     "'%s' not supported between instances of '%.100s' and '%.100s'",
                     opstrings[op], Py_TYPE(v)->tp_name, Py_TYPE(w)->tp_name);
        return NULL;
    }
    return Py_NewRef(res);
}

PyObject *
PyObject_RichCompare(PyObject *v, PyObject *w, int op)
{
    if (v == NULL || w == NULL || op < Py_LT || op > Py_GE) {
        if (!PyErr_Occurred()) {
            PyErr_BadInternalCall();
        }
        return NULL;
    }
    if (Py_EnterRecursiveCall(" in comparison")) {
        return NULL;
    }
    PyObject *res = do_richcompare(v, w, op);
    Py_LeaveRecursiveCall();
    return res;
}

int
PyObject_RichCompareBool(PyObject *v, PyObject *w, int op)
{
    if (v == w) {
        if (op == Py_EQ) {
            return 1;
        }
        if (op == Py_NE) {
            return 0;
        }
    }
    PyObject *res = PyObject_RichCompare(v, w, op);
    if (res == NULL) {
        return -1;
    }
    int ok;
    if (PyBool_Check(res)) {
        ok = (res == Py_True);
    }
    else {
        ok = PyObject_IsTrue(res);
    }
    Py_DECREF(res);
    return ok;
}

/* ---- hashing and truth ------------------------------------------------- */

Py_hash_t
PyObject_HashNotImplemented(PyObject *v)
{
    PyErr_Format(PyExc_TypeError, "unhashable type: '%.200s'", Py_TYPE(v)->tp_name);
    return -1;
}

Py_hash_t
PyObject_Hash(PyObject *v)
{
    PyTypeObject *tp = Py_TYPE(v);
    if (tp->tp_hash != NULL) {
        return (*tp->tp_hash)(v);
    }
    /* A static type not readied yet has not inherited tp_hash. */
    if (!_PyType_IsReady(tp)) {
        if (PyType_Ready(tp) < 0) {
            return -1;
        }
        if (tp->tp_hash != NULL) {
            return (*tp->tp_hash)(v);
        }
    }
    return PyObject_HashNotImplemented(v);
}

int
PyObject_IsTrue(PyObject *v)
{
    Py_ssize_t res;
    if (v == Py_True) {
        return 1;
    }
    if (v == Py_False || v == Py_None) {
        return 0;
    }
    PyTypeObject *tp = Py_TYPE(v);
    if (tp->tp_as_number != NULL && tp->tp_as_number->nb_bool != NULL) {
        res = (*tp->tp_as_number->nb_bool)(v);
    }
    else if (tp->tp_as_mapping != NULL && tp->tp_as_mapping->mp_length != NULL) {
        res = (*tp->tp_as_mapping->mp_length)(v);
    }
    else if (tp->tp_as_sequence != NULL && tp->tp_as_sequence->sq_length != NULL) {
        res = (*tp->tp_as_sequence->sq_length)(v);
    }
    else {
        return 1;
    }
    return res > 0 ? 1 : (int)res;
}

int
PyObject_Not(PyObject *v)
{
    int res = PyObject_IsTrue(v);
    if (res < 0) {
        return res;
    }
    return res == 0;
}

int
PyCallable_Check(PyObject *x)
{
    if (x == NULL) {
        return 0;
    }
    return Py_TYPE(x)->tp_call != NULL;
}

PyObject *
PyObject_SelfIter(PyObject *obj)
{
    return Py_NewRef(obj);
}

/* ---- attributes ---------------------------------------------------------- */

/* Fill AttributeError.name / .obj if the current exception is an
 * AttributeError that does not have them yet (for suggestions later). */
static void
set_attribute_error_context(PyObject *v, PyObject *name)
{
    if (!PyErr_ExceptionMatches(PyExc_AttributeError)) {
        return;
    }
    PyObject *exc = PyErr_GetRaisedException();
    if (PyObject_TypeCheck(exc, (PyTypeObject *)PyExc_AttributeError)) {
        PyAttributeErrorObject *e = (PyAttributeErrorObject *)exc;
        if (e->name == NULL && e->obj == NULL) {
            e->name = Py_NewRef(name);
            e->obj = Py_NewRef(v);
        }
    }
    PyErr_SetRaisedException(exc);
}

static int
check_attr_name(PyObject *name)
{
    if (!PyUnicode_Check(name)) {
        PyErr_Format(PyExc_TypeError, "attribute name must be string, not '%.200s'",
                     Py_TYPE(name)->tp_name);
        return -1;
    }
    return 0;
}

PyObject *
PyObject_GetAttr(PyObject *v, PyObject *name)
{
    PyTypeObject *tp = Py_TYPE(v);
    if (check_attr_name(name) < 0) {
        return NULL;
    }
    PyObject *result = NULL;
    if (tp->tp_getattro != NULL) {
        result = (*tp->tp_getattro)(v, name);
    }
    else if (tp->tp_getattr != NULL) {
        const char *s = PyUnicode_AsUTF8AndSize(name, NULL);
        if (s == NULL) {
            return NULL;
        }
        result = (*tp->tp_getattr)(v, (char *)s);
    }
    else {
        PyErr_Format(PyExc_AttributeError, "'%.100s' object has no attribute '%U'",
                     tp->tp_name, name);
    }
    if (result == NULL) {
        set_attribute_error_context(v, name);
    }
    return result;
}

PyObject *_PyObject_GenericGetAttrWithDict(PyObject *obj, PyObject *name, PyObject *dict,
                                           int suppress);

int
PyObject_GetOptionalAttr(PyObject *v, PyObject *name, PyObject **result)
{
    PyTypeObject *tp = Py_TYPE(v);
    if (check_attr_name(name) < 0) {
        *result = NULL;
        return -1;
    }
    if (tp->tp_getattro == PyObject_GenericGetAttr) {
        *result = _PyObject_GenericGetAttrWithDict(v, name, NULL, 1);
        if (*result != NULL) {
            return 1;
        }
        return PyErr_Occurred() ? -1 : 0;
    }
    *result = PyObject_GetAttr(v, name);
    if (*result != NULL) {
        return 1;
    }
    if (!PyErr_ExceptionMatches(PyExc_AttributeError)) {
        return -1;
    }
    PyErr_Clear();
    return 0;
}

int
PyObject_GetOptionalAttrString(PyObject *v, const char *name, PyObject **result)
{
    PyObject *oname = PyUnicode_FromString(name);
    if (oname == NULL) {
        *result = NULL;
        return -1;
    }
    int r = PyObject_GetOptionalAttr(v, oname, result);
    Py_DECREF(oname);
    return r;
}

PyObject *
PyObject_GetAttrString(PyObject *v, const char *name)
{
    if (Py_TYPE(v)->tp_getattr != NULL && Py_TYPE(v)->tp_getattro == NULL) {
        return (*Py_TYPE(v)->tp_getattr)(v, (char *)name);
    }
    PyObject *w = PyUnicode_FromString(name);
    if (w == NULL) {
        return NULL;
    }
    PyObject *res = PyObject_GetAttr(v, w);
    Py_DECREF(w);
    return res;
}

int
PyObject_HasAttrWithError(PyObject *v, PyObject *name)
{
    PyObject *res;
    int rc = PyObject_GetOptionalAttr(v, name, &res);
    Py_XDECREF(res);
    return rc;
}

int
PyObject_HasAttrStringWithError(PyObject *v, const char *name)
{
    PyObject *res;
    int rc = PyObject_GetOptionalAttrString(v, name, &res);
    Py_XDECREF(res);
    return rc;
}

int
PyObject_HasAttr(PyObject *v, PyObject *name)
{
    int rc = PyObject_HasAttrWithError(v, name);
    if (rc < 0) {
        PyErr_Clear();
        return 0;
    }
    return rc;
}

int
PyObject_HasAttrString(PyObject *v, const char *name)
{
    int rc = PyObject_HasAttrStringWithError(v, name);
    if (rc < 0) {
        PyErr_Clear();
        return 0;
    }
    return rc;
}

int
PyObject_SetAttr(PyObject *v, PyObject *name, PyObject *value)
{
    PyTypeObject *tp = Py_TYPE(v);
    if (check_attr_name(name) < 0) {
        return -1;
    }
    Py_INCREF(name);
    PyUnicode_InternInPlace(&name);
    int err;
    if (tp->tp_setattro != NULL) {
        err = (*tp->tp_setattro)(v, name, value);
        Py_DECREF(name);
        return err;
    }
    if (tp->tp_setattr != NULL) {
        const char *s = PyUnicode_AsUTF8AndSize(name, NULL);
        if (s == NULL) {
            Py_DECREF(name);
            return -1;
        }
        err = (*tp->tp_setattr)(v, (char *)s, value);
        Py_DECREF(name);
        return err;
    }
    if (tp->tp_getattr == NULL && tp->tp_getattro == NULL) {
        PyErr_Format(PyExc_TypeError, "'%.100s' object has no attributes (%s .%U)",
                     tp->tp_name, value == NULL ? "del" : "assign to", name);
    }
    else {
        PyErr_Format(PyExc_TypeError,
                     "'%.100s' object has only read-only attributes (%s .%U)",
                     tp->tp_name, value == NULL ? "del" : "assign to", name);
    }
    Py_DECREF(name);
    return -1;
}

int
PyObject_SetAttrString(PyObject *v, const char *name, PyObject *w)
{
    PyObject *s = PyUnicode_InternFromString(name);
    if (s == NULL) {
        return -1;
    }
    int res = PyObject_SetAttr(v, s, w);
    Py_DECREF(s);
    return res;
}

int
PyObject_DelAttr(PyObject *v, PyObject *name)
{
    return PyObject_SetAttr(v, name, NULL);
}

int
PyObject_DelAttrString(PyObject *v, const char *name)
{
    return PyObject_SetAttrString(v, name, NULL);
}

PyObject **
_PyObject_GetDictPtr(PyObject *obj)
{
    return _PyObject_DictPointer(obj);
}

/* The generic attribute lookup: data descriptors on the type win, then the
 * instance dict, then non-data descriptors and plain class attributes.
 * With `suppress`, a missing attribute returns NULL without an exception. */
PyObject *
_PyObject_GenericGetAttrWithDict(PyObject *obj, PyObject *name, PyObject *dict,
                                 int suppress)
{
    PyTypeObject *tp = Py_TYPE(obj);
    PyObject *res = NULL;
    descrgetfunc f = NULL;

    if (!PyUnicode_Check(name)) {
        PyErr_Format(PyExc_TypeError, "attribute name must be string, not '%.200s'",
                     Py_TYPE(name)->tp_name);
        return NULL;
    }
    if (!_PyType_IsReady(tp) && PyType_Ready(tp) < 0) {
        return NULL;
    }
    PyObject *descr = _PyType_LookupRef(tp, name);
    if (descr != NULL) {
        f = Py_TYPE(descr)->tp_descr_get;
        if (f != NULL && PyDescr_IsData(descr)) {
            res = f(descr, obj, (PyObject *)tp);
            if (res == NULL && suppress && PyErr_ExceptionMatches(PyExc_AttributeError)) {
                PyErr_Clear();
            }
            Py_DECREF(descr);
            return res;
        }
    }
    if (dict == NULL) {
        PyObject **dictptr = _PyObject_DictPointer(obj);
        if (dictptr != NULL) {
            dict = *dictptr;
        }
    }
    if (dict != NULL) {
        Py_INCREF(dict);
        int rc = PyDict_GetItemRef(dict, name, &res);
        Py_DECREF(dict);
        if (rc != 0) {
            Py_XDECREF(descr);
            return res;  /* found, or error */
        }
    }
    if (f != NULL) {
        res = f(descr, obj, (PyObject *)tp);
        if (res == NULL && suppress && PyErr_ExceptionMatches(PyExc_AttributeError)) {
            PyErr_Clear();
        }
        Py_DECREF(descr);
        return res;
    }
    if (descr != NULL) {
        return descr;
    }
    if (!suppress) {
        PyErr_Format(PyExc_AttributeError, "'%.100s' object has no attribute '%U'",
                     tp->tp_name, name);
        set_attribute_error_context(obj, name);
    }
    return NULL;
}

PyObject *
PyObject_GenericGetAttr(PyObject *obj, PyObject *name)
{
    return _PyObject_GenericGetAttrWithDict(obj, name, NULL, 0);
}

int
PyObject_GenericSetAttr(PyObject *obj, PyObject *name, PyObject *value)
{
    PyTypeObject *tp = Py_TYPE(obj);
    int res = -1;

    if (!PyUnicode_Check(name)) {
        PyErr_Format(PyExc_TypeError, "attribute name must be string, not '%.200s'",
                     Py_TYPE(name)->tp_name);
        return -1;
    }
    if (!_PyType_IsReady(tp) && PyType_Ready(tp) < 0) {
        return -1;
    }
    PyObject *descr = _PyType_LookupRef(tp, name);
    if (descr != NULL) {
        descrsetfunc f = Py_TYPE(descr)->tp_descr_set;
        if (f != NULL) {
            res = f(descr, obj, value);
            Py_DECREF(descr);
            return res;
        }
    }
    PyObject **dictptr = _PyObject_DictPointer(obj);
    if (dictptr == NULL) {
        if (descr == NULL) {
            if (tp->tp_setattro == PyObject_GenericSetAttr) {
                PyErr_Format(PyExc_AttributeError,
                             "'%.100s' object has no attribute '%U' and no __dict__ for "
                             "setting new attributes",
                             tp->tp_name, name);
            }
            else {
                PyErr_Format(PyExc_AttributeError, "'%.100s' object has no attribute '%U'",
                             tp->tp_name, name);
            }
            set_attribute_error_context(obj, name);
        }
        else {
            PyErr_Format(PyExc_AttributeError,
                         "'%.100s' object attribute '%U' is read-only",
                         tp->tp_name, name);
        }
        Py_XDECREF(descr);
        return -1;
    }
    Py_XDECREF(descr);
    PyObject *dict = *dictptr;
    if (dict == NULL) {
        if (value == NULL) {
            PyErr_Format(PyExc_AttributeError, "'%.100s' object has no attribute '%U'",
                         tp->tp_name, name);
            set_attribute_error_context(obj, name);
            return -1;
        }
        /* Two threads may race to create the dict: the loser uses the
         * winner's. */
        PyObject *nd = PyDict_New();
        if (nd == NULL) {
            return -1;
        }
        PyObject *expected = NULL;
        if (!_Py_atomic_compare_exchange_ptr(dictptr, &expected, nd)) {
            Py_DECREF(nd);
        }
        dict = *dictptr;
    }
    Py_INCREF(dict);
    if (value == NULL) {
        res = PyDict_DelItem(dict, name);
        if (res < 0 && PyErr_ExceptionMatches(PyExc_KeyError)) {
            PyErr_Clear();
            PyErr_Format(PyExc_AttributeError, "'%.100s' object has no attribute '%U'",
                         tp->tp_name, name);
            set_attribute_error_context(obj, name);
        }
    }
    else {
        res = PyDict_SetItem(dict, name, value);
    }
    Py_DECREF(dict);
    return res;
}

PyObject *
PyObject_GenericGetDict(PyObject *obj, void *context)
{
    PyObject **dictptr = _PyObject_DictPointer(obj);
    if (dictptr == NULL) {
        PyErr_SetString(PyExc_AttributeError, "This object has no __dict__");
        return NULL;
    }
    PyObject *dict = _Py_atomic_load_ptr(dictptr);
    if (dict == NULL) {
        PyObject *nd = PyDict_New();
        if (nd == NULL) {
            return NULL;
        }
        PyObject *expected = NULL;
        if (!_Py_atomic_compare_exchange_ptr(dictptr, &expected, nd)) {
            Py_DECREF(nd);
        }
        dict = _Py_atomic_load_ptr(dictptr);
    }
    return Py_NewRef(dict);
}

int
PyObject_GenericSetDict(PyObject *obj, PyObject *value, void *context)
{
    PyObject **dictptr = _PyObject_DictPointer(obj);
    if (dictptr == NULL) {
        PyErr_SetString(PyExc_AttributeError, "This object has no __dict__");
        return -1;
    }
    if (value == NULL) {
        PyErr_SetString(PyExc_TypeError, "cannot delete __dict__");
        return -1;
    }
    if (!PyDict_Check(value)) {
        PyErr_Format(PyExc_TypeError,
                     "__dict__ must be set to a dictionary, not a '%.200s'",
                     Py_TYPE(value)->tp_name);
        return -1;
    }
    Py_BEGIN_CRITICAL_SECTION(obj);
    Py_XSETREF(*dictptr, Py_NewRef(value));
    Py_END_CRITICAL_SECTION();
    return 0;
}

/* Method lookup for calls: returns 1 with an unbound function when the
 * attribute is a method descriptor found on the type (and not shadowed by
 * the instance dict), so the caller can pass obj as first argument. */
int
_PyObject_GetMethod(PyObject *obj, PyObject *name, PyObject **method)
{
    PyTypeObject *tp = Py_TYPE(obj);
    *method = NULL;
    if (tp->tp_getattro != PyObject_GenericGetAttr || !PyUnicode_Check(name)) {
        *method = PyObject_GetAttr(obj, name);
        return 0;
    }
    if (!_PyType_IsReady(tp) && PyType_Ready(tp) < 0) {
        return 0;
    }
    PyObject *descr = _PyType_LookupRef(tp, name);
    descrgetfunc f = NULL;
    int meth_found = 0;
    if (descr != NULL) {
        if (PyType_HasFeature(Py_TYPE(descr), Py_TPFLAGS_METHOD_DESCRIPTOR)) {
            meth_found = 1;
        }
        else {
            f = Py_TYPE(descr)->tp_descr_get;
            if (f != NULL && PyDescr_IsData(descr)) {
                *method = f(descr, obj, (PyObject *)tp);
                Py_DECREF(descr);
                return 0;
            }
        }
    }
    PyObject **dictptr = _PyObject_DictPointer(obj);
    if (dictptr != NULL && *dictptr != NULL) {
        PyObject *dict = Py_NewRef(*dictptr);
        PyObject *attr;
        int rc = PyDict_GetItemRef(dict, name, &attr);
        Py_DECREF(dict);
        if (rc != 0) {
            Py_XDECREF(descr);
            *method = attr;
            return 0;
        }
    }
    if (meth_found) {
        *method = descr;
        return 1;
    }
    if (f != NULL) {
        *method = f(descr, obj, (PyObject *)tp);
        Py_DECREF(descr);
        return 0;
    }
    if (descr != NULL) {
        *method = descr;
        return 0;
    }
    PyErr_Format(PyExc_AttributeError, "'%.100s' object has no attribute '%U'",
                 tp->tp_name, name);
    set_attribute_error_context(obj, name);
    return 0;
}

/* ---- dir() ---------------------------------------------------------------- */

PyObject *
PyObject_Dir(PyObject *obj)
{
    if (obj == NULL) {
        PyErr_SetString(PyExc_SystemError, "dir() without arguments needs a frame");
        return NULL;
    }
    PyObject *dirfunc = _PyObject_LookupSpecial(obj, _Py_ID_STR(__dir__));
    if (dirfunc == NULL) {
        if (!PyErr_Occurred()) {
            PyErr_SetString(PyExc_TypeError, "object does not provide __dir__");
        }
        return NULL;
    }
    PyObject *result = PyObject_CallNoArgs(dirfunc);
    Py_DECREF(dirfunc);
    if (result == NULL) {
        return NULL;
    }
    PyObject *sorted = PySequence_List(result);
    Py_DECREF(result);
    if (sorted == NULL) {
        return NULL;
    }
    PyObject *r = PyObject_CallMethod(sorted, "sort", NULL);
    if (r == NULL) {
        Py_DECREF(sorted);
        return NULL;
    }
    Py_DECREF(r);
    return sorted;
}

/* ---- None, NotImplemented, Ellipsis --------------------------------------- */

static PyObject *
none_repr(PyObject *op)
{
    return PyUnicode_FromString("None");
}

static PyObject *
none_new(PyTypeObject *type, PyObject *args, PyObject *kwargs)
{
    if (PyTuple_GET_SIZE(args) || (kwargs && PyDict_GET_SIZE(kwargs))) {
        PyErr_SetString(PyExc_TypeError, "NoneType takes no arguments");
        return NULL;
    }
    Py_RETURN_NONE;
}

static int
none_bool(PyObject *v)
{
    return 0;
}

static Py_hash_t
none_hash(PyObject *v)
{
    return (Py_hash_t)0xFCA86420;  /* constant, as CPython 3.12+ */
}

static PyNumberMethods none_as_number = {
    .nb_bool = none_bool,
};

PyTypeObject _PyNone_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "NoneType",
    .tp_basicsize = 0,
    .tp_repr = none_repr,
    .tp_as_number = &none_as_number,
    .tp_hash = none_hash,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "The type of the None singleton.",
    .tp_new = none_new,
};

PyObject _Py_NoneStruct = _PyObject_HEAD_INIT(&_PyNone_Type);

static PyObject *
notimplemented_repr(PyObject *op)
{
    return PyUnicode_FromString("NotImplemented");
}

static PyObject *
notimplemented_reduce(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    return PyUnicode_FromString("NotImplemented");
}

static PyMethodDef notimplemented_methods[] = {
    {"__reduce__", notimplemented_reduce, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static PyObject *
notimplemented_new(PyTypeObject *type, PyObject *args, PyObject *kwargs)
{
    if (PyTuple_GET_SIZE(args) || (kwargs && PyDict_GET_SIZE(kwargs))) {
        PyErr_SetString(PyExc_TypeError, "NotImplementedType takes no arguments");
        return NULL;
    }
    Py_RETURN_NOTIMPLEMENTED;
}

static int
notimplemented_bool(PyObject *v)
{
    if (PyErr_WarnEx(PyExc_DeprecationWarning,
                     "NotImplemented should not be used in a boolean context", 1) < 0) {
        return -1;
    }
    return 1;
}

static PyNumberMethods notimplemented_as_number = {
    .nb_bool = notimplemented_bool,
};

PyTypeObject _PyNotImplemented_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "NotImplementedType",
    .tp_basicsize = 0,
    .tp_repr = notimplemented_repr,
    .tp_as_number = &notimplemented_as_number,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_methods = notimplemented_methods,
    .tp_new = notimplemented_new,
};

PyObject _Py_NotImplementedStruct = _PyObject_HEAD_INIT(&_PyNotImplemented_Type);

static PyObject *
ellipsis_repr(PyObject *op)
{
    return PyUnicode_FromString("Ellipsis");
}

static PyObject *
ellipsis_new(PyTypeObject *type, PyObject *args, PyObject *kwargs)
{
    if (PyTuple_GET_SIZE(args) || (kwargs && PyDict_GET_SIZE(kwargs))) {
        PyErr_SetString(PyExc_TypeError, "ellipsis takes no arguments");
        return NULL;
    }
    return Py_NewRef(Py_Ellipsis);
}

static PyObject *
ellipsis_reduce(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    return PyUnicode_FromString("Ellipsis");
}

static PyMethodDef ellipsis_methods[] = {
    {"__reduce__", ellipsis_reduce, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

PyTypeObject PyEllipsis_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "ellipsis",
    .tp_basicsize = 0,
    .tp_repr = ellipsis_repr,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_methods = ellipsis_methods,
    .tp_new = ellipsis_new,
};

PyObject _Py_EllipsisObject = _PyObject_HEAD_INIT(&PyEllipsis_Type);

/* ---- start-up: the static types ------------------------------------------ */

/* Every helper adds its static types here, one line each.  Order matters
 * only in that a type is readied after its base (PyType_Ready readies
 * bases itself anyway). */
static PyTypeObject *const static_types[] = {
    &PyBaseObject_Type,
    &PyType_Type,
    &PySuper_Type,
    &_PyNone_Type,
    &_PyNotImplemented_Type,
    &PyEllipsis_Type,
    &PyTuple_Type,
    &PyTupleIter_Type,
    &PyDict_Type,
    &PyDictKeys_Type,
    &PyDictValues_Type,
    &PyDictItems_Type,
    &PyDictIterKey_Type,
    &PyDictIterValue_Type,
    &PyDictIterItem_Type,
    &PyDictRevIterKey_Type,
    &PyDictRevIterValue_Type,
    &PyDictRevIterItem_Type,
    &PyODict_Type,
    &PyODictIter_Type,
    &PyODictKeys_Type,
    &PyODictValues_Type,
    &PyODictItems_Type,
    &PyBool_Type,
    &PyCFunction_Type,
    &PyCMethod_Type,
    &PyMethodDescr_Type,
    &PyClassMethodDescr_Type,
    &PyMemberDescr_Type,
    &PyGetSetDescr_Type,
    &PyWrapperDescr_Type,
    &_PyMethodWrapper_Type,
    &PyDictProxy_Type,
    &PyProperty_Type,
    &PyClassMethod_Type,
    &PyStaticMethod_Type,
    &PyModule_Type,
    &PyModuleDef_Type,
    /* other object helpers: add your types below this line */
    &PyFunction_Type,
    &PyCell_Type,
    &PyMethod_Type,
    &PyFrame_Type,
    &PyTraceBack_Type,
    &PyGen_Type,
    &PyCoro_Type,
    &_PyCoroWrapper_Type,
    &PyAsyncGen_Type,
    &_PyAsyncGenASend_Type,
    &_PyAsyncGenAThrow_Type,
    &_PyAsyncGenWrappedValue_Type,
    &PyLong_Type,
    &PyFloat_Type,
    &PyComplex_Type,
    &PyList_Type,
    &PyListIter_Type,
    &PyListRevIter_Type,
    &PySet_Type,
    &PyFrozenSet_Type,
    &PySetIter_Type,
    &PyRange_Type,
    &PyRangeIter_Type,
    &PyLongRangeIter_Type,
    &PySlice_Type,
    &PySeqIter_Type,
    &PyCallIter_Type,
    &_PyAnextAwaitable_Type,
    &PyEnum_Type,
    &PyReversed_Type,
    &PyUnicode_Type,
    &PyUnicodeIter_Type,
    &_PyUnicodeASCIIIter_Type,
    &PyBytes_Type,
    &PyBytesIter_Type,
    &PyByteArray_Type,
    &PyByteArrayIter_Type,
    &PyMemoryView_Type,
    &_PyManagedBuffer_Type,
    &PyCode_Type,
    &_PyWeakref_RefType,
    &_PyWeakref_ProxyType,
    &_PyWeakref_CallableProxyType,
    &Py_GenericAliasType,
    &_PyUnion_Type,
    &_PyProfiledCall_Type,
};

static int types_initialized;

int
_PyTypes_Init(void)
{
    if (types_initialized) {
        return 0;
    }
    if (_PyType_InitCache() < 0) {
        return -1;
    }
    for (size_t i = 0; i < Py_ARRAY_LENGTH(static_types); i++) {
        if (PyType_Ready(static_types[i]) < 0) {
            return -1;
        }
    }
    if (_PyExc_InitTypes() < 0) {
        return -1;
    }
    types_initialized = 1;
    return 0;
}
