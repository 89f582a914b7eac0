/* iobase.c: _io._IOBase and _io._RawIOBase, the bases every I/O class
 * derives from: closed checks, context manager, line iteration,
 * readline/readlines/writelines written against the subclass's
 * read/peek/write, the finaliser that closes an object nobody closed, and
 * the generic raw read/readall built on readinto/read. */
#include "_iomodule.h"
#include "pycore_object.h"

PyObject *_PyIO_unsupported_operation;

PyObject *
_PyIO_Unsupported(const char *msg)
{
    PyErr_SetString(_PyIO_unsupported_operation ? _PyIO_unsupported_operation
                                                : PyExc_OSError, msg);
    return NULL;
}

PyObject *
_PyIO_ClosedError(void)
{
    PyErr_SetString(PyExc_ValueError, "I/O operation on closed file.");
    return NULL;
}

int
_PyIO_ConvertSize(PyObject *obj, Py_ssize_t *out)
{
    if (obj == NULL || obj == Py_None) {
        *out = -1;
        return 1;
    }
    if (!PyIndex_Check(obj)) {
        PyErr_Format(PyExc_TypeError,
                     "argument should be integer or None, not '%.200s'",
                     Py_TYPE(obj)->tp_name);
        return 0;
    }
    Py_ssize_t n = PyNumber_AsSsize_t(obj, PyExc_OverflowError);
    if (n == -1 && PyErr_Occurred()) {
        return 0;
    }
    *out = n;
    return 1;
}

int
_PyIOBase_IsClosed(PyObject *self)
{
    PyObject *res = PyObject_GetAttrString(self, "closed");
    if (res == NULL) {
        return -1;
    }
    int r = PyObject_IsTrue(res);
    Py_DECREF(res);
    return r;
}

int
_PyIOBase_CheckClosed(PyObject *self)
{
    int r = _PyIOBase_IsClosed(self);
    if (r < 0) {
        return -1;
    }
    if (r) {
        _PyIO_ClosedError();
        return -1;
    }
    return 0;
}

static int
check_capability(PyObject *self, const char *method, const char *msg)
{
    PyObject *res = PyObject_CallMethod(self, method, NULL);
    if (res == NULL) {
        return -1;
    }
    int r = PyObject_IsTrue(res);
    Py_DECREF(res);
    if (r < 0) {
        return -1;
    }
    if (!r) {
        _PyIO_Unsupported(msg);
        return -1;
    }
    return 0;
}

int
_PyIOBase_CheckReadable(PyObject *self)
{
    return check_capability(self, "readable", "File or stream is not readable.");
}

int
_PyIOBase_CheckWritable(PyObject *self)
{
    return check_capability(self, "writable", "File or stream is not writable.");
}

int
_PyIOBase_CheckSeekable(PyObject *self)
{
    return check_capability(self, "seekable", "File or stream is not seekable.");
}

/* ---- finalisation ---------------------------------------------------- */

void
_PyIOBase_finalize(PyObject *self)
{
    iobase *b = (iobase *)self;
    if (b->finalized) {
        return;
    }
    b->finalized = 1;
    PyObject *exc = PyErr_GetRaisedException();
    int closed = _PyIOBase_IsClosed(self);
    if (closed < 0) {
        PyErr_Clear();
    }
    else if (!closed) {
        b->finalizing = 1;
        /* Python subclasses look at self._finalizing (as in CPython). */
        if (Py_TYPE(self)->tp_flags & Py_TPFLAGS_HEAPTYPE) {
            if (PyObject_SetAttrString(self, "_finalizing", Py_True) < 0) {
                PyErr_Clear();
            }
        }
        PyObject *res = PyObject_CallMethod(self, "close", NULL);
        if (res == NULL) {
            PyErr_Clear();
        }
        Py_XDECREF(res);
    }
    PyErr_SetRaisedException(exc);
}

int
_PyIOBase_FinalizeFromDealloc(PyObject *self)
{
    iobase *b = (iobase *)self;
    if (b->finalized) {
        return 0;
    }
    /* Give the object a temporary reference while close() runs. */
#ifdef Py_GIL_DISABLED
    uint8_t gcbits = self->ob_gc_bits;
    _Py_NewReference_Count(self);
    self->ob_gc_bits = gcbits;
#else
    _Py_NewReference_Count(self);
#endif
    _PyIOBase_finalize(self);
    if (Py_REFCNT(self) > 1) {
        Py_DECREF(self);
        return 1;
    }
#ifdef Py_GIL_DISABLED
    self->ob_ref_local = 0;
#else
    self->ob_refcnt = 0;
#endif
    return 0;
}

/* ---- _IOBase ----------------------------------------------------------- */

static int
iobase_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((iobase *)self)->dict);
    return 0;
}

static int
iobase_clear(PyObject *self)
{
    Py_CLEAR(((iobase *)self)->dict);
    return 0;
}

static void
iobase_dealloc(PyObject *self)
{
    if (_PyIOBase_FinalizeFromDealloc(self)) {
        return;
    }
    PyObject_GC_UnTrack(self);
    _PyIO_ClearWeakRefs(self);
    iobase_clear(self);
    Py_TYPE(self)->tp_free(self);
}

static PyObject *
iobase_unsupported_seek(PyObject *self, PyObject *args)
{
    return _PyIO_Unsupported("seek");
}

static PyObject *
iobase_unsupported_truncate(PyObject *self, PyObject *args)
{
    return _PyIO_Unsupported("truncate");
}

static PyObject *
iobase_tell(PyObject *self, PyObject *unused)
{
    return PyObject_CallMethod(self, "seek", "ii", 0, 1);
}

static PyObject *
iobase_flush(PyObject *self, PyObject *unused)
{
    if (((iobase *)self)->iobase_closed) {
        return _PyIO_ClosedError();
    }
    Py_RETURN_NONE;
}

PyObject *
_PyIOBase_close(PyObject *self)
{
    iobase *b = (iobase *)self;
    if (b->iobase_closed) {
        Py_RETURN_NONE;
    }
    PyObject *res = PyObject_CallMethod(self, "flush", NULL);
    b->iobase_closed = 1;
    if (res == NULL) {
        return NULL;
    }
    Py_DECREF(res);
    Py_RETURN_NONE;
}

static PyObject *
iobase_close(PyObject *self, PyObject *unused)
{
    return _PyIOBase_close(self);
}

static PyObject *
iobase_false(PyObject *self, PyObject *unused)
{
    Py_RETURN_FALSE;
}

static PyObject *
iobase_check_closed_m(PyObject *self, PyObject *args)
{
    if (_PyIOBase_CheckClosed(self) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
iobase_check_readable_m(PyObject *self, PyObject *args)
{
    if (_PyIOBase_CheckReadable(self) < 0) {
        return NULL;
    }
    Py_RETURN_TRUE;
}

static PyObject *
iobase_check_writable_m(PyObject *self, PyObject *args)
{
    if (_PyIOBase_CheckWritable(self) < 0) {
        return NULL;
    }
    Py_RETURN_TRUE;
}

static PyObject *
iobase_check_seekable_m(PyObject *self, PyObject *args)
{
    if (_PyIOBase_CheckSeekable(self) < 0) {
        return NULL;
    }
    Py_RETURN_TRUE;
}

static PyObject *
iobase_fileno(PyObject *self, PyObject *unused)
{
    return _PyIO_Unsupported("fileno");
}

static PyObject *
iobase_isatty(PyObject *self, PyObject *unused)
{
    if (_PyIOBase_CheckClosed(self) < 0) {
        return NULL;
    }
    Py_RETURN_FALSE;
}

static PyObject *
iobase_enter(PyObject *self, PyObject *unused)
{
    if (_PyIOBase_CheckClosed(self) < 0) {
        return NULL;
    }
    return Py_NewRef(self);
}

static PyObject *
iobase_exit(PyObject *self, PyObject *args)
{
    return PyObject_CallMethod(self, "close", NULL);
}

static PyObject *
iobase_iter(PyObject *self)
{
    if (_PyIOBase_CheckClosed(self) < 0) {
        return NULL;
    }
    return Py_NewRef(self);
}

static PyObject *
iobase_iternext(PyObject *self)
{
    PyObject *line = PyObject_CallMethod(self, "readline", NULL);
    if (line == NULL) {
        return NULL;
    }
    Py_ssize_t n = PyObject_Size(line);
    if (n <= 0) {
        Py_DECREF(line);
        return NULL;  /* StopIteration (or the error from len) */
    }
    return line;
}

/* Bytes readline over peek()/read(). */
static PyObject *
iobase_readline(PyObject *self, PyObject *args)
{
    PyObject *sizeobj = Py_None;
    Py_ssize_t limit;
    if (!PyArg_ParseTuple(args, "|O:readline", &sizeobj) ||
        !_PyIO_ConvertSize(sizeobj, &limit)) {
        return NULL;
    }
    PyObject *peek = NULL;
    if (PyObject_GetOptionalAttrString(self, "peek", &peek) < 0) {
        return NULL;
    }
    PyObject *buffer = PyByteArray_FromStringAndSize(NULL, 0);
    if (buffer == NULL) {
        Py_XDECREF(peek);
        return NULL;
    }
    while (limit < 0 || PyByteArray_GET_SIZE(buffer) < limit) {
        Py_ssize_t nreadahead = 1;
        if (peek != NULL) {
            PyObject *readahead = PyObject_CallFunction(peek, "i", 1);
            if (readahead == NULL) {
                goto fail;
            }
            if (!PyBytes_Check(readahead)) {
                PyErr_Format(PyExc_OSError,
                             "peek() should have returned a bytes object, not '%.200s'",
                             Py_TYPE(readahead)->tp_name);
                Py_DECREF(readahead);
                goto fail;
            }
            Py_ssize_t n = PyBytes_GET_SIZE(readahead);
            if (n > 0) {
                const char *p = PyBytes_AS_STRING(readahead);
                Py_ssize_t i = 0;
                Py_ssize_t cap = n;
                if (limit >= 0 && cap > limit - PyByteArray_GET_SIZE(buffer)) {
                    cap = limit - PyByteArray_GET_SIZE(buffer);
                }
                while (i < cap) {
                    if (p[i++] == '\n') {
                        break;
                    }
                }
                nreadahead = i;
            }
            Py_DECREF(readahead);
        }
        PyObject *b = PyObject_CallMethod(self, "read", "n", nreadahead);
        if (b == NULL) {
            goto fail;
        }
        if (!PyBytes_Check(b)) {
            PyErr_Format(PyExc_OSError,
                         "read() should have returned a bytes object, not '%.200s'",
                         Py_TYPE(b)->tp_name);
            Py_DECREF(b);
            goto fail;
        }
        Py_ssize_t blen = PyBytes_GET_SIZE(b);
        if (blen == 0) {
            Py_DECREF(b);
            break;
        }
        Py_ssize_t old = PyByteArray_GET_SIZE(buffer);
        if (PyByteArray_Resize(buffer, old + blen) < 0) {
            Py_DECREF(b);
            goto fail;
        }
        memcpy(PyByteArray_AS_STRING(buffer) + old, PyBytes_AS_STRING(b), blen);
        Py_DECREF(b);
        if (PyByteArray_AS_STRING(buffer)[old + blen - 1] == '\n') {
            break;
        }
    }
    PyObject *res = PyBytes_FromStringAndSize(PyByteArray_AS_STRING(buffer),
                                              PyByteArray_GET_SIZE(buffer));
    Py_DECREF(buffer);
    Py_XDECREF(peek);
    return res;
fail:
    Py_DECREF(buffer);
    Py_XDECREF(peek);
    return NULL;
}

static PyObject *
iobase_readlines(PyObject *self, PyObject *args)
{
    PyObject *hintobj = Py_None;
    Py_ssize_t hint;
    if (!PyArg_ParseTuple(args, "|O:readlines", &hintobj) ||
        !_PyIO_ConvertSize(hintobj, &hint)) {
        return NULL;
    }
    PyObject *result = PyList_New(0);
    if (result == NULL) {
        return NULL;
    }
    PyObject *it = PyObject_GetIter(self);
    if (it == NULL) {
        Py_DECREF(result);
        return NULL;
    }
    Py_ssize_t total = 0;
    for (;;) {
        PyObject *line = PyIter_Next(it);
        if (line == NULL) {
            if (PyErr_Occurred()) {
                Py_DECREF(it);
                Py_DECREF(result);
                return NULL;
            }
            break;
        }
        if (PyList_Append(result, line) < 0) {
            Py_DECREF(line);
            Py_DECREF(it);
            Py_DECREF(result);
            return NULL;
        }
        Py_ssize_t n = PyObject_Size(line);
        Py_DECREF(line);
        if (n < 0) {
            Py_DECREF(it);
            Py_DECREF(result);
            return NULL;
        }
        total += n;
        if (hint > 0 && total >= hint) {
            break;
        }
    }
    Py_DECREF(it);
    return result;
}

static PyObject *
iobase_writelines(PyObject *self, PyObject *lines)
{
    if (_PyIOBase_CheckClosed(self) < 0) {
        return NULL;
    }
    PyObject *it = PyObject_GetIter(lines);
    if (it == NULL) {
        return NULL;
    }
    for (;;) {
        PyObject *line = PyIter_Next(it);
        if (line == NULL) {
            break;
        }
        PyObject *res = PyObject_CallMethod(self, "write", "O", line);
        Py_DECREF(line);
        if (res == NULL) {
            Py_DECREF(it);
            return NULL;
        }
        Py_DECREF(res);
    }
    Py_DECREF(it);
    if (PyErr_Occurred()) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
iobase_closed_get(PyObject *self, void *context)
{
    return PyBool_FromLong(((iobase *)self)->iobase_closed);
}

static PyObject *
iobase_del(PyObject *self, PyObject *unused)
{
    _PyIOBase_finalize(self);
    Py_RETURN_NONE;
}

static PyMethodDef iobase_methods[] = {
    {"seek", iobase_unsupported_seek, METH_VARARGS, NULL},
    {"tell", iobase_tell, METH_NOARGS, NULL},
    {"truncate", iobase_unsupported_truncate, METH_VARARGS, NULL},
    {"flush", iobase_flush, METH_NOARGS, NULL},
    {"close", iobase_close, METH_NOARGS, NULL},
    {"seekable", iobase_false, METH_NOARGS, NULL},
    {"readable", iobase_false, METH_NOARGS, NULL},
    {"writable", iobase_false, METH_NOARGS, NULL},
    {"_checkClosed", iobase_check_closed_m, METH_VARARGS, NULL},
    {"_checkSeekable", iobase_check_seekable_m, METH_VARARGS, NULL},
    {"_checkReadable", iobase_check_readable_m, METH_VARARGS, NULL},
    {"_checkWritable", iobase_check_writable_m, METH_VARARGS, NULL},
    {"fileno", iobase_fileno, METH_NOARGS, NULL},
    {"isatty", iobase_isatty, METH_NOARGS, NULL},
    {"__enter__", iobase_enter, METH_NOARGS, NULL},
    {"__exit__", iobase_exit, METH_VARARGS, NULL},
    {"readline", iobase_readline, METH_VARARGS, NULL},
    {"readlines", iobase_readlines, METH_VARARGS, NULL},
    {"writelines", iobase_writelines, METH_O, NULL},
    {"__del__", iobase_del, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef iobase_getset[] = {
    {"__dict__", PyObject_GenericGetDict, NULL, NULL, NULL},
    {"closed", iobase_closed_get, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PyTypeObject PyIOBase_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_io._IOBase",
    .tp_basicsize = sizeof(iobase),
    .tp_dealloc = iobase_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "The abstract base class for all I/O classes.",
    .tp_traverse = iobase_traverse,
    .tp_clear = iobase_clear,
    .tp_iter = iobase_iter,
    .tp_iternext = iobase_iternext,
    .tp_methods = iobase_methods,
    .tp_getset = iobase_getset,
    .tp_dictoffset = offsetof(iobase, dict),
    .tp_weaklistoffset = offsetof(iobase, weakreflist),
    .tp_new = PyType_GenericNew,
    .tp_free = PyObject_GC_Del,
    .tp_finalize = _PyIOBase_finalize,
};

/* ---- _RawIOBase -------------------------------------------------------- */

static PyObject *
rawiobase_readall(PyObject *self, PyObject *unused)
{
    PyObject *chunks = PyList_New(0);
    if (chunks == NULL) {
        return NULL;
    }
    for (;;) {
        PyObject *data = PyObject_CallMethod(self, "read", "i", IO_DEFAULT_BUFFER_SIZE);
        if (data == NULL) {
            Py_DECREF(chunks);
            return NULL;
        }
        if (data == Py_None) {
            if (PyList_GET_SIZE(chunks) == 0) {
                Py_DECREF(chunks);
                return data;
            }
            Py_DECREF(data);
            break;
        }
        if (!PyBytes_Check(data)) {
            Py_DECREF(chunks);
            Py_DECREF(data);
            PyErr_SetString(PyExc_TypeError, "read() should return bytes");
            return NULL;
        }
        if (PyBytes_GET_SIZE(data) == 0) {
            Py_DECREF(data);
            break;
        }
        int r = PyList_Append(chunks, data);
        Py_DECREF(data);
        if (r < 0) {
            Py_DECREF(chunks);
            return NULL;
        }
    }
    PyObject *empty = PyBytes_FromStringAndSize(NULL, 0);
    PyObject *res = empty ? _PyBytes_Join(empty, chunks) : NULL;
    Py_XDECREF(empty);
    Py_DECREF(chunks);
    return res;
}

static PyObject *
rawiobase_read(PyObject *self, PyObject *args)
{
    PyObject *sizeobj = Py_None;
    Py_ssize_t n;
    if (!PyArg_ParseTuple(args, "|O:read", &sizeobj) || !_PyIO_ConvertSize(sizeobj, &n)) {
        return NULL;
    }
    if (n < 0) {
        return PyObject_CallMethod(self, "readall", NULL);
    }
    PyObject *b = PyByteArray_FromStringAndSize(NULL, n);
    if (b == NULL) {
        return NULL;
    }
    PyObject *res = PyObject_CallMethod(self, "readinto", "O", b);
    if (res == NULL || res == Py_None) {
        Py_DECREF(b);
        return res;
    }
    Py_ssize_t got = PyNumber_AsSsize_t(res, PyExc_ValueError);
    Py_DECREF(res);
    if (got == -1 && PyErr_Occurred()) {
        Py_DECREF(b);
        return NULL;
    }
    if (got < 0 || got > n) {
        Py_DECREF(b);
        PyErr_Format(PyExc_ValueError, "readinto returned %zd outside buffer size %zd", got, n);
        return NULL;
    }
    res = PyBytes_FromStringAndSize(PyByteArray_AS_STRING(b), got);
    Py_DECREF(b);
    return res;
}

static PyObject *
rawiobase_unsupported_readinto(PyObject *self, PyObject *args)
{
    PyErr_SetString(PyExc_NotImplementedError, "");
    return NULL;
}

static PyMethodDef rawiobase_methods[] = {
    {"read", rawiobase_read, METH_VARARGS, NULL},
    {"readall", rawiobase_readall, METH_NOARGS, NULL},
    {"readinto", rawiobase_unsupported_readinto, METH_VARARGS, NULL},
    {"write", rawiobase_unsupported_readinto, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

PyTypeObject PyRawIOBase_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_io._RawIOBase",
    .tp_basicsize = sizeof(iobase),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "Base class for raw binary I/O.",
    .tp_methods = rawiobase_methods,
    .tp_base = &PyIOBase_Type,
};
