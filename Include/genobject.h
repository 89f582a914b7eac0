/* genobject.h: generators, coroutines and async generators — functions
 * whose frame lives in the object between resumptions.  The layout is in
 * Include/internal/pycore_genobject.h.  Implementation: Objects/genobject.c. */
#ifndef Py_GENOBJECT_H
#define Py_GENOBJECT_H

typedef struct _PyGenObject PyGenObject;
typedef PyGenObject PyCoroObject;
typedef PyGenObject PyAsyncGenObject;

PyAPI_DATA(PyTypeObject) PyGen_Type;
PyAPI_DATA(PyTypeObject) PyCoro_Type;
PyAPI_DATA(PyTypeObject) PyAsyncGen_Type;
PyAPI_DATA(PyTypeObject) _PyCoroWrapper_Type;
PyAPI_DATA(PyTypeObject) _PyAsyncGenASend_Type;
PyAPI_DATA(PyTypeObject) _PyAsyncGenAThrow_Type;
PyAPI_DATA(PyTypeObject) _PyAsyncGenWrappedValue_Type;

#define PyGen_Check(op) PyObject_TypeCheck((op), &PyGen_Type)
#define PyGen_CheckExact(op) Py_IS_TYPE((op), &PyGen_Type)
#define PyCoro_CheckExact(op) Py_IS_TYPE((op), &PyCoro_Type)
#define PyAsyncGen_CheckExact(op) Py_IS_TYPE((op), &PyAsyncGen_Type)

/* StopIteration's value (0) or -1 with another exception set. */
PyAPI_FUNC(int) _PyGen_FetchStopIterationValue(PyObject **pvalue);
/* Raise StopIteration(value) so that value arrives as is (tuples and
 * exceptions are wrapped). */
PyAPI_FUNC(int) _PyGen_SetStopIterationValue(PyObject *value);

#endif /* Py_GENOBJECT_H */
