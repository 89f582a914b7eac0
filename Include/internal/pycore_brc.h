/* pycore_brc.h: biased reference counting's merge queues (free-threaded
 * build).  A non-owner decref that would take an object's shared count below
 * zero cannot know whether the object is dead, because the owner's local
 * count is not its to read.  It marks the object queued and hands it to the
 * owner; the owner merges the counts at its next eval-breaker check
 * (_Py_brc_merge_refcounts) and frees the object if the total is zero.
 * Owners are found through a hash table keyed by _Py_ThreadId(), each bucket
 * with its own mutex.  Implementation: Python/brc.c. */
#ifndef Py_INTERNAL_BRC_H
#define Py_INTERNAL_BRC_H

#include "Python.h"

#define _Py_BRC_NUM_BUCKETS 257

/* A growable array of object pointers. */
typedef struct {
    PyObject **items;
    Py_ssize_t size;
    Py_ssize_t capacity;
} _PyObjectStack;

/* Per thread state. */
struct _brc_thread_state {
    struct _brc_thread_state *next;   /* in its bucket */
    uintptr_t ob_tid;                 /* _Py_ThreadId() of the thread */
    _PyObjectStack objects_to_merge;  /* filled by others, under the bucket lock */
    _PyObjectStack local_objects_to_merge;
};

struct _brc_bucket {
    PyMutex mutex;
    struct _brc_thread_state *root;
};

/* Per interpreter. */
struct _brc_state {
    struct _brc_bucket table[_Py_BRC_NUM_BUCKETS];
};

extern void _Py_brc_init_thread(PyThreadState *tstate);
extern void _Py_brc_remove_thread(PyThreadState *tstate);
/* Hand `ob` (whose shared count the caller marked queued) to its owner. */
extern void _Py_brc_queue_object(PyObject *ob);
/* World stopped (the collector, settling foreign objects): queue `ob`
 * (marked queued or merged by the caller, the queue holding one reference)
 * to its owner if it has a live one, else to `collector`. */
extern void _Py_brc_queue_object_stopped(PyObject *ob, PyThreadState *collector);
/* Are objects queued to `tstate` (its own thread asking)? */
extern int _Py_brc_has_queued(PyThreadState *tstate);
/* Called by the owner at the eval breaker. */
extern void _Py_brc_merge_refcounts(PyThreadState *tstate);
extern void _Py_brc_after_fork(PyInterpreterState *interp);

extern int _PyObjectStack_Push(_PyObjectStack *s, PyObject *op);
extern PyObject *_PyObjectStack_Pop(_PyObjectStack *s);
extern void _PyObjectStack_Clear(_PyObjectStack *s);

#endif /* Py_INTERNAL_BRC_H */
