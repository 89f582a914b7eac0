/* test_stoptheworld.c: _PyEval_StopTheWorld / _PyEval_StartTheWorld.  While
 * the world is stopped no other thread runs attached code; detached threads
 * do not hold the stop up and cannot re-attach until the world restarts;
 * threads that detach without an eval-breaker check are picked up; two
 * requesters take turns. */
#include <criterion/criterion.h>
#include "thread_helpers.h"

static void
init_runtime(void)
{
    cr_assert_eq(_PyRuntime_Initialize(0), 0);
}

TestSuite(stoptheworld, .init = init_runtime, .timeout = 60);

static void
raw_sleep_ms(int ms)
{
    struct timespec ts = { ms / 1000, (long)(ms % 1000) * 1000000L };
    nanosleep(&ts, NULL);
}

/* ---- attached workers stop ------------------------------------------- */

#define NWORKERS 4

static int workers_stop;
static long attached_work;      /* incremented only while attached */
static int workers_started;

static void
worker(void *arg)
{
    PyThreadState *tstate = _PyThreadState_GET();
    _Py_atomic_add_int(&workers_started, 1);
    PyTime_t t0 = _PyTime_MonotonicNs();
    while (!_Py_atomic_load_int(&workers_stop) && th_seconds_since(t0) < 30.0) {
        cr_assert_eq(_Py_atomic_load_int(&tstate->state), _Py_THREAD_ATTACHED);
        _Py_atomic_add_ssize((Py_ssize_t *)&attached_work, 1);
        if (_Py_atomic_load_uintptr_relaxed(&tstate->eval_breaker)) {
            _Py_HandlePending(tstate);
        }
    }
}

Test(stoptheworld, no_attached_code_runs_while_stopped)
{
    PyInterpreterState *interp = PyInterpreterState_Get();
    pthread_t th[NWORKERS];
    for (int i = 0; i < NWORKERS; i++) {
        th[i] = th_start(worker, NULL);
    }
    while (_Py_atomic_load_int(&workers_started) < NWORKERS) {
        th_sleep_ms(1);
    }
    for (int round = 0; round < 5; round++) {
        th_sleep_ms(10);   /* let the workers run (and take the GIL) */
        _PyEval_StopTheWorld(interp);
        cr_assert(interp->stoptheworld.world_stopped);
        long before = _Py_atomic_load_ssize((Py_ssize_t *)&attached_work);
        int attached = 0;
        _Py_FOR_EACH_TSTATE(interp, t) {
            if (t != PyThreadState_Get() &&
                _Py_atomic_load_int(&t->state) == _Py_THREAD_ATTACHED) {
                attached++;
            }
        }
        /* Stay stopped a while, attached, without detaching. */
        raw_sleep_ms(30);
        long after = _Py_atomic_load_ssize((Py_ssize_t *)&attached_work);
        _PyEval_StartTheWorld(interp);
        cr_assert_eq(attached, 0);
        cr_assert_eq(before, after, "attached code ran during the stop");
        /* And the workers run again afterwards. */
        PyTime_t t0 = _PyTime_MonotonicNs();
        while (_Py_atomic_load_ssize((Py_ssize_t *)&attached_work) == after &&
               th_seconds_since(t0) < 10.0) {
            th_sleep_ms(1);
        }
        cr_assert_gt(_Py_atomic_load_ssize((Py_ssize_t *)&attached_work), after);
    }
    _Py_atomic_store_int(&workers_stop, 1);
    for (int i = 0; i < NWORKERS; i++) {
        th_join(th[i]);
    }
}

/* ---- detached threads ------------------------------------------------ */

static PyEvent go_attach;
static int is_detached;
static int reattached;

static void
detached_body(void *arg)
{
    PyThreadState *tstate = _PyThreadState_GET();
    _PyThreadState_Detach(tstate);
    _Py_atomic_store_int(&is_detached, 1);
    /* Wait without a thread state attached. */
    PyEvent_Wait(&go_attach);
    _PyThreadState_Attach(tstate);
    _Py_atomic_store_int(&reattached, 1);
}

Test(stoptheworld, detached_threads_do_not_block_and_cannot_reattach)
{
    PyInterpreterState *interp = PyInterpreterState_Get();
    pthread_t th = th_start(detached_body, NULL);
    while (!_Py_atomic_load_int(&is_detached)) {
        th_sleep_ms(1);
    }
    /* The detached thread never checks the eval breaker, yet the stop
     * completes. */
    PyTime_t t0 = _PyTime_MonotonicNs();
    _PyEval_StopTheWorld(interp);
    double took = th_seconds_since(t0);
    cr_assert_lt(took, 10.0);

    _PyEvent_Notify(&go_attach);
    raw_sleep_ms(50);
    cr_assert_eq(_Py_atomic_load_int(&reattached), 0,
                 "a detached thread re-attached during the stop");
    _PyEval_StartTheWorld(interp);

    th_join(th);
    cr_assert_eq(reattached, 1);
}

/* ---- a thread that detaches without checking the eval breaker -------- */

#ifdef Py_GIL_DISABLED
static int spin_release;
static int spinner_running;
static int stw_done;

static void
silent_spinner(void *arg)
{
    PyThreadState *tstate = _PyThreadState_GET();
    _Py_atomic_store_int(&spinner_running, 1);
    PyTime_t t0 = _PyTime_MonotonicNs();
    /* Attached, never looking at the eval breaker... */
    while (!_Py_atomic_load_int(&spin_release) && th_seconds_since(t0) < 30.0) {
    }
    /* ...then blocking (detached) for a while. */
    _PyThreadState_Detach(tstate);
    raw_sleep_ms(20);
    _PyThreadState_Attach(tstate);
}

static void
stopper(void *arg)
{
    PyInterpreterState *interp = PyInterpreterState_Get();
    _PyEval_StopTheWorld(interp);
    _Py_atomic_store_int(&stw_done, 1);
    _PyEval_StartTheWorld(interp);
}
#endif

Test(stoptheworld, thread_that_detaches_is_counted_stopped)
{
#ifndef Py_GIL_DISABLED
    /* With the GIL the spinner would keep it forever; this scenario is
     * about threads running in parallel. */
    cr_skip_test("needs the free-threaded build");
#else
    pthread_t sp = th_start(silent_spinner, NULL);
    while (!_Py_atomic_load_int(&spinner_running)) {
        th_sleep_ms(1);
    }
    /* Stay detached from here on: re-attaching would wait for the stop. */
    PyThreadState *save = PyEval_SaveThread();
    pthread_t st = th_start(stopper, NULL);
    raw_sleep_ms(50);
    int done_early = _Py_atomic_load_int(&stw_done);
    _Py_atomic_store_int(&spin_release, 1);
    pthread_join(st, NULL);
    pthread_join(sp, NULL);
    PyEval_RestoreThread(save);
    cr_assert_eq(done_early, 0, "the stop finished while a thread was attached");
    cr_assert_eq(stw_done, 1);
#endif
}

/* ---- two requesters --------------------------------------------------- */

static int inside_stw;
static int overlaps;
static int stw_rounds_done;

static void
requester(void *arg)
{
    PyInterpreterState *interp = PyInterpreterState_Get();
    for (int i = 0; i < 50; i++) {
        _PyEval_StopTheWorld(interp);
        if (_Py_atomic_add_int(&inside_stw, 1) != 0) {
            overlaps++;
        }
        raw_sleep_ms(1);
        _Py_atomic_add_int(&inside_stw, -1);
        _PyEval_StartTheWorld(interp);
        _Py_HandlePending(_PyThreadState_GET());
    }
    _Py_atomic_add_int(&stw_rounds_done, 1);
}

Test(stoptheworld, concurrent_requesters_take_turns)
{
    pthread_t a = th_start(requester, NULL);
    pthread_t b = th_start(requester, NULL);
    pthread_t c = th_start(worker, NULL);
    th_join(a);
    th_join(b);
    _Py_atomic_store_int(&workers_stop, 1);
    th_join(c);
    cr_assert_eq(stw_rounds_done, 2);
    cr_assert_eq(overlaps, 0);
}

/* ---- a thread state created during a stop starts suspended ----------- */

static int newcomer_attached;

static void *
newcomer(void *arg)
{
    PyThreadState *tstate = _PyThreadState_New(&_PyInterpreterState_Main);
    _PyThreadState_Bind(tstate);
    _PyThreadState_Attach(tstate);
    _Py_atomic_store_int(&newcomer_attached, 1);
    _PyThreadState_DeleteCurrent(tstate);
    return NULL;
}

Test(stoptheworld, new_thread_waits_for_the_restart)
{
    PyInterpreterState *interp = PyInterpreterState_Get();
    _PyEval_StopTheWorld(interp);
    pthread_t th;
    cr_assert_eq(pthread_create(&th, NULL, newcomer, NULL), 0);
    raw_sleep_ms(50);
    cr_assert_eq(_Py_atomic_load_int(&newcomer_attached), 0);
    _PyEval_StartTheWorld(interp);
    th_join(th);
    cr_assert_eq(newcomer_attached, 1);
}
