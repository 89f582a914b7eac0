/* bufferedio.c: _io._BufferedIOBase and the buffered classes over a raw
 * stream: BufferedReader, BufferedWriter, BufferedRandom, BufferedRWPair.
 *
 * The buffer holds either read-ahead data (buf[pos:end], the raw stream is
 * positioned at `end`) or pending writes (buf[0:wlen], to be written at the
 * raw stream's position), never both.  Every operation runs under the
 * object's own lock (a PyMutex, held across the raw calls; waiting for it
 * detaches the thread), so in both builds two threads writing to one
 * buffered stream never interleave inside one write() and never corrupt
 * the buffer.  A thread re-entering the same object (from a signal handler
 * or a __del__) gets RuntimeError, as in CPython. */
#include "_iomodule.h"
#include "pythread.h"
#include <errno.h>

typedef struct {
    IOBASE_HEAD
    PyObject *raw;
    char ok;
    char detached;
    char readable;
    char writable;
    char *buf;
    Py_ssize_t size;
    Py_ssize_t pos, end;   /* read-ahead */
    Py_ssize_t wlen;       /* pending writes */
    PyMutex lock;
    uintptr_t owner;
    char raw_is_fileio;
} buffered;

/* fileio.c fast paths for an exact FileIO raw stream. */
Py_ssize_t _PyFileIO_RawRead(PyObject *raw, char *buf, Py_ssize_t n);
Py_ssize_t _PyFileIO_RawWrite(PyObject *raw, const char *buf, Py_ssize_t n);

/* ---- locking -------------------------------------------------------------- */

static int
enter_buffered(buffered *self)
{
    uintptr_t me = (uintptr_t)PyThread_get_thread_ident();
    if (_Py_atomic_load_uintptr_relaxed(&self->owner) == me) {
        PyErr_Format(PyExc_RuntimeError, "reentrant call inside %R", (PyObject *)self);
        return 0;
    }
    if (!_PyMutex_TryLock(&self->lock)) {
        PyMutex_Lock(&self->lock);
    }
    _Py_atomic_store_uintptr_relaxed(&self->owner, me);
    return 1;
}

static void
leave_buffered(buffered *self)
{
    _Py_atomic_store_uintptr_relaxed(&self->owner, 0);
    PyMutex_Unlock(&self->lock);
}

#define CHECK_INITIALIZED(self, ret)                                          \
    if (!(self)->ok) {                                                        \
        if ((self)->detached) {                                               \
            PyErr_SetString(PyExc_ValueError, "raw stream has been detached"); \
        }                                                                     \
        else {                                                                \
            PyErr_SetString(PyExc_ValueError,                                 \
                            "I/O operation on uninitialized object");         \
        }                                                                     \
        return ret;                                                           \
    }

static int
raw_closed(buffered *self)
{
    PyObject *res = PyObject_GetAttrString(self->raw, "closed");
    if (res == NULL) {
        return -1;
    }
    int r = PyObject_IsTrue(res);
    Py_DECREF(res);
    return r;
}

static int
check_closed(buffered *self, const char *msg)
{
    int r = raw_closed(self);
    if (r < 0) {
        return -1;
    }
    if (r) {
        PyErr_SetString(PyExc_ValueError, msg);
        return -1;
    }
    return 0;
}

/* ---- raw calls ------------------------------------------------------------ */

/* Read up to n bytes from the raw stream into buf: count, 0 at EOF, -2
 * when the raw stream returned None (would block), -1 on error. */
static Py_ssize_t
raw_read(buffered *self, char *buf, Py_ssize_t n)
{
    if (self->raw_is_fileio) {
        return _PyFileIO_RawRead(self->raw, buf, n);
    }
    PyObject *ba = PyByteArray_FromStringAndSize(NULL, n);
    if (ba == NULL) {
        return -1;
    }
    PyObject *res = PyObject_CallMethod(self->raw, "readinto", "O", ba);
    if (res == NULL) {
        Py_DECREF(ba);
        return -1;
    }
    if (res == Py_None) {
        Py_DECREF(res);
        Py_DECREF(ba);
        return -2;
    }
    Py_ssize_t got = PyNumber_AsSsize_t(res, PyExc_ValueError);
    Py_DECREF(res);
    if (got == -1 && PyErr_Occurred()) {
        Py_DECREF(ba);
        return -1;
    }
    if (got < 0 || got > n) {
        Py_DECREF(ba);
        PyErr_Format(PyExc_OSError,
                     "raw readinto() returned invalid length %zd "
                     "(should have been between 0 and %zd)", got, n);
        return -1;
    }
    memcpy(buf, PyByteArray_AS_STRING(ba), got);
    Py_DECREF(ba);
    return got;
}

static Py_ssize_t
raw_write(buffered *self, const char *buf, Py_ssize_t n)
{
    if (self->raw_is_fileio) {
        return _PyFileIO_RawWrite(self->raw, buf, n);
    }
    PyObject *b = PyBytes_FromStringAndSize(buf, n);
    if (b == NULL) {
        return -1;
    }
    PyObject *res = PyObject_CallMethod(self->raw, "write", "O", b);
    Py_DECREF(b);
    if (res == NULL) {
        return -1;
    }
    if (res == Py_None) {
        Py_DECREF(res);
        return -2;
    }
    Py_ssize_t w = PyNumber_AsSsize_t(res, PyExc_ValueError);
    Py_DECREF(res);
    if (w == -1 && PyErr_Occurred()) {
        return -1;
    }
    if (w < 0 || w > n) {
        PyErr_Format(PyExc_OSError,
                     "raw write() returned invalid length %zd "
                     "(should have been between 0 and %zd)", w, n);
        return -1;
    }
    return w;
}

static int
raw_write_all(buffered *self, const char *buf, Py_ssize_t n)
{
    while (n > 0) {
        Py_ssize_t w = raw_write(self, buf, n);
        if (w == -1) {
            return -1;
        }
        if (w == -2) {
            PyObject *exc = PyObject_CallFunction(PyExc_BlockingIOError, "isn", EAGAIN,
                                                  "write could not complete without blocking",
                                                  (Py_ssize_t)0);
            if (exc != NULL) {
                PyErr_SetObject(PyExc_BlockingIOError, exc);
                Py_DECREF(exc);
            }
            return -1;
        }
        buf += w;
        n -= w;
    }
    return 0;
}

static PyObject *
raw_seek(buffered *self, Py_off_t off, int whence)
{
    return PyObject_CallMethod(self->raw, "seek", "Li", (long long)off, whence);
}

static Py_off_t
raw_tell(buffered *self)
{
    PyObject *res = PyObject_CallMethod(self->raw, "tell", NULL);
    if (res == NULL) {
        return -1;
    }
    Py_off_t n = PyLong_AsOff_t(res);
    Py_DECREF(res);
    if (n < 0) {
        if (!PyErr_Occurred()) {
            PyErr_Format(PyExc_OSError, "Raw stream returned invalid position %lld",
                         (long long)n);
        }
        return -1;
    }
    return n;
}

/* Write out pending data. */
static int
flush_writes(buffered *self)
{
    if (self->wlen == 0) {
        return 0;
    }
    Py_ssize_t n = self->wlen;
    /* Keep the data counted as pending until it is written, so an error
     * leaves it for the next flush. */
    Py_ssize_t done = 0;
    while (done < n) {
        Py_ssize_t w = raw_write(self, self->buf + done, n - done);
        if (w == -1 || w == -2) {
            if (done > 0) {
                memmove(self->buf, self->buf + done, n - done);
                self->wlen = n - done;
            }
            if (w == -2) {
                PyObject *exc = PyObject_CallFunction(
                    PyExc_BlockingIOError, "isn", EAGAIN,
                    "write could not complete without blocking", (Py_ssize_t)0);
                if (exc != NULL) {
                    PyErr_SetObject(PyExc_BlockingIOError, exc);
                    Py_DECREF(exc);
                }
            }
            return -1;
        }
        done += w;
    }
    self->wlen = 0;
    return 0;
}

/* Give back unread read-ahead: seek the raw stream to the logical position. */
static int
rewind_reads(buffered *self)
{
    Py_ssize_t unread = self->end - self->pos;
    self->pos = self->end = 0;
    if (unread > 0) {
        PyObject *r = raw_seek(self, -(Py_off_t)unread, 1);
        if (r == NULL) {
            return -1;
        }
        Py_DECREF(r);
    }
    return 0;
}

static int
flush_and_rewind(buffered *self)
{
    if (flush_writes(self) < 0) {
        return -1;
    }
    if (self->readable) {
        return rewind_reads(self);
    }
    return 0;
}

/* Refill the read buffer: count read, 0 at EOF, -2 would block, -1 error. */
static Py_ssize_t
fill_buffer(buffered *self)
{
    self->pos = self->end = 0;
    Py_ssize_t n = raw_read(self, self->buf, self->size);
    if (n > 0) {
        self->end = n;
    }
    return n;
}

/* ---- construction ---------------------------------------------------------- */

static int
buffered_init_common(buffered *self, PyObject *raw, Py_ssize_t buffer_size, int readable,
                     int writable)
{
    self->ok = 0;
    self->detached = 0;
    if (readable && _PyIOBase_CheckReadable(raw) < 0) {
        return -1;
    }
    if (writable && _PyIOBase_CheckWritable(raw) < 0) {
        return -1;
    }
    if (readable && writable && _PyIOBase_CheckSeekable(raw) < 0) {
        return -1;
    }
    if (buffer_size <= 0) {
        PyErr_SetString(PyExc_ValueError, "buffer size must be strictly positive");
        return -1;
    }
    Py_XSETREF(self->raw, Py_NewRef(raw));
    PyMem_Free(self->buf);
    self->buf = PyMem_Malloc(buffer_size);
    if (self->buf == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    self->size = buffer_size;
    self->pos = self->end = self->wlen = 0;
    self->readable = (char)readable;
    self->writable = (char)writable;
    self->raw_is_fileio = Py_IS_TYPE(raw, &PyFileIO_Type);
    self->ok = 1;
    return 0;
}

static int
parse_init(PyObject *args, PyObject *kwds, const char *fmt, PyObject **raw,
           Py_ssize_t *size)
{
    static char *kwlist[] = {"raw", "buffer_size", NULL};
    *size = IO_DEFAULT_BUFFER_SIZE;
    return PyArg_ParseTupleAndKeywords(args, kwds, fmt, kwlist, raw, size);
}

static int
reader_init(PyObject *op, PyObject *args, PyObject *kwds)
{
    PyObject *raw;
    Py_ssize_t size;
    if (!parse_init(args, kwds, "O|n:BufferedReader", &raw, &size)) {
        return -1;
    }
    return buffered_init_common((buffered *)op, raw, size, 1, 0);
}

static int
writer_init(PyObject *op, PyObject *args, PyObject *kwds)
{
    PyObject *raw;
    Py_ssize_t size;
    if (!parse_init(args, kwds, "O|n:BufferedWriter", &raw, &size)) {
        return -1;
    }
    return buffered_init_common((buffered *)op, raw, size, 0, 1);
}

static int
random_init(PyObject *op, PyObject *args, PyObject *kwds)
{
    PyObject *raw;
    Py_ssize_t size;
    if (!parse_init(args, kwds, "O|n:BufferedRandom", &raw, &size)) {
        return -1;
    }
    return buffered_init_common((buffered *)op, raw, size, 1, 1);
}

static int
buffered_traverse(PyObject *op, visitproc visit, void *arg)
{
    buffered *self = (buffered *)op;
    Py_VISIT(self->raw);
    Py_VISIT(self->dict);
    return 0;
}

static int
buffered_clear(PyObject *op)
{
    buffered *self = (buffered *)op;
    self->ok = 0;
    Py_CLEAR(self->raw);
    Py_CLEAR(self->dict);
    return 0;
}

static void
buffered_dealloc(PyObject *op)
{
    buffered *self = (buffered *)op;
    if (_PyIOBase_FinalizeFromDealloc(op)) {
        return;
    }
    PyObject_GC_UnTrack(op);
    _PyIO_ClearWeakRefs(op);
    self->ok = 0;
    PyMem_Free(self->buf);
    self->buf = NULL;
    buffered_clear(op);
    Py_TYPE(op)->tp_free(op);
}

/* ---- methods ---------------------------------------------------------------- */

#define ENTER(self, ret)                 \
    CHECK_INITIALIZED(self, ret)         \
    if (!enter_buffered(self)) {         \
        return ret;                      \
    }

static PyObject *
buffered_flush(PyObject *op, PyObject *unused)
{
    buffered *self = (buffered *)op;
    ENTER(self, NULL)
    PyObject *res = NULL;
    if (self->writable && check_closed(self, "flush of closed file") < 0) {
        goto done;
    }
    if (flush_and_rewind(self) < 0) {
        goto done;
    }
    res = Py_NewRef(Py_None);
done:
    leave_buffered(self);
    return res;
}

static PyObject *
buffered_close(PyObject *op, PyObject *unused)
{
    buffered *self = (buffered *)op;
    ENTER(self, NULL)
    int r = raw_closed(self);
    if (r < 0) {
        leave_buffered(self);
        return NULL;
    }
    if (r) {
        leave_buffered(self);
        Py_RETURN_NONE;
    }
    PyObject *exc = NULL;
    if (self->writable && flush_writes(self) < 0) {
        exc = PyErr_GetRaisedException();
    }
    self->pos = self->end = 0;
    leave_buffered(self);
    PyObject *res = PyObject_CallMethod(self->raw, "close", NULL);
    if (exc != NULL) {
        if (res == NULL) {
            _PyErr_ChainExceptions1(exc);
        }
        else {
            Py_CLEAR(res);
            PyErr_SetRaisedException(exc);
        }
    }
    return res;
}

static PyObject *
buffered_detach(PyObject *op, PyObject *unused)
{
    buffered *self = (buffered *)op;
    CHECK_INITIALIZED(self, NULL)
    PyObject *r = buffered_flush(op, NULL);
    if (r == NULL) {
        return NULL;
    }
    Py_DECREF(r);
    PyObject *raw = self->raw;
    self->raw = NULL;
    self->detached = 1;
    self->ok = 0;
    return raw;
}

static PyObject *
forward_noargs(PyObject *op, const char *name)
{
    buffered *self = (buffered *)op;
    CHECK_INITIALIZED(self, NULL)
    return PyObject_CallMethod(self->raw, name, NULL);
}

static PyObject *
buffered_seekable(PyObject *op, PyObject *u)
{
    return forward_noargs(op, "seekable");
}

static PyObject *
buffered_readable(PyObject *op, PyObject *u)
{
    return forward_noargs(op, "readable");
}

static PyObject *
buffered_writable(PyObject *op, PyObject *u)
{
    return forward_noargs(op, "writable");
}

static PyObject *
buffered_fileno(PyObject *op, PyObject *u)
{
    return forward_noargs(op, "fileno");
}

static PyObject *
buffered_isatty(PyObject *op, PyObject *u)
{
    return forward_noargs(op, "isatty");
}

static PyObject *
buffered_dealloc_warn(PyObject *op, PyObject *source)
{
    Py_RETURN_NONE;
}

/* Everything left: buffered data plus the raw stream's readall. */
static PyObject *
read_all(buffered *self)
{
    PyObject *chunks = PyList_New(0);
    if (chunks == NULL) {
        return NULL;
    }
    Py_ssize_t avail = self->end - self->pos;
    if (avail > 0) {
        PyObject *b = PyBytes_FromStringAndSize(self->buf + self->pos, avail);
        if (b == NULL || PyList_Append(chunks, b) < 0) {
            Py_XDECREF(b);
            Py_DECREF(chunks);
            return NULL;
        }
        Py_DECREF(b);
    }
    self->pos = self->end = 0;
    PyObject *readall = NULL;
    if (PyObject_GetOptionalAttrString(self->raw, "readall", &readall) < 0) {
        Py_DECREF(chunks);
        return NULL;
    }
    for (;;) {
        PyObject *data = readall ? PyObject_CallNoArgs(readall)
                                 : PyObject_CallMethod(self->raw, "read", NULL);
        if (data == NULL) {
            Py_XDECREF(readall);
            Py_DECREF(chunks);
            return NULL;
        }
        if (data != Py_None && !PyBytes_Check(data)) {
            PyErr_SetString(PyExc_TypeError,
                            readall ? "readall() should return bytes" : "read() should return bytes");
            Py_DECREF(data);
            Py_XDECREF(readall);
            Py_DECREF(chunks);
            return NULL;
        }
        if (data == Py_None || PyBytes_GET_SIZE(data) == 0) {
            if (data == Py_None && PyList_GET_SIZE(chunks) == 0) {
                Py_XDECREF(readall);
                Py_DECREF(chunks);
                return data;
            }
            Py_DECREF(data);
            break;
        }
        int r = PyList_Append(chunks, data);
        Py_DECREF(data);
        if (r < 0) {
            Py_XDECREF(readall);
            Py_DECREF(chunks);
            return NULL;
        }
        if (readall) {
            break;
        }
    }
    Py_XDECREF(readall);
    PyObject *res;
    if (PyList_GET_SIZE(chunks) == 1) {
        res = Py_NewRef(PyList_GET_ITEM(chunks, 0));
    }
    else {
        PyObject *empty = PyBytes_FromStringAndSize(NULL, 0);
        res = empty ? _PyBytes_Join(empty, chunks) : NULL;
        Py_XDECREF(empty);
    }
    Py_DECREF(chunks);
    return res;
}

static PyObject *
read_n(buffered *self, Py_ssize_t n)
{
    Py_ssize_t avail = self->end - self->pos;
    if (n <= avail) {
        PyObject *res = PyBytes_FromStringAndSize(self->buf + self->pos, n);
        if (res != NULL) {
            self->pos += n;
        }
        return res;
    }
    PyObject *res = PyBytes_FromStringAndSize(NULL, n);
    if (res == NULL) {
        return NULL;
    }
    char *out = PyBytes_AS_STRING(res);
    memcpy(out, self->buf + self->pos, avail);
    Py_ssize_t got = avail;
    self->pos = self->end = 0;
    Py_ssize_t r = 0;
    while (got < n) {
        Py_ssize_t remaining = n - got;
        if (remaining >= self->size) {
            r = raw_read(self, out + got, remaining);
            if (r <= 0 && r != -1) {
                break;
            }
            if (r == -1) {
                Py_DECREF(res);
                return NULL;
            }
            got += r;
            continue;
        }
        r = fill_buffer(self);
        if (r == -1) {
            Py_DECREF(res);
            return NULL;
        }
        if (r <= 0) {
            break;
        }
        Py_ssize_t take = remaining < self->end ? remaining : self->end;
        memcpy(out + got, self->buf, take);
        self->pos = take;
        got += take;
    }
    if (got == 0 && r == -2) {
        Py_DECREF(res);
        Py_RETURN_NONE;
    }
    if (got < n && _PyBytes_Resize(&res, got) < 0) {
        return NULL;
    }
    return res;
}

static PyObject *
buffered_read(PyObject *op, PyObject *args)
{
    buffered *self = (buffered *)op;
    PyObject *sizeobj = Py_None;
    Py_ssize_t n;
    if (!PyArg_ParseTuple(args, "|O:read", &sizeobj) || !_PyIO_ConvertSize(sizeobj, &n)) {
        return NULL;
    }
    CHECK_INITIALIZED(self, NULL)
    if (n < -1) {
        PyErr_SetString(PyExc_ValueError, "read length must be non-negative or -1");
        return NULL;
    }
    if (!enter_buffered(self)) {
        return NULL;
    }
    PyObject *res = NULL;
    if (check_closed(self, "read of closed file") < 0) {
        goto done;
    }
    if (flush_writes(self) < 0) {
        goto done;
    }
    res = n == -1 ? read_all(self) : read_n(self, n);
done:
    leave_buffered(self);
    return res;
}

static PyObject *
buffered_read1(PyObject *op, PyObject *args)
{
    buffered *self = (buffered *)op;
    PyObject *sizeobj = Py_None;
    Py_ssize_t n;
    if (!PyArg_ParseTuple(args, "|O:read1", &sizeobj) || !_PyIO_ConvertSize(sizeobj, &n)) {
        return NULL;
    }
    CHECK_INITIALIZED(self, NULL)
    if (n < 0) {
        n = self->size;
    }
    if (!enter_buffered(self)) {
        return NULL;
    }
    PyObject *res = NULL;
    if (check_closed(self, "read of closed file") < 0 || flush_writes(self) < 0) {
        goto done;
    }
    if (n == 0) {
        res = PyBytes_FromStringAndSize(NULL, 0);
        goto done;
    }
    Py_ssize_t avail = self->end - self->pos;
    if (avail > 0) {
        Py_ssize_t take = n < avail ? n : avail;
        res = PyBytes_FromStringAndSize(self->buf + self->pos, take);
        if (res) {
            self->pos += take;
        }
        goto done;
    }
    if (n > self->size) {
        res = PyBytes_FromStringAndSize(NULL, n);
        if (res == NULL) {
            goto done;
        }
        Py_ssize_t r = raw_read(self, PyBytes_AS_STRING(res), n);
        if (r == -1) {
            Py_CLEAR(res);
        }
        else if (r == -2) {
            Py_SETREF(res, Py_NewRef(Py_None));
        }
        else if (r != n) {
            _PyBytes_Resize(&res, r);
        }
        goto done;
    }
    Py_ssize_t r = fill_buffer(self);
    if (r == -1) {
        goto done;
    }
    if (r == -2) {
        res = Py_NewRef(Py_None);
        goto done;
    }
    Py_ssize_t take = n < self->end ? n : self->end;
    res = PyBytes_FromStringAndSize(self->buf, take);
    if (res) {
        self->pos = take;
    }
done:
    leave_buffered(self);
    return res;
}

static PyObject *
buffered_peek(PyObject *op, PyObject *args)
{
    buffered *self = (buffered *)op;
    Py_ssize_t n = 0;
    if (!PyArg_ParseTuple(args, "|n:peek", &n)) {
        return NULL;
    }
    ENTER(self, NULL)
    PyObject *res = NULL;
    if (check_closed(self, "peek of closed file") < 0 || flush_writes(self) < 0) {
        goto done;
    }
    if (self->end - self->pos == 0) {
        Py_ssize_t r = fill_buffer(self);
        if (r == -1) {
            goto done;
        }
    }
    res = PyBytes_FromStringAndSize(self->buf + self->pos, self->end - self->pos);
done:
    leave_buffered(self);
    return res;
}

static PyObject *
readinto_generic(PyObject *op, PyObject *arg, int one)
{
    Py_buffer view;
    if (PyObject_GetBuffer(arg, &view, PyBUF_WRITABLE) < 0) {
        PyErr_Clear();
        PyErr_Format(PyExc_TypeError,
                     "%s() argument must be read-write bytes-like object, not %.200s",
                     one ? "readinto1" : "readinto", Py_TYPE(arg)->tp_name);
        return NULL;
    }
    PyObject *data = PyObject_CallMethod(op, one ? "read1" : "read", "n", view.len);
    if (data == NULL) {
        PyBuffer_Release(&view);
        return NULL;
    }
    if (data == Py_None) {
        PyBuffer_Release(&view);
        return data;
    }
    if (!PyBytes_Check(data)) {
        PyBuffer_Release(&view);
        Py_DECREF(data);
        PyErr_SetString(PyExc_TypeError, "read() should return bytes");
        return NULL;
    }
    Py_ssize_t n = PyBytes_GET_SIZE(data);
    if (n > view.len) {
        PyBuffer_Release(&view);
        Py_DECREF(data);
        PyErr_Format(PyExc_ValueError, "read() returned too much data: %zd bytes requested, %zd returned",
                     view.len, n);
        return NULL;
    }
    memcpy(view.buf, PyBytes_AS_STRING(data), n);
    PyBuffer_Release(&view);
    Py_DECREF(data);
    return PyLong_FromSsize_t(n);
}

static PyObject *
buffered_readinto(PyObject *op, PyObject *arg)
{
    return readinto_generic(op, arg, 0);
}

static PyObject *
buffered_readinto1(PyObject *op, PyObject *arg)
{
    return readinto_generic(op, arg, 1);
}

static PyObject *
buffered_readline(PyObject *op, PyObject *args)
{
    buffered *self = (buffered *)op;
    PyObject *sizeobj = Py_None;
    Py_ssize_t limit;
    if (!PyArg_ParseTuple(args, "|O:readline", &sizeobj) ||
        !_PyIO_ConvertSize(sizeobj, &limit)) {
        return NULL;
    }
    ENTER(self, NULL)
    PyObject *res = NULL;
    PyObject *acc = NULL;
    if (check_closed(self, "readline of closed file") < 0 || flush_writes(self) < 0) {
        goto done;
    }
    for (;;) {
        Py_ssize_t avail = self->end - self->pos;
        Py_ssize_t have = acc ? PyByteArray_GET_SIZE(acc) : 0;
        Py_ssize_t scan = avail;
        if (limit >= 0 && scan > limit - have) {
            scan = limit - have;
        }
        const char *start = self->buf + self->pos;
        const char *nl = scan > 0 ? memchr(start, '\n', scan) : NULL;
        Py_ssize_t take = nl ? (nl - start) + 1 : scan;
        int finished = nl != NULL || (limit >= 0 && have + take >= limit);
        if (finished && acc == NULL) {
            res = PyBytes_FromStringAndSize(start, take);
            if (res) {
                self->pos += take;
            }
            goto done;
        }
        if (take > 0) {
            if (acc == NULL) {
                acc = PyByteArray_FromStringAndSize(start, take);
                if (acc == NULL) {
                    goto done;
                }
            }
            else {
                if (PyByteArray_Resize(acc, have + take) < 0) {
                    goto done;
                }
                memcpy(PyByteArray_AS_STRING(acc) + have, start, take);
            }
            self->pos += take;
        }
        if (finished) {
            break;
        }
        Py_ssize_t r = fill_buffer(self);
        if (r == -1) {
            goto done;
        }
        if (r <= 0) {
            break;
        }
    }
    if (acc == NULL) {
        res = PyBytes_FromStringAndSize(NULL, 0);
    }
    else {
        res = PyBytes_FromStringAndSize(PyByteArray_AS_STRING(acc), PyByteArray_GET_SIZE(acc));
    }
done:
    Py_XDECREF(acc);
    leave_buffered(self);
    return res;
}

static PyObject *
buffered_write(PyObject *op, PyObject *arg)
{
    buffered *self = (buffered *)op;
    CHECK_INITIALIZED(self, NULL)
    Py_buffer view;
    if (PyObject_GetBuffer(arg, &view, PyBUF_SIMPLE) < 0) {
        PyErr_Clear();
        PyErr_Format(PyExc_TypeError, "a bytes-like object is required, not '%.200s'",
                     Py_TYPE(arg)->tp_name);
        return NULL;
    }
    if (!enter_buffered(self)) {
        PyBuffer_Release(&view);
        return NULL;
    }
    PyObject *res = NULL;
    if (check_closed(self, "write to closed file") < 0) {
        goto done;
    }
    if (self->readable && self->end - self->pos > 0) {
        if (rewind_reads(self) < 0) {
            goto done;
        }
    }
    self->pos = self->end = 0;
    Py_ssize_t n = view.len;
    if (self->wlen + n <= self->size) {
        memcpy(self->buf + self->wlen, view.buf, n);
        self->wlen += n;
    }
    else {
        if (flush_writes(self) < 0) {
            goto done;
        }
        if (n >= self->size) {
            if (raw_write_all(self, view.buf, n) < 0) {
                goto done;
            }
        }
        else {
            memcpy(self->buf, view.buf, n);
            self->wlen = n;
        }
    }
    res = PyLong_FromSsize_t(n);
done:
    leave_buffered(self);
    PyBuffer_Release(&view);
    return res;
}

static PyObject *
buffered_tell(PyObject *op, PyObject *unused)
{
    buffered *self = (buffered *)op;
    ENTER(self, NULL)
    PyObject *res = NULL;
    Py_off_t pos = raw_tell(self);
    if (pos >= 0) {
        pos = pos - (self->end - self->pos) + self->wlen;
        if (pos < 0) {
            pos = 0;
        }
        res = PyLong_FromOff_t(pos);
    }
    leave_buffered(self);
    return res;
}

static PyObject *
buffered_seek(PyObject *op, PyObject *args)
{
    buffered *self = (buffered *)op;
    PyObject *targetobj;
    int whence = 0;
    if (!PyArg_ParseTuple(args, "O|i:seek", &targetobj, &whence)) {
        return NULL;
    }
    CHECK_INITIALIZED(self, NULL)
    if (whence < 0 || whence > 2) {
        PyErr_Format(PyExc_ValueError, "whence value %d unsupported", whence);
        return NULL;
    }
    if (PyFloat_Check(targetobj)) {
        PyErr_SetString(PyExc_TypeError, "an integer is required");
        return NULL;
    }
    PyObject *idx = PyNumber_Index(targetobj);
    if (idx == NULL) {
        return NULL;
    }
    Py_off_t target = PyLong_AsOff_t(idx);
    Py_DECREF(idx);
    if (target == -1 && PyErr_Occurred()) {
        return NULL;
    }
    if (!enter_buffered(self)) {
        return NULL;
    }
    PyObject *res = NULL;
    if (check_closed(self, "seek of closed file") < 0) {
        goto done;
    }
    /* Inside the read-ahead: move within the buffer. */
    if (whence != 2 && self->wlen == 0 && self->end > 0) {
        Py_off_t rawpos = raw_tell(self);
        if (rawpos < 0) {
            goto done;
        }
        Py_off_t cur = rawpos - (self->end - self->pos);
        Py_off_t abs = whence == 0 ? target : cur + target;
        Py_off_t bufstart = rawpos - self->end;
        if (abs >= bufstart && abs <= rawpos) {
            self->pos = (Py_ssize_t)(abs - bufstart);
            res = PyLong_FromOff_t(abs);
            goto done;
        }
    }
    if (flush_writes(self) < 0) {
        goto done;
    }
    if (whence == 1) {
        target -= self->end - self->pos;
    }
    self->pos = self->end = 0;
    res = raw_seek(self, target, whence);
done:
    leave_buffered(self);
    return res;
}

static PyObject *
buffered_truncate(PyObject *op, PyObject *args)
{
    buffered *self = (buffered *)op;
    PyObject *posobj = Py_None;
    if (!PyArg_ParseTuple(args, "|O:truncate", &posobj)) {
        return NULL;
    }
    ENTER(self, NULL)
    PyObject *res = NULL;
    if (check_closed(self, "truncate of closed file") < 0) {
        goto done;
    }
    if (!self->writable) {
        _PyIO_Unsupported("truncate");
        goto done;
    }
    if (flush_and_rewind(self) < 0) {
        goto done;
    }
    res = PyObject_CallMethod(self->raw, "truncate", "O", posobj);
done:
    leave_buffered(self);
    return res;
}

static PyObject *
buffered_iternext(PyObject *op)
{
    PyObject *line;
    if (Py_IS_TYPE(op, &PyBufferedReader_Type) || Py_IS_TYPE(op, &PyBufferedRandom_Type)) {
        PyObject *args = PyTuple_New(0);
        if (args == NULL) {
            return NULL;
        }
        line = buffered_readline(op, args);
        Py_DECREF(args);
    }
    else {
        line = PyObject_CallMethod(op, "readline", NULL);
        if (line && !PyBytes_Check(line)) {
            PyErr_Format(PyExc_OSError,
                         "readline() should have returned a bytes object, not '%.200s'",
                         Py_TYPE(line)->tp_name);
            Py_DECREF(line);
            return NULL;
        }
    }
    if (line == NULL) {
        return NULL;
    }
    if (PyBytes_GET_SIZE(line) == 0) {
        Py_DECREF(line);
        return NULL;
    }
    return line;
}

static PyObject *
buffered_repr(PyObject *op)
{
    PyObject *name = NULL;
    if (PyObject_GetOptionalAttrString(op, "name", &name) < 0) {
        if (!PyErr_ExceptionMatches(PyExc_ValueError)) {
            return NULL;
        }
        PyErr_Clear();
    }
    if (name == NULL) {
        return PyUnicode_FromFormat("<%s>", Py_TYPE(op)->tp_name);
    }
    if (Py_ReprEnter(op) > 0) {
        Py_DECREF(name);
        PyErr_Format(PyExc_RuntimeError, "reentrant call inside %s.__repr__",
                     Py_TYPE(op)->tp_name);
        return NULL;
    }
    PyObject *res = PyUnicode_FromFormat("<%s name=%R>", Py_TYPE(op)->tp_name, name);
    Py_ReprLeave(op);
    Py_DECREF(name);
    return res;
}

static PyObject *
buffered_get_raw(PyObject *op, void *c)
{
    buffered *self = (buffered *)op;
    CHECK_INITIALIZED(self, NULL)
    return Py_NewRef(self->raw);
}

static PyObject *
buffered_get_closed(PyObject *op, void *c)
{
    buffered *self = (buffered *)op;
    CHECK_INITIALIZED(self, NULL)
    return PyObject_GetAttrString(self->raw, "closed");
}

static PyObject *
buffered_get_name(PyObject *op, void *c)
{
    buffered *self = (buffered *)op;
    CHECK_INITIALIZED(self, NULL)
    return PyObject_GetAttrString(self->raw, "name");
}

static PyObject *
buffered_get_mode(PyObject *op, void *c)
{
    buffered *self = (buffered *)op;
    CHECK_INITIALIZED(self, NULL)
    return PyObject_GetAttrString(self->raw, "mode");
}

static PyMemberDef buffered_members[] = {
    {"_finalizing", Py_T_BOOL, offsetof(buffered, finalizing), 0, NULL},
    {NULL, 0, 0, 0, NULL},
};

static PyGetSetDef buffered_getset[] = {
    {"raw", buffered_get_raw, NULL, NULL, NULL},
    {"closed", buffered_get_closed, NULL, NULL, NULL},
    {"name", buffered_get_name, NULL, NULL, NULL},
    {"mode", buffered_get_mode, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

#define COMMON_METHODS                                                    \
    {"detach", buffered_detach, METH_NOARGS, NULL},                       \
    {"flush", buffered_flush, METH_NOARGS, NULL},                         \
    {"close", buffered_close, METH_NOARGS, NULL},                         \
    {"seekable", buffered_seekable, METH_NOARGS, NULL},                   \
    {"readable", buffered_readable, METH_NOARGS, NULL},                   \
    {"writable", buffered_writable, METH_NOARGS, NULL},                   \
    {"fileno", buffered_fileno, METH_NOARGS, NULL},                       \
    {"isatty", buffered_isatty, METH_NOARGS, NULL},                       \
    {"_dealloc_warn", buffered_dealloc_warn, METH_O, NULL},               \
    {"seek", buffered_seek, METH_VARARGS, NULL},                          \
    {"tell", buffered_tell, METH_NOARGS, NULL},                           \
    {"truncate", buffered_truncate, METH_VARARGS, NULL},

#define READ_METHODS                                                      \
    {"read", buffered_read, METH_VARARGS, NULL},                          \
    {"read1", buffered_read1, METH_VARARGS, NULL},                        \
    {"peek", buffered_peek, METH_VARARGS, NULL},                          \
    {"readinto", buffered_readinto, METH_O, NULL},                        \
    {"readinto1", buffered_readinto1, METH_O, NULL},                      \
    {"readline", buffered_readline, METH_VARARGS, NULL},

#define WRITE_METHODS {"write", buffered_write, METH_O, NULL},

static PyMethodDef reader_methods[] = {
    COMMON_METHODS READ_METHODS
    {NULL, NULL, 0, NULL},
};

static PyMethodDef writer_methods[] = {
    COMMON_METHODS WRITE_METHODS
    {NULL, NULL, 0, NULL},
};

static PyMethodDef random_methods[] = {
    COMMON_METHODS READ_METHODS WRITE_METHODS
    {NULL, NULL, 0, NULL},
};

#define BUFFERED_TYPE(cname, pyname, methods, init, iternext) \
PyTypeObject cname = {                                                    \
    PyVarObject_HEAD_INIT(&PyType_Type, 0)                                \
    .tp_name = pyname,                                                    \
    .tp_basicsize = sizeof(buffered),                                     \
    .tp_dealloc = buffered_dealloc,                                       \
    .tp_repr = buffered_repr,                                             \
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC, \
    .tp_traverse = buffered_traverse,                                     \
    .tp_clear = buffered_clear,                                           \
    .tp_iternext = iternext,                                              \
    .tp_methods = methods,                                                \
    .tp_members = buffered_members,                                       \
    .tp_getset = buffered_getset,                                         \
    .tp_base = &PyBufferedIOBase_Type,                                    \
    .tp_dictoffset = offsetof(buffered, dict),                            \
    .tp_init = init,                                                      \
    .tp_new = PyType_GenericNew,                                          \
    .tp_free = PyObject_GC_Del,                                           \
};

BUFFERED_TYPE(PyBufferedReader_Type, "_io.BufferedReader", reader_methods, reader_init,
              buffered_iternext)
BUFFERED_TYPE(PyBufferedWriter_Type, "_io.BufferedWriter", writer_methods, writer_init, NULL)
BUFFERED_TYPE(PyBufferedRandom_Type, "_io.BufferedRandom", random_methods, random_init,
              buffered_iternext)

/* ---- _BufferedIOBase ---------------------------------------------------- */

static PyObject *
bufferediobase_unsupported(const char *name)
{
    return _PyIO_Unsupported(name);
}

static PyObject *
bufferediobase_read(PyObject *self, PyObject *args)
{
    return bufferediobase_unsupported("read");
}

static PyObject *
bufferediobase_read1(PyObject *self, PyObject *args)
{
    return bufferediobase_unsupported("read1");
}

static PyObject *
bufferediobase_write(PyObject *self, PyObject *args)
{
    return bufferediobase_unsupported("write");
}

static PyObject *
bufferediobase_detach(PyObject *self, PyObject *args)
{
    return bufferediobase_unsupported("detach");
}

static PyMethodDef bufferediobase_methods[] = {
    {"detach", bufferediobase_detach, METH_NOARGS, NULL},
    {"read", bufferediobase_read, METH_VARARGS, NULL},
    {"read1", bufferediobase_read1, METH_VARARGS, NULL},
    {"readinto", buffered_readinto, METH_O, NULL},
    {"readinto1", buffered_readinto1, METH_O, NULL},
    {"write", bufferediobase_write, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

PyTypeObject PyBufferedIOBase_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_io._BufferedIOBase",
    .tp_basicsize = sizeof(iobase),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "Base class for buffered IO objects.",
    .tp_methods = bufferediobase_methods,
    .tp_base = &PyIOBase_Type,
};

/* ---- BufferedRWPair ------------------------------------------------------ */

typedef struct {
    IOBASE_HEAD
    PyObject *reader;
    PyObject *writer;
} rwpair;

static int
rwpair_init(PyObject *op, PyObject *args, PyObject *kwds)
{
    rwpair *self = (rwpair *)op;
    PyObject *reader, *writer;
    Py_ssize_t size = IO_DEFAULT_BUFFER_SIZE;
    if (!_PyArg_NoKeywords("BufferedRWPair", kwds) ||
        !PyArg_ParseTuple(args, "OO|n:BufferedRWPair", &reader, &writer, &size)) {
        return -1;
    }
    if (_PyIOBase_CheckReadable(reader) < 0 || _PyIOBase_CheckWritable(writer) < 0) {
        return -1;
    }
    PyObject *r = PyObject_CallFunction((PyObject *)&PyBufferedReader_Type, "On", reader, size);
    if (r == NULL) {
        return -1;
    }
    PyObject *w = PyObject_CallFunction((PyObject *)&PyBufferedWriter_Type, "On", writer, size);
    if (w == NULL) {
        Py_DECREF(r);
        return -1;
    }
    Py_XSETREF(self->reader, r);
    Py_XSETREF(self->writer, w);
    return 0;
}

static int
rwpair_traverse(PyObject *op, visitproc visit, void *arg)
{
    rwpair *self = (rwpair *)op;
    Py_VISIT(self->reader);
    Py_VISIT(self->writer);
    Py_VISIT(self->dict);
    return 0;
}

static int
rwpair_clear(PyObject *op)
{
    rwpair *self = (rwpair *)op;
    Py_CLEAR(self->reader);
    Py_CLEAR(self->writer);
    Py_CLEAR(self->dict);
    return 0;
}

static void
rwpair_dealloc(PyObject *op)
{
    PyObject_GC_UnTrack(op);
    _PyIO_ClearWeakRefs(op);
    rwpair_clear(op);
    Py_TYPE(op)->tp_free(op);
}

static PyObject *
rwpair_forward(rwpair *self, int to_writer, const char *name, PyObject *args)
{
    PyObject *target = to_writer ? self->writer : self->reader;
    if (target == NULL) {
        PyErr_SetString(PyExc_ValueError, to_writer ? "I/O operation on uninitialized object"
                                                    : "I/O operation on uninitialized object");
        return NULL;
    }
    PyObject *meth = PyObject_GetAttrString(target, name);
    if (meth == NULL) {
        return NULL;
    }
    PyObject *res = PyObject_Call(meth, args ? args : PyTuple_New(0), NULL);
    Py_DECREF(meth);
    return res;
}

#define RWPAIR_FWD(fname, w, pyname)                                        \
    static PyObject *fname(PyObject *op, PyObject *args)                   \
    {                                                                      \
        PyObject *empty = NULL;                                            \
        if (args == NULL) {                                                \
            args = empty = PyTuple_New(0);                                 \
            if (args == NULL) return NULL;                                 \
        }                                                                  \
        PyObject *r = rwpair_forward((rwpair *)op, w, pyname, args);       \
        Py_XDECREF(empty);                                                 \
        return r;                                                          \
    }

RWPAIR_FWD(rwpair_read, 0, "read")
RWPAIR_FWD(rwpair_peek, 0, "peek")
RWPAIR_FWD(rwpair_read1, 0, "read1")
RWPAIR_FWD(rwpair_readinto, 0, "readinto")
RWPAIR_FWD(rwpair_readinto1, 0, "readinto1")
RWPAIR_FWD(rwpair_readable, 0, "readable")
RWPAIR_FWD(rwpair_write, 1, "write")
RWPAIR_FWD(rwpair_flush, 1, "flush")
RWPAIR_FWD(rwpair_writable, 1, "writable")

static PyObject *
rwpair_close(PyObject *op, PyObject *unused)
{
    rwpair *self = (rwpair *)op;
    PyObject *exc = NULL;
    PyObject *r = PyObject_CallMethod(self->writer, "close", NULL);
    if (r == NULL) {
        exc = PyErr_GetRaisedException();
    }
    Py_XDECREF(r);
    r = PyObject_CallMethod(self->reader, "close", NULL);
    if (exc != NULL) {
        if (r == NULL) {
            _PyErr_ChainExceptions1(exc);
        }
        else {
            Py_CLEAR(r);
            PyErr_SetRaisedException(exc);
        }
    }
    return r;
}

static PyObject *
rwpair_isatty(PyObject *op, PyObject *unused)
{
    rwpair *self = (rwpair *)op;
    PyObject *r = PyObject_CallMethod(self->writer, "isatty", NULL);
    if (r != Py_False) {
        return r;
    }
    Py_DECREF(r);
    return PyObject_CallMethod(self->reader, "isatty", NULL);
}

static PyObject *
rwpair_get_closed(PyObject *op, void *c)
{
    rwpair *self = (rwpair *)op;
    if (self->writer == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "the BufferedRWPair object is being garbage-collected");
        return NULL;
    }
    return PyObject_GetAttrString(self->writer, "closed");
}

static PyMethodDef rwpair_methods[] = {
    {"read", rwpair_read, METH_VARARGS, NULL},
    {"peek", rwpair_peek, METH_VARARGS, NULL},
    {"read1", rwpair_read1, METH_VARARGS, NULL},
    {"readinto", rwpair_readinto, METH_VARARGS, NULL},
    {"readinto1", rwpair_readinto1, METH_VARARGS, NULL},
    {"write", rwpair_write, METH_VARARGS, NULL},
    {"flush", rwpair_flush, METH_VARARGS, NULL},
    {"readable", rwpair_readable, METH_VARARGS, NULL},
    {"writable", rwpair_writable, METH_VARARGS, NULL},
    {"close", rwpair_close, METH_NOARGS, NULL},
    {"isatty", rwpair_isatty, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef rwpair_getset[] = {
    {"closed", rwpair_get_closed, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PyTypeObject PyBufferedRWPair_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_io.BufferedRWPair",
    .tp_basicsize = sizeof(rwpair),
    .tp_dealloc = rwpair_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = rwpair_traverse,
    .tp_clear = rwpair_clear,
    .tp_methods = rwpair_methods,
    .tp_getset = rwpair_getset,
    .tp_base = &PyBufferedIOBase_Type,
    .tp_dictoffset = offsetof(rwpair, dict),
    .tp_init = rwpair_init,
    .tp_new = PyType_GenericNew,
    .tp_free = PyObject_GC_Del,
};
