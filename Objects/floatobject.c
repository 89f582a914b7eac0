/* floatobject.c: the `float` type.
 *
 * Arithmetic follows C doubles plus Python's rules: floor division and
 * modulo take the sign of the divisor, division by zero raises, pow has
 * IEEE-754-style special cases and hands negative bases with fractional
 * exponents to complex.  Comparisons with ints are exact however large the
 * int.  repr is the shortest round-trip string (Python/pystrtod.c), and
 * round(x, n) is exact: it works on the binary value as an int fraction.
 */
#include "Python.h"
#include "pycore_long.h"
#include "pycore_format.h"
#include "pycore_freelist.h"
#include "pycore_object.h"

#include <float.h>
#include <math.h>

#define FLOAT(op) ((PyFloatObject *)(op))

double
PyFloat_GetMax(void)
{
    return DBL_MAX;
}

double
PyFloat_GetMin(void)
{
    return DBL_MIN;
}

/* Exact floats come from and go back to the thread's free list
 * (pycore_freelist.h): arithmetic makes and drops one per operation. */
PyObject *
PyFloat_FromDouble(double fval)
{
    PyFloatObject *op = NULL;
    struct _Py_freelists *fls = _Py_freelists_GET();
    if (fls != NULL) {
        op = _Py_freelist_pop(&fls->floats);
    }
    if (op == NULL) {
        op = (PyFloatObject *)PyObject_Malloc(sizeof(PyFloatObject));
        if (op == NULL) {
            return PyErr_NoMemory();
        }
    }
    /* float is a static type: no type reference to take. */
    _Py_NewReference_Count((PyObject *)op);
    Py_SET_TYPE(op, &PyFloat_Type);
    op->ob_fval = fval;
    return (PyObject *)op;
}

static void
float_dealloc(PyObject *op)
{
    if (PyFloat_CheckExact(op)) {
        struct _Py_freelists *fls = _Py_freelists_GET();
        if (fls == NULL || !_Py_freelist_push(&fls->floats, op, _Py_FLOAT_MAXFREELIST)) {
            PyObject_Free(op);
        }
    }
    else {
        Py_TYPE(op)->tp_free(op);
    }
}

double
PyFloat_AsDouble(PyObject *op)
{
    if (op == NULL) {
        PyErr_SetString(PyExc_SystemError, "bad argument to internal function");
        return -1.0;
    }
    if (PyFloat_Check(op)) {
        return PyFloat_AS_DOUBLE(op);
    }
    PyNumberMethods *nb = Py_TYPE(op)->tp_as_number;
    if (nb == NULL || nb->nb_float == NULL) {
        if (nb != NULL && nb->nb_index != NULL) {
            PyObject *res = PyNumber_Index(op);
            if (res == NULL) {
                return -1.0;
            }
            double val = PyLong_AsDouble(res);
            Py_DECREF(res);
            return val;
        }
        PyErr_Format(PyExc_TypeError, "must be real number, not %.50s",
                     Py_TYPE(op)->tp_name);
        return -1.0;
    }
    PyObject *res = nb->nb_float(op);
    if (res == NULL) {
        return -1.0;
    }
    if (!PyFloat_Check(res)) {
        PyErr_Format(PyExc_TypeError, "%.50s.__float__ returned non-float (type %.50s)",
                     Py_TYPE(op)->tp_name, Py_TYPE(res)->tp_name);
        Py_DECREF(res);
        return -1.0;
    }
    double val = PyFloat_AS_DOUBLE(res);
    Py_DECREF(res);
    return val;
}

/* ---- text ----------------------------------------------------------------- */

PyObject *
_PyFloat_Repr(double x)
{
    char *buf = PyOS_double_to_string(x, 'r', 0, Py_DTSF_ADD_DOT_0, NULL);
    if (buf == NULL) {
        return NULL;
    }
    PyObject *r = PyUnicode_FromString(buf);
    PyMem_Free(buf);
    return r;
}

static PyObject *
float_repr(PyObject *v)
{
    return _PyFloat_Repr(PyFloat_AS_DOUBLE(v));
}

/* The underscore-free text: the whole of it must be a float literal. */
static PyObject *
float_from_string_inner(const char *s, Py_ssize_t len, void *obj)
{
    const char *last = s + len;
    char *end;
    /* strip whitespace (the caller stripped it already, but underscores
     * removal cannot add any) */
    double x = PyOS_string_to_double(s, &end, NULL);
    if (end != last) {
        PyErr_Clear();
        PyErr_Format(PyExc_ValueError, "could not convert string to float: %R",
                     (PyObject *)obj);
        return NULL;
    }
    if (x == -1.0 && PyErr_Occurred()) {
        return NULL;
    }
    return PyFloat_FromDouble(x);
}

PyObject *
PyFloat_FromString(PyObject *v)
{
    const char *s;
    Py_ssize_t len;
    PyObject *s_buffer = NULL;
    if (PyUnicode_Check(v)) {
        if (PyUnicode_IS_ASCII(v)) {
            Py_INCREF(v);
            s_buffer = v;
        }
        else {
            s_buffer = _PyUnicode_TransformDecimalAndSpaceToASCII(v);
        }
        if (s_buffer == NULL) {
            return NULL;
        }
        s = PyUnicode_AsUTF8AndSize(s_buffer, &len);
        if (s == NULL) {
            Py_DECREF(s_buffer);
            return NULL;
        }
    }
    else if (PyBytes_Check(v)) {
        s = PyBytes_AS_STRING(v);
        len = PyBytes_GET_SIZE(v);
    }
    else if (PyByteArray_Check(v)) {
        s = PyByteArray_AS_STRING(v);
        len = PyByteArray_GET_SIZE(v);
    }
    else {
        PyErr_Format(PyExc_TypeError,
                     "float() argument must be a string or a real number, not '%.200s'",
                     Py_TYPE(v)->tp_name);
        return NULL;
    }
    const char *last = s + len;
    while (s < last && (*s == ' ' || (*s >= '\t' && *s <= '\r'))) {
        s++;
    }
    while (s < last && (last[-1] == ' ' || (last[-1] >= '\t' && last[-1] <= '\r'))) {
        last--;
    }
    PyObject *result;
    if (s == last || memchr(s, '\0', (size_t)(last - s)) != NULL) {
        PyErr_Format(PyExc_ValueError, "could not convert string to float: %R", v);
        result = NULL;
    }
    else {
        /* PyOS_string_to_double needs a NUL-terminated string */
        Py_ssize_t n = last - s;
        char *copy = (char *)PyMem_Malloc((size_t)n + 1);
        if (copy == NULL) {
            Py_XDECREF(s_buffer);
            return PyErr_NoMemory();
        }
        memcpy(copy, s, (size_t)n);
        copy[n] = '\0';
        result = _Py_string_to_number_with_underscores(copy, n, "float", v, v,
                                                       float_from_string_inner);
        PyMem_Free(copy);
    }
    Py_XDECREF(s_buffer);
    return result;
}

/* ---- arithmetic ----------------------------------------------------------- */

/* Convert an operand to double; 1 on success, 0 for "not a number we
 * know" (return NotImplemented), -1 on error. */
static int
convert_to_double(PyObject *obj, double *dbl)
{
    if (PyFloat_Check(obj)) {
        *dbl = PyFloat_AS_DOUBLE(obj);
        return 1;
    }
    if (PyLong_Check(obj)) {
        *dbl = PyLong_AsDouble(obj);
        if (*dbl == -1.0 && PyErr_Occurred()) {
            return -1;
        }
        return 1;
    }
    return 0;
}

#define CONVERT_TO_DOUBLE(obj, dbl) \
    do { \
        int _r = convert_to_double((obj), &(dbl)); \
        if (_r < 0) { \
            return NULL; \
        } \
        if (_r == 0) { \
            Py_RETURN_NOTIMPLEMENTED; \
        } \
    } while (0)

static PyObject *
float_add(PyObject *v, PyObject *w)
{
    double a, b;
    CONVERT_TO_DOUBLE(v, a);
    CONVERT_TO_DOUBLE(w, b);
    return PyFloat_FromDouble(a + b);
}

static PyObject *
float_sub(PyObject *v, PyObject *w)
{
    double a, b;
    CONVERT_TO_DOUBLE(v, a);
    CONVERT_TO_DOUBLE(w, b);
    return PyFloat_FromDouble(a - b);
}

static PyObject *
float_mul(PyObject *v, PyObject *w)
{
    double a, b;
    CONVERT_TO_DOUBLE(v, a);
    CONVERT_TO_DOUBLE(w, b);
    return PyFloat_FromDouble(a * b);
}

static PyObject *
float_div(PyObject *v, PyObject *w)
{
    double a, b;
    CONVERT_TO_DOUBLE(v, a);
    CONVERT_TO_DOUBLE(w, b);
    if (b == 0.0) {
        PyErr_SetString(PyExc_ZeroDivisionError, "float division by zero");
        return NULL;
    }
    return PyFloat_FromDouble(a / b);
}

static PyObject *
float_rem(PyObject *v, PyObject *w)
{
    double vx, wx;
    CONVERT_TO_DOUBLE(v, vx);
    CONVERT_TO_DOUBLE(w, wx);
    if (wx == 0.0) {
        PyErr_SetString(PyExc_ZeroDivisionError, "float modulo by zero");
        return NULL;
    }
    double mod = fmod(vx, wx);
    if (mod) {
        /* the result takes the sign of the divisor */
        if ((wx < 0) != (mod < 0)) {
            mod += wx;
        }
    }
    else {
        mod = copysign(0.0, wx);
    }
    return PyFloat_FromDouble(mod);
}

static void
_float_div_mod(double vx, double wx, double *floordiv, double *mod)
{
    double div;
    *mod = fmod(vx, wx);
    /* fmod is exact, so vx - mod is an exact multiple of wx */
    div = (vx - *mod) / wx;
    if (*mod) {
        if ((wx < 0) != (*mod < 0)) {
            *mod += wx;
            div -= 1.0;
        }
    }
    else {
        *mod = copysign(0.0, wx);
    }
    if (div) {
        *floordiv = floor(div);
        if (div - *floordiv > 0.5) {
            *floordiv += 1.0;
        }
    }
    else {
        *floordiv = copysign(0.0, vx / wx);
    }
}

static PyObject *
float_divmod(PyObject *v, PyObject *w)
{
    double vx, wx, mod, floordiv;
    CONVERT_TO_DOUBLE(v, vx);
    CONVERT_TO_DOUBLE(w, wx);
    if (wx == 0.0) {
        PyErr_SetString(PyExc_ZeroDivisionError, "float divmod()");
        return NULL;
    }
    _float_div_mod(vx, wx, &floordiv, &mod);
    return Py_BuildValue("(dd)", floordiv, mod);
}

static PyObject *
float_floor_div(PyObject *v, PyObject *w)
{
    double vx, wx, mod, floordiv;
    CONVERT_TO_DOUBLE(v, vx);
    CONVERT_TO_DOUBLE(w, wx);
    if (wx == 0.0) {
        PyErr_SetString(PyExc_ZeroDivisionError, "float floor division by zero");
        return NULL;
    }
    _float_div_mod(vx, wx, &floordiv, &mod);
    return PyFloat_FromDouble(floordiv);
}

#define DOUBLE_IS_ODD_INTEGER(x) (fmod(fabs(x), 2.0) == 1.0)

static PyObject *
float_pow(PyObject *v, PyObject *w, PyObject *z)
{
    double iv, iw, ix;
    int negate_result = 0;
    if (z != Py_None) {
        PyErr_SetString(PyExc_TypeError,
                        "pow() 3rd argument not allowed unless all arguments are integers");
        return NULL;
    }
    CONVERT_TO_DOUBLE(v, iv);
    CONVERT_TO_DOUBLE(w, iw);

    if (iw == 0) {
        return PyFloat_FromDouble(1.0);
    }
    if (isnan(iv)) {
        return PyFloat_FromDouble(iv);
    }
    if (isnan(iw)) {
        return PyFloat_FromDouble(iv == 1.0 ? 1.0 : iw);
    }
    if (isinf(iw)) {
        iv = fabs(iv);
        if (iv == 1.0) {
            return PyFloat_FromDouble(1.0);
        }
        if ((iw > 0.0) == (iv > 1.0)) {
            return PyFloat_FromDouble(fabs(iw));
        }
        return PyFloat_FromDouble(0.0);
    }
    if (isinf(iv)) {
        int iw_is_odd = DOUBLE_IS_ODD_INTEGER(iw);
        if (iw > 0.0) {
            return PyFloat_FromDouble(iw_is_odd ? iv : fabs(iv));
        }
        return PyFloat_FromDouble(iw_is_odd ? copysign(0.0, iv) : 0.0);
    }
    if (iv == 0.0) {
        int iw_is_odd = DOUBLE_IS_ODD_INTEGER(iw);
        if (iw < 0.0) {
            PyErr_SetString(PyExc_ZeroDivisionError,
                            "0.0 cannot be raised to a negative power");
            return NULL;
        }
        return PyFloat_FromDouble(iw_is_odd ? iv : 0.0);
    }
    if (iv < 0.0) {
        if (iw != floor(iw)) {
            /* a negative number to a fractional power: complex result */
            return PyComplex_Type.tp_as_number->nb_power(v, w, z);
        }
        iv = -iv;
        negate_result = DOUBLE_IS_ODD_INTEGER(iw);
    }
    if (iv == 1.0) {
        return PyFloat_FromDouble(negate_result ? -1.0 : 1.0);
    }
    errno = 0;
    ix = pow(iv, iw);
    if (negate_result) {
        ix = -ix;
    }
    if (isinf(ix)) {
        PyErr_SetString(PyExc_OverflowError, "(34, 'Numerical result out of range')");
        return NULL;
    }
    return PyFloat_FromDouble(ix);
}

static PyObject *
float_neg(PyObject *v)
{
    return PyFloat_FromDouble(-PyFloat_AS_DOUBLE(v));
}

static PyObject *
float_abs(PyObject *v)
{
    return PyFloat_FromDouble(fabs(PyFloat_AS_DOUBLE(v)));
}

static int
float_bool(PyObject *v)
{
    return PyFloat_AS_DOUBLE(v) != 0.0;
}

static PyObject *
float_float(PyObject *v)
{
    if (PyFloat_CheckExact(v)) {
        Py_INCREF(v);
        return v;
    }
    return PyFloat_FromDouble(PyFloat_AS_DOUBLE(v));
}

static PyObject *
float_trunc(PyObject *v, PyObject *Py_UNUSED(ignored))
{
    return PyLong_FromDouble(PyFloat_AS_DOUBLE(v));
}

static PyObject *
float_int(PyObject *v)
{
    return PyLong_FromDouble(PyFloat_AS_DOUBLE(v));
}

static PyObject *
float_floor(PyObject *v, PyObject *Py_UNUSED(ignored))
{
    return PyLong_FromDouble(floor(PyFloat_AS_DOUBLE(v)));
}

static PyObject *
float_ceil(PyObject *v, PyObject *Py_UNUSED(ignored))
{
    return PyLong_FromDouble(ceil(PyFloat_AS_DOUBLE(v)));
}

/* ---- comparison and hash ------------------------------------------------ */

static PyObject *
float_richcompare(PyObject *v, PyObject *w, int op)
{
    double i = PyFloat_AS_DOUBLE(v), j;
    if (PyFloat_Check(w)) {
        j = PyFloat_AS_DOUBLE(w);
    }
    else if (PyLong_Check(w)) {
        if (isnan(i)) {
            /* NaN is unordered: only != holds */
            if (op == Py_NE) {
                Py_RETURN_TRUE;
            }
            Py_RETURN_FALSE;
        }
        /* exact: compare the int with the double, then flip */
        int c = -_PyLong_CompareWithDouble(w, i);
        Py_RETURN_RICHCOMPARE(c, 0, op);
    }
    else {
        Py_RETURN_NOTIMPLEMENTED;
    }
    int r = 0;
    switch (op) {
    case Py_EQ: r = i == j; break;
    case Py_NE: r = i != j; break;
    case Py_LE: r = i <= j; break;
    case Py_GE: r = i >= j; break;
    case Py_LT: r = i < j; break;
    case Py_GT: r = i > j; break;
    }
    return PyBool_FromLong(r);
}

static Py_hash_t
float_hash(PyObject *v)
{
    return _Py_HashDouble(v, PyFloat_AS_DOUBLE(v));
}

/* ---- methods ------------------------------------------------------------- */

static PyObject *
float_is_integer(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    double x = PyFloat_AS_DOUBLE(self);
    if (!isfinite(x)) {
        Py_RETURN_FALSE;
    }
    return PyBool_FromLong(floor(x) == x);
}

static PyObject *
float_conjugate(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return float_float(self);
}

static PyObject *
float_as_integer_ratio(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    double x = PyFloat_AS_DOUBLE(self);
    if (isinf(x)) {
        PyErr_SetString(PyExc_OverflowError, "cannot convert Infinity to integer ratio");
        return NULL;
    }
    if (isnan(x)) {
        PyErr_SetString(PyExc_ValueError, "cannot convert NaN to integer ratio");
        return NULL;
    }
    int exponent;
    double part = frexp(x, &exponent);
    /* scale the mantissa up until it is an integer (at most 300 steps) */
    for (int i = 0; i < 300 && part != floor(part); i++) {
        part *= 2.0;
        exponent--;
    }
    PyObject *num = PyLong_FromDouble(part);
    PyObject *den = PyLong_FromLong(1);
    PyObject *result = NULL;
    if (num == NULL || den == NULL) {
        goto done;
    }
    PyObject *t;
    if (exponent > 0) {
        t = _PyLong_Lshift(num, (size_t)exponent);
        Py_SETREF(num, t);
    }
    else {
        t = _PyLong_Lshift(den, (size_t)-exponent);
        Py_SETREF(den, t);
    }
    if (num == NULL || den == NULL) {
        goto done;
    }
    result = PyTuple_Pack(2, num, den);
done:
    Py_XDECREF(num);
    Py_XDECREF(den);
    return result;
}

/* round(x, ndigits) exactly: x = m * 2**e with integer m, so
 * x * 10**n is an exact fraction; round it half-even with int arithmetic
 * and divide back with the correctly rounded int true division. */
static PyObject *
double_round(double x, long long ndigits)
{
    /* beyond these no rounding can happen / everything rounds to zero */
    if (ndigits > 330) {
        return PyFloat_FromDouble(x);
    }
    if (ndigits < -330) {
        return PyFloat_FromDouble(0.0 * x);
    }
    if (x == 0.0 || !isfinite(x)) {
        return PyFloat_FromDouble(x);
    }
    int e;
    double m = frexp(fabs(x), &e);
    m = ldexp(m, DBL_MANT_DIG);
    e -= DBL_MANT_DIG;          /* |x| == m * 2**e, m an integer */
    PyObject *num = PyLong_FromDouble(m), *den = NULL, *pow10 = NULL;
    PyObject *result = NULL, *ten = NULL, *nd = NULL, *t = NULL;
    if (num == NULL) {
        return NULL;
    }
    den = PyLong_FromLong(1);
    ten = PyLong_FromLong(10);
    nd = PyLong_FromLongLong(ndigits < 0 ? -ndigits : ndigits);
    if (den == NULL || ten == NULL || nd == NULL) {
        goto done;
    }
    pow10 = PyNumber_Power(ten, nd, Py_None);
    if (pow10 == NULL) {
        goto done;
    }
    if (e >= 0) {
        Py_SETREF(num, _PyLong_Lshift(num, (size_t)e));
    }
    else {
        Py_SETREF(den, _PyLong_Lshift(den, (size_t)-e));
    }
    if (num == NULL || den == NULL) {
        goto done;
    }
    /* value = num / den; scaled = value * 10**ndigits */
    if (ndigits >= 0) {
        Py_SETREF(num, PyNumber_Multiply(num, pow10));
    }
    else {
        Py_SETREF(den, PyNumber_Multiply(den, pow10));
    }
    if (num == NULL || den == NULL) {
        goto done;
    }
    t = _PyLong_DivmodNear(num, den);
    if (t == NULL) {
        goto done;
    }
    PyObject *q = PyTuple_GET_ITEM(t, 0);
    PyObject *r;
    if (ndigits >= 0) {
        r = PyNumber_TrueDivide(q, pow10);
    }
    else {
        PyObject *big = PyNumber_Multiply(q, pow10);
        r = big ? PyNumber_Float(big) : NULL;
        Py_XDECREF(big);
    }
    if (r == NULL) {
        if (PyErr_ExceptionMatches(PyExc_OverflowError)) {
            PyErr_SetString(PyExc_OverflowError, "rounded value too large to represent");
        }
        goto done;
    }
    double rv = PyFloat_AS_DOUBLE(r);
    Py_DECREF(r);
    if (isinf(rv)) {
        PyErr_SetString(PyExc_OverflowError, "rounded value too large to represent");
        goto done;
    }
    result = PyFloat_FromDouble(copysign(rv, x));
done:
    Py_XDECREF(num);
    Py_XDECREF(den);
    Py_XDECREF(pow10);
    Py_XDECREF(ten);
    Py_XDECREF(nd);
    Py_XDECREF(t);
    return result;
}

static PyObject *
float_round(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    double x = PyFloat_AS_DOUBLE(self);
    if (nargs > 1) {
        PyErr_Format(PyExc_TypeError, "__round__ expected at most 1 argument, got %zd", nargs);
        return NULL;
    }
    if (nargs == 0 || args[0] == Py_None) {
        /* round half to even, to an int */
        double rounded = round(x);
        if (fabs(x - rounded) == 0.5) {
            rounded = 2.0 * round(x / 2.0);
        }
        return PyLong_FromDouble(rounded);
    }
    PyObject *ndig = PyNumber_Index(args[0]);
    if (ndig == NULL) {
        return NULL;
    }
    int overflow;
    long long n = PyLong_AsLongLongAndOverflow(ndig, &overflow);
    Py_DECREF(ndig);
    if (overflow) {
        n = overflow > 0 ? 1000 : -1000;
    }
    return double_round(x, n);
}

/* float.hex(): [-]0x1.hhhhhhhhhhhhhp[+-]d */
static PyObject *
float_hex(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    double x = PyFloat_AS_DOUBLE(self);
    if (isnan(x) || isinf(x)) {
        return float_repr(self);
    }
    char buf[64];
    if (x == 0.0) {
        return PyUnicode_FromString(copysign(1.0, x) == -1.0 ? "-0x0.0p+0" : "0x0.0p+0");
    }
    int e;
    double m = frexp(fabs(x), &e);
    int shift = 1 - (DBL_MIN_EXP - e > 0 ? DBL_MIN_EXP - e : 0);
    m = ldexp(m, shift);
    e -= shift;
    char *p = buf;
    if (x < 0) {
        *p++ = '-';
    }
    *p++ = '0';
    *p++ = 'x';
    int d = (int)m;
    *p++ = "0123456789abcdef"[d];
    m -= d;
    *p++ = '.';
    for (int i = 0; i < (DBL_MANT_DIG - 1) / 4; i++) {
        m *= 16.0;
        d = (int)m;
        *p++ = "0123456789abcdef"[d];
        m -= d;
    }
    snprintf(p, sizeof(buf) - (size_t)(p - buf), "p%c%d", e < 0 ? '-' : '+', e < 0 ? -e : e);
    return PyUnicode_FromString(buf);
}

static int
hex_digit(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static PyObject *
float_fromhex(PyObject *type, PyObject *string)
{
    Py_ssize_t len;
    const char *s = PyUnicode_AsUTF8AndSize(string, &len);
    if (s == NULL) {
        return NULL;
    }
    const char *end = s + len;
    while (s < end && (*s == ' ' || (*s >= '\t' && *s <= '\r'))) s++;
    while (end > s && (end[-1] == ' ' || (end[-1] >= '\t' && end[-1] <= '\r'))) end--;
    double result;
    PyObject *resobj = NULL;
    char *pend;
    /* inf / nan */
    if (s < end) {
        char tmp[16];
        Py_ssize_t n = end - s;
        if (n < (Py_ssize_t)sizeof(tmp)) {
            memcpy(tmp, s, (size_t)n);
            tmp[n] = '\0';
            result = _Py_parse_inf_or_nan(tmp, &pend);
            if (pend != tmp && *pend == '\0') {
                resobj = PyFloat_FromDouble(result);
                goto finish;
            }
        }
    }
    int negative = 0;
    const char *p = s;
    if (p < end && (*p == '+' || *p == '-')) {
        negative = *p == '-';
        p++;
    }
    if (end - p >= 2 && p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) {
        p += 2;
    }
    /* mantissa digits, with an optional point */
    char *digits = (char *)PyMem_Malloc((size_t)(end - p) + 2);
    if (digits == NULL) {
        return PyErr_NoMemory();
    }
    Py_ssize_t nd = 0, frac_digits = 0;
    int seen_point = 0;
    while (p < end) {
        if (*p == '.' && !seen_point) {
            seen_point = 1;
        }
        else if (hex_digit(*p) >= 0) {
            digits[nd++] = *p;
            frac_digits += seen_point;
        }
        else {
            break;
        }
        p++;
    }
    long long exp2 = 0;
    if (nd > 0 && p < end && (*p == 'p' || *p == 'P')) {
        p++;
        int eneg = 0;
        if (p < end && (*p == '+' || *p == '-')) {
            eneg = *p == '-';
            p++;
        }
        if (p >= end || *p < '0' || *p > '9') {
            nd = 0;   /* malformed */
        }
        while (p < end && *p >= '0' && *p <= '9') {
            if (exp2 < 1000000000LL) {
                exp2 = exp2 * 10 + (*p - '0');
            }
            p++;
        }
        if (eneg) {
            exp2 = -exp2;
        }
    }
    if (nd == 0 || p != end) {
        PyMem_Free(digits);
        PyErr_SetString(PyExc_ValueError, "invalid hexadecimal floating-point string");
        return NULL;
    }
    digits[nd] = '\0';
    int invalid;
    PyObject *mant = _PyLong_FromASCII(digits, nd, 16, &invalid);
    PyMem_Free(digits);
    if (mant == NULL) {
        return NULL;
    }
    exp2 -= 4 * (long long)frac_digits;
    if (_PyLong_Sign(mant) == 0) {
        result = 0.0;
    }
    else {
        long long bits = (long long)_PyLong_NumBits(mant);
        if (bits + exp2 > DBL_MAX_EXP + 1) {
            Py_DECREF(mant);
            goto overflow;
        }
        if (bits + exp2 < DBL_MIN_EXP - DBL_MANT_DIG - 2) {
            result = 0.0;
        }
        else {
            PyObject *v;
            if (exp2 >= 0) {
                PyObject *sh = _PyLong_Lshift(mant, (size_t)exp2);
                v = sh ? PyNumber_Float(sh) : NULL;
                Py_XDECREF(sh);
            }
            else {
                PyObject *one = PyLong_FromLong(1);
                PyObject *den = one ? _PyLong_Lshift(one, (size_t)-exp2) : NULL;
                Py_XDECREF(one);
                v = den ? PyNumber_TrueDivide(mant, den) : NULL;
                Py_XDECREF(den);
            }
            if (v == NULL) {
                Py_DECREF(mant);
                if (PyErr_ExceptionMatches(PyExc_OverflowError)) {
                    PyErr_Clear();
                    goto overflow;
                }
                return NULL;
            }
            result = PyFloat_AS_DOUBLE(v);
            Py_DECREF(v);
            if (isinf(result)) {
                Py_DECREF(mant);
                goto overflow;
            }
        }
    }
    Py_DECREF(mant);
    resobj = PyFloat_FromDouble(negative ? -result : result);
finish:
    if (resobj != NULL && (PyTypeObject *)type != &PyFloat_Type) {
        Py_SETREF(resobj, PyObject_CallOneArg(type, resobj));
    }
    return resobj;
overflow:
    PyErr_SetString(PyExc_OverflowError,
                    "hexadecimal value too large to represent as a float");
    return NULL;
}

static PyObject *
float_getnewargs(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return Py_BuildValue("(d)", PyFloat_AS_DOUBLE(self));
}

static PyObject *
float_format(PyObject *self, PyObject *spec)
{
    if (!PyUnicode_Check(spec)) {
        PyErr_Format(PyExc_TypeError, "__format__() argument must be str, not %.50s",
                     Py_TYPE(spec)->tp_name);
        return NULL;
    }
    return _PyFloat_FormatSpec(self, spec);
}

static PyObject *
float_get_real(PyObject *self, void *Py_UNUSED(closure))
{
    return float_float(self);
}

static PyObject *
float_get_imag(PyObject *self, void *Py_UNUSED(closure))
{
    return PyFloat_FromDouble(0.0);
}

/* float(x=0.0, /) */
static PyObject *
float_new_impl(PyObject *x)
{
    if (x == NULL) {
        return PyFloat_FromDouble(0.0);
    }
    if (PyFloat_CheckExact(x)) {
        Py_INCREF(x);
        return x;
    }
    if (PyUnicode_Check(x) || PyBytes_Check(x) || PyByteArray_Check(x)) {
        return PyFloat_FromString(x);
    }
    PyNumberMethods *nb = Py_TYPE(x)->tp_as_number;
    if (nb == NULL || (nb->nb_float == NULL && nb->nb_index == NULL)) {
        PyErr_Format(PyExc_TypeError,
                     "float() argument must be a string or a real number, not '%.200s'",
                     Py_TYPE(x)->tp_name);
        return NULL;
    }
    double v = PyFloat_AsDouble(x);
    if (v == -1.0 && PyErr_Occurred()) {
        return NULL;
    }
    return PyFloat_FromDouble(v);
}

static PyObject *
float_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    if (kwds != NULL && PyDict_GET_SIZE(kwds) != 0) {
        PyErr_SetString(PyExc_TypeError, "float() takes no keyword arguments");
        return NULL;
    }
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    if (nargs > 1) {
        PyErr_Format(PyExc_TypeError, "float expected at most 1 argument, got %zd", nargs);
        return NULL;
    }
    PyObject *v = float_new_impl(nargs ? PyTuple_GET_ITEM(args, 0) : NULL);
    if (v == NULL || type == &PyFloat_Type) {
        return v;
    }
    PyObject *newobj = type->tp_alloc(type, 0);
    if (newobj != NULL) {
        FLOAT(newobj)->ob_fval = PyFloat_AS_DOUBLE(v);
    }
    Py_DECREF(v);
    return newobj;
}

/* float.__getformat__(typestr): how C doubles/floats are stored.  The
 * runtime requires IEEE 754 (configure checks it), so only the byte order
 * varies. */
static PyObject *
float_getformat(PyObject *cls, PyObject *arg)
{
    if (!PyUnicode_Check(arg)) {
        PyErr_Format(PyExc_TypeError, "__getformat__() argument must be str, not %.50s",
                     Py_TYPE(arg)->tp_name);
        return NULL;
    }
    if (!PyUnicode_EqualToUTF8(arg, "double") && !PyUnicode_EqualToUTF8(arg, "float")) {
        PyErr_SetString(PyExc_ValueError,
                        "__getformat__() argument 1 must be 'double' or 'float'");
        return NULL;
    }
    const double probe = 1.0;
    unsigned char first;
    memcpy(&first, &probe, 1);
    /* 1.0 is 3f f0 00 .. 00: a zero first byte means little-endian. */
    return PyUnicode_FromString(first == 0 ? "IEEE, little-endian" : "IEEE, big-endian");
}

static PyMethodDef float_methods[] = {
    {"__getformat__", float_getformat, METH_O | METH_CLASS,
     "You probably don't want to use this function.\n\n"
     "It exists mainly to be used in Python's test suite."},
    {"conjugate", float_conjugate, METH_NOARGS, "Return self, the complex conjugate of any float."},
    {"__trunc__", float_trunc, METH_NOARGS, "Return the Integral closest to x between 0 and x."},
    {"__floor__", float_floor, METH_NOARGS, "Return the floor as an Integral."},
    {"__ceil__", float_ceil, METH_NOARGS, "Return the ceiling as an Integral."},
    {"__round__", _PyCFunction_CAST(float_round), METH_FASTCALL,
     "Return the Integral closest to x, rounding half toward even.\n\n"
     "When an argument is passed, work like built-in round(x, ndigits)."},
    {"as_integer_ratio", float_as_integer_ratio, METH_NOARGS,
     "Return integer ratio."},
    {"fromhex", float_fromhex, METH_O | METH_CLASS,
     "Create a floating-point number from a hexadecimal string."},
    {"hex", float_hex, METH_NOARGS, "Return a hexadecimal representation of a floating-point number."},
    {"is_integer", float_is_integer, METH_NOARGS, "Return True if the float is an integer."},
    {"__getnewargs__", float_getnewargs, METH_NOARGS, NULL},
    {"__format__", float_format, METH_O, "Formats the float according to format_spec."},
    {NULL, NULL, 0, NULL}
};

static PyGetSetDef float_getset[] = {
    {"real", float_get_real, NULL, "the real part of a complex number", NULL},
    {"imag", float_get_imag, NULL, "the imaginary part of a complex number", NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

static PyNumberMethods float_as_number = {
    .nb_add = float_add,
    .nb_subtract = float_sub,
    .nb_multiply = float_mul,
    .nb_remainder = float_rem,
    .nb_divmod = float_divmod,
    .nb_power = float_pow,
    .nb_negative = float_neg,
    .nb_positive = float_float,
    .nb_absolute = float_abs,
    .nb_bool = float_bool,
    .nb_int = float_int,
    .nb_float = float_float,
    .nb_floor_divide = float_floor_div,
    .nb_true_divide = float_div,
};

PyTypeObject PyFloat_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "float",
    .tp_basicsize = sizeof(PyFloatObject),
    .tp_dealloc = float_dealloc,
    .tp_repr = float_repr,
    .tp_as_number = &float_as_number,
    .tp_hash = float_hash,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_doc = "Convert a string or number to a floating point number, if possible.",
    .tp_richcompare = float_richcompare,
    .tp_methods = float_methods,
    .tp_getset = float_getset,
    .tp_new = float_new,
    .tp_free = PyObject_Free,
};
