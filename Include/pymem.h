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
/* Free everything still queued (thread exit, shutdown). */
PyAPI_FUNC(void) _PyMem_AbandonDelayed(PyThreadState *tstate);

#endif /* Py_PYMEM_H */
