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
 * alias) locks nothing. */
#include "Python.h"
#include "pycore_pystate.h"
#include "pycore_critical_section.h"

static inline PyCriticalSection *
untag(uintptr_t v)
{
    return (PyCriticalSection *)(v & ~(uintptr_t)_Py_CRITICAL_SECTION_MASK);
}

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
        /* No thread state: plain locking, no stack. */
        c->_cs_prev = 0;
        c->_cs_mutex = m;
        _PyMutex_LockNoDetach(m);
        return;
    }
    if (held_by_top(tstate, m)) {
        m = NULL;
    }
    c->_cs_prev = tstate->critical_section;
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
