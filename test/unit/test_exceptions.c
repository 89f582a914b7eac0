/* test_exceptions.c: the built-in exception types: hierarchy, args,
 * str/repr, attributes of the richer exceptions, notes, chaining. */
#include "weft_test.h"

TestSuite(exceptions, .init = weft_setup);

static PyObject *
make(PyObject *type, const char *fmt, ...)
{
    va_list va;
    va_start(va, fmt);
    PyObject *args = Py_VaBuildValue(fmt, va);
    va_end(va);
    cr_assert_not_null(args);
    if (!PyTuple_Check(args)) {
        PyObject *t = PyTuple_Pack(1, args);
        Py_DECREF(args);
        args = t;
    }
    PyObject *exc = PyObject_Call(type, args, NULL);
    Py_DECREF(args);
    cr_assert_not_null(exc, "%s", weft_error_utf8());
    return exc;
}

Test(exceptions, hierarchy)
{
    cr_assert(PyType_IsSubtype((PyTypeObject *)PyExc_KeyError, (PyTypeObject *)PyExc_LookupError));
    cr_assert(PyType_IsSubtype((PyTypeObject *)PyExc_FileNotFoundError, (PyTypeObject *)PyExc_OSError));
    cr_assert(PyType_IsSubtype((PyTypeObject *)PyExc_RecursionError, (PyTypeObject *)PyExc_RuntimeError));
    cr_assert(PyType_IsSubtype((PyTypeObject *)PyExc_TabError, (PyTypeObject *)PyExc_SyntaxError));
    cr_assert(PyType_IsSubtype((PyTypeObject *)PyExc_UnicodeDecodeError, (PyTypeObject *)PyExc_ValueError));
    cr_assert(!PyType_IsSubtype((PyTypeObject *)PyExc_SystemExit, (PyTypeObject *)PyExc_Exception));
    cr_assert(PyType_IsSubtype((PyTypeObject *)PyExc_DeprecationWarning, (PyTypeObject *)PyExc_Warning));
    cr_assert_eq(PyExc_IOError, PyExc_OSError);
    weft_assert_repr(PyExc_ZeroDivisionError, "<class 'ZeroDivisionError'>");
    weft_assert_repr(PyObject_GetAttrString(PyExc_ExceptionGroup, "__mro__"),
                     "(<class 'ExceptionGroup'>, <class 'BaseExceptionGroup'>, "
                     "<class 'Exception'>, <class 'BaseException'>, <class 'object'>)");
}

Test(exceptions, args_str_repr)
{
    PyObject *e = make(PyExc_ValueError, "(si)", "a", 1);
    weft_assert_repr(e, "ValueError('a', 1)");
    weft_assert_str(e, "('a', 1)");
    weft_assert_repr(PyObject_GetAttrString(e, "args"), "('a', 1)");
    PyObject *e1 = make(PyExc_ValueError, "(s)", "only");
    weft_assert_repr(e1, "ValueError('only')");
    weft_assert_str(e1, "only");
    PyObject *e0 = PyObject_CallNoArgs(PyExc_RuntimeError);
    weft_assert_repr(e0, "RuntimeError()");
    weft_assert_str(e0, "");
    cr_assert_null(PyObject_Call(PyExc_ValueError, PyTuple_New(0), Py_BuildValue("{s:i}", "x", 1)));
    weft_assert_error("TypeError: ValueError() takes no keyword arguments");
}

Test(exceptions, keyerror_quotes)
{
    PyObject *e = make(PyExc_KeyError, "(s)", "a");
    weft_assert_str(e, "'a'");
    weft_assert_repr(e, "KeyError('a')");
}

Test(exceptions, oserror_errno_mapping)
{
    PyObject *e = make(PyExc_OSError, "(iss)", 2, "x", "f");
    cr_assert_str_eq(Py_TYPE(e)->tp_name, "FileNotFoundError");
    weft_assert_str(e, "[Errno 2] x: 'f'");
    weft_assert_repr(PyObject_GetAttrString(e, "errno"), "2");
    weft_assert_repr(PyObject_GetAttrString(e, "filename"), "'f'");
    weft_assert_repr(PyObject_GetAttrString(e, "args"), "(2, 'x')");
    PyObject *p = make(PyExc_OSError, "(is)", 13, "denied");
    cr_assert_str_eq(Py_TYPE(p)->tp_name, "PermissionError");
    PyObject *plain = make(PyExc_OSError, "(s)", "just text");
    cr_assert_str_eq(Py_TYPE(plain)->tp_name, "OSError");
    weft_assert_str(plain, "just text");
}

Test(exceptions, syntaxerror_fields)
{
    PyObject *e = make(PyExc_SyntaxError, "(s(siis))", "bad", "dir/f.py", 3, 4, "x");
    weft_assert_str(e, "bad (f.py, line 3)");
    weft_assert_repr(PyObject_GetAttrString(e, "lineno"), "3");
    weft_assert_repr(PyObject_GetAttrString(e, "offset"), "4");
    weft_assert_repr(PyObject_GetAttrString(e, "text"), "'x'");
    weft_assert_repr(PyObject_GetAttrString(e, "end_lineno"), "None");
}

Test(exceptions, stopiteration_systemexit_importerror)
{
    PyObject *s = make(PyExc_StopIteration, "(i)", 5);
    weft_assert_repr(PyObject_GetAttrString(s, "value"), "5");
    PyObject *s0 = PyObject_CallNoArgs(PyExc_StopIteration);
    weft_assert_repr(PyObject_GetAttrString(s0, "value"), "None");
    PyObject *x = make(PyExc_SystemExit, "(i)", 3);
    weft_assert_repr(PyObject_GetAttrString(x, "code"), "3");
    PyObject *kw = Py_BuildValue("{s:s}", "name", "n");
    PyObject *ie = PyObject_Call(PyExc_ImportError, Py_BuildValue("(s)", "m"), kw);
    weft_assert_repr(PyObject_GetAttrString(ie, "name"), "'n'");
    weft_assert_str(ie, "m");
}

Test(exceptions, notes_and_chaining_attributes)
{
    PyObject *e = make(PyExc_ValueError, "(s)", "v");
    PyObject *r = PyObject_CallMethod(e, "add_note", "s", "a note");
    cr_assert_not_null(r, "%s", weft_error_utf8());
    weft_assert_repr(PyObject_GetAttrString(e, "__notes__"), "['a note']");
    cr_assert_null(PyObject_CallMethod(e, "add_note", "i", 1));
    weft_assert_error("TypeError: note must be a str, not 'int'");
    PyObject *c = make(PyExc_KeyError, "(s)", "c");
    cr_assert_eq(PyObject_SetAttrString(e, "__cause__", c), 0);
    weft_assert_repr(PyObject_GetAttrString(e, "__suppress_context__"), "True");
    weft_assert_repr(PyObject_GetAttrString(e, "__context__"), "None");
    cr_assert_eq(PyObject_SetAttrString(e, "__cause__", PyLong_FromLong(1)), -1);
    weft_assert_error("TypeError: exception cause must be None or derive from BaseException");
    weft_assert_repr(PyObject_GetAttrString(e, "__traceback__"), "None");
}

Test(exceptions, exception_group_basics)
{
    PyObject *inner = make(PyExc_ValueError, "(i)", 1);
    PyObject *args = Py_BuildValue("(s[O])", "eg", inner);
    PyObject *eg = PyObject_Call(PyExc_BaseExceptionGroup, args, NULL);
    cr_assert_not_null(eg, "%s", weft_error_utf8());
    /* Only Exceptions inside: BaseExceptionGroup(...) gives an ExceptionGroup. */
    cr_assert_str_eq(Py_TYPE(eg)->tp_name, "ExceptionGroup");
    weft_assert_str(eg, "eg (1 sub-exception)");
    weft_assert_repr(PyObject_GetAttrString(eg, "exceptions"), "(ValueError(1),)");
    PyObject *empty = Py_BuildValue("(s[])", "eg");
    cr_assert_null(PyObject_Call(PyExc_ExceptionGroup, empty, NULL));
    weft_assert_error("ValueError: second argument (exceptions) must be a non-empty sequence");
}

Test(exceptions, unicode_errors)
{
    PyObject *e = PyUnicodeDecodeError_Create("utf-8", "\xff", 1, 0, 1, "invalid start byte");
    cr_assert_not_null(e, "%s", weft_error_utf8());
    weft_assert_str(e, "'utf-8' codec can't decode byte 0xff in position 0: invalid start byte");
    PyObject *enc = PyObject_CallFunction(PyExc_UnicodeEncodeError, "ssnns", "ascii", "h\xc3\xa9",
                                          (Py_ssize_t)1, (Py_ssize_t)2, "ordinal not in range(128)");
    cr_assert_not_null(enc, "%s", weft_error_utf8());
    weft_assert_str(enc, "'ascii' codec can't encode character '\\xe9' in position 1: "
                         "ordinal not in range(128)");
}
