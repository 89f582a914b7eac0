/* refcount.c: the slow paths of reference counting declared in
 * Include/refcount.h: deallocation, and (free-threaded build) the biased
 * reference counting cases the inline fast paths hand over: a non-owner
 * decrement, the owner's local count reaching zero, and merging the two
 * counts.
 *
 * The shared field holds (count << 2) | flags.  Invariants relied on below:
 *  - the true count is ob_ref_local + (ob_ref_shared >> 2), and while the
 *    object is queued to its owner the queue holds one of those references;
 *  - the object is freed exactly when someone's atomic update of
 *    ob_ref_shared produces the value _Py_REF_MERGED (merged, count zero), or
 *    when the owner finds both counts zero with no flags set;
 *  - once the shared field reads _Py_REF_MERGED nobody may touch the object,
 *    so every store to the header happens before that update.
 *
 * Deferred objects (see Include/refcount.h) are merged from birth (no owner,
 * shared flags _Py_REF_MERGED, so the weakref and queueing paths leave them
 * alone) and ob_ref_local holds their slot: the index of their count in
 * every thread state's array.  A slot table maps slots back to objects, for
 * the collector's merge.
 */
#include "Python.h"
#include "pycore_pystate.h"
#include "pycore_brc.h"
#include "pycore_object.h"

void
_Py_Dealloc(PyObject *op)
{
    destructor dealloc = Py_TYPE(op)->tp_dealloc;
    (*dealloc)(op);
}

#ifdef Py_GIL_DISABLED

/* ---- what the inline fast paths hand over ------------------------------ */

void
_Py_IncRefNonOwner(PyObject *op)
{
    uint32_t local = _Py_atomic_load_uint32_relaxed(&op->ob_ref_local);
    if (local == _Py_IMMORTAL_REFCNT_LOCAL) {
        return;
    }
    if (_PyObject_HasDeferredRefcount(op)) {
        _Py_ThreadRefcountAdd(op, 1);
        return;
    }
    _Py_atomic_add_ssize(&op->ob_ref_shared, (1 << _Py_REF_SHARED_SHIFT));
}

void
_Py_DecRefNonOwner(PyObject *op)
{
    uint32_t local = _Py_atomic_load_uint32_relaxed(&op->ob_ref_local);
    if (local == _Py_IMMORTAL_REFCNT_LOCAL) {
        return;
    }
    if (_PyObject_HasDeferredRefcount(op)) {
        /* Never frees: only the collector can see the whole count. */
        _Py_ThreadRefcountAdd(op, -1);
        return;
    }
    _Py_DecRefShared(op);
}

int
_Py_TryIncRefShared(PyObject *op)
{
    Py_ssize_t shared = _Py_atomic_load_ssize_relaxed(&op->ob_ref_shared);
    for (;;) {
        /* Merged with a count of zero (or below) means the object is dead
         * or being freed: do not resurrect it. */
        if (shared == 0 || shared == _Py_REF_MERGED ||
            ((shared & _Py_REF_SHARED_FLAG_MASK) == _Py_REF_MERGED &&
             shared < _Py_REF_SHARED(1, 0))) {
            return 0;
        }
        if (_Py_atomic_compare_exchange_ssize(
                &op->ob_ref_shared, &shared,
                shared + (1 << _Py_REF_SHARED_SHIFT))) {
            return 1;
        }
    }
}

/* Immortal and deferred objects cannot die under a reader (deferred ones
 * are freed only by the collector, with the world stopped): count them
 * without a liveness test. */
static int
try_incref_unconditional(PyObject *op)
{
    if (_Py_atomic_load_uint32_relaxed(&op->ob_ref_local) == _Py_IMMORTAL_REFCNT_LOCAL) {
        return 1;
    }
    if (_PyObject_HasDeferredRefcount(op)) {
        _Py_ThreadRefcountAdd(op, 1);
        return 1;
    }
    return 0;
}

int
_Py_TryIncrefNonOwner(PyObject *op)
{
    return try_incref_unconditional(op) || _Py_TryIncRefShared(op);
}

int
_Py_TryIncrefCompareNonOwner(PyObject **src, PyObject *op)
{
    if (!try_incref_unconditional(op) && !_Py_TryIncRefShared(op)) {
        return 0;
    }
    if (_Py_atomic_load_ptr(src) != op) {
        Py_DECREF(op);
        return 0;
    }
    return 1;
}

void
_Py_DecRefShared(PyObject *op)
{
    int queue;
    Py_ssize_t new_shared;
    Py_ssize_t shared = _Py_atomic_load_ssize_relaxed(&op->ob_ref_shared);
    do {
        /* Shared count zero, neither queued nor merged: this thread's
         * reference is one the owner counted locally, and only the owner may
         * read that count.  Keep the count and mark the object queued: the
         * queue now holds the reference, and the owner drops it when it
         * merges. */
        queue = (shared == _Py_REF_SHARED_INIT || shared == _Py_REF_MAYBE_WEAKREF);
        if (queue) {
            new_shared = _Py_REF_QUEUED;
        }
        else {
            /* May go negative while queued: the owner's merge adds it up. */
            new_shared = shared - (1 << _Py_REF_SHARED_SHIFT);
        }
    } while (!_Py_atomic_compare_exchange_ssize(&op->ob_ref_shared, &shared,
                                                new_shared));
    if (queue) {
        _Py_brc_queue_object(op);
    }
    else if (new_shared == _Py_REF_MERGED) {
        /* Merged, and this was the last reference. */
        _Py_Dealloc(op);
    }
}

void
_Py_MergeZeroLocalRefcount(PyObject *op)
{
    Py_ssize_t shared = _Py_atomic_load_ssize_acquire(&op->ob_ref_shared);
    if (shared == 0) {
        /* Nobody else holds a reference and nobody can take one: a
         * try-incref from another thread refuses a zero shared field. */
        _Py_Dealloc(op);
        return;
    }
    /* Give up ownership before publishing the merge: after the CAS below
     * another thread may free the object at any moment. */
    _Py_atomic_store_uintptr_relaxed(&op->ob_tid, 0);
    Py_ssize_t new_shared;
    do {
        new_shared = (shared & ~(Py_ssize_t)_Py_REF_SHARED_FLAG_MASK) | _Py_REF_MERGED;
    } while (!_Py_atomic_compare_exchange_ssize(&op->ob_ref_shared, &shared,
                                                new_shared));
    if (new_shared == _Py_REF_MERGED) {
        _Py_Dealloc(op);
    }
}

/* Fold the local count and `extra` into the shared field and mark it merged.
 * Called by the owner for objects queued to it, by anyone for queued objects
 * whose owner has exited, or with the world stopped; in every case the
 * object is queued or merged already, so no other thread can be queueing or
 * merging it at the same time.  Returns the total count; the caller frees the
 * object if it is zero. */
Py_ssize_t
_Py_ExplicitMergeRefcount(PyObject *op, Py_ssize_t extra)
{
    /* Clear the owner fields first: once the merged value is published a
     * non-owner decref may free the object, so nothing may follow it. */
    Py_ssize_t local = (Py_ssize_t)_Py_atomic_load_uint32_relaxed(&op->ob_ref_local);
    _Py_atomic_store_uint32_relaxed(&op->ob_ref_local, 0);
    _Py_atomic_store_uintptr_relaxed(&op->ob_tid, 0);

    Py_ssize_t refcnt;
    Py_ssize_t new_shared;
    Py_ssize_t shared = _Py_atomic_load_ssize_relaxed(&op->ob_ref_shared);
    do {
        /* Arithmetic shift: the shared count may be negative. */
        refcnt = (shared >> _Py_REF_SHARED_SHIFT) + local + extra;
        new_shared = _Py_REF_SHARED(refcnt, _Py_REF_MERGED);
    } while (!_Py_atomic_compare_exchange_ssize(&op->ob_ref_shared, &shared,
                                                new_shared));
    return refcnt;
}


/* ---- deferred objects: slots and per-thread counts ------------------------ */

/* Slot -> object.  A free slot holds the next free slot, tagged with the low
 * bit.  The mutex guards the table; the collector reads it with the world
 * stopped (nobody can be inside the mutex then: no code under it detaches). */
static struct {
    PyMutex mutex;
    PyObject **objs;
    Py_ssize_t used;        /* slots handed out at least once */
    Py_ssize_t cap;
    Py_ssize_t free_head;   /* -1 when no freed slot */
} slots = { .free_head = -1 };

#define SLOT_FREE_TAG 1

_Thread_local _Py_thread_refcounts *_Py_tls_refcounts;

static Py_ssize_t
slot_reserve(PyObject *op)
{
    Py_ssize_t slot = -1;
    _PyMutex_LockNoDetach(&slots.mutex);
    if (slots.free_head >= 0) {
        slot = slots.free_head;
        slots.free_head = (Py_ssize_t)((uintptr_t)slots.objs[slot] >> 1);
        if (slots.free_head == PY_SSIZE_T_MAX >> 1) {
            slots.free_head = -1;
        }
    }
    else {
        if (slots.used == slots.cap) {
            Py_ssize_t cap = slots.cap ? slots.cap * 2 : 256;
            /* The slot lives in ob_ref_local, below the immortal mark. */
            if (cap >= (Py_ssize_t)_Py_IMMORTAL_REFCNT_LOCAL) {
                goto done;
            }
            PyObject **objs = PyMem_RawRealloc(slots.objs, (size_t)cap * sizeof(PyObject *));
            if (objs == NULL) {
                goto done;
            }
            slots.objs = objs;
            slots.cap = cap;
        }
        slot = slots.used++;
    }
    slots.objs[slot] = op;
done:
    PyMutex_Unlock(&slots.mutex);
    return slot;
}

static void
slot_release(Py_ssize_t slot)
{
    _PyMutex_LockNoDetach(&slots.mutex);
    Py_ssize_t next = slots.free_head >= 0 ? slots.free_head : PY_SSIZE_T_MAX >> 1;
    slots.objs[slot] = (PyObject *)(((uintptr_t)next << 1) | SLOT_FREE_TAG);
    slots.free_head = slot;
    PyMutex_Unlock(&slots.mutex);
}

void
_PyObject_SetDeferredRefcount(PyObject *op)
{
    /* Only the collector frees a deferred object: it must be tracked. */
    if (_PyObject_HasDeferredRefcount(op) || _Py_IsImmortal(op) ||
        !_Py_IsOwnedByCurrentThread(op) || !PyObject_IS_GC(op) ||
        !_PyObject_GC_IS_TRACKED(op)) {
        return;
    }
    Py_ssize_t slot = slot_reserve(op);
    if (slot < 0) {
        return;  /* no slot: stays an ordinary object, which is correct */
    }
    /* Fold the owner's count into the shared field and mark it merged and
     * ownerless; the slot takes the owner's count's place.  Normally nobody
     * else can see the object yet, but a CAS keeps a concurrent non-owner
     * increment, and an object already queued to us is left alone. */
    Py_ssize_t local = (Py_ssize_t)_Py_atomic_load_uint32_relaxed(&op->ob_ref_local);
    Py_ssize_t shared = _Py_atomic_load_ssize_relaxed(&op->ob_ref_shared);
    for (;;) {
        Py_ssize_t flags = shared & _Py_REF_SHARED_FLAG_MASK;
        if (flags != _Py_REF_SHARED_INIT && flags != _Py_REF_MAYBE_WEAKREF) {
            slot_release(slot);
            return;
        }
        Py_ssize_t count = (shared >> _Py_REF_SHARED_SHIFT) + local;
        if (_Py_atomic_compare_exchange_ssize(&op->ob_ref_shared, &shared,
                                              _Py_REF_SHARED(count, _Py_REF_MERGED))) {
            break;
        }
    }
    _Py_atomic_store_uint32_relaxed(&op->ob_ref_local, (uint32_t)slot);
    _Py_atomic_store_uintptr_relaxed(&op->ob_tid, 0);
    op->ob_flags |= _Py_OBJ_FLAG_DEFERRED;
}

void
_PyObject_ClearDeferredRefcount(PyObject *op)
{
    if (!_PyObject_HasDeferredRefcount(op)) {
        return;
    }
    uint32_t slot = _Py_atomic_load_uint32_relaxed(&op->ob_ref_local);
    op->ob_flags &= ~_Py_OBJ_FLAG_DEFERRED;
    _Py_atomic_store_uint32_relaxed(&op->ob_ref_local, 0);
    slot_release((Py_ssize_t)slot);
}

/* The attached thread's array is missing, stale or too small. */
void
_Py_ThreadRefcountSlow(PyObject *op, Py_ssize_t delta)
{
    PyThreadState *tstate = _PyThreadState_GET();
    uint32_t slot = _Py_atomic_load_uint32_relaxed(&op->ob_ref_local);
    if (tstate == NULL) {
        goto shared;
    }
    _Py_thread_refcounts *rc = &tstate->refcounts;
    _Py_tls_refcounts = rc;
    if ((Py_ssize_t)slot >= rc->size) {
        Py_ssize_t size = rc->size ? rc->size * 2 : 256;
        while (size <= (Py_ssize_t)slot) {
            size *= 2;
        }
        Py_ssize_t *values = PyMem_RawRealloc(rc->values, (size_t)size * sizeof(Py_ssize_t));
        if (values == NULL) {
            goto shared;
        }
        memset(values + rc->size, 0, (size_t)(size - rc->size) * sizeof(Py_ssize_t));
        rc->values = values;
        rc->size = size;
    }
    rc->values[slot] += delta;
    return;
shared:
    /* No array: the merged count takes it directly (never frees: only the
     * collector decides that). */
    _Py_atomic_add_ssize(&op->ob_ref_shared, delta << _Py_REF_SHARED_SHIFT);
}

/* Fold one array into the objects.  Caller holds slots.mutex. */
static void
merge_array(_Py_thread_refcounts *rc)
{
    for (Py_ssize_t i = 0; i < rc->size; i++) {
        Py_ssize_t v = rc->values[i];
        if (v != 0) {
            PyObject *op = slots.objs[i];
            _Py_atomic_add_ssize(&op->ob_ref_shared, v << _Py_REF_SHARED_SHIFT);
            rc->values[i] = 0;
        }
    }
}

void
_Py_MergeThreadRefcounts(PyInterpreterState *interp)
{
    _PyMutex_LockNoDetach(&interp->threads_mutex);
    _PyMutex_LockNoDetach(&slots.mutex);
    _Py_FOR_EACH_TSTATE(interp, t) {
        merge_array(&t->refcounts);
    }
    PyMutex_Unlock(&slots.mutex);
    PyMutex_Unlock(&interp->threads_mutex);
}

void
_Py_ThreadRefcountsRemove(_Py_thread_refcounts *rc)
{
    _PyMutex_LockNoDetach(&slots.mutex);
    merge_array(rc);
    PyMem_RawFree(rc->values);
    rc->values = NULL;
    rc->size = 0;
    PyMutex_Unlock(&slots.mutex);
    if (_Py_tls_refcounts == rc) {
        _Py_tls_refcounts = NULL;
    }
}

void
_Py_RefcountAfterFork(void)
{
    slots.mutex = (PyMutex){0};
}

#endif /* Py_GIL_DISABLED */
