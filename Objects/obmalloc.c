/* obmalloc.c: the memory allocators behind Include/pymem.h (PyMem_Raw*,
 * PyMem_*, PyObject_*) and delayed frees through QSBR.
 *
 * With WITH_MIMALLOC every family allocates from mimalloc: its default heap
 * is per thread, and freeing a block from another thread is safe.  Without
 * it (--without-mimalloc, for ThreadSanitizer) the system malloc is used.
 * All families share one underlying allocator, so memory from one family may
 * be handed to _PyMem_FreeDelayed whatever family it came from.
 *
 * Delayed frees (free-threaded build): memory that a lock-free reader may
 * still be looking at is queued in the freeing thread's state, tagged with a
 * QSBR goal, and released once every attached thread has reported a
 * quiescent state past that goal (see Python/qsbr.c).
 */
#include "Python.h"
#include "pycore_pystate.h"
#include "pycore_lockfree.h"

#ifdef WITH_MIMALLOC
#  include <mimalloc.h>
#  define WEFT_MALLOC(n)      mi_malloc(n)
#  define WEFT_CALLOC(n, s)   mi_calloc((n), (s))
#  define WEFT_REALLOC(p, n)  mi_realloc((p), (n))
#  define WEFT_FREE(p)        mi_free(p)
#else
#  define WEFT_MALLOC(n)      malloc(n)
#  define WEFT_CALLOC(n, s)   calloc((n), (s))
#  define WEFT_REALLOC(p, n)  realloc((p), (n))
#  define WEFT_FREE(p)        free(p)
#endif

/* ---- the three families ------------------------------------------------
 * Sizes above PY_SSIZE_T_MAX fail (as in CPython) so that callers computing
 * sizes in Py_ssize_t never see a block they cannot index.  A zero-size
 * request is served as one byte so that it returns a unique pointer on every
 * allocator. */

static inline void *
raw_malloc(size_t size)
{
    if (size > (size_t)PY_SSIZE_T_MAX) {
        return NULL;
    }
    return WEFT_MALLOC(size ? size : 1);
}

static inline void *
raw_calloc(size_t nelem, size_t elsize)
{
    if (elsize != 0 && nelem > (size_t)PY_SSIZE_T_MAX / elsize) {
        return NULL;
    }
    if (nelem == 0 || elsize == 0) {
        nelem = 1;
        elsize = 1;
    }
    return WEFT_CALLOC(nelem, elsize);
}

static inline void *
raw_realloc(void *ptr, size_t size)
{
    if (size > (size_t)PY_SSIZE_T_MAX) {
        return NULL;
    }
    /* realloc(p, 0) may free p and return NULL; we want a live block. */
    return WEFT_REALLOC(ptr, size ? size : 1);
}

static inline void
raw_free(void *ptr)
{
    WEFT_FREE(ptr);
}

void *PyMem_RawMalloc(size_t size) { return raw_malloc(size); }
void *PyMem_RawCalloc(size_t nelem, size_t elsize) { return raw_calloc(nelem, elsize); }
void *PyMem_RawRealloc(void *ptr, size_t new_size) { return raw_realloc(ptr, new_size); }
void PyMem_RawFree(void *ptr) { raw_free(ptr); }

void *PyMem_Malloc(size_t size) { return raw_malloc(size); }
void *PyMem_Calloc(size_t nelem, size_t elsize) { return raw_calloc(nelem, elsize); }
void *PyMem_Realloc(void *ptr, size_t new_size) { return raw_realloc(ptr, new_size); }
void PyMem_Free(void *ptr) { raw_free(ptr); }

void *PyObject_Malloc(size_t size) { return raw_malloc(size); }
void *PyObject_Calloc(size_t nelem, size_t elsize) { return raw_calloc(nelem, elsize); }
void *PyObject_Realloc(void *ptr, size_t new_size) { return raw_realloc(ptr, new_size); }
void PyObject_Free(void *ptr) { raw_free(ptr); }

/* ---- delayed frees ------------------------------------------------------ */

#ifdef Py_GIL_DISABLED

struct _mem_work_item {
    void *ptr;
    uint64_t qsbr_goal;
};

/* A chunk of queued frees.  Items are appended at wr_idx and released from
 * rd_idx, so within a chunk goals never decrease. */
#define WORK_ITEMS_PER_CHUNK 254
struct _mem_work_chunk {
    struct _mem_work_chunk *next;   /* the next older chunk */
    Py_ssize_t rd_idx;
    Py_ssize_t wr_idx;
    struct _mem_work_item array[WORK_ITEMS_PER_CHUNK];
};

/* Entries left behind by exited threads (and frees from threads without a
 * thread state).  Weft has one interpreter, so this queue is a file-level
 * static rather than a field of PyInterpreterState. */
static struct {
    PyMutex mutex;
    struct _mem_work_chunk *head;   /* newest first */
    int has_work;                   /* atomic hint: head != NULL */
} abandoned;

/* Process the free queue once this many items are pending. */
#define PROCESS_THRESHOLD 64

static struct _mem_work_chunk *
new_chunk(struct _mem_work_chunk *next)
{
    struct _mem_work_chunk *c = raw_malloc(sizeof(*c));
    if (c != NULL) {
        c->next = next;
        c->rd_idx = 0;
        c->wr_idx = 0;
    }
    return c;
}

/* Queue items are either memory blocks or objects waiting for a delayed
 * decref (_PyObject_XDecRefDelayed); objects carry this tag in the low bit
 * (every object is at least pointer-aligned). */
#define OBJECT_TAG ((uintptr_t)1)
#define IS_OBJECT_ITEM(p) (((uintptr_t)(p) & OBJECT_TAG) != 0)
#define ITEM_OBJECT(p) ((PyObject *)((uintptr_t)(p) & ~OBJECT_TAG))

/* Objects whose goal was reached, collected while walking a queue and
 * decref'd only afterwards: a deallocator may queue more work (into the
 * very list being walked) or run Python code. */
struct obj_batch {
    PyObject **items;
    Py_ssize_t n, cap;
};

static int
batch_push(struct obj_batch *b, PyObject *op)
{
    if (b->n == b->cap) {
        Py_ssize_t cap = b->cap ? b->cap * 2 : 64;
        PyObject **items = raw_realloc(b->items, (size_t)cap * sizeof(PyObject *));
        if (items == NULL) {
            return -1;
        }
        b->items = items;
        b->cap = cap;
    }
    b->items[b->n++] = op;
    return 0;
}

static void
batch_release(struct obj_batch *b)
{
    for (Py_ssize_t i = 0; i < b->n; i++) {
        Py_DECREF(b->items[i]);
    }
    raw_free(b->items);
    b->items = NULL;
    b->n = b->cap = 0;
}

/* Free every item whose goal has been reached, in every chunk of the list at
 * *head; drop chunks that became empty (the head chunk is kept and rewound so
 * the next free does not allocate).  Objects due for a decref go to `batch`;
 * with batch NULL (no attached thread to decref with) they stay queued.
 * Returns the number of items left. */
static Py_ssize_t
process_queue(struct _mem_work_chunk **head, struct _qsbr_thread_state *qsbr,
              int keep_head, struct obj_batch *batch)
{
    Py_ssize_t left = 0;
    int advanced = 0;
    struct _mem_work_chunk **link = head;
    while (*link != NULL) {
        struct _mem_work_chunk *c = *link;
        while (c->rd_idx < c->wr_idx) {
            struct _mem_work_item *item = &c->array[c->rd_idx];
            if (!_Py_qsbr_poll(qsbr, item->qsbr_goal)) {
                /* Goals from _Py_qsbr_deferred_advance may lie one step
                 * past the write sequence: advance it so that the threads'
                 * next reports can reach them. */
                if (!advanced &&
                    item->qsbr_goal > _Py_qsbr_shared_current(qsbr->shared)) {
                    _Py_qsbr_advance(qsbr->shared);
                    advanced = 1;
                }
                break;
            }
            if (IS_OBJECT_ITEM(item->ptr)) {
                if (batch == NULL || batch_push(batch, ITEM_OBJECT(item->ptr)) < 0) {
                    break;
                }
            }
            else {
                raw_free(item->ptr);
            }
            c->rd_idx++;
        }
        left += c->wr_idx - c->rd_idx;
        if (c->rd_idx == c->wr_idx) {
            if (keep_head && c == *head) {
                c->rd_idx = c->wr_idx = 0;
                link = &c->next;
            }
            else {
                *link = c->next;
                raw_free(c);
            }
        }
        else {
            link = &c->next;
        }
    }
    return left;
}

/* Free the whole list at once (the caller knows no reader is left). */
static void
free_queue_now(struct _mem_work_chunk *c)
{
    while (c != NULL) {
        for (Py_ssize_t i = c->rd_idx; i < c->wr_idx; i++) {
            /* Objects still queued at shutdown are left alone: no thread
             * is attached to run their deallocators. */
            if (!IS_OBJECT_ITEM(c->array[i].ptr)) {
                raw_free(c->array[i].ptr);
            }
        }
        struct _mem_work_chunk *next = c->next;
        raw_free(c);
        c = next;
    }
}

/* Append (ptr, goal) to the list at *head; 0 on success, -1 out of memory. */
static int
enqueue(struct _mem_work_chunk **head, void *ptr, uint64_t goal)
{
    struct _mem_work_chunk *c = *head;
    if (c == NULL || c->wr_idx == WORK_ITEMS_PER_CHUNK) {
        c = new_chunk(c);
        if (c == NULL) {
            return -1;
        }
        *head = c;
    }
    c->array[c->wr_idx].ptr = ptr;
    c->array[c->wr_idx].qsbr_goal = goal;
    c->wr_idx++;
    return 0;
}

static void
process_abandoned(struct _qsbr_thread_state *qsbr)
{
    if (!_Py_atomic_load_int_relaxed(&abandoned.has_work)) {
        return;
    }
    /* Whoever holds the lock is already doing this work. */
    if (!_PyMutex_TryLock(&abandoned.mutex)) {
        return;
    }
    struct obj_batch batch = {NULL, 0, 0};
    process_queue(&abandoned.head, qsbr, 0, &batch);
    _Py_atomic_store_int_relaxed(&abandoned.has_work, abandoned.head != NULL);
    PyMutex_Unlock(&abandoned.mutex);
    batch_release(&batch);
}

static int
free_at_once_is_safe(PyThreadState *tstate)
{
    PyInterpreterState *interp = _PyInterpreterState_GET();
    /* With the world stopped nobody is reading; with a single thread state
     * the caller is the only possible reader, and it is not reading. */
    if (tstate != NULL &&
        _Py_atomic_load_int_relaxed(&interp->stoptheworld.world_stopped)) {
        return 1;
    }
    return tstate != NULL &&
           _Py_atomic_load_ssize_relaxed(&interp->threads_count) <= 1;
}

void
_PyMem_FreeDelayed(void *ptr)
{
    if (ptr == NULL) {
        return;
    }
    PyThreadState *tstate = _PyThreadState_GET();
    if (free_at_once_is_safe(tstate)) {
        raw_free(ptr);
        return;
    }
    if (tstate == NULL || tstate->qsbr == NULL) {
        /* No queue of our own: tag with a fresh goal and leave it to the
         * interpreter-wide queue. */
        uint64_t goal = _Py_qsbr_advance(&_PyInterpreterState_GET()->qsbr);
        _PyMutex_LockNoDetach(&abandoned.mutex);
        int err = enqueue(&abandoned.head, ptr, goal);
        if (err == 0) {
            _Py_atomic_store_int_relaxed(&abandoned.has_work, 1);
        }
        PyMutex_Unlock(&abandoned.mutex);
        if (err < 0) {
            /* Out of memory for the queue: leaking is safe, freeing is not. */
            return;
        }
        return;
    }
    uint64_t goal = _Py_qsbr_deferred_advance(tstate->qsbr);
    if (enqueue(&tstate->mem_free_queue, ptr, goal) < 0) {
        /* Out of memory for the queue: stop the world, then nobody can be
         * reading and the block can go at once. */
        _PyEval_StopTheWorld(tstate->interp);
        raw_free(ptr);
        _PyEval_StartTheWorld(tstate->interp);
        return;
    }
    struct _mem_work_chunk *c = tstate->mem_free_queue;
    Py_ssize_t pending = c->wr_idx - c->rd_idx;
    if (c->next != NULL || pending >= PROCESS_THRESHOLD) {
        /* Ask for processing at the next eval-breaker check, where the
         * thread also reports a quiescent state of its own. */
        _Py_set_eval_breaker_bit(tstate, _PY_EVAL_QSBR_BIT);
    }
}

void
_PyObject_XDecRefDelayed(PyObject *op)
{
    if (op == NULL || _Py_IsImmortal(op)) {
        return;
    }
    PyThreadState *tstate = _PyThreadState_GET();
    if (tstate == NULL || tstate->qsbr == NULL || free_at_once_is_safe(tstate)) {
        Py_DECREF(op);
        return;
    }
    uint64_t goal = _Py_qsbr_deferred_advance(tstate->qsbr);
    if (enqueue(&tstate->mem_free_queue, (void *)((uintptr_t)op | OBJECT_TAG), goal) < 0) {
        /* Out of memory for the queue: keeping the object alive for ever
         * is safe, releasing it now is not. */
        return;
    }
    struct _mem_work_chunk *c = tstate->mem_free_queue;
    if (c->next != NULL || c->wr_idx - c->rd_idx >= PROCESS_THRESHOLD) {
        _Py_set_eval_breaker_bit(tstate, _PY_EVAL_QSBR_BIT);
    }
}

/* Ask every other attached thread that is behind to report a quiescent
 * state at its next eval-breaker check.  A thread running a long loop of
 * Python code checks its eval breaker only when a bit is set, so without
 * this it could hold reclamation back indefinitely. */
static void
request_quiescent_reports(PyThreadState *tstate, uint64_t goal)
{
    PyInterpreterState *interp = tstate->interp;
    /* The threads mutex keeps every listed state alive while we look. */
    _PyMutex_LockNoDetach(&interp->threads_mutex);
    _Py_FOR_EACH_TSTATE(interp, t) {
        struct _qsbr_thread_state *q = _Py_atomic_load_ptr(&t->qsbr);
        if (t == tstate || q == NULL) {
            continue;
        }
        uint64_t seq = _Py_atomic_load_uint64_relaxed(&q->seq);
        if (seq != QSBR_OFFLINE && seq < goal) {
            _Py_set_eval_breaker_bit(t, _PY_EVAL_QSBR_BIT);
        }
    }
    PyMutex_Unlock(&interp->threads_mutex);
}

/* Above this many blocks still waiting after processing, other threads are
 * asked for quiescent reports. */
#define REQUEST_THRESHOLD 256

void
_PyMem_ProcessDelayed(PyThreadState *tstate)
{
    if (tstate == NULL || tstate->qsbr == NULL) {
        return;
    }
    struct _qsbr_thread_state *qsbr = tstate->qsbr;
    /* The caller is at a quiescent point (it holds no pointer read
     * lock-free): say so first, so that it does not hold itself back. */
    if (_Py_atomic_load_uint64_relaxed(&qsbr->seq) != QSBR_OFFLINE) {
        _Py_qsbr_quiescent_state(qsbr);
    }
    struct obj_batch batch = {NULL, 0, 0};
    Py_ssize_t left = process_queue(&tstate->mem_free_queue, qsbr, 1, &batch);
    /* Decrefs after the walk: they may queue new work. */
    batch_release(&batch);
    process_abandoned(qsbr);
    if (left >= REQUEST_THRESHOLD) {
        request_quiescent_reports(tstate, _Py_qsbr_shared_current(qsbr->shared));
    }
}

void
_PyMem_AbandonDelayed(PyThreadState *tstate)
{
    if (tstate == NULL) {
        return;
    }
    struct _mem_work_chunk *queue = tstate->mem_free_queue;
    tstate->mem_free_queue = NULL;
    if (queue == NULL) {
        return;
    }
    if (tstate->qsbr != NULL) {
        /* Release what can go now; the rest moves to the shared queue. */
        /* The thread may be detached here: objects stay queued. */
        if (process_queue(&queue, tstate->qsbr, 0, NULL) == 0) {
            return;
        }
    }
    _PyMutex_LockNoDetach(&abandoned.mutex);
    /* Splice the whole list in front of the shared one. */
    struct _mem_work_chunk *tail = queue;
    while (tail->next != NULL) {
        tail = tail->next;
    }
    tail->next = abandoned.head;
    abandoned.head = queue;
    _Py_atomic_store_int_relaxed(&abandoned.has_work, 1);
    PyMutex_Unlock(&abandoned.mutex);
}

/* Release every abandoned block without waiting (runtime shutdown, when no
 * other thread is left). */
void
_PyMem_FiniDelayed(void)
{
    _PyMutex_LockNoDetach(&abandoned.mutex);
    struct _mem_work_chunk *queue = abandoned.head;
    abandoned.head = NULL;
    _Py_atomic_store_int_relaxed(&abandoned.has_work, 0);
    PyMutex_Unlock(&abandoned.mutex);
    free_queue_now(queue);
}

static Py_ssize_t
count_queue(struct _mem_work_chunk *c)
{
    Py_ssize_t n = 0;
    for (; c != NULL; c = c->next) {
        n += c->wr_idx - c->rd_idx;
    }
    return n;
}

Py_ssize_t
_PyMem_DelayedPendingCount(PyThreadState *tstate)
{
    if (tstate != NULL) {
        return count_queue(tstate->mem_free_queue);
    }
    _PyMutex_LockNoDetach(&abandoned.mutex);
    Py_ssize_t n = count_queue(abandoned.head);
    PyMutex_Unlock(&abandoned.mutex);
    return n;
}

#else /* !Py_GIL_DISABLED */

/* The GIL serialises every reader and writer: nothing to wait for. */
void
_PyObject_XDecRefDelayed(PyObject *op)
{
    Py_XDECREF(op);
}

void
_PyMem_FreeDelayed(void *ptr)
{
    raw_free(ptr);
}

void
_PyMem_ProcessDelayed(PyThreadState *tstate)
{
    (void)tstate;
}

void
_PyMem_AbandonDelayed(PyThreadState *tstate)
{
    (void)tstate;
}

void
_PyMem_FiniDelayed(void)
{
}

Py_ssize_t
_PyMem_DelayedPendingCount(PyThreadState *tstate)
{
    (void)tstate;
    return 0;
}

#endif /* Py_GIL_DISABLED */
