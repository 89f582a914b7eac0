/* pycore_lockfree.h: what lock-free container reads (list[i], dict[key]) and
 * the writers of those containers agree on, free-threaded build.
 *
 * A reader that takes no lock loads an item pointer and then increments its
 * count; the object must still be alive at that moment.  Weft's allocator
 * does not keep freed objects object-shaped, so writers keep them alive:
 * once a container is "shared" (some thread other than its owner has
 * touched it), a reference a writer drops (replaced list item, popped value,
 * deleted dict entry) is released through QSBR (_PyObject_XDecRefDelayed),
 * i.e. only after every thread has passed a quiescent state.  Threads other
 * than the owner read lock-free only after marking the container shared
 * (under its lock, so writers see the mark); the owner reads lock-free at
 * once, and a non-owner writer marks before writing.  Containers used by a
 * single thread therefore never pay for the delay.
 *
 * In the default build everything here is a no-op or a plain decref. */
#ifndef Py_INTERNAL_LOCKFREE_H
#define Py_INTERNAL_LOCKFREE_H

#include "Python.h"
/* Containers read lock-free are also the hot users of critical sections:
 * give them the inline elided fast path. */
#include "pycore_critical_section.h"

/* Release `op` once no lock-free reader can still hold it (immediately in
 * the default build, or while a single thread state exists, or with the
 * world stopped).  Objects/obmalloc.c. */
PyAPI_FUNC(void) _PyObject_XDecRefDelayed(PyObject *op);

#ifdef Py_GIL_DISABLED

/* ob_gc_bits bit: the container may be read lock-free by other threads. */
#define _PyGC_BITS_SHARED 0x01

static inline int _PyObject_GC_IS_SHARED(PyObject *op)
{
    return (_Py_atomic_load_uint8_relaxed(&op->ob_gc_bits) & _PyGC_BITS_SHARED) != 0;
}

/* Called with the container's critical section held (so setters never
 * race each other; readers load the bits atomically). */
static inline void _PyObject_GC_SET_SHARED(PyObject *op)
{
    uint8_t bits = _Py_atomic_load_uint8_relaxed(&op->ob_gc_bits);
    if ((bits & _PyGC_BITS_SHARED) == 0) {
        _Py_atomic_store_uint8_relaxed(&op->ob_gc_bits, bits | _PyGC_BITS_SHARED);
    }
}

/* May the current thread read `op` without its lock? */
static inline int _PyObject_CanReadLockFree(PyObject *op)
{
    return _PyObject_GC_IS_SHARED(op) || _Py_IsOwnedByCurrentThread(op);
}

/* In a writer's critical section: a thread that does not own the container
 * marks it shared, since the owner may be reading it lock-free. */
static inline void _PyObject_MarkSharedIfForeign(PyObject *op)
{
    if (!_Py_IsOwnedByCurrentThread(op)) {
        _PyObject_GC_SET_SHARED(op);
    }
}

/* Drop a reference a shared container held: delayed when readers may
 * still hold the pointer without a count. */
static inline void _PyObject_ReleaseFrom(PyObject *container, PyObject *op)
{
    if (op == NULL) {
        return;
    }
    if (_PyObject_GC_IS_SHARED(container)) {
        _PyObject_XDecRefDelayed(op);
    }
    else {
        Py_DECREF(op);
    }
}

/* Drop the previous value of a __slots__ member of `owner` (Python/ceval.c,
 * PyMember_SetOne).  The owning thread reads its own objects' slots without
 * the lock (load_attr_cached), so a value another thread replaces must stay
 * alive until that reader's next quiescent state: QSBR.  Other readers take
 * the lock, so the owner's own writes release at once. */
static inline void _PyObject_ReleaseSlotValue(PyObject *owner, PyObject *old)
{
    if (old == NULL) {
        return;
    }
    if (_Py_IsOwnedByCurrentThread(owner)) {
        Py_DECREF(old);
    }
    else {
        _PyObject_XDecRefDelayed(old);
    }
}

/* A reference the container gives away (pop): the caller gets a new
 * reference and the container's own is released as above, so the caller
 * freeing the object cannot pull it from under a reader. */
static inline PyObject *_PyObject_HandOutFrom(PyObject *container, PyObject *op)
{
    if (_PyObject_GC_IS_SHARED(container)) {
        Py_INCREF(op);
        _PyObject_XDecRefDelayed(op);
    }
    return op;
}

/* Take a reference to `op`, just loaded from the slot `*src` of a container
 * read without its lock, if the slot still holds it: 1 on success, 0 when
 * the slot changed (then nothing is held).  A plain increment is safe
 * where _Py_TryIncrefCompare would refuse (an object only its owner ever
 * counted has a shared count of 0): the container's reference is dropped
 * through QSBR, so the object is alive until this thread's next quiescent
 * state. */
static inline int _Py_IncrefCompareAlive(PyObject **src, PyObject *op)
{
    /* Another owner's object: counted in this thread's foreign table
     * rather than by an atomic add on a cache line every reader of the
     * container would fight over. */
    if (_Py_LIKELY(_Py_IsOwnedByCurrentThread(op))) {
        _Py_LocalRefcountInc(op);
    }
    else {
        /* Immortal, deferred, or into this thread's foreign table. */
        _Py_IncRefNonOwner(op);
    }
    if (_Py_atomic_load_ptr_acquire(src) == op) {
        return 1;
    }
    Py_DECREF(op);
    return 0;
}

#else /* !Py_GIL_DISABLED */

static inline int _PyObject_GC_IS_SHARED(PyObject *op) { (void)op; return 0; }
static inline void _PyObject_GC_SET_SHARED(PyObject *op) { (void)op; }
static inline int _PyObject_CanReadLockFree(PyObject *op) { (void)op; return 1; }
static inline void _PyObject_MarkSharedIfForeign(PyObject *op) { (void)op; }
static inline void _PyObject_ReleaseFrom(PyObject *container, PyObject *op)
{
    (void)container;
    Py_XDECREF(op);
}
static inline PyObject *_PyObject_HandOutFrom(PyObject *container, PyObject *op)
{
    (void)container;
    return op;
}
static inline void _PyObject_ReleaseSlotValue(PyObject *owner, PyObject *old)
{
    (void)owner;
    Py_XDECREF(old);
}
static inline int _Py_IncrefCompareAlive(PyObject **src, PyObject *op)
{
    (void)src;
    Py_INCREF(op);
    return 1;
}

#endif /* Py_GIL_DISABLED */

/* Item i of the exact list `op` (negative i counts from the end) without
 * a reference, or NULL when it cannot be had that way (out of range, a
 * slot being filled, a list another thread owns that is not shared yet).
 * Valid until the calling thread next blocks, runs Python code or passes
 * a quiescent state, and only while `op` itself stays alive: until then
 * nothing can free the item (the list is ours and we do not write it, or
 * its writers release what they drop through QSBR; an array replaced
 * under us moved its items to the new one, whose drops are delayed the
 * same way).  For the eval loop's fused reads (Python/ceval.c). */
static inline PyObject *_PyList_BorrowItem(PyObject *op, Py_ssize_t i)
{
    PyListObject *self = (PyListObject *)op;
#ifdef Py_GIL_DISABLED
    if (!_PyObject_CanReadLockFree(op)) {
        return NULL;
    }
    PyObject **items = _Py_atomic_load_ptr_acquire(&self->ob_item);
    Py_ssize_t n = _Py_atomic_load_ssize_acquire(&((PyVarObject *)self)->ob_size);
    if (_Py_atomic_load_ptr_acquire(&self->ob_item) != items) {
        return NULL;
    }
    if (i < 0) {
        i += n;
    }
    if ((size_t)i >= (size_t)n) {
        return NULL;
    }
    return _Py_atomic_load_ptr_acquire(&items[i]);
#else
    Py_ssize_t n = Py_SIZE(self);
    if (i < 0) {
        i += n;
    }
    if ((size_t)i >= (size_t)n) {
        return NULL;
    }
    return self->ob_item[i];
#endif
}

#endif /* Py_INTERNAL_LOCKFREE_H */
