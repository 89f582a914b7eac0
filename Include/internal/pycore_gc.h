/* pycore_gc.h: the cycle collector's state and the bits it keeps in the
 * PyGC_Head in front of every GC object (Include/objimpl.h).
 *
 * Tracked objects sit on doubly linked circular lists through the PyGC_Head:
 * _gc_next points to the next PyGC_Head (never 0 while tracked: 0 means
 * untracked), _gc_prev to the previous one, with flag bits in its low four
 * bits (GC blocks are 16-byte aligned).
 *   default build   three generations plus the permanent (frozen) one, in
 *                   the interpreter state, guarded by the GIL;
 *   free-threaded   _PyGC_NUM_STRIPES lists chosen by object address, each
 *                   guarded by its own PyMutex; the collector stops the world
 *                   and walks them all.
 * During a collection the objects being examined are unlinked and their
 * _gc_prev holds (index << _PyGC_PREV_SHIFT) | flags instead of a pointer.
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
struct _gc_stripe {
    _Alignas(64) PyGC_Head head;
    PyMutex mutex;
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
    struct _gc_stripe stripes[_PyGC_NUM_STRIPES];
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

#endif /* Py_INTERNAL_GC_H */
