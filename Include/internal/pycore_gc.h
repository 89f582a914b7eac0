/* pycore_gc.h: the cycle collector's state and the bits it keeps in the
 * PyGC_Head in front of every GC object (Include/objimpl.h).
 *
 * _gc_next is 0 while an object is untracked and non-zero while tracked;
 * _gc_prev holds flag bits in its low four bits (GC blocks are 16-byte
 * aligned).  Where tracked objects live:
 *   default build   on doubly linked circular lists through the PyGC_Head
 *                   (_gc_next: next PyGC_Head, _gc_prev: previous one |
 *                   flags): three generations plus the permanent (frozen)
 *                   one, in the interpreter state, guarded by the GIL;
 *   free-threaded   in "slots": each thread owns a slot set (struct
 *                   _gc_slot_set, tstate->gc_slots), a list of aligned
 *                   chunks of pointer-sized slots; _gc_next points to the
 *                   object's slot and _gc_prev holds only flags.  Tracking
 *                   and untracking by the owning thread are plain loads and
 *                   stores on its free list (no lock, no atomic RMW); see
 *                   Python/gc.c for the cross-thread and thread-exit rules.
 *                   The collector stops the world and walks every set.
 * During a collection the objects being examined have
 * (index << _PyGC_PREV_SHIFT) | flags in _gc_prev (default build: they are
 * unlinked from their list meanwhile).
 * Implementation: Python/gc.c. */
#ifndef Py_INTERNAL_GC_H
#define Py_INTERNAL_GC_H

#include "Python.h"

#define _PyGC_PREV_MASK_FINALIZED  ((uintptr_t)1)  /* tp_finalize has run */
#define _PyGC_PREV_MASK_COLLECTING ((uintptr_t)2)  /* in the set being examined */
#define _PyGC_PREV_MASK_REACHABLE  ((uintptr_t)4)  /* found reachable (collection only) */
#define _PyGC_PREV_MASK_FROZEN     ((uintptr_t)8)  /* gc.freeze() (free-threaded build) */
#define _PyGC_PREV_FLAGS           ((uintptr_t)15)
#define _PyGC_PREV_SHIFT           4

#define _PyGC_NUM_GENERATIONS 3
#define _PyGC_NUM_STRIPES 64

/* List heads are 16-byte aligned like GC blocks: the flag bits of _gc_prev
 * must read as zero in a pointer to a head. */
struct _gc_generation {
    _Alignas(16) PyGC_Head head;
    int threshold;
    int count;        /* gen 0: allocations minus frees; older: younger collections */
};

struct _gc_generation_stats {
    Py_ssize_t collections;
    Py_ssize_t collected;
    Py_ssize_t uncollectable;
};

#ifdef Py_GIL_DISABLED
/* A chunk of slots: _PyGC_CHUNK_SIZE bytes aligned to their size, so a
 * slot's chunk is found by masking the slot's address.  A slot holds
 *   an object pointer       a tracked object (low bit 0, non-zero);
 *   (next free slot) | 1    a link of the owner's free list;
 *   0                       freed by a thread that is not the owner, not
 *                           yet reclaimed (by the owner or the collector). */
#define _PyGC_CHUNK_SIZE ((size_t)8192)

struct _gc_slot_set;

struct _gc_chunk {
    struct _gc_slot_set *owner;      /* set at creation, changed only with
                                        the world stopped */
    struct _gc_chunk *next;          /* the owner's chunk list */
    uintptr_t slots[];
};

#define _PyGC_CHUNK_SLOTS \
    ((Py_ssize_t)((_PyGC_CHUNK_SIZE - sizeof(struct _gc_chunk)) / sizeof(uintptr_t)))

/* One per thread state that has tracked something (tstate->gc_slots), plus
 * one shared set for threads without a thread state (used under
 * slots_mutex).  `free`, `chunks` and `nchunks` belong to the owner (and to
 * the collector while the world is stopped). */
struct _gc_slot_set {
    uintptr_t *free;                 /* first free slot, or NULL */
    struct _gc_chunk *chunks;        /* in creation order */
    struct _gc_chunk *last;
    Py_ssize_t nchunks;
    Py_ssize_t remote_frees;         /* atomic: slots other threads zeroed */
    Py_ssize_t live;                 /* collector scratch: objects found */
    struct _gc_slot_set *next_set;   /* all sets (slots_mutex) */
    int orphaned;                    /* its thread state is gone: the next
                                        new thread adopts it (slots_mutex) */
};
#endif

struct _gc_runtime_state {
    int initialized;
    int enabled;                     /* atomic */
    int debug;
    int collecting;                  /* atomic: a collection is running */
    struct _gc_generation generations[_PyGC_NUM_GENERATIONS];
#ifdef Py_GIL_DISABLED
    /* Only generations[*].threshold and generations[0].count (atomic) are
     * used: every collection examines every tracked object. */
    /* Every slot set (threads', orphaned ones, the shared one), guarded
     * by slots_mutex; the collector holds it while the world is stopped. */
    struct _gc_slot_set *slot_sets;
    struct _gc_slot_set shared_slots;
    PyMutex slots_mutex;
    Py_ssize_t frozen_count;
    /* Tracked objects that survived the last collection (atomic): a
     * collection is due only once new objects are a quarter of them. */
    Py_ssize_t long_lived_total;
    /* Weak reference lists of objects, guarded by a lock chosen by the
     * referent's address (Objects/weakrefobject.c). */
    PyMutex weakref_locks[_PyGC_NUM_STRIPES];
#else
    struct _gc_generation permanent_generation;
    Py_ssize_t long_lived_total;
    Py_ssize_t long_lived_pending;
#endif
    struct _gc_generation_stats stats[_PyGC_NUM_GENERATIONS];
    PyObject *garbage;               /* gc.garbage */
    PyObject *callbacks;             /* gc.callbacks */
    PyMutex mutex;                   /* one collection at a time (FT) */
};

#ifdef Py_GIL_DISABLED
/* A thread state is going away (Python/pystate.c): its slot set becomes an
 * orphan, adopted by the next thread that needs one. */
extern void _PyGC_ThreadExit(PyThreadState *tstate);
/* In the child after fork(): the slots lock may have been held by a thread
 * that does not exist any more. */
extern void _PyGC_AfterFork(void);
#endif

/* Called from _PyRuntime_Initialize (also done lazily on first use). */
extern void _PyGC_Init(PyInterpreterState *interp);
extern struct _gc_runtime_state *_PyGC_GetState(void);

/* Run the collection scheduled by the allocation counter (eval breaker,
 * _PY_GC_SCHEDULED_BIT). */
extern void _Py_RunGC(PyThreadState *tstate);

/* Collect `generation` (0..2); returns the number of unreachable objects
 * found, or 0 if a collection is already running. `reason` is "manual" or
 * "automatic" (for gc.callbacks).  May run finalizers and callbacks. */
extern Py_ssize_t _PyGC_Collect(PyThreadState *tstate, int generation, const char *reason);

/* Walk every tracked object (the world stopped or the GIL held by the
 * caller is arranged by these): gc.get_objects & co (Modules/gcmodule.c). */
extern PyObject *_PyGC_GetObjects(int generation);   /* generation -1: all */
extern PyObject *_PyGC_GetReferrers(PyObject *objs);  /* objs: a tuple */
extern void _PyGC_Freeze(void);
extern void _PyGC_Unfreeze(void);
extern Py_ssize_t _PyGC_GetFreezeCount(void);

static inline int _PyGC_FINALIZED(PyObject *op)
{
    return (_Py_AS_GC(op)->_gc_prev & _PyGC_PREV_MASK_FINALIZED) != 0;
}

/* Weak references (Objects/weakrefobject.c), used by the collector with
 * the world stopped: detach every weak reference to `op` (they read as
 * dead); for each with a callback for which want_callback(wr) says yes,
 * add(arg, wr, callback) receives new references to both (the callback is
 * taken out of the weak reference). */
extern void _PyWeakref_DetachAll(PyObject *op,
                                 int (*want_callback)(PyObject *wr, void *arg),
                                 int (*add)(void *arg, PyObject *wr, PyObject *cb),
                                 void *arg);
/* Free-threaded build: the lock that guards op's weak reference list. */
extern PyMutex *_PyWeakref_LockFor(PyObject *op);

#ifdef Py_GIL_DISABLED
/* Stop the world just long enough to fold the threads' foreign refcount
 * tables in, then free what that finds dead (Objects/refcount.c). */
extern void _PyGC_SettleForeign(PyThreadState *tstate);
#endif

#endif /* Py_INTERNAL_GC_H */
