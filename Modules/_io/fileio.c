/* fileio.c: _io.FileIO, raw unbuffered I/O on a file descriptor: opening
 * by path (modes r/w/a/x with +) or adopting an fd, read/readall/readinto/
 * write/seek/tell/truncate/close, OSError with errno and filename.  Every
 * blocking system call runs detached from the runtime
 * (Py_BEGIN_ALLOW_THREADS), so other threads run meanwhile. */
#include "_iomodule.h"
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/types.h>

#define SMALLCHUNK 8192
#define BUFSIZ_MAX ((Py_ssize_t)(PY_SSIZE_T_MAX / 2))

typedef struct {
    IOBASE_HEAD
    int fd;
    unsigned int created : 1;
    unsigned int readable : 1;
    unsigned int writable : 1;
    unsigned int appending : 1;
    signed int seekable : 2;   /* -1 unknown */
    unsigned int closefd : 1;
    Py_ssize_t blksize;
    Py_off_t estimated_size;
} fileio;

static PyObject *
err_closed(void)
{
    PyErr_SetString(PyExc_ValueError, "I/O operation on closed file");
    return NULL;
}

static PyObject *
err_mode(const char *action)
{
    PyErr_Format(_PyIO_unsupported_operation, "File not open for %s", action);
    return NULL;
}

static PyObject *
fileio_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    fileio *self = (fileio *)type->tp_alloc(type, 0);
    if (self != NULL) {
        self->fd = -1;
        self->seekable = -1;
        self->closefd = 1;
        self->blksize = 0;
        self->estimated_size = -1;
    }
    return (PyObject *)self;
}

/* Close the descriptor; sets an OSError on failure. */
static int
internal_close(fileio *self)
{
    int err = 0;
    int fd = self->fd;
    if (fd >= 0) {
        self->fd = -1;
        int r;
        Py_BEGIN_ALLOW_THREADS
        r = close(fd);
        Py_END_ALLOW_THREADS
        if (r < 0) {
            err = errno;
        }
    }
    if (err) {
        errno = err;
        PyErr_SetFromErrno(PyExc_OSError);
        return -1;
    }
    return 0;
}

static int
fileio_init(PyObject *op, PyObject *args, PyObject *kwds)
{
    fileio *self = (fileio *)op;
    static char *kwlist[] = {"file", "mode", "closefd", "opener", NULL};
    PyObject *nameobj;
    const char *mode = "r";
    int closefd = 1;
    PyObject *opener = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|siO:FileIO", kwlist, &nameobj, &mode,
                                     &closefd, &opener)) {
        return -1;
    }
    if (self->fd >= 0) {
        if (self->closefd) {
            if (internal_close(self) < 0) {
                return -1;
            }
        }
        else {
            self->fd = -1;
        }
    }

    int fd = -1;
    PyObject *path = NULL;  /* bytes for open(2) */
    if (PyLong_Check(nameobj)) {
        int overflow;
        long v = PyLong_AsLongAndOverflow(nameobj, &overflow);
        if (v == -1 && PyErr_Occurred()) {
            return -1;
        }
        if (overflow || v > INT_MAX || v < INT_MIN) {
            PyErr_SetString(PyExc_OverflowError,
                            "signed integer is greater than maximum");
            return -1;
        }
        if (v < 0) {
            PyErr_SetString(PyExc_ValueError, "negative file descriptor");
            return -1;
        }
        fd = (int)v;
    }
    else {
        PyObject *fspath = nameobj;
        Py_INCREF(fspath);
        if (!PyUnicode_Check(fspath) && !PyBytes_Check(fspath)) {
            PyObject *meth = NULL;
            if (PyObject_GetOptionalAttrString((PyObject *)Py_TYPE(fspath), "__fspath__",
                                               &meth) < 0) {
                Py_DECREF(fspath);
                return -1;
            }
            if (meth == NULL) {
                PyErr_Format(PyExc_TypeError,
                             "expected str, bytes or os.PathLike object, not %.200s",
                             Py_TYPE(nameobj)->tp_name);
                Py_DECREF(fspath);
                return -1;
            }
            Py_DECREF(meth);
            PyObject *r = PyObject_CallMethod(fspath, "__fspath__", NULL);
            Py_DECREF(fspath);
            if (r == NULL) {
                return -1;
            }
            fspath = r;
        }
        if (PyUnicode_Check(fspath)) {
            path = PyUnicode_EncodeFSDefault(fspath);
            Py_DECREF(fspath);
            if (path == NULL) {
                return -1;
            }
        }
        else if (PyBytes_Check(fspath)) {
            path = fspath;
        }
        else {
            PyErr_Format(PyExc_TypeError,
                         "expected str, bytes or os.PathLike object, not %.200s",
                         Py_TYPE(nameobj)->tp_name);
            Py_DECREF(fspath);
            return -1;
        }
        if ((Py_ssize_t)strlen(PyBytes_AS_STRING(path)) != PyBytes_GET_SIZE(path)) {
            PyErr_SetString(PyExc_ValueError, "embedded null byte");
            Py_DECREF(path);
            return -1;
        }
    }

    int rwa = 0, plus = 0, flags = 0;
    self->readable = self->writable = self->appending = self->created = 0;
    for (const char *s = mode; *s; s++) {
        switch (*s) {
        case 'x':
            if (rwa) {
                goto bad_mode;
            }
            rwa = 1;
            self->created = 1;
            self->writable = 1;
            flags |= O_EXCL | O_CREAT;
            break;
        case 'r':
            if (rwa) {
                goto bad_mode;
            }
            rwa = 1;
            self->readable = 1;
            break;
        case 'w':
            if (rwa) {
                goto bad_mode;
            }
            rwa = 1;
            self->writable = 1;
            flags |= O_CREAT | O_TRUNC;
            break;
        case 'a':
            if (rwa) {
                goto bad_mode;
            }
            rwa = 1;
            self->writable = 1;
            self->appending = 1;
            flags |= O_APPEND | O_CREAT;
            break;
        case 'b':
            break;
        case '+':
            if (plus) {
                goto bad_mode;
            }
            self->readable = self->writable = 1;
            plus = 1;
            break;
        default:
            PyErr_Format(PyExc_ValueError, "invalid mode: %.200s", mode);
            Py_XDECREF(path);
            return -1;
        }
    }
    if (!rwa) {
        goto bad_mode;
    }
    if (self->readable && self->writable) {
        flags |= O_RDWR;
    }
    else if (self->readable) {
        flags |= O_RDONLY;
    }
    else {
        flags |= O_WRONLY;
    }
#ifdef O_CLOEXEC
    flags |= O_CLOEXEC;
#endif

    if (fd >= 0) {
        self->fd = fd;
        self->closefd = closefd ? 1 : 0;
    }
    else {
        self->closefd = 1;
        if (!closefd) {
            PyErr_SetString(PyExc_ValueError, "Cannot use closefd=False with file name");
            Py_DECREF(path);
            return -1;
        }
        if (opener == Py_None) {
            int err = 0;
            do {
                Py_BEGIN_ALLOW_THREADS
                self->fd = open(PyBytes_AS_STRING(path), flags, 0666);
                Py_END_ALLOW_THREADS
                err = errno;
            } while (self->fd < 0 && err == EINTR && !PyErr_CheckSignals());
            if (self->fd < 0) {
                errno = err;
                PyErr_SetFromErrnoWithFilenameObject(PyExc_OSError, nameobj);
                Py_DECREF(path);
                return -1;
            }
        }
        else {
            PyObject *fdobj = PyObject_CallFunction(opener, "Oi", nameobj, flags);
            if (fdobj == NULL) {
                Py_DECREF(path);
                return -1;
            }
            if (!PyLong_Check(fdobj)) {
                Py_DECREF(fdobj);
                PyErr_SetString(PyExc_TypeError, "expected integer from opener");
                Py_DECREF(path);
                return -1;
            }
            long v = PyLong_AsLong(fdobj);
            Py_DECREF(fdobj);
            if (v < 0) {
                if (!PyErr_Occurred()) {
                    PyErr_Format(PyExc_ValueError, "opener returned %ld", v);
                }
                Py_DECREF(path);
                return -1;
            }
            self->fd = (int)v;
        }
    }
    Py_XDECREF(path);
    path = NULL;

    struct stat st;
    int r;
    Py_BEGIN_ALLOW_THREADS
    r = fstat(self->fd, &st);
    Py_END_ALLOW_THREADS
    self->blksize = IO_DEFAULT_BUFFER_SIZE;
    if (r < 0) {
        if (errno == EBADF) {
            PyErr_SetFromErrno(PyExc_OSError);
            goto error;
        }
    }
    else {
        if (S_ISDIR(st.st_mode)) {
            errno = EISDIR;
            PyErr_SetFromErrnoWithFilenameObject(PyExc_OSError, nameobj);
            goto error;
        }
        if (st.st_blksize > 1) {
            self->blksize = st.st_blksize;
        }
        self->estimated_size = st.st_size;
    }
    if (PyObject_SetAttrString(op, "name", nameobj) < 0) {
        goto error;
    }
    if (self->appending) {
        Py_off_t pos;
        Py_BEGIN_ALLOW_THREADS
        pos = lseek(self->fd, 0, SEEK_END);
        Py_END_ALLOW_THREADS
        (void)pos;
    }
    return 0;

bad_mode:
    PyErr_SetString(PyExc_ValueError,
                    "Must have exactly one of create/read/write/append mode and at most one plus");
    Py_XDECREF(path);
    return -1;
error:
    if (self->closefd && self->fd >= 0) {
        PyObject *exc = PyErr_GetRaisedException();
        (void)internal_close(self);
        PyErr_Clear();
        PyErr_SetRaisedException(exc);
    }
    self->fd = -1;
    return -1;
}

static int
fileio_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((fileio *)self)->dict);
    return 0;
}

static int
fileio_clear(PyObject *self)
{
    Py_CLEAR(((fileio *)self)->dict);
    return 0;
}

static void
fileio_dealloc(PyObject *self)
{
    if (_PyIOBase_FinalizeFromDealloc(self)) {
        return;
    }
    PyObject_GC_UnTrack(self);
    _PyIO_ClearWeakRefs(self);
    fileio_clear(self);
    Py_TYPE(self)->tp_free(self);
}

static PyObject *
fileio_close(PyObject *op, PyObject *unused)
{
    fileio *self = (fileio *)op;
    /* _RawIOBase.close: flush and mark closed. */
    PyObject *res = _PyIOBase_close(op);
    if (!self->closefd) {
        self->fd = -1;
        return res;
    }
    PyObject *exc = NULL;
    if (res == NULL) {
        exc = PyErr_GetRaisedException();
    }
    if (internal_close(self) < 0) {
        Py_CLEAR(res);
        if (exc != NULL) {
            _PyErr_ChainExceptions1(exc);
        }
        return NULL;
    }
    if (exc != NULL) {
        PyErr_SetRaisedException(exc);
        return NULL;
    }
    return res;
}

static PyObject *
fileio_seekable(PyObject *op, PyObject *unused)
{
    fileio *self = (fileio *)op;
    if (self->fd < 0) {
        return err_closed();
    }
    if (self->seekable < 0) {
        Py_off_t pos;
        Py_BEGIN_ALLOW_THREADS
        pos = lseek(self->fd, 0, SEEK_CUR);
        Py_END_ALLOW_THREADS
        self->seekable = pos >= 0 ? 1 : 0;
    }
    return PyBool_FromLong(self->seekable);
}

static PyObject *
fileio_readable(PyObject *op, PyObject *unused)
{
    fileio *self = (fileio *)op;
    if (self->fd < 0) {
        return err_closed();
    }
    return PyBool_FromLong(self->readable);
}

static PyObject *
fileio_writable(PyObject *op, PyObject *unused)
{
    fileio *self = (fileio *)op;
    if (self->fd < 0) {
        return err_closed();
    }
    return PyBool_FromLong(self->writable);
}

static PyObject *
fileio_fileno(PyObject *op, PyObject *unused)
{
    fileio *self = (fileio *)op;
    if (self->fd < 0) {
        return err_closed();
    }
    return PyLong_FromLong(self->fd);
}

static PyObject *
fileio_isatty(PyObject *op, PyObject *unused)
{
    fileio *self = (fileio *)op;
    if (self->fd < 0) {
        return err_closed();
    }
    int r;
    Py_BEGIN_ALLOW_THREADS
    r = isatty(self->fd);
    Py_END_ALLOW_THREADS
    return PyBool_FromLong(r);
}

/* read(2) detached, retried on EINTR.  Returns bytes read, or -1 with an
 * exception set, or -2 for EAGAIN (no exception). */
static Py_ssize_t
fd_read(int fd, char *buf, size_t n)
{
    ssize_t r;
    int err;
    if (n > (size_t)PY_SSIZE_T_MAX) {
        n = PY_SSIZE_T_MAX;
    }
    do {
        Py_BEGIN_ALLOW_THREADS
        r = read(fd, buf, n);
        err = errno;
        Py_END_ALLOW_THREADS
    } while (r < 0 && err == EINTR && PyErr_CheckSignals() == 0);
    if (r < 0) {
        if (PyErr_Occurred()) {
            return -1;
        }
        if (err == EAGAIN) {
            return -2;
        }
        errno = err;
        PyErr_SetFromErrno(PyExc_OSError);
        return -1;
    }
    return r;
}

static Py_ssize_t
fd_write(int fd, const char *buf, size_t n)
{
    ssize_t r;
    int err;
    do {
        Py_BEGIN_ALLOW_THREADS
        r = write(fd, buf, n);
        err = errno;
        Py_END_ALLOW_THREADS
    } while (r < 0 && err == EINTR && PyErr_CheckSignals() == 0);
    if (r < 0) {
        if (PyErr_Occurred()) {
            return -1;
        }
        if (err == EAGAIN) {
            return -2;
        }
        errno = err;
        PyErr_SetFromErrno(PyExc_OSError);
        return -1;
    }
    return r;
}

static PyObject *
fileio_readinto(PyObject *op, PyObject *arg)
{
    fileio *self = (fileio *)op;
    if (self->fd < 0) {
        return err_closed();
    }
    if (!self->readable) {
        return err_mode("reading");
    }
    Py_buffer buf;
    if (PyObject_GetBuffer(arg, &buf, PyBUF_WRITABLE) < 0) {
        PyErr_Clear();
        PyErr_Format(PyExc_TypeError,
                     "readinto() argument must be read-write bytes-like object, not %.200s",
                     Py_TYPE(arg)->tp_name);
        return NULL;
    }
    Py_ssize_t n = fd_read(self->fd, buf.buf, buf.len);
    PyBuffer_Release(&buf);
    if (n == -1) {
        return NULL;
    }
    if (n == -2) {
        Py_RETURN_NONE;
    }
    return PyLong_FromSsize_t(n);
}

static PyObject *
fileio_readall(PyObject *op, PyObject *unused)
{
    fileio *self = (fileio *)op;
    if (self->fd < 0) {
        return err_closed();
    }
    Py_ssize_t bufsize = SMALLCHUNK;
    Py_off_t pos = -1;
    if (self->estimated_size > 0) {
        Py_BEGIN_ALLOW_THREADS
        pos = lseek(self->fd, 0, SEEK_CUR);
        Py_END_ALLOW_THREADS
        if (pos >= 0 && self->estimated_size >= pos &&
            self->estimated_size - pos < BUFSIZ_MAX - 1) {
            bufsize = (Py_ssize_t)(self->estimated_size - pos) + 1;
        }
    }
    PyObject *result = PyBytes_FromStringAndSize(NULL, bufsize);
    if (result == NULL) {
        return NULL;
    }
    Py_ssize_t total = 0;
    for (;;) {
        if (total >= bufsize) {
            Py_ssize_t newsize = bufsize + (bufsize >> 2) + SMALLCHUNK;
            if (newsize < bufsize) {
                Py_DECREF(result);
                PyErr_SetString(PyExc_OverflowError,
                                "unbounded read returned more bytes than a Python bytes object can hold");
                return NULL;
            }
            if (_PyBytes_Resize(&result, newsize) < 0) {
                return NULL;
            }
            bufsize = newsize;
        }
        Py_ssize_t n = fd_read(self->fd, PyBytes_AS_STRING(result) + total,
                               bufsize - total);
        if (n == 0) {
            break;
        }
        if (n == -1) {
            Py_DECREF(result);
            return NULL;
        }
        if (n == -2) {
            if (total > 0) {
                break;
            }
            Py_DECREF(result);
            Py_RETURN_NONE;
        }
        total += n;
    }
    if (PyBytes_GET_SIZE(result) > total) {
        if (_PyBytes_Resize(&result, total) < 0) {
            return NULL;
        }
    }
    return result;
}

static PyObject *
fileio_read(PyObject *op, PyObject *args)
{
    fileio *self = (fileio *)op;
    PyObject *sizeobj = Py_None;
    Py_ssize_t size;
    if (!PyArg_ParseTuple(args, "|O:read", &sizeobj) || !_PyIO_ConvertSize(sizeobj, &size)) {
        return NULL;
    }
    if (self->fd < 0) {
        return err_closed();
    }
    if (!self->readable) {
        return err_mode("reading");
    }
    if (size < 0) {
        return fileio_readall(op, NULL);
    }
    PyObject *bytes = PyBytes_FromStringAndSize(NULL, size);
    if (bytes == NULL) {
        return NULL;
    }
    Py_ssize_t n = fd_read(self->fd, PyBytes_AS_STRING(bytes), size);
    if (n == -1) {
        Py_DECREF(bytes);
        return NULL;
    }
    if (n == -2) {
        Py_DECREF(bytes);
        Py_RETURN_NONE;
    }
    if (n != size && _PyBytes_Resize(&bytes, n) < 0) {
        return NULL;
    }
    return bytes;
}

static PyObject *
fileio_write(PyObject *op, PyObject *arg)
{
    fileio *self = (fileio *)op;
    if (self->fd < 0) {
        return err_closed();
    }
    if (!self->writable) {
        return err_mode("writing");
    }
    Py_buffer buf;
    if (PyObject_GetBuffer(arg, &buf, PyBUF_SIMPLE) < 0) {
        PyErr_Clear();
        PyErr_Format(PyExc_TypeError, "a bytes-like object is required, not '%.200s'",
                     Py_TYPE(arg)->tp_name);
        return NULL;
    }
    Py_ssize_t n = fd_write(self->fd, buf.buf, buf.len);
    PyBuffer_Release(&buf);
    if (n == -1) {
        return NULL;
    }
    if (n == -2) {
        Py_RETURN_NONE;
    }
    return PyLong_FromSsize_t(n);
}

static PyObject *
portable_lseek(fileio *self, PyObject *posobj, int whence, int suppress_pipe_error)
{
    Py_off_t pos = 0, res;
    if (posobj != NULL) {
        if (PyFloat_Check(posobj)) {
            PyErr_SetString(PyExc_TypeError, "an integer is required");
            return NULL;
        }
        PyObject *idx = PyNumber_Index(posobj);
        if (idx == NULL) {
            return NULL;
        }
        pos = PyLong_AsOff_t(idx);
        Py_DECREF(idx);
        if (PyErr_Occurred()) {
            return NULL;
        }
    }
    Py_BEGIN_ALLOW_THREADS
    res = lseek(self->fd, pos, whence);
    Py_END_ALLOW_THREADS
    if (self->seekable < 0) {
        self->seekable = res >= 0 ? 1 : 0;
    }
    if (res < 0) {
        if (suppress_pipe_error && errno == ESPIPE) {
            res = 0;
        }
        else {
            return PyErr_SetFromErrno(PyExc_OSError);
        }
    }
    return PyLong_FromOff_t(res);
}

static PyObject *
fileio_seek(PyObject *op, PyObject *args)
{
    fileio *self = (fileio *)op;
    PyObject *posobj;
    int whence = 0;
    if (!PyArg_ParseTuple(args, "O|i:seek", &posobj, &whence)) {
        return NULL;
    }
    if (self->fd < 0) {
        return err_closed();
    }
    return portable_lseek(self, posobj, whence, 0);
}

static PyObject *
fileio_tell(PyObject *op, PyObject *unused)
{
    fileio *self = (fileio *)op;
    if (self->fd < 0) {
        return err_closed();
    }
    return portable_lseek(self, NULL, SEEK_CUR, 0);
}

static PyObject *
fileio_truncate(PyObject *op, PyObject *args)
{
    fileio *self = (fileio *)op;
    PyObject *posobj = Py_None;
    if (!PyArg_ParseTuple(args, "|O:truncate", &posobj)) {
        return NULL;
    }
    if (self->fd < 0) {
        return err_closed();
    }
    if (!self->writable) {
        return err_mode("writing");
    }
    if (posobj == Py_None) {
        posobj = portable_lseek(self, NULL, SEEK_CUR, 0);
        if (posobj == NULL) {
            return NULL;
        }
    }
    else {
        if (PyFloat_Check(posobj)) {
            PyErr_SetString(PyExc_TypeError, "an integer is required");
            return NULL;
        }
        posobj = PyNumber_Index(posobj);
        if (posobj == NULL) {
            return NULL;
        }
    }
    Py_off_t pos = PyLong_AsOff_t(posobj);
    if (PyErr_Occurred()) {
        Py_DECREF(posobj);
        return NULL;
    }
    int r;
    Py_BEGIN_ALLOW_THREADS
    r = ftruncate(self->fd, pos);
    Py_END_ALLOW_THREADS
    if (r != 0) {
        Py_DECREF(posobj);
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    self->estimated_size = pos;
    return posobj;
}

static const char *
mode_string(fileio *self)
{
    if (self->created) {
        return self->readable ? "xb+" : "xb";
    }
    if (self->appending) {
        return self->readable ? "ab+" : "ab";
    }
    if (self->readable) {
        return self->writable ? "rb+" : "rb";
    }
    return "wb";
}

static PyObject *
fileio_repr(PyObject *op)
{
    fileio *self = (fileio *)op;
    if (self->fd < 0) {
        return PyUnicode_FromFormat("<%s [closed]>", Py_TYPE(op)->tp_name);
    }
    PyObject *name = NULL;
    if (PyObject_GetOptionalAttrString(op, "name", &name) < 0) {
        if (!PyErr_ExceptionMatches(PyExc_ValueError)) {
            return NULL;
        }
        PyErr_Clear();
    }
    PyObject *res;
    if (name == NULL) {
        res = PyUnicode_FromFormat("<%s fd=%d mode='%s' closefd=%s>", Py_TYPE(op)->tp_name,
                                   self->fd, mode_string(self),
                                   self->closefd ? "True" : "False");
    }
    else {
        if (Py_ReprEnter(op) > 0) {
            Py_DECREF(name);
            PyErr_Format(PyExc_RuntimeError, "reentrant call inside %s.__repr__",
                         Py_TYPE(op)->tp_name);
            return NULL;
        }
        res = PyUnicode_FromFormat("<%s name=%R mode='%s' closefd=%s>", Py_TYPE(op)->tp_name,
                                   name, mode_string(self),
                                   self->closefd ? "True" : "False");
        Py_ReprLeave(op);
        Py_DECREF(name);
    }
    return res;
}

static PyObject *
fileio_dealloc_warn(PyObject *op, PyObject *source)
{
    Py_RETURN_NONE;
}

static PyObject *
fileio_getstate(PyObject *op, PyObject *unused)
{
    PyErr_Format(PyExc_TypeError, "cannot pickle '%.100s' instances", Py_TYPE(op)->tp_name);
    return NULL;
}

static PyMethodDef fileio_methods[] = {
    {"read", fileio_read, METH_VARARGS, NULL},
    {"readall", fileio_readall, METH_NOARGS, NULL},
    {"readinto", fileio_readinto, METH_O, NULL},
    {"write", fileio_write, METH_O, NULL},
    {"seek", fileio_seek, METH_VARARGS, NULL},
    {"tell", fileio_tell, METH_NOARGS, NULL},
    {"truncate", fileio_truncate, METH_VARARGS, NULL},
    {"close", fileio_close, METH_NOARGS, NULL},
    {"seekable", fileio_seekable, METH_NOARGS, NULL},
    {"readable", fileio_readable, METH_NOARGS, NULL},
    {"writable", fileio_writable, METH_NOARGS, NULL},
    {"fileno", fileio_fileno, METH_NOARGS, NULL},
    {"isatty", fileio_isatty, METH_NOARGS, NULL},
    {"_dealloc_warn", fileio_dealloc_warn, METH_O, NULL},
    {"__getstate__", fileio_getstate, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyObject *
fileio_get_closed(PyObject *op, void *c)
{
    return PyBool_FromLong(((fileio *)op)->fd < 0);
}

static PyObject *
fileio_get_closefd(PyObject *op, void *c)
{
    return PyBool_FromLong(((fileio *)op)->closefd);
}

static PyObject *
fileio_get_mode(PyObject *op, void *c)
{
    return PyUnicode_FromString(mode_string((fileio *)op));
}

static PyObject *
fileio_get_blksize(PyObject *op, void *c)
{
    return PyLong_FromSsize_t(((fileio *)op)->blksize);
}

static PyObject *
fileio_get_finalizing(PyObject *op, void *c)
{
    return PyBool_FromLong(((fileio *)op)->finalizing);
}

static PyGetSetDef fileio_getset[] = {
    {"closed", fileio_get_closed, NULL, "True if the file is closed", NULL},
    {"closefd", fileio_get_closefd, NULL, "True if the file descriptor will be closed by close().", NULL},
    {"mode", fileio_get_mode, NULL, "String giving the file mode", NULL},
    {"_blksize", fileio_get_blksize, NULL, NULL, NULL},
    {"_finalizing", fileio_get_finalizing, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PyTypeObject PyFileIO_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_io.FileIO",
    .tp_basicsize = sizeof(fileio),
    .tp_dealloc = fileio_dealloc,
    .tp_repr = fileio_repr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "Open a file.",
    .tp_traverse = fileio_traverse,
    .tp_clear = fileio_clear,
    .tp_methods = fileio_methods,
    .tp_getset = fileio_getset,
    .tp_base = &PyRawIOBase_Type,
    .tp_dictoffset = offsetof(fileio, dict),
    .tp_init = fileio_init,
    .tp_new = fileio_new,
    .tp_free = PyObject_GC_Del,
};

/* Fast paths for the buffered layer over an exact FileIO: read/write
 * straight into the caller's memory.  Same results as readinto()/write():
 * a count, -2 if the call would block, -1 with an exception set. */
Py_ssize_t
_PyFileIO_RawRead(PyObject *op, char *buf, Py_ssize_t n)
{
    fileio *self = (fileio *)op;
    if (self->fd < 0) {
        err_closed();
        return -1;
    }
    if (!self->readable) {
        err_mode("reading");
        return -1;
    }
    return fd_read(self->fd, buf, n);
}

Py_ssize_t
_PyFileIO_RawWrite(PyObject *op, const char *buf, Py_ssize_t n)
{
    fileio *self = (fileio *)op;
    if (self->fd < 0) {
        err_closed();
        return -1;
    }
    if (!self->writable) {
        err_mode("writing");
        return -1;
    }
    return fd_write(self->fd, buf, n);
}
