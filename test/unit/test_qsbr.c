/* test_qsbr.c: quiescent-state based reclamation (Python/qsbr.c): memory
 * retired by a writer is not released while an attached reader has not
 * passed a quiescent point, is released after, and a detached thread never
 * holds reclamation back.  Also slot reservation and growth. */
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
#include "pycore_qsbr.h"

#ifdef Py_GIL_DISABLED

/* A reader thread with its own attached thread state, driven by commands so
 * the test decides exactly when it passes a quiescent point. */
enum { CMD_NONE, CMD_READ, CMD_QUIESCENT, CMD_DETACH, CMD_ATTACH, CMD_EXIT };

struct item {
    uint64_t magic;
};
#define MAGIC 0x5EED5EED5EED5EEDULL

struct reader {
    pthread_t th;
    PyThreadState *t;
    struct item **slot;         /* shared slot the reader loads from */
    struct item *held;          /* what it loaded, kept until quiescent */
    uint64_t seen;              /* magic read through `held` */
    int cmd;                    /* atomic */
    int acked;                  /* atomic */
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
        if (cmd == CMD_NONE) {
            sched_yield();
            continue;
        }
        _Py_atomic_store_int(&r->cmd, CMD_NONE);
        switch (cmd) {
        case CMD_READ:
            r->held = _Py_atomic_load_ptr_acquire(r->slot);
            r->seen = r->held->magic;
            break;
        case CMD_QUIESCENT:
            /* Check the memory is intact before giving it up. */
            if (r->held) {
                r->seen = r->held->magic;
                r->held = NULL;
            }
            _Py_qsbr_quiescent_state(r->t->qsbr);
            break;
        case CMD_DETACH:
            _PyThreadState_Detach(r->t);
            break;
        case CMD_ATTACH:
            _PyThreadState_Attach(r->t);
            break;
        case CMD_EXIT:
            _PyThreadState_DeleteCurrent(r->t);
            _Py_atomic_add_int(&r->acked, 1);
            return NULL;
        }
        _Py_atomic_add_int(&r->acked, 1);
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
reader_start(struct reader *r, struct item **slot)
{
    memset(r, 0, sizeof(*r));
    r->slot = slot;
    pthread_create(&r->th, NULL, reader_main, r);
    while (_Py_atomic_load_int(&r->acked) == 0) {
        sched_yield();
    }
}

static void
reader_stop(struct reader *r)
{
    reader_do(r, CMD_EXIT);
    pthread_join(r->th, NULL);
}

static struct item *
new_item(void)
{
    struct item *it = PyMem_Malloc(sizeof(*it));
    it->magic = MAGIC;
    return it;
}

Test(qsbr, reader_holds_back_reclamation)
{
    cr_assert_eq(_PyRuntime_Initialize(WEFT_TEST_GIL), 0);
    PyThreadState *w = _PyThreadState_GET();
    struct item *slot = new_item();
    struct reader r;
    reader_start(&r, &slot);

    reader_do(&r, CMD_READ);           /* reader now holds the old item */
    cr_assert_eq(r.seen, MAGIC);

    /* Writer replaces the item and retires the old one. */
    struct item *old = slot;
    _Py_atomic_store_ptr_release(&slot, new_item());
    uint64_t goal = _Py_qsbr_advance(w->qsbr->shared);
    _PyMem_FreeDelayed(old);
    cr_assert_eq(_PyMem_DelayedPendingCount(w), 1);

    /* The writer itself passes quiescent points; the reader does not. */
    for (int i = 0; i < 5; i++) {
        _Py_qsbr_quiescent_state(w->qsbr);
        cr_assert_not(_Py_qsbr_poll(w->qsbr, goal));
        _PyMem_ProcessDelayed(w);
        cr_assert_eq(_PyMem_DelayedPendingCount(w), 1, "freed under a reader");
    }

    reader_do(&r, CMD_QUIESCENT);      /* re-reads the old item, then lets go */
    cr_assert_eq(r.seen, MAGIC, "the old item stayed intact while held");
    cr_assert(_Py_qsbr_poll(w->qsbr, goal));
    cr_assert(_Py_qsbr_goal_reached(w->qsbr, goal), "the minimum is cached");
    _PyMem_ProcessDelayed(w);
    cr_assert_eq(_PyMem_DelayedPendingCount(w), 0);

    reader_stop(&r);
    PyMem_Free(slot);
}

Test(qsbr, detached_thread_does_not_hold_back)
{
    cr_assert_eq(_PyRuntime_Initialize(WEFT_TEST_GIL), 0);
    PyThreadState *w = _PyThreadState_GET();
    struct item *slot = new_item();
    struct reader r1, r2;
    reader_start(&r1, &slot);
    reader_start(&r2, &slot);

    /* r1 detaches for good (a blocking call); r2 stays attached. */
    reader_do(&r1, CMD_DETACH);
    uint64_t goal = _Py_qsbr_advance(w->qsbr->shared);
    _Py_qsbr_quiescent_state(w->qsbr);
    cr_assert_not(_Py_qsbr_poll(w->qsbr, goal), "r2 is attached and behind");
    reader_do(&r2, CMD_QUIESCENT);
    cr_assert(_Py_qsbr_poll(w->qsbr, goal), "detached r1 must not count");

    /* Detaching releases what an attached thread was holding back. */
    goal = _Py_qsbr_advance(w->qsbr->shared);
    _Py_qsbr_quiescent_state(w->qsbr);
    cr_assert_not(_Py_qsbr_poll(w->qsbr, goal));
    reader_do(&r2, CMD_DETACH);
    cr_assert(_Py_qsbr_poll(w->qsbr, goal));

    /* Re-attaching starts from the current sequence, not an old one. */
    reader_do(&r1, CMD_ATTACH);
    cr_assert(_Py_qsbr_poll(w->qsbr, goal));
    goal = _Py_qsbr_advance(w->qsbr->shared);
    _Py_qsbr_quiescent_state(w->qsbr);
    cr_assert_not(_Py_qsbr_poll(w->qsbr, goal));

    reader_do(&r2, CMD_ATTACH);
    reader_stop(&r1);
    reader_stop(&r2);
    cr_assert(_Py_qsbr_poll(w->qsbr, goal), "exited threads hold nothing back");
    PyMem_Free(slot);
}

/* Many thread states at once: the slot table grows while other threads are
 * attached and reporting, and every reader is still seen after the growth. */
#define MANY 40

struct grower {
    PyThreadState *t;
    int go;        /* atomic */
    int ready;     /* atomic */
    int report;    /* atomic: report a quiescent state when set */
};

static void *
grower_main(void *p)
{
    struct grower *g = p;
    g->t = _PyThreadState_New(_PyInterpreterState_GET());
    _PyThreadState_Bind(g->t);
    _PyThreadState_Attach(g->t);
    _Py_atomic_store_int(&g->ready, 1);
    while (!_Py_atomic_load_int(&g->go)) {
        if (_Py_atomic_exchange_int(&g->report, 0)) {
            _Py_qsbr_quiescent_state(g->t->qsbr);
            _Py_atomic_store_int(&g->ready, 2);
        }
        sched_yield();
    }
    _PyThreadState_DeleteCurrent(g->t);
    return NULL;
}

Test(qsbr, slot_table_grows)
{
    cr_assert_eq(_PyRuntime_Initialize(WEFT_TEST_GIL), 0);
    PyThreadState *w = _PyThreadState_GET();
    static struct grower g[MANY];
    pthread_t th[MANY];
    for (int i = 0; i < MANY; i++) {
        pthread_create(&th[i], NULL, grower_main, &g[i]);
        while (!_Py_atomic_load_int(&g[i].ready)) {
            sched_yield();
        }
    }
    /* Distinct slots for distinct threads. */
    for (int i = 0; i < MANY; i++) {
        for (int j = i + 1; j < MANY; j++) {
            cr_assert_neq(g[i].t->qsbr, g[j].t->qsbr);
        }
    }
    uint64_t goal = _Py_qsbr_advance(w->qsbr->shared);
    _Py_qsbr_quiescent_state(w->qsbr);
    for (int i = 0; i < MANY; i++) {
        cr_assert_not(_Py_qsbr_poll(w->qsbr, goal), "thread %d not yet reported", i);
        _Py_atomic_store_int(&g[i].report, 1);
        while (_Py_atomic_load_int(&g[i].ready) != 2) {
            sched_yield();
        }
    }
    cr_assert(_Py_qsbr_poll(w->qsbr, goal));
    for (int i = 0; i < MANY; i++) {
        _Py_atomic_store_int(&g[i].go, 1);
        pthread_join(th[i], NULL);
    }
    /* Freed slots are reused. */
    struct _qsbr_thread_state *s = _Py_qsbr_reserve(&_PyInterpreterState_GET()->qsbr, NULL);
    cr_assert_not_null(s);
    cr_assert_eq(s->allocated, 1);
    _Py_qsbr_unregister(s);
}

#endif /* Py_GIL_DISABLED */

/* Both builds: the sequence arithmetic itself. */
Test(qsbr, sequence_basics)
{
    struct _qsbr_shared shared;
    memset(&shared, 0, sizeof(shared));
    struct _qsbr_thread_state *a = _Py_qsbr_reserve(&shared, NULL);
    struct _qsbr_thread_state *b = _Py_qsbr_reserve(&shared, NULL);
    cr_assert(a && b && a != b);
    cr_assert_eq(_Py_qsbr_shared_current(&shared), QSBR_INITIAL);
    cr_assert_eq(a->seq, QSBR_OFFLINE, "a fresh slot is offline");

    _Py_qsbr_attach(a);
    _Py_qsbr_attach(b);
    cr_assert_eq(a->seq, QSBR_INITIAL);
    uint64_t goal = _Py_qsbr_advance(&shared);
    cr_assert_eq(goal, QSBR_INITIAL + QSBR_INCR);
    cr_assert_not(_Py_qsbr_poll(a, goal));
    _Py_qsbr_quiescent_state(a);
    cr_assert_not(_Py_qsbr_poll(a, goal));
    _Py_qsbr_quiescent_state(b);
    cr_assert(_Py_qsbr_poll(a, goal));

    /* Deferred goals lie at most one step ahead, and are reached once the
     * sequence has been advanced and reported. */
    uint64_t g2 = _Py_qsbr_deferred_advance(a);
    cr_assert_eq(g2, goal + QSBR_INCR);
    cr_assert_not(_Py_qsbr_poll(a, g2));
    _Py_qsbr_advance(&shared);
    _Py_qsbr_quiescent_state(a);
    _Py_qsbr_detach(b);
    cr_assert(_Py_qsbr_poll(a, g2));

    /* Every tenth deferral advances the sequence itself. */
    uint64_t before = _Py_qsbr_shared_current(&shared);
    for (int i = 0; i < 10; i++) {
        _Py_qsbr_deferred_advance(a);
    }
    cr_assert_gt(_Py_qsbr_shared_current(&shared), before);

    _Py_qsbr_unregister(a);
    _Py_qsbr_unregister(b);
    _Py_qsbr_fini(&shared);
}
