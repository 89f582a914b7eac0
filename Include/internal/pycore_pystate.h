/* pycore_pystate.h: the thread state (struct _ts), the interpreter state
 * (struct _is) and the runtime pieces they own: the GIL, stop-the-world, the
 * eval-breaker bits.  Weft has one interpreter per process.
 *
 * A thread state is in one of three states:
 *   _Py_THREAD_DETACHED   not touching objects (blocking call, or no Python)
 *   _Py_THREAD_ATTACHED   may touch objects; in the GIL build holds the GIL
 *   _Py_THREAD_SUSPENDED  parked by a stop-the-world
 * Implementation: Python/pystate.c (states, attach/detach, stop-the-world),
 * Python/ceval_gil.c (the GIL and the eval breaker). */
#ifndef Py_INTERNAL_PYSTATE_H
#define Py_INTERNAL_PYSTATE_H

#include "Python.h"
#include "pycore_qsbr.h"
#include "pycore_brc.h"
#include "pycore_freelist.h"
#include <pthread.h>

#define _Py_THREAD_DETACHED  0
#define _Py_THREAD_ATTACHED  1
#define _Py_THREAD_SUSPENDED 2

/* Bits of the per-thread eval_breaker word.  The eval loop checks the whole
 * word for zero on backward jumps and calls; _Py_HandlePending does the rest. */
#define _PY_GIL_DROP_REQUEST_BIT     (1U << 0)
#define _PY_SIGNALS_PENDING_BIT      (1U << 1)
#define _PY_CALLS_TO_DO_BIT          (1U << 2)
#define _PY_ASYNC_EXCEPTION_BIT      (1U << 3)
#define _PY_GC_SCHEDULED_BIT         (1U << 4)
#define _PY_EVAL_PLEASE_STOP_BIT     (1U << 5)   /* stop-the-world requested */
#define _PY_EVAL_EXPLICIT_MERGE_BIT  (1U << 6)   /* biased refcount queue non-empty */
#define _PY_EVAL_QSBR_BIT            (1U << 7)   /* delayed frees to process */
#define _PY_EVAL_CS_UPGRADE_BIT      (1U << 8)   /* lock the elided critical sections */
#define _PY_EVAL_TRACE_BIT           (1U << 9)   /* tracing switched on: reload the
                                                    loop's dispatch table */
#define _PY_EVAL_FOREIGN_SETTLE_BIT  (1U << 10)  /* many foreign objects may be dead:
                                                    settle them (Objects/refcount.c) */
#define _PY_EVAL_CS_ELIDE_BIT        (1U << 11)  /* every other thread waits quietly:
                                                    elide critical sections again */

/* Hooks the interpreter layers fill in later (frames, exceptions) live in
 * the thread state too; the runtime part comes first. */
struct _ts {
    struct _ts *prev;
    struct _ts *next;
    PyInterpreterState *interp;

    int state;                       /* _Py_THREAD_*, atomic */
    uintptr_t eval_breaker;          /* _PY_*_BIT flags, atomic */
    int holds_gil;                   /* GIL build: this thread holds it */

    unsigned long thread_id;         /* pthread_self() */
    unsigned long native_thread_id;  /* gettid() */
    uintptr_t tid;                   /* _Py_ThreadId(): owner id for BRC */
    pthread_t pthread;

    /* Critical sections: top of the stack, with tag bits (see
     * Python/critical_section.c). */
    uintptr_t critical_section;
    /* In a quiet wait (Python/critical_section.c); guarded by the
     * interpreter's threads_mutex. */
    int quiet_wait;

    struct _qsbr_thread_state *qsbr;
    struct _brc_thread_state brc;
#ifdef Py_GIL_DISABLED
    /* This thread's counts of deferred objects (Objects/refcount.c). */
    _Py_thread_refcounts refcounts;
    /* Where this thread's tracked GC objects live (Python/gc.c). */
    struct _gc_slot_set *gc_slots;
#endif

    /* Memory retired through QSBR, freed once the goal is reached. */
    struct _mem_work_chunk *mem_free_queue;

    /* This thread's free lists of object structs (pycore_freelist.h),
     * reached through _Py_tls_freelists; emptied when the state is deleted. */
    struct _Py_freelists freelists;

    /* PyGILState_Ensure nesting; `gilstate_created` if Ensure made this state
     * (and Release must delete it). */
    int gilstate_counter;
    int gilstate_created;

    /* Interpreter layers. */
    int py_recursion_remaining;
    int py_recursion_limit;
    int c_recursion_remaining;
    void *current_frame;
    PyObject *current_exception;
    void *exc_info;

    /* Eval loop (Python/ceval.c, Python/frame.c).  current_frame above is
     * the innermost running _PyInterpreterFrame; exc_info the top of the
     * stack of exceptions being handled (_PyErr_StackItem: one per running
     * generator, then `exc_state`, the thread's own base item).  Frames of
     * ordinary calls live in chunks of the data stack: `datastack_top` is
     * the first free slot of the current chunk, `datastack_limit` its end. */
    struct _PyStackChunk *datastack_chunk;
    PyObject **datastack_top;
    PyObject **datastack_limit;
    struct {
        PyObject *exc_value;
        void *previous_item;
    } exc_state;                     /* layout of _PyErr_StackItem */
    PyObject *dict;                  /* threading.local storage and friends */
    PyObject *async_exc;
    int finalizing;
    /* Deallocations deferred while nested too deeply (the "trashcan" of
     * Objects/typeobject.c): a raw-malloc'd stack, drained when the
     * outermost deallocation returns, so freeing a long chain of objects
     * does not overflow the C stack. */
    int trash_nesting;
    PyObject **trash;
    Py_ssize_t trash_len, trash_cap;
    /* sys.settrace / sys.setprofile for this thread (Python/tracing.c).
     * `trace_active` is nonzero while either function is set: the eval
     * loop then dispatches through its "trace, then run" table.
     * `tracing` counts trace/profile calls in progress (no events then). */
    Py_tracefunc c_tracefunc;
    PyObject *c_traceobj;
    Py_tracefunc c_profilefunc;
    PyObject *c_profileobj;
    int trace_active;
    int tracing;
};

/* The GIL.  `locked` and `holder` are protected by `mutex`; a waiter that has
 * waited a switch interval sets drop requests on the holder's eval breaker
 * and the holder hands the GIL straight to a waiter (forced switch). */
struct _gil_runtime_state {
    int enabled;                     /* default build: 1; FT: PYTHON_GIL=1 */
    unsigned long interval;          /* switch interval in microseconds */
    int locked;                      /* atomic */
    PyThreadState *holder;           /* atomic */
    unsigned long switch_number;     /* incremented at each hand-over */
    pthread_mutex_t mutex;
    pthread_cond_t cond;             /* signalled when the GIL is released */
    pthread_mutex_t switch_mutex;
    pthread_cond_t switch_cond;      /* signalled when a forced switch is done */
};

/* Stop-the-world: the requester sets _PY_EVAL_PLEASE_STOP_BIT on every other
 * attached thread and waits until each is suspended; detached threads are
 * counted as stopped at once and cannot re-attach until the world restarts. */
struct _stoptheworld_state {
    PyMutex mutex;                   /* one stop-the-world at a time */
    int requested;                   /* atomic: threads must not attach */
    int world_stopped;
    PyEvent stop_event;              /* set when every thread has stopped */
    Py_ssize_t thread_countdown;     /* threads not yet stopped */
    PyThreadState *requester;
};

struct _is {
    /* Thread states, guarded by threads_mutex. */
    PyMutex threads_mutex;
    PyThreadState *threads_head;
    Py_ssize_t threads_count;
    PyThreadState *main_thread;
    unsigned long main_thread_id;

    struct _gil_runtime_state gil;
    struct _stoptheworld_state stoptheworld;
    struct _qsbr_shared qsbr;
#ifdef Py_GIL_DISABLED
    struct _brc_state brc;
#endif
    int finalizing;                  /* atomic: shutdown has begun */
    PyThreadState *finalizing_tstate;  /* the thread shutting down */
#ifdef Py_GIL_DISABLED
    /* Critical sections are elided (not locked) while only one thread
     * state can run (Python/critical_section.c): cs_elide says so, cs_elided
     * counts the sections that sole thread has open without locking.
     * Both are written by that thread and read by the one that turns
     * elision off (the creator of another thread state, or a thread ending
     * a quiet wait).  cs_elide_ok: elision is possible at all here. */
    int cs_elide;
    Py_ssize_t cs_elided;
    int cs_elide_ok;
#endif

    /* Interpreter layers (modules, builtins, sys) fill these later. */
    PyObject *modules;
    PyObject *sysdict;
    PyObject *builtins;
    int recursion_limit;
};

/* The one interpreter. */
extern PyInterpreterState _PyInterpreterState_Main;

/* The thread state bound to the calling OS thread (by _PyThreadState_Bind),
 * attached or not; NULL if the thread has none.  Check tstate->state to
 * know whether it is attached. */
extern _Thread_local PyThreadState *_Py_tss_tstate;
static inline PyThreadState *_PyThreadState_GET(void) { return _Py_tss_tstate; }
static inline PyInterpreterState *_PyInterpreterState_GET(void)
{
    return &_PyInterpreterState_Main;
}

/* Runtime start-up and shut-down (Python/pylifecycle.c). */
extern int _PyRuntime_Initialize(int enable_gil);
/* Modules/signalmodule.c: SIGINT -> KeyboardInterrupt, and the hook that
 * lets interrupted lock waits run signal handlers. */
extern int _PySignal_Init(void);
extern void _PyRuntime_Finalize(void);

/* Thread states. */
extern PyThreadState *_PyThreadState_New(PyInterpreterState *interp);
/* Bind a new state to the calling OS thread (sets _Py_tss_tstate, thread ids,
 * biased-refcount owner id) without attaching it. */
extern void _PyThreadState_Bind(PyThreadState *tstate);
/* Remove a detached state from the interpreter and free it. */
extern void _PyThreadState_Delete(PyThreadState *tstate);
/* Detach and delete the calling thread's state (thread exit). */
extern void _PyThreadState_DeleteCurrent(PyThreadState *tstate);

extern void _PyThreadState_Attach(PyThreadState *tstate);
extern void _PyThreadState_Detach(PyThreadState *tstate);
/* Park the calling thread for a stop-the-world (from the eval breaker). */
extern void _PyThreadState_Suspend(PyThreadState *tstate);

extern void _PyEval_StopTheWorld(PyInterpreterState *interp);
extern void _PyEval_StartTheWorld(PyInterpreterState *interp);

/* fork() (Python/pylifecycle.c), with CPython's names: call BeforeFork in
 * the forking (attached) thread, then AfterFork_Parent in the parent or
 * AfterFork_Child in the child.  BeforeFork stops the world so no other
 * thread is half-way through a runtime structure; the child resets every
 * runtime lock, frees the other threads' states and makes the forking
 * thread the main thread. */
extern void PyOS_BeforeFork(void);
extern void PyOS_AfterFork_Parent(void);
extern void PyOS_AfterFork_Child(void);

/* The GIL (Python/ceval_gil.c). */
extern void _PyEval_InitGIL(PyInterpreterState *interp, int enabled);
extern void _PyEval_FiniGIL(PyInterpreterState *interp);
/* In the child after fork(): fresh GIL locks, held by `tstate` if it was
 * holding the GIL when it forked. */
extern void _PyEval_ReInitGILAfterFork(PyThreadState *tstate);
extern void _PyEval_TakeGIL(PyThreadState *tstate);
extern void _PyEval_DropGIL(PyThreadState *tstate);
extern int _PyEval_IsGILEnabled(PyInterpreterState *interp);
extern void _PyEval_SetSwitchInterval(unsigned long microseconds);
extern unsigned long _PyEval_GetSwitchInterval(void);

/* Eval breaker. */
static inline void _Py_set_eval_breaker_bit(PyThreadState *tstate, uintptr_t bit)
{
    _Py_atomic_or_uintptr(&tstate->eval_breaker, bit);
}
static inline void _Py_unset_eval_breaker_bit(PyThreadState *tstate, uintptr_t bit)
{
    _Py_atomic_and_uintptr(&tstate->eval_breaker, ~bit);
}
static inline int _Py_eval_breaker_bit_is_set(PyThreadState *tstate, uintptr_t bit)
{
    return (_Py_atomic_load_uintptr_relaxed(&tstate->eval_breaker) & bit) != 0;
}
/* Handle every pending request; -1 with an exception set on error. */
extern int _Py_HandlePending(PyThreadState *tstate);

/* Iterate the interpreter's thread states (caller holds threads_mutex or has
 * stopped the world). */
#define _Py_FOR_EACH_TSTATE(interp, t) \
    for (PyThreadState *t = (interp)->threads_head; t != NULL; t = t->next)

#endif /* Py_INTERNAL_PYSTATE_H */
