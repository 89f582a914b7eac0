/* classobject.c: bound methods (obj.f for a function f found on the
 * type): calling one calls f(obj, *args). */
#include "Python.h"
#include "pycore_object.h"

static PyObject *
method_vectorcall(PyObject *method, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    PyMethodObject *m = (PyMethodObject *)method;
    PyObject *self = m->im_self;
    PyObject *func = m->im_func;
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    Py_ssize_t total = nargs + (kwnames != NULL ? PyTuple_GET_SIZE(kwnames) : 0);
    if (nargsf & PY_VECTORCALL_ARGUMENTS_OFFSET) {
        /* The caller lets us use args[-1]: no copy needed. */
        PyObject **newargs = (PyObject **)args - 1;
        PyObject *saved = newargs[0];
        newargs[0] = self;
        PyObject *res = PyObject_Vectorcall(func, newargs, (size_t)(nargs + 1), kwnames);
        newargs[0] = saved;
        return res;
    }
    PyObject *small[8];
    PyObject **newargs = small;
    if (total + 1 > 8) {
        newargs = PyMem_Malloc((size_t)(total + 1) * sizeof(PyObject *));
        if (newargs == NULL) {
            return PyErr_NoMemory();
        }
    }
    newargs[0] = self;
    if (total > 0) {
        memcpy(newargs + 1, args, (size_t)total * sizeof(PyObject *));
    }
    PyObject *res = PyObject_Vectorcall(func, newargs, (size_t)(nargs + 1), kwnames);
    if (newargs != small) {
        PyMem_Free(newargs);
    }
    return res;
}

PyObject *
PyMethod_New(PyObject *func, PyObject *self)
{
    if (self == NULL) {
        PyErr_BadInternalCall();
        return NULL;
    }
    PyMethodObject *im = PyObject_GC_New(PyMethodObject, &PyMethod_Type);
    if (im == NULL) {
        return NULL;
    }
    im->im_weakreflist = NULL;
    im->im_func = Py_NewRef(func);
    im->im_self = Py_NewRef(self);
    im->vectorcall = method_vectorcall;
    PyObject_GC_Track(im);
    return (PyObject *)im;
}

PyObject *
PyMethod_Function(PyObject *im)
{
    if (!PyMethod_Check(im)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    return PyMethod_GET_FUNCTION(im);
}

PyObject *
PyMethod_Self(PyObject *im)
{
    if (!PyMethod_Check(im)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    return PyMethod_GET_SELF(im);
}

static PyObject *
method_new(PyTypeObject *type, PyObject *args, PyObject *kw)
{
    PyObject *func, *self;
    if (!_PyArg_NoKeywords("method", kw)) {
        return NULL;
    }
    if (!PyArg_UnpackTuple(args, "method", 2, 2, &func, &self)) {
        return NULL;
    }
    if (!PyCallable_Check(func)) {
        PyErr_SetString(PyExc_TypeError, "first argument must be callable");
        return NULL;
    }
    if (self == NULL || self == Py_None) {
        PyErr_SetString(PyExc_TypeError, "instance must not be None");
        return NULL;
    }
    return PyMethod_New(func, self);
}

static void
method_dealloc(PyObject *self)
{
    PyMethodObject *im = (PyMethodObject *)self;
    PyObject_GC_UnTrack(self);
    if (im->im_weakreflist != NULL) {
        PyObject_ClearWeakRefs(self);
    }
    Py_XDECREF(im->im_func);
    Py_XDECREF(im->im_self);
    PyObject_GC_Del(self);
}

static int
method_traverse(PyObject *self, visitproc visit, void *arg)
{
    PyMethodObject *im = (PyMethodObject *)self;
    Py_VISIT(im->im_func);
    Py_VISIT(im->im_self);
    return 0;
}

static int
method_clear(PyObject *self)
{
    PyMethodObject *im = (PyMethodObject *)self;
    Py_CLEAR(im->im_func);
    Py_CLEAR(im->im_self);
    return 0;
}

static PyObject *
method_repr(PyObject *self)
{
    PyMethodObject *im = (PyMethodObject *)self;
    PyObject *funcname = NULL;
    if (im->im_func == NULL) {
        return PyUnicode_FromString("<bound method ?>");
    }
    funcname = PyObject_GetAttr(im->im_func, _Py_ID_STR(__qualname__));
    if (funcname == NULL) {
        if (!PyErr_ExceptionMatches(PyExc_AttributeError)) {
            return NULL;
        }
        PyErr_Clear();
        funcname = PyObject_GetAttr(im->im_func, _Py_ID_STR(__name__));
        if (funcname == NULL) {
            if (!PyErr_ExceptionMatches(PyExc_AttributeError)) {
                return NULL;
            }
            PyErr_Clear();
        }
    }
    if (funcname != NULL && !PyUnicode_Check(funcname)) {
        Py_SETREF(funcname, NULL);
    }
    PyObject *r = PyUnicode_FromFormat("<bound method %V of %R>", funcname, "?", im->im_self);
    Py_XDECREF(funcname);
    return r;
}

static PyObject *
method_richcompare(PyObject *a, PyObject *b, int op)
{
    if ((op != Py_EQ && op != Py_NE) || !PyMethod_Check(a) || !PyMethod_Check(b)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    PyMethodObject *x = (PyMethodObject *)a, *y = (PyMethodObject *)b;
    int eq = PyObject_RichCompareBool(x->im_func, y->im_func, Py_EQ);
    if (eq < 0) {
        return NULL;
    }
    if (eq == 1) {
        eq = x->im_self == y->im_self;
    }
    if (op == Py_NE) {
        eq = !eq;
    }
    return Py_NewRef(eq ? Py_True : Py_False);
}

static Py_hash_t
method_hash(PyObject *self)
{
    PyMethodObject *im = (PyMethodObject *)self;
    Py_hash_t x = Py_HashPointer(im->im_self);
    Py_hash_t y = PyObject_Hash(im->im_func);
    if (y == -1) {
        return -1;
    }
    x = x ^ y;
    return x == -1 ? -2 : x;
}

static PyObject *
method_getattro(PyObject *obj, PyObject *name)
{
    PyTypeObject *tp = Py_TYPE(obj);
    PyObject *descr = _PyType_LookupRef(tp, name);
    if (descr != NULL) {
        descrgetfunc f = Py_TYPE(descr)->tp_descr_get;
        if (f != NULL) {
            PyObject *r = f(descr, obj, (PyObject *)tp);
            Py_DECREF(descr);
            return r;
        }
        return descr;
    }
    return PyObject_GetAttr(((PyMethodObject *)obj)->im_func, name);
}

static PyObject *
method_get_doc(PyObject *self, void *c)
{
    return PyObject_GetAttr(((PyMethodObject *)self)->im_func, _Py_ID_STR(__doc__));
}

static PyMemberDef method_members[] = {
    {"__func__", _Py_T_OBJECT, offsetof(PyMethodObject, im_func), Py_READONLY,
     "the function (or other callable) implementing a method"},
    {"__self__", _Py_T_OBJECT, offsetof(PyMethodObject, im_self), Py_READONLY,
     "the instance to which a method is bound"},
    {NULL},
};

static PyGetSetDef method_getsets[] = {
    {"__doc__", method_get_doc, NULL, NULL, NULL},
    {NULL},
};

static PyObject *
method_descr_get(PyObject *meth, PyObject *obj, PyObject *cls)
{
    return Py_NewRef(meth);
}

PyTypeObject PyMethod_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "method",
    .tp_basicsize = sizeof(PyMethodObject),
    .tp_dealloc = method_dealloc,
    .tp_vectorcall_offset = offsetof(PyMethodObject, vectorcall),
    .tp_repr = method_repr,
    .tp_hash = method_hash,
    .tp_call = PyVectorcall_Call,
    .tp_getattro = method_getattro,
    .tp_setattro = PyObject_GenericSetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_HAVE_VECTORCALL,
    .tp_doc = "Create a bound instance method object.",
    .tp_traverse = method_traverse,
    .tp_clear = method_clear,
    .tp_richcompare = method_richcompare,
    .tp_members = method_members,
    .tp_getset = method_getsets,
    .tp_descr_get = method_descr_get,
    .tp_weaklistoffset = offsetof(PyMethodObject, im_weakreflist),
    .tp_new = method_new,
};
