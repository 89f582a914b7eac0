/* longobject.c: the `int` type.
 *
 * Numbers are arrays of 30-bit digits, least significant first, with the
 * sign in ob_size.  Layout of this file:
 *   1. allocation, small ints, normalisation
 *   2. conversions to and from C numbers and doubles
 *   3. magnitude arithmetic on digit arrays (add, sub, schoolbook and
 *      Karatsuba multiplication, Knuth division)
 *   4. text: parsing (int(str, base)) and formatting (bases 2/8/10/16)
 *   5. the number protocol slots, comparison and hash
 *   6. methods, properties, int.__new__ and the type object
 */
#include "Python.h"
#include "pycore_long.h"
#include "pycore_format.h"

#include <float.h>
#include <math.h>

#define NSMALLNEGINTS 5
#define NSMALLPOSINTS 257
#define KARATSUBA_CUTOFF 70
#define KARATSUBA_SQUARE_CUTOFF (2 * KARATSUBA_CUTOFF)

/* No int may have more digits than this: keeps bit counts in a Py_ssize_t
 * and sizes far from overflow. */
#define MAX_LONG_DIGITS \
    ((PY_SSIZE_T_MAX - (Py_ssize_t)offsetof(PyLongObject, ob_digit)) / \
     (Py_ssize_t)sizeof(digit) / 2)

static inline Py_ssize_t
lsize(const PyLongObject *v)
{
    Py_ssize_t n = v->ob_base.ob_size;
    return n < 0 ? -n : n;
}

static inline int
lsign(const PyLongObject *v)
{
    Py_ssize_t n = v->ob_base.ob_size;
    return n < 0 ? -1 : (n > 0);
}

#define LONG(op) ((PyLongObject *)(op))

/* ======================================================================
 * 1. allocation, small ints, normalisation
 * ====================================================================== */

/* The small ints are static and immortal. */
#define SMALL_INT(v) \
    { PyVarObject_HEAD_INIT(&PyLong_Type, ((v) < 0 ? -1 : ((v) > 0 ? 1 : 0))) \
      { (digit)((v) < 0 ? -(v) : (v)) } }

static PyLongObject small_ints[NSMALLNEGINTS + NSMALLPOSINTS] = {
    SMALL_INT(-5),
    SMALL_INT(-4),
    SMALL_INT(-3),
    SMALL_INT(-2),
    SMALL_INT(-1),
#define S10(b) SMALL_INT(b + 0), SMALL_INT(b + 1), SMALL_INT(b + 2), SMALL_INT(b + 3), \
    SMALL_INT(b + 4), SMALL_INT(b + 5), SMALL_INT(b + 6), SMALL_INT(b + 7), \
    SMALL_INT(b + 8), SMALL_INT(b + 9)
    S10(0), S10(10), S10(20), S10(30), S10(40), S10(50), S10(60), S10(70), S10(80),
    S10(90), S10(100), S10(110), S10(120), S10(130), S10(140), S10(150), S10(160),
    S10(170), S10(180), S10(190), S10(200), S10(210), S10(220), S10(230), S10(240),
    SMALL_INT(250), SMALL_INT(251), SMALL_INT(252), SMALL_INT(253), SMALL_INT(254),
    SMALL_INT(255), SMALL_INT(256)
#undef S10
};
_Static_assert(sizeof(small_ints) / sizeof(small_ints[0]) == NSMALLNEGINTS + NSMALLPOSINTS,
               "small int table size");

static inline int
is_small_int(long long v)
{
    return -NSMALLNEGINTS <= v && v < NSMALLPOSINTS;
}

static inline PyObject *
get_small_int(long long v)
{
    return (PyObject *)&small_ints[v + NSMALLNEGINTS];
}

PyObject *
_PyLong_GetZero(void)
{
    return get_small_int(0);
}

PyObject *
_PyLong_GetOne(void)
{
    return get_small_int(1);
}

PyLongObject *
_PyLong_New(Py_ssize_t size)
{
    if (size > MAX_LONG_DIGITS || size < 0) {
        PyErr_SetString(PyExc_OverflowError, "too many digits in integer");
        return NULL;
    }
    size_t bytes = offsetof(PyLongObject, ob_digit) +
                   (size_t)(size > 0 ? size : 1) * sizeof(digit);
    PyLongObject *r = (PyLongObject *)PyObject_Malloc(bytes);
    if (r == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    PyObject_InitVar((PyVarObject *)r, &PyLong_Type, size);
    r->ob_digit[0] = 0;
    return r;
}

/* Drop leading zero digits. */
PyLongObject *
_PyLong_Normalize(PyLongObject *v)
{
    Py_ssize_t j = lsize(v);
    Py_ssize_t i = j;
    while (i > 0 && v->ob_digit[i - 1] == 0) {
        i--;
    }
    if (i != j) {
        Py_SET_SIZE(v, v->ob_base.ob_size < 0 ? -i : i);
    }
    return v;
}
#define long_normalize _PyLong_Normalize

/* Swap a freshly computed one-digit result for the cached small int. */
static PyObject *
maybe_small_long(PyLongObject *v)
{
    if (v != NULL && lsize(v) <= 1 && PyLong_CheckExact((PyObject *)v)) {
        long long ival = (long long)v->ob_base.ob_size * v->ob_digit[0];
        if (is_small_int(ival)) {
            Py_DECREF(v);
            return get_small_int(ival);
        }
    }
    return (PyObject *)v;
}

static PyObject *
norm_result(PyLongObject *v)
{
    if (v == NULL) {
        return NULL;
    }
    return maybe_small_long(long_normalize(v));
}

PyObject *
_PyLong_Copy(PyLongObject *src)
{
    Py_ssize_t n = lsize(src);
    if (n <= 1) {
        long long ival = (long long)src->ob_base.ob_size * src->ob_digit[0];
        if (is_small_int(ival)) {
            return get_small_int(ival);
        }
    }
    PyLongObject *r = _PyLong_New(n);
    if (r == NULL) {
        return NULL;
    }
    Py_SET_SIZE(r, src->ob_base.ob_size);
    memcpy(r->ob_digit, src->ob_digit, (size_t)n * sizeof(digit));
    return (PyObject *)r;
}

PyObject *
_PyLong_FromDigits(int negative, Py_ssize_t digit_count, digit *digits)
{
    PyLongObject *r = _PyLong_New(digit_count);
    if (r == NULL) {
        return NULL;
    }
    memcpy(r->ob_digit, digits, (size_t)digit_count * sizeof(digit));
    if (negative) {
        Py_SET_SIZE(r, -digit_count);
    }
    return norm_result(r);
}

static void
long_dealloc(PyObject *self)
{
    if (PyLong_CheckExact(self)) {
        PyObject_Free(self);
    }
    else {
        Py_TYPE(self)->tp_free(self);
    }
}

/* ======================================================================
 * 2. conversions with C numbers
 * ====================================================================== */

static PyObject *
from_magnitude(unsigned long long m, int negative)
{
    if (m < NSMALLPOSINTS && (!negative || m <= NSMALLNEGINTS)) {
        return get_small_int(negative ? -(long long)m : (long long)m);
    }
    Py_ssize_t n = 0;
    for (unsigned long long t = m; t; t >>= PyLong_SHIFT) {
        n++;
    }
    PyLongObject *r = _PyLong_New(n);
    if (r == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        r->ob_digit[i] = (digit)(m & PyLong_MASK);
        m >>= PyLong_SHIFT;
    }
    if (negative) {
        Py_SET_SIZE(r, -n);
    }
    return (PyObject *)r;
}

static PyObject *
from_signed(long long v)
{
    if (v < 0) {
        return from_magnitude(0ULL - (unsigned long long)v, 1);
    }
    return from_magnitude((unsigned long long)v, 0);
}

PyObject *PyLong_FromLong(long v) { return from_signed(v); }
PyObject *PyLong_FromLongLong(long long v) { return from_signed(v); }
PyObject *PyLong_FromSsize_t(Py_ssize_t v) { return from_signed(v); }
PyObject *PyLong_FromInt32(int32_t v) { return from_signed(v); }
PyObject *PyLong_FromInt64(int64_t v) { return from_signed(v); }
PyObject *PyLong_FromUnsignedLong(unsigned long v) { return from_magnitude(v, 0); }
PyObject *PyLong_FromUnsignedLongLong(unsigned long long v) { return from_magnitude(v, 0); }
PyObject *PyLong_FromSize_t(size_t v) { return from_magnitude(v, 0); }
PyObject *PyLong_FromVoidPtr(void *p) { return from_magnitude((uintptr_t)p, 0); }

PyObject *
PyLong_FromDouble(double dval)
{
    /* Fast path: the value fits a long long. */
    if (dval > -9.2e18 && dval < 9.2e18) {
        return from_signed((long long)dval);
    }
    if (isinf(dval)) {
        PyErr_SetString(PyExc_OverflowError, "cannot convert float infinity to integer");
        return NULL;
    }
    if (isnan(dval)) {
        PyErr_SetString(PyExc_ValueError, "cannot convert float NaN to integer");
        return NULL;
    }
    int negative = dval < 0;
    int expo;
    double frac = frexp(fabs(dval), &expo);   /* |dval| = frac * 2**expo, expo > 60 */
    Py_ssize_t ndig = (expo - 1) / PyLong_SHIFT + 1;
    PyLongObject *r = _PyLong_New(ndig);
    if (r == NULL) {
        return NULL;
    }
    frac = ldexp(frac, (expo - 1) % PyLong_SHIFT + 1);
    for (Py_ssize_t i = ndig; --i >= 0;) {
        digit bits = (digit)frac;
        r->ob_digit[i] = bits;
        frac -= (double)bits;
        frac = ldexp(frac, PyLong_SHIFT);
    }
    if (negative) {
        Py_SET_SIZE(r, -ndig);
    }
    return (PyObject *)r;
}

/* Get an int for a C conversion: v itself (new ref) or v.__index__(). */
static PyLongObject *
as_long_ref(PyObject *v)
{
    if (v == NULL) {
        PyErr_SetString(PyExc_SystemError, "bad argument to internal function");
        return NULL;
    }
    if (PyLong_Check(v)) {
        Py_INCREF(v);
        return LONG(v);
    }
    return LONG(PyNumber_Index(v));
}

/* |v| as unsigned long long; *overflow set when it does not fit. */
static unsigned long long
magnitude_ull(const PyLongObject *v, int *overflow)
{
    unsigned long long x = 0;
    *overflow = 0;
    for (Py_ssize_t i = lsize(v); --i >= 0;) {
        if (x >> (64 - PyLong_SHIFT)) {
            *overflow = 1;
            return 0;
        }
        x = (x << PyLong_SHIFT) | v->ob_digit[i];
    }
    return x;
}

/* Value as long long with overflow detection (-1/+1 in *overflow). */
static long long
to_ll(const PyLongObject *v, int *overflow)
{
    int ovf;
    unsigned long long m = magnitude_ull(v, &ovf);
    *overflow = 0;
    if (!ovf) {
        if (v->ob_base.ob_size >= 0) {
            if (m <= (unsigned long long)LLONG_MAX) {
                return (long long)m;
            }
        }
        else if (m <= (unsigned long long)LLONG_MAX + 1) {
            return (long long)(0ULL - m);
        }
    }
    *overflow = v->ob_base.ob_size < 0 ? -1 : 1;
    return -1;
}

long long
PyLong_AsLongLongAndOverflow(PyObject *obj, int *overflow)
{
    *overflow = 0;
    PyLongObject *v = as_long_ref(obj);
    if (v == NULL) {
        return -1;
    }
    long long r = to_ll(v, overflow);
    Py_DECREF(v);
    return r;
}

long
PyLong_AsLongAndOverflow(PyObject *obj, int *overflow)
{
    long long r = PyLong_AsLongLongAndOverflow(obj, overflow);
#if LONG_MAX < LLONG_MAX
    if (!*overflow && (r > LONG_MAX || r < LONG_MIN)) {
        *overflow = r < 0 ? -1 : 1;
        return -1;
    }
#endif
    return (long)r;
}

long
PyLong_AsLong(PyObject *obj)
{
    int overflow;
    long r = PyLong_AsLongAndOverflow(obj, &overflow);
    if (overflow) {
        PyErr_SetString(PyExc_OverflowError, "Python int too large to convert to C long");
        return -1;
    }
    return r;
}

int
PyLong_AsInt(PyObject *obj)
{
    int overflow;
    long r = PyLong_AsLongAndOverflow(obj, &overflow);
    if (overflow || r > INT_MAX || r < INT_MIN) {
        PyErr_SetString(PyExc_OverflowError, "Python int too large to convert to C int");
        return -1;
    }
    return (int)r;
}

long long
PyLong_AsLongLong(PyObject *obj)
{
    int overflow;
    long long r = PyLong_AsLongLongAndOverflow(obj, &overflow);
    if (overflow) {
        PyErr_SetString(PyExc_OverflowError, "int too big to convert");
        return -1;
    }
    return r;
}

Py_ssize_t
PyLong_AsSsize_t(PyObject *obj)
{
    int overflow;
    long long r = PyLong_AsLongLongAndOverflow(obj, &overflow);
    if (overflow || r > PY_SSIZE_T_MAX || r < PY_SSIZE_T_MIN) {
        if (!PyErr_Occurred()) {
            PyErr_SetString(PyExc_OverflowError,
                            "Python int too large to convert to C ssize_t");
        }
        return -1;
    }
    return (Py_ssize_t)r;
}

/* The unsigned conversions accept only ints, as in CPython. */
static unsigned long long
as_unsigned(PyObject *obj, unsigned long long max, const char *ctype)
{
    if (obj == NULL || !PyLong_Check(obj)) {
        if (obj != NULL) {
            PyErr_SetString(PyExc_TypeError, "an integer is required");
        }
        else {
            PyErr_SetString(PyExc_SystemError, "bad argument to internal function");
        }
        return (unsigned long long)-1;
    }
    PyLongObject *v = LONG(obj);
    if (v->ob_base.ob_size < 0) {
        PyErr_SetString(PyExc_OverflowError, "can't convert negative value to unsigned int");
        return (unsigned long long)-1;
    }
    int ovf;
    unsigned long long m = magnitude_ull(v, &ovf);
    if (ovf || m > max) {
        PyErr_Format(PyExc_OverflowError, "Python int too large to convert to C %s", ctype);
        return (unsigned long long)-1;
    }
    return m;
}

unsigned long
PyLong_AsUnsignedLong(PyObject *obj)
{
    return (unsigned long)as_unsigned(obj, ULONG_MAX, "unsigned long");
}

unsigned long long
PyLong_AsUnsignedLongLong(PyObject *obj)
{
    return as_unsigned(obj, ULLONG_MAX, "unsigned long long");
}

size_t
PyLong_AsSize_t(PyObject *obj)
{
    return (size_t)as_unsigned(obj, SIZE_MAX, "size_t");
}

void *
PyLong_AsVoidPtr(PyObject *obj)
{
    if (PyLong_Check(obj) && LONG(obj)->ob_base.ob_size < 0) {
        return (void *)(intptr_t)PyLong_AsLongLong(obj);
    }
    return (void *)(uintptr_t)as_unsigned(obj, UINTPTR_MAX, "unsigned long");
}

/* Value modulo 2**64 (two's complement for negatives). */
static unsigned long long
mask_ull(PyLongObject *v)
{
    unsigned long long x = 0;
    for (Py_ssize_t i = lsize(v); --i >= 0;) {
        x = (x << PyLong_SHIFT) | v->ob_digit[i];
    }
    return v->ob_base.ob_size < 0 ? 0ULL - x : x;
}

unsigned long long
PyLong_AsUnsignedLongLongMask(PyObject *obj)
{
    PyLongObject *v = as_long_ref(obj);
    if (v == NULL) {
        return (unsigned long long)-1;
    }
    unsigned long long r = mask_ull(v);
    Py_DECREF(v);
    return r;
}

unsigned long
PyLong_AsUnsignedLongMask(PyObject *obj)
{
    return (unsigned long)PyLong_AsUnsignedLongLongMask(obj);
}

int
_PyLong_Sign(PyObject *v)
{
    return lsign(LONG(v));
}

static int
bit_length_digit(digit d)
{
    return d ? 32 - __builtin_clz(d) : 0;
}

/* Bit length of |v| as int64 (no overflow possible within MAX_LONG_DIGITS). */
static int64_t
bit_length_of(const PyLongObject *v)
{
    Py_ssize_t n = lsize(v);
    if (n == 0) {
        return 0;
    }
    return (int64_t)(n - 1) * PyLong_SHIFT + bit_length_digit(v->ob_digit[n - 1]);
}

size_t
_PyLong_NumBits(PyObject *v)
{
    return (size_t)bit_length_of(LONG(v));
}

/* Top `want` (<= 62) bits of |v| starting from bit position `shift` (bits
 * below are folded into *sticky). */
static uint64_t
bits_from(const PyLongObject *v, int64_t shift, int *sticky)
{
    Py_ssize_t n = lsize(v);
    Py_ssize_t wordshift = (Py_ssize_t)(shift / PyLong_SHIFT);
    int bitshift = (int)(shift % PyLong_SHIFT);
    unsigned __int128 acc = 0;
    for (Py_ssize_t i = n - 1; i >= wordshift; i--) {
        acc = (acc << PyLong_SHIFT) | v->ob_digit[i];
    }
    int st = (acc & (((unsigned __int128)1 << bitshift) - 1)) != 0;
    for (Py_ssize_t i = 0; !st && i < wordshift; i++) {
        st = v->ob_digit[i] != 0;
    }
    *sticky = st;
    return (uint64_t)(acc >> bitshift);
}

/* Round a value held as `x` (with `sticky` for lower bits) to a multiple of
 * 2**extra, half to even. */
static uint64_t
round_half_even(uint64_t x, int extra, int sticky)
{
    if (extra <= 0) {
        return x;
    }
    if (extra >= 64) {
        return 0;
    }
    uint64_t mask = ((uint64_t)1 << extra) - 1;
    uint64_t half = (uint64_t)1 << (extra - 1);
    uint64_t low = x & mask;
    x -= low;
    if (low > half || (low == half && (sticky || ((x >> extra) & 1)))) {
        x += (uint64_t)1 << extra;
    }
    return x;
}

double
_PyLong_Frexp(PyLongObject *a, Py_ssize_t *e)
{
    int64_t nbits = bit_length_of(a);
    if (nbits == 0) {
        *e = 0;
        return 0.0;
    }
    uint64_t x;
    int sticky = 0;
    const int keep = DBL_MANT_DIG + 2;
    if (nbits <= keep) {
        int ovf;
        x = magnitude_ull(a, &ovf) << (keep - nbits);
    }
    else {
        x = bits_from(a, nbits - keep, &sticky);
    }
    x = round_half_even(x, 2, sticky);
    double dx = ldexp((double)x, -keep);
    if (dx == 1.0) {     /* rounding carried into a new bit */
        dx = 0.5;
        nbits++;
    }
    *e = (Py_ssize_t)nbits;
    return lsign(a) < 0 ? -dx : dx;
}

double
PyLong_AsDouble(PyObject *obj)
{
    if (obj == NULL) {
        PyErr_SetString(PyExc_SystemError, "bad argument to internal function");
        return -1.0;
    }
    if (!PyLong_Check(obj)) {
        PyErr_SetString(PyExc_TypeError, "an integer is required");
        return -1.0;
    }
    PyLongObject *v = LONG(obj);
    if (_PyLong_IsCompact(v)) {
        return (double)_PyLong_CompactValue(v);
    }
    Py_ssize_t e;
    double x = _PyLong_Frexp(v, &e);
    if (e > DBL_MAX_EXP) {
        PyErr_SetString(PyExc_OverflowError, "int too large to convert to float");
        return -1.0;
    }
    return ldexp(x, (int)e);
}

/* ======================================================================
 * 3. magnitude arithmetic
 * ====================================================================== */

/* |a| + |b| */
static PyLongObject *
x_add(PyLongObject *a, PyLongObject *b)
{
    Py_ssize_t na = lsize(a), nb = lsize(b);
    if (na < nb) {
        PyLongObject *t = a; a = b; b = t;
        Py_ssize_t tn = na; na = nb; nb = tn;
    }
    PyLongObject *z = _PyLong_New(na + 1);
    if (z == NULL) {
        return NULL;
    }
    digit carry = 0;
    Py_ssize_t i;
    for (i = 0; i < nb; i++) {
        carry += a->ob_digit[i] + b->ob_digit[i];
        z->ob_digit[i] = carry & PyLong_MASK;
        carry >>= PyLong_SHIFT;
    }
    for (; i < na; i++) {
        carry += a->ob_digit[i];
        z->ob_digit[i] = carry & PyLong_MASK;
        carry >>= PyLong_SHIFT;
    }
    z->ob_digit[i] = carry;
    return long_normalize(z);
}

/* |a| - |b| (signed result) */
static PyLongObject *
x_sub(PyLongObject *a, PyLongObject *b)
{
    Py_ssize_t na = lsize(a), nb = lsize(b);
    int negate = 0;
    if (na < nb) {
        negate = 1;
    }
    else if (na == nb) {
        Py_ssize_t i = na;
        while (--i >= 0 && a->ob_digit[i] == b->ob_digit[i]) {
        }
        if (i < 0) {
            return (PyLongObject *)get_small_int(0);
        }
        if (a->ob_digit[i] < b->ob_digit[i]) {
            negate = 1;
        }
        na = nb = i + 1;
    }
    if (negate) {
        PyLongObject *t = a; a = b; b = t;
        Py_ssize_t tn = na; na = nb; nb = tn;
    }
    PyLongObject *z = _PyLong_New(na);
    if (z == NULL) {
        return NULL;
    }
    digit borrow = 0;
    Py_ssize_t i;
    for (i = 0; i < nb; i++) {
        borrow = a->ob_digit[i] - b->ob_digit[i] - borrow;
        z->ob_digit[i] = borrow & PyLong_MASK;
        borrow = (borrow >> PyLong_SHIFT) & 1;
    }
    for (; i < na; i++) {
        borrow = a->ob_digit[i] - borrow;
        z->ob_digit[i] = borrow & PyLong_MASK;
        borrow = (borrow >> PyLong_SHIFT) & 1;
    }
    if (negate) {
        Py_SET_SIZE(z, -na);
    }
    return long_normalize(z);
}

/* Note: x_sub may return the immortal zero, which callers only read. */

PyObject *
_PyLong_Add(PyLongObject *a, PyLongObject *b)
{
    if (_PyLong_IsCompact(a) && _PyLong_IsCompact(b)) {
        return from_signed((long long)_PyLong_CompactValue(a) + _PyLong_CompactValue(b));
    }
    PyLongObject *z;
    if (a->ob_base.ob_size < 0) {
        if (b->ob_base.ob_size < 0) {
            z = x_add(a, b);
            if (z != NULL) {
                Py_SET_SIZE(z, -z->ob_base.ob_size);
            }
        }
        else {
            z = x_sub(b, a);
        }
    }
    else {
        z = (b->ob_base.ob_size < 0) ? x_sub(a, b) : x_add(a, b);
    }
    return maybe_small_long(z);
}

PyObject *
_PyLong_Subtract(PyLongObject *a, PyLongObject *b)
{
    if (_PyLong_IsCompact(a) && _PyLong_IsCompact(b)) {
        return from_signed((long long)_PyLong_CompactValue(a) - _PyLong_CompactValue(b));
    }
    PyLongObject *z;
    if (a->ob_base.ob_size < 0) {
        z = (b->ob_base.ob_size < 0) ? x_sub(b, a) : x_add(a, b);
        if (z != NULL && b->ob_base.ob_size >= 0) {
            Py_SET_SIZE(z, -z->ob_base.ob_size);
        }
    }
    else {
        z = (b->ob_base.ob_size < 0) ? x_add(a, b) : x_sub(a, b);
    }
    return maybe_small_long(z);
}

/* Schoolbook |a| * |b|. */
static PyLongObject *
x_mul(PyLongObject *a, PyLongObject *b)
{
    Py_ssize_t na = lsize(a), nb = lsize(b);
    PyLongObject *z = _PyLong_New(na + nb);
    if (z == NULL) {
        return NULL;
    }
    memset(z->ob_digit, 0, (size_t)(na + nb) * sizeof(digit));
    for (Py_ssize_t i = 0; i < na; i++) {
        twodigits f = a->ob_digit[i];
        if (f == 0) {
            continue;
        }
        twodigits carry = 0;
        digit *pz = z->ob_digit + i;
        for (Py_ssize_t j = 0; j < nb; j++) {
            carry += *pz + b->ob_digit[j] * f;
            *pz++ = (digit)(carry & PyLong_MASK);
            carry >>= PyLong_SHIFT;
        }
        while (carry) {
            carry += *pz;
            *pz++ = (digit)(carry & PyLong_MASK);
            carry >>= PyLong_SHIFT;
        }
    }
    return long_normalize(z);
}

/* x[0..m) += y[0..n), n <= m; returns the carry out. */
static digit
v_iadd(digit *x, Py_ssize_t m, const digit *y, Py_ssize_t n)
{
    digit carry = 0;
    Py_ssize_t i;
    for (i = 0; i < n; i++) {
        carry += x[i] + y[i];
        x[i] = carry & PyLong_MASK;
        carry >>= PyLong_SHIFT;
    }
    for (; carry && i < m; i++) {
        carry += x[i];
        x[i] = carry & PyLong_MASK;
        carry >>= PyLong_SHIFT;
    }
    return carry;
}

/* x[0..m) -= y[0..n), n <= m; returns the borrow out. */
static digit
v_isub(digit *x, Py_ssize_t m, const digit *y, Py_ssize_t n)
{
    digit borrow = 0;
    Py_ssize_t i;
    for (i = 0; i < n; i++) {
        borrow = x[i] - y[i] - borrow;
        x[i] = borrow & PyLong_MASK;
        borrow = (borrow >> PyLong_SHIFT) & 1;
    }
    for (; borrow && i < m; i++) {
        borrow = x[i] - borrow;
        x[i] = borrow & PyLong_MASK;
        borrow = (borrow >> PyLong_SHIFT) & 1;
    }
    return borrow;
}

/* A nonnegative int from digits d[0..n) (normalised copy). */
static PyLongObject *
digits_to_long(const digit *d, Py_ssize_t n)
{
    while (n > 0 && d[n - 1] == 0) {
        n--;
    }
    PyLongObject *r = _PyLong_New(n);
    if (r != NULL && n > 0) {
        memcpy(r->ob_digit, d, (size_t)n * sizeof(digit));
    }
    return r;
}

static PyLongObject *k_mul(PyLongObject *a, PyLongObject *b);

/* |a| * |b| where a is much shorter than b: multiply a by slices of b. */
static PyLongObject *
k_lopsided_mul(PyLongObject *a, PyLongObject *b)
{
    Py_ssize_t na = lsize(a), nb = lsize(b);
    PyLongObject *z = _PyLong_New(na + nb);
    if (z == NULL) {
        return NULL;
    }
    memset(z->ob_digit, 0, (size_t)(na + nb) * sizeof(digit));
    Py_ssize_t done = 0;
    while (done < nb) {
        Py_ssize_t chunk = Py_MIN(nb - done, na);
        PyLongObject *slice = digits_to_long(b->ob_digit + done, chunk);
        if (slice == NULL) {
            Py_DECREF(z);
            return NULL;
        }
        PyLongObject *prod = k_mul(a, slice);
        Py_DECREF(slice);
        if (prod == NULL) {
            Py_DECREF(z);
            return NULL;
        }
        v_iadd(z->ob_digit + done, na + nb - done, prod->ob_digit, lsize(prod));
        Py_DECREF(prod);
        done += chunk;
    }
    return long_normalize(z);
}

/* Karatsuba: with a = ah*B + al, b = bh*B + bl,
 * a*b = ah*bh*B^2 + ((ah+al)(bh+bl) - ah*bh - al*bl)*B + al*bl. */
static PyLongObject *
k_mul(PyLongObject *a, PyLongObject *b)
{
    Py_ssize_t na = lsize(a), nb = lsize(b);
    if (na > nb) {
        PyLongObject *t = a; a = b; b = t;
        Py_ssize_t tn = na; na = nb; nb = tn;
    }
    if (na < KARATSUBA_CUTOFF) {
        if (na == 0) {
            return (PyLongObject *)get_small_int(0);
        }
        return x_mul(a, b);
    }
    if (2 * na <= nb) {
        return k_lopsided_mul(a, b);
    }
    Py_ssize_t shift = nb >> 1;
    PyLongObject *al = NULL, *ah = NULL, *bl = NULL, *bh = NULL;
    PyLongObject *t1 = NULL, *t2 = NULL, *t3 = NULL, *sa = NULL, *sb = NULL;
    PyLongObject *z = NULL;
    al = digits_to_long(a->ob_digit, shift);
    ah = digits_to_long(a->ob_digit + shift, na - shift);
    bl = digits_to_long(b->ob_digit, shift);
    bh = digits_to_long(b->ob_digit + shift, nb - shift);
    if (!al || !ah || !bl || !bh) {
        goto done;
    }
    t1 = k_mul(ah, bh);
    t2 = k_mul(al, bl);
    sa = x_add(ah, al);
    sb = x_add(bh, bl);
    if (!t1 || !t2 || !sa || !sb) {
        goto done;
    }
    t3 = k_mul(sa, sb);
    if (t3 == NULL) {
        goto done;
    }
    Py_ssize_t nz = na + nb;
    z = _PyLong_New(nz);
    if (z == NULL) {
        goto done;
    }
    memset(z->ob_digit, 0, (size_t)nz * sizeof(digit));
    memcpy(z->ob_digit, t2->ob_digit, (size_t)lsize(t2) * sizeof(digit));
    memcpy(z->ob_digit + 2 * shift, t1->ob_digit, (size_t)lsize(t1) * sizeof(digit));
    /* The middle term in place; intermediate borrows wrap harmlessly
     * because the final value fits. */
    v_isub(z->ob_digit + shift, nz - shift, t1->ob_digit, lsize(t1));
    v_isub(z->ob_digit + shift, nz - shift, t2->ob_digit, lsize(t2));
    v_iadd(z->ob_digit + shift, nz - shift, t3->ob_digit, lsize(t3));
    long_normalize(z);
done:
    Py_XDECREF(al); Py_XDECREF(ah); Py_XDECREF(bl); Py_XDECREF(bh);
    Py_XDECREF(t1); Py_XDECREF(t2); Py_XDECREF(t3); Py_XDECREF(sa); Py_XDECREF(sb);
    return z;
}

PyObject *
_PyLong_Multiply(PyLongObject *a, PyLongObject *b)
{
    if (_PyLong_IsCompact(a) && _PyLong_IsCompact(b)) {
        return from_signed((long long)_PyLong_CompactValue(a) * _PyLong_CompactValue(b));
    }
    PyLongObject *z = k_mul(a, b);
    if (z != NULL && ((a->ob_base.ob_size < 0) != (b->ob_base.ob_size < 0)) &&
        z->ob_base.ob_size != 0) {
        Py_SET_SIZE(z, -z->ob_base.ob_size);
    }
    return maybe_small_long(z);
}

/* pin[0..n) / d into pout; returns the remainder. */
static digit
inplace_divrem1(digit *pout, const digit *pin, Py_ssize_t n, digit d)
{
    twodigits rem = 0;
    for (Py_ssize_t i = n; --i >= 0;) {
        rem = (rem << PyLong_SHIFT) | pin[i];
        digit q = (digit)(rem / d);
        pout[i] = q;
        rem -= (twodigits)q * d;
    }
    return (digit)rem;
}

/* |a| / d for one digit d; *prem gets the remainder. */
static PyLongObject *
divrem1(PyLongObject *a, digit d, digit *prem)
{
    Py_ssize_t n = lsize(a);
    PyLongObject *z = _PyLong_New(n);
    if (z == NULL) {
        return NULL;
    }
    *prem = inplace_divrem1(z->ob_digit, a->ob_digit, n, d);
    return long_normalize(z);
}

/* z[0..m) = a[0..m) << d (d < SHIFT); returns the bits shifted out. */
static digit
v_lshift(digit *z, const digit *a, Py_ssize_t m, int d)
{
    digit carry = 0;
    for (Py_ssize_t i = 0; i < m; i++) {
        twodigits acc = ((twodigits)a[i] << d) | carry;
        z[i] = (digit)acc & PyLong_MASK;
        carry = (digit)(acc >> PyLong_SHIFT);
    }
    return carry;
}

/* z[0..m) = a[0..m) >> d (d < SHIFT); returns the bits shifted out. */
static digit
v_rshift(digit *z, const digit *a, Py_ssize_t m, int d)
{
    digit carry = 0;
    digit mask = ((digit)1 << d) - 1U;
    for (Py_ssize_t i = m; i-- > 0;) {
        twodigits acc = ((twodigits)carry << PyLong_SHIFT) | a[i];
        carry = (digit)acc & mask;
        z[i] = (digit)(acc >> d);
    }
    return carry;
}

/* Knuth's algorithm D: |v1| / |w1| with |w1| of at least two digits and
 * |v1| >= |w1|.  Quotient and remainder are nonnegative. */
static PyLongObject *
x_divrem(PyLongObject *v1, PyLongObject *w1, PyLongObject **prem)
{
    Py_ssize_t size_v = lsize(v1), size_w = lsize(w1);
    PyLongObject *v = _PyLong_New(size_v + 1);
    PyLongObject *w = _PyLong_New(size_w);
    if (v == NULL || w == NULL) {
        Py_XDECREF(v);
        Py_XDECREF(w);
        return NULL;
    }
    /* Normalise: shift so that w's top digit has its high bit set. */
    int d = PyLong_SHIFT - bit_length_digit(w1->ob_digit[size_w - 1]);
    digit carry = v_lshift(w->ob_digit, w1->ob_digit, size_w, d);
    (void)carry;
    carry = v_lshift(v->ob_digit, v1->ob_digit, size_v, d);
    if (carry != 0 || v->ob_digit[size_v - 1] >= w->ob_digit[size_w - 1]) {
        v->ob_digit[size_v] = carry;
        size_v++;
    }
    Py_ssize_t k = size_v - size_w;
    PyLongObject *a = _PyLong_New(k > 0 ? k : 1);
    if (a == NULL) {
        Py_DECREF(w);
        Py_DECREF(v);
        return NULL;
    }
    Py_SET_SIZE(a, k);
    digit *v0 = v->ob_digit, *w0 = w->ob_digit;
    digit wm1 = w0[size_w - 1], wm2 = w0[size_w - 2];
    for (digit *vk = v0 + k, *ak = a->ob_digit + k; vk-- > v0;) {
        /* Estimate the quotient digit from the top two digits of v. */
        digit vtop = vk[size_w];
        twodigits vv = ((twodigits)vtop << PyLong_SHIFT) | vk[size_w - 1];
        digit q = (digit)(vv / wm1);
        digit r = (digit)(vv - (twodigits)wm1 * q);
        while ((twodigits)wm2 * q > (((twodigits)r << PyLong_SHIFT) | vk[size_w - 2])) {
            --q;
            r += wm1;
            if (r >= PyLong_BASE) {
                break;
            }
        }
        /* Subtract q * w from the window of v. */
        stwodigits zhi = 0;
        for (Py_ssize_t i = 0; i < size_w; ++i) {
            stwodigits z = (sdigit)vk[i] + zhi - (stwodigits)q * (stwodigits)w0[i];
            vk[i] = (digit)z & PyLong_MASK;
            zhi = z >> PyLong_SHIFT;   /* arithmetic shift: floor */
        }
        /* Went negative: q was one too big, add w back. */
        if ((sdigit)vtop + zhi < 0) {
            carry = 0;
            for (Py_ssize_t i = 0; i < size_w; ++i) {
                carry += vk[i] + w0[i];
                vk[i] = carry & PyLong_MASK;
                carry >>= PyLong_SHIFT;
            }
            --q;
        }
        *--ak = q;
    }
    /* The remainder is the low size_w digits of v, shifted back. */
    v_rshift(w0, v0, size_w, d);
    Py_DECREF(v);
    *prem = long_normalize(w);
    return long_normalize(a);
}

/* Truncating division of the magnitudes and signs (C semantics). */
static int
long_divrem(PyLongObject *a, PyLongObject *b, PyLongObject **pdiv, PyLongObject **prem)
{
    Py_ssize_t na = lsize(a), nb = lsize(b);
    PyLongObject *z;
    if (nb == 0) {
        PyErr_SetString(PyExc_ZeroDivisionError, "integer division or modulo by zero");
        return -1;
    }
    if (na < nb || (na == nb && a->ob_digit[na - 1] < b->ob_digit[nb - 1])) {
        /* |a| < |b| is certain (or handled by the general path below when
         * equal lengths tie on the top digit). */
        *prem = LONG(_PyLong_Copy(a));
        if (*prem == NULL) {
            return -1;
        }
        *pdiv = LONG(get_small_int(0));
        return 0;
    }
    if (nb == 1) {
        digit rem = 0;
        z = divrem1(a, b->ob_digit[0], &rem);
        if (z == NULL) {
            return -1;
        }
        /* the remainder takes a's sign; built signed because small ints
         * are shared and must never be mutated */
        *prem = LONG(from_magnitude(rem, a->ob_base.ob_size < 0));
        if (*prem == NULL) {
            Py_DECREF(z);
            return -1;
        }
    }
    else {
        z = x_divrem(a, b, prem);
        if (z == NULL) {
            return -1;
        }
    }
    /* quotient sign = product of signs; remainder sign = sign of a */
    if ((a->ob_base.ob_size < 0) != (b->ob_base.ob_size < 0)) {
        Py_SET_SIZE(z, -z->ob_base.ob_size);
    }
    if (nb != 1 && a->ob_base.ob_size < 0 && (*prem)->ob_base.ob_size != 0) {
        Py_SET_SIZE(*prem, -(*prem)->ob_base.ob_size);   /* fresh from x_divrem */
    }
    *pdiv = LONG(maybe_small_long(z));
    *prem = LONG(maybe_small_long(*prem));
    return 0;
}

/* Floor division and modulo (Python semantics).  Either output may be
 * NULL if not wanted. */
static int
l_divmod(PyLongObject *v, PyLongObject *w, PyLongObject **pdiv, PyLongObject **pmod)
{
    PyLongObject *div, *mod;
    if (_PyLong_IsCompact(v) && _PyLong_IsCompact(w) && lsize(w) != 0) {
        long long a = _PyLong_CompactValue(v), b = _PyLong_CompactValue(w);
        long long q = a / b, r = a % b;
        if (r != 0 && ((r < 0) != (b < 0))) {
            r += b;
            q -= 1;
        }
        if (pdiv) {
            *pdiv = LONG(from_signed(q));
            if (*pdiv == NULL) {
                return -1;
            }
        }
        if (pmod) {
            *pmod = LONG(from_signed(r));
            if (*pmod == NULL) {
                if (pdiv) {
                    Py_DECREF(*pdiv);
                }
                return -1;
            }
        }
        return 0;
    }
    if (long_divrem(v, w, &div, &mod) < 0) {
        return -1;
    }
    if ((mod->ob_base.ob_size < 0 && w->ob_base.ob_size > 0) ||
        (mod->ob_base.ob_size > 0 && w->ob_base.ob_size < 0)) {
        PyLongObject *t = LONG(_PyLong_Add(mod, w));
        Py_DECREF(mod);
        mod = t;
        if (mod == NULL) {
            Py_DECREF(div);
            return -1;
        }
        t = LONG(_PyLong_Subtract(div, LONG(get_small_int(1))));
        Py_DECREF(div);
        div = t;
        if (div == NULL) {
            Py_DECREF(mod);
            return -1;
        }
    }
    if (pdiv) {
        *pdiv = div;
    }
    else {
        Py_DECREF(div);
    }
    if (pmod) {
        *pmod = mod;
    }
    else {
        Py_DECREF(mod);
    }
    return 0;
}

static int
long_compare(PyLongObject *a, PyLongObject *b)
{
    Py_ssize_t sa = a->ob_base.ob_size, sb = b->ob_base.ob_size;
    if (sa != sb) {
        return sa < sb ? -1 : 1;
    }
    Py_ssize_t i = sa < 0 ? -sa : sa;
    while (--i >= 0 && a->ob_digit[i] == b->ob_digit[i]) {
    }
    if (i < 0) {
        return 0;
    }
    int c = a->ob_digit[i] < b->ob_digit[i] ? -1 : 1;
    return sa < 0 ? -c : c;
}

/* Shift |a| left by `bits`, keeping a's sign. */
static PyObject *
lshift_bits(PyLongObject *a, int64_t bits)
{
    Py_ssize_t na = lsize(a);
    if (na == 0) {
        return get_small_int(0);
    }
    int64_t wordshift = bits / PyLong_SHIFT;
    int remshift = (int)(bits % PyLong_SHIFT);
    if (wordshift > MAX_LONG_DIGITS - na - 1) {
        PyErr_SetString(PyExc_OverflowError, "too many digits in integer");
        return NULL;
    }
    Py_ssize_t nz = na + (Py_ssize_t)wordshift + (remshift ? 1 : 0);
    PyLongObject *z = _PyLong_New(nz);
    if (z == NULL) {
        return NULL;
    }
    memset(z->ob_digit, 0, (size_t)wordshift * sizeof(digit));
    digit carry = v_lshift(z->ob_digit + wordshift, a->ob_digit, na, remshift);
    if (remshift) {
        z->ob_digit[nz - 1] = carry;
    }
    if (a->ob_base.ob_size < 0) {
        Py_SET_SIZE(z, -nz);
    }
    return norm_result(z);
}

/* Floor shift right (Python semantics for negatives). */
static PyObject *
rshift_bits(PyLongObject *a, int64_t bits)
{
    Py_ssize_t na = lsize(a);
    int64_t wordshift = bits / PyLong_SHIFT;
    int remshift = (int)(bits % PyLong_SHIFT);
    if (wordshift >= na) {
        return get_small_int(a->ob_base.ob_size < 0 ? -1 : 0);
    }
    Py_ssize_t nz = na - (Py_ssize_t)wordshift;
    PyLongObject *z = _PyLong_New(nz);
    if (z == NULL) {
        return NULL;
    }
    digit lost = v_rshift(z->ob_digit, a->ob_digit + wordshift, nz, remshift);
    if (a->ob_base.ob_size < 0) {
        /* floor: round the magnitude up when any 1 bit was shifted out */
        for (Py_ssize_t i = 0; !lost && i < wordshift; i++) {
            lost = a->ob_digit[i];
        }
        Py_SET_SIZE(z, -nz);
        if (lost) {
            long_normalize(z);
            PyObject *one = get_small_int(1);
            PyObject *r = _PyLong_Subtract(z, LONG(one));
            Py_DECREF(z);
            return r;
        }
    }
    return norm_result(z);
}

PyObject *
_PyLong_Lshift(PyObject *a, size_t shiftby)
{
    return lshift_bits(LONG(a), (int64_t)shiftby);
}

PyObject *
_PyLong_Rshift(PyObject *a, size_t shiftby)
{
    return rshift_bits(LONG(a), (int64_t)shiftby);
}

/* ======================================================================
 * 4. text
 * ====================================================================== */

static int max_str_digits = _PY_LONG_DEFAULT_MAX_STR_DIGITS;

int
_PyLong_GetMaxStrDigits(void)
{
    return _Py_atomic_load_int_relaxed(&max_str_digits);
}

int
_PyLong_SetMaxStrDigits(int maxdigits)
{
    if (maxdigits != 0 && maxdigits < _PY_LONG_MAX_STR_DIGITS_THRESHOLD) {
        PyErr_Format(PyExc_ValueError, "maxdigits must be 0 or larger than %d",
                     _PY_LONG_MAX_STR_DIGITS_THRESHOLD);
        return -1;
    }
    _Py_atomic_store_int_relaxed(&max_str_digits, maxdigits);
    return 0;
}

static int
digit_value(unsigned char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'z') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'Z') {
        return c - 'A' + 10;
    }
    return 99;
}

static int
is_space(unsigned char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

/* Digits dstart..dend (underscores allowed) in a base that is not a power
 * of two: take chunks of k characters, base**k fitting in a digit, and
 * multiply-add them in (quadratic). */
static PyLongObject *
parse_chunked(const char *dstart, const char *dend, int base, Py_ssize_t ndigits)
{
    PyLongObject *z;
    /* Chunks of k characters: base**k fits in a digit. */
    int k = 0;
    twodigits convmax = 1;
    while (convmax * (twodigits)base <= PyLong_BASE) {
        convmax *= (twodigits)base;
        k++;
    }
    double bits = (double)ndigits * log2((double)base);
    if (bits / PyLong_SHIFT + 2 > (double)MAX_LONG_DIGITS) {
        PyErr_SetString(PyExc_ValueError, "int string too large to convert");
        return NULL;
    }
    Py_ssize_t cap = (Py_ssize_t)(bits / PyLong_SHIFT) + 2;
    z = _PyLong_New(cap);
    if (z == NULL) {
        return NULL;
    }
    Py_ssize_t nz = 0;
    const char *q = dstart;
    while (q < dend) {
        twodigits c = 0, mult = 1;
        int taken = 0;
        while (q < dend && taken < k) {
            if (*q != '_') {
                c = c * (twodigits)base + (twodigits)digit_value((unsigned char)*q);
                mult *= (twodigits)base;
                taken++;
            }
            q++;
        }
        if (taken == 0) {
            break;
        }
        /* z = z * mult + c */
        for (Py_ssize_t i = 0; i < nz; i++) {
            c += (twodigits)z->ob_digit[i] * mult;
            z->ob_digit[i] = (digit)(c & PyLong_MASK);
            c >>= PyLong_SHIFT;
        }
        if (c) {
            z->ob_digit[nz++] = (digit)c;
        }
    }
    Py_SET_SIZE(z, nz);
    return z;
}

/* Above this many decimal digits, parsing divides and conquers:
 * value(hi lo) = value(hi) * 10**len(lo) + value(lo), with Karatsuba
 * doing the big multiplications. */
#define DC_PARSE_CUTOFF 3000

/* Value of the clean decimal digits d[0..n), n <= 2 * 9 * 2**level;
 * pows[j] == 10**(9 * 2**j). */
static PyLongObject *
dc_parse(const char *d, Py_ssize_t n, PyLongObject **pows, int level)
{
    if (level < 0 || n <= DC_PARSE_CUTOFF) {
        return parse_chunked(d, d + n, 10, n);
    }
    Py_ssize_t lw = (Py_ssize_t)9 << level;
    if (n <= lw) {
        return dc_parse(d, n, pows, level - 1);
    }
    PyLongObject *hi = dc_parse(d, n - lw, pows, level - 1);
    if (hi == NULL) {
        return NULL;
    }
    PyLongObject *lo = dc_parse(d + n - lw, lw, pows, level - 1);
    if (lo == NULL) {
        Py_DECREF(hi);
        return NULL;
    }
    PyObject *t = _PyLong_Multiply(hi, pows[level]);
    Py_DECREF(hi);
    PyObject *r = t ? _PyLong_Add(LONG(t), lo) : NULL;
    Py_XDECREF(t);
    Py_DECREF(lo);
    return LONG(r);
}

static PyLongObject *
parse_decimal_dc(const char *dstart, const char *dend, Py_ssize_t ndigits)
{
    char *clean = (char *)PyMem_Malloc((size_t)ndigits + 1);
    if (clean == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    Py_ssize_t n = 0;
    for (const char *q = dstart; q < dend; q++) {
        if (*q != '_') {
            clean[n++] = *q;
        }
    }
    int level = 0;
    while (((Py_ssize_t)18 << level) < n) {
        level++;
    }
    PyLongObject *pows[64] = {NULL};
    PyLongObject *z = NULL;
    pows[0] = LONG(from_magnitude(_PyLong_DECIMAL_BASE, 0));
    int ok = pows[0] != NULL;
    for (int j = 1; ok && j <= level; j++) {
        pows[j] = LONG(_PyLong_Multiply(pows[j - 1], pows[j - 1]));
        ok = pows[j] != NULL;
    }
    if (ok) {
        z = dc_parse(clean, n, pows, level);
    }
    for (int j = 0; j <= level && j < 64; j++) {
        Py_XDECREF(pows[j]);
    }
    PyMem_Free(clean);
    /* the caller negates in place: hand back a private object */
    if (z != NULL && _Py_IsImmortal((PyObject *)z)) {
        PyObject *c = (PyObject *)_PyLong_New(lsize(z));
        if (c == NULL) {
            return NULL;
        }
        memcpy(LONG(c)->ob_digit, z->ob_digit, (size_t)lsize(z) * sizeof(digit));
        z = LONG(c);
    }
    return z;
}

PyObject *
_PyLong_FromASCII(const char *s, Py_ssize_t len, int base, int *invalid)
{
    const char *p = s, *end = s + len;
    *invalid = 0;
    if (base != 0 && (base < 2 || base > 36)) {
        PyErr_SetString(PyExc_ValueError, "int() base must be >= 2 and <= 36, or 0");
        return NULL;
    }
    while (p < end && is_space((unsigned char)*p)) {
        p++;
    }
    int negative = 0;
    if (p < end && (*p == '+' || *p == '-')) {
        negative = (*p == '-');
        p++;
    }
    int only_zeros = 0;   /* base 0 with a leading 0: "0", "00", "0_0" only */
    int after_prefix = 0;
    if (p + 1 < end && p[0] == '0') {
        char c = (char)(p[1] | 0x20);
        int pb = c == 'x' ? 16 : c == 'o' ? 8 : c == 'b' ? 2 : 0;
        if (pb && (base == 0 || base == pb)) {
            base = pb;
            p += 2;
            after_prefix = 1;
        }
    }
    if (base == 0) {
        if (p < end && *p == '0') {
            only_zeros = 1;
        }
        base = 10;
    }
    /* Scan the digits, checking the underscore rules. */
    const char *dstart = p;
    Py_ssize_t ndigits = 0;
    int prev_underscore = 0;
    int leading_ok = after_prefix;   /* "0x_1" is allowed */
    while (p < end) {
        unsigned char c = (unsigned char)*p;
        if (c == '_') {
            if (prev_underscore || (ndigits == 0 && !leading_ok)) {
                *invalid = 1;
                return NULL;
            }
            prev_underscore = 1;
            p++;
            continue;
        }
        if (digit_value(c) >= base) {
            break;
        }
        if (only_zeros && c != '0') {
            *invalid = 1;
            return NULL;
        }
        prev_underscore = 0;
        leading_ok = 0;
        ndigits++;
        p++;
    }
    if (ndigits == 0 || prev_underscore) {
        *invalid = 1;
        return NULL;
    }
    const char *dend = p;
    while (p < end && is_space((unsigned char)*p)) {
        p++;
    }
    if (p != end) {
        *invalid = 1;
        return NULL;
    }

    PyLongObject *z;
    if ((base & (base - 1)) == 0) {
        /* Power-of-two base: pack bits from the least significant end. */
        int bits_per_char = __builtin_ctz((unsigned)base);
        int64_t nbits = (int64_t)ndigits * bits_per_char;
        if (nbits / PyLong_SHIFT + 1 > MAX_LONG_DIGITS) {
            PyErr_SetString(PyExc_ValueError, "int string too large to convert");
            return NULL;
        }
        Py_ssize_t nz = (Py_ssize_t)((nbits + PyLong_SHIFT - 1) / PyLong_SHIFT);
        z = _PyLong_New(nz);
        if (z == NULL) {
            return NULL;
        }
        twodigits acc = 0;
        int accbits = 0;
        Py_ssize_t zi = 0;
        for (const char *q = dend; q-- > dstart;) {
            if (*q == '_') {
                continue;
            }
            acc |= (twodigits)digit_value((unsigned char)*q) << accbits;
            accbits += bits_per_char;
            if (accbits >= PyLong_SHIFT) {
                z->ob_digit[zi++] = (digit)(acc & PyLong_MASK);
                acc >>= PyLong_SHIFT;
                accbits -= PyLong_SHIFT;
            }
        }
        if (accbits) {
            z->ob_digit[zi++] = (digit)acc;
        }
        while (zi < nz) {
            z->ob_digit[zi++] = 0;
        }
    }
    else {
        int limit = _PyLong_GetMaxStrDigits();
        if (limit > 0 && ndigits > limit) {
            PyErr_Format(PyExc_ValueError,
                         "Exceeds the limit (%d digits) for integer string conversion: "
                         "value has %zd digits; use sys.set_int_max_str_digits() "
                         "to increase the limit", limit, ndigits);
            return NULL;
        }
        if (base == 10 && ndigits > DC_PARSE_CUTOFF) {
            z = parse_decimal_dc(dstart, dend, ndigits);
        }
        else {
            z = parse_chunked(dstart, dend, base, ndigits);
        }
        if (z == NULL) {
            return NULL;
        }
    }
    if (negative) {
        Py_SET_SIZE(z, -z->ob_base.ob_size);
    }
    return norm_result(z);
}

static void
invalid_literal(int base, PyObject *shown)
{
    PyErr_Format(PyExc_ValueError, "invalid literal for int() with base %d: %.200R",
                 base, shown);
}

PyObject *
PyLong_FromString(const char *str, char **pend, int base)
{
    Py_ssize_t len = (Py_ssize_t)strlen(str);
    int invalid;
    PyObject *r = _PyLong_FromASCII(str, len, base, &invalid);
    if (r == NULL && invalid) {
        PyObject *shown = PyUnicode_DecodeUTF8(str, Py_MIN(len, 200), "replace");
        if (shown != NULL) {
            invalid_literal(base, shown);
            Py_DECREF(shown);
        }
    }
    if (pend != NULL) {
        *pend = (char *)str + (r != NULL ? len : 0);
    }
    return r;
}

PyObject *
_PyLong_FromBytes(const char *s, Py_ssize_t len, int base)
{
    int invalid;
    PyObject *r = _PyLong_FromASCII(s, len, base, &invalid);
    if (r == NULL && invalid) {
        PyObject *shown = PyBytes_FromStringAndSize(s, len);
        if (shown != NULL) {
            invalid_literal(base, shown);
            Py_DECREF(shown);
        }
    }
    return r;
}

PyObject *
PyLong_FromUnicodeObject(PyObject *u, int base)
{
    PyObject *asciidig;
    if (PyUnicode_IS_ASCII(u)) {
        Py_INCREF(u);
        asciidig = u;   /* nothing to transform */
    }
    else {
        asciidig = _PyUnicode_TransformDecimalAndSpaceToASCII(u);
        if (asciidig == NULL) {
            return NULL;
        }
    }
    Py_ssize_t len;
    const char *buf = PyUnicode_AsUTF8AndSize(asciidig, &len);
    if (buf == NULL) {
        Py_DECREF(asciidig);
        return NULL;
    }
    int invalid;
    PyObject *r = _PyLong_FromASCII(buf, len, base, &invalid);
    Py_DECREF(asciidig);
    if (r == NULL && invalid) {
        invalid_literal(base, u);
    }
    return r;
}

static void
too_many_str_digits(int limit)
{
    PyErr_Format(PyExc_ValueError,
                 "Exceeds the limit (%d digits) for integer string conversion; "
                 "use sys.set_int_max_str_digits() to increase the limit", limit);
}

/* abs(a) in decimal, no digit limit: convert to base 10**9 by Horner's
 * rule on the 30-bit digits (quadratic, but with a small constant), then
 * print. */
static char *
decimal_quadratic(PyLongObject *a, Py_ssize_t *plen)
{
    Py_ssize_t na = lsize(a);
    /* Each 30-bit digit needs at most 30/29.89 base-1e9 digits: 1 + n*31/29. */
    Py_ssize_t cap = 1 + na + na / 29 + 1;
    digit *pout = (digit *)PyMem_Malloc((size_t)cap * sizeof(digit));
    if (pout == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    Py_ssize_t size = 0;
    for (Py_ssize_t i = na; --i >= 0;) {
        digit hi = a->ob_digit[i];
        for (Py_ssize_t j = 0; j < size; j++) {
            twodigits z = ((twodigits)pout[j] << PyLong_SHIFT) | hi;
            hi = (digit)(z / _PyLong_DECIMAL_BASE);
            pout[j] = (digit)(z - (twodigits)hi * _PyLong_DECIMAL_BASE);
        }
        while (hi) {
            pout[size++] = hi % _PyLong_DECIMAL_BASE;
            hi /= _PyLong_DECIMAL_BASE;
        }
    }
    if (size == 0) {
        pout[size++] = 0;
    }
    /* count the characters */
    Py_ssize_t len = (size - 1) * _PyLong_DECIMAL_SHIFT;
    for (digit top = pout[size - 1]; ; top /= 10) {
        len++;
        if (top < 10) {
            break;
        }
    }
    char *out = (char *)PyMem_Malloc((size_t)len + 1);
    if (out == NULL) {
        PyMem_Free(pout);
        PyErr_NoMemory();
        return NULL;
    }
    char *p = out + len;
    *p = '\0';
    for (Py_ssize_t j = 0; j < size - 1; j++) {
        digit rem = pout[j];
        for (int k = 0; k < _PyLong_DECIMAL_SHIFT; k++) {
            *--p = (char)('0' + rem % 10);
            rem /= 10;
        }
    }
    digit rem = pout[size - 1];
    do {
        *--p = (char)('0' + rem % 10);
        rem /= 10;
    } while (rem);
    PyMem_Free(pout);
    *plen = len;
    return out;
}

/* Above this many 30-bit digits, decimal conversion divides and conquers:
 * split by 10**(9 * 2**k) with Knuth division (whose cost falls fast with
 * the size of the pieces), which beats the quadratic Horner loop. */
#define DC_DECIMAL_CUTOFF 250

/* Write exactly `width` decimal digits of a (0 <= a < 10**width) into out,
 * zero padded.  pows[j] == 10**(9 * 2**j); width <= 2 * 9 * 2**level. */
static int
dc_decimal(PyLongObject *a, PyLongObject **pows, int level, char *out, Py_ssize_t width)
{
    if (level < 0 || lsize(a) <= DC_DECIMAL_CUTOFF) {
        Py_ssize_t len;
        char *d = decimal_quadratic(a, &len);
        if (d == NULL) {
            return -1;
        }
        if (len == 1 && d[0] == '0') {
            len = 0;
        }
        if (len > width) {
            PyMem_Free(d);
            PyErr_SetString(PyExc_SystemError, "decimal conversion: piece too wide");
            return -1;
        }
        memset(out, '0', (size_t)(width - len));
        memcpy(out + width - len, d, (size_t)len);
        PyMem_Free(d);
        return 0;
    }
    Py_ssize_t lw = (Py_ssize_t)9 << level;
    if (width <= lw) {
        return dc_decimal(a, pows, level - 1, out, width);
    }
    PyLongObject *q, *r;
    if (l_divmod(a, pows[level], &q, &r) < 0) {
        return -1;
    }
    int rc = dc_decimal(q, pows, level - 1, out, width - lw);
    if (rc == 0) {
        rc = dc_decimal(r, pows, level - 1, out + width - lw, lw);
    }
    Py_DECREF(q);
    Py_DECREF(r);
    return rc;
}

static char *
decimal_dc(PyLongObject *a, Py_ssize_t *plen)
{
    /* digits <= floor(bits * log10(2)) + 1 */
    int64_t bits = bit_length_of(a);
    Py_ssize_t width = (Py_ssize_t)((double)bits * 0.30102999566398120) + 2;
    int level = 0;
    while (((Py_ssize_t)18 << level) < width) {
        level++;
    }
    PyLongObject *pows[64] = {NULL};
    PyLongObject *mag = NULL;
    char *out = NULL;
    pows[0] = LONG(from_magnitude(_PyLong_DECIMAL_BASE, 0));
    if (pows[0] == NULL) {
        goto done;
    }
    for (int j = 1; j <= level; j++) {
        pows[j] = LONG(_PyLong_Multiply(pows[j - 1], pows[j - 1]));
        if (pows[j] == NULL) {
            goto done;
        }
    }
    mag = LONG(_PyLong_Copy(a));    /* fresh: a is far beyond the small ints */
    if (mag != NULL) {
        Py_SET_SIZE(mag, lsize(mag));
    }
    out = mag ? (char *)PyMem_Malloc((size_t)width + 1) : NULL;
    if (out == NULL) {
        if (mag != NULL) {
            PyErr_NoMemory();
        }
        goto done;
    }
    if (dc_decimal(mag, pows, level, out, width) < 0) {
        PyMem_Free(out);
        out = NULL;
        goto done;
    }
    Py_ssize_t lead = 0;
    while (lead < width - 1 && out[lead] == '0') {
        lead++;
    }
    memmove(out, out + lead, (size_t)(width - lead));
    out[width - lead] = '\0';
    *plen = width - lead;
done:
    for (int j = 0; j <= level && j < 64; j++) {
        Py_XDECREF(pows[j]);
    }
    Py_XDECREF(mag);
    return out;
}

/* abs(a) in decimal, honouring the int max str digits limit. */
static char *
to_decimal(PyLongObject *a, Py_ssize_t *plen)
{
    Py_ssize_t na = lsize(a);
    int limit = _PyLong_GetMaxStrDigits();
    if (limit > 0 && na >= 10 * (Py_ssize_t)limit / (3 * PyLong_SHIFT) + 2) {
        too_many_str_digits(limit);
        return NULL;
    }
    char *out = na > DC_DECIMAL_CUTOFF ? decimal_dc(a, plen) : decimal_quadratic(a, plen);
    if (out != NULL && limit > 0 && *plen > limit) {
        PyMem_Free(out);
        too_many_str_digits(limit);
        return NULL;
    }
    return out;
}

/* abs(a) in base 2**bits_per_char. */
static char *
to_pow2_base(PyLongObject *a, int bits_per_char, Py_ssize_t *plen)
{
    int64_t nbits = bit_length_of(a);
    Py_ssize_t len = nbits == 0 ? 1 : (Py_ssize_t)((nbits + bits_per_char - 1) / bits_per_char);
    char *out = (char *)PyMem_Malloc((size_t)len + 1);
    if (out == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    char *p = out + len;
    *p = '\0';
    twodigits acc = 0;
    int accbits = 0;
    digit mask = ((digit)1 << bits_per_char) - 1;
    Py_ssize_t na = lsize(a);
    for (Py_ssize_t i = 0; i < na; i++) {
        acc |= (twodigits)a->ob_digit[i] << accbits;
        accbits += PyLong_SHIFT;
        while (accbits >= bits_per_char && p > out) {
            *--p = "0123456789abcdef"[acc & mask];
            acc >>= bits_per_char;
            accbits -= bits_per_char;
        }
    }
    while (p > out) {
        *--p = "0123456789abcdef"[acc & mask];
        acc >>= bits_per_char;
    }
    *plen = len;
    return out;
}

char *
_PyLong_ToASCIIDigits(PyObject *v, int base, Py_ssize_t *len)
{
    PyLongObject *a = LONG(v);
    switch (base) {
    case 2: return to_pow2_base(a, 1, len);
    case 8: return to_pow2_base(a, 3, len);
    case 16: return to_pow2_base(a, 4, len);
    case 10: return to_decimal(a, len);
    default:
        PyErr_SetString(PyExc_SystemError, "_PyLong_ToASCIIDigits: bad base");
        return NULL;
    }
}

PyObject *
_PyLong_Format(PyObject *v, int base)
{
    if (v == NULL || !PyLong_Check(v)) {
        PyErr_SetString(PyExc_SystemError, "bad argument to internal function");
        return NULL;
    }
    Py_ssize_t n;
    char *digits = _PyLong_ToASCIIDigits(v, base, &n);
    if (digits == NULL) {
        return NULL;
    }
    const char *prefix = base == 2 ? "0b" : base == 8 ? "0o" : base == 16 ? "0x" : "";
    int negative = LONG(v)->ob_base.ob_size < 0;
    size_t plen = strlen(prefix);
    char *buf = (char *)PyMem_Malloc((size_t)n + plen + 2);
    if (buf == NULL) {
        PyMem_Free(digits);
        return PyErr_NoMemory();
    }
    char *p = buf;
    if (negative) {
        *p++ = '-';
    }
    memcpy(p, prefix, plen);
    p += plen;
    memcpy(p, digits, (size_t)n);
    p += n;
    PyMem_Free(digits);
    PyObject *r = PyUnicode_FromStringAndSize(buf, p - buf);
    PyMem_Free(buf);
    return r;
}

static PyObject *
long_to_decimal_string(PyObject *v)
{
    return _PyLong_Format(v, 10);
}

/* ======================================================================
 * 5. number protocol
 * ====================================================================== */

#define CHECK_BINOP(v, w) \
    do { \
        if (!PyLong_Check(v) || !PyLong_Check(w)) { \
            Py_RETURN_NOTIMPLEMENTED; \
        } \
    } while (0)

static PyObject *
long_add(PyObject *a, PyObject *b)
{
    CHECK_BINOP(a, b);
    return _PyLong_Add(LONG(a), LONG(b));
}

static PyObject *
long_sub(PyObject *a, PyObject *b)
{
    CHECK_BINOP(a, b);
    return _PyLong_Subtract(LONG(a), LONG(b));
}

static PyObject *
long_mul(PyObject *a, PyObject *b)
{
    CHECK_BINOP(a, b);
    return _PyLong_Multiply(LONG(a), LONG(b));
}

static PyObject *
long_floor_div(PyObject *a, PyObject *b)
{
    CHECK_BINOP(a, b);
    PyLongObject *div;
    if (l_divmod(LONG(a), LONG(b), &div, NULL) < 0) {
        return NULL;
    }
    return (PyObject *)div;
}

static PyObject *
long_mod(PyObject *a, PyObject *b)
{
    CHECK_BINOP(a, b);
    if (lsize(LONG(b)) == 0) {
        PyErr_SetString(PyExc_ZeroDivisionError, "integer modulo by zero");
        return NULL;
    }
    PyLongObject *mod;
    if (l_divmod(LONG(a), LONG(b), NULL, &mod) < 0) {
        return NULL;
    }
    return (PyObject *)mod;
}

static PyObject *
long_divmod(PyObject *a, PyObject *b)
{
    CHECK_BINOP(a, b);
    PyLongObject *div, *mod;
    if (l_divmod(LONG(a), LONG(b), &div, &mod) < 0) {
        return NULL;
    }
    PyObject *z = PyTuple_New(2);
    if (z == NULL) {
        Py_DECREF(div);
        Py_DECREF(mod);
        return NULL;
    }
    PyTuple_SET_ITEM(z, 0, (PyObject *)div);
    PyTuple_SET_ITEM(z, 1, (PyObject *)mod);
    return z;
}

/* |a| * 2**shift as a fresh nonnegative int (shift may be negative: the
 * bits shifted out set *inexact). */
static PyLongObject *
mag_shift(PyLongObject *a, int64_t shift, int *inexact)
{
    Py_ssize_t na = lsize(a);
    if (shift >= 0) {
        int64_t wordshift = shift / PyLong_SHIFT;
        int rem = (int)(shift % PyLong_SHIFT);
        Py_ssize_t nz = na + (Py_ssize_t)wordshift + 1;
        PyLongObject *z = _PyLong_New(nz);
        if (z == NULL) {
            return NULL;
        }
        memset(z->ob_digit, 0, (size_t)wordshift * sizeof(digit));
        z->ob_digit[nz - 1] = v_lshift(z->ob_digit + wordshift, a->ob_digit, na, rem);
        return long_normalize(z);
    }
    shift = -shift;
    int64_t wordshift = shift / PyLong_SHIFT;
    int rem = (int)(shift % PyLong_SHIFT);
    if (wordshift >= na) {
        *inexact |= na != 0;
        return _PyLong_New(0);
    }
    Py_ssize_t nz = na - (Py_ssize_t)wordshift;
    PyLongObject *z = _PyLong_New(nz);
    if (z == NULL) {
        return NULL;
    }
    digit lost = v_rshift(z->ob_digit, a->ob_digit + wordshift, nz, rem);
    for (Py_ssize_t i = 0; !lost && i < wordshift; i++) {
        lost = a->ob_digit[i];
    }
    *inexact |= lost != 0;
    return long_normalize(z);
}

/* Correctly rounded a / b. */
static PyObject *
long_true_divide(PyObject *v, PyObject *w)
{
    CHECK_BINOP(v, w);
    PyLongObject *a = LONG(v), *b = LONG(w);
    if (lsize(b) == 0) {
        PyErr_SetString(PyExc_ZeroDivisionError, "division by zero");
        return NULL;
    }
    int negate = (a->ob_base.ob_size < 0) != (b->ob_base.ob_size < 0);
    if (lsize(a) == 0) {
        return PyFloat_FromDouble(negate ? -0.0 : 0.0);
    }
    int64_t a_bits = bit_length_of(a), b_bits = bit_length_of(b);
    if (a_bits <= DBL_MANT_DIG && b_bits <= DBL_MANT_DIG) {
        /* both exact as doubles: one correctly rounded division */
        int ovf;
        double da = (double)magnitude_ull(a, &ovf);
        double db = (double)magnitude_ull(b, &ovf);
        double r = da / db;
        return PyFloat_FromDouble(negate ? -r : r);
    }
    int64_t diff = a_bits - b_bits;
    if (diff > DBL_MAX_EXP) {
        goto overflow;
    }
    if (diff < DBL_MIN_EXP - DBL_MANT_DIG - 1) {
        return PyFloat_FromDouble(negate ? -0.0 : 0.0);
    }
    /* Scale a so the quotient has DBL_MANT_DIG + 2 or 3 bits (fewer in the
     * subnormal range), then round it with a sticky bit. */
    int64_t shift = (diff > DBL_MIN_EXP ? diff : DBL_MIN_EXP) - DBL_MANT_DIG - 2;
    int inexact = 0;
    PyLongObject *x = mag_shift(a, -shift, &inexact);
    if (x == NULL) {
        return NULL;
    }
    PyLongObject *q, *r;
    if (lsize(b) == 1) {
        digit rem;
        q = divrem1(x, b->ob_digit[0], &rem);
        inexact |= rem != 0;
    }
    else if (lsize(x) < lsize(b)) {
        q = _PyLong_New(0);   /* cannot happen after scaling; be safe */
        inexact = 1;
    }
    else {
        q = x_divrem(x, b, &r);
        if (q != NULL) {
            inexact |= lsize(r) != 0;
            Py_DECREF(r);
        }
    }
    Py_DECREF(x);
    if (q == NULL) {
        return NULL;
    }
    int ovf;
    uint64_t qv = magnitude_ull(q, &ovf);
    int64_t q_bits = bit_length_of(q);
    Py_DECREF(q);
    int64_t extra = (q_bits > DBL_MIN_EXP - shift ? q_bits : DBL_MIN_EXP - shift) - DBL_MANT_DIG;
    qv = round_half_even(qv, (int)extra, inexact);
    if (shift + q_bits > DBL_MAX_EXP ||
        (shift + q_bits == DBL_MAX_EXP && ldexp((double)qv, (int)-q_bits) == 1.0)) {
        goto overflow;
    }
    double result = ldexp((double)qv, (int)shift);
    return PyFloat_FromDouble(negate ? -result : result);

overflow:
    PyErr_SetString(PyExc_OverflowError, "integer division result too large for a float");
    return NULL;
}

static PyObject *
long_neg(PyObject *v)
{
    PyLongObject *a = LONG(v);
    if (_PyLong_IsCompact(a)) {
        return from_signed(-(long long)_PyLong_CompactValue(a));
    }
    PyLongObject *z = LONG(_PyLong_Copy(a));
    if (z != NULL) {
        Py_SET_SIZE(z, -a->ob_base.ob_size);
    }
    return (PyObject *)z;
}

static PyObject *
long_long(PyObject *v)
{
    if (PyLong_CheckExact(v)) {
        Py_INCREF(v);
        return v;
    }
    return _PyLong_Copy(LONG(v));
}

static PyObject *
long_abs(PyObject *v)
{
    if (LONG(v)->ob_base.ob_size < 0) {
        return long_neg(v);
    }
    return long_long(v);
}

static int
long_bool(PyObject *v)
{
    return lsize(LONG(v)) != 0;
}

static PyObject *
long_invert(PyObject *v)
{
    /* ~x == -(x + 1) */
    PyObject *t = _PyLong_Add(LONG(v), LONG(get_small_int(1)));
    if (t == NULL) {
        return NULL;
    }
    PyObject *r = long_neg(t);
    Py_DECREF(t);
    return r;
}

/* A shift count: -1 with ValueError for negative counts; huge counts are
 * clamped (they can only give 0/-1 or fail for lack of memory). */
static int
shift_count(PyObject *w, int64_t *count)
{
    PyLongObject *b = LONG(w);
    if (b->ob_base.ob_size < 0) {
        PyErr_SetString(PyExc_ValueError, "negative shift count");
        return -1;
    }
    int ovf;
    unsigned long long m = magnitude_ull(b, &ovf);
    if (ovf || m > (unsigned long long)INT64_MAX / 2) {
        *count = INT64_MAX / 2;
    }
    else {
        *count = (int64_t)m;
    }
    return 0;
}

static PyObject *
long_lshift(PyObject *a, PyObject *b)
{
    CHECK_BINOP(a, b);
    int64_t n;
    if (shift_count(b, &n) < 0) {
        return NULL;
    }
    if (lsize(LONG(a)) == 0) {
        return get_small_int(0);
    }
    if (n == 0) {
        return long_long(a);
    }
    return lshift_bits(LONG(a), n);
}

static PyObject *
long_rshift(PyObject *a, PyObject *b)
{
    CHECK_BINOP(a, b);
    int64_t n;
    if (shift_count(b, &n) < 0) {
        return NULL;
    }
    if (n == 0) {
        return long_long(a);
    }
    return rshift_bits(LONG(a), n);
}

/* Bitwise and/or/xor on two's-complement images of n digits. */
static PyObject *
long_bitwise(PyLongObject *a, char op, PyLongObject *b)
{
    Py_ssize_t na = lsize(a), nb = lsize(b);
    Py_ssize_t n = Py_MAX(na, nb) + 1;
    digit *buf = (digit *)PyMem_Malloc((size_t)n * 2 * sizeof(digit));
    if (buf == NULL) {
        return PyErr_NoMemory();
    }
    digit *ta = buf, *tb = buf + n;
    PyLongObject *src[2] = {a, b};
    digit *dst[2] = {ta, tb};
    for (int k = 0; k < 2; k++) {
        PyLongObject *s = src[k];
        Py_ssize_t ns = lsize(s);
        digit *d = dst[k];
        if (s->ob_base.ob_size >= 0) {
            memcpy(d, s->ob_digit, (size_t)ns * sizeof(digit));
            memset(d + ns, 0, (size_t)(n - ns) * sizeof(digit));
        }
        else {
            /* BASE**n - |s| */
            digit carry = 1;
            for (Py_ssize_t i = 0; i < n; i++) {
                digit x = i < ns ? s->ob_digit[i] : 0;
                carry += (~x) & PyLong_MASK;
                d[i] = carry & PyLong_MASK;
                carry >>= PyLong_SHIFT;
            }
        }
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        switch (op) {
        case '&': ta[i] &= tb[i]; break;
        case '|': ta[i] |= tb[i]; break;
        default:  ta[i] ^= tb[i]; break;
        }
    }
    int negative = (ta[n - 1] >> (PyLong_SHIFT - 1)) & 1;
    PyLongObject *z = _PyLong_New(n);
    if (z == NULL) {
        PyMem_Free(buf);
        return NULL;
    }
    if (negative) {
        digit carry = 1;
        for (Py_ssize_t i = 0; i < n; i++) {
            carry += (~ta[i]) & PyLong_MASK;
            z->ob_digit[i] = carry & PyLong_MASK;
            carry >>= PyLong_SHIFT;
        }
        Py_SET_SIZE(z, -n);
    }
    else {
        memcpy(z->ob_digit, ta, (size_t)n * sizeof(digit));
    }
    PyMem_Free(buf);
    return norm_result(z);
}

static PyObject *
long_and(PyObject *a, PyObject *b)
{
    CHECK_BINOP(a, b);
    PyLongObject *x = LONG(a), *y = LONG(b);
    if (_PyLong_IsCompact(x) && _PyLong_IsCompact(y)) {
        return from_signed(_PyLong_CompactValue(x) & _PyLong_CompactValue(y));
    }
    return long_bitwise(x, '&', y);
}

static PyObject *
long_or(PyObject *a, PyObject *b)
{
    CHECK_BINOP(a, b);
    PyLongObject *x = LONG(a), *y = LONG(b);
    if (_PyLong_IsCompact(x) && _PyLong_IsCompact(y)) {
        return from_signed(_PyLong_CompactValue(x) | _PyLong_CompactValue(y));
    }
    return long_bitwise(x, '|', y);
}

static PyObject *
long_xor(PyObject *a, PyObject *b)
{
    CHECK_BINOP(a, b);
    PyLongObject *x = LONG(a), *y = LONG(b);
    if (_PyLong_IsCompact(x) && _PyLong_IsCompact(y)) {
        return from_signed(_PyLong_CompactValue(x) ^ _PyLong_CompactValue(y));
    }
    return long_bitwise(x, '^', y);
}

static PyObject *
long_float(PyObject *v)
{
    double d = PyLong_AsDouble(v);
    if (d == -1.0 && PyErr_Occurred()) {
        return NULL;
    }
    return PyFloat_FromDouble(d);
}

/* x mod m for m > 0, result in [0, m). */
static PyLongObject *
mod_positive(PyLongObject *x, PyLongObject *m)
{
    PyLongObject *r;
    if (l_divmod(x, m, NULL, &r) < 0) {
        return NULL;
    }
    return r;
}

/* Inverse of a modulo n (n > 0) by the extended Euclidean algorithm;
 * ValueError when gcd(a, n) != 1. */
static PyLongObject *
long_invmod(PyLongObject *a, PyLongObject *n)
{
    PyLongObject *b = LONG(get_small_int(1)), *c = LONG(get_small_int(0));
    Py_INCREF(n);
    Py_INCREF(a);
    /* invariant: b*a0 == a (mod n0), c*a0 == n (mod n0) */
    while (lsize(n) != 0) {
        PyLongObject *q, *r;
        if (l_divmod(a, n, &q, &r) < 0) {
            goto error;
        }
        Py_DECREF(a);
        a = n;
        n = r;
        PyLongObject *qc = LONG(_PyLong_Multiply(q, c));
        Py_DECREF(q);
        if (qc == NULL) {
            goto error;
        }
        PyLongObject *t = LONG(_PyLong_Subtract(b, qc));
        Py_DECREF(qc);
        if (t == NULL) {
            goto error;
        }
        Py_DECREF(b);
        b = c;
        c = t;
    }
    /* a is now gcd */
    if (!(lsize(a) == 1 && a->ob_digit[0] == 1 && a->ob_base.ob_size > 0)) {
        PyErr_SetString(PyExc_ValueError, "base is not invertible for the given modulus");
        goto error;
    }
    Py_DECREF(a);
    Py_DECREF(n);
    Py_DECREF(c);
    return b;
error:
    Py_DECREF(a);
    Py_DECREF(n);
    Py_DECREF(b);
    Py_DECREF(c);
    return NULL;
}

static PyObject *
long_pow(PyObject *v, PyObject *w, PyObject *x)
{
    CHECK_BINOP(v, w);
    PyLongObject *modulus = NULL;
    int negative_output = 0;
    if (x != Py_None) {
        if (!PyLong_Check(x)) {
            Py_RETURN_NOTIMPLEMENTED;
        }
        modulus = LONG(x);
    }
    PyLongObject *a = LONG(v), *b = LONG(w);
    if (b->ob_base.ob_size < 0 && modulus == NULL) {
        /* negative exponent without modulus: float arithmetic */
        return PyFloat_Type.tp_as_number->nb_power(v, w, x);
    }
    PyLongObject *base = NULL, *mod = NULL, *exp = NULL, *z = NULL;
    Py_INCREF(a);
    base = a;
    Py_INCREF(b);
    exp = b;
    if (modulus != NULL) {
        if (lsize(modulus) == 0) {
            PyErr_SetString(PyExc_ValueError, "pow() 3rd argument cannot be 0");
            goto error;
        }
        /* work with |modulus|, fix the sign at the end */
        if (modulus->ob_base.ob_size < 0) {
            negative_output = 1;
            mod = LONG(long_neg((PyObject *)modulus));
        }
        else {
            Py_INCREF(modulus);
            mod = modulus;
        }
        if (mod == NULL) {
            goto error;
        }
        if (exp->ob_base.ob_size < 0) {
            /* pow(a, -e, m) == pow(inverse(a), e, m) */
            PyLongObject *t = LONG(long_neg((PyObject *)exp));
            Py_DECREF(exp);
            exp = t;
            if (exp == NULL) {
                goto error;
            }
            PyLongObject *reduced = mod_positive(base, mod);
            if (reduced == NULL) {
                goto error;
            }
            Py_DECREF(base);
            base = reduced;
            PyLongObject *inv = long_invmod(base, mod);
            if (inv == NULL) {
                goto error;
            }
            Py_DECREF(base);
            base = inv;
        }
        if (lsize(mod) == 1 && mod->ob_digit[0] == 1) {
            z = LONG(get_small_int(0));
            goto done;
        }
        /* reduce base first when it is negative or not smaller */
        if (base->ob_base.ob_size < 0 || lsize(base) > lsize(mod)) {
            PyLongObject *t = mod_positive(base, mod);
            if (t == NULL) {
                goto error;
            }
            Py_DECREF(base);
            base = t;
        }
    }
    /* left-to-right binary exponentiation */
    z = LONG(get_small_int(1));
    int64_t nbits = bit_length_of(exp);
    for (int64_t i = nbits - 1; i >= 0; i--) {
        PyLongObject *t = LONG(_PyLong_Multiply(z, z));
        Py_DECREF(z);
        z = t;
        if (z == NULL) {
            goto error;
        }
        if (mod != NULL) {
            t = mod_positive(z, mod);
            Py_DECREF(z);
            z = t;
            if (z == NULL) {
                goto error;
            }
        }
        if ((exp->ob_digit[i / PyLong_SHIFT] >> (i % PyLong_SHIFT)) & 1) {
            t = LONG(_PyLong_Multiply(z, base));
            Py_DECREF(z);
            z = t;
            if (z == NULL) {
                goto error;
            }
            if (mod != NULL) {
                t = mod_positive(z, mod);
                Py_DECREF(z);
                z = t;
                if (z == NULL) {
                    goto error;
                }
            }
        }
    }
    if (mod != NULL && nbits == 0) {
        /* pow(a, 0, m) == 1 % m */
        PyLongObject *t = mod_positive(z, mod);
        Py_DECREF(z);
        z = t;
        if (z == NULL) {
            goto error;
        }
    }
    if (negative_output && lsize(z) != 0) {
        PyLongObject *t = LONG(_PyLong_Subtract(z, mod));
        Py_DECREF(z);
        z = t;
        if (z == NULL) {
            goto error;
        }
    }
done:
    Py_XDECREF(base);
    Py_XDECREF(exp);
    Py_XDECREF(mod);
    return (PyObject *)z;
error:
    Py_XDECREF(base);
    Py_XDECREF(exp);
    Py_XDECREF(mod);
    return NULL;
}

static PyObject *
long_richcompare(PyObject *self, PyObject *other, int op)
{
    CHECK_BINOP(self, other);
    int c = (self == other) ? 0 : long_compare(LONG(self), LONG(other));
    Py_RETURN_RICHCOMPARE(c, 0, op);
}

static Py_hash_t
long_hash(PyObject *obj)
{
    PyLongObject *v = LONG(obj);
    Py_ssize_t i = v->ob_base.ob_size;
    if (i >= -1 && i <= 1) {
        Py_hash_t x = (Py_hash_t)(i * (Py_ssize_t)v->ob_digit[0]);
        return x == -1 ? -2 : x;
    }
    int sign = 1;
    if (i < 0) {
        sign = -1;
        i = -i;
    }
    Py_uhash_t x = 0;
    while (--i >= 0) {
        /* x = x * 2**30 mod (2**61 - 1): rotate within 61 bits */
        x = ((x << PyLong_SHIFT) & _PyHASH_MODULUS) | (x >> (_PyHASH_BITS - PyLong_SHIFT));
        x += v->ob_digit[i];
        if (x >= _PyHASH_MODULUS) {
            x -= _PyHASH_MODULUS;
        }
    }
    Py_hash_t h = (Py_hash_t)x * sign;
    return h == -1 ? -2 : h;
}

int
_PyLong_CompareWithDouble(PyObject *v, double x)
{
    PyLongObject *a = LONG(v);
    if (isinf(x)) {
        return x > 0 ? -1 : 1;
    }
    int sa = lsign(a);
    int sx = x > 0 ? 1 : (x < 0 ? -1 : 0);
    if (sa != sx) {
        return sa < sx ? -1 : 1;
    }
    if (sa == 0) {
        return 0;
    }
    /* same sign: compare magnitudes by bit length first */
    int e;
    frexp(x, &e);
    int64_t nbits = bit_length_of(a);
    if (nbits != e) {
        int c = nbits < e ? -1 : 1;
        return sa < 0 ? -c : c;
    }
    /* same magnitude range: split x into integer and fraction and compare
     * the integer part exactly (it fits in an int of nbits bits). */
    double ipart;
    double frac = modf(x, &ipart);
    PyObject *iv = PyLong_FromDouble(ipart);
    if (iv == NULL) {
        PyErr_Clear();
        return 0;
    }
    int c = long_compare(a, LONG(iv));
    Py_DECREF(iv);
    if (c == 0 && frac != 0.0) {
        /* a == trunc(x): a < x when x has a positive fraction */
        c = frac > 0 ? -1 : 1;
    }
    return c;
}

/* ======================================================================
 * 6. methods, properties, __new__, the type
 * ====================================================================== */

static PyObject *
int_bit_length(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return PyLong_FromLongLong(bit_length_of(LONG(self)));
}

static PyObject *
int_bit_count(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyLongObject *v = LONG(self);
    long long count = 0;
    for (Py_ssize_t i = 0; i < lsize(v); i++) {
        count += __builtin_popcount(v->ob_digit[i]);
    }
    return PyLong_FromLongLong(count);
}

static PyObject *
int_conjugate(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return long_long(self);
}

static PyObject *
int_is_integer(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    Py_RETURN_TRUE;
}

static PyObject *
int_as_integer_ratio(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *num = long_long(self);
    if (num == NULL) {
        return NULL;
    }
    PyObject *r = PyTuple_Pack(2, num, get_small_int(1));
    Py_DECREF(num);
    return r;
}

static PyObject *
int_get_real(PyObject *self, void *Py_UNUSED(closure))
{
    return long_long(self);
}

static PyObject *
int_get_imag(PyObject *self, void *Py_UNUSED(closure))
{
    return get_small_int(0);
}

static PyObject *
int_get_denominator(PyObject *self, void *Py_UNUSED(closure))
{
    return get_small_int(1);
}

PyObject *
_PyLong_DivmodNear(PyObject *a, PyObject *b)
{
    if (!PyLong_Check(a) || !PyLong_Check(b)) {
        PyErr_SetString(PyExc_TypeError, "non-integer arguments in division");
        return NULL;
    }
    PyLongObject *q, *r;
    if (l_divmod(LONG(a), LONG(b), &q, &r) < 0) {
        return NULL;
    }
    /* r has the sign of b; round q to nearest (ties to even) by comparing
     * 2*r with b. */
    int b_negative = LONG(b)->ob_base.ob_size < 0;
    PyObject *twice_r = lshift_bits(r, 1);
    if (twice_r == NULL) {
        goto error;
    }
    int cmp = long_compare(LONG(twice_r), LONG(b));
    Py_DECREF(twice_r);
    if (b_negative) {
        cmp = -cmp;
    }
    int q_odd = lsize(q) > 0 && (q->ob_digit[0] & 1);
    if (cmp > 0 || (cmp == 0 && q_odd)) {
        PyObject *t = _PyLong_Add(q, LONG(get_small_int(1)));
        Py_DECREF(q);
        q = LONG(t);
        if (q == NULL) {
            Py_DECREF(r);
            return NULL;
        }
        t = _PyLong_Subtract(r, LONG(b));
        Py_DECREF(r);
        r = LONG(t);
        if (r == NULL) {
            Py_DECREF(q);
            return NULL;
        }
    }
    PyObject *result = PyTuple_New(2);
    if (result == NULL) {
        goto error;
    }
    PyTuple_SET_ITEM(result, 0, (PyObject *)q);
    PyTuple_SET_ITEM(result, 1, (PyObject *)r);
    return result;
error:
    Py_DECREF(q);
    Py_DECREF(r);
    return NULL;
}

static PyObject *
int_round(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs > 1) {
        PyErr_Format(PyExc_TypeError, "__round__ expected at most 1 argument, got %zd", nargs);
        return NULL;
    }
    if (nargs == 0 || args[0] == Py_None) {
        return long_long(self);
    }
    PyObject *ndigits = PyNumber_Index(args[0]);
    if (ndigits == NULL) {
        return NULL;
    }
    if (LONG(ndigits)->ob_base.ob_size >= 0) {
        Py_DECREF(ndigits);
        return long_long(self);
    }
    /* round to a multiple of 10**-ndigits: self - divmod_near(self, p)[1] */
    PyObject *negd = long_neg(ndigits);
    Py_DECREF(ndigits);
    if (negd == NULL) {
        return NULL;
    }
    PyObject *pow10 = long_pow(get_small_int(10), negd, Py_None);
    Py_DECREF(negd);
    if (pow10 == NULL) {
        return NULL;
    }
    PyObject *qr = _PyLong_DivmodNear(self, pow10);
    Py_DECREF(pow10);
    if (qr == NULL) {
        return NULL;
    }
    PyObject *result = _PyLong_Subtract(LONG(self), LONG(PyTuple_GET_ITEM(qr, 1)));
    Py_DECREF(qr);
    return result;
}

static int
parse_byteorder(PyObject *byteorder, int *little)
{
    if (byteorder == NULL) {
        *little = 0;
        return 0;
    }
    if (!PyUnicode_Check(byteorder)) {
        PyErr_Format(PyExc_TypeError, "to_bytes() argument 'byteorder' must be str, not %.50s",
                     Py_TYPE(byteorder)->tp_name);
        return -1;
    }
    if (PyUnicode_EqualToUTF8(byteorder, "little")) {
        *little = 1;
    }
    else if (PyUnicode_EqualToUTF8(byteorder, "big")) {
        *little = 0;
    }
    else {
        PyErr_SetString(PyExc_ValueError, "byteorder must be either 'little' or 'big'");
        return -1;
    }
    return 0;
}

int
_PyLong_AsByteArray(PyLongObject *v, unsigned char *bytes, size_t n,
                    int little_endian, int is_signed, int with_exceptions)
{
    int negative = v->ob_base.ob_size < 0;
    if (negative && !is_signed) {
        if (with_exceptions) {
            PyErr_SetString(PyExc_OverflowError, "can't convert negative int to unsigned");
        }
        return -1;
    }
    /* Produce bytes least significant first, two's complement. */
    Py_ssize_t nd = lsize(v);
    twodigits acc = 0;
    int accbits = 0;
    digit carry = 1;   /* for negation: ~x + 1 */
    size_t j = 0;
    for (Py_ssize_t i = 0; i < nd; i++) {
        digit d = v->ob_digit[i];
        if (negative) {
            d = (d ^ PyLong_MASK) + carry;
            carry = d >> PyLong_SHIFT;
            d &= PyLong_MASK;
        }
        acc |= (twodigits)d << accbits;
        accbits += PyLong_SHIFT;
        while (accbits >= 8) {
            if (j >= n) {
                /* only sign-extension bytes may be dropped */
                if ((acc & 0xff) != (negative ? 0xff : 0)) {
                    goto overflow;
                }
            }
            else {
                bytes[little_endian ? j : n - 1 - j] = (unsigned char)(acc & 0xff);
            }
            j++;
            acc >>= 8;
            accbits -= 8;
        }
    }
    /* leftover bits, sign extended */
    if (accbits > 0) {
        if (negative) {
            acc |= ~(twodigits)0 << accbits;
        }
        unsigned char last = (unsigned char)(acc & 0xff);
        if (j >= n) {
            if (last != (negative ? 0xff : 0) ) {
                goto overflow;
            }
        }
        else {
            bytes[little_endian ? j : n - 1 - j] = last;
        }
        j++;
    }
    unsigned char fill = negative ? 0xff : 0;
    for (; j < n; j++) {
        bytes[little_endian ? j : n - 1 - j] = fill;
    }
    /* the top bit of the result must agree with the sign */
    if (n > 0) {
        unsigned char top = bytes[little_endian ? n - 1 : 0];
        if (is_signed && ((top >> 7) & 1) != (unsigned)negative) {
            goto overflow;
        }
    }
    return 0;
overflow:
    if (with_exceptions) {
        PyErr_SetString(PyExc_OverflowError, "int too big to convert");
    }
    return -1;
}

PyObject *
_PyLong_FromByteArray(const unsigned char *bytes, size_t n, int little_endian, int is_signed)
{
    if (n == 0) {
        return get_small_int(0);
    }
    unsigned char msb = bytes[little_endian ? n - 1 : 0];
    int negative = is_signed && (msb & 0x80);
    if (n > (size_t)MAX_LONG_DIGITS * PyLong_SHIFT / 8 - 1) {
        PyErr_SetString(PyExc_OverflowError, "byte array too long to convert to int");
        return NULL;
    }
    Py_ssize_t nd = (Py_ssize_t)((n * 8 + PyLong_SHIFT - 1) / PyLong_SHIFT);
    PyLongObject *z = _PyLong_New(nd);
    if (z == NULL) {
        return NULL;
    }
    twodigits acc = 0;
    int accbits = 0;
    unsigned carry = 1;
    Py_ssize_t k = 0;
    for (size_t j = 0; j < n; j++) {
        unsigned b = bytes[little_endian ? j : n - 1 - j];
        if (negative) {
            /* magnitude = ~bytes + 1 */
            b = (b ^ 0xff) + carry;
            carry = b >> 8;
            b &= 0xff;
        }
        acc |= (twodigits)b << accbits;
        accbits += 8;
        if (accbits >= PyLong_SHIFT) {
            z->ob_digit[k++] = (digit)(acc & PyLong_MASK);
            acc >>= PyLong_SHIFT;
            accbits -= PyLong_SHIFT;
        }
    }
    if (accbits > 0) {
        z->ob_digit[k++] = (digit)acc;
    }
    while (k < nd) {
        z->ob_digit[k++] = 0;
    }
    if (negative) {
        Py_SET_SIZE(z, -nd);
    }
    return norm_result(z);
}

static PyObject *
int_to_bytes(PyObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"length", "byteorder", "signed", NULL};
    PyObject *length_obj = NULL, *byteorder = NULL, *signed_obj = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|OO$O:to_bytes", kwlist,
                                     &length_obj, &byteorder, &signed_obj)) {
        return NULL;
    }
    Py_ssize_t length = 1;
    if (length_obj != NULL) {
        length = PyNumber_AsSsize_t(length_obj, PyExc_OverflowError);
        if (length == -1 && PyErr_Occurred()) {
            return NULL;
        }
        if (length < 0) {
            PyErr_SetString(PyExc_ValueError, "length argument must be non-negative");
            return NULL;
        }
    }
    int little;
    if (parse_byteorder(byteorder, &little) < 0) {
        return NULL;
    }
    int is_signed = 0;
    if (signed_obj != NULL) {
        is_signed = PyObject_IsTrue(signed_obj);
        if (is_signed < 0) {
            return NULL;
        }
    }
    PyObject *bytes = PyBytes_FromStringAndSize(NULL, length);
    if (bytes == NULL) {
        return NULL;
    }
    if (_PyLong_AsByteArray(LONG(self), (unsigned char *)PyBytes_AS_STRING(bytes),
                            (size_t)length, little, is_signed, 1) < 0) {
        Py_DECREF(bytes);
        return NULL;
    }
    return bytes;
}

static PyObject *
int_from_bytes(PyObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"bytes", "byteorder", "signed", NULL};
    PyObject *obj, *byteorder = NULL, *signed_obj = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|O$O:from_bytes", kwlist,
                                     &obj, &byteorder, &signed_obj)) {
        return NULL;
    }
    int little;
    if (parse_byteorder(byteorder, &little) < 0) {
        return NULL;
    }
    int is_signed = 0;
    if (signed_obj != NULL) {
        is_signed = PyObject_IsTrue(signed_obj);
        if (is_signed < 0) {
            return NULL;
        }
    }
    PyObject *bytes = PyBytes_FromObject(obj);
    if (bytes == NULL) {
        return NULL;
    }
    PyObject *v = _PyLong_FromByteArray((const unsigned char *)PyBytes_AS_STRING(bytes),
                                        (size_t)PyBytes_GET_SIZE(bytes), little, is_signed);
    Py_DECREF(bytes);
    if (v != NULL && (PyTypeObject *)type != &PyLong_Type) {
        PyObject *t = PyObject_CallOneArg(type, v);
        Py_DECREF(v);
        v = t;
    }
    return v;
}

static PyObject *
int_format(PyObject *self, PyObject *spec)
{
    if (!PyUnicode_Check(spec)) {
        PyErr_Format(PyExc_TypeError, "__format__() argument must be str, not %.50s",
                     Py_TYPE(spec)->tp_name);
        return NULL;
    }
    return _PyLong_FormatSpec(self, spec);
}

static PyObject *
int_getnewargs(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *v = _PyLong_Copy(LONG(self));
    if (v == NULL) {
        return NULL;
    }
    PyObject *r = PyTuple_Pack(1, v);
    Py_DECREF(v);
    return r;
}

static PyObject *
int_sizeof(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    Py_ssize_t n = lsize(LONG(self));
    size_t res = offsetof(PyLongObject, ob_digit) + (size_t)(n ? n : 1) * sizeof(digit);
    return PyLong_FromSize_t(res);
}

/* int(x=0) / int(x, base) for the exact type. */
static PyObject *
long_new_impl(PyObject *x, PyObject *obase)
{
    if (obase == NULL) {
        if (x == NULL) {
            return get_small_int(0);
        }
        if (PyUnicode_Check(x)) {
            return PyLong_FromUnicodeObject(x, 10);
        }
        if (PyBytes_Check(x)) {
            return _PyLong_FromBytes(PyBytes_AS_STRING(x), PyBytes_GET_SIZE(x), 10);
        }
        if (PyByteArray_Check(x)) {
            return _PyLong_FromBytes(PyByteArray_AS_STRING(x), PyByteArray_GET_SIZE(x), 10);
        }
        return PyNumber_Long(x);
    }
    Py_ssize_t base = PyNumber_AsSsize_t(obase, NULL);
    if (base == -1 && PyErr_Occurred()) {
        return NULL;
    }
    if ((base != 0 && base < 2) || base > 36) {
        PyErr_SetString(PyExc_ValueError, "int() base must be >= 2 and <= 36, or 0");
        return NULL;
    }
    if (x == NULL) {
        PyErr_SetString(PyExc_TypeError, "int() missing string argument");
        return NULL;
    }
    if (PyUnicode_Check(x)) {
        return PyLong_FromUnicodeObject(x, (int)base);
    }
    if (PyBytes_Check(x)) {
        return _PyLong_FromBytes(PyBytes_AS_STRING(x), PyBytes_GET_SIZE(x), (int)base);
    }
    if (PyByteArray_Check(x)) {
        return _PyLong_FromBytes(PyByteArray_AS_STRING(x), PyByteArray_GET_SIZE(x), (int)base);
    }
    PyErr_SetString(PyExc_TypeError, "int() can't convert non-string with explicit base");
    return NULL;
}

static PyObject *
long_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    /* int(x, /, base=10) */
    PyObject *x = NULL, *obase = NULL;
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    if (nargs > 2) {
        PyErr_Format(PyExc_TypeError, "int() takes at most 2 arguments (%zd given)", nargs);
        return NULL;
    }
    if (nargs > 0) {
        x = PyTuple_GET_ITEM(args, 0);
    }
    if (nargs > 1) {
        obase = PyTuple_GET_ITEM(args, 1);
    }
    if (kwds != NULL) {
        Py_ssize_t pos = 0;
        PyObject *key, *value;
        while (PyDict_Next(kwds, &pos, &key, &value)) {
            if (PyUnicode_Check(key) && PyUnicode_EqualToUTF8(key, "base")) {
                if (obase != NULL) {
                    PyErr_SetString(PyExc_TypeError,
                                    "argument for int() given by name ('base') and position (2)");
                    return NULL;
                }
                obase = value;
            }
            else {
                PyErr_Format(PyExc_TypeError, "int() got an unexpected keyword argument '%S'",
                             key);
                return NULL;
            }
        }
    }
    PyObject *v = long_new_impl(x, obase);
    if (v == NULL || type == &PyLong_Type) {
        return v;
    }
    /* A subclass: copy the value into an instance of `type`. */
    if (!PyLong_Check(v)) {
        Py_DECREF(v);
        PyErr_SetString(PyExc_TypeError, "int() returned a non-int");
        return NULL;
    }
    PyLongObject *tmp = LONG(v);
    Py_ssize_t n = lsize(tmp);
    PyLongObject *newobj = LONG(type->tp_alloc(type, n ? n : 1));
    if (newobj == NULL) {
        Py_DECREF(v);
        return NULL;
    }
    Py_SET_SIZE(newobj, tmp->ob_base.ob_size);
    memcpy(newobj->ob_digit, tmp->ob_digit, (size_t)(n ? n : 1) * sizeof(digit));
    Py_DECREF(v);
    return (PyObject *)newobj;
}

static PyMethodDef long_methods[] = {
    {"conjugate", int_conjugate, METH_NOARGS, "Returns self, the complex conjugate of any int."},
    {"bit_length", int_bit_length, METH_NOARGS,
     "Number of bits necessary to represent self in binary."},
    {"bit_count", int_bit_count, METH_NOARGS,
     "Number of ones in the binary representation of the absolute value of self."},
    {"to_bytes", _PyCFunction_CAST(int_to_bytes), METH_VARARGS | METH_KEYWORDS,
     "Return an array of bytes representing an integer."},
    {"from_bytes", _PyCFunction_CAST(int_from_bytes), METH_VARARGS | METH_KEYWORDS | METH_CLASS,
     "Return the integer represented by the given array of bytes."},
    {"as_integer_ratio", int_as_integer_ratio, METH_NOARGS,
     "Return a pair of integers, whose ratio is equal to the original int."},
    {"is_integer", int_is_integer, METH_NOARGS, "Returns True. Exists for duck type compatibility with float.is_integer."},
    {"__trunc__", int_conjugate, METH_NOARGS, "Truncating an Integral returns itself."},
    {"__floor__", int_conjugate, METH_NOARGS, "Flooring an Integral returns itself."},
    {"__ceil__", int_conjugate, METH_NOARGS, "Ceiling of an Integral returns itself."},
    {"__round__", _PyCFunction_CAST(int_round), METH_FASTCALL,
     "Rounding an Integral returns itself.\n\nRounding with an ndigits argument also returns an integer."},
    {"__getnewargs__", int_getnewargs, METH_NOARGS, NULL},
    {"__format__", int_format, METH_O, "Convert to a string according to format_spec."},
    {"__sizeof__", int_sizeof, METH_NOARGS, "Returns size in memory, in bytes."},
    {NULL, NULL, 0, NULL}
};

static PyGetSetDef long_getset[] = {
    {"real", int_get_real, NULL, "the real part of a complex number", NULL},
    {"imag", int_get_imag, NULL, "the imaginary part of a complex number", NULL},
    {"numerator", int_get_real, NULL, "the numerator of a rational number in lowest terms", NULL},
    {"denominator", int_get_denominator, NULL,
     "the denominator of a rational number in lowest terms", NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

static PyNumberMethods long_as_number = {
    .nb_add = long_add,
    .nb_subtract = long_sub,
    .nb_multiply = long_mul,
    .nb_remainder = long_mod,
    .nb_divmod = long_divmod,
    .nb_power = long_pow,
    .nb_negative = long_neg,
    .nb_positive = long_long,
    .nb_absolute = long_abs,
    .nb_bool = long_bool,
    .nb_invert = long_invert,
    .nb_lshift = long_lshift,
    .nb_rshift = long_rshift,
    .nb_and = long_and,
    .nb_xor = long_xor,
    .nb_or = long_or,
    .nb_int = long_long,
    .nb_float = long_float,
    .nb_floor_divide = long_floor_div,
    .nb_true_divide = long_true_divide,
    .nb_index = long_long,
};

PyTypeObject PyLong_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "int",
    .tp_basicsize = offsetof(PyLongObject, ob_digit),
    .tp_itemsize = sizeof(digit),
    .tp_dealloc = long_dealloc,
    .tp_repr = long_to_decimal_string,
    .tp_as_number = &long_as_number,
    .tp_hash = long_hash,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_LONG_SUBCLASS,
    .tp_doc = "int([x]) -> integer\nint(x, base=10) -> integer\n\n"
              "Convert a number or string to an integer, or return 0 if no arguments\n"
              "are given.",
    .tp_richcompare = long_richcompare,
    .tp_methods = long_methods,
    .tp_getset = long_getset,
    .tp_new = long_new,
    .tp_free = PyObject_Free,
};

/* ---- gcd (for math.gcd) ------------------------------------------------ */

PyObject *
_PyLong_GCD(PyObject *aarg, PyObject *barg)
{
    PyLongObject *a = LONG(long_abs(aarg));
    if (a == NULL) {
        return NULL;
    }
    PyLongObject *b = LONG(long_abs(barg));
    if (b == NULL) {
        Py_DECREF(a);
        return NULL;
    }
    /* Euclid with a machine-word finish. */
    while (lsize(b) != 0) {
        if (lsize(a) <= 2 && lsize(b) <= 2) {
            int ovf;
            unsigned long long x = magnitude_ull(a, &ovf), y = magnitude_ull(b, &ovf);
            while (y) {
                unsigned long long t = x % y;
                x = y;
                y = t;
            }
            Py_DECREF(a);
            Py_DECREF(b);
            return from_magnitude(x, 0);
        }
        PyLongObject *r;
        if (l_divmod(a, b, NULL, &r) < 0) {
            Py_DECREF(a);
            Py_DECREF(b);
            return NULL;
        }
        Py_DECREF(a);
        a = b;
        b = r;
    }
    Py_DECREF(b);
    return (PyObject *)a;
}
