/* test_memoryview.c: the buffer protocol through the C API: memoryviews over
 * bytes, bytearray and raw memory, buffer requests with flags, exports that
 * block resizing, and the contiguous-copy helpers. */
#include <criterion/criterion.h>
#include "weft_test.h"

TestSuite(memoryview, .init = weft_setup);

Test(memoryview, from_memory_and_flags)
{
    char mem[6] = "abcdef";
    PyObject *ro = PyMemoryView_FromMemory(mem, 6, PyBUF_READ);
    cr_assert_not_null(ro);
    Py_buffer v;
    cr_assert_eq(PyObject_GetBuffer(ro, &v, PyBUF_WRITABLE), -1);
    weft_assert_error("BufferError: memoryview: underlying buffer is not writable");
    cr_assert_eq(PyObject_GetBuffer(ro, &v, PyBUF_SIMPLE), 0);
    cr_assert_eq(v.buf, (void *)mem);
    cr_assert_eq(v.len, 6);
    cr_assert_null(v.format, "no PyBUF_FORMAT: format NULL means unsigned bytes");
    cr_assert_null(v.shape);
    cr_assert_eq(v.obj, ro);
    PyBuffer_Release(&v);

    PyObject *rw = PyMemoryView_FromMemory(mem, 6, PyBUF_WRITE);
    cr_assert_eq(PyObject_SetItem(rw, PyLong_FromLong(0), PyLong_FromLong('X')), 0);
    cr_assert_eq(mem[0], 'X');
    weft_assert_repr(PyObject_CallMethod(rw, "tobytes", NULL), "b'Xbcdef'");
}

Test(memoryview, strided_views_need_strides)
{
    PyObject *mv = PyMemoryView_FromObject(PyBytes_FromString("0123456789"));
    PyObject *slice = PySlice_New(NULL, NULL, PyLong_FromLong(3));
    PyObject *s = PyObject_GetItem(mv, slice);
    cr_assert_not_null(s);
    Py_buffer v;
    cr_assert_eq(PyObject_GetBuffer(s, &v, PyBUF_SIMPLE), -1);
    weft_assert_error("BufferError: memoryview: underlying buffer requires strides");
    cr_assert_eq(PyObject_GetBuffer(s, &v, PyBUF_C_CONTIGUOUS), -1);
    weft_assert_error("BufferError: memoryview: underlying buffer is not C-contiguous");
    cr_assert_eq(PyObject_GetBuffer(s, &v, PyBUF_FULL_RO), 0);
    cr_assert_eq(v.ndim, 1);
    cr_assert_eq(v.shape[0], 4);
    cr_assert_eq(v.strides[0], 3);
    cr_assert_eq(PyBuffer_IsContiguous(&v, 'C'), 0);
    char out[4];
    cr_assert_eq(PyBuffer_ToContiguous(out, &v, 4, 'C'), 0);
    cr_assert_eq(memcmp(out, "0369", 4), 0);
    /* A view with exports cannot be released. */
    cr_assert_null(PyObject_CallMethod(s, "release", NULL));
    weft_assert_error("BufferError: memoryview has 1 exported buffer");
    PyBuffer_Release(&v);
    cr_assert_not_null(PyObject_CallMethod(s, "release", NULL));
    weft_assert_repr(PyBytes_FromObject(PyObject_GetItem(mv, slice)), "b'0369'");
}

Test(memoryview, bytearray_exports_block_resize)
{
    PyObject *ba = PyByteArray_FromStringAndSize("abc", 3);
    PyObject *mv = PyMemoryView_FromObject(ba);
    PyObject *sub = PyObject_GetItem(mv, PySlice_New(PyLong_FromLong(1), NULL, NULL));
    cr_assert_eq(PyByteArray_Resize(ba, 10), -1);
    weft_assert_error("BufferError: Existing exports of data: object cannot be re-sized");
    cr_assert_not_null(PyObject_CallMethod(mv, "release", NULL));
    cr_assert_eq(PyByteArray_Resize(ba, 10), -1, "the slice still holds the export");
    PyErr_Clear();
    Py_DECREF(sub);
    cr_assert_eq(PyByteArray_Resize(ba, 10), 0);
    cr_assert_eq(PyByteArray_GET_SIZE(ba), 10);
}

Test(memoryview, cast_and_shape)
{
    PyObject *ba = PyByteArray_FromStringAndSize(NULL, 8);
    memset(PyByteArray_AS_STRING(ba), 0, 8);
    PyObject *mv = PyMemoryView_FromObject(ba);
    PyObject *ints = PyObject_CallMethod(mv, "cast", "s", "i");
    cr_assert_not_null(ints);
    Py_buffer *b = PyMemoryView_GET_BUFFER(ints);
    cr_assert_eq(b->itemsize, (Py_ssize_t)sizeof(int));
    cr_assert_str_eq(b->format, "i");
    cr_assert_eq(b->shape[0], 2);
    cr_assert_eq(PyObject_SetItem(ints, PyLong_FromLong(1), PyLong_FromLong(-5)), 0);
    int x;
    memcpy(&x, PyByteArray_AS_STRING(ba) + sizeof(int), sizeof x);
    cr_assert_eq(x, -5);
    weft_assert_repr(PyObject_CallMethod(ints, "tolist", NULL), "[0, -5]");
    cr_assert_null(PyObject_CallMethod(ints, "cast", "s", "h"));
    weft_assert_error("TypeError: memoryview: cannot cast between two non-byte formats");
    PyObject *grid = PyObject_CallMethod(mv, "cast", "s(ii)", "B", 2, 4);
    cr_assert_not_null(grid);
    weft_assert_repr(PyObject_GetAttrString(grid, "strides"), "(4, 1)");
}
