/* complexobject.c: the `complex` type and C-level complex arithmetic.
 *
 * Division uses Smith's method (scale by the larger component of the
 * divisor) to avoid needless overflow; integral exponents up to 100 are
 * computed by repeated squaring so that (1j)**2 == -1 exactly.  Only == and
 * != compare.  Errors in the C helpers are reported through errno.
 */
#include "Python.h"
#include "pycore_object.h"
#include "pycore_format.h"
#include "pycore_long.h"

#include <float.h>
#include <math.h>

#define CVAL(op) (((PyComplexObject *)(op))->cval)

static const Py_complex c_1 = {1.0, 0.0};

Py_complex
_Py_c_sum(Py_complex a, Py_complex b)
{
    Py_complex r = {a.real + b.real, a.imag + b.imag};
    return r;
}

Py_complex
_Py_c_diff(Py_complex a, Py_complex b)
{
    Py_complex r = {a.real - b.real, a.imag - b.imag};
    return r;
}

Py_complex
_Py_c_neg(Py_complex a)
{
    Py_complex r = {-a.real, -a.imag};
    return r;
}

Py_complex
_Py_c_prod(Py_complex a, Py_complex b)
{
    Py_complex r = {a.real * b.real - a.imag * b.imag,
                    a.real * b.imag + a.imag * b.real};
    return r;
}

Py_complex
_Py_c_quot(Py_complex a, Py_complex b)
{
    Py_complex r;
    double abs_breal = fabs(b.real), abs_bimag = fabs(b.imag);
    if (abs_breal >= abs_bimag) {
        if (abs_breal == 0.0) {
            errno = EDOM;
            r.real = r.imag = 0.0;
        }
        else {
            double ratio = b.imag / b.real;
            double denom = b.real + b.imag * ratio;
            r.real = (a.real + a.imag * ratio) / denom;
            r.imag = (a.imag - a.real * ratio) / denom;
        }
    }
    else if (abs_bimag >= abs_breal) {
        double ratio = b.real / b.imag;
        double denom = b.real * ratio + b.imag;
        r.real = (a.real * ratio + a.imag) / denom;
        r.imag = (a.imag * ratio - a.real) / denom;
    }
    else {
        /* a NaN in b */
        r.real = r.imag = Py_NAN;
    }
    return r;
}

Py_complex
_Py_c_pow(Py_complex a, Py_complex b)
{
    Py_complex r;
    if (b.real == 0.0 && b.imag == 0.0) {
        return c_1;
    }
    if (a.real == 0.0 && a.imag == 0.0) {
        if (b.imag != 0.0 || b.real < 0.0) {
            errno = EDOM;
        }
        r.real = r.imag = 0.0;
        return r;
    }
    double vabs = hypot(a.real, a.imag);
    double len = pow(vabs, b.real);
    double at = atan2(a.imag, a.real);
    double phase = at * b.real;
    if (b.imag != 0.0) {
        len /= exp(at * b.imag);
        phase += b.imag * log(vabs);
    }
    r.real = len * cos(phase);
    r.imag = len * sin(phase);
    return r;
}

static Py_complex
c_powu(Py_complex x, long n)
{
    Py_complex r = c_1, p = x;
    for (long mask = 1; mask > 0 && n >= mask; mask <<= 1) {
        if (n & mask) {
            r = _Py_c_prod(r, p);
        }
        p = _Py_c_prod(p, p);
    }
    return r;
}

static Py_complex
c_powi(Py_complex x, long n)
{
    if (n > 0) {
        return c_powu(x, n);
    }
    return _Py_c_quot(c_1, c_powu(x, -n));
}

double
_Py_c_abs(Py_complex z)
{
    if (!isfinite(z.real) || !isfinite(z.imag)) {
        /* C99 rules: inf wins over nan */
        if (isinf(z.real)) {
            errno = 0;
            return fabs(z.real);
        }
        if (isinf(z.imag)) {
            errno = 0;
            return fabs(z.imag);
        }
        return Py_NAN;
    }
    double result = hypot(z.real, z.imag);
    errno = isfinite(result) ? 0 : ERANGE;
    return result;
}

/* ---- objects ----------------------------------------------------------- */

static PyObject *
complex_subtype_from_c_complex(PyTypeObject *type, Py_complex c)
{
    PyObject *op;
    if (type == &PyComplex_Type) {
        op = (PyObject *)PyObject_Malloc(sizeof(PyComplexObject));
        if (op == NULL) {
            return PyErr_NoMemory();
        }
        PyObject_Init(op, &PyComplex_Type);
    }
    else {
        op = type->tp_alloc(type, 0);
        if (op == NULL) {
            return NULL;
        }
    }
    CVAL(op) = c;
    return op;
}

PyObject *
PyComplex_FromCComplex(Py_complex c)
{
    return complex_subtype_from_c_complex(&PyComplex_Type, c);
}

PyObject *
PyComplex_FromDoubles(double real, double imag)
{
    Py_complex c = {real, imag};
    return PyComplex_FromCComplex(c);
}

static void
complex_dealloc(PyObject *op)
{
    if (PyComplex_CheckExact(op)) {
        PyObject_Free(op);
    }
    else {
        Py_TYPE(op)->tp_free(op);
    }
}

/* obj.__complex__() if the type defines it: 1 and *out set, 0 if there is
 * no such method, -1 on error. */
static int
try_complex_special(PyObject *op, Py_complex *out)
{
    PyObject *name = PyUnicode_InternFromString("__complex__");
    if (name == NULL) {
        return -1;
    }
    PyObject *f = _PyObject_LookupSpecial(op, name);
    Py_DECREF(name);
    if (f == NULL) {
        return PyErr_Occurred() ? -1 : 0;
    }
    PyObject *res = PyObject_CallNoArgs(f);
    Py_DECREF(f);
    if (res == NULL) {
        return -1;
    }
    if (!PyComplex_Check(res)) {
        PyErr_Format(PyExc_TypeError, "__complex__ returned non-complex (type %.200s)",
                     Py_TYPE(res)->tp_name);
        Py_DECREF(res);
        return -1;
    }
    *out = CVAL(res);
    Py_DECREF(res);
    return 1;
}

Py_complex
PyComplex_AsCComplex(PyObject *op)
{
    Py_complex cv = {-1.0, 0.0};
    if (PyComplex_Check(op)) {
        return CVAL(op);
    }
    int r = try_complex_special(op, &cv);
    if (r != 0) {
        if (r < 0) {
            cv.real = -1.0;
            cv.imag = 0.0;
        }
        return cv;
    }
    cv.real = PyFloat_AsDouble(op);
    cv.imag = 0.0;
    return cv;
}

double
PyComplex_RealAsDouble(PyObject *op)
{
    if (PyComplex_Check(op)) {
        return CVAL(op).real;
    }
    return PyFloat_AsDouble(op);
}

double
PyComplex_ImagAsDouble(PyObject *op)
{
    if (PyComplex_Check(op)) {
        return CVAL(op).imag;
    }
    return 0.0;
}

static PyObject *
complex_repr(PyObject *v)
{
    Py_complex c = CVAL(v);
    char *re = NULL, *im = NULL;
    PyObject *result = NULL;
    if (c.real == 0.0 && copysign(1.0, c.real) == 1.0) {
        im = PyOS_double_to_string(c.imag, 'r', 0, 0, NULL);
        if (im == NULL) {
            return NULL;
        }
        result = PyUnicode_FromFormat("%sj", im);
    }
    else {
        re = PyOS_double_to_string(c.real, 'r', 0, 0, NULL);
        im = PyOS_double_to_string(c.imag, 'r', 0, Py_DTSF_SIGN, NULL);
        if (re != NULL && im != NULL) {
            result = PyUnicode_FromFormat("(%s%sj)", re, im);
        }
    }
    PyMem_Free(re);
    PyMem_Free(im);
    return result;
}

static Py_hash_t
complex_hash(PyObject *v)
{
    Py_uhash_t hashreal = (Py_uhash_t)_Py_HashDouble(v, CVAL(v).real);
    if (hashreal == (Py_uhash_t)-1) {
        return -1;
    }
    Py_uhash_t hashimag = (Py_uhash_t)_Py_HashDouble(v, CVAL(v).imag);
    if (hashimag == (Py_uhash_t)-1) {
        return -1;
    }
    Py_uhash_t combined = hashreal + _PyHASH_IMAG * hashimag;
    if (combined == (Py_uhash_t)-1) {
        combined = (Py_uhash_t)-2;
    }
    return (Py_hash_t)combined;
}

/* 1 and *pc set for complex, float and int operands; 0 otherwise. */
static int
to_complex(PyObject *obj, Py_complex *pc)
{
    pc->imag = 0.0;
    if (PyComplex_Check(obj)) {
        *pc = CVAL(obj);
        return 1;
    }
    if (PyLong_Check(obj)) {
        pc->real = PyLong_AsDouble(obj);
        if (pc->real == -1.0 && PyErr_Occurred()) {
            return -1;
        }
        return 1;
    }
    if (PyFloat_Check(obj)) {
        pc->real = PyFloat_AS_DOUBLE(obj);
        return 1;
    }
    return 0;
}

#define TO_COMPLEX(obj, c) \
    do { \
        int _r = to_complex((obj), &(c)); \
        if (_r < 0) { \
            return NULL; \
        } \
        if (_r == 0) { \
            Py_RETURN_NOTIMPLEMENTED; \
        } \
    } while (0)

static PyObject *
complex_add(PyObject *v, PyObject *w)
{
    Py_complex a, b;
    TO_COMPLEX(v, a);
    TO_COMPLEX(w, b);
    return PyComplex_FromCComplex(_Py_c_sum(a, b));
}

static PyObject *
complex_sub(PyObject *v, PyObject *w)
{
    Py_complex a, b;
    TO_COMPLEX(v, a);
    TO_COMPLEX(w, b);
    return PyComplex_FromCComplex(_Py_c_diff(a, b));
}

static PyObject *
complex_mul(PyObject *v, PyObject *w)
{
    Py_complex a, b;
    TO_COMPLEX(v, a);
    TO_COMPLEX(w, b);
    return PyComplex_FromCComplex(_Py_c_prod(a, b));
}

static PyObject *
complex_div(PyObject *v, PyObject *w)
{
    Py_complex a, b;
    TO_COMPLEX(v, a);
    TO_COMPLEX(w, b);
    errno = 0;
    Py_complex q = _Py_c_quot(a, b);
    if (errno == EDOM) {
        PyErr_SetString(PyExc_ZeroDivisionError, "complex division by zero");
        return NULL;
    }
    return PyComplex_FromCComplex(q);
}

static PyObject *
complex_pow(PyObject *v, PyObject *w, PyObject *z)
{
    Py_complex a, b, p;
    TO_COMPLEX(v, a);
    TO_COMPLEX(w, b);
    if (z != Py_None) {
        PyErr_SetString(PyExc_ValueError, "complex modulo");
        return NULL;
    }
    errno = 0;
    if (b.imag == 0.0 && b.real == floor(b.real) && fabs(b.real) <= 100.0) {
        p = c_powi(a, (long)b.real);
    }
    else {
        p = _Py_c_pow(a, b);
    }
    if (errno == EDOM) {
        PyErr_SetString(PyExc_ZeroDivisionError, "0.0 to a negative or complex power");
        return NULL;
    }
    if (errno == ERANGE || (!isfinite(p.real) || !isfinite(p.imag))) {
        if (isfinite(a.real) && isfinite(a.imag) && isfinite(b.real) && isfinite(b.imag) &&
            !(isnan(p.real) || isnan(p.imag))) {
            PyErr_SetString(PyExc_OverflowError, "complex exponentiation");
            return NULL;
        }
    }
    return PyComplex_FromCComplex(p);
}

static PyObject *
complex_neg(PyObject *v)
{
    return PyComplex_FromCComplex(_Py_c_neg(CVAL(v)));
}

static PyObject *
complex_pos(PyObject *v)
{
    if (PyComplex_CheckExact(v)) {
        Py_INCREF(v);
        return v;
    }
    return PyComplex_FromCComplex(CVAL(v));
}

static PyObject *
complex_abs(PyObject *v)
{
    errno = 0;
    double result = _Py_c_abs(CVAL(v));
    if (errno == ERANGE) {
        PyErr_SetString(PyExc_OverflowError, "absolute value too large");
        return NULL;
    }
    return PyFloat_FromDouble(result);
}

static int
complex_bool(PyObject *v)
{
    return CVAL(v).real != 0.0 || CVAL(v).imag != 0.0;
}

static PyObject *
complex_richcompare(PyObject *v, PyObject *w, int op)
{
    if (op != Py_EQ && op != Py_NE) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    Py_complex i = CVAL(v);
    int equal;
    if (PyLong_Check(w)) {
        /* exact comparison of the real part with the int */
        if (i.imag == 0.0 && !isnan(i.real)) {
            equal = _PyLong_CompareWithDouble(w, i.real) == 0;
        }
        else {
            equal = 0;
        }
    }
    else if (PyFloat_Check(w)) {
        equal = (i.real == PyFloat_AS_DOUBLE(w) && i.imag == 0.0);
    }
    else if (PyComplex_Check(w)) {
        Py_complex j = CVAL(w);
        equal = (i.real == j.real && i.imag == j.imag);
    }
    else {
        Py_RETURN_NOTIMPLEMENTED;
    }
    return PyBool_FromLong(op == Py_EQ ? equal : !equal);
}

static PyObject *
complex_conjugate(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    Py_complex c = CVAL(self);
    c.imag = -c.imag;
    return PyComplex_FromCComplex(c);
}

static PyObject *
complex_getnewargs(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return Py_BuildValue("(dd)", CVAL(self).real, CVAL(self).imag);
}

static PyObject *
complex_format(PyObject *self, PyObject *spec)
{
    if (!PyUnicode_Check(spec)) {
        PyErr_Format(PyExc_TypeError, "__format__() argument must be str, not %.50s",
                     Py_TYPE(spec)->tp_name);
        return NULL;
    }
    return _PyComplex_FormatSpec(self, spec);
}

static PyObject *
complex_complex(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return complex_pos(self);
}

static PyObject *
complex_get_real(PyObject *self, void *Py_UNUSED(closure))
{
    return PyFloat_FromDouble(CVAL(self).real);
}

static PyObject *
complex_get_imag(PyObject *self, void *Py_UNUSED(closure))
{
    return PyFloat_FromDouble(CVAL(self).imag);
}

/* ---- complex(str) -------------------------------------------------------- */

static int
is_ws(char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

/* Parse a number with PyOS_string_to_double; returns 1 and advances *ps
 * when one was found, 0 otherwise (no exception left behind). */
static int
parse_double(const char **ps, double *out)
{
    char *end;
    double x = PyOS_string_to_double(*ps, &end, NULL);
    if (end == *ps) {
        PyErr_Clear();
        return 0;
    }
    *out = x;
    *ps = end;
    return 1;
}

static PyObject *
complex_from_string_inner(const char *s, Py_ssize_t len, void *type)
{
    const char *start = s, *end = s + len;
    double x = 0.0, y = 0.0, z;
    int got_bracket = 0;
    while (s < end && is_ws(*s)) {
        s++;
    }
    if (s < end && *s == '(') {
        got_bracket = 1;
        s++;
        while (s < end && is_ws(*s)) {
            s++;
        }
    }
    if (parse_double(&s, &z)) {
        if (*s == '+' || *s == '-') {
            /* <float><signed-float>j or <float><sign>j */
            x = z;
            if (parse_double(&s, &y)) {
                /* s is past the imaginary part */
            }
            else {
                y = (*s == '+') ? 1.0 : -1.0;
                s++;
            }
            if (!(*s == 'j' || *s == 'J')) {
                goto error;
            }
            s++;
        }
        else if (*s == 'j' || *s == 'J') {
            s++;
            y = z;
        }
        else {
            x = z;
        }
    }
    else {
        /* "j", "+j", "-j" */
        if (*s == '+' || *s == '-') {
            y = (*s == '+') ? 1.0 : -1.0;
            s++;
        }
        else {
            y = 1.0;
        }
        if (!(*s == 'j' || *s == 'J')) {
            goto error;
        }
        s++;
    }
    while (s < end && is_ws(*s)) {
        s++;
    }
    if (got_bracket) {
        if (*s != ')') {
            goto error;
        }
        s++;
        while (s < end && is_ws(*s)) {
            s++;
        }
    }
    if (s != end) {
        goto error;
    }
    (void)start;
    Py_complex c = {x, y};
    return complex_subtype_from_c_complex((PyTypeObject *)type, c);
error:
    PyErr_SetString(PyExc_ValueError, "complex() arg is a malformed string");
    return NULL;
}

static PyObject *
complex_subtype_from_string(PyTypeObject *type, PyObject *v)
{
    PyObject *s_buffer;
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
    Py_ssize_t len;
    const char *s = PyUnicode_AsUTF8AndSize(s_buffer, &len);
    PyObject *result = NULL;
    if (s != NULL) {
        if ((Py_ssize_t)strlen(s) != len) {
            PyErr_SetString(PyExc_ValueError, "complex() arg is a malformed string");
        }
        else {
            result = _Py_string_to_number_with_underscores(s, len, "complex", v, type,
                                                           complex_from_string_inner);
        }
    }
    Py_DECREF(s_buffer);
    return result;
}

/* complex(real=0, imag=0) */
static PyObject *
complex_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyObject *r = NULL, *i = NULL;
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    if (nargs > 2) {
        PyErr_Format(PyExc_TypeError, "complex() takes at most 2 arguments (%zd given)", nargs);
        return NULL;
    }
    if (nargs > 0) {
        r = PyTuple_GET_ITEM(args, 0);
    }
    if (nargs > 1) {
        i = PyTuple_GET_ITEM(args, 1);
    }
    if (kwds != NULL) {
        Py_ssize_t pos = 0;
        PyObject *key, *value;
        while (PyDict_Next(kwds, &pos, &key, &value)) {
            if (PyUnicode_Check(key) && PyUnicode_EqualToUTF8(key, "real") && r == NULL) {
                r = value;
            }
            else if (PyUnicode_Check(key) && PyUnicode_EqualToUTF8(key, "imag") && i == NULL) {
                i = value;
            }
            else {
                PyErr_Format(PyExc_TypeError,
                             "complex() got an unexpected keyword argument '%S'", key);
                return NULL;
            }
        }
    }
    if (r == NULL) {
        r = PyLong_FromLong(0);   /* immortal small int: no leak */
    }
    if (PyComplex_CheckExact(r) && i == NULL && type == &PyComplex_Type) {
        Py_INCREF(r);
        return r;
    }
    if (PyUnicode_Check(r)) {
        if (i != NULL) {
            PyErr_SetString(PyExc_TypeError,
                            "complex() can't take second arg if first is a string");
            return NULL;
        }
        return complex_subtype_from_string(type, r);
    }
    if (i != NULL && PyUnicode_Check(i)) {
        PyErr_SetString(PyExc_TypeError, "complex() second arg can't be a string");
        return NULL;
    }
    Py_complex cr = {0.0, 0.0}, ci = {0.0, 0.0};
    int cr_is_complex = 0, ci_is_complex = 0;
    int got = PyComplex_Check(r) ? 0 : try_complex_special(r, &cr);
    if (got < 0) {
        return NULL;
    }
    if (got > 0) {
        cr_is_complex = 1;
    }
    else if (PyComplex_Check(r)) {
        cr = CVAL(r);
        cr_is_complex = 1;
    }
    else {
        PyNumberMethods *nb = Py_TYPE(r)->tp_as_number;
        if (nb == NULL || (nb->nb_float == NULL && nb->nb_index == NULL)) {
            PyErr_Format(PyExc_TypeError,
                         "complex() first argument must be a string or a number, not '%.200s'",
                         Py_TYPE(r)->tp_name);
            return NULL;
        }
        cr.real = PyFloat_AsDouble(r);
        if (cr.real == -1.0 && PyErr_Occurred()) {
            return NULL;
        }
    }
    if (i == NULL) {
        ci.real = cr.imag;
    }
    else if (PyComplex_Check(i)) {
        ci = CVAL(i);
        ci_is_complex = 1;
    }
    else {
        PyNumberMethods *nb = Py_TYPE(i)->tp_as_number;
        if (nb == NULL || (nb->nb_float == NULL && nb->nb_index == NULL)) {
            PyErr_Format(PyExc_TypeError,
                         "complex() second argument must be a number, not '%.200s'",
                         Py_TYPE(i)->tp_name);
            return NULL;
        }
        ci.real = PyFloat_AsDouble(i);
        if (ci.real == -1.0 && PyErr_Occurred()) {
            return NULL;
        }
    }
    /* (a+bj) + (c+dj)*j == (a-d) + (b+c)j; only touch parts that exist so
     * signed zeros survive */
    if (ci_is_complex) {
        cr.real -= ci.imag;
    }
    if (cr_is_complex && i != NULL) {
        ci.real += cr.imag;
    }
    Py_complex c = {cr.real, ci.real};
    return complex_subtype_from_c_complex(type, c);
}

static PyMethodDef complex_methods[] = {
    {"conjugate", complex_conjugate, METH_NOARGS, "Return the complex conjugate of its argument."},
    {"__complex__", complex_complex, METH_NOARGS, "Convert this value to exact type complex."},
    {"__getnewargs__", complex_getnewargs, METH_NOARGS, NULL},
    {"__format__", complex_format, METH_O, "Convert to a string according to format_spec."},
    {NULL, NULL, 0, NULL}
};

static PyGetSetDef complex_getset[] = {
    {"real", complex_get_real, NULL, "the real part of a complex number", NULL},
    {"imag", complex_get_imag, NULL, "the imaginary part of a complex number", NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

static PyNumberMethods complex_as_number = {
    .nb_add = complex_add,
    .nb_subtract = complex_sub,
    .nb_multiply = complex_mul,
    .nb_power = complex_pow,
    .nb_negative = complex_neg,
    .nb_positive = complex_pos,
    .nb_absolute = complex_abs,
    .nb_bool = complex_bool,
    .nb_true_divide = complex_div,
};

PyTypeObject PyComplex_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "complex",
    .tp_basicsize = sizeof(PyComplexObject),
    .tp_dealloc = complex_dealloc,
    .tp_repr = complex_repr,
    .tp_as_number = &complex_as_number,
    .tp_hash = complex_hash,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_doc = "Create a complex number from a real part and an optional imaginary part.",
    .tp_richcompare = complex_richcompare,
    .tp_methods = complex_methods,
    .tp_getset = complex_getset,
    .tp_new = complex_new,
    .tp_free = PyObject_Free,
};
