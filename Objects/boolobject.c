/* boolobject.c: `bool`, the int subclass with the two instances False and
 * True (int objects with the values 0 and 1), and its &, |, ^ that stay
 * bool when both operands are bools. */
#include "Python.h"
#include "longobject.h"

static PyObject *
bool_repr(PyObject *self)
{
    return PyUnicode_FromString(self == Py_True ? "True" : "False");
}

PyObject *
PyBool_FromLong(long ok)
{
    return Py_NewRef(ok ? Py_True : Py_False);
}

static PyObject *
bool_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyObject *x = Py_False;
    if (!_PyArg_NoKeywords("bool", kwds)) {
        return NULL;
    }
    if (!PyArg_UnpackTuple(args, "bool", 0, 1, &x)) {
        return NULL;
    }
    int ok = PyObject_IsTrue(x);
    if (ok < 0) {
        return NULL;
    }
    return PyBool_FromLong(ok);
}

static PyObject *
bool_invert(PyObject *v)
{
    if (PyErr_WarnEx(PyExc_DeprecationWarning,
                     "Bitwise inversion '~' on bool is deprecated and will be removed in "
                     "Python 3.16. This returns the bitwise inversion of the underlying int "
                     "object and is usually not what you expect from negating a bool. Use "
                     "the 'not' operator for boolean negation or ~int(x) if you really want "
                     "the bitwise inversion of the underlying int.", 1) < 0) {
        return NULL;
    }
    return PyLong_Type.tp_as_number->nb_invert(v);
}

static PyObject *
bool_and(PyObject *a, PyObject *b)
{
    if (!PyBool_Check(a) || !PyBool_Check(b)) {
        return PyLong_Type.tp_as_number->nb_and(a, b);
    }
    return PyBool_FromLong((a == Py_True) & (b == Py_True));
}

static PyObject *
bool_or(PyObject *a, PyObject *b)
{
    if (!PyBool_Check(a) || !PyBool_Check(b)) {
        return PyLong_Type.tp_as_number->nb_or(a, b);
    }
    return PyBool_FromLong((a == Py_True) | (b == Py_True));
}

static PyObject *
bool_xor(PyObject *a, PyObject *b)
{
    if (!PyBool_Check(a) || !PyBool_Check(b)) {
        return PyLong_Type.tp_as_number->nb_xor(a, b);
    }
    return PyBool_FromLong((a == Py_True) ^ (b == Py_True));
}

static PyNumberMethods bool_as_number = {
    .nb_invert = bool_invert,
    .nb_and = bool_and,
    .nb_xor = bool_xor,
    .nb_or = bool_or,
};

static void
bool_dealloc(PyObject *self)
{
    /* True and False are immortal. */
}

static PyObject *
bool_vectorcall(PyObject *type, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (!_PyArg_NoKwnames("bool", kwnames)) {
        return NULL;
    }
    if (!_PyArg_CheckPositional("bool", nargs, 0, 1)) {
        return NULL;
    }
    if (nargs == 0) {
        Py_RETURN_FALSE;
    }
    int ok = PyObject_IsTrue(args[0]);
    if (ok < 0) {
        return NULL;
    }
    return PyBool_FromLong(ok);
}

PyTypeObject PyBool_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "bool",
    .tp_dealloc = bool_dealloc,
    .tp_repr = bool_repr,
    .tp_as_number = &bool_as_number,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "Returns True when the argument is true, False otherwise.\n"
              "The builtins True and False are the only two instances of the class bool.\n"
              "The class bool is a subclass of the class int, and cannot be subclassed.",
    .tp_base = &PyLong_Type,
    .tp_new = bool_new,
    .tp_vectorcall = bool_vectorcall,
};

struct _longobject _Py_FalseStruct = {
    PyVarObject_HEAD_INIT(&PyBool_Type, 0)
    { 0 }
};

struct _longobject _Py_TrueStruct = {
    PyVarObject_HEAD_INIT(&PyBool_Type, 1)
    { 1 }
};
