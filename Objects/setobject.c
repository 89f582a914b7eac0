/* setobject.c: set and frozenset.
 *
 * The table is laid out and probed exactly as CPython's, so iteration order
 * matches for keys whose hashes are deterministic (ints, tuples of ints):
 * from slot hash & mask, look at up to LINEAR_PROBES following slots, then
 * jump with i = i*5 + 1 + perturb (perturb >>= 5 each time).  An add that
 * reaches a never-used slot stores into the last deleted ("dummy") slot it
 * passed, if any, else into that never-used slot.  A table is at most 60% full (fill*5 < mask*3); growth picks
 * the smallest power of two above used*4 (used*2 beyond 50000 items).
 * Tables of 8 slots live inside the object (smalltable).
 *
 * Free-threaded build: every operation that changes a set runs in a
 * critical section on the set (two for binary operations on two sets).
 * Membership tests (x in s) and iteration take no lock: writers bracket
 * every change of the table with a sequence counter (wseq odd while they
 * write) and store entries, table and mask atomically; a reader takes a
 * snapshot of the counter, reads, and trusts what it read only if the
 * counter is unchanged (else it takes the lock).  What a reader may still
 * touch after a writer dropped it stays valid: a shared set releases the
 * keys it drops and its old tables through QSBR (pycore_lockfree.h).
 * Readers compare keys themselves only for exact str, int and float keys
 * (no Python code runs); anything else takes the locked path. */
#include "Python.h"
#include "pycore_lockfree.h"

#define LINEAR_PROBES 9
#define PERTURB_SHIFT 5

/* Marks a deleted slot; never visible outside this file. */
static struct { PyObject ob; } _dummy_struct = { PyObject_HEAD_INIT(&PyBaseObject_Type) };
#define dummy (&_dummy_struct.ob)

static PyObject *make_new_set(PyTypeObject *type, PyObject *iterable);
static int set_update_internal(PySetObject *so, PyObject *other);

#ifdef Py_GIL_DISABLED
#  define SET_STORE_USED(so, n) _Py_atomic_store_ssize_relaxed(&(so)->used, (n))
/* Stores lock-free readers may race with.  Release stores keep them after
 * the odd counter value of set_write_begin. */
#  define SET_STORE_KEY(e, k) _Py_atomic_store_ptr_release(&(e)->key, (k))
#  define SET_STORE_HASH(e, h) _Py_atomic_store_ssize_release(&(e)->hash, (h))
#  define SET_STORE_TABLE(so, t) _Py_atomic_store_ptr_release(&(so)->table, (t))
#  define SET_STORE_MASK(so, m) _Py_atomic_store_ssize_release(&(so)->mask, (m))
static inline void set_write_begin(PySetObject *so)
{
    /* The owner may be reading without the lock: a foreign writer marks the
     * set shared, so that what it drops is released through QSBR. */
    _PyObject_MarkSharedIfForeign((PyObject *)so);
    _Py_atomic_store_uintptr_relaxed(&so->wseq, so->wseq + 1);
}
static inline void set_write_end(PySetObject *so)
{
    _Py_atomic_store_uintptr_release(&so->wseq, so->wseq + 1);
}
/* Old tables of a shared set go through QSBR: a reader may be scanning them. */
static inline void set_free_table(PySetObject *so, setentry *table)
{
    if (_PyObject_GC_IS_SHARED((PyObject *)so)) {
        _PyMem_FreeDelayed(table);
    }
    else {
        PyMem_Free(table);
    }
}
#else
#  define SET_STORE_USED(so, n) ((so)->used = (n))
#  define SET_STORE_KEY(e, k) ((e)->key = (k))
#  define SET_STORE_HASH(e, h) ((e)->hash = (h))
#  define SET_STORE_TABLE(so, t) ((so)->table = (t))
#  define SET_STORE_MASK(so, m) ((so)->mask = (m))
#  define set_write_begin(so) ((void)0)
#  define set_write_end(so) ((void)0)
#  define set_free_table(so, table) PyMem_Free(table)
#endif

/* Empty `n` entries readers may be looking at (memset is not atomic). */
static void
set_zero_entries(setentry *table, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        SET_STORE_KEY(&table[i], NULL);
        SET_STORE_HASH(&table[i], 0);
    }
}

/* ---- the table ----------------------------------------------------------- */

/* The entry holding key (hash given), or the never-used entry where it
 * would go; NULL on comparison error.  A comparison that mutates the table
 * restarts the search. */
static setentry *
set_lookkey(PySetObject *so, PyObject *key, Py_hash_t hash)
{
    setentry *table, *entry;
    size_t perturb = (size_t)hash;
    size_t mask = (size_t)so->mask;
    size_t i = (size_t)hash & mask;
    int probes, cmp;

    for (;;) {
        entry = &so->table[i];
        probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        do {
            if (entry->hash == 0 && entry->key == NULL) {
                return entry;
            }
            if (entry->hash == hash) {
                PyObject *startkey = entry->key;
                if (startkey == key) {
                    return entry;
                }
                if (PyUnicode_CheckExact(startkey) && PyUnicode_CheckExact(key) &&
                    _PyUnicode_EQ(startkey, key)) {
                    return entry;
                }
                table = so->table;
                Py_INCREF(startkey);
                cmp = PyObject_RichCompareBool(startkey, key, Py_EQ);
                Py_DECREF(startkey);
                if (cmp < 0) {
                    return NULL;
                }
                if (table != so->table || entry->key != startkey) {
                    return set_lookkey(so, key, hash);
                }
                if (cmp > 0) {
                    return entry;
                }
                mask = (size_t)so->mask;
            }
            entry++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

static int set_table_resize(PySetObject *, Py_ssize_t);

/* Add key (a new reference is taken).  0, or -1 on error. */
static int
set_add_entry(PySetObject *so, PyObject *key, Py_hash_t hash)
{
    setentry *table, *entry, *freeslot;
    size_t perturb, mask, i;
    int probes, cmp;

    /* Hold the key: a comparison may otherwise free it before insertion. */
    Py_INCREF(key);
restart:
    freeslot = NULL;
    mask = (size_t)so->mask;
    i = (size_t)hash & mask;
    perturb = (size_t)hash;
    for (;;) {
        entry = &so->table[i];
        probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        do {
            if (entry->hash == 0 && entry->key == NULL) {
                goto found_unused;
            }
            if (entry->hash == hash) {
                PyObject *startkey = entry->key;
                if (startkey == key) {
                    goto found_active;
                }
                if (PyUnicode_CheckExact(startkey) && PyUnicode_CheckExact(key) &&
                    _PyUnicode_EQ(startkey, key)) {
                    goto found_active;
                }
                table = so->table;
                Py_INCREF(startkey);
                cmp = PyObject_RichCompareBool(startkey, key, Py_EQ);
                Py_DECREF(startkey);
                if (cmp > 0) {
                    goto found_active;
                }
                if (cmp < 0) {
                    Py_DECREF(key);
                    return -1;
                }
                if (table != so->table || entry->key != startkey) {
                    goto restart;
                }
                mask = (size_t)so->mask;
            }
            else if (entry->hash == -1) {
                freeslot = entry;  /* a dummy: reusable */
            }
            entry++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }

found_unused:
    set_write_begin(so);
    if (freeslot != NULL) {
        /* Reuse a deleted slot: fill is unchanged, so no growth. */
        SET_STORE_USED(so, so->used + 1);
        SET_STORE_KEY(freeslot, key);
        SET_STORE_HASH(freeslot, hash);
        set_write_end(so);
        return 0;
    }
    so->fill++;
    SET_STORE_USED(so, so->used + 1);
    SET_STORE_KEY(entry, key);
    SET_STORE_HASH(entry, hash);
    set_write_end(so);
    if ((size_t)so->fill * 5 < mask * 3) {
        return 0;
    }
    return set_table_resize(so, so->used > 50000 ? so->used * 2 : so->used * 4);

found_active:
    Py_DECREF(key);
    return 0;
}

/* Insert into a table known to hold neither key nor dummies; no
 * comparisons.  Steals the reference. */
static void
set_insert_clean(setentry *table, size_t mask, PyObject *key, Py_hash_t hash)
{
    setentry *entry;
    size_t perturb = (size_t)hash;
    size_t i = (size_t)hash & mask;
    for (;;) {
        entry = &table[i];
        if (entry->key == NULL) {
            goto found_null;
        }
        if (i + LINEAR_PROBES <= mask) {
            for (int j = 0; j < LINEAR_PROBES; j++) {
                entry++;
                if (entry->key == NULL) {
                    goto found_null;
                }
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
found_null:
    SET_STORE_KEY(entry, key);
    SET_STORE_HASH(entry, hash);
}

/* Rebuild the table with room for more than `minused` entries (the size is
 * the smallest power of two above it), dropping dummies. */
static int
set_table_resize(PySetObject *so, Py_ssize_t minused)
{
    setentry small_copy[PySet_MINSIZE];
    size_t newsize = PySet_MINSIZE;
    while (newsize <= (size_t)minused) {
        newsize <<= 1;
        if (newsize == 0 || newsize > (size_t)PY_SSIZE_T_MAX / sizeof(setentry)) {
            PyErr_NoMemory();
            return -1;
        }
    }

    setentry *oldtable = so->table;
    int is_oldtable_malloced = oldtable != so->smalltable;
    setentry *newtable;
    if (newsize == PySet_MINSIZE) {
        newtable = so->smalltable;
        if (newtable == oldtable) {
            if (so->fill == so->used) {
                return 0;  /* nothing to clean up */
            }
            memcpy(small_copy, oldtable, sizeof(small_copy));
            oldtable = small_copy;
        }
        set_write_begin(so);
        set_zero_entries(newtable, newsize);
    }
    else {
        newtable = PyMem_New(setentry, newsize);
        if (newtable == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        memset(newtable, 0, sizeof(setentry) * newsize);  /* not visible yet */
        set_write_begin(so);
    }

    size_t oldmask = (size_t)so->mask;
    size_t newmask = newsize - 1;
    SET_STORE_MASK(so, (Py_ssize_t)newmask);
    SET_STORE_TABLE(so, newtable);
    if (so->fill == so->used) {
        for (size_t k = 0; k <= oldmask; k++) {
            if (oldtable[k].key != NULL) {
                set_insert_clean(newtable, newmask, oldtable[k].key, oldtable[k].hash);
            }
        }
    }
    else {
        so->fill = so->used;
        for (size_t k = 0; k <= oldmask; k++) {
            if (oldtable[k].key != NULL && oldtable[k].key != dummy) {
                set_insert_clean(newtable, newmask, oldtable[k].key, oldtable[k].hash);
            }
        }
    }
    set_write_end(so);
    if (is_oldtable_malloced) {
        set_free_table(so, oldtable);
    }
    return 0;
}

/* 1 if present, 0 if not, -1 on error. */
static int
set_contains_entry(PySetObject *so, PyObject *key, Py_hash_t hash)
{
    setentry *entry = set_lookkey(so, key, hash);
    if (entry == NULL) {
        return -1;
    }
    return entry->key != NULL;
}

#define DISCARD_NOTFOUND 0
#define DISCARD_FOUND 1

static int
set_discard_entry(PySetObject *so, PyObject *key, Py_hash_t hash)
{
    setentry *entry = set_lookkey(so, key, hash);
    if (entry == NULL) {
        return -1;
    }
    if (entry->key == NULL) {
        return DISCARD_NOTFOUND;
    }
    PyObject *old_key = entry->key;
    set_write_begin(so);
    SET_STORE_KEY(entry, dummy);
    SET_STORE_HASH(entry, -1);
    SET_STORE_USED(so, so->used - 1);
    set_write_end(so);
    _PyObject_ReleaseFrom((PyObject *)so, old_key);
    return DISCARD_FOUND;
}

static int
set_add_key(PySetObject *so, PyObject *key)
{
    Py_hash_t hash = PyObject_Hash(key);
    if (hash == -1) {
        return -1;
    }
    return set_add_entry(so, key, hash);
}

static int
set_contains_key(PySetObject *so, PyObject *key)
{
    Py_hash_t hash = PyObject_Hash(key);
    if (hash == -1) {
        return -1;
    }
    return set_contains_entry(so, key, hash);
}

static int
set_discard_key(PySetObject *so, PyObject *key)
{
    Py_hash_t hash = PyObject_Hash(key);
    if (hash == -1) {
        return -1;
    }
    return set_discard_entry(so, key, hash);
}

static void
set_empty_to_minsize(PySetObject *so)
{
    set_write_begin(so);
    set_zero_entries(so->smalltable, PySet_MINSIZE);
    so->fill = 0;
    SET_STORE_USED(so, 0);
    SET_STORE_MASK(so, PySet_MINSIZE - 1);
    SET_STORE_TABLE(so, so->smalltable);
    so->hash = -1;
    set_write_end(so);
}

/* Empty the set; the old keys are released after the set is consistent,
 * since their destructors may look at it. */
static int
set_clear_internal(PySetObject *so)
{
    setentry *table = so->table;
    Py_ssize_t fill = so->fill;
    int table_is_malloced = table != so->smalltable;
    setentry small_copy[PySet_MINSIZE];

    if (table_is_malloced) {
        set_empty_to_minsize(so);
    }
    else if (fill > 0) {
        memcpy(small_copy, table, sizeof(small_copy));
        table = small_copy;
        set_empty_to_minsize(so);
    }
    for (setentry *entry = table; fill > 0; entry++) {
        if (entry->key != NULL) {
            fill--;
            if (entry->key != dummy) {
                _PyObject_ReleaseFrom((PyObject *)so, entry->key);
            }
        }
    }
    if (table_is_malloced) {
        set_free_table(so, table);
    }
    return 0;
}

/* Next active entry at or after *pos_ptr: 1 and *entry_ptr, or 0 at the end. */
static int
set_next(PySetObject *so, Py_ssize_t *pos_ptr, setentry **entry_ptr)
{
    Py_ssize_t i = *pos_ptr;
    Py_ssize_t mask = so->mask;
    setentry *entry = &so->table[i];
    while (i <= mask && (entry->key == NULL || entry->key == dummy)) {
        i++;
        entry++;
    }
    *pos_ptr = i + 1;
    if (i > mask) {
        return 0;
    }
    *entry_ptr = entry;
    return 1;
}

/* ---- bulk operations (locks held by the caller) -------------------------- */

static int
set_merge_lock_held(PySetObject *so, PyObject *otherset)
{
    PySetObject *other = (PySetObject *)otherset;
    if (other == so || other->used == 0) {
        return 0;
    }
    /* Room for the union without growing more than once. */
    if ((so->fill + other->used) * 5 >= so->mask * 3) {
        if (set_table_resize(so, (so->used + other->used) * 2) != 0) {
            return -1;
        }
    }
    setentry *so_entry = so->table;
    setentry *other_entry = other->table;

    /* Empty table of the same size, no dummies: copy slot for slot. */
    if (so->fill == 0 && so->mask == other->mask && other->fill == other->used) {
        set_write_begin(so);
        for (Py_ssize_t i = 0; i <= other->mask; i++, so_entry++, other_entry++) {
            PyObject *key = other_entry->key;
            if (key != NULL) {
                SET_STORE_KEY(so_entry, Py_NewRef(key));
                SET_STORE_HASH(so_entry, other_entry->hash);
            }
        }
        so->fill = other->fill;
        SET_STORE_USED(so, other->used);
        set_write_end(so);
        return 0;
    }
    /* Empty table: no duplicates possible, insert without comparing. */
    if (so->fill == 0) {
        setentry *newtable = so->table;
        size_t newmask = (size_t)so->mask;
        set_write_begin(so);
        so->fill = other->used;
        SET_STORE_USED(so, other->used);
        for (Py_ssize_t i = other->mask + 1; i > 0; i--, other_entry++) {
            PyObject *key = other_entry->key;
            if (key != NULL && key != dummy) {
                set_insert_clean(newtable, newmask, Py_NewRef(key), other_entry->hash);
            }
        }
        set_write_end(so);
        return 0;
    }
    for (Py_ssize_t i = 0; i <= other->mask; i++) {
        other_entry = &other->table[i];
        PyObject *key = other_entry->key;
        if (key != NULL && key != dummy) {
            if (set_add_entry(so, key, other_entry->hash)) {
                return -1;
            }
        }
    }
    return 0;
}

static int
set_update_dict_lock_held(PySetObject *so, PyObject *dict)
{
    Py_ssize_t dictsize = PyDict_GET_SIZE(dict);
    if ((so->fill + dictsize) * 5 >= so->mask * 3) {
        if (set_table_resize(so, (so->used + dictsize) * 2) != 0) {
            return -1;
        }
    }
    Py_ssize_t pos = 0;
    PyObject *key, *value;
    Py_hash_t hash;
    while (_PyDict_Next(dict, &pos, &key, &value, &hash)) {
        if (set_add_entry(so, key, hash)) {
            return -1;
        }
    }
    return 0;
}

static int
set_update_iterable_lock_held(PySetObject *so, PyObject *other)
{
    PyObject *it = PyObject_GetIter(other);
    if (it == NULL) {
        return -1;
    }
    PyObject *key;
    while ((key = PyIter_Next(it)) != NULL) {
        if (set_add_key(so, key)) {
            Py_DECREF(it);
            Py_DECREF(key);
            return -1;
        }
        Py_DECREF(key);
    }
    Py_DECREF(it);
    if (PyErr_Occurred()) {
        return -1;
    }
    return 0;
}

/* so |= other, for any iterable other. */
static int
set_update_internal(PySetObject *so, PyObject *other)
{
    int rv;
    if (PyAnySet_Check(other)) {
        Py_BEGIN_CRITICAL_SECTION2(so, other);
        rv = set_merge_lock_held(so, other);
        Py_END_CRITICAL_SECTION2();
    }
    else if (PyDict_CheckExact(other)) {
        Py_BEGIN_CRITICAL_SECTION2(so, other);
        rv = set_update_dict_lock_held(so, other);
        Py_END_CRITICAL_SECTION2();
    }
    else {
        Py_BEGIN_CRITICAL_SECTION(so);
        rv = set_update_iterable_lock_held(so, other);
        Py_END_CRITICAL_SECTION();
    }
    return rv;
}

/* ---- construction -------------------------------------------------------- */

static PyObject *
make_new_set(PyTypeObject *type, PyObject *iterable)
{
    PySetObject *so = (PySetObject *)type->tp_alloc(type, 0);
    if (so == NULL) {
        return NULL;
    }
    so->fill = 0;
    so->used = 0;
    so->mask = PySet_MINSIZE - 1;
    so->table = so->smalltable;
    so->hash = -1;
    so->finger = 0;
    so->wseq = 0;
    so->weakreflist = NULL;
    if (iterable != NULL) {
        if (set_update_internal(so, iterable)) {
            Py_DECREF(so);
            return NULL;
        }
    }
    return (PyObject *)so;
}

/* Results of operations on subclasses are plain sets / frozensets. */
static PyObject *
make_new_set_basetype(PyTypeObject *type, PyObject *iterable)
{
    if (type != &PySet_Type && type != &PyFrozenSet_Type) {
        if (PyType_IsSubtype(type, &PySet_Type)) {
            type = &PySet_Type;
        }
        else {
            type = &PyFrozenSet_Type;
        }
    }
    return make_new_set(type, iterable);
}

static PyObject *
frozenset_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    if (type == &PyFrozenSet_Type && kwds != NULL && PyDict_GET_SIZE(kwds) != 0) {
        PyErr_SetString(PyExc_TypeError, "frozenset() takes no keyword arguments");
        return NULL;
    }
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    if (nargs > 1) {
        PyErr_Format(PyExc_TypeError, "frozenset expected at most 1 argument, got %zd", nargs);
        return NULL;
    }
    PyObject *iterable = nargs ? PyTuple_GET_ITEM(args, 0) : NULL;
    if (type == &PyFrozenSet_Type && iterable != NULL && PyFrozenSet_CheckExact(iterable)) {
        /* Immutable: share it. */
        return Py_NewRef(iterable);
    }
    return make_new_set(type, iterable);
}

static PyObject *
set_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    if (type == &PySet_Type && kwds != NULL && PyDict_GET_SIZE(kwds) != 0) {
        PyErr_SetString(PyExc_TypeError, "set() takes no keyword arguments");
        return NULL;
    }
    return make_new_set(type, NULL);
}

static int
set_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    PySetObject *so = (PySetObject *)self;
    if (Py_IS_TYPE(self, &PySet_Type) && kwds != NULL && PyDict_GET_SIZE(kwds) != 0) {
        PyErr_SetString(PyExc_TypeError, "set() takes no keyword arguments");
        return -1;
    }
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    if (nargs > 1) {
        PyErr_Format(PyExc_TypeError, "set expected at most 1 argument, got %zd", nargs);
        return -1;
    }
    Py_BEGIN_CRITICAL_SECTION(so);
    if (so->fill) {
        set_clear_internal(so);
    }
    so->hash = -1;
    Py_END_CRITICAL_SECTION();
    if (nargs == 1) {
        return set_update_internal(so, PyTuple_GET_ITEM(args, 0));
    }
    return 0;
}

static void
set_dealloc(PyObject *op)
{
    PySetObject *so = (PySetObject *)op;
    Py_ssize_t used = so->used;
    PyObject_GC_UnTrack(op);
    PyObject_ClearWeakRefs(op);
    for (setentry *entry = so->table; used > 0; entry++) {
        if (entry->key && entry->key != dummy) {
            used--;
            _PyObject_ReleaseFrom(op, entry->key);
        }
    }
    if (so->table != so->smalltable) {
        set_free_table(so, so->table);
    }
    Py_TYPE(op)->tp_free(op);
}

static int
set_traverse(PyObject *op, visitproc visit, void *arg)
{
    PySetObject *so = (PySetObject *)op;
    Py_ssize_t pos = 0;
    setentry *entry;
    while (set_next(so, &pos, &entry)) {
        Py_VISIT(entry->key);
    }
    return 0;
}

static int
set_tp_clear(PyObject *op)
{
    Py_BEGIN_CRITICAL_SECTION(op);
    set_clear_internal((PySetObject *)op);
    Py_END_CRITICAL_SECTION();
    return 0;
}

/* ---- hashing, repr, length ----------------------------------------------- */

/* Spread the bits of an entry hash so that xor-ing many of them (order
 * independent) still gives a good hash. */
static Py_uhash_t
_shuffle_bits(Py_uhash_t h)
{
    return ((h ^ 89869747UL) ^ (h << 16)) * 3644798167UL;
}

static Py_hash_t
frozenset_hash(PyObject *self)
{
    PySetObject *so = (PySetObject *)self;
    if (so->hash != -1) {
        return so->hash;
    }
    Py_uhash_t hash = 0;
    /* Every slot contributes, unused ones as hash 0 and dummies as -1; the
     * effects of an odd number of each are removed afterwards. */
    for (setentry *entry = so->table; entry <= &so->table[so->mask]; entry++) {
        hash ^= _shuffle_bits((Py_uhash_t)entry->hash);
    }
    if ((so->mask + 1 - so->fill) & 1) {
        hash ^= _shuffle_bits(0);
    }
    if ((so->fill - so->used) & 1) {
        hash ^= _shuffle_bits((Py_uhash_t)-1);
    }
    hash ^= ((Py_uhash_t)PySet_GET_SIZE(self) + 1) * 1927868237UL;
    /* Disperse patterns of nested frozensets. */
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash * 69069U + 907133923UL;
    if (hash == (Py_uhash_t)-1) {
        hash = 590923713UL;
    }
    so->hash = (Py_hash_t)hash;
    return so->hash;
}

static Py_ssize_t
set_len(PyObject *so)
{
    return PySet_GET_SIZE(so);
}

static PyObject *
set_repr_lock_held(PySetObject *so)
{
    const char *tname = Py_TYPE(so)->tp_name;
    if (so->used == 0) {
        return PyUnicode_FromFormat("%s()", tname);
    }
    int status = Py_ReprEnter((PyObject *)so);
    if (status != 0) {
        if (status < 0) {
            return NULL;
        }
        return PyUnicode_FromFormat("%s(...)", tname);
    }
    PyObject *result = NULL;
    PyObject *keys = PyList_New(0);
    if (keys == NULL) {
        goto done;
    }
    Py_ssize_t pos = 0;
    setentry *entry;
    while (set_next(so, &pos, &entry)) {
        if (PyList_Append(keys, entry->key) < 0) {
            goto done;
        }
    }
    PyObject *listrepr = PyObject_Repr(keys);
    if (listrepr == NULL) {
        goto done;
    }
    PyObject *body = PyUnicode_Substring(listrepr, 1, PyUnicode_GET_LENGTH(listrepr) - 1);
    Py_DECREF(listrepr);
    if (body == NULL) {
        goto done;
    }
    if (!PySet_CheckExact(so)) {
        result = PyUnicode_FromFormat("%s({%U})", tname, body);
    }
    else {
        result = PyUnicode_FromFormat("{%U}", body);
    }
    Py_DECREF(body);
done:
    Py_XDECREF(keys);
    Py_ReprLeave((PyObject *)so);
    return result;
}

static PyObject *
set_repr(PyObject *self)
{
    PyObject *res;
    Py_BEGIN_CRITICAL_SECTION(self);
    res = set_repr_lock_held((PySetObject *)self);
    Py_END_CRITICAL_SECTION();
    return res;
}

/* ---- copies and set algebra ---------------------------------------------- */

static PyObject *
set_copy(PyObject *so, PyObject *Py_UNUSED(ignored))
{
    return make_new_set_basetype(Py_TYPE(so), so);
}

static PyObject *
frozenset_copy(PyObject *so, PyObject *Py_UNUSED(ignored))
{
    if (PyFrozenSet_CheckExact(so)) {
        return Py_NewRef(so);
    }
    return set_copy(so, NULL);
}

static PyObject *
set_clear(PyObject *so, PyObject *Py_UNUSED(ignored))
{
    set_tp_clear(so);
    Py_RETURN_NONE;
}

static PyObject *
set_union(PyObject *so, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *result = set_copy(so, NULL);
    if (result == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < nargs; i++) {
        if (args[i] == so) {
            continue;
        }
        if (set_update_internal((PySetObject *)result, args[i])) {
            Py_DECREF(result);
            return NULL;
        }
    }
    return result;
}

static PyObject *
set_or(PyObject *self, PyObject *other)
{
    if (!PyAnySet_Check(self) || !PyAnySet_Check(other)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    PyObject *result = set_copy(self, NULL);
    if (result == NULL) {
        return NULL;
    }
    if (self == other) {
        return result;
    }
    if (set_update_internal((PySetObject *)result, other)) {
        Py_DECREF(result);
        return NULL;
    }
    return result;
}

static PyObject *
set_ior(PyObject *self, PyObject *other)
{
    if (!PyAnySet_Check(other)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    if (set_update_internal((PySetObject *)self, other)) {
        return NULL;
    }
    return Py_NewRef(self);
}

static PyObject *
set_update(PyObject *so, PyObject *const *args, Py_ssize_t nargs)
{
    for (Py_ssize_t i = 0; i < nargs; i++) {
        if (set_update_internal((PySetObject *)so, args[i])) {
            return NULL;
        }
    }
    Py_RETURN_NONE;
}

/* Iterate the smaller set, look up in the bigger one. */
static int
set_intersection_sets_lock_held(PySetObject *so, PySetObject *other, PySetObject *result)
{
    if (PySet_GET_SIZE(other) > PySet_GET_SIZE(so)) {
        PySetObject *tmp = so;
        so = other;
        other = tmp;
    }
    Py_ssize_t pos = 0;
    setentry *entry;
    while (set_next(other, &pos, &entry)) {
        PyObject *key = Py_NewRef(entry->key);
        Py_hash_t hash = entry->hash;
        int rv = set_contains_entry(so, key, hash);
        if (rv > 0) {
            rv = set_add_entry(result, key, hash);
        }
        Py_DECREF(key);
        if (rv < 0) {
            return -1;
        }
    }
    return 0;
}

static int
set_intersection_iter_lock_held(PySetObject *so, PyObject *other, PySetObject *result)
{
    PyObject *it = PyObject_GetIter(other);
    if (it == NULL) {
        return -1;
    }
    PyObject *key;
    while ((key = PyIter_Next(it)) != NULL) {
        Py_hash_t hash = PyObject_Hash(key);
        int rv = hash == -1 ? -1 : set_contains_entry(so, key, hash);
        if (rv > 0) {
            rv = set_add_entry(result, key, hash);
        }
        Py_DECREF(key);
        if (rv < 0) {
            Py_DECREF(it);
            return -1;
        }
    }
    Py_DECREF(it);
    return PyErr_Occurred() ? -1 : 0;
}

static PyObject *
set_intersection(PySetObject *so, PyObject *other)
{
    if ((PyObject *)so == other) {
        return set_copy((PyObject *)so, NULL);
    }
    PySetObject *result = (PySetObject *)make_new_set_basetype(Py_TYPE(so), NULL);
    if (result == NULL) {
        return NULL;
    }
    int rv;
    if (PyAnySet_Check(other)) {
        Py_BEGIN_CRITICAL_SECTION2(so, other);
        rv = set_intersection_sets_lock_held(so, (PySetObject *)other, result);
        Py_END_CRITICAL_SECTION2();
    }
    else {
        Py_BEGIN_CRITICAL_SECTION(so);
        rv = set_intersection_iter_lock_held(so, other, result);
        Py_END_CRITICAL_SECTION();
    }
    if (rv < 0) {
        Py_DECREF(result);
        return NULL;
    }
    return (PyObject *)result;
}

static PyObject *
set_intersection_multi(PyObject *so, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs == 0) {
        return set_copy(so, NULL);
    }
    PyObject *result = Py_NewRef(so);
    for (Py_ssize_t i = 0; i < nargs; i++) {
        PyObject *newresult = set_intersection((PySetObject *)result, args[i]);
        Py_DECREF(result);
        if (newresult == NULL) {
            return NULL;
        }
        result = newresult;
    }
    return result;
}

/* Exchange the contents of two sets (used to make an in-place result). */
static void
set_swap_bodies(PySetObject *a, PySetObject *b)
{
    Py_ssize_t t;
    setentry *u;
    setentry tab[PySet_MINSIZE];
    Py_hash_t h;

#ifdef Py_GIL_DISABLED
    /* b takes a's old table and keys: when it is freed, readers of a may
     * still be scanning them, so b releases them as a shared set would. */
    if (_PyObject_GC_IS_SHARED((PyObject *)a)) {
        _PyObject_GC_SET_SHARED((PyObject *)b);
    }
#endif
    set_write_begin(a);
    set_write_begin(b);
    t = a->fill; a->fill = b->fill; b->fill = t;
    t = a->used; SET_STORE_USED(a, b->used); SET_STORE_USED(b, t);
    t = a->mask; SET_STORE_MASK(a, b->mask); SET_STORE_MASK(b, t);

    u = a->table;
    if (a->table == a->smalltable) {
        u = b->smalltable;
    }
    setentry *anew = b->table;
    if (b->table == b->smalltable) {
        anew = a->smalltable;
    }
    SET_STORE_TABLE(a, anew);
    SET_STORE_TABLE(b, u);

    if (a->table == a->smalltable || b->table == b->smalltable) {
        memcpy(tab, a->smalltable, sizeof(tab));
        for (int i = 0; i < PySet_MINSIZE; i++) {
            SET_STORE_KEY(&a->smalltable[i], b->smalltable[i].key);
            SET_STORE_HASH(&a->smalltable[i], b->smalltable[i].hash);
            SET_STORE_KEY(&b->smalltable[i], tab[i].key);
            SET_STORE_HASH(&b->smalltable[i], tab[i].hash);
        }
    }
    set_write_end(b);
    set_write_end(a);

    if (PyType_IsSubtype(Py_TYPE(a), &PyFrozenSet_Type) &&
        PyType_IsSubtype(Py_TYPE(b), &PyFrozenSet_Type)) {
        h = a->hash; a->hash = b->hash; b->hash = h;
    }
    else {
        a->hash = -1;
        b->hash = -1;
    }
}

static PyObject *
set_intersection_update(PyObject *so, PyObject *other)
{
    PyObject *tmp = set_intersection((PySetObject *)so, other);
    if (tmp == NULL) {
        return NULL;
    }
    Py_BEGIN_CRITICAL_SECTION2(so, tmp);
    set_swap_bodies((PySetObject *)so, (PySetObject *)tmp);
    Py_END_CRITICAL_SECTION2();
    Py_DECREF(tmp);
    Py_RETURN_NONE;
}

static PyObject *
set_intersection_update_multi(PyObject *so, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *tmp = set_intersection_multi(so, args, nargs);
    if (tmp == NULL) {
        return NULL;
    }
    Py_BEGIN_CRITICAL_SECTION2(so, tmp);
    set_swap_bodies((PySetObject *)so, (PySetObject *)tmp);
    Py_END_CRITICAL_SECTION2();
    Py_DECREF(tmp);
    Py_RETURN_NONE;
}

static PyObject *
set_and(PyObject *self, PyObject *other)
{
    if (!PyAnySet_Check(self) || !PyAnySet_Check(other)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    return set_intersection((PySetObject *)self, other);
}

static PyObject *
set_iand(PyObject *self, PyObject *other)
{
    if (!PyAnySet_Check(other)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    PyObject *result = set_intersection_update(self, other);
    if (result == NULL) {
        return NULL;
    }
    Py_DECREF(result);
    return Py_NewRef(self);
}

static PyObject *
set_isdisjoint(PyObject *self, PyObject *other)
{
    PySetObject *so = (PySetObject *)self;
    if (self == other) {
        return Py_NewRef(PySet_GET_SIZE(so) == 0 ? Py_True : Py_False);
    }
    int disjoint = 1;
    if (PyAnySet_Check(other)) {
        Py_BEGIN_CRITICAL_SECTION2(self, other);
        PySetObject *big = so, *small = (PySetObject *)other;
        if (PySet_GET_SIZE(small) > PySet_GET_SIZE(big)) {
            big = (PySetObject *)other;
            small = so;
        }
        Py_ssize_t pos = 0;
        setentry *entry;
        while (set_next(small, &pos, &entry)) {
            PyObject *key = Py_NewRef(entry->key);
            int rv = set_contains_entry(big, key, entry->hash);
            Py_DECREF(key);
            if (rv != 0) {
                disjoint = rv < 0 ? -1 : 0;
                break;
            }
        }
        Py_END_CRITICAL_SECTION2();
    }
    else {
        PyObject *it = PyObject_GetIter(other);
        if (it == NULL) {
            return NULL;
        }
        PyObject *key;
        while ((key = PyIter_Next(it)) != NULL) {
            int rv;
            Py_BEGIN_CRITICAL_SECTION(self);
            rv = set_contains_key(so, key);
            Py_END_CRITICAL_SECTION();
            Py_DECREF(key);
            if (rv != 0) {
                disjoint = rv < 0 ? -1 : 0;
                break;
            }
        }
        Py_DECREF(it);
        if (disjoint == 1 && PyErr_Occurred()) {
            disjoint = -1;
        }
    }
    if (disjoint < 0) {
        return NULL;
    }
    return Py_NewRef(disjoint ? Py_True : Py_False);
}

static int
set_difference_update_internal(PySetObject *so, PyObject *other)
{
    if ((PyObject *)so == other) {
        return set_tp_clear((PyObject *)so);
    }
    int rv = 0;
    if (PyAnySet_Check(other)) {
        Py_BEGIN_CRITICAL_SECTION2(so, other);
        Py_ssize_t pos = 0;
        setentry *entry;
        while (set_next((PySetObject *)other, &pos, &entry)) {
            PyObject *key = Py_NewRef(entry->key);
            int r = set_discard_entry(so, key, entry->hash);
            Py_DECREF(key);
            if (r < 0) {
                rv = -1;
                break;
            }
        }
        Py_END_CRITICAL_SECTION2();
    }
    else {
        PyObject *it = PyObject_GetIter(other);
        if (it == NULL) {
            return -1;
        }
        PyObject *key;
        Py_BEGIN_CRITICAL_SECTION(so);
        while ((key = PyIter_Next(it)) != NULL) {
            int r = set_discard_key(so, key);
            Py_DECREF(key);
            if (r < 0) {
                rv = -1;
                break;
            }
        }
        Py_END_CRITICAL_SECTION();
        Py_DECREF(it);
        if (rv == 0 && PyErr_Occurred()) {
            rv = -1;
        }
    }
    if (rv < 0) {
        return -1;
    }
    /* More than a quarter dummies: rebuild. */
    Py_BEGIN_CRITICAL_SECTION(so);
    if ((size_t)(so->fill - so->used) > (size_t)so->mask / 4) {
        rv = set_table_resize(so, so->used > 50000 ? so->used * 2 : so->used * 4);
    }
    Py_END_CRITICAL_SECTION();
    return rv;
}

static PyObject *
set_difference_update(PyObject *so, PyObject *const *args, Py_ssize_t nargs)
{
    for (Py_ssize_t i = 0; i < nargs; i++) {
        if (set_difference_update_internal((PySetObject *)so, args[i])) {
            return NULL;
        }
    }
    Py_RETURN_NONE;
}

static PyObject *
set_copy_and_difference(PySetObject *so, PyObject *other)
{
    PyObject *result = set_copy((PyObject *)so, NULL);
    if (result == NULL) {
        return NULL;
    }
    if (set_difference_update_internal((PySetObject *)result, other) == 0) {
        return result;
    }
    Py_DECREF(result);
    return NULL;
}

static PyObject *
set_difference(PySetObject *so, PyObject *other)
{
    Py_ssize_t other_size;
    if (PyAnySet_Check(other)) {
        other_size = PySet_GET_SIZE(other);
    }
    else if (PyDict_CheckExact(other)) {
        other_size = PyDict_GET_SIZE(other);
    }
    else {
        return set_copy_and_difference(so, other);
    }
    /* Much bigger than other: copy, then remove other's items. */
    if ((PySet_GET_SIZE(so) >> 2) > other_size) {
        return set_copy_and_difference(so, other);
    }
    PySetObject *result = (PySetObject *)make_new_set_basetype(Py_TYPE(so), NULL);
    if (result == NULL) {
        return NULL;
    }
    int rv = 0;
    Py_BEGIN_CRITICAL_SECTION2(so, other);
    Py_ssize_t pos = 0;
    setentry *entry;
    int is_dict = PyDict_CheckExact(other);
    while (set_next(so, &pos, &entry)) {
        PyObject *key = Py_NewRef(entry->key);
        Py_hash_t hash = entry->hash;
        int r = is_dict ? _PyDict_Contains_KnownHash(other, key, hash)
                        : set_contains_entry((PySetObject *)other, key, hash);
        if (r == 0) {
            r = set_add_entry(result, key, hash);
        }
        Py_DECREF(key);
        if (r < 0) {
            rv = -1;
            break;
        }
    }
    Py_END_CRITICAL_SECTION2();
    if (rv < 0) {
        Py_DECREF(result);
        return NULL;
    }
    return (PyObject *)result;
}

static PyObject *
set_difference_multi(PyObject *so, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs == 0) {
        return set_copy(so, NULL);
    }
    PyObject *result = set_difference((PySetObject *)so, args[0]);
    if (result == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 1; i < nargs; i++) {
        if (set_difference_update_internal((PySetObject *)result, args[i])) {
            Py_DECREF(result);
            return NULL;
        }
    }
    return result;
}

static PyObject *
set_sub(PyObject *self, PyObject *other)
{
    if (!PyAnySet_Check(self) || !PyAnySet_Check(other)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    return set_difference((PySetObject *)self, other);
}

static PyObject *
set_isub(PyObject *self, PyObject *other)
{
    if (!PyAnySet_Check(other)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    if (set_difference_update_internal((PySetObject *)self, other)) {
        return NULL;
    }
    return Py_NewRef(self);
}

/* For each key of the set `other`: remove it from so if present, else add. */
static int
set_symmetric_difference_update_set(PySetObject *so, PySetObject *other)
{
    int rv = 0;
    Py_BEGIN_CRITICAL_SECTION2(so, other);
    Py_ssize_t pos = 0;
    setentry *entry;
    while (set_next(other, &pos, &entry)) {
        PyObject *key = Py_NewRef(entry->key);
        Py_hash_t hash = entry->hash;
        int r = set_discard_entry(so, key, hash);
        if (r == DISCARD_NOTFOUND) {
            r = set_add_entry(so, key, hash);
        }
        Py_DECREF(key);
        if (r < 0) {
            rv = -1;
            break;
        }
    }
    Py_END_CRITICAL_SECTION2();
    return rv;
}

static PyObject *
set_symmetric_difference_update(PyObject *self, PyObject *other)
{
    PySetObject *so = (PySetObject *)self;
    if (self == other) {
        return set_clear(self, NULL);
    }
    int rv = 0;
    if (PyDict_CheckExact(other)) {
        Py_BEGIN_CRITICAL_SECTION2(so, other);
        Py_ssize_t pos = 0;
        PyObject *key, *value;
        Py_hash_t hash;
        while (_PyDict_Next(other, &pos, &key, &value, &hash)) {
            Py_INCREF(key);
            int r = set_discard_entry(so, key, hash);
            if (r == DISCARD_NOTFOUND) {
                r = set_add_entry(so, key, hash);
            }
            Py_DECREF(key);
            if (r < 0) {
                rv = -1;
                break;
            }
        }
        Py_END_CRITICAL_SECTION2();
    }
    else if (PyAnySet_Check(other)) {
        rv = set_symmetric_difference_update_set(so, (PySetObject *)other);
    }
    else {
        PyObject *otherset = make_new_set_basetype(Py_TYPE(so), other);
        if (otherset == NULL) {
            return NULL;
        }
        rv = set_symmetric_difference_update_set(so, (PySetObject *)otherset);
        Py_DECREF(otherset);
    }
    if (rv < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
set_symmetric_difference(PyObject *so, PyObject *other)
{
    PyObject *otherset = make_new_set_basetype(Py_TYPE(so), other);
    if (otherset == NULL) {
        return NULL;
    }
    if (set_symmetric_difference_update_set((PySetObject *)otherset, (PySetObject *)so) < 0) {
        Py_DECREF(otherset);
        return NULL;
    }
    return otherset;
}

static PyObject *
set_xor(PyObject *self, PyObject *other)
{
    if (!PyAnySet_Check(self) || !PyAnySet_Check(other)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    return set_symmetric_difference(self, other);
}

static PyObject *
set_ixor(PyObject *self, PyObject *other)
{
    if (!PyAnySet_Check(other)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    PyObject *result = set_symmetric_difference_update(self, other);
    if (result == NULL) {
        return NULL;
    }
    Py_DECREF(result);
    return Py_NewRef(self);
}

/* ---- subset tests and comparison ----------------------------------------- */

/* 1 if every key of so is in other (both sets), 0 if not, -1 on error. */
static int
set_issubset_internal(PySetObject *so, PySetObject *other)
{
    int result = 1;
    Py_BEGIN_CRITICAL_SECTION2(so, other);
    if (PySet_GET_SIZE(so) > PySet_GET_SIZE(other)) {
        result = 0;
    }
    else {
        Py_ssize_t pos = 0;
        setentry *entry;
        while (set_next(so, &pos, &entry)) {
            PyObject *key = Py_NewRef(entry->key);
            int rv = set_contains_entry(other, key, entry->hash);
            Py_DECREF(key);
            if (rv <= 0) {
                result = rv;
                break;
            }
        }
    }
    Py_END_CRITICAL_SECTION2();
    return result;
}

static PyObject *
set_issubset(PyObject *so, PyObject *other)
{
    int r;
    if (PyAnySet_Check(other)) {
        r = set_issubset_internal((PySetObject *)so, (PySetObject *)other);
    }
    else {
        PyObject *tmp = make_new_set(&PySet_Type, other);
        if (tmp == NULL) {
            return NULL;
        }
        r = set_issubset_internal((PySetObject *)so, (PySetObject *)tmp);
        Py_DECREF(tmp);
    }
    if (r < 0) {
        return NULL;
    }
    return Py_NewRef(r ? Py_True : Py_False);
}

static PyObject *
set_issuperset(PyObject *so, PyObject *other)
{
    if (PyAnySet_Check(other)) {
        int r = set_issubset_internal((PySetObject *)other, (PySetObject *)so);
        if (r < 0) {
            return NULL;
        }
        return Py_NewRef(r ? Py_True : Py_False);
    }
    PyObject *it = PyObject_GetIter(other);
    if (it == NULL) {
        return NULL;
    }
    PyObject *key;
    while ((key = PyIter_Next(it)) != NULL) {
        int rv;
        Py_BEGIN_CRITICAL_SECTION(so);
        rv = set_contains_key((PySetObject *)so, key);
        Py_END_CRITICAL_SECTION();
        Py_DECREF(key);
        if (rv <= 0) {
            Py_DECREF(it);
            return rv < 0 ? NULL : Py_NewRef(Py_False);
        }
    }
    Py_DECREF(it);
    if (PyErr_Occurred()) {
        return NULL;
    }
    Py_RETURN_TRUE;
}

static PyObject *
set_richcompare(PyObject *self, PyObject *w, int op)
{
    PySetObject *v = (PySetObject *)self;
    if (!PyAnySet_Check(w)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    int r;
    switch (op) {
    case Py_EQ:
    case Py_NE:
        if (PySet_GET_SIZE(v) != PySet_GET_SIZE(w)) {
            r = 0;
        }
        else if (v->hash != -1 && ((PySetObject *)w)->hash != -1 &&
                 v->hash != ((PySetObject *)w)->hash) {
            r = 0;
        }
        else {
            r = set_issubset_internal(v, (PySetObject *)w);
            if (r < 0) {
                return NULL;
            }
        }
        if (op == Py_NE) {
            r = !r;
        }
        return Py_NewRef(r ? Py_True : Py_False);
    case Py_LE:
        r = set_issubset_internal(v, (PySetObject *)w);
        break;
    case Py_GE:
        r = set_issubset_internal((PySetObject *)w, v);
        break;
    case Py_LT:
        if (PySet_GET_SIZE(v) >= PySet_GET_SIZE(w)) {
            Py_RETURN_FALSE;
        }
        r = set_issubset_internal(v, (PySetObject *)w);
        break;
    case Py_GT:
        if (PySet_GET_SIZE(v) <= PySet_GET_SIZE(w)) {
            Py_RETURN_FALSE;
        }
        r = set_issubset_internal((PySetObject *)w, v);
        break;
    default:
        Py_RETURN_NOTIMPLEMENTED;
    }
    if (r < 0) {
        return NULL;
    }
    return Py_NewRef(r ? Py_True : Py_False);
}

/* ---- single-key operations ----------------------------------------------- */

static PyObject *
set_add(PyObject *so, PyObject *key)
{
    int rv;
    Py_BEGIN_CRITICAL_SECTION(so);
    rv = set_add_key((PySetObject *)so, key);
    Py_END_CRITICAL_SECTION();
    if (rv) {
        return NULL;
    }
    Py_RETURN_NONE;
}

/* An unhashable set key is looked up as the equal frozenset. */
static int
retry_as_frozenset(PyObject *key, PyObject **tmpkey)
{
    *tmpkey = NULL;
    if (!PySet_Check(key) || !PyErr_ExceptionMatches(PyExc_TypeError)) {
        return 0;
    }
    PyErr_Clear();
    *tmpkey = make_new_set(&PyFrozenSet_Type, key);
    return *tmpkey != NULL ? 1 : -1;
}

#ifdef Py_GIL_DISABLED
/* Keys a lock-free reader may compare itself: their == runs no Python code. */
static inline int
set_plain_key(PyObject *op)
{
    return PyUnicode_CheckExact(op) || PyLong_CheckExact(op) || PyFloat_CheckExact(op);
}

/* `key in so` without the lock: 1 found, 0 missing, -1 cannot tell (a
 * writer was active, or a comparison would run Python code): take the
 * lock.  The answer is that of the table as it was during the whole probe,
 * since the write counter did not move. */
static int
set_contains_lockfree(PySetObject *so, PyObject *key, Py_hash_t hash)
{
    if (!_PyObject_CanReadLockFree((PyObject *)so)) {
        return -1;
    }
    uintptr_t seq = _Py_atomic_load_uintptr_acquire(&so->wseq);
    if (seq & 1) {
        return -1;
    }
    setentry *table = _Py_atomic_load_ptr_acquire(&so->table);
    size_t mask = (size_t)_Py_atomic_load_ssize_acquire(&so->mask);
    /* table and mask belong together only if no write began meanwhile. */
    if (_Py_atomic_load_uintptr_relaxed(&so->wseq) != seq) {
        return -1;
    }
    size_t perturb = (size_t)hash;
    size_t i = (size_t)hash & mask;
    size_t budget = 2 * (mask + 1) + LINEAR_PROBES;  /* a torn view never loops */
    int found = -1;
    while (found < 0) {
        setentry *entry = &table[i];
        int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        do {
            if (budget-- == 0) {
                return -1;
            }
            PyObject *ekey = _Py_atomic_load_ptr_acquire(&entry->key);
            Py_hash_t ehash = _Py_atomic_load_ssize_acquire(&entry->hash);
            if (ekey == NULL) {
                if (ehash != 0) {
                    return -1;
                }
                found = 0;
                break;
            }
            if (ekey == key) {
                found = 1;
                break;
            }
            if (ehash == hash && ekey != dummy) {
                if (!set_plain_key(ekey) || !set_plain_key(key)) {
                    return -1;
                }
                /* ekey is alive even if just removed: a shared set
                 * releases keys through QSBR. */
                int cmp = PyObject_RichCompareBool(ekey, key, Py_EQ);
                if (cmp < 0) {
                    PyErr_Clear();
                    return -1;
                }
                if (cmp) {
                    found = 1;
                    break;
                }
            }
            entry++;
        } while (probes--);
        if (found < 0) {
            perturb >>= PERTURB_SHIFT;
            i = (i * 5 + 1 + perturb) & mask;
        }
    }
    if (_Py_atomic_load_uintptr_relaxed(&so->wseq) != seq) {
        return -1;
    }
    return found;
}

/* The locked path marks the set shared when a thread other than its owner
 * reads it: from then on that thread reads without the lock. */
#  define SET_MARK_SHARED_FOR_READER(so) \
    do { \
        if (!_Py_IsOwnedByCurrentThread((PyObject *)(so))) { \
            _PyObject_GC_SET_SHARED((PyObject *)(so)); \
        } \
    } while (0)
#else
#  define SET_MARK_SHARED_FOR_READER(so) ((void)0)
#endif

/* Is `key` (hash `hash`) in `so`: 1, 0, or -1 with an exception.  The
 * free-threaded build first probes without the lock; when that cannot
 * decide, the lookup runs locked and marks the set shared for the next
 * lock-free reader. */
static int
set_contains_hashed(PySetObject *so, PyObject *key, Py_hash_t hash)
{
    int rv;
#ifdef Py_GIL_DISABLED
    if ((rv = set_contains_lockfree(so, key, hash)) >= 0) {
        return rv;
    }
#endif
    Py_BEGIN_CRITICAL_SECTION(so);
    SET_MARK_SHARED_FOR_READER(so);
    rv = set_contains_entry(so, key, hash);
    Py_END_CRITICAL_SECTION();
    return rv;
}

static int
set_contains(PyObject *self, PyObject *key)
{
    PySetObject *so = (PySetObject *)self;
    int rv;
    Py_hash_t hash = PyObject_Hash(key);
    if (hash != -1 && (rv = set_contains_hashed(so, key, hash)) >= 0) {
        return rv;
    }
    /* An unhashable set is looked up as a frozenset. */
    PyObject *tmpkey;
    if (retry_as_frozenset(key, &tmpkey) <= 0) {
        return -1;
    }
    Py_BEGIN_CRITICAL_SECTION(so);
    rv = set_contains_key(so, tmpkey);
    Py_END_CRITICAL_SECTION();
    Py_DECREF(tmpkey);
    return rv;
}

static PyObject *
set_direct_contains(PyObject *so, PyObject *key)
{
    int result = set_contains(so, key);
    if (result < 0) {
        return NULL;
    }
    return Py_NewRef(result ? Py_True : Py_False);
}

static int
set_discard_with_retry(PySetObject *so, PyObject *key)
{
    int rv;
    Py_BEGIN_CRITICAL_SECTION(so);
    rv = set_discard_key(so, key);
    Py_END_CRITICAL_SECTION();
    if (rv < 0) {
        PyObject *tmpkey;
        if (retry_as_frozenset(key, &tmpkey) <= 0) {
            return -1;
        }
        Py_BEGIN_CRITICAL_SECTION(so);
        rv = set_discard_key(so, tmpkey);
        Py_END_CRITICAL_SECTION();
        Py_DECREF(tmpkey);
    }
    return rv;
}

static PyObject *
set_remove(PyObject *so, PyObject *key)
{
    int rv = set_discard_with_retry((PySetObject *)so, key);
    if (rv < 0) {
        return NULL;
    }
    if (rv == DISCARD_NOTFOUND) {
        _PyErr_SetKeyError(key);
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
set_discard(PyObject *so, PyObject *key)
{
    if (set_discard_with_retry((PySetObject *)so, key) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
set_pop(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PySetObject *so = (PySetObject *)self;
    PyObject *key = NULL;
    Py_BEGIN_CRITICAL_SECTION(so);
    if (so->used > 0) {
        /* Resume where the last pop stopped, so repeated pops stay cheap. */
        setentry *entry = so->table + (so->finger & so->mask);
        setentry *limit = so->table + so->mask;
        while (entry->key == NULL || entry->key == dummy) {
            entry++;
            if (entry > limit) {
                entry = so->table;
            }
        }
        key = entry->key;
        set_write_begin(so);
        SET_STORE_KEY(entry, dummy);
        SET_STORE_HASH(entry, -1);
        SET_STORE_USED(so, so->used - 1);
        set_write_end(so);
        so->finger = entry - so->table + 1;
        key = _PyObject_HandOutFrom((PyObject *)so, key);
    }
    Py_END_CRITICAL_SECTION();
    if (key == NULL) {
        PyErr_SetString(PyExc_KeyError, "pop from an empty set");
    }
    return key;
}

static PyObject *
set_reduce(PyObject *so, PyObject *Py_UNUSED(ignored))
{
    PyObject *keys = PySequence_List(so);
    if (keys == NULL) {
        return NULL;
    }
    PyObject *state = NULL;
    if (PyObject_GetOptionalAttrString(so, "__dict__", &state) < 0) {
        Py_DECREF(keys);
        return NULL;
    }
    if (state == NULL) {
        state = Py_NewRef(Py_None);
    }
    PyObject *result = Py_BuildValue("(O(O)O)", Py_TYPE(so), keys, state);
    Py_DECREF(keys);
    Py_DECREF(state);
    return result;
}

static PyObject *
set_sizeof(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PySetObject *so = (PySetObject *)self;
    size_t res = (size_t)Py_TYPE(so)->tp_basicsize;
    if (so->table != so->smalltable) {
        res += ((size_t)so->mask + 1) * sizeof(setentry);
    }
    return PyLong_FromSize_t(res);
}

/* ---- iterator ------------------------------------------------------------ */

typedef struct {
    PyObject_HEAD
    PySetObject *si_set;  /* NULL once exhausted */
    Py_ssize_t si_used;   /* size at creation: a change is an error */
    Py_ssize_t si_pos;
    Py_ssize_t len;
} setiterobject;

static PyObject *
set_iter(PyObject *so)
{
    setiterobject *si = PyObject_GC_New(setiterobject, &PySetIter_Type);
    if (si == NULL) {
        return NULL;
    }
    si->si_set = (PySetObject *)Py_NewRef(so);
    si->si_used = PySet_GET_SIZE(so);
    si->si_pos = 0;
    si->len = si->si_used;
    PyObject_GC_Track(si);
    return (PyObject *)si;
}

static void
setiter_dealloc(PyObject *op)
{
    setiterobject *si = (setiterobject *)op;
    PyObject_GC_UnTrack(op);
    Py_XDECREF(si->si_set);
    PyObject_GC_Del(op);
}

static int
setiter_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(((setiterobject *)op)->si_set);
    return 0;
}

static PyObject *
setiter_len(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    setiterobject *si = (setiterobject *)op;
    Py_ssize_t len = 0;
    if (si->si_set != NULL && si->si_pos >= 0 && si->si_used == PySet_GET_SIZE(si->si_set)) {
        len = si->len;
    }
    return PyLong_FromSsize_t(len);
}

#ifdef Py_GIL_DISABLED
/* One step without the lock: 1 and *pkey (a new reference), 0 at the end,
 * -1 cannot tell (a writer was active, or the size changed, which the
 * locked path reports). */
static int
setiter_next_lockfree(setiterobject *si, PySetObject *so, PyObject **pkey)
{
    Py_ssize_t pos = _Py_atomic_load_ssize_relaxed(&si->si_pos);
    if (pos < 0 || !_PyObject_CanReadLockFree((PyObject *)so)) {
        return -1;
    }
    uintptr_t seq = _Py_atomic_load_uintptr_acquire(&so->wseq);
    if (seq & 1) {
        return -1;
    }
    setentry *table = _Py_atomic_load_ptr_acquire(&so->table);
    Py_ssize_t mask = _Py_atomic_load_ssize_acquire(&so->mask);
    Py_ssize_t used = _Py_atomic_load_ssize_acquire(&so->used);
    if (_Py_atomic_load_uintptr_relaxed(&so->wseq) != seq ||
        used != _Py_atomic_load_ssize_relaxed(&si->si_used)) {
        return -1;
    }
    Py_ssize_t i = pos;
    PyObject *key = NULL;
    for (; i <= mask; i++) {
        key = _Py_atomic_load_ptr_acquire(&table[i].key);
        if (key != NULL && key != dummy) {
            break;
        }
    }
    if (i > mask) {
        if (_Py_atomic_load_uintptr_relaxed(&so->wseq) != seq) {
            return -1;
        }
        *pkey = NULL;
        return 0;
    }
    if (!_Py_IncrefCompareAlive(&table[i].key, key)) {
        return -1;
    }
    if (_Py_atomic_load_uintptr_relaxed(&so->wseq) != seq) {
        Py_DECREF(key);
        return -1;
    }
    _Py_atomic_store_ssize_relaxed(&si->si_pos, i + 1);
    _Py_atomic_store_ssize_relaxed(&si->len, _Py_atomic_load_ssize_relaxed(&si->len) - 1);
    *pkey = key;
    return 1;
}
#endif

static PyObject *
setiter_iternext(PyObject *op)
{
    setiterobject *si = (setiterobject *)op;
    PySetObject *so = si->si_set;
    if (so == NULL) {
        return NULL;
    }
    PyObject *key = NULL;
    int changed = 0;
#ifdef Py_GIL_DISABLED
    int r = setiter_next_lockfree(si, so, &key);
    if (r > 0) {
        return key;
    }
    if (r == 0) {
        _Py_atomic_store_ssize_relaxed(&si->si_pos, -1);
        return NULL;
    }
#endif
    Py_BEGIN_CRITICAL_SECTION(so);
    SET_MARK_SHARED_FOR_READER(so);
    if (_Py_atomic_load_ssize_relaxed(&si->si_pos) < 0) {
        /* exhausted (free-threaded build, where si_set is kept) */
    }
    else if (_Py_atomic_load_ssize_relaxed(&si->si_used) != so->used) {
        changed = 1;
    }
    else {
        Py_ssize_t i = _Py_atomic_load_ssize_relaxed(&si->si_pos);
        setentry *entry = so->table;
        Py_ssize_t mask = so->mask;
        while (i <= mask && (entry[i].key == NULL || entry[i].key == dummy)) {
            i++;
        }
        _Py_atomic_store_ssize_relaxed(&si->si_pos, i + 1);
        if (i <= mask) {
            _Py_atomic_store_ssize_relaxed(&si->len,
                                           _Py_atomic_load_ssize_relaxed(&si->len) - 1);
            key = Py_NewRef(entry[i].key);
        }
    }
    Py_END_CRITICAL_SECTION();
    if (changed) {
        PyErr_SetString(PyExc_RuntimeError, "Set changed size during iteration");
        _Py_atomic_store_ssize_relaxed(&si->si_used, -1);  /* stays an error */
        return NULL;
    }
    if (key == NULL) {
#ifdef Py_GIL_DISABLED
        /* Another thread may be inside next() on this iterator: keep the
         * set alive and mark the iterator exhausted instead. */
        Py_BEGIN_CRITICAL_SECTION(so);
        _Py_atomic_store_ssize_relaxed(&si->si_pos, -1);
        Py_END_CRITICAL_SECTION();
#else
        si->si_set = NULL;
        Py_DECREF(so);
#endif
    }
    return key;
}

static PyMethodDef setiter_methods[] = {
    {"__length_hint__", setiter_len, METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {NULL, NULL},
};

PyTypeObject PySetIter_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "set_iterator",
    .tp_basicsize = sizeof(setiterobject),
    .tp_dealloc = setiter_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = setiter_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = setiter_iternext,
    .tp_methods = setiter_methods,
};

/* ---- the C API ----------------------------------------------------------- */

PyObject *
PySet_New(PyObject *iterable)
{
    return make_new_set(&PySet_Type, iterable);
}

PyObject *
PyFrozenSet_New(PyObject *iterable)
{
    return make_new_set(&PyFrozenSet_Type, iterable);
}

Py_ssize_t
PySet_Size(PyObject *anyset)
{
    if (!PyAnySet_Check(anyset)) {
        PyErr_BadInternalCall();
        return -1;
    }
    return PySet_GET_SIZE(anyset);
}

int
PySet_Clear(PyObject *set)
{
    if (!PySet_Check(set)) {
        PyErr_BadInternalCall();
        return -1;
    }
    return set_tp_clear(set);
}

int
PySet_Contains(PyObject *anyset, PyObject *key)
{
    if (!PyAnySet_Check(anyset)) {
        PyErr_BadInternalCall();
        return -1;
    }
    Py_hash_t hash = PyObject_Hash(key);
    if (hash == -1) {
        return -1;
    }
    return set_contains_hashed((PySetObject *)anyset, key, hash);
}

int
PySet_Discard(PyObject *set, PyObject *key)
{
    if (!PySet_Check(set)) {
        PyErr_BadInternalCall();
        return -1;
    }
    int rv;
    Py_BEGIN_CRITICAL_SECTION(set);
    rv = set_discard_key((PySetObject *)set, key);
    Py_END_CRITICAL_SECTION();
    return rv;
}

int
PySet_Add(PyObject *anyset, PyObject *key)
{
    /* A frozenset may be filled while nobody else can see it yet. */
    if (!PySet_Check(anyset) &&
        (!PyFrozenSet_Check(anyset) || Py_REFCNT(anyset) != 1)) {
        PyErr_BadInternalCall();
        return -1;
    }
    int rv;
    Py_BEGIN_CRITICAL_SECTION(anyset);
    rv = set_add_key((PySetObject *)anyset, key);
    Py_END_CRITICAL_SECTION();
    return rv;
}

PyObject *
PySet_Pop(PyObject *set)
{
    if (!PySet_Check(set)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    return set_pop(set, NULL);
}

int
_PySet_NextEntry(PyObject *set, Py_ssize_t *pos, PyObject **key, Py_hash_t *hash)
{
    if (!PyAnySet_Check(set)) {
        PyErr_BadInternalCall();
        return -1;
    }
    setentry *entry;
    if (set_next((PySetObject *)set, pos, &entry) == 0) {
        return 0;
    }
    *key = entry->key;
    *hash = entry->hash;
    return 1;
}

int
_PySet_Update(PyObject *set, PyObject *iterable)
{
    if (!PySet_Check(set)) {
        PyErr_BadInternalCall();
        return -1;
    }
    return set_update_internal((PySetObject *)set, iterable);
}

/* ---- type objects -------------------------------------------------------- */

#define FASTCALL(f) (PyCFunction)(void (*)(void))(f)

static PyMethodDef set_methods[] = {
    {"add", set_add, METH_O, "Add an element to a set.\n\nThis has no effect if the element is already present."},
    {"clear", set_clear, METH_NOARGS, "Remove all elements from this set."},
    {"__contains__", set_direct_contains, METH_O | METH_COEXIST, "x.__contains__(y) <==> y in x."},
    {"copy", set_copy, METH_NOARGS, "Return a shallow copy of a set."},
    {"__class_getitem__", Py_GenericAlias, METH_O | METH_CLASS, "See PEP 585"},
    {"discard", set_discard, METH_O,
     "Remove an element from a set if it is a member.\n\nUnlike set.remove(), the discard() method does not raise\nan exception when an element is missing from the set."},
    {"difference", FASTCALL(set_difference_multi), METH_FASTCALL,
     "Return a new set with elements in the set that are not in the others."},
    {"difference_update", FASTCALL(set_difference_update), METH_FASTCALL,
     "Update the set, removing elements found in others."},
    {"intersection", FASTCALL(set_intersection_multi), METH_FASTCALL,
     "Return a new set with elements common to the set and all others."},
    {"intersection_update", FASTCALL(set_intersection_update_multi), METH_FASTCALL,
     "Update the set, keeping only elements found in it and all others."},
    {"isdisjoint", set_isdisjoint, METH_O, "Return True if two sets have a null intersection."},
    {"issubset", set_issubset, METH_O, "Report whether another set contains this set."},
    {"issuperset", set_issuperset, METH_O, "Report whether this set contains another set."},
    {"pop", set_pop, METH_NOARGS,
     "Remove and return an arbitrary set element.\n\nRaises KeyError if the set is empty."},
    {"__reduce__", set_reduce, METH_NOARGS, "Return state information for pickling."},
    {"remove", set_remove, METH_O,
     "Remove an element from a set; it must be a member.\n\nIf the element is not a member, raise a KeyError."},
    {"__sizeof__", set_sizeof, METH_NOARGS, "S.__sizeof__() -> size of S in memory, in bytes."},
    {"symmetric_difference", set_symmetric_difference, METH_O,
     "Return a new set with elements in either the set or other but not both."},
    {"symmetric_difference_update", set_symmetric_difference_update, METH_O,
     "Update the set, keeping only elements found in either set, but not in both."},
    {"union", FASTCALL(set_union), METH_FASTCALL,
     "Return a new set with elements from the set and all others."},
    {"update", FASTCALL(set_update), METH_FASTCALL,
     "Update the set, adding elements from all others."},
    {NULL, NULL},
};

static PyMethodDef frozenset_methods[] = {
    {"__contains__", set_direct_contains, METH_O | METH_COEXIST, "x.__contains__(y) <==> y in x."},
    {"copy", frozenset_copy, METH_NOARGS, "Return a shallow copy of a set."},
    {"__class_getitem__", Py_GenericAlias, METH_O | METH_CLASS, "See PEP 585"},
    {"difference", FASTCALL(set_difference_multi), METH_FASTCALL,
     "Return a new set with elements in the set that are not in the others."},
    {"intersection", FASTCALL(set_intersection_multi), METH_FASTCALL,
     "Return a new set with elements common to the set and all others."},
    {"isdisjoint", set_isdisjoint, METH_O, "Return True if two sets have a null intersection."},
    {"issubset", set_issubset, METH_O, "Report whether another set contains this set."},
    {"issuperset", set_issuperset, METH_O, "Report whether this set contains another set."},
    {"__reduce__", set_reduce, METH_NOARGS, "Return state information for pickling."},
    {"__sizeof__", set_sizeof, METH_NOARGS, "S.__sizeof__() -> size of S in memory, in bytes."},
    {"symmetric_difference", set_symmetric_difference, METH_O,
     "Return a new set with elements in either the set or other but not both."},
    {"union", FASTCALL(set_union), METH_FASTCALL,
     "Return a new set with elements from the set and all others."},
    {NULL, NULL},
};

static PyNumberMethods set_as_number = {
    .nb_subtract = set_sub,
    .nb_and = set_and,
    .nb_xor = set_xor,
    .nb_or = set_or,
    .nb_inplace_subtract = set_isub,
    .nb_inplace_and = set_iand,
    .nb_inplace_xor = set_ixor,
    .nb_inplace_or = set_ior,
};

static PyNumberMethods frozenset_as_number = {
    .nb_subtract = set_sub,
    .nb_and = set_and,
    .nb_xor = set_xor,
    .nb_or = set_or,
};

static PySequenceMethods set_as_sequence = {
    .sq_length = set_len,
    .sq_contains = set_contains,
};

PyTypeObject PySet_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "set",
    .tp_basicsize = sizeof(PySetObject),
    .tp_dealloc = set_dealloc,
    .tp_repr = set_repr,
    .tp_as_number = &set_as_number,
    .tp_as_sequence = &set_as_sequence,
    .tp_hash = PyObject_HashNotImplemented,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc = "set() -> new empty set object\n"
              "set(iterable) -> new set object\n\n"
              "Build an unordered collection of unique elements.",
    .tp_traverse = set_traverse,
    .tp_clear = set_tp_clear,
    .tp_richcompare = set_richcompare,
    .tp_weaklistoffset = offsetof(PySetObject, weakreflist),
    .tp_iter = set_iter,
    .tp_methods = set_methods,
    .tp_init = set_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = set_new,
    .tp_free = PyObject_GC_Del,
};

PyTypeObject PyFrozenSet_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "frozenset",
    .tp_basicsize = sizeof(PySetObject),
    .tp_dealloc = set_dealloc,
    .tp_repr = set_repr,
    .tp_as_number = &frozenset_as_number,
    .tp_as_sequence = &set_as_sequence,
    .tp_hash = frozenset_hash,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc = "frozenset() -> empty frozenset object\n"
              "frozenset(iterable) -> frozenset object\n\n"
              "Build an immutable unordered collection of unique elements.",
    .tp_traverse = set_traverse,
    .tp_clear = set_tp_clear,
    .tp_richcompare = set_richcompare,
    .tp_weaklistoffset = offsetof(PySetObject, weakreflist),
    .tp_iter = set_iter,
    .tp_methods = frozenset_methods,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = frozenset_new,
    .tp_free = PyObject_GC_Del,
};

/* list(s) for an exact set or frozenset: a snapshot taken in one critical
 * section, so a concurrent add/discard never makes the copy raise "Set
 * changed size during iteration" (under a GIL the C loop is atomic too).
 * NULL without an exception when obj is not an exact set/frozenset. */
PyObject *
_PySet_SnapshotList(PyObject *obj)
{
    if (!PyAnySet_CheckExact(obj)) {
        return NULL;
    }
    PySetObject *so = (PySetObject *)obj;
    PyObject *list;
    Py_BEGIN_CRITICAL_SECTION(so);
    list = PyList_New(so->used);
    if (list != NULL) {
        Py_ssize_t pos = 0, j = 0;
        setentry *entry;
        while (set_next(so, &pos, &entry)) {
            PyList_SET_ITEM(list, j, Py_NewRef(entry->key));
            j++;
        }
    }
    Py_END_CRITICAL_SECTION();
    return list;
}
