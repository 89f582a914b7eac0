/* test_refcount_foreign.c: foreign objects (Objects/refcount.c), the
 * free-threaded build's answer to threads reading the same objects out of
 * a shared container.  A lock-free read by a thread that does not own the
 * object marks it _Py_REF_FOREIGN and counts it in the reader's table
 * (the shared count is not touched); such an object is never freed by a
 * decrement, only by the collector, which folds every table back in with
 * the world stopped; a thread's table goes back when it exits; objects
 * nobody else read keep exact frees. */
#include "weft_test.h"
#include "thread_helpers.h"
#include "pycore_gc.h"
#include "pycore_lockfree.h"

TestSuite(refcount_foreign, .init = weft_setup);

#ifdef Py_GIL_DISABLED
#include <pthread.h>

/* A non-GC object that counts its deallocs and keeps its memory, so a
 * premature or double free is seen, not a crash. */
typedef struct {
    PyObject_HEAD
    int frees;
} Counted;

static void
counted_dealloc(PyObject *op)
{
    _Py_atomic_add_int(&((Counted *)op)->frees, 1);
}

static PyTypeObject Counted_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "test_refcount_foreign.Counted",
    .tp_basicsize = sizeof(Counted),
    .tp_dealloc = counted_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
};

static Counted *
new_counted(void)
{
    Counted *op = PyMem_RawCalloc(1, sizeof(Counted));
    cr_assert_not_null(op);
    Py_SET_TYPE(op, &Counted_Type);
    _Py_NewReference_Count((PyObject *)op);
    return op;
}

static int
frees(Counted *op)
{
    return _Py_atomic_load_int(&op->frees);
}

static void
collect(void)
{
    _PyGC_Collect(_PyThreadState_GET(), 2, "manual");
}


/* A lock-free container read of the object in `slot`. */
static PyObject *
read_slot(PyObject **slot)
{
    PyObject *op = *slot;
    cr_assert(_Py_IncrefCompareAlive(slot, op));
    return op;
}

static void
reads_and_drops(PyObject *op)
{
    PyObject *slot = op;
    PyObject *a = read_slot(&slot);
    cr_assert(op->ob_ref_shared & _Py_REF_FOREIGN, "marked at the first read");
    Py_ssize_t shared = op->ob_ref_shared;
    PyObject *b = read_slot(&slot);
    Py_INCREF(a);
    cr_assert_eq(op->ob_ref_shared, shared, "counted in the reader's table only");
    /* The owner's 1 plus the reader's 3, seen from the reader. */
    cr_assert_eq(Py_REFCNT(op), 4);
    Py_DECREF(a);
    Py_DECREF(a);
    Py_DECREF(b);
    cr_assert_eq(op->ob_ref_shared, shared);
    cr_assert_eq(Py_REFCNT(op), 1);
}

Test(refcount_foreign, reads_count_in_the_thread_table)
{
    Counted *c = new_counted();
    PyObject *op = (PyObject *)c;
    on_other_thread(reads_and_drops, op);
    cr_assert_eq(op->ob_ref_shared >> _Py_REF_SHARED_SHIFT, 0, "balanced at exit");
    cr_assert_eq(Py_REFCNT(op), 1);
    cr_assert_eq(frees(c), 0);
    /* Foreign: even the owner's last decref does not free it ... */
    Py_DECREF(op);
    cr_assert_eq(frees(c), 0, "a foreign object waits for the collector");
    /* ... the collector does, once. */
    collect();
    cr_assert_eq(frees(c), 1);
    collect();
    cr_assert_eq(frees(c), 1);
    PyMem_RawFree(c);
}

/* A reference read by another thread and kept when it exits. */
static PyObject *kept;

static void
read_and_keep(PyObject *op)
{
    PyObject *slot = op;
    kept = read_slot(&slot);
}

static void
drop_kept(PyObject *op)
{
    (void)op;
    Py_DECREF(kept);
}

Test(refcount_foreign, exit_hands_counts_back_and_collector_frees)
{
    Counted *c = new_counted();
    PyObject *op = (PyObject *)c;
    on_other_thread(read_and_keep, op);
    cr_assert_eq(op->ob_ref_shared,
                 _Py_REF_SHARED(1, 0) | _Py_REF_FOREIGN, "the exiting reader's count");
    Py_DECREF(op);                       /* the owner's: merged, count 1 */
    collect();
    cr_assert_eq(frees(c), 0, "still referenced");
    cr_assert_eq(Py_REFCNT(op), 1);
    /* Untracked and in no table: the collector cannot find its stale flag,
     * so the last decref (another thread's table) leaves the free to the
     * next settle, which finds it dead. */
    on_other_thread(drop_kept, op);
    cr_assert_eq(frees(c), 0, "a settle decides");
    collect();
    cr_assert_eq(frees(c), 1, "freed by the settle");
    PyMem_RawFree(c);
}

/* A reader thread that stays alive (blocked) while the object dies. */
static int phase;  /* atomic */

static void *
blocked_reader(void *p)
{
    PyObject *op = p;
    PyThreadState *t = _PyThreadState_New(_PyInterpreterState_GET());
    _PyThreadState_Bind(t);
    _PyThreadState_Attach(t);
    PyObject *slot = op;
    PyObject *a = read_slot(&slot);
    Py_DECREF(a);                        /* table delta 0, entry kept */
    PyObject *b = read_slot(&slot);      /* +1, then given to the owner */
    kept = b;
    _Py_atomic_store_int(&phase, 1);
    _PyThreadState_Detach(t);
    while (_Py_atomic_load_int(&phase) != 2) {
        sched_yield();
    }
    _PyThreadState_Attach(t);
    _PyThreadState_DeleteCurrent(t);
    return NULL;
}

Test(refcount_foreign, live_reader_tables_folded_by_collector, .timeout = 60)
{
    Counted *c = new_counted();
    PyObject *op = (PyObject *)c;
    pthread_t th;
    kept = NULL;
    PyThreadState *me = _PyThreadState_GET();
    _PyThreadState_Detach(me);
    pthread_create(&th, NULL, blocked_reader, op);
    while (_Py_atomic_load_int(&phase) != 1) {
        sched_yield();
    }
    _PyThreadState_Attach(me);
    /* The reference the reader counted (+1 in its table) is dropped here,
     * by the owner, a thread whose table does not know it. */
    Py_DECREF(kept);
    Py_DECREF(op);
    cr_assert_eq(frees(c), 0);
    collect();                            /* reader still alive, blocked */
    cr_assert_eq(frees(c), 1, "freed by the collection");
    _Py_atomic_store_int(&phase, 2);
    _PyThreadState_Detach(me);
    pthread_join(th, NULL);
    _PyThreadState_Attach(me);
    cr_assert_eq(frees(c), 1, "and only once");
    PyMem_RawFree(c);
}

Test(refcount_foreign, owner_reads_stay_exact)
{
    Counted *c = new_counted();
    PyObject *op = (PyObject *)c;
    PyObject *slot = op;
    PyObject *a = read_slot(&slot);
    cr_assert_not(op->ob_ref_shared & _Py_REF_FOREIGN);
    cr_assert_eq(op->ob_ref_local, 2);
    Py_DECREF(a);
    Py_DECREF(op);
    cr_assert_eq(frees(c), 1, "freed at once by its owner");
    PyMem_RawFree(c);
}

#endif /* Py_GIL_DISABLED */
