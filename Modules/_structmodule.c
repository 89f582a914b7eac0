/* _structmodule.c: the `_struct` module behind struct.py: Struct objects
 * (format parsed once into a list of codes with offsets), pack/unpack/
 * pack_into/unpack_from/iter_unpack/calcsize, every format character with
 * the native ('@', aligned, native sizes) and standard ('=', '<', '>', '!')
 * modes, IEEE half floats ('e'), and CPython 3.13's struct.error messages. */
#include "Python.h"
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdbool.h>
#include <ctype.h>

static PyObject *StructError;    /* struct.error, made once at first exec */
static PyMutex init_lock;

typedef struct {
    char code;
    Py_ssize_t count;     /* repeat count; for s/p the byte length */
    Py_ssize_t size;      /* bytes per item */
    Py_ssize_t offset;    /* of the first item */
} FormatCode;

typedef struct {
    PyObject_HEAD
    PyObject *format;     /* str */
    Py_ssize_t size;
    Py_ssize_t nitems;    /* values consumed / produced */
    int little;           /* byte order */
    int native;           /* '@': native sizes and alignment */
    Py_ssize_t ncodes;
    FormatCode *codes;
    PyObject *weakreflist;
} StructObject;

static PyTypeObject StructType;

/* Size and alignment of a code in a mode; 0 when the code is invalid. */
static int
code_info(char c, int native, Py_ssize_t *size, Py_ssize_t *align)
{
    Py_ssize_t s;
    switch (c) {
    case 'x': case 'c': case 'b': case 'B': case '?': case 's': case 'p':
        s = 1;
        break;
    case 'h': case 'H': case 'e':
        s = 2;
        break;
    case 'i': case 'I': case 'f':
        s = 4;
        break;
    case 'l': case 'L':
        s = native ? (Py_ssize_t)sizeof(long) : 4;
        break;
    case 'q': case 'Q': case 'd':
        s = 8;
        break;
    case 'n': case 'N': case 'P':
        if (!native) {
            return 0;
        }
        s = (Py_ssize_t)sizeof(size_t);
        break;
    default:
        return 0;
    }
    *size = s;
    *align = native ? s : 1;
    return 1;
}

static int
parse_format(StructObject *so, const char *fmt)
{
    const char *s = fmt;
    so->native = 1;
    so->little = 1;   /* x86-64 and most targets Weft runs on */
    {
        unsigned int probe = 1;
        so->little = *(unsigned char *)&probe == 1;
    }
    switch (*s) {
    case '@': s++; break;
    case '=': so->native = 0; s++; break;
    case '<': so->native = 0; so->little = 1; s++; break;
    case '>': case '!': so->native = 0; so->little = 0; s++; break;
    default: break;
    }
    /* first pass: count codes */
    Py_ssize_t ncodes = 0;
    for (const char *p = s; *p; p++) {
        if (isalpha((unsigned char)*p) || *p == '?') {
            ncodes++;
        }
    }
    so->codes = PyMem_Calloc((size_t)(ncodes + 1), sizeof(FormatCode));
    if (so->codes == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    Py_ssize_t size = 0, nitems = 0, k = 0;
    while (*s) {
        if (isspace((unsigned char)*s)) {
            s++;
            continue;
        }
        Py_ssize_t num = 1;
        if (isdigit((unsigned char)*s)) {
            num = 0;
            while (isdigit((unsigned char)*s)) {
                if (num >= (PY_SSIZE_T_MAX - 9) / 10) {
                    PyErr_SetString(StructError, "total struct size too long");
                    return -1;
                }
                num = num * 10 + (*s - '0');
                s++;
            }
            if (*s == '\0') {
                PyErr_SetString(StructError, "repeat count given without format specifier");
                return -1;
            }
        }
        char c = *s++;
        Py_ssize_t isize, align;
        if (!code_info(c, so->native, &isize, &align)) {
            PyErr_SetString(StructError, "bad char in struct format");
            return -1;
        }
        if (align > 1) {
            size = (size + align - 1) / align * align;
        }
        FormatCode *fc = &so->codes[k++];
        fc->code = c;
        fc->offset = size;
        if (c == 's' || c == 'p') {
            fc->count = num;
            fc->size = num;
            if (num > PY_SSIZE_T_MAX - size) {
                goto toolong;
            }
            size += num;
            nitems++;
        }
        else if (c == 'x') {
            fc->count = num;
            fc->size = 1;
            if (num > PY_SSIZE_T_MAX - size) {
                goto toolong;
            }
            size += num;
        }
        else {
            fc->count = num;
            fc->size = isize;
            if (num > (PY_SSIZE_T_MAX - size) / isize) {
                goto toolong;
            }
            size += num * isize;
            nitems += num;
        }
    }
    so->ncodes = k;
    so->size = size;
    so->nitems = nitems;
    return 0;
toolong:
    PyErr_SetString(StructError, "total struct size too long");
    return -1;
}

/* ---- integers ---- */

static void
put_uint(unsigned char *p, uint64_t v, Py_ssize_t size, int little)
{
    for (Py_ssize_t i = 0; i < size; i++) {
        unsigned char b = (unsigned char)(v >> (8 * i));
        p[little ? i : size - 1 - i] = b;
    }
}

static uint64_t
get_uint(const unsigned char *p, Py_ssize_t size, int little)
{
    uint64_t v = 0;
    for (Py_ssize_t i = 0; i < size; i++) {
        v |= (uint64_t)p[little ? i : size - 1 - i] << (8 * i);
    }
    return v;
}

static int
is_signed_code(char c)
{
    return c == 'b' || c == 'h' || c == 'i' || c == 'l' || c == 'q' || c == 'n';
}

static PyObject *
get_index(PyObject *v)
{
    if (PyLong_Check(v)) {
        return Py_NewRef(v);
    }
    if (Py_TYPE(v)->tp_as_number != NULL && Py_TYPE(v)->tp_as_number->nb_index != NULL) {
        return PyNumber_Index(v);
    }
    PyErr_SetString(StructError, "required argument is not an integer");
    return NULL;
}

static int
range_error(char c, Py_ssize_t size, int is_signed)
{
    if (is_signed) {
        long long hi = size >= 8 ? LLONG_MAX : (long long)((1ULL << (8 * size - 1)) - 1);
        PyErr_Format(StructError, "'%c' format requires %lld <= number <= %lld", c, -hi - 1, hi);
    }
    else {
        unsigned long long hi = size >= 8 ? ULLONG_MAX : (1ULL << (8 * size)) - 1;
        PyErr_Format(StructError, "'%c' format requires 0 <= number <= %llu", c, hi);
    }
    return -1;
}

static int
pack_int(unsigned char *p, char c, Py_ssize_t size, int little, PyObject *v)
{
    PyObject *n = get_index(v);
    if (n == NULL) {
        return -1;
    }
    int is_signed = is_signed_code(c) || c == 'P';
    int overflow;
    uint64_t bits;
    if (is_signed || c == 'P') {
        long long x = PyLong_AsLongLongAndOverflow(n, &overflow);
        if (c == 'P' && overflow > 0) {
            unsigned long long ux = PyLong_AsUnsignedLongLong(n);
            if (ux == (unsigned long long)-1 && PyErr_Occurred()) {
                Py_DECREF(n);
                PyErr_Clear();
                return range_error(c, size, 0);
            }
            Py_DECREF(n);
            put_uint(p, ux, size, little);
            return 0;
        }
        Py_DECREF(n);
        if (x == -1 && PyErr_Occurred()) {
            return -1;
        }
        if (overflow) {
            return range_error(c, size, 1);
        }
        if (size < 8) {
            long long hi = (long long)((1ULL << (8 * size - 1)) - 1);
            if (x > hi || x < -hi - 1) {
                return range_error(c, size, 1);
            }
        }
        bits = (uint64_t)x;
    }
    else {
        if (_PyLong_Sign(n) < 0) {
            Py_DECREF(n);
            return range_error(c, size, 0);
        }
        unsigned long long x = PyLong_AsUnsignedLongLong(n);
        Py_DECREF(n);
        if (x == (unsigned long long)-1 && PyErr_Occurred()) {
            if (!PyErr_ExceptionMatches(PyExc_OverflowError)) {
                return -1;
            }
            PyErr_Clear();
            return range_error(c, size, 0);
        }
        if (size < 8 && x > (1ULL << (8 * size)) - 1) {
            return range_error(c, size, 0);
        }
        bits = x;
    }
    put_uint(p, bits, size, little);
    return 0;
}

static PyObject *
unpack_int(const unsigned char *p, char c, Py_ssize_t size, int little)
{
    uint64_t v = get_uint(p, size, little);
    if (is_signed_code(c)) {
        if (size < 8 && (v >> (8 * size - 1)) & 1) {
            v |= ~0ULL << (8 * size);
        }
        return PyLong_FromLongLong((long long)v);
    }
    return PyLong_FromUnsignedLongLong(v);
}

/* ---- floats ---- */

static int
get_double(PyObject *v, double *out)
{
    double x = PyFloat_AsDouble(v);
    if (x == -1.0 && PyErr_Occurred()) {
        if (PyErr_ExceptionMatches(PyExc_TypeError)) {
            PyErr_Clear();
            PyErr_SetString(StructError, "required argument is not a float");
        }
        return -1;
    }
    *out = x;
    return 0;
}

static int
pack_half(unsigned char *p, double x, int little)
{
    uint16_t sign = signbit(x) ? 0x8000 : 0;
    uint16_t bits;
    double ax = fabs(x);
    if (isnan(x)) {
        bits = sign | 0x7e00;
    }
    else if (isinf(x)) {
        bits = sign | 0x7c00;
    }
    else if (ax == 0.0) {
        bits = sign;
    }
    else {
        int e;
        double f = frexp(ax, &e);   /* ax = f * 2**e, 0.5 <= f < 1 */
        e -= 1;                     /* ax = (2f) * 2**e, 1 <= 2f < 2 */
        if (e >= 16) {
            goto overflow;
        }
        if (e < -14) {
            /* subnormal: units of 2**-24, rounded half to even */
            double m = nearbyint(ldexp(ax, 24));
            bits = sign | (uint16_t)m;   /* m == 1024 is the smallest normal */
        }
        else {
            double m = nearbyint((2.0 * f - 1.0) * 1024.0);
            int exp = e + 15;
            if (m >= 1024.0) {
                m = 0.0;
                exp++;
                if (exp >= 31) {
                    goto overflow;
                }
            }
            bits = sign | (uint16_t)(exp << 10) | (uint16_t)m;
        }
    }
    put_uint(p, bits, 2, little);
    return 0;
overflow:
    PyErr_SetString(PyExc_OverflowError, "float too large to pack with e format");
    return -1;
}

static double
unpack_half(const unsigned char *p, int little)
{
    uint16_t h = (uint16_t)get_uint(p, 2, little);
    int e = (h >> 10) & 0x1f;
    int m = h & 0x3ff;
    double v;
    if (e == 0) {
        v = ldexp((double)m, -24);
    }
    else if (e == 31) {
        v = m ? NAN : INFINITY;
    }
    else {
        v = ldexp((double)(m + 1024), e - 25);
    }
    return (h & 0x8000) ? -v : v;
}

static int
pack_float(unsigned char *p, char c, int little, PyObject *v)
{
    double x;
    if (get_double(v, &x) < 0) {
        return -1;
    }
    if (c == 'e') {
        return pack_half(p, x, little);
    }
    if (c == 'f') {
        float y = (float)x;
        if (isinf(y) && !isinf(x)) {
            PyErr_SetString(PyExc_OverflowError, "float too large to pack with f format");
            return -1;
        }
        uint32_t bits;
        memcpy(&bits, &y, 4);
        put_uint(p, bits, 4, little);
        return 0;
    }
    uint64_t bits;
    memcpy(&bits, &x, 8);
    put_uint(p, bits, 8, little);
    return 0;
}

static PyObject *
unpack_float(const unsigned char *p, char c, int little)
{
    if (c == 'e') {
        return PyFloat_FromDouble(unpack_half(p, little));
    }
    if (c == 'f') {
        uint32_t bits = (uint32_t)get_uint(p, 4, little);
        float y;
        memcpy(&y, &bits, 4);
        return PyFloat_FromDouble(y);
    }
    uint64_t bits = get_uint(p, 8, little);
    double x;
    memcpy(&x, &bits, 8);
    return PyFloat_FromDouble(x);
}

/* ---- packing and unpacking a whole struct ---- */

static int
pack_values(StructObject *so, unsigned char *buf, PyObject *const *args)
{
    memset(buf, 0, (size_t)so->size);
    Py_ssize_t ai = 0;
    for (Py_ssize_t k = 0; k < so->ncodes; k++) {
        FormatCode *fc = &so->codes[k];
        unsigned char *p = buf + fc->offset;
        char c = fc->code;
        if (c == 'x') {
            continue;
        }
        if (c == 's' || c == 'p') {
            PyObject *v = args[ai++];
            const char *data;
            Py_ssize_t n;
            if (PyBytes_Check(v)) {
                data = PyBytes_AS_STRING(v);
                n = PyBytes_GET_SIZE(v);
            }
            else if (PyByteArray_Check(v)) {
                data = PyByteArray_AS_STRING(v);
                n = PyByteArray_GET_SIZE(v);
            }
            else {
                PyErr_Format(StructError, "argument for '%c' must be a bytes object", c);
                return -1;
            }
            if (c == 's') {
                if (n > fc->count) {
                    n = fc->count;
                }
                memcpy(p, data, (size_t)n);
            }
            else if (fc->count > 0) {
                if (n > fc->count - 1) {
                    n = fc->count - 1;
                }
                if (n > 255) {
                    n = 255;
                }
                memcpy(p + 1, data, (size_t)n);
                p[0] = (unsigned char)n;
            }
            continue;
        }
        for (Py_ssize_t i = 0; i < fc->count; i++, p += fc->size) {
            PyObject *v = args[ai++];
            int r;
            switch (c) {
            case 'c': {
                if ((PyBytes_Check(v) && PyBytes_GET_SIZE(v) == 1)) {
                    p[0] = (unsigned char)PyBytes_AS_STRING(v)[0];
                }
                else if (PyByteArray_Check(v) && PyByteArray_GET_SIZE(v) == 1) {
                    p[0] = (unsigned char)PyByteArray_AS_STRING(v)[0];
                }
                else {
                    PyErr_SetString(StructError,
                                    "char format requires a bytes object of length 1");
                    return -1;
                }
                r = 0;
                break;
            }
            case '?': {
                int t = PyObject_IsTrue(v);
                if (t < 0) {
                    return -1;
                }
                p[0] = (unsigned char)t;
                r = 0;
                break;
            }
            case 'e': case 'f': case 'd':
                r = pack_float(p, c, so->little, v);
                break;
            default:
                r = pack_int(p, c, fc->size, so->little, v);
                break;
            }
            if (r < 0) {
                return -1;
            }
        }
    }
    return 0;
}

static PyObject *
unpack_values(StructObject *so, const unsigned char *buf)
{
    PyObject *res = PyTuple_New(so->nitems);
    if (res == NULL) {
        return NULL;
    }
    Py_ssize_t ri = 0;
    for (Py_ssize_t k = 0; k < so->ncodes; k++) {
        FormatCode *fc = &so->codes[k];
        const unsigned char *p = buf + fc->offset;
        char c = fc->code;
        if (c == 'x') {
            continue;
        }
        if (c == 's' || c == 'p') {
            PyObject *v;
            if (c == 's') {
                v = PyBytes_FromStringAndSize((const char *)p, fc->count);
            }
            else {
                Py_ssize_t n = fc->count > 0 ? p[0] : 0;
                if (n >= fc->count) {
                    n = fc->count - 1;
                }
                if (n < 0) {
                    n = 0;
                }
                v = PyBytes_FromStringAndSize((const char *)p + 1, n);
            }
            if (v == NULL) {
                Py_DECREF(res);
                return NULL;
            }
            PyTuple_SET_ITEM(res, ri++, v);
            continue;
        }
        for (Py_ssize_t i = 0; i < fc->count; i++, p += fc->size) {
            PyObject *v;
            switch (c) {
            case 'c':
                v = PyBytes_FromStringAndSize((const char *)p, 1);
                break;
            case '?':
                v = PyBool_FromLong(p[0] != 0);
                break;
            case 'e': case 'f': case 'd':
                v = unpack_float(p, c, so->little);
                break;
            default:
                v = unpack_int(p, c, fc->size, so->little);
                break;
            }
            if (v == NULL) {
                Py_DECREF(res);
                return NULL;
            }
            PyTuple_SET_ITEM(res, ri++, v);
        }
    }
    return res;
}

/* ---- Struct objects ---- */

static int
struct_setup(StructObject *so, PyObject *format)
{
    PyObject *str;
    const char *fmt;
    if (PyUnicode_Check(format)) {
        str = Py_NewRef(format);
        fmt = PyUnicode_AsUTF8AndSize(format, NULL);
    }
    else if (PyBytes_Check(format)) {
        str = PyUnicode_DecodeASCII(PyBytes_AS_STRING(format), PyBytes_GET_SIZE(format), NULL);
        if (str == NULL) {
            return -1;
        }
        fmt = PyBytes_AS_STRING(format);
    }
    else {
        PyErr_Format(PyExc_TypeError,
                     "Struct() argument 1 must be a str or bytes object, not %.200s",
                     Py_TYPE(format)->tp_name);
        return -1;
    }
    if (fmt == NULL) {
        Py_DECREF(str);
        return -1;
    }
    PyMem_Free(so->codes);
    so->codes = NULL;
    if (parse_format(so, fmt) < 0) {
        Py_DECREF(str);
        return -1;
    }
    Py_XSETREF(so->format, str);
    return 0;
}

static PyObject *
struct_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    StructObject *so = (StructObject *)type->tp_alloc(type, 0);
    if (so == NULL) {
        return NULL;
    }
    so->format = NULL;
    so->codes = NULL;
    so->size = so->nitems = so->ncodes = 0;
    so->weakreflist = NULL;
    return (PyObject *)so;
}

static int
struct_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"format", NULL};
    PyObject *format;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O:Struct", kwlist, &format)) {
        return -1;
    }
    return struct_setup((StructObject *)self, format);
}

static void
struct_dealloc(PyObject *op)
{
    StructObject *so = (StructObject *)op;
    Py_XDECREF(so->format);
    PyMem_Free(so->codes);
    Py_TYPE(op)->tp_free(op);
}

static StructObject *
get_struct(PyObject *format)
{
    if (PyObject_TypeCheck(format, &StructType)) {
        return (StructObject *)Py_NewRef(format);
    }
    StructObject *so = (StructObject *)struct_new(&StructType, NULL, NULL);
    if (so == NULL) {
        return NULL;
    }
    if (struct_setup(so, format) < 0) {
        Py_DECREF(so);
        return NULL;
    }
    return so;
}

static PyObject *
s_pack_impl(StructObject *so, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != so->nitems) {
        PyErr_Format(StructError, "pack expected %zd items for packing (got %zd)", so->nitems,
                     nargs);
        return NULL;
    }
    PyObject *res = PyBytes_FromStringAndSize(NULL, so->size);
    if (res == NULL) {
        return NULL;
    }
    if (pack_values(so, (unsigned char *)PyBytes_AS_STRING(res), args) < 0) {
        Py_DECREF(res);
        return NULL;
    }
    return res;
}

static PyObject *
s_pack(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    return s_pack_impl((StructObject *)self, args, nargs);
}

static PyObject *
s_pack_into_impl(StructObject *so, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs < 2) {
        if (nargs == 0) {
            PyErr_SetString(PyExc_TypeError, "pack_into expected buffer argument");
        }
        else {
            PyErr_SetString(PyExc_TypeError, "pack_into expected offset argument");
        }
        return NULL;
    }
    if (nargs - 2 != so->nitems) {
        PyErr_Format(StructError, "pack_into expected %zd items for packing (got %zd)",
                     so->nitems, nargs - 2);
        return NULL;
    }
    Py_buffer view;
    if (PyObject_GetBuffer(args[0], &view, PyBUF_WRITABLE) < 0) {
        return NULL;
    }
    Py_ssize_t offset = PyNumber_AsSsize_t(args[1], PyExc_IndexError);
    if (offset == -1 && PyErr_Occurred()) {
        PyBuffer_Release(&view);
        return NULL;
    }
    if (offset < 0) {
        if (offset + so->size > 0) {
            PyErr_Format(StructError, "no space to pack %zd bytes at offset %zd", so->size,
                         offset);
            PyBuffer_Release(&view);
            return NULL;
        }
        if (offset + view.len < 0) {
            PyErr_Format(StructError, "offset %zd out of range for %zd-byte buffer", offset,
                         view.len);
            PyBuffer_Release(&view);
            return NULL;
        }
        offset += view.len;
    }
    if (view.len - offset < so->size) {
        if (offset > view.len) {
            PyErr_Format(StructError, "pack_into requires a buffer of at least %zd bytes for "
                         "packing %zd bytes at offset %zd (actual buffer size is %zd)",
                         so->size + offset, so->size, offset, view.len);
        }
        else {
            PyErr_Format(StructError, "pack_into requires a buffer of at least %zd bytes for "
                         "packing %zd bytes at offset %zd (actual buffer size is %zd)",
                         so->size + offset, so->size, offset, view.len);
        }
        PyBuffer_Release(&view);
        return NULL;
    }
    unsigned char *tmp = PyMem_Malloc((size_t)so->size + 1);
    if (tmp == NULL) {
        PyBuffer_Release(&view);
        return PyErr_NoMemory();
    }
    int r = pack_values(so, tmp, args + 2);
    if (r == 0) {
        memcpy((char *)view.buf + offset, tmp, (size_t)so->size);
    }
    PyMem_Free(tmp);
    PyBuffer_Release(&view);
    if (r < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
s_pack_into(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    return s_pack_into_impl((StructObject *)self, args, nargs);
}

static PyObject *
s_unpack_impl(StructObject *so, PyObject *buffer)
{
    Py_buffer view;
    if (PyObject_GetBuffer(buffer, &view, PyBUF_SIMPLE) < 0) {
        return NULL;
    }
    if (view.len != so->size) {
        PyErr_Format(StructError, "unpack requires a buffer of %zd bytes", so->size);
        PyBuffer_Release(&view);
        return NULL;
    }
    PyObject *res = unpack_values(so, view.buf);
    PyBuffer_Release(&view);
    return res;
}

static PyObject *
s_unpack(PyObject *self, PyObject *buffer)
{
    return s_unpack_impl((StructObject *)self, buffer);
}

static PyObject *
s_unpack_from_impl(StructObject *so, PyObject *buffer, Py_ssize_t offset)
{
    Py_buffer view;
    if (PyObject_GetBuffer(buffer, &view, PyBUF_SIMPLE) < 0) {
        return NULL;
    }
    if (offset < 0) {
        if (offset + view.len < 0) {
            PyErr_Format(StructError, "offset %zd out of range for %zd-byte buffer", offset,
                         view.len);
            PyBuffer_Release(&view);
            return NULL;
        }
        offset += view.len;
    }
    if (view.len - offset < so->size) {
        if (offset > view.len) {
            PyErr_Format(StructError, "unpack_from requires a buffer of at least %zd bytes for "
                         "unpacking %zd bytes at offset %zd (actual buffer size is %zd)",
                         so->size + offset, so->size, offset, view.len);
        }
        else {
            PyErr_Format(StructError, "unpack_from requires a buffer of at least %zd bytes for "
                         "unpacking %zd bytes at offset %zd (actual buffer size is %zd)",
                         so->size + offset, so->size, offset, view.len);
        }
        PyBuffer_Release(&view);
        return NULL;
    }
    PyObject *res = unpack_values(so, (const unsigned char *)view.buf + offset);
    PyBuffer_Release(&view);
    return res;
}

static PyObject *
s_unpack_from(PyObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"buffer", "offset", NULL};
    PyObject *buffer;
    Py_ssize_t offset = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|n:unpack_from", kwlist, &buffer, &offset)) {
        return NULL;
    }
    return s_unpack_from_impl((StructObject *)self, buffer, offset);
}

/* iter_unpack iterator */
typedef struct {
    PyObject_HEAD
    StructObject *so;
    Py_buffer view;
    Py_ssize_t index;
} UnpackIter;

static PyTypeObject UnpackIterType;

static void
unpackiter_dealloc(PyObject *op)
{
    UnpackIter *it = (UnpackIter *)op;
    if (it->view.obj != NULL) {
        PyBuffer_Release(&it->view);
    }
    Py_XDECREF(it->so);
    PyObject_Free(op);
}

static PyObject *
unpackiter_next(PyObject *op)
{
    UnpackIter *it = (UnpackIter *)op;
    if (it->so == NULL || it->index + it->so->size > it->view.len) {
        return NULL;
    }
    PyObject *res = unpack_values(it->so, (const unsigned char *)it->view.buf + it->index);
    it->index += it->so->size;
    return res;
}

static PyObject *
unpackiter_length_hint(PyObject *op, PyObject *Py_UNUSED(a))
{
    UnpackIter *it = (UnpackIter *)op;
    Py_ssize_t n = it->so && it->so->size ? (it->view.len - it->index) / it->so->size : 0;
    return PyLong_FromSsize_t(n);
}

static PyMethodDef unpackiter_methods[] = {
    {"__length_hint__", unpackiter_length_hint, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject UnpackIterType = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_struct.unpack_iterator",
    .tp_basicsize = sizeof(UnpackIter),
    .tp_dealloc = unpackiter_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = unpackiter_next,
    .tp_methods = unpackiter_methods,
};

static PyObject *
s_iter_unpack_impl(StructObject *so, PyObject *buffer)
{
    if (so->size == 0) {
        PyErr_SetString(StructError, "cannot iteratively unpack with a struct of length 0");
        return NULL;
    }
    UnpackIter *it = PyObject_New(UnpackIter, &UnpackIterType);
    if (it == NULL) {
        return NULL;
    }
    it->so = NULL;
    it->index = 0;
    it->view.obj = NULL;
    if (PyObject_GetBuffer(buffer, &it->view, PyBUF_SIMPLE) < 0) {
        it->view.obj = NULL;
        Py_DECREF(it);
        return NULL;
    }
    if (it->view.len % so->size != 0) {
        PyErr_Format(StructError,
                     "iterative unpacking requires a buffer of a multiple of %zd bytes",
                     so->size);
        Py_DECREF(it);
        return NULL;
    }
    it->so = (StructObject *)Py_NewRef(so);
    return (PyObject *)it;
}

static PyObject *
s_iter_unpack(PyObject *self, PyObject *buffer)
{
    return s_iter_unpack_impl((StructObject *)self, buffer);
}

static PyObject *
s_sizeof(PyObject *self, PyObject *Py_UNUSED(a))
{
    StructObject *so = (StructObject *)self;
    return PyLong_FromSsize_t((Py_ssize_t)sizeof(StructObject) +
                              (so->ncodes + 1) * (Py_ssize_t)sizeof(FormatCode));
}

static PyObject *
s_repr(PyObject *self)
{
    StructObject *so = (StructObject *)self;
    return PyUnicode_FromFormat("Struct(%R)", so->format ? so->format : Py_None);
}

static PyObject *
s_get_format(PyObject *self, void *c)
{
    StructObject *so = (StructObject *)self;
    return Py_NewRef(so->format ? so->format : Py_None);
}

static PyObject *
s_get_size(PyObject *self, void *c)
{
    return PyLong_FromSsize_t(((StructObject *)self)->size);
}

#define FAST(f) (PyCFunction)(void (*)(void))(f), METH_FASTCALL

static PyMethodDef s_methods[] = {
    {"iter_unpack", s_iter_unpack, METH_O, "Return an iterator yielding tuples."},
    {"pack", FAST(s_pack), "Return a bytes object containing values v1, v2, ... packed according to the format string."},
    {"pack_into", FAST(s_pack_into), "Pack values v1, v2, ... according to the format string and write the packed bytes into the writable buffer buf starting at offset."},
    {"unpack", s_unpack, METH_O, "Return a tuple containing unpacked values."},
    {"unpack_from", (PyCFunction)(void (*)(void))s_unpack_from, METH_VARARGS | METH_KEYWORDS,
     "Return a tuple containing unpacked values."},
    {"__sizeof__", s_sizeof, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef s_getset[] = {
    {"format", s_get_format, NULL, "struct format string", NULL},
    {"size", s_get_size, NULL, "struct size in bytes", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyTypeObject StructType = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_struct.Struct",
    .tp_basicsize = sizeof(StructObject),
    .tp_dealloc = struct_dealloc,
    .tp_repr = s_repr,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_doc = "Struct(format)\n--\n\nCreate a compiled struct object.",
    .tp_weaklistoffset = offsetof(StructObject, weakreflist),
    .tp_methods = s_methods,
    .tp_getset = s_getset,
    .tp_init = struct_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = struct_new,
    .tp_free = PyObject_Free,
};

/* ---- module functions ---- */

static PyObject *
m_calcsize(PyObject *m, PyObject *format)
{
    StructObject *so = get_struct(format);
    if (so == NULL) {
        return NULL;
    }
    PyObject *r = PyLong_FromSsize_t(so->size);
    Py_DECREF(so);
    return r;
}

static PyObject *
m_pack(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs == 0) {
        PyErr_SetString(PyExc_TypeError, "missing format argument");
        return NULL;
    }
    StructObject *so = get_struct(args[0]);
    if (so == NULL) {
        return NULL;
    }
    PyObject *r = s_pack_impl(so, args + 1, nargs - 1);
    Py_DECREF(so);
    return r;
}

static PyObject *
m_pack_into(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs == 0) {
        PyErr_SetString(PyExc_TypeError, "missing format argument");
        return NULL;
    }
    StructObject *so = get_struct(args[0]);
    if (so == NULL) {
        return NULL;
    }
    PyObject *r = s_pack_into_impl(so, args + 1, nargs - 1);
    Py_DECREF(so);
    return r;
}

static PyObject *
m_unpack(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("unpack", nargs, 2, 2)) {
        return NULL;
    }
    StructObject *so = get_struct(args[0]);
    if (so == NULL) {
        return NULL;
    }
    PyObject *r = s_unpack_impl(so, args[1]);
    Py_DECREF(so);
    return r;
}

static PyObject *
m_unpack_from(PyObject *m, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"", "buffer", "offset", NULL};
    PyObject *format, *buffer;
    Py_ssize_t offset = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "OO|n:unpack_from", kwlist, &format, &buffer,
                                     &offset)) {
        return NULL;
    }
    StructObject *so = get_struct(format);
    if (so == NULL) {
        return NULL;
    }
    PyObject *r = s_unpack_from_impl(so, buffer, offset);
    Py_DECREF(so);
    return r;
}

static PyObject *
m_iter_unpack(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("iter_unpack", nargs, 2, 2)) {
        return NULL;
    }
    StructObject *so = get_struct(args[0]);
    if (so == NULL) {
        return NULL;
    }
    PyObject *r = s_iter_unpack_impl(so, args[1]);
    Py_DECREF(so);
    return r;
}

static PyObject *
m_clearcache(PyObject *m, PyObject *Py_UNUSED(a))
{
    Py_RETURN_NONE;
}

static PyMethodDef struct_methods[] = {
    {"_clearcache", m_clearcache, METH_NOARGS, "Clear the internal cache."},
    {"calcsize", m_calcsize, METH_O, "Return size in bytes of the struct described by the format string."},
    {"iter_unpack", FAST(m_iter_unpack), "Return an iterator yielding tuples unpacked from the buffer."},
    {"pack", FAST(m_pack), "Return a bytes object containing the values packed according to the format string."},
    {"pack_into", FAST(m_pack_into), "Pack values according to the format string into a writable buffer at offset."},
    {"unpack", FAST(m_unpack), "Return a tuple containing values unpacked according to the format string."},
    {"unpack_from", (PyCFunction)(void (*)(void))m_unpack_from, METH_VARARGS | METH_KEYWORDS,
     "Return a tuple containing values unpacked according to the format string."},
    {NULL, NULL, 0, NULL},
};

static int
struct_exec(PyObject *module)
{
    PyMutex_Lock(&init_lock);
    int ok = 1;
    if (StructError == NULL) {
        PyObject *dict = Py_BuildValue("{ss}", "__module__", "struct");
        StructError = dict ? PyErr_NewException("struct.error", PyExc_Exception, dict) : NULL;
        Py_XDECREF(dict);
        ok = StructError != NULL && PyType_Ready(&StructType) == 0 &&
             PyType_Ready(&UnpackIterType) == 0;
    }
    PyMutex_Unlock(&init_lock);
    if (!ok) {
        return -1;
    }
    if (PyModule_AddObjectRef(module, "error", StructError) < 0 ||
        PyModule_AddObjectRef(module, "Struct", (PyObject *)&StructType) < 0) {
        return -1;
    }
    return 0;
}

static PyModuleDef_Slot struct_slots[] = {
    {Py_mod_exec, struct_exec},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static PyModuleDef structmodule = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_struct",
    .m_doc = "Functions to convert between Python values and C structs.",
    .m_size = 0,
    .m_methods = struct_methods,
    .m_slots = struct_slots,
};

PyMODINIT_FUNC PyInit__struct(void)
{
    return PyModuleDef_Init(&structmodule);
}
