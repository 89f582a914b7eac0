/* tracing.c: sys.settrace / sys.setprofile with CPython 3.13's "legacy"
 * event semantics, and the C API behind them (PyEval_SetTrace & co).
 *
 * Each thread has its own trace and profile function (fields of
 * PyThreadState).  While either is set, tstate->trace_active is nonzero and
 * the thread's eval loops dispatch every instruction through a second table
 * whose entries call _PyTrace_Instruction before running the instruction;
 * with no function set the loop uses its normal table, so tracing costs
 * nothing when off.  Setting a function raises _PY_EVAL_TRACE_BIT on the
 * thread's eval breaker, which makes running loops reload their table.
 *
 * Events, as CPython delivers them:
 *  - 'call' at a frame's first instruction (index 0 is always the frame's
 *    prologue, never a jump target) and when a generator/coroutine resumes;
 *    to the profile function, then to the global trace function, whose
 *    result (if not None) becomes the frame's local trace function f_trace.
 *  - 'line', 'opcode', 'return', 'exception' go to f_trace only (frames
 *    without one get none).  A 'line' event fires at an instruction whose
 *    line differs from the previous instruction run in that frame, and at
 *    the target of every backward jump.  A result other than None replaces
 *    f_trace.
 *  - the profile function gets 'call'/'return' for every Python frame and
 *    'c_call'/'c_return'/'c_exception' around calls of built-in functions
 *    and method descriptors: before such a CALL runs, the callable on the
 *    value stack is swapped for a small wrapper that reports around the
 *    real call.
 *  - a trace or profile function that raises is removed (for this thread)
 *    and its exception propagates; while one runs (tstate->tracing) no
 *    events are delivered, so the tracer is not traced itself. */
#include "Python.h"
#include "pycore_pystate.h"
#include "pycore_pyerrors.h"
#include "pycore_object.h"
#include "pycore_code.h"
#include "pycore_frame.h"
#include "pycore_tracing.h"

/* ---- setting the functions ------------------------------------------------- */

static void
update_active(PyThreadState *tstate)
{
    int active = tstate->c_tracefunc != NULL || tstate->c_profilefunc != NULL;
    tstate->trace_active = active;
    if (active) {
        _Py_set_eval_breaker_bit(tstate, _PY_EVAL_TRACE_BIT);
    }
}

/* Store the new function; return the old object for the caller to release
 * (releasing may run arbitrary code, so it is done last). */
static PyObject *
swap_trace(PyThreadState *tstate, Py_tracefunc func, PyObject *obj)
{
    PyObject *old = tstate->c_traceobj;
    tstate->c_traceobj = func != NULL ? Py_XNewRef(obj) : NULL;
    tstate->c_tracefunc = func;
    update_active(tstate);
    return old;
}

static PyObject *
swap_profile(PyThreadState *tstate, Py_tracefunc func, PyObject *obj)
{
    PyObject *old = tstate->c_profileobj;
    tstate->c_profileobj = func != NULL ? Py_XNewRef(obj) : NULL;
    tstate->c_profilefunc = func;
    update_active(tstate);
    return old;
}

void
_PyEval_SetTrace(PyThreadState *tstate, Py_tracefunc func, PyObject *obj)
{
    Py_XDECREF(swap_trace(tstate, func, obj));
}

void
_PyEval_SetProfile(PyThreadState *tstate, Py_tracefunc func, PyObject *obj)
{
    Py_XDECREF(swap_profile(tstate, func, obj));
}

void
PyEval_SetTrace(Py_tracefunc func, PyObject *obj)
{
    _PyEval_SetTrace(_PyThreadState_GET(), func, obj);
}

void
PyEval_SetProfile(Py_tracefunc func, PyObject *obj)
{
    _PyEval_SetProfile(_PyThreadState_GET(), func, obj);
}

/* Other threads read their own fields without locks, so every thread's
 * fields are changed with the world stopped; the old objects are released
 * afterwards. */
static void
set_all_threads(int profile, Py_tracefunc func, PyObject *obj)
{
    PyInterpreterState *interp = _PyInterpreterState_GET();
    PyObject **olds = NULL;
    Py_ssize_t nold = 0;
    _PyEval_StopTheWorld(interp);
    PyMutex_Lock(&interp->threads_mutex);
    olds = PyMem_RawMalloc(sizeof(PyObject *) * (size_t)(interp->threads_count + 1));
    _Py_FOR_EACH_TSTATE(interp, t) {
        PyObject *old = profile ? swap_profile(t, func, obj) : swap_trace(t, func, obj);
        if (old != NULL && olds != NULL) {
            olds[nold++] = old;
        }
        /* Without the array (out of memory) the old function leaks: it is
         * never released while other threads cannot run. */
    }
    PyMutex_Unlock(&interp->threads_mutex);
    _PyEval_StartTheWorld(interp);
    for (Py_ssize_t i = 0; i < nold; i++) {
        Py_DECREF(olds[i]);
    }
    PyMem_RawFree(olds);
}

void
PyEval_SetTraceAllThreads(Py_tracefunc func, PyObject *obj)
{
    set_all_threads(0, func, obj);
}

void
PyEval_SetProfileAllThreads(Py_tracefunc func, PyObject *obj)
{
    set_all_threads(1, func, obj);
}

/* ---- Python-level functions ------------------------------------------------ */

static PyObject *
event_name(int what)
{
    switch (what) {
    case PyTrace_CALL: return _Py_ID_STR(call);
    case PyTrace_EXCEPTION: return _Py_ID_STR(exception);
    case PyTrace_LINE: return _Py_ID_STR(line);
    case PyTrace_RETURN: return _Py_ID_STR(return);
    case PyTrace_C_CALL: return _Py_ID_STR(c_call);
    case PyTrace_C_EXCEPTION: return _Py_ID_STR(c_exception);
    case PyTrace_C_RETURN: return _Py_ID_STR(c_return);
    default: return _Py_ID_STR(opcode);
    }
}

static PyObject *
call_trampoline(PyObject *callback, PyFrameObject *frame, int what, PyObject *arg)
{
    PyObject *args[3] = {(PyObject *)frame, event_name(what), arg != NULL ? arg : Py_None};
    return PyObject_Vectorcall(callback, args, 3, NULL);
}

/* sys.settrace's Py_tracefunc: 'call' goes to the global function, the rest
 * to the frame's f_trace; a non-None result becomes f_trace. */
static int
trace_trampoline(PyObject *self, PyFrameObject *frame, int what, PyObject *arg)
{
    PyObject *callback = what == PyTrace_CALL ? self : frame->f_trace;
    if (callback == NULL) {
        return 0;
    }
    Py_INCREF(callback);
    PyObject *result = call_trampoline(callback, frame, what, arg);
    Py_DECREF(callback);
    if (result == NULL) {
        _PyEval_SetTrace(_PyThreadState_GET(), NULL, NULL);
        Py_CLEAR(frame->f_trace);
        return -1;
    }
    if (result != Py_None) {
        Py_XSETREF(frame->f_trace, result);
    }
    else {
        Py_DECREF(result);
    }
    return 0;
}

static int
profile_trampoline(PyObject *self, PyFrameObject *frame, int what, PyObject *arg)
{
    PyObject *result = call_trampoline(self, frame, what, arg);
    if (result == NULL) {
        _PyEval_SetProfile(_PyThreadState_GET(), NULL, NULL);
        return -1;
    }
    Py_DECREF(result);
    return 0;
}

/* Frames of this thread that already have a local trace function (pdb's
 * set_trace sets f_trace on the stack, then calls settrace) continue on
 * the line they are on: their next line event is for the next line. */
static void
mark_running_lines(PyThreadState *tstate)
{
    for (_PyInterpreterFrame *fr = tstate->current_frame; fr != NULL; fr = fr->previous) {
        PyFrameObject *f = fr->frame_obj;
        if (fr->owner == FRAME_OWNED_BY_CSTACK || f == NULL || f->f_trace == NULL) {
            continue;
        }
        Py_ssize_t lasti = _PyFrame_Lasti(fr);
        if (lasti > 0) {
            f->f_last_traced_line = _PyCode_Addr2Line(fr->f_code, lasti);
            f->f_last_traced_instr = (int)lasti;
        }
    }
}

PyObject *
_PySys_SetTrace(PyObject *module, PyObject *func)
{
    PyThreadState *tstate = _PyThreadState_GET();
    if (func == Py_None) {
        _PyEval_SetTrace(tstate, NULL, NULL);
    }
    else {
        if (tstate->c_tracefunc == NULL) {
            mark_running_lines(tstate);
        }
        _PyEval_SetTrace(tstate, trace_trampoline, func);
    }
    Py_RETURN_NONE;
}

PyObject *
_PySys_GetTrace(PyObject *module, PyObject *unused)
{
    PyObject *f = _PyThreadState_GET()->c_traceobj;
    return Py_NewRef(f != NULL ? f : Py_None);
}

PyObject *
_PySys_SetProfile(PyObject *module, PyObject *func)
{
    PyThreadState *tstate = _PyThreadState_GET();
    if (func == Py_None) {
        _PyEval_SetProfile(tstate, NULL, NULL);
    }
    else {
        _PyEval_SetProfile(tstate, profile_trampoline, func);
    }
    Py_RETURN_NONE;
}

PyObject *
_PySys_GetProfile(PyObject *module, PyObject *unused)
{
    PyObject *f = _PyThreadState_GET()->c_profileobj;
    return Py_NewRef(f != NULL ? f : Py_None);
}

PyObject *
_PySys_SetTraceAllThreads(PyObject *module, PyObject *func)
{
    if (func == Py_None) {
        set_all_threads(0, NULL, NULL);
    }
    else {
        set_all_threads(0, trace_trampoline, func);
    }
    Py_RETURN_NONE;
}

PyObject *
_PySys_SetProfileAllThreads(PyObject *module, PyObject *func)
{
    if (func == Py_None) {
        set_all_threads(1, NULL, NULL);
    }
    else {
        set_all_threads(1, profile_trampoline, func);
    }
    Py_RETURN_NONE;
}

/* ---- delivering events ----------------------------------------------------- */

/* Call `func` for an event of `iframe`, with events off meanwhile.  The
 * function object is held: the call may replace it. */
static int
call_func(PyThreadState *tstate, Py_tracefunc func, PyObject *obj,
          _PyInterpreterFrame *iframe, int what, PyObject *arg)
{
    PyFrameObject *f = _PyFrame_GetFrameObject(iframe);
    if (f == NULL) {
        return -1;
    }
    Py_INCREF(f);
    Py_XINCREF(obj);
    tstate->tracing++;
    int err = func(obj, f, what, arg);
    tstate->tracing--;
    Py_XDECREF(obj);
    Py_DECREF(f);
    return err;
}

static int
profile_event(PyThreadState *tstate, _PyInterpreterFrame *iframe, int what, PyObject *arg)
{
    if (tstate->c_profilefunc == NULL) {
        return 0;
    }
    return call_func(tstate, tstate->c_profilefunc, tstate->c_profileobj, iframe, what, arg);
}

/* Does the trace function want the local events of this frame?  Python
 * trace functions get them only through f_trace; a C function (set with
 * PyEval_SetTrace) gets every frame's. */
static int
frame_is_traced(PyThreadState *tstate, _PyInterpreterFrame *iframe)
{
    if (tstate->c_tracefunc == NULL) {
        return 0;
    }
    if (tstate->c_tracefunc != trace_trampoline) {
        return 1;
    }
    return iframe->frame_obj != NULL && iframe->frame_obj->f_trace != NULL;
}

static int
trace_event(PyThreadState *tstate, _PyInterpreterFrame *iframe, int what, PyObject *arg)
{
    return call_func(tstate, tstate->c_tracefunc, tstate->c_traceobj, iframe, what, arg);
}

static int
call_event(PyThreadState *tstate, _PyInterpreterFrame *iframe)
{
    if (profile_event(tstate, iframe, PyTrace_CALL, Py_None) < 0) {
        return -1;
    }
    if (tstate->c_tracefunc != NULL) {
        return trace_event(tstate, iframe, PyTrace_CALL, Py_None);
    }
    return 0;
}

static int
return_event(PyThreadState *tstate, _PyInterpreterFrame *iframe, PyObject *value)
{
    if (profile_event(tstate, iframe, PyTrace_RETURN, value) < 0) {
        return -1;
    }
    if (frame_is_traced(tstate, iframe)) {
        return trace_event(tstate, iframe, PyTrace_RETURN, value);
    }
    return 0;
}

/* -- the lines line events see --
 *
 * Weft's compiler gives its structural instructions (handler blocks, the
 * generator wrapper, loop back-edges, jumps over handlers) the line of the
 * statement they belong to, where CPython has no instruction or one with no
 * line of its own (which then runs "on" the previous line).  So that line
 * events match CPython's, each code object gets, on first use, a table that
 * marks those instructions NO_EVENT and gives them the previous
 * instruction's line. */

#define NO_EVENT ((int32_t)0x40000000)
#define LINE_MASK ((int32_t)0x1fffffff)
/* the yield from / await loop's jump back to SEND: not a loop round */
#define NOT_A_ROUND ((int32_t)0x20000000)

static int
same_position(const _PyCodePosition *a, const _PyCodePosition *b)
{
    return a->lineno == b->lineno && a->end_lineno == b->end_lineno &&
           a->col == b->col && a->end_col == b->end_col;
}

static int
is_store_delete_pair(_Py_CODEUNIT store, _Py_CODEUNIT del)
{
    int sop = _Py_OPCODE(store), dop = _Py_OPCODE(del);
    if (_Py_OPARG(store) != _Py_OPARG(del)) {
        return 0;
    }
    return (sop == STORE_FAST && dop == DELETE_FAST) || (sop == STORE_NAME && dop == DELETE_NAME) ||
           (sop == STORE_DEREF && dop == DELETE_DEREF) || (sop == STORE_GLOBAL && dop == DELETE_GLOBAL);
}

static int32_t *
compute_tracelines(PyCodeObject *co)
{
    Py_ssize_t n = co->co_ncode;
    int32_t *t = PyMem_Malloc(sizeof(int32_t) * (size_t)(n > 0 ? n : 1));
    if (t == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    int is_gen = (co->co_flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR)) != 0;
    const _PyCodePosition *wrapper = NULL;   /* the generator wrapper's position */
    int inherited = co->co_firstlineno;
    int after_prologue = 0;
    Py_ssize_t cleanup_end = -1;   /* `except ... as name` cleanup up to here */
    for (Py_ssize_t i = 0; i < n; i++) {
        int op = _Py_OPCODE(co->co_code[i]);
        int next = i + 1 < n ? _Py_OPCODE(co->co_code[i + 1]) : -1;
        const _PyCodePosition *pos = &co->co_positions[i];
        int line = pos->lineno;
        int artificial = 0;
        if (op == RESUME || op == MAKE_CELL || op == COPY_FREE_VARS) {
            t[i] = NO_EVENT | (line >= 0 ? line : LINE_MASK);
            inherited = line;
            after_prologue = op == RESUME;
            continue;
        }
        if (after_prologue && is_gen && op == SETUP_FINALLY) {
            wrapper = pos;
            artificial = 1;
        }
        else if (wrapper != NULL && same_position(pos, wrapper)) {
            artificial = 1;
        }
        else if (i <= cleanup_end) {
            artificial = 1;
        }
        else if (op == LOAD_CONST && i + 2 < n && line < inherited &&
                 PyTuple_GET_ITEM(co->co_consts, _Py_OPARG(co->co_code[i])) == Py_None &&
                 is_store_delete_pair(co->co_code[i + 1], co->co_code[i + 2])) {
            /* `name = None; del name` after an `except ... as name:` body */
            cleanup_end = i + 2;
            artificial = 1;
        }
        else {
            switch (op) {
            case POP_BLOCK:
            case PUSH_EXC_INFO:
            case POP_EXCEPT:
            case RERAISE:
                artificial = 1;
                break;
            case SETUP_FINALLY:
                artificial = next == PUSH_EXC_INFO;   /* entering a handler */
                break;
            case SWAP:
                artificial = next == POP_EXCEPT;      /* a handler's cleanup */
                break;
            case JUMP_BACKWARD:
                if (i > 0 && _Py_OPCODE(co->co_code[i - 1]) == YIELD_VALUE) {
                    t[i] = NO_EVENT | NOT_A_ROUND | (inherited >= 0 ? inherited : LINE_MASK);
                    after_prologue = 0;
                    continue;
                }
                /* fall through */
            case JUMP:
                /* back to an enclosing statement's line: a loop's back-edge
                 * or the jump over an else/handler, not break/continue */
                artificial = line < inherited;
                break;
            default:
                break;
            }
        }
        after_prologue = 0;
        if (artificial || line < 0) {
            t[i] = NO_EVENT | (inherited >= 0 ? inherited : LINE_MASK);
        }
        else {
            t[i] = line;
            inherited = line;
        }
    }
    return t;
}

static int32_t *
get_tracelines(PyCodeObject *co)
{
    int32_t *t = _Py_atomic_load_ptr_acquire(&co->co_tracelines);
    if (t != NULL) {
        return t;
    }
    t = compute_tracelines(co);
    if (t == NULL) {
        return NULL;
    }
    void *expected = NULL;
    if (!_Py_atomic_compare_exchange_ptr(&co->co_tracelines, &expected, t)) {
        PyMem_Free(t);   /* another thread made it first */
        return expected;
    }
    return t;
}

int
_PyTrace_LineOf(PyCodeObject *co, Py_ssize_t index)
{
    int32_t *t = _Py_atomic_load_ptr_acquire(&co->co_tracelines);
    if (t == NULL || index < 0 || index >= co->co_ncode) {
        return _PyCode_Addr2Line(co, index);
    }
    int32_t line = t[index] & LINE_MASK;
    return line == LINE_MASK ? -1 : line;
}

/* 'line' and 'opcode' for instruction `index` of a traced frame. */
static int
line_events(PyThreadState *tstate, _PyInterpreterFrame *iframe, int index, int opcode)
{
    if (opcode == RESUME || opcode == MAKE_CELL || opcode == COPY_FREE_VARS) {
        return 0;   /* the prologue: no line of its own */
    }
    PyFrameObject *f = _PyFrame_GetFrameObject(iframe);
    int32_t *lines = get_tracelines(iframe->f_code);
    if (f == NULL || lines == NULL) {
        return -1;
    }
    int32_t line = lines[index];
    if (!(line & NO_EVENT)) {
        int fire = f->f_trace_lines &&
                   (line != f->f_last_traced_line || index <= f->f_last_traced_instr);
        f->f_last_traced_line = line;
        f->f_last_traced_instr = index;
        if (fire && trace_event(tstate, iframe, PyTrace_LINE, Py_None) < 0) {
            return -1;
        }
    }
    else {
        f->f_last_traced_instr = (line & NOT_A_ROUND) ? -1 : index;
    }
    if (f->f_trace_opcodes && frame_is_traced(tstate, iframe)) {
        return trace_event(tstate, iframe, PyTrace_OPCODE, Py_None);
    }
    return 0;
}

/* -- the C-call wrapper used by the profiler -- */

typedef struct {
    PyObject_HEAD
    PyObject *callable;          /* what the CALL really calls */
    PyObject *reported;          /* the object given to the profile function */
    vectorcallfunc vectorcall;
} profiledcall;

static int
c_event(PyThreadState *tstate, int what, PyObject *arg)
{
    if (tstate->tracing || tstate->c_profilefunc == NULL || tstate->current_frame == NULL) {
        return 0;
    }
    return profile_event(tstate, tstate->current_frame, what, arg);
}

static PyObject *
profiledcall_vectorcall(PyObject *self, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    profiledcall *p = (profiledcall *)self;
    PyThreadState *tstate = _PyThreadState_GET();
    if (c_event(tstate, PyTrace_C_CALL, p->reported) < 0) {
        return NULL;
    }
    PyObject *res = PyObject_Vectorcall(p->callable, args, nargsf, kwnames);
    if (res == NULL) {
        PyObject *exc = _PyErr_GetRaisedException(tstate);
        if (c_event(tstate, PyTrace_C_EXCEPTION, p->reported) < 0) {
            Py_XDECREF(exc);   /* the profiler's exception replaces it */
        }
        else {
            _PyErr_SetRaisedException(tstate, exc);
        }
        return NULL;
    }
    if (c_event(tstate, PyTrace_C_RETURN, p->reported) < 0) {
        Py_DECREF(res);
        return NULL;
    }
    return res;
}

static void
profiledcall_dealloc(PyObject *self)
{
    profiledcall *p = (profiledcall *)self;
    Py_DECREF(p->callable);
    Py_DECREF(p->reported);
    PyObject_Free(self);
}

static PyObject *
profiledcall_getattro(PyObject *self, PyObject *name)
{
    /* Error messages that name the callable see the real one. */
    return PyObject_GetAttr(((profiledcall *)self)->callable, name);
}

PyTypeObject _PyProfiledCall_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "profiled_call",
    .tp_basicsize = sizeof(profiledcall),
    .tp_dealloc = profiledcall_dealloc,
    .tp_vectorcall_offset = offsetof(profiledcall, vectorcall),
    .tp_call = PyVectorcall_Call,
    .tp_getattro = profiledcall_getattro,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_VECTORCALL,
};

/* What the profiler reports for a call of `callable` with first argument
 * `arg0` (NULL if none): the built-in function itself, or a method
 * descriptor bound to its first argument; NULL (no error) if the call is
 * not a C call. */
static PyObject *
reported_callable(PyObject *callable, PyObject *arg0)
{
    if (PyCFunction_Check(callable)) {
        return Py_NewRef(callable);
    }
    if (Py_IS_TYPE(callable, &PyMethodDescr_Type) && arg0 != NULL) {
        return Py_TYPE(callable)->tp_descr_get(callable, arg0, (PyObject *)Py_TYPE(arg0));
    }
    return NULL;
}

/* Before CALL / CALL_KW / CALL_FUNCTION_EX: wrap a C callable. */
static int
wrap_c_call(PyThreadState *tstate, int opcode, int oparg, PyObject **sp)
{
    PyObject **lower, **upper;   /* [callable_or_NULL, self_or_callable] */
    PyObject *first_arg = NULL;
    if (opcode == CALL_FUNCTION_EX) {
        PyObject **top = sp - 1 - (oparg & 1);   /* the args tuple */
        upper = top - 1;
        lower = top - 2;
        if (*lower == NULL && PyTuple_Check(*top) && PyTuple_GET_SIZE(*top) > 0) {
            first_arg = PyTuple_GET_ITEM(*top, 0);
        }
    }
    else {
        PyObject **args = (opcode == CALL_KW ? sp - 1 : sp) - oparg;
        upper = args - 1;
        lower = args - 2;
        if (*lower == NULL && oparg > 0) {
            first_arg = args[0];
        }
    }
    PyObject **slot = *lower != NULL ? lower : upper;
    if (*lower != NULL) {
        first_arg = *upper;
    }
    PyObject *reported = reported_callable(*slot, first_arg);
    if (reported == NULL) {
        return PyErr_Occurred() ? -1 : 0;
    }
    profiledcall *p = PyObject_New(profiledcall, &_PyProfiledCall_Type);
    if (p == NULL) {
        Py_DECREF(reported);
        return -1;
    }
    p->callable = *slot;       /* the stack slot's reference moves here */
    p->reported = reported;
    p->vectorcall = profiledcall_vectorcall;
    *slot = (PyObject *)p;
    return 0;
}

/* ---- the eval loop's hooks ------------------------------------------------- */

int
_PyTrace_Instruction(PyThreadState *tstate, _PyInterpreterFrame *frame, PyObject **sp)
{
    if (tstate->tracing) {
        return 0;
    }
    PyCodeObject *co = frame->f_code;
    _Py_CODEUNIT word = frame->instr_ptr[-1];
    int index = (int)(frame->instr_ptr - 1 - co->co_code);
    int opcode = _Py_OPCODE(word);
    if (index == 0 && call_event(tstate, frame) < 0) {
        return -1;
    }
    if (frame_is_traced(tstate, frame) && line_events(tstate, frame, index, opcode) < 0) {
        return -1;
    }
    switch (opcode) {
    case RETURN_VALUE:
    case YIELD_VALUE:
        return return_event(tstate, frame, sp[-1]);
    case CALL:
    case CALL_KW:
    case CALL_FUNCTION_EX:
        if (tstate->c_profilefunc != NULL) {
            return wrap_c_call(tstate, opcode, _Py_OPARG(word), sp);
        }
        return 0;
    default:
        return 0;
    }
}

int
_PyTrace_Resume(PyThreadState *tstate, _PyInterpreterFrame *frame, int throwflag)
{
    if (tstate->tracing) {
        return 0;
    }
    if (!throwflag) {
        return call_event(tstate, frame);
    }
    PyObject *exc = _PyErr_GetRaisedException(tstate);
    if (call_event(tstate, frame) < 0) {
        Py_XDECREF(exc);
        return -1;
    }
    _PyErr_SetRaisedException(tstate, exc);
    return 0;
}

int
_PyTrace_StopIteration(PyThreadState *tstate, _PyInterpreterFrame *frame, PyObject *value)
{
    if (tstate->tracing || !frame_is_traced(tstate, frame)) {
        return 0;
    }
    PyObject *pending = _PyErr_GetRaisedException(tstate);
    PyObject *stop;
    if (pending != NULL && PyErr_GivenExceptionMatches(pending, PyExc_StopIteration)) {
        stop = Py_NewRef(pending);
    }
    else {
        stop = PyObject_CallOneArg(PyExc_StopIteration, value != NULL ? value : Py_None);
    }
    PyObject *arg = stop == NULL ? NULL : PyTuple_Pack(3, (PyObject *)Py_TYPE(stop), stop, Py_None);
    Py_XDECREF(stop);
    if (arg == NULL || trace_event(tstate, frame, PyTrace_EXCEPTION, arg) < 0) {
        Py_XDECREF(arg);
        Py_XDECREF(pending);
        return -1;
    }
    Py_DECREF(arg);
    _PyErr_SetRaisedException(tstate, pending);
    return 0;
}

void
_PyTrace_Exception(PyThreadState *tstate, _PyInterpreterFrame *frame)
{
    if (tstate->tracing || !frame_is_traced(tstate, frame)) {
        return;
    }
    PyObject *exc = _PyErr_GetRaisedException(tstate);
    if (exc == NULL) {
        return;
    }
    PyObject *tb = PyException_GetTraceback(exc);
    PyObject *arg = PyTuple_Pack(3, (PyObject *)Py_TYPE(exc), exc, tb != NULL ? tb : Py_None);
    Py_XDECREF(tb);
    if (arg == NULL) {
        Py_DECREF(exc);
        return;
    }
    int err = trace_event(tstate, frame, PyTrace_EXCEPTION, arg);
    Py_DECREF(arg);
    if (err < 0) {
        Py_DECREF(exc);   /* the trace function's exception replaces it */
    }
    else {
        _PyErr_SetRaisedException(tstate, exc);
    }
}

void
_PyTrace_Unwind(PyThreadState *tstate, _PyInterpreterFrame *frame)
{
    if (tstate->tracing) {
        return;
    }
    PyObject *exc = _PyErr_GetRaisedException(tstate);
    if (return_event(tstate, frame, Py_None) < 0) {
        Py_XDECREF(exc);
    }
    else {
        _PyErr_SetRaisedException(tstate, exc);
    }
}
