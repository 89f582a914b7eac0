/* longobject.h: `int`, arbitrary precision.  Magnitude in base 2**30 digits,
 * least significant first; the sign lives in ob_size (negative size for a
 * negative number, 0 for zero), as in CPython 3.11.  -5..256 are
 * preallocated immortal objects.  Implementation: Objects/longobject.c. */
#ifndef Py_LONGOBJECT_H
#define Py_LONGOBJECT_H

#include "object.h"

typedef uint32_t digit;
typedef int32_t sdigit;
typedef uint64_t twodigits;
typedef int64_t stwodigits;

#define PyLong_SHIFT 30
#define PyLong_BASE ((digit)1 << PyLong_SHIFT)
#define PyLong_MASK ((digit)(PyLong_BASE - 1))
#define _PyLong_DECIMAL_SHIFT 9
#define _PyLong_DECIMAL_BASE ((digit)1000000000)

struct _longobject {
    PyObject_VAR_HEAD
    digit ob_digit[1];
};
typedef struct _longobject PyLongObject;

PyAPI_DATA(PyTypeObject) PyLong_Type;

#define PyLong_Check(op) PyType_FastSubclass(Py_TYPE(op), Py_TPFLAGS_LONG_SUBCLASS)
#define PyLong_CheckExact(op) Py_IS_TYPE((op), &PyLong_Type)

PyAPI_FUNC(PyObject *) PyLong_FromLong(long v);
PyAPI_FUNC(PyObject *) PyLong_FromUnsignedLong(unsigned long v);
PyAPI_FUNC(PyObject *) PyLong_FromSsize_t(Py_ssize_t v);
PyAPI_FUNC(PyObject *) PyLong_FromSize_t(size_t v);
PyAPI_FUNC(PyObject *) PyLong_FromLongLong(long long v);
PyAPI_FUNC(PyObject *) PyLong_FromUnsignedLongLong(unsigned long long v);
PyAPI_FUNC(PyObject *) PyLong_FromInt32(int32_t v);
PyAPI_FUNC(PyObject *) PyLong_FromInt64(int64_t v);
PyAPI_FUNC(PyObject *) PyLong_FromDouble(double v);
PyAPI_FUNC(PyObject *) PyLong_FromVoidPtr(void *p);
/* Parse like int(str, base); *pend (if given) points past the parsed text. */
PyAPI_FUNC(PyObject *) PyLong_FromString(const char *str, char **pend, int base);
PyAPI_FUNC(PyObject *) PyLong_FromUnicodeObject(PyObject *u, int base);

/* Conversions to C.  Errors: -1 (or (unsigned)-1) with an exception set;
 * the argument may be any object with __index__. */
PyAPI_FUNC(long) PyLong_AsLong(PyObject *obj);
PyAPI_FUNC(long) PyLong_AsLongAndOverflow(PyObject *obj, int *overflow);
PyAPI_FUNC(long long) PyLong_AsLongLong(PyObject *obj);
PyAPI_FUNC(long long) PyLong_AsLongLongAndOverflow(PyObject *obj, int *overflow);
PyAPI_FUNC(int) PyLong_AsInt(PyObject *obj);
PyAPI_FUNC(Py_ssize_t) PyLong_AsSsize_t(PyObject *obj);
PyAPI_FUNC(size_t) PyLong_AsSize_t(PyObject *obj);
PyAPI_FUNC(unsigned long) PyLong_AsUnsignedLong(PyObject *obj);
PyAPI_FUNC(unsigned long) PyLong_AsUnsignedLongMask(PyObject *obj);
PyAPI_FUNC(unsigned long long) PyLong_AsUnsignedLongLong(PyObject *obj);
PyAPI_FUNC(unsigned long long) PyLong_AsUnsignedLongLongMask(PyObject *obj);
PyAPI_FUNC(double) PyLong_AsDouble(PyObject *obj);
PyAPI_FUNC(void *) PyLong_AsVoidPtr(PyObject *obj);

/* ---- helpers for the rest of the runtime ------------------------------ */

/* A new int with room for `size` digits (ob_size set to size; fill the
 * digits, then normalise with _PyLong_Normalize).  NULL + MemoryError. */
PyAPI_FUNC(PyLongObject *) _PyLong_New(Py_ssize_t size);
PyAPI_FUNC(PyLongObject *) _PyLong_Normalize(PyLongObject *v);
PyAPI_FUNC(PyObject *) _PyLong_Copy(PyLongObject *src);
PyAPI_FUNC(PyObject *) _PyLong_FromDigits(int negative, Py_ssize_t digit_count,
                                          digit *digits);

/* -1, 0, 1.  Never fails. */
PyAPI_FUNC(int) _PyLong_Sign(PyObject *v);
/* Number of bits in abs(v); (size_t)-1 and OverflowError if too many. */
PyAPI_FUNC(size_t) _PyLong_NumBits(PyObject *v);

static inline int _PyLong_IsZero(const PyLongObject *op) { return op->ob_base.ob_size == 0; }
static inline int _PyLong_IsNegative(const PyLongObject *op) { return op->ob_base.ob_size < 0; }
static inline int _PyLong_IsPositive(const PyLongObject *op) { return op->ob_base.ob_size > 0; }
/* "Compact": fits in one digit, so the value is a C long. */
static inline int _PyLong_IsCompact(const PyLongObject *op)
{
    return op->ob_base.ob_size >= -1 && op->ob_base.ob_size <= 1;
}
static inline Py_ssize_t _PyLong_CompactValue(const PyLongObject *op)
{
    return op->ob_base.ob_size * (Py_ssize_t)op->ob_digit[0];
}
#define PyUnstable_Long_IsCompact _PyLong_IsCompact
#define PyUnstable_Long_CompactValue _PyLong_CompactValue

/* str of v in base 2, 8, 10 or 16, with the 0b/0o/0x prefix for 2/8/16. */
PyAPI_FUNC(PyObject *) _PyLong_Format(PyObject *v, int base);

/* Two's-complement bytes <-> int.  _PyLong_AsByteArray returns 0, or -1
 * with OverflowError set when the value does not fit (no exception when
 * with_exceptions is 0). */
PyAPI_FUNC(PyObject *) _PyLong_FromByteArray(const unsigned char *bytes, size_t n,
                                             int little_endian, int is_signed);
PyAPI_FUNC(int) _PyLong_AsByteArray(PyLongObject *v, unsigned char *bytes, size_t n,
                                    int little_endian, int is_signed,
                                    int with_exceptions);

/* v == x * 2**e with 0.5 <= |x| < 1 (x == 0 and e == 0 for zero).  -1.0
 * with OverflowError when e does not fit. */
PyAPI_FUNC(double) _PyLong_Frexp(PyLongObject *v, Py_ssize_t *e);
/* gcd(a, b) >= 0 of two ints. */
PyAPI_FUNC(PyObject *) _PyLong_GCD(PyObject *a, PyObject *b);
/* (q, r) with q = round(a / b) half to even, r = a - q*b. */
PyAPI_FUNC(PyObject *) _PyLong_DivmodNear(PyObject *a, PyObject *b);
/* Arithmetic on exact ints (no type dispatch), for the interpreter. */
PyAPI_FUNC(PyObject *) _PyLong_Add(PyLongObject *a, PyLongObject *b);
PyAPI_FUNC(PyObject *) _PyLong_Subtract(PyLongObject *a, PyLongObject *b);
PyAPI_FUNC(PyObject *) _PyLong_Multiply(PyLongObject *a, PyLongObject *b);
PyAPI_FUNC(PyObject *) _PyLong_Lshift(PyObject *a, size_t shiftby);
PyAPI_FUNC(PyObject *) _PyLong_Rshift(PyObject *a, size_t shiftby);

/* Borrowed references to the cached small ints. */
PyAPI_FUNC(PyObject *) _PyLong_GetZero(void);
PyAPI_FUNC(PyObject *) _PyLong_GetOne(void);

/* The limit on decimal digits for str <-> int (sys.set_int_max_str_digits).
 * 0 disables it; otherwise it must be >= 640.  The setter returns -1 with
 * ValueError set for a bad value. */
#define _PY_LONG_DEFAULT_MAX_STR_DIGITS 4300
#define _PY_LONG_MAX_STR_DIGITS_THRESHOLD 640
PyAPI_FUNC(int) _PyLong_GetMaxStrDigits(void);
PyAPI_FUNC(int) _PyLong_SetMaxStrDigits(int maxdigits);

#endif /* Py_LONGOBJECT_H */
