/* test_unicode.c: str through the C API: creation from UTF-8 of every
 * width, the compact representation, interning and identifiers, hashing
 * and comparison, _PyUnicodeWriter, PyUnicode_FromFormat, and a table of
 * method / repr / case-mapping / formatting cases whose expected values
 * were produced by CPython 3.13 (str_cases.h, Tools/gen_str_tests.py). */
#include "str_test_helpers.h"
#include "str_cases.h"

TestSuite(unicode, .init = weft_setup);

Test(unicode, widths_from_utf8)
{
    PyObject *a = PyUnicode_FromString("hello");
    PyObject *l = PyUnicode_FromString("h\xc3\xa9llo");           /* é: Latin-1 */
    PyObject *u = PyUnicode_FromString("\xe2\x82\xac 5");         /* €: 2 bytes */
    PyObject *w = PyUnicode_FromString("x\xf0\x9f\x98\x80");      /* 😀: 4 bytes */
    cr_assert(PyUnicode_IS_ASCII(a));
    cr_assert_eq(PyUnicode_KIND(a), PyUnicode_1BYTE_KIND);
    cr_assert(!PyUnicode_IS_ASCII(l));
    cr_assert_eq(PyUnicode_KIND(l), PyUnicode_1BYTE_KIND);
    cr_assert_eq(PyUnicode_GET_LENGTH(l), 5);
    cr_assert_eq(PyUnicode_READ_CHAR(l, 1), 0xe9);
    cr_assert_eq(PyUnicode_KIND(u), PyUnicode_2BYTE_KIND);
    cr_assert_eq(PyUnicode_READ_CHAR(u, 0), 0x20ac);
    cr_assert_eq(PyUnicode_KIND(w), PyUnicode_4BYTE_KIND);
    cr_assert_eq(PyUnicode_GET_LENGTH(w), 2);
    cr_assert_eq(PyUnicode_READ_CHAR(w, 1), 0x1F600);
    Py_ssize_t n;
    const char *s = PyUnicode_AsUTF8AndSize(w, &n);
    cr_assert_eq(n, 5);
    cr_assert_str_eq(s, "x\xf0\x9f\x98\x80");
    /* the cached copy is returned again */
    cr_assert_eq(PyUnicode_AsUTF8(w), s);
    cr_assert_str_eq(weft_repr_utf8(u), "'\xe2\x82\xac 5'");
    /* invalid UTF-8 raises the codec error */
    cr_assert_null(PyUnicode_FromString("a\xff"));
    cr_assert_str_eq(weft_error_utf8(),
                     "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in position 1: invalid start byte");
    /* lone surrogates cannot be UTF-8 encoded */
    PyObject *sur = PyUnicode_DecodeUTF8("\xed\xa0\x80", 3, "surrogatepass");
    cr_assert_not_null(sur);
    cr_assert_null(PyUnicode_AsUTF8(sur));
    cr_assert_str_eq(weft_error_utf8(),
                     "UnicodeEncodeError: 'utf-8' codec can't encode character '\\ud800' in position 0: surrogates not allowed");
}

Test(unicode, singletons_and_interning)
{
    PyObject *e1 = PyUnicode_FromString("");
    PyObject *e2 = PyUnicode_New(0, 0);
    cr_assert_eq(e1, e2);
    PyObject *c1 = PyUnicode_FromString("\xc3\xa9");
    PyObject *c2 = PyUnicode_FromOrdinal(0xe9);
    cr_assert_eq(c1, c2, "Latin-1 single characters are cached");
    cr_assert(_Py_IsImmortal(c1));
    PyObject *a = PyUnicode_FromString("some_identifier");
    PyObject *b = PyUnicode_FromString("some_identifier");
    cr_assert_neq(a, b);
    PyUnicode_InternInPlace(&a);
    PyUnicode_InternInPlace(&b);
    cr_assert_eq(a, b);
    cr_assert(PyUnicode_CHECK_INTERNED(a));
    cr_assert(_Py_IsImmortal(a));
    cr_assert_eq(PyUnicode_InternFromString("some_identifier"), a);
    _Py_IDENTIFIER(some_identifier);
    cr_assert_eq(_PyUnicode_FromId(&PyId_some_identifier), a);
    cr_assert_eq(_PyUnicode_FromId(&PyId_some_identifier), a);
    cr_assert(_PyUnicode_EqualToASCIIId(a, &PyId_some_identifier));
    cr_assert_null(PyUnicode_FromOrdinal(0x110000));
    cr_assert_str_eq(weft_error_utf8(), "ValueError: chr() arg not in range(0x110000)");
}

Test(unicode, hash_and_compare)
{
    PyObject *a = PyUnicode_FromString("abc\xc3\xa9");
    PyObject *b = PyUnicode_Concat(PyUnicode_FromString("ab"), PyUnicode_FromString("c\xc3\xa9"));
    cr_assert(_PyUnicode_Equal(a, b));
    cr_assert_eq(PyObject_Hash(a), PyObject_Hash(b));
    cr_assert_neq(PyObject_Hash(a), -1);
    /* str and bytes hash alike for ASCII, as in CPython */
    cr_assert_eq(PyObject_Hash(PyUnicode_FromString("xyz")),
                 PyObject_Hash(PyBytes_FromString("xyz")));
    cr_assert_eq(PyUnicode_Compare(PyUnicode_FromString("a"), PyUnicode_FromString("b")), -1);
    cr_assert_eq(PyUnicode_Compare(PyUnicode_FromString("\xe2\x82\xac"), PyUnicode_FromString("z")), 1);
    cr_assert_eq(PyUnicode_Compare(PyUnicode_FromString("ab"), PyUnicode_FromString("abc")), -1);
    cr_assert_eq(PyUnicode_CompareWithASCIIString(a, "abc"), 1);
    cr_assert(PyUnicode_EqualToUTF8(a, "abc\xc3\xa9"));
    cr_assert(!PyUnicode_EqualToUTF8(a, "abc"));
    cr_assert_eq(PyObject_RichCompareBool(PyUnicode_FromString("\xf0\x9f\x98\x80"),
                                          PyUnicode_FromString("\xef\xbf\xbf"), Py_GT), 1);
}

Test(unicode, writer)
{
    _PyUnicodeWriter w;
    _PyUnicodeWriter_Init(&w);
    w.overallocate = 1;
    cr_assert_eq(_PyUnicodeWriter_WriteASCIIString(&w, "abc", -1), 0);
    cr_assert_eq(_PyUnicodeWriter_WriteChar(&w, 0xe9), 0);
    cr_assert_eq(_PyUnicodeWriter_WriteStr(&w, PyUnicode_FromString("\xe2\x82\xac")), 0);
    cr_assert_eq(_PyUnicodeWriter_WriteChar(&w, 0x1F600), 0);
    cr_assert_eq(_PyUnicodeWriter_WriteLatin1String(&w, "\xff", 1), 0);
    cr_assert_eq(_PyUnicodeWriter_WriteFill(&w, '-', 3), 0);
    PyObject *s = _PyUnicodeWriter_Finish(&w);
    cr_assert_str_eq(weft_repr_utf8(s), "'abc\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\xc3\xbf---'");
    cr_assert_eq(PyUnicode_KIND(s), PyUnicode_4BYTE_KIND);
    /* a long ASCII build stays ASCII */
    _PyUnicodeWriter_Init(&w);
    w.overallocate = 1;
    for (int i = 0; i < 10000; i++) {
        _PyUnicodeWriter_WriteASCIIString(&w, "xy", 2);
    }
    s = _PyUnicodeWriter_Finish(&w);
    cr_assert_eq(PyUnicode_GET_LENGTH(s), 20000);
    cr_assert(PyUnicode_IS_ASCII(s));
    cr_assert_str_eq(PyUnicode_AsUTF8(s) + 19996, "xyxy");
    _PyUnicodeWriter_Init(&w);
    cr_assert_eq(_PyUnicodeWriter_Finish(&w), PyUnicode_FromString(""));
}

Test(unicode, from_format)
{
    PyObject *obj = PyUnicode_FromString("\xc3\xa9x");
    PyObject *s = PyUnicode_FromFormat("%d|%5i|%-4u|%03d|%ld|%zd|%zu|%lld|%x|%c|%%|%s|%.2s|%U|%S|%R|%A|%V|%V",
                                       -7, 42, 3u, 5, -123456789L, (Py_ssize_t)-1, (size_t)9,
                                       1234567890123LL, 255u, 0x20ac, "utf8 \xc3\xa9", "abc",
                                       obj, obj, obj, obj, obj, "unused", NULL, "fallback");
    cr_assert_str_eq(weft_str_utf8(s),
                     "-7|   42|3   |005|-123456789|-1|9|1234567890123|ff|\xe2\x82\xac|%|utf8 \xc3\xa9|ab|"
                     "\xc3\xa9x|\xc3\xa9x|'\xc3\xa9x'|'\\xe9x'|\xc3\xa9x|fallback");
    s = PyUnicode_FromFormat("%10s|%-6.3R|%p", "right", obj, (void *)0x1234);
    cr_assert_str_eq(weft_str_utf8(s), "     right|'\xc3\xa9x   |0x1234");
    cr_assert_null(PyUnicode_FromFormat("%q", 1));
    cr_assert_str_eq(weft_error_utf8(), "SystemError: invalid format string: %q");
}

Test(unicode, api_functions)
{
    PyObject *s = PyUnicode_FromString("a,b,,c");
    PyObject *sep = PyUnicode_FromString(",");
    PyObject *parts = PyUnicode_Split(s, sep, -1);
    cr_assert_str_eq(weft_repr_utf8(parts), "['a', 'b', '', 'c']");
    cr_assert_str_eq(weft_repr_utf8(PyUnicode_Join(PyUnicode_FromString("+"), parts)), "'a+b++c'");
    cr_assert_str_eq(weft_repr_utf8(PyUnicode_RSplit(s, sep, 1)), "['a,b,', 'c']");
    cr_assert_str_eq(weft_repr_utf8(PyUnicode_Substring(s, 2, 4)), "'b,'");
    cr_assert_eq(PyUnicode_Find(s, sep, 0, 100, 1), 1);
    cr_assert_eq(PyUnicode_Find(s, sep, 0, 100, -1), 4);
    cr_assert_eq(PyUnicode_FindChar(s, 'c', 0, 6, 1), 5);
    cr_assert_eq(PyUnicode_Count(s, sep, 0, PY_SSIZE_T_MAX), 3);
    cr_assert_eq(PyUnicode_Tailmatch(s, PyUnicode_FromString("a,"), 0, 6, -1), 1);
    cr_assert_eq(PyUnicode_Contains(s, PyUnicode_FromString(",,")), 1);
    cr_assert_str_eq(weft_repr_utf8(PyUnicode_Replace(s, sep, PyUnicode_FromString("--"), 2)),
                     "'a--b--,c'");
    cr_assert_str_eq(weft_repr_utf8(PyUnicode_Format(PyUnicode_FromString("%s=%d"),
                                                     T(2, PyUnicode_FromString("x"), PyLong_FromLong(3)))),
                     "'x=3'");
    Py_UCS4 buf[8];
    cr_assert_not_null(PyUnicode_AsUCS4(PyUnicode_FromString("\xf0\x9f\x98\x80z"), buf, 8, 1));
    cr_assert_eq(buf[0], 0x1F600);
    cr_assert_eq(buf[1], 'z');
    cr_assert_eq(buf[2], 0);
    cr_assert_eq(PyUnicode_IsIdentifier(PyUnicode_FromString("_x1")), 1);
    cr_assert_eq(PyUnicode_IsIdentifier(PyUnicode_FromString("1x")), 0);
    PyObject *t = _PyUnicode_TransformDecimalAndSpaceToASCII(
        PyUnicode_FromString("\xd9\xa1\xd9\xa2\xe2\x80\x83""3"));   /* ١٢<em space>3 */
    cr_assert_str_eq(PyUnicode_AsUTF8(t), "12 3");
    /* str(bytes, encoding, errors) */
    PyObject *args = T(3, PyBytes_FromString("a\xff"), PyUnicode_FromString("utf-8"),
                       PyUnicode_FromString("replace"));
    cr_assert_str_eq(weft_repr_utf8(PyObject_Call((PyObject *)&PyUnicode_Type, args, NULL)),
                     "'a\xef\xbf\xbd'");
    args = T(2, PyUnicode_FromString("x"), PyUnicode_FromString("utf-8"));
    cr_assert_null(PyObject_Call((PyObject *)&PyUnicode_Type, args, NULL));
    cr_assert_str_eq(weft_error_utf8(), "TypeError: decoding str is not supported");
}

Test(unicode, iteration_and_slicing)
{
    PyObject *s = PyUnicode_FromString("a\xc3\xa9\xf0\x9f\x98\x80");
    PyObject *it = PyObject_GetIter(s);
    cr_assert_not_null(it);
    cr_assert_str_eq(weft_repr_utf8(PyIter_Next(it)), "'a'");
    cr_assert_str_eq(weft_repr_utf8(PyIter_Next(it)), "'\xc3\xa9'");
    cr_assert_str_eq(weft_repr_utf8(PyIter_Next(it)), "'\xf0\x9f\x98\x80'");
    cr_assert_null(PyIter_Next(it));
    cr_assert_null(PyErr_Occurred());
    PyObject *rev = PyObject_GetItem(s, PySlice_New(NULL, NULL, PyLong_FromLong(-1)));
    cr_assert_str_eq(weft_repr_utf8(rev), "'\xf0\x9f\x98\x80\xc3\xa9""a'");
    /* narrowing: the slice without the emoji is 1-byte */
    PyObject *sub = PyObject_GetItem(s, PySlice_New(NULL, PyLong_FromLong(2), NULL));
    cr_assert_eq(PyUnicode_KIND(sub), PyUnicode_1BYTE_KIND);
}

Test(unicode, cases_from_cpython)
{
    RUN_CASES(STR_CASES);
}

Test(unicode, formatting_from_cpython)
{
    RUN_CASES(FORMAT_CASES);
}

/* ---- threads: interning, the UTF-8 cache and bytearray mutation are safe
 * when several threads do them at once (free-threaded build especially). */
#include "thread_helpers.h"

#define NTHREADS 4
#define NSTRINGS 200

static PyObject *shared_str;
static PyObject *shared_ba;
static PyObject *interned_results[NTHREADS][NSTRINGS];
static const char *utf8_results[NTHREADS];

static void
str_worker(void *arg)
{
    int id = (int)(intptr_t)arg;
    for (int i = 0; i < NSTRINGS; i++) {
        char buf[64];
        snprintf(buf, sizeof buf, "thread_interned_name_%d", i);
        interned_results[id][i] = PyUnicode_InternFromString(buf);
    }
    utf8_results[id] = PyUnicode_AsUTF8(shared_str);
    for (int i = 0; i < 1000; i++) {
        PyObject *r = PyObject_CallMethod(shared_ba, "append", "i", 'a' + id);
        Py_XDECREF(r);
    }
}

Test(unicode, concurrent_intern_utf8_bytearray)
{
    shared_str = PyUnicode_FromString("shared \xc3\xa9\xe2\x82\xac string");
    shared_ba = PyByteArray_FromStringAndSize(NULL, 0);
    pthread_t th[NTHREADS];
    for (int i = 0; i < NTHREADS; i++) {
        th[i] = th_start(str_worker, (void *)(intptr_t)i);
    }
    for (int i = 0; i < NTHREADS; i++) {
        th_join(th[i]);
    }
    for (int i = 0; i < NSTRINGS; i++) {
        cr_assert_not_null(interned_results[0][i]);
        for (int t = 1; t < NTHREADS; t++) {
            cr_assert_eq(interned_results[t][i], interned_results[0][i],
                         "every thread got the same interned object");
        }
    }
    for (int t = 1; t < NTHREADS; t++) {
        cr_assert_eq(utf8_results[t], utf8_results[0], "one UTF-8 buffer is published");
    }
    cr_assert_str_eq(utf8_results[0], "shared \xc3\xa9\xe2\x82\xac string");
    cr_assert_eq(PyByteArray_GET_SIZE(shared_ba), NTHREADS * 1000, "no append was lost");
    int counts[NTHREADS] = {0};
    for (Py_ssize_t i = 0; i < PyByteArray_GET_SIZE(shared_ba); i++) {
        counts[PyByteArray_AS_STRING(shared_ba)[i] - 'a']++;
    }
    for (int t = 0; t < NTHREADS; t++) {
        cr_assert_eq(counts[t], 1000);
    }
}
