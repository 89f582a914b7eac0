/* bytesobject.h: the bytes type.  An immutable variable-size object: the
 * bytes live inline after the header and are always followed by a NUL, so
 * PyBytes_AS_STRING can be handed to C string functions.
 * Implementation: Objects/bytesobject.c, shared methods in bytes_methods.c. */
#ifndef Py_BYTESOBJECT_H
#define Py_BYTESOBJECT_H

#include <stdarg.h>
#include "object.h"

typedef struct {
    PyObject_VAR_HEAD
    Py_hash_t ob_shash;         /* -1 until computed (atomic, relaxed) */
    char ob_sval[1];            /* ob_size bytes, then a NUL */
} PyBytesObject;

PyAPI_DATA(PyTypeObject) PyBytes_Type;
PyAPI_DATA(PyTypeObject) PyBytesIter_Type;

#define PyBytes_Check(op) \
    PyType_FastSubclass(Py_TYPE(op), Py_TPFLAGS_BYTES_SUBCLASS)
#define PyBytes_CheckExact(op) Py_IS_TYPE((op), &PyBytes_Type)

static inline char *PyBytes_AS_STRING(PyObject *op)
{ return ((PyBytesObject *)op)->ob_sval; }
#define PyBytes_AS_STRING(op) PyBytes_AS_STRING(_PyObject_CAST(op))
static inline Py_ssize_t PyBytes_GET_SIZE(PyObject *op)
{ return Py_SIZE(op); }
#define PyBytes_GET_SIZE(op) PyBytes_GET_SIZE(_PyObject_CAST(op))

/* `str` may be NULL: an uninitialised object of `size` bytes to fill. */
PyAPI_FUNC(PyObject *) PyBytes_FromStringAndSize(const char *str, Py_ssize_t size);
PyAPI_FUNC(PyObject *) PyBytes_FromString(const char *str);
/* bytes(obj) for buffers, lists/iterables of ints, __bytes__. */
PyAPI_FUNC(PyObject *) PyBytes_FromObject(PyObject *obj);
PyAPI_FUNC(PyObject *) PyBytes_FromFormatV(const char *format, va_list vargs);
PyAPI_FUNC(PyObject *) PyBytes_FromFormat(const char *format, ...);
PyAPI_FUNC(Py_ssize_t) PyBytes_Size(PyObject *bytes);
PyAPI_FUNC(char *) PyBytes_AsString(PyObject *bytes);
/* *length may be NULL, then embedded NULs raise ValueError. */
PyAPI_FUNC(int) PyBytes_AsStringAndSize(PyObject *obj, char **s, Py_ssize_t *len);
/* repr(); smartquotes picks ' or " as CPython does. */
PyAPI_FUNC(PyObject *) PyBytes_Repr(PyObject *bytes, int smartquotes);
/* *pbytes += newpart; *pbytes set to NULL on error. */
PyAPI_FUNC(void) PyBytes_Concat(PyObject **pbytes, PyObject *newpart);
PyAPI_FUNC(void) PyBytes_ConcatAndDel(PyObject **pbytes, PyObject *newpart);
/* Resize a bytes object nobody else references yet; on error *pbytes is
 * freed and set to NULL. */
PyAPI_FUNC(int) _PyBytes_Resize(PyObject **pbytes, Py_ssize_t newsize);
PyAPI_FUNC(PyObject *) _PyBytes_Join(PyObject *sep, PyObject *iterable);
/* bytes % args */
PyAPI_FUNC(PyObject *) _PyBytes_FormatEx(const char *format, Py_ssize_t format_len,
                                         PyObject *args, int use_bytearray);
/* Decode backslash escapes (b'\\n' -> b'\n'), as bytes literals do. */
PyAPI_FUNC(PyObject *) PyBytes_DecodeEscape(const char *s, Py_ssize_t len,
                                            const char *errors, Py_ssize_t unicode,
                                            const char *recode_encoding);
/* Hash of raw bytes, equal for equal bytes and for ASCII str. */
PyAPI_FUNC(Py_hash_t) _PyBytes_Hash(PyObject *bytes);

#endif /* Py_BYTESOBJECT_H */
