/* bytearrayobject.h: the bytearray type, a mutable byte buffer.
 * The bytes live in a separate buffer (ob_bytes, capacity ob_alloc) of which
 * ob_start..ob_start+ob_size is in use, so deleting from the front is cheap.
 * While a buffer export is alive (ob_exports > 0) the buffer cannot be
 * resized.  Mutations run inside critical sections in the free-threaded
 * build.  Implementation: Objects/bytearrayobject.c. */
#ifndef Py_BYTEARRAYOBJECT_H
#define Py_BYTEARRAYOBJECT_H

#include "object.h"

typedef struct {
    PyObject_VAR_HEAD
    Py_ssize_t ob_alloc;        /* bytes allocated in ob_bytes */
    char *ob_bytes;             /* the buffer (PyMem), or NULL when empty */
    char *ob_start;             /* first byte in use */
    Py_ssize_t ob_exports;      /* buffer views alive */
} PyByteArrayObject;

PyAPI_DATA(PyTypeObject) PyByteArray_Type;
PyAPI_DATA(PyTypeObject) PyByteArrayIter_Type;
PyAPI_DATA(char) _PyByteArray_empty_string[];

#define PyByteArray_Check(op) PyObject_TypeCheck((op), &PyByteArray_Type)
#define PyByteArray_CheckExact(op) Py_IS_TYPE((op), &PyByteArray_Type)

static inline char *PyByteArray_AS_STRING(PyObject *op)
{
    PyByteArrayObject *self = (PyByteArrayObject *)op;
    if (Py_SIZE(self)) {
        return self->ob_start;
    }
    return _PyByteArray_empty_string;
}
#define PyByteArray_AS_STRING(op) PyByteArray_AS_STRING(_PyObject_CAST(op))
static inline Py_ssize_t PyByteArray_GET_SIZE(PyObject *op)
{ return Py_SIZE(op); }
#define PyByteArray_GET_SIZE(op) PyByteArray_GET_SIZE(_PyObject_CAST(op))

PyAPI_FUNC(PyObject *) PyByteArray_FromObject(PyObject *obj);
PyAPI_FUNC(PyObject *) PyByteArray_Concat(PyObject *a, PyObject *b);
PyAPI_FUNC(PyObject *) PyByteArray_FromStringAndSize(const char *str, Py_ssize_t len);
PyAPI_FUNC(Py_ssize_t) PyByteArray_Size(PyObject *bytearray);
PyAPI_FUNC(char *) PyByteArray_AsString(PyObject *bytearray);
PyAPI_FUNC(int) PyByteArray_Resize(PyObject *bytearray, Py_ssize_t len);

#endif /* Py_BYTEARRAYOBJECT_H */
