/* pycore_unicodeobject.h: helpers shared by the str implementation files
 * (Objects/unicodeobject.c, unicode_methods.c, unicode_format.c,
 * unicodectype.c) and the codecs (Python/codecs.c).  Not public API. */
#ifndef Py_INTERNAL_UNICODEOBJECT_H
#define Py_INTERNAL_UNICODEOBJECT_H

#include "Python.h"

/* The one-character string for a Latin-1 code point (immortal, new ref). */
PyAPI_FUNC(PyObject *) _PyUnicode_Latin1Char(Py_UCS1 ch);
/* A one-character string for any code point. */
PyAPI_FUNC(PyObject *) _PyUnicode_Char(Py_UCS4 ch);
/* Build from a buffer of `kind` holding chars of any width; narrowed to the
 * canonical kind. */
PyAPI_FUNC(PyObject *) _PyUnicode_FromKindAndDataNarrow(int kind, const void *buf,
                                                        Py_ssize_t size);
/* The narrowest kind for maxchar. */
static inline int _PyUnicode_KindFor(Py_UCS4 maxchar)
{
    if (maxchar < 256) {
        return PyUnicode_1BYTE_KIND;
    }
    if (maxchar < 65536) {
        return PyUnicode_2BYTE_KIND;
    }
    return PyUnicode_4BYTE_KIND;
}
/* Copy `n` characters from (skind, src) to (dkind, dst); dkind >= the
 * width any character needs. */
PyAPI_FUNC(void) _PyUnicode_ConvertChars(int dkind, void *dst, int skind,
                                         const void *src, Py_ssize_t n);
/* A copy of the characters of `s` widened to `kind` (PyMem_Malloc'd), or
 * NULL + MemoryError.  Do not call when kind equals the string's kind. */
PyAPI_FUNC(void *) _PyUnicode_AsKind(PyObject *s, int kind);

/* Substring search over same-kind buffers: index of the first (direction
 * > 0) or last match of needle in hay[0:n], or -1. */
PyAPI_FUNC(Py_ssize_t) _PyUnicode_FindIn(int kind, const void *hay, Py_ssize_t n,
                                         const void *needle, Py_ssize_t m,
                                         int direction);
PyAPI_FUNC(Py_ssize_t) _PyUnicode_FindCharIn(int kind, const void *hay, Py_ssize_t n,
                                             Py_UCS4 ch, int direction);
/* Clamp start/end as slice indices (None already resolved). */
static inline void _PyUnicode_AdjustIndices(Py_ssize_t *start, Py_ssize_t *end,
                                            Py_ssize_t len)
{
    if (*end > len) {
        *end = len;
    }
    else if (*end < 0) {
        *end += len;
        if (*end < 0) {
            *end = 0;
        }
    }
    if (*start < 0) {
        *start += len;
        if (*start < 0) {
            *start = 0;
        }
    }
}

/* The method table of str, in unicode_methods.c. */
extern struct PyMethodDef _PyUnicode_Methods[];
/* str.format and str.format_map, in unicode_format.c. */
PyAPI_FUNC(PyObject *) _PyUnicode_FormatMethod(PyObject *self, PyObject *const *args,
                                               Py_ssize_t nargs, PyObject *kwnames);
PyAPI_FUNC(PyObject *) _PyUnicode_FormatMapMethod(PyObject *self, PyObject *mapping);

/* Error handlers known to the built-in codecs. */
typedef enum {
    _Py_ERROR_UNKNOWN = 0,
    _Py_ERROR_STRICT,
    _Py_ERROR_SURROGATEESCAPE,
    _Py_ERROR_REPLACE,
    _Py_ERROR_IGNORE,
    _Py_ERROR_BACKSLASHREPLACE,
    _Py_ERROR_SURROGATEPASS,
    _Py_ERROR_XMLCHARREFREPLACE,
    _Py_ERROR_NAMEREPLACE,
    _Py_ERROR_OTHER
} _Py_error_handler;
PyAPI_FUNC(_Py_error_handler) _Py_GetErrorHandler(const char *errors);

/* \N{name}: 1 and *code set if the name is known. */
PyAPI_FUNC(int) _PyUnicode_LookupName(const char *name, Py_ssize_t len, Py_UCS4 *code);

/* Argument binding for METH_FASTCALL|METH_KEYWORDS methods of str, bytes
 * and bytearray: fills out[0..nparams) from positional args and keywords
 * (NULL where not given).  Parameters before `npos_only` are positional
 * only; at least `min` must be given.  0, or -1 with CPython's TypeError. */
PyAPI_FUNC(int) _PyStr_BindArgs(const char *fname, PyObject *const *args, Py_ssize_t nargs,
                                PyObject *kwnames, const char *const *names, int nparams,
                                int npos_only, int min, PyObject **out);
/* A slice index argument (None leaves *out unchanged); 0 or -1. */
PyAPI_FUNC(int) _PyStr_ParseIndex(PyObject *o, Py_ssize_t *out);
/* find/count/startswith-style arguments: (sub[, start[, end]]). */
PyAPI_FUNC(int) _PyStr_ParseSubStartEnd(const char *fname, PyObject *const *args,
                                        Py_ssize_t nargs, PyObject **sub,
                                        Py_ssize_t *start, Py_ssize_t *end);

/* ascii(): repr with every non-ASCII character escaped. */
PyAPI_FUNC(PyObject *) _PyUnicode_AsciiEscape(PyObject *repr);

#endif /* Py_INTERNAL_UNICODEOBJECT_H */
