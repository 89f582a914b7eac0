/* pylifecycle.c: start-up and shut-down of the runtime: the interpreter
 * state, the GIL, and the main thread's state (pycore_pystate.h). */
#include "Python.h"
#include "pycore_pystate.h"
#include "pycore_critical_section.h"
#include "pycore_parking_lot.h"
#include "pycore_gc.h"

static int runtime_initialized = 0;

int
_PyRuntime_Initialize(int enable_gil)
{
    if (runtime_initialized) {
        return 0;
    }
    PyInterpreterState *interp = &_PyInterpreterState_Main;
    interp->threads_mutex = (PyMutex){0};
    interp->threads_head = NULL;
    interp->threads_count = 0;
    interp->stoptheworld = (struct _stoptheworld_state){0};
    interp->finalizing = 0;
    interp->finalizing_tstate = NULL;
    if (interp->recursion_limit <= 0) {
        interp->recursion_limit = 1000;
    }
#ifndef Py_GIL_DISABLED
    /* The default build cannot run without its GIL. */
    enable_gil = 1;
#endif
    _PyEval_InitGIL(interp, enable_gil);

    PyThreadState *tstate = _PyThreadState_New(interp);
    if (tstate == NULL) {
        _PyEval_FiniGIL(interp);
        return -1;
    }
    _PyThreadState_Bind(tstate);
    interp->main_thread = tstate;
    interp->main_thread_id = tstate->thread_id;
    _PyThreadState_Attach(tstate);
#ifdef Py_GIL_DISABLED
    _PyCriticalSection_InitElision(interp);
#endif
    if (_PySignal_Init() < 0) {
        return -1;
    }
    runtime_initialized = 1;
    return 0;
}

void
_PyRuntime_Finalize(void)
{
    if (!runtime_initialized) {
        return;
    }
    PyInterpreterState *interp = &_PyInterpreterState_Main;
    PyThreadState *tstate = _PyThreadState_GET();
    _Py_atomic_store_ptr(&interp->finalizing_tstate, tstate);
    _Py_atomic_store_int(&interp->finalizing, 1);
    if (tstate != NULL) {
        _PyThreadState_DeleteCurrent(tstate);
    }
    /* Other threads' states stay: their threads may still be running
     * (daemon threads); any of them that tries to attach from now on exits
     * (see _PyThreadState_Attach). */
    /* Threads that are exiting unlink their states under the threads lock:
     * look at the list under it too. */
    _PyMutex_LockNoDetach(&interp->threads_mutex);
    int others_left = interp->threads_head != NULL;
    PyMutex_Unlock(&interp->threads_mutex);
    if (!others_left) {
        /* Nobody is left to read: release what exited threads queued. */
        _PyMem_FiniDelayed();
        _Py_qsbr_fini(&interp->qsbr);
        _PyEval_FiniGIL(interp);
    }
    runtime_initialized = 0;
}

/* ---- fork() ------------------------------------------------------------ */

void
PyOS_BeforeFork(void)
{
    PyInterpreterState *interp = &_PyInterpreterState_Main;
    /* Every other thread is parked or detached; holding threads_mutex as
     * well keeps a detached thread from being half-way through creating or
     * deleting a thread state at the moment of the fork. */
    _PyEval_StopTheWorld(interp);
    _PyMutex_LockNoDetach(&interp->threads_mutex);
}

void
PyOS_AfterFork_Parent(void)
{
    PyInterpreterState *interp = &_PyInterpreterState_Main;
    PyMutex_Unlock(&interp->threads_mutex);
    _PyEval_StartTheWorld(interp);
}

void
PyOS_AfterFork_Child(void)
{
    PyInterpreterState *interp = &_PyInterpreterState_Main;
    PyThreadState *tstate = _PyThreadState_GET();

    /* Only this thread exists now.  Every lock another thread held, or was
     * queued on, is reset. */
    _PyParkingLot_AfterFork();
    interp->threads_mutex = (PyMutex){0};
    interp->stoptheworld = (struct _stoptheworld_state){0};
    _PyEval_ReInitGILAfterFork(tstate);
    _Py_qsbr_after_fork(&interp->qsbr, tstate);
#ifdef Py_GIL_DISABLED
    _Py_brc_after_fork(interp);
    _PyGC_AfterFork();
#endif

    if (tstate != NULL) {
        /* Same pthread and TLS, new kernel thread id. */
        tstate->thread_id = PyThread_get_thread_ident();
        tstate->native_thread_id = PyThread_get_thread_native_id();
        interp->main_thread = tstate;
        interp->main_thread_id = tstate->thread_id;
    }

    /* Free the states of the threads that did not survive.  They were
     * suspended or detached; whatever sections they had are void. */
    PyThreadState *t = interp->threads_head;
    while (t != NULL) {
        PyThreadState *next = t->next;
        if (t != tstate) {
            t->state = _Py_THREAD_DETACHED;
            t->critical_section = 0;
            _PyThreadState_Delete(t);
        }
        t = next;
    }
}
