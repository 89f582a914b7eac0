/* sysmodule.c: the sys module — interpreter-wide values (version, flags,
 * paths, limits), the standard streams, the hooks (displayhook, excepthook),
 * and PySys_* for C code.  Values that depend on the command line come from
 * _Py_MainConfig (pycore_pylifecycle.h). */
#include "Python.h"
#include "pycore_pyerrors.h"
#include "pycore_tracing.h"
#include "pycore_pystate.h"
#include "pycore_pylifecycle.h"
#include "pycore_object.h"
#include <stdarg.h>
#include <float.h>
#include <unistd.h>
#include <limits.h>
#include <sys/stat.h>


extern PyTypeObject _PyNamespace_Type;
extern PyObject *_PyNamespace_New(PyObject *kwds);

#ifdef Py_GIL_DISABLED
#define ABIFLAGS_STRING "t"
#else
#define ABIFLAGS_STRING ""
#endif

/* The installation prefix: WEFT_LIBDIR without its "/lib/weft..." tail. */
static PyObject *
make_prefix(void)
{
    const char *libdir = WEFT_LIBDIR;
    const char *cut = strstr(libdir, "/lib/");
    return PyUnicode_DecodeFSDefaultAndSize(libdir, cut ? cut - libdir : (Py_ssize_t)strlen(libdir));
}

static PyObject *
sysdict(void)
{
    return _PyInterpreterState_GET()->sysdict;
}

PyObject *
_PySys_GetAttr(PyObject *name)
{
    PyObject *d = sysdict();
    if (d == NULL) {
        return NULL;
    }
    PyObject *exc = PyErr_GetRaisedException();
    PyObject *v = PyDict_GetItemWithError(d, name);
    if (v == NULL) {
        PyErr_Clear();
    }
    PyErr_SetRaisedException(exc);
    return v;
}

PyObject *
PySys_GetObject(const char *name)
{
    PyObject *d = sysdict();
    if (d == NULL) {
        return NULL;
    }
    PyObject *exc = PyErr_GetRaisedException();
    PyObject *v = PyDict_GetItemString(d, name);
    PyErr_SetRaisedException(exc);
    return v;
}

int
PySys_SetObject(const char *name, PyObject *v)
{
    PyObject *d = sysdict();
    if (d == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "no sys module");
        return -1;
    }
    if (v == NULL) {
        if (PyDict_DelItemString(d, name) < 0 && PyErr_ExceptionMatches(PyExc_KeyError)) {
            PyErr_Clear();
        }
        return PyErr_Occurred() ? -1 : 0;
    }
    return PyDict_SetItemString(d, name, v);
}

/* ---- writing to sys.stdout / sys.stderr from C ------------------------ */

static void
sys_write_text(const char *stream, FILE *fallback, PyObject *text)
{
    PyObject *f = PySys_GetObject(stream);
    if (f == NULL || f == Py_None || PyFile_WriteObject(text, f, Py_PRINT_RAW) < 0) {
        PyErr_Clear();
        const char *s = PyUnicode_AsUTF8AndSize(text, NULL);
        if (s == NULL) {
            PyErr_Clear();
            return;
        }
        fputs(s, fallback);
        fflush(fallback);
    }
}

static void
sys_write(const char *stream, FILE *fallback, const char *format, va_list va)
{
    char buf[1001];
    PyObject *exc = PyErr_GetRaisedException();
    vsnprintf(buf, sizeof(buf), format, va);
    PyObject *text = PyUnicode_DecodeUTF8(buf, (Py_ssize_t)strlen(buf), "backslashreplace");
    if (text != NULL) {
        sys_write_text(stream, fallback, text);
        Py_DECREF(text);
    }
    else {
        PyErr_Clear();
    }
    PyErr_SetRaisedException(exc);
}

void
PySys_WriteStdout(const char *format, ...)
{
    va_list va;
    va_start(va, format);
    sys_write("stdout", stdout, format, va);
    va_end(va);
}

void
PySys_WriteStderr(const char *format, ...)
{
    va_list va;
    va_start(va, format);
    sys_write("stderr", stderr, format, va);
    va_end(va);
}

static void
sys_format(const char *stream, FILE *fallback, const char *format, va_list va)
{
    PyObject *exc = PyErr_GetRaisedException();
    PyObject *text = PyUnicode_FromFormatV(format, va);
    if (text != NULL) {
        sys_write_text(stream, fallback, text);
        Py_DECREF(text);
    }
    else {
        PyErr_Clear();
    }
    PyErr_SetRaisedException(exc);
}

void
PySys_FormatStdout(const char *format, ...)
{
    va_list va;
    va_start(va, format);
    sys_format("stdout", stdout, format, va);
    va_end(va);
}

void
PySys_FormatStderr(const char *format, ...)
{
    va_list va;
    va_start(va, format);
    sys_format("stderr", stderr, format, va);
    va_end(va);
}

/* ---- audit hooks (no events are raised by the runtime) ---------------- */

int
PySys_Audit(const char *event, const char *format, ...)
{
    return 0;
}

static PyObject *
sys_audit(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs < 1) {
        PyErr_SetString(PyExc_TypeError, "audit() missing 1 required positional argument: 'event'");
        return NULL;
    }
    if (!PyUnicode_Check(args[0])) {
        PyErr_Format(PyExc_TypeError, "expected str for argument 'event', not %.200s",
                     Py_TYPE(args[0])->tp_name);
        return NULL;
    }
    PyObject *hooks = PySys_GetObject("_audit_hooks_");
    (void)hooks;
    Py_RETURN_NONE;
}

static PyObject *
sys_addaudithook(PyObject *self, PyObject *hook)
{
    Py_RETURN_NONE;
}

/* ---- the functions ----------------------------------------------------- */

static PyObject *
sys_exit(PyObject *self, PyObject *args)
{
    PyObject *status = NULL;
    if (!PyArg_UnpackTuple(args, "exit", 0, 1, &status)) {
        return NULL;
    }
    PyErr_SetObject(PyExc_SystemExit, status ? status : Py_None);
    return NULL;
}

static PyObject *
sys_getdefaultencoding(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return PyUnicode_FromString("utf-8");
}

static PyObject *
sys_getfilesystemencodeerrors(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return PyUnicode_FromString("surrogateescape");
}

static PyObject *
sys_getrecursionlimit(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return PyLong_FromLong(_PyInterpreterState_GET()->recursion_limit);
}

static PyObject *
sys_setrecursionlimit(PyObject *self, PyObject *arg)
{
    if (PyFloat_Check(arg)) {
        PyErr_SetString(PyExc_TypeError, "'float' object cannot be interpreted as an integer");
        return NULL;
    }
    int limit = PyLong_AsInt(arg);
    if (limit == -1 && PyErr_Occurred()) {
        return NULL;
    }
    if (limit < 1) {
        PyErr_SetString(PyExc_ValueError, "recursion limit must be greater or equal than 1");
        return NULL;
    }
    PyThreadState *tstate = _PyThreadState_GET();
    int depth = tstate->py_recursion_limit - tstate->py_recursion_remaining;
    if (depth >= limit) {
        PyErr_Format(PyExc_RecursionError,
                     "cannot set the recursion limit to %i at the recursion depth %i: "
                     "the limit is too low", limit, depth);
        return NULL;
    }
    PyInterpreterState *interp = tstate->interp;
    _PyEval_StopTheWorld(interp);
    int old = interp->recursion_limit;
    interp->recursion_limit = limit;
    _Py_FOR_EACH_TSTATE(interp, t) {
        int used = t->py_recursion_limit - t->py_recursion_remaining;
        t->py_recursion_limit = limit;
        t->py_recursion_remaining = limit - used;
    }
    (void)old;
    _PyEval_StartTheWorld(interp);
    Py_RETURN_NONE;
}

static PyObject *
sys_getrefcount(PyObject *self, PyObject *arg)
{
    return PyLong_FromSsize_t(Py_REFCNT(arg));
}

static PyObject *
sys_intern(PyObject *self, PyObject *arg)
{
    if (!PyUnicode_CheckExact(arg)) {
        PyErr_Format(PyExc_TypeError, "intern() argument must be str, not %.50s",
                     Py_TYPE(arg)->tp_name);
        return NULL;
    }
    PyObject *s = Py_NewRef(arg);
    PyUnicode_InternInPlace(&s);
    return s;
}

static PyObject *
sys_getframe(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    int depth = 0;
    if (!_PyArg_CheckPositional("_getframe", nargs, 0, 1)) {
        return NULL;
    }
    if (nargs == 1) {
        depth = PyLong_AsInt(args[0]);
        if (depth == -1 && PyErr_Occurred()) {
            return NULL;
        }
    }
    PyObject *f = (PyObject *)PyEval_GetFrame();
    Py_XINCREF(f);
    while (depth > 0 && f != NULL) {
        PyObject *back = PyObject_GetAttrString(f, "f_back");
        Py_DECREF(f);
        if (back == NULL) {
            return NULL;
        }
        if (back == Py_None) {
            Py_DECREF(back);
            back = NULL;
        }
        f = back;
        depth--;
    }
    if (f == NULL) {
        PyErr_SetString(PyExc_ValueError, "call stack is not deep enough");
        return NULL;
    }
    return f;
}

static PyObject *
sys_exc_info(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *exc = PyErr_GetHandledException();
    if (exc == NULL || exc == Py_None) {
        Py_XDECREF(exc);
        return Py_BuildValue("(OOO)", Py_None, Py_None, Py_None);
    }
    PyObject *tb = PyException_GetTraceback(exc);
    PyObject *r = Py_BuildValue("(OOO)", Py_TYPE(exc), exc, tb ? tb : Py_None);
    Py_XDECREF(tb);
    Py_DECREF(exc);
    return r;
}

static PyObject *
sys_exception(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *exc = PyErr_GetHandledException();
    if (exc == NULL) {
        Py_RETURN_NONE;
    }
    return exc;
}

static PyObject *
sys_getsizeof(PyObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"object", "default", NULL};
    PyObject *o, *dflt = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|O:getsizeof", kwlist, &o, &dflt)) {
        return NULL;
    }
    PyObject *meth = _PyObject_LookupSpecial(o, PyUnicode_InternFromString("__sizeof__"));
    if (meth == NULL) {
        if (PyErr_Occurred()) {
            return NULL;
        }
        if (dflt) {
            return Py_NewRef(dflt);
        }
        PyErr_Format(PyExc_TypeError, "Type %.100s doesn't define __sizeof__",
                     Py_TYPE(o)->tp_name);
        return NULL;
    }
    PyObject *res = PyObject_CallNoArgs(meth);
    Py_DECREF(meth);
    if (res == NULL) {
        if (dflt && PyErr_ExceptionMatches(PyExc_TypeError)) {
            PyErr_Clear();
            return Py_NewRef(dflt);
        }
        return NULL;
    }
    Py_ssize_t size = PyLong_AsSsize_t(res);
    Py_DECREF(res);
    if (size == -1 && PyErr_Occurred()) {
        return NULL;
    }
    if (size < 0) {
        PyErr_SetString(PyExc_ValueError, "__sizeof__() should return >= 0");
        return NULL;
    }
    if (PyObject_IS_GC(o)) {
        size += (Py_ssize_t)sizeof(PyGC_Head);
    }
    return PyLong_FromSsize_t(size);
}

static PyObject *
sys_setswitchinterval(PyObject *self, PyObject *arg)
{
    double d = PyFloat_AsDouble(arg);
    if (d == -1.0 && PyErr_Occurred()) {
        return NULL;
    }
    if (d <= 0.0) {
        PyErr_SetString(PyExc_ValueError, "switch interval must be strictly positive");
        return NULL;
    }
    double us = d * 1e6;
    if (us > (double)ULONG_MAX) {
        PyErr_SetString(PyExc_OverflowError, "switch interval is too large");
        return NULL;
    }
    _PyEval_SetSwitchInterval(us < 1.0 ? 1 : (unsigned long)us);
    Py_RETURN_NONE;
}

static PyObject *
sys_getswitchinterval(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return PyFloat_FromDouble((double)_PyEval_GetSwitchInterval() / 1e6);
}

static PyObject *
sys_is_gil_enabled(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return PyBool_FromLong(_PyEval_IsGILEnabled(_PyInterpreterState_GET()));
}

static PyObject *
sys_get_int_max_str_digits(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return PyLong_FromLong(_PyLong_GetMaxStrDigits());
}

static PyObject *
sys_set_int_max_str_digits(PyObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"maxdigits", NULL};
    int maxdigits;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "i:set_int_max_str_digits", kwlist,
                                     &maxdigits)) {
        return NULL;
    }
    if (_PyLong_SetMaxStrDigits(maxdigits) < 0) {
        return NULL;
    }
    /* sys.flags.int_max_str_digits follows. */
    PyObject *flags = PySys_GetObject("flags");
    if (flags != NULL && PyTuple_Check(flags) && PyTuple_GET_SIZE(flags) > 17) {
        PyObject *v = PyLong_FromLong(maxdigits);
        if (v == NULL) {
            return NULL;
        }
        PyStructSequence_SetItem(flags, 17, v);
    }
    Py_RETURN_NONE;
}

static PyObject *
sys_displayhook(PyObject *self, PyObject *o)
{
    if (o == Py_None) {
        Py_RETURN_NONE;
    }
    PyObject *builtins = _PyInterpreterState_GET()->builtins;
    if (builtins == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "lost builtins module");
        return NULL;
    }
    PyObject *bdict = PyModule_Check(builtins) ? PyModule_GetDict(builtins) : builtins;
    if (PyDict_SetItemString(bdict, "_", Py_None) < 0) {
        return NULL;
    }
    PyObject *out = PySys_GetObject("stdout");
    if (out == NULL || out == Py_None) {
        PyErr_SetString(PyExc_RuntimeError, "lost sys.stdout");
        return NULL;
    }
    if (PyFile_WriteObject(o, out, 0) < 0) {
        if (!PyErr_ExceptionMatches(PyExc_UnicodeEncodeError)) {
            return NULL;
        }
        /* Unencodable: write the repr with backslash escapes. */
        PyErr_Clear();
        PyObject *r = PyObject_Repr(o);
        if (r == NULL) {
            return NULL;
        }
        PyObject *b = _PyUnicode_AsUTF8String(r, "backslashreplace");
        Py_DECREF(r);
        if (b == NULL) {
            return NULL;
        }
        PyObject *s = PyUnicode_DecodeASCII(PyBytes_AS_STRING(b), PyBytes_GET_SIZE(b), "strict");
        Py_DECREF(b);
        if (s == NULL || PyFile_WriteObject(s, out, Py_PRINT_RAW) < 0) {
            Py_XDECREF(s);
            return NULL;
        }
        Py_DECREF(s);
    }
    if (PyFile_WriteString("\n", out) < 0) {
        return NULL;
    }
    if (PyDict_SetItemString(bdict, "_", o) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
sys_excepthook(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("excepthook", nargs, 3, 3)) {
        return NULL;
    }
    PyObject *value = args[1];
    if (!PyExceptionInstance_Check(value)) {
        PyObject *f = PySys_GetObject("stderr");
        if (f != NULL && f != Py_None) {
            PyObject *msg = PyUnicode_FromFormat(
                "TypeError: print_exception(): Exception expected for value, %s found\n",
                Py_TYPE(value)->tp_name);
            if (msg != NULL) {
                PyFile_WriteObject(msg, f, Py_PRINT_RAW);
                Py_DECREF(msg);
            }
            PyErr_Clear();
        }
        Py_RETURN_NONE;
    }
    PyErr_Display(args[0], value, args[2]);
    Py_RETURN_NONE;
}

static PyObject *
sys_unraisablehook(PyObject *self, PyObject *arg)
{
    return _PyErr_UnraisableDefaultHook(arg);   /* Python/errors.c */
}

static PyObject *
sys_is_finalizing(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return PyBool_FromLong(_Py_atomic_load_int(&_PyInterpreterState_GET()->finalizing));
}

static PyObject *
sys_call_tracing(PyObject *self, PyObject *args)
{
    PyObject *func, *funcargs;
    if (!PyArg_ParseTuple(args, "OO!:call_tracing", &func, &PyTuple_Type, &funcargs)) {
        return NULL;
    }
    /* Called from a trace function: events are delivered again inside. */
    PyThreadState *tstate = _PyThreadState_GET();
    int tracing = tstate->tracing;
    tstate->tracing = 0;
    PyObject *res = PyObject_Call(func, funcargs, NULL);
    tstate->tracing = tracing;
    return res;
}

static PyObject *
sys_getallocatedblocks(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return PyLong_FromLong(0);
}

static PyObject *
sys_current_frames(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *d = PyDict_New();
    if (d == NULL) {
        return NULL;
    }
    PyObject *f = (PyObject *)PyEval_GetFrame();
    if (f != NULL) {
        PyObject *id = PyLong_FromUnsignedLong(PyThread_get_thread_ident());
        if (id == NULL || PyDict_SetItem(d, id, f) < 0) {
            Py_XDECREF(id);
            Py_DECREF(d);
            return NULL;
        }
        Py_DECREF(id);
    }
    return d;
}

static PyObject *
sys_activate_false(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    Py_RETURN_FALSE;
}

static PyObject *
sys_breakpointhook(PyObject *self, PyObject *args, PyObject *kwds)
{
    PyErr_SetString(PyExc_RuntimeError, "breakpoint() is not supported by Weft");
    return NULL;
}

static PyMethodDef sys_methods[] = {
    {"exit", sys_exit, METH_VARARGS, NULL},
    {"audit", (PyCFunction)(void (*)(void))sys_audit, METH_FASTCALL, NULL},
    {"addaudithook", sys_addaudithook, METH_O, NULL},
    {"getdefaultencoding", sys_getdefaultencoding, METH_NOARGS, NULL},
    {"getfilesystemencoding", sys_getdefaultencoding, METH_NOARGS, NULL},
    {"getfilesystemencodeerrors", sys_getfilesystemencodeerrors, METH_NOARGS, NULL},
    {"getrecursionlimit", sys_getrecursionlimit, METH_NOARGS, NULL},
    {"setrecursionlimit", sys_setrecursionlimit, METH_O, NULL},
    {"getrefcount", sys_getrefcount, METH_O, NULL},
    {"intern", sys_intern, METH_O, NULL},
    {"_getframe", (PyCFunction)(void (*)(void))sys_getframe, METH_FASTCALL, NULL},
    {"exc_info", sys_exc_info, METH_NOARGS, NULL},
    {"exception", sys_exception, METH_NOARGS, NULL},
    {"getsizeof", (PyCFunction)(void (*)(void))sys_getsizeof, METH_VARARGS | METH_KEYWORDS, NULL},
    {"setswitchinterval", sys_setswitchinterval, METH_O, NULL},
    {"getswitchinterval", sys_getswitchinterval, METH_NOARGS, NULL},
    {"_is_gil_enabled", sys_is_gil_enabled, METH_NOARGS, NULL},
    {"get_int_max_str_digits", sys_get_int_max_str_digits, METH_NOARGS, NULL},
    {"set_int_max_str_digits", (PyCFunction)(void (*)(void))sys_set_int_max_str_digits,
     METH_VARARGS | METH_KEYWORDS, NULL},
    {"displayhook", sys_displayhook, METH_O, NULL},
    {"excepthook", (PyCFunction)(void (*)(void))sys_excepthook, METH_FASTCALL, NULL},
    {"unraisablehook", sys_unraisablehook, METH_O, NULL},
    {"breakpointhook", (PyCFunction)(void (*)(void))sys_breakpointhook,
     METH_VARARGS | METH_KEYWORDS, NULL},
    {"is_finalizing", sys_is_finalizing, METH_NOARGS, NULL},
    {"settrace", _PySys_SetTrace, METH_O, NULL},
    {"gettrace", _PySys_GetTrace, METH_NOARGS, NULL},
    {"setprofile", _PySys_SetProfile, METH_O, NULL},
    {"getprofile", _PySys_GetProfile, METH_NOARGS, NULL},
    {"_settraceallthreads", _PySys_SetTraceAllThreads, METH_O, NULL},
    {"_setprofileallthreads", _PySys_SetProfileAllThreads, METH_O, NULL},
    {"call_tracing", sys_call_tracing, METH_VARARGS, NULL},
    {"getallocatedblocks", sys_getallocatedblocks, METH_NOARGS, NULL},
    {"_current_frames", sys_current_frames, METH_NOARGS, NULL},
    {"is_stack_trampoline_active", sys_activate_false, METH_NOARGS, NULL},
    {"is_remote_debug_enabled", sys_activate_false, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

/* ---- struct sequences -------------------------------------------------- */

static PyTypeObject VersionInfoType, FlagsType, FloatInfoType, IntInfoType,
                    HashInfoType, ThreadInfoType;

static PyStructSequence_Field version_info_fields[] = {
    {"major", NULL}, {"minor", NULL}, {"micro", NULL}, {"releaselevel", NULL},
    {"serial", NULL}, {NULL, NULL}
};
static PyStructSequence_Desc version_info_desc = {
    "sys.version_info", NULL, version_info_fields, 5
};

static PyStructSequence_Field flags_fields[] = {
    {"debug", NULL}, {"inspect", NULL}, {"interactive", NULL}, {"optimize", NULL},
    {"dont_write_bytecode", NULL}, {"no_user_site", NULL}, {"no_site", NULL},
    {"ignore_environment", NULL}, {"verbose", NULL}, {"bytes_warning", NULL},
    {"quiet", NULL}, {"hash_randomization", NULL}, {"isolated", NULL},
    {"dev_mode", NULL}, {"utf8_mode", NULL}, {"warn_default_encoding", NULL},
    {"safe_path", NULL}, {"int_max_str_digits", NULL}, {"gil", NULL}, {NULL, NULL}
};
static PyStructSequence_Desc flags_desc = {"sys.flags", NULL, flags_fields, 18};

static PyStructSequence_Field float_info_fields[] = {
    {"max", NULL}, {"max_exp", NULL}, {"max_10_exp", NULL}, {"min", NULL},
    {"min_exp", NULL}, {"min_10_exp", NULL}, {"dig", NULL}, {"mant_dig", NULL},
    {"epsilon", NULL}, {"radix", NULL}, {"rounds", NULL}, {NULL, NULL}
};
static PyStructSequence_Desc float_info_desc = {"sys.float_info", NULL, float_info_fields, 11};

static PyStructSequence_Field int_info_fields[] = {
    {"bits_per_digit", NULL}, {"sizeof_digit", NULL}, {"default_max_str_digits", NULL},
    {"str_digits_check_threshold", NULL}, {NULL, NULL}
};
static PyStructSequence_Desc int_info_desc = {"sys.int_info", NULL, int_info_fields, 4};

static PyStructSequence_Field hash_info_fields[] = {
    {"width", NULL}, {"modulus", NULL}, {"inf", NULL}, {"nan", NULL}, {"imag", NULL},
    {"algorithm", NULL}, {"hash_bits", NULL}, {"seed_bits", NULL}, {"cutoff", NULL},
    {NULL, NULL}
};
static PyStructSequence_Desc hash_info_desc = {"sys.hash_info", NULL, hash_info_fields, 9};

static PyStructSequence_Field thread_info_fields[] = {
    {"name", NULL}, {"lock", NULL}, {"version", NULL}, {NULL, NULL}
};
static PyStructSequence_Desc thread_info_desc = {"sys.thread_info", NULL, thread_info_fields, 3};

/* Build an instance from a Py_BuildValue format, one value per field. */
static PyObject *
make_structseq(PyTypeObject *type, PyStructSequence_Desc *desc, const char *fmt, ...)
{
    if (PyStructSequence_InitType2(type, desc) < 0) {
        return NULL;
    }
    va_list va;
    va_start(va, fmt);
    PyObject *tuple = Py_VaBuildValue(fmt, va);
    va_end(va);
    if (tuple == NULL) {
        return NULL;
    }
    PyObject *res = PyStructSequence_New(type);
    if (res == NULL) {
        Py_DECREF(tuple);
        return NULL;
    }
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(tuple); i++) {
        PyStructSequence_SetItem(res, i, Py_NewRef(PyTuple_GET_ITEM(tuple, i)));
    }
    Py_DECREF(tuple);
    /* Like CPython, these types cannot be instantiated from Python. */
    type->tp_new = NULL;
    return res;
}

/* ---- creation ---------------------------------------------------------- */

static int
set_str(PyObject *d, const char *key, const char *value)
{
    PyObject *v = PyUnicode_DecodeFSDefault(value);
    if (v == NULL) {
        return -1;
    }
    int r = PyDict_SetItemString(d, key, v);
    Py_DECREF(v);
    return r;
}

static int
set_steal(PyObject *d, const char *key, PyObject *v)
{
    if (v == NULL) {
        return -1;
    }
    int r = PyDict_SetItemString(d, key, v);
    Py_DECREF(v);
    return r;
}

static PyObject *
str_list(int n, char **items)
{
    PyObject *list = PyList_New(0);
    if (list == NULL) {
        return NULL;
    }
    for (int i = 0; i < n; i++) {
        PyObject *s = PyUnicode_DecodeFSDefault(items[i]);
        if (s == NULL || PyList_Append(list, s) < 0) {
            Py_XDECREF(s);
            Py_DECREF(list);
            return NULL;
        }
        Py_DECREF(s);
    }
    return list;
}

static int
is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* sys.path without its first entry (inserted when we know what runs):
 * PYTHONPATH (unless -E), the source tree's Lib/ when it exists (running
 * from a build directory), the installed library. */
static PyObject *
make_path(void)
{
    PyObject *path = PyList_New(0);
    if (path == NULL) {
        return NULL;
    }
    const char *env = _Py_MainConfig.use_environment ? getenv("PYTHONPATH") : NULL;
    if (env != NULL && env[0] != '\0') {
        const char *p = env;
        while (1) {
            const char *colon = strchr(p, ':');
            size_t len = colon ? (size_t)(colon - p) : strlen(p);
            if (len > 0) {
                PyObject *s = PyUnicode_DecodeFSDefaultAndSize(p, (Py_ssize_t)len);
                if (s == NULL || PyList_Append(path, s) < 0) {
                    Py_XDECREF(s);
                    Py_DECREF(path);
                    return NULL;
                }
                Py_DECREF(s);
            }
            if (colon == NULL) {
                break;
            }
            p = colon + 1;
        }
    }
    const char *dirs[2] = {WEFT_SRCDIR "/Lib", WEFT_LIBDIR};
    for (int i = 0; i < 2; i++) {
        if (i == 0 && !is_dir(dirs[i])) {
            continue;
        }
        PyObject *s = PyUnicode_DecodeFSDefault(dirs[i]);
        if (s == NULL || PyList_Append(path, s) < 0) {
            Py_XDECREF(s);
            Py_DECREF(path);
            return NULL;
        }
        Py_DECREF(s);
    }
    return path;
}

static PyObject *
make_xoptions(void)
{
    PyObject *d = PyDict_New();
    if (d == NULL) {
        return NULL;
    }
    for (int i = 0; i < _Py_MainConfig.nxoptions; i++) {
        const char *opt = _Py_MainConfig.xoptions[i];
        const char *eq = strchr(opt, '=');
        PyObject *k, *v;
        if (eq == NULL) {
            k = PyUnicode_DecodeFSDefault(opt);
            v = Py_NewRef(Py_True);
        }
        else {
            k = PyUnicode_DecodeFSDefaultAndSize(opt, eq - opt);
            v = PyUnicode_DecodeFSDefault(eq + 1);
        }
        if (k == NULL || v == NULL || PyDict_SetItem(d, k, v) < 0) {
            Py_XDECREF(k);
            Py_XDECREF(v);
            Py_DECREF(d);
            return NULL;
        }
        Py_DECREF(k);
        Py_DECREF(v);
    }
    return d;
}

static PyObject *
make_executable(void)
{
    char buf[PATH_MAX + 1];
    ssize_t n = readlink("/proc/self/exe", buf, PATH_MAX);
    if (n > 0) {
        buf[n] = '\0';
        return PyUnicode_DecodeFSDefault(buf);
    }
    return PyUnicode_FromString("");
}

static PyObject *
make_version_string(void)
{
#ifdef Py_GIL_DISABLED
    const char *kind = "experimental free-threading build";
#else
    const char *kind = "default build";
#endif
    return PyUnicode_FromFormat("%s (weft %s, %s) [GCC %s]", PY_VERSION, WEFT_VERSION,
                                kind, __VERSION__);
}

/* sys.builtin_module_names: the inittab's names plus sys and builtins,
 * sorted. */
static PyObject *
make_builtin_module_names(void)
{
    PyObject *list = PyList_New(0);
    if (list == NULL) {
        return NULL;
    }
    static const char *own[] = {"builtins", "sys"};
    for (size_t i = 0; i < 2; i++) {
        PyObject *s = PyUnicode_FromString(own[i]);
        if (s == NULL || PyList_Append(list, s) < 0) {
            Py_XDECREF(s);
            Py_DECREF(list);
            return NULL;
        }
        Py_DECREF(s);
    }
    for (struct _inittab *p = _PyImport_Inittab; p->name != NULL; p++) {
        PyObject *s = PyUnicode_FromString(p->name);
        if (s == NULL || PyList_Append(list, s) < 0) {
            Py_XDECREF(s);
            Py_DECREF(list);
            return NULL;
        }
        Py_DECREF(s);
    }
    if (PyList_Sort(list) < 0) {
        Py_DECREF(list);
        return NULL;
    }
    PyObject *t = PyList_AsTuple(list);
    Py_DECREF(list);
    return t;
}

/* sys.stdlib_module_names: the top-level modules of CPython's standard
 * library that Weft provides or may provide (a small frozenset). */
static PyObject *
make_stdlib_module_names(void)
{
    static const char *names[] = {
        "__future__", "_collections_abc", "_io", "_thread", "_weakref", "abc", "argparse",
        "array", "atexit", "base64", "bisect", "builtins", "codecs", "collections",
        "contextlib", "copy", "copyreg", "dataclasses", "datetime", "decimal", "enum",
        "errno", "fnmatch", "fractions", "functools", "gc", "genericpath", "hashlib",
        "heapq", "importlib", "inspect", "io", "itertools", "json", "keyword", "linecache",
        "logging", "math", "numbers", "operator", "os", "pathlib", "posix", "posixpath",
        "pprint", "queue", "random", "re", "reprlib", "shutil", "signal", "stat",
        "statistics", "string", "struct", "sys", "sysconfig", "tempfile", "textwrap",
        "threading", "time", "traceback", "types", "typing", "warnings", "weakref",
    };
    PyObject *set = PyFrozenSet_New(NULL);
    if (set == NULL) {
        return NULL;
    }
    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
        PyObject *s = PyUnicode_FromString(names[i]);
        if (s == NULL || PySet_Add(set, s) < 0) {
            Py_XDECREF(s);
            Py_DECREF(set);
            return NULL;
        }
        Py_DECREF(s);
    }
    return set;
}

static struct PyModuleDef sysmodule = {
    PyModuleDef_HEAD_INIT, "sys", "This module provides access to some objects used or "
    "maintained by the\ninterpreter and to functions that interact strongly with the "
    "interpreter.", -1, sys_methods,
};

PyObject *
_PySys_Create(void)
{
    PyInterpreterState *interp = _PyInterpreterState_GET();
    if (PyType_Ready(&_PyNamespace_Type) < 0) {
        return NULL;
    }
    PyObject *m = PyModule_Create(&sysmodule);
    if (m == NULL) {
        return NULL;
    }
    PyObject *d = PyModule_GetDict(m);
    Py_XSETREF(interp->sysdict, Py_NewRef(d));
    if (interp->modules == NULL) {
        interp->modules = PyDict_New();
        if (interp->modules == NULL) {
            goto error;
        }
    }
    _PyMainConfig *c = &_Py_MainConfig;
    PyObject *version_info = make_structseq(&VersionInfoType, &version_info_desc, "(iiisi)",
                                            PY_MAJOR_VERSION, PY_MINOR_VERSION,
                                            PY_MICRO_VERSION, "final", 0);
    if (version_info == NULL) {
        goto error;
    }
    if (set_steal(d, "version_info", Py_NewRef(version_info)) < 0) {
        Py_DECREF(version_info);
        goto error;
    }
    long hexversion = (PY_MAJOR_VERSION << 24) | (PY_MINOR_VERSION << 16) |
                      (PY_MICRO_VERSION << 8) | (0xF << 4);
    PyObject *impl_kw = Py_BuildValue("{s:s,s:O,s:O,s:l,s:s}", "name", "weft",
                                      "cache_tag", Py_None, "version", version_info,
                                      "hexversion", hexversion,
                                      "_multiarch", "x86_64-linux-gnu");
    Py_DECREF(version_info);
    if (impl_kw == NULL) {
        goto error;
    }
    PyObject *impl = _PyNamespace_New(impl_kw);
    Py_DECREF(impl_kw);
    if (set_steal(d, "implementation", impl) < 0) {
        goto error;
    }
    int max_digits = c->int_max_str_digits >= 0 ? c->int_max_str_digits
                                               : _PyLong_GetMaxStrDigits();
    /* sys.flags.gil: as CPython 3.13, always 1 in the default build; in the
     * free-threaded build what -X gil / PYTHON_GIL asked for, None if unset. */
#ifdef Py_GIL_DISABLED
    PyObject *gil_flag = c->gil_requested < 0 ? Py_NewRef(Py_None)
                                              : PyLong_FromLong(c->gil_requested);
#else
    PyObject *gil_flag = PyLong_FromLong(1);
#endif
    if (gil_flag == NULL) {
        goto error;
    }
    if (set_steal(d, "flags", make_structseq(&FlagsType, &flags_desc, "(iiiiiiiiiiiiiOiiOiN)",
            0, c->inspect, c->interactive, c->optimize, c->dont_write_bytecode,
            c->no_user_site, c->no_site, !c->use_environment, c->verbose, c->bytes_warning,
            c->quiet, 1, c->isolated, c->dev_mode ? Py_True : Py_False, 0,
            c->warn_default_encoding, c->safe_path ? Py_True : Py_False, max_digits,
            gil_flag)) < 0 ||
        set_steal(d, "float_info", make_structseq(&FloatInfoType, &float_info_desc,
            "(diidiiiidii)", DBL_MAX, DBL_MAX_EXP, DBL_MAX_10_EXP, DBL_MIN, DBL_MIN_EXP,
            DBL_MIN_10_EXP, DBL_DIG, DBL_MANT_DIG, DBL_EPSILON, FLT_RADIX, FLT_ROUNDS)) < 0 ||
        set_steal(d, "int_info", make_structseq(&IntInfoType, &int_info_desc, "(iiii)",
            30, 4, _PY_LONG_DEFAULT_MAX_STR_DIGITS, _PY_LONG_MAX_STR_DIGITS_THRESHOLD)) < 0 ||
        set_steal(d, "hash_info", make_structseq(&HashInfoType, &hash_info_desc,
            "(iLiiisiii)", 64, (long long)((1ULL << 61) - 1), 314159, 0, 1000003,
            "siphash13", 64, 128, 0)) < 0 ||
        set_steal(d, "thread_info", make_structseq(&ThreadInfoType, &thread_info_desc,
            "(sss)", "pthread", "mutex+cond", "NPTL")) < 0) {
        goto error;
    }
    if (set_steal(d, "version", make_version_string()) < 0 ||
        set_steal(d, "hexversion", PyLong_FromLong(hexversion)) < 0 ||
        set_steal(d, "api_version", PyLong_FromLong(PYTHON_API_VERSION)) < 0 ||
        set_str(d, "copyright", "Copyright (c) the Weft authors.\nWeft is a Python 3 runtime "
                "written from scratch; Python is a trademark of the PSF.") < 0 ||
        set_str(d, "platform", "linux") < 0 ||
        set_str(d, "byteorder", "little") < 0 ||
        set_steal(d, "maxsize", PyLong_FromSsize_t(PY_SSIZE_T_MAX)) < 0 ||
        set_steal(d, "maxunicode", PyLong_FromLong(0x10FFFF)) < 0 ||
        set_str(d, "float_repr_style", "short") < 0 ||
        set_str(d, "abiflags", ABIFLAGS_STRING) < 0 ||
        set_str(d, "platlibdir", "lib") < 0 ||
        set_steal(d, "pycache_prefix", Py_NewRef(Py_None)) < 0 ||
        set_steal(d, "dont_write_bytecode", PyBool_FromLong(1)) < 0 ||
        set_steal(d, "executable", make_executable()) < 0 ||
        set_steal(d, "_base_executable", make_executable()) < 0 ||
        set_steal(d, "prefix", make_prefix()) < 0 ||
        set_steal(d, "base_prefix", make_prefix()) < 0 ||
        set_steal(d, "exec_prefix", make_prefix()) < 0 ||
        set_steal(d, "base_exec_prefix", make_prefix()) < 0 ||
        set_steal(d, "path", make_path()) < 0 ||
        set_steal(d, "meta_path", PyList_New(0)) < 0 ||
        set_steal(d, "path_hooks", PyList_New(0)) < 0 ||
        set_steal(d, "path_importer_cache", PyDict_New()) < 0 ||
        set_steal(d, "argv", str_list(c->argc, c->argv)) < 0 ||
        set_steal(d, "orig_argv", str_list(c->orig_argc, c->orig_argv)) < 0 ||
        set_steal(d, "warnoptions", str_list(c->nwarnoptions, c->warnoptions)) < 0 ||
        set_steal(d, "_xoptions", make_xoptions()) < 0 ||
        set_steal(d, "builtin_module_names", make_builtin_module_names()) < 0 ||
        set_steal(d, "stdlib_module_names", make_stdlib_module_names()) < 0 ||
        PyDict_SetItemString(d, "modules", interp->modules) < 0) {
        goto error;
    }
    if (c->argc == 0) {
        PyObject *argv = PySys_GetObject("argv");
        PyObject *empty = PyUnicode_FromString("");
        if (empty == NULL || PyList_Append(argv, empty) < 0) {
            Py_XDECREF(empty);
            goto error;
        }
        Py_DECREF(empty);
    }
    if (_PyErr_InitUnraisableHookArgs() < 0) {
        goto error;
    }
    /* __displayhook__ and friends keep the originals. */
    static const char *hooks[] = {"displayhook", "excepthook", "unraisablehook",
                                  "breakpointhook"};
    for (size_t i = 0; i < sizeof(hooks) / sizeof(hooks[0]); i++) {
        char dunder[64];
        snprintf(dunder, sizeof(dunder), "__%s__", hooks[i]);
        PyObject *f = PyDict_GetItemString(d, hooks[i]);
        if (f == NULL || PyDict_SetItemString(d, dunder, f) < 0) {
            goto error;
        }
    }
    if (PyDict_SetItem(interp->modules, PyModule_GetNameObject(m), m) < 0) {
        goto error;
    }
    return m;
error:
    Py_DECREF(m);
    return NULL;
}

int
_PySys_SetPath0(PyObject *path0)
{
    PyObject *path = PySys_GetObject("path");
    if (path == NULL || !PyList_Check(path)) {
        PyErr_SetString(PyExc_RuntimeError, "lost sys.path");
        return -1;
    }
    return PyList_Insert(path, 0, path0);
}
