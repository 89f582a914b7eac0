/* pycore_compile.h: the bytecode compiler (AST -> code object) and its
 * helpers.  Implementation: Python/compile*.c.
 *
 * Entry points: _PyAST_Compile (an AST from the parser -> code object) and
 * Py_CompileStringObject / Py_CompileString (source text -> code object, with
 * the parser's and the compiler's SyntaxErrors carrying filename, lineno,
 * offset and end_offset in characters, text = the source line). */
#ifndef Py_INTERNAL_COMPILE_H
#define Py_INTERNAL_COMPILE_H

#include <stdio.h>
#include "pycore_code.h"
#include "pycore_ast.h"
#include "pycore_parser.h"    /* Py_file_input, Py_eval_input, Py_single_input */

#ifndef Py_COMPILER_FLAGS_DEFINED
#define Py_COMPILER_FLAGS_DEFINED
/* compile() flags (CPython's layout); the compiler reads none of them yet. */
typedef struct {
    int cf_flags;
    int cf_feature_version;
} PyCompilerFlags;
#endif

/* Compile a parsed module (Module / Expression / Interactive; `mode` is the
 * matching Py_*_input) to a code object.  `optimize`: -1 or 0 keeps asserts
 * and docstrings, 1 drops asserts, 2 also drops docstrings.  NULL with an
 * exception (SyntaxError with UTF-8 byte columns and text None, since the
 * source is not known here; RecursionError / MemoryError). */
extern PyCodeObject *_PyAST_Compile(mod_ty mod, PyObject *filename, int mode,
                                    int optimize, PyArena *arena);
/* The same with compile() flags (NULL for none): their PyCF_MASK bits
 * (__future__ features) apply as if imported at the top. */
extern PyCodeObject *_PyAST_CompileFlags(mod_ty mod, PyObject *filename, int mode,
                                         PyCompilerFlags *flags, int optimize, PyArena *arena);

/* Parse and compile NUL-terminated UTF-8 `str`; `start` is Py_file_input,
 * Py_eval_input or Py_single_input.  Returns a code object (new reference)
 * or NULL with SyntaxError / IndentationError / TabError / MemoryError /
 * RecursionError set.  `flags` may be NULL. */
extern PyObject *Py_CompileStringObject(const char *str, PyObject *filename, int start,
                                        PyCompilerFlags *flags, int optimize);
extern PyObject *Py_CompileString(const char *str, const char *filename, int start);

/* compile() flags that concern ASTs (CPython's values). */
#define PyCF_ONLY_AST 0x0400
#define PyCF_TYPE_COMMENTS 0x1000
#define PyCF_ALLOW_TOP_LEVEL_AWAIT 0x2000
#define PyCF_OPTIMIZED_AST (0x8000 | PyCF_ONLY_AST)

/* The `ast` module's objects (Python/Python-ast.c).  _PyAST_IsNode: is obj
 * an ast.AST (-1 on error).  _PyAST_ToObject: the C tree as node objects.
 * _PyAST_FromObject: node objects back to a C tree in `arena`, checking the
 * root matches `mode` (Py_*_input); NULL with TypeError/ValueError for a
 * malformed tree.  _PyAST_ModuleExec: fills the `_ast` module. */
extern int _PyAST_IsNode(PyObject *obj);
extern PyObject *_PyAST_ToObject(mod_ty mod);
extern mod_ty _PyAST_FromObject(PyObject *obj, PyArena *arena, int mode);
extern int _PyAST_ModuleExec(PyObject *m);
/* Checks a tree made from node objects (Python/ast_validate.c): 0, or -1
 * with CPython's ValueError for what the parser never produces. */
extern int _PyAST_Validate(mod_ty mod);
/* compile() with an AST: parse `str` to node objects (SyntaxErrors as
 * Py_CompileStringObject; `flags` are compile()'s, of which the parser
 * heeds barry_as_FLUFL), or compile node objects to a code object. */
extern PyObject *_PyCompile_SourceToAST(const char *str, PyObject *filename, int start,
                                        int flags);
extern PyObject *_PyCompile_ASTToCode(PyObject *ast, PyObject *filename, int start,
                                      PyCompilerFlags *flags, int optimize);

/* Write a listing of `co` to `out`, one instruction a line:
 *     "<line> <index> <OPNAME> <arg> (<meaning>)"
 * with the line number shown only where it changes, jump targets marked
 * ">>", and nested code objects in co_consts listed after it.  Returns 0, or
 * -1 with an exception set (a repr() failed). */
extern int _PyCode_Disassemble(PyCodeObject *co, FILE *out);

#endif /* Py_INTERNAL_COMPILE_H */
