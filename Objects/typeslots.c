/* typeslots.c: the bridge between type slots and dunder methods.
 *  - For types written in C: wrapper descriptors that expose each filled
 *    slot as a method (int.__add__, list.__len__, ...): the wrap_* functions.
 *  - For classes written in Python: slot functions that look up the dunder
 *    on the type and call it (slot_*), with the reflected-operand rules for
 *    binary operators.
 *  - The table (slotdefs) that ties names, slots, wrappers and slot
 *    functions together, and the code that fills a class's slots from its
 *    MRO and refreshes them when a dunder is assigned later. */
#include "Python.h"
#include "pycore_object.h"
#include "pycore_typeobject.h"

/* ---- calling a special method ------------------------------------------ */

/* Look `name` up on type(self); *unbound tells whether the result still
 * needs self as first argument. New reference or NULL (no exception) when
 * missing; NULL with an exception on error. */
static PyObject *
lookup_maybe_method(PyObject *self, PyObject *name, int *unbound)
{
    PyObject *res = _PyType_LookupRef(Py_TYPE(self), name);
    if (res == NULL) {
        return NULL;
    }
    if (PyType_HasFeature(Py_TYPE(res), Py_TPFLAGS_METHOD_DESCRIPTOR)) {
        *unbound = 1;
    }
    else {
        *unbound = 0;
        descrgetfunc f = Py_TYPE(res)->tp_descr_get;
        if (f != NULL) {
            Py_SETREF(res, f(res, self, (PyObject *)Py_TYPE(self)));
        }
    }
    return res;
}

/* args[0] is self; nargs counts it.  *missing set when the type has no such
 * method (then NULL without exception). */
static PyObject *
call_special(PyObject *name, PyObject *const *args, Py_ssize_t nargs, int *missing)
{
    int unbound;
    PyObject *self = args[0];
    PyObject *func = lookup_maybe_method(self, name, &unbound);
    *missing = 0;
    if (func == NULL) {
        if (!PyErr_Occurred()) {
            *missing = 1;
        }
        return NULL;
    }
    PyObject *res;
    if (unbound) {
        res = PyObject_Vectorcall(func, args, (size_t)nargs, NULL);
    }
    else {
        res = PyObject_Vectorcall(func, args + 1, (size_t)(nargs - 1), NULL);
    }
    Py_DECREF(func);
    return res;
}

PyObject *
_PyType_CallMethod(PyObject *self, PyObject *name, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *stack[4];
    if (nargs > 3) {
        PyErr_SetString(PyExc_SystemError, "_PyType_CallMethod: too many arguments");
        return NULL;
    }
    stack[0] = self;
    for (Py_ssize_t i = 0; i < nargs; i++) {
        stack[i + 1] = args[i];
    }
    int missing;
    PyObject *res = call_special(name, stack, nargs + 1, &missing);
    if (missing) {
        PyErr_SetObject(PyExc_AttributeError, name);
    }
    return res;
}

static PyObject *
call_method0(PyObject *self, PyObject *name)
{
    return _PyType_CallMethod(self, name, NULL, 0);
}

static PyObject *
call_method1(PyObject *self, PyObject *name, PyObject *arg)
{
    return _PyType_CallMethod(self, name, &arg, 1);
}

/* For binary operators: a missing method means NotImplemented. */
static PyObject *
call_maybe1(PyObject *self, PyObject *name, PyObject *arg)
{
    PyObject *stack[2] = {self, arg};
    int missing;
    PyObject *res = call_special(name, stack, 2, &missing);
    if (missing) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    return res;
}

/* Does type(self) define `name` somewhere other than where `type(other)`
 * gets it from?  Used to decide whether a subclass overrides the
 * reflected method. */
static int
method_is_overloaded(PyObject *left, PyObject *right, PyObject *name)
{
    PyObject *b = _PyType_LookupRef(Py_TYPE(right), name);
    if (b == NULL) {
        return 0;
    }
    PyObject *a = _PyType_LookupRef(Py_TYPE(left), name);
    int ok = (a == NULL) || (a != b);
    Py_XDECREF(a);
    Py_DECREF(b);
    return ok;
}

/* ---- wrappers: call a C slot from a method call ------------------------ */

static int
check_num_args(PyObject *args, Py_ssize_t n)
{
    if (!PyTuple_CheckExact(args)) {
        PyErr_SetString(PyExc_SystemError, "PyArg_UnpackTuple() argument list is not a tuple");
        return 0;
    }
    if (n == PyTuple_GET_SIZE(args)) {
        return 1;
    }
    PyErr_Format(PyExc_TypeError, "expected %zd argument%s, got %zd",
                 n, n == 1 ? "" : "s", PyTuple_GET_SIZE(args));
    return 0;
}

static PyObject *
wrap_unaryfunc(PyObject *self, PyObject *args, void *wrapped)
{
    if (!check_num_args(args, 0)) {
        return NULL;
    }
    return ((unaryfunc)wrapped)(self);
}

static PyObject *
wrap_binaryfunc(PyObject *self, PyObject *args, void *wrapped)
{
    if (!check_num_args(args, 1)) {
        return NULL;
    }
    return ((binaryfunc)wrapped)(self, PyTuple_GET_ITEM(args, 0));
}

static PyObject *
wrap_binaryfunc_l(PyObject *self, PyObject *args, void *wrapped)
{
    return wrap_binaryfunc(self, args, wrapped);
}

static PyObject *
wrap_binaryfunc_r(PyObject *self, PyObject *args, void *wrapped)
{
    if (!check_num_args(args, 1)) {
        return NULL;
    }
    return ((binaryfunc)wrapped)(PyTuple_GET_ITEM(args, 0), self);
}

static PyObject *
wrap_ternaryfunc(PyObject *self, PyObject *args, void *wrapped)
{
    PyObject *other, *third = Py_None;
    if (!PyArg_UnpackTuple(args, "", 1, 2, &other, &third)) {
        return NULL;
    }
    return ((ternaryfunc)wrapped)(self, other, third);
}

static PyObject *
wrap_ternaryfunc_r(PyObject *self, PyObject *args, void *wrapped)
{
    PyObject *other, *third = Py_None;
    if (!PyArg_UnpackTuple(args, "", 1, 2, &other, &third)) {
        return NULL;
    }
    return ((ternaryfunc)wrapped)(other, self, third);
}

static PyObject *
wrap_inquirypred(PyObject *self, PyObject *args, void *wrapped)
{
    if (!check_num_args(args, 0)) {
        return NULL;
    }
    int res = ((inquiry)wrapped)(self);
    if (res < 0) {
        return NULL;
    }
    return PyBool_FromLong(res);
}

static PyObject *
wrap_lenfunc(PyObject *self, PyObject *args, void *wrapped)
{
    if (!check_num_args(args, 0)) {
        return NULL;
    }
    Py_ssize_t res = ((lenfunc)wrapped)(self);
    if (res < 0 && PyErr_Occurred()) {
        return NULL;
    }
    return PyLong_FromSsize_t(res);
}

static PyObject *
wrap_indexargfunc(PyObject *self, PyObject *args, void *wrapped)
{
    if (!check_num_args(args, 1)) {
        return NULL;
    }
    Py_ssize_t i = PyNumber_AsSsize_t(PyTuple_GET_ITEM(args, 0), PyExc_OverflowError);
    if (i == -1 && PyErr_Occurred()) {
        return NULL;
    }
    return ((ssizeargfunc)wrapped)(self, i);
}

static Py_ssize_t
getindex(PyObject *self, PyObject *arg)
{
    Py_ssize_t i = PyNumber_AsSsize_t(arg, PyExc_OverflowError);
    if (i == -1 && PyErr_Occurred()) {
        return -1;
    }
    if (i < 0) {
        PySequenceMethods *sq = Py_TYPE(self)->tp_as_sequence;
        if (sq && sq->sq_length) {
            Py_ssize_t n = (*sq->sq_length)(self);
            if (n < 0) {
                return -1;
            }
            i += n;
        }
    }
    return i;
}

static PyObject *
wrap_sq_item(PyObject *self, PyObject *args, void *wrapped)
{
    if (!check_num_args(args, 1)) {
        return NULL;
    }
    Py_ssize_t i = getindex(self, PyTuple_GET_ITEM(args, 0));
    if (i == -1 && PyErr_Occurred()) {
        return NULL;
    }
    return ((ssizeargfunc)wrapped)(self, i);
}

static PyObject *
wrap_sq_setitem(PyObject *self, PyObject *args, void *wrapped)
{
    if (!check_num_args(args, 2)) {
        return NULL;
    }
    Py_ssize_t i = getindex(self, PyTuple_GET_ITEM(args, 0));
    if (i == -1 && PyErr_Occurred()) {
        return NULL;
    }
    if (((ssizeobjargproc)wrapped)(self, i, PyTuple_GET_ITEM(args, 1)) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
wrap_sq_delitem(PyObject *self, PyObject *args, void *wrapped)
{
    if (!check_num_args(args, 1)) {
        return NULL;
    }
    Py_ssize_t i = getindex(self, PyTuple_GET_ITEM(args, 0));
    if (i == -1 && PyErr_Occurred()) {
        return NULL;
    }
    if (((ssizeobjargproc)wrapped)(self, i, NULL) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
wrap_objobjproc(PyObject *self, PyObject *args, void *wrapped)
{
    if (!check_num_args(args, 1)) {
        return NULL;
    }
    int res = ((objobjproc)wrapped)(self, PyTuple_GET_ITEM(args, 0));
    if (res < 0) {
        return NULL;
    }
    return PyBool_FromLong(res);
}

static PyObject *
wrap_objobjargproc(PyObject *self, PyObject *args, void *wrapped)
{
    if (!check_num_args(args, 2)) {
        return NULL;
    }
    if (((objobjargproc)wrapped)(self, PyTuple_GET_ITEM(args, 0),
                                 PyTuple_GET_ITEM(args, 1)) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
wrap_delitem(PyObject *self, PyObject *args, void *wrapped)
{
    if (!check_num_args(args, 1)) {
        return NULL;
    }
    if (((objobjargproc)wrapped)(self, PyTuple_GET_ITEM(args, 0), NULL) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

/* object.__setattr__(type, ...) must not bypass type.__setattr__ (the
 * "Carlo Verre hack"): refuse when a base in between has its own setattr. */
static int
hackcheck(PyObject *self, setattrofunc func, const char *what)
{
    PyTypeObject *type = Py_TYPE(self);
    PyObject *mro = type->tp_mro;
    if (mro == NULL) {
        return 1;
    }
    /* Find the first non-heap type in the MRO. */
    Py_ssize_t n = PyTuple_GET_SIZE(mro), i = 0;
    PyTypeObject *defining = NULL;
    for (; i < n; i++) {
        PyTypeObject *b = (PyTypeObject *)PyTuple_GET_ITEM(mro, i);
        if (!(b->tp_flags & Py_TPFLAGS_HEAPTYPE)) {
            defining = b;
            break;
        }
    }
    if (defining != NULL && defining->tp_setattro != func) {
        PyErr_Format(PyExc_TypeError, "can't apply this %s to %s object", what,
                     defining->tp_name);
        return 0;
    }
    return 1;
}

static PyObject *
wrap_setattr(PyObject *self, PyObject *args, void *wrapped)
{
    if (!check_num_args(args, 2)) {
        return NULL;
    }
    setattrofunc func = (setattrofunc)wrapped;
    if (!hackcheck(self, func, "__setattr__")) {
        return NULL;
    }
    if (func(self, PyTuple_GET_ITEM(args, 0), PyTuple_GET_ITEM(args, 1)) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
wrap_delattr(PyObject *self, PyObject *args, void *wrapped)
{
    if (!check_num_args(args, 1)) {
        return NULL;
    }
    setattrofunc func = (setattrofunc)wrapped;
    if (!hackcheck(self, func, "__delattr__")) {
        return NULL;
    }
    if (func(self, PyTuple_GET_ITEM(args, 0), NULL) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
wrap_hashfunc(PyObject *self, PyObject *args, void *wrapped)
{
    if (!check_num_args(args, 0)) {
        return NULL;
    }
    Py_hash_t res = ((hashfunc)wrapped)(self);
    if (res == -1 && PyErr_Occurred()) {
        return NULL;
    }
    return PyLong_FromSsize_t(res);
}

static PyObject *
wrap_call(PyObject *self, PyObject *args, void *wrapped, PyObject *kwds)
{
    return ((ternaryfunc)wrapped)(self, args, kwds);
}

static PyObject *
wrap_del(PyObject *self, PyObject *args, void *wrapped)
{
    if (!check_num_args(args, 0)) {
        return NULL;
    }
    ((destructor)wrapped)(self);
    Py_RETURN_NONE;
}

static PyObject *
wrap_richcmpfunc(PyObject *self, PyObject *args, void *wrapped, int op)
{
    if (!check_num_args(args, 1)) {
        return NULL;
    }
    return ((richcmpfunc)wrapped)(self, PyTuple_GET_ITEM(args, 0), op);
}

#define RICHCMP_WRAPPER(NAME, OP) \
static PyObject * \
richcmp_##NAME(PyObject *self, PyObject *args, void *wrapped) \
{ \
    return wrap_richcmpfunc(self, args, wrapped, OP); \
}

RICHCMP_WRAPPER(lt, Py_LT)
RICHCMP_WRAPPER(le, Py_LE)
RICHCMP_WRAPPER(eq, Py_EQ)
RICHCMP_WRAPPER(ne, Py_NE)
RICHCMP_WRAPPER(gt, Py_GT)
RICHCMP_WRAPPER(ge, Py_GE)

static PyObject *
wrap_next(PyObject *self, PyObject *args, void *wrapped)
{
    if (!check_num_args(args, 0)) {
        return NULL;
    }
    PyObject *res = ((iternextfunc)wrapped)(self);
    if (res == NULL && !PyErr_Occurred()) {
        PyErr_SetNone(PyExc_StopIteration);
    }
    return res;
}

static PyObject *
wrap_descr_get(PyObject *self, PyObject *args, void *wrapped)
{
    PyObject *obj, *type = NULL;
    if (!PyArg_UnpackTuple(args, "", 1, 2, &obj, &type)) {
        return NULL;
    }
    if (obj == Py_None) {
        obj = NULL;
    }
    if (type == Py_None) {
        type = NULL;
    }
    if (type == NULL && obj == NULL) {
        PyErr_SetString(PyExc_TypeError, "__get__(None, None) is invalid");
        return NULL;
    }
    return ((descrgetfunc)wrapped)(self, obj, type);
}

static PyObject *
wrap_descr_set(PyObject *self, PyObject *args, void *wrapped)
{
    if (!check_num_args(args, 2)) {
        return NULL;
    }
    if (((descrsetfunc)wrapped)(self, PyTuple_GET_ITEM(args, 0),
                                PyTuple_GET_ITEM(args, 1)) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
wrap_descr_delete(PyObject *self, PyObject *args, void *wrapped)
{
    if (!check_num_args(args, 1)) {
        return NULL;
    }
    if (((descrsetfunc)wrapped)(self, PyTuple_GET_ITEM(args, 0), NULL) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
wrap_init(PyObject *self, PyObject *args, void *wrapped, PyObject *kwds)
{
    if (((initproc)wrapped)(self, args, kwds) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

/* T.__new__(S, *args, **kwds): the builtin bound to T that every type with
 * tp_new exposes. */
PyObject *
_PyType_tp_new_wrapper(PyObject *self, PyObject *args, PyObject *kwds)
{
    PyTypeObject *type = (PyTypeObject *)self;
    if (!PyTuple_Check(args) || PyTuple_GET_SIZE(args) < 1) {
        PyErr_Format(PyExc_TypeError, "%s.__new__(): not enough arguments", type->tp_name);
        return NULL;
    }
    PyObject *arg0 = PyTuple_GET_ITEM(args, 0);
    if (!PyType_Check(arg0)) {
        PyErr_Format(PyExc_TypeError, "%s.__new__(X): X is not a type object (%s)",
                     type->tp_name, Py_TYPE(arg0)->tp_name);
        return NULL;
    }
    PyTypeObject *subtype = (PyTypeObject *)arg0;
    if (!PyType_IsSubtype(subtype, type)) {
        PyErr_Format(PyExc_TypeError, "%s.__new__(%s): %s is not a subtype of %s",
                     type->tp_name, subtype->tp_name, subtype->tp_name, type->tp_name);
        return NULL;
    }
    /* The most derived base that is not a Python class must use this
     * tp_new, or object.__new__(int) would build a broken int. */
    PyTypeObject *staticbase = subtype;
    while (staticbase && (staticbase->tp_new == _PyObject_SlotNew)) {
        staticbase = staticbase->tp_base;
    }
    if (staticbase && staticbase->tp_new != type->tp_new) {
        PyErr_Format(PyExc_TypeError, "%s.__new__(%s) is not safe, use %s.__new__()",
                     type->tp_name, subtype->tp_name, staticbase->tp_name);
        return NULL;
    }
    PyObject *rest = PyTuple_GetSlice(args, 1, PyTuple_GET_SIZE(args));
    if (rest == NULL) {
        return NULL;
    }
    PyObject *res = type->tp_new(subtype, rest, kwds);
    Py_DECREF(rest);
    return res;
}

PyMethodDef _PyType_tp_new_methoddef = {
    "__new__", _PyCFunction_CAST(_PyType_tp_new_wrapper), METH_VARARGS | METH_KEYWORDS,
    "Create and return a new object.  See help(type) for accurate signature."
};

/* ---- slot functions: call a dunder from a C slot (Python classes) -------- */

#define SLOT0(FUNCNAME, DUNDER) \
static PyObject * \
FUNCNAME(PyObject *self) \
{ \
    return call_method0(self, _Py_ID_STR(DUNDER)); \
}

#define SLOT1(FUNCNAME, DUNDER) \
static PyObject * \
FUNCNAME(PyObject *self, PyObject *arg) \
{ \
    return call_method1(self, _Py_ID_STR(DUNDER), arg); \
}

/* Binary operator: self.__op__(other) / other.__rop__(self) with the rule
 * that a subclass's reflected method goes first. */
#define SLOT1BIN(FUNCNAME, SLOTNAME, DUNDER, RDUNDER) \
    SLOT1BINFULL(FUNCNAME, FUNCNAME, SLOTNAME, DUNDER, RDUNDER)
#define SLOT1BINFULL(FUNCNAME, TESTFUNC, SLOTNAME, DUNDER, RDUNDER) \
static PyObject * \
FUNCNAME(PyObject *self, PyObject *other) \
{ \
    PyObject *name = _Py_ID_STR(DUNDER), *rname = _Py_ID_STR(RDUNDER); \
    int do_other = !Py_IS_TYPE(self, Py_TYPE(other)) && \
        Py_TYPE(other)->tp_as_number != NULL && \
        Py_TYPE(other)->tp_as_number->SLOTNAME == TESTFUNC; \
    if (Py_TYPE(self)->tp_as_number != NULL && \
        Py_TYPE(self)->tp_as_number->SLOTNAME == TESTFUNC) { \
        PyObject *r; \
        if (do_other && PyType_IsSubtype(Py_TYPE(other), Py_TYPE(self))) { \
            int ok = method_is_overloaded(self, other, rname); \
            if (ok < 0) { \
                return NULL; \
            } \
            if (ok) { \
                r = call_maybe1(other, rname, self); \
                if (r != Py_NotImplemented) { \
                    return r; \
                } \
                Py_DECREF(r); \
                do_other = 0; \
            } \
        } \
        r = call_maybe1(self, name, other); \
        if (r != Py_NotImplemented || Py_IS_TYPE(other, Py_TYPE(self))) { \
            return r; \
        } \
        Py_DECREF(r); \
    } \
    if (do_other) { \
        return call_maybe1(other, rname, self); \
    } \
    Py_RETURN_NOTIMPLEMENTED; \
}

SLOT1BIN(slot_nb_add, nb_add, __add__, __radd__)
SLOT1BIN(slot_nb_subtract, nb_subtract, __sub__, __rsub__)
SLOT1BIN(slot_nb_multiply, nb_multiply, __mul__, __rmul__)
SLOT1BIN(slot_nb_matrix_multiply, nb_matrix_multiply, __matmul__, __rmatmul__)
SLOT1BIN(slot_nb_remainder, nb_remainder, __mod__, __rmod__)
SLOT1BIN(slot_nb_divmod, nb_divmod, __divmod__, __rdivmod__)
SLOT1BIN(slot_nb_lshift, nb_lshift, __lshift__, __rlshift__)
SLOT1BIN(slot_nb_rshift, nb_rshift, __rshift__, __rrshift__)
SLOT1BIN(slot_nb_and, nb_and, __and__, __rand__)
SLOT1BIN(slot_nb_xor, nb_xor, __xor__, __rxor__)
SLOT1BIN(slot_nb_or, nb_or, __or__, __ror__)
SLOT1BIN(slot_nb_floor_divide, nb_floor_divide, __floordiv__, __rfloordiv__)
SLOT1BIN(slot_nb_true_divide, nb_true_divide, __truediv__, __rtruediv__)

static PyObject *slot_nb_power(PyObject *self, PyObject *other, PyObject *modulus);
SLOT1BINFULL(slot_nb_power_binary, slot_nb_power, nb_power, __pow__, __rpow__)

static PyObject *
slot_nb_power(PyObject *self, PyObject *other, PyObject *modulus)
{
    if (modulus == Py_None) {
        return slot_nb_power_binary(self, other);
    }
    /* Three-argument pow() never calls __rpow__. */
    if (Py_TYPE(self)->tp_as_number != NULL &&
        Py_TYPE(self)->tp_as_number->nb_power == slot_nb_power) {
        PyObject *stack[3] = {self, other, modulus};
        int missing;
        PyObject *r = call_special(_Py_ID_STR(__pow__), stack, 3, &missing);
        if (missing) {
            Py_RETURN_NOTIMPLEMENTED;
        }
        return r;
    }
    Py_RETURN_NOTIMPLEMENTED;
}

SLOT0(slot_nb_negative, __neg__)
SLOT0(slot_nb_positive, __pos__)
SLOT0(slot_nb_absolute, __abs__)
SLOT0(slot_nb_invert, __invert__)
SLOT0(slot_nb_int, __int__)
SLOT0(slot_nb_float, __float__)
SLOT0(slot_nb_index, __index__)

#define SLOT1_INPLACE(FUNCNAME, DUNDER) \
static PyObject * \
FUNCNAME(PyObject *self, PyObject *arg) \
{ \
    return call_maybe1(self, _Py_ID_STR(DUNDER), arg); \
}
SLOT1_INPLACE(slot_nb_inplace_add, __iadd__)
SLOT1_INPLACE(slot_nb_inplace_subtract, __isub__)
SLOT1_INPLACE(slot_nb_inplace_multiply, __imul__)
SLOT1_INPLACE(slot_nb_inplace_matrix_multiply, __imatmul__)
SLOT1_INPLACE(slot_nb_inplace_remainder, __imod__)
SLOT1_INPLACE(slot_nb_inplace_lshift, __ilshift__)
SLOT1_INPLACE(slot_nb_inplace_rshift, __irshift__)
SLOT1_INPLACE(slot_nb_inplace_and, __iand__)
SLOT1_INPLACE(slot_nb_inplace_xor, __ixor__)
SLOT1_INPLACE(slot_nb_inplace_or, __ior__)
SLOT1_INPLACE(slot_nb_inplace_floor_divide, __ifloordiv__)
SLOT1_INPLACE(slot_nb_inplace_true_divide, __itruediv__)

static PyObject *
slot_nb_inplace_power(PyObject *self, PyObject *arg, PyObject *modulus)
{
    return call_maybe1(self, _Py_ID_STR(__ipow__), arg);
}

static int
slot_nb_bool(PyObject *self)
{
    int unbound;
    PyObject *func = lookup_maybe_method(self, _Py_ID_STR(__bool__), &unbound);
    int using_len = 0;
    if (func == NULL) {
        if (PyErr_Occurred()) {
            return -1;
        }
        func = lookup_maybe_method(self, _Py_ID_STR(__len__), &unbound);
        if (func == NULL) {
            return PyErr_Occurred() ? -1 : 1;
        }
        using_len = 1;
    }
    PyObject *value = unbound ? PyObject_CallOneArg(func, self) : PyObject_CallNoArgs(func);
    Py_DECREF(func);
    if (value == NULL) {
        return -1;
    }
    int result;
    if (using_len) {
        result = PyObject_IsTrue(value);
    }
    else if (PyBool_Check(value)) {
        result = value == Py_True;
    }
    else {
        PyErr_Format(PyExc_TypeError, "__bool__ should return bool, returned %s",
                     Py_TYPE(value)->tp_name);
        result = -1;
    }
    Py_DECREF(value);
    return result;
}

static Py_ssize_t
slot_sq_length(PyObject *self)
{
    PyObject *res = call_method0(self, _Py_ID_STR(__len__));
    if (res == NULL) {
        return -1;
    }
    Py_SETREF(res, PyNumber_Index(res));
    if (res == NULL) {
        return -1;
    }
    if (_PyLong_Sign(res) < 0) {
        Py_DECREF(res);
        PyErr_SetString(PyExc_ValueError, "__len__() should return >= 0");
        return -1;
    }
    Py_ssize_t len = PyNumber_AsSsize_t(res, PyExc_OverflowError);
    Py_DECREF(res);
    return len;
}

#define slot_mp_length slot_sq_length

static PyObject *
slot_sq_item(PyObject *self, Py_ssize_t i)
{
    PyObject *ival = PyLong_FromSsize_t(i);
    if (ival == NULL) {
        return NULL;
    }
    PyObject *res = call_method1(self, _Py_ID_STR(__getitem__), ival);
    Py_DECREF(ival);
    return res;
}

static int
slot_sq_ass_item(PyObject *self, Py_ssize_t i, PyObject *value)
{
    PyObject *ival = PyLong_FromSsize_t(i);
    if (ival == NULL) {
        return -1;
    }
    PyObject *res;
    if (value == NULL) {
        res = call_method1(self, _Py_ID_STR(__delitem__), ival);
    }
    else {
        PyObject *args[2] = {ival, value};
        res = _PyType_CallMethod(self, _Py_ID_STR(__setitem__), args, 2);
    }
    Py_DECREF(ival);
    if (res == NULL) {
        return -1;
    }
    Py_DECREF(res);
    return 0;
}

static int
slot_sq_contains(PyObject *self, PyObject *value)
{
    int unbound;
    PyObject *func = lookup_maybe_method(self, _Py_ID_STR(__contains__), &unbound);
    if (func == Py_None) {
        Py_DECREF(func);
        PyErr_Format(PyExc_TypeError, "'%.200s' object is not a container",
                     Py_TYPE(self)->tp_name);
        return -1;
    }
    if (func == NULL) {
        if (PyErr_Occurred()) {
            return -1;
        }
        /* Fall back to iteration. */
        PyObject *it = PyObject_GetIter(self);
        if (it == NULL) {
            return -1;
        }
        int found = 0;
        PyObject *item;
        while ((item = PyIter_Next(it)) != NULL) {
            int cmp = PyObject_RichCompareBool(item, value, Py_EQ);
            Py_DECREF(item);
            if (cmp != 0) {
                found = cmp;
                break;
            }
        }
        Py_DECREF(it);
        if (found == 0 && PyErr_Occurred()) {
            return -1;
        }
        return found;
    }
    PyObject *res = unbound ? PyObject_CallFunctionObjArgs(func, self, value, NULL)
                            : PyObject_CallOneArg(func, value);
    Py_DECREF(func);
    if (res == NULL) {
        return -1;
    }
    int r = PyObject_IsTrue(res);
    Py_DECREF(res);
    return r;
}

SLOT1(slot_mp_subscript, __getitem__)

static int
slot_mp_ass_subscript(PyObject *self, PyObject *key, PyObject *value)
{
    PyObject *res;
    if (value == NULL) {
        res = call_method1(self, _Py_ID_STR(__delitem__), key);
    }
    else {
        PyObject *args[2] = {key, value};
        res = _PyType_CallMethod(self, _Py_ID_STR(__setitem__), args, 2);
    }
    if (res == NULL) {
        return -1;
    }
    Py_DECREF(res);
    return 0;
}


static PyObject *
slot_tp_repr(PyObject *self)
{
    int unbound;
    PyObject *func = lookup_maybe_method(self, _Py_ID_STR(__repr__), &unbound);
    if (func != NULL) {
        PyObject *res = unbound ? PyObject_CallOneArg(func, self) : PyObject_CallNoArgs(func);
        Py_DECREF(func);
        return res;
    }
    if (PyErr_Occurred()) {
        return NULL;
    }
    return PyUnicode_FromFormat("<%s object at %p>", Py_TYPE(self)->tp_name, self);
}

SLOT0(slot_tp_str, __str__)

static Py_hash_t
slot_tp_hash(PyObject *self)
{
    int unbound;
    PyObject *func = lookup_maybe_method(self, _Py_ID_STR(__hash__), &unbound);
    if (func == Py_None) {
        Py_CLEAR(func);
    }
    if (func == NULL) {
        if (PyErr_Occurred()) {
            return -1;
        }
        return PyObject_HashNotImplemented(self);
    }
    PyObject *res = unbound ? PyObject_CallOneArg(func, self) : PyObject_CallNoArgs(func);
    Py_DECREF(func);
    if (res == NULL) {
        return -1;
    }
    if (!PyLong_Check(res)) {
        PyErr_SetString(PyExc_TypeError, "__hash__ method should return an integer");
        Py_DECREF(res);
        return -1;
    }
    /* Reduce a big int the way hash(int) does, so hash(x) == x.__hash__()
     * holds for ints in range. */
    Py_hash_t h = PyLong_AsSsize_t(res);
    if (h == -1 && PyErr_Occurred()) {
        PyErr_Clear();
        h = PyObject_Hash(res);
    }
    else if (h == -1) {
        h = -2;
    }
    Py_DECREF(res);
    return h;
}

static PyObject *
slot_tp_call(PyObject *self, PyObject *args, PyObject *kwds)
{
    int unbound;
    PyObject *meth = lookup_maybe_method(self, _Py_ID_STR(__call__), &unbound);
    if (meth == NULL) {
        if (!PyErr_Occurred()) {
            PyErr_Format(PyExc_TypeError, "'%.200s' object is not callable",
                         Py_TYPE(self)->tp_name);
        }
        return NULL;
    }
    PyObject *res;
    if (unbound) {
        Py_ssize_t n = PyTuple_GET_SIZE(args);
        PyObject *newargs = PyTuple_New(n + 1);
        if (newargs == NULL) {
            Py_DECREF(meth);
            return NULL;
        }
        PyTuple_SET_ITEM(newargs, 0, Py_NewRef(self));
        for (Py_ssize_t i = 0; i < n; i++) {
            PyTuple_SET_ITEM(newargs, i + 1, Py_NewRef(PyTuple_GET_ITEM(args, i)));
        }
        res = PyObject_Call(meth, newargs, kwds);
        Py_DECREF(newargs);
    }
    else {
        res = PyObject_Call(meth, args, kwds);
    }
    Py_DECREF(meth);
    return res;
}

/* __getattribute__ and __getattr__ both map to tp_getattro: call the
 * first and, on AttributeError, the second. */
static PyObject *
slot_tp_getattr_hook(PyObject *self, PyObject *name)
{
    PyTypeObject *tp = Py_TYPE(self);
    PyObject *getattr = _PyType_LookupRef(tp, _Py_ID_STR(__getattr__));
    PyObject *getattribute = _PyType_LookupRef(tp, _Py_ID_STR(__getattribute__));
    PyObject *res;
    if (getattribute == NULL ||
        (Py_IS_TYPE(getattribute, &PyWrapperDescr_Type) &&
         ((PyWrapperDescrObject *)getattribute)->d_wrapped == (void *)PyObject_GenericGetAttr)) {
        res = PyObject_GenericGetAttr(self, name);
    }
    else {
        PyObject *stack[2] = {self, name};
        if (PyType_HasFeature(Py_TYPE(getattribute), Py_TPFLAGS_METHOD_DESCRIPTOR)) {
            res = PyObject_Vectorcall(getattribute, stack, 2, NULL);
        }
        else {
            PyObject *bound = getattribute;
            descrgetfunc f = Py_TYPE(getattribute)->tp_descr_get;
            if (f != NULL) {
                bound = f(getattribute, self, (PyObject *)tp);
            }
            else {
                Py_INCREF(bound);
            }
            res = bound ? PyObject_CallOneArg(bound, name) : NULL;
            Py_XDECREF(bound);
        }
    }
    Py_XDECREF(getattribute);
    if (res == NULL && getattr != NULL && PyErr_ExceptionMatches(PyExc_AttributeError)) {
        PyErr_Clear();
        PyObject *stack[2] = {self, name};
        if (PyType_HasFeature(Py_TYPE(getattr), Py_TPFLAGS_METHOD_DESCRIPTOR)) {
            res = PyObject_Vectorcall(getattr, stack, 2, NULL);
        }
        else {
            descrgetfunc f = Py_TYPE(getattr)->tp_descr_get;
            PyObject *bound = f ? f(getattr, self, (PyObject *)tp) : Py_NewRef(getattr);
            res = bound ? PyObject_CallOneArg(bound, name) : NULL;
            Py_XDECREF(bound);
        }
    }
    Py_XDECREF(getattr);
    return res;
}

static int
slot_tp_setattro(PyObject *self, PyObject *name, PyObject *value)
{
    PyObject *res;
    if (value == NULL) {
        res = call_method1(self, _Py_ID_STR(__delattr__), name);
    }
    else {
        PyObject *args[2] = {name, value};
        res = _PyType_CallMethod(self, _Py_ID_STR(__setattr__), args, 2);
    }
    if (res == NULL) {
        return -1;
    }
    Py_DECREF(res);
    return 0;
}

static PyObject *
slot_tp_richcompare(PyObject *self, PyObject *other, int op)
{
    static const char *const names[] = {"__lt__", "__le__", "__eq__", "__ne__",
                                        "__gt__", "__ge__"};
    static _Py_Identifier ids[6] = {
        _Py_static_string_init("__lt__"), _Py_static_string_init("__le__"),
        _Py_static_string_init("__eq__"), _Py_static_string_init("__ne__"),
        _Py_static_string_init("__gt__"), _Py_static_string_init("__ge__"),
    };
    (void)names;
    PyObject *name = _PyUnicode_FromId(&ids[op]);
    if (name == NULL) {
        return NULL;
    }
    return call_maybe1(self, name, other);
}

static PyObject *
slot_tp_iter(PyObject *self)
{
    int unbound;
    PyObject *func = lookup_maybe_method(self, _Py_ID_STR(__iter__), &unbound);
    if (func == Py_None) {
        Py_DECREF(func);
        PyErr_Format(PyExc_TypeError, "'%.200s' object is not iterable",
                     Py_TYPE(self)->tp_name);
        return NULL;
    }
    if (func != NULL) {
        PyObject *res = unbound ? PyObject_CallOneArg(func, self) : PyObject_CallNoArgs(func);
        Py_DECREF(func);
        return res;
    }
    if (PyErr_Occurred()) {
        return NULL;
    }
    PyErr_Format(PyExc_TypeError, "'%.200s' object is not iterable",
                 Py_TYPE(self)->tp_name);
    return NULL;
}

static PyObject *
slot_tp_iternext(PyObject *self)
{
    return call_method0(self, _Py_ID_STR(__next__));
}

static PyObject *
slot_tp_descr_get(PyObject *self, PyObject *obj, PyObject *type)
{
    PyTypeObject *tp = Py_TYPE(self);
    PyObject *get = _PyType_LookupRef(tp, _Py_ID_STR(__get__));
    if (get == NULL) {
        return Py_NewRef(self);
    }
    if (obj == NULL) {
        obj = Py_None;
    }
    if (type == NULL) {
        type = Py_None;
    }
    PyObject *res = PyObject_CallFunctionObjArgs(get, self, obj, type, NULL);
    Py_DECREF(get);
    return res;
}

static int
slot_tp_descr_set(PyObject *self, PyObject *target, PyObject *value)
{
    PyObject *res;
    if (value == NULL) {
        res = call_method1(self, _Py_ID_STR(__delete__), target);
    }
    else {
        PyObject *args[2] = {target, value};
        res = _PyType_CallMethod(self, _Py_ID_STR(__set__), args, 2);
    }
    if (res == NULL) {
        return -1;
    }
    Py_DECREF(res);
    return 0;
}

static int
slot_tp_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    int unbound;
    PyObject *meth = lookup_maybe_method(self, _Py_ID_STR(__init__), &unbound);
    if (meth == NULL) {
        if (!PyErr_Occurred()) {
            PyErr_SetObject(PyExc_AttributeError, _Py_ID_STR(__init__));
        }
        return -1;
    }
    PyObject *res;
    if (unbound) {
        Py_ssize_t n = PyTuple_GET_SIZE(args);
        PyObject *newargs = PyTuple_New(n + 1);
        if (newargs == NULL) {
            Py_DECREF(meth);
            return -1;
        }
        PyTuple_SET_ITEM(newargs, 0, Py_NewRef(self));
        for (Py_ssize_t i = 0; i < n; i++) {
            PyTuple_SET_ITEM(newargs, i + 1, Py_NewRef(PyTuple_GET_ITEM(args, i)));
        }
        res = PyObject_Call(meth, newargs, kwds);
        Py_DECREF(newargs);
    }
    else {
        res = PyObject_Call(meth, args, kwds);
    }
    Py_DECREF(meth);
    if (res == NULL) {
        return -1;
    }
    if (res != Py_None) {
        PyErr_Format(PyExc_TypeError, "__init__() should return None, not '%.200s'",
                     Py_TYPE(res)->tp_name);
        Py_DECREF(res);
        return -1;
    }
    Py_DECREF(res);
    return 0;
}

/* tp_new of a class that defines __new__: call it with the class first. */
PyObject *
_PyObject_SlotNew(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyObject *func = PyObject_GetAttr((PyObject *)type, _Py_ID_STR(__new__));
    if (func == NULL) {
        return NULL;
    }
    Py_ssize_t n = PyTuple_GET_SIZE(args);
    PyObject *newargs = PyTuple_New(n + 1);
    if (newargs == NULL) {
        Py_DECREF(func);
        return NULL;
    }
    PyTuple_SET_ITEM(newargs, 0, Py_NewRef(type));
    for (Py_ssize_t i = 0; i < n; i++) {
        PyTuple_SET_ITEM(newargs, i + 1, Py_NewRef(PyTuple_GET_ITEM(args, i)));
    }
    PyObject *res = PyObject_Call(func, newargs, kwds);
    Py_DECREF(newargs);
    Py_DECREF(func);
    return res;
}

static void
slot_tp_finalize(PyObject *self)
{
    PyObject *exc = PyErr_GetRaisedException();
    int unbound;
    PyObject *del = lookup_maybe_method(self, _Py_ID_STR(__del__), &unbound);
    if (del != NULL) {
        PyObject *res = unbound ? PyObject_CallOneArg(del, self) : PyObject_CallNoArgs(del);
        if (res == NULL) {
            PyErr_WriteUnraisable(del);
        }
        else {
            Py_DECREF(res);
        }
        Py_DECREF(del);
    }
    else {
        PyErr_Clear();
    }
    PyErr_SetRaisedException(exc);
}

SLOT0(slot_am_await, __await__)
SLOT0(slot_am_aiter, __aiter__)
SLOT0(slot_am_anext, __anext__)

/* ---- the table ------------------------------------------------------------ */

typedef struct wrapperbase slotdef;

#define TPSLOT(NAME, SLOT, FUNCTION, WRAPPER, DOC) \
    {NAME, offsetof(PyTypeObject, SLOT), (void *)(FUNCTION), WRAPPER, DOC, 0, NULL}
#define FLSLOT(NAME, SLOT, FUNCTION, WRAPPER, DOC, FLAGS) \
    {NAME, offsetof(PyTypeObject, SLOT), (void *)(FUNCTION), (wrapperfunc)(void (*)(void))(WRAPPER), \
     DOC, FLAGS, NULL}
#define ETSLOT(NAME, SLOT, FUNCTION, WRAPPER, DOC) \
    {NAME, offsetof(PyHeapTypeObject, SLOT), (void *)(FUNCTION), WRAPPER, DOC, 0, NULL}
#define AMSLOT(NAME, SLOT, FUNCTION, WRAPPER, DOC) \
    ETSLOT(NAME, as_async.SLOT, FUNCTION, WRAPPER, DOC)
#define SQSLOT(NAME, SLOT, FUNCTION, WRAPPER, DOC) \
    ETSLOT(NAME, as_sequence.SLOT, FUNCTION, WRAPPER, DOC)
#define MPSLOT(NAME, SLOT, FUNCTION, WRAPPER, DOC) \
    ETSLOT(NAME, as_mapping.SLOT, FUNCTION, WRAPPER, DOC)
#define NBSLOT(NAME, SLOT, FUNCTION, WRAPPER, DOC) \
    ETSLOT(NAME, as_number.SLOT, FUNCTION, WRAPPER, DOC)
#define BINSLOT(NAME, SLOT, FUNCTION, SYM) \
    NBSLOT(NAME, SLOT, FUNCTION, wrap_binaryfunc_l, "Return self" SYM "value.")
#define RBINSLOT(NAME, SLOT, FUNCTION, SYM) \
    NBSLOT(NAME, SLOT, FUNCTION, wrap_binaryfunc_r, "Return value" SYM "self.")
#define IBSLOT(NAME, SLOT, FUNCTION, SYM) \
    NBSLOT(NAME, SLOT, FUNCTION, wrap_binaryfunc, "Return self" SYM "value.")

/* Entries for the same slot are adjacent (the fix-up walks them as a group).
 * For a name that several slots share, the first filled slot supplies the
 * wrapper (number and mapping slots before sequence slots). */
static slotdef slotdefs[] = {
    TPSLOT("__getattribute__", tp_getattro, slot_tp_getattr_hook, wrap_binaryfunc,
           "Return getattr(self, name)."),
    TPSLOT("__getattr__", tp_getattro, slot_tp_getattr_hook, NULL, ""),
    TPSLOT("__setattr__", tp_setattro, slot_tp_setattro, wrap_setattr,
           "Implement setattr(self, name, value)."),
    TPSLOT("__delattr__", tp_setattro, slot_tp_setattro, wrap_delattr,
           "Implement delattr(self, name)."),
    TPSLOT("__repr__", tp_repr, slot_tp_repr, wrap_unaryfunc, "Return repr(self)."),
    TPSLOT("__hash__", tp_hash, slot_tp_hash, wrap_hashfunc, "Return hash(self)."),
    FLSLOT("__call__", tp_call, slot_tp_call, wrap_call,
           "Call self as a function.", PyWrapperFlag_KEYWORDS),
    TPSLOT("__str__", tp_str, slot_tp_str, wrap_unaryfunc, "Return str(self)."),
    TPSLOT("__lt__", tp_richcompare, slot_tp_richcompare, richcmp_lt, "Return self<value."),
    TPSLOT("__le__", tp_richcompare, slot_tp_richcompare, richcmp_le, "Return self<=value."),
    TPSLOT("__eq__", tp_richcompare, slot_tp_richcompare, richcmp_eq, "Return self==value."),
    TPSLOT("__ne__", tp_richcompare, slot_tp_richcompare, richcmp_ne, "Return self!=value."),
    TPSLOT("__gt__", tp_richcompare, slot_tp_richcompare, richcmp_gt, "Return self>value."),
    TPSLOT("__ge__", tp_richcompare, slot_tp_richcompare, richcmp_ge, "Return self>=value."),
    TPSLOT("__iter__", tp_iter, slot_tp_iter, wrap_unaryfunc, "Implement iter(self)."),
    TPSLOT("__next__", tp_iternext, slot_tp_iternext, wrap_next, "Implement next(self)."),
    TPSLOT("__get__", tp_descr_get, slot_tp_descr_get, wrap_descr_get,
           "Return an attribute of instance, which is of type owner."),
    TPSLOT("__set__", tp_descr_set, slot_tp_descr_set, wrap_descr_set,
           "Set an attribute of instance to value."),
    TPSLOT("__delete__", tp_descr_set, slot_tp_descr_set, wrap_descr_delete,
           "Delete an attribute of instance."),
    FLSLOT("__init__", tp_init, slot_tp_init, wrap_init,
           "Initialize self.  See help(type(self)) for accurate signature.",
           PyWrapperFlag_KEYWORDS),
    TPSLOT("__new__", tp_new, _PyObject_SlotNew, NULL, ""),
    TPSLOT("__del__", tp_finalize, slot_tp_finalize, wrap_del,
           "Called when the instance is about to be destroyed."),

    AMSLOT("__await__", am_await, slot_am_await, wrap_unaryfunc,
           "Return an iterator to be used in await expression."),
    AMSLOT("__aiter__", am_aiter, slot_am_aiter, wrap_unaryfunc,
           "Return an awaitable, that resolves in asynchronous iterator."),
    AMSLOT("__anext__", am_anext, slot_am_anext, wrap_unaryfunc,
           "Return a value or raise StopAsyncIteration."),

    BINSLOT("__add__", nb_add, slot_nb_add, "+"),
    RBINSLOT("__radd__", nb_add, slot_nb_add, "+"),
    BINSLOT("__sub__", nb_subtract, slot_nb_subtract, "-"),
    RBINSLOT("__rsub__", nb_subtract, slot_nb_subtract, "-"),
    BINSLOT("__mul__", nb_multiply, slot_nb_multiply, "*"),
    RBINSLOT("__rmul__", nb_multiply, slot_nb_multiply, "*"),
    BINSLOT("__mod__", nb_remainder, slot_nb_remainder, "%"),
    RBINSLOT("__rmod__", nb_remainder, slot_nb_remainder, "%"),
    NBSLOT("__divmod__", nb_divmod, slot_nb_divmod, wrap_binaryfunc_l,
           "Return divmod(self, value)."),
    NBSLOT("__rdivmod__", nb_divmod, slot_nb_divmod, wrap_binaryfunc_r,
           "Return divmod(value, self)."),
    NBSLOT("__pow__", nb_power, slot_nb_power, wrap_ternaryfunc,
           "Return pow(self, value, mod)."),
    NBSLOT("__rpow__", nb_power, slot_nb_power, wrap_ternaryfunc_r,
           "Return pow(value, self, mod)."),
    NBSLOT("__neg__", nb_negative, slot_nb_negative, wrap_unaryfunc, "-self"),
    NBSLOT("__pos__", nb_positive, slot_nb_positive, wrap_unaryfunc, "+self"),
    NBSLOT("__abs__", nb_absolute, slot_nb_absolute, wrap_unaryfunc, "abs(self)"),
    NBSLOT("__bool__", nb_bool, slot_nb_bool, wrap_inquirypred, "True if self else False"),
    NBSLOT("__invert__", nb_invert, slot_nb_invert, wrap_unaryfunc, "~self"),
    BINSLOT("__lshift__", nb_lshift, slot_nb_lshift, "<<"),
    RBINSLOT("__rlshift__", nb_lshift, slot_nb_lshift, "<<"),
    BINSLOT("__rshift__", nb_rshift, slot_nb_rshift, ">>"),
    RBINSLOT("__rrshift__", nb_rshift, slot_nb_rshift, ">>"),
    BINSLOT("__and__", nb_and, slot_nb_and, "&"),
    RBINSLOT("__rand__", nb_and, slot_nb_and, "&"),
    BINSLOT("__xor__", nb_xor, slot_nb_xor, "^"),
    RBINSLOT("__rxor__", nb_xor, slot_nb_xor, "^"),
    BINSLOT("__or__", nb_or, slot_nb_or, "|"),
    RBINSLOT("__ror__", nb_or, slot_nb_or, "|"),
    NBSLOT("__int__", nb_int, slot_nb_int, wrap_unaryfunc, "int(self)"),
    NBSLOT("__float__", nb_float, slot_nb_float, wrap_unaryfunc, "float(self)"),
    IBSLOT("__iadd__", nb_inplace_add, slot_nb_inplace_add, "+="),
    IBSLOT("__isub__", nb_inplace_subtract, slot_nb_inplace_subtract, "-="),
    IBSLOT("__imul__", nb_inplace_multiply, slot_nb_inplace_multiply, "*="),
    IBSLOT("__imod__", nb_inplace_remainder, slot_nb_inplace_remainder, "%="),
    NBSLOT("__ipow__", nb_inplace_power, slot_nb_inplace_power, wrap_ternaryfunc,
           "Return self**=value."),
    IBSLOT("__ilshift__", nb_inplace_lshift, slot_nb_inplace_lshift, "<<="),
    IBSLOT("__irshift__", nb_inplace_rshift, slot_nb_inplace_rshift, ">>="),
    IBSLOT("__iand__", nb_inplace_and, slot_nb_inplace_and, "&="),
    IBSLOT("__ixor__", nb_inplace_xor, slot_nb_inplace_xor, "^="),
    IBSLOT("__ior__", nb_inplace_or, slot_nb_inplace_or, "|="),
    BINSLOT("__floordiv__", nb_floor_divide, slot_nb_floor_divide, "//"),
    RBINSLOT("__rfloordiv__", nb_floor_divide, slot_nb_floor_divide, "//"),
    BINSLOT("__truediv__", nb_true_divide, slot_nb_true_divide, "/"),
    RBINSLOT("__rtruediv__", nb_true_divide, slot_nb_true_divide, "/"),
    IBSLOT("__ifloordiv__", nb_inplace_floor_divide, slot_nb_inplace_floor_divide, "//="),
    IBSLOT("__itruediv__", nb_inplace_true_divide, slot_nb_inplace_true_divide, "/="),
    NBSLOT("__index__", nb_index, slot_nb_index, wrap_unaryfunc,
           "Return self converted to an integer, if self is suitable for use as an index into a list."),
    BINSLOT("__matmul__", nb_matrix_multiply, slot_nb_matrix_multiply, "@"),
    RBINSLOT("__rmatmul__", nb_matrix_multiply, slot_nb_matrix_multiply, "@"),
    IBSLOT("__imatmul__", nb_inplace_matrix_multiply, slot_nb_inplace_matrix_multiply, "@="),

    MPSLOT("__len__", mp_length, slot_mp_length, wrap_lenfunc, "Return len(self)."),
    MPSLOT("__getitem__", mp_subscript, slot_mp_subscript, wrap_binaryfunc,
           "Return self[key]."),
    MPSLOT("__setitem__", mp_ass_subscript, slot_mp_ass_subscript, wrap_objobjargproc,
           "Set self[key] to value."),
    MPSLOT("__delitem__", mp_ass_subscript, slot_mp_ass_subscript, wrap_delitem,
           "Delete self[key]."),

    SQSLOT("__len__", sq_length, slot_sq_length, wrap_lenfunc, "Return len(self)."),
    SQSLOT("__add__", sq_concat, NULL, wrap_binaryfunc, "Return self+value."),
    SQSLOT("__mul__", sq_repeat, NULL, wrap_indexargfunc, "Return self*value."),
    SQSLOT("__rmul__", sq_repeat, NULL, wrap_indexargfunc, "Return value*self."),
    SQSLOT("__getitem__", sq_item, slot_sq_item, wrap_sq_item, "Return self[key]."),
    SQSLOT("__setitem__", sq_ass_item, slot_sq_ass_item, wrap_sq_setitem,
           "Set self[key] to value."),
    SQSLOT("__delitem__", sq_ass_item, slot_sq_ass_item, wrap_sq_delitem,
           "Delete self[key]."),
    SQSLOT("__contains__", sq_contains, slot_sq_contains, wrap_objobjproc,
           "Return bool(key in self)."),
    SQSLOT("__iadd__", sq_inplace_concat, NULL, wrap_binaryfunc,
           "Implement self+=value."),
    SQSLOT("__imul__", sq_inplace_repeat, NULL, wrap_indexargfunc,
           "Implement self*=value."),
    {NULL, 0, NULL, NULL, NULL, 0, NULL}
};

int
_PyType_InitSlotDefs(void)
{
    for (slotdef *p = slotdefs; p->name; p++) {
        if (p->name_strobj == NULL) {
            p->name_strobj = PyUnicode_InternFromString(p->name);
            if (p->name_strobj == NULL) {
                return -1;
            }
            _Py_SetImmortal(p->name_strobj);
        }
    }
    return 0;
}

/* Address of the slot `offset` describes inside `type`, or NULL when the
 * type lacks the sub-table (tp_as_number ...) that holds it. */
static void **
slotptr(PyTypeObject *type, int ioffset)
{
    char *ptr;
    size_t offset = (size_t)ioffset;
    if (offset >= offsetof(PyHeapTypeObject, as_buffer)) {
        ptr = (char *)type->tp_as_buffer;
        offset -= offsetof(PyHeapTypeObject, as_buffer);
    }
    else if (offset >= offsetof(PyHeapTypeObject, as_sequence)) {
        ptr = (char *)type->tp_as_sequence;
        offset -= offsetof(PyHeapTypeObject, as_sequence);
    }
    else if (offset >= offsetof(PyHeapTypeObject, as_mapping)) {
        ptr = (char *)type->tp_as_mapping;
        offset -= offsetof(PyHeapTypeObject, as_mapping);
    }
    else if (offset >= offsetof(PyHeapTypeObject, as_number)) {
        ptr = (char *)type->tp_as_number;
        offset -= offsetof(PyHeapTypeObject, as_number);
    }
    else if (offset >= offsetof(PyHeapTypeObject, as_async)) {
        ptr = (char *)type->tp_as_async;
        offset -= offsetof(PyHeapTypeObject, as_async);
    }
    else {
        ptr = (char *)type;
    }
    if (ptr != NULL) {
        ptr += offset;
    }
    return (void **)ptr;
}

int
_PyType_AddOperators(PyTypeObject *type)
{
    PyObject *dict = type->tp_dict;
    for (slotdef *p = slotdefs; p->name; p++) {
        if (p->wrapper == NULL) {
            continue;
        }
        void **ptr = slotptr(type, p->offset);
        if (ptr == NULL || *ptr == NULL) {
            continue;
        }
        int r = PyDict_Contains(dict, p->name_strobj);
        if (r < 0) {
            return -1;
        }
        if (r) {
            continue;
        }
        if (*ptr == (void *)PyObject_HashNotImplemented) {
            if (PyDict_SetItem(dict, p->name_strobj, Py_None) < 0) {
                return -1;
            }
        }
        else {
            PyObject *descr = PyDescr_NewWrapper(type, p, *ptr);
            if (descr == NULL) {
                return -1;
            }
            r = PyDict_SetItem(dict, p->name_strobj, descr);
            Py_DECREF(descr);
            if (r < 0) {
                return -1;
            }
        }
    }
    if (type->tp_new != NULL) {
        int r = PyDict_Contains(dict, _Py_ID_STR(__new__));
        if (r < 0) {
            return -1;
        }
        if (!r) {
            PyObject *func = PyCFunction_NewEx(&_PyType_tp_new_methoddef, (PyObject *)type,
                                               NULL);
            if (func == NULL) {
                return -1;
            }
            r = PyDict_SetItem(dict, _Py_ID_STR(__new__), func);
            Py_DECREF(func);
            if (r < 0) {
                return -1;
            }
        }
    }
    return 0;
}

/* Fill one slot (and the table entries sharing it) from the MRO; returns
 * the first entry of the next group. */
static slotdef *
update_one_slot(PyTypeObject *type, slotdef *p)
{
    void *generic = NULL, *specific = NULL;
    int use_generic = 0;
    int offset = p->offset;
    void **ptr = slotptr(type, offset);
    if (ptr == NULL) {
        do {
            ++p;
        } while (p->offset == offset);
        return p;
    }
    do {
        PyObject *descr = _PyType_Lookup(type, p->name_strobj);
        if (descr == NULL) {
            continue;
        }
        if (Py_IS_TYPE(descr, &PyWrapperDescr_Type) &&
            ((PyWrapperDescrObject *)descr)->d_base->name_strobj == p->name_strobj) {
            PyWrapperDescrObject *d = (PyWrapperDescrObject *)descr;
            void *tptr = d->d_wrapped;
            if (d->d_base->wrapper == p->wrapper && PyType_IsSubtype(type, PyDescr_TYPE(d))) {
                if (specific == NULL || specific == tptr) {
                    specific = tptr;
                }
                else {
                    use_generic = 1;
                }
            }
            else {
                use_generic = 1;
            }
            generic = p->function;
        }
        else if (PyCFunction_Check(descr) &&
                 PyCFunction_GET_FUNCTION(descr) == _PyCFunction_CAST(_PyType_tp_new_wrapper) &&
                 ptr == (void **)&type->tp_new) {
            /* A base's __new__ builtin: keep the tp_new PyType_Ready
             * inherited. */
            specific = (void *)type->tp_new;
        }
        else if (descr == Py_None && ptr == (void **)&type->tp_hash) {
            specific = (void *)PyObject_HashNotImplemented;
        }
        else {
            use_generic = 1;
            generic = p->function;
        }
    } while ((++p)->offset == offset);
    if (specific && !use_generic) {
        *ptr = specific;
    }
    else {
        *ptr = generic;
    }
    return p;
}

void
_PyType_FixupSlotDispatchers(PyTypeObject *type)
{
    for (slotdef *p = slotdefs; p->name;) {
        p = update_one_slot(type, p);
    }
}

static void
update_slot_recursive(PyTypeObject *type, int offset)
{
    if (!(type->tp_flags & Py_TPFLAGS_HEAPTYPE)) {
        return;
    }
    for (slotdef *p = slotdefs; p->name;) {
        if (p->offset == offset) {
            p = update_one_slot(type, p);
        }
        else {
            p++;
        }
    }
    PyObject *subs = _PyType_GetSubclassesList(type);
    if (subs == NULL) {
        PyErr_Clear();
        return;
    }
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(subs); i++) {
        update_slot_recursive((PyTypeObject *)PyTuple_GET_ITEM(subs, i), offset);
    }
    Py_DECREF(subs);
}

int
_PyType_UpdateSlot(PyTypeObject *type, PyObject *name)
{
    int found = 0;
    int offsets[8];
    int n = 0;
    for (slotdef *p = slotdefs; p->name; p++) {
        if (p->name_strobj == name || _PyUnicode_Equal(p->name_strobj, name)) {
            if (n < 8) {
                offsets[n++] = p->offset;
            }
            found = 1;
        }
    }
    for (int i = 0; i < n; i++) {
        update_slot_recursive(type, offsets[i]);
    }
    return found;
}
