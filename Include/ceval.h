/* ceval.h: the parts of the evaluator's API that exist before the eval
 * loop does: the C recursion guard.  (PyEval_SaveThread and
 * PyEval_RestoreThread are in pystate.h.)
 * Implementation: Python/errors.c for now. */
#ifndef Py_CEVAL_H
#define Py_CEVAL_H

#include "pyport.h"

/* C stack depth guard for code that recurses through objects (repr of
 * nested containers, comparisons, ...).  0 ok; -1 with RecursionError
 * ("maximum recursion depth exceeded" + where) when the depth passes
 * Py_C_RECURSION_LIMIT.  Every successful Enter needs one Leave. */
#define Py_C_RECURSION_LIMIT 8000
PyAPI_FUNC(int) Py_EnterRecursiveCall(const char *where);
PyAPI_FUNC(void) Py_LeaveRecursiveCall(void);

/* The eval loop (Python/ceval.c). */
struct _frame;
PyAPI_FUNC(PyObject *) PyEval_EvalCode(PyObject *co, PyObject *globals, PyObject *locals);
/* Run `co` as a function body with these arguments; `locals` non-NULL
 * makes it a class body (the namespace) as builtins.__build_class__ needs.
 * kws holds kwcount (name, value) pairs. */
PyAPI_FUNC(PyObject *) PyEval_EvalCodeEx(PyObject *co, PyObject *globals, PyObject *locals,
                                         PyObject *const *args, int argc, PyObject *const *kws,
                                         int kwc, PyObject *const *defs, int defc,
                                         PyObject *kwdefs, PyObject *closure);
/* Borrowed references of the running frame's namespaces (NULL if no frame;
 * PyEval_GetLocals: NULL with an exception on error). */
PyAPI_FUNC(PyObject *) PyEval_GetGlobals(void);
PyAPI_FUNC(PyObject *) PyEval_GetLocals(void);
PyAPI_FUNC(PyObject *) PyEval_GetBuiltins(void);
/* New references, 3.13 style. */
PyAPI_FUNC(PyObject *) PyEval_GetFrameGlobals(void);
PyAPI_FUNC(PyObject *) PyEval_GetFrameLocals(void);
PyAPI_FUNC(PyObject *) PyEval_GetFrameBuiltins(void);
/* The running frame object (borrowed, NULL if none): sys._getframe. */
PyAPI_FUNC(struct _frame *) PyEval_GetFrame(void);
/* The Python recursion limit (sys.getrecursionlimit/setrecursionlimit). */
PyAPI_FUNC(int) Py_GetRecursionLimit(void);
PyAPI_FUNC(void) Py_SetRecursionLimit(int limit);
/* Python frames currently running in this thread (for setrecursionlimit's
 * "the limit is too low" check). */
PyAPI_FUNC(int) _Py_GetRecursionDepth(void);

/* Tracing and profiling (sys.settrace / sys.setprofile), CPython's C API.
 * A Py_tracefunc gets (obj, frame, what, arg) with `what` one of PyTrace_*;
 * a nonzero return is an error (exception set): tracing is then turned
 * off for the thread.  Implementation: Python/tracing.c. */
typedef int (*Py_tracefunc)(PyObject *obj, struct _frame *frame, int what, PyObject *arg);
#define PyTrace_CALL 0
#define PyTrace_EXCEPTION 1
#define PyTrace_LINE 2
#define PyTrace_RETURN 3
#define PyTrace_C_CALL 4
#define PyTrace_C_EXCEPTION 5
#define PyTrace_C_RETURN 6
#define PyTrace_OPCODE 7
/* For the calling thread; *AllThreads for every thread of the interpreter. */
PyAPI_FUNC(void) PyEval_SetTrace(Py_tracefunc func, PyObject *obj);
PyAPI_FUNC(void) PyEval_SetProfile(Py_tracefunc func, PyObject *obj);
PyAPI_FUNC(void) PyEval_SetTraceAllThreads(Py_tracefunc func, PyObject *obj);
PyAPI_FUNC(void) PyEval_SetProfileAllThreads(Py_tracefunc func, PyObject *obj);

#endif /* Py_CEVAL_H */
