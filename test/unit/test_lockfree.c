/* test_lockfree.c: lock-free container reads and what keeps them safe
 * (Include/internal/pycore_lockfree.h): delayed decrefs through QSBR, the
 * "shared" mark a non-owner thread puts on a list or dict, and threads
 * hammering one list and one dict (readers without locks, writers replacing
 * items with fresh objects) with exact results at the end. */
#include "weft_test.h"
#include "thread_helpers.h"
#include "pycore_lockfree.h"

TestSuite(lockfree, .init = weft_setup);

Test(lockfree, delayed_decref_with_one_thread_is_immediate)
{
    PyObject *f = PyFloat_FromDouble(2.5);
    Py_INCREF(f);
    Py_ssize_t before = Py_REFCNT(f);
    _PyObject_XDecRefDelayed(f);
    cr_assert_eq(Py_REFCNT(f), before - 1);
    _PyObject_XDecRefDelayed(NULL);
    Py_DECREF(f);
}

#ifdef Py_GIL_DISABLED

/* A second attached thread that reports a quiescent state only when told. */
struct peer {
    pthread_t th;
    PyThreadState *t;
    int cmd;     /* atomic: 1 report, 2 read the list, 3 quit */
    int acked;   /* atomic */
    PyObject *list;
    PyObject *got;
};

static void *
peer_main(void *p)
{
    struct peer *r = p;
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
        }
        else if (cmd == 2) {
            r->got = PyList_GetItemRef(r->list, 0);
        }
        else {
            _PyThreadState_DeleteCurrent(r->t);
            _Py_atomic_add_int(&r->acked, 1);
            return NULL;
        }
        _Py_atomic_add_int(&r->acked, 1);
    }
}

static void
peer_do(struct peer *r, int cmd)
{
    int before = _Py_atomic_load_int(&r->acked);
    _Py_atomic_store_int(&r->cmd, cmd);
    while (_Py_atomic_load_int(&r->acked) == before) {
        sched_yield();
    }
}

static void
peer_start(struct peer *r)
{
    memset(r, 0, sizeof(*r));
    pthread_create(&r->th, NULL, peer_main, r);
    while (_Py_atomic_load_int(&r->acked) == 0) {
        sched_yield();
    }
}

Test(lockfree, delayed_decref_waits_for_other_threads)
{
    PyThreadState *t = _PyThreadState_GET();
    struct peer r;
    peer_start(&r);
    PyObject *f = PyFloat_FromDouble(7.0);
    Py_INCREF(f);
    Py_ssize_t before = Py_REFCNT(f);
    _PyObject_XDecRefDelayed(f);
    _PyMem_ProcessDelayed(t);
    cr_assert_eq(Py_REFCNT(f), before, "released before the peer's quiescent state");
    peer_do(&r, 1);
    _PyMem_ProcessDelayed(t);
    cr_assert_eq(Py_REFCNT(f), before - 1);
    Py_DECREF(f);
    peer_do(&r, 3);
    pthread_join(r.th, NULL);
}

Test(lockfree, reader_marks_list_shared_and_writer_delays)
{
    PyThreadState *t = _PyThreadState_GET();
    struct peer r;
    peer_start(&r);
    PyObject *old = PyFloat_FromDouble(1.5);
    r.list = PyList_New(1);
    PyList_SET_ITEM(r.list, 0, Py_NewRef(old));
    cr_assert_not(_PyObject_GC_IS_SHARED(r.list), "only its owner has used it");

    /* The owner replacing an item of an unshared list releases it now. */
    Py_ssize_t held = Py_REFCNT(old);
    cr_assert_eq(PyList_SetItem(r.list, 0, PyFloat_FromDouble(9.0)), 0);
    cr_assert_eq(Py_REFCNT(old), held - 1);
    cr_assert_eq(PyList_SetItem(r.list, 0, Py_NewRef(old)), 0);

    peer_do(&r, 2);   /* the peer reads list[0]: marks it shared */
    cr_assert(_PyObject_GC_IS_SHARED(r.list));
    cr_assert_eq(r.got, old);
    Py_DECREF(r.got);

    /* Now a replaced item survives until the peer reports. */
    held = Py_REFCNT(old);
    cr_assert_eq(PyList_SetItem(r.list, 0, PyFloat_FromDouble(3.0)), 0);
    _PyMem_ProcessDelayed(t);
    cr_assert_eq(Py_REFCNT(old), held, "released while the peer may read it");
    peer_do(&r, 1);
    _PyMem_ProcessDelayed(t);
    cr_assert_eq(Py_REFCNT(old), held - 1);

    /* pop hands the caller its own reference; the list's goes later. */
    PyObject *popped = PyObject_CallMethod(r.list, "pop", NULL);
    cr_assert_not_null(popped);
    cr_assert(PyFloat_Check(popped));
    cr_assert_eq(PyFloat_AS_DOUBLE(popped), 3.0);
    Py_DECREF(popped);
    cr_assert_eq(PyList_GET_SIZE(r.list), 0);

    peer_do(&r, 3);
    pthread_join(r.th, NULL);
    Py_DECREF(r.list);
    Py_DECREF(old);
}

#endif /* Py_GIL_DISABLED */

/* ---- hammering: readers without locks, writers with fresh objects ----- */

#define HAMMER_SLOTS 64
#define HAMMER_ROUNDS 3000

struct hammer {
    PyObject *list;        /* HAMMER_SLOTS floats; slot i holds i + k*1000 */
    PyObject *dict;        /* "s<i>" -> the same kind of float */
    PyObject *keys[HAMMER_SLOTS];
    int writers_left;      /* atomic */
    int bad;               /* atomic: reads that saw something impossible */
    Py_ssize_t reads;      /* atomic */
};

static struct hammer H;

/* Let the other threads in: detaching is also a quiescent point.  With a
 * GIL, a short sleep makes sure a waiting thread gets it. */
static void
let_others_run(void)
{
#ifdef Py_GIL_DISABLED
    PyThreadState *save = PyEval_SaveThread();
    sched_yield();
    PyEval_RestoreThread(save);
#else
    th_sleep_ms(1);
#endif
}

static int
value_ok(PyObject *v, int slot)
{
    if (v == NULL || !PyFloat_Check(v)) {
        return 0;
    }
    long x = (long)PyFloat_AS_DOUBLE(v);
    return x % 1000 == slot;
}

static void
hammer_reader(void *arg)
{
    PyThreadState *t = _PyThreadState_GET();
    Py_ssize_t n = 0;
    while (_Py_atomic_load_int(&H.writers_left) > 0) {
        for (int i = 0; i < HAMMER_SLOTS; i++) {
            PyObject *v = PyList_GetItemRef(H.list, i);
            if (!value_ok(v, i)) {
                _Py_atomic_add_int(&H.bad, 1);
            }
            Py_XDECREF(v);
            PyObject *w = NULL;
            if (PyDict_GetItemRef(H.dict, H.keys[i], &w) != 1 || !value_ok(w, i)) {
                _Py_atomic_add_int(&H.bad, 1);
            }
            Py_XDECREF(w);
            if (PyDict_Contains(H.dict, H.keys[i]) != 1) {
                _Py_atomic_add_int(&H.bad, 1);
            }
            n++;
        }
        /* A quiescent point, as the eval breaker would give. */
        _PyMem_ProcessDelayed(t);
        let_others_run();
    }
    _Py_atomic_add_ssize(&H.reads, n);
}

static void
hammer_writer(void *arg)
{
    PyThreadState *t = _PyThreadState_GET();
    long k = (long)(intptr_t)arg;
    char extra[32];
    for (int r = 0; r < HAMMER_ROUNDS; r++) {
        int i = (int)((r * 7 + k * 13) % HAMMER_SLOTS);
        double v = (double)(i + 1000 * (r + 1));
        if (PyList_SetItem(H.list, i, PyFloat_FromDouble(v)) < 0) {
            _Py_atomic_add_int(&H.bad, 1);
        }
        PyObject *f = PyFloat_FromDouble(v);
        if (PyDict_SetItem(H.dict, H.keys[i], f) < 0) {
            _Py_atomic_add_int(&H.bad, 1);
        }
        Py_DECREF(f);
        /* Keys of our own come and go, so the table resizes under the
         * readers. */
        snprintf(extra, sizeof(extra), "w%ld_%d", k, r % 50);
        PyObject *ek = PyUnicode_FromString(extra);
        if (r % 100 < 50) {
            PyDict_SetItem(H.dict, ek, Py_None);
        }
        else if (PyDict_DelItem(H.dict, ek) < 0) {
            _Py_atomic_add_int(&H.bad, 1);
            PyErr_Clear();
        }
        Py_DECREF(ek);
        if (r % 64 == 0) {
            _PyMem_ProcessDelayed(t);
            let_others_run();
        }
    }
    _Py_atomic_add_int(&H.writers_left, -1);
}

Test(lockfree, readers_and_writers_hammer_one_list_and_dict)
{
    H.list = PyList_New(HAMMER_SLOTS);
    H.dict = PyDict_New();
    for (int i = 0; i < HAMMER_SLOTS; i++) {
        char name[16];
        snprintf(name, sizeof(name), "s%d", i);
        H.keys[i] = PyUnicode_FromString(name);
        PyList_SET_ITEM(H.list, i, PyFloat_FromDouble((double)i));
        PyObject *f = PyFloat_FromDouble((double)i);
        PyDict_SetItem(H.dict, H.keys[i], f);
        Py_DECREF(f);
    }
    enum { NREADERS = 3, NWRITERS = 3 };
    H.writers_left = NWRITERS;
    pthread_t th[NREADERS + NWRITERS];
    for (int i = 0; i < NREADERS; i++) {
        th[i] = th_start(hammer_reader, NULL);
    }
    for (int i = 0; i < NWRITERS; i++) {
        th[NREADERS + i] = th_start(hammer_writer, (void *)(intptr_t)(i + 1));
    }
    for (int i = 0; i < NREADERS + NWRITERS; i++) {
        th_join(th[i]);
    }
    cr_assert_eq(_Py_atomic_load_int(&H.bad), 0, "%d impossible reads", H.bad);
    cr_assert_gt(_Py_atomic_load_ssize(&H.reads), 0);
    /* Every slot holds a value of its own slot; every writer's extra keys
     * were added 50 times and removed 50 times, so only the slots remain
     * (HAMMER_ROUNDS is a multiple of 100). */
    cr_assert_eq(PyDict_Size(H.dict), HAMMER_SLOTS);
    for (int i = 0; i < HAMMER_SLOTS; i++) {
        cr_assert(value_ok(PyList_GET_ITEM(H.list, i), i));
        PyObject *w = NULL;
        cr_assert_eq(PyDict_GetItemRef(H.dict, H.keys[i], &w), 1);
        cr_assert(value_ok(w, i));
        Py_DECREF(w);
    }
    Py_DECREF(H.list);
    Py_DECREF(H.dict);
}
