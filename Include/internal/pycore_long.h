/* pycore_long.h: int internals shared inside the runtime (formatter.c,
 * floatobject.c, sys): digit-level text conversion and exact comparisons. */
#ifndef Py_INTERNAL_LONG_H
#define Py_INTERNAL_LONG_H

#include "Python.h"

/* abs(v) written in base 2, 8, 10 or 16 (lowercase digits, no sign, no
 * prefix) into a PyMem_Malloc'd NUL-terminated ASCII buffer; *len gets the
 * length.  Base 10 honours the int max str digits limit (ValueError).
 * NULL with an exception set on error. */
PyAPI_FUNC(char *) _PyLong_ToASCIIDigits(PyObject *v, int base, Py_ssize_t *len);

/* Parse an int from ASCII text of length len, as int(text, base) does
 * (whitespace, sign, prefix, underscores).  On a malformed literal returns
 * NULL with *invalid = 1 and no exception (the caller words the error);
 * other failures (digit limit, memory) set an exception with *invalid = 0. */
PyAPI_FUNC(PyObject *) _PyLong_FromASCII(const char *s, Py_ssize_t len, int base,
                                         int *invalid);

/* int(bytes_like, base): CPython's error messages. */
PyAPI_FUNC(PyObject *) _PyLong_FromBytes(const char *s, Py_ssize_t len, int base);

/* Compare a double with an int exactly: -1, 0, 1 (x must not be NaN). */
PyAPI_FUNC(int) _PyLong_CompareWithDouble(PyObject *v, double x);

#endif /* Py_INTERNAL_LONG_H */
