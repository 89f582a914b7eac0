/* _abcmodule.c: the `_abc` module, the part of abc.ABCMeta (Lib/abc.py)
 * that Python code cannot do: the collection flags of a type
 * (Py_TPFLAGS_SEQUENCE / Py_TPFLAGS_MAPPING), which the match statement's
 * sequence and mapping patterns read.  collections.abc.Sequence and Mapping
 * declare theirs with `__abc_tpflags__`; a class registered as a virtual
 * subclass of such an ABC gets the flag too, and so do its subclasses. */
#include "Python.h"

#define COLLECTION_FLAGS (Py_TPFLAGS_SEQUENCE | Py_TPFLAGS_MAPPING)

/* Give `tp` and its subclasses `flag`, unless they are immutable types or
 * already carry a collection flag (the first flag wins, as in CPython). */
static int
set_collection_flag(PyTypeObject *tp, unsigned long flag, int depth)
{
    if ((tp->tp_flags & Py_TPFLAGS_IMMUTABLETYPE) || (tp->tp_flags & COLLECTION_FLAGS)) {
        return 0;
    }
    if (depth > 1000) {
        PyErr_SetString(PyExc_RecursionError, "class hierarchy too deep");
        return -1;
    }
    tp->tp_flags |= flag;
    PyObject *subs = PyObject_CallMethod((PyObject *)tp, "__subclasses__", NULL);
    if (subs == NULL) {
        return -1;
    }
    int rc = 0;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(subs) && rc == 0; i++) {
        PyObject *sub = PyList_GET_ITEM(subs, i);
        if (PyType_Check(sub)) {
            rc = set_collection_flag((PyTypeObject *)sub, flag, depth + 1);
        }
    }
    Py_DECREF(subs);
    return rc;
}

/* _abc_init_flags(cls): apply and remove cls.__dict__['__abc_tpflags__']. */
static PyObject *
abc_init_flags(PyObject *mod, PyObject *cls)
{
    if (!PyType_Check(cls)) {
        PyErr_SetString(PyExc_TypeError, "_abc_init_flags() argument must be a class");
        return NULL;
    }
    PyTypeObject *tp = (PyTypeObject *)cls;
    PyObject *dict = tp->tp_dict;
    PyObject *v;
    if (dict == NULL || PyDict_GetItemStringRef(dict, "__abc_tpflags__", &v) < 0) {
        return dict == NULL ? Py_NewRef(Py_None) : NULL;
    }
    if (v == NULL) {
        Py_RETURN_NONE;
    }
    if (!PyLong_Check(v)) {
        Py_DECREF(v);
        PyErr_SetString(PyExc_TypeError, "__abc_tpflags__ must be an int");
        return NULL;
    }
    unsigned long flags = PyLong_AsUnsignedLongMask(v);
    Py_DECREF(v);
    if (PyErr_Occurred()) {
        return NULL;
    }
    if (PyDict_DelItemString(dict, "__abc_tpflags__") < 0) {
        return NULL;
    }
    PyType_Modified(tp);
    tp->tp_flags = (tp->tp_flags & ~COLLECTION_FLAGS) | (flags & COLLECTION_FLAGS);
    Py_RETURN_NONE;
}

/* _abc_register_flags(abc, subclass): register() passes the ABC's
 * collection flag on to the new virtual subclass. */
static PyObject *
abc_register_flags(PyObject *mod, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2 || !PyType_Check(args[0]) || !PyType_Check(args[1])) {
        PyErr_SetString(PyExc_TypeError, "_abc_register_flags() takes two classes");
        return NULL;
    }
    unsigned long flag = ((PyTypeObject *)args[0])->tp_flags & COLLECTION_FLAGS;
    if (flag != 0 && set_collection_flag((PyTypeObject *)args[1], flag, 0) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyMethodDef abc_methods[] = {
    {"_abc_init_flags", abc_init_flags, METH_O,
     "Apply the class's __abc_tpflags__ (collection flags) and remove it."},
    {"_abc_register_flags", (PyCFunction)(void (*)(void))abc_register_flags, METH_FASTCALL,
     "Give a registered virtual subclass the ABC's collection flag."},
    {NULL, NULL, 0, NULL},
};

static PyModuleDef_Slot abc_slots[] = {
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static PyModuleDef abcmodule = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_abc",
    .m_doc = "Collection flags for abc.ABCMeta (used by the match statement).",
    .m_size = 0,
    .m_methods = abc_methods,
    .m_slots = abc_slots,
};

PyMODINIT_FUNC PyInit__abc(void)
{
    return PyModuleDef_Init(&abcmodule);
}
