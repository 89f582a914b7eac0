/* _sysconfig.c: the `_sysconfig` module: config_vars() returns the build
 * settings sysconfig.py cannot find otherwise (Py_GIL_DISABLED is 1 in the
 * free-threaded build, 0 in the default one; Py_DEBUG; the ABI flags; the
 * source and library directories the Makefile compiled in; the compiler). */
#include "Python.h"

static int
set_int(PyObject *d, const char *name, long v)
{
    PyObject *o = PyLong_FromLong(v);
    if (o == NULL) {
        return -1;
    }
    int r = PyDict_SetItemString(d, name, o);
    Py_DECREF(o);
    return r;
}

static int
set_str(PyObject *d, const char *name, const char *v)
{
    PyObject *o = PyUnicode_FromString(v);
    if (o == NULL) {
        return -1;
    }
    int r = PyDict_SetItemString(d, name, o);
    Py_DECREF(o);
    return r;
}

static PyObject *
sysconfig_config_vars(PyObject *m, PyObject *Py_UNUSED(a))
{
    PyObject *d = PyDict_New();
    if (d == NULL) {
        return NULL;
    }
#ifdef Py_GIL_DISABLED
    int gil_disabled = 1;
    const char *abiflags = "t";
#else
    int gil_disabled = 0;
    const char *abiflags = "";
#endif
#ifdef Py_DEBUG
    int debug = 1;
#else
    int debug = 0;
#endif
    if (set_int(d, "Py_GIL_DISABLED", gil_disabled) < 0 ||
        set_int(d, "Py_DEBUG", debug) < 0 ||
        set_int(d, "Py_ENABLE_SHARED", 0) < 0 ||
        set_int(d, "WITH_DOC_STRINGS", 1) < 0 ||
        set_int(d, "SIZEOF_VOID_P", (long)sizeof(void *)) < 0 ||
        set_int(d, "SIZEOF_LONG", (long)sizeof(long)) < 0 ||
        set_int(d, "SIZEOF_SIZE_T", (long)sizeof(size_t)) < 0 ||
        set_int(d, "SIZEOF_INT", (long)sizeof(int)) < 0 ||
        set_int(d, "SIZEOF_DOUBLE", (long)sizeof(double)) < 0 ||
        set_str(d, "ABIFLAGS", abiflags) < 0 ||
        set_str(d, "CC", "gcc") < 0 ||
        set_str(d, "VERSION", "3.13") < 0 ||
#ifdef WEFT_SRCDIR
        set_str(d, "srcdir", WEFT_SRCDIR) < 0 ||
#endif
#ifdef WEFT_LIBDIR
        set_str(d, "DESTLIB", WEFT_LIBDIR) < 0 ||
        set_str(d, "LIBDEST", WEFT_LIBDIR) < 0 ||
#endif
        set_str(d, "WEFT_VERSION", WEFT_VERSION) < 0) {
        Py_DECREF(d);
        return NULL;
    }
    return d;
}

static PyMethodDef sysconfig_methods[] = {
    {"config_vars", sysconfig_config_vars, METH_NOARGS,
     "Returns a dictionary containing build variables intended to be exposed by sysconfig."},
    {NULL, NULL, 0, NULL},
};

static PyModuleDef_Slot sysconfig_slots[] = {
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static PyModuleDef sysconfigmodule = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_sysconfig",
    .m_doc = "A helper for the sysconfig module.",
    .m_size = 0,
    .m_methods = sysconfig_methods,
    .m_slots = sysconfig_slots,
};

PyMODINIT_FUNC PyInit__sysconfig(void)
{
    return PyModuleDef_Init(&sysconfigmodule);
}
