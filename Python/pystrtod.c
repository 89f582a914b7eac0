/* pystrtod.c: double <-> text with Python's rules.
 *
 * PyOS_double_to_string lays out the digits that dtoa.c produces: where the
 * decimal point goes, when to switch to exponent notation ('r' and 'g'),
 * signs, "inf"/"nan", the '#' and 'z' options and the ".0" that makes
 * repr(1.0) == "1.0".  PyOS_string_to_double is float()'s parser without
 * the whitespace and underscore handling (floatobject.c does those).
 */
#include "Python.h"
#include "pystrtod.h"
#include "pycore_dtoa.h"

#include <math.h>

/* ---- parsing ----------------------------------------------------------- */

static int
match_ci(const char *s, const char *word)
{
    for (; *word; s++, word++) {
        char c = *s;
        if (c >= 'A' && c <= 'Z') {
            c = (char)(c - 'A' + 'a');
        }
        if (c != *word) {
            return 0;
        }
    }
    return 1;
}

double
_Py_parse_inf_or_nan(const char *p, char **endptr)
{
    const char *s = p;
    int negate = 0;
    if (*s == '-') {
        negate = 1;
        s++;
    }
    else if (*s == '+') {
        s++;
    }
    double value;
    if (match_ci(s, "inf")) {
        s += 3;
        if (match_ci(s, "inity")) {
            s += 5;
        }
        value = negate ? -Py_INFINITY : Py_INFINITY;
    }
    else if (match_ci(s, "nan")) {
        s += 3;
        value = negate ? -fabs(Py_NAN) : fabs(Py_NAN);
    }
    else {
        *endptr = (char *)p;
        return -1.0;
    }
    *endptr = (char *)s;
    return value;
}

/* inf/nan or a decimal literal; *endptr == s when nothing parsed. */
static double
ascii_strtod(const char *s, char **endptr)
{
    double value = _Py_parse_inf_or_nan(s, endptr);
    if (*endptr != s) {
        errno = 0;
        return value;
    }
    return _Py_dg_strtod(s, endptr);
}

double
PyOS_string_to_double(const char *s, char **endptr, PyObject *overflow_exception)
{
    char *fail_pos;
    double x = ascii_strtod(s, &fail_pos);
    if (errno == ENOMEM) {
        PyErr_NoMemory();
        fail_pos = (char *)s;
        x = -1.0;
    }
    else if (fail_pos == s || (endptr == NULL && *fail_pos != '\0')) {
        PyErr_Format(PyExc_ValueError,
                     "could not convert string to float: '%.200s'", s);
        x = -1.0;
        fail_pos = (char *)s;
    }
    else if (errno == ERANGE && fabs(x) >= 1.0 && overflow_exception != NULL) {
        PyErr_Format(overflow_exception,
                     "value too large to convert to float: '%.200s'", s);
        x = -1.0;
        fail_pos = (char *)s;
    }
    if (endptr != NULL) {
        *endptr = fail_pos;
    }
    return x;
}

static int
is_digit(char c)
{
    return c >= '0' && c <= '9';
}

PyObject *
_Py_string_to_number_with_underscores(
    const char *s, Py_ssize_t orig_len, const char *what, PyObject *obj, void *arg,
    PyObject *(*innerfunc)(const char *, Py_ssize_t, void *))
{
    if (memchr(s, '_', (size_t)orig_len) == NULL) {
        return innerfunc(s, orig_len, arg);
    }
    char *dup = (char *)PyMem_Malloc((size_t)orig_len + 1);
    if (dup == NULL) {
        return PyErr_NoMemory();
    }
    Py_ssize_t n = 0;
    char prev = '\0';
    for (Py_ssize_t i = 0; i < orig_len; i++) {
        char c = s[i];
        if (c == '_') {
            /* an underscore only separates two digits */
            if (!is_digit(prev) || i + 1 >= orig_len || !is_digit(s[i + 1])) {
                PyMem_Free(dup);
                PyErr_Format(PyExc_ValueError,
                             "could not convert string to %s: %R", what, obj);
                return NULL;
            }
        }
        else {
            dup[n++] = c;
        }
        prev = c;
    }
    dup[n] = '\0';
    PyObject *result = innerfunc(dup, n, arg);
    PyMem_Free(dup);
    return result;
}

/* ---- formatting --------------------------------------------------------- */

/* A growable output buffer; `failed` latches an allocation failure. */
typedef struct {
    char *buf;
    size_t len, cap;
    int failed;
} outbuf;

static void
out_reserve(outbuf *o, size_t extra)
{
    if (o->failed || o->len + extra + 1 <= o->cap) {
        return;
    }
    size_t cap = (o->cap ? o->cap : 32);
    while (cap < o->len + extra + 1) {
        cap *= 2;
    }
    char *nb = (char *)PyMem_Realloc(o->buf, cap);
    if (nb == NULL) {
        o->failed = 1;
        return;
    }
    o->buf = nb;
    o->cap = cap;
}

static void
out_char(outbuf *o, char c)
{
    out_reserve(o, 1);
    if (!o->failed) {
        o->buf[o->len++] = c;
    }
}

static void
out_repeat(outbuf *o, char c, size_t n)
{
    out_reserve(o, n);
    if (!o->failed) {
        memset(o->buf + o->len, c, n);
        o->len += n;
    }
}

static void
out_str(outbuf *o, const char *s)
{
    size_t n = strlen(s);
    out_reserve(o, n);
    if (!o->failed) {
        memcpy(o->buf + o->len, s, n);
        o->len += n;
    }
}

char *
PyOS_double_to_string(double val, char format_code, int precision, int flags,
                      int *type)
{
    int upper = 0;
    char code = format_code;
    switch (format_code) {
    case 'E': case 'F': case 'G':
        upper = 1;
        code = (char)(format_code - 'A' + 'a');
        break;
    case 'e': case 'f': case 'g':
        break;
    case 'r':
        if (precision != 0) {
            PyErr_SetString(PyExc_SystemError,
                            "PyOS_double_to_string: 'r' needs precision 0");
            return NULL;
        }
        break;
    default:
        PyErr_SetString(PyExc_SystemError,
                        "PyOS_double_to_string: bad format code");
        return NULL;
    }
    if (precision < 0) {
        PyErr_SetString(PyExc_SystemError,
                        "PyOS_double_to_string: negative precision");
        return NULL;
    }

    outbuf o = {NULL, 0, 0, 0};
    if (!isfinite(val)) {
        /* NaN's sign bit is never shown (Python prints "nan" for -nan). */
        if (isnan(val)) {
            if (flags & Py_DTSF_SIGN) {
                out_char(&o, '+');
            }
            out_str(&o, upper ? "NAN" : "nan");
            if (type) {
                *type = Py_DTST_NAN;
            }
        }
        else {
            if (val < 0) {
                out_char(&o, '-');
            }
            else if (flags & Py_DTSF_SIGN) {
                out_char(&o, '+');
            }
            out_str(&o, upper ? "INF" : "inf");
            if (type) {
                *type = Py_DTST_INFINITE;
            }
        }
        goto done;
    }
    if (type) {
        *type = Py_DTST_FINITE;
    }

    int mode, ndigits;
    switch (code) {
    case 'e': mode = 2; ndigits = precision + 1; break;
    case 'f': mode = 3; ndigits = precision; break;
    case 'g':
        if (precision == 0) {
            precision = 1;
        }
        mode = 2;
        ndigits = precision;
        break;
    default: mode = 0; ndigits = 0; break;   /* 'r' */
    }

    int decpt, sign;
    char *end;
    char *digits = _Py_dg_dtoa(val, mode, ndigits, &decpt, &sign, &end);
    if (digits == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    int nd = (int)(end - digits);
    int is_zero = (nd == 1 && digits[0] == '0');
    if (is_zero && (flags & Py_DTSF_NO_NEG_0)) {
        sign = 0;
    }

    int alt = (flags & Py_DTSF_ALT) != 0;
    int use_exp;
    int min_sig = 0;        /* significant digits to show at least */
    switch (code) {
    case 'e':
        use_exp = 1;
        min_sig = precision + 1;
        break;
    case 'f':
        use_exp = 0;
        break;
    case 'g':
        if (is_zero) {
            decpt = 1;
        }
        use_exp = (decpt <= -4 ||
                   decpt > ((flags & Py_DTSF_ADD_DOT_0) ? precision - 1 : precision));
        if (alt) {
            min_sig = precision;
        }
        break;
    default:
        use_exp = (decpt <= -4 || decpt > 16);
        break;
    }

    if (sign) {
        out_char(&o, '-');
    }
    else if (flags & Py_DTSF_SIGN) {
        out_char(&o, '+');
    }

    if (use_exp) {
        int shown = nd > min_sig ? nd : min_sig;
        out_char(&o, digits[0]);
        if (shown > 1 || alt) {
            out_char(&o, '.');
        }
        for (int i = 1; i < shown; i++) {
            out_char(&o, i < nd ? digits[i] : '0');
        }
        int exp10 = is_zero ? 0 : decpt - 1;
        char ebuf[16];
        snprintf(ebuf, sizeof(ebuf), "%c%c%02d", upper ? 'E' : 'e',
                 exp10 < 0 ? '-' : '+', exp10 < 0 ? -exp10 : exp10);
        out_str(&o, ebuf);
    }
    else {
        /* integer part */
        if (decpt <= 0 || is_zero) {
            out_char(&o, '0');
        }
        else {
            for (int i = 0; i < decpt; i++) {
                out_char(&o, i < nd ? digits[i] : '0');
            }
        }
        int zero_point = (is_zero ? 1 : decpt);
        int frac;
        if (code == 'f') {
            frac = precision;
        }
        else if (alt && code == 'g') {
            frac = precision - zero_point;
            if (is_zero) {
                frac = precision - 1;
            }
        }
        else {
            frac = is_zero ? 0 : nd - decpt;
        }
        if (frac < 0) {
            frac = 0;
        }
        if (frac > 0 || alt) {
            out_char(&o, '.');
        }
        if (is_zero) {
            out_repeat(&o, '0', (size_t)frac);
        }
        else {
            for (int i = 0; i < frac; i++) {
                int pos = decpt + i;
                out_char(&o, (pos >= 0 && pos < nd) ? digits[pos] : '0');
            }
        }
        if (frac == 0 && (flags & Py_DTSF_ADD_DOT_0)) {
            out_str(&o, alt ? "0" : ".0");
        }
    }
    _Py_dg_freedtoa(digits);

done:
    out_reserve(&o, 0);
    if (o.failed) {
        PyMem_Free(o.buf);
        PyErr_NoMemory();
        return NULL;
    }
    o.buf[o.len] = '\0';
    return o.buf;
}
