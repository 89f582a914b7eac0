/* test_mutex.c: PyMutex (no lost updates, timed locking, fairness),
 * PyEvent and _PyRecursiveMutex, used from threads with thread states. */
#include <criterion/criterion.h>
#include "thread_helpers.h"

static void
init_runtime(void)
{
    cr_assert_eq(_PyRuntime_Initialize(0), 0);
}

TestSuite(mutex, .init = init_runtime, .timeout = 60);

/* ---- no lost updates ------------------------------------------------- */

#define NTHREADS 8
#define NITER 50000

static PyMutex counter_mutex;
static long counter;

static void
incrementer(void *arg)
{
    PyThreadState *tstate = _PyThreadState_GET();
    for (int i = 0; i < NITER; i++) {
        PyMutex_Lock(&counter_mutex);
        /* Non-atomic read-modify-write: only the lock makes it safe. */
        long v = counter;
        if ((i & 63) == 0) {
            sched_yield();
        }
        counter = v + 1;
        PyMutex_Unlock(&counter_mutex);
        if ((i & 255) == 0) {
            _Py_HandlePending(tstate);
        }
    }
}

Test(mutex, no_lost_updates)
{
    pthread_t th[NTHREADS];
    for (int i = 0; i < NTHREADS; i++) {
        th[i] = th_start(incrementer, NULL);
    }
    for (int i = 0; i < NTHREADS; i++) {
        th_join(th[i]);
    }
    cr_assert_eq(counter, (long)NTHREADS * NITER);
    cr_assert_not(PyMutex_IsLocked(&counter_mutex));
    cr_assert_eq(counter_mutex._bits, 0);
}

/* ---- timed locking ---------------------------------------------------- */

static PyMutex timed_mutex;
static PyLockStatus timed_result;
static double timed_elapsed;
static PyTime_t timed_timeout;

static void
timed_locker(void *arg)
{
    PyTime_t t0 = _PyTime_MonotonicNs();
    timed_result = _PyMutex_LockTimed(&timed_mutex, timed_timeout, _PY_LOCK_DETACH);
    timed_elapsed = th_seconds_since(t0);
    if (timed_result == PY_LOCK_ACQUIRED) {
        PyMutex_Unlock(&timed_mutex);
    }
}

Test(mutex, timed_lock_times_out)
{
    PyMutex_Lock(&timed_mutex);
    timed_timeout = 50 * 1000 * 1000;   /* 50 ms */
    pthread_t th = th_start(timed_locker, NULL);
    th_join(th);
    cr_assert_eq(timed_result, PY_LOCK_FAILURE);
    /* The timeout is a lower bound on the wait. */
    cr_assert_geq(timed_elapsed, 0.045, "gave up after %f s", timed_elapsed);
    cr_assert(PyMutex_IsLocked(&timed_mutex));
    PyMutex_Unlock(&timed_mutex);
    cr_assert_eq(timed_mutex._bits, 0);
}

Test(mutex, timed_lock_succeeds_when_released_in_time)
{
    PyMutex_Lock(&timed_mutex);
    timed_timeout = 20LL * 1000 * 1000 * 1000;   /* 20 s: generous */
    pthread_t th = th_start(timed_locker, NULL);
    th_sleep_ms(30);
    PyMutex_Unlock(&timed_mutex);
    th_join(th);
    cr_assert_eq(timed_result, PY_LOCK_ACQUIRED);
    cr_assert_lt(timed_elapsed, 15.0);
    cr_assert_eq(timed_mutex._bits, 0);
}

Test(mutex, zero_timeout_does_not_wait)
{
    cr_assert_eq(_PyMutex_LockTimed(&timed_mutex, 0, 0), PY_LOCK_ACQUIRED);
    cr_assert_eq(_PyMutex_LockTimed(&timed_mutex, 0, 0), PY_LOCK_FAILURE);
    cr_assert_eq(_PyMutex_TryUnlock(&timed_mutex), 0);
    cr_assert_eq(_PyMutex_TryUnlock(&timed_mutex), -1);
}

/* ---- fairness --------------------------------------------------------- */

static PyMutex fair_mutex;
static int hog_stop;
static int waiter_done;
static double waiter_elapsed;

static void
hog(void *arg)
{
    PyThreadState *tstate = _PyThreadState_GET();
    PyTime_t t0 = _PyTime_MonotonicNs();
    /* Re-lock as fast as possible; bounded so a broken lock cannot hang.
     * The eval-breaker check is what the eval loop does between
     * instructions (it lets GIL waiters in, in the default build). */
    while (!_Py_atomic_load_int(&hog_stop) && th_seconds_since(t0) < 20.0) {
        PyMutex_Lock(&fair_mutex);
        for (volatile int i = 0; i < 200; i++) {
        }
        PyMutex_Unlock(&fair_mutex);
        _Py_HandlePending(tstate);
    }
}

static void
fair_waiter(void *arg)
{
    PyTime_t t0 = _PyTime_MonotonicNs();
    PyMutex_Lock(&fair_mutex);
    waiter_elapsed = th_seconds_since(t0);
    _Py_atomic_store_int(&waiter_done, 1);
    PyMutex_Unlock(&fair_mutex);
}

Test(mutex, waiter_is_not_starved)
{
    pthread_t h1 = th_start(hog, NULL);
    pthread_t h2 = th_start(hog, NULL);
    th_sleep_ms(20);
    for (int round = 0; round < 5; round++) {
        _Py_atomic_store_int(&waiter_done, 0);
        pthread_t w = th_start(fair_waiter, NULL);
        th_join(w);
        cr_assert_eq(waiter_done, 1);
        /* Hogs run for up to 20 s; the waiter must get in long before. */
        cr_assert_lt(waiter_elapsed, 10.0, "waiter starved for %f s", waiter_elapsed);
    }
    _Py_atomic_store_int(&hog_stop, 1);
    th_join(h1);
    th_join(h2);
}

/* ---- PyEvent ------------------------------------------------------------ */

static PyEvent evt;
static int evt_woken;

static void
evt_waiter(void *arg)
{
    PyEvent_Wait(&evt);
    _Py_atomic_add_int(&evt_woken, 1);
}

Test(mutex, event_wakes_all_waiters)
{
    cr_assert_not(_PyEvent_IsSet(&evt));
    cr_assert_eq(PyEvent_WaitTimed(&evt, 10 * 1000 * 1000, 1), 0);
    pthread_t th[4];
    for (int i = 0; i < 4; i++) {
        th[i] = th_start(evt_waiter, NULL);
    }
    th_sleep_ms(30);
    cr_assert_eq(_Py_atomic_load_int(&evt_woken), 0);
    _PyEvent_Notify(&evt);
    for (int i = 0; i < 4; i++) {
        th_join(th[i]);
    }
    cr_assert_eq(evt_woken, 4);
    cr_assert(_PyEvent_IsSet(&evt));
    /* Set events stay set. */
    cr_assert_eq(PyEvent_WaitTimed(&evt, 0, 0), 1);
    _PyEvent_Notify(&evt);
    cr_assert(_PyEvent_IsSet(&evt));
}

/* ---- recursive mutex ---------------------------------------------------- */

static _PyRecursiveMutex rmutex;
static PyLockStatus other_status;
static int other_unlock_rc;

static void
rmutex_other(void *arg)
{
    other_unlock_rc = _PyRecursiveMutex_TryUnlock(&rmutex);
    other_status = _PyRecursiveMutex_LockTimed(&rmutex, 0, 0);
    if (other_status == PY_LOCK_ACQUIRED) {
        cr_assert(_PyRecursiveMutex_IsLockedByCurrentThread(&rmutex));
        _PyRecursiveMutex_Unlock(&rmutex);
    }
}

Test(mutex, recursive_mutex)
{
    cr_assert_eq(_PyRecursiveMutex_TryUnlock(&rmutex), -1);
    _PyRecursiveMutex_Lock(&rmutex);
    _PyRecursiveMutex_Lock(&rmutex);
    cr_assert_eq(_PyRecursiveMutex_LockTimed(&rmutex, 0, 0), PY_LOCK_ACQUIRED);
    cr_assert(_PyRecursiveMutex_IsLockedByCurrentThread(&rmutex));

    /* Another thread can neither unlock nor take it. */
    th_join(th_start(rmutex_other, NULL));
    cr_assert_eq(other_unlock_rc, -1);
    cr_assert_eq(other_status, PY_LOCK_FAILURE);

    _PyRecursiveMutex_Unlock(&rmutex);
    _PyRecursiveMutex_Unlock(&rmutex);
    cr_assert(PyMutex_IsLocked(&rmutex.mutex));
    th_join(th_start(rmutex_other, NULL));
    cr_assert_eq(other_status, PY_LOCK_FAILURE);

    _PyRecursiveMutex_Unlock(&rmutex);
    cr_assert_not(PyMutex_IsLocked(&rmutex.mutex));
    cr_assert_not(_PyRecursiveMutex_IsLockedByCurrentThread(&rmutex));
    th_join(th_start(rmutex_other, NULL));
    cr_assert_eq(other_status, PY_LOCK_ACQUIRED);
}
