/* descrobject.c: descriptors.  method_descriptor and
 * classmethod_descriptor (C methods in type dicts), member_descriptor
 * (C struct fields), getset_descriptor (computed attributes),
 * wrapper_descriptor and method-wrapper (slots exposed as dunders),
 * mappingproxy (read-only mapping view), and the Python-level property,
 * classmethod and staticmethod. */
#include "Python.h"
#include "pycore_lockfree.h"
#include "pycore_object.h"
#include "pycore_typeobject.h"

/* ---- common ---------------------------------------------------------------- */

static void
descr_dealloc(PyObject *self)
{
    PyDescrObject *descr = (PyDescrObject *)self;
    PyObject_GC_UnTrack(self);
    Py_XDECREF(descr->d_type);
    Py_XDECREF(descr->d_name);
    Py_XDECREF(descr->d_qualname);
    PyObject_GC_Del(self);
}

static int
descr_traverse(PyObject *self, visitproc visit, void *arg)
{
    PyDescrObject *descr = (PyDescrObject *)self;
    Py_VISIT(descr->d_type);
    return 0;
}

static PyObject *
descr_name(PyDescrObject *descr)
{
    if (descr->d_name != NULL && PyUnicode_Check(descr->d_name)) {
        return descr->d_name;
    }
    return NULL;
}

static PyObject *
descr_repr(PyDescrObject *descr, const char *format)
{
    PyObject *name = descr_name(descr);
    if (name == NULL) {
        name = Py_None;
    }
    return PyUnicode_FromFormat(format, name, "?", descr->d_type->tp_name);
}

static PyObject *
method_repr(PyObject *descr)
{
    return descr_repr((PyDescrObject *)descr, "<method '%V' of '%s' objects>");
}

static PyObject *
member_repr(PyObject *descr)
{
    return descr_repr((PyDescrObject *)descr, "<member '%V' of '%s' objects>");
}

static PyObject *
getset_repr(PyObject *descr)
{
    return descr_repr((PyDescrObject *)descr, "<attribute '%V' of '%s' objects>");
}

static PyObject *
wrapperdescr_repr(PyObject *descr)
{
    return descr_repr((PyDescrObject *)descr, "<slot wrapper '%V' of '%s' objects>");
}

/* obj must be an instance of the descriptor's type. */
static int
descr_check(PyDescrObject *descr, PyObject *obj)
{
    if (!PyObject_TypeCheck(obj, descr->d_type)) {
        PyErr_Format(PyExc_TypeError,
                     "descriptor '%V' for '%.100s' objects doesn't apply to a '%.100s' object",
                     descr_name(descr), "?", descr->d_type->tp_name, Py_TYPE(obj)->tp_name);
        return -1;
    }
    return 0;
}

static PyObject *
descr_get_qualname(PyObject *self, void *closure)
{
    PyDescrObject *descr = (PyDescrObject *)self;
    if (descr->d_qualname == NULL) {
        PyObject *type_qualname = PyObject_GetAttrString((PyObject *)descr->d_type,
                                                         "__qualname__");
        if (type_qualname == NULL) {
            return NULL;
        }
        descr->d_qualname = PyUnicode_FromFormat("%U.%U", type_qualname, descr->d_name);
        Py_DECREF(type_qualname);
        if (descr->d_qualname == NULL) {
            return NULL;
        }
    }
    return Py_NewRef(descr->d_qualname);
}

static PyObject *
descr_get_name(PyObject *self, void *closure)
{
    return Py_NewRef(((PyDescrObject *)self)->d_name);
}

static PyObject *
descr_get_objclass(PyObject *self, void *closure)
{
    return Py_NewRef(((PyDescrObject *)self)->d_type);
}

static PyObject *
descr_alloc(PyTypeObject *descrtype, PyTypeObject *type, const char *name)
{
    PyDescrObject *descr = (PyDescrObject *)PyType_GenericAlloc(descrtype, 0);
    if (descr != NULL) {
        descr->d_type = (PyTypeObject *)Py_XNewRef(type);
        descr->d_name = PyUnicode_InternFromString(name);
        if (descr->d_name == NULL) {
            Py_DECREF(descr);
            return NULL;
        }
        /* Free-threaded build: a class's descriptors (list.append, a
         * __slots__ member) are counted by every thread that calls or
         * reads through them, on each call; made by the thread that built
         * the class, they would cost every other thread an atomic add on
         * one shared word.  They live as long as their class anyway. */
        _PyObject_SetDeferredRefcount((PyObject *)descr);
    }
    return (PyObject *)descr;
}

/* ---- method descriptors --------------------------------------------------- */

/* The name CPython's call errors give a C function or method: "len",
 * "math.sqrt", "list.append" (the defining class, or the class of the bound
 * self), as _PyObject_FunctionStr does through __qualname__/__module__. */
static PyObject *
methoddef_error_name(PyMethodDef *ml, PyObject *self, PyTypeObject *cls)
{
    PyObject *owner = NULL;
    if (cls != NULL) {
        owner = (PyObject *)cls;
    }
    else if (self != NULL && PyModule_Check(self)) {
        const char *mod = PyModule_GetName(self);
        if (mod == NULL) {
            PyErr_Clear();
        }
        else if (strcmp(mod, "builtins") != 0) {
            return PyUnicode_FromFormat("%s.%s", mod, ml->ml_name);
        }
        return PyUnicode_FromString(ml->ml_name);
    }
    else if (self != NULL) {
        owner = PyType_Check(self) ? self : (PyObject *)Py_TYPE(self);
    }
    if (owner == NULL) {
        return PyUnicode_FromString(ml->ml_name);
    }
    PyObject *qual = PyObject_GetAttrString(owner, "__qualname__");
    if (qual == NULL || !PyUnicode_Check(qual)) {
        Py_XDECREF(qual);
        PyErr_Clear();
        return PyUnicode_FromFormat("%s.%s", _PyType_Name((PyTypeObject *)owner), ml->ml_name);
    }
    PyObject *r = PyUnicode_FromFormat("%U.%s", qual, ml->ml_name);
    Py_DECREF(qual);
    return r;
}

/* Raises TypeError "<name>() <what>" for a bad call of `ml`. */
static void
methoddef_call_error(PyMethodDef *ml, PyObject *self, PyTypeObject *cls, const char *what,
                     Py_ssize_t nargs)
{
    PyObject *name = methoddef_error_name(ml, self, cls);
    if (name == NULL) {
        return;
    }
    PyObject *tail = PyUnicode_FromFormat(what, nargs);
    if (tail != NULL) {
        PyErr_Format(PyExc_TypeError, "%U() %U", name, tail);
        Py_DECREF(tail);
    }
    Py_DECREF(name);
}

/* Call a PyMethodDef with `self` and vectorcall arguments. */
static PyObject *
call_methoddef(PyMethodDef *ml, PyObject *self, PyTypeObject *cls, PyObject *const *args,
               Py_ssize_t nargs, PyObject *kwnames)
{
    const char *name = ml->ml_name;
    int flags = ml->ml_flags & ~(METH_CLASS | METH_STATIC | METH_COEXIST);
    Py_ssize_t nkw = kwnames ? PyTuple_GET_SIZE(kwnames) : 0;
    PyObject *res;

    switch (flags) {
    case METH_NOARGS:
        if (nkw) {
            goto no_keywords;
        }
        if (nargs != 0) {
            methoddef_call_error(ml, self, cls, "takes no arguments (%zd given)", nargs);
            return NULL;
        }
        res = ml->ml_meth(self, NULL);
        break;
    case METH_O:
        if (nkw) {
            goto no_keywords;
        }
        if (nargs != 1) {
            methoddef_call_error(ml, self, cls, "takes exactly one argument (%zd given)", nargs);
            return NULL;
        }
        res = ml->ml_meth(self, args[0]);
        break;
    case METH_FASTCALL:
        if (nkw) {
            goto no_keywords;
        }
        res = ((PyCFunctionFast)(void (*)(void))ml->ml_meth)(self, args, nargs);
        break;
    case METH_FASTCALL | METH_KEYWORDS:
        res = ((PyCFunctionFastWithKeywords)(void (*)(void))ml->ml_meth)(self, args, nargs,
                                                                         kwnames);
        break;
    case METH_METHOD | METH_FASTCALL | METH_KEYWORDS:
        res = ((PyCMethod)(void (*)(void))ml->ml_meth)(self, cls, args, (size_t)nargs, kwnames);
        break;
    case METH_VARARGS:
    case METH_VARARGS | METH_KEYWORDS: {
        if (nkw && !(flags & METH_KEYWORDS)) {
            goto no_keywords;
        }
        PyObject *argstuple = _PyTuple_FromArray(args, nargs);
        if (argstuple == NULL) {
            return NULL;
        }
        PyObject *kwdict = NULL;
        if (nkw) {
            kwdict = _PyStack_AsDict(args + nargs, kwnames);
            if (kwdict == NULL) {
                Py_DECREF(argstuple);
                return NULL;
            }
        }
        if (flags & METH_KEYWORDS) {
            res = ((PyCFunctionWithKeywords)(void (*)(void))ml->ml_meth)(self, argstuple, kwdict);
        }
        else {
            res = ml->ml_meth(self, argstuple);
        }
        Py_DECREF(argstuple);
        Py_XDECREF(kwdict);
        break;
    }
    default:
        PyErr_SetString(PyExc_SystemError, "Bad call flags in PyCFunction_Call. "
                        "METH_OLDARGS is no longer supported!");
        return NULL;
    }
    if (res == NULL && !PyErr_Occurred()) {
        PyErr_Format(PyExc_SystemError, "%s() returned NULL without setting an exception",
                     name);
    }
    return res;
no_keywords:
    methoddef_call_error(ml, self, cls, "takes no keyword arguments", 0);
    return NULL;
}

PyObject *
_PyMethodDef_Call(PyMethodDef *ml, PyObject *self, PyTypeObject *cls, PyObject *const *args,
                  Py_ssize_t nargs, PyObject *kwnames)
{
    if (Py_EnterRecursiveCall(" while calling a Python object")) {
        return NULL;
    }
    PyObject *res = call_methoddef(ml, self, cls, args, nargs, kwnames);
    Py_LeaveRecursiveCall();
    return res;
}

static PyObject *
method_vectorcall(PyObject *func, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    PyMethodDescrObject *descr = (PyMethodDescrObject *)func;
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (nargs < 1) {
        PyErr_Format(PyExc_TypeError, "unbound method %s.%V() needs an argument",
                     _PyType_Name(descr->d_type), descr_name((PyDescrObject *)descr), "?");
        return NULL;
    }
    if (descr_check((PyDescrObject *)descr, args[0]) < 0) {
        return NULL;
    }
    return _PyMethodDef_Call(descr->d_method, args[0], descr->d_type, args + 1,
                             nargs - 1, kwnames);
}

static PyObject *
method_get(PyObject *self, PyObject *obj, PyObject *type)
{
    PyMethodDescrObject *descr = (PyMethodDescrObject *)self;
    if (obj == NULL) {
        return Py_NewRef(self);
    }
    if (descr_check((PyDescrObject *)descr, obj) < 0) {
        return NULL;
    }
    if (descr->d_method->ml_flags & METH_METHOD) {
        return PyCMethod_New(descr->d_method, obj, NULL, descr->d_type);
    }
    return PyCFunction_NewEx(descr->d_method, obj, NULL);
}

static PyObject *
classmethod_get(PyObject *self, PyObject *obj, PyObject *type)
{
    PyMethodDescrObject *descr = (PyMethodDescrObject *)self;
    if (type == NULL) {
        if (obj != NULL) {
            type = (PyObject *)Py_TYPE(obj);
        }
        else {
            PyErr_Format(PyExc_TypeError, "descriptor '%V' for type '%.100s' needs "
                         "either an object or a type", descr_name((PyDescrObject *)descr), "?",
                         descr->d_type->tp_name);
            return NULL;
        }
    }
    if (!PyType_Check(type)) {
        PyErr_Format(PyExc_TypeError, "descriptor '%V' for type '%.100s' needs a type, "
                     "not a '%.100s' as arg 2", descr_name((PyDescrObject *)descr), "?",
                     descr->d_type->tp_name, Py_TYPE(type)->tp_name);
        return NULL;
    }
    if (!PyType_IsSubtype((PyTypeObject *)type, descr->d_type)) {
        PyErr_Format(PyExc_TypeError, "descriptor '%V' requires a subtype of '%.100s' "
                     "but received '%.100s'", descr_name((PyDescrObject *)descr), "?",
                     descr->d_type->tp_name, ((PyTypeObject *)type)->tp_name);
        return NULL;
    }
    if (descr->d_method->ml_flags & METH_METHOD) {
        return PyCMethod_New(descr->d_method, type, NULL, descr->d_type);
    }
    return PyCFunction_NewEx(descr->d_method, type, NULL);
}

static PyObject *
classmethoddescr_call(PyObject *self, PyObject *args, PyObject *kwds)
{
    PyMethodDescrObject *descr = (PyMethodDescrObject *)self;
    Py_ssize_t argc = PyTuple_GET_SIZE(args);
    if (argc < 1) {
        PyErr_Format(PyExc_TypeError, "descriptor '%V' of '%.100s' object needs an argument",
                     descr_name((PyDescrObject *)descr), "?", descr->d_type->tp_name);
        return NULL;
    }
    PyObject *bound = classmethod_get(self, NULL, PyTuple_GET_ITEM(args, 0));
    if (bound == NULL) {
        return NULL;
    }
    PyObject *rest = PyTuple_GetSlice(args, 1, argc);
    PyObject *res = rest ? PyObject_Call(bound, rest, kwds) : NULL;
    Py_XDECREF(rest);
    Py_DECREF(bound);
    return res;
}

static PyObject *
method_get_doc(PyObject *self, void *closure)
{
    PyMethodDescrObject *descr = (PyMethodDescrObject *)self;
    if (descr->d_method->ml_doc == NULL) {
        Py_RETURN_NONE;
    }
    return PyUnicode_FromString(descr->d_method->ml_doc);
}

static PyGetSetDef method_getset[] = {
    {"__doc__", method_get_doc, NULL, NULL, NULL},
    {"__qualname__", descr_get_qualname, NULL, NULL, NULL},
    {"__name__", descr_get_name, NULL, NULL, NULL},
    {"__objclass__", descr_get_objclass, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};


PyTypeObject PyMethodDescr_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "method_descriptor",
    .tp_basicsize = sizeof(PyMethodDescrObject),
    .tp_dealloc = descr_dealloc,
    .tp_vectorcall_offset = offsetof(PyMethodDescrObject, vectorcall),
    .tp_repr = method_repr,
    .tp_call = PyVectorcall_Call,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_HAVE_VECTORCALL |
                Py_TPFLAGS_METHOD_DESCRIPTOR,
    .tp_traverse = descr_traverse,
    .tp_getset = method_getset,
    .tp_descr_get = method_get,
    .tp_free = PyObject_GC_Del,
};

PyTypeObject PyClassMethodDescr_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "classmethod_descriptor",
    .tp_basicsize = sizeof(PyMethodDescrObject),
    .tp_dealloc = descr_dealloc,
    .tp_repr = method_repr,
    .tp_call = classmethoddescr_call,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = descr_traverse,
    .tp_getset = method_getset,
    .tp_descr_get = classmethod_get,
    .tp_free = PyObject_GC_Del,
};

PyObject *
PyDescr_NewMethod(PyTypeObject *type, PyMethodDef *method)
{
    PyMethodDescrObject *descr =
        (PyMethodDescrObject *)descr_alloc(&PyMethodDescr_Type, type, method->ml_name);
    if (descr != NULL) {
        descr->d_method = method;
        descr->vectorcall = method_vectorcall;
    }
    return (PyObject *)descr;
}

PyObject *
PyDescr_NewClassMethod(PyTypeObject *type, PyMethodDef *method)
{
    PyMethodDescrObject *descr =
        (PyMethodDescrObject *)descr_alloc(&PyClassMethodDescr_Type, type, method->ml_name);
    if (descr != NULL) {
        descr->d_method = method;
    }
    return (PyObject *)descr;
}

/* ---- member descriptors ---------------------------------------------------- */

static PyObject *member_get_locked(const char *obj_addr, PyMemberDef *l);

/* Free-threaded build: a member is read and written under the owning
 * object's critical section.  A slot's old value is released by the writer
 * right after the swap, so a reader that loaded the pointer without the lock
 * could incref an object that is already dead (and report the attribute as
 * missing, or crash); under the section the slot still owns what we load.
 * Numeric members get the same treatment so that no access is a data race.
 * Sections are elided while only one thread exists (Python/critical_section.c). */
PyObject *
PyMember_GetOne(const char *obj_addr, PyMemberDef *l)
{
    PyObject *v;
    Py_BEGIN_CRITICAL_SECTION((PyObject *)obj_addr);
    v = member_get_locked(obj_addr, l);
    Py_END_CRITICAL_SECTION();
    return v;
}

static PyObject *
member_get_locked(const char *obj_addr, PyMemberDef *l)
{
    const char *addr = obj_addr + l->offset;
    PyObject *v;
    switch (l->type) {
    case Py_T_BOOL: v = PyBool_FromLong(*(char *)addr); break;
    case Py_T_BYTE: v = PyLong_FromLong(*(signed char *)addr); break;
    case Py_T_UBYTE: v = PyLong_FromUnsignedLong(*(unsigned char *)addr); break;
    case Py_T_SHORT: v = PyLong_FromLong(*(short *)addr); break;
    case Py_T_USHORT: v = PyLong_FromUnsignedLong(*(unsigned short *)addr); break;
    case Py_T_INT: v = PyLong_FromLong(*(int *)addr); break;
    case Py_T_UINT: v = PyLong_FromUnsignedLong(*(unsigned int *)addr); break;
    case Py_T_LONG: v = PyLong_FromLong(*(long *)addr); break;
    case Py_T_ULONG: v = PyLong_FromUnsignedLong(*(unsigned long *)addr); break;
    case Py_T_PYSSIZET: v = PyLong_FromSsize_t(*(Py_ssize_t *)addr); break;
    case Py_T_FLOAT: v = PyFloat_FromDouble(*(float *)addr); break;
    case Py_T_DOUBLE: v = PyFloat_FromDouble(*(double *)addr); break;
    case Py_T_STRING:
        if (*(char **)addr == NULL) {
            v = Py_NewRef(Py_None);
        }
        else {
            v = PyUnicode_FromString(*(char **)addr);
        }
        break;
    case Py_T_STRING_INPLACE: v = PyUnicode_FromString((char *)addr); break;
    case Py_T_CHAR: v = PyUnicode_FromStringAndSize((char *)addr, 1); break;
    case _Py_T_OBJECT:
        v = *(PyObject **)addr;
        v = Py_NewRef(v ? v : Py_None);
        break;
    case Py_T_OBJECT_EX:
        v = *(PyObject **)addr;
        if (v == NULL) {
            PyObject *obj = (PyObject *)obj_addr;
            PyErr_Format(PyExc_AttributeError, "'%.200s' object has no attribute '%s'",
                         Py_TYPE(obj)->tp_name, l->name);
            return NULL;
        }
        Py_INCREF(v);
        break;
    case Py_T_LONGLONG: v = PyLong_FromLongLong(*(long long *)addr); break;
    case Py_T_ULONGLONG: v = PyLong_FromUnsignedLongLong(*(unsigned long long *)addr); break;
    case _Py_T_NONE: v = Py_NewRef(Py_None); break;
    default:
        PyErr_SetString(PyExc_SystemError, "bad memberdescr type");
        v = NULL;
    }
    return v;
}

PyObject *
PyMember_GetOneFromObject(PyObject *obj, PyMemberDef *l)
{
    return PyMember_GetOne((const char *)obj, l);
}

/* Store an already converted integer into a member of the given C type. */
static void
member_store_int(char *addr, int type, long long x, unsigned long long ux)
{
    switch (type) {
    case Py_T_BYTE: *(signed char *)addr = (signed char)x; break;
    case Py_T_UBYTE: *(unsigned char *)addr = (unsigned char)x; break;
    case Py_T_SHORT: *(short *)addr = (short)x; break;
    case Py_T_USHORT: *(unsigned short *)addr = (unsigned short)x; break;
    case Py_T_INT: *(int *)addr = (int)x; break;
    case Py_T_UINT: *(unsigned int *)addr = (unsigned int)x; break;
    case Py_T_LONG: *(long *)addr = (long)x; break;
    case Py_T_ULONG: *(unsigned long *)addr = (unsigned long)ux; break;
    case Py_T_PYSSIZET: *(Py_ssize_t *)addr = (Py_ssize_t)x; break;
    case Py_T_LONGLONG: *(long long *)addr = x; break;
    case Py_T_ULONGLONG: *(unsigned long long *)addr = ux; break;
    }
}

static int
member_is_int_type(int type)
{
    switch (type) {
    case Py_T_BYTE: case Py_T_UBYTE: case Py_T_SHORT: case Py_T_USHORT:
    case Py_T_INT: case Py_T_UINT: case Py_T_LONG: case Py_T_ULONG:
    case Py_T_PYSSIZET: case Py_T_LONGLONG: case Py_T_ULONGLONG:
        return 1;
    }
    return 0;
}

/* Values are converted first (that may run Python code: __index__,
 * __float__), then stored under the object's critical section; an object
 * member's previous value is released after the section ends. */
int
PyMember_SetOne(char *addr, PyMemberDef *l, PyObject *v)
{
    PyObject *obj = (PyObject *)addr;
    if (l->flags & Py_READONLY) {
        PyErr_SetString(PyExc_AttributeError, "readonly attribute");
        return -1;
    }
    addr += l->offset;
    if (v == NULL && l->type != Py_T_OBJECT_EX && l->type != _Py_T_OBJECT) {
        PyErr_SetString(PyExc_TypeError, "can't delete numeric/char attribute");
        return -1;
    }
    switch (l->type) {
    case _Py_T_OBJECT:
    case Py_T_OBJECT_EX: {
        PyObject *old;
        int missing = 0;
        Py_BEGIN_CRITICAL_SECTION(obj);
        old = *(PyObject **)addr;
        if (v == NULL && old == NULL && l->type == Py_T_OBJECT_EX) {
            missing = 1;
        }
        else {
            _Py_atomic_store_ptr((PyObject **)addr, Py_XNewRef(v));
        }
        Py_END_CRITICAL_SECTION();
        if (missing) {
            PyErr_Format(PyExc_AttributeError, "'%.200s' object has no attribute '%s'",
                         Py_TYPE(obj)->tp_name, l->name);
            return -1;
        }
        /* The owner may be reading the slot without the lock (ceval.c). */
        _PyObject_ReleaseSlotValue(obj, old);
        return 0;
    }
    case Py_T_BOOL:
        if (!PyBool_Check(v)) {
            PyErr_SetString(PyExc_TypeError, "attribute value type must be bool");
            return -1;
        }
        Py_BEGIN_CRITICAL_SECTION(obj);
        *(char *)addr = (char)(v == Py_True);
        Py_END_CRITICAL_SECTION();
        return 0;
    case Py_T_FLOAT:
    case Py_T_DOUBLE: {
        double d = PyFloat_AsDouble(v);
        if (d == -1 && PyErr_Occurred()) {
            return -1;
        }
        Py_BEGIN_CRITICAL_SECTION(obj);
        if (l->type == Py_T_FLOAT) {
            *(float *)addr = (float)d;
        }
        else {
            *(double *)addr = d;
        }
        Py_END_CRITICAL_SECTION();
        return 0;
    }
    case Py_T_CHAR: {
        Py_ssize_t len;
        const char *s = PyUnicode_Check(v) ? PyUnicode_AsUTF8AndSize(v, &len) : NULL;
        if (s == NULL || len != 1) {
            if (!PyErr_Occurred()) {
                PyErr_BadArgument();
            }
            return -1;
        }
        Py_BEGIN_CRITICAL_SECTION(obj);
        *(char *)addr = s[0];
        Py_END_CRITICAL_SECTION();
        return 0;
    }
    case Py_T_STRING:
    case Py_T_STRING_INPLACE:
    case _Py_T_NONE:
        PyErr_SetString(PyExc_TypeError, "readonly attribute");
        return -1;
    default:
        break;
    }
    if (!member_is_int_type(l->type)) {
        PyErr_Format(PyExc_SystemError, "bad memberdescr type for %s", l->name);
        return -1;
    }
    /* Integers: range-checked like CPython (errors for overflow). */
    if (!PyLong_Check(v) && !PyIndex_Check(v)) {
        PyErr_Format(PyExc_TypeError, "'%.200s' object cannot be interpreted as an integer",
                     Py_TYPE(v)->tp_name);
        return -1;
    }
    int overflow;
    long long x = PyLong_AsLongLongAndOverflow(v, &overflow);
    if (x == -1 && PyErr_Occurred()) {
        return -1;
    }
    unsigned long long ux = (unsigned long long)x;
    if (overflow > 0 && (l->type == Py_T_ULONGLONG || l->type == Py_T_ULONG)) {
        ux = PyLong_AsUnsignedLongLong(v);
        if (ux == (unsigned long long)-1 && PyErr_Occurred()) {
            return -1;
        }
        overflow = 0;
    }
    if (overflow) {
        PyErr_SetString(PyExc_OverflowError, "Python int too large to convert to C long");
        return -1;
    }
    Py_BEGIN_CRITICAL_SECTION(obj);
    member_store_int(addr, l->type, x, ux);
    Py_END_CRITICAL_SECTION();
    return 0;
}

static PyObject *
member_get(PyObject *self, PyObject *obj, PyObject *type)
{
    PyMemberDescrObject *descr = (PyMemberDescrObject *)self;
    if (obj == NULL) {
        return Py_NewRef(self);
    }
    if (descr_check((PyDescrObject *)descr, obj) < 0) {
        return NULL;
    }
    return PyMember_GetOne((char *)obj, descr->d_member);
}

static int
member_set(PyObject *self, PyObject *obj, PyObject *value)
{
    PyMemberDescrObject *descr = (PyMemberDescrObject *)self;
    if (descr_check((PyDescrObject *)descr, obj) < 0) {
        return -1;
    }
    return PyMember_SetOne((char *)obj, descr->d_member, value);
}

static PyObject *
member_get_doc(PyObject *self, void *closure)
{
    PyMemberDescrObject *descr = (PyMemberDescrObject *)self;
    if (descr->d_member->doc == NULL) {
        Py_RETURN_NONE;
    }
    return PyUnicode_FromString(descr->d_member->doc);
}

static PyGetSetDef member_getset[] = {
    {"__doc__", member_get_doc, NULL, NULL, NULL},
    {"__qualname__", descr_get_qualname, NULL, NULL, NULL},
    {"__name__", descr_get_name, NULL, NULL, NULL},
    {"__objclass__", descr_get_objclass, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

PyTypeObject PyMemberDescr_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "member_descriptor",
    .tp_basicsize = sizeof(PyMemberDescrObject),
    .tp_dealloc = descr_dealloc,
    .tp_repr = member_repr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = descr_traverse,
    .tp_getset = member_getset,
    .tp_descr_get = member_get,
    .tp_descr_set = member_set,
    .tp_free = PyObject_GC_Del,
};

PyObject *
PyDescr_NewMember(PyTypeObject *type, PyMemberDef *member)
{
    PyMemberDescrObject *descr =
        (PyMemberDescrObject *)descr_alloc(&PyMemberDescr_Type, type, member->name);
    if (descr != NULL) {
        descr->d_member = member;
    }
    return (PyObject *)descr;
}

/* ---- getset descriptors ---------------------------------------------------- */

static PyObject *
getset_get(PyObject *self, PyObject *obj, PyObject *type)
{
    PyGetSetDescrObject *descr = (PyGetSetDescrObject *)self;
    if (obj == NULL) {
        return Py_NewRef(self);
    }
    if (descr_check((PyDescrObject *)descr, obj) < 0) {
        return NULL;
    }
    if (descr->d_getset->get != NULL) {
        return descr->d_getset->get(obj, descr->d_getset->closure);
    }
    PyErr_Format(PyExc_AttributeError, "attribute '%V' of '%.100s' objects is not readable",
                 descr_name((PyDescrObject *)descr), "?", descr->d_type->tp_name);
    return NULL;
}

static int
getset_set(PyObject *self, PyObject *obj, PyObject *value)
{
    PyGetSetDescrObject *descr = (PyGetSetDescrObject *)self;
    if (descr_check((PyDescrObject *)descr, obj) < 0) {
        return -1;
    }
    if (descr->d_getset->set != NULL) {
        return descr->d_getset->set(obj, value, descr->d_getset->closure);
    }
    PyErr_Format(PyExc_AttributeError,
                 "attribute '%V' of '%.100s' objects is not writable",
                 descr_name((PyDescrObject *)descr), "?", descr->d_type->tp_name);
    return -1;
}

static PyObject *
getset_get_doc(PyObject *self, void *closure)
{
    PyGetSetDescrObject *descr = (PyGetSetDescrObject *)self;
    if (descr->d_getset->doc == NULL) {
        Py_RETURN_NONE;
    }
    return PyUnicode_FromString(descr->d_getset->doc);
}

static PyGetSetDef getset_getset[] = {
    {"__doc__", getset_get_doc, NULL, NULL, NULL},
    {"__qualname__", descr_get_qualname, NULL, NULL, NULL},
    {"__name__", descr_get_name, NULL, NULL, NULL},
    {"__objclass__", descr_get_objclass, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

PyTypeObject PyGetSetDescr_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "getset_descriptor",
    .tp_basicsize = sizeof(PyGetSetDescrObject),
    .tp_dealloc = descr_dealloc,
    .tp_repr = getset_repr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = descr_traverse,
    .tp_getset = getset_getset,
    .tp_descr_get = getset_get,
    .tp_descr_set = getset_set,
    .tp_free = PyObject_GC_Del,
};

PyObject *
PyDescr_NewGetSet(PyTypeObject *type, PyGetSetDef *getset)
{
    PyGetSetDescrObject *descr =
        (PyGetSetDescrObject *)descr_alloc(&PyGetSetDescr_Type, type, getset->name);
    if (descr != NULL) {
        descr->d_getset = getset;
    }
    return (PyObject *)descr;
}

/* ---- slot wrappers ---------------------------------------------------------- */

static PyObject *
wrapperdescr_raw_call(PyWrapperDescrObject *d, PyObject *self, PyObject *args, PyObject *kwds)
{
    wrapperfunc wrapper = d->d_base->wrapper;
    if (d->d_base->flags & PyWrapperFlag_KEYWORDS) {
        wrapperfunc_kwds wk = (wrapperfunc_kwds)(void (*)(void))wrapper;
        return (*wk)(self, args, d->d_wrapped, kwds);
    }
    if (kwds != NULL && (!PyDict_Check(kwds) || PyDict_GET_SIZE(kwds) != 0)) {
        PyErr_Format(PyExc_TypeError, "wrapper %s() takes no keyword arguments",
                     d->d_base->name);
        return NULL;
    }
    return (*wrapper)(self, args, d->d_wrapped);
}

static PyObject *
wrapperdescr_call(PyObject *self, PyObject *args, PyObject *kwds)
{
    PyWrapperDescrObject *descr = (PyWrapperDescrObject *)self;
    Py_ssize_t argc = PyTuple_GET_SIZE(args);
    if (argc < 1) {
        PyErr_Format(PyExc_TypeError, "descriptor '%V' of '%.100s' object needs an argument",
                     descr_name((PyDescrObject *)descr), "?", descr->d_type->tp_name);
        return NULL;
    }
    PyObject *obj = PyTuple_GET_ITEM(args, 0);
    if (!PyObject_TypeCheck(obj, descr->d_type)) {
        PyErr_Format(PyExc_TypeError,
                     "descriptor '%V' requires a '%.100s' object but received a '%.100s'",
                     descr_name((PyDescrObject *)descr), "?", descr->d_type->tp_name,
                     Py_TYPE(obj)->tp_name);
        return NULL;
    }
    PyObject *rest = PyTuple_GetSlice(args, 1, argc);
    if (rest == NULL) {
        return NULL;
    }
    PyObject *res = wrapperdescr_raw_call(descr, obj, rest, kwds);
    Py_DECREF(rest);
    return res;
}

static PyObject *
wrapperdescr_get(PyObject *self, PyObject *obj, PyObject *type)
{
    if (obj == NULL) {
        return Py_NewRef(self);
    }
    if (descr_check((PyDescrObject *)self, obj) < 0) {
        return NULL;
    }
    return PyWrapper_New(self, obj);
}

static PyObject *
wrapperdescr_get_doc(PyObject *self, void *closure)
{
    PyWrapperDescrObject *descr = (PyWrapperDescrObject *)self;
    if (descr->d_base->doc == NULL) {
        Py_RETURN_NONE;
    }
    return PyUnicode_FromString(descr->d_base->doc);
}

static PyGetSetDef wrapperdescr_getset[] = {
    {"__doc__", wrapperdescr_get_doc, NULL, NULL, NULL},
    {"__qualname__", descr_get_qualname, NULL, NULL, NULL},
    {"__name__", descr_get_name, NULL, NULL, NULL},
    {"__objclass__", descr_get_objclass, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

PyTypeObject PyWrapperDescr_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "wrapper_descriptor",
    .tp_basicsize = sizeof(PyWrapperDescrObject),
    .tp_dealloc = descr_dealloc,
    .tp_repr = wrapperdescr_repr,
    .tp_call = wrapperdescr_call,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_METHOD_DESCRIPTOR,
    .tp_traverse = descr_traverse,
    .tp_getset = wrapperdescr_getset,
    .tp_descr_get = wrapperdescr_get,
    .tp_free = PyObject_GC_Del,
};

PyObject *
PyDescr_NewWrapper(PyTypeObject *type, struct wrapperbase *base, void *wrapped)
{
    PyWrapperDescrObject *descr =
        (PyWrapperDescrObject *)descr_alloc(&PyWrapperDescr_Type, type, base->name);
    if (descr != NULL) {
        descr->d_base = base;
        descr->d_wrapped = wrapped;
    }
    return (PyObject *)descr;
}

/* method-wrapper: a slot wrapper bound to an instance. */
typedef struct {
    PyObject_HEAD
    PyWrapperDescrObject *descr;
    PyObject *self;
} wrapperobject;

static void
wrapper_dealloc(PyObject *op)
{
    wrapperobject *wp = (wrapperobject *)op;
    PyObject_GC_UnTrack(op);
    Py_XDECREF(wp->descr);
    Py_XDECREF(wp->self);
    PyObject_GC_Del(op);
}

static PyObject *
wrapper_richcompare(PyObject *a, PyObject *b, int op)
{
    if ((op != Py_EQ && op != Py_NE) || !Py_IS_TYPE(b, Py_TYPE(a))) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    wrapperobject *wa = (wrapperobject *)a, *wb = (wrapperobject *)b;
    int eq = wa->descr == wb->descr && wa->self == wb->self;
    return Py_NewRef((eq == (op == Py_EQ)) ? Py_True : Py_False);
}

static Py_hash_t
wrapper_hash(PyObject *self)
{
    wrapperobject *wp = (wrapperobject *)self;
    Py_hash_t x = PyObject_Hash(wp->self);
    if (x == -1) {
        return -1;
    }
    Py_hash_t y = Py_HashPointer(wp->descr);
    x = x ^ y;
    return x == -1 ? -2 : x;
}

static PyObject *
wrapper_repr(PyObject *self)
{
    wrapperobject *wp = (wrapperobject *)self;
    return PyUnicode_FromFormat("<method-wrapper '%s' of %s object at %p>",
                                wp->descr->d_base->name, Py_TYPE(wp->self)->tp_name, wp->self);
}

static PyObject *
wrapper_call(PyObject *self, PyObject *args, PyObject *kwds)
{
    wrapperobject *wp = (wrapperobject *)self;
    return wrapperdescr_raw_call(wp->descr, wp->self, args, kwds);
}

static int
wrapper_traverse(PyObject *self, visitproc visit, void *arg)
{
    wrapperobject *wp = (wrapperobject *)self;
    Py_VISIT(wp->descr);
    Py_VISIT(wp->self);
    return 0;
}

static PyObject *
wrapper_get_self(PyObject *self, void *c)
{
    return Py_NewRef(((wrapperobject *)self)->self);
}

static PyObject *
wrapper_get_name(PyObject *self, void *c)
{
    return PyUnicode_FromString(((wrapperobject *)self)->descr->d_base->name);
}

static PyObject *
wrapper_get_objclass(PyObject *self, void *c)
{
    return Py_NewRef(((wrapperobject *)self)->descr->d_type);
}

static PyGetSetDef wrapper_getsets[] = {
    {"__objclass__", wrapper_get_objclass, NULL, NULL, NULL},
    {"__name__", wrapper_get_name, NULL, NULL, NULL},
    {"__self__", wrapper_get_self, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

PyTypeObject _PyMethodWrapper_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "method-wrapper",
    .tp_basicsize = sizeof(wrapperobject),
    .tp_dealloc = wrapper_dealloc,
    .tp_repr = wrapper_repr,
    .tp_hash = wrapper_hash,
    .tp_call = wrapper_call,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = wrapper_traverse,
    .tp_richcompare = wrapper_richcompare,
    .tp_getset = wrapper_getsets,
    .tp_free = PyObject_GC_Del,
};

PyObject *
PyWrapper_New(PyObject *d, PyObject *self)
{
    wrapperobject *wp = PyObject_GC_New(wrapperobject, &_PyMethodWrapper_Type);
    if (wp != NULL) {
        wp->descr = (PyWrapperDescrObject *)Py_NewRef(d);
        wp->self = Py_NewRef(self);
        PyObject_GC_Track(wp);
    }
    return (PyObject *)wp;
}

/* ---- mappingproxy ------------------------------------------------------------ */

typedef struct {
    PyObject_HEAD
    PyObject *mapping;
} mappingproxyobject;

static Py_ssize_t
mappingproxy_len(PyObject *self)
{
    return PyObject_Size(((mappingproxyobject *)self)->mapping);
}

static PyObject *
mappingproxy_getitem(PyObject *self, PyObject *key)
{
    return PyObject_GetItem(((mappingproxyobject *)self)->mapping, key);
}

static PyMappingMethods mappingproxy_as_mapping = {
    .mp_length = mappingproxy_len,
    .mp_subscript = mappingproxy_getitem,
};

static int
mappingproxy_contains(PyObject *self, PyObject *key)
{
    PyObject *m = ((mappingproxyobject *)self)->mapping;
    if (PyDict_CheckExact(m)) {
        return PyDict_Contains(m, key);
    }
    return PySequence_Contains(m, key);
}

static PySequenceMethods mappingproxy_as_sequence = {
    .sq_contains = mappingproxy_contains,
};

static PyObject *
mappingproxy_or(PyObject *left, PyObject *right)
{
    if (Py_TYPE(left) == &PyDictProxy_Type) {
        left = ((mappingproxyobject *)left)->mapping;
    }
    if (Py_TYPE(right) == &PyDictProxy_Type) {
        right = ((mappingproxyobject *)right)->mapping;
    }
    return PyNumber_Or(left, right);
}

static PyObject *
mappingproxy_ior(PyObject *self, PyObject *other)
{
    return PyErr_Format(PyExc_TypeError, "'|=' is not supported by %s; use '|' instead",
                        Py_TYPE(self)->tp_name);
}

static PyNumberMethods mappingproxy_as_number = {
    .nb_or = mappingproxy_or,
    .nb_inplace_or = mappingproxy_ior,
};

static PyObject *
mappingproxy_call(PyObject *self, const char *meth, PyObject *arg)
{
    PyObject *m = ((mappingproxyobject *)self)->mapping;
    if (arg == NULL) {
        return PyObject_CallMethod(m, meth, NULL);
    }
    return PyObject_CallMethodObjArgs(m, PyUnicode_FromString(meth), arg, NULL);
}

static PyObject *
mappingproxy_get(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("get", nargs, 1, 2)) {
        return NULL;
    }
    PyObject *m = ((mappingproxyobject *)self)->mapping;
    PyObject *getname = PyUnicode_FromString("get");
    if (getname == NULL) {
        return NULL;
    }
    PyObject *stack[3] = {m, args[0], nargs > 1 ? args[1] : Py_None};
    PyObject *res = PyObject_VectorcallMethod(getname, stack, 3, NULL);
    Py_DECREF(getname);
    return res;
}

static PyObject *
mappingproxy_keys(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return mappingproxy_call(self, "keys", NULL);
}

static PyObject *
mappingproxy_values(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return mappingproxy_call(self, "values", NULL);
}

static PyObject *
mappingproxy_items(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return mappingproxy_call(self, "items", NULL);
}

static PyObject *
mappingproxy_copy(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return mappingproxy_call(self, "copy", NULL);
}

/* 3.12+: a proxy hashes (and reverses) as the mapping it wraps does, so
 * a proxy of a hashable mapping is hashable and a dict proxy is
 * Reversible. */
static Py_hash_t
mappingproxy_hash(PyObject *self)
{
    return PyObject_Hash(((mappingproxyobject *)self)->mapping);
}

static PyObject *
mappingproxy_reversed(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return mappingproxy_call(self, "__reversed__", NULL);
}

static PyMethodDef mappingproxy_methods[] = {
    {"get", _PyCFunction_CAST(mappingproxy_get), METH_FASTCALL,
     "Return the value for key if key is in the mapping, else default."},
    {"keys", mappingproxy_keys, METH_NOARGS, NULL},
    {"values", mappingproxy_values, METH_NOARGS, NULL},
    {"items", mappingproxy_items, METH_NOARGS, NULL},
    {"copy", mappingproxy_copy, METH_NOARGS, NULL},
    {"__reversed__", mappingproxy_reversed, METH_NOARGS,
     "D.__reversed__() -> reverse iterator"},
    {NULL, NULL, 0, NULL}
};

static void
mappingproxy_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    Py_DECREF(((mappingproxyobject *)self)->mapping);
    PyObject_GC_Del(self);
}

static PyObject *
mappingproxy_getiter(PyObject *self)
{
    return PyObject_GetIter(((mappingproxyobject *)self)->mapping);
}

static PyObject *
mappingproxy_str(PyObject *self)
{
    return PyObject_Str(((mappingproxyobject *)self)->mapping);
}

static PyObject *
mappingproxy_repr(PyObject *self)
{
    return PyUnicode_FromFormat("mappingproxy(%R)", ((mappingproxyobject *)self)->mapping);
}

static int
mappingproxy_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((mappingproxyobject *)self)->mapping);
    return 0;
}

static PyObject *
mappingproxy_richcompare(PyObject *v, PyObject *w, int op)
{
    return PyObject_RichCompare(((mappingproxyobject *)v)->mapping, w, op);
}

static int
mappingproxy_check_mapping(PyObject *mapping)
{
    if (!PyMapping_Check(mapping) || PyList_Check(mapping) || PyTuple_Check(mapping)) {
        PyErr_Format(PyExc_TypeError, "mappingproxy() argument must be a mapping, not %s",
                     Py_TYPE(mapping)->tp_name);
        return -1;
    }
    return 0;
}

static PyObject *
mappingproxy_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"mapping", NULL};
    PyObject *mapping;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O:mappingproxy", kwlist, &mapping)) {
        return NULL;
    }
    if (mappingproxy_check_mapping(mapping) < 0) {
        return NULL;
    }
    return PyDictProxy_New(mapping);
}

PyTypeObject PyDictProxy_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "mappingproxy",
    .tp_basicsize = sizeof(mappingproxyobject),
    .tp_dealloc = mappingproxy_dealloc,
    .tp_repr = mappingproxy_repr,
    .tp_as_number = &mappingproxy_as_number,
    .tp_as_sequence = &mappingproxy_as_sequence,
    .tp_as_mapping = &mappingproxy_as_mapping,
    .tp_hash = mappingproxy_hash,
    .tp_str = mappingproxy_str,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_MAPPING,
    .tp_traverse = mappingproxy_traverse,
    .tp_richcompare = mappingproxy_richcompare,
    .tp_iter = mappingproxy_getiter,
    .tp_methods = mappingproxy_methods,
    .tp_new = mappingproxy_new,
    .tp_free = PyObject_GC_Del,
};

PyObject *
PyDictProxy_New(PyObject *mapping)
{
    if (mappingproxy_check_mapping(mapping) < 0) {
        return NULL;
    }
    mappingproxyobject *pp = PyObject_GC_New(mappingproxyobject, &PyDictProxy_Type);
    if (pp != NULL) {
        pp->mapping = Py_NewRef(mapping);
        PyObject_GC_Track(pp);
    }
    return (PyObject *)pp;
}

/* ---- property ------------------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    PyObject *prop_get;
    PyObject *prop_set;
    PyObject *prop_del;
    PyObject *prop_doc;
    PyObject *prop_name;
    int getter_doc;
} propertyobject;

static PyMemberDef property_members[] = {
    {"fget", _Py_T_OBJECT, offsetof(propertyobject, prop_get), Py_READONLY, NULL},
    {"fset", _Py_T_OBJECT, offsetof(propertyobject, prop_set), Py_READONLY, NULL},
    {"fdel", _Py_T_OBJECT, offsetof(propertyobject, prop_del), Py_READONLY, NULL},
    {"__doc__", _Py_T_OBJECT, offsetof(propertyobject, prop_doc), 0, NULL},
    {NULL, 0, 0, 0, NULL}
};

static void
property_dealloc(PyObject *self)
{
    propertyobject *gs = (propertyobject *)self;
    PyObject_GC_UnTrack(self);
    Py_XDECREF(gs->prop_get);
    Py_XDECREF(gs->prop_set);
    Py_XDECREF(gs->prop_del);
    Py_XDECREF(gs->prop_doc);
    Py_XDECREF(gs->prop_name);
    Py_TYPE(self)->tp_free(self);
}

/* "property 'x' of 'C' object has no getter" (3.13 wording). */
static void
property_error(propertyobject *gs, PyObject *obj, const char *what)
{
    PyObject *qualname = PyType_GetQualName(Py_TYPE(obj));
    if (qualname == NULL) {
        return;
    }
    if (gs->prop_name != NULL) {
        PyErr_Format(PyExc_AttributeError, "property %R of %R object %s", gs->prop_name,
                     qualname, what);
    }
    else {
        PyErr_Format(PyExc_AttributeError, "property of %R object %s", qualname, what);
    }
    Py_DECREF(qualname);
}

static PyObject *
property_descr_get(PyObject *self, PyObject *obj, PyObject *type)
{
    if (obj == NULL || obj == Py_None) {
        return Py_NewRef(self);
    }
    propertyobject *gs = (propertyobject *)self;
    if (gs->prop_get == NULL) {
        property_error(gs, obj, "has no getter");
        return NULL;
    }
    return PyObject_CallOneArg(gs->prop_get, obj);
}

static int
property_descr_set(PyObject *self, PyObject *obj, PyObject *value)
{
    propertyobject *gs = (propertyobject *)self;
    PyObject *func = value == NULL ? gs->prop_del : gs->prop_set;
    if (func == NULL) {
        property_error(gs, obj, value == NULL ? "has no deleter" : "has no setter");
        return -1;
    }
    PyObject *res = value == NULL ? PyObject_CallOneArg(func, obj)
                                  : PyObject_CallFunctionObjArgs(func, obj, value, NULL);
    if (res == NULL) {
        return -1;
    }
    Py_DECREF(res);
    return 0;
}

static int
property_init_impl(propertyobject *self, PyObject *fget, PyObject *fset, PyObject *fdel,
                   PyObject *doc)
{
    if (fget == Py_None) fget = NULL;
    if (fset == Py_None) fset = NULL;
    if (fdel == Py_None) fdel = NULL;
    Py_XSETREF(self->prop_get, Py_XNewRef(fget));
    Py_XSETREF(self->prop_set, Py_XNewRef(fset));
    Py_XSETREF(self->prop_del, Py_XNewRef(fdel));
    Py_XSETREF(self->prop_doc, NULL);
    Py_XSETREF(self->prop_name, NULL);
    self->getter_doc = 0;
    PyObject *prop_doc = NULL;
    if (doc != NULL && doc != Py_None) {
        prop_doc = Py_NewRef(doc);
    }
    else if (fget != NULL) {
        if (PyObject_GetOptionalAttrString(fget, "__doc__", &prop_doc) < 0) {
            return -1;
        }
        if (prop_doc == Py_None) {
            Py_CLEAR(prop_doc);
        }
        if (prop_doc != NULL) {
            self->getter_doc = 1;
        }
    }
    if (Py_IS_TYPE(self, &PyProperty_Type)) {
        Py_XSETREF(self->prop_doc, prop_doc);
    }
    else {
        /* A subclass's instance has a __dict__: store __doc__ there. */
        if (prop_doc == NULL) {
            prop_doc = Py_NewRef(Py_None);
        }
        int err = PyObject_SetAttrString((PyObject *)self, "__doc__", prop_doc);
        Py_DECREF(prop_doc);
        if (err < 0) {
            return -1;
        }
    }
    return 0;
}

static int
property_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"fget", "fset", "fdel", "doc", NULL};
    PyObject *fget = NULL, *fset = NULL, *fdel = NULL, *doc = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|OOOO:property", kwlist, &fget, &fset,
                                     &fdel, &doc)) {
        return -1;
    }
    return property_init_impl((propertyobject *)self, fget, fset, fdel, doc);
}

/* prop.getter(f) etc.: a copy with one function replaced. */
static PyObject *
property_copy(PyObject *old, PyObject *get, PyObject *set, PyObject *del)
{
    propertyobject *pold = (propertyobject *)old;
    PyObject *new, *type, *doc;
    type = PyObject_Type(old);
    if (type == NULL) {
        return NULL;
    }
    if (get == NULL || get == Py_None) {
        get = pold->prop_get ? pold->prop_get : Py_None;
    }
    if (set == NULL || set == Py_None) {
        set = pold->prop_set ? pold->prop_set : Py_None;
    }
    if (del == NULL || del == Py_None) {
        del = pold->prop_del ? pold->prop_del : Py_None;
    }
    if (pold->getter_doc && get != Py_None) {
        doc = Py_None;
    }
    else {
        doc = pold->prop_doc ? pold->prop_doc : Py_None;
    }
    new = PyObject_CallFunctionObjArgs(type, get, set, del, doc, NULL);
    Py_DECREF(type);
    if (new == NULL) {
        return NULL;
    }
    if (PyObject_TypeCheck(new, &PyProperty_Type)) {
        Py_XSETREF(((propertyobject *)new)->prop_name, Py_XNewRef(pold->prop_name));
    }
    return new;
}

static PyObject *
property_getter(PyObject *self, PyObject *getter)
{
    return property_copy(self, getter, NULL, NULL);
}

static PyObject *
property_setter(PyObject *self, PyObject *setter)
{
    return property_copy(self, NULL, setter, NULL);
}

static PyObject *
property_deleter(PyObject *self, PyObject *deleter)
{
    return property_copy(self, NULL, NULL, deleter);
}

static PyObject *
property_set_name(PyObject *self, PyObject *args)
{
    if (PyTuple_GET_SIZE(args) != 2) {
        PyErr_Format(PyExc_TypeError, "__set_name__() takes 2 positional arguments but %zd were given",
                     PyTuple_GET_SIZE(args));
        return NULL;
    }
    Py_XSETREF(((propertyobject *)self)->prop_name, Py_NewRef(PyTuple_GET_ITEM(args, 1)));
    Py_RETURN_NONE;
}

static PyMethodDef property_methods[] = {
    {"getter", property_getter, METH_O, "Descriptor to obtain a copy of the property with a different getter."},
    {"setter", property_setter, METH_O, "Descriptor to obtain a copy of the property with a different setter."},
    {"deleter", property_deleter, METH_O, "Descriptor to obtain a copy of the property with a different deleter."},
    {"__set_name__", property_set_name, METH_VARARGS, "Method to set name of a property."},
    {NULL, NULL, 0, NULL}
};

static PyObject *
property_get___isabstractmethod__(PyObject *self, void *closure)
{
    propertyobject *prop = (propertyobject *)self;
    PyObject *funcs[3] = {prop->prop_get, prop->prop_set, prop->prop_del};
    for (int i = 0; i < 3; i++) {
        if (funcs[i] == NULL) {
            continue;
        }
        PyObject *v;
        int r = PyObject_GetOptionalAttrString(funcs[i], "__isabstractmethod__", &v);
        if (r < 0) {
            return NULL;
        }
        if (r > 0) {
            int t = PyObject_IsTrue(v);
            Py_DECREF(v);
            if (t < 0) {
                return NULL;
            }
            if (t) {
                Py_RETURN_TRUE;
            }
        }
    }
    Py_RETURN_FALSE;
}

static PyGetSetDef property_getsetlist[] = {
    {"__isabstractmethod__", property_get___isabstractmethod__, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

static int
property_traverse(PyObject *self, visitproc visit, void *arg)
{
    propertyobject *pp = (propertyobject *)self;
    Py_VISIT(pp->prop_get);
    Py_VISIT(pp->prop_set);
    Py_VISIT(pp->prop_del);
    Py_VISIT(pp->prop_doc);
    Py_VISIT(pp->prop_name);
    return 0;
}

PyTypeObject PyProperty_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "property",
    .tp_basicsize = sizeof(propertyobject),
    .tp_dealloc = property_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc = "Property attribute.",
    .tp_traverse = property_traverse,
    .tp_methods = property_methods,
    .tp_members = property_members,
    .tp_getset = property_getsetlist,
    .tp_descr_get = property_descr_get,
    .tp_descr_set = property_descr_set,
    .tp_init = property_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = PyType_GenericNew,
    .tp_free = PyObject_GC_Del,
};

/* ---- classmethod and staticmethod ------------------------------------------- */

typedef struct {
    PyObject_HEAD
    PyObject *cm_callable;
    PyObject *cm_dict;
} classmethod;

static void
cm_dealloc(PyObject *self)
{
    classmethod *cm = (classmethod *)self;
    PyObject_GC_UnTrack(self);
    Py_XDECREF(cm->cm_callable);
    Py_XDECREF(cm->cm_dict);
    Py_TYPE(self)->tp_free(self);
}

static int
cm_traverse(PyObject *self, visitproc visit, void *arg)
{
    classmethod *cm = (classmethod *)self;
    Py_VISIT(cm->cm_callable);
    Py_VISIT(cm->cm_dict);
    return 0;
}

static int
cm_clear(PyObject *self)
{
    classmethod *cm = (classmethod *)self;
    Py_CLEAR(cm->cm_callable);
    Py_CLEAR(cm->cm_dict);
    return 0;
}

/* Copy __name__, __doc__, ... of the wrapped callable (functools.wraps-like). */
static int
wraps_copy(PyObject *wrapper, PyObject *wrapped)
{
    static const char *const attrs[] = {"__module__", "__name__", "__qualname__", "__doc__"};
    for (size_t i = 0; i < Py_ARRAY_LENGTH(attrs); i++) {
        PyObject *v;
        int r = PyObject_GetOptionalAttrString(wrapped, attrs[i], &v);
        if (r < 0) {
            return -1;
        }
        if (r > 0) {
            r = PyObject_SetAttrString(wrapper, attrs[i], v);
            Py_DECREF(v);
            if (r < 0) {
                return -1;
            }
        }
    }
    return 0;
}

static PyObject *
cm_descr_get(PyObject *self, PyObject *obj, PyObject *type)
{
    classmethod *cm = (classmethod *)self;
    if (type == NULL) {
        type = (PyObject *)Py_TYPE(obj);
    }
    /* As in CPython 3.13: a method bound to the class, whatever the callable
     * is (a function, a builtin, or a type such as types.GenericAlias used
     * for __class_getitem__). */
    return PyMethod_New(cm->cm_callable, type);
}

static int
cm_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    classmethod *cm = (classmethod *)self;
    PyObject *callable;
    if (!_PyArg_NoKeywords("classmethod", kwds)) {
        return -1;
    }
    if (!PyArg_UnpackTuple(args, "classmethod", 1, 1, &callable)) {
        return -1;
    }
    Py_XSETREF(cm->cm_callable, Py_NewRef(callable));
    if (wraps_copy(self, callable) < 0) {
        return -1;
    }
    return 0;
}

static PyMemberDef cm_memberlist[] = {
    {"__func__", _Py_T_OBJECT, offsetof(classmethod, cm_callable), Py_READONLY, NULL},
    {"__wrapped__", _Py_T_OBJECT, offsetof(classmethod, cm_callable), Py_READONLY, NULL},
    {NULL, 0, 0, 0, NULL}
};

static PyObject *
cm_get___isabstractmethod__(PyObject *self, void *closure)
{
    PyObject *v;
    int r = PyObject_GetOptionalAttrString(((classmethod *)self)->cm_callable,
                                           "__isabstractmethod__", &v);
    if (r <= 0) {
        if (r < 0) {
            return NULL;
        }
        Py_RETURN_FALSE;
    }
    int t = PyObject_IsTrue(v);
    Py_DECREF(v);
    if (t < 0) {
        return NULL;
    }
    return PyBool_FromLong(t);
}

static PyGetSetDef cm_getsetlist[] = {
    {"__isabstractmethod__", cm_get___isabstractmethod__, NULL, NULL, NULL},
    {"__dict__", PyObject_GenericGetDict, PyObject_GenericSetDict, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

static PyObject *
cm_repr(PyObject *self)
{
    return PyUnicode_FromFormat("<classmethod(%R)>", ((classmethod *)self)->cm_callable);
}

PyTypeObject PyClassMethod_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "classmethod",
    .tp_basicsize = sizeof(classmethod),
    .tp_dealloc = cm_dealloc,
    .tp_repr = cm_repr,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "classmethod(function, /)\n--\n\nConvert a function to be a class method.",
    .tp_traverse = cm_traverse,
    .tp_clear = cm_clear,
    .tp_members = cm_memberlist,
    .tp_getset = cm_getsetlist,
    .tp_descr_get = cm_descr_get,
    .tp_dictoffset = offsetof(classmethod, cm_dict),
    .tp_init = cm_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = PyType_GenericNew,
    .tp_free = PyObject_GC_Del,
};

PyObject *
PyClassMethod_New(PyObject *callable)
{
    classmethod *cm = (classmethod *)PyType_GenericAlloc(&PyClassMethod_Type, 0);
    if (cm != NULL) {
        cm->cm_callable = Py_NewRef(callable);
    }
    return (PyObject *)cm;
}

typedef struct {
    PyObject_HEAD
    PyObject *sm_callable;
    PyObject *sm_dict;
} staticmethod;

static PyObject *
sm_descr_get(PyObject *self, PyObject *obj, PyObject *type)
{
    return Py_NewRef(((staticmethod *)self)->sm_callable);
}

static int
sm_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    staticmethod *sm = (staticmethod *)self;
    PyObject *callable;
    if (!_PyArg_NoKeywords("staticmethod", kwds)) {
        return -1;
    }
    if (!PyArg_UnpackTuple(args, "staticmethod", 1, 1, &callable)) {
        return -1;
    }
    Py_XSETREF(sm->sm_callable, Py_NewRef(callable));
    if (wraps_copy(self, callable) < 0) {
        return -1;
    }
    return 0;
}

static PyObject *
sm_call(PyObject *callable, PyObject *args, PyObject *kwargs)
{
    return PyObject_Call(((staticmethod *)callable)->sm_callable, args, kwargs);
}

static PyObject *
sm_repr(PyObject *self)
{
    return PyUnicode_FromFormat("<staticmethod(%R)>", ((staticmethod *)self)->sm_callable);
}

static PyMemberDef sm_memberlist[] = {
    {"__func__", _Py_T_OBJECT, offsetof(staticmethod, sm_callable), Py_READONLY, NULL},
    {"__wrapped__", _Py_T_OBJECT, offsetof(staticmethod, sm_callable), Py_READONLY, NULL},
    {NULL, 0, 0, 0, NULL}
};

static PyObject *
sm_get___isabstractmethod__(PyObject *self, void *closure)
{
    PyObject *v;
    int r = PyObject_GetOptionalAttrString(((staticmethod *)self)->sm_callable,
                                           "__isabstractmethod__", &v);
    if (r <= 0) {
        if (r < 0) {
            return NULL;
        }
        Py_RETURN_FALSE;
    }
    int t = PyObject_IsTrue(v);
    Py_DECREF(v);
    if (t < 0) {
        return NULL;
    }
    return PyBool_FromLong(t);
}

static PyGetSetDef sm_getsetlist[] = {
    {"__isabstractmethod__", sm_get___isabstractmethod__, NULL, NULL, NULL},
    {"__dict__", PyObject_GenericGetDict, PyObject_GenericSetDict, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

PyTypeObject PyStaticMethod_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "staticmethod",
    .tp_basicsize = sizeof(staticmethod),
    .tp_dealloc = cm_dealloc,
    .tp_repr = sm_repr,
    .tp_call = sm_call,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "staticmethod(function, /)\n--\n\nConvert a function to be a static method.",
    .tp_traverse = cm_traverse,
    .tp_clear = cm_clear,
    .tp_members = sm_memberlist,
    .tp_getset = sm_getsetlist,
    .tp_descr_get = sm_descr_get,
    .tp_dictoffset = offsetof(staticmethod, sm_dict),
    .tp_init = sm_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = PyType_GenericNew,
    .tp_free = PyObject_GC_Del,
};

PyObject *
PyStaticMethod_New(PyObject *callable)
{
    staticmethod *sm = (staticmethod *)PyType_GenericAlloc(&PyStaticMethod_Type, 0);
    if (sm != NULL) {
        sm->sm_callable = Py_NewRef(callable);
    }
    return (PyObject *)sm;
}
