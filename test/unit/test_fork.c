/* test_fork.c: PyOS_BeforeFork / AfterFork_Parent / AfterFork_Child.  The
 * child keeps only the forking thread: the other states are freed, runtime
 * locks (including one a vanished thread held) are usable again, and
 * threads, the GIL and stop-the-world work there. */
#include <criterion/criterion.h>
#include "thread_helpers.h"
#include <sys/wait.h>
#include <unistd.h>

static void
init_runtime(void)
{
    cr_assert_eq(_PyRuntime_Initialize(0), 0);
}

TestSuite(fork, .init = init_runtime, .timeout = 60);

/* Under ThreadSanitizer the test body is skipped and its helpers unused. */
#ifdef _Py_THREAD_SANITIZER
#  define FORK_HELPER static __attribute__((unused))
#else
#  define FORK_HELPER static
#endif

static int stop_workers;
static int workers_ready;
static PyMutex held_mutex;       /* held by a worker across the fork */
static PyMutex child_mutex;
static long child_counter;

FORK_HELPER void
spinning_worker(void *arg)
{
    PyThreadState *tstate = _PyThreadState_GET();
    _Py_atomic_add_int(&workers_ready, 1);
    PyTime_t t0 = _PyTime_MonotonicNs();
    while (!_Py_atomic_load_int(&stop_workers) && th_seconds_since(t0) < 30.0) {
        if (_Py_atomic_load_uintptr_relaxed(&tstate->eval_breaker)) {
            _Py_HandlePending(tstate);
        }
    }
}

FORK_HELPER void
blocked_worker(void *arg)
{
    PyMutex_Lock(&held_mutex);
    _Py_atomic_add_int(&workers_ready, 1);
    while (!_Py_atomic_load_int(&stop_workers)) {
        th_sleep_ms(2);   /* detached, still holding the mutex */
    }
    PyMutex_Unlock(&held_mutex);
}

static void
child_thread(void *arg)
{
    for (int i = 0; i < 1000; i++) {
        PyMutex_Lock(&child_mutex);
        child_counter++;
        PyMutex_Unlock(&child_mutex);
    }
}

/* Runs in the child; returns the exit status (0 = all good). */
FORK_HELPER int
child_checks(PyThreadState *parent_tstate)
{
    PyInterpreterState *interp = PyInterpreterState_Get();
    PyThreadState *tstate = PyThreadState_Get();
    if (tstate != parent_tstate) return 10;
    if (interp->threads_count != 1) return 11;
    if (interp->threads_head != tstate || tstate->next != NULL) return 12;
    if (interp->main_thread != tstate) return 13;
    if (tstate->native_thread_id != (unsigned long)getpid()) return 14;
    if (tstate->state != _Py_THREAD_ATTACHED) return 15;
    /* The vanished owner's mutex stays locked (its data may be half
     * updated), but runtime locks are fresh. */
    if (!PyMutex_IsLocked(&held_mutex)) return 16;
    if (PyMutex_IsLocked(&interp->threads_mutex)) return 17;
    /* New threads run and lock. */
    pthread_t a = th_start(child_thread, NULL);
    pthread_t b = th_start(child_thread, NULL);
    th_join(a);
    th_join(b);
    if (child_counter != 2000) return 18;
    if (interp->threads_count != 1) return 19;
    /* The GIL and stop-the-world work. */
    PyThreadState *save = PyEval_SaveThread();
    PyEval_RestoreThread(save);
    _PyEval_StopTheWorld(interp);
    _PyEval_StartTheWorld(interp);
    return 0;
}

Test(fork, child_keeps_only_the_forking_thread)
{
#ifdef _Py_THREAD_SANITIZER
    cr_skip_test("ThreadSanitizer does not support threads after fork");
#else
    pthread_t s1 = th_start(spinning_worker, NULL);
    pthread_t s2 = th_start(spinning_worker, NULL);
    pthread_t bl = th_start(blocked_worker, NULL);
    while (_Py_atomic_load_int(&workers_ready) < 3) {
        th_sleep_ms(1);
    }
    cr_assert_eq(PyInterpreterState_Get()->threads_count, 4);

    PyThreadState *me = PyThreadState_Get();
    PyOS_BeforeFork();
    pid_t pid = fork();
    if (pid == 0) {
        PyOS_AfterFork_Child();
        _exit(child_checks(me));
    }
    PyOS_AfterFork_Parent();
    cr_assert_neq(pid, -1);

    int status = 0;
    PyThreadState *save = PyEval_SaveThread();
    waitpid(pid, &status, 0);
    PyEval_RestoreThread(save);
    cr_assert(WIFEXITED(status), "child died: status %d", status);
    cr_assert_eq(WEXITSTATUS(status), 0, "child check %d failed", WEXITSTATUS(status));

    /* The parent carries on with its threads. */
    cr_assert_eq(PyInterpreterState_Get()->threads_count, 4);
    _Py_atomic_store_int(&stop_workers, 1);
    th_join(s1);
    th_join(s2);
    th_join(bl);
    cr_assert_eq(PyInterpreterState_Get()->threads_count, 1);
#endif
}
