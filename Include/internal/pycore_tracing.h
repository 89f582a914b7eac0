/* pycore_tracing.h: the eval loop's hooks for sys.settrace / sys.setprofile
 * (CPython's "legacy" tracing events).  While a thread has a trace or
 * profile function (tstate->trace_active), its eval loops dispatch every
 * instruction through _PyTrace_Instruction first; with neither set the
 * normal dispatch table is used and nothing here runs.
 * Implementation: Python/tracing.c. */
#ifndef Py_INTERNAL_TRACING_H
#define Py_INTERNAL_TRACING_H

#include "Python.h"
#include "pycore_frame.h"

/* Events due before the instruction frame->instr_ptr[-1] runs: 'call' at a
 * frame's first instruction, 'line', 'opcode', 'return' before
 * RETURN_VALUE / YIELD_VALUE, and the profiler's C-call wrapping before
 * CALL (it may replace the callable on the value stack, `sp` is the stack
 * top).  Returns 0, or -1 with an exception set (a trace function failed). */
extern int _PyTrace_Instruction(PyThreadState *tstate, _PyInterpreterFrame *frame,
                                PyObject **sp);

/* A generator/coroutine frame resumed (or thrown into, with the exception
 * set: it is kept): 'call'. */
extern int _PyTrace_Resume(PyThreadState *tstate, _PyInterpreterFrame *frame, int throwflag);

/* An exception was raised in (or propagated into) `frame`: 'exception'.
 * If the trace function fails, its exception replaces the current one. */
extern void _PyTrace_Exception(PyThreadState *tstate, _PyInterpreterFrame *frame);

/* A generator or coroutine that `frame` iterates (FOR_ITER) or awaits /
 * delegates to (SEND) has returned `value` (NULL: the StopIteration being
 * raised, if any, says): 'exception' with a StopIteration, as CPython.
 * -1 if the trace function failed (its exception is set). */
extern int _PyTrace_StopIteration(PyThreadState *tstate, _PyInterpreterFrame *frame,
                                  PyObject *value);

/* `frame` exits with the current exception: 'return' with None. */
extern void _PyTrace_Unwind(PyThreadState *tstate, _PyInterpreterFrame *frame);

/* Set the calling thread's functions (NULL to clear); the loop notices
 * through _PY_EVAL_TRACE_BIT. */
extern void _PyEval_SetTrace(PyThreadState *tstate, Py_tracefunc func, PyObject *obj);
extern void _PyEval_SetProfile(PyThreadState *tstate, Py_tracefunc func, PyObject *obj);

/* The line of instruction `index` as tracing sees it (frame.f_lineno):
 * structural instructions take the line of the one before them. */
extern int _PyTrace_LineOf(PyCodeObject *co, Py_ssize_t index);

/* The wrapper the profiler puts around built-in callables (a static type). */
extern PyTypeObject _PyProfiledCall_Type;

/* sys.settrace & co (the sys module's methods live in Python/tracing.c). */
extern PyObject *_PySys_SetTrace(PyObject *module, PyObject *func);
extern PyObject *_PySys_GetTrace(PyObject *module, PyObject *unused);
extern PyObject *_PySys_SetProfile(PyObject *module, PyObject *func);
extern PyObject *_PySys_GetProfile(PyObject *module, PyObject *unused);
extern PyObject *_PySys_SetTraceAllThreads(PyObject *module, PyObject *func);
extern PyObject *_PySys_SetProfileAllThreads(PyObject *module, PyObject *func);

#endif /* Py_INTERNAL_TRACING_H */
