/* codecs.c: the built-in text encodings (utf-8, ascii, latin-1, utf-16,
 * utf-32, unicode_escape, raw_unicode_escape) with the error handlers strict,
 * ignore, replace, backslashreplace, surrogateescape, surrogatepass,
 * xmlcharrefreplace and namereplace; encoding-name normalisation and the
 * dispatch behind str.encode / bytes.decode / str(b, encoding).
 * Decoders write into a _PyUnicodeWriter; encoders into a growable byte
 * buffer that becomes a bytes object at the end. */
#include "Python.h"
#include "pycore_unicodeobject.h"

/* ---- error handler names ------------------------------------------------ */

_Py_error_handler
_Py_GetErrorHandler(const char *errors)
{
    if (errors == NULL || strcmp(errors, "strict") == 0) {
        return _Py_ERROR_STRICT;
    }
    if (strcmp(errors, "surrogateescape") == 0) return _Py_ERROR_SURROGATEESCAPE;
    if (strcmp(errors, "replace") == 0) return _Py_ERROR_REPLACE;
    if (strcmp(errors, "ignore") == 0) return _Py_ERROR_IGNORE;
    if (strcmp(errors, "backslashreplace") == 0) return _Py_ERROR_BACKSLASHREPLACE;
    if (strcmp(errors, "surrogatepass") == 0) return _Py_ERROR_SURROGATEPASS;
    if (strcmp(errors, "xmlcharrefreplace") == 0) return _Py_ERROR_XMLCHARREFREPLACE;
    if (strcmp(errors, "namereplace") == 0) return _Py_ERROR_NAMEREPLACE;
    return _Py_ERROR_OTHER;
}

static void
unknown_handler(const char *errors)
{
    PyErr_Format(PyExc_LookupError, "unknown error handler name '%.400s'", errors);
}

/* ---- decoding errors ------------------------------------------------------ */

static void
raise_decode_error(const char *encoding, const char *input, Py_ssize_t size,
                   Py_ssize_t start, Py_ssize_t end, const char *reason)
{
    PyObject *exc = PyUnicodeDecodeError_Create(encoding, input, size, start, end, reason);
    if (exc != NULL) {
        PyErr_SetObject(PyExc_UnicodeDecodeError, exc);
        Py_DECREF(exc);
    }
}

/* Handle undecodable input[start:end].  Writes the replacement and returns
 * the position to resume at, or -1 with an exception set. */
static Py_ssize_t
decode_error(_Py_error_handler h, const char *errors, const char *encoding,
             const char *reason, const char *input, Py_ssize_t size,
             Py_ssize_t start, Py_ssize_t end, _PyUnicodeWriter *w)
{
    switch (h) {
    case _Py_ERROR_IGNORE:
        return end;
    case _Py_ERROR_REPLACE:
        if (_PyUnicodeWriter_WriteChar(w, 0xfffd) < 0) return -1;
        return end;
    case _Py_ERROR_BACKSLASHREPLACE:
        for (Py_ssize_t i = start; i < end; i++) {
            char buf[5];
            snprintf(buf, sizeof buf, "\\x%02x", (unsigned char)input[i]);
            if (_PyUnicodeWriter_WriteASCIIString(w, buf, 4) < 0) return -1;
        }
        return end;
    case _Py_ERROR_SURROGATEESCAPE: {
        /* Only bytes >= 128 can be smuggled; stop at the first other one. */
        Py_ssize_t i;
        for (i = start; i < end; i++) {
            unsigned char c = (unsigned char)input[i];
            if (c < 128) {
                break;
            }
            if (_PyUnicodeWriter_WriteChar(w, 0xdc00 + c) < 0) return -1;
        }
        if (i == start) {
            raise_decode_error(encoding, input, size, start, end, reason);
            return -1;
        }
        return i;
    }
    case _Py_ERROR_STRICT:
    case _Py_ERROR_SURROGATEPASS:
    case _Py_ERROR_XMLCHARREFREPLACE:
    case _Py_ERROR_NAMEREPLACE:
        /* The encode-only handlers raise the original error when decoding
         * (CPython: "don't know how to handle UnicodeDecodeError in error
         * callback"); strict raises it too. */
        if (h == _Py_ERROR_XMLCHARREFREPLACE || h == _Py_ERROR_NAMEREPLACE) {
            PyErr_Format(PyExc_TypeError,
                         "don't know how to handle UnicodeDecodeError in error callback");
            return -1;
        }
        raise_decode_error(encoding, input, size, start, end, reason);
        return -1;
    default:
        unknown_handler(errors);
        return -1;
    }
}

/* ---- UTF-8 ------------------------------------------------------------------ */

/* Length of a valid sequence starting at s[0] (available: n bytes), or 0
 * with *reason and *errlen describing the error. */
static int
utf8_check_seq(const unsigned char *s, Py_ssize_t n, Py_UCS4 *out,
               const char **reason, Py_ssize_t *errlen, int *truncated)
{
    unsigned char c = s[0];
    *truncated = 0;
    if (c < 0x80) {
        *out = c;
        return 1;
    }
    int need;
    unsigned char lo = 0x80, hi = 0xbf;
    Py_UCS4 ch;
    if (c >= 0xc2 && c <= 0xdf) { need = 1; ch = c & 0x1f; }
    else if (c >= 0xe0 && c <= 0xef) {
        need = 2; ch = c & 0x0f;
        if (c == 0xe0) lo = 0xa0;
        else if (c == 0xed) hi = 0x9f;
    }
    else if (c >= 0xf0 && c <= 0xf4) {
        need = 3; ch = c & 0x07;
        if (c == 0xf0) lo = 0x90;
        else if (c == 0xf4) hi = 0x8f;
    }
    else {
        *reason = "invalid start byte";
        *errlen = 1;
        return 0;
    }
    for (int k = 1; k <= need; k++) {
        if (k >= n) {
            *reason = "unexpected end of data";
            *errlen = k;
            *truncated = 1;
            return 0;
        }
        unsigned char b = s[k];
        unsigned char l = k == 1 ? lo : 0x80, hh = k == 1 ? hi : 0xbf;
        if (b < l || b > hh) {
            *reason = "invalid continuation byte";
            *errlen = k;
            return 0;
        }
        ch = (ch << 6) | (b & 0x3f);
    }
    *out = ch;
    return need + 1;
}

static PyObject *
utf8_decode(const char *s, Py_ssize_t size, const char *errors, Py_ssize_t *consumed)
{
    if (size == 0) {
        if (consumed) *consumed = 0;
        return _PyUnicode_GetEmpty();
    }
    const unsigned char *p = (const unsigned char *)s;
    /* Fast path: pure ASCII. */
    Py_ssize_t i = 0;
    while (i < size && p[i] < 0x80) {
        i++;
    }
    if (i == size) {
        if (consumed) *consumed = size;
        return _PyUnicode_FromASCII(s, size);
    }
    /* Second fast path: valid UTF-8 throughout (count and max char). */
    Py_ssize_t nchars = i;
    Py_UCS4 maxchar = 127;
    Py_ssize_t j = i;
    int valid = 1;
    while (j < size) {
        Py_UCS4 ch;
        const char *reason;
        Py_ssize_t errlen;
        int trunc;
        int l = utf8_check_seq(p + j, size - j, &ch, &reason, &errlen, &trunc);
        if (l == 0) {
            valid = 0;
            break;
        }
        if (ch > maxchar) maxchar = ch;
        nchars++;
        j += l;
    }
    if (valid) {
        PyObject *u = PyUnicode_New(nchars, maxchar);
        if (u == NULL) return NULL;
        int kind = PyUnicode_KIND(u);
        void *data = PyUnicode_DATA(u);
        Py_ssize_t o = 0;
        j = 0;
        while (j < size) {
            Py_UCS4 ch;
            const char *reason;
            Py_ssize_t errlen;
            int trunc;
            int l = utf8_check_seq(p + j, size - j, &ch, &reason, &errlen, &trunc);
            PyUnicode_WRITE(kind, data, o++, ch);
            j += l;
        }
        if (consumed) *consumed = size;
        if (nchars == 1 && maxchar < 256) {
            Py_DECREF(u);
            return _PyUnicode_Latin1Char((Py_UCS1)maxchar);
        }
        return u;
    }
    /* Slow path with error handling. */
    _Py_error_handler h = _Py_GetErrorHandler(errors);
    _PyUnicodeWriter w;
    _PyUnicodeWriter_Init(&w);
    w.min_length = size;
    if (_PyUnicodeWriter_Prepare(&w, size, maxchar) < 0) goto fail;
    j = 0;
    while (j < size) {
        Py_UCS4 ch;
        const char *reason = NULL;
        Py_ssize_t errlen = 0;
        int trunc = 0;
        int l = utf8_check_seq(p + j, size - j, &ch, &reason, &errlen, &trunc);
        if (l > 0) {
            if (_PyUnicodeWriter_WriteChar(&w, ch) < 0) goto fail;
            j += l;
            continue;
        }
        if (trunc && consumed) {
            break;      /* stateful: leave the incomplete tail */
        }
        if (h == _Py_ERROR_SURROGATEPASS && p[j] == 0xed && size - j >= 3 &&
            p[j + 1] >= 0xa0 && p[j + 1] <= 0xbf && p[j + 2] >= 0x80 && p[j + 2] <= 0xbf) {
            ch = 0xd000 | ((Py_UCS4)(p[j + 1] & 0x3f) << 6) | (p[j + 2] & 0x3f);
            if (_PyUnicodeWriter_WriteChar(&w, ch) < 0) goto fail;
            j += 3;
            continue;
        }
        Py_ssize_t r = decode_error(h, errors, "utf-8", reason, s, size, j, j + errlen, &w);
        if (r < 0) goto fail;
        j = r;
    }
    if (consumed) *consumed = j;
    return _PyUnicodeWriter_Finish(&w);
fail:
    _PyUnicodeWriter_Dealloc(&w);
    return NULL;
}

PyObject *
PyUnicode_DecodeUTF8Stateful(const char *s, Py_ssize_t size, const char *errors,
                             Py_ssize_t *consumed)
{
    return utf8_decode(s, size, errors, consumed);
}

PyObject *
PyUnicode_DecodeUTF8(const char *s, Py_ssize_t size, const char *errors)
{
    return utf8_decode(s, size, errors, NULL);
}

/* ---- encoding: byte buffer and errors ----------------------------------------- */

typedef struct {
    char *buf;
    Py_ssize_t len, cap;
} bytebuf;

static int
bb_reserve(bytebuf *b, Py_ssize_t extra)
{
    if (b->len + extra <= b->cap) {
        return 0;
    }
    if (extra > PY_SSIZE_T_MAX / 2 - b->len) {
        PyErr_NoMemory();
        return -1;
    }
    Py_ssize_t ncap = Py_MAX(b->cap * 2, b->len + extra);
    if (ncap < 64) ncap = 64;
    char *nb = PyMem_Realloc(b->buf, (size_t)ncap);
    if (nb == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    b->buf = nb;
    b->cap = ncap;
    return 0;
}

static int
bb_write(bytebuf *b, const void *src, Py_ssize_t n)
{
    if (bb_reserve(b, n) < 0) return -1;
    memcpy(b->buf + b->len, src, (size_t)n);
    b->len += n;
    return 0;
}

static PyObject *
bb_finish(bytebuf *b)
{
    PyObject *r = PyBytes_FromStringAndSize(b->buf ? b->buf : "", b->len);
    PyMem_Free(b->buf);
    b->buf = NULL;
    return r;
}

static void
raise_encode_error(const char *encoding, PyObject *str, Py_ssize_t start, Py_ssize_t end,
                   const char *reason)
{
    PyObject *enc = PyUnicode_FromString(encoding);
    PyObject *rs = PyUnicode_FromString(reason);
    if (enc && rs) {
        PyObject *exc = _PyUnicodeEncodeError_Create(enc, str, start, end, rs);
        if (exc != NULL) {
            PyErr_SetObject(PyExc_UnicodeEncodeError, exc);
            Py_DECREF(exc);
        }
    }
    Py_XDECREF(enc);
    Py_XDECREF(rs);
}

typedef int (*encode_char_fn)(bytebuf *b, Py_UCS4 ch, void *state);

/* Encode the replacement text (ASCII only) through the codec's own encoder:
 * for utf-16/32 each ASCII character becomes a full code unit. */
static int
write_ascii_replacement(bytebuf *b, const char *text, Py_ssize_t n,
                        encode_char_fn enc, void *state)
{
    if (enc == NULL) {
        return bb_write(b, text, n);
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        if (enc(b, (unsigned char)text[i], state) < 0) return -1;
    }
    return 0;
}

/* Handle unencodable str[start:end] (every character in it unencodable).
 * Returns the position to resume at, or -1. `limit` is the largest code
 * point the codec can encode (for surrogateescape: only bytes >= 128 that
 * the target can hold). */
static Py_ssize_t
encode_error(_Py_error_handler h, const char *errors, const char *encoding,
             const char *reason, PyObject *str, Py_ssize_t start, Py_ssize_t end,
             bytebuf *b, encode_char_fn enc, void *state, Py_UCS4 limit)
{
    int kind = PyUnicode_KIND(str);
    const void *data = PyUnicode_DATA(str);
    char tmp[32];
    switch (h) {
    case _Py_ERROR_IGNORE:
        return end;
    case _Py_ERROR_REPLACE:
        for (Py_ssize_t i = start; i < end; i++) {
            if (write_ascii_replacement(b, "?", 1, enc, state) < 0) return -1;
        }
        return end;
    case _Py_ERROR_BACKSLASHREPLACE:
    case _Py_ERROR_NAMEREPLACE:
        for (Py_ssize_t i = start; i < end; i++) {
            Py_UCS4 ch = PyUnicode_READ(kind, data, i);
            int n;
            if (ch < 0x100) n = snprintf(tmp, sizeof tmp, "\\x%02x", (unsigned)ch);
            else if (ch < 0x10000) n = snprintf(tmp, sizeof tmp, "\\u%04x", (unsigned)ch);
            else n = snprintf(tmp, sizeof tmp, "\\U%08x", (unsigned)ch);
            if (write_ascii_replacement(b, tmp, n, enc, state) < 0) return -1;
        }
        return end;
    case _Py_ERROR_XMLCHARREFREPLACE:
        for (Py_ssize_t i = start; i < end; i++) {
            Py_UCS4 ch = PyUnicode_READ(kind, data, i);
            int n = snprintf(tmp, sizeof tmp, "&#%u;", (unsigned)ch);
            if (write_ascii_replacement(b, tmp, n, enc, state) < 0) return -1;
        }
        return end;
    case _Py_ERROR_SURROGATEESCAPE: {
        Py_ssize_t i;
        for (i = start; i < end; i++) {
            Py_UCS4 ch = PyUnicode_READ(kind, data, i);
            if (ch < 0xdc80 || ch > 0xdcff) {
                break;
            }
            if (enc != NULL) {
                /* utf-16/32 cannot smuggle bytes */
                break;
            }
            char c = (char)(ch - 0xdc00);
            if (bb_write(b, &c, 1) < 0) return -1;
        }
        (void)limit;
        if (i == start) {
            raise_encode_error(encoding, str, start, end, reason);
            return -1;
        }
        return i;
    }
    case _Py_ERROR_SURROGATEPASS:
        /* handled by the codecs that support it; elsewhere strict */
    case _Py_ERROR_STRICT:
        raise_encode_error(encoding, str, start, end, reason);
        return -1;
    default:
        unknown_handler(errors);
        return -1;
    }
}

/* ---- UTF-8 encoding ---------------------------------------------------------- */

static inline int
utf8_put(bytebuf *b, Py_UCS4 ch)
{
    unsigned char t[4];
    int n;
    if (ch < 0x80) { t[0] = (unsigned char)ch; n = 1; }
    else if (ch < 0x800) {
        t[0] = (unsigned char)(0xc0 | (ch >> 6)); t[1] = (unsigned char)(0x80 | (ch & 0x3f)); n = 2;
    }
    else if (ch < 0x10000) {
        t[0] = (unsigned char)(0xe0 | (ch >> 12)); t[1] = (unsigned char)(0x80 | ((ch >> 6) & 0x3f));
        t[2] = (unsigned char)(0x80 | (ch & 0x3f)); n = 3;
    }
    else {
        t[0] = (unsigned char)(0xf0 | (ch >> 18)); t[1] = (unsigned char)(0x80 | ((ch >> 12) & 0x3f));
        t[2] = (unsigned char)(0x80 | ((ch >> 6) & 0x3f)); t[3] = (unsigned char)(0x80 | (ch & 0x3f));
        n = 4;
    }
    return bb_write(b, t, n);
}

PyObject *
_PyUnicode_AsUTF8String(PyObject *str, const char *errors)
{
    if (!PyUnicode_Check(str)) {
        PyErr_BadArgument();
        return NULL;
    }
    if (PyUnicode_IS_ASCII(str)) {
        return PyBytes_FromStringAndSize(PyUnicode_DATA(str), PyUnicode_GET_LENGTH(str));
    }
    int kind = PyUnicode_KIND(str);
    const void *data = PyUnicode_DATA(str);
    Py_ssize_t len = PyUnicode_GET_LENGTH(str);
    _Py_error_handler h = _Py_ERROR_UNKNOWN;
    bytebuf b = {NULL, 0, 0};
    if (bb_reserve(&b, len * 2 + 1) < 0) return NULL;
    Py_ssize_t i = 0;
    while (i < len) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        if (!Py_UNICODE_IS_SURROGATE(ch)) {
            if (utf8_put(&b, ch) < 0) goto fail;
            i++;
            continue;
        }
        if (h == _Py_ERROR_UNKNOWN) h = _Py_GetErrorHandler(errors);
        Py_ssize_t end = i + 1;
        while (end < len && Py_UNICODE_IS_SURROGATE(PyUnicode_READ(kind, data, end))) end++;
        if (h == _Py_ERROR_SURROGATEPASS) {
            for (; i < end; i++) {
                if (utf8_put(&b, PyUnicode_READ(kind, data, i)) < 0) goto fail;
            }
            continue;
        }
        Py_ssize_t r = encode_error(h, errors, "utf-8", "surrogates not allowed", str,
                                    i, end, &b, NULL, NULL, 0x10ffff);
        if (r < 0) goto fail;
        i = r;
    }
    return bb_finish(&b);
fail:
    PyMem_Free(b.buf);
    return NULL;
}

PyObject *
PyUnicode_AsUTF8String(PyObject *unicode)
{
    return _PyUnicode_AsUTF8String(unicode, NULL);
}

/* ---- ASCII and Latin-1 ---------------------------------------------------------- */

static PyObject *
charmap_decode_ascii(const char *s, Py_ssize_t size, const char *errors)
{
    const unsigned char *p = (const unsigned char *)s;
    Py_ssize_t i = 0;
    while (i < size && p[i] < 0x80) i++;
    if (i == size) {
        return _PyUnicode_FromASCII(s, size);
    }
    _Py_error_handler h = _Py_GetErrorHandler(errors);
    _PyUnicodeWriter w;
    _PyUnicodeWriter_Init(&w);
    w.min_length = size;
    if (_PyUnicodeWriter_WriteASCIIString(&w, s, i) < 0) goto fail;
    while (i < size) {
        if (p[i] < 0x80) {
            if (_PyUnicodeWriter_WriteChar(&w, p[i]) < 0) goto fail;
            i++;
            continue;
        }
        Py_ssize_t r = decode_error(h, errors, "ascii", "ordinal not in range(128)",
                                    s, size, i, i + 1, &w);
        if (r < 0) goto fail;
        i = r;
    }
    return _PyUnicodeWriter_Finish(&w);
fail:
    _PyUnicodeWriter_Dealloc(&w);
    return NULL;
}

PyObject *
PyUnicode_DecodeASCII(const char *s, Py_ssize_t size, const char *errors)
{
    return charmap_decode_ascii(s, size, errors);
}

PyObject *
PyUnicode_DecodeLatin1(const char *s, Py_ssize_t size, const char *errors)
{
    return _PyUnicode_FromUCS1((const Py_UCS1 *)s, size);
}

/* Encode to a single-byte charset that is the first `limit`+1 code points. */
static PyObject *
encode_limited(PyObject *str, const char *errors, Py_UCS4 limit, const char *encoding,
               const char *reason)
{
    int kind = PyUnicode_KIND(str);
    const void *data = PyUnicode_DATA(str);
    Py_ssize_t len = PyUnicode_GET_LENGTH(str);
    if (PyUnicode_IS_ASCII(str) || (kind == 1 && limit >= 0xff)) {
        return PyBytes_FromStringAndSize(data, len);
    }
    _Py_error_handler h = _Py_ERROR_UNKNOWN;
    bytebuf b = {NULL, 0, 0};
    if (bb_reserve(&b, len + 1) < 0) return NULL;
    Py_ssize_t i = 0;
    while (i < len) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        if (ch <= limit) {
            char c = (char)ch;
            if (bb_write(&b, &c, 1) < 0) goto fail;
            i++;
            continue;
        }
        if (h == _Py_ERROR_UNKNOWN) h = _Py_GetErrorHandler(errors);
        Py_ssize_t end = i + 1;
        while (end < len && PyUnicode_READ(kind, data, end) > limit) end++;
        Py_ssize_t r = encode_error(h, errors, encoding, reason, str, i, end, &b,
                                    NULL, NULL, limit);
        if (r < 0) goto fail;
        i = r;
    }
    return bb_finish(&b);
fail:
    PyMem_Free(b.buf);
    return NULL;
}

PyObject *
PyUnicode_AsASCIIString(PyObject *unicode)
{
    if (!PyUnicode_Check(unicode)) {
        PyErr_BadArgument();
        return NULL;
    }
    return encode_limited(unicode, NULL, 0x7f, "ascii", "ordinal not in range(128)");
}

PyObject *
PyUnicode_AsLatin1String(PyObject *unicode)
{
    if (!PyUnicode_Check(unicode)) {
        PyErr_BadArgument();
        return NULL;
    }
    return encode_limited(unicode, NULL, 0xff, "latin-1", "ordinal not in range(256)");
}

/* ---- UTF-16 and UTF-32 ------------------------------------------------------------ */

/* byteorder: -1 little, 1 big, 0 detect from BOM (default little). */
static PyObject *
utf16_decode(const char *s, Py_ssize_t size, const char *errors, int *byteorder,
             Py_ssize_t *consumed, const char *encoding)
{
    const unsigned char *p = (const unsigned char *)s;
    int bo = byteorder ? *byteorder : 0;
    Py_ssize_t i = 0;
    if (bo == 0 && size >= 2) {
        if (p[0] == 0xff && p[1] == 0xfe) { bo = -1; i = 2; }
        else if (p[0] == 0xfe && p[1] == 0xff) { bo = 1; i = 2; }
    }
    if (byteorder) *byteorder = bo;
    int big = bo == 1;
    _Py_error_handler h = _Py_GetErrorHandler(errors);
    _PyUnicodeWriter w;
    _PyUnicodeWriter_Init(&w);
    w.min_length = (size - i) / 2;
#define U16(k) (big ? (Py_UCS4)(p[k] << 8 | p[(k) + 1]) : (Py_UCS4)(p[(k) + 1] << 8 | p[k]))
    while (i < size) {
        if (size - i < 2) {
            if (consumed) break;
            Py_ssize_t r = decode_error(h, errors, encoding, "truncated data", s, size, i, size, &w);
            if (r < 0) goto fail;
            i = r;
            continue;
        }
        Py_UCS4 u = U16(i);
        if (!Py_UNICODE_IS_SURROGATE(u)) {
            if (_PyUnicodeWriter_WriteChar(&w, u) < 0) goto fail;
            i += 2;
            continue;
        }
        if (Py_UNICODE_IS_HIGH_SURROGATE(u)) {
            if (size - i < 4) {
                if (consumed) break;
                Py_ssize_t r = decode_error(h, errors, encoding, "unexpected end of data",
                                            s, size, i, size, &w);
                if (r < 0) goto fail;
                i = r;
                continue;
            }
            Py_UCS4 u2 = U16(i + 2);
            if (Py_UNICODE_IS_LOW_SURROGATE(u2)) {
                if (_PyUnicodeWriter_WriteChar(&w, Py_UNICODE_JOIN_SURROGATES(u, u2)) < 0) goto fail;
                i += 4;
                continue;
            }
            if (h == _Py_ERROR_SURROGATEPASS) {
                if (_PyUnicodeWriter_WriteChar(&w, u) < 0) goto fail;
                i += 2;
                continue;
            }
            Py_ssize_t r = decode_error(h, errors, encoding, "illegal UTF-16 surrogate",
                                        s, size, i, i + 2, &w);
            if (r < 0) goto fail;
            i = r;
            continue;
        }
        if (h == _Py_ERROR_SURROGATEPASS) {
            if (_PyUnicodeWriter_WriteChar(&w, u) < 0) goto fail;
            i += 2;
            continue;
        }
        Py_ssize_t r = decode_error(h, errors, encoding, "illegal encoding",
                                    s, size, i, i + 2, &w);
        if (r < 0) goto fail;
        i = r;
    }
#undef U16
    if (consumed) *consumed = i;
    return _PyUnicodeWriter_Finish(&w);
fail:
    _PyUnicodeWriter_Dealloc(&w);
    return NULL;
}

PyObject *
PyUnicode_DecodeUTF16(const char *s, Py_ssize_t size, const char *errors, int *byteorder)
{
    const char *enc = "utf-16";
    if (byteorder && *byteorder == -1) enc = "utf-16-le";
    else if (byteorder && *byteorder == 1) enc = "utf-16-be";
    return utf16_decode(s, size, errors, byteorder, NULL, enc);
}

static PyObject *
utf32_decode(const char *s, Py_ssize_t size, const char *errors, int *byteorder,
             const char *encoding)
{
    const unsigned char *p = (const unsigned char *)s;
    int bo = byteorder ? *byteorder : 0;
    Py_ssize_t i = 0;
    if (bo == 0 && size >= 4) {
        if (p[0] == 0xff && p[1] == 0xfe && p[2] == 0 && p[3] == 0) { bo = -1; i = 4; }
        else if (p[0] == 0 && p[1] == 0 && p[2] == 0xfe && p[3] == 0xff) { bo = 1; i = 4; }
    }
    if (byteorder) *byteorder = bo;
    int big = bo == 1;
    _Py_error_handler h = _Py_GetErrorHandler(errors);
    _PyUnicodeWriter w;
    _PyUnicodeWriter_Init(&w);
    w.min_length = (size - i) / 4;
    while (i < size) {
        if (size - i < 4) {
            Py_ssize_t r = decode_error(h, errors, encoding, "truncated data", s, size, i, size, &w);
            if (r < 0) goto fail;
            i = r;
            continue;
        }
        Py_UCS4 u = big ? ((Py_UCS4)p[i] << 24 | (Py_UCS4)p[i + 1] << 16 | (Py_UCS4)p[i + 2] << 8 | p[i + 3])
                        : ((Py_UCS4)p[i + 3] << 24 | (Py_UCS4)p[i + 2] << 16 | (Py_UCS4)p[i + 1] << 8 | p[i]);
        if (u > _Py_MAX_UNICODE) {
            Py_ssize_t r = decode_error(h, errors, encoding, "code point not in range(0x110000)",
                                        s, size, i, i + 4, &w);
            if (r < 0) goto fail;
            i = r;
            continue;
        }
        if (Py_UNICODE_IS_SURROGATE(u) && h != _Py_ERROR_SURROGATEPASS) {
            Py_ssize_t r = decode_error(h, errors, encoding, "code point in surrogate code point range(0xd800, 0xe000)",
                                        s, size, i, i + 4, &w);
            if (r < 0) goto fail;
            i = r;
            continue;
        }
        if (_PyUnicodeWriter_WriteChar(&w, u) < 0) goto fail;
        i += 4;
    }
    return _PyUnicodeWriter_Finish(&w);
fail:
    _PyUnicodeWriter_Dealloc(&w);
    return NULL;
}

PyObject *
PyUnicode_DecodeUTF32(const char *s, Py_ssize_t size, const char *errors, int *byteorder)
{
    const char *enc = "utf-32";
    if (byteorder && *byteorder == -1) enc = "utf-32-le";
    else if (byteorder && *byteorder == 1) enc = "utf-32-be";
    return utf32_decode(s, size, errors, byteorder, enc);
}

typedef struct { int big; int width; } utfn_state;

static int
utfn_put_unit(bytebuf *b, Py_UCS4 u, utfn_state *st)
{
    unsigned char t[4];
    if (st->width == 2) {
        if (st->big) { t[0] = (unsigned char)(u >> 8); t[1] = (unsigned char)u; }
        else { t[0] = (unsigned char)u; t[1] = (unsigned char)(u >> 8); }
        return bb_write(b, t, 2);
    }
    if (st->big) {
        t[0] = (unsigned char)(u >> 24); t[1] = (unsigned char)(u >> 16);
        t[2] = (unsigned char)(u >> 8); t[3] = (unsigned char)u;
    }
    else {
        t[0] = (unsigned char)u; t[1] = (unsigned char)(u >> 8);
        t[2] = (unsigned char)(u >> 16); t[3] = (unsigned char)(u >> 24);
    }
    return bb_write(b, t, 4);
}

static int
utfn_put_char(bytebuf *b, Py_UCS4 ch, void *state)
{
    utfn_state *st = state;
    if (st->width == 2 && ch >= 0x10000) {
        if (utfn_put_unit(b, Py_UNICODE_HIGH_SURROGATE(ch), st) < 0) return -1;
        return utfn_put_unit(b, Py_UNICODE_LOW_SURROGATE(ch), st);
    }
    return utfn_put_unit(b, ch, st);
}

/* byteorder: 0 native with BOM, -1 little, 1 big (no BOM). */
static PyObject *
utfn_encode(PyObject *str, const char *errors, int byteorder, int width)
{
    const char *encoding = width == 2 ? (byteorder == 0 ? "utf-16" : byteorder < 0 ? "utf-16-le" : "utf-16-be")
                                      : (byteorder == 0 ? "utf-32" : byteorder < 0 ? "utf-32-le" : "utf-32-be");
    utfn_state st = {byteorder == 1, width};
    int kind = PyUnicode_KIND(str);
    const void *data = PyUnicode_DATA(str);
    Py_ssize_t len = PyUnicode_GET_LENGTH(str);
    bytebuf b = {NULL, 0, 0};
    _Py_error_handler h = _Py_ERROR_UNKNOWN;
    if (bb_reserve(&b, (len + 1) * width) < 0) return NULL;
    if (byteorder == 0 && utfn_put_unit(&b, 0xfeff, &st) < 0) goto fail;
    Py_ssize_t i = 0;
    while (i < len) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        if (!Py_UNICODE_IS_SURROGATE(ch)) {
            if (utfn_put_char(&b, ch, &st) < 0) goto fail;
            i++;
            continue;
        }
        if (h == _Py_ERROR_UNKNOWN) h = _Py_GetErrorHandler(errors);
        Py_ssize_t end = i + 1;
        while (end < len && Py_UNICODE_IS_SURROGATE(PyUnicode_READ(kind, data, end))) end++;
        if (h == _Py_ERROR_SURROGATEPASS) {
            for (; i < end; i++) {
                if (utfn_put_unit(&b, PyUnicode_READ(kind, data, i), &st) < 0) goto fail;
            }
            continue;
        }
        Py_ssize_t r = encode_error(h, errors, encoding, "surrogates not allowed", str,
                                    i, end, &b, utfn_put_char, &st, 0x10ffff);
        if (r < 0) goto fail;
        i = r;
    }
    return bb_finish(&b);
fail:
    PyMem_Free(b.buf);
    return NULL;
}

PyObject *
PyUnicode_AsUTF16String(PyObject *unicode)
{
    return utfn_encode(unicode, NULL, 0, 2);
}

PyObject *
PyUnicode_AsUTF32String(PyObject *unicode)
{
    return utfn_encode(unicode, NULL, 0, 4);
}

/* ---- unicode_escape ---------------------------------------------------------------- */

static PyObject *
escape_encode(PyObject *str, int raw)
{
    int kind = PyUnicode_KIND(str);
    const void *data = PyUnicode_DATA(str);
    Py_ssize_t len = PyUnicode_GET_LENGTH(str);
    bytebuf b = {NULL, 0, 0};
    if (bb_reserve(&b, len + 1) < 0) return NULL;
    for (Py_ssize_t i = 0; i < len; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        char tmp[16];
        int n;
        if (raw) {
            if (ch < 0x100) { tmp[0] = (char)ch; n = 1; }
            else if (ch < 0x10000) n = snprintf(tmp, sizeof tmp, "\\u%04x", (unsigned)ch);
            else n = snprintf(tmp, sizeof tmp, "\\U%08x", (unsigned)ch);
        }
        else if (ch == '\\') { memcpy(tmp, "\\\\", 2); n = 2; }
        else if (ch == '\t') { memcpy(tmp, "\\t", 2); n = 2; }
        else if (ch == '\n') { memcpy(tmp, "\\n", 2); n = 2; }
        else if (ch == '\r') { memcpy(tmp, "\\r", 2); n = 2; }
        else if (ch >= ' ' && ch < 0x7f) { tmp[0] = (char)ch; n = 1; }
        else if (ch < 0x100) n = snprintf(tmp, sizeof tmp, "\\x%02x", (unsigned)ch);
        else if (ch < 0x10000) n = snprintf(tmp, sizeof tmp, "\\u%04x", (unsigned)ch);
        else n = snprintf(tmp, sizeof tmp, "\\U%08x", (unsigned)ch);
        if (bb_write(&b, tmp, n) < 0) {
            PyMem_Free(b.buf);
            return NULL;
        }
    }
    return bb_finish(&b);
}

PyObject *
PyUnicode_AsUnicodeEscapeString(PyObject *unicode)
{
    if (!PyUnicode_Check(unicode)) {
        PyErr_BadArgument();
        return NULL;
    }
    return escape_encode(unicode, 0);
}

static int
hexval(unsigned char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static PyObject *
escape_decode(const char *s, Py_ssize_t size, const char *errors, int raw)
{
    const char *encoding = raw ? "rawunicodeescape" : "unicodeescape";
    const unsigned char *p = (const unsigned char *)s;
    _Py_error_handler h = _Py_GetErrorHandler(errors);
    _PyUnicodeWriter w;
    _PyUnicodeWriter_Init(&w);
    w.min_length = size;
    Py_ssize_t i = 0;
    while (i < size) {
        unsigned char c = p[i];
        if (c != '\\' || i + 1 >= size) {
            if (c == '\\' && !raw) {
                Py_ssize_t r = decode_error(h, errors, encoding, "\\ at end of string",
                                            s, size, i, size, &w);
                if (r < 0) goto fail;
                i = r;
                continue;
            }
            if (_PyUnicodeWriter_WriteChar(&w, c) < 0) goto fail;
            i++;
            continue;
        }
        unsigned char e = p[i + 1];
        int digits = 0;
        if (raw) {
            if (e == 'u') digits = 4;
            else if (e == 'U') digits = 8;
            else {
                if (_PyUnicodeWriter_WriteChar(&w, '\\') < 0) goto fail;
                i++;
                continue;
            }
        }
        else {
            Py_UCS4 ch = 0;
            int simple = 1;
            switch (e) {
            case '\n': i += 2; continue;
            case '\\': ch = '\\'; break;
            case '\'': ch = '\''; break;
            case '"': ch = '"'; break;
            case 'b': ch = '\b'; break;
            case 'f': ch = '\f'; break;
            case 't': ch = '\t'; break;
            case 'n': ch = '\n'; break;
            case 'r': ch = '\r'; break;
            case 'v': ch = '\v'; break;
            case 'a': ch = '\a'; break;
            case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
                Py_ssize_t j = i + 1;
                ch = 0;
                int n = 0;
                while (j < size && n < 3 && p[j] >= '0' && p[j] <= '7') {
                    ch = ch * 8 + (p[j] - '0');
                    j++;
                    n++;
                }
                if (_PyUnicodeWriter_WriteChar(&w, ch) < 0) goto fail;
                i = j;
                continue;
            }
            case 'x': digits = 2; simple = 0; break;
            case 'u': digits = 4; simple = 0; break;
            case 'U': digits = 8; simple = 0; break;
            case 'N': {
                Py_ssize_t j = i + 2;
                if (j < size && p[j] == '{') {
                    Py_ssize_t k = j + 1;
                    while (k < size && p[k] != '}') k++;
                    if (k < size && k > j + 1) {
                        Py_UCS4 code;
                        if (_PyUnicode_LookupName(s + j + 1, k - j - 1, &code)) {
                            if (_PyUnicodeWriter_WriteChar(&w, code) < 0) goto fail;
                            i = k + 1;
                            continue;
                        }
                        Py_ssize_t r = decode_error(h, errors, encoding, "unknown Unicode character name",
                                                    s, size, i, k + 1, &w);
                        if (r < 0) goto fail;
                        i = r;
                        continue;
                    }
                }
                Py_ssize_t r = decode_error(h, errors, encoding, "malformed \\N character escape",
                                            s, size, i, Py_MIN(size, i + 2), &w);
                if (r < 0) goto fail;
                i = r;
                continue;
            }
            default:
                /* unknown escape: kept as is (a DeprecationWarning in CPython) */
                if (_PyUnicodeWriter_WriteChar(&w, '\\') < 0) goto fail;
                i++;
                continue;
            }
            if (simple) {
                if (_PyUnicodeWriter_WriteChar(&w, ch) < 0) goto fail;
                i += 2;
                continue;
            }
        }
        /* \xHH, \uHHHH, \UHHHHHHHH */
        Py_ssize_t j = i + 2;
        Py_UCS4 ch = 0;
        int n = 0;
        while (n < digits && j < size && hexval(p[j]) >= 0) {
            ch = (ch << 4) | (Py_UCS4)hexval(p[j]);
            j++;
            n++;
        }
        if (n < digits) {
            const char *reason = digits == 2 ? "truncated \\xXX escape"
                               : digits == 4 ? "truncated \\uXXXX escape" : "truncated \\UXXXXXXXX escape";
            Py_ssize_t r = decode_error(h, errors, encoding, reason, s, size, i, j, &w);
            if (r < 0) goto fail;
            i = r;
            continue;
        }
        if (ch > _Py_MAX_UNICODE) {
            Py_ssize_t r = decode_error(h, errors, encoding, "illegal Unicode character",
                                        s, size, i, j, &w);
            if (r < 0) goto fail;
            i = r;
            continue;
        }
        if (_PyUnicodeWriter_WriteChar(&w, ch) < 0) goto fail;
        i = j;
    }
    return _PyUnicodeWriter_Finish(&w);
fail:
    _PyUnicodeWriter_Dealloc(&w);
    return NULL;
}

PyObject *
PyUnicode_DecodeUnicodeEscape(const char *s, Py_ssize_t size, const char *errors)
{
    return escape_decode(s, size, errors, 0);
}

PyObject *
PyUnicode_DecodeRawUnicodeEscape(const char *s, Py_ssize_t size, const char *errors)
{
    return escape_decode(s, size, errors, 1);
}

/* ---- file system and locale ------------------------------------------------------ */

PyObject *
PyUnicode_DecodeFSDefaultAndSize(const char *s, Py_ssize_t size)
{
    return utf8_decode(s, size, "surrogateescape", NULL);
}

PyObject *
PyUnicode_DecodeFSDefault(const char *s)
{
    return utf8_decode(s, (Py_ssize_t)strlen(s), "surrogateescape", NULL);
}

PyObject *
PyUnicode_EncodeFSDefault(PyObject *unicode)
{
    return _PyUnicode_AsUTF8String(unicode, "surrogateescape");
}

PyObject *
PyUnicode_DecodeLocale(const char *str, const char *errors)
{
    return utf8_decode(str, (Py_ssize_t)strlen(str), errors ? errors : "strict", NULL);
}

PyObject *
PyUnicode_EncodeLocale(PyObject *unicode, const char *errors)
{
    return _PyUnicode_AsUTF8String(unicode, errors);
}

/* ---- dispatch by encoding name ---------------------------------------------------- */

typedef enum {
    ENC_UNKNOWN, ENC_UTF8, ENC_ASCII, ENC_LATIN1, ENC_UTF16, ENC_UTF16LE, ENC_UTF16BE,
    ENC_UTF32, ENC_UTF32LE, ENC_UTF32BE, ENC_UNICODE_ESCAPE, ENC_RAW_UNICODE_ESCAPE,
} enc_id;

/* Lower-case, '-' and ' ' to '_', as the codec registry normalises names. */
static enc_id
lookup_encoding(const char *encoding)
{
    char norm[32];
    size_t n = strlen(encoding);
    if (n >= sizeof norm) {
        return ENC_UNKNOWN;
    }
    for (size_t i = 0; i <= n; i++) {
        char c = encoding[i];
        if (c >= 'A' && c <= 'Z') c = (char)(c - 'A' + 'a');
        if (c == '-' || c == ' ') c = '_';
        norm[i] = c;
    }
    static const struct { const char *name; enc_id id; } names[] = {
        {"utf_8", ENC_UTF8}, {"utf8", ENC_UTF8}, {"u8", ENC_UTF8}, {"utf", ENC_UTF8},
        {"cp65001", ENC_UTF8},
        {"ascii", ENC_ASCII}, {"us_ascii", ENC_ASCII}, {"646", ENC_ASCII},
        {"latin_1", ENC_LATIN1}, {"latin1", ENC_LATIN1}, {"latin", ENC_LATIN1},
        {"iso_8859_1", ENC_LATIN1}, {"iso8859_1", ENC_LATIN1}, {"8859", ENC_LATIN1},
        {"cp819", ENC_LATIN1}, {"l1", ENC_LATIN1},
        {"utf_16", ENC_UTF16}, {"utf16", ENC_UTF16}, {"u16", ENC_UTF16},
        {"utf_16_le", ENC_UTF16LE}, {"utf_16le", ENC_UTF16LE},
        {"utf_16_be", ENC_UTF16BE}, {"utf_16be", ENC_UTF16BE},
        {"utf_32", ENC_UTF32}, {"utf32", ENC_UTF32}, {"u32", ENC_UTF32},
        {"utf_32_le", ENC_UTF32LE}, {"utf_32le", ENC_UTF32LE},
        {"utf_32_be", ENC_UTF32BE}, {"utf_32be", ENC_UTF32BE},
        {"unicode_escape", ENC_UNICODE_ESCAPE},
        {"raw_unicode_escape", ENC_RAW_UNICODE_ESCAPE},
    };
    for (size_t i = 0; i < Py_ARRAY_LENGTH(names); i++) {
        if (strcmp(norm, names[i].name) == 0) {
            return names[i].id;
        }
    }
    return ENC_UNKNOWN;
}

PyObject *
PyUnicode_Decode(const char *s, Py_ssize_t size, const char *encoding, const char *errors)
{
    if (encoding == NULL) {
        return utf8_decode(s, size, errors, NULL);
    }
    int bo;
    switch (lookup_encoding(encoding)) {
    case ENC_UTF8: return utf8_decode(s, size, errors, NULL);
    case ENC_ASCII: return charmap_decode_ascii(s, size, errors);
    case ENC_LATIN1: return PyUnicode_DecodeLatin1(s, size, errors);
    case ENC_UTF16: bo = 0; return utf16_decode(s, size, errors, &bo, NULL, "utf-16");
    case ENC_UTF16LE: bo = -1; return utf16_decode(s, size, errors, &bo, NULL, "utf-16-le");
    case ENC_UTF16BE: bo = 1; return utf16_decode(s, size, errors, &bo, NULL, "utf-16-be");
    case ENC_UTF32: bo = 0; return utf32_decode(s, size, errors, &bo, "utf-32");
    case ENC_UTF32LE: bo = -1; return utf32_decode(s, size, errors, &bo, "utf-32-le");
    case ENC_UTF32BE: bo = 1; return utf32_decode(s, size, errors, &bo, "utf-32-be");
    case ENC_UNICODE_ESCAPE: return escape_decode(s, size, errors, 0);
    case ENC_RAW_UNICODE_ESCAPE: return escape_decode(s, size, errors, 1);
    default:
        PyErr_Format(PyExc_LookupError, "unknown encoding: %s", encoding);
        return NULL;
    }
}

PyObject *
PyUnicode_AsEncodedString(PyObject *unicode, const char *encoding, const char *errors)
{
    if (!PyUnicode_Check(unicode)) {
        PyErr_BadArgument();
        return NULL;
    }
    if (encoding == NULL) {
        return _PyUnicode_AsUTF8String(unicode, errors);
    }
    switch (lookup_encoding(encoding)) {
    case ENC_UTF8: return _PyUnicode_AsUTF8String(unicode, errors);
    case ENC_ASCII: return encode_limited(unicode, errors, 0x7f, "ascii", "ordinal not in range(128)");
    case ENC_LATIN1: return encode_limited(unicode, errors, 0xff, "latin-1", "ordinal not in range(256)");
    case ENC_UTF16: return utfn_encode(unicode, errors, 0, 2);
    case ENC_UTF16LE: return utfn_encode(unicode, errors, -1, 2);
    case ENC_UTF16BE: return utfn_encode(unicode, errors, 1, 2);
    case ENC_UTF32: return utfn_encode(unicode, errors, 0, 4);
    case ENC_UTF32LE: return utfn_encode(unicode, errors, -1, 4);
    case ENC_UTF32BE: return utfn_encode(unicode, errors, 1, 4);
    case ENC_UNICODE_ESCAPE: return escape_encode(unicode, 0);
    case ENC_RAW_UNICODE_ESCAPE: return escape_encode(unicode, 1);
    default:
        PyErr_Format(PyExc_LookupError, "unknown encoding: %s", encoding);
        return NULL;
    }
}

PyObject *
PyUnicode_FromEncodedObject(PyObject *obj, const char *encoding, const char *errors)
{
    if (obj == NULL) {
        PyErr_BadInternalCall();
        return NULL;
    }
    if (PyBytes_Check(obj)) {
        return PyUnicode_Decode(PyBytes_AS_STRING(obj), PyBytes_GET_SIZE(obj), encoding, errors);
    }
    if (PyUnicode_Check(obj)) {
        PyErr_SetString(PyExc_TypeError, "decoding str is not supported");
        return NULL;
    }
    Py_buffer view;
    if (PyObject_GetBuffer(obj, &view, 0) < 0) {
        PyErr_Format(PyExc_TypeError,
                     "decoding to str: need a bytes-like object, %.80s found",
                     Py_TYPE(obj)->tp_name);
        return NULL;
    }
    PyObject *r = PyUnicode_Decode(view.buf, view.len, encoding, errors);
    PyBuffer_Release(&view);
    return r;
}
