/* sliceobject.h: slice objects (start:stop:step) and the helpers that turn a
 * slice into concrete indices for a sequence of a given length.  The Ellipsis
 * singleton lives with the core objects, not here.
 * Implementation: Objects/sliceobject.c. */
#ifndef Py_SLICEOBJECT_H
#define Py_SLICEOBJECT_H

#include "object.h"

typedef struct {
    PyObject_HEAD
    PyObject *start, *stop, *step;  /* never NULL; None when omitted */
} PySliceObject;

PyAPI_DATA(PyTypeObject) PySlice_Type;

#define PySlice_Check(op) Py_IS_TYPE((op), &PySlice_Type)

PyAPI_FUNC(PyObject *) PySlice_New(PyObject *start, PyObject *stop, PyObject *step);
PyAPI_FUNC(int) PySlice_GetIndices(PyObject *r, Py_ssize_t length,
                                   Py_ssize_t *start, Py_ssize_t *stop, Py_ssize_t *step);
PyAPI_FUNC(int) PySlice_GetIndicesEx(PyObject *r, Py_ssize_t length,
                                     Py_ssize_t *start, Py_ssize_t *stop,
                                     Py_ssize_t *step, Py_ssize_t *slicelength);
/* Read the slice's fields as Py_ssize_t (clamped), without a length. */
PyAPI_FUNC(int) PySlice_Unpack(PyObject *slice, Py_ssize_t *start, Py_ssize_t *stop,
                               Py_ssize_t *step);
/* Clip unpacked indices to a sequence of `length` items; returns the slice length. */
PyAPI_FUNC(Py_ssize_t) PySlice_AdjustIndices(Py_ssize_t length, Py_ssize_t *start,
                                             Py_ssize_t *stop, Py_ssize_t step);

/* Internal: slice.indices() on arbitrary-size ints (used by range). */
PyAPI_FUNC(int) _PySlice_GetLongIndices(PySliceObject *self, PyObject *length,
                                        PyObject **start_ptr, PyObject **stop_ptr,
                                        PyObject **step_ptr);
/* Internal: slice(PyLong(istart), PyLong(istop), None). */
PyAPI_FUNC(PyObject *) _PySlice_FromIndices(Py_ssize_t start, Py_ssize_t stop);

#endif /* Py_SLICEOBJECT_H */
