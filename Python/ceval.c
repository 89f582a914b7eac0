/* ceval.c: the bytecode interpreter.  One C loop (_PyEval_EvalFrame) runs
 * a frame and every Python frame called from it: a call of a plain Python
 * function pushes a frame on the thread's data stack and continues in the
 * same loop, so Python recursion does not recurse in C.  Dispatch is by
 * computed goto where the compiler supports it (a switch otherwise).
 * Also here: argument binding for function calls (CPython's rules and
 * messages), PyEval_EvalCode, the PyEval_Get* accessors, the recursion
 * limit and the frame lookup behind zero-argument super(). */
#include "Python.h"
#include "pycore_pystate.h"
#include "pycore_pyerrors.h"
#include "pycore_object.h"
#include "pycore_code.h"
#include "pycore_frame.h"
#include "pycore_ceval.h"
#include "pycore_genobject.h"
#include "pycore_cache.h"
#include "pycore_dict.h"
#include "pycore_cell.h"
#include "pycore_tracing.h"
#include "pycore_lockfree.h"

#if defined(__GNUC__) && !defined(WEFT_NO_COMPUTED_GOTOS)
#define USE_COMPUTED_GOTOS 1
#else
#define USE_COMPUTED_GOTOS 0
#endif

#define LIKELY(x) __builtin_expect(!!(x), 1)
#define UNLIKELY(x) __builtin_expect(!!(x), 0)

/* ---- namespaces ------------------------------------------------------------ */

PyObject *
_PyEval_BuiltinsFromGlobals(PyThreadState *tstate, PyObject *globals)
{
    PyObject *b = NULL;
    if (globals != NULL) {
        if (PyDict_GetItemRef(globals, _Py_ID_STR(__builtins__), &b) < 0) {
            return NULL;
        }
    }
    if (b != NULL) {
        if (PyModule_Check(b)) {
            PyObject *d = PyModule_GetDict(b);
            Py_XINCREF(d);
            Py_DECREF(b);
            b = d;
        }
        if (b != NULL) {
            return b;
        }
    }
    PyObject *ib = tstate->interp->builtins;
    if (ib != NULL) {
        if (PyModule_Check(ib)) {
            return Py_NewRef(PyModule_GetDict(ib));
        }
        return Py_NewRef(ib);
    }
    return PyDict_New();
}

static _PyInterpreterFrame *
current_python_frame(PyThreadState *tstate)
{
    _PyInterpreterFrame *f = tstate->current_frame;
    while (f != NULL && f->owner == FRAME_OWNED_BY_CSTACK) {
        f = f->previous;
    }
    return f;
}

PyObject *
PyEval_GetGlobals(void)
{
    _PyInterpreterFrame *f = current_python_frame(_PyThreadState_GET());
    return f != NULL ? f->f_globals : NULL;
}

PyObject *
PyEval_GetFrameGlobals(void)
{
    return Py_XNewRef(PyEval_GetGlobals());
}

PyObject *
PyEval_GetBuiltins(void)
{
    PyThreadState *tstate = _PyThreadState_GET();
    _PyInterpreterFrame *f = current_python_frame(tstate);
    if (f != NULL) {
        return f->f_builtins;
    }
    PyObject *ib = tstate->interp->builtins;
    if (ib != NULL && PyModule_Check(ib)) {
        return PyModule_GetDict(ib);
    }
    return ib;
}

PyObject *
PyEval_GetFrameBuiltins(void)
{
    return Py_XNewRef(PyEval_GetBuiltins());
}

PyObject *
PyEval_GetFrameLocals(void)
{
    PyThreadState *tstate = _PyThreadState_GET();
    _PyInterpreterFrame *f = current_python_frame(tstate);
    if (f == NULL) {
        PyErr_SetString(PyExc_SystemError, "frame does not exist");
        return NULL;
    }
    if (f->f_locals != NULL) {
        return Py_NewRef(f->f_locals);
    }
    return _PyFrame_GetLocals(f);
}

PyObject *
PyEval_GetLocals(void)
{
    PyThreadState *tstate = _PyThreadState_GET();
    _PyInterpreterFrame *f = current_python_frame(tstate);
    if (f == NULL) {
        PyErr_SetString(PyExc_SystemError, "frame does not exist");
        return NULL;
    }
    if (f->f_locals != NULL) {
        return f->f_locals;
    }
    /* A borrowed snapshot: keep it alive in the frame object. */
    PyFrameObject *fo = _PyFrame_GetFrameObject(f);
    if (fo == NULL) {
        return NULL;
    }
    PyObject *d = _PyFrame_GetLocals(f);
    if (d == NULL) {
        return NULL;
    }
    Py_XSETREF(fo->f_extra_locals, d);
    return d;
}

PyFrameObject *
PyEval_GetFrame(void)
{
    PyThreadState *tstate = _PyThreadState_GET();
    _PyInterpreterFrame *f = current_python_frame(tstate);
    if (f == NULL) {
        return NULL;
    }
    PyFrameObject *fo = _PyFrame_GetFrameObject(f);
    if (fo == NULL) {
        PyErr_Clear();
    }
    return fo;
}

/* ---- recursion limit ------------------------------------------------------ */

int
Py_GetRecursionLimit(void)
{
    PyInterpreterState *interp = _PyInterpreterState_GET();
    return interp->recursion_limit > 0 ? interp->recursion_limit : 1000;
}

void
Py_SetRecursionLimit(int limit)
{
    PyInterpreterState *interp = _PyInterpreterState_GET();
    _PyEval_StopTheWorld(interp);
    PyMutex_Lock(&interp->threads_mutex);
    interp->recursion_limit = limit;
    _Py_FOR_EACH_TSTATE(interp, t) {
        int depth = t->py_recursion_limit - t->py_recursion_remaining;
        t->py_recursion_limit = limit;
        t->py_recursion_remaining = limit - depth;
    }
    PyMutex_Unlock(&interp->threads_mutex);
    _PyEval_StartTheWorld(interp);
}

int
_Py_GetRecursionDepth(void)
{
    PyThreadState *tstate = _PyThreadState_GET();
    return tstate->py_recursion_limit - tstate->py_recursion_remaining;
}

int
_Py_CheckRecursiveCallPy(PyThreadState *tstate)
{
    PyErr_SetString(PyExc_RecursionError, "maximum recursion depth exceeded");
    return -1;
}

/* ---- argument binding ---------------------------------------------------- */

/* 'a'; 'a' and 'b'; 'a', 'b', and 'c' */
static PyObject *
format_name_list(PyObject *names)
{
    Py_ssize_t n = PyList_GET_SIZE(names);
    PyObject *reprs = PyList_New(n);
    if (reprs == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *r = PyObject_Repr(PyList_GET_ITEM(names, i));
        if (r == NULL) {
            Py_DECREF(reprs);
            return NULL;
        }
        PyList_SET_ITEM(reprs, i, r);
    }
    PyObject *res;
    if (n == 1) {
        res = Py_NewRef(PyList_GET_ITEM(reprs, 0));
    }
    else if (n == 2) {
        res = PyUnicode_FromFormat("%U and %U", PyList_GET_ITEM(reprs, 0),
                                   PyList_GET_ITEM(reprs, 1));
    }
    else {
        PyObject *sep = PyUnicode_FromString(", ");
        PyObject *head = PyList_GetSlice(reprs, 0, n - 1);
        PyObject *joined = (sep && head) ? PyUnicode_Join(sep, head) : NULL;
        res = joined ? PyUnicode_FromFormat("%U, and %U", joined, PyList_GET_ITEM(reprs, n - 1))
                     : NULL;
        Py_XDECREF(sep);
        Py_XDECREF(head);
        Py_XDECREF(joined);
    }
    Py_DECREF(reprs);
    return res;
}

static void
missing_arguments(PyThreadState *tstate, PyCodeObject *co, Py_ssize_t missing,
                  Py_ssize_t start, Py_ssize_t end, PyObject **lp, const char *kind,
                  PyObject *qualname)
{
    PyObject *names = PyList_New(0);
    if (names == NULL) {
        return;
    }
    for (Py_ssize_t i = start; i < end; i++) {
        if (lp[i] == NULL) {
            if (PyList_Append(names, PyTuple_GET_ITEM(co->co_localsplusnames, i)) < 0) {
                Py_DECREF(names);
                return;
            }
        }
    }
    PyObject *s = format_name_list(names);
    Py_DECREF(names);
    if (s == NULL) {
        return;
    }
    _PyErr_Format(tstate, PyExc_TypeError, "%U() missing %zd required %s argument%s: %U",
                  qualname, missing, kind, missing == 1 ? "" : "s", s);
    Py_DECREF(s);
}

static void
too_many_positional(PyThreadState *tstate, PyCodeObject *co, Py_ssize_t given,
                    PyObject *defaults, PyObject **lp, PyObject *qualname)
{
    Py_ssize_t kwonly_given = 0;
    for (int i = co->co_argcount; i < co->co_argcount + co->co_kwonlyargcount; i++) {
        if (lp[i] != NULL) {
            kwonly_given++;
        }
    }
    Py_ssize_t defcount = defaults == NULL ? 0 : PyTuple_GET_SIZE(defaults);
    int plural;
    PyObject *sig;
    if (defcount) {
        plural = 1;
        sig = PyUnicode_FromFormat("from %zd to %d", co->co_argcount - defcount,
                                   co->co_argcount);
    }
    else {
        plural = co->co_argcount != 1;
        sig = PyUnicode_FromFormat("%d", co->co_argcount);
    }
    if (sig == NULL) {
        return;
    }
    PyObject *kwonly_sig;
    if (kwonly_given) {
        kwonly_sig = PyUnicode_FromFormat(" positional argument%s (and %zd keyword-only argument%s)",
                                          given != 1 ? "s" : "", kwonly_given,
                                          kwonly_given != 1 ? "s" : "");
    }
    else {
        kwonly_sig = PyUnicode_FromString("");
    }
    if (kwonly_sig == NULL) {
        Py_DECREF(sig);
        return;
    }
    _PyErr_Format(tstate, PyExc_TypeError, "%U() takes %U positional argument%s but %zd%U %s given",
                  qualname, sig, plural ? "s" : "", given, kwonly_sig,
                  given == 1 && !kwonly_given ? "was" : "were");
    Py_DECREF(sig);
    Py_DECREF(kwonly_sig);
}

static int
positional_only_passed_as_keyword(PyThreadState *tstate, PyCodeObject *co, PyObject *kwnames,
                                  PyObject *qualname)
{
    PyObject *names = PyList_New(0);
    if (names == NULL) {
        return -1;
    }
    Py_ssize_t nkw = PyTuple_GET_SIZE(kwnames);
    for (int k = 0; k < co->co_posonlyargcount; k++) {
        PyObject *posname = PyTuple_GET_ITEM(co->co_localsplusnames, k);
        for (Py_ssize_t i = 0; i < nkw; i++) {
            PyObject *kw = PyTuple_GET_ITEM(kwnames, i);
            int eq = kw == posname || (PyUnicode_Check(kw) && _PyUnicode_Equal(kw, posname));
            if (eq) {
                if (PyList_Append(names, kw) < 0) {
                    Py_DECREF(names);
                    return -1;
                }
                break;
            }
        }
    }
    if (PyList_GET_SIZE(names) == 0) {
        Py_DECREF(names);
        return 0;
    }
    PyObject *sep = PyUnicode_FromString(", ");
    PyObject *joined = sep ? PyUnicode_Join(sep, names) : NULL;
    Py_XDECREF(sep);
    Py_DECREF(names);
    if (joined == NULL) {
        return -1;
    }
    _PyErr_Format(tstate, PyExc_TypeError,
                  "%U() got some positional-only arguments passed as keyword arguments: '%U'",
                  qualname, joined);
    Py_DECREF(joined);
    return 1;
}

int
_PyEval_BindArgs(PyThreadState *tstate, _PyInterpreterFrame *frame, PyFunctionObject *func,
                 PyObject *const *args, Py_ssize_t argcount, PyObject *kwnames)
{
    PyCodeObject *co = frame->f_code;
    PyObject **lp = frame->localsplus;
    Py_ssize_t nkw = kwnames != NULL ? PyTuple_GET_SIZE(kwnames) : 0;
    Py_ssize_t npos = argcount - nkw;
    int co_argcount = co->co_argcount;
    int total_args = co_argcount + co->co_kwonlyargcount;
    int flags = co->co_flags;
    Py_ssize_t i;

    if (LIKELY(nkw == 0 && npos == co_argcount && total_args == co_argcount &&
               !(flags & (CO_VARARGS | CO_VARKEYWORDS)))) {
        for (i = 0; i < npos; i++) {
            lp[i] = Py_NewRef(args[i]);
        }
        return 0;
    }
    PyObject *kwdict = NULL;
    if (flags & CO_VARKEYWORDS) {
        kwdict = PyDict_New();
        if (kwdict == NULL) {
            goto fail;
        }
        lp[total_args + ((flags & CO_VARARGS) ? 1 : 0)] = kwdict;
    }
    Py_ssize_t n = npos < co_argcount ? npos : co_argcount;
    for (i = 0; i < n; i++) {
        lp[i] = Py_NewRef(args[i]);
    }
    if (flags & CO_VARARGS) {
        PyObject *u = _PyTuple_FromArray(args + n, npos - n);
        if (u == NULL) {
            goto fail;
        }
        lp[total_args] = u;
    }
    for (i = 0; i < nkw; i++) {
        PyObject *kw = PyTuple_GET_ITEM(kwnames, i);
        PyObject *val = args[npos + i];
        PyObject *const *varnames = &PyTuple_GET_ITEM(co->co_localsplusnames, 0);
        Py_ssize_t j;
        if (UNLIKELY(!PyUnicode_Check(kw))) {
            _PyErr_Format(tstate, PyExc_TypeError, "%U() keywords must be strings",
                          func->func_qualname);
            goto fail;
        }
        for (j = co->co_posonlyargcount; j < total_args; j++) {
            if (varnames[j] == kw) {
                goto kw_found;
            }
        }
        for (j = co->co_posonlyargcount; j < total_args; j++) {
            if (_PyUnicode_Equal(kw, varnames[j])) {
                goto kw_found;
            }
        }
        if (kwdict == NULL) {
            if (co->co_posonlyargcount &&
                positional_only_passed_as_keyword(tstate, co, kwnames, func->func_qualname)) {
                goto fail;
            }
            _PyErr_Format(tstate, PyExc_TypeError, "%U() got an unexpected keyword argument '%S'",
                          func->func_qualname, kw);
            goto fail;
        }
        if (PyDict_SetItem(kwdict, kw, val) < 0) {
            goto fail;
        }
        continue;
    kw_found:
        if (lp[j] != NULL) {
            _PyErr_Format(tstate, PyExc_TypeError, "%U() got multiple values for argument '%S'",
                          func->func_qualname, kw);
            goto fail;
        }
        lp[j] = Py_NewRef(val);
    }
    if (npos > co_argcount && !(flags & CO_VARARGS)) {
        too_many_positional(tstate, co, npos, func->func_defaults, lp, func->func_qualname);
        goto fail;
    }
    if (npos < co_argcount) {
        PyObject *defaults = func->func_defaults;
        Py_ssize_t defcount = defaults == NULL ? 0 : PyTuple_GET_SIZE(defaults);
        Py_ssize_t m = co_argcount - defcount;
        Py_ssize_t missing = 0;
        for (i = npos; i < m; i++) {
            if (lp[i] == NULL) {
                missing++;
            }
        }
        if (missing) {
            missing_arguments(tstate, co, missing, 0, m, lp, "positional", func->func_qualname);
            goto fail;
        }
        i = n > m ? n - m : 0;
        for (; i < defcount; i++) {
            if (lp[m + i] == NULL) {
                lp[m + i] = Py_NewRef(PyTuple_GET_ITEM(defaults, i));
            }
        }
    }
    if (co->co_kwonlyargcount > 0) {
        Py_ssize_t missing = 0;
        for (i = co_argcount; i < total_args; i++) {
            if (lp[i] != NULL) {
                continue;
            }
            if (func->func_kwdefaults != NULL) {
                PyObject *def;
                int r = PyDict_GetItemRef(func->func_kwdefaults,
                                          PyTuple_GET_ITEM(co->co_localsplusnames, i), &def);
                if (r < 0) {
                    goto fail;
                }
                if (r > 0) {
                    lp[i] = def;
                    continue;
                }
            }
            missing++;
        }
        if (missing) {
            missing_arguments(tstate, co, missing, co_argcount, total_args, lp, "keyword-only",
                              func->func_qualname);
            goto fail;
        }
    }
    return 0;

fail:
    for (i = 0; i < co->co_nlocalsplus; i++) {
        Py_CLEAR(lp[i]);
    }
    return -1;
}

PyObject *
_PyEval_Vector(PyThreadState *tstate, PyFunctionObject *func, PyObject *locals,
               PyObject *const *args, size_t argcount, PyObject *kwnames)
{
    PyCodeObject *co = (PyCodeObject *)func->func_code;
    Py_ssize_t nargs = (Py_ssize_t)argcount + (kwnames ? PyTuple_GET_SIZE(kwnames) : 0);
    if (co->co_flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR)) {
        _PyInterpreterFrame *gframe;
        PyGenObject *gen = _PyGen_NewForFunction(func, co, &gframe);
        if (gen == NULL) {
            return NULL;
        }
        if (_PyEval_BindArgs(tstate, gframe, func, args, nargs, kwnames) < 0) {
            Py_DECREF(gen);
            return NULL;
        }
        return (PyObject *)gen;
    }
    _PyInterpreterFrame *frame = _PyThreadState_PushFrame(tstate, _PyFrame_Size(co));
    if (frame == NULL) {
        return NULL;
    }
    _PyFrame_Init(frame, co, (PyObject *)func, func->func_globals, func->func_builtins, locals,
                  FRAME_OWNED_BY_THREAD);
    if (_PyEval_BindArgs(tstate, frame, func, args, nargs, kwnames) < 0) {
        _PyEval_ClearThreadFrame(tstate, frame);
        return NULL;
    }
    return _PyEval_EvalFrame(tstate, frame, 0);
}

PyObject *
PyEval_EvalCode(PyObject *code, PyObject *globals, PyObject *locals)
{
    PyThreadState *tstate = _PyThreadState_GET();
    if (code == NULL || !PyCode_Check(code)) {
        PyErr_SetString(PyExc_SystemError, "PyEval_EvalCode: expected a code object");
        return NULL;
    }
    if (globals == NULL || !PyDict_Check(globals)) {
        PyErr_SetString(PyExc_SystemError, "globals must be a dict");
        return NULL;
    }
    if (locals == NULL) {
        locals = globals;
    }
    PyCodeObject *co = (PyCodeObject *)code;
    int r = PyDict_Contains(globals, _Py_ID_STR(__builtins__));
    if (r < 0) {
        return NULL;
    }
    if (r == 0 && tstate->interp->builtins != NULL) {
        if (PyDict_SetItem(globals, _Py_ID_STR(__builtins__), tstate->interp->builtins) < 0) {
            return NULL;
        }
    }
    PyObject *builtins = _PyEval_BuiltinsFromGlobals(tstate, globals);
    if (builtins == NULL) {
        return NULL;
    }
    if (co->co_nfreevars > 0) {
        Py_DECREF(builtins);
        PyErr_SetString(PyExc_TypeError,
                        "code object passed to exec() may not contain free variables");
        return NULL;
    }
    _PyInterpreterFrame *frame = _PyThreadState_PushFrame(tstate, _PyFrame_Size(co));
    if (frame == NULL) {
        Py_DECREF(builtins);
        return NULL;
    }
    Py_INCREF(globals);
    _PyFrame_Init(frame, co, NULL, globals, builtins, locals, FRAME_OWNED_BY_THREAD);
    PyObject *res = _PyEval_EvalFrame(tstate, frame, 0);
    Py_DECREF(globals);
    Py_DECREF(builtins);
    return res;
}

PyObject *
PyEval_EvalCodeEx(PyObject *code, PyObject *globals, PyObject *locals,
                  PyObject *const *args, int argcount, PyObject *const *kws, int kwcount,
                  PyObject *const *defs, int defcount, PyObject *kwdefs, PyObject *closure)
{
    PyThreadState *tstate = _PyThreadState_GET();
    if (code == NULL || !PyCode_Check(code) || globals == NULL || !PyDict_Check(globals)) {
        PyErr_SetString(PyExc_SystemError, "PyEval_EvalCodeEx: bad code or globals");
        return NULL;
    }
    PyFunctionObject *func = (PyFunctionObject *)PyFunction_New(code, globals);
    if (func == NULL) {
        return NULL;
    }
    PyObject *res = NULL, *kwnames = NULL, **stack = NULL;
    if (defcount > 0) {
        func->func_defaults = _PyTuple_FromArray(defs, defcount);
        if (func->func_defaults == NULL) {
            goto done;
        }
    }
    if (kwdefs != NULL && kwdefs != Py_None) {
        func->func_kwdefaults = Py_NewRef(kwdefs);
    }
    if (closure != NULL && closure != Py_None) {
        func->func_closure = Py_NewRef(closure);
    }
    stack = PyMem_Malloc(sizeof(PyObject *) * (size_t)(argcount + kwcount + 1));
    if (stack == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    for (int i = 0; i < argcount; i++) {
        stack[i] = args[i];
    }
    if (kwcount > 0) {
        kwnames = PyTuple_New(kwcount);
        if (kwnames == NULL) {
            goto done;
        }
        for (int i = 0; i < kwcount; i++) {
            PyTuple_SET_ITEM(kwnames, i, Py_NewRef(kws[2 * i]));
            stack[argcount + i] = kws[2 * i + 1];
        }
    }
    res = _PyEval_Vector(tstate, func, locals == Py_None ? NULL : locals, stack,
                         (size_t)argcount, kwnames);
done:
    PyMem_Free(stack);
    Py_XDECREF(kwnames);
    Py_DECREF(func);
    return res;
}

/* ---- zero-argument super() ------------------------------------------------ */

int
_PyEval_SuperArgs(PyThreadState *tstate, PyTypeObject **ptype, PyObject **pobj)
{
    _PyInterpreterFrame *f = current_python_frame(tstate);
    if (f == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "super(): no current frame");
        return -1;
    }
    PyCodeObject *co = f->f_code;
    if (co->co_argcount == 0) {
        PyErr_SetString(PyExc_RuntimeError, "super(): no arguments");
        return -1;
    }
    PyObject *obj = f->localsplus[0];
    if (obj != NULL && (co->co_localspluskinds[0] & CO_FAST_CELL) && PyCell_Check(obj)) {
        obj = PyCell_GET(obj);
    }
    if (obj == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "super(): arg[0] deleted");
        return -1;
    }
    for (int i = co->co_nlocalsplus - co->co_nfreevars; i < co->co_nlocalsplus; i++) {
        PyObject *name = PyTuple_GET_ITEM(co->co_localsplusnames, i);
        if (_PyUnicode_EqualToASCIIString(name, "__class__")) {
            PyObject *cell = f->localsplus[i];
            if (cell == NULL || !PyCell_Check(cell)) {
                PyErr_SetString(PyExc_RuntimeError, "super(): bad __class__ cell");
                return -1;
            }
            PyObject *type = PyCell_GET(cell);
            if (type == NULL) {
                PyErr_SetString(PyExc_RuntimeError, "super(): empty __class__ cell");
                return -1;
            }
            if (!PyType_Check(type)) {
                PyErr_Format(PyExc_RuntimeError, "super(): __class__ is not a type (%s)",
                             Py_TYPE(type)->tp_name);
                return -1;
            }
            *ptype = (PyTypeObject *)type;
            *pobj = obj;
            return 0;
        }
    }
    PyErr_SetString(PyExc_RuntimeError, "super(): __class__ cell not found");
    return -1;
}

/* ---- helpers of the loop --------------------------------------------------- */

static PyObject *
power2(PyObject *a, PyObject *b)
{
    return PyNumber_Power(a, b, Py_None);
}

static PyObject *
ipower2(PyObject *a, PyObject *b)
{
    return PyNumber_InPlacePower(a, b, Py_None);
}

static const binaryfunc binop_funcs[2 * _Py_BINOP_NUM_PLAIN] = {
    [_Py_BINOP_ADD] = PyNumber_Add,
    [_Py_BINOP_AND] = PyNumber_And,
    [_Py_BINOP_FLOOR_DIVIDE] = PyNumber_FloorDivide,
    [_Py_BINOP_LSHIFT] = PyNumber_Lshift,
    [_Py_BINOP_MATRIX_MULTIPLY] = PyNumber_MatrixMultiply,
    [_Py_BINOP_MULTIPLY] = PyNumber_Multiply,
    [_Py_BINOP_REMAINDER] = PyNumber_Remainder,
    [_Py_BINOP_OR] = PyNumber_Or,
    [_Py_BINOP_POWER] = power2,
    [_Py_BINOP_RSHIFT] = PyNumber_Rshift,
    [_Py_BINOP_SUBTRACT] = PyNumber_Subtract,
    [_Py_BINOP_TRUE_DIVIDE] = PyNumber_TrueDivide,
    [_Py_BINOP_XOR] = PyNumber_Xor,
    [_Py_BINOP_INPLACE(_Py_BINOP_ADD)] = PyNumber_InPlaceAdd,
    [_Py_BINOP_INPLACE(_Py_BINOP_AND)] = PyNumber_InPlaceAnd,
    [_Py_BINOP_INPLACE(_Py_BINOP_FLOOR_DIVIDE)] = PyNumber_InPlaceFloorDivide,
    [_Py_BINOP_INPLACE(_Py_BINOP_LSHIFT)] = PyNumber_InPlaceLshift,
    [_Py_BINOP_INPLACE(_Py_BINOP_MATRIX_MULTIPLY)] = PyNumber_InPlaceMatrixMultiply,
    [_Py_BINOP_INPLACE(_Py_BINOP_MULTIPLY)] = PyNumber_InPlaceMultiply,
    [_Py_BINOP_INPLACE(_Py_BINOP_REMAINDER)] = PyNumber_InPlaceRemainder,
    [_Py_BINOP_INPLACE(_Py_BINOP_OR)] = PyNumber_InPlaceOr,
    [_Py_BINOP_INPLACE(_Py_BINOP_POWER)] = ipower2,
    [_Py_BINOP_INPLACE(_Py_BINOP_RSHIFT)] = PyNumber_InPlaceRshift,
    [_Py_BINOP_INPLACE(_Py_BINOP_SUBTRACT)] = PyNumber_InPlaceSubtract,
    [_Py_BINOP_INPLACE(_Py_BINOP_TRUE_DIVIDE)] = PyNumber_InPlaceTrueDivide,
    [_Py_BINOP_INPLACE(_Py_BINOP_XOR)] = PyNumber_InPlaceXor,
};

/* Small-int arithmetic without leaving C longs; NULL: take the slow path. */
static inline PyObject *
int_binop_fast(int op, PyObject *l, PyObject *r)
{
    Py_ssize_t a = _PyLong_CompactValue((PyLongObject *)l);
    Py_ssize_t b = _PyLong_CompactValue((PyLongObject *)r);
    switch (op) {
    case _Py_BINOP_ADD:
    case _Py_BINOP_INPLACE(_Py_BINOP_ADD):
        return PyLong_FromSsize_t(a + b);
    case _Py_BINOP_SUBTRACT:
    case _Py_BINOP_INPLACE(_Py_BINOP_SUBTRACT):
        return PyLong_FromSsize_t(a - b);
    case _Py_BINOP_MULTIPLY:
    case _Py_BINOP_INPLACE(_Py_BINOP_MULTIPLY):
        return PyLong_FromLongLong((long long)a * (long long)b);
    case _Py_BINOP_FLOOR_DIVIDE:
    case _Py_BINOP_INPLACE(_Py_BINOP_FLOOR_DIVIDE):
        if (b == 0) {
            return NULL;
        }
        {
            Py_ssize_t q = a / b;
            if ((a % b != 0) && ((a < 0) != (b < 0))) {
                q--;
            }
            return PyLong_FromSsize_t(q);
        }
    case _Py_BINOP_REMAINDER:
    case _Py_BINOP_INPLACE(_Py_BINOP_REMAINDER):
        if (b == 0) {
            return NULL;
        }
        {
            Py_ssize_t m = a % b;
            if (m != 0 && ((m < 0) != (b < 0))) {
                m += b;
            }
            return PyLong_FromSsize_t(m);
        }
    case _Py_BINOP_AND:
    case _Py_BINOP_INPLACE(_Py_BINOP_AND):
        return PyLong_FromSsize_t(a & b);
    case _Py_BINOP_OR:
    case _Py_BINOP_INPLACE(_Py_BINOP_OR):
        return PyLong_FromSsize_t(a | b);
    case _Py_BINOP_XOR:
    case _Py_BINOP_INPLACE(_Py_BINOP_XOR):
        return PyLong_FromSsize_t(a ^ b);
    default:
        return NULL;
    }
}

static inline PyObject *
float_binop_fast(int op, double a, double b)
{
    switch (op) {
    case _Py_BINOP_ADD:
    case _Py_BINOP_INPLACE(_Py_BINOP_ADD):
        return PyFloat_FromDouble(a + b);
    case _Py_BINOP_SUBTRACT:
    case _Py_BINOP_INPLACE(_Py_BINOP_SUBTRACT):
        return PyFloat_FromDouble(a - b);
    case _Py_BINOP_MULTIPLY:
    case _Py_BINOP_INPLACE(_Py_BINOP_MULTIPLY):
        return PyFloat_FromDouble(a * b);
    case _Py_BINOP_TRUE_DIVIDE:
    case _Py_BINOP_INPLACE(_Py_BINOP_TRUE_DIVIDE):
        if (b == 0.0) {
            return NULL;
        }
        return PyFloat_FromDouble(a / b);
    default:
        return NULL;
    }
}

static inline int
compare_values(Py_ssize_t c, int op)
{
    switch (op) {
    case Py_LT: return c < 0;
    case Py_LE: return c <= 0;
    case Py_EQ: return c == 0;
    case Py_NE: return c != 0;
    case Py_GT: return c > 0;
    default: return c >= 0;
    }
}

static void
format_unbound_error(PyThreadState *tstate, PyCodeObject *co, int oparg)
{
    PyObject *name = PyTuple_GET_ITEM(co->co_localsplusnames, oparg);
    if (co->co_localspluskinds[oparg] & CO_FAST_FREE) {
        _PyErr_Format(tstate, PyExc_NameError,
                      "cannot access free variable '%U' where it is not associated with a "
                      "value in enclosing scope", name);
    }
    else {
        _PyErr_Format(tstate, PyExc_UnboundLocalError,
                      "cannot access local variable '%U' where it is not associated with a value",
                      name);
    }
}

static void
format_name_error(PyThreadState *tstate, PyObject *name)
{
    _PyErr_Format(tstate, PyExc_NameError, "name '%.200U' is not defined", name);
    PyObject *exc = tstate->current_exception;
    if (exc != NULL && PyErr_GivenExceptionMatches(exc, PyExc_NameError)) {
        if (PyObject_SetAttr(exc, _Py_ID_STR(name), name) < 0) {
            PyErr_Clear();
            _PyErr_SetRaisedException(tstate, exc);
        }
    }
}

/* Dict-or-mapping lookup: 1 found (*res new ref), 0 missing, -1 error. */
static inline int
mapping_lookup(PyObject *mapping, PyObject *key, PyObject **res)
{
    if (LIKELY(PyDict_CheckExact(mapping))) {
        return PyDict_GetItemRef(mapping, key, res);
    }
    return PyMapping_GetOptionalItem(mapping, key, res);
}

/* LOAD_GLOBAL when its cache entry did not answer: the ordinary lookup,
 * refilling the entry (pycore_cache.h) when both namespaces are exact
 * dicts.  A new reference, or NULL with an exception. */
static PyObject *
load_global_miss(PyThreadState *tstate, _PyInterpreterFrame *frame, PyCodeObject *co,
                 PyObject *name, Py_ssize_t index)
{
    PyObject *globals = frame->f_globals, *builtins = frame->f_builtins, *v;
    _PyInstrCache *cache = NULL;
    if (PyDict_CheckExact(globals) && PyDict_CheckExact(builtins) &&
        PyUnicode_CheckExact(name)) {
        cache = _PyCode_GetOrCreateCache(co);
    }
    if (cache != NULL) {
        _PyInstrCache *ce = &cache[index];
        uint64_t gword, bword;
        int r = _PyDict_LookupForCache(globals, name, &gword, &v);
        if (r < 0) {
            return NULL;
        }
        if (r == 0) {
            r = _PyDict_LookupForCache(builtins, name, &bword, &v);
            if (r <= 0) {
                if (r == 0) {
                    format_name_error(tstate, name);
                }
                return NULL;
            }
            _Py_atomic_store_uint64_relaxed(&ce->global.builtins, bword);
        }
        _Py_atomic_store_uint64_relaxed(&ce->global.globals, gword);
        return v;
    }
    int r = PyDict_GetItemRef(globals, name, &v);
    if (r == 0) {
        r = mapping_lookup(builtins, name, &v);
        if (r == 0) {
            format_name_error(tstate, name);
        }
    }
    return r > 0 ? v : NULL;
}

/* ---- attribute caches (pycore_cache.h; filled by Python/specialize.c) ----
 * Each returns 0 when the entry does not answer (the caller takes the
 * generic path, which refills it) or 1 when it did; an error is 1 with
 * *res NULL (stores: -1 in *err). */

static inline PyObject *
instance_dict(PyObject *owner, PyTypeObject *tp)
{
    return _Py_atomic_load_ptr_acquire((char *)owner + tp->tp_dictoffset);
}

/* shadowed_by_instance's lookup, out of line: rarely reached. */
static _Py_NO_INLINE int
shadow_lookup(PyObject *dict, PyObject *name, PyObject **res)
{
    uint32_t hint = 0;
    int r = _PyDict_GetAttrHint(dict, name, &hint, res);
    if (r < 0) {
        *res = NULL;
    }
    return r != 0;
}

/* The value of a class attribute that an instance dict may shadow: 1 with
 * *res (new reference or NULL on error) when the dict has the name. */
static inline _Py_ALWAYS_INLINE int
shadowed_by_instance(PyObject *owner, PyTypeObject *tp, PyObject *name, PyObject **res)
{
    if (tp->tp_dictoffset == 0) {
        return 0;
    }
    PyObject *dict = instance_dict(owner, tp);
    if (dict == NULL) {
        return 0;
    }
    /* Usually the dict holds no key with the name's hash: no probe. */
    if (LIKELY(PyUnicode_CheckExact(name))) {
        Py_hash_t hash = _Py_atomic_load_ssize_relaxed(&((PyUnicodeObject *)name)->hash);
        if (hash != -1 && _PyDict_SurelyLacks(dict, hash)) {
            return 0;
        }
    }
    return shadow_lookup(dict, name, res);
}

static inline int
load_attr_cached(_PyInstrCache *ce, PyObject *owner, PyObject *name, PyObject **res)
{
    PyTypeObject *tp = Py_TYPE(owner);
    _PyAttrCacheView e;
    if (!_PyAttrCache_Read(ce, tp, &e)) {
        return 0;
    }
    switch (e.kind) {
    case _PyAttr_INSTANCE_DICT: {
        PyObject *dict = instance_dict(owner, tp);
        if (dict == NULL) {
            return 0;
        }
        int r = _PyDict_GetAttrHint(dict, name, &e.index, res);
        if (r < 0) {
            *res = NULL;
        }
        return r != 0;  /* missing: the generic path raises */
    }
    case _PyAttr_SLOT: {
        PyObject **addr = (PyObject **)((char *)owner + e.index);
        PyObject *v;
#ifdef Py_GIL_DISABLED
        /* The owning thread reads a Python class's slot without the lock:
         * every writer of those slots (store_attr_cached, PyMember_SetOne)
         * releases a replaced value through QSBR when it is not the owner
         * (_PyObject_ReleaseSlotValue), so the value loaded is alive until
         * this thread's next quiescent state.  Members of C types may have
         * other writers: they keep the lock. */
        if (_Py_IsOwnedByCurrentThread(owner) &&
            (PyDescr_TYPE(e.descr)->tp_flags & Py_TPFLAGS_HEAPTYPE)) {
            /* Acquire: pairs with the writer's release store, so the
             * new value's header is visible before we count it. */
            v = _Py_atomic_load_ptr_acquire(addr);
            Py_XINCREF(v);
        }
        else
#endif
        {
            Py_BEGIN_CRITICAL_SECTION(owner);
            v = Py_XNewRef(*addr);
            Py_END_CRITICAL_SECTION();
        }
        if (v == NULL) {
            return 0;  /* unset: the generic path raises */
        }
        *res = v;
        return 1;
    }
    case _PyAttr_DATA_DESCR:
        /* The descriptor stays counted while its getter runs (which may
         * delete it from the class). */
        Py_INCREF(e.descr);
        *res = Py_TYPE(e.descr)->tp_descr_get(e.descr, owner, (PyObject *)tp);
        Py_DECREF(e.descr);
        return 1;
    case _PyAttr_METHOD:
    case _PyAttr_NONDATA_DESCR:
        if (shadowed_by_instance(owner, tp, name, res)) {
            return 1;
        }
        Py_INCREF(e.descr);
        *res = Py_TYPE(e.descr)->tp_descr_get(e.descr, owner, (PyObject *)tp);
        Py_DECREF(e.descr);
        return 1;
    case _PyAttr_CLASS_VALUE:
        if (shadowed_by_instance(owner, tp, name, res)) {
            return 1;
        }
        *res = Py_NewRef(e.descr);
        return 1;
    default:
        return 0;
    }
}

/* LOAD_METHOD: 2 with *res the unbound method (call with owner first),
 * 1 with *res the attribute (or NULL on error), 0 not answered. */
static inline _Py_ALWAYS_INLINE int
load_method_cached(_PyInstrCache *ce, PyObject *owner, PyObject *name, PyObject **res)
{
    PyTypeObject *tp = Py_TYPE(owner);
    _PyAttrCacheView e;
    if (!_PyAttrCache_Read(ce, tp, &e)) {
        return 0;
    }
    if (e.kind == _PyAttr_METHOD) {
        if (shadowed_by_instance(owner, tp, name, res)) {
            return 1;
        }
        *res = Py_NewRef(e.descr);
        return 2;
    }
    return load_attr_cached(ce, owner, name, res);
}

/* STORE_ATTR: 1 done (*err 0 or -1), 0 not answered. */
static inline _Py_ALWAYS_INLINE int
store_attr_cached(_PyInstrCache *ce, PyObject *owner, PyObject *name, PyObject *v, int *err)
{
    PyTypeObject *tp = Py_TYPE(owner);
    _PyAttrCacheView e;
    if (!_PyAttrCache_Read(ce, tp, &e)) {
        return 0;
    }
    if (e.kind == _PyAttr_INSTANCE_DICT) {
        PyObject *dict = instance_dict(owner, tp);
        if (dict == NULL) {
            return 0;  /* the generic path creates it */
        }
        if (_PyDict_ReplaceAttrHint(dict, name, e.index, v)) {
            *err = 0;
            return 1;
        }
        /* A new key, or the hint is stale.  The insert may run Python code
         * (__eq__ of a colliding key) that replaces owner.__dict__. */
        Py_INCREF(dict);
        *err = PyDict_SetItem(dict, name, v);
        Py_DECREF(dict);
        return 1;
    }
    if (e.kind == _PyAttr_SLOT) {
        PyObject **addr = (PyObject **)((char *)owner + e.index);
        PyObject *old;
#ifdef Py_GIL_DISABLED
        /* The only thread state: the swap needs no lock (a sole step is
         * cheaper than even an elided critical section). */
        PyThreadState *ts = _PyThreadState_GET();
        if (_PyCriticalSection_BeginSoleStep(ts)) {
            old = *addr;
            _Py_atomic_store_ptr_release(addr, Py_NewRef(v));
            _PyCriticalSection_EndSoleStep(ts);
            _PyObject_ReleaseSlotValue(owner, old);
            *err = 0;
            return 1;
        }
#endif
        Py_BEGIN_CRITICAL_SECTION(owner);
        old = *addr;
        _Py_atomic_store_ptr_release(addr, Py_NewRef(v));
        Py_END_CRITICAL_SECTION();
        _PyObject_ReleaseSlotValue(owner, old);
        *err = 0;
        return 1;
    }
    if (e.kind == _PyAttr_DATA_DESCR) {
        Py_INCREF(e.descr);
        *err = Py_TYPE(e.descr)->tp_descr_set(e.descr, owner, v);
        Py_DECREF(e.descr);
        return 1;
    }
    return 0;
}

/* The attribute instructions' whole work (cache first, then the generic
 * path, which fills the cache): shared by LOAD_ATTR / STORE_ATTR and
 * their LOAD_FAST prefixed forms.  `index` is the instruction's, which
 * owns the cache entry. */
static inline PyObject *
load_attr_op(PyCodeObject *co, Py_ssize_t index, PyObject *owner, PyObject *name)
{
    PyObject *res;
    _PyInstrCache *cache = _Py_atomic_load_ptr_acquire(&co->co_cache);
    if (LIKELY(cache != NULL) && load_attr_cached(&cache[index], owner, name, &res)) {
        return res;
    }
    res = PyObject_GetAttr(owner, name);
    if (res == NULL) {
        return NULL;
    }
    cache = _PyCode_GetOrCreateCache(co);
    if (cache != NULL) {
        _PyAttrCache_Fill(&cache[index], owner, name, _PyAttr_OP_LOAD);
    }
    return res;
}

static inline int
store_attr_op(PyCodeObject *co, Py_ssize_t index, PyObject *owner, PyObject *name, PyObject *v)
{
    int err;
    _PyInstrCache *cache = _Py_atomic_load_ptr_acquire(&co->co_cache);
    if (LIKELY(cache != NULL) && store_attr_cached(&cache[index], owner, name, v, &err)) {
        return err;
    }
    err = PyObject_SetAttr(owner, name, v);
    if (err == 0) {
        cache = _PyCode_GetOrCreateCache(co);
        if (cache != NULL) {
            _PyAttrCache_Fill(&cache[index], owner, name, _PyAttr_OP_STORE);
        }
    }
    return err;
}

/* lhs <op> rhs (BINARY_OP's argument) for compact ints and floats, which
 * runs no Python code: a new reference, or NULL when it does not apply (or
 * memory ran out: then an exception is set). */
static inline _Py_ALWAYS_INLINE PyObject *
binary_op_fast(int oparg, PyObject *lhs, PyObject *rhs)
{
    PyObject *res;
    if (PyLong_CheckExact(lhs) && PyLong_CheckExact(rhs) &&
        _PyLong_IsCompact((PyLongObject *)lhs) && _PyLong_IsCompact((PyLongObject *)rhs)) {
        res = int_binop_fast(oparg, lhs, rhs);
        if (res != NULL) {
            return res;
        }
    }
    else if (PyFloat_CheckExact(lhs)) {
        if (PyFloat_CheckExact(rhs)) {
            res = float_binop_fast(oparg, PyFloat_AS_DOUBLE(lhs), PyFloat_AS_DOUBLE(rhs));
            if (res != NULL) {
                return res;
            }
        }
        else if (PyLong_CheckExact(rhs) && _PyLong_IsCompact((PyLongObject *)rhs)) {
            res = float_binop_fast(oparg, PyFloat_AS_DOUBLE(lhs),
                                   (double)_PyLong_CompactValue((PyLongObject *)rhs));
            if (res != NULL) {
                return res;
            }
        }
    }
    else if (PyFloat_CheckExact(rhs) && PyLong_CheckExact(lhs) &&
             _PyLong_IsCompact((PyLongObject *)lhs)) {
        res = float_binop_fast(oparg, (double)_PyLong_CompactValue((PyLongObject *)lhs),
                               PyFloat_AS_DOUBLE(rhs));
        if (res != NULL) {
            return res;
        }
    }
    return NULL;
}

/* lhs <op> rhs, any operands: a new reference, or NULL with an exception
 * set. */
static inline _Py_ALWAYS_INLINE PyObject *
binary_op_value(PyThreadState *tstate, int oparg, PyObject *lhs, PyObject *rhs)
{
    PyObject *res = binary_op_fast(oparg, lhs, rhs);
    if (res != NULL) {
        return res;
    }
    if (UNLIKELY((unsigned)oparg >= 2 * _Py_BINOP_NUM_PLAIN)) {
        _PyErr_SetString(tstate, PyExc_SystemError, "bad BINARY_OP argument");
        return NULL;
    }
    return binop_funcs[oparg](lhs, rhs);
}

/* lhs <op> rhs (COMPARE_OP's argument) with the fast paths for compact
 * ints, floats and str equality: a new reference, or NULL with an
 * exception set. */
static inline _Py_ALWAYS_INLINE PyObject *
compare_op_value(int oparg, PyObject *lhs, PyObject *rhs)
{
    PyObject *res;
    if (PyLong_CheckExact(lhs) && PyLong_CheckExact(rhs) &&
        _PyLong_IsCompact((PyLongObject *)lhs) && _PyLong_IsCompact((PyLongObject *)rhs)) {
        Py_ssize_t a = _PyLong_CompactValue((PyLongObject *)lhs);
        Py_ssize_t b = _PyLong_CompactValue((PyLongObject *)rhs);
        res = compare_values((a > b) - (a < b), oparg) ? Py_True : Py_False;
    }
    else if (PyFloat_CheckExact(lhs) && PyFloat_CheckExact(rhs)) {
        double a = PyFloat_AS_DOUBLE(lhs), b = PyFloat_AS_DOUBLE(rhs);
        int r;
        switch (oparg) {
        case Py_LT: r = a < b; break;
        case Py_LE: r = a <= b; break;
        case Py_EQ: r = a == b; break;
        case Py_NE: r = a != b; break;
        case Py_GT: r = a > b; break;
        default: r = a >= b; break;
        }
        res = r ? Py_True : Py_False;
    }
    else if ((oparg == Py_EQ || oparg == Py_NE) && PyUnicode_CheckExact(lhs) &&
             PyUnicode_CheckExact(rhs)) {
        int eq = _PyUnicode_Equal(lhs, rhs);
        res = (eq == (oparg == Py_EQ)) ? Py_True : Py_False;
    }
    else {
        return PyObject_RichCompare(lhs, rhs, oparg);
    }
    return Py_NewRef(res);
}

/* container[sub] = v with the fast paths for dicts and lists: 0, or -1
 * with an exception set. */
static inline int
store_subscr_op(PyObject *container, PyObject *sub, PyObject *v)
{
    if (PyDict_CheckExact(container)) {
        return PyDict_SetItem(container, sub, v);
    }
    if (PyList_CheckExact(container) && PyLong_CheckExact(sub) &&
        _PyLong_IsCompact((PyLongObject *)sub)) {
        return _PyList_StoreIndex(container, _PyLong_CompactValue((PyLongObject *)sub), v);
    }
    return PyObject_SetItem(container, sub, v);
}

/* container[i] for an exact list or tuple, without a reference (see
 * _PyList_BorrowItem for how long it stays valid), or NULL. */
static inline PyObject *
subscr_borrow(PyObject *container, Py_ssize_t i)
{
    if (PyList_CheckExact(container)) {
        return _PyList_BorrowItem(container, i);
    }
    if (PyTuple_CheckExact(container)) {
        Py_ssize_t n = PyTuple_GET_SIZE(container);
        if (i < 0) {
            i += n;
        }
        return (size_t)i < (size_t)n ? PyTuple_GET_ITEM(container, i) : NULL;
    }
    return NULL;
}

/* container[sub] when it takes no lock, runs no Python code and raises
 * nothing (so `sub` may be borrowed): a new reference, or NULL (no
 * exception) when it cannot be had that way. */
static inline PyObject *
subscr_quiet(PyObject *container, PyObject *sub)
{
    if (PyDict_CheckExact(container)) {
        PyObject *res;
        if (PyUnicode_CheckExact(sub) && _PyDict_GetStrItemQuiet(container, sub, &res) > 0) {
            return res;
        }
        return NULL;
    }
    if (PyLong_CheckExact(sub) && _PyLong_IsCompact((PyLongObject *)sub)) {
        PyObject *res = subscr_borrow(container, _PyLong_CompactValue((PyLongObject *)sub));
        return res != NULL ? Py_NewRef(res) : NULL;
    }
    return NULL;
}

/* The instruction `consumer` (BINARY_SUBSCR or BINARY_OP) on `first` and
 * a borrowed `item`, if it needs no Python code, no lock and no exception:
 * a new reference, or NULL (with an exception only if memory ran out). */
static inline _Py_ALWAYS_INLINE PyObject *
consume_item_quiet(_Py_CODEUNIT consumer, PyObject *first, PyObject *item)
{
    if (_Py_OPCODE(consumer) == BINARY_SUBSCR) {
        return subscr_quiet(first, item);
    }
    return binary_op_fast(_Py_OPARG(consumer), first, item);
}

/* container[sub] beyond an int index into a list or tuple: dicts, then the
 * generic path.  Out of line: the eval loop inlines only the index case. */
static _Py_NO_INLINE PyObject *
binary_subscr_slow(PyThreadState *tstate, PyObject *container, PyObject *sub)
{
    (void)tstate;
    if (PyDict_CheckExact(container)) {
        PyObject *res;
        int r = PyDict_GetItemRef(container, sub, &res);
        if (r < 0) {
            return NULL;
        }
        if (r == 0) {
            _PyErr_SetKeyError(sub);
            return NULL;
        }
        return res;
    }
    return PyObject_GetItem(container, sub);
}

/* container[sub] with the fast paths for lists, tuples and dicts: a new
 * reference, or NULL with an exception set.  A list item is read as the
 * fused reads do (_PyList_BorrowItem: without the lock for our own lists
 * and shared ones) and then counted; anything else, an index out of range
 * included, takes the slow path. */
static inline _Py_ALWAYS_INLINE PyObject *
binary_subscr_op(PyThreadState *tstate, PyObject *container, PyObject *sub)
{
    if (PyLong_CheckExact(sub) && _PyLong_IsCompact((PyLongObject *)sub)) {
        PyObject *res = subscr_borrow(container, _PyLong_CompactValue((PyLongObject *)sub));
        if (res != NULL) {
            return Py_NewRef(res);
        }
    }
    return binary_subscr_slow(tstate, container, sub);
}


static PyObject *
function_str(PyObject *func)
{
    PyObject *qualname = NULL, *module = NULL, *res = NULL;
    if (PyObject_GetOptionalAttr(func, _Py_ID_STR(__qualname__), &qualname) <= 0) {
        PyErr_Clear();
        return PyObject_Str(func);
    }
    if (PyObject_GetOptionalAttr(func, _Py_ID_STR(__module__), &module) < 0) {
        PyErr_Clear();
    }
    if (module != NULL && module != Py_None && PyUnicode_Check(module) &&
        !_PyUnicode_EqualToASCIIString(module, "builtins")) {
        res = PyUnicode_FromFormat("%U.%U()", module, qualname);
    }
    else {
        res = PyUnicode_FromFormat("%U()", qualname);
    }
    Py_XDECREF(module);
    Py_DECREF(qualname);
    return res;
}

/* The compiler builds f(*x) as BUILD_LIST 0; <x>; LIST_EXTEND 1;
 * LIST_TO_TUPLE; CALL_FUNCTION_EX: true when the failing LIST_EXTEND (just
 * before next_instr) is that sole starred argument. */
static int
is_sole_star_arg(_Py_CODEUNIT *first_instr, _Py_CODEUNIT *next_instr, PyObject *list)
{
    if (PyList_GET_SIZE(list) != 0 || _Py_OPCODE(next_instr[0]) != LIST_TO_TUPLE ||
        _Py_OPCODE(next_instr[1]) != CALL_FUNCTION_EX) {
        return 0;
    }
    for (_Py_CODEUNIT *p = next_instr - 2; p >= first_instr; p--) {
        int op = _Py_OPCODE(*p);
        if (op == BUILD_LIST && _Py_OPARG(*p) == 0) {
            return 1;
        }
        if ((op == LIST_EXTEND || op == LIST_APPEND) && _Py_OPARG(*p) == 1) {
            return 0;
        }
    }
    return 0;
}

static void
format_kwargs_error(PyThreadState *tstate, PyObject *func, PyObject *kwargs)
{
    PyObject *exc = _PyErr_GetRaisedException(tstate);
    if (exc != NULL && PyErr_GivenExceptionMatches(exc, PyExc_AttributeError) &&
        !PyDict_Check(kwargs) && !PyObject_HasAttrString(kwargs, "keys")) {
        Py_DECREF(exc);
        PyObject *fs = function_str(func);
        if (fs != NULL) {
            _PyErr_Format(tstate, PyExc_TypeError,
                          "%U argument after ** must be a mapping, not %.200s", fs,
                          Py_TYPE(kwargs)->tp_name);
            Py_DECREF(fs);
        }
        return;
    }
    if (exc != NULL && PyErr_GivenExceptionMatches(exc, PyExc_KeyError)) {
        PyObject *args = PyException_GetArgs(exc);
        if (args != NULL && PyTuple_Check(args) && PyTuple_GET_SIZE(args) == 1) {
            PyObject *key = PyTuple_GET_ITEM(args, 0);
            if (!PyUnicode_Check(key)) {
                PyObject *fs = function_str(func);
                if (fs != NULL) {
                    _PyErr_Format(tstate, PyExc_TypeError, "%U keywords must be strings", fs);
                    Py_DECREF(fs);
                }
            }
            else {
                PyObject *fs = function_str(func);
                if (fs != NULL) {
                    _PyErr_Format(tstate, PyExc_TypeError,
                                  "%U got multiple values for keyword argument '%S'", fs, key);
                    Py_DECREF(fs);
                }
            }
            Py_DECREF(args);
            Py_DECREF(exc);
            return;
        }
        Py_XDECREF(args);
    }
    _PyErr_SetRaisedException(tstate, exc);
}

/* dict.update(other) for f(**other), with CPython's duplicate detection. */
static int
dict_merge_for_call(PyThreadState *tstate, PyObject *dict, PyObject *other)
{
    PyObject *keys = NULL, *it = NULL, *key;
    if (PyDict_Check(other)) {
        keys = PyDict_Keys(other);
    }
    else {
        keys = PyMapping_Keys(other);
    }
    if (keys == NULL) {
        return -1;
    }
    it = PyObject_GetIter(keys);
    Py_DECREF(keys);
    if (it == NULL) {
        return -1;
    }
    while ((key = PyIter_Next(it)) != NULL) {
        int r = PyDict_Contains(dict, key);
        if (r != 0) {
            if (r > 0) {
                _PyErr_SetKeyError(key);
            }
            Py_DECREF(key);
            Py_DECREF(it);
            return -1;
        }
        PyObject *v = PyObject_GetItem(other, key);
        if (v == NULL || PyDict_SetItem(dict, key, v) < 0) {
            Py_XDECREF(v);
            Py_DECREF(key);
            Py_DECREF(it);
            return -1;
        }
        Py_DECREF(v);
        Py_DECREF(key);
    }
    Py_DECREF(it);
    return PyErr_Occurred() ? -1 : 0;
}

/* Unpack `v` into exactly argcnt items (argcntafter < 0) or argcnt items,
 * a list and argcntafter items, storing them downwards from sp. */
static int
unpack_iterable(PyThreadState *tstate, PyObject *v, int argcnt, int argcntafter, PyObject **sp)
{
    int i = 0, j = 0;
    Py_ssize_t ll = 0;
    PyObject *it = PyObject_GetIter(v);
    PyObject *w;
    if (it == NULL) {
        if (_PyErr_ExceptionMatches(tstate, PyExc_TypeError) &&
            Py_TYPE(v)->tp_iter == NULL && !PySequence_Check(v)) {
            _PyErr_Clear(tstate);
            _PyErr_Format(tstate, PyExc_TypeError, "cannot unpack non-iterable %.200s object",
                          Py_TYPE(v)->tp_name);
        }
        return 0;
    }
    for (; i < argcnt; i++) {
        w = PyIter_Next(it);
        if (w == NULL) {
            if (!_PyErr_Occurred(tstate)) {
                if (argcntafter == -1) {
                    _PyErr_Format(tstate, PyExc_ValueError,
                                  "not enough values to unpack (expected %d, got %d)", argcnt, i);
                }
                else {
                    _PyErr_Format(tstate, PyExc_ValueError,
                                  "not enough values to unpack (expected at least %d, got %d)",
                                  argcnt + argcntafter, i);
                }
            }
            goto error;
        }
        *--sp = w;
    }
    if (argcntafter == -1) {
        w = PyIter_Next(it);
        if (w == NULL) {
            if (_PyErr_Occurred(tstate)) {
                goto error;
            }
            Py_DECREF(it);
            return 1;
        }
        Py_DECREF(w);
        _PyErr_Format(tstate, PyExc_ValueError, "too many values to unpack (expected %d)", argcnt);
        goto error;
    }
    PyObject *l = PySequence_List(it);
    if (l == NULL) {
        goto error;
    }
    *--sp = l;
    i++;
    ll = PyList_GET_SIZE(l);
    if (ll < argcntafter) {
        _PyErr_Format(tstate, PyExc_ValueError,
                      "not enough values to unpack (expected at least %d, got %zd)",
                      argcnt + argcntafter, argcnt + ll);
        goto error;
    }
    for (j = argcntafter; j > 0; j--, i++) {
        *--sp = PyList_GET_ITEM(l, ll - j);
    }
    Py_SET_SIZE(l, ll - argcntafter);
    Py_DECREF(it);
    return 1;
error:
    for (; i > 0; i--, sp++) {
        Py_DECREF(*sp);
    }
    Py_XDECREF(it);
    return 0;
}

/* raise / raise exc / raise exc from cause.  Returns 1 when the handled
 * exception is re-raised (no new traceback entry), 0 otherwise. */
static int
do_raise(PyThreadState *tstate, PyObject *exc, PyObject *cause)
{
    PyObject *type = NULL, *value = NULL;
    if (exc == NULL) {
        PyObject *handled = _PyErr_GetTopmostException(tstate);
        if (handled == Py_None || handled == NULL) {
            _PyErr_SetString(tstate, PyExc_RuntimeError, "No active exception to reraise");
            return 0;
        }
        _PyErr_SetRaisedException(tstate, Py_NewRef(handled));
        return 1;
    }
    if (PyExceptionClass_Check(exc)) {
        type = exc;
        value = PyObject_CallNoArgs(exc);
        if (value == NULL) {
            goto raise_error;
        }
        if (!PyExceptionInstance_Check(value)) {
            _PyErr_Format(tstate, PyExc_TypeError,
                          "calling %R should have returned an instance of BaseException, "
                          "not %R", type, Py_TYPE(value));
            goto raise_error;
        }
    }
    else if (PyExceptionInstance_Check(exc)) {
        value = exc;
        type = PyExceptionInstance_Class(exc);
        Py_INCREF(value);
    }
    else {
        _PyErr_SetString(tstate, PyExc_TypeError, "exceptions must derive from BaseException");
        goto raise_error;
    }
    if (cause != NULL) {
        PyObject *fixed_cause;
        if (PyExceptionClass_Check(cause)) {
            fixed_cause = PyObject_CallNoArgs(cause);
            if (fixed_cause == NULL) {
                goto raise_error;
            }
            if (!PyExceptionInstance_Check(fixed_cause)) {
                _PyErr_Format(tstate, PyExc_TypeError,
                              "calling %R should have returned an instance of BaseException, "
                              "not %R", cause, Py_TYPE(fixed_cause));
                Py_DECREF(fixed_cause);
                goto raise_error;
            }
        }
        else if (PyExceptionInstance_Check(cause)) {
            fixed_cause = Py_NewRef(cause);
        }
        else if (cause == Py_None) {
            fixed_cause = NULL;
        }
        else {
            _PyErr_SetString(tstate, PyExc_TypeError,
                             "exception causes must derive from BaseException");
            goto raise_error;
        }
        PyException_SetCause(value, fixed_cause);
    }
    _PyErr_SetObject(tstate, type, value);
    Py_DECREF(value);
    return 0;
raise_error:
    Py_XDECREF(value);
    return 0;
}

static const char cannot_catch_msg[] =
    "catching classes that do not inherit from BaseException is not allowed";

static int
check_except_type_valid(PyThreadState *tstate, PyObject *right)
{
    if (PyTuple_Check(right)) {
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(right); i++) {
            if (!PyExceptionClass_Check(PyTuple_GET_ITEM(right, i))) {
                _PyErr_SetString(tstate, PyExc_TypeError, cannot_catch_msg);
                return -1;
            }
        }
    }
    else if (!PyExceptionClass_Check(right)) {
        _PyErr_SetString(tstate, PyExc_TypeError, cannot_catch_msg);
        return -1;
    }
    return 0;
}

static int
check_except_star_type_valid(PyThreadState *tstate, PyObject *right)
{
    if (check_except_type_valid(tstate, right) < 0) {
        return -1;
    }
    int is_eg;
    if (PyTuple_Check(right)) {
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(right); i++) {
            is_eg = PyObject_IsSubclass(PyTuple_GET_ITEM(right, i), PyExc_BaseExceptionGroup);
            if (is_eg < 0) {
                return -1;
            }
            if (is_eg) {
                goto bad;
            }
        }
        return 0;
    }
    is_eg = PyObject_IsSubclass(right, PyExc_BaseExceptionGroup);
    if (is_eg < 0) {
        return -1;
    }
    if (!is_eg) {
        return 0;
    }
bad:
    _PyErr_SetString(tstate, PyExc_TypeError,
                     "catching ExceptionGroup with except* is not allowed. Use except instead.");
    return -1;
}

/* except*: split `exc_value` by `match_type` into (*match, *rest). */
static int
exception_group_match(PyThreadState *tstate, PyObject *exc_value, PyObject *match_type,
                      PyObject **match, PyObject **rest)
{
    if (exc_value == Py_None) {
        *match = Py_NewRef(Py_None);
        *rest = Py_NewRef(Py_None);
        return 0;
    }
    if (PyErr_GivenExceptionMatches(exc_value, match_type)) {
        /* Full match of exc itself. */
        int is_eg = PyObject_TypeCheck(exc_value, (PyTypeObject *)PyExc_BaseExceptionGroup);
        if (is_eg) {
            *match = Py_NewRef(exc_value);
        }
        else {
            PyObject *excs = PyTuple_Pack(1, exc_value);
            if (excs == NULL) {
                return -1;
            }
            PyObject *wrapped = PyObject_CallFunction(PyExc_BaseExceptionGroup, "(sO)", "", excs);
            Py_DECREF(excs);
            if (wrapped == NULL) {
                return -1;
            }
            PyObject *tb = PyException_GetTraceback(exc_value);
            if (tb != NULL) {
                PyException_SetTraceback(wrapped, tb);
                Py_DECREF(tb);
            }
            *match = wrapped;
        }
        *rest = Py_NewRef(Py_None);
        return 0;
    }
    if (PyObject_TypeCheck(exc_value, (PyTypeObject *)PyExc_BaseExceptionGroup)) {
        PyObject *pair = PyObject_CallMethod(exc_value, "split", "(O)", match_type);
        if (pair == NULL) {
            return -1;
        }
        if (!PyTuple_CheckExact(pair) || PyTuple_GET_SIZE(pair) != 2) {
            _PyErr_Format(tstate, PyExc_TypeError, "%.200s.split must return a 2-tuple, got %.200s",
                          Py_TYPE(exc_value)->tp_name, Py_TYPE(pair)->tp_name);
            Py_DECREF(pair);
            return -1;
        }
        *match = Py_NewRef(PyTuple_GET_ITEM(pair, 0));
        *rest = Py_NewRef(PyTuple_GET_ITEM(pair, 1));
        Py_DECREF(pair);
        return 0;
    }
    /* no match: the exception goes on unhandled */
    *match = Py_NewRef(Py_None);
    *rest = Py_NewRef(exc_value);
    return 0;
}

static PyObject *
import_name(PyThreadState *tstate, _PyInterpreterFrame *frame, PyObject *name,
            PyObject *fromlist, PyObject *level)
{
    PyObject *import_func;
    int r = PyDict_GetItemRef(frame->f_builtins, _Py_ID_STR(__import__), &import_func);
    if (r < 0) {
        return NULL;
    }
    if (r == 0) {
        _PyErr_SetString(tstate, PyExc_ImportError, "__import__ not found");
        return NULL;
    }
    PyObject *locals = frame->f_locals != NULL ? frame->f_locals : Py_None;
    PyObject *args[5] = {name, frame->f_globals, locals, fromlist, level};
    PyObject *res = PyObject_Vectorcall(import_func, args, 5, NULL);
    Py_DECREF(import_func);
    return res;
}

static PyObject *
import_from(PyThreadState *tstate, PyObject *v, PyObject *name)
{
    PyObject *x;
    if (PyObject_GetOptionalAttr(v, name, &x) != 0) {
        return x;
    }
    /* A submodule being imported circularly: look in sys.modules. */
    PyObject *pkgname = NULL, *fullmodname = NULL, *pkgpath = NULL, *errmsg = NULL;
    if (PyObject_GetOptionalAttr(v, _Py_ID_STR(__name__), &pkgname) < 0) {
        return NULL;
    }
    if (pkgname != NULL && PyUnicode_Check(pkgname)) {
        fullmodname = PyUnicode_FromFormat("%U.%U", pkgname, name);
        if (fullmodname == NULL) {
            Py_DECREF(pkgname);
            return NULL;
        }
        PyObject *modules = tstate->interp->modules;
        if (modules != NULL) {
            int r = mapping_lookup(modules, fullmodname, &x);
            if (r != 0) {
                Py_DECREF(fullmodname);
                Py_DECREF(pkgname);
                return r < 0 ? NULL : x;
            }
        }
        Py_DECREF(fullmodname);
    }
    if (pkgname == NULL || !PyUnicode_Check(pkgname)) {
        Py_XSETREF(pkgname, PyUnicode_FromString("<unknown module name>"));
        if (pkgname == NULL) {
            return NULL;
        }
    }
    int initializing = 0;
    PyObject *spec;
    if (PyObject_GetOptionalAttr(v, _Py_ID_STR(__spec__), &spec) > 0) {
        PyObject *ini;
        if (PyObject_GetOptionalAttr(spec, _Py_ID_STR(_initializing), &ini) > 0) {
            initializing = PyObject_IsTrue(ini) > 0;
            Py_DECREF(ini);
        }
        Py_DECREF(spec);
    }
    PyErr_Clear();
    if (PyObject_GetOptionalAttr(v, _Py_ID_STR(__file__), &pkgpath) < 0 ||
        (pkgpath != NULL && !PyUnicode_Check(pkgpath))) {
        PyErr_Clear();
        Py_CLEAR(pkgpath);
    }
    if (initializing) {
        if (pkgpath != NULL) {
            errmsg = PyUnicode_FromFormat("cannot import name %R from partially initialized "
                                          "module %R (most likely due to a circular import) (%S)",
                                          name, pkgname, pkgpath);
        }
        else {
            errmsg = PyUnicode_FromFormat("cannot import name %R from partially initialized "
                                          "module %R (most likely due to a circular import) "
                                          "(unknown location)", name, pkgname);
        }
    }
    else if (pkgpath == NULL) {
        errmsg = PyUnicode_FromFormat("cannot import name %R from %R (unknown location)", name,
                                      pkgname);
    }
    else {
        errmsg = PyUnicode_FromFormat("cannot import name %R from %R (%S)", name, pkgname,
                                      pkgpath);
    }
    if (errmsg != NULL) {
        PyErr_SetImportError(errmsg, pkgname, pkgpath);
        /* ImportError.name_from */
        PyObject *exc = tstate->current_exception;
        if (exc != NULL) {
            (void)PyObject_SetAttrString(exc, "name_from", name);
            if (PyErr_Occurred() && tstate->current_exception != exc) {
                PyErr_Clear();
            }
        }
        Py_DECREF(errmsg);
    }
    Py_XDECREF(pkgname);
    Py_XDECREF(pkgpath);
    return NULL;
}

static int
import_all_from(PyThreadState *tstate, PyObject *locals, PyObject *v)
{
    PyObject *all, *dict, *name, *value;
    int skip_leading_underscores = 0;
    if (PyObject_GetOptionalAttr(v, _Py_ID_STR(__all__), &all) < 0) {
        return -1;
    }
    if (all == NULL) {
        if (PyObject_GetOptionalAttr(v, _Py_ID_STR(__dict__), &dict) < 0) {
            return -1;
        }
        if (dict == NULL) {
            _PyErr_SetString(tstate, PyExc_ImportError,
                             "from-import-* object has no __dict__ and no __all__");
            return -1;
        }
        all = PyMapping_Keys(dict);
        Py_DECREF(dict);
        if (all == NULL) {
            return -1;
        }
        skip_leading_underscores = 1;
    }
    for (Py_ssize_t pos = 0;; pos++) {
        name = PySequence_GetItem(all, pos);
        if (name == NULL) {
            if (!_PyErr_ExceptionMatches(tstate, PyExc_IndexError)) {
                Py_DECREF(all);
                return -1;
            }
            _PyErr_Clear(tstate);
            break;
        }
        if (!PyUnicode_Check(name)) {
            PyObject *modname = PyObject_GetAttr(v, _Py_ID_STR(__name__));
            if (modname == NULL) {
                Py_DECREF(name);
                Py_DECREF(all);
                return -1;
            }
            if (!PyUnicode_Check(modname)) {
                _PyErr_Format(tstate, PyExc_TypeError, "module __name__ must be a string, not %.100s",
                              Py_TYPE(modname)->tp_name);
            }
            else {
                _PyErr_Format(tstate, PyExc_TypeError, "%s in %U.%s must be str, not %.100s",
                              skip_leading_underscores ? "Key" : "Item", modname,
                              skip_leading_underscores ? "__dict__" : "__all__",
                              Py_TYPE(name)->tp_name);
            }
            Py_DECREF(modname);
            Py_DECREF(name);
            Py_DECREF(all);
            return -1;
        }
        if (skip_leading_underscores && PyUnicode_GET_LENGTH(name) > 0 &&
            PyUnicode_READ_CHAR(name, 0) == '_') {
            Py_DECREF(name);
            continue;
        }
        value = PyObject_GetAttr(v, name);
        int err;
        if (value == NULL) {
            err = -1;
        }
        else if (PyDict_CheckExact(locals)) {
            err = PyDict_SetItem(locals, name, value);
        }
        else {
            err = PyObject_SetItem(locals, name, value);
        }
        Py_DECREF(name);
        Py_XDECREF(value);
        if (err < 0) {
            Py_DECREF(all);
            return -1;
        }
    }
    Py_DECREF(all);
    return 0;
}

static PyObject *
special_lookup_or_error(PyThreadState *tstate, PyObject *o, PyObject *name, const char *msg)
{
    PyObject *res = _PyObject_LookupSpecial(o, name);
    if (res == NULL && !_PyErr_Occurred(tstate)) {
        _PyErr_Format(tstate, PyExc_TypeError, msg, Py_TYPE(o)->tp_name);
    }
    return res;
}

static PyObject *
intrinsic_stopiteration_error(PyThreadState *tstate, _PyInterpreterFrame *frame, PyObject *exc)
{
    int flags = frame->f_code->co_flags;
    const char *msg = NULL;
    if (PyErr_GivenExceptionMatches(exc, PyExc_StopIteration)) {
        if (flags & CO_ASYNC_GENERATOR) {
            msg = "async generator raised StopIteration";
        }
        else if (flags & CO_COROUTINE) {
            msg = "coroutine raised StopIteration";
        }
        else {
            msg = "generator raised StopIteration";
        }
    }
    else if ((flags & CO_ASYNC_GENERATOR) &&
             PyErr_GivenExceptionMatches(exc, PyExc_StopAsyncIteration)) {
        msg = "async generator raised StopAsyncIteration";
    }
    if (msg == NULL) {
        return Py_NewRef(exc);
    }
    PyObject *err = PyObject_CallFunction(PyExc_RuntimeError, "s", msg);
    if (err == NULL) {
        return NULL;
    }
    PyException_SetCause(err, Py_NewRef(exc));
    PyException_SetContext(err, Py_NewRef(exc));
    PyObject *tb = PyException_GetTraceback(exc);
    if (tb != NULL) {
        PyException_SetTraceback(err, tb);
        Py_DECREF(tb);
    }
    return err;
}

static PyObject *
intrinsic_print(PyThreadState *tstate, PyObject *value)
{
    PyObject *hook = NULL;
    if (tstate->interp->sysdict != NULL) {
        if (PyDict_GetItemRef(tstate->interp->sysdict, _Py_ID_STR(displayhook), &hook) < 0) {
            return NULL;
        }
    }
    if (hook == NULL) {
        _PyErr_SetString(tstate, PyExc_RuntimeError, "lost sys.displayhook");
        return NULL;
    }
    PyObject *res = PyObject_CallOneArg(hook, value);
    Py_DECREF(hook);
    return res;
}

static PyObject *
get_aiter(PyThreadState *tstate, PyObject *obj)
{
    PyTypeObject *type = Py_TYPE(obj);
    if (type->tp_as_async == NULL || type->tp_as_async->am_aiter == NULL) {
        _PyErr_Format(tstate, PyExc_TypeError,
                      "'async for' requires an object with __aiter__ method, got %.100s",
                      type->tp_name);
        return NULL;
    }
    PyObject *iter = type->tp_as_async->am_aiter(obj);
    if (iter == NULL) {
        return NULL;
    }
    if (Py_TYPE(iter)->tp_as_async == NULL || Py_TYPE(iter)->tp_as_async->am_anext == NULL) {
        _PyErr_Format(tstate, PyExc_TypeError,
                      "'async for' received an object from __aiter__ that does not implement "
                      "__anext__: %.100s", Py_TYPE(iter)->tp_name);
        Py_DECREF(iter);
        return NULL;
    }
    return iter;
}

static PyObject *
get_anext(PyThreadState *tstate, PyObject *aiter)
{
    PyTypeObject *type = Py_TYPE(aiter);
    if (type->tp_as_async == NULL || type->tp_as_async->am_anext == NULL) {
        _PyErr_Format(tstate, PyExc_TypeError,
                      "'async for' requires an iterator with __anext__ method, got %.100s",
                      type->tp_name);
        return NULL;
    }
    PyObject *next_iter = type->tp_as_async->am_anext(aiter);
    if (next_iter == NULL) {
        return NULL;
    }
    if (PyAsyncGen_CheckExact(aiter)) {
        return next_iter;
    }
    PyObject *awaitable = _PyCoro_GetAwaitableIter(next_iter);
    if (awaitable == NULL) {
        _PyErr_FormatFromCause(PyExc_TypeError,
                               "'async for' received an invalid object from __anext__: %.100s",
                               Py_TYPE(next_iter)->tp_name);
    }
    Py_DECREF(next_iter);
    return awaitable;
}

static void
format_awaitable_error(PyThreadState *tstate, PyTypeObject *type, int oparg)
{
    if (type->tp_as_async == NULL || type->tp_as_async->am_await == NULL) {
        if (oparg == 1) {
            _PyErr_Format(tstate, PyExc_TypeError,
                          "'async with' received an object from __aenter__ that does not "
                          "implement __await__: %.100s", type->tp_name);
        }
        else if (oparg == 2) {
            _PyErr_Format(tstate, PyExc_TypeError,
                          "'async with' received an object from __aexit__ that does not "
                          "implement __await__: %.100s", type->tp_name);
        }
    }
}

/* ---- match statement (MATCH_CLASS, MATCH_KEYS, `**rest`) ------------------ */

/* Built-in types whose single positional sub-pattern matches the subject
 * itself (int(x), str(s), ...); subclasses inherit this. */
static int
match_self_type(PyTypeObject *tp)
{
    PyTypeObject *const self_types[] = {
        &PyBool_Type, &PyByteArray_Type, &PyBytes_Type, &PyDict_Type, &PyFloat_Type,
        &PyFrozenSet_Type, &PyLong_Type, &PyList_Type, &PySet_Type, &PyUnicode_Type,
        &PyTuple_Type,
    };
    for (size_t i = 0; i < sizeof(self_types) / sizeof(self_types[0]); i++) {
        if (PyType_IsSubtype(tp, self_types[i])) {
            return 1;
        }
    }
    return 0;
}

/* subject.name for a class pattern; NULL without an exception when the
 * attribute is missing (no match). */
static PyObject *
match_class_attr(PyThreadState *tstate, PyObject *subject, PyTypeObject *tp, PyObject *name,
                 PyObject *seen)
{
    int dup = PySet_Contains(seen, name);
    if (dup != 0) {
        if (dup > 0) {
            _PyErr_Format(tstate, PyExc_TypeError, "%s() got multiple sub-patterns for attribute %R",
                          tp->tp_name, name);
        }
        return NULL;
    }
    if (PySet_Add(seen, name) < 0) {
        return NULL;
    }
    PyObject *v = NULL;
    if (PyObject_GetOptionalAttr(subject, name, &v) < 0) {
        return NULL;
    }
    return v;
}

/* The attributes a class pattern matches against, as a tuple; None when
 * the subject is not an instance or lacks an attribute. */
static PyObject *
match_class(PyThreadState *tstate, PyObject *subject, PyObject *type, Py_ssize_t nargs,
            PyObject *kwnames)
{
    if (!PyType_Check(type)) {
        _PyErr_SetString(tstate, PyExc_TypeError, "called match pattern must be a class");
        return NULL;
    }
    PyTypeObject *tp = (PyTypeObject *)type;
    int inst = PyObject_IsInstance(subject, type);
    if (inst <= 0) {
        return inst < 0 ? NULL : Py_NewRef(Py_None);
    }
    PyObject *seen = PySet_New(NULL);
    PyObject *attrs = PyList_New(0);
    PyObject *match_args = NULL;
    if (seen == NULL || attrs == NULL) {
        goto fail;
    }
    if (nargs > 0) {
        int match_self = 0;
        if (PyObject_GetOptionalAttrString(type, "__match_args__", &match_args) < 0) {
            goto fail;
        }
        if (match_args != NULL) {
            if (!PyTuple_CheckExact(match_args)) {
                _PyErr_Format(tstate, PyExc_TypeError, "%s.__match_args__ must be a tuple (got %s)",
                              tp->tp_name, Py_TYPE(match_args)->tp_name);
                goto fail;
            }
        }
        else {
            match_self = match_self_type(tp);
        }
        Py_ssize_t allowed = match_self ? 1 : match_args ? PyTuple_GET_SIZE(match_args) : 0;
        if (allowed < nargs) {
            _PyErr_Format(tstate, PyExc_TypeError,
                          "%s() accepts %zd positional sub-pattern%s (%zd given)", tp->tp_name,
                          allowed, allowed == 1 ? "" : "s", nargs);
            goto fail;
        }
        if (match_self) {
            if (PyList_Append(attrs, subject) < 0) {
                goto fail;
            }
        }
        else {
            for (Py_ssize_t i = 0; i < nargs; i++) {
                PyObject *name = PyTuple_GET_ITEM(match_args, i);
                if (!PyUnicode_CheckExact(name)) {
                    _PyErr_Format(tstate, PyExc_TypeError,
                                  "__match_args__ elements must be strings (got %s)",
                                  Py_TYPE(name)->tp_name);
                    goto fail;
                }
                PyObject *v = match_class_attr(tstate, subject, tp, name, seen);
                if (v == NULL) {
                    goto missing;
                }
                int r = PyList_Append(attrs, v);
                Py_DECREF(v);
                if (r < 0) {
                    goto fail;
                }
            }
        }
    }
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(kwnames); i++) {
        PyObject *v = match_class_attr(tstate, subject, tp, PyTuple_GET_ITEM(kwnames, i), seen);
        if (v == NULL) {
            goto missing;
        }
        int r = PyList_Append(attrs, v);
        Py_DECREF(v);
        if (r < 0) {
            goto fail;
        }
    }
    Py_XDECREF(match_args);
    Py_DECREF(seen);
    PyObject *res = PyList_AsTuple(attrs);
    Py_DECREF(attrs);
    return res;
missing:
    if (!_PyErr_Occurred(tstate)) {
        Py_XDECREF(match_args);
        Py_DECREF(seen);
        Py_DECREF(attrs);
        return Py_NewRef(Py_None);
    }
fail:
    Py_XDECREF(match_args);
    Py_XDECREF(seen);
    Py_XDECREF(attrs);
    return NULL;
}

/* The values for `keys` in a mapping pattern's subject (looked up with its
 * get method, like CPython), or None when one is missing. */
static PyObject *
match_keys(PyThreadState *tstate, PyObject *map, PyObject *keys)
{
    Py_ssize_t n = PyTuple_GET_SIZE(keys);
    if (n == 0) {
        return PyTuple_New(0);
    }
    PyObject *get = PyObject_GetAttrString(map, "get");
    PyObject *dummy = get ? PyObject_CallNoArgs((PyObject *)&PyBaseObject_Type) : NULL;
    PyObject *seen = dummy ? PySet_New(NULL) : NULL;
    PyObject *values = seen ? PyTuple_New(n) : NULL;
    if (values == NULL) {
        goto fail;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *key = PyTuple_GET_ITEM(keys, i);
        int dup = PySet_Contains(seen, key);
        if (dup != 0) {
            if (dup > 0) {
                _PyErr_Format(tstate, PyExc_ValueError,
                              "mapping pattern checks duplicate key (%R)", key);
            }
            goto fail;
        }
        if (PySet_Add(seen, key) < 0) {
            goto fail;
        }
        PyObject *v = PyObject_CallFunctionObjArgs(get, key, dummy, NULL);
        if (v == NULL) {
            goto fail;
        }
        if (v == dummy) {
            Py_DECREF(v);
            Py_DECREF(values);
            values = Py_NewRef(Py_None);
            break;
        }
        PyTuple_SET_ITEM(values, i, v);
    }
    Py_DECREF(get);
    Py_DECREF(dummy);
    Py_DECREF(seen);
    return values;
fail:
    Py_XDECREF(get);
    Py_XDECREF(dummy);
    Py_XDECREF(seen);
    Py_XDECREF(values);
    return NULL;
}

/* `**rest`: a new dict with the subject's items except `keys`. */
static PyObject *
mapping_rest(PyThreadState *tstate, PyObject *map, PyObject *keys)
{
    PyObject *rest = PyDict_New();
    if (rest == NULL) {
        return NULL;
    }
    if (PyDict_Update(rest, map) < 0) {
        if (_PyErr_ExceptionMatches(tstate, PyExc_AttributeError)) {
            _PyErr_Clear(tstate);
            _PyErr_Format(tstate, PyExc_TypeError, "'%.200s' object is not a mapping",
                          Py_TYPE(map)->tp_name);
        }
        Py_DECREF(rest);
        return NULL;
    }
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(keys); i++) {
        if (PyDict_DelItem(rest, PyTuple_GET_ITEM(keys, i)) < 0) {
            Py_DECREF(rest);
            return NULL;
        }
    }
    return rest;
}

static int
add_traceback(PyThreadState *tstate, _PyInterpreterFrame *frame)
{
    PyFrameObject *f = _PyFrame_GetFrameObject(frame);
    if (f == NULL) {
        return -1;
    }
    return PyTraceBack_Here(f);
}

/* ---- the loop ---------------------------------------------------------------- */

#define TOP() (sp[-1])
#define SECOND() (sp[-2])
#define PEEK(n) (sp[-(n)])
#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define SET_TOP(v) (sp[-1] = (v))

#define NEXTOPARG() \
    do { \
        _Py_CODEUNIT word_ = *next_instr++; \
        opcode = _Py_OPCODE(word_); \
        oparg = _Py_OPARG(word_); \
    } while (0)

/* Tracing (Python/tracing.c): while the thread has a trace or profile
 * function the loop dispatches through `trace_targets`, whose every entry
 * is trace_instruction (report, then run the instruction); otherwise
 * through `opcode_targets`, with no test per instruction.  The switch
 * build keeps a flag instead. */
#if USE_COMPUTED_GOTOS
#define TARGET(op) TARGET_##op: case op:
#define DISPATCH() \
    do { \
        NEXTOPARG(); \
        frame->instr_ptr = next_instr; \
        goto *dispatch_table[opcode]; \
    } while (0)
#define RUN_OPCODE() goto *opcode_targets[opcode]
#define TRACING_ON() (dispatch_table != opcode_targets)
#define SET_TRACE_MODE(on) (dispatch_table = (on) ? trace_targets : opcode_targets)
#else
#define TARGET(op) case op:
#define DISPATCH() goto dispatch_opcode
#define RUN_OPCODE() goto run_opcode
#define TRACING_ON() (trace_mode)
#define SET_TRACE_MODE(on) (trace_mode = (on))
#endif

#define JUMPTO(target) (next_instr = first_instr + (target))

/* A prefix instruction's own local, borrowed (UnboundLocalError at the
 * prefix if unset) -- or, while tracing, the prefix behaves as the
 * LOAD_FAST alone and the followers run one by one. */
#define PREFIX_LOCAL(first) \
    do { \
        first = localsplus[oparg]; \
        if (UNLIKELY(first == NULL)) { \
            format_unbound_error(tstate, co, oparg); \
            goto error; \
        } \
        if (UNLIKELY(TRACING_ON())) { \
            PUSH(Py_NewRef(first)); \
            DISPATCH(); \
        } \
    } while (0)

/* The operands of a three-instruction prefix group (LOAD_FAST i; LOAD_FAST j
 * or LOAD_CONST k; X), borrowed from the locals and constants, leaving
 * next_instr after X (whose position errors report).  An unbound local
 * raises at its own instruction. */
#define PREFIX_OPERANDS(first, second) \
    do { \
        PREFIX_LOCAL(first); \
        _Py_CODEUNIT word_ = *next_instr; \
        if (_Py_OPCODE(word_) == LOAD_CONST) { \
            second = consts[_Py_OPARG(word_)]; \
        } \
        else { \
            second = localsplus[_Py_OPARG(word_)]; \
            if (UNLIKELY(second == NULL)) { \
                frame->instr_ptr = ++next_instr; \
                format_unbound_error(tstate, co, _Py_OPARG(word_)); \
                goto error; \
            } \
        } \
        next_instr += 2; \
        frame->instr_ptr = next_instr; \
    } while (0)

#define LOAD_FRAME_STATE() \
    do { \
        co = frame->f_code; \
        first_instr = co->co_code; \
        next_instr = frame->instr_ptr; \
        localsplus = frame->localsplus; \
        stackbase = localsplus + co->co_nlocalsplus; \
        sp = stackbase + frame->stacktop; \
        consts = &PyTuple_GET_ITEM(co->co_consts, 0); \
        names = &PyTuple_GET_ITEM(co->co_names, 0); \
    } while (0)

#define SAVE_FRAME_STATE() \
    do { \
        frame->instr_ptr = next_instr; \
        frame->stacktop = (int)(sp - stackbase); \
    } while (0)

#define CHECK_EVAL_BREAKER() \
    do { \
        if (UNLIKELY(_Py_atomic_load_uintptr_relaxed(&tstate->eval_breaker) != 0)) { \
            if (_Py_HandlePending(tstate) != 0) { \
                goto error; \
            } \
            SET_TRACE_MODE(tstate->trace_active); \
        } \
    } while (0)

#define CLEAR_STACK_TO(level) \
    do { \
        PyObject **level_ = (level); \
        while (sp > level_) { \
            PyObject *v_ = POP(); \
            Py_XDECREF(v_); \
        } \
    } while (0)

PyObject *
_PyEval_EvalFrame(PyThreadState *tstate, _PyInterpreterFrame *frame, int throwflag)
{
#if USE_COMPUTED_GOTOS
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Woverride-init"
    static void *const opcode_targets[256] = {
        [0 ... 255] = &&unknown_opcode,
#define OPCODE_TARGET(name, has_arg) [name] = &&TARGET_##name,
        _Py_FOR_EACH_OPCODE(OPCODE_TARGET)
#undef OPCODE_TARGET
    };
#pragma GCC diagnostic pop
    static void *const trace_targets[256] = {
        [0 ... 255] = &&trace_instruction,
    };
    void *const *dispatch_table = opcode_targets;
#else
    int trace_mode = 0;
#endif
    PyCodeObject *co;
    _Py_CODEUNIT *first_instr, *next_instr;
    PyObject **localsplus, **stackbase, **sp;
    PyObject *const *consts;
    PyObject *const *names;
    int opcode, oparg;
    PyObject *retval = NULL;

    if (tstate->exc_info == NULL) {
        tstate->exc_info = &tstate->exc_state;
    }
    frame->previous = tstate->current_frame;
    frame->is_entry = 1;
    tstate->current_frame = frame;
    LOAD_FRAME_STATE();
    if (UNLIKELY(tstate->py_recursion_remaining-- <= 0)) {
        _Py_CheckRecursiveCallPy(tstate);
        CLEAR_STACK_TO(stackbase);
        goto exit_unwind;
    }
    if (UNLIKELY(tstate->trace_active)) {
        SET_TRACE_MODE(1);
        /* A generator resumed (its first run starts at instruction 0,
         * which reports 'call' itself, unless throw() starts it with an
         * exception: then 'call' comes here, as in CPython). */
        if ((next_instr != first_instr || throwflag) &&
            _PyTrace_Resume(tstate, frame, throwflag) < 0) {
            goto error;
        }
    }
    if (throwflag) {
        goto error;
    }
    DISPATCH();

trace_instruction:
    if (UNLIKELY(!tstate->trace_active)) {
        SET_TRACE_MODE(0);   /* switched off since */
        RUN_OPCODE();
    }
    if (_PyTrace_Instruction(tstate, frame, sp) < 0) {
        goto error;
    }
    RUN_OPCODE();

#if !USE_COMPUTED_GOTOS
dispatch_opcode:
    NEXTOPARG();
    frame->instr_ptr = next_instr;
    if (UNLIKELY(trace_mode)) {
        goto trace_instruction;
    }
run_opcode:
#endif
    switch (opcode) {

    TARGET(NOP) {
        DISPATCH();
    }

    TARGET(RESUME) {
        CHECK_EVAL_BREAKER();
        DISPATCH();
    }

    TARGET(POP_TOP) {
        PyObject *v = POP();
        Py_XDECREF(v);
        DISPATCH();
    }

    TARGET(PUSH_NULL) {
        PUSH(NULL);
        DISPATCH();
    }

    TARGET(COPY) {
        PyObject *v = PEEK(oparg);
        PUSH(Py_XNewRef(v));
        DISPATCH();
    }

    TARGET(SWAP) {
        PyObject *t = TOP();
        SET_TOP(PEEK(oparg));
        PEEK(oparg) = t;
        DISPATCH();
    }

    TARGET(LOAD_CONST) {
        PUSH(Py_NewRef(consts[oparg]));
        DISPATCH();
    }

    TARGET(LOAD_FAST) {
        PyObject *v = localsplus[oparg];
        if (UNLIKELY(v == NULL)) {
            format_unbound_error(tstate, co, oparg);
            goto error;
        }
        PUSH(Py_NewRef(v));
        DISPATCH();
    }

    TARGET(STORE_FAST) {
        PyObject *v = POP();
        PyObject *old = localsplus[oparg];
        localsplus[oparg] = v;
        Py_XDECREF(old);
        DISPATCH();
    }

    TARGET(DELETE_FAST) {
        PyObject *old = localsplus[oparg];
        if (old == NULL) {
            format_unbound_error(tstate, co, oparg);
            goto error;
        }
        localsplus[oparg] = NULL;
        Py_DECREF(old);
        DISPATCH();
    }

    TARGET(MAKE_CELL) {
        PyObject *initial = localsplus[oparg];
        PyObject *cell = PyCell_New(initial);
        if (cell == NULL) {
            goto error;
        }
        localsplus[oparg] = cell;
        Py_XDECREF(initial);
        DISPATCH();
    }

    TARGET(COPY_FREE_VARS) {
        PyFunctionObject *func = (PyFunctionObject *)frame->f_funcobj;
        PyObject *closure = func != NULL ? func->func_closure : NULL;
        if (closure == NULL || PyTuple_GET_SIZE(closure) < oparg) {
            _PyErr_SetString(tstate, PyExc_SystemError, "function has no closure");
            goto error;
        }
        int offset = co->co_nlocalsplus - oparg;
        for (int i = 0; i < oparg; i++) {
            PyObject *o = PyTuple_GET_ITEM(closure, i);
            Py_XSETREF(localsplus[offset + i], Py_NewRef(o));
        }
        DISPATCH();
    }

    TARGET(LOAD_CLOSURE) {
        PyObject *cell = localsplus[oparg];
        if (cell == NULL) {
            format_unbound_error(tstate, co, oparg);
            goto error;
        }
        PUSH(Py_NewRef(cell));
        DISPATCH();
    }

    TARGET(LOAD_DEREF) {
        PyObject *v = PyCell_GetRef((PyCellObject *)localsplus[oparg]);
        if (UNLIKELY(v == NULL)) {
            format_unbound_error(tstate, co, oparg);
            goto error;
        }
        PUSH(v);
        DISPATCH();
    }

    TARGET(LOAD_FROM_DICT_OR_DEREF) {
        PyObject *mapping = TOP();
        PyObject *name = PyTuple_GET_ITEM(co->co_localsplusnames, oparg);
        PyObject *v;
        int r = mapping_lookup(mapping, name, &v);
        if (r < 0) {
            goto error;
        }
        if (r == 0) {
            v = PyCell_GetRef((PyCellObject *)localsplus[oparg]);
            if (v == NULL) {
                format_unbound_error(tstate, co, oparg);
                goto error;
            }
        }
        Py_DECREF(mapping);
        SET_TOP(v);
        DISPATCH();
    }

    TARGET(STORE_DEREF) {
        PyObject *v = POP();
        PyCell_SetTakeRef((PyCellObject *)localsplus[oparg], v);
        DISPATCH();
    }

    TARGET(DELETE_DEREF) {
        PyCellObject *cell = (PyCellObject *)localsplus[oparg];
        PyObject *old = PyCell_GetRef(cell);
        if (old == NULL) {
            format_unbound_error(tstate, co, oparg);
            goto error;
        }
        Py_DECREF(old);
        PyCell_SetTakeRef(cell, NULL);
        DISPATCH();
    }

    TARGET(LOAD_LOCALS) {
        if (frame->f_locals == NULL) {
            _PyErr_SetString(tstate, PyExc_SystemError, "no locals found");
            goto error;
        }
        PUSH(Py_NewRef(frame->f_locals));
        DISPATCH();
    }

    TARGET(LOAD_NAME) {
        PyObject *name = names[oparg];
        PyObject *v;
        if (frame->f_locals == NULL) {
            _PyErr_Format(tstate, PyExc_SystemError, "no locals when loading %R", name);
            goto error;
        }
        int r = mapping_lookup(frame->f_locals, name, &v);
        if (r < 0) {
            goto error;
        }
        if (r == 0) {
            r = PyDict_GetItemRef(frame->f_globals, name, &v);
            if (r < 0) {
                goto error;
            }
            if (r == 0) {
                r = mapping_lookup(frame->f_builtins, name, &v);
                if (r < 0) {
                    goto error;
                }
                if (r == 0) {
                    format_name_error(tstate, name);
                    goto error;
                }
            }
        }
        PUSH(v);
        DISPATCH();
    }

    TARGET(STORE_NAME) {
        PyObject *name = names[oparg];
        PyObject *v = POP();
        PyObject *ns = frame->f_locals;
        int err;
        if (ns == NULL) {
            _PyErr_Format(tstate, PyExc_SystemError, "no locals found when storing %R", name);
            Py_DECREF(v);
            goto error;
        }
        if (PyDict_CheckExact(ns)) {
            err = PyDict_SetItem(ns, name, v);
        }
        else {
            err = PyObject_SetItem(ns, name, v);
        }
        Py_DECREF(v);
        if (err < 0) {
            goto error;
        }
        DISPATCH();
    }

    TARGET(DELETE_NAME) {
        PyObject *name = names[oparg];
        PyObject *ns = frame->f_locals;
        if (ns == NULL) {
            _PyErr_Format(tstate, PyExc_SystemError, "no locals when deleting %R", name);
            goto error;
        }
        if (PyObject_DelItem(ns, name) != 0) {
            if (_PyErr_ExceptionMatches(tstate, PyExc_KeyError)) {
                _PyErr_Clear(tstate);
                format_name_error(tstate, name);
            }
            goto error;
        }
        DISPATCH();
    }

    TARGET(LOAD_GLOBAL) {
        PyObject *v;
        Py_ssize_t index = next_instr - 1 - first_instr;
        _PyInstrCache *cache = _Py_atomic_load_ptr_acquire(&co->co_cache);
        if (LIKELY(cache != NULL)) {
            _PyInstrCache *ce = &cache[index];
            int r = _PyDict_ProbeCacheWord(
                frame->f_globals, _Py_atomic_load_uint64_relaxed(&ce->global.globals), &v);
            if (LIKELY(r > 0)) {
                PUSH(v);
                DISPATCH();
            }
            if (r == 0 && PyDict_CheckExact(frame->f_builtins) &&
                _PyDict_ProbeCacheWord(frame->f_builtins,
                                       _Py_atomic_load_uint64_relaxed(&ce->global.builtins),
                                       &v) > 0) {
                PUSH(v);
                DISPATCH();
            }
        }
        v = load_global_miss(tstate, frame, co, names[oparg], index);
        if (v == NULL) {
            goto error;
        }
        PUSH(v);
        DISPATCH();
    }

    TARGET(STORE_GLOBAL) {
        PyObject *v = POP();
        int err = PyDict_SetItem(frame->f_globals, names[oparg], v);
        Py_DECREF(v);
        if (err < 0) {
            goto error;
        }
        DISPATCH();
    }

    TARGET(DELETE_GLOBAL) {
        if (PyDict_DelItem(frame->f_globals, names[oparg]) < 0) {
            if (_PyErr_ExceptionMatches(tstate, PyExc_KeyError)) {
                _PyErr_Clear(tstate);
                format_name_error(tstate, names[oparg]);
            }
            goto error;
        }
        DISPATCH();
    }

    TARGET(LOAD_ATTR) {
        PyObject *owner = TOP();
        PyObject *res = load_attr_op(co, next_instr - 1 - first_instr, owner, names[oparg]);
        if (res == NULL) {
            goto error;
        }
        Py_DECREF(owner);
        SET_TOP(res);
        DISPATCH();
    }

    /* Prefix instructions (see pycore_opcode.h): the local is used in
     * place, without a reference of its own, by the instruction(s) that
     * follow, which run here too.  Its frame is the only code that can
     * rebind a fast local, and it is busy running this instruction, so
     * the local keeps the object alive.  While tracing, each instruction
     * must run (and be reported) on its own: behave as LOAD_FAST. */
    TARGET(LOAD_FAST__LOAD_ATTR) {
        PyObject *owner;
        PREFIX_LOCAL(owner);
        int name = _Py_OPARG(*next_instr);
        frame->instr_ptr = ++next_instr;
        PyObject *res = load_attr_op(co, next_instr - 1 - first_instr, owner, names[name]);
        if (res == NULL) {
            goto error;
        }
        PUSH(res);
        DISPATCH();
    }

    TARGET(LOAD_METHOD) {
        PyObject *owner = TOP();
        PyObject *meth = NULL;
        _PyInstrCache *cache = _Py_atomic_load_ptr_acquire(&co->co_cache);
        int hit = 0;
        if (LIKELY(cache != NULL)) {
            hit = load_method_cached(&cache[next_instr - 1 - first_instr], owner,
                                     names[oparg], &meth);
        }
        if (hit == 2) {
            /* [meth, self] */
            SET_TOP(meth);
            PUSH(owner);
            DISPATCH();
        }
        if (hit == 1) {
            if (meth == NULL) {
                goto error;
            }
            SET_TOP(NULL);
            Py_DECREF(owner);
            PUSH(meth);
            DISPATCH();
        }
        cache = _PyCode_GetOrCreateCache(co);
        if (cache != NULL) {
            _PyAttrCache_Fill(&cache[next_instr - 1 - first_instr], owner, names[oparg],
                              _PyAttr_OP_METHOD);
        }
        if (_PyObject_GetMethod(owner, names[oparg], &meth)) {
            /* [meth, self] */
            SET_TOP(meth);
            PUSH(owner);
        }
        else {
            if (meth == NULL) {
                goto error;
            }
            SET_TOP(NULL);
            Py_DECREF(owner);
            PUSH(meth);
        }
        DISPATCH();
    }

    TARGET(STORE_ATTR) {
        PyObject *owner = TOP();
        PyObject *v = SECOND();
        if (store_attr_op(co, next_instr - 1 - first_instr, owner, names[oparg], v) < 0) {
            goto error;
        }
        sp -= 2;
        Py_DECREF(owner);
        Py_DECREF(v);
        DISPATCH();
    }

    TARGET(LOAD_FAST__STORE_ATTR) {
        PyObject *owner;
        PREFIX_LOCAL(owner);
        int name = _Py_OPARG(*next_instr);
        frame->instr_ptr = ++next_instr;
        PyObject *v = TOP();
        if (store_attr_op(co, next_instr - 1 - first_instr, owner, names[name], v) < 0) {
            goto error;
        }
        (void)POP();
        Py_DECREF(v);
        DISPATCH();
    }

    TARGET(DELETE_ATTR) {
        PyObject *owner = TOP();
        if (PyObject_DelAttr(owner, names[oparg]) < 0) {
            goto error;
        }
        (void)POP();
        Py_DECREF(owner);
        DISPATCH();
    }

    TARGET(BINARY_SUBSCR) {
        PyObject *sub = TOP();
        PyObject *container = SECOND();
        PyObject *res = binary_subscr_op(tstate, container, sub);
        if (res == NULL) {
            goto error;
        }
        (void)POP();
        Py_DECREF(sub);
        Py_DECREF(container);
        SET_TOP(res);
        DISPATCH();
    }

    /* Followed by LOAD_FAST j or LOAD_CONST k, then BINARY_SUBSCR.  When
     * the next instruction consumes the item at once (as the key of an
     * outer subscript or BINARY_OP's right operand), a list or tuple item
     * is read without a reference and the consumer runs here too, if it
     * can without running Python code, blocking or raising (the item is
     * valid that long: _PyList_BorrowItem); otherwise the item is counted
     * and pushed for the consumer to run as usual. */
    TARGET(LOAD_FAST__BINARY_SUBSCR) {
        PyObject *container, *sub;
        PREFIX_OPERANDS(container, sub);
        _Py_CODEUNIT consumer = *next_instr;
        if ((_Py_OPCODE(consumer) == BINARY_SUBSCR || _Py_OPCODE(consumer) == BINARY_OP) &&
            PyLong_CheckExact(sub) && _PyLong_IsCompact((PyLongObject *)sub)) {
            PyObject *item = subscr_borrow(container, _PyLong_CompactValue((PyLongObject *)sub));
            if (item != NULL) {
                PyObject *first = TOP();
                PyObject *res = consume_item_quiet(consumer, first, item);
                if (res != NULL) {
                    next_instr++;
                    SET_TOP(res);
                    Py_DECREF(first);
                    DISPATCH();
                }
                if (UNLIKELY(_PyErr_Occurred(tstate))) {
                    frame->instr_ptr = ++next_instr;
                    goto error;
                }
                PUSH(Py_NewRef(item));
                DISPATCH();
            }
        }
        PyObject *res = binary_subscr_op(tstate, container, sub);
        if (res == NULL) {
            goto error;
        }
        PUSH(res);
        DISPATCH();
    }

    /* Followed by a LOAD_FAST__BINARY_SUBSCR group (y[i]), then the
     * BINARY_SUBSCR or BINARY_OP taking this local and the group's item
     * (x[y[i]], x + y[i]): all of it runs here, this local borrowed as
     * well, when the fused read above can; otherwise this is LOAD_FAST and
     * the group runs next. */
    TARGET(LOAD_FAST__OP_ITEM) {
        PyObject *first;
        PREFIX_LOCAL(first);
        PyObject *container = localsplus[_Py_OPARG(next_instr[0])];
        _Py_CODEUNIT word = next_instr[1];
        PyObject *sub = _Py_OPCODE(word) == LOAD_CONST ? consts[_Py_OPARG(word)]
                                                      : localsplus[_Py_OPARG(word)];
        if (container != NULL && sub != NULL && PyLong_CheckExact(sub) &&
            _PyLong_IsCompact((PyLongObject *)sub)) {
            PyObject *item = subscr_borrow(container, _PyLong_CompactValue((PyLongObject *)sub));
            if (item != NULL) {
                PyObject *res = consume_item_quiet(next_instr[3], first, item);
                if (res != NULL) {
                    next_instr += 4;
                    PUSH(res);
                    DISPATCH();
                }
                if (UNLIKELY(_PyErr_Occurred(tstate))) {
                    next_instr += 4;
                    frame->instr_ptr = next_instr;
                    goto error;
                }
            }
        }
        PUSH(Py_NewRef(first));
        DISPATCH();
    }

    TARGET(STORE_SUBSCR) {
        PyObject *sub = TOP();
        PyObject *container = SECOND();
        PyObject *v = PEEK(3);
        if (store_subscr_op(container, sub, v) < 0) {
            goto error;
        }
        sp -= 3;
        Py_DECREF(sub);
        Py_DECREF(container);
        Py_DECREF(v);
        DISPATCH();
    }

    /* Followed by LOAD_FAST j or LOAD_CONST k, then STORE_SUBSCR. */
    TARGET(LOAD_FAST__STORE_SUBSCR) {
        PyObject *container, *sub;
        PREFIX_OPERANDS(container, sub);
        PyObject *v = TOP();
        if (store_subscr_op(container, sub, v) < 0) {
            goto error;
        }
        (void)POP();
        Py_DECREF(v);
        DISPATCH();
    }

    TARGET(DELETE_SUBSCR) {
        PyObject *sub = TOP();
        PyObject *container = SECOND();
        if (PyObject_DelItem(container, sub) < 0) {
            goto error;
        }
        sp -= 2;
        Py_DECREF(sub);
        Py_DECREF(container);
        DISPATCH();
    }

    TARGET(BUILD_SLICE) {
        PyObject *step = oparg == 3 ? POP() : NULL;
        PyObject *stop = POP();
        PyObject *start = TOP();
        PyObject *slice = PySlice_New(start, stop, step);
        Py_DECREF(start);
        Py_DECREF(stop);
        Py_XDECREF(step);
        SET_TOP(slice);
        if (slice == NULL) {
            (void)POP();
            goto error;
        }
        DISPATCH();
    }

    TARGET(UNARY_NEGATIVE) {
        PyObject *v = TOP();
        PyObject *res = PyNumber_Negative(v);
        if (res == NULL) {
            goto error;
        }
        Py_DECREF(v);
        SET_TOP(res);
        DISPATCH();
    }

    TARGET(UNARY_POSITIVE) {
        PyObject *v = TOP();
        PyObject *res = PyNumber_Positive(v);
        if (res == NULL) {
            goto error;
        }
        Py_DECREF(v);
        SET_TOP(res);
        DISPATCH();
    }

    TARGET(UNARY_INVERT) {
        PyObject *v = TOP();
        PyObject *res = PyNumber_Invert(v);
        if (res == NULL) {
            goto error;
        }
        Py_DECREF(v);
        SET_TOP(res);
        DISPATCH();
    }

    TARGET(UNARY_NOT) {
        PyObject *v = TOP();
        int r;
        if (v == Py_True) {
            r = 1;
        }
        else if (v == Py_False || v == Py_None) {
            r = 0;
        }
        else {
            r = PyObject_IsTrue(v);
            if (r < 0) {
                goto error;
            }
        }
        Py_DECREF(v);
        SET_TOP(Py_NewRef(r ? Py_False : Py_True));
        DISPATCH();
    }

    TARGET(BINARY_OP) {
        PyObject *rhs = TOP();
        PyObject *lhs = SECOND();
        PyObject *res = binary_op_value(tstate, oparg, lhs, rhs);
        if (res == NULL) {
            goto error;
        }
        (void)POP();
        Py_DECREF(rhs);
        Py_DECREF(lhs);
        SET_TOP(res);
        DISPATCH();
    }

    TARGET(LOAD_FAST__BINARY_OP) {
        PyObject *lhs, *rhs;
        PREFIX_OPERANDS(lhs, rhs);
        PyObject *res = binary_op_value(tstate, _Py_OPARG(next_instr[-1]), lhs, rhs);
        if (res == NULL) {
            goto error;
        }
        PUSH(res);
        DISPATCH();
    }

    TARGET(COMPARE_OP) {
        PyObject *rhs = TOP();
        PyObject *lhs = SECOND();
        PyObject *res = compare_op_value(oparg, lhs, rhs);
        if (res == NULL) {
            goto error;
        }
        (void)POP();
        Py_DECREF(rhs);
        Py_DECREF(lhs);
        SET_TOP(res);
        DISPATCH();
    }

    TARGET(LOAD_FAST__COMPARE_OP) {
        PyObject *lhs, *rhs;
        PREFIX_OPERANDS(lhs, rhs);
        PyObject *res = compare_op_value(_Py_OPARG(next_instr[-1]), lhs, rhs);
        if (res == NULL) {
            goto error;
        }
        PUSH(res);
        DISPATCH();
    }

    TARGET(IS_OP) {
        PyObject *rhs = POP();
        PyObject *lhs = TOP();
        int r = (lhs == rhs) ^ oparg;
        Py_DECREF(rhs);
        Py_DECREF(lhs);
        SET_TOP(Py_NewRef(r ? Py_True : Py_False));
        DISPATCH();
    }

    TARGET(CONTAINS_OP) {
        PyObject *rhs = TOP();
        PyObject *lhs = SECOND();
        int r = PySequence_Contains(rhs, lhs);
        if (r < 0) {
            goto error;
        }
        (void)POP();
        Py_DECREF(rhs);
        Py_DECREF(lhs);
        SET_TOP(Py_NewRef((r ^ oparg) ? Py_True : Py_False));
        DISPATCH();
    }

    TARGET(BUILD_TUPLE) {
        PyObject *t = _PyTuple_FromArraySteal(sp - oparg, oparg);
        sp -= oparg;
        if (t == NULL) {
            goto error;
        }
        PUSH(t);
        DISPATCH();
    }

    TARGET(BUILD_LIST) {
        PyObject *l = PyList_New(oparg);
        if (l == NULL) {
            goto error;
        }
        for (int i = oparg - 1; i >= 0; i--) {
            PyList_SET_ITEM(l, i, POP());
        }
        PUSH(l);
        DISPATCH();
    }

    TARGET(BUILD_SET) {
        PyObject *set = PySet_New(NULL);
        int err = set == NULL ? -1 : 0;
        for (int i = oparg; i > 0; i--) {
            PyObject *item = PEEK(i);
            if (err == 0) {
                err = PySet_Add(set, item);
            }
            Py_DECREF(item);
        }
        sp -= oparg;
        if (err != 0) {
            Py_XDECREF(set);
            goto error;
        }
        PUSH(set);
        DISPATCH();
    }

    TARGET(BUILD_MAP) {
        PyObject *map = _PyDict_FromItems(sp - 2 * oparg, 2, sp - 2 * oparg + 1, 2, oparg);
        CLEAR_STACK_TO(sp - 2 * oparg);
        if (map == NULL) {
            goto error;
        }
        PUSH(map);
        DISPATCH();
    }

    TARGET(BUILD_CONST_KEY_MAP) {
        PyObject *keys = TOP();
        if (!PyTuple_CheckExact(keys) || PyTuple_GET_SIZE(keys) != oparg) {
            _PyErr_SetString(tstate, PyExc_SystemError, "bad BUILD_CONST_KEY_MAP keys argument");
            goto error;
        }
        PyObject *map = _PyDict_FromItems(&PyTuple_GET_ITEM(keys, 0), 1, sp - 1 - oparg, 1, oparg);
        CLEAR_STACK_TO(sp - 1 - oparg);
        if (map == NULL) {
            goto error;
        }
        PUSH(map);
        DISPATCH();
    }

    TARGET(BUILD_STRING) {
        PyObject *empty = PyUnicode_New(0, 0);
        PyObject *str = empty ? _PyUnicode_JoinArray(empty, sp - oparg, oparg) : NULL;
        Py_XDECREF(empty);
        CLEAR_STACK_TO(sp - oparg);
        if (str == NULL) {
            goto error;
        }
        PUSH(str);
        DISPATCH();
    }

    TARGET(LIST_APPEND) {
        PyObject *v = POP();
        PyObject *list = PEEK(oparg);
        if (_PyList_AppendTakeRef((PyListObject *)list, v) < 0) {
            goto error;
        }
        DISPATCH();
    }

    TARGET(SET_ADD) {
        PyObject *v = POP();
        PyObject *set = PEEK(oparg);
        int err = PySet_Add(set, v);
        Py_DECREF(v);
        if (err != 0) {
            goto error;
        }
        DISPATCH();
    }

    TARGET(MAP_ADD) {
        PyObject *value = POP();
        PyObject *key = POP();
        PyObject *map = PEEK(oparg);
        int err = PyDict_SetItem(map, key, value);
        Py_DECREF(value);
        Py_DECREF(key);
        if (err != 0) {
            goto error;
        }
        DISPATCH();
    }

    TARGET(LIST_EXTEND) {
        PyObject *iterable = TOP();
        PyObject *list = PEEK(oparg + 1);
        PyObject *none = _PyList_Extend((PyListObject *)list, iterable);
        if (none == NULL) {
            if (_PyErr_ExceptionMatches(tstate, PyExc_TypeError) &&
                Py_TYPE(iterable)->tp_iter == NULL && !PySequence_Check(iterable)) {
                _PyErr_Clear(tstate);
                if (is_sole_star_arg(first_instr, next_instr, list)) {
                    /* f(*x): CPython names the function. */
                    PyObject *fs = function_str(PEEK(oparg + 2));
                    if (fs != NULL) {
                        _PyErr_Format(tstate, PyExc_TypeError,
                                      "%U argument after * must be an iterable, not %.200s",
                                      fs, Py_TYPE(iterable)->tp_name);
                        Py_DECREF(fs);
                    }
                    goto error;
                }
                _PyErr_Format(tstate, PyExc_TypeError,
                              "Value after * must be an iterable, not %.200s",
                              Py_TYPE(iterable)->tp_name);
            }
            goto error;
        }
        Py_DECREF(none);
        (void)POP();
        Py_DECREF(iterable);
        DISPATCH();
    }

    TARGET(SET_UPDATE) {
        PyObject *iterable = TOP();
        PyObject *set = PEEK(oparg + 1);
        if (_PySet_Update(set, iterable) < 0) {
            goto error;
        }
        (void)POP();
        Py_DECREF(iterable);
        DISPATCH();
    }

    TARGET(DICT_UPDATE) {
        PyObject *update = TOP();
        PyObject *dict = PEEK(oparg + 1);
        if (PyDict_Update(dict, update) < 0) {
            if (_PyErr_ExceptionMatches(tstate, PyExc_AttributeError)) {
                _PyErr_Clear(tstate);
                _PyErr_Format(tstate, PyExc_TypeError, "'%.200s' object is not a mapping",
                              Py_TYPE(update)->tp_name);
            }
            goto error;
        }
        (void)POP();
        Py_DECREF(update);
        DISPATCH();
    }

    TARGET(DICT_MERGE) {
        PyObject *update = TOP();
        PyObject *dict = PEEK(oparg + 1);
        if (dict_merge_for_call(tstate, dict, update) < 0) {
            format_kwargs_error(tstate, PEEK(oparg + 3), update);
            goto error;
        }
        (void)POP();
        Py_DECREF(update);
        DISPATCH();
    }

    TARGET(LIST_TO_TUPLE) {
        PyObject *list = TOP();
        PyObject *t = PyList_AsTuple(list);
        if (t == NULL) {
            goto error;
        }
        Py_DECREF(list);
        SET_TOP(t);
        DISPATCH();
    }

    TARGET(FORMAT_VALUE) {
        PyObject *spec = (oparg & 4) ? POP() : NULL;
        PyObject *value = TOP();
        PyObject *conv = NULL;
        switch (oparg & 3) {
        case 1: conv = PyObject_Str(value); break;
        case 2: conv = PyObject_Repr(value); break;
        case 3: conv = PyObject_ASCII(value); break;
        default: break;
        }
        if ((oparg & 3) != 0) {
            if (conv == NULL) {
                Py_XDECREF(spec);
                goto error;
            }
            Py_SETREF(value, conv);
            SET_TOP(value);
        }
        PyObject *res;
        if (PyUnicode_CheckExact(value) && spec == NULL) {
            res = Py_NewRef(value);
        }
        else {
            res = PyObject_Format(value, spec);
        }
        Py_XDECREF(spec);
        if (res == NULL) {
            goto error;
        }
        Py_DECREF(value);
        SET_TOP(res);
        DISPATCH();
    }

    TARGET(UNPACK_SEQUENCE) {
        PyObject *seq = TOP();
        if (PyTuple_CheckExact(seq) && PyTuple_GET_SIZE(seq) == oparg) {
            (void)POP();
            for (int i = oparg - 1; i >= 0; i--) {
                PUSH(Py_NewRef(PyTuple_GET_ITEM(seq, i)));
            }
            Py_DECREF(seq);
            DISPATCH();
        }
#ifndef Py_GIL_DISABLED
        if (PyList_CheckExact(seq) && PyList_GET_SIZE(seq) == oparg) {
            (void)POP();
            for (int i = oparg - 1; i >= 0; i--) {
                PUSH(Py_NewRef(PyList_GET_ITEM(seq, i)));
            }
            Py_DECREF(seq);
            DISPATCH();
        }
#endif
        (void)POP();
        if (!unpack_iterable(tstate, seq, oparg, -1, sp + oparg)) {
            Py_DECREF(seq);
            goto error;
        }
        sp += oparg;
        Py_DECREF(seq);
        DISPATCH();
    }

    TARGET(UNPACK_EX) {
        int before = oparg & 0xFF, after = oparg >> 8;
        PyObject *seq = POP();
        if (!unpack_iterable(tstate, seq, before, after, sp + before + 1 + after)) {
            Py_DECREF(seq);
            goto error;
        }
        sp += before + 1 + after;
        Py_DECREF(seq);
        DISPATCH();
    }

    TARGET(JUMP) {
        JUMPTO(oparg);
        DISPATCH();
    }

    TARGET(JUMP_BACKWARD) {
        JUMPTO(oparg);
        CHECK_EVAL_BREAKER();
        DISPATCH();
    }

    TARGET(POP_JUMP_IF_FALSE) {
        PyObject *cond = POP();
        if (cond == Py_False) {
            JUMPTO(oparg);
        }
        else if (cond != Py_True) {
            int r = PyObject_IsTrue(cond);
            Py_DECREF(cond);
            if (r < 0) {
                goto error;
            }
            if (r == 0) {
                JUMPTO(oparg);
            }
            DISPATCH();
        }
        Py_DECREF(cond);
        DISPATCH();
    }

    TARGET(POP_JUMP_IF_TRUE) {
        PyObject *cond = POP();
        if (cond == Py_True) {
            JUMPTO(oparg);
        }
        else if (cond != Py_False) {
            int r = PyObject_IsTrue(cond);
            Py_DECREF(cond);
            if (r < 0) {
                goto error;
            }
            if (r > 0) {
                JUMPTO(oparg);
            }
            DISPATCH();
        }
        Py_DECREF(cond);
        DISPATCH();
    }

    TARGET(POP_JUMP_IF_NONE) {
        PyObject *v = POP();
        if (v == Py_None) {
            JUMPTO(oparg);
        }
        Py_DECREF(v);
        DISPATCH();
    }

    TARGET(POP_JUMP_IF_NOT_NONE) {
        PyObject *v = POP();
        if (v != Py_None) {
            JUMPTO(oparg);
        }
        Py_DECREF(v);
        DISPATCH();
    }

    TARGET(JUMP_IF_FALSE_OR_POP) {
        PyObject *cond = TOP();
        int r = cond == Py_True ? 1 : cond == Py_False ? 0 : PyObject_IsTrue(cond);
        if (r < 0) {
            goto error;
        }
        if (r == 0) {
            JUMPTO(oparg);
        }
        else {
            (void)POP();
            Py_DECREF(cond);
        }
        DISPATCH();
    }

    TARGET(JUMP_IF_TRUE_OR_POP) {
        PyObject *cond = TOP();
        int r = cond == Py_True ? 1 : cond == Py_False ? 0 : PyObject_IsTrue(cond);
        if (r < 0) {
            goto error;
        }
        if (r > 0) {
            JUMPTO(oparg);
        }
        else {
            (void)POP();
            Py_DECREF(cond);
        }
        DISPATCH();
    }

    TARGET(GET_ITER) {
        PyObject *iterable = TOP();
        PyObject *it = PyObject_GetIter(iterable);
        if (it == NULL) {
            goto error;
        }
        Py_DECREF(iterable);
        SET_TOP(it);
        DISPATCH();
    }

    TARGET(FOR_ITER) {
        PyObject *it = TOP();
        PyObject *next = (*Py_TYPE(it)->tp_iternext)(it);
        if (next != NULL) {
            PUSH(next);
            DISPATCH();
        }
        if (UNLIKELY(TRACING_ON()) && PyGen_CheckExact(it) &&
            _PyTrace_StopIteration(tstate, frame, NULL) < 0) {
            goto error;
        }
        if (_PyErr_Occurred(tstate)) {
            if (!_PyErr_ExceptionMatches(tstate, PyExc_StopIteration)) {
                goto error;
            }
            _PyErr_Clear(tstate);
        }
        (void)POP();
        Py_DECREF(it);
        JUMPTO(oparg);
        DISPATCH();
    }

    TARGET(GET_YIELD_FROM_ITER) {
        PyObject *iterable = TOP();
        if (PyCoro_CheckExact(iterable)) {
            if (!(co->co_flags & (CO_COROUTINE | CO_ITERABLE_COROUTINE))) {
                _PyErr_SetString(tstate, PyExc_TypeError,
                                 "cannot 'yield from' a coroutine object in a non-coroutine "
                                 "generator");
                goto error;
            }
        }
        else if (!PyGen_CheckExact(iterable)) {
            PyObject *it = PyObject_GetIter(iterable);
            if (it == NULL) {
                goto error;
            }
            Py_DECREF(iterable);
            SET_TOP(it);
        }
        DISPATCH();
    }

    TARGET(MAKE_FUNCTION) {
        PyObject *code = POP();
        PyFunctionObject *func = (PyFunctionObject *)PyFunction_New(code, frame->f_globals);
        Py_DECREF(code);
        if (func == NULL) {
            goto error;
        }
        if (oparg & 8) {
            func->func_closure = POP();
        }
        if (oparg & 4) {
            func->func_annotations = POP();
        }
        if (oparg & 2) {
            func->func_kwdefaults = POP();
        }
        if (oparg & 1) {
            func->func_defaults = POP();
        }
        PUSH((PyObject *)func);
        DISPATCH();
    }

    {
        PyObject *kwnames;
        PyObject **args;
        PyObject *callable;
        Py_ssize_t total, nkw;
        int has_self;

    TARGET(CALL_KW)
        kwnames = POP();
        nkw = PyTuple_GET_SIZE(kwnames);
        goto do_call;

    TARGET(CALL)
        kwnames = NULL;
        nkw = 0;
    do_call:
        total = oparg;
        args = sp - oparg;
        has_self = args[-2] != NULL;
        if (has_self) {
            callable = args[-2];
            args--;
            total++;
        }
        else {
            callable = args[-1];
        }
        if (Py_IS_TYPE(callable, &PyFunction_Type) &&
            ((PyFunctionObject *)callable)->vectorcall == _PyFunction_Vectorcall) {
            PyFunctionObject *func = (PyFunctionObject *)callable;
            PyCodeObject *fco = (PyCodeObject *)func->func_code;
            if (!(fco->co_flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR))) {
                /* Inline call: a new frame in this loop. */
                if (UNLIKELY(tstate->py_recursion_remaining <= 0)) {
                    Py_XDECREF(kwnames);
                    _Py_CheckRecursiveCallPy(tstate);
                    goto error;
                }
                _PyInterpreterFrame *nf = _PyThreadState_PushFrame(tstate, _PyFrame_Size(fco));
                if (nf == NULL) {
                    Py_XDECREF(kwnames);
                    goto error;
                }
                if (kwnames == NULL && total == fco->co_argcount &&
                    fco->co_kwonlyargcount == 0 &&
                    !(fco->co_flags & (CO_VARARGS | CO_VARKEYWORDS))) {
                    /* The common call: the stack's references to the
                     * callable and the arguments move into the frame,
                     * nothing is counted. */
                    _PyFrame_InitTakingFunc(nf, fco, callable, func->func_globals,
                                            func->func_builtins);
                    for (Py_ssize_t i = 0; i < total; i++) {
                        nf->localsplus[i] = args[i];
                    }
                    sp = args - (has_self ? 1 : 2);
                    goto push_frame;
                }
                _PyFrame_Init(nf, fco, callable, func->func_globals, func->func_builtins, NULL,
                              FRAME_OWNED_BY_THREAD);
                int err = _PyEval_BindArgs(tstate, nf, func, args, total, kwnames);
                Py_XDECREF(kwnames);
                /* Drop the call's stack slots (the frame holds its own
                 * references now). */
                for (Py_ssize_t i = 0; i < total; i++) {
                    Py_DECREF(args[i]);
                }
                sp = args - (has_self ? 1 : 2);
                Py_DECREF(callable);
                if (err < 0) {
                    _PyEval_ClearThreadFrame(tstate, nf);
                    goto error;
                }
            push_frame:
                SAVE_FRAME_STATE();
                tstate->py_recursion_remaining--;
                nf->previous = frame;
                nf->is_entry = 0;
                frame = nf;
                tstate->current_frame = frame;
                LOAD_FRAME_STATE();
                DISPATCH();
            }
        }
        {
            PyObject *res = PyObject_Vectorcall(
                callable, args, (size_t)(total - nkw) | PY_VECTORCALL_ARGUMENTS_OFFSET, kwnames);
            Py_XDECREF(kwnames);
            for (Py_ssize_t i = 0; i < total; i++) {
                Py_DECREF(args[i]);
            }
            sp = args - (has_self ? 1 : 2);
            Py_DECREF(callable);
            if (res == NULL) {
                goto error;
            }
            PUSH(res);
            CHECK_EVAL_BREAKER();
            DISPATCH();
        }
    }

    TARGET(CALL_FUNCTION_EX) {
        PyObject *kwargs = (oparg & 1) ? POP() : NULL;
        PyObject *callargs = POP();
        PyObject *func = POP();
        PyObject *null_or_self = POP();
        PyObject *res = NULL;
        if (!PyTuple_CheckExact(callargs)) {
            if (Py_TYPE(callargs)->tp_iter == NULL && !PySequence_Check(callargs)) {
                PyObject *fs = function_str(func);
                if (fs != NULL) {
                    _PyErr_Format(tstate, PyExc_TypeError,
                                  "%U argument after * must be an iterable, not %.200s", fs,
                                  Py_TYPE(callargs)->tp_name);
                    Py_DECREF(fs);
                }
                goto call_ex_done;
            }
            Py_SETREF(callargs, PySequence_Tuple(callargs));
            if (callargs == NULL) {
                goto call_ex_done;
            }
        }
        if (kwargs != NULL && !PyDict_CheckExact(kwargs)) {
            PyObject *d = PyDict_New();
            if (d == NULL) {
                goto call_ex_done;
            }
            if (dict_merge_for_call(tstate, d, kwargs) < 0) {
                Py_DECREF(d);
                format_kwargs_error(tstate, func, kwargs);
                goto call_ex_done;
            }
            Py_SETREF(kwargs, d);
        }
        if (null_or_self != NULL) {
            /* [func, self] form: prepend self. */
            Py_ssize_t n = PyTuple_GET_SIZE(callargs);
            PyObject *t = PyTuple_New(n + 1);
            if (t == NULL) {
                goto call_ex_done;
            }
            PyTuple_SET_ITEM(t, 0, Py_NewRef(func));
            for (Py_ssize_t i = 0; i < n; i++) {
                PyTuple_SET_ITEM(t, i + 1, Py_NewRef(PyTuple_GET_ITEM(callargs, i)));
            }
            Py_SETREF(callargs, t);
            PyObject *tmp = func;
            func = null_or_self;
            null_or_self = tmp;
        }
        res = PyObject_Call(func, callargs, kwargs);
    call_ex_done:
        Py_XDECREF(kwargs);
        Py_XDECREF(callargs);
        Py_DECREF(func);
        Py_XDECREF(null_or_self);
        if (res == NULL) {
            goto error;
        }
        PUSH(res);
        CHECK_EVAL_BREAKER();
        DISPATCH();
    }

    TARGET(RETURN_VALUE) {
        retval = POP();
        CLEAR_STACK_TO(stackbase);
        frame->stacktop = 0;
        if (frame->is_entry) {
            goto leave;
        }
        _PyInterpreterFrame *prev = frame->previous;
        tstate->current_frame = prev;
        tstate->py_recursion_remaining++;
        _PyEval_ClearThreadFrame(tstate, frame);
        frame = prev;
        LOAD_FRAME_STATE();
        PUSH(retval);
        retval = NULL;
        DISPATCH();
    }

    TARGET(LOAD_BUILD_CLASS) {
        PyObject *bc;
        int r = mapping_lookup(frame->f_builtins, _Py_ID_STR(__build_class__), &bc);
        if (r < 0) {
            goto error;
        }
        if (r == 0) {
            _PyErr_SetString(tstate, PyExc_NameError, "__build_class__ not found");
            goto error;
        }
        PUSH(bc);
        DISPATCH();
    }

    TARGET(SETUP_ANNOTATIONS) {
        PyObject *ns = frame->f_locals;
        if (ns == NULL) {
            _PyErr_SetString(tstate, PyExc_SystemError, "no locals found when setting up annotations");
            goto error;
        }
        PyObject *ann;
        int r = mapping_lookup(ns, _Py_ID_STR(__annotations__), &ann);
        if (r < 0) {
            goto error;
        }
        if (r > 0) {
            Py_DECREF(ann);
        }
        else {
            ann = PyDict_New();
            if (ann == NULL) {
                goto error;
            }
            int err = PyObject_SetItem(ns, _Py_ID_STR(__annotations__), ann);
            Py_DECREF(ann);
            if (err < 0) {
                goto error;
            }
        }
        DISPATCH();
    }

    TARGET(IMPORT_NAME) {
        PyObject *fromlist = TOP();
        PyObject *level = SECOND();
        PyObject *res = import_name(tstate, frame, names[oparg], fromlist, level);
        if (res == NULL) {
            goto error;
        }
        (void)POP();
        Py_DECREF(fromlist);
        Py_DECREF(level);
        SET_TOP(res);
        DISPATCH();
    }

    TARGET(IMPORT_FROM) {
        PyObject *res = import_from(tstate, TOP(), names[oparg]);
        if (res == NULL) {
            goto error;
        }
        PUSH(res);
        DISPATCH();
    }

    TARGET(SETUP_FINALLY) {
        if (UNLIKELY(frame->iblock >= CO_MAXBLOCKS)) {
            _PyErr_SetString(tstate, PyExc_SystemError, "XXX block stack overflow");
            goto error;
        }
        _PyTryBlock *b = &frame->blockstack[frame->iblock++];
        b->handler = oparg;
        b->level = (int)(sp - stackbase);
        DISPATCH();
    }

    TARGET(POP_BLOCK) {
        if (UNLIKELY(frame->iblock <= 0)) {
            _PyErr_SetString(tstate, PyExc_SystemError, "XXX block stack underflow");
            goto error;
        }
        frame->iblock--;
        DISPATCH();
    }

    TARGET(PUSH_EXC_INFO) {
        PyObject *exc = TOP();
        _PyErr_StackItem *ei = (_PyErr_StackItem *)tstate->exc_info;
        PyObject *prev = ei->exc_value;
        SET_TOP(prev != NULL ? prev : Py_NewRef(Py_None));
        ei->exc_value = Py_NewRef(exc);
        PUSH(exc);
        DISPATCH();
    }

    TARGET(POP_EXCEPT) {
        PyObject *prev = POP();
        _PyErr_StackItem *ei = (_PyErr_StackItem *)tstate->exc_info;
        PyObject *old = ei->exc_value;
        if (prev == Py_None) {
            Py_DECREF(prev);
            prev = NULL;
        }
        ei->exc_value = prev;
        Py_XDECREF(old);
        DISPATCH();
    }

    TARGET(CHECK_EXC_MATCH) {
        PyObject *right = TOP();
        PyObject *left = SECOND();
        if (check_except_type_valid(tstate, right) < 0) {
            goto error;
        }
        int r = PyErr_GivenExceptionMatches(left, right);
        Py_DECREF(right);
        SET_TOP(Py_NewRef(r ? Py_True : Py_False));
        DISPATCH();
    }

    TARGET(CHECK_EG_MATCH) {
        PyObject *match_type = TOP();
        PyObject *exc_value = SECOND();
        if (check_except_star_type_valid(tstate, match_type) < 0) {
            goto error;
        }
        PyObject *match = NULL, *rest = NULL;
        if (exception_group_match(tstate, exc_value, match_type, &match, &rest) < 0) {
            goto error;
        }
        Py_DECREF(match_type);
        Py_DECREF(exc_value);
        SECOND() = rest;
        SET_TOP(match);
        if (match != Py_None) {
            PyErr_SetHandledException(match);
        }
        DISPATCH();
    }

    TARGET(RAISE_VARARGS) {
        PyObject *cause = NULL, *exc = NULL;
        if (oparg == 2) {
            cause = POP();
        }
        if (oparg >= 1) {
            exc = POP();
        }
        int reraise = do_raise(tstate, exc, cause);
        Py_XDECREF(exc);
        Py_XDECREF(cause);
        if (reraise) {
            goto exception_unwind;
        }
        goto error;
    }

    TARGET(RERAISE) {
        PyObject *exc = POP();
        _PyErr_SetRaisedException(tstate, exc);
        goto exception_unwind;
    }

    TARGET(BEFORE_WITH) {
        PyObject *mgr = TOP();
        PyObject *enter = special_lookup_or_error(
            tstate, mgr, _Py_ID_STR(__enter__),
            "'%.200s' object does not support the context manager protocol");
        if (enter == NULL) {
            goto error;
        }
        PyObject *exit = special_lookup_or_error(
            tstate, mgr, _Py_ID_STR(__exit__),
            "'%.200s' object does not support the context manager protocol "
            "(missed __exit__ method)");
        if (exit == NULL) {
            Py_DECREF(enter);
            goto error;
        }
        SET_TOP(exit);
        Py_DECREF(mgr);
        PyObject *res = PyObject_CallNoArgs(enter);
        Py_DECREF(enter);
        if (res == NULL) {
            goto error;
        }
        PUSH(res);
        DISPATCH();
    }

    TARGET(WITH_EXCEPT_START) {
        PyObject *exc = TOP();
        PyObject *exit = PEEK(3);
        PyObject *tb = PyException_GetTraceback(exc);
        PyObject *stack[3] = {(PyObject *)Py_TYPE(exc), exc, tb != NULL ? tb : Py_None};
        PyObject *res = PyObject_Vectorcall(exit, stack, 3, NULL);
        Py_XDECREF(tb);
        if (res == NULL) {
            goto error;
        }
        PUSH(res);
        DISPATCH();
    }

    TARGET(LOAD_ASSERTION_ERROR) {
        PUSH(Py_NewRef(PyExc_AssertionError));
        DISPATCH();
    }

    TARGET(YIELD_VALUE) {
        retval = POP();
        if (UNLIKELY(frame->owner != FRAME_OWNED_BY_GENERATOR)) {
            Py_DECREF(retval);
            retval = NULL;
            _PyErr_SetString(tstate, PyExc_SystemError, "yield outside a generator frame");
            goto error;
        }
        SAVE_FRAME_STATE();
        PyGenObject *gen = _PyGen_FromFrame(frame);
        gen->gi_frame_state = FRAME_SUSPENDED;
        tstate->current_frame = frame->previous;
        /* A suspended frame links to no caller (a stale link would become
         * f_back when the generator is cleared). */
        frame->previous = NULL;
        tstate->py_recursion_remaining++;
        if (UNLIKELY(tstate->trace_active)) {
            /* tracing may have been switched on in here: tell the caller's loop */
            _Py_set_eval_breaker_bit(tstate, _PY_EVAL_TRACE_BIT);
        }
        return retval;
    }

    TARGET(SEND) {
        PyObject *v = TOP();
        PyObject *receiver = SECOND();
        PyObject *res = NULL;
        PySendResult r;
        if ((PyGen_CheckExact(receiver) || PyCoro_CheckExact(receiver))) {
            r = _PyGen_Send((PyGenObject *)receiver, v, &res);
        }
        else if (v == Py_None && Py_TYPE(receiver)->tp_iternext != NULL) {
            res = Py_TYPE(receiver)->tp_iternext(receiver);
            if (res != NULL) {
                r = PYGEN_NEXT;
            }
            else if (!_PyErr_Occurred(tstate)) {
                res = Py_NewRef(Py_None);
                r = PYGEN_RETURN;
            }
            else if (_PyErr_ExceptionMatches(tstate, PyExc_StopIteration)) {
                r = _PyGen_FetchStopIterationValue(&res) == 0 ? PYGEN_RETURN : PYGEN_ERROR;
            }
            else {
                r = PYGEN_ERROR;
            }
        }
        else {
            res = PyObject_CallMethodOneArg(receiver, _Py_ID_STR(send), v);
            if (res != NULL) {
                r = PYGEN_NEXT;
            }
            else if (_PyErr_ExceptionMatches(tstate, PyExc_StopIteration)) {
                r = _PyGen_FetchStopIterationValue(&res) == 0 ? PYGEN_RETURN : PYGEN_ERROR;
            }
            else {
                r = PYGEN_ERROR;
            }
        }
        if (r == PYGEN_ERROR) {
            goto error;
        }
        if (UNLIKELY(TRACING_ON()) && r == PYGEN_RETURN &&
            (PyGen_CheckExact(receiver) || PyCoro_CheckExact(receiver)) &&
            _PyTrace_StopIteration(tstate, frame, res) < 0) {
            Py_DECREF(res);
            goto error;
        }
        Py_DECREF(v);
        if (r == PYGEN_RETURN) {
            (void)POP();
            Py_DECREF(receiver);
            SET_TOP(res);
            JUMPTO(oparg);
        }
        else {
            SET_TOP(res);
        }
        DISPATCH();
    }

    TARGET(END_SEND) {
        PyObject *v = POP();
        PyObject *receiver = TOP();
        Py_DECREF(receiver);
        SET_TOP(v);
        DISPATCH();
    }

    TARGET(GET_AWAITABLE) {
        PyObject *iterable = TOP();
        PyObject *iter = _PyCoro_GetAwaitableIter(iterable);
        if (iter == NULL) {
            format_awaitable_error(tstate, Py_TYPE(iterable), oparg);
            goto error;
        }
        if (PyCoro_CheckExact(iter) && ((PyGenObject *)iter)->gi_frame_state == FRAME_SUSPENDED) {
            /* A coroutine suspended in an await cannot be awaited again
             * until it finishes; one that is running raises. */
        }
        Py_DECREF(iterable);
        SET_TOP(iter);
        DISPATCH();
    }

    TARGET(GET_AITER) {
        PyObject *obj = TOP();
        PyObject *iter = get_aiter(tstate, obj);
        if (iter == NULL) {
            goto error;
        }
        Py_DECREF(obj);
        SET_TOP(iter);
        DISPATCH();
    }

    TARGET(GET_ANEXT) {
        PyObject *awaitable = get_anext(tstate, TOP());
        if (awaitable == NULL) {
            goto error;
        }
        PUSH(awaitable);
        DISPATCH();
    }

    TARGET(END_ASYNC_FOR) {
        PyObject *exc = POP();
        if (PyErr_GivenExceptionMatches(exc, PyExc_StopAsyncIteration)) {
            Py_DECREF(exc);
            PyObject *aiter = POP();
            Py_DECREF(aiter);
            DISPATCH();
        }
        _PyErr_SetRaisedException(tstate, exc);
        goto exception_unwind;
    }

    TARGET(BEFORE_ASYNC_WITH) {
        PyObject *mgr = TOP();
        PyObject *enter = special_lookup_or_error(
            tstate, mgr, _Py_ID_STR(__aenter__),
            "'%.200s' object does not support the asynchronous context manager protocol");
        if (enter == NULL) {
            goto error;
        }
        PyObject *exit = special_lookup_or_error(
            tstate, mgr, _Py_ID_STR(__aexit__),
            "'%.200s' object does not support the asynchronous context manager protocol "
            "(missed __aexit__ method)");
        if (exit == NULL) {
            Py_DECREF(enter);
            goto error;
        }
        SET_TOP(exit);
        Py_DECREF(mgr);
        PyObject *res = PyObject_CallNoArgs(enter);
        Py_DECREF(enter);
        if (res == NULL) {
            goto error;
        }
        PyObject *aw = _PyCoro_GetAwaitableIter(res);
        if (aw == NULL) {
            format_awaitable_error(tstate, Py_TYPE(res), 1);
            Py_DECREF(res);
            goto error;
        }
        Py_DECREF(res);
        PUSH(aw);
        DISPATCH();
    }

    TARGET(CALL_INTRINSIC_1) {
        PyObject *v = TOP();
        PyObject *res;
        switch (oparg) {
        case _Py_INTRINSIC_1_PRINT:
            res = intrinsic_print(tstate, v);
            break;
        case _Py_INTRINSIC_1_IMPORT_STAR:
            if (frame->f_locals == NULL) {
                _PyErr_SetString(tstate, PyExc_SystemError, "no locals found during 'import *'");
                res = NULL;
            }
            else {
                res = import_all_from(tstate, frame->f_locals, v) < 0 ? NULL : Py_NewRef(Py_None);
            }
            break;
        case _Py_INTRINSIC_1_STOPITERATION_ERROR:
            res = intrinsic_stopiteration_error(tstate, frame, v);
            break;
        case _Py_INTRINSIC_1_ASYNC_GEN_WRAP:
            res = _PyAsyncGenValueWrapperNew(tstate, v);
            break;
        case _Py_INTRINSIC_1_UNARY_POSITIVE:
            res = PyNumber_Positive(v);
            break;
        case _Py_INTRINSIC_1_LIST_TO_TUPLE:
            res = PyList_AsTuple(v);
            break;
        default:
            _PyErr_SetString(tstate, PyExc_SystemError, "bad CALL_INTRINSIC_1 argument");
            res = NULL;
            break;
        }
        if (res == NULL) {
            goto error;
        }
        Py_DECREF(v);
        SET_TOP(res);
        DISPATCH();
    }

    TARGET(CALL_INTRINSIC_2) {
        PyObject *v2 = TOP();
        PyObject *v1 = SECOND();
        PyObject *res;
        if (oparg == _Py_INTRINSIC_2_PREP_RERAISE_STAR) {
            res = _PyExc_PrepReraiseStar(v1, v2);
        }
        else if (oparg == _Py_INTRINSIC_2_MAPPING_REST) {
            res = mapping_rest(tstate, v1, v2);
        }
        else {
            _PyErr_SetString(tstate, PyExc_SystemError, "bad CALL_INTRINSIC_2 argument");
            res = NULL;
        }
        if (res == NULL) {
            goto error;
        }
        (void)POP();
        Py_DECREF(v2);
        Py_DECREF(v1);
        SET_TOP(res);
        DISPATCH();
    }

    TARGET(GET_LEN) {
        Py_ssize_t len = PyObject_Length(TOP());
        if (len < 0) {
            goto error;
        }
        PyObject *n = PyLong_FromSsize_t(len);
        if (n == NULL) {
            goto error;
        }
        PUSH(n);
        DISPATCH();
    }

    TARGET(MATCH_MAPPING) {
        int m = (Py_TYPE(TOP())->tp_flags & Py_TPFLAGS_MAPPING) != 0;
        PUSH(Py_NewRef(m ? Py_True : Py_False));
        DISPATCH();
    }

    TARGET(MATCH_SEQUENCE) {
        int m = (Py_TYPE(TOP())->tp_flags & Py_TPFLAGS_SEQUENCE) != 0;
        PUSH(Py_NewRef(m ? Py_True : Py_False));
        DISPATCH();
    }

    TARGET(MATCH_KEYS) {
        PyObject *values = match_keys(tstate, SECOND(), TOP());
        if (values == NULL) {
            goto error;
        }
        PUSH(values);
        DISPATCH();
    }

    TARGET(MATCH_CLASS) {
        PyObject *names = POP();
        PyObject *type = POP();
        PyObject *subject = TOP();
        PyObject *res = match_class(tstate, subject, type, oparg, names);
        Py_DECREF(names);
        Py_DECREF(type);
        if (res == NULL) {
            goto error;
        }
        Py_DECREF(subject);
        SET_TOP(res);
        DISPATCH();
    }

#if USE_COMPUTED_GOTOS
    unknown_opcode:
#endif
    default:
        _PyErr_Format(tstate, PyExc_SystemError, "%U:%d: unknown opcode %d",
                      co->co_filename, _PyCode_Addr2Line(co, _PyFrame_Lasti(frame)), opcode);
        goto error;
    } /* switch */

error:
    if (UNLIKELY(!_PyErr_Occurred(tstate))) {
        _PyErr_SetString(tstate, PyExc_SystemError, "error return without exception set");
    }
    if (add_traceback(tstate, frame) < 0) {
        /* keep the original exception if we cannot record where */
    }
    if (UNLIKELY(TRACING_ON())) {
        _PyTrace_Exception(tstate, frame);
    }
exception_unwind:
    if (frame->iblock > 0) {
        _PyTryBlock *b = &frame->blockstack[--frame->iblock];
        CLEAR_STACK_TO(stackbase + b->level);
        PyObject *exc = _PyErr_GetRaisedException(tstate);
        PUSH(exc);
        JUMPTO(b->handler);
        DISPATCH();
    }
    CLEAR_STACK_TO(stackbase);
    if (UNLIKELY(TRACING_ON())) {
        _PyTrace_Unwind(tstate, frame);
    }
exit_unwind:
    frame->stacktop = 0;
    if (frame->is_entry) {
        retval = NULL;
        goto leave;
    }
    {
        _PyInterpreterFrame *prev = frame->previous;
        tstate->current_frame = prev;
        tstate->py_recursion_remaining++;
        _PyEval_ClearThreadFrame(tstate, frame);
        frame = prev;
        LOAD_FRAME_STATE();
        goto error;
    }

leave:
    tstate->current_frame = frame->previous;
    tstate->py_recursion_remaining++;
    if (UNLIKELY(tstate->trace_active)) {
        /* tracing may have been switched on in here: tell the caller's loop */
        _Py_set_eval_breaker_bit(tstate, _PY_EVAL_TRACE_BIT);
    }
    if (frame->owner == FRAME_OWNED_BY_GENERATOR) {
        PyGenObject *gen = _PyGen_FromFrame(frame);
        gen->gi_frame_state = FRAME_COMPLETED;
        _PyFrame_ClearExceptCode(frame);
        frame->previous = NULL;
    }
    else {
        _PyEval_ClearThreadFrame(tstate, frame);
    }
    return retval;
}
