/* bench_runtime.c: micro-benchmarks of the runtime foundation, printed as
 * "name value unit" lines so that Tools/bench/runtime_bench.sh can put the
 * default and free-threaded builds side by side:
 *   incref_decref_owner      Py_INCREF + Py_DECREF by the creating thread
 *   incref_decref_nonowner   the same by another thread (biased counting's
 *                            shared, atomic path in the free-threaded build)
 *   pymutex_lock_unlock      uncontended PyMutex_Lock + PyMutex_Unlock
 *   gil_handoff              from one thread releasing the GIL to a thread
 *                            blocked waiting for it running (GIL enabled in
 *                            both builds; measured in a child process)
 * Usage: bench_runtime [-n SCALE]   (SCALE multiplies the iteration counts) */
#include "Python.h"
#include "pycore_pystate.h"
#include <pthread.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double scale = 1.0;

static int64_t
now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/* Keeps the compiler from fusing an incref with the following decref, as
 * real code would always have work in between. */
#define OPAQUE(p) __asm__ __volatile__("" : : "r"(p) : "memory")

static void
bench_dealloc(PyObject *op)
{
    PyObject_Free(op);
}

static PyTypeObject BenchType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "bench",
    .tp_basicsize = sizeof(PyObject),
    .tp_dealloc = bench_dealloc,
};

static PyObject *
new_object(void)
{
    PyObject *op = PyObject_Malloc(sizeof(PyObject));
    Py_SET_TYPE(op, &BenchType);
    _Py_NewReference_Count(op);
    return op;
}

/* Best of a few runs: the machine is shared, and the minimum is the figure
 * least disturbed by other work. */
#define RUNS 5

static double
time_incref_decref(PyObject *op, long n)
{
    double best = 1e30;
    for (int r = 0; r < RUNS; r++) {
        int64_t t0 = now_ns();
        for (long i = 0; i < n; i++) {
            Py_INCREF(op);
            OPAQUE(op);
            Py_DECREF(op);
            OPAQUE(op);
        }
        double ns = (double)(now_ns() - t0) / (double)n;
        if (ns < best) {
            best = ns;
        }
    }
    return best;
}

struct nonowner_arg {
    PyObject *op;
    long n;
    double ns;
};

static void *
nonowner_main(void *p)
{
    struct nonowner_arg *a = p;
    PyThreadState *t = _PyThreadState_New(_PyInterpreterState_GET());
    _PyThreadState_Bind(t);
    _PyThreadState_Attach(t);
    a->ns = time_incref_decref(a->op, a->n);
    _PyThreadState_DeleteCurrent(t);
    return NULL;
}

static double
time_mutex(long n)
{
    static PyMutex m;
    double best = 1e30;
    for (int r = 0; r < RUNS; r++) {
        int64_t t0 = now_ns();
        for (long i = 0; i < n; i++) {
            PyMutex_Lock(&m);
            OPAQUE(&m);
            PyMutex_Unlock(&m);
        }
        double ns = (double)(now_ns() - t0) / (double)n;
        if (ns < best) {
            best = ns;
        }
    }
    return best;
}

/* ---- GIL hand-off ----------------------------------------------------------
 * Two threads take turns holding the GIL.  The holder waits until the other
 * has announced it is about to block in attach, gives it time to get there,
 * stamps the time and detaches; the other stamps the time it got the GIL.
 * The holder then waits until the other has it before queueing up itself,
 * so it cannot simply re-take the GIL it just released. */
struct handoff {
    int rounds;
    int64_t released_at;        /* atomic */
    int waiting[2];             /* atomic: thread k is about to attach */
    int acquired;               /* atomic: count of acquisitions */
    int64_t total_ns;
    int samples;
};

static struct handoff ho;

static void
spin_ns(int64_t ns)
{
    int64_t end = now_ns() + ns;
    while (now_ns() < end) {
    }
}

static void *
handoff_main(void *p)
{
    int me = (int)(intptr_t)p, other = 1 - me;
    PyThreadState *t = _PyThreadState_New(_PyInterpreterState_GET());
    _PyThreadState_Bind(t);
    if (me == 1) {
        /* Thread 0 starts with the GIL. */
        while (_Py_atomic_load_int(&ho.acquired) == 0) {
            sched_yield();
        }
    }
    for (;;) {
        _Py_atomic_store_int(&ho.waiting[me], 1);
        _PyThreadState_Attach(t);
        int64_t got = now_ns();
        _Py_atomic_store_int(&ho.waiting[me], 0);
        int64_t rel = _Py_atomic_load_int64(&ho.released_at);
        int n = _Py_atomic_add_int(&ho.acquired, 1) + 1;
        if (rel != 0) {
            ho.total_ns += got - rel;   /* only the GIL holder writes these */
            ho.samples++;
        }
        if (n >= ho.rounds) {
            _Py_atomic_store_int64(&ho.released_at, 0);
            _PyThreadState_Detach(t);
            break;
        }
        /* Wait for the other to queue up, and give it time to block. */
        while (!_Py_atomic_load_int(&ho.waiting[other])) {
        }
        spin_ns(30000);
        _Py_atomic_store_int64(&ho.released_at, now_ns());
        _PyThreadState_Detach(t);
        while (_Py_atomic_load_int(&ho.acquired) == n) {
            sched_yield();
        }
        if (_Py_atomic_load_int(&ho.acquired) >= ho.rounds) {
            break;
        }
    }
    _PyThreadState_Delete(t);
    return NULL;
}

static double
time_gil_handoff(int rounds)
{
    /* The main thread gives up the GIL for the duration. */
    PyThreadState *main_t = _PyThreadState_GET();
    _PyThreadState_Detach(main_t);
    ho.rounds = rounds;
    pthread_t a, b;
    pthread_create(&a, NULL, handoff_main, (void *)(intptr_t)0);
    pthread_create(&b, NULL, handoff_main, (void *)(intptr_t)1);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    _PyThreadState_Attach(main_t);
    return ho.samples ? (double)ho.total_ns / ho.samples : -1.0;
}

/* In a child process, so the free-threaded build can run it with the GIL
 * turned on without disturbing the other figures. */
static double
gil_handoff_in_child(int rounds)
{
    int fds[2];
    if (pipe(fds) != 0) {
        return -1.0;
    }
    pid_t pid = fork();
    if (pid == 0) {
        close(fds[0]);
        double ns = -1.0;
        if (_PyRuntime_Initialize(1) == 0) {
            ns = time_gil_handoff(rounds);
        }
        if (write(fds[1], &ns, sizeof(ns)) != (ssize_t)sizeof(ns)) {
            _exit(1);
        }
        _exit(0);
    }
    close(fds[1]);
    double ns = -1.0;
    if (pid < 0 || read(fds[0], &ns, sizeof(ns)) != (ssize_t)sizeof(ns)) {
        ns = -1.0;
    }
    close(fds[0]);
    if (pid > 0) {
        waitpid(pid, NULL, 0);
    }
    return ns;
}

int
main(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-n") == 0 && i + 1 < argc) {
            scale = atof(argv[++i]);
        }
    }
    if (scale <= 0) {
        scale = 1.0;
    }
    long n = (long)(20000000 * scale);

    /* Before the runtime starts: fork() with no other threads around. */
    double handoff = gil_handoff_in_child((int)(2000 * scale) + 2);

#ifdef Py_GIL_DISABLED
    int enable_gil = 0;
    const char *build = "free-threaded";
#else
    int enable_gil = 1;
    const char *build = "default";
#endif
    if (_PyRuntime_Initialize(enable_gil) != 0) {
        fprintf(stderr, "bench_runtime: runtime initialisation failed\n");
        return 1;
    }
    printf("build %s\n", build);

    PyObject *op = new_object();
    printf("incref_decref_owner %.2f ns\n", time_incref_decref(op, n));

    struct nonowner_arg arg = { op, n, 0.0 };
    PyThreadState *main_t = _PyThreadState_GET();
    _PyThreadState_Detach(main_t);   /* let the other thread run (GIL) */
    pthread_t th;
    pthread_create(&th, NULL, nonowner_main, &arg);
    pthread_join(th, NULL);
    _PyThreadState_Attach(main_t);
    printf("incref_decref_nonowner %.2f ns\n", arg.ns);
    Py_DECREF(op);

    printf("pymutex_lock_unlock %.2f ns\n", time_mutex(n));
    printf("gil_handoff %.0f ns\n", handoff);
    return 0;
}
