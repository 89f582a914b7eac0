/* bytearrayobject.c: the bytearray type, a mutable byte buffer.  Resizing,
 * the constructor (bytearray(source, encoding, errors) in __init__), repr,
 * comparison, sequence and mapping slots including slice assignment and
 * deletion, the buffer protocol (a live export forbids resizing), the
 * mutation methods (append, extend, insert, pop, remove, reverse, clear,
 * copy), += and *=, % formatting, and the iterator.  Every access to the
 * buffer runs in a critical section on the object (free-threaded build).
 * The methods shared with bytes are in bytes_methods.c. */
#include "Python.h"
#include "pycore_unicodeobject.h"
#include "pycore_bytes_methods.h"

char _PyByteArray_empty_string[] = "";

#define BA(op) ((PyByteArrayObject *)(op))

/* ---- resizing ------------------------------------------------------------ */

/* With the critical section held. */
static int
ba_resize_locked(PyByteArrayObject *self, Py_ssize_t size)
{
    if (size < 0) {
        PyErr_SetString(PyExc_SystemError, "Negative size passed to PyByteArray_Resize");
        return -1;
    }
    Py_ssize_t oldsize = Py_SIZE(self);
    if (size == oldsize) {
        return 0;
    }
    if (self->ob_exports > 0) {
        PyErr_SetString(PyExc_BufferError,
                        "Existing exports of data: object cannot be re-sized");
        return -1;
    }
    Py_ssize_t offset = self->ob_bytes ? self->ob_start - self->ob_bytes : 0;
    Py_ssize_t alloc = self->ob_alloc;
    if (size + offset + 1 <= alloc && size + 1 >= alloc / 2) {
        /* fits and not too wasteful: adjust in place */
        Py_SET_SIZE(self, size);
        self->ob_start[size] = '\0';
        return 0;
    }
    Py_ssize_t newalloc;
    if (size + 1 > alloc || size + 1 < alloc / 2) {
        if (size > oldsize && size <= (PY_SSIZE_T_MAX - 6) / 9 * 8) {
            newalloc = size + (size >> 3) + (size < 9 ? 3 : 6) + 1;
        }
        else {
            newalloc = size + 1;
        }
    }
    else {
        newalloc = alloc;
    }
    if (size >= PY_SSIZE_T_MAX - 1) {
        PyErr_NoMemory();
        return -1;
    }
    if (offset > 0) {
        memmove(self->ob_bytes, self->ob_start, (size_t)Py_MIN(size, oldsize));
    }
    char *nb = PyMem_Realloc(self->ob_bytes, (size_t)newalloc);
    if (nb == NULL) {
        /* keep the object consistent: data moved to the front */
        if (offset > 0) {
            self->ob_start = self->ob_bytes;
            Py_SET_SIZE(self, Py_MIN(size, oldsize));
            self->ob_start[Py_SIZE(self)] = '\0';
        }
        PyErr_NoMemory();
        return -1;
    }
    self->ob_bytes = self->ob_start = nb;
    self->ob_alloc = newalloc;
    Py_SET_SIZE(self, size);
    nb[size] = '\0';
    return 0;
}

int
PyByteArray_Resize(PyObject *self, Py_ssize_t size)
{
    int r;
    Py_BEGIN_CRITICAL_SECTION(self);
    r = ba_resize_locked(BA(self), size);
    Py_END_CRITICAL_SECTION();
    return r;
}

PyObject *
PyByteArray_FromStringAndSize(const char *bytes, Py_ssize_t size)
{
    if (size < 0) {
        PyErr_SetString(PyExc_SystemError,
                        "Negative size passed to PyByteArray_FromStringAndSize");
        return NULL;
    }
    PyByteArrayObject *new = PyObject_New(PyByteArrayObject, &PyByteArray_Type);
    if (new == NULL) {
        return NULL;
    }
    Py_SET_SIZE(new, 0);
    new->ob_bytes = new->ob_start = NULL;
    new->ob_alloc = 0;
    new->ob_exports = 0;
    if (size > 0) {
        new->ob_bytes = PyMem_Malloc((size_t)size + 1);
        if (new->ob_bytes == NULL) {
            Py_DECREF(new);
            return PyErr_NoMemory();
        }
        if (bytes != NULL) {
            memcpy(new->ob_bytes, bytes, (size_t)size);
        }
        new->ob_bytes[size] = '\0';
        new->ob_start = new->ob_bytes;
        new->ob_alloc = size + 1;
        Py_SET_SIZE(new, size);
    }
    return (PyObject *)new;
}

Py_ssize_t
PyByteArray_Size(PyObject *self)
{
    if (!PyByteArray_Check(self)) {
        PyErr_BadInternalCall();
        return -1;
    }
    return PyByteArray_GET_SIZE(self);
}

char *
PyByteArray_AsString(PyObject *self)
{
    if (!PyByteArray_Check(self)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    return PyByteArray_AS_STRING(self);
}

PyObject *
PyByteArray_FromObject(PyObject *input)
{
    return PyObject_CallOneArg((PyObject *)&PyByteArray_Type, input);
}

PyObject *
PyByteArray_Concat(PyObject *a, PyObject *b)
{
    Py_buffer va, vb;
    if (_PyBytes_GetBuffer(a, &va) < 0) {
        return NULL;
    }
    if (!PyBytes_Check(b) && !PyObject_CheckBuffer(b)) {
        PyErr_Format(PyExc_TypeError, "can't concat %.100s to %.100s",
                     Py_TYPE(b)->tp_name, Py_TYPE(a)->tp_name);
        PyBuffer_Release(&va);
        return NULL;
    }
    if (_PyBytes_GetBuffer(b, &vb) < 0) {
        PyBuffer_Release(&va);
        return NULL;
    }
    PyObject *r = NULL;
    if (va.len > PY_SSIZE_T_MAX - vb.len) {
        PyErr_NoMemory();
    }
    else {
        r = PyByteArray_FromStringAndSize(NULL, va.len + vb.len);
        if (r != NULL && va.len + vb.len) {
            memcpy(BA(r)->ob_bytes, va.buf, (size_t)va.len);
            memcpy(BA(r)->ob_bytes + va.len, vb.buf, (size_t)vb.len);
        }
    }
    PyBuffer_Release(&va);
    PyBuffer_Release(&vb);
    return r;
}

/* ---- buffer protocol ------------------------------------------------------ */

static int
bytearray_getbuffer(PyObject *op, Py_buffer *view, int flags)
{
    int r;
    Py_BEGIN_CRITICAL_SECTION(op);
    PyByteArrayObject *self = BA(op);
    if (view == NULL) {
        PyErr_SetString(PyExc_BufferError, "bytearray_getbuffer: view==NULL argument is obsolete");
        r = -1;
    }
    else {
        r = PyBuffer_FillInfo(view, op, PyByteArray_AS_STRING(op), Py_SIZE(self), 0, flags);
        if (r == 0) {
            self->ob_exports++;
        }
    }
    Py_END_CRITICAL_SECTION();
    return r;
}

static void
bytearray_releasebuffer(PyObject *op, Py_buffer *view)
{
    Py_BEGIN_CRITICAL_SECTION(op);
    BA(op)->ob_exports--;
    Py_END_CRITICAL_SECTION();
}

/* ---- basic slots ---------------------------------------------------------- */

static void
bytearray_dealloc(PyObject *op)
{
    PyByteArrayObject *self = BA(op);
    if (self->ob_exports > 0) {
        PyErr_SetString(PyExc_SystemError, "deallocated bytearray object has exported buffers");
        PyErr_WriteUnraisable(op);
    }
    PyMem_Free(self->ob_bytes);
    Py_TYPE(op)->tp_free(op);
}

static PyObject *
bytearray_repr(PyObject *op)
{
    PyObject *r;
    Py_BEGIN_CRITICAL_SECTION(op);
    const char *tname = Py_TYPE(op)->tp_name;
    const char *dot = strrchr(tname, '.');
    if (dot) tname = dot + 1;
    char prefix[256];
    snprintf(prefix, sizeof prefix, "%.200s(b", tname);
    r = _PyBytes_ReprBuf(PyByteArray_AS_STRING(op), Py_SIZE(op), 1, prefix, ")");
    Py_END_CRITICAL_SECTION();
    return r;
}

static PyObject *
bytearray_richcompare(PyObject *self, PyObject *other, int op)
{
    if (!PyObject_CheckBuffer(self) || !PyObject_CheckBuffer(other)) {
        if (PyUnicode_Check(self) || PyUnicode_Check(other)) {
            /* -b warning not implemented */
        }
        Py_RETURN_NOTIMPLEMENTED;
    }
    Py_buffer a, b;
    if (PyObject_GetBuffer(self, &a, PyBUF_SIMPLE) < 0) {
        PyErr_Clear();
        Py_RETURN_NOTIMPLEMENTED;
    }
    if (PyObject_GetBuffer(other, &b, PyBUF_SIMPLE) < 0) {
        PyErr_Clear();
        PyBuffer_Release(&a);
        Py_RETURN_NOTIMPLEMENTED;
    }
    int res;
    if ((op == Py_EQ || op == Py_NE) && a.len != b.len) {
        res = op == Py_NE;
    }
    else {
        int c = memcmp(a.buf, b.buf, (size_t)Py_MIN(a.len, b.len));
        if (c == 0) c = a.len < b.len ? -1 : (a.len > b.len ? 1 : 0);
        switch (op) {
        case Py_LT: res = c < 0; break;
        case Py_LE: res = c <= 0; break;
        case Py_EQ: res = c == 0; break;
        case Py_NE: res = c != 0; break;
        case Py_GT: res = c > 0; break;
        default: res = c >= 0; break;
        }
    }
    PyBuffer_Release(&a);
    PyBuffer_Release(&b);
    return PyBool_FromLong(res);
}

static Py_ssize_t
bytearray_length(PyObject *op)
{
    return _Py_atomic_load_ssize_relaxed(&((PyVarObject *)op)->ob_size);
}

static PyObject *
bytearray_item(PyObject *op, Py_ssize_t i)
{
    PyObject *r;
    Py_BEGIN_CRITICAL_SECTION(op);
    if (i < 0 || i >= Py_SIZE(op)) {
        PyErr_SetString(PyExc_IndexError, "bytearray index out of range");
        r = NULL;
    }
    else {
        r = PyLong_FromLong((unsigned char)BA(op)->ob_start[i]);
    }
    Py_END_CRITICAL_SECTION();
    return r;
}

static int
bytearray_contains(PyObject *op, PyObject *arg)
{
    int r;
    Py_BEGIN_CRITICAL_SECTION(op);
    BA(op)->ob_exports++;
    r = _PyBytes_ContainsBuf(PyByteArray_AS_STRING(op), Py_SIZE(op), arg);
    BA(op)->ob_exports--;
    Py_END_CRITICAL_SECTION();
    return r;
}

static PyObject *
bytearray_concat(PyObject *a, PyObject *b)
{
    return PyByteArray_Concat(a, b);
}

static PyObject *
bytearray_iconcat(PyObject *op, PyObject *other)
{
    Py_buffer vo;
    if (!PyBytes_Check(other) && !PyObject_CheckBuffer(other)) {
        PyErr_Format(PyExc_TypeError, "can't concat %.100s to %.100s",
                     Py_TYPE(other)->tp_name, Py_TYPE(op)->tp_name);
        return NULL;
    }
    if (_PyBytes_GetBuffer(other, &vo) < 0) {
        return NULL;
    }
    int r = 0;
    Py_BEGIN_CRITICAL_SECTION(op);
    Py_ssize_t size = Py_SIZE(op);
    if (size > PY_SSIZE_T_MAX - vo.len) {
        PyErr_NoMemory();
        r = -1;
    }
    else if (ba_resize_locked(BA(op), size + vo.len) < 0) {
        r = -1;
    }
    else {
        /* memmove: other may be self */
        memmove(BA(op)->ob_start + size, vo.buf, (size_t)vo.len);
    }
    Py_END_CRITICAL_SECTION();
    PyBuffer_Release(&vo);
    if (r < 0) {
        return NULL;
    }
    return Py_NewRef(op);
}

static PyObject *
bytearray_repeat(PyObject *op, Py_ssize_t n)
{
    PyObject *r = NULL;
    if (n < 0) n = 0;
    Py_BEGIN_CRITICAL_SECTION(op);
    Py_ssize_t len = Py_SIZE(op);
    if (n > 0 && len > PY_SSIZE_T_MAX / n) {
        PyErr_NoMemory();
    }
    else {
        r = PyByteArray_FromStringAndSize(NULL, len * n);
        if (r != NULL) {
            for (Py_ssize_t i = 0; i < n; i++) {
                memcpy(BA(r)->ob_start + i * len, BA(op)->ob_start, (size_t)len);
            }
        }
    }
    Py_END_CRITICAL_SECTION();
    return r;
}

static PyObject *
bytearray_irepeat(PyObject *op, Py_ssize_t n)
{
    int r = 0;
    if (n < 0) n = 0;
    Py_BEGIN_CRITICAL_SECTION(op);
    Py_ssize_t len = Py_SIZE(op);
    if (n > 0 && len > PY_SSIZE_T_MAX / n) {
        PyErr_NoMemory();
        r = -1;
    }
    else if (ba_resize_locked(BA(op), len * n) < 0) {
        r = -1;
    }
    else {
        for (Py_ssize_t i = 1; i < n; i++) {
            memcpy(BA(op)->ob_start + i * len, BA(op)->ob_start, (size_t)len);
        }
    }
    Py_END_CRITICAL_SECTION();
    if (r < 0) return NULL;
    return Py_NewRef(op);
}

static int
getbytevalue(PyObject *arg, int *value)
{
    if (!PyIndex_Check(arg)) {
        PyErr_Format(PyExc_TypeError, "'%.200s' object cannot be interpreted as an integer",
                     Py_TYPE(arg)->tp_name);
        return -1;
    }
    int overflow;
    PyObject *iv = PyNumber_Index(arg);
    if (iv == NULL) return -1;
    long v = PyLong_AsLongAndOverflow(iv, &overflow);
    Py_DECREF(iv);
    if (v == -1 && PyErr_Occurred()) return -1;
    if (overflow || v < 0 || v > 255) {
        PyErr_SetString(PyExc_ValueError, "byte must be in range(0, 256)");
        return -1;
    }
    *value = (int)v;
    return 0;
}

static PyObject *
bytearray_subscript(PyObject *op, PyObject *index)
{
    if (PyIndex_Check(index)) {
        Py_ssize_t i = PyNumber_AsSsize_t(index, PyExc_IndexError);
        if (i == -1 && PyErr_Occurred()) return NULL;
        PyObject *r;
        Py_BEGIN_CRITICAL_SECTION(op);
        if (i < 0) i += Py_SIZE(op);
        if (i < 0 || i >= Py_SIZE(op)) {
            PyErr_SetString(PyExc_IndexError, "bytearray index out of range");
            r = NULL;
        }
        else {
            r = PyLong_FromLong((unsigned char)BA(op)->ob_start[i]);
        }
        Py_END_CRITICAL_SECTION();
        return r;
    }
    if (PySlice_Check(index)) {
        Py_ssize_t start, stop, step;
        if (PySlice_Unpack(index, &start, &stop, &step) < 0) return NULL;
        PyObject *r;
        Py_BEGIN_CRITICAL_SECTION(op);
        Py_ssize_t n = PySlice_AdjustIndices(Py_SIZE(op), &start, &stop, step);
        if (n <= 0) {
            r = PyByteArray_FromStringAndSize(NULL, 0);
        }
        else if (step == 1) {
            r = PyByteArray_FromStringAndSize(BA(op)->ob_start + start, n);
        }
        else {
            r = PyByteArray_FromStringAndSize(NULL, n);
            if (r != NULL) {
                for (Py_ssize_t i = 0, cur = start; i < n; i++, cur += step) {
                    BA(r)->ob_start[i] = BA(op)->ob_start[cur];
                }
            }
        }
        Py_END_CRITICAL_SECTION();
        return r;
    }
    PyErr_Format(PyExc_TypeError, "bytearray indices must be integers or slices, not %.200s",
                 Py_TYPE(index)->tp_name);
    return NULL;
}

/* self[lo:hi] = bytes (len n), with the section held. */
static int
ba_setslice_locked(PyByteArrayObject *self, Py_ssize_t lo, Py_ssize_t hi,
                   const char *bytes, Py_ssize_t needed)
{
    Py_ssize_t size = Py_SIZE(self);
    if (lo < 0) lo = 0;
    if (hi < lo) hi = lo;
    if (hi > size) hi = size;
    Py_ssize_t avail = hi - lo;
    Py_ssize_t growth = needed - avail;
    if (growth < 0) {
        if (self->ob_exports > 0) {
            PyErr_SetString(PyExc_BufferError,
                            "Existing exports of data: object cannot be re-sized");
            return -1;
        }
        if (lo == 0) {
            /* cheap deletion from the front */
            self->ob_start -= growth;
            Py_SET_SIZE(self, size + growth);
            memcpy(self->ob_start, bytes, (size_t)needed);
            return 0;
        }
        memmove(self->ob_start + lo + needed, self->ob_start + hi, (size_t)(size - hi));
        if (ba_resize_locked(self, size + growth) < 0) {
            return -1;
        }
    }
    else if (growth > 0) {
        if (size > PY_SSIZE_T_MAX - growth) {
            PyErr_NoMemory();
            return -1;
        }
        if (ba_resize_locked(self, size + growth) < 0) {
            return -1;
        }
        memmove(self->ob_start + lo + needed, self->ob_start + hi, (size_t)(size - hi));
    }
    if (needed > 0) {
        memcpy(self->ob_start + lo, bytes, (size_t)needed);
    }
    return 0;
}

static int
bytearray_ass_subscript(PyObject *op, PyObject *index, PyObject *values)
{
    PyByteArrayObject *self = BA(op);
    if (PyIndex_Check(index)) {
        Py_ssize_t i = PyNumber_AsSsize_t(index, PyExc_IndexError);
        if (i == -1 && PyErr_Occurred()) return -1;
        int ival = 0;
        if (values != NULL && getbytevalue(values, &ival) < 0) return -1;
        int r = 0;
        Py_BEGIN_CRITICAL_SECTION(op);
        if (i < 0) i += Py_SIZE(op);
        if (i < 0 || i >= Py_SIZE(op)) {
            PyErr_SetString(PyExc_IndexError, "bytearray index out of range");
            r = -1;
        }
        else if (values == NULL) {
            r = ba_setslice_locked(self, i, i + 1, NULL, 0);
        }
        else {
            self->ob_start[i] = (char)ival;
        }
        Py_END_CRITICAL_SECTION();
        return r;
    }
    if (!PySlice_Check(index)) {
        PyErr_Format(PyExc_TypeError, "bytearray indices must be integers or slices, not %.200s",
                     Py_TYPE(index)->tp_name);
        return -1;
    }
    Py_ssize_t start, stop, step;
    if (PySlice_Unpack(index, &start, &stop, &step) < 0) return -1;
    /* Collect the new bytes first (may run Python code). */
    PyObject *valbytes = NULL;
    if (values != NULL) {
        if (values == op) {
            valbytes = PyByteArray_FromStringAndSize(PyByteArray_AS_STRING(op), Py_SIZE(op));
        }
        else if (PyObject_CheckBuffer(values)) {
            Py_buffer v;
            if (PyObject_GetBuffer(values, &v, PyBUF_SIMPLE) < 0) return -1;
            valbytes = PyBytes_FromStringAndSize(v.buf, v.len);
            PyBuffer_Release(&v);
        }
        else if (PyIndex_Check(values) || PyUnicode_Check(values)) {
            PyErr_SetString(PyExc_TypeError, "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
            return -1;
        }
        else {
            valbytes = PyBytes_FromObject(values);
        }
        if (valbytes == NULL) return -1;
    }
    const char *vb = NULL;
    Py_ssize_t vlen = 0;
    if (valbytes) {
        _PyBytes_SelfData(valbytes, &vb, &vlen);
    }
    int r = 0;
    Py_BEGIN_CRITICAL_SECTION(op);
    Py_ssize_t n = PySlice_AdjustIndices(Py_SIZE(op), &start, &stop, step);
    if (step == 1) {
        r = ba_setslice_locked(self, start, stop, vb, vlen);
    }
    else if (values == NULL) {
        /* extended slice deletion */
        if (n > 0) {
            if (step < 0) {
                stop = start + 1;
                start = stop + step * (n - 1) - 1;
                step = -step;
            }
            Py_ssize_t cur, i;
            char *buf = self->ob_start;
            for (cur = start, i = 0; i < n; cur += step, i++) {
                Py_ssize_t lim = step - 1;
                if (cur + step >= Py_SIZE(op)) lim = Py_SIZE(op) - cur - 1;
                memmove(buf + cur - i, buf + cur + 1, (size_t)lim);
            }
            cur = start + n * step;
            if (cur < Py_SIZE(op)) {
                memmove(buf + cur - n, buf + cur, (size_t)(Py_SIZE(op) - cur));
            }
            r = ba_resize_locked(self, Py_SIZE(op) - n);
        }
    }
    else {
        if (vlen != n) {
            PyErr_Format(PyExc_ValueError,
                         "attempt to assign bytes of size %zd to extended slice of size %zd",
                         vlen, n);
            r = -1;
        }
        else {
            for (Py_ssize_t cur = start, i = 0; i < n; cur += step, i++) {
                self->ob_start[cur] = vb[i];
            }
        }
    }
    Py_END_CRITICAL_SECTION();
    Py_XDECREF(valbytes);
    return r;
}

static int
bytearray_ass_item(PyObject *op, Py_ssize_t i, PyObject *value)
{
    PyObject *idx = PyLong_FromSsize_t(i);
    if (idx == NULL) return -1;
    int r = bytearray_ass_subscript(op, idx, value);
    Py_DECREF(idx);
    return r;
}

/* ---- construction ------------------------------------------------------------ */

static int
bytearray_init(PyObject *op, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"source", "encoding", "errors", NULL};
    PyObject *arg = NULL;
    const char *encoding = NULL, *errors = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|Oss:bytearray", kwlist,
                                     &arg, &encoding, &errors)) {
        return -1;
    }
    PyByteArrayObject *self = BA(op);
    if (Py_SIZE(self) != 0 && PyByteArray_Resize(op, 0) < 0) {
        return -1;
    }
    if (arg == NULL) {
        if (encoding != NULL || errors != NULL) {
            PyErr_SetString(PyExc_TypeError, encoding != NULL ?
                            "encoding without a string argument" :
                            "errors without a string argument");
            return -1;
        }
        return 0;
    }
    PyObject *b = NULL;
    if (PyUnicode_Check(arg)) {
        if (encoding == NULL) {
            PyErr_SetString(PyExc_TypeError, "string argument without an encoding");
            return -1;
        }
        b = PyUnicode_AsEncodedString(arg, encoding, errors);
    }
    else if (encoding != NULL || errors != NULL) {
        PyErr_SetString(PyExc_TypeError, encoding != NULL ?
                        "encoding without a string argument" :
                        "errors without a string argument");
        return -1;
    }
    else if (PyIndex_Check(arg)) {
        Py_ssize_t count = PyNumber_AsSsize_t(arg, PyExc_OverflowError);
        if (count == -1 && PyErr_Occurred()) {
            if (!PyErr_ExceptionMatches(PyExc_TypeError)) return -1;
            PyErr_Clear();
        }
        else {
            if (count < 0) {
                PyErr_SetString(PyExc_ValueError, "negative count");
                return -1;
            }
            if (count > 0) {
                if (PyByteArray_Resize(op, count) < 0) return -1;
                memset(self->ob_start, 0, (size_t)count);
            }
            return 0;
        }
    }
    if (b == NULL && !PyUnicode_Check(arg)) {
        if (PyObject_CheckBuffer(arg)) {
            b = PyBytes_FromObject(arg);
            if (b == NULL) return -1;
        }
        else {
            PyObject *it = PyObject_GetIter(arg);
            if (it == NULL) {
                if (PyErr_ExceptionMatches(PyExc_TypeError)) {
                    PyErr_Format(PyExc_TypeError, "cannot convert '%.200s' object to bytearray",
                                 Py_TYPE(arg)->tp_name);
                }
                return -1;
            }
            Py_DECREF(it);
            char *buf = NULL;
            Py_ssize_t len = 0;
            if (_PyBytes_CollectInts(arg, &buf, &len) < 0) {
                PyMem_Free(buf);
                return -1;
            }
            b = PyBytes_FromStringAndSize(buf ? buf : "", len);
            PyMem_Free(buf);
        }
    }
    if (b == NULL) {
        return -1;
    }
    Py_ssize_t n = PyBytes_GET_SIZE(b);
    int r = 0;
    if (n > 0) {
        r = PyByteArray_Resize(op, n);
        if (r == 0) memcpy(self->ob_start, PyBytes_AS_STRING(b), (size_t)n);
    }
    Py_DECREF(b);
    return r;
}

static PyObject *
bytearray_mod(PyObject *v, PyObject *w)
{
    if (!PyByteArray_Check(v)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    PyObject *copy = PyBytes_FromStringAndSize(PyByteArray_AS_STRING(v), Py_SIZE(v));
    if (copy == NULL) return NULL;
    PyObject *r = _PyBytes_FormatEx(PyBytes_AS_STRING(copy), PyBytes_GET_SIZE(copy), w, 1);
    Py_DECREF(copy);
    return r;
}

/* ---- mutation methods -------------------------------------------------------------- */

static PyObject *
bytearray_append(PyObject *op, PyObject *arg)
{
    int v;
    if (getbytevalue(arg, &v) < 0) return NULL;
    int r;
    Py_BEGIN_CRITICAL_SECTION(op);
    Py_ssize_t n = Py_SIZE(op);
    if (n == PY_SSIZE_T_MAX) {
        PyErr_SetString(PyExc_OverflowError, "cannot add more objects to bytearray");
        r = -1;
    }
    else {
        r = ba_resize_locked(BA(op), n + 1);
        if (r == 0) BA(op)->ob_start[n] = (char)v;
    }
    Py_END_CRITICAL_SECTION();
    if (r < 0) return NULL;
    Py_RETURN_NONE;
}

static PyObject *
bytearray_extend(PyObject *op, PyObject *iterable)
{
    PyObject *b;
    if (PyObject_CheckBuffer(iterable)) {
        Py_buffer v;
        if (PyObject_GetBuffer(iterable, &v, PyBUF_SIMPLE) < 0) return NULL;
        b = PyBytes_FromStringAndSize(v.buf, v.len);
        PyBuffer_Release(&v);
    }
    else {
        if (PyUnicode_Check(iterable)) {
            PyErr_SetString(PyExc_TypeError, "expected iterable of integers; got: 'str'");
            return NULL;
        }
        PyObject *it = PyObject_GetIter(iterable);
        if (it == NULL) {
            if (PyErr_ExceptionMatches(PyExc_TypeError)) {
                PyErr_Format(PyExc_TypeError, "can't extend bytearray with %.100s",
                             Py_TYPE(iterable)->tp_name);
            }
            return NULL;
        }
        Py_DECREF(it);
        char *buf = NULL;
        Py_ssize_t len = 0;
        if (_PyBytes_CollectInts(iterable, &buf, &len) < 0) {
            PyMem_Free(buf);
            return NULL;
        }
        b = PyBytes_FromStringAndSize(buf ? buf : "", len);
        PyMem_Free(buf);
    }
    if (b == NULL) return NULL;
    PyObject *r = bytearray_iconcat(op, b);
    Py_DECREF(b);
    if (r == NULL) return NULL;
    Py_DECREF(r);
    Py_RETURN_NONE;
}

static PyObject *
bytearray_insert(PyObject *op, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2) {
        PyErr_Format(PyExc_TypeError, "insert expected 2 arguments, got %zd", nargs);
        return NULL;
    }
    if (!PyIndex_Check(args[0])) {
        PyErr_Format(PyExc_TypeError, "'%.200s' object cannot be interpreted as an integer",
                     Py_TYPE(args[0])->tp_name);
        return NULL;
    }
    Py_ssize_t where = PyNumber_AsSsize_t(args[0], PyExc_OverflowError);
    if (where == -1 && PyErr_Occurred()) return NULL;
    int v;
    if (getbytevalue(args[1], &v) < 0) return NULL;
    int r;
    Py_BEGIN_CRITICAL_SECTION(op);
    Py_ssize_t n = Py_SIZE(op);
    if (n == PY_SSIZE_T_MAX) {
        PyErr_SetString(PyExc_OverflowError, "cannot add more objects to bytearray");
        r = -1;
    }
    else if ((r = ba_resize_locked(BA(op), n + 1)) == 0) {
        if (where < 0) {
            where += n;
            if (where < 0) where = 0;
        }
        if (where > n) where = n;
        char *buf = BA(op)->ob_start;
        memmove(buf + where + 1, buf + where, (size_t)(n - where));
        buf[where] = (char)v;
    }
    Py_END_CRITICAL_SECTION();
    if (r < 0) return NULL;
    Py_RETURN_NONE;
}

static PyObject *
bytearray_pop(PyObject *op, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs > 1) {
        PyErr_Format(PyExc_TypeError, "pop expected at most 1 argument, got %zd", nargs);
        return NULL;
    }
    Py_ssize_t index = -1;
    if (nargs == 1) {
        if (!PyIndex_Check(args[0])) {
            PyErr_Format(PyExc_TypeError, "'%.200s' object cannot be interpreted as an integer",
                         Py_TYPE(args[0])->tp_name);
            return NULL;
        }
        index = PyNumber_AsSsize_t(args[0], PyExc_OverflowError);
        if (index == -1 && PyErr_Occurred()) return NULL;
    }
    PyObject *res = NULL;
    Py_BEGIN_CRITICAL_SECTION(op);
    Py_ssize_t n = Py_SIZE(op);
    if (n == 0) {
        PyErr_SetString(PyExc_IndexError, "pop from empty bytearray");
    }
    else {
        if (index < 0) index += n;
        if (index < 0 || index >= n) {
            PyErr_SetString(PyExc_IndexError, "pop index out of range");
        }
        else {
            unsigned char c = (unsigned char)BA(op)->ob_start[index];
            if (ba_setslice_locked(BA(op), index, index + 1, NULL, 0) == 0) {
                res = PyLong_FromLong(c);
            }
        }
    }
    Py_END_CRITICAL_SECTION();
    return res;
}

static PyObject *
bytearray_remove(PyObject *op, PyObject *arg)
{
    int v;
    if (getbytevalue(arg, &v) < 0) return NULL;
    int r = 0;
    Py_BEGIN_CRITICAL_SECTION(op);
    char *buf = BA(op)->ob_start;
    Py_ssize_t n = Py_SIZE(op);
    const char *p = n ? memchr(buf, v, (size_t)n) : NULL;
    if (p == NULL) {
        PyErr_SetString(PyExc_ValueError, "value not found in bytearray");
        r = -1;
    }
    else {
        Py_ssize_t where = p - buf;
        r = ba_setslice_locked(BA(op), where, where + 1, NULL, 0);
    }
    Py_END_CRITICAL_SECTION();
    if (r < 0) return NULL;
    Py_RETURN_NONE;
}

static PyObject *
bytearray_reverse(PyObject *op, PyObject *Py_UNUSED(a))
{
    Py_BEGIN_CRITICAL_SECTION(op);
    char *buf = BA(op)->ob_start;
    Py_ssize_t n = Py_SIZE(op);
    for (Py_ssize_t i = 0, j = n - 1; i < j; i++, j--) {
        char t = buf[i];
        buf[i] = buf[j];
        buf[j] = t;
    }
    Py_END_CRITICAL_SECTION();
    Py_RETURN_NONE;
}

static PyObject *
bytearray_clear(PyObject *op, PyObject *Py_UNUSED(a))
{
    if (PyByteArray_Resize(op, 0) < 0) return NULL;
    Py_RETURN_NONE;
}

static PyObject *
bytearray_copy(PyObject *op, PyObject *Py_UNUSED(a))
{
    PyObject *r;
    Py_BEGIN_CRITICAL_SECTION(op);
    r = PyByteArray_FromStringAndSize(PyByteArray_AS_STRING(op), Py_SIZE(op));
    Py_END_CRITICAL_SECTION();
    return r;
}

static PyObject *
bytearray_alloc(PyObject *op, PyObject *Py_UNUSED(a))
{
    return PyLong_FromSsize_t(BA(op)->ob_alloc);
}

static PyObject *
bytearray_sizeof(PyObject *op, PyObject *Py_UNUSED(a))
{
    return PyLong_FromSsize_t((Py_ssize_t)sizeof(PyByteArrayObject) + BA(op)->ob_alloc);
}

static PyObject *
bytearray_fromhex(PyObject *cls, PyObject *string)
{
    PyObject *b = _PyBytes_FromHex(string, 1);
    if (b == NULL || cls == (PyObject *)&PyByteArray_Type) {
        return b;
    }
    PyObject *r = PyObject_CallOneArg(cls, b);
    Py_DECREF(b);
    return r;
}

static PyObject *
bytearray_reduce(PyObject *op, PyObject *Py_UNUSED(a))
{
    PyObject *latin1;
    Py_BEGIN_CRITICAL_SECTION(op);
    latin1 = PyUnicode_DecodeLatin1(PyByteArray_AS_STRING(op), Py_SIZE(op), NULL);
    Py_END_CRITICAL_SECTION();
    if (latin1 == NULL) return NULL;
    PyObject *dict = Py_None;
    PyObject *r = Py_BuildValue("(O(Ns)O)", Py_TYPE(op), latin1, "latin-1", dict);
    return r;
}

static PyMethodDef bytearray_methods[] = {
    _PY_BYTES_SHARED_METHODS,
    {"__alloc__", bytearray_alloc, METH_NOARGS, NULL},
    {"__sizeof__", bytearray_sizeof, METH_NOARGS, NULL},
    {"__reduce__", bytearray_reduce, METH_NOARGS, NULL},
    {"append", bytearray_append, METH_O, "Append a single item to the end of the bytearray."},
    {"clear", bytearray_clear, METH_NOARGS, "Remove all items from the bytearray."},
    {"copy", bytearray_copy, METH_NOARGS, "Return a copy of B."},
    {"extend", bytearray_extend, METH_O,
     "Append all the items from the iterator or sequence to the end of the bytearray."},
    {"insert", (PyCFunction)(void (*)(void))bytearray_insert, METH_FASTCALL,
     "Insert a single item into the bytearray before the given index."},
    {"pop", (PyCFunction)(void (*)(void))bytearray_pop, METH_FASTCALL,
     "Remove and return a single item from B."},
    {"remove", bytearray_remove, METH_O, "Remove the first occurrence of a value in the bytearray."},
    {"reverse", bytearray_reverse, METH_NOARGS, "Reverse the order of the values in B in place."},
    {"fromhex", bytearray_fromhex, METH_O | METH_CLASS,
     "Create a bytearray object from a string of hexadecimal numbers."},
    {NULL, NULL, 0, NULL}
};

static PyNumberMethods bytearray_as_number = {
    .nb_remainder = bytearray_mod,
};

static PySequenceMethods bytearray_as_sequence = {
    .sq_length = bytearray_length,
    .sq_concat = bytearray_concat,
    .sq_repeat = bytearray_repeat,
    .sq_item = bytearray_item,
    .sq_ass_item = bytearray_ass_item,
    .sq_contains = bytearray_contains,
    .sq_inplace_concat = bytearray_iconcat,
    .sq_inplace_repeat = bytearray_irepeat,
};

static PyMappingMethods bytearray_as_mapping = {
    .mp_length = bytearray_length,
    .mp_subscript = bytearray_subscript,
    .mp_ass_subscript = bytearray_ass_subscript,
};

static PyBufferProcs bytearray_as_buffer = {
    .bf_getbuffer = bytearray_getbuffer,
    .bf_releasebuffer = bytearray_releasebuffer,
};

static PyObject *bytearray_iter(PyObject *seq);

PyTypeObject PyByteArray_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "bytearray",
    .tp_basicsize = sizeof(PyByteArrayObject),
    .tp_dealloc = bytearray_dealloc,
    .tp_repr = bytearray_repr,
    .tp_as_number = &bytearray_as_number,
    .tp_as_sequence = &bytearray_as_sequence,
    .tp_as_mapping = &bytearray_as_mapping,
    .tp_hash = PyObject_HashNotImplemented,
    .tp_str = bytearray_repr,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_as_buffer = &bytearray_as_buffer,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_doc = "bytearray(iterable_of_ints) -> bytearray\n"
              "bytearray(string, encoding[, errors]) -> bytearray\n"
              "bytearray(bytes_or_buffer) -> mutable copy of bytes_or_buffer\n"
              "bytearray(int) -> bytes array of size given by the parameter initialized with null bytes\n"
              "bytearray() -> empty bytes array",
    .tp_richcompare = bytearray_richcompare,
    .tp_iter = bytearray_iter,
    .tp_methods = bytearray_methods,
    .tp_init = bytearray_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = PyType_GenericNew,
    .tp_free = PyObject_Free,
};

/* ---- iterator --------------------------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    Py_ssize_t it_index;
    PyObject *it_seq;
} bytearrayiterobject;

static PyObject *
bytearray_iter(PyObject *seq)
{
    bytearrayiterobject *it = PyObject_GC_New(bytearrayiterobject, &PyByteArrayIter_Type);
    if (it == NULL) return NULL;
    it->it_index = 0;
    it->it_seq = Py_NewRef(seq);
    PyObject_GC_Track(it);
    return (PyObject *)it;
}

static void
bytearrayiter_dealloc(PyObject *op)
{
    bytearrayiterobject *it = (bytearrayiterobject *)op;
    PyObject_GC_UnTrack(it);
    Py_XDECREF(it->it_seq);
    PyObject_GC_Del(it);
}

static int
bytearrayiter_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(((bytearrayiterobject *)op)->it_seq);
    return 0;
}

static PyObject *
bytearrayiter_next(PyObject *op)
{
    bytearrayiterobject *it = (bytearrayiterobject *)op;
    PyObject *seq = it->it_seq;
    if (seq == NULL) return NULL;
    PyObject *r = NULL;
    Py_BEGIN_CRITICAL_SECTION(seq);
    if (it->it_index < Py_SIZE(seq)) {
        r = PyLong_FromLong((unsigned char)PyByteArray_AS_STRING(seq)[it->it_index++]);
    }
    Py_END_CRITICAL_SECTION();
    if (r == NULL && !PyErr_Occurred()) {
        it->it_seq = NULL;
        Py_DECREF(seq);
    }
    return r;
}

static PyObject *
bytearrayiter_len(PyObject *op, PyObject *Py_UNUSED(a))
{
    bytearrayiterobject *it = (bytearrayiterobject *)op;
    Py_ssize_t n = 0;
    if (it->it_seq) {
        n = Py_SIZE(it->it_seq) - it->it_index;
        if (n < 0) n = 0;
    }
    return PyLong_FromSsize_t(n);
}

static PyMethodDef bytearrayiter_methods[] = {
    {"__length_hint__", bytearrayiter_len, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

PyTypeObject PyByteArrayIter_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "bytearray_iterator",
    .tp_basicsize = sizeof(bytearrayiterobject),
    .tp_dealloc = bytearrayiter_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = bytearrayiter_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = bytearrayiter_next,
    .tp_methods = bytearrayiter_methods,
};
