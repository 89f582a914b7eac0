/* pycore_compile.h: the bytecode compiler (AST -> code object) and its
 * helpers.  Implementation: Python/compile*.c.
 *
 * So far only the disassembler used by the tests exists; the entry points
 * (_PyAST_Compile, Py_CompileStringObject) come with the compiler. */
#ifndef Py_INTERNAL_COMPILE_H
#define Py_INTERNAL_COMPILE_H

#include <stdio.h>
#include "pycore_code.h"

/* Write a listing of `co` to `out`, one instruction a line:
 *     "<line> <index> <OPNAME> <arg> (<meaning>)"
 * with the line number shown only where it changes, jump targets marked
 * ">>", and nested code objects in co_consts listed after it.  Returns 0, or
 * -1 with an exception set (a repr() failed). */
extern int _PyCode_Disassemble(PyCodeObject *co, FILE *out);

#endif /* Py_INTERNAL_COMPILE_H */
