/* parking_lot.c: the address-keyed parking lot (pycore_parking_lot.h).
 *
 * Layout: a fixed table of buckets.  Each bucket has a tiny futex lock of its
 * own (not a PyMutex: PyMutex parks here) and a FIFO queue of waiters.  A
 * waiter lives on the parked thread's stack and carries a futex "semaphore"
 * the unparker posts.  The unparker marks the waiter `is_unparking` under
 * the bucket lock before posting, so a waiter whose timeout fires at the
 * same moment knows to wait for the post instead of returning with the
 * unparker still about to touch its stack. */
#include "Python.h"
#include "pycore_parking_lot.h"
#include "pycore_pystate.h"
#include "pycore_critical_section.h"

#include <errno.h>
#include <limits.h>
#include <linux/futex.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#define NUM_BUCKETS 257

/* ---- futex helpers ---------------------------------------------------- */

/* Wait while *addr == val; timeout_ns < 0 waits forever.  Returns 0, or an
 * errno value (ETIMEDOUT, EINTR, EAGAIN). */
static int
futex_wait(uint32_t *addr, uint32_t val, PyTime_t timeout_ns)
{
    struct timespec ts, *tsp = NULL;
    if (timeout_ns >= 0) {
        ts.tv_sec = (time_t)(timeout_ns / 1000000000);
        ts.tv_nsec = (long)(timeout_ns % 1000000000);
        tsp = &ts;
    }
    long r = syscall(SYS_futex, addr, FUTEX_WAIT_PRIVATE, val, tsp, NULL, 0);
    return r == 0 ? 0 : errno;
}

static void
futex_wake(uint32_t *addr, int n)
{
    syscall(SYS_futex, addr, FUTEX_WAKE_PRIVATE, n, NULL, NULL, 0);
}

/* ---- bucket lock: 0 unlocked, 1 locked, 2 locked with sleepers -------- */

static void
rawlock_lock(uint32_t *l)
{
    uint32_t c = 0;
    if (_Py_atomic_compare_exchange_uint32(l, &c, 1)) {
        return;
    }
    for (int spin = 0; spin < 40; spin++) {
        c = 0;
        if (_Py_atomic_compare_exchange_uint32(l, &c, 1)) {
            return;
        }
    }
    /* Announce a sleeper by storing 2; whoever sees 0 in the exchange got it. */
    while (_Py_atomic_exchange_uint32(l, 2) != 0) {
        futex_wait(l, 2, -1);
    }
}

static void
rawlock_unlock(uint32_t *l)
{
    if (_Py_atomic_exchange_uint32(l, 0) == 2) {
        futex_wake(l, 1);
    }
}

/* ---- per-waiter semaphore --------------------------------------------- */

typedef struct {
    uint32_t value;
} semaphore_t;

static void
sema_post(semaphore_t *s)
{
    _Py_atomic_add_uint32(&s->value, 1);
    futex_wake(&s->value, 1);
}

/* Py_PARK_OK once posted, Py_PARK_TIMEOUT or Py_PARK_INTR otherwise. */
static int
sema_wait(semaphore_t *s, PyTime_t timeout_ns)
{
    PyTime_t deadline = timeout_ns > 0 ? _PyTime_MonotonicNs() + timeout_ns : 0;
    for (;;) {
        uint32_t v = _Py_atomic_load_uint32(&s->value);
        if (v > 0) {
            if (_Py_atomic_compare_exchange_uint32(&s->value, &v, v - 1)) {
                return Py_PARK_OK;
            }
            continue;
        }
        PyTime_t left = -1;
        if (timeout_ns == 0) {
            return Py_PARK_TIMEOUT;
        }
        if (timeout_ns > 0) {
            left = deadline - _PyTime_MonotonicNs();
            if (left <= 0) {
                return Py_PARK_TIMEOUT;
            }
        }
        int err = futex_wait(&s->value, 0, left);
        if (err == EINTR) {
            if (_Py_atomic_load_uint32(&s->value) > 0) {
                continue;
            }
            return Py_PARK_INTR;
        }
        /* 0, EAGAIN (value changed) or ETIMEDOUT: re-check at the top. */
    }
}

/* ---- buckets ---------------------------------------------------------- */

struct wait_entry {
    struct wait_entry *next;
    struct wait_entry *prev;
    const void *addr;
    void *park_arg;
    int is_unparking;
    semaphore_t sema;
};

typedef struct {
    uint32_t lock;
    /* Circular doubly linked FIFO with a sentinel `head`. */
    struct wait_entry head;
    int initialized;
} bucket_t;

static bucket_t buckets[NUM_BUCKETS];

static bucket_t *
bucket_for(const void *addr)
{
    uintptr_t a = (uintptr_t)addr;
    /* Mix in high bits; locks are often 8- or 16-byte aligned. */
    a ^= a >> 17;
    bucket_t *b = &buckets[(a >> 3) % NUM_BUCKETS];
    return b;
}

/* Called with the bucket lock held. */
static void
bucket_init_locked(bucket_t *b)
{
    if (!b->initialized) {
        b->head.next = b->head.prev = &b->head;
        b->initialized = 1;
    }
}

static void
enqueue(bucket_t *b, struct wait_entry *w)
{
    w->prev = b->head.prev;
    w->next = &b->head;
    b->head.prev->next = w;
    b->head.prev = w;
}

static void
dequeue(struct wait_entry *w)
{
    w->prev->next = w->next;
    w->next->prev = w->prev;
    w->next = w->prev = NULL;
}

static int
value_equals(const void *addr, const void *expected, size_t size)
{
    switch (size) {
    case 1: return _Py_atomic_load_uint8((const uint8_t *)addr) == *(const uint8_t *)expected;
    case 2: return _Py_atomic_load_uint16((const uint16_t *)addr) == *(const uint16_t *)expected;
    case 4: return _Py_atomic_load_uint32((const uint32_t *)addr) == *(const uint32_t *)expected;
    case 8: return _Py_atomic_load_uint64((const uint64_t *)addr) == *(const uint64_t *)expected;
    default:
        fprintf(stderr, "Fatal Python error: _PyParkingLot_Park: bad size %zu\n", size);
        abort();
    }
}

/* How long a _Py_PARK_QUIET park lasts before it becomes a quiet wait
 * (free-threaded build): ending one costs the waker a membarrier(2) and a
 * wait for the running thread's next eval-breaker check, small against
 * this; shorter waits (a queue hand-off) never pay it. */
#define QUIET_AFTER_NS (2 * 1000 * 1000)

/* Sleep on the semaphore, detaching the thread state if asked and
 * attached, so nobody waits on a lock while holding the GIL or blocking a
 * stop-the-world. */
static int
park_wait(struct wait_entry *w, PyTime_t timeout_ns, int detach)
{
    PyThreadState *tstate = NULL;
    if (detach) {
        tstate = _PyThreadState_GET();
        if (tstate != NULL &&
            _Py_atomic_load_int_relaxed(&tstate->state) == _Py_THREAD_ATTACHED) {
            /* Try once without detaching: a short wait is cheaper than a
             * GIL hand-over. */
            int res = sema_wait(&w->sema, 0);
            if (res == Py_PARK_OK) {
                return res;
            }
            _PyThreadState_Detach(tstate);
        }
        else {
            tstate = NULL;
        }
    }
    int res;
#ifdef Py_GIL_DISABLED
    if (tstate != NULL && detach == _Py_PARK_QUIET &&
        (timeout_ns < 0 || timeout_ns > QUIET_AFTER_NS)) {
        res = sema_wait(&w->sema, QUIET_AFTER_NS);
        if (res == Py_PARK_TIMEOUT) {
            _PyCriticalSection_BeginQuietWait(tstate);
            res = sema_wait(&w->sema, timeout_ns < 0 ? -1 : timeout_ns - QUIET_AFTER_NS);
            _PyCriticalSection_EndQuietWait(tstate);
        }
    }
    else
#endif
    {
        res = sema_wait(&w->sema, timeout_ns);
    }
    if (tstate != NULL) {
        _PyThreadState_Attach(tstate);
    }
    return res;
}

int
_PyParkingLot_Park(const void *addr, const void *expected, size_t size,
                   PyTime_t timeout_ns, void *park_arg, int detach)
{
    bucket_t *b = bucket_for(addr);
    struct wait_entry w = { .addr = addr, .park_arg = park_arg };

    rawlock_lock(&b->lock);
    bucket_init_locked(b);
    if (!value_equals(addr, expected, size)) {
        rawlock_unlock(&b->lock);
        return Py_PARK_AGAIN;
    }
    enqueue(b, &w);
    rawlock_unlock(&b->lock);

    int res = park_wait(&w, timeout_ns, detach);
    if (res == Py_PARK_OK) {
        return res;
    }

    /* Timed out or interrupted: leave the queue, unless an unparker has
     * already taken us off it and is about to post. */
    rawlock_lock(&b->lock);
    if (w.is_unparking) {
        rawlock_unlock(&b->lock);
        while (sema_wait(&w.sema, -1) != Py_PARK_OK) {
        }
        return Py_PARK_OK;
    }
    dequeue(&w);
    rawlock_unlock(&b->lock);
    return res;
}

void
_PyParkingLot_Unpark(const void *addr, _Py_unpark_fn_t *fn, void *arg)
{
    bucket_t *b = bucket_for(addr);
    struct wait_entry *found = NULL;
    int has_more = 0;

    rawlock_lock(&b->lock);
    bucket_init_locked(b);
    for (struct wait_entry *w = b->head.next; w != &b->head; w = w->next) {
        if (w->addr != addr) {
            continue;
        }
        if (found == NULL) {
            found = w;
        }
        else {
            has_more = 1;
            break;
        }
    }
    if (found != NULL) {
        dequeue(found);
        found->is_unparking = 1;
    }
    fn(arg, found ? found->park_arg : NULL, has_more);
    rawlock_unlock(&b->lock);

    if (found != NULL) {
        sema_post(&found->sema);
    }
}

void
_PyParkingLot_UnparkAll(const void *addr)
{
    bucket_t *b = bucket_for(addr);
    struct wait_entry local;
    local.next = local.prev = &local;

    /* Move the matching waiters to a private list, then post outside the
     * lock. */
    rawlock_lock(&b->lock);
    bucket_init_locked(b);
    struct wait_entry *w = b->head.next;
    while (w != &b->head) {
        struct wait_entry *next = w->next;
        if (w->addr == addr) {
            dequeue(w);
            w->is_unparking = 1;
            w->prev = local.prev;
            w->next = &local;
            local.prev->next = w;
            local.prev = w;
        }
        w = next;
    }
    rawlock_unlock(&b->lock);

    w = local.next;
    while (w != &local) {
        /* Read `next` before posting: once posted, the waiter's stack frame
         * (and so the entry) may be gone. */
        struct wait_entry *next = w->next;
        sema_post(&w->sema);
        w = next;
    }
}

void
_PyParkingLot_AfterFork(void)
{
    /* Only the forking thread survives; every queued entry belonged to a
     * thread that no longer exists. */
    for (size_t i = 0; i < NUM_BUCKETS; i++) {
        buckets[i].lock = 0;
        buckets[i].head.next = buckets[i].head.prev = &buckets[i].head;
        buckets[i].initialized = 1;
    }
}
