/* pythread.h: OS threads, as the runtime and _thread see them.
 * Implementation: Python/thread.c (POSIX threads). */
#ifndef Py_PYTHREAD_H
#define Py_PYTHREAD_H

#include "pyport.h"

/* Start `func(arg)` on a new detached OS thread; returns its ident, or
 * (unsigned long)-1 on failure. */
PyAPI_FUNC(unsigned long) PyThread_start_new_thread(void (*func)(void *), void *arg);
PyAPI_FUNC(unsigned long) PyThread_get_thread_ident(void);
PyAPI_FUNC(unsigned long) PyThread_get_thread_native_id(void);
/* Stack size for new threads: 0 means the system default. */
PyAPI_FUNC(size_t) PyThread_get_stacksize(void);
PyAPI_FUNC(int) PyThread_set_stacksize(size_t size);

/* Monotonic clock in nanoseconds. */
PyAPI_FUNC(PyTime_t) _PyTime_MonotonicNs(void);

#endif /* Py_PYTHREAD_H */
