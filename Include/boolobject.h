/* boolobject.h: `bool`, a subclass of int with exactly two instances, True
 * and False, which are int objects with the values 1 and 0.
 * Implementation: Objects/boolobject.c. */
#ifndef Py_BOOLOBJECT_H
#define Py_BOOLOBJECT_H

#include "object.h"

PyAPI_DATA(PyTypeObject) PyBool_Type;
#define PyBool_Check(x) Py_IS_TYPE((x), &PyBool_Type)

/* Their layout is PyLongObject's (longobject.h). */
struct _longobject;
PyAPI_DATA(struct _longobject) _Py_FalseStruct;
PyAPI_DATA(struct _longobject) _Py_TrueStruct;

#define Py_False _PyObject_CAST(&_Py_FalseStruct)
#define Py_True _PyObject_CAST(&_Py_TrueStruct)
#define Py_IsTrue(x) Py_Is((x), Py_True)
#define Py_IsFalse(x) Py_Is((x), Py_False)
#define Py_RETURN_TRUE return Py_True
#define Py_RETURN_FALSE return Py_False

PyAPI_FUNC(PyObject *) PyBool_FromLong(long ok);

#endif /* Py_BOOLOBJECT_H */
