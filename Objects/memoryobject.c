/* memoryobject.c: memoryview and the managed buffer behind it, plus the
 * contiguity helpers of the buffer protocol (PyBuffer_IsContiguous,
 * PyBuffer_ToContiguous).
 *
 * memoryview(obj) takes one buffer from obj into a managed buffer object;
 * slices, casts and memoryview(memoryview) share that managed buffer and
 * only describe a different window (buf, shape, strides, format) onto it.
 * The exporter gets its buffer back when the last view referring to the
 * managed buffer is released or freed, so a bytearray can be resized again
 * exactly when no view on it is alive.
 *
 * Items are the native single-character struct formats (optionally with an
 * '@' prefix); other formats can be viewed, copied and cast to bytes but
 * not unpacked, as in CPython without its struct fallback. */
#include "Python.h"
#include "memoryobject.h"

/* ---- formats -------------------------------------------------------------- */

/* The format character of a native single-item format, or 0. */
static char
fmt_char(const char *fmt)
{
    if (fmt == NULL) {
        return 'B';
    }
    if (fmt[0] == '@') {
        fmt++;
    }
    if (fmt[0] == '\0' || fmt[1] != '\0') {
        return 0;
    }
    switch (fmt[0]) {
    case 'c': case 'b': case 'B': case '?': case 'h': case 'H': case 'i': case 'I':
    case 'l': case 'L': case 'q': case 'Q': case 'n': case 'N': case 'f': case 'd':
    case 'P':
        return fmt[0];
    default:
        return 0;
    }
}

static Py_ssize_t
fmt_size(char c)
{
    switch (c) {
    case 'c': case 'b': case 'B': return 1;
    case '?': return sizeof(_Bool);
    case 'h': case 'H': return sizeof(short);
    case 'i': case 'I': return sizeof(int);
    case 'l': case 'L': return sizeof(long);
    case 'q': case 'Q': return sizeof(long long);
    case 'n': case 'N': return sizeof(Py_ssize_t);
    case 'f': return sizeof(float);
    case 'd': return sizeof(double);
    case 'P': return sizeof(void *);
    default: return 0;
    }
}

static int
is_byte_fmt(char c)
{
    return c == 'B' || c == 'b' || c == 'c';
}

static const char *
view_format(const Py_buffer *v)
{
    return v->format ? v->format : "B";
}

/* Memory is unaligned in general (casts, odd slices): copy through memcpy. */
#define LOAD(T, p) (memcpy(&tmp_##T, (p), sizeof(T)), tmp_##T)

static PyObject *
unpack_item(char c, const char *p, const char *fmt)
{
    signed char tmp_sc; unsigned char tmp_uc; short tmp_short; unsigned short tmp_ushort;
    int tmp_int; unsigned int tmp_uint; long tmp_long; unsigned long tmp_ulong;
    long long tmp_ll; unsigned long long tmp_ull; Py_ssize_t tmp_ssz; size_t tmp_sz;
    float tmp_float; double tmp_double; _Bool tmp_b; void *tmp_ptr;
    typedef signed char sc; typedef unsigned char uc; typedef unsigned short ushort;
    typedef unsigned int uint; typedef unsigned long ulong; typedef long long ll;
    typedef unsigned long long ull; typedef Py_ssize_t ssz; typedef size_t sz;
    typedef _Bool b; typedef void *ptr;
    switch (c) {
    case 'c': return PyBytes_FromStringAndSize(p, 1);
    case 'b': return PyLong_FromLong(LOAD(sc, p));
    case 'B': return PyLong_FromLong(LOAD(uc, p));
    case '?': return PyBool_FromLong(LOAD(b, p));
    case 'h': return PyLong_FromLong(LOAD(short, p));
    case 'H': return PyLong_FromLong(LOAD(ushort, p));
    case 'i': return PyLong_FromLong(LOAD(int, p));
    case 'I': return PyLong_FromUnsignedLong(LOAD(uint, p));
    case 'l': return PyLong_FromLong(LOAD(long, p));
    case 'L': return PyLong_FromUnsignedLong(LOAD(ulong, p));
    case 'q': return PyLong_FromLongLong(LOAD(ll, p));
    case 'Q': return PyLong_FromUnsignedLongLong(LOAD(ull, p));
    case 'n': return PyLong_FromSsize_t(LOAD(ssz, p));
    case 'N': return PyLong_FromSize_t(LOAD(sz, p));
    case 'f': return PyFloat_FromDouble(LOAD(float, p));
    case 'd': return PyFloat_FromDouble(LOAD(double, p));
    case 'P': return PyLong_FromVoidPtr(LOAD(ptr, p));
    default:
        PyErr_Format(PyExc_NotImplementedError, "memoryview: format %s not supported", fmt);
        return NULL;
    }
}

static int
pack_error(PyObject *exc, const char *fmt)
{
    PyErr_Format(exc, "memoryview: invalid %s for format '%s'",
                 exc == PyExc_TypeError ? "type" : "value", fmt);
    return -1;
}

/* Store v as one item of format c at p. */
static int
pack_item(char c, char *p, PyObject *v, const char *fmt)
{
    switch (c) {
    case 'c':
        if (!PyBytes_Check(v)) return pack_error(PyExc_TypeError, fmt);
        if (PyBytes_GET_SIZE(v) != 1) return pack_error(PyExc_ValueError, fmt);
        *p = PyBytes_AS_STRING(v)[0];
        return 0;
    case '?': {
        int t = PyObject_IsTrue(v);
        if (t < 0) return -1;
        _Bool b = (_Bool)t;
        memcpy(p, &b, sizeof b);
        return 0;
    }
    case 'f': case 'd': {
        double d = PyFloat_AsDouble(v);
        if (d == -1.0 && PyErr_Occurred()) {
            if (PyErr_ExceptionMatches(PyExc_TypeError)) {
                PyErr_Clear();
                return pack_error(PyExc_TypeError, fmt);
            }
            return -1;
        }
        if (c == 'f') {
            float f = (float)d;
            memcpy(p, &f, sizeof f);
        }
        else {
            memcpy(p, &d, sizeof d);
        }
        return 0;
    }
    default:
        break;
    }
    if (fmt_size(c) == 0) {
        PyErr_Format(PyExc_NotImplementedError, "memoryview: format %s not supported", fmt);
        return -1;
    }
    PyObject *idx = PyNumber_Index(v);
    if (idx == NULL) {
        if (PyErr_ExceptionMatches(PyExc_TypeError)) {
            PyErr_Clear();
            return pack_error(PyExc_TypeError, fmt);
        }
        return -1;
    }
    int overflow = 0;
    int is_unsigned = (c == 'B' || c == 'H' || c == 'I' || c == 'L' || c == 'Q' || c == 'N' ||
                       c == 'P');
    long long sv = 0;
    unsigned long long uv = 0;
    if (is_unsigned) {
        if (_PyLong_Sign(idx) < 0) {
            overflow = 1;
        }
        else {
            uv = PyLong_AsUnsignedLongLong(idx);
            if (uv == (unsigned long long)-1 && PyErr_Occurred()) {
                PyErr_Clear();
                overflow = 1;
            }
        }
    }
    else {
        sv = PyLong_AsLongLongAndOverflow(idx, &overflow);
        if (sv == -1 && PyErr_Occurred()) {
            Py_DECREF(idx);
            return -1;
        }
    }
    Py_DECREF(idx);
    if (overflow) {
        return pack_error(PyExc_ValueError, fmt);
    }
    Py_ssize_t size = fmt_size(c);
    if (is_unsigned) {
        if (size < 8 && uv >> (size * 8)) {
            return pack_error(PyExc_ValueError, fmt);
        }
        switch (size) {
        case 1: { unsigned char x = (unsigned char)uv; memcpy(p, &x, 1); break; }
        case 2: { unsigned short x = (unsigned short)uv; memcpy(p, &x, 2); break; }
        case 4: { uint32_t x = (uint32_t)uv; memcpy(p, &x, 4); break; }
        default: { uint64_t x = (uint64_t)uv; memcpy(p, &x, 8); break; }
        }
    }
    else {
        if (size < 8) {
            long long lim = 1LL << (size * 8 - 1);
            if (sv < -lim || sv >= lim) {
                return pack_error(PyExc_ValueError, fmt);
            }
        }
        switch (size) {
        case 1: { signed char x = (signed char)sv; memcpy(p, &x, 1); break; }
        case 2: { short x = (short)sv; memcpy(p, &x, 2); break; }
        case 4: { int32_t x = (int32_t)sv; memcpy(p, &x, 4); break; }
        default: { int64_t x = (int64_t)sv; memcpy(p, &x, 8); break; }
        }
    }
    return 0;
}

/* ---- contiguity and copying ------------------------------------------------ */

static int
is_c_contig(int ndim, const Py_ssize_t *shape, const Py_ssize_t *strides, Py_ssize_t itemsize)
{
    if (strides == NULL) {
        return 1;
    }
    Py_ssize_t sd = itemsize;
    for (int i = ndim - 1; i >= 0; i--) {
        if (shape[i] == 0) {
            return 1;
        }
        if (shape[i] > 1 && strides[i] != sd) {
            return 0;
        }
        sd *= shape[i];
    }
    return 1;
}

static int
is_f_contig(int ndim, const Py_ssize_t *shape, const Py_ssize_t *strides, Py_ssize_t itemsize)
{
    if (strides == NULL) {
        return ndim <= 1;
    }
    Py_ssize_t sd = itemsize;
    for (int i = 0; i < ndim; i++) {
        if (shape[i] == 0) {
            return 1;
        }
        if (shape[i] > 1 && strides[i] != sd) {
            return 0;
        }
        sd *= shape[i];
    }
    return 1;
}

int
PyBuffer_IsContiguous(const Py_buffer *view, char order)
{
    if (view->suboffsets != NULL) {
        return 0;
    }
    int ndim = view->shape ? view->ndim : 1;
    Py_ssize_t len1 = view->itemsize ? view->len / view->itemsize : view->len;
    const Py_ssize_t *shape = view->shape ? view->shape : &len1;
    int c = is_c_contig(ndim, shape, view->strides, view->itemsize);
    int f = is_f_contig(ndim, shape, view->strides, view->itemsize);
    if (order == 'C') return c;
    if (order == 'F') return f;
    if (order == 'A') return c || f;
    return 0;
}

/* Copy the items of a (possibly strided) view to dst, in C order (last index
 * varies fastest) or Fortran order (first index fastest). */
static void
copy_items(char *dst, const char *src, int ndim, const Py_ssize_t *shape,
           const Py_ssize_t *strides, Py_ssize_t itemsize, char order)
{
    if (ndim == 0) {
        memcpy(dst, src, itemsize);
        return;
    }
    Py_ssize_t total = 1;
    for (int i = 0; i < ndim; i++) {
        total *= shape[i];
    }
    if (total == 0) {
        return;
    }
    Py_ssize_t idx[PyBUF_MAX_NDIM] = {0};
    for (Py_ssize_t n = 0; n < total; n++) {
        const char *p = src;
        for (int i = 0; i < ndim; i++) {
            p += idx[i] * strides[i];
        }
        memcpy(dst, p, itemsize);
        dst += itemsize;
        if (order == 'F') {
            for (int i = 0; i < ndim; i++) {
                if (++idx[i] < shape[i]) break;
                idx[i] = 0;
            }
        }
        else {
            for (int i = ndim - 1; i >= 0; i--) {
                if (++idx[i] < shape[i]) break;
                idx[i] = 0;
            }
        }
    }
}

int
PyBuffer_ToContiguous(void *buf, const Py_buffer *view, Py_ssize_t len, char order)
{
    if (len > view->len) {
        len = view->len;
    }
    if (PyBuffer_IsContiguous(view, order == 'A' ? 'A' : order) || view->strides == NULL) {
        memcpy(buf, view->buf, len);
        return 0;
    }
    if (view->suboffsets != NULL) {
        PyErr_SetString(PyExc_BufferError, "buffers with suboffsets are not supported");
        return -1;
    }
    if (len != view->len) {
        char *tmp = PyMem_Malloc(view->len ? view->len : 1);
        if (tmp == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        copy_items(tmp, view->buf, view->ndim, view->shape, view->strides, view->itemsize,
                   order == 'F' ? 'F' : 'C');
        memcpy(buf, tmp, len);
        PyMem_Free(tmp);
        return 0;
    }
    copy_items(buf, view->buf, view->ndim, view->shape, view->strides, view->itemsize,
               order == 'F' ? 'F' : 'C');
    return 0;
}

/* ---- the managed buffer ---------------------------------------------------- */

static void
mbuf_dealloc(PyObject *op)
{
    _PyManagedBufferObject *self = (_PyManagedBufferObject *)op;
    PyBuffer_Release(&self->master);
    PyObject_Free(op);
}

PyTypeObject _PyManagedBuffer_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "managedbuffer",
    .tp_basicsize = sizeof(_PyManagedBufferObject),
    .tp_dealloc = mbuf_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT,
};

static _PyManagedBufferObject *
mbuf_alloc(void)
{
    _PyManagedBufferObject *mbuf = PyObject_New(_PyManagedBufferObject, &_PyManagedBuffer_Type);
    if (mbuf != NULL) {
        memset(&mbuf->master, 0, sizeof(mbuf->master));
    }
    return mbuf;
}

static _PyManagedBufferObject *
mbuf_from_object(PyObject *obj)
{
    if (!PyObject_CheckBuffer(obj)) {
        PyErr_Format(PyExc_TypeError, "memoryview: a bytes-like object is required, not '%.200s'",
                     Py_TYPE(obj)->tp_name);
        return NULL;
    }
    _PyManagedBufferObject *mbuf = mbuf_alloc();
    if (mbuf == NULL) {
        return NULL;
    }
    /* Straight into the managed buffer: exporters may point shape/strides at
     * fields of the Py_buffer itself. */
    if (PyObject_GetBuffer(obj, &mbuf->master, PyBUF_FULL_RO) < 0) {
        mbuf->master.obj = NULL;
        Py_DECREF(mbuf);
        return NULL;
    }
    return mbuf;
}

/* ---- memoryview basics ----------------------------------------------------- */

#define MV(op) ((PyMemoryViewObject *)(op))

static PyMemoryViewObject *
mv_alloc(void)
{
    PyMemoryViewObject *mv = PyObject_New(PyMemoryViewObject, &PyMemoryView_Type);
    if (mv == NULL) {
        return NULL;
    }
    mv->mbuf = NULL;
    mv->hash = -1;
    mv->exports = 0;
    memset(&mv->view, 0, sizeof(mv->view));
    memset(mv->fmt, 0, sizeof(mv->fmt));
    mv->weakreflist = NULL;
    mv->view.shape = mv->shape;
    mv->view.strides = mv->strides;
    return mv;
}

/* A new view of the whole master buffer of mbuf. */
static PyObject *
mv_from_mbuf(_PyManagedBufferObject *mbuf)
{
    PyMemoryViewObject *mv = mv_alloc();
    if (mv == NULL) {
        return NULL;
    }
    const Py_buffer *m = &mbuf->master;
    mv->mbuf = (_PyManagedBufferObject *)Py_NewRef(mbuf);
    mv->view.buf = m->buf;
    mv->view.obj = Py_XNewRef(m->obj);
    mv->view.len = m->len;
    mv->view.itemsize = m->itemsize ? m->itemsize : 1;
    mv->view.readonly = m->readonly;
    mv->view.format = m->format ? m->format : "B";
    if (m->shape == NULL) {
        mv->view.ndim = 1;
        mv->shape[0] = m->len / mv->view.itemsize;
    }
    else {
        mv->view.ndim = m->ndim;
        for (int i = 0; i < m->ndim && i < PyBUF_MAX_NDIM; i++) {
            mv->shape[i] = m->shape[i];
        }
    }
    if (m->strides == NULL || m->shape == NULL) {
        Py_ssize_t sd = mv->view.itemsize;
        for (int i = mv->view.ndim - 1; i >= 0; i--) {
            mv->strides[i] = sd;
            sd *= mv->shape[i];
        }
    }
    else {
        for (int i = 0; i < m->ndim && i < PyBUF_MAX_NDIM; i++) {
            mv->strides[i] = m->strides[i];
        }
    }
    mv->view.suboffsets = NULL;
    return (PyObject *)mv;
}

/* A copy of src's window sharing its managed buffer. */
static PyMemoryViewObject *
mv_copy(PyMemoryViewObject *src)
{
    PyMemoryViewObject *mv = mv_alloc();
    if (mv == NULL) {
        return NULL;
    }
    mv->mbuf = (_PyManagedBufferObject *)Py_NewRef(src->mbuf);
    mv->view.buf = src->view.buf;
    mv->view.obj = Py_XNewRef(src->view.obj);
    mv->view.len = src->view.len;
    mv->view.itemsize = src->view.itemsize;
    mv->view.readonly = src->view.readonly;
    mv->view.ndim = src->view.ndim;
    memcpy(mv->fmt, src->fmt, sizeof(mv->fmt));
    mv->view.format = src->view.format == src->fmt ? mv->fmt : src->view.format;
    memcpy(mv->shape, src->shape, sizeof(Py_ssize_t) * (size_t)src->view.ndim);
    memcpy(mv->strides, src->strides, sizeof(Py_ssize_t) * (size_t)src->view.ndim);
    return mv;
}

#define CHECK_RELEASED(mv, ret)                                                         \
    do {                                                                                \
        if ((mv)->mbuf == NULL) {                                                       \
            PyErr_SetString(PyExc_ValueError,                                           \
                            "operation forbidden on released memoryview object");      \
            return ret;                                                                 \
        }                                                                               \
    } while (0)

PyObject *
PyMemoryView_FromObject(PyObject *base)
{
    if (PyMemoryView_Check(base)) {
        CHECK_RELEASED(MV(base), NULL);
        return (PyObject *)mv_copy(MV(base));
    }
    _PyManagedBufferObject *mbuf = mbuf_from_object(base);
    if (mbuf == NULL) {
        return NULL;
    }
    PyObject *r = mv_from_mbuf(mbuf);
    Py_DECREF(mbuf);
    return r;
}

PyObject *
PyMemoryView_FromMemory(char *mem, Py_ssize_t size, int flags)
{
    _PyManagedBufferObject *mbuf = mbuf_alloc();
    if (mbuf == NULL) {
        return NULL;
    }
    if (PyBuffer_FillInfo(&mbuf->master, NULL, mem, size, (flags & PyBUF_WRITE) ? 0 : 1,
                          PyBUF_FULL_RO) < 0) {
        Py_DECREF(mbuf);
        return NULL;
    }
    PyObject *r = mv_from_mbuf(mbuf);
    Py_DECREF(mbuf);
    return r;
}

PyObject *
PyMemoryView_FromBuffer(const Py_buffer *info)
{
    if (info->buf == NULL) {
        PyErr_SetString(PyExc_ValueError, "PyMemoryView_FromBuffer(): info->buf must not be NULL");
        return NULL;
    }
    _PyManagedBufferObject *mbuf = mbuf_alloc();
    if (mbuf == NULL) {
        return NULL;
    }
    /* The caller keeps ownership of info: the view borrows its memory. */
    mbuf->master = *info;
    mbuf->master.obj = NULL;
    PyObject *r = mv_from_mbuf(mbuf);
    Py_DECREF(mbuf);
    return r;
}

static int
mv_release(PyMemoryViewObject *self)
{
    if (self->exports > 0) {
        PyErr_Format(PyExc_BufferError, "memoryview has %zd exported buffer%s", self->exports,
                     self->exports == 1 ? "" : "s");
        return -1;
    }
    Py_CLEAR(self->view.obj);
    Py_CLEAR(self->mbuf);
    return 0;
}

static void
memory_dealloc(PyObject *op)
{
    PyMemoryViewObject *self = MV(op);
    if (self->weakreflist != NULL) {
        PyObject_ClearWeakRefs(op);
    }
    self->exports = 0;
    (void)mv_release(self);
    PyObject_Free(op);
}

static PyObject *
memory_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"object", NULL};
    PyObject *obj;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O:memoryview", kwlist, &obj)) {
        return NULL;
    }
    return PyMemoryView_FromObject(obj);
}

static PyObject *
memory_repr(PyObject *op)
{
    if (MV(op)->mbuf == NULL) {
        return PyUnicode_FromFormat("<released memory at %p>", op);
    }
    return PyUnicode_FromFormat("<memory at %p>", op);
}

/* ---- items ----------------------------------------------------------------- */

static char *
item_ptr(PyMemoryViewObject *self, int dim, char *base, PyObject *key)
{
    Py_ssize_t i = PyNumber_AsSsize_t(key, PyExc_IndexError);
    if (i == -1 && PyErr_Occurred()) {
        return NULL;
    }
    Py_ssize_t n = self->shape[dim];
    if (i < 0) {
        i += n;
    }
    if (i < 0 || i >= n) {
        PyErr_Format(PyExc_IndexError, "index out of bounds on dimension %d", dim + 1);
        return NULL;
    }
    return base + i * self->strides[dim];
}

static PyObject *
unpack_at(PyMemoryViewObject *self, const char *p)
{
    const char *fmt = view_format(&self->view);
    return unpack_item(fmt_char(fmt), p, fmt);
}

/* The item addressed by a tuple of ndim indices. */
static char *
multi_item_ptr(PyMemoryViewObject *self, PyObject *tup)
{
    Py_ssize_t n = PyTuple_GET_SIZE(tup);
    if (n < self->view.ndim) {
        PyErr_SetString(PyExc_NotImplementedError, "sub-views are not implemented");
        return NULL;
    }
    if (n > self->view.ndim) {
        PyErr_Format(PyExc_TypeError, "cannot index %d-dimension view with %zd-element tuple",
                     self->view.ndim, n);
        return NULL;
    }
    char *p = self->view.buf;
    for (Py_ssize_t i = 0; i < n; i++) {
        p = item_ptr(self, (int)i, p, PyTuple_GET_ITEM(tup, i));
        if (p == NULL) {
            return NULL;
        }
    }
    return p;
}

static int
tuple_kind(PyObject *key)
{
    /* 1: all indices, 2: contains a slice, 0: something else */
    int slices = 0;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(key); i++) {
        PyObject *k = PyTuple_GET_ITEM(key, i);
        if (PySlice_Check(k)) {
            slices = 1;
        }
        else if (!PyIndex_Check(k)) {
            return 0;
        }
    }
    return slices ? 2 : 1;
}

static PyObject *
memory_subscript(PyObject *op, PyObject *key)
{
    PyMemoryViewObject *self = MV(op);
    CHECK_RELEASED(self, NULL);
    if (self->view.ndim == 0) {
        if (PyTuple_Check(key) && PyTuple_GET_SIZE(key) == 0) {
            return unpack_at(self, self->view.buf);
        }
        if (key == Py_Ellipsis) {
            return Py_NewRef(op);
        }
        PyErr_SetString(PyExc_TypeError, "invalid indexing of 0-dim memory");
        return NULL;
    }
    if (PyIndex_Check(key)) {
        if (self->view.ndim > 1) {
            PyErr_SetString(PyExc_NotImplementedError,
                            "multi-dimensional sub-views are not implemented");
            return NULL;
        }
        char *p = item_ptr(self, 0, self->view.buf, key);
        return p ? unpack_at(self, p) : NULL;
    }
    if (PySlice_Check(key)) {
        Py_ssize_t start, stop, step;
        if (PySlice_Unpack(key, &start, &stop, &step) < 0) {
            return NULL;
        }
        Py_ssize_t n = PySlice_AdjustIndices(self->shape[0], &start, &stop, step);
        PyMemoryViewObject *r = mv_copy(self);
        if (r == NULL) {
            return NULL;
        }
        r->view.buf = (char *)self->view.buf + start * self->strides[0];
        r->shape[0] = n;
        r->strides[0] = self->strides[0] * step;
        Py_ssize_t len = r->view.itemsize;
        for (int i = 0; i < r->view.ndim; i++) {
            len *= r->shape[i];
        }
        r->view.len = len;
        return (PyObject *)r;
    }
    if (key == Py_Ellipsis) {
        return Py_NewRef(op);
    }
    if (PyTuple_Check(key)) {
        int kind = tuple_kind(key);
        if (kind == 1) {
            char *p = multi_item_ptr(self, key);
            return p ? unpack_at(self, p) : NULL;
        }
        if (kind == 2) {
            PyErr_SetString(PyExc_NotImplementedError,
                            "multi-dimensional slicing is not implemented");
            return NULL;
        }
    }
    PyErr_SetString(PyExc_TypeError, "memoryview: invalid slice key");
    return NULL;
}

static int
same_shape(const Py_buffer *a, const Py_ssize_t *ashape, const Py_buffer *b,
           const Py_ssize_t *bshape)
{
    if (a->ndim != b->ndim) {
        return 0;
    }
    for (int i = 0; i < a->ndim; i++) {
        if (ashape[i] != bshape[i]) {
            return 0;
        }
    }
    return 1;
}

/* m[slice] = buffer: same format and shape required; the source is copied to
 * a contiguous temporary first so overlapping views behave. */
static int
assign_slice(PyMemoryViewObject *self, PyObject *key, PyObject *value)
{
    if (self->view.ndim != 1) {
        PyErr_SetString(PyExc_NotImplementedError,
                        "memoryview slice assignments are currently restricted to ndim = 1");
        return -1;
    }
    Py_ssize_t start, stop, step;
    if (PySlice_Unpack(key, &start, &stop, &step) < 0) {
        return -1;
    }
    Py_ssize_t n = PySlice_AdjustIndices(self->shape[0], &start, &stop, step);
    Py_buffer src;
    if (PyObject_GetBuffer(value, &src, PyBUF_FULL_RO) < 0) {
        return -1;
    }
    Py_ssize_t slen = src.shape ? src.shape[0] : src.len / (src.itemsize ? src.itemsize : 1);
    int sndim = src.shape ? src.ndim : 1;
    const char *f1 = view_format(&self->view), *f2 = view_format(&src);
    char c1 = fmt_char(f1), c2 = fmt_char(f2);
    int same_fmt = (c1 && c1 == c2) || strcmp(f1, f2) == 0;
    if (!same_fmt || sndim != 1 || slen != n || src.itemsize != self->view.itemsize) {
        PyBuffer_Release(&src);
        PyErr_SetString(PyExc_ValueError,
                        "memoryview assignment: lvalue and rvalue have different structures");
        return -1;
    }
    Py_ssize_t isz = self->view.itemsize;
    char *tmp = PyMem_Malloc((n * isz) > 0 ? n * isz : 1);
    if (tmp == NULL) {
        PyBuffer_Release(&src);
        PyErr_NoMemory();
        return -1;
    }
    Py_ssize_t sstride = src.strides ? src.strides[0] : isz;
    copy_items(tmp, src.buf, 1, &slen, &sstride, isz, 'C');
    PyBuffer_Release(&src);
    char *dst = (char *)self->view.buf + start * self->strides[0];
    for (Py_ssize_t i = 0; i < n; i++) {
        memcpy(dst + i * self->strides[0] * step, tmp + i * isz, isz);
    }
    PyMem_Free(tmp);
    return 0;
}

static int
memory_ass_subscript(PyObject *op, PyObject *key, PyObject *value)
{
    PyMemoryViewObject *self = MV(op);
    CHECK_RELEASED(self, -1);
    if (self->view.readonly) {
        PyErr_SetString(PyExc_TypeError, "cannot modify read-only memory");
        return -1;
    }
    if (value == NULL) {
        PyErr_SetString(PyExc_TypeError, "cannot delete memory");
        return -1;
    }
    const char *fmt = view_format(&self->view);
    char c = fmt_char(fmt);
    if (self->view.ndim == 0) {
        if (key == Py_Ellipsis || (PyTuple_Check(key) && PyTuple_GET_SIZE(key) == 0)) {
            return pack_item(c, self->view.buf, value, fmt);
        }
        PyErr_SetString(PyExc_TypeError, "invalid indexing of 0-dim memory");
        return -1;
    }
    if (PyIndex_Check(key)) {
        if (self->view.ndim > 1) {
            PyErr_SetString(PyExc_NotImplementedError, "sub-views are not implemented");
            return -1;
        }
        char *p = item_ptr(self, 0, self->view.buf, key);
        return p ? pack_item(c, p, value, fmt) : -1;
    }
    if (PySlice_Check(key)) {
        return assign_slice(self, key, value);
    }
    if (PyTuple_Check(key)) {
        int kind = tuple_kind(key);
        if (kind == 1) {
            char *p = multi_item_ptr(self, key);
            return p ? pack_item(c, p, value, fmt) : -1;
        }
        if (kind == 2) {
            PyErr_SetString(PyExc_NotImplementedError,
                            "memoryview slice assignments are currently restricted to ndim = 1");
            return -1;
        }
    }
    PyErr_SetString(PyExc_TypeError, "memoryview: invalid slice key");
    return -1;
}

static Py_ssize_t
memory_length(PyObject *op)
{
    PyMemoryViewObject *self = MV(op);
    CHECK_RELEASED(self, -1);
    if (self->view.ndim == 0) {
        PyErr_SetString(PyExc_TypeError, "0-dim memory has no length");
        return -1;
    }
    return self->shape[0];
}

static PyObject *
memory_item(PyObject *op, Py_ssize_t i)
{
    PyMemoryViewObject *self = MV(op);
    CHECK_RELEASED(self, NULL);
    if (self->view.ndim == 0) {
        PyErr_SetString(PyExc_TypeError, "invalid indexing of 0-dim memory");
        return NULL;
    }
    if (self->view.ndim > 1) {
        PyErr_SetString(PyExc_NotImplementedError,
                        "multi-dimensional sub-views are not implemented");
        return NULL;
    }
    if (i < 0) {
        i += self->shape[0];
    }
    if (i < 0 || i >= self->shape[0]) {
        PyErr_SetString(PyExc_IndexError, "index out of bounds on dimension 1");
        return NULL;
    }
    return unpack_at(self, (char *)self->view.buf + i * self->strides[0]);
}

static PyObject *
memory_iter(PyObject *op)
{
    PyMemoryViewObject *self = MV(op);
    CHECK_RELEASED(self, NULL);
    if (self->view.ndim == 0) {
        PyErr_SetString(PyExc_TypeError, "invalid indexing of 0-dim memory");
        return NULL;
    }
    if (self->view.ndim != 1) {
        PyErr_SetString(PyExc_NotImplementedError,
                        "multi-dimensional sub-views are not implemented");
        return NULL;
    }
    const char *fmt = view_format(&self->view);
    if (fmt_char(fmt) == 0) {
        PyErr_Format(PyExc_NotImplementedError, "memoryview: unsupported format %s", fmt);
        return NULL;
    }
    return PySeqIter_New(op);
}

/* ---- comparison and hashing ------------------------------------------------ */

/* Compare the items of two views of equal shape, recursively by dimension. */
static int
cmp_items(const char *a, const Py_ssize_t *ashape, const Py_ssize_t *astrides, char ca,
          const char *fa, const char *b, const Py_ssize_t *bstrides, char cb, const char *fb,
          int ndim, Py_ssize_t isz, int raw)
{
    if (ndim == 0) {
        if (raw) {
            return memcmp(a, b, isz) == 0;
        }
        PyObject *x = unpack_item(ca, a, fa);
        if (x == NULL) return -1;
        PyObject *y = unpack_item(cb, b, fb);
        if (y == NULL) {
            Py_DECREF(x);
            return -1;
        }
        int r = PyObject_RichCompareBool(x, y, Py_EQ);
        Py_DECREF(x);
        Py_DECREF(y);
        return r;
    }
    for (Py_ssize_t i = 0; i < ashape[0]; i++) {
        int r = cmp_items(a + i * astrides[0], ashape + 1, astrides + 1, ca, fa,
                          b + i * bstrides[0], bstrides + 1, cb, fb, ndim - 1, isz, raw);
        if (r <= 0) {
            return r;
        }
    }
    return 1;
}

static PyObject *
memory_richcompare(PyObject *v, PyObject *w, int op)
{
    if (op != Py_EQ && op != Py_NE) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    int equal = 0;
    if (v == w) {
        equal = 1;
        goto done;
    }
    if (!PyMemoryView_Check(v)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    PyMemoryViewObject *self = MV(v);
    if (self->mbuf == NULL || (PyMemoryView_Check(w) && MV(w)->mbuf == NULL)) {
        goto done;
    }
    Py_buffer other;
    int have_other = 0;
    const Py_buffer *ov;
    Py_ssize_t oshape1, ostride1;
    const Py_ssize_t *oshape, *ostrides;
    if (PyMemoryView_Check(w)) {
        ov = &MV(w)->view;
        oshape = MV(w)->shape;
        ostrides = MV(w)->strides;
    }
    else {
        if (!PyObject_CheckBuffer(w)) {
            Py_RETURN_NOTIMPLEMENTED;
        }
        if (PyObject_GetBuffer(w, &other, PyBUF_FULL_RO) < 0) {
            PyErr_Clear();
            Py_RETURN_NOTIMPLEMENTED;
        }
        have_other = 1;
        ov = &other;
        if (other.shape == NULL) {
            oshape1 = other.len / (other.itemsize ? other.itemsize : 1);
            oshape = &oshape1;
        }
        else {
            oshape = other.shape;
        }
        if (other.strides == NULL) {
            ostride1 = other.itemsize;
            ostrides = &ostride1;
        }
        else {
            ostrides = other.strides;
        }
    }
    const char *fa = view_format(&self->view), *fb = view_format(ov);
    char ca = fmt_char(fa), cb = fmt_char(fb);
    int ondim = ov->shape ? ov->ndim : 1;
    Py_buffer tmpb = *ov;
    tmpb.ndim = ondim;
    if (!same_shape(&self->view, self->shape, &tmpb, oshape)) {
        equal = 0;
    }
    else if (ca == 0 || cb == 0) {
        /* A format we cannot unpack: equal only as identical bytes of an
         * identical format. */
        if (strcmp(fa, fb) == 0 && self->view.itemsize == ov->itemsize) {
            equal = cmp_items(self->view.buf, self->shape, self->strides, ca, fa, ov->buf,
                              ostrides, cb, fb, self->view.ndim, self->view.itemsize, 1);
        }
        else {
            equal = 0;
        }
    }
    else {
        int raw = ca == cb && ca != 'f' && ca != 'd';
        equal = cmp_items(self->view.buf, self->shape, self->strides, ca, fa, ov->buf, ostrides,
                          cb, fb, self->view.ndim, self->view.itemsize, raw);
    }
    if (have_other) {
        PyBuffer_Release(&other);
    }
    if (equal < 0) {
        return NULL;
    }
done:
    if (op == Py_NE) {
        equal = !equal;
    }
    return Py_NewRef(equal ? Py_True : Py_False);
}

static PyObject *memory_tobytes_order(PyMemoryViewObject *self, char order);

static Py_hash_t
memory_hash(PyObject *op)
{
    PyMemoryViewObject *self = MV(op);
    if (self->hash != -1) {
        return self->hash;
    }
    CHECK_RELEASED(self, -1);
    if (!self->view.readonly) {
        PyErr_SetString(PyExc_ValueError, "cannot hash writable memoryview object");
        return -1;
    }
    if (!is_byte_fmt(fmt_char(view_format(&self->view)))) {
        PyErr_SetString(PyExc_ValueError,
                        "memoryview: hashing is restricted to formats 'B', 'b' or 'c'");
        return -1;
    }
    if (self->view.obj != NULL && PyObject_Hash(self->view.obj) == -1) {
        return -1;
    }
    /* Equal to hash(bytes) of the same contents, since m == bytes(m). */
    PyObject *b = memory_tobytes_order(self, 'C');
    if (b == NULL) {
        return -1;
    }
    self->hash = PyObject_Hash(b);
    Py_DECREF(b);
    return self->hash;
}

/* ---- exporting ------------------------------------------------------------- */

static int memory_getbuf_locked(PyObject *op, Py_buffer *view, int flags);

/* Exports are counted under the view's lock, the same lock release() takes,
 * so a release racing an export in another thread sees a consistent count. */
static int
memory_getbuf(PyObject *op, Py_buffer *view, int flags)
{
    int r;
    Py_BEGIN_CRITICAL_SECTION(op);
    r = memory_getbuf_locked(op, view, flags);
    Py_END_CRITICAL_SECTION();
    return r;
}

static int
memory_getbuf_locked(PyObject *op, Py_buffer *view, int flags)
{
    PyMemoryViewObject *self = MV(op);
    CHECK_RELEASED(self, -1);
    const Py_buffer *base = &self->view;
    int c = is_c_contig(base->ndim, self->shape, self->strides, base->itemsize);
    int f = is_f_contig(base->ndim, self->shape, self->strides, base->itemsize);
    if ((flags & PyBUF_WRITABLE) && base->readonly) {
        PyErr_SetString(PyExc_BufferError, "memoryview: underlying buffer is not writable");
        return -1;
    }
    if ((flags & PyBUF_C_CONTIGUOUS) == PyBUF_C_CONTIGUOUS && !c) {
        PyErr_SetString(PyExc_BufferError, "memoryview: underlying buffer is not C-contiguous");
        return -1;
    }
    if ((flags & PyBUF_F_CONTIGUOUS) == PyBUF_F_CONTIGUOUS && !f) {
        PyErr_SetString(PyExc_BufferError,
                        "memoryview: underlying buffer is not Fortran contiguous");
        return -1;
    }
    if ((flags & PyBUF_ANY_CONTIGUOUS) == PyBUF_ANY_CONTIGUOUS && !c && !f) {
        PyErr_SetString(PyExc_BufferError, "memoryview: underlying buffer is not contiguous");
        return -1;
    }
    *view = *base;
    view->shape = self->shape;
    view->strides = self->strides;
    view->suboffsets = NULL;
    if (!(flags & PyBUF_FORMAT)) {
        view->format = NULL;
    }
    if ((flags & PyBUF_STRIDES) != PyBUF_STRIDES) {
        if (!c) {
            PyErr_SetString(PyExc_BufferError, "memoryview: underlying buffer requires strides");
            return -1;
        }
        view->strides = NULL;
    }
    if (!(flags & PyBUF_ND)) {
        if (view->format != NULL) {
            PyErr_Format(PyExc_BufferError,
                         "memoryview: cannot cast to unsigned bytes if the format flag is present");
            return -1;
        }
        view->ndim = 1;
        view->shape = NULL;
    }
    view->obj = Py_NewRef(op);
    self->exports++;
    return 0;
}

static void
memory_releasebuf(PyObject *op, Py_buffer *view)
{
    Py_BEGIN_CRITICAL_SECTION(op);
    MV(op)->exports--;
    Py_END_CRITICAL_SECTION();
}

static PyBufferProcs memory_as_buffer = {
    .bf_getbuffer = memory_getbuf,
    .bf_releasebuffer = memory_releasebuf,
};

/* ---- methods --------------------------------------------------------------- */

static PyObject *
memory_release_meth(PyObject *op, PyObject *unused)
{
    int r;
    Py_BEGIN_CRITICAL_SECTION(op);
    r = mv_release(MV(op));
    Py_END_CRITICAL_SECTION();
    if (r < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
memory_enter(PyObject *op, PyObject *unused)
{
    CHECK_RELEASED(MV(op), NULL);
    return Py_NewRef(op);
}

static PyObject *
memory_exit(PyObject *op, PyObject *args)
{
    return memory_release_meth(op, NULL);
}

static PyObject *
memory_tobytes_order(PyMemoryViewObject *self, char order)
{
    PyObject *b = PyBytes_FromStringAndSize(NULL, self->view.len);
    if (b == NULL) {
        return NULL;
    }
    copy_items(PyBytes_AS_STRING(b), self->view.buf, self->view.ndim, self->shape, self->strides,
               self->view.itemsize, order);
    return b;
}

static PyObject *
memory_tobytes(PyObject *op, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"order", NULL};
    PyObject *order = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|O:tobytes", kwlist, &order)) {
        return NULL;
    }
    PyMemoryViewObject *self = MV(op);
    CHECK_RELEASED(self, NULL);
    char ord = 'C';
    if (order != Py_None) {
        if (!PyUnicode_Check(order)) {
            PyErr_Format(PyExc_TypeError, "tobytes() argument 'order' must be str or None, not %.50s",
                         Py_TYPE(order)->tp_name);
            return NULL;
        }
        const char *s = PyUnicode_AsUTF8AndSize(order, NULL);
        if (s == NULL) {
            return NULL;
        }
        if (strcmp(s, "C") != 0 && strcmp(s, "F") != 0 && strcmp(s, "A") != 0) {
            PyErr_SetString(PyExc_ValueError, "order must be 'C', 'F' or 'A'");
            return NULL;
        }
        ord = s[0];
        if (ord == 'A') {
            ord = is_c_contig(self->view.ndim, self->shape, self->strides, self->view.itemsize)
                      ? 'C'
                  : is_f_contig(self->view.ndim, self->shape, self->strides, self->view.itemsize)
                      ? 'F'
                      : 'C';
        }
    }
    return memory_tobytes_order(self, ord);
}

static PyObject *
tolist_rec(PyMemoryViewObject *self, const char *p, int dim, char c, const char *fmt)
{
    if (dim == self->view.ndim) {
        return unpack_item(c, p, fmt);
    }
    PyObject *list = PyList_New(self->shape[dim]);
    if (list == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < self->shape[dim]; i++) {
        PyObject *x = tolist_rec(self, p + i * self->strides[dim], dim + 1, c, fmt);
        if (x == NULL) {
            Py_DECREF(list);
            return NULL;
        }
        PyList_SET_ITEM(list, i, x);
    }
    return list;
}

static PyObject *
memory_tolist(PyObject *op, PyObject *unused)
{
    PyMemoryViewObject *self = MV(op);
    CHECK_RELEASED(self, NULL);
    const char *fmt = view_format(&self->view);
    char c = fmt_char(fmt);
    if (c == 0) {
        PyErr_Format(PyExc_NotImplementedError, "memoryview: format %s not supported", fmt);
        return NULL;
    }
    return tolist_rec(self, self->view.buf, 0, c, fmt);
}

static PyObject *
memory_hex(PyObject *op, PyObject *args, PyObject *kwds)
{
    PyMemoryViewObject *self = MV(op);
    CHECK_RELEASED(self, NULL);
    PyObject *b = memory_tobytes_order(self, 'C');
    if (b == NULL) {
        return NULL;
    }
    /* Same signature and result as bytes.hex on the same bytes. */
    PyObject *meth = PyObject_GetAttrString(b, "hex");
    Py_DECREF(b);
    if (meth == NULL) {
        return NULL;
    }
    PyObject *r = PyObject_Call(meth, args, kwds);
    Py_DECREF(meth);
    return r;
}

static PyObject *
memory_toreadonly(PyObject *op, PyObject *unused)
{
    PyMemoryViewObject *self = MV(op);
    CHECK_RELEASED(self, NULL);
    PyMemoryViewObject *r = mv_copy(self);
    if (r != NULL) {
        r->view.readonly = 1;
    }
    return (PyObject *)r;
}

static PyObject *
memory_cast(PyObject *op, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"format", "shape", NULL};
    PyObject *format, *shape = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|O:cast", kwlist, &format, &shape)) {
        return NULL;
    }
    PyMemoryViewObject *self = MV(op);
    CHECK_RELEASED(self, NULL);
    if (!is_c_contig(self->view.ndim, self->shape, self->strides, self->view.itemsize)) {
        PyErr_SetString(PyExc_TypeError, "memoryview: casts are restricted to C-contiguous views");
        return NULL;
    }
    int zeros = 0;
    for (int i = 0; i < self->view.ndim; i++) {
        if (self->shape[i] == 0) zeros = 1;
    }
    if ((shape != NULL || self->view.ndim != 1) && zeros) {
        PyErr_SetString(PyExc_TypeError,
                        "memoryview: cannot cast view with zeros in shape or strides");
        return NULL;
    }
    Py_ssize_t ndim = 1;
    if (shape != NULL) {
        if (!PyList_Check(shape) && !PyTuple_Check(shape)) {
            PyErr_SetString(PyExc_TypeError, "shape must be a list or a tuple");
            return NULL;
        }
        ndim = PySequence_Size(shape);
        if (ndim < 0) {
            return NULL;
        }
        if (self->view.ndim != 1 && ndim != 1) {
            PyErr_SetString(PyExc_TypeError, "memoryview: cast must be 1D -> ND or ND -> 1D");
            return NULL;
        }
        if (ndim > PyBUF_MAX_NDIM) {
            PyErr_SetString(PyExc_ValueError,
                            "memoryview: number of dimensions must not exceed 64");
            return NULL;
        }
    }
    if (!PyUnicode_Check(format)) {
        PyErr_Format(PyExc_TypeError, "cast() argument 'format' must be str, not %.50s",
                     Py_TYPE(format)->tp_name);
        return NULL;
    }
    const char *fs = PyUnicode_AsUTF8AndSize(format, NULL);
    if (fs == NULL) {
        return NULL;
    }
    char dc = fmt_char(fs);
    if (dc == 0) {
        PyErr_SetString(PyExc_ValueError,
                        "memoryview: destination format must be a native single character "
                        "format prefixed with an optional '@'");
        return NULL;
    }
    char sc = fmt_char(view_format(&self->view));
    if (!is_byte_fmt(sc) && !is_byte_fmt(dc)) {
        PyErr_SetString(PyExc_TypeError, "memoryview: cannot cast between two non-byte formats");
        return NULL;
    }
    Py_ssize_t isz = fmt_size(dc);
    if (self->view.len % isz) {
        PyErr_SetString(PyExc_TypeError, "memoryview: length is not a multiple of itemsize");
        return NULL;
    }
    Py_ssize_t newshape[PyBUF_MAX_NDIM];
    if (shape == NULL) {
        newshape[0] = self->view.len / isz;
    }
    else {
        Py_ssize_t prod = 1;
        for (Py_ssize_t i = 0; i < ndim; i++) {
            PyObject *x = PySequence_Fast_GET_ITEM(shape, i);
            Py_ssize_t v = PyLong_Check(x) ? PyLong_AsSsize_t(x) : -1;
            if (v == -1 && PyErr_Occurred()) {
                PyErr_Clear();
            }
            if (v <= 0) {
                PyErr_SetString(PyExc_ValueError,
                                "memoryview.cast(): elements of shape must be integers > 0");
                return NULL;
            }
            if (prod > PY_SSIZE_T_MAX / v) {
                PyErr_SetString(PyExc_ValueError,
                                "memoryview.cast(): product(shape) > SSIZE_MAX");
                return NULL;
            }
            prod *= v;
            newshape[i] = v;
        }
        if (prod * isz != self->view.len) {
            PyErr_SetString(PyExc_TypeError,
                            "memoryview: product(shape) * itemsize != buffer size");
            return NULL;
        }
    }
    PyMemoryViewObject *r = mv_copy(self);
    if (r == NULL) {
        return NULL;
    }
    r->fmt[0] = dc;
    r->fmt[1] = '\0';
    r->view.format = r->fmt;
    r->view.itemsize = isz;
    r->view.ndim = (int)ndim;
    Py_ssize_t sd = isz;
    for (Py_ssize_t i = ndim - 1; i >= 0; i--) {
        r->shape[i] = newshape[i];
        r->strides[i] = sd;
        sd *= newshape[i];
    }
    return (PyObject *)r;
}

static PyMethodDef memory_methods[] = {
    {"release", memory_release_meth, METH_NOARGS, "Release the underlying buffer exposed by the memoryview object."},
    {"tobytes", (PyCFunction)(void (*)(void))memory_tobytes, METH_VARARGS | METH_KEYWORDS,
     "Return the data in the buffer as a byte string."},
    {"hex", (PyCFunction)(void (*)(void))memory_hex, METH_VARARGS | METH_KEYWORDS,
     "Return the data in the buffer as a str of hexadecimal numbers."},
    {"tolist", memory_tolist, METH_NOARGS, "Return the data in the buffer as a list of elements."},
    {"cast", (PyCFunction)(void (*)(void))memory_cast, METH_VARARGS | METH_KEYWORDS,
     "Cast a memoryview to a new format or shape."},
    {"toreadonly", memory_toreadonly, METH_NOARGS, "Return a readonly version of the memoryview."},
    {"__enter__", memory_enter, METH_NOARGS, NULL},
    {"__exit__", memory_exit, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

/* ---- attributes ------------------------------------------------------------ */

static PyObject *
ssize_tuple(const Py_ssize_t *a, int n)
{
    PyObject *t = PyTuple_New(n);
    if (t == NULL) {
        return NULL;
    }
    for (int i = 0; i < n; i++) {
        PyObject *x = PyLong_FromSsize_t(a[i]);
        if (x == NULL) {
            Py_DECREF(t);
            return NULL;
        }
        PyTuple_SET_ITEM(t, i, x);
    }
    return t;
}

static PyObject *
mv_get_obj(PyObject *op, void *c)
{
    CHECK_RELEASED(MV(op), NULL);
    return Py_NewRef(MV(op)->view.obj ? MV(op)->view.obj : Py_None);
}

static PyObject *
mv_get_nbytes(PyObject *op, void *c)
{
    PyMemoryViewObject *self = MV(op);
    CHECK_RELEASED(self, NULL);
    return PyLong_FromSsize_t(self->view.len);
}

static PyObject *
mv_get_readonly(PyObject *op, void *c)
{
    CHECK_RELEASED(MV(op), NULL);
    return PyBool_FromLong(MV(op)->view.readonly);
}

static PyObject *
mv_get_itemsize(PyObject *op, void *c)
{
    CHECK_RELEASED(MV(op), NULL);
    return PyLong_FromSsize_t(MV(op)->view.itemsize);
}

static PyObject *
mv_get_format(PyObject *op, void *c)
{
    CHECK_RELEASED(MV(op), NULL);
    return PyUnicode_FromString(view_format(&MV(op)->view));
}

static PyObject *
mv_get_ndim(PyObject *op, void *c)
{
    CHECK_RELEASED(MV(op), NULL);
    return PyLong_FromLong(MV(op)->view.ndim);
}

static PyObject *
mv_get_shape(PyObject *op, void *c)
{
    CHECK_RELEASED(MV(op), NULL);
    return ssize_tuple(MV(op)->shape, MV(op)->view.ndim);
}

static PyObject *
mv_get_strides(PyObject *op, void *c)
{
    CHECK_RELEASED(MV(op), NULL);
    return ssize_tuple(MV(op)->strides, MV(op)->view.ndim);
}

static PyObject *
mv_get_suboffsets(PyObject *op, void *c)
{
    CHECK_RELEASED(MV(op), NULL);
    return PyTuple_New(0);
}

static PyObject *
mv_get_released(PyObject *op, void *c)
{
    return PyBool_FromLong(MV(op)->mbuf == NULL);
}

static PyObject *
mv_get_c_contig(PyObject *op, void *c)
{
    PyMemoryViewObject *self = MV(op);
    CHECK_RELEASED(self, NULL);
    return PyBool_FromLong(
        is_c_contig(self->view.ndim, self->shape, self->strides, self->view.itemsize));
}

static PyObject *
mv_get_f_contig(PyObject *op, void *c)
{
    PyMemoryViewObject *self = MV(op);
    CHECK_RELEASED(self, NULL);
    return PyBool_FromLong(
        is_f_contig(self->view.ndim, self->shape, self->strides, self->view.itemsize));
}

static PyObject *
mv_get_contig(PyObject *op, void *c)
{
    PyMemoryViewObject *self = MV(op);
    CHECK_RELEASED(self, NULL);
    return PyBool_FromLong(
        is_c_contig(self->view.ndim, self->shape, self->strides, self->view.itemsize) ||
        is_f_contig(self->view.ndim, self->shape, self->strides, self->view.itemsize));
}

static PyGetSetDef memory_getset[] = {
    {"obj", mv_get_obj, NULL, "The underlying object of the memoryview.", NULL},
    {"nbytes", mv_get_nbytes, NULL, "The amount of space in bytes that the array would use in a contiguous representation.", NULL},
    {"readonly", mv_get_readonly, NULL, "A bool indicating whether the memory is read only.", NULL},
    {"itemsize", mv_get_itemsize, NULL, "The size in bytes of each element of the memoryview.", NULL},
    {"format", mv_get_format, NULL, "A string containing the format (in struct module style) for each element in the view.", NULL},
    {"ndim", mv_get_ndim, NULL, "An integer indicating how many dimensions of a multi-dimensional array the memory represents.", NULL},
    {"shape", mv_get_shape, NULL, "A tuple of ndim integers giving the shape of the memory as an N-dimensional array.", NULL},
    {"strides", mv_get_strides, NULL, "A tuple of ndim integers giving the size in bytes to access each element for each dimension of the array.", NULL},
    {"suboffsets", mv_get_suboffsets, NULL, "A tuple of integers used internally for PIL-style arrays.", NULL},
    {"released", mv_get_released, NULL, "A bool indicating whether the memoryview is released.", NULL},
    {"c_contiguous", mv_get_c_contig, NULL, "A bool indicating whether the memory is C contiguous.", NULL},
    {"f_contiguous", mv_get_f_contig, NULL, "A bool indicating whether the memory is Fortran contiguous.", NULL},
    {"contiguous", mv_get_contig, NULL, "A bool indicating whether the memory is contiguous.", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PySequenceMethods memory_as_sequence = {
    .sq_length = memory_length,
    .sq_item = memory_item,
};

static PyMappingMethods memory_as_mapping = {
    .mp_length = memory_length,
    .mp_subscript = memory_subscript,
    .mp_ass_subscript = memory_ass_subscript,
};

PyTypeObject PyMemoryView_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "memoryview",
    .tp_basicsize = sizeof(PyMemoryViewObject),
    .tp_dealloc = memory_dealloc,
    .tp_repr = memory_repr,
    .tp_as_sequence = &memory_as_sequence,
    .tp_as_mapping = &memory_as_mapping,
    .tp_hash = memory_hash,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_as_buffer = &memory_as_buffer,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_SEQUENCE,
    .tp_doc = "memoryview(object)\n--\n\nCreate a new memoryview object which references the given object.",
    .tp_richcompare = memory_richcompare,
    .tp_weaklistoffset = offsetof(PyMemoryViewObject, weakreflist),
    .tp_iter = memory_iter,
    .tp_methods = memory_methods,
    .tp_getset = memory_getset,
    .tp_new = memory_new,
};
