/* stringio.c: _io.StringIO, a text stream over an in-memory buffer of
 * code points: read/readline/write/seek/tell/truncate/getvalue, with the
 * newline argument handled as TextIOWrapper does (None translates \r and
 * \r\n to \n on write; '' keeps them but splits lines on any of them;
 * '\r' and '\r\n' translate \n on write).  Each operation runs in a
 * critical section on the object. */
#include "_iomodule.h"

typedef struct {
    IOBASE_HEAD
    Py_UCS4 *buf;
    Py_ssize_t pos;
    Py_ssize_t string_size;
    Py_ssize_t allocated;
    char ok;
    char closed;
    char readuniversal;
    char readtranslate;
    int seennl;
    PyObject *readnl;     /* str or NULL */
    PyObject *writenl;    /* str or NULL */
} stringio;

#define SEEN_CR   1
#define SEEN_LF   2
#define SEEN_CRLF 4

static int
check_state(stringio *self)
{
    if (!self->ok) {
        PyErr_SetString(PyExc_ValueError, "I/O operation on uninitialized object");
        return -1;
    }
    if (self->closed) {
        /* StringIO's message has no full stop (CPython's). */
        PyErr_SetString(PyExc_ValueError, "I/O operation on closed file");
        return -1;
    }
    return 0;
}

static int
resize_buffer(stringio *self, Py_ssize_t size)
{
    if (size <= self->allocated) {
        return 0;
    }
    Py_ssize_t alloc = self->allocated ? self->allocated : 32;
    while (alloc < size) {
        if (alloc > PY_SSIZE_T_MAX / 8) {
            PyErr_NoMemory();
            return -1;
        }
        alloc *= 2;
    }
    Py_UCS4 *n = PyMem_Realloc(self->buf, alloc * sizeof(Py_UCS4));
    if (n == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    self->buf = n;
    self->allocated = alloc;
    return 0;
}

/* Write a str at the current position (newline translation applied). */
static Py_ssize_t
write_str(stringio *self, PyObject *obj)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(obj);
    int kind = PyUnicode_KIND(obj);
    const void *data = PyUnicode_DATA(obj);
    /* Count the output length first. */
    Py_ssize_t outlen = 0;
    Py_ssize_t wnl = self->writenl ? PyUnicode_GET_LENGTH(self->writenl) : 0;
    for (Py_ssize_t i = 0; i < len; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (self->readuniversal) {
            if (c == '\r') {
                int crlf = i + 1 < len && PyUnicode_READ(kind, data, i + 1) == '\n';
                self->seennl |= crlf ? SEEN_CRLF : SEEN_CR;
                if (self->readtranslate && crlf) {
                    i++;
                }
                else if (!self->readtranslate && crlf) {
                    outlen++;
                    i++;
                }
            }
            else if (c == '\n') {
                self->seennl |= SEEN_LF;
            }
            outlen++;
        }
        else if (c == '\n' && self->writenl) {
            outlen += wnl;
        }
        else {
            outlen++;
        }
    }
    if (outlen == 0) {
        return 0;
    }
    Py_ssize_t end = self->pos + outlen;
    if (resize_buffer(self, end) < 0) {
        return -1;
    }
    if (self->pos > self->string_size) {
        for (Py_ssize_t i = self->string_size; i < self->pos; i++) {
            self->buf[i] = 0;
        }
    }
    Py_UCS4 *out = self->buf + self->pos;
    for (Py_ssize_t i = 0; i < len; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (self->readuniversal && self->readtranslate && c == '\r') {
            if (i + 1 < len && PyUnicode_READ(kind, data, i + 1) == '\n') {
                i++;
            }
            *out++ = '\n';
        }
        else if (!self->readuniversal && c == '\n' && self->writenl) {
            for (Py_ssize_t j = 0; j < wnl; j++) {
                *out++ = PyUnicode_READ_CHAR(self->writenl, j);
            }
        }
        else {
            *out++ = c;
        }
    }
    self->pos = end;
    if (end > self->string_size) {
        self->string_size = end;
    }
    return len;
}

static int
stringio_init(PyObject *op, PyObject *args, PyObject *kwds)
{
    stringio *self = (stringio *)op;
    static char *kwlist[] = {"initial_value", "newline", NULL};
    PyObject *value = NULL, *nlobj = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|OO:StringIO", kwlist, &value, &nlobj)) {
        return -1;
    }
    const char *newline = "\n";
    if (nlobj == Py_None) {
        newline = NULL;
    }
    else if (nlobj != NULL) {
        if (!PyUnicode_Check(nlobj)) {
            PyErr_Format(PyExc_TypeError, "newline must be str or None, not %.200s",
                         Py_TYPE(nlobj)->tp_name);
            return -1;
        }
        newline = PyUnicode_AsUTF8AndSize(nlobj, NULL);
        if (newline == NULL) {
            return -1;
        }
        if (strcmp(newline, "") != 0 && strcmp(newline, "\n") != 0 &&
            strcmp(newline, "\r") != 0 && strcmp(newline, "\r\n") != 0) {
            PyErr_Format(PyExc_ValueError, "illegal newline value: %R", nlobj);
            return -1;
        }
    }
    if (value != NULL && value != Py_None && !PyUnicode_Check(value)) {
        PyErr_Format(PyExc_TypeError, "initial_value must be str or None, not %.200s",
                     Py_TYPE(value)->tp_name);
        return -1;
    }
    int r = 0;
    Py_BEGIN_CRITICAL_SECTION(op);
    self->ok = 0;
    Py_CLEAR(self->readnl);
    Py_CLEAR(self->writenl);
    self->readuniversal = newline == NULL || newline[0] == '\0';
    self->readtranslate = newline == NULL;
    if (newline != NULL) {
        self->readnl = PyUnicode_FromString(newline);
        if (self->readnl == NULL) {
            r = -1;
        }
    }
    if (r == 0 && newline != NULL && newline[0] == '\r') {
        self->writenl = Py_NewRef(self->readnl);
    }
    self->pos = 0;
    self->string_size = 0;
    self->closed = 0;
    self->seennl = 0;
    self->ok = 1;
    if (r == 0 && value != NULL && value != Py_None && PyUnicode_GET_LENGTH(value) > 0) {
        if (write_str(self, value) < 0) {
            r = -1;
        }
        self->pos = 0;
    }
    if (r < 0) {
        self->ok = 0;
    }
    Py_END_CRITICAL_SECTION();
    return r;
}

static int
stringio_traverse(PyObject *op, visitproc visit, void *arg)
{
    stringio *self = (stringio *)op;
    Py_VISIT(self->dict);
    Py_VISIT(self->readnl);
    Py_VISIT(self->writenl);
    return 0;
}

static int
stringio_clear(PyObject *op)
{
    stringio *self = (stringio *)op;
    Py_CLEAR(self->dict);
    Py_CLEAR(self->readnl);
    Py_CLEAR(self->writenl);
    return 0;
}

static void
stringio_dealloc(PyObject *op)
{
    stringio *self = (stringio *)op;
    PyObject_GC_UnTrack(op);
    _PyIO_ClearWeakRefs(op);
    self->ok = 0;
    PyMem_Free(self->buf);
    self->buf = NULL;
    stringio_clear(op);
    Py_TYPE(op)->tp_free(op);
}

static PyObject *
make_str(stringio *self, Py_ssize_t start, Py_ssize_t n)
{
    if (n <= 0) {
        return PyUnicode_FromStringAndSize("", 0);
    }
    return PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, self->buf + start, n);
}

static PyObject *
stringio_getvalue(PyObject *op, PyObject *unused)
{
    stringio *self = (stringio *)op;
    PyObject *res = NULL;
    Py_BEGIN_CRITICAL_SECTION(op);
    if (check_state(self) == 0) {
        res = make_str(self, 0, self->string_size);
    }
    Py_END_CRITICAL_SECTION();
    return res;
}

static PyObject *
read_locked(stringio *self, Py_ssize_t size)
{
    if (check_state(self) < 0) {
        return NULL;
    }
    Py_ssize_t avail = self->string_size - self->pos;
    if (avail < 0) {
        avail = 0;
    }
    if (size < 0 || size > avail) {
        size = avail;
    }
    PyObject *res = make_str(self, self->pos, size);
    if (res != NULL) {
        self->pos += size;
    }
    return res;
}

static PyObject *
stringio_read(PyObject *op, PyObject *args)
{
    PyObject *sizeobj = Py_None;
    Py_ssize_t size;
    if (!PyArg_ParseTuple(args, "|O:read", &sizeobj) || !_PyIO_ConvertSize(sizeobj, &size)) {
        return NULL;
    }
    PyObject *res;
    Py_BEGIN_CRITICAL_SECTION(op);
    res = read_locked((stringio *)op, size);
    Py_END_CRITICAL_SECTION();
    return res;
}

static PyObject *
readline_locked(stringio *self, Py_ssize_t limit)
{
    if (check_state(self) < 0) {
        return NULL;
    }
    Py_ssize_t start = self->pos;
    Py_ssize_t end = self->string_size;
    if (start >= end) {
        return PyUnicode_FromStringAndSize("", 0);
    }
    if (limit >= 0 && end - start > limit) {
        end = start + limit;
    }
    Py_ssize_t i = start;
    Py_ssize_t stop = end;
    const Py_UCS4 *b = self->buf;
    if (self->readtranslate) {
        for (; i < end; i++) {
            if (b[i] == '\n') {
                stop = i + 1;
                break;
            }
        }
    }
    else if (self->readuniversal) {
        for (; i < end; i++) {
            if (b[i] == '\n') {
                stop = i + 1;
                break;
            }
            if (b[i] == '\r') {
                stop = (i + 1 < end && b[i + 1] == '\n') ? i + 2 : i + 1;
                break;
            }
        }
    }
    else {
        Py_ssize_t nl = PyUnicode_GET_LENGTH(self->readnl);
        Py_UCS4 c0 = PyUnicode_READ_CHAR(self->readnl, 0);
        for (; i < end; i++) {
            if (b[i] == c0) {
                if (nl == 1) {
                    stop = i + 1;
                    break;
                }
                if (i + 1 < end && b[i + 1] == PyUnicode_READ_CHAR(self->readnl, 1)) {
                    stop = i + 2;
                    break;
                }
            }
        }
    }
    PyObject *res = make_str(self, start, stop - start);
    if (res != NULL) {
        self->pos = stop;
    }
    return res;
}

static PyObject *
stringio_readline(PyObject *op, PyObject *args)
{
    PyObject *sizeobj = Py_None;
    Py_ssize_t size;
    if (!PyArg_ParseTuple(args, "|O:readline", &sizeobj) || !_PyIO_ConvertSize(sizeobj, &size)) {
        return NULL;
    }
    PyObject *res;
    Py_BEGIN_CRITICAL_SECTION(op);
    res = readline_locked((stringio *)op, size);
    Py_END_CRITICAL_SECTION();
    return res;
}

static PyObject *
stringio_iternext(PyObject *op)
{
    PyObject *line;
    if (Py_IS_TYPE(op, &PyStringIO_Type)) {
        Py_BEGIN_CRITICAL_SECTION(op);
        line = readline_locked((stringio *)op, -1);
        Py_END_CRITICAL_SECTION();
    }
    else {
        line = PyObject_CallMethod(op, "readline", NULL);
        if (line && !PyUnicode_Check(line)) {
            PyErr_Format(PyExc_OSError,
                         "readline() should have returned a str object, not '%.200s'",
                         Py_TYPE(line)->tp_name);
            Py_CLEAR(line);
        }
    }
    if (line != NULL && PyUnicode_GET_LENGTH(line) == 0) {
        Py_CLEAR(line);
    }
    return line;
}

static PyObject *
stringio_write(PyObject *op, PyObject *obj)
{
    stringio *self = (stringio *)op;
    if (!PyUnicode_Check(obj)) {
        PyErr_Format(PyExc_TypeError, "string argument expected, got '%s'",
                     Py_TYPE(obj)->tp_name);
        return NULL;
    }
    Py_ssize_t n = -1;
    Py_BEGIN_CRITICAL_SECTION(op);
    if (check_state(self) == 0) {
        n = write_str(self, obj);
    }
    Py_END_CRITICAL_SECTION();
    if (n < 0) {
        return NULL;
    }
    return PyLong_FromSsize_t(PyUnicode_GET_LENGTH(obj));
}

static PyObject *
stringio_seek(PyObject *op, PyObject *args)
{
    stringio *self = (stringio *)op;
    Py_ssize_t pos;
    int whence = 0;
    if (!PyArg_ParseTuple(args, "n|i:seek", &pos, &whence)) {
        return NULL;
    }
    PyObject *res = NULL;
    Py_BEGIN_CRITICAL_SECTION(op);
    if (check_state(self) < 0) {
        /* error set */
    }
    else if (whence != 0 && whence != 1 && whence != 2) {
        PyErr_Format(PyExc_ValueError, "Invalid whence (%i, should be 0, 1 or 2)", whence);
    }
    else if (pos < 0 && whence == 0) {
        PyErr_Format(PyExc_ValueError, "Negative seek position %zd", pos);
    }
    else if (whence != 0 && pos != 0) {
        PyErr_SetString(PyExc_OSError, "Can't do nonzero cur-relative seeks");
    }
    else {
        if (whence == 1) {
            pos = self->pos;
        }
        else if (whence == 2) {
            pos = self->string_size;
        }
        self->pos = pos;
        res = PyLong_FromSsize_t(pos);
    }
    Py_END_CRITICAL_SECTION();
    return res;
}

static PyObject *
stringio_tell(PyObject *op, PyObject *unused)
{
    stringio *self = (stringio *)op;
    if (check_state(self) < 0) {
        return NULL;
    }
    return PyLong_FromSsize_t(self->pos);
}

static PyObject *
stringio_truncate(PyObject *op, PyObject *args)
{
    stringio *self = (stringio *)op;
    PyObject *sizeobj = Py_None;
    if (!PyArg_ParseTuple(args, "|O:truncate", &sizeobj)) {
        return NULL;
    }
    Py_ssize_t size = -2;
    if (sizeobj != Py_None && !_PyIO_ConvertSize(sizeobj, &size)) {
        return NULL;
    }
    PyObject *res = NULL;
    Py_BEGIN_CRITICAL_SECTION(op);
    if (check_state(self) == 0) {
        if (size == -2) {
            size = self->pos;
        }
        if (size < 0) {
            PyErr_Format(PyExc_ValueError, "Negative size value %zd", size);
        }
        else {
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
stringio_true_if_open(PyObject *op, PyObject *unused)
{
    if (check_state((stringio *)op) < 0) {
        return NULL;
    }
    Py_RETURN_TRUE;
}

static PyObject *
stringio_close(PyObject *op, PyObject *unused)
{
    stringio *self = (stringio *)op;
    Py_BEGIN_CRITICAL_SECTION(op);
    self->closed = 1;
    PyMem_Free(self->buf);
    self->buf = NULL;
    self->allocated = self->string_size = 0;
    Py_END_CRITICAL_SECTION();
    Py_RETURN_NONE;
}

static PyObject *
stringio_get_closed(PyObject *op, void *c)
{
    stringio *self = (stringio *)op;
    if (!self->ok) {
        PyErr_SetString(PyExc_ValueError, "I/O operation on uninitialized object");
        return NULL;
    }
    return PyBool_FromLong(self->closed);
}

static PyObject *
stringio_get_line_buffering(PyObject *op, void *c)
{
    if (check_state((stringio *)op) < 0) {
        return NULL;
    }
    Py_RETURN_FALSE;
}

static PyObject *
stringio_get_newlines(PyObject *op, void *c)
{
    stringio *self = (stringio *)op;
    if (check_state(self) < 0) {
        return NULL;
    }
    if (!self->readuniversal) {
        Py_RETURN_NONE;
    }
    switch (self->seennl) {
    case SEEN_CR: return PyUnicode_FromString("\r");
    case SEEN_LF: return PyUnicode_FromString("\n");
    case SEEN_CRLF: return PyUnicode_FromString("\r\n");
    case SEEN_CR | SEEN_LF: return Py_BuildValue("ss", "\r", "\n");
    case SEEN_CR | SEEN_CRLF: return Py_BuildValue("ss", "\r", "\r\n");
    case SEEN_LF | SEEN_CRLF: return Py_BuildValue("ss", "\n", "\r\n");
    case SEEN_CR | SEEN_LF | SEEN_CRLF: return Py_BuildValue("sss", "\r", "\n", "\r\n");
    default: Py_RETURN_NONE;
    }
}

static PyObject *
stringio_repr(PyObject *op)
{
    return PyUnicode_FromFormat("<_io.StringIO object at %p>", op);
}

static PyMethodDef stringio_methods[] = {
    {"close", stringio_close, METH_NOARGS, NULL},
    {"getvalue", stringio_getvalue, METH_NOARGS, NULL},
    {"read", stringio_read, METH_VARARGS, NULL},
    {"readline", stringio_readline, METH_VARARGS, NULL},
    {"tell", stringio_tell, METH_NOARGS, NULL},
    {"truncate", stringio_truncate, METH_VARARGS, NULL},
    {"seek", stringio_seek, METH_VARARGS, NULL},
    {"write", stringio_write, METH_O, NULL},
    {"seekable", stringio_true_if_open, METH_NOARGS, NULL},
    {"readable", stringio_true_if_open, METH_NOARGS, NULL},
    {"writable", stringio_true_if_open, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef stringio_getset[] = {
    {"closed", stringio_get_closed, NULL, NULL, NULL},
    {"newlines", stringio_get_newlines, NULL, NULL, NULL},
    {"line_buffering", stringio_get_line_buffering, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PyTypeObject PyStringIO_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_io.StringIO",
    .tp_basicsize = sizeof(stringio),
    .tp_dealloc = stringio_dealloc,
    .tp_repr = stringio_repr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "Text I/O implementation using an in-memory buffer.",
    .tp_traverse = stringio_traverse,
    .tp_clear = stringio_clear,
    .tp_iternext = stringio_iternext,
    .tp_methods = stringio_methods,
    .tp_getset = stringio_getset,
    .tp_base = &PyTextIOBase_Type,
    .tp_dictoffset = offsetof(stringio, dict),
    .tp_init = stringio_init,
    .tp_new = PyType_GenericNew,
    .tp_free = PyObject_GC_Del,
};
