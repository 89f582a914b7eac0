/* objimpl.h: allocating and initialising objects.  PyObject_New/NewVar for
 * plain objects, PyObject_GC_New/NewVar for objects the cycle collector may
 * visit (types with Py_TPFLAGS_HAVE_GC and tp_traverse), PyObject_Init to
 * set up a header in memory the caller got elsewhere.
 * GC objects carry a PyGC_Head in front of the PyObject (the collector
 * links tracked objects through it); PyObject_GC_Del frees that block.
 * Implementation: Objects/object.c (plain), Objects/typeobject.c (generic
 * alloc), Python/gc.c (GC objects, the collector, finalizers). */
#ifndef Py_OBJIMPL_H
#define Py_OBJIMPL_H

#include "object.h"
#include "pymem.h"

PyAPI_FUNC(PyObject *) PyObject_Init(PyObject *op, PyTypeObject *type);
PyAPI_FUNC(PyVarObject *) PyObject_InitVar(PyVarObject *op, PyTypeObject *type,
                                           Py_ssize_t size);

PyAPI_FUNC(PyObject *) _PyObject_New(PyTypeObject *type);
PyAPI_FUNC(PyVarObject *) _PyObject_NewVar(PyTypeObject *type, Py_ssize_t nitems);
#define PyObject_New(type, typeobj) ((type *)_PyObject_New(typeobj))
#define PyObject_NewVar(type, typeobj, n) ((type *)_PyObject_NewVar((typeobj), (n)))
#define PyObject_NEW PyObject_New
#define PyObject_NEW_VAR PyObject_NewVar
#define PyObject_Del PyObject_Free
#define PyObject_DEL PyObject_Free

/* Size of a variable object with n items, rounded to pointer alignment. */
static inline size_t _PyObject_VAR_SIZE(PyTypeObject *type, Py_ssize_t nitems)
{
    size_t size = (size_t)type->tp_basicsize + (size_t)nitems * (size_t)type->tp_itemsize;
    return _Py_SIZE_ROUND_UP(size, sizeof(void *));
}
#define _PyObject_SIZE(typeobj) ((typeobj)->tp_basicsize)

/* ---- the cycle collector's view ---------------------------------------
 * The header the collector uses to link tracked objects: two words in
 * front of the object.  _gc_next == 0 means untracked. */
typedef struct PyGC_Head {
    uintptr_t _gc_next;
    uintptr_t _gc_prev;
} PyGC_Head;

#define _Py_AS_GC(op) ((PyGC_Head *)(op) - 1)
#define _Py_FROM_GC(g) ((PyObject *)((PyGC_Head *)(g) + 1))

#define PyType_IS_GC(t) PyType_HasFeature((t), Py_TPFLAGS_HAVE_GC)
PyAPI_FUNC(int) PyObject_IS_GC(PyObject *obj);

PyAPI_FUNC(PyObject *) _PyObject_GC_New(PyTypeObject *type);
PyAPI_FUNC(PyVarObject *) _PyObject_GC_NewVar(PyTypeObject *type, Py_ssize_t nitems);
PyAPI_FUNC(PyVarObject *) _PyObject_GC_Resize(PyVarObject *op, Py_ssize_t nitems);
#define PyObject_GC_New(type, typeobj) ((type *)_PyObject_GC_New(typeobj))
#define PyObject_GC_NewVar(type, typeobj, n) ((type *)_PyObject_GC_NewVar((typeobj), (n)))
#define PyObject_GC_Resize(type, op, n) ((type *)_PyObject_GC_Resize(_PyVarObject_CAST(op), (n)))
/* Raw GC memory of `size` bytes for the object part (the header is added). */
PyAPI_FUNC(PyObject *) _PyObject_GC_Malloc(size_t size);
PyAPI_FUNC(void) PyObject_GC_Del(void *op);
/* Start / stop letting the collector see the object.  Track once every
 * field tp_traverse visits is initialised; untrack first thing in dealloc. */
PyAPI_FUNC(void) PyObject_GC_Track(void *op);
PyAPI_FUNC(void) PyObject_GC_UnTrack(void *op);
PyAPI_FUNC(int) PyObject_GC_IsTracked(PyObject *op);
PyAPI_FUNC(int) PyObject_GC_IsFinalized(PyObject *op);

/* Visit a member in tp_traverse. */
#define Py_VISIT(op)                                                    \
    do {                                                                \
        if (op) {                                                       \
            int vret = visit(_PyObject_CAST(op), arg);                  \
            if (vret)                                                   \
                return vret;                                            \
        }                                                               \
    } while (0)

/* The cycle collector (Python/gc.c): collect every generation and return
 * the number of unreachable objects found; switch automatic collection. */
PyAPI_FUNC(Py_ssize_t) PyGC_Collect(void);
PyAPI_FUNC(int) PyGC_Enable(void);
PyAPI_FUNC(int) PyGC_Disable(void);
PyAPI_FUNC(int) PyGC_IsEnabled(void);

/* Finalizers (PEP 442): run tp_finalize at most once per object.  From a
 * tp_dealloc, CallFinalizerFromDealloc returns -1 if the object was
 * resurrected (the dealloc must stop there), 0 otherwise. */
PyAPI_FUNC(void) PyObject_CallFinalizer(PyObject *self);
PyAPI_FUNC(int) PyObject_CallFinalizerFromDealloc(PyObject *self);

#endif /* Py_OBJIMPL_H */
