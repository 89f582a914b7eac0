/* bytesobject.c: the bytes type.  Allocation (empty and single-byte
 * singletons), the C API (PyBytes_FromStringAndSize, _PyBytes_Resize,
 * PyBytes_FromFormat, PyBytes_DecodeEscape, ...), the constructor, repr,
 * hash, comparison, sequence and mapping slots, the buffer protocol,
 * bytes % args, and the iterator.  Methods shared with bytearray are in
 * bytes_methods.c. */
#include "Python.h"
#include "pycore_unicodeobject.h"
#include "pycore_bytes_methods.h"

#include <stddef.h>

#define BYTES_HEADER_SIZE (offsetof(PyBytesObject, ob_sval))

static struct {
    PyObject_VAR_HEAD
    Py_hash_t ob_shash;
    char ob_sval[1];
} empty_bytes = {
    .ob_base = PyVarObject_HEAD_INIT(&PyBytes_Type, 0)
    .ob_shash = -1,
    .ob_sval = {0},
};
#define EMPTY_BYTES ((PyObject *)&empty_bytes)

static PyObject *single_bytes[256];

static PyObject *
bytes_alloc(Py_ssize_t size)
{
    if ((size_t)size > (size_t)PY_SSIZE_T_MAX - BYTES_HEADER_SIZE - 1) {
        PyErr_SetString(PyExc_OverflowError, "byte string is too large");
        return NULL;
    }
    PyBytesObject *op = PyObject_Malloc(BYTES_HEADER_SIZE + (size_t)size + 1);
    if (op == NULL) {
        return PyErr_NoMemory();
    }
    PyObject_InitVar((PyVarObject *)op, &PyBytes_Type, size);
    op->ob_shash = -1;
    op->ob_sval[size] = '\0';
    return (PyObject *)op;
}

static PyObject *
get_single_byte(unsigned char c)
{
    PyObject *b = _Py_atomic_load_ptr_acquire(&single_bytes[c]);
    if (b != NULL) {
        return b;
    }
    b = bytes_alloc(1);
    if (b == NULL) {
        return NULL;
    }
    PyBytes_AS_STRING(b)[0] = (char)c;
    _Py_SetImmortal(b);
    PyObject *expected = NULL;
    if (!_Py_atomic_compare_exchange_ptr(&single_bytes[c], &expected, b)) {
        PyObject_Free(b);
        return expected;
    }
    return b;
}

PyObject *
PyBytes_FromStringAndSize(const char *str, Py_ssize_t size)
{
    if (size < 0) {
        PyErr_SetString(PyExc_SystemError, "Negative size passed to PyBytes_FromStringAndSize");
        return NULL;
    }
    if (size == 0) {
        return EMPTY_BYTES;
    }
    if (size == 1 && str != NULL) {
        return get_single_byte((unsigned char)str[0]);
    }
    PyObject *op = bytes_alloc(size);
    if (op == NULL) {
        return NULL;
    }
    if (str != NULL) {
        memcpy(PyBytes_AS_STRING(op), str, (size_t)size);
    }
    return op;
}

PyObject *
PyBytes_FromString(const char *str)
{
    size_t size = strlen(str);
    if (size > PY_SSIZE_T_MAX - BYTES_HEADER_SIZE) {
        PyErr_SetString(PyExc_OverflowError, "byte string is too long");
        return NULL;
    }
    return PyBytes_FromStringAndSize(str, (Py_ssize_t)size);
}

Py_ssize_t
PyBytes_Size(PyObject *op)
{
    if (!PyBytes_Check(op)) {
        PyErr_Format(PyExc_TypeError, "expected bytes, %.200s found", Py_TYPE(op)->tp_name);
        return -1;
    }
    return Py_SIZE(op);
}

char *
PyBytes_AsString(PyObject *op)
{
    if (!PyBytes_Check(op)) {
        PyErr_Format(PyExc_TypeError, "expected bytes, %.200s found", Py_TYPE(op)->tp_name);
        return NULL;
    }
    return PyBytes_AS_STRING(op);
}

int
PyBytes_AsStringAndSize(PyObject *obj, char **s, Py_ssize_t *len)
{
    if (s == NULL) {
        PyErr_BadInternalCall();
        return -1;
    }
    if (!PyBytes_Check(obj)) {
        PyErr_Format(PyExc_TypeError, "expected bytes, %.200s found", Py_TYPE(obj)->tp_name);
        return -1;
    }
    *s = PyBytes_AS_STRING(obj);
    if (len != NULL) {
        *len = PyBytes_GET_SIZE(obj);
    }
    else if ((Py_ssize_t)strlen(*s) != PyBytes_GET_SIZE(obj)) {
        PyErr_SetString(PyExc_ValueError, "embedded null byte");
        return -1;
    }
    return 0;
}

int
_PyBytes_Resize(PyObject **pv, Py_ssize_t newsize)
{
    PyObject *v = *pv;
    if (!PyBytes_Check(v) || newsize < 0) {
        *pv = NULL;
        Py_XDECREF(v);
        PyErr_BadInternalCall();
        return -1;
    }
    Py_ssize_t oldsize = PyBytes_GET_SIZE(v);
    if (oldsize == newsize) {
        return 0;
    }
    if (oldsize == 0 || _Py_IsImmortal(v) || newsize == 0) {
        PyObject *n = PyBytes_FromStringAndSize(NULL, newsize);
        if (n == NULL) {
            *pv = NULL;
            Py_DECREF(v);
            return -1;
        }
        memcpy(PyBytes_AS_STRING(n), PyBytes_AS_STRING(v), (size_t)Py_MIN(oldsize, newsize));
        Py_DECREF(v);
        *pv = n;
        return 0;
    }
    if (Py_REFCNT(v) != 1) {
        *pv = NULL;
        Py_DECREF(v);
        PyErr_BadInternalCall();
        return -1;
    }
    PyBytesObject *nv = PyObject_Realloc(v, BYTES_HEADER_SIZE + (size_t)newsize + 1);
    if (nv == NULL) {
        *pv = NULL;
        PyObject_Free(v);
        PyErr_NoMemory();
        return -1;
    }
    Py_SET_SIZE(nv, newsize);
    nv->ob_sval[newsize] = '\0';
    nv->ob_shash = -1;
    *pv = (PyObject *)nv;
    return 0;
}

PyObject *
PyBytes_FromFormatV(const char *format, va_list vargs)
{
    /* Build through the str formatter, then require and encode ASCII-range
     * text byte for byte (%s arguments are UTF-8 and pass through). */
    PyObject *u = PyUnicode_FromFormatV(format, vargs);
    if (u == NULL) {
        return NULL;
    }
    Py_ssize_t n;
    const char *s = PyUnicode_AsUTF8AndSize(u, &n);
    PyObject *r = s ? PyBytes_FromStringAndSize(s, n) : NULL;
    Py_DECREF(u);
    return r;
}

PyObject *
PyBytes_FromFormat(const char *format, ...)
{
    va_list vargs;
    va_start(vargs, format);
    PyObject *r = PyBytes_FromFormatV(format, vargs);
    va_end(vargs);
    return r;
}

void
PyBytes_Concat(PyObject **pv, PyObject *w)
{
    if (*pv == NULL) {
        return;
    }
    if (w == NULL) {
        Py_CLEAR(*pv);
        return;
    }
    Py_buffer a, b;
    if (_PyBytes_GetBuffer(*pv, &a) < 0) {
        Py_CLEAR(*pv);
        return;
    }
    if (_PyBytes_GetBuffer(w, &b) < 0) {
        PyBuffer_Release(&a);
        Py_CLEAR(*pv);
        return;
    }
    PyObject *r = NULL;
    if (a.len > PY_SSIZE_T_MAX - b.len) {
        PyErr_NoMemory();
    }
    else {
        r = PyBytes_FromStringAndSize(NULL, a.len + b.len);
        if (r != NULL) {
            memcpy(PyBytes_AS_STRING(r), a.buf, (size_t)a.len);
            memcpy(PyBytes_AS_STRING(r) + a.len, b.buf, (size_t)b.len);
        }
    }
    PyBuffer_Release(&a);
    PyBuffer_Release(&b);
    Py_SETREF(*pv, r);
}

void
PyBytes_ConcatAndDel(PyObject **pv, PyObject *w)
{
    PyBytes_Concat(pv, w);
    Py_XDECREF(w);
}

PyObject *
_PyBytes_Join(PyObject *sep, PyObject *iterable)
{
    PyObject *arg = iterable;
    return _Py_bytes_join(sep, &arg, 1, NULL);
}

Py_hash_t
_PyBytes_Hash(PyObject *op)
{
    PyBytesObject *b = (PyBytesObject *)op;
    Py_hash_t h = _Py_atomic_load_ssize_relaxed(&b->ob_shash);
    if (h == -1) {
        h = _Py_HashBytes(b->ob_sval, Py_SIZE(op));
        _Py_atomic_store_ssize_relaxed(&b->ob_shash, h);
    }
    return h;
}

PyObject *
PyBytes_Repr(PyObject *op, int smartquotes)
{
    return _PyBytes_ReprBuf(PyBytes_AS_STRING(op), PyBytes_GET_SIZE(op), smartquotes, "b", "");
}

/* ---- escapes (bytes literals) ----------------------------------------------- */

PyObject *
PyBytes_DecodeEscape(const char *s, Py_ssize_t len, const char *errors,
                     Py_ssize_t Py_UNUSED(unicode), const char *Py_UNUSED(recode_encoding))
{
    char *buf = PyMem_Malloc((size_t)len + 1);
    if (buf == NULL) {
        return PyErr_NoMemory();
    }
    char *p = buf;
    const char *end = s + len;
    while (s < end) {
        if (*s != '\\') {
            *p++ = *s++;
            continue;
        }
        s++;
        if (s >= end) {
            PyErr_SetString(PyExc_ValueError, "Trailing \\ in string");
            goto fail;
        }
        char c = *s++;
        switch (c) {
        case '\n': break;
        case '\\': *p++ = '\\'; break;
        case '\'': *p++ = '\''; break;
        case '"': *p++ = '"'; break;
        case 'b': *p++ = '\b'; break;
        case 'f': *p++ = '\f'; break;
        case 't': *p++ = '\t'; break;
        case 'n': *p++ = '\n'; break;
        case 'r': *p++ = '\r'; break;
        case 'v': *p++ = '\v'; break;
        case 'a': *p++ = '\a'; break;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
            int v = c - '0';
            if (s < end && *s >= '0' && *s <= '7') {
                v = v * 8 + (*s++ - '0');
                if (s < end && *s >= '0' && *s <= '7') {
                    v = v * 8 + (*s++ - '0');
                }
            }
            *p++ = (char)(v & 0xff);
            break;
        }
        case 'x': {
            int hi = -1, lo = -1;
            if (s + 1 < end + 0 && s < end) {
                char a = s[0], b2 = s + 1 < end ? s[1] : 0;
                hi = (a >= '0' && a <= '9') ? a - '0' : (a >= 'a' && a <= 'f') ? a - 'a' + 10 :
                     (a >= 'A' && a <= 'F') ? a - 'A' + 10 : -1;
                lo = (b2 >= '0' && b2 <= '9') ? b2 - '0' : (b2 >= 'a' && b2 <= 'f') ? b2 - 'a' + 10 :
                     (b2 >= 'A' && b2 <= 'F') ? b2 - 'A' + 10 : -1;
            }
            if (hi < 0 || lo < 0) {
                if (errors == NULL || strcmp(errors, "strict") == 0) {
                    PyErr_Format(PyExc_ValueError, "invalid \\x escape at position %zd",
                                 (Py_ssize_t)(s - 2 - (end - len)));
                    goto fail;
                }
                if (strcmp(errors, "replace") == 0) {
                    *p++ = '?';
                }
                else if (strcmp(errors, "ignore") != 0) {
                    PyErr_Format(PyExc_ValueError,
                                 "decoding error; unknown error handling code: %.400s", errors);
                    goto fail;
                }
                /* skip the valid hex digits that were there */
                if (hi >= 0) s++;
                break;
            }
            *p++ = (char)(hi * 16 + lo);
            s += 2;
            break;
        }
        default:
            /* unknown escapes stay as they are */
            *p++ = '\\';
            s--;
        }
    }
    PyObject *r = PyBytes_FromStringAndSize(buf, p - buf);
    PyMem_Free(buf);
    return r;
fail:
    PyMem_Free(buf);
    return NULL;
}

/* ---- bytes % args ----------------------------------------------------------- */

static PyObject *
bytes_format_getbytes(PyObject *v)
{
    if (PyBytes_Check(v)) {
        return Py_NewRef(v);
    }
    if (PyObject_CheckBuffer(v)) {
        Py_buffer view;
        if (PyObject_GetBuffer(v, &view, PyBUF_SIMPLE) < 0) {
            return NULL;
        }
        PyObject *r = PyBytes_FromStringAndSize(view.buf, view.len);
        PyBuffer_Release(&view);
        return r;
    }
    PyObject *meth = PyObject_GetAttrString(v, "__bytes__");
    if (meth != NULL) {
        PyObject *r = PyObject_CallNoArgs(meth);
        Py_DECREF(meth);
        if (r != NULL && !PyBytes_Check(r)) {
            PyErr_Format(PyExc_TypeError, "__bytes__ returned non-bytes (type %.200s)",
                         Py_TYPE(r)->tp_name);
            Py_DECREF(r);
            return NULL;
        }
        return r;
    }
    PyErr_Clear();
    PyErr_Format(PyExc_TypeError,
                 "%%b requires a bytes-like object, or an object that implements __bytes__, not '%.100s'",
                 Py_TYPE(v)->tp_name);
    return NULL;
}

typedef struct {
    char *buf;
    Py_ssize_t len, cap;
} bbuf;

static int
bbuf_put(bbuf *b, const char *p, Py_ssize_t n)
{
    if (b->len + n > b->cap) {
        if (n > PY_SSIZE_T_MAX / 2 - b->len) {
            PyErr_NoMemory();
            return -1;
        }
        Py_ssize_t nc = Py_MAX(b->cap * 2, b->len + n);
        if (nc < 64) nc = 64;
        char *nb = PyMem_Realloc(b->buf, (size_t)nc);
        if (nb == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        b->buf = nb;
        b->cap = nc;
    }
    memcpy(b->buf + b->len, p, (size_t)n);
    b->len += n;
    return 0;
}

static int
bbuf_fill(bbuf *b, char c, Py_ssize_t n)
{
    for (Py_ssize_t i = 0; i < n; i++) {
        if (bbuf_put(b, &c, 1) < 0) return -1;
    }
    return 0;
}

PyObject *
_PyBytes_FormatEx(const char *format, Py_ssize_t format_len, PyObject *args, int use_bytearray)
{
    bbuf out = {NULL, 0, 0};
    Py_ssize_t arglen;
    PyObject *dict = NULL;
    if (PyTuple_Check(args)) {
        arglen = PyTuple_GET_SIZE(args);
    }
    else {
        arglen = -1;
    }
    if (PyMapping_Check(args) && !PyTuple_Check(args) && !PyBytes_Check(args) &&
        !PyByteArray_Check(args) && !PyUnicode_Check(args)) {
        dict = args;
    }
    PyObject *cur_args = args;
    Py_ssize_t cur_arglen = arglen, cur_argidx = 0;
    const char *f = format, *fend = format + format_len;
    PyObject *keyed_value = NULL;
#define NEXTARG(dst) do { \
        if (cur_arglen < 0) { \
            if (cur_argidx == 0) { cur_argidx = 1; (dst) = cur_args; } \
            else { PyErr_SetString(PyExc_TypeError, "not enough arguments for format string"); goto fail; } \
        } else if (cur_argidx < cur_arglen) { (dst) = PyTuple_GET_ITEM(cur_args, cur_argidx++); } \
        else { PyErr_SetString(PyExc_TypeError, "not enough arguments for format string"); goto fail; } \
    } while (0)
    while (f < fend) {
        const char *p = memchr(f, '%', (size_t)(fend - f));
        if (p == NULL) {
            if (bbuf_put(&out, f, fend - f) < 0) goto fail;
            break;
        }
        if (bbuf_put(&out, f, p - f) < 0) goto fail;
        f = p + 1;
        Py_CLEAR(keyed_value);
        if (f < fend && *f == '(') {
            if (dict == NULL) {
                PyErr_SetString(PyExc_TypeError, "format requires a mapping");
                goto fail;
            }
            const char *k = ++f;
            int depth = 1;
            while (f < fend && depth) {
                if (*f == '(') depth++;
                else if (*f == ')') depth--;
                f++;
            }
            if (depth) {
                PyErr_SetString(PyExc_ValueError, "incomplete format key");
                goto fail;
            }
            PyObject *key = PyBytes_FromStringAndSize(k, f - 1 - k);
            if (key == NULL) goto fail;
            keyed_value = PyObject_GetItem(dict, key);
            Py_DECREF(key);
            if (keyed_value == NULL) goto fail;
            cur_args = keyed_value;
            cur_arglen = -1;
            cur_argidx = 0;
        }
        else {
            cur_args = args;
            cur_arglen = arglen;
        }
        int ljust = 0, zero = 0;
        const char *flags_start = f;
        while (f < fend && strchr("-+ #0", *f) && *f) {
            if (*f == '-') ljust = 1;
            if (*f == '0') zero = 1;
            f++;
        }
        const char *flags_end = f;
        Py_ssize_t width = -1, prec = -1;
        if (f < fend && *f == '*') {
            PyObject *w;
            NEXTARG(w);
            if (!PyLong_Check(w)) {
                PyErr_SetString(PyExc_TypeError, "* wants int");
                goto fail;
            }
            width = PyLong_AsSsize_t(w);
            if (width == -1 && PyErr_Occurred()) goto fail;
            if (width < 0) {
                ljust = 1;
                width = -width;
            }
            f++;
        }
        else {
            while (f < fend && *f >= '0' && *f <= '9') {
                if (width < 0) width = 0;
                if (width > (PY_SSIZE_T_MAX - 9) / 10) {
                    PyErr_SetString(PyExc_ValueError, "width too big");
                    goto fail;
                }
                width = width * 10 + (*f++ - '0');
            }
        }
        if (f < fend && *f == '.') {
            f++;
            prec = 0;
            if (f < fend && *f == '*') {
                PyObject *w;
                NEXTARG(w);
                if (!PyLong_Check(w)) {
                    PyErr_SetString(PyExc_TypeError, "* wants int");
                    goto fail;
                }
                prec = PyLong_AsSsize_t(w);
                if (prec == -1 && PyErr_Occurred()) goto fail;
                if (prec < 0) prec = 0;
                f++;
            }
            else {
                while (f < fend && *f >= '0' && *f <= '9') {
                    if (prec > (PY_SSIZE_T_MAX - 9) / 10) {
                        PyErr_SetString(PyExc_ValueError, "precision too big");
                        goto fail;
                    }
                    prec = prec * 10 + (*f++ - '0');
                }
            }
        }
        while (f < fend && (*f == 'h' || *f == 'l' || *f == 'L')) f++;
        if (f >= fend) {
            PyErr_SetString(PyExc_ValueError, "incomplete format");
            goto fail;
        }
        char type = *f++;
        if (type == '%') {
            if (bbuf_put(&out, "%", 1) < 0) goto fail;
            continue;
        }
        PyObject *v;
        NEXTARG(v);
        PyObject *piece = NULL;   /* bytes to pad */
        switch (type) {
        case 's': case 'b':
            piece = bytes_format_getbytes(v);
            if (piece == NULL) goto fail;
            break;
        case 'a': case 'r': {
            PyObject *a = PyObject_ASCII(v);
            if (a == NULL) goto fail;
            piece = PyUnicode_AsASCIIString(a);
            Py_DECREF(a);
            if (piece == NULL) goto fail;
            break;
        }
        case 'c': {
            if (PyBytes_Check(v) && PyBytes_GET_SIZE(v) == 1) {
                piece = Py_NewRef(v);
            }
            else if (PyByteArray_Check(v) && PyByteArray_GET_SIZE(v) == 1) {
                piece = PyBytes_FromStringAndSize(PyByteArray_AS_STRING(v), 1);
            }
            else if (PyLong_Check(v) || (!PyBytes_Check(v) && !PyUnicode_Check(v) && PyIndex_Check(v))) {
                int overflow;
                PyObject *iv = PyNumber_Index(v);
                if (iv == NULL) goto fail;
                long x = PyLong_AsLongAndOverflow(iv, &overflow);
                Py_DECREF(iv);
                if (x == -1 && PyErr_Occurred()) goto fail;
                if (overflow || x < 0 || x > 255) {
                    PyErr_SetString(PyExc_OverflowError, "%c arg not in range(256)");
                    goto fail;
                }
                char c = (char)x;
                piece = PyBytes_FromStringAndSize(&c, 1);
            }
            else {
                PyErr_SetString(PyExc_TypeError,
                                "%c requires an integer in range(256) or a single byte");
                goto fail;
            }
            if (piece == NULL) goto fail;
            break;
        }
        case 'd': case 'i': case 'u': case 'o': case 'x': case 'X':
        case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': {
            /* Numbers: format the one spec through str's % and take the
             * ASCII result. */
            char sb[80];
            int n = 0;
            sb[n++] = '%';
            if (ljust) sb[n++] = '-';
            for (const char *q = flags_start; q < flags_end && n < 8; q++) {
                if (*q != '-') sb[n++] = *q;
            }
            if (width >= 0) n += snprintf(sb + n, sizeof sb - (size_t)n, "%zd", width);
            if (prec >= 0) n += snprintf(sb + n, sizeof sb - (size_t)n, ".%zd", prec);
            sb[n++] = type;
            sb[n] = '\0';
            PyObject *fmt = PyUnicode_FromString(sb);
            if (fmt == NULL) goto fail;
            PyObject *tup = PyTuple_Pack(1, v);
            if (tup == NULL) {
                Py_DECREF(fmt);
                goto fail;
            }
            PyObject *u = PyUnicode_Format(fmt, tup);
            Py_DECREF(fmt);
            Py_DECREF(tup);
            if (u == NULL) goto fail;
            Py_ssize_t ul;
            const char *us = PyUnicode_AsUTF8AndSize(u, &ul);
            int r = us ? bbuf_put(&out, us, ul) : -1;
            Py_DECREF(u);
            if (r < 0) goto fail;
            continue;
        }
        default:
            PyErr_Format(PyExc_ValueError,
                         "unsupported format character '%c' (0x%x) at index %zd",
                         (type >= 32 && type < 127) ? type : '?', (unsigned char)type,
                         (Py_ssize_t)(f - 1 - format));
            goto fail;
        }
        (void)zero;
        Py_ssize_t plen = PyBytes_GET_SIZE(piece);
        if (prec >= 0 && (type == 's' || type == 'b' || type == 'a' || type == 'r') && plen > prec) {
            plen = prec;
        }
        Py_ssize_t padn = width > plen ? width - plen : 0;
        int r = 0;
        if (!ljust) r = bbuf_fill(&out, ' ', padn);
        if (r == 0) r = bbuf_put(&out, PyBytes_AS_STRING(piece), plen);
        if (r == 0 && ljust) r = bbuf_fill(&out, ' ', padn);
        Py_DECREF(piece);
        if (r < 0) goto fail;
    }
#undef NEXTARG
    Py_CLEAR(keyed_value);
    if (dict == NULL && ((arglen >= 0 && cur_argidx < arglen) || (arglen < 0 && cur_argidx == 0))) {
        PyErr_SetString(PyExc_TypeError, "not all arguments converted during bytes formatting");
        goto fail;
    }
    PyObject *res = use_bytearray ? PyByteArray_FromStringAndSize(out.buf ? out.buf : "", out.len)
                                  : PyBytes_FromStringAndSize(out.buf ? out.buf : "", out.len);
    PyMem_Free(out.buf);
    return res;
fail:
    Py_XDECREF(keyed_value);
    PyMem_Free(out.buf);
    return NULL;
}

/* ---- type slots -------------------------------------------------------------- */

static void
bytes_dealloc(PyObject *op)
{
    if (op == EMPTY_BYTES || _Py_IsImmortal(op)) {
        return;
    }
    Py_TYPE(op)->tp_free(op);
}

static PyObject *
bytes_repr(PyObject *op)
{
    return PyBytes_Repr(op, 1);
}

static PyObject *
bytes_str(PyObject *op)
{
    /* -b warnings are not implemented; str(b) is repr(b). */
    return bytes_repr(op);
}

static Py_hash_t
bytes_hash(PyObject *op)
{
    return _PyBytes_Hash(op);
}

static PyObject *
bytes_richcompare(PyObject *a, PyObject *b, int op)
{
    if (!PyBytes_Check(a) || !PyBytes_Check(b)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    Py_ssize_t la = Py_SIZE(a), lb = Py_SIZE(b);
    if (op == Py_EQ || op == Py_NE) {
        int eq = a == b || (la == lb && memcmp(PyBytes_AS_STRING(a), PyBytes_AS_STRING(b), (size_t)la) == 0);
        return PyBool_FromLong(op == Py_EQ ? eq : !eq);
    }
    int c = memcmp(PyBytes_AS_STRING(a), PyBytes_AS_STRING(b), (size_t)Py_MIN(la, lb));
    if (c == 0) {
        c = la < lb ? -1 : (la > lb ? 1 : 0);
    }
    int r;
    switch (op) {
    case Py_LT: r = c < 0; break;
    case Py_LE: r = c <= 0; break;
    case Py_GT: r = c > 0; break;
    default: r = c >= 0; break;
    }
    return PyBool_FromLong(r);
}

static Py_ssize_t
bytes_length(PyObject *op)
{
    return Py_SIZE(op);
}

static PyObject *
bytes_concat(PyObject *a, PyObject *b)
{
    Py_buffer va, vb;
    if (!PyBytes_Check(b) && !PyObject_CheckBuffer(b)) {
        PyErr_Format(PyExc_TypeError, "can't concat %.100s to %.100s",
                     Py_TYPE(b)->tp_name, Py_TYPE(a)->tp_name);
        return NULL;
    }
    if (_PyBytes_GetBuffer(a, &va) < 0) return NULL;
    if (_PyBytes_GetBuffer(b, &vb) < 0) {
        PyBuffer_Release(&va);
        return NULL;
    }
    PyObject *r = NULL;
    if (vb.len == 0 && PyBytes_CheckExact(a)) {
        r = Py_NewRef(a);
    }
    else if (va.len == 0 && PyBytes_CheckExact(b)) {
        r = Py_NewRef(b);
    }
    else if (va.len > PY_SSIZE_T_MAX - vb.len) {
        PyErr_NoMemory();
    }
    else {
        r = PyBytes_FromStringAndSize(NULL, va.len + vb.len);
        if (r != NULL) {
            memcpy(PyBytes_AS_STRING(r), va.buf, (size_t)va.len);
            memcpy(PyBytes_AS_STRING(r) + va.len, vb.buf, (size_t)vb.len);
        }
    }
    PyBuffer_Release(&va);
    PyBuffer_Release(&vb);
    return r;
}

static PyObject *
bytes_repeat(PyObject *a, Py_ssize_t n)
{
    if (n < 0) n = 0;
    Py_ssize_t len = Py_SIZE(a);
    if (n > 0 && len > PY_SSIZE_T_MAX / n) {
        PyErr_SetString(PyExc_OverflowError, "repeated bytes are too long");
        return NULL;
    }
    if (n == 1 && PyBytes_CheckExact(a)) {
        return Py_NewRef(a);
    }
    Py_ssize_t size = len * n;
    PyObject *r = PyBytes_FromStringAndSize(NULL, size);
    if (r == NULL || size == 0) return r;
    char *d = PyBytes_AS_STRING(r);
    if (len == 1) {
        memset(d, PyBytes_AS_STRING(a)[0], (size_t)n);
        return r;
    }
    memcpy(d, PyBytes_AS_STRING(a), (size_t)len);
    Py_ssize_t done = len;
    while (done < size) {
        Py_ssize_t c = Py_MIN(done, size - done);
        memcpy(d + done, d, (size_t)c);
        done += c;
    }
    return r;
}

static PyObject *
bytes_item(PyObject *a, Py_ssize_t i)
{
    if (i < 0 || i >= Py_SIZE(a)) {
        PyErr_SetString(PyExc_IndexError, "index out of range");
        return NULL;
    }
    return PyLong_FromLong((unsigned char)PyBytes_AS_STRING(a)[i]);
}

static int
bytes_contains(PyObject *self, PyObject *arg)
{
    return _PyBytes_ContainsBuf(PyBytes_AS_STRING(self), Py_SIZE(self), arg);
}

static PyObject *
bytes_subscript(PyObject *self, PyObject *item)
{
    if (PyIndex_Check(item)) {
        Py_ssize_t i = PyNumber_AsSsize_t(item, PyExc_IndexError);
        if (i == -1 && PyErr_Occurred()) return NULL;
        if (i < 0) i += Py_SIZE(self);
        return bytes_item(self, i);
    }
    if (PySlice_Check(item)) {
        Py_ssize_t start, stop, step;
        if (PySlice_Unpack(item, &start, &stop, &step) < 0) return NULL;
        Py_ssize_t n = PySlice_AdjustIndices(Py_SIZE(self), &start, &stop, step);
        const char *s = PyBytes_AS_STRING(self);
        if (n <= 0) return PyBytes_FromStringAndSize(NULL, 0);
        if (step == 1) {
            if (n == Py_SIZE(self) && PyBytes_CheckExact(self)) return Py_NewRef(self);
            return PyBytes_FromStringAndSize(s + start, n);
        }
        if (n == 1) return PyBytes_FromStringAndSize(s + start, 1);
        PyObject *r = PyBytes_FromStringAndSize(NULL, n);
        if (r == NULL) return NULL;
        char *d = PyBytes_AS_STRING(r);
        for (Py_ssize_t i = 0, cur = start; i < n; i++, cur += step) d[i] = s[cur];
        return r;
    }
    PyErr_Format(PyExc_TypeError, "byte indices must be integers or slices, not %.200s",
                 Py_TYPE(item)->tp_name);
    return NULL;
}

static int
bytes_getbuffer(PyObject *self, Py_buffer *view, int flags)
{
    return PyBuffer_FillInfo(view, self, PyBytes_AS_STRING(self), Py_SIZE(self), 1, flags);
}

static PyObject *
bytes_mod(PyObject *self, PyObject *args)
{
    if (!PyBytes_Check(self)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    return _PyBytes_FormatEx(PyBytes_AS_STRING(self), Py_SIZE(self), args, 0);
}

/* bytes(x) for a non-str, non-int object. */
PyObject *
PyBytes_FromObject(PyObject *x)
{
    if (x == NULL) {
        PyErr_BadInternalCall();
        return NULL;
    }
    if (PyBytes_CheckExact(x)) {
        return Py_NewRef(x);
    }
    if (PyObject_CheckBuffer(x)) {
        Py_buffer view;
        /* Any layout (a strided memoryview too): copied out in C order. */
        if (PyObject_GetBuffer(x, &view, PyBUF_FULL_RO) < 0) return NULL;
        PyObject *r = PyBytes_FromStringAndSize(NULL, view.len);
        if (r != NULL && PyBuffer_ToContiguous(PyBytes_AS_STRING(r), &view, view.len, 'C') < 0) {
            Py_CLEAR(r);
        }
        PyBuffer_Release(&view);
        return r;
    }
    if (PyUnicode_Check(x)) {
        PyErr_SetString(PyExc_TypeError, "cannot convert 'str' object to bytes");
        return NULL;
    }
    /* iterable of ints */
    PyObject *it = PyObject_GetIter(x);
    if (it == NULL) {
        if (PyErr_ExceptionMatches(PyExc_TypeError)) {
            PyErr_Format(PyExc_TypeError, "cannot convert '%.200s' object to bytes",
                         Py_TYPE(x)->tp_name);
        }
        return NULL;
    }
    Py_DECREF(it);
    char *buf = NULL;
    Py_ssize_t len = 0;
    if (_PyBytes_CollectInts(x, &buf, &len) < 0) {
        PyMem_Free(buf);
        return NULL;
    }
    PyObject *r = PyBytes_FromStringAndSize(buf ? buf : "", len);
    PyMem_Free(buf);
    return r;
}

static PyObject *
bytes_new_impl(PyObject *x, const char *encoding, const char *errors)
{
    if (x == NULL) {
        if (encoding != NULL || errors != NULL) {
            PyErr_SetString(PyExc_TypeError, encoding != NULL ?
                            "encoding without a string argument" :
                            "errors without a string argument");
            return NULL;
        }
        return PyBytes_FromStringAndSize(NULL, 0);
    }
    if (encoding != NULL) {
        if (!PyUnicode_Check(x)) {
            PyErr_SetString(PyExc_TypeError, "encoding without a string argument");
            return NULL;
        }
        return PyUnicode_AsEncodedString(x, encoding, errors);
    }
    if (errors != NULL) {
        PyErr_SetString(PyExc_TypeError, PyUnicode_Check(x) ?
                        "string argument without an encoding" :
                        "errors without a string argument");
        return NULL;
    }
    if (PyUnicode_Check(x)) {
        PyErr_SetString(PyExc_TypeError, "string argument without an encoding");
        return NULL;
    }
    /* __bytes__ */
    if (!PyBytes_CheckExact(x)) {
        PyObject *meth = PyObject_GetAttrString(x, "__bytes__");
        if (meth != NULL) {
            PyObject *r = PyObject_CallNoArgs(meth);
            Py_DECREF(meth);
            if (r != NULL && !PyBytes_Check(r)) {
                PyErr_Format(PyExc_TypeError, "__bytes__ returned non-bytes (type %.200s)",
                             Py_TYPE(r)->tp_name);
                Py_DECREF(r);
                return NULL;
            }
            return r;
        }
        if (!PyErr_ExceptionMatches(PyExc_AttributeError)) {
            return NULL;
        }
        PyErr_Clear();
    }
    if (PyIndex_Check(x)) {
        Py_ssize_t size = PyNumber_AsSsize_t(x, PyExc_OverflowError);
        if (size == -1 && PyErr_Occurred()) {
            if (!PyErr_ExceptionMatches(PyExc_TypeError)) return NULL;
            PyErr_Clear();
        }
        else {
            if (size < 0) {
                PyErr_SetString(PyExc_ValueError, "negative count");
                return NULL;
            }
            PyObject *r = PyBytes_FromStringAndSize(NULL, size);
            if (r != NULL && size) memset(PyBytes_AS_STRING(r), 0, (size_t)size);
            return r;
        }
    }
    return PyBytes_FromObject(x);
}

static PyObject *
bytes_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"source", "encoding", "errors", NULL};
    PyObject *x = NULL;
    const char *encoding = NULL, *errors = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|Oss:bytes", kwlist, &x, &encoding, &errors)) {
        return NULL;
    }
    PyObject *b = bytes_new_impl(x, encoding, errors);
    if (b == NULL || type == &PyBytes_Type) {
        return b;
    }
    /* subclass: copy into an instance of the subtype */
    Py_ssize_t n = PyBytes_GET_SIZE(b);
    PyObject *self = type->tp_alloc(type, n);
    if (self != NULL) {
        memcpy(PyBytes_AS_STRING(self), PyBytes_AS_STRING(b), (size_t)n + 1);
        ((PyBytesObject *)self)->ob_shash = -1;
    }
    Py_DECREF(b);
    return self;
}

static PyObject *
bytes_getnewargs(PyObject *self, PyObject *Py_UNUSED(a))
{
    PyObject *copy = PyBytes_FromStringAndSize(PyBytes_AS_STRING(self), Py_SIZE(self));
    if (copy == NULL) return NULL;
    PyObject *t = PyTuple_Pack(1, copy);
    Py_DECREF(copy);
    return t;
}

static PyObject *
bytes_bytes(PyObject *self, PyObject *Py_UNUSED(a))
{
    if (PyBytes_CheckExact(self)) {
        return Py_NewRef(self);
    }
    return PyBytes_FromStringAndSize(PyBytes_AS_STRING(self), Py_SIZE(self));
}

static PyObject *
bytes_fromhex(PyObject *cls, PyObject *string)
{
    PyObject *b = _PyBytes_FromHex(string, 0);
    if (b == NULL || cls == (PyObject *)&PyBytes_Type) {
        return b;
    }
    PyObject *r = PyObject_CallOneArg(cls, b);
    Py_DECREF(b);
    return r;
}

static PyMethodDef bytes_methods[] = {
    _PY_BYTES_SHARED_METHODS,
    {"__getnewargs__", bytes_getnewargs, METH_NOARGS, NULL},
    {"__bytes__", bytes_bytes, METH_NOARGS, "Convert this value to exact type bytes."},
    {"fromhex", bytes_fromhex, METH_O | METH_CLASS,
     "Create a bytes object from a string of hexadecimal numbers."},
    {NULL, NULL, 0, NULL}
};

static PyNumberMethods bytes_as_number = {
    .nb_remainder = bytes_mod,
};

static PySequenceMethods bytes_as_sequence = {
    .sq_length = bytes_length,
    .sq_concat = bytes_concat,
    .sq_repeat = bytes_repeat,
    .sq_item = bytes_item,
    .sq_contains = bytes_contains,
};

static PyMappingMethods bytes_as_mapping = {
    .mp_length = bytes_length,
    .mp_subscript = bytes_subscript,
};

static PyBufferProcs bytes_as_buffer = {
    .bf_getbuffer = bytes_getbuffer,
};

static PyObject *bytes_iter(PyObject *seq);

PyTypeObject PyBytes_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "bytes",
    .tp_basicsize = BYTES_HEADER_SIZE,
    .tp_itemsize = 1,
    .tp_dealloc = bytes_dealloc,
    .tp_repr = bytes_repr,
    .tp_as_number = &bytes_as_number,
    .tp_as_sequence = &bytes_as_sequence,
    .tp_as_mapping = &bytes_as_mapping,
    .tp_hash = bytes_hash,
    .tp_str = bytes_str,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_as_buffer = &bytes_as_buffer,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_BYTES_SUBCLASS,
    .tp_doc = "bytes(iterable_of_ints) -> bytes\n"
              "bytes(string, encoding[, errors]) -> bytes\n"
              "bytes(bytes_or_buffer) -> immutable copy of bytes_or_buffer\n"
              "bytes(int) -> bytes object of size given by the parameter initialized with null bytes\n"
              "bytes() -> empty bytes object",
    .tp_richcompare = bytes_richcompare,
    .tp_iter = bytes_iter,
    .tp_methods = bytes_methods,
    .tp_new = bytes_new,
    .tp_free = PyObject_Free,
};

/* ---- iterator ------------------------------------------------------------------ */

typedef struct {
    PyObject_HEAD
    Py_ssize_t it_index;
    PyObject *it_seq;
} bytesiterobject;

static PyObject *
bytes_iter(PyObject *seq)
{
    bytesiterobject *it = PyObject_GC_New(bytesiterobject, &PyBytesIter_Type);
    if (it == NULL) return NULL;
    it->it_index = 0;
    it->it_seq = Py_NewRef(seq);
    PyObject_GC_Track(it);
    return (PyObject *)it;
}

static void
bytesiter_dealloc(PyObject *op)
{
    bytesiterobject *it = (bytesiterobject *)op;
    PyObject_GC_UnTrack(it);
    Py_XDECREF(it->it_seq);
    PyObject_GC_Del(it);
}

static int
bytesiter_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(((bytesiterobject *)op)->it_seq);
    return 0;
}

static PyObject *
bytesiter_next(PyObject *op)
{
    bytesiterobject *it = (bytesiterobject *)op;
    PyObject *seq = it->it_seq;
    if (seq == NULL) return NULL;
    if (it->it_index < Py_SIZE(seq)) {
        return PyLong_FromLong((unsigned char)PyBytes_AS_STRING(seq)[it->it_index++]);
    }
    it->it_seq = NULL;
    Py_DECREF(seq);
    return NULL;
}

static PyObject *
bytesiter_len(PyObject *op, PyObject *Py_UNUSED(a))
{
    bytesiterobject *it = (bytesiterobject *)op;
    return PyLong_FromSsize_t(it->it_seq ? Py_SIZE(it->it_seq) - it->it_index : 0);
}

static PyMethodDef bytesiter_methods[] = {
    {"__length_hint__", bytesiter_len, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

PyTypeObject PyBytesIter_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "bytes_iterator",
    .tp_basicsize = sizeof(bytesiterobject),
    .tp_dealloc = bytesiter_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = bytesiter_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = bytesiter_next,
    .tp_methods = bytesiter_methods,
};
