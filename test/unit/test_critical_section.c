/* test_critical_section.c: per-object critical sections.  Opposite lock
 * orders never deadlock (nested and two-object forms); a section held
 * across a detach lets others in and is re-taken after; the two-object form
 * with one object locks once; in the free-threaded build, sections are
 * elided while one thread exists and become real locks when a second thread
 * state is created (by the holder itself or by another thread).  The functions are called directly so the
 * tests run in both builds (the macros are empty in the default build). */
#include <criterion/criterion.h>
#include "thread_helpers.h"
#include "pycore_critical_section.h"

static void
init_runtime(void)
{
    cr_assert_eq(_PyRuntime_Initialize(0), 0);
}

TestSuite(critical_section, .init = init_runtime, .timeout = 60);

/* A minimal object type, statically allocated objects. */
typedef struct {
    PyObject_HEAD
    long value;
} MinObject;

static PyTypeObject MinType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "min",
    .tp_basicsize = sizeof(MinObject),
};

static MinObject objA = { PyObject_HEAD_INIT(&MinType) 0 };
static MinObject objB = { PyObject_HEAD_INIT(&MinType) 0 };
#define A ((PyObject *)&objA)
#define B ((PyObject *)&objB)

#define NITER 20000

/* Nested sections taken in opposite orders by two threads. */
static void
nested_order(void *arg)
{
    int ab = arg != NULL;
    PyObject *first = ab ? A : B, *second = ab ? B : A;
    MinObject *f = (MinObject *)first, *s = (MinObject *)second;
    PyThreadState *tstate = _PyThreadState_GET();
    for (int i = 0; i < NITER; i++) {
        PyCriticalSection c1;
        PyCriticalSection_Begin(&c1, first);
        long v = f->value;
        f->value = v + 1;
        {
            PyCriticalSection c2;
            PyCriticalSection_Begin(&c2, second);
            long w = s->value;
            if ((i & 127) == 0) {
                sched_yield();
            }
            s->value = w + 1;
            PyCriticalSection_End(&c2);
        }
        PyCriticalSection_End(&c1);
        if ((i & 63) == 0) {
            _Py_HandlePending(tstate);
        }
    }
    cr_assert_eq(tstate->critical_section, 0);
}

Test(critical_section, opposite_nested_orders_do_not_deadlock)
{
    pthread_t t1 = th_start(nested_order, (void *)1);
    pthread_t t2 = th_start(nested_order, NULL);
    th_join(t1);
    th_join(t2);
    /* Each thread bumped each object once per iteration, under its lock. */
    cr_assert_eq(objA.value, 2L * NITER);
    cr_assert_eq(objB.value, 2L * NITER);
    cr_assert_not(PyMutex_IsLocked(_PyCriticalSection_ObjectMutex(A)));
    cr_assert_not(PyMutex_IsLocked(_PyCriticalSection_ObjectMutex(B)));
}

/* The two-object form, arguments in opposite orders. */
static void
pair_order(void *arg)
{
    PyThreadState *tstate = _PyThreadState_GET();
    for (int i = 0; i < NITER; i++) {
        PyCriticalSection2 c;
        if (arg != NULL) {
            PyCriticalSection2_Begin(&c, A, B);
        }
        else {
            PyCriticalSection2_Begin(&c, B, A);
        }
        long a = objA.value, b = objB.value;
        if ((i & 127) == 0) {
            sched_yield();
        }
        objA.value = a + 1;
        objB.value = b + 1;
        PyCriticalSection2_End(&c);
        if ((i & 63) == 0) {
            _Py_HandlePending(tstate);
        }
    }
}

Test(critical_section, opposite_pair_orders_do_not_deadlock)
{
    pthread_t t1 = th_start(pair_order, (void *)1);
    pthread_t t2 = th_start(pair_order, NULL);
    pthread_t t3 = th_start(nested_order, (void *)1);
    th_join(t1);
    th_join(t2);
    th_join(t3);
    cr_assert_eq(objA.value, 3L * NITER);
    cr_assert_eq(objB.value, 3L * NITER);
}

/* The free-threaded build elides sections while one thread exists; tests
 * that look at the mutexes without other threads turn that off first. */
static void
no_elision(void)
{
#ifdef Py_GIL_DISABLED
    _PyCriticalSection_StopEliding(&_PyInterpreterState_Main);
#endif
}

Test(critical_section, same_object_twice_locks_once)
{
    no_elision();
    PyThreadState *tstate = PyThreadState_Get();
    PyMutex *m = _PyCriticalSection_ObjectMutex(A);
    PyCriticalSection2 c;
    PyCriticalSection2_Begin(&c, A, A);
    cr_assert(PyMutex_IsLocked(m));
    /* Nested on the same object: no self-deadlock. */
    PyCriticalSection inner;
    PyCriticalSection_Begin(&inner, A);
    cr_assert(PyMutex_IsLocked(m));
    PyCriticalSection_End(&inner);
    cr_assert(PyMutex_IsLocked(m));
    PyCriticalSection2_End(&c);
    cr_assert_not(PyMutex_IsLocked(m));
    cr_assert_eq(tstate->critical_section, 0);
}

/* ---- held across a detach -------------------------------------------- */

static int other_entered;
static long seen_value;

static void
other_thread(void *arg)
{
    PyCriticalSection c;
    PyCriticalSection_Begin(&c, A);
    seen_value = objA.value;
    objA.value = 2;
    _Py_atomic_store_int(&other_entered, 1);
    PyCriticalSection_End(&c);
}

static PyMutex raw_mutex;
static int raw_entered;

static void
raw_other_thread(void *arg)
{
    PyCriticalSection c;
    _PyCriticalSection_BeginMutex(&c, &raw_mutex);
    _Py_atomic_store_int(&raw_entered, 1);
    PyCriticalSection_End(&c);
}

Test(critical_section, section_is_released_across_detach_and_retaken)
{
    no_elision();
    PyThreadState *tstate = PyThreadState_Get();
    PyMutex *m = _PyCriticalSection_ObjectMutex(A);
    PyCriticalSection outer, c;
    _PyCriticalSection_BeginMutex(&outer, &raw_mutex);
    PyCriticalSection_Begin(&c, A);
    objA.value = 1;
    cr_assert(PyMutex_IsLocked(m));

    /* Blocking call: both sections are suspended, others get in. */
    PyThreadState *save = PyEval_SaveThread();
    cr_assert_not(PyMutex_IsLocked(m));
    cr_assert_not(PyMutex_IsLocked(&raw_mutex));
    cr_assert(tstate->critical_section & _Py_CRITICAL_SECTION_INACTIVE);
    pthread_t th = th_start(other_thread, NULL);
    pthread_join(th, NULL);
    PyEval_RestoreThread(save);

    cr_assert_eq(other_entered, 1);
    cr_assert_eq(seen_value, 1);
    cr_assert_eq(objA.value, 2);
    /* Re-attached: the innermost section is held again, the outer one is
     * still suspended until the inner one ends. */
    cr_assert(PyMutex_IsLocked(m));
    cr_assert_not(tstate->critical_section & _Py_CRITICAL_SECTION_INACTIVE);
    cr_assert_not(PyMutex_IsLocked(&raw_mutex));
    PyCriticalSection_End(&c);
    cr_assert(PyMutex_IsLocked(&raw_mutex));
    cr_assert_not(PyMutex_IsLocked(m));

    /* While held and attached, another thread stays out: it can only get
     * in once we detach (th_join) after ending the section... */
    pthread_t th2 = th_start(raw_other_thread, NULL);
    struct timespec ts = { 0, 30 * 1000000L };
    nanosleep(&ts, NULL);   /* attached: the section stays held */
    cr_assert_eq(_Py_atomic_load_int(&raw_entered), 0);
    PyCriticalSection_End(&outer);
    th_join(th2);
    cr_assert_eq(raw_entered, 1);
    cr_assert_eq(tstate->critical_section, 0);
    cr_assert_not(PyMutex_IsLocked(&raw_mutex));
}

/* Sections also work on a thread without a thread state. */
static void *
no_tstate_thread(void *arg)
{
    PyCriticalSection2 c;
    PyCriticalSection2_Begin(&c, A, B);
    objA.value += 10;
    PyCriticalSection2_End(&c);
    return NULL;
}

Test(critical_section, thread_without_state)
{
    objA.value = 0;
    pthread_t th;
    cr_assert_eq(pthread_create(&th, NULL, no_tstate_thread, NULL), 0);
    th_join(th);
    cr_assert_eq(objA.value, 10);
    cr_assert_not(PyMutex_IsLocked(_PyCriticalSection_ObjectMutex(A)));
}

/* ---- elision while single-threaded (free-threaded build) --------------- */

#ifdef Py_GIL_DISABLED
static int
elision_on(void)
{
    return _Py_atomic_load_int(&_PyInterpreterState_Main.cs_elide) == 1;
}

Test(critical_section, elided_while_single_threaded)
{
    if (!elision_on()) {
        cr_skip_test("no membarrier(2) here: sections are never elided");
    }
    PyThreadState *tstate = PyThreadState_Get();
    PyCriticalSection c;
    PyCriticalSection_Begin(&c, A);
    cr_assert_not(PyMutex_IsLocked(_PyCriticalSection_ObjectMutex(A)));
    cr_assert(tstate->critical_section & _Py_CRITICAL_SECTION_ELIDED);
    cr_assert_eq(_PyInterpreterState_Main.cs_elided, 1);
    PyCriticalSection_End(&c);
    cr_assert_eq(tstate->critical_section, 0);
    cr_assert_eq(_PyInterpreterState_Main.cs_elided, 0);
}

Test(critical_section, creator_upgrades_its_own_sections)
{
    if (!elision_on()) {
        cr_skip_test("no membarrier(2) here: sections are never elided");
    }
    PyCriticalSection c;
    PyCriticalSection2 c2;
    PyCriticalSection_Begin(&c, A);
    PyCriticalSection2_Begin(&c2, A, B);   /* A already held: only B */
    cr_assert_not(PyMutex_IsLocked(_PyCriticalSection_ObjectMutex(A)));
    cr_assert_not(PyMutex_IsLocked(_PyCriticalSection_ObjectMutex(B)));
    /* A second thread state: from now on the sections are real locks. */
    PyThreadState *second = _PyThreadState_New(&_PyInterpreterState_Main);
    cr_assert_not_null(second);
    cr_assert_not(elision_on());
    cr_assert(PyMutex_IsLocked(_PyCriticalSection_ObjectMutex(A)));
    cr_assert(PyMutex_IsLocked(_PyCriticalSection_ObjectMutex(B)));
    cr_assert_eq(_PyInterpreterState_Main.cs_elided, 0);
    PyCriticalSection2_End(&c2);
    cr_assert_not(PyMutex_IsLocked(_PyCriticalSection_ObjectMutex(B)));
    cr_assert(PyMutex_IsLocked(_PyCriticalSection_ObjectMutex(A)));
    PyCriticalSection_End(&c);
    cr_assert_not(PyMutex_IsLocked(_PyCriticalSection_ObjectMutex(A)));
    /* And new sections lock. */
    PyCriticalSection_Begin(&c, A);
    cr_assert(PyMutex_IsLocked(_PyCriticalSection_ObjectMutex(A)));
    PyCriticalSection_End(&c);
    _PyThreadState_Delete(second);
}

static int late_entered;
static long late_seen;

/* Enter a section on A, note A's value in *seen, say so in *entered. */
static void
read_a_in_section(long *seen, int *entered)
{
    PyCriticalSection c;
    PyCriticalSection_Begin(&c, A);
    *seen = objA.value;
    _Py_atomic_store_int(entered, 1);
    PyCriticalSection_End(&c);
}

static void
late_thread(void *arg)
{
    read_a_in_section(&late_seen, &late_entered);
}

/* We hold `c` (on A) for real and are attached: the thread `th`, which
 * wants A, stays out (*entered still 0) until we store `value` and end the
 * section; then wait for it. */
static void
hold_then_let_in(PyCriticalSection *c, pthread_t th, int *entered, long value)
{
    struct timespec ts = { 0, 20 * 1000000L };
    nanosleep(&ts, NULL);
    cr_assert_eq(_Py_atomic_load_int(entered), 0);
    objA.value = value;
    PyCriticalSection_End(c);
    th_join(th);
    cr_assert_eq(*entered, 1);
}

Test(critical_section, other_creator_waits_for_the_upgrade)
{
    if (!elision_on()) {
        cr_skip_test("no membarrier(2) here: sections are never elided");
    }
    PyThreadState *tstate = PyThreadState_Get();
    PyCriticalSection c;
    PyCriticalSection_Begin(&c, A);
    objA.value = 10;
    /* The new thread creates its state itself: it must wait until our
     * elided section is a real lock, which happens at our next eval-breaker
     * check. */
    pthread_t th = th_start(late_thread, NULL);
    PyMutex *m = _PyCriticalSection_ObjectMutex(A);
    PyTime_t start = _PyTime_MonotonicNs();
    while (!PyMutex_IsLocked(m)) {
        cr_assert(th_seconds_since(start) < 20, "the section was never upgraded");
        if (_Py_eval_breaker_bit_is_set(tstate, _PY_EVAL_CS_UPGRADE_BIT)) {
            cr_assert_eq(_Py_HandlePending(tstate), 0);
        }
        sched_yield();
    }
    cr_assert_not(tstate->critical_section & _Py_CRITICAL_SECTION_ELIDED);
    /* Still ours: the other thread cannot get in while we are attached. */
    hold_then_let_in(&c, th, &late_entered, 11);
    cr_assert_eq(late_seen, 11);
}
#endif

#ifdef Py_GIL_DISABLED
Test(critical_section, elided_same_object_twice_ends_cleanly)
{
    if (!elision_on()) {
        cr_skip_test("no membarrier(2) here: sections are never elided");
    }
    PyCriticalSection2 c2;
    PyCriticalSection2_Begin(&c2, A, A);
    PyCriticalSection2_End(&c2);
    cr_assert_not(PyMutex_IsLocked(_PyCriticalSection_ObjectMutex(A)));
    cr_assert_eq(PyThreadState_Get()->critical_section, 0);
    cr_assert_eq(_PyInterpreterState_Main.cs_elided, 0);
}

/* A nest that locks one object twice with another between (A, B, A:
 * e.g. a list's __eq__ comparing against the list itself) cannot become
 * three real locks: the upgrade locks the inner sections and leaves the
 * outer A suspended, to be re-taken when B ends, as after a detach. */
#define LOCKED(o) PyMutex_IsLocked(_PyCriticalSection_ObjectMutex(o))

static void
end_aba_nest(PyThreadState *tstate, PyCriticalSection *outer, PyCriticalSection *mid,
             PyCriticalSection *inner)
{
    cr_assert(LOCKED(A));
    cr_assert(LOCKED(B));
    cr_assert(_PyCriticalSection_IsActive(tstate->critical_section));
    cr_assert(_PyCriticalSection_IsActive(inner->_cs_prev));
    cr_assert(mid->_cs_prev & _Py_CRITICAL_SECTION_INACTIVE);
    cr_assert_eq(_PyInterpreterState_Main.cs_elided, 0);
    PyCriticalSection_End(inner);
    cr_assert_not(LOCKED(A));
    cr_assert(LOCKED(B));
    PyCriticalSection_End(mid);
    cr_assert_not(LOCKED(B));
    cr_assert(LOCKED(A));   /* resumed */
    PyCriticalSection_End(outer);
    cr_assert_not(LOCKED(A));
    cr_assert_eq(tstate->critical_section, 0);
}

Test(critical_section, upgrade_of_a_b_a_nest_does_not_self_deadlock)
{
    if (!elision_on()) {
        cr_skip_test("no membarrier(2) here: sections are never elided");
    }
    PyThreadState *tstate = PyThreadState_Get();
    PyCriticalSection outer, mid, inner;
    PyCriticalSection_Begin(&outer, A);
    PyCriticalSection_Begin(&mid, B);
    PyCriticalSection_Begin(&inner, A);
    cr_assert_eq(_PyInterpreterState_Main.cs_elided, 3);
    cr_assert_not(LOCKED(A));
    /* A second thread state: we are its creator, so we upgrade here. */
    PyThreadState *second = _PyThreadState_New(&_PyInterpreterState_Main);
    cr_assert_not_null(second);
    cr_assert_not(elision_on());
    end_aba_nest(tstate, &outer, &mid, &inner);
    _PyThreadState_Delete(second);
}

/* The same nest where only the outer A was elided: elision began to stop
 * (another thread is creating a thread state) before B and the inner A
 * were entered, so those locked for real -- the inner A successfully,
 * since the elided outer one holds nothing.  The eval breaker's upgrade
 * then finds A locked. */
Test(critical_section, upgrade_after_real_locks_inside_an_elided_section)
{
    if (!elision_on()) {
        cr_skip_test("no membarrier(2) here: sections are never elided");
    }
    PyThreadState *tstate = PyThreadState_Get();
    PyCriticalSection outer, mid, inner;
    PyCriticalSection_Begin(&outer, A);
    _Py_atomic_store_int(&_PyInterpreterState_Main.cs_elide, _Py_CS_ELIDE_STOPPING);
    PyCriticalSection_Begin(&mid, B);
    PyCriticalSection_Begin(&inner, A);
    cr_assert(LOCKED(A));
    cr_assert_eq(_PyInterpreterState_Main.cs_elided, 1);
    _PyCriticalSection_UpgradeElided(tstate);
    _Py_atomic_store_int(&_PyInterpreterState_Main.cs_elide, _Py_CS_ELIDE_OFF);
    end_aba_nest(tstate, &outer, &mid, &inner);
}
#endif

/* ---- quiet waits (free-threaded build) ----------------------------------
 * A second thread that waits a while on a Python-level lock lets the
 * running thread elide again; when it wakes it turns elision off, the
 * runner's elided section becomes a real lock, and the waker's own
 * section on the same object waits for it. */
#ifdef Py_GIL_DISABLED
static PyMutex quiet_lock;
static int quiet_woke, quiet_entered;
static long quiet_seen;

static void
quiet_waiter(void *arg)
{
    (void)arg;
    /* Held by the test thread: a long, quiet wait. */
    PyLockStatus st = _PyMutex_LockTimed(&quiet_lock, -1, _PY_LOCK_DETACH | _PY_LOCK_QUIET);
    _Py_atomic_store_int(&quiet_woke, st == PY_LOCK_ACQUIRED);
    cr_assert_not(elision_on());
    cr_assert_eq(PyThreadState_Get()->quiet_wait, 0);
    PyMutex_Unlock(&quiet_lock);
    read_a_in_section(&quiet_seen, &quiet_entered);
}

/* Act as the eval loop does (run the eval breaker's work whenever a bit
 * is set) until `bit` has been set and handled, up to 20 s. */
static void
wait_for_breaker_bit(PyThreadState *tstate, uintptr_t bit, const char *what)
{
    PyTime_t start = _PyTime_MonotonicNs();
    for (;;) {
        uintptr_t breaker = _Py_atomic_load_uintptr(&tstate->eval_breaker);
        if (breaker != 0) {
            cr_assert_eq(_Py_HandlePending(tstate), 0);
            if (breaker & bit) {
                return;
            }
        }
        cr_assert(th_seconds_since(start) < 20, "%s never asked", what);
        sched_yield();
    }
}

Test(critical_section, quiet_waiter_lets_the_runner_elide)
{
    if (!elision_on()) {
        cr_skip_test("no membarrier(2) here: sections are never elided");
    }
    PyThreadState *tstate = PyThreadState_Get();
    PyMutex *m = _PyCriticalSection_ObjectMutex(A);
    PyMutex_Lock(&quiet_lock);
    pthread_t th = th_start(quiet_waiter, NULL);

    /* Once the waiter has waited 2 ms it asks us to elide again; we do,
     * with no section open. */
    wait_for_breaker_bit(tstate, _PY_EVAL_CS_ELIDE_BIT, "elision");
    cr_assert(elision_on());
    PyCriticalSection c;
    PyCriticalSection_Begin(&c, A);
    cr_assert(tstate->critical_section & _Py_CRITICAL_SECTION_ELIDED);
    cr_assert_not(PyMutex_IsLocked(m));
    objA.value = 41;

    /* Wake it: before it attaches it ends elision, so our section is
     * locked for real at our next eval-breaker check. */
    PyMutex_Unlock(&quiet_lock);
    wait_for_breaker_bit(tstate, _PY_EVAL_CS_UPGRADE_BIT, "the upgrade");
    cr_assert(PyMutex_IsLocked(m));
    cr_assert_not(tstate->critical_section & _Py_CRITICAL_SECTION_ELIDED);
    /* Attached and holding A: the waker stays out. */
    hold_then_let_in(&c, th, &quiet_entered, 42);
    cr_assert_eq(quiet_woke, 1);
    cr_assert_eq(quiet_seen, 42);
    cr_assert_not(elision_on());
    cr_assert_eq(_PyInterpreterState_Main.cs_elided, 0);
}

/* A runner with a section open does not turn elision on (what it elided
 * and what it locked would then be mixed); a short wait is never quiet. */
static void
short_waiter(void *arg)
{
    (void)arg;
    _PyMutex_LockTimed(&quiet_lock, -1, _PY_LOCK_DETACH | _PY_LOCK_QUIET);
    PyMutex_Unlock(&quiet_lock);
    _Py_atomic_store_int(&quiet_woke, 1);
}

Test(critical_section, no_elision_with_a_section_open)
{
    if (!elision_on()) {
        cr_skip_test("no membarrier(2) here: sections are never elided");
    }
    PyThreadState *tstate = PyThreadState_Get();
    PyMutex_Lock(&quiet_lock);
    pthread_t th = th_start(short_waiter, NULL);
    PyCriticalSection c;
    PyCriticalSection_Begin(&c, A);
    wait_for_breaker_bit(tstate, _PY_EVAL_CS_ELIDE_BIT, "elision");
    cr_assert_not(elision_on());
    cr_assert(PyMutex_IsLocked(_PyCriticalSection_ObjectMutex(A)));
    PyCriticalSection_End(&c);
    PyMutex_Unlock(&quiet_lock);
    th_join(th);
    cr_assert_eq(quiet_woke, 1);
    cr_assert_not(elision_on());
}
#endif
