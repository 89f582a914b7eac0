/* bench_containers.c: rough timings of list and set operations through the
 * C API: append, sort (random / presorted / reversed), set add and lookup,
 * and 1/2/4/8 threads appending to one shared list. */
#include "Python.h"
#include "pycore_pystate.h"
#include "pycore_object.h"
#include <pthread.h>
#include <time.h>

static double
now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static PyObject *
random_list(long n, int shape)
{
    PyObject *l = PyList_New(n);
    unsigned long s = 42;
    for (long i = 0; i < n; i++) {
        s = s * 6364136223846793005UL + 1442695040888963407UL;
        long v = shape == 0 ? (long)(s >> 20) % (n * 4) : shape == 1 ? i : n - i;
        PyList_SET_ITEM(l, i, PyLong_FromLong(v));
    }
    return l;
}

#define NAPPEND 1000000L
static PyObject *shared;

static void *
appender(void *arg)
{
    PyThreadState *ts = _PyThreadState_New(&_PyInterpreterState_Main);
    _PyThreadState_Bind(ts);
    _PyThreadState_Attach(ts);
    long n = (long)(intptr_t)arg;
    for (long i = 0; i < n; i++) {
        PyList_Append(shared, Py_None);
    }
    _PyThreadState_DeleteCurrent(ts);
    return NULL;
}

int
main(void)
{
#ifdef Py_GIL_DISABLED
    const char *build = "free-threaded";
    int gil = 0;
#else
    const char *build = "default";
    int gil = 1;
#endif
    if (_PyRuntime_Initialize(gil) < 0 || _PyTypes_Init() < 0) {
        return 1;
    }
    printf("build: %s\n", build);

    double t = now();
    PyObject *l = PyList_New(0);
    for (long i = 0; i < 10 * NAPPEND; i++) {
        PyList_Append(l, Py_None);
    }
    printf("list.append x10M:            %.1f ns/op\n", (now() - t) / (10 * NAPPEND) * 1e9);
    Py_DECREF(l);

    const char *shapes[] = {"random", "sorted", "reversed"};
    for (int shape = 0; shape < 3; shape++) {
        l = random_list(1000000, shape);
        t = now();
        PyList_Sort(l);
        printf("sort 1M ints (%-8s):      %.3f s\n", shapes[shape], now() - t);
        Py_DECREF(l);
    }

    l = random_list(1000000, 0);
    t = now();
    PyObject *s = PySet_New(l);
    printf("set(1M random ints):         %.1f ns/item\n", (now() - t) / 1e6 * 1e9);
    t = now();
    long hits = 0;
    for (long i = 0; i < 1000000; i++) {
        hits += PySet_Contains(s, PyList_GET_ITEM(l, i));
    }
    printf("1M set lookups (hits):       %.1f ns/op (%ld)\n", (now() - t) / 1e6 * 1e9, hits);
    Py_DECREF(s);
    Py_DECREF(l);

    for (int nth = 1; nth <= 8; nth *= 2) {
        shared = PyList_New(0);
        pthread_t th[8];
        t = now();
        PyThreadState *save = PyEval_SaveThread();
        for (int i = 0; i < nth; i++) {
            pthread_create(&th[i], NULL, appender, (void *)(intptr_t)(NAPPEND / nth));
        }
        for (int i = 0; i < nth; i++) {
            pthread_join(th[i], NULL);
        }
        PyEval_RestoreThread(save);
        printf("%d thread(s) x append, 1M total: %.3f s (len %zd)\n", nth, now() - t,
               PyList_GET_SIZE(shared));
        Py_DECREF(shared);
    }
    return 0;
}
