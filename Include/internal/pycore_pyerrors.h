/* pycore_pyerrors.h: error-state internals.  The stack of exceptions being
 * handled (one entry per active `except` block / generator), which the eval
 * loop maintains through tstate->exc_info; errors.c reads it to chain
 * __context__ and for sys.exception().  Implementation: Python/errors.c. */
#ifndef Py_INTERNAL_PYERRORS_H
#define Py_INTERNAL_PYERRORS_H

#include "Python.h"
#include "pycore_pystate.h"

typedef struct _err_stackitem {
    PyObject *exc_value;                  /* NULL or None: nothing handled */
    struct _err_stackitem *previous_item;
} _PyErr_StackItem;

/* The exception currently handled by `tstate` (borrowed; may be None). */
PyAPI_FUNC(PyObject *) _PyErr_GetTopmostException(PyThreadState *tstate);

/* Variants taking the thread state. */
PyAPI_FUNC(void) _PyErr_SetObject(PyThreadState *tstate, PyObject *type, PyObject *value);
PyAPI_FUNC(void) _PyErr_SetString(PyThreadState *tstate, PyObject *type, const char *msg);
PyAPI_FUNC(PyObject *) _PyErr_Format(PyThreadState *tstate, PyObject *type,
                                     const char *format, ...);
PyAPI_FUNC(void) _PyErr_Clear(PyThreadState *tstate);
PyAPI_FUNC(int) _PyErr_ExceptionMatches(PyThreadState *tstate, PyObject *exc);
PyAPI_FUNC(PyObject *) _PyErr_GetRaisedException(PyThreadState *tstate);
PyAPI_FUNC(void) _PyErr_SetRaisedException(PyThreadState *tstate, PyObject *exc);
static inline PyObject *_PyErr_Occurred(PyThreadState *tstate)
{
    return tstate->current_exception == NULL ? NULL
           : (PyObject *)Py_TYPE(tstate->current_exception);
}

/* sys.unraisablehook support (Python/errors.c): the UnraisableHookArgs type,
 * readied by sys's initialisation, and the default hook (sys.__unraisablehook__). */
PyAPI_FUNC(int) _PyErr_InitUnraisableHookArgs(void);
PyAPI_FUNC(PyObject *) _PyErr_UnraisableDefaultHook(PyObject *args);

/* Make an exception instance of `type` from a value as PyErr_SetObject
 * receives it (None/NULL: no args, tuple: args, other: one arg). */
PyAPI_FUNC(PyObject *) _PyErr_CreateException(PyObject *type, PyObject *value);

/* except*: what to raise at the end of the statement, from the group it
 * caught and the list of what each handler raised or left (exceptions.c). */
PyAPI_FUNC(PyObject *) _PyExc_PrepReraiseStar(PyObject *orig, PyObject *excs);

/* The "Did you mean" hint appended to a printed NameError/AttributeError/
 * ImportError message, or NULL (suggestions.c). */
PyAPI_FUNC(PyObject *) _Py_SuggestionText(PyObject *exc);

/* The -c program's text, for its lines in tracebacks (Python/traceback.c). */
extern void _PyTraceback_SetCommandSource(const char *source);

#endif /* Py_INTERNAL_PYERRORS_H */
