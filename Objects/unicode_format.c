/* unicode_format.c: string formatting.  `format % args` (PyUnicode_Format:
 * every conversion, %(name)s with a mapping, * widths and precisions; the
 * numeric conversions call the number formatting of Python/formatter.c) and
 * str.format / str.format_map (field names with attribute and index lookup,
 * !r !s !a conversions, nested replacement fields in format specs; the spec
 * itself goes to the object's __format__ through PyObject_Format). */
#include "Python.h"
#include "pycore_unicodeobject.h"
#include "pycore_format.h"

/* ====================================================================
 * format % args
 * ==================================================================== */

#define F_LJUST (1 << 0)
#define F_SIGN  (1 << 1)
#define F_BLANK (1 << 2)
#define F_ALT   (1 << 3)
#define F_ZERO  (1 << 4)

typedef struct {
    PyObject *fmtstr;
    int fmtkind;
    const void *fmtdata;
    Py_ssize_t fmtcnt, fmtpos;
    PyObject *args;
    Py_ssize_t arglen, argidx;   /* arglen -1: args is a single object */
    PyObject *dict;
    _PyUnicodeWriter writer;
} fmtstate;

static Py_UCS4
fmt_read(fmtstate *ctx)
{
    return PyUnicode_READ(ctx->fmtkind, ctx->fmtdata, ctx->fmtpos);
}

/* Borrowed reference to the next argument. */
static PyObject *
getnextarg(fmtstate *ctx)
{
    Py_ssize_t argidx = ctx->argidx;
    if (ctx->arglen < 0) {
        ctx->arglen = -2;
        if (argidx == 0) {
            ctx->argidx = 1;
            return ctx->args;
        }
    }
    else if (argidx < ctx->arglen) {
        ctx->argidx++;
        return PyTuple_GET_ITEM(ctx->args, argidx);
    }
    PyErr_SetString(PyExc_TypeError, "not enough arguments for format string");
    return NULL;
}

/* Write `str` (already converted, sign included) with width/flags.  For
 * numbers, `signprefix` is the count of leading sign+prefix characters
 * that zero padding goes after. */
static int
write_padded(fmtstate *ctx, PyObject *str, int flags, Py_ssize_t width,
             Py_ssize_t signprefix, int numeric)
{
    _PyUnicodeWriter *w = &ctx->writer;
    Py_ssize_t len = PyUnicode_GET_LENGTH(str);
    Py_ssize_t padn = width > len ? width - len : 0;
    if (padn == 0) {
        return _PyUnicodeWriter_WriteStr(w, str);
    }
    if (flags & F_LJUST) {
        if (_PyUnicodeWriter_WriteStr(w, str) < 0) return -1;
        return _PyUnicodeWriter_WriteFill(w, ' ', padn);
    }
    if (numeric && (flags & F_ZERO)) {
        if (_PyUnicodeWriter_WriteSubstring(w, str, 0, signprefix) < 0) return -1;
        if (_PyUnicodeWriter_WriteFill(w, '0', padn) < 0) return -1;
        return _PyUnicodeWriter_WriteSubstring(w, str, signprefix, len);
    }
    if (_PyUnicodeWriter_WriteFill(w, ' ', padn) < 0) return -1;
    return _PyUnicodeWriter_WriteStr(w, str);
}

/* Prepend '+' or ' ' to a non-negative number's text as the flags ask. */
static PyObject *
add_sign(PyObject *s, int flags)
{
    if (PyUnicode_GET_LENGTH(s) > 0 && PyUnicode_READ_CHAR(s, 0) == '-') {
        return s;
    }
    const char *sign = (flags & F_SIGN) ? "+" : (flags & F_BLANK) ? " " : NULL;
    if (sign == NULL) {
        return s;
    }
    PyObject *p = PyUnicode_FromString(sign);
    if (p == NULL) {
        Py_DECREF(s);
        return NULL;
    }
    PyObject *r = PyUnicode_Concat(p, s);
    Py_DECREF(p);
    Py_DECREF(s);
    return r;
}

/* Length of sign and 0x/0o/0X prefix at the start of s. */
static Py_ssize_t
sign_prefix_len(PyObject *s, int type)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(s), i = 0;
    if (i < n) {
        Py_UCS4 c = PyUnicode_READ_CHAR(s, 0);
        if (c == '-' || c == '+' || c == ' ') i++;
    }
    if ((type == 'x' || type == 'X' || type == 'o') && i + 1 < n &&
        PyUnicode_READ_CHAR(s, i) == '0') {
        Py_UCS4 c = PyUnicode_READ_CHAR(s, i + 1);
        if (c == 'x' || c == 'X' || c == 'o') i += 2;
    }
    return i;
}

static PyObject *
format_long(PyObject *v, int type, int flags, Py_ssize_t prec)
{
    PyObject *iobj;
    if (PyLong_Check(v)) {
        iobj = Py_NewRef(v);
    }
    else if (type == 'd' || type == 'i' || type == 'u') {
        if (!PyNumber_Check(v)) {
            goto wrongtype;
        }
        iobj = PyNumber_Long(v);
        if (iobj == NULL) {
            if (PyErr_ExceptionMatches(PyExc_TypeError)) goto wrongtype;
            return NULL;
        }
    }
    else {
        if (!PyIndex_Check(v)) {
            goto wrongtype;
        }
        iobj = PyNumber_Index(v);
        if (iobj == NULL) {
            return NULL;
        }
    }
    int t = (type == 'i' || type == 'u') ? 'd' : type;
    PyObject *s = _PyLong_FormatPercent(iobj, (flags & F_ALT) != 0,
                                        prec > INT_MAX ? INT_MAX : (int)prec, t);
    Py_DECREF(iobj);
    if (s == NULL) {
        return NULL;
    }
    return add_sign(s, flags);
wrongtype:
    if (type == 'd' || type == 'i' || type == 'u') {
        PyErr_Format(PyExc_TypeError, "%%%c format: a real number is required, not %.200s",
                     type, Py_TYPE(v)->tp_name);
    }
    else {
        PyErr_Format(PyExc_TypeError, "%%%c format: an integer is required, not %.200s",
                     type, Py_TYPE(v)->tp_name);
    }
    return NULL;
}

static PyObject *
format_float(PyObject *v, int type, int flags, Py_ssize_t prec)
{
    double x = PyFloat_AsDouble(v);
    if (x == -1.0 && PyErr_Occurred()) {
        return NULL;
    }
    int dflags = 0;
    if (flags & F_ALT) dflags |= Py_DTSF_ALT;
    PyObject *s = _PyFloat_FormatPercent(x, dflags, prec < 0 ? -1 : (prec > INT_MAX ? INT_MAX : (int)prec), type);
    if (s == NULL) {
        return NULL;
    }
    return add_sign(s, flags);
}

static int
format_char(PyObject *v, Py_UCS4 *out)
{
    if (PyUnicode_Check(v)) {
        if (PyUnicode_GET_LENGTH(v) == 1) {
            *out = PyUnicode_READ_CHAR(v, 0);
            return 0;
        }
        PyErr_SetString(PyExc_TypeError, "%c requires int or char");
        return -1;
    }
    if (!PyLong_Check(v) && !PyIndex_Check(v)) {
        PyErr_SetString(PyExc_TypeError, "%c requires int or char");
        return -1;
    }
    int overflow;
    PyObject *iobj = PyNumber_Index(v);
    if (iobj == NULL) {
        return -1;
    }
    long x = PyLong_AsLongAndOverflow(iobj, &overflow);
    Py_DECREF(iobj);
    if (x == -1 && PyErr_Occurred()) {
        return -1;
    }
    if (overflow || x < 0 || x > _Py_MAX_UNICODE) {
        PyErr_SetString(PyExc_OverflowError, "%c arg not in range(0x110000)");
        return -1;
    }
    *out = (Py_UCS4)x;
    return 0;
}

/* One %-specification starting after the '%'. */
static int
format_one(fmtstate *ctx)
{
    PyObject *v = NULL;
    PyObject *key_owned = NULL;
    PyObject *value_owned = NULL;
    Py_ssize_t spec_start = ctx->fmtpos - 1;
    int flags = 0;
    Py_ssize_t width = -1, prec = -1;

    if (ctx->fmtpos < ctx->fmtcnt && fmt_read(ctx) == '(') {
        if (ctx->dict == NULL) {
            PyErr_SetString(PyExc_TypeError, "format requires a mapping");
            return -1;
        }
        ctx->fmtpos++;
        Py_ssize_t keystart = ctx->fmtpos;
        int pcount = 1;
        while (pcount > 0 && ctx->fmtpos < ctx->fmtcnt) {
            Py_UCS4 c = fmt_read(ctx);
            if (c == ')') pcount--;
            else if (c == '(') pcount++;
            ctx->fmtpos++;
        }
        if (pcount > 0) {
            PyErr_SetString(PyExc_ValueError, "incomplete format key");
            return -1;
        }
        key_owned = PyUnicode_Substring(ctx->fmtstr, keystart, ctx->fmtpos - 1);
        if (key_owned == NULL) {
            return -1;
        }
        value_owned = PyObject_GetItem(ctx->dict, key_owned);
        Py_DECREF(key_owned);
        if (value_owned == NULL) {
            return -1;
        }
        /* with a key, the mapping value is the only argument */
        ctx->args = value_owned;
        ctx->arglen = -1;
        ctx->argidx = 0;
    }
    int rc = -1;
    /* flags */
    while (ctx->fmtpos < ctx->fmtcnt) {
        Py_UCS4 c = fmt_read(ctx);
        if (c == '-') flags |= F_LJUST;
        else if (c == '+') flags |= F_SIGN;
        else if (c == ' ') flags |= F_BLANK;
        else if (c == '#') flags |= F_ALT;
        else if (c == '0') flags |= F_ZERO;
        else break;
        ctx->fmtpos++;
    }
    /* width */
    if (ctx->fmtpos < ctx->fmtcnt && fmt_read(ctx) == '*') {
        ctx->fmtpos++;
        PyObject *a = getnextarg(ctx);
        if (a == NULL) goto done;
        if (!PyLong_Check(a)) {
            PyErr_SetString(PyExc_TypeError, "* wants int");
            goto done;
        }
        width = PyLong_AsSsize_t(a);
        if (width == -1 && PyErr_Occurred()) goto done;
        if (width < 0) {
            flags |= F_LJUST;
            width = -width;
        }
    }
    else {
        while (ctx->fmtpos < ctx->fmtcnt) {
            Py_UCS4 c = fmt_read(ctx);
            if (c < '0' || c > '9') break;
            if (width < 0) width = 0;
            if (width > (PY_SSIZE_T_MAX - 9) / 10) {
                PyErr_SetString(PyExc_ValueError, "width too big");
                goto done;
            }
            width = width * 10 + (c - '0');
            ctx->fmtpos++;
        }
    }
    /* precision */
    if (ctx->fmtpos < ctx->fmtcnt && fmt_read(ctx) == '.') {
        ctx->fmtpos++;
        prec = 0;
        if (ctx->fmtpos < ctx->fmtcnt && fmt_read(ctx) == '*') {
            ctx->fmtpos++;
            PyObject *a = getnextarg(ctx);
            if (a == NULL) goto done;
            if (!PyLong_Check(a)) {
                PyErr_SetString(PyExc_TypeError, "* wants int");
                goto done;
            }
            prec = PyLong_AsSsize_t(a);
            if (prec == -1 && PyErr_Occurred()) goto done;
            if (prec < 0) prec = 0;
        }
        else {
            while (ctx->fmtpos < ctx->fmtcnt) {
                Py_UCS4 c = fmt_read(ctx);
                if (c < '0' || c > '9') break;
                if (prec > (PY_SSIZE_T_MAX - 9) / 10) {
                    PyErr_SetString(PyExc_ValueError, "precision too big");
                    goto done;
                }
                prec = prec * 10 + (c - '0');
                ctx->fmtpos++;
            }
        }
    }
    /* length modifiers are accepted and ignored */
    while (ctx->fmtpos < ctx->fmtcnt) {
        Py_UCS4 c = fmt_read(ctx);
        if (c != 'h' && c != 'l' && c != 'L') break;
        ctx->fmtpos++;
    }
    if (ctx->fmtpos >= ctx->fmtcnt) {
        PyErr_SetString(PyExc_ValueError, "incomplete format");
        goto done;
    }
    Py_UCS4 type = fmt_read(ctx);
    ctx->fmtpos++;
    if (type == '%') {
        rc = _PyUnicodeWriter_WriteChar(&ctx->writer, '%');
        goto done;
    }
    v = getnextarg(ctx);
    if (v == NULL) goto done;
    PyObject *s = NULL;
    switch (type) {
    case 's': case 'r': case 'a':
        if (type == 's' && PyUnicode_CheckExact(v)) {
            s = Py_NewRef(v);
        }
        else {
            s = type == 's' ? PyObject_Str(v) : type == 'r' ? PyObject_Repr(v) : PyObject_ASCII(v);
        }
        if (s == NULL) goto done;
        if (prec >= 0 && PyUnicode_GET_LENGTH(s) > prec) {
            PyObject *t = PyUnicode_Substring(s, 0, prec);
            Py_SETREF(s, t);
            if (s == NULL) goto done;
        }
        rc = write_padded(ctx, s, flags, width, 0, 0);
        Py_DECREF(s);
        goto done;
    case 'd': case 'i': case 'u': case 'o': case 'x': case 'X':
        s = format_long(v, (int)type, flags, prec);
        if (s == NULL) goto done;
        rc = write_padded(ctx, s, flags, width, sign_prefix_len(s, (int)type), 1);
        Py_DECREF(s);
        goto done;
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
        s = format_float(v, (int)type, flags, prec);
        if (s == NULL) goto done;
        rc = write_padded(ctx, s, flags, width, sign_prefix_len(s, (int)type), 1);
        Py_DECREF(s);
        goto done;
    case 'c': {
        Py_UCS4 ch;
        if (format_char(v, &ch) < 0) goto done;
        s = _PyUnicode_Char(ch);
        if (s == NULL) goto done;
        rc = write_padded(ctx, s, flags, width, 0, 0);
        Py_DECREF(s);
        goto done;
    }
    default:
        if (type >= 32 && type < 127) {
            PyErr_Format(PyExc_ValueError,
                         "unsupported format character '%c' (0x%x) at index %zd",
                         (int)type, (unsigned)type, ctx->fmtpos - 1);
        }
        else {
            PyErr_Format(PyExc_ValueError,
                         "unsupported format character '\\x%x' (0x%x) at index %zd",
                         (unsigned)type, (unsigned)type, ctx->fmtpos - 1);
        }
        goto done;
    }
done:
    (void)spec_start;
    if (value_owned != NULL) {
        /* keep the value alive while args points at it: dropped by caller */
        ctx->args = NULL;
        Py_DECREF(value_owned);
    }
    return rc;
}

PyObject *
PyUnicode_Format(PyObject *format, PyObject *args)
{
    if (format == NULL || args == NULL) {
        PyErr_BadInternalCall();
        return NULL;
    }
    if (!PyUnicode_Check(format)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    fmtstate ctx;
    ctx.fmtstr = format;
    ctx.fmtkind = PyUnicode_KIND(format);
    ctx.fmtdata = PyUnicode_DATA(format);
    ctx.fmtcnt = PyUnicode_GET_LENGTH(format);
    ctx.fmtpos = 0;
    _PyUnicodeWriter_Init(&ctx.writer);
    ctx.writer.min_length = ctx.fmtcnt + 100;
    ctx.writer.overallocate = 1;
    PyObject *orig_args = args;
    Py_ssize_t orig_arglen;
    if (PyTuple_Check(args)) {
        orig_arglen = PyTuple_GET_SIZE(args);
    }
    else {
        orig_arglen = -1;
    }
    ctx.args = args;
    ctx.arglen = orig_arglen;
    ctx.argidx = 0;
    ctx.dict = NULL;
    if (PyMapping_Check(args) && !PyTuple_Check(args) && !PyUnicode_Check(args)) {
        ctx.dict = args;
    }
    while (ctx.fmtpos < ctx.fmtcnt) {
        Py_ssize_t start = ctx.fmtpos;
        while (ctx.fmtpos < ctx.fmtcnt && fmt_read(&ctx) != '%') {
            ctx.fmtpos++;
        }
        if (ctx.fmtpos > start &&
            _PyUnicodeWriter_WriteSubstring(&ctx.writer, format, start, ctx.fmtpos) < 0) {
            goto fail;
        }
        if (ctx.fmtpos >= ctx.fmtcnt) {
            break;
        }
        ctx.fmtpos++;   /* skip '%' */
        PyObject *saved_args = ctx.args;
        Py_ssize_t saved_len = ctx.arglen, saved_idx = ctx.argidx;
        int keyed = ctx.fmtpos < ctx.fmtcnt && fmt_read(&ctx) == '(';
        if (format_one(&ctx) < 0) {
            goto fail;
        }
        if (keyed) {
            ctx.args = saved_args;
            ctx.arglen = saved_len;
            ctx.argidx = saved_idx;
        }
    }
    if (ctx.dict == NULL && ctx.argidx < (ctx.arglen < 0 ? 1 : ctx.arglen) && ctx.arglen != -2) {
        PyErr_SetString(PyExc_TypeError, "not all arguments converted during string formatting");
        goto fail;
    }
    (void)orig_args;
    return _PyUnicodeWriter_Finish(&ctx.writer);
fail:
    _PyUnicodeWriter_Dealloc(&ctx.writer);
    return NULL;
}

/* ====================================================================
 * str.format / str.format_map
 * ==================================================================== */

typedef enum { ANS_INIT, ANS_AUTO, ANS_MANUAL } auto_number_state;

typedef struct {
    PyObject *const *args;     /* NULL for format_map */
    Py_ssize_t nargs;
    PyObject *const *kwvalues; /* format(): keyword values */
    PyObject *kwnames;
    PyObject *mapping;         /* format_map(): the mapping */
    auto_number_state an_state;
    Py_ssize_t an_field_number;
} fmtargs;

static int build_string(PyObject *str, Py_ssize_t start, Py_ssize_t end, fmtargs *fa,
                        int recursion_depth, _PyUnicodeWriter *w);

/* The integer value of str[start:end] if all digits, else -1; -2 on
 * overflow (exception set). */
static Py_ssize_t
get_integer(PyObject *str, Py_ssize_t start, Py_ssize_t end)
{
    if (start >= end) {
        return -1;
    }
    Py_ssize_t acc = 0;
    for (Py_ssize_t i = start; i < end; i++) {
        int d = _PyUnicode_ToDecimalDigit(PyUnicode_READ_CHAR(str, i));
        if (d < 0) {
            return -1;
        }
        if (acc > (PY_SSIZE_T_MAX - d) / 10) {
            PyErr_Format(PyExc_ValueError, "Too many decimal digits in format string");
            return -2;
        }
        acc = acc * 10 + d;
    }
    return acc;
}

static PyObject *
lookup_first(PyObject *str, Py_ssize_t start, Py_ssize_t end, fmtargs *fa)
{
    Py_ssize_t index = get_integer(str, start, end);
    if (index == -2) {
        return NULL;
    }
    if (start == end) {
        /* auto numbering */
        if (fa->an_state == ANS_MANUAL) {
            PyErr_SetString(PyExc_ValueError,
                            "cannot switch from manual field specification to automatic field numbering");
            return NULL;
        }
        fa->an_state = ANS_AUTO;
        index = fa->an_field_number++;
    }
    else if (index >= 0) {
        if (fa->an_state == ANS_AUTO) {
            PyErr_SetString(PyExc_ValueError,
                            "cannot switch from automatic field numbering to manual field specification");
            return NULL;
        }
        fa->an_state = ANS_MANUAL;
    }
    if (index < 0) {
        PyObject *key = PyUnicode_Substring(str, start, end);
        if (key == NULL) {
            return NULL;
        }
        PyObject *obj = NULL;
        if (fa->mapping != NULL) {
            obj = PyObject_GetItem(fa->mapping, key);
        }
        else {
            Py_ssize_t nkw = fa->kwnames ? PyTuple_GET_SIZE(fa->kwnames) : 0;
            for (Py_ssize_t i = 0; i < nkw; i++) {
                if (_PyUnicode_Equal(PyTuple_GET_ITEM(fa->kwnames, i), key)) {
                    obj = Py_NewRef(fa->kwvalues[i]);
                    break;
                }
            }
            if (obj == NULL) {
                _PyErr_SetKeyError(key);
            }
        }
        Py_DECREF(key);
        return obj;
    }
    if (fa->args == NULL) {
        PyErr_SetString(PyExc_ValueError, "Format string contains positional fields");
        return NULL;
    }
    if (index >= fa->nargs) {
        PyErr_Format(PyExc_IndexError,
                     "Replacement index %zd out of range for positional args tuple", index);
        return NULL;
    }
    return Py_NewRef(fa->args[index]);
}

/* Resolve a field name (arg_name, then .attr / [key] parts). */
static PyObject *
get_field_object(PyObject *str, Py_ssize_t start, Py_ssize_t end, fmtargs *fa)
{
    Py_ssize_t i = start;
    while (i < end) {
        Py_UCS4 c = PyUnicode_READ_CHAR(str, i);
        if (c == '.' || c == '[') break;
        i++;
    }
    PyObject *obj = lookup_first(str, start, i, fa);
    if (obj == NULL) {
        return NULL;
    }
    while (i < end) {
        Py_UCS4 c = PyUnicode_READ_CHAR(str, i++);
        Py_ssize_t nstart = i, nend;
        int is_attr;
        if (c == '.') {
            is_attr = 1;
            while (i < end) {
                Py_UCS4 d = PyUnicode_READ_CHAR(str, i);
                if (d == '.' || d == '[') break;
                i++;
            }
            nend = i;
        }
        else if (c == '[') {
            is_attr = 0;
            int found = 0;
            while (i < end) {
                if (PyUnicode_READ_CHAR(str, i) == ']') {
                    found = 1;
                    break;
                }
                i++;
            }
            if (!found) {
                PyErr_SetString(PyExc_ValueError, "Missing ']' in format string");
                goto fail;
            }
            nend = i;
            i++;    /* skip ']' */
        }
        else {
            PyErr_SetString(PyExc_ValueError,
                            "Only '.' or '[' may follow ']' in format field specifier");
            goto fail;
        }
        if (nstart == nend) {
            PyErr_SetString(PyExc_ValueError, "Empty attribute in format string");
            goto fail;
        }
        PyObject *next;
        if (is_attr) {
            PyObject *name = PyUnicode_Substring(str, nstart, nend);
            if (name == NULL) goto fail;
            next = PyObject_GetAttr(obj, name);
            Py_DECREF(name);
        }
        else {
            Py_ssize_t idx = get_integer(str, nstart, nend);
            if (idx == -2) goto fail;
            PyObject *key = idx >= 0 ? PyLong_FromSsize_t(idx)
                                     : PyUnicode_Substring(str, nstart, nend);
            if (key == NULL) goto fail;
            next = PyObject_GetItem(obj, key);
            Py_DECREF(key);
        }
        if (next == NULL) goto fail;
        Py_SETREF(obj, next);
    }
    return obj;
fail:
    Py_DECREF(obj);
    return NULL;
}

/* Parse a replacement field after its '{' at str[*pos]; sets the field
 * name / spec ranges and conversion; *pos moves past the closing '}'. */
static int
parse_field(PyObject *str, Py_ssize_t *pos, Py_ssize_t end,
            Py_ssize_t *name_start, Py_ssize_t *name_end,
            Py_ssize_t *spec_start, Py_ssize_t *spec_end,
            int *spec_needs_expanding, Py_UCS4 *conversion)
{
    Py_ssize_t i = *pos;
    Py_UCS4 c = 0;
    *conversion = 0;
    *spec_start = *spec_end = 0;
    *spec_needs_expanding = 0;
    *name_start = i;
    while (i < end) {
        c = PyUnicode_READ_CHAR(str, i++);
        if (c == '{') {
            PyErr_SetString(PyExc_ValueError, "unexpected '{' in field name");
            return -1;
        }
        if (c == '[') {
            while (i < end && PyUnicode_READ_CHAR(str, i) != ']') i++;
            continue;
        }
        if (c == '}' || c == ':' || c == '!') break;
    }
    *name_end = i - 1;
    if (c == '!' || c == ':') {
        if (c == '!') {
            if (i >= end) {
                PyErr_SetString(PyExc_ValueError,
                                "end of string while looking for conversion specifier");
                return -1;
            }
            *conversion = PyUnicode_READ_CHAR(str, i++);
            if (i < end) {
                Py_UCS4 d = PyUnicode_READ_CHAR(str, i++);
                if (d == '}') {
                    *pos = i;
                    return 0;
                }
                if (d != ':') {
                    PyErr_SetString(PyExc_ValueError, "expected ':' after conversion specifier");
                    return -1;
                }
            }
        }
        *spec_start = i;
        int count = 1;
        while (i < end) {
            Py_UCS4 d = PyUnicode_READ_CHAR(str, i++);
            if (d == '{') {
                *spec_needs_expanding = 1;
                count++;
            }
            else if (d == '}') {
                if (--count == 0) {
                    *spec_end = i - 1;
                    *pos = i;
                    return 0;
                }
            }
        }
        PyErr_SetString(PyExc_ValueError, "unmatched '{' in format spec");
        return -1;
    }
    if (c != '}' || *name_end < *name_start) {
        PyErr_SetString(PyExc_ValueError, "expected '}' before end of string");
        return -1;
    }
    *pos = i;
    return 0;
}

static int
render_field(PyObject *str, fmtargs *fa, int recursion_depth, _PyUnicodeWriter *w,
             Py_ssize_t name_start, Py_ssize_t name_end, Py_ssize_t spec_start,
             Py_ssize_t spec_end, int spec_needs_expanding, Py_UCS4 conversion)
{
    PyObject *obj = get_field_object(str, name_start, name_end, fa);
    if (obj == NULL) {
        return -1;
    }
    if (conversion) {
        PyObject *conv;
        switch (conversion) {
        case 'r': conv = PyObject_Repr(obj); break;
        case 's': conv = PyObject_Str(obj); break;
        case 'a': conv = PyObject_ASCII(obj); break;
        default:
            if (conversion > 32 && conversion < 127) {
                PyErr_Format(PyExc_ValueError, "Unknown conversion specifier %c", (int)conversion);
            }
            else {
                PyErr_Format(PyExc_ValueError, "Unknown conversion specifier \\x%x",
                             (unsigned)conversion);
            }
            conv = NULL;
        }
        Py_DECREF(obj);
        if (conv == NULL) {
            return -1;
        }
        obj = conv;
    }
    PyObject *spec;
    if (spec_needs_expanding) {
        _PyUnicodeWriter sw;
        _PyUnicodeWriter_Init(&sw);
        if (build_string(str, spec_start, spec_end, fa, recursion_depth - 1, &sw) < 0) {
            _PyUnicodeWriter_Dealloc(&sw);
            Py_DECREF(obj);
            return -1;
        }
        spec = _PyUnicodeWriter_Finish(&sw);
    }
    else {
        spec = PyUnicode_Substring(str, spec_start, spec_end);
    }
    if (spec == NULL) {
        Py_DECREF(obj);
        return -1;
    }
    int r;
    if (PyUnicode_CheckExact(obj) && PyUnicode_GET_LENGTH(spec) == 0) {
        r = _PyUnicodeWriter_WriteStr(w, obj);
    }
    else {
        PyObject *out = PyObject_Format(obj, spec);
        r = out ? _PyUnicodeWriter_WriteStr(w, out) : -1;
        Py_XDECREF(out);
    }
    Py_DECREF(spec);
    Py_DECREF(obj);
    return r;
}

static int
build_string(PyObject *str, Py_ssize_t start, Py_ssize_t end, fmtargs *fa,
             int recursion_depth, _PyUnicodeWriter *w)
{
    if (recursion_depth <= 0) {
        PyErr_SetString(PyExc_ValueError, "Max string recursion exceeded");
        return -1;
    }
    Py_ssize_t i = start;
    while (i < end) {
        Py_ssize_t lit = i;
        Py_UCS4 c = 0;
        int markup = 0;
        while (i < end) {
            c = PyUnicode_READ_CHAR(str, i++);
            if (c == '{' || c == '}') {
                markup = 1;
                break;
            }
        }
        int at_end = i >= end;
        Py_ssize_t litend = i;
        if (markup) {
            if (c == '}' && (at_end || PyUnicode_READ_CHAR(str, i) != '}')) {
                PyErr_SetString(PyExc_ValueError, "Single '}' encountered in format string");
                return -1;
            }
            if (at_end && c == '{') {
                PyErr_SetString(PyExc_ValueError, "Single '{' encountered in format string");
                return -1;
            }
            if (PyUnicode_READ_CHAR(str, i) == c) {
                /* doubled brace: literal text including one brace */
                i++;
                markup = 0;
            }
            else {
                litend--;
            }
        }
        if (litend > lit && _PyUnicodeWriter_WriteSubstring(w, str, lit, litend) < 0) {
            return -1;
        }
        if (!markup) {
            continue;
        }
        Py_ssize_t ns, ne, ss, se;
        int expand;
        Py_UCS4 conv;
        if (parse_field(str, &i, end, &ns, &ne, &ss, &se, &expand, &conv) < 0) {
            return -1;
        }
        if (render_field(str, fa, recursion_depth, w, ns, ne, ss, se, expand, conv) < 0) {
            return -1;
        }
    }
    return 0;
}

static PyObject *
do_format(PyObject *self, fmtargs *fa)
{
    _PyUnicodeWriter w;
    _PyUnicodeWriter_Init(&w);
    w.overallocate = 1;
    w.min_length = PyUnicode_GET_LENGTH(self) + 100;
    if (build_string(self, 0, PyUnicode_GET_LENGTH(self), fa, 2, &w) < 0) {
        _PyUnicodeWriter_Dealloc(&w);
        return NULL;
    }
    return _PyUnicodeWriter_Finish(&w);
}

PyObject *
_PyUnicode_FormatMethod(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                        PyObject *kwnames)
{
    fmtargs fa = {args, nargs, args + nargs, kwnames, NULL, ANS_INIT, 0};
    return do_format(self, &fa);
}

PyObject *
_PyUnicode_FormatMapMethod(PyObject *self, PyObject *mapping)
{
    fmtargs fa = {NULL, 0, NULL, NULL, mapping, ANS_INIT, 0};
    return do_format(self, &fa);
}
