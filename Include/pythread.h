/* pythread.h: OS threads, as the runtime and _thread see them.
 * Implementation: Python/thread.c (POSIX threads). */
#ifndef Py_PYTHREAD_H
#define Py_PYTHREAD_H

#include "pyport.h"
#include "pylock.h"

/* Start `func(arg)` on a new detached OS thread; returns its ident, or
 * (unsigned long)-1 on failure. */
PyAPI_FUNC(unsigned long) PyThread_start_new_thread(void (*func)(void *), void *arg);
PyAPI_FUNC(unsigned long) PyThread_get_thread_ident(void);
PyAPI_FUNC(unsigned long) PyThread_get_thread_native_id(void);
/* Stack size for new threads: 0 means the system default. */
PyAPI_FUNC(size_t) PyThread_get_stacksize(void);
PyAPI_FUNC(int) PyThread_set_stacksize(size_t size);

/* End the calling thread (it must have no attached thread state, or be
 * exiting during finalization). */
PyAPI_FUNC(_Py_NO_RETURN void) PyThread_exit_thread(void);

/* ---- PyThread_type_lock: CPython's plain lock API, on a PyMutex.  The
 * acquire calls do not detach the thread state: callers wrap them in
 * Py_BEGIN_ALLOW_THREADS themselves, as in CPython. */
typedef void *PyThread_type_lock;

#define WAIT_LOCK 1
#define NOWAIT_LOCK 0
/* Largest timeout (microseconds) PyThread_acquire_lock_timed accepts. */
#define PY_TIMEOUT_MAX ((long long)(INT64_MAX / 1000))

PyAPI_FUNC(PyThread_type_lock) PyThread_allocate_lock(void);
PyAPI_FUNC(void) PyThread_free_lock(PyThread_type_lock lock);
/* 1 if acquired, 0 if not (waitflag NOWAIT_LOCK and it was taken). */
PyAPI_FUNC(int) PyThread_acquire_lock(PyThread_type_lock lock, int waitflag);
/* `microseconds` < 0 waits forever.  With `intr_flag`, a signal whose
 * handler raises interrupts the wait (PY_LOCK_INTR). */
PyAPI_FUNC(PyLockStatus) PyThread_acquire_lock_timed(PyThread_type_lock lock,
                                                     long long microseconds,
                                                     int intr_flag);
PyAPI_FUNC(void) PyThread_release_lock(PyThread_type_lock lock);

/* ---- thread-specific storage (CPython's Py_tss_t API) ------------------ */
typedef struct {
    int _is_initialized;
    unsigned int _key;          /* a pthread_key_t */
} Py_tss_t;
#define Py_tss_NEEDS_INIT {0}

PyAPI_FUNC(Py_tss_t *) PyThread_tss_alloc(void);
PyAPI_FUNC(void) PyThread_tss_free(Py_tss_t *key);
PyAPI_FUNC(int) PyThread_tss_is_created(Py_tss_t *key);
/* 0 on success (also if already created), -1 on failure. */
PyAPI_FUNC(int) PyThread_tss_create(Py_tss_t *key);
PyAPI_FUNC(void) PyThread_tss_delete(Py_tss_t *key);
PyAPI_FUNC(int) PyThread_tss_set(Py_tss_t *key, void *value);
PyAPI_FUNC(void *) PyThread_tss_get(Py_tss_t *key);

/* Monotonic clock in nanoseconds. */
PyAPI_FUNC(PyTime_t) _PyTime_MonotonicNs(void);

#endif /* Py_PYTHREAD_H */
