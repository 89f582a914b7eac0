/* rangeobject.h: the range type and its two iterators (one over C longs,
 * one over arbitrary-size ints).  Implementation: Objects/rangeobject.c. */
#ifndef Py_RANGEOBJECT_H
#define Py_RANGEOBJECT_H

#include "object.h"

PyAPI_DATA(PyTypeObject) PyRange_Type;
PyAPI_DATA(PyTypeObject) PyRangeIter_Type;
PyAPI_DATA(PyTypeObject) PyLongRangeIter_Type;

#define PyRange_Check(op) Py_IS_TYPE((op), &PyRange_Type)

#endif /* Py_RANGEOBJECT_H */
