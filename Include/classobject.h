/* classobject.h: bound methods — a function together with the object it was
 * looked up on (obj.f).  Calling one calls the function with the object
 * prepended.  Implementation: Objects/classobject.c. */
#ifndef Py_CLASSOBJECT_H
#define Py_CLASSOBJECT_H

typedef struct {
    PyObject_HEAD
    PyObject *im_func;           /* the callable */
    PyObject *im_self;           /* the instance it is bound to */
    PyObject *im_weakreflist;
    vectorcallfunc vectorcall;
} PyMethodObject;

PyAPI_DATA(PyTypeObject) PyMethod_Type;
#define PyMethod_Check(op) Py_IS_TYPE((op), &PyMethod_Type)

PyAPI_FUNC(PyObject *) PyMethod_New(PyObject *func, PyObject *self);
PyAPI_FUNC(PyObject *) PyMethod_Function(PyObject *im);
PyAPI_FUNC(PyObject *) PyMethod_Self(PyObject *im);
#define PyMethod_GET_FUNCTION(m) (((PyMethodObject *)(m))->im_func)
#define PyMethod_GET_SELF(m) (((PyMethodObject *)(m))->im_self)

#endif /* Py_CLASSOBJECT_H */
