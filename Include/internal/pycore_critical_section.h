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

static inline int _PyCriticalSection_IsActive(uintptr_t tag)
{
    return tag != 0 && (tag & _Py_CRITICAL_SECTION_INACTIVE) == 0;
}

#endif /* Py_INTERNAL_CRITICAL_SECTION_H */
