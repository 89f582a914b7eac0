/* mathmodule.c: the `math` module (CPython 3.13's function list and error
 * messages).  Float functions wrap libm and turn NaN/inf results into
 * "math domain error" (ValueError) or "math range error" (OverflowError) by
 * CPython's rules; the integer functions (gcd, lcm, isqrt, factorial, comb,
 * perm) work on int objects exactly; fsum is Shewchuk's exact summation. */
#include "Python.h"
#include <math.h>
#include <float.h>
#include <errno.h>
#include <stdint.h>

static PyObject *
domain_error(void)
{
    PyErr_SetString(PyExc_ValueError, "math domain error");
    return NULL;
}

static PyObject *
range_error(void)
{
    PyErr_SetString(PyExc_OverflowError, "math range error");
    return NULL;
}

/* Classify the result r of f(x) as CPython does: a NaN from a non-NaN input
 * is a domain error; an infinity from a finite input is a range error when
 * the function can overflow, else a domain error (log(0)). */
static PyObject *
float_result(double x, double r, int can_overflow)
{
    if (isnan(r) && !isnan(x)) {
        return domain_error();
    }
    if (isinf(r) && isfinite(x)) {
        return can_overflow ? range_error() : domain_error();
    }
    return PyFloat_FromDouble(r);
}

static int
as_double(PyObject *o, double *out)
{
    double v = PyFloat_AsDouble(o);
    if (v == -1.0 && PyErr_Occurred()) {
        return -1;
    }
    *out = v;
    return 0;
}

#define MATH_1(NAME, EXPR, OVF)                                  \
    static PyObject *math_##NAME(PyObject *m, PyObject *arg)     \
    {                                                            \
        double x;                                                \
        if (as_double(arg, &x) < 0) {                            \
            return NULL;                                         \
        }                                                        \
        errno = 0;                                               \
        double r = EXPR;                                         \
        return float_result(x, r, OVF);                          \
    }

MATH_1(acos, acos(x), 0)
MATH_1(acosh, acosh(x), 0)
MATH_1(asin, asin(x), 0)
MATH_1(asinh, asinh(x), 0)
MATH_1(atan, atan(x), 0)
MATH_1(atanh, atanh(x), 0)
MATH_1(cbrt, cbrt(x), 0)
MATH_1(cos, cos(x), 0)
MATH_1(cosh, cosh(x), 1)
MATH_1(erf, erf(x), 0)
MATH_1(erfc, erfc(x), 0)
MATH_1(exp, exp(x), 1)
MATH_1(exp2, exp2(x), 1)
MATH_1(expm1, expm1(x), 1)
MATH_1(fabs, fabs(x), 0)
MATH_1(log1p, log1p(x), 0)
MATH_1(sin, sin(x), 0)
MATH_1(sinh, sinh(x), 1)
MATH_1(sqrt, sqrt(x), 0)
MATH_1(tan, tan(x), 0)
MATH_1(tanh, tanh(x), 0)

static const double degToRad = 3.141592653589793238462643383279502884197 / 180.0;
static const double radToDeg = 180.0 / 3.141592653589793238462643383279502884197;
static PyObject *
math_degrees(PyObject *m, PyObject *arg)
{
    double x;
    if (as_double(arg, &x) < 0) {
        return NULL;
    }
    return PyFloat_FromDouble(x * radToDeg);
}

static PyObject *
math_radians(PyObject *m, PyObject *arg)
{
    double x;
    if (as_double(arg, &x) < 0) {
        return NULL;
    }
    return PyFloat_FromDouble(x * degToRad);
}

/* gamma and lgamma use the Lanczos approximation with the same g and
 * coefficients as CPython (Boost's 13-term set), so results agree to the
 * last bit rather than depending on the platform's libm. */
#define LANCZOS_N 13
static const double lanczos_g = 6.024680040776729583740234375;
static const double lanczos_g_minus_half = 5.524680040776729583740234375;
static const double lanczos_num[LANCZOS_N] = {
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408,
};
/* Denominator: the coefficients of x(x+1)...(x+11), lowest first. */
static const double lanczos_den[LANCZOS_N] = {
    0.0, 39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0,
    13339535.0, 2637558.0, 357423.0, 32670.0, 1925.0, 66.0, 1.0,
};
static const double pi_d = 3.141592653589793238462643383279502884197;
static const double logpi = 1.144729885849400174143427351353058711647;

static double
lanczos_sum(double x)
{
    double num = 0.0, den = 0.0;
    if (x < 5.0) {
        for (int i = LANCZOS_N - 1; i >= 0; i--) {
            num = num * x + lanczos_num[i];
            den = den * x + lanczos_den[i];
        }
    }
    else {
        for (int i = 0; i < LANCZOS_N; i++) {
            num = num / x + lanczos_num[i];
            den = den / x + lanczos_den[i];
        }
    }
    return num / den;
}

/* sin(pi * x), accurate for large x. */
static double
sinpi(double x)
{
    double y = fmod(fabs(x), 2.0);
    int n = (int)round(2.0 * y);
    double r;
    switch (n) {
    case 0: r = sin(pi_d * y); break;
    case 1: r = cos(pi_d * (y - 0.5)); break;
    case 2: r = sin(pi_d * (1.0 - y)); break;
    case 3: r = -cos(pi_d * (y - 1.5)); break;
    default: r = sin(pi_d * (y - 2.0)); break;
    }
    return copysign(1.0, x) * r;
}

static PyObject *
math_gamma(PyObject *m, PyObject *arg)
{
    double x;
    if (as_double(arg, &x) < 0) {
        return NULL;
    }
    if (!isfinite(x)) {
        if (isnan(x) || x > 0) {
            return PyFloat_FromDouble(x);
        }
        return domain_error();
    }
    if (x == 0.0) {
        return domain_error();
    }
    if (x == floor(x)) {
        if (x < 0.0) {
            return domain_error();
        }
        if (x <= 23.0) {
            double f = 1.0;
            for (int i = 2; i < (int)x; i++) {
                f *= i;
            }
            return PyFloat_FromDouble(f);
        }
    }
    double absx = fabs(x);
    if (absx < 1e-20) {
        double r = 1.0 / x;
        return isinf(r) ? range_error() : PyFloat_FromDouble(r);
    }
    if (absx > 200.0) {
        if (x < 0.0) {
            return PyFloat_FromDouble(0.0 / sinpi(x));
        }
        return range_error();
    }
    double y = absx + lanczos_g_minus_half;
    double q, z, r;
    if (absx > lanczos_g_minus_half) {
        q = y - absx;
        z = q - lanczos_g_minus_half;
    }
    else {
        q = y - lanczos_g_minus_half;
        z = q - absx;
    }
    z = z * lanczos_g / y;
    if (x < 0.0) {
        r = -pi_d / sinpi(absx) / absx * exp(y) / lanczos_sum(absx);
        r -= z * r;
        if (absx < 140.0) {
            r /= pow(y, absx - 0.5);
        }
        else {
            double sqrtpow = pow(y, absx / 2.0 - 0.25);
            r /= sqrtpow;
            r /= sqrtpow;
        }
    }
    else {
        r = lanczos_sum(absx) / exp(y);
        r += z * r;
        if (absx < 140.0) {
            r *= pow(y, absx - 0.5);
        }
        else {
            double sqrtpow = pow(y, absx / 2.0 - 0.25);
            r *= sqrtpow;
            r *= sqrtpow;
        }
    }
    if (isinf(r)) {
        return range_error();
    }
    return PyFloat_FromDouble(r);
}

static PyObject *
math_lgamma(PyObject *m, PyObject *arg)
{
    double x;
    if (as_double(arg, &x) < 0) {
        return NULL;
    }
    if (!isfinite(x)) {
        return PyFloat_FromDouble(isnan(x) ? x : INFINITY);
    }
    if (x == floor(x) && x <= 2.0) {
        if (x <= 0.0) {
            return domain_error();
        }
        return PyFloat_FromDouble(0.0);
    }
    double absx = fabs(x);
    if (absx < 1e-20) {
        return PyFloat_FromDouble(-log(absx));
    }
    double r = log(lanczos_sum(absx)) - lanczos_g;
    r += (absx - 0.5) * (log(absx + lanczos_g - 0.5) - 1.0);
    if (x < 0.0) {
        r = logpi - log(fabs(sinpi(absx))) - log(absx) - r;
    }
    if (isinf(r)) {
        return range_error();
    }
    return PyFloat_FromDouble(r);
}

/* ---- floor / ceil / trunc ---- */

static PyObject *
lookup_special(PyObject *obj, const char *name)
{
    PyObject *key = PyUnicode_InternFromString(name);
    if (key == NULL) {
        return NULL;
    }
    PyObject *meth = _PyType_LookupRef(Py_TYPE(obj), key);
    Py_DECREF(key);
    return meth;
}

static PyObject *
call_special(PyObject *meth, PyObject *obj)
{
    descrgetfunc f = Py_TYPE(meth)->tp_descr_get;
    PyObject *res;
    if (f != NULL) {
        PyObject *bound = f(meth, obj, (PyObject *)Py_TYPE(obj));
        Py_DECREF(meth);
        if (bound == NULL) {
            return NULL;
        }
        res = PyObject_CallNoArgs(bound);
        Py_DECREF(bound);
    }
    else {
        res = PyObject_CallOneArg(meth, obj);
        Py_DECREF(meth);
    }
    return res;
}

static PyObject *
round_via(PyObject *arg, const char *special, double (*f)(double))
{
    if (PyFloat_CheckExact(arg)) {
        return PyLong_FromDouble(f(PyFloat_AS_DOUBLE(arg)));
    }
    if (PyLong_CheckExact(arg)) {
        return Py_NewRef(arg);
    }
    PyObject *meth = lookup_special(arg, special);
    if (meth != NULL) {
        return call_special(meth, arg);
    }
    if (PyErr_Occurred()) {
        return NULL;
    }
    double x;
    if (as_double(arg, &x) < 0) {
        return NULL;
    }
    return PyLong_FromDouble(f(x));
}

static PyObject *
math_floor(PyObject *m, PyObject *arg)
{
    return round_via(arg, "__floor__", floor);
}

static PyObject *
math_ceil(PyObject *m, PyObject *arg)
{
    return round_via(arg, "__ceil__", ceil);
}

static PyObject *
math_trunc(PyObject *m, PyObject *arg)
{
    if (PyFloat_CheckExact(arg)) {
        return PyLong_FromDouble(trunc(PyFloat_AS_DOUBLE(arg)));
    }
    if (PyLong_CheckExact(arg)) {
        return Py_NewRef(arg);
    }
    PyObject *meth = lookup_special(arg, "__trunc__");
    if (meth == NULL) {
        if (!PyErr_Occurred()) {
            PyErr_Format(PyExc_TypeError, "type %.100s doesn't define __trunc__ method",
                         Py_TYPE(arg)->tp_name);
        }
        return NULL;
    }
    return call_special(meth, arg);
}

/* ---- two-argument float functions ---- */

static int
two_doubles(const char *name, PyObject *const *args, Py_ssize_t nargs, double *x, double *y)
{
    if (!_PyArg_CheckPositional(name, nargs, 2, 2)) {
        return -1;
    }
    if (as_double(args[0], x) < 0 || as_double(args[1], y) < 0) {
        return -1;
    }
    return 0;
}

static PyObject *
math_atan2(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    double y, x;
    if (two_doubles("atan2", args, nargs, &y, &x) < 0) {
        return NULL;
    }
    return PyFloat_FromDouble(atan2(y, x));
}

static PyObject *
math_copysign(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    double x, y;
    if (two_doubles("copysign", args, nargs, &x, &y) < 0) {
        return NULL;
    }
    return PyFloat_FromDouble(copysign(x, y));
}

static PyObject *
math_fmod(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    double x, y;
    if (two_doubles("fmod", args, nargs, &x, &y) < 0) {
        return NULL;
    }
    if (isinf(y) && isfinite(x)) {
        return PyFloat_FromDouble(x);
    }
    double r = fmod(x, y);
    if (isnan(r) && !isnan(x) && !isnan(y)) {
        return domain_error();
    }
    return PyFloat_FromDouble(r);
}

static PyObject *
math_remainder(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    double x, y;
    if (two_doubles("remainder", args, nargs, &x, &y) < 0) {
        return NULL;
    }
    if (isnan(x) || isnan(y)) {
        return PyFloat_FromDouble(isnan(x) ? x : y);
    }
    if (isinf(x) || y == 0.0) {
        return domain_error();
    }
    if (isinf(y)) {
        return PyFloat_FromDouble(x);
    }
    return PyFloat_FromDouble(remainder(x, y));
}

static PyObject *
math_pow(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    double x, y, r;
    if (two_doubles("pow", args, nargs, &x, &y) < 0) {
        return NULL;
    }
    /* The IEEE special cases first, as C99 Annex F defines them. */
    if (!isfinite(x) || !isfinite(y)) {
        errno = 0;
        if (isnan(x)) {
            r = y == 0.0 ? 1.0 : x;
        }
        else if (isnan(y)) {
            r = x == 1.0 ? 1.0 : y;
        }
        else {
            r = pow(x, y);
        }
        return PyFloat_FromDouble(r);
    }
    if (x == 0.0 && y < 0.0) {
        return domain_error();
    }
    if (x < 0.0 && y != floor(y)) {
        return domain_error();
    }
    r = pow(x, y);
    if (isinf(r)) {
        return range_error();
    }
    return PyFloat_FromDouble(r);
}

static PyObject *
math_ldexp(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("ldexp", nargs, 2, 2)) {
        return NULL;
    }
    double x;
    if (as_double(args[0], &x) < 0) {
        return NULL;
    }
    if (!PyLong_Check(args[1])) {
        PyErr_SetString(PyExc_TypeError, "Expected an int as second argument to ldexp.");
        return NULL;
    }
    int overflow;
    long e = PyLong_AsLongAndOverflow(args[1], &overflow);
    if (e == -1 && PyErr_Occurred()) {
        return NULL;
    }
    if (overflow) {
        e = overflow > 0 ? LONG_MAX : LONG_MIN;
    }
    if (x == 0.0 || !isfinite(x)) {
        return PyFloat_FromDouble(x);
    }
    if (e > INT_MAX) {
        return range_error();
    }
    if (e < INT_MIN) {
        return PyFloat_FromDouble(copysign(0.0, x));
    }
    double r = ldexp(x, (int)e);
    if (isinf(r)) {
        return range_error();
    }
    return PyFloat_FromDouble(r);
}

static PyObject *
math_frexp(PyObject *m, PyObject *arg)
{
    double x;
    if (as_double(arg, &x) < 0) {
        return NULL;
    }
    int e = 0;
    double mant = x;
    if (isfinite(x) && x != 0.0) {
        mant = frexp(x, &e);
    }
    return Py_BuildValue("(di)", mant, e);
}

static PyObject *
math_modf(PyObject *m, PyObject *arg)
{
    double x;
    if (as_double(arg, &x) < 0) {
        return NULL;
    }
    if (isinf(x)) {
        return Py_BuildValue("(dd)", copysign(0.0, x), x);
    }
    double ip;
    double fp = modf(x, &ip);
    return Py_BuildValue("(dd)", fp, ip);
}

static PyObject *
bool_of(int v)
{
    return Py_NewRef(v ? Py_True : Py_False);
}

static PyObject *
math_isnan(PyObject *m, PyObject *arg)
{
    double x;
    if (as_double(arg, &x) < 0) {
        return NULL;
    }
    return bool_of(isnan(x));
}

static PyObject *
math_isinf(PyObject *m, PyObject *arg)
{
    double x;
    if (as_double(arg, &x) < 0) {
        return NULL;
    }
    return bool_of(isinf(x));
}

static PyObject *
math_isfinite(PyObject *m, PyObject *arg)
{
    double x;
    if (as_double(arg, &x) < 0) {
        return NULL;
    }
    return bool_of(isfinite(x));
}

static PyObject *
math_isclose(PyObject *m, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"a", "b", "rel_tol", "abs_tol", NULL};
    double a, b, rel_tol = 1e-09, abs_tol = 0.0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "dd|$dd:isclose", kwlist, &a, &b, &rel_tol,
                                     &abs_tol)) {
        return NULL;
    }
    if (rel_tol < 0.0 || abs_tol < 0.0) {
        PyErr_SetString(PyExc_ValueError, "tolerances must be non-negative");
        return NULL;
    }
    if (a == b) {
        Py_RETURN_TRUE;
    }
    if (isinf(a) || isinf(b)) {
        Py_RETURN_FALSE;
    }
    double diff = fabs(b - a);
    return bool_of((diff <= fabs(rel_tol * b)) || (diff <= fabs(rel_tol * a)) ||
                   (diff <= abs_tol));
}

/* nextafter with a step count, on the ordered integer image of doubles. */
static int64_t
double_to_ordered(double x)
{
    int64_t i;
    memcpy(&i, &x, sizeof i);
    return i < 0 ? INT64_MIN - i : i;
}

static double
ordered_to_double(int64_t i)
{
    if (i < 0) {
        i = INT64_MIN - i;
    }
    double x;
    memcpy(&x, &i, sizeof x);
    return x;
}

static PyObject *
math_nextafter(PyObject *m, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"", "", "steps", NULL};
    double x, y;
    PyObject *steps = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "dd|$O:nextafter", kwlist, &x, &y, &steps)) {
        return NULL;
    }
    if (steps == Py_None) {
        return PyFloat_FromDouble(nextafter(x, y));
    }
    PyObject *n = PyNumber_Index(steps);
    if (n == NULL) {
        return NULL;
    }
    if (_PyLong_Sign(n) < 0) {
        Py_DECREF(n);
        PyErr_SetString(PyExc_ValueError, "steps must be a non-negative integer");
        return NULL;
    }
    unsigned long long usteps = PyLong_AsUnsignedLongLong(n);
    Py_DECREF(n);
    if (usteps == (unsigned long long)-1 && PyErr_Occurred()) {
        if (!PyErr_ExceptionMatches(PyExc_OverflowError)) {
            return NULL;
        }
        PyErr_Clear();
        usteps = ULLONG_MAX;
    }
    if (usteps == 0) {
        return PyFloat_FromDouble(x);
    }
    if (isnan(x)) {
        return PyFloat_FromDouble(x);
    }
    if (isnan(y)) {
        return PyFloat_FromDouble(y);
    }
    int64_t ix = double_to_ordered(x), iy = double_to_ordered(y);
    if (ix == iy) {
        return PyFloat_FromDouble(y);
    }
    uint64_t dist = ix < iy ? (uint64_t)iy - (uint64_t)ix : (uint64_t)ix - (uint64_t)iy;
    if (usteps >= dist) {
        return PyFloat_FromDouble(y);
    }
    int64_t r = ix < iy ? (int64_t)((uint64_t)ix + usteps) : (int64_t)((uint64_t)ix - usteps);
    return PyFloat_FromDouble(ordered_to_double(r));
}

static PyObject *
math_ulp(PyObject *m, PyObject *arg)
{
    double x;
    if (as_double(arg, &x) < 0) {
        return NULL;
    }
    if (isnan(x)) {
        return PyFloat_FromDouble(x);
    }
    x = fabs(x);
    if (isinf(x)) {
        return PyFloat_FromDouble(x);
    }
    double x2 = nextafter(x, INFINITY);
    if (isinf(x2)) {
        x2 = nextafter(x, -INFINITY);
        return PyFloat_FromDouble(x - x2);
    }
    return PyFloat_FromDouble(x2 - x);
}

/* ---- logarithms (ints too big for a double work through frexp) ---- */

static int
log_helper(PyObject *arg, double (*func)(double), double *out)
{
    if (PyLong_Check(arg)) {
        if (_PyLong_Sign(arg) <= 0) {
            domain_error();
            return -1;
        }
        double x = PyLong_AsDouble(arg);
        if (x == -1.0 && PyErr_Occurred()) {
            if (!PyErr_ExceptionMatches(PyExc_OverflowError)) {
                return -1;
            }
            PyErr_Clear();
            Py_ssize_t e;
            x = _PyLong_Frexp((PyLongObject *)arg, &e);
            if (x == -1.0 && PyErr_Occurred()) {
                return -1;
            }
            *out = func(x) + func(2.0) * (double)e;
            return 0;
        }
        *out = func(x);
        return 0;
    }
    double x;
    if (as_double(arg, &x) < 0) {
        return -1;
    }
    if (isnan(x)) {
        *out = x;
        return 0;
    }
    if (x <= 0.0) {
        domain_error();
        return -1;
    }
    *out = func(x);
    return 0;
}

static PyObject *
math_log(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("log", nargs, 1, 2)) {
        return NULL;
    }
    double num, den;
    if (log_helper(args[0], log, &num) < 0) {
        return NULL;
    }
    if (nargs == 1) {
        return PyFloat_FromDouble(num);
    }
    if (log_helper(args[1], log, &den) < 0) {
        return NULL;
    }
    if (den == 0.0) {
        PyErr_SetString(PyExc_ZeroDivisionError, "float division by zero");
        return NULL;
    }
    return PyFloat_FromDouble(num / den);
}

#define MATH_LOG(NAME)                                   \
    static PyObject *math_##NAME(PyObject *m, PyObject *arg) \
    {                                                    \
        double r;                                        \
        if (log_helper(arg, NAME, &r) < 0) {             \
            return NULL;                                 \
        }                                                \
        return PyFloat_FromDouble(r);                    \
    }
MATH_LOG(log2)
MATH_LOG(log10)

/* ---- fsum: exact sum of partials (Shewchuk), correctly rounded ---- */

static PyObject *
math_fsum(PyObject *m, PyObject *seq)
{
    PyObject *it = PyObject_GetIter(seq);
    if (it == NULL) {
        return NULL;
    }
    double stack_p[32];
    double *p = stack_p;
    Py_ssize_t n = 0, cap = 32;
    double special_sum = 0.0, inf_sum = 0.0;
    PyObject *item;
    PyObject *res = NULL;
    while ((item = PyIter_Next(it)) != NULL) {
        double x = PyFloat_AsDouble(item);
        Py_DECREF(item);
        if (x == -1.0 && PyErr_Occurred()) {
            goto done;
        }
        double xsave = x;
        Py_ssize_t i = 0;
        for (Py_ssize_t j = 0; j < n; j++) {
            double y = p[j];
            if (fabs(x) < fabs(y)) {
                double t = x;
                x = y;
                y = t;
            }
            double hi = x + y;
            double lo = y - (hi - x);
            if (lo != 0.0) {
                p[i++] = lo;
            }
            x = hi;
        }
        n = i;
        if (x != 0.0) {
            if (!isfinite(x)) {
                /* Inf or NaN input, or an intermediate overflow. */
                if (isfinite(xsave)) {
                    PyErr_SetString(PyExc_OverflowError, "intermediate overflow in fsum");
                    goto done;
                }
                if (isinf(xsave)) {
                    inf_sum += xsave;
                }
                special_sum += xsave;
                n = 0;
            }
            else {
                if (n >= cap) {
                    Py_ssize_t ncap = cap * 2;
                    double *np = PyMem_Malloc((size_t)ncap * sizeof(double));
                    if (np == NULL) {
                        PyErr_NoMemory();
                        goto done;
                    }
                    memcpy(np, p, (size_t)n * sizeof(double));
                    if (p != stack_p) {
                        PyMem_Free(p);
                    }
                    p = np;
                    cap = ncap;
                }
                p[n++] = x;
            }
        }
    }
    if (PyErr_Occurred()) {
        goto done;
    }
    if (special_sum != 0.0) {
        if (isnan(inf_sum)) {
            PyErr_SetString(PyExc_ValueError, "-inf + inf in fsum");
        }
        else {
            res = PyFloat_FromDouble(special_sum);
        }
        goto done;
    }
    double hi = 0.0;
    if (n > 0) {
        double lo = 0.0;
        hi = p[--n];
        /* Add the partials from the top while the sum stays exact. */
        while (n > 0) {
            double x = hi;
            double y = p[--n];
            hi = x + y;
            double yr = hi - x;
            lo = y - yr;
            if (lo != 0.0) {
                break;
            }
        }
        /* Half-way case: round the right way using the next partial. */
        if (n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0))) {
            double y = lo * 2.0;
            double x = hi + y;
            double yr = x - hi;
            if (y == yr) {
                hi = x;
            }
        }
    }
    res = PyFloat_FromDouble(hi);
done:
    if (p != stack_p) {
        PyMem_Free(p);
    }
    Py_DECREF(it);
    return res;
}

/* ---- vector norms: hypot(*coords), dist(p, q) ---- */

/* sqrt(sum(x*x)) of non-negative finite values with max `maxv`, scaled by
 * a power of two so that nothing overflows, with a compensated sum. */
static double
vector_norm(Py_ssize_t n, double *vec, double maxv, int found_nan)
{
    if (isinf(maxv)) {
        return maxv;
    }
    if (found_nan) {
        return NAN;
    }
    if (maxv == 0.0 || n <= 1) {
        return maxv;
    }
    int e;
    frexp(maxv, &e);
    if (e < -1023) {
        /* subnormal max: scale up first */
        for (Py_ssize_t i = 0; i < n; i++) {
            vec[i] /= DBL_MIN;
        }
        return DBL_MIN * vector_norm(n, vec, maxv / DBL_MIN, 0);
    }
    double scale = ldexp(1.0, -e);
    double sum = 0.0, comp = 0.0;
    for (Py_ssize_t i = 0; i < n; i++) {
        double x = vec[i] * scale;
        double sq = x * x;
        double sq_err = fma(x, x, -sq);
        /* Neumaier's two-sum of sum + sq, and of the square's error. */
        double t = sum + sq;
        if (fabs(sum) >= fabs(sq)) {
            comp += (sum - t) + sq;
        }
        else {
            comp += (sq - t) + sum;
        }
        sum = t;
        comp += sq_err;
    }
    double total = sum + comp;
    double h = sqrt(total);
    /* One Newton correction on the exact residual. */
    double hsq = h * h;
    double hsq_err = fma(h, h, -hsq);
    double resid = ((sum - hsq) + comp) - hsq_err;
    h += resid / (2.0 * h);
    return h / scale;
}

static PyObject *
math_hypot(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    double stack[16];
    double *vec = nargs > 16 ? PyMem_Malloc((size_t)nargs * sizeof(double)) : stack;
    if (vec == NULL) {
        return PyErr_NoMemory();
    }
    double maxv = 0.0;
    int found_nan = 0;
    for (Py_ssize_t i = 0; i < nargs; i++) {
        double x;
        if (as_double(args[i], &x) < 0) {
            if (vec != stack) {
                PyMem_Free(vec);
            }
            return NULL;
        }
        x = fabs(x);
        vec[i] = x;
        found_nan |= isnan(x);
        if (x > maxv) {
            maxv = x;
        }
    }
    double r = vector_norm(nargs, vec, maxv, found_nan);
    if (vec != stack) {
        PyMem_Free(vec);
    }
    return PyFloat_FromDouble(r);
}

static PyObject *
math_dist(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("dist", nargs, 2, 2)) {
        return NULL;
    }
    PyObject *p = args[0], *q = args[1];
    if (!PyTuple_Check(p)) {
        p = PySequence_Tuple(p);
        if (p == NULL) {
            return NULL;
        }
    }
    else {
        Py_INCREF(p);
    }
    if (!PyTuple_Check(q)) {
        q = PySequence_Tuple(q);
        if (q == NULL) {
            Py_DECREF(p);
            return NULL;
        }
    }
    else {
        Py_INCREF(q);
    }
    PyObject *res = NULL;
    Py_ssize_t n = PyTuple_GET_SIZE(p);
    double stack[16];
    double *vec = stack;
    if (n != PyTuple_GET_SIZE(q)) {
        PyErr_SetString(PyExc_ValueError, "both points must have the same number of dimensions");
        goto done;
    }
    if (n > 16) {
        vec = PyMem_Malloc((size_t)n * sizeof(double));
        if (vec == NULL) {
            PyErr_NoMemory();
            goto done;
        }
    }
    double maxv = 0.0;
    int found_nan = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        double px, qx;
        if (as_double(PyTuple_GET_ITEM(p, i), &px) < 0 ||
            as_double(PyTuple_GET_ITEM(q, i), &qx) < 0) {
            goto done;
        }
        double x = fabs(px - qx);
        vec[i] = x;
        found_nan |= isnan(x);
        if (x > maxv) {
            maxv = x;
        }
    }
    res = PyFloat_FromDouble(vector_norm(n, vec, maxv, found_nan));
done:
    if (vec != stack) {
        PyMem_Free(vec);
    }
    Py_DECREF(p);
    Py_DECREF(q);
    return res;
}

/* ---- integer functions ---- */

static PyObject *
math_gcd(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs == 0) {
        return PyLong_FromLong(0);
    }
    PyObject *res = PyNumber_Index(args[0]);
    if (res == NULL) {
        return NULL;
    }
    if (nargs == 1) {
        Py_SETREF(res, PyNumber_Absolute(res));
        return res;
    }
    for (Py_ssize_t i = 1; i < nargs; i++) {
        PyObject *x = PyNumber_Index(args[i]);
        if (x == NULL) {
            Py_DECREF(res);
            return NULL;
        }
        if (res == _PyLong_GetOne()) {
            Py_DECREF(x);
            continue;   /* still validate the remaining arguments */
        }
        Py_SETREF(res, _PyLong_GCD(res, x));
        Py_DECREF(x);
        if (res == NULL) {
            return NULL;
        }
    }
    return res;
}

static PyObject *
lcm2(PyObject *a, PyObject *b)
{
    if (_PyLong_Sign(a) == 0 || _PyLong_Sign(b) == 0) {
        return PyLong_FromLong(0);
    }
    PyObject *g = _PyLong_GCD(a, b);
    if (g == NULL) {
        return NULL;
    }
    PyObject *q = PyNumber_FloorDivide(a, g);
    Py_DECREF(g);
    if (q == NULL) {
        return NULL;
    }
    PyObject *r = PyNumber_Multiply(q, b);
    Py_DECREF(q);
    if (r == NULL) {
        return NULL;
    }
    Py_SETREF(r, PyNumber_Absolute(r));
    return r;
}

static PyObject *
math_lcm(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs == 0) {
        return PyLong_FromLong(1);
    }
    PyObject *res = PyNumber_Index(args[0]);
    if (res == NULL) {
        return NULL;
    }
    if (nargs == 1) {
        Py_SETREF(res, PyNumber_Absolute(res));
        return res;
    }
    for (Py_ssize_t i = 1; i < nargs; i++) {
        PyObject *x = PyNumber_Index(args[i]);
        if (x == NULL) {
            Py_DECREF(res);
            return NULL;
        }
        Py_SETREF(res, lcm2(res, x));
        Py_DECREF(x);
        if (res == NULL) {
            return NULL;
        }
    }
    return res;
}

static PyObject *
math_isqrt(PyObject *m, PyObject *arg)
{
    PyObject *n = PyNumber_Index(arg);
    if (n == NULL) {
        return NULL;
    }
    int sign = _PyLong_Sign(n);
    if (sign < 0) {
        Py_DECREF(n);
        PyErr_SetString(PyExc_ValueError, "isqrt() argument must be nonnegative");
        return NULL;
    }
    if (sign == 0) {
        return n;
    }
    size_t bits = _PyLong_NumBits(n);
    if (bits <= 64) {
        unsigned long long v = PyLong_AsUnsignedLongLong(n);
        Py_DECREF(n);
        unsigned long long r = (unsigned long long)sqrtl((long double)v);
        while (r > 0 && (r > 0xFFFFFFFFULL || r * r > v)) {
            r--;
        }
        while ((r + 1) <= 0xFFFFFFFFULL && (r + 1) * (r + 1) <= v) {
            r++;
        }
        return PyLong_FromUnsignedLongLong(r);
    }
    /* Newton's iteration from an overestimate decreases to floor(sqrt(n)). */
    PyObject *x = _PyLong_Lshift(_PyLong_GetOne(), (bits + 1) / 2 + 1);
    if (x == NULL) {
        Py_DECREF(n);
        return NULL;
    }
    for (;;) {
        PyObject *q = PyNumber_FloorDivide(n, x);
        PyObject *s = q ? PyNumber_Add(x, q) : NULL;
        Py_XDECREF(q);
        PyObject *y = s ? _PyLong_Rshift(s, 1) : NULL;
        Py_XDECREF(s);
        if (y == NULL) {
            Py_DECREF(x);
            Py_DECREF(n);
            return NULL;
        }
        int ge = PyObject_RichCompareBool(y, x, Py_GE);
        if (ge != 0) {
            Py_DECREF(y);
            Py_DECREF(n);
            if (ge < 0) {
                Py_DECREF(x);
                return NULL;
            }
            return x;
        }
        Py_SETREF(x, y);
    }
}

/* Product of the integers in [lo, hi) as an int, by halving the range so
 * the multiplications stay balanced. */
static PyObject *
range_product(unsigned long long lo, unsigned long long hi)
{
    if (hi <= lo) {
        return PyLong_FromLong(1);
    }
    if (hi - lo <= 8) {
        PyObject *acc = PyLong_FromUnsignedLongLong(lo);
        for (unsigned long long i = lo + 1; acc != NULL && i < hi; i++) {
            PyObject *v = PyLong_FromUnsignedLongLong(i);
            if (v == NULL) {
                Py_DECREF(acc);
                return NULL;
            }
            Py_SETREF(acc, PyNumber_Multiply(acc, v));
            Py_DECREF(v);
        }
        return acc;
    }
    unsigned long long mid = lo + (hi - lo) / 2;
    PyObject *a = range_product(lo, mid);
    if (a == NULL) {
        return NULL;
    }
    PyObject *b = range_product(mid, hi);
    if (b == NULL) {
        Py_DECREF(a);
        return NULL;
    }
    PyObject *r = PyNumber_Multiply(a, b);
    Py_DECREF(a);
    Py_DECREF(b);
    return r;
}

static PyObject *
math_factorial(PyObject *m, PyObject *arg)
{
    int overflow;
    if (PyFloat_Check(arg)) {
        PyErr_SetString(PyExc_TypeError, "'float' object cannot be interpreted as an integer");
        return NULL;
    }
    PyObject *n = PyNumber_Index(arg);
    if (n == NULL) {
        return NULL;
    }
    long long x = PyLong_AsLongLongAndOverflow(n, &overflow);
    Py_DECREF(n);
    if (x == -1 && PyErr_Occurred()) {
        return NULL;
    }
    if (overflow > 0) {
        PyErr_Format(PyExc_OverflowError, "factorial() argument should not exceed %lld",
                     (long long)LLONG_MAX);
        return NULL;
    }
    if (overflow < 0 || x < 0) {
        PyErr_SetString(PyExc_ValueError, "factorial() not defined for negative values");
        return NULL;
    }
    return range_product(1, (unsigned long long)x + 1);
}

/* Parse n and k for comb/perm: non-negative ints. */
static int
comb_args(PyObject *narg, PyObject *karg, PyObject **n, PyObject **k)
{
    *n = PyNumber_Index(narg);
    if (*n == NULL) {
        return -1;
    }
    *k = PyNumber_Index(karg);
    if (*k == NULL) {
        Py_DECREF(*n);
        return -1;
    }
    if (_PyLong_Sign(*n) < 0) {
        PyErr_SetString(PyExc_ValueError, "n must be a non-negative integer");
        goto fail;
    }
    if (_PyLong_Sign(*k) < 0) {
        PyErr_SetString(PyExc_ValueError, "k must be a non-negative integer");
        goto fail;
    }
    return 0;
fail:
    Py_DECREF(*n);
    Py_DECREF(*k);
    return -1;
}

/* Product n * (n-1) * ... * (n-k+1) for a big n and small k. */
static PyObject *
falling_product(PyObject *n, long long k)
{
    PyObject *acc = PyLong_FromLong(1);
    PyObject *cur = Py_NewRef(n);
    for (long long i = 0; acc != NULL && i < k; i++) {
        Py_SETREF(acc, PyNumber_Multiply(acc, cur));
        if (acc == NULL) {
            break;
        }
        Py_SETREF(cur, PyNumber_Subtract(cur, _PyLong_GetOne()));
        if (cur == NULL) {
            Py_CLEAR(acc);
        }
    }
    Py_XDECREF(cur);
    return acc;
}

static PyObject *
math_perm(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("perm", nargs, 1, 2)) {
        return NULL;
    }
    if (nargs == 1 || args[1] == Py_None) {
        return math_factorial(m, args[0]);
    }
    PyObject *n, *k;
    if (comb_args(args[0], args[1], &n, &k) < 0) {
        return NULL;
    }
    PyObject *res = NULL;
    int cmp = PyObject_RichCompareBool(n, k, Py_LT);
    if (cmp != 0) {
        res = cmp > 0 ? PyLong_FromLong(0) : NULL;
        goto done;
    }
    int overflow;
    long long kk = PyLong_AsLongLongAndOverflow(k, &overflow);
    if (overflow) {
        PyErr_Format(PyExc_OverflowError, "k must not exceed %lld", (long long)LLONG_MAX);
        goto done;
    }
    long long nn = PyLong_AsLongLongAndOverflow(n, &overflow);
    if (!overflow && nn >= 0) {
        res = range_product((unsigned long long)(nn - kk + 1), (unsigned long long)nn + 1);
    }
    else {
        res = falling_product(n, kk);
    }
done:
    Py_DECREF(n);
    Py_DECREF(k);
    return res;
}

static PyObject *
math_comb(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("comb", nargs, 2, 2)) {
        return NULL;
    }
    PyObject *n, *k;
    if (comb_args(args[0], args[1], &n, &k) < 0) {
        return NULL;
    }
    PyObject *res = NULL;
    PyObject *nk = PyNumber_Subtract(n, k);
    if (nk == NULL) {
        goto done;
    }
    if (_PyLong_Sign(nk) < 0) {
        res = PyLong_FromLong(0);
        Py_DECREF(nk);
        goto done;
    }
    /* k = min(k, n - k) */
    if (PyObject_RichCompareBool(nk, k, Py_LT) > 0) {
        Py_SETREF(k, nk);
    }
    else {
        Py_DECREF(nk);
    }
    int overflow;
    long long kk = PyLong_AsLongLongAndOverflow(k, &overflow);
    if (overflow) {
        PyErr_Format(PyExc_OverflowError, "min(n - k, k) must not exceed %lld",
                     (long long)LLONG_MAX);
        goto done;
    }
    /* result = prod_{i=1..k} (n - k + i) / i, exact at every step. */
    res = PyLong_FromLong(1);
    PyObject *base = PyNumber_Subtract(n, k);
    for (long long i = 1; res != NULL && base != NULL && i <= kk; i++) {
        PyObject *iv = PyLong_FromLongLong(i);
        PyObject *t = iv ? PyNumber_Add(base, iv) : NULL;
        if (t == NULL) {
            Py_XDECREF(iv);
            Py_CLEAR(res);
            break;
        }
        Py_SETREF(res, PyNumber_Multiply(res, t));
        Py_DECREF(t);
        if (res != NULL) {
            Py_SETREF(res, PyNumber_FloorDivide(res, iv));
        }
        Py_DECREF(iv);
    }
    if (base == NULL) {
        Py_CLEAR(res);
    }
    Py_XDECREF(base);
done:
    Py_DECREF(n);
    Py_DECREF(k);
    return res;
}

static PyObject *
math_prod(PyObject *m, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"", "start", NULL};
    PyObject *iterable, *start = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|$O:prod", kwlist, &iterable, &start)) {
        return NULL;
    }
    PyObject *it = PyObject_GetIter(iterable);
    if (it == NULL) {
        return NULL;
    }
    PyObject *res = start ? Py_NewRef(start) : PyLong_FromLong(1);
    PyObject *item;
    while (res != NULL && (item = PyIter_Next(it)) != NULL) {
        Py_SETREF(res, PyNumber_Multiply(res, item));
        Py_DECREF(item);
    }
    Py_DECREF(it);
    if (PyErr_Occurred()) {
        Py_XDECREF(res);
        return NULL;
    }
    return res;
}

/* sumprod: exact for ints; floats accumulate the products and their
 * rounding errors (fma) in a compensated sum; anything else falls back to
 * generic arithmetic. */
static PyObject *
math_sumprod(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("sumprod", nargs, 2, 2)) {
        return NULL;
    }
    PyObject *p = PyObject_GetIter(args[0]);
    if (p == NULL) {
        return NULL;
    }
    PyObject *q = PyObject_GetIter(args[1]);
    if (q == NULL) {
        Py_DECREF(p);
        return NULL;
    }
    PyObject *total = PyLong_FromLong(0);
    double fsum = 0.0, fcomp = 0.0;
    int float_mode = 0;   /* floats seen: fsum/fcomp hold their part */
    PyObject *res = NULL;
    for (;;) {
        PyObject *a = PyIter_Next(p);
        if (a == NULL && PyErr_Occurred()) {
            goto done;
        }
        PyObject *b = PyIter_Next(q);
        if (b == NULL && PyErr_Occurred()) {
            Py_XDECREF(a);
            goto done;
        }
        if (a == NULL || b == NULL) {
            if (a != NULL || b != NULL) {
                Py_XDECREF(a);
                Py_XDECREF(b);
                PyErr_SetString(PyExc_ValueError, "Inputs are not the same length");
                goto done;
            }
            break;
        }
        int handled = 0;
        if ((PyFloat_CheckExact(a) || PyLong_CheckExact(a)) &&
            (PyFloat_CheckExact(b) || PyLong_CheckExact(b)) &&
            (PyFloat_CheckExact(a) || PyFloat_CheckExact(b))) {
            double x = PyFloat_AsDouble(a), y = PyFloat_AsDouble(b);
            if (PyErr_Occurred()) {
                PyErr_Clear();
            }
            else {
                double pr = x * y;
                double err = fma(x, y, -pr);
                double t = fsum + pr;
                if (fabs(fsum) >= fabs(pr)) {
                    fcomp += (fsum - t) + pr;
                }
                else {
                    fcomp += (pr - t) + fsum;
                }
                fsum = t;
                fcomp += err;
                float_mode = 1;
                handled = 1;
            }
        }
        if (!handled) {
            PyObject *prod = PyNumber_Multiply(a, b);
            if (prod == NULL) {
                Py_DECREF(a);
                Py_DECREF(b);
                goto done;
            }
            Py_SETREF(total, PyNumber_Add(total, prod));
            Py_DECREF(prod);
        }
        Py_DECREF(a);
        Py_DECREF(b);
        if (total == NULL) {
            goto done;
        }
    }
    if (float_mode) {
        PyObject *f = PyFloat_FromDouble(fsum + fcomp);
        if (f == NULL) {
            goto done;
        }
        if (PyLong_CheckExact(total) && _PyLong_Sign(total) == 0) {
            res = f;
        }
        else {
            res = PyNumber_Add(total, f);
            Py_DECREF(f);
        }
    }
    else {
        res = Py_NewRef(total);
    }
done:
    Py_XDECREF(total);
    Py_DECREF(p);
    Py_DECREF(q);
    return res;
}

static PyMethodDef math_methods[] = {
    {"acos", math_acos, METH_O, "Return the arc cosine (measured in radians) of x."},
    {"acosh", math_acosh, METH_O, "Return the inverse hyperbolic cosine of x."},
    {"asin", math_asin, METH_O, "Return the arc sine (measured in radians) of x."},
    {"asinh", math_asinh, METH_O, "Return the inverse hyperbolic sine of x."},
    {"atan", math_atan, METH_O, "Return the arc tangent (measured in radians) of x."},
    {"atan2", (PyCFunction)(void (*)(void))math_atan2, METH_FASTCALL,
     "Return the arc tangent (measured in radians) of y/x."},
    {"atanh", math_atanh, METH_O, "Return the inverse hyperbolic tangent of x."},
    {"cbrt", math_cbrt, METH_O, "Return the cube root of x."},
    {"ceil", math_ceil, METH_O, "Return the ceiling of x as an Integral."},
    {"comb", (PyCFunction)(void (*)(void))math_comb, METH_FASTCALL,
     "Number of ways to choose k items from n items without repetition and without order."},
    {"copysign", (PyCFunction)(void (*)(void))math_copysign, METH_FASTCALL,
     "Return a float with the magnitude (absolute value) of x but the sign of y."},
    {"cos", math_cos, METH_O, "Return the cosine of x (measured in radians)."},
    {"cosh", math_cosh, METH_O, "Return the hyperbolic cosine of x."},
    {"degrees", math_degrees, METH_O, "Convert angle x from radians to degrees."},
    {"dist", (PyCFunction)(void (*)(void))math_dist, METH_FASTCALL,
     "Return the Euclidean distance between two points p and q."},
    {"erf", math_erf, METH_O, "Error function at x."},
    {"erfc", math_erfc, METH_O, "Complementary error function at x."},
    {"exp", math_exp, METH_O, "Return e raised to the power of x."},
    {"exp2", math_exp2, METH_O, "Return 2 raised to the power of x."},
    {"expm1", math_expm1, METH_O, "Return exp(x)-1."},
    {"fabs", math_fabs, METH_O, "Return the absolute value of the float x."},
    {"factorial", math_factorial, METH_O, "Find n!."},
    {"floor", math_floor, METH_O, "Return the floor of x as an Integral."},
    {"fmod", (PyCFunction)(void (*)(void))math_fmod, METH_FASTCALL,
     "Return fmod(x, y), according to platform C."},
    {"frexp", math_frexp, METH_O, "Return the mantissa and exponent of x, as pair (m, e)."},
    {"fsum", math_fsum, METH_O, "Return an accurate floating-point sum of values in the iterable seq."},
    {"gamma", math_gamma, METH_O, "Gamma function at x."},
    {"gcd", (PyCFunction)(void (*)(void))math_gcd, METH_FASTCALL,
     "Greatest Common Divisor."},
    {"hypot", (PyCFunction)(void (*)(void))math_hypot, METH_FASTCALL,
     "Multidimensional Euclidean distance from the origin to a point."},
    {"isclose", (PyCFunction)(void (*)(void))math_isclose, METH_VARARGS | METH_KEYWORDS,
     "Determine whether two floating-point numbers are close in value."},
    {"isfinite", math_isfinite, METH_O, "Return True if x is neither an infinity nor a NaN, and False otherwise."},
    {"isinf", math_isinf, METH_O, "Return True if x is a positive or negative infinity, and False otherwise."},
    {"isnan", math_isnan, METH_O, "Return True if x is a NaN (not a number), and False otherwise."},
    {"isqrt", math_isqrt, METH_O, "Return the integer part of the square root of the input."},
    {"lcm", (PyCFunction)(void (*)(void))math_lcm, METH_FASTCALL, "Least Common Multiple."},
    {"ldexp", (PyCFunction)(void (*)(void))math_ldexp, METH_FASTCALL,
     "Return x * (2**i)."},
    {"lgamma", math_lgamma, METH_O, "Natural logarithm of absolute value of Gamma function at x."},
    {"log", (PyCFunction)(void (*)(void))math_log, METH_FASTCALL,
     "log(x, [base=math.e])\nReturn the logarithm of x to the given base."},
    {"log10", math_log10, METH_O, "Return the base 10 logarithm of x."},
    {"log1p", math_log1p, METH_O, "Return the natural logarithm of 1+x (base e)."},
    {"log2", math_log2, METH_O, "Return the base 2 logarithm of x."},
    {"modf", math_modf, METH_O, "Return the fractional and integer parts of x."},
    {"nextafter", (PyCFunction)(void (*)(void))math_nextafter, METH_VARARGS | METH_KEYWORDS,
     "Return the floating-point value the given number of steps after x towards y."},
    {"perm", (PyCFunction)(void (*)(void))math_perm, METH_FASTCALL,
     "Number of ways to choose k items from n items without repetition and with order."},
    {"pow", (PyCFunction)(void (*)(void))math_pow, METH_FASTCALL, "Return x**y (x to the power of y)."},
    {"prod", (PyCFunction)(void (*)(void))math_prod, METH_VARARGS | METH_KEYWORDS,
     "Calculate the product of all the elements in the input iterable."},
    {"radians", math_radians, METH_O, "Convert angle x from degrees to radians."},
    {"remainder", (PyCFunction)(void (*)(void))math_remainder, METH_FASTCALL,
     "Difference between x and the closest integer multiple of y."},
    {"sin", math_sin, METH_O, "Return the sine of x (measured in radians)."},
    {"sinh", math_sinh, METH_O, "Return the hyperbolic sine of x."},
    {"sqrt", math_sqrt, METH_O, "Return the square root of x."},
    {"sumprod", (PyCFunction)(void (*)(void))math_sumprod, METH_FASTCALL,
     "Return the sum of products of values from two iterables p and q."},
    {"tan", math_tan, METH_O, "Return the tangent of x (measured in radians)."},
    {"tanh", math_tanh, METH_O, "Return the hyperbolic tangent of x."},
    {"trunc", math_trunc, METH_O, "Truncates the Real x to the nearest Integral toward 0."},
    {"ulp", math_ulp, METH_O, "Return the value of the least significant bit of the float x."},
    {NULL, NULL, 0, NULL},
};

static int
math_exec(PyObject *module)
{
    if (PyModule_Add(module, "pi", PyFloat_FromDouble(3.141592653589793238462643383279502884)) < 0 ||
        PyModule_Add(module, "e", PyFloat_FromDouble(2.718281828459045235360287471352662498)) < 0 ||
        PyModule_Add(module, "tau", PyFloat_FromDouble(6.283185307179586476925286766559005768)) < 0 ||
        PyModule_Add(module, "inf", PyFloat_FromDouble(INFINITY)) < 0 ||
        PyModule_Add(module, "nan", PyFloat_FromDouble(NAN)) < 0) {
        return -1;
    }
    return 0;
}

static PyModuleDef_Slot math_slots[] = {
    {Py_mod_exec, math_exec},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static PyModuleDef mathmodule = {
    PyModuleDef_HEAD_INIT,
    .m_name = "math",
    .m_doc = "This module provides access to the mathematical functions\n"
             "defined by the C standard.",
    .m_size = 0,
    .m_methods = math_methods,
    .m_slots = math_slots,
};

PyMODINIT_FUNC PyInit_math(void)
{
    return PyModuleDef_Init(&mathmodule);
}
