/* weft_test.h: shared fixture and helpers for the Criterion unit tests of
 * the object model.  Use
 *
 *     #include "weft_test.h"
 *     TestSuite(dict, .init = weft_setup);
 *     Test(dict, setitem) { ... weft_assert_repr(d, "{1: 2}"); ... }
 *
 * weft_setup initialises the runtime (main thread state attached) and the
 * built-in types.  Criterion runs every test in its own process, so nothing
 * needs tearing down.  Helpers return C strings that stay valid until 32
 * more helper strings have been made. */
#ifndef WEFT_TEST_H
#define WEFT_TEST_H

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "Python.h"
#include "pycore_pystate.h"
#include "pycore_object.h"

static inline void
weft_setup(void)
{
#ifdef Py_GIL_DISABLED
    int enable_gil = 0;
#else
    int enable_gil = 1;
#endif
    if (_PyRuntime_Initialize(enable_gil) < 0) {
        cr_assert_fail("_PyRuntime_Initialize failed");
    }
    if (_PyTypes_Init() < 0) {
        cr_assert_fail("_PyTypes_Init failed");
    }
}

/* A ring of buffers so several helper results can be compared at once. */
static inline const char *
weft__keep(char *s)
{
    static char *ring[32];
    static int next;
    free(ring[next]);
    ring[next] = s;
    next = (next + 1) % 32;
    return s;
}

static inline const char *
weft__dup(const char *s)
{
    size_t n = strlen(s);
    char *r = malloc(n + 1);
    memcpy(r, s, n + 1);
    return weft__keep(r);
}

/* "Type: message" (or just "Type") of the current exception, which is
 * cleared; "" if no exception is set. */
/* An interned str for `s` (new reference), asserting it could be made. */
static inline PyObject *
weft_interned(const char *s)
{
    PyObject *o = PyUnicode_InternFromString(s);
    cr_assert_not_null(o);
    return o;
}

static inline const char *
weft_error_utf8(void)
{
    PyObject *exc = PyErr_GetRaisedException();
    if (exc == NULL) {
        return weft__dup("");
    }
    const char *tname = Py_TYPE(exc)->tp_name;
    const char *dot = strrchr(tname, '.');
    if (dot) {
        tname = dot + 1;
    }
    PyObject *msg = PyObject_Str(exc);
    const char *m = msg ? PyUnicode_AsUTF8AndSize(msg, NULL) : NULL;
    char *buf;
    if (m == NULL) {
        PyErr_Clear();
        m = "<str() failed>";
    }
    size_t n = strlen(tname) + strlen(m) + 3;
    buf = malloc(n);
    if (*m) {
        snprintf(buf, n, "%s: %s", tname, m);
    }
    else {
        snprintf(buf, n, "%s", tname);
    }
    Py_XDECREF(msg);
    Py_DECREF(exc);
    return weft__keep(buf);
}

static inline const char *
weft__utf8_of(PyObject *s)
{
    if (s == NULL) {
        const char *err = weft_error_utf8();
        size_t n = strlen(err) + 16;
        char *buf = malloc(n);
        snprintf(buf, n, "<error: %s>", err);
        return weft__keep(buf);
    }
    Py_ssize_t size;
    const char *u = PyUnicode_AsUTF8AndSize(s, &size);
    if (u == NULL) {
        Py_DECREF(s);
        return weft__dup("<not UTF-8>");
    }
    const char *r = weft__dup(u);
    Py_DECREF(s);
    return r;
}

/* repr(obj) as UTF-8 ("<NULL>" for NULL, "<error: ...>" if repr raised). */
static inline const char *
weft_repr_utf8(PyObject *obj)
{
    if (obj == NULL) {
        return weft__dup("<NULL>");
    }
    return weft__utf8_of(PyObject_Repr(obj));
}

/* str(obj) as UTF-8. */
static inline const char *
weft_str_utf8(PyObject *obj)
{
    if (obj == NULL) {
        return weft__dup("<NULL>");
    }
    return weft__utf8_of(PyObject_Str(obj));
}

#define weft_assert_repr(obj, expected) \
    cr_assert_str_eq(weft_repr_utf8(obj), (expected))
#define weft_assert_str(obj, expected) \
    cr_assert_str_eq(weft_str_utf8(obj), (expected))
/* The call raised: check "Type: message" and clear it. */
#define weft_assert_error(expected) \
    cr_assert_str_eq(weft_error_utf8(), (expected))
#define weft_assert_no_error() \
    cr_assert_str_eq(weft_error_utf8(), "")

#endif /* WEFT_TEST_H */
