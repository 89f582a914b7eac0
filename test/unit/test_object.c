/* test_object.c: the generic object protocol: repr/str, rich comparison,
 * hashing, truth, attribute access on instances, None/NotImplemented/
 * Ellipsis, calls through the C API and repr recursion guards. */
#include "weft_test.h"

TestSuite(object, .init = weft_setup);

Test(object, singletons_repr_and_truth)
{
    weft_assert_repr(Py_None, "None");
    weft_assert_repr(Py_NotImplemented, "NotImplemented");
    weft_assert_repr(Py_Ellipsis, "Ellipsis");
    weft_assert_repr(Py_True, "True");
    weft_assert_repr(Py_False, "False");
    cr_assert_eq(PyObject_IsTrue(Py_None), 0);
    cr_assert_eq(PyObject_IsTrue(Py_True), 1);
    cr_assert_eq(PyObject_Not(Py_False), 1);
    weft_assert_repr((PyObject *)Py_TYPE(Py_None), "<class 'NoneType'>");
}

Test(object, truth_of_containers_and_numbers)
{
    PyObject *empty = PyTuple_New(0), *one = PyLong_FromLong(1), *zero = PyLong_FromLong(0);
    PyObject *d = PyDict_New();
    cr_assert_eq(PyObject_IsTrue(empty), 0);
    cr_assert_eq(PyObject_IsTrue(d), 0);
    cr_assert_eq(PyObject_IsTrue(one), 1);
    cr_assert_eq(PyObject_IsTrue(zero), 0);
    PyDict_SetItem(d, one, zero);
    cr_assert_eq(PyObject_IsTrue(d), 1);
    Py_DECREF(d);
    Py_DECREF(one);
    Py_DECREF(zero);
}

Test(object, richcompare_and_identity_shortcut)
{
    PyObject *a = PyLong_FromLong(3), *b = PyLong_FromLong(4);
    cr_assert_eq(PyObject_RichCompareBool(a, b, Py_LT), 1);
    cr_assert_eq(PyObject_RichCompareBool(a, b, Py_GE), 0);
    cr_assert_eq(PyObject_RichCompareBool(a, a, Py_EQ), 1);
    /* Unorderable: CPython's message. */
    PyObject *s = PyUnicode_FromString("x");
    cr_assert_null(PyObject_RichCompare(a, s, Py_LT));
    weft_assert_error("TypeError: '<' not supported between instances of 'int' and 'str'");
    /* == falls back to identity. */
    cr_assert_eq(PyObject_RichCompareBool(a, s, Py_EQ), 0);
    cr_assert_eq(PyObject_RichCompareBool(a, s, Py_NE), 1);
    Py_DECREF(a);
    Py_DECREF(b);
    Py_DECREF(s);
}

Test(object, hash_rules)
{
    PyObject *m1 = PyLong_FromLong(-1);
    cr_assert_eq(PyObject_Hash(m1), -2);
    PyObject *d = PyDict_New();
    cr_assert_eq(PyObject_Hash(d), -1);
    weft_assert_error("TypeError: unhashable type: 'dict'");
    /* hash((1, 2)) as CPython computes it. */
    PyObject *t = Py_BuildValue("(ii)", 1, 2);
    cr_assert_eq(PyObject_Hash(t), (Py_hash_t)-3550055125485641917LL);
    PyObject *e = PyTuple_New(0);
    cr_assert_eq(PyObject_Hash(e), (Py_hash_t)5740354900026072187LL);
    Py_DECREF(m1);
    Py_DECREF(d);
    Py_DECREF(t);
    Py_DECREF(e);
}

Test(object, attribute_errors)
{
    PyObject *o = PyLong_FromLong(5);
    cr_assert_null(PyObject_GetAttrString(o, "nope"));
    weft_assert_error("AttributeError: 'int' object has no attribute 'nope'");
    PyObject *name = PyLong_FromLong(1);
    cr_assert_null(PyObject_GetAttr(o, name));
    weft_assert_error("TypeError: attribute name must be string, not 'int'");
    cr_assert_eq(PyObject_SetAttrString(o, "real", o), -1);
    weft_assert_error("AttributeError: attribute 'real' of 'int' objects is not writable");
    cr_assert_eq(PyObject_SetAttrString(o, "foo", o), -1);
    weft_assert_error("AttributeError: 'int' object has no attribute 'foo' and no __dict__ for setting new attributes");
    cr_assert_eq(PyObject_HasAttrString(o, "real"), 1);
    cr_assert_eq(PyObject_HasAttrString(o, "nope"), 0);
    PyObject *res;
    cr_assert_eq(PyObject_GetOptionalAttrString(o, "nope", &res), 0);
    cr_assert_null(res);
    weft_assert_no_error();
    Py_DECREF(name);
    Py_DECREF(o);
}

Test(object, method_call_through_c_api)
{
    PyObject *s = PyUnicode_FromString("abc");
    PyObject *r = PyObject_CallMethod(s, "upper", NULL);
    weft_assert_repr(r, "'ABC'");
    Py_DECREF(r);
    PyObject *t = Py_BuildValue("(iii)", 1, 2, 1);
    PyObject *cnt = PyObject_CallMethod(t, "count", "i", 1);
    weft_assert_repr(cnt, "2");
    Py_DECREF(cnt);
    cr_assert_null(PyObject_CallMethod(t, "count", NULL));
    weft_assert_error("TypeError: tuple.count() takes exactly one argument (0 given)");
    Py_DECREF(t);
    Py_DECREF(s);
}

Test(object, repr_recursion_guard)
{
    PyObject *d = PyDict_New();
    PyObject *k = PyUnicode_FromString("self");
    PyDict_SetItem(d, k, d);
    weft_assert_repr(d, "{'self': {...}}");
    PyDict_Clear(d);
    Py_DECREF(k);
    Py_DECREF(d);
}

Test(object, ascii_escapes)
{
    PyObject *s = PyUnicode_FromString("h\xc3\xa9\xe2\x82\xac");
    PyObject *a = PyObject_ASCII(s);
    cr_assert_str_eq(PyUnicode_AsUTF8(a), "'h\\xe9\\u20ac'");
    Py_DECREF(a);
    Py_DECREF(s);
}

Test(object, not_callable_and_not_subscriptable)
{
    PyObject *o = PyLong_FromLong(1);
    cr_assert_null(PyObject_CallNoArgs(o));
    weft_assert_error("TypeError: 'int' object is not callable");
    cr_assert_null(PyObject_GetItem(o, o));
    weft_assert_error("TypeError: 'int' object is not subscriptable");
    Py_DECREF(o);
}

Test(object, number_protocol_messages)
{
    PyObject *i = PyLong_FromLong(2), *s = PyUnicode_FromString("a");
    cr_assert_null(PyNumber_Add(i, s));
    weft_assert_error("TypeError: unsupported operand type(s) for +: 'int' and 'str'");
    PyObject *r = PyNumber_Multiply(s, i);
    weft_assert_repr(r, "'aa'");
    Py_DECREF(r);
    r = PyNumber_Multiply(i, s);
    weft_assert_repr(r, "'aa'");
    Py_DECREF(r);
    PyObject *t = Py_BuildValue("(i)", 1);
    r = PyNumber_Add(t, t);
    weft_assert_repr(r, "(1, 1)");
    Py_DECREF(r);
    cr_assert_null(PyNumber_Negative(s));
    weft_assert_error("TypeError: bad operand type for unary -: 'str'");
    Py_DECREF(t);
    Py_DECREF(i);
    Py_DECREF(s);
}

Test(object, bytes_of_objects)
{
    PyObject *l = Py_BuildValue("[ii]", 1, 2);
    weft_assert_repr(PyObject_Bytes(l), "b'\\x01\\x02'");
    PyObject *b = PyBytes_FromString("ab");
    cr_assert_eq(PyObject_Bytes(b), b);
    PyObject *s = PyUnicode_FromString("x");
    cr_assert_null(PyObject_Bytes(s));
    weft_assert_error("TypeError: cannot convert 'str' object to bytes");
}
