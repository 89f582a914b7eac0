/* signalmodule.c: signal delivery to Python code and the `signal` module.
 *
 * The C-level handler only records that a signal arrived (an async-signal-safe
 * atomic store per signal) and sets the signals bit in the main thread's eval
 * breaker.  The main thread runs the Python handlers later, at a safe point:
 * PyErr_CheckSignals(), called from the eval loop's pending-work check
 * (_Py_HandlePending) and from blocking waits that were interrupted (lock
 * acquire, sleep, I/O on EINTR).  SIGINT's handler defaults to
 * default_int_handler, which raises KeyboardInterrupt, even when the signal
 * module was never imported. */
#include "Python.h"
#include "pycore_pystate.h"
#include "pycore_pyerrors.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#ifndef NSIG
#define NSIG 65
#endif

/* Set by the C handler; read and cleared by the main thread. */
static int tripped[NSIG];
static int any_tripped;

/* The Python-level handler of each signal: a callable, or the ints SIG_DFL
 * / SIG_IGN; NULL when untouched.  Written only by the main thread. */
static PyObject *handlers[NSIG];
static PyObject *default_int_handler_obj;   /* the default_int_handler function */
static PyObject *sig_dfl_obj, *sig_ign_obj;

static void
signal_c_handler(int signum)
{
    int saved_errno = errno;
    if (signum > 0 && signum < NSIG) {
        _Py_atomic_store_int(&tripped[signum], 1);
        _Py_atomic_store_int(&any_tripped, 1);
        PyThreadState *main = _Py_atomic_load_ptr(&_PyInterpreterState_Main.main_thread);
        if (main != NULL) {
            _Py_set_eval_breaker_bit(main, _PY_SIGNALS_PENDING_BIT);
        }
    }
    errno = saved_errno;
}

static int
install_c_handler(int signum, void (*func)(int))
{
    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = func;
    sigemptyset(&sa.sa_mask);
    /* No SA_RESTART: a blocking call must return EINTR so the signal's
     * Python handler can run (PEP 475 retries where the call allows). */
    sa.sa_flags = 0;
    return sigaction(signum, &sa, NULL);
}

static int
is_main_thread(void)
{
    return PyThread_get_thread_ident() == _PyInterpreterState_Main.main_thread_id;
}

/* Raise KeyboardInterrupt: what SIGINT does by default. */
static PyObject *
signal_default_int_handler(PyObject *module, PyObject *args)
{
    PyErr_SetNone(PyExc_KeyboardInterrupt);
    return NULL;
}

static PyMethodDef default_int_handler_def = {
    "default_int_handler", signal_default_int_handler, METH_VARARGS,
    "The default handler for SIGINT installed by Python.\n\nIt raises KeyboardInterrupt."};

static int lock_handle_signals(void);
void _PySignal_InstallLockHook(void);

/* Called once at start-up: SIGINT raises KeyboardInterrupt (as CPython). */
int
_PySignal_Init(void)
{
    _PySignal_InstallLockHook();
    struct sigaction old;
    if (sigaction(SIGINT, NULL, &old) == 0 && old.sa_handler == SIG_IGN) {
        return 0;  /* started with SIGINT ignored (e.g. nohup, background): keep it */
    }
    return install_c_handler(SIGINT, signal_c_handler);
}

/* Blocking waits (locks, joins) run the handlers when a signal interrupts
 * them: installed at start-up, before any module is imported. */
void
_PySignal_InstallLockHook(void)
{
    _PyLock_HandleSignalsHook = lock_handle_signals;
}

/* Run the Python handlers of the signals that arrived.  Main thread only;
 * elsewhere it does nothing.  -1 with an exception if a handler raised. */
int
PyErr_CheckSignals(void)
{
    if (!_Py_atomic_load_int(&any_tripped) || !is_main_thread()) {
        return 0;
    }
    PyThreadState *tstate = PyThreadState_Get();
    _Py_unset_eval_breaker_bit(tstate, _PY_SIGNALS_PENDING_BIT);
    _Py_atomic_store_int(&any_tripped, 0);
    for (int i = 1; i < NSIG; i++) {
        if (!_Py_atomic_load_int(&tripped[i])) {
            continue;
        }
        _Py_atomic_store_int(&tripped[i], 0);
        PyObject *h = handlers[i];
        if (h == NULL) {
            if (i != SIGINT) {
                continue;
            }
            PyErr_SetNone(PyExc_KeyboardInterrupt);
        }
        else if (h == sig_dfl_obj || h == sig_ign_obj || !PyCallable_Check(h)) {
            continue;
        }
        else {
            /* The handler gets the frame that was running (None if none). */
            PyObject *frame = (PyObject *)PyEval_GetFrame();
            PyObject *res = PyObject_CallFunction(h, "iO", i, frame != NULL ? frame : Py_None);
            if (res != NULL) {
                Py_DECREF(res);
                continue;
            }
        }
        /* A handler raised: leave the other signals for the next check. */
        _Py_atomic_store_int(&any_tripped, 1);
        _Py_set_eval_breaker_bit(tstate, _PY_SIGNALS_PENDING_BIT);
        return -1;
    }
    return 0;
}

static int
lock_handle_signals(void)
{
    return PyErr_CheckSignals();
}

/* As if `signum` had arrived; ignored when its handler is SIG_IGN/SIG_DFL. */
int
PyErr_SetInterruptEx(int signum)
{
    if (signum < 1 || signum >= NSIG) {
        return -1;
    }
    PyObject *h = handlers[signum];
    if (h == NULL ? signum != SIGINT : (h == sig_dfl_obj || h == sig_ign_obj)) {
        return 0;
    }
    signal_c_handler(signum);
    return 0;
}

void
PyErr_SetInterrupt(void)
{
    (void)PyErr_SetInterruptEx(SIGINT);
}

/* ---- the signal module ------------------------------------------------ */

static int
check_signum(int signum)
{
    if (signum < 1 || signum >= NSIG) {
        PyErr_SetString(PyExc_ValueError, "signal number out of range");
        return -1;
    }
    return 0;
}

static PyObject *
handler_as_object(int signum)
{
    PyObject *h = handlers[signum];
    if (h != NULL) {
        return Py_NewRef(h);
    }
    if (signum == SIGINT) {
        return Py_NewRef(default_int_handler_obj);
    }
    struct sigaction old;
    if (sigaction(signum, NULL, &old) == 0) {
        if (old.sa_handler == SIG_IGN) {
            return Py_NewRef(sig_ign_obj);
        }
        if (old.sa_handler == SIG_DFL) {
            return Py_NewRef(sig_dfl_obj);
        }
    }
    Py_RETURN_NONE;
}

static PyObject *
signal_signal(PyObject *module, PyObject *args)
{
    int signum;
    PyObject *handler;
    if (!PyArg_ParseTuple(args, "iO:signal", &signum, &handler)) {
        return NULL;
    }
    if (!is_main_thread()) {
        PyErr_SetString(PyExc_ValueError,
                        "signal only works in main thread of the main interpreter");
        return NULL;
    }
    if (check_signum(signum) < 0) {
        return NULL;
    }
    void (*func)(int);
    int is_int = PyLong_Check(handler);
    long hv = is_int ? PyLong_AsLong(handler) : -1;
    if (is_int && hv == (long)(intptr_t)SIG_IGN) {
        func = SIG_IGN;
        handler = sig_ign_obj;
    }
    else if (is_int && hv == (long)(intptr_t)SIG_DFL) {
        func = SIG_DFL;
        handler = sig_dfl_obj;
    }
    else if (!PyCallable_Check(handler)) {
        PyErr_SetString(PyExc_TypeError,
                        "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object");
        return NULL;
    }
    else {
        func = signal_c_handler;
    }
    if (signum == SIGKILL || signum == SIGSTOP) {
        errno = EINVAL;
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    PyObject *old = handler_as_object(signum);
    if (install_c_handler(signum, func) < 0) {
        Py_XDECREF(old);
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    Py_XSETREF(handlers[signum], Py_NewRef(handler));
    return old;
}

static PyObject *
signal_getsignal(PyObject *module, PyObject *args)
{
    int signum;
    if (!PyArg_ParseTuple(args, "i:getsignal", &signum) || check_signum(signum) < 0) {
        return NULL;
    }
    return handler_as_object(signum);
}

static PyObject *
signal_raise_signal(PyObject *module, PyObject *args)
{
    int signum;
    if (!PyArg_ParseTuple(args, "i:raise_signal", &signum) || check_signum(signum) < 0) {
        return NULL;
    }
    if (raise(signum) != 0) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    if (PyErr_CheckSignals() < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
signal_alarm(PyObject *module, PyObject *args)
{
    int seconds;
    if (!PyArg_ParseTuple(args, "i:alarm", &seconds)) {
        return NULL;
    }
    return PyLong_FromLong((long)alarm((unsigned)seconds));
}

static PyObject *
signal_pause(PyObject *module, PyObject *unused)
{
    Py_BEGIN_ALLOW_THREADS
    (void)pause();
    Py_END_ALLOW_THREADS
    if (PyErr_CheckSignals() < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
signal_strsignal(PyObject *module, PyObject *args)
{
    int signum;
    if (!PyArg_ParseTuple(args, "i:strsignal", &signum) || check_signum(signum) < 0) {
        return NULL;
    }
    const char *s = strsignal(signum);
    if (s == NULL || strstr(s, "Unknown signal") == s || strstr(s, "Real-time signal") == s) {
        Py_RETURN_NONE;
    }
    return PyUnicode_FromString(s);
}

static PyObject *
signal_valid_signals(PyObject *module, PyObject *unused)
{
    PyObject *s = PySet_New(NULL);
    if (s == NULL) {
        return NULL;
    }
    sigset_t all;
    sigfillset(&all);
    for (int i = 1; i < NSIG; i++) {
        if (sigismember(&all, i) == 1) {
            PyObject *n = PyLong_FromLong(i);
            if (n == NULL || PySet_Add(s, n) < 0) {
                Py_XDECREF(n);
                Py_DECREF(s);
                return NULL;
            }
            Py_DECREF(n);
        }
    }
    return s;
}

static PyObject *
signal_pthread_kill(PyObject *module, PyObject *args)
{
    unsigned long thread_id;
    int signum;
    if (!PyArg_ParseTuple(args, "ki:pthread_kill", &thread_id, &signum)) {
        return NULL;
    }
    int err = pthread_kill((pthread_t)thread_id, signum);
    if (err != 0) {
        errno = err;
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    /* The signal may be for us: run its handler now. */
    if (PyErr_CheckSignals() < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

/* A set of signal numbers (any iterable of ints) -> sigset_t. */
static int
iterable_to_sigset(PyObject *iterable, sigset_t *mask)
{
    sigemptyset(mask);
    PyObject *it = PyObject_GetIter(iterable);
    if (it == NULL) {
        return -1;
    }
    PyObject *item;
    while ((item = PyIter_Next(it)) != NULL) {
        long sig = PyLong_AsLong(item);
        Py_DECREF(item);
        if (sig == -1 && PyErr_Occurred()) {
            Py_DECREF(it);
            return -1;
        }
        if (sig < 1 || sig >= NSIG) {
            Py_DECREF(it);
            PyErr_Format(PyExc_ValueError, "signal number %ld out of range [1; %i]", sig, NSIG - 1);
            return -1;
        }
        sigaddset(mask, (int)sig);
    }
    Py_DECREF(it);
    return PyErr_Occurred() ? -1 : 0;
}

static PyObject *
sigset_to_set(const sigset_t *mask)
{
    PyObject *s = PySet_New(NULL);
    for (int i = 1; s != NULL && i < NSIG; i++) {
        if (sigismember(mask, i) == 1) {
            PyObject *n = PyLong_FromLong(i);
            if (n == NULL || PySet_Add(s, n) < 0) {
                Py_XDECREF(n);
                Py_CLEAR(s);
                break;
            }
            Py_DECREF(n);
        }
    }
    return s;
}

static PyObject *
signal_pthread_sigmask(PyObject *module, PyObject *args)
{
    int how;
    PyObject *signals;
    if (!PyArg_ParseTuple(args, "iO:pthread_sigmask", &how, &signals)) {
        return NULL;
    }
    sigset_t mask, old;
    if (iterable_to_sigset(signals, &mask) < 0) {
        return NULL;
    }
    int err = pthread_sigmask(how, &mask, &old);
    if (err != 0) {
        errno = err;
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    if (PyErr_CheckSignals() < 0) {
        return NULL;
    }
    return sigset_to_set(&old);
}

/* Only -1 (none) is accepted as a wake-up fd: there is no event loop yet
 * that would read one. */
static PyObject *
signal_set_wakeup_fd(PyObject *module, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"", "warn_on_full_buffer", NULL};
    int fd, warn = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "i|$p:set_wakeup_fd", kwlist, &fd, &warn)) {
        return NULL;
    }
    if (fd != -1) {
        PyErr_SetString(PyExc_ValueError, "set_wakeup_fd only accepts -1 in this build");
        return NULL;
    }
    return PyLong_FromLong(-1);
}

static PyMethodDef signal_methods[] = {
    {"signal", signal_signal, METH_VARARGS, "Set the action for the given signal."},
    {"getsignal", signal_getsignal, METH_VARARGS, "Return the current action for the given signal."},
    {"raise_signal", signal_raise_signal, METH_VARARGS, "Send a signal to the executing process."},
    {"alarm", signal_alarm, METH_VARARGS, "Arrange for SIGALRM to arrive after the given number of seconds."},
    {"pause", signal_pause, METH_NOARGS, "Wait until a signal arrives."},
    {"strsignal", signal_strsignal, METH_VARARGS, "Return the system description of the given signal."},
    {"pthread_kill", signal_pthread_kill, METH_VARARGS, "Send a signal to a thread."},
    {"pthread_sigmask", signal_pthread_sigmask, METH_VARARGS, "Fetch and/or change the signal mask of the calling thread."},
    {"valid_signals", signal_valid_signals, METH_NOARGS, "Return a set of valid signal numbers on this platform."},
    {"set_wakeup_fd", (PyCFunction)(void (*)(void))signal_set_wakeup_fd, METH_VARARGS | METH_KEYWORDS, NULL},
    {NULL, NULL, 0, NULL},
};

static const struct { const char *name; int value; } signal_constants[] = {
    {"SIGHUP", SIGHUP}, {"SIGINT", SIGINT}, {"SIGQUIT", SIGQUIT}, {"SIGILL", SIGILL},
    {"SIGTRAP", SIGTRAP}, {"SIGABRT", SIGABRT}, {"SIGIOT", SIGIOT}, {"SIGBUS", SIGBUS},
    {"SIGFPE", SIGFPE}, {"SIGKILL", SIGKILL}, {"SIGUSR1", SIGUSR1}, {"SIGSEGV", SIGSEGV},
    {"SIGUSR2", SIGUSR2}, {"SIGPIPE", SIGPIPE}, {"SIGALRM", SIGALRM}, {"SIGTERM", SIGTERM},
    {"SIGCHLD", SIGCHLD}, {"SIGCONT", SIGCONT}, {"SIGSTOP", SIGSTOP}, {"SIGTSTP", SIGTSTP},
    {"SIGTTIN", SIGTTIN}, {"SIGTTOU", SIGTTOU}, {"SIGURG", SIGURG}, {"SIGXCPU", SIGXCPU},
    {"SIGXFSZ", SIGXFSZ}, {"SIGVTALRM", SIGVTALRM}, {"SIGPROF", SIGPROF},
    {"SIGWINCH", SIGWINCH}, {"SIGIO", SIGIO}, {"SIGSYS", SIGSYS},
#ifdef SIGPOLL
    {"SIGPOLL", SIGPOLL},
#endif
#ifdef SIGPWR
    {"SIGPWR", SIGPWR},
#endif
#ifdef SIGSTKFLT
    {"SIGSTKFLT", SIGSTKFLT},
#endif
#ifdef SIGRTMIN
    {"SIGRTMIN", 0}, {"SIGRTMAX", 0},
#endif
    {"NSIG", NSIG}, {"SIG_BLOCK", SIG_BLOCK}, {"SIG_UNBLOCK", SIG_UNBLOCK},
    {"SIG_SETMASK", SIG_SETMASK},
    {NULL, 0},
};

static int
signal_module_exec(PyObject *m)
{
    if (default_int_handler_obj == NULL) {
        default_int_handler_obj = PyCFunction_New(&default_int_handler_def, NULL);
        sig_dfl_obj = PyLong_FromLong((long)(intptr_t)SIG_DFL);
        sig_ign_obj = PyLong_FromLong((long)(intptr_t)SIG_IGN);
        if (default_int_handler_obj == NULL || sig_dfl_obj == NULL || sig_ign_obj == NULL) {
            return -1;
        }
    }
    if (PyModule_AddObjectRef(m, "default_int_handler", default_int_handler_obj) < 0 ||
        PyModule_AddObjectRef(m, "SIG_DFL", sig_dfl_obj) < 0 ||
        PyModule_AddObjectRef(m, "SIG_IGN", sig_ign_obj) < 0) {
        return -1;
    }
    for (int i = 0; signal_constants[i].name != NULL; i++) {
        int v = signal_constants[i].value;
#ifdef SIGRTMIN
        if (strcmp(signal_constants[i].name, "SIGRTMIN") == 0) {
            v = SIGRTMIN;
        }
        else if (strcmp(signal_constants[i].name, "SIGRTMAX") == 0) {
            v = SIGRTMAX;
        }
#endif
        if (PyModule_AddIntConstant(m, signal_constants[i].name, v) < 0) {
            return -1;
        }
    }
    _PySignal_InstallLockHook();
    return 0;
}

static PyModuleDef_Slot signal_slots[] = {
    {Py_mod_exec, signal_module_exec},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static PyModuleDef signal_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_signal",
    .m_doc = "This module provides mechanisms to use signal handlers in Python.",
    .m_size = 0,
    .m_methods = signal_methods,
    .m_slots = signal_slots,
};

PyMODINIT_FUNC PyInit__signal(void)
{
    return PyModuleDef_Init(&signal_module);
}
