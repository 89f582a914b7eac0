/* unicodeobject.h: the str type.  A compact, PEP-393-style representation
 * (1, 2 or 4 bytes per code point, chosen from the widest character), the
 * accessors CPython extension code uses, the creation / conversion / method
 * API, the _PyUnicodeWriter string builder, _Py_IDENTIFIER static strings, and
 * the character-database predicates (Py_UNICODE_ISSPACE & co.).
 *
 * Layout: one struct for every str.  `data` points at the characters; for
 * strings created by the runtime it points just past the struct (one
 * allocation), for instances of str subclasses and for large strings built by
 * _PyUnicodeWriter it points at a separate PyMem buffer.  The characters are
 * always followed by a NUL of the same width.  The representation is
 * canonical (the narrowest kind that holds the widest character), so two
 * equal strings have equal kinds and equal bytes.
 *
 * The cached UTF-8 copy (`utf8`) is created on first request and published
 * with a compare-and-swap, so concurrent readers in the free-threaded build
 * agree on one buffer; for ASCII strings it is the data itself.
 * Implementation: Objects/unicodeobject.c (core), unicode_*.c (methods,
 * formatting, the character database), Python/codecs.c (encodings). */
#ifndef Py_UNICODEOBJECT_H
#define Py_UNICODEOBJECT_H

#include <stdarg.h>
#include <wchar.h>
#include "object.h"

typedef uint32_t Py_UCS4;
typedef uint16_t Py_UCS2;
typedef uint8_t Py_UCS1;
typedef wchar_t Py_UNICODE;

#define Py_UNICODE_SIZE 4
#define Py_UNICODE_WIDE
#define Py_UNICODE_REPLACEMENT_CHARACTER ((Py_UCS4) 0xFFFD)
#define _Py_MAX_UNICODE 0x10ffff

/* Values of `interned`. */
#define SSTATE_NOT_INTERNED 0
#define SSTATE_INTERNED_MORTAL 1
#define SSTATE_INTERNED_IMMORTAL 2
#define SSTATE_INTERNED_IMMORTAL_STATIC 3

enum PyUnicode_Kind {
    PyUnicode_1BYTE_KIND = 1,
    PyUnicode_2BYTE_KIND = 2,
    PyUnicode_4BYTE_KIND = 4
};

typedef struct {
    PyObject_HEAD
    Py_ssize_t length;          /* number of code points */
    Py_hash_t hash;             /* -1 until computed (atomic, relaxed) */
    uint8_t kind;               /* PyUnicode_*BYTE_KIND */
    uint8_t ascii;              /* every code point < 128 */
    uint8_t interned;           /* SSTATE_* (atomic) */
    uint8_t statically_allocated;
    uint32_t _pad;
    void *data;                 /* the characters, NUL-terminated */
    char *utf8;                 /* NUL-terminated UTF-8 or NULL (atomic) */
    Py_ssize_t utf8_length;     /* valid once utf8 is set */
} PyUnicodeObject;

/* CPython splits the header in three; here they are one. */
typedef PyUnicodeObject PyASCIIObject;
typedef PyUnicodeObject PyCompactUnicodeObject;

PyAPI_DATA(PyTypeObject) PyUnicode_Type;
PyAPI_DATA(PyTypeObject) PyUnicodeIter_Type;
PyAPI_DATA(PyTypeObject) _PyUnicodeASCIIIter_Type; /* iter() of an all-ASCII str */

#define PyUnicode_Check(op) \
    PyType_FastSubclass(Py_TYPE(op), Py_TPFLAGS_UNICODE_SUBCLASS)
#define PyUnicode_CheckExact(op) Py_IS_TYPE((op), &PyUnicode_Type)

#define _PyUnicode_CAST(op) ((PyUnicodeObject *)(op))

static inline Py_ssize_t PyUnicode_GET_LENGTH(PyObject *op)
{ return _PyUnicode_CAST(op)->length; }
#define PyUnicode_GET_LENGTH(op) PyUnicode_GET_LENGTH(_PyObject_CAST(op))

static inline int PyUnicode_KIND_(PyObject *op)
{ return _PyUnicode_CAST(op)->kind; }
#define PyUnicode_KIND(op) PyUnicode_KIND_(_PyObject_CAST(op))

static inline void *PyUnicode_DATA(PyObject *op)
{ return _PyUnicode_CAST(op)->data; }
#define PyUnicode_DATA(op) PyUnicode_DATA(_PyObject_CAST(op))

#define PyUnicode_1BYTE_DATA(op) ((Py_UCS1 *)PyUnicode_DATA(op))
#define PyUnicode_2BYTE_DATA(op) ((Py_UCS2 *)PyUnicode_DATA(op))
#define PyUnicode_4BYTE_DATA(op) ((Py_UCS4 *)PyUnicode_DATA(op))

static inline int PyUnicode_IS_ASCII(PyObject *op)
{ return _PyUnicode_CAST(op)->ascii; }
#define PyUnicode_IS_ASCII(op) PyUnicode_IS_ASCII(_PyObject_CAST(op))
#define PyUnicode_IS_COMPACT(op) 1
#define PyUnicode_IS_COMPACT_ASCII(op) PyUnicode_IS_ASCII(op)
#define PyUnicode_IS_READY(op) 1
#define PyUnicode_READY(op) 0
#define PyUnicode_CHECK_INTERNED(op) \
    ((int)_Py_atomic_load_uint8_relaxed(&_PyUnicode_CAST(op)->interned))

static inline void PyUnicode_WRITE(int kind, void *data, Py_ssize_t index,
                                   Py_UCS4 value)
{
    if (kind == PyUnicode_1BYTE_KIND) {
        ((Py_UCS1 *)data)[index] = (Py_UCS1)value;
    }
    else if (kind == PyUnicode_2BYTE_KIND) {
        ((Py_UCS2 *)data)[index] = (Py_UCS2)value;
    }
    else {
        ((Py_UCS4 *)data)[index] = value;
    }
}
#define PyUnicode_WRITE(kind, data, index, value) \
    PyUnicode_WRITE((int)(kind), (void *)(data), (index), (Py_UCS4)(value))

static inline Py_UCS4 PyUnicode_READ(int kind, const void *data,
                                     Py_ssize_t index)
{
    if (kind == PyUnicode_1BYTE_KIND) {
        return ((const Py_UCS1 *)data)[index];
    }
    if (kind == PyUnicode_2BYTE_KIND) {
        return ((const Py_UCS2 *)data)[index];
    }
    return ((const Py_UCS4 *)data)[index];
}
#define PyUnicode_READ(kind, data, index) \
    PyUnicode_READ((int)(kind), (const void *)(data), (index))

static inline Py_UCS4 PyUnicode_READ_CHAR(PyObject *op, Py_ssize_t index)
{
    return PyUnicode_READ(PyUnicode_KIND(op), PyUnicode_DATA(op), index);
}
#define PyUnicode_READ_CHAR(op, index) \
    PyUnicode_READ_CHAR(_PyObject_CAST(op), (index))

/* An upper bound of the widest character (exact for ASCII and kinds). */
static inline Py_UCS4 PyUnicode_MAX_CHAR_VALUE(PyObject *op)
{
    if (PyUnicode_IS_ASCII(op)) {
        return 0x7f;
    }
    int kind = PyUnicode_KIND(op);
    if (kind == PyUnicode_1BYTE_KIND) {
        return 0xff;
    }
    if (kind == PyUnicode_2BYTE_KIND) {
        return 0xffff;
    }
    return 0x10ffff;
}
#define PyUnicode_MAX_CHAR_VALUE(op) PyUnicode_MAX_CHAR_VALUE(_PyObject_CAST(op))

/* Surrogates. */
#define Py_UNICODE_IS_SURROGATE(ch) (0xD800 <= (ch) && (ch) <= 0xDFFF)
#define Py_UNICODE_IS_HIGH_SURROGATE(ch) (0xD800 <= (ch) && (ch) <= 0xDBFF)
#define Py_UNICODE_IS_LOW_SURROGATE(ch) (0xDC00 <= (ch) && (ch) <= 0xDFFF)
#define Py_UNICODE_JOIN_SURROGATES(high, low) \
    (((((Py_UCS4)(high) & 0x03FF) << 10) | ((Py_UCS4)(low) & 0x03FF)) + 0x10000)
#define Py_UNICODE_HIGH_SURROGATE(ch) (0xD800 - (0x10000 >> 10) + ((ch) >> 10))
#define Py_UNICODE_LOW_SURROGATE(ch) (0xDC00 + ((ch) & 0x3FF))

/* ---- creation ---------------------------------------------------------- */

/* A new, uninitialised string of `size` code points able to hold `maxchar`
 * (the caller fills it; its kind is the narrowest for maxchar). */
PyAPI_FUNC(PyObject *) PyUnicode_New(Py_ssize_t size, Py_UCS4 maxchar);
PyAPI_FUNC(PyObject *) PyUnicode_FromStringAndSize(const char *u, Py_ssize_t size);
PyAPI_FUNC(PyObject *) PyUnicode_FromString(const char *u);
PyAPI_FUNC(PyObject *) PyUnicode_FromKindAndData(int kind, const void *buffer,
                                                 Py_ssize_t size);
PyAPI_FUNC(PyObject *) PyUnicode_FromWideChar(const wchar_t *w, Py_ssize_t size);
PyAPI_FUNC(PyObject *) PyUnicode_FromOrdinal(int ordinal);
PyAPI_FUNC(PyObject *) PyUnicode_FromObject(PyObject *obj);
PyAPI_FUNC(PyObject *) PyUnicode_FromEncodedObject(PyObject *obj, const char *encoding,
                                                   const char *errors);
/* printf-like: %% %c %d %i %u %ld %li %lu %lld %lli %llu %zd %zi %zu %x %p
 * %s %U %V %S %R %A, with width and precision (precision on %s %U %V %S %R %A
 * counts code points / bytes as in CPython). */
PyAPI_FUNC(PyObject *) PyUnicode_FromFormat(const char *format, ...);
PyAPI_FUNC(PyObject *) PyUnicode_FromFormatV(const char *format, va_list vargs);

/* Helpers: build from known-ASCII / Latin-1 / UCS2 / UCS4 buffers. */
PyAPI_FUNC(PyObject *) _PyUnicode_FromASCII(const char *s, Py_ssize_t size);
PyAPI_FUNC(PyObject *) _PyUnicode_FromUCS1(const Py_UCS1 *s, Py_ssize_t size);
PyAPI_FUNC(PyObject *) _PyUnicode_FromUCS2(const Py_UCS2 *s, Py_ssize_t size);
PyAPI_FUNC(PyObject *) _PyUnicode_FromUCS4(const Py_UCS4 *s, Py_ssize_t size);
/* The empty string (immortal; a new reference). */
PyAPI_FUNC(PyObject *) _PyUnicode_GetEmpty(void);
/* A copy that is a new object of exact type str. */
PyAPI_FUNC(PyObject *) _PyUnicode_Copy(PyObject *unicode);

/* ---- access ------------------------------------------------------------ */

PyAPI_FUNC(Py_ssize_t) PyUnicode_GetLength(PyObject *unicode);
PyAPI_FUNC(Py_UCS4) PyUnicode_ReadChar(PyObject *unicode, Py_ssize_t index);
PyAPI_FUNC(int) PyUnicode_WriteChar(PyObject *unicode, Py_ssize_t index, Py_UCS4 character);
/* The cached UTF-8 (owned by the string); NULL + UnicodeEncodeError for
 * lone surrogates. */
PyAPI_FUNC(const char *) PyUnicode_AsUTF8AndSize(PyObject *unicode, Py_ssize_t *size);
PyAPI_FUNC(const char *) PyUnicode_AsUTF8(PyObject *unicode);
PyAPI_FUNC(Py_UCS4 *) PyUnicode_AsUCS4(PyObject *unicode, Py_UCS4 *buffer,
                                       Py_ssize_t buflen, int copy_null);
PyAPI_FUNC(Py_UCS4 *) PyUnicode_AsUCS4Copy(PyObject *unicode);
PyAPI_FUNC(Py_ssize_t) PyUnicode_AsWideChar(PyObject *unicode, wchar_t *w, Py_ssize_t size);
PyAPI_FUNC(wchar_t *) PyUnicode_AsWideCharString(PyObject *unicode, Py_ssize_t *size);
PyAPI_FUNC(Py_ssize_t) PyUnicode_CopyCharacters(PyObject *to, Py_ssize_t to_start,
                                                PyObject *from, Py_ssize_t from_start,
                                                Py_ssize_t how_many);
PyAPI_FUNC(Py_ssize_t) PyUnicode_Fill(PyObject *unicode, Py_ssize_t start,
                                      Py_ssize_t length, Py_UCS4 fill_char);
/* Unchecked versions for freshly created strings. */
PyAPI_FUNC(void) _PyUnicode_FastCopyCharacters(PyObject *to, Py_ssize_t to_start,
                                               PyObject *from, Py_ssize_t from_start,
                                               Py_ssize_t how_many);
PyAPI_FUNC(void) _PyUnicode_FastFill(PyObject *unicode, Py_ssize_t start,
                                     Py_ssize_t length, Py_UCS4 fill_char);
/* The widest character of unicode[start:end]. */
PyAPI_FUNC(Py_UCS4) _PyUnicode_FindMaxChar(PyObject *unicode, Py_ssize_t start,
                                           Py_ssize_t end);

/* ---- interning and identifiers ----------------------------------------- */

/* Replace *p by the interned string equal to it (interning *p if new).
 * Interned strings are immortal. */
PyAPI_FUNC(void) PyUnicode_InternInPlace(PyObject **p);
PyAPI_FUNC(void) PyUnicode_InternImmortal(PyObject **p);
PyAPI_FUNC(PyObject *) PyUnicode_InternFromString(const char *u);
/* Look up an interned string equal to s without interning (borrowed or NULL). */
PyAPI_FUNC(PyObject *) _PyUnicode_LookupInterned(PyObject *s);

/* Static strings: `_Py_IDENTIFIER(name)` declares `PyId_name`; the
 * string object is created (interned, immortal) on first use. */
typedef struct _Py_Identifier {
    const char *string;
    PyObject *object;           /* atomic */
} _Py_Identifier;
#define _Py_static_string_init(value) { (value), NULL }
#define _Py_static_string(varname, value) \
    static _Py_Identifier varname = _Py_static_string_init(value)
#define _Py_IDENTIFIER(varname) _Py_static_string(PyId_##varname, #varname)
/* A borrowed reference (never freed), or NULL on memory error. */
PyAPI_FUNC(PyObject *) _PyUnicode_FromId(_Py_Identifier *id);

/* ---- comparison and hashing -------------------------------------------- */

PyAPI_FUNC(int) PyUnicode_Compare(PyObject *left, PyObject *right);
PyAPI_FUNC(int) PyUnicode_CompareWithASCIIString(PyObject *left, const char *right);
PyAPI_FUNC(int) PyUnicode_EqualToUTF8(PyObject *unicode, const char *string);
PyAPI_FUNC(int) PyUnicode_EqualToUTF8AndSize(PyObject *unicode, const char *string,
                                             Py_ssize_t size);
PyAPI_FUNC(PyObject *) PyUnicode_RichCompare(PyObject *left, PyObject *right, int op);
/* Both arguments are str: 1 if equal, else 0 (never fails). */
PyAPI_FUNC(int) _PyUnicode_Equal(PyObject *a, PyObject *b);
PyAPI_FUNC(int) _PyUnicode_EQ(PyObject *a, PyObject *b);
PyAPI_FUNC(int) _PyUnicode_EqualToASCIIString(PyObject *unicode, const char *str);
PyAPI_FUNC(int) _PyUnicode_EqualToASCIIId(PyObject *left, _Py_Identifier *right);
/* The hash of a str (cached). */
PyAPI_FUNC(Py_hash_t) _PyUnicode_Hash(PyObject *unicode);

/* ---- operations -------------------------------------------------------- */

PyAPI_FUNC(PyObject *) PyUnicode_Concat(PyObject *left, PyObject *right);
/* *pleft = *pleft + right; *pleft set to NULL on error (reference stolen). */
PyAPI_FUNC(void) PyUnicode_Append(PyObject **pleft, PyObject *right);
PyAPI_FUNC(void) PyUnicode_AppendAndDel(PyObject **pleft, PyObject *right);
PyAPI_FUNC(PyObject *) PyUnicode_Join(PyObject *separator, PyObject *seq);
PyAPI_FUNC(PyObject *) _PyUnicode_JoinArray(PyObject *separator, PyObject *const *items,
                                            Py_ssize_t seqlen);
PyAPI_FUNC(PyObject *) PyUnicode_Substring(PyObject *str, Py_ssize_t start, Py_ssize_t end);
PyAPI_FUNC(PyObject *) PyUnicode_Split(PyObject *s, PyObject *sep, Py_ssize_t maxsplit);
PyAPI_FUNC(PyObject *) PyUnicode_RSplit(PyObject *s, PyObject *sep, Py_ssize_t maxsplit);
PyAPI_FUNC(PyObject *) PyUnicode_Splitlines(PyObject *s, int keepends);
PyAPI_FUNC(PyObject *) PyUnicode_Partition(PyObject *s, PyObject *sep);
PyAPI_FUNC(PyObject *) PyUnicode_RPartition(PyObject *s, PyObject *sep);
PyAPI_FUNC(int) PyUnicode_Contains(PyObject *container, PyObject *element);
/* -1 not found, -2 error. */
PyAPI_FUNC(Py_ssize_t) PyUnicode_Find(PyObject *str, PyObject *substr,
                                      Py_ssize_t start, Py_ssize_t end, int direction);
PyAPI_FUNC(Py_ssize_t) PyUnicode_FindChar(PyObject *str, Py_UCS4 ch,
                                          Py_ssize_t start, Py_ssize_t end, int direction);
PyAPI_FUNC(Py_ssize_t) PyUnicode_Count(PyObject *str, PyObject *substr,
                                       Py_ssize_t start, Py_ssize_t end);
PyAPI_FUNC(Py_ssize_t) PyUnicode_Tailmatch(PyObject *str, PyObject *substr,
                                           Py_ssize_t start, Py_ssize_t end, int direction);
PyAPI_FUNC(PyObject *) PyUnicode_Replace(PyObject *str, PyObject *substr,
                                         PyObject *replstr, Py_ssize_t maxcount);
PyAPI_FUNC(PyObject *) PyUnicode_Translate(PyObject *str, PyObject *table,
                                           const char *errors);
/* format % args */
PyAPI_FUNC(PyObject *) PyUnicode_Format(PyObject *format, PyObject *args);
/* 1 if a valid identifier (PEP 3131), 0 if not, -1 on error. */
PyAPI_FUNC(int) PyUnicode_IsIdentifier(PyObject *s);
/* repr() of a str: CPython's quote choice and escapes. */
PyAPI_FUNC(PyObject *) _PyUnicode_Repr(PyObject *unicode);
/* Non-ASCII decimal digits to '0'-'9' and Unicode spaces to ' '; for int()
 * and float() parsing.  Returns a new reference (an ASCII-only str when
 * everything converted; non-convertible characters become '?'). */
PyAPI_FUNC(PyObject *) _PyUnicode_TransformDecimalAndSpaceToASCII(PyObject *unicode);

/* ---- encoding and decoding (Python/codecs.c) --------------------------- */

PyAPI_FUNC(PyObject *) PyUnicode_Decode(const char *s, Py_ssize_t size,
                                        const char *encoding, const char *errors);
PyAPI_FUNC(PyObject *) PyUnicode_AsEncodedString(PyObject *unicode, const char *encoding,
                                                 const char *errors);
PyAPI_FUNC(PyObject *) PyUnicode_DecodeUTF8(const char *s, Py_ssize_t size,
                                            const char *errors);
PyAPI_FUNC(PyObject *) PyUnicode_DecodeUTF8Stateful(const char *s, Py_ssize_t size,
                                                    const char *errors,
                                                    Py_ssize_t *consumed);
PyAPI_FUNC(PyObject *) PyUnicode_AsUTF8String(PyObject *unicode);
PyAPI_FUNC(PyObject *) _PyUnicode_AsUTF8String(PyObject *unicode, const char *errors);
PyAPI_FUNC(PyObject *) PyUnicode_DecodeASCII(const char *s, Py_ssize_t size,
                                             const char *errors);
PyAPI_FUNC(PyObject *) PyUnicode_AsASCIIString(PyObject *unicode);
PyAPI_FUNC(PyObject *) PyUnicode_DecodeLatin1(const char *s, Py_ssize_t size,
                                              const char *errors);
PyAPI_FUNC(PyObject *) PyUnicode_AsLatin1String(PyObject *unicode);
/* byteorder: NULL or *byteorder == 0 detect BOM, -1 little, 1 big. */
PyAPI_FUNC(PyObject *) PyUnicode_DecodeUTF16(const char *s, Py_ssize_t size,
                                             const char *errors, int *byteorder);
PyAPI_FUNC(PyObject *) PyUnicode_DecodeUTF32(const char *s, Py_ssize_t size,
                                             const char *errors, int *byteorder);
PyAPI_FUNC(PyObject *) PyUnicode_AsUTF16String(PyObject *unicode);
PyAPI_FUNC(PyObject *) PyUnicode_AsUTF32String(PyObject *unicode);
PyAPI_FUNC(PyObject *) PyUnicode_DecodeUnicodeEscape(const char *s, Py_ssize_t size,
                                                     const char *errors);
PyAPI_FUNC(PyObject *) PyUnicode_AsUnicodeEscapeString(PyObject *unicode);
PyAPI_FUNC(PyObject *) PyUnicode_DecodeRawUnicodeEscape(const char *s, Py_ssize_t size,
                                                        const char *errors);
/* The file system encoding is UTF-8 with surrogateescape. */
PyAPI_FUNC(PyObject *) PyUnicode_DecodeFSDefault(const char *s);
PyAPI_FUNC(PyObject *) PyUnicode_DecodeFSDefaultAndSize(const char *s, Py_ssize_t size);
PyAPI_FUNC(PyObject *) PyUnicode_EncodeFSDefault(PyObject *unicode);
PyAPI_FUNC(PyObject *) PyUnicode_DecodeLocale(const char *str, const char *errors);
PyAPI_FUNC(PyObject *) PyUnicode_EncodeLocale(PyObject *unicode, const char *errors);

/* ---- _PyUnicodeWriter: build a string piecewise ------------------------
 * Usage: _PyUnicodeWriter_Init(&w); then Write* calls (or Prepare followed by
 * PyUnicode_WRITE(w.kind, w.data, w.pos++, ch)); then Finish (returns the
 * string) or Dealloc (on error).  `buffer` is a str object under
 * construction whose kind widens as wider characters arrive. */
typedef struct {
    PyObject *buffer;
    void *data;
    int kind;
    Py_UCS4 maxchar;            /* the widest character the buffer can hold */
    Py_ssize_t size;            /* capacity in code points */
    Py_ssize_t pos;             /* characters written */
    Py_ssize_t min_length;      /* overallocate to at least this much */
    Py_UCS4 min_char;           /* start with at least this kind */
    unsigned char overallocate; /* grow geometrically (set when appending many pieces) */
    unsigned char readonly;     /* buffer is a shared str written by WriteStr */
} _PyUnicodeWriter;

PyAPI_FUNC(void) _PyUnicodeWriter_Init(_PyUnicodeWriter *writer);
/* Make room for `length` more characters up to `maxchar`.  0 or -1. */
PyAPI_FUNC(int) _PyUnicodeWriter_PrepareInternal(_PyUnicodeWriter *writer,
                                                 Py_ssize_t length, Py_UCS4 maxchar);
#define _PyUnicodeWriter_Prepare(WRITER, LENGTH, MAXCHAR)                    \
    (((MAXCHAR) <= (WRITER)->maxchar && (LENGTH) <= (WRITER)->size - (WRITER)->pos) \
     ? 0                                                                      \
     : (((LENGTH) == 0)                                                       \
        ? 0                                                                   \
        : _PyUnicodeWriter_PrepareInternal((WRITER), (LENGTH), (MAXCHAR))))
/* Make the buffer at least `kind` wide. */
PyAPI_FUNC(int) _PyUnicodeWriter_PrepareKindInternal(_PyUnicodeWriter *writer, int kind);
#define _PyUnicodeWriter_PrepareKind(WRITER, KIND)                            \
    ((KIND) <= (WRITER)->kind ? 0 : _PyUnicodeWriter_PrepareKindInternal((WRITER), (KIND)))
PyAPI_FUNC(int) _PyUnicodeWriter_WriteChar(_PyUnicodeWriter *writer, Py_UCS4 ch);
PyAPI_FUNC(int) _PyUnicodeWriter_WriteStr(_PyUnicodeWriter *writer, PyObject *str);
PyAPI_FUNC(int) _PyUnicodeWriter_WriteSubstring(_PyUnicodeWriter *writer, PyObject *str,
                                                Py_ssize_t start, Py_ssize_t end);
/* `str` must be ASCII; len -1 means strlen. */
PyAPI_FUNC(int) _PyUnicodeWriter_WriteASCIIString(_PyUnicodeWriter *writer,
                                                  const char *str, Py_ssize_t len);
PyAPI_FUNC(int) _PyUnicodeWriter_WriteLatin1String(_PyUnicodeWriter *writer,
                                                   const char *str, Py_ssize_t len);
/* UTF-8 input (decoded strictly). */
PyAPI_FUNC(int) _PyUnicodeWriter_WriteUTF8(_PyUnicodeWriter *writer,
                                           const char *str, Py_ssize_t len);
/* Write `count` copies of ch. */
PyAPI_FUNC(int) _PyUnicodeWriter_WriteFill(_PyUnicodeWriter *writer, Py_UCS4 ch,
                                           Py_ssize_t count);
PyAPI_FUNC(PyObject *) _PyUnicodeWriter_Finish(_PyUnicodeWriter *writer);
PyAPI_FUNC(void) _PyUnicodeWriter_Dealloc(_PyUnicodeWriter *writer);

/* ---- the character database (Objects/unicodectype.c) ------------------- */

PyAPI_FUNC(int) _PyUnicode_IsWhitespace(Py_UCS4 ch);
PyAPI_FUNC(int) _PyUnicode_IsLinebreak(Py_UCS4 ch);
PyAPI_FUNC(int) _PyUnicode_IsLowercase(Py_UCS4 ch);
PyAPI_FUNC(int) _PyUnicode_IsUppercase(Py_UCS4 ch);
PyAPI_FUNC(int) _PyUnicode_IsTitlecase(Py_UCS4 ch);
PyAPI_FUNC(int) _PyUnicode_IsCased(Py_UCS4 ch);
PyAPI_FUNC(int) _PyUnicode_IsCaseIgnorable(Py_UCS4 ch);
PyAPI_FUNC(int) _PyUnicode_IsXidStart(Py_UCS4 ch);
PyAPI_FUNC(int) _PyUnicode_IsXidContinue(Py_UCS4 ch);
PyAPI_FUNC(int) _PyUnicode_IsAlpha(Py_UCS4 ch);
PyAPI_FUNC(int) _PyUnicode_IsDecimalDigit(Py_UCS4 ch);
PyAPI_FUNC(int) _PyUnicode_IsDigit(Py_UCS4 ch);
PyAPI_FUNC(int) _PyUnicode_IsNumeric(Py_UCS4 ch);
PyAPI_FUNC(int) _PyUnicode_IsPrintable(Py_UCS4 ch);
/* -1 if not a decimal digit / digit. */
PyAPI_FUNC(int) _PyUnicode_ToDecimalDigit(Py_UCS4 ch);
PyAPI_FUNC(int) _PyUnicode_ToDigit(Py_UCS4 ch);
/* -1.0 if not numeric. */
PyAPI_FUNC(double) _PyUnicode_ToNumeric(Py_UCS4 ch);
/* Simple (one-character) mappings. */
PyAPI_FUNC(Py_UCS4) _PyUnicode_ToLowercase(Py_UCS4 ch);
PyAPI_FUNC(Py_UCS4) _PyUnicode_ToUppercase(Py_UCS4 ch);
PyAPI_FUNC(Py_UCS4) _PyUnicode_ToTitlecase(Py_UCS4 ch);
/* Full mappings: write up to 3 characters into res, return how many. */
PyAPI_FUNC(int) _PyUnicode_ToLowerFull(Py_UCS4 ch, Py_UCS4 *res);
PyAPI_FUNC(int) _PyUnicode_ToUpperFull(Py_UCS4 ch, Py_UCS4 *res);
PyAPI_FUNC(int) _PyUnicode_ToTitleFull(Py_UCS4 ch, Py_UCS4 *res);
PyAPI_FUNC(int) _PyUnicode_ToFoldedFull(Py_UCS4 ch, Py_UCS4 *res);

#define Py_UNICODE_ISSPACE(ch) \
    ((Py_UCS4)(ch) < 128U ? _Py_ascii_whitespace[(ch)] : _PyUnicode_IsWhitespace(ch))
PyAPI_DATA(const unsigned char) _Py_ascii_whitespace[128];
#define Py_UNICODE_ISLOWER(ch) _PyUnicode_IsLowercase(ch)
#define Py_UNICODE_ISUPPER(ch) _PyUnicode_IsUppercase(ch)
#define Py_UNICODE_ISTITLE(ch) _PyUnicode_IsTitlecase(ch)
#define Py_UNICODE_ISLINEBREAK(ch) _PyUnicode_IsLinebreak(ch)
#define Py_UNICODE_TOLOWER(ch) _PyUnicode_ToLowercase(ch)
#define Py_UNICODE_TOUPPER(ch) _PyUnicode_ToUppercase(ch)
#define Py_UNICODE_TOTITLE(ch) _PyUnicode_ToTitlecase(ch)
#define Py_UNICODE_ISDECIMAL(ch) _PyUnicode_IsDecimalDigit(ch)
#define Py_UNICODE_ISDIGIT(ch) _PyUnicode_IsDigit(ch)
#define Py_UNICODE_ISNUMERIC(ch) _PyUnicode_IsNumeric(ch)
#define Py_UNICODE_ISPRINTABLE(ch) _PyUnicode_IsPrintable(ch)
#define Py_UNICODE_TODECIMAL(ch) _PyUnicode_ToDecimalDigit(ch)
#define Py_UNICODE_TODIGIT(ch) _PyUnicode_ToDigit(ch)
#define Py_UNICODE_TONUMERIC(ch) _PyUnicode_ToNumeric(ch)
#define Py_UNICODE_ISALPHA(ch) _PyUnicode_IsAlpha(ch)
#define Py_UNICODE_ISALNUM(ch) \
    (Py_UNICODE_ISALPHA(ch) || Py_UNICODE_ISDECIMAL(ch) || \
     Py_UNICODE_ISDIGIT(ch) || Py_UNICODE_ISNUMERIC(ch))

#endif /* Py_UNICODEOBJECT_H */
