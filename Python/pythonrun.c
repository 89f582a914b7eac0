/* pythonrun.c: bringing the Python layers up (builtins, sys, the standard
 * streams, __main__), running what the command line asks for (a file, -c,
 * -m, standard input, the interactive prompt), reporting an uncaught
 * exception and turning SystemExit into the exit status, and shutting down
 * (threading._shutdown, atexit callbacks, flushing the streams). */
#include "Python.h"
#include "pycore_pyerrors.h"
#include "pycore_pystate.h"
#include "pycore_pylifecycle.h"
#include "pycore_code.h"
#include "pycore_compile.h"
#include <limits.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>


_PyMainConfig _Py_MainConfig = {
    .use_environment = 1,
    .int_max_str_digits = -1,
#ifdef Py_GIL_DISABLED
    .enable_gil = 0,
#else
    .enable_gil = 1,
#endif
    .gil_requested = -1,
};

/* ---- C exit hooks (atexit module) ---------------------------------------- */

#define MAX_EXIT_HOOKS 32
static void (*exit_hooks[MAX_EXIT_HOOKS])(void);
static int n_exit_hooks;
static PyMutex exit_hooks_mutex;

int
_PyAtExit_Register(void (*func)(void))
{
    PyMutex_Lock(&exit_hooks_mutex);
    for (int i = 0; i < n_exit_hooks; i++) {
        if (exit_hooks[i] == func) {
            PyMutex_Unlock(&exit_hooks_mutex);
            return 0;
        }
    }
    if (n_exit_hooks >= MAX_EXIT_HOOKS) {
        PyMutex_Unlock(&exit_hooks_mutex);
        return -1;
    }
    exit_hooks[n_exit_hooks++] = func;
    PyMutex_Unlock(&exit_hooks_mutex);
    return 0;
}

/* ---- the standard streams ---------------------------------------------------- */

static int
in_inittab(const char *name)
{
    for (struct _inittab *p = _PyImport_Inittab; p->name != NULL; p++) {
        if (strcmp(p->name, name) == 0) {
            return 1;
        }
    }
    return 0;
}

/* A text stream on `fd` made with _io, as CPython's create_stdio does. */
static PyObject *
create_stdio(PyObject *io, int fd, int write_mode, const char *name, const char *errors)
{
    int buffered = !_Py_MainConfig.unbuffered;
    int buffering = (!buffered && write_mode) ? 0 : -1;
    PyObject *buf = PyObject_CallMethod(io, "open", "isiOOOO", fd, write_mode ? "wb" : "rb",
                                        buffering, Py_None, Py_None, Py_None, Py_False);
    if (buf == NULL) {
        return NULL;
    }
    PyObject *raw = buffering == 0 ? Py_NewRef(buf) : PyObject_GetAttrString(buf, "raw");
    if (raw == NULL) {
        PyErr_Clear();
    }
    else {
        PyObject *text = PyUnicode_FromString(name);
        if (text == NULL || PyObject_SetAttrString(raw, "name", text) < 0) {
            PyErr_Clear();
        }
        Py_XDECREF(text);
        Py_DECREF(raw);
    }
    int line_buffering = buffered && (isatty(fd) || fd == 2);
    int write_through = !buffered;
    PyObject *wrapper = PyObject_GetAttrString(io, "TextIOWrapper");
    if (wrapper == NULL) {
        Py_DECREF(buf);
        return NULL;
    }
    PyObject *args = Py_BuildValue("(Osss)", buf, "utf-8", errors, "\n");
    PyObject *kw = Py_BuildValue("{s:O,s:O}", "line_buffering", line_buffering ? Py_True : Py_False,
                                 "write_through", write_through ? Py_True : Py_False);
    PyObject *stream = args && kw ? PyObject_Call(wrapper, args, kw) : NULL;
    Py_XDECREF(args);
    Py_XDECREF(kw);
    Py_DECREF(wrapper);
    Py_DECREF(buf);
    if (stream == NULL) {
        return NULL;
    }
    PyObject *mode = PyUnicode_FromString(write_mode ? "w" : "r");
    if (mode == NULL || PyObject_SetAttrString(stream, "mode", mode) < 0) {
        PyErr_Clear();
    }
    Py_XDECREF(mode);
    return stream;
}

static int
fd_is_open(int fd)
{
    struct stat st;
    return fstat(fd, &st) == 0;
}

static int
set_stream(const char *name, const char *dunder, PyObject *stream)
{
    if (PySys_SetObject(name, stream) < 0 || PySys_SetObject(dunder, stream) < 0) {
        return -1;
    }
    return 0;
}

int
_PySys_InitStreams(void)
{
    static const struct { int fd; const char *name, *dunder, *label, *errors; } std[] = {
        {0, "stdin", "__stdin__", "<stdin>", "strict"},
        {1, "stdout", "__stdout__", "<stdout>", "strict"},
        {2, "stderr", "__stderr__", "<stderr>", "backslashreplace"},
    };
    /* stderr first as a std printer, so errors while building the real
     * streams can be shown. */
    PyObject *printer = PyFile_NewStdPrinter(2);
    if (printer == NULL || PySys_SetObject("stderr", printer) < 0) {
        Py_XDECREF(printer);
        return -1;
    }
    Py_DECREF(printer);
    PyObject *io = NULL;
    if (in_inittab("_io")) {
        io = PyImport_ImportModule("_io");
        if (io == NULL) {
            PyErr_Print();
        }
    }
    for (int i = 0; i < 3; i++) {
        PyObject *stream = NULL;
        if (!fd_is_open(std[i].fd)) {
            stream = Py_NewRef(Py_None);
        }
        else if (io != NULL) {
            stream = create_stdio(io, std[i].fd, std[i].fd != 0, std[i].label, std[i].errors);
            if (stream == NULL) {
                PyErr_Print();
            }
        }
        if (stream == NULL) {
            stream = PyFile_NewStdPrinter(std[i].fd);
        }
        if (stream == NULL || set_stream(std[i].name, std[i].dunder, stream) < 0) {
            Py_XDECREF(stream);
            Py_XDECREF(io);
            return -1;
        }
        Py_DECREF(stream);
    }
    Py_XDECREF(io);
    return 0;
}

static void
flush_std_stream(const char *name, int *status)
{
    PyObject *f = PySys_GetObject(name);
    if (f == NULL || f == Py_None) {
        return;
    }
    Py_INCREF(f);
    PyObject *saved = PyErr_GetRaisedException();
    PyObject *closed;
    if (PyObject_GetOptionalAttrString(f, "closed", &closed) > 0) {
        int c = PyObject_IsTrue(closed);
        Py_DECREF(closed);
        if (c > 0) {
            Py_DECREF(f);
            PyErr_Clear();
            PyErr_SetRaisedException(saved);
            return;
        }
    }
    PyErr_Clear();
    PyObject *r = PyObject_CallMethod(f, "flush", NULL);
    if (r == NULL) {
        if (status != NULL) {
            PyErr_WriteUnraisable(NULL);
            *status = -1;
        }
        PyErr_Clear();
    }
    Py_XDECREF(r);
    Py_DECREF(f);
    PyErr_SetRaisedException(saved);
}

/* ---- start-up ------------------------------------------------------------------ */

static PyObject *main_module;

int
_Py_InitializeMain(void)
{
    PyInterpreterState *interp = _PyInterpreterState_GET();
    if (_PyImport_Init() < 0) {
        return -1;
    }
    PyObject *bimod = _PyBuiltin_Init();
    if (bimod == NULL) {
        return -1;
    }
    Py_XSETREF(interp->builtins, Py_NewRef(PyModule_GetDict(bimod)));
    if (PyDict_SetItemString(interp->modules, "builtins", bimod) < 0) {
        Py_DECREF(bimod);
        return -1;
    }
    PyObject *sysmod = _PySys_Create();
    if (sysmod == NULL) {
        Py_DECREF(bimod);
        return -1;
    }
    Py_DECREF(sysmod);
    signal(SIGPIPE, SIG_IGN);
#ifdef SIGXFSZ
    signal(SIGXFSZ, SIG_IGN);
#endif
    if (_PySignal_Init() < 0) {
        Py_DECREF(bimod);
        return -1;
    }
    if (_PySys_InitStreams() < 0) {
        Py_DECREF(bimod);
        return -1;
    }
    /* __main__ */
    main_module = PyImport_AddModuleRef("__main__");
    if (main_module == NULL) {
        Py_DECREF(bimod);
        return -1;
    }
    PyObject *d = PyModule_GetDict(main_module);
    PyObject *ann = PyDict_New();
    if (ann == NULL || PyDict_SetItemString(d, "__annotations__", ann) < 0 ||
        PyDict_SetItemString(d, "__builtins__", bimod) < 0) {
        Py_XDECREF(ann);
        Py_DECREF(bimod);
        return -1;
    }
    Py_DECREF(ann);
    Py_DECREF(bimod);
    return 0;
}

/* ---- running code ------------------------------------------------------------ */

static PyObject *
compile_source(const char *src, PyObject *filename, int start)
{
    return _PyGlue_Compile(src, filename, start, -1);
}

static PyObject *
run_code(PyObject *code, PyObject *globals, PyObject *locals)
{
    return PyEval_EvalCode(code, globals, locals);
}

PyObject *
PyRun_String(const char *str, int start, PyObject *globals, PyObject *locals)
{
    PyObject *filename = PyUnicode_FromString("<string>");
    if (filename == NULL) {
        return NULL;
    }
    PyObject *code = compile_source(str, filename, start);
    Py_DECREF(filename);
    if (code == NULL) {
        return NULL;
    }
    PyObject *r = run_code(code, globals, locals);
    Py_DECREF(code);
    return r;
}

int
PyRun_SimpleString(const char *command)
{
    PyObject *m = PyImport_AddModule("__main__");
    if (m == NULL) {
        return -1;
    }
    PyObject *d = PyModule_GetDict(m);
    PyObject *r = PyRun_String(command, Py_file_input, d, d);
    if (r == NULL) {
        PyErr_Print();
        return -1;
    }
    Py_DECREF(r);
    return 0;
}

/* The exit status for the current SystemExit (cleared); prints a non-int
 * code to sys.stderr as CPython does. */
int
_Py_HandleSystemExit(int *exitcode)
{
    if (!PyErr_ExceptionMatches(PyExc_SystemExit)) {
        return 0;
    }
    PyObject *exc = PyErr_GetRaisedException();
    PyObject *code = PyObject_GetAttrString(exc, "code");
    int status = 0;
    if (code == NULL) {
        PyErr_Clear();
    }
    else if (code == Py_None) {
        status = 0;
    }
    else if (PyLong_Check(code)) {
        int overflow;
        long v = PyLong_AsLongAndOverflow(code, &overflow);
        if (overflow || (v == -1 && PyErr_Occurred())) {
            PyErr_Clear();
            v = -1;
        }
        status = (int)v;
    }
    else {
        /* Print str(code) to sys.stderr (after flushing stdout). */
        flush_std_stream("stdout", NULL);
        PyObject *f = PySys_GetObject("stderr");
        if (f != NULL && f != Py_None) {
            if (PyFile_WriteObject(code, f, Py_PRINT_RAW) < 0 ||
                PyFile_WriteString("\n", f) < 0) {
                PyErr_Clear();
            }
        }
        else {
            PyObject *s = PyObject_Str(code);
            const char *c = s ? PyUnicode_AsUTF8AndSize(s, NULL) : NULL;
            PyErr_Clear();
            if (c != NULL) {
                fprintf(stderr, "%s\n", c);
            }
            Py_XDECREF(s);
        }
        status = 1;
    }
    Py_XDECREF(code);
    Py_DECREF(exc);
    *exitcode = status;
    return 1;
}

/* Report the current exception: its exit status. */
static int
handle_uncaught(void)
{
    int status;
    if (_Py_HandleSystemExit(&status)) {
        return status;
    }
    int interrupted = PyErr_ExceptionMatches(PyExc_KeyboardInterrupt);
    flush_std_stream("stdout", NULL);
    PyErr_Print();
    return interrupted ? 130 : 1;
}

static int
run_in_main(PyObject *code)
{
    PyObject *d = PyModule_GetDict(main_module);
    PyObject *r = run_code(code, d, d);
    if (r == NULL) {
        return handle_uncaught();
    }
    Py_DECREF(r);
    return 0;
}

static int
run_source(const char *src, PyObject *filename)
{
    PyObject *code = compile_source(src, filename, Py_file_input);
    if (code == NULL) {
        return handle_uncaught();
    }
    int status = run_in_main(code);
    Py_DECREF(code);
    return status;
}

static const char *
program_name(void)
{
    return _Py_MainConfig.orig_argc > 0 ? _Py_MainConfig.orig_argv[0] : "python";
}

static int
set_main_attr(const char *name, PyObject *value)
{
    if (value == NULL) {
        return -1;
    }
    int r = PyDict_SetItemString(PyModule_GetDict(main_module), name, value);
    Py_DECREF(value);
    return r;
}

/* Read a whole stream into a PyBytes. */
static PyObject *
read_all(FILE *fp)
{
    size_t cap = 8192, len = 0;
    char *buf = PyMem_Malloc(cap);
    while (buf != NULL) {
        size_t n;
        Py_BEGIN_ALLOW_THREADS
        n = fread(buf + len, 1, cap - len, fp);
        Py_END_ALLOW_THREADS
        len += n;
        if (len < cap) {
            break;
        }
        cap *= 2;
        char *nb = PyMem_Realloc(buf, cap);
        if (nb == NULL) {
            PyMem_Free(buf);
        }
        buf = nb;
    }
    if (buf == NULL) {
        return PyErr_NoMemory();
    }
    PyObject *r = PyBytes_FromStringAndSize(buf, (Py_ssize_t)len);
    PyMem_Free(buf);
    return r;
}

static int
run_bytes(PyObject *bytes, PyObject *filename)
{
    if (strlen(PyBytes_AS_STRING(bytes)) != (size_t)PyBytes_GET_SIZE(bytes)) {
        PyErr_SetString(PyExc_SyntaxError, "source code cannot contain null bytes");
        return handle_uncaught();
    }
    return run_source(PyBytes_AS_STRING(bytes), filename);
}

static PyObject *
absolute_path(const char *path)
{
    if (path[0] == '/') {
        return PyUnicode_DecodeFSDefault(path);
    }
    char cwd[PATH_MAX];
    if (getcwd(cwd, sizeof(cwd)) == NULL) {
        return PyUnicode_DecodeFSDefault(path);
    }
    /* Drop leading "./" as os.path.abspath would. */
    while (path[0] == '.' && path[1] == '/') {
        path += 2;
        while (*path == '/') {
            path++;
        }
    }
    if (strcmp(path, ".") == 0 || path[0] == '\0') {
        return PyUnicode_DecodeFSDefault(cwd);
    }
    return PyUnicode_FromFormat("%s/%s", cwd, path);
}

static int
run_file(const char *path)
{
    FILE *fp = fopen(path, "rb");
    PyObject *abs = absolute_path(path);
    if (abs == NULL) {
        if (fp) {
            fclose(fp);
        }
        return handle_uncaught();
    }
    struct stat st;
    if (fp != NULL && fstat(fileno(fp), &st) == 0 && S_ISDIR(st.st_mode)) {
        fclose(fp);
        fp = NULL;
        /* A directory: run its __main__.py as CPython does. */
        PyObject *main_py = PyUnicode_FromFormat("%U/__main__.py", abs);
        if (main_py == NULL) {
            Py_DECREF(abs);
            return handle_uncaught();
        }
        const char *mp = PyUnicode_AsUTF8AndSize(main_py, NULL);
        fp = mp ? fopen(mp, "rb") : NULL;
        if (fp == NULL) {
            fprintf(stderr, "%s: can't find '__main__' module in '%s'\n", program_name(),
                    PyUnicode_AsUTF8AndSize(abs, NULL));
            Py_DECREF(main_py);
            Py_DECREF(abs);
            return 1;
        }
        Py_SETREF(abs, main_py);
    }
    if (fp == NULL) {
        int err = errno;
        PyObject *msg = PyUnicode_FromFormat("%s: can't open file %R: [Errno %d] %s\n",
                                             program_name(), abs, err, strerror(err));
        const char *m = msg ? PyUnicode_AsUTF8AndSize(msg, NULL) : NULL;
        flush_std_stream("stdout", NULL);
        if (m != NULL) {
            fputs(m, stderr);
        }
        PyErr_Clear();
        Py_XDECREF(msg);
        Py_DECREF(abs);
        return 2;
    }
    /* sys.path[0]: the script's directory, symlinks resolved. */
    if (!_Py_MainConfig.safe_path) {
        char real[PATH_MAX];
        const char *absc = PyUnicode_AsUTF8AndSize(abs, NULL);
        PyObject *dir;
        if (absc != NULL && realpath(absc, real) != NULL) {
            char *slash = strrchr(real, '/');
            if (slash == real) {
                slash[1] = '\0';
            }
            else if (slash != NULL) {
                *slash = '\0';
            }
            dir = PyUnicode_DecodeFSDefault(real);
        }
        else {
            PyErr_Clear();
            dir = PyUnicode_FromString("");
        }
        if (dir == NULL || _PySys_SetPath0(dir) < 0) {
            Py_XDECREF(dir);
            fclose(fp);
            Py_DECREF(abs);
            return handle_uncaught();
        }
        Py_DECREF(dir);
    }
    PyObject *src = read_all(fp);
    fclose(fp);
    if (src == NULL || set_main_attr("__file__", Py_NewRef(abs)) < 0 ||
        set_main_attr("__cached__", Py_NewRef(Py_None)) < 0) {
        Py_XDECREF(src);
        Py_DECREF(abs);
        return handle_uncaught();
    }
    int status = run_bytes(src, abs);
    Py_DECREF(src);
    Py_DECREF(abs);
    return status;
}

static int
run_command(const char *cmd)
{
    if (!_Py_MainConfig.safe_path) {
        PyObject *empty = PyUnicode_FromString("");
        if (empty == NULL || _PySys_SetPath0(empty) < 0) {
            Py_XDECREF(empty);
            return handle_uncaught();
        }
        Py_DECREF(empty);
    }
    PyObject *filename = PyUnicode_FromString("<string>");
    if (filename == NULL) {
        return handle_uncaught();
    }
    _PyTraceback_SetCommandSource(cmd);
    int status = run_source(cmd, filename);
    Py_DECREF(filename);
    return status;
}

extern PyObject *_PyNamespace_New(PyObject *kwds);

static int
run_module(const char *modname)
{
    if (!_Py_MainConfig.safe_path) {
        char cwd[PATH_MAX];
        PyObject *dir = getcwd(cwd, sizeof(cwd)) ? PyUnicode_DecodeFSDefault(cwd)
                                                 : PyUnicode_FromString("");
        if (dir == NULL || _PySys_SetPath0(dir) < 0) {
            Py_XDECREF(dir);
            return handle_uncaught();
        }
        Py_DECREF(dir);
    }
    PyObject *name = PyUnicode_FromString(modname);
    if (name == NULL) {
        return handle_uncaught();
    }
    PyObject *path = NULL;
    int is_pkg = 0;
    int found = _PyImport_FindModuleFile(name, &path, &is_pkg);
    if (found > 0 && is_pkg) {
        PyObject *mainname = PyUnicode_FromFormat("%U.__main__", name);
        Py_XDECREF(path);
        path = NULL;
        if (mainname == NULL) {
            Py_DECREF(name);
            return handle_uncaught();
        }
        int is_pkg2 = 0;
        found = _PyImport_FindModuleFile(mainname, &path, &is_pkg2);
        if (found == 0 || (found > 0 && (is_pkg2 || path == NULL))) {
            flush_std_stream("stdout", NULL);
            fprintf(stderr, "%s: No module named %s.__main__; '%s' is a package and cannot "
                    "be directly executed\n", program_name(), modname, modname);
            Py_XDECREF(path);
            Py_DECREF(mainname);
            Py_DECREF(name);
            return 1;
        }
        Py_SETREF(name, mainname);
    }
    if (found < 0) {
        if (PyErr_ExceptionMatches(PyExc_ImportError)) {
            PyObject *exc = PyErr_GetRaisedException();
            PyObject *msg = PyObject_Str(exc);
            flush_std_stream("stdout", NULL);
            fprintf(stderr, "%s: Error while finding module specification for '%s' (%s: %s)\n",
                    program_name(), modname, Py_TYPE(exc)->tp_name,
                    msg ? PyUnicode_AsUTF8AndSize(msg, NULL) : "");
            PyErr_Clear();
            Py_XDECREF(msg);
            Py_DECREF(exc);
            Py_DECREF(name);
            return 1;
        }
        Py_DECREF(name);
        return handle_uncaught();
    }
    if (found == 0 || path == NULL) {
        flush_std_stream("stdout", NULL);
        fprintf(stderr, "%s: No module named %s\n", program_name(), modname);
        Py_XDECREF(path);
        Py_DECREF(name);
        return 1;
    }
    /* sys.argv[0] is the file's path; __main__ gets a spec. */
    PyObject *argv = PySys_GetObject("argv");
    if (argv != NULL && PyList_Check(argv) && PyList_GET_SIZE(argv) > 0) {
        PyList_SetItem(argv, 0, Py_NewRef(path));
    }
    Py_ssize_t dot = PyUnicode_FindChar(name, '.', 0, PyUnicode_GET_LENGTH(name), -1);
    PyObject *parent = dot >= 0 ? PyUnicode_Substring(name, 0, dot) : PyUnicode_FromString("");
    PyObject *kw = parent ? Py_BuildValue("{s:O,s:O,s:O,s:O,s:O,s:O,s:O,s:O}",
                                          "name", name, "loader", Py_None, "origin", path,
                                          "loader_state", Py_None,
                                          "submodule_search_locations", Py_None,
                                          "cached", Py_None, "parent", parent,
                                          "has_location", Py_True) : NULL;
    PyObject *spec = kw ? _PyNamespace_New(kw) : NULL;
    Py_XDECREF(kw);
    if (spec == NULL || set_main_attr("__spec__", spec) < 0 ||
        set_main_attr("__file__", Py_NewRef(path)) < 0 ||
        set_main_attr("__cached__", Py_NewRef(Py_None)) < 0 ||
        set_main_attr("__package__", Py_NewRef(parent)) < 0) {
        Py_XDECREF(parent);
        Py_DECREF(path);
        Py_DECREF(name);
        return handle_uncaught();
    }
    Py_DECREF(parent);
    const char *cpath = PyUnicode_AsUTF8AndSize(path, NULL);
    FILE *fp = cpath ? fopen(cpath, "rb") : NULL;
    if (fp == NULL) {
        PyErr_SetFromErrnoWithFilenameObject(PyExc_OSError, path);
        Py_DECREF(path);
        Py_DECREF(name);
        return handle_uncaught();
    }
    PyObject *src = read_all(fp);
    fclose(fp);
    int status = src ? run_bytes(src, path) : handle_uncaught();
    Py_XDECREF(src);
    Py_DECREF(path);
    Py_DECREF(name);
    return status;
}

static int
run_stdin_script(void)
{
    if (!_Py_MainConfig.safe_path) {
        PyObject *empty = PyUnicode_FromString("");
        if (empty == NULL || _PySys_SetPath0(empty) < 0) {
            Py_XDECREF(empty);
            return handle_uncaught();
        }
        Py_DECREF(empty);
    }
    PyObject *src = read_all(stdin);
    if (src == NULL) {
        return handle_uncaught();
    }
    PyObject *filename = PyUnicode_FromString("<stdin>");
    int status = filename ? run_bytes(src, filename) : handle_uncaught();
    Py_XDECREF(filename);
    Py_DECREF(src);
    return status;
}

/* ---- the interactive prompt ------------------------------------------------ */

/* Write the prompt (sys.ps1/ps2 when set) to stderr. */
static void
write_prompt(int continuation)
{
    PyObject *p = PySys_GetObject(continuation ? "ps2" : "ps1");
    PyObject *text = p ? PyObject_Str(p) : PyUnicode_FromString(continuation ? "... " : ">>> ");
    PyObject *err = PySys_GetObject("stderr");
    flush_std_stream("stdout", NULL);
    if (text != NULL && err != NULL && err != Py_None) {
        if (PyFile_WriteObject(text, err, Py_PRINT_RAW) < 0) {
            PyErr_Clear();
        }
        flush_std_stream("stderr", NULL);
    }
    PyErr_Clear();
    Py_XDECREF(text);
}

/* One line from stdin (NULL at EOF). */
static PyObject *
read_line(void)
{
    PyObject *in = PySys_GetObject("stdin");
    if (in == NULL || in == Py_None) {
        return NULL;
    }
    PyObject *line = PyObject_CallMethod(in, "readline", NULL);
    if (line == NULL) {
        return NULL;
    }
    if (!PyUnicode_Check(line) || PyUnicode_GET_LENGTH(line) == 0) {
        Py_DECREF(line);
        return NULL;
    }
    return line;
}

static int
incomplete_input(void)
{
    if (!PyErr_ExceptionMatches(PyExc_SyntaxError)) {
        return 0;
    }
    PyObject *exc = PyErr_GetRaisedException();
    PyObject *msg = PyObject_GetAttrString(exc, "msg");
    int inc = 0;
    if (msg != NULL && PyUnicode_Check(msg)) {
        const char *m = PyUnicode_AsUTF8AndSize(msg, NULL);
        inc = m != NULL && (strstr(m, "incomplete input") || strstr(m, "unexpected EOF") ||
                            strstr(m, "was never closed") ||
                            strstr(m, "expected an indented block") ||
                            strstr(m, "unterminated triple-quoted"));
    }
    PyErr_Clear();
    Py_XDECREF(msg);
    if (inc) {
        Py_DECREF(exc);
    }
    else {
        PyErr_SetRaisedException(exc);
    }
    return inc;
}

static int
is_blank(PyObject *line)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(line);
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 c = PyUnicode_READ_CHAR(line, i);
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
            return 0;
        }
    }
    return 1;
}

static int
ends_with_colon(PyObject *line)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(line);
    while (n > 0) {
        Py_UCS4 c = PyUnicode_READ_CHAR(line, n - 1);
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
            return c == ':' || c == '\\';
        }
        n--;
    }
    return 0;
}

/* Does the first line of an input open a compound statement?  At the
 * prompt, CPython's grammar ends one only with an empty line, even when it
 * fits on one line (`def f(): pass`); a line ending in ':' or '\\' also
 * asks for more. */
static int
opens_block(PyObject *line)
{
    static const char *const kws[] = {"def", "class", "if", "for", "while", "try", "with",
                                      "async", NULL};
    const char *s = PyUnicode_AsUTF8AndSize(line, NULL);
    if (s == NULL) {
        PyErr_Clear();
        return 0;
    }
    while (*s == ' ' || *s == '\t') {
        s++;
    }
    if (*s == '@') {
        return 1;
    }
    for (int i = 0; kws[i]; i++) {
        size_t n = strlen(kws[i]);
        if (strncmp(s, kws[i], n) == 0) {
            unsigned char c = (unsigned char)s[n];
            if (!(c == '_' || c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
                  (c >= 'A' && c <= 'Z'))) {
                return 1;
            }
        }
    }
    return ends_with_colon(line);
}

static int
run_repl(void)
{
    if (!_Py_MainConfig.quiet && isatty(0)) {
        PyObject *v = PySys_GetObject("version");
        PySys_FormatStderr("Python %S on linux\nType \"help\", \"copyright\", \"credits\" or "
                           "\"license\" for more information.\n", v ? v : Py_None);
    }
    PyObject *d = PyModule_GetDict(main_module);
    PyObject *filename = PyUnicode_FromString("<stdin>");
    if (filename == NULL) {
        return handle_uncaught();
    }
    int status = 0;
    /* __future__ features imported at the prompt stay on for later inputs. */
    PyCompilerFlags cf = {0, 0};
    for (;;) {
        PyObject *buffer = PyUnicode_FromString("");
        int continuation = 0, block = 0;
        PyObject *code = NULL;
        int eof = 0;
        for (;;) {
            write_prompt(continuation);
            PyObject *line = read_line();
            if (line == NULL) {
                if (PyErr_Occurred()) {
                    if (PyErr_ExceptionMatches(PyExc_KeyboardInterrupt)) {
                        PyErr_Clear();
                        PySys_WriteStderr("\nKeyboardInterrupt\n");
                        break;
                    }
                    PyErr_Print();
                }
                eof = 1;
                break;
            }
            PyUnicode_Append(&buffer, line);
            if (buffer == NULL) {
                Py_DECREF(line);
                break;
            }
            int blank = is_blank(line);
            if (!continuation && blank) {
                Py_DECREF(line);
                break;          /* empty input: new prompt */
            }
            if (!continuation && opens_block(line)) {
                block = 1;
            }
            Py_DECREF(line);
            if (block && !blank) {
                continuation = 1;
                continue;       /* a block ends with an empty line */
            }
            const char *src = PyUnicode_AsUTF8AndSize(buffer, NULL);
            if (src == NULL) {
                break;
            }
            code = Py_CompileStringObject(src, filename, Py_single_input, &cf, -1);
            if (code != NULL) {
                cf.cf_flags |= ((PyCodeObject *)code)->co_flags & PyCF_MASK;
            }
            if (code == NULL && incomplete_input()) {
                continuation = 1;
                continue;
            }
            break;
        }
        if (eof) {
            Py_XDECREF(buffer);
            PySys_WriteStderr("\n");
            break;
        }
        if (code == NULL) {
            if (PyErr_Occurred()) {
                if (_Py_HandleSystemExit(&status)) {
                    Py_XDECREF(buffer);
                    goto done;
                }
                PyErr_Print();
            }
            Py_XDECREF(buffer);
            continue;
        }
        Py_XDECREF(buffer);
        PyObject *r = run_code(code, d, d);
        Py_DECREF(code);
        if (r == NULL) {
            if (_Py_HandleSystemExit(&status)) {
                goto done;
            }
            flush_std_stream("stdout", NULL);
            PyErr_Print();
        }
        else {
            Py_DECREF(r);
        }
        flush_std_stream("stdout", NULL);
    }
done:
    Py_DECREF(filename);
    return status;
}

/* ---- shutting down ---------------------------------------------------------- */

static void
wait_for_thread_shutdown(void)
{
    PyObject *threading = PyImport_GetModule(PyUnicode_InternFromString("threading"));
    if (threading == NULL) {
        PyErr_Clear();
        return;
    }
    PyObject *r = PyObject_CallMethod(threading, "_shutdown", NULL);
    if (r == NULL) {
        PyErr_WriteUnraisable(threading);
    }
    Py_XDECREF(r);
    Py_DECREF(threading);
}

static void
run_exit_hooks(void)
{
    PyMutex_Lock(&exit_hooks_mutex);
    int n = n_exit_hooks;
    PyMutex_Unlock(&exit_hooks_mutex);
    if (n > 0) {
        for (int i = n - 1; i >= 0; i--) {
            exit_hooks[i]();
            PyErr_Clear();
        }
        return;
    }
    /* No hook registered: call atexit._run_exitfuncs if the module is in. */
    PyObject *name = PyUnicode_InternFromString("atexit");
    PyObject *atexit = name ? PyImport_GetModule(name) : NULL;
    Py_XDECREF(name);
    if (atexit == NULL) {
        PyErr_Clear();
        return;
    }
    PyObject *r = PyObject_CallMethod(atexit, "_run_exitfuncs", NULL);
    if (r == NULL) {
        PyErr_Clear();
    }
    Py_XDECREF(r);
    Py_DECREF(atexit);
}

/* The part of CPython's module teardown that programs see: __main__ leaves
 * sys.modules and loses our reference, so its globals die with it (by
 * reference counting, or, as usual, through the cycle its functions'
 * __globals__ form), and one collection, which runs even with gc disabled,
 * finalises what is left (__del__ in collection order; weak references that
 * die together with their referent call no callback). */
static void
finalize_main_module(void)
{
    PyObject *modules = PyImport_GetModuleDict();
    if (modules != NULL && PyDict_Check(modules)) {
        if (PyDict_PopString(modules, "__main__", NULL) < 0) {
            PyErr_Clear();
        }
    }
    Py_CLEAR(main_module);
    (void)PyGC_Collect();
    PyErr_Clear();
}

int
Py_FinalizeEx(void)
{
    int status = 0;
    if (_PyInterpreterState_GET()->sysdict != NULL) {
        wait_for_thread_shutdown();
        run_exit_hooks();
        finalize_main_module();
        flush_std_stream("stdout", &status);
        flush_std_stream("stderr", NULL);
    }
    fflush(stdout);
    fflush(stderr);
    _PyRuntime_Finalize();
    return status;
}

int
Py_RunMain(void)
{
    _PyMainConfig *c = &_Py_MainConfig;
    int status;
    if (c->run_command != NULL) {
        status = run_command(c->run_command);
    }
    else if (c->run_module != NULL) {
        status = run_module(c->run_module);
    }
    else if (c->run_filename != NULL && strcmp(c->run_filename, "-") != 0) {
        status = run_file(c->run_filename);
    }
    else if (isatty(0) || c->interactive) {
        /* -i forces the prompt even when stdin is not a terminal. */
        if (!c->safe_path) {
            PyObject *empty = PyUnicode_FromString("");
            if (empty == NULL || _PySys_SetPath0(empty) < 0) {
                PyErr_Clear();
            }
            Py_XDECREF(empty);
        }
        status = run_repl();
    }
    else {
        status = run_stdin_script();
    }
    if (c->inspect && (c->run_filename != NULL || c->run_command != NULL ||
                       c->run_module != NULL)) {
        status = run_repl();
    }
    if (Py_FinalizeEx() < 0) {
        status = 120;
    }
    return status;
}
