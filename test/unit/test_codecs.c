/* test_codecs.c: the built-in codecs (Python/codecs.c) through the C API:
 * utf-8/16/32, ascii, latin-1, unicode_escape, BOM handling, stateful
 * UTF-8, every error handler, and CPython's exception messages and
 * positions.  Expected values from CPython 3.13. */
#include "str_test_helpers.h"

TestSuite(codecs, .init = weft_setup);

static const char *
bytes_repr(PyObject *b)
{
    return weft_repr_utf8(b);
}

static const char *
enc(const char *utf8, const char *encoding, const char *errors)
{
    PyObject *s = S(utf8);
    PyObject *b = PyUnicode_AsEncodedString(s, encoding, errors);
    return b ? bytes_repr(b) : weft_error_utf8();
}

static const char *
dec(const char *bytes, Py_ssize_t n, const char *encoding, const char *errors)
{
    PyObject *s = PyUnicode_Decode(bytes, n, encoding, errors);
    return s ? weft_repr_utf8(s) : weft_error_utf8();
}

Test(codecs, utf16_utf32_bom)
{
    cr_assert_str_eq(enc("a\xe2\x82\xac" "b", "utf-16", NULL), "b'\\xff\\xfea\\x00\\xac b\\x00'");
    cr_assert_str_eq(enc("a\xf0\x9f\x98\x80", "utf-16-be", NULL), "b'\\x00a\\xd8=\\xde\\x00'");
    cr_assert_str_eq(enc("a", "utf-32", NULL), "b'\\xff\\xfe\\x00\\x00a\\x00\\x00\\x00'");
    cr_assert_str_eq(enc("a", "UTF_32-LE", NULL), "b'a\\x00\\x00\\x00'");
    cr_assert_str_eq(dec("\xfe\xff\x00" "a\xd8=\xde\x00", 8, "utf-16", NULL), "'a\xf0\x9f\x98\x80'");
    int bo = 0;
    PyObject *s = PyUnicode_DecodeUTF16("\xfe\xff\x00z", 4, NULL, &bo);
    cr_assert_str_eq(weft_repr_utf8(s), "'z'");
    cr_assert_eq(bo, 1, "the BOM sets the byte order");
    bo = -1;
    s = PyUnicode_DecodeUTF16("\xff\xfe", 2, NULL, &bo);
    cr_assert_str_eq(weft_repr_utf8(s), "'\\ufeff'", "with a fixed order the BOM is a ZWNBSP");
    cr_assert_str_eq(weft_repr_utf8(PyUnicode_AsUTF16String(S("hi"))), "b'\\xff\\xfeh\\x00i\\x00'");
    cr_assert_str_eq(weft_repr_utf8(PyUnicode_AsUTF32String(S("h"))), "b'\\xff\\xfe\\x00\\x00h\\x00\\x00\\x00'");
    /* a UTF-8 BOM is kept by 'utf-8' */
    cr_assert_str_eq(dec("\xef\xbb\xbf" "a", 4, "utf-8", NULL), "'\\ufeffa'");
}

Test(codecs, decode_error_handlers)
{
    cr_assert_str_eq(dec("a\xff\xfe" "b", 4, "utf-8", "surrogateescape"), "'a\\udcff\\udcfeb'");
    cr_assert_str_eq(dec("\xe2\x82", 2, "utf-8", "ignore"), "''");
    cr_assert_str_eq(dec("a\x80" "b", 3, "utf-8", "backslashreplace"), "'a\\\\x80b'");
    cr_assert_str_eq(dec("a\x80" "b", 3, "utf-8", "replace"), "'a\xef\xbf\xbd" "b'");
    cr_assert_str_eq(dec("a", 1, "utf-8", "nope"), "'a'", "the handler is looked up only on error");
    cr_assert_str_eq(dec("\xff", 1, "utf-8", "nope"), "LookupError: unknown error handler name 'nope'");
    cr_assert_str_eq(dec("ab\xff\xfe", 4, "ascii", NULL),
                     "UnicodeDecodeError: 'ascii' codec can't decode byte 0xff in position 2: ordinal not in range(128)");
    cr_assert_str_eq(dec("\xff", 1, "latin-1", NULL), "'\xc3\xbf'");
    cr_assert_str_eq(dec("x", 1, "no-such-codec", NULL), "LookupError: unknown encoding: no-such-codec");
    /* the exception carries the range */
    PyObject *r = PyUnicode_DecodeUTF8("ab\xe2\x82x", 5, NULL);
    cr_assert_null(r);
    PyObject *exc = PyErr_GetRaisedException();
    Py_ssize_t start, end;
    cr_assert_eq(PyUnicodeDecodeError_GetStart(exc, &start), 0);
    cr_assert_eq(PyUnicodeDecodeError_GetEnd(exc, &end), 0);
    cr_assert_eq(start, 2);
    cr_assert_eq(end, 4);
    cr_assert_str_eq(weft_str_utf8(exc),
                     "'utf-8' codec can't decode bytes in position 2-3: invalid continuation byte");
}

Test(codecs, encode_error_handlers)
{
    cr_assert_str_eq(enc("a\xed\xb3\xbf\xed\xb3\xbe" "b", "utf-8", "surrogateescape"), "b'a\\xff\\xfeb'");
    cr_assert_str_eq(enc("\xe2\x82\xac\xf0\x9f\x98\x80", "latin-1", "backslashreplace"),
                     "b'\\\\u20ac\\\\U0001f600'");
    cr_assert_str_eq(enc("x\xe2\x82\xac", "ascii", "xmlcharrefreplace"), "b'x&#8364;'");
    cr_assert_str_eq(enc("x\xe2\x82\xacy", "ascii", "replace"), "b'x?y'");
    cr_assert_str_eq(enc("x\xe2\x82\xacy", "ascii", "ignore"), "b'xy'");
    cr_assert_str_eq(enc("a\xed\xa0\x80", "utf-8", "surrogatepass"), "b'a\\xed\\xa0\\x80'");
    cr_assert_str_eq(enc("a\xed\xa0\x80", "utf-16-le", "replace"), "b'a\\x00?\\x00'");
    cr_assert_str_eq(enc("\xe2\x82\xac", "latin-1", NULL),
                     "UnicodeEncodeError: 'latin-1' codec can't encode character '\\u20ac' in position 0: ordinal not in range(256)");
    PyObject *b = PyUnicode_AsEncodedString(S("ab\xe2\x82\xac\xe2\x82\xac" "c"), "ascii", NULL);
    cr_assert_null(b);
    PyObject *exc = PyErr_GetRaisedException();
    Py_ssize_t start, end;
    PyUnicodeEncodeError_GetStart(exc, &start);
    PyUnicodeEncodeError_GetEnd(exc, &end);
    cr_assert_eq(start, 2);
    cr_assert_eq(end, 4);
    cr_assert_str_eq(weft_str_utf8(exc),
                     "'ascii' codec can't encode characters in position 2-3: ordinal not in range(128)");
    cr_assert_str_eq(enc("\xe2\x82\xac", "ascii", "bogus"), "LookupError: unknown error handler name 'bogus'");
}

Test(codecs, stateful_and_fs)
{
    Py_ssize_t consumed = -1;
    PyObject *s = PyUnicode_DecodeUTF8Stateful("a\xe2\x82", 3, NULL, &consumed);
    cr_assert_str_eq(weft_repr_utf8(s), "'a'");
    cr_assert_eq(consumed, 1, "an incomplete tail is left for the next call");
    s = PyUnicode_DecodeUTF8Stateful("a\xe2\x82\xac", 4, NULL, &consumed);
    cr_assert_eq(consumed, 4);
    /* file system encoding: UTF-8 with surrogateescape, round trip */
    PyObject *name = PyUnicode_DecodeFSDefault("caf\xe9.txt");
    cr_assert_str_eq(weft_repr_utf8(name), "'caf\\udce9.txt'");
    PyObject *back = PyUnicode_EncodeFSDefault(name);
    cr_assert_str_eq(PyBytes_AS_STRING(back), "caf\xe9.txt");
    /* unicode_escape both ways */
    cr_assert_str_eq(enc("a\n\xc3\xa9\xf0\x9f\x98\x80\\", "unicode_escape", NULL),
                     "b'a\\\\n\\\\xe9\\\\U0001f600\\\\\\\\'");
    cr_assert_str_eq(dec("\\n\\x41\\u00e9\\101", 16, "unicode_escape", NULL), "'\\nA\xc3\xa9" "A'");
}
