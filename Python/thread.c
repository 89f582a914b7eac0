/* thread.c: OS threads on POSIX threads (Include/pythread.h): starting
 * detached threads with the configured stack size, thread identities, the
 * PyThread_type_lock API (a PyMutex underneath), thread-specific storage,
 * and the monotonic clock the lock timeouts are measured with. */
#include "Python.h"

#include <pthread.h>
#include <limits.h>
#include <time.h>
#include <unistd.h>
#include <sys/syscall.h>

/* Smallest stack we accept; thread.stack_size() in CPython uses 32 KiB. */
#define THREAD_STACK_MIN 0x8000

/* 0 means "the system default"; written by PyThread_set_stacksize, read when
 * a thread starts.  Atomic because any thread may start threads. */
static size_t thread_stacksize = 0;

typedef struct {
    void (*func)(void *);
    void *arg;
} bootstrap_t;

static void *
thread_bootstrap(void *raw)
{
    /* Copy and free first: `func` may never return (PyThread_exit). */
    bootstrap_t boot = *(bootstrap_t *)raw;
    free(raw);
    boot.func(boot.arg);
    return NULL;
}

unsigned long
PyThread_start_new_thread(void (*func)(void *), void *arg)
{
    if (func == NULL) {
        return (unsigned long)-1;
    }
    bootstrap_t *boot = malloc(sizeof(*boot));
    if (boot == NULL) {
        return (unsigned long)-1;
    }
    boot->func = func;
    boot->arg = arg;

    pthread_attr_t attr;
    if (pthread_attr_init(&attr) != 0) {
        free(boot);
        return (unsigned long)-1;
    }
    size_t stacksize = _Py_atomic_load_uintptr_relaxed((uintptr_t *)&thread_stacksize);
    if (stacksize != 0 && pthread_attr_setstacksize(&attr, stacksize) != 0) {
        pthread_attr_destroy(&attr);
        free(boot);
        return (unsigned long)-1;
    }
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    pthread_t th;
    int err = pthread_create(&th, &attr, thread_bootstrap, boot);
    pthread_attr_destroy(&attr);
    if (err != 0) {
        free(boot);
        return (unsigned long)-1;
    }
    return (unsigned long)th;
}

unsigned long
PyThread_get_thread_ident(void)
{
    return (unsigned long)pthread_self();
}

unsigned long
PyThread_get_thread_native_id(void)
{
    return (unsigned long)syscall(SYS_gettid);
}

size_t
PyThread_get_stacksize(void)
{
    return _Py_atomic_load_uintptr_relaxed((uintptr_t *)&thread_stacksize);
}

/* 0 on success, -1 if the size is invalid (too small, or refused by the
 * system).  0 restores the default. */
int
PyThread_set_stacksize(size_t size)
{
    if (size == 0) {
        _Py_atomic_store_uintptr_relaxed((uintptr_t *)&thread_stacksize, 0);
        return 0;
    }
    if (size < THREAD_STACK_MIN || size < (size_t)PTHREAD_STACK_MIN) {
        return -1;
    }
    /* Let pthreads judge the size now rather than failing at thread start. */
    pthread_attr_t attr;
    if (pthread_attr_init(&attr) != 0) {
        return -1;
    }
    int rc = pthread_attr_setstacksize(&attr, size);
    pthread_attr_destroy(&attr);
    if (rc != 0) {
        return -1;
    }
    _Py_atomic_store_uintptr_relaxed((uintptr_t *)&thread_stacksize, size);
    return 0;
}

PyTime_t
_PyTime_MonotonicNs(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (PyTime_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

void
PyThread_exit_thread(void)
{
    pthread_exit(NULL);
}

/* ---- PyThread_type_lock --------------------------------------------------- */

PyThread_type_lock
PyThread_allocate_lock(void)
{
    PyMutex *m = calloc(1, sizeof(PyMutex));
    return (PyThread_type_lock)m;
}

void
PyThread_free_lock(PyThread_type_lock lock)
{
    free(lock);
}

PyLockStatus
PyThread_acquire_lock_timed(PyThread_type_lock lock, long long microseconds,
                            int intr_flag)
{
    PyTime_t timeout;
    if (microseconds < 0) {
        timeout = -1;
    }
    else if (microseconds > PY_TIMEOUT_MAX) {
        timeout = (PyTime_t)PY_TIMEOUT_MAX * 1000;
    }
    else {
        timeout = (PyTime_t)microseconds * 1000;
    }
    _PyLockFlags flags = _Py_LOCK_DONT_DETACH;
    if (intr_flag) {
        flags |= _PY_LOCK_HANDLE_SIGNALS;
    }
    return _PyMutex_LockTimed((PyMutex *)lock, timeout, flags);
}

int
PyThread_acquire_lock(PyThread_type_lock lock, int waitflag)
{
    return PyThread_acquire_lock_timed(lock, waitflag ? -1 : 0, 0) == PY_LOCK_ACQUIRED;
}

void
PyThread_release_lock(PyThread_type_lock lock)
{
    /* Any thread may release (threading.Lock semantics). */
    PyMutex_Unlock((PyMutex *)lock);
}

/* ---- thread-specific storage ------------------------------------------------ */

_Static_assert(sizeof(pthread_key_t) <= sizeof(unsigned int),
               "Py_tss_t cannot hold a pthread_key_t");

Py_tss_t *
PyThread_tss_alloc(void)
{
    Py_tss_t *key = calloc(1, sizeof(Py_tss_t));
    return key;
}

void
PyThread_tss_free(Py_tss_t *key)
{
    if (key != NULL) {
        PyThread_tss_delete(key);
        free(key);
    }
}

int
PyThread_tss_is_created(Py_tss_t *key)
{
    return key->_is_initialized;
}

int
PyThread_tss_create(Py_tss_t *key)
{
    if (key->_is_initialized) {
        return 0;
    }
    pthread_key_t k;
    if (pthread_key_create(&k, NULL) != 0) {
        return -1;
    }
    key->_key = (unsigned int)k;
    key->_is_initialized = 1;
    return 0;
}

void
PyThread_tss_delete(Py_tss_t *key)
{
    if (!key->_is_initialized) {
        return;
    }
    pthread_key_delete((pthread_key_t)key->_key);
    key->_is_initialized = 0;
}

int
PyThread_tss_set(Py_tss_t *key, void *value)
{
    return pthread_setspecific((pthread_key_t)key->_key, value) == 0 ? 0 : -1;
}

void *
PyThread_tss_get(Py_tss_t *key)
{
    return pthread_getspecific((pthread_key_t)key->_key);
}
