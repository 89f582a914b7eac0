/* pycore_frame.h: interpreter frames — one activation of a code object — and
 * the per-thread data stack they live on.
 *
 * A call from Python to Python pushes a _PyInterpreterFrame on the calling
 * thread's data stack (tstate->datastack_*, chunks of a few hundred KiB,
 * grown on demand) and continues in the same C loop, so Python recursion does
 * not recurse in C; the recursion limit is counted in
 * tstate->py_recursion_remaining.  A frame's localsplus array holds the fast
 * locals, cells and free variables (co_nlocalsplus slots) followed by the
 * value stack (co_stacksize slots).  Generators and coroutines keep their frame
 * inside the generator object instead and link it in while running.
 * A PyFrameObject (the Python-visible `frame`) is created only when asked for
 * (sys._getframe, tracebacks, f_locals) and points at the interpreter frame;
 * when the frame exits, its data is copied into the frame object if the
 * object outlives it.  Implementation: Python/frame.c, Objects/frameobject.c,
 * Python/ceval.c. */
#ifndef Py_INTERNAL_FRAME_H
#define Py_INTERNAL_FRAME_H

#include "Python.h"
#include "pycore_code.h"

/* A handler block pushed by SETUP_FINALLY. */
typedef struct {
    int handler;                 /* instruction index */
    int level;                   /* value-stack depth to unwind to */
} _PyTryBlock;

enum _frameowner {
    FRAME_OWNED_BY_THREAD = 0,   /* on the thread's data stack */
    FRAME_OWNED_BY_GENERATOR = 1,
    FRAME_OWNED_BY_FRAME_OBJECT = 2, /* copied into a PyFrameObject */
    FRAME_OWNED_BY_CSTACK = 3,   /* entry frame of a C call into the loop */
};

typedef struct _PyInterpreterFrame {
    PyCodeObject *f_code;        /* strong, unless code_borrowed */
    struct _PyInterpreterFrame *previous;
    PyObject *f_funcobj;         /* strong; the function, or NULL */
    PyObject *f_globals;         /* borrowed from the function / caller */
    PyObject *f_builtins;        /* borrowed */
    PyObject *f_locals;          /* strong or NULL: the mapping for class
                                    bodies, module level and exec() */
    struct _frame *frame_obj;    /* strong or NULL */
    _Py_CODEUNIT *instr_ptr;     /* next instruction to run */
    int stacktop;                /* value-stack depth when not running */
    int iblock;                  /* blocks in use */
    char owner;                  /* enum _frameowner */
    char is_entry;               /* returning from it leaves the C loop */
    char code_borrowed;          /* free-threaded build, a thread's frame for
                                    a plain call: f_code is not counted (the
                                    collector counts it while it runs; see
                                    _PyFrame_InitTakingFunc) */
    _PyTryBlock blockstack[CO_MAXBLOCKS];
    PyObject *localsplus[1];     /* locals, cells, free vars, then the stack */
} _PyInterpreterFrame;

static inline PyObject **_PyFrame_Stackbase(_PyInterpreterFrame *f)
{
    return f->localsplus + f->f_code->co_nlocalsplus;
}

/* Index of the instruction being run (for line numbers). */
static inline Py_ssize_t _PyFrame_Lasti(_PyInterpreterFrame *f)
{
    return (f->instr_ptr - f->f_code->co_code) - 1;
}

static inline size_t _PyFrame_NumSlots(PyCodeObject *co)
{
    return (size_t)co->co_nlocalsplus + (size_t)co->co_stacksize;
}
#define _PyFrame_Size(co) \
    (offsetof(_PyInterpreterFrame, localsplus) + _PyFrame_NumSlots(co) * sizeof(PyObject *))

/* Push a frame for `code` on the thread's data stack (NULL + MemoryError
 * when the stack cannot grow); pop releases the memory. */
extern _PyInterpreterFrame *_PyThreadState_PushFrame(PyThreadState *tstate, size_t size);
extern void _PyThreadState_PopFrame(PyThreadState *tstate, _PyInterpreterFrame *frame);
/* Drop the references a frame holds (locals, stack, code, function). */
extern void _PyFrame_ClearExceptCode(_PyInterpreterFrame *frame);
/* The Python frame object for `frame`, created on first request. */
extern struct _frame *_PyFrame_GetFrameObject(_PyInterpreterFrame *frame);
/* The locals mapping (f_locals / locals()) of a function frame: a new dict
 * snapshot of the fast locals and cells. */
extern PyObject *_PyFrame_GetLocals(_PyInterpreterFrame *frame);

#endif /* Py_INTERNAL_FRAME_H */
