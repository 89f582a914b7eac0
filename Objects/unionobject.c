/* unionobject.c: types.UnionType, what int | str evaluates to (PEP 604).
 * A union holds its flattened, de-duplicated members (None is stored as
 * NoneType), prints as "int | str", compares as a set, and works as the
 * second argument of isinstance() and issubclass(). */
#include "Python.h"
#include "pycore_object.h"
#include "pycore_unionobject.h"
#include "genericaliasobject.h"

typedef struct {
    PyObject_HEAD
    PyObject *args;         /* tuple */
    PyObject *parameters;   /* tuple, computed on first use */
} unionobject;

PyObject *
_Py_union_args(PyObject *self)
{
    return ((unionobject *)self)->args;
}

static void
union_dealloc(PyObject *self)
{
    unionobject *u = (unionobject *)self;
    PyObject_GC_UnTrack(self);
    Py_XDECREF(u->args);
    Py_XDECREF(u->parameters);
    Py_TYPE(self)->tp_free(self);
}

static int
union_traverse(PyObject *self, visitproc visit, void *arg)
{
    unionobject *u = (unionobject *)self;
    Py_VISIT(u->args);
    Py_VISIT(u->parameters);
    return 0;
}

static int
is_unionable(PyObject *obj)
{
    return obj == Py_None || PyType_Check(obj) ||
           PyObject_TypeCheck(obj, &Py_GenericAliasType) || _PyUnion_Check(obj);
}

/* Append obj (or a union's members) unless an equal member is there. */
static int
add_member(PyObject *list, PyObject *obj)
{
    if (_PyUnion_Check(obj)) {
        PyObject *args = ((unionobject *)obj)->args;
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(args); i++) {
            if (add_member(list, PyTuple_GET_ITEM(args, i)) < 0) {
                return -1;
            }
        }
        return 0;
    }
    if (obj == Py_None) {
        obj = (PyObject *)&_PyNone_Type;
    }
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(list); i++) {
        PyObject *m = PyList_GET_ITEM(list, i);
        if (m == obj) {
            return 0;
        }
        if (PyObject_TypeCheck(m, &Py_GenericAliasType) &&
            PyObject_TypeCheck(obj, &Py_GenericAliasType)) {
            int eq = PyObject_RichCompareBool(m, obj, Py_EQ);
            if (eq < 0) {
                return -1;
            }
            if (eq) {
                return 0;
            }
        }
    }
    return PyList_Append(list, obj);
}

PyObject *
_Py_union_type_or(PyObject *a, PyObject *b)
{
    if (!is_unionable(a) || !is_unionable(b)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    PyObject *list = PyList_New(0);
    if (list == NULL) {
        return NULL;
    }
    if (add_member(list, a) < 0 || add_member(list, b) < 0) {
        Py_DECREF(list);
        return NULL;
    }
    if (PyList_GET_SIZE(list) == 1) {
        PyObject *only = Py_NewRef(PyList_GET_ITEM(list, 0));
        Py_DECREF(list);
        return only;
    }
    PyObject *args = PyList_AsTuple(list);
    Py_DECREF(list);
    if (args == NULL) {
        return NULL;
    }
    unionobject *u = PyObject_GC_New(unionobject, &_PyUnion_Type);
    if (u == NULL) {
        Py_DECREF(args);
        return NULL;
    }
    u->args = args;
    u->parameters = NULL;
    PyObject_GC_Track(u);
    return (PyObject *)u;
}

static PyObject *
union_repr(PyObject *self)
{
    PyObject *args = ((unionobject *)self)->args;
    PyObject *parts = PyList_New(0);
    if (parts == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(args); i++) {
        PyObject *item = PyTuple_GET_ITEM(args, i);
        /* NoneType is shown as None in a union only (int | None) */
        PyObject *r = item == (PyObject *)&_PyNone_Type ? PyUnicode_FromString("None")
                                                       : _Py_typing_item_repr(item);
        if (r == NULL || PyList_Append(parts, r) < 0) {
            Py_XDECREF(r);
            Py_DECREF(parts);
            return NULL;
        }
        Py_DECREF(r);
    }
    PyObject *sep = PyUnicode_FromString(" | ");
    PyObject *res = sep ? PyUnicode_Join(sep, parts) : NULL;
    Py_XDECREF(sep);
    Py_DECREF(parts);
    return res;
}

static Py_hash_t
union_hash(PyObject *self)
{
    PyObject *set = PyFrozenSet_New(((unionobject *)self)->args);
    if (set == NULL) {
        return -1;
    }
    Py_hash_t h = PyObject_Hash(set);
    Py_DECREF(set);
    return h;
}

static PyObject *
union_richcompare(PyObject *a, PyObject *b, int op)
{
    if (!_PyUnion_Check(b) || (op != Py_EQ && op != Py_NE)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    PyObject *sa = PyFrozenSet_New(((unionobject *)a)->args);
    if (sa == NULL) {
        return NULL;
    }
    PyObject *sb = PyFrozenSet_New(((unionobject *)b)->args);
    if (sb == NULL) {
        Py_DECREF(sa);
        return NULL;
    }
    PyObject *res = PyObject_RichCompare(sa, sb, op);
    Py_DECREF(sa);
    Py_DECREF(sb);
    return res;
}

static PyObject *
union_instancecheck(PyObject *self, PyObject *obj)
{
    int r = PyObject_IsInstance(obj, ((unionobject *)self)->args);
    if (r < 0) {
        return NULL;
    }
    return PyBool_FromLong(r);
}

static PyObject *
union_subclasscheck(PyObject *self, PyObject *obj)
{
    int r = PyObject_IsSubclass(obj, ((unionobject *)self)->args);
    if (r < 0) {
        return NULL;
    }
    return PyBool_FromLong(r);
}

static PyObject *
union_parameters(PyObject *self, void *unused)
{
    unionobject *u = (unionobject *)self;
    if (u->parameters == NULL) {
        PyObject *p = _Py_make_parameters(u->args);
        if (p == NULL) {
            return NULL;
        }
        Py_BEGIN_CRITICAL_SECTION(self);
        if (u->parameters == NULL) {
            u->parameters = p;
            p = NULL;
        }
        Py_END_CRITICAL_SECTION();
        Py_XDECREF(p);
    }
    return Py_NewRef(u->parameters);
}

/* (int | list[T])[str]: substitute, then rebuild the union with | so
 * duplicates collapse and a single result stays itself. */
static PyObject *
union_getitem(PyObject *self, PyObject *item)
{
    PyObject *params = union_parameters(self, NULL);
    if (params == NULL) {
        return NULL;
    }
    PyObject *newargs = _Py_subs_parameters(self, ((unionobject *)self)->args, params, item);
    Py_DECREF(params);
    if (newargs == NULL) {
        return NULL;
    }
    Py_ssize_t n = PyTuple_GET_SIZE(newargs);
    PyObject *res = n > 0 ? Py_NewRef(PyTuple_GET_ITEM(newargs, 0)) : NULL;
    for (Py_ssize_t i = 1; i < n && res != NULL; i++) {
        Py_SETREF(res, PyNumber_Or(res, PyTuple_GET_ITEM(newargs, i)));
    }
    Py_DECREF(newargs);
    return res;
}

static PyMappingMethods union_as_mapping = {
    .mp_subscript = union_getitem,
};

/* Attribute access falls back to the generic one; __args__ is a member. */
static PyMethodDef union_methods[] = {
    {"__instancecheck__", union_instancecheck, METH_O, NULL},
    {"__subclasscheck__", union_subclasscheck, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static PyMemberDef union_members[] = {
    {"__args__", _Py_T_OBJECT, offsetof(unionobject, args), Py_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

static PyGetSetDef union_getset[] = {
    {"__parameters__", union_parameters, NULL, "Type variables in the types.UnionType.", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyNumberMethods union_as_number = {
    .nb_or = _Py_union_type_or,
};

PyTypeObject _PyUnion_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "types.UnionType",
    .tp_basicsize = sizeof(unionobject),
    .tp_dealloc = union_dealloc,
    .tp_repr = union_repr,
    .tp_as_number = &union_as_number,
    .tp_as_mapping = &union_as_mapping,
    .tp_hash = union_hash,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "Represent a PEP 604 union type\n\nE.g. for int | str",
    .tp_traverse = union_traverse,
    .tp_richcompare = union_richcompare,
    .tp_methods = union_methods,
    .tp_members = union_members,
    .tp_getset = union_getset,
    .tp_free = PyObject_GC_Del,
};
