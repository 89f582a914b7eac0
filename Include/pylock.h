/* pylock.h: PyMutex, the one-byte lock used for per-object locks and most
 * runtime locks.  Bit 0 says locked, bit 1 says some thread is parked on it.
 * Locking is one compare-and-swap when uncontended; otherwise the thread
 * spins briefly, then parks in the parking lot (Python/parking_lot.c), keyed
 * by the mutex's address.  A waiter that has waited longer than about 1 ms is
 * handed the lock directly by the unlocker, so nobody starves.
 * The slow paths are in Python/lock.c. */
#ifndef Py_LOCK_H
#define Py_LOCK_H

#include "pyport.h"
#include "pyatomic.h"

#define _Py_UNLOCKED    0
#define _Py_LOCKED      1
#define _Py_HAS_PARKED  2

typedef struct PyMutex {
    uint8_t _bits;
} PyMutex;

typedef enum _PyLockFlags {
    _Py_LOCK_DONT_DETACH = 0,  /* wait without detaching the thread state */
    _PY_LOCK_DETACH = 1,       /* detach (release the GIL) while waiting */
    _PY_LOCK_HANDLE_SIGNALS = 2, /* return PY_LOCK_INTR if a signal handler raised */
    _PY_LOCK_QUIET = 4,        /* a Python-level lock, waited for holding no
                                  object's mutex: a long wait is quiet
                                  (Python/critical_section.c) */
} _PyLockFlags;

typedef enum PyLockStatus {
    PY_LOCK_FAILURE = 0,
    PY_LOCK_ACQUIRED = 1,
    PY_LOCK_INTR = 2,
} PyLockStatus;

/* Timeouts in nanoseconds; negative means wait forever, 0 means don't wait. */
typedef int64_t PyTime_t;

PyAPI_FUNC(void) _PyMutex_LockSlow(PyMutex *m);
PyAPI_FUNC(void) _PyMutex_UnlockSlow(PyMutex *m);
PyAPI_FUNC(PyLockStatus) _PyMutex_LockTimed(PyMutex *m, PyTime_t timeout_ns,
                                            _PyLockFlags flags);
/* 0 on success, -1 if the mutex was not locked. */
PyAPI_FUNC(int) _PyMutex_TryUnlock(PyMutex *m);

/* Installed by the signal module: runs pending Python signal handlers and
 * returns -1 if one raised.  A _PY_LOCK_HANDLE_SIGNALS wait interrupted by a
 * signal calls it and gives up with PY_LOCK_INTR on -1. */
extern int (*_PyLock_HandleSignalsHook)(void);

static inline void PyMutex_Lock(PyMutex *m)
{
    uint8_t expected = _Py_UNLOCKED;
    if (!_Py_atomic_compare_exchange_uint8(&m->_bits, &expected, _Py_LOCKED)) {
        _PyMutex_LockSlow(m);
    }
}

static inline void PyMutex_Unlock(PyMutex *m)
{
    uint8_t expected = _Py_LOCKED;
    if (!_Py_atomic_compare_exchange_uint8(&m->_bits, &expected, _Py_UNLOCKED)) {
        _PyMutex_UnlockSlow(m);
    }
}

static inline int PyMutex_IsLocked(PyMutex *m)
{
    return (_Py_atomic_load_uint8(&m->_bits) & _Py_LOCKED) != 0;
}

static inline int _PyMutex_TryLock(PyMutex *m)
{
    uint8_t expected = _Py_UNLOCKED;
    return _Py_atomic_compare_exchange_uint8(&m->_bits, &expected, _Py_LOCKED);
}

/* Lock without detaching: for runtime locks held only for short stretches,
 * and for code that runs with no thread state. */
static inline void _PyMutex_LockNoDetach(PyMutex *m)
{
    if (!_PyMutex_TryLock(m)) {
        _PyMutex_LockTimed(m, -1, _Py_LOCK_DONT_DETACH);
    }
}

/* PyEvent: a one-shot event.  Once set it stays set. */
typedef struct {
    uint8_t v;
} PyEvent;
PyAPI_FUNC(void) _PyEvent_Notify(PyEvent *evt);
PyAPI_FUNC(void) PyEvent_Wait(PyEvent *evt);
/* 1 if the event was set within the timeout; `detach` releases the thread
 * state while waiting. */
PyAPI_FUNC(int) PyEvent_WaitTimed(PyEvent *evt, PyTime_t timeout_ns, int detach);
static inline int _PyEvent_IsSet(PyEvent *evt)
{
    return _Py_atomic_load_uint8(&evt->v) == _Py_LOCKED;
}

/* A mutex the owning thread may lock again. */
typedef struct {
    PyMutex mutex;
    uintptr_t thread;   /* owner's PyThread_get_thread_ident_ex(), 0 if none */
    size_t level;
} _PyRecursiveMutex;
PyAPI_FUNC(int) _PyRecursiveMutex_IsLockedByCurrentThread(_PyRecursiveMutex *m);
PyAPI_FUNC(void) _PyRecursiveMutex_Lock(_PyRecursiveMutex *m);
PyAPI_FUNC(PyLockStatus) _PyRecursiveMutex_LockTimed(_PyRecursiveMutex *m,
                                                     PyTime_t timeout_ns,
                                                     _PyLockFlags flags);
PyAPI_FUNC(void) _PyRecursiveMutex_Unlock(_PyRecursiveMutex *m);
/* 0 on success, -1 if the calling thread does not hold it. */
PyAPI_FUNC(int) _PyRecursiveMutex_TryUnlock(_PyRecursiveMutex *m);

#endif /* Py_LOCK_H */
