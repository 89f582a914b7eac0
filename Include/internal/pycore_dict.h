/* pycore_dict.h: the layout of a dict's keys block (shared by
 * Objects/dictobject.c and the eval loop's inline caches) and the keys
 * version that the caches key on.
 *
 * Keys version (dk_version): a number, unique over the process, that names
 * one state of a keys block's set of keys.  It is assigned lazily (0 = none)
 * when a cache asks for it, and cleared to 0 by every write that adds or
 * removes a key; a resize or clear installs a new block (version 0).
 * Replacing a value keeps it.  Keys blocks are never shared between dicts,
 * so a version also names the dict.  A cache that recorded (version, entry
 * index) for a key can read the value straight from the entry while the
 * version is unchanged.
 *
 * Free-threaded build: readers use it like a sequence lock.  Writers (in
 * the dict's critical section) store 0 before touching the index table or
 * the entries (those stores are release stores); a reader loads the
 * version, then the entry, then re-checks the version.  The value read may
 * be replaced concurrently; the dict releases replaced values through QSBR
 * once it is shared (pycore_lockfree.h), so the reader can still count it.
 *
 * Hash summary (dk_hashmask): bit _PyDictKeys_HASHBIT(h) is set for the hash
 * of every key ever stored in the keys block (deletions leave their bit; a
 * resize recomputes it).  A clear bit proves that no key with that hash is
 * present, so the method-load check "does the instance dict shadow this
 * class attribute?" usually answers without probing (_PyDict_SurelyLacks).
 * Implementation: Objects/dictobject.c. */
#ifndef Py_INTERNAL_DICT_H
#define Py_INTERNAL_DICT_H

#include "Python.h"
#include "pycore_lockfree.h"

typedef struct {
    Py_hash_t me_hash;
    PyObject *me_key;
    PyObject *me_value;   /* NULL for a deleted entry */
} _PyDictEntry;

struct _dictkeysobject {
    Py_ssize_t dk_size;       /* slots in the index table */
    Py_ssize_t dk_usable;     /* entries still available */
    Py_ssize_t dk_nentries;   /* entries used (including deleted) */
    uint32_t dk_version;      /* keys version, 0 = not assigned */
    uint32_t dk_hashmask;     /* summary of the keys' hashes (below) */
    Py_ssize_t dk_indices[];  /* dk_size indices, then the entries */
};

#define _PyDictKeys_ENTRIES(dk) ((_PyDictEntry *)(&(dk)->dk_indices[(dk)->dk_size]))
/* High bits of the hash: the probe sequence starts from the low ones, so
 * keys that collide there (the long probes) usually differ here. */
#define _PyDictKeys_HASHBIT(h) ((uint32_t)1 << (((size_t)(h) >> (4 * sizeof(size_t))) & 31))

/* 1 when the dict `op` certainly holds no key whose hash is `hash`; 0 when
 * it may (then look it up).
 *
 * Free-threaded build: writers set a key's bit (in the dict's critical
 * section) before they publish its index, and a resize fills the new
 * block's mask before it installs the block, and bits are never cleared in
 * a block that was ever installed.  So the mask read from the block loaded
 * here covers every key that was present when that block was loaded: a
 * clear bit means the key was absent at that moment, which is a consistent
 * answer for a read racing a writer.  Blocks are freed through QSBR, so
 * reading a replaced one is safe.  Only threads allowed to read the dict
 * lock-free use this (the others go to the locked path, which marks it
 * shared for them). */
static inline _Py_ALWAYS_INLINE int
_PyDict_SurelyLacks(PyObject *op, Py_hash_t hash)
{
#ifdef Py_GIL_DISABLED
    /* _PyObject_CanReadLockFree, the owner first (instance dicts are
     * mostly read by the thread that made them). */
    if (!_Py_IsOwnedByCurrentThread(op) && !_PyObject_GC_IS_SHARED(op)) {
        return 0;
    }
    PyDictKeysObject *dk = _Py_atomic_load_ptr_acquire(&((PyDictObject *)op)->ma_keys);
    return (_Py_atomic_load_uint32_relaxed(&dk->dk_hashmask) & _PyDictKeys_HASHBIT(hash)) == 0;
#else
    return (((PyDictObject *)op)->ma_keys->dk_hashmask & _PyDictKeys_HASHBIT(hash)) == 0;
#endif
}

/* A cache word: keys version in the high 32 bits, entry index in the low
 * 32 (or _PY_DICT_CACHE_ABSENT: the key is not in the dict).  0 = empty.
 * One 64-bit word, so free-threaded readers never see a torn pair. */
#define _PY_DICT_CACHE_ABSENT 0xffffffffu
#define _PY_DICT_CACHE_MAXINDEX 0x7fffffff

/* Look `name` (an exact str) up in the exact dict `op` and describe the
 * result as a cache word: 1 found (*value a new reference), 0 missing, -1
 * error.  *word is 0 when the result cannot be cached. */
PyAPI_FUNC(int) _PyDict_LookupForCache(PyObject *op, PyObject *name, uint64_t *word,
                                       PyObject **value);

/* Probe a cache word against the dict: 1 hit (*value a new reference),
 * 0 the word says the key is absent and still holds, -1 the word is stale. */
static inline _Py_ALWAYS_INLINE int
_PyDict_ProbeCacheWord(PyObject *op, uint64_t word, PyObject **value)
{
    if (word == 0) {
        return -1;
    }
#ifdef Py_GIL_DISABLED
    if (!_PyObject_CanReadLockFree(op)) {
        return -1;
    }
#endif
    PyDictKeysObject *dk = _Py_atomic_load_ptr_acquire(&((PyDictObject *)op)->ma_keys);
    uint32_t version = _Py_atomic_load_uint32_acquire(&dk->dk_version);
    if (version != (uint32_t)(word >> 32)) {
        return -1;
    }
    uint32_t ix = (uint32_t)word;
    if (ix == _PY_DICT_CACHE_ABSENT) {
        return 0;
    }
    PyObject *v = _Py_atomic_load_ptr_acquire(&_PyDictKeys_ENTRIES(dk)[ix].me_value);
    if (v == NULL) {
        return -1;
    }
    Py_INCREF(v);
#ifdef Py_GIL_DISABLED
    /* A key deleted and the entry reused between the two version loads
     * would give another key's value.  (The acquire load of the value
     * keeps this load after it; no fence needed.) */
    if (_Py_atomic_load_uint32_relaxed(&dk->dk_version) != version) {
        Py_DECREF(v);
        return -1;
    }
#endif
    *value = v;
    return 1;
}

PyAPI_FUNC(int) _PyDict_GetAttrHintSlow(PyObject *op, PyObject *name, uint32_t *hint,
                                        PyObject **value);

/* Attribute lookup in an instance dict, trying entry `*hint` first (the
 * index where the key sat last time; instances of one class usually agree):
 * 1 found (*value a new reference, *hint updated), 0 missing, -1 error.
 * The hint check is inline (it runs for most attribute loads); a miss
 * probes out of line.
 *
 * Free-threaded build, without the lock (threads allowed to read the dict
 * lock-free only, pycore_lockfree.h): the entry may be deleted, its value
 * replaced, or (popitem gives back the last entry) reused for another key
 * while we look.  A value loaded after seeing `name` in the entry, and
 * seen there again after the increment, was the name's value when it was
 * loaded (a key reinserted in the same entry in between is the name's
 * again); it is alive to be counted because a shared dict releases what it
 * drops through QSBR, and an unshared one is written only by this thread.
 * A resize leaves the old block as it was at the swap (freed through QSBR),
 * so reading a replaced block gives a value current at the load of
 * ma_keys or later: no re-check of ma_keys. */
static inline _Py_ALWAYS_INLINE int
_PyDict_GetAttrHint(PyObject *op, PyObject *name, uint32_t *hint, PyObject **value)
{
    uint32_t h = *hint;
#ifdef Py_GIL_DISABLED
    /* The owner first: instances are mostly read by the thread that made
     * them. */
    if (_Py_IsOwnedByCurrentThread(op) || _PyObject_GC_IS_SHARED(op)) {
        PyDictKeysObject *dk = _Py_atomic_load_ptr_acquire(&((PyDictObject *)op)->ma_keys);
        if ((Py_ssize_t)h < _Py_atomic_load_ssize_acquire(&dk->dk_nentries)) {
            _PyDictEntry *ep = &_PyDictKeys_ENTRIES(dk)[h];
            if (_Py_atomic_load_ptr_acquire(&ep->me_key) == name) {
                PyObject *v = _Py_atomic_load_ptr_acquire(&ep->me_value);
                if (v != NULL) {
                    Py_INCREF(v);
                    /* The value's acquire load keeps this re-read after
                     * it; where the increment falls does not matter. */
                    if (_Py_LIKELY(_Py_atomic_load_ptr_acquire(&ep->me_key) == name)) {
                        *value = v;
                        return 1;
                    }
                    Py_DECREF(v);
                }
            }
        }
    }
#else
    PyDictKeysObject *dk = ((PyDictObject *)op)->ma_keys;
    if ((Py_ssize_t)h < dk->dk_nentries) {
        _PyDictEntry *ep = &_PyDictKeys_ENTRIES(dk)[h];
        if (ep->me_key == name && ep->me_value != NULL) {
            *value = Py_NewRef(ep->me_value);
            return 1;
        }
    }
#endif
    return _PyDict_GetAttrHintSlow(op, name, hint, value);
}

/* d[key] for an exact dict and an exact str key, taking no lock, running no
 * Python code and raising nothing (the caller may hold `key` borrowed):
 * 1 found (*result a new reference), 0 missing, -1 cannot tell this way. */
PyAPI_FUNC(int) _PyDict_GetStrItemQuiet(PyObject *op, PyObject *key, PyObject **result);

/* Attribute store into an instance dict: when entry `hint` holds `name`
 * (the same str object), replace its value in place under the dict's lock
 * (no hash, no probe) and return 1; else 0 (nothing done: use
 * PyDict_SetItem).  Runs no Python code before it is done with the dict
 * (the old value is released last), so the caller need not hold a
 * reference to the dict.  Never fails. */
PyAPI_FUNC(int) _PyDict_ReplaceAttrHint(PyObject *op, PyObject *name, uint32_t hint,
                                        PyObject *value);

#endif /* Py_INTERNAL_DICT_H */
