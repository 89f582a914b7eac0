/* enumobject.h: the enumerate and reversed types.
 * Implementation: Objects/enumobject.c. */
#ifndef Py_ENUMOBJECT_H
#define Py_ENUMOBJECT_H

#include "object.h"

PyAPI_DATA(PyTypeObject) PyEnum_Type;
PyAPI_DATA(PyTypeObject) PyReversed_Type;

#endif /* Py_ENUMOBJECT_H */
