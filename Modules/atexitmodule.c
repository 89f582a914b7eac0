/* atexitmodule.c: the `atexit` module: register/unregister callbacks that
 * _PyAtExit_Call (pycore_atexit.h) runs at interpreter exit, last in first
 * out.  The callbacks live in one list of (func, args, kwargs) tuples owned
 * by the runtime; list operations are atomic (critical sections in the
 * free-threaded build), and the runner takes entries off one at a time so a
 * callback may register or unregister others. */
#include "Python.h"
#include "pycore_atexit.h"

static PyObject *callbacks;     /* list of (func, args, kwargs); made once */
static PyMutex callbacks_init_lock;

static PyObject *
get_callbacks(void)
{
    PyObject *l = _Py_atomic_load_ptr(&callbacks);
    if (l != NULL) {
        return l;
    }
    PyMutex_Lock(&callbacks_init_lock);
    l = callbacks;
    if (l == NULL) {
        l = PyList_New(0);
        if (l != NULL) {
            _Py_atomic_store_ptr(&callbacks, l);
        }
    }
    PyMutex_Unlock(&callbacks_init_lock);
    return l;
}

static PyObject *
atexit_register(PyObject *module, PyObject *args, PyObject *kwargs)
{
    if (PyTuple_GET_SIZE(args) == 0) {
        PyErr_SetString(PyExc_TypeError, "register() takes at least 1 argument (0 given)");
        return NULL;
    }
    PyObject *func = PyTuple_GET_ITEM(args, 0);
    if (!PyCallable_Check(func)) {
        PyErr_SetString(PyExc_TypeError, "the first argument must be callable");
        return NULL;
    }
    PyObject *l = get_callbacks();
    if (l == NULL) {
        return NULL;
    }
    PyObject *rest = PyTuple_GetSlice(args, 1, PyTuple_GET_SIZE(args));
    if (rest == NULL) {
        return NULL;
    }
    PyObject *entry = PyTuple_Pack(3, func, rest, kwargs ? kwargs : Py_None);
    Py_DECREF(rest);
    if (entry == NULL || PyList_Append(l, entry) < 0) {
        Py_XDECREF(entry);
        return NULL;
    }
    Py_DECREF(entry);
    return Py_NewRef(func);
}

static PyObject *
atexit_unregister(PyObject *module, PyObject *func)
{
    PyObject *l = get_callbacks();
    if (l == NULL) {
        return NULL;
    }
    /* Compare outside any lock (== may run Python code), then delete the
     * matching entries by identity. */
    PyObject *snapshot = PySequence_List(l);
    if (snapshot == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(snapshot); i++) {
        PyObject *entry = PyList_GET_ITEM(snapshot, i);
        int eq = PyObject_RichCompareBool(PyTuple_GET_ITEM(entry, 0), func, Py_EQ);
        if (eq < 0) {
            Py_DECREF(snapshot);
            return NULL;
        }
        if (eq) {
            Py_ssize_t n = PyList_Size(l);
            for (Py_ssize_t j = 0; j < n; j++) {
                PyObject *cur = PyList_GetItemRef(l, j);
                if (cur == NULL) {
                    break;
                }
                Py_DECREF(cur);
                if (cur == entry) {
                    if (PySequence_DelItem(l, j) < 0) {
                        Py_DECREF(snapshot);
                        return NULL;
                    }
                    break;
                }
            }
        }
    }
    Py_DECREF(snapshot);
    Py_RETURN_NONE;
}

/* Take the last entry off the list (NULL when empty). */
static PyObject *
pop_last(PyObject *l)
{
    PyObject *entry = NULL;
    Py_BEGIN_CRITICAL_SECTION(l);
    Py_ssize_t n = PyList_GET_SIZE(l);
    if (n > 0) {
        entry = Py_NewRef(PyList_GET_ITEM(l, n - 1));
        if (PyList_SetSlice(l, n - 1, n, NULL) < 0) {
            Py_CLEAR(entry);
        }
    }
    Py_END_CRITICAL_SECTION();
    return entry;
}

static void
run_callbacks(void)
{
    PyObject *l = get_callbacks();
    if (l == NULL) {
        PyErr_Clear();
        return;
    }
    PyObject *entry;
    while ((entry = pop_last(l)) != NULL) {
        PyObject *func = PyTuple_GET_ITEM(entry, 0);
        PyObject *args = PyTuple_GET_ITEM(entry, 1);
        PyObject *kwargs = PyTuple_GET_ITEM(entry, 2);
        PyObject *res = PyObject_Call(func, args, kwargs == Py_None ? NULL : kwargs);
        if (res == NULL) {
            PyErr_FormatUnraisable("Exception ignored in atexit callback %R", func);
        }
        else {
            Py_DECREF(res);
        }
        Py_DECREF(entry);
    }
    if (PyErr_Occurred()) {
        PyErr_Clear();
    }
}

void
_PyAtExit_Call(void)
{
    PyObject *exc = PyErr_GetRaisedException();
    run_callbacks();
    PyErr_SetRaisedException(exc);
}

static PyObject *
atexit_run_exitfuncs(PyObject *module, PyObject *Py_UNUSED(a))
{
    run_callbacks();
    Py_RETURN_NONE;
}

static PyObject *
atexit_clear(PyObject *module, PyObject *Py_UNUSED(a))
{
    PyObject *l = get_callbacks();
    if (l == NULL) {
        return NULL;
    }
    if (PyList_SetSlice(l, 0, PY_SSIZE_T_MAX, NULL) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
atexit_ncallbacks(PyObject *module, PyObject *Py_UNUSED(a))
{
    PyObject *l = get_callbacks();
    if (l == NULL) {
        return NULL;
    }
    return PyLong_FromSsize_t(PyList_Size(l));
}

static PyMethodDef atexit_methods[] = {
    {"register", (PyCFunction)(void (*)(void))atexit_register, METH_VARARGS | METH_KEYWORDS,
     "Register a function to be executed upon normal program termination."},
    {"unregister", atexit_unregister, METH_O,
     "Unregister an exit function which was previously registered using atexit.register"},
    {"_run_exitfuncs", atexit_run_exitfuncs, METH_NOARGS,
     "Run all registered exit functions."},
    {"_clear", atexit_clear, METH_NOARGS, "Clear the list of previously registered exit functions."},
    {"_ncallbacks", atexit_ncallbacks, METH_NOARGS,
     "Return the number of registered exit functions."},
    {NULL, NULL, 0, NULL},
};

static PyModuleDef_Slot atexit_slots[] = {
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static PyModuleDef atexitmodule = {
    PyModuleDef_HEAD_INIT,
    .m_name = "atexit",
    .m_doc = "allow programmer to define multiple exit functions to be executed\n"
             "upon normal program termination.",
    .m_size = 0,
    .m_methods = atexit_methods,
    .m_slots = atexit_slots,
};

PyMODINIT_FUNC PyInit_atexit(void)
{
    return PyModuleDef_Init(&atexitmodule);
}
