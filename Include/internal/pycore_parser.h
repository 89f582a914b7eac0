/* pycore_parser.h: entry point of the parser (source text -> AST).
 *
 * _PyParser_ParseString tokenizes and parses a UTF-8 (or PEP 263 latin-1)
 * buffer into an AST allocated in the caller's arena.  On failure it returns
 * NULL and fills a PyParserError the way CPython would fill a SyntaxError.
 * No Python objects are involved; the parser is reentrant and thread-safe
 * (all state lives in the call). */
#ifndef Py_INTERNAL_PARSER_H
#define Py_INTERNAL_PARSER_H

#include <stddef.h>
#include "pycore_ast.h"
#include "pycore_pyarena.h"

/* Start symbols, CPython's values. */
#ifndef Py_single_input
#define Py_single_input 256   /* one interactive statement -> Interactive */
#define Py_file_input 257     /* a module -> Module */
#define Py_eval_input 258     /* an expression -> Expression */
#endif

typedef struct {
    /* Exception type: "SyntaxError", "IndentationError", "TabError" or
     * "MemoryError" (out of memory, or the parser's own depth limit: then the
     * message says so). */
    const char *type;
    char msg[320];
    int lineno;          /* 1-based line of the error, 0 if unknown */
    int offset;          /* 1-based column of the caret, counted in characters
                            (code points) of `text`, as SyntaxError.offset */
    int end_lineno;
    int end_offset;      /* as offset; 0 or -1 when CPython would give those */
    const char *text;    /* the source line (with its '\n' if it had one), or
                            NULL; allocated in the arena */
} PyParserError;

/* Parse `len` bytes at `src`.  `filename` is used in messages only (may be
 * NULL).  `mode` is Py_file_input, Py_eval_input or Py_single_input.
 * Returns the mod node (Module / Expression / Interactive) or NULL with *err
 * filled.  Everything is allocated in `arena`. */
mod_ty _PyParser_ParseString(const char *src, size_t len, const char *filename,
                             int mode, PyArena *arena, PyParserError *err);
/* The same with parser flags: PyPARSE_BARRY_AS_BDFL makes "<>" the not-equal
 * operator and "!=" an error (from __future__ import barry_as_FLUFL). */
#define PyPARSE_BARRY_AS_BDFL 0x0020
mod_ty _PyParser_ParseStringFlags(const char *src, size_t len, const char *filename,
                                  int mode, int flags, PyArena *arena, PyParserError *err);

/* Maximum nesting of the parser's recursion (expressions, blocks); deeper
 * input fails with "too many nested ..." instead of overflowing the C stack. */
#define PARSER_MAX_DEPTH 1000

#endif /* Py_INTERNAL_PARSER_H */
