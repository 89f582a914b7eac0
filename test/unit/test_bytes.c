/* test_bytes.c: bytes and bytearray through the C API, plus a table of
 * method / repr / formatting / codec cases whose expected values were
 * produced by CPython 3.13 (str_cases.h, Tools/gen_str_tests.py). */
#include "str_test_helpers.h"
#include "str_cases.h"

TestSuite(bytes, .init = weft_setup);

Test(bytes, basics)
{
    PyObject *b = PyBytes_FromStringAndSize("a\0b", 3);
    cr_assert_eq(PyBytes_GET_SIZE(b), 3);
    cr_assert_eq(PyBytes_AS_STRING(b)[3], '\0');
    cr_assert_str_eq(weft_repr_utf8(b), "b'a\\x00b'");
    char *s;
    cr_assert_eq(PyBytes_AsStringAndSize(b, &s, NULL), -1);
    cr_assert_str_eq(weft_error_utf8(), "ValueError: embedded null byte");
    cr_assert_eq(PyBytes_FromStringAndSize(NULL, 0), PyBytes_FromString(""));
    cr_assert_eq(PyBytes_FromString("x"), PyBytes_FromString("x"), "single bytes are cached");
    PyObject *c = PyBytes_FromString("abc");
    PyBytes_Concat(&c, PyBytes_FromString("def"));
    cr_assert_str_eq(weft_repr_utf8(c), "b'abcdef'");
    PyObject *r = PyBytes_FromStringAndSize(NULL, 10);
    memcpy(PyBytes_AS_STRING(r), "0123456789", 10);
    cr_assert_eq(_PyBytes_Resize(&r, 4), 0);
    cr_assert_str_eq(weft_repr_utf8(r), "b'0123'");
    cr_assert_str_eq(weft_repr_utf8(PyBytes_FromFormat("%d-%s", 5, "x")), "b'5-x'");
    PyObject *d = PyBytes_DecodeEscape("a\\x41\\n\\101\\q", 13, NULL, 0, NULL);
    cr_assert_str_eq(weft_repr_utf8(d), "b'aA\\nA\\\\q'");
    /* bytes() constructor forms */
    cr_assert_str_eq(weft_repr_utf8(PyObject_CallOneArg((PyObject *)&PyBytes_Type, PyLong_FromLong(3))),
                     "b'\\x00\\x00\\x00'");
    cr_assert_str_eq(weft_repr_utf8(PyObject_CallOneArg((PyObject *)&PyBytes_Type,
                                                        L(2, I(104), I(105)))), "b'hi'");
    cr_assert_null(PyObject_CallOneArg((PyObject *)&PyBytes_Type, L(1, I(256))));
    cr_assert_str_eq(weft_error_utf8(), "ValueError: bytes must be in range(0, 256)");
    cr_assert_null(PyObject_CallOneArg((PyObject *)&PyBytes_Type, S("x")));
    cr_assert_str_eq(weft_error_utf8(), "TypeError: string argument without an encoding");
    cr_assert_null(PyObject_CallOneArg((PyObject *)&PyBytes_Type, I(-1)));
    cr_assert_str_eq(weft_error_utf8(), "ValueError: negative count");
    cr_assert_null(PyObject_CallOneArg((PyObject *)&PyBytes_Type, F(1.5)));
    cr_assert_str_eq(weft_error_utf8(), "TypeError: cannot convert 'float' object to bytes");
    cr_assert_eq(PyObject_Hash(PyBytes_FromString("")), 0);
}

Test(bytes, bytearray_mutation)
{
    PyObject *ba = PyByteArray_FromStringAndSize("hello", 5);
    cr_assert_str_eq(weft_repr_utf8(ba), "bytearray(b'hello')");
    cr_assert_eq(PyObject_SetItem(ba, I(0), I(72)), 0);
    cr_assert_eq(PyObject_SetItem(ba, SL(I(1), I(3), N), B("EYY", 3)), 0);
    cr_assert_str_eq(weft_repr_utf8(ba), "bytearray(b'HEYYlo')");
    cr_assert_eq(PyObject_DelItem(ba, SL(N, N, I(2))), 0);
    cr_assert_str_eq(weft_repr_utf8(ba), "bytearray(b'EYo')");
    cr_assert_eq(PyObject_SetItem(ba, SL(N, N, I(-1)), B("abc", 3)), 0);
    cr_assert_str_eq(weft_repr_utf8(ba), "bytearray(b'cba')");
    cr_assert_eq(PyObject_SetItem(ba, SL(N, N, I(2)), B("abc", 3)), -1);
    cr_assert_str_eq(weft_error_utf8(),
                     "ValueError: attempt to assign bytes of size 3 to extended slice of size 2");
    cr_assert_eq(PyObject_SetItem(ba, I(0), I(256)), -1);
    cr_assert_str_eq(weft_error_utf8(), "ValueError: byte must be in range(0, 256)");
    cr_assert_not_null(PyObject_CallMethod(ba, "append", "i", 33));
    cr_assert_not_null(PyObject_CallMethod(ba, "extend", "O", L(2, I(63), I(63))));
    cr_assert_not_null(PyObject_CallMethod(ba, "insert", "ii", 0, 62));
    cr_assert_str_eq(weft_repr_utf8(ba), "bytearray(b'>cba!?\?')");
    cr_assert_str_eq(weft_repr_utf8(PyObject_CallMethod(ba, "pop", NULL)), "63");
    cr_assert_str_eq(weft_repr_utf8(PyObject_CallMethod(ba, "pop", "i", 0)), "62");
    cr_assert_not_null(PyObject_CallMethod(ba, "remove", "i", 98));
    cr_assert_null(PyObject_CallMethod(ba, "remove", "i", 120));
    cr_assert_str_eq(weft_error_utf8(), "ValueError: value not found in bytearray");
    cr_assert_not_null(PyObject_CallMethod(ba, "reverse", NULL));
    cr_assert_str_eq(weft_repr_utf8(ba), "bytearray(b'?!ac')");
    PyObject *r = PyNumber_InPlaceAdd(ba, B("xyz", 3));
    cr_assert_eq(r, ba);
    r = PyNumber_InPlaceMultiply(ba, I(2));
    cr_assert_str_eq(weft_repr_utf8(ba), "bytearray(b'?!acxyz?!acxyz')");
    /* deleting from the front, then growing again */
    cr_assert_eq(PyObject_DelItem(ba, SL(N, I(10), N)), 0);
    cr_assert_str_eq(weft_repr_utf8(ba), "bytearray(b'cxyz')");
    for (int i = 0; i < 1000; i++) {
        PyObject_CallMethod(ba, "append", "i", 'a' + i % 26);
    }
    cr_assert_eq(PyByteArray_GET_SIZE(ba), 1004);
    cr_assert_eq(PyByteArray_AS_STRING(ba)[1003], 'a' + 999 % 26);
    /* an exported buffer forbids resizing */
    Py_buffer view;
    cr_assert_eq(PyObject_GetBuffer(ba, &view, PyBUF_SIMPLE), 0);
    cr_assert_null(PyObject_CallMethod(ba, "append", "i", 1));
    cr_assert_str_eq(weft_error_utf8(),
                     "BufferError: Existing exports of data: object cannot be re-sized");
    PyBuffer_Release(&view);
    cr_assert_not_null(PyObject_CallMethod(ba, "clear", NULL));
    cr_assert_eq(PyByteArray_GET_SIZE(ba), 0);
    cr_assert_eq(PyObject_Hash(ba), -1);
    cr_assert_str_eq(weft_error_utf8(), "TypeError: unhashable type: 'bytearray'");
}

Test(bytes, cases_from_cpython)
{
    RUN_CASES(BYTES_CASES);
}
