/* test_signal.c: signal delivery (Modules/signalmodule.c): SIGINT becomes
 * KeyboardInterrupt in the main thread at the next check, other threads do
 * not run handlers, and a lock wait in the main thread is interrupted. */
#include "weft_test.h"
#include "pythread.h"
#include <pthread.h>
#include <signal.h>
#include <unistd.h>

/* The interpreter, like CPython, leaves SIGINT alone when it starts
 * ignored (a job started in the background by a shell without job
 * control): give these tests the default disposition it expects. */
static void
signal_setup(void)
{
    signal(SIGINT, SIG_DFL);
    weft_setup();
}

TestSuite(signal, .init = signal_setup);

Test(signal, sigint_raises_keyboardinterrupt_at_check)
{
    cr_assert_eq(PyErr_CheckSignals(), 0);
    cr_assert_eq(raise(SIGINT), 0);
    cr_assert_eq(PyErr_CheckSignals(), -1);
    cr_assert_str_eq(weft_error_utf8(), "KeyboardInterrupt");
    /* Handled once. */
    cr_assert_eq(PyErr_CheckSignals(), 0);
}

Test(signal, set_interrupt_acts_like_sigint)
{
    PyErr_SetInterrupt();
    cr_assert_eq(_Py_HandlePending(PyThreadState_Get()), -1);
    cr_assert_str_eq(weft_error_utf8(), "KeyboardInterrupt");
    cr_assert_eq(PyErr_SetInterruptEx(100000), -1);
}

static pthread_t main_thread;

static void *
send_sigint_later(void *arg)
{
    usleep(100 * 1000);
    pthread_kill(main_thread, SIGINT);
    return NULL;
}

Test(signal, lock_wait_is_interrupted, .timeout = 30)
{
    PyMutex m = {0};
    PyMutex_Lock(&m);
    main_thread = pthread_self();
    pthread_t t;
    pthread_create(&t, NULL, send_sigint_later, NULL);
    /* Would wait 20 s; the signal's handler raises and ends the wait. */
    PyLockStatus r = _PyMutex_LockTimed(&m, 20LL * 1000 * 1000 * 1000,
                                        _PY_LOCK_DETACH | _PY_LOCK_HANDLE_SIGNALS);
    pthread_join(t, NULL);
    cr_assert_eq(r, PY_LOCK_INTR);
    cr_assert_str_eq(weft_error_utf8(), "KeyboardInterrupt");
}
