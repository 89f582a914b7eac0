/* test_refcount_deferred.c: deferred reference counting (Include/refcount.h,
 * Objects/refcount.c, the merge in Python/gc.c).  Free-threaded build: a
 * deferred object is counted in per-thread arrays, never freed by a decref,
 * exact once the collector merges the arrays, kept alive by a count held
 * only in another running thread, reclaimed by the collector when
 * unreachable, and its slot is reused.  Default build: deferral changes
 * nothing (ordinary counting frees at once). */
#include "weft_test.h"
#include "thread_helpers.h"
#include "pycore_gc.h"

typedef struct {
    PyObject_HEAD
    PyObject *slot;
} DNode;

static int dnode_deallocs;  /* atomic */

static int
dnode_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((DNode *)self)->slot);
    return 0;
}

static int
dnode_clear(PyObject *self)
{
    Py_CLEAR(((DNode *)self)->slot);
    return 0;
}

static void
dnode_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    dnode_clear(self);
    _Py_atomic_add_int(&dnode_deallocs, 1);
    PyObject_GC_Del(self);
}

static PyTypeObject DNode_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "test_refcount_deferred.DNode",
    .tp_basicsize = sizeof(DNode),
    .tp_dealloc = dnode_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = dnode_traverse,
    .tp_clear = dnode_clear,
};

static PyObject *
new_deferred(PyObject *slot)
{
    DNode *n = PyObject_GC_New(DNode, &DNode_Type);
    cr_assert(n != NULL);
    n->slot = Py_XNewRef(slot);
    PyObject_GC_Track(n);
    _PyObject_SetDeferredRefcount((PyObject *)n);
    return (PyObject *)n;
}

static int
deallocs(void)
{
    return _Py_atomic_load_int(&dnode_deallocs);
}

static void
collect(void)
{
    _PyGC_Collect(_PyThreadState_GET(), 2, "manual");
}

static void
setup(void)
{
    weft_setup();
    cr_assert(PyType_Ready(&DNode_Type) == 0);
    collect();
    dnode_deallocs = 0;
}

TestSuite(refcount_deferred, .init = setup);

#ifdef Py_GIL_DISABLED

/* The true count: fold the arrays in first (only this thread runs). */
static Py_ssize_t
true_refcnt(PyObject *op)
{
    _Py_MergeThreadRefcounts(_PyInterpreterState_GET());
    return Py_REFCNT(op);
}

Test(refcount_deferred, counts_go_to_the_thread_array)
{
    PyObject *op = new_deferred(NULL);
    cr_assert(_PyObject_HasDeferredRefcount(op));
    cr_assert_eq(op->ob_tid, 0, "a deferred object has no owner");
    Py_ssize_t shared_before = op->ob_ref_shared;
    for (int i = 0; i < 3; i++) {
        Py_INCREF(op);
    }
    cr_assert_eq(op->ob_ref_shared, shared_before, "increfs leave the shared word alone");
    cr_assert_eq(true_refcnt(op), 4);
    for (int i = 0; i < 3; i++) {
        Py_DECREF(op);
    }
    cr_assert_eq(true_refcnt(op), 1);
    Py_DECREF(op);
    cr_assert_eq(deallocs(), 0, "a decref never frees a deferred object");
    collect();
    cr_assert_eq(deallocs(), 1, "the collector frees it");
}

Test(refcount_deferred, reachable_deferred_objects_survive)
{
    PyObject *inner = new_deferred(NULL);
    PyObject *outer = new_deferred(inner);
    Py_DECREF(inner);    /* held by outer only */
    collect();
    cr_assert_eq(deallocs(), 0);
    cr_assert(_PyObject_HasDeferredRefcount(inner), "survivors stay deferred");
    Py_DECREF(outer);
    collect();
    cr_assert_eq(deallocs(), 2);
}

Test(refcount_deferred, cycles_of_deferred_objects_are_freed)
{
    PyObject *a = new_deferred(NULL);
    PyObject *b = new_deferred(a);
    ((DNode *)a)->slot = Py_NewRef(b);
    Py_DECREF(a);
    Py_DECREF(b);
    collect();
    cr_assert_eq(deallocs(), 2);
}

/* Another thread takes a reference and holds it while the creator drops
 * its own: the collection in between must see the other thread's count. */
static PyObject *held_obj;
static int hold_phase;  /* atomic: 1 taken, 2 may drop, 3 dropped */

static void
holder_body(void *arg)
{
    Py_INCREF(held_obj);
    _Py_atomic_store_int(&hold_phase, 1);
    PyThreadState *t = PyEval_SaveThread();
    while (_Py_atomic_load_int(&hold_phase) < 2) {
        sched_yield();
    }
    PyEval_RestoreThread(t);
    Py_DECREF(held_obj);
    _Py_atomic_store_int(&hold_phase, 3);
}

Test(refcount_deferred, count_held_by_another_thread_keeps_it_alive, .timeout = 60)
{
    held_obj = new_deferred(NULL);
    hold_phase = 0;
    pthread_t th = th_start(holder_body, NULL);
    PyThreadState *t = PyEval_SaveThread();
    while (_Py_atomic_load_int(&hold_phase) < 1) {
        sched_yield();
    }
    PyEval_RestoreThread(t);
    Py_DECREF(held_obj);   /* only the other thread's count is left */
    collect();
    cr_assert_eq(deallocs(), 0, "kept alive by the other thread's count");
    _Py_atomic_store_int(&hold_phase, 2);
    th_join(th);
    cr_assert_eq(hold_phase, 3);
    collect();
    cr_assert_eq(deallocs(), 1);
}

/* Threads that exit hand their counts back to the objects. */
#define NTHREADS 4
#define NREFS 10000
static PyObject *shared_deferred;

static void
taker_body(void *arg)
{
    for (int i = 0; i < NREFS; i++) {
        Py_INCREF(shared_deferred);
    }
    /* Take and give back many more: net zero. */
    for (int i = 0; i < 100000; i++) {
        Py_INCREF(shared_deferred);
        Py_DECREF(shared_deferred);
    }
}

Test(refcount_deferred, exit_merges_thread_counts, .timeout = 120)
{
    shared_deferred = new_deferred(NULL);
    pthread_t th[NTHREADS];
    for (int i = 0; i < NTHREADS; i++) {
        th[i] = th_start(taker_body, NULL);
    }
    for (int i = 0; i < NTHREADS; i++) {
        th_join(th[i]);
    }
    /* The threads are gone: their counts are in the object already. */
    cr_assert_eq(Py_REFCNT(shared_deferred), 1 + NTHREADS * NREFS);
    for (int i = 0; i < NTHREADS * NREFS; i++) {
        Py_DECREF(shared_deferred);
    }
    cr_assert_eq(true_refcnt(shared_deferred), 1);
    collect();
    cr_assert_eq(deallocs(), 0);
    Py_DECREF(shared_deferred);
    collect();
    cr_assert_eq(deallocs(), 1);
}

/* Lock-free readers use try-incref: it succeeds on a deferred object and
 * counts in the reader's array. */
Test(refcount_deferred, try_incref_counts)
{
    PyObject *op = new_deferred(NULL);
    PyObject *slot = op;
    cr_assert(_Py_TryIncref(op));
    cr_assert(_Py_TryIncrefCompare(&slot, op));
    cr_assert_eq(true_refcnt(op), 3);
    Py_DECREF(op);
    Py_DECREF(op);
    Py_DECREF(op);
    collect();
    cr_assert_eq(deallocs(), 1);
}

/* Slots of freed objects are handed out again: the table does not grow
 * with the number of objects ever deferred. */
Test(refcount_deferred, slots_are_reused)
{
    /* Slot numbers start wherever start-up left the table (the runtime's
     * own descriptors and functions hold slots): count distinct slots. */
    enum { ROUNDS = 20, PER_ROUND = 50 };
    static uint32_t seen[ROUNDS * PER_ROUND];
    int distinct = 0;
    for (int round = 0; round < ROUNDS; round++) {
        PyObject *objs[PER_ROUND];
        for (int i = 0; i < PER_ROUND; i++) {
            objs[i] = new_deferred(NULL);
            uint32_t s = objs[i]->ob_ref_local;
            int j = 0;
            while (j < distinct && seen[j] != s) {
                j++;
            }
            if (j == distinct) {
                seen[distinct++] = s;
            }
        }
        for (int i = 0; i < PER_ROUND; i++) {
            Py_DECREF(objs[i]);
        }
        collect();
    }
    cr_assert_eq(deallocs(), ROUNDS * PER_ROUND);
    cr_assert_lt(distinct, 4 * PER_ROUND, "%d distinct slots: freed slots were not reused",
                 distinct);
}

/* Only tracked objects may be deferred: the collector must see them. */
Test(refcount_deferred, untracked_objects_stay_ordinary)
{
    DNode *n = PyObject_GC_New(DNode, &DNode_Type);
    n->slot = NULL;
    _PyObject_SetDeferredRefcount((PyObject *)n);
    cr_assert(!_PyObject_HasDeferredRefcount((PyObject *)n));
    Py_DECREF(n);
    cr_assert_eq(deallocs(), 1);
}

#else /* default build */

Test(refcount_deferred, deferral_is_a_no_op)
{
    PyObject *op = new_deferred(NULL);
    cr_assert(!_PyObject_HasDeferredRefcount(op));
    Py_INCREF(op);
    cr_assert_eq(Py_REFCNT(op), 2);
    Py_DECREF(op);
    Py_DECREF(op);
    cr_assert_eq(deallocs(), 1, "freed by the last decref");
}

#endif
