/* tupleobject.h: the immutable sequence `tuple`.  Items live inline after
 * the header; the empty tuple is an immortal singleton.
 * Implementation: Objects/tupleobject.c. */
#ifndef Py_TUPLEOBJECT_H
#define Py_TUPLEOBJECT_H

#include "object.h"

typedef struct {
    PyObject_VAR_HEAD
    PyObject *ob_item[1];   /* ob_size items */
} PyTupleObject;

PyAPI_DATA(PyTypeObject) PyTuple_Type;
PyAPI_DATA(PyTypeObject) PyTupleIter_Type;

#define PyTuple_Check(op) PyType_FastSubclass(Py_TYPE(op), Py_TPFLAGS_TUPLE_SUBCLASS)
#define PyTuple_CheckExact(op) Py_IS_TYPE((op), &PyTuple_Type)

PyAPI_FUNC(PyObject *) PyTuple_New(Py_ssize_t size);
PyAPI_FUNC(Py_ssize_t) PyTuple_Size(PyObject *op);
PyAPI_FUNC(PyObject *) PyTuple_GetItem(PyObject *op, Py_ssize_t i);   /* borrowed */
/* Steals `item`.  Only for freshly created tuples. */
PyAPI_FUNC(int) PyTuple_SetItem(PyObject *op, Py_ssize_t i, PyObject *item);
PyAPI_FUNC(PyObject *) PyTuple_GetSlice(PyObject *op, Py_ssize_t low, Py_ssize_t high);
PyAPI_FUNC(PyObject *) PyTuple_Pack(Py_ssize_t n, ...);
/* Resize a tuple the caller owns alone (refcount 1). */
PyAPI_FUNC(int) _PyTuple_Resize(PyObject **op, Py_ssize_t newsize);
/* New tuple from an array (new references taken / stolen). */
PyAPI_FUNC(PyObject *) _PyTuple_FromArray(PyObject *const *src, Py_ssize_t n);
PyAPI_FUNC(PyObject *) _PyTuple_FromArraySteal(PyObject *const *src, Py_ssize_t n);

#define _PyTuple_CAST(op) ((PyTupleObject *)(op))
#define PyTuple_GET_SIZE(op) Py_SIZE(op)
#define PyTuple_GET_ITEM(op, i) (_PyTuple_CAST(op)->ob_item[(i)])
#define PyTuple_SET_ITEM(op, i, v) ((void)(_PyTuple_CAST(op)->ob_item[(i)] = (v)))
#define _PyTuple_ITEMS(op) (_PyTuple_CAST(op)->ob_item)

#endif /* Py_TUPLEOBJECT_H */
