/* genobject.c: generators, coroutines and async generators.  Each keeps
 * its interpreter frame inline (gi_iframe) and resumes it through the eval
 * loop: send/throw/close, `yield from` / `await` delegation (a generator
 * suspended in a SEND loop forwards throw() and close() to the inner
 * iterator), StopIteration values, the coroutine wrapper returned by
 * __await__, and the async generator protocol (asend/athrow/aclose
 * awaitables, wrapped values). */
#include "Python.h"
#include "pycore_object.h"
#include "pycore_pystate.h"
#include "pycore_pyerrors.h"
#include "pycore_code.h"
#include "pycore_frame.h"
#include "pycore_ceval.h"
#include "pycore_genobject.h"

static PyObject *gen_close(PyObject *self, PyObject *args);

static const char *
gen_kind(PyGenObject *gen)
{
    if (PyCoro_CheckExact(gen)) {
        return "coroutine";
    }
    if (PyAsyncGen_CheckExact(gen)) {
        return "async generator";
    }
    return "generator";
}

PyGenObject *
_PyGen_NewForFunction(PyFunctionObject *func, PyCodeObject *co, _PyInterpreterFrame **pframe)
{
    PyTypeObject *type = &PyGen_Type;
    if (co->co_flags & CO_COROUTINE) {
        type = &PyCoro_Type;
    }
    else if (co->co_flags & CO_ASYNC_GENERATOR) {
        type = &PyAsyncGen_Type;
    }
    size_t slots = (_PyFrame_Size(co) + sizeof(PyObject *) - 1) / sizeof(PyObject *);
    PyGenObject *gen = PyObject_GC_NewVar(PyGenObject, type, (Py_ssize_t)slots);
    if (gen == NULL) {
        return NULL;
    }
    _PyFrame_Init(&gen->gi_iframe, co, (PyObject *)func, func->func_globals,
                  func->func_builtins, NULL, FRAME_OWNED_BY_GENERATOR);
    gen->gi_weakreflist = NULL;
    gen->gi_name = Py_NewRef(func->func_name);
    gen->gi_qualname = Py_NewRef(func->func_qualname);
    gen->gi_code = Py_NewRef((PyObject *)co);
    gen->gi_exc_state.exc_value = NULL;
    gen->gi_exc_state.previous_item = NULL;
    gen->gi_origin_or_finalizer = NULL;
    gen->gi_hooks_inited = 0;
    gen->gi_closed = 0;
    gen->gi_running_async = 0;
    gen->gi_frame_state = FRAME_CREATED;
    /* The generator keeps the function's builtins/globals alive through
     * f_funcobj. */
    *pframe = &gen->gi_iframe;
    PyObject_GC_Track(gen);
    return gen;
}

/* ---- StopIteration values ---------------------------------------------- */

int
_PyGen_SetStopIterationValue(PyObject *value)
{
    if (value == Py_None) {
        PyErr_SetNone(PyExc_StopIteration);
        return 0;
    }
    PyObject *e = PyObject_CallOneArg(PyExc_StopIteration, value);
    if (e == NULL) {
        return -1;
    }
    PyErr_SetObject(PyExc_StopIteration, e);
    Py_DECREF(e);
    return 0;
}

int
_PyGen_FetchStopIterationValue(PyObject **pvalue)
{
    PyObject *value = NULL;
    if (PyErr_ExceptionMatches(PyExc_StopIteration)) {
        PyObject *exc = PyErr_GetRaisedException();
        PyObject *args = PyException_GetArgs(exc);
        if (args != NULL && PyTuple_Check(args) && PyTuple_GET_SIZE(args) > 0) {
            value = Py_NewRef(PyTuple_GET_ITEM(args, 0));
        }
        Py_XDECREF(args);
        Py_DECREF(exc);
    }
    else if (PyErr_Occurred()) {
        return -1;
    }
    if (value == NULL) {
        value = Py_NewRef(Py_None);
    }
    *pvalue = value;
    return 0;
}

/* ---- running ----------------------------------------------------------------- */

static PySendResult
gen_send_ex2(PyGenObject *gen, PyObject *arg, PyObject **presult, int exc, int closing)
{
    PyThreadState *tstate = _PyThreadState_GET();
    _PyInterpreterFrame *frame = &gen->gi_iframe;
    *presult = NULL;
    if (gen->gi_frame_state == FRAME_CREATED && arg != NULL && arg != Py_None && !exc) {
        PyErr_Format(PyExc_TypeError, "can't send non-None value to a just-started %s",
                     gen_kind(gen));
        return PYGEN_ERROR;
    }
    if (gen->gi_frame_state == FRAME_EXECUTING) {
        PyErr_Format(PyExc_ValueError, "%s already executing", gen_kind(gen));
        return PYGEN_ERROR;
    }
    if (gen->gi_frame_state >= FRAME_COMPLETED) {
        if (PyCoro_CheckExact(gen) && !closing) {
            PyErr_SetString(PyExc_RuntimeError, "cannot reuse already awaited coroutine");
        }
        else if (arg != NULL && !exc) {
            *presult = Py_NewRef(Py_None);
            return PYGEN_RETURN;
        }
        return PYGEN_ERROR;
    }
    if (gen->gi_frame_state != FRAME_CREATED) {
        frame->localsplus[frame->f_code->co_nlocalsplus + frame->stacktop] =
            Py_NewRef(arg != NULL ? arg : Py_None);
        frame->stacktop++;
    }
    gen->gi_exc_state.previous_item = tstate->exc_info;
    tstate->exc_info = &gen->gi_exc_state;
    gen->gi_frame_state = FRAME_EXECUTING;
    PyObject *result = _PyEval_EvalFrame(tstate, frame, exc);
    tstate->exc_info = gen->gi_exc_state.previous_item;
    gen->gi_exc_state.previous_item = NULL;
    if (gen->gi_frame_state == FRAME_EXECUTING) {
        gen->gi_frame_state = FRAME_COMPLETED;
    }
    if (result != NULL && gen->gi_frame_state == FRAME_SUSPENDED) {
        *presult = result;
        return PYGEN_NEXT;
    }
    Py_CLEAR(gen->gi_exc_state.exc_value);
    if (result != NULL) {
        *presult = result;
        return PYGEN_RETURN;
    }
    return PYGEN_ERROR;
}

PySendResult
_PyGen_Send(PyGenObject *gen, PyObject *arg, PyObject **presult)
{
    return gen_send_ex2(gen, arg, presult, 0, 0);
}

static PySendResult
gen_am_send(PyObject *self, PyObject *arg, PyObject **presult)
{
    return gen_send_ex2((PyGenObject *)self, arg, presult, 0, 0);
}

static PyObject *
gen_send_ex(PyGenObject *gen, PyObject *arg, int exc, int closing)
{
    PyObject *result;
    switch (gen_send_ex2(gen, arg, &result, exc, closing)) {
    case PYGEN_NEXT:
        return result;
    case PYGEN_RETURN:
        if (PyAsyncGen_CheckExact(gen)) {
            Py_DECREF(result);
            PyErr_SetNone(PyExc_StopAsyncIteration);
        }
        else {
            _PyGen_SetStopIterationValue(result);
            Py_DECREF(result);
        }
        return NULL;
    default:
        if (!PyErr_Occurred()) {
            PyErr_SetNone(PyAsyncGen_CheckExact(gen) ? PyExc_StopAsyncIteration
                                                     : PyExc_StopIteration);
        }
        return NULL;
    }
}

static PyObject *
gen_send(PyObject *self, PyObject *arg)
{
    return gen_send_ex((PyGenObject *)self, arg, 0, 0);
}

static PyObject *
gen_iternext(PyObject *self)
{
    PyObject *result;
    switch (gen_send_ex2((PyGenObject *)self, NULL, &result, 0, 0)) {
    case PYGEN_NEXT:
        return result;
    case PYGEN_RETURN:
        if (result != Py_None) {
            _PyGen_SetStopIterationValue(result);
        }
        Py_DECREF(result);
        return NULL;
    default:
        return NULL;
    }
}

/* The iterator a generator is delegating to (suspended in yield from /
 * await), or NULL: a new reference. */
static PyObject *
gen_yf(PyGenObject *gen)
{
    if (gen->gi_frame_state != FRAME_SUSPENDED) {
        return NULL;
    }
    _PyInterpreterFrame *frame = &gen->gi_iframe;
    Py_ssize_t lasti = _PyFrame_Lasti(frame);
    _Py_CODEUNIT *code = frame->f_code->co_code;
    if (lasti < 1 || _Py_OPCODE(code[lasti]) != YIELD_VALUE ||
        _Py_OPCODE(code[lasti - 1]) != SEND || frame->stacktop < 1) {
        return NULL;
    }
    PyObject *yf = frame->localsplus[frame->f_code->co_nlocalsplus + frame->stacktop - 1];
    return Py_XNewRef(yf);
}

/* The delegate finished with `value` during throw/close: drop it from the
 * stack and continue after the SEND loop with value as the result. */
static PyObject *
gen_resume_after_yf(PyGenObject *gen, PyObject *value)
{
    _PyInterpreterFrame *frame = &gen->gi_iframe;
    Py_ssize_t lasti = _PyFrame_Lasti(frame);
    _Py_CODEUNIT *code = frame->f_code->co_code;
    int target = _Py_OPARG(code[lasti - 1]);
    PyObject **top = &frame->localsplus[frame->f_code->co_nlocalsplus + frame->stacktop - 1];
    PyObject *yf = *top;
    *top = NULL;
    frame->stacktop--;
    Py_XDECREF(yf);
    frame->instr_ptr = code + target;
    PyObject *res = gen_send_ex(gen, value, 0, 0);
    return res;
}

static int
gen_close_iter(PyObject *yf)
{
    PyObject *retval = NULL;
    if (PyGen_CheckExact(yf) || PyCoro_CheckExact(yf)) {
        retval = gen_close(yf, NULL);
        if (retval == NULL) {
            return -1;
        }
    }
    else {
        PyObject *meth;
        if (PyObject_GetOptionalAttr(yf, _Py_ID_STR(close), &meth) < 0) {
            PyErr_WriteUnraisable(yf);
        }
        if (meth) {
            retval = PyObject_CallNoArgs(meth);
            Py_DECREF(meth);
            if (retval == NULL) {
                return -1;
            }
        }
    }
    Py_XDECREF(retval);
    return 0;
}

static PyObject *
gen_throw_impl(PyGenObject *gen, int close_on_genexit, PyObject *typ, PyObject *val,
               PyObject *tb)
{
    PyObject *yf = gen_yf(gen);
    if (yf != NULL) {
        PyObject *ret;
        int err;
        if (PyErr_GivenExceptionMatches(typ, PyExc_GeneratorExit) && close_on_genexit) {
            gen->gi_frame_state = FRAME_EXECUTING;
            err = gen_close_iter(yf);
            gen->gi_frame_state = FRAME_SUSPENDED;
            Py_DECREF(yf);
            if (err < 0) {
                return gen_send_ex(gen, Py_None, 1, 0);
            }
            goto throw_here;
        }
        if (PyGen_CheckExact(yf) || PyCoro_CheckExact(yf)) {
            gen->gi_frame_state = FRAME_EXECUTING;
            ret = gen_throw_impl((PyGenObject *)yf, close_on_genexit, typ, val, tb);
            gen->gi_frame_state = FRAME_SUSPENDED;
        }
        else {
            PyObject *meth;
            if (PyObject_GetOptionalAttr(yf, _Py_ID_STR(throw), &meth) < 0) {
                Py_DECREF(yf);
                return NULL;
            }
            if (meth == NULL) {
                Py_DECREF(yf);
                goto throw_here;
            }
            gen->gi_frame_state = FRAME_EXECUTING;
            ret = PyObject_CallFunctionObjArgs(meth, typ, val, tb, NULL);
            gen->gi_frame_state = FRAME_SUSPENDED;
            Py_DECREF(meth);
        }
        Py_DECREF(yf);
        if (ret == NULL) {
            PyObject *v;
            if (PyErr_ExceptionMatches(PyExc_StopIteration) &&
                _PyGen_FetchStopIterationValue(&v) == 0) {
                ret = gen_resume_after_yf(gen, v);
                Py_DECREF(v);
            }
            else {
                ret = gen_send_ex(gen, Py_None, 1, 0);
            }
        }
        return ret;
    }

throw_here:
    if (tb == Py_None) {
        tb = NULL;
    }
    else if (tb != NULL && !PyTraceBack_Check(tb)) {
        PyErr_SetString(PyExc_TypeError, "throw() third argument must be a traceback object");
        return NULL;
    }
    PyObject *exc;
    if (PyExceptionClass_Check(typ)) {
        if (val == NULL || val == Py_None) {
            exc = PyObject_CallNoArgs(typ);
        }
        else if (PyExceptionInstance_Check(val) && PyObject_TypeCheck(val, (PyTypeObject *)typ)) {
            exc = Py_NewRef(val);
        }
        else if (PyTuple_Check(val)) {
            exc = PyObject_Call(typ, val, NULL);
        }
        else {
            exc = PyObject_CallOneArg(typ, val);
        }
        if (exc == NULL) {
            return NULL;
        }
    }
    else if (PyExceptionInstance_Check(typ)) {
        if (val != NULL && val != Py_None) {
            PyErr_SetString(PyExc_TypeError, "instance exception may not have a separate value");
            return NULL;
        }
        exc = Py_NewRef(typ);
    }
    else {
        PyErr_Format(PyExc_TypeError,
                     "exceptions must be classes or instances deriving from BaseException, "
                     "not %s", Py_TYPE(typ)->tp_name);
        return NULL;
    }
    if (tb != NULL) {
        PyException_SetTraceback(exc, tb);
    }
    /* Chain the exception being handled, as raise would. */
    PyErr_SetObject((PyObject *)Py_TYPE(exc), exc);
    Py_DECREF(exc);
    return gen_send_ex(gen, Py_None, 1, 0);
}

static PyObject *
gen_throw(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs < 1 || nargs > 3) {
        if (nargs < 1) {
            PyErr_Format(PyExc_TypeError, "throw expected at least 1 argument, got %zd", nargs);
        }
        else {
            PyErr_Format(PyExc_TypeError, "throw expected at most 3 arguments, got %zd", nargs);
        }
        return NULL;
    }
    if (nargs > 1) {
        if (PyErr_WarnEx(PyExc_DeprecationWarning,
                         "the (type, exc, tb) signature of throw() is deprecated, "
                         "use the single-arg signature instead.", 1) < 0) {
            return NULL;
        }
    }
    return gen_throw_impl((PyGenObject *)self, 1, args[0], nargs > 1 ? args[1] : NULL,
                          nargs > 2 ? args[2] : NULL);
}

static void
gen_clear_frame(PyGenObject *gen)
{
    if (gen->gi_frame_state < FRAME_COMPLETED) {
        gen->gi_frame_state = FRAME_CLEARED;
        _PyFrame_ClearExceptCode(&gen->gi_iframe);
    }
}

static PyObject *
gen_close(PyObject *self, PyObject *args)
{
    PyGenObject *gen = (PyGenObject *)self;
    if (gen->gi_frame_state == FRAME_CREATED) {
        gen_clear_frame(gen);
        gen->gi_frame_state = FRAME_COMPLETED;
        Py_RETURN_NONE;
    }
    if (gen->gi_frame_state >= FRAME_COMPLETED) {
        Py_RETURN_NONE;
    }
    PyObject *yf = gen_yf(gen);
    int err = 0;
    if (yf == NULL && gen->gi_iframe.iblock <= 1) {
        /* Suspended at a plain yield outside any try/with/except (the one
         * block is the StopIteration wrapper): nothing in the frame could
         * see the GeneratorExit, so as CPython 3.12+ the frame is dropped
         * without running (and without trace events). */
        gen_clear_frame(gen);
        gen->gi_frame_state = FRAME_COMPLETED;
        Py_RETURN_NONE;
    }
    if (yf != NULL) {
        gen->gi_frame_state = FRAME_EXECUTING;
        err = gen_close_iter(yf);
        gen->gi_frame_state = FRAME_SUSPENDED;
        Py_DECREF(yf);
    }
    if (err == 0) {
        PyErr_SetNone(PyExc_GeneratorExit);
    }
    PyObject *retval = gen_send_ex(gen, Py_None, 1, 1);
    if (retval != NULL) {
        Py_DECREF(retval);
        PyErr_Format(PyExc_RuntimeError, "%s ignored GeneratorExit", gen_kind(gen));
        return NULL;
    }
    if (PyErr_ExceptionMatches(PyExc_StopIteration)) {
        PyObject *v;
        if (_PyGen_FetchStopIterationValue(&v) == 0) {
            return v;
        }
        return NULL;
    }
    if (PyErr_ExceptionMatches(PyExc_GeneratorExit)) {
        PyErr_Clear();
        Py_RETURN_NONE;
    }
    return NULL;
}

/* ---- type plumbing ---------------------------------------------------------- */

static int
gen_traverse(PyObject *self, visitproc visit, void *arg)
{
    PyGenObject *gen = (PyGenObject *)self;
    Py_VISIT(gen->gi_name);
    Py_VISIT(gen->gi_qualname);
    Py_VISIT(gen->gi_code);
    Py_VISIT(gen->gi_origin_or_finalizer);
    if (gen->gi_frame_state < FRAME_EXECUTING) {
        _PyInterpreterFrame *f = &gen->gi_iframe;
        Py_VISIT(f->f_funcobj);
        Py_VISIT(f->f_locals);
        Py_VISIT(f->frame_obj);
        int n = f->f_code->co_nlocalsplus + f->stacktop;
        for (int i = 0; i < n; i++) {
            Py_VISIT(f->localsplus[i]);
        }
    }
    Py_VISIT(gen->gi_exc_state.exc_value);
    return 0;
}

static int
gen_tp_clear(PyObject *self)
{
    PyGenObject *gen = (PyGenObject *)self;
    if (gen->gi_frame_state != FRAME_EXECUTING) {
        gen_clear_frame(gen);
    }
    Py_CLEAR(gen->gi_exc_state.exc_value);
    Py_CLEAR(gen->gi_origin_or_finalizer);
    return 0;
}

static void
gen_finalize(PyGenObject *gen)
{
    if (gen->gi_frame_state >= FRAME_COMPLETED || gen->gi_frame_state == FRAME_CREATED) {
        return;
    }
    /* A suspended generator being collected: close it (runs finally). */
    PyObject *exc = PyErr_GetRaisedException();
    PyObject *res = gen_close((PyObject *)gen, NULL);
    if (res == NULL) {
        PyErr_WriteUnraisable((PyObject *)gen);
    }
    else {
        Py_DECREF(res);
    }
    PyErr_SetRaisedException(exc);
}

static void
gen_dealloc(PyObject *self)
{
    PyGenObject *gen = (PyGenObject *)self;
    PyObject_GC_UnTrack(self);
    if (gen->gi_weakreflist != NULL) {
        PyObject_ClearWeakRefs(self);
    }
    if (gen->gi_frame_state == FRAME_SUSPENDED && !PyAsyncGen_CheckExact(gen)) {
        /* Resurrect for the duration of close(). */
        _Py_NewReference_Count(self);
        gen_finalize(gen);
        if (Py_REFCNT(self) > 1) {
            PyObject_GC_Track(self);
            Py_DECREF(self);
            return;  /* resurrected */
        }
#ifdef Py_GIL_DISABLED
        self->ob_ref_local = 0;
#else
        self->ob_refcnt = 0;
#endif
    }
    gen_clear_frame(gen);
    Py_CLEAR(gen->gi_iframe.f_code);
    Py_CLEAR(gen->gi_exc_state.exc_value);
    Py_CLEAR(gen->gi_name);
    Py_CLEAR(gen->gi_qualname);
    Py_CLEAR(gen->gi_code);
    Py_CLEAR(gen->gi_origin_or_finalizer);
    PyObject_GC_Del(self);
}

static PyObject *
gen_repr(PyObject *self)
{
    PyGenObject *gen = (PyGenObject *)self;
    const char *kind = PyAsyncGen_CheckExact(gen) ? "async_generator" : gen_kind(gen);
    return PyUnicode_FromFormat("<%s object %U at %p>", kind, gen->gi_qualname, self);
}

static PyObject *
gen_get_name(PyObject *self, void *c)
{
    return Py_NewRef(((PyGenObject *)self)->gi_name);
}

static int
gen_set_name(PyObject *self, PyObject *value, void *c)
{
    if (value == NULL || !PyUnicode_Check(value)) {
        PyErr_SetString(PyExc_TypeError, "__name__ must be set to a string object");
        return -1;
    }
    Py_XSETREF(((PyGenObject *)self)->gi_name, Py_NewRef(value));
    return 0;
}

static PyObject *
gen_get_qualname(PyObject *self, void *c)
{
    return Py_NewRef(((PyGenObject *)self)->gi_qualname);
}

static int
gen_set_qualname(PyObject *self, PyObject *value, void *c)
{
    if (value == NULL || !PyUnicode_Check(value)) {
        PyErr_SetString(PyExc_TypeError, "__qualname__ must be set to a string object");
        return -1;
    }
    Py_XSETREF(((PyGenObject *)self)->gi_qualname, Py_NewRef(value));
    return 0;
}

static PyObject *
gen_get_frame(PyObject *self, void *c)
{
    PyGenObject *gen = (PyGenObject *)self;
    if (gen->gi_frame_state >= FRAME_COMPLETED) {
        Py_RETURN_NONE;
    }
    PyFrameObject *f = _PyFrame_GetFrameObject(&gen->gi_iframe);
    return Py_XNewRef((PyObject *)f);
}

static PyObject *
gen_get_running(PyObject *self, void *c)
{
    return PyBool_FromLong(((PyGenObject *)self)->gi_frame_state == FRAME_EXECUTING);
}

static PyObject *
gen_get_suspended(PyObject *self, void *c)
{
    return PyBool_FromLong(((PyGenObject *)self)->gi_frame_state == FRAME_SUSPENDED);
}

static PyObject *
gen_get_code(PyObject *self, void *c)
{
    return Py_NewRef(((PyGenObject *)self)->gi_code);
}

static PyObject *
gen_get_yieldfrom(PyObject *self, void *c)
{
    PyObject *yf = gen_yf((PyGenObject *)self);
    if (yf == NULL) {
        Py_RETURN_NONE;
    }
    return yf;
}

static PyObject *
gen_get_origin(PyObject *self, void *c)
{
    Py_RETURN_NONE;
}

static PyObject *
ag_get_running(PyObject *self, void *c)
{
    return PyBool_FromLong(((PyGenObject *)self)->gi_running_async);
}

static PyGetSetDef gen_getsets[] = {
    {"__name__", gen_get_name, gen_set_name, NULL, NULL},
    {"__qualname__", gen_get_qualname, gen_set_qualname, NULL, NULL},
    {"gi_frame", gen_get_frame, NULL, NULL, NULL},
    {"gi_running", gen_get_running, NULL, NULL, NULL},
    {"gi_suspended", gen_get_suspended, NULL, NULL, NULL},
    {"gi_code", gen_get_code, NULL, NULL, NULL},
    {"gi_yieldfrom", gen_get_yieldfrom, NULL, NULL, NULL},
    {NULL},
};

static PyGetSetDef coro_getsets[] = {
    {"__name__", gen_get_name, gen_set_name, NULL, NULL},
    {"__qualname__", gen_get_qualname, gen_set_qualname, NULL, NULL},
    {"cr_frame", gen_get_frame, NULL, NULL, NULL},
    {"cr_running", gen_get_running, NULL, NULL, NULL},
    {"cr_suspended", gen_get_suspended, NULL, NULL, NULL},
    {"cr_code", gen_get_code, NULL, NULL, NULL},
    {"cr_await", gen_get_yieldfrom, NULL, NULL, NULL},
    {"cr_origin", gen_get_origin, NULL, NULL, NULL},
    {NULL},
};

static PyGetSetDef ag_getsets[] = {
    {"__name__", gen_get_name, gen_set_name, NULL, NULL},
    {"__qualname__", gen_get_qualname, gen_set_qualname, NULL, NULL},
    {"ag_frame", gen_get_frame, NULL, NULL, NULL},
    {"ag_running", ag_get_running, NULL, NULL, NULL},
    {"ag_suspended", gen_get_suspended, NULL, NULL, NULL},
    {"ag_code", gen_get_code, NULL, NULL, NULL},
    {"ag_await", gen_get_yieldfrom, NULL, NULL, NULL},
    {NULL},
};

static PyMethodDef gen_methods[] = {
    {"send", gen_send, METH_O, "send(arg) -> send 'arg' into generator,\nreturn next yielded value or raise StopIteration."},
    {"throw", (PyCFunction)(void (*)(void))gen_throw, METH_FASTCALL,
     "throw(value)\nthrow(type[,value[,tb]])\n\nRaise exception in generator, return next yielded value or raise\nStopIteration."},
    {"close", gen_close, METH_NOARGS, "close() -> raise GeneratorExit inside generator."},
    {NULL},
};

static PyAsyncMethods gen_as_async = {
    .am_send = gen_am_send,
};

PyTypeObject PyGen_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "generator",
    .tp_basicsize = offsetof(PyGenObject, gi_iframe) + offsetof(_PyInterpreterFrame, localsplus),
    .tp_weaklistoffset = offsetof(PyGenObject, gi_weakreflist),
    .tp_itemsize = sizeof(PyObject *),
    .tp_dealloc = gen_dealloc,
    .tp_as_async = &gen_as_async,
    .tp_repr = gen_repr,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = gen_traverse,
    .tp_clear = gen_tp_clear,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = gen_iternext,
    .tp_methods = gen_methods,
    .tp_getset = gen_getsets,
};

/* ---- coroutines -------------------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    PyGenObject *cw_coroutine;
} PyCoroWrapper;

static PyObject *
coro_await(PyObject *coro)
{
    PyCoroWrapper *cw = PyObject_GC_New(PyCoroWrapper, &_PyCoroWrapper_Type);
    if (cw == NULL) {
        return NULL;
    }
    cw->cw_coroutine = (PyGenObject *)Py_NewRef(coro);
    PyObject_GC_Track(cw);
    return (PyObject *)cw;
}

PyObject *
_PyCoro_GetAwaitableIter(PyObject *o)
{
    PyTypeObject *ot = Py_TYPE(o);
    if (PyCoro_CheckExact(o) ||
        (PyGen_CheckExact(o) &&
         (((PyCodeObject *)((PyGenObject *)o)->gi_code)->co_flags & CO_ITERABLE_COROUTINE))) {
        return Py_NewRef(o);
    }
    if (ot->tp_as_async != NULL && ot->tp_as_async->am_await != NULL) {
        PyObject *res = ot->tp_as_async->am_await(o);
        if (res != NULL) {
            if (PyCoro_CheckExact(res) ||
                (PyGen_CheckExact(res) &&
                 (((PyCodeObject *)((PyGenObject *)res)->gi_code)->co_flags &
                  CO_ITERABLE_COROUTINE))) {
                PyErr_SetString(PyExc_TypeError, "__await__() returned a coroutine");
                Py_CLEAR(res);
            }
            else if (!PyIter_Check(res)) {
                PyErr_Format(PyExc_TypeError, "__await__() returned non-iterator of type '%.100s'",
                             Py_TYPE(res)->tp_name);
                Py_CLEAR(res);
            }
        }
        return res;
    }
    PyErr_Format(PyExc_TypeError, "object %.100s can't be used in 'await' expression",
                 ot->tp_name);
    return NULL;
}

static PyAsyncMethods coro_as_async = {
    .am_await = coro_await,
    .am_send = gen_am_send,
};

PyTypeObject PyCoro_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "coroutine",
    .tp_basicsize = offsetof(PyGenObject, gi_iframe) + offsetof(_PyInterpreterFrame, localsplus),
    .tp_weaklistoffset = offsetof(PyGenObject, gi_weakreflist),
    .tp_itemsize = sizeof(PyObject *),
    .tp_dealloc = gen_dealloc,
    .tp_as_async = &coro_as_async,
    .tp_repr = gen_repr,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = gen_traverse,
    .tp_clear = gen_tp_clear,
    .tp_methods = gen_methods,
    .tp_getset = coro_getsets,
};

static void
cw_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    Py_CLEAR(((PyCoroWrapper *)self)->cw_coroutine);
    PyObject_GC_Del(self);
}

static int
cw_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((PyCoroWrapper *)self)->cw_coroutine);
    return 0;
}

static PyObject *
cw_iternext(PyObject *self)
{
    return gen_send_ex(((PyCoroWrapper *)self)->cw_coroutine, Py_None, 0, 0);
}

static PyObject *
cw_send(PyObject *self, PyObject *arg)
{
    return gen_send_ex(((PyCoroWrapper *)self)->cw_coroutine, arg, 0, 0);
}

static PyObject *
cw_throw(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    return gen_throw((PyObject *)((PyCoroWrapper *)self)->cw_coroutine, args, nargs);
}

static PyObject *
cw_close(PyObject *self, PyObject *args)
{
    return gen_close((PyObject *)((PyCoroWrapper *)self)->cw_coroutine, args);
}

static PyMethodDef cw_methods[] = {
    {"send", cw_send, METH_O, NULL},
    {"throw", (PyCFunction)(void (*)(void))cw_throw, METH_FASTCALL, NULL},
    {"close", cw_close, METH_NOARGS, NULL},
    {NULL},
};

PyTypeObject _PyCoroWrapper_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "coroutine_wrapper",
    .tp_basicsize = sizeof(PyCoroWrapper),
    .tp_dealloc = cw_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = cw_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = cw_iternext,
    .tp_methods = cw_methods,
};

/* ---- async generators -------------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    PyObject *agw_val;
} _PyAsyncGenWrappedValue;

PyObject *
_PyAsyncGenValueWrapperNew(PyThreadState *tstate, PyObject *val)
{
    _PyAsyncGenWrappedValue *o = PyObject_GC_New(_PyAsyncGenWrappedValue,
                                                 &_PyAsyncGenWrappedValue_Type);
    if (o == NULL) {
        return NULL;
    }
    o->agw_val = Py_NewRef(val);
    PyObject_GC_Track(o);
    return (PyObject *)o;
}

static void
agw_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    Py_CLEAR(((_PyAsyncGenWrappedValue *)self)->agw_val);
    PyObject_GC_Del(self);
}

static int
agw_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((_PyAsyncGenWrappedValue *)self)->agw_val);
    return 0;
}

PyTypeObject _PyAsyncGenWrappedValue_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "async_generator_wrapped_value",
    .tp_basicsize = sizeof(_PyAsyncGenWrappedValue),
    .tp_dealloc = agw_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = agw_traverse,
};

/* Turn what the async generator's frame produced into what the awaitable
 * gives its awaiter: a wrapped value finishes the step (StopIteration with
 * the value); anything else passes through (an await suspended). */
static PyObject *
async_gen_unwrap_value(PyGenObject *gen, PyObject *result)
{
    if (result == NULL) {
        if (!PyErr_Occurred()) {
            PyErr_SetNone(PyExc_StopAsyncIteration);
        }
        if (PyErr_ExceptionMatches(PyExc_StopAsyncIteration) ||
            PyErr_ExceptionMatches(PyExc_GeneratorExit)) {
            gen->gi_closed = 1;
        }
        gen->gi_running_async = 0;
        return NULL;
    }
    if (Py_IS_TYPE(result, &_PyAsyncGenWrappedValue_Type)) {
        _PyGen_SetStopIterationValue(((_PyAsyncGenWrappedValue *)result)->agw_val);
        Py_DECREF(result);
        gen->gi_running_async = 0;
        return NULL;
    }
    return result;
}

enum { AWAITABLE_STATE_INIT, AWAITABLE_STATE_ITER, AWAITABLE_STATE_CLOSED };

typedef struct {
    PyObject_HEAD
    PyGenObject *ags_gen;
    PyObject *ags_sendval;
    int ags_state;
} PyAsyncGenASend;

static PyObject *
async_gen_asend_new(PyGenObject *gen, PyObject *sendval)
{
    PyAsyncGenASend *o = PyObject_GC_New(PyAsyncGenASend, &_PyAsyncGenASend_Type);
    if (o == NULL) {
        return NULL;
    }
    o->ags_gen = (PyGenObject *)Py_NewRef(gen);
    o->ags_sendval = Py_XNewRef(sendval);
    o->ags_state = AWAITABLE_STATE_INIT;
    PyObject_GC_Track(o);
    return (PyObject *)o;
}

static PyObject *
asend_send(PyObject *self, PyObject *arg)
{
    PyAsyncGenASend *o = (PyAsyncGenASend *)self;
    if (o->ags_state == AWAITABLE_STATE_CLOSED) {
        PyErr_SetString(PyExc_RuntimeError,
                        "cannot reuse already awaited __anext__()/asend()");
        return NULL;
    }
    if (o->ags_state == AWAITABLE_STATE_INIT) {
        if (o->ags_gen->gi_running_async) {
            o->ags_state = AWAITABLE_STATE_CLOSED;
            PyErr_SetString(PyExc_RuntimeError,
                            "anext(): asynchronous generator is already running");
            return NULL;
        }
        if (arg == NULL || arg == Py_None) {
            arg = o->ags_sendval;
        }
        o->ags_state = AWAITABLE_STATE_ITER;
    }
    o->ags_gen->gi_running_async = 1;
    PyObject *result = gen_send_ex(o->ags_gen, arg, 0, 0);
    result = async_gen_unwrap_value(o->ags_gen, result);
    if (result == NULL) {
        o->ags_state = AWAITABLE_STATE_CLOSED;
    }
    return result;
}

static PyObject *
asend_iternext(PyObject *self)
{
    return asend_send(self, NULL);
}

static PyObject *
asend_throw(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyAsyncGenASend *o = (PyAsyncGenASend *)self;
    if (o->ags_state == AWAITABLE_STATE_CLOSED) {
        PyErr_SetString(PyExc_RuntimeError,
                        "cannot reuse already awaited __anext__()/asend()");
        return NULL;
    }
    if (nargs < 1 || nargs > 3) {
        PyErr_Format(PyExc_TypeError, "throw expected at least 1 argument, got %zd", nargs);
        return NULL;
    }
    PyObject *result = gen_throw_impl(o->ags_gen, 1, args[0], nargs > 1 ? args[1] : NULL,
                                      nargs > 2 ? args[2] : NULL);
    result = async_gen_unwrap_value(o->ags_gen, result);
    if (result == NULL) {
        o->ags_state = AWAITABLE_STATE_CLOSED;
    }
    return result;
}

static PyObject *
asend_close(PyObject *self, PyObject *args)
{
    ((PyAsyncGenASend *)self)->ags_state = AWAITABLE_STATE_CLOSED;
    Py_RETURN_NONE;
}

static void
asend_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    Py_CLEAR(((PyAsyncGenASend *)self)->ags_gen);
    Py_CLEAR(((PyAsyncGenASend *)self)->ags_sendval);
    PyObject_GC_Del(self);
}

static int
asend_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((PyAsyncGenASend *)self)->ags_gen);
    Py_VISIT(((PyAsyncGenASend *)self)->ags_sendval);
    return 0;
}

static PyMethodDef asend_methods[] = {
    {"send", asend_send, METH_O, NULL},
    {"throw", (PyCFunction)(void (*)(void))asend_throw, METH_FASTCALL, NULL},
    {"close", asend_close, METH_NOARGS, NULL},
    {NULL},
};

static PyAsyncMethods asend_as_async = {
    .am_await = PyObject_SelfIter,
};

PyTypeObject _PyAsyncGenASend_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "async_generator_asend",
    .tp_basicsize = sizeof(PyAsyncGenASend),
    .tp_dealloc = asend_dealloc,
    .tp_as_async = &asend_as_async,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = asend_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = asend_iternext,
    .tp_methods = asend_methods,
};

typedef struct {
    PyObject_HEAD
    PyGenObject *agt_gen;
    PyObject *agt_typ, *agt_val, *agt_tb;   /* NULL typ: aclose() */
    int agt_state;
} PyAsyncGenAThrow;

static PyObject *
async_gen_athrow_new(PyGenObject *gen, PyObject *typ, PyObject *val, PyObject *tb)
{
    PyAsyncGenAThrow *o = PyObject_GC_New(PyAsyncGenAThrow, &_PyAsyncGenAThrow_Type);
    if (o == NULL) {
        return NULL;
    }
    o->agt_gen = (PyGenObject *)Py_NewRef(gen);
    o->agt_typ = Py_XNewRef(typ);
    o->agt_val = Py_XNewRef(val);
    o->agt_tb = Py_XNewRef(tb);
    o->agt_state = AWAITABLE_STATE_INIT;
    PyObject_GC_Track(o);
    return (PyObject *)o;
}

static PyObject *
athrow_send(PyObject *self, PyObject *arg)
{
    PyAsyncGenAThrow *o = (PyAsyncGenAThrow *)self;
    PyGenObject *gen = o->agt_gen;
    PyObject *retval;
    int is_close = o->agt_typ == NULL;
    if (o->agt_state == AWAITABLE_STATE_CLOSED) {
        PyErr_SetString(PyExc_RuntimeError,
                        is_close ? "cannot reuse already awaited aclose()/athrow()"
                                 : "cannot reuse already awaited aclose()/athrow()");
        return NULL;
    }
    if (gen->gi_frame_state >= FRAME_COMPLETED) {
        o->agt_state = AWAITABLE_STATE_CLOSED;
        PyErr_SetNone(PyExc_StopIteration);
        return NULL;
    }
    if (o->agt_state == AWAITABLE_STATE_INIT) {
        if (gen->gi_running_async) {
            o->agt_state = AWAITABLE_STATE_CLOSED;
            PyErr_SetString(PyExc_RuntimeError,
                            is_close ? "aclose(): asynchronous generator is already running"
                                     : "athrow(): asynchronous generator is already running");
            return NULL;
        }
        if (gen->gi_closed) {
            o->agt_state = AWAITABLE_STATE_CLOSED;
            PyErr_SetNone(PyExc_StopAsyncIteration);
            return NULL;
        }
        if (arg != Py_None) {
            PyErr_SetString(PyExc_RuntimeError, "can't send non-None value to a just-started coroutine");
            return NULL;
        }
        o->agt_state = AWAITABLE_STATE_ITER;
        gen->gi_running_async = 1;
        if (is_close) {
            gen->gi_closed = 1;
            retval = gen_throw_impl(gen, 0, PyExc_GeneratorExit, NULL, NULL);
            if (retval != NULL && Py_IS_TYPE(retval, &_PyAsyncGenWrappedValue_Type)) {
                Py_DECREF(retval);
                goto yield_close;
            }
        }
        else {
            retval = gen_throw_impl(gen, 0, o->agt_typ, o->agt_val, o->agt_tb);
            retval = async_gen_unwrap_value(gen, retval);
        }
        if (retval == NULL) {
            goto check_error;
        }
        return retval;
    }
    retval = gen_send_ex(gen, arg, 0, 0);
    if (is_close) {
        if (retval != NULL && Py_IS_TYPE(retval, &_PyAsyncGenWrappedValue_Type)) {
            Py_DECREF(retval);
            goto yield_close;
        }
    }
    else {
        retval = async_gen_unwrap_value(gen, retval);
    }
    if (retval == NULL) {
        goto check_error;
    }
    return retval;

yield_close:
    gen->gi_running_async = 0;
    o->agt_state = AWAITABLE_STATE_CLOSED;
    PyErr_SetString(PyExc_RuntimeError, "async generator ignored GeneratorExit");
    return NULL;

check_error:
    gen->gi_running_async = 0;
    o->agt_state = AWAITABLE_STATE_CLOSED;
    if (PyErr_ExceptionMatches(PyExc_StopAsyncIteration) ||
        PyErr_ExceptionMatches(PyExc_GeneratorExit)) {
        if (is_close) {
            PyErr_Clear();
            PyErr_SetNone(PyExc_StopIteration);
        }
    }
    return NULL;
}

static PyObject *
athrow_iternext(PyObject *self)
{
    return athrow_send(self, Py_None);
}

static PyObject *
athrow_throw(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyAsyncGenAThrow *o = (PyAsyncGenAThrow *)self;
    if (o->agt_state == AWAITABLE_STATE_CLOSED) {
        PyErr_SetString(PyExc_RuntimeError, "cannot reuse already awaited aclose()/athrow()");
        return NULL;
    }
    if (nargs < 1 || nargs > 3) {
        PyErr_Format(PyExc_TypeError, "throw expected at least 1 argument, got %zd", nargs);
        return NULL;
    }
    PyObject *retval = gen_throw_impl(o->agt_gen, 0, args[0], nargs > 1 ? args[1] : NULL,
                                      nargs > 2 ? args[2] : NULL);
    if (o->agt_typ == NULL) {
        if (retval != NULL && Py_IS_TYPE(retval, &_PyAsyncGenWrappedValue_Type)) {
            Py_DECREF(retval);
            o->agt_gen->gi_running_async = 0;
            o->agt_state = AWAITABLE_STATE_CLOSED;
            PyErr_SetString(PyExc_RuntimeError, "async generator ignored GeneratorExit");
            return NULL;
        }
        if (retval == NULL) {
            o->agt_gen->gi_running_async = 0;
            o->agt_state = AWAITABLE_STATE_CLOSED;
            if (PyErr_ExceptionMatches(PyExc_StopAsyncIteration) ||
                PyErr_ExceptionMatches(PyExc_GeneratorExit)) {
                PyErr_Clear();
                PyErr_SetNone(PyExc_StopIteration);
            }
        }
        return retval;
    }
    return async_gen_unwrap_value(o->agt_gen, retval);
}

static PyObject *
athrow_close(PyObject *self, PyObject *args)
{
    ((PyAsyncGenAThrow *)self)->agt_state = AWAITABLE_STATE_CLOSED;
    Py_RETURN_NONE;
}

static void
athrow_dealloc(PyObject *self)
{
    PyAsyncGenAThrow *o = (PyAsyncGenAThrow *)self;
    PyObject_GC_UnTrack(self);
    Py_CLEAR(o->agt_gen);
    Py_CLEAR(o->agt_typ);
    Py_CLEAR(o->agt_val);
    Py_CLEAR(o->agt_tb);
    PyObject_GC_Del(self);
}

static int
athrow_traverse(PyObject *self, visitproc visit, void *arg)
{
    PyAsyncGenAThrow *o = (PyAsyncGenAThrow *)self;
    Py_VISIT(o->agt_gen);
    Py_VISIT(o->agt_typ);
    Py_VISIT(o->agt_val);
    Py_VISIT(o->agt_tb);
    return 0;
}

static PyMethodDef athrow_methods[] = {
    {"send", athrow_send, METH_O, NULL},
    {"throw", (PyCFunction)(void (*)(void))athrow_throw, METH_FASTCALL, NULL},
    {"close", athrow_close, METH_NOARGS, NULL},
    {NULL},
};

static PyAsyncMethods athrow_as_async = {
    .am_await = PyObject_SelfIter,
};

PyTypeObject _PyAsyncGenAThrow_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "async_generator_athrow",
    .tp_basicsize = sizeof(PyAsyncGenAThrow),
    .tp_dealloc = athrow_dealloc,
    .tp_as_async = &athrow_as_async,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = athrow_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = athrow_iternext,
    .tp_methods = athrow_methods,
};

static PyObject *
ag_anext(PyObject *self)
{
    return async_gen_asend_new((PyGenObject *)self, NULL);
}

static PyObject *
ag_asend(PyObject *self, PyObject *arg)
{
    return async_gen_asend_new((PyGenObject *)self, arg);
}

static PyObject *
ag_athrow(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs < 1 || nargs > 3) {
        PyErr_Format(PyExc_TypeError, "athrow expected at least 1 argument, got %zd", nargs);
        return NULL;
    }
    if (nargs > 1) {
        if (PyErr_WarnEx(PyExc_DeprecationWarning,
                         "the (type, exc, tb) signature of athrow() is deprecated, "
                         "use the single-arg signature instead.", 1) < 0) {
            return NULL;
        }
    }
    return async_gen_athrow_new((PyGenObject *)self, args[0], nargs > 1 ? args[1] : NULL,
                                nargs > 2 ? args[2] : NULL);
}

static PyObject *
ag_aclose(PyObject *self, PyObject *unused)
{
    return async_gen_athrow_new((PyGenObject *)self, NULL, NULL, NULL);
}

static PyMethodDef ag_methods[] = {
    {"asend", ag_asend, METH_O, NULL},
    {"athrow", (PyCFunction)(void (*)(void))ag_athrow, METH_FASTCALL, NULL},
    {"aclose", ag_aclose, METH_NOARGS, NULL},
    {NULL},
};

static PyAsyncMethods ag_as_async = {
    .am_aiter = PyObject_SelfIter,
    .am_anext = ag_anext,
};

PyTypeObject PyAsyncGen_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "async_generator",
    .tp_basicsize = offsetof(PyGenObject, gi_iframe) + offsetof(_PyInterpreterFrame, localsplus),
    .tp_weaklistoffset = offsetof(PyGenObject, gi_weakreflist),
    .tp_itemsize = sizeof(PyObject *),
    .tp_dealloc = gen_dealloc,
    .tp_as_async = &ag_as_async,
    .tp_repr = gen_repr,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = gen_traverse,
    .tp_clear = gen_tp_clear,
    .tp_methods = ag_methods,
    .tp_getset = ag_getsets,
};
