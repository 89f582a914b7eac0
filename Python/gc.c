/* gc.c: the cycle collector.  Allocation and tracking of GC objects
 * (PyObject_GC_New & co, PyObject_GC_Track/UnTrack/Del), the collection
 * itself, finalizers (PyObject_CallFinalizer, PEP 442), and the walks that
 * gc.get_objects / get_referrers / freeze need (Modules/gcmodule.c).
 *
 * Where tracked objects live (see pycore_gc.h):
 *   default build   generations 0..2 and a permanent one, guarded by the GIL;
 *                   a collection of generation g examines generations 0..g.
 *   free-threaded   per-thread slot sets; a collection stops the world and
 *                   examines every tracked object.
 *
 * Slot sets (free-threaded build).  Tracking must cost the allocating thread
 * no lock and no atomic read-modify-write, as in the default build.  Each
 * thread state owns a set of 8 KiB chunks of slots (tstate->gc_slots); a
 * tracked object's _gc_next points to its slot, the slot holds the object.
 *  - Track: pop a slot off the thread's own free list (a list threaded
 *    through the free slots, tagged with low bit 1); when it is empty,
 *    reclaim slots other threads zeroed (if they are worth a scan: an
 *    eighth of the set) or add a chunk.
 *  - UnTrack by the owner (chunk->owner, found by masking the slot address,
 *    is the thread's set): push the slot on the free list.  By any other
 *    thread: store 0 in the slot and count it on the owner's remote_frees
 *    (one atomic add; cross-thread frees pay for cross-thread traffic
 *    anyway).  The owner never touches a slot holding a live object and the
 *    remote thread never touches the slot again, so neither races; slot
 *    words are still accessed with relaxed atomics for ThreadSanitizer.
 *  - Thread exit: the set becomes an orphan (under slots_mutex); its objects
 *    stay where they are and every untrack of them is "remote".  The next
 *    thread that needs a set adopts an orphan whole, so chunk->owner never
 *    changes (a remote untrack may be reading it) and thread churn does not
 *    leak sets.
 *  - Threads without a thread state (start-up, shutdown, foreign threads)
 *    track into a shared set under slots_mutex.
 *  - The collector stops the world and takes slots_mutex, reads every slot
 *    of every set, and afterwards tidies each set: sets with much idle room
 *    are compacted (survivors slid to the front, their _gc_next updated,
 *    empty chunks freed), the others get their zeroed slots back on the
 *    free list; empty orphans are freed.  Chunks are only ever freed then,
 *    when no untrack can be half-way.
 *
 * A collection:
 *  1. gather the examined objects into an array (their _gc_prev holds their
 *     index and flags), and compute for each its reference count minus the
 *     references coming from other examined objects (tp_traverse);
 *  2. everything reachable from an object with a positive remainder is
 *     reachable; the rest is garbage.  Take a strong reference to each
 *     garbage object, clear the weak references to it (remembering callbacks
 *     of weak references that are not garbage themselves), and put every
 *     object back on a list (the older generation; free-threaded build:
 *     every object stays in its slot, and the slot sets are tidied);
 *  3. (world running again) call weak reference callbacks, then tp_finalize
 *     once per object (PEP 442);
 *  4. check again which garbage objects are still unreachable, counting our
 *     own reference: finalizers may have resurrected some;
 *  5. tp_clear the still-unreachable ones and drop our references, which
 *     frees the cycles.
 * A collection is scheduled when allocations minus frees of GC objects pass
 * threshold 0: the allocating thread's eval breaker gets _PY_GC_SCHEDULED_BIT
 * and the collection runs at its next safe point (_Py_RunGC). */
#include "Python.h"
#include "pycore_pystate.h"
#include "pycore_object.h"
#include "pycore_gc.h"
#include "pycore_frame.h"
#include <stdlib.h>
#include <time.h>

static struct _gc_runtime_state gc_state;

struct _gc_runtime_state *
_PyGC_GetState(void)
{
    return &gc_state;
}

/* ---- list primitives ---------------------------------------------------- */

/* _gc_next is read without the list's lock to ask "is it tracked?" while
 * other threads relink its neighbours under the lock: relaxed atomics, so
 * those accesses are not data races (the zero/non-zero answer only changes
 * under the lock). */
static inline void
gc_store_next(PyGC_Head *g, uintptr_t v)
{
    _Py_atomic_store_uintptr_relaxed(&g->_gc_next, v);
}

static inline uintptr_t
gc_load_next(PyGC_Head *g)
{
    return _Py_atomic_load_uintptr_relaxed(&g->_gc_next);
}

static inline PyGC_Head *
gc_next(PyGC_Head *g)
{
    return (PyGC_Head *)g->_gc_next;
}

static inline PyGC_Head *
gc_prev(PyGC_Head *g)
{
    return (PyGC_Head *)(g->_gc_prev & ~_PyGC_PREV_FLAGS);
}

static inline void
gc_set_prev(PyGC_Head *g, PyGC_Head *p)
{
    g->_gc_prev = (uintptr_t)p | (g->_gc_prev & _PyGC_PREV_FLAGS);
}

static inline void
list_init(PyGC_Head *head)
{
    gc_store_next(head, (uintptr_t)head);
    head->_gc_prev = (uintptr_t)head;
}

static inline int
list_is_empty(PyGC_Head *head)
{
    return gc_next(head) == head;
}

static inline void
list_append(PyGC_Head *node, PyGC_Head *head)
{
    PyGC_Head *last = gc_prev(head);
    gc_set_prev(node, last);
    gc_store_next(node, (uintptr_t)head);
    gc_store_next(last, (uintptr_t)node);
    gc_set_prev(head, node);
}

/* Unlink; the node keeps its persistent flags and reads as untracked. */
static inline void
list_remove(PyGC_Head *node)
{
    PyGC_Head *prev = gc_prev(node);
    PyGC_Head *next = gc_next(node);
    gc_store_next(prev, (uintptr_t)next);
    gc_set_prev(next, prev);
    gc_store_next(node, 0);
    node->_gc_prev &= _PyGC_PREV_FLAGS;
}

#ifndef Py_GIL_DISABLED
/* Move every node of `from` to the end of `to`. */
static void
list_merge(PyGC_Head *from, PyGC_Head *to)
{
    if (list_is_empty(from)) {
        return;
    }
    PyGC_Head *to_last = gc_prev(to);
    PyGC_Head *first = gc_next(from);
    PyGC_Head *last = gc_prev(from);
    gc_store_next(to_last, (uintptr_t)first);
    gc_set_prev(first, to_last);
    gc_store_next(last, (uintptr_t)to);
    gc_set_prev(to, last);
    list_init(from);
}
#endif

#ifndef Py_GIL_DISABLED
static Py_ssize_t
list_size(PyGC_Head *head)
{
    Py_ssize_t n = 0;
    for (PyGC_Head *g = gc_next(head); g != head; g = gc_next(g)) {
        n++;
    }
    return n;
}
#endif

/* ---- state -------------------------------------------------------------- */

void
_PyGC_Init(PyInterpreterState *interp)
{
    (void)interp;
    struct _gc_runtime_state *st = &gc_state;
    if (st->initialized) {
        return;
    }
    for (int i = 0; i < _PyGC_NUM_GENERATIONS; i++) {
        list_init(&st->generations[i].head);
        st->generations[i].count = 0;
    }
    st->generations[0].threshold = 2000;
    st->generations[1].threshold = 10;
    st->generations[2].threshold = 10;
#ifndef Py_GIL_DISABLED
    list_init(&st->permanent_generation.head);
#endif
    st->enabled = 1;
    st->initialized = 1;
}

static inline void
ensure_init(void)
{
    if (_Py_UNLIKELY(!gc_state.initialized)) {
        _PyGC_Init(NULL);
    }
}

#ifdef Py_GIL_DISABLED
/* ---- slot sets (free-threaded build; see the top of this file) ---------- */

#define SLOT_FREE_TAG ((uintptr_t)1)

static inline int
slot_is_object(uintptr_t v)
{
    return v != 0 && (v & SLOT_FREE_TAG) == 0;
}

static inline uintptr_t
slot_load(uintptr_t *slot)
{
    return _Py_atomic_load_uintptr_relaxed(slot);
}

static inline void
slot_store(uintptr_t *slot, uintptr_t v)
{
    _Py_atomic_store_uintptr_relaxed(slot, v);
}

static inline struct _gc_chunk *
chunk_of(uintptr_t *slot)
{
    return (struct _gc_chunk *)((uintptr_t)slot & ~(uintptr_t)(_PyGC_CHUNK_SIZE - 1));
}

static inline void
slots_lock(void)
{
    _PyMutex_LockNoDetach(&gc_state.slots_mutex);
}

static inline void
slots_unlock(void)
{
    PyMutex_Unlock(&gc_state.slots_mutex);
}

/* Every set: the shared one first, then the registry.  Under slots_mutex. */
static inline struct _gc_slot_set *
sets_next(struct _gc_slot_set *set)
{
    if (set == NULL) {
        return &gc_state.shared_slots;
    }
    if (set == &gc_state.shared_slots) {
        return gc_state.slot_sets;
    }
    return set->next_set;
}

/* Put slots first[0..n) on the front of the free list, in address order
 * (so a fresh chunk fills front to back, like the allocator's pages). */
static void
free_list_push_run(struct _gc_slot_set *set, uintptr_t *first, Py_ssize_t n)
{
    uintptr_t next = (uintptr_t)set->free | SLOT_FREE_TAG;
    for (Py_ssize_t i = n - 1; i >= 0; i--) {
        slot_store(&first[i], next);
        next = (uintptr_t)&first[i] | SLOT_FREE_TAG;
    }
    if (n > 0) {
        set->free = first;
    }
}

static int
set_add_chunk(struct _gc_slot_set *set)
{
    void *mem = NULL;
    if (posix_memalign(&mem, _PyGC_CHUNK_SIZE, _PyGC_CHUNK_SIZE) != 0) {
        return -1;
    }
    struct _gc_chunk *c = mem;
    c->owner = set;
    c->next = NULL;
    if (set->last != NULL) {
        set->last->next = c;
    }
    else {
        set->chunks = c;
    }
    set->last = c;
    set->nchunks++;
    free_list_push_run(set, c->slots, _PyGC_CHUNK_SLOTS);
    return 0;
}

/* Push the slots other threads zeroed onto the free list (the owner, or
 * the collector).  Returns how many. */
static Py_ssize_t
set_reclaim_zeros(struct _gc_slot_set *set)
{
    Py_ssize_t found = 0;
    for (struct _gc_chunk *c = set->chunks; c != NULL; c = c->next) {
        for (Py_ssize_t i = 0; i < _PyGC_CHUNK_SLOTS; i++) {
            if (slot_load(&c->slots[i]) == 0) {
                slot_store(&c->slots[i], (uintptr_t)set->free | SLOT_FREE_TAG);
                set->free = &c->slots[i];
                found++;
            }
        }
    }
    return found;
}

/* A slot of `set` when its free list is empty; NULL if out of memory. */
static uintptr_t *
set_take_slow(struct _gc_slot_set *set)
{
    Py_ssize_t remote = _Py_atomic_load_ssize_relaxed(&set->remote_frees);
    /* A scan reads every slot: only when it pays for itself. */
    if (remote > 0 && remote >= set->nchunks * _PyGC_CHUNK_SLOTS / 8) {
        Py_ssize_t found = set_reclaim_zeros(set);
        if (found > 0) {
            _Py_atomic_add_ssize(&set->remote_frees, -found);
        }
    }
    if (set->free == NULL && set_add_chunk(set) < 0) {
        return NULL;
    }
    uintptr_t *slot = set->free;
    set->free = (uintptr_t *)(slot_load(slot) & ~SLOT_FREE_TAG);
    return slot;
}

/* The calling thread's first set: adopt an orphan, else a new one. */
static struct _gc_slot_set *
thread_set_create(PyThreadState *tstate)
{
    slots_lock();
    struct _gc_slot_set *set = NULL;
    for (struct _gc_slot_set *o = gc_state.slot_sets; o != NULL; o = o->next_set) {
        if (o->orphaned) {
            o->orphaned = 0;
            set = o;
            break;
        }
    }
    if (set == NULL) {
        set = PyMem_RawCalloc(1, sizeof(*set));
        if (set != NULL) {
            set->next_set = gc_state.slot_sets;
            gc_state.slot_sets = set;
        }
    }
    tstate->gc_slots = set;
    slots_unlock();
    return set;
}

/* Track when the fast path cannot: no set yet, its free list is empty, or
 * no thread state (then the shared set, under the lock). */
static void
track_slow(PyThreadState *tstate, PyObject *op)
{
    ensure_init();
    struct _gc_slot_set *set = NULL;
    if (tstate != NULL) {
        set = tstate->gc_slots;
        if (set == NULL) {
            set = thread_set_create(tstate);
        }
    }
    int locked = 0;
    if (set == NULL) {
        slots_lock();
        locked = 1;
        set = &gc_state.shared_slots;
    }
    uintptr_t *slot = set->free;
    if (slot != NULL) {
        set->free = (uintptr_t *)(slot_load(slot) & ~SLOT_FREE_TAG);
    }
    else {
        slot = set_take_slow(set);
    }
    /* Out of memory for a chunk: the object stays untracked (a cycle
     * through it would leak, nothing worse). */
    if (slot != NULL) {
        slot_store(slot, (uintptr_t)op);
        gc_store_next(_Py_AS_GC(op), (uintptr_t)slot);
    }
    if (locked) {
        slots_unlock();
    }
}

void
_PyGC_ThreadExit(PyThreadState *tstate)
{
    struct _gc_slot_set *set = tstate->gc_slots;
    if (set == NULL) {
        return;
    }
    slots_lock();
    tstate->gc_slots = NULL;
    set->orphaned = 1;
    slots_unlock();
}

void
_PyGC_AfterFork(void)
{
    gc_state.slots_mutex = (PyMutex){0};
}

/* Free the chunks after keep_last (all of them if NULL). */
static void
set_free_chunks_after(struct _gc_slot_set *set, struct _gc_chunk *keep_last)
{
    struct _gc_chunk *c = keep_last != NULL ? keep_last->next : set->chunks;
    while (c != NULL) {
        struct _gc_chunk *next = c->next;
        free(c);
        set->nchunks--;
        c = next;
    }
    if (keep_last != NULL) {
        keep_last->next = NULL;
    }
    else {
        set->chunks = NULL;
        set->free = NULL;
    }
    set->last = keep_last;
}

/* Slide the live objects of `set` to the front of its chunks (in order, so
 * a destination slot is never one not yet read), repoint their _gc_next,
 * keep one spare chunk after the last used one, free the rest and rebuild
 * the free list.  World stopped. */
static void
set_compact(struct _gc_slot_set *set)
{
    struct _gc_chunk *wc = set->chunks;
    Py_ssize_t wi = 0;
    for (struct _gc_chunk *rc = set->chunks; rc != NULL; rc = rc->next) {
        for (Py_ssize_t ri = 0; ri < _PyGC_CHUNK_SLOTS; ri++) {
            uintptr_t v = slot_load(&rc->slots[ri]);
            if (!slot_is_object(v)) {
                continue;
            }
            uintptr_t *dst = &wc->slots[wi];
            if (dst != &rc->slots[ri]) {
                slot_store(dst, v);
                gc_store_next(_Py_AS_GC((PyObject *)v), (uintptr_t)dst);
            }
            if (++wi == _PyGC_CHUNK_SLOTS) {
                wc = wc->next;
                wi = 0;
            }
        }
    }
    set->free = NULL;
    if (wc == NULL) {
        return;  /* every slot is in use: nothing to free */
    }
    /* wc holds the first free slot (with wi == 0 it is wholly free). */
    struct _gc_chunk *spare = wc->next;
    set_free_chunks_after(set, spare != NULL ? spare : wc);
    if (spare != NULL) {
        free_list_push_run(set, spare->slots, _PyGC_CHUNK_SLOTS);
    }
    free_list_push_run(set, &wc->slots[wi], _PyGC_CHUNK_SLOTS - wi);
}

/* After a collection, world stopped, slots_mutex held; set->live counts
 * the objects gather() found in each set. */
static void
sets_tidy(void)
{
    struct _gc_slot_set **link = &gc_state.slot_sets;
    for (struct _gc_slot_set *set = sets_next(NULL); set != NULL;) {
        struct _gc_slot_set *next = sets_next(set);
        Py_ssize_t total = set->nchunks * _PyGC_CHUNK_SLOTS;
        Py_ssize_t idle = total - set->live;
        if (set->orphaned && set->live == 0) {
            /* No object points into it and no thread owns it. */
            set_free_chunks_after(set, NULL);
            *link = next;
            PyMem_RawFree(set);
            set = next;
            continue;
        }
        if (set->nchunks > 1 && idle > total / 4 && idle > _PyGC_CHUNK_SLOTS) {
            set_compact(set);
        }
        else if (_Py_atomic_load_ssize_relaxed(&set->remote_frees) != 0) {
            set_reclaim_zeros(set);
        }
        _Py_atomic_store_ssize_relaxed(&set->remote_frees, 0);
        if (set != &gc_state.shared_slots) {
            link = &set->next_set;
        }
        set = next;
    }
}
#endif

/* ---- scheduling ---------------------------------------------------------- */

static void
schedule_collection(void)
{
    if (!_Py_atomic_load_int_relaxed(&gc_state.enabled) ||
        _Py_atomic_load_int_relaxed(&gc_state.collecting)) {
        return;
    }
    PyThreadState *tstate = _PyThreadState_GET();
    if (tstate != NULL) {
        _Py_set_eval_breaker_bit(tstate, _PY_GC_SCHEDULED_BIT);
    }
}

#ifdef Py_GIL_DISABLED
/* Every collection here is a full one (no generations), so it is due only
 * when the new objects are also a quarter of those that survived the last
 * one: a program building a large live structure then costs linear time in
 * collections, not quadratic. */
static inline int
collection_due(int count)
{
    int threshold = _Py_atomic_load_int_relaxed(&gc_state.generations[0].threshold);
    Py_ssize_t survivors = _Py_atomic_load_ssize_relaxed(&gc_state.long_lived_total);
    return threshold > 0 && count > threshold && count > survivors / 4;
}

/* Each thread counts privately and publishes in batches, so allocation does
 * not bounce one cache line between cores. */
static _Thread_local int gc_local_delta;
#define GC_COUNT_BATCH 64

static inline void
count_alloc(int delta)
{
    gc_local_delta += delta;
    if (gc_local_delta >= GC_COUNT_BATCH || gc_local_delta <= -GC_COUNT_BATCH) {
        int d = gc_local_delta;
        gc_local_delta = 0;
        int count = _Py_atomic_add_int(&gc_state.generations[0].count, d) + d;
        if (d > 0 && collection_due(count)) {
            schedule_collection();
        }
    }
}
#else
static inline void
count_alloc(int delta)
{
    struct _gc_generation *gen0 = &gc_state.generations[0];
    if (delta < 0) {
        if (gen0->count > 0) {
            gen0->count--;
        }
        return;
    }
    gen0->count++;
    if (gen0->threshold > 0 && gen0->count > gen0->threshold) {
        schedule_collection();
    }
}
#endif

/* Free lists (pycore_freelist.h): an object popped from one counts as an
 * allocation, one pushed as a free, so the schedule is unchanged by them. */
void
_PyGC_CountAlloc(int delta)
{
    ensure_init();
    count_alloc(delta);
}

/* ---- allocation and tracking -------------------------------------------- */

PyObject *
_PyObject_GC_Malloc(size_t basicsize)
{
    if (basicsize > (size_t)PY_SSIZE_T_MAX - sizeof(PyGC_Head)) {
        return PyErr_NoMemory();
    }
    PyGC_Head *g = PyObject_Malloc(sizeof(PyGC_Head) + basicsize);
    if (g == NULL) {
        return PyErr_NoMemory();
    }
    gc_store_next(g, 0);
    g->_gc_prev = 0;
    ensure_init();
    count_alloc(1);
    return _Py_FROM_GC(g);
}

PyObject *
_PyObject_GC_New(PyTypeObject *type)
{
    PyObject *op = _PyObject_GC_Malloc(_PyObject_SIZE(type));
    if (op != NULL) {
        _PyObject_Init(op, type);
    }
    return op;
}

PyVarObject *
_PyObject_GC_NewVar(PyTypeObject *type, Py_ssize_t nitems)
{
    if (nitems < 0 || (size_t)nitems > (PY_SSIZE_T_MAX - (size_t)type->tp_basicsize) /
                                            ((size_t)type->tp_itemsize + 1)) {
        return (PyVarObject *)PyErr_NoMemory();
    }
    PyVarObject *op = (PyVarObject *)_PyObject_GC_Malloc(_PyObject_VAR_SIZE(type, nitems));
    if (op != NULL) {
        _PyObject_InitVar(op, type, nitems);
    }
    return op;
}

PyVarObject *
_PyObject_GC_Resize(PyVarObject *op, Py_ssize_t nitems)
{
    PyTypeObject *type = Py_TYPE(op);
    if (nitems < 0) {
        return (PyVarObject *)PyErr_NoMemory();
    }
#ifdef Py_GIL_DISABLED
    /* The slot (copied along in the PyGC_Head) gets the new address.  It is
     * ours to write whoever owns it: owners never touch a live object's
     * slot, and the collector cannot run before we return. */
    uintptr_t slot = gc_load_next(_Py_AS_GC(op));
    PyGC_Head *ng = PyObject_Realloc(_Py_AS_GC(op),
                                     sizeof(PyGC_Head) + _PyObject_VAR_SIZE(type, nitems));
    if (ng == NULL) {
        return (PyVarObject *)PyErr_NoMemory();
    }
    op = (PyVarObject *)_Py_FROM_GC(ng);
    if (slot != 0) {
        slot_store((uintptr_t *)slot, (uintptr_t)op);
    }
    Py_SET_SIZE(op, nitems);
    return op;
#else
    /* The lists point at the old address: leave them while moving. */
    int tracked = _PyObject_GC_IS_TRACKED((PyObject *)op);
    if (tracked) {
        PyObject_GC_UnTrack(op);
    }
    size_t size = _PyObject_VAR_SIZE(type, nitems);
    PyGC_Head *g = PyObject_Realloc(_Py_AS_GC(op), sizeof(PyGC_Head) + size);
    if (g == NULL) {
        if (tracked) {
            PyObject_GC_Track(op);
        }
        return (PyVarObject *)PyErr_NoMemory();
    }
    op = (PyVarObject *)_Py_FROM_GC(g);
    Py_SET_SIZE(op, nitems);
    if (tracked) {
        PyObject_GC_Track(op);
    }
    return op;
#endif
}

void
PyObject_GC_Track(void *op_)
{
    PyObject *op = (PyObject *)op_;
    PyGC_Head *g = _Py_AS_GC(op);
    if (gc_load_next(g) != 0) {
        return;  /* already tracked */
    }
#ifdef Py_GIL_DISABLED
    PyThreadState *tstate = _PyThreadState_GET();
    struct _gc_slot_set *set;
    uintptr_t *slot;
    if (tstate != NULL && (set = tstate->gc_slots) != NULL && (slot = set->free) != NULL) {
        set->free = (uintptr_t *)(slot_load(slot) & ~SLOT_FREE_TAG);
        slot_store(slot, (uintptr_t)op);
        gc_store_next(g, (uintptr_t)slot);
        return;
    }
    track_slow(tstate, op);
#else
    ensure_init();
    list_append(g, &gc_state.generations[0].head);
#endif
}

void
PyObject_GC_UnTrack(void *op_)
{
    PyObject *op = (PyObject *)op_;
    PyGC_Head *g = _Py_AS_GC(op);
    uintptr_t v = gc_load_next(g);
    if (v == 0) {
        return;
    }
#ifdef Py_GIL_DISABLED
    uintptr_t *slot = (uintptr_t *)v;
    struct _gc_slot_set *owner = chunk_of(slot)->owner;
    gc_store_next(g, 0);
    PyThreadState *tstate = _PyThreadState_GET();
    if (tstate != NULL && owner == tstate->gc_slots) {
        slot_store(slot, (uintptr_t)owner->free | SLOT_FREE_TAG);
        owner->free = slot;
        return;
    }
    /* Another thread's slot (or the shared set's, or an orphan's). */
    slot_store(slot, 0);
    _Py_atomic_add_ssize(&owner->remote_frees, 1);
#else
    list_remove(g);
#endif
}

void
PyObject_GC_Del(void *op_)
{
    PyObject *op = (PyObject *)op_;
    if (gc_load_next(_Py_AS_GC(op)) != 0) {
        PyObject_GC_UnTrack(op);
    }
    count_alloc(-1);
    PyObject_Free(_Py_AS_GC(op));
}

int
PyObject_GC_IsTracked(PyObject *op)
{
    return PyObject_IS_GC(op) && _PyObject_GC_IS_TRACKED(op);
}

int
PyObject_GC_IsFinalized(PyObject *op)
{
    return PyObject_IS_GC(op) && _PyGC_FINALIZED(op);
}

int
PyObject_IS_GC(PyObject *obj)
{
    PyTypeObject *tp = Py_TYPE(obj);
    return PyType_IS_GC(tp) && (tp->tp_is_gc == NULL || tp->tp_is_gc(obj));
}

/* Set the finalized bit.  _gc_prev holds only this object's flags in the
 * free-threaded build (the collector changes it only with the world
 * stopped); in the default build its list neighbours change it, under the
 * GIL like us. */
static void
set_finalized(PyObject *op)
{
    _Py_AS_GC(op)->_gc_prev |= _PyGC_PREV_MASK_FINALIZED;
}

/* ---- finalizers (PEP 442) ------------------------------------------------ */

void
PyObject_CallFinalizer(PyObject *self)
{
    PyTypeObject *tp = Py_TYPE(self);
    if (tp->tp_finalize == NULL) {
        return;
    }
    int is_gc = PyObject_IS_GC(self);
    if (is_gc && _PyGC_FINALIZED(self)) {
        return;
    }
    /* Mark first: a finalizer that resurrects the object and drops it again
     * must not run a second time. */
    if (is_gc) {
        set_finalized(self);
    }
    tp->tp_finalize(self);
}

/* From a tp_dealloc with the count at zero: run the finalizer with the
 * object temporarily alive.  0: go on deallocating; -1: the finalizer
 * resurrected it and the caller must return at once. */
int
PyObject_CallFinalizerFromDealloc(PyObject *self)
{
#ifdef Py_GIL_DISABLED
    _Py_NewReference_Count(self);
    PyObject_CallFinalizer(self);
    if (_Py_IsOwnedByCurrentThread(self) &&
        _Py_atomic_load_uint32_relaxed(&self->ob_ref_local) == 1 &&
        _Py_atomic_load_ssize_relaxed(&self->ob_ref_shared) == 0) {
        self->ob_ref_local = 0;
        return 0;
    }
    Py_DECREF(self);
    return -1;
#else
    self->ob_refcnt = 1;
    PyObject_CallFinalizer(self);
    if (--self->ob_refcnt == 0) {
        return 0;
    }
    return -1;
#endif
}

/* ---- the collection ------------------------------------------------------ */

typedef struct {
    PyObject *op;
    Py_ssize_t refs;
} gc_entry;

typedef struct {
    gc_entry *e;
    Py_ssize_t n, cap;
    Py_ssize_t *stack;
    Py_ssize_t sp;
} gc_set;

static int
set_reserve(gc_set *s, Py_ssize_t n)
{
    if (n <= s->cap) {
        return 0;
    }
    Py_ssize_t cap = s->cap ? s->cap : 256;
    while (cap < n) {
        cap *= 2;
    }
    gc_entry *e = PyMem_RawRealloc(s->e, (size_t)cap * sizeof(gc_entry));
    if (e == NULL) {
        return -1;
    }
    s->e = e;
    s->cap = cap;
    return 0;
}

static void
set_free(gc_set *s)
{
    PyMem_RawFree(s->e);
    PyMem_RawFree(s->stack);
    *s = (gc_set){0};
}

/* Put a tracked object into the set (room reserved).  Its _gc_next stays a
 * valid forward link of its old list until the set is relinked, so a failed
 * gather can be undone (list_repair) and the object still reads as tracked;
 * _gc_prev holds its index while it is being examined. */
static inline void
set_add(gc_set *s, PyObject *op)
{
    PyGC_Head *g = _Py_AS_GC(op);
    Py_ssize_t i = s->n++;
    s->e[i].op = op;
    s->e[i].refs = 0;
    g->_gc_prev = ((uintptr_t)i << _PyGC_PREV_SHIFT) | _PyGC_PREV_MASK_COLLECTING |
                  (g->_gc_prev & (_PyGC_PREV_MASK_FINALIZED | _PyGC_PREV_MASK_FROZEN));
}

static inline int
set_is_reachable(gc_set *s, Py_ssize_t i)
{
    return (_Py_AS_GC(s->e[i].op)->_gc_prev & _PyGC_PREV_MASK_REACHABLE) != 0;
}

/* Put entry i back on list `head` (free-threaded build: it never left
 * its slot; only the collection bits go). */
static void
set_relink(gc_set *s, Py_ssize_t i, PyGC_Head *head)
{
    PyObject *op = s->e[i].op;
    PyGC_Head *g = _Py_AS_GC(op);
    g->_gc_prev &= (_PyGC_PREV_MASK_FINALIZED | _PyGC_PREV_MASK_FROZEN);
#ifdef Py_GIL_DISABLED
    (void)head;
#else
    gc_store_next(g, 0);
    list_append(g, head);
#endif
}

static int
visit_decref(PyObject *op, void *arg)
{
    if (PyObject_IS_GC(op)) {
        uintptr_t p = _Py_AS_GC(op)->_gc_prev;
        if (p & _PyGC_PREV_MASK_COLLECTING) {
            ((gc_entry *)arg)[p >> _PyGC_PREV_SHIFT].refs--;
        }
    }
    return 0;
}

static int
visit_reachable(PyObject *op, void *arg)
{
    if (PyObject_IS_GC(op)) {
        PyGC_Head *g = _Py_AS_GC(op);
        uintptr_t p = g->_gc_prev;
        if ((p & _PyGC_PREV_MASK_COLLECTING) && !(p & _PyGC_PREV_MASK_REACHABLE)) {
            gc_set *s = arg;
            g->_gc_prev = p | _PyGC_PREV_MASK_REACHABLE;
            s->stack[s->sp++] = (Py_ssize_t)(p >> _PyGC_PREV_SHIFT);
        }
    }
    return 0;
}

/* Mark the reachable members of the set; `held` references per object are
 * the collector's own.  -1 if out of memory (then everything counts as
 * reachable). */
static int
set_mark_reachable(gc_set *s, Py_ssize_t held)
{
    s->stack = PyMem_RawMalloc((size_t)(s->n ? s->n : 1) * sizeof(Py_ssize_t));
    if (s->stack == NULL) {
        for (Py_ssize_t i = 0; i < s->n; i++) {
            _Py_AS_GC(s->e[i].op)->_gc_prev |= _PyGC_PREV_MASK_REACHABLE;
        }
        return -1;
    }
    for (Py_ssize_t i = 0; i < s->n; i++) {
        PyObject *op = s->e[i].op;
        if (_Py_IsImmortal(op)) {
            s->e[i].refs = PY_SSIZE_T_MAX / 2;
        }
        else {
#ifdef Py_GIL_DISABLED
            /* Tracked objects are the ones a stale foreign flag can be
             * found on and cleared (Objects/refcount.c). */
            if (!_PyObject_HasDeferredRefcount(op)) {
                _Py_ForeignClearStale(op);
            }
#endif
            s->e[i].refs = Py_REFCNT(op) - held;
        }
    }
    for (Py_ssize_t i = 0; i < s->n; i++) {
        PyObject *op = s->e[i].op;
        traverseproc traverse = Py_TYPE(op)->tp_traverse;
        if (traverse != NULL) {
            traverse(op, visit_decref, s->e);
        }
    }
    s->sp = 0;
    for (Py_ssize_t i = 0; i < s->n; i++) {
        if (s->e[i].refs > 0) {
            _Py_AS_GC(s->e[i].op)->_gc_prev |= _PyGC_PREV_MASK_REACHABLE;
            s->stack[s->sp++] = i;
        }
    }
    while (s->sp > 0) {
        PyObject *op = s->e[s->stack[--s->sp]].op;
        traverseproc traverse = Py_TYPE(op)->tp_traverse;
        if (traverse != NULL) {
            traverse(op, visit_reachable, s);
        }
    }
    return 0;
}

#ifdef Py_GIL_DISABLED
/* The slot sets are ours while the world stands still: slots_mutex keeps
 * out the threads that run anyway (detached ones leaving, threads without
 * a thread state).  No attached thread holds it across a safe point, so
 * taking it after stopping the world cannot deadlock. */
/* Code objects of running thread frames that do not count them
 * (code_borrowed, Python/frame.c): counted while the world stands still,
 * so that a running function's code is never taken for garbage, and
 * uncounted again at start_world (exactly those: the collecting thread may
 * push and pop frames in between). */
static _PyObjectStack borrowed_codes;

static void
count_borrowed_codes(PyInterpreterState *interp)
{
    _PyMutex_LockNoDetach(&interp->threads_mutex);
    _Py_FOR_EACH_TSTATE(interp, t) {
        for (_PyInterpreterFrame *f = t->current_frame; f != NULL; f = f->previous) {
            if (f->code_borrowed) {
                PyObject *co = (PyObject *)f->f_code;
                _Py_atomic_add_ssize(&co->ob_ref_shared, 1 << _Py_REF_SHARED_SHIFT);
                /* Out of memory: the count stays (the code object leaks,
                 * it is never freed early). */
                (void)_PyObjectStack_Push(&borrowed_codes, co);
            }
        }
    }
    PyMutex_Unlock(&interp->threads_mutex);
}

static void
uncount_borrowed_codes(void)
{
    PyObject *co;
    while ((co = _PyObjectStack_Pop(&borrowed_codes)) != NULL) {
        _Py_atomic_add_ssize(&co->ob_ref_shared, -(1 << _Py_REF_SHARED_SHIFT));
    }
}

static void
stop_world(void)
{
    _PyEval_StopTheWorld(_PyInterpreterState_GET());
    /* Deferred objects are counted per thread: fold the counts in so that
     * Py_REFCNT is exact while the world stands still. */
    _Py_MergeThreadRefcounts(_PyInterpreterState_GET());
    count_borrowed_codes(_PyInterpreterState_GET());
    slots_lock();
}
static void
start_world(void)
{
    slots_unlock();
    uncount_borrowed_codes();
    _PyEval_StartTheWorld(_PyInterpreterState_GET());
}
#else
static void stop_world(void) {}
static void start_world(void) {}
#endif

#ifndef Py_GIL_DISABLED
/* Rebuild the back links of a list whose forward links are intact (after
 * a gather that ran out of memory), dropping the collection flags. */
static void
list_repair(PyGC_Head *head)
{
    PyGC_Head *prev = head;
    for (PyGC_Head *g = gc_next(head); g != head; g = gc_next(g)) {
        g->_gc_prev = (uintptr_t)prev |
                      (g->_gc_prev & (_PyGC_PREV_MASK_FINALIZED | _PyGC_PREV_MASK_FROZEN));
        prev = g;
    }
    gc_set_prev(head, prev);
}

/* Add every object of one list to the set, in one walk (no separate count:
 * on a large heap every walk of a list is a cache miss per object).  With
 * `frozen`, frozen objects are left out and move there.  -1 if the set
 * could not grow. */
static int
gather_list(gc_set *s, PyGC_Head *head, PyGC_Head *frozen)
{
    PyGC_Head *g = gc_next(head);
    while (g != head) {
        PyGC_Head *next = gc_next(g);
        if (frozen != NULL && (g->_gc_prev & _PyGC_PREV_MASK_FROZEN)) {
            /* Its predecessor's forward link skips it from now on. */
            list_remove(g);
            g->_gc_prev |= _PyGC_PREV_MASK_FROZEN;
            list_append(g, frozen);
        }
        else {
            if (s->n == s->cap && set_reserve(s, s->n + 1) < 0) {
                return -1;
            }
            set_add(s, _Py_FROM_GC(g));
        }
        g = next;
    }
    return 0;
}
#endif

/* Gather the objects a collection of `generation` examines (world
 * stopped), leaving the lists they came from empty.  -1 on memory failure
 * (then the lists are as they were). */
static int
gather(gc_set *s, int generation)
{
#ifdef Py_GIL_DISABLED
    (void)generation;
    Py_ssize_t hint = _Py_atomic_load_ssize_relaxed(&gc_state.long_lived_total) +
                      _Py_atomic_load_int_relaxed(&gc_state.generations[0].count);
    (void)set_reserve(s, hint > 0 ? hint + hint / 8 : 256);
    int failed = 0;
    for (struct _gc_slot_set *set = sets_next(NULL); set != NULL; set = sets_next(set)) {
        set->live = 0;
        for (struct _gc_chunk *c = set->chunks; c != NULL; c = c->next) {
            for (Py_ssize_t i = 0; i < _PyGC_CHUNK_SLOTS; i++) {
                uintptr_t v = slot_load(&c->slots[i]);
                if (!slot_is_object(v)) {
                    continue;
                }
                set->live++;
                PyObject *op = (PyObject *)v;
                if (failed || (_Py_AS_GC(op)->_gc_prev & _PyGC_PREV_MASK_FROZEN)) {
                    continue;
                }
                if (s->n == s->cap && set_reserve(s, s->n + 1) < 0) {
                    failed = 1;
                    continue;
                }
                set_add(s, op);
            }
        }
    }
    if (failed) {
        /* Objects never left their slots: only the index bits go. */
        for (Py_ssize_t i = 0; i < s->n; i++) {
            set_relink(s, i, NULL);
        }
        s->n = 0;
        return -1;
    }
    return 0;
#else
    int nlists = generation + 1;
    int failed = -1;
    for (int i = 0; i < nlists && failed < 0; i++) {
        if (gather_list(s, &gc_state.generations[i].head, NULL) < 0) {
            failed = i;
        }
    }
    for (int i = 0; i < nlists; i++) {
        PyGC_Head *head = &gc_state.generations[i].head;
        if (failed < 0) {
            list_init(head);
        }
        else if (i <= failed) {
            list_repair(head);
        }
    }
    if (failed >= 0) {
        s->n = 0;
        return -1;
    }
    return 0;
#endif
}

typedef struct {
    PyObject *wr;
    PyObject *callback;
} wr_callback;

typedef struct {
    wr_callback *items;
    Py_ssize_t n, cap;
} wr_callbacks;

/* Collects weak reference callbacks while the world is stopped: no Python
 * allocation here. */
static int
callbacks_add(wr_callbacks *c, PyObject *wr, PyObject *cb)
{
    if (c->n == c->cap) {
        Py_ssize_t cap = c->cap ? c->cap * 2 : 16;
        wr_callback *items = PyMem_RawRealloc(c->items, (size_t)cap * sizeof(wr_callback));
        if (items == NULL) {
            return -1;
        }
        c->items = items;
        c->cap = cap;
    }
    c->items[c->n].wr = wr;
    c->items[c->n].callback = cb;
    c->n++;
    return 0;
}

/* A weak reference that is itself garbage gets no callback (its callback
 * may be garbage too). */

static int
wr_is_not_garbage(PyObject *wr, void *arg)
{
    (void)arg;
    if (!PyObject_IS_GC(wr)) {
        return 1;
    }
    uintptr_t p = _Py_AS_GC(wr)->_gc_prev;
    if (!(p & _PyGC_PREV_MASK_COLLECTING)) {
        return 1;  /* not examined: it lives */
    }
    return (p & _PyGC_PREV_MASK_REACHABLE) != 0;
}

static int
wr_add(void *arg, PyObject *wr, PyObject *cb)
{
    return callbacks_add((wr_callbacks *)arg, wr, cb);
}

static void
debug_print_object(const char *what, PyObject *op)
{
    fprintf(stderr, "gc: %s <%s %p>\n", what, Py_TYPE(op)->tp_name, (void *)op);
}

#ifdef Py_GIL_DISABLED
/* Free what biased and foreign reference counting have left for later:
 * objects queued to this thread, references dropped through QSBR, and
 * (`force`, or while this thread has remembered some) foreign objects,
 * which only a stopped world can settle (stop_world() does it, through
 * _Py_MergeThreadRefcounts, and queues the dead to their owners or to us).
 * Freeing one object (a container) can drop the last reference to others,
 * so it goes round until nothing new turns up: a collection then sees
 * exact counts, and gc.collect() frees nested shared structures at once. */
static void
settle_foreign(PyThreadState *tstate, int force)
{
    Py_ssize_t delayed = -1;
    for (int round = 0; round < 64; round++) {
        if (round > 0 || force) {
            stop_world();
            start_world();
        }
        /* A finalizer run by the merge may merge re-entrantly and leave
         * part of the queue behind: finish it (bounded: other threads may
         * keep queueing). */
        for (int k = 0; k < 16; k++) {
            _Py_brc_merge_refcounts(tstate);
            /* Stopping the world made every thread pass a quiescent state,
             * so references dropped through QSBR before it can go now. */
            _PyMem_ProcessDelayed(tstate);
            if (!_Py_brc_has_queued(tstate)) {
                break;
            }
        }
        Py_ssize_t now = _PyMem_DelayedPendingCount(tstate);
        int again = _Py_ForeignSettlePending() || (now > 0 && now != delayed);
        delayed = now;
        if (!again) {
            break;
        }
    }
}

void
_PyGC_SettleForeign(PyThreadState *tstate)
{
    settle_foreign(tstate, 1);
}
#endif

static Py_ssize_t
collect_main(PyThreadState *tstate, int generation)
{
    struct _gc_runtime_state *st = &gc_state;
    gc_set s = {0};
    wr_callbacks cbs = {0};
    PyObject **garbage = NULL;
    Py_ssize_t ngarbage = 0;
    int debug = st->debug;
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);

    if (debug & 1 /* DEBUG_STATS */) {
        fprintf(stderr, "gc: collecting generation %d...\n", generation);
    }

#ifdef Py_GIL_DISABLED
    /* Objects other threads handed us: merge them first so their counts
     * are settled.  References dropped through QSBR whose grace period is
     * over are released too: otherwise an object deleted from a shared
     * dict would survive gc.collect() until the next eval-breaker check. */
    settle_foreign(tstate, 1);
#else
    (void)tstate;
#endif

    stop_world();
    if (gather(&s, generation) < 0) {
        start_world();
        set_free(&s);
        return 0;
    }
    set_mark_reachable(&s, 0);

    for (Py_ssize_t i = 0; i < s.n; i++) {
        if (!set_is_reachable(&s, i)) {
            ngarbage++;
        }
    }
    if (ngarbage > 0) {
        garbage = PyMem_RawMalloc((size_t)ngarbage * sizeof(PyObject *));
        if (garbage == NULL) {
            ngarbage = 0;
        }
    }
    if (garbage != NULL) {
        Py_ssize_t k = 0;
        for (Py_ssize_t i = 0; i < s.n; i++) {
            if (!set_is_reachable(&s, i)) {
                PyObject *op = s.e[i].op;
                /* Garbage is freed by ordinary decrefs from here on. */
                _PyObject_ClearDeferredRefcount(op);
#ifdef Py_GIL_DISABLED
                _Py_DisownStopped(op);
#endif
                Py_INCREF(op);
                garbage[k++] = op;
            }
        }
        if (!(debug & 32 /* DEBUG_SAVEALL */)) {
            for (Py_ssize_t k2 = 0; k2 < ngarbage; k2++) {
                PyObject *op = garbage[k2];
                if (Py_TYPE(op)->tp_weaklistoffset > 0) {
                    _PyWeakref_DetachAll(op, wr_is_not_garbage, wr_add, &cbs);
                }
            }
        }
    }

    /* Back on the lists: survivors and garbage alike go to the older
     * generation (garbage is held by `garbage` until it is freed). */
#ifdef Py_GIL_DISABLED
    PyGC_Head *dest = NULL;
#else
    int older = generation < _PyGC_NUM_GENERATIONS - 1 ? generation + 1 : generation;
    PyGC_Head *dest = &st->generations[older].head;
#endif
    for (Py_ssize_t i = 0; i < s.n; i++) {
        set_relink(&s, i, dest);
    }
#ifdef Py_GIL_DISABLED
    sets_tidy();
#endif
    start_world();
#ifdef Py_GIL_DISABLED
    /* What the collection freed may have dropped the last references to
     * foreign objects. */
    settle_foreign(tstate, 0);
#endif
    Py_ssize_t examined = s.n;
    set_free(&s);

    /* Counters: this generation and the younger ones start over. */
#ifdef Py_GIL_DISABLED
    _Py_atomic_store_int_relaxed(&st->generations[0].count, 0);
    _Py_atomic_store_ssize_relaxed(&st->long_lived_total, examined - ngarbage);
#else
    for (int i = 0; i <= generation; i++) {
        st->generations[i].count = 0;
    }
    if (generation + 1 < _PyGC_NUM_GENERATIONS) {
        st->generations[generation + 1].count++;
    }
    /* From the set's size, not by walking the (large) oldest list. */
    if (generation == _PyGC_NUM_GENERATIONS - 1) {
        st->long_lived_pending = 0;
        st->long_lived_total = examined - ngarbage;
    }
    else if (generation == _PyGC_NUM_GENERATIONS - 2) {
        st->long_lived_pending += examined - ngarbage;
    }
#endif

    if (garbage != NULL && (debug & (2 | 32))) {
        for (Py_ssize_t k = 0; k < ngarbage; k++) {
            if (debug & 2 /* DEBUG_COLLECTABLE */) {
                debug_print_object("collectable", garbage[k]);
            }
        }
    }

    if (garbage != NULL && (debug & 32 /* DEBUG_SAVEALL */)) {
        if (st->garbage == NULL) {
            st->garbage = PyList_New(0);
        }
        for (Py_ssize_t k = 0; k < ngarbage; k++) {
            if (st->garbage == NULL || PyList_Append(st->garbage, garbage[k]) < 0) {
                PyErr_Clear();
            }
            Py_DECREF(garbage[k]);
        }
        PyMem_RawFree(garbage);
        garbage = NULL;
    }

    if (garbage != NULL) {
        /* Weak reference callbacks, for references that outlive their
         * referents. */
        for (Py_ssize_t k = 0; k < cbs.n; k++) {
            PyObject *res = PyObject_CallOneArg(cbs.items[k].callback, cbs.items[k].wr);
            if (res == NULL) {
                PyErr_WriteUnraisable(cbs.items[k].callback);
            }
            else {
                Py_DECREF(res);
            }
            Py_DECREF(cbs.items[k].callback);
            Py_DECREF(cbs.items[k].wr);
        }
        cbs.n = 0;

        /* Finalizers, once per object. */
        int any_finalized = 0;
        for (Py_ssize_t k = 0; k < ngarbage; k++) {
            PyObject *op = garbage[k];
            if (Py_TYPE(op)->tp_finalize != NULL && !_PyGC_FINALIZED(op)) {
                PyObject_CallFinalizer(op);
                if (PyErr_Occurred()) {
                    PyErr_WriteUnraisable(op);
                }
                any_finalized = 1;
            }
        }

        /* Which are still unreachable?  Those the finalizers made reachable
         * again are kept (PEP 442). */
        char *dead = PyMem_RawCalloc((size_t)ngarbage, 1);
        if (dead != NULL) {
            if (!any_finalized) {
                memset(dead, 1, (size_t)ngarbage);
            }
            else {
                stop_world();
                if (set_reserve(&s, ngarbage) == 0) {
                    Py_ssize_t *index = PyMem_RawMalloc((size_t)ngarbage * sizeof(Py_ssize_t));
                    if (index != NULL) {
                        for (Py_ssize_t k = 0; k < ngarbage; k++) {
                            PyObject *op = garbage[k];
                            index[k] = -1;
                            if (_PyObject_GC_IS_TRACKED(op) &&
                                !(_Py_AS_GC(op)->_gc_prev & _PyGC_PREV_MASK_FROZEN)) {
                                index[k] = s.n;
#ifndef Py_GIL_DISABLED
                                /* Unlinked first: set_add keeps only a
                                 * forward link, which is fine for whole
                                 * lists but not for a few of their nodes. */
                                list_remove(_Py_AS_GC(op));
                                gc_store_next(_Py_AS_GC(op), 1);
#endif
                                set_add(&s, op);
                            }
                        }
                        set_mark_reachable(&s, 1);
                        for (Py_ssize_t k = 0; k < ngarbage; k++) {
                            if (index[k] >= 0 && !set_is_reachable(&s, index[k])) {
                                dead[k] = 1;
                            }
                        }
                        PyMem_RawFree(index);
                    }
                    for (Py_ssize_t i = 0; i < s.n; i++) {
                        set_relink(&s, i, dest);
                    }
                }
                start_world();
                set_free(&s);
            }
            /* Break the cycles. */
            for (Py_ssize_t k = 0; k < ngarbage; k++) {
                PyObject *op = garbage[k];
                if (dead[k] && _PyObject_GC_IS_TRACKED(op)) {
                    inquiry clear = Py_TYPE(op)->tp_clear;
                    if (clear != NULL) {
                        clear(op);
                        if (PyErr_Occurred()) {
                            PyErr_WriteUnraisable(NULL);
                        }
                    }
                }
            }
            PyMem_RawFree(dead);
        }
        for (Py_ssize_t k = 0; k < ngarbage; k++) {
            Py_DECREF(garbage[k]);
        }
        PyMem_RawFree(garbage);
    }
    for (Py_ssize_t k = 0; k < cbs.n; k++) {
        Py_DECREF(cbs.items[k].callback);
        Py_DECREF(cbs.items[k].wr);
    }
    PyMem_RawFree(cbs.items);

    st->stats[generation].collections++;
    st->stats[generation].collected += ngarbage;
    if (debug & 1) {
        struct timespec t1;
        clock_gettime(CLOCK_MONOTONIC, &t1);
        double dt = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) * 1e-9;
        fprintf(stderr, "gc: done, %zd unreachable, 0 uncollectable, %.4fs elapsed\n",
                ngarbage, dt);
    }
    return ngarbage;
}

static void
invoke_callbacks(const char *phase, int generation, Py_ssize_t collected)
{
    struct _gc_runtime_state *st = &gc_state;
    if (st->callbacks == NULL || !PyList_Check(st->callbacks) ||
        PyList_GET_SIZE(st->callbacks) == 0) {
        return;
    }
    PyObject *info = Py_BuildValue("{sisnsn}", "generation", generation,
                                   "collected", collected, "uncollectable", (Py_ssize_t)0);
    if (info == NULL) {
        PyErr_WriteUnraisable(NULL);
        return;
    }
    PyObject *phase_obj = PyUnicode_FromString(phase);
    /* Copy: a callback may change the list. */
    PyObject *copy = phase_obj ? PyList_GetSlice(st->callbacks, 0, PY_SSIZE_T_MAX) : NULL;
    if (copy == NULL) {
        PyErr_WriteUnraisable(NULL);
    }
    else {
        for (Py_ssize_t i = 0; i < PyList_GET_SIZE(copy); i++) {
            PyObject *cb = PyList_GET_ITEM(copy, i);
            PyObject *res = PyObject_CallFunctionObjArgs(cb, phase_obj, info, NULL);
            if (res == NULL) {
                PyErr_WriteUnraisable(cb);
            }
            else {
                Py_DECREF(res);
            }
        }
        Py_DECREF(copy);
    }
    Py_XDECREF(phase_obj);
    Py_DECREF(info);
}

Py_ssize_t
_PyGC_Collect(PyThreadState *tstate, int generation, const char *reason)
{
    (void)reason;
    struct _gc_runtime_state *st = &gc_state;
    ensure_init();
    if (generation < 0 || generation >= _PyGC_NUM_GENERATIONS) {
        generation = _PyGC_NUM_GENERATIONS - 1;
    }
    int expected = 0;
    if (!_Py_atomic_compare_exchange_int(&st->collecting, &expected, 1)) {
        return 0;
    }
    if (tstate == NULL) {
        tstate = _PyThreadState_GET();
    }
    PyObject *exc = PyErr_GetRaisedException();
    invoke_callbacks("start", generation, 0);
    Py_ssize_t n = collect_main(tstate, generation);
    invoke_callbacks("stop", generation, n);
    PyErr_SetRaisedException(exc);
    _Py_atomic_store_int(&st->collecting, 0);
    return n;
}

Py_ssize_t
PyGC_Collect(void)
{
    /* Like CPython's, this collects even while the collector is disabled. */
    return _PyGC_Collect(_PyThreadState_GET(), _PyGC_NUM_GENERATIONS - 1, "manual");
}

int
PyGC_Enable(void)
{
    ensure_init();
    return _Py_atomic_exchange_int(&gc_state.enabled, 1);
}

int
PyGC_Disable(void)
{
    ensure_init();
    return _Py_atomic_exchange_int(&gc_state.enabled, 0);
}

int
PyGC_IsEnabled(void)
{
    ensure_init();
    return _Py_atomic_load_int_relaxed(&gc_state.enabled);
}

void
_Py_RunGC(PyThreadState *tstate)
{
    struct _gc_runtime_state *st = &gc_state;
    if (!_Py_atomic_load_int_relaxed(&st->enabled)) {
        return;
    }
#ifdef Py_GIL_DISABLED
    int count = _Py_atomic_load_int_relaxed(&st->generations[0].count);
    if (!collection_due(count)) {
        return;
    }
    _PyGC_Collect(tstate, _PyGC_NUM_GENERATIONS - 1, "automatic");
#else
    /* The oldest generation whose count passed its threshold; the oldest
     * one only when enough objects have survived since its last
     * collection (a quarter of the long-lived ones). */
    for (int i = _PyGC_NUM_GENERATIONS - 1; i >= 0; i--) {
        struct _gc_generation *gen = &st->generations[i];
        if (gen->threshold > 0 && gen->count > gen->threshold) {
            if (i == _PyGC_NUM_GENERATIONS - 1 &&
                st->long_lived_pending < st->long_lived_total / 4) {
                continue;
            }
            _PyGC_Collect(tstate, i, "automatic");
            return;
        }
    }
#endif
}

/* ---- walks for the gc module ------------------------------------------- */

/* Apply fn to every tracked object of `generation` (-1: all, frozen ones
 * included), with the world stopped.  fn may not allocate GC objects. */
typedef int (*gc_walk_fn)(PyObject *op, void *arg);

#ifndef Py_GIL_DISABLED
static int
walk_list(PyGC_Head *head, gc_walk_fn fn, void *arg)
{
    for (PyGC_Head *g = gc_next(head); g != head; g = gc_next(g)) {
        if (fn(_Py_FROM_GC(g), arg) < 0) {
            return -1;
        }
    }
    return 0;
}
#endif

static int
walk(int generation, gc_walk_fn fn, void *arg)
{
    ensure_init();
#ifdef Py_GIL_DISABLED
    (void)generation;
    for (struct _gc_slot_set *set = sets_next(NULL); set != NULL; set = sets_next(set)) {
        for (struct _gc_chunk *c = set->chunks; c != NULL; c = c->next) {
            for (Py_ssize_t i = 0; i < _PyGC_CHUNK_SLOTS; i++) {
                uintptr_t v = slot_load(&c->slots[i]);
                if (slot_is_object(v) && fn((PyObject *)v, arg) < 0) {
                    return -1;
                }
            }
        }
    }
#else
    if (generation >= 0) {
        return walk_list(&gc_state.generations[generation].head, fn, arg);
    }
    for (int i = 0; i < _PyGC_NUM_GENERATIONS; i++) {
        if (walk_list(&gc_state.generations[i].head, fn, arg) < 0) {
            return -1;
        }
    }
    if (walk_list(&gc_state.permanent_generation.head, fn, arg) < 0) {
        return -1;
    }
#endif
    return 0;
}

static int
collect_into_list(PyObject *op, void *arg)
{
    if (op == arg) {
        return 0;
    }
    return PyList_Append((PyObject *)arg, op);
}

PyObject *
_PyGC_GetObjects(int generation)
{
    PyObject *result = PyList_New(0);
    if (result == NULL) {
        return NULL;
    }
    stop_world();
    int r = walk(generation, collect_into_list, result);
    start_world();
    if (r < 0) {
        Py_DECREF(result);
        return NULL;
    }
    return result;
}

typedef struct {
    PyObject *targets;  /* tuple */
    PyObject *result;
    int found;
} referrers_arg;

static int
visit_is_target(PyObject *op, void *arg)
{
    referrers_arg *a = arg;
    Py_ssize_t n = PyTuple_GET_SIZE(a->targets);
    for (Py_ssize_t i = 0; i < n; i++) {
        if (PyTuple_GET_ITEM(a->targets, i) == op) {
            a->found = 1;
            return 1;
        }
    }
    return 0;
}

static int
collect_referrer(PyObject *op, void *arg)
{
    referrers_arg *a = arg;
    if (op == a->result || op == a->targets) {
        return 0;
    }
    traverseproc traverse = Py_TYPE(op)->tp_traverse;
    if (traverse == NULL) {
        return 0;
    }
    a->found = 0;
    traverse(op, visit_is_target, a);
    if (a->found) {
        return PyList_Append(a->result, op);
    }
    return 0;
}

PyObject *
_PyGC_GetReferrers(PyObject *objs)
{
    referrers_arg a = {objs, PyList_New(0), 0};
    if (a.result == NULL) {
        return NULL;
    }
    stop_world();
    int r = walk(-1, collect_referrer, &a);
    start_world();
    if (r < 0) {
        Py_DECREF(a.result);
        return NULL;
    }
    return a.result;
}

#ifdef Py_GIL_DISABLED
static int
set_frozen(PyObject *op, void *arg)
{
    PyGC_Head *g = _Py_AS_GC(op);
    int freeze = *(int *)arg;
    if (freeze && !(g->_gc_prev & _PyGC_PREV_MASK_FROZEN)) {
        g->_gc_prev |= _PyGC_PREV_MASK_FROZEN;
        gc_state.frozen_count++;
    }
    else if (!freeze && (g->_gc_prev & _PyGC_PREV_MASK_FROZEN)) {
        g->_gc_prev &= ~_PyGC_PREV_MASK_FROZEN;
        gc_state.frozen_count--;
    }
    return 0;
}
#endif

void
_PyGC_Freeze(void)
{
    ensure_init();
#ifdef Py_GIL_DISABLED
    int freeze = 1;
    stop_world();
    walk(-1, set_frozen, &freeze);
    start_world();
#else
    for (int i = 0; i < _PyGC_NUM_GENERATIONS; i++) {
        list_merge(&gc_state.generations[i].head, &gc_state.permanent_generation.head);
        gc_state.generations[i].count = 0;
    }
#endif
}

void
_PyGC_Unfreeze(void)
{
    ensure_init();
#ifdef Py_GIL_DISABLED
    int freeze = 0;
    stop_world();
    walk(-1, set_frozen, &freeze);
    start_world();
#else
    list_merge(&gc_state.permanent_generation.head,
               &gc_state.generations[_PyGC_NUM_GENERATIONS - 1].head);
#endif
}

Py_ssize_t
_PyGC_GetFreezeCount(void)
{
    ensure_init();
#ifdef Py_GIL_DISABLED
    return gc_state.frozen_count;
#else
    return list_size(&gc_state.permanent_generation.head);
#endif
}
