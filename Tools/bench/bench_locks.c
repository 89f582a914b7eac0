/* bench_locks.c: micro-benchmarks of the thread/lock runtime, printed as
 * "name value unit" lines (the format of bench_runtime):
 *   pymutex_contended_Nt     ns per lock+increment+unlock, N threads on one
 *                            PyMutex (total wall time / total operations)
 *   pthread_contended_Nt     the same with a pthread_mutex_t, for scale
 *   attach_detach            _PyThreadState_Detach + _PyThreadState_Attach
 *   critical_section         PyCriticalSection_Begin + End, uncontended
 *   stop_the_world           _PyEval_StopTheWorld + StartTheWorld with 3
 *                            attached threads spinning on the eval breaker
 *   mutex_fair_max_wait      longest wait of a thread locking a mutex two
 *                            other threads re-lock in a tight loop (ms)
 * Usage: bench_locks [-n SCALE] */
#include "Python.h"
#include "pycore_pystate.h"
#include <pthread.h>
#include <time.h>

static double scale = 1.0;

static int64_t
now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static long
iters(long n)
{
    long v = (long)(n * scale);
    return v < 1 ? 1 : v;
}

/* ---- contended mutexes ------------------------------------------------- */

static PyMutex pm;
static pthread_mutex_t pt = PTHREAD_MUTEX_INITIALIZER;
static long shared_count;
static long per_thread;
static int use_pthread;

static void *
contender(void *arg)
{
    PyThreadState *tstate = _PyThreadState_New(&_PyInterpreterState_Main);
    _PyThreadState_Bind(tstate);
    _PyThreadState_Attach(tstate);
    for (long i = 0; i < per_thread; i++) {
        if (use_pthread) {
            pthread_mutex_lock(&pt);
            shared_count++;
            pthread_mutex_unlock(&pt);
        }
        else {
            PyMutex_Lock(&pm);
            shared_count++;
            PyMutex_Unlock(&pm);
        }
        if ((i & 1023) == 0 && tstate->eval_breaker) {
            _Py_HandlePending(tstate);
        }
    }
    _PyThreadState_DeleteCurrent(tstate);
    return NULL;
}

static void
bench_contended(int nthreads, int pthread_variant)
{
    pthread_t th[16];
    use_pthread = pthread_variant;
    shared_count = 0;
    per_thread = iters(400000);
    PyThreadState *save = PyEval_SaveThread();
    int64_t t0 = now_ns();
    for (int i = 0; i < nthreads; i++) {
        pthread_create(&th[i], NULL, contender, NULL);
    }
    for (int i = 0; i < nthreads; i++) {
        pthread_join(th[i], NULL);
    }
    int64_t t1 = now_ns();
    PyEval_RestoreThread(save);
    if (shared_count != per_thread * nthreads) {
        fprintf(stderr, "lost updates: %ld\n", shared_count);
        exit(1);
    }
    printf("%s_contended_%dt %.1f ns\n", pthread_variant ? "pthread" : "pymutex",
           nthreads, (double)(t1 - t0) / (double)(per_thread * nthreads));
}

/* ---- attach/detach, critical section ----------------------------------- */

static void
bench_attach_detach(void)
{
    PyThreadState *tstate = PyThreadState_Get();
    long n = iters(1000000);
    int64_t t0 = now_ns();
    for (long i = 0; i < n; i++) {
        _PyThreadState_Detach(tstate);
        _PyThreadState_Attach(tstate);
    }
    printf("attach_detach %.1f ns\n", (double)(now_ns() - t0) / (double)n);
}

typedef struct { PyObject_HEAD } BenchObject;
static PyTypeObject BenchType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "bench",
    .tp_basicsize = sizeof(BenchObject),
};
static BenchObject bench_obj = { PyObject_HEAD_INIT(&BenchType) };

static void
bench_critical_section(void)
{
    long n = iters(5000000);
    int64_t t0 = now_ns();
    for (long i = 0; i < n; i++) {
        PyCriticalSection c;
        PyCriticalSection_Begin(&c, (PyObject *)&bench_obj);
        __asm__ __volatile__("" : : : "memory");
        PyCriticalSection_End(&c);
    }
    printf("critical_section %.1f ns\n", (double)(now_ns() - t0) / (double)n);
}

/* ---- stop-the-world ---------------------------------------------------- */

static int spin_stop;

static void *
spinner(void *arg)
{
    PyThreadState *tstate = _PyThreadState_New(&_PyInterpreterState_Main);
    _PyThreadState_Bind(tstate);
    _PyThreadState_Attach(tstate);
    while (!_Py_atomic_load_int(&spin_stop)) {
        if (_Py_atomic_load_uintptr_relaxed(&tstate->eval_breaker)) {
            _Py_HandlePending(tstate);
        }
    }
    _PyThreadState_DeleteCurrent(tstate);
    return NULL;
}

static void
sleep_detached_ms(int ms)
{
    PyThreadState *save = PyEval_SaveThread();
    struct timespec ts = { 0, ms * 1000000L };
    nanosleep(&ts, NULL);
    PyEval_RestoreThread(save);
}

static void
bench_stop_the_world(void)
{
    pthread_t th[3];
    spin_stop = 0;
    for (int i = 0; i < 3; i++) {
        pthread_create(&th[i], NULL, spinner, NULL);
    }
    sleep_detached_ms(20);
    long n = iters(200);
    int64_t total = 0;
    for (long i = 0; i < n; i++) {
        int64_t t0 = now_ns();
        _PyEval_StopTheWorld(&_PyInterpreterState_Main);
        _PyEval_StartTheWorld(&_PyInterpreterState_Main);
        total += now_ns() - t0;
        sleep_detached_ms(1);
    }
    _Py_atomic_store_int(&spin_stop, 1);
    PyThreadState *save = PyEval_SaveThread();
    for (int i = 0; i < 3; i++) {
        pthread_join(th[i], NULL);
    }
    PyEval_RestoreThread(save);
    printf("stop_the_world %.1f us\n", (double)total / (double)n / 1000.0);
}

/* ---- fairness ---------------------------------------------------------- */

static PyMutex fair;
static int hog_stop;

static void *
hog(void *arg)
{
    PyThreadState *tstate = _PyThreadState_New(&_PyInterpreterState_Main);
    _PyThreadState_Bind(tstate);
    _PyThreadState_Attach(tstate);
    while (!_Py_atomic_load_int(&hog_stop)) {
        PyMutex_Lock(&fair);
        for (volatile int i = 0; i < 100; i++) {
        }
        PyMutex_Unlock(&fair);
        if (_Py_atomic_load_uintptr_relaxed(&tstate->eval_breaker)) {
            _Py_HandlePending(tstate);
        }
    }
    _PyThreadState_DeleteCurrent(tstate);
    return NULL;
}

static void
bench_fairness(void)
{
    pthread_t th[2];
    hog_stop = 0;
    for (int i = 0; i < 2; i++) {
        pthread_create(&th[i], NULL, hog, NULL);
    }
    sleep_detached_ms(10);
    int64_t worst = 0;
    for (long i = 0; i < iters(50); i++) {
        int64_t t0 = now_ns();
        PyMutex_Lock(&fair);
        int64_t w = now_ns() - t0;
        PyMutex_Unlock(&fair);
        if (w > worst) {
            worst = w;
        }
        sleep_detached_ms(2);
    }
    _Py_atomic_store_int(&hog_stop, 1);
    PyThreadState *save = PyEval_SaveThread();
    for (int i = 0; i < 2; i++) {
        pthread_join(th[i], NULL);
    }
    PyEval_RestoreThread(save);
    printf("mutex_fair_max_wait %.3f ms\n", (double)worst / 1e6);
}

int
main(int argc, char **argv)
{
    for (int i = 1; i + 1 < argc; i++) {
        if (strcmp(argv[i], "-n") == 0) {
            scale = atof(argv[i + 1]);
        }
    }
    if (_PyRuntime_Initialize(0) < 0) {
        return 1;
    }
    int counts[] = { 1, 2, 4, 8 };
    for (size_t i = 0; i < Py_ARRAY_LENGTH(counts); i++) {
        bench_contended(counts[i], 0);
        bench_contended(counts[i], 1);
    }
    bench_attach_detach();
    bench_critical_section();
    bench_stop_the_world();
    bench_fairness();
    return 0;
}
