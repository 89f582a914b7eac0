/* fileobject.c: writing to Python file objects from C (PyFile_WriteObject,
 * PyFile_WriteString, PyFile_GetLine) and the std printer, the small text
 * stream sys.stdout/sys.stderr use until the _io module provides the real
 * ones (and as a fallback at start-up and shut-down).  See fileobject.h. */
#include "Python.h"
#include "fileobject.h"
#include <unistd.h>

int
PyFile_WriteObject(PyObject *obj, PyObject *f, int flags)
{
    if (f == NULL || f == Py_None) {
        PyErr_SetString(PyExc_TypeError, "writeobject with NULL file");
        return -1;
    }
    PyObject *text = (flags & Py_PRINT_RAW) ? PyObject_Str(obj) : PyObject_Repr(obj);
    if (text == NULL) {
        return -1;
    }
    PyObject *r = PyObject_CallMethod(f, "write", "O", text);
    Py_DECREF(text);
    if (r == NULL) {
        return -1;
    }
    Py_DECREF(r);
    return 0;
}

int
PyFile_WriteString(const char *s, PyObject *f)
{
    if (f == NULL) {
        if (!PyErr_Occurred()) {
            PyErr_SetString(PyExc_SystemError, "null file for PyFile_WriteString");
        }
        return -1;
    }
    if (PyErr_Occurred()) {
        return -1;
    }
    PyObject *v = PyUnicode_FromString(s);
    if (v == NULL) {
        return -1;
    }
    int r = PyFile_WriteObject(v, f, Py_PRINT_RAW);
    Py_DECREF(v);
    return r;
}

PyObject *
PyFile_GetLine(PyObject *f, int n)
{
    PyObject *line;
    if (n <= 0) {
        line = PyObject_CallMethod(f, "readline", NULL);
    }
    else {
        line = PyObject_CallMethod(f, "readline", "i", n);
    }
    if (line == NULL) {
        return NULL;
    }
    if (!PyBytes_Check(line) && !PyUnicode_Check(line)) {
        Py_DECREF(line);
        PyErr_SetString(PyExc_TypeError, "object.readline() returned non-string");
        return NULL;
    }
    if (n < 0) {
        Py_ssize_t len = PyUnicode_Check(line) ? PyUnicode_GET_LENGTH(line)
                                               : PyBytes_GET_SIZE(line);
        if (len == 0) {
            Py_DECREF(line);
            PyErr_SetString(PyExc_EOFError, "EOF when reading a line");
            return NULL;
        }
        int ends_nl = PyUnicode_Check(line)
            ? PyUnicode_READ_CHAR(line, len - 1) == '\n'
            : PyBytes_AS_STRING(line)[len - 1] == '\n';
        if (ends_nl) {
            PyObject *cut = PyUnicode_Check(line)
                ? PyUnicode_Substring(line, 0, len - 1)
                : PyBytes_FromStringAndSize(PyBytes_AS_STRING(line), len - 1);
            Py_DECREF(line);
            line = cut;
        }
    }
    return line;
}

int
PyObject_AsFileDescriptor(PyObject *o)
{
    int fd;
    if (PyLong_Check(o)) {
        fd = PyLong_AsInt(o);
    }
    else {
        PyObject *meth;
        if (PyObject_GetOptionalAttrString(o, "fileno", &meth) < 0) {
            return -1;
        }
        if (meth == NULL) {
            PyErr_SetString(PyExc_TypeError,
                            "argument must be an int, or have a fileno() method.");
            return -1;
        }
        PyObject *r = PyObject_CallNoArgs(meth);
        Py_DECREF(meth);
        if (r == NULL) {
            return -1;
        }
        if (!PyLong_Check(r)) {
            PyErr_SetString(PyExc_TypeError, "fileno() returned a non-integer");
            Py_DECREF(r);
            return -1;
        }
        fd = PyLong_AsInt(r);
        Py_DECREF(r);
    }
    if (fd == -1 && PyErr_Occurred()) {
        return -1;
    }
    if (fd < 0) {
        PyErr_Format(PyExc_ValueError,
                     "file descriptor cannot be a negative integer (%i)", fd);
        return -1;
    }
    return fd;
}

/* ---- the std printer -------------------------------------------------- */

#define STDPRINTER_BUFSIZE 8192

typedef struct {
    PyObject_HEAD
    int fd;
    int buffered;              /* not a terminal, not stderr */
    PyMutex mutex;             /* guards buf/len between threads */
    Py_ssize_t len;
    char buf[STDPRINTER_BUFSIZE];
} PyStdPrinter_Object;

/* Write all of `data`, retrying after EINTR and short writes.  Errors on a
 * closed or broken descriptor are ignored (as CPython's printer does). */
static void
write_all(int fd, const char *data, Py_ssize_t n)
{
    while (n > 0) {
        ssize_t w = write(fd, data, (size_t)n);
        if (w < 0) {
            if (errno == EINTR) {
                continue;
            }
            return;
        }
        data += w;
        n -= w;
    }
}

static void
printer_flush_locked(PyStdPrinter_Object *self)
{
    if (self->len > 0) {
        write_all(self->fd, self->buf, self->len);
        self->len = 0;
    }
}

static PyObject *
stdprinter_write(PyObject *op, PyObject *arg)
{
    PyStdPrinter_Object *self = (PyStdPrinter_Object *)op;
    if (!PyUnicode_Check(arg)) {
        PyErr_Format(PyExc_TypeError, "write() argument must be str, not %.100s",
                     Py_TYPE(arg)->tp_name);
        return NULL;
    }
    PyObject *bytes = _PyUnicode_AsUTF8String(arg, self->fd == 2 ? "backslashreplace"
                                                                  : "strict");
    if (bytes == NULL) {
        return NULL;
    }
    const char *data = PyBytes_AS_STRING(bytes);
    Py_ssize_t n = PyBytes_GET_SIZE(bytes);
    PyMutex_Lock(&self->mutex);
    if (!self->buffered) {
        write_all(self->fd, data, n);
    }
    else if (self->len + n <= STDPRINTER_BUFSIZE) {
        memcpy(self->buf + self->len, data, (size_t)n);
        self->len += n;
    }
    else {
        printer_flush_locked(self);
        if (n >= STDPRINTER_BUFSIZE) {
            write_all(self->fd, data, n);
        }
        else {
            memcpy(self->buf, data, (size_t)n);
            self->len = n;
        }
    }
    PyMutex_Unlock(&self->mutex);
    Py_DECREF(bytes);
    return PyLong_FromSsize_t(PyUnicode_GET_LENGTH(arg));
}

static PyObject *
stdprinter_flush(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    PyStdPrinter_Object *self = (PyStdPrinter_Object *)op;
    PyMutex_Lock(&self->mutex);
    printer_flush_locked(self);
    PyMutex_Unlock(&self->mutex);
    Py_RETURN_NONE;
}

static PyObject *
stdprinter_fileno(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    return PyLong_FromLong(((PyStdPrinter_Object *)op)->fd);
}

static PyObject *
stdprinter_isatty(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    return PyBool_FromLong(isatty(((PyStdPrinter_Object *)op)->fd));
}

static PyObject *
stdprinter_true(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    Py_RETURN_TRUE;
}

static PyObject *
stdprinter_false(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    Py_RETURN_FALSE;
}

static PyObject *
stdprinter_repr(PyObject *op)
{
    return PyUnicode_FromFormat("<stdprinter(fd=%d) object at %p>",
                                ((PyStdPrinter_Object *)op)->fd, op);
}

static PyObject *
stdprinter_get_closed(PyObject *op, void *closure)
{
    Py_RETURN_FALSE;
}

static PyObject *
stdprinter_get_encoding(PyObject *op, void *closure)
{
    return PyUnicode_FromString("utf-8");
}

static PyObject *
stdprinter_get_errors(PyObject *op, void *closure)
{
    return PyUnicode_FromString(((PyStdPrinter_Object *)op)->fd == 2 ? "backslashreplace"
                                                                     : "strict");
}

static PyObject *
stdprinter_get_mode(PyObject *op, void *closure)
{
    return PyUnicode_FromString("w");
}

static PyObject *
stdprinter_get_name(PyObject *op, void *closure)
{
    int fd = ((PyStdPrinter_Object *)op)->fd;
    if (fd == 1) {
        return PyUnicode_FromString("<stdout>");
    }
    if (fd == 2) {
        return PyUnicode_FromString("<stderr>");
    }
    return PyLong_FromLong(fd);
}

static void
stdprinter_dealloc(PyObject *op)
{
    PyStdPrinter_Object *self = (PyStdPrinter_Object *)op;
    printer_flush_locked(self);
    PyObject_Free(op);
}

static PyMethodDef stdprinter_methods[] = {
    {"write", stdprinter_write, METH_O, NULL},
    {"flush", stdprinter_flush, METH_NOARGS, NULL},
    {"fileno", stdprinter_fileno, METH_NOARGS, NULL},
    {"isatty", stdprinter_isatty, METH_NOARGS, NULL},
    {"writable", stdprinter_true, METH_NOARGS, NULL},
    {"readable", stdprinter_false, METH_NOARGS, NULL},
    {"seekable", stdprinter_false, METH_NOARGS, NULL},
    {"close", stdprinter_flush, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static PyGetSetDef stdprinter_getset[] = {
    {"closed", stdprinter_get_closed, NULL, NULL, NULL},
    {"encoding", stdprinter_get_encoding, NULL, NULL, NULL},
    {"errors", stdprinter_get_errors, NULL, NULL, NULL},
    {"mode", stdprinter_get_mode, NULL, NULL, NULL},
    {"name", stdprinter_get_name, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

PyTypeObject PyStdPrinter_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "stderrprinter",
    .tp_basicsize = sizeof(PyStdPrinter_Object),
    .tp_dealloc = stdprinter_dealloc,
    .tp_repr = stdprinter_repr,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_methods = stdprinter_methods,
    .tp_getset = stdprinter_getset,
};

PyObject *
PyFile_NewStdPrinter(int fd)
{
    if (fd < 0) {
        PyErr_BadInternalCall();
        return NULL;
    }
    if (!(PyStdPrinter_Type.tp_flags & Py_TPFLAGS_READY) && PyType_Ready(&PyStdPrinter_Type) < 0) {
        return NULL;
    }
    PyStdPrinter_Object *self = PyObject_New(PyStdPrinter_Object, &PyStdPrinter_Type);
    if (self == NULL) {
        return NULL;
    }
    self->fd = fd;
    self->buffered = fd != 2 && !isatty(fd);
    self->mutex = (PyMutex){0};
    self->len = 0;
    return (PyObject *)self;
}
