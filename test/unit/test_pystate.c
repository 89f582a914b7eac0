/* test_pystate.c: thread states (creation, binding, attach/detach, the
 * public accessors, PyGILState) and the OS thread helpers of thread.c. */
#include <criterion/criterion.h>
#include "thread_helpers.h"

static void
init_runtime(void)
{
    cr_assert_eq(_PyRuntime_Initialize(0), 0);
}

TestSuite(pystate, .init = init_runtime, .timeout = 60);

Test(pystate, main_thread_is_attached)
{
    PyThreadState *tstate = PyThreadState_Get();
    cr_assert_not_null(tstate);
    cr_assert_eq(tstate, PyThreadState_GetUnchecked());
    cr_assert_eq(tstate->state, _Py_THREAD_ATTACHED);
    cr_assert_eq(tstate->interp, PyInterpreterState_Get());
    cr_assert_eq(_PyInterpreterState_Main.main_thread, tstate);
    cr_assert_eq(tstate->thread_id, PyThread_get_thread_ident());
    cr_assert_eq(tstate->native_thread_id, PyThread_get_thread_native_id());
    cr_assert_eq(_PyInterpreterState_Main.threads_count, 1);
#ifdef Py_GIL_DISABLED
    cr_assert_eq(tstate->tid, _Py_ThreadId());
    cr_assert_not(_PyEval_IsGILEnabled(NULL));
#else
    cr_assert(_PyEval_IsGILEnabled(NULL));
    cr_assert(tstate->holds_gil);
#endif
    /* Initialising twice is harmless. */
    cr_assert_eq(_PyRuntime_Initialize(0), 0);
    cr_assert_eq(_PyInterpreterState_Main.threads_count, 1);
}

Test(pystate, save_and_restore)
{
    PyThreadState *tstate = PyEval_SaveThread();
    cr_assert_eq(tstate->state, _Py_THREAD_DETACHED);
    cr_assert_eq(tstate->holds_gil, 0);
    PyEval_RestoreThread(tstate);
    cr_assert_eq(tstate->state, _Py_THREAD_ATTACHED);

    Py_BEGIN_ALLOW_THREADS
    cr_assert_eq(_save->state, _Py_THREAD_DETACHED);
    Py_END_ALLOW_THREADS
    cr_assert_eq(PyThreadState_Get()->state, _Py_THREAD_ATTACHED);
}

static unsigned long child_ident;
static unsigned long child_native;
static PyThreadState *child_tstate;
static int child_count_seen;

static void
child_body(void *arg)
{
    child_ident = PyThread_get_thread_ident();
    child_native = PyThread_get_thread_native_id();
    child_tstate = PyThreadState_Get();
    child_count_seen = (int)_PyInterpreterState_Main.threads_count;
}

Test(pystate, threads_get_their_own_state)
{
    th_join(th_start(child_body, NULL));
    cr_assert_neq(child_ident, PyThread_get_thread_ident());
    cr_assert_neq(child_native, PyThread_get_thread_native_id());
    cr_assert_neq(child_tstate, PyThreadState_Get());
    cr_assert_eq(child_count_seen, 2);
    /* The child deleted its state on exit. */
    cr_assert_eq(_PyInterpreterState_Main.threads_count, 1);
}

/* ---- many threads attaching and detaching at once -------------------- */

static long shared_counter;

static void
churn_body(void *arg)
{
    PyThreadState *tstate = _PyThreadState_GET();
    for (int i = 0; i < 2000; i++) {
        _PyThreadState_Detach(tstate);
        _PyThreadState_Attach(tstate);
        _Py_atomic_add_ssize((Py_ssize_t *)&shared_counter, 1);
    }
}

Test(pystate, attach_detach_churn)
{
    pthread_t th[6];
    for (int i = 0; i < 6; i++) {
        th[i] = th_start(churn_body, NULL);
    }
    for (int i = 0; i < 6; i++) {
        th_join(th[i]);
    }
    cr_assert_eq(shared_counter, 6 * 2000);
    cr_assert_eq(_PyInterpreterState_Main.threads_count, 1);
}

/* ---- PyGILState from a thread Python did not create ------------------ */

static int gil_ok;

static void *
foreign_thread(void *arg)
{
    cr_assert_null(PyThreadState_GetUnchecked());
    PyGILState_STATE s = PyGILState_Ensure();
    cr_assert_eq(s, PyGILState_UNLOCKED);
    PyThreadState *tstate = PyThreadState_Get();
    cr_assert_eq(tstate->state, _Py_THREAD_ATTACHED);
    /* Nested Ensure sees the state already attached. */
    PyGILState_STATE s2 = PyGILState_Ensure();
    cr_assert_eq(s2, PyGILState_LOCKED);
    PyGILState_Release(s2);
    cr_assert_eq(tstate->state, _Py_THREAD_ATTACHED);
    PyGILState_Release(s);
    cr_assert_null(PyThreadState_GetUnchecked());
    gil_ok = 1;
    return NULL;
}

Test(pystate, gilstate_ensure_release)
{
    pthread_t th;
    cr_assert_eq(pthread_create(&th, NULL, foreign_thread, NULL), 0);
    th_join(th);
    cr_assert_eq(gil_ok, 1);
    cr_assert_eq(_PyInterpreterState_Main.threads_count, 1);
    /* Ensure on the main thread, already attached. */
    PyGILState_STATE s = PyGILState_Ensure();
    cr_assert_eq(s, PyGILState_LOCKED);
    PyGILState_Release(s);
    cr_assert_eq(PyThreadState_Get()->state, _Py_THREAD_ATTACHED);
}

/* ---- thread.c --------------------------------------------------------- */

static PyEvent started_evt;
static size_t seen_stack;

static void
raw_thread(void *arg)
{
    pthread_attr_t attr;
    pthread_getattr_np(pthread_self(), &attr);
    pthread_attr_getstacksize(&attr, &seen_stack);
    pthread_attr_destroy(&attr);
    *(unsigned long *)arg = PyThread_get_thread_ident();
    _PyEvent_Notify(&started_evt);
}

Test(pystate, start_new_thread_with_stack_size)
{
    cr_assert_eq(PyThread_get_stacksize(), 0);
    cr_assert_eq(PyThread_set_stacksize(100), -1);   /* too small */
    cr_assert_eq(PyThread_get_stacksize(), 0);
    cr_assert_eq(PyThread_set_stacksize(4 * 1024 * 1024), 0);
    cr_assert_eq(PyThread_get_stacksize(), 4 * 1024 * 1024);

    unsigned long ident = 0;
    unsigned long started = PyThread_start_new_thread(raw_thread, &ident);
    cr_assert_neq(started, (unsigned long)-1);
    PyEvent_Wait(&started_evt);
    cr_assert_eq(ident, started);
    cr_assert_geq(seen_stack, (size_t)4 * 1024 * 1024);
    cr_assert_eq(PyThread_set_stacksize(0), 0);
    cr_assert_eq(PyThread_get_stacksize(), 0);
    cr_assert_eq(PyThread_start_new_thread(NULL, NULL), (unsigned long)-1);
}

Test(pystate, monotonic_clock_advances)
{
    PyTime_t a = _PyTime_MonotonicNs();
    th_sleep_ms(5);
    PyTime_t b = _PyTime_MonotonicNs();
    cr_assert_geq(b - a, 4 * 1000 * 1000);
    cr_assert_gt(a, 0);
}

/* ---- PyThread_type_lock and thread-specific storage ------------------ */

static PyThread_type_lock plain_lock;
static int released_by_other;

static void *
release_other(void *arg)
{
    /* threading.Lock may be released by any thread. */
    PyThread_release_lock(plain_lock);
    released_by_other = 1;
    return NULL;
}

Test(pystate, pythread_lock_api)
{
    plain_lock = PyThread_allocate_lock();
    cr_assert_not_null(plain_lock);
    cr_assert_eq(PyThread_acquire_lock(plain_lock, WAIT_LOCK), 1);
    cr_assert_eq(PyThread_acquire_lock(plain_lock, NOWAIT_LOCK), 0);
    PyTime_t t0 = _PyTime_MonotonicNs();
    cr_assert_eq(PyThread_acquire_lock_timed(plain_lock, 20000, 0), PY_LOCK_FAILURE);
    cr_assert_geq(_PyTime_MonotonicNs() - t0, 18 * 1000 * 1000);
    pthread_t th;
    cr_assert_eq(pthread_create(&th, NULL, release_other, NULL), 0);
    th_join(th);
    cr_assert_eq(released_by_other, 1);
    cr_assert_eq(PyThread_acquire_lock_timed(plain_lock, PY_TIMEOUT_MAX, 1), PY_LOCK_ACQUIRED);
    PyThread_release_lock(plain_lock);
    PyThread_free_lock(plain_lock);
}

static Py_tss_t tss_key = Py_tss_NEEDS_INIT;
static void *tss_seen_in_thread = (void *)1;

static void *
tss_thread(void *arg)
{
    tss_seen_in_thread = PyThread_tss_get(&tss_key);
    PyThread_tss_set(&tss_key, arg);
    return NULL;
}

Test(pystate, thread_specific_storage)
{
    int mine = 1, theirs = 2;
    cr_assert_not(PyThread_tss_is_created(&tss_key));
    cr_assert_eq(PyThread_tss_create(&tss_key), 0);
    cr_assert_eq(PyThread_tss_create(&tss_key), 0);   /* idempotent */
    cr_assert(PyThread_tss_is_created(&tss_key));
    cr_assert_null(PyThread_tss_get(&tss_key));
    cr_assert_eq(PyThread_tss_set(&tss_key, &mine), 0);
    pthread_t th;
    cr_assert_eq(pthread_create(&th, NULL, tss_thread, &theirs), 0);
    th_join(th);
    cr_assert_null(tss_seen_in_thread);
    cr_assert_eq(PyThread_tss_get(&tss_key), &mine);
    PyThread_tss_delete(&tss_key);
    cr_assert_not(PyThread_tss_is_created(&tss_key));

    Py_tss_t *heap = PyThread_tss_alloc();
    cr_assert_not_null(heap);
    cr_assert_eq(PyThread_tss_create(heap), 0);
    cr_assert_eq(PyThread_tss_set(heap, &theirs), 0);
    cr_assert_eq(PyThread_tss_get(heap), &theirs);
    PyThread_tss_free(heap);
}

/* ---- daemon threads exit when they attach after finalization --------- */

static PyEvent daemon_detached;
static PyEvent daemon_go;
static int daemon_came_back;

static void
daemon_body(void *arg)
{
    PyThreadState *tstate = _PyThreadState_New(&_PyInterpreterState_Main);
    _PyThreadState_Bind(tstate);
    _PyThreadState_Attach(tstate);
    PyThreadState *save = PyEval_SaveThread();
    _PyEvent_Notify(&daemon_detached);
    PyEvent_Wait(&daemon_go);
    PyEval_RestoreThread(save);      /* must not return */
    _Py_atomic_store_int(&daemon_came_back, 1);
}

Test(pystate, daemon_thread_exits_on_attach_after_finalize)
{
    cr_assert_neq(PyThread_start_new_thread(daemon_body, NULL), (unsigned long)-1);
    PyThreadState *save = PyEval_SaveThread();
    PyEvent_Wait(&daemon_detached);
    PyEval_RestoreThread(save);
    _PyRuntime_Finalize();
    _PyEvent_Notify(&daemon_go);
    /* Give it time to (not) come back; the thread exits instead. */
    struct timespec ts = { 0, 100 * 1000000L };
    nanosleep(&ts, NULL);
    cr_assert_eq(_Py_atomic_load_int(&daemon_came_back), 0);
}
