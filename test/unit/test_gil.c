/* test_gil.c: the GIL (enabled in both builds here): mutual exclusion,
 * drop requests that reach a spinning holder, forced switching so hand-offs
 * alternate, the switch interval setting. */
#include <criterion/criterion.h>
#include "thread_helpers.h"

static void
init_runtime_with_gil(void)
{
    cr_assert_eq(_PyRuntime_Initialize(1), 0);
}

TestSuite(gil, .init = init_runtime_with_gil, .timeout = 60);

#define MAX_TENURES 64

static int stop_spinning;
static PyThreadState *runner;          /* written only by the GIL holder */
static int violations;
static int retakes;                    /* convoy: dropped and re-took */
static int tenures[MAX_TENURES];       /* which thread held each tenure */
static int ntenures;
static PyTime_t spin_start;

/* Spin attached like the eval loop: check the eval breaker every
 * iteration, and notice when another thread ran in between. */
static void
spinner(void *arg)
{
    int me = (int)(intptr_t)arg;
    PyThreadState *tstate = _PyThreadState_GET();
    cr_assert(tstate->holds_gil);
    runner = tstate;
    if (ntenures < MAX_TENURES) {
        tenures[ntenures++] = me;
    }
    while (!_Py_atomic_load_int(&stop_spinning)) {
        if (runner != tstate) {
            violations++;   /* somebody ran while we held the GIL */
        }
        uintptr_t breaker = _Py_atomic_load_uintptr_relaxed(&tstate->eval_breaker);
        if (breaker) {
            _Py_HandlePending(tstate);
            cr_assert(tstate->holds_gil);
            if ((breaker & _PY_GIL_DROP_REQUEST_BIT) && runner == tstate) {
                /* Asked to drop, yet nobody else ran: we won it back. */
                retakes++;
            }
            if (runner != tstate) {
                /* A new tenure: someone else had the GIL meanwhile. */
                runner = tstate;
                if (ntenures < MAX_TENURES) {
                    tenures[ntenures++] = me;
                }
                if (ntenures >= MAX_TENURES ||
                    th_seconds_since(spin_start) > 20.0) {
                    _Py_atomic_store_int(&stop_spinning, 1);
                }
            }
        }
    }
}

Test(gil, enabled_and_held_by_the_attached_thread)
{
    cr_assert(_PyEval_IsGILEnabled(NULL));
    PyThreadState *tstate = PyThreadState_Get();
    cr_assert(tstate->holds_gil);
    cr_assert_eq(_PyInterpreterState_Main.gil.locked, 1);
    PyThreadState *save = PyEval_SaveThread();
    cr_assert_not(save->holds_gil);
    cr_assert_eq(_PyInterpreterState_Main.gil.locked, 0);
    PyEval_RestoreThread(save);
    cr_assert(save->holds_gil);
}

Test(gil, switch_interval)
{
    cr_assert_eq(_PyEval_GetSwitchInterval(), 5000);
    _PyEval_SetSwitchInterval(1000);
    cr_assert_eq(_PyEval_GetSwitchInterval(), 1000);
    _PyEval_SetSwitchInterval(5000);
}

Test(gil, spinning_holder_hands_over_and_turns_alternate)
{
    spin_start = _PyTime_MonotonicNs();
    pthread_t a = th_start(spinner, (void *)(intptr_t)1);
    pthread_t b = th_start(spinner, (void *)(intptr_t)2);
    th_join(a);
    th_join(b);
    cr_assert_eq(violations, 0);
    cr_assert_eq(retakes, 0, "the dropping thread re-took the GIL %d times", retakes);
    /* Both threads got many turns, within the generous 20 s bound. */
    cr_assert_geq(ntenures, MAX_TENURES, "only %d tenures", ntenures);
    /* Forced switching: the dropper never wins the GIL straight back. */
    for (int i = 1; i < ntenures; i++) {
        cr_assert_neq(tenures[i], tenures[i - 1],
                      "thread %d held the GIL twice in a row (tenure %d)",
                      tenures[i], i);
    }
}

/* ---- a waiter gets the GIL from a holder that never blocks ----------- */

static int holder_running;
static int waiter_attached;
static double waiter_wait;

static void
holder_body(void *arg)
{
    PyThreadState *tstate = _PyThreadState_GET();
    _Py_atomic_store_int(&holder_running, 1);
    PyTime_t t0 = _PyTime_MonotonicNs();
    /* Spin until the waiter got in, or 30 s (then the test fails). */
    while (!_Py_atomic_load_int(&waiter_attached) && th_seconds_since(t0) < 30.0) {
        if (_Py_atomic_load_uintptr_relaxed(&tstate->eval_breaker)) {
            _Py_HandlePending(tstate);
        }
    }
}

static void *
waiter_thread(void *arg)
{
    PyThreadState *tstate = _PyThreadState_New(&_PyInterpreterState_Main);
    _PyThreadState_Bind(tstate);
    PyTime_t t0 = _PyTime_MonotonicNs();
    _PyThreadState_Attach(tstate);
    waiter_wait = th_seconds_since(t0);
    _Py_atomic_store_int(&waiter_attached, 1);
    _PyThreadState_DeleteCurrent(tstate);
    return NULL;
}

Test(gil, waiter_gets_the_gil_in_bounded_time)
{
    pthread_t h = th_start(holder_body, NULL);
    /* Wait (detached) until the holder runs with the GIL. */
    while (!_Py_atomic_load_int(&holder_running)) {
        th_sleep_ms(1);
    }
    pthread_t w;
    cr_assert_eq(pthread_create(&w, NULL, waiter_thread, NULL), 0);
    th_join(w);
    th_join(h);
    cr_assert_eq(waiter_attached, 1);
    cr_assert_lt(waiter_wait, 10.0, "waiter waited %f s", waiter_wait);
}
