/* namespaceobject.c: types.SimpleNamespace, an object whose attributes are
 * the keyword arguments it was built with (sys.implementation is one; Lib's
 * types.py takes the type from there). */
#include "Python.h"
#include "pycore_object.h"

typedef struct {
    PyObject_HEAD
    PyObject *ns_dict;
} _PyNamespaceObject;

PyTypeObject _PyNamespace_Type;

static PyObject *
namespace_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    _PyNamespaceObject *ns = (_PyNamespaceObject *)type->tp_alloc(type, 0);
    if (ns == NULL) {
        return NULL;
    }
    ns->ns_dict = PyDict_New();
    if (ns->ns_dict == NULL) {
        Py_DECREF(ns);
        return NULL;
    }
    return (PyObject *)ns;
}

static int
namespace_init(PyObject *op, PyObject *args, PyObject *kwds)
{
    _PyNamespaceObject *ns = (_PyNamespaceObject *)op;
    Py_ssize_t n = PyTuple_GET_SIZE(args);
    if (n > 1) {
        PyErr_Format(PyExc_TypeError, "%s expected at most 1 argument, got %zd",
                     Py_TYPE(op)->tp_name, n);
        return -1;
    }
    if (n == 1) {
        PyObject *arg = PyTuple_GET_ITEM(args, 0);
        PyObject *d = PyDict_Check(arg) ? Py_NewRef(arg) : NULL;
        if (d == NULL) {
            d = PyDict_New();
            if (d == NULL) {
                return -1;
            }
            if (PyDict_MergeFromSeq2(d, arg, 1) < 0) {
                Py_DECREF(d);
                return -1;
            }
        }
        PyObject *key;
        Py_ssize_t pos = 0;
        while (PyDict_Next(d, &pos, &key, NULL)) {
            if (!PyUnicode_Check(key)) {
                PyErr_Format(PyExc_TypeError,
                             "keywords must be strings, not '%.200s'", Py_TYPE(key)->tp_name);
                Py_DECREF(d);
                return -1;
            }
        }
        int r = PyDict_Update(ns->ns_dict, d);
        Py_DECREF(d);
        if (r < 0) {
            return -1;
        }
    }
    if (kwds == NULL) {
        return 0;
    }
    if (!PyArg_ValidateKeywordArguments(kwds)) {
        return -1;
    }
    return PyDict_Update(ns->ns_dict, kwds);
}

static void
namespace_dealloc(PyObject *op)
{
    _PyNamespaceObject *ns = (_PyNamespaceObject *)op;
    PyObject_GC_UnTrack(op);
    Py_CLEAR(ns->ns_dict);
    Py_TYPE(op)->tp_free(op);
}

static int
namespace_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(((_PyNamespaceObject *)op)->ns_dict);
    return 0;
}

static int
namespace_clear(PyObject *op)
{
    Py_CLEAR(((_PyNamespaceObject *)op)->ns_dict);
    return 0;
}

static PyObject *
namespace_repr(PyObject *op)
{
    const char *name = Py_IS_TYPE(op, &_PyNamespace_Type) ? "namespace"
                                                          : Py_TYPE(op)->tp_name;
    int i = Py_ReprEnter(op);
    if (i != 0) {
        return i > 0 ? PyUnicode_FromFormat("%s(...)", name) : NULL;
    }
    PyObject *res = NULL;
    PyObject *parts = PyList_New(0);
    PyObject *d = ((_PyNamespaceObject *)op)->ns_dict;
    if (parts == NULL || d == NULL) {
        goto done;
    }
    PyObject *key, *value;
    Py_ssize_t pos = 0;
    while (PyDict_Next(d, &pos, &key, &value)) {
        if (!PyUnicode_Check(key) || PyUnicode_GET_LENGTH(key) == 0) {
            continue;
        }
        PyObject *vr = PyObject_Repr(value);
        if (vr == NULL) {
            goto done;
        }
        PyObject *s = PyUnicode_FromFormat("%U=%U", key, vr);
        Py_DECREF(vr);
        if (s == NULL || PyList_Append(parts, s) < 0) {
            Py_XDECREF(s);
            goto done;
        }
        Py_DECREF(s);
    }
    PyObject *sep = PyUnicode_FromString(", ");
    if (sep == NULL) {
        goto done;
    }
    PyObject *body = PyUnicode_Join(sep, parts);
    Py_DECREF(sep);
    if (body != NULL) {
        res = PyUnicode_FromFormat("%s(%U)", name, body);
        Py_DECREF(body);
    }
done:
    Py_XDECREF(parts);
    Py_ReprLeave(op);
    return res;
}

static PyObject *
namespace_richcompare(PyObject *self, PyObject *other, int op)
{
    if (PyObject_TypeCheck(self, &_PyNamespace_Type) &&
        PyObject_TypeCheck(other, &_PyNamespace_Type)) {
        return PyObject_RichCompare(((_PyNamespaceObject *)self)->ns_dict,
                                    ((_PyNamespaceObject *)other)->ns_dict, op);
    }
    Py_RETURN_NOTIMPLEMENTED;
}

static PyObject *
namespace_reduce(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    PyObject *args = PyTuple_New(0);
    if (args == NULL) {
        return NULL;
    }
    return Py_BuildValue("(ONO)", Py_TYPE(op), args, ((_PyNamespaceObject *)op)->ns_dict);
}

static PyObject *
namespace_replace(PyObject *self, PyObject *args, PyObject *kwargs)
{
    if (!_PyArg_NoPositional("__replace__", args)) {
        return NULL;
    }
    PyObject *result = PyObject_CallNoArgs((PyObject *)Py_TYPE(self));
    if (result == NULL) {
        return NULL;
    }
    if (PyDict_Update(((_PyNamespaceObject *)result)->ns_dict,
                      ((_PyNamespaceObject *)self)->ns_dict) < 0 ||
        (kwargs != NULL && PyDict_Update(((_PyNamespaceObject *)result)->ns_dict, kwargs) < 0)) {
        Py_DECREF(result);
        return NULL;
    }
    return result;
}

static PyMethodDef namespace_methods[] = {
    {"__reduce__", namespace_reduce, METH_NOARGS, NULL},
    {"__replace__", (PyCFunction)(void (*)(void))namespace_replace,
     METH_VARARGS | METH_KEYWORDS, NULL},
    {NULL, NULL, 0, NULL}
};

static PyMemberDef namespace_members[] = {
    {"__dict__", _Py_T_OBJECT, offsetof(_PyNamespaceObject, ns_dict), Py_READONLY, NULL},
    {NULL, 0, 0, 0, NULL}
};

PyTypeObject _PyNamespace_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "types.SimpleNamespace",
    .tp_basicsize = sizeof(_PyNamespaceObject),
    .tp_dealloc = namespace_dealloc,
    .tp_repr = namespace_repr,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_setattro = PyObject_GenericSetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc = "A simple attribute-based namespace.",
    .tp_traverse = namespace_traverse,
    .tp_clear = namespace_clear,
    .tp_richcompare = namespace_richcompare,
    .tp_methods = namespace_methods,
    .tp_members = namespace_members,
    .tp_dictoffset = offsetof(_PyNamespaceObject, ns_dict),
    .tp_init = namespace_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = namespace_new,
    .tp_free = PyObject_GC_Del,
};

PyObject *
_PyNamespace_New(PyObject *kwds)
{
    PyObject *ns = namespace_new(&_PyNamespace_Type, NULL, NULL);
    if (ns == NULL) {
        return NULL;
    }
    if (kwds != NULL && PyDict_Update(((_PyNamespaceObject *)ns)->ns_dict, kwds) < 0) {
        Py_DECREF(ns);
        return NULL;
    }
    return ns;
}
