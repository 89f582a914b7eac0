/* genericaliasobject.c: types.GenericAlias, what list[int] or
 * dict[str, int] evaluates to (PEP 585).  An alias remembers its origin
 * and arguments, prints as "list[int]", forwards attribute lookups to the
 * origin, creates the origin when called, refuses isinstance(), and
 * substitutes TypeVar-like parameters (list[T][int] -> list[int]). */
#include "Python.h"
#include "pycore_object.h"
#include "pycore_unionobject.h"
#include "genericaliasobject.h"

typedef struct {
    PyObject_HEAD
    PyObject *origin;
    PyObject *args;         /* tuple */
    PyObject *parameters;   /* tuple, computed on first use */
    int starred;            /* *tuple[int, ...] */
    vectorcallfunc vectorcall;
} gaobject;

static void
ga_dealloc(PyObject *self)
{
    gaobject *alias = (gaobject *)self;
    PyObject_GC_UnTrack(self);
    Py_XDECREF(alias->origin);
    Py_XDECREF(alias->args);
    Py_XDECREF(alias->parameters);
    Py_TYPE(self)->tp_free(self);
}

static int
ga_traverse(PyObject *self, visitproc visit, void *arg)
{
    gaobject *alias = (gaobject *)self;
    Py_VISIT(alias->origin);
    Py_VISIT(alias->args);
    Py_VISIT(alias->parameters);
    return 0;
}

/* ---- repr ------------------------------------------------------------------ */

/* One argument as typing shows it: "...", "int", "mod.Class", or repr(). */
PyObject *
_Py_typing_item_repr(PyObject *p)
{
    if (p == Py_Ellipsis) {
        return PyUnicode_FromString("...");
    }
    if (Py_IS_TYPE(p, &Py_GenericAliasType)) {
        return PyObject_Repr(p);
    }
    if (PyList_Check(p)) {
        /* Callable[[int, str], T] keeps its inner list. */
        PyObject *parts = PyList_New(0);
        if (parts == NULL) {
            return NULL;
        }
        for (Py_ssize_t i = 0; i < PyList_GET_SIZE(p); i++) {
            PyObject *r = _Py_typing_item_repr(PyList_GET_ITEM(p, i));
            if (r == NULL || PyList_Append(parts, r) < 0) {
                Py_XDECREF(r);
                Py_DECREF(parts);
                return NULL;
            }
            Py_DECREF(r);
        }
        PyObject *sep = PyUnicode_FromString(", ");
        PyObject *joined = sep ? PyUnicode_Join(sep, parts) : NULL;
        Py_XDECREF(sep);
        Py_DECREF(parts);
        if (joined == NULL) {
            return NULL;
        }
        PyObject *r = PyUnicode_FromFormat("[%U]", joined);
        Py_DECREF(joined);
        return r;
    }
    PyObject *qualname = NULL, *module = NULL, *tmp = NULL;
    int rc = PyObject_GetOptionalAttrString(p, "__origin__", &tmp);
    if (rc < 0) {
        return NULL;
    }
    if (tmp != NULL) {
        Py_DECREF(tmp);
        rc = PyObject_GetOptionalAttrString(p, "__args__", &tmp);
        if (rc < 0) {
            return NULL;
        }
        if (tmp != NULL) {
            /* Looks like a generic alias of typing's own. */
            Py_DECREF(tmp);
            return PyObject_Repr(p);
        }
    }
    if (PyObject_GetOptionalAttrString(p, "__qualname__", &qualname) < 0) {
        return NULL;
    }
    if (qualname == NULL) {
        return PyObject_Repr(p);
    }
    if (PyObject_GetOptionalAttrString(p, "__module__", &module) < 0) {
        Py_DECREF(qualname);
        return NULL;
    }
    PyObject *r;
    if (module == NULL || module == Py_None) {
        r = PyObject_Repr(p);
    }
    else if (PyUnicode_Check(module) && PyUnicode_EqualToUTF8(module, "builtins")) {
        r = PyObject_Str(qualname);
    }
    else {
        r = PyUnicode_FromFormat("%S.%S", module, qualname);
    }
    Py_DECREF(qualname);
    Py_XDECREF(module);
    return r;
}

static PyObject *
ga_repr(PyObject *self)
{
    gaobject *alias = (gaobject *)self;
    Py_ssize_t len = PyTuple_GET_SIZE(alias->args);
    PyObject *parts = PyList_New(0);
    if (parts == NULL) {
        return NULL;
    }
    PyObject *origin = _Py_typing_item_repr(alias->origin);
    if (origin == NULL) {
        Py_DECREF(parts);
        return NULL;
    }
    for (Py_ssize_t i = 0; i < len; i++) {
        PyObject *r = _Py_typing_item_repr(PyTuple_GET_ITEM(alias->args, i));
        if (r == NULL || PyList_Append(parts, r) < 0) {
            Py_XDECREF(r);
            Py_DECREF(parts);
            Py_DECREF(origin);
            return NULL;
        }
        Py_DECREF(r);
    }
    PyObject *result;
    if (len == 0) {
        result = PyUnicode_FromFormat("%s%U[()]", alias->starred ? "*" : "", origin);
    }
    else {
        PyObject *sep = PyUnicode_FromString(", ");
        PyObject *joined = sep ? PyUnicode_Join(sep, parts) : NULL;
        Py_XDECREF(sep);
        result = joined ? PyUnicode_FromFormat("%s%U[%U]", alias->starred ? "*" : "", origin,
                                               joined)
                        : NULL;
        Py_XDECREF(joined);
    }
    Py_DECREF(parts);
    Py_DECREF(origin);
    return result;
}

/* ---- parameters ------------------------------------------------------------ */

static int
is_typevar_like(PyObject *obj)
{
    if (PyType_Check(obj)) {
        return 0;
    }
    PyObject *subst;
    if (PyObject_GetOptionalAttrString(obj, "__typing_subst__", &subst) < 0) {
        return -1;
    }
    Py_XDECREF(subst);
    return subst != NULL;
}

static int
add_unique(PyObject *list, PyObject *item)
{
    int has = PySequence_Contains(list, item);
    if (has < 0) {
        return -1;
    }
    return has ? 0 : PyList_Append(list, item);
}

PyObject *
_Py_make_parameters(PyObject *args)
{
    PyObject *params = PyList_New(0);
    if (params == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(args); i++) {
        PyObject *t = PyTuple_GET_ITEM(args, i);
        int tv = is_typevar_like(t);
        if (tv < 0) {
            goto error;
        }
        if (tv) {
            if (add_unique(params, t) < 0) {
                goto error;
            }
            continue;
        }
        if (PyType_Check(t)) {
            continue;   /* a class's own __parameters__ is not an alias's */
        }
        PyObject *sub;
        if (PyObject_GetOptionalAttrString(t, "__parameters__", &sub) < 0) {
            goto error;
        }
        if (sub != NULL && PyTuple_Check(sub)) {
            for (Py_ssize_t j = 0; j < PyTuple_GET_SIZE(sub); j++) {
                if (add_unique(params, PyTuple_GET_ITEM(sub, j)) < 0) {
                    Py_DECREF(sub);
                    goto error;
                }
            }
        }
        Py_XDECREF(sub);
    }
    PyObject *res = PyList_AsTuple(params);
    Py_DECREF(params);
    return res;
error:
    Py_DECREF(params);
    return NULL;
}

static PyObject *
ga_parameters(PyObject *self, void *unused)
{
    gaobject *alias = (gaobject *)self;
    if (alias->parameters == NULL) {
        PyObject *p = _Py_make_parameters(alias->args);
        if (p == NULL) {
            return NULL;
        }
        Py_BEGIN_CRITICAL_SECTION(self);
        if (alias->parameters == NULL) {
            alias->parameters = p;
            p = NULL;
        }
        Py_END_CRITICAL_SECTION();
        Py_XDECREF(p);
    }
    return Py_NewRef(alias->parameters);
}

/* Replace each parameter in `obj` by its argument; recurse into aliases. */
static PyObject *
subst_one(PyObject *obj, PyObject *params, PyObject *argitems)
{
    Py_ssize_t n = PyTuple_GET_SIZE(params);
    for (Py_ssize_t i = 0; i < n; i++) {
        if (PyTuple_GET_ITEM(params, i) == obj) {
            return Py_NewRef(PyTuple_GET_ITEM(argitems, i));
        }
    }
    if (PyType_Check(obj)) {
        return Py_NewRef(obj);
    }
    PyObject *sub;
    if (PyObject_GetOptionalAttrString(obj, "__parameters__", &sub) < 0) {
        return NULL;
    }
    if (sub == NULL || !PyTuple_Check(sub) || PyTuple_GET_SIZE(sub) == 0) {
        Py_XDECREF(sub);
        return Py_NewRef(obj);
    }
    PyObject *subargs = PyTuple_New(PyTuple_GET_SIZE(sub));
    if (subargs == NULL) {
        Py_DECREF(sub);
        return NULL;
    }
    for (Py_ssize_t j = 0; j < PyTuple_GET_SIZE(sub); j++) {
        PyObject *r = subst_one(PyTuple_GET_ITEM(sub, j), params, argitems);
        if (r == NULL) {
            Py_DECREF(subargs);
            Py_DECREF(sub);
            return NULL;
        }
        PyTuple_SET_ITEM(subargs, j, r);
    }
    Py_DECREF(sub);
    PyObject *key = PyTuple_GET_SIZE(subargs) == 1 ? Py_NewRef(PyTuple_GET_ITEM(subargs, 0))
                                                   : Py_NewRef(subargs);
    Py_DECREF(subargs);
    PyObject *r = PyObject_GetItem(obj, key);
    Py_DECREF(key);
    return r;
}

/* The arguments of `self` (a GenericAlias or a UnionType whose arguments
 * are `args` and parameters `params`) with `item` substituted for the
 * parameters: a new tuple.  Shared by both types' __getitem__. */
PyObject *
_Py_subs_parameters(PyObject *self, PyObject *args, PyObject *params, PyObject *item)
{
    Py_ssize_t nparams = PyTuple_GET_SIZE(params);
    if (nparams == 0) {
        return PyErr_Format(PyExc_TypeError, "%R is not a generic class", self);
    }
    PyObject *argitems = PyTuple_Check(item) ? Py_NewRef(item) : PyTuple_Pack(1, item);
    if (argitems == NULL) {
        return NULL;
    }
    Py_ssize_t nitems = PyTuple_GET_SIZE(argitems);
    if (nitems != nparams) {
        PyErr_Format(PyExc_TypeError, "Too %s arguments for %R; actual %zd, expected %zd",
                     nitems > nparams ? "many" : "few", self, nitems, nparams);
        Py_DECREF(argitems);
        return NULL;
    }
    /* Each parameter vets and converts its argument first
     * (TypeVar.__typing_subst__), even one that appears only nested. */
    PyObject *checked = PyTuple_New(nitems);
    if (checked == NULL) {
        Py_DECREF(argitems);
        return NULL;
    }
    for (Py_ssize_t i = 0; i < nitems; i++) {
        PyObject *arg = PyTuple_GET_ITEM(argitems, i), *subst;
        if (PyObject_GetOptionalAttrString(PyTuple_GET_ITEM(params, i), "__typing_subst__",
                                           &subst) < 0) {
            goto error;
        }
        if (subst != NULL) {
            arg = PyObject_CallOneArg(subst, arg);
            Py_DECREF(subst);
            if (arg == NULL) {
                goto error;
            }
        }
        else {
            Py_INCREF(arg);
        }
        PyTuple_SET_ITEM(checked, i, arg);
    }
    Py_SETREF(argitems, checked);
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    PyObject *newargs = PyTuple_New(nargs);
    if (newargs == NULL) {
        Py_DECREF(argitems);
        return NULL;
    }
    for (Py_ssize_t i = 0; i < nargs; i++) {
        PyObject *r = subst_one(PyTuple_GET_ITEM(args, i), params, argitems);
        if (r == NULL) {
            Py_DECREF(newargs);
            Py_DECREF(argitems);
            return NULL;
        }
        PyTuple_SET_ITEM(newargs, i, r);
    }
    Py_DECREF(argitems);
    return newargs;
error:
    Py_DECREF(checked);
    Py_DECREF(argitems);
    return NULL;
}

static PyObject *
ga_getitem(PyObject *self, PyObject *item)
{
    gaobject *alias = (gaobject *)self;
    PyObject *params = ga_parameters(self, NULL);
    if (params == NULL) {
        return NULL;
    }
    PyObject *newargs = _Py_subs_parameters(self, alias->args, params, item);
    Py_DECREF(params);
    if (newargs == NULL) {
        return NULL;
    }
    PyObject *res = Py_GenericAlias(alias->origin, newargs);
    Py_DECREF(newargs);
    if (res != NULL) {
        ((gaobject *)res)->starred = alias->starred;
    }
    return res;
}

/* ---- attributes, calls, comparison ----------------------------------------- */

static const char *const attr_exceptions[] = {
    "__class__", "__bases__", "__origin__", "__args__", "__unpacked__", "__parameters__",
    "__typing_unpacked_tuple_args__", "__mro_entries__", "__reduce_ex__", "__reduce__",
    "__copy__", "__deepcopy__", NULL,
};

static PyObject *
ga_getattro(PyObject *self, PyObject *name)
{
    gaobject *alias = (gaobject *)self;
    if (PyUnicode_Check(name)) {
        const char *const *p;
        for (p = attr_exceptions; *p != NULL; p++) {
            if (PyUnicode_EqualToUTF8(name, *p)) {
                break;
            }
        }
        if (*p == NULL) {
            return PyObject_GetAttr(alias->origin, name);
        }
    }
    return PyObject_GenericGetAttr(self, name);
}

static PyObject *
ga_call(PyObject *self, PyObject *args, PyObject *kwds)
{
    gaobject *alias = (gaobject *)self;
    PyObject *obj = PyObject_Call(alias->origin, args, kwds);
    if (obj != NULL) {
        if (PyObject_SetAttrString(obj, "__orig_class__", self) < 0) {
            if (!PyErr_ExceptionMatches(PyExc_AttributeError) &&
                !PyErr_ExceptionMatches(PyExc_TypeError)) {
                Py_DECREF(obj);
                return NULL;
            }
            PyErr_Clear();
        }
    }
    return obj;
}

static PyObject *
ga_vectorcall(PyObject *self, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    gaobject *alias = (gaobject *)self;
    PyObject *obj = PyObject_Vectorcall(alias->origin, args, nargsf, kwnames);
    if (obj != NULL) {
        if (PyObject_SetAttrString(obj, "__orig_class__", self) < 0) {
            if (!PyErr_ExceptionMatches(PyExc_AttributeError) &&
                !PyErr_ExceptionMatches(PyExc_TypeError)) {
                Py_DECREF(obj);
                return NULL;
            }
            PyErr_Clear();
        }
    }
    return obj;
}

static PyObject *
ga_richcompare(PyObject *a, PyObject *b, int op)
{
    if (!PyObject_TypeCheck(a, &Py_GenericAliasType) ||
        !PyObject_TypeCheck(b, &Py_GenericAliasType) || (op != Py_EQ && op != Py_NE)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    gaobject *x = (gaobject *)a, *y = (gaobject *)b;
    if (x->starred != y->starred) {
        return Py_NewRef(op == Py_EQ ? Py_False : Py_True);
    }
    int eq = PyObject_RichCompareBool(x->origin, y->origin, Py_EQ);
    if (eq < 0) {
        return NULL;
    }
    if (!eq) {
        return Py_NewRef(op == Py_EQ ? Py_False : Py_True);
    }
    return PyObject_RichCompare(x->args, y->args, op);
}

static Py_hash_t
ga_hash(PyObject *self)
{
    gaobject *alias = (gaobject *)self;
    Py_hash_t h0 = PyObject_Hash(alias->origin);
    if (h0 == -1) {
        return -1;
    }
    Py_hash_t h1 = PyObject_Hash(alias->args);
    if (h1 == -1) {
        return -1;
    }
    Py_hash_t h = h0 ^ h1;
    return h == -1 ? -2 : h;
}

static PyObject *
ga_mro_entries(PyObject *self, PyObject *args)
{
    return PyTuple_Pack(1, ((gaobject *)self)->origin);
}

static PyObject *
ga_instancecheck(PyObject *self, PyObject *obj)
{
    PyErr_SetString(PyExc_TypeError,
                    "isinstance() argument 2 cannot be a parameterized generic");
    return NULL;
}

static PyObject *
ga_subclasscheck(PyObject *self, PyObject *obj)
{
    PyErr_SetString(PyExc_TypeError,
                    "issubclass() argument 2 cannot be a parameterized generic");
    return NULL;
}

static PyObject *
ga_reduce(PyObject *self, PyObject *unused)
{
    gaobject *alias = (gaobject *)self;
    return Py_BuildValue("O(OO)", Py_TYPE(self), alias->origin, alias->args);
}

static PyObject *
ga_dir(PyObject *self, PyObject *unused)
{
    PyObject *dir = PyObject_Dir(((gaobject *)self)->origin);
    if (dir == NULL) {
        return NULL;
    }
    for (const char *const *p = attr_exceptions; *p != NULL; p++) {
        PyObject *name = PyUnicode_FromString(*p);
        if (name == NULL) {
            Py_DECREF(dir);
            return NULL;
        }
        int has = PySequence_Contains(dir, name);
        if (has == 0) {
            has = PyList_Append(dir, name);
        }
        Py_DECREF(name);
        if (has < 0) {
            Py_DECREF(dir);
            return NULL;
        }
    }
    return dir;
}

static PyObject *
ga_or(PyObject *a, PyObject *b)
{
    return _Py_union_type_or(a, b);
}

static PyObject *
ga_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    if (!_PyArg_NoKeywords("GenericAlias", kwds)) {
        return NULL;
    }
    PyObject *origin, *arguments;
    if (!PyArg_UnpackTuple(args, "GenericAlias", 2, 2, &origin, &arguments)) {
        return NULL;
    }
    PyObject *tuple = PyTuple_Check(arguments) ? Py_NewRef(arguments)
                                               : PyTuple_Pack(1, arguments);
    if (tuple == NULL) {
        return NULL;
    }
    gaobject *alias = (gaobject *)type->tp_alloc(type, 0);
    if (alias == NULL) {
        Py_DECREF(tuple);
        return NULL;
    }
    alias->origin = Py_NewRef(origin);
    alias->args = tuple;
    alias->vectorcall = ga_vectorcall;
    return (PyObject *)alias;
}

static PyObject *
ga_get_unpacked(PyObject *self, void *unused)
{
    return PyBool_FromLong(((gaobject *)self)->starred);
}

static PyObject *
ga_unpacked_tuple_args(PyObject *self, void *unused)
{
    gaobject *alias = (gaobject *)self;
    if (alias->starred && alias->origin == (PyObject *)&PyTuple_Type) {
        return Py_NewRef(alias->args);
    }
    Py_RETURN_NONE;
}

/* *tuple[int, ...] iterates to one starred copy of the alias. */
static PyObject *
ga_iter(PyObject *self)
{
    gaobject *alias = (gaobject *)self;
    PyObject *starred = Py_GenericAlias(alias->origin, alias->args);
    if (starred == NULL) {
        return NULL;
    }
    ((gaobject *)starred)->starred = 1;
    PyObject *tup = PyTuple_Pack(1, starred);
    Py_DECREF(starred);
    if (tup == NULL) {
        return NULL;
    }
    PyObject *it = PyObject_GetIter(tup);
    Py_DECREF(tup);
    return it;
}

static PyMethodDef ga_methods[] = {
    {"__mro_entries__", ga_mro_entries, METH_O, NULL},
    {"__instancecheck__", ga_instancecheck, METH_O, NULL},
    {"__subclasscheck__", ga_subclasscheck, METH_O, NULL},
    {"__reduce__", ga_reduce, METH_NOARGS, NULL},
    {"__dir__", ga_dir, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyMemberDef ga_members[] = {
    {"__origin__", _Py_T_OBJECT, offsetof(gaobject, origin), Py_READONLY, NULL},
    {"__args__", _Py_T_OBJECT, offsetof(gaobject, args), Py_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

static PyGetSetDef ga_getset[] = {
    {"__parameters__", ga_parameters, NULL, "Type variables in the GenericAlias.", NULL},
    {"__unpacked__", ga_get_unpacked, NULL, NULL, NULL},
    {"__typing_unpacked_tuple_args__", ga_unpacked_tuple_args, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyMappingMethods ga_as_mapping = {
    .mp_subscript = ga_getitem,
};

static PyNumberMethods ga_as_number = {
    .nb_or = ga_or,
};

PyTypeObject Py_GenericAliasType = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "types.GenericAlias",
    .tp_basicsize = sizeof(gaobject),
    .tp_dealloc = ga_dealloc,
    .tp_vectorcall_offset = offsetof(gaobject, vectorcall),
    .tp_repr = ga_repr,
    .tp_as_number = &ga_as_number,
    .tp_as_mapping = &ga_as_mapping,
    .tp_hash = ga_hash,
    .tp_call = ga_call,
    .tp_getattro = ga_getattro,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE |
                Py_TPFLAGS_HAVE_VECTORCALL,
    .tp_doc = "GenericAlias(origin, args, /)\n--\n\n"
              "Represent a PEP 585 generic type\n\n"
              "E.g. for t = list[int], t.__origin__ is list and t.__args__ is (int,).",
    .tp_traverse = ga_traverse,
    .tp_richcompare = ga_richcompare,
    .tp_iter = ga_iter,
    .tp_methods = ga_methods,
    .tp_members = ga_members,
    .tp_getset = ga_getset,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = ga_new,
    .tp_free = PyObject_GC_Del,
};

PyObject *
Py_GenericAlias(PyObject *origin, PyObject *args)
{
    PyObject *tuple = PyTuple_Check(args) ? Py_NewRef(args) : PyTuple_Pack(1, args);
    if (tuple == NULL) {
        return NULL;
    }
    gaobject *alias = PyObject_GC_New(gaobject, &Py_GenericAliasType);
    if (alias == NULL) {
        Py_DECREF(tuple);
        return NULL;
    }
    alias->origin = Py_NewRef(origin);
    alias->args = tuple;
    alias->parameters = NULL;
    alias->starred = 0;
    alias->vectorcall = ga_vectorcall;
    PyObject_GC_Track(alias);
    return (PyObject *)alias;
}
