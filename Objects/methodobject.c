/* methodobject.c: builtin_function_or_method, the object wrapping a C
 * function described by a PyMethodDef and bound to a self (module or
 * instance).  Calls go through vectorcall. */
#include "Python.h"
#include "pycore_object.h"

static PyObject *
cfunction_vectorcall(PyObject *func, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    PyCFunctionObject *f = (PyCFunctionObject *)func;
    PyObject *self = (f->m_ml->ml_flags & METH_STATIC) ? NULL : f->m_self;
    PyTypeObject *cls = NULL;
    if (f->m_ml->ml_flags & METH_METHOD) {
        cls = ((PyCMethodObject *)f)->mm_class;
    }
    return _PyMethodDef_Call(f->m_ml, self, cls, args, PyVectorcall_NARGS(nargsf), kwnames);
}

PyObject *
PyCMethod_New(PyMethodDef *ml, PyObject *self, PyObject *module, PyTypeObject *cls)
{
    PyCFunctionObject *op;
    if (ml->ml_flags & METH_METHOD) {
        if (cls == NULL) {
            PyErr_SetString(PyExc_SystemError,
                            "attempting to create PyCMethod with a METH_METHOD flag but no class");
            return NULL;
        }
        PyCMethodObject *om = PyObject_GC_New(PyCMethodObject, &PyCMethod_Type);
        if (om == NULL) {
            return NULL;
        }
        om->mm_class = (PyTypeObject *)Py_NewRef(cls);
        op = (PyCFunctionObject *)om;
    }
    else {
        if (cls != NULL) {
            PyErr_SetString(PyExc_SystemError,
                            "attempting to create PyCFunction with class but no METH_METHOD flag");
            return NULL;
        }
        op = PyObject_GC_New(PyCFunctionObject, &PyCFunction_Type);
        if (op == NULL) {
            return NULL;
        }
    }
    op->m_weakreflist = NULL;
    op->m_ml = ml;
    op->m_self = Py_XNewRef(self);
    op->m_module = Py_XNewRef(module);
    op->vectorcall = cfunction_vectorcall;
    PyObject_GC_Track(op);
    return (PyObject *)op;
}

PyObject *
PyCFunction_NewEx(PyMethodDef *ml, PyObject *self, PyObject *module)
{
    return PyCMethod_New(ml, self, module, NULL);
}

PyObject *
PyCFunction_New(PyMethodDef *ml, PyObject *self)
{
    return PyCFunction_NewEx(ml, self, NULL);
}

PyCFunction
PyCFunction_GetFunction(PyObject *op)
{
    if (!PyCFunction_Check(op)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    return PyCFunction_GET_FUNCTION(op);
}

PyObject *
PyCFunction_GetSelf(PyObject *op)
{
    if (!PyCFunction_Check(op)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    return PyCFunction_GET_SELF(op);
}

int
PyCFunction_GetFlags(PyObject *op)
{
    if (!PyCFunction_Check(op)) {
        PyErr_BadInternalCall();
        return -1;
    }
    return PyCFunction_GET_FLAGS(op);
}

static void
meth_dealloc(PyObject *self)
{
    PyCFunctionObject *m = (PyCFunctionObject *)self;
    PyObject_GC_UnTrack(self);
    PyObject_ClearWeakRefs(self);
    Py_XDECREF(m->m_self);
    Py_XDECREF(m->m_module);
    if (PyCMethod_Check(self)) {
        Py_XDECREF(((PyCMethodObject *)self)->mm_class);
    }
    PyObject_GC_Del(self);
}

static int
meth_traverse(PyObject *self, visitproc visit, void *arg)
{
    PyCFunctionObject *m = (PyCFunctionObject *)self;
    Py_VISIT(m->m_self);
    Py_VISIT(m->m_module);
    if (PyCMethod_Check(self)) {
        Py_VISIT(((PyCMethodObject *)self)->mm_class);
    }
    return 0;
}

static PyObject *
meth_repr(PyObject *self)
{
    PyCFunctionObject *m = (PyCFunctionObject *)self;
    if (m->m_self == NULL || PyModule_Check(m->m_self)) {
        return PyUnicode_FromFormat("<built-in function %s>", m->m_ml->ml_name);
    }
    return PyUnicode_FromFormat("<built-in method %s of %s object at %p>", m->m_ml->ml_name,
                                Py_TYPE(m->m_self)->tp_name, m->m_self);
}

static PyObject *
meth_richcompare(PyObject *self, PyObject *other, int op)
{
    if ((op != Py_EQ && op != Py_NE) || !PyCFunction_Check(self) || !PyCFunction_Check(other)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    PyCFunctionObject *a = (PyCFunctionObject *)self, *b = (PyCFunctionObject *)other;
    int eq = a->m_self == b->m_self && a->m_ml->ml_meth == b->m_ml->ml_meth;
    return Py_NewRef((eq == (op == Py_EQ)) ? Py_True : Py_False);
}

static Py_hash_t
meth_hash(PyObject *self)
{
    PyCFunctionObject *a = (PyCFunctionObject *)self;
    Py_hash_t x = Py_HashPointer(a->m_self);
    Py_hash_t y = Py_HashPointer((void *)(a->m_ml->ml_meth));
    x ^= y;
    return x == -1 ? -2 : x;
}

static PyObject *
meth_get__doc__(PyObject *self, void *closure)
{
    PyCFunctionObject *m = (PyCFunctionObject *)self;
    if (m->m_ml->ml_doc == NULL) {
        Py_RETURN_NONE;
    }
    return PyUnicode_FromString(m->m_ml->ml_doc);
}

static PyObject *
meth_get__name__(PyObject *self, void *closure)
{
    return PyUnicode_FromString(((PyCFunctionObject *)self)->m_ml->ml_name);
}

static PyObject *
meth_get__qualname__(PyObject *self, void *closure)
{
    PyCFunctionObject *m = (PyCFunctionObject *)self;
    if (m->m_self == NULL || PyModule_Check(m->m_self)) {
        return PyUnicode_FromString(m->m_ml->ml_name);
    }
    PyObject *type = PyType_Check(m->m_self) ? m->m_self : (PyObject *)Py_TYPE(m->m_self);
    PyObject *type_qualname = PyObject_GetAttrString(type, "__qualname__");
    if (type_qualname == NULL) {
        return NULL;
    }
    PyObject *res = PyUnicode_FromFormat("%S.%s", type_qualname, m->m_ml->ml_name);
    Py_DECREF(type_qualname);
    return res;
}

static PyObject *
meth_get__self__(PyObject *self, void *closure)
{
    PyObject *s = PyCFunction_GET_SELF(self);
    return Py_NewRef(s ? s : Py_None);
}

static PyObject *
meth_get__module__(PyObject *self, void *closure)
{
    PyObject *m = ((PyCFunctionObject *)self)->m_module;
    return Py_NewRef(m ? m : Py_None);
}

static int
meth_set__module__(PyObject *self, PyObject *value, void *closure)
{
    Py_XSETREF(((PyCFunctionObject *)self)->m_module, Py_XNewRef(value));
    return 0;
}

static PyGetSetDef meth_getsets[] = {
    {"__doc__", meth_get__doc__, NULL, NULL, NULL},
    {"__name__", meth_get__name__, NULL, NULL, NULL},
    {"__qualname__", meth_get__qualname__, NULL, NULL, NULL},
    {"__self__", meth_get__self__, NULL, NULL, NULL},
    {"__module__", meth_get__module__, meth_set__module__, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

PyTypeObject PyCFunction_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "builtin_function_or_method",
    .tp_basicsize = sizeof(PyCFunctionObject),
    .tp_dealloc = meth_dealloc,
    .tp_vectorcall_offset = offsetof(PyCFunctionObject, vectorcall),
    .tp_repr = meth_repr,
    .tp_hash = meth_hash,
    .tp_call = PyVectorcall_Call,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_HAVE_VECTORCALL,
    .tp_traverse = meth_traverse,
    .tp_richcompare = meth_richcompare,
    .tp_weaklistoffset = offsetof(PyCFunctionObject, m_weakreflist),
    .tp_getset = meth_getsets,
    .tp_free = PyObject_GC_Del,
};

PyTypeObject PyCMethod_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "builtin_method",
    .tp_basicsize = sizeof(PyCMethodObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_HAVE_VECTORCALL,
    .tp_traverse = meth_traverse,
    .tp_base = &PyCFunction_Type,
    .tp_free = PyObject_GC_Del,
};
