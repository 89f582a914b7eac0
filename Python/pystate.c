/* pystate.c: the interpreter state, thread states and their life cycle,
 * attaching and detaching, and stop-the-world (pycore_pystate.h).
 *
 * tstate->state moves DETACHED -> ATTACHED only in _PyThreadState_Attach,
 * by compare-and-swap, so a stop-the-world that flips DETACHED -> SUSPENDED
 * at the same time wins or loses cleanly: a thread that lost must wait on
 * its `state` word in the parking lot until the world restarts.  Runtime
 * locks taken here are never held while waiting for the GIL or attaching,
 * so they are taken without detaching. */
#include "Python.h"
#include "pycore_pystate.h"
#include "pycore_parking_lot.h"
#include "pycore_critical_section.h"
#include "pycore_gc.h"

#include <pthread.h>

PyInterpreterState _PyInterpreterState_Main;
_Thread_local PyThreadState *_Py_tss_tstate = NULL;

#define STW_POLL_NS (1000 * 1000)   /* re-scan for newly detached threads */

static void
threads_lock(PyInterpreterState *interp)
{
    _PyMutex_LockNoDetach(&interp->threads_mutex);
}

static void
threads_unlock(PyInterpreterState *interp)
{
    PyMutex_Unlock(&interp->threads_mutex);
}

static _Py_NO_RETURN void
fatal(const char *func, const char *msg)
{
    fflush(stdout);
    fprintf(stderr, "Fatal Python error: %s: %s\n", func, msg);
    fflush(stderr);
    abort();
}

/* ---- creation and deletion -------------------------------------------- */

PyThreadState *
_PyThreadState_New(PyInterpreterState *interp)
{
    if (interp == NULL) {
        interp = &_PyInterpreterState_Main;
    }
    PyThreadState *tstate = calloc(1, sizeof(*tstate));
    if (tstate == NULL) {
        return NULL;
    }
    tstate->interp = interp;
    tstate->state = _Py_THREAD_DETACHED;
    int limit = interp->recursion_limit > 0 ? interp->recursion_limit : 1000;
    tstate->py_recursion_limit = limit;
    tstate->py_recursion_remaining = limit;
    tstate->c_recursion_remaining = 10000;

    threads_lock(interp);
#ifdef Py_GIL_DISABLED
    /* A second thread state: the sole thread's critical sections must be
     * real locks before this one can attach. */
    while (_Py_atomic_load_int(&interp->cs_elide) != 0 && interp->threads_count >= 1) {
        threads_unlock(interp);
        _PyCriticalSection_StopEliding(interp);
        threads_lock(interp);
    }
#endif
    if (_Py_atomic_load_int(&interp->stoptheworld.requested)) {
        /* A stop-the-world is running and did not count us: start
         * suspended, so we cannot attach until it ends. */
        tstate->state = _Py_THREAD_SUSPENDED;
    }
    tstate->next = interp->threads_head;
    if (interp->threads_head != NULL) {
        interp->threads_head->prev = tstate;
    }
    interp->threads_head = tstate;
    /* Written under threads_mutex, but read without it (the allocator
     * checks for "only one thread"): atomic. */
    _Py_atomic_add_ssize(&interp->threads_count, 1);
    threads_unlock(interp);

    /* Its QSBR slot (offline until the state attaches). */
    /* Atomic: the allocator reads other threads' slots while walking the
     * thread list (obmalloc.c, request_quiescent_reports). */
    _Py_atomic_store_ptr(&tstate->qsbr, _Py_qsbr_reserve(&interp->qsbr, tstate));
    if (tstate->qsbr == NULL) {
        _PyThreadState_Delete(tstate);
        return NULL;
    }
    return tstate;
}

void
_PyThreadState_Bind(PyThreadState *tstate)
{
    tstate->thread_id = PyThread_get_thread_ident();
    tstate->native_thread_id = PyThread_get_thread_native_id();
#ifdef Py_GIL_DISABLED
    tstate->tid = _Py_ThreadId();
#else
    tstate->tid = (uintptr_t)pthread_self();
#endif
    tstate->pthread = pthread_self();
    _Py_tss_tstate = tstate;
    _Py_tls_freelists = &tstate->freelists;
#ifdef Py_GIL_DISABLED
    _Py_tls_refcounts = &tstate->refcounts;
    /* Objects queued to this thread as their owner find it by `tid`. */
    _Py_brc_init_thread(tstate);
#endif
}

/* Called with threads_mutex held.  A thread state leaving while a
 * stop-the-world waits for it must not be waited for. */
static void decrement_stoptheworld_countdown(struct _stoptheworld_state *stw);

void
_PyThreadState_Delete(PyThreadState *tstate)
{
    if (tstate == NULL) {
        return;
    }
    if (_Py_atomic_load_int(&tstate->state) == _Py_THREAD_ATTACHED) {
        fatal("_PyThreadState_Delete", "thread state is still attached");
    }
    PyInterpreterState *interp = tstate->interp;

    /* Memory and refcount bookkeeping (each step does nothing if
     * _PyThreadState_DeleteCurrent already did it while attached). */
#ifdef Py_GIL_DISABLED
    _Py_brc_remove_thread(tstate);
#endif
    _PyMem_AbandonDelayed(tstate);
    _Py_qsbr_unregister(tstate->qsbr);
    _Py_atomic_store_ptr(&tstate->qsbr, NULL);

    threads_lock(interp);
    struct _stoptheworld_state *stw = &interp->stoptheworld;
    if (_Py_atomic_load_int(&stw->requested) && tstate != stw->requester) {
        int expected = _Py_THREAD_DETACHED;
        /* Counted but not yet parked: count it as stopped now. */
        if (_Py_atomic_compare_exchange_int(&tstate->state, &expected,
                                            _Py_THREAD_SUSPENDED)) {
            decrement_stoptheworld_countdown(stw);
        }
    }
    if (tstate->prev != NULL) {
        tstate->prev->next = tstate->next;
    }
    else {
        interp->threads_head = tstate->next;
    }
    if (tstate->next != NULL) {
        tstate->next->prev = tstate->prev;
    }
    _Py_atomic_add_ssize(&interp->threads_count, -1);
    if (interp->main_thread == tstate) {
        interp->main_thread = NULL;
    }
    threads_unlock(interp);

#ifdef Py_GIL_DISABLED
    _PyGC_ThreadExit(tstate);
#endif
    if (_Py_tss_tstate == tstate) {
        _Py_tss_tstate = NULL;
    }
    /* Last: the steps above may still free objects onto the lists.  The
     * thread-local pointer goes first so nothing is pushed meanwhile. */
    if (_Py_tls_freelists == &tstate->freelists) {
        _Py_tls_freelists = NULL;
    }
    _Py_freelists_Clear(&tstate->freelists);
    free(tstate->trash);  /* empty by now: only the buffer is left */
    free(tstate);
}

void
PyThreadState_Clear(PyThreadState *tstate)
{
    /* Clear one field at a time: a destructor run by one of them may look
     * at the others (e.g. a threading.local finaliser). */
    Py_CLEAR(tstate->dict);
    Py_CLEAR(tstate->async_exc);
    tstate->c_tracefunc = NULL;
    tstate->c_profilefunc = NULL;
    tstate->trace_active = 0;
    Py_CLEAR(tstate->c_traceobj);
    Py_CLEAR(tstate->c_profileobj);
    Py_CLEAR(tstate->current_exception);
}

void
_PyThreadState_DeleteCurrent(PyThreadState *tstate)
{
    if (tstate == NULL) {
        tstate = _Py_tss_tstate;
        if (tstate == NULL) {
            fatal("_PyThreadState_DeleteCurrent", "no current thread state");
        }
    }
    if (_Py_atomic_load_int(&tstate->state) == _Py_THREAD_ATTACHED) {
        /* While still attached: merge the objects queued to us (their
         * deallocators may run Python-level code) and hand over our
         * delayed frees. */
#ifdef Py_GIL_DISABLED
        _Py_brc_remove_thread(tstate);
#endif
        _PyMem_AbandonDelayed(tstate);
        _PyThreadState_Detach(tstate);
    }
    _Py_tss_tstate = NULL;
    _PyThreadState_Delete(tstate);
}

/* ---- attach / detach ---------------------------------------------------- */

/* Sleep until a stop-the-world that suspended us has ended. */
static void
wait_while_suspended(PyThreadState *tstate)
{
    for (;;) {
        int state = _Py_atomic_load_int(&tstate->state);
        if (state != _Py_THREAD_SUSPENDED) {
            return;
        }
        _PyParkingLot_Park(&tstate->state, &state, sizeof(state), -1, NULL, 0);
    }
}

/* Once shutdown has begun, other threads (daemon threads) must not run
 * Python again: the objects they would touch are being torn down.  As in
 * CPython 3.13 they exit when they try to attach. */
static void
exit_if_finalizing(PyThreadState *tstate)
{
    PyInterpreterState *interp = tstate->interp;
    if (_Py_atomic_load_int(&interp->finalizing) &&
        _Py_atomic_load_ptr(&interp->finalizing_tstate) != tstate) {
        PyThread_exit_thread();
    }
}

void
_PyThreadState_Attach(PyThreadState *tstate)
{
    if (_Py_atomic_load_int_relaxed(&tstate->state) == _Py_THREAD_ATTACHED) {
        fatal("_PyThreadState_Attach", "thread state is already attached");
    }
    _Py_tss_tstate = tstate;
    _Py_tls_freelists = &tstate->freelists;
#ifdef Py_GIL_DISABLED
    _Py_tls_refcounts = &tstate->refcounts;
#endif
    for (;;) {
        exit_if_finalizing(tstate);
        _PyEval_TakeGIL(tstate);
        int expected = _Py_THREAD_DETACHED;
        if (_Py_atomic_compare_exchange_int(&tstate->state, &expected,
                                            _Py_THREAD_ATTACHED)) {
            break;
        }
        /* Suspended by a stop-the-world: let the others have the GIL and
         * wait for the world to restart. */
        _PyEval_DropGIL(tstate);
        wait_while_suspended(tstate);
    }
    if (tstate->qsbr != NULL) {
        _Py_qsbr_attach(tstate->qsbr);
    }
    if (tstate->critical_section != 0) {
        _PyCriticalSection_Resume(tstate);
    }
}

static void
detach_thread(PyThreadState *tstate, int detached_state)
{
    if (_Py_atomic_load_int_relaxed(&tstate->state) != _Py_THREAD_ATTACHED) {
        fatal("_PyThreadState_Detach", "thread state is not attached");
    }
    if (tstate->critical_section != 0) {
        _PyCriticalSection_SuspendAll(tstate);
    }
    if (tstate->qsbr != NULL) {
        _Py_qsbr_detach(tstate->qsbr);
    }
    _Py_atomic_store_int(&tstate->state, detached_state);
    _PyEval_DropGIL(tstate);
}

void
_PyThreadState_Detach(PyThreadState *tstate)
{
    if (_Py_eval_breaker_bit_is_set(tstate, _PY_EVAL_PLEASE_STOP_BIT)) {
        /* A stop-the-world is waiting for us: report as stopped now
         * rather than leave it to the requester's next scan. */
        _Py_unset_eval_breaker_bit(tstate, _PY_EVAL_PLEASE_STOP_BIT);
        _PyThreadState_Suspend(tstate);
        return;
    }
    detach_thread(tstate, _Py_THREAD_DETACHED);
}

/* ---- stop-the-world ----------------------------------------------------- */

static void
decrement_stoptheworld_countdown(struct _stoptheworld_state *stw)
{
    if (stw->thread_countdown <= 0) {
        fatal("_PyEval_StopTheWorld", "thread countdown below zero");
    }
    stw->thread_countdown--;
    if (stw->thread_countdown == 0) {
        _PyEvent_Notify(&stw->stop_event);
    }
}

void
_PyThreadState_Suspend(PyThreadState *tstate)
{
    PyInterpreterState *interp = tstate->interp;
    struct _stoptheworld_state *stw = &interp->stoptheworld;

    threads_lock(interp);
    int requested = _Py_atomic_load_int(&stw->requested);
    threads_unlock(interp);
    if (!requested) {
        /* The request was withdrawn already: a plain detach will do. */
        detach_thread(tstate, _Py_THREAD_DETACHED);
        return;
    }
    /* The stop-the-world counted us (we were attached) and cannot finish
     * before we report, so it is still running below. */
    detach_thread(tstate, _Py_THREAD_SUSPENDED);
    threads_lock(interp);
    decrement_stoptheworld_countdown(stw);
    threads_unlock(interp);
}

/* Called with threads_mutex held: park the detached threads, ask the
 * attached ones to stop.  1 once every thread is stopped. */
static int
park_detached_threads(PyInterpreterState *interp)
{
    struct _stoptheworld_state *stw = &interp->stoptheworld;
    _Py_FOR_EACH_TSTATE(interp, t) {
        if (t == stw->requester) {
            continue;
        }
        int state = _Py_atomic_load_int(&t->state);
        if (state == _Py_THREAD_DETACHED &&
            _Py_atomic_compare_exchange_int(&t->state, &state,
                                            _Py_THREAD_SUSPENDED)) {
            decrement_stoptheworld_countdown(stw);
        }
        else if (state == _Py_THREAD_ATTACHED) {
            _Py_set_eval_breaker_bit(t, _PY_EVAL_PLEASE_STOP_BIT);
        }
    }
    return stw->thread_countdown == 0;
}

void
_PyEval_StopTheWorld(PyInterpreterState *interp)
{
    if (interp == NULL) {
        interp = &_PyInterpreterState_Main;
    }
    struct _stoptheworld_state *stw = &interp->stoptheworld;

    /* One stop-the-world at a time.  Waiting here detaches, so a second
     * requester counts as stopped for the first. */
    PyMutex_Lock(&stw->mutex);

    threads_lock(interp);
    _Py_atomic_store_int(&stw->requested, 1);
    _Py_atomic_store_int(&stw->world_stopped, 0);
    stw->thread_countdown = 0;
    stw->stop_event = (PyEvent){0};
    stw->requester = _Py_tss_tstate;
    _Py_FOR_EACH_TSTATE(interp, t) {
        if (t != stw->requester) {
            stw->thread_countdown++;
        }
    }
    for (;;) {
        int stopped_all = park_detached_threads(interp);
        threads_unlock(interp);
        if (stopped_all) {
            break;
        }
        /* Threads that detach without passing an eval-breaker check are
         * picked up by the next scan. */
        if (PyEvent_WaitTimed(&stw->stop_event, STW_POLL_NS, 0)) {
            break;
        }
        threads_lock(interp);
    }
    _Py_atomic_store_int(&stw->world_stopped, 1);
}

void
_PyEval_StartTheWorld(PyInterpreterState *interp)
{
    if (interp == NULL) {
        interp = &_PyInterpreterState_Main;
    }
    struct _stoptheworld_state *stw = &interp->stoptheworld;

    threads_lock(interp);
    _Py_atomic_store_int(&stw->requested, 0);
    _Py_atomic_store_int(&stw->world_stopped, 0);
    _Py_FOR_EACH_TSTATE(interp, t) {
        if (t == stw->requester) {
            continue;
        }
        _Py_unset_eval_breaker_bit(t, _PY_EVAL_PLEASE_STOP_BIT);
        if (_Py_atomic_load_int(&t->state) == _Py_THREAD_SUSPENDED) {
            _Py_atomic_store_int(&t->state, _Py_THREAD_DETACHED);
            _PyParkingLot_UnparkAll(&t->state);
        }
    }
    stw->requester = NULL;
    threads_unlock(interp);
    PyMutex_Unlock(&stw->mutex);
}

/* ---- public API --------------------------------------------------------- */

PyThreadState *
PyThreadState_GetUnchecked(void)
{
    return _Py_tss_tstate;
}

PyThreadState *
PyThreadState_Get(void)
{
    PyThreadState *tstate = _Py_tss_tstate;
    if (tstate == NULL) {
        fatal("PyThreadState_Get", "the function must be called with a thread "
              "state, after Python initialization and before Python "
              "finalization (the current Python thread state is NULL)");
    }
    return tstate;
}

PyInterpreterState *
PyInterpreterState_Get(void)
{
    return &_PyInterpreterState_Main;
}

PyThreadState *
PyEval_SaveThread(void)
{
    PyThreadState *tstate = _Py_tss_tstate;
    if (tstate == NULL) {
        fatal("PyEval_SaveThread", "the current thread has no thread state");
    }
    _PyThreadState_Detach(tstate);
    return tstate;
}

void
PyEval_RestoreThread(PyThreadState *tstate)
{
    if (tstate == NULL) {
        fatal("PyEval_RestoreThread", "NULL thread state");
    }
    _PyThreadState_Attach(tstate);
}

PyGILState_STATE
PyGILState_Ensure(void)
{
    PyThreadState *tstate = _Py_tss_tstate;
    if (tstate == NULL) {
        /* A thread Python did not create: give it a state for as long as
         * the matching Release. */
        tstate = _PyThreadState_New(&_PyInterpreterState_Main);
        if (tstate == NULL) {
            fatal("PyGILState_Ensure", "out of memory creating a thread state");
        }
        tstate->gilstate_created = 1;
        _PyThreadState_Bind(tstate);
    }
    tstate->gilstate_counter++;
    if (_Py_atomic_load_int_relaxed(&tstate->state) == _Py_THREAD_ATTACHED) {
        return PyGILState_LOCKED;
    }
    _PyThreadState_Attach(tstate);
    return PyGILState_UNLOCKED;
}

void
PyGILState_Release(PyGILState_STATE oldstate)
{
    PyThreadState *tstate = _Py_tss_tstate;
    if (tstate == NULL || tstate->gilstate_counter <= 0) {
        fatal("PyGILState_Release", "thread state mismatch: Release without Ensure");
    }
    tstate->gilstate_counter--;
    if (tstate->gilstate_counter == 0 && tstate->gilstate_created) {
        _PyThreadState_DeleteCurrent(tstate);
    }
    else if (oldstate == PyGILState_UNLOCKED) {
        _PyThreadState_Detach(tstate);
    }
}
