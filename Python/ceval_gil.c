/* ceval_gil.c: the global interpreter lock and the eval-breaker handler.
 *
 * The GIL is a flag (`locked`) guarded by a pthread mutex, with a condition
 * variable for waiters.  A waiter sleeps one switch interval at a time; if
 * no hand-over happened during a whole interval it sets the drop request on
 * the holder's eval breaker.  The holder notices at its next
 * _Py_HandlePending, detaches (dropping the GIL) and, because it was asked
 * to, waits on `switch_cond` until some other thread has taken the GIL
 * before trying to re-take it: a forced switch, so the releaser cannot win
 * the GIL straight back (the "convoy").
 *
 * Hand-over latency: the waiter that timed out is running at that moment,
 * and the holder normally answers the request within microseconds (at its
 * next backward jump or call).  If the waiter went back to sleep on the
 * condition variable, each switch would cost a full wake-up, which on a
 * loaded machine means waiting for a CPU for milliseconds while the dropper
 * sleeps too: with a 5 ms interval that alone made two CPU-bound threads
 * take ~1.5x the time of running their work one after the other.  So the
 * waiter first spins briefly (without the mutex) watching `locked`, and
 * takes the GIL as soon as it is released.
 *
 * In the free-threaded build the GIL is off unless enabled at start-up, and
 * taking or dropping it then does nothing. */
#include "Python.h"
#include "pycore_pystate.h"
#include "pycore_critical_section.h"
#include "pycore_gc.h"

#include <errno.h>
#include <time.h>

#define DEFAULT_INTERVAL_US 5000

static struct _gil_runtime_state *
gil_of(PyInterpreterState *interp)
{
    return &interp->gil;
}

void
_PyEval_InitGIL(PyInterpreterState *interp, int enabled)
{
    struct _gil_runtime_state *gil = gil_of(interp);
    gil->enabled = enabled;
    if (gil->interval == 0) {
        gil->interval = DEFAULT_INTERVAL_US;
    }
    gil->locked = 0;
    gil->holder = NULL;
    gil->switch_number = 0;

    /* Timed waits use the monotonic clock: wall-clock jumps must not
     * trigger or delay drop requests. */
    pthread_condattr_t ca;
    pthread_condattr_init(&ca);
    pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
    pthread_mutex_init(&gil->mutex, NULL);
    pthread_cond_init(&gil->cond, &ca);
    pthread_mutex_init(&gil->switch_mutex, NULL);
    pthread_cond_init(&gil->switch_cond, &ca);
    pthread_condattr_destroy(&ca);
}

void
_PyEval_FiniGIL(PyInterpreterState *interp)
{
    struct _gil_runtime_state *gil = gil_of(interp);
    pthread_cond_destroy(&gil->cond);
    pthread_mutex_destroy(&gil->mutex);
    pthread_cond_destroy(&gil->switch_cond);
    pthread_mutex_destroy(&gil->switch_mutex);
    gil->locked = 0;
    gil->holder = NULL;
}

void
_PyEval_ReInitGILAfterFork(PyThreadState *tstate)
{
    PyInterpreterState *interp = tstate ? tstate->interp : &_PyInterpreterState_Main;
    struct _gil_runtime_state *gil = gil_of(interp);
    /* The old mutexes may be held by threads that do not exist here:
     * initialise new ones in place rather than destroying them. */
    pthread_condattr_t ca;
    pthread_condattr_init(&ca);
    pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
    pthread_mutex_init(&gil->mutex, NULL);
    pthread_cond_init(&gil->cond, &ca);
    pthread_mutex_init(&gil->switch_mutex, NULL);
    pthread_cond_init(&gil->switch_cond, &ca);
    pthread_condattr_destroy(&ca);
    int held = tstate != NULL && tstate->holds_gil;
    gil->locked = held;
    gil->holder = held ? tstate : NULL;
    gil->switch_number = 0;
    if (tstate != NULL) {
        _Py_unset_eval_breaker_bit(tstate, _PY_GIL_DROP_REQUEST_BIT);
    }
}

int
_PyEval_IsGILEnabled(PyInterpreterState *interp)
{
    if (interp == NULL) {
        interp = &_PyInterpreterState_Main;
    }
    return _Py_atomic_load_int_relaxed(&gil_of(interp)->enabled);
}

void
_PyEval_SetSwitchInterval(unsigned long microseconds)
{
    /* 0 would turn every wait into a drop request storm. */
    if (microseconds == 0) {
        microseconds = 1;
    }
    _Py_atomic_store_uintptr_relaxed((uintptr_t *)&_PyInterpreterState_Main.gil.interval,
                                     (uintptr_t)microseconds);
}

unsigned long
_PyEval_GetSwitchInterval(void)
{
    unsigned long us = (unsigned long)_Py_atomic_load_uintptr_relaxed(
        (uintptr_t *)&_PyInterpreterState_Main.gil.interval);
    return us ? us : DEFAULT_INTERVAL_US;
}

static void
deadline_after_us(struct timespec *ts, unsigned long us)
{
    clock_gettime(CLOCK_MONOTONIC, ts);
    ts->tv_sec += (time_t)(us / 1000000);
    ts->tv_nsec += (long)(us % 1000000) * 1000;
    if (ts->tv_nsec >= 1000000000) {
        ts->tv_sec++;
        ts->tv_nsec -= 1000000000;
    }
}

/* How long a waiter that just asked for the GIL spins before sleeping. */
#define HANDOVER_SPIN_US 200

static inline void
cpu_relax(void)
{
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#elif defined(__aarch64__)
    __asm__ __volatile__("yield");
#endif
}

/* Spin until the GIL is released or `us` microseconds have passed.  Called
 * without gil->mutex, so that the holder can drop. */
static void
spin_for_release(struct _gil_runtime_state *gil, unsigned long us)
{
    struct timespec now, until;
    deadline_after_us(&until, us);
    for (;;) {
        for (int i = 0; i < 64; i++) {
            if (!_Py_atomic_load_int_relaxed(&gil->locked)) {
                return;
            }
            cpu_relax();
        }
        clock_gettime(CLOCK_MONOTONIC, &now);
        if (now.tv_sec > until.tv_sec ||
            (now.tv_sec == until.tv_sec && now.tv_nsec >= until.tv_nsec)) {
            return;
        }
    }
}

void
_PyEval_TakeGIL(PyThreadState *tstate)
{
    struct _gil_runtime_state *gil = gil_of(tstate->interp);
    if (!_Py_atomic_load_int_relaxed(&gil->enabled)) {
        return;
    }
    pthread_mutex_lock(&gil->mutex);
    while (_Py_atomic_load_int_relaxed(&gil->locked)) {
        unsigned long saved_switchnum = gil->switch_number;
        struct timespec deadline;
        deadline_after_us(&deadline, _PyEval_GetSwitchInterval());
        int err = pthread_cond_timedwait(&gil->cond, &gil->mutex, &deadline);
        /* A whole interval passed without any hand-over: ask the holder. */
        if (err == ETIMEDOUT && _Py_atomic_load_int_relaxed(&gil->locked) &&
            gil->switch_number == saved_switchnum) {
            PyThreadState *holder = _Py_atomic_load_ptr_relaxed(&gil->holder);
            if (holder != NULL) {
                _Py_set_eval_breaker_bit(holder, _PY_GIL_DROP_REQUEST_BIT);
                unsigned long interval = _PyEval_GetSwitchInterval();
                pthread_mutex_unlock(&gil->mutex);
                spin_for_release(gil, interval < HANDOVER_SPIN_US ? interval
                                                                  : HANDOVER_SPIN_US);
                pthread_mutex_lock(&gil->mutex);
            }
        }
    }

    _Py_atomic_store_int(&gil->locked, 1);
    gil->switch_number++;
    /* Tell a forced-switch dropper that someone else has the GIL now. */
    pthread_mutex_lock(&gil->switch_mutex);
    _Py_atomic_store_ptr(&gil->holder, tstate);
    pthread_cond_signal(&gil->switch_cond);
    pthread_mutex_unlock(&gil->switch_mutex);

    tstate->holds_gil = 1;
    /* A request aimed at us during an earlier tenure is stale now. */
    _Py_unset_eval_breaker_bit(tstate, _PY_GIL_DROP_REQUEST_BIT);
    pthread_mutex_unlock(&gil->mutex);
}

void
_PyEval_DropGIL(PyThreadState *tstate)
{
    struct _gil_runtime_state *gil = gil_of(tstate->interp);
    if (!_Py_atomic_load_int_relaxed(&gil->enabled) || !tstate->holds_gil) {
        return;
    }
    pthread_mutex_lock(&gil->mutex);
    tstate->holds_gil = 0;
    /* `holder` keeps naming us until someone else takes it: the forced
     * switch below watches for that. */
    _Py_atomic_store_int(&gil->locked, 0);
    pthread_cond_signal(&gil->cond);
    pthread_mutex_unlock(&gil->mutex);

    if (_Py_eval_breaker_bit_is_set(tstate, _PY_GIL_DROP_REQUEST_BIT)) {
        /* Forced switch: someone waited a whole interval; do not compete
         * with it for the GIL we just released. */
        pthread_mutex_lock(&gil->switch_mutex);
        _Py_unset_eval_breaker_bit(tstate, _PY_GIL_DROP_REQUEST_BIT);
        while (_Py_atomic_load_ptr_relaxed(&gil->holder) == tstate &&
               !_Py_atomic_load_int_relaxed(&gil->locked)) {
            pthread_cond_wait(&gil->switch_cond, &gil->switch_mutex);
        }
        pthread_mutex_unlock(&gil->switch_mutex);
    }
}

int
_Py_HandlePending(PyThreadState *tstate)
{
    uintptr_t breaker = _Py_atomic_load_uintptr_relaxed(&tstate->eval_breaker);

    /* Stop-the-world first: another thread is waiting for everybody. */
    if (breaker & _PY_EVAL_PLEASE_STOP_BIT) {
        _Py_unset_eval_breaker_bit(tstate, _PY_EVAL_PLEASE_STOP_BIT);
        _PyThreadState_Suspend(tstate);
        _PyThreadState_Attach(tstate);
    }

    /* Biased reference counting: objects other threads queued to us. */
    if (breaker & _PY_EVAL_EXPLICIT_MERGE_BIT) {
        _Py_unset_eval_breaker_bit(tstate, _PY_EVAL_EXPLICIT_MERGE_BIT);
#ifdef Py_GIL_DISABLED
        _Py_brc_merge_refcounts(tstate);
#endif
    }

#ifdef Py_GIL_DISABLED
    if (breaker & _PY_EVAL_FOREIGN_SETTLE_BIT) {
        _Py_unset_eval_breaker_bit(tstate, _PY_EVAL_FOREIGN_SETTLE_BIT);
        _PyGC_SettleForeign(tstate);
    }
#endif

    /* QSBR: this is a quiescent point (no lock-free read in progress); say
     * so, then release the delayed frees that are due. */
    if (tstate->qsbr != NULL) {
        _Py_qsbr_quiescent_state(tstate->qsbr);
    }
    if (breaker & _PY_EVAL_QSBR_BIT) {
        _Py_unset_eval_breaker_bit(tstate, _PY_EVAL_QSBR_BIT);
        _PyMem_ProcessDelayed(tstate);
    }

#ifdef Py_GIL_DISABLED
    /* A second thread is being created: lock the sections we elided. */
    if (breaker & _PY_EVAL_CS_UPGRADE_BIT) {
        _Py_unset_eval_breaker_bit(tstate, _PY_EVAL_CS_UPGRADE_BIT);
        _PyCriticalSection_UpgradeElided(tstate);
    }
    /* Every other thread waits quietly: we may elide again. */
    if (breaker & _PY_EVAL_CS_ELIDE_BIT) {
        _Py_unset_eval_breaker_bit(tstate, _PY_EVAL_CS_ELIDE_BIT);
        _PyCriticalSection_ResumeEliding(tstate);
    }
#endif

    /* Signals: the main thread runs the Python handlers (Modules/signalmodule.c);
     * a handler that raises (KeyboardInterrupt) makes this return -1. */
    if (breaker & _PY_SIGNALS_PENDING_BIT) {
        if (PyErr_CheckSignals() < 0) {
            return -1;
        }
    }

    /* Tracing switched on: the loop reloads its dispatch table when this
     * returns (Python/tracing.c). */
    if (breaker & _PY_EVAL_TRACE_BIT) {
        _Py_unset_eval_breaker_bit(tstate, _PY_EVAL_TRACE_BIT);
    }

    /* The cycle collector, scheduled by allocation counts (Python/gc.c). */
    if (breaker & _PY_GC_SCHEDULED_BIT) {
        _Py_unset_eval_breaker_bit(tstate, _PY_GC_SCHEDULED_BIT);
        _Py_RunGC(tstate);
    }

    /* Pending calls and async exceptions are handled by the interpreter
     * layers; their call sites go here:
     *   _PY_CALLS_TO_DO_BIT, _PY_ASYNC_EXCEPTION_BIT. */

    /* GIL drop request: give the waiter its turn.  Detach drops the GIL
     * and, because of the request, waits until the waiter has taken it. */
    if (_Py_eval_breaker_bit_is_set(tstate, _PY_GIL_DROP_REQUEST_BIT)) {
        if (tstate->holds_gil) {
            _PyThreadState_Detach(tstate);
            _PyThreadState_Attach(tstate);
        }
        else {
            _Py_unset_eval_breaker_bit(tstate, _PY_GIL_DROP_REQUEST_BIT);
        }
    }
    return 0;
}
