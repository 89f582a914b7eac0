/* lock.c: the slow paths of PyMutex, plus PyEvent and _PyRecursiveMutex
 * (Include/pylock.h).
 *
 * PyMutex bits: _Py_LOCKED, and _Py_HAS_PARKED once some thread sleeps in
 * the parking lot on the mutex's address.  A locker spins briefly, then sets
 * HAS_PARKED and parks.  The unlocker wakes one waiter; if that waiter has
 * waited longer than TIME_TO_BE_FAIR_NS it is handed the lock directly (the
 * LOCKED bit never drops), so a thread that keeps re-locking cannot starve
 * it.  Otherwise the woken thread competes with everybody else, which keeps
 * throughput high under short critical sections. */
#include "Python.h"
#include "pycore_parking_lot.h"
#include "pycore_pystate.h"

#include <sched.h>

#define TIME_TO_BE_FAIR_NS (1000 * 1000)   /* 1 ms */
#define MAX_SPIN_COUNT 40
#define SIGNAL_SLICE_NS (50 * 1000 * 1000)   /* 50 ms */

/* Set by the signal module: runs pending signal handlers; -1 if one raised.
 * Used by _PY_LOCK_HANDLE_SIGNALS waits. */
int (*_PyLock_HandleSignalsHook)(void) = NULL;

/* What a parked locker shares with the unlocker (lives on its stack). */
struct mutex_entry {
    PyTime_t time_to_be_fair;   /* monotonic time after which we want a hand-off */
    int handed_off;             /* set by the unlocker: the lock is ours */
};

void
_PyMutex_LockSlow(PyMutex *m)
{
    _PyMutex_LockTimed(m, -1, _PY_LOCK_DETACH);
}

PyLockStatus
_PyMutex_LockTimed(PyMutex *m, PyTime_t timeout, _PyLockFlags flags)
{
    uint8_t v = _Py_atomic_load_uint8_relaxed(&m->_bits);
    if ((v & _Py_LOCKED) == 0) {
        if (_Py_atomic_compare_exchange_uint8(&m->_bits, &v, v | _Py_LOCKED)) {
            return PY_LOCK_ACQUIRED;
        }
    }
    if (timeout == 0) {
        return PY_LOCK_FAILURE;
    }

    PyTime_t now = _PyTime_MonotonicNs();
    PyTime_t endtime = timeout > 0 ? now + timeout : 0;
    struct mutex_entry entry = {
        .time_to_be_fair = now + TIME_TO_BE_FAIR_NS,
        .handed_off = 0,
    };

    int spin_count = 0;
    for (;;) {
        if ((v & _Py_LOCKED) == 0) {
            /* Keep HAS_PARKED if set: other waiters still sleep. */
            if (_Py_atomic_compare_exchange_uint8(&m->_bits, &v, v | _Py_LOCKED)) {
                return PY_LOCK_ACQUIRED;
            }
            continue;
        }

        if (!(v & _Py_HAS_PARKED) && spin_count < MAX_SPIN_COUNT) {
            /* Nobody sleeps yet: the holder is probably about to release. */
            sched_yield();
            spin_count++;
            v = _Py_atomic_load_uint8_relaxed(&m->_bits);
            continue;
        }

        if (timeout == 0) {
            return PY_LOCK_FAILURE;
        }

        uint8_t newv = v | _Py_HAS_PARKED;
        if (!(v & _Py_HAS_PARKED)) {
            if (!_Py_atomic_compare_exchange_uint8(&m->_bits, &v, newv)) {
                continue;
            }
            v = newv;
        }

        /* The main thread, which runs signal handlers, sleeps in slices: a
         * signal that arrives after its last check but before it parks
         * interrupts nothing (the wait would never see EINTR), so it looks
         * again at least every SIGNAL_SLICE_NS. */
        PyTime_t park_timeout = timeout;
        int sliced = 0;
        if ((flags & _PY_LOCK_HANDLE_SIGNALS) && _PyLock_HandleSignalsHook != NULL &&
            (timeout < 0 || timeout > SIGNAL_SLICE_NS) &&
            PyThread_get_thread_ident() == _PyInterpreterState_Main.main_thread_id) {
            park_timeout = SIGNAL_SLICE_NS;
            sliced = 1;
        }
        int park_mode = !(flags & _PY_LOCK_DETACH) ? 0
                        : (flags & _PY_LOCK_QUIET) ? _Py_PARK_QUIET : _Py_PARK_DETACH;
        int ret = _PyParkingLot_Park(&m->_bits, &v, sizeof(v), park_timeout, &entry,
                                     park_mode);
        if (ret == Py_PARK_OK) {
            if (entry.handed_off) {
                /* The unlocker left LOCKED set on our behalf. */
                return PY_LOCK_ACQUIRED;
            }
        }
        else if ((ret == Py_PARK_INTR || (ret == Py_PARK_TIMEOUT && sliced)) &&
                 (flags & _PY_LOCK_HANDLE_SIGNALS)) {
            if (_PyLock_HandleSignalsHook != NULL && _PyLock_HandleSignalsHook() < 0) {
                return PY_LOCK_INTR;
            }
        }

        if (timeout > 0) {
            timeout = endtime - _PyTime_MonotonicNs();
            if (timeout <= 0) {
                /* One more try below, then give up. */
                timeout = 0;
            }
        }
        /* Woken without hand-off: try once more, but do not spin again
         * (yielding to busy threads can cost a time slice per yield); park
         * at once if it is still taken. */
        v = _Py_atomic_load_uint8_relaxed(&m->_bits);
        if (timeout == 0 && (v & _Py_LOCKED)) {
            return PY_LOCK_FAILURE;
        }
    }
}

/* Runs under the parking-lot bucket lock, so the new value of the mutex
 * byte is consistent with the queue (`has_more_waiters`). */
static void
mutex_unpark(void *arg, void *park_arg, int has_more_waiters)
{
    PyMutex *m = (PyMutex *)arg;
    struct mutex_entry *entry = (struct mutex_entry *)park_arg;
    uint8_t v = 0;
    if (entry != NULL) {
        int should_be_fair = _PyTime_MonotonicNs() > entry->time_to_be_fair;
        entry->handed_off = should_be_fair;
        if (should_be_fair) {
            v |= _Py_LOCKED;
        }
        if (has_more_waiters) {
            v |= _Py_HAS_PARKED;
        }
    }
    _Py_atomic_store_uint8(&m->_bits, v);
}

int
_PyMutex_TryUnlock(PyMutex *m)
{
    uint8_t v = _Py_atomic_load_uint8(&m->_bits);
    for (;;) {
        if ((v & _Py_LOCKED) == 0) {
            return -1;
        }
        if (v & _Py_HAS_PARKED) {
            _PyParkingLot_Unpark(&m->_bits, mutex_unpark, m);
            return 0;
        }
        if (_Py_atomic_compare_exchange_uint8(&m->_bits, &v, _Py_UNLOCKED)) {
            return 0;
        }
    }
}

void
_PyMutex_UnlockSlow(PyMutex *m)
{
    if (_PyMutex_TryUnlock(m) < 0) {
        fprintf(stderr, "Fatal Python error: _PyMutex_UnlockSlow: "
                "unlocking a mutex that is not locked\n");
        abort();
    }
}

/* ---- PyEvent: UNLOCKED = not set, LOCKED = set, HAS_PARKED = not set and
 * someone waits. ------------------------------------------------------- */

void
_PyEvent_Notify(PyEvent *evt)
{
    uint8_t v = _Py_atomic_exchange_uint8(&evt->v, _Py_LOCKED);
    if (v == _Py_HAS_PARKED) {
        _PyParkingLot_UnparkAll(&evt->v);
    }
}

void
PyEvent_Wait(PyEvent *evt)
{
    while (!PyEvent_WaitTimed(evt, -1, 1)) {
    }
}

int
PyEvent_WaitTimed(PyEvent *evt, PyTime_t timeout_ns, int detach)
{
    PyTime_t deadline = timeout_ns > 0 ? _PyTime_MonotonicNs() + timeout_ns : 0;
    for (;;) {
        uint8_t v = _Py_atomic_load_uint8(&evt->v);
        if (v == _Py_LOCKED) {
            return 1;
        }
        if (timeout_ns == 0) {
            return 0;
        }
        if (v == _Py_UNLOCKED) {
            if (!_Py_atomic_compare_exchange_uint8(&evt->v, &v, _Py_HAS_PARKED)) {
                continue;
            }
        }
        uint8_t expected = _Py_HAS_PARKED;
        PyTime_t left = -1;
        if (timeout_ns > 0) {
            left = deadline - _PyTime_MonotonicNs();
            if (left <= 0) {
                return _Py_atomic_load_uint8(&evt->v) == _Py_LOCKED;
            }
        }
        _PyParkingLot_Park(&evt->v, &expected, sizeof(expected), left, NULL, detach);
    }
}

/* ---- _PyRecursiveMutex ------------------------------------------------ */

static uintptr_t
recursive_owner_id(void)
{
    return (uintptr_t)PyThread_get_thread_ident();
}

int
_PyRecursiveMutex_IsLockedByCurrentThread(_PyRecursiveMutex *m)
{
    return _Py_atomic_load_uintptr_relaxed(&m->thread) == recursive_owner_id();
}

void
_PyRecursiveMutex_Lock(_PyRecursiveMutex *m)
{
    uintptr_t me = recursive_owner_id();
    if (_Py_atomic_load_uintptr_relaxed(&m->thread) == me) {
        m->level++;
        return;
    }
    PyMutex_Lock(&m->mutex);
    _Py_atomic_store_uintptr_relaxed(&m->thread, me);
    m->level = 0;
}

PyLockStatus
_PyRecursiveMutex_LockTimed(_PyRecursiveMutex *m, PyTime_t timeout_ns,
                            _PyLockFlags flags)
{
    uintptr_t me = recursive_owner_id();
    if (_Py_atomic_load_uintptr_relaxed(&m->thread) == me) {
        m->level++;
        return PY_LOCK_ACQUIRED;
    }
    PyLockStatus st = _PyMutex_LockTimed(&m->mutex, timeout_ns, flags);
    if (st == PY_LOCK_ACQUIRED) {
        _Py_atomic_store_uintptr_relaxed(&m->thread, me);
        m->level = 0;
    }
    return st;
}

int
_PyRecursiveMutex_TryUnlock(_PyRecursiveMutex *m)
{
    if (!_PyRecursiveMutex_IsLockedByCurrentThread(m)) {
        return -1;
    }
    if (m->level > 0) {
        m->level--;
        return 0;
    }
    _Py_atomic_store_uintptr_relaxed(&m->thread, 0);
    PyMutex_Unlock(&m->mutex);
    return 0;
}

void
_PyRecursiveMutex_Unlock(_PyRecursiveMutex *m)
{
    if (_PyRecursiveMutex_TryUnlock(m) < 0) {
        fprintf(stderr, "Fatal Python error: _PyRecursiveMutex_Unlock: "
                "unlocking a recursive mutex not held by this thread\n");
        abort();
    }
}
