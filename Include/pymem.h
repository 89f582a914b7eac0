/* pymem.h: the memory allocators.
 *   PyMem_Raw*   any thread, even without a thread state (system malloc or mimalloc)
 *   PyMem_*      general buffers (mimalloc when built with it)
 *   PyObject_*   object memory (mimalloc: per-thread heaps, cross-thread frees safe)
 * Implementation: Objects/obmalloc.c. */
#ifndef Py_PYMEM_H
#define Py_PYMEM_H

#include "pyport.h"

PyAPI_FUNC(void *) PyMem_RawMalloc(size_t size);
PyAPI_FUNC(void *) PyMem_RawCalloc(size_t nelem, size_t elsize);
PyAPI_FUNC(void *) PyMem_RawRealloc(void *ptr, size_t new_size);
PyAPI_FUNC(void) PyMem_RawFree(void *ptr);

PyAPI_FUNC(void *) PyMem_Malloc(size_t size);
PyAPI_FUNC(void *) PyMem_Calloc(size_t nelem, size_t elsize);
PyAPI_FUNC(void *) PyMem_Realloc(void *ptr, size_t new_size);
PyAPI_FUNC(void) PyMem_Free(void *ptr);

PyAPI_FUNC(void *) PyObject_Malloc(size_t size);
PyAPI_FUNC(void *) PyObject_Calloc(size_t nelem, size_t elsize);
PyAPI_FUNC(void *) PyObject_Realloc(void *ptr, size_t new_size);
PyAPI_FUNC(void) PyObject_Free(void *ptr);

#define PyMem_New(type, n) \
    ((size_t)(n) > PY_SSIZE_T_MAX / sizeof(type) ? NULL : \
     (type *)PyMem_Malloc((n) * sizeof(type)))
#define PyMem_Resize(p, type, n) \
    ((p) = ((size_t)(n) > PY_SSIZE_T_MAX / sizeof(type)) ? NULL : \
     (type *)PyMem_Realloc((p), (n) * sizeof(type)))
#define PyMem_Del PyMem_Free
#define PyMem_DEL PyMem_Free

/* Free `ptr` (PyMem_Malloc'd) once no lock-free reader can still see it
 * (QSBR).  In the default build, or with one thread, frees at once. */
PyAPI_FUNC(void) _PyMem_FreeDelayed(void *ptr);
/* Free memory whose delay has expired; called at quiescent points. */
PyAPI_FUNC(void) _PyMem_ProcessDelayed(PyThreadState *tstate);
/* Thread exit: free what can go now, hand the rest to the interpreter's
 * queue, which later calls to _PyMem_ProcessDelayed work through. */
PyAPI_FUNC(void) _PyMem_AbandonDelayed(PyThreadState *tstate);
/* Free what exited threads left behind, without waiting: only when no other
 * thread can be reading (runtime finalisation). */
PyAPI_FUNC(void) _PyMem_FiniDelayed(void);
/* Blocks still waiting in `tstate`'s queue, or with NULL in the interpreter's
 * queue of abandoned blocks (tests and diagnostics). */
PyAPI_FUNC(Py_ssize_t) _PyMem_DelayedPendingCount(PyThreadState *tstate);

#endif /* Py_PYMEM_H */
