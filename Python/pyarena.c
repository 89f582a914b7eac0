/* pyarena.c: bump-pointer arena backing the parser and the AST
 * (see Include/internal/pycore_pyarena.h). */
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include "pycore_pyarena.h"

/* Blocks grow geometrically so a large file does not cost many mallocs;
 * an oversized request gets a block of its own. */
#define ARENA_FIRST_BLOCK 8192
#define ARENA_ALIGN 16

typedef struct _block {
    struct _block *next;
    size_t size;      /* usable bytes after the header */
    size_t used;
} block;

struct _arena {
    block *head;       /* current block (newest) */
    size_t next_size;
    size_t total;
};

#define BLOCK_HDR ((sizeof(block) + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1))

static block *
block_new(size_t size)
{
    block *b = malloc(BLOCK_HDR + size);
    if (b == NULL) {
        return NULL;
    }
    b->next = NULL;
    b->size = size;
    b->used = 0;
    return b;
}

PyArena *
_PyArena_New(void)
{
    PyArena *a = malloc(sizeof(PyArena));
    if (a == NULL) {
        return NULL;
    }
    a->head = block_new(ARENA_FIRST_BLOCK);
    if (a->head == NULL) {
        free(a);
        return NULL;
    }
    a->next_size = ARENA_FIRST_BLOCK * 2;
    a->total = 0;
    return a;
}

void
_PyArena_Free(PyArena *arena)
{
    if (arena == NULL) {
        return;
    }
    block *b = arena->head;
    while (b != NULL) {
        block *next = b->next;
        free(b);
        b = next;
    }
    free(arena);
}

void *
_PyArena_Malloc(PyArena *arena, size_t size)
{
    if (size > SIZE_MAX / 2) {
        return NULL;
    }
    size = (size + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
    if (size == 0) {
        size = ARENA_ALIGN;
    }
    block *b = arena->head;
    if (b->size - b->used < size) {
        size_t bsize = arena->next_size;
        if (bsize < size) {
            bsize = size;
        }
        else if (arena->next_size < ((size_t)1 << 22)) {
            arena->next_size *= 2;
        }
        block *nb = block_new(bsize);
        if (nb == NULL) {
            return NULL;
        }
        nb->next = b;
        arena->head = nb;
        b = nb;
    }
    void *p = (char *)b + BLOCK_HDR + b->used;
    b->used += size;
    arena->total += size;
    return p;
}

void *
_PyArena_Calloc(PyArena *arena, size_t size)
{
    void *p = _PyArena_Malloc(arena, size);
    if (p != NULL) {
        memset(p, 0, size);
    }
    return p;
}

char *
_PyArena_Strndup(PyArena *arena, const char *s, size_t len)
{
    char *p = _PyArena_Malloc(arena, len + 1);
    if (p != NULL) {
        memcpy(p, s, len);
        p[len] = '\0';
    }
    return p;
}

size_t
_PyArena_Used(const PyArena *arena)
{
    return arena->total;
}
