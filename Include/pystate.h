/* pystate.h: thread states and the public calls that detach and re-attach
 * them around blocking work (Py_BEGIN_ALLOW_THREADS / Py_END_ALLOW_THREADS).
 * The structures themselves are in Include/internal/pycore_tstate.h. */
#ifndef Py_PYSTATE_H
#define Py_PYSTATE_H

#include "pyport.h"

typedef struct _ts PyThreadState;
typedef struct _is PyInterpreterState;

/* The calling thread's state, or NULL if it has none. */
PyAPI_FUNC(PyThreadState *) PyThreadState_GetUnchecked(void);
/* The calling thread's state; fatal error if it has none. */
PyAPI_FUNC(PyThreadState *) PyThreadState_Get(void);
/* Drop the Python objects a thread state holds (its dict, pending
 * exceptions).  Called attached, before the state is deleted. */
PyAPI_FUNC(void) PyThreadState_Clear(PyThreadState *tstate);
PyAPI_FUNC(PyInterpreterState *) PyInterpreterState_Get(void);

/* Detach the current thread state (in the default build: release the GIL)
 * and return it; PyEval_RestoreThread re-attaches it. */
PyAPI_FUNC(PyThreadState *) PyEval_SaveThread(void);
PyAPI_FUNC(void) PyEval_RestoreThread(PyThreadState *tstate);

#define Py_BEGIN_ALLOW_THREADS { \
        PyThreadState *_save; \
        _save = PyEval_SaveThread();
#define Py_BLOCK_THREADS   PyEval_RestoreThread(_save);
#define Py_UNBLOCK_THREADS _save = PyEval_SaveThread();
#define Py_END_ALLOW_THREADS PyEval_RestoreThread(_save); \
        }

/* For threads created outside Python (extension callbacks). */
typedef enum { PyGILState_LOCKED, PyGILState_UNLOCKED } PyGILState_STATE;
PyAPI_FUNC(PyGILState_STATE) PyGILState_Ensure(void);
PyAPI_FUNC(void) PyGILState_Release(PyGILState_STATE state);

#endif /* Py_PYSTATE_H */
