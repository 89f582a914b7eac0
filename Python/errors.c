/* errors.c: raising, inspecting and clearing the current exception
 * (PyErr_*), the C recursion guard, fatal errors and the stand-in warning
 * printer.  The current exception is one normalised exception instance in
 * tstate->current_exception; the legacy (type, value, traceback) triple
 * APIs convert to and from it. */
#include "Python.h"
#include "pycore_pystate.h"
#include "pycore_pyerrors.h"
#include "pycore_object.h"

static PyThreadState *
get_tstate(void)
{
    PyThreadState *tstate = _PyThreadState_GET();
    if (tstate == NULL) {
        _Py_FatalErrorFunc(__func__, "no thread state: the runtime is not initialised "
                           "or this thread has no Python thread state");
    }
    return tstate;
}

PyObject *
_PyErr_GetTopmostException(PyThreadState *tstate)
{
    _PyErr_StackItem *item = (_PyErr_StackItem *)tstate->exc_info;
    while (item != NULL) {
        if (item->exc_value != NULL && item->exc_value != Py_None) {
            return item->exc_value;
        }
        item = item->previous_item;
    }
    return Py_None;
}

void
_PyErr_SetRaisedException(PyThreadState *tstate, PyObject *exc)
{
    PyObject *old = tstate->current_exception;
    tstate->current_exception = exc;
    Py_XDECREF(old);
}

void
PyErr_SetRaisedException(PyObject *exc)
{
    _PyErr_SetRaisedException(get_tstate(), exc);
}

PyObject *
_PyErr_GetRaisedException(PyThreadState *tstate)
{
    PyObject *exc = tstate->current_exception;
    tstate->current_exception = NULL;
    return exc;
}

PyObject *
PyErr_GetRaisedException(void)
{
    return _PyErr_GetRaisedException(get_tstate());
}

PyObject *
_PyErr_CreateException(PyObject *type, PyObject *value)
{
    PyObject *exc;
    if (value == NULL || value == Py_None) {
        exc = PyObject_CallNoArgs(type);
    }
    else if (PyTuple_Check(value)) {
        exc = PyObject_Call(type, value, NULL);
    }
    else {
        exc = PyObject_CallOneArg(type, value);
    }
    if (exc != NULL && !PyExceptionInstance_Check(exc)) {
        PyErr_Format(PyExc_TypeError,
                     "calling %R should have returned an instance of "
                     "BaseException, not %s",
                     type, Py_TYPE(exc)->tp_name);
        Py_CLEAR(exc);
    }
    return exc;
}

void
_PyErr_SetObject(PyThreadState *tstate, PyObject *type, PyObject *value)
{
    if (type != NULL && !PyExceptionClass_Check(type)) {
        /* Raise SystemError instead; never recurse on a bad type. */
        PyObject *msg = PyUnicode_FromFormat(
            "_PyErr_SetObject: exception %R is not a BaseException subclass", type);
        _PyErr_SetRaisedException(tstate, NULL);
        if (msg != NULL) {
            PyObject *exc = PyObject_CallOneArg(PyExc_SystemError, msg);
            Py_DECREF(msg);
            _PyErr_SetRaisedException(tstate, exc);
        }
        return;
    }
    Py_XINCREF(value);
    /* Normalise: an instance of `type` is used as is, anything else is the
     * constructor's argument(s). */
    if (value == NULL || !PyExceptionInstance_Check(value) ||
        !PyType_IsSubtype(Py_TYPE(value), (PyTypeObject *)type)) {
        /* Creating the exception may raise; keep the state clean meanwhile. */
        PyObject *saved = _PyErr_GetRaisedException(tstate);
        PyObject *exc = _PyErr_CreateException(type, value);
        Py_XDECREF(value);
        if (exc == NULL) {
            Py_XDECREF(saved);
            return;  /* the constructor's error is set */
        }
        Py_XDECREF(saved);
        value = exc;
    }
    /* Chain the exception being handled as __context__, breaking cycles. */
    PyObject *handled = _PyErr_GetTopmostException(tstate);
    if (handled != Py_None && handled != value) {
        PyObject *o = handled, *context;
        PyObject *slow_o = o;
        int slow_update_toggle = 0;
        while ((context = PyException_GetContext(o)) != NULL) {
            Py_DECREF(context);  /* borrowed use is fine: chain holds it */
            if (context == value) {
                PyException_SetContext(o, NULL);
                break;
            }
            o = context;
            if (o == slow_o) {
                break;  /* pre-existing cycle */
            }
            if (slow_update_toggle) {
                PyObject *c = PyException_GetContext(slow_o);
                Py_XDECREF(c);
                slow_o = c;
            }
            slow_update_toggle = !slow_update_toggle;
        }
        PyException_SetContext(value, Py_NewRef(handled));
    }
    _PyErr_SetRaisedException(tstate, value);
}

void
PyErr_SetObject(PyObject *type, PyObject *value)
{
    _PyErr_SetObject(get_tstate(), type, value);
}

void
PyErr_SetNone(PyObject *type)
{
    PyErr_SetObject(type, NULL);
}

void
_PyErr_SetString(PyThreadState *tstate, PyObject *type, const char *msg)
{
    PyObject *value = PyUnicode_FromString(msg);
    if (value == NULL) {
        return;
    }
    _PyErr_SetObject(tstate, type, value);
    Py_DECREF(value);
}

void
PyErr_SetString(PyObject *type, const char *msg)
{
    _PyErr_SetString(get_tstate(), type, msg);
}

PyObject *
PyErr_FormatV(PyObject *type, const char *format, va_list vargs)
{
    PyThreadState *tstate = get_tstate();
    /* Formatting may call repr() and must not see a pending exception. */
    _PyErr_SetRaisedException(tstate, NULL);
    PyObject *msg = PyUnicode_FromFormatV(format, vargs);
    if (msg != NULL) {
        _PyErr_SetObject(tstate, type, msg);
        Py_DECREF(msg);
    }
    return NULL;
}

PyObject *
PyErr_Format(PyObject *type, const char *format, ...)
{
    va_list va;
    va_start(va, format);
    PyErr_FormatV(type, format, va);
    va_end(va);
    return NULL;
}

PyObject *
_PyErr_Format(PyThreadState *tstate, PyObject *type, const char *format, ...)
{
    (void)tstate;
    va_list va;
    va_start(va, format);
    PyErr_FormatV(type, format, va);
    va_end(va);
    return NULL;
}

PyObject *
PyErr_Occurred(void)
{
    PyThreadState *tstate = _PyThreadState_GET();
    if (tstate == NULL) {
        return NULL;
    }
    return _PyErr_Occurred(tstate);
}

void
_PyErr_Clear(PyThreadState *tstate)
{
    _PyErr_SetRaisedException(tstate, NULL);
}

void
PyErr_Clear(void)
{
    _PyErr_Clear(get_tstate());
}

void
PyErr_Fetch(PyObject **ptype, PyObject **pvalue, PyObject **ptraceback)
{
    PyObject *exc = PyErr_GetRaisedException();
    *pvalue = exc;
    if (exc == NULL) {
        *ptype = NULL;
        *ptraceback = NULL;
    }
    else {
        *ptype = Py_NewRef(Py_TYPE(exc));
        *ptraceback = PyException_GetTraceback(exc);
    }
}

void
PyErr_Restore(PyObject *type, PyObject *value, PyObject *traceback)
{
    PyThreadState *tstate = get_tstate();
    if (type == NULL) {
        Py_XDECREF(value);
        Py_XDECREF(traceback);
        _PyErr_SetRaisedException(tstate, NULL);
        return;
    }
    if (value != NULL && PyExceptionInstance_Check(value) &&
        (PyObject *)Py_TYPE(value) == type) {
        /* Already normalised. */
    }
    else {
        PyObject *exc = _PyErr_CreateException(type, value);
        Py_XDECREF(value);
        if (exc == NULL) {
            Py_DECREF(type);
            Py_XDECREF(traceback);
            return;
        }
        value = exc;
    }
    Py_DECREF(type);
    if (traceback != NULL && traceback != Py_None) {
        PyException_SetTraceback(value, traceback);
    }
    Py_XDECREF(traceback);
    _PyErr_SetRaisedException(tstate, value);
}

void
PyErr_NormalizeException(PyObject **exc, PyObject **val, PyObject **tb)
{
    PyObject *type = *exc;
    PyObject *value = *val;
    if (type == NULL) {
        return;
    }
    if (value == NULL) {
        value = Py_NewRef(Py_None);
    }
    if (PyExceptionClass_Check(type)) {
        if (PyExceptionInstance_Check(value) &&
            PyType_IsSubtype(Py_TYPE(value), (PyTypeObject *)type)) {
            if ((PyObject *)Py_TYPE(value) != type) {
                Py_SETREF(type, Py_NewRef(Py_TYPE(value)));
            }
        }
        else {
            PyObject *inst = _PyErr_CreateException(type, value);
            if (inst == NULL) {
                Py_DECREF(type);
                Py_DECREF(value);
                PyObject *t, *v, *b;
                PyErr_Fetch(&t, &v, &b);
                *exc = t;
                *val = v;
                if (*tb == NULL) {
                    *tb = b;
                }
                else {
                    Py_XDECREF(b);
                }
                return;
            }
            Py_SETREF(value, inst);
        }
    }
    *exc = type;
    *val = value;
}

PyObject *
PyErr_GetHandledException(void)
{
    return Py_NewRef(_PyErr_GetTopmostException(get_tstate()));
}


void
PyErr_SetHandledException(PyObject *exc)
{
    PyThreadState *tstate = get_tstate();
    _PyErr_StackItem *item = (_PyErr_StackItem *)tstate->exc_info;
    if (item == NULL) {
        /* The thread's own base item (the eval loop pushes generators'
         * items on top of it). */
        item = (_PyErr_StackItem *)&tstate->exc_state;
        tstate->exc_info = item;
    }
    PyObject *old = item->exc_value;
    item->exc_value = (exc == NULL || exc == Py_None) ? NULL : Py_NewRef(exc);
    Py_XDECREF(old);
}

void
PyErr_GetExcInfo(PyObject **ptype, PyObject **pvalue, PyObject **ptraceback)
{
    PyObject *exc = _PyErr_GetTopmostException(get_tstate());
    if (exc == Py_None) {
        *ptype = Py_NewRef(Py_None);
        *pvalue = Py_NewRef(Py_None);
        *ptraceback = Py_NewRef(Py_None);
        return;
    }
    *ptype = Py_NewRef(Py_TYPE(exc));
    *pvalue = Py_NewRef(exc);
    PyObject *tb = PyException_GetTraceback(exc);
    *ptraceback = tb ? tb : Py_NewRef(Py_None);
}

void
PyErr_SetExcInfo(PyObject *type, PyObject *value, PyObject *traceback)
{
    PyErr_SetHandledException(value);
    Py_XDECREF(type);
    Py_XDECREF(value);
    Py_XDECREF(traceback);
}

int
PyErr_GivenExceptionMatches(PyObject *given, PyObject *exc)
{
    if (given == NULL || exc == NULL) {
        return 0;
    }
    if (PyTuple_Check(exc)) {
        Py_ssize_t n = PyTuple_GET_SIZE(exc);
        for (Py_ssize_t i = 0; i < n; i++) {
            if (PyErr_GivenExceptionMatches(given, PyTuple_GET_ITEM(exc, i))) {
                return 1;
            }
        }
        return 0;
    }
    if (PyExceptionInstance_Check(given)) {
        given = PyExceptionInstance_Class(given);
    }
    if (PyExceptionClass_Check(given) && PyExceptionClass_Check(exc)) {
        return PyType_IsSubtype((PyTypeObject *)given, (PyTypeObject *)exc);
    }
    return given == exc;
}

int
_PyErr_ExceptionMatches(PyThreadState *tstate, PyObject *exc)
{
    return PyErr_GivenExceptionMatches(_PyErr_Occurred(tstate), exc);
}

int
PyErr_ExceptionMatches(PyObject *exc)
{
    return _PyErr_ExceptionMatches(get_tstate(), exc);
}

PyObject *
PyErr_NoMemory(void)
{
    PyThreadState *tstate = get_tstate();
    if (Py_IS_TYPE(PyExc_MemoryError, NULL)) {
        _Py_FatalErrorFunc(__func__, "out of memory before MemoryError was ready");
    }
    /* Creating the instance may itself fail; then leave what is set. */
    PyObject *exc = PyObject_CallNoArgs(PyExc_MemoryError);
    if (exc != NULL) {
        _PyErr_SetRaisedException(tstate, exc);
    }
    return NULL;
}

int
PyErr_BadArgument(void)
{
    PyErr_SetString(PyExc_TypeError, "bad argument type for built-in operation");
    return 0;
}

void
_PyErr_BadInternalCall(const char *filename, int lineno)
{
    PyErr_Format(PyExc_SystemError, "%s:%d: bad argument to internal function",
                 filename, lineno);
}

PyObject *
PyErr_SetFromErrnoWithFilenameObjects(PyObject *type, PyObject *f1, PyObject *f2)
{
    int err = errno;
    PyObject *msg;
    if (err == EINTR) {
        if (PyErr_CheckSignals() < 0) {
            return NULL;
        }
    }
    msg = PyUnicode_DecodeLocale(err == 0 ? "Error" : strerror(err), "surrogateescape");
    if (msg == NULL) {
        return NULL;
    }
    PyObject *args;
    if (f1 != NULL && f2 != NULL) {
        args = Py_BuildValue("(iOOiO)", err, msg, f1, 0, f2);
    }
    else if (f1 != NULL) {
        args = Py_BuildValue("(iOO)", err, msg, f1);
    }
    else {
        args = Py_BuildValue("(iO)", err, msg);
    }
    Py_DECREF(msg);
    if (args != NULL) {
        PyObject *exc = PyObject_Call(type, args, NULL);
        Py_DECREF(args);
        if (exc != NULL) {
            PyErr_SetObject((PyObject *)Py_TYPE(exc), exc);
            Py_DECREF(exc);
        }
    }
    return NULL;
}

PyObject *
PyErr_SetFromErrnoWithFilenameObject(PyObject *type, PyObject *filename)
{
    return PyErr_SetFromErrnoWithFilenameObjects(type, filename, NULL);
}

PyObject *
PyErr_SetFromErrno(PyObject *type)
{
    return PyErr_SetFromErrnoWithFilenameObjects(type, NULL, NULL);
}

PyObject *
PyErr_SetFromErrnoWithFilename(PyObject *type, const char *filename)
{
    int saved = errno;
    PyObject *name = NULL;
    if (filename != NULL) {
        name = PyUnicode_DecodeFSDefault(filename);
        if (name == NULL) {
            return NULL;
        }
    }
    errno = saved;
    PyErr_SetFromErrnoWithFilenameObjects(type, name, NULL);
    Py_XDECREF(name);
    return NULL;
}

PyObject *
PyErr_SetImportError(PyObject *msg, PyObject *name, PyObject *path)
{
    PyObject *kwargs = PyDict_New();
    if (kwargs == NULL) {
        return NULL;
    }
    if (name && PyDict_SetItemString(kwargs, "name", name) < 0) {
        goto done;
    }
    if (path && PyDict_SetItemString(kwargs, "path", path) < 0) {
        goto done;
    }
    PyObject *args = PyTuple_Pack(1, msg);
    if (args != NULL) {
        PyObject *exc = PyObject_Call(PyExc_ImportError, args, kwargs);
        Py_DECREF(args);
        if (exc != NULL) {
            PyErr_SetObject((PyObject *)Py_TYPE(exc), exc);
            Py_DECREF(exc);
        }
    }
done:
    Py_DECREF(kwargs);
    return NULL;
}

/* "Type: message" on stderr, for exceptions nobody can catch. */
static void
print_exception_line(PyObject *exc)
{
    PyTypeObject *tp = Py_TYPE(exc);
    PyObject *mod = PyObject_GetAttrString((PyObject *)tp, "__module__");
    const char *modname = NULL;
    if (mod != NULL && PyUnicode_Check(mod)) {
        modname = PyUnicode_AsUTF8AndSize(mod, NULL);
    }
    if (mod == NULL) {
        PyErr_Clear();
    }
    const char *name = _PyType_Name(tp);
    if (modname != NULL && strcmp(modname, "builtins") != 0 &&
        strcmp(modname, "__main__") != 0) {
        fprintf(stderr, "%s.%s", modname, name);
    }
    else {
        fprintf(stderr, "%s", name);
    }
    Py_XDECREF(mod);
    PyObject *s = PyObject_Str(exc);
    const char *text = s ? PyUnicode_AsUTF8AndSize(s, NULL) : NULL;
    if (text == NULL) {
        PyErr_Clear();
        fprintf(stderr, ": <exception str() failed>\n");
    }
    else if (text[0] != '\0') {
        fprintf(stderr, ": %s\n", text);
    }
    else {
        fprintf(stderr, "\n");
    }
    Py_XDECREF(s);
}

/* PyErr_DisplayException, PyErr_Display, PyErr_Print(Ex): Python/traceback.c. */

/* ---- unraisable exceptions ------------------------------------------------ */

/* sys.unraisablehook's argument (CPython's UnraisableHookArgs).  The type is
 * readied once by sys's initialisation (_PyErr_InitUnraisableHookArgs), before
 * any thread can report an unraisable exception. */
static PyTypeObject UnraisableHookArgsType;
static PyStructSequence_Field unraisable_fields[] = {
    {"exc_type", "Exception type"},
    {"exc_value", "Exception value"},
    {"exc_traceback", "Exception traceback"},
    {"err_msg", "Error message"},
    {"object", "Object causing the exception"},
    {NULL, NULL}
};
static PyStructSequence_Desc unraisable_desc = {
    "UnraisableHookArgs",
    "UnraisableHookArgs\n\nType used to pass arguments to sys.unraisablehook.",
    unraisable_fields, 5
};

int
_PyErr_InitUnraisableHookArgs(void)
{
    return PyStructSequence_InitType2(&UnraisableHookArgsType, &unraisable_desc);
}

static PyObject *
make_unraisable_args(PyObject *type, PyObject *value, PyObject *tb, PyObject *msg,
                     PyObject *obj)
{
    PyObject *args = PyStructSequence_New(&UnraisableHookArgsType);
    if (args == NULL) {
        return NULL;
    }
    PyObject *items[5] = {type, value, tb, msg, obj};
    for (int i = 0; i < 5; i++) {
        PyStructSequence_SetItem(args, i, Py_NewRef(items[i] ? items[i] : Py_None));
    }
    return args;
}

/* Writes `s` to `file` (sys.stderr), or to C's stderr when there is none. */
static int
unraisable_write(PyObject *file, const char *s)
{
    if (file != NULL) {
        return PyFile_WriteString(s, file);
    }
    fputs(s, stderr);
    return 0;
}

static int
unraisable_write_obj(PyObject *file, PyObject *o, int raw)
{
    if (file != NULL) {
        return PyFile_WriteObject(o, file, raw ? Py_PRINT_RAW : 0);
    }
    PyObject *s = raw ? PyObject_Str(o) : PyObject_Repr(o);
    const char *u = s ? PyUnicode_AsUTF8AndSize(s, NULL) : NULL;
    if (u != NULL) {
        fputs(u, stderr);
    }
    Py_XDECREF(s);
    return u != NULL ? 0 : -1;
}

/* The default sys.unraisablehook: CPython 3.13's layout ("Exception ignored
 * in: <repr>", the traceback without carets, "Type: message"). */
static int
write_unraisable(PyObject *type, PyObject *value, PyObject *tb, PyObject *msg, PyObject *obj)
{
    PyObject *file = NULL;
    PyThreadState *tstate = _PyThreadState_GET();
    if (tstate != NULL && tstate->interp->sysdict != NULL &&
        PyDict_GetItemRef(tstate->interp->sysdict, _Py_ID_STR(stderr), &file) < 0) {
        PyErr_Clear();
    }
    if (file == Py_None) {
        Py_CLEAR(file);
    }
    int rc = -1;
    if (obj != NULL && obj != Py_None) {
        if (msg != NULL && msg != Py_None) {
            if (unraisable_write_obj(file, msg, 1) < 0 || unraisable_write(file, ": ") < 0) {
                goto done;
            }
        }
        else if (unraisable_write(file, "Exception ignored in: ") < 0) {
            goto done;
        }
        if (unraisable_write_obj(file, obj, 0) < 0) {
            PyErr_Clear();
            if (unraisable_write(file, "<object repr() failed>") < 0) {
                goto done;
            }
        }
        if (unraisable_write(file, "\n") < 0) {
            goto done;
        }
    }
    else if (msg != NULL && msg != Py_None) {
        if (unraisable_write_obj(file, msg, 1) < 0 || unraisable_write(file, ":\n") < 0) {
            goto done;
        }
    }
    if (tb != NULL && tb != Py_None && PyTraceBack_Check(tb)) {
        if (file != NULL) {
            if (_PyTraceBack_PrintPlain(tb, file) < 0) {
                PyErr_Clear();
            }
        }
    }
    if (type == NULL || type == Py_None) {
        rc = 0;
        goto done;
    }
    PyObject *mod = PyObject_GetAttrString(type, "__module__");
    if (mod == NULL || !PyUnicode_Check(mod)) {
        PyErr_Clear();
        if (unraisable_write(file, "<unknown>") < 0) {
            Py_XDECREF(mod);
            goto done;
        }
    }
    else if (!_PyUnicode_EqualToASCIIString(mod, "builtins") &&
             !_PyUnicode_EqualToASCIIString(mod, "__main__")) {
        if (unraisable_write_obj(file, mod, 1) < 0 || unraisable_write(file, ".") < 0) {
            Py_DECREF(mod);
            goto done;
        }
    }
    Py_XDECREF(mod);
    PyObject *qual = PyType_Check(type) ? PyType_GetQualName((PyTypeObject *)type) : NULL;
    if (qual == NULL) {
        PyErr_Clear();
        if (unraisable_write(file, "<unknown>") < 0) {
            goto done;
        }
    }
    else {
        int r = unraisable_write_obj(file, qual, 1);
        Py_DECREF(qual);
        if (r < 0) {
            goto done;
        }
    }
    if (value != NULL && value != Py_None) {
        if (unraisable_write(file, ": ") < 0) {
            goto done;
        }
        if (unraisable_write_obj(file, value, 1) < 0) {
            PyErr_Clear();
            if (unraisable_write(file, "<exception str() failed>") < 0) {
                goto done;
            }
        }
    }
    if (unraisable_write(file, "\n") < 0) {
        goto done;
    }
    rc = 0;
done:
    if (file != NULL) {
        PyObject *r = PyObject_CallMethod(file, "flush", NULL);
        if (r == NULL) {
            PyErr_Clear();
        }
        Py_XDECREF(r);
        Py_DECREF(file);
    }
    else {
        fflush(stderr);
    }
    return rc;
}

/* sys.__unraisablehook__ (Python/sysmodule.c's sys_unraisablehook). */
PyObject *
_PyErr_UnraisableDefaultHook(PyObject *args)
{
    if (!Py_IS_TYPE(args, &UnraisableHookArgsType)) {
        PyErr_SetString(PyExc_TypeError,
                        "sys.unraisablehook argument type must be UnraisableHookArgs");
        return NULL;
    }
    PyObject *f[5];
    for (int i = 0; i < 5; i++) {
        f[i] = PyStructSequence_GetItem(args, i);
    }
    PyObject *saved = PyErr_GetRaisedException();
    (void)write_unraisable(f[0], f[1], f[2], f[3], f[4]);
    PyErr_Clear();
    PyErr_SetRaisedException(saved);
    Py_RETURN_NONE;
}

/* The current exception goes to sys.unraisablehook with `msg` (NULL: the
 * default wording) and `obj` (NULL: none).  A failing hook is itself
 * reported by the default hook, as CPython does. */
static void
report_unraisable(PyObject *msg, PyObject *obj)
{
    PyObject *exc = PyErr_GetRaisedException();
    if (exc == NULL) {
        return;
    }
    PyObject *tb = PyException_GetTraceback(exc);
    if (tb == NULL || tb == Py_None) {
        /* Raised by C code with no Python frame in between: as CPython, the
         * report names the frame running now (where the object died). */
        PyFrameObject *frame = PyEval_GetFrame();
        if (frame != NULL) {
            PyErr_SetRaisedException(exc);
            /* On failure the MemoryError (exc as its context) is reported. */
            (void)PyTraceBack_Here(frame);
            exc = PyErr_GetRaisedException();
            Py_XDECREF(tb);
            tb = PyException_GetTraceback(exc);
        }
    }
    PyObject *type = (PyObject *)Py_TYPE(exc);
    PyObject *hook = NULL;
    PyThreadState *tstate = _PyThreadState_GET();
    if (tstate->interp->sysdict != NULL &&
        PyDict_GetItemRef(tstate->interp->sysdict, _Py_ID_STR(unraisablehook), &hook) < 0) {
        PyErr_Clear();
    }
    PyObject *args = NULL;
    if (hook != NULL && hook != Py_None && UnraisableHookArgsType.tp_flags != 0) {
        args = make_unraisable_args(type, exc, tb, msg, obj);
    }
    if (args == NULL) {
        PyErr_Clear();
        (void)write_unraisable(type, exc, tb, msg, obj);
    }
    else {
        PyObject *r = PyObject_CallOneArg(hook, args);
        if (r != NULL) {
            Py_DECREF(r);
        }
        else {
            PyObject *e2 = PyErr_GetRaisedException();
            PyObject *tb2 = PyException_GetTraceback(e2);
            PyObject *m2 = PyUnicode_FromString("Exception ignored in sys.unraisablehook");
            if (m2 == NULL) {
                PyErr_Clear();
            }
            (void)write_unraisable((PyObject *)Py_TYPE(e2), e2, tb2, m2, hook);
            Py_XDECREF(m2);
            Py_XDECREF(tb2);
            Py_DECREF(e2);
        }
        Py_DECREF(args);
    }
    PyErr_Clear();
    Py_XDECREF(hook);
    Py_XDECREF(tb);
    Py_DECREF(exc);
}

void
PyErr_WriteUnraisable(PyObject *obj)
{
    report_unraisable(NULL, obj);
}

void
PyErr_FormatUnraisable(const char *format, ...)
{
    if (!PyErr_Occurred()) {
        return;
    }
    PyObject *msg = NULL;
    if (format != NULL) {
        PyObject *exc = PyErr_GetRaisedException();
        va_list va;
        va_start(va, format);
        msg = PyUnicode_FromFormatV(format, va);
        va_end(va);
        if (msg == NULL) {
            PyErr_Clear();
        }
        PyErr_SetRaisedException(exc);
    }
    report_unraisable(msg, NULL);
    Py_XDECREF(msg);
}

PyObject *
PyErr_NewExceptionWithDoc(const char *name, const char *doc, PyObject *base,
                          PyObject *dict)
{
    const char *dot = strrchr(name, '.');
    if (dot == NULL) {
        PyErr_SetString(PyExc_SystemError,
                        "PyErr_NewException: name must be module.class");
        return NULL;
    }
    if (base == NULL) {
        base = PyExc_Exception;
    }
    PyObject *mydict = NULL, *bases = NULL, *modulename = NULL, *classname = NULL;
    PyObject *result = NULL;
    if (dict == NULL) {
        dict = mydict = PyDict_New();
        if (dict == NULL) {
            goto done;
        }
    }
    if (!PyDict_ContainsString(dict, "__module__")) {
        modulename = PyUnicode_FromStringAndSize(name, dot - name);
        if (modulename == NULL || PyDict_SetItemString(dict, "__module__", modulename) < 0) {
            goto done;
        }
    }
    if (doc != NULL) {
        PyObject *d = PyUnicode_FromString(doc);
        if (d == NULL || PyDict_SetItemString(dict, "__doc__", d) < 0) {
            Py_XDECREF(d);
            goto done;
        }
        Py_DECREF(d);
    }
    if (PyTuple_Check(base)) {
        bases = Py_NewRef(base);
    }
    else {
        bases = PyTuple_Pack(1, base);
        if (bases == NULL) {
            goto done;
        }
    }
    classname = PyUnicode_FromString(dot + 1);
    if (classname == NULL) {
        goto done;
    }
    result = PyObject_CallFunction((PyObject *)Py_TYPE(base), "OOO", classname, bases, dict);
done:
    Py_XDECREF(bases);
    Py_XDECREF(mydict);
    Py_XDECREF(classname);
    Py_XDECREF(modulename);
    return result;
}

PyObject *
PyErr_NewException(const char *name, PyObject *base, PyObject *dict)
{
    return PyErr_NewExceptionWithDoc(name, NULL, base, dict);
}

/* ---- warnings ----------------------------------------------------------
 * Warnings raised from C go through the Python warnings module, so filters,
 * -W options, "error" actions and the source-line display all apply.  While
 * nobody has imported warnings (and no -W option asks for it), the categories
 * its default filters ignore are dropped without importing it, as CPython's
 * C-level default filters do (DeprecationWarning is still shown in __main__). */
static int
warn_dropped_by_default(PyObject *category)
{
    PyObject *modules = PyImport_GetModuleDict();
    if (modules != NULL && PyDict_Check(modules)) {
        PyObject *w = PyDict_GetItemString(modules, "warnings");
        if (w != NULL) {
            return 0;
        }
    }
    PyObject *opts = PySys_GetObject("warnoptions");
    if (opts != NULL && PyList_Check(opts) && PyList_GET_SIZE(opts) > 0) {
        return 0;
    }
    /* The one default that shows something: DeprecationWarning in __main__. */
    int dep = PyObject_IsSubclass(category, PyExc_DeprecationWarning);
    if (dep < 0) {
        return -1;
    }
    if (dep) {
        PyObject *globals = PyEval_GetGlobals();
        PyObject *name = globals ? PyDict_GetItemString(globals, "__name__") : NULL;
        if (name != NULL && PyUnicode_Check(name) && PyUnicode_EqualToUTF8(name, "__main__")) {
            return 0;
        }
    }
    PyObject *ignored[] = {PyExc_DeprecationWarning, PyExc_PendingDeprecationWarning,
                           PyExc_ImportWarning, PyExc_ResourceWarning};
    for (size_t i = 0; i < sizeof(ignored) / sizeof(ignored[0]); i++) {
        int r = PyObject_IsSubclass(category, ignored[i]);
        if (r != 0) {
            return r;
        }
    }
    return 0;
}

static int
warn_call(const char *func, PyObject *args)
{
    if (args == NULL) {
        return -1;
    }
    PyObject *mod = PyImport_ImportModule("warnings");
    if (mod == NULL && PyErr_ExceptionMatches(PyExc_ImportError)) {
        /* No Lib/ to import from (an embedding, the unit tests): show the
         * warning the way the warnings module's default action would. */
        PyErr_Clear();
        PyObject *cat = PyTuple_GET_ITEM(args, 1);
        PyObject *msg = PyTuple_GET_ITEM(args, 0);
        const char *m = PyUnicode_Check(msg) ? PyUnicode_AsUTF8AndSize(msg, NULL) : NULL;
        fprintf(stderr, "%s: %s\n",
                PyType_Check(cat) ? _PyType_Name((PyTypeObject *)cat) : "Warning",
                m ? m : "?");
        PyErr_Clear();
        Py_DECREF(args);
        return 0;
    }
    if (mod == NULL) {
        Py_DECREF(args);
        return -1;
    }
    PyObject *fn = PyObject_GetAttrString(mod, func);
    Py_DECREF(mod);
    if (fn == NULL) {
        Py_DECREF(args);
        return -1;
    }
    PyObject *r = PyObject_Call(fn, args, NULL);
    Py_DECREF(fn);
    Py_DECREF(args);
    if (r == NULL) {
        return -1;
    }
    Py_DECREF(r);
    return 0;
}

int
PyErr_WarnExplicit(PyObject *category, const char *message, const char *filename,
                   int lineno, const char *module, PyObject *registry)
{
    if (category == NULL) {
        category = PyExc_RuntimeWarning;
    }
    int drop = warn_dropped_by_default(category);
    if (drop != 0) {
        return drop < 0 ? -1 : 0;
    }
    PyObject *args = Py_BuildValue("(sOsizO)", message, category,
                                   filename ? filename : "<string>", lineno, module,
                                   registry ? registry : Py_None);
    return warn_call("warn_explicit", args);
}

int
PyErr_WarnEx(PyObject *category, const char *message, Py_ssize_t stack_level)
{
    if (category == NULL) {
        category = PyExc_RuntimeWarning;
    }
    int drop = warn_dropped_by_default(category);
    if (drop != 0) {
        return drop < 0 ? -1 : 0;
    }
    /* warnings.warn(stacklevel=1) names the Python frame calling it, which
     * from here is the frame that called into C: the same meaning as ours. */
    PyObject *args = Py_BuildValue("(sOn)", message, category, stack_level);
    return warn_call("warn", args);
}

static int
warn_va(PyObject *category, const char *format, va_list va)
{
    PyObject *msg = PyUnicode_FromFormatV(format, va);
    if (msg == NULL) {
        return -1;
    }
    const char *s = PyUnicode_AsUTF8AndSize(msg, NULL);
    int r = s ? PyErr_WarnEx(category, s, 1) : -1;
    Py_DECREF(msg);
    return r;
}

int
PyErr_WarnFormat(PyObject *category, Py_ssize_t stack_level, const char *format, ...)
{
    va_list va;
    va_start(va, format);
    int r = warn_va(category, format, va);
    va_end(va);
    return r;
}

int
PyErr_ResourceWarning(PyObject *source, Py_ssize_t stack_level, const char *format, ...)
{
    va_list va;
    va_start(va, format);
    int r = warn_va(PyExc_ResourceWarning, format, va);
    va_end(va);
    return r;
}

/* ---- chaining helpers ------------------------------------------------- */
void
_PyErr_ChainExceptions1(PyObject *exc)
{
    if (exc == NULL) {
        return;
    }
    PyThreadState *tstate = get_tstate();
    if (tstate->current_exception != NULL) {
        PyObject *exc2 = _PyErr_GetRaisedException(tstate);
        PyException_SetContext(exc2, exc);
        _PyErr_SetRaisedException(tstate, exc2);
    }
    else {
        _PyErr_SetRaisedException(tstate, exc);
    }
}

PyObject *
_PyErr_FormatFromCause(PyObject *exception, const char *format, ...)
{
    PyObject *cause = PyErr_GetRaisedException();
    va_list va;
    va_start(va, format);
    PyErr_FormatV(exception, format, va);
    va_end(va);
    if (cause != NULL) {
        PyObject *exc = PyErr_GetRaisedException();
        if (exc != NULL) {
            PyException_SetCause(exc, Py_NewRef(cause));
            PyException_SetContext(exc, Py_NewRef(cause));
            PyErr_SetRaisedException(exc);
        }
        Py_DECREF(cause);
    }
    return NULL;
}

void
_PyErr_SetKeyError(PyObject *key)
{
    PyObject *tup = PyTuple_Pack(1, key);
    if (tup == NULL) {
        return;
    }
    PyObject *exc = PyObject_Call(PyExc_KeyError, tup, NULL);
    Py_DECREF(tup);
    if (exc != NULL) {
        /* Through SetObject so that the exception being handled becomes
         * __context__, as for any other raise. */
        PyErr_SetObject(PyExc_KeyError, exc);
        Py_DECREF(exc);
    }
}

/* ---- fatal errors and the recursion guard ----------------------------- */
void
_Py_FatalErrorFunc(const char *func, const char *message)
{
    fflush(stdout);
    fprintf(stderr, "Fatal Python error: %s: %s\n", func, message);
    PyThreadState *tstate = _PyThreadState_GET();
    if (tstate != NULL && tstate->current_exception != NULL) {
        fprintf(stderr, "Python runtime state: current exception:\n");
        print_exception_line(tstate->current_exception);
    }
    fflush(stderr);
    abort();
}

/* Depth of C recursion through objects, per thread.  Raising the
 * RecursionError itself needs a few more levels (creating the exception
 * calls through the object protocol): those get 50 levels of headroom. */
static _Thread_local int c_recursion_depth;
static _Thread_local int c_recursion_overflowed;

int
Py_EnterRecursiveCall(const char *where)
{
    if (++c_recursion_depth > Py_C_RECURSION_LIMIT) {
        if (c_recursion_overflowed) {
            if (c_recursion_depth > Py_C_RECURSION_LIMIT + 50) {
                _Py_FatalErrorFunc(__func__, "Cannot recover from stack overflow.");
            }
            return 0;
        }
        c_recursion_overflowed = 1;
        PyErr_Format(PyExc_RecursionError, "maximum recursion depth exceeded%s", where);
        c_recursion_overflowed = 0;
        c_recursion_depth--;
        return -1;
    }
    return 0;
}

void
Py_LeaveRecursiveCall(void)
{
    c_recursion_depth--;
}
