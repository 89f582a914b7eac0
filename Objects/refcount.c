/* refcount.c: the slow paths of reference counting declared in
 * Include/refcount.h: deallocation, and (free-threaded build) the biased
 * reference counting cases the inline fast paths hand over: a non-owner
 * decrement, the owner's local count reaching zero, and merging the two
 * counts.
 *
 * The shared field holds (count << 3) | flags.  Invariants relied on below
 * (for objects without _Py_REF_FOREIGN; see "foreign objects" below):
 *  - the true count is ob_ref_local + (ob_ref_shared >> 3), and while the
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

static inline int foreign_add(PyObject *op, Py_ssize_t delta);
static void incref_foreign(PyObject *op);
static void foreign_remember(PyObject *op);
static inline int foreign_maybe_dead(Py_ssize_t shared);

static inline int foreign_hit(PyObject *op, Py_ssize_t delta);

/* The non-owner paths' rare cases, out of line so that the common ones
 * (immortal, deferred, a hit in this thread's foreign table) run without a
 * stack frame. */
static _Py_NO_INLINE void
incref_nonowner_slow(PyObject *op)
{
    /* Into this thread's foreign table (flagging it the first time), not
     * an atomic add on a line every user of the object would fight over. */
    if ((_Py_atomic_load_ssize_relaxed(&op->ob_ref_shared) & _Py_REF_FOREIGN) &&
        foreign_add(op, 1)) {
        return;
    }
    incref_foreign(op);
}

static _Py_NO_INLINE void
decref_nonowner_slow(PyObject *op)
{
    /* A foreign object: never freed here, so the decrement can stay in
     * this thread's table (the flag cannot be cleared under us: only the
     * collector does that, with the world stopped). */
    if ((_Py_atomic_load_ssize_relaxed(&op->ob_ref_shared) & _Py_REF_FOREIGN) &&
        foreign_add(op, -1)) {
        return;
    }
    _Py_DecRefShared(op);
}

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
    if ((_Py_atomic_load_ssize_relaxed(&op->ob_ref_shared) & _Py_REF_FOREIGN) &&
        foreign_hit(op, 1)) {
        return;
    }
    incref_nonowner_slow(op);
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
    if ((_Py_atomic_load_ssize_relaxed(&op->ob_ref_shared) & _Py_REF_FOREIGN) &&
        foreign_hit(op, -1)) {
        return;
    }
    decref_nonowner_slow(op);
}

int
_Py_TryIncRefShared(PyObject *op)
{
    Py_ssize_t shared = _Py_atomic_load_ssize_relaxed(&op->ob_ref_shared);
    for (;;) {
        /* Merged with a count of zero (or below) means the object is dead
         * or being freed: do not resurrect it. */
        /* A foreign object is freed only by the collector: alive. */
        if (!(shared & _Py_REF_FOREIGN) &&
            (shared == 0 || shared == _Py_REF_MERGED ||
            ((shared & _Py_REF_SHARED_FLAG_MASK) == _Py_REF_MERGED &&
             shared < _Py_REF_SHARED(1, 0)))) {
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
    else if ((new_shared & _Py_REF_FOREIGN) && foreign_maybe_dead(new_shared)) {
        /* Flagged (this thread has no table): a settle decides. */
        foreign_remember(op);
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
    else if ((new_shared & _Py_REF_FOREIGN) && foreign_maybe_dead(new_shared)) {
        /* Other threads' tables may hold the rest: a settle decides. */
        foreign_remember(op);
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
        new_shared = _Py_REF_SHARED(refcnt, _Py_REF_MERGED) | (shared & _Py_REF_FOREIGN);
    } while (!_Py_atomic_compare_exchange_ssize(&op->ob_ref_shared, &shared,
                                                new_shared));
    if ((new_shared & _Py_REF_FOREIGN) && refcnt <= 0) {
        /* Other threads' tables may hold the rest: a settle decides. */
        foreign_remember(op);
        return 1;
    }
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

/* ---- foreign objects -------------------------------------------------------
 * Threads that use the same objects (a dict and list the main thread built,
 * the ints and strs in them) each did an atomic add and sub on the objects'
 * shared counts per use: one cache line bounced between cores, and such
 * reads scaled backwards (two threads slower than one).  Now the first
 * increment of an object by a thread that does not own it marks the object
 * _Py_REF_FOREIGN (a CAS on the shared field, once) and counts it in the
 * thread's foreign table; from then on every non-owner's increments and
 * decrements of it are plain adds to its own table entry (which may go
 * below zero: references move between threads), and the object's cache line
 * is only read.
 *
 * The true count is then spread over the tables, so no single field proves
 * the object dead: a flagged object is never freed by a decrement.  Whoever
 * would have had to decide instead remembers the object for the next settle
 * (the owner merging its local count to a total <= 0, a shared count going
 * to or below zero, a table entry going negative stays in its table).  A
 * settle runs with the world stopped, at every collection and whenever a
 * thread has remembered FOREIGN_SETTLE_AFTER objects: it folds every table
 * into the shared fields, clears the flags, and queues the objects whose
 * count is then zero to be freed (brc queues: to the owner if it still
 * counts locally, else to the settling thread).  Objects no other thread
 * touches keep exact, immediate frees; shared ones may outlive their last
 * reference until the next settle.
 *
 * The table: sets of FOREIGN_WAYS entries indexed by the address's 32-byte
 * block, so that objects allocated next to each other (a container's items)
 * have their entries next to each other: a thread reading 2000 objects
 * touches ~50 KB of table, not one 64-byte line per object (which evicted
 * the allocator's own lines from the cache).  No tombstones needed.  Only
 * its thread touches it, except a settle with the world stopped; pages
 * never touched are never faulted in. */
#define FOREIGN_WAYS 2
#define FOREIGN_ENTRIES 16384
#define FOREIGN_SETTLE_AFTER 4096

/* A flush visits only the entries filled since the last one (up to this
 * many; beyond, it scans the whole table): with many threads a settle then
 * costs what the threads used, not 256 KB each. */
#define FOREIGN_USED_MAX 4096

struct _Py_foreign_state {
    _Py_foreign_ref table[FOREIGN_ENTRIES];
    uint16_t used[FOREIGN_USED_MAX];  /* indices filled (may repeat) */
    Py_ssize_t nused;                 /* > FOREIGN_USED_MAX: scan it all */
    _PyObjectStack remembered;   /* objects a settle must look at */
    Py_ssize_t potential;        /* possible frees left to the next settle */
};

static inline _Py_foreign_ref *
foreign_bucket(struct _Py_foreign_state *fs, PyObject *op)
{
    return &fs->table[((uintptr_t)op >> 5) & (FOREIGN_ENTRIES - FOREIGN_WAYS)];
}

/* Remembered objects of threads without a table (no thread state, or one
 * that has gone).  Duplicates anywhere are harmless: a settle looks at the
 * flag, and frees only after every list has been looked at. */
static struct {
    PyMutex mutex;
    _PyObjectStack objs;
} orphans;

static void
foreign_note_potential(struct _Py_foreign_state *fs)
{
    if (++fs->potential == FOREIGN_SETTLE_AFTER) {
        PyThreadState *tstate = _PyThreadState_GET();
        if (tstate != NULL) {
            _Py_set_eval_breaker_bit(tstate, _PY_EVAL_FOREIGN_SETTLE_BIT);
        }
    }
}

/* `op` is flagged and may have no reference left: a settle must see it. */
static void
foreign_remember(PyObject *op)
{
    _Py_thread_refcounts *rc = _Py_tls_refcounts;
    if (rc != NULL && rc->foreign != NULL &&
        _PyObjectStack_Push(&rc->foreign->remembered, op) == 0) {
        foreign_note_potential(rc->foreign);
        return;
    }
    _PyMutex_LockNoDetach(&orphans.mutex);
    /* Out of memory: the flag stays and the object is kept (a leak, never
     * a premature free). */
    (void)_PyObjectStack_Push(&orphans.objs, op);
    PyMutex_Unlock(&orphans.mutex);
}

/* A flagged object's shared field after a change made outside a settle:
 * does it say "possibly dead" (merged with no count left, or a negative
 * shared count the owner has not been told about)? */
static inline int
foreign_maybe_dead(Py_ssize_t shared)
{
    Py_ssize_t flags = shared & _Py_REF_SHARED_FLAG_MASK;
    Py_ssize_t n = shared >> _Py_REF_SHARED_SHIFT;
    if (flags == _Py_REF_MERGED) {
        return n <= 0;
    }
    return flags != _Py_REF_QUEUED && n < 0;
}

/* Give the entry's count back to the object's shared field and empty the
 * entry; `seen` (a settle, world stopped) collects the object, otherwise
 * it is remembered if the write-back may have been its last reference. */
static void
foreign_evict(_Py_foreign_ref *e, _PyObjectStack *seen)
{
    PyObject *op = e->op;
    Py_ssize_t delta = e->delta;
    e->op = NULL;
    e->delta = 0;
    if (seen != NULL) {
        if (delta != 0) {
            _Py_atomic_add_ssize(&op->ob_ref_shared, delta << _Py_REF_SHARED_SHIFT);
        }
        (void)_PyObjectStack_Push(seen, op);  /* out of memory: settled later */
        return;
    }
    if (delta != 0) {
        Py_ssize_t add = delta << _Py_REF_SHARED_SHIFT;
        Py_ssize_t shared = _Py_atomic_add_ssize(&op->ob_ref_shared, add) + add;
        if (delta < 0 && foreign_maybe_dead(shared)) {
            foreign_remember(op);
        }
    }
}

static struct _Py_foreign_state *
foreign_state_new(_Py_thread_refcounts *rc)
{
    struct _Py_foreign_state *fs = PyMem_RawCalloc(1, sizeof(*fs));
    rc->foreign = fs;
    return fs;
}

/* Fill an entry of `op`'s set (found without it) for `op`. */
static _Py_NO_INLINE int
foreign_insert(struct _Py_foreign_state *fs, _Py_foreign_ref *b, PyObject *op,
               Py_ssize_t delta)
{
    _Py_foreign_ref *e = NULL;
    for (int k = 0; k < FOREIGN_WAYS; k++) {
        if (b[k].op == NULL) {
            e = &b[k];
            break;
        }
    }
    if (e == NULL) {
        /* Full: reuse a balanced entry if any (nothing to write back),
         * else the last way. */
        e = &b[FOREIGN_WAYS - 1];
        for (int k = 0; k < FOREIGN_WAYS; k++) {
            if (b[k].delta == 0) {
                e = &b[k];
                break;
            }
        }
        foreign_evict(e, NULL);
    }
    e->op = op;
    e->delta = delta;
    if (fs->nused < FOREIGN_USED_MAX) {
        fs->used[fs->nused] = (uint16_t)(e - fs->table);
    }
    fs->nused++;
    if (delta < 0) {
        foreign_note_potential(fs);
    }
    return 1;
}

/* Add `delta` to this thread's entry for the flagged `op`; 0 if the thread
 * has no table (and cannot make one).  The hit is the common case: a few
 * loads and an add, no call. */
static inline int
foreign_add(PyObject *op, Py_ssize_t delta)
{
    _Py_thread_refcounts *rc = _Py_tls_refcounts;
    if (_Py_UNLIKELY(rc == NULL)) {
        return 0;
    }
    struct _Py_foreign_state *fs = rc->foreign;
    if (_Py_UNLIKELY(fs == NULL) && (fs = foreign_state_new(rc)) == NULL) {
        return 0;
    }
    _Py_foreign_ref *b = foreign_bucket(fs, op);
    for (int k = 0; k < FOREIGN_WAYS; k++) {
        if (b[k].op == op) {
            Py_ssize_t old = b[k].delta;
            b[k].delta = old + delta;
            /* This thread dropped a reference it did not take: maybe the
             * last one, which only a settle can tell. */
            if (delta < 0 && old <= 0) {
                foreign_note_potential(fs);
            }
            return 1;
        }
    }
    return foreign_insert(fs, b, op, delta);
}

/* The running thread's entry for `op`, or NULL (no table, or none). */
static inline _Py_foreign_ref *
foreign_find(PyObject *op)
{
    _Py_thread_refcounts *rc = _Py_tls_refcounts;
    if (rc == NULL || rc->foreign == NULL) {
        return NULL;
    }
    _Py_foreign_ref *b = foreign_bucket(rc->foreign, op);
    for (int k = 0; k < FOREIGN_WAYS; k++) {
        if (b[k].op == op) {
            return &b[k];
        }
    }
    return NULL;
}

/* foreign_add's common case alone, calling nothing: `op` already has an
 * entry here and the change cannot be its last reference (a decrement of
 * an entry at or below zero goes through foreign_add, which notes it for
 * the next settle).  1 when done, 0 to take the full path. */
static inline int
foreign_hit(PyObject *op, Py_ssize_t delta)
{
    _Py_foreign_ref *e = foreign_find(op);
    if (e == NULL || (delta < 0 && e->delta <= 0)) {
        return 0;
    }
    e->delta += delta;
    return 1;
}

/* A non-owner's increment of a non-immortal, non-deferred object: flag it
 * (the caller holds a reference, or read it from a container that drops
 * references through QSBR, so it is alive and nobody can be freeing it)
 * and count it in this thread's table. */
static void
incref_foreign(PyObject *op)
{
    /* An object without an owner (merged: its owner let go of it) keeps
     * exact counting: flagging it would defer its free even in a program
     * with one thread (objects the collector handles are made ownerless). */
    if (_Py_atomic_load_uintptr_relaxed(&op->ob_tid) == 0) {
        _Py_atomic_add_ssize(&op->ob_ref_shared, (1 << _Py_REF_SHARED_SHIFT));
        return;
    }
    Py_ssize_t shared = _Py_atomic_load_ssize_relaxed(&op->ob_ref_shared);
    while (!(shared & _Py_REF_FOREIGN)) {
        if (_Py_atomic_compare_exchange_ssize(&op->ob_ref_shared, &shared,
                                              shared | _Py_REF_FOREIGN)) {
            break;
        }
    }
    if (!foreign_add(op, 1)) {
        _Py_atomic_add_ssize(&op->ob_ref_shared, (1 << _Py_REF_SHARED_SHIFT));
    }
}

void
_Py_ForeignClearStale(PyObject *op)
{
    /* Right after a settle no table holds anything, so a flag still set is
     * stale (the object left every table without a settle seeing it; its
     * count is exact): clear it. */
    Py_ssize_t shared = _Py_atomic_load_ssize_relaxed(&op->ob_ref_shared);
    if (shared & _Py_REF_FOREIGN) {
        _Py_atomic_store_ssize_relaxed(&op->ob_ref_shared,
                                       shared & ~(Py_ssize_t)_Py_REF_FOREIGN);
    }
}

void
_Py_DisownStopped(PyObject *op)
{
    if (_Py_IsImmortal(op) || _PyObject_HasDeferredRefcount(op)) {
        return;
    }
    _Py_ForeignClearStale(op);
    Py_ssize_t shared = _Py_atomic_load_ssize_relaxed(&op->ob_ref_shared);
    uintptr_t tid = _Py_atomic_load_uintptr_relaxed(&op->ob_tid);
    Py_ssize_t flags = shared & _Py_REF_SHARED_FLAG_MASK;
    if (tid == 0 || tid == _Py_ThreadId() ||
        (flags != _Py_REF_SHARED_INIT && flags != _Py_REF_MAYBE_WEAKREF)) {
        return;  /* ours, ownerless already, or queued to its owner */
    }
    /* Its owner is stopped (or gone): merging cannot race with it. */
    (void)_Py_ExplicitMergeRefcount(op, 0);
}

int
_Py_ForeignSettlePending(void)
{
    _Py_thread_refcounts *rc = _Py_tls_refcounts;
    if (rc != NULL && rc->foreign != NULL && rc->foreign->remembered.size > 0) {
        return 1;
    }
    _PyMutex_LockNoDetach(&orphans.mutex);
    int pending = orphans.objs.size > 0;
    PyMutex_Unlock(&orphans.mutex);
    return pending;
}

Py_ssize_t
_Py_ForeignRefcntAdjust(PyObject *op)
{
    _Py_foreign_ref *e = foreign_find(op);
    return e != NULL ? e->delta : 0;
}

/* A thread's table back into the shared fields, and its remembered objects
 * into `seen` (a settle, world stopped) or the orphans (its thread
 * leaving). */
static void
foreign_flush(_Py_thread_refcounts *rc, _PyObjectStack *seen)
{
    struct _Py_foreign_state *fs = rc->foreign;
    if (fs == NULL) {
        return;
    }
    if (fs->nused <= FOREIGN_USED_MAX) {
        for (Py_ssize_t k = 0; k < fs->nused; k++) {
            _Py_foreign_ref *e = &fs->table[fs->used[k]];
            if (e->op != NULL) {
                foreign_evict(e, seen);
            }
        }
    }
    else {
        for (Py_ssize_t i = 0; i < FOREIGN_ENTRIES; i++) {
            if (fs->table[i].op != NULL) {
                foreign_evict(&fs->table[i], seen);
            }
        }
    }
    fs->nused = 0;
    PyObject *op;
    if (seen != NULL) {
        while ((op = _PyObjectStack_Pop(&fs->remembered)) != NULL) {
            (void)_PyObjectStack_Push(seen, op);
        }
    }
    else if (fs->remembered.size > 0) {
        _PyMutex_LockNoDetach(&orphans.mutex);
        while ((op = _PyObjectStack_Pop(&fs->remembered)) != NULL) {
            (void)_PyObjectStack_Push(&orphans.objs, op);
        }
        PyMutex_Unlock(&orphans.mutex);
    }
    fs->potential = 0;
}

/* World stopped, every table folded in: `op` is no longer counted by any
 * table, so its count is exact again.  Clear the flag, and if that leaves
 * a count of zero (or a shared part below zero for a live owner, which
 * biased counting expresses by queueing to the owner) queue it, the queue
 * holding one (phantom) reference that its merge drops. */
static void
foreign_settle(PyObject *op, PyThreadState *collector)
{
    Py_ssize_t shared = _Py_atomic_load_ssize_relaxed(&op->ob_ref_shared);
    if (!(shared & _Py_REF_FOREIGN)) {
        return;  /* settled already (it was in several lists) */
    }
    shared &= ~(Py_ssize_t)_Py_REF_FOREIGN;
    Py_ssize_t flags = shared & _Py_REF_SHARED_FLAG_MASK;
    Py_ssize_t n = shared >> _Py_REF_SHARED_SHIFT;
    int queue = 0;
    if (flags == _Py_REF_MERGED && n <= 0) {
        shared = _Py_REF_SHARED(1, _Py_REF_MERGED);
        queue = 1;
    }
    else if (flags != _Py_REF_MERGED && flags != _Py_REF_QUEUED && n < 0) {
        shared = _Py_REF_SHARED(n + 1, _Py_REF_QUEUED);
        queue = 1;
    }
    _Py_atomic_store_ssize_relaxed(&op->ob_ref_shared, shared);
    if (queue) {
        _Py_brc_queue_object_stopped(op, collector);
    }
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
    _PyObjectStack seen = {0};
    _Py_FOR_EACH_TSTATE(interp, t) {
        merge_array(&t->refcounts);
        foreign_flush(&t->refcounts, &seen);
    }
    PyMutex_Unlock(&slots.mutex);
    PyMutex_Unlock(&interp->threads_mutex);
    _PyMutex_LockNoDetach(&orphans.mutex);
    PyObject *op;
    while ((op = _PyObjectStack_Pop(&orphans.objs)) != NULL) {
        (void)_PyObjectStack_Push(&seen, op);
    }
    PyMutex_Unlock(&orphans.mutex);
    /* Settle only now that every table has been folded in. */
    PyThreadState *collector = _PyThreadState_GET();
    for (Py_ssize_t i = 0; i < seen.size; i++) {
        foreign_settle(seen.items[i], collector);
    }
    _PyObjectStack_Clear(&seen);
}

void
_Py_ThreadRefcountsRemove(_Py_thread_refcounts *rc)
{
    /* Foreign counts go back into the objects (never frees). */
    struct _Py_foreign_state *fs = rc->foreign;
    if (fs != NULL) {
        foreign_flush(rc, NULL);
        _PyObjectStack_Clear(&fs->remembered);
        rc->foreign = NULL;
        PyMem_RawFree(fs);
    }
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
    orphans.mutex = (PyMutex){0};
}

#endif /* Py_GIL_DISABLED */
