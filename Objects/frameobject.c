/* frameobject.c: the `frame` type.  A frame object is made on demand for
 * an interpreter frame (sys._getframe, tracebacks, generators' gi_frame)
 * and shows it while it runs; when the frame finishes, Python/frame.c
 * copies the frame into the object's trailing storage so f_locals,
 * f_lineno and f_code stay readable. */
#include "Python.h"
#include "pycore_object.h"
#include "pycore_pystate.h"
#include "pycore_frame.h"
#include "pycore_ceval.h"
#include "pycore_tracing.h"

PyFrameObject *
_PyFrame_GetFrameObject(_PyInterpreterFrame *frame)
{
    if (frame->frame_obj != NULL) {
        return frame->frame_obj;
    }
    size_t slots = (_PyFrame_Size(frame->f_code) + sizeof(PyObject *) - 1) / sizeof(PyObject *);
    PyFrameObject *f = PyObject_GC_NewVar(PyFrameObject, &PyFrame_Type, (Py_ssize_t)slots);
    if (f == NULL) {
        return NULL;
    }
    f->f_frame = frame;
    f->f_back = NULL;
    f->f_trace = NULL;
    f->f_extra_locals = NULL;
    f->f_lineno = 0;
    f->f_trace_lines = 1;
    f->f_trace_opcodes = 0;
    f->f_last_traced_line = -1;
    f->f_last_traced_instr = -1;
    frame->frame_obj = f;
    PyObject_GC_Track(f);
    return f;
}

static int
frame_is_live(PyFrameObject *f)
{
    return f->f_frame->owner != FRAME_OWNED_BY_FRAME_OBJECT;
}

PyObject *
_PyFrame_GetLocals(_PyInterpreterFrame *frame)
{
    if (frame->f_locals != NULL) {
        return Py_NewRef(frame->f_locals);
    }
    PyCodeObject *co = frame->f_code;
    PyObject *d = PyDict_New();
    if (d == NULL) {
        return NULL;
    }
    for (int i = 0; i < co->co_nlocalsplus; i++) {
        PyObject *value = frame->localsplus[i];
        unsigned char kind = co->co_localspluskinds[i];
        if (value == NULL) {
            continue;
        }
        if ((kind & (CO_FAST_CELL | CO_FAST_FREE)) && PyCell_Check(value)) {
            value = PyCell_GET(value);
            if (value == NULL) {
                continue;
            }
        }
        if (PyDict_SetItem(d, PyTuple_GET_ITEM(co->co_localsplusnames, i), value) < 0) {
            Py_DECREF(d);
            return NULL;
        }
    }
    return d;
}

int
PyFrame_GetLineNumber(PyFrameObject *f)
{
    if (frame_is_live(f)) {
        return _PyTrace_LineOf(f->f_frame->f_code, _PyFrame_Lasti(f->f_frame));
    }
    return f->f_lineno;
}

int
PyFrame_GetLasti(PyFrameObject *f)
{
    Py_ssize_t lasti = _PyFrame_Lasti(f->f_frame);
    return lasti < 0 ? -1 : (int)(lasti * 2);
}

PyCodeObject *
PyFrame_GetCode(PyFrameObject *f)
{
    return (PyCodeObject *)Py_NewRef(f->f_frame->f_code);
}

PyFrameObject *
PyFrame_GetBack(PyFrameObject *f)
{
    if (f->f_back != NULL) {
        return (PyFrameObject *)Py_NewRef(f->f_back);
    }
    if (!frame_is_live(f)) {
        return NULL;
    }
    _PyInterpreterFrame *prev = f->f_frame->previous;
    while (prev != NULL && prev->owner == FRAME_OWNED_BY_CSTACK) {
        prev = prev->previous;
    }
    if (prev == NULL) {
        return NULL;
    }
    PyFrameObject *back = _PyFrame_GetFrameObject(prev);
    if (back == NULL) {
        PyErr_Clear();
        return NULL;
    }
    return (PyFrameObject *)Py_NewRef(back);
}

PyObject *
PyFrame_GetGlobals(PyFrameObject *f)
{
    return Py_NewRef(f->f_frame->f_globals);
}

PyObject *
PyFrame_GetBuiltins(PyFrameObject *f)
{
    return Py_NewRef(f->f_frame->f_builtins);
}

PyObject *
PyFrame_GetLocals(PyFrameObject *f)
{
    return _PyFrame_GetLocals(f->f_frame);
}

static PyObject *
frame_get_back(PyObject *self, void *c)
{
    PyFrameObject *b = PyFrame_GetBack((PyFrameObject *)self);
    if (b == NULL) {
        Py_RETURN_NONE;
    }
    return (PyObject *)b;
}

static PyObject *
frame_get_code(PyObject *self, void *c)
{
    return (PyObject *)PyFrame_GetCode((PyFrameObject *)self);
}

static PyObject *
frame_get_globals(PyObject *self, void *c)
{
    return PyFrame_GetGlobals((PyFrameObject *)self);
}

static PyObject *
frame_get_builtins(PyObject *self, void *c)
{
    return PyFrame_GetBuiltins((PyFrameObject *)self);
}

static PyObject *
frame_get_locals(PyObject *self, void *c)
{
    return PyFrame_GetLocals((PyFrameObject *)self);
}

static PyObject *
frame_get_lineno(PyObject *self, void *c)
{
    int line = PyFrame_GetLineNumber((PyFrameObject *)self);
    if (line < 0) {
        Py_RETURN_NONE;
    }
    return PyLong_FromLong(line);
}

static PyObject *
frame_get_lasti(PyObject *self, void *c)
{
    return PyLong_FromLong(PyFrame_GetLasti((PyFrameObject *)self));
}

static PyObject *
frame_get_trace(PyObject *self, void *c)
{
    PyFrameObject *f = (PyFrameObject *)self;
    return Py_NewRef(f->f_trace != NULL ? f->f_trace : Py_None);
}

static int
frame_set_trace(PyObject *self, PyObject *v, void *c)
{
    PyFrameObject *f = (PyFrameObject *)self;
    if (v == Py_None) {
        v = NULL;
    }
    if (v != NULL && f->f_trace == NULL && frame_is_live(f)) {
        /* A tracer attached to a running frame (pdb's set_trace): the
         * line being run does not start again, the next one does.  (Not
         * in the prologue, where a 'call' event is being delivered.) */
        Py_ssize_t lasti = _PyFrame_Lasti(f->f_frame);
        int op = lasti >= 0 ? _Py_OPCODE(f->f_frame->f_code->co_code[lasti]) : RESUME;
        if (op != RESUME && op != MAKE_CELL && op != COPY_FREE_VARS) {
            f->f_last_traced_line = PyFrame_GetLineNumber(f);
            f->f_last_traced_instr = (int)lasti;
        }
    }
    Py_XSETREF(f->f_trace, Py_XNewRef(v));
    return 0;
}

static PyObject *
frame_get_trace_lines(PyObject *self, void *c)
{
    return PyBool_FromLong(((PyFrameObject *)self)->f_trace_lines);
}

static PyObject *
frame_get_trace_opcodes(PyObject *self, void *c)
{
    return PyBool_FromLong(((PyFrameObject *)self)->f_trace_opcodes);
}

static int
frame_set_trace_flag(PyObject *self, PyObject *v, void *c)
{
    if (v == NULL) {
        PyErr_SetString(PyExc_TypeError, "can't delete numeric/char attribute");
        return -1;
    }
    if (!PyBool_Check(v)) {
        PyErr_SetString(PyExc_TypeError, "attribute value type must be bool");
        return -1;
    }
    PyFrameObject *f = (PyFrameObject *)self;
    if (c != NULL) {
        f->f_trace_opcodes = (char)(v == Py_True);
    }
    else {
        f->f_trace_lines = (char)(v == Py_True);
    }
    return 0;
}

static PyGetSetDef frame_getsets[] = {
    {"f_back", frame_get_back, NULL, NULL, NULL},
    {"f_code", frame_get_code, NULL, NULL, NULL},
    {"f_globals", frame_get_globals, NULL, NULL, NULL},
    {"f_builtins", frame_get_builtins, NULL, NULL, NULL},
    {"f_locals", frame_get_locals, NULL, NULL, NULL},
    {"f_lineno", frame_get_lineno, NULL, NULL, NULL},
    {"f_lasti", frame_get_lasti, NULL, NULL, NULL},
    {"f_trace", frame_get_trace, frame_set_trace, NULL, NULL},
    {"f_trace_lines", frame_get_trace_lines, frame_set_trace_flag, NULL, NULL},
    {"f_trace_opcodes", frame_get_trace_opcodes, frame_set_trace_flag, NULL, (void *)1},
    {NULL},
};

static PyObject *
frame_clear(PyObject *self, PyObject *unused)
{
    PyFrameObject *f = (PyFrameObject *)self;
    if (frame_is_live(f)) {
        if (f->f_frame->owner == FRAME_OWNED_BY_GENERATOR) {
            PyErr_SetString(PyExc_RuntimeError, "cannot clear a suspended frame");
        }
        else {
            PyErr_SetString(PyExc_RuntimeError, "cannot clear an executing frame");
        }
        return NULL;
    }
    _PyInterpreterFrame *fr = f->f_frame;
    int n = fr->f_code->co_nlocalsplus + fr->stacktop;
    for (int i = 0; i < n; i++) {
        Py_CLEAR(fr->localsplus[i]);
    }
    fr->stacktop = 0;
    Py_CLEAR(fr->f_locals);
    Py_CLEAR(f->f_trace);
    Py_CLEAR(f->f_extra_locals);
    Py_RETURN_NONE;
}

static PyMethodDef frame_methods[] = {
    {"clear", frame_clear, METH_NOARGS, "Clear all references held by the frame."},
    {NULL},
};

static int
frame_tp_clear(PyObject *self)
{
    PyFrameObject *f = (PyFrameObject *)self;
    Py_CLEAR(f->f_back);
    Py_CLEAR(f->f_trace);
    Py_CLEAR(f->f_extra_locals);
    if (!frame_is_live(f)) {
        _PyInterpreterFrame *fr = f->f_frame;
        int n = fr->f_code->co_nlocalsplus + fr->stacktop;
        for (int i = 0; i < n; i++) {
            Py_CLEAR(fr->localsplus[i]);
        }
        fr->stacktop = 0;
        Py_CLEAR(fr->f_locals);
        Py_CLEAR(fr->f_funcobj);
    }
    return 0;
}

static void
frame_dealloc(PyObject *self)
{
    PyFrameObject *f = (PyFrameObject *)self;
    PyObject_GC_UnTrack(self);
    frame_tp_clear(self);
    if (!frame_is_live(f)) {
        Py_CLEAR(f->f_frame->f_code);
    }
    PyObject_GC_Del(self);
}

static int
frame_traverse(PyObject *self, visitproc visit, void *arg)
{
    PyFrameObject *f = (PyFrameObject *)self;
    Py_VISIT(f->f_back);
    Py_VISIT(f->f_trace);
    Py_VISIT(f->f_extra_locals);
    if (!frame_is_live(f)) {
        _PyInterpreterFrame *fr = f->f_frame;
        Py_VISIT(fr->f_code);
        Py_VISIT(fr->f_funcobj);
        Py_VISIT(fr->f_locals);
        int n = fr->f_code->co_nlocalsplus + fr->stacktop;
        for (int i = 0; i < n; i++) {
            Py_VISIT(fr->localsplus[i]);
        }
    }
    return 0;
}

static PyObject *
frame_repr(PyObject *self)
{
    PyFrameObject *f = (PyFrameObject *)self;
    PyCodeObject *co = f->f_frame->f_code;
    return PyUnicode_FromFormat("<frame at %p, file %R, line %d, code %U>", self,
                                co->co_filename, PyFrame_GetLineNumber(f), co->co_name);
}

PyTypeObject PyFrame_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "frame",
    .tp_basicsize = offsetof(PyFrameObject, _f_frame_data),
    .tp_itemsize = sizeof(PyObject *),
    .tp_dealloc = frame_dealloc,
    .tp_repr = frame_repr,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_setattro = PyObject_GenericSetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = frame_traverse,
    .tp_clear = frame_tp_clear,
    .tp_methods = frame_methods,
    .tp_getset = frame_getsets,
};
