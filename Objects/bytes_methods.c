/* bytes_methods.c: the methods bytes and bytearray share (find, split,
 * strip, case conversions on ASCII letters, predicates, padding, replace,
 * translate, hex, decode, ...), the b'...' repr, hex/fromhex and helpers for
 * bytes-like arguments.  Every method returns the receiver's base type.  On
 * a bytearray the body runs in a critical section with a buffer export held,
 * so code it calls (an __index__, a translate table) cannot resize the
 * buffer it is reading. */
#include "Python.h"
#include "pycore_unicodeobject.h"
#include "pycore_bytes_methods.h"

/* ---- helpers ------------------------------------------------------------ */

typedef PyObject *(*make_fn)(const char *, Py_ssize_t);

static make_fn
maker(PyObject *self)
{
    return PyByteArray_Check(self) ? PyByteArray_FromStringAndSize : PyBytes_FromStringAndSize;
}

int
_PyBytes_GetBuffer(PyObject *obj, Py_buffer *view)
{
    if (PyBytes_Check(obj)) {
        return PyBuffer_FillInfo(view, obj, PyBytes_AS_STRING(obj), PyBytes_GET_SIZE(obj), 1,
                                 PyBUF_SIMPLE);
    }
    if (!PyObject_CheckBuffer(obj)) {
        PyErr_Format(PyExc_TypeError, "a bytes-like object is required, not '%.100s'",
                     Py_TYPE(obj)->tp_name);
        return -1;
    }
    return PyObject_GetBuffer(obj, view, PyBUF_SIMPLE);
}

static int
no_args_impl(PyObject *self, const char *fname, Py_ssize_t nargs, PyObject *kwnames)
{
    if (nargs != 0 || (kwnames && PyTuple_GET_SIZE(kwnames))) {
        PyErr_Format(PyExc_TypeError, "%s.%s() takes no arguments (%zd given)",
                     PyByteArray_Check(self) ? "bytearray" : "bytes", fname,
                     nargs + (kwnames ? PyTuple_GET_SIZE(kwnames) : 0));
        return -1;
    }
    return 0;
}
#define no_args(fname, nargs, kwnames) no_args_impl(self, (fname), (nargs), (kwnames))

static int
positional_only(const char *fname, Py_ssize_t nargs, PyObject *kwnames, Py_ssize_t min,
                Py_ssize_t max)
{
    if (kwnames && PyTuple_GET_SIZE(kwnames)) {
        PyErr_Format(PyExc_TypeError, "%s() takes no keyword arguments", fname);
        return -1;
    }
    if (nargs < min || nargs > max) {
        if (min == max) {
            PyErr_Format(PyExc_TypeError, "%s() takes exactly %zd argument%s (%zd given)",
                         fname, min, min == 1 ? "" : "s", nargs);
        }
        else if (nargs < min) {
            PyErr_Format(PyExc_TypeError, "%s expected at least %zd argument%s, got %zd",
                         fname, min, min == 1 ? "" : "s", nargs);
        }
        else {
            PyErr_Format(PyExc_TypeError, "%s expected at most %zd argument%s, got %zd",
                         fname, max, max == 1 ? "" : "s", nargs);
        }
        return -1;
    }
    return 0;
}

static Py_ssize_t
as_ssize(PyObject *o)
{
    if (!PyIndex_Check(o)) {
        PyErr_Format(PyExc_TypeError, "'%.200s' object cannot be interpreted as an integer",
                     Py_TYPE(o)->tp_name);
        return -1;
    }
    return PyNumber_AsSsize_t(o, PyExc_OverflowError);
}

/* Receiver dispatch: IMPL(self, s, len, args, nargs, kwnames). */
#define DEFINE_METHOD(name)                                                     \
PyObject *                                                                      \
_Py_bytes_##name(PyObject *self, PyObject *const *args, Py_ssize_t nargs,       \
                 PyObject *kwnames)                                             \
{                                                                               \
    if (PyBytes_Check(self)) {                                                  \
        return name##_impl(self, PyBytes_AS_STRING(self), PyBytes_GET_SIZE(self), \
                           args, nargs, kwnames);                               \
    }                                                                           \
    PyObject *res;                                                              \
    Py_BEGIN_CRITICAL_SECTION(self);                                            \
    PyByteArrayObject *ba_ = (PyByteArrayObject *)self;                         \
    ba_->ob_exports++;                                                          \
    res = name##_impl(self, PyByteArray_AS_STRING(self), Py_SIZE(self),         \
                      args, nargs, kwnames);                                    \
    ba_->ob_exports--;                                                          \
    Py_END_CRITICAL_SECTION();                                                  \
    return res;                                                                 \
}

#define IMPL(name) static PyObject *name##_impl(PyObject *self, const char *s, Py_ssize_t len, \
                                                PyObject *const *args, Py_ssize_t nargs, \
                                                PyObject *kwnames)

static inline int is_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }
static inline int is_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
static inline int is_alpha(unsigned char c) { return is_lower(c) || is_upper(c); }
static inline int is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
static inline int is_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}
static inline unsigned char to_lower(unsigned char c) { return is_upper(c) ? c + 32 : c; }
static inline unsigned char to_upper(unsigned char c) { return is_lower(c) ? c - 32 : c; }

/* ---- case conversion ------------------------------------------------------ */

enum { B_LOWER, B_UPPER, B_SWAP, B_TITLE, B_CAP };

static PyObject *
bytes_case(PyObject *self, const char *s, Py_ssize_t len, int op)
{
    PyObject *res = maker(self)(NULL, len);
    if (res == NULL) {
        return NULL;
    }
    unsigned char *d = (unsigned char *)(PyBytes_Check(res) ? PyBytes_AS_STRING(res)
                                                            : PyByteArray_AS_STRING(res));
    int prev_cased = 0;
    for (Py_ssize_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        switch (op) {
        case B_LOWER: d[i] = to_lower(c); break;
        case B_UPPER: d[i] = to_upper(c); break;
        case B_SWAP: d[i] = is_lower(c) ? to_upper(c) : to_lower(c); break;
        case B_TITLE:
            d[i] = prev_cased ? to_lower(c) : to_upper(c);
            prev_cased = is_alpha(c);
            break;
        default:
            d[i] = i == 0 ? to_upper(c) : to_lower(c);
        }
    }
    return res;
}

#define CASE_IMPL(name, op)                                                  \
IMPL(name)                                                                   \
{                                                                            \
    if (no_args(#name, nargs, kwnames) < 0) return NULL;                     \
    return bytes_case(self, s, len, op);                                     \
}                                                                            \
DEFINE_METHOD(name)

CASE_IMPL(lower, B_LOWER)
CASE_IMPL(upper, B_UPPER)
CASE_IMPL(swapcase, B_SWAP)
CASE_IMPL(title, B_TITLE)
CASE_IMPL(capitalize, B_CAP)

/* ---- predicates --------------------------------------------------------- */

#define PRED_IMPL(name, test, empty)                                         \
IMPL(name)                                                                   \
{                                                                            \
    if (no_args(#name, nargs, kwnames) < 0) return NULL;                     \
    if (len == 0) return PyBool_FromLong(empty);                             \
    for (Py_ssize_t i = 0; i < len; i++) {                                   \
        unsigned char c = (unsigned char)s[i];                               \
        if (!(test)) Py_RETURN_FALSE;                                        \
    }                                                                        \
    Py_RETURN_TRUE;                                                          \
}                                                                            \
DEFINE_METHOD(name)

PRED_IMPL(isalnum, is_alpha(c) || is_digit(c), 0)
PRED_IMPL(isalpha, is_alpha(c), 0)
PRED_IMPL(isascii, c < 128, 1)
PRED_IMPL(isdigit, is_digit(c), 0)
PRED_IMPL(isspace, is_space(c), 0)

IMPL(islower)
{
    if (no_args("islower", nargs, kwnames) < 0) return NULL;
    int cased = 0;
    for (Py_ssize_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (is_upper(c)) Py_RETURN_FALSE;
        if (is_lower(c)) cased = 1;
    }
    return PyBool_FromLong(cased);
}
DEFINE_METHOD(islower)

IMPL(isupper)
{
    if (no_args("isupper", nargs, kwnames) < 0) return NULL;
    int cased = 0;
    for (Py_ssize_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (is_lower(c)) Py_RETURN_FALSE;
        if (is_upper(c)) cased = 1;
    }
    return PyBool_FromLong(cased);
}
DEFINE_METHOD(isupper)

IMPL(istitle)
{
    if (no_args("istitle", nargs, kwnames) < 0) return NULL;
    int cased = 0, prev = 0;
    for (Py_ssize_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (is_upper(c)) {
            if (prev) Py_RETURN_FALSE;
            prev = cased = 1;
        }
        else if (is_lower(c)) {
            if (!prev) Py_RETURN_FALSE;
            prev = cased = 1;
        }
        else {
            prev = 0;
        }
    }
    return PyBool_FromLong(cased);
}
DEFINE_METHOD(istitle)

/* ---- searching ------------------------------------------------------------ */

static Py_ssize_t
buf_find(const char *s, Py_ssize_t n, const char *sub, Py_ssize_t m, int direction)
{
    if (m == 0) {
        return direction > 0 ? 0 : n;
    }
    if (m > n) {
        return -1;
    }
    if (direction > 0) {
        const char *p = memmem(s, (size_t)n, sub, (size_t)m);
        return p ? p - s : -1;
    }
    if (m == 1) {
        const char *p = memrchr(s, sub[0], (size_t)n);
        return p ? p - s : -1;
    }
    for (Py_ssize_t i = n - m; i >= 0; i--) {
        if (s[i] == sub[0] && memcmp(s + i, sub, (size_t)m) == 0) {
            return i;
        }
    }
    return -1;
}

/* The `sub` argument of find/count/index: bytes-like or an int 0..255.
 * Fills view (release it) or *byte. */
static int
parse_sub(PyObject *arg, Py_buffer *view, char *byte, int *is_byte)
{
    *is_byte = 0;
    if (!PyBytes_Check(arg) && PyIndex_Check(arg)) {
        Py_ssize_t v = PyNumber_AsSsize_t(arg, NULL);
        if (v == -1 && PyErr_Occurred()) {
            return -1;
        }
        if (v < 0 || v > 255) {
            PyErr_SetString(PyExc_ValueError, "byte must be in range(0, 256)");
            return -1;
        }
        *byte = (char)v;
        *is_byte = 1;
        return 0;
    }
    if (!PyBytes_Check(arg) && !PyObject_CheckBuffer(arg)) {
        PyErr_Format(PyExc_TypeError,
                     "argument should be integer or bytes-like object, not '%.200s'",
                     Py_TYPE(arg)->tp_name);
        return -1;
    }
    return _PyBytes_GetBuffer(arg, view);
}

/* 0 found index in *res / -1 not found / -2 error; count mode fills *res. */
static PyObject *
find_common(const char *fname, const char *s, Py_ssize_t len, PyObject *const *args,
            Py_ssize_t nargs, PyObject *kwnames, int direction, int raise, int count)
{
    if (kwnames && PyTuple_GET_SIZE(kwnames)) {
        PyErr_Format(PyExc_TypeError, "%s() takes no keyword arguments", fname);
        return NULL;
    }
    PyObject *subobj;
    Py_ssize_t start, end;
    if (_PyStr_ParseSubStartEnd(fname, args, nargs, &subobj, &start, &end) < 0) {
        return NULL;
    }
    Py_buffer view;
    char byte;
    int is_byte;
    if (parse_sub(subobj, &view, &byte, &is_byte) < 0) {
        return NULL;
    }
    const char *sub = is_byte ? &byte : view.buf;
    Py_ssize_t m = is_byte ? 1 : view.len;
    _PyUnicode_AdjustIndices(&start, &end, len);
    Py_ssize_t r;
    if (count) {
        if (end - start < m) {
            r = 0;
        }
        else if (m == 0) {
            r = end - start + 1;
        }
        else {
            r = 0;
            Py_ssize_t pos = start;
            for (;;) {
                Py_ssize_t f = buf_find(s + pos, end - pos, sub, m, 1);
                if (f < 0) break;
                r++;
                pos += f + m;
            }
        }
    }
    else if (end - start < m) {
        r = -1;
    }
    else {
        r = buf_find(s + start, end - start, sub, m, direction);
        if (r >= 0) r += start;
    }
    if (!is_byte) {
        PyBuffer_Release(&view);
    }
    if (!count && r < 0 && raise) {
        PyErr_SetString(PyExc_ValueError, "subsection not found");
        return NULL;
    }
    return PyLong_FromSsize_t(r);
}

IMPL(find) { return find_common("find", s, len, args, nargs, kwnames, 1, 0, 0); }
DEFINE_METHOD(find)
IMPL(rfind) { return find_common("rfind", s, len, args, nargs, kwnames, -1, 0, 0); }
DEFINE_METHOD(rfind)
IMPL(index) { return find_common("index", s, len, args, nargs, kwnames, 1, 1, 0); }
DEFINE_METHOD(index)
IMPL(rindex) { return find_common("rindex", s, len, args, nargs, kwnames, -1, 1, 0); }
DEFINE_METHOD(rindex)
IMPL(count) { return find_common("count", s, len, args, nargs, kwnames, 1, 0, 1); }
DEFINE_METHOD(count)

int
_PyBytes_ContainsBuf(const char *s, Py_ssize_t len, PyObject *arg)
{
    Py_buffer view;
    char byte;
    int is_byte;
    if (!PyBytes_Check(arg) && !PyIndex_Check(arg) && !PyObject_CheckBuffer(arg)) {
        PyErr_Format(PyExc_TypeError, "a bytes-like object is required, not '%.100s'",
                     Py_TYPE(arg)->tp_name);
        return -1;
    }
    if (parse_sub(arg, &view, &byte, &is_byte) < 0) {
        return -1;
    }
    int r;
    if (is_byte) {
        r = memchr(s, byte, (size_t)len) != NULL;
    }
    else {
        r = buf_find(s, len, view.buf, view.len, 1) >= 0;
        PyBuffer_Release(&view);
    }
    return r;
}

static int
tailmatch_buf(const char *s, Py_ssize_t len, PyObject *subobj, Py_ssize_t start, Py_ssize_t end,
              int direction)
{
    Py_buffer view;
    if (_PyBytes_GetBuffer(subobj, &view) < 0) {
        return -1;
    }
    Py_ssize_t m = view.len;
    int r = 0;
    _PyUnicode_AdjustIndices(&start, &end, len);
    if (direction < 0) {
        if (start <= len && start + m <= end) {
            r = memcmp(s + start, view.buf, (size_t)m) == 0;
        }
    }
    else {
        if (end - start >= m && start <= len) {
            r = memcmp(s + end - m, view.buf, (size_t)m) == 0;
        }
    }
    PyBuffer_Release(&view);
    return r;
}

static PyObject *
startsendswith(const char *fname, const char *s, Py_ssize_t len, PyObject *const *args,
               Py_ssize_t nargs, PyObject *kwnames, int direction)
{
    if (kwnames && PyTuple_GET_SIZE(kwnames)) {
        PyErr_Format(PyExc_TypeError, "%s() takes no keyword arguments", fname);
        return NULL;
    }
    PyObject *sub;
    Py_ssize_t start, end;
    if (_PyStr_ParseSubStartEnd(fname, args, nargs, &sub, &start, &end) < 0) {
        return NULL;
    }
    if (PyTuple_Check(sub)) {
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(sub); i++) {
            int r = tailmatch_buf(s, len, PyTuple_GET_ITEM(sub, i), start, end, direction);
            if (r < 0) return NULL;
            if (r) Py_RETURN_TRUE;
        }
        Py_RETURN_FALSE;
    }
    if (!PyBytes_Check(sub) && !PyObject_CheckBuffer(sub)) {
        PyErr_Format(PyExc_TypeError, "%s first arg must be bytes or a tuple of bytes, not %.100s",
                     fname, Py_TYPE(sub)->tp_name);
        return NULL;
    }
    int r = tailmatch_buf(s, len, sub, start, end, direction);
    if (r < 0) return NULL;
    return PyBool_FromLong(r);
}

IMPL(startswith) { return startsendswith("startswith", s, len, args, nargs, kwnames, -1); }
DEFINE_METHOD(startswith)
IMPL(endswith) { return startsendswith("endswith", s, len, args, nargs, kwnames, 1); }
DEFINE_METHOD(endswith)

/* ---- split / partition ---------------------------------------------------- */

static int
append_piece(PyObject *list, make_fn make, const char *p, Py_ssize_t n)
{
    PyObject *b = make(p, n);
    if (b == NULL) return -1;
    int r = PyList_Append(list, b);
    Py_DECREF(b);
    return r;
}

static PyObject *
split_common(PyObject *self, const char *s, Py_ssize_t len, PyObject *const *args,
             Py_ssize_t nargs, PyObject *kwnames, const char *fname, int reverse)
{
    static const char *const names[] = {"sep", "maxsplit"};
    PyObject *a[2];
    if (_PyStr_BindArgs(fname, args, nargs, kwnames, names, 2, 0, 0, a) < 0) {
        return NULL;
    }
    Py_ssize_t maxcount = -1;
    if (a[1] != NULL) {
        maxcount = as_ssize(a[1]);
        if (maxcount == -1 && PyErr_Occurred()) return NULL;
    }
    if (maxcount < 0) maxcount = PY_SSIZE_T_MAX;
    make_fn make = maker(self);
    Py_buffer view;
    int have_sep = a[0] != NULL && a[0] != Py_None;
    if (have_sep) {
        if (_PyBytes_GetBuffer(a[0], &view) < 0) return NULL;
        if (view.len == 0) {
            PyBuffer_Release(&view);
            PyErr_SetString(PyExc_ValueError, "empty separator");
            return NULL;
        }
    }
    PyObject *list = PyList_New(0);
    if (list == NULL) goto fail;
    if (!have_sep) {
        if (!reverse) {
            Py_ssize_t i = 0;
            while (maxcount-- > 0) {
                while (i < len && is_space((unsigned char)s[i])) i++;
                if (i == len) break;
                Py_ssize_t j = i;
                while (i < len && !is_space((unsigned char)s[i])) i++;
                if (append_piece(list, make, s + j, i - j) < 0) goto fail;
            }
            while (i < len && is_space((unsigned char)s[i])) i++;
            if (i != len && append_piece(list, make, s + i, len - i) < 0) goto fail;
        }
        else {
            Py_ssize_t i = len - 1;
            while (maxcount-- > 0) {
                while (i >= 0 && is_space((unsigned char)s[i])) i--;
                if (i < 0) break;
                Py_ssize_t j = i;
                while (i >= 0 && !is_space((unsigned char)s[i])) i--;
                if (append_piece(list, make, s + i + 1, j - i) < 0) goto fail;
            }
            while (i >= 0 && is_space((unsigned char)s[i])) i--;
            if (i >= 0 && append_piece(list, make, s, i + 1) < 0) goto fail;
            if (PyList_Reverse(list) < 0) goto fail;
        }
        return list;
    }
    const char *sep = view.buf;
    Py_ssize_t m = view.len;
    if (!reverse) {
        Py_ssize_t pos = 0;
        while (maxcount-- > 0) {
            Py_ssize_t f = buf_find(s + pos, len - pos, sep, m, 1);
            if (f < 0) break;
            if (append_piece(list, make, s + pos, f) < 0) goto fail;
            pos += f + m;
        }
        if (append_piece(list, make, s + pos, len - pos) < 0) goto fail;
    }
    else {
        Py_ssize_t end = len;
        while (maxcount-- > 0) {
            Py_ssize_t f = buf_find(s, end, sep, m, -1);
            if (f < 0) break;
            if (append_piece(list, make, s + f + m, end - f - m) < 0) goto fail;
            end = f;
        }
        if (append_piece(list, make, s, end) < 0) goto fail;
        if (PyList_Reverse(list) < 0) goto fail;
    }
    PyBuffer_Release(&view);
    return list;
fail:
    if (have_sep) PyBuffer_Release(&view);
    Py_XDECREF(list);
    return NULL;
}

IMPL(split) { return split_common(self, s, len, args, nargs, kwnames, "split", 0); }
DEFINE_METHOD(split)
IMPL(rsplit) { return split_common(self, s, len, args, nargs, kwnames, "rsplit", 1); }
DEFINE_METHOD(rsplit)

IMPL(splitlines)
{
    static const char *const names[] = {"keepends"};
    PyObject *a[1];
    if (_PyStr_BindArgs("splitlines", args, nargs, kwnames, names, 1, 0, 0, a) < 0) {
        return NULL;
    }
    int keepends = 0;
    if (a[0] != NULL) {
        keepends = PyObject_IsTrue(a[0]);
        if (keepends < 0) return NULL;
    }
    make_fn make = maker(self);
    PyObject *list = PyList_New(0);
    if (list == NULL) return NULL;
    Py_ssize_t i = 0;
    while (i < len) {
        Py_ssize_t j = i;
        while (i < len && s[i] != '\n' && s[i] != '\r') i++;
        Py_ssize_t eol = i;
        if (i < len) {
            if (s[i] == '\r' && i + 1 < len && s[i + 1] == '\n') i += 2;
            else i++;
            if (keepends) eol = i;
        }
        if (append_piece(list, make, s + j, eol - j) < 0) {
            Py_DECREF(list);
            return NULL;
        }
    }
    return list;
}
DEFINE_METHOD(splitlines)

static PyObject *
partition_common(PyObject *self, const char *s, Py_ssize_t len, PyObject *const *args,
                 Py_ssize_t nargs, PyObject *kwnames, const char *fname, int reverse)
{
    if (positional_only(fname, nargs, kwnames, 1, 1) < 0) return NULL;
    Py_buffer view;
    if (_PyBytes_GetBuffer(args[0], &view) < 0) return NULL;
    if (view.len == 0) {
        PyBuffer_Release(&view);
        PyErr_SetString(PyExc_ValueError, "empty separator");
        return NULL;
    }
    make_fn make = maker(self);
    Py_ssize_t f = buf_find(s, len, view.buf, view.len, reverse ? -1 : 1);
    PyObject *a, *b, *c;
    if (f < 0) {
        if (reverse) {
            a = make(NULL, 0); b = make(NULL, 0); c = make(s, len);
        }
        else {
            a = make(s, len); b = make(NULL, 0); c = make(NULL, 0);
        }
    }
    else {
        a = make(s, f);
        b = make(view.buf, view.len);
        c = make(s + f + view.len, len - f - view.len);
    }
    PyBuffer_Release(&view);
    PyObject *t = NULL;
    if (a && b && c) t = PyTuple_Pack(3, a, b, c);
    Py_XDECREF(a);
    Py_XDECREF(b);
    Py_XDECREF(c);
    return t;
}

IMPL(partition) { return partition_common(self, s, len, args, nargs, kwnames, "partition", 0); }
DEFINE_METHOD(partition)
IMPL(rpartition) { return partition_common(self, s, len, args, nargs, kwnames, "rpartition", 1); }
DEFINE_METHOD(rpartition)

/* ---- strip ----------------------------------------------------------------- */

static PyObject *
strip_common(PyObject *self, const char *s, Py_ssize_t len, PyObject *const *args,
             Py_ssize_t nargs, PyObject *kwnames, const char *fname, int left, int right)
{
    if (positional_only(fname, nargs, kwnames, 0, 1) < 0) return NULL;
    Py_buffer view;
    int have = nargs == 1 && args[0] != Py_None;
    if (have && _PyBytes_GetBuffer(args[0], &view) < 0) return NULL;
    Py_ssize_t i = 0, j = len;
#define STRIPPED(c) (have ? memchr(view.buf, (c), (size_t)view.len) != NULL : is_space((unsigned char)(c)))
    if (left) while (i < j && STRIPPED(s[i])) i++;
    if (right) while (j > i && STRIPPED(s[j - 1])) j--;
#undef STRIPPED
    if (have) PyBuffer_Release(&view);
    return maker(self)(s + i, j - i);
}

IMPL(strip) { return strip_common(self, s, len, args, nargs, kwnames, "strip", 1, 1); }
DEFINE_METHOD(strip)
IMPL(lstrip) { return strip_common(self, s, len, args, nargs, kwnames, "lstrip", 1, 0); }
DEFINE_METHOD(lstrip)
IMPL(rstrip) { return strip_common(self, s, len, args, nargs, kwnames, "rstrip", 0, 1); }
DEFINE_METHOD(rstrip)

IMPL(removeprefix)
{
    if (positional_only("removeprefix", nargs, kwnames, 1, 1) < 0) return NULL;
    Py_buffer view;
    if (_PyBytes_GetBuffer(args[0], &view) < 0) return NULL;
    Py_ssize_t skip = 0;
    if (view.len <= len && memcmp(s, view.buf, (size_t)view.len) == 0) skip = view.len;
    PyBuffer_Release(&view);
    return maker(self)(s + skip, len - skip);
}
DEFINE_METHOD(removeprefix)

IMPL(removesuffix)
{
    if (positional_only("removesuffix", nargs, kwnames, 1, 1) < 0) return NULL;
    Py_buffer view;
    if (_PyBytes_GetBuffer(args[0], &view) < 0) return NULL;
    Py_ssize_t cut = 0;
    if (view.len && view.len <= len && memcmp(s + len - view.len, view.buf, (size_t)view.len) == 0) {
        cut = view.len;
    }
    PyBuffer_Release(&view);
    return maker(self)(s, len - cut);
}
DEFINE_METHOD(removesuffix)

/* ---- padding --------------------------------------------------------------- */

static PyObject *
pad_buf(PyObject *self, const char *s, Py_ssize_t len, Py_ssize_t left, Py_ssize_t right, char fill)
{
    if (left < 0) left = 0;
    if (right < 0) right = 0;
    if (left > PY_SSIZE_T_MAX - len || right > PY_SSIZE_T_MAX - len - left) {
        PyErr_SetString(PyExc_OverflowError, "padded string is too long");
        return NULL;
    }
    PyObject *res = maker(self)(NULL, left + len + right);
    if (res == NULL) return NULL;
    char *d = PyBytes_Check(res) ? PyBytes_AS_STRING(res) : PyByteArray_AS_STRING(res);
    memset(d, fill, (size_t)left);
    memcpy(d + left, s, (size_t)len);
    memset(d + left + len, fill, (size_t)right);
    return res;
}

static int
parse_width_fill(const char *fname, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames,
                 Py_ssize_t *width, char *fill)
{
    if (positional_only(fname, nargs, kwnames, 1, 2) < 0) return -1;
    *width = as_ssize(args[0]);
    if (*width == -1 && PyErr_Occurred()) return -1;
    *fill = ' ';
    if (nargs > 1) {
        PyObject *f = args[1];
        if (PyBytes_Check(f) && PyBytes_GET_SIZE(f) == 1) {
            *fill = PyBytes_AS_STRING(f)[0];
        }
        else if (PyByteArray_Check(f) && PyByteArray_GET_SIZE(f) == 1) {
            *fill = PyByteArray_AS_STRING(f)[0];
        }
        else {
            PyErr_Format(PyExc_TypeError,
                         "%s() argument 2 must be a byte string of length 1, not %.50s",
                         fname, Py_TYPE(f)->tp_name);
            return -1;
        }
    }
    return 0;
}

IMPL(center)
{
    Py_ssize_t width;
    char fill;
    if (parse_width_fill("center", args, nargs, kwnames, &width, &fill) < 0) return NULL;
    if (len >= width) return maker(self)(s, len);
    Py_ssize_t marg = width - len;
    Py_ssize_t left = marg / 2 + (marg & width & 1);
    return pad_buf(self, s, len, left, marg - left, fill);
}
DEFINE_METHOD(center)

IMPL(ljust)
{
    Py_ssize_t width;
    char fill;
    if (parse_width_fill("ljust", args, nargs, kwnames, &width, &fill) < 0) return NULL;
    return pad_buf(self, s, len, 0, width - len, fill);
}
DEFINE_METHOD(ljust)

IMPL(rjust)
{
    Py_ssize_t width;
    char fill;
    if (parse_width_fill("rjust", args, nargs, kwnames, &width, &fill) < 0) return NULL;
    return pad_buf(self, s, len, width - len, 0, fill);
}
DEFINE_METHOD(rjust)

IMPL(zfill)
{
    if (positional_only("zfill", nargs, kwnames, 1, 1) < 0) return NULL;
    Py_ssize_t width = as_ssize(args[0]);
    if (width == -1 && PyErr_Occurred()) return NULL;
    if (len >= width) return maker(self)(s, len);
    Py_ssize_t fillc = width - len;
    PyObject *res = pad_buf(self, s, len, fillc, 0, '0');
    if (res == NULL) return NULL;
    char *d = PyBytes_Check(res) ? PyBytes_AS_STRING(res) : PyByteArray_AS_STRING(res);
    if (d[fillc] == '+' || d[fillc] == '-') {
        d[0] = d[fillc];
        d[fillc] = '0';
    }
    return res;
}
DEFINE_METHOD(zfill)

IMPL(expandtabs)
{
    static const char *const names[] = {"tabsize"};
    PyObject *a[1];
    if (_PyStr_BindArgs("expandtabs", args, nargs, kwnames, names, 1, 0, 0, a) < 0) return NULL;
    Py_ssize_t tabsize = 8;
    if (a[0] != NULL) {
        tabsize = as_ssize(a[0]);
        if (tabsize == -1 && PyErr_Occurred()) return NULL;
    }
    /* first pass: the length */
    Py_ssize_t total = 0, col = 0;
    for (Py_ssize_t i = 0; i < len; i++) {
        if (s[i] == '\t') {
            if (tabsize > 0) {
                Py_ssize_t incr = tabsize - (col % tabsize);
                if (total > PY_SSIZE_T_MAX - incr) goto overflow;
                col += incr;
                total += incr;
            }
        }
        else {
            if (total > PY_SSIZE_T_MAX - 1) goto overflow;
            total++;
            col++;
            if (s[i] == '\n' || s[i] == '\r') col = 0;
        }
    }
    PyObject *res = maker(self)(NULL, total);
    if (res == NULL) return NULL;
    char *d = PyBytes_Check(res) ? PyBytes_AS_STRING(res) : PyByteArray_AS_STRING(res);
    col = 0;
    for (Py_ssize_t i = 0; i < len; i++) {
        if (s[i] == '\t') {
            if (tabsize > 0) {
                Py_ssize_t incr = tabsize - (col % tabsize);
                memset(d, ' ', (size_t)incr);
                d += incr;
                col += incr;
            }
        }
        else {
            *d++ = s[i];
            col++;
            if (s[i] == '\n' || s[i] == '\r') col = 0;
        }
    }
    return res;
overflow:
    PyErr_SetString(PyExc_OverflowError, "result too long");
    return NULL;
}
DEFINE_METHOD(expandtabs)

/* ---- replace / translate / join ------------------------------------------- */

IMPL(replace)
{
    static const char *const names[] = {"", "", "count"};
    PyObject *a[3];
    if (_PyStr_BindArgs("replace", args, nargs, kwnames, names, 3, 2, 2, a) < 0) return NULL;
    Py_ssize_t count = -1;
    if (a[2] != NULL) {
        count = as_ssize(a[2]);
        if (count == -1 && PyErr_Occurred()) return NULL;
    }
    if (count < 0) count = PY_SSIZE_T_MAX;
    Py_buffer from, to;
    if (_PyBytes_GetBuffer(a[0], &from) < 0) return NULL;
    if (_PyBytes_GetBuffer(a[1], &to) < 0) {
        PyBuffer_Release(&from);
        return NULL;
    }
    char *buf = NULL;
    Py_ssize_t blen = 0, bcap = 0;
    PyObject *res = NULL;
#define BPUT(p, n) do { \
        Py_ssize_t n_ = (n); \
        if (blen + n_ > bcap) { \
            Py_ssize_t nc = Py_MAX(bcap * 2, blen + n_); \
            if (nc < 64) nc = 64; \
            char *nb = PyMem_Realloc(buf, (size_t)nc); \
            if (nb == NULL) { PyErr_NoMemory(); goto done; } \
            buf = nb; bcap = nc; \
        } \
        memcpy(buf + blen, (p), (size_t)n_); blen += n_; } while (0)
    if (from.len == 0) {
        Py_ssize_t n = 0;
        for (Py_ssize_t i = 0; i <= len; i++) {
            if (n < count) {
                BPUT(to.buf, to.len);
                n++;
            }
            if (i < len) BPUT(s + i, 1);
        }
    }
    else {
        Py_ssize_t pos = 0, n = 0;
        while (n < count) {
            Py_ssize_t f = buf_find(s + pos, len - pos, from.buf, from.len, 1);
            if (f < 0) break;
            BPUT(s + pos, f);
            BPUT(to.buf, to.len);
            pos += f + from.len;
            n++;
        }
        BPUT(s + pos, len - pos);
    }
#undef BPUT
    res = maker(self)(buf ? buf : "", blen);
done:
    PyMem_Free(buf);
    PyBuffer_Release(&from);
    PyBuffer_Release(&to);
    return res;
}
DEFINE_METHOD(replace)

IMPL(translate)
{
    static const char *const names[] = {"", "delete"};
    PyObject *a[2];
    if (_PyStr_BindArgs("translate", args, nargs, kwnames, names, 2, 1, 1, a) < 0) return NULL;
    Py_buffer table, del;
    int have_table = a[0] != Py_None, have_del = a[1] != NULL;
    if (have_table) {
        if (_PyBytes_GetBuffer(a[0], &table) < 0) return NULL;
        if (table.len != 256) {
            PyBuffer_Release(&table);
            PyErr_SetString(PyExc_ValueError, "translation table must be 256 characters long");
            return NULL;
        }
    }
    if (have_del && _PyBytes_GetBuffer(a[1], &del) < 0) {
        if (have_table) PyBuffer_Release(&table);
        return NULL;
    }
    char delmap[256] = {0};
    if (have_del) {
        for (Py_ssize_t i = 0; i < del.len; i++) {
            delmap[((unsigned char *)del.buf)[i]] = 1;
        }
    }
    char *out = PyMem_Malloc((size_t)len + 1);
    PyObject *res = NULL;
    if (out == NULL) {
        PyErr_NoMemory();
    }
    else {
        Py_ssize_t o = 0;
        for (Py_ssize_t i = 0; i < len; i++) {
            unsigned char c = (unsigned char)s[i];
            if (delmap[c]) continue;
            out[o++] = have_table ? ((char *)table.buf)[c] : (char)c;
        }
        res = maker(self)(out, o);
        PyMem_Free(out);
    }
    if (have_table) PyBuffer_Release(&table);
    if (have_del) PyBuffer_Release(&del);
    return res;
}
DEFINE_METHOD(translate)

PyObject *
_Py_bytes_maketrans(PyObject *Py_UNUSED(cls), PyObject *const *args, Py_ssize_t nargs)
{
    if (positional_only("maketrans", nargs, NULL, 2, 2) < 0) return NULL;
    Py_buffer frm, to;
    if (_PyBytes_GetBuffer(args[0], &frm) < 0) return NULL;
    if (_PyBytes_GetBuffer(args[1], &to) < 0) {
        PyBuffer_Release(&frm);
        return NULL;
    }
    PyObject *res = NULL;
    if (frm.len != to.len) {
        PyErr_SetString(PyExc_ValueError, "maketrans arguments must have same length");
    }
    else {
        res = PyBytes_FromStringAndSize(NULL, 256);
        if (res != NULL) {
            unsigned char *p = (unsigned char *)PyBytes_AS_STRING(res);
            for (int i = 0; i < 256; i++) p[i] = (unsigned char)i;
            for (Py_ssize_t i = 0; i < frm.len; i++) {
                p[((unsigned char *)frm.buf)[i]] = ((unsigned char *)to.buf)[i];
            }
        }
    }
    PyBuffer_Release(&frm);
    PyBuffer_Release(&to);
    return res;
}

IMPL(join)
{
    if (positional_only("join", nargs, kwnames, 1, 1) < 0) return NULL;
    PyObject *seq = PySequence_Fast(args[0], "can only join an iterable");
    if (seq == NULL) return NULL;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
    PyObject *const *items = PySequence_Fast_ITEMS(seq);
    Py_buffer *views = PyMem_Calloc((size_t)(n ? n : 1), sizeof(Py_buffer));
    PyObject *res = NULL;
    Py_ssize_t nviews = 0, total = 0;
    if (views == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *item = items[i];
        if (!PyBytes_Check(item) && !PyObject_CheckBuffer(item)) {
            PyErr_Format(PyExc_TypeError, "sequence item %zd: expected a bytes-like object, %.80s found",
                         i, Py_TYPE(item)->tp_name);
            goto done;
        }
        if (_PyBytes_GetBuffer(item, &views[i]) < 0) goto done;
        nviews++;
        if (views[i].len > PY_SSIZE_T_MAX - total || (i && len > PY_SSIZE_T_MAX - total - views[i].len)) {
            PyErr_SetString(PyExc_OverflowError, "join() result is too long");
            goto done;
        }
        total += views[i].len + (i ? len : 0);
    }
    res = maker(self)(NULL, total);
    if (res == NULL) goto done;
    char *d = PyBytes_Check(res) ? PyBytes_AS_STRING(res) : PyByteArray_AS_STRING(res);
    for (Py_ssize_t i = 0; i < n; i++) {
        if (i && len) {
            memcpy(d, s, (size_t)len);
            d += len;
        }
        memcpy(d, views[i].buf, (size_t)views[i].len);
        d += views[i].len;
    }
done:
    for (Py_ssize_t i = 0; i < nviews; i++) PyBuffer_Release(&views[i]);
    PyMem_Free(views);
    Py_DECREF(seq);
    return res;
}
DEFINE_METHOD(join)

/* ---- decode / hex ----------------------------------------------------------- */

IMPL(decode)
{
    static const char *const names[] = {"encoding", "errors"};
    PyObject *a[2];
    if (_PyStr_BindArgs("decode", args, nargs, kwnames, names, 2, 0, 0, a) < 0) return NULL;
    const char *enc = NULL, *err = NULL;
    for (int i = 0; i < 2; i++) {
        if (a[i] == NULL) continue;
        if (!PyUnicode_Check(a[i])) {
            PyErr_Format(PyExc_TypeError, "decode() argument '%s' must be str, not %.50s",
                         names[i], Py_TYPE(a[i])->tp_name);
            return NULL;
        }
        const char *v = PyUnicode_AsUTF8(a[i]);
        if (v == NULL) return NULL;
        if (i == 0) enc = v; else err = v;
    }
    return PyUnicode_Decode(s, len, enc, err);
}
DEFINE_METHOD(decode)

PyObject *
_PyBytes_HexBuf(const char *s, Py_ssize_t len, PyObject *sep, PyObject *bytes_per_sep_obj)
{
    static const char hexd[] = "0123456789abcdef";
    char sepc = 0;
    Py_ssize_t per = 1;
    if (sep != NULL) {
        Py_ssize_t n;
        const char *p;
        if (PyUnicode_Check(sep)) {
            if (PyUnicode_GET_LENGTH(sep) != 1) {
                PyErr_SetString(PyExc_ValueError, "sep must be length 1.");
                return NULL;
            }
            if (PyUnicode_READ_CHAR(sep, 0) > 127) {
                PyErr_SetString(PyExc_ValueError, "sep must be ASCII.");
                return NULL;
            }
            sepc = (char)PyUnicode_READ_CHAR(sep, 0);
        }
        else if (PyBytes_Check(sep)) {
            n = PyBytes_GET_SIZE(sep);
            p = PyBytes_AS_STRING(sep);
            if (n != 1) {
                PyErr_SetString(PyExc_ValueError, "sep must be length 1.");
                return NULL;
            }
            if ((unsigned char)p[0] > 127) {
                PyErr_SetString(PyExc_ValueError, "sep must be ASCII.");
                return NULL;
            }
            sepc = p[0];
        }
        else {
            PyErr_SetString(PyExc_TypeError, "sep must be str or bytes.");
            return NULL;
        }
        if (bytes_per_sep_obj != NULL) {
            per = as_ssize(bytes_per_sep_obj);
            if (per == -1 && PyErr_Occurred()) return NULL;
        }
    }
    if (len == 0) {
        return _PyUnicode_GetEmpty();
    }
    Py_ssize_t absper = per < 0 ? -per : per;
    Py_ssize_t nseps = (sepc && absper) ? (len - 1) / absper : 0;
    if (len > (PY_SSIZE_T_MAX - nseps) / 2) {
        return PyErr_NoMemory();
    }
    Py_ssize_t outlen = len * 2 + nseps;
    PyObject *res = PyUnicode_New(outlen, 127);
    if (res == NULL) return NULL;
    char *d = (char *)PyUnicode_1BYTE_DATA(res);
    Py_ssize_t o = 0;
    for (Py_ssize_t i = 0; i < len; i++) {
        if (nseps && i > 0) {
            /* positive: groups counted from the right; negative: from the left */
            Py_ssize_t k = per > 0 ? (len - i) : i;
            if (k % absper == 0) d[o++] = sepc;
        }
        unsigned char c = (unsigned char)s[i];
        d[o++] = hexd[c >> 4];
        d[o++] = hexd[c & 0xf];
    }
    return res;
}

IMPL(hex)
{
    static const char *const names[] = {"sep", "bytes_per_sep"};
    PyObject *a[2];
    if (_PyStr_BindArgs("hex", args, nargs, kwnames, names, 2, 0, 0, a) < 0) return NULL;
    return _PyBytes_HexBuf(s, len, a[0], a[1]);
}
DEFINE_METHOD(hex)

PyObject *
_PyBytes_FromHex(PyObject *string, int use_bytearray)
{
    if (!PyUnicode_Check(string)) {
        PyErr_Format(PyExc_TypeError, "fromhex() argument must be str, not %.50s",
                     Py_TYPE(string)->tp_name);
        return NULL;
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(string);
    char *buf = PyMem_Malloc((size_t)(n / 2 + 1));
    if (buf == NULL) return PyErr_NoMemory();
    Py_ssize_t o = 0, i = 0;
    while (i < n) {
        Py_UCS4 c = PyUnicode_READ_CHAR(string, i);
        if (Py_UNICODE_ISSPACE(c) && c < 128) {
            i++;
            continue;
        }
        int hi = (c < 128) ? (c >= '0' && c <= '9' ? (int)c - '0' :
                              c >= 'a' && c <= 'f' ? (int)c - 'a' + 10 :
                              c >= 'A' && c <= 'F' ? (int)c - 'A' + 10 : -1) : -1;
        if (hi < 0) goto error;
        if (i + 1 >= n) {
            i++;
            goto error;
        }
        Py_UCS4 c2 = PyUnicode_READ_CHAR(string, i + 1);
        int lo = (c2 < 128) ? (c2 >= '0' && c2 <= '9' ? (int)c2 - '0' :
                               c2 >= 'a' && c2 <= 'f' ? (int)c2 - 'a' + 10 :
                               c2 >= 'A' && c2 <= 'F' ? (int)c2 - 'A' + 10 : -1) : -1;
        if (lo < 0) {
            i++;
            goto error;
        }
        buf[o++] = (char)(hi * 16 + lo);
        i += 2;
    }
    PyObject *res = use_bytearray ? PyByteArray_FromStringAndSize(buf, o)
                                  : PyBytes_FromStringAndSize(buf, o);
    PyMem_Free(buf);
    return res;
error:
    PyMem_Free(buf);
    PyErr_Format(PyExc_ValueError, "non-hexadecimal number found in fromhex() arg at position %zd", i);
    return NULL;
}

/* ---- repr --------------------------------------------------------------------- */

PyObject *
_PyBytes_ReprBuf(const char *s, Py_ssize_t len, int smartquotes, const char *prefix,
                 const char *suffix)
{
    static const char hexd[] = "0123456789abcdef";
    int bytearray_style = suffix[0] != '\0';
    Py_ssize_t squotes = 0, dquotes = 0;
    if (smartquotes) {
        for (Py_ssize_t i = 0; i < len; i++) {
            if (s[i] == '\'') squotes++;
            else if (s[i] == '"') dquotes++;
        }
    }
    char quote = (squotes && !dquotes) ? '"' : '\'';
    size_t plen = strlen(prefix), slen = strlen(suffix);
    if (len > (PY_SSIZE_T_MAX - 10 - (Py_ssize_t)(plen + slen)) / 4) {
        PyErr_SetString(PyExc_OverflowError, "bytes object is too large to make repr");
        return NULL;
    }
    char *buf = PyMem_Malloc((size_t)len * 4 + plen + slen + 4);
    if (buf == NULL) return PyErr_NoMemory();
    char *p = buf;
    memcpy(p, prefix, plen);
    p += plen;
    *p++ = quote;
    for (Py_ssize_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == (unsigned char)quote || c == '\\' || (bytearray_style && c == '\'')) {
            *p++ = '\\';
            *p++ = (char)c;
        }
        else if (c == '\t') { *p++ = '\\'; *p++ = 't'; }
        else if (c == '\n') { *p++ = '\\'; *p++ = 'n'; }
        else if (c == '\r') { *p++ = '\\'; *p++ = 'r'; }
        else if (c < ' ' || c >= 0x7f) {
            *p++ = '\\'; *p++ = 'x'; *p++ = hexd[c >> 4]; *p++ = hexd[c & 0xf];
        }
        else {
            *p++ = (char)c;
        }
    }
    *p++ = quote;
    memcpy(p, suffix, slen);
    p += slen;
    PyObject *res = _PyUnicode_FromASCII(buf, p - buf);
    PyMem_Free(buf);
    return res;
}

/* ---- building from iterables of ints ------------------------------------------ */

int
_PyBytes_CollectInts(PyObject *iterable, char **pbuf, Py_ssize_t *plen)
{
    PyObject *it = PyObject_GetIter(iterable);
    if (it == NULL) return -1;
    char *buf = *pbuf;
    Py_ssize_t len = *plen, cap = len;
    PyObject *item;
    while ((item = PyIter_Next(it)) != NULL) {
        if (!PyIndex_Check(item)) {
            PyErr_Format(PyExc_TypeError, "'%.200s' object cannot be interpreted as an integer",
                         Py_TYPE(item)->tp_name);
            Py_DECREF(item);
            goto fail;
        }
        Py_ssize_t v = PyNumber_AsSsize_t(item, NULL);
        Py_DECREF(item);
        if (v == -1 && PyErr_Occurred()) goto fail;
        if (v < 0 || v > 255) {
            PyErr_SetString(PyExc_ValueError, "bytes must be in range(0, 256)");
            goto fail;
        }
        if (len >= cap) {
            Py_ssize_t nc = cap < 16 ? 16 : cap * 2;
            char *nb = PyMem_Realloc(buf, (size_t)nc);
            if (nb == NULL) {
                PyErr_NoMemory();
                goto fail;
            }
            buf = nb;
            cap = nc;
        }
        buf[len++] = (char)v;
    }
    Py_DECREF(it);
    if (PyErr_Occurred()) {
        *pbuf = buf;
        *plen = len;
        return -1;
    }
    *pbuf = buf;
    *plen = len;
    return 0;
fail:
    Py_DECREF(it);
    *pbuf = buf;
    *plen = len;
    return -1;
}
