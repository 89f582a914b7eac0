/* _threadmodule.c: the `_thread` module, the low-level threading API that
 * Lib/threading.py builds on: start_new_thread, lock (LockType), RLock,
 * _local (thread-local attributes), get_ident, get_native_id, _count,
 * stack_size, exit, interrupt_main, TIMEOUT_MAX, error.
 *
 * Locks are PyMutex (Include/pylock.h): waiting detaches the thread state, so
 * in the default build a thread blocked on a lock lets the others run and in
 * the free-threaded build it does not hold back a stop-the-world.  A lock may
 * be released by any thread (as CPython's); an RLock only by its owner. */
#include "Python.h"
#include "pythread.h"
#include "pycore_pystate.h"
#include "pycore_object.h"

#include <limits.h>
#include <signal.h>

/* Threads started by start_new_thread and still running (_count()). */
static Py_ssize_t thread_count;

/* The longest timeout a lock accepts, in seconds (TIMEOUT_MAX). */
#define TIMEOUT_MAX_SECONDS ((double)(LLONG_MAX / 1000000000LL))

/* ---- timeouts --------------------------------------------------------- */

/* Parse acquire()'s (blocking, timeout) into a wait in nanoseconds: -1
 * forever, 0 don't wait.  CPython's messages for the misuses. */
static int
lock_acquire_parse_args(PyObject *args, PyObject *kwds, PyTime_t *timeout_ns)
{
    static char *kwlist[] = {"blocking", "timeout", NULL};
    int blocking = 1;
    PyObject *timeout_obj = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|pO:acquire", kwlist, &blocking,
                                     &timeout_obj)) {
        return -1;
    }
    double timeout = -1.0;
    if (timeout_obj != NULL && timeout_obj != Py_None) {
        timeout = PyFloat_AsDouble(timeout_obj);
        if (timeout == -1.0 && PyErr_Occurred()) {
            return -1;
        }
    }
    if (!blocking && timeout != -1.0) {
        PyErr_SetString(PyExc_ValueError, "can't specify a timeout for a non-blocking call");
        return -1;
    }
    if (timeout < 0 && timeout != -1.0) {
        PyErr_SetString(PyExc_ValueError, "timeout value must be a non-negative number");
        return -1;
    }
    if (!blocking) {
        *timeout_ns = 0;
    }
    else if (timeout == -1.0) {
        *timeout_ns = -1;
    }
    else {
        if (timeout > TIMEOUT_MAX_SECONDS) {
            PyErr_SetString(PyExc_OverflowError, "timeout value is too large");
            return -1;
        }
        *timeout_ns = (PyTime_t)(timeout * 1e9);
    }
    return 0;
}

/* Wait for `m` up to timeout_ns, detached, running signal handlers as
 * they arrive.  1 acquired, 0 timed out, -1 a handler raised. */
static int
acquire_mutex(PyMutex *m, PyTime_t timeout_ns)
{
    if (_PyMutex_TryLock(m)) {
        return 1;
    }
    if (timeout_ns == 0) {
        return 0;
    }
    PyLockStatus r = _PyMutex_LockTimed(m, timeout_ns,
                                        _PY_LOCK_DETACH | _PY_LOCK_HANDLE_SIGNALS |
                                        _PY_LOCK_QUIET);
    if (r == PY_LOCK_INTR) {
        return -1;
    }
    return r == PY_LOCK_ACQUIRED;
}

/* ---- lock ------------------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    PyMutex mutex;
} lockobject;

static PyTypeObject Lock_Type;

static PyObject *
lock_new_impl(void)
{
    lockobject *self = PyObject_New(lockobject, &Lock_Type);
    if (self != NULL) {
        self->mutex = (PyMutex){0};
    }
    return (PyObject *)self;
}

static PyObject *
lock_tp_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    if (!_PyArg_NoKeywords("lock", kwds) || !_PyArg_CheckPositional("lock", PyTuple_GET_SIZE(args), 0, 0)) {
        return NULL;
    }
    return lock_new_impl();
}

static void
lock_dealloc(PyObject *op)
{
    PyObject_Free(op);
}

static PyObject *
lock_acquire(PyObject *op, PyObject *args, PyObject *kwds)
{
    lockobject *self = (lockobject *)op;
    PyTime_t timeout;
    if (lock_acquire_parse_args(args, kwds, &timeout) < 0) {
        return NULL;
    }
    int r = acquire_mutex(&self->mutex, timeout);
    if (r < 0) {
        return NULL;
    }
    return PyBool_FromLong(r);
}

static PyObject *
lock_release(PyObject *op, PyObject *unused)
{
    lockobject *self = (lockobject *)op;
    if (_PyMutex_TryUnlock(&self->mutex) < 0) {
        PyErr_SetString(PyExc_RuntimeError, "release unlocked lock");
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
lock_exit(PyObject *op, PyObject *args)
{
    return lock_release(op, NULL);
}

static PyObject *
lock_locked(PyObject *op, PyObject *unused)
{
    return PyBool_FromLong(PyMutex_IsLocked(&((lockobject *)op)->mutex));
}

/* Called in a child after fork: the lock's holder no longer exists. */
static PyObject *
lock_at_fork_reinit(PyObject *op, PyObject *unused)
{
    ((lockobject *)op)->mutex = (PyMutex){0};
    Py_RETURN_NONE;
}

static PyObject *
lock_repr(PyObject *op)
{
    return PyUnicode_FromFormat("<%s %s object at %p>",
                                PyMutex_IsLocked(&((lockobject *)op)->mutex) ? "locked" : "unlocked",
                                Py_TYPE(op)->tp_name, op);
}

static PyMethodDef lock_methods[] = {
    {"acquire", (PyCFunction)(void (*)(void))lock_acquire, METH_VARARGS | METH_KEYWORDS, NULL},
    {"acquire_lock", (PyCFunction)(void (*)(void))lock_acquire, METH_VARARGS | METH_KEYWORDS, NULL},
    {"__enter__", (PyCFunction)(void (*)(void))lock_acquire, METH_VARARGS | METH_KEYWORDS, NULL},
    {"release", lock_release, METH_NOARGS, NULL},
    {"release_lock", lock_release, METH_NOARGS, NULL},
    {"__exit__", lock_exit, METH_VARARGS, NULL},
    {"locked", lock_locked, METH_NOARGS, NULL},
    {"locked_lock", lock_locked, METH_NOARGS, NULL},
    {"_at_fork_reinit", lock_at_fork_reinit, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject Lock_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_thread.lock",
    .tp_basicsize = sizeof(lockobject),
    .tp_dealloc = lock_dealloc,
    .tp_repr = lock_repr,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "A lock object is a synchronization primitive.",
    .tp_methods = lock_methods,
    .tp_new = lock_tp_new,
};

/* ---- RLock ------------------------------------------------------------ */

typedef struct {
    PyObject_HEAD
    PyMutex mutex;
    uintptr_t owner;       /* thread ident of the holder, 0 if none; atomic */
    unsigned long count;   /* recursion depth, written by the owner only */
} rlockobject;

static PyTypeObject RLock_Type;

static PyObject *
rlock_tp_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    rlockobject *self = (rlockobject *)type->tp_alloc(type, 0);
    if (self != NULL) {
        self->mutex = (PyMutex){0};
        self->owner = 0;
        self->count = 0;
    }
    return (PyObject *)self;
}

static void
rlock_dealloc(PyObject *op)
{
    /* A Python subclass's reference is dropped by subtype_dealloc, which
     * calls this as its base dealloc: a static type's dealloc never does. */
    Py_TYPE(op)->tp_free(op);
}

static int
rlock_is_owned_by_me(rlockobject *self)
{
    return (unsigned long)_Py_atomic_load_uintptr_relaxed(&self->owner) == PyThread_get_thread_ident();
}

static PyObject *
rlock_acquire(PyObject *op, PyObject *args, PyObject *kwds)
{
    rlockobject *self = (rlockobject *)op;
    PyTime_t timeout;
    if (lock_acquire_parse_args(args, kwds, &timeout) < 0) {
        return NULL;
    }
    unsigned long me = PyThread_get_thread_ident();
    if ((unsigned long)_Py_atomic_load_uintptr_relaxed(&self->owner) == me) {
        if (self->count == ULONG_MAX) {
            PyErr_SetString(PyExc_OverflowError, "Internal lock count overflowed");
            return NULL;
        }
        self->count++;
        Py_RETURN_TRUE;
    }
    int r = acquire_mutex(&self->mutex, timeout);
    if (r < 0) {
        return NULL;
    }
    if (r) {
        _Py_atomic_store_uintptr_relaxed(&self->owner, (uintptr_t)me);
        self->count = 1;
    }
    return PyBool_FromLong(r);
}

static PyObject *
rlock_release(PyObject *op, PyObject *unused)
{
    rlockobject *self = (rlockobject *)op;
    if (self->count == 0 || !rlock_is_owned_by_me(self)) {
        PyErr_SetString(PyExc_RuntimeError, "cannot release un-acquired lock");
        return NULL;
    }
    if (--self->count == 0) {
        _Py_atomic_store_uintptr_relaxed(&self->owner, (uintptr_t)0);
        PyMutex_Unlock(&self->mutex);
    }
    Py_RETURN_NONE;
}

static PyObject *
rlock_exit(PyObject *op, PyObject *args)
{
    return rlock_release(op, NULL);
}

/* For Condition.wait: give the lock up entirely, returning what restores it. */
static PyObject *
rlock_release_save(PyObject *op, PyObject *unused)
{
    rlockobject *self = (rlockobject *)op;
    if (self->count == 0 || !rlock_is_owned_by_me(self)) {
        PyErr_SetString(PyExc_RuntimeError, "cannot release un-acquired lock");
        return NULL;
    }
    unsigned long count = self->count, owner = (unsigned long)self->owner;
    self->count = 0;
    _Py_atomic_store_uintptr_relaxed(&self->owner, (uintptr_t)0);
    PyMutex_Unlock(&self->mutex);
    return Py_BuildValue("(kk)", count, owner);
}

static PyObject *
rlock_acquire_restore(PyObject *op, PyObject *state)
{
    rlockobject *self = (rlockobject *)op;
    unsigned long count, owner;
    if (!PyArg_ParseTuple(state, "kk:_acquire_restore", &count, &owner)) {
        return NULL;
    }
    if (acquire_mutex(&self->mutex, -1) < 0) {
        /* A signal handler raised while we waited: take the lock anyway
         * (the caller's with-block will release it), keep the error. */
        PyObject *exc = PyErr_GetRaisedException();
        _PyMutex_LockTimed(&self->mutex, -1, _PY_LOCK_DETACH);
        PyErr_SetRaisedException(exc);
        _Py_atomic_store_uintptr_relaxed(&self->owner, (uintptr_t)owner);
        self->count = count;
        return NULL;
    }
    _Py_atomic_store_uintptr_relaxed(&self->owner, (uintptr_t)owner);
    self->count = count;
    Py_RETURN_NONE;
}

static PyObject *
rlock_is_owned(PyObject *op, PyObject *unused)
{
    rlockobject *self = (rlockobject *)op;
    return PyBool_FromLong(self->count > 0 && rlock_is_owned_by_me(self));
}

static PyObject *
rlock_recursion_count(PyObject *op, PyObject *unused)
{
    rlockobject *self = (rlockobject *)op;
    return PyLong_FromUnsignedLong(rlock_is_owned_by_me(self) ? self->count : 0);
}

static PyObject *
rlock_locked(PyObject *op, PyObject *unused)
{
    return PyBool_FromLong(PyMutex_IsLocked(&((rlockobject *)op)->mutex));
}

static PyObject *
rlock_at_fork_reinit(PyObject *op, PyObject *unused)
{
    rlockobject *self = (rlockobject *)op;
    self->mutex = (PyMutex){0};
    self->owner = 0;
    self->count = 0;
    Py_RETURN_NONE;
}

static PyObject *
rlock_repr(PyObject *op)
{
    rlockobject *self = (rlockobject *)op;
    unsigned long owner = (unsigned long)_Py_atomic_load_uintptr_relaxed(&self->owner);
    return PyUnicode_FromFormat("<%s %s object owner=%lu count=%lu at %p>",
                                owner ? "locked" : "unlocked", Py_TYPE(op)->tp_name,
                                owner, owner ? self->count : 0UL, op);
}

static PyMethodDef rlock_methods[] = {
    {"acquire", (PyCFunction)(void (*)(void))rlock_acquire, METH_VARARGS | METH_KEYWORDS, NULL},
    {"__enter__", (PyCFunction)(void (*)(void))rlock_acquire, METH_VARARGS | METH_KEYWORDS, NULL},
    {"release", rlock_release, METH_NOARGS, NULL},
    {"__exit__", rlock_exit, METH_VARARGS, NULL},
    {"locked", rlock_locked, METH_NOARGS, NULL},
    {"_release_save", rlock_release_save, METH_NOARGS, NULL},
    {"_acquire_restore", rlock_acquire_restore, METH_O, NULL},
    {"_is_owned", rlock_is_owned, METH_NOARGS, NULL},
    {"_recursion_count", rlock_recursion_count, METH_NOARGS, NULL},
    {"_at_fork_reinit", rlock_at_fork_reinit, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject RLock_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_thread.RLock",
    .tp_basicsize = sizeof(rlockobject),
    .tp_dealloc = rlock_dealloc,
    .tp_repr = rlock_repr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_methods = rlock_methods,
    .tp_new = rlock_tp_new,
};

/* ---- _local ----------------------------------------------------------- */

/* Each thread's attributes of a local object live in a dict stored in that
 * thread's state dict (tstate->dict) under the local's key, so they go away
 * with the thread.  When the local itself dies, its entries are taken out of
 * every thread's state dict. */
typedef struct {
    PyObject_HEAD
    PyObject *key;     /* a str unique to this local */
    PyObject *args;    /* constructor arguments, replayed per thread */
    PyObject *kwargs;
} localobject;

static PyTypeObject Local_Type;

/* The calling thread's state dict, created on first use. */
static PyObject *
thread_state_dict(void)
{
    PyThreadState *tstate = PyThreadState_Get();
    if (tstate->dict == NULL) {
        tstate->dict = PyDict_New();
    }
    return tstate->dict;
}

static PyObject *
local_tp_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    if (type->tp_init == PyBaseObject_Type.tp_init &&
        ((args != NULL && PyTuple_GET_SIZE(args) > 0) || (kwds != NULL && PyDict_GET_SIZE(kwds) > 0))) {
        PyErr_SetString(PyExc_TypeError, "Initialization arguments are not supported");
        return NULL;
    }
    localobject *self = (localobject *)type->tp_alloc(type, 0);
    if (self == NULL) {
        return NULL;
    }
    self->key = PyUnicode_FromFormat("_thread._local.%p", (void *)self);
    self->args = Py_NewRef(args != NULL ? args : PyTuple_New(0));
    self->kwargs = Py_XNewRef(kwds);
    if (self->key == NULL || self->args == NULL) {
        Py_DECREF(self);
        return NULL;
    }
    /* The creating thread's dict exists from the start; its __init__ is run
     * by the normal construction call. */
    PyObject *tdict = thread_state_dict();
    PyObject *ldict = tdict != NULL ? PyDict_New() : NULL;
    if (ldict == NULL || PyDict_SetItem(tdict, self->key, ldict) < 0) {
        Py_XDECREF(ldict);
        Py_DECREF(self);
        return NULL;
    }
    Py_DECREF(ldict);
    return (PyObject *)self;
}

/* This thread's attribute dict of `self` (borrowed from the thread's state
 * dict, which only this thread changes), running __init__ the first time. */
static PyObject *
local_get_dict(localobject *self)
{
    PyObject *tdict = thread_state_dict();
    if (tdict == NULL) {
        return NULL;
    }
    PyObject *ldict = PyDict_GetItemWithError(tdict, self->key);
    if (ldict != NULL || PyErr_Occurred()) {
        return ldict;
    }
    ldict = PyDict_New();
    if (ldict == NULL || PyDict_SetItem(tdict, self->key, ldict) < 0) {
        Py_XDECREF(ldict);
        return NULL;
    }
    Py_DECREF(ldict);
    if (Py_TYPE(self)->tp_init != PyBaseObject_Type.tp_init) {
        if (Py_TYPE(self)->tp_init((PyObject *)self, self->args, self->kwargs) < 0) {
            PyDict_DelItem(tdict, self->key);
            return NULL;
        }
    }
    return PyDict_GetItemWithError(tdict, self->key);
}

static PyObject *
local_getattro(PyObject *op, PyObject *name)
{
    localobject *self = (localobject *)op;
    PyObject *ldict = local_get_dict(self);
    if (ldict == NULL) {
        return NULL;
    }
    if (PyUnicode_Check(name) && PyUnicode_CompareWithASCIIString(name, "__dict__") == 0) {
        return Py_NewRef(ldict);
    }
    Py_INCREF(ldict);
    PyObject *r = _PyObject_GenericGetAttrWithDict(op, name, ldict, 0);
    Py_DECREF(ldict);
    return r;
}

static int
local_setattro(PyObject *op, PyObject *name, PyObject *value)
{
    localobject *self = (localobject *)op;
    if (!PyUnicode_Check(name)) {
        PyErr_Format(PyExc_TypeError, "attribute name must be string, not '%.200s'",
                     Py_TYPE(name)->tp_name);
        return -1;
    }
    PyObject *ldict = local_get_dict(self);
    if (ldict == NULL) {
        return -1;
    }
    if (PyUnicode_CompareWithASCIIString(name, "__dict__") == 0) {
        PyErr_Format(PyExc_AttributeError, "'%.100s' object attribute '%U' is read-only",
                     Py_TYPE(op)->tp_name, name);
        return -1;
    }
    /* Data descriptors on the type (properties, slots) come first. */
    PyObject *descr = _PyType_Lookup(Py_TYPE(op), name);
    if (descr != NULL) {
        descrsetfunc set = Py_TYPE(descr)->tp_descr_set;
        if (set != NULL) {
            Py_INCREF(descr);
            int r = set(descr, op, value);
            Py_DECREF(descr);
            return r;
        }
    }
    if (value != NULL) {
        return PyDict_SetItem(ldict, name, value);
    }
    if (PyDict_DelItem(ldict, name) < 0) {
        if (PyErr_ExceptionMatches(PyExc_KeyError)) {
            PyErr_Clear();
            PyErr_Format(PyExc_AttributeError, "'%.100s' object has no attribute '%U'",
                         Py_TYPE(op)->tp_name, name);
        }
        return -1;
    }
    return 0;
}

static int
local_traverse(PyObject *op, visitproc visit, void *arg)
{
    localobject *self = (localobject *)op;
    Py_VISIT(self->args);
    Py_VISIT(self->kwargs);
    Py_VISIT(Py_TYPE(op));
    return 0;
}

/* Take this local's entries out of every thread's state dict.  The values
 * are released after the thread list lock is dropped: their destructors may
 * run arbitrary code. */
static void
local_forget(localobject *self)
{
    PyInterpreterState *interp = PyInterpreterState_Get();
    PyObject *dead = PyList_New(0);
    if (dead == NULL) {
        PyErr_Clear();
        return;
    }
    PyMutex_Lock(&interp->threads_mutex);
    for (PyThreadState *t = interp->threads_head; t != NULL; t = t->next) {
        if (t->dict == NULL) {
            continue;
        }
        PyObject *v = PyDict_GetItemWithError(t->dict, self->key);
        if (v != NULL) {
            if (PyList_Append(dead, v) < 0 || PyDict_DelItem(t->dict, self->key) < 0) {
                PyErr_Clear();
            }
        }
        else {
            PyErr_Clear();
        }
    }
    PyMutex_Unlock(&interp->threads_mutex);
    Py_DECREF(dead);
}

static int
local_clear(PyObject *op)
{
    localobject *self = (localobject *)op;
    Py_CLEAR(self->args);
    Py_CLEAR(self->kwargs);
    return 0;
}

static void
local_dealloc(PyObject *op)
{
    localobject *self = (localobject *)op;
    PyObject_GC_UnTrack(op);
    if (self->key != NULL) {
        PyObject *exc = PyErr_GetRaisedException();
        local_forget(self);
        PyErr_SetRaisedException(exc);
        Py_CLEAR(self->key);
    }
    local_clear(op);
    /* A Python subclass's reference is dropped by subtype_dealloc, which
     * calls this as its base dealloc: a static type's dealloc never does. */
    Py_TYPE(op)->tp_free(op);
}

static PyTypeObject Local_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_thread._local",
    .tp_basicsize = sizeof(localobject),
    .tp_dealloc = local_dealloc,
    .tp_getattro = local_getattro,
    .tp_setattro = local_setattro,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "Thread-local data",
    .tp_traverse = local_traverse,
    .tp_clear = local_clear,
    .tp_new = local_tp_new,
};

/* ---- starting threads ------------------------------------------------- */

struct bootstate {
    PyThreadState *tstate;
    PyObject *func;
    PyObject *args;
    PyObject *kwargs;
};

static void
bootstate_free(struct bootstate *boot)
{
    Py_DECREF(boot->func);
    Py_DECREF(boot->args);
    Py_XDECREF(boot->kwargs);
    PyMem_RawFree(boot);
}

/* The body of every thread: attach its thread state, call the function,
 * report an exception other than SystemExit as unraisable, clean up. */
static void
thread_run(void *arg)
{
    struct bootstate *boot = arg;
    PyThreadState *tstate = boot->tstate;
    _PyThreadState_Bind(tstate);
    _PyThreadState_Attach(tstate);

    PyObject *res = PyObject_Call(boot->func, boot->args, boot->kwargs);
    if (res == NULL) {
        if (PyErr_ExceptionMatches(PyExc_SystemExit)) {
            PyErr_Clear();
        }
        else {
            PyErr_FormatUnraisable("Exception ignored in thread started by %R", boot->func);
        }
    }
    else {
        Py_DECREF(res);
    }
    bootstate_free(boot);
    _Py_atomic_add_ssize(&thread_count, -1);
    PyThreadState_Clear(tstate);
    _PyThreadState_DeleteCurrent(tstate);
}

static PyObject *
thread_start_new_thread(PyObject *module, PyObject *args)
{
    PyObject *func, *fargs, *kwargs = NULL;
    if (!PyArg_UnpackTuple(args, "start_new_thread", 2, 3, &func, &fargs, &kwargs)) {
        return NULL;
    }
    if (!PyCallable_Check(func)) {
        PyErr_SetString(PyExc_TypeError, "first arg must be callable");
        return NULL;
    }
    if (!PyTuple_Check(fargs)) {
        PyErr_SetString(PyExc_TypeError, "2nd arg must be a tuple");
        return NULL;
    }
    if (kwargs != NULL && !PyDict_Check(kwargs)) {
        PyErr_SetString(PyExc_TypeError, "optional 3rd arg must be a dictionary");
        return NULL;
    }
    PyInterpreterState *interp = PyInterpreterState_Get();
    if (_Py_atomic_load_int(&interp->finalizing)) {
        PyErr_SetString(PyExc_RuntimeError, "can't create new thread at interpreter shutdown");
        return NULL;
    }
    struct bootstate *boot = PyMem_RawMalloc(sizeof(*boot));
    if (boot == NULL) {
        return PyErr_NoMemory();
    }
    /* Created here, not in the new thread, so a stop-the-world or the GIL
     * already counts it before it runs. */
    boot->tstate = _PyThreadState_New(interp);
    if (boot->tstate == NULL) {
        PyMem_RawFree(boot);
        return PyErr_NoMemory();
    }
    boot->func = Py_NewRef(func);
    boot->args = Py_NewRef(fargs);
    boot->kwargs = Py_XNewRef(kwargs);
    _Py_atomic_add_ssize(&thread_count, 1);
    unsigned long ident = PyThread_start_new_thread(thread_run, boot);
    if (ident == (unsigned long)-1) {
        _Py_atomic_add_ssize(&thread_count, -1);
        _PyThreadState_Delete(boot->tstate);
        bootstate_free(boot);
        PyErr_SetString(PyExc_RuntimeError, "can't start new thread");
        return NULL;
    }
    return PyLong_FromUnsignedLong(ident);
}

static PyObject *
thread_allocate_lock(PyObject *module, PyObject *unused)
{
    return lock_new_impl();
}

static PyObject *
thread_get_ident(PyObject *module, PyObject *unused)
{
    return PyLong_FromUnsignedLong(PyThread_get_thread_ident());
}

static PyObject *
thread_get_native_id(PyObject *module, PyObject *unused)
{
    return PyLong_FromUnsignedLong(PyThread_get_thread_native_id());
}

static PyObject *
thread__count(PyObject *module, PyObject *unused)
{
    return PyLong_FromSsize_t(_Py_atomic_load_ssize(&thread_count));
}

static PyObject *
thread_exit(PyObject *module, PyObject *unused)
{
    PyErr_SetNone(PyExc_SystemExit);
    return NULL;
}

static PyObject *
thread_stack_size(PyObject *module, PyObject *args)
{
    Py_ssize_t new_size = 0;
    if (!PyArg_ParseTuple(args, "|n:stack_size", &new_size)) {
        return NULL;
    }
    if (new_size < 0) {
        PyErr_SetString(PyExc_ValueError, "size must be 0 or a positive value");
        return NULL;
    }
    size_t old = PyThread_get_stacksize();
    if (PyTuple_GET_SIZE(args) > 0) {
        int r = PyThread_set_stacksize((size_t)new_size);
        if (r == -1) {
            PyErr_Format(PyExc_ValueError, "size not valid: %zd bytes", new_size);
            return NULL;
        }
        if (r == -2) {
            PyErr_SetString(PyExc_RuntimeError, "setting stack size not supported");
            return NULL;
        }
    }
    return PyLong_FromSize_t(old);
}

/* interrupt_main(signum=SIGINT): act as if the signal arrived, so the main
 * thread raises (for SIGINT) KeyboardInterrupt at its next check. */
static PyObject *
thread_interrupt_main(PyObject *module, PyObject *args)
{
    int signum = SIGINT;
    if (!PyArg_ParseTuple(args, "|i:interrupt_main", &signum)) {
        return NULL;
    }
    if (PyErr_SetInterruptEx(signum) < 0) {
        PyErr_SetString(PyExc_ValueError, "signal number out of range");
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
thread_is_main_interpreter(PyObject *module, PyObject *unused)
{
    Py_RETURN_TRUE;
}

static PyMethodDef thread_methods[] = {
    {"start_new_thread", thread_start_new_thread, METH_VARARGS,
     "start_new_thread(function, args[, kwargs])\n\nStart a new thread and return its identifier."},
    {"start_new", thread_start_new_thread, METH_VARARGS, NULL},
    {"allocate_lock", thread_allocate_lock, METH_NOARGS,
     "allocate_lock() -> lock object"},
    {"allocate", thread_allocate_lock, METH_NOARGS, NULL},
    {"get_ident", thread_get_ident, METH_NOARGS, NULL},
    {"get_native_id", thread_get_native_id, METH_NOARGS, NULL},
    {"_count", thread__count, METH_NOARGS, NULL},
    {"exit", thread_exit, METH_NOARGS, NULL},
    {"exit_thread", thread_exit, METH_NOARGS, NULL},
    {"stack_size", thread_stack_size, METH_VARARGS, NULL},
    {"interrupt_main", thread_interrupt_main, METH_VARARGS, NULL},
    {"_is_main_interpreter", thread_is_main_interpreter, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static int
thread_module_exec(PyObject *m)
{
    PyTypeObject *types[] = {&Lock_Type, &RLock_Type, &Local_Type};
    for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
        if (PyType_Ready(types[i]) < 0) {
            return -1;
        }
    }
    if (PyModule_AddObjectRef(m, "LockType", (PyObject *)&Lock_Type) < 0 ||
        PyModule_AddObjectRef(m, "lock", (PyObject *)&Lock_Type) < 0 ||
        PyModule_AddObjectRef(m, "RLock", (PyObject *)&RLock_Type) < 0 ||
        PyModule_AddObjectRef(m, "_local", (PyObject *)&Local_Type) < 0 ||
        PyModule_AddObjectRef(m, "error", PyExc_RuntimeError) < 0) {
        return -1;
    }
    PyObject *tmax = PyFloat_FromDouble(TIMEOUT_MAX_SECONDS);
    if (PyModule_Add(m, "TIMEOUT_MAX", tmax) < 0) {
        return -1;
    }
    return 0;
}

static PyModuleDef_Slot thread_slots[] = {
    {Py_mod_exec, thread_module_exec},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static PyModuleDef thread_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_thread",
    .m_doc = "This module provides primitive operations to write multi-threaded programs.",
    .m_size = 0,
    .m_methods = thread_methods,
    .m_slots = thread_slots,
};

PyMODINIT_FUNC PyInit__thread(void)
{
    return PyModuleDef_Init(&thread_module);
}
