/* test_type.c: PyType_Ready, the MRO, slot wrappers, classes created with
 * type(name, bases, dict): instance dicts, __slots__, dunder dispatch,
 * inheritance from built-ins, __init_subclass__, super, isinstance. */
#include "weft_test.h"

TestSuite(type, .init = weft_setup);

/* A PyCFunction usable as a method in a class dict (vectorcall-free). */
static PyObject *
make_class(const char *name, PyObject *bases, PyObject *ns)
{
    PyObject *cls = PyObject_CallFunction((PyObject *)&PyType_Type, "sOO", name, bases, ns);
    cr_assert_not_null(cls, "class creation failed: %s", weft_error_utf8());
    return cls;
}

static PyObject *
empty_class(const char *name, PyObject *bases)
{
    PyObject *ns = PyDict_New();
    PyObject *cls = make_class(name, bases, ns);
    Py_DECREF(ns);
    return cls;
}

Test(type, builtin_types_are_ready)
{
    weft_assert_repr((PyObject *)&PyType_Type, "<class 'type'>");
    weft_assert_repr((PyObject *)Py_TYPE(&PyType_Type), "<class 'type'>");
    weft_assert_repr(PyObject_GetAttrString((PyObject *)&PyBool_Type, "__mro__"),
                     "(<class 'bool'>, <class 'int'>, <class 'object'>)");
    cr_assert(PyType_IsSubtype(&PyBool_Type, &PyLong_Type));
    cr_assert(!PyType_IsSubtype(&PyLong_Type, &PyBool_Type));
    PyObject *d = PyObject_GetAttrString((PyObject *)&PyLong_Type, "__dict__");
    cr_assert_str_eq(Py_TYPE(d)->tp_name, "mappingproxy");
    Py_DECREF(d);
}

Test(type, slot_wrappers_exist_and_work)
{
    PyObject *t = (PyObject *)&PyTuple_Type;
    PyObject *len = PyObject_GetAttrString(t, "__len__");
    weft_assert_repr(len, "<slot wrapper '__len__' of 'tuple' objects>");
    PyObject *tup = Py_BuildValue("(iii)", 1, 2, 3);
    PyObject *n = PyObject_CallOneArg(len, tup);
    weft_assert_repr(n, "3");
    PyObject *bound = PyObject_GetAttrString(tup, "__getitem__");
    PyObject *item = PyObject_CallFunction(bound, "i", -1);
    weft_assert_repr(item, "3");
    /* list of dict has no __hash__: it is None */
    PyObject *h = PyObject_GetAttrString((PyObject *)&PyDict_Type, "__hash__");
    cr_assert_eq(h, Py_None);
    PyObject *eq = PyObject_GetAttrString((PyObject *)&PyLong_Type, "__eq__");
    PyObject *one = PyLong_FromLong(1);
    PyObject *r = PyObject_CallFunctionObjArgs(eq, one, one, NULL);
    cr_assert_eq(r, Py_True);
    PyObject *radd = PyObject_GetAttrString(one, "__radd__");
    PyObject *s = PyObject_CallFunction(radd, "i", 41);
    weft_assert_repr(s, "42");
    Py_DECREF(len); Py_DECREF(tup); Py_DECREF(n); Py_DECREF(bound); Py_DECREF(item);
    Py_DECREF(h); Py_DECREF(eq); Py_DECREF(r); Py_DECREF(radd); Py_DECREF(s); Py_DECREF(one);
}

Test(type, heap_type_instances_have_dicts)
{
    PyObject *bases = PyTuple_New(0);
    PyObject *ns = PyDict_New();
    PyDict_SetItemString(ns, "__module__", PyUnicode_FromString("mymod"));
    PyDict_SetItemString(ns, "__qualname__", PyUnicode_FromString("Outer.Point"));
    PyDict_SetItemString(ns, "k", PyLong_FromLong(7));
    PyObject *cls = make_class("Point", bases, ns);
    weft_assert_repr(cls, "<class 'mymod.Outer.Point'>");
    weft_assert_str(PyObject_GetAttrString(cls, "__name__"), "Point");
    PyObject *p = PyObject_CallNoArgs(cls);
    cr_assert_not_null(p);
    cr_assert_eq(PyObject_SetAttrString(p, "x", PyLong_FromLong(3)), 0);
    weft_assert_repr(PyObject_GetAttrString(p, "x"), "3");
    weft_assert_repr(PyObject_GetAttrString(p, "k"), "7");
    weft_assert_repr(PyObject_GetAttrString(p, "__dict__"), "{'x': 3}");
    cr_assert_null(PyObject_GetAttrString(p, "y"));
    weft_assert_error("AttributeError: 'Point' object has no attribute 'y'");
    cr_assert_null(PyObject_CallFunction(cls, "i", 1));
    weft_assert_error("TypeError: Point() takes no arguments");
    /* Class attribute assignment is seen by instances (cache invalidation). */
    PyObject_SetAttrString(cls, "k", PyLong_FromLong(8));
    weft_assert_repr(PyObject_GetAttrString(p, "k"), "8");
    Py_DECREF(p);
    Py_DECREF(cls);
    Py_DECREF(ns);
    Py_DECREF(bases);
}

Test(type, c3_mro_and_conflict)
{
    PyObject *obj = Py_BuildValue("(O)", &PyBaseObject_Type);
    PyObject *A = empty_class("A", obj);
    PyObject *bA = Py_BuildValue("(O)", A);
    PyObject *B = empty_class("B", bA);
    PyObject *C = empty_class("C", bA);
    PyObject *bBC = Py_BuildValue("(OO)", B, C);
    PyObject *D = empty_class("D", bBC);
    weft_assert_repr(PyObject_GetAttrString(D, "__mro__"),
                     "(<class 'D'>, <class 'B'>, <class 'C'>, <class 'A'>, <class 'object'>)");
    PyObject *bad = Py_BuildValue("(OO)", A, B);
    PyObject *ns = PyDict_New();
    cr_assert_null(PyObject_CallFunction((PyObject *)&PyType_Type, "sOO", "E", bad, ns));
    weft_assert_error("TypeError: Cannot create a consistent method resolution order (MRO) "
                      "for bases A, B");
    PyObject *dup = Py_BuildValue("(OO)", A, A);
    cr_assert_null(PyObject_CallFunction((PyObject *)&PyType_Type, "sOO", "F", dup, ns));
    weft_assert_error("TypeError: duplicate base class A");
    PyObject *layout = Py_BuildValue("(OO)", &PyLong_Type, &PyUnicode_Type);
    cr_assert_null(PyObject_CallFunction((PyObject *)&PyType_Type, "sOO", "G", layout, ns));
    weft_assert_error("TypeError: multiple bases have instance lay-out conflict");
    PyObject *boolb = Py_BuildValue("(O)", &PyBool_Type);
    cr_assert_null(PyObject_CallFunction((PyObject *)&PyType_Type, "sOO", "H", boolb, ns));
    weft_assert_error("TypeError: type 'bool' is not an acceptable base type");
    cr_assert_eq(PyObject_IsSubclass(D, A), 1);
    PyObject *d = PyObject_CallNoArgs(D);
    cr_assert_eq(PyObject_IsInstance(d, C), 1);
    cr_assert_eq(PyObject_IsInstance(d, (PyObject *)&PyLong_Type), 0);
    PyObject *subs = PyObject_CallMethod(A, "__subclasses__", NULL);
    weft_assert_repr(subs, "[<class 'B'>, <class 'C'>]");
}

Test(type, slots_restrict_attributes)
{
    PyObject *ns = PyDict_New();
    PyDict_SetItemString(ns, "__slots__", Py_BuildValue("(ss)", "x", "y"));
    PyObject *bases = PyTuple_New(0);
    PyObject *cls = make_class("S", bases, ns);
    PyObject *o = PyObject_CallNoArgs(cls);
    cr_assert_null(PyObject_GetAttrString(o, "x"));
    weft_assert_error("AttributeError: 'S' object has no attribute 'x'");
    cr_assert_eq(PyObject_SetAttrString(o, "x", PyLong_FromLong(1)), 0);
    weft_assert_repr(PyObject_GetAttrString(o, "x"), "1");
    cr_assert_eq(PyObject_SetAttrString(o, "z", PyLong_FromLong(1)), -1);
    weft_assert_error("AttributeError: 'S' object has no attribute 'z' and no __dict__ for setting new attributes");
    weft_assert_repr(PyObject_GetAttrString(cls, "x"), "<member 'x' of 'S' objects>");
    PyObject *ns2 = PyDict_New();
    PyDict_SetItemString(ns2, "__slots__", Py_BuildValue("(s)", "a"));
    PyDict_SetItemString(ns2, "a", PyLong_FromLong(1));
    cr_assert_null(PyObject_CallFunction((PyObject *)&PyType_Type, "sOO", "T", bases, ns2));
    weft_assert_error("ValueError: 'a' in __slots__ conflicts with class variable");
}

/* A C function used as a Python-level method: (self, other) -> 'called'. */
static PyObject *
add_impl(PyObject *mod, PyObject *const *args, Py_ssize_t nargs)
{
    return PyUnicode_FromFormat("add:%zd", nargs);
}
static PyMethodDef add_def = {"__add__", _PyCFunction_CAST(add_impl), METH_FASTCALL, NULL};

static PyObject *
len_impl(PyObject *mod, PyObject *const *args, Py_ssize_t nargs)
{
    return PyLong_FromLong(5);
}
static PyMethodDef len_def = {"__len__", _PyCFunction_CAST(len_impl), METH_FASTCALL, NULL};

static PyObject *
repr_impl(PyObject *mod, PyObject *const *args, Py_ssize_t nargs)
{
    return PyUnicode_FromString("<custom>");
}
static PyMethodDef repr_def = {"__repr__", _PyCFunction_CAST(repr_impl), METH_FASTCALL, NULL};

/* staticmethod-wrapped builtins behave like plain functions stored in a
 * class (no binding), so they receive (self, ...) explicitly. */
static void
put_static(PyObject *ns, PyMethodDef *def)
{
    PyObject *f = PyCFunction_New(def, NULL);
    PyObject *sm = PyStaticMethod_New(f);
    PyDict_SetItemString(ns, def->ml_name, sm);
    Py_DECREF(sm);
    Py_DECREF(f);
}

Test(type, dunder_dispatch_for_python_classes)
{
    PyObject *ns = PyDict_New();
    put_static(ns, &add_def);
    put_static(ns, &len_def);
    put_static(ns, &repr_def);
    PyObject *bases = PyTuple_New(0);
    PyObject *cls = make_class("V", bases, ns);
    PyObject *v = PyObject_CallNoArgs(cls);
    PyObject *one = PyLong_FromLong(1);
    /* staticmethod: called with just the operand, so nargs == 1. */
    weft_assert_repr(PyNumber_Add(v, one), "'add:1'");
    cr_assert_eq(PyObject_Size(v), 5);
    weft_assert_repr(v, "<custom>");
    cr_assert_null(PyNumber_Add(one, v));
    weft_assert_error("TypeError: unsupported operand type(s) for +: 'int' and 'V'");
    /* Assigning a dunder later updates the slot. */
    PyObject *f = PyCFunction_New(&add_def, NULL);
    PyObject *sm = PyStaticMethod_New(f);
    cr_assert_eq(PyObject_SetAttrString(cls, "__radd__", sm), 0);
    weft_assert_repr(PyNumber_Add(one, v), "'add:1'");
    /* Class with __eq__ and no __hash__ is unhashable. */
    PyObject *ns2 = PyDict_New();
    PyDict_SetItemString(ns2, "__eq__", sm);
    PyObject *cls2 = make_class("W", bases, ns2);
    PyObject *w = PyObject_CallNoArgs(cls2);
    cr_assert_eq(PyObject_Hash(w), -1);
    weft_assert_error("TypeError: unhashable type: 'W'");
    cr_assert_eq(PyObject_GetAttrString(cls2, "__hash__"), Py_None);
}

Test(type, subclass_of_builtin)
{
    PyObject *bases = Py_BuildValue("(O)", &PyLong_Type);
    PyObject *ns = PyDict_New();
    PyObject *MyInt = make_class("MyInt", bases, ns);
    PyObject *x = PyObject_CallFunction(MyInt, "i", 41);
    cr_assert_not_null(x, "%s", weft_error_utf8());
    cr_assert(PyLong_Check(x));
    PyObject *y = PyNumber_Add(x, PyLong_FromLong(1));
    weft_assert_repr(y, "42");
    cr_assert_eq(PyObject_SetAttrString(x, "tag", Py_None), 0);
    PyObject *dbases = Py_BuildValue("(O)", &PyDict_Type);
    PyObject *MyDict = make_class("MyDict", dbases, ns);
    PyObject *md = PyObject_CallNoArgs(MyDict);
    PyObject *k = PyUnicode_FromString("k");
    cr_assert_eq(PyObject_SetItem(md, k, k), 0);
    weft_assert_repr(md, "{'k': 'k'}");
    cr_assert(PyDict_Check(md));
}

Test(type, init_subclass_rejects_unknown_class_keywords)
{
    PyObject *bases = PyTuple_New(0);
    PyObject *ns = PyDict_New();
    PyObject *kw = Py_BuildValue("{s:i}", "tag", 5);
    PyObject *args = Py_BuildValue("(sOO)", "Sub2", bases, ns);
    cr_assert_null(PyObject_Call((PyObject *)&PyType_Type, args, kw));
    weft_assert_error("TypeError: Sub2.__init_subclass__() takes no keyword arguments");
}

Test(type, super_finds_next_in_mro)
{
    PyObject *bases = Py_BuildValue("(O)", &PyDict_Type);
    PyObject *ns = PyDict_New();
    PyObject *D = make_class("D", bases, ns);
    PyObject *d = PyObject_CallNoArgs(D);
    PyObject *sup = PyObject_CallFunctionObjArgs((PyObject *)&PySuper_Type, D, d, NULL);
    cr_assert_not_null(sup, "%s", weft_error_utf8());
    PyObject *set = PyObject_GetAttrString(sup, "__setitem__");
    cr_assert_not_null(set, "%s", weft_error_utf8());
    PyObject *r = PyObject_CallFunction(set, "si", "a", 1);
    cr_assert_not_null(r, "%s", weft_error_utf8());
    weft_assert_repr(d, "{'a': 1}");
    weft_assert_repr(sup, "<super: <class 'D'>, <D object>>");
}

Test(type, type_of_and_type_errors)
{
    PyObject *one = PyLong_FromLong(1);
    PyObject *t = PyObject_CallOneArg((PyObject *)&PyType_Type, one);
    cr_assert_eq(t, (PyObject *)&PyLong_Type);
    cr_assert_null(PyObject_CallFunction((PyObject *)&PyType_Type, "ii", 1, 2));
    weft_assert_error("TypeError: type() takes 1 or 3 arguments");
    cr_assert_eq(PyObject_SetAttrString((PyObject *)&PyLong_Type, "x", one), -1);
    weft_assert_error("TypeError: cannot set 'x' attribute of immutable type 'int'");
    cr_assert_null(PyObject_GetAttrString((PyObject *)&PyLong_Type, "nope"));
    weft_assert_error("AttributeError: type object 'int' has no attribute 'nope'");
}

static PyObject *
getter_impl(PyObject *mod, PyObject *self)
{
    return PyUnicode_FromFormat("got %s", Py_TYPE(self)->tp_name);
}
static PyMethodDef getter_def = {"getx", getter_impl, METH_O, NULL};

Test(type, property_and_set_name)
{
    PyObject *fget = PyCFunction_New(&getter_def, NULL);
    PyObject *prop = PyObject_CallOneArg((PyObject *)&PyProperty_Type, fget);
    cr_assert_not_null(prop, "%s", weft_error_utf8());
    PyObject *ns = PyDict_New();
    PyDict_SetItemString(ns, "x", prop);
    PyObject *bases = PyTuple_New(0);
    PyObject *cls = make_class("P", bases, ns);
    PyObject *p = PyObject_CallNoArgs(cls);
    weft_assert_repr(PyObject_GetAttrString(p, "x"), "'got P'");
    /* __set_name__ ran at class creation: the error names the property. */
    cr_assert_eq(PyObject_SetAttrString(p, "x", Py_None), -1);
    weft_assert_error("AttributeError: property 'x' of 'P' object has no setter");
    /* The class attribute is the property itself. */
    cr_assert_eq(PyObject_GetAttrString(cls, "x"), prop);
    /* Data descriptors win over the instance dict. */
    PyObject *d = PyObject_GetAttrString(p, "__dict__");
    PyDict_SetItemString(d, "x", Py_None);
    weft_assert_repr(PyObject_GetAttrString(p, "x"), "'got P'");
}

Test(type, classmethod_and_staticmethod_binding)
{
    PyObject *f = PyCFunction_New(&getter_def, NULL);
    PyObject *sm = PyStaticMethod_New(f);
    PyObject *ns = PyDict_New();
    PyDict_SetItemString(ns, "s", sm);
    PyObject *bases = PyTuple_New(0);
    PyObject *cls = make_class("Q", bases, ns);
    PyObject *q = PyObject_CallNoArgs(cls);
    cr_assert_eq(PyObject_GetAttrString(q, "s"), f);
    cr_assert_eq(PyObject_GetAttrString(cls, "s"), f);
    /* Class methods of built-in types bind to the class. */
    PyObject *fk = PyObject_GetAttrString((PyObject *)&PyDict_Type, "fromkeys");
    const char *fkr = weft_repr_utf8(fk);
    cr_assert(strncmp(fkr, "<built-in method fromkeys of type object at ", 44) == 0, "%s", fkr);
    PyObject *r = PyObject_CallFunction(fk, "(s)", "k");
    weft_assert_repr(r, "{'k': None}");
    weft_assert_repr(PyObject_GetAttrString((PyObject *)&PyDict_Type, "get"),
                     "<method 'get' of 'dict' objects>");
}
