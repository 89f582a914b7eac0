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
 * subclasses).  The entry has several fields, so in the free-threaded build
 * it is guarded by a sequence counter: writers make it odd (CAS, so two
 * writers never interleave), write, then make it even; readers check it is
 * even and unchanged around their loads. */
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
    _PyAttr_SLOT,           /* a __slots__ member: the object pointer at
                               offset `index` */
};

typedef union _PyInstrCache_u {
    struct {
        uint64_t globals;
        uint64_t builtins;
    } global;
    struct {
        uint32_t seq;
        uint32_t version;    /* type version tag; 0 = empty */
        uint32_t kind;
        uint32_t index;      /* dict hint or slot offset */
        PyObject *descr;     /* borrowed: the type's dict holds it */
    } attr;
} _PyInstrCache;

/* The code object's cache array, created on first use (NULL if out of
 * memory; no exception set).  Objects/codeobject.c. */
PyAPI_FUNC(_PyInstrCache *) _PyCode_GetOrCreateCache(PyCodeObject *co);

#endif /* Py_INTERNAL_CACHE_H */
