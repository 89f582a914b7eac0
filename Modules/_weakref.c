/* _weakref.c: the `_weakref` module under Lib/weakref.py: the reference
 * types (Objects/weakrefobject.c), proxy(), getweakrefcount(),
 * getweakrefs() and _remove_dead_weakref() (WeakValueDictionary's
 * callback helper). */
#include "Python.h"

static PyObject *
weakref_getweakrefcount(PyObject *module, PyObject *obj)
{
    return PyLong_FromSsize_t(_PyWeakref_GetWeakrefCount(obj));
}

static PyObject *
weakref_getweakrefs(PyObject *module, PyObject *obj)
{
    PyObject *result = PyList_New(0);
    if (result == NULL || !_PyType_SUPPORTS_WEAKREFS(Py_TYPE(obj))) {
        return result;
    }
    if (_PyWeakref_AppendRefs(obj, result) < 0) {
        Py_DECREF(result);
        return NULL;
    }
    return result;
}

static PyObject *
weakref_proxy(PyObject *module, PyObject *args)
{
    PyObject *obj, *callback = NULL;
    if (!PyArg_UnpackTuple(args, "proxy", 1, 2, &obj, &callback)) {
        return NULL;
    }
    return PyWeakref_NewProxy(obj, callback);
}

/* Delete dct[key] if it is a dead weak reference (no error if missing). */
static PyObject *
weakref_remove_dead_weakref(PyObject *module, PyObject *args)
{
    PyObject *dct, *key;
    if (!PyArg_ParseTuple(args, "O!O:_remove_dead_weakref", &PyDict_Type, &dct, &key)) {
        return NULL;
    }
    PyObject *value = NULL;
    int r = PyDict_GetItemRef(dct, key, &value);
    if (r < 0) {
        return NULL;
    }
    if (r == 0) {
        Py_RETURN_NONE;
    }
    int dead = 0;
    if (PyWeakref_Check(value)) {
        PyObject *obj;
        if (PyWeakref_GetRef(value, &obj) == 0) {
            dead = 1;
        }
        else {
            Py_XDECREF(obj);
        }
    }
    Py_DECREF(value);
    if (dead && PyDict_DelItem(dct, key) < 0) {
        if (!PyErr_ExceptionMatches(PyExc_KeyError)) {
            return NULL;
        }
        PyErr_Clear();
    }
    Py_RETURN_NONE;
}

static PyMethodDef weakref_functions[] = {
    {"getweakrefcount", weakref_getweakrefcount, METH_O,
     "Return the number of weak references to 'obj'."},
    {"getweakrefs", weakref_getweakrefs, METH_O,
     "Return a list of all weak reference objects pointing to 'obj'."},
    {"proxy", weakref_proxy, METH_VARARGS,
     "Create a proxy object that weakly references 'obj'."},
    {"_remove_dead_weakref", weakref_remove_dead_weakref, METH_VARARGS,
     "Atomically remove key from dict if it points to a dead weakref."},
    {NULL, NULL, 0, NULL}
};

static int
weakref_exec(PyObject *module)
{
    if (PyModule_AddObjectRef(module, "ref", (PyObject *)&_PyWeakref_RefType) < 0 ||
        PyModule_AddObjectRef(module, "ReferenceType", (PyObject *)&_PyWeakref_RefType) < 0 ||
        PyModule_AddObjectRef(module, "ProxyType", (PyObject *)&_PyWeakref_ProxyType) < 0 ||
        PyModule_AddObjectRef(module, "CallableProxyType",
                              (PyObject *)&_PyWeakref_CallableProxyType) < 0) {
        return -1;
    }
    return 0;
}

static PyModuleDef_Slot weakref_slots[] = {
    {Py_mod_exec, weakref_exec},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL}
};

static struct PyModuleDef weakrefmodule = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_weakref",
    .m_doc = "Weak-reference support module.",
    .m_size = 0,
    .m_methods = weakref_functions,
    .m_slots = weakref_slots,
};

PyMODINIT_FUNC PyInit__weakref(void)
{
    return PyModuleDef_Init(&weakrefmodule);
}
