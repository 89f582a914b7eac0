/* selectmodule.c: the select module — select.select() and select.poll()
 * objects, both built on ppoll(2) (no FD_SETSIZE limit, nanosecond
 * timeouts).  Every wait detaches the thread from the runtime, so other
 * Python threads run meanwhile (in the default build it releases the GIL),
 * and a wait interrupted by a signal runs the Python signal handlers and
 * then waits for what is left of the timeout (PEP 475). */
#include "Python.h"
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <poll.h>
#include <signal.h>
#include <time.h>

/* ---- timeouts ------------------------------------------------------------ */

/* A timeout in nanoseconds, -1 for "wait forever". */
typedef int64_t wait_ns;

static int64_t
monotonic_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/* obj (a number of `unit` nanoseconds each, None for forever) as a wait.
 * negative_is_forever: poll()'s rule; select() rejects negatives. */
static int
timeout_from_object(PyObject *obj, double unit, int negative_is_forever,
                    const char *type_message, wait_ns *out)
{
    if (obj == NULL || obj == Py_None) {
        *out = -1;
        return 0;
    }
    double d;
    if (PyFloat_Check(obj)) {
        d = PyFloat_AS_DOUBLE(obj);
        if (isnan(d)) {
            PyErr_SetString(PyExc_ValueError, "Invalid value NaN (not a number)");
            return -1;
        }
    }
    else if (PyIndex_Check(obj)) {
        PyObject *n = PyNumber_Index(obj);
        if (n == NULL) {
            return -1;
        }
        d = PyLong_AsDouble(n);
        Py_DECREF(n);
        if (d == -1.0 && PyErr_Occurred()) {
            PyErr_SetString(PyExc_OverflowError, "timeout is too large");
            return -1;
        }
    }
    else {
        PyErr_SetString(PyExc_TypeError, type_message);
        return -1;
    }
    if (d < 0) {
        if (negative_is_forever) {
            *out = -1;
            return 0;
        }
        PyErr_SetString(PyExc_ValueError, "timeout must be non-negative");
        return -1;
    }
    d = ceil(d * unit);             /* round up: never wake before the timeout */
    if (d >= 9.2e18) {
        PyErr_SetString(PyExc_OverflowError, "timeout is too large");
        return -1;
    }
    *out = (wait_ns)d;
    return 0;
}

/* ppoll with the thread detached; retries after signals whose handlers did
 * not raise.  Returns the ready count, or -1 with an exception. */
static int
wait_for_fds(struct pollfd *fds, nfds_t n, wait_ns timeout)
{
    int64_t deadline = timeout >= 0 ? monotonic_ns() + timeout : 0;
    for (;;) {
        struct timespec ts, *tsp = NULL;
        if (timeout >= 0) {
            int64_t left = deadline - monotonic_ns();
            if (left < 0) {
                left = 0;
            }
            ts.tv_sec = (time_t)(left / 1000000000);
            ts.tv_nsec = (long)(left % 1000000000);
            tsp = &ts;
        }
        int r, err;
        Py_BEGIN_ALLOW_THREADS
        r = ppoll(fds, n, tsp, NULL);
        err = errno;
        Py_END_ALLOW_THREADS
        if (r >= 0) {
            return r;
        }
        if (err != EINTR) {
            errno = err;
            PyErr_SetFromErrno(PyExc_OSError);
            return -1;
        }
        if (PyErr_CheckSignals() < 0) {
            return -1;
        }
    }
}

static int
fd_from_object(PyObject *obj)
{
    int fd = PyObject_AsFileDescriptor(obj);
    if (fd < 0 && !PyErr_Occurred()) {
        PyErr_Format(PyExc_ValueError,
                     "file descriptor cannot be a negative integer (%d)", fd);
    }
    return fd;
}

/* ---- select.select -------------------------------------------------------- */

/* Entries of one of select()'s three lists and what counts as ready. */
struct fd_list {
    PyObject *seq;          /* the caller's objects (a list or tuple) */
    short events;           /* asked of poll */
    short ready;            /* revents bits that put an object in the result */
};

static PyObject *
select_select(PyObject *Py_UNUSED(module), PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs < 3 || nargs > 4) {
        PyErr_Format(PyExc_TypeError, "select expected %s, got %zd",
                     nargs < 3 ? "at least 3 arguments" : "at most 4 arguments", nargs);
        return NULL;
    }
    wait_ns timeout;
    if (timeout_from_object(nargs == 4 ? args[3] : NULL, 1e9, 0,
                            "timeout must be a float or None", &timeout) < 0) {
        return NULL;
    }
    /* readable: data, end of file or an error (as select(2) reports them);
     * writable: room or an error; exceptional: urgent data. */
    struct fd_list lists[3] = {
        {NULL, POLLIN, POLLIN | POLLHUP | POLLERR},
        {NULL, POLLOUT, POLLOUT | POLLERR},
        {NULL, POLLPRI, POLLPRI},
    };
    PyObject *result = NULL;
    struct pollfd *fds = NULL;
    Py_ssize_t total = 0;
    for (int k = 0; k < 3; k++) {
        lists[k].seq = PySequence_Fast(args[k], "arguments 1-3 must be sequences");
        if (lists[k].seq == NULL) {
            goto done;
        }
        total += PySequence_Fast_GET_SIZE(lists[k].seq);
    }
    fds = PyMem_Calloc(total ? (size_t)total : 1, sizeof(struct pollfd));
    if (fds == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    Py_ssize_t at = 0;
    for (int k = 0; k < 3; k++) {
        Py_ssize_t n = PySequence_Fast_GET_SIZE(lists[k].seq);
        for (Py_ssize_t i = 0; i < n; i++) {
            int fd = fd_from_object(PySequence_Fast_GET_ITEM(lists[k].seq, i));
            if (fd < 0) {
                goto done;
            }
            fds[at].fd = fd;
            fds[at].events = lists[k].events;
            at++;
        }
    }
    if (wait_for_fds(fds, (nfds_t)total, timeout) < 0) {
        goto done;
    }
    for (Py_ssize_t i = 0; i < total; i++) {
        if (fds[i].revents & POLLNVAL) {
            errno = EBADF;
            PyErr_SetFromErrno(PyExc_OSError);
            goto done;
        }
    }
    result = PyTuple_New(3);
    if (result == NULL) {
        goto done;
    }
    at = 0;
    for (int k = 0; k < 3; k++) {
        PyObject *ready = PyList_New(0);
        if (ready == NULL) {
            Py_CLEAR(result);
            goto done;
        }
        PyTuple_SET_ITEM(result, k, ready);
        Py_ssize_t n = PySequence_Fast_GET_SIZE(lists[k].seq);
        for (Py_ssize_t i = 0; i < n; i++, at++) {
            if ((fds[at].revents & lists[k].ready)
                && PyList_Append(ready, PySequence_Fast_GET_ITEM(lists[k].seq, i)) < 0) {
                Py_CLEAR(result);
                goto done;
            }
        }
    }
done:
    PyMem_Free(fds);
    for (int k = 0; k < 3; k++) {
        Py_XDECREF(lists[k].seq);
    }
    return result;
}

/* ---- select.poll objects ---------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    PyObject *registered;   /* dict: fd (int) -> event mask (int) */
    int polling;            /* a poll() is waiting: another one is an error */
} PollObject;

static PyTypeObject PollType;

static int
event_mask_from_object(PyObject *obj, unsigned short *out)
{
    long v = PyLong_AsLong(obj);
    if (v == -1 && PyErr_Occurred()) {
        return -1;
    }
    if (v < 0) {
        PyErr_SetString(PyExc_ValueError, "value must be positive");
        return -1;
    }
    if (v > USHRT_MAX) {
        PyErr_SetString(PyExc_OverflowError, "Python int too large for C unsigned short");
        return -1;
    }
    *out = (unsigned short)v;
    return 0;
}

static PyObject *
poll_set(PollObject *self, PyObject *const *args, Py_ssize_t nargs, int must_exist,
         const char *name)
{
    if (nargs < 1 + must_exist || nargs > 2) {
        PyErr_Format(PyExc_TypeError, "%s expected %s%d argument%s, got %zd", name,
                     must_exist ? "" : (nargs < 1 ? "at least " : "at most "),
                     must_exist ? 2 : (nargs < 1 ? 1 : 2),
                     (must_exist || nargs > 2) ? "s" : "", nargs);
        return NULL;
    }
    int fd = fd_from_object(args[0]);
    if (fd < 0) {
        return NULL;
    }
    unsigned short mask = POLLIN | POLLPRI | POLLOUT;
    if (nargs == 2 && event_mask_from_object(args[1], &mask) < 0) {
        return NULL;
    }
    PyObject *key = PyLong_FromLong(fd);
    PyObject *value = PyLong_FromLong(mask);
    int r = -1;
    if (key != NULL && value != NULL) {
        Py_BEGIN_CRITICAL_SECTION(self);
        int present = PyDict_Contains(self->registered, key);
        if (present < 0) {
            r = -1;
        }
        else if (must_exist && !present) {
            errno = ENOENT;
            PyErr_SetFromErrno(PyExc_OSError);
            r = -1;
        }
        else {
            r = PyDict_SetItem(self->registered, key, value);
        }
        Py_END_CRITICAL_SECTION();
    }
    Py_XDECREF(key);
    Py_XDECREF(value);
    if (r < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
poll_register(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    return poll_set((PollObject *)self, args, nargs, 0, "register");
}

static PyObject *
poll_modify(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    return poll_set((PollObject *)self, args, nargs, 1, "modify");
}

static PyObject *
poll_unregister(PyObject *op, PyObject *arg)
{
    PollObject *self = (PollObject *)op;
    int fd = fd_from_object(arg);
    if (fd < 0) {
        return NULL;
    }
    PyObject *key = PyLong_FromLong(fd);
    if (key == NULL) {
        return NULL;
    }
    int r;
    Py_BEGIN_CRITICAL_SECTION(self);
    r = PyDict_DelItem(self->registered, key);   /* KeyError: fd, as CPython */
    Py_END_CRITICAL_SECTION();
    Py_DECREF(key);
    if (r < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
poll_poll(PyObject *op, PyObject *const *args, Py_ssize_t nargs)
{
    PollObject *self = (PollObject *)op;
    if (nargs > 1) {
        PyErr_Format(PyExc_TypeError, "poll expected at most 1 argument, got %zd", nargs);
        return NULL;
    }
    wait_ns timeout;
    if (timeout_from_object(nargs ? args[0] : NULL, 1e6, 1,
                            "timeout must be an integer or None", &timeout) < 0) {
        return NULL;
    }
    /* Take a snapshot of the registrations: the wait runs without the lock,
     * so other threads may register meanwhile (they apply to the next poll). */
    struct pollfd *fds = NULL;
    Py_ssize_t n = 0;
    int busy = 0;
    Py_BEGIN_CRITICAL_SECTION(self);
    if (self->polling) {
        busy = 1;
    }
    else {
        n = PyDict_GET_SIZE(self->registered);
        fds = PyMem_Calloc(n ? (size_t)n : 1, sizeof(struct pollfd));
        if (fds != NULL) {
            Py_ssize_t pos = 0, i = 0;
            PyObject *k, *v;
            while (PyDict_Next(self->registered, &pos, &k, &v)) {
                fds[i].fd = (int)PyLong_AsLong(k);
                fds[i].events = (short)PyLong_AsLong(v);
                i++;
            }
            self->polling = 1;
        }
    }
    Py_END_CRITICAL_SECTION();
    if (busy) {
        PyErr_SetString(PyExc_RuntimeError, "concurrent poll() invocation");
        return NULL;
    }
    if (fds == NULL) {
        return PyErr_NoMemory();
    }
    PyObject *result = NULL;
    int ready = wait_for_fds(fds, (nfds_t)n, timeout);
    if (ready >= 0) {
        result = PyList_New(0);
        for (Py_ssize_t i = 0; result != NULL && i < n; i++) {
            if (fds[i].revents == 0) {
                continue;
            }
            PyObject *pair = Py_BuildValue("(ii)", fds[i].fd, (int)(unsigned short)fds[i].revents);
            if (pair == NULL || PyList_Append(result, pair) < 0) {
                Py_CLEAR(result);
            }
            Py_XDECREF(pair);
        }
    }
    PyMem_Free(fds);
    Py_BEGIN_CRITICAL_SECTION(self);
    self->polling = 0;
    Py_END_CRITICAL_SECTION();
    return result;
}

static int
poll_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(((PollObject *)op)->registered);
    return 0;
}

static void
poll_dealloc(PyObject *op)
{
    PyObject_GC_UnTrack(op);
    Py_XDECREF(((PollObject *)op)->registered);
    PyObject_GC_Del(op);
}

static PyMethodDef poll_methods[] = {
    {"register", (PyCFunction)(void (*)(void))poll_register, METH_FASTCALL,
     "Register a file descriptor with the polling object."},
    {"modify", (PyCFunction)(void (*)(void))poll_modify, METH_FASTCALL,
     "Modify an already registered file descriptor."},
    {"unregister", poll_unregister, METH_O,
     "Remove a file descriptor being tracked by the polling object."},
    {"poll", (PyCFunction)(void (*)(void))poll_poll, METH_FASTCALL,
     "Polls the set of registered file descriptors (timeout in milliseconds)."},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject PollType = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "select.poll",
    .tp_basicsize = sizeof(PollObject),
    .tp_dealloc = poll_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .tp_traverse = poll_traverse,
    .tp_methods = poll_methods,
    .tp_free = PyObject_GC_Del,
};

static PyObject *
select_poll(PyObject *Py_UNUSED(module), PyObject *Py_UNUSED(ignored))
{
    PollObject *self = PyObject_GC_New(PollObject, &PollType);
    if (self == NULL) {
        return NULL;
    }
    self->polling = 0;
    self->registered = PyDict_New();
    if (self->registered == NULL) {
        Py_DECREF(self);
        return NULL;
    }
    PyObject_GC_Track((PyObject *)self);
    return (PyObject *)self;
}

/* ---- the module ------------------------------------------------------------- */

static PyMethodDef select_methods[] = {
    {"select", (PyCFunction)(void (*)(void))select_select, METH_FASTCALL,
     "select(rlist, wlist, xlist[, timeout]) -> (rlist, wlist, xlist)\n\n"
     "Wait until one or more file descriptors are ready for some kind of I/O."},
    {"poll", select_poll, METH_NOARGS,
     "Returns a polling object that supports registering and unregistering\n"
     "file descriptors, and then polling them for I/O events."},
    {NULL, NULL, 0, NULL},
};

static int
select_exec(PyObject *module)
{
    if (PyType_Ready(&PollType) < 0) {
        return -1;
    }
    if (PyModule_AddObjectRef(module, "error", PyExc_OSError) < 0) {
        return -1;
    }
    static const struct { const char *name; long value; } constants[] = {
        {"POLLIN", POLLIN}, {"POLLPRI", POLLPRI}, {"POLLOUT", POLLOUT},
        {"POLLERR", POLLERR}, {"POLLHUP", POLLHUP}, {"POLLNVAL", POLLNVAL},
        {"POLLRDNORM", POLLRDNORM}, {"POLLRDBAND", POLLRDBAND},
        {"POLLWRNORM", POLLWRNORM}, {"POLLWRBAND", POLLWRBAND},
        {"POLLMSG", POLLMSG}, {"POLLRDHUP", POLLRDHUP},
        {"PIPE_BUF", PIPE_BUF},
    };
    for (size_t i = 0; i < sizeof(constants) / sizeof(constants[0]); i++) {
        if (PyModule_AddIntConstant(module, constants[i].name, constants[i].value) < 0) {
            return -1;
        }
    }
    return 0;
}

static PyModuleDef_Slot select_slots[] = {
    {Py_mod_exec, select_exec},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static PyModuleDef selectmodule = {
    PyModuleDef_HEAD_INIT,
    .m_name = "select",
    .m_doc = "This module supports asynchronous I/O on multiple file descriptors.",
    .m_size = 0,
    .m_methods = select_methods,
    .m_slots = select_slots,
};

PyMODINIT_FUNC PyInit_select(void)
{
    return PyModuleDef_Init(&selectmodule);
}
