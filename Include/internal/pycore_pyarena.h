/* pycore_pyarena.h: a bump-pointer arena for the tokenizer, parser and AST.
 *
 * Every AST node, identifier, constant payload and sequence is carved out of
 * one PyArena and released all at once by _PyArena_Free, so the parser never
 * frees individual nodes (error paths just drop the arena).  Plain malloc is
 * used underneath: the AST has no dependency on the object model. */
#ifndef Py_INTERNAL_PYARENA_H
#define Py_INTERNAL_PYARENA_H

#include <stddef.h>

typedef struct _arena PyArena;

/* Create an empty arena; NULL when out of memory. */
PyArena *_PyArena_New(void);
/* Release the arena and everything allocated from it. NULL is allowed. */
void _PyArena_Free(PyArena *arena);
/* Allocate `size` bytes aligned for any type; NULL when out of memory.
 * The memory is not zeroed. */
void *_PyArena_Malloc(PyArena *arena, size_t size);
/* Zeroed allocation. */
void *_PyArena_Calloc(PyArena *arena, size_t size);
/* Copy `len` bytes of `s` into the arena and NUL-terminate the copy. */
char *_PyArena_Strndup(PyArena *arena, const char *s, size_t len);
/* Bytes handed out so far (for tests and statistics). */
size_t _PyArena_Used(const PyArena *arena);

#endif /* Py_INTERNAL_PYARENA_H */
