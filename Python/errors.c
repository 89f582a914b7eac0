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

void
PyErr_WriteUnraisable(PyObject *obj)
{
    PyObject *exc = PyErr_GetRaisedException();
    if (exc == NULL) {
        return;
    }
    if (obj != NULL) {
        PyObject *r = PyObject_Repr(obj);
        const char *s = r ? PyUnicode_AsUTF8AndSize(r, NULL) : NULL;
        if (s == NULL) {
            PyErr_Clear();
            s = "<object repr() failed>";
        }
        fprintf(stderr, "Exception ignored in: %s\n", s);
        Py_XDECREF(r);
    }
    else {
        fprintf(stderr, "Exception ignored:\n");
    }
    print_exception_line(exc);
    Py_DECREF(exc);
}

void
PyErr_FormatUnraisable(const char *format, ...)
{
    PyObject *exc = PyErr_GetRaisedException();
    if (exc == NULL) {
        return;
    }
    if (format != NULL) {
        va_list va;
        va_start(va, format);
        PyObject *msg = PyUnicode_FromFormatV(format, va);
        va_end(va);
        const char *s = msg ? PyUnicode_AsUTF8AndSize(msg, NULL) : NULL;
        if (s == NULL) {
            PyErr_Clear();
            s = "Exception ignored";
        }
        fprintf(stderr, "%s:\n", s);
        Py_XDECREF(msg);
    }
    print_exception_line(exc);
    Py_DECREF(exc);
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
