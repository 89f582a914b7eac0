/* pycore_cache.h: the eval loop's inline caches.  Each code object gets,
 * the first time one of its cached instructions misses, a side array with
 * one entry per instruction (PyCodeObject.co_cache, Objects/codeobject.c);
 * the bytecode itself is never rewritten, since threads share code objects
 * in the free-threaded build.  Python/ceval.c fills and reads the entries.
 *
 * LOAD_GLOBAL: two cache words (pycore_dict.h), each a self-contained fact
 * "in the dict whose keys have version V the name is at entry i / is
 * absent": one for globals, one for builtins (used when globals says
 * absent).  A reader that mixes words from two fills still reads facts.
 *
 * Attribute instructions (LOAD_ATTR, LOAD_METHOD, STORE_ATTR): keyed by the
 * owner's type version tag (cleared by PyType_Modified for the type and its
 * subclasses).  The version, the kind and the index share one 64-bit word,
 * a self-contained fact like the global cache words: the free-threaded
 * build reads an instance-dict entry (no descriptor) with that one load, no
 * sequence counter (the default build loads the descriptor slot anyway:
 * cheaper than the branch there).  The other kinds also need
 * the descriptor, so in the free-threaded build the entry is guarded by a
 * sequence counter: writers make it odd (CAS, so two writers never
 * interleave), write, then make it even; readers of a descriptor check it
 * is even and unchanged around their loads. */
#ifndef Py_INTERNAL_CACHE_H
#define Py_INTERNAL_CACHE_H

#include "Python.h"

/* What an attribute entry says about (type version, name). */
enum {
    _PyAttr_NONE = 0,
    _PyAttr_INSTANCE_DICT,  /* no class attribute: look in the instance dict
                               (index = hint) */
    _PyAttr_DATA_DESCR,     /* a data descriptor of an immutable type (member,
                               getset, property): call its get/set slot */
    _PyAttr_METHOD,         /* a method descriptor (function, C method): the
                               instance dict, if any, must not shadow it */
    _PyAttr_NONDATA_DESCR,  /* another non-data descriptor of an immutable
                               type (classmethod, staticmethod...) */
    _PyAttr_CLASS_VALUE,    /* a plain class attribute of an immutable type
                               (int, str, None...) */
    _PyAttr_SLOT,           /* a __slots__ member (Py_T_OBJECT_EX): the
                               object pointer at offset `index`, read and
                               written under the object's critical section
                               as member descriptors do */
};

/* Which instruction an attribute entry serves. */
enum {
    _PyAttr_OP_LOAD = 0,    /* LOAD_ATTR */
    _PyAttr_OP_METHOD,      /* LOAD_METHOD */
    _PyAttr_OP_STORE,       /* STORE_ATTR */
};

typedef union _PyInstrCache_u {
    struct {
        uint64_t globals;
        uint64_t builtins;
    } global;
    /* Two ways, so a site that sees a class and a subclass (or any two
     * types) in turn does not refill at every call. */
    struct {
        uint32_t seq;
        uint32_t unused;
        uint64_t word;       /* _PyAttrCache_WORD(type version tag, kind,
                                index: instance dict hint or slot offset);
                                version 0 = empty */
        PyObject *descr;     /* borrowed: the type's dict holds it */
        PyTypeObject *type;  /* only compared (choosing the way to refill),
                                never dereferenced */
    } attr[2];
} _PyInstrCache;

#define _PyAttrCache_INDEX_BITS 28
#define _PyAttrCache_MAXINDEX ((1u << _PyAttrCache_INDEX_BITS) - 1)
#define _PyAttrCache_WORD(version, kind, index) \
    (((uint64_t)(version) << 32) | ((uint64_t)(kind) << _PyAttrCache_INDEX_BITS) | (index))

/* A consistent copy of an attribute entry, valid for `tp` (its version
 * tag is the entry's): 1, or 0 when the entry is empty, being written or
 * for another type version. */
typedef struct {
    uint32_t kind;
    uint32_t index;
    PyObject *descr;
} _PyAttrCacheView;

static inline int
_PyAttrCache_ReadWay(_PyInstrCache *ce, int way, PyTypeObject *tp, _PyAttrCacheView *out)
{
    uint64_t word = _Py_atomic_load_uint64_acquire(&ce->attr[way].word);
    uint32_t version = (uint32_t)(word >> 32);
    if (version == 0 || version != _Py_atomic_load_uint32_relaxed(&tp->tp_version_tag)) {
        return 0;
    }
    out->kind = (uint32_t)word >> _PyAttrCache_INDEX_BITS;
    out->index = (uint32_t)word & _PyAttrCache_MAXINDEX;
#ifdef Py_GIL_DISABLED
    if (out->kind == _PyAttr_INSTANCE_DICT) {
        out->descr = NULL;   /* the word says it all */
        return 1;
    }
    /* The descriptor must belong to this word: read both again between
     * two equal, even sequence numbers. */
    uint32_t seq = _Py_atomic_load_uint32_acquire(&ce->attr[way].seq);
    uint64_t again = _Py_atomic_load_uint64_acquire(&ce->attr[way].word);
    out->descr = _Py_atomic_load_ptr_acquire(&ce->attr[way].descr);
    /* The acquire loads keep this re-read after them (no fence). */
    if ((seq & 1) != 0 || again != word ||
        _Py_atomic_load_uint32_relaxed(&ce->attr[way].seq) != seq) {
        return 0;
    }
#else
    out->descr = ce->attr[way].descr;
#endif
    return 1;
}

static inline int
_PyAttrCache_Read(_PyInstrCache *ce, PyTypeObject *tp, _PyAttrCacheView *out)
{
    return _PyAttrCache_ReadWay(ce, 0, tp, out) || _PyAttrCache_ReadWay(ce, 1, tp, out);
}

/* After a miss: describe how `name` resolves on type(owner) for the
 * instruction `op` (_PyAttr_OP_*) and store it in `ce`, if that can be
 * cached.  Never raises.  Python/specialize.c. */
PyAPI_FUNC(void) _PyAttrCache_Fill(_PyInstrCache *ce, PyObject *owner, PyObject *name, int op);

/* The code object's cache array, created on first use (NULL if out of
 * memory; no exception set).  Objects/codeobject.c. */
PyAPI_FUNC(_PyInstrCache *) _PyCode_GetOrCreateCache(PyCodeObject *co);

#endif /* Py_INTERNAL_CACHE_H */
