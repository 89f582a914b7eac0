/* test_obmalloc.c: the allocators of Include/pymem.h (all three families,
 * zero sizes, overflow, many threads, frees from other threads) and delayed
 * frees through QSBR (Objects/obmalloc.c). */
#include <criterion/criterion.h>
#include <pthread.h>
#include "Python.h"
#include "pycore_pystate.h"

/* The GIL on in the default build, off in the free-threaded one. */
#ifdef Py_GIL_DISABLED
#  define WEFT_TEST_GIL 0
#else
#  define WEFT_TEST_GIL 1
#endif

typedef void *(*malloc_fn)(size_t);
typedef void *(*calloc_fn)(size_t, size_t);
typedef void *(*realloc_fn)(void *, size_t);
typedef void (*free_fn)(void *);

static const struct family {
    const char *name;
    malloc_fn m;
    calloc_fn c;
    realloc_fn r;
    free_fn f;
} families[] = {
    {"raw", PyMem_RawMalloc, PyMem_RawCalloc, PyMem_RawRealloc, PyMem_RawFree},
    {"mem", PyMem_Malloc, PyMem_Calloc, PyMem_Realloc, PyMem_Free},
    {"object", PyObject_Malloc, PyObject_Calloc, PyObject_Realloc, PyObject_Free},
};

Test(obmalloc, basic_families)
{
    for (size_t k = 0; k < Py_ARRAY_LENGTH(families); k++) {
        const struct family *fam = &families[k];
        unsigned char *p = fam->m(100);
        cr_assert_not_null(p, "%s malloc", fam->name);
        memset(p, 0xAB, 100);
        p = fam->r(p, 100000);
        cr_assert_not_null(p, "%s realloc", fam->name);
        for (int i = 0; i < 100; i++) {
            cr_assert_eq(p[i], 0xAB, "%s realloc keeps the contents", fam->name);
        }
        p = fam->r(p, 10);
        cr_assert_not_null(p);
        cr_assert_eq(p[9], 0xAB);
        fam->f(p);

        unsigned char *z = fam->c(1000, 7);
        cr_assert_not_null(z);
        for (int i = 0; i < 7000; i++) {
            cr_assert_eq(z[i], 0, "%s calloc zeroes", fam->name);
        }
        fam->f(z);
        fam->f(NULL);  /* freeing NULL is a no-op */
    }
}

Test(obmalloc, zero_size_is_unique)
{
    for (size_t k = 0; k < Py_ARRAY_LENGTH(families); k++) {
        const struct family *fam = &families[k];
        void *a = fam->m(0), *b = fam->m(0);
        void *c = fam->c(0, 0), *d = fam->c(0, 16);
        cr_assert(a && b && c && d, "%s: zero-size requests succeed", fam->name);
        cr_assert(a != b && c != d && a != c, "%s: and are distinct", fam->name);
        /* realloc to zero keeps a live, unique block */
        void *e = fam->r(fam->m(32), 0);
        cr_assert_not_null(e);
        void *f = fam->r(NULL, 0);
        cr_assert_not_null(f);
        cr_assert_neq(e, f);
        fam->f(a); fam->f(b); fam->f(c); fam->f(d); fam->f(e); fam->f(f);
    }
}

Test(obmalloc, overflow_fails_cleanly)
{
    for (size_t k = 0; k < Py_ARRAY_LENGTH(families); k++) {
        const struct family *fam = &families[k];
        cr_assert_null(fam->m((size_t)PY_SSIZE_T_MAX + 1));
        cr_assert_null(fam->c((size_t)1 << 40, (size_t)1 << 40));
        cr_assert_null(fam->c(SIZE_MAX, 2));
        void *p = fam->m(8);
        cr_assert_null(fam->r(p, SIZE_MAX), "a failed realloc returns NULL");
        fam->f(p);  /* and leaves the block alone */
    }
    int *arr = PyMem_New(int, 10);
    cr_assert_not_null(arr);
    PyMem_Free(arr);
    cr_assert_null(PyMem_New(int, PY_SSIZE_T_MAX));
}

/* ---- many threads ------------------------------------------------------- */

#define NTHREADS 8
#define NBLOCKS 2000
#define ROUNDS 5

static uint64_t
rng_next(uint64_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    return *s;
}

static void *
alloc_worker(void *arg)
{
    uintptr_t id = (uintptr_t)arg;
    uint64_t seed = 0x9E3779B97F4A7C15ULL * (id + 1);
    const struct family *fam = &families[id % Py_ARRAY_LENGTH(families)];
    unsigned char **blocks = PyMem_RawCalloc(NBLOCKS, sizeof(*blocks));
    size_t *sizes = PyMem_RawCalloc(NBLOCKS, sizeof(*sizes));
    uintptr_t bad = 0;
    for (int round = 0; round < ROUNDS; round++) {
        for (int i = 0; i < NBLOCKS; i++) {
            size_t n = 1 + rng_next(&seed) % 600;
            if (rng_next(&seed) % 50 == 0) {
                n *= 100;  /* now and then a large one */
            }
            blocks[i] = fam->m(n);
            if (blocks[i] == NULL) {
                bad++;
                continue;
            }
            sizes[i] = n;
            memset(blocks[i], (int)((id + (uintptr_t)i) & 0xFF), n);
        }
        for (int i = 0; i < NBLOCKS; i++) {
            if (blocks[i] == NULL) {
                continue;
            }
            unsigned char want = (unsigned char)((id + (uintptr_t)i) & 0xFF);
            if (blocks[i][0] != want || blocks[i][sizes[i] - 1] != want ||
                blocks[i][sizes[i] / 2] != want) {
                bad++;
            }
            fam->f(blocks[i]);
            blocks[i] = NULL;
        }
    }
    PyMem_RawFree(blocks);
    PyMem_RawFree(sizes);
    return (void *)bad;
}

Test(obmalloc, many_threads)
{
    pthread_t th[NTHREADS];
    for (uintptr_t i = 0; i < NTHREADS; i++) {
        cr_assert_eq(pthread_create(&th[i], NULL, alloc_worker, (void *)i), 0);
    }
    for (int i = 0; i < NTHREADS; i++) {
        void *bad;
        pthread_join(th[i], &bad);
        cr_assert_eq((uintptr_t)bad, 0, "thread %d saw a corrupt or missing block", i);
    }
}

/* Producers allocate and fill blocks, consumers on other threads check and
 * free them: every block is freed by a thread that did not allocate it. */
#define XBLOCKS 20000

struct handoff {
    unsigned char *slots[XBLOCKS];
    int ready[XBLOCKS];         /* atomic */
};

struct xarg {
    struct handoff *h;
    int first, step;
    uintptr_t bad;
};

static void *
producer(void *p)
{
    struct xarg *a = p;
    for (int i = a->first; i < XBLOCKS; i += a->step) {
        size_t n = 16 + (size_t)(i % 300);
        unsigned char *b = PyObject_Malloc(n);
        if (b == NULL) {
            a->bad++;
            continue;
        }
        b[0] = (unsigned char)i;
        b[n - 1] = (unsigned char)(i >> 3);
        a->h->slots[i] = b;
        _Py_atomic_store_int_release(&a->h->ready[i], 1);
    }
    return NULL;
}

static void *
consumer(void *p)
{
    struct xarg *a = p;
    for (int i = a->first; i < XBLOCKS; i += a->step) {
        while (!_Py_atomic_load_int_acquire(&a->h->ready[i])) {
            sched_yield();
        }
        unsigned char *b = a->h->slots[i];
        if (b == NULL) {
            continue;
        }
        size_t n = 16 + (size_t)(i % 300);
        if (b[0] != (unsigned char)i || b[n - 1] != (unsigned char)(i >> 3)) {
            a->bad++;
        }
        PyObject_Free(b);
    }
    return NULL;
}

Test(obmalloc, cross_thread_frees)
{
    struct handoff *h = PyMem_RawCalloc(1, sizeof(*h));
    cr_assert_not_null(h);
    /* Producer k fills slots k, k+2, ...; consumers take them crosswise. */
    struct xarg pa[2] = {{h, 0, 2, 0}, {h, 1, 2, 0}};
    struct xarg ca[2] = {{h, 1, 2, 0}, {h, 0, 2, 0}};
    pthread_t pt[2], ct[2];
    for (int k = 0; k < 2; k++) {
        pthread_create(&ct[k], NULL, consumer, &ca[k]);
        pthread_create(&pt[k], NULL, producer, &pa[k]);
    }
    for (int k = 0; k < 2; k++) {
        pthread_join(pt[k], NULL);
        pthread_join(ct[k], NULL);
    }
    for (int k = 0; k < 2; k++) {
        cr_assert_eq(pa[k].bad + ca[k].bad, 0);
    }
    PyMem_RawFree(h);
}

/* ---- delayed frees ------------------------------------------------------ */

static PyThreadState *
start_runtime(void)
{
    cr_assert_eq(_PyRuntime_Initialize(WEFT_TEST_GIL), 0);
    PyThreadState *t = _PyThreadState_GET();
    cr_assert_not_null(t);
    return t;
}

Test(obmalloc, delayed_free_single_thread_is_immediate)
{
    PyThreadState *t = start_runtime();
    for (int i = 0; i < 1000; i++) {
        _PyMem_FreeDelayed(PyMem_Malloc(64));
    }
    _PyMem_FreeDelayed(NULL);
    cr_assert_eq(_PyMem_DelayedPendingCount(t), 0);
}

#ifdef Py_GIL_DISABLED

/* A second thread state, attached on a helper thread that reports
 * quiescent states only when told to. */
struct reader {
    pthread_t th;
    PyThreadState *t;
    int cmd;      /* atomic: 1 = report once, 2 = detach and exit, 3 = quit */
    int acked;    /* atomic: commands done */
};

static void *
reader_main(void *p)
{
    struct reader *r = p;
    r->t = _PyThreadState_New(_PyInterpreterState_GET());
    _PyThreadState_Bind(r->t);
    _PyThreadState_Attach(r->t);
    _Py_atomic_add_int(&r->acked, 1);
    for (;;) {
        int cmd = _Py_atomic_load_int(&r->cmd);
        if (cmd == 0) {
            sched_yield();
            continue;
        }
        _Py_atomic_store_int(&r->cmd, 0);
        if (cmd == 1) {
            _Py_qsbr_quiescent_state(r->t->qsbr);
            _Py_atomic_add_int(&r->acked, 1);
            continue;
        }
        if (cmd == 2) {
            /* Exit with a few delayed frees of its own still queued. */
            for (int i = 0; i < 300; i++) {
                _PyMem_FreeDelayed(PyMem_Malloc(32));
            }
        }
        _PyThreadState_DeleteCurrent(r->t);
        _Py_atomic_add_int(&r->acked, 1);
        return NULL;
    }
}

static void
reader_do(struct reader *r, int cmd)
{
    int before = _Py_atomic_load_int(&r->acked);
    _Py_atomic_store_int(&r->cmd, cmd);
    while (_Py_atomic_load_int(&r->acked) == before) {
        sched_yield();
    }
}

static void
reader_start(struct reader *r)
{
    memset(r, 0, sizeof(*r));
    pthread_create(&r->th, NULL, reader_main, r);
    while (_Py_atomic_load_int(&r->acked) == 0) {
        sched_yield();
    }
}

Test(obmalloc, delayed_free_waits_for_readers)
{
    PyThreadState *t = start_runtime();
    struct reader r;
    reader_start(&r);

    /* Many entries: more than one chunk. */
    for (int i = 0; i < 1000; i++) {
        _PyMem_FreeDelayed(PyMem_Malloc(48));
    }
    cr_assert_eq(_PyMem_DelayedPendingCount(t), 1000);
    _PyMem_ProcessDelayed(t);
    cr_assert_eq(_PyMem_DelayedPendingCount(t), 1000,
                 "nothing may go while the reader has not reported");

    reader_do(&r, 1);   /* quiescent */
    _PyMem_ProcessDelayed(t);
    cr_assert_eq(_PyMem_DelayedPendingCount(t), 0);

    /* The queue filling up asks for processing at the eval breaker. */
    for (int i = 0; i < 500; i++) {
        _PyMem_FreeDelayed(PyMem_Malloc(48));
    }
    cr_assert(_Py_eval_breaker_bit_is_set(t, _PY_EVAL_QSBR_BIT));

    reader_do(&r, 3);   /* detach and exit */
    pthread_join(r.th, NULL);
    _PyMem_ProcessDelayed(t);
    cr_assert_eq(_PyMem_DelayedPendingCount(t), 0);
}

Test(obmalloc, abandoned_frees_are_processed_later)
{
    PyThreadState *t = start_runtime();
    struct reader r1, r2;
    reader_start(&r1);
    reader_start(&r2);
    /* r1 exits with 300 queued frees that r2 has not released yet. */
    reader_do(&r1, 2);
    pthread_join(r1.th, NULL);
    cr_assert_gt(_PyMem_DelayedPendingCount(NULL), 0);

    /* Processing with r2 still behind: nothing goes. */
    Py_ssize_t before = _PyMem_DelayedPendingCount(NULL);
    _PyMem_ProcessDelayed(t);
    cr_assert_eq(_PyMem_DelayedPendingCount(NULL), before);

    reader_do(&r2, 1);
    _PyMem_ProcessDelayed(t);
    cr_assert_eq(_PyMem_DelayedPendingCount(NULL), 0);

    reader_do(&r2, 3);
    pthread_join(r2.th, NULL);
}

/* A thread busy in "Python code": it looks at its eval breaker, as the eval
 * loop does, and calls _Py_HandlePending only when a bit is set. */
static int busy_stop;     /* atomic */
static int busy_ready;    /* atomic */

static void *
busy_main(void *arg)
{
    PyThreadState *t = _PyThreadState_New(_PyInterpreterState_GET());
    _PyThreadState_Bind(t);
    _PyThreadState_Attach(t);
    _Py_atomic_store_int(&busy_ready, 1);
    while (!_Py_atomic_load_int(&busy_stop)) {
        if (_Py_atomic_load_uintptr_relaxed(&t->eval_breaker) != 0) {
            _Py_HandlePending(t);
        }
    }
    _PyThreadState_DeleteCurrent(t);
    return arg;
}

Test(obmalloc, busy_thread_is_asked_to_report, .timeout = 60)
{
    PyThreadState *t = start_runtime();
    pthread_t th;
    pthread_create(&th, NULL, busy_main, NULL);
    while (!_Py_atomic_load_int(&busy_ready)) {
        sched_yield();
    }
    for (int i = 0; i < 1000; i++) {
        _PyMem_FreeDelayed(PyMem_Malloc(40));
    }
    /* The busy thread never reports on its own; processing asks it to.
     * Generous bound: the machine may be loaded. */
    int64_t deadline = _PyTime_MonotonicNs() + (int64_t)30 * 1000000000;
    while (_PyMem_DelayedPendingCount(t) != 0 && _PyTime_MonotonicNs() < deadline) {
        _PyMem_ProcessDelayed(t);
        sched_yield();
    }
    cr_assert_eq(_PyMem_DelayedPendingCount(t), 0);
    _Py_atomic_store_int(&busy_stop, 1);
    pthread_join(th, NULL);
}

#else

Test(obmalloc, delayed_free_is_immediate_with_the_gil)
{
    PyThreadState *t = start_runtime();
    for (int i = 0; i < 1000; i++) {
        _PyMem_FreeDelayed(PyMem_Malloc(64));
    }
    cr_assert_eq(_PyMem_DelayedPendingCount(t), 0);
    cr_assert_eq(_PyMem_DelayedPendingCount(NULL), 0);
}

#endif
