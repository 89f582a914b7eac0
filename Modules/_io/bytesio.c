/* bytesio.c: _io.BytesIO, a binary stream over an in-memory buffer:
 * read/read1/readinto/readline(s)/write/writelines/seek/tell/truncate/
 * getvalue/getbuffer.  Each operation runs in a critical section on the
 * object.  getbuffer() exports the internal buffer through a small helper
 * object; while such an export lives, operations that would move or resize
 * the buffer raise BufferError. */
#include "_iomodule.h"

typedef struct {
    IOBASE_HEAD
    char *buf;
    Py_ssize_t pos;
    Py_ssize_t string_size;
    Py_ssize_t allocated;
    char closed;
    Py_ssize_t exports; /* live buffers handed out by getbuffer() */
} bytesio;

/* Refuse to move or resize memory that a getbuffer() view may be reading. */
static int
check_exports(bytesio *self)
{
    if (self->exports > 0) {
        PyErr_SetString(PyExc_BufferError, "Existing exports of data: object cannot be re-sized");
        return -1;
    }
    return 0;
}

#define CHECK_CLOSED(self, ret)        \
    if ((self)->closed) {              \
        _PyIO_ClosedError();           \
        return ret;                    \
    }

static int
resize_buffer(bytesio *self, Py_ssize_t size)
{
    if (size <= self->allocated) {
        return 0;
    }
    Py_ssize_t alloc = self->allocated ? self->allocated : 64;
    while (alloc < size) {
        if (alloc > PY_SSIZE_T_MAX / 2) {
            alloc = size;
            break;
        }
        alloc *= 2;
    }
    char *n = PyMem_Realloc(self->buf, alloc);
    if (n == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    self->buf = n;
    self->allocated = alloc;
    return 0;
}

static Py_ssize_t
write_bytes(bytesio *self, const char *data, Py_ssize_t len)
{
    if (check_exports(self) < 0) {
        return -1;
    }
    if (len == 0) {
        return 0;
    }
    Py_ssize_t end = self->pos + len;
    if (end < 0) {
        PyErr_NoMemory();
        return -1;
    }
    if (resize_buffer(self, end) < 0) {
        return -1;
    }
    if (self->pos > self->string_size) {
        memset(self->buf + self->string_size, 0, self->pos - self->string_size);
    }
    memcpy(self->buf + self->pos, data, len);
    self->pos = end;
    if (end > self->string_size) {
        self->string_size = end;
    }
    return len;
}

static PyObject *
bytesio_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    bytesio *self = (bytesio *)type->tp_alloc(type, 0);
    return (PyObject *)self;
}

static int
bytesio_init(PyObject *op, PyObject *args, PyObject *kwds)
{
    bytesio *self = (bytesio *)op;
    static char *kwlist[] = {"initial_bytes", NULL};
    PyObject *initial = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|O:BytesIO", kwlist, &initial)) {
        return -1;
    }
    int r = 0;
    Py_BEGIN_CRITICAL_SECTION(op);
    if (check_exports(self) < 0) {
        r = -1;
        goto done;
    }
    self->string_size = 0;
    self->pos = 0;
    self->closed = 0;
    if (initial != NULL && initial != Py_None) {
        Py_buffer view;
        if (PyObject_GetBuffer(initial, &view, PyBUF_SIMPLE) < 0) {
            PyErr_Clear();
            PyErr_Format(PyExc_TypeError, "a bytes-like object is required, not '%.100s'",
                         Py_TYPE(initial)->tp_name);
            r = -1;
        }
        else {
            if (write_bytes(self, view.buf, view.len) < 0) {
                r = -1;
            }
            PyBuffer_Release(&view);
            self->pos = 0;
        }
    }
done:
    Py_END_CRITICAL_SECTION();
    return r;
}

static int
bytesio_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(((bytesio *)op)->dict);
    return 0;
}

static int
bytesio_clear(PyObject *op)
{
    Py_CLEAR(((bytesio *)op)->dict);
    return 0;
}

static void
bytesio_dealloc(PyObject *op)
{
    bytesio *self = (bytesio *)op;
    PyObject_GC_UnTrack(op);
    _PyIO_ClearWeakRefs(op);
    PyMem_Free(self->buf);
    self->buf = NULL;
    bytesio_clear(op);
    Py_TYPE(op)->tp_free(op);
}

static PyObject *
bytesio_getvalue(PyObject *op, PyObject *unused)
{
    bytesio *self = (bytesio *)op;
    PyObject *res;
    Py_BEGIN_CRITICAL_SECTION(op);
    if (self->closed) {
        res = _PyIO_ClosedError();
    }
    else {
        res = PyBytes_FromStringAndSize(self->buf, self->string_size);
    }
    Py_END_CRITICAL_SECTION();
    return res;
}

static PyObject *
read_locked(bytesio *self, Py_ssize_t size)
{
    CHECK_CLOSED(self, NULL)
    Py_ssize_t avail = self->string_size - self->pos;
    if (avail < 0) {
        avail = 0;
    }
    if (size < 0 || size > avail) {
        size = avail;
    }
    PyObject *res = PyBytes_FromStringAndSize(self->buf ? self->buf + self->pos : NULL, size);
    if (res != NULL) {
        self->pos += size;
    }
    return res;
}

static PyObject *
bytesio_read(PyObject *op, PyObject *args)
{
    PyObject *sizeobj = Py_None;
    Py_ssize_t size;
    if (!PyArg_ParseTuple(args, "|O:read", &sizeobj) || !_PyIO_ConvertSize(sizeobj, &size)) {
        return NULL;
    }
    PyObject *res;
    Py_BEGIN_CRITICAL_SECTION(op);
    res = read_locked((bytesio *)op, size);
    Py_END_CRITICAL_SECTION();
    return res;
}

static PyObject *
bytesio_read1(PyObject *op, PyObject *args)
{
    PyObject *sizeobj = Py_None;
    Py_ssize_t size;
    if (!PyArg_ParseTuple(args, "|O:read1", &sizeobj) || !_PyIO_ConvertSize(sizeobj, &size)) {
        return NULL;
    }
    PyObject *res;
    Py_BEGIN_CRITICAL_SECTION(op);
    res = read_locked((bytesio *)op, size);
    Py_END_CRITICAL_SECTION();
    return res;
}

static PyObject *
readline_locked(bytesio *self, Py_ssize_t limit)
{
    CHECK_CLOSED(self, NULL)
    Py_ssize_t avail = self->string_size - self->pos;
    if (avail <= 0) {
        return PyBytes_FromStringAndSize(NULL, 0);
    }
    if (limit >= 0 && limit < avail) {
        avail = limit;
    }
    const char *start = self->buf + self->pos;
    const char *nl = memchr(start, '\n', avail);
    Py_ssize_t n = nl ? (nl - start) + 1 : avail;
    PyObject *res = PyBytes_FromStringAndSize(start, n);
    if (res != NULL) {
        self->pos += n;
    }
    return res;
}

static PyObject *
bytesio_readline(PyObject *op, PyObject *args)
{
    PyObject *sizeobj = Py_None;
    Py_ssize_t size;
    if (!PyArg_ParseTuple(args, "|O:readline", &sizeobj) || !_PyIO_ConvertSize(sizeobj, &size)) {
        return NULL;
    }
    PyObject *res;
    Py_BEGIN_CRITICAL_SECTION(op);
    res = readline_locked((bytesio *)op, size);
    Py_END_CRITICAL_SECTION();
    return res;
}

static PyObject *
readlines_locked(bytesio *self, Py_ssize_t hint)
{
    CHECK_CLOSED(self, NULL)
    PyObject *result = PyList_New(0);
    if (result == NULL) {
        return NULL;
    }
    Py_ssize_t total = 0;
    for (;;) {
        PyObject *line = readline_locked(self, -1);
        if (line == NULL) {
            Py_DECREF(result);
            return NULL;
        }
        Py_ssize_t n = PyBytes_GET_SIZE(line);
        if (n == 0) {
            Py_DECREF(line);
            break;
        }
        int r = PyList_Append(result, line);
        Py_DECREF(line);
        if (r < 0) {
            Py_DECREF(result);
            return NULL;
        }
        total += n;
        if (hint > 0 && total >= hint) {
            break;
        }
    }
    return result;
}

static PyObject *
bytesio_readlines(PyObject *op, PyObject *args)
{
    PyObject *sizeobj = Py_None;
    Py_ssize_t hint;
    if (!PyArg_ParseTuple(args, "|O:readlines", &sizeobj) || !_PyIO_ConvertSize(sizeobj, &hint)) {
        return NULL;
    }
    PyObject *res;
    Py_BEGIN_CRITICAL_SECTION(op);
    res = readlines_locked((bytesio *)op, hint);
    Py_END_CRITICAL_SECTION();
    return res;
}

static PyObject *
bytesio_readinto(PyObject *op, PyObject *arg)
{
    bytesio *self = (bytesio *)op;
    Py_buffer view;
    if (PyObject_GetBuffer(arg, &view, PyBUF_WRITABLE) < 0) {
        PyErr_Clear();
        PyErr_Format(PyExc_TypeError,
                     "readinto() argument must be read-write bytes-like object, not %.200s",
                     Py_TYPE(arg)->tp_name);
        return NULL;
    }
    PyObject *res = NULL;
    Py_BEGIN_CRITICAL_SECTION(op);
    if (self->closed) {
        _PyIO_ClosedError();
    }
    else {
        Py_ssize_t avail = self->string_size - self->pos;
        if (avail < 0) {
            avail = 0;
        }
        Py_ssize_t n = view.len < avail ? view.len : avail;
        if (n > 0) {
            memcpy(view.buf, self->buf + self->pos, n);
        }
        self->pos += n;
        res = PyLong_FromSsize_t(n);
    }
    Py_END_CRITICAL_SECTION();
    PyBuffer_Release(&view);
    return res;
}

static PyObject *
bytesio_write(PyObject *op, PyObject *arg)
{
    bytesio *self = (bytesio *)op;
    if (self->closed) {
        return _PyIO_ClosedError();
    }
    Py_buffer view;
    if (PyObject_GetBuffer(arg, &view, PyBUF_SIMPLE) < 0) {
        PyErr_Clear();
        PyErr_Format(PyExc_TypeError, "a bytes-like object is required, not '%.100s'",
                     Py_TYPE(arg)->tp_name);
        return NULL;
    }
    Py_ssize_t n;
    Py_BEGIN_CRITICAL_SECTION(op);
    if (self->closed) {
        _PyIO_ClosedError();
        n = -1;
    }
    else {
        n = write_bytes(self, view.buf, view.len);
    }
    Py_END_CRITICAL_SECTION();
    PyBuffer_Release(&view);
    if (n < 0) {
        return NULL;
    }
    return PyLong_FromSsize_t(n);
}

static PyObject *
bytesio_writelines(PyObject *op, PyObject *lines)
{
    PyObject *it = PyObject_GetIter(lines);
    if (it == NULL) {
        return NULL;
    }
    PyObject *item;
    while ((item = PyIter_Next(it)) != NULL) {
        PyObject *r = bytesio_write(op, item);
        Py_DECREF(item);
        if (r == NULL) {
            Py_DECREF(it);
            return NULL;
        }
        Py_DECREF(r);
    }
    Py_DECREF(it);
    if (PyErr_Occurred()) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
bytesio_seek(PyObject *op, PyObject *args)
{
    bytesio *self = (bytesio *)op;
    Py_ssize_t pos;
    int whence = 0;
    if (!PyArg_ParseTuple(args, "n|i:seek", &pos, &whence)) {
        return NULL;
    }
    PyObject *res = NULL;
    Py_BEGIN_CRITICAL_SECTION(op);
    if (self->closed) {
        _PyIO_ClosedError();
    }
    else if (pos < 0 && whence == 0) {
        PyErr_Format(PyExc_ValueError, "negative seek value %zd", pos);
    }
    else if (whence < 0 || whence > 2) {
        PyErr_Format(PyExc_ValueError, "invalid whence (%i, should be 0, 1 or 2)", whence);
    }
    else {
        if (whence == 1) {
            pos = pos > PY_SSIZE_T_MAX - self->pos ? PY_SSIZE_T_MAX : self->pos + pos;
        }
        else if (whence == 2) {
            pos = pos > PY_SSIZE_T_MAX - self->string_size ? PY_SSIZE_T_MAX
                                                            : self->string_size + pos;
        }
        if (pos < 0) {
            pos = 0;
        }
        self->pos = pos;
        res = PyLong_FromSsize_t(pos);
    }
    Py_END_CRITICAL_SECTION();
    return res;
}

static PyObject *
bytesio_tell(PyObject *op, PyObject *unused)
{
    bytesio *self = (bytesio *)op;
    CHECK_CLOSED(self, NULL)
    return PyLong_FromSsize_t(self->pos);
}

static PyObject *
bytesio_truncate(PyObject *op, PyObject *args)
{
    bytesio *self = (bytesio *)op;
    PyObject *sizeobj = Py_None;
    if (!PyArg_ParseTuple(args, "|O:truncate", &sizeobj)) {
        return NULL;
    }
    Py_ssize_t size;
    if (sizeobj == Py_None) {
        size = -2;
    }
    else if (!_PyIO_ConvertSize(sizeobj, &size)) {
        return NULL;
    }
    PyObject *res = NULL;
    Py_BEGIN_CRITICAL_SECTION(op);
    if (self->closed) {
        _PyIO_ClosedError();
    }
    else {
        if (size == -2) {
            size = self->pos;
        }
        if (size < 0) {
            PyErr_Format(PyExc_ValueError, "negative size value %zd", size);
        }
        else if (check_exports(self) == 0) {
            if (size < self->string_size) {
                self->string_size = size;
            }
            res = PyLong_FromSsize_t(size);
        }
    }
    Py_END_CRITICAL_SECTION();
    return res;
}

static PyObject *
bytesio_true_if_open(PyObject *op, PyObject *unused)
{
    bytesio *self = (bytesio *)op;
    CHECK_CLOSED(self, NULL)
    Py_RETURN_TRUE;
}

static PyObject *
bytesio_flush(PyObject *op, PyObject *unused)
{
    bytesio *self = (bytesio *)op;
    CHECK_CLOSED(self, NULL)
    Py_RETURN_NONE;
}

static PyObject *
bytesio_isatty(PyObject *op, PyObject *unused)
{
    bytesio *self = (bytesio *)op;
    CHECK_CLOSED(self, NULL)
    Py_RETURN_FALSE;
}

static PyObject *
bytesio_close(PyObject *op, PyObject *unused)
{
    bytesio *self = (bytesio *)op;
    int r = 0;
    Py_BEGIN_CRITICAL_SECTION(op);
    r = check_exports(self);
    if (r == 0) {
        self->closed = 1;
        PyMem_Free(self->buf);
        self->buf = NULL;
        self->allocated = self->string_size = 0;
    }
    Py_END_CRITICAL_SECTION();
    if (r < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
bytesio_iternext(PyObject *op)
{
    PyObject *line;
    Py_BEGIN_CRITICAL_SECTION(op);
    line = readline_locked((bytesio *)op, -1);
    Py_END_CRITICAL_SECTION();
    if (line != NULL && PyBytes_GET_SIZE(line) == 0) {
        Py_CLEAR(line);
    }
    return line;
}

/* _io._BytesIOBuffer: the exporter behind getbuffer(); it holds the BytesIO
 * and counts each buffer it hands out in the BytesIO's exports. */
typedef struct {
    PyObject_HEAD
    bytesio *source;
} bytesiobuf;

static int
bytesiobuf_getbuffer(PyObject *op, Py_buffer *view, int flags)
{
    bytesio *b = ((bytesiobuf *)op)->source;
    int r;
    Py_BEGIN_CRITICAL_SECTION((PyObject *)b);
    r = PyBuffer_FillInfo(view, op, b->buf, b->string_size, 0, flags);
    if (r == 0) {
        b->exports++;
    }
    Py_END_CRITICAL_SECTION();
    return r;
}

static void
bytesiobuf_releasebuffer(PyObject *op, Py_buffer *view)
{
    bytesio *b = ((bytesiobuf *)op)->source;
    Py_BEGIN_CRITICAL_SECTION((PyObject *)b);
    b->exports--;
    Py_END_CRITICAL_SECTION();
}

static void
bytesiobuf_dealloc(PyObject *op)
{
    Py_DECREF(((bytesiobuf *)op)->source);
    PyObject_Free(op);
}

static PyBufferProcs bytesiobuf_as_buffer = {
    .bf_getbuffer = bytesiobuf_getbuffer,
    .bf_releasebuffer = bytesiobuf_releasebuffer,
};

PyTypeObject _PyBytesIOBuffer_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_io._BytesIOBuffer",
    .tp_basicsize = sizeof(bytesiobuf),
    .tp_dealloc = bytesiobuf_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_as_buffer = &bytesiobuf_as_buffer,
    .tp_flags = Py_TPFLAGS_DEFAULT,
};

static PyObject *
bytesio_getbuffer(PyObject *op, PyObject *unused)
{
    bytesio *self = (bytesio *)op;
    CHECK_CLOSED(self, NULL)
    bytesiobuf *exporter = PyObject_New(bytesiobuf, &_PyBytesIOBuffer_Type);
    if (exporter == NULL) {
        return NULL;
    }
    exporter->source = (bytesio *)Py_NewRef(op);
    /* A buffer of a never-written BytesIO still needs a valid pointer. */
    Py_BEGIN_CRITICAL_SECTION(op);
    if (self->buf == NULL) {
        (void)resize_buffer(self, 1);
    }
    Py_END_CRITICAL_SECTION();
    PyObject *view = PyErr_Occurred() ? NULL : PyMemoryView_FromObject((PyObject *)exporter);
    Py_DECREF(exporter);
    return view;
}

static PyObject *
bytesio_get_closed(PyObject *op, void *c)
{
    return PyBool_FromLong(((bytesio *)op)->closed);
}

static PyMethodDef bytesio_methods[] = {
    {"readable", bytesio_true_if_open, METH_NOARGS, NULL},
    {"seekable", bytesio_true_if_open, METH_NOARGS, NULL},
    {"writable", bytesio_true_if_open, METH_NOARGS, NULL},
    {"close", bytesio_close, METH_NOARGS, NULL},
    {"flush", bytesio_flush, METH_NOARGS, NULL},
    {"isatty", bytesio_isatty, METH_NOARGS, NULL},
    {"tell", bytesio_tell, METH_NOARGS, NULL},
    {"write", bytesio_write, METH_O, NULL},
    {"writelines", bytesio_writelines, METH_O, NULL},
    {"read1", bytesio_read1, METH_VARARGS, NULL},
    {"readinto", bytesio_readinto, METH_O, NULL},
    {"readline", bytesio_readline, METH_VARARGS, NULL},
    {"readlines", bytesio_readlines, METH_VARARGS, NULL},
    {"read", bytesio_read, METH_VARARGS, NULL},
    {"getbuffer", bytesio_getbuffer, METH_NOARGS, NULL},
    {"getvalue", bytesio_getvalue, METH_NOARGS, NULL},
    {"seek", bytesio_seek, METH_VARARGS, NULL},
    {"truncate", bytesio_truncate, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef bytesio_getset[] = {
    {"closed", bytesio_get_closed, NULL, "True if the file is closed.", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PyTypeObject PyBytesIO_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_io.BytesIO",
    .tp_basicsize = sizeof(bytesio),
    .tp_dealloc = bytesio_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "Buffered I/O implementation using an in-memory bytes buffer.",
    .tp_traverse = bytesio_traverse,
    .tp_clear = bytesio_clear,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = bytesio_iternext,
    .tp_methods = bytesio_methods,
    .tp_getset = bytesio_getset,
    .tp_base = &PyBufferedIOBase_Type,
    .tp_dictoffset = offsetof(bytesio, dict),
    .tp_init = bytesio_init,
    .tp_new = bytesio_new,
    .tp_free = PyObject_GC_Del,
};
