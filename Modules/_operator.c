/* _operator.c: the C half of the operator module: a function for every
 * operator (add, getitem, iadd, is_, contains, ...), the callable helpers
 * itemgetter, attrgetter (dotted names) and methodcaller, and
 * _compare_digest (constant-time comparison for hmac).  Lib/operator.py
 * does "from _operator import *" over its pure-Python definitions. */
#include "Python.h"
#include "pycore_object.h"

/* ---- the operator functions ------------------------------------------------ */

#define BINOP(name, expr)                                                       \
    static PyObject *op_##name(PyObject *m, PyObject *const *args, Py_ssize_t n) \
    {                                                                           \
        if (!_PyArg_CheckPositional(#name, n, 2, 2)) {                          \
            return NULL;                                                        \
        }                                                                       \
        PyObject *a = args[0], *b = args[1];                                    \
        return expr;                                                            \
    }

#define UNOP(name, expr)                                                        \
    static PyObject *op_##name(PyObject *m, PyObject *a)                        \
    {                                                                           \
        return expr;                                                            \
    }

#define RICHOP(name, OP) BINOP(name, PyObject_RichCompare(a, b, OP))

static PyObject *
bool_result(int r)
{
    if (r < 0) {
        return NULL;
    }
    return PyBool_FromLong(r);
}

UNOP(truth, bool_result(PyObject_IsTrue(a)))
UNOP(not_, bool_result(PyObject_Not(a)))
UNOP(abs, PyNumber_Absolute(a))
UNOP(index, PyNumber_Index(a))
UNOP(inv, PyNumber_Invert(a))
UNOP(invert, PyNumber_Invert(a))
UNOP(neg, PyNumber_Negative(a))
UNOP(pos, PyNumber_Positive(a))

BINOP(add, PyNumber_Add(a, b))
BINOP(sub, PyNumber_Subtract(a, b))
BINOP(mul, PyNumber_Multiply(a, b))
BINOP(matmul, PyNumber_MatrixMultiply(a, b))
BINOP(floordiv, PyNumber_FloorDivide(a, b))
BINOP(truediv, PyNumber_TrueDivide(a, b))
BINOP(mod, PyNumber_Remainder(a, b))
BINOP(lshift, PyNumber_Lshift(a, b))
BINOP(rshift, PyNumber_Rshift(a, b))
BINOP(and_, PyNumber_And(a, b))
BINOP(xor, PyNumber_Xor(a, b))
BINOP(or_, PyNumber_Or(a, b))
BINOP(pow, PyNumber_Power(a, b, Py_None))
BINOP(iadd, PyNumber_InPlaceAdd(a, b))
BINOP(isub, PyNumber_InPlaceSubtract(a, b))
BINOP(imul, PyNumber_InPlaceMultiply(a, b))
BINOP(imatmul, PyNumber_InPlaceMatrixMultiply(a, b))
BINOP(ifloordiv, PyNumber_InPlaceFloorDivide(a, b))
BINOP(itruediv, PyNumber_InPlaceTrueDivide(a, b))
BINOP(imod, PyNumber_InPlaceRemainder(a, b))
BINOP(ilshift, PyNumber_InPlaceLshift(a, b))
BINOP(irshift, PyNumber_InPlaceRshift(a, b))
BINOP(iand, PyNumber_InPlaceAnd(a, b))
BINOP(ixor, PyNumber_InPlaceXor(a, b))
BINOP(ior, PyNumber_InPlaceOr(a, b))
BINOP(ipow, PyNumber_InPlacePower(a, b, Py_None))
BINOP(is_, Py_NewRef(a == b ? Py_True : Py_False))
BINOP(is_not, Py_NewRef(a != b ? Py_True : Py_False))
BINOP(contains, bool_result(PySequence_Contains(a, b)))
BINOP(getitem, PyObject_GetItem(a, b))
RICHOP(lt, Py_LT)
RICHOP(le, Py_LE)
RICHOP(eq, Py_EQ)
RICHOP(ne, Py_NE)
RICHOP(gt, Py_GT)
RICHOP(ge, Py_GE)

static PyObject *
op_concat(PyObject *m, PyObject *const *args, Py_ssize_t n)
{
    if (!_PyArg_CheckPositional("concat", n, 2, 2)) {
        return NULL;
    }
    if (!PySequence_Check(args[0])) {
        PyErr_Format(PyExc_TypeError, "'%.200s' object can't be concatenated",
                     Py_TYPE(args[0])->tp_name);
        return NULL;
    }
    return PySequence_Concat(args[0], args[1]);
}

static PyObject *
op_iconcat(PyObject *m, PyObject *const *args, Py_ssize_t n)
{
    if (!_PyArg_CheckPositional("iconcat", n, 2, 2)) {
        return NULL;
    }
    if (!PySequence_Check(args[0])) {
        PyErr_Format(PyExc_TypeError, "'%.200s' object can't be concatenated",
                     Py_TYPE(args[0])->tp_name);
        return NULL;
    }
    return PySequence_InPlaceConcat(args[0], args[1]);
}

static PyObject *
op_countOf(PyObject *m, PyObject *const *args, Py_ssize_t n)
{
    if (!_PyArg_CheckPositional("countOf", n, 2, 2)) {
        return NULL;
    }
    PyObject *it = PyObject_GetIter(args[0]);
    if (it == NULL) {
        return NULL;
    }
    Py_ssize_t count = 0;
    PyObject *item;
    while ((item = PyIter_Next(it)) != NULL) {
        /* Identity first, as the containers do. */
        int eq = item == args[1] ? 1 : PyObject_RichCompareBool(item, args[1], Py_EQ);
        Py_DECREF(item);
        if (eq < 0) {
            Py_DECREF(it);
            return NULL;
        }
        count += eq;
    }
    Py_DECREF(it);
    if (PyErr_Occurred()) {
        return NULL;
    }
    return PyLong_FromSsize_t(count);
}

static PyObject *
op_indexOf(PyObject *m, PyObject *const *args, Py_ssize_t n)
{
    if (!_PyArg_CheckPositional("indexOf", n, 2, 2)) {
        return NULL;
    }
    PyObject *it = PyObject_GetIter(args[0]);
    if (it == NULL) {
        return NULL;
    }
    Py_ssize_t i = 0;
    PyObject *item;
    while ((item = PyIter_Next(it)) != NULL) {
        int eq = item == args[1] ? 1 : PyObject_RichCompareBool(item, args[1], Py_EQ);
        Py_DECREF(item);
        if (eq != 0) {
            Py_DECREF(it);
            return eq < 0 ? NULL : PyLong_FromSsize_t(i);
        }
        i++;
    }
    Py_DECREF(it);
    if (!PyErr_Occurred()) {
        PyErr_SetString(PyExc_ValueError, "sequence.index(x): x not in sequence");
    }
    return NULL;
}

static PyObject *
op_setitem(PyObject *m, PyObject *const *args, Py_ssize_t n)
{
    if (!_PyArg_CheckPositional("setitem", n, 3, 3)) {
        return NULL;
    }
    if (PyObject_SetItem(args[0], args[1], args[2]) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
op_delitem(PyObject *m, PyObject *const *args, Py_ssize_t n)
{
    if (!_PyArg_CheckPositional("delitem", n, 2, 2)) {
        return NULL;
    }
    if (PyObject_DelItem(args[0], args[1]) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
op_length_hint(PyObject *m, PyObject *const *args, Py_ssize_t n)
{
    if (!_PyArg_CheckPositional("length_hint", n, 1, 2)) {
        return NULL;
    }
    Py_ssize_t def = 0;
    if (n == 2) {
        if (!PyLong_CheckExact(args[1])) {
            PyErr_Format(PyExc_TypeError, "'%.200s' object cannot be interpreted as an integer",
                         Py_TYPE(args[1])->tp_name);
            return NULL;
        }
        def = PyLong_AsSsize_t(args[1]);
        if (def == -1 && PyErr_Occurred()) {
            return NULL;
        }
    }
    Py_ssize_t r = PyObject_LengthHint(args[0], def);
    if (r == -1 && PyErr_Occurred()) {
        return NULL;
    }
    return PyLong_FromSsize_t(r);
}

static PyObject *
op_call(PyObject *m, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    Py_ssize_t n = PyVectorcall_NARGS(nargsf);
    if (n < 1) {
        PyErr_SetString(PyExc_TypeError, "call() missing 1 required positional argument: 'obj'");
        return NULL;
    }
    return PyObject_Vectorcall(args[0], args + 1, n - 1, kwnames);
}

/* Compare in time that depends only on the length of b. */
static int
tscmp(const unsigned char *a, const unsigned char *b, Py_ssize_t len_a, Py_ssize_t len_b)
{
    volatile const unsigned char *left = a;
    volatile const unsigned char *right = b;
    volatile Py_ssize_t length = len_b;
    unsigned char result = 0;
    if (len_a == length) {
        left = a;
        result = 0;
    }
    else {
        left = b;
        result = 1;
    }
    for (Py_ssize_t i = 0; i < length; i++) {
        result |= left[i] ^ right[i];
    }
    return result == 0;
}

static PyObject *
op_compare_digest(PyObject *m, PyObject *const *args, Py_ssize_t n)
{
    if (!_PyArg_CheckPositional("_compare_digest", n, 2, 2)) {
        return NULL;
    }
    PyObject *a = args[0], *b = args[1];
    int rc;
    if (PyUnicode_Check(a) && PyUnicode_Check(b)) {
        Py_ssize_t la, lb;
        const char *sa = PyUnicode_AsUTF8AndSize(a, &la);
        const char *sb = PyUnicode_AsUTF8AndSize(b, &lb);
        if (sa == NULL || sb == NULL) {
            return NULL;
        }
        if (la != PyUnicode_GET_LENGTH(a) || lb != PyUnicode_GET_LENGTH(b)) {
            PyErr_SetString(PyExc_TypeError,
                            "comparing strings with non-ASCII characters is not supported");
            return NULL;
        }
        rc = tscmp((const unsigned char *)sa, (const unsigned char *)sb, la, lb);
    }
    else {
        Py_buffer va, vb;
        if (PyObject_CheckBuffer(a) == 0 || PyObject_CheckBuffer(b) == 0) {
            PyErr_Format(PyExc_TypeError,
                         "unsupported operand types(s) or combination of types: "
                         "'%.100s' and '%.100s'",
                         Py_TYPE(a)->tp_name, Py_TYPE(b)->tp_name);
            return NULL;
        }
        if (PyObject_GetBuffer(a, &va, PyBUF_SIMPLE) < 0) {
            return NULL;
        }
        if (PyObject_GetBuffer(b, &vb, PyBUF_SIMPLE) < 0) {
            PyBuffer_Release(&va);
            return NULL;
        }
        rc = tscmp(va.buf, vb.buf, va.len, vb.len);
        PyBuffer_Release(&va);
        PyBuffer_Release(&vb);
    }
    return PyBool_FromLong(rc);
}

/* ---- itemgetter ------------------------------------------------------------ */

typedef struct {
    PyObject_HEAD
    Py_ssize_t nitems;
    PyObject *item;     /* the one item, or a tuple of them */
    vectorcallfunc vectorcall;
} itemgetterobject;

static PyTypeObject itemgetter_type;

static PyObject *
itemgetter_vectorcall(PyObject *op, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    itemgetterobject *ig = (itemgetterobject *)op;
    if (!_PyArg_NoKwnames("itemgetter", kwnames)) {
        return NULL;
    }
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (!_PyArg_CheckPositional("itemgetter", nargs, 1, 1)) {
        return NULL;
    }
    PyObject *obj = args[0];
    if (ig->nitems == 1) {
        return PyObject_GetItem(obj, ig->item);
    }
    PyObject *result = PyTuple_New(ig->nitems);
    if (result == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < ig->nitems; i++) {
        PyObject *val = PyObject_GetItem(obj, PyTuple_GET_ITEM(ig->item, i));
        if (val == NULL) {
            Py_DECREF(result);
            return NULL;
        }
        PyTuple_SET_ITEM(result, i, val);
    }
    return result;
}

static PyObject *
itemgetter_call(PyObject *op, PyObject *args, PyObject *kw)
{
    if (!_PyArg_NoKeywords("itemgetter", kw)) {
        return NULL;
    }
    return itemgetter_vectorcall(op, &PyTuple_GET_ITEM(args, 0), PyTuple_GET_SIZE(args), NULL);
}

static PyObject *
itemgetter_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    if (!_PyArg_NoKeywords("itemgetter", kwds)) {
        return NULL;
    }
    Py_ssize_t nitems = PyTuple_GET_SIZE(args);
    if (nitems < 1) {
        PyErr_SetString(PyExc_TypeError, "itemgetter expected 1 argument, got 0");
        return NULL;
    }
    itemgetterobject *ig = PyObject_GC_New(itemgetterobject, &itemgetter_type);
    if (ig == NULL) {
        return NULL;
    }
    ig->item = nitems == 1 ? Py_NewRef(PyTuple_GET_ITEM(args, 0)) : Py_NewRef(args);
    ig->nitems = nitems;
    ig->vectorcall = itemgetter_vectorcall;
    PyObject_GC_Track(ig);
    return (PyObject *)ig;
}

static void
itemgetter_dealloc(PyObject *op)
{
    PyObject_GC_UnTrack(op);
    Py_XDECREF(((itemgetterobject *)op)->item);
    PyObject_GC_Del(op);
}

static int
itemgetter_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(((itemgetterobject *)op)->item);
    return 0;
}

static PyObject *
itemgetter_repr(PyObject *op)
{
    itemgetterobject *ig = (itemgetterobject *)op;
    const char *name = Py_TYPE(op)->tp_name;
    int status = Py_ReprEnter(op);
    if (status != 0) {
        if (status < 0) {
            return NULL;
        }
        return PyUnicode_FromFormat("%s(...)", name);
    }
    PyObject *r = ig->nitems == 1 ? PyUnicode_FromFormat("%s(%R)", name, ig->item)
                                  : PyUnicode_FromFormat("%s%R", name, ig->item);
    Py_ReprLeave(op);
    return r;
}

static PyObject *
itemgetter_reduce(PyObject *op, PyObject *unused)
{
    itemgetterobject *ig = (itemgetterobject *)op;
    if (ig->nitems == 1) {
        return Py_BuildValue("O(O)", Py_TYPE(op), ig->item);
    }
    return PyTuple_Pack(2, Py_TYPE(op), ig->item);
}

static PyMethodDef itemgetter_methods[] = {
    {"__reduce__", itemgetter_reduce, METH_NOARGS, "Return state information for pickling"},
    {NULL, NULL, 0, NULL},
};

static PyMemberDef itemgetter_members[] = {
    {"__vectorcalloffset__", Py_T_PYSSIZET, offsetof(itemgetterobject, vectorcall),
     Py_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

static PyTypeObject itemgetter_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "operator.itemgetter",
    .tp_basicsize = sizeof(itemgetterobject),
    .tp_dealloc = itemgetter_dealloc,
    .tp_vectorcall_offset = offsetof(itemgetterobject, vectorcall),
    .tp_repr = itemgetter_repr,
    .tp_call = itemgetter_call,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_HAVE_VECTORCALL,
    .tp_doc = "Return a callable object that fetches the given item(s) from its operand.\n"
              "After f = itemgetter(2), the call f(r) returns r[2].\n"
              "After g = itemgetter(2, 5, 3), the call g(r) returns (r[2], r[5], r[3])",
    .tp_traverse = itemgetter_traverse,
    .tp_methods = itemgetter_methods,
    .tp_members = itemgetter_members,
    .tp_new = itemgetter_new,
    .tp_free = PyObject_GC_Del,
};

/* ---- attrgetter ------------------------------------------------------------ */

typedef struct {
    PyObject_HEAD
    Py_ssize_t nattrs;
    PyObject *attrs;    /* tuple of tuples of interned names, one per argument */
    PyObject *names;    /* the arguments as given, for repr and pickling */
    vectorcallfunc vectorcall;
} attrgetterobject;

static PyTypeObject attrgetter_type;

static PyObject *
dotted_getattr(PyObject *obj, PyObject *path)
{
    PyObject *cur = Py_NewRef(obj);
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(path); i++) {
        PyObject *next = PyObject_GetAttr(cur, PyTuple_GET_ITEM(path, i));
        Py_DECREF(cur);
        if (next == NULL) {
            return NULL;
        }
        cur = next;
    }
    return cur;
}

static PyObject *
attrgetter_vectorcall(PyObject *op, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    attrgetterobject *ag = (attrgetterobject *)op;
    if (!_PyArg_NoKwnames("attrgetter", kwnames)) {
        return NULL;
    }
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (!_PyArg_CheckPositional("attrgetter", nargs, 1, 1)) {
        return NULL;
    }
    if (ag->nattrs == 1) {
        return dotted_getattr(args[0], PyTuple_GET_ITEM(ag->attrs, 0));
    }
    PyObject *result = PyTuple_New(ag->nattrs);
    if (result == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < ag->nattrs; i++) {
        PyObject *val = dotted_getattr(args[0], PyTuple_GET_ITEM(ag->attrs, i));
        if (val == NULL) {
            Py_DECREF(result);
            return NULL;
        }
        PyTuple_SET_ITEM(result, i, val);
    }
    return result;
}

static PyObject *
attrgetter_call(PyObject *op, PyObject *args, PyObject *kw)
{
    if (!_PyArg_NoKeywords("attrgetter", kw)) {
        return NULL;
    }
    return attrgetter_vectorcall(op, &PyTuple_GET_ITEM(args, 0), PyTuple_GET_SIZE(args), NULL);
}

static PyObject *
attrgetter_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    if (!_PyArg_NoKeywords("attrgetter", kwds)) {
        return NULL;
    }
    Py_ssize_t nattrs = PyTuple_GET_SIZE(args);
    if (nattrs < 1) {
        PyErr_SetString(PyExc_TypeError, "attrgetter expected 1 argument, got 0");
        return NULL;
    }
    PyObject *attrs = PyTuple_New(nattrs);
    if (attrs == NULL) {
        return NULL;
    }
    PyObject *dot = PyUnicode_FromString(".");
    if (dot == NULL) {
        Py_DECREF(attrs);
        return NULL;
    }
    for (Py_ssize_t i = 0; i < nattrs; i++) {
        PyObject *item = PyTuple_GET_ITEM(args, i);
        if (!PyUnicode_Check(item)) {
            PyErr_SetString(PyExc_TypeError, "attribute name must be a string");
            goto error;
        }
        PyObject *parts = PyUnicode_Split(item, dot, -1);
        if (parts == NULL) {
            goto error;
        }
        PyObject *path = PyList_AsTuple(parts);
        Py_DECREF(parts);
        if (path == NULL) {
            goto error;
        }
        for (Py_ssize_t j = 0; j < PyTuple_GET_SIZE(path); j++) {
            PyObject *name = PyTuple_GET_ITEM(path, j);
            Py_INCREF(name);
            PyUnicode_InternInPlace(&name);
            PyObject *old = PyTuple_GET_ITEM(path, j);
            PyTuple_SET_ITEM(path, j, name);
            Py_DECREF(old);
        }
        PyTuple_SET_ITEM(attrs, i, path);
    }
    Py_DECREF(dot);
    attrgetterobject *ag = PyObject_GC_New(attrgetterobject, &attrgetter_type);
    if (ag == NULL) {
        Py_DECREF(attrs);
        return NULL;
    }
    ag->attrs = attrs;
    ag->names = Py_NewRef(args);
    ag->nattrs = nattrs;
    ag->vectorcall = attrgetter_vectorcall;
    PyObject_GC_Track(ag);
    return (PyObject *)ag;
error:
    Py_DECREF(dot);
    Py_DECREF(attrs);
    return NULL;
}

static void
attrgetter_dealloc(PyObject *op)
{
    attrgetterobject *ag = (attrgetterobject *)op;
    PyObject_GC_UnTrack(op);
    Py_XDECREF(ag->attrs);
    Py_XDECREF(ag->names);
    PyObject_GC_Del(op);
}

static int
attrgetter_traverse(PyObject *op, visitproc visit, void *arg)
{
    attrgetterobject *ag = (attrgetterobject *)op;
    Py_VISIT(ag->attrs);
    Py_VISIT(ag->names);
    return 0;
}

static PyObject *
attrgetter_repr(PyObject *op)
{
    attrgetterobject *ag = (attrgetterobject *)op;
    const char *name = Py_TYPE(op)->tp_name;
    if (ag->nattrs == 1) {
        return PyUnicode_FromFormat("%s(%R)", name, PyTuple_GET_ITEM(ag->names, 0));
    }
    return PyUnicode_FromFormat("%s%R", name, ag->names);
}

static PyObject *
attrgetter_reduce(PyObject *op, PyObject *unused)
{
    return PyTuple_Pack(2, Py_TYPE(op), ((attrgetterobject *)op)->names);
}

static PyMethodDef attrgetter_methods[] = {
    {"__reduce__", attrgetter_reduce, METH_NOARGS, "Return state information for pickling"},
    {NULL, NULL, 0, NULL},
};

static PyMemberDef attrgetter_members[] = {
    {"__vectorcalloffset__", Py_T_PYSSIZET, offsetof(attrgetterobject, vectorcall),
     Py_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

static PyTypeObject attrgetter_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "operator.attrgetter",
    .tp_basicsize = sizeof(attrgetterobject),
    .tp_dealloc = attrgetter_dealloc,
    .tp_vectorcall_offset = offsetof(attrgetterobject, vectorcall),
    .tp_repr = attrgetter_repr,
    .tp_call = attrgetter_call,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_HAVE_VECTORCALL,
    .tp_doc = "Return a callable object that fetches the given attribute(s) from its operand.\n"
              "After f = attrgetter('name'), the call f(r) returns r.name.\n"
              "After g = attrgetter('name', 'date'), the call g(r) returns (r.name, r.date).\n"
              "After h = attrgetter('name.first', 'name.last'), the call h(r) returns\n"
              "(r.name.first, r.name.last).",
    .tp_traverse = attrgetter_traverse,
    .tp_methods = attrgetter_methods,
    .tp_members = attrgetter_members,
    .tp_new = attrgetter_new,
    .tp_free = PyObject_GC_Del,
};

/* ---- methodcaller ---------------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    PyObject *name;
    PyObject *args;     /* tuple */
    PyObject *kwds;     /* dict */
    vectorcallfunc vectorcall;
} methodcallerobject;

static PyTypeObject methodcaller_type;

static PyObject *
methodcaller_call(PyObject *op, PyObject *args, PyObject *kw)
{
    methodcallerobject *mc = (methodcallerobject *)op;
    if (!_PyArg_NoKeywords("methodcaller", kw)) {
        return NULL;
    }
    if (!_PyArg_CheckPositional("methodcaller", PyTuple_GET_SIZE(args), 1, 1)) {
        return NULL;
    }
    PyObject *method = PyObject_GetAttr(PyTuple_GET_ITEM(args, 0), mc->name);
    if (method == NULL) {
        return NULL;
    }
    PyObject *result = PyObject_Call(method, mc->args,
                                     PyDict_GET_SIZE(mc->kwds) ? mc->kwds : NULL);
    Py_DECREF(method);
    return result;
}

static PyObject *
methodcaller_vectorcall(PyObject *op, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    if (!_PyArg_NoKwnames("methodcaller", kwnames)) {
        return NULL;
    }
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    PyObject *tuple = PyTuple_New(nargs);
    if (tuple == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < nargs; i++) {
        PyTuple_SET_ITEM(tuple, i, Py_NewRef(args[i]));
    }
    PyObject *r = methodcaller_call(op, tuple, NULL);
    Py_DECREF(tuple);
    return r;
}

static PyObject *
methodcaller_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    if (PyTuple_GET_SIZE(args) < 1) {
        PyErr_SetString(PyExc_TypeError,
                        "methodcaller needs at least one argument, the method name");
        return NULL;
    }
    PyObject *name = PyTuple_GET_ITEM(args, 0);
    if (!PyUnicode_Check(name)) {
        PyErr_SetString(PyExc_TypeError, "method name must be a string");
        return NULL;
    }
    methodcallerobject *mc = PyObject_GC_New(methodcallerobject, &methodcaller_type);
    if (mc == NULL) {
        return NULL;
    }
    Py_INCREF(name);
    PyUnicode_InternInPlace(&name);
    mc->name = name;
    mc->args = PyTuple_GetSlice(args, 1, PyTuple_GET_SIZE(args));
    mc->kwds = kwds != NULL ? PyDict_Copy(kwds) : PyDict_New();
    mc->vectorcall = methodcaller_vectorcall;
    PyObject_GC_Track(mc);
    if (mc->args == NULL || mc->kwds == NULL) {
        Py_DECREF(mc);
        return NULL;
    }
    return (PyObject *)mc;
}

static void
methodcaller_dealloc(PyObject *op)
{
    methodcallerobject *mc = (methodcallerobject *)op;
    PyObject_GC_UnTrack(op);
    Py_XDECREF(mc->name);
    Py_XDECREF(mc->args);
    Py_XDECREF(mc->kwds);
    PyObject_GC_Del(op);
}

static int
methodcaller_traverse(PyObject *op, visitproc visit, void *arg)
{
    methodcallerobject *mc = (methodcallerobject *)op;
    Py_VISIT(mc->name);
    Py_VISIT(mc->args);
    Py_VISIT(mc->kwds);
    return 0;
}

static PyObject *
methodcaller_repr(PyObject *op)
{
    methodcallerobject *mc = (methodcallerobject *)op;
    int status = Py_ReprEnter(op);
    if (status != 0) {
        if (status < 0) {
            return NULL;
        }
        return PyUnicode_FromFormat("%s(...)", Py_TYPE(op)->tp_name);
    }
    PyObject *s = PyUnicode_FromFormat("%s(%R", Py_TYPE(op)->tp_name, mc->name);
    for (Py_ssize_t i = 0; s != NULL && i < PyTuple_GET_SIZE(mc->args); i++) {
        Py_SETREF(s, PyUnicode_FromFormat("%U, %R", s, PyTuple_GET_ITEM(mc->args, i)));
    }
    Py_ssize_t pos = 0;
    PyObject *key, *value;
    while (s != NULL && PyDict_Next(mc->kwds, &pos, &key, &value)) {
        Py_SETREF(s, PyUnicode_FromFormat("%U, %U=%R", s, key, value));
    }
    if (s != NULL) {
        Py_SETREF(s, PyUnicode_FromFormat("%U)", s));
    }
    Py_ReprLeave(op);
    return s;
}

static PyObject *
methodcaller_reduce(PyObject *op, PyObject *unused)
{
    methodcallerobject *mc = (methodcallerobject *)op;
    if (PyDict_GET_SIZE(mc->kwds) == 0) {
        Py_ssize_t n = PyTuple_GET_SIZE(mc->args);
        PyObject *newargs = PyTuple_New(n + 1);
        if (newargs == NULL) {
            return NULL;
        }
        PyTuple_SET_ITEM(newargs, 0, Py_NewRef(mc->name));
        for (Py_ssize_t i = 0; i < n; i++) {
            PyTuple_SET_ITEM(newargs, i + 1, Py_NewRef(PyTuple_GET_ITEM(mc->args, i)));
        }
        return Py_BuildValue("ON", Py_TYPE(op), newargs);
    }
    /* CPython pickles keywords as functools.partial(type(self), name,
     * **kwds); that needs the import system from C, which comes later. */
    PyErr_SetString(PyExc_NotImplementedError,
                    "pickling methodcaller with keyword arguments is not supported yet");
    return NULL;
}

static PyMethodDef methodcaller_methods[] = {
    {"__reduce__", methodcaller_reduce, METH_NOARGS, "Return state information for pickling"},
    {NULL, NULL, 0, NULL},
};

static PyMemberDef methodcaller_members[] = {
    {"__vectorcalloffset__", Py_T_PYSSIZET, offsetof(methodcallerobject, vectorcall),
     Py_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

static PyTypeObject methodcaller_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "operator.methodcaller",
    .tp_basicsize = sizeof(methodcallerobject),
    .tp_dealloc = methodcaller_dealloc,
    .tp_vectorcall_offset = offsetof(methodcallerobject, vectorcall),
    .tp_repr = methodcaller_repr,
    .tp_call = methodcaller_call,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_HAVE_VECTORCALL,
    .tp_doc = "Return a callable object that calls the given method on its operand.\n"
              "After f = methodcaller('name'), the call f(r) returns r.name().\n"
              "After g = methodcaller('name', 'date', foo=1), the call g(r) returns\n"
              "r.name('date', foo=1).",
    .tp_traverse = methodcaller_traverse,
    .tp_methods = methodcaller_methods,
    .tp_members = methodcaller_members,
    .tp_new = methodcaller_new,
    .tp_free = PyObject_GC_Del,
};

/* ---- the module ------------------------------------------------------------ */

#define F2(name, doc) {#name, _PyCFunction_CAST(op_##name), METH_FASTCALL, doc}
#define F1(name, doc) {#name, op_##name, METH_O, doc}

static PyMethodDef operator_functions[] = {
    F1(truth, "Return True if a is true, False otherwise."),
    F2(contains, "Same as b in a (note reversed operands)."),
    F2(indexOf, "Return the first index of b in a."),
    F2(countOf, "Return the number of items in a which are, or which equal, b."),
    F1(not_, "Same as not a."),
    F2(is_, "Same as a is b."),
    F2(is_not, "Same as a is not b."),
    F1(index, "Same as a.__index__()"),
    F2(add, "Same as a + b."),
    F2(sub, "Same as a - b."),
    F2(mul, "Same as a * b."),
    F2(matmul, "Same as a @ b."),
    F2(floordiv, "Same as a // b."),
    F2(truediv, "Same as a / b."),
    F2(mod, "Same as a % b."),
    F1(neg, "Same as -a."),
    F1(pos, "Same as +a."),
    F1(abs, "Same as abs(a)."),
    F1(inv, "Same as ~a."),
    F1(invert, "Same as ~a."),
    F2(lshift, "Same as a << b."),
    F2(rshift, "Same as a >> b."),
    F2(and_, "Same as a & b."),
    F2(xor, "Same as a ^ b."),
    F2(or_, "Same as a | b."),
    F2(iadd, "Same as a += b."),
    F2(isub, "Same as a -= b."),
    F2(imul, "Same as a *= b."),
    F2(imatmul, "Same as a @= b."),
    F2(ifloordiv, "Same as a //= b."),
    F2(itruediv, "Same as a /= b."),
    F2(imod, "Same as a %= b."),
    F2(ilshift, "Same as a <<= b."),
    F2(irshift, "Same as a >>= b."),
    F2(iand, "Same as a &= b."),
    F2(ixor, "Same as a ^= b."),
    F2(ior, "Same as a |= b."),
    F2(concat, "Same as a + b, for a and b sequences."),
    F2(iconcat, "Same as a += b, for a and b sequences."),
    F2(getitem, "Same as a[b]."),
    F2(setitem, "Same as a[b] = c."),
    F2(delitem, "Same as del a[b]."),
    F2(pow, "Same as a ** b."),
    F2(ipow, "Same as a **= b."),
    F2(eq, "Same as a == b."),
    F2(ne, "Same as a != b."),
    F2(lt, "Same as a < b."),
    F2(le, "Same as a <= b."),
    F2(gt, "Same as a > b."),
    F2(ge, "Same as a >= b."),
    F2(length_hint, "Return an estimate of the number of items in obj.\n\n"
                    "This is useful for presizing containers when building from an iterable.\n\n"
                    "If the object supports len(), the result will be exact.\n"
                    "Otherwise, it may over- or under-estimate by an arbitrary amount.\n"
                    "The result will be an integer >= 0."),
    {"call", _PyCFunction_CAST(op_call), METH_FASTCALL | METH_KEYWORDS,
     "Same as obj(*args, **kwargs)."},
    {"_compare_digest", _PyCFunction_CAST(op_compare_digest), METH_FASTCALL,
     "Return 'a == b'.\n\n"
     "This function uses an approach designed to prevent\n"
     "timing analysis, making it appropriate for cryptography.\n\n"
     "a and b must both be of the same type: either str (ASCII only),\n"
     "or any bytes-like object.\n\n"
     "Note: If a and b are of different lengths, or if an error occurs,\n"
     "a timing attack could theoretically reveal information about the\n"
     "types and lengths of a and b--but not their values."},
    {NULL, NULL, 0, NULL},
};

static int
operator_exec(PyObject *module)
{
    if (PyModule_AddType(module, &attrgetter_type) < 0 ||
        PyModule_AddType(module, &itemgetter_type) < 0 ||
        PyModule_AddType(module, &methodcaller_type) < 0) {
        return -1;
    }
    return 0;
}

static PyModuleDef_Slot operator_slots[] = {
    {Py_mod_exec, operator_exec},
    {Py_mod_multiple_interpreters, Py_MOD_PER_INTERPRETER_GIL_SUPPORTED},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef operator_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_operator",
    .m_doc = "Operator interface.\n\n"
             "This module exports a set of functions implemented in C corresponding\n"
             "to the intrinsic operators of Python.  For example, operator.add(x, y)\n"
             "is equivalent to the expression x+y.  The function names are those\n"
             "used for special methods; variants without leading and trailing\n"
             "'__' are also provided for convenience.",
    .m_size = 0,
    .m_methods = operator_functions,
    .m_slots = operator_slots,
};

PyMODINIT_FUNC PyInit__operator(void)
{
    return PyModuleDef_Init(&operator_module);
}
