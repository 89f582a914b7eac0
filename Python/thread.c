/* thread.c: OS threads on POSIX threads (Include/pythread.h): starting
 * detached threads with the configured stack size, thread identities, and
 * the monotonic clock the lock timeouts are measured with. */
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
