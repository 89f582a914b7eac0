/* funcobject.c: the function type (def/lambda): construction from a code
 * object and globals, the attributes (__name__, __qualname__, __defaults__,
 * __kwdefaults__, __annotations__, __closure__, __dict__, ...), the
 * descriptor protocol that makes bound methods, and the vectorcall entry
 * that runs the code in a new frame (Python/ceval.c binds the arguments). */
#include "Python.h"
#include "pycore_object.h"
#include "pycore_pystate.h"
#include "pycore_code.h"
#include "pycore_ceval.h"

PyObject *
PyFunction_NewWithQualName(PyObject *code, PyObject *globals, PyObject *qualname)
{
    if (!PyCode_Check(code) || globals == NULL || !PyDict_Check(globals)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    PyCodeObject *co = (PyCodeObject *)code;
    PyThreadState *tstate = _PyThreadState_GET();
    PyObject *builtins = _PyEval_BuiltinsFromGlobals(tstate, globals);
    if (builtins == NULL && PyErr_Occurred()) {
        return NULL;
    }
    PyObject *module;
    if (PyDict_GetItemRef(globals, _Py_ID_STR(__name__), &module) < 0) {
        return NULL;
    }
    PyObject *doc = Py_None;
    if ((co->co_flags & CO_HAS_DOCSTRING) && PyTuple_GET_SIZE(co->co_consts) > 0) {
        doc = PyTuple_GET_ITEM(co->co_consts, 0);
    }
    PyFunctionObject *op = PyObject_GC_New(PyFunctionObject, &PyFunction_Type);
    if (op == NULL) {
        Py_XDECREF(module);
        return NULL;
    }
    op->func_globals = Py_NewRef(globals);
    op->func_builtins = Py_XNewRef(builtins);
    op->func_name = Py_NewRef(co->co_name);
    op->func_qualname = Py_NewRef(qualname != NULL ? qualname : co->co_qualname);
    op->func_code = Py_NewRef(code);
    op->func_defaults = NULL;
    op->func_kwdefaults = NULL;
    op->func_closure = NULL;
    op->func_doc = Py_NewRef(doc);
    op->func_dict = NULL;
    op->func_weakreflist = NULL;
    op->func_module = module;
    op->func_annotations = NULL;
    op->func_typeparams = NULL;
    op->vectorcall = _PyFunction_Vectorcall;
    PyObject_GC_Track(op);
    /* Free-threaded build: functions defined at module or class level are
     * what every thread calls, so their count must not be one contended
     * word.  Nested functions and lambdas are often made and dropped in a
     * loop: those keep ordinary counts and die at once. */
    if (!(co->co_flags & CO_NESTED)) {
        _PyObject_SetDeferredRefcount((PyObject *)op);
    }
    return (PyObject *)op;
}

PyObject *
PyFunction_New(PyObject *code, PyObject *globals)
{
    return PyFunction_NewWithQualName(code, globals, NULL);
}

#define CHECK_FUNC(op, ret) \
    if (!PyFunction_Check(op)) { PyErr_BadInternalCall(); return ret; }

PyObject *PyFunction_GetCode(PyObject *op) { CHECK_FUNC(op, NULL); return PyFunction_GET_CODE(op); }
PyObject *PyFunction_GetGlobals(PyObject *op) { CHECK_FUNC(op, NULL); return PyFunction_GET_GLOBALS(op); }
PyObject *PyFunction_GetModule(PyObject *op) { CHECK_FUNC(op, NULL); return PyFunction_GET_MODULE(op); }
PyObject *PyFunction_GetDefaults(PyObject *op) { CHECK_FUNC(op, NULL); return PyFunction_GET_DEFAULTS(op); }
PyObject *PyFunction_GetKwDefaults(PyObject *op) { CHECK_FUNC(op, NULL); return PyFunction_GET_KW_DEFAULTS(op); }
PyObject *PyFunction_GetClosure(PyObject *op) { CHECK_FUNC(op, NULL); return PyFunction_GET_CLOSURE(op); }

PyObject *
PyFunction_GetAnnotations(PyObject *op)
{
    CHECK_FUNC(op, NULL);
    return PyFunction_GET_ANNOTATIONS(op);
}

int
PyFunction_SetDefaults(PyObject *op, PyObject *defaults)
{
    CHECK_FUNC(op, -1);
    if (defaults == Py_None) {
        defaults = NULL;
    }
    else if (defaults != NULL && !PyTuple_Check(defaults)) {
        PyErr_SetString(PyExc_SystemError, "non-tuple default args");
        return -1;
    }
    Py_XSETREF(((PyFunctionObject *)op)->func_defaults, Py_XNewRef(defaults));
    return 0;
}

int
PyFunction_SetKwDefaults(PyObject *op, PyObject *defaults)
{
    CHECK_FUNC(op, -1);
    if (defaults == Py_None) {
        defaults = NULL;
    }
    else if (defaults != NULL && !PyDict_Check(defaults)) {
        PyErr_SetString(PyExc_SystemError, "non-dict keyword only default args");
        return -1;
    }
    Py_XSETREF(((PyFunctionObject *)op)->func_kwdefaults, Py_XNewRef(defaults));
    return 0;
}

int
PyFunction_SetClosure(PyObject *op, PyObject *closure)
{
    CHECK_FUNC(op, -1);
    if (closure == Py_None) {
        closure = NULL;
    }
    else if (closure != NULL && !PyTuple_Check(closure)) {
        PyErr_Format(PyExc_SystemError, "expected tuple for closure, got '%.100s'",
                     Py_TYPE(closure)->tp_name);
        return -1;
    }
    Py_XSETREF(((PyFunctionObject *)op)->func_closure, Py_XNewRef(closure));
    return 0;
}

int
PyFunction_SetAnnotations(PyObject *op, PyObject *annotations)
{
    CHECK_FUNC(op, -1);
    if (annotations == Py_None) {
        annotations = NULL;
    }
    else if (annotations != NULL && !PyDict_Check(annotations)) {
        PyErr_SetString(PyExc_SystemError, "non-dict annotations");
        return -1;
    }
    Py_XSETREF(((PyFunctionObject *)op)->func_annotations, Py_XNewRef(annotations));
    return 0;
}

PyObject *
_PyFunction_Vectorcall(PyObject *func, PyObject *const *stack, size_t nargsf,
                       PyObject *kwnames)
{
    PyThreadState *tstate = _PyThreadState_GET();
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    return _PyEval_Vector(tstate, (PyFunctionObject *)func, NULL, stack, (size_t)nargs,
                          kwnames);
}

/* ---- attributes ---------------------------------------------------------- */

static PyMemberDef func_members[] = {
    {"__closure__", _Py_T_OBJECT, offsetof(PyFunctionObject, func_closure), Py_READONLY, NULL},
    {"__doc__", _Py_T_OBJECT, offsetof(PyFunctionObject, func_doc), 0, NULL},
    {"__globals__", _Py_T_OBJECT, offsetof(PyFunctionObject, func_globals), Py_READONLY, NULL},
    {"__module__", _Py_T_OBJECT, offsetof(PyFunctionObject, func_module), 0, NULL},
    {"__builtins__", _Py_T_OBJECT, offsetof(PyFunctionObject, func_builtins), Py_READONLY, NULL},
    {NULL},
};

static PyObject *
func_get_code(PyObject *self, void *c)
{
    return Py_NewRef(((PyFunctionObject *)self)->func_code);
}

static int
func_set_code(PyObject *self, PyObject *value, void *c)
{
    PyFunctionObject *op = (PyFunctionObject *)self;
    if (value == NULL || !PyCode_Check(value)) {
        PyErr_SetString(PyExc_TypeError, "__code__ must be set to a code object");
        return -1;
    }
    Py_ssize_t nfree = ((PyCodeObject *)value)->co_nfreevars;
    Py_ssize_t nclosure = op->func_closure == NULL ? 0 : PyTuple_GET_SIZE(op->func_closure);
    if (nclosure != nfree) {
        PyErr_Format(PyExc_ValueError,
                     "%U() requires a code object with %zd free vars, not %zd",
                     op->func_name, nclosure, nfree);
        return -1;
    }
    Py_XSETREF(op->func_code, Py_NewRef(value));
    return 0;
}

static PyObject *
func_get_name(PyObject *self, void *c)
{
    return Py_NewRef(((PyFunctionObject *)self)->func_name);
}

static int
func_set_name(PyObject *self, PyObject *value, void *c)
{
    if (value == NULL || !PyUnicode_Check(value)) {
        PyErr_SetString(PyExc_TypeError, "__name__ must be set to a string object");
        return -1;
    }
    Py_XSETREF(((PyFunctionObject *)self)->func_name, Py_NewRef(value));
    return 0;
}

static PyObject *
func_get_qualname(PyObject *self, void *c)
{
    return Py_NewRef(((PyFunctionObject *)self)->func_qualname);
}

static int
func_set_qualname(PyObject *self, PyObject *value, void *c)
{
    if (value == NULL || !PyUnicode_Check(value)) {
        PyErr_SetString(PyExc_TypeError, "__qualname__ must be set to a string object");
        return -1;
    }
    Py_XSETREF(((PyFunctionObject *)self)->func_qualname, Py_NewRef(value));
    return 0;
}

static PyObject *
func_get_defaults(PyObject *self, void *c)
{
    PyObject *d = ((PyFunctionObject *)self)->func_defaults;
    return Py_NewRef(d != NULL ? d : Py_None);
}

static int
func_set_defaults(PyObject *self, PyObject *value, void *c)
{
    if (value == Py_None) {
        value = NULL;
    }
    if (value != NULL && !PyTuple_Check(value)) {
        PyErr_SetString(PyExc_TypeError, "__defaults__ must be set to a tuple object");
        return -1;
    }
    Py_XSETREF(((PyFunctionObject *)self)->func_defaults, Py_XNewRef(value));
    return 0;
}

static PyObject *
func_get_kwdefaults(PyObject *self, void *c)
{
    PyObject *d = ((PyFunctionObject *)self)->func_kwdefaults;
    return Py_NewRef(d != NULL ? d : Py_None);
}

static int
func_set_kwdefaults(PyObject *self, PyObject *value, void *c)
{
    if (value == Py_None) {
        value = NULL;
    }
    if (value != NULL && !PyDict_Check(value)) {
        PyErr_SetString(PyExc_TypeError, "__kwdefaults__ must be set to a dict object");
        return -1;
    }
    Py_XSETREF(((PyFunctionObject *)self)->func_kwdefaults, Py_XNewRef(value));
    return 0;
}

static PyObject *
func_get_annotations(PyObject *self, void *c)
{
    PyFunctionObject *op = (PyFunctionObject *)self;
    if (op->func_annotations == NULL) {
        op->func_annotations = PyDict_New();
        if (op->func_annotations == NULL) {
            return NULL;
        }
    }
    return Py_NewRef(op->func_annotations);
}

static int
func_set_annotations(PyObject *self, PyObject *value, void *c)
{
    if (value == Py_None) {
        value = NULL;
    }
    if (value != NULL && !PyDict_Check(value)) {
        PyErr_SetString(PyExc_TypeError, "__annotations__ must be set to a dict object");
        return -1;
    }
    Py_XSETREF(((PyFunctionObject *)self)->func_annotations, Py_XNewRef(value));
    return 0;
}

static PyObject *
func_get_type_params(PyObject *self, void *c)
{
    PyObject *t = ((PyFunctionObject *)self)->func_typeparams;
    if (t == NULL) {
        return PyTuple_New(0);
    }
    return Py_NewRef(t);
}

static int
func_set_type_params(PyObject *self, PyObject *value, void *c)
{
    if (value == NULL || !PyTuple_Check(value)) {
        PyErr_SetString(PyExc_TypeError, "__type_params__ must be set to a tuple");
        return -1;
    }
    Py_XSETREF(((PyFunctionObject *)self)->func_typeparams, Py_NewRef(value));
    return 0;
}

static PyGetSetDef func_getsets[] = {
    {"__code__", func_get_code, func_set_code, NULL, NULL},
    {"__defaults__", func_get_defaults, func_set_defaults, NULL, NULL},
    {"__kwdefaults__", func_get_kwdefaults, func_set_kwdefaults, NULL, NULL},
    {"__annotations__", func_get_annotations, func_set_annotations, NULL, NULL},
    {"__dict__", PyObject_GenericGetDict, PyObject_GenericSetDict, NULL, NULL},
    {"__name__", func_get_name, func_set_name, NULL, NULL},
    {"__qualname__", func_get_qualname, func_set_qualname, NULL, NULL},
    {"__type_params__", func_get_type_params, func_set_type_params, NULL, NULL},
    {NULL},
};

/* ---- type slots ------------------------------------------------------------ */

static PyObject *
func_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static const char *kwlist[] = {"code", "globals", "name", "argdefs", "closure", "kwdefaults",
                                   NULL};
    PyObject *code, *globals, *name = Py_None, *defaults = Py_None, *closure = Py_None;
    PyObject *kwdefaults = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O!O!|OOOO:function", (char **)kwlist,
                                     &PyCode_Type, &code, &PyDict_Type, &globals, &name,
                                     &defaults, &closure, &kwdefaults)) {
        return NULL;
    }
    if (name != Py_None && !PyUnicode_Check(name)) {
        PyErr_SetString(PyExc_TypeError, "arg 3 (name) must be None or string");
        return NULL;
    }
    if (defaults != Py_None && !PyTuple_Check(defaults)) {
        PyErr_SetString(PyExc_TypeError, "arg 4 (defaults) must be None or tuple");
        return NULL;
    }
    Py_ssize_t nfree = ((PyCodeObject *)code)->co_nfreevars;
    if (!PyTuple_Check(closure)) {
        if (nfree && closure == Py_None) {
            PyErr_SetString(PyExc_TypeError, "arg 5 (closure) must be tuple");
            return NULL;
        }
        else if (closure != Py_None) {
            PyErr_SetString(PyExc_TypeError, "arg 5 (closure) must be None or tuple");
            return NULL;
        }
    }
    Py_ssize_t nclosure = closure == Py_None ? 0 : PyTuple_GET_SIZE(closure);
    if (nfree != nclosure) {
        PyErr_Format(PyExc_ValueError, "%U requires closure of length %zd, not %zd",
                     ((PyCodeObject *)code)->co_name, nfree, nclosure);
        return NULL;
    }
    for (Py_ssize_t i = 0; i < nclosure; i++) {
        PyObject *o = PyTuple_GET_ITEM(closure, i);
        if (!PyCell_Check(o)) {
            PyErr_Format(PyExc_TypeError, "arg 5 (closure) expected cell, found %s",
                         Py_TYPE(o)->tp_name);
            return NULL;
        }
    }
    PyFunctionObject *op = (PyFunctionObject *)PyFunction_New(code, globals);
    if (op == NULL) {
        return NULL;
    }
    if (name != Py_None) {
        Py_SETREF(op->func_name, Py_NewRef(name));
    }
    if (defaults != Py_None) {
        op->func_defaults = Py_NewRef(defaults);
    }
    if (closure != Py_None) {
        op->func_closure = Py_NewRef(closure);
    }
    if (kwdefaults != Py_None) {
        if (!PyDict_Check(kwdefaults)) {
            Py_DECREF(op);
            PyErr_SetString(PyExc_TypeError, "arg 6 (kwdefaults) must be None or dict");
            return NULL;
        }
        op->func_kwdefaults = Py_NewRef(kwdefaults);
    }
    return (PyObject *)op;
}

static int
func_clear(PyObject *self)
{
    PyFunctionObject *op = (PyFunctionObject *)self;
    Py_CLEAR(op->func_globals);
    Py_CLEAR(op->func_builtins);
    Py_CLEAR(op->func_module);
    Py_CLEAR(op->func_defaults);
    Py_CLEAR(op->func_kwdefaults);
    Py_CLEAR(op->func_doc);
    Py_CLEAR(op->func_dict);
    Py_CLEAR(op->func_closure);
    Py_CLEAR(op->func_annotations);
    Py_CLEAR(op->func_typeparams);
    /* name/qualname/code stay: repr and frames may still look at them. */
    return 0;
}

static void
func_dealloc(PyObject *self)
{
    PyFunctionObject *op = (PyFunctionObject *)self;
    PyObject_GC_UnTrack(self);
    if (op->func_weakreflist != NULL) {
        PyObject_ClearWeakRefs(self);
    }
    func_clear(self);
    Py_CLEAR(op->func_code);
    Py_CLEAR(op->func_name);
    Py_CLEAR(op->func_qualname);
    PyObject_GC_Del(self);
}

static int
func_traverse(PyObject *self, visitproc visit, void *arg)
{
    PyFunctionObject *op = (PyFunctionObject *)self;
    Py_VISIT(op->func_code);
    Py_VISIT(op->func_globals);
    Py_VISIT(op->func_builtins);
    Py_VISIT(op->func_module);
    Py_VISIT(op->func_defaults);
    Py_VISIT(op->func_kwdefaults);
    Py_VISIT(op->func_doc);
    Py_VISIT(op->func_name);
    Py_VISIT(op->func_dict);
    Py_VISIT(op->func_closure);
    Py_VISIT(op->func_annotations);
    Py_VISIT(op->func_typeparams);
    Py_VISIT(op->func_qualname);
    return 0;
}

static PyObject *
func_repr(PyObject *self)
{
    return PyUnicode_FromFormat("<function %U at %p>", ((PyFunctionObject *)self)->func_qualname,
                                self);
}

static PyObject *
func_descr_get(PyObject *func, PyObject *obj, PyObject *type)
{
    if (obj == Py_None || obj == NULL) {
        return Py_NewRef(func);
    }
    return PyMethod_New(func, obj);
}

PyTypeObject PyFunction_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "function",
    .tp_basicsize = sizeof(PyFunctionObject),
    .tp_dealloc = func_dealloc,
    .tp_vectorcall_offset = offsetof(PyFunctionObject, vectorcall),
    .tp_repr = func_repr,
    .tp_call = PyVectorcall_Call,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_setattro = PyObject_GenericSetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_HAVE_VECTORCALL |
                Py_TPFLAGS_METHOD_DESCRIPTOR,
    .tp_doc = "Create a function object.",
    .tp_traverse = func_traverse,
    .tp_clear = func_clear,
    .tp_members = func_members,
    .tp_getset = func_getsets,
    .tp_descr_get = func_descr_get,
    .tp_dictoffset = offsetof(PyFunctionObject, func_dict),
    .tp_weaklistoffset = offsetof(PyFunctionObject, func_weakreflist),
    .tp_new = func_new,
};
