/* pycore_format.h: the format mini-language (Python/formatter.c), shared
 * by format()/__format__ of int, float, complex and str, and by
 * %-formatting in unicodeobject.c.
 *
 *   [[fill]align][sign][z][#][0][width][grouping][.precision][type]
 *
 * Every function returns a new str, or NULL with an exception set
 * (ValueError for a bad spec, with CPython's messages). */
#ifndef Py_INTERNAL_FORMAT_H
#define Py_INTERNAL_FORMAT_H

#include "Python.h"

/* obj.__format__(spec) for each type.  `spec` is a str; obj must be an
 * instance (subclasses fine) of the type named. */
PyAPI_FUNC(PyObject *) _PyLong_FormatSpec(PyObject *obj, PyObject *spec);
PyAPI_FUNC(PyObject *) _PyFloat_FormatSpec(PyObject *obj, PyObject *spec);
PyAPI_FUNC(PyObject *) _PyComplex_FormatSpec(PyObject *obj, PyObject *spec);
/* str.__format__: alignment, fill, width and precision truncation. */
PyAPI_FUNC(PyObject *) _PyStr_FormatSpec(PyObject *str, PyObject *spec);

/* %-formatting of an int: type is one of 'd' 'i' 'u' 'x' 'X' 'o'; `alt`
 * adds the 0x/0X/0o prefix, `prec` >= 0 pads the digits with zeros to that
 * many (-1: none).  The result has the sign and prefix but no width
 * padding, e.g. _PyLong_FormatPercent(-255, 1, 4, 'x') == "-0x00ff".
 * `val` must be an int (callers convert with __index__/__int__ first). */
PyAPI_FUNC(PyObject *) _PyLong_FormatPercent(PyObject *val, int alt, int prec,
                                             int type);
/* %-formatting of a float: type 'e' 'E' 'f' 'F' 'g' 'G'; prec < 0 means 6;
 * flags are Py_DTSF_* (SIGN for '+', ALT for '#').  No width padding. */
PyAPI_FUNC(PyObject *) _PyFloat_FormatPercent(double x, int flags, int prec,
                                              int type);

#endif /* Py_INTERNAL_FORMAT_H */
