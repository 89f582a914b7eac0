/* test_struct.c: the _struct module against CPython 3.13 (cases generated
 * by Tools/osmods/gen_call_cases.py from Tools/osmods/struct_cases.txt),
 * plus Struct objects, pack_into and iter_unpack. */
#include "osmods_test.h"

PyMODINIT_FUNC PyInit__struct(void);

TestSuite(struct_, .init = weft_setup);

Test(struct_, cases_from_cpython)
{
    PyObject *m = osm_load(PyInit__struct, "_struct");
    int failures = 0;
#define CASE(name, expected, fmt, ...)                                       \
    do {                                                                     \
        const char *got = osm_call(m, name, fmt, __VA_ARGS__);               \
        const char *exp_ = expected;                                         \
        if (strncmp(exp_, "error: ", 7) == 0 && strncmp(got, "error: ", 7) == 0) { \
            /* struct.error prints as "error" in both */                     \
        }                                                                    \
        if (strcmp(got, exp_) != 0) {                                        \
            cr_log_error("struct.%s%s: got %s, expected %s", name, #__VA_ARGS__, got, exp_); \
            failures++;                                                      \
        }                                                                    \
    } while (0);
#include "struct_cases.h"
#undef CASE
    cr_assert_eq(failures, 0, "%d struct cases failed", failures);
}

Test(struct_, objects_and_buffers)
{
    PyObject *m = osm_load(PyInit__struct, "_struct");
    PyObject *S = PyObject_GetAttrString(m, "Struct");
    PyObject *s = PyObject_CallFunction(S, "s", "<f");
    weft_assert_repr(s, "Struct('<f')");
    weft_assert_repr(PyObject_GetAttrString(s, "size"), "4");
    weft_assert_repr(PyObject_GetAttrString(s, "format"), "'<f'");
    PyObject *it = PyObject_CallMethod(m, "iter_unpack", "sy#", "<h", "\x01\x00\x02\x00\x03\x00", (Py_ssize_t)6);
    weft_assert_repr(PySequence_List(it), "[(1,), (2,), (3,)]");
    cr_assert_null(PyObject_CallMethod(m, "iter_unpack", "sy#", "<h", "abc", (Py_ssize_t)3));
    weft_assert_error("error: iterative unpacking requires a buffer of a multiple of 2 bytes");
    PyObject *ba = PyByteArray_FromStringAndSize("\0\0\0\0\0\0", 6);
    weft_assert_repr(PyObject_CallMethod(m, "pack_into", "sOii", "<h", ba, 2, 513), "None");
    weft_assert_repr(ba, "bytearray(b'\\x00\\x00\\x01\\x02\\x00\\x00')");
    cr_assert_null(PyObject_CallMethod(m, "pack_into", "sOii", "<i", ba, 4, 1));
    weft_assert_error("error: pack_into requires a buffer of at least 8 bytes for packing 4 bytes at offset 4 (actual buffer size is 6)");
    cr_assert_null(PyObject_CallFunction(S, "i", 5));
    weft_assert_error("TypeError: Struct() argument 1 must be a str or bytes object, not int");
    PyObject *err = PyObject_GetAttrString(m, "error");
    weft_assert_repr(err, "<class 'struct.error'>");
}
