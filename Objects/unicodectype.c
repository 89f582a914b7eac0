/* unicodectype.c: character properties and case mappings from the
 * generated tables in unicodetype_db.h (Tools/gen_unicode_db.py). */
#include "Python.h"
#include "pycore_unicodeobject.h"
#include "unicodetype_db.h"

const unsigned char _Py_ascii_whitespace[128] = {
    0, 0, 0, 0, 0, 0, 0, 0,
    /*     \t \n \v \f \r */
    0, 1, 1, 1, 1, 1, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0,
    /* FS GS RS US */
    0, 0, 0, 0, 1, 1, 1, 1,
    /* space */
    1, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0,
};

static inline const unidb_record *
get_record(Py_UCS4 ch)
{
    if (ch >= 0x110000) {
        return &unidb_records[0];
    }
    unsigned block = unidb_index1[ch >> UNIDB_SHIFT];
    unsigned idx = unidb_index2[(block << UNIDB_SHIFT) + (ch & ((1u << UNIDB_SHIFT) - 1))];
    return &unidb_records[idx];
}

#define FLAG_TEST(name, flag) \
    int name(Py_UCS4 ch) { return (get_record(ch)->flags & (flag)) != 0; }

FLAG_TEST(_PyUnicode_IsWhitespace, UNIDB_SPACE)
FLAG_TEST(_PyUnicode_IsLinebreak, UNIDB_LINEBREAK)
FLAG_TEST(_PyUnicode_IsLowercase, UNIDB_LOWER)
FLAG_TEST(_PyUnicode_IsUppercase, UNIDB_UPPER)
FLAG_TEST(_PyUnicode_IsTitlecase, UNIDB_TITLE)
FLAG_TEST(_PyUnicode_IsCased, UNIDB_CASED)
FLAG_TEST(_PyUnicode_IsCaseIgnorable, UNIDB_CASE_IGNORABLE)
FLAG_TEST(_PyUnicode_IsXidStart, UNIDB_XID_START)
FLAG_TEST(_PyUnicode_IsXidContinue, UNIDB_XID_CONTINUE)
FLAG_TEST(_PyUnicode_IsAlpha, UNIDB_ALPHA)
FLAG_TEST(_PyUnicode_IsDecimalDigit, UNIDB_DECIMAL)
FLAG_TEST(_PyUnicode_IsDigit, UNIDB_DIGIT)
FLAG_TEST(_PyUnicode_IsNumeric, UNIDB_NUMERIC)
FLAG_TEST(_PyUnicode_IsPrintable, UNIDB_PRINTABLE)

int
_PyUnicode_ToDecimalDigit(Py_UCS4 ch)
{
    const unidb_record *r = get_record(ch);
    return r->decimal == 255 ? -1 : r->decimal;
}

int
_PyUnicode_ToDigit(Py_UCS4 ch)
{
    const unidb_record *r = get_record(ch);
    return r->digit == 255 ? -1 : r->digit;
}

double
_PyUnicode_ToNumeric(Py_UCS4 ch)
{
    const unidb_record *r = get_record(ch);
    return r->numeric == 0xffff ? -1.0 : unidb_numeric[r->numeric];
}

/* A mapping value: a delta, or (flag set) length << 24 | index into ext. */
static int
full_mapping(Py_UCS4 ch, int32_t value, int ext, Py_UCS4 *res)
{
    if (!ext) {
        res[0] = (Py_UCS4)((int32_t)ch + value);
        return 1;
    }
    int n = (int)((uint32_t)value >> 24);
    uint32_t idx = (uint32_t)value & 0xffffff;
    for (int i = 0; i < n; i++) {
        res[i] = unidb_ext[idx + (uint32_t)i];
    }
    return n;
}

/* Simple mapping: the full one when it is a single character, else the
 * character itself. */
static Py_UCS4
simple_mapping(Py_UCS4 ch, int32_t value, int ext)
{
    if (!ext) {
        return (Py_UCS4)((int32_t)ch + value);
    }
    Py_UCS4 buf[3];
    if (full_mapping(ch, value, ext, buf) == 1) {
        return buf[0];
    }
    return ch;
}

Py_UCS4
_PyUnicode_ToLowercase(Py_UCS4 ch)
{
    const unidb_record *r = get_record(ch);
    return simple_mapping(ch, r->lower, (r->flags & UNIDB_EXT_LOWER) != 0);
}

Py_UCS4
_PyUnicode_ToUppercase(Py_UCS4 ch)
{
    const unidb_record *r = get_record(ch);
    return simple_mapping(ch, r->upper, (r->flags & UNIDB_EXT_UPPER) != 0);
}

Py_UCS4
_PyUnicode_ToTitlecase(Py_UCS4 ch)
{
    const unidb_record *r = get_record(ch);
    return simple_mapping(ch, r->title, (r->flags & UNIDB_EXT_TITLE) != 0);
}

int
_PyUnicode_ToLowerFull(Py_UCS4 ch, Py_UCS4 *res)
{
    const unidb_record *r = get_record(ch);
    return full_mapping(ch, r->lower, (r->flags & UNIDB_EXT_LOWER) != 0, res);
}

int
_PyUnicode_ToUpperFull(Py_UCS4 ch, Py_UCS4 *res)
{
    const unidb_record *r = get_record(ch);
    return full_mapping(ch, r->upper, (r->flags & UNIDB_EXT_UPPER) != 0, res);
}

int
_PyUnicode_ToTitleFull(Py_UCS4 ch, Py_UCS4 *res)
{
    const unidb_record *r = get_record(ch);
    return full_mapping(ch, r->title, (r->flags & UNIDB_EXT_TITLE) != 0, res);
}

int
_PyUnicode_ToFoldedFull(Py_UCS4 ch, Py_UCS4 *res)
{
    const unidb_record *r = get_record(ch);
    if (r->flags & UNIDB_EXT_FOLD) {
        return full_mapping(ch, r->fold, 1, res);
    }
    return full_mapping(ch, r->lower, (r->flags & UNIDB_EXT_LOWER) != 0, res);
}

/* \N{name} lookup.  The name database is not built in (it would add a few
 * hundred KB); the algorithmic names are handled. */
int
_PyUnicode_LookupName(const char *name, Py_ssize_t len, Py_UCS4 *code)
{
    static const char cjk[] = "CJK UNIFIED IDEOGRAPH-";
    Py_ssize_t n = (Py_ssize_t)sizeof(cjk) - 1;
    if (len > n && len <= n + 5 && strncasecmp(name, cjk, (size_t)n) == 0) {
        Py_UCS4 v = 0;
        for (Py_ssize_t i = n; i < len; i++) {
            char c = name[i];
            int d = (c >= '0' && c <= '9') ? c - '0' :
                    (c >= 'A' && c <= 'F') ? c - 'A' + 10 :
                    (c >= 'a' && c <= 'f') ? c - 'a' + 10 : -1;
            if (d < 0) {
                return 0;
            }
            v = v * 16 + (Py_UCS4)d;
        }
        if (_PyUnicode_IsAlpha(v) && v >= 0x3400 && v < 0x40000) {
            *code = v;
            return 1;
        }
    }
    return 0;
}
