/* compile_internal.h: state shared by the compiler's files (private).
 *
 *   compile.c          driver: units (one per code object), names and
 *                      scopes, constants, qualnames, entry points
 *   compile_stmt.c     statements (control flow, try/with, functions,
 *                      classes, imports, assignments)
 *   compile_match.c    the match statement and its patterns
 *   compile_expr.c     expressions (operators, calls, displays,
 *                      comprehensions, lambdas, f-strings, yield/await)
 *   compile_assemble.c label resolution, stack-depth and block-stack
 *                      verification over every path, code object creation
 *
 * Instructions are collected per unit in a flat array; jumps refer to labels
 * (small ints) that the assembler turns into instruction indexes.  There is
 * no EXTENDED_ARG, so instruction indexes never move. */
#ifndef Py_COMPILE_INTERNAL_H
#define Py_COMPILE_INTERNAL_H

#include "Python.h"
#include "pycore_ast.h"
#include "pycore_code.h"
#include "pycore_compile.h"
#include "pycore_symtable.h"

/* Pseudo jump opcode resolved by the assembler to JUMP or JUMP_BACKWARD. */
#define C_JUMP_ANY 0x100

/* Deref arguments are emitted as an index into cellvars (k) or freevars
 * (ncells + k); the assembler maps them to localsplus slots. */
typedef struct {
    int op;
    int arg;
    int target;                 /* label for jumps, -1 otherwise */
    unsigned char deref;        /* arg is a deref index (see above) */
    _PyCodePosition pos;
} c_instr;

typedef enum {
    FB_WHILE_LOOP, FB_FOR_LOOP, FB_ASYNC_FOR_LOOP, FB_TRY_EXCEPT,
    FB_FINALLY_TRY, FB_FINALLY_END, FB_WITH, FB_ASYNC_WITH,
    FB_HANDLER_CLEANUP, FB_EXCEPTION_HANDLER, FB_POP_VALUE,
    FB_STOP_ITERATION, FB_EXCEPTION_GROUP_HANDLER,
} fblock_kind;

typedef struct {
    fblock_kind kind;
    int block;                  /* label: loop start (continue) */
    int exit;                   /* label: loop end (break) */
    const void *datum;          /* finally body / handler name */
    _PyCodePosition loc;
} c_fblock;

enum { U_MODULE, U_CLASS, U_FUNCTION, U_LAMBDA, U_COMPREHENSION };

typedef struct c_unit {
    struct c_unit *u_parent;
    _PySTEntry *u_ste;
    int u_type;                 /* U_* */
    PyObject *u_name;
    PyObject *u_qualname;
    PyObject *u_private;        /* class name for mangling, or NULL */
    PyObject *u_consts;         /* dict: key -> index */
    PyObject *u_consts_list;    /* list */
    PyObject *u_names;          /* dict: str -> index */
    PyObject *u_varnames;       /* dict: str -> index (fast locals) */
    PyObject *u_hidden;         /* list of (index, name): fast locals of
                                   inlined comprehensions (may repeat names) */
    int u_nvars;                /* fast locals so far (both kinds) */
    struct {
        _PySTEntry *ste;        /* an inlined comprehension being compiled */
        PyObject *slots;        /* dict: its local name -> fast index */
    } u_inline[16];
    int u_ninline;
    PyObject *u_cellvars;       /* dict: str -> index */
    PyObject *u_freevars;       /* dict: str -> index */
    int u_argcount, u_posonlyargcount, u_kwonlyargcount;
    int u_firstlineno;
    int u_flags_extra;          /* CO_HAS_DOCSTRING ... */
    c_instr *u_instrs;
    Py_ssize_t u_ninstrs, u_instrs_cap;
    int *u_labels;              /* label -> instruction index, -1 unset */
    int u_nlabels, u_labels_cap;
    c_fblock u_fblocks[CO_MAXBLOCKS];
    int u_nfblocks;
    _PyCodePosition u_loc;      /* location given to new instructions */
    int u_in_inlined_finally;   /* >0 while compiling a finally body copy */
    PyObject *u_static_attributes; /* class units: set of names assigned as
                                      self.NAME in its methods */
} c_unit;

typedef struct {
    PyObject *c_filename;
    _PySymtable *c_st;
    c_unit *u;                  /* current unit */
    int c_optimize;
    int c_interactive;
    int c_future_annotations;
    int c_future_barry;     /* barry_as_FLUFL: only recorded in co_flags */
    PyArena *c_arena;
    int c_depth;                /* nested units */
} c_compiler;

/* ---- compile.c ---- */
void _PyCompile_FuseLoadFast(c_compiler *c, Py_ssize_t n0, int prefix);
int _PyCompile_HasWalrus(expr_ty e);
int _PyCompile_IsItemOfName(expr_ty e);
int _PyCompile_AddopCopy(c_compiler *c, const c_instr *in);
int _PyCompile_Error(c_compiler *c, _PyCodePosition loc, const char *fmt, ...);
int _PyCompile_ErrorNoEnd(c_compiler *c, _PyCodePosition loc, const char *fmt, ...);
int _PyCompile_EnterUnit(c_compiler *c, PyObject *name, int type, const void *key,
                         int lineno);
void _PyCompile_ExitUnit(c_compiler *c);
int _PyCompile_Addop(c_compiler *c, int op, int arg);
int _PyCompile_AddopDeref(c_compiler *c, int op, int derefidx);
int _PyCompile_AddopJump(c_compiler *c, int op, int label);
int _PyCompile_NewLabel(c_compiler *c);
int _PyCompile_UseLabel(c_compiler *c, int label);
int _PyCompile_AddConst(c_compiler *c, PyObject *o);      /* steals nothing */
int _PyCompile_AddName(c_compiler *c, PyObject *name);   /* index in co_names */
int _PyCompile_AddNameMangled(c_compiler *c, const char *id);
int _PyCompile_Nameop(c_compiler *c, const char *id, expr_context_ty ctx);
int _PyCompile_NameopObj(c_compiler *c, PyObject *name, expr_context_ty ctx);
int _PyCompile_LocalIndex(c_compiler *c, PyObject *name);
int _PyCompile_NewLocal(c_compiler *c, PyObject *name, PyObject *dict);
PyObject *_PyCompile_Mangle(c_compiler *c, const char *id);
PyObject *_PyCompile_ConstValue(c_compiler *c, constant *k);
/* Source text of an annotation for PEP 563 (ast_unparse.c). */
PyObject *_PyAST_ExprAsUnicode(expr_ty e);
int _PyCompile_AnnotationValue(c_compiler *c, expr_ty ann);
PyObject *_PyCompile_CleanDoc(PyObject *doc);
int _PyCompile_LoadClosure(c_compiler *c, PyObject *name);
int _PyCompile_PushFblock(c_compiler *c, fblock_kind kind, int block, int exit,
                          const void *datum);
void _PyCompile_PopFblock(c_compiler *c);
PyCodeObject *_PyCompile_Assemble(c_compiler *c, int addnone);
int _PyCompile_MakeClosure(c_compiler *c, PyCodeObject *co, int flags);
PyObject *_PyCompile_Qualname(c_compiler *c, const char *name);

/* ---- compile_stmt.c ---- */
int _PyCompile_Stmt(c_compiler *c, stmt_ty s);
int _PyCompile_Body(c_compiler *c, asdl_stmt_seq *body, int docstring);
int _PyCompile_Unwind(c_compiler *c, c_fblock *fb, int preserve_tos);
int _PyCompile_Store(c_compiler *c, expr_ty target);

/* ---- compile_match.c ---- */
int _PyCompile_Match(c_compiler *c, stmt_ty s);

/* ---- compile_expr.c ---- */
int _PyCompile_Expr(c_compiler *c, expr_ty e);
int _PyCompile_Exprs(c_compiler *c, asdl_expr_seq *seq);
int _PyCompile_Call(c_compiler *c, expr_ty e);
int _PyCompile_CallHelper(c_compiler *c, int n, asdl_expr_seq *args,
                          asdl_keyword_seq *keywords);
int _PyCompile_FunctionBody(c_compiler *c, stmt_ty s, expr_ty lambda);
int _PyCompile_Defaults(c_compiler *c, arguments_ty args, int *flags);
int _PyCompile_Annotations(c_compiler *c, arguments_ty args, expr_ty returns, int *flags);
int _PyCompile_Await(c_compiler *c, int kind);
int _PyCompile_YieldFromLoop(c_compiler *c);
int _PyCompile_IsConst(expr_ty e);
int _PyCompile_JumpIf(c_compiler *c, expr_ty e, int label, int cond);

static inline _PyCodePosition
_PyCompile_LocOf(int lineno, int col, int end_lineno, int end_col)
{
    _PyCodePosition p = {lineno, end_lineno, col, end_col};
    return p;
}
#define LOC(n) _PyCompile_LocOf((n)->lineno, (n)->col_offset, (n)->end_lineno, \
                                (n)->end_col_offset)

/* Shorthands: every one returns -1 from the enclosing function on error. */
#define ADDOP(c, op) do { if (_PyCompile_Addop((c), (op), 0) < 0) return -1; } while (0)
#define ADDOP_I(c, op, arg) do { if (_PyCompile_Addop((c), (op), (arg)) < 0) return -1; } while (0)
#define ADDOP_JUMP(c, op, l) do { if (_PyCompile_AddopJump((c), (op), (l)) < 0) return -1; } while (0)
#define USE_LABEL(c, l) do { if (_PyCompile_UseLabel((c), (l)) < 0) return -1; } while (0)
#define NEW_LABEL(c, l) int l = _PyCompile_NewLabel(c); \
    if (l < 0) { return -1; }
#define ADDOP_LOAD_CONST(c, o) do { \
        int _i = _PyCompile_AddConst((c), (o)); \
        if (_i < 0) { return -1; } \
        ADDOP_I((c), LOAD_CONST, _i); \
    } while (0)
#define ADDOP_LOAD_CONST_NEW(c, o) do { \
        PyObject *_o = (o); \
        if (_o == NULL) { return -1; } \
        int _i = _PyCompile_AddConst((c), _o); \
        Py_DECREF(_o); \
        if (_i < 0) { return -1; } \
        ADDOP_I((c), LOAD_CONST, _i); \
    } while (0)
#define ADDOP_NAME(c, op, id) do { \
        int _i = _PyCompile_AddNameMangled((c), (id)); \
        if (_i < 0) { return -1; } \
        ADDOP_I((c), op, _i); \
    } while (0)
#define VISIT(c, e) do { if (_PyCompile_Expr((c), (e)) < 0) return -1; } while (0)
#define VISIT_STMT(c, s) do { if (_PyCompile_Stmt((c), (s)) < 0) return -1; } while (0)
#define CHECK(x) do { if ((x) < 0) return -1; } while (0)

#endif /* Py_COMPILE_INTERNAL_H */
