/* thread_helpers.h: shared helpers for the threading unit tests: start
 * threads that carry an attached thread state, and join them without
 * holding the GIL. */
#ifndef WEFT_TEST_THREAD_HELPERS_H
#define WEFT_TEST_THREAD_HELPERS_H

#include "Python.h"
#include "pycore_pystate.h"
#include <pthread.h>
#include <sched.h>

typedef struct {
    void (*body)(void *);
    void *arg;
} th_start_t;

static void *
th_trampoline(void *raw)
{
    th_start_t *st = (th_start_t *)raw;
    PyThreadState *tstate = _PyThreadState_New(&_PyInterpreterState_Main);
    _PyThreadState_Bind(tstate);
    _PyThreadState_Attach(tstate);
    st->body(st->arg);
    _PyThreadState_DeleteCurrent(tstate);
    free(st);
    return NULL;
}

/* Start `body(arg)` on a new thread with its own attached thread state. */
static inline pthread_t
th_start(void (*body)(void *), void *arg)
{
    th_start_t *st = malloc(sizeof(*st));
    st->body = body;
    st->arg = arg;
    pthread_t th;
    if (pthread_create(&th, NULL, th_trampoline, st) != 0) {
        abort();
    }
    return th;
}

/* Join from an attached thread: detach while waiting (the GIL!). */
static inline void
th_join(pthread_t th)
{
    PyThreadState *save = PyEval_SaveThread();
    pthread_join(th, NULL);
    PyEval_RestoreThread(save);
}

/* Run fn(op) on a new thread with its own attached thread state (so it
 * owns nothing the calling thread made), and wait for it detached. */
typedef void (*th_object_fn)(PyObject *op);
typedef struct { th_object_fn fn; PyObject *op; } th_object_job;

static void
th_object_body(void *raw)
{
    th_object_job *j = raw;
    j->fn(j->op);
}

static inline void
on_other_thread(th_object_fn fn, PyObject *op)
{
    th_object_job j = { fn, op };
    th_join(th_start(th_object_body, &j));
}

static inline double
th_seconds_since(PyTime_t start)
{
    return (double)(_PyTime_MonotonicNs() - start) / 1e9;
}

/* Sleep `ms` milliseconds detached. */
static inline void
th_sleep_ms(int ms)
{
    PyThreadState *save = PyEval_SaveThread();
    struct timespec ts = { ms / 1000, (long)(ms % 1000) * 1000000L };
    nanosleep(&ts, NULL);
    PyEval_RestoreThread(save);
}

#endif
