/* formatter.c: the format mini-language behind format() and __format__ of
 * int, float, complex and str, plus the number pieces of %-formatting.
 *
 *   [[fill]align][sign][z][#][0][width][grouping][.precision][type]
 *
 * A spec is parsed into a FormatSpec; numbers are then rendered to ASCII
 * (sign, prefix, grouped integer digits, the rest: fraction, exponent, '%',
 * 'j'), and finally padded with the fill character, which may be any code
 * point.  Zero padding ('0' flag or fill '0' with '=') grows the digit run
 * itself, so that grouping separators appear inside the padding as in
 * CPython: format(1234, '09,') == '0,001,234'.
 */
#include "Python.h"
#include "pycore_format.h"
#include "pycore_long.h"

#include <math.h>

typedef struct {
    Py_UCS4 fill_char;
    Py_UCS4 align;          /* '<' '>' '^' '=' or 0 (type default) */
    int alternate;
    int no_neg_0;
    Py_UCS4 sign;           /* '+' '-' ' ' or 0 */
    Py_ssize_t width;       /* -1: none */
    char thousands;         /* ',' '_' or 0 */
    Py_ssize_t precision;   /* -1: none */
    Py_UCS4 type;           /* 0: none */
} FormatSpec;

static int
is_align(Py_UCS4 c)
{
    return c == '<' || c == '>' || c == '=' || c == '^';
}

static int
read_int(PyObject *spec, Py_ssize_t *pos, Py_ssize_t end, Py_ssize_t *out)
{
    Py_ssize_t value = 0, n = 0;
    while (*pos < end) {
        Py_UCS4 c = PyUnicode_READ_CHAR(spec, *pos);
        if (c < '0' || c > '9') {
            break;
        }
        if (value > (PY_SSIZE_T_MAX - (c - '0')) / 10) {
            PyErr_SetString(PyExc_ValueError, "Too many decimal digits in format string");
            return -1;
        }
        value = value * 10 + (c - '0');
        (*pos)++;
        n++;
    }
    *out = value;
    return (int)(n > 0);
}

static void
unknown_presentation_type(Py_UCS4 type, const char *type_name)
{
    if (type > 32 && type < 128) {
        PyErr_Format(PyExc_ValueError, "Unknown format code '%c' for object of type '%.200s'",
                     (char)type, type_name);
    }
    else {
        PyErr_Format(PyExc_ValueError, "Unknown format code '\\x%x' for object of type '%.200s'",
                     (unsigned int)type, type_name);
    }
}

static void
invalid_thousands_separator_type(char sep, Py_UCS4 type)
{
    if (type > 32 && type < 128) {
        PyErr_Format(PyExc_ValueError, "Cannot specify '%c' with '%c'.", sep, (char)type);
    }
    else {
        PyErr_Format(PyExc_ValueError, "Cannot specify '%c' with '\\x%x'.", sep,
                     (unsigned int)type);
    }
}

/* Parse spec[start:end]; default_type is used when no type is given,
 * default_align is '<' for strings and '>' for numbers. */
static int
parse_spec(PyObject *obj, PyObject *spec, FormatSpec *f, Py_UCS4 default_type,
           Py_UCS4 default_align)
{
    Py_ssize_t pos = 0, end = PyUnicode_GET_LENGTH(spec);
    int fill_specified = 0, align_specified = 0;
    f->fill_char = ' ';
    f->align = default_align;
    f->alternate = 0;
    f->no_neg_0 = 0;
    f->sign = 0;
    f->width = -1;
    f->thousands = 0;
    f->precision = -1;
    f->type = default_type;

    if (end - pos >= 2 && is_align(PyUnicode_READ_CHAR(spec, pos + 1))) {
        f->fill_char = PyUnicode_READ_CHAR(spec, pos);
        f->align = PyUnicode_READ_CHAR(spec, pos + 1);
        fill_specified = align_specified = 1;
        pos += 2;
    }
    else if (end - pos >= 1 && is_align(PyUnicode_READ_CHAR(spec, pos))) {
        f->align = PyUnicode_READ_CHAR(spec, pos);
        align_specified = 1;
        pos++;
    }
    if (pos < end) {
        Py_UCS4 c = PyUnicode_READ_CHAR(spec, pos);
        if (c == '+' || c == '-' || c == ' ') {
            f->sign = c;
            pos++;
        }
    }
    if (pos < end && PyUnicode_READ_CHAR(spec, pos) == 'z') {
        f->no_neg_0 = 1;
        pos++;
    }
    if (pos < end && PyUnicode_READ_CHAR(spec, pos) == '#') {
        f->alternate = 1;
        pos++;
    }
    if (!fill_specified && pos < end && PyUnicode_READ_CHAR(spec, pos) == '0') {
        f->fill_char = '0';
        if (!align_specified && default_align == '>') {
            f->align = '=';
        }
        pos++;
    }
    Py_ssize_t width;
    int got = read_int(spec, &pos, end, &width);
    if (got < 0) {
        return -1;
    }
    if (got) {
        f->width = width;
    }
    if (pos < end && PyUnicode_READ_CHAR(spec, pos) == ',') {
        f->thousands = ',';
        pos++;
    }
    if (pos < end && PyUnicode_READ_CHAR(spec, pos) == '_') {
        if (f->thousands != 0) {
            PyErr_SetString(PyExc_ValueError, "Cannot specify both ',' and '_'.");
            return -1;
        }
        f->thousands = '_';
        pos++;
    }
    if (pos < end && PyUnicode_READ_CHAR(spec, pos) == ',') {
        if (f->thousands == '_') {
            PyErr_SetString(PyExc_ValueError, "Cannot specify both ',' and '_'.");
        }
        else {
            PyErr_SetString(PyExc_ValueError, "Cannot specify ',' with ','.");
        }
        return -1;
    }
    if (pos < end && PyUnicode_READ_CHAR(spec, pos) == '.') {
        pos++;
        Py_ssize_t prec;
        got = read_int(spec, &pos, end, &prec);
        if (got < 0) {
            return -1;
        }
        if (!got) {
            PyErr_SetString(PyExc_ValueError, "Format specifier missing precision");
            return -1;
        }
        f->precision = prec;
    }
    if (end - pos > 1) {
        PyErr_Format(PyExc_ValueError, "Invalid format specifier '%U' for object of type '%.200s'",
                     spec, Py_TYPE(obj)->tp_name);
        return -1;
    }
    if (end - pos == 1) {
        f->type = PyUnicode_READ_CHAR(spec, pos);
    }
    if (f->thousands) {
        switch (f->type) {
        case 'd': case 'e': case 'f': case 'g': case 'E': case 'G':
        case '%': case 'F': case '\0':
            break;
        case 'b': case 'o': case 'x': case 'X':
            if (f->thousands == '_') {
                break;
            }
            /* fall through */
        default:
            invalid_thousands_separator_type(f->thousands, f->type);
            return -1;
        }
    }
    return 0;
}

/* ---- padding --------------------------------------------------------------- */

/* Pad `body` to the spec's width.  For '=' the fill goes after the first
 * `split` characters (the sign and prefix). */
static PyObject *
pad_str(PyObject *body, Py_ssize_t split, const FormatSpec *f)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(body);
    if (f->width <= len) {
        Py_INCREF(body);
        return body;
    }
    Py_ssize_t total = f->width - len, left, right = 0, mid = 0;
    switch (f->align) {
    case '<': left = 0; right = total; break;
    case '^': left = total / 2; right = total - left; break;
    case '=': left = 0; mid = total; break;
    default:  left = total; break;
    }
    Py_UCS4 maxchar = PyUnicode_MAX_CHAR_VALUE(body);
    if (f->fill_char > maxchar) {
        maxchar = f->fill_char;
    }
    PyObject *out = PyUnicode_New(f->width, maxchar);
    if (out == NULL) {
        return NULL;
    }
    int kind = PyUnicode_KIND(out);
    void *data = PyUnicode_DATA(out);
    Py_ssize_t o = 0;
    for (Py_ssize_t i = 0; i < left; i++) {
        PyUnicode_WRITE(kind, data, o++, f->fill_char);
    }
    if (mid) {
        _PyUnicode_FastCopyCharacters(out, o, body, 0, split);
        o += split;
        for (Py_ssize_t i = 0; i < mid; i++) {
            PyUnicode_WRITE(kind, data, o++, f->fill_char);
        }
        _PyUnicode_FastCopyCharacters(out, o, body, split, len - split);
        o += len - split;
    }
    else {
        _PyUnicode_FastCopyCharacters(out, o, body, 0, len);
        o += len;
    }
    for (Py_ssize_t i = 0; i < right; i++) {
        PyUnicode_WRITE(kind, data, o++, f->fill_char);
    }
    return out;
}

static PyObject *
pad_ascii(const char *s, Py_ssize_t len, Py_ssize_t split, const FormatSpec *f)
{
    PyObject *body = PyUnicode_FromStringAndSize(s, len);
    if (body == NULL) {
        return NULL;
    }
    PyObject *r = pad_str(body, split, f);
    Py_DECREF(body);
    return r;
}

/* ---- number assembly ------------------------------------------------------ */

typedef struct {
    char *buf;
    Py_ssize_t len, cap;
} abuf;

static int
ab_reserve(abuf *b, Py_ssize_t extra)
{
    if (b->len + extra + 1 <= b->cap) {
        return 0;
    }
    Py_ssize_t cap = b->cap ? b->cap : 64;
    while (cap < b->len + extra + 1) {
        cap *= 2;
    }
    char *nb = (char *)PyMem_Realloc(b->buf, (size_t)cap);
    if (nb == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    b->buf = nb;
    b->cap = cap;
    return 0;
}

static int
ab_put(abuf *b, const char *s, Py_ssize_t n)
{
    if (ab_reserve(b, n) < 0) {
        return -1;
    }
    memcpy(b->buf + b->len, s, (size_t)n);
    b->len += n;
    return 0;
}

/* Append digits[0..n) grouped by `sep` every `group` digits (sep 0: none),
 * growing the run with leading zeros to at least min_len characters; a
 * separator is never the leftmost character. */
static int
ab_put_grouped(abuf *b, const char *digits, Py_ssize_t n, char sep, int group,
               Py_ssize_t min_len)
{
    /* upper bound of the output length */
    Py_ssize_t cap = (n > min_len ? n : min_len);
    cap += sep ? cap / group + 2 : 0;
    cap += 2;
    char *tmp = (char *)PyMem_Malloc((size_t)cap);
    if (tmp == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    Py_ssize_t o = cap;     /* fill from the right */
    Py_ssize_t i = n, count = 0, out_len = 0;
    while (i > 0 || out_len < min_len) {
        if (sep && count == group) {
            tmp[--o] = sep;
            out_len++;
            count = 0;
        }
        tmp[--o] = i > 0 ? digits[--i] : '0';
        out_len++;
        count++;
    }
    int r = ab_put(b, tmp + o, cap - o);
    PyMem_Free(tmp);
    return r;
}

static const char *
sign_text(int negative, Py_UCS4 sign)
{
    if (negative) {
        return "-";
    }
    if (sign == '+') {
        return "+";
    }
    if (sign == ' ') {
        return " ";
    }
    return "";
}

/* Render sign + prefix + digits + rest and pad.  Zero padding with '='
 * grows the digit run (with grouping). */
static PyObject *
finish_number(const char *sign, const char *prefix, const char *digits, Py_ssize_t ndigits,
              const char *rest, Py_ssize_t nrest, char sep, int group, const FormatSpec *f)
{
    abuf b = {NULL, 0, 0};
    Py_ssize_t head = (Py_ssize_t)(strlen(sign) + strlen(prefix));
    Py_ssize_t min_digits = 0;
    if (f->align == '=' && f->fill_char == '0' && f->width > 0) {
        min_digits = f->width - head - nrest;
    }
    PyObject *r = NULL;
    if (ab_put(&b, sign, (Py_ssize_t)strlen(sign)) < 0 ||
        ab_put(&b, prefix, (Py_ssize_t)strlen(prefix)) < 0 ||
        ab_put_grouped(&b, digits, ndigits, sep, group, min_digits) < 0 ||
        ab_put(&b, rest, nrest) < 0) {
        goto done;
    }
    r = pad_ascii(b.buf, b.len, head, f);
done:
    PyMem_Free(b.buf);
    return r;
}

/* ---- int ------------------------------------------------------------------ */

static PyObject *format_float_value(PyObject *obj, double val, const FormatSpec *f);

static PyObject *
format_long(PyObject *obj, const FormatSpec *f)
{
    int base;
    switch (f->type) {
    case 'b': base = 2; break;
    case 'o': base = 8; break;
    case 'x': case 'X': base = 16; break;
    case 'd': case 'n': base = 10; break;
    case 'c': base = 0; break;
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%': {
        /* an int with a float presentation type is formatted as float */
        double val = PyLong_AsDouble(obj);
        if (val == -1.0 && PyErr_Occurred()) {
            return NULL;
        }
        return format_float_value(obj, val, f);
    }
    default:
        unknown_presentation_type(f->type, Py_TYPE(obj)->tp_name);
        return NULL;
    }
    if (f->precision != -1) {
        PyErr_SetString(PyExc_ValueError, "Precision not allowed in integer format specifier");
        return NULL;
    }
    if (f->no_neg_0) {
        PyErr_SetString(PyExc_ValueError,
                        "Negative zero coercion (z) not allowed in integer format specifier");
        return NULL;
    }
    int negative = _PyLong_Sign(obj) < 0;
    if (base == 0) {
        if (f->sign) {
            PyErr_SetString(PyExc_ValueError,
                            "Sign not allowed with integer format specifier 'c'");
            return NULL;
        }
        if (f->alternate) {
            PyErr_SetString(PyExc_ValueError,
                            "Alternate form (#) not allowed with integer format specifier 'c'");
            return NULL;
        }
        long x = PyLong_AsLong(obj);
        if (x == -1 && PyErr_Occurred()) {
            return NULL;
        }
        if (x < 0 || x > 0x10ffff) {
            PyErr_SetString(PyExc_OverflowError, "%c arg not in range(0x110000)");
            return NULL;
        }
        PyObject *ch = PyUnicode_FromOrdinal((int)x);
        if (ch == NULL) {
            return NULL;
        }
        FormatSpec g = *f;
        if (g.align == '=') {
            g.align = '>';
        }
        PyObject *r = pad_str(ch, 0, &g);
        Py_DECREF(ch);
        return r;
    }
    Py_ssize_t n;
    char *digits = _PyLong_ToASCIIDigits(obj, base, &n);
    if (digits == NULL) {
        return NULL;
    }
    const char *prefix = "";
    if (f->alternate) {
        prefix = base == 2 ? "0b" : base == 8 ? "0o" : base == 16 ? (f->type == 'X' ? "0X" : "0x") : "";
    }
    if (f->type == 'X') {
        for (Py_ssize_t i = 0; i < n; i++) {
            if (digits[i] >= 'a' && digits[i] <= 'f') {
                digits[i] = (char)(digits[i] - 'a' + 'A');
            }
        }
    }
    int group = base == 10 ? 3 : 4;
    PyObject *r = finish_number(sign_text(negative, f->sign), prefix, digits, n, "", 0,
                                f->thousands, group, f);
    PyMem_Free(digits);
    return r;
}

/* ---- float ---------------------------------------------------------------- */

/* Render one double to ASCII pieces: *sign ("-" or from the spec), the
 * integer digit run, and the rest.  Returns the PyMem buffer holding the
 * text (digits and rest point into it). */
static char *
render_double(double val, Py_UCS4 type, Py_ssize_t precision, int flags, Py_UCS4 spec_sign,
              const char **sign, const char **digits, Py_ssize_t *ndigits,
              const char **rest)
{
    char *s = PyOS_double_to_string(val, (char)type, (int)precision, flags, NULL);
    if (s == NULL) {
        return NULL;
    }
    const char *p = s;
    int negative = 0;
    if (*p == '-') {
        negative = 1;
        p++;
    }
    *sign = sign_text(negative, spec_sign);
    *digits = p;
    while (*p >= '0' && *p <= '9') {
        p++;
    }
    *ndigits = p - *digits;
    *rest = p;
    return s;
}

static PyObject *
format_float_value(PyObject *obj, double val, const FormatSpec *f)
{
    Py_UCS4 type = f->type;
    Py_ssize_t precision = f->precision;
    int flags = 0;
    int default_precision = 6;
    int percent = 0;
    if (f->alternate) {
        flags |= Py_DTSF_ALT;
    }
    if (f->no_neg_0) {
        flags |= Py_DTSF_NO_NEG_0;
    }
    if (type == '\0') {
        /* like str(), but honouring a precision (then like 'g' that
         * always shows a digit after the point) */
        flags |= Py_DTSF_ADD_DOT_0;
        type = 'r';
        default_precision = 0;
    }
    if (type == 'n') {
        type = 'g';   /* the C locale: no grouping */
    }
    switch (type) {
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'r':
        break;
    case '%':
        type = 'f';
        val *= 100;
        percent = 1;
        break;
    default:
        unknown_presentation_type(f->type, Py_TYPE(obj)->tp_name);
        return NULL;
    }
    if (precision < 0) {
        precision = default_precision;
    }
    else if (type == 'r') {
        type = 'g';
    }
    if (precision > INT_MAX / 2) {
        PyErr_SetString(PyExc_ValueError, "precision too big");
        return NULL;
    }
    const char *sign, *digits, *rest;
    Py_ssize_t nd;
    char *s = render_double(val, type, precision, flags, f->sign, &sign, &digits, &nd, &rest);
    if (s == NULL) {
        return NULL;
    }
    PyObject *r;
    /* inf and nan have no digits to group, not even in zero padding */
    char sep = isfinite(val) ? f->thousands : 0;
    if (percent) {
        size_t rl = strlen(rest);
        char *rest2 = (char *)PyMem_Malloc(rl + 2);
        if (rest2 == NULL) {
            PyMem_Free(s);
            return PyErr_NoMemory();
        }
        memcpy(rest2, rest, rl);
        rest2[rl] = '%';
        rest2[rl + 1] = '\0';
        r = finish_number(sign, "", digits, nd, rest2, (Py_ssize_t)rl + 1, sep, 3, f);
        PyMem_Free(rest2);
    }
    else {
        r = finish_number(sign, "", digits, nd, rest, (Py_ssize_t)strlen(rest), sep, 3, f);
    }
    PyMem_Free(s);
    return r;
}

/* ---- complex ---------------------------------------------------------------- */

static PyObject *
format_complex(PyObject *obj, const FormatSpec *f)
{
    Py_complex c = PyComplex_AsCComplex(obj);
    Py_UCS4 type = f->type;
    Py_ssize_t precision = f->precision;
    int flags = 0, default_precision = 6, skip_re = 0, add_parens = 0;
    if (f->fill_char == '0') {
        PyErr_SetString(PyExc_ValueError,
                        "Zero padding is not allowed in complex format specifier");
        return NULL;
    }
    if (f->align == '=') {
        PyErr_SetString(PyExc_ValueError,
                        "'=' alignment flag is not allowed in complex format specifier");
        return NULL;
    }
    if (f->alternate) {
        flags |= Py_DTSF_ALT;
    }
    if (f->no_neg_0) {
        flags |= Py_DTSF_NO_NEG_0;
    }
    if (type == '\0') {
        type = 'r';
        default_precision = 0;
        if (c.real == 0.0 && copysign(1.0, c.real) == 1.0) {
            skip_re = 1;
        }
        else {
            add_parens = 1;
        }
    }
    if (type == 'n') {
        type = 'g';
    }
    switch (type) {
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'r':
        break;
    default:
        unknown_presentation_type(f->type, Py_TYPE(obj)->tp_name);
        return NULL;
    }
    if (precision < 0) {
        precision = default_precision;
    }
    else if (type == 'r') {
        type = 'g';
    }
    if (precision > INT_MAX / 2) {
        PyErr_SetString(PyExc_ValueError, "precision too big");
        return NULL;
    }
    /* no padding inside: each part is rendered bare, then the whole padded */
    FormatSpec bare = *f;
    bare.width = -1;
    bare.align = '>';
    bare.fill_char = ' ';
    const char *rsign, *rdig, *rrest, *isign, *idig, *irest;
    Py_ssize_t rnd, ind;
    char *rs = NULL, *is = NULL;
    PyObject *re = NULL, *im = NULL, *body = NULL, *r = NULL;
    if (!skip_re) {
        rs = render_double(c.real, type, precision, flags, f->sign, &rsign, &rdig, &rnd, &rrest);
        if (rs == NULL) {
            goto done;
        }
        re = finish_number(rsign, "", rdig, rnd, rrest, (Py_ssize_t)strlen(rrest),
                           f->thousands, 3, &bare);
        if (re == NULL) {
            goto done;
        }
    }
    /* the imaginary part always carries a sign after a real part */
    is = render_double(c.imag, type, precision, flags, skip_re ? f->sign : '+',
                       &isign, &idig, &ind, &irest);
    if (is == NULL) {
        goto done;
    }
    {
        size_t il = strlen(irest);
        char *irest2 = (char *)PyMem_Malloc(il + 2);
        if (irest2 == NULL) {
            PyErr_NoMemory();
            goto done;
        }
        memcpy(irest2, irest, il);
        irest2[il] = 'j';
        irest2[il + 1] = '\0';
        im = finish_number(isign, "", idig, ind, irest2, (Py_ssize_t)il + 1,
                           f->thousands, 3, &bare);
        PyMem_Free(irest2);
    }
    if (im == NULL) {
        goto done;
    }
    if (skip_re) {
        body = im;
        Py_INCREF(body);
    }
    else {
        body = PyUnicode_FromFormat("%s%U%U%s", add_parens ? "(" : "", re, im,
                                    add_parens ? ")" : "");
    }
    if (body == NULL) {
        goto done;
    }
    {
        FormatSpec outer = *f;
        r = pad_str(body, 0, &outer);
    }
done:
    PyMem_Free(rs);
    PyMem_Free(is);
    Py_XDECREF(re);
    Py_XDECREF(im);
    Py_XDECREF(body);
    return r;
}

/* ---- str -------------------------------------------------------------------- */

static PyObject *
format_string(PyObject *str, const FormatSpec *f)
{
    if (f->type != 's') {
        unknown_presentation_type(f->type, Py_TYPE(str)->tp_name);
        return NULL;
    }
    if (f->sign) {
        PyErr_SetString(PyExc_ValueError, "Sign not allowed in string format specifier");
        return NULL;
    }
    if (f->no_neg_0) {
        PyErr_SetString(PyExc_ValueError,
                        "Negative zero coercion (z) not allowed in string format specifier");
        return NULL;
    }
    if (f->alternate) {
        PyErr_SetString(PyExc_ValueError, "Alternate form (#) not allowed in string format specifier");
        return NULL;
    }
    if (f->align == '=') {
        PyErr_SetString(PyExc_ValueError, "'=' alignment not allowed in string format specifier");
        return NULL;
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(str);
    PyObject *body;
    if (f->precision >= 0 && f->precision < len) {
        body = PyUnicode_Substring(str, 0, f->precision);
    }
    else {
        body = PyUnicode_Substring(str, 0, len);
    }
    if (body == NULL) {
        return NULL;
    }
    PyObject *r = pad_str(body, 0, f);
    Py_DECREF(body);
    return r;
}

/* ---- entry points -------------------------------------------------------------- */

static int
check_spec(PyObject *spec)
{
    if (!PyUnicode_Check(spec)) {
        PyErr_Format(PyExc_TypeError, "format spec must be str, not %.50s",
                     Py_TYPE(spec)->tp_name);
        return -1;
    }
    return 0;
}

PyObject *
_PyLong_FormatSpec(PyObject *obj, PyObject *spec)
{
    if (check_spec(spec) < 0) {
        return NULL;
    }
    if (PyUnicode_GET_LENGTH(spec) == 0) {
        return PyObject_Str(obj);
    }
    FormatSpec f;
    if (parse_spec(obj, spec, &f, 'd', '>') < 0) {
        return NULL;
    }
    return format_long(obj, &f);
}

PyObject *
_PyFloat_FormatSpec(PyObject *obj, PyObject *spec)
{
    if (check_spec(spec) < 0) {
        return NULL;
    }
    if (PyUnicode_GET_LENGTH(spec) == 0) {
        return PyObject_Str(obj);
    }
    FormatSpec f;
    if (parse_spec(obj, spec, &f, '\0', '>') < 0) {
        return NULL;
    }
    return format_float_value(obj, PyFloat_AsDouble(obj), &f);
}

PyObject *
_PyComplex_FormatSpec(PyObject *obj, PyObject *spec)
{
    if (check_spec(spec) < 0) {
        return NULL;
    }
    if (PyUnicode_GET_LENGTH(spec) == 0) {
        return PyObject_Str(obj);
    }
    FormatSpec f;
    if (parse_spec(obj, spec, &f, '\0', '>') < 0) {
        return NULL;
    }
    return format_complex(obj, &f);
}

PyObject *
_PyStr_FormatSpec(PyObject *str, PyObject *spec)
{
    if (check_spec(spec) < 0) {
        return NULL;
    }
    if (PyUnicode_GET_LENGTH(spec) == 0) {
        return PyObject_Str(str);
    }
    FormatSpec f;
    if (parse_spec(str, spec, &f, 's', '<') < 0) {
        return NULL;
    }
    return format_string(str, &f);
}

PyObject *
_PyLong_FormatPercent(PyObject *val, int alt, int prec, int type)
{
    int base = (type == 'x' || type == 'X') ? 16 : (type == 'o') ? 8 : 10;
    Py_ssize_t n;
    char *digits = _PyLong_ToASCIIDigits(val, base, &n);
    if (digits == NULL) {
        return NULL;
    }
    int negative = _PyLong_Sign(val) < 0;
    const char *prefix = "";
    if (alt) {
        prefix = type == 'x' ? "0x" : type == 'X' ? "0X" : type == 'o' ? "0o" : "";
    }
    Py_ssize_t zeros = (prec > n) ? prec - n : 0;
    abuf b = {NULL, 0, 0};
    PyObject *r = NULL;
    if (type == 'X') {
        for (Py_ssize_t i = 0; i < n; i++) {
            if (digits[i] >= 'a' && digits[i] <= 'f') {
                digits[i] = (char)(digits[i] - 'a' + 'A');
            }
        }
    }
    if (ab_put(&b, negative ? "-" : "", negative) == 0 &&
        ab_put(&b, prefix, (Py_ssize_t)strlen(prefix)) == 0 &&
        ab_reserve(&b, zeros) == 0) {
        memset(b.buf + b.len, '0', (size_t)zeros);
        b.len += zeros;
        if (ab_put(&b, digits, n) == 0) {
            r = PyUnicode_FromStringAndSize(b.buf, b.len);
        }
    }
    PyMem_Free(b.buf);
    PyMem_Free(digits);
    return r;
}

PyObject *
_PyFloat_FormatPercent(double x, int flags, int prec, int type)
{
    if (prec < 0) {
        prec = 6;
    }
    char *s = PyOS_double_to_string(x, (char)type, prec, flags, NULL);
    if (s == NULL) {
        return NULL;
    }
    PyObject *r = PyUnicode_FromString(s);
    PyMem_Free(s);
    return r;
}
