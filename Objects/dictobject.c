/* dictobject.c: `dict`, compact and ordered.
 *
 * Layout: ma_keys points to one PyMem block holding a header, an index
 * table of dk_size slots (power of two; each slot is EMPTY, DUMMY or an
 * index into the entries) and the entries array (hash, key, value) in
 * insertion order.  Deleting leaves a NULL entry and a DUMMY index; a
 * resize compacts.  Probing is CPython's (i = i*5 + perturb + 1), so
 * behaviour on collisions matches.
 *
 * Key __hash__/__eq__ may run arbitrary code that mutates the dict: lookups
 * restart when the table changed under them.  In the free-threaded build
 * every mutation runs in a critical section on the dict and a replaced keys
 * block is freed through QSBR.  Lookups of str keys (d[k], k in d, d.get,
 * globals and builtins) take no lock (lookup_lockfree): writers publish
 * entries before their index, store keys/values/indices atomically, and a
 * shared dict releases the keys and values it drops through QSBR
 * (pycore_lockfree.h); any doubt sends the reader to the locked path. */
#include "Python.h"
#include "pycore_object.h"
#include "pycore_pyerrors.h"
#include "pycore_lockfree.h"
#include "pycore_dict.h"
#include "pycore_freelist.h"

#define DKIX_EMPTY (-1)
#define DKIX_DUMMY (-2)
#define DKIX_ERROR (-3)
#define PyDict_MINSIZE 8

/* The keys block layout and its version: Include/internal/pycore_dict.h. */
typedef _PyDictEntry DictEntry;

#define USABLE_FRACTION(n) (((n) << 1) / 3)

/* Stores lock-free readers may race with (free-threaded build). */
#ifdef Py_GIL_DISABLED
#  define STORE_PTR(p, v) _Py_atomic_store_ptr_release(&(p), (v))
#  define STORE_SSIZE(p, v) _Py_atomic_store_ssize_release(&(p), (v))
#  define STORE_USED(mp, v) _Py_atomic_store_ssize_relaxed(&(mp)->ma_used, (v))
#else
#  define STORE_PTR(p, v) ((p) = (v))
#  define STORE_SSIZE(p, v) ((p) = (v))
#  define STORE_USED(mp, v) ((mp)->ma_used = (v))
#endif
#define DK_ENTRIES(dk) ((DictEntry *)(&(dk)->dk_indices[(dk)->dk_size]))

/* A write that adds or removes a key clears the keys version before it
 * touches the table (pycore_dict.h).  The empty keys are never written. */
#ifdef Py_GIL_DISABLED
#  define INVALIDATE_KEYS_VERSION(dk) _Py_atomic_store_uint32_relaxed(&(dk)->dk_version, 0)
#else
#  define INVALIDATE_KEYS_VERSION(dk) ((dk)->dk_version = 0)
#endif

/* Hash summary bits (pycore_dict.h): only set, under the dict's lock. */
#ifdef Py_GIL_DISABLED
#  define SET_HASHBIT(dk, h) \
    _Py_atomic_store_uint32_relaxed(&(dk)->dk_hashmask, \
                                    (dk)->dk_hashmask | _PyDictKeys_HASHBIT(h))
#else
#  define SET_HASHBIT(dk, h) ((dk)->dk_hashmask |= _PyDictKeys_HASHBIT(h))
#endif

/* The shared empty table: never written, never freed. */
static struct {
    Py_ssize_t dk_size, dk_usable, dk_nentries;
    uint32_t dk_version, dk_hashmask;   /* version stays 0: never cached */
    Py_ssize_t indices[PyDict_MINSIZE];
} empty_keys_struct = {PyDict_MINSIZE, 0, 0, 0, 0,
                       {DKIX_EMPTY, DKIX_EMPTY, DKIX_EMPTY, DKIX_EMPTY,
                        DKIX_EMPTY, DKIX_EMPTY, DKIX_EMPTY, DKIX_EMPTY}};
#define Py_EMPTY_KEYS ((PyDictKeysObject *)&empty_keys_struct)

static PyDictKeysObject *
new_keys_object(Py_ssize_t size)
{
    Py_ssize_t usable = USABLE_FRACTION(size);
    size_t bytes = sizeof(PyDictKeysObject) + (size_t)size * sizeof(Py_ssize_t) +
                   (size_t)usable * sizeof(DictEntry);
    PyDictKeysObject *dk = PyMem_Malloc(bytes);
    if (dk == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    dk->dk_size = size;
    dk->dk_usable = usable;
    dk->dk_nentries = 0;
    dk->dk_version = 0;
    dk->dk_hashmask = 0;
    for (Py_ssize_t i = 0; i < size; i++) {
        dk->dk_indices[i] = DKIX_EMPTY;
    }
    return dk;
}

static void
free_keys_object(PyDictKeysObject *keys, int decref_items)
{
    if (keys == Py_EMPTY_KEYS) {
        return;
    }
    if (decref_items) {
        DictEntry *ep = DK_ENTRIES(keys);
        for (Py_ssize_t i = 0, n = keys->dk_nentries; i < n; i++) {
            Py_XDECREF(ep[i].me_key);
            Py_XDECREF(ep[i].me_value);
        }
    }
    _PyMem_FreeDelayed(keys);
}

static Py_ssize_t
calculate_size(Py_ssize_t minsize)
{
    Py_ssize_t size = PyDict_MINSIZE;
    while (size < minsize && size > 0) {
        size <<= 1;
    }
    return size;
}

static PyObject *
new_dict(PyDictKeysObject *keys, Py_ssize_t used)
{
    /* The dict struct (never its keys, which may be under delayed release)
     * may come from the thread's free list (pycore_freelist.h). */
    struct _Py_freelists *fls = _Py_freelists_GET();
    PyDictObject *mp = fls != NULL ? _Py_freelist_pop(&fls->dicts) : NULL;
    if (mp != NULL) {
        _Py_freelist_reset_gc((PyObject *)mp);
        _PyGC_CountAlloc(1);
        _Py_NewReference_Count((PyObject *)mp);
        Py_SET_TYPE(mp, &PyDict_Type);
    }
    else {
        mp = PyObject_GC_New(PyDictObject, &PyDict_Type);
        if (mp == NULL) {
            free_keys_object(keys, 1);
            return NULL;
        }
    }
    mp->ma_keys = keys;
    mp->ma_values = NULL;
    mp->ma_used = used;
    PyObject_GC_Track(mp);
    return (PyObject *)mp;
}

PyObject *
PyDict_New(void)
{
    return new_dict(Py_EMPTY_KEYS, 0);
}

PyObject *
_PyDict_NewPresized(Py_ssize_t minused)
{
    if (minused <= USABLE_FRACTION(PyDict_MINSIZE)) {
        return PyDict_New();
    }
    Py_ssize_t size = calculate_size((minused * 3 + 1) / 2);
    PyDictKeysObject *keys = new_keys_object(size);
    if (keys == NULL) {
        return NULL;
    }
    return new_dict(keys, 0);
}

static inline Py_hash_t
key_hash(PyObject *key)
{
    if (PyUnicode_CheckExact(key)) {
        Py_hash_t h = _Py_atomic_load_ssize_relaxed(&((PyUnicodeObject *)key)->hash);
        if (h != -1) {
            return h;
        }
    }
    return PyObject_Hash(key);
}

/* Find `key`: the entry index (value in *value_addr, borrowed) or
 * DKIX_EMPTY, or DKIX_ERROR with an exception. */
static Py_ssize_t
dict_lookup(PyDictObject *mp, PyObject *key, Py_hash_t hash, PyObject **value_addr)
{
top:;
    PyDictKeysObject *dk = mp->ma_keys;
    size_t mask = (size_t)dk->dk_size - 1;
    size_t perturb = (size_t)hash;
    size_t i = (size_t)hash & mask;
    DictEntry *entries = DK_ENTRIES(dk);
    for (;;) {
        Py_ssize_t ix = dk->dk_indices[i];
        if (ix == DKIX_EMPTY) {
            *value_addr = NULL;
            return DKIX_EMPTY;
        }
        if (ix >= 0) {
            DictEntry *ep = &entries[ix];
            if (ep->me_key == key) {
                *value_addr = ep->me_value;
                return ix;
            }
            if (ep->me_hash == hash && ep->me_key != NULL) {
                PyObject *startkey = ep->me_key;
                if (PyUnicode_CheckExact(startkey) && PyUnicode_CheckExact(key)) {
                    if (_PyUnicode_EQ(startkey, key)) {
                        *value_addr = ep->me_value;
                        return ix;
                    }
                }
                else {
                    Py_INCREF(startkey);
                    int cmp = PyObject_RichCompareBool(startkey, key, Py_EQ);
                    Py_DECREF(startkey);
                    if (cmp < 0) {
                        *value_addr = NULL;
                        return DKIX_ERROR;
                    }
                    if (dk != mp->ma_keys || ep->me_key != startkey) {
                        goto top;  /* the comparison changed the dict */
                    }
                    if (cmp > 0) {
                        *value_addr = ep->me_value;
                        return ix;
                    }
                }
            }
        }
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
}

/* The index-table slot for an entry index (for deletion). */
static Py_ssize_t
lookdict_index(PyDictKeysObject *k, Py_hash_t hash, Py_ssize_t index)
{
    size_t mask = (size_t)k->dk_size - 1;
    size_t perturb = (size_t)hash;
    size_t i = (size_t)hash & mask;
    for (;;) {
        Py_ssize_t ix = k->dk_indices[i];
        if (ix == index) {
            return (Py_ssize_t)i;
        }
        if (ix == DKIX_EMPTY) {
            return DKIX_EMPTY;
        }
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
}

static Py_ssize_t
find_empty_slot(PyDictKeysObject *keys, Py_hash_t hash)
{
    size_t mask = (size_t)keys->dk_size - 1;
    size_t i = (size_t)hash & mask;
    size_t perturb = (size_t)hash;
    while (keys->dk_indices[i] >= 0) {
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
    return (Py_ssize_t)i;
}

/* Grow (or compact) to hold at least minsize entries. */
static int
dictresize(PyDictObject *mp, Py_ssize_t minsize)
{
    Py_ssize_t newsize = calculate_size(minsize);
    if (newsize <= 0) {
        PyErr_NoMemory();
        return -1;
    }
    PyDictKeysObject *oldkeys = mp->ma_keys;
    PyDictKeysObject *newkeys = new_keys_object(newsize);
    if (newkeys == NULL) {
        return -1;
    }
    DictEntry *oldentries = DK_ENTRIES(oldkeys);
    DictEntry *newentries = DK_ENTRIES(newkeys);
    Py_ssize_t n = 0;
    uint32_t hashmask = 0;
    for (Py_ssize_t i = 0; i < oldkeys->dk_nentries; i++) {
        if (oldentries[i].me_value != NULL) {
            newentries[n] = oldentries[i];
            Py_ssize_t slot = find_empty_slot(newkeys, newentries[n].me_hash);
            newkeys->dk_indices[slot] = n;
            hashmask |= _PyDictKeys_HASHBIT(newentries[n].me_hash);
            n++;
        }
        else {
            _PyObject_ReleaseFrom((PyObject *)mp, oldentries[i].me_key);
        }
    }
    newkeys->dk_usable -= n;
    newkeys->dk_nentries = n;
    newkeys->dk_hashmask = hashmask;   /* published by the release store below */
    _PyObject_MarkSharedIfForeign((PyObject *)mp);
    STORE_PTR(mp->ma_keys, newkeys);
    free_keys_object(oldkeys, 0);
    return 0;
}

static int
insertion_resize(PyDictObject *mp)
{
    return dictresize(mp, mp->ma_used * 3);
}

/* Steals key and value. */
static int
insertdict(PyDictObject *mp, PyObject *key, Py_hash_t hash, PyObject *value)
{
    PyObject *old_value;
    _PyObject_MarkSharedIfForeign((PyObject *)mp);
    Py_ssize_t ix = dict_lookup(mp, key, hash, &old_value);
    if (ix == DKIX_ERROR) {
        goto fail;
    }
    if (ix == DKIX_EMPTY) {
        if (mp->ma_keys->dk_usable <= 0) {
            if (insertion_resize(mp) < 0) {
                goto fail;
            }
        }
        PyDictKeysObject *dk = mp->ma_keys;
        Py_ssize_t slot = find_empty_slot(dk, hash);
        DictEntry *ep = &DK_ENTRIES(dk)[dk->dk_nentries];
        /* A new key: the keys version goes first (cache readers re-check
         * it), the entry is complete before its index is published, and
         * dk_nentries last (hint readers bound their index by it). */
        INVALIDATE_KEYS_VERSION(dk);
        /* Before the index is published (_PyDict_SurelyLacks). */
        SET_HASHBIT(dk, hash);
        STORE_PTR(ep->me_key, key);
        STORE_SSIZE(ep->me_hash, hash);
        STORE_PTR(ep->me_value, value);
        STORE_SSIZE(dk->dk_indices[slot], dk->dk_nentries);
        dk->dk_usable--;
        STORE_SSIZE(dk->dk_nentries, dk->dk_nentries + 1);
        STORE_USED(mp, mp->ma_used + 1);
        return 0;
    }
    if (old_value != value) {
        STORE_PTR(DK_ENTRIES(mp->ma_keys)[ix].me_value, value);
        _PyObject_ReleaseFrom((PyObject *)mp, old_value);
    }
    else {
        Py_DECREF(value);
    }
    Py_DECREF(key);
    return 0;
fail:
    Py_DECREF(value);
    Py_DECREF(key);
    return -1;
}

static int
setitem_lock_held(PyDictObject *mp, PyObject *key, PyObject *value, Py_hash_t hash)
{
    return insertdict(mp, Py_NewRef(key), hash, Py_NewRef(value));
}

int
_PyDict_SetItem_KnownHash(PyObject *op, PyObject *key, PyObject *value, Py_hash_t hash)
{
    if (!PyDict_Check(op)) {
        PyErr_BadInternalCall();
        return -1;
    }
    int res;
    Py_BEGIN_CRITICAL_SECTION(op);
    res = setitem_lock_held((PyDictObject *)op, key, value, hash);
    Py_END_CRITICAL_SECTION();
    return res;
}

int
PyDict_SetItem(PyObject *op, PyObject *key, PyObject *value)
{
    if (!PyDict_Check(op)) {
        PyErr_BadInternalCall();
        return -1;
    }
    Py_hash_t hash = key_hash(key);
    if (hash == -1) {
        return -1;
    }
    return _PyDict_SetItem_KnownHash(op, key, value, hash);
}

int
PyDict_SetItemString(PyObject *v, const char *key, PyObject *item)
{
    PyObject *kv = PyUnicode_FromString(key);
    if (kv == NULL) {
        return -1;
    }
    PyUnicode_InternInPlace(&kv);
    int err = PyDict_SetItem(v, kv, item);
    Py_DECREF(kv);
    return err;
}

/* Lookup without the lock, for exact str keys (comparing them runs no
 * Python code): 1 found (*result a new reference), 0 missing, -1 cannot
 * tell (the table changed, a non-str key collided, the value was being
 * replaced): take the locked path.  A result is only returned if the keys
 * block is still the dict's and the entry still holds the key after the
 * value was incref'd, so it was in the dict at that moment.  Compiled in
 * the default build too, for _PyDict_GetStrItemQuiet. */
static inline _Py_ALWAYS_INLINE int
lookup_lockfree_ix(PyDictObject *mp, PyObject *key, Py_hash_t hash, PyObject **result,
                   Py_ssize_t *ixp)
{
    if (!PyUnicode_CheckExact(key) || !_PyObject_CanReadLockFree((PyObject *)mp)) {
        return -1;
    }
    PyDictKeysObject *dk = _Py_atomic_load_ptr_acquire(&mp->ma_keys);
    size_t mask = (size_t)dk->dk_size - 1;
    size_t perturb = (size_t)hash;
    size_t i = (size_t)hash & mask;
    DictEntry *entries = DK_ENTRIES(dk);
    DictEntry *ep;
    PyObject *startkey;
    for (;;) {
        Py_ssize_t ix = _Py_atomic_load_ssize_acquire(&dk->dk_indices[i]);
        if (ix == DKIX_EMPTY) {
            if (_Py_atomic_load_ptr_acquire(&mp->ma_keys) != dk) {
                return -1;
            }
            *result = NULL;
            return 0;
        }
        if (ix >= 0) {
            ep = &entries[ix];
            startkey = _Py_atomic_load_ptr_acquire(&ep->me_key);
            if (startkey == key) {
                break;
            }
            if (startkey != NULL &&
                _Py_atomic_load_ssize_relaxed(&ep->me_hash) == hash) {
                if (!PyUnicode_CheckExact(startkey)) {
                    return -1;
                }
                if (_PyUnicode_EQ(startkey, key)) {
                    break;
                }
            }
        }
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
    PyObject *value = _Py_atomic_load_ptr_acquire(&ep->me_value);
    if (value == NULL || !_Py_IncrefCompareAlive(&ep->me_value, value)) {
        return -1;
    }
    if (_Py_atomic_load_ptr_acquire(&mp->ma_keys) != dk ||
        _Py_atomic_load_ptr_acquire(&ep->me_key) != startkey) {
        Py_DECREF(value);
        return -1;
    }
    *result = value;
    *ixp = ep - entries;
    return 1;
}

/* d[key] for an exact dict and an exact str key that takes no lock, runs
 * no Python code and raises nothing, so that the caller may hold `key`
 * without a reference (the eval loop's borrowed container reads, which
 * stay valid only until the thread next blocks or runs Python code):
 * 1 found (*result a new reference), 0 missing, -1 cannot tell this way. */
int
_PyDict_GetStrItemQuiet(PyObject *op, PyObject *key, PyObject **result)
{
    Py_hash_t hash = key_hash(key);  /* str's own hash: no Python code */
    Py_ssize_t ix;
    return lookup_lockfree_ix((PyDictObject *)op, key, hash, result, &ix);
}

#ifdef Py_GIL_DISABLED
static int
lookup_lockfree(PyDictObject *mp, PyObject *key, Py_hash_t hash, PyObject **result)
{
    Py_ssize_t ix;
    return lookup_lockfree_ix(mp, key, hash, result, &ix);
}

/* The locked path marks the dict shared when a thread other than its
 * owner reads it: from then on that thread reads without the lock. */
#  define MARK_SHARED_FOR_READER(mp) \
    do { \
        if (!_Py_IsOwnedByCurrentThread((PyObject *)(mp))) { \
            _PyObject_GC_SET_SHARED((PyObject *)(mp)); \
        } \
    } while (0)
#else
#  define MARK_SHARED_FOR_READER(mp) ((void)0)
#endif

/* Lookup returning a new reference: 1 found (*ixp its entry index), 0
 * missing, -1 error. */
static int
getitem_ref_ix(PyDictObject *mp, PyObject *key, Py_hash_t hash, PyObject **result,
               Py_ssize_t *ixp)
{
    PyObject *value;
    Py_ssize_t ix;
#ifdef Py_GIL_DISABLED
    int r = lookup_lockfree_ix(mp, key, hash, result, ixp);
    if (r >= 0) {
        return r;
    }
#endif
    Py_BEGIN_CRITICAL_SECTION(mp);
    MARK_SHARED_FOR_READER(mp);
    ix = dict_lookup(mp, key, hash, &value);
    *result = (ix >= 0 && value != NULL) ? Py_NewRef(value) : NULL;
    Py_END_CRITICAL_SECTION();
    if (ix == DKIX_ERROR) {
        return -1;
    }
    *ixp = ix;
    return *result != NULL;
}

static int
getitem_ref_known_hash(PyDictObject *mp, PyObject *key, Py_hash_t hash, PyObject **result)
{
    Py_ssize_t ix;
    return getitem_ref_ix(mp, key, hash, result, &ix);
}

/* ---- support for the eval loop's inline caches (pycore_dict.h) ---------- */

/* Last keys version handed out; versions are never reused, so at 2**32-1
 * caching stops. */
static uint32_t keys_version_counter;

static uint32_t
next_keys_version(void)
{
    uint32_t cur = _Py_atomic_load_uint32_relaxed(&keys_version_counter);
    do {
        if (cur == UINT32_MAX) {
            return 0;
        }
    } while (!_Py_atomic_compare_exchange_uint32(&keys_version_counter, &cur, cur + 1));
    return cur + 1;
}

int
_PyDict_LookupForCache(PyObject *op, PyObject *name, uint64_t *word, PyObject **value)
{
    PyDictObject *mp = (PyDictObject *)op;
    Py_hash_t hash = key_hash(name);
    *word = 0;
    *value = NULL;
    if (hash == -1) {
        return -1;
    }
    PyObject *v = NULL;
    Py_ssize_t ix;
    uint64_t w = 0;
    Py_BEGIN_CRITICAL_SECTION(op);
    MARK_SHARED_FOR_READER(mp);
    PyDictKeysObject *dk = mp->ma_keys;
    /* Writers are locked out, so the version and the lookup agree; the
     * re-check covers an __eq__ that mutated the dict during the lookup. */
    if (dk != Py_EMPTY_KEYS && dk->dk_version == 0) {
        _Py_atomic_store_uint32_relaxed(&dk->dk_version, next_keys_version());
    }
    uint32_t version = dk->dk_version;
    ix = dict_lookup(mp, name, hash, &v);
    if (ix >= 0 && v != NULL) {
        Py_INCREF(v);
    }
    else {
        v = NULL;
    }
    if (ix != DKIX_ERROR && version != 0 && mp->ma_keys == dk && dk->dk_version == version &&
        ix <= _PY_DICT_CACHE_MAXINDEX) {
        w = ((uint64_t)version << 32) | (v != NULL ? (uint32_t)ix : _PY_DICT_CACHE_ABSENT);
    }
    Py_END_CRITICAL_SECTION();
    if (ix == DKIX_ERROR) {
        return -1;
    }
    *word = w;
    *value = v;
    return v != NULL;
}

/* The probing path of _PyDict_GetAttrHint (pycore_dict.h), which tried the
 * hint inline. */
int
_PyDict_GetAttrHintSlow(PyObject *op, PyObject *name, uint32_t *hint, PyObject **value)
{
    PyDictObject *mp = (PyDictObject *)op;
    Py_hash_t hash = key_hash(name);
    if (hash == -1) {
        *value = NULL;
        return -1;
    }
    Py_ssize_t ix = -1;
    int r = getitem_ref_ix(mp, name, hash, value, &ix);
    if (r > 0 && ix >= 0 && ix <= _PY_DICT_CACHE_MAXINDEX) {
        *hint = (uint32_t)ix;
    }
    return r;
}

/* _PyDict_ReplaceAttrHint's work, the lock (or a sole step) held: the old
 * value if entry `hint` holds `name`, else NULL (nothing done). */
static inline _Py_ALWAYS_INLINE PyObject *
replace_at_hint_locked(PyDictObject *mp, PyObject *name, uint32_t hint, PyObject *value)
{
    PyDictKeysObject *dk = mp->ma_keys;
    if ((Py_ssize_t)hint < dk->dk_nentries) {
        DictEntry *ep = &DK_ENTRIES(dk)[hint];
        if (ep->me_key == name && ep->me_value != NULL) {
            /* Replacing a value keeps the keys version (pycore_dict.h);
             * lock-free readers see the old or the new value. */
            _PyObject_MarkSharedIfForeign((PyObject *)mp);
            PyObject *old = ep->me_value;
            STORE_PTR(ep->me_value, Py_NewRef(value));
            return old;
        }
    }
    return NULL;
}

int
_PyDict_ReplaceAttrHint(PyObject *op, PyObject *name, uint32_t hint, PyObject *value)
{
    PyDictObject *mp = (PyDictObject *)op;
    PyObject *old;
#ifdef Py_GIL_DISABLED
    /* The step runs no code and never detaches, so it needs no entry on
     * the critical-section stack: a sole step, or the mutex taken and
     * given back directly.  A mutex already held (by a section of ours
     * around this, or by another thread) takes the general path. */
    PyThreadState *ts = _PyThreadState_GET();
    if (ts != NULL && _PyCriticalSection_BeginSoleStep(ts)) {
        old = replace_at_hint_locked(mp, name, hint, value);
        _PyCriticalSection_EndSoleStep(ts);
    }
    else if (_PyMutex_TryLock(&op->ob_mutex)) {
        old = replace_at_hint_locked(mp, name, hint, value);
        PyMutex_Unlock(&op->ob_mutex);
    }
    else
#endif
    {
        Py_BEGIN_CRITICAL_SECTION(op);
        old = replace_at_hint_locked(mp, name, hint, value);
        Py_END_CRITICAL_SECTION();
    }
    if (old != NULL) {
        /* After the unlock, so a __del__ it runs does not run under the
         * dict's lock.  Whether a reader could still hold it is decided
         * by the shared mark, which only goes from clear to set: a thread
         * that marked it after our unlock reads the new value. */
        _PyObject_ReleaseFrom(op, old);
        return 1;
    }
    return 0;
}

int
PyDict_GetItemRef(PyObject *op, PyObject *key, PyObject **result)
{
    if (!PyDict_Check(op)) {
        PyErr_BadInternalCall();
        *result = NULL;
        return -1;
    }
    Py_hash_t hash = key_hash(key);
    if (hash == -1) {
        *result = NULL;
        return -1;
    }
    return getitem_ref_known_hash((PyDictObject *)op, key, hash, result);
}

int
PyDict_GetItemStringRef(PyObject *v, const char *key, PyObject **result)
{
    PyObject *key_obj = PyUnicode_FromString(key);
    if (key_obj == NULL) {
        *result = NULL;
        return -1;
    }
    int res = PyDict_GetItemRef(v, key_obj, result);
    Py_DECREF(key_obj);
    return res;
}

/* Borrowed lookups.  The value stays alive while the dict holds it. */
PyObject *
_PyDict_GetItem_KnownHash(PyObject *op, PyObject *key, Py_hash_t hash)
{
    if (!PyDict_Check(op)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    PyObject *value;
    Py_ssize_t ix;
    Py_BEGIN_CRITICAL_SECTION(op);
    ix = dict_lookup((PyDictObject *)op, key, hash, &value);
    Py_END_CRITICAL_SECTION();
    if (ix < 0) {
        return NULL;
    }
    return value;
}

PyObject *
PyDict_GetItemWithError(PyObject *op, PyObject *key)
{
    if (!PyDict_Check(op)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    Py_hash_t hash = key_hash(key);
    if (hash == -1) {
        return NULL;
    }
    return _PyDict_GetItem_KnownHash(op, key, hash);
}

PyObject *
_PyDict_GetItemWithError(PyObject *dp, PyObject *key)
{
    return PyDict_GetItemWithError(dp, key);
}

PyObject *
PyDict_GetItem(PyObject *op, PyObject *key)
{
    if (!PyDict_Check(op)) {
        return NULL;
    }
    PyObject *exc = PyErr_GetRaisedException();
    PyObject *res = PyDict_GetItemWithError(op, key);
    if (res == NULL) {
        PyErr_Clear();
    }
    PyErr_SetRaisedException(exc);
    return res;
}

PyObject *
PyDict_GetItemString(PyObject *v, const char *key)
{
    PyObject *kv = PyUnicode_FromString(key);
    if (kv == NULL) {
        PyErr_Clear();
        return NULL;
    }
    PyObject *rv = PyDict_GetItem(v, kv);
    Py_DECREF(kv);
    return rv;
}

int
_PyDict_Contains_KnownHash(PyObject *op, PyObject *key, Py_hash_t hash)
{
    PyObject *value;
    Py_ssize_t ix;
#ifdef Py_GIL_DISABLED
    int r = lookup_lockfree((PyDictObject *)op, key, hash, &value);
    if (r >= 0) {
        Py_XDECREF(value);
        return r;
    }
#endif
    Py_BEGIN_CRITICAL_SECTION(op);
    MARK_SHARED_FOR_READER(op);
    ix = dict_lookup((PyDictObject *)op, key, hash, &value);
    Py_END_CRITICAL_SECTION();
    if (ix == DKIX_ERROR) {
        return -1;
    }
    return ix != DKIX_EMPTY && value != NULL;
}

int
PyDict_Contains(PyObject *op, PyObject *key)
{
    Py_hash_t hash = key_hash(key);
    if (hash == -1) {
        return -1;
    }
    return _PyDict_Contains_KnownHash(op, key, hash);
}

int
PyDict_ContainsString(PyObject *op, const char *key)
{
    PyObject *key_obj = PyUnicode_FromString(key);
    if (key_obj == NULL) {
        return -1;
    }
    int res = PyDict_Contains(op, key_obj);
    Py_DECREF(key_obj);
    return res;
}

/* Remove entry ix; returns the old value (new reference) via *oldvalue. */
static void
delitem_common(PyDictObject *mp, Py_hash_t hash, Py_ssize_t ix, PyObject **oldvalue,
               PyObject **oldkey)
{
    PyDictKeysObject *dk = mp->ma_keys;
    _PyObject_MarkSharedIfForeign((PyObject *)mp);
    Py_ssize_t slot = lookdict_index(dk, hash, ix);
    INVALIDATE_KEYS_VERSION(dk);
    STORE_SSIZE(dk->dk_indices[slot], DKIX_DUMMY);
    DictEntry *ep = &DK_ENTRIES(dk)[ix];
    *oldkey = ep->me_key;
    *oldvalue = ep->me_value;
    STORE_PTR(ep->me_key, NULL);
    STORE_PTR(ep->me_value, NULL);
    STORE_USED(mp, mp->ma_used - 1);
}

/* 1 removed (*result = value), 0 missing, -1 error. */
static int
pop_lock_held(PyDictObject *mp, PyObject *key, Py_hash_t hash, PyObject **result)
{
    PyObject *value, *oldkey;
    if (mp->ma_used == 0) {
        *result = NULL;
        return 0;
    }
    Py_ssize_t ix = dict_lookup(mp, key, hash, &value);
    if (ix == DKIX_ERROR) {
        *result = NULL;
        return -1;
    }
    if (ix == DKIX_EMPTY || value == NULL) {
        *result = NULL;
        return 0;
    }
    delitem_common(mp, hash, ix, &value, &oldkey);
    _PyObject_ReleaseFrom((PyObject *)mp, oldkey);
    *result = _PyObject_HandOutFrom((PyObject *)mp, value);
    return 1;
}

static int
pop_known_hash(PyObject *op, PyObject *key, Py_hash_t hash, PyObject **result)
{
    int r;
    Py_BEGIN_CRITICAL_SECTION(op);
    r = pop_lock_held((PyDictObject *)op, key, hash, result);
    Py_END_CRITICAL_SECTION();
    return r;
}

int
PyDict_Pop(PyObject *op, PyObject *key, PyObject **result)
{
    PyObject *tmp;
    if (!PyDict_Check(op)) {
        if (result) {
            *result = NULL;
        }
        PyErr_BadInternalCall();
        return -1;
    }
    Py_hash_t hash = key_hash(key);
    if (hash == -1) {
        if (result) {
            *result = NULL;
        }
        return -1;
    }
    int r = pop_known_hash(op, key, hash, &tmp);
    if (result) {
        *result = tmp;
    }
    else {
        Py_XDECREF(tmp);
    }
    return r;
}

int
PyDict_PopString(PyObject *op, const char *key, PyObject **result)
{
    PyObject *key_obj = PyUnicode_FromString(key);
    if (key_obj == NULL) {
        if (result) {
            *result = NULL;
        }
        return -1;
    }
    int res = PyDict_Pop(op, key_obj, result);
    Py_DECREF(key_obj);
    return res;
}

int
_PyDict_DelItem_KnownHash(PyObject *op, PyObject *key, Py_hash_t hash)
{
    if (!PyDict_Check(op)) {
        PyErr_BadInternalCall();
        return -1;
    }
    PyObject *old;
    int r = pop_known_hash(op, key, hash, &old);
    if (r < 0) {
        return -1;
    }
    if (r == 0) {
        _PyErr_SetKeyError(key);
        return -1;
    }
    Py_DECREF(old);
    return 0;
}

int
PyDict_DelItem(PyObject *op, PyObject *key)
{
    Py_hash_t hash = key_hash(key);
    if (hash == -1) {
        return -1;
    }
    return _PyDict_DelItem_KnownHash(op, key, hash);
}

int
PyDict_DelItemString(PyObject *pv, const char *key)
{
    PyObject *kv = PyUnicode_FromString(key);
    if (kv == NULL) {
        return -1;
    }
    int err = PyDict_DelItem(pv, kv);
    Py_DECREF(kv);
    return err;
}

void
PyDict_Clear(PyObject *op)
{
    if (!PyDict_Check(op)) {
        return;
    }
    PyDictObject *mp = (PyDictObject *)op;
    PyDictKeysObject *oldkeys;
    Py_BEGIN_CRITICAL_SECTION(op);
    oldkeys = mp->ma_keys;
    _PyObject_MarkSharedIfForeign(op);
    STORE_PTR(mp->ma_keys, Py_EMPTY_KEYS);
    STORE_USED(mp, 0);
    Py_END_CRITICAL_SECTION();
    /* Decref outside the lock: destructors may touch the dict. */
    if (oldkeys != Py_EMPTY_KEYS) {
        DictEntry *ep = DK_ENTRIES(oldkeys);
        for (Py_ssize_t i = 0, n = oldkeys->dk_nentries; i < n; i++) {
            _PyObject_ReleaseFrom(op, ep[i].me_key);
            _PyObject_ReleaseFrom(op, ep[i].me_value);
        }
    }
    free_keys_object(oldkeys, 0);
}

/* Iterate over entries: position is the entry index. */
int
_PyDict_Next(PyObject *op, Py_ssize_t *ppos, PyObject **pkey, PyObject **pvalue,
             Py_hash_t *phash)
{
    if (!PyDict_Check(op)) {
        return 0;
    }
    PyDictObject *mp = (PyDictObject *)op;
    PyDictKeysObject *dk = mp->ma_keys;
    Py_ssize_t i = *ppos;
    Py_ssize_t n = dk->dk_nentries;
    DictEntry *entries = DK_ENTRIES(dk);
    if (i < 0) {
        return 0;
    }
    while (i < n && entries[i].me_value == NULL) {
        i++;
    }
    if (i >= n) {
        return 0;
    }
    *ppos = i + 1;
    if (pkey) {
        *pkey = entries[i].me_key;
    }
    if (pvalue) {
        *pvalue = entries[i].me_value;
    }
    if (phash) {
        *phash = entries[i].me_hash;
    }
    return 1;
}

int
PyDict_Next(PyObject *op, Py_ssize_t *ppos, PyObject **pkey, PyObject **pvalue)
{
    return _PyDict_Next(op, ppos, pkey, pvalue, NULL);
}

Py_ssize_t
PyDict_Size(PyObject *mp)
{
    if (mp == NULL || !PyDict_Check(mp)) {
        PyErr_BadInternalCall();
        return -1;
    }
    return _Py_atomic_load_ssize_relaxed(&((PyDictObject *)mp)->ma_used);
}

/* keys()/values()/items() as lists; which: 0 keys, 1 values, 2 items. */
static PyObject *
dict_to_list(PyObject *op, int which)
{
    PyDictObject *mp = (PyDictObject *)op;
    PyObject *v = NULL;
    Py_BEGIN_CRITICAL_SECTION(op);
    Py_ssize_t n = mp->ma_used;
    v = PyList_New(n);
    if (v != NULL) {
        Py_ssize_t pos = 0, j = 0;
        PyObject *key, *value;
        while (_PyDict_Next(op, &pos, &key, &value, NULL)) {
            PyObject *item;
            if (which == 0) {
                item = Py_NewRef(key);
            }
            else if (which == 1) {
                item = Py_NewRef(value);
            }
            else {
                item = PyTuple_Pack(2, key, value);
                if (item == NULL) {
                    Py_CLEAR(v);
                    break;
                }
            }
            PyList_SET_ITEM(v, j, item);
            j++;
        }
    }
    Py_END_CRITICAL_SECTION();
    return v;
}

PyObject *
PyDict_Keys(PyObject *mp)
{
    if (mp == NULL || !PyDict_Check(mp)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    return dict_to_list(mp, 0);
}

PyObject *
PyDict_Values(PyObject *mp)
{
    if (mp == NULL || !PyDict_Check(mp)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    return dict_to_list(mp, 1);
}

PyObject *
PyDict_Items(PyObject *mp)
{
    if (mp == NULL || !PyDict_Check(mp)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    return dict_to_list(mp, 2);
}

/* Copy all items of a (locked) dict into a fresh dict. */
static PyObject *
copy_lock_held(PyObject *o)
{
    PyDictObject *mp = (PyDictObject *)o;
    PyObject *copy = _PyDict_NewPresized(mp->ma_used);
    if (copy == NULL) {
        return NULL;
    }
    Py_ssize_t pos = 0;
    PyObject *key, *value;
    Py_hash_t hash;
    while (_PyDict_Next(o, &pos, &key, &value, &hash)) {
        if (insertdict((PyDictObject *)copy, Py_NewRef(key), hash, Py_NewRef(value)) < 0) {
            Py_DECREF(copy);
            return NULL;
        }
    }
    return copy;
}

PyObject *
PyDict_Copy(PyObject *o)
{
    if (o == NULL || !PyDict_Check(o)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    PyObject *res;
    Py_BEGIN_CRITICAL_SECTION(o);
    res = copy_lock_held(o);
    Py_END_CRITICAL_SECTION();
    return res;
}

/* Merge `b` into `a`.  override: 0 keep existing, 1 replace, 2 raise
 * KeyError on duplicates (for ** in calls). */
static int
dict_merge(PyObject *a, PyObject *b, int override)
{
    if (a == NULL || !PyDict_Check(a) || b == NULL) {
        PyErr_BadInternalCall();
        return -1;
    }
    if (PyDict_Check(b) && Py_TYPE(b)->tp_iter == PyDict_Type.tp_iter) {
        if (a == b || ((PyDictObject *)b)->ma_used == 0) {
            return 0;
        }
        /* Snapshot b's items so b may be mutated by hash/eq code. */
        PyObject *items = dict_to_list(b, 2);
        if (items == NULL) {
            return -1;
        }
        int res = 0;
        Py_BEGIN_CRITICAL_SECTION(a);
        PyDictObject *mp = (PyDictObject *)a;
        Py_ssize_t n = PyList_GET_SIZE(items);
        if (mp->ma_keys->dk_usable < n) {
            if (dictresize(mp, (mp->ma_used + n) * 3 / 2 + 1) < 0) {
                res = -1;
            }
        }
        for (Py_ssize_t i = 0; res == 0 && i < n; i++) {
            PyObject *kv = PyList_GET_ITEM(items, i);
            PyObject *key = PyTuple_GET_ITEM(kv, 0), *value = PyTuple_GET_ITEM(kv, 1);
            Py_hash_t hash = key_hash(key);
            if (hash == -1) {
                res = -1;
                break;
            }
            if (override != 1) {
                PyObject *existing;
                Py_ssize_t ix = dict_lookup(mp, key, hash, &existing);
                if (ix == DKIX_ERROR) {
                    res = -1;
                    break;
                }
                if (ix >= 0 && existing != NULL) {
                    if (override == 2) {
                        _PyErr_SetKeyError(key);
                        res = -1;
                        break;
                    }
                    continue;
                }
            }
            res = insertdict(mp, Py_NewRef(key), hash, Py_NewRef(value));
        }
        Py_END_CRITICAL_SECTION();
        Py_DECREF(items);
        return res;
    }
    /* A generic mapping: keys() then b[key]. */
    PyObject *keys = PyMapping_Keys(b);
    if (keys == NULL) {
        return -1;
    }
    PyObject *iter = PyObject_GetIter(keys);
    Py_DECREF(keys);
    if (iter == NULL) {
        return -1;
    }
    PyObject *key;
    while ((key = PyIter_Next(iter)) != NULL) {
        if (override != 1) {
            int c = PyDict_Contains(a, key);
            if (c != 0) {
                if (c > 0 && override == 2) {
                    _PyErr_SetKeyError(key);
                    c = -1;
                }
                if (c < 0) {
                    Py_DECREF(key);
                    Py_DECREF(iter);
                    return -1;
                }
                Py_DECREF(key);
                continue;
            }
        }
        PyObject *value = PyObject_GetItem(b, key);
        if (value == NULL) {
            Py_DECREF(iter);
            Py_DECREF(key);
            return -1;
        }
        int status = PyDict_SetItem(a, key, value);
        Py_DECREF(key);
        Py_DECREF(value);
        if (status < 0) {
            Py_DECREF(iter);
            return -1;
        }
    }
    Py_DECREF(iter);
    return PyErr_Occurred() ? -1 : 0;
}

int
PyDict_Update(PyObject *a, PyObject *b)
{
    return dict_merge(a, b, 1);
}

int
PyDict_Merge(PyObject *a, PyObject *b, int override)
{
    return dict_merge(a, b, override != 0);
}

int
_PyDict_MergeEx(PyObject *a, PyObject *b, int override)
{
    return dict_merge(a, b, override);
}

int
PyDict_MergeFromSeq2(PyObject *d, PyObject *seq2, int override)
{
    PyObject *it = PyObject_GetIter(seq2);
    if (it == NULL) {
        return -1;
    }
    Py_ssize_t i;
    PyObject *item;
    for (i = 0;; ++i) {
        item = PyIter_Next(it);
        if (item == NULL) {
            if (PyErr_Occurred()) {
                goto fail;
            }
            break;
        }
        PyObject *fast = PySequence_Fast(item, "");
        if (fast == NULL) {
            if (PyErr_ExceptionMatches(PyExc_TypeError)) {
                PyErr_Format(PyExc_TypeError,
                             "cannot convert dictionary update sequence element #%zd to a sequence",
                             i);
            }
            Py_DECREF(item);
            goto fail;
        }
        Py_ssize_t n = PySequence_Fast_GET_SIZE(fast);
        if (n != 2) {
            PyErr_Format(PyExc_ValueError,
                         "dictionary update sequence element #%zd has length %zd; 2 is required",
                         i, n);
            Py_DECREF(fast);
            Py_DECREF(item);
            goto fail;
        }
        PyObject *key = PySequence_Fast_GET_ITEM(fast, 0);
        PyObject *value = PySequence_Fast_GET_ITEM(fast, 1);
        Py_INCREF(key);
        Py_INCREF(value);
        int status = 0;
        if (override) {
            status = PyDict_SetItem(d, key, value);
        }
        else {
            int c = PyDict_Contains(d, key);
            status = c < 0 ? -1 : (c == 0 ? PyDict_SetItem(d, key, value) : 0);
        }
        Py_DECREF(key);
        Py_DECREF(value);
        Py_DECREF(fast);
        Py_DECREF(item);
        if (status < 0) {
            goto fail;
        }
    }
    Py_DECREF(it);
    return 0;
fail:
    Py_DECREF(it);
    return -1;
}

/* update(arg): a mapping (has keys()) or an iterable of pairs. */
static int
dict_update_arg(PyObject *self, PyObject *arg)
{
    if (PyDict_CheckExact(arg)) {
        return PyDict_Merge(self, arg, 1);
    }
    PyObject *func;
    if (PyObject_GetOptionalAttrString(arg, "keys", &func) < 0) {
        return -1;
    }
    if (func != NULL) {
        Py_DECREF(func);
        return PyDict_Merge(self, arg, 1);
    }
    return PyDict_MergeFromSeq2(self, arg, 1);
}

static int
dict_update_common(PyObject *self, PyObject *args, PyObject *kwds, const char *methname)
{
    PyObject *arg = NULL;
    int result = 0;
    if (!PyArg_UnpackTuple(args, methname, 0, 1, &arg)) {
        result = -1;
    }
    else if (arg != NULL) {
        result = dict_update_arg(self, arg);
    }
    if (result == 0 && kwds != NULL) {
        if (PyArg_ValidateKeywordArguments(kwds)) {
            result = PyDict_Merge(self, kwds, 1);
        }
        else {
            result = -1;
        }
    }
    return result;
}

PyObject *
PyDict_SetDefault(PyObject *d, PyObject *key, PyObject *defaultobj)
{
    PyObject *result;
    if (PyDict_SetDefaultRef(d, key, defaultobj, &result) < 0) {
        return NULL;
    }
    Py_DECREF(result);  /* the dict keeps it alive: borrowed */
    return result;
}

int
PyDict_SetDefaultRef(PyObject *d, PyObject *key, PyObject *default_value, PyObject **result)
{
    if (!PyDict_Check(d)) {
        PyErr_BadInternalCall();
        if (result) {
            *result = NULL;
        }
        return -1;
    }
    Py_hash_t hash = key_hash(key);
    if (hash == -1) {
        if (result) {
            *result = NULL;
        }
        return -1;
    }
    int res;
    Py_BEGIN_CRITICAL_SECTION(d);
    PyObject *value;
    Py_ssize_t ix = dict_lookup((PyDictObject *)d, key, hash, &value);
    if (ix == DKIX_ERROR) {
        res = -1;
        value = NULL;
    }
    else if (ix >= 0 && value != NULL) {
        res = 1;
    }
    else {
        res = insertdict((PyDictObject *)d, Py_NewRef(key), hash, Py_NewRef(default_value));
        value = res < 0 ? NULL : default_value;
    }
    if (result) {
        *result = Py_XNewRef(value);
    }
    Py_END_CRITICAL_SECTION();
    return res;
}

PyObject *
_PyDict_FromItems(PyObject *const *keys, Py_ssize_t keys_offset, PyObject *const *values,
                  Py_ssize_t values_offset, Py_ssize_t length)
{
    PyObject *dict = _PyDict_NewPresized(length);
    if (dict == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < length; i++) {
        if (PyDict_SetItem(dict, *keys, *values) < 0) {
            Py_DECREF(dict);
            return NULL;
        }
        keys += keys_offset;
        values += values_offset;
    }
    return dict;
}

/* ---- type slots ------------------------------------------------------------ */

static void
dict_dealloc(PyObject *self)
{
    PyDictObject *mp = (PyDictObject *)self;
    PyObject_GC_UnTrack(mp);
    free_keys_object(mp->ma_keys, 1);
    if (PyDict_CheckExact(mp)) {
        struct _Py_freelists *fls = _Py_freelists_GET();
        if (fls != NULL && _Py_freelist_push(&fls->dicts, mp, _Py_DICT_MAXFREELIST)) {
            _PyGC_CountAlloc(-1);
            return;
        }
    }
    Py_TYPE(mp)->tp_free((PyObject *)mp);
}

static PyObject *
dict_repr(PyObject *self)
{
    PyDictObject *mp = (PyDictObject *)self;
    int i = Py_ReprEnter(self);
    if (i != 0) {
        return i > 0 ? PyUnicode_FromString("{...}") : NULL;
    }
    if (mp->ma_used == 0) {
        Py_ReprLeave(self);
        return PyUnicode_FromString("{}");
    }
    _PyUnicodeWriter writer;
    _PyUnicodeWriter_Init(&writer);
    if (_PyUnicodeWriter_WriteChar(&writer, '{') < 0) {
        goto error;
    }
    /* Hold references: repr of a key may mutate the dict. */
    Py_ssize_t pos = 0;
    int first = 1;
    PyObject *key, *value;
    while (PyDict_Next(self, &pos, &key, &value)) {
        Py_INCREF(key);
        Py_INCREF(value);
        if (!first && _PyUnicodeWriter_WriteASCIIString(&writer, ", ", 2) < 0) {
            goto error_kv;
        }
        first = 0;
        PyObject *s = PyObject_Repr(key);
        if (s == NULL) {
            goto error_kv;
        }
        int r = _PyUnicodeWriter_WriteStr(&writer, s);
        Py_DECREF(s);
        if (r < 0 || _PyUnicodeWriter_WriteASCIIString(&writer, ": ", 2) < 0) {
            goto error_kv;
        }
        s = PyObject_Repr(value);
        if (s == NULL) {
            goto error_kv;
        }
        r = _PyUnicodeWriter_WriteStr(&writer, s);
        Py_DECREF(s);
        if (r < 0) {
            goto error_kv;
        }
        Py_DECREF(key);
        Py_DECREF(value);
        continue;
    error_kv:
        Py_DECREF(key);
        Py_DECREF(value);
        goto error;
    }
    if (_PyUnicodeWriter_WriteChar(&writer, '}') < 0) {
        goto error;
    }
    Py_ReprLeave(self);
    return _PyUnicodeWriter_Finish(&writer);
error:
    Py_ReprLeave(self);
    _PyUnicodeWriter_Dealloc(&writer);
    return NULL;
}

static Py_ssize_t
dict_length(PyObject *self)
{
    return _Py_atomic_load_ssize_relaxed(&((PyDictObject *)self)->ma_used);
}

static PyObject *
dict_subscript(PyObject *self, PyObject *key)
{
    Py_hash_t hash = key_hash(key);
    if (hash == -1) {
        return NULL;
    }
    PyObject *value;
    int r = getitem_ref_known_hash((PyDictObject *)self, key, hash, &value);
    if (r < 0) {
        return NULL;
    }
    if (r == 0) {
        if (!PyDict_CheckExact(self)) {
            /* Subclasses may define __missing__. */
            PyObject *missing = _PyObject_LookupSpecial(self, _Py_ID_STR(__missing__));
            if (missing != NULL) {
                PyObject *res = PyObject_CallOneArg(missing, key);
                Py_DECREF(missing);
                return res;
            }
            if (PyErr_Occurred()) {
                return NULL;
            }
        }
        _PyErr_SetKeyError(key);
        return NULL;
    }
    return value;
}

static int
dict_ass_sub(PyObject *mp, PyObject *v, PyObject *w)
{
    if (w == NULL) {
        return PyDict_DelItem(mp, v);
    }
    return PyDict_SetItem(mp, v, w);
}

static PyMappingMethods dict_as_mapping = {
    .mp_length = dict_length,
    .mp_subscript = dict_subscript,
    .mp_ass_subscript = dict_ass_sub,
};

static int
dict_contains(PyObject *op, PyObject *key)
{
    return PyDict_Contains(op, key);
}

static PySequenceMethods dict_as_sequence = {
    .sq_contains = dict_contains,
};

/* a == b for dicts: same length, same keys, equal values. */
static int
dict_equal(PyObject *a, PyObject *b)
{
    if (PyDict_GET_SIZE(a) != PyDict_GET_SIZE(b)) {
        return 0;
    }
    PyObject *items = dict_to_list(a, 2);
    if (items == NULL) {
        return -1;
    }
    int res = 1;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(items); i++) {
        PyObject *kv = PyList_GET_ITEM(items, i);
        PyObject *bval;
        int r = PyDict_GetItemRef(b, PyTuple_GET_ITEM(kv, 0), &bval);
        if (r <= 0) {
            res = r;
            break;
        }
        int cmp = PyObject_RichCompareBool(PyTuple_GET_ITEM(kv, 1), bval, Py_EQ);
        Py_DECREF(bval);
        if (cmp <= 0) {
            res = cmp;
            break;
        }
    }
    Py_DECREF(items);
    return res;
}

static PyObject *
dict_richcompare(PyObject *v, PyObject *w, int op)
{
    if (!PyDict_Check(v) || !PyDict_Check(w) || (op != Py_EQ && op != Py_NE)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    int cmp = dict_equal(v, w);
    if (cmp < 0) {
        return NULL;
    }
    return PyBool_FromLong(cmp == (op == Py_EQ));
}

static int
dict_traverse(PyObject *op, visitproc visit, void *arg)
{
    PyDictObject *mp = (PyDictObject *)op;
    DictEntry *ep = DK_ENTRIES(mp->ma_keys);
    for (Py_ssize_t i = 0; i < mp->ma_keys->dk_nentries; i++) {
        if (ep[i].me_value != NULL) {
            Py_VISIT(ep[i].me_value);
            Py_VISIT(ep[i].me_key);
        }
    }
    return 0;
}

static int
dict_tp_clear(PyObject *op)
{
    PyDict_Clear(op);
    return 0;
}

static PyObject *
dict_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyObject *self = type->tp_alloc(type, 0);
    if (self == NULL) {
        return NULL;
    }
    PyDictObject *d = (PyDictObject *)self;
    d->ma_used = 0;
    d->ma_keys = Py_EMPTY_KEYS;
    d->ma_values = NULL;
    return self;
}

static int
dict_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    return dict_update_common(self, args, kwds, "dict");
}

static PyObject *
dict_or(PyObject *self, PyObject *other)
{
    if (!PyDict_Check(self) || !PyDict_Check(other)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    PyObject *newd = PyDict_Copy(self);
    if (newd == NULL) {
        return NULL;
    }
    if (dict_update_arg(newd, other)) {
        Py_DECREF(newd);
        return NULL;
    }
    return newd;
}

static PyObject *
dict_ior(PyObject *self, PyObject *other)
{
    if (dict_update_arg(self, other)) {
        return NULL;
    }
    return Py_NewRef(self);
}

static PyNumberMethods dict_as_number = {
    .nb_or = dict_or,
    .nb_inplace_or = dict_ior,
};

/* ---- methods --------------------------------------------------------------- */

static PyObject *
dict_get(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("get", nargs, 1, 2)) {
        return NULL;
    }
    PyObject *val;
    int r = PyDict_GetItemRef(self, args[0], &val);
    if (r < 0) {
        return NULL;
    }
    if (r == 0) {
        return Py_NewRef(nargs > 1 ? args[1] : Py_None);
    }
    return val;
}

static PyObject *
dict_setdefault(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("setdefault", nargs, 1, 2)) {
        return NULL;
    }
    PyObject *val;
    if (PyDict_SetDefaultRef(self, args[0], nargs > 1 ? args[1] : Py_None, &val) < 0) {
        return NULL;
    }
    return val;
}

static PyObject *
dict_pop(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("pop", nargs, 1, 2)) {
        return NULL;
    }
    PyObject *result;
    int r = PyDict_Pop(self, args[0], &result);
    if (r < 0) {
        return NULL;
    }
    if (r == 0) {
        if (nargs > 1) {
            return Py_NewRef(args[1]);
        }
        _PyErr_SetKeyError(args[0]);
        return NULL;
    }
    return result;
}

static PyObject *
dict_popitem(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyDictObject *mp = (PyDictObject *)self;
    PyObject *res = PyTuple_New(2);
    if (res == NULL) {
        return NULL;
    }
    PyObject *key = NULL, *value = NULL;
    Py_BEGIN_CRITICAL_SECTION(self);
    if (mp->ma_used > 0) {
        PyDictKeysObject *dk = mp->ma_keys;
        DictEntry *ep0 = DK_ENTRIES(dk);
        Py_ssize_t i = dk->dk_nentries - 1;
        while (i >= 0 && ep0[i].me_value == NULL) {
            i--;
        }
        delitem_common(mp, ep0[i].me_hash, i, &value, &key);
        STORE_SSIZE(dk->dk_nentries, i);
        dk->dk_usable++;
    }
    Py_END_CRITICAL_SECTION();
    if (key == NULL) {
        Py_DECREF(res);
        PyErr_SetString(PyExc_KeyError, "popitem(): dictionary is empty");
        return NULL;
    }
    PyTuple_SET_ITEM(res, 0, _PyObject_HandOutFrom(self, key));
    PyTuple_SET_ITEM(res, 1, _PyObject_HandOutFrom(self, value));
    return res;
}

static PyObject *
dict_update(PyObject *self, PyObject *args, PyObject *kwds)
{
    if (dict_update_common(self, args, kwds, "update") != -1) {
        Py_RETURN_NONE;
    }
    return NULL;
}

static PyObject *
dict_clear(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyDict_Clear(self);
    Py_RETURN_NONE;
}

static PyObject *
dict_copy(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return PyDict_Copy(self);
}

static PyObject *
dict_fromkeys(PyObject *cls, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("fromkeys", nargs, 1, 2)) {
        return NULL;
    }
    PyObject *iterable = args[0];
    PyObject *value = nargs > 1 ? args[1] : Py_None;
    PyObject *d = PyObject_CallNoArgs(cls);
    if (d == NULL) {
        return NULL;
    }
    PyObject *it = PyObject_GetIter(iterable);
    if (it == NULL) {
        Py_DECREF(d);
        return NULL;
    }
    PyObject *key;
    while ((key = PyIter_Next(it)) != NULL) {
        int status = PyDict_CheckExact(d) ? PyDict_SetItem(d, key, value)
                                          : PyObject_SetItem(d, key, value);
        Py_DECREF(key);
        if (status < 0) {
            goto fail;
        }
    }
    if (PyErr_Occurred()) {
        goto fail;
    }
    Py_DECREF(it);
    return d;
fail:
    Py_DECREF(it);
    Py_DECREF(d);
    return NULL;
}

static PyObject *
dict_sizeof(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyDictObject *mp = (PyDictObject *)self;
    Py_ssize_t res = (Py_ssize_t)sizeof(PyDictObject);
    if (mp->ma_keys != Py_EMPTY_KEYS) {
        res += (Py_ssize_t)sizeof(PyDictKeysObject) +
               mp->ma_keys->dk_size * (Py_ssize_t)sizeof(Py_ssize_t) +
               USABLE_FRACTION(mp->ma_keys->dk_size) * (Py_ssize_t)sizeof(DictEntry);
    }
    return PyLong_FromSsize_t(res);
}

static PyObject *
dict___contains__(PyObject *self, PyObject *key)
{
    int c = PyDict_Contains(self, key);
    if (c < 0) {
        return NULL;
    }
    return PyBool_FromLong(c);
}

static PyObject *dictkeys_new(PyObject *dict, PyObject *Py_UNUSED(ignored));
static PyObject *dictvalues_new(PyObject *dict, PyObject *Py_UNUSED(ignored));
static PyObject *dictitems_new(PyObject *dict, PyObject *Py_UNUSED(ignored));
static PyObject *dict_reversed(PyObject *dict, PyObject *Py_UNUSED(ignored));

static PyMethodDef mapp_methods[] = {
    {"__contains__", dict___contains__, METH_O | METH_COEXIST,
     "True if the dictionary has the specified key, else False."},
    {"__getitem__", dict_subscript, METH_O | METH_COEXIST, "Return self[key]."},
    {"__sizeof__", dict_sizeof, METH_NOARGS, "Return the size of the dict in memory, in bytes."},
    {"get", _PyCFunction_CAST(dict_get), METH_FASTCALL,
     "Return the value for key if key is in the dictionary, else default."},
    {"setdefault", _PyCFunction_CAST(dict_setdefault), METH_FASTCALL,
     "Insert key with a value of default if key is not in the dictionary.\n\n"
     "Return the value for key if key is in the dictionary, else default."},
    {"pop", _PyCFunction_CAST(dict_pop), METH_FASTCALL,
     "D.pop(k[,d]) -> v, remove specified key and return the corresponding value."},
    {"popitem", dict_popitem, METH_NOARGS,
     "Remove and return a (key, value) pair as a 2-tuple."},
    {"keys", dictkeys_new, METH_NOARGS, "Return a set-like object providing a view on the dict's keys."},
    {"items", dictitems_new, METH_NOARGS, "Return a set-like object providing a view on the dict's items."},
    {"values", dictvalues_new, METH_NOARGS, "Return an object providing a view on the dict's values."},
    {"update", _PyCFunction_CAST(dict_update), METH_VARARGS | METH_KEYWORDS,
     "D.update([E, ]**F) -> None.  Update D from mapping/iterable E and F."},
    {"fromkeys", _PyCFunction_CAST(dict_fromkeys), METH_FASTCALL | METH_CLASS,
     "Create a new dictionary with keys from iterable and values set to value."},
    {"clear", dict_clear, METH_NOARGS, "Remove all items from the dict."},
    {"copy", dict_copy, METH_NOARGS, "Return a shallow copy of the dict."},
    {"__class_getitem__", Py_GenericAlias, METH_O | METH_CLASS, "See PEP 585"},
    {"__reversed__", dict_reversed, METH_NOARGS,
     "Return a reverse iterator over the dict keys."},
    {NULL, NULL, 0, NULL}
};

static PyObject *dict_iter(PyObject *dict);

PyTypeObject PyDict_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "dict",
    .tp_basicsize = sizeof(PyDictObject),
    .tp_dealloc = dict_dealloc,
    .tp_repr = dict_repr,
    .tp_as_number = &dict_as_number,
    .tp_as_sequence = &dict_as_sequence,
    .tp_as_mapping = &dict_as_mapping,
    .tp_hash = PyObject_HashNotImplemented,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE |
                Py_TPFLAGS_DICT_SUBCLASS | Py_TPFLAGS_MAPPING,
    .tp_doc = "dict() -> new empty dictionary\n"
              "dict(mapping) -> new dictionary initialized from a mapping object's\n"
              "    (key, value) pairs\n"
              "dict(iterable) -> new dictionary initialized as if via:\n"
              "    d = {}\n"
              "    for k, v in iterable:\n"
              "        d[k] = v\n"
              "dict(**kwargs) -> new dictionary initialized with the name=value pairs\n"
              "    in the keyword argument list.  For example:  dict(one=1, two=2)",
    .tp_traverse = dict_traverse,
    .tp_clear = dict_tp_clear,
    .tp_richcompare = dict_richcompare,
    .tp_iter = dict_iter,
    .tp_methods = mapp_methods,
    .tp_init = dict_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = dict_new,
    .tp_free = PyObject_GC_Del,
};

/* ---- iterators ---------------------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    PyDictObject *di_dict;   /* NULL when exhausted */
    Py_ssize_t di_used;
    Py_ssize_t di_pos;
    PyObject *di_result;     /* reusable (key, value) tuple, unused */
    Py_ssize_t len;
} dictiterobject;

static PyObject *
dictiter_new(PyDictObject *dict, PyTypeObject *itertype)
{
    dictiterobject *di = PyObject_GC_New(dictiterobject, itertype);
    if (di == NULL) {
        return NULL;
    }
    di->di_dict = (PyDictObject *)Py_NewRef(dict);
    di->di_used = dict->ma_used;
    di->len = dict->ma_used;
    di->di_result = NULL;
    if (itertype == &PyDictRevIterKey_Type || itertype == &PyDictRevIterValue_Type ||
        itertype == &PyDictRevIterItem_Type) {
        di->di_pos = dict->ma_keys->dk_nentries - 1;
    }
    else {
        di->di_pos = 0;
    }
    PyObject_GC_Track(di);
    return (PyObject *)di;
}

static void
dictiter_dealloc(PyObject *self)
{
    dictiterobject *di = (dictiterobject *)self;
    PyObject_GC_UnTrack(di);
    Py_XDECREF(di->di_dict);
    Py_XDECREF(di->di_result);
    PyObject_GC_Del(di);
}

static int
dictiter_traverse(PyObject *self, visitproc visit, void *arg)
{
    dictiterobject *di = (dictiterobject *)self;
    Py_VISIT(di->di_dict);
    Py_VISIT(di->di_result);
    return 0;
}

static PyObject *
dictiter_len(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    dictiterobject *di = (dictiterobject *)self;
    Py_ssize_t len = 0;
    if (di->di_dict != NULL && di->di_used == di->di_dict->ma_used) {
        len = di->len;
    }
    return PyLong_FromSsize_t(len);
}

static PyMethodDef dictiter_methods[] = {
    {"__length_hint__", dictiter_len, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

/* which: 0 key, 1 value, 2 item; step +1 or -1. */
static PyObject *
dictiter_next_common(dictiterobject *di, int which, int step)
{
    PyDictObject *d = di->di_dict;
    if (d == NULL) {
        return NULL;
    }
    PyObject *result = NULL;
    int changed = 0;
    Py_BEGIN_CRITICAL_SECTION(d);
    if (di->di_used != d->ma_used) {
        changed = 1;
        di->di_used = -1;
    }
    else {
        PyDictKeysObject *k = d->ma_keys;
        DictEntry *entries = DK_ENTRIES(k);
        Py_ssize_t i = di->di_pos;
        Py_ssize_t n = k->dk_nentries;
        if (step > 0) {
            while (i < n && entries[i].me_value == NULL) {
                i++;
            }
        }
        else {
            if (i >= n) {
                i = n - 1;
            }
            while (i >= 0 && entries[i].me_value == NULL) {
                i--;
            }
        }
        if (i >= 0 && i < n) {
            di->di_pos = i + step;
            di->len--;
            if (which == 0) {
                result = Py_NewRef(entries[i].me_key);
            }
            else if (which == 1) {
                result = Py_NewRef(entries[i].me_value);
            }
            else {
                result = PyTuple_Pack(2, entries[i].me_key, entries[i].me_value);
                if (result == NULL) {
                    changed = 2;
                }
            }
        }
    }
    Py_END_CRITICAL_SECTION();
    if (changed == 1) {
        PyErr_SetString(PyExc_RuntimeError, "dictionary changed size during iteration");
        return NULL;
    }
    if (result == NULL && changed == 0) {
        di->di_dict = NULL;
        Py_DECREF(d);
    }
    return result;
}

static PyObject *dictiter_iternextkey(PyObject *s) { return dictiter_next_common((dictiterobject *)s, 0, 1); }
static PyObject *dictiter_iternextvalue(PyObject *s) { return dictiter_next_common((dictiterobject *)s, 1, 1); }
static PyObject *dictiter_iternextitem(PyObject *s) { return dictiter_next_common((dictiterobject *)s, 2, 1); }
static PyObject *dictreviter_iternextkey(PyObject *s) { return dictiter_next_common((dictiterobject *)s, 0, -1); }
static PyObject *dictreviter_iternextvalue(PyObject *s) { return dictiter_next_common((dictiterobject *)s, 1, -1); }
static PyObject *dictreviter_iternextitem(PyObject *s) { return dictiter_next_common((dictiterobject *)s, 2, -1); }

#define DICTITER_TYPE(CNAME, NAME, NEXT) \
PyTypeObject CNAME = { \
    PyVarObject_HEAD_INIT(&PyType_Type, 0) \
    .tp_name = NAME, \
    .tp_basicsize = sizeof(dictiterobject), \
    .tp_dealloc = dictiter_dealloc, \
    .tp_getattro = PyObject_GenericGetAttr, \
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC, \
    .tp_traverse = dictiter_traverse, \
    .tp_iter = PyObject_SelfIter, \
    .tp_iternext = NEXT, \
    .tp_methods = dictiter_methods, \
    .tp_free = PyObject_GC_Del, \
};

DICTITER_TYPE(PyDictIterKey_Type, "dict_keyiterator", dictiter_iternextkey)
DICTITER_TYPE(PyDictIterValue_Type, "dict_valueiterator", dictiter_iternextvalue)
DICTITER_TYPE(PyDictIterItem_Type, "dict_itemiterator", dictiter_iternextitem)
DICTITER_TYPE(PyDictRevIterKey_Type, "dict_reversekeyiterator", dictreviter_iternextkey)
DICTITER_TYPE(PyDictRevIterValue_Type, "dict_reversevalueiterator", dictreviter_iternextvalue)
DICTITER_TYPE(PyDictRevIterItem_Type, "dict_reverseitemiterator", dictreviter_iternextitem)

static PyObject *
dict_iter(PyObject *dict)
{
    return dictiter_new((PyDictObject *)dict, &PyDictIterKey_Type);
}

static PyObject *
dict_reversed(PyObject *dict, PyObject *Py_UNUSED(ignored))
{
    return dictiter_new((PyDictObject *)dict, &PyDictRevIterKey_Type);
}

/* ---- views ---------------------------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    PyDictObject *dv_dict;
} _PyDictViewObject;

static void
dictview_dealloc(PyObject *self)
{
    _PyDictViewObject *dv = (_PyDictViewObject *)self;
    PyObject_GC_UnTrack(dv);
    Py_XDECREF(dv->dv_dict);
    PyObject_GC_Del(dv);
}

static int
dictview_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((_PyDictViewObject *)self)->dv_dict);
    return 0;
}

static Py_ssize_t
dictview_len(PyObject *self)
{
    _PyDictViewObject *dv = (_PyDictViewObject *)self;
    return dv->dv_dict ? dict_length((PyObject *)dv->dv_dict) : 0;
}

static PyObject *
dictview_new(PyObject *dict, PyTypeObject *type)
{
    if (!PyDict_Check(dict)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    _PyDictViewObject *dv = PyObject_GC_New(_PyDictViewObject, type);
    if (dv == NULL) {
        return NULL;
    }
    dv->dv_dict = (PyDictObject *)Py_NewRef(dict);
    PyObject_GC_Track(dv);
    return (PyObject *)dv;
}

static PyObject *
dictview_repr(PyObject *self)
{
    _PyDictViewObject *dv = (_PyDictViewObject *)self;
    int rc = Py_ReprEnter(self);
    if (rc != 0) {
        return rc > 0 ? PyUnicode_FromString("...") : NULL;
    }
    PyObject *result = NULL;
    PyObject *seq = PySequence_List(self);
    if (seq != NULL) {
        result = PyUnicode_FromFormat("%s(%R)", Py_TYPE(dv)->tp_name, seq);
        Py_DECREF(seq);
    }
    Py_ReprLeave(self);
    return result;
}

static PyObject *
dictview_mapping(PyObject *view, void *Py_UNUSED(ignored))
{
    return PyDictProxy_New((PyObject *)((_PyDictViewObject *)view)->dv_dict);
}

static PyGetSetDef dictview_getset[] = {
    {"mapping", dictview_mapping, NULL, "dictionary that this view refers to", NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

/* Is every element of a in b? */
static int
all_contained_in(PyObject *self, PyObject *other)
{
    PyObject *iter = PyObject_GetIter(self);
    int ok = 1;
    if (iter == NULL) {
        return -1;
    }
    for (;;) {
        PyObject *next = PyIter_Next(iter);
        if (next == NULL) {
            if (PyErr_Occurred()) {
                ok = -1;
            }
            break;
        }
        ok = PySequence_Contains(other, next);
        Py_DECREF(next);
        if (ok <= 0) {
            break;
        }
    }
    Py_DECREF(iter);
    return ok;
}

static PyObject *
dictview_richcompare(PyObject *self, PyObject *other, int op)
{
    if (!PyAnySet_Check(other) && !PyDictViewSet_Check(other)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    Py_ssize_t len_self = PyObject_Size(self);
    if (len_self < 0) {
        return NULL;
    }
    Py_ssize_t len_other = PyObject_Size(other);
    if (len_other < 0) {
        return NULL;
    }
    int ok = 0;
    switch (op) {
    case Py_NE:
    case Py_EQ:
        if (len_self == len_other) {
            ok = all_contained_in(self, other);
        }
        if (op == Py_NE && ok >= 0) {
            ok = !ok;
        }
        break;
    case Py_LT:
        if (len_self < len_other) {
            ok = all_contained_in(self, other);
        }
        break;
    case Py_LE:
        if (len_self <= len_other) {
            ok = all_contained_in(self, other);
        }
        break;
    case Py_GT:
        if (len_self > len_other) {
            ok = all_contained_in(other, self);
        }
        break;
    case Py_GE:
        if (len_self >= len_other) {
            ok = all_contained_in(other, self);
        }
        break;
    }
    if (ok < 0) {
        return NULL;
    }
    return PyBool_FromLong(ok);
}

/* Set operations build a set from the left operand and apply the method. */
static PyObject *
view_setop(PyObject *self, PyObject *other, const char *method)
{
    PyObject *left = self, *right = other;
    if (!PyDictViewSet_Check(self)) {
        /* Reflected: other op view. */
        left = other;
        right = self;
    }
    PyObject *result = PySet_New(left);
    if (result == NULL) {
        return NULL;
    }
    PyObject *tmp = PyObject_CallMethod(result, method, "O", right);
    if (tmp == NULL) {
        Py_DECREF(result);
        return NULL;
    }
    Py_DECREF(tmp);
    return result;
}

static PyObject *
dictviews_sub(PyObject *self, PyObject *other)
{
    if (!PyDictViewSet_Check(self)) {
        /* other - view */
        PyObject *result = PySet_New(self);
        if (result == NULL) {
            return NULL;
        }
        PyObject *tmp = PyObject_CallMethod(result, "difference_update", "O", other);
        if (tmp == NULL) {
            Py_DECREF(result);
            return NULL;
        }
        Py_DECREF(tmp);
        return result;
    }
    return view_setop(self, other, "difference_update");
}

static PyObject *
dictviews_and(PyObject *self, PyObject *other)
{
    return view_setop(self, other, "intersection_update");
}

static PyObject *
dictviews_or(PyObject *self, PyObject *other)
{
    return view_setop(self, other, "update");
}

static PyObject *
dictviews_xor(PyObject *self, PyObject *other)
{
    return view_setop(self, other, "symmetric_difference_update");
}

static PyNumberMethods dictviews_as_number = {
    .nb_subtract = dictviews_sub,
    .nb_and = dictviews_and,
    .nb_xor = dictviews_xor,
    .nb_or = dictviews_or,
};

static PyObject *
dictviews_isdisjoint(PyObject *self, PyObject *other)
{
    PyObject *it = PyObject_GetIter(other);
    if (it == NULL) {
        return NULL;
    }
    PyObject *item;
    while ((item = PyIter_Next(it)) != NULL) {
        int contains = PySequence_Contains(self, item);
        Py_DECREF(item);
        if (contains != 0) {
            Py_DECREF(it);
            if (contains < 0) {
                return NULL;
            }
            Py_RETURN_FALSE;
        }
    }
    Py_DECREF(it);
    if (PyErr_Occurred()) {
        return NULL;
    }
    Py_RETURN_TRUE;
}

static PyObject *
dictkeys_iter(PyObject *self)
{
    _PyDictViewObject *dv = (_PyDictViewObject *)self;
    return dictiter_new(dv->dv_dict, &PyDictIterKey_Type);
}

static int
dictkeys_contains(PyObject *self, PyObject *obj)
{
    return PyDict_Contains((PyObject *)((_PyDictViewObject *)self)->dv_dict, obj);
}

static PySequenceMethods dictkeys_as_sequence = {
    .sq_length = dictview_len,
    .sq_contains = dictkeys_contains,
};

static PyObject *
dictkeys_reversed(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return dictiter_new(((_PyDictViewObject *)self)->dv_dict, &PyDictRevIterKey_Type);
}

static PyMethodDef dictkeys_methods[] = {
    {"isdisjoint", dictviews_isdisjoint, METH_O,
     "Return True if the view and the given iterable have a null intersection."},
    {"__reversed__", dictkeys_reversed, METH_NOARGS,
     "Return a reverse iterator over the dict keys."},
    {NULL, NULL, 0, NULL}
};

PyTypeObject PyDictKeys_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "dict_keys",
    .tp_basicsize = sizeof(_PyDictViewObject),
    .tp_dealloc = dictview_dealloc,
    .tp_repr = dictview_repr,
    .tp_as_number = &dictviews_as_number,
    .tp_as_sequence = &dictkeys_as_sequence,
    .tp_hash = PyObject_HashNotImplemented,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = dictview_traverse,
    .tp_richcompare = dictview_richcompare,
    .tp_iter = dictkeys_iter,
    .tp_methods = dictkeys_methods,
    .tp_getset = dictview_getset,
    .tp_free = PyObject_GC_Del,
};

static PyObject *
dictkeys_new(PyObject *dict, PyObject *Py_UNUSED(ignored))
{
    return dictview_new(dict, &PyDictKeys_Type);
}

static PyObject *
dictitems_iter(PyObject *self)
{
    return dictiter_new(((_PyDictViewObject *)self)->dv_dict, &PyDictIterItem_Type);
}

static int
dictitems_contains(PyObject *self, PyObject *obj)
{
    _PyDictViewObject *dv = (_PyDictViewObject *)self;
    if (!PyTuple_Check(obj) || PyTuple_GET_SIZE(obj) != 2) {
        return 0;
    }
    PyObject *key = PyTuple_GET_ITEM(obj, 0), *value = PyTuple_GET_ITEM(obj, 1);
    PyObject *found;
    int r = PyDict_GetItemRef((PyObject *)dv->dv_dict, key, &found);
    if (r <= 0) {
        return r;
    }
    int result = PyObject_RichCompareBool(found, value, Py_EQ);
    Py_DECREF(found);
    return result;
}

static PySequenceMethods dictitems_as_sequence = {
    .sq_length = dictview_len,
    .sq_contains = dictitems_contains,
};

static PyObject *
dictitems_reversed(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return dictiter_new(((_PyDictViewObject *)self)->dv_dict, &PyDictRevIterItem_Type);
}

static PyMethodDef dictitems_methods[] = {
    {"isdisjoint", dictviews_isdisjoint, METH_O,
     "Return True if the view and the given iterable have a null intersection."},
    {"__reversed__", dictitems_reversed, METH_NOARGS,
     "Return a reverse iterator over the dict items."},
    {NULL, NULL, 0, NULL}
};

PyTypeObject PyDictItems_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "dict_items",
    .tp_basicsize = sizeof(_PyDictViewObject),
    .tp_dealloc = dictview_dealloc,
    .tp_repr = dictview_repr,
    .tp_as_number = &dictviews_as_number,
    .tp_as_sequence = &dictitems_as_sequence,
    .tp_hash = PyObject_HashNotImplemented,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = dictview_traverse,
    .tp_richcompare = dictview_richcompare,
    .tp_iter = dictitems_iter,
    .tp_methods = dictitems_methods,
    .tp_getset = dictview_getset,
    .tp_free = PyObject_GC_Del,
};

static PyObject *
dictitems_new(PyObject *dict, PyObject *Py_UNUSED(ignored))
{
    return dictview_new(dict, &PyDictItems_Type);
}

static PyObject *
dictvalues_iter(PyObject *self)
{
    return dictiter_new(((_PyDictViewObject *)self)->dv_dict, &PyDictIterValue_Type);
}

static PySequenceMethods dictvalues_as_sequence = {
    .sq_length = dictview_len,
};

static PyObject *
dictvalues_reversed(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return dictiter_new(((_PyDictViewObject *)self)->dv_dict, &PyDictRevIterValue_Type);
}

static PyMethodDef dictvalues_methods[] = {
    {"__reversed__", dictvalues_reversed, METH_NOARGS,
     "Return a reverse iterator over the dict values."},
    {NULL, NULL, 0, NULL}
};

PyTypeObject PyDictValues_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "dict_values",
    .tp_basicsize = sizeof(_PyDictViewObject),
    .tp_dealloc = dictview_dealloc,
    .tp_repr = dictview_repr,
    .tp_as_sequence = &dictvalues_as_sequence,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = dictview_traverse,
    .tp_iter = dictvalues_iter,
    .tp_methods = dictvalues_methods,
    .tp_getset = dictview_getset,
    .tp_free = PyObject_GC_Del,
};

static PyObject *
dictvalues_new(PyObject *dict, PyObject *Py_UNUSED(ignored))
{
    return dictview_new(dict, &PyDictValues_Type);
}

/* list(d), list(d.keys()), list(d.values()), list(d.items()): a snapshot
 * taken in one critical section, so that (as under a GIL, where the C loop
 * never lets another thread in) the copy never sees a concurrent insert and
 * never raises "changed size during iteration".  NULL without an exception
 * when obj is not an exact dict or a dict view. */
PyObject *
_PyDict_SnapshotList(PyObject *obj)
{
    if (PyDict_CheckExact(obj)) {
        return dict_to_list(obj, 0);
    }
    PyTypeObject *tp = Py_TYPE(obj);
    int which;
    if (tp == &PyDictKeys_Type) {
        which = 0;
    }
    else if (tp == &PyDictValues_Type) {
        which = 1;
    }
    else if (tp == &PyDictItems_Type) {
        which = 2;
    }
    else {
        return NULL;
    }
    PyObject *dict = (PyObject *)((_PyDictViewObject *)obj)->dv_dict;
    if (dict == NULL) {
        return PyList_New(0);
    }
    return dict_to_list(dict, which);
}
