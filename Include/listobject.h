/* listobject.h: the list type.  A list owns a separately allocated array of
 * item pointers (ob_item, `allocated` slots of which the first ob_size are in
 * use).  The array is separate from the object so that a resize can hand the
 * old array to QSBR (_PyMem_FreeDelayed) while lock-free readers may still be
 * looking at it.  Implementation: Objects/listobject.c. */
#ifndef Py_LISTOBJECT_H
#define Py_LISTOBJECT_H

#include "object.h"

typedef struct {
    PyObject_VAR_HEAD
    PyObject **ob_item;         /* items 0 .. ob_size-1; NULL when empty */
    Py_ssize_t allocated;       /* slots in ob_item; -1 while being sorted */
} PyListObject;

PyAPI_DATA(PyTypeObject) PyList_Type;
PyAPI_DATA(PyTypeObject) PyListIter_Type;
PyAPI_DATA(PyTypeObject) PyListRevIter_Type;

#define PyList_Check(op) PyType_FastSubclass(Py_TYPE(op), Py_TPFLAGS_LIST_SUBCLASS)
#define PyList_CheckExact(op) Py_IS_TYPE((op), &PyList_Type)

PyAPI_FUNC(PyObject *) PyList_New(Py_ssize_t size);
PyAPI_FUNC(Py_ssize_t) PyList_Size(PyObject *);
PyAPI_FUNC(PyObject *) PyList_GetItem(PyObject *, Py_ssize_t);     /* borrowed */
PyAPI_FUNC(PyObject *) PyList_GetItemRef(PyObject *, Py_ssize_t);  /* new ref */
PyAPI_FUNC(int) PyList_SetItem(PyObject *, Py_ssize_t, PyObject *); /* steals */
PyAPI_FUNC(int) PyList_Insert(PyObject *, Py_ssize_t, PyObject *);
PyAPI_FUNC(int) PyList_Append(PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyList_GetSlice(PyObject *, Py_ssize_t, Py_ssize_t);
PyAPI_FUNC(int) PyList_SetSlice(PyObject *, Py_ssize_t, Py_ssize_t, PyObject *);
PyAPI_FUNC(int) PyList_Extend(PyObject *list, PyObject *iterable);
PyAPI_FUNC(int) PyList_Clear(PyObject *list);
PyAPI_FUNC(int) PyList_Sort(PyObject *);
PyAPI_FUNC(int) PyList_Reverse(PyObject *);
PyAPI_FUNC(PyObject *) PyList_AsTuple(PyObject *);

/* Runtime-internal helpers (CPython has the same names). */
/* list.extend(iterable); returns None or NULL. */
PyAPI_FUNC(PyObject *) _PyList_Extend(PyListObject *, PyObject *);
/* Append, stealing the reference to `item`. */
PyAPI_FUNC(int) _PyList_AppendTakeRef(PyListObject *self, PyObject *item);
/* A new list that takes over n references from src. */
PyAPI_FUNC(PyObject *) _PyList_FromArraySteal(PyObject *const *src, Py_ssize_t n);
/* list[i] = v for a C index (negative counts from the end), as STORE_SUBSCR
 * does: 0, or -1 with IndexError. */
PyAPI_FUNC(int) _PyList_StoreIndex(PyObject *list, Py_ssize_t i, PyObject *v);

/* Unchecked accessors: the caller knows op is a list and i is in range. */
#define _PyList_CAST(op) ((PyListObject *)(op))
static inline Py_ssize_t PyList_GET_SIZE(PyObject *op)
{
#ifdef Py_GIL_DISABLED
    return _Py_atomic_load_ssize_relaxed(&_PyVarObject_CAST(op)->ob_size);
#else
    return Py_SIZE(op);
#endif
}
#define PyList_GET_SIZE(op) PyList_GET_SIZE(_PyObject_CAST(op))
#define PyList_GET_ITEM(op, i) (_PyList_CAST(op)->ob_item[(i)])
static inline void PyList_SET_ITEM(PyObject *op, Py_ssize_t i, PyObject *v)
{
    _PyList_CAST(op)->ob_item[i] = v;
}
#define PyList_SET_ITEM(op, i, v) PyList_SET_ITEM(_PyObject_CAST(op), (i), _PyObject_CAST(v))

#endif /* Py_LISTOBJECT_H */
