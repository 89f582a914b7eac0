/* cmathmodule.c: the cmath module, mathematical functions for complex
 * numbers.  The values come from C99's <complex.h> (whose Annex G special
 * values and branch cuts are the ones CPython's cmath documents); this file
 * adds Python's argument conversion and turns results that are infinite or
 * NaN for finite arguments into ValueError/OverflowError as cmath does. */
#include "Python.h"
#include <complex.h>
#include <math.h>
#include <errno.h>

static int
to_c(PyObject *arg, double complex *out)
{
    Py_complex c = PyComplex_AsCComplex(arg);
    if (c.real == -1.0 && PyErr_Occurred()) {
        return -1;
    }
    *out = CMPLX(c.real, c.imag);
    return 0;
}

static PyObject *
from_c(double complex z)
{
    return PyComplex_FromDoubles(creal(z), cimag(z));
}

static int
c_isfinite(double complex z)
{
    return isfinite(creal(z)) && isfinite(cimag(z));
}

static int
c_isnan(double complex z)
{
    return isnan(creal(z)) || isnan(cimag(z));
}

enum overflow_kind { OVERFLOW_RANGE, OVERFLOW_DOMAIN };

/* The error cmath reports for a result computed from a finite argument:
 * NaN means a domain error; infinity means overflow, except at the
 * singularities of log/atanh, which are domain errors. */
static PyObject *
checked(double complex arg, double complex r, enum overflow_kind inf_kind)
{
    if (c_isfinite(arg)) {
        if (c_isnan(r)) {
            PyErr_SetString(PyExc_ValueError, "math domain error");
            return NULL;
        }
        if (!c_isfinite(r)) {
            if (inf_kind == OVERFLOW_DOMAIN) {
                PyErr_SetString(PyExc_ValueError, "math domain error");
            }
            else {
                PyErr_SetString(PyExc_OverflowError, "math range error");
            }
            return NULL;
        }
    }
    return from_c(r);
}

#define CMATH_FUNC(name, cfunc, kind)                                   \
    static PyObject *cmath_##name(PyObject *module, PyObject *arg)      \
    {                                                                   \
        double complex z;                                               \
        if (to_c(arg, &z) < 0) {                                        \
            return NULL;                                                \
        }                                                               \
        return checked(z, cfunc(z), kind);                              \
    }

CMATH_FUNC(acos, cacos, OVERFLOW_RANGE)
CMATH_FUNC(acosh, cacosh, OVERFLOW_RANGE)
CMATH_FUNC(asin, casin, OVERFLOW_RANGE)
CMATH_FUNC(asinh, casinh, OVERFLOW_RANGE)
CMATH_FUNC(atan, catan, OVERFLOW_DOMAIN)
CMATH_FUNC(atanh, catanh, OVERFLOW_DOMAIN)
CMATH_FUNC(cos, ccos, OVERFLOW_RANGE)
CMATH_FUNC(cosh, ccosh, OVERFLOW_RANGE)
CMATH_FUNC(exp, cexp, OVERFLOW_RANGE)
CMATH_FUNC(sin, csin, OVERFLOW_RANGE)
CMATH_FUNC(sinh, csinh, OVERFLOW_RANGE)
CMATH_FUNC(sqrt, csqrt, OVERFLOW_RANGE)
CMATH_FUNC(tan, ctan, OVERFLOW_RANGE)
CMATH_FUNC(tanh, ctanh, OVERFLOW_RANGE)

static double complex
c_log10(double complex z)
{
    double complex l = clog(z);
    return CMPLX(creal(l) / M_LN10, cimag(l) / M_LN10);
}

CMATH_FUNC(log10, c_log10, OVERFLOW_DOMAIN)

static PyObject *
cmath_log(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs < 1 || nargs > 2) {
        PyErr_Format(PyExc_TypeError, "log expected %s arguments, got %zd",
                     nargs < 1 ? "at least 1" : "at most 2", nargs);
        return NULL;
    }
    double complex z, b;
    if (to_c(args[0], &z) < 0) {
        return NULL;
    }
    double complex lz = clog(z);
    if (c_isfinite(z) && !c_isfinite(lz)) {
        PyErr_SetString(PyExc_ValueError, "math domain error");
        return NULL;
    }
    if (nargs == 2) {
        if (to_c(args[1], &b) < 0) {
            return NULL;
        }
        double complex lb = clog(b);
        if (c_isfinite(b) && !c_isfinite(lb)) {
            PyErr_SetString(PyExc_ValueError, "math domain error");
            return NULL;
        }
        errno = 0;
        Py_complex q = _Py_c_quot((Py_complex){creal(lz), cimag(lz)},
                                  (Py_complex){creal(lb), cimag(lb)});
        if (errno == EDOM) {
            PyErr_SetString(PyExc_ZeroDivisionError, "complex division by zero");
            return NULL;
        }
        lz = CMPLX(q.real, q.imag);
    }
    return from_c(lz);
}

static PyObject *
cmath_phase(PyObject *module, PyObject *arg)
{
    double complex z;
    if (to_c(arg, &z) < 0) {
        return NULL;
    }
    return PyFloat_FromDouble(carg(z));
}

static PyObject *
cmath_polar(PyObject *module, PyObject *arg)
{
    double complex z;
    if (to_c(arg, &z) < 0) {
        return NULL;
    }
    double r = cabs(z);
    if (c_isfinite(z) && isinf(r)) {
        PyErr_SetString(PyExc_OverflowError, "math range error");
        return NULL;
    }
    return Py_BuildValue("(dd)", r, carg(z));
}

static int
to_double(PyObject *o, double *out)
{
    *out = PyFloat_AsDouble(o);
    return (*out == -1.0 && PyErr_Occurred()) ? -1 : 0;
}

static PyObject *
cmath_rect(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2) {
        PyErr_Format(PyExc_TypeError, "rect expected 2 arguments, got %zd", nargs);
        return NULL;
    }
    double r, phi;
    if (to_double(args[0], &r) < 0 || to_double(args[1], &phi) < 0) {
        return NULL;
    }
    if (isinf(phi) && isfinite(r) && r != 0.0) {
        PyErr_SetString(PyExc_ValueError, "math domain error");
        return NULL;
    }
    double re, im;
    if (r == 0.0 && !isnan(phi)) {
        /* Keep signed zeros: rect(0, phi) is 0 in the direction of phi. */
        re = isfinite(phi) ? r * cos(phi) : r;
        im = isfinite(phi) ? r * sin(phi) : r;
    }
    else {
        re = r * cos(phi);
        im = r * sin(phi);
    }
    return PyComplex_FromDoubles(re, im);
}

static PyObject *
cmath_isfinite(PyObject *module, PyObject *arg)
{
    double complex z;
    if (to_c(arg, &z) < 0) {
        return NULL;
    }
    return PyBool_FromLong(c_isfinite(z));
}

static PyObject *
cmath_isnan(PyObject *module, PyObject *arg)
{
    double complex z;
    if (to_c(arg, &z) < 0) {
        return NULL;
    }
    return PyBool_FromLong(c_isnan(z));
}

static PyObject *
cmath_isinf(PyObject *module, PyObject *arg)
{
    double complex z;
    if (to_c(arg, &z) < 0) {
        return NULL;
    }
    return PyBool_FromLong(isinf(creal(z)) || isinf(cimag(z)));
}

static PyObject *
cmath_isclose(PyObject *module, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"a", "b", "rel_tol", "abs_tol", NULL};
    PyObject *ao, *bo;
    double rel_tol = 1e-09, abs_tol = 0.0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "OO|$dd:isclose", kwlist, &ao, &bo, &rel_tol,
                                     &abs_tol)) {
        return NULL;
    }
    double complex a, b;
    if (to_c(ao, &a) < 0 || to_c(bo, &b) < 0) {
        return NULL;
    }
    if (rel_tol < 0.0 || abs_tol < 0.0) {
        PyErr_SetString(PyExc_ValueError, "tolerances must be non-negative");
        return NULL;
    }
    if (creal(a) == creal(b) && cimag(a) == cimag(b)) {
        Py_RETURN_TRUE;
    }
    /* Infinities are close only to themselves (handled above). */
    if (isinf(creal(a)) || isinf(cimag(a)) || isinf(creal(b)) || isinf(cimag(b))) {
        Py_RETURN_FALSE;
    }
    double diff = cabs(a - b);
    return PyBool_FromLong((diff <= rel_tol * cabs(b) || diff <= rel_tol * cabs(a)) ||
                           diff <= abs_tol);
}

static PyMethodDef cmath_methods[] = {
    {"acos", cmath_acos, METH_O, "Return the arc cosine of z."},
    {"acosh", cmath_acosh, METH_O, "Return the inverse hyperbolic cosine of z."},
    {"asin", cmath_asin, METH_O, "Return the arc sine of z."},
    {"asinh", cmath_asinh, METH_O, "Return the inverse hyperbolic sine of z."},
    {"atan", cmath_atan, METH_O, "Return the arc tangent of z."},
    {"atanh", cmath_atanh, METH_O, "Return the inverse hyperbolic tangent of z."},
    {"cos", cmath_cos, METH_O, "Return the cosine of z."},
    {"cosh", cmath_cosh, METH_O, "Return the hyperbolic cosine of z."},
    {"exp", cmath_exp, METH_O, "Return the exponential value e**z."},
    {"isclose", (PyCFunction)(void (*)(void))cmath_isclose, METH_VARARGS | METH_KEYWORDS,
     "Determine whether two complex numbers are close in value."},
    {"isfinite", cmath_isfinite, METH_O,
     "Return True if both the real and imaginary parts of z are finite, else False."},
    {"isinf", cmath_isinf, METH_O,
     "Checks if the real or imaginary part of z is infinite."},
    {"isnan", cmath_isnan, METH_O, "Checks if the real or imaginary part of z not a number (NaN)."},
    {"log", (PyCFunction)(void (*)(void))cmath_log, METH_FASTCALL,
     "log(z[, base]) -> the logarithm of z to the given base."},
    {"log10", cmath_log10, METH_O, "Return the base-10 logarithm of z."},
    {"phase", cmath_phase, METH_O, "Return argument, also known as the phase angle, of a complex."},
    {"polar", cmath_polar, METH_O, "Convert a complex from rectangular coordinates to polar coordinates."},
    {"rect", (PyCFunction)(void (*)(void))cmath_rect, METH_FASTCALL,
     "Convert from polar coordinates to rectangular coordinates."},
    {"sin", cmath_sin, METH_O, "Return the sine of z."},
    {"sinh", cmath_sinh, METH_O, "Return the hyperbolic sine of z."},
    {"sqrt", cmath_sqrt, METH_O, "Return the square root of z."},
    {"tan", cmath_tan, METH_O, "Return the tangent of z."},
    {"tanh", cmath_tanh, METH_O, "Return the hyperbolic tangent of z."},
    {NULL, NULL, 0, NULL},
};

static int
cmath_exec(PyObject *module)
{
    if (PyModule_Add(module, "pi", PyFloat_FromDouble(3.141592653589793238462643383279502884)) < 0 ||
        PyModule_Add(module, "e", PyFloat_FromDouble(2.718281828459045235360287471352662498)) < 0 ||
        PyModule_Add(module, "tau", PyFloat_FromDouble(6.283185307179586476925286766559005768)) < 0 ||
        PyModule_Add(module, "inf", PyFloat_FromDouble(INFINITY)) < 0 ||
        PyModule_Add(module, "infj", PyComplex_FromDoubles(0.0, INFINITY)) < 0 ||
        PyModule_Add(module, "nan", PyFloat_FromDouble(NAN)) < 0 ||
        PyModule_Add(module, "nanj", PyComplex_FromDoubles(0.0, NAN)) < 0) {
        return -1;
    }
    return 0;
}

static PyModuleDef_Slot cmath_slots[] = {
    {Py_mod_exec, cmath_exec},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef cmathmodule = {
    PyModuleDef_HEAD_INIT,
    .m_name = "cmath",
    .m_doc = "This module provides access to mathematical functions for complex\nnumbers.",
    .m_size = 0,
    .m_methods = cmath_methods,
    .m_slots = cmath_slots,
};

PyMODINIT_FUNC PyInit_cmath(void)
{
    return PyModuleDef_Init(&cmathmodule);
}
