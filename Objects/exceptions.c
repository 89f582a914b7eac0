/* exceptions.c: the built-in exception hierarchy.  BaseException (args,
 * __str__/__repr__, __traceback__, __context__, __cause__,
 * __suppress_context__, with_traceback, add_note/__notes__) and the
 * subclasses that carry more state: StopIteration.value, SystemExit.code,
 * ImportError (name, path), OSError (errno, strerror, filenames; OSError(errno,
 * ...) builds the matching subclass), SyntaxError's location fields,
 * KeyError's repr-quoting str, the UnicodeError family, AttributeError and
 * NameError (name, obj), BaseExceptionGroup/ExceptionGroup, and the warning
 * categories. */
#include "Python.h"
#include "pycore_object.h"
#include "pycore_pyerrors.h"
#include "structmember.h"

/* ---- BaseException ------------------------------------------------------- */

static PyObject *
BaseException_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyBaseExceptionObject *self = (PyBaseExceptionObject *)type->tp_alloc(type, 0);
    if (!self) {
        return NULL;
    }
    self->dict = NULL;
    self->notes = NULL;
    self->traceback = self->cause = self->context = NULL;
    self->suppress_context = 0;
    if (args) {
        self->args = Py_NewRef(args);
        return (PyObject *)self;
    }
    self->args = PyTuple_New(0);
    if (!self->args) {
        Py_DECREF(self);
        return NULL;
    }
    return (PyObject *)self;
}

static int
BaseException_init(PyObject *op, PyObject *args, PyObject *kwds)
{
    PyBaseExceptionObject *self = (PyBaseExceptionObject *)op;
    if (!_PyArg_NoKeywords(Py_TYPE(self)->tp_name, kwds)) {
        return -1;
    }
    Py_XSETREF(self->args, Py_NewRef(args));
    return 0;
}

static int
BaseException_clear(PyObject *op)
{
    PyBaseExceptionObject *self = (PyBaseExceptionObject *)op;
    Py_CLEAR(self->dict);
    Py_CLEAR(self->args);
    Py_CLEAR(self->notes);
    Py_CLEAR(self->traceback);
    Py_CLEAR(self->cause);
    Py_CLEAR(self->context);
    return 0;
}

static void
BaseException_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    BaseException_clear(self);
    Py_TYPE(self)->tp_free(self);
}

static int
BaseException_traverse(PyObject *op, visitproc visit, void *arg)
{
    PyBaseExceptionObject *self = (PyBaseExceptionObject *)op;
    Py_VISIT(self->dict);
    Py_VISIT(self->args);
    Py_VISIT(self->notes);
    Py_VISIT(self->traceback);
    Py_VISIT(self->cause);
    Py_VISIT(self->context);
    return 0;
}

static PyObject *
BaseException_str(PyObject *op)
{
    PyBaseExceptionObject *self = (PyBaseExceptionObject *)op;
    switch (PyTuple_GET_SIZE(self->args)) {
    case 0:
        return PyUnicode_FromString("");
    case 1:
        return PyObject_Str(PyTuple_GET_ITEM(self->args, 0));
    default:
        return PyObject_Str(self->args);
    }
}

static PyObject *
BaseException_repr(PyObject *op)
{
    PyBaseExceptionObject *self = (PyBaseExceptionObject *)op;
    const char *name = _PyType_Name(Py_TYPE(self));
    if (PyTuple_GET_SIZE(self->args) == 1) {
        return PyUnicode_FromFormat("%s(%R)", name, PyTuple_GET_ITEM(self->args, 0));
    }
    return PyUnicode_FromFormat("%s%R", name, self->args);
}

static PyObject *
BaseException_reduce(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    PyBaseExceptionObject *self = (PyBaseExceptionObject *)op;
    if (self->args && self->dict) {
        return PyTuple_Pack(3, Py_TYPE(self), self->args, self->dict);
    }
    return PyTuple_Pack(2, Py_TYPE(self), self->args);
}

static PyObject *
BaseException_setstate(PyObject *op, PyObject *state)
{
    if (state != Py_None) {
        if (!PyDict_Check(state)) {
            PyErr_SetString(PyExc_TypeError, "state is not a dictionary");
            return NULL;
        }
        Py_ssize_t i = 0;
        PyObject *d_key, *d_value;
        while (PyDict_Next(state, &i, &d_key, &d_value)) {
            if (PyObject_SetAttr(op, d_key, d_value) < 0) {
                return NULL;
            }
        }
    }
    Py_RETURN_NONE;
}

static PyObject *
BaseException_with_traceback(PyObject *self, PyObject *tb)
{
    if (PyException_SetTraceback(self, tb)) {
        return NULL;
    }
    return Py_NewRef(self);
}

static PyObject *
BaseException_add_note(PyObject *self, PyObject *note)
{
    if (!PyUnicode_Check(note)) {
        PyErr_Format(PyExc_TypeError, "note must be a str, not '%s'", Py_TYPE(note)->tp_name);
        return NULL;
    }
    if (_PyException_AddNote(self, note) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

int
_PyException_AddNote(PyObject *exc, PyObject *note)
{
    if (!PyExceptionInstance_Check(exc)) {
        PyErr_Format(PyExc_TypeError, "exc must be an exception, not '%s'", Py_TYPE(exc)->tp_name);
        return -1;
    }
    PyObject *notes;
    int r = PyObject_GetOptionalAttrString(exc, "__notes__", &notes);
    if (r < 0) {
        return -1;
    }
    if (r == 0) {
        notes = PyList_New(0);
        if (notes == NULL) {
            return -1;
        }
        if (PyObject_SetAttrString(exc, "__notes__", notes) < 0) {
            Py_DECREF(notes);
            return -1;
        }
    }
    else if (!PyList_Check(notes)) {
        Py_DECREF(notes);
        PyErr_SetString(PyExc_TypeError, "Cannot add note: __notes__ is not a list");
        return -1;
    }
    int res = PyList_Append(notes, note);
    Py_DECREF(notes);
    return res;
}

static PyMethodDef BaseException_methods[] = {
    {"__reduce__", BaseException_reduce, METH_NOARGS, NULL},
    {"__setstate__", BaseException_setstate, METH_O, NULL},
    {"with_traceback", BaseException_with_traceback, METH_O,
     "Exception.with_traceback(tb) --\n    set self.__traceback__ to tb and return self."},
    {"add_note", BaseException_add_note, METH_O,
     "Exception.add_note(note) --\n    add a note to the exception"},
    {NULL, NULL, 0, NULL},
};

static PyObject *
BaseException_get_args(PyObject *op, void *closure)
{
    PyBaseExceptionObject *self = (PyBaseExceptionObject *)op;
    if (self->args == NULL) {
        Py_RETURN_NONE;
    }
    return Py_NewRef(self->args);
}

static int
BaseException_set_args(PyObject *op, PyObject *val, void *closure)
{
    PyBaseExceptionObject *self = (PyBaseExceptionObject *)op;
    if (val == NULL) {
        PyErr_SetString(PyExc_TypeError, "args may not be deleted");
        return -1;
    }
    PyObject *seq = PySequence_Tuple(val);
    if (!seq) {
        return -1;
    }
    Py_XSETREF(self->args, seq);
    return 0;
}

static PyObject *
BaseException_get_tb(PyObject *op, void *closure)
{
    PyBaseExceptionObject *self = (PyBaseExceptionObject *)op;
    if (self->traceback == NULL) {
        Py_RETURN_NONE;
    }
    return Py_NewRef(self->traceback);
}

static int
BaseException_set_tb(PyObject *op, PyObject *tb, void *closure)
{
    PyBaseExceptionObject *self = (PyBaseExceptionObject *)op;
    if (tb == NULL) {
        PyErr_SetString(PyExc_TypeError, "__traceback__ may not be deleted");
        return -1;
    }
    /* The traceback type comes with the interpreter: accept None or any
     * object whose type is named 'traceback'. */
    if (tb != Py_None && strcmp(Py_TYPE(tb)->tp_name, "traceback") != 0) {
        PyErr_SetString(PyExc_TypeError, "__traceback__ must be a traceback or None");
        return -1;
    }
    Py_XSETREF(self->traceback, tb == Py_None ? NULL : Py_NewRef(tb));
    return 0;
}

static PyObject *
BaseException_get_context(PyObject *self, void *context)
{
    PyObject *res = PyException_GetContext(self);
    if (res) {
        return res;
    }
    Py_RETURN_NONE;
}

static int
BaseException_set_context(PyObject *self, PyObject *arg, void *context)
{
    if (arg == NULL) {
        PyErr_SetString(PyExc_TypeError, "__context__ may not be deleted");
        return -1;
    }
    else if (arg == Py_None) {
        arg = NULL;
    }
    else if (!PyExceptionInstance_Check(arg)) {
        PyErr_SetString(PyExc_TypeError, "exception context must be None or derive from BaseException");
        return -1;
    }
    else {
        Py_INCREF(arg);
    }
    PyException_SetContext(self, arg);
    return 0;
}

static PyObject *
BaseException_get_cause(PyObject *self, void *context)
{
    PyObject *res = PyException_GetCause(self);
    if (res) {
        return res;
    }
    Py_RETURN_NONE;
}

static int
BaseException_set_cause(PyObject *self, PyObject *arg, void *context)
{
    if (arg == NULL) {
        PyErr_SetString(PyExc_TypeError, "__cause__ may not be deleted");
        return -1;
    }
    else if (arg == Py_None) {
        arg = NULL;
    }
    else if (!PyExceptionInstance_Check(arg)) {
        PyErr_SetString(PyExc_TypeError, "exception cause must be None or derive from BaseException");
        return -1;
    }
    else {
        Py_INCREF(arg);
    }
    PyException_SetCause(self, arg);
    return 0;
}

static PyGetSetDef BaseException_getset[] = {
    {"__dict__", PyObject_GenericGetDict, PyObject_GenericSetDict, NULL, NULL},
    {"args", BaseException_get_args, BaseException_set_args, NULL, NULL},
    {"__traceback__", BaseException_get_tb, BaseException_set_tb, NULL, NULL},
    {"__context__", BaseException_get_context, BaseException_set_context,
     "exception context", NULL},
    {"__cause__", BaseException_get_cause, BaseException_set_cause, "exception cause", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyMemberDef BaseException_members[] = {
    {"__suppress_context__", Py_T_BOOL, offsetof(PyBaseExceptionObject, suppress_context), 0,
     NULL},
    {NULL, 0, 0, 0, NULL}
};

PyObject *
PyException_GetTraceback(PyObject *self)
{
    return Py_XNewRef(((PyBaseExceptionObject *)self)->traceback);
}

int
PyException_SetTraceback(PyObject *self, PyObject *tb)
{
    return BaseException_set_tb(self, tb, NULL);
}

PyObject *
PyException_GetCause(PyObject *self)
{
    return Py_XNewRef(((PyBaseExceptionObject *)self)->cause);
}

void
PyException_SetCause(PyObject *self, PyObject *cause)
{
    ((PyBaseExceptionObject *)self)->suppress_context = 1;
    Py_XSETREF(((PyBaseExceptionObject *)self)->cause, cause);
}

PyObject *
PyException_GetContext(PyObject *self)
{
    return Py_XNewRef(((PyBaseExceptionObject *)self)->context);
}

void
PyException_SetContext(PyObject *self, PyObject *context)
{
    Py_XSETREF(((PyBaseExceptionObject *)self)->context, context);
}

PyObject *
PyException_GetArgs(PyObject *self)
{
    return Py_NewRef(((PyBaseExceptionObject *)self)->args);
}

void
PyException_SetArgs(PyObject *self, PyObject *args)
{
    Py_INCREF(args);
    Py_XSETREF(((PyBaseExceptionObject *)self)->args, args);
}

const char *
PyExceptionClass_Name(PyObject *ob)
{
    return ((PyTypeObject *)ob)->tp_name;
}

/* Static exception types: the name is what `tp_name` shows (builtins). */
#define ComplexExtendsException(EXCBASE, EXCNAME, EXCSTORE, EXCNEW, EXCMETHODS, EXCMEMBERS, \
                                EXCGETSET, EXCSTR, EXCDOC) \
static PyTypeObject _PyExc_ ## EXCNAME = { \
    PyVarObject_HEAD_INIT(NULL, 0) \
    .tp_name = #EXCNAME, \
    .tp_basicsize = sizeof(Py ## EXCSTORE ## Object), \
    .tp_dealloc = EXCSTORE ## _dealloc, \
    .tp_str = EXCSTR, \
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC, \
    .tp_doc = EXCDOC, \
    .tp_traverse = EXCSTORE ## _traverse, \
    .tp_clear = EXCSTORE ## _clear, \
    .tp_methods = EXCMETHODS, \
    .tp_members = EXCMEMBERS, \
    .tp_getset = EXCGETSET, \
    .tp_base = &_ ## EXCBASE, \
    .tp_dictoffset = offsetof(Py ## EXCSTORE ## Object, dict), \
    .tp_init = (initproc)EXCSTORE ## _init, \
    .tp_new = EXCNEW, \
}; \
PyObject *PyExc_ ## EXCNAME = (PyObject *)&_PyExc_ ## EXCNAME;

#define SimpleExtendsException(EXCBASE, EXCNAME, EXCDOC) \
static PyTypeObject _PyExc_ ## EXCNAME = { \
    PyVarObject_HEAD_INIT(NULL, 0) \
    .tp_name = #EXCNAME, \
    .tp_basicsize = sizeof(PyBaseExceptionObject), \
    .tp_dealloc = BaseException_dealloc, \
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC, \
    .tp_doc = EXCDOC, \
    .tp_traverse = BaseException_traverse, \
    .tp_clear = BaseException_clear, \
    .tp_base = &_ ## EXCBASE, \
    .tp_dictoffset = offsetof(PyBaseExceptionObject, dict), \
    .tp_init = BaseException_init, \
    .tp_new = BaseException_new, \
}; \
PyObject *PyExc_ ## EXCNAME = (PyObject *)&_PyExc_ ## EXCNAME;

#define MiddlingExtendsException(EXCBASE, EXCNAME, EXCSTORE, EXCDOC) \
static PyTypeObject _PyExc_ ## EXCNAME = { \
    PyVarObject_HEAD_INIT(NULL, 0) \
    .tp_name = #EXCNAME, \
    .tp_basicsize = sizeof(Py ## EXCSTORE ## Object), \
    .tp_dealloc = EXCSTORE ## _dealloc, \
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC, \
    .tp_doc = EXCDOC, \
    .tp_traverse = EXCSTORE ## _traverse, \
    .tp_clear = EXCSTORE ## _clear, \
    .tp_base = &_ ## EXCBASE, \
    .tp_dictoffset = offsetof(Py ## EXCSTORE ## Object, dict), \
    .tp_init = (initproc)EXCSTORE ## _init, \
    .tp_new = BaseException_new, \
}; \
PyObject *PyExc_ ## EXCNAME = (PyObject *)&_PyExc_ ## EXCNAME;

static PyTypeObject _PyExc_BaseException = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "BaseException",
    .tp_basicsize = sizeof(PyBaseExceptionObject),
    .tp_dealloc = BaseException_dealloc,
    .tp_repr = BaseException_repr,
    .tp_str = BaseException_str,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_setattro = PyObject_GenericSetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC |
                Py_TPFLAGS_BASE_EXC_SUBCLASS,
    .tp_doc = "Common base class for all exceptions",
    .tp_traverse = BaseException_traverse,
    .tp_clear = BaseException_clear,
    .tp_methods = BaseException_methods,
    .tp_members = BaseException_members,
    .tp_getset = BaseException_getset,
    .tp_dictoffset = offsetof(PyBaseExceptionObject, dict),
    .tp_init = BaseException_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = BaseException_new,
};
PyObject *PyExc_BaseException = (PyObject *)&_PyExc_BaseException;

SimpleExtendsException(PyExc_BaseException, Exception,
                       "Common base class for all non-exit exceptions.")
SimpleExtendsException(PyExc_Exception, TypeError, "Inappropriate argument type.")
SimpleExtendsException(PyExc_Exception, StopAsyncIteration,
                       "Signal the end from iterator.__anext__().")

/* StopIteration(value) */
static int
StopIteration_init(PyStopIterationObject *self, PyObject *args, PyObject *kwds)
{
    if (BaseException_init((PyObject *)self, args, kwds) == -1) {
        return -1;
    }
    Py_ssize_t size = PyTuple_GET_SIZE(args);
    PyObject *value = size > 0 ? PyTuple_GET_ITEM(args, 0) : Py_None;
    Py_XSETREF(self->value, Py_NewRef(value));
    return 0;
}

static int
StopIteration_clear(PyObject *op)
{
    Py_CLEAR(((PyStopIterationObject *)op)->value);
    return BaseException_clear(op);
}

static void
StopIteration_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    StopIteration_clear(self);
    Py_TYPE(self)->tp_free(self);
}

static int
StopIteration_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(((PyStopIterationObject *)op)->value);
    return BaseException_traverse(op, visit, arg);
}

static PyMemberDef StopIteration_members[] = {
    {"value", _Py_T_OBJECT, offsetof(PyStopIterationObject, value), 0,
     "generator return value"},
    {NULL, 0, 0, 0, NULL}
};

ComplexExtendsException(PyExc_Exception, StopIteration, StopIteration, BaseException_new,
                        0, StopIteration_members, 0, 0, "Signal the end from iterator.__next__().")

SimpleExtendsException(PyExc_BaseException, GeneratorExit, "Request that a generator exit.")

/* SystemExit(code) */
static int
SystemExit_init(PySystemExitObject *self, PyObject *args, PyObject *kwds)
{
    Py_ssize_t size = PyTuple_GET_SIZE(args);
    if (BaseException_init((PyObject *)self, args, kwds) == -1) {
        return -1;
    }
    if (size == 0) {
        return 0;
    }
    if (size == 1) {
        Py_XSETREF(self->code, Py_NewRef(PyTuple_GET_ITEM(args, 0)));
    }
    else {
        Py_XSETREF(self->code, Py_NewRef(args));
    }
    return 0;
}

static int
SystemExit_clear(PyObject *op)
{
    Py_CLEAR(((PySystemExitObject *)op)->code);
    return BaseException_clear(op);
}

static void
SystemExit_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    SystemExit_clear(self);
    Py_TYPE(self)->tp_free(self);
}

static int
SystemExit_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(((PySystemExitObject *)op)->code);
    return BaseException_traverse(op, visit, arg);
}

static PyMemberDef SystemExit_members[] = {
    {"code", _Py_T_OBJECT, offsetof(PySystemExitObject, code), 0, "exception code"},
    {NULL, 0, 0, 0, NULL}
};

ComplexExtendsException(PyExc_BaseException, SystemExit, SystemExit, BaseException_new,
                        0, SystemExit_members, 0, 0, "Request to exit from the interpreter.")

/* ---- BaseExceptionGroup ------------------------------------------------------ */

static PyObject *
BaseExceptionGroup_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyObject *message = NULL, *exceptions = NULL;
    if (!PyArg_ParseTuple(args, "UO:BaseExceptionGroup.__new__", &message, &exceptions)) {
        return NULL;
    }
    if (!PySequence_Check(exceptions)) {
        PyErr_SetString(PyExc_TypeError, "second argument (exceptions) must be a sequence");
        return NULL;
    }
    exceptions = PySequence_Tuple(exceptions);
    if (!exceptions) {
        return NULL;
    }
    Py_ssize_t numexcs = PyTuple_GET_SIZE(exceptions);
    if (numexcs == 0) {
        PyErr_SetString(PyExc_ValueError, "second argument (exceptions) must be a non-empty sequence");
        goto error;
    }
    int nested_base_exceptions = 0;
    for (Py_ssize_t i = 0; i < numexcs; i++) {
        PyObject *exc = PyTuple_GET_ITEM(exceptions, i);
        if (!exc) {
            goto error;
        }
        if (!PyExceptionInstance_Check(exc)) {
            PyErr_Format(PyExc_ValueError, "Item %zd of second argument (exceptions) is not an exception", i);
            goto error;
        }
        int is_nonbase_exception = PyObject_IsInstance(exc, PyExc_Exception);
        if (is_nonbase_exception < 0) {
            goto error;
        }
        else if (is_nonbase_exception == 0) {
            nested_base_exceptions = 1;
        }
    }
    PyTypeObject *cls = type;
    if (cls == (PyTypeObject *)PyExc_ExceptionGroup) {
        if (nested_base_exceptions) {
            PyErr_SetString(PyExc_TypeError, "Cannot nest BaseExceptions in an ExceptionGroup");
            goto error;
        }
    }
    else if (cls == (PyTypeObject *)PyExc_BaseExceptionGroup) {
        if (!nested_base_exceptions) {
            cls = (PyTypeObject *)PyExc_ExceptionGroup;
        }
    }
    else {
        if (nested_base_exceptions) {
            int nonbase = PyObject_IsSubclass((PyObject *)cls, PyExc_Exception);
            if (nonbase == -1) {
                goto error;
            }
            else if (nonbase == 1) {
                PyErr_Format(PyExc_TypeError, "Cannot nest BaseExceptions in '%.200s'",
                             cls->tp_name);
                goto error;
            }
        }
    }
    PyBaseExceptionGroupObject *self = (PyBaseExceptionGroupObject *)BaseException_new(cls, args, kwds);
    if (!self) {
        goto error;
    }
    self->msg = Py_NewRef(message);
    self->excs = exceptions;
    return (PyObject *)self;
error:
    Py_DECREF(exceptions);
    return NULL;
}

static int
BaseExceptionGroup_init(PyBaseExceptionGroupObject *self, PyObject *args, PyObject *kwds)
{
    if (!_PyArg_NoKeywords(Py_TYPE(self)->tp_name, kwds)) {
        return -1;
    }
    if (BaseException_init((PyObject *)self, args, kwds) == -1) {
        return -1;
    }
    return 0;
}

static int
BaseExceptionGroup_clear(PyObject *op)
{
    PyBaseExceptionGroupObject *self = (PyBaseExceptionGroupObject *)op;
    Py_CLEAR(self->msg);
    Py_CLEAR(self->excs);
    return BaseException_clear(op);
}

static void
BaseExceptionGroup_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    BaseExceptionGroup_clear(self);
    Py_TYPE(self)->tp_free(self);
}

static int
BaseExceptionGroup_traverse(PyObject *op, visitproc visit, void *arg)
{
    PyBaseExceptionGroupObject *self = (PyBaseExceptionGroupObject *)op;
    Py_VISIT(self->msg);
    Py_VISIT(self->excs);
    return BaseException_traverse(op, visit, arg);
}

static PyObject *
BaseExceptionGroup_str(PyObject *op)
{
    PyBaseExceptionGroupObject *self = (PyBaseExceptionGroupObject *)op;
    Py_ssize_t num_excs = PyTuple_Size(self->excs);
    return PyUnicode_FromFormat("%S (%zd sub-exception%s)", self->msg ? self->msg : Py_None,
                                num_excs, num_excs > 1 ? "s" : "");
}

/* derive(excs): a group like this one (same message) holding `excs`.
 * Subclasses override it so that split()/subgroup() keep their type. */
static PyObject *
BaseExceptionGroup_derive(PyObject *self, PyObject *excs)
{
    PyBaseExceptionGroupObject *eg = (PyBaseExceptionGroupObject *)self;
    PyObject *init_args = PyTuple_Pack(2, eg->msg, excs);
    if (!init_args) {
        return NULL;
    }
    PyObject *eg2 = PyObject_CallObject(PyExc_BaseExceptionGroup, init_args);
    Py_DECREF(init_args);
    return eg2;
}

/* What split()/subgroup() test each exception against. */
typedef enum {
    EG_MATCH_TYPE,      /* an exception class or a tuple of them */
    EG_MATCH_PREDICATE, /* a callable taking the exception */
    EG_MATCH_IDS,       /* a set of id()s of leaf exceptions (except* re-raise) */
} eg_match_kind;

static int
eg_matcher_kind(PyObject *value, eg_match_kind *kind)
{
    if (PyCallable_Check(value) && !PyType_Check(value)) {
        *kind = EG_MATCH_PREDICATE;
        return 0;
    }
    if (PyExceptionClass_Check(value)) {
        *kind = EG_MATCH_TYPE;
        return 0;
    }
    if (PyTuple_CheckExact(value)) {
        Py_ssize_t n = PyTuple_GET_SIZE(value);
        Py_ssize_t i = 0;
        while (i < n && PyExceptionClass_Check(PyTuple_GET_ITEM(value, i))) {
            i++;
        }
        if (i == n) {
            *kind = EG_MATCH_TYPE;
            return 0;
        }
    }
    PyErr_SetString(PyExc_TypeError, "expected an exception type, a tuple of exception types, "
                                     "or a callable (other than a class)");
    return -1;
}

/* 1 when `exc` (a leaf or a whole group) matches as a unit, 0 if not. */
static int
eg_test(PyObject *exc, eg_match_kind kind, PyObject *value)
{
    switch (kind) {
    case EG_MATCH_TYPE:
        return PyErr_GivenExceptionMatches(exc, value);
    case EG_MATCH_PREDICATE: {
        PyObject *r = PyObject_CallOneArg(value, exc);
        if (r == NULL) {
            return -1;
        }
        int t = PyObject_IsTrue(r);
        Py_DECREF(r);
        return t;
    }
    case EG_MATCH_IDS: {
        /* groups are never matched whole: only their leaves */
        if (PyObject_TypeCheck(exc, (PyTypeObject *)PyExc_BaseExceptionGroup)) {
            return 0;
        }
        PyObject *id = PyLong_FromVoidPtr(exc);
        if (id == NULL) {
            return -1;
        }
        int r = PySet_Contains(value, id);
        Py_DECREF(id);
        return r;
    }
    }
    return 0;
}

/* A group derived from `orig` holding the sub-sequence `excs`, carrying
 * orig's traceback, cause, context and a copy of its notes; NULL in
 * *result (and 0 returned) when excs is empty. */
static int
eg_subset(PyObject *orig, PyObject *excs, PyObject **result)
{
    *result = NULL;
    if (PyList_GET_SIZE(excs) == 0) {
        return 0;
    }
    PyObject *eg = PyObject_CallMethod(orig, "derive", "(O)", excs);
    if (eg == NULL) {
        return -1;
    }
    if (!PyObject_TypeCheck(eg, (PyTypeObject *)PyExc_BaseExceptionGroup)) {
        PyErr_SetString(PyExc_TypeError, "derive must return an instance of BaseExceptionGroup");
        goto error;
    }
    PyObject *tb = PyException_GetTraceback(orig);
    if (tb != NULL) {
        int r = PyException_SetTraceback(eg, tb);
        Py_DECREF(tb);
        if (r < 0) {
            goto error;
        }
    }
    PyException_SetContext(eg, PyException_GetContext(orig));
    PyException_SetCause(eg, PyException_GetCause(orig));
    PyObject *notes;
    if (PyObject_GetOptionalAttrString(orig, "__notes__", &notes) < 0) {
        goto error;
    }
    if (notes != NULL) {
        if (PySequence_Check(notes)) {
            /* each part gets its own list, so add_note on one does not show on the other */
            PyObject *copy = PySequence_List(notes);
            Py_DECREF(notes);
            if (copy == NULL) {
                goto error;
            }
            int r = PyObject_SetAttrString(eg, "__notes__", copy);
            Py_DECREF(copy);
            if (r < 0) {
                goto error;
            }
        }
        else {
            Py_DECREF(notes);
        }
    }
    *result = eg;
    return 0;
error:
    Py_DECREF(eg);
    return -1;
}

/* Splits `exc` into the part that matches (*match) and, if `want_rest`, the
 * part that does not (*rest); either may come back NULL (nothing). */
static int
eg_split(PyObject *exc, eg_match_kind kind, PyObject *value, int want_rest, PyObject **match,
         PyObject **rest)
{
    *match = *rest = NULL;
    int m = eg_test(exc, kind, value);
    if (m < 0) {
        return -1;
    }
    if (m) {
        *match = Py_NewRef(exc);
        return 0;
    }
    if (!PyObject_TypeCheck(exc, (PyTypeObject *)PyExc_BaseExceptionGroup)) {
        if (want_rest) {
            *rest = Py_NewRef(exc);
        }
        return 0;
    }
    if (Py_EnterRecursiveCall(" in exception group split")) {
        return -1;
    }
    PyObject *excs = ((PyBaseExceptionGroupObject *)exc)->excs;
    PyObject *mlist = PyList_New(0);
    PyObject *rlist = want_rest ? PyList_New(0) : NULL;
    int res = -1;
    if (mlist == NULL || (want_rest && rlist == NULL)) {
        goto done;
    }
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(excs); i++) {
        PyObject *m1, *r1;
        if (eg_split(PyTuple_GET_ITEM(excs, i), kind, value, want_rest, &m1, &r1) < 0) {
            goto done;
        }
        int bad = (m1 != NULL && PyList_Append(mlist, m1) < 0) ||
                  (r1 != NULL && PyList_Append(rlist, r1) < 0);
        Py_XDECREF(m1);
        Py_XDECREF(r1);
        if (bad) {
            goto done;
        }
    }
    if (eg_subset(exc, mlist, match) < 0) {
        goto done;
    }
    if (want_rest && eg_subset(exc, rlist, rest) < 0) {
        Py_CLEAR(*match);
        goto done;
    }
    res = 0;
done:
    Py_LeaveRecursiveCall();
    Py_XDECREF(mlist);
    Py_XDECREF(rlist);
    return res;
}

static PyObject *
BaseExceptionGroup_split(PyObject *self, PyObject *matcher)
{
    eg_match_kind kind;
    if (eg_matcher_kind(matcher, &kind) < 0) {
        return NULL;
    }
    PyObject *match, *rest;
    if (eg_split(self, kind, matcher, 1, &match, &rest) < 0) {
        return NULL;
    }
    PyObject *pair = PyTuple_Pack(2, match ? match : Py_None, rest ? rest : Py_None);
    Py_XDECREF(match);
    Py_XDECREF(rest);
    return pair;
}

static PyObject *
BaseExceptionGroup_subgroup(PyObject *self, PyObject *matcher)
{
    eg_match_kind kind;
    if (eg_matcher_kind(matcher, &kind) < 0) {
        return NULL;
    }
    PyObject *match, *rest;
    if (eg_split(self, kind, matcher, 0, &match, &rest) < 0) {
        return NULL;
    }
    return match ? match : Py_NewRef(Py_None);
}

/* Adds the id() of every leaf exception under `exc` to the set `ids`. */
static int
eg_collect_leaf_ids(PyObject *exc, PyObject *ids)
{
    if (exc == Py_None) {
        return 0;
    }
    if (!PyObject_TypeCheck(exc, (PyTypeObject *)PyExc_BaseExceptionGroup)) {
        PyObject *id = PyLong_FromVoidPtr(exc);
        if (id == NULL) {
            return -1;
        }
        int r = PySet_Add(ids, id);
        Py_DECREF(id);
        return r;
    }
    if (Py_EnterRecursiveCall(" in exception group leaf collection")) {
        return -1;
    }
    PyObject *excs = ((PyBaseExceptionGroupObject *)exc)->excs;
    int r = 0;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(excs) && r == 0; i++) {
        r = eg_collect_leaf_ids(PyTuple_GET_ITEM(excs, i), ids);
    }
    Py_LeaveRecursiveCall();
    return r;
}

/* Same traceback, cause, context and notes: `e` is `orig` or a split part
 * of it, re-raised unhandled (not a new exception raised in a handler). */
static int
eg_same_metadata(PyObject *e, PyObject *orig)
{
    PyBaseExceptionObject *a = (PyBaseExceptionObject *)e, *b = (PyBaseExceptionObject *)orig;
    if (a->traceback != b->traceback || a->cause != b->cause || a->context != b->context) {
        return 0;
    }
    PyObject *na = NULL, *nb = NULL;
    if (PyObject_GetOptionalAttrString(e, "__notes__", &na) < 0 ||
        PyObject_GetOptionalAttrString(orig, "__notes__", &nb) < 0) {
        PyErr_Clear();
    }
    int same = na == nb;
    Py_XDECREF(na);
    Py_XDECREF(nb);
    return same;
}

/* The exception a try/except* raises at its end, from the group `orig` it
 * caught and the list `excs` of what each handler raised or left
 * unhandled (None entries for nothing).  Re-raised parts of orig are put
 * back into orig's shape; newly raised ones are grouped next to them. */
PyObject *
_PyExc_PrepReraiseStar(PyObject *orig, PyObject *excs)
{
    if (!PyList_Check(excs)) {
        PyErr_SetString(PyExc_SystemError, "except* re-raise: expected a list");
        return NULL;
    }
    Py_ssize_t n = PyList_GET_SIZE(excs);
    if (n == 0) {
        Py_RETURN_NONE;
    }
    if (!PyObject_TypeCheck(orig, (PyTypeObject *)PyExc_BaseExceptionGroup)) {
        /* a naked exception was wrapped: at most one handler ran */
        for (Py_ssize_t i = 0; i < n; i++) {
            if (PyList_GET_ITEM(excs, i) != Py_None) {
                return Py_NewRef(PyList_GET_ITEM(excs, i));
            }
        }
        Py_RETURN_NONE;
    }
    PyObject *raised = PyList_New(0), *reraised = PyList_New(0), *ids = NULL;
    PyObject *reraised_eg = NULL, *res = NULL;
    if (raised == NULL || reraised == NULL) {
        goto done;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *e = PyList_GET_ITEM(excs, i);
        if (e == Py_None) {
            continue;
        }
        if (PyList_Append(eg_same_metadata(e, orig) ? reraised : raised, e) < 0) {
            goto done;
        }
    }
    /* the projection of orig on the re-raised leaves keeps orig's nesting */
    if (PyList_GET_SIZE(reraised) > 0) {
        ids = PySet_New(NULL);
        if (ids == NULL) {
            goto done;
        }
        for (Py_ssize_t i = 0; i < PyList_GET_SIZE(reraised); i++) {
            if (eg_collect_leaf_ids(PyList_GET_ITEM(reraised, i), ids) < 0) {
                goto done;
            }
        }
        PyObject *rest;
        if (eg_split(orig, EG_MATCH_IDS, ids, 0, &reraised_eg, &rest) < 0) {
            goto done;
        }
    }
    if (PyList_GET_SIZE(raised) == 0) {
        res = reraised_eg ? Py_NewRef(reraised_eg) : Py_NewRef(Py_None);
        goto done;
    }
    if (reraised_eg != NULL && PyList_Append(raised, reraised_eg) < 0) {
        goto done;
    }
    if (PyList_GET_SIZE(raised) == 1) {
        res = Py_NewRef(PyList_GET_ITEM(raised, 0));
    }
    else {
        res = PyObject_CallFunction(PyExc_BaseExceptionGroup, "(sO)", "", raised);
    }
done:
    Py_XDECREF(raised);
    Py_XDECREF(reraised);
    Py_XDECREF(ids);
    Py_XDECREF(reraised_eg);
    return res;
}

static PyMemberDef BaseExceptionGroup_members[] = {
    {"message", _Py_T_OBJECT, offsetof(PyBaseExceptionGroupObject, msg), Py_READONLY,
     "exception message"},
    {"exceptions", _Py_T_OBJECT, offsetof(PyBaseExceptionGroupObject, excs), Py_READONLY,
     "nested exceptions"},
    {NULL, 0, 0, 0, NULL}
};

static PyMethodDef BaseExceptionGroup_methods[] = {
    {"derive", BaseExceptionGroup_derive, METH_O, NULL},
    {"split", BaseExceptionGroup_split, METH_O, NULL},
    {"subgroup", BaseExceptionGroup_subgroup, METH_O, NULL},
    {"__class_getitem__", Py_GenericAlias, METH_O | METH_CLASS, "See PEP 585"},
    {NULL, NULL, 0, NULL}
};

ComplexExtendsException(PyExc_BaseException, BaseExceptionGroup, BaseExceptionGroup,
                        BaseExceptionGroup_new, BaseExceptionGroup_methods,
                        BaseExceptionGroup_members, 0, BaseExceptionGroup_str,
                        "A combination of multiple unrelated exceptions.")

/* ExceptionGroup(BaseExceptionGroup, Exception) is made at start-up. */
PyObject *PyExc_ExceptionGroup;

SimpleExtendsException(PyExc_BaseException, KeyboardInterrupt, "Program interrupted by user.")

/* ImportError(msg, name=, path=, name_from=) */
static int
ImportError_init(PyImportErrorObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"name", "path", "name_from", 0};
    PyObject *empty_tuple, *msg = NULL, *name = NULL, *path = NULL, *name_from = NULL;
    if (BaseException_init((PyObject *)self, args, NULL) == -1) {
        return -1;
    }
    empty_tuple = PyTuple_New(0);
    if (!empty_tuple) {
        return -1;
    }
    if (!PyArg_ParseTupleAndKeywords(empty_tuple, kwds, "|$OOO:ImportError", kwlist, &name,
                                     &path, &name_from)) {
        Py_DECREF(empty_tuple);
        return -1;
    }
    Py_DECREF(empty_tuple);
    Py_XSETREF(self->name, Py_XNewRef(name));
    Py_XSETREF(self->path, Py_XNewRef(path));
    Py_XSETREF(self->name_from, Py_XNewRef(name_from));
    if (PyTuple_GET_SIZE(args) == 1) {
        msg = Py_NewRef(PyTuple_GET_ITEM(args, 0));
    }
    Py_XSETREF(self->msg, msg);
    return 0;
}

static int
ImportError_clear(PyObject *op)
{
    PyImportErrorObject *self = (PyImportErrorObject *)op;
    Py_CLEAR(self->msg);
    Py_CLEAR(self->name);
    Py_CLEAR(self->path);
    Py_CLEAR(self->name_from);
    return BaseException_clear(op);
}

static void
ImportError_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    ImportError_clear(self);
    Py_TYPE(self)->tp_free(self);
}

static int
ImportError_traverse(PyObject *op, visitproc visit, void *arg)
{
    PyImportErrorObject *self = (PyImportErrorObject *)op;
    Py_VISIT(self->msg);
    Py_VISIT(self->name);
    Py_VISIT(self->path);
    Py_VISIT(self->name_from);
    return BaseException_traverse(op, visit, arg);
}

static PyObject *
ImportError_str(PyObject *op)
{
    PyImportErrorObject *self = (PyImportErrorObject *)op;
    if (self->msg && PyUnicode_CheckExact(self->msg)) {
        return Py_NewRef(self->msg);
    }
    return BaseException_str(op);
}

static PyMemberDef ImportError_members[] = {
    {"msg", _Py_T_OBJECT, offsetof(PyImportErrorObject, msg), 0, "exception message"},
    {"name", _Py_T_OBJECT, offsetof(PyImportErrorObject, name), 0, "module name"},
    {"path", _Py_T_OBJECT, offsetof(PyImportErrorObject, path), 0, "module path"},
    {"name_from", _Py_T_OBJECT, offsetof(PyImportErrorObject, name_from), 0, "name imported from module"},
    {NULL, 0, 0, 0, NULL}
};

ComplexExtendsException(PyExc_Exception, ImportError, ImportError, BaseException_new, 0,
                        ImportError_members, 0, ImportError_str,
                        "Import can't find module, or can't find name in module.")
MiddlingExtendsException(PyExc_ImportError, ModuleNotFoundError, ImportError,
                         "Module not found.")

/* ---- OSError ---------------------------------------------------------------------- */

static int
OSError_clear(PyObject *op)
{
    PyOSErrorObject *self = (PyOSErrorObject *)op;
    Py_CLEAR(self->myerrno);
    Py_CLEAR(self->strerror);
    Py_CLEAR(self->filename);
    Py_CLEAR(self->filename2);
    return BaseException_clear(op);
}

static void
OSError_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    OSError_clear(self);
    Py_TYPE(self)->tp_free(self);
}

static int
OSError_traverse(PyObject *op, visitproc visit, void *arg)
{
    PyOSErrorObject *self = (PyOSErrorObject *)op;
    Py_VISIT(self->myerrno);
    Py_VISIT(self->strerror);
    Py_VISIT(self->filename);
    Py_VISIT(self->filename2);
    return BaseException_traverse(op, visit, arg);
}

/* errno -> subclass, filled at start-up. */
static PyObject *errnomap;

PyObject *
_PyExc_OSErrorSubclassForErrno(int errcode)
{
    if (errnomap == NULL) {
        return NULL;
    }
    PyObject *key = PyLong_FromLong(errcode);
    if (key == NULL) {
        return NULL;
    }
    PyObject *res = PyDict_GetItemWithError(errnomap, key);
    Py_DECREF(key);
    return res;
}

/* Fill the OSError fields from (errno, strerror[, filename[, winerror[, filename2]]]). */
static int
oserror_init(PyOSErrorObject *self, PyObject **p_args, PyObject *myerrno, PyObject *strerror,
             PyObject *filename, PyObject *filename2)
{
    PyObject *args = *p_args;
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    if (filename && filename != Py_None) {
        if (Py_IS_TYPE(self, (PyTypeObject *)PyExc_BlockingIOError) && PyNumber_Check(filename)) {
            self->written = PyNumber_AsSsize_t(filename, PyExc_ValueError);
            if (self->written == -1 && PyErr_Occurred()) {
                return -1;
            }
        }
        else {
            Py_XSETREF(self->filename, Py_NewRef(filename));
            if (filename2 && filename2 != Py_None) {
                Py_XSETREF(self->filename2, Py_NewRef(filename2));
            }
            if (nargs >= 2 && nargs <= 5) {
                /* args stays (errno, strerror) as CPython does. */
                PyObject *subslice = PyTuple_GetSlice(args, 0, 2);
                if (!subslice) {
                    return -1;
                }
                Py_DECREF(args);
                *p_args = args = subslice;
            }
        }
    }
    Py_XSETREF(self->myerrno, Py_XNewRef(myerrno));
    Py_XSETREF(self->strerror, Py_XNewRef(strerror));
    Py_XSETREF(((PyBaseExceptionObject *)self)->args, Py_NewRef(args));
    return 0;
}

static int
oserror_parse_args(PyObject **p_args, PyObject **myerrno, PyObject **strerror,
                   PyObject **filename, PyObject **filename2)
{
    Py_ssize_t nargs = PyTuple_GET_SIZE(*p_args);
    PyObject *winerror = NULL;
    if (nargs >= 2 && nargs <= 5) {
        if (!PyArg_UnpackTuple(*p_args, "OSError", 2, 5, myerrno, strerror, filename, &winerror,
                               filename2)) {
            return -1;
        }
    }
    return 0;
}

static PyTypeObject _PyExc_OSError;
static int OSError_init(PyOSErrorObject *self, PyObject *args, PyObject *kwds);
PyObject *PyExc_BlockingIOError;

static PyObject *
OSError_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyOSErrorObject *self = NULL;
    PyObject *myerrno = NULL, *strerror = NULL, *filename = NULL, *filename2 = NULL;
    Py_INCREF(args);
    if (type->tp_init == _PyExc_OSError.tp_init || type == &_PyExc_OSError) {
        if (!_PyArg_NoKeywords(type->tp_name, kwds)) {
            goto error;
        }
        if (oserror_parse_args(&args, &myerrno, &strerror, &filename, &filename2)) {
            goto error;
        }
        if (myerrno && PyLong_Check(myerrno) && type == &_PyExc_OSError && errnomap) {
            PyObject *newtype = PyDict_GetItemWithError(errnomap, myerrno);
            if (newtype) {
                type = (PyTypeObject *)newtype;
            }
            else if (PyErr_Occurred()) {
                goto error;
            }
        }
    }
    self = (PyOSErrorObject *)type->tp_alloc(type, 0);
    if (!self) {
        goto error;
    }
    self->dict = NULL;
    self->traceback = self->cause = self->context = NULL;
    self->written = -1;
    self->args = PyTuple_New(0);
    if (self->args == NULL) {
        goto error;
    }
    if (type->tp_init == _PyExc_OSError.tp_init || type->tp_base == &_PyExc_OSError ||
        type == &_PyExc_OSError) {
        if (oserror_init(self, &args, myerrno, strerror, filename, filename2)) {
            goto error;
        }
    }
    else {
        Py_XSETREF(self->args, Py_NewRef(args));
    }
    Py_XDECREF(args);
    return (PyObject *)self;
error:
    Py_XDECREF(args);
    Py_XDECREF(self);
    return NULL;
}

static int
OSError_init(PyOSErrorObject *self, PyObject *args, PyObject *kwds)
{
    /* Everything is done in __new__ for OSError and its direct subclasses. */
    return 0;
}

static PyObject *
OSError_str(PyObject *op)
{
    PyOSErrorObject *self = (PyOSErrorObject *)op;
#define OR_NONE(x) ((x) ? (x) : Py_None)
    if (self->filename) {
        if (self->filename2) {
            return PyUnicode_FromFormat("[Errno %S] %S: %R -> %R", OR_NONE(self->myerrno),
                                        OR_NONE(self->strerror), self->filename, self->filename2);
        }
        return PyUnicode_FromFormat("[Errno %S] %S: %R", OR_NONE(self->myerrno),
                                    OR_NONE(self->strerror), self->filename);
    }
    if (self->myerrno && self->strerror) {
        return PyUnicode_FromFormat("[Errno %S] %S", self->myerrno, self->strerror);
    }
    return BaseException_str(op);
#undef OR_NONE
}

static PyObject *
OSError_written_get(PyObject *op, void *context)
{
    PyOSErrorObject *self = (PyOSErrorObject *)op;
    if (self->written == -1) {
        PyErr_SetString(PyExc_AttributeError, "characters_written");
        return NULL;
    }
    return PyLong_FromSsize_t(self->written);
}

static int
OSError_written_set(PyObject *op, PyObject *arg, void *context)
{
    PyOSErrorObject *self = (PyOSErrorObject *)op;
    if (arg == NULL) {
        if (self->written == -1) {
            PyErr_SetString(PyExc_AttributeError, "characters_written");
            return -1;
        }
        self->written = -1;
        return 0;
    }
    Py_ssize_t n = PyNumber_AsSsize_t(arg, PyExc_ValueError);
    if (n == -1 && PyErr_Occurred()) {
        return -1;
    }
    self->written = n;
    return 0;
}

static PyMemberDef OSError_members[] = {
    {"errno", _Py_T_OBJECT, offsetof(PyOSErrorObject, myerrno), 0, "POSIX exception code"},
    {"strerror", _Py_T_OBJECT, offsetof(PyOSErrorObject, strerror), 0, "exception strerror"},
    {"filename", _Py_T_OBJECT, offsetof(PyOSErrorObject, filename), 0, "exception filename"},
    {"filename2", _Py_T_OBJECT, offsetof(PyOSErrorObject, filename2), 0, "second exception filename"},
    {NULL, 0, 0, 0, NULL}
};

static PyGetSetDef OSError_getset[] = {
    {"characters_written", OSError_written_get, OSError_written_set, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

ComplexExtendsException(PyExc_Exception, OSError, OSError, OSError_new, 0, OSError_members,
                        OSError_getset, OSError_str, "Base class for I/O related errors.")

#define OSSUB(BASE, NAME, DOC) \
static PyTypeObject _PyExc_ ## NAME = { \
    PyVarObject_HEAD_INIT(NULL, 0) \
    .tp_name = #NAME, \
    .tp_basicsize = sizeof(PyOSErrorObject), \
    .tp_dealloc = OSError_dealloc, \
    .tp_str = OSError_str, \
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC, \
    .tp_doc = DOC, \
    .tp_traverse = OSError_traverse, \
    .tp_clear = OSError_clear, \
    .tp_base = &_ ## BASE, \
    .tp_dictoffset = offsetof(PyOSErrorObject, dict), \
    .tp_init = (initproc)OSError_init, \
    .tp_new = OSError_new, \
}; \
PyObject *PyExc_ ## NAME = (PyObject *)&_PyExc_ ## NAME;

#undef PyExc_BlockingIOError
OSSUB(PyExc_OSError, BlockingIOError, "I/O operation would block.")
OSSUB(PyExc_OSError, ConnectionError, "Connection error.")
OSSUB(PyExc_OSError, ChildProcessError, "Child process error.")
OSSUB(PyExc_ConnectionError, BrokenPipeError, "Broken pipe.")
OSSUB(PyExc_ConnectionError, ConnectionAbortedError, "Connection aborted.")
OSSUB(PyExc_ConnectionError, ConnectionRefusedError, "Connection refused.")
OSSUB(PyExc_ConnectionError, ConnectionResetError, "Connection reset.")
OSSUB(PyExc_OSError, FileExistsError, "File already exists.")
OSSUB(PyExc_OSError, FileNotFoundError, "File not found.")
OSSUB(PyExc_OSError, IsADirectoryError, "Operation doesn't work on directories.")
OSSUB(PyExc_OSError, NotADirectoryError, "Operation only works on directories.")
OSSUB(PyExc_OSError, InterruptedError, "Interrupted by signal.")
OSSUB(PyExc_OSError, PermissionError, "Not enough permissions.")
OSSUB(PyExc_OSError, ProcessLookupError, "Process not found.")
OSSUB(PyExc_OSError, TimeoutError, "Timeout expired.")

PyObject *PyExc_EnvironmentError = (PyObject *)&_PyExc_OSError;
PyObject *PyExc_IOError = (PyObject *)&_PyExc_OSError;

SimpleExtendsException(PyExc_Exception, EOFError, "Read beyond end of file.")
SimpleExtendsException(PyExc_Exception, RuntimeError, "Unspecified run-time error.")
SimpleExtendsException(PyExc_RuntimeError, RecursionError, "Recursion limit exceeded.")
SimpleExtendsException(PyExc_RuntimeError, PythonFinalizationError,
                       "Operation blocked during Python finalization.")
SimpleExtendsException(PyExc_RuntimeError, NotImplementedError,
                       "Method or function hasn't been implemented yet.")

/* NameError(name=) */
static int
NameError_init(PyNameErrorObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"name", NULL};
    PyObject *name = NULL;
    if (BaseException_init((PyObject *)self, args, NULL) == -1) {
        return -1;
    }
    PyObject *empty_tuple = PyTuple_New(0);
    if (!empty_tuple) {
        return -1;
    }
    if (!PyArg_ParseTupleAndKeywords(empty_tuple, kwds, "|$O:NameError", kwlist, &name)) {
        Py_DECREF(empty_tuple);
        return -1;
    }
    Py_DECREF(empty_tuple);
    Py_XSETREF(self->name, Py_XNewRef(name));
    return 0;
}

static int
NameError_clear(PyObject *op)
{
    Py_CLEAR(((PyNameErrorObject *)op)->name);
    return BaseException_clear(op);
}

static void
NameError_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    NameError_clear(self);
    Py_TYPE(self)->tp_free(self);
}

static int
NameError_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(((PyNameErrorObject *)op)->name);
    return BaseException_traverse(op, visit, arg);
}

static PyMemberDef NameError_members[] = {
    {"name", _Py_T_OBJECT, offsetof(PyNameErrorObject, name), 0, "name"},
    {NULL, 0, 0, 0, NULL}
};

ComplexExtendsException(PyExc_Exception, NameError, NameError, BaseException_new, 0,
                        NameError_members, 0, BaseException_str, "Name not found globally.")
MiddlingExtendsException(PyExc_NameError, UnboundLocalError, NameError,
                         "Local name referenced but not bound to a value.")

/* AttributeError(name=, obj=) */
static int
AttributeError_init(PyAttributeErrorObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"name", "obj", NULL};
    PyObject *name = NULL, *obj = NULL;
    if (BaseException_init((PyObject *)self, args, NULL) == -1) {
        return -1;
    }
    PyObject *empty_tuple = PyTuple_New(0);
    if (!empty_tuple) {
        return -1;
    }
    if (!PyArg_ParseTupleAndKeywords(empty_tuple, kwds, "|$OO:AttributeError", kwlist, &name,
                                     &obj)) {
        Py_DECREF(empty_tuple);
        return -1;
    }
    Py_DECREF(empty_tuple);
    Py_XSETREF(self->name, Py_XNewRef(name));
    Py_XSETREF(self->obj, Py_XNewRef(obj));
    return 0;
}

static int
AttributeError_clear(PyObject *op)
{
    Py_CLEAR(((PyAttributeErrorObject *)op)->obj);
    Py_CLEAR(((PyAttributeErrorObject *)op)->name);
    return BaseException_clear(op);
}

static void
AttributeError_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    AttributeError_clear(self);
    Py_TYPE(self)->tp_free(self);
}

static int
AttributeError_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(((PyAttributeErrorObject *)op)->obj);
    Py_VISIT(((PyAttributeErrorObject *)op)->name);
    return BaseException_traverse(op, visit, arg);
}

static PyMemberDef AttributeError_members[] = {
    {"name", _Py_T_OBJECT, offsetof(PyAttributeErrorObject, name), 0, "attribute name"},
    {"obj", _Py_T_OBJECT, offsetof(PyAttributeErrorObject, obj), 0, "object"},
    {NULL, 0, 0, 0, NULL}
};

ComplexExtendsException(PyExc_Exception, AttributeError, AttributeError, BaseException_new, 0,
                        AttributeError_members, 0, BaseException_str, "Attribute not found.")

/* ---- SyntaxError --------------------------------------------------------------- */

static int
SyntaxError_init(PySyntaxErrorObject *self, PyObject *args, PyObject *kwds)
{
    PyObject *info = NULL;
    Py_ssize_t lenargs = PyTuple_GET_SIZE(args);
    if (BaseException_init((PyObject *)self, args, kwds) == -1) {
        return -1;
    }
    if (lenargs >= 1) {
        Py_XSETREF(self->msg, Py_NewRef(PyTuple_GET_ITEM(args, 0)));
    }
    if (lenargs == 2) {
        info = PySequence_Tuple(PyTuple_GET_ITEM(args, 1));
        if (!info) {
            return -1;
        }
        self->end_lineno = NULL;
        self->end_offset = NULL;
        PyObject *filename, *lineno, *offset, *text, *end_lineno = NULL, *end_offset = NULL;
        if (!PyArg_ParseTuple(info, "OOOO|OO", &filename, &lineno, &offset, &text,
                              &end_lineno, &end_offset)) {
            Py_DECREF(info);
            return -1;
        }
        Py_XSETREF(self->filename, Py_NewRef(filename));
        Py_XSETREF(self->lineno, Py_NewRef(lineno));
        Py_XSETREF(self->offset, Py_NewRef(offset));
        Py_XSETREF(self->text, Py_NewRef(text));
        Py_XSETREF(self->end_lineno, Py_XNewRef(end_lineno));
        Py_XSETREF(self->end_offset, Py_XNewRef(end_offset));
        Py_DECREF(info);
        if (self->end_lineno != NULL && self->end_offset == NULL) {
            PyErr_SetString(PyExc_TypeError, "end_offset must be provided when end_lineno is provided");
            return -1;
        }
    }
    return 0;
}

static int
SyntaxError_clear(PyObject *op)
{
    PySyntaxErrorObject *self = (PySyntaxErrorObject *)op;
    Py_CLEAR(self->msg);
    Py_CLEAR(self->filename);
    Py_CLEAR(self->lineno);
    Py_CLEAR(self->offset);
    Py_CLEAR(self->end_lineno);
    Py_CLEAR(self->end_offset);
    Py_CLEAR(self->text);
    Py_CLEAR(self->print_file_and_line);
    return BaseException_clear(op);
}

static void
SyntaxError_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    SyntaxError_clear(self);
    Py_TYPE(self)->tp_free(self);
}

static int
SyntaxError_traverse(PyObject *op, visitproc visit, void *arg)
{
    PySyntaxErrorObject *self = (PySyntaxErrorObject *)op;
    Py_VISIT(self->msg);
    Py_VISIT(self->filename);
    Py_VISIT(self->lineno);
    Py_VISIT(self->offset);
    Py_VISIT(self->end_lineno);
    Py_VISIT(self->end_offset);
    Py_VISIT(self->text);
    Py_VISIT(self->print_file_and_line);
    return BaseException_traverse(op, visit, arg);
}

/* "msg (file.py, line 3)": only the file's base name is shown. */
static PyObject *
SyntaxError_str(PyObject *op)
{
    PySyntaxErrorObject *self = (PySyntaxErrorObject *)op;
    PyObject *filename = NULL, *result;
    int have_lineno = 0;
    long lineno = 0;
    if (self->filename && PyUnicode_Check(self->filename)) {
        Py_ssize_t len = PyUnicode_GET_LENGTH(self->filename);
        Py_ssize_t slash = PyUnicode_FindChar(self->filename, '/', 0, len, -1);
        if (slash == -2) {
            return NULL;
        }
        filename = slash >= 0 ? PyUnicode_Substring(self->filename, slash + 1, len)
                              : Py_NewRef(self->filename);
        if (filename == NULL) {
            return NULL;
        }
    }
    if (self->lineno && PyLong_CheckExact(self->lineno)) {
        int overflow;
        lineno = PyLong_AsLongAndOverflow(self->lineno, &overflow);
        if (lineno == -1 && PyErr_Occurred()) {
            PyErr_Clear();
        }
        else if (!overflow) {
            have_lineno = 1;
        }
    }
    PyObject *msg = self->msg ? self->msg : Py_None;
    if (filename && have_lineno) {
        result = PyUnicode_FromFormat("%S (%U, line %ld)", msg, filename, lineno);
    }
    else if (filename) {
        result = PyUnicode_FromFormat("%S (%U)", msg, filename);
    }
    else if (have_lineno) {
        result = PyUnicode_FromFormat("%S (line %ld)", msg, lineno);
    }
    else {
        result = PyObject_Str(msg);
    }
    Py_XDECREF(filename);
    return result;
}

static PyMemberDef SyntaxError_members[] = {
    {"msg", _Py_T_OBJECT, offsetof(PySyntaxErrorObject, msg), 0, "exception msg"},
    {"filename", _Py_T_OBJECT, offsetof(PySyntaxErrorObject, filename), 0, "exception filename"},
    {"lineno", _Py_T_OBJECT, offsetof(PySyntaxErrorObject, lineno), 0, "exception lineno"},
    {"offset", _Py_T_OBJECT, offsetof(PySyntaxErrorObject, offset), 0, "exception offset"},
    {"text", _Py_T_OBJECT, offsetof(PySyntaxErrorObject, text), 0, "exception text"},
    {"end_lineno", _Py_T_OBJECT, offsetof(PySyntaxErrorObject, end_lineno), 0, "exception end lineno"},
    {"end_offset", _Py_T_OBJECT, offsetof(PySyntaxErrorObject, end_offset), 0, "exception end offset"},
    {"print_file_and_line", _Py_T_OBJECT, offsetof(PySyntaxErrorObject, print_file_and_line), 0,
     "exception print_file_and_line"},
    {NULL, 0, 0, 0, NULL}
};

ComplexExtendsException(PyExc_Exception, SyntaxError, SyntaxError, BaseException_new, 0,
                        SyntaxError_members, 0, SyntaxError_str, "Invalid syntax.")
MiddlingExtendsException(PyExc_SyntaxError, IndentationError, SyntaxError, "Improper indentation.")
MiddlingExtendsException(PyExc_IndentationError, TabError, SyntaxError,
                         "Improper mixture of spaces and tabs.")
MiddlingExtendsException(PyExc_SyntaxError, IncompleteInputError, SyntaxError,
                         "incomplete input.")

SimpleExtendsException(PyExc_Exception, LookupError, "Base class for lookup errors.")
SimpleExtendsException(PyExc_LookupError, IndexError, "Sequence index out of range.")

/* KeyError's str is the repr of the key, so KeyError('') shows ''. */
static PyObject *
KeyError_str(PyObject *op)
{
    PyBaseExceptionObject *self = (PyBaseExceptionObject *)op;
    if (PyTuple_GET_SIZE(self->args) == 1) {
        return PyObject_Repr(PyTuple_GET_ITEM(self->args, 0));
    }
    return BaseException_str(op);
}

ComplexExtendsException(PyExc_LookupError, KeyError, BaseException, BaseException_new, 0, 0, 0,
                        KeyError_str, "Mapping key not found.")

SimpleExtendsException(PyExc_Exception, ValueError, "Inappropriate argument value (of correct type).")
SimpleExtendsException(PyExc_ValueError, UnicodeError, "Unicode related error.")

/* ---- UnicodeError subclasses ------------------------------------------------- */

static int
UnicodeError_clear(PyObject *op)
{
    PyUnicodeErrorObject *self = (PyUnicodeErrorObject *)op;
    Py_CLEAR(self->encoding);
    Py_CLEAR(self->object);
    Py_CLEAR(self->reason);
    return BaseException_clear(op);
}

static void
UnicodeError_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    UnicodeError_clear(self);
    Py_TYPE(self)->tp_free(self);
}

static int
UnicodeError_traverse(PyObject *op, visitproc visit, void *arg)
{
    PyUnicodeErrorObject *self = (PyUnicodeErrorObject *)op;
    Py_VISIT(self->encoding);
    Py_VISIT(self->object);
    Py_VISIT(self->reason);
    return BaseException_traverse(op, visit, arg);
}

static PyMemberDef UnicodeError_members[] = {
    {"encoding", _Py_T_OBJECT, offsetof(PyUnicodeErrorObject, encoding), 0, "exception encoding"},
    {"object", _Py_T_OBJECT, offsetof(PyUnicodeErrorObject, object), 0, "exception object"},
    {"start", Py_T_PYSSIZET, offsetof(PyUnicodeErrorObject, start), 0, "exception start"},
    {"end", Py_T_PYSSIZET, offsetof(PyUnicodeErrorObject, end), 0, "exception end"},
    {"reason", _Py_T_OBJECT, offsetof(PyUnicodeErrorObject, reason), 0, "exception reason"},
    {NULL, 0, 0, 0, NULL}
};

static int
UnicodeEncodeError_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    if (BaseException_init(self, args, kwds) == -1) {
        return -1;
    }
    PyObject *encoding, *object, *reason;
    Py_ssize_t start = -1, end = -1;
    if (!PyArg_ParseTuple(args, "UUnnU", &encoding, &object, &start, &end, &reason)) {
        return -1;
    }
    PyUnicodeErrorObject *exc = (PyUnicodeErrorObject *)self;
    Py_XSETREF(exc->encoding, Py_NewRef(encoding));
    Py_XSETREF(exc->object, Py_NewRef(object));
    exc->start = start;
    exc->end = end;
    Py_XSETREF(exc->reason, Py_NewRef(reason));
    return 0;
}

static PyObject *
UnicodeEncodeError_str(PyObject *self)
{
    PyUnicodeErrorObject *exc = (PyUnicodeErrorObject *)self;
    if (exc->object == NULL) {
        return PyUnicode_FromString("");
    }
    if (exc->start < PyUnicode_GET_LENGTH(exc->object) && exc->end == exc->start + 1) {
        Py_UCS4 badchar = PyUnicode_ReadChar(exc->object, exc->start);
        const char *fmt;
        if (badchar <= 0xff) {
            fmt = "'%U' codec can't encode character '\\x%02x' in position %zd: %U";
        }
        else if (badchar <= 0xffff) {
            fmt = "'%U' codec can't encode character '\\u%04x' in position %zd: %U";
        }
        else {
            fmt = "'%U' codec can't encode character '\\U%08x' in position %zd: %U";
        }
        return PyUnicode_FromFormat(fmt, exc->encoding, (int)badchar, exc->start, exc->reason);
    }
    return PyUnicode_FromFormat("'%U' codec can't encode characters in position %zd-%zd: %U",
                                exc->encoding, exc->start, exc->end - 1, exc->reason);
}

static PyTypeObject _PyExc_UnicodeEncodeError = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "UnicodeEncodeError",
    .tp_basicsize = sizeof(PyUnicodeErrorObject),
    .tp_dealloc = UnicodeError_dealloc,
    .tp_str = UnicodeEncodeError_str,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "Unicode encoding error.",
    .tp_traverse = UnicodeError_traverse,
    .tp_clear = UnicodeError_clear,
    .tp_members = UnicodeError_members,
    .tp_base = &_PyExc_UnicodeError,
    .tp_dictoffset = offsetof(PyUnicodeErrorObject, dict),
    .tp_init = UnicodeEncodeError_init,
    .tp_new = BaseException_new,
};
PyObject *PyExc_UnicodeEncodeError = (PyObject *)&_PyExc_UnicodeEncodeError;

static int
UnicodeDecodeError_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    if (BaseException_init(self, args, kwds) == -1) {
        return -1;
    }
    PyObject *encoding, *object, *reason;
    Py_ssize_t start = -1, end = -1;
    if (!PyArg_ParseTuple(args, "UOnnU", &encoding, &object, &start, &end, &reason)) {
        return -1;
    }
    PyUnicodeErrorObject *exc = (PyUnicodeErrorObject *)self;
    if (!PyBytes_Check(object)) {
        Py_buffer view;
        if (PyObject_GetBuffer(object, &view, PyBUF_SIMPLE) != 0) {
            return -1;
        }
        object = PyBytes_FromStringAndSize(view.buf, view.len);
        PyBuffer_Release(&view);
        if (object == NULL) {
            return -1;
        }
    }
    else {
        Py_INCREF(object);
    }
    Py_XSETREF(exc->encoding, Py_NewRef(encoding));
    Py_XSETREF(exc->object, object);
    exc->start = start;
    exc->end = end;
    Py_XSETREF(exc->reason, Py_NewRef(reason));
    return 0;
}

static PyObject *
UnicodeDecodeError_str(PyObject *self)
{
    PyUnicodeErrorObject *exc = (PyUnicodeErrorObject *)self;
    if (exc->object == NULL) {
        return PyUnicode_FromString("");
    }
    if (exc->start < PyBytes_GET_SIZE(exc->object) && exc->end == exc->start + 1) {
        int byte = (int)(PyBytes_AS_STRING(exc->object)[exc->start] & 0xff);
        return PyUnicode_FromFormat("'%U' codec can't decode byte 0x%02x in position %zd: %U",
                                    exc->encoding, byte, exc->start, exc->reason);
    }
    return PyUnicode_FromFormat("'%U' codec can't decode bytes in position %zd-%zd: %U",
                                exc->encoding, exc->start, exc->end - 1, exc->reason);
}

static PyTypeObject _PyExc_UnicodeDecodeError = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "UnicodeDecodeError",
    .tp_basicsize = sizeof(PyUnicodeErrorObject),
    .tp_dealloc = UnicodeError_dealloc,
    .tp_str = UnicodeDecodeError_str,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "Unicode decoding error.",
    .tp_traverse = UnicodeError_traverse,
    .tp_clear = UnicodeError_clear,
    .tp_members = UnicodeError_members,
    .tp_base = &_PyExc_UnicodeError,
    .tp_dictoffset = offsetof(PyUnicodeErrorObject, dict),
    .tp_init = UnicodeDecodeError_init,
    .tp_new = BaseException_new,
};
PyObject *PyExc_UnicodeDecodeError = (PyObject *)&_PyExc_UnicodeDecodeError;

static int
UnicodeTranslateError_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    if (BaseException_init(self, args, kwds) == -1) {
        return -1;
    }
    PyObject *object, *reason;
    Py_ssize_t start = -1, end = -1;
    if (!PyArg_ParseTuple(args, "UnnU", &object, &start, &end, &reason)) {
        return -1;
    }
    PyUnicodeErrorObject *exc = (PyUnicodeErrorObject *)self;
    Py_XSETREF(exc->object, Py_NewRef(object));
    exc->start = start;
    exc->end = end;
    Py_XSETREF(exc->reason, Py_NewRef(reason));
    return 0;
}

static PyObject *
UnicodeTranslateError_str(PyObject *self)
{
    PyUnicodeErrorObject *exc = (PyUnicodeErrorObject *)self;
    if (exc->object == NULL) {
        return PyUnicode_FromString("");
    }
    if (exc->start < PyUnicode_GET_LENGTH(exc->object) && exc->end == exc->start + 1) {
        Py_UCS4 badchar = PyUnicode_ReadChar(exc->object, exc->start);
        const char *fmt;
        if (badchar <= 0xff) {
            fmt = "can't translate character '\\x%02x' in position %zd: %U";
        }
        else if (badchar <= 0xffff) {
            fmt = "can't translate character '\\u%04x' in position %zd: %U";
        }
        else {
            fmt = "can't translate character '\\U%08x' in position %zd: %U";
        }
        return PyUnicode_FromFormat(fmt, (int)badchar, exc->start, exc->reason);
    }
    return PyUnicode_FromFormat("can't translate characters in position %zd-%zd: %U",
                                exc->start, exc->end - 1, exc->reason);
}

static PyTypeObject _PyExc_UnicodeTranslateError = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "UnicodeTranslateError",
    .tp_basicsize = sizeof(PyUnicodeErrorObject),
    .tp_dealloc = UnicodeError_dealloc,
    .tp_str = UnicodeTranslateError_str,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "Unicode translation error.",
    .tp_traverse = UnicodeError_traverse,
    .tp_clear = UnicodeError_clear,
    .tp_members = UnicodeError_members,
    .tp_base = &_PyExc_UnicodeError,
    .tp_dictoffset = offsetof(PyUnicodeErrorObject, dict),
    .tp_init = UnicodeTranslateError_init,
    .tp_new = BaseException_new,
};
PyObject *PyExc_UnicodeTranslateError = (PyObject *)&_PyExc_UnicodeTranslateError;

PyObject *
PyUnicodeDecodeError_Create(const char *encoding, const char *object, Py_ssize_t length,
                            Py_ssize_t start, Py_ssize_t end, const char *reason)
{
    return PyObject_CallFunction(PyExc_UnicodeDecodeError, "sy#nns", encoding, object, length,
                                 start, end, reason);
}

PyObject *
_PyUnicodeEncodeError_Create(PyObject *encoding, PyObject *object, Py_ssize_t start,
                             Py_ssize_t end, PyObject *reason)
{
    return PyObject_CallFunction(PyExc_UnicodeEncodeError, "OOnnO", encoding, object, start,
                                 end, reason);
}

PyObject *
PyUnicodeTranslateError_Create(PyObject *object, Py_ssize_t start, Py_ssize_t end,
                               const char *reason)
{
    return PyObject_CallFunction(PyExc_UnicodeTranslateError, "Onns", object, start, end,
                                 reason);
}

static PyUnicodeErrorObject *
as_unicode_error(PyObject *exc)
{
    if (!PyObject_TypeCheck(exc, (PyTypeObject *)PyExc_UnicodeError)) {
        PyErr_Format(PyExc_TypeError, "expected a UnicodeError, got %.200s", Py_TYPE(exc)->tp_name);
        return NULL;
    }
    return (PyUnicodeErrorObject *)exc;
}

static PyObject *
get_attr(PyObject *attr, const char *name)
{
    if (!attr) {
        PyErr_Format(PyExc_TypeError, "%.200s attribute not set", name);
        return NULL;
    }
    return Py_NewRef(attr);
}

#define UE_GETTER(FN, FIELD, NAME) \
PyObject *FN(PyObject *exc) { \
    PyUnicodeErrorObject *e = as_unicode_error(exc); \
    return e ? get_attr(e->FIELD, NAME) : NULL; \
}
UE_GETTER(PyUnicodeEncodeError_GetEncoding, encoding, "encoding")
UE_GETTER(PyUnicodeDecodeError_GetEncoding, encoding, "encoding")
UE_GETTER(PyUnicodeEncodeError_GetObject, object, "object")
UE_GETTER(PyUnicodeDecodeError_GetObject, object, "object")
UE_GETTER(PyUnicodeTranslateError_GetObject, object, "object")
UE_GETTER(PyUnicodeEncodeError_GetReason, reason, "reason")
UE_GETTER(PyUnicodeDecodeError_GetReason, reason, "reason")
UE_GETTER(PyUnicodeTranslateError_GetReason, reason, "reason")

static Py_ssize_t
ue_object_len(PyUnicodeErrorObject *e)
{
    if (e->object == NULL) {
        return 0;
    }
    return PyUnicode_Check(e->object) ? PyUnicode_GET_LENGTH(e->object)
                                      : PyBytes_Check(e->object) ? PyBytes_GET_SIZE(e->object) : 0;
}

#define UE_START_END(SUFFIX) \
int PyUnicode##SUFFIX##Error_GetStart(PyObject *exc, Py_ssize_t *start) { \
    PyUnicodeErrorObject *e = as_unicode_error(exc); \
    if (!e) return -1; \
    Py_ssize_t size = ue_object_len(e); \
    *start = e->start < 0 ? 0 : e->start; \
    if (*start >= size) *start = size ? size - 1 : 0; \
    return 0; \
} \
int PyUnicode##SUFFIX##Error_SetStart(PyObject *exc, Py_ssize_t start) { \
    PyUnicodeErrorObject *e = as_unicode_error(exc); \
    if (!e) return -1; \
    e->start = start; \
    return 0; \
} \
int PyUnicode##SUFFIX##Error_GetEnd(PyObject *exc, Py_ssize_t *end) { \
    PyUnicodeErrorObject *e = as_unicode_error(exc); \
    if (!e) return -1; \
    Py_ssize_t size = ue_object_len(e); \
    *end = e->end < 1 ? 1 : e->end; \
    if (*end > size) *end = size; \
    return 0; \
} \
int PyUnicode##SUFFIX##Error_SetEnd(PyObject *exc, Py_ssize_t end) { \
    PyUnicodeErrorObject *e = as_unicode_error(exc); \
    if (!e) return -1; \
    e->end = end; \
    return 0; \
} \
int PyUnicode##SUFFIX##Error_SetReason(PyObject *exc, const char *reason) { \
    PyUnicodeErrorObject *e = as_unicode_error(exc); \
    if (!e) return -1; \
    PyObject *r = PyUnicode_FromString(reason); \
    if (!r) return -1; \
    Py_XSETREF(e->reason, r); \
    return 0; \
}
UE_START_END(Encode)
UE_START_END(Decode)
UE_START_END(Translate)

SimpleExtendsException(PyExc_Exception, AssertionError, "Assertion failed.")
SimpleExtendsException(PyExc_Exception, ArithmeticError, "Base class for arithmetic errors.")
SimpleExtendsException(PyExc_ArithmeticError, FloatingPointError, "Floating-point operation failed.")
SimpleExtendsException(PyExc_ArithmeticError, OverflowError, "Result too large to be represented.")
SimpleExtendsException(PyExc_ArithmeticError, ZeroDivisionError,
                       "Second argument to a division or modulo operation was zero.")
SimpleExtendsException(PyExc_Exception, SystemError,
                       "Internal error in the Python interpreter.\n\n"
                       "Please report this to the Python maintainer, along with the traceback,\n"
                       "the Python version, and the hardware/OS platform and version.")
SimpleExtendsException(PyExc_Exception, ReferenceError, "Weak ref proxy used after referent went away.")
SimpleExtendsException(PyExc_Exception, MemoryError, "Out of memory.")
SimpleExtendsException(PyExc_Exception, BufferError, "Buffer error.")

/* Warning categories. */
SimpleExtendsException(PyExc_Exception, Warning, "Base class for warning categories.")
SimpleExtendsException(PyExc_Warning, UserWarning, "Base class for warnings generated by user code.")
SimpleExtendsException(PyExc_Warning, DeprecationWarning,
                       "Base class for warnings about deprecated features.")
SimpleExtendsException(PyExc_Warning, PendingDeprecationWarning,
                       "Base class for warnings about features which will be deprecated\n"
                       "in the future.")
SimpleExtendsException(PyExc_Warning, SyntaxWarning, "Base class for warnings about dubious syntax.")
SimpleExtendsException(PyExc_Warning, RuntimeWarning,
                       "Base class for warnings about dubious runtime behavior.")
SimpleExtendsException(PyExc_Warning, FutureWarning,
                       "Base class for warnings about constructs that will change semantically\n"
                       "in the future.")
SimpleExtendsException(PyExc_Warning, ImportWarning,
                       "Base class for warnings about probable mistakes in module imports")
SimpleExtendsException(PyExc_Warning, UnicodeWarning,
                       "Base class for warnings about Unicode related problems, mostly\n"
                       "related to conversion problems.")
SimpleExtendsException(PyExc_Warning, BytesWarning,
                       "Base class for warnings about bytes and buffer related problems, mostly\n"
                       "related to conversion from str or comparing to str.")
SimpleExtendsException(PyExc_Warning, EncodingWarning,
                       "Base class for warnings about encodings.")
SimpleExtendsException(PyExc_Warning, ResourceWarning,
                       "Base class for warnings about resource usage.")

/* ---- start-up ---------------------------------------------------------------------- */

static PyTypeObject *const exc_types[] = {
    &_PyExc_BaseException, &_PyExc_Exception, &_PyExc_BaseExceptionGroup, &_PyExc_TypeError,
    &_PyExc_StopAsyncIteration, &_PyExc_StopIteration, &_PyExc_GeneratorExit,
    &_PyExc_SystemExit, &_PyExc_KeyboardInterrupt, &_PyExc_ImportError,
    &_PyExc_ModuleNotFoundError, &_PyExc_OSError, &_PyExc_EOFError, &_PyExc_RuntimeError,
    &_PyExc_RecursionError, &_PyExc_PythonFinalizationError, &_PyExc_NotImplementedError,
    &_PyExc_NameError, &_PyExc_UnboundLocalError, &_PyExc_AttributeError,
    &_PyExc_SyntaxError, &_PyExc_IndentationError, &_PyExc_TabError,
    &_PyExc_IncompleteInputError, &_PyExc_LookupError, &_PyExc_IndexError, &_PyExc_KeyError,
    &_PyExc_ValueError, &_PyExc_UnicodeError, &_PyExc_UnicodeEncodeError,
    &_PyExc_UnicodeDecodeError, &_PyExc_UnicodeTranslateError, &_PyExc_AssertionError,
    &_PyExc_ArithmeticError, &_PyExc_FloatingPointError, &_PyExc_OverflowError,
    &_PyExc_ZeroDivisionError, &_PyExc_SystemError, &_PyExc_ReferenceError,
    &_PyExc_MemoryError, &_PyExc_BufferError, &_PyExc_Warning, &_PyExc_UserWarning,
    &_PyExc_DeprecationWarning, &_PyExc_PendingDeprecationWarning, &_PyExc_SyntaxWarning,
    &_PyExc_RuntimeWarning, &_PyExc_FutureWarning, &_PyExc_ImportWarning,
    &_PyExc_UnicodeWarning, &_PyExc_BytesWarning, &_PyExc_EncodingWarning,
    &_PyExc_ResourceWarning, &_PyExc_ConnectionError, &_PyExc_BlockingIOError,
    &_PyExc_BrokenPipeError, &_PyExc_ChildProcessError, &_PyExc_ConnectionAbortedError,
    &_PyExc_ConnectionRefusedError, &_PyExc_ConnectionResetError, &_PyExc_FileExistsError,
    &_PyExc_FileNotFoundError, &_PyExc_IsADirectoryError, &_PyExc_NotADirectoryError,
    &_PyExc_InterruptedError, &_PyExc_PermissionError, &_PyExc_ProcessLookupError,
    &_PyExc_TimeoutError,
};

static int
add_errno(int errcode, PyTypeObject *type)
{
    PyObject *code = PyLong_FromLong(errcode);
    if (code == NULL) {
        return -1;
    }
    int r = PyDict_SetItem(errnomap, code, (PyObject *)type);
    Py_DECREF(code);
    return r;
}

int
_PyExc_InitTypes(void)
{
    for (size_t i = 0; i < Py_ARRAY_LENGTH(exc_types); i++) {
        PyTypeObject *t = exc_types[i];
        if (Py_TYPE(t) == NULL) {
            Py_SET_TYPE(t, &PyType_Type);
        }
        if (t->tp_alloc == NULL) {
            t->tp_alloc = PyType_GenericAlloc;
        }
        if (PyType_Ready(t) < 0) {
            return -1;
        }
    }
    /* ExceptionGroup(BaseExceptionGroup, Exception): multiple bases, so
     * it is made like a class statement would. */
    if (PyExc_ExceptionGroup == NULL) {
        PyObject *eg = PyObject_CallFunction((PyObject *)&PyType_Type, "s(OO){s:s}",
                                             "ExceptionGroup", PyExc_BaseExceptionGroup,
                                             PyExc_Exception, "__module__", "builtins");
        if (eg == NULL) {
            return -1;
        }
        _Py_SetImmortal(eg);
        PyExc_ExceptionGroup = eg;
    }
    if (errnomap == NULL) {
        errnomap = PyDict_New();
        if (errnomap == NULL) {
            return -1;
        }
        _Py_SetImmortal(errnomap);
        if (add_errno(EAGAIN, &_PyExc_BlockingIOError) < 0 ||
            add_errno(EALREADY, &_PyExc_BlockingIOError) < 0 ||
            add_errno(EINPROGRESS, &_PyExc_BlockingIOError) < 0 ||
            add_errno(EWOULDBLOCK, &_PyExc_BlockingIOError) < 0 ||
            add_errno(EPIPE, &_PyExc_BrokenPipeError) < 0 ||
#ifdef ESHUTDOWN
            add_errno(ESHUTDOWN, &_PyExc_BrokenPipeError) < 0 ||
#endif
            add_errno(ECHILD, &_PyExc_ChildProcessError) < 0 ||
            add_errno(ECONNABORTED, &_PyExc_ConnectionAbortedError) < 0 ||
            add_errno(ECONNREFUSED, &_PyExc_ConnectionRefusedError) < 0 ||
            add_errno(ECONNRESET, &_PyExc_ConnectionResetError) < 0 ||
            add_errno(EEXIST, &_PyExc_FileExistsError) < 0 ||
            add_errno(ENOENT, &_PyExc_FileNotFoundError) < 0 ||
            add_errno(EISDIR, &_PyExc_IsADirectoryError) < 0 ||
            add_errno(ENOTDIR, &_PyExc_NotADirectoryError) < 0 ||
            add_errno(EINTR, &_PyExc_InterruptedError) < 0 ||
            add_errno(EACCES, &_PyExc_PermissionError) < 0 ||
            add_errno(EPERM, &_PyExc_PermissionError) < 0 ||
#ifdef ENOTCAPABLE
            add_errno(ENOTCAPABLE, &_PyExc_PermissionError) < 0 ||
#endif
            add_errno(ESRCH, &_PyExc_ProcessLookupError) < 0 ||
            add_errno(ETIMEDOUT, &_PyExc_TimeoutError) < 0) {
            return -1;
        }
    }
    return 0;
}
