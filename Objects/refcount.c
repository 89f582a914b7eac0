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
 */
#include "Python.h"
#include "pycore_pystate.h"
#include "pycore_brc.h"

void
_Py_Dealloc(PyObject *op)
{
    destructor dealloc = Py_TYPE(op)->tp_dealloc;
    (*dealloc)(op);
}

#ifdef Py_GIL_DISABLED

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

#endif /* Py_GIL_DISABLED */
