/* brc.c: biased reference counting's merge queues (free-threaded build), and
 * _PyObjectStack, the growable pointer stack they are built on.
 *
 * When a non-owner's decref finds an object's shared count at zero it marks
 * the object queued (Objects/refcount.c) and calls _Py_brc_queue_object,
 * which pushes it on the owning thread's queue and sets the owner's
 * _PY_EVAL_EXPLICIT_MERGE_BIT.  At its next eval-breaker check the owner
 * merges the two counts of every queued object and frees those whose total
 * is zero.  Owners are found in a hash table keyed by _Py_ThreadId(); a
 * bucket's mutex guards its chain and the queues of the threads on it, and
 * a thread leaves the table (under that mutex) before its state is freed.
 */
#include "Python.h"
#include "pycore_pystate.h"
#include "pycore_brc.h"

/* ---- _PyObjectStack ----------------------------------------------------- */

int
_PyObjectStack_Push(_PyObjectStack *s, PyObject *op)
{
    if (s->size == s->capacity) {
        Py_ssize_t cap = s->capacity ? s->capacity * 2 : 16;
        PyObject **items = PyMem_RawRealloc(s->items, (size_t)cap * sizeof(PyObject *));
        if (items == NULL) {
            return -1;
        }
        s->items = items;
        s->capacity = cap;
    }
    s->items[s->size++] = op;
    return 0;
}

PyObject *
_PyObjectStack_Pop(_PyObjectStack *s)
{
    if (s->size == 0) {
        return NULL;
    }
    return s->items[--s->size];
}

void
_PyObjectStack_Clear(_PyObjectStack *s)
{
    PyMem_RawFree(s->items);
    s->items = NULL;
    s->size = 0;
    s->capacity = 0;
}

#ifdef Py_GIL_DISABLED

static struct _brc_bucket *
get_bucket(PyInterpreterState *interp, uintptr_t tid)
{
    /* Thread pointers are at least 16-byte aligned; drop the zero bits. */
    return &interp->brc.table[(tid >> 4) % _Py_BRC_NUM_BUCKETS];
}

static PyThreadState *
brc_tstate(struct _brc_thread_state *brc)
{
    return (PyThreadState *)((char *)brc - offsetof(PyThreadState, brc));
}

/* Find the live thread with this id; caller holds the bucket's mutex. */
static struct _brc_thread_state *
find_thread_state(struct _brc_bucket *bucket, uintptr_t tid)
{
    for (struct _brc_thread_state *t = bucket->root; t != NULL; t = t->next) {
        if (t->ob_tid == tid) {
            return t;
        }
    }
    return NULL;
}

/* The queue's reference is the -1. */
static void
merge_queued_object(PyObject *op)
{
    if (_Py_ExplicitMergeRefcount(op, -1) == 0) {
        _Py_Dealloc(op);
    }
}

void
_Py_brc_queue_object(PyObject *ob)
{
    PyInterpreterState *interp = _PyInterpreterState_GET();
    uintptr_t tid = _Py_atomic_load_uintptr_relaxed(&ob->ob_tid);
    if (tid == 0) {
        /* Ownership already given up: nobody will merge it for us. */
        merge_queued_object(ob);
        return;
    }
    struct _brc_bucket *bucket = get_bucket(interp, tid);
    _PyMutex_LockNoDetach(&bucket->mutex);
    struct _brc_thread_state *brc = find_thread_state(bucket, tid);
    if (brc == NULL) {
        /* The owner has exited, so nobody touches the local count any more
         * (its last writes are visible through the bucket mutex it took to
         * leave the table): merge here. */
        PyMutex_Unlock(&bucket->mutex);
        merge_queued_object(ob);
        return;
    }
    if (_PyObjectStack_Push(&brc->objects_to_merge, ob) < 0) {
        /* Out of memory: stop every thread, then the owner cannot be
         * touching the local count either, and merge here. */
        PyMutex_Unlock(&bucket->mutex);
        _PyEval_StopTheWorld(interp);
        merge_queued_object(ob);
        _PyEval_StartTheWorld(interp);
        return;
    }
    /* The owner cannot leave the table while we hold its bucket's mutex, so
     * its state is still there to be signalled. */
    _Py_set_eval_breaker_bit(brc_tstate(brc), _PY_EVAL_EXPLICIT_MERGE_BIT);
    PyMutex_Unlock(&bucket->mutex);
}

static int
push_to(struct _brc_thread_state *brc, struct _brc_bucket *bucket, PyObject *ob)
{
    int err = _PyObjectStack_Push(&brc->objects_to_merge, ob);
    if (err == 0) {
        _Py_set_eval_breaker_bit(brc_tstate(brc), _PY_EVAL_EXPLICIT_MERGE_BIT);
    }
    PyMutex_Unlock(&bucket->mutex);
    return err;
}

void
_Py_brc_queue_object_stopped(PyObject *ob, PyThreadState *collector)
{
    PyInterpreterState *interp = collector->interp;
    uintptr_t tid = _Py_atomic_load_uintptr_relaxed(&ob->ob_tid);
    if (tid != 0) {
        struct _brc_bucket *bucket = get_bucket(interp, tid);
        _PyMutex_LockNoDetach(&bucket->mutex);
        struct _brc_thread_state *brc = find_thread_state(bucket, tid);
        if (brc != NULL) {
            (void)push_to(brc, bucket, ob);  /* no memory: kept (leak) */
            return;
        }
        PyMutex_Unlock(&bucket->mutex);
    }
    /* No owner to count locally any more: the collector merges it. */
    struct _brc_bucket *bucket = get_bucket(interp, collector->brc.ob_tid);
    _PyMutex_LockNoDetach(&bucket->mutex);
    (void)push_to(&collector->brc, bucket, ob);
}

/* Merge every object in `s` (not shared with anyone any more) and empty it. */
static void
merge_stack(_PyObjectStack *s)
{
    PyObject *op;
    while ((op = _PyObjectStack_Pop(s)) != NULL) {
        merge_queued_object(op);
    }
}

void
_Py_brc_merge_refcounts(PyThreadState *tstate)
{
    struct _brc_thread_state *brc = &tstate->brc;
    struct _brc_bucket *bucket = get_bucket(tstate->interp, brc->ob_tid);

    /* Take the whole queue under the mutex, then merge without it:
     * deallocators run arbitrary code, which may queue more objects. */
    _PyMutex_LockNoDetach(&bucket->mutex);
    _PyObjectStack tmp = brc->local_objects_to_merge;
    brc->local_objects_to_merge = brc->objects_to_merge;
    brc->objects_to_merge = tmp;
    PyMutex_Unlock(&bucket->mutex);

    merge_stack(&brc->local_objects_to_merge);
}

int
_Py_brc_has_queued(PyThreadState *tstate)
{
    struct _brc_thread_state *brc = &tstate->brc;
    struct _brc_bucket *bucket = get_bucket(tstate->interp, brc->ob_tid);
    _PyMutex_LockNoDetach(&bucket->mutex);
    int n = brc->objects_to_merge.size > 0;
    PyMutex_Unlock(&bucket->mutex);
    return n;
}

void
_Py_brc_init_thread(PyThreadState *tstate)
{
    struct _brc_thread_state *brc = &tstate->brc;
    brc->ob_tid = tstate->tid ? tstate->tid : _Py_ThreadId();
    struct _brc_bucket *bucket = get_bucket(tstate->interp, brc->ob_tid);
    _PyMutex_LockNoDetach(&bucket->mutex);
    brc->next = bucket->root;
    bucket->root = brc;
    PyMutex_Unlock(&bucket->mutex);
}

void
_Py_brc_remove_thread(PyThreadState *tstate)
{
    struct _brc_thread_state *brc = &tstate->brc;
    if (brc->ob_tid == 0) {
        /* never registered, or already removed */
        _Py_ThreadRefcountsRemove(&tstate->refcounts);
        return;
    }
    struct _brc_bucket *bucket = get_bucket(tstate->interp, brc->ob_tid);

    /* Merge until the queue is empty, and leave the table in the same
     * critical region that found it empty.  Leaving earlier would let a
     * queueing thread merge one of our objects itself while we (running a
     * deallocator here) still change its local count. */
    for (;;) {
        _Py_brc_merge_refcounts(tstate);
        _PyMutex_LockNoDetach(&bucket->mutex);
        if (brc->objects_to_merge.size == 0) {
            struct _brc_thread_state **link = &bucket->root;
            while (*link != NULL && *link != brc) {
                link = &(*link)->next;
            }
            if (*link == brc) {
                *link = brc->next;
            }
            brc->next = NULL;
            PyMutex_Unlock(&bucket->mutex);
            break;
        }
        PyMutex_Unlock(&bucket->mutex);
    }
    _PyObjectStack_Clear(&brc->objects_to_merge);
    _PyObjectStack_Clear(&brc->local_objects_to_merge);
    brc->ob_tid = 0;
    /* Its counts of deferred objects go back to the objects. */
    _Py_ThreadRefcountsRemove(&tstate->refcounts);
}

void
_Py_brc_after_fork(PyInterpreterState *interp)
{
    /* A thread that vanished in the fork may have held a bucket mutex (or
     * been handed one while parked).  Nobody is modifying a bucket now. */
    for (Py_ssize_t i = 0; i < _Py_BRC_NUM_BUCKETS; i++) {
        interp->brc.table[i].mutex = (PyMutex){0};
    }
    _Py_RefcountAfterFork();
}

#endif /* Py_GIL_DISABLED */
