/* pycore_genobject.h: the layout of generators, coroutines and async
 * generators.  The interpreter frame is stored inline at the end of the
 * object (gi_iframe, sized for the code object), with the owner
 * FRAME_OWNED_BY_GENERATOR; the eval loop finds the generator from the
 * frame with _PyGen_FromFrame.  Implementation: Objects/genobject.c. */
#ifndef Py_INTERNAL_GENOBJECT_H
#define Py_INTERNAL_GENOBJECT_H

#include "Python.h"
#include "pycore_frame.h"
#include "pycore_pyerrors.h"

/* gi_frame_state */
enum {
    FRAME_CREATED = 0,           /* not started */
    FRAME_SUSPENDED = 1,         /* stopped at a yield */
    FRAME_EXECUTING = 2,
    FRAME_COMPLETED = 3,         /* returned or raised: frame cleared */
    FRAME_CLEARED = 4,
};

struct _PyGenObject {
    PyObject_VAR_HEAD
    PyObject *gi_weakreflist;
    PyObject *gi_name;
    PyObject *gi_qualname;
    PyObject *gi_code;           /* strong: the code (kept after completion) */
    _PyErr_StackItem gi_exc_state; /* exception being handled inside */
    PyObject *gi_origin_or_finalizer; /* async generators: the finalizer */
    char gi_hooks_inited;
    char gi_closed;              /* async generators: aclose() finished */
    char gi_running_async;       /* async generators: an asend/athrow runs */
    int8_t gi_frame_state;
    _PyInterpreterFrame gi_iframe; /* must be last (variable size) */
};

static inline PyGenObject *_PyGen_FromFrame(_PyInterpreterFrame *frame)
{
    return (PyGenObject *)((char *)frame - offsetof(PyGenObject, gi_iframe));
}

/* A new generator/coroutine/async generator for `func` whose frame is not
 * filled yet: the caller binds the arguments into *pframe. */
extern PyGenObject *_PyGen_NewForFunction(PyFunctionObject *func, PyCodeObject *co,
                                          _PyInterpreterFrame **pframe);
/* The awaitable iterator of `o` for `await` (GET_AWAITABLE): coroutines
 * as is, generator-based coroutines, else o.__await__(). */
extern PyObject *_PyCoro_GetAwaitableIter(PyObject *o);
/* Value wrapper for async generators' yields. */
extern PyObject *_PyAsyncGenValueWrapperNew(PyThreadState *tstate, PyObject *val);
/* Run gen.send(arg) / gen.throw(exc) one step: see PyIter_Send. */
extern PySendResult _PyGen_Send(PyGenObject *gen, PyObject *arg, PyObject **presult);

#endif /* Py_INTERNAL_GENOBJECT_H */
