/* weakrefobject.h: weak references (weakref.ref, weakref.proxy).
 * A weakly referenceable type has tp_weaklistoffset > 0: the offset of a
 * PyObject * field holding the head of the doubly linked list of weak
 * references to the object; its tp_dealloc calls PyObject_ClearWeakRefs.
 * Implementation: Objects/weakrefobject.c. */
#ifndef Py_WEAKREFOBJECT_H
#define Py_WEAKREFOBJECT_H

typedef struct _PyWeakReference PyWeakReference;

struct _PyWeakReference {
    PyObject_HEAD
    /* The referent, or Py_None once it is gone.  Free-threaded build: read
     * and cleared under the lock chosen by the referent's address. */
    PyObject *wr_object;
    PyObject *wr_callback;      /* owned, or NULL */
    Py_hash_t hash;             /* -1 until computed */
    PyWeakReference *wr_prev;   /* the referent's list */
    PyWeakReference *wr_next;
    vectorcallfunc vectorcall;
};

PyAPI_DATA(PyTypeObject) _PyWeakref_RefType;
PyAPI_DATA(PyTypeObject) _PyWeakref_ProxyType;
PyAPI_DATA(PyTypeObject) _PyWeakref_CallableProxyType;

#define PyWeakref_CheckRef(op) PyObject_TypeCheck((op), &_PyWeakref_RefType)
#define PyWeakref_CheckRefExact(op) Py_IS_TYPE((op), &_PyWeakref_RefType)
#define PyWeakref_CheckProxy(op) \
    (Py_IS_TYPE((op), &_PyWeakref_ProxyType) || \
     Py_IS_TYPE((op), &_PyWeakref_CallableProxyType))
#define PyWeakref_Check(op) (PyWeakref_CheckRef(op) || PyWeakref_CheckProxy(op))

PyAPI_FUNC(PyObject *) PyWeakref_NewRef(PyObject *ob, PyObject *callback);
PyAPI_FUNC(PyObject *) PyWeakref_NewProxy(PyObject *ob, PyObject *callback);
/* Borrowed reference to the referent, or Py_None (deprecated in 3.13). */
PyAPI_FUNC(PyObject *) PyWeakref_GetObject(PyObject *ref);
/* 1 and a new reference in *pobj if alive; 0 and NULL if dead; -1 with
 * TypeError if `ref` is not a weak reference. */
PyAPI_FUNC(int) PyWeakref_GetRef(PyObject *ref, PyObject **pobj);
/* From tp_dealloc of a weakly referenceable type: kill every weak
 * reference to `op` and call their callbacks. */
PyAPI_FUNC(void) PyObject_ClearWeakRefs(PyObject *op);
PyAPI_FUNC(Py_ssize_t) _PyWeakref_GetWeakrefCount(PyObject *op);
/* Append the live weak references to `op` to `list` (weakref.getweakrefs). */
PyAPI_FUNC(int) _PyWeakref_AppendRefs(PyObject *op, PyObject *list);
/* 1 if type's instances may be weakly referenced. */
#define _PyType_SUPPORTS_WEAKREFS(type) ((type)->tp_weaklistoffset > 0)

#endif /* Py_WEAKREFOBJECT_H */
