/* iterobject.h: the generic iterators: the sequence iterator (iter() over an
 * object that has only __getitem__) and the callable iterator
 * (iter(callable, sentinel)).  Implementation: Objects/iterobject.c. */
#ifndef Py_ITEROBJECT_H
#define Py_ITEROBJECT_H

#include "object.h"

PyAPI_DATA(PyTypeObject) PySeqIter_Type;
PyAPI_DATA(PyTypeObject) PyCallIter_Type;
/* anext(aiter, default): an awaitable giving `default` at StopAsyncIteration */
PyAPI_DATA(PyTypeObject) _PyAnextAwaitable_Type;
PyAPI_FUNC(PyObject *) _PyAnextAwaitable_New(PyObject *aiter, PyObject *default_value);

#define PySeqIter_Check(op) Py_IS_TYPE((op), &PySeqIter_Type)
#define PyCallIter_Check(op) Py_IS_TYPE((op), &PyCallIter_Type)

PyAPI_FUNC(PyObject *) PySeqIter_New(PyObject *seq);
PyAPI_FUNC(PyObject *) PyCallIter_New(PyObject *callable, PyObject *sentinel);

#endif /* Py_ITEROBJECT_H */
