/* unicodeobject.c: the core of the str type.  Allocation of compact
 * strings, the empty-string and Latin-1 single-character singletons,
 * creation from C data, the cached UTF-8 copy, interning and _Py_IDENTIFIER,
 * hashing and comparison, concatenation / join / substring, search helpers,
 * the _PyUnicodeWriter builder, PyUnicode_FromFormat, repr(), and the type
 * objects for str and its iterator.  Methods are in unicode_methods.c,
 * %-formatting and str.format in unicode_format.c, encodings in
 * Python/codecs.c, the character database in unicodectype.c. */
#include "Python.h"
#include "pycore_unicodeobject.h"

#include <stdarg.h>

/* ---- singletons ------------------------------------------------------- */

/* The empty string: static, immortal, interned. */
static struct {
    PyUnicodeObject ob;
    Py_UCS1 data[4];
} empty_str = {
    .ob = {
        .ob_base = PyObject_HEAD_INIT(&PyUnicode_Type)
        .length = 0,
        .hash = -1,
        .kind = PyUnicode_1BYTE_KIND,
        .ascii = 1,
        .interned = SSTATE_INTERNED_IMMORTAL_STATIC,
        .statically_allocated = 1,
        .data = empty_str.data,
        .utf8 = (char *)empty_str.data,
        .utf8_length = 0,
    },
};
#define EMPTY_STR ((PyObject *)&empty_str)

PyObject *
_PyUnicode_GetEmpty(void)
{
    return EMPTY_STR;   /* immortal: no incref needed */
}

static inline PyObject *
unicode_get_empty(void)
{
    return EMPTY_STR;
}

static inline size_t
inline_data_offset(void)
{
    return sizeof(PyUnicodeObject);
}

static inline int
data_is_inline(PyUnicodeObject *u)
{
    return (char *)u->data == (char *)u + inline_data_offset();
}

/* A compact string object of exact type str with room for `size`
 * characters of `kind` plus a NUL.  Not filled in. */
static PyObject *
unicode_alloc(Py_ssize_t size, int kind, int ascii)
{
    if (size < 0) {
        PyErr_SetString(PyExc_SystemError, "Negative size passed to PyUnicode_New");
        return NULL;
    }
    if ((size_t)size > (PY_SSIZE_T_MAX - sizeof(PyUnicodeObject)) / (size_t)kind - 1) {
        return PyErr_NoMemory();
    }
    size_t nbytes = sizeof(PyUnicodeObject) + ((size_t)size + 1) * (size_t)kind;
    PyUnicodeObject *u = (PyUnicodeObject *)PyObject_Malloc(nbytes);
    if (u == NULL) {
        return PyErr_NoMemory();
    }
    PyObject_Init((PyObject *)u, &PyUnicode_Type);
    u->length = size;
    u->hash = -1;
    u->kind = (uint8_t)kind;
    u->ascii = (uint8_t)ascii;
    u->interned = SSTATE_NOT_INTERNED;
    u->statically_allocated = 0;
    u->_pad = 0;
    u->data = (char *)u + inline_data_offset();
    u->utf8 = ascii ? (char *)u->data : NULL;
    u->utf8_length = ascii ? size : 0;
    PyUnicode_WRITE(kind, u->data, size, 0);
    return (PyObject *)u;
}

PyObject *
PyUnicode_New(Py_ssize_t size, Py_UCS4 maxchar)
{
    if (size == 0) {
        return unicode_get_empty();
    }
    if (maxchar > _Py_MAX_UNICODE) {
        PyErr_SetString(PyExc_SystemError,
                        "invalid maximum character passed to PyUnicode_New");
        return NULL;
    }
    return unicode_alloc(size, _PyUnicode_KindFor(maxchar), maxchar < 128);
}

static PyObject *latin1_chars[256];

PyObject *
_PyUnicode_Latin1Char(Py_UCS1 ch)
{
    PyObject *s = _Py_atomic_load_ptr_acquire(&latin1_chars[ch]);
    if (s != NULL) {
        return s;
    }
    s = unicode_alloc(1, PyUnicode_1BYTE_KIND, ch < 128);
    if (s == NULL) {
        /* Cannot fail in practice; report memory exhaustion. */
        return NULL;
    }
    PyUnicode_1BYTE_DATA(s)[0] = ch;
    _PyUnicode_CAST(s)->interned = SSTATE_INTERNED_IMMORTAL;
    _Py_SetImmortal(s);
    PyObject *expected = NULL;
    if (!_Py_atomic_compare_exchange_ptr(&latin1_chars[ch], &expected, s)) {
        PyObject_Free(s);
        return expected;
    }
    return s;
}

PyObject *
_PyUnicode_Char(Py_UCS4 ch)
{
    if (ch < 256) {
        return _PyUnicode_Latin1Char((Py_UCS1)ch);
    }
    PyObject *s = PyUnicode_New(1, ch);
    if (s == NULL) {
        return NULL;
    }
    PyUnicode_WRITE(PyUnicode_KIND(s), PyUnicode_DATA(s), 0, ch);
    return s;
}

static void
unicode_dealloc(PyObject *op)
{
    PyUnicodeObject *u = _PyUnicode_CAST(op);
    if (u->statically_allocated || PyUnicode_CHECK_INTERNED(op) >= SSTATE_INTERNED_IMMORTAL) {
        /* Immortal objects are never freed; be safe if a stray decref
         * reaches here. */
        _Py_SetImmortal(op);
        return;
    }
    char *utf8 = _Py_atomic_load_ptr_relaxed(&u->utf8);
    if (utf8 != NULL && utf8 != (char *)u->data) {
        PyMem_Free(utf8);
    }
    if (!data_is_inline(u) && u->data != NULL) {
        PyMem_Free(u->data);
    }
    Py_TYPE(op)->tp_free(op);
}

/* ---- conversions between kinds ----------------------------------------- */

void
_PyUnicode_ConvertChars(int dkind, void *dst, int skind, const void *src, Py_ssize_t n)
{
    if (dkind == skind) {
        memcpy(dst, src, (size_t)n * (size_t)skind);
        return;
    }
    Py_ssize_t i;
#define CONVERT(DT, ST) do { \
        const ST *s_ = (const ST *)src; DT *d_ = (DT *)dst; \
        for (i = 0; i < n; i++) d_[i] = (DT)s_[i]; } while (0)
    if (dkind == 1) {
        if (skind == 2) CONVERT(Py_UCS1, Py_UCS2); else CONVERT(Py_UCS1, Py_UCS4);
    }
    else if (dkind == 2) {
        if (skind == 1) CONVERT(Py_UCS2, Py_UCS1); else CONVERT(Py_UCS2, Py_UCS4);
    }
    else {
        if (skind == 1) CONVERT(Py_UCS4, Py_UCS1); else CONVERT(Py_UCS4, Py_UCS2);
    }
#undef CONVERT
}

void *
_PyUnicode_AsKind(PyObject *s, int kind)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(s);
    void *buf = PyMem_Malloc((size_t)(len + 1) * (size_t)kind);
    if (buf == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    _PyUnicode_ConvertChars(kind, buf, PyUnicode_KIND(s), PyUnicode_DATA(s), len);
    return buf;
}

static Py_UCS4
find_maxchar(int kind, const void *data, Py_ssize_t start, Py_ssize_t end)
{
    Py_UCS4 maxchar = 0;
    Py_ssize_t i;
    if (kind == 1) {
        const Py_UCS1 *p = (const Py_UCS1 *)data;
        for (i = start; i < end; i++) {
            if (p[i] > maxchar) {
                maxchar = p[i];
                if (maxchar >= 128) {
                    /* keep scanning only while it matters */
                    for (; i < end; i++) {
                        if (p[i] > maxchar) maxchar = p[i];
                    }
                    break;
                }
            }
        }
    }
    else if (kind == 2) {
        const Py_UCS2 *p = (const Py_UCS2 *)data;
        for (i = start; i < end; i++) {
            if (p[i] > maxchar) maxchar = p[i];
        }
    }
    else {
        const Py_UCS4 *p = (const Py_UCS4 *)data;
        for (i = start; i < end; i++) {
            if (p[i] > maxchar) maxchar = p[i];
        }
    }
    return maxchar;
}

Py_UCS4
_PyUnicode_FindMaxChar(PyObject *unicode, Py_ssize_t start, Py_ssize_t end)
{
    if (start >= end) {
        return 127;
    }
    if (PyUnicode_IS_ASCII(unicode)) {
        return 127;
    }
    return find_maxchar(PyUnicode_KIND(unicode), PyUnicode_DATA(unicode), start, end);
}

/* ---- creation from C data --------------------------------------------- */

PyObject *
_PyUnicode_FromASCII(const char *s, Py_ssize_t size)
{
    if (size == 0) {
        return unicode_get_empty();
    }
    if (size == 1) {
        return _PyUnicode_Latin1Char((Py_UCS1)s[0]);
    }
    PyObject *u = unicode_alloc(size, PyUnicode_1BYTE_KIND, 1);
    if (u == NULL) {
        return NULL;
    }
    memcpy(PyUnicode_DATA(u), s, (size_t)size);
    return u;
}

PyObject *
_PyUnicode_FromKindAndDataNarrow(int kind, const void *buf, Py_ssize_t size)
{
    if (size == 0) {
        return unicode_get_empty();
    }
    Py_UCS4 maxchar = find_maxchar(kind, buf, 0, size);
    if (size == 1 && maxchar < 256) {
        return _PyUnicode_Latin1Char((Py_UCS1)maxchar);
    }
    PyObject *u = PyUnicode_New(size, maxchar);
    if (u == NULL) {
        return NULL;
    }
    _PyUnicode_ConvertChars(PyUnicode_KIND(u), PyUnicode_DATA(u), kind, buf, size);
    return u;
}

PyObject *
_PyUnicode_FromUCS1(const Py_UCS1 *s, Py_ssize_t size)
{
    return _PyUnicode_FromKindAndDataNarrow(PyUnicode_1BYTE_KIND, s, size);
}

PyObject *
_PyUnicode_FromUCS2(const Py_UCS2 *s, Py_ssize_t size)
{
    return _PyUnicode_FromKindAndDataNarrow(PyUnicode_2BYTE_KIND, s, size);
}

PyObject *
_PyUnicode_FromUCS4(const Py_UCS4 *s, Py_ssize_t size)
{
    for (Py_ssize_t i = 0; i < size; i++) {
        if (s[i] > _Py_MAX_UNICODE) {
            PyErr_SetString(PyExc_ValueError, "character U+110000 is not in range [U+0000; U+10ffff]");
            return NULL;
        }
    }
    return _PyUnicode_FromKindAndDataNarrow(PyUnicode_4BYTE_KIND, s, size);
}

PyObject *
PyUnicode_FromKindAndData(int kind, const void *buffer, Py_ssize_t size)
{
    if (size < 0) {
        PyErr_SetString(PyExc_ValueError, "size must be positive");
        return NULL;
    }
    switch (kind) {
    case PyUnicode_1BYTE_KIND:
        return _PyUnicode_FromUCS1(buffer, size);
    case PyUnicode_2BYTE_KIND:
        return _PyUnicode_FromUCS2(buffer, size);
    case PyUnicode_4BYTE_KIND:
        return _PyUnicode_FromUCS4(buffer, size);
    default:
        PyErr_SetString(PyExc_SystemError, "invalid kind");
        return NULL;
    }
}

PyObject *
PyUnicode_FromWideChar(const wchar_t *w, Py_ssize_t size)
{
    if (w == NULL && size != 0) {
        PyErr_BadInternalCall();
        return NULL;
    }
    if (size == -1) {
        size = (Py_ssize_t)wcslen(w);
    }
    return _PyUnicode_FromUCS4((const Py_UCS4 *)w, size);
}

PyObject *
PyUnicode_FromOrdinal(int ordinal)
{
    if (ordinal < 0 || ordinal > _Py_MAX_UNICODE) {
        PyErr_SetString(PyExc_ValueError, "chr() arg not in range(0x110000)");
        return NULL;
    }
    return _PyUnicode_Char((Py_UCS4)ordinal);
}

PyObject *
PyUnicode_FromStringAndSize(const char *u, Py_ssize_t size)
{
    if (size < 0) {
        PyErr_SetString(PyExc_SystemError,
                        "Negative size passed to PyUnicode_FromStringAndSize");
        return NULL;
    }
    if (u == NULL) {
        if (size == 0) {
            return unicode_get_empty();
        }
        PyErr_SetString(PyExc_SystemError,
                        "NULL string with positive size with NULL passed to PyUnicode_FromStringAndSize");
        return NULL;
    }
    return PyUnicode_DecodeUTF8Stateful(u, size, NULL, NULL);
}

PyObject *
PyUnicode_FromString(const char *u)
{
    size_t size = strlen(u);
    if (size > PY_SSIZE_T_MAX) {
        PyErr_SetString(PyExc_OverflowError, "input too long");
        return NULL;
    }
    return PyUnicode_DecodeUTF8Stateful(u, (Py_ssize_t)size, NULL, NULL);
}

PyObject *
_PyUnicode_Copy(PyObject *unicode)
{
    if (!PyUnicode_Check(unicode)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(unicode);
    PyObject *u = unicode_alloc(len, PyUnicode_KIND(unicode), PyUnicode_IS_ASCII(unicode));
    if (u == NULL) {
        return NULL;
    }
    memcpy(PyUnicode_DATA(u), PyUnicode_DATA(unicode),
           (size_t)len * (size_t)PyUnicode_KIND(unicode));
    return u;
}

/* str(x) for an exact str or subclass: an exact str with the same value. */
static PyObject *
unicode_result_exact(PyObject *unicode)
{
    if (PyUnicode_CheckExact(unicode)) {
        return Py_NewRef(unicode);
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(unicode);
    if (len == 0) {
        return unicode_get_empty();
    }
    if (len == 1 && PyUnicode_READ_CHAR(unicode, 0) < 256) {
        return _PyUnicode_Latin1Char((Py_UCS1)PyUnicode_READ_CHAR(unicode, 0));
    }
    return _PyUnicode_Copy(unicode);
}

PyObject *
PyUnicode_FromObject(PyObject *obj)
{
    if (PyUnicode_CheckExact(obj)) {
        return Py_NewRef(obj);
    }
    if (PyUnicode_Check(obj)) {
        return unicode_result_exact(obj);
    }
    PyErr_Format(PyExc_TypeError,
                 "Can't convert '%.100s' object to str implicitly",
                 Py_TYPE(obj)->tp_name);
    return NULL;
}

/* ---- access ------------------------------------------------------------ */

Py_ssize_t
PyUnicode_GetLength(PyObject *unicode)
{
    if (!PyUnicode_Check(unicode)) {
        PyErr_BadArgument();
        return -1;
    }
    return PyUnicode_GET_LENGTH(unicode);
}

Py_UCS4
PyUnicode_ReadChar(PyObject *unicode, Py_ssize_t index)
{
    if (!PyUnicode_Check(unicode)) {
        PyErr_BadArgument();
        return (Py_UCS4)-1;
    }
    if (index < 0 || index >= PyUnicode_GET_LENGTH(unicode)) {
        PyErr_SetString(PyExc_IndexError, "string index out of range");
        return (Py_UCS4)-1;
    }
    return PyUnicode_READ_CHAR(unicode, index);
}

/* Only fresh strings (refcount 1, not interned, hash not computed) may be
 * modified in place. */
static int
unicode_modifiable(PyObject *unicode)
{
    if (!_PyObject_IsUniquelyReferenced(unicode)) {
        return 0;
    }
    if (_Py_atomic_load_ssize_relaxed(&_PyUnicode_CAST(unicode)->hash) != -1) {
        return 0;
    }
    if (PyUnicode_CHECK_INTERNED(unicode)) {
        return 0;
    }
    if (!PyUnicode_CheckExact(unicode)) {
        return 0;
    }
    return 1;
}

static void
unicode_drop_utf8(PyObject *unicode)
{
    PyUnicodeObject *u = _PyUnicode_CAST(unicode);
    if (u->utf8 != NULL && u->utf8 != (char *)u->data) {
        PyMem_Free(u->utf8);
        u->utf8 = NULL;
        u->utf8_length = 0;
    }
}

int
PyUnicode_WriteChar(PyObject *unicode, Py_ssize_t index, Py_UCS4 ch)
{
    if (!PyUnicode_Check(unicode) || !PyUnicode_CheckExact(unicode)) {
        PyErr_BadInternalCall();
        return -1;
    }
    if (index < 0 || index >= PyUnicode_GET_LENGTH(unicode)) {
        PyErr_SetString(PyExc_IndexError, "string index out of range");
        return -1;
    }
    if (!unicode_modifiable(unicode)) {
        PyErr_SetString(PyExc_SystemError, "Cannot modify a string currently used");
        return -1;
    }
    if (ch > PyUnicode_MAX_CHAR_VALUE(unicode)) {
        PyErr_SetString(PyExc_ValueError, "character out of range");
        return -1;
    }
    unicode_drop_utf8(unicode);
    PyUnicode_WRITE(PyUnicode_KIND(unicode), PyUnicode_DATA(unicode), index, ch);
    return 0;
}

Py_UCS4 *
PyUnicode_AsUCS4(PyObject *unicode, Py_UCS4 *target, Py_ssize_t targetsize, int copy_null)
{
    if (unicode == NULL || target == NULL || !PyUnicode_Check(unicode)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(unicode);
    Py_ssize_t need = len + (copy_null ? 1 : 0);
    if (targetsize < need) {
        PyErr_Format(PyExc_SystemError, "string is longer than the buffer");
        if (copy_null && targetsize > 0) {
            target[0] = 0;
        }
        return NULL;
    }
    _PyUnicode_ConvertChars(4, target, PyUnicode_KIND(unicode), PyUnicode_DATA(unicode), len);
    if (copy_null) {
        target[len] = 0;
    }
    return target;
}

Py_UCS4 *
PyUnicode_AsUCS4Copy(PyObject *unicode)
{
    if (!PyUnicode_Check(unicode)) {
        PyErr_BadArgument();
        return NULL;
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(unicode);
    Py_UCS4 *buf = PyMem_Malloc(((size_t)len + 1) * sizeof(Py_UCS4));
    if (buf == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    return PyUnicode_AsUCS4(unicode, buf, len + 1, 1);
}

Py_ssize_t
PyUnicode_AsWideChar(PyObject *unicode, wchar_t *w, Py_ssize_t size)
{
    if (unicode == NULL || !PyUnicode_Check(unicode)) {
        PyErr_BadInternalCall();
        return -1;
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(unicode);
    if (w == NULL) {
        return len + 1;
    }
    Py_ssize_t n = len < size ? len : size;
    _PyUnicode_ConvertChars(4, w, PyUnicode_KIND(unicode), PyUnicode_DATA(unicode), n);
    if (n < size) {
        w[n] = 0;
    }
    return n;
}

wchar_t *
PyUnicode_AsWideCharString(PyObject *unicode, Py_ssize_t *size)
{
    if (unicode == NULL || !PyUnicode_Check(unicode)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(unicode);
    wchar_t *w = PyMem_Malloc(((size_t)len + 1) * sizeof(wchar_t));
    if (w == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    _PyUnicode_ConvertChars(4, w, PyUnicode_KIND(unicode), PyUnicode_DATA(unicode), len);
    w[len] = 0;
    if (size != NULL) {
        *size = len;
    }
    else if (wcslen(w) != (size_t)len) {
        PyMem_Free(w);
        PyErr_SetString(PyExc_ValueError, "embedded null character");
        return NULL;
    }
    return w;
}

void
_PyUnicode_FastCopyCharacters(PyObject *to, Py_ssize_t to_start,
                              PyObject *from, Py_ssize_t from_start, Py_ssize_t how_many)
{
    if (how_many <= 0) {
        return;
    }
    int tkind = PyUnicode_KIND(to), fkind = PyUnicode_KIND(from);
    char *dst = (char *)PyUnicode_DATA(to) + to_start * tkind;
    const char *src = (const char *)PyUnicode_DATA(from) + from_start * fkind;
    if (tkind == fkind) {
        memmove(dst, src, (size_t)how_many * (size_t)tkind);
    }
    else {
        _PyUnicode_ConvertChars(tkind, dst, fkind, src, how_many);
    }
}

Py_ssize_t
PyUnicode_CopyCharacters(PyObject *to, Py_ssize_t to_start,
                         PyObject *from, Py_ssize_t from_start, Py_ssize_t how_many)
{
    if (!PyUnicode_Check(from) || !PyUnicode_Check(to)) {
        PyErr_BadInternalCall();
        return -1;
    }
    if ((size_t)from_start > (size_t)PyUnicode_GET_LENGTH(from)) {
        PyErr_SetString(PyExc_IndexError, "string index out of range");
        return -1;
    }
    if ((size_t)to_start > (size_t)PyUnicode_GET_LENGTH(to)) {
        PyErr_SetString(PyExc_IndexError, "string index out of range");
        return -1;
    }
    if (how_many < 0) {
        PyErr_SetString(PyExc_SystemError, "how_many cannot be negative");
        return -1;
    }
    how_many = Py_MIN(PyUnicode_GET_LENGTH(from) - from_start, how_many);
    if (to_start + how_many > PyUnicode_GET_LENGTH(to)) {
        PyErr_Format(PyExc_SystemError,
                     "Cannot write %zi characters at %zi in a string of %zi characters",
                     how_many, to_start, PyUnicode_GET_LENGTH(to));
        return -1;
    }
    if (how_many == 0) {
        return 0;
    }
    if (!unicode_modifiable(to)) {
        PyErr_SetString(PyExc_SystemError, "Cannot modify a string currently used");
        return -1;
    }
    if (_PyUnicode_FindMaxChar(from, from_start, from_start + how_many) >
        PyUnicode_MAX_CHAR_VALUE(to)) {
        PyErr_Format(PyExc_SystemError, "Cannot copy characters into a narrower string");
        return -1;
    }
    unicode_drop_utf8(to);
    _PyUnicode_FastCopyCharacters(to, to_start, from, from_start, how_many);
    return how_many;
}

void
_PyUnicode_FastFill(PyObject *unicode, Py_ssize_t start, Py_ssize_t length, Py_UCS4 ch)
{
    int kind = PyUnicode_KIND(unicode);
    void *data = PyUnicode_DATA(unicode);
    if (kind == 1) {
        memset((Py_UCS1 *)data + start, (int)ch, (size_t)length);
        return;
    }
    for (Py_ssize_t i = 0; i < length; i++) {
        PyUnicode_WRITE(kind, data, start + i, ch);
    }
}

Py_ssize_t
PyUnicode_Fill(PyObject *unicode, Py_ssize_t start, Py_ssize_t length, Py_UCS4 fill_char)
{
    if (!PyUnicode_Check(unicode)) {
        PyErr_BadInternalCall();
        return -1;
    }
    if (!unicode_modifiable(unicode)) {
        PyErr_SetString(PyExc_SystemError, "Cannot modify a string currently used");
        return -1;
    }
    if (fill_char > PyUnicode_MAX_CHAR_VALUE(unicode)) {
        PyErr_SetString(PyExc_ValueError, "fill character is bigger than the string maximum character");
        return -1;
    }
    if (start < 0) {
        PyErr_SetString(PyExc_IndexError, "string index out of range");
        return -1;
    }
    Py_ssize_t maxlen = PyUnicode_GET_LENGTH(unicode) - start;
    length = Py_MIN(maxlen, length);
    if (length <= 0) {
        return 0;
    }
    unicode_drop_utf8(unicode);
    _PyUnicode_FastFill(unicode, start, length, fill_char);
    return length;
}

/* ---- UTF-8 cache -------------------------------------------------------- */

/* Encode to a fresh PyMem buffer; -1 (no exception) at the first surrogate. */
static char *
utf8_encode_nosurrogates(PyObject *s, Py_ssize_t *plen)
{
    int kind = PyUnicode_KIND(s);
    const void *data = PyUnicode_DATA(s);
    Py_ssize_t len = PyUnicode_GET_LENGTH(s);
    size_t cap = (size_t)len * (kind == 1 ? 2 : (kind == 2 ? 3 : 4)) + 1;
    char *buf = PyMem_Malloc(cap);
    if (buf == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    char *p = buf;
    for (Py_ssize_t i = 0; i < len; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        if (ch < 0x80) {
            *p++ = (char)ch;
        }
        else if (ch < 0x800) {
            *p++ = (char)(0xc0 | (ch >> 6));
            *p++ = (char)(0x80 | (ch & 0x3f));
        }
        else if (ch < 0x10000) {
            if (Py_UNICODE_IS_SURROGATE(ch)) {
                PyMem_Free(buf);
                *plen = -1;
                return NULL;
            }
            *p++ = (char)(0xe0 | (ch >> 12));
            *p++ = (char)(0x80 | ((ch >> 6) & 0x3f));
            *p++ = (char)(0x80 | (ch & 0x3f));
        }
        else {
            *p++ = (char)(0xf0 | (ch >> 18));
            *p++ = (char)(0x80 | ((ch >> 12) & 0x3f));
            *p++ = (char)(0x80 | ((ch >> 6) & 0x3f));
            *p++ = (char)(0x80 | (ch & 0x3f));
        }
    }
    *p = '\0';
    *plen = p - buf;
    return buf;
}

const char *
PyUnicode_AsUTF8AndSize(PyObject *unicode, Py_ssize_t *psize)
{
    if (!PyUnicode_Check(unicode)) {
        PyErr_BadArgument();
        if (psize) {
            *psize = -1;
        }
        return NULL;
    }
    PyUnicodeObject *u = _PyUnicode_CAST(unicode);
    char *utf8 = _Py_atomic_load_ptr_acquire(&u->utf8);
    if (utf8 == NULL) {
        Py_ssize_t len = 0;
        char *buf = utf8_encode_nosurrogates(unicode, &len);
        if (buf == NULL) {
            if (len == -1) {
                /* raise the proper UnicodeEncodeError */
                PyObject *r = _PyUnicode_AsUTF8String(unicode, "strict");
                Py_XDECREF(r);
                if (!PyErr_Occurred()) {
                    PyErr_SetString(PyExc_UnicodeEncodeError, "surrogates not allowed");
                }
            }
            if (psize) {
                *psize = -1;
            }
            return NULL;
        }
        /* The length is the same for every racer, so it can be stored
         * before the pointer is published. */
        _Py_atomic_store_ssize_relaxed(&u->utf8_length, len);
        char *expected = NULL;
        if (_Py_atomic_compare_exchange_ptr(&u->utf8, &expected, buf)) {
            utf8 = buf;
        }
        else {
            PyMem_Free(buf);
            utf8 = expected;
        }
    }
    if (psize) {
        *psize = _Py_atomic_load_ssize_relaxed(&u->utf8_length);
    }
    return utf8;
}

const char *
PyUnicode_AsUTF8(PyObject *unicode)
{
    return PyUnicode_AsUTF8AndSize(unicode, NULL);
}

/* ---- hashing and comparison ------------------------------------------- */

Py_hash_t
_PyUnicode_Hash(PyObject *unicode)
{
    PyUnicodeObject *u = _PyUnicode_CAST(unicode);
    Py_hash_t h = _Py_atomic_load_ssize_relaxed(&u->hash);
    if (h != -1) {
        return h;
    }
    h = _Py_HashBytes(u->data, u->length * u->kind);
    _Py_atomic_store_ssize_relaxed(&u->hash, h);
    return h;
}

static Py_hash_t
unicode_hash(PyObject *self)
{
    return _PyUnicode_Hash(self);
}

int
_PyUnicode_Equal(PyObject *a, PyObject *b)
{
    if (a == b) {
        return 1;
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(a);
    if (len != PyUnicode_GET_LENGTH(b)) {
        return 0;
    }
    int kind = PyUnicode_KIND(a);
    if (kind != PyUnicode_KIND(b)) {
        return 0;
    }
    return memcmp(PyUnicode_DATA(a), PyUnicode_DATA(b), (size_t)len * (size_t)kind) == 0;
}

int
_PyUnicode_EQ(PyObject *a, PyObject *b)
{
    return _PyUnicode_Equal(a, b);
}

static int
unicode_compare(PyObject *a, PyObject *b)
{
    int k1 = PyUnicode_KIND(a), k2 = PyUnicode_KIND(b);
    const void *d1 = PyUnicode_DATA(a), *d2 = PyUnicode_DATA(b);
    Py_ssize_t l1 = PyUnicode_GET_LENGTH(a), l2 = PyUnicode_GET_LENGTH(b);
    Py_ssize_t n = Py_MIN(l1, l2);
    if (k1 == 1 && k2 == 1) {
        int c = memcmp(d1, d2, (size_t)n);
        if (c != 0) {
            return c < 0 ? -1 : 1;
        }
    }
    else {
        for (Py_ssize_t i = 0; i < n; i++) {
            Py_UCS4 c1 = PyUnicode_READ(k1, d1, i), c2 = PyUnicode_READ(k2, d2, i);
            if (c1 != c2) {
                return c1 < c2 ? -1 : 1;
            }
        }
    }
    return l1 < l2 ? -1 : (l1 > l2 ? 1 : 0);
}

int
PyUnicode_Compare(PyObject *left, PyObject *right)
{
    if (PyUnicode_Check(left) && PyUnicode_Check(right)) {
        if (left == right) {
            return 0;
        }
        return unicode_compare(left, right);
    }
    PyErr_Format(PyExc_TypeError, "Can't compare %.100s and %.100s",
                 Py_TYPE(left)->tp_name, Py_TYPE(right)->tp_name);
    return -1;
}

int
PyUnicode_CompareWithASCIIString(PyObject *uni, const char *str)
{
    int kind = PyUnicode_KIND(uni);
    const void *data = PyUnicode_DATA(uni);
    Py_ssize_t len = PyUnicode_GET_LENGTH(uni);
    Py_ssize_t i;
    for (i = 0; i < len && str[i]; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (c != (unsigned char)str[i]) {
            return c < (unsigned char)str[i] ? -1 : 1;
        }
    }
    if (i < len) {
        return 1;
    }
    if (str[i]) {
        return -1;
    }
    return 0;
}

int
PyUnicode_EqualToUTF8AndSize(PyObject *unicode, const char *str, Py_ssize_t size)
{
    if (!PyUnicode_Check(unicode)) {
        return 0;
    }
    if (PyUnicode_IS_ASCII(unicode)) {
        return PyUnicode_GET_LENGTH(unicode) == size &&
               memcmp(PyUnicode_DATA(unicode), str, (size_t)size) == 0;
    }
    /* Non-ASCII: compare with the UTF-8 form without raising. */
    PyUnicodeObject *u = _PyUnicode_CAST(unicode);
    const char *utf8 = _Py_atomic_load_ptr_acquire(&u->utf8);
    if (utf8 == NULL) {
        utf8 = PyUnicode_AsUTF8AndSize(unicode, NULL);
        if (utf8 == NULL) {
            PyErr_Clear();
            return 0;
        }
    }
    Py_ssize_t n = _Py_atomic_load_ssize_relaxed(&u->utf8_length);
    return n == size && memcmp(utf8, str, (size_t)size) == 0;
}

int
PyUnicode_EqualToUTF8(PyObject *unicode, const char *str)
{
    return PyUnicode_EqualToUTF8AndSize(unicode, str, (Py_ssize_t)strlen(str));
}

int
_PyUnicode_EqualToASCIIString(PyObject *unicode, const char *str)
{
    if (!PyUnicode_IS_ASCII(unicode)) {
        return 0;
    }
    size_t len = strlen(str);
    return (size_t)PyUnicode_GET_LENGTH(unicode) == len &&
           memcmp(PyUnicode_DATA(unicode), str, len) == 0;
}

int
_PyUnicode_EqualToASCIIId(PyObject *left, _Py_Identifier *right)
{
    PyObject *r = _PyUnicode_FromId(right);
    if (r == NULL) {
        PyErr_Clear();
        return _PyUnicode_EqualToASCIIString(left, right->string);
    }
    return _PyUnicode_Equal(left, r);
}

PyObject *
PyUnicode_RichCompare(PyObject *left, PyObject *right, int op)
{
    if (!PyUnicode_Check(left) || !PyUnicode_Check(right)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    int result;
    if (left == right) {
        switch (op) {
        case Py_EQ: case Py_LE: case Py_GE:
            Py_RETURN_TRUE;
        default:
            Py_RETURN_FALSE;
        }
    }
    if (op == Py_EQ || op == Py_NE) {
        result = _PyUnicode_Equal(left, right);
        if (op == Py_NE) {
            result = !result;
        }
        return PyBool_FromLong(result);
    }
    int c = unicode_compare(left, right);
    switch (op) {
    case Py_LT: result = c < 0; break;
    case Py_LE: result = c <= 0; break;
    case Py_GT: result = c > 0; break;
    default: result = c >= 0; break;
    }
    return PyBool_FromLong(result);
}

/* ---- interning ---------------------------------------------------------
 * An open-addressing set of interned strings, guarded by a mutex.  Interned
 * strings are immortal, so entries are never removed. */

static struct {
    PyMutex mutex;
    PyObject **table;
    size_t mask;            /* capacity - 1 (power of two), 0 when empty */
    size_t used;
} interned;

static int
interned_grow(void)
{
    size_t newcap = interned.table == NULL ? 1024 : (interned.mask + 1) * 2;
    PyObject **t = PyMem_RawCalloc(newcap, sizeof(PyObject *));
    if (t == NULL) {
        return -1;
    }
    if (interned.table != NULL) {
        for (size_t i = 0; i <= interned.mask; i++) {
            PyObject *s = interned.table[i];
            if (s == NULL) {
                continue;
            }
            size_t j = (size_t)_PyUnicode_Hash(s) & (newcap - 1);
            while (t[j] != NULL) {
                j = (j + 1) & (newcap - 1);
            }
            t[j] = s;
        }
        PyMem_RawFree(interned.table);
    }
    interned.table = t;
    interned.mask = newcap - 1;
    return 0;
}

/* With the mutex held: the interned equal string, or NULL. */
static PyObject *
interned_find(PyObject *s, Py_hash_t h)
{
    if (interned.table == NULL) {
        return NULL;
    }
    size_t j = (size_t)h & interned.mask;
    for (;;) {
        PyObject *t = interned.table[j];
        if (t == NULL) {
            return NULL;
        }
        if (t == s || (_Py_atomic_load_ssize_relaxed(&_PyUnicode_CAST(t)->hash) == h && _PyUnicode_Equal(t, s))) {
            return t;
        }
        j = (j + 1) & interned.mask;
    }
}

PyObject *
_PyUnicode_LookupInterned(PyObject *s)
{
    Py_hash_t h = _PyUnicode_Hash(s);
    PyMutex_Lock(&interned.mutex);
    PyObject *t = interned_find(s, h);
    PyMutex_Unlock(&interned.mutex);
    return t;
}

/* Return the interned string equal to s (a new reference to an immortal
 * object; s's reference is consumed), or s itself if interning is
 * impossible. */
static PyObject *
intern_common(PyObject *s)
{
    if (!PyUnicode_CheckExact(s)) {
        return s;
    }
    if (PyUnicode_CHECK_INTERNED(s)) {
        return s;
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(s);
    if (len == 0) {
        Py_DECREF(s);
        return unicode_get_empty();
    }
    if (len == 1 && PyUnicode_KIND(s) == 1) {
        PyObject *c = _PyUnicode_Latin1Char(PyUnicode_1BYTE_DATA(s)[0]);
        if (c != NULL) {
            Py_DECREF(s);
            return c;
        }
        PyErr_Clear();
        return s;
    }
    Py_hash_t h = _PyUnicode_Hash(s);
    PyMutex_Lock(&interned.mutex);
    PyObject *t = interned_find(s, h);
    if (t != NULL) {
        PyMutex_Unlock(&interned.mutex);
        if (t != s) {
            Py_DECREF(s);
        }
        return t;
    }
    if ((interned.used + 1) * 3 >= (interned.mask + 1) * 2) {
        if (interned_grow() < 0) {
            PyMutex_Unlock(&interned.mutex);
            return s;   /* not interned, but still correct */
        }
    }
    size_t j = (size_t)h & interned.mask;
    while (interned.table[j] != NULL) {
        j = (j + 1) & interned.mask;
    }
    _Py_SetImmortal(s);
    _Py_atomic_store_uint8_relaxed(&_PyUnicode_CAST(s)->interned, SSTATE_INTERNED_IMMORTAL);
    interned.table[j] = s;
    interned.used++;
    PyMutex_Unlock(&interned.mutex);
    return s;
}

void
PyUnicode_InternInPlace(PyObject **p)
{
    PyObject *s = *p;
    if (s == NULL || !PyUnicode_Check(s)) {
        return;
    }
    *p = intern_common(s);
}

void
PyUnicode_InternImmortal(PyObject **p)
{
    PyUnicode_InternInPlace(p);
}

PyObject *
PyUnicode_InternFromString(const char *cp)
{
    PyObject *s = PyUnicode_FromString(cp);
    if (s == NULL) {
        return NULL;
    }
    PyUnicode_InternInPlace(&s);
    return s;
}

PyObject *
_PyUnicode_FromId(_Py_Identifier *id)
{
    PyObject *s = _Py_atomic_load_ptr_acquire(&id->object);
    if (s != NULL) {
        return s;
    }
    s = PyUnicode_InternFromString(id->string);
    if (s == NULL) {
        return NULL;
    }
    /* Interning gives every racer the same immortal object. */
    _Py_atomic_store_ptr_release(&id->object, s);
    return s;
}

/* ---- concatenation, join, substring ------------------------------------ */

PyObject *
PyUnicode_Concat(PyObject *left, PyObject *right)
{
    if (!PyUnicode_Check(left)) {
        PyErr_Format(PyExc_TypeError, "must be str, not %.100s", Py_TYPE(left)->tp_name);
        return NULL;
    }
    if (!PyUnicode_Check(right)) {
        PyErr_Format(PyExc_TypeError,
                     "can only concatenate str (not \"%.200s\") to str",
                     Py_TYPE(right)->tp_name);
        return NULL;
    }
    Py_ssize_t l1 = PyUnicode_GET_LENGTH(left), l2 = PyUnicode_GET_LENGTH(right);
    if (l1 == 0) {
        return unicode_result_exact(right);
    }
    if (l2 == 0) {
        return unicode_result_exact(left);
    }
    if (l1 > PY_SSIZE_T_MAX - l2) {
        PyErr_SetString(PyExc_OverflowError, "strings are too large to concat");
        return NULL;
    }
    Py_UCS4 maxchar = Py_MAX(PyUnicode_MAX_CHAR_VALUE(left), PyUnicode_MAX_CHAR_VALUE(right));
    PyObject *res = PyUnicode_New(l1 + l2, maxchar);
    if (res == NULL) {
        return NULL;
    }
    _PyUnicode_FastCopyCharacters(res, 0, left, 0, l1);
    _PyUnicode_FastCopyCharacters(res, l1, right, 0, l2);
    return res;
}

void
PyUnicode_Append(PyObject **pleft, PyObject *right)
{
    PyObject *left = *pleft;
    if (left == NULL) {
        return;
    }
    if (right == NULL || !PyUnicode_Check(left)) {
        if (!PyErr_Occurred()) {
            PyErr_BadInternalCall();
        }
        Py_CLEAR(*pleft);
        return;
    }
    PyObject *res = PyUnicode_Concat(left, right);
    Py_DECREF(left);
    *pleft = res;
}

void
PyUnicode_AppendAndDel(PyObject **pleft, PyObject *right)
{
    PyUnicode_Append(pleft, right);
    Py_XDECREF(right);
}

PyObject *
_PyUnicode_JoinArray(PyObject *sep, PyObject *const *items, Py_ssize_t seqlen)
{
    if (seqlen == 0) {
        return unicode_get_empty();
    }
    if (sep == NULL) {
        sep = unicode_get_empty();
    }
    if (seqlen == 1 && PyUnicode_CheckExact(items[0])) {
        return Py_NewRef(items[0]);
    }
    Py_ssize_t seplen = PyUnicode_GET_LENGTH(sep);
    /* the separator counts only if it is used: the result must be canonical */
    Py_UCS4 maxchar = (seplen && seqlen > 1) ? PyUnicode_MAX_CHAR_VALUE(sep) : 0;
    Py_ssize_t total = 0;
    for (Py_ssize_t i = 0; i < seqlen; i++) {
        PyObject *item = items[i];
        if (!PyUnicode_Check(item)) {
            PyErr_Format(PyExc_TypeError,
                         "sequence item %zd: expected str instance, %.80s found",
                         i, Py_TYPE(item)->tp_name);
            return NULL;
        }
        Py_ssize_t n = PyUnicode_GET_LENGTH(item);
        if (n > PY_SSIZE_T_MAX - total) {
            goto overflow;
        }
        total += n;
        if (n) {
            maxchar = Py_MAX(maxchar, PyUnicode_MAX_CHAR_VALUE(item));
        }
        if (i && seplen) {
            if (seplen > PY_SSIZE_T_MAX - total) {
                goto overflow;
            }
            total += seplen;
        }
    }
    PyObject *res = PyUnicode_New(total, maxchar);
    if (res == NULL) {
        return NULL;
    }
    Py_ssize_t pos = 0;
    for (Py_ssize_t i = 0; i < seqlen; i++) {
        if (i && seplen) {
            _PyUnicode_FastCopyCharacters(res, pos, sep, 0, seplen);
            pos += seplen;
        }
        Py_ssize_t n = PyUnicode_GET_LENGTH(items[i]);
        _PyUnicode_FastCopyCharacters(res, pos, items[i], 0, n);
        pos += n;
    }
    return res;
overflow:
    PyErr_SetString(PyExc_OverflowError, "join() result is too long for a Python string");
    return NULL;
}

PyObject *
PyUnicode_Join(PyObject *separator, PyObject *seq)
{
    if (separator != NULL && !PyUnicode_Check(separator)) {
        PyErr_Format(PyExc_TypeError, "separator: expected str instance, %.80s found",
                     Py_TYPE(separator)->tp_name);
        return NULL;
    }
    PyObject *fseq = PySequence_Fast(seq, "can only join an iterable");
    if (fseq == NULL) {
        return NULL;
    }
    PyObject *res = _PyUnicode_JoinArray(separator, PySequence_Fast_ITEMS(fseq),
                                         PySequence_Fast_GET_SIZE(fseq));
    Py_DECREF(fseq);
    return res;
}

PyObject *
PyUnicode_Substring(PyObject *self, Py_ssize_t start, Py_ssize_t end)
{
    Py_ssize_t length = PyUnicode_GET_LENGTH(self);
    end = Py_MIN(end, length);
    if (start == 0 && end == length) {
        return unicode_result_exact(self);
    }
    if (start < 0 || end < 0) {
        PyErr_SetString(PyExc_IndexError, "string index out of range");
        return NULL;
    }
    if (start >= length || end < start) {
        return unicode_get_empty();
    }
    int kind = PyUnicode_KIND(self);
    const char *data = (const char *)PyUnicode_DATA(self) + start * kind;
    Py_ssize_t n = end - start;
    if (PyUnicode_IS_ASCII(self)) {
        return _PyUnicode_FromASCII(data, n);
    }
    return _PyUnicode_FromKindAndDataNarrow(kind, data, n);
}

/* ---- search helpers ----------------------------------------------------- */

Py_ssize_t
_PyUnicode_FindCharIn(int kind, const void *hay, Py_ssize_t n, Py_UCS4 ch, int direction)
{
    Py_ssize_t i;
    if (direction > 0) {
        if (kind == 1) {
            if (ch > 0xff) {
                return -1;
            }
            const void *p = memchr(hay, (int)ch, (size_t)n);
            return p ? (const Py_UCS1 *)p - (const Py_UCS1 *)hay : -1;
        }
        for (i = 0; i < n; i++) {
            if (PyUnicode_READ(kind, hay, i) == ch) {
                return i;
            }
        }
    }
    else {
        if (kind == 1) {
            if (ch > 0xff) {
                return -1;
            }
            const void *p = memrchr(hay, (int)ch, (size_t)n);
            return p ? (const Py_UCS1 *)p - (const Py_UCS1 *)hay : -1;
        }
        for (i = n - 1; i >= 0; i--) {
            if (PyUnicode_READ(kind, hay, i) == ch) {
                return i;
            }
        }
    }
    return -1;
}

Py_ssize_t
_PyUnicode_FindIn(int kind, const void *hay, Py_ssize_t n,
                  const void *needle, Py_ssize_t m, int direction)
{
    if (m == 0) {
        return direction > 0 ? 0 : n;
    }
    if (m > n) {
        return -1;
    }
    if (m == 1) {
        return _PyUnicode_FindCharIn(kind, hay, n, PyUnicode_READ(kind, needle, 0), direction);
    }
    size_t nb = (size_t)n * (size_t)kind, mb = (size_t)m * (size_t)kind;
    const char *h = hay;
    if (direction > 0) {
        /* memmem is a two-way search in glibc; reject matches that are not
         * aligned to a character boundary. */
        size_t off = 0;
        while (off + mb <= nb) {
            const char *p = memmem(h + off, nb - off, needle, mb);
            if (p == NULL) {
                return -1;
            }
            size_t pos = (size_t)(p - h);
            if (pos % (size_t)kind == 0) {
                return (Py_ssize_t)(pos / (size_t)kind);
            }
            off = pos + 1;
        }
        return -1;
    }
    Py_UCS4 first = PyUnicode_READ(kind, needle, 0);
    for (Py_ssize_t i = n - m; i >= 0; i--) {
        if (PyUnicode_READ(kind, hay, i) == first &&
            memcmp(h + (size_t)i * (size_t)kind, needle, mb) == 0) {
            return i;
        }
    }
    return -1;
}

/* ---- _PyUnicodeWriter -------------------------------------------------- */

void
_PyUnicodeWriter_Init(_PyUnicodeWriter *writer)
{
    memset(writer, 0, sizeof(*writer));
    writer->kind = PyUnicode_1BYTE_KIND;
}

/* The buffer str: header allocated once; data in a separate, resizable
 * PyMem buffer. */
static PyObject *
writer_new_buffer(void)
{
    PyUnicodeObject *u = PyObject_Malloc(sizeof(PyUnicodeObject));
    if (u == NULL) {
        return PyErr_NoMemory();
    }
    PyObject_Init((PyObject *)u, &PyUnicode_Type);
    u->length = 0;
    u->hash = -1;
    u->kind = 1;
    u->ascii = 1;
    u->interned = 0;
    u->statically_allocated = 0;
    u->_pad = 0;
    u->data = NULL;
    u->utf8 = NULL;
    u->utf8_length = 0;
    return (PyObject *)u;
}

int
_PyUnicodeWriter_PrepareInternal(_PyUnicodeWriter *writer, Py_ssize_t length, Py_UCS4 maxchar)
{
    if (length > PY_SSIZE_T_MAX - writer->pos) {
        PyErr_NoMemory();
        return -1;
    }
    Py_ssize_t newlen = writer->pos + length;
    maxchar = Py_MAX(maxchar, writer->min_char);
    Py_UCS4 newmax = Py_MAX(maxchar, writer->maxchar);
    int newkind = _PyUnicode_KindFor(newmax);
    if (writer->buffer != NULL && newlen <= writer->size && newkind == writer->kind) {
        writer->maxchar = newmax;
        return 0;
    }
    Py_ssize_t newsize = Py_MAX(newlen, writer->size);
    if (newlen > writer->size) {
        if (writer->overallocate && newlen <= (PY_SSIZE_T_MAX - newlen / 2) / 4) {
            newsize = newlen + newlen / 2;
        }
        if (newsize < writer->min_length) {
            newsize = writer->min_length;
        }
    }
    if ((size_t)newsize >= PY_SSIZE_T_MAX / 4 - 1) {
        PyErr_NoMemory();
        return -1;
    }
    if (writer->buffer == NULL) {
        writer->buffer = writer_new_buffer();
        if (writer->buffer == NULL) {
            return -1;
        }
    }
    PyUnicodeObject *u = _PyUnicode_CAST(writer->buffer);
    void *data;
    if (newkind == writer->kind || u->data == NULL) {
        data = PyMem_Realloc(u->data, ((size_t)newsize + 1) * (size_t)newkind);
        if (data == NULL) {
            PyErr_NoMemory();
            return -1;
        }
    }
    else {
        data = PyMem_Malloc(((size_t)newsize + 1) * (size_t)newkind);
        if (data == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        _PyUnicode_ConvertChars(newkind, data, writer->kind, u->data, writer->pos);
        PyMem_Free(u->data);
    }
    u->data = data;
    u->kind = (uint8_t)newkind;
    u->length = newsize;
    writer->data = data;
    writer->kind = newkind;
    writer->size = newsize;
    writer->maxchar = newmax;
    return 0;
}

int
_PyUnicodeWriter_PrepareKindInternal(_PyUnicodeWriter *writer, int kind)
{
    Py_UCS4 maxchar = kind == 1 ? 0xff : (kind == 2 ? 0xffff : 0x10ffff);
    return _PyUnicodeWriter_PrepareInternal(writer, 0, maxchar) < 0 ? -1 :
           (writer->kind >= kind ? 0 : -1);
}

int
_PyUnicodeWriter_WriteChar(_PyUnicodeWriter *writer, Py_UCS4 ch)
{
    if (ch > _Py_MAX_UNICODE) {
        PyErr_SetString(PyExc_ValueError, "character must be in range(0x110000)");
        return -1;
    }
    if (_PyUnicodeWriter_Prepare(writer, 1, ch) < 0) {
        return -1;
    }
    PyUnicode_WRITE(writer->kind, writer->data, writer->pos, ch);
    writer->pos++;
    return 0;
}

int
_PyUnicodeWriter_WriteSubstring(_PyUnicodeWriter *writer, PyObject *str,
                                Py_ssize_t start, Py_ssize_t end)
{
    if (end <= start) {
        return 0;
    }
    Py_UCS4 maxchar = PyUnicode_MAX_CHAR_VALUE(str);
    if (maxchar > writer->maxchar && maxchar > 127) {
        maxchar = _PyUnicode_FindMaxChar(str, start, end);
    }
    Py_ssize_t len = end - start;
    if (_PyUnicodeWriter_Prepare(writer, len, maxchar) < 0) {
        return -1;
    }
    _PyUnicode_ConvertChars(writer->kind,
                            (char *)writer->data + writer->pos * writer->kind,
                            PyUnicode_KIND(str),
                            (const char *)PyUnicode_DATA(str) + start * PyUnicode_KIND(str),
                            len);
    writer->pos += len;
    return 0;
}

int
_PyUnicodeWriter_WriteStr(_PyUnicodeWriter *writer, PyObject *str)
{
    return _PyUnicodeWriter_WriteSubstring(writer, str, 0, PyUnicode_GET_LENGTH(str));
}

int
_PyUnicodeWriter_WriteASCIIString(_PyUnicodeWriter *writer, const char *ascii, Py_ssize_t len)
{
    if (len == -1) {
        len = (Py_ssize_t)strlen(ascii);
    }
    if (len == 0) {
        return 0;
    }
    if (_PyUnicodeWriter_Prepare(writer, len, 127) < 0) {
        return -1;
    }
    _PyUnicode_ConvertChars(writer->kind, (char *)writer->data + writer->pos * writer->kind,
                            1, ascii, len);
    writer->pos += len;
    return 0;
}

int
_PyUnicodeWriter_WriteLatin1String(_PyUnicodeWriter *writer, const char *str, Py_ssize_t len)
{
    if (len == -1) {
        len = (Py_ssize_t)strlen(str);
    }
    if (len == 0) {
        return 0;
    }
    Py_UCS4 maxchar = find_maxchar(1, str, 0, len);
    if (_PyUnicodeWriter_Prepare(writer, len, maxchar) < 0) {
        return -1;
    }
    _PyUnicode_ConvertChars(writer->kind, (char *)writer->data + writer->pos * writer->kind,
                            1, str, len);
    writer->pos += len;
    return 0;
}

int
_PyUnicodeWriter_WriteUTF8(_PyUnicodeWriter *writer, const char *str, Py_ssize_t len)
{
    if (len == -1) {
        len = (Py_ssize_t)strlen(str);
    }
    PyObject *s = PyUnicode_DecodeUTF8Stateful(str, len, NULL, NULL);
    if (s == NULL) {
        return -1;
    }
    int r = _PyUnicodeWriter_WriteStr(writer, s);
    Py_DECREF(s);
    return r;
}

int
_PyUnicodeWriter_WriteFill(_PyUnicodeWriter *writer, Py_UCS4 ch, Py_ssize_t count)
{
    if (count <= 0) {
        return 0;
    }
    if (_PyUnicodeWriter_Prepare(writer, count, ch) < 0) {
        return -1;
    }
    _PyUnicode_FastFill(writer->buffer, writer->pos, count, ch);
    writer->pos += count;
    return 0;
}

PyObject *
_PyUnicodeWriter_Finish(_PyUnicodeWriter *writer)
{
    PyObject *buf = writer->buffer;
    writer->buffer = NULL;
    if (buf == NULL || writer->pos == 0) {
        Py_XDECREF(buf);
        return unicode_get_empty();
    }
    Py_ssize_t len = writer->pos;
    int kind = writer->kind;
    void *data = _PyUnicode_CAST(buf)->data;
    /* Narrow if the declared maxchar was pessimistic. */
    Py_UCS4 maxchar = find_maxchar(kind, data, 0, len);
    PyObject *res;
    if (len == 1 && maxchar < 256) {
        res = _PyUnicode_Latin1Char((Py_UCS1)maxchar);
        Py_DECREF(buf);
        return res;
    }
    int rkind = _PyUnicode_KindFor(maxchar);
    if (len <= 4096 || rkind != kind) {
        res = unicode_alloc(len, rkind, maxchar < 128);
        if (res != NULL) {
            _PyUnicode_ConvertChars(rkind, PyUnicode_DATA(res), kind, data, len);
        }
        Py_DECREF(buf);
        return res;
    }
    /* Large: keep the separate buffer, trimmed. */
    PyUnicodeObject *u = _PyUnicode_CAST(buf);
    void *nd = PyMem_Realloc(data, ((size_t)len + 1) * (size_t)kind);
    if (nd != NULL) {
        u->data = nd;
    }
    PyUnicode_WRITE(kind, u->data, len, 0);
    u->length = len;
    u->ascii = maxchar < 128;
    if (u->ascii) {
        u->utf8 = u->data;
        u->utf8_length = len;
    }
    return buf;
}

void
_PyUnicodeWriter_Dealloc(_PyUnicodeWriter *writer)
{
    Py_CLEAR(writer->buffer);
}

/* ---- PyUnicode_FromFormat --------------------------------------------- */

static int
writer_write_padded(_PyUnicodeWriter *w, PyObject *s, Py_ssize_t width,
                    Py_ssize_t precision, int left)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(s);
    if (precision >= 0 && len > precision) {
        len = precision;
    }
    Py_ssize_t pad = width > len ? width - len : 0;
    if (!left && _PyUnicodeWriter_WriteFill(w, ' ', pad) < 0) {
        return -1;
    }
    if (_PyUnicodeWriter_WriteSubstring(w, s, 0, len) < 0) {
        return -1;
    }
    if (left && _PyUnicodeWriter_WriteFill(w, ' ', pad) < 0) {
        return -1;
    }
    return 0;
}

static PyObject *
decode_utf8_replace_prec(const char *s, Py_ssize_t precision)
{
    size_t len = strlen(s);
    if (precision >= 0 && (size_t)precision < len) {
        len = (size_t)precision;
    }
    /* A truncated trailing sequence is dropped, as CPython does. */
    Py_ssize_t consumed = 0;
    return PyUnicode_DecodeUTF8Stateful(s, (Py_ssize_t)len, "replace",
                                        precision >= 0 ? &consumed : NULL);
}

static const char *
unicode_fromformat_arg(_PyUnicodeWriter *w, const char *f, va_list *vargs)
{
    const char *start = f;   /* at the '%' */
    f++;
    int left = 0, zero = 0;
    for (;;) {
        if (*f == '-') { left = 1; f++; }
        else if (*f == '0') { zero = 1; f++; }
        else break;
    }
    Py_ssize_t width = -1, precision = -1;
    if (*f == '*') {
        width = va_arg(*vargs, int);
        if (width < 0) { left = 1; width = -width; }
        f++;
    }
    else if (*f >= '0' && *f <= '9') {
        width = 0;
        while (*f >= '0' && *f <= '9') {
            if (width > (PY_SSIZE_T_MAX - 9) / 10) {
                PyErr_SetString(PyExc_ValueError, "width too big");
                return NULL;
            }
            width = width * 10 + (*f++ - '0');
        }
    }
    if (*f == '.') {
        f++;
        if (*f == '*') {
            precision = va_arg(*vargs, int);
            if (precision < 0) precision = -1;
            f++;
        }
        else {
            precision = 0;
            while (*f >= '0' && *f <= '9') {
                if (precision > (PY_SSIZE_T_MAX - 9) / 10) {
                    PyErr_SetString(PyExc_ValueError, "precision too big");
                    return NULL;
                }
                precision = precision * 10 + (*f++ - '0');
            }
        }
    }
    /* length modifiers */
    int size_l = 0, size_z = 0, size_t_ = 0, size_j = 0;
    if (*f == 'l') {
        f++; size_l = 1;
        if (*f == 'l') { f++; size_l = 2; }
    }
    else if (*f == 'z') { f++; size_z = 1; }
    else if (*f == 't') { f++; size_t_ = 1; }
    else if (*f == 'j') { f++; size_j = 1; }

    char conv = *f;
    if (conv == '\0') {
        PyErr_Format(PyExc_ValueError, "incomplete format");
        return NULL;
    }
    f++;
    switch (conv) {
    case '%':
        if (_PyUnicodeWriter_WriteChar(w, '%') < 0) return NULL;
        return f;
    case 'c': {
        int ord = va_arg(*vargs, int);
        if (ord < 0 || ord > _Py_MAX_UNICODE) {
            PyErr_SetString(PyExc_OverflowError, "character argument not in range(0x110000)");
            return NULL;
        }
        PyObject *c = _PyUnicode_Char((Py_UCS4)ord);
        if (c == NULL) return NULL;
        int r = writer_write_padded(w, c, width, -1, left);
        Py_DECREF(c);
        return r < 0 ? NULL : f;
    }
    case 'd': case 'i': case 'u': case 'x': case 'X': case 'o': {
        char fmt[32], *p = fmt;
        *p++ = '%';
        if (left) *p++ = '-';
        if (zero && !left) *p++ = '0';
        p += sprintf(p, "*.*");
        *p++ = 'l'; *p++ = 'l';
        *p++ = conv == 'i' ? 'd' : conv;
        *p = '\0';
        int isunsigned = (conv != 'd' && conv != 'i');
        long long sv = 0;
        unsigned long long uv = 0;
        if (isunsigned) {
            if (size_l == 1) uv = va_arg(*vargs, unsigned long);
            else if (size_l == 2) uv = va_arg(*vargs, unsigned long long);
            else if (size_z) uv = va_arg(*vargs, size_t);
            else if (size_t_) uv = (unsigned long long)va_arg(*vargs, ptrdiff_t);
            else if (size_j) uv = va_arg(*vargs, uintmax_t);
            else uv = va_arg(*vargs, unsigned int);
        }
        else {
            if (size_l == 1) sv = va_arg(*vargs, long);
            else if (size_l == 2) sv = va_arg(*vargs, long long);
            else if (size_z) sv = va_arg(*vargs, Py_ssize_t);
            else if (size_t_) sv = va_arg(*vargs, ptrdiff_t);
            else if (size_j) sv = va_arg(*vargs, intmax_t);
            else sv = va_arg(*vargs, int);
        }
        if (width > 100000 || precision > 100000) {
            PyErr_SetString(PyExc_ValueError, "width or precision too big");
            return NULL;
        }
        int wi = width < 0 ? 0 : (int)width;
        int pr = precision < 0 ? -1 : (int)precision;
        int n = isunsigned ? snprintf(NULL, 0, fmt, wi, pr, uv)
                           : snprintf(NULL, 0, fmt, wi, pr, sv);
        char small[64];
        char *buf = (size_t)n < sizeof(small) ? small : PyMem_Malloc((size_t)n + 1);
        if (buf == NULL) { PyErr_NoMemory(); return NULL; }
        if (isunsigned) snprintf(buf, (size_t)n + 1, fmt, wi, pr, uv);
        else snprintf(buf, (size_t)n + 1, fmt, wi, pr, sv);
        int r = _PyUnicodeWriter_WriteASCIIString(w, buf, n);
        if (buf != small) PyMem_Free(buf);
        return r < 0 ? NULL : f;
    }
    case 'p': {
        void *ptr = va_arg(*vargs, void *);
        char buf[64];
        int n = snprintf(buf, sizeof buf, "%p", ptr);
        if (buf[1] == 'X') buf[1] = 'x';
        else if (buf[1] != 'x') {
            /* glibc prints (nil) for NULL; CPython prints 0x0 */
            n = snprintf(buf, sizeof buf, "0x%llx", (unsigned long long)(uintptr_t)ptr);
        }
        PyObject *s = _PyUnicode_FromASCII(buf, n);
        if (s == NULL) return NULL;
        int r = writer_write_padded(w, s, width, -1, left);
        Py_DECREF(s);
        return r < 0 ? NULL : f;
    }
    case 's': {
        const char *s = va_arg(*vargs, const char *);
        PyObject *str = decode_utf8_replace_prec(s, precision);
        if (str == NULL) return NULL;
        int r = writer_write_padded(w, str, width, -1, left);
        Py_DECREF(str);
        return r < 0 ? NULL : f;
    }
    case 'U': {
        PyObject *obj = va_arg(*vargs, PyObject *);
        if (obj == NULL || !PyUnicode_Check(obj)) {
            PyErr_SetString(PyExc_SystemError, "%U argument must be a str");
            return NULL;
        }
        return writer_write_padded(w, obj, width, precision, left) < 0 ? NULL : f;
    }
    case 'V': {
        PyObject *obj = va_arg(*vargs, PyObject *);
        const char *str = va_arg(*vargs, const char *);
        if (obj != NULL) {
            return writer_write_padded(w, obj, width, precision, left) < 0 ? NULL : f;
        }
        PyObject *s = decode_utf8_replace_prec(str, precision);
        if (s == NULL) return NULL;
        int r = writer_write_padded(w, s, width, -1, left);
        Py_DECREF(s);
        return r < 0 ? NULL : f;
    }
    case 'S': case 'R': case 'A': {
        PyObject *obj = va_arg(*vargs, PyObject *);
        PyObject *s = conv == 'S' ? PyObject_Str(obj)
                    : conv == 'R' ? PyObject_Repr(obj) : PyObject_ASCII(obj);
        if (s == NULL) return NULL;
        int r = writer_write_padded(w, s, width, precision, left);
        Py_DECREF(s);
        return r < 0 ? NULL : f;
    }
    case 'T': {
        /* 3.13: %T is the fully qualified type name of the object. */
        PyObject *obj = va_arg(*vargs, PyObject *);
        PyObject *s = PyUnicode_FromString(Py_TYPE(obj)->tp_name);
        if (s == NULL) return NULL;
        int r = writer_write_padded(w, s, width, precision, left);
        Py_DECREF(s);
        return r < 0 ? NULL : f;
    }
    default:
        PyErr_Format(PyExc_SystemError, "invalid format string: %s", start);
        return NULL;
    }
}

PyObject *
PyUnicode_FromFormatV(const char *format, va_list vargs)
{
    _PyUnicodeWriter w;
    _PyUnicodeWriter_Init(&w);
    w.min_length = (Py_ssize_t)strlen(format) + 100;
    w.overallocate = 1;
    va_list vargs2;
    va_copy(vargs2, vargs);
    const char *f = format;
    while (*f) {
        if (*f == '%') {
            f = unicode_fromformat_arg(&w, f, &vargs2);
            if (f == NULL) {
                goto fail;
            }
            continue;
        }
        const char *p = f;
        while (*p && *p != '%') {
            if ((unsigned char)*p >= 128) {
                PyErr_Format(PyExc_ValueError,
                             "PyUnicode_FromFormatV() expects an ASCII-encoded format "
                             "string, got a non-ASCII byte: 0x%02x", (unsigned char)*p);
                goto fail;
            }
            p++;
        }
        if (_PyUnicodeWriter_WriteASCIIString(&w, f, p - f) < 0) {
            goto fail;
        }
        f = p;
    }
    va_end(vargs2);
    return _PyUnicodeWriter_Finish(&w);
fail:
    va_end(vargs2);
    _PyUnicodeWriter_Dealloc(&w);
    return NULL;
}

PyObject *
PyUnicode_FromFormat(const char *format, ...)
{
    va_list vargs;
    va_start(vargs, format);
    PyObject *r = PyUnicode_FromFormatV(format, vargs);
    va_end(vargs);
    return r;
}

/* ---- repr ---------------------------------------------------------------- */

static const char hexdigits[] = "0123456789abcdef";

PyObject *
_PyUnicode_Repr(PyObject *unicode)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(unicode);
    int kind = PyUnicode_KIND(unicode);
    const void *data = PyUnicode_DATA(unicode);
    /* Quote choice: ' unless the string has ' and no ". */
    Py_ssize_t squote = 0, dquote = 0;
    Py_ssize_t outlen = 2;
    Py_UCS4 maxchar = 127;
    for (Py_ssize_t i = 0; i < len; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        Py_ssize_t incr = 1;
        switch (ch) {
        case '\'': squote++; break;
        case '"': dquote++; break;
        case '\\': case '\t': case '\r': case '\n': incr = 2; break;
        default:
            if (ch < ' ' || ch == 0x7f) incr = 4;
            else if (ch < 0x7f) incr = 1;
            else if (_PyUnicode_IsPrintable(ch)) {
                incr = 1;
                if (ch > maxchar) maxchar = ch;
            }
            else if (ch < 0x100) incr = 4;
            else if (ch < 0x10000) incr = 6;
            else incr = 10;
        }
        if (outlen > PY_SSIZE_T_MAX - incr - len) {
            PyErr_SetString(PyExc_OverflowError, "string is too long to generate repr");
            return NULL;
        }
        outlen += incr;
    }
    Py_UCS4 quote = '\'';
    if (squote) {
        if (dquote) {
            outlen += squote;   /* escape the single quotes */
        }
        else {
            quote = '"';
        }
    }
    PyObject *repr = PyUnicode_New(outlen, maxchar);
    if (repr == NULL) {
        return NULL;
    }
    int okind = PyUnicode_KIND(repr);
    void *odata = PyUnicode_DATA(repr);
    Py_ssize_t o = 0;
#define W(c) PyUnicode_WRITE(okind, odata, o++, (c))
    W(quote);
    for (Py_ssize_t i = 0; i < len; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        if (ch == quote || ch == '\\') {
            W('\\'); W(ch);
        }
        else if (ch == '\t') { W('\\'); W('t'); }
        else if (ch == '\n') { W('\\'); W('n'); }
        else if (ch == '\r') { W('\\'); W('r'); }
        else if (ch < ' ' || ch == 0x7f) {
            W('\\'); W('x'); W(hexdigits[(ch >> 4) & 0xf]); W(hexdigits[ch & 0xf]);
        }
        else if (ch < 0x7f) {
            W(ch);
        }
        else if (_PyUnicode_IsPrintable(ch)) {
            W(ch);
        }
        else if (ch < 0x100) {
            W('\\'); W('x'); W(hexdigits[(ch >> 4) & 0xf]); W(hexdigits[ch & 0xf]);
        }
        else if (ch < 0x10000) {
            W('\\'); W('u');
            for (int sh = 12; sh >= 0; sh -= 4) W(hexdigits[(ch >> sh) & 0xf]);
        }
        else {
            W('\\'); W('U');
            for (int sh = 28; sh >= 0; sh -= 4) W(hexdigits[(ch >> sh) & 0xf]);
        }
    }
    W(quote);
#undef W
    assert(o == outlen);
    return repr;
}

PyObject *
_PyUnicode_AsciiEscape(PyObject *s)
{
    if (PyUnicode_IS_ASCII(s)) {
        return Py_NewRef(s);
    }
    _PyUnicodeWriter w;
    _PyUnicodeWriter_Init(&w);
    w.overallocate = 1;
    Py_ssize_t len = PyUnicode_GET_LENGTH(s);
    int kind = PyUnicode_KIND(s);
    const void *data = PyUnicode_DATA(s);
    for (Py_ssize_t i = 0; i < len; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        char buf[12];
        int n;
        if (ch < 0x80) { buf[0] = (char)ch; n = 1; }
        else if (ch < 0x100) n = snprintf(buf, sizeof buf, "\\x%02x", (unsigned)ch);
        else if (ch < 0x10000) n = snprintf(buf, sizeof buf, "\\u%04x", (unsigned)ch);
        else n = snprintf(buf, sizeof buf, "\\U%08x", (unsigned)ch);
        if (_PyUnicodeWriter_WriteASCIIString(&w, buf, n) < 0) {
            _PyUnicodeWriter_Dealloc(&w);
            return NULL;
        }
    }
    return _PyUnicodeWriter_Finish(&w);
}

/* ---- type slots ----------------------------------------------------------- */

static PyObject *
unicode_repr(PyObject *self)
{
    return _PyUnicode_Repr(self);
}

static PyObject *
unicode_str(PyObject *self)
{
    return unicode_result_exact(self);
}

static Py_ssize_t
unicode_length(PyObject *self)
{
    return PyUnicode_GET_LENGTH(self);
}

static PyObject *
unicode_getitem(PyObject *self, Py_ssize_t index)
{
    if (index < 0 || index >= PyUnicode_GET_LENGTH(self)) {
        PyErr_SetString(PyExc_IndexError, "string index out of range");
        return NULL;
    }
    return _PyUnicode_Char(PyUnicode_READ_CHAR(self, index));
}

static PyObject *
unicode_subscript(PyObject *self, PyObject *item)
{
    if (PyIndex_Check(item)) {
        Py_ssize_t i = PyNumber_AsSsize_t(item, PyExc_IndexError);
        if (i == -1 && PyErr_Occurred()) {
            return NULL;
        }
        if (i < 0) {
            i += PyUnicode_GET_LENGTH(self);
        }
        return unicode_getitem(self, i);
    }
    if (PySlice_Check(item)) {
        Py_ssize_t start, stop, step;
        if (PySlice_Unpack(item, &start, &stop, &step) < 0) {
            return NULL;
        }
        Py_ssize_t n = PySlice_AdjustIndices(PyUnicode_GET_LENGTH(self), &start, &stop, step);
        if (n <= 0) {
            return unicode_get_empty();
        }
        if (step == 1) {
            return PyUnicode_Substring(self, start, stop);
        }
        int kind = PyUnicode_KIND(self);
        const void *src = PyUnicode_DATA(self);
        Py_UCS4 maxchar = 0;
        for (Py_ssize_t i = 0, cur = start; i < n; i++, cur += step) {
            Py_UCS4 ch = PyUnicode_READ(kind, src, cur);
            if (ch > maxchar) maxchar = ch;
        }
        if (n == 1 && maxchar < 256) {
            return _PyUnicode_Latin1Char((Py_UCS1)maxchar);
        }
        PyObject *res = PyUnicode_New(n, maxchar);
        if (res == NULL) {
            return NULL;
        }
        int rkind = PyUnicode_KIND(res);
        void *dst = PyUnicode_DATA(res);
        for (Py_ssize_t i = 0, cur = start; i < n; i++, cur += step) {
            PyUnicode_WRITE(rkind, dst, i, PyUnicode_READ(kind, src, cur));
        }
        return res;
    }
    PyErr_Format(PyExc_TypeError, "string indices must be integers, not '%.200s'",
                 Py_TYPE(item)->tp_name);
    return NULL;
}

int
PyUnicode_Contains(PyObject *str, PyObject *substr)
{
    if (!PyUnicode_Check(substr)) {
        PyErr_Format(PyExc_TypeError,
                     "'in <string>' requires string as left operand, not %.100s",
                     Py_TYPE(substr)->tp_name);
        return -1;
    }
    if (!PyUnicode_Check(str)) {
        PyErr_Format(PyExc_TypeError, "must be str, not %.100s", Py_TYPE(str)->tp_name);
        return -1;
    }
    int k1 = PyUnicode_KIND(str), k2 = PyUnicode_KIND(substr);
    Py_ssize_t n = PyUnicode_GET_LENGTH(str), m = PyUnicode_GET_LENGTH(substr);
    if (k2 > k1 || m > n) {
        return 0;
    }
    if (k1 == k2) {
        return _PyUnicode_FindIn(k1, PyUnicode_DATA(str), n, PyUnicode_DATA(substr), m, 1) >= 0;
    }
    void *buf = _PyUnicode_AsKind(substr, k1);
    if (buf == NULL) {
        return -1;
    }
    int r = _PyUnicode_FindIn(k1, PyUnicode_DATA(str), n, buf, m, 1) >= 0;
    PyMem_Free(buf);
    return r;
}

static PyObject *
unicode_repeat(PyObject *str, Py_ssize_t count)
{
    if (count < 1) {
        return unicode_get_empty();
    }
    if (count == 1) {
        return unicode_result_exact(str);
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(str);
    if (len == 0) {
        return unicode_get_empty();
    }
    if (len > PY_SSIZE_T_MAX / count) {
        PyErr_SetString(PyExc_OverflowError, "repeated string is too long");
        return NULL;
    }
    Py_ssize_t nchars = len * count;
    PyObject *u = PyUnicode_New(nchars, PyUnicode_MAX_CHAR_VALUE(str));
    if (u == NULL) {
        return NULL;
    }
    int kind = PyUnicode_KIND(u);
    size_t chunk = (size_t)len * (size_t)kind, total = (size_t)nchars * (size_t)kind;
    char *to = PyUnicode_DATA(u);
    if (len == 1 && kind == 1) {
        memset(to, PyUnicode_1BYTE_DATA(str)[0], (size_t)count);
        return u;
    }
    memcpy(to, PyUnicode_DATA(str), chunk);
    size_t done = chunk;
    while (done < total) {
        size_t n = Py_MIN(done, total - done);
        memcpy(to + done, to, n);
        done += n;
    }
    return u;
}

static PyObject *
unicode_mod(PyObject *v, PyObject *w)
{
    if (!PyUnicode_Check(v)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    return PyUnicode_Format(v, w);
}

static PyNumberMethods unicode_as_number = {
    .nb_remainder = unicode_mod,
};

static PySequenceMethods unicode_as_sequence = {
    .sq_length = unicode_length,
    .sq_concat = PyUnicode_Concat,
    .sq_repeat = unicode_repeat,
    .sq_item = unicode_getitem,
    .sq_contains = PyUnicode_Contains,
};

static PyMappingMethods unicode_as_mapping = {
    .mp_length = unicode_length,
    .mp_subscript = unicode_subscript,
};

/* str(object='') / str(object=b'', encoding='utf-8', errors='strict') */
static PyObject *
unicode_new_impl(PyObject *x, const char *encoding, const char *errors)
{
    if (x == NULL) {
        return unicode_get_empty();
    }
    if (encoding == NULL && errors == NULL) {
        return PyObject_Str(x);
    }
    return PyUnicode_FromEncodedObject(x, encoding, errors);
}

static PyObject *
unicode_subtype_new(PyTypeObject *type, PyObject *unicode)
{
    PyObject *self = type->tp_alloc(type, 0);
    if (self == NULL) {
        return NULL;
    }
    PyUnicodeObject *u = _PyUnicode_CAST(self);
    Py_ssize_t len = PyUnicode_GET_LENGTH(unicode);
    int kind = PyUnicode_KIND(unicode);
    void *data = PyMem_Malloc(((size_t)len + 1) * (size_t)kind);
    if (data == NULL) {
        Py_DECREF(self);   /* data NULL: dealloc frees nothing extra */
        return PyErr_NoMemory();
    }
    memcpy(data, PyUnicode_DATA(unicode), ((size_t)len + 1) * (size_t)kind);
    u->length = len;
    u->hash = -1;
    u->kind = (uint8_t)kind;
    u->ascii = PyUnicode_IS_ASCII(unicode);
    u->interned = 0;
    u->statically_allocated = 0;
    u->data = data;
    u->utf8 = u->ascii ? data : NULL;
    u->utf8_length = u->ascii ? len : 0;
    return self;
}

static PyObject *
unicode_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"object", "encoding", "errors", NULL};
    PyObject *x = NULL;
    const char *encoding = NULL, *errors = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|Oss:str", kwlist, &x, &encoding, &errors)) {
        return NULL;
    }
    PyObject *unicode = unicode_new_impl(x, encoding, errors);
    if (unicode == NULL || type == &PyUnicode_Type) {
        return unicode;
    }
    PyObject *self = unicode_subtype_new(type, unicode);
    Py_DECREF(unicode);
    return self;
}

static PyObject *unicode_iter(PyObject *seq);

PyTypeObject PyUnicode_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "str",
    .tp_basicsize = sizeof(PyUnicodeObject),
    .tp_itemsize = 0,
    .tp_dealloc = unicode_dealloc,
    .tp_repr = unicode_repr,
    .tp_as_number = &unicode_as_number,
    .tp_as_sequence = &unicode_as_sequence,
    .tp_as_mapping = &unicode_as_mapping,
    .tp_hash = unicode_hash,
    .tp_str = unicode_str,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_UNICODE_SUBCLASS,
    .tp_doc = "str(object='') -> str\n"
              "str(bytes_or_buffer[, encoding[, errors]]) -> str\n\n"
              "Create a new string object from the given object. If encoding or\n"
              "errors is specified, then the object must expose a data buffer\n"
              "that will be decoded using the given encoding and error handler.\n"
              "Otherwise, returns the result of object.__str__() (if defined)\n"
              "or repr(object).\n"
              "encoding defaults to 'utf-8'.\n"
              "errors defaults to 'strict'.",
    .tp_richcompare = PyUnicode_RichCompare,
    .tp_iter = unicode_iter,
    .tp_methods = _PyUnicode_Methods,
    .tp_new = unicode_new,
    .tp_free = PyObject_Free,
};

/* ---- iterator ------------------------------------------------------------ */

typedef struct {
    PyObject_HEAD
    Py_ssize_t it_index;
    PyObject *it_seq;   /* NULL when exhausted */
} unicodeiterobject;

static PyObject *
unicode_iter(PyObject *seq)
{
    /* CPython names the iterator over an all-ASCII string str_ascii_iterator */
    PyTypeObject *tp = PyUnicode_IS_ASCII(seq) ? &_PyUnicodeASCIIIter_Type : &PyUnicodeIter_Type;
    unicodeiterobject *it = PyObject_GC_New(unicodeiterobject, tp);
    if (it == NULL) {
        return NULL;
    }
    it->it_index = 0;
    it->it_seq = Py_NewRef(seq);
    PyObject_GC_Track(it);
    return (PyObject *)it;
}

static void
unicodeiter_dealloc(PyObject *op)
{
    unicodeiterobject *it = (unicodeiterobject *)op;
    PyObject_GC_UnTrack(it);
    Py_XDECREF(it->it_seq);
    PyObject_GC_Del(it);
}

static int
unicodeiter_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(((unicodeiterobject *)op)->it_seq);
    return 0;
}

static PyObject *
unicodeiter_next(PyObject *op)
{
    unicodeiterobject *it = (unicodeiterobject *)op;
    PyObject *seq = it->it_seq;
    if (seq == NULL) {
        return NULL;
    }
    if (it->it_index < PyUnicode_GET_LENGTH(seq)) {
        Py_UCS4 ch = PyUnicode_READ_CHAR(seq, it->it_index);
        it->it_index++;
        return _PyUnicode_Char(ch);
    }
    it->it_seq = NULL;
    Py_DECREF(seq);
    return NULL;
}

static PyObject *
unicodeiter_len(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    unicodeiterobject *it = (unicodeiterobject *)op;
    Py_ssize_t len = 0;
    if (it->it_seq) {
        len = PyUnicode_GET_LENGTH(it->it_seq) - it->it_index;
    }
    return PyLong_FromSsize_t(len);
}

static PyMethodDef unicodeiter_methods[] = {
    {"__length_hint__", unicodeiter_len, METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL}
};

PyTypeObject PyUnicodeIter_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "str_iterator",
    .tp_basicsize = sizeof(unicodeiterobject),
    .tp_dealloc = unicodeiter_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = unicodeiter_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = unicodeiter_next,
    .tp_methods = unicodeiter_methods,
};

PyTypeObject _PyUnicodeASCIIIter_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "str_ascii_iterator",
    .tp_basicsize = sizeof(unicodeiterobject),
    .tp_dealloc = unicodeiter_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = unicodeiter_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = unicodeiter_next,
    .tp_methods = unicodeiter_methods,
};

/* ---- helpers for number parsing --------------------------------------- */

PyObject *
_PyUnicode_TransformDecimalAndSpaceToASCII(PyObject *unicode)
{
    if (!PyUnicode_Check(unicode)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    if (PyUnicode_IS_ASCII(unicode)) {
        return Py_NewRef(unicode);
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(unicode);
    PyObject *result = PyUnicode_New(len, 127);
    if (result == NULL) {
        return NULL;
    }
    Py_UCS1 *out = PyUnicode_1BYTE_DATA(result);
    int kind = PyUnicode_KIND(unicode);
    const void *data = PyUnicode_DATA(unicode);
    for (Py_ssize_t i = 0; i < len; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        if (ch < 127) {
            out[i] = (Py_UCS1)ch;
        }
        else if (Py_UNICODE_ISSPACE(ch)) {
            out[i] = ' ';
        }
        else {
            int d = _PyUnicode_ToDecimalDigit(ch);
            /* characters that are neither become '?', which no number
             * parser accepts */
            out[i] = d < 0 ? '?' : (Py_UCS1)('0' + d);
        }
    }
    return result;
}
