/* test_genericalias.c: types.GenericAlias (list[int], dict[str, int],
 * tuple[int, ...], __class_getitem__ on the built-in containers, calls,
 * equality, isinstance refusal) and types.UnionType (int | str, None
 * members, flattening, isinstance). */
#include "weft_test.h"
#include "pycore_unionobject.h"

TestSuite(genericalias, .init = weft_setup);

static PyObject *
subscript(PyTypeObject *t, PyObject *key)
{
    PyObject *r = PyObject_GetItem((PyObject *)t, key);
    Py_DECREF(key);
    return r;
}

Test(genericalias, reprs_and_attributes)
{
    PyObject *li = subscript(&PyList_Type, Py_NewRef((PyObject *)&PyLong_Type));
    weft_assert_repr(li, "list[int]");
    cr_assert_str_eq(Py_TYPE(li)->tp_name, "types.GenericAlias");
    weft_assert_repr(PyObject_GetAttrString(li, "__origin__"), "<class 'list'>");
    weft_assert_repr(PyObject_GetAttrString(li, "__args__"), "(<class 'int'>,)");
    weft_assert_repr(PyObject_GetAttrString(li, "__parameters__"), "()");
    PyObject *d = subscript(&PyDict_Type, PyTuple_Pack(2, &PyUnicode_Type, li));
    weft_assert_repr(d, "dict[str, list[int]]");
    PyObject *t = subscript(&PyTuple_Type, PyTuple_Pack(2, &PyLong_Type, Py_Ellipsis));
    weft_assert_repr(t, "tuple[int, ...]");
    PyObject *empty = subscript(&PyTuple_Type, PyTuple_New(0));
    weft_assert_repr(empty, "tuple[()]");
    weft_assert_repr(subscript(&PySet_Type, Py_NewRef((PyObject *)&PyFloat_Type)), "set[float]");
    weft_assert_repr(subscript(&PyFrozenSet_Type, Py_NewRef((PyObject *)&PyBytes_Type)),
                     "frozenset[bytes]");
    weft_assert_repr(subscript(&PyType_Type, Py_NewRef((PyObject *)&PyLong_Type)), "type[int]");
    weft_assert_repr(subscript(&PyList_Type, Py_NewRef(Py_None)), "list[None]");
    /* Attribute lookups go to the origin. */
    weft_assert_repr(PyObject_GetAttrString(li, "append"), "<method 'append' of 'list' objects>");
    weft_assert_repr(PyObject_GetAttrString(li, "__class__"), "<class 'types.GenericAlias'>");
    Py_DECREF(d);
    Py_DECREF(t);
    Py_DECREF(empty);
    Py_DECREF(li);
}

Test(genericalias, equality_call_isinstance)
{
    PyObject *a = subscript(&PyList_Type, Py_NewRef((PyObject *)&PyLong_Type));
    PyObject *b = subscript(&PyList_Type, Py_NewRef((PyObject *)&PyLong_Type));
    PyObject *c = subscript(&PyList_Type, Py_NewRef((PyObject *)&PyUnicode_Type));
    cr_assert_neq(a, b);
    cr_assert_eq(PyObject_RichCompareBool(a, b, Py_EQ), 1);
    cr_assert_eq(PyObject_RichCompareBool(a, c, Py_EQ), 0);
    cr_assert_eq(PyObject_RichCompareBool(a, (PyObject *)&PyList_Type, Py_EQ), 0);
    cr_assert_eq(PyObject_Hash(a), PyObject_Hash(b));
    PyObject *made = PyObject_CallFunction(a, "((ii))", 1, 2);
    weft_assert_repr(made, "[1, 2]");
    cr_assert(PyList_CheckExact(made));
    PyObject *empty = PyObject_CallNoArgs(a);
    weft_assert_repr(empty, "[]");
    cr_assert_eq(PyObject_IsInstance(made, a), -1);
    weft_assert_error("TypeError: isinstance() argument 2 cannot be a parameterized generic");
    cr_assert_eq(PyObject_IsSubclass((PyObject *)&PyList_Type, a), -1);
    weft_assert_error("TypeError: issubclass() argument 2 cannot be a parameterized generic");
    PyObject *ga_type = PyObject_Type(a);
    PyObject *direct = PyObject_CallFunction(ga_type, "OO", &PyDict_Type, &PyLong_Type);
    weft_assert_repr(direct, "dict[int]");
    Py_DECREF(direct);
    Py_DECREF(ga_type);
    Py_DECREF(made);
    Py_DECREF(empty);
    Py_DECREF(a);
    Py_DECREF(b);
    Py_DECREF(c);
}

Test(genericalias, union)
{
    PyObject *u = PyNumber_Or((PyObject *)&PyLong_Type, (PyObject *)&PyUnicode_Type);
    weft_assert_repr(u, "int | str");
    cr_assert_str_eq(Py_TYPE(u)->tp_name, "types.UnionType");
    weft_assert_repr(PyObject_GetAttrString(u, "__args__"), "(<class 'int'>, <class 'str'>)");
    PyObject *one = PyLong_FromLong(1);
    cr_assert_eq(PyObject_IsInstance(one, u), 1);
    PyObject *f = PyFloat_FromDouble(1.5);
    cr_assert_eq(PyObject_IsInstance(f, u), 0);
    cr_assert_eq(PyObject_IsSubclass((PyObject *)&PyBool_Type, u), 1);
    /* None joins as NoneType and prints as None. */
    PyObject *un = PyNumber_Or(u, Py_None);
    weft_assert_repr(un, "int | str | None");
    cr_assert_eq(PyObject_IsInstance(Py_None, un), 1);
    /* Flattening and de-duplication. */
    PyObject *again = PyNumber_Or(un, (PyObject *)&PyLong_Type);
    weft_assert_repr(again, "int | str | None");
    PyObject *same = PyNumber_Or((PyObject *)&PyLong_Type, (PyObject *)&PyLong_Type);
    cr_assert_eq(same, (PyObject *)&PyLong_Type);
    /* Set-like equality. */
    PyObject *rev = PyNumber_Or((PyObject *)&PyUnicode_Type, (PyObject *)&PyLong_Type);
    cr_assert_eq(PyObject_RichCompareBool(u, rev, Py_EQ), 1);
    cr_assert_eq(PyObject_Hash(u), PyObject_Hash(rev));
    /* With a generic alias inside, isinstance refuses. */
    PyObject *li = PyObject_GetItem((PyObject *)&PyList_Type, (PyObject *)&PyLong_Type);
    PyObject *withga = PyNumber_Or(li, Py_None);
    weft_assert_repr(withga, "list[int] | None");
    cr_assert_eq(PyObject_IsInstance(one, withga), -1);
    weft_assert_error("TypeError: isinstance() argument 2 cannot be a parameterized generic");
    /* Other operands are not types. */
    cr_assert_null(PyNumber_Or((PyObject *)&PyLong_Type, one));
    weft_assert_error("TypeError: unsupported operand type(s) for |: 'type' and 'int'");
    Py_DECREF(withga);
    Py_DECREF(li);
    Py_DECREF(rev);
    Py_DECREF(same);
    Py_DECREF(again);
    Py_DECREF(un);
    Py_DECREF(f);
    Py_DECREF(one);
    Py_DECREF(u);
}
