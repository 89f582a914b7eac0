/* pycore_pylifecycle.h: the interpreter's start-up configuration (filled by
 * Modules/main.c from the command line and the environment) and the
 * initialisation steps of the Python layers: sys (Python/sysmodule.c),
 * builtins (Python/bltinmodule.c), import (Python/import.c), the standard
 * streams and running code (Python/pythonrun.c). */
#ifndef Py_INTERNAL_PYLIFECYCLE_H
#define Py_INTERNAL_PYLIFECYCLE_H

#include "Python.h"
#include "pycore_compile.h"

/* The compiler's entry point as the glue calls it (the compiler is on
 * main, so this is a plain reference that links compile.o in). */
#ifndef Py_COMPILER_FLAGS_DEFINED
#define Py_COMPILER_FLAGS_DEFINED
typedef struct {
    int cf_flags;
    int cf_feature_version;
} PyCompilerFlags;
#endif
extern PyObject *Py_CompileStringObject(const char *str, PyObject *filename, int start,
                                        PyCompilerFlags *flags, int optimize);
static inline PyObject *
_PyGlue_Compile(const char *str, PyObject *filename, int start, int optimize)
{
    return Py_CompileStringObject(str, filename, start, NULL, optimize);
}

typedef struct {
    int use_environment;      /* 0 with -E / -I */
    int isolated;             /* -I */
    int unbuffered;           /* -u or PYTHONUNBUFFERED */
    int inspect;              /* -i */
    int interactive;          /* running the REPL */
    int quiet;                /* -q */
    int verbose;              /* -v */
    int dont_write_bytecode;  /* -B or PYTHONDONTWRITEBYTECODE */
    int no_user_site;         /* -s */
    int no_site;              /* -S */
    int optimize;             /* -O count */
    int bytes_warning;        /* -b count */
    int safe_path;            /* -P */
    int dev_mode;             /* -X dev */
    int warn_default_encoding;
    int int_max_str_digits;   /* -1: default */
    int enable_gil;           /* the GIL runs (effective setting) */
    int gil_requested;        /* -X gil / PYTHON_GIL: -1 unset, 0 or 1 */
    /* The command line as given (sys.orig_argv) and sys.argv. */
    int orig_argc;
    char **orig_argv;
    int argc;
    char **argv;
    /* -X options ("key" or "key=value") and -W options, in order. */
    int nxoptions;
    char **xoptions;
    int nwarnoptions;
    char **warnoptions;
    /* What to run: at most one of these is set; none = stdin or REPL. */
    const char *run_command;
    const char *run_module;
    const char *run_filename;
} _PyMainConfig;

/* Set by main() before _Py_InitializeMain(). */
extern _PyMainConfig _Py_MainConfig;

/* Initialise sys, builtins, import and the standard streams; 0 or -1 with
 * an exception set.  _PyRuntime_Initialize and _PyTypes_Init come first. */
extern int _Py_InitializeMain(void);
/* Flush the streams, run atexit callbacks, wait for threads, finalise the
 * runtime.  Returns 0, or -1 when flushing stdout failed (exit status 120). */
extern int Py_FinalizeEx(void);

/* Steps of _Py_InitializeMain. */
extern PyObject *_PySys_Create(void);            /* new ref to the module */
extern int _PySys_InitStreams(void);             /* sys.stdin/stdout/stderr */
extern int _PySys_SetPath0(PyObject *path0);     /* sys.path.insert(0, path0) */
extern PyObject *_PyBuiltin_Init(void);          /* new ref to the module */
extern int _PyImport_Init(void);                 /* sys.modules, inittab */
extern void _PyImport_Fini(void);

/* sys.flags / other values main.c and others read. */
extern PyObject *_PySys_GetAttr(PyObject *name); /* borrowed or NULL */

/* Callbacks run at exit before atexit's Python callbacks (LIFO).  Used by
 * the atexit module to hook its _run_exitfuncs in.  0 or -1 when full. */
extern int _PyAtExit_Register(void (*func)(void));

#endif /* Py_INTERNAL_PYLIFECYCLE_H */
