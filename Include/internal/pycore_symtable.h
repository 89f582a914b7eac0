/* pycore_symtable.h: the symbol table — the compiler's first pass over the
 * AST, deciding for every name in every scope whether it is local, global
 * (explicit or implicit), free or a cell, and reporting the scope-related
 * SyntaxErrors.  Implementation: Python/symtable.c.  Used by
 * Python/compile*.c only.
 *
 * Design (Weft):
 *  - One _PySTEntry per scope: module, class body, function/lambda, and
 *    every comprehension / generator expression.  Comprehensions are real
 *    function scopes (CPython <= 3.11 behaviour, not 3.12's inlining): simpler,
 *    and the only visible difference is the extra frame in tracebacks and
 *    locals() inside a comprehension.
 *  - Entries are plain C structs owned by the _PySymtable; the symbol map of
 *    an entry is a dict {mangled name (str): flags (int)}.  Entries are found
 *    from their AST node with _PySymtable_Lookup (key: the node's address).
 *  - Names are mangled (`__x` in class C -> `_C__x`) here, so the compiler
 *    looks up the mangled name (_Py_Mangle). */
#ifndef Py_INTERNAL_SYMTABLE_H
#define Py_INTERNAL_SYMTABLE_H

#include "Python.h"
#include "pycore_ast.h"

typedef enum {
    _Py_BLOCK_MODULE = 0,
    _Py_BLOCK_CLASS,
    _Py_BLOCK_FUNCTION,      /* def, async def, lambda, comprehension */
} _Py_block_ty;

/* Flags of a name within one scope: how it is used ... */
#define DEF_GLOBAL      0x001   /* `global` statement */
#define DEF_LOCAL       0x002   /* assigned (or bound by import/def/class/for) */
#define DEF_PARAM       0x004   /* a parameter */
#define DEF_NONLOCAL    0x008   /* `nonlocal` statement */
#define USE             0x010   /* read */
#define DEF_FREE_CLASS  0x020   /* free in a class body from an inner scope */
#define DEF_IMPORT      0x040   /* bound by import */
#define DEF_ANNOT       0x080   /* annotated (x: int) */
#define DEF_COMP_ITER   0x100   /* iteration target of a comprehension */
#define DEF_BOUND (DEF_LOCAL | DEF_PARAM | DEF_IMPORT)

/* ... and, after analysis, its scope in bits SCOPE_OFFSET.. */
#define SCOPE_OFFSET 12
#define SCOPE_MASK (7 << SCOPE_OFFSET)
enum {
    LOCAL = 1,
    GLOBAL_EXPLICIT,
    GLOBAL_IMPLICIT,
    FREE,
    CELL,
};
#define _PyST_SCOPE(flags) (((flags) & SCOPE_MASK) >> SCOPE_OFFSET)

typedef struct _PySTEntry {
    _Py_block_ty ste_type;
    PyObject *ste_name;          /* str: function/class name, "<module>",
                                    "<lambda>", "<listcomp>", "<genexpr>" ... */
    PyObject *ste_symbols;       /* dict: mangled name -> int flags */
    PyObject *ste_varnames;      /* list of parameter names, in order */
    PyObject *ste_directives;    /* dict: name -> (lineno, col, end_lineno,
                                    end_col) of its first global/nonlocal
                                    statement (error locations), or NULL */
    struct _PySTEntry **ste_children; /* nested scopes in source order */
    Py_ssize_t ste_nchildren, ste_children_cap;
    struct _PySTEntry *ste_parent;
    PyObject *ste_mangle_private; /* class name for mangling, or NULL */
    const void *ste_key;         /* the AST node that opened the scope */
    unsigned ste_nested : 1;     /* inside a function */
    unsigned ste_generator : 1;  /* contains yield / is a generator expr */
    unsigned ste_coroutine : 1;  /* async def, or an async comprehension */
    unsigned ste_comprehension : 1;
    unsigned ste_varargs : 1;
    unsigned ste_varkeywords : 1;
    unsigned ste_returns_value : 1;
    unsigned ste_needs_class_closure : 1; /* class body whose methods use
                                             __class__ / super() */
    unsigned ste_child_free : 1; /* a child scope has free variables */
    int ste_comp_iter_expr;      /* > 0 while visiting a comprehension's
                                    outermost iterable */
    int ste_lineno, ste_col_offset, ste_end_lineno, ste_end_col_offset;
    int ste_loop_depth;          /* for 'break' outside loop (checked by
                                    the compiler, which knows try/finally) */
} _PySTEntry;

typedef struct {
    PyObject *st_filename;
    _PySTEntry *st_top;          /* the module scope */
    _PySTEntry *st_cur;          /* while building */
    PyObject *st_global;         /* the module scope's symbols (borrowed) */
    PyObject *st_blocks;         /* dict: PyLong(node address) -> PyLong(index
                                    in st_entries) */
    _PySTEntry **st_entries;
    Py_ssize_t st_nentries, st_entries_cap;
    PyObject *st_private;        /* current class name for mangling */
    int st_future_annotations;   /* from __future__ import annotations */
    int st_in_annotation;        /* > 0 inside a PEP 563 (string) annotation */
    int st_recursion_depth, st_recursion_limit;
} _PySymtable;

/* Build the table for `mod` (Module / Expression / Interactive); NULL with a
 * SyntaxError (filename, lineno, offset, end_lineno, end_offset, text) or
 * MemoryError / RecursionError set. */
extern _PySymtable *_PySymtable_Build(mod_ty mod, PyObject *filename);
/* The same; `future_annotations` != 0 when compile() flags ask for PEP 563
 * (a `from __future__ import annotations` at the top is found regardless). */
extern _PySymtable *_PySymtable_BuildFuture(mod_ty mod, PyObject *filename,
                                            int future_annotations);
extern void _PySymtable_Free(_PySymtable *st);

/* The scope opened by AST node `key` (a stmt_ty, expr_ty or mod_ty); NULL
 * with SystemError if there is none. */
extern _PySTEntry *_PySymtable_Lookup(_PySymtable *st, const void *key);

/* Flags of `name` (already mangled) in `ste`, 0 if unknown. */
extern long _PyST_GetSymbol(_PySTEntry *ste, PyObject *name);
/* The scope of `name` in `ste` (LOCAL, GLOBAL_EXPLICIT, ...), 0 if unknown. */
extern int _PyST_GetScope(_PySTEntry *ste, PyObject *name);

/* Private-name mangling: `__spam` in class `Ham` -> `_Ham__spam` (not for
 * dunder names, dotted names or when the class name is all underscores).
 * Returns a new reference. */
extern PyObject *_Py_Mangle(PyObject *privateobj, PyObject *name);

#endif /* Py_INTERNAL_SYMTABLE_H */
