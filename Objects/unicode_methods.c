/* unicode_methods.c: the methods of str (find, split, strip, case
 * conversions, predicates, padding, replace, translate, ...) and the public
 * functions behind them (PyUnicode_Split, PyUnicode_Replace, ...), plus the
 * argument-binding helpers shared with bytes and bytearray. */
#include "Python.h"
#include "pycore_unicodeobject.h"
#include "pycore_format.h"

/* ---- argument helpers ------------------------------------------------- */

int
_PyStr_BindArgs(const char *fname, PyObject *const *args, Py_ssize_t nargs,
                PyObject *kwnames, const char *const *names, int nparams,
                int npos_only, int min, PyObject **out)
{
    for (int i = 0; i < nparams; i++) {
        out[i] = NULL;
    }
    if (nargs > nparams) {
        PyErr_Format(PyExc_TypeError, "%s() takes at most %d argument%s (%zd given)",
                     fname, nparams, nparams == 1 ? "" : "s", nargs);
        return -1;
    }
    for (Py_ssize_t i = 0; i < nargs; i++) {
        out[i] = args[i];
    }
    Py_ssize_t nkw = kwnames ? PyTuple_GET_SIZE(kwnames) : 0;
    for (Py_ssize_t k = 0; k < nkw; k++) {
        PyObject *key = PyTuple_GET_ITEM(kwnames, k);
        int found = -1;
        for (int i = npos_only; i < nparams; i++) {
            if (PyUnicode_EqualToUTF8(key, names[i])) {
                found = i;
                break;
            }
        }
        if (found < 0) {
            PyErr_Format(PyExc_TypeError, "%s() got an unexpected keyword argument '%S'",
                         fname, key);
            return -1;
        }
        if (out[found] != NULL) {
            PyErr_Format(PyExc_TypeError,
                         "argument for %s() given by name ('%s') and position (%d)",
                         fname, names[found], found + 1);
            return -1;
        }
        out[found] = args[nargs + k];
    }
    for (int i = 0; i < min; i++) {
        if (out[i] == NULL) {
            if (i < npos_only || nkw == 0) {
                PyErr_Format(PyExc_TypeError,
                             "%s() takes at least %d argument%s (%zd given)",
                             fname, min, min == 1 ? "" : "s", nargs);
            }
            else {
                PyErr_Format(PyExc_TypeError, "%s() missing required argument '%s' (pos %d)",
                             fname, names[i], i + 1);
            }
            return -1;
        }
    }
    return 0;
}

int
_PyStr_ParseIndex(PyObject *o, Py_ssize_t *out)
{
    if (o == NULL || o == Py_None) {
        return 0;
    }
    if (!PyIndex_Check(o)) {
        PyErr_SetString(PyExc_TypeError,
                        "slice indices must be integers or None or have an __index__ method");
        return -1;
    }
    Py_ssize_t v = PyNumber_AsSsize_t(o, NULL);
    if (v == -1 && PyErr_Occurred()) {
        return -1;
    }
    *out = v;
    return 0;
}

int
_PyStr_ParseSubStartEnd(const char *fname, PyObject *const *args, Py_ssize_t nargs,
                        PyObject **sub, Py_ssize_t *start, Py_ssize_t *end)
{
    if (nargs < 1 || nargs > 3) {
        if (nargs < 1) {
            PyErr_Format(PyExc_TypeError, "%s expected at least 1 argument, got %zd", fname, nargs);
        }
        else {
            PyErr_Format(PyExc_TypeError, "%s expected at most 3 arguments, got %zd", fname, nargs);
        }
        return -1;
    }
    *sub = args[0];
    *start = 0;
    *end = PY_SSIZE_T_MAX;
    if (nargs > 1 && _PyStr_ParseIndex(args[1], start) < 0) {
        return -1;
    }
    if (nargs > 2 && _PyStr_ParseIndex(args[2], end) < 0) {
        return -1;
    }
    return 0;
}

static int
check_str_arg(const char *fname, int argnum, PyObject *arg)
{
    if (PyUnicode_Check(arg)) {
        return 0;
    }
    if (argnum == 0) {
        PyErr_Format(PyExc_TypeError, "%s() argument must be str, not %.50s",
                     fname, Py_TYPE(arg)->tp_name);
    }
    else {
        PyErr_Format(PyExc_TypeError, "%s() argument %d must be str, not %.50s",
                     fname, argnum, Py_TYPE(arg)->tp_name);
    }
    return -1;
}

static int
check_nargs(const char *fname, Py_ssize_t nargs, Py_ssize_t min, Py_ssize_t max)
{
    if (nargs < min) {
        PyErr_Format(PyExc_TypeError, "%s expected %s%zd argument%s, got %zd", fname,
                     min == max ? "" : "at least ", min, min == 1 ? "" : "s", nargs);
        return -1;
    }
    if (nargs > max) {
        PyErr_Format(PyExc_TypeError, "%s expected %s%zd argument%s, got %zd", fname,
                     min == max ? "" : "at most ", max, max == 1 ? "" : "s", nargs);
        return -1;
    }
    return 0;
}

/* ---- searching ---------------------------------------------------------- */

/* Search sub in str[start:end]; returns index in str or -1; -2 on error. */
static Py_ssize_t
any_find(PyObject *str, PyObject *sub, Py_ssize_t start, Py_ssize_t end, int direction)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(str), slen = PyUnicode_GET_LENGTH(sub);
    _PyUnicode_AdjustIndices(&start, &end, len);
    if (end - start < slen) {
        return -1;
    }
    int k1 = PyUnicode_KIND(str), k2 = PyUnicode_KIND(sub);
    if (k2 > k1) {
        return -1;
    }
    const char *hay = (const char *)PyUnicode_DATA(str) + start * k1;
    Py_ssize_t r;
    if (k1 == k2) {
        r = _PyUnicode_FindIn(k1, hay, end - start, PyUnicode_DATA(sub), slen, direction);
    }
    else {
        void *buf = _PyUnicode_AsKind(sub, k1);
        if (buf == NULL) {
            return -2;
        }
        r = _PyUnicode_FindIn(k1, hay, end - start, buf, slen, direction);
        PyMem_Free(buf);
    }
    return r < 0 ? -1 : r + start;
}

Py_ssize_t
PyUnicode_Find(PyObject *str, PyObject *sub, Py_ssize_t start, Py_ssize_t end, int direction)
{
    if (!PyUnicode_Check(str) || !PyUnicode_Check(sub)) {
        PyErr_BadInternalCall();
        return -2;
    }
    return any_find(str, sub, start, end, direction);
}

Py_ssize_t
PyUnicode_FindChar(PyObject *str, Py_UCS4 ch, Py_ssize_t start, Py_ssize_t end, int direction)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(str);
    _PyUnicode_AdjustIndices(&start, &end, len);
    if (end - start < 1) {
        return -1;
    }
    int kind = PyUnicode_KIND(str);
    Py_ssize_t r = _PyUnicode_FindCharIn(kind, (const char *)PyUnicode_DATA(str) + start * kind,
                                         end - start, ch, direction);
    return r < 0 ? -1 : r + start;
}

static Py_ssize_t
any_count(PyObject *str, PyObject *sub, Py_ssize_t start, Py_ssize_t end, Py_ssize_t maxcount)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(str), slen = PyUnicode_GET_LENGTH(sub);
    _PyUnicode_AdjustIndices(&start, &end, len);
    if (end - start < slen) {
        return 0;
    }
    if (slen == 0) {
        Py_ssize_t n = end - start + 1;
        return n < maxcount ? n : maxcount;
    }
    int k1 = PyUnicode_KIND(str), k2 = PyUnicode_KIND(sub);
    if (k2 > k1) {
        return 0;
    }
    void *buf = NULL;
    const void *needle = PyUnicode_DATA(sub);
    if (k1 != k2) {
        buf = _PyUnicode_AsKind(sub, k1);
        if (buf == NULL) {
            return -1;
        }
        needle = buf;
    }
    const char *data = PyUnicode_DATA(str);
    Py_ssize_t count = 0, pos = start;
    while (count < maxcount && end - pos >= slen) {
        Py_ssize_t r = _PyUnicode_FindIn(k1, data + pos * k1, end - pos, needle, slen, 1);
        if (r < 0) {
            break;
        }
        count++;
        pos += r + slen;
    }
    PyMem_Free(buf);
    return count;
}

Py_ssize_t
PyUnicode_Count(PyObject *str, PyObject *sub, Py_ssize_t start, Py_ssize_t end)
{
    if (!PyUnicode_Check(str) || !PyUnicode_Check(sub)) {
        PyErr_BadInternalCall();
        return -1;
    }
    return any_count(str, sub, start, end, PY_SSIZE_T_MAX);
}

static PyObject *
find_common(PyObject *self, PyObject *const *args, Py_ssize_t nargs, const char *name,
            int direction, int raise)
{
    PyObject *sub;
    Py_ssize_t start, end;
    if (_PyStr_ParseSubStartEnd(name, args, nargs, &sub, &start, &end) < 0) {
        return NULL;
    }
    if (!PyUnicode_Check(sub)) {
        PyErr_Format(PyExc_TypeError, "%s() argument 1 must be str, not %.100s",
                     name, Py_TYPE(sub)->tp_name);
        return NULL;
    }
    Py_ssize_t r = any_find(self, sub, start, end, direction);
    if (r == -2) {
        return NULL;
    }
    if (r == -1 && raise) {
        PyErr_SetString(PyExc_ValueError, "substring not found");
        return NULL;
    }
    return PyLong_FromSsize_t(r);
}

static PyObject *
unicode_find(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    return find_common(self, args, nargs, "find", 1, 0);
}

static PyObject *
unicode_rfind(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    return find_common(self, args, nargs, "rfind", -1, 0);
}

static PyObject *
unicode_index(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    return find_common(self, args, nargs, "index", 1, 1);
}

static PyObject *
unicode_rindex(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    return find_common(self, args, nargs, "rindex", -1, 1);
}

static PyObject *
unicode_count(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *sub;
    Py_ssize_t start, end;
    if (_PyStr_ParseSubStartEnd("count", args, nargs, &sub, &start, &end) < 0) {
        return NULL;
    }
    if (!PyUnicode_Check(sub)) {
        PyErr_Format(PyExc_TypeError, "count() argument 1 must be str, not %.100s",
                     Py_TYPE(sub)->tp_name);
        return NULL;
    }
    Py_ssize_t r = any_count(self, sub, start, end, PY_SSIZE_T_MAX);
    if (r < 0) {
        return NULL;
    }
    return PyLong_FromSsize_t(r);
}

/* 1 if str[start:end] starts (direction < 0) / ends (> 0) with sub. */
static int
tailmatch(PyObject *self, PyObject *sub, Py_ssize_t start, Py_ssize_t end, int direction)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(self), slen = PyUnicode_GET_LENGTH(sub);
    _PyUnicode_AdjustIndices(&start, &end, len);
    end -= slen;
    if (end < start) {
        return 0;
    }
    if (slen == 0) {
        return 1;
    }
    Py_ssize_t offset = direction > 0 ? end : start;
    int k1 = PyUnicode_KIND(self), k2 = PyUnicode_KIND(sub);
    const void *d1 = PyUnicode_DATA(self), *d2 = PyUnicode_DATA(sub);
    if (k1 == k2) {
        return memcmp((const char *)d1 + offset * k1, d2, (size_t)slen * (size_t)k1) == 0;
    }
    for (Py_ssize_t i = 0; i < slen; i++) {
        if (PyUnicode_READ(k1, d1, offset + i) != PyUnicode_READ(k2, d2, i)) {
            return 0;
        }
    }
    return 1;
}

Py_ssize_t
PyUnicode_Tailmatch(PyObject *str, PyObject *substr, Py_ssize_t start, Py_ssize_t end,
                    int direction)
{
    if (!PyUnicode_Check(str) || !PyUnicode_Check(substr)) {
        PyErr_BadInternalCall();
        return -1;
    }
    return tailmatch(str, substr, start, end, direction);
}

static PyObject *
startsendswith(PyObject *self, PyObject *const *args, Py_ssize_t nargs, const char *name,
               int direction)
{
    PyObject *sub;
    Py_ssize_t start, end;
    if (_PyStr_ParseSubStartEnd(name, args, nargs, &sub, &start, &end) < 0) {
        return NULL;
    }
    if (PyTuple_Check(sub)) {
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(sub); i++) {
            PyObject *s = PyTuple_GET_ITEM(sub, i);
            if (!PyUnicode_Check(s)) {
                PyErr_Format(PyExc_TypeError,
                             "tuple for %s must only contain str, not %.100s",
                             name, Py_TYPE(s)->tp_name);
                return NULL;
            }
            if (tailmatch(self, s, start, end, direction)) {
                Py_RETURN_TRUE;
            }
        }
        Py_RETURN_FALSE;
    }
    if (!PyUnicode_Check(sub)) {
        PyErr_Format(PyExc_TypeError,
                     "%s first arg must be str or a tuple of str, not %.100s",
                     name, Py_TYPE(sub)->tp_name);
        return NULL;
    }
    return PyBool_FromLong(tailmatch(self, sub, start, end, direction));
}

static PyObject *
unicode_startswith(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    return startsendswith(self, args, nargs, "startswith", -1);
}

static PyObject *
unicode_endswith(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    return startsendswith(self, args, nargs, "endswith", 1);
}

/* ---- case conversion ---------------------------------------------------- */

/* Final-sigma rule (Unicode 3.13 Final_Sigma context). */
static Py_UCS4
sigma_for(int kind, const void *data, Py_ssize_t length, Py_ssize_t i)
{
    Py_ssize_t j;
    Py_UCS4 c = 0;
    for (j = i - 1; j >= 0; j--) {
        c = PyUnicode_READ(kind, data, j);
        if (!_PyUnicode_IsCaseIgnorable(c)) {
            break;
        }
    }
    int final_sigma = j >= 0 && _PyUnicode_IsCased(c);
    if (final_sigma && i + 1 < length) {
        for (j = i + 1; j < length; j++) {
            c = PyUnicode_READ(kind, data, j);
            if (!_PyUnicode_IsCaseIgnorable(c)) {
                break;
            }
        }
        final_sigma = j == length || !_PyUnicode_IsCased(c);
    }
    return final_sigma ? 0x3C2 : 0x3C3;
}

static int
lower_full(int kind, const void *data, Py_ssize_t length, Py_ssize_t i, Py_UCS4 c,
           Py_UCS4 *mapped)
{
    if (c == 0x3A3) {
        mapped[0] = sigma_for(kind, data, length, i);
        return 1;
    }
    return _PyUnicode_ToLowerFull(c, mapped);
}

enum { CASE_LOWER, CASE_UPPER, CASE_CASEFOLD, CASE_SWAPCASE, CASE_TITLE, CASE_CAPITALIZE };

static PyObject *
case_operation(PyObject *self, int op)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(self);
    if (len == 0) {
        return _PyUnicode_GetEmpty();
    }
    int kind = PyUnicode_KIND(self);
    const void *data = PyUnicode_DATA(self);
    if (PyUnicode_IS_ASCII(self) && op != CASE_TITLE && op != CASE_CAPITALIZE) {
        PyObject *res = PyUnicode_New(len, 127);
        if (res == NULL) {
            return NULL;
        }
        const Py_UCS1 *s = data;
        Py_UCS1 *d = PyUnicode_1BYTE_DATA(res);
        for (Py_ssize_t i = 0; i < len; i++) {
            Py_UCS1 c = s[i];
            int up = c >= 'A' && c <= 'Z', lo = c >= 'a' && c <= 'z';
            if (op == CASE_UPPER) d[i] = lo ? c - 32 : c;
            else if (op == CASE_SWAPCASE) d[i] = lo ? c - 32 : (up ? c + 32 : c);
            else d[i] = up ? c + 32 : c;
        }
        return res;
    }
    if (len > PY_SSIZE_T_MAX / (3 * (Py_ssize_t)sizeof(Py_UCS4))) {
        return PyErr_NoMemory();
    }
    Py_UCS4 *buf = PyMem_Malloc((size_t)len * 3 * sizeof(Py_UCS4));
    if (buf == NULL) {
        return PyErr_NoMemory();
    }
    Py_ssize_t o = 0;
    int previous_is_cased = 0;
    for (Py_ssize_t i = 0; i < len; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        Py_UCS4 mapped[3];
        int n;
        switch (op) {
        case CASE_LOWER:
            n = lower_full(kind, data, len, i, c, mapped);
            break;
        case CASE_UPPER:
            n = _PyUnicode_ToUpperFull(c, mapped);
            break;
        case CASE_CASEFOLD:
            n = _PyUnicode_ToFoldedFull(c, mapped);
            break;
        case CASE_SWAPCASE:
            if (_PyUnicode_IsUppercase(c)) {
                n = lower_full(kind, data, len, i, c, mapped);
            }
            else if (_PyUnicode_IsLowercase(c)) {
                n = _PyUnicode_ToUpperFull(c, mapped);
            }
            else {
                mapped[0] = c;
                n = 1;
            }
            break;
        case CASE_TITLE:
            if (previous_is_cased) {
                n = lower_full(kind, data, len, i, c, mapped);
            }
            else {
                n = _PyUnicode_ToTitleFull(c, mapped);
            }
            previous_is_cased = _PyUnicode_IsCased(c);
            break;
        default: /* CASE_CAPITALIZE */
            if (i == 0) {
                n = _PyUnicode_ToTitleFull(c, mapped);
            }
            else {
                n = lower_full(kind, data, len, i, c, mapped);
            }
            break;
        }
        for (int k = 0; k < n; k++) {
            buf[o++] = mapped[k];
        }
    }
    PyObject *res = _PyUnicode_FromKindAndDataNarrow(PyUnicode_4BYTE_KIND, buf, o);
    PyMem_Free(buf);
    return res;
}

static PyObject *unicode_lower(PyObject *self, PyObject *Py_UNUSED(a)) { return case_operation(self, CASE_LOWER); }
static PyObject *unicode_upper(PyObject *self, PyObject *Py_UNUSED(a)) { return case_operation(self, CASE_UPPER); }
static PyObject *unicode_casefold(PyObject *self, PyObject *Py_UNUSED(a)) { return case_operation(self, CASE_CASEFOLD); }
static PyObject *unicode_swapcase(PyObject *self, PyObject *Py_UNUSED(a)) { return case_operation(self, CASE_SWAPCASE); }
static PyObject *unicode_title(PyObject *self, PyObject *Py_UNUSED(a)) { return case_operation(self, CASE_TITLE); }
static PyObject *unicode_capitalize(PyObject *self, PyObject *Py_UNUSED(a)) { return case_operation(self, CASE_CAPITALIZE); }

/* ---- predicates ------------------------------------------------------------ */

#define PREDICATE(fname, test, empty_result)                               \
static PyObject *                                                          \
fname(PyObject *self, PyObject *Py_UNUSED(a))                              \
{                                                                          \
    Py_ssize_t len = PyUnicode_GET_LENGTH(self);                           \
    int kind = PyUnicode_KIND(self);                                       \
    const void *data = PyUnicode_DATA(self);                               \
    if (len == 0) {                                                        \
        return PyBool_FromLong(empty_result);                              \
    }                                                                      \
    for (Py_ssize_t i = 0; i < len; i++) {                                 \
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);                        \
        if (!(test)) {                                                     \
            Py_RETURN_FALSE;                                               \
        }                                                                  \
    }                                                                      \
    Py_RETURN_TRUE;                                                        \
}

PREDICATE(unicode_isspace, Py_UNICODE_ISSPACE(ch), 0)
PREDICATE(unicode_isalpha, _PyUnicode_IsAlpha(ch), 0)
PREDICATE(unicode_isalnum, Py_UNICODE_ISALNUM(ch), 0)
PREDICATE(unicode_isdecimal, _PyUnicode_IsDecimalDigit(ch), 0)
PREDICATE(unicode_isdigit, _PyUnicode_IsDigit(ch), 0)
PREDICATE(unicode_isnumeric, _PyUnicode_IsNumeric(ch), 0)
PREDICATE(unicode_isprintable, _PyUnicode_IsPrintable(ch), 1)

static PyObject *
unicode_isascii(PyObject *self, PyObject *Py_UNUSED(a))
{
    return PyBool_FromLong(PyUnicode_IS_ASCII(self));
}

static PyObject *
unicode_islower(PyObject *self, PyObject *Py_UNUSED(a))
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(self);
    int kind = PyUnicode_KIND(self);
    const void *data = PyUnicode_DATA(self);
    int cased = 0;
    for (Py_ssize_t i = 0; i < len; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        if (_PyUnicode_IsUppercase(ch) || _PyUnicode_IsTitlecase(ch)) {
            Py_RETURN_FALSE;
        }
        if (!cased && _PyUnicode_IsLowercase(ch)) {
            cased = 1;
        }
    }
    return PyBool_FromLong(cased);
}

static PyObject *
unicode_isupper(PyObject *self, PyObject *Py_UNUSED(a))
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(self);
    int kind = PyUnicode_KIND(self);
    const void *data = PyUnicode_DATA(self);
    int cased = 0;
    for (Py_ssize_t i = 0; i < len; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        if (_PyUnicode_IsLowercase(ch) || _PyUnicode_IsTitlecase(ch)) {
            Py_RETURN_FALSE;
        }
        if (!cased && _PyUnicode_IsUppercase(ch)) {
            cased = 1;
        }
    }
    return PyBool_FromLong(cased);
}

static PyObject *
unicode_istitle(PyObject *self, PyObject *Py_UNUSED(a))
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(self);
    int kind = PyUnicode_KIND(self);
    const void *data = PyUnicode_DATA(self);
    int cased = 0, previous_is_cased = 0;
    for (Py_ssize_t i = 0; i < len; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        if (_PyUnicode_IsUppercase(ch) || _PyUnicode_IsTitlecase(ch)) {
            if (previous_is_cased) {
                Py_RETURN_FALSE;
            }
            previous_is_cased = 1;
            cased = 1;
        }
        else if (_PyUnicode_IsLowercase(ch)) {
            if (!previous_is_cased) {
                Py_RETURN_FALSE;
            }
            previous_is_cased = 1;
            cased = 1;
        }
        else {
            previous_is_cased = 0;
        }
    }
    return PyBool_FromLong(cased);
}

int
PyUnicode_IsIdentifier(PyObject *self)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(self);
    if (len == 0) {
        return 0;
    }
    int kind = PyUnicode_KIND(self);
    const void *data = PyUnicode_DATA(self);
    Py_UCS4 ch = PyUnicode_READ(kind, data, 0);
    if (!_PyUnicode_IsXidStart(ch) && ch != '_') {
        return 0;
    }
    for (Py_ssize_t i = 1; i < len; i++) {
        if (!_PyUnicode_IsXidContinue(PyUnicode_READ(kind, data, i))) {
            return 0;
        }
    }
    return 1;
}

static PyObject *
unicode_isidentifier(PyObject *self, PyObject *Py_UNUSED(a))
{
    return PyBool_FromLong(PyUnicode_IsIdentifier(self));
}

/* ---- split / partition ------------------------------------------------------ */

static int
list_append_sub(PyObject *list, PyObject *self, Py_ssize_t start, Py_ssize_t end)
{
    PyObject *s = PyUnicode_Substring(self, start, end);
    if (s == NULL) {
        return -1;
    }
    int r = PyList_Append(list, s);
    Py_DECREF(s);
    return r;
}

static PyObject *
split_impl(PyObject *self, PyObject *sep, Py_ssize_t maxcount, int reverse)
{
    if (maxcount < 0) {
        maxcount = PY_SSIZE_T_MAX;
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(self);
    int kind = PyUnicode_KIND(self);
    const void *data = PyUnicode_DATA(self);
    PyObject *list = PyList_New(0);
    if (list == NULL) {
        return NULL;
    }
    if (sep == NULL) {
        if (!reverse) {
            Py_ssize_t i = 0;
            while (maxcount-- > 0) {
                while (i < len && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, i))) i++;
                if (i == len) break;
                Py_ssize_t j = i;
                while (i < len && !Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, i))) i++;
                if (j == 0 && i == len && PyUnicode_CheckExact(self)) {
                    /* the whole string: reuse it */
                    if (PyList_Append(list, self) < 0) goto fail;
                    return list;
                }
                if (list_append_sub(list, self, j, i) < 0) goto fail;
            }
            while (i < len && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, i))) i++;
            if (i != len && list_append_sub(list, self, i, len) < 0) goto fail;
        }
        else {
            Py_ssize_t i = len - 1;
            while (maxcount-- > 0) {
                while (i >= 0 && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, i))) i--;
                if (i < 0) break;
                Py_ssize_t j = i;
                while (i >= 0 && !Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, i))) i--;
                if (list_append_sub(list, self, i + 1, j + 1) < 0) goto fail;
            }
            while (i >= 0 && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, i))) i--;
            if (i >= 0 && list_append_sub(list, self, 0, i + 1) < 0) goto fail;
            if (PyList_Reverse(list) < 0) goto fail;
        }
        return list;
    }
    Py_ssize_t slen = PyUnicode_GET_LENGTH(sep);
    if (slen == 0) {
        PyErr_SetString(PyExc_ValueError, "empty separator");
        goto fail;
    }
    if (!reverse) {
        Py_ssize_t pos = 0;
        while (maxcount-- > 0) {
            Py_ssize_t r = any_find(self, sep, pos, len, 1);
            if (r == -2) goto fail;
            if (r < 0) break;
            if (list_append_sub(list, self, pos, r) < 0) goto fail;
            pos = r + slen;
        }
        if (list_append_sub(list, self, pos, len) < 0) goto fail;
    }
    else {
        Py_ssize_t end = len;
        while (maxcount-- > 0) {
            Py_ssize_t r = any_find(self, sep, 0, end, -1);
            if (r == -2) goto fail;
            if (r < 0) break;
            if (list_append_sub(list, self, r + slen, end) < 0) goto fail;
            end = r;
        }
        if (list_append_sub(list, self, 0, end) < 0) goto fail;
        if (PyList_Reverse(list) < 0) goto fail;
    }
    return list;
fail:
    Py_DECREF(list);
    return NULL;
}

PyObject *
PyUnicode_Split(PyObject *s, PyObject *sep, Py_ssize_t maxsplit)
{
    if (sep == Py_None) {
        sep = NULL;
    }
    if (sep != NULL && !PyUnicode_Check(sep)) {
        PyErr_Format(PyExc_TypeError, "must be str or None, not %.100s", Py_TYPE(sep)->tp_name);
        return NULL;
    }
    return split_impl(s, sep, maxsplit, 0);
}

PyObject *
PyUnicode_RSplit(PyObject *s, PyObject *sep, Py_ssize_t maxsplit)
{
    if (sep == Py_None) {
        sep = NULL;
    }
    if (sep != NULL && !PyUnicode_Check(sep)) {
        PyErr_Format(PyExc_TypeError, "must be str or None, not %.100s", Py_TYPE(sep)->tp_name);
        return NULL;
    }
    return split_impl(s, sep, maxsplit, 1);
}

static PyObject *
split_method(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames,
             const char *name, int reverse)
{
    static const char *const names[] = {"sep", "maxsplit"};
    PyObject *a[2];
    if (_PyStr_BindArgs(name, args, nargs, kwnames, names, 2, 0, 0, a) < 0) {
        return NULL;
    }
    Py_ssize_t maxsplit = -1;
    if (a[1] != NULL) {
        if (!PyIndex_Check(a[1])) {
            PyErr_Format(PyExc_TypeError, "'%.200s' object cannot be interpreted as an integer",
                         Py_TYPE(a[1])->tp_name);
            return NULL;
        }
        maxsplit = PyNumber_AsSsize_t(a[1], PyExc_OverflowError);
        if (maxsplit == -1 && PyErr_Occurred()) {
            return NULL;
        }
    }
    return reverse ? PyUnicode_RSplit(self, a[0], maxsplit) : PyUnicode_Split(self, a[0], maxsplit);
}

static PyObject *
unicode_split(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    return split_method(self, args, nargs, kwnames, "split", 0);
}

static PyObject *
unicode_rsplit(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    return split_method(self, args, nargs, kwnames, "rsplit", 1);
}

PyObject *
PyUnicode_Splitlines(PyObject *self, int keepends)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(self);
    int kind = PyUnicode_KIND(self);
    const void *data = PyUnicode_DATA(self);
    PyObject *list = PyList_New(0);
    if (list == NULL) {
        return NULL;
    }
    Py_ssize_t i = 0;
    while (i < len) {
        Py_ssize_t j = i;
        while (i < len && !Py_UNICODE_ISLINEBREAK(PyUnicode_READ(kind, data, i))) i++;
        Py_ssize_t eol = i;
        if (i < len) {
            if (PyUnicode_READ(kind, data, i) == '\r' && i + 1 < len &&
                PyUnicode_READ(kind, data, i + 1) == '\n') {
                i += 2;
            }
            else {
                i++;
            }
            if (keepends) {
                eol = i;
            }
        }
        if (j == 0 && eol == len && PyUnicode_CheckExact(self)) {
            if (PyList_Append(list, self) < 0) goto fail;
            break;
        }
        if (list_append_sub(list, self, j, eol) < 0) goto fail;
    }
    return list;
fail:
    Py_DECREF(list);
    return NULL;
}

static PyObject *
unicode_splitlines(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    static const char *const names[] = {"keepends"};
    PyObject *a[1];
    if (_PyStr_BindArgs("splitlines", args, nargs, kwnames, names, 1, 0, 0, a) < 0) {
        return NULL;
    }
    int keepends = 0;
    if (a[0] != NULL) {
        keepends = PyObject_IsTrue(a[0]);
        if (keepends < 0) {
            return NULL;
        }
    }
    return PyUnicode_Splitlines(self, keepends);
}

static PyObject *
partition_impl(PyObject *self, PyObject *sep, int reverse)
{
    if (!PyUnicode_Check(sep)) {
        PyErr_Format(PyExc_TypeError, "must be str, not %.100s", Py_TYPE(sep)->tp_name);
        return NULL;
    }
    Py_ssize_t slen = PyUnicode_GET_LENGTH(sep), len = PyUnicode_GET_LENGTH(self);
    if (slen == 0) {
        PyErr_SetString(PyExc_ValueError, "empty separator");
        return NULL;
    }
    Py_ssize_t r = any_find(self, sep, 0, len, reverse ? -1 : 1);
    if (r == -2) {
        return NULL;
    }
    PyObject *empty = _PyUnicode_GetEmpty();
    if (r < 0) {
        PyObject *whole = PyUnicode_Substring(self, 0, len);
        if (whole == NULL) {
            return NULL;
        }
        PyObject *t = reverse ? PyTuple_Pack(3, empty, empty, whole)
                              : PyTuple_Pack(3, whole, empty, empty);
        Py_DECREF(whole);
        return t;
    }
    PyObject *a = PyUnicode_Substring(self, 0, r);
    PyObject *b = PyUnicode_Substring(self, r + slen, len);
    PyObject *t = NULL;
    if (a && b) {
        PyObject *s = PyUnicode_CheckExact(sep) ? Py_NewRef(sep) : PyUnicode_Substring(sep, 0, slen);
        if (s) {
            t = PyTuple_Pack(3, a, s, b);
            Py_DECREF(s);
        }
    }
    Py_XDECREF(a);
    Py_XDECREF(b);
    return t;
}

PyObject *
PyUnicode_Partition(PyObject *s, PyObject *sep)
{
    return partition_impl(s, sep, 0);
}

PyObject *
PyUnicode_RPartition(PyObject *s, PyObject *sep)
{
    return partition_impl(s, sep, 1);
}

static PyObject *unicode_partition(PyObject *self, PyObject *sep) { return partition_impl(self, sep, 0); }
static PyObject *unicode_rpartition(PyObject *self, PyObject *sep) { return partition_impl(self, sep, 1); }

static PyObject *
unicode_join(PyObject *self, PyObject *iterable)
{
    return PyUnicode_Join(self, iterable);
}

/* ---- strip ---------------------------------------------------------------- */

#define LEFTSTRIP 0
#define RIGHTSTRIP 1
#define BOTHSTRIP 2

static PyObject *
do_strip(PyObject *self, PyObject *const *args, Py_ssize_t nargs, int striptype)
{
    static const char *const fnames[] = {"lstrip", "rstrip", "strip"};
    if (check_nargs(fnames[striptype], nargs, 0, 1) < 0) {
        return NULL;
    }
    PyObject *chars = nargs ? args[0] : Py_None;
    if (chars != Py_None && !PyUnicode_Check(chars)) {
        PyErr_Format(PyExc_TypeError, "%s arg must be None or str", fnames[striptype]);
        return NULL;
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(self);
    int kind = PyUnicode_KIND(self);
    const void *data = PyUnicode_DATA(self);
    Py_ssize_t i = 0, j = len;
#define IS_STRIPPED(ch) (chars == Py_None ? Py_UNICODE_ISSPACE(ch) : \
        PyUnicode_FindChar(chars, (ch), 0, PyUnicode_GET_LENGTH(chars), 1) >= 0)
    if (striptype != RIGHTSTRIP) {
        while (i < len && IS_STRIPPED(PyUnicode_READ(kind, data, i))) i++;
    }
    if (striptype != LEFTSTRIP) {
        while (j > i && IS_STRIPPED(PyUnicode_READ(kind, data, j - 1))) j--;
    }
#undef IS_STRIPPED
    return PyUnicode_Substring(self, i, j);
}

static PyObject *unicode_strip(PyObject *self, PyObject *const *args, Py_ssize_t nargs) { return do_strip(self, args, nargs, BOTHSTRIP); }
static PyObject *unicode_lstrip(PyObject *self, PyObject *const *args, Py_ssize_t nargs) { return do_strip(self, args, nargs, LEFTSTRIP); }
static PyObject *unicode_rstrip(PyObject *self, PyObject *const *args, Py_ssize_t nargs) { return do_strip(self, args, nargs, RIGHTSTRIP); }

static PyObject *
unicode_removeprefix(PyObject *self, PyObject *prefix)
{
    if (check_str_arg("removeprefix", 0, prefix) < 0) {
        return NULL;
    }
    if (tailmatch(self, prefix, 0, PY_SSIZE_T_MAX, -1)) {
        return PyUnicode_Substring(self, PyUnicode_GET_LENGTH(prefix), PyUnicode_GET_LENGTH(self));
    }
    return PyUnicode_Substring(self, 0, PyUnicode_GET_LENGTH(self));
}

static PyObject *
unicode_removesuffix(PyObject *self, PyObject *suffix)
{
    if (check_str_arg("removesuffix", 0, suffix) < 0) {
        return NULL;
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(self), slen = PyUnicode_GET_LENGTH(suffix);
    if (slen && tailmatch(self, suffix, 0, PY_SSIZE_T_MAX, 1)) {
        return PyUnicode_Substring(self, 0, len - slen);
    }
    return PyUnicode_Substring(self, 0, len);
}

/* ---- padding ------------------------------------------------------------- */

static PyObject *
pad(PyObject *self, Py_ssize_t left, Py_ssize_t right, Py_UCS4 fill)
{
    if (left < 0) left = 0;
    if (right < 0) right = 0;
    Py_ssize_t len = PyUnicode_GET_LENGTH(self);
    if (left == 0 && right == 0) {
        return PyUnicode_Substring(self, 0, len);
    }
    if (left > PY_SSIZE_T_MAX - len || right > PY_SSIZE_T_MAX - (left + len)) {
        PyErr_SetString(PyExc_OverflowError, "padded string is too long");
        return NULL;
    }
    Py_UCS4 maxchar = Py_MAX(PyUnicode_MAX_CHAR_VALUE(self), fill);
    PyObject *u = PyUnicode_New(left + len + right, maxchar);
    if (u == NULL) {
        return NULL;
    }
    _PyUnicode_FastFill(u, 0, left, fill);
    _PyUnicode_FastCopyCharacters(u, left, self, 0, len);
    _PyUnicode_FastFill(u, left + len, right, fill);
    return u;
}

static int
parse_width_fill(const char *fname, PyObject *const *args, Py_ssize_t nargs,
                 Py_ssize_t *width, Py_UCS4 *fill)
{
    if (check_nargs(fname, nargs, 1, 2) < 0) {
        return -1;
    }
    if (!PyIndex_Check(args[0])) {
        PyErr_Format(PyExc_TypeError, "'%.200s' object cannot be interpreted as an integer",
                     Py_TYPE(args[0])->tp_name);
        return -1;
    }
    *width = PyNumber_AsSsize_t(args[0], PyExc_OverflowError);
    if (*width == -1 && PyErr_Occurred()) {
        return -1;
    }
    *fill = ' ';
    if (nargs > 1) {
        PyObject *f = args[1];
        if (!PyUnicode_Check(f)) {
            PyErr_Format(PyExc_TypeError,
                         "The fill character must be a unicode character, not %.50s",
                         Py_TYPE(f)->tp_name);
            return -1;
        }
        if (PyUnicode_GET_LENGTH(f) != 1) {
            PyErr_SetString(PyExc_TypeError,
                            "The fill character must be exactly one character long");
            return -1;
        }
        *fill = PyUnicode_READ_CHAR(f, 0);
    }
    return 0;
}

static PyObject *
unicode_center(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_ssize_t width;
    Py_UCS4 fill;
    if (parse_width_fill("center", args, nargs, &width, &fill) < 0) {
        return NULL;
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(self);
    if (len >= width) {
        return PyUnicode_Substring(self, 0, len);
    }
    Py_ssize_t marg = width - len;
    Py_ssize_t left = marg / 2 + (marg & width & 1);
    return pad(self, left, marg - left, fill);
}

static PyObject *
unicode_ljust(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_ssize_t width;
    Py_UCS4 fill;
    if (parse_width_fill("ljust", args, nargs, &width, &fill) < 0) {
        return NULL;
    }
    return pad(self, 0, width - PyUnicode_GET_LENGTH(self), fill);
}

static PyObject *
unicode_rjust(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_ssize_t width;
    Py_UCS4 fill;
    if (parse_width_fill("rjust", args, nargs, &width, &fill) < 0) {
        return NULL;
    }
    return pad(self, width - PyUnicode_GET_LENGTH(self), 0, fill);
}

static PyObject *
unicode_zfill(PyObject *self, PyObject *arg)
{
    if (!PyIndex_Check(arg)) {
        PyErr_Format(PyExc_TypeError, "'%.200s' object cannot be interpreted as an integer",
                     Py_TYPE(arg)->tp_name);
        return NULL;
    }
    Py_ssize_t width = PyNumber_AsSsize_t(arg, PyExc_OverflowError);
    if (width == -1 && PyErr_Occurred()) {
        return NULL;
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(self);
    if (len >= width) {
        return PyUnicode_Substring(self, 0, len);
    }
    PyObject *u = pad(self, width - len, 0, '0');
    if (u == NULL) {
        return NULL;
    }
    int kind = PyUnicode_KIND(u);
    void *data = PyUnicode_DATA(u);
    Py_ssize_t fillc = width - len;
    Py_UCS4 c = PyUnicode_READ(kind, data, fillc);
    if (c == '+' || c == '-') {
        PyUnicode_WRITE(kind, data, 0, c);
        PyUnicode_WRITE(kind, data, fillc, '0');
    }
    return u;
}

static PyObject *
unicode_expandtabs(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    static const char *const names[] = {"tabsize"};
    PyObject *a[1];
    if (_PyStr_BindArgs("expandtabs", args, nargs, kwnames, names, 1, 0, 0, a) < 0) {
        return NULL;
    }
    long tabsize = 8;
    if (a[0] != NULL) {
        if (!PyIndex_Check(a[0])) {
            PyErr_Format(PyExc_TypeError, "'%.200s' object cannot be interpreted as an integer",
                         Py_TYPE(a[0])->tp_name);
            return NULL;
        }
        tabsize = PyLong_AsLong(a[0]);
        if (tabsize == -1 && PyErr_Occurred()) {
            return NULL;
        }
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(self);
    int kind = PyUnicode_KIND(self);
    const void *data = PyUnicode_DATA(self);
    _PyUnicodeWriter w;
    _PyUnicodeWriter_Init(&w);
    w.overallocate = 1;
    w.min_length = len;
    Py_ssize_t col = 0;
    int found = 0;
    for (Py_ssize_t i = 0; i < len; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        if (ch == '\t') {
            found = 1;
            if (tabsize > 0) {
                Py_ssize_t incr = tabsize - (col % tabsize);
                if (_PyUnicodeWriter_WriteFill(&w, ' ', incr) < 0) goto fail;
                col += incr;
            }
        }
        else {
            if (_PyUnicodeWriter_WriteChar(&w, ch) < 0) goto fail;
            col++;
            if (ch == '\n' || ch == '\r') {
                col = 0;
            }
        }
    }
    if (!found && PyUnicode_CheckExact(self)) {
        _PyUnicodeWriter_Dealloc(&w);
        return Py_NewRef(self);
    }
    return _PyUnicodeWriter_Finish(&w);
fail:
    _PyUnicodeWriter_Dealloc(&w);
    return NULL;
}

/* ---- replace ------------------------------------------------------------- */

PyObject *
PyUnicode_Replace(PyObject *self, PyObject *old, PyObject *new, Py_ssize_t maxcount)
{
    if (!PyUnicode_Check(self) || !PyUnicode_Check(old) || !PyUnicode_Check(new)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    if (maxcount < 0) {
        maxcount = PY_SSIZE_T_MAX;
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(self), olen = PyUnicode_GET_LENGTH(old);
    if (maxcount == 0 || olen > len) {
        return PyUnicode_Substring(self, 0, len);
    }
    _PyUnicodeWriter w;
    _PyUnicodeWriter_Init(&w);
    w.overallocate = 1;
    w.min_length = len;
    if (olen == 0) {
        /* insert `new` before every character and at the end */
        Py_ssize_t n = 0;
        for (Py_ssize_t i = 0; i <= len; i++) {
            if (n < maxcount) {
                if (_PyUnicodeWriter_WriteStr(&w, new) < 0) goto fail;
                n++;
            }
            if (i < len && _PyUnicodeWriter_WriteSubstring(&w, self, i, i + 1) < 0) goto fail;
        }
        return _PyUnicodeWriter_Finish(&w);
    }
    Py_ssize_t pos = 0, n = 0;
    while (n < maxcount) {
        Py_ssize_t r = any_find(self, old, pos, len, 1);
        if (r == -2) goto fail;
        if (r < 0) break;
        if (_PyUnicodeWriter_WriteSubstring(&w, self, pos, r) < 0) goto fail;
        if (_PyUnicodeWriter_WriteStr(&w, new) < 0) goto fail;
        pos = r + olen;
        n++;
    }
    if (n == 0) {
        _PyUnicodeWriter_Dealloc(&w);
        return PyUnicode_Substring(self, 0, len);
    }
    if (_PyUnicodeWriter_WriteSubstring(&w, self, pos, len) < 0) goto fail;
    return _PyUnicodeWriter_Finish(&w);
fail:
    _PyUnicodeWriter_Dealloc(&w);
    return NULL;
}

static PyObject *
unicode_replace(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    static const char *const names[] = {"", "", "count"};
    PyObject *a[3];
    if (_PyStr_BindArgs("replace", args, nargs, kwnames, names, 3, 2, 2, a) < 0) {
        return NULL;
    }
    if (check_str_arg("replace", 1, a[0]) < 0 || check_str_arg("replace", 2, a[1]) < 0) {
        return NULL;
    }
    Py_ssize_t count = -1;
    if (a[2] != NULL) {
        if (!PyIndex_Check(a[2])) {
            PyErr_Format(PyExc_TypeError, "'%.200s' object cannot be interpreted as an integer",
                         Py_TYPE(a[2])->tp_name);
            return NULL;
        }
        count = PyNumber_AsSsize_t(a[2], PyExc_OverflowError);
        if (count == -1 && PyErr_Occurred()) {
            return NULL;
        }
    }
    return PyUnicode_Replace(self, a[0], a[1], count);
}

/* ---- translate / maketrans -------------------------------------------------- */

PyObject *
PyUnicode_Translate(PyObject *self, PyObject *table, const char *errors)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(self);
    int kind = PyUnicode_KIND(self);
    const void *data = PyUnicode_DATA(self);
    _PyUnicodeWriter w;
    _PyUnicodeWriter_Init(&w);
    w.overallocate = 1;
    w.min_length = len;
    for (Py_ssize_t i = 0; i < len; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        PyObject *key = PyLong_FromLong((long)ch);
        if (key == NULL) goto fail;
        PyObject *x = PyObject_GetItem(table, key);
        Py_DECREF(key);
        if (x == NULL) {
            if (PyErr_ExceptionMatches(PyExc_LookupError)) {
                PyErr_Clear();
                if (_PyUnicodeWriter_WriteChar(&w, ch) < 0) goto fail;
                continue;
            }
            goto fail;
        }
        if (x == Py_None) {
            Py_DECREF(x);
            continue;
        }
        if (PyLong_Check(x)) {
            long v = PyLong_AsLong(x);
            Py_DECREF(x);
            if (v == -1 && PyErr_Occurred()) goto fail;
            if (v < 0 || v > _Py_MAX_UNICODE) {
                PyErr_SetString(PyExc_ValueError, "character mapping must be in range(0x110000)");
                goto fail;
            }
            if (_PyUnicodeWriter_WriteChar(&w, (Py_UCS4)v) < 0) goto fail;
            continue;
        }
        if (PyUnicode_Check(x)) {
            int r = _PyUnicodeWriter_WriteStr(&w, x);
            Py_DECREF(x);
            if (r < 0) goto fail;
            continue;
        }
        Py_DECREF(x);
        PyErr_SetString(PyExc_TypeError, "character mapping must return integer, None or str");
        goto fail;
    }
    return _PyUnicodeWriter_Finish(&w);
fail:
    _PyUnicodeWriter_Dealloc(&w);
    return NULL;
}

static PyObject *
unicode_translate(PyObject *self, PyObject *table)
{
    return PyUnicode_Translate(self, table, NULL);
}

static PyObject *
unicode_maketrans(PyObject *Py_UNUSED(cls), PyObject *const *args, Py_ssize_t nargs)
{
    if (check_nargs("maketrans", nargs, 1, 3) < 0) {
        return NULL;
    }
    PyObject *x = args[0], *y = nargs > 1 ? args[1] : NULL, *z = nargs > 2 ? args[2] : NULL;
    PyObject *new = PyDict_New();
    if (new == NULL) {
        return NULL;
    }
    if (y != NULL) {
        if (!PyUnicode_Check(x)) {
            PyErr_Format(PyExc_TypeError, "maketrans() argument 1 must be str, not %.50s",
                         Py_TYPE(x)->tp_name);
            goto fail;
        }
        if (!PyUnicode_Check(y)) {
            PyErr_Format(PyExc_TypeError, "maketrans() argument 2 must be str, not %.50s",
                         Py_TYPE(y)->tp_name);
            goto fail;
        }
        if (z != NULL && !PyUnicode_Check(z)) {
            PyErr_Format(PyExc_TypeError, "maketrans() argument 3 must be str, not %.50s",
                         Py_TYPE(z)->tp_name);
            goto fail;
        }
        Py_ssize_t n = PyUnicode_GET_LENGTH(x);
        if (n != PyUnicode_GET_LENGTH(y)) {
            PyErr_SetString(PyExc_ValueError,
                            "the first two maketrans arguments must have equal length");
            goto fail;
        }
        for (Py_ssize_t i = 0; i < n; i++) {
            PyObject *k = PyLong_FromLong((long)PyUnicode_READ_CHAR(x, i));
            PyObject *v = PyLong_FromLong((long)PyUnicode_READ_CHAR(y, i));
            int r = (k && v) ? PyDict_SetItem(new, k, v) : -1;
            Py_XDECREF(k);
            Py_XDECREF(v);
            if (r < 0) goto fail;
        }
        if (z != NULL) {
            for (Py_ssize_t i = 0; i < PyUnicode_GET_LENGTH(z); i++) {
                PyObject *k = PyLong_FromLong((long)PyUnicode_READ_CHAR(z, i));
                int r = k ? PyDict_SetItem(new, k, Py_None) : -1;
                Py_XDECREF(k);
                if (r < 0) goto fail;
            }
        }
        return new;
    }
    if (!PyDict_CheckExact(x) && !PyDict_Check(x)) {
        PyErr_SetString(PyExc_TypeError,
                        "if you give only one argument to maketrans it must be a dict");
        goto fail;
    }
    Py_ssize_t pos = 0;
    PyObject *key, *value;
    while (PyDict_Next(x, &pos, &key, &value)) {
        if (PyUnicode_Check(key)) {
            if (PyUnicode_GET_LENGTH(key) != 1) {
                PyErr_SetString(PyExc_ValueError,
                                "string keys in translate table must be of length 1");
                goto fail;
            }
            PyObject *k = PyLong_FromLong((long)PyUnicode_READ_CHAR(key, 0));
            int r = k ? PyDict_SetItem(new, k, value) : -1;
            Py_XDECREF(k);
            if (r < 0) goto fail;
        }
        else if (PyLong_Check(key)) {
            if (PyDict_SetItem(new, key, value) < 0) goto fail;
        }
        else {
            PyErr_SetString(PyExc_TypeError,
                            "keys in translate table must be strings or integers");
            goto fail;
        }
    }
    return new;
fail:
    Py_DECREF(new);
    return NULL;
}

/* ---- encode / misc ----------------------------------------------------------- */

static PyObject *
unicode_encode(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    static const char *const names[] = {"encoding", "errors"};
    PyObject *a[2];
    if (_PyStr_BindArgs("encode", args, nargs, kwnames, names, 2, 0, 0, a) < 0) {
        return NULL;
    }
    const char *enc = NULL, *err = NULL;
    for (int i = 0; i < 2; i++) {
        if (a[i] == NULL) {
            continue;
        }
        if (!PyUnicode_Check(a[i])) {
            PyErr_Format(PyExc_TypeError, "encode() argument '%s' must be str, not %.50s",
                         names[i], Py_TYPE(a[i])->tp_name);
            return NULL;
        }
        const char *s = PyUnicode_AsUTF8(a[i]);
        if (s == NULL) {
            return NULL;
        }
        if (i == 0) enc = s; else err = s;
    }
    return PyUnicode_AsEncodedString(self, enc, err);
}

static PyObject *
unicode_format_spec(PyObject *self, PyObject *spec)
{
    if (!PyUnicode_Check(spec)) {
        PyErr_Format(PyExc_TypeError, "__format__() argument must be str, not %.50s",
                     Py_TYPE(spec)->tp_name);
        return NULL;
    }
    return _PyStr_FormatSpec(self, spec);
}

static PyObject *
unicode_sizeof(PyObject *self, PyObject *Py_UNUSED(a))
{
    PyUnicodeObject *u = _PyUnicode_CAST(self);
    size_t size = sizeof(PyUnicodeObject) +
                  ((size_t)u->length + 1) * (size_t)u->kind;
    if (u->utf8 != NULL && u->utf8 != (char *)u->data) {
        size += (size_t)u->utf8_length + 1;
    }
    return PyLong_FromSize_t(size);
}

static PyObject *
unicode_getnewargs(PyObject *self, PyObject *Py_UNUSED(a))
{
    PyObject *copy = _PyUnicode_Copy(self);
    if (copy == NULL) {
        return NULL;
    }
    PyObject *t = PyTuple_Pack(1, copy);
    Py_DECREF(copy);
    return t;
}

static PyObject *
unicode_format_map(PyObject *self, PyObject *mapping)
{
    return _PyUnicode_FormatMapMethod(self, mapping);
}

#define FAST (METH_FASTCALL)
#define FASTKW (METH_FASTCALL | METH_KEYWORDS)

PyMethodDef _PyUnicode_Methods[] = {
    {"encode", (PyCFunction)(void (*)(void))unicode_encode, FASTKW,
     "Encode the string using the codec registered for encoding."},
    {"replace", (PyCFunction)(void (*)(void))unicode_replace, FASTKW,
     "Return a copy with all occurrences of substring old replaced by new."},
    {"split", (PyCFunction)(void (*)(void))unicode_split, FASTKW,
     "Return a list of the substrings in the string, using sep as the separator string."},
    {"rsplit", (PyCFunction)(void (*)(void))unicode_rsplit, FASTKW,
     "Return a list of the substrings in the string, using sep as the separator string."},
    {"join", unicode_join, METH_O, "Concatenate any number of strings."},
    {"capitalize", unicode_capitalize, METH_NOARGS, "Return a capitalized version of the string."},
    {"casefold", unicode_casefold, METH_NOARGS, "Return a version of the string suitable for caseless comparisons."},
    {"title", unicode_title, METH_NOARGS, "Return a version of the string where each word is titlecased."},
    {"center", (PyCFunction)(void (*)(void))unicode_center, FAST, "Return a centered string of length width."},
    {"count", (PyCFunction)(void (*)(void))unicode_count, FAST,
     "Return the number of non-overlapping occurrences of substring sub in string S[start:end]."},
    {"expandtabs", (PyCFunction)(void (*)(void))unicode_expandtabs, FASTKW,
     "Return a copy where all tab characters are expanded using spaces."},
    {"find", (PyCFunction)(void (*)(void))unicode_find, FAST,
     "Return the lowest index in S where substring sub is found."},
    {"partition", unicode_partition, METH_O, "Partition the string into three parts using the given separator."},
    {"index", (PyCFunction)(void (*)(void))unicode_index, FAST,
     "Return the lowest index in S where substring sub is found; raise ValueError if not found."},
    {"ljust", (PyCFunction)(void (*)(void))unicode_ljust, FAST, "Return a left-justified string of length width."},
    {"lower", unicode_lower, METH_NOARGS, "Return a copy of the string converted to lowercase."},
    {"lstrip", (PyCFunction)(void (*)(void))unicode_lstrip, FAST, "Return a copy of the string with leading whitespace removed."},
    {"rfind", (PyCFunction)(void (*)(void))unicode_rfind, FAST,
     "Return the highest index in S where substring sub is found."},
    {"rindex", (PyCFunction)(void (*)(void))unicode_rindex, FAST,
     "Return the highest index in S where substring sub is found; raise ValueError if not found."},
    {"rjust", (PyCFunction)(void (*)(void))unicode_rjust, FAST, "Return a right-justified string of length width."},
    {"rstrip", (PyCFunction)(void (*)(void))unicode_rstrip, FAST, "Return a copy of the string with trailing whitespace removed."},
    {"rpartition", unicode_rpartition, METH_O, "Partition the string into three parts using the given separator."},
    {"splitlines", (PyCFunction)(void (*)(void))unicode_splitlines, FASTKW,
     "Return a list of the lines in the string, breaking at line boundaries."},
    {"strip", (PyCFunction)(void (*)(void))unicode_strip, FAST,
     "Return a copy of the string with leading and trailing whitespace removed."},
    {"swapcase", unicode_swapcase, METH_NOARGS, "Convert uppercase characters to lowercase and lowercase characters to uppercase."},
    {"translate", unicode_translate, METH_O, "Replace each character in the string using the given translation table."},
    {"upper", unicode_upper, METH_NOARGS, "Return a copy of the string converted to uppercase."},
    {"startswith", (PyCFunction)(void (*)(void))unicode_startswith, FAST,
     "Return True if the string starts with the specified prefix, False otherwise."},
    {"endswith", (PyCFunction)(void (*)(void))unicode_endswith, FAST,
     "Return True if the string ends with the specified suffix, False otherwise."},
    {"removeprefix", unicode_removeprefix, METH_O, "Return a str with the given prefix string removed if present."},
    {"removesuffix", unicode_removesuffix, METH_O, "Return a str with the given suffix string removed if present."},
    {"isascii", unicode_isascii, METH_NOARGS, "Return True if all characters in the string are ASCII, False otherwise."},
    {"islower", unicode_islower, METH_NOARGS, "Return True if the string is a lowercase string, False otherwise."},
    {"isupper", unicode_isupper, METH_NOARGS, "Return True if the string is an uppercase string, False otherwise."},
    {"istitle", unicode_istitle, METH_NOARGS, "Return True if the string is a title-cased string, False otherwise."},
    {"isspace", unicode_isspace, METH_NOARGS, "Return True if the string is a whitespace string, False otherwise."},
    {"isdecimal", unicode_isdecimal, METH_NOARGS, "Return True if the string is a decimal string, False otherwise."},
    {"isdigit", unicode_isdigit, METH_NOARGS, "Return True if the string is a digit string, False otherwise."},
    {"isnumeric", unicode_isnumeric, METH_NOARGS, "Return True if the string is a numeric string, False otherwise."},
    {"isalpha", unicode_isalpha, METH_NOARGS, "Return True if the string is an alphabetic string, False otherwise."},
    {"isalnum", unicode_isalnum, METH_NOARGS, "Return True if the string is an alpha-numeric string, False otherwise."},
    {"isidentifier", unicode_isidentifier, METH_NOARGS, "Return True if the string is a valid Python identifier, False otherwise."},
    {"isprintable", unicode_isprintable, METH_NOARGS, "Return True if the string is printable, False otherwise."},
    {"zfill", unicode_zfill, METH_O, "Pad a numeric string with zeros on the left, to fill a field of the given width."},
    {"format", (PyCFunction)(void (*)(void))_PyUnicode_FormatMethod, FASTKW,
     "Return a formatted version of S, using substitutions from args and kwargs."},
    {"format_map", unicode_format_map, METH_O,
     "Return a formatted version of S, using substitutions from mapping."},
    {"__format__", unicode_format_spec, METH_O, "Return a formatted version of the string as described by format_spec."},
    {"maketrans", (PyCFunction)(void (*)(void))unicode_maketrans, METH_FASTCALL | METH_STATIC,
     "Return a translation table usable for str.translate()."},
    {"__sizeof__", unicode_sizeof, METH_NOARGS, "Return the size of the string in memory, in bytes."},
    {"__getnewargs__", unicode_getnewargs, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};
