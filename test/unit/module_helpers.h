/* module_helpers.h: helpers for the unit tests of built-in C modules
 * (itertools, _collections, _functools, _operator, _heapq, _bisect):
 * load a module straight from the built-in table without the import
 * system, call its functions with Py_BuildValue arguments, and turn
 * iterators into list reprs for comparison. */
#ifndef WEFT_TEST_MODULE_HELPERS_H
#define WEFT_TEST_MODULE_HELPERS_H

#include "weft_test.h"
#include "import.h"
#include <stdarg.h>

/* Create and execute the built-in module `name` (multi-phase or single). */
static inline PyObject *
mh_load(const char *name)
{
    for (struct _inittab *p = _PyImport_Inittab; p->name != NULL; p++) {
        if (strcmp(p->name, name) != 0) {
            continue;
        }
        PyObject *res = p->initfunc();
        if (res == NULL) {
            return NULL;
        }
        if (!Py_IS_TYPE(res, &PyModuleDef_Type)) {
            return res;
        }
        PyModuleDef *def = (PyModuleDef *)res;
        PyObject *spec = PyModule_New("spec");
        PyObject *nameobj = PyUnicode_FromString(name);
        PyObject_SetAttrString(spec, "name", nameobj);
        Py_DECREF(nameobj);
        PyObject *mod = PyModule_FromDefAndSpec(def, spec);
        Py_DECREF(spec);
        if (mod == NULL) {
            return NULL;
        }
        if (PyModule_Check(mod) && PyModule_ExecDef(mod, def) < 0) {
            Py_DECREF(mod);
            return NULL;
        }
        return mod;
    }
    cr_assert_fail("no built-in module %s", name);
    return NULL;
}

/* mod.name(*Py_BuildValue(fmt, ...)); fmt must build a tuple ("(...)"). */
static inline PyObject *
mh_call(PyObject *obj, const char *name, const char *fmt, ...)
{
    PyObject *func = PyObject_GetAttrString(obj, name);
    if (func == NULL) {
        return NULL;
    }
    va_list va;
    va_start(va, fmt);
    PyObject *args = Py_VaBuildValue(fmt, va);
    va_end(va);
    if (args == NULL) {
        Py_DECREF(func);
        return NULL;
    }
    if (!PyTuple_Check(args)) {
        PyObject *t = PyTuple_Pack(1, args);
        Py_DECREF(args);
        args = t;
    }
    PyObject *res = PyObject_Call(func, args, NULL);
    Py_DECREF(func);
    Py_DECREF(args);
    return res;
}

/* Like mh_call with keyword arguments from a dict built by kwfmt ("{s:O}"). */
static inline PyObject *
mh_call_kw(PyObject *obj, const char *name, PyObject *args, PyObject *kwargs)
{
    PyObject *func = PyObject_GetAttrString(obj, name);
    if (func == NULL) {
        return NULL;
    }
    PyObject *res = PyObject_Call(func, args, kwargs);
    Py_DECREF(func);
    return res;
}

/* repr(list(iterable)), stealing the reference to `iterable`. */
static inline const char *
mh_list_repr(PyObject *iterable)
{
    if (iterable == NULL) {
        return weft_repr_utf8(NULL);
    }
    PyObject *list = PySequence_List(iterable);
    Py_DECREF(iterable);
    const char *r = weft_repr_utf8(list);
    Py_XDECREF(list);
    return r;
}

/* Build an int list [0, 1, ..., n-1]. */
static inline PyObject *
mh_range_list(long n)
{
    PyObject *l = PyList_New(n);
    for (long i = 0; i < n; i++) {
        PyList_SET_ITEM(l, i, PyLong_FromLong(i));
    }
    return l;
}

/* Evaluate a builtin callable by name: PyObject for int, str, ... */
#define mh_assert_list(iterable, expected) cr_assert_str_eq(mh_list_repr(iterable), (expected))

#endif
