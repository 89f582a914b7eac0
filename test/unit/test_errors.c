/* test_errors.c: raising, fetching, matching and clearing the current
 * exception through the PyErr_* API. */
#include "weft_test.h"

TestSuite(errors, .init = weft_setup);

Test(errors, set_string_and_occurred)
{
    cr_assert_null(PyErr_Occurred());
    PyErr_SetString(PyExc_ValueError, "bad value");
    cr_assert_eq(PyErr_Occurred(), PyExc_ValueError);
    cr_assert(PyErr_ExceptionMatches(PyExc_ValueError));
    cr_assert(PyErr_ExceptionMatches(PyExc_Exception));
    cr_assert(!PyErr_ExceptionMatches(PyExc_TypeError));
    weft_assert_error("ValueError: bad value");
    cr_assert_null(PyErr_Occurred());
}

Test(errors, format_codes)
{
    PyObject *o = PyUnicode_FromString("x");
    PyErr_Format(PyExc_TypeError, "%s %d %zd %R %S %U %c|%.3s", "a", -4, (Py_ssize_t)7, o, o,
                 o, 'z', "abcdef");
    weft_assert_error("TypeError: a -4 7 'x' x x z|abc");
    Py_DECREF(o);
}

Test(errors, fetch_restore_roundtrip)
{
    PyErr_SetString(PyExc_KeyError, "k");
    PyObject *t, *v, *tb;
    PyErr_Fetch(&t, &v, &tb);
    cr_assert_null(PyErr_Occurred());
    cr_assert_eq(t, PyExc_KeyError);
    cr_assert(PyExceptionInstance_Check(v));
    PyErr_Restore(t, v, tb);
    weft_assert_error("KeyError: 'k'");
    /* Restoring an un-normalised (type, value) pair builds the instance. */
    PyErr_Restore(Py_NewRef(PyExc_ValueError), PyUnicode_FromString("late"), NULL);
    PyObject *exc = PyErr_GetRaisedException();
    cr_assert(PyObject_TypeCheck(exc, (PyTypeObject *)PyExc_ValueError));
    weft_assert_str(exc, "late");
    Py_DECREF(exc);
}

Test(errors, raised_exception_object_api)
{
    PyErr_SetNone(PyExc_StopIteration);
    PyObject *exc = PyErr_GetRaisedException();
    cr_assert_not_null(exc);
    cr_assert_null(PyErr_Occurred());
    weft_assert_repr(exc, "StopIteration()");
    PyErr_SetRaisedException(exc);
    cr_assert(PyErr_ExceptionMatches(PyExc_StopIteration));
    PyErr_Clear();
}

Test(errors, given_exception_matches_tuples)
{
    PyObject *tup = PyTuple_Pack(2, PyExc_KeyError, PyExc_TypeError);
    cr_assert(PyErr_GivenExceptionMatches(PyExc_KeyError, tup));
    cr_assert(PyErr_GivenExceptionMatches(PyExc_KeyError, PyExc_LookupError));
    cr_assert(!PyErr_GivenExceptionMatches(PyExc_ValueError, tup));
    Py_DECREF(tup);
}

Test(errors, context_chaining_with_handled_exception)
{
    PyErr_SetString(PyExc_KeyError, "first");
    PyObject *first = PyErr_GetRaisedException();
    PyErr_SetHandledException(first);
    PyErr_SetString(PyExc_ValueError, "second");
    PyObject *second = PyErr_GetRaisedException();
    PyObject *ctx = PyException_GetContext(second);
    cr_assert_eq(ctx, first);
    Py_DECREF(ctx);
    PyErr_SetHandledException(NULL);
    Py_DECREF(first);
    Py_DECREF(second);
}

Test(errors, from_errno)
{
    errno = ENOENT;
    PyObject *fn = PyUnicode_FromString("missing.txt");
    PyErr_SetFromErrnoWithFilenameObject(PyExc_OSError, fn);
    PyObject *exc = PyErr_GetRaisedException();
    cr_assert(PyObject_TypeCheck(exc, (PyTypeObject *)PyExc_FileNotFoundError));
    weft_assert_str(exc, "[Errno 2] No such file or directory: 'missing.txt'");
    Py_DECREF(exc);
    Py_DECREF(fn);
}

Test(errors, new_exception_class)
{
    PyObject *cls = PyErr_NewException("mymod.MyError", NULL, NULL);
    cr_assert_not_null(cls, "%s", weft_error_utf8());
    weft_assert_repr(cls, "<class 'mymod.MyError'>");
    cr_assert(PyType_IsSubtype((PyTypeObject *)cls, (PyTypeObject *)PyExc_Exception));
    PyErr_SetString(cls, "boom");
    cr_assert(PyErr_ExceptionMatches(PyExc_Exception));
    weft_assert_error("MyError: boom");
}

Test(errors, no_memory_and_bad_internal_call)
{
    cr_assert_null(PyErr_NoMemory());
    cr_assert(PyErr_ExceptionMatches(PyExc_MemoryError));
    PyErr_Clear();
    PyErr_BadInternalCall();
    cr_assert(PyErr_ExceptionMatches(PyExc_SystemError));
    PyErr_Clear();
}

Test(errors, recursion_guard)
{
    int depth = 0;
    while (Py_EnterRecursiveCall(" in test") == 0) {
        depth++;
        cr_assert(depth <= Py_C_RECURSION_LIMIT);
    }
    cr_assert_eq(depth, Py_C_RECURSION_LIMIT);
    /* Unwind before formatting the error: str() recurses too. */
    PyObject *exc = PyErr_GetRaisedException();
    while (depth-- > 0) {
        Py_LeaveRecursiveCall();
    }
    PyErr_SetRaisedException(exc);
    weft_assert_error("RecursionError: maximum recursion depth exceeded in test");
    cr_assert_eq(Py_EnterRecursiveCall(""), 0);
    Py_LeaveRecursiveCall();
}
