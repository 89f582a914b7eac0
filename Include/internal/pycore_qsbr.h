/* pycore_qsbr.h: quiescent-state based reclamation.
 *
 * Memory that a lock-free reader may still be looking at (a list's old item
 * array, old dict keys, objects removed from shared containers) is not freed
 * at once.  The writer advances a global write sequence and tags the memory
 * with the new value (the "goal"); each attached thread copies the write
 * sequence into its own read sequence at quiescent points (the eval breaker,
 * detaching).  Once every attached thread's read sequence has reached the
 * goal nobody can still hold a pointer into the memory, and it is freed.
 * Detached threads report no sequence (QSBR_OFFLINE) and hold nothing back.
 * Implementation: Python/qsbr.c. */
#ifndef Py_INTERNAL_QSBR_H
#define Py_INTERNAL_QSBR_H

#include "Python.h"

#define QSBR_OFFLINE 0
#define QSBR_INITIAL 1
#define QSBR_INCR    2

struct _qsbr_shared;

/* One per thread state. */
struct _qsbr_thread_state {
    uint64_t seq;                    /* last write sequence seen, or OFFLINE */
    struct _qsbr_shared *shared;
    PyThreadState *tstate;
    int allocated;                   /* slot in use */
    int deferrals;                   /* frees deferred since the last advance */
    struct _qsbr_thread_state *freelist_next;  /* free slots, under mutex */
};

/* Each slot alone on its cache line, so that threads reporting quiescent
 * states do not bounce each other's lines. */
struct _qsbr_pad {
    struct _qsbr_thread_state qsbr;
    char __padding[64 - sizeof(struct _qsbr_thread_state) % 64];
};

/* Slots are allocated in blocks that never move: a thread writes its own
 * slot without a lock while pollers read it.  The index lists every slot of
 * every block; growing it publishes a new index and keeps the old one alive
 * (chained through `prev`) until _Py_qsbr_fini, since a poller may still be
 * walking it. */
struct _qsbr_block;

struct _qsbr_index {
    struct _qsbr_index *prev;        /* the index this one replaced */
    Py_ssize_t size;
    struct _qsbr_pad *slots[];
};

/* One per interpreter.  Zero-initialised is a valid empty state. */
struct _qsbr_shared {
    uint64_t wr_seq;                 /* global write sequence */
    uint64_t rd_seq;                 /* cached minimum read sequence */
    struct _qsbr_index *index;       /* every slot; atomic pointer */
    PyMutex mutex;                   /* guards growth, reservation, freelist */
    struct _qsbr_thread_state *freelist;
    struct _qsbr_block *blocks;      /* the slot storage, freed at fini */
};

static inline uint64_t _Py_qsbr_shared_current(struct _qsbr_shared *shared)
{
    return _Py_atomic_load_uint64_acquire(&shared->wr_seq);
}

/* Report a quiescent state: the thread holds no pointer read lock-free. */
static inline void _Py_qsbr_quiescent_state(struct _qsbr_thread_state *qsbr)
{
    uint64_t seq = _Py_qsbr_shared_current(qsbr->shared);
    _Py_atomic_store_uint64_release(&qsbr->seq, seq);
}

/* Advance the write sequence; returns the new goal. */
extern uint64_t _Py_qsbr_advance(struct _qsbr_shared *shared);
/* The goal for memory retired now (may advance the sequence lazily). */
extern uint64_t _Py_qsbr_deferred_advance(struct _qsbr_thread_state *qsbr);
/* 1 if every attached thread has passed `goal`. */
extern int _Py_qsbr_poll(struct _qsbr_thread_state *qsbr, uint64_t goal);
extern int _Py_qsbr_goal_reached(struct _qsbr_thread_state *qsbr, uint64_t goal);
/* Attach/detach: a detached thread reports OFFLINE. */
extern void _Py_qsbr_attach(struct _qsbr_thread_state *qsbr);
extern void _Py_qsbr_detach(struct _qsbr_thread_state *qsbr);
/* Reserve/release a per-thread slot (thread state creation/destruction). */
extern struct _qsbr_thread_state *_Py_qsbr_reserve(struct _qsbr_shared *shared,
                                                   PyThreadState *tstate);
extern void _Py_qsbr_unregister(struct _qsbr_thread_state *qsbr);
extern void _Py_qsbr_fini(struct _qsbr_shared *shared);
/* After fork(): only the calling thread survives. */
extern void _Py_qsbr_after_fork(struct _qsbr_shared *shared, PyThreadState *tstate);

#endif /* Py_INTERNAL_QSBR_H */
