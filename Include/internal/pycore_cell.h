/* pycore_cell.h: reading and writing a cell's contents (the eval loop's
 * LOAD_DEREF / STORE_DEREF, and Objects/cellobject.c).
 *
 * Free-threaded build: a write stores under the cell's critical section; a
 * read takes no lock, following the protocol of lock-free container reads
 * (pycore_lockfree.h): the owner reads at once, another thread first marks
 * the cell shared under its lock, and a writer releases the value it
 * replaces through QSBR once the cell is shared, so a reader that loaded
 * the old pointer can still count it.  Why: closures read their cells on
 * every access (a counter's `count += k` is two reads and a write), and the
 * lock made each read a critical section.  Default build: plain loads and
 * stores. */
#ifndef Py_INTERNAL_CELL_H
#define Py_INTERNAL_CELL_H

#include "Python.h"
#include "pycore_lockfree.h"
#include "pycore_critical_section.h"

/* Contents as a new reference (NULL if empty, no exception). */
static inline _Py_ALWAYS_INLINE PyObject *
PyCell_GetRef(PyCellObject *cell)
{
    PyObject *res;
#ifdef Py_GIL_DISABLED
    if (_Py_LIKELY(_PyObject_CanReadLockFree((PyObject *)cell))) {
        res = _Py_atomic_load_ptr_acquire(&cell->ob_ref);
        if (res == NULL) {
            return NULL;
        }
        /* _Py_IncrefCompareAlive, spelled out so that it is inlined. */
        Py_INCREF(res);
        if (_Py_LIKELY(_Py_atomic_load_ptr_acquire(&cell->ob_ref) == res)) {
            return res;
        }
        Py_DECREF(res);
        /* Replaced while we counted it: the locked read is exact. */
    }
#endif
    Py_BEGIN_CRITICAL_SECTION(cell);
#ifdef Py_GIL_DISABLED
    if (!_Py_IsOwnedByCurrentThread((PyObject *)cell)) {
        _PyObject_GC_SET_SHARED((PyObject *)cell);
    }
#endif
    res = Py_XNewRef(cell->ob_ref);
    Py_END_CRITICAL_SECTION();
    return res;
}

/* Store `value` (a reference is stolen; NULL empties it). */
static inline _Py_ALWAYS_INLINE void
PyCell_SetTakeRef(PyCellObject *cell, PyObject *value)
{
    PyObject *old;
    Py_BEGIN_CRITICAL_SECTION(cell);
    _PyObject_MarkSharedIfForeign((PyObject *)cell);
    old = cell->ob_ref;
#ifdef Py_GIL_DISABLED
    _Py_atomic_store_ptr_release(&cell->ob_ref, value);
#else
    cell->ob_ref = value;
#endif
    Py_END_CRITICAL_SECTION();
    /* Outside the section (a destructor may run).  A reader that could
     * hold `old` without a count marked the cell shared before we locked
     * it, so the check below sees the mark. */
    _PyObject_ReleaseFrom((PyObject *)cell, old);
}

#endif /* Py_INTERNAL_CELL_H */
