/* refcount.h: reference counting.  Py_INCREF/Py_DECREF and friends for both
 * builds, immortal objects, and (free-threaded build) biased reference
 * counting with try-incref primitives for lock-free readers.
 *
 * Biased counting in one paragraph: the thread that created an object owns
 * it and counts in ob_ref_local with plain loads and stores.  Every other
 * thread counts in ob_ref_shared with atomics, shifted left by three; the
 * low bits say whether the object may have weak references, whether it has
 * been queued to its owner, whether the two counts were merged (the owner
 * gave up ownership), and whether other threads count it in their own
 * foreign tables instead (then only a settle frees it: Objects/refcount.c).  A non-owner decref that would take the shared count below
 * zero queues the object to the owner (Python/brc.c), which merges the counts
 * at its next eval-breaker check and frees the object if the total is zero.
 *
 * Deferred objects (functions, code objects, modules, heap types: what every
 * thread touches on every call) have no owner and are counted per thread: an
 * incref adds one to the running thread's own array slot for the object (a
 * plain add, no atomic, no shared cache line), so threads running the same
 * code do not fight over its count.  The slot index lives in ob_ref_local.
 * Only the cycle collector knows the true count: with the world stopped it
 * folds every thread's slots into ob_ref_shared (_Py_MergeThreadRefcounts)
 * and frees deferred objects it finds unreachable, after turning them back
 * into ordinary (merged) objects.
 */
#ifndef Py_REFCOUNT_H
#define Py_REFCOUNT_H

PyAPI_FUNC(void) _Py_Dealloc(PyObject *op);

#ifdef Py_GIL_DISABLED

#define _Py_REF_SHARED_SHIFT   3
#define _Py_REF_SHARED_FLAG_MASK 0x3
#define _Py_REF_SHARED_INIT    0x0
#define _Py_REF_MAYBE_WEAKREF  0x1
#define _Py_REF_QUEUED         0x2
#define _Py_REF_MERGED         0x3
/* Bit 2, beside the two-bit state above: threads other than the owner
 * count the object in their own foreign tables (Objects/refcount.c), so no
 * value of the shared field proves it dead; only the collector frees it. */
#define _Py_REF_FOREIGN        0x4
#define _Py_REF_SHARED(refcnt, flags) (((refcnt) << _Py_REF_SHARED_SHIFT) + (flags))

/* The owning thread's identity: the thread pointer (TLS base), which is
 * unique among live threads and costs one instruction to read. */
static inline uintptr_t _Py_ThreadId(void)
{
    uintptr_t tid;
#if defined(__GNUC__) && !defined(__clang__) && __GNUC__ >= 11 && \
    (defined(__x86_64__) || defined(__aarch64__))
    /* The builtin, unlike an asm statement, is a value GCC may keep in a
     * register across a whole function (the eval loop compares it with
     * ob_tid in every Py_INCREF). */
    tid = (uintptr_t)__builtin_thread_pointer();
#elif defined(__x86_64__)
    __asm__("movq %%fs:0, %0" : "=r"(tid));
#elif defined(__aarch64__)
    __asm__("mrs %0, tpidr_el0" : "=r"(tid));
#else
    static _Thread_local char _py_tid_anchor;
    tid = (uintptr_t)&_py_tid_anchor;
#endif
    return tid;
}

static inline int _Py_IsOwnedByCurrentThread(PyObject *ob)
{
    return _Py_atomic_load_uintptr_relaxed(&ob->ob_tid) == _Py_ThreadId();
}

static inline int _Py_IsImmortal(PyObject *op)
{
    return _Py_atomic_load_uint32_relaxed(&op->ob_ref_local) == _Py_IMMORTAL_REFCNT_LOCAL;
}

static inline int _PyObject_HasDeferredRefcount(PyObject *op)
{
    return (op->ob_flags & _Py_OBJ_FLAG_DEFERRED) != 0;
}

/* For a deferred object this is the merged part only: the running threads'
 * own counts are folded in by the collector (exact while it runs). */
/* The running thread's own count of a foreign object (0 if none), which
 * the shared field does not show yet.  Objects/refcount.c. */
PyAPI_FUNC(Py_ssize_t) _Py_ForeignRefcntAdjust(PyObject *ob);

static inline Py_ssize_t Py_REFCNT(PyObject *ob)
{
    uint32_t local = _Py_atomic_load_uint32_relaxed(&ob->ob_ref_local);
    if (local == _Py_IMMORTAL_REFCNT_LOCAL) {
        return _Py_IMMORTAL_REFCNT;
    }
    Py_ssize_t shared = _Py_atomic_load_ssize_relaxed(&ob->ob_ref_shared);
    if (_PyObject_HasDeferredRefcount(ob)) {
        return shared >> _Py_REF_SHARED_SHIFT;
    }
    Py_ssize_t n = (Py_ssize_t)local + (shared >> _Py_REF_SHARED_SHIFT);
    if (shared & _Py_REF_FOREIGN) {
        n += _Py_ForeignRefcntAdjust(ob);
    }
    return n;
}

/* Slow paths, in Objects/refcount.c. */
PyAPI_FUNC(void) _Py_DecRefShared(PyObject *op);
PyAPI_FUNC(void) _Py_MergeZeroLocalRefcount(PyObject *op);
PyAPI_FUNC(Py_ssize_t) _Py_ExplicitMergeRefcount(PyObject *op, Py_ssize_t extra);

/* Per-thread counts of deferred objects, one array per thread state.  The
 * attached thread's array is reached through a thread-local pointer (set
 * when a thread state attaches), so the fast path is a bounds check and a
 * plain add.  Only the owning thread writes it; the collector reads and
 * clears it with the world stopped. */
typedef struct { PyObject *op; Py_ssize_t delta; } _Py_foreign_ref;
typedef struct _Py_thread_refcounts {
    Py_ssize_t *values;       /* indexed by the object's slot */
    Py_ssize_t size;
    /* This thread's counts of foreign objects (other owners' objects it
     * increments, marked _Py_REF_FOREIGN): a table made at the first one
     * (Objects/refcount.c). */
    struct _Py_foreign_state *foreign;
} _Py_thread_refcounts;
extern _Thread_local _Py_thread_refcounts *_Py_tls_refcounts;
/* World stopped, right after a settle (stop_world in Python/gc.c): clear
 * `op`'s foreign flag, which no table can be relying on then. */
PyAPI_FUNC(void) _Py_ForeignClearStale(PyObject *op);
/* World stopped, right after a settle: make `op` (garbage the collector
 * is about to free) count exactly whoever drops it: no stale foreign flag,
 * and no owner other than the running thread. */
PyAPI_FUNC(void) _Py_DisownStopped(PyObject *op);
/* Does a settle have objects to look at that the running thread (or a
 * thread without a table) remembered? */
PyAPI_FUNC(int) _Py_ForeignSettlePending(void);
/* Collector, world stopped: fold every thread's counts into the objects. */
PyAPI_FUNC(void) _Py_MergeThreadRefcounts(PyInterpreterState *interp);
/* A thread state leaving (attached): fold its counts in and free its array. */
PyAPI_FUNC(void) _Py_ThreadRefcountsRemove(_Py_thread_refcounts *rc);
/* The child of fork(): the slot table's lock may have been held. */
PyAPI_FUNC(void) _Py_RefcountAfterFork(void);
PyAPI_FUNC(void) _Py_ThreadRefcountSlow(PyObject *op, Py_ssize_t delta);

static inline void _Py_ThreadRefcountAdd(PyObject *op, Py_ssize_t delta)
{
    uint32_t slot = _Py_atomic_load_uint32_relaxed(&op->ob_ref_local);
    _Py_thread_refcounts *rc = _Py_tls_refcounts;
    if (_Py_LIKELY(rc != NULL && (Py_ssize_t)slot < rc->size)) {
        rc->values[slot] += delta;
    }
    else {
        _Py_ThreadRefcountSlow(op, delta);
    }
}

/* Non-owner increments and decrements of ordinary objects, in
 * Objects/refcount.c: the atomic shared count, and on a decrement the queue
 * to the owner or the free.  Out of line on purpose: with these branches
 * inlined Py_INCREF/Py_DECREF grew too big for GCC to inline, so every
 * count change became a call (6-7% of a run in an out-of-line Py_DECREF).
 * The functions take any object (immortal and deferred ones too). */
PyAPI_FUNC(void) _Py_IncRefNonOwner(PyObject *op);
PyAPI_FUNC(void) _Py_DecRefNonOwner(PyObject *op);

/* The owner's change of its own count: one read-modify-write instruction,
 * not locked.  Only the owner writes ob_ref_local (others read it, with
 * relaxed loads, to test immortality or sum the counts), and an aligned
 * 4-byte store is never seen torn.  As an asm statement the increment is
 * one instruction on x86-64 -- a relaxed atomic load and store, which
 * compilers never fuse, take three, and Py_INCREF is everywhere (volatile:
 * its only effect is on memory, which the compiler must not judge unused).
 * Under ThreadSanitizer the atomics stay, so that it sees every access. */
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__SANITIZE_THREAD__)
#define _Py_REFCOUNT_ASM 1
#if defined(__has_feature)
#if __has_feature(thread_sanitizer)
#undef _Py_REFCOUNT_ASM
#endif
#endif
#endif
#ifdef _Py_REFCOUNT_ASM
static inline _Py_ALWAYS_INLINE void _Py_LocalRefcountInc(PyObject *op)
{
    __asm__ volatile("addl $1, %0" : "+m"(op->ob_ref_local) : : "cc");
}

/* 1 when the count reached zero. */
static inline _Py_ALWAYS_INLINE int _Py_LocalRefcountDec(PyObject *op)
{
    int zero;
    __asm__ volatile("subl $1, %0" : "+m"(op->ob_ref_local), "=@ccz"(zero));
    return zero;
}
#else
static inline _Py_ALWAYS_INLINE void _Py_LocalRefcountInc(PyObject *op)
{
    uint32_t local = _Py_atomic_load_uint32_relaxed(&op->ob_ref_local);
    _Py_atomic_store_uint32_relaxed(&op->ob_ref_local, local + 1);
}

static inline _Py_ALWAYS_INLINE int _Py_LocalRefcountDec(PyObject *op)
{
    uint32_t local = _Py_atomic_load_uint32_relaxed(&op->ob_ref_local) - 1;
    _Py_atomic_store_uint32_relaxed(&op->ob_ref_local, local);
    return local == 0;
}
#endif

/* Inline: the owner's path, and the two cheap non-owner cases that hot code
 * meets all the time, immortal objects (None, small ints: nothing to do) and
 * deferred ones (functions, code, modules, classes: one add to this
 * thread's array).  Measured: moving those two out of line too costs more
 * calls than the smaller code saves.  An immortal object never has an owner
 * (ob_tid is 0 for static objects and after _Py_SetImmortal, the only ways
 * to make one), so the owner's path needs no immortality check: a compare
 * with the thread pointer (kept in a register) and an add to memory. */
static inline _Py_ALWAYS_INLINE void Py_INCREF(PyObject *op)
{
    if (_Py_LIKELY(_Py_IsOwnedByCurrentThread(op))) {
        _Py_LocalRefcountInc(op);
    }
    else if (_Py_atomic_load_uint32_relaxed(&op->ob_ref_local) != _Py_IMMORTAL_REFCNT_LOCAL) {
        if (_PyObject_HasDeferredRefcount(op)) {
            _Py_ThreadRefcountAdd(op, 1);
        }
        else {
            _Py_IncRefNonOwner(op);
        }
    }
}

static inline _Py_ALWAYS_INLINE void Py_DECREF(PyObject *op)
{
    if (_Py_LIKELY(_Py_IsOwnedByCurrentThread(op))) {
        if (_Py_LocalRefcountDec(op)) {
            _Py_MergeZeroLocalRefcount(op);
        }
    }
    else if (_Py_atomic_load_uint32_relaxed(&op->ob_ref_local) != _Py_IMMORTAL_REFCNT_LOCAL) {
        if (_PyObject_HasDeferredRefcount(op)) {
            /* Never frees: only the collector can see the whole count. */
            _Py_ThreadRefcountAdd(op, -1);
        }
        else {
            _Py_DecRefNonOwner(op);
        }
    }
}

/* The only way to make an object immortal at run time: it also clears the
 * owner, which Py_INCREF/Py_DECREF rely on. */
static inline void _Py_SetImmortal(PyObject *op)
{
    if (op) {
        _Py_atomic_store_uintptr_relaxed(&op->ob_tid, 0);
        _Py_atomic_store_uint32_relaxed(&op->ob_ref_local, _Py_IMMORTAL_REFCNT_LOCAL);
        _Py_atomic_store_ssize_relaxed(&op->ob_ref_shared, 0);
    }
}

/* A fresh object: owned by the creating thread, count one. */
static inline void _Py_NewReference_Count(PyObject *op)
{
    op->ob_tid = _Py_ThreadId();
    op->ob_flags = 0;
    op->ob_mutex = (PyMutex){0};
    op->ob_gc_bits = 0;
    op->ob_ref_local = 1;
    op->ob_ref_shared = 0;
}

/* ---- try-incref, for readers that hold no lock -------------------------
 * They succeed only while the object is alive; a reader that loaded `op`
 * from a shared slot must still check the slot afterwards
 * (_Py_TryIncrefCompare), because the object may have been replaced and the
 * memory is then kept valid only by QSBR.  The owner's case is inline; the
 * others (immortal, deferred, shared count) are in Objects/refcount.c. */
PyAPI_FUNC(int) _Py_TryIncrefNonOwner(PyObject *op);
PyAPI_FUNC(int) _Py_TryIncrefCompareNonOwner(PyObject **src, PyObject *op);
/* Only the shared count's CAS loop (no immortal or deferred case). */
PyAPI_FUNC(int) _Py_TryIncRefShared(PyObject *op);

static inline int _Py_TryIncref(PyObject *op)
{
    if (_Py_LIKELY(_Py_IsOwnedByCurrentThread(op))) {
        _Py_LocalRefcountInc(op);
        return 1;
    }
    return _Py_TryIncrefNonOwner(op);
}

/* Incref `op` if it is alive and `*src` still holds it. */
static inline int _Py_TryIncrefCompare(PyObject **src, PyObject *op)
{
    if (_Py_LIKELY(_Py_IsOwnedByCurrentThread(op))) {
        _Py_LocalRefcountInc(op);
        if (_Py_LIKELY(_Py_atomic_load_ptr(src) == op)) {
            return 1;
        }
        Py_DECREF(op);
        return 0;
    }
    return _Py_TryIncrefCompareNonOwner(src, op);
}

/* Deferred reference counting (see the top of this file).  Set by the
 * creating thread on a new GC-tracked object before anyone else can see it;
 * from then on it is freed only by the cycle collector.  Does nothing if no
 * slot can be had (the object then stays an ordinary one). */
PyAPI_FUNC(void) _PyObject_SetDeferredRefcount(PyObject *op);
/* Collector only, world stopped, after _Py_MergeThreadRefcounts: make a
 * deferred object an ordinary merged one again (it is about to be freed). */
PyAPI_FUNC(void) _PyObject_ClearDeferredRefcount(PyObject *op);

#else /* !Py_GIL_DISABLED */

static inline int _Py_IsImmortal(PyObject *op)
{
    return op->ob_refcnt >= _Py_IMMORTAL_MIN_REFCNT;
}

static inline Py_ssize_t Py_REFCNT(PyObject *ob)
{
    return ob->ob_refcnt;
}

static inline void Py_INCREF(PyObject *op)
{
    if (_Py_IsImmortal(op)) {
        return;
    }
    op->ob_refcnt++;
}

static inline void Py_DECREF(PyObject *op)
{
    if (_Py_IsImmortal(op)) {
        return;
    }
    if (--op->ob_refcnt == 0) {
        _Py_Dealloc(op);
    }
}

static inline void _Py_SetImmortal(PyObject *op)
{
    if (op) {
        op->ob_refcnt = _Py_IMMORTAL_REFCNT;
    }
}

static inline void _Py_NewReference_Count(PyObject *op)
{
    op->ob_refcnt = 1;
}

static inline int _Py_TryIncref(PyObject *op) { Py_INCREF(op); return 1; }
static inline int _Py_TryIncrefCompare(PyObject **src, PyObject *op)
{
    (void)src;
    Py_INCREF(op);
    return 1;
}
static inline void _PyObject_SetDeferredRefcount(PyObject *op) { (void)op; }
static inline void _PyObject_ClearDeferredRefcount(PyObject *op) { (void)op; }
static inline int _PyObject_HasDeferredRefcount(PyObject *op) { (void)op; return 0; }

#endif /* Py_GIL_DISABLED */

/* Is the caller's reference the only one (so the object may be changed in
 * place, as str += does)?  Free-threaded: only for the owner, with no
 * shared count and no foreign flag (other threads' tables do not show in
 * Py_REFCNT). */
static inline int _PyObject_IsUniquelyReferenced(PyObject *op)
{
#ifdef Py_GIL_DISABLED
    return _Py_IsOwnedByCurrentThread(op) &&
           _Py_atomic_load_uint32_relaxed(&op->ob_ref_local) == 1 &&
           (_Py_atomic_load_ssize_relaxed(&op->ob_ref_shared) &
            ~(Py_ssize_t)_Py_REF_MAYBE_WEAKREF) == 0;
#else
    return Py_REFCNT(op) == 1;
#endif
}

#define Py_REFCNT(ob) Py_REFCNT(_PyObject_CAST(ob))
#define Py_INCREF(op) Py_INCREF(_PyObject_CAST(op))
#define Py_DECREF(op) Py_DECREF(_PyObject_CAST(op))

static inline _Py_ALWAYS_INLINE void Py_XINCREF(PyObject *op) { if (op != NULL) Py_INCREF(op); }
static inline _Py_ALWAYS_INLINE void Py_XDECREF(PyObject *op) { if (op != NULL) Py_DECREF(op); }
#define Py_XINCREF(op) Py_XINCREF(_PyObject_CAST(op))
#define Py_XDECREF(op) Py_XDECREF(_PyObject_CAST(op))

static inline _Py_ALWAYS_INLINE PyObject *Py_NewRef(PyObject *obj) { Py_INCREF(obj); return obj; }
static inline _Py_ALWAYS_INLINE PyObject *Py_XNewRef(PyObject *obj) { Py_XINCREF(obj); return obj; }
#define Py_NewRef(obj) Py_NewRef(_PyObject_CAST(obj))
#define Py_XNewRef(obj) Py_XNewRef(_PyObject_CAST(obj))

/* Clear the variable first, then decref: the destructor may look at it. */
#define Py_CLEAR(op)                            \
    do {                                        \
        PyObject *_py_tmp = _PyObject_CAST(op); \
        if (_py_tmp != NULL) {                  \
            (op) = NULL;                        \
            Py_DECREF(_py_tmp);                 \
        }                                       \
    } while (0)

#define Py_SETREF(dst, src)                     \
    do {                                        \
        PyObject *_py_tmp = _PyObject_CAST(dst); \
        (dst) = (src);                          \
        Py_DECREF(_py_tmp);                     \
    } while (0)

#define Py_XSETREF(dst, src)                    \
    do {                                        \
        PyObject *_py_tmp = _PyObject_CAST(dst); \
        (dst) = (src);                          \
        Py_XDECREF(_py_tmp);                    \
    } while (0)

#endif /* Py_REFCOUNT_H */
