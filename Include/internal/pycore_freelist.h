/* pycore_freelist.h: per-thread free lists of object structs (float, tuple
 * by size, list, dict, ...), with the inline push/pop the types use.
 *
 * Why: short-lived floats and small tuples were a malloc and a free each;
 * a free list turns that into a few loads and stores on memory that is
 * still hot in the cache.
 *
 * One code path for both builds: the lists live in the thread state
 * (tstate->freelists), reached through a thread-local pointer that is set
 * while the thread has a thread state (_Py_tls_freelists, Python/pystate.c).
 * Only the owning thread touches its lists, so there are no locks or
 * atomics.  In the free-threaded build an object freed by any thread goes
 * to *that* thread's list (the free is local), and the thread that pops it
 * becomes its owner (_Py_NewReference_Count sets ob_tid).  The lists are
 * emptied (memory back to the allocator) when the thread state is deleted.
 * Without a thread state (_Py_tls_freelists NULL) the types free and
 * allocate as usual.
 *
 * A block on a list is dead memory: it is linked through its first word
 * (the object header's first field), GC objects are untracked and their
 * PyGC_Head is zeroed again when popped.  Only structs go on the lists:
 * item arrays and dict keys (which the free-threaded build may release
 * through QSBR) are freed as before.  A GC object taken from or put on a
 * list still counts as an allocation or a free for the collector's
 * schedule (_PyGC_CountAlloc), so collections happen exactly as without
 * free lists. */
#ifndef Py_INTERNAL_FREELIST_H
#define Py_INTERNAL_FREELIST_H

#include "Python.h"

/* Maximum lengths: small enough that a thread never hoards much memory
 * (the tuple lists hold at most ~1 MiB in total). */
#define _Py_FLOAT_MAXFREELIST   100
#define _Py_TUPLE_MAXSAVESIZE   20      /* tuples of 1..20 items */
#define _Py_TUPLE_MAXFREELIST   2000    /* per size */
#define _Py_LIST_MAXFREELIST    80
#define _Py_DICT_MAXFREELIST    80
#define _Py_SLICE_MAXFREELIST   1
#define _Py_RANGEITER_MAXFREELIST 10

struct _Py_freelist {
    void *head;          /* first block, linked through the first word */
    Py_ssize_t size;     /* blocks on the list */
};

struct _Py_freelists {
    struct _Py_freelist floats;
    struct _Py_freelist tuples[_Py_TUPLE_MAXSAVESIZE];  /* [n-1]: n items */
    struct _Py_freelist lists;
    struct _Py_freelist dicts;
    struct _Py_freelist slices;
    struct _Py_freelist rangeiters;
};

/* The calling thread's lists, NULL if it has no thread state. */
extern _Thread_local struct _Py_freelists *_Py_tls_freelists;

static inline struct _Py_freelists *
_Py_freelists_GET(void)
{
    return _Py_tls_freelists;
}

/* Put `obj` on the list unless it is full; 1 if it was taken. */
static inline int
_Py_freelist_push(struct _Py_freelist *fl, void *obj, Py_ssize_t maxsize)
{
    if (fl->size < maxsize) {
        *(void **)obj = fl->head;
        fl->head = obj;
        fl->size++;
        return 1;
    }
    return 0;
}

/* A block from the list, or NULL if it is empty. */
static inline void *
_Py_freelist_pop(struct _Py_freelist *fl)
{
    void *obj = fl->head;
    if (obj != NULL) {
        fl->head = *(void **)obj;
        fl->size--;
    }
    return obj;
}

/* GC objects: the PyGC_Head in front of a popped object reads as a fresh,
 * untracked one (a finalized bit from its previous life must not stay). */
static inline void
_Py_freelist_reset_gc(PyObject *op)
{
    PyGC_Head *g = _Py_AS_GC(op);
    g->_gc_next = 0;
    g->_gc_prev = 0;
}

/* The collector's allocation count (Python/gc.c): +1 for an object taken
 * from a list, -1 for one put on it. */
extern void _PyGC_CountAlloc(int delta);

/* Free every block on the lists (Objects/object.c); the thread state is
 * going away or the lists are being dropped.  Returns the number of blocks
 * released. */
extern Py_ssize_t _Py_freelists_Clear(struct _Py_freelists *fls);
/* Blocks released by _Py_freelists_Clear since start-up (atomic; tests). */
extern Py_ssize_t _Py_freelists_ClearedTotal(void);

#endif /* Py_INTERNAL_FREELIST_H */
