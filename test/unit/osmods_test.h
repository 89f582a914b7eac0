/* osmods_test.h: helpers for the tests of the built-in C modules (math,
 * time, posix, _struct, _random, ...): load a module from its PyInit
 * function (single- or multi-phase) and call its functions, getting the
 * repr of the result or "Type: message" of the exception. */
#ifndef OSMODS_TEST_H
#define OSMODS_TEST_H

#include "weft_test.h"
#include <stdarg.h>

static inline PyObject *
osm_load(PyObject *(*init)(void), const char *name)
{
    PyObject *res = init();
    cr_assert_not_null(res, "PyInit_%s failed: %s", name, weft_error_utf8());
    if (PyModule_Check(res)) {
        return res;
    }
    PyModuleDef *def = (PyModuleDef *)res;
    PyObject *spec = PyModule_New("spec");
    PyObject *n = PyUnicode_FromString(name);
    PyObject_SetAttrString(spec, "name", n);
    PyObject *mod = PyModule_FromDefAndSpec(def, spec);
    cr_assert_not_null(mod, "creating %s failed: %s", name, weft_error_utf8());
    cr_assert_eq(PyModule_ExecDef(mod, def), 0, "exec of %s failed: %s", name,
                 weft_error_utf8());
    Py_DECREF(spec);
    Py_DECREF(n);
    return mod;
}

/* repr of the result, or "Type: message" when the call raised. */
static inline const char *
osm_result(PyObject *r)
{
    if (r == NULL) {
        return weft_error_utf8();
    }
    const char *s = weft_repr_utf8(r);
    Py_DECREF(r);
    return s;
}

/* mod.name(*Py_BuildValue(fmt, ...)) -> repr or error. */
static inline const char *
osm_call(PyObject *mod, const char *name, const char *fmt, ...)
{
    PyObject *f = PyObject_GetAttrString(mod, name);
    if (f == NULL) {
        return weft_error_utf8();
    }
    va_list va;
    va_start(va, fmt);
    PyObject *args = Py_VaBuildValue(fmt, va);
    va_end(va);
    cr_assert_not_null(args);
    if (!PyTuple_Check(args)) {
        PyObject *t = PyTuple_Pack(1, args);
        Py_DECREF(args);
        args = t;
    }
    PyObject *r = PyObject_Call(f, args, NULL);
    Py_DECREF(args);
    Py_DECREF(f);
    return osm_result(r);
}

/* mod.name(*args, **kwargs) with args and kwargs already built. */
static inline const char *
osm_call_kw(PyObject *mod, const char *name, PyObject *args, PyObject *kwargs)
{
    PyObject *f = PyObject_GetAttrString(mod, name);
    if (f == NULL) {
        return weft_error_utf8();
    }
    PyObject *r = PyObject_Call(f, args, kwargs);
    Py_DECREF(f);
    return osm_result(r);
}

#define osm_assert_call(mod, expected, name, ...) \
    cr_assert_str_eq(osm_call((mod), (name), __VA_ARGS__), (expected), "%s%s", (name), #__VA_ARGS__)

#endif /* OSMODS_TEST_H */
