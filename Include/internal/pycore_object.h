/* pycore_object.h: object-model internals the runtime shares: creating a
 * reference for a freshly allocated object, the GC header bits, the static
 * type list, and helpers for type attribute lookup with identifiers.
 * Implementation: Objects/object.c, Objects/typeobject.c. */
#ifndef Py_INTERNAL_OBJECT_H
#define Py_INTERNAL_OBJECT_H

#include "Python.h"

/* An interned, immortal str for an identifier, created once:
 *     PyObject *name = _Py_ID_STR(__init__);   (borrowed) */
#define _Py_ID_STR(s) \
    ({ static _Py_Identifier _py_id_ = _Py_static_string_init(#s); \
       _PyUnicode_FromId(&_py_id_); })

/* Fill a fresh header: refcount 1 (owned by this thread), type `type`
 * (a heap type gets a reference). */
static inline void _PyObject_Init(PyObject *op, PyTypeObject *type)
{
    _Py_NewReference_Count(op);
    Py_SET_TYPE(op, type);
    if (type->tp_flags & Py_TPFLAGS_HEAPTYPE) {
        Py_INCREF(type);
    }
}
static inline void _PyObject_InitVar(PyVarObject *op, PyTypeObject *type, Py_ssize_t size)
{
    _PyObject_Init((PyObject *)op, type);
    Py_SET_SIZE(op, size);
}

/* GC tracking: PyGC_Head._gc_next is non-zero while tracked (the
 * collector's lists, Python/gc.c and pycore_gc.h). */
static inline int _PyObject_GC_IS_TRACKED(PyObject *op)
{
    return _Py_atomic_load_uintptr_relaxed(&_Py_AS_GC(op)->_gc_next) != 0;
}

/* Nonzero if `type` may be subclassed by Python code. */
static inline int _PyType_IsReady(PyTypeObject *type)
{
    return type->tp_dict != NULL;
}

/* Identity-keyed set of objects being repr'ed by this thread lives in the
 * thread state dict; see Py_ReprEnter. */

/* The instance dict pointer for types with tp_dictoffset. */
static inline PyObject **_PyObject_DictPointer(PyObject *obj)
{
    Py_ssize_t offset = Py_TYPE(obj)->tp_dictoffset;
    if (offset == 0) {
        return NULL;
    }
    if (offset < 0) {
        /* Variable-sized objects keep the dict after the items. */
        Py_ssize_t tsize = Py_SIZE(obj);
        if (tsize < 0) {
            tsize = -tsize;
        }
        size_t size = _PyObject_VAR_SIZE(Py_TYPE(obj), tsize);
        offset += (Py_ssize_t)size;
    }
    return (PyObject **)((char *)obj + offset);
}

/* Lookup a special method (dunder) on the type, binding it: a new reference
 * or NULL with no exception if missing (-1 semantics via PyErr_Occurred). */
PyAPI_FUNC(PyObject *) _PyObject_LookupSpecial(PyObject *self, PyObject *attr);

/* Called by the eval loop for zero-argument super(): the class from the
 * __class__ cell and the function's first argument. */
PyAPI_FUNC(PyObject *) _PySuper_New(PyTypeObject *type, PyObject *obj);
/* super(type, obj).name without creating the super object. */
PyAPI_FUNC(PyObject *) _PySuper_Lookup(PyTypeObject *type, PyObject *obj, PyObject *name,
                                       int *meth_found);

/* type(name, bases, dict) with the keywords of a class statement: the
 * compiler's __build_class__ calls the metaclass; these are the hooks. */
PyAPI_FUNC(PyObject *) _PyType_CalculateMetaclass(PyTypeObject *metatype, PyObject *bases);

/* Call a PyMethodDef's C function with vectorcall arguments, following its
 * METH_* convention (Objects/descrobject.c). */
PyAPI_FUNC(PyObject *) _PyMethodDef_Call(struct PyMethodDef *ml, PyObject *self,
                                         PyTypeObject *cls, PyObject *const *args,
                                         Py_ssize_t nargs, PyObject *kwnames);

/* PyObject_GenericGetAttr with an explicit dict (NULL: the instance's);
 * with suppress=1 a missing attribute gives NULL without an exception. */
PyAPI_FUNC(PyObject *) _PyObject_GenericGetAttrWithDict(PyObject *obj, PyObject *name,
                                                        PyObject *dict, int suppress);

/* Types' own bookkeeping. */
PyAPI_FUNC(int) _PyType_InitCache(void);
PyAPI_FUNC(void) _PyObject_Dump(PyObject *op);

/* Exceptions start-up (Objects/exceptions.c). */
PyAPI_FUNC(int) _PyExc_InitTypes(void);
/* errno -> OSError subclass for OSError(errno, ...) construction. */
PyAPI_FUNC(PyObject *) _PyExc_OSErrorSubclassForErrno(int errcode);

/* iter() of each item of a tuple from `start` on, as a new tuple
 * (Objects/abstract.c). */
extern PyObject *_PyTuple_GetIters(PyObject *args, Py_ssize_t start);

#endif /* Py_INTERNAL_OBJECT_H */
