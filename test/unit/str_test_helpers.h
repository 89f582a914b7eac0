/* str_test_helpers.h: helpers for test_unicode.c and test_bytes.c: small
 * constructors used by the generated case tables (str_cases.h) and the
 * runner that evaluates one case and compares with CPython's result. */
#ifndef STR_TEST_HELPERS_H
#define STR_TEST_HELPERS_H

#include "weft_test.h"
#include <stdarg.h>
#include <math.h>

static inline PyObject *S(const char *utf8)
{
    /* surrogatepass: the tables may hold lone surrogates */
    PyObject *s = PyUnicode_DecodeUTF8(utf8, (Py_ssize_t)strlen(utf8), "surrogatepass");
    cr_assert_not_null(s, "S(%s) failed", utf8);
    return s;
}
static inline PyObject *SN(const char *utf8, Py_ssize_t n)
{
    return PyUnicode_DecodeUTF8(utf8, n, "surrogatepass");
}
static inline PyObject *B(const char *b, Py_ssize_t n) { return PyBytes_FromStringAndSize(b, n); }
static inline PyObject *BA(const char *b, Py_ssize_t n) { return PyByteArray_FromStringAndSize(b, n); }
static inline PyObject *I(long long v) { return PyLong_FromLongLong(v); }
static inline PyObject *BIG(const char *digits) { return PyLong_FromString(digits, NULL, 10); }
static inline PyObject *F(double v) { return PyFloat_FromDouble(v); }
#define N Py_NewRef(Py_None)

static inline PyObject *T(int n, ...)
{
    va_list va;
    va_start(va, n);
    PyObject *t = PyTuple_New(n);
    for (int i = 0; i < n; i++) {
        PyTuple_SET_ITEM(t, i, va_arg(va, PyObject *));
    }
    va_end(va);
    return t;
}

static inline PyObject *L(int n, ...)
{
    va_list va;
    va_start(va, n);
    PyObject *l = PyList_New(0);
    for (int i = 0; i < n; i++) {
        PyObject *o = va_arg(va, PyObject *);
        PyList_Append(l, o);
        Py_DECREF(o);
    }
    va_end(va);
    return l;
}

static inline PyObject *D(int n, ...)
{
    va_list va;
    va_start(va, n);
    PyObject *d = PyDict_New();
    for (int i = 0; i < n; i++) {
        PyObject *k = va_arg(va, PyObject *);
        PyObject *v = va_arg(va, PyObject *);
        PyDict_SetItem(d, k, v);
        Py_DECREF(k);
        Py_DECREF(v);
    }
    va_end(va);
    return d;
}

static inline PyObject *SL(PyObject *a, PyObject *b, PyObject *c)
{
    return PySlice_New(a, b, c);
}

#define ARGV(...) ((PyObject *[]){__VA_ARGS__, NULL})

/* Evaluate `recv op args` and return repr(result) (or str for repr/str/
 * ascii ops), or "Type: message" for an exception. */
static inline const char *
eval_case(PyObject *recv, const char *op, int nargs, PyObject **argv)
{
    PyObject *r = NULL;
    if (strcmp(op, "%") == 0) {
        r = PyNumber_Remainder(recv, argv[0]);
    }
    else if (strcmp(op, "[]") == 0) {
        r = PyObject_GetItem(recv, argv[0]);
    }
    else if (strcmp(op, "+") == 0) {
        r = PyNumber_Add(recv, argv[0]);
    }
    else if (strcmp(op, "*") == 0) {
        r = PyNumber_Multiply(recv, argv[0]);
    }
    else if (strcmp(op, "in") == 0) {
        int c = PySequence_Contains(recv, argv[0]);
        r = c < 0 ? NULL : PyBool_FromLong(c);
    }
    else if (strcmp(op, "repr") == 0 || strcmp(op, "str") == 0 || strcmp(op, "ascii") == 0) {
        PyObject *s = op[0] == 'r' ? PyObject_Repr(recv) :
                      op[0] == 's' ? PyObject_Str(recv) : PyObject_ASCII(recv);
        if (s == NULL) {
            return weft_error_utf8();
        }
        Py_ssize_t n;
        const char *u = PyUnicode_AsUTF8AndSize(s, &n);
        return u ? weft__dup(u) : weft_error_utf8();
    }
    else if (strcmp(op, "__fmt__") == 0) {
        r = PyObject_Format(recv, argv[0]);
    }
    else {
        PyObject *m = PyObject_GetAttrString(recv, op);
        if (m != NULL) {
            PyObject *args = PyTuple_New(nargs);
            for (int i = 0; i < nargs; i++) {
                PyTuple_SET_ITEM(args, i, Py_NewRef(argv[i]));
            }
            r = PyObject_Call(m, args, NULL);
            Py_DECREF(args);
            Py_DECREF(m);
        }
    }
    if (r == NULL) {
        return weft_error_utf8();
    }
    const char *res = weft_repr_utf8(r);
    Py_DECREF(r);
    return res;
}

/* Run a table; report every mismatch, fail if any. */
#define RUN_CASES(TABLE)                                                       \
    do {                                                                       \
        int failures_ = 0, total_ = 0;                                         \
        TABLE                                                                  \
        cr_assert_eq(failures_, 0, "%d of %d cases differ from CPython",       \
                     failures_, total_);                                       \
    } while (0)

#define X(RECV, OP, EXPECTED, NARGS, ARGVEXPR)                                 \
    {                                                                          \
        PyObject *recv_ = (RECV);                                              \
        PyObject **argv_ = (ARGVEXPR);                                         \
        const char *got_ = eval_case(recv_, (OP), (NARGS), argv_);             \
        total_++;                                                              \
        if (strcmp(got_, (EXPECTED)) != 0) {                                   \
            failures_++;                                                       \
            if (failures_ <= 40) {                                             \
                cr_log_error("%s . %s: got <%s> expected <%s>",                \
                             weft_repr_utf8(recv_), (OP), got_, (EXPECTED));   \
            }                                                                  \
        }                                                                      \
        if (PyErr_Occurred()) PyErr_Clear();                                   \
    }

#endif /* STR_TEST_HELPERS_H */
