/* pystrtod.h: locale-independent conversions between double and text
 * (Python/pystrtod.c on top of the digit machinery in Python/dtoa.c). */
#ifndef Py_STRTOD_H
#define Py_STRTOD_H

#include "pyport.h"

/* Parse a float literal as float() accepts it (no underscores, no
 * surrounding whitespace).  On success returns the value and, if endptr is
 * not NULL, points *endptr past the parsed text; without endptr the whole
 * string must be consumed.  A value too large becomes +-inf when
 * overflow_exception is NULL, else raises it.  Errors: -1.0 with ValueError
 * set (or endptr == s when endptr is given and nothing parsed). */
PyAPI_FUNC(double) PyOS_string_to_double(const char *str, char **endptr,
                                         PyObject *overflow_exception);

/* Format `val`.  format_code: 'e' 'E' 'f' 'F' 'g' 'G' 'r' (repr: shortest
 * round-trip, precision must be 0).  Returns a PyMem_Malloc'd string (caller
 * frees with PyMem_Free) or NULL with MemoryError set; *type (if not NULL)
 * receives Py_DTST_*. */
PyAPI_FUNC(char *) PyOS_double_to_string(double val, char format_code,
                                         int precision, int flags, int *type);

/* PyOS_double_to_string flags */
#define Py_DTSF_SIGN      0x01  /* always add the sign */
#define Py_DTSF_ADD_DOT_0 0x02  /* if the result looks like an int, add ".0" */
#define Py_DTSF_ALT       0x04  /* "alternate" formatting ('#') */
#define Py_DTSF_NO_NEG_0  0x08  /* negative zero becomes positive ('z') */

/* PyOS_double_to_string's "type" results */
#define Py_DTST_FINITE 0
#define Py_DTST_INFINITE 1
#define Py_DTST_NAN 2

/* Remove the underscores of a numeric literal, checking that each sits
 * between two digits, then call innerfunc(buffer, len, arg).  `what` names
 * the target type in the error ("float", "complex").  Used by float() and
 * complex(). */
PyAPI_FUNC(PyObject *) _Py_string_to_number_with_underscores(
    const char *str, Py_ssize_t len, const char *what, PyObject *obj, void *arg,
    PyObject *(*innerfunc)(const char *, Py_ssize_t, void *));

/* Parse "inf", "infinity" or "nan" (any case, optional sign) at s.  Returns
 * the value and sets *endptr past it, or -1.0 with *endptr == s. */
PyAPI_FUNC(double) _Py_parse_inf_or_nan(const char *p, char **endptr);

#endif /* Py_STRTOD_H */
