/* frame.c: the per-thread data stack that interpreter frames live on
 * (chunks grown on demand, popped in LIFO order), frame initialisation and
 * clearing, and the hand-over of a finished frame's contents to its frame
 * object when one exists. */
#include "Python.h"
#include "pycore_pystate.h"
#include "pycore_frame.h"
#include "pycore_ceval.h"

/* A chunk of the data stack.  `saved_top` is the thread's top in the
 * previous chunk when this one was started. */
typedef struct _PyStackChunk {
    struct _PyStackChunk *previous;
    size_t size;                 /* bytes, header included */
    PyObject **saved_top;
    PyObject *data[1];
} _PyStackChunk;

#define DATA_STACK_CHUNK_SIZE (256 * 1024)

static _PyInterpreterFrame *
push_chunk(PyThreadState *tstate, size_t nslots)
{
    size_t size = DATA_STACK_CHUNK_SIZE;
    size_t need = offsetof(_PyStackChunk, data) + nslots * sizeof(PyObject *);
    while (size < need) {
        size *= 2;
    }
    _PyStackChunk *chunk = PyMem_RawMalloc(size);
    if (chunk == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    chunk->previous = tstate->datastack_chunk;
    chunk->size = size;
    chunk->saved_top = tstate->datastack_top;
    tstate->datastack_chunk = chunk;
    tstate->datastack_top = chunk->data + nslots;
    tstate->datastack_limit = (PyObject **)((char *)chunk + size);
    return (_PyInterpreterFrame *)chunk->data;
}

_PyInterpreterFrame *
_PyThreadState_PushFrame(PyThreadState *tstate, size_t size)
{
    size_t nslots = (size + sizeof(PyObject *) - 1) / sizeof(PyObject *);
    PyObject **top = tstate->datastack_top;
    if (top != NULL && (size_t)(tstate->datastack_limit - top) >= nslots) {
        tstate->datastack_top = top + nslots;
        return (_PyInterpreterFrame *)top;
    }
    return push_chunk(tstate, nslots);
}

void
_PyThreadState_PopFrame(PyThreadState *tstate, _PyInterpreterFrame *frame)
{
    _PyStackChunk *chunk = tstate->datastack_chunk;
    if ((PyObject **)frame == chunk->data) {
        _PyStackChunk *prev = chunk->previous;
        tstate->datastack_chunk = prev;
        tstate->datastack_top = chunk->saved_top;
        tstate->datastack_limit =
            prev != NULL ? (PyObject **)((char *)prev + prev->size) : NULL;
        PyMem_RawFree(chunk);
    }
    else {
        tstate->datastack_top = (PyObject **)frame;
    }
}

/* Fill a new frame; `func` and `locals` are references it takes over, and
 * the local slots from `first_null` on start empty. */
static inline void
frame_init(_PyInterpreterFrame *frame, PyCodeObject *code, int count_code, PyObject *func,
           PyObject *globals, PyObject *builtins, PyObject *locals, char owner,
           int first_null)
{
    frame->f_code = count_code ? (PyCodeObject *)Py_NewRef(code) : code;
    frame->code_borrowed = !count_code;
    frame->previous = NULL;
    frame->f_funcobj = func;
    frame->f_globals = globals;
    frame->f_builtins = builtins;
    frame->f_locals = locals;
    frame->frame_obj = NULL;
    frame->instr_ptr = code->co_code;
    frame->stacktop = 0;
    frame->iblock = 0;
    frame->owner = owner;
    frame->is_entry = 0;
    for (int i = first_null; i < code->co_nlocalsplus; i++) {
        frame->localsplus[i] = NULL;
    }
}

void
_PyFrame_Init(_PyInterpreterFrame *frame, PyCodeObject *code, PyObject *func,
              PyObject *globals, PyObject *builtins, PyObject *locals, char owner)
{
    frame_init(frame, code, 1, Py_XNewRef(func), globals, builtins, Py_XNewRef(locals), owner, 0);
}

#ifdef Py_GIL_DISABLED
static _Py_NO_INLINE void
frame_init_counted(_PyInterpreterFrame *frame, PyCodeObject *code, PyObject *func,
                   PyObject *globals, PyObject *builtins)
{
    frame_init(frame, code, 1, func, globals, builtins, NULL, FRAME_OWNED_BY_THREAD,
               code->co_argcount);
}
#endif

void
_PyFrame_InitTakingFunc(_PyInterpreterFrame *frame, PyCodeObject *code, PyObject *func,
                        PyObject *globals, PyObject *builtins)
{
    /* The caller moves the arguments into their slots.  Free-threaded
     * build: a code object with deferred counting (every one the compiler
     * makes) is freed only by the collector, which counts the code of every
     * running thread frame marked code_borrowed (Python/gc.c, stop_world),
     * so this frame need not count it: func.__code__ = other while it runs
     * cannot free it.  Two per-thread count changes fewer per call. */
#ifdef Py_GIL_DISABLED
    if (_Py_LIKELY(_PyObject_HasDeferredRefcount((PyObject *)code))) {
        frame_init(frame, code, 0, func, globals, builtins, NULL, FRAME_OWNED_BY_THREAD,
                   code->co_argcount);
        return;
    }
    /* Out of line, so that the common path above needs no saved
     * registers (the increment's non-owner branch is a call). */
    frame_init_counted(frame, code, func, globals, builtins);
#else
    frame_init(frame, code, 1, func, globals, builtins, NULL, FRAME_OWNED_BY_THREAD,
               code->co_argcount);
#endif
}

/* Move the frame's contents into its frame object, which outlives it. */
static void
take_ownership(PyFrameObject *f, _PyInterpreterFrame *frame)
{
    _PyInterpreterFrame *copy = (_PyInterpreterFrame *)f->_f_frame_data;
    size_t size = offsetof(_PyInterpreterFrame, localsplus) +
                  (size_t)(frame->f_code->co_nlocalsplus + frame->stacktop) * sizeof(PyObject *);
    memcpy(copy, frame, size);
    Py_INCREF(copy->f_code);
    copy->code_borrowed = 0;
    copy->owner = FRAME_OWNED_BY_FRAME_OBJECT;
    copy->frame_obj = f;     /* borrowed back-pointer: f owns the copy */
    copy->is_entry = 0;
    f->f_lineno = _PyCode_Addr2Line(copy->f_code, _PyFrame_Lasti(copy));
    f->f_frame = copy;
    _PyInterpreterFrame *prev = frame->previous;
    while (prev != NULL && prev->owner == FRAME_OWNED_BY_CSTACK) {
        prev = prev->previous;
    }
    if (prev != NULL && f->f_back == NULL) {
        PyFrameObject *back = _PyFrame_GetFrameObject(prev);
        if (back == NULL) {
            PyErr_Clear();
        }
        else {
            f->f_back = (PyFrameObject *)Py_NewRef(back);
        }
    }
    copy->previous = NULL;
}

void
_PyFrame_ClearExceptCode(_PyInterpreterFrame *frame)
{
    if (frame->frame_obj != NULL) {
        PyFrameObject *f = frame->frame_obj;
        frame->frame_obj = NULL;
        /* Preserve a pending exception across the frame-object creation. */
        PyObject *exc = PyErr_GetRaisedException();
        take_ownership(f, frame);
        PyErr_SetRaisedException(exc);
        Py_DECREF(f);
        return;
    }
    int n = frame->f_code->co_nlocalsplus + frame->stacktop;
    for (int i = 0; i < n; i++) {
        Py_CLEAR(frame->localsplus[i]);
    }
    frame->stacktop = 0;
    Py_CLEAR(frame->f_locals);
    Py_CLEAR(frame->f_funcobj);
}

void
_PyEval_ClearThreadFrame(PyThreadState *tstate, _PyInterpreterFrame *frame)
{
    _PyFrame_ClearExceptCode(frame);
    if (!frame->code_borrowed) {
        Py_DECREF(frame->f_code);
    }
    _PyThreadState_PopFrame(tstate, frame);
}
