/* test_errno_atexit.c: the errno module (constants, errorcode with the
 * canonical names) and atexit (LIFO order, arguments, unregister, _clear,
 * _ncallbacks, _PyAtExit_Call). */
#include "osmods_test.h"
#include "pycore_atexit.h"

PyMODINIT_FUNC PyInit_errno(void);
PyMODINIT_FUNC PyInit_atexit(void);

TestSuite(errno_atexit, .init = weft_setup);

Test(errno_atexit, errno_module)
{
    PyObject *m = osm_load(PyInit_errno, "errno");
    weft_assert_repr(PyObject_GetAttrString(m, "ENOENT"), "2");
    weft_assert_repr(PyObject_GetAttrString(m, "EWOULDBLOCK"), "11");
    PyObject *codes = PyObject_GetAttrString(m, "errorcode");
    weft_assert_repr(PyDict_GetItem(codes, PyLong_FromLong(11)), "'EAGAIN'");
    weft_assert_repr(PyDict_GetItem(codes, PyLong_FromLong(2)), "'ENOENT'");
    weft_assert_repr(PyDict_GetItem(codes, PyLong_FromLong(35)), "'EDEADLOCK'");
    cr_assert_eq(PyDict_GET_SIZE(codes), 130);
}

static PyObject *trace;

static PyObject *
record(PyObject *self, PyObject *args)
{
    PyList_Append(trace, args);
    Py_RETURN_NONE;
}

static PyMethodDef record_def = {"record", record, METH_VARARGS, NULL};

Test(errno_atexit, atexit_order_and_unregister)
{
    PyObject *m = osm_load(PyInit_atexit, "atexit");
    trace = PyList_New(0);
    PyObject *f = PyCFunction_New(&record_def, NULL);
    PyObject *g = PyCFunction_New(&record_def, Py_None);
    cr_assert_eq(PyObject_CallMethod(m, "register", "Os", f, "first"), f);
    PyObject_CallMethod(m, "register", "Os", f, "second");
    PyObject_CallMethod(m, "register", "Oi", g, 3);
    weft_assert_repr(PyObject_CallMethod(m, "_ncallbacks", NULL), "3");
    cr_assert_str_eq(osm_call(m, "register", "(i)", 5), "TypeError: the first argument must be callable");
    PyObject_CallMethod(m, "unregister", "O", g);
    weft_assert_repr(PyObject_CallMethod(m, "_ncallbacks", NULL), "2");
    _PyAtExit_Call();
    weft_assert_repr(trace, "[('second',), ('first',)]");
    weft_assert_repr(PyObject_CallMethod(m, "_ncallbacks", NULL), "0");
    PyObject_CallMethod(m, "register", "O", f);
    PyObject_CallMethod(m, "_clear", NULL);
    PyObject_CallMethod(m, "_run_exitfuncs", NULL);
    weft_assert_repr(trace, "[('second',), ('first',)]");
}
