/* critical_section.c: per-object critical sections (critical_section.h).
 *
 * The thread state keeps a stack of the sections it is in:
 * tstate->critical_section points at the innermost, each section's _cs_prev
 * at the one around it.  Each link carries tag bits (pycore_critical_section.h)
 * describing the section it points to: INACTIVE once its mutexes have been
 * released by a detach, TWO_MUTEXES for a PyCriticalSection2.
 *
 * On detach every active section is released; on attach only the innermost
 * is re-taken, the one around it when the inner one ends, and so on.  A
 * thread blocked on a section's mutex is detached (the mutex's slow path
 * parks with _PY_LOCK_DETACH), so it holds no other section while it waits:
 * that is what rules out lock-order deadlocks.
 *
 * Free-threaded build: an object's section locks its ob_mutex.  Default
 * build: objects have no mutex, so the object forms lock one of a table of
 * striped mutexes chosen by address; the GIL already serialises attached
 * code, so the stripes only matter across detaches.  A section whose mutex
 * is already held by the innermost section (the same object, or a striped
 * alias) locks nothing.
 *
 * Elision (free-threaded build): while the interpreter has a single thread
 * state, no other thread can touch an object, so sections are pushed with the
 * ELIDED tag and lock nothing -- an atomic read-modify-write costs tens of
 * nanoseconds, which would make single-threaded programs pay for threads
 * they do not use.  Creating a second thread state turns elision off for
 * good (_PyCriticalSection_StopEliding) and, before the new state is added,
 * makes the sole thread lock the sections it has open: it does so itself
 * when it is the creator, else from its eval breaker, or by detaching (a
 * detach suspends its sections, and the re-attach locks them).  The sole
 * thread's "count elided, then read the flag" and the creator's "clear the
 * flag, then read the count" form a Dekker pair: the creator's side issues
 * membarrier(2), so the sole thread's fast path needs no fence.  Without
 * membarrier, and under ThreadSanitizer (which cannot see that ordering),
 * there is no elision. */
#include "Python.h"
#include "pycore_pystate.h"
#include "pycore_critical_section.h"

static inline PyCriticalSection *
untag(uintptr_t v)
{
    return (PyCriticalSection *)(v & ~(uintptr_t)_Py_CRITICAL_SECTION_MASK);
}

#ifdef Py_GIL_DISABLED
#include <time.h>
#include <unistd.h>
#include <sys/syscall.h>
#ifdef __NR_membarrier
#include <linux/membarrier.h>
#endif
#if defined(__SANITIZE_THREAD__)
#define NO_ELISION 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define NO_ELISION 1
#endif
#endif

/* cs_elide values (pycore_critical_section.h, whose inline Begin/End
 * repeat try_elide() and end_elided() below) */
#define ELIDE_OFF       _Py_CS_ELIDE_OFF
#define ELIDE_ON        _Py_CS_ELIDE_ON
#define ELIDE_STOPPING  _Py_CS_ELIDE_STOPPING

static PyMutex stop_eliding_mutex;

void
_PyCriticalSection_InitElision(PyInterpreterState *interp)
{
    int on = 0;
#if !defined(NO_ELISION) && defined(__NR_membarrier)
    on = syscall(__NR_membarrier, MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED, 0, 0) == 0 &&
         _Py_atomic_load_ssize(&interp->threads_count) == 1;
#endif
    interp->cs_elided = 0;
    interp->cs_elide_ok = on;
    _Py_atomic_store_int(&interp->cs_elide, on ? ELIDE_ON : ELIDE_OFF);
}

/* Lock, for real, every section `tstate` (the calling thread) elided.
 * Nobody else can hold these mutexes (the thread that will contend for them
 * is not added, or does not attach, until this is done), so a try-lock
 * fails only on a mutex this thread already holds through a section nearer
 * the top: a nest like A, B, A, or a section locked for real after
 * elision began to stop.  Such a section, and every one around it, ends up
 * suspended, as a detach at this point would leave them: each is re-taken
 * when the sections inside it end (pop_section). */
void
_PyCriticalSection_UpgradeElided(PyThreadState *tstate)
{
    PyInterpreterState *interp = tstate->interp;
    uintptr_t *tagptr = &tstate->critical_section;
    int suspend = 0;
    while (*tagptr != 0 && !(*tagptr & _Py_CRITICAL_SECTION_INACTIVE)) {
        PyCriticalSection *c = untag(*tagptr);
        PyMutex *m1 = c->_cs_mutex;
        PyMutex *m2 = NULL;
        if (*tagptr & _Py_CRITICAL_SECTION_TWO_MUTEXES) {
            m2 = ((PyCriticalSection2 *)c)->_cs_mutex2;
        }
        if (*tagptr & _Py_CRITICAL_SECTION_ELIDED) {
            *tagptr &= ~(uintptr_t)_Py_CRITICAL_SECTION_ELIDED;
            _Py_atomic_store_ssize(&interp->cs_elided, interp->cs_elided - 1);
            if (!suspend) {
                int got1 = m1 == NULL || _PyMutex_TryLock(m1);
                int got2 = got1 && (m2 == NULL || _PyMutex_TryLock(m2));
                if (got2) {
                    tagptr = &c->_cs_prev;
                    continue;
                }
                if (got1 && m1 != NULL) {
                    PyMutex_Unlock(m1);
                }
                suspend = 1;
            }
        }
        else if (suspend) {
            /* Locked for real further out: release, as a suspend does. */
            if (m1 != NULL) {
                PyMutex_Unlock(m1);
            }
            if (m2 != NULL) {
                PyMutex_Unlock(m2);
            }
        }
        if (suspend) {
            *tagptr |= _Py_CRITICAL_SECTION_INACTIVE;
        }
        tagptr = &c->_cs_prev;
    }
}

void
_PyCriticalSection_StopEliding(PyInterpreterState *interp)
{
    if (_Py_atomic_load_int(&interp->cs_elide) == ELIDE_OFF) {
        return;
    }
    PyThreadState *me = _PyThreadState_GET();
    int attached = me != NULL && me->interp == interp &&
                   _Py_atomic_load_int(&me->state) == _Py_THREAD_ATTACHED;
    /* Detaching while waiting for the mutex matters: the sole thread may be
     * the one waiting, with sections open, while another thread upgrades. */
    if (attached) {
        PyMutex_Lock(&stop_eliding_mutex);
    }
    else {
        _PyMutex_LockNoDetach(&stop_eliding_mutex);
    }
    if (_Py_atomic_load_int(&interp->cs_elide) == ELIDE_ON) {
        _Py_atomic_store_int(&interp->cs_elide, ELIDE_STOPPING);
#ifdef __NR_membarrier
        (void)syscall(__NR_membarrier, MEMBARRIER_CMD_PRIVATE_EXPEDITED, 0, 0);
#endif
        if (attached) {
            _PyCriticalSection_UpgradeElided(me);
        }
        /* The sole thread, if it is someone else, upgrades at its next
         * eval-breaker check or detach. */
        while (_Py_atomic_load_ssize(&interp->cs_elided) > 0) {
            PyMutex_Lock(&interp->threads_mutex);
            for (PyThreadState *t = interp->threads_head; t != NULL; t = t->next) {
                if (t != me) {
                    _Py_set_eval_breaker_bit(t, _PY_EVAL_CS_UPGRADE_BIT);
                }
            }
            PyMutex_Unlock(&interp->threads_mutex);
            struct timespec ts = {0, 50 * 1000};
            nanosleep(&ts, NULL);
        }
        _Py_atomic_store_int(&interp->cs_elide, ELIDE_OFF);
    }
    PyMutex_Unlock(&stop_eliding_mutex);
}

/* ---- quiet waits ---------------------------------------------------------
 * A program whose main thread waits in join() (or sleeps, or waits on a
 * queue) while one worker runs has two thread states, but only one that
 * can touch objects: the waiter is detached, holds no object mutex (a
 * detach releases its sections, and it waits on a Python-level lock, not
 * on an object's), and must attach before it touches anything.  So the
 * worker may elide its sections, if the waiter turns elision off before
 * it attaches -- exactly what the creator of a new thread state does.
 * Turning it off costs the waker a membarrier(2) and a wait for the
 * worker's next eval-breaker check, so only a wait that has already lasted
 * a while (Python/parking_lot.c) or a long sleep counts as quiet.  The
 * worker turns elision on itself, from its eval breaker and with no
 * section open, so that everything it elides is upgraded consistently. */

/* The one thread state not in a quiet wait, or NULL if there are several
 * (or none).  Under threads_mutex. */
static PyThreadState *
sole_active_thread(PyInterpreterState *interp)
{
    PyThreadState *sole = NULL;
    for (PyThreadState *t = interp->threads_head; t != NULL; t = t->next) {
        if (!t->quiet_wait) {
            if (sole != NULL) {
                return NULL;
            }
            sole = t;
        }
    }
    return sole;
}

void
_PyCriticalSection_BeginQuietWait(PyThreadState *tstate)
{
    PyInterpreterState *interp = tstate->interp;
    if (!interp->cs_elide_ok) {
        return;
    }
    _PyMutex_LockNoDetach(&interp->threads_mutex);
    tstate->quiet_wait = 1;
    PyThreadState *sole = sole_active_thread(interp);
    if (sole != NULL && _Py_atomic_load_int(&interp->cs_elide) == ELIDE_OFF) {
        _Py_set_eval_breaker_bit(sole, _PY_EVAL_CS_ELIDE_BIT);
    }
    PyMutex_Unlock(&interp->threads_mutex);
}

void
_PyCriticalSection_EndQuietWait(PyThreadState *tstate)
{
    PyInterpreterState *interp = tstate->interp;
    if (!tstate->quiet_wait) {
        return;
    }
    _PyMutex_LockNoDetach(&interp->threads_mutex);
    tstate->quiet_wait = 0;
    PyMutex_Unlock(&interp->threads_mutex);
    /* From here the sole-thread test fails, so elision cannot come back
     * on; if it is on, end it before we attach. */
    if (_Py_atomic_load_int(&interp->cs_elide) != ELIDE_OFF) {
        _PyCriticalSection_StopEliding(interp);
    }
}

void
_PyCriticalSection_ResumeEliding(PyThreadState *tstate)
{
    PyInterpreterState *interp = tstate->interp;
    if (tstate->critical_section != 0) {
        /* A section open (the eval loop runs inside some, e.g. a key's
         * __eq__): not now; the next quiet wait asks again. */
        return;
    }
    PyMutex_Lock(&stop_eliding_mutex);
    _PyMutex_LockNoDetach(&interp->threads_mutex);
    /* Checked under threads_mutex, which a thread leaving its quiet wait
     * and the creator of a thread state also take before they look at
     * cs_elide: they either count here, or see elision on and end it. */
    if (_Py_atomic_load_int(&interp->cs_elide) == ELIDE_OFF &&
        sole_active_thread(interp) == tstate && interp->cs_elided == 0) {
        _Py_atomic_store_int(&interp->cs_elide, ELIDE_ON);
    }
    PyMutex_Unlock(&interp->threads_mutex);
    PyMutex_Unlock(&stop_eliding_mutex);
}

/* Push `c` elided if elision is on; 1 if it was. */
static inline int
try_elide(PyThreadState *tstate, PyCriticalSection *c, uintptr_t tags)
{
    PyInterpreterState *interp = tstate->interp;
    if (_Py_atomic_load_int_relaxed(&interp->cs_elide) != ELIDE_ON) {
        return 0;
    }
    _Py_atomic_store_ssize_relaxed(&interp->cs_elided, interp->cs_elided + 1);
    tstate->critical_section = (uintptr_t)c | tags | _Py_CRITICAL_SECTION_ELIDED;
    /* Only the compiler must keep the order: the other side's membarrier
     * orders the processor. */
    __atomic_signal_fence(__ATOMIC_SEQ_CST);
    if (_Py_atomic_load_int_relaxed(&interp->cs_elide) == ELIDE_ON) {
        return 1;
    }
    /* Elision was turned off between the two reads: lock after all. */
    tstate->critical_section = c->_cs_prev;
    _Py_atomic_store_ssize_relaxed(&interp->cs_elided, interp->cs_elided - 1);
    return 0;
}

/* End of an elided section (the caller checked the tag): nothing to unlock. */
static inline void
end_elided(PyThreadState *tstate)
{
    PyInterpreterState *interp = tstate->interp;
    _Py_atomic_store_ssize_relaxed(&interp->cs_elided, interp->cs_elided - 1);
}
#else
#define try_elide(tstate, c, tags) 0
#endif


#ifndef Py_GIL_DISABLED
#define NUM_STRIPES 1024
static PyMutex object_stripes[NUM_STRIPES];
#endif

PyMutex *
_PyCriticalSection_ObjectMutex(PyObject *op)
{
#ifdef Py_GIL_DISABLED
    return &op->ob_mutex;
#else
    uintptr_t a = (uintptr_t)op;
    a ^= a >> 13;
    return &object_stripes[(a >> 4) % NUM_STRIPES];
#endif
}

/* Is `m` held by the innermost (active) section of the thread? */
static int
held_by_top(PyThreadState *tstate, PyMutex *m)
{
    uintptr_t top = tstate->critical_section;
    if (!_PyCriticalSection_IsActive(top)) {
        return 0;
    }
    PyCriticalSection *c = untag(top);
    if (c->_cs_mutex == m) {
        return 1;
    }
    if (top & _Py_CRITICAL_SECTION_TWO_MUTEXES) {
        return ((PyCriticalSection2 *)c)->_cs_mutex2 == m;
    }
    return 0;
}

void
_PyCriticalSection_BeginMutex(PyCriticalSection *c, PyMutex *m)
{
    PyThreadState *tstate = _PyThreadState_GET();
    if (tstate == NULL) {
        /* No thread state: plain locking, no stack.  An elided section of
         * the sole thread would not exclude us: end elision first. */
#ifdef Py_GIL_DISABLED
        _PyCriticalSection_StopEliding(&_PyInterpreterState_Main);
#endif
        c->_cs_prev = 0;
        c->_cs_mutex = m;
        _PyMutex_LockNoDetach(m);
        return;
    }
    if (held_by_top(tstate, m)) {
        m = NULL;
    }
    c->_cs_prev = tstate->critical_section;
    c->_cs_mutex = m;
    if (m != NULL && try_elide(tstate, c, 0)) {
        return;
    }
    if (m == NULL || _PyMutex_TryLock(m)) {
        c->_cs_mutex = m;
        tstate->critical_section = (uintptr_t)c;
        return;
    }
    /* Contended: push first with no mutex, so that the detach inside the
     * lock's slow path suspends the sections around us, and the re-attach
     * resumes this one (which has nothing to re-take yet). */
    c->_cs_mutex = NULL;
    tstate->critical_section = (uintptr_t)c;
    PyMutex_Lock(m);
    c->_cs_mutex = m;
}

void
PyCriticalSection_Begin(PyCriticalSection *c, PyObject *op)
{
    _PyCriticalSection_BeginMutex(c, _PyCriticalSection_ObjectMutex(op));
}

/* Pop `c`, which must be the innermost section, and resume the one around
 * it if a detach released it. */
static void
pop_section(PyThreadState *tstate, PyCriticalSection *c)
{
    uintptr_t prev = c->_cs_prev;
    tstate->critical_section = prev;
    if (prev != 0 && (prev & _Py_CRITICAL_SECTION_INACTIVE)) {
        _PyCriticalSection_Resume(tstate);
    }
}

void
PyCriticalSection_End(PyCriticalSection *c)
{
    PyThreadState *tstate = _PyThreadState_GET();
#ifdef Py_GIL_DISABLED
    if (tstate != NULL && tstate->critical_section == ((uintptr_t)c | _Py_CRITICAL_SECTION_ELIDED)) {
        end_elided(tstate);
        tstate->critical_section = c->_cs_prev;
        return;
    }
#endif
    if (c->_cs_mutex != NULL) {
        PyMutex_Unlock(c->_cs_mutex);
    }
    if (tstate == NULL) {
        return;
    }
    if (untag(tstate->critical_section) != c) {
        fprintf(stderr, "Fatal Python error: PyCriticalSection_End: "
                "sections ended out of order\n");
        abort();
    }
    pop_section(tstate, c);
}

void
_PyCriticalSection2_BeginMutex(PyCriticalSection2 *c, PyMutex *m1, PyMutex *m2)
{
    if (m1 == m2) {
        /* The same object twice: lock once. */
        c->_cs_mutex2 = NULL;
        _PyCriticalSection_BeginMutex(&c->_cs_base, m1);
        return;
    }
    if ((uintptr_t)m2 < (uintptr_t)m1) {
        /* Everybody locks in address order. */
        PyMutex *tmp = m1;
        m1 = m2;
        m2 = tmp;
    }
    PyThreadState *tstate = _PyThreadState_GET();
    if (tstate == NULL) {
#ifdef Py_GIL_DISABLED
        _PyCriticalSection_StopEliding(&_PyInterpreterState_Main);
#endif
        c->_cs_base._cs_prev = 0;
        c->_cs_base._cs_mutex = m1;
        c->_cs_mutex2 = m2;
        _PyMutex_LockNoDetach(m1);
        _PyMutex_LockNoDetach(m2);
        return;
    }
    if (held_by_top(tstate, m1)) {
        m1 = NULL;
    }
    if (held_by_top(tstate, m2)) {
        m2 = NULL;
    }
    c->_cs_base._cs_prev = tstate->critical_section;
    c->_cs_base._cs_mutex = m1;
    c->_cs_mutex2 = m2;
    if ((m1 != NULL || m2 != NULL) &&
        try_elide(tstate, &c->_cs_base, _Py_CRITICAL_SECTION_TWO_MUTEXES)) {
        return;
    }
    if ((m1 == NULL || _PyMutex_TryLock(m1))) {
        if (m2 == NULL || _PyMutex_TryLock(m2)) {
            c->_cs_base._cs_mutex = m1;
            c->_cs_mutex2 = m2;
            tstate->critical_section =
                (uintptr_t)c | _Py_CRITICAL_SECTION_TWO_MUTEXES;
            return;
        }
        if (m1 != NULL) {
            PyMutex_Unlock(m1);
        }
    }
    /* Contended: as for one mutex, push empty, then lock in order. */
    c->_cs_base._cs_mutex = NULL;
    c->_cs_mutex2 = NULL;
    tstate->critical_section = (uintptr_t)c | _Py_CRITICAL_SECTION_TWO_MUTEXES;
    if (m1 != NULL) {
        PyMutex_Lock(m1);
    }
    if (m2 != NULL) {
        PyMutex_Lock(m2);
    }
    c->_cs_base._cs_mutex = m1;
    c->_cs_mutex2 = m2;
}

void
PyCriticalSection2_Begin(PyCriticalSection2 *c, PyObject *a, PyObject *b)
{
    _PyCriticalSection2_BeginMutex(c, _PyCriticalSection_ObjectMutex(a),
                                   _PyCriticalSection_ObjectMutex(b));
}

void
PyCriticalSection2_End(PyCriticalSection2 *c)
{
    PyThreadState *tstate = _PyThreadState_GET();
#ifdef Py_GIL_DISABLED
    /* Elided, pushed by the two-mutex path or (same object twice) the
     * one-mutex path. */
    if (tstate != NULL &&
        (tstate->critical_section & ~(uintptr_t)_Py_CRITICAL_SECTION_TWO_MUTEXES) ==
            ((uintptr_t)&c->_cs_base | _Py_CRITICAL_SECTION_ELIDED)) {
        end_elided(tstate);
        tstate->critical_section = c->_cs_base._cs_prev;
        return;
    }
#endif
    if (c->_cs_mutex2 != NULL) {
        PyMutex_Unlock(c->_cs_mutex2);
    }
    if (c->_cs_base._cs_mutex != NULL) {
        PyMutex_Unlock(c->_cs_base._cs_mutex);
    }
    if (tstate == NULL) {
        return;
    }
    if (untag(tstate->critical_section) != &c->_cs_base) {
        fprintf(stderr, "Fatal Python error: PyCriticalSection2_End: "
                "sections ended out of order\n");
        abort();
    }
    pop_section(tstate, &c->_cs_base);
}

void
_PyCriticalSection_SuspendAll(PyThreadState *tstate)
{
    uintptr_t *tagptr = &tstate->critical_section;
    /* Sections below an inactive one are inactive already. */
    while (_PyCriticalSection_IsActive(*tagptr)) {
        PyCriticalSection *c = untag(*tagptr);
#ifdef Py_GIL_DISABLED
        if (*tagptr & _Py_CRITICAL_SECTION_ELIDED) {
            /* Nothing to release; the re-attach will lock it for real. */
            *tagptr &= ~(uintptr_t)_Py_CRITICAL_SECTION_ELIDED;
            *tagptr |= _Py_CRITICAL_SECTION_INACTIVE;
            end_elided(tstate);
            tagptr = &c->_cs_prev;
            continue;
        }
#endif
        if (c->_cs_mutex != NULL) {
            PyMutex_Unlock(c->_cs_mutex);
        }
        if (*tagptr & _Py_CRITICAL_SECTION_TWO_MUTEXES) {
            PyCriticalSection2 *c2 = (PyCriticalSection2 *)c;
            if (c2->_cs_mutex2 != NULL) {
                PyMutex_Unlock(c2->_cs_mutex2);
            }
        }
        *tagptr |= _Py_CRITICAL_SECTION_INACTIVE;
        tagptr = &c->_cs_prev;
    }
}

void
_PyCriticalSection_Resume(PyThreadState *tstate)
{
    uintptr_t top = tstate->critical_section;
    if (top == 0 || !(top & _Py_CRITICAL_SECTION_INACTIVE)) {
        return;
    }
    PyCriticalSection *c = untag(top);
    PyCriticalSection2 *c2 = NULL;
    PyMutex *m1 = c->_cs_mutex;
    PyMutex *m2 = NULL;
    /* Clear the fields while locking: if locking detaches, the nested
     * suspend must not unlock mutexes we do not hold yet. */
    c->_cs_mutex = NULL;
    if (top & _Py_CRITICAL_SECTION_TWO_MUTEXES) {
        c2 = (PyCriticalSection2 *)c;
        m2 = c2->_cs_mutex2;
        c2->_cs_mutex2 = NULL;
    }
    /* Mark active first: the nested attach of a detaching lock must not try
     * to resume this section again. */
    tstate->critical_section &= ~(uintptr_t)_Py_CRITICAL_SECTION_INACTIVE;
    if (m1 != NULL) {
        PyMutex_Lock(m1);
    }
    if (m2 != NULL) {
        PyMutex_Lock(m2);
    }
    c->_cs_mutex = m1;
    if (c2 != NULL) {
        c2->_cs_mutex2 = m2;
    }
}
