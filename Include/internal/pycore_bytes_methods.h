/* pycore_bytes_methods.h: the methods bytes and bytearray share
 * (Objects/bytes_methods.c), the bytes repr, and helpers for bytes-like
 * arguments.  Each shared method works on bytes and bytearray alike and
 * returns the receiver's base type; on a bytearray it runs in a critical
 * section with a buffer export held, so the buffer cannot move under it. */
#ifndef Py_INTERNAL_BYTES_METHODS_H
#define Py_INTERNAL_BYTES_METHODS_H

#include "Python.h"

/* The receiver's bytes (bytes or bytearray; no locking). */
static inline void
_PyBytes_SelfData(PyObject *self, const char **s, Py_ssize_t *len)
{
    if (PyBytes_Check(self)) {
        *s = PyBytes_AS_STRING(self);
        *len = PyBytes_GET_SIZE(self);
    }
    else {
        *s = PyByteArray_AS_STRING(self);
        *len = PyByteArray_GET_SIZE(self);
    }
}

/* Borrow the bytes of any bytes-like object: 0, or -1 with TypeError
 * "a bytes-like object is required, not 'X'".  Release with
 * PyBuffer_Release. */
PyAPI_FUNC(int) _PyBytes_GetBuffer(PyObject *obj, Py_buffer *view);
/* repr() of a byte buffer: b'...' with CPython's quote choice.  `prefix`
 * and `suffix` wrap it (for bytearray(b'...')). */
PyAPI_FUNC(PyObject *) _PyBytes_ReprBuf(const char *s, Py_ssize_t len, int smartquotes,
                                        const char *prefix, const char *suffix);
/* bytes.hex() / bytearray.hex() body. */
PyAPI_FUNC(PyObject *) _PyBytes_HexBuf(const char *s, Py_ssize_t len, PyObject *sep,
                                       PyObject *bytes_per_sep);
/* Parse fromhex() input into a new bytes object. */
PyAPI_FUNC(PyObject *) _PyBytes_FromHex(PyObject *string, int use_bytearray);
/* Sequence helpers shared by bytes.__contains__ and bytearray. */
PyAPI_FUNC(int) _PyBytes_ContainsBuf(const char *s, Py_ssize_t len, PyObject *arg);
/* bytes(x) / bytearray(x) from an iterable of ints, appended to a PyMem
 * buffer; returns 0/-1. */
PyAPI_FUNC(int) _PyBytes_CollectInts(PyObject *iterable, char **buf, Py_ssize_t *len);

#define _PY_BYTES_SHARED_METHODS_DECL(name) \
    PyAPI_FUNC(PyObject *) _Py_bytes_##name(PyObject *self, PyObject *const *args, \
                                            Py_ssize_t nargs, PyObject *kwnames)
_PY_BYTES_SHARED_METHODS_DECL(capitalize);
_PY_BYTES_SHARED_METHODS_DECL(center);
_PY_BYTES_SHARED_METHODS_DECL(count);
_PY_BYTES_SHARED_METHODS_DECL(decode);
_PY_BYTES_SHARED_METHODS_DECL(endswith);
_PY_BYTES_SHARED_METHODS_DECL(expandtabs);
_PY_BYTES_SHARED_METHODS_DECL(find);
_PY_BYTES_SHARED_METHODS_DECL(hex);
_PY_BYTES_SHARED_METHODS_DECL(index);
_PY_BYTES_SHARED_METHODS_DECL(isalnum);
_PY_BYTES_SHARED_METHODS_DECL(isalpha);
_PY_BYTES_SHARED_METHODS_DECL(isascii);
_PY_BYTES_SHARED_METHODS_DECL(isdigit);
_PY_BYTES_SHARED_METHODS_DECL(islower);
_PY_BYTES_SHARED_METHODS_DECL(isspace);
_PY_BYTES_SHARED_METHODS_DECL(istitle);
_PY_BYTES_SHARED_METHODS_DECL(isupper);
_PY_BYTES_SHARED_METHODS_DECL(join);
_PY_BYTES_SHARED_METHODS_DECL(ljust);
_PY_BYTES_SHARED_METHODS_DECL(lower);
_PY_BYTES_SHARED_METHODS_DECL(lstrip);
_PY_BYTES_SHARED_METHODS_DECL(partition);
_PY_BYTES_SHARED_METHODS_DECL(removeprefix);
_PY_BYTES_SHARED_METHODS_DECL(removesuffix);
_PY_BYTES_SHARED_METHODS_DECL(replace);
_PY_BYTES_SHARED_METHODS_DECL(rfind);
_PY_BYTES_SHARED_METHODS_DECL(rindex);
_PY_BYTES_SHARED_METHODS_DECL(rjust);
_PY_BYTES_SHARED_METHODS_DECL(rpartition);
_PY_BYTES_SHARED_METHODS_DECL(rsplit);
_PY_BYTES_SHARED_METHODS_DECL(rstrip);
_PY_BYTES_SHARED_METHODS_DECL(split);
_PY_BYTES_SHARED_METHODS_DECL(splitlines);
_PY_BYTES_SHARED_METHODS_DECL(startswith);
_PY_BYTES_SHARED_METHODS_DECL(strip);
_PY_BYTES_SHARED_METHODS_DECL(swapcase);
_PY_BYTES_SHARED_METHODS_DECL(title);
_PY_BYTES_SHARED_METHODS_DECL(translate);
_PY_BYTES_SHARED_METHODS_DECL(upper);
_PY_BYTES_SHARED_METHODS_DECL(zfill);
PyAPI_FUNC(PyObject *) _Py_bytes_maketrans(PyObject *cls, PyObject *const *args,
                                           Py_ssize_t nargs);

#define _PY_BM(name) {#name, (PyCFunction)(void (*)(void))_Py_bytes_##name, \
                      METH_FASTCALL | METH_KEYWORDS, NULL}
#define _PY_BYTES_SHARED_METHODS \
    _PY_BM(capitalize), _PY_BM(center), _PY_BM(count), _PY_BM(decode), \
    _PY_BM(endswith), _PY_BM(expandtabs), _PY_BM(find), _PY_BM(hex), \
    _PY_BM(index), _PY_BM(isalnum), _PY_BM(isalpha), _PY_BM(isascii), \
    _PY_BM(isdigit), _PY_BM(islower), _PY_BM(isspace), _PY_BM(istitle), \
    _PY_BM(isupper), _PY_BM(join), _PY_BM(ljust), _PY_BM(lower), \
    _PY_BM(lstrip), _PY_BM(partition), _PY_BM(removeprefix), \
    _PY_BM(removesuffix), _PY_BM(replace), _PY_BM(rfind), _PY_BM(rindex), \
    _PY_BM(rjust), _PY_BM(rpartition), _PY_BM(rsplit), _PY_BM(rstrip), \
    _PY_BM(split), _PY_BM(splitlines), _PY_BM(startswith), _PY_BM(strip), \
    _PY_BM(swapcase), _PY_BM(title), _PY_BM(translate), _PY_BM(upper), \
    _PY_BM(zfill), \
    {"maketrans", (PyCFunction)(void (*)(void))_Py_bytes_maketrans, \
     METH_FASTCALL | METH_STATIC, NULL}

#endif /* Py_INTERNAL_BYTES_METHODS_H */
