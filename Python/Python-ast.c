/* Python-ast.c: the `_ast` module (what Lib/ast.py builds on): the base
 * class AST, one Python class per AST node type (made once from the tables
 * in the generated ast_nodes.h), and the conversions between the parser's
 * C tree (pycore_ast.h) and trees of node objects, used by
 * compile(..., PyCF_ONLY_AST) and by compiling an AST object.
 *
 * The classes are created on first use and never change afterwards, so
 * after the one-time setup (under a mutex) they are read without locks. */
#include "Python.h"
#include <math.h>
#include "pycore_ast.h"
#include "pycore_compile.h"
#include "pycore_pyarena.h"
#include "compile_internal.h"

typedef enum { F_REQ, F_OPT, F_SEQ } field_kind;

typedef struct {
    const char *name;
    field_kind kind;
    const char *doc;            /* "expr* values" */
} ast_field_spec;

typedef struct {
    const char *name;
    int base;                   /* class index, -1: AST itself */
    const ast_field_spec *fields;
    const ast_field_spec *attrs;
    int abstract;
} ast_class_spec;

#include "ast_nodes.h"

/* ---------------------------------------------------------------- AST */

typedef struct {
    PyObject_HEAD
    PyObject *dict;
} AST_object;

static int
ast_traverse(PyObject *self, visitproc visit, void *arg)
{
    /* The node classes' subtype_traverse visits the class itself. */
    Py_VISIT(((AST_object *)self)->dict);
    return 0;
}

static int
ast_clear(PyObject *self)
{
    Py_CLEAR(((AST_object *)self)->dict);
    return 0;
}

static void
ast_dealloc(PyObject *self)
{
    /* For node classes (heap types) subtype_dealloc calls this and then
     * releases the class. */
    PyObject_GC_UnTrack(self);
    Py_CLEAR(((AST_object *)self)->dict);
    Py_TYPE(self)->tp_free(self);
}

/* The generated class `tp` is, or derives from (user subclasses). */
static int
spec_of(PyTypeObject *tp)
{
    PyObject *mro = tp->tp_mro;
    if (mro == NULL) {
        return -1;
    }
    for (Py_ssize_t k = 0; k < PyTuple_GET_SIZE(mro); k++) {
        PyObject *t = PyTuple_GET_ITEM(mro, k);
        for (int i = 0; i < AST_NUM_CLASSES; i++) {
            if (ast_classes[i] == t) {
                return i;
            }
        }
    }
    return -1;
}

/* AST(*args, **kwargs): positional arguments fill _fields in order.
 * Omitted optional fields become None, omitted lists [], an omitted ctx
 * Load() (Python 3.13); an omitted required field only warns. */
static int
ast_type_init(PyObject *self, PyObject *args, PyObject *kw)
{
    PyObject *fields = PyObject_GetAttrString((PyObject *)Py_TYPE(self), "_fields");
    if (fields == NULL) {
        return -1;
    }
    PyObject *seq = PySequence_Tuple(fields);
    Py_DECREF(fields);
    if (seq == NULL) {
        return -1;
    }
    int rc = -1;
    /* Names given as arguments: a required field not among them warns even
     * when something else (a property) set it, as CPython. */
    PyObject *given = PySet_New(NULL);
    if (given == NULL) {
        Py_DECREF(seq);
        return -1;
    }
    Py_ssize_t nfields = PyTuple_GET_SIZE(seq), nargs = PyTuple_GET_SIZE(args);
    if (nargs > nfields) {
        PyErr_Format(PyExc_TypeError, "%.400s constructor takes at most %zd positional argument%s",
                     Py_TYPE(self)->tp_name, nfields, nfields == 1 ? "" : "s");
        goto done;
    }
    for (Py_ssize_t i = 0; i < nargs; i++) {
        if (PyObject_SetAttr(self, PyTuple_GET_ITEM(seq, i), PyTuple_GET_ITEM(args, i)) < 0 ||
            PySet_Add(given, PyTuple_GET_ITEM(seq, i)) < 0) {
            goto done;
        }
    }
    if (kw != NULL) {
        Py_ssize_t pos = 0;
        PyObject *key, *value;
        while (PyDict_Next(kw, &pos, &key, &value)) {
            for (Py_ssize_t i = 0; i < nargs; i++) {
                int eq = PyObject_RichCompareBool(key, PyTuple_GET_ITEM(seq, i), Py_EQ);
                if (eq < 0) {
                    goto done;
                }
                if (eq) {
                    PyErr_Format(PyExc_TypeError, "%.400s got multiple values for argument %R",
                                 Py_TYPE(self)->tp_name, key);
                    goto done;
                }
            }
            int known = PySequence_Contains(seq, key);
            if (known == 0) {
                PyObject *attrs = PyObject_GetAttrString((PyObject *)Py_TYPE(self), "_attributes");
                if (attrs == NULL) {
                    PyErr_Clear();
                }
                else {
                    known = PySequence_Contains(attrs, key);
                    Py_DECREF(attrs);
                }
            }
            if (known < 0) {
                goto done;
            }
            if (!known && PyErr_WarnFormat(PyExc_DeprecationWarning, 1,
                                           "%.400s.__init__ got an unexpected keyword argument "
                                           "%R. Support for arbitrary keyword arguments is "
                                           "deprecated and will be removed in Python 3.15.",
                                           Py_TYPE(self)->tp_name, key) < 0) {
                goto done;
            }
            if (PyObject_SetAttr(self, key, value) < 0 || PySet_Add(given, key) < 0) {
                goto done;
            }
        }
    }
    int si = spec_of(Py_TYPE(self));
    const ast_field_spec *fs = si >= 0 ? class_specs[si].fields : NULL;
    for (; fs != NULL && fs->name != NULL; fs++) {
        PyObject *v;
        PyObject *name = PyUnicode_FromString(fs->name);
        int named = name != NULL ? PySet_Contains(given, name) : -1;
        if (named == 0) {
            /* A subclass that renames _fields (ast.Num: ('n',)) owns only those. */
            int listed = PySequence_Contains(seq, name);
            named = listed < 0 ? -1 : !listed;
        }
        Py_XDECREF(name);
        if (named != 0) {
            if (named < 0) {
                goto done;
            }
            continue;
        }
        if (PyObject_GetOptionalAttrString(self, fs->name, &v) < 0) {
            goto done;
        }
        int required = fs->kind != F_SEQ && fs->kind != F_OPT &&
                       strncmp(fs->doc, "expr_context ", 13) != 0;
        if (v != NULL) {
            Py_DECREF(v);
            if (!required) {
                continue;
            }
        }
        if (fs->kind == F_SEQ) {
            v = PyList_New(0);
        }
        else if (fs->kind == F_OPT) {
            v = Py_NewRef(Py_None);
        }
        else if (strncmp(fs->doc, "expr_context ", 13) == 0) {
            v = Py_NewRef(enum_singletons[AST_CLS_Load]);
        }
        else {
            if (PyErr_WarnFormat(PyExc_DeprecationWarning, 1,
                                 "%.400s.__init__ missing 1 required positional argument: "
                                 "'%s'. This will become an error in Python 3.15.",
                                 Py_TYPE(self)->tp_name, fs->name) < 0) {
                goto done;
            }
            continue;
        }
        if (v == NULL || PyObject_SetAttrString(self, fs->name, v) < 0) {
            Py_XDECREF(v);
            goto done;
        }
        Py_DECREF(v);
    }
    rc = 0;
done:
    Py_DECREF(given);
    Py_DECREF(seq);
    return rc;
}

/* Pickling and copy: rebuild with None for every field (so no "missing
 * argument" warning), then restore __dict__. */
static PyObject *
ast_reduce(PyObject *self, PyObject *unused)
{
    PyObject *fields;
    if (PyObject_GetOptionalAttrString((PyObject *)Py_TYPE(self), "_fields", &fields) < 0) {
        return NULL;
    }
    Py_ssize_t n = 0;
    if (fields != NULL) {
        n = PySequence_Size(fields);
        Py_DECREF(fields);
        if (n < 0) {
            return NULL;
        }
    }
    PyObject *args = PyTuple_New(n);
    if (args == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyTuple_SET_ITEM(args, i, Py_NewRef(Py_None));
    }
    PyObject *dict = ((AST_object *)self)->dict;
    PyObject *r = (dict != NULL && PyDict_GET_SIZE(dict) > 0)
                  ? Py_BuildValue("OOO", Py_TYPE(self), args, dict)
                  : Py_BuildValue("OO", Py_TYPE(self), args);
    Py_DECREF(args);
    return r;
}

static PyMethodDef ast_methods[] = {
    {"__reduce__", ast_reduce, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef ast_getset[] = {
    {"__dict__", PyObject_GenericGetDict, PyObject_GenericSetDict, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyTypeObject AST_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "ast.AST",
    .tp_basicsize = sizeof(AST_object),
    .tp_dealloc = ast_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_setattro = PyObject_GenericSetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = ast_traverse,
    .tp_clear = ast_clear,
    .tp_methods = ast_methods,
    .tp_getset = ast_getset,
    .tp_dictoffset = offsetof(AST_object, dict),
    .tp_init = ast_type_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = PyType_GenericNew,
    .tp_free = PyObject_GC_Del,
};

/* ---------------------------------------------------------------- classes */

static PyMutex ast_init_lock;
static int ast_is_ready;        /* atomic: classes made */

static PyObject *
names_tuple(const ast_field_spec *fs)
{
    Py_ssize_t n = 0;
    for (const ast_field_spec *f = fs; f != NULL && f->name != NULL; f++) {
        n++;
    }
    PyObject *t = PyTuple_New(n);
    for (Py_ssize_t i = 0; t != NULL && i < n; i++) {
        PyObject *s = PyUnicode_InternFromString(fs[i].name);
        if (s == NULL) {
            Py_CLEAR(t);
            break;
        }
        PyTuple_SET_ITEM(t, i, s);
    }
    return t;
}

static PyObject *
class_doc(const ast_class_spec *spec)
{
    if (spec->fields == NULL) {
        return PyUnicode_FromString(spec->name);
    }
    PyObject *parts = PyList_New(0);
    if (parts == NULL) {
        return NULL;
    }
    for (const ast_field_spec *f = spec->fields; f->name != NULL; f++) {
        PyObject *s = PyUnicode_FromString(f->doc);
        if (s == NULL || PyList_Append(parts, s) < 0) {
            Py_XDECREF(s);
            Py_DECREF(parts);
            return NULL;
        }
        Py_DECREF(s);
    }
    PyObject *sep = PyUnicode_FromString(", ");
    PyObject *joined = sep ? PyUnicode_Join(sep, parts) : NULL;
    Py_XDECREF(sep);
    Py_DECREF(parts);
    if (joined == NULL) {
        return NULL;
    }
    PyObject *doc = PyUnicode_FromFormat("%s(%U)", spec->name, joined);
    Py_DECREF(joined);
    return doc;
}

static PyObject *
make_class(int i)
{
    const ast_class_spec *spec = &class_specs[i];
    PyObject *base = spec->base < 0 ? (PyObject *)&AST_type : ast_classes[spec->base];
    PyObject *fields = names_tuple(spec->fields);
    PyObject *attrs = names_tuple(spec->attrs);
    PyObject *doc = class_doc(spec);
    PyObject *cls = NULL;
    if (fields != NULL && attrs != NULL && doc != NULL) {
        cls = PyObject_CallFunction((PyObject *)&PyType_Type, "s(O){sOsOsOsssO}", spec->name,
                                    base, "_fields", fields, "_attributes", attrs,
                                    "__match_args__", fields, "__module__", "ast",
                                    "__doc__", doc);
    }
    Py_XDECREF(fields);
    Py_XDECREF(attrs);
    Py_XDECREF(doc);
    /* Optional fields and attributes default to None on the class, which
     * ast.dump() relies on to leave them out. */
    const ast_field_spec *lists[2] = {spec->fields, spec->attrs};
    for (int k = 0; cls != NULL && k < 2; k++) {
        for (const ast_field_spec *f = lists[k]; f != NULL && f->name != NULL; f++) {
            if (f->kind == F_OPT && PyObject_SetAttrString(cls, f->name, Py_None) < 0) {
                Py_CLEAR(cls);
                break;
            }
        }
    }
    return cls;
}

/* Make the classes once. */
static int
ast_ready(void)
{
    if (_Py_atomic_load_int(&ast_is_ready)) {
        return 0;
    }
    int rc = 0;
    PyMutex_Lock(&ast_init_lock);
    if (!ast_is_ready) {
        if (PyType_Ready(&AST_type) < 0) {
            rc = -1;
        }
        else {
            /* AST itself has no fields and no attributes. */
            PyObject *empty = PyTuple_New(0);
            if (empty == NULL ||
                PyDict_SetItemString(AST_type.tp_dict, "_fields", empty) < 0 ||
                PyDict_SetItemString(AST_type.tp_dict, "_attributes", empty) < 0) {
                rc = -1;
            }
            Py_XDECREF(empty);
            PyType_Modified(&AST_type);
        }
        for (int i = 0; rc == 0 && i < AST_NUM_CLASSES; i++) {
            if (ast_classes[i] != NULL) {
                continue;
            }
            ast_classes[i] = make_class(i);
            if (ast_classes[i] == NULL) {
                rc = -1;
                break;
            }
            /* Enumerations (Load, Add, ...) are used as shared instances. */
            const ast_class_spec *spec = &class_specs[i];
            if (!spec->abstract && spec->fields == NULL && spec->attrs == NULL &&
                spec->base >= 0 && class_specs[spec->base].abstract &&
                class_specs[spec->base].attrs == NULL) {
                enum_singletons[i] = PyObject_CallNoArgs(ast_classes[i]);
                if (enum_singletons[i] == NULL) {
                    rc = -1;
                }
            }
        }
        if (rc == 0) {
            _Py_atomic_store_int(&ast_is_ready, 1);
        }
    }
    PyMutex_Unlock(&ast_init_lock);
    return rc;
}

/* ---------------------------------------------------------------- C -> objects */

static PyObject *
new_node(int cls)
{
    PyTypeObject *tp = (PyTypeObject *)ast_classes[cls];
    return tp->tp_alloc(tp, 0);
}

static int
set_field(PyObject *node, const char *name, PyObject *v)
{
    if (v == NULL) {
        return -1;
    }
    int r = PyObject_SetAttrString(node, name, v);
    Py_DECREF(v);
    return r;
}

static PyObject *
ast2obj_identifier(identifier id)
{
    if (id == NULL) {
        Py_RETURN_NONE;
    }
    return PyUnicode_FromString(id);
}

static PyObject *
ast2obj_string(const char *s)
{
    if (s == NULL) {
        Py_RETURN_NONE;
    }
    return PyUnicode_FromString(s);
}

static PyObject *
ast2obj_constant(constant *c)
{
    return _PyCompile_ConstValue(NULL, c);
}

/* ---------------------------------------------------------------- objects -> C */

/* obj.name into *out (new reference); NULL when absent (or None) and not
 * required. */
static int
get_field(PyObject *obj, const char *name, const char *owner, int kind, PyObject **out)
{
    *out = NULL;
    PyObject *v;
    if (PyObject_GetOptionalAttrString(obj, name, &v) < 0) {
        return -1;
    }
    if (v == Py_None && kind == F_OPT) {
        Py_CLEAR(v);
    }
    if (v == NULL && kind == F_REQ) {
        PyErr_Format(PyExc_TypeError, "required field \"%s\" missing from %s", name, owner);
        return -1;
    }
    if (v == Py_None && kind == F_REQ) {
        Py_DECREF(v);
        PyErr_Format(PyExc_ValueError, "field '%s' is required for %s", name, owner);
        return -1;
    }
    *out = v;
    return 0;
}

static Py_ssize_t
list_field_len(PyObject *list, const char *owner, const char *name)
{
    if (!PyList_Check(list)) {
        PyErr_Format(PyExc_TypeError, "%s field \"%s\" must be a list, not a %.200s", owner,
                     name, Py_TYPE(list)->tp_name);
        return -1;
    }
    return PyList_GET_SIZE(list);
}

static int
utf8_to_arena(PyObject *s, const char **out, PyArena *arena)
{
    Py_ssize_t n;
    const char *u = PyUnicode_AsUTF8AndSize(s, &n);
    if (u == NULL) {
        return -1;
    }
    char *copy = _PyArena_Strndup(arena, u, (size_t)n);
    if (copy == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    *out = copy;
    return 0;
}

static int
obj2ast_identifier(PyObject *obj, identifier *out, PyArena *arena)
{
    /* Optional identifiers never get here as None (get_field). */
    if (!PyUnicode_CheckExact(obj)) {
        PyErr_SetString(PyExc_TypeError, "AST identifier must be of type str");
        return -1;
    }
    return utf8_to_arena(obj, out, arena);
}

static int
obj2ast_string(PyObject *obj, const char **out, PyArena *arena)
{
    if (!PyUnicode_CheckExact(obj) && !PyBytes_CheckExact(obj)) {
        PyErr_SetString(PyExc_TypeError, "AST string must be of type str");
        return -1;
    }
    if (PyBytes_CheckExact(obj)) {
        *out = _PyArena_Strndup(arena, PyBytes_AS_STRING(obj), (size_t)PyBytes_GET_SIZE(obj));
        return *out ? 0 : (PyErr_NoMemory(), -1);
    }
    return utf8_to_arena(obj, out, arena);
}

static int
obj2ast_int(PyObject *obj, int *out)
{
    if (!PyLong_Check(obj)) {
        PyErr_Format(PyExc_ValueError, "invalid integer value: %R", obj);
        return -1;
    }
    int overflow;
    long v = PyLong_AsLongAndOverflow(obj, &overflow);
    if (v == -1 && PyErr_Occurred()) {
        return -1;
    }
    if (overflow || v > INT_MAX || v < INT_MIN) {
        PyErr_SetString(PyExc_OverflowError, "Python int too large to convert to C int");
        return -1;
    }
    *out = (int)v;
    return 0;
}

/* Text of `o` (str(o) / repr(o)) copied into the arena. */
static int
text_of(PyObject *o, int use_repr, constant *out, PyArena *arena)
{
    PyObject *s = use_repr ? PyObject_Repr(o) : PyObject_Str(o);
    if (s == NULL) {
        return -1;
    }
    int r = utf8_to_arena(s, &out->data, arena);
    Py_DECREF(s);
    if (r == 0) {
        out->len = (Py_ssize_t)strlen(out->data);
    }
    return r;
}

static int
obj2ast_constant(PyObject *obj, constant *out, PyArena *arena)
{
    memset(out, 0, sizeof(*out));
    if (obj == Py_None) {
        out->kind = CONST_NONE;
        return 0;
    }
    if (obj == Py_True || obj == Py_False) {
        out->kind = obj == Py_True ? CONST_TRUE : CONST_FALSE;
        return 0;
    }
    if (obj == Py_Ellipsis) {
        out->kind = CONST_ELLIPSIS;
        return 0;
    }
    if (PyLong_CheckExact(obj)) {
        out->kind = CONST_INT;
        out->base = 10;
        return text_of(obj, 1, out, arena);
    }
    if (PyFloat_CheckExact(obj)) {
        out->kind = CONST_FLOAT;
        return text_of(obj, 1, out, arena);
    }
    if (PyComplex_CheckExact(obj) && PyComplex_RealAsDouble(obj) == 0.0 &&
        !signbit(PyComplex_RealAsDouble(obj))) {
        PyObject *im = PyFloat_FromDouble(PyComplex_ImagAsDouble(obj));
        if (im == NULL) {
            return -1;
        }
        out->kind = CONST_IMAG;
        int r = text_of(im, 1, out, arena);
        Py_DECREF(im);
        return r;
    }
    if (PyUnicode_CheckExact(obj)) {
        PyObject *b = PyUnicode_AsEncodedString(obj, "utf-8", "surrogatepass");
        if (b == NULL) {
            return -1;
        }
        out->kind = CONST_STR;
        out->len = PyBytes_GET_SIZE(b);
        out->data = _PyArena_Strndup(arena, PyBytes_AS_STRING(b), (size_t)out->len);
        Py_DECREF(b);
        return out->data ? 0 : (PyErr_NoMemory(), -1);
    }
    if (PyBytes_CheckExact(obj)) {
        out->kind = CONST_BYTES;
        out->len = PyBytes_GET_SIZE(obj);
        out->data = _PyArena_Strndup(arena, PyBytes_AS_STRING(obj), (size_t)out->len);
        return out->data ? 0 : (PyErr_NoMemory(), -1);
    }
    if (PyComplex_CheckExact(obj)) {
        /* A real part too: two floats' texts (see pycore_ast.h). */
        constant *parts = _PyArena_Calloc(arena, 2 * sizeof(constant));
        if (parts == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        double re = PyComplex_RealAsDouble(obj), im = PyComplex_ImagAsDouble(obj);
        for (int i = 0; i < 2; i++) {
            PyObject *f = PyFloat_FromDouble(i == 0 ? re : im);
            if (f == NULL) {
                return -1;
            }
            parts[i].kind = CONST_FLOAT;
            int r = text_of(f, 1, &parts[i], arena);
            Py_DECREF(f);
            if (r < 0) {
                return -1;
            }
        }
        out->kind = CONST_COMPLEX;
        out->data = (const char *)(void *)parts;
        out->len = 2;
        return 0;
    }
    if (PyTuple_CheckExact(obj) || PyFrozenSet_CheckExact(obj)) {
        /* Items in iteration order, each itself a valid constant. */
        PyObject *items = PySequence_Tuple(obj);
        if (items == NULL) {
            return -1;
        }
        Py_ssize_t n = PyTuple_GET_SIZE(items);
        constant *arr = _PyArena_Calloc(arena, (size_t)(n > 0 ? n : 1) * sizeof(constant));
        if (arr == NULL) {
            Py_DECREF(items);
            PyErr_NoMemory();
            return -1;
        }
        for (Py_ssize_t i = 0; i < n; i++) {
            if (obj2ast_constant(PyTuple_GET_ITEM(items, i), &arr[i], arena) < 0) {
                Py_DECREF(items);
                return -1;
            }
        }
        Py_DECREF(items);
        out->kind = PyTuple_CheckExact(obj) ? CONST_TUPLE : CONST_FROZENSET;
        out->data = (const char *)(void *)arr;
        out->len = n;
        return 0;
    }
    PyErr_Format(PyExc_TypeError, "got an invalid type in Constant: %s", Py_TYPE(obj)->tp_name);
    return -1;
}

/* ---------------------------------------------------------------- entry points */

int
_PyAST_IsNode(PyObject *obj)
{
    if (ast_ready() < 0) {
        return -1;
    }
    return PyObject_IsInstance(obj, (PyObject *)&AST_type);
}

PyObject *
_PyAST_ToObject(mod_ty mod)
{
    if (ast_ready() < 0) {
        return NULL;
    }
    return ast2obj_mod(mod);
}

mod_ty
_PyAST_FromObject(PyObject *obj, PyArena *arena, int mode)
{
    if (ast_ready() < 0) {
        return NULL;
    }
    int want = mode == Py_file_input ? AST_CLS_Module
               : mode == Py_eval_input ? AST_CLS_Expression : AST_CLS_Interactive;
    int ok = PyObject_IsInstance(obj, ast_classes[want]);
    if (ok <= 0) {
        if (ok == 0) {
            PyErr_Format(PyExc_TypeError, "expected %s node, got %.400s",
                         class_specs[want].name, Py_TYPE(obj)->tp_name);
        }
        return NULL;
    }
    mod_ty m = NULL;
    if (obj2ast_mod(obj, &m, arena) < 0) {
        return NULL;
    }
    return m;
}

/* The `_ast` module's exec slot (Modules/_astmodule.c). */
int
_PyAST_ModuleExec(PyObject *m)
{
    if (ast_ready() < 0) {
        return -1;
    }
    if (PyModule_AddObjectRef(m, "AST", (PyObject *)&AST_type) < 0) {
        return -1;
    }
    for (int i = 0; i < AST_NUM_CLASSES; i++) {
        if (PyModule_AddObjectRef(m, class_specs[i].name, ast_classes[i]) < 0) {
            return -1;
        }
    }
    if (PyModule_AddIntConstant(m, "PyCF_ONLY_AST", PyCF_ONLY_AST) < 0 ||
        PyModule_AddIntConstant(m, "PyCF_TYPE_COMMENTS", PyCF_TYPE_COMMENTS) < 0 ||
        PyModule_AddIntConstant(m, "PyCF_ALLOW_TOP_LEVEL_AWAIT", PyCF_ALLOW_TOP_LEVEL_AWAIT) < 0 ||
        PyModule_AddIntConstant(m, "PyCF_OPTIMIZED_AST", PyCF_OPTIMIZED_AST) < 0) {
        return -1;
    }
    return 0;
}
