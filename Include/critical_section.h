/* critical_section.h: per-object critical sections, the way mutable built-in
 * objects protect themselves in the free-threaded build.
 *
 *   Py_BEGIN_CRITICAL_SECTION(op);  ...  Py_END_CRITICAL_SECTION();
 *   Py_BEGIN_CRITICAL_SECTION2(a, b); ... Py_END_CRITICAL_SECTION2();
 *
 * A section locks the object's ob_mutex.  Sections nest; the thread state
 * keeps a stack of them.  When the thread detaches (blocks on I/O or a lock,
 * or is parked by a stop-the-world) every held section is released, and the
 * innermost is re-taken when the thread re-attaches.  Because a thread never
 * waits while holding a section, lock-order deadlocks cannot happen.  The
 * two-object form locks in address order.  In the default build the GIL
 * already serialises everything and the macros compile to nothing.
 * Implementation: Python/critical_section.c. */
#ifndef Py_CRITICAL_SECTION_H
#define Py_CRITICAL_SECTION_H

#include "object.h"

typedef struct PyCriticalSection {
    uintptr_t _cs_prev;        /* the enclosing section, with tag bits */
    PyMutex *_cs_mutex;
} PyCriticalSection;

typedef struct PyCriticalSection2 {
    PyCriticalSection _cs_base;
    PyMutex *_cs_mutex2;
} PyCriticalSection2;

PyAPI_FUNC(void) PyCriticalSection_Begin(PyCriticalSection *c, PyObject *op);
PyAPI_FUNC(void) PyCriticalSection_End(PyCriticalSection *c);
PyAPI_FUNC(void) PyCriticalSection2_Begin(PyCriticalSection2 *c, PyObject *a, PyObject *b);
PyAPI_FUNC(void) PyCriticalSection2_End(PyCriticalSection2 *c);
/* The same on a bare mutex (runtime structures that are not objects). */
PyAPI_FUNC(void) _PyCriticalSection_BeginMutex(PyCriticalSection *c, PyMutex *m);
PyAPI_FUNC(void) _PyCriticalSection2_BeginMutex(PyCriticalSection2 *c, PyMutex *m1, PyMutex *m2);

#ifdef Py_GIL_DISABLED
#  define Py_BEGIN_CRITICAL_SECTION(op) \
    { PyCriticalSection _py_cs; PyCriticalSection_Begin(&_py_cs, _PyObject_CAST(op))
#  define Py_END_CRITICAL_SECTION() \
    PyCriticalSection_End(&_py_cs); }
#  define Py_BEGIN_CRITICAL_SECTION2(a, b) \
    { PyCriticalSection2 _py_cs2; \
      PyCriticalSection2_Begin(&_py_cs2, _PyObject_CAST(a), _PyObject_CAST(b))
#  define Py_END_CRITICAL_SECTION2() \
    PyCriticalSection2_End(&_py_cs2); }
#  define Py_BEGIN_CRITICAL_SECTION_MUT(m) \
    { PyCriticalSection _py_cs; _PyCriticalSection_BeginMutex(&_py_cs, (m))
#else
#  define Py_BEGIN_CRITICAL_SECTION(op) {
#  define Py_END_CRITICAL_SECTION() }
#  define Py_BEGIN_CRITICAL_SECTION2(a, b) {
#  define Py_END_CRITICAL_SECTION2() }
#  define Py_BEGIN_CRITICAL_SECTION_MUT(m) {
#endif

#endif /* Py_CRITICAL_SECTION_H */
