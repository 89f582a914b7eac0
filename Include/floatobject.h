/* floatobject.h: `float`, an IEEE 754 double.  Implementation:
 * Objects/floatobject.c. */
#ifndef Py_FLOATOBJECT_H
#define Py_FLOATOBJECT_H

#include "object.h"

typedef struct {
    PyObject_HEAD
    double ob_fval;
} PyFloatObject;

PyAPI_DATA(PyTypeObject) PyFloat_Type;

#define PyFloat_Check(op) \
    (Py_IS_TYPE((op), &PyFloat_Type) || PyType_IsSubtype(Py_TYPE(op), &PyFloat_Type))
#define PyFloat_CheckExact(op) Py_IS_TYPE((op), &PyFloat_Type)
#define PyFloat_AS_DOUBLE(op) (((PyFloatObject *)(op))->ob_fval)

#define Py_RETURN_NAN return PyFloat_FromDouble(Py_NAN)
#define Py_RETURN_INF(sign) \
    do { \
        if (copysign(1., (sign)) == 1.) { \
            return PyFloat_FromDouble(Py_INFINITY); \
        } \
        return PyFloat_FromDouble(-Py_INFINITY); \
    } while (0)

PyAPI_FUNC(double) PyFloat_GetMax(void);
PyAPI_FUNC(double) PyFloat_GetMin(void);
PyAPI_FUNC(PyObject *) PyFloat_FromDouble(double v);
/* float(str): the argument is a str, bytes or bytearray. */
PyAPI_FUNC(PyObject *) PyFloat_FromString(PyObject *v);
/* Any object with __float__ or __index__; -1.0 with an exception on error. */
PyAPI_FUNC(double) PyFloat_AsDouble(PyObject *op);

/* float.__repr__ as a C-level helper. */
PyAPI_FUNC(PyObject *) _PyFloat_Repr(double x);

#endif /* Py_FLOATOBJECT_H */
