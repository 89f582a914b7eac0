/* qsbr.c: quiescent-state based reclamation (see Include/internal/pycore_qsbr.h).
 *
 * The write sequence starts at QSBR_INITIAL and grows by QSBR_INCR.  Each
 * thread state owns a slot holding the last write sequence it saw at a
 * quiescent point, or QSBR_OFFLINE while detached.  Memory retired with goal
 * G may be freed once every online slot holds a value >= G.  The minimum is
 * cached in rd_seq so that most polls are one load.
 *
 * Slots live in blocks that never move, so a thread can keep a plain pointer
 * to its own slot and write it without a lock; the index of all slots is
 * replaced (never edited in place) when it grows.
 */
#include "Python.h"
#include "pycore_pystate.h"
#include "pycore_qsbr.h"

/* Frees deferred by one thread before it advances the write sequence itself;
 * fewer advances means fewer writes to the shared counter's cache line. */
#define QSBR_DEFERRED_LIMIT 10

/* Slots per block grow with the number of threads: 8, 8, 16, 32, ... */
#define QSBR_INITIAL_SLOTS 8

struct _qsbr_block {
    struct _qsbr_block *next;
    Py_ssize_t nslots;
    struct _qsbr_pad *slots;        /* 64-byte aligned storage */
};

/* A zero-initialised _qsbr_shared starts with wr_seq 0, which is also
 * QSBR_OFFLINE; the first reservation moves it to QSBR_INITIAL so that an
 * online thread never reports the offline value.  Caller holds the mutex. */
static void
ensure_initialised(struct _qsbr_shared *shared)
{
    if (_Py_atomic_load_uint64_relaxed(&shared->wr_seq) == QSBR_OFFLINE) {
        _Py_atomic_store_uint64(&shared->rd_seq, QSBR_INITIAL);
        _Py_atomic_store_uint64(&shared->wr_seq, QSBR_INITIAL);
    }
}

uint64_t
_Py_qsbr_advance(struct _qsbr_shared *shared)
{
    /* fetch-and-add returns the old value; the goal is the new one. */
    return _Py_atomic_add_uint64(&shared->wr_seq, QSBR_INCR) + QSBR_INCR;
}

uint64_t
_Py_qsbr_deferred_advance(struct _qsbr_thread_state *qsbr)
{
    if (++qsbr->deferrals < QSBR_DEFERRED_LIMIT) {
        /* The caller unlinked memory just before: order that store before the
         * load below, so that any thread that later sees the next sequence
         * value also sees the unlink. */
        _Py_atomic_fence_seq_cst();
        return _Py_qsbr_shared_current(qsbr->shared) + QSBR_INCR;
    }
    qsbr->deferrals = 0;
    return _Py_qsbr_advance(qsbr->shared);
}

/* Recompute the minimum read sequence over every online slot and raise the
 * cached rd_seq to it.  Returns the new minimum. */
static uint64_t
qsbr_poll_scan(struct _qsbr_shared *shared)
{
    /* Start from the write sequence: with no thread online, everything
     * retired so far is free to go. */
    uint64_t min_seq = _Py_atomic_load_uint64(&shared->wr_seq);
    struct _qsbr_index *index = _Py_atomic_load_ptr_acquire(&shared->index);
    if (index != NULL) {
        for (Py_ssize_t i = 0; i < index->size; i++) {
            struct _qsbr_thread_state *s = &index->slots[i]->qsbr;
            uint64_t seq = _Py_atomic_load_uint64(&s->seq);
            if (seq != QSBR_OFFLINE && seq < min_seq) {
                min_seq = seq;
            }
        }
    }
    /* Only ever raise the cache: a concurrent poll may have seen more. */
    uint64_t cached = _Py_atomic_load_uint64_relaxed(&shared->rd_seq);
    while (cached < min_seq) {
        if (_Py_atomic_compare_exchange_uint64(&shared->rd_seq, &cached, min_seq)) {
            break;
        }
    }
    return min_seq;
}

int
_Py_qsbr_goal_reached(struct _qsbr_thread_state *qsbr, uint64_t goal)
{
    return goal <= _Py_atomic_load_uint64_acquire(&qsbr->shared->rd_seq);
}

int
_Py_qsbr_poll(struct _qsbr_thread_state *qsbr, uint64_t goal)
{
    if (_Py_qsbr_goal_reached(qsbr, goal)) {
        return 1;
    }
    return goal <= qsbr_poll_scan(qsbr->shared);
}

void
_Py_qsbr_attach(struct _qsbr_thread_state *qsbr)
{
    /* A sequentially consistent store: a poller either sees this slot online
     * or the reads this thread makes from now on see every unlink that
     * preceded the poller's scan. */
    uint64_t seq = _Py_qsbr_shared_current(qsbr->shared);
    _Py_atomic_store_uint64(&qsbr->seq, seq);
}

void
_Py_qsbr_detach(struct _qsbr_thread_state *qsbr)
{
    /* Release: every read the thread made happens before it goes offline. */
    _Py_atomic_store_uint64_release(&qsbr->seq, QSBR_OFFLINE);
}

/* Add a block of `n` slots, publish a new index containing them, and put
 * them on the freelist.  Caller holds the mutex.  -1 if out of memory. */
static int
grow(struct _qsbr_shared *shared, Py_ssize_t n)
{
    struct _qsbr_index *old = shared->index;
    Py_ssize_t old_size = old ? old->size : 0;
    struct _qsbr_block *block = PyMem_RawMalloc(sizeof(*block));
    struct _qsbr_pad *slots = aligned_alloc(64, (size_t)n * sizeof(struct _qsbr_pad));
    struct _qsbr_index *index = PyMem_RawMalloc(
        sizeof(*index) + (size_t)(old_size + n) * sizeof(struct _qsbr_pad *));
    if (block == NULL || slots == NULL || index == NULL) {
        PyMem_RawFree(block);
        free(slots);
        PyMem_RawFree(index);
        return -1;
    }
    memset(slots, 0, (size_t)n * sizeof(struct _qsbr_pad));
    block->nslots = n;
    block->slots = slots;
    block->next = shared->blocks;
    shared->blocks = block;

    index->prev = old;
    index->size = old_size + n;
    for (Py_ssize_t i = 0; i < old_size; i++) {
        index->slots[i] = old->slots[i];
    }
    /* Freelist in index order, so low slots are reused first. */
    for (Py_ssize_t i = n - 1; i >= 0; i--) {
        struct _qsbr_thread_state *s = &slots[i].qsbr;
        s->seq = QSBR_OFFLINE;
        s->shared = shared;
        s->freelist_next = shared->freelist;
        shared->freelist = s;
        index->slots[old_size + i] = &slots[i];
    }
    /* The slots are fully initialised before a poller can find them. */
    _Py_atomic_store_ptr_release(&shared->index, index);
    return 0;
}

struct _qsbr_thread_state *
_Py_qsbr_reserve(struct _qsbr_shared *shared, PyThreadState *tstate)
{
    _PyMutex_LockNoDetach(&shared->mutex);
    ensure_initialised(shared);
    if (shared->freelist == NULL) {
        Py_ssize_t have = shared->index ? shared->index->size : 0;
        Py_ssize_t n = have ? have : QSBR_INITIAL_SLOTS;
        if (grow(shared, n) < 0) {
            PyMutex_Unlock(&shared->mutex);
            return NULL;
        }
    }
    struct _qsbr_thread_state *s = shared->freelist;
    shared->freelist = s->freelist_next;
    s->freelist_next = NULL;
    s->tstate = tstate;
    s->allocated = 1;
    s->deferrals = 0;
    _Py_atomic_store_uint64_relaxed(&s->seq, QSBR_OFFLINE);
    PyMutex_Unlock(&shared->mutex);
    return s;
}

void
_Py_qsbr_unregister(struct _qsbr_thread_state *qsbr)
{
    if (qsbr == NULL) {
        return;
    }
    struct _qsbr_shared *shared = qsbr->shared;
    _PyMutex_LockNoDetach(&shared->mutex);
    _Py_atomic_store_uint64_release(&qsbr->seq, QSBR_OFFLINE);
    qsbr->tstate = NULL;
    qsbr->allocated = 0;
    qsbr->freelist_next = shared->freelist;
    shared->freelist = qsbr;
    PyMutex_Unlock(&shared->mutex);
}

void
_Py_qsbr_fini(struct _qsbr_shared *shared)
{
    struct _qsbr_index *index = shared->index;
    while (index != NULL) {
        struct _qsbr_index *prev = index->prev;
        PyMem_RawFree(index);
        index = prev;
    }
    struct _qsbr_block *block = shared->blocks;
    while (block != NULL) {
        struct _qsbr_block *next = block->next;
        free(block->slots);
        PyMem_RawFree(block);
        block = next;
    }
    shared->index = NULL;
    shared->blocks = NULL;
    shared->freelist = NULL;
}

void
_Py_qsbr_after_fork(struct _qsbr_shared *shared, PyThreadState *tstate)
{
    /* The other threads are gone; their slots must not hold anything back.
     * They are returned to the freelist when their thread states are
     * deleted.  The mutex may have been held by a vanished thread. */
    shared->mutex = (PyMutex){0};
    struct _qsbr_index *index = shared->index;
    if (index == NULL) {
        return;
    }
    for (Py_ssize_t i = 0; i < index->size; i++) {
        struct _qsbr_thread_state *s = &index->slots[i]->qsbr;
        if (s->allocated && s->tstate != tstate) {
            _Py_atomic_store_uint64_relaxed(&s->seq, QSBR_OFFLINE);
        }
    }
}
