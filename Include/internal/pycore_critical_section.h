/* pycore_critical_section.h: what the runtime needs of critical sections
 * beyond the public API: the tag bits of tstate->critical_section and the
 * suspend/resume calls made when a thread detaches and re-attaches.
 * Implementation: Python/critical_section.c. */
#ifndef Py_INTERNAL_CRITICAL_SECTION_H
#define Py_INTERNAL_CRITICAL_SECTION_H

#include "Python.h"

/* tstate->critical_section and each section's _cs_prev hold a pointer to a
 * section plus these tags, which describe the section pointed to. */
#define _Py_CRITICAL_SECTION_INACTIVE     0x1  /* its mutexes are released */
#define _Py_CRITICAL_SECTION_TWO_MUTEXES  0x2  /* it is a PyCriticalSection2 */
#define _Py_CRITICAL_SECTION_ELIDED       0x4  /* begun unlocked: only one thread existed */
#define _Py_CRITICAL_SECTION_MASK         0x7

/* Release every active section of the thread (before it detaches). */
extern void _PyCriticalSection_SuspendAll(PyThreadState *tstate);
/* Re-take the innermost section (after the thread re-attached). */
extern void _PyCriticalSection_Resume(PyThreadState *tstate);

/* The mutex a section on `op` locks: op->ob_mutex in the free-threaded
 * build, a striped mutex chosen by address in the default build. */
extern PyMutex *_PyCriticalSection_ObjectMutex(PyObject *op);

/* Free-threaded build: elision of critical sections while the interpreter
 * has a single thread state.  _PyCriticalSection_InitElision is called once
 * the first thread state exists; _PyCriticalSection_StopEliding before a
 * second one is added (by any thread, attached or not): on return no
 * section is elided any more and none will be.  The sole thread runs
 * _PyCriticalSection_UpgradeElided (from its eval breaker) to lock the
 * sections it elided. */
extern void _PyCriticalSection_InitElision(PyInterpreterState *interp);
extern void _PyCriticalSection_StopEliding(PyInterpreterState *interp);
extern void _PyCriticalSection_UpgradeElided(PyThreadState *tstate);

/* Quiet waits (free-threaded build): a detached thread that has waited a
 * while on a Python-level lock, or sleeps, and holds no object mutex calls
 * _PyCriticalSection_BeginQuietWait; if every other thread state is then
 * in a quiet wait but one, that one is asked (eval-breaker bit) to turn
 * elision back on, which it does in _PyCriticalSection_ResumeEliding when
 * it has no section open.  _PyCriticalSection_EndQuietWait, before the
 * waiter attaches again, turns it off (as the creation of a thread state
 * does).  Both are called detached. */
extern void _PyCriticalSection_BeginQuietWait(PyThreadState *tstate);
extern void _PyCriticalSection_EndQuietWait(PyThreadState *tstate);
extern void _PyCriticalSection_ResumeEliding(PyThreadState *tstate);

static inline int _PyCriticalSection_IsActive(uintptr_t tag)
{
    return tag != 0 && (tag & _Py_CRITICAL_SECTION_INACTIVE) == 0;
}

#ifdef Py_GIL_DISABLED
#include "pycore_pystate.h"

/* interp->cs_elide values */
#define _Py_CS_ELIDE_OFF       0
#define _Py_CS_ELIDE_ON        1
#define _Py_CS_ELIDE_STOPPING  2

/* Inline fast paths of PyCriticalSection_Begin/End for the elided case
 * (the interpreter has a single thread state), which every single-threaded
 * program takes: the out-of-line pair cost about 56 instructions and four
 * calls per section (a list store, a __slots__ read).  Same protocol as
 * try_elide()/end_elided() in Python/critical_section.c.  With several
 * thread states, an uncontended section (try-lock succeeds, no waiter at
 * the unlock) is inline too.  Anything else (no thread state, the mutex
 * held by the innermost section, contention) goes to the functions. */
static inline void
_PyCriticalSection_BeginInline(PyCriticalSection *c, PyObject *op)
{
    PyThreadState *tstate = _PyThreadState_GET();
    if (tstate != NULL) {
        PyInterpreterState *interp = tstate->interp;
        uintptr_t top = tstate->critical_section;
        PyMutex *m = &op->ob_mutex;
        int held = 0;
        if (_PyCriticalSection_IsActive(top)) {
            PyCriticalSection *t = (PyCriticalSection *)(top & ~(uintptr_t)_Py_CRITICAL_SECTION_MASK);
            held = t->_cs_mutex == m ||
                   ((top & _Py_CRITICAL_SECTION_TWO_MUTEXES) &&
                    ((PyCriticalSection2 *)t)->_cs_mutex2 == m);
        }
        if (!held && _Py_atomic_load_int_relaxed(&interp->cs_elide) == _Py_CS_ELIDE_ON) {
            c->_cs_prev = top;
            c->_cs_mutex = m;
            _Py_atomic_store_ssize_relaxed(&interp->cs_elided, interp->cs_elided + 1);
            tstate->critical_section = (uintptr_t)c | _Py_CRITICAL_SECTION_ELIDED;
            /* The creator of a second thread state issues membarrier(2)
             * between clearing the flag and reading the count: only the
             * compiler must keep this order. */
            __atomic_signal_fence(__ATOMIC_SEQ_CST);
            if (_Py_LIKELY(_Py_atomic_load_int_relaxed(&interp->cs_elide) == _Py_CS_ELIDE_ON)) {
                return;
            }
            tstate->critical_section = top;
            _Py_atomic_store_ssize_relaxed(&interp->cs_elided, interp->cs_elided - 1);
        }
        /* Several thread states, the mutex free: what
         * _PyCriticalSection_BeginMutex does when its try-lock succeeds,
         * without the two calls.  Lock, then push (nothing can detach in
         * between). */
        else if (!held && _Py_LIKELY(_PyMutex_TryLock(m))) {
            c->_cs_prev = top;
            c->_cs_mutex = m;
            tstate->critical_section = (uintptr_t)c;
            return;
        }
    }
    PyCriticalSection_Begin(c, op);
}

static inline void
_PyCriticalSection_EndInline(PyCriticalSection *c)
{
    PyThreadState *tstate = _PyThreadState_GET();
    if (tstate != NULL &&
        tstate->critical_section == ((uintptr_t)c | _Py_CRITICAL_SECTION_ELIDED)) {
        PyInterpreterState *interp = tstate->interp;
        _Py_atomic_store_ssize_relaxed(&interp->cs_elided, interp->cs_elided - 1);
        tstate->critical_section = c->_cs_prev;
        return;
    }
    /* A locked section with nobody parked on its mutex: unlock and pop as
     * PyCriticalSection_End does, resuming the section around it only if
     * a detach suspended it.  Anything else (waiters, no thread state, an
     * out-of-order end) goes to the function. */
    if (tstate != NULL && tstate->critical_section == (uintptr_t)c && c->_cs_mutex != NULL) {
        uint8_t expected = _Py_LOCKED;
        if (_Py_LIKELY(_Py_atomic_compare_exchange_uint8(&c->_cs_mutex->_bits, &expected,
                                                         _Py_UNLOCKED))) {
            uintptr_t prev = c->_cs_prev;
            tstate->critical_section = prev;
            if (prev != 0 && (prev & _Py_CRITICAL_SECTION_INACTIVE)) {
                _PyCriticalSection_Resume(tstate);
            }
            return;
        }
    }
    PyCriticalSection_End(c);
}

/* A short step that runs no Python code, never blocks and never checks the
 * eval breaker may use plain loads and stores instead of atomic
 * read-modify-writes while the interpreter has a single thread state: 1 if
 * so, and the caller then ends it with _PyCriticalSection_EndSoleStep.  The
 * step counts as an elided section, so a thread creating a second thread
 * state waits for it to end (the same Dekker pair as an elided section). */
static inline int
_PyCriticalSection_BeginSoleStep(PyThreadState *tstate)
{
    PyInterpreterState *interp = tstate->interp;
    if (_Py_atomic_load_int_relaxed(&interp->cs_elide) != _Py_CS_ELIDE_ON) {
        return 0;
    }
    _Py_atomic_store_ssize_relaxed(&interp->cs_elided, interp->cs_elided + 1);
    __atomic_signal_fence(__ATOMIC_SEQ_CST);
    if (_Py_LIKELY(_Py_atomic_load_int_relaxed(&interp->cs_elide) == _Py_CS_ELIDE_ON)) {
        return 1;
    }
    _Py_atomic_store_ssize_relaxed(&interp->cs_elided, interp->cs_elided - 1);
    return 0;
}

static inline void
_PyCriticalSection_EndSoleStep(PyThreadState *tstate)
{
    PyInterpreterState *interp = tstate->interp;
    /* Release: the step's stores come before the count drops. */
    _Py_atomic_store_ssize_release(&interp->cs_elided, interp->cs_elided - 1);
}

/* Runtime files that include this header get the inline paths. */
#undef Py_BEGIN_CRITICAL_SECTION
#undef Py_END_CRITICAL_SECTION
#define Py_BEGIN_CRITICAL_SECTION(op) \
    { PyCriticalSection _py_cs; _PyCriticalSection_BeginInline(&_py_cs, _PyObject_CAST(op))
#define Py_END_CRITICAL_SECTION() \
    _PyCriticalSection_EndInline(&_py_cs); }
#endif /* Py_GIL_DISABLED */

#endif /* Py_INTERNAL_CRITICAL_SECTION_H */
