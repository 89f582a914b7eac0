/* pycore_code.h: code objects — the compiled form of one function, class
 * body, module or comprehension — and the positions table that maps each
 * instruction back to its source range (for tracebacks with carets).
 * Implementation: Objects/codeobject.c.  Built by Python/compile.c. */
#ifndef Py_INTERNAL_CODE_H
#define Py_INTERNAL_CODE_H

#include "Python.h"
#include "pycore_opcode.h"

/* co_flags, with CPython's values (inspect looks at them). */
#define CO_OPTIMIZED            0x0001  /* fast locals */
#define CO_NEWLOCALS            0x0002
#define CO_VARARGS              0x0004
#define CO_VARKEYWORDS          0x0008
#define CO_NESTED               0x0010
#define CO_GENERATOR            0x0020
#define CO_NOFREE               0x0040
#define CO_COROUTINE            0x0080
#define CO_ITERABLE_COROUTINE   0x0100
#define CO_ASYNC_GENERATOR      0x0200
/* __future__ features that change compilation (Lib/__future__.py's values);
 * compile() takes them in `flags` and code objects carry them in co_flags. */
#define CO_FUTURE_BARRY_AS_BDFL 0x400000
#define CO_FUTURE_ANNOTATIONS   0x1000000
#define PyCF_MASK (CO_FUTURE_BARRY_AS_BDFL | CO_FUTURE_ANNOTATIONS)
#define CO_HAS_DOCSTRING        0x4000000  /* co_consts[0] is the docstring
                                              (the function's __doc__);
                                              without it __doc__ is None */

/* Most nested try/with/for blocks in one code object. */
#define CO_MAXBLOCKS 20

/* Source range of one instruction: lines 1-based, columns 0-based UTF-8
 * byte offsets; -1 when unknown (the traceback then shows no carets). */
typedef struct {
    int32_t lineno;
    int32_t end_lineno;
    int32_t col;
    int32_t end_col;
} _PyCodePosition;

/* Kinds of localsplus slots (co_localspluskinds). */
#define CO_FAST_LOCAL   0x20
#define CO_FAST_CELL    0x40
#define CO_FAST_FREE    0x80
#define CO_FAST_ARG     0x01    /* also an argument (may be a cell too) */

typedef struct PyCodeObject {
    PyObject_HEAD
    int co_argcount;            /* positional parameters, incl. pos-only */
    int co_posonlyargcount;
    int co_kwonlyargcount;
    int co_flags;
    int co_firstlineno;
    int co_stacksize;           /* max value-stack depth */
    int co_nlocalsplus;         /* locals + cells + free variables */
    int co_nlocals;             /* plain locals (incl. args) */
    int co_ncellvars;
    int co_nfreevars;
    Py_ssize_t co_ncode;        /* number of instructions */
    _Py_CODEUNIT *co_code;      /* the instructions (owned) */
    _PyCodePosition *co_positions; /* one per instruction (owned) */
    PyObject *co_consts;        /* tuple */
    PyObject *co_names;         /* tuple of str: globals, attributes, imports */
    PyObject *co_localsplusnames; /* tuple of str, one per localsplus slot:
                                     args first, then other locals, cells
                                     that are not args, free variables */
    unsigned char *co_localspluskinds; /* CO_FAST_* per slot (owned) */
    PyObject *co_filename;
    PyObject *co_name;
    PyObject *co_qualname;
    PyObject *co_weakreflist;
    void *co_extra;             /* the eval loop's per-code data, if any */
    union _PyInstrCache_u *co_cache; /* inline caches, one per instruction,
                                     created lazily (pycore_cache.h) */
    int32_t *co_tracelines;     /* line events' view of the lines, made on
                                   first use by Python/tracing.c (owned) */
} PyCodeObject;

extern PyTypeObject PyCode_Type;
#define PyCode_Check(op) Py_IS_TYPE((op), &PyCode_Type)

/* Takes ownership of `code`, `positions` and `kinds` (PyMem_Malloc'd). */
extern PyCodeObject *_PyCode_New(
    PyObject *filename, PyObject *name, PyObject *qualname, int flags,
    int argcount, int posonlyargcount, int kwonlyargcount, int firstlineno,
    int stacksize, _Py_CODEUNIT *code, _PyCodePosition *positions,
    Py_ssize_t ncode, PyObject *consts, PyObject *names,
    PyObject *localsplusnames, unsigned char *localspluskinds);

/* The line of instruction `index` (-1 if none): frame.f_lineno, tracebacks. */
static inline int _PyCode_Addr2Line(PyCodeObject *co, Py_ssize_t index)
{
    if (index < 0 || index >= co->co_ncode) {
        return co->co_firstlineno;
    }
    return co->co_positions[index].lineno;
}

/* co_varnames / co_cellvars / co_freevars as tuples (new references). */
extern PyObject *_PyCode_GetVarnames(PyCodeObject *co);
extern PyObject *_PyCode_GetCellvars(PyCodeObject *co);
extern PyObject *_PyCode_GetFreevars(PyCodeObject *co);

#endif /* Py_INTERNAL_CODE_H */
