/* test_refcount.c: reference counting (Include/refcount.h, Objects/refcount.c,
 * Python/brc.c): exact counts under contention, objects freed exactly once
 * whoever drops the last reference, immortal objects, the biased-refcount
 * merge queue, and try-incref. */
#include <criterion/criterion.h>
#include <pthread.h>
#include "Python.h"
#include "pycore_pystate.h"
#include "pycore_gc.h"

/* The GIL on in the default build, off in the free-threaded one. */
#ifdef Py_GIL_DISABLED
#  define WEFT_TEST_GIL 0
#else
#  define WEFT_TEST_GIL 1
#endif

/* Test objects: tp_dealloc only counts, and the memory is released by the
 * test itself, so a second dealloc of the same object is seen rather than
 * being a use-after-free. */
typedef struct {
    PyObject_HEAD
    int frees;          /* atomic: deallocs of this object */
} CountedObject;

static int total_frees;  /* atomic */

static void
counted_dealloc(PyObject *op)
{
    _Py_atomic_add_int(&((CountedObject *)op)->frees, 1);
    _Py_atomic_add_int(&total_frees, 1);
}

static PyTypeObject CountedType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "counted",
    .tp_basicsize = sizeof(CountedObject),
    .tp_dealloc = counted_dealloc,
};

static CountedObject *
new_counted(void)
{
    CountedObject *op = PyObject_Calloc(1, sizeof(CountedObject));
    cr_assert_not_null(op);
    Py_SET_TYPE(op, &CountedType);
    _Py_NewReference_Count((PyObject *)op);
    return op;
}

static int
frees_of(CountedObject *op)
{
    return _Py_atomic_load_int(&op->frees);
}

/* A worker thread with its own attached thread state. */
static PyThreadState *
worker_enter(void)
{
    PyThreadState *t = _PyThreadState_New(_PyInterpreterState_GET());
    cr_assert_not_null(t);
    _PyThreadState_Bind(t);
    _PyThreadState_Attach(t);
    return t;
}

static void
worker_leave(PyThreadState *t)
{
    _PyThreadState_DeleteCurrent(t);
}

static void
start_runtime(void)
{
    cr_assert_eq(_PyRuntime_Initialize(WEFT_TEST_GIL), 0);
}

/* ---- both builds -------------------------------------------------------- */

Test(refcount, single_thread_counts)
{
    start_runtime();
    CountedObject *op = new_counted();
    cr_assert_eq(Py_REFCNT(op), 1);
    for (int i = 0; i < 1000; i++) {
        Py_INCREF(op);
    }
    cr_assert_eq(Py_REFCNT(op), 1001);
    PyObject *ref = Py_NewRef(op);
    cr_assert_eq((void *)ref, (void *)op);
    Py_XDECREF(ref);
    Py_XDECREF(NULL);
    for (int i = 0; i < 1000; i++) {
        Py_DECREF(op);
    }
    cr_assert_eq(Py_REFCNT(op), 1);
    cr_assert_eq(frees_of(op), 0);
    PyObject *tmp = (PyObject *)op;
    Py_CLEAR(tmp);
    cr_assert_null(tmp);
    cr_assert_eq(frees_of(op), 1, "freed at zero, exactly once");
    PyObject_Free(op);
}

Test(refcount, immortal_objects_never_change)
{
    start_runtime();
    static CountedObject stat = { PyObject_HEAD_INIT(&CountedType) 0 };
    CountedObject *dyn = new_counted();
    _Py_SetImmortal((PyObject *)dyn);
    PyObject *objs[2] = { (PyObject *)&stat, (PyObject *)dyn };
    for (int k = 0; k < 2; k++) {
        PyObject *op = objs[k];
        cr_assert(_Py_IsImmortal(op));
        Py_ssize_t before = Py_REFCNT(op);
        PyObject saved = *op;
        for (int i = 0; i < 100000; i++) {
            Py_DECREF(op);
        }
        for (int i = 0; i < 3; i++) {
            Py_INCREF(op);
        }
        cr_assert_eq(Py_REFCNT(op), before);
        cr_assert_eq(memcmp(&saved, op, sizeof(PyObject)), 0, "header untouched");
        cr_assert(_Py_TryIncref(op));
    }
    cr_assert_eq(frees_of(&stat) + frees_of(dyn), 0);
    PyObject_Free(dyn);
}

/* 8 threads other than the creator each add and drop a million references
 * (half of them held at once), while the owner does the same locally. */
#define NWORKERS 8
#define NITER 1000000
#define HELD 1000

static CountedObject *shared_obj;
static int workers_done;  /* atomic */

static void *
hammer(void *arg)
{
    PyThreadState *t = worker_enter();
    PyObject *op = (PyObject *)shared_obj;
    for (int i = 0; i < NITER / HELD; i++) {
        /* Hold HELD references, then give them back, so the shared count
         * climbs well above zero and falls back. */
        for (int j = 0; j < HELD; j++) {
            Py_INCREF(op);
        }
        for (int j = 0; j < HELD; j++) {
            Py_DECREF(op);
        }
#ifndef Py_GIL_DISABLED
        /* Let the others have the GIL now and then. */
        if (i % 64 == 0) {
            _PyThreadState_Detach(t);
            _PyThreadState_Attach(t);
        }
#endif
    }
    _Py_atomic_add_int(&workers_done, 1);
    worker_leave(t);
    return arg;
}

Test(refcount, exact_counts_under_contention, .timeout = 120)
{
    start_runtime();
    PyThreadState *main_t = _PyThreadState_GET();
    shared_obj = new_counted();
    pthread_t th[NWORKERS];
    for (int i = 0; i < NWORKERS; i++) {
        cr_assert_eq(pthread_create(&th[i], NULL, hammer, NULL), 0);
    }
    /* Drop the GIL (default build) and let the workers run; the owner keeps
     * counting locally meanwhile in the free-threaded build. */
#ifdef Py_GIL_DISABLED
    PyObject *op = (PyObject *)shared_obj;
    while (_Py_atomic_load_int(&workers_done) < NWORKERS) {
        for (int j = 0; j < HELD; j++) {
            Py_INCREF(op);
        }
        for (int j = 0; j < HELD; j++) {
            Py_DECREF(op);
        }
    }
#endif
    _PyThreadState_Detach(main_t);
    for (int i = 0; i < NWORKERS; i++) {
        pthread_join(th[i], NULL);
    }
    _PyThreadState_Attach(main_t);
    cr_assert_eq(Py_REFCNT(shared_obj), 1, "count after 16M operations");
    cr_assert_eq(frees_of(shared_obj), 0);
    Py_DECREF(shared_obj);
#ifdef Py_GIL_DISABLED
    /* The workers counted it in their foreign tables (flagged): its last
     * decref leaves the free to a settle. */
    cr_assert_eq(frees_of(shared_obj), 0);
    _PyGC_SettleForeign(main_t);
#endif
    cr_assert_eq(frees_of(shared_obj), 1);
    PyObject_Free(shared_obj);
}

/* ---- free-threaded build: biased counting ----------------------------- */

#ifdef Py_GIL_DISABLED

#define NOBJS 20000

static CountedObject **objs;
static PyThreadState *owner_t;

/* Drop one reference to each object (given by the owner, counted locally). */
static void *
drop_all(void *arg)
{
    PyThreadState *t = worker_enter();
    for (int i = 0; i < NOBJS; i++) {
        Py_DECREF(objs[i]);
    }
    worker_leave(t);
    return arg;
}

Test(refcount, last_reference_dropped_by_non_owner)
{
    start_runtime();
    owner_t = _PyThreadState_GET();
    _Py_atomic_store_int(&total_frees, 0);
    objs = PyMem_RawCalloc(NOBJS, sizeof(*objs));
    for (int i = 0; i < NOBJS; i++) {
        objs[i] = new_counted();
    }
    pthread_t th;
    pthread_create(&th, NULL, drop_all, NULL);
    pthread_join(th, NULL);
    /* The owner still counts them locally: queued, not freed. */
    cr_assert_eq(_Py_atomic_load_int(&total_frees), 0);
    cr_assert(_Py_eval_breaker_bit_is_set(owner_t, _PY_EVAL_EXPLICIT_MERGE_BIT));
    for (int i = 0; i < NOBJS; i++) {
        cr_assert_eq(objs[i]->ob_base.ob_ref_shared & _Py_REF_SHARED_FLAG_MASK,
                     _Py_REF_QUEUED);
    }
    /* The owner merges at its eval-breaker check. */
    cr_assert_eq(_Py_HandlePending(owner_t), 0);
    cr_assert_not(_Py_eval_breaker_bit_is_set(owner_t, _PY_EVAL_EXPLICIT_MERGE_BIT));
    cr_assert_eq(_Py_atomic_load_int(&total_frees), NOBJS);
    for (int i = 0; i < NOBJS; i++) {
        cr_assert_eq(frees_of(objs[i]), 1, "object %d freed once", i);
        PyObject_Free(objs[i]);
    }
    PyMem_RawFree(objs);
}

/* The owner and a non-owner drop the last two references at the same time,
 * over many objects and in both shapes (non-owner's reference counted in the
 * shared part, or lent from the local part). */
static int race_phase;   /* atomic: objects the non-owner may drop */

static void *
race_dropper(void *arg)
{
    PyThreadState *t = worker_enter();
    for (int i = 0; i < NOBJS; i++) {
        while (_Py_atomic_load_int(&race_phase) <= i) {
            /* wait for the owner to reach object i */
        }
        Py_DECREF(objs[i]);
    }
    worker_leave(t);
    return arg;
}

Test(refcount, concurrent_last_two_decrefs_free_once, .timeout = 60)
{
    start_runtime();
    owner_t = _PyThreadState_GET();
    _Py_atomic_store_int(&total_frees, 0);
    objs = PyMem_RawCalloc(NOBJS, sizeof(*objs));
    for (int i = 0; i < NOBJS; i++) {
        objs[i] = new_counted();
        if (i % 2 == 0) {
            /* Even: the non-owner's reference is in the shared count. */
            _Py_atomic_add_ssize(&objs[i]->ob_base.ob_ref_shared,
                                 1 << _Py_REF_SHARED_SHIFT);
        }
        else {
            /* Odd: lent from the owner's local count. */
            Py_INCREF(objs[i]);
        }
    }
    pthread_t th;
    pthread_create(&th, NULL, race_dropper, NULL);
    for (int i = 0; i < NOBJS; i++) {
        _Py_atomic_store_int(&race_phase, i + 1);
        Py_DECREF(objs[i]);           /* races with the non-owner's decref */
        if (i % 64 == 0) {
            _Py_HandlePending(owner_t);
        }
    }
    pthread_join(th, NULL);
    _Py_HandlePending(owner_t);
    cr_assert_eq(_Py_atomic_load_int(&total_frees), NOBJS);
    for (int i = 0; i < NOBJS; i++) {
        cr_assert_eq(frees_of(objs[i]), 1, "object %d freed %d times", i,
                     frees_of(objs[i]));
        PyObject_Free(objs[i]);
    }
    PyMem_RawFree(objs);
}

/* The owner exits while objects it owns are still referenced elsewhere: the
 * last non-owner decref merges them itself (nobody is left to queue to). */
static void *
create_and_exit(void *arg)
{
    PyThreadState *t = worker_enter();
    for (int i = 0; i < NOBJS; i++) {
        objs[i] = new_counted();   /* the reference passes to the test */
    }
    worker_leave(t);
    return arg;
}

Test(refcount, owner_exited)
{
    start_runtime();
    _Py_atomic_store_int(&total_frees, 0);
    objs = PyMem_RawCalloc(NOBJS, sizeof(*objs));
    pthread_t th;
    pthread_create(&th, NULL, create_and_exit, NULL);
    pthread_join(th, NULL);
    for (int i = 0; i < NOBJS; i++) {
        Py_INCREF(objs[i]);            /* foreign table +1 (flagged) */
        cr_assert_eq(Py_REFCNT(objs[i]), 2);
        Py_DECREF(objs[i]);
        Py_DECREF(objs[i]);            /* table -1: left to a settle */
    }
    cr_assert_eq(_Py_atomic_load_int(&total_frees), 0);
    /* The settle finds them dead with no owner left: merged and freed. */
    _PyGC_SettleForeign(_PyThreadState_GET());
    cr_assert_eq(_Py_atomic_load_int(&total_frees), NOBJS);
    for (int i = 0; i < NOBJS; i++) {
        cr_assert_eq(frees_of(objs[i]), 1);
        PyObject_Free(objs[i]);
    }
    PyMem_RawFree(objs);
}

/* Objects queued to a thread that exits before merging are merged as it
 * leaves. */
static int queued_phase;   /* atomic */

static void *
owner_then_exit(void *arg)
{
    PyThreadState *t = worker_enter();
    for (int i = 0; i < NOBJS; i++) {
        objs[i] = new_counted();
        Py_INCREF(objs[i]);            /* one reference lent to the test */
    }
    _Py_atomic_store_int(&queued_phase, 1);
    while (_Py_atomic_load_int(&queued_phase) != 2) {
        sched_yield();
    }
    for (int i = 0; i < NOBJS; i++) {
        Py_DECREF(objs[i]);            /* drop its own; the queue's remains */
    }
    worker_leave(t);                   /* merges the queue on the way out */
    return arg;
}

Test(refcount, queue_merged_at_thread_exit)
{
    start_runtime();
    _Py_atomic_store_int(&total_frees, 0);
    objs = PyMem_RawCalloc(NOBJS, sizeof(*objs));
    pthread_t th;
    pthread_create(&th, NULL, owner_then_exit, NULL);
    while (_Py_atomic_load_int(&queued_phase) != 1) {
        sched_yield();
    }
    for (int i = 0; i < NOBJS; i++) {
        Py_DECREF(objs[i]);            /* queued to the owner */
    }
    cr_assert_eq(_Py_atomic_load_int(&total_frees), 0);
    _Py_atomic_store_int(&queued_phase, 2);
    pthread_join(th, NULL);
    cr_assert_eq(_Py_atomic_load_int(&total_frees), NOBJS);
    for (int i = 0; i < NOBJS; i++) {
        cr_assert_eq(frees_of(objs[i]), 1);
        PyObject_Free(objs[i]);
    }
    PyMem_RawFree(objs);
}

/* The slow paths driven directly. */
Test(refcount, slow_paths)
{
    start_runtime();
    CountedObject *a = new_counted();
    PyObject *op = (PyObject *)a;

    /* Local count reaches zero with a shared reference outstanding: the
     * owner gives up ownership instead of freeing. */
    _Py_atomic_add_ssize(&op->ob_ref_shared, 1 << _Py_REF_SHARED_SHIFT);
    cr_assert_eq(Py_REFCNT(op), 2);
    Py_DECREF(op);
    cr_assert_eq(frees_of(a), 0);
    cr_assert_eq(op->ob_tid, 0);
    cr_assert_eq(op->ob_ref_shared, _Py_REF_SHARED(1, _Py_REF_MERGED));
    cr_assert_eq(Py_REFCNT(op), 1);
    /* Merged: everybody uses the shared count now, the old owner too. */
    Py_INCREF(op);
    cr_assert_eq(op->ob_ref_shared, _Py_REF_SHARED(2, _Py_REF_MERGED));
    Py_DECREF(op);
    Py_DECREF(op);
    cr_assert_eq(frees_of(a), 1, "freed when the merged count reaches zero");

    /* Explicit merge adds local, shared and the extra. */
    CountedObject *b = new_counted();
    op = (PyObject *)b;
    Py_INCREF(op);
    Py_INCREF(op);                                  /* local 3 */
    _Py_atomic_add_ssize(&op->ob_ref_shared, -(2 << _Py_REF_SHARED_SHIFT));
    cr_assert_eq(_Py_ExplicitMergeRefcount(op, -1), 0);
    cr_assert_eq(op->ob_ref_shared, _Py_REF_MERGED);
    cr_assert_eq(op->ob_ref_local, 0);
    cr_assert_eq(op->ob_tid, 0);
    cr_assert_eq(frees_of(b), 0, "the caller frees, not the merge");

    PyObject_Free(a);
    PyObject_Free(b);
}

/* try-incref from another thread than the owner. */
struct try_arg {
    PyObject *op;
    int result;
};

static void *
try_incref_elsewhere(void *p)
{
    struct try_arg *a = p;
    PyThreadState *t = worker_enter();
    a->result = _Py_TryIncref(a->op);
    worker_leave(t);
    return NULL;
}

static int
try_from_other_thread(PyObject *op)
{
    struct try_arg a = { op, -1 };
    pthread_t th;
    pthread_create(&th, NULL, try_incref_elsewhere, &a);
    pthread_join(th, NULL);
    return a.result;
}

Test(refcount, try_incref)
{
    start_runtime();
    CountedObject *live = new_counted();
    PyObject *op = (PyObject *)live;

    /* The owner always succeeds on a live object. */
    cr_assert(_Py_TryIncref(op));
    cr_assert_eq(Py_REFCNT(op), 2);
    Py_DECREF(op);

    /* Another thread succeeds once the object is marked as possibly shared
     * (containers do that); a bare shared count of zero is refused, because
     * the owner may be freeing the object right now. */
    cr_assert_eq(try_from_other_thread(op), 0);
    _Py_atomic_or_ssize(&op->ob_ref_shared, _Py_REF_MAYBE_WEAKREF);
    cr_assert_eq(try_from_other_thread(op), 1);
    cr_assert_eq(Py_REFCNT(op), 2);
    PyObject *src = op;
    cr_assert(_Py_TryIncrefCompare(&src, op));
    Py_DECREF(op);

    /* Dead: the owner drops its reference with the other still there
     * (merged, count 1), then that one goes too. */
    Py_DECREF(op);
    cr_assert_eq(frees_of(live), 0);
    Py_DECREF(op);
    cr_assert_eq(frees_of(live), 1);
    cr_assert_eq(op->ob_ref_shared, _Py_REF_MERGED);
    cr_assert_not(_Py_TryIncref(op), "no resurrection by the old owner");
    cr_assert_eq(try_from_other_thread(op), 0, "nor by another thread");
    PyObject *slot = op;
    cr_assert_not(_Py_TryIncrefCompare(&slot, op));
    cr_assert_eq(op->ob_ref_shared, _Py_REF_MERGED, "count untouched");

    /* Dead the fast way: local and shared both zero. */
    CountedObject *d = new_counted();
    Py_DECREF(d);
    cr_assert_eq(frees_of(d), 1);
    cr_assert_eq(try_from_other_thread((PyObject *)d), 0);

    /* A slot that changed under the reader fails and leaves no reference. */
    CountedObject *e = new_counted(), *f = new_counted();
    PyObject *eslot = (PyObject *)f;
    cr_assert_not(_Py_TryIncrefCompare(&eslot, (PyObject *)e));
    cr_assert_eq(Py_REFCNT(e), 1);
    Py_DECREF(e);
    Py_DECREF(f);

    PyObject_Free(live);
    PyObject_Free(d);
    PyObject_Free(e);
    PyObject_Free(f);
}

#endif /* Py_GIL_DISABLED */
