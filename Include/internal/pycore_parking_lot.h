/* pycore_parking_lot.h: a parking lot keyed by address.
 *
 * A thread that must wait for the value at some address to change "parks"
 * on that address; another thread that changes it "unparks" one or all of
 * the threads parked there.  This is what PyMutex, PyEvent and the
 * stop-the-world machinery sleep on, so none of them needs more than a byte
 * or an int of state.  Addresses hash to buckets; each bucket has a small
 * lock and a FIFO queue of waiters, and each waiter sleeps on its own futex.
 * Implementation: Python/parking_lot.c. */
#ifndef Py_INTERNAL_PARKING_LOT_H
#define Py_INTERNAL_PARKING_LOT_H

#include "Python.h"

enum {
    Py_PARK_OK = 0,        /* woken by an unpark */
    Py_PARK_AGAIN = -1,    /* *addr no longer held *expected: did not park */
    Py_PARK_TIMEOUT = -2,  /* the timeout expired */
    Py_PARK_INTR = -3,     /* a signal interrupted the wait */
};

/* Park the calling thread on `addr` if the `size` bytes (1, 2, 4 or 8) at
 * `addr` still equal those at `expected`; the comparison happens under the
 * bucket lock, so an unpark that follows a change of *addr cannot be missed.
 * `timeout_ns` < 0 waits forever.  `park_arg` is handed to the unparker's
 * callback.  If `detach` and the thread has an attached thread state, it is
 * detached while parked (and re-attached before returning); `detach` ==
 * _Py_PARK_QUIET also makes a park that lasts a while a quiet wait
 * (free-threaded build, Python/critical_section.c). */
#define _Py_PARK_DETACH 1
#define _Py_PARK_QUIET  2
extern int _PyParkingLot_Park(const void *addr, const void *expected,
                              size_t size, PyTime_t timeout_ns,
                              void *park_arg, int detach);

/* Wake the first thread parked on `addr`, if any.  `fn(arg, park_arg,
 * has_more_waiters)` runs under the bucket lock before the thread wakes;
 * park_arg is NULL if nobody was parked.  Use it to update *addr
 * consistently with the queue. */
typedef void _Py_unpark_fn_t(void *arg, void *park_arg, int has_more_waiters);
extern void _PyParkingLot_Unpark(const void *addr, _Py_unpark_fn_t *fn, void *arg);

/* Wake every thread parked on `addr`. */
extern void _PyParkingLot_UnparkAll(const void *addr);

/* In the child after fork(): forget every waiter (their threads are gone). */
extern void _PyParkingLot_AfterFork(void);

#endif /* Py_INTERNAL_PARKING_LOT_H */
