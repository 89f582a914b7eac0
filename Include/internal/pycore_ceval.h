/* pycore_ceval.h: the eval loop's internal entry points, shared by
 * functions (Objects/funcobject.c), generators (Objects/genobject.c), class
 * creation (builtins.__build_class__) and exec/eval.
 * Implementation: Python/ceval.c. */
#ifndef Py_INTERNAL_CEVAL_H
#define Py_INTERNAL_CEVAL_H

#include "Python.h"
#include "pycore_frame.h"

/* Run `frame` (pushed and filled by the caller, marked is_entry) until it
 * returns, raises or (generator frames) yields.  The loop links the frame
 * in as tstate->current_frame and, for frames owned by the thread, clears
 * and pops it when done.  With `throwflag` the current exception is raised
 * at the frame's current instruction (generator.throw). */
extern PyObject *_PyEval_EvalFrame(PyThreadState *tstate, _PyInterpreterFrame *frame,
                                   int throwflag);

/* Call `func` with vectorcall arguments and an explicit locals mapping
 * (NULL for ordinary calls; the class namespace for class bodies). */
PyAPI_FUNC(PyObject *) _PyEval_Vector(PyThreadState *tstate, PyFunctionObject *func,
                                      PyObject *locals, PyObject *const *args,
                                      size_t argcount, PyObject *kwnames);

/* Initialise a fresh frame for `func`/`code`: every localsplus slot NULL,
 * no blocks, the first instruction next. `func` may be NULL (module code:
 * then globals/builtins are given). A reference to code and func is taken. */
extern void _PyFrame_Init(_PyInterpreterFrame *frame, PyCodeObject *code, PyObject *func,
                          PyObject *globals, PyObject *builtins, PyObject *locals,
                          char owner);
/* The same for a plain call from the eval loop: the frame takes over the
 * caller's reference to `func`, and the caller moves the co_argcount
 * arguments into the first local slots. */
extern void _PyFrame_InitTakingFunc(_PyInterpreterFrame *frame, PyCodeObject *code,
                                    PyObject *func, PyObject *globals, PyObject *builtins);

/* Bind call arguments into frame->localsplus as CPython does (defaults,
 * *args, **kwargs, keyword-only), raising CPython's TypeErrors.  `args`
 * holds `argcount` values (positionals, then one per name in `kwnames`),
 * borrowed.  On failure every slot is NULL again. */
extern int _PyEval_BindArgs(PyThreadState *tstate, _PyInterpreterFrame *frame,
                            PyFunctionObject *func, PyObject *const *args,
                            Py_ssize_t argcount, PyObject *kwnames);

/* The builtins namespace for `globals` (globals['__builtins__'], a module's
 * dict, else the interpreter's builtins; a new empty dict if there are none
 * yet): a new reference. */
extern PyObject *_PyEval_BuiltinsFromGlobals(PyThreadState *tstate, PyObject *globals);

/* Frame clearing done by the loop at frame exit (thread frames are popped). */
extern void _PyEval_ClearThreadFrame(PyThreadState *tstate, _PyInterpreterFrame *frame);

/* The (type, first argument) of a zero-argument super() call in the
 * running frame; -1 with RuntimeError if there is none. */
extern int _PyEval_SuperArgs(PyThreadState *tstate, PyTypeObject **type, PyObject **obj);

/* RecursionError check for Python frames. */
extern int _Py_CheckRecursiveCallPy(PyThreadState *tstate);

#endif /* Py_INTERNAL_CEVAL_H */
