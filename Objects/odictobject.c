/* odictobject.c: collections.OrderedDict in C.
 *
 * An OrderedDict is a dict (the base part holds keys and values, so every
 * read — od[k], k in od, len(od), od.get — is the dict's own, lock-free
 * where the dict's is) plus its own order: a doubly-linked list of nodes,
 * one per key, and a small open-addressing index from (hash, key) to node
 * so that deleting or moving a key finds its node in O(1).  The dict's
 * insertion order is not used: move_to_end(last=False) and popitem(last=
 * False) would otherwise rebuild the dict.
 *
 * Every operation that changes the order changes od_state; iterators keep
 * a node pointer, which stays valid exactly while od_state is unchanged
 * (removing a node changes it), so a mutation during iteration is seen
 * before the pointer is used and raises RuntimeError as CPython does.
 *
 * Free-threaded build: each operation (set, delete, move, pop, clear, one
 * iterator step) runs in a critical section on the OrderedDict, so the dict
 * part and the order change together; the nested dict calls re-enter the
 * same section.  Nodes are only touched under that section.
 *
 * Methods that CPython implements by calling the overridable protocol
 * (update, __init__, fromkeys, copy, and setdefault of a subclass) do the
 * same here, so LRU-style subclasses overriding __setitem__ or
 * __getitem__ see every store. */
#include "Python.h"
#include "odictobject.h"

typedef struct odictnode odictnode;
struct odictnode {
    odictnode *prev;
    odictnode *next;
    PyObject *key;        /* strong reference */
    Py_hash_t hash;
};

typedef struct {
    PyDictObject od_dict;
    odictnode *od_first;
    odictnode *od_last;
    odictnode **od_table;      /* index: NULL empty, ODICT_DUMMY deleted */
    size_t od_tmask;           /* slots - 1 (meaningless while od_table is NULL) */
    Py_ssize_t od_tfill;       /* slots not NULL (nodes + dummies) */
    Py_ssize_t od_nnodes;
    size_t od_state;           /* changes whenever the order changes */
    PyObject *od_inst_dict;
    PyObject *od_weakreflist;
} PyODictObject;

#define ODICT_DUMMY ((odictnode *)(uintptr_t)1)
#define OD(op) ((PyODictObject *)(op))

/* Iterator kinds. */
#define ODI_KEYS 1
#define ODI_VALUES 2
#define ODI_ITEMS 3
#define ODI_REVERSED 4

static PyObject *odictiter_new(PyODictObject *od, int kind);

/* ---- the order: nodes and their index ------------------------------------ */

/* Probe sequence as the dict's: linear at first, then perturbed by the high
 * bits so that hashes differing only there still spread. */
#define PROBE_NEXT(i, perturb, mask) \
    ((perturb) >>= 5, (i) = ((i) * 5 + (perturb) + 1) & (mask))

static int
table_rebuild(PyODictObject *od, Py_ssize_t minslots)
{
    size_t size = 8;
    while (size < (size_t)minslots) {
        size <<= 1;
    }
    odictnode **table = PyMem_Calloc(size, sizeof(odictnode *));
    if (table == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    size_t mask = size - 1;
    for (odictnode *n = od->od_first; n != NULL; n = n->next) {
        size_t perturb = (size_t)n->hash;
        size_t i = (size_t)n->hash & mask;
        while (table[i] != NULL) {
            PROBE_NEXT(i, perturb, mask);
        }
        table[i] = n;
    }
    PyMem_Free(od->od_table);
    od->od_table = table;
    od->od_tmask = mask;
    od->od_tfill = od->od_nnodes;
    return 0;
}

/* Find the node of `key`: 1 found (*out), 0 missing, -1 error.  Keys that
 * are not the same object are compared with ==, which may run Python code
 * changing the order: the probe then starts again. */
static int
odict_find(PyODictObject *od, PyObject *key, Py_hash_t hash, odictnode **out)
{
restart:
    *out = NULL;
    if (od->od_table == NULL) {
        return 0;
    }
    odictnode **table = od->od_table;
    size_t mask = od->od_tmask;
    size_t perturb = (size_t)hash;
    size_t i = (size_t)hash & mask;
    for (;;) {
        odictnode *n = table[i];
        if (n == NULL) {
            return 0;
        }
        if (n != ODICT_DUMMY && n->hash == hash) {
            if (n->key == key) {
                *out = n;
                return 1;
            }
            size_t state = od->od_state;
            PyObject *nkey = Py_NewRef(n->key);
            int eq = PyObject_RichCompareBool(nkey, key, Py_EQ);
            Py_DECREF(nkey);
            if (eq < 0) {
                return -1;
            }
            if (state != od->od_state || table != od->od_table) {
                goto restart;
            }
            if (eq) {
                *out = n;
                return 1;
            }
        }
        PROBE_NEXT(i, perturb, mask);
    }
}

/* Append a node for `key` (not in the order yet) at the end. */
static int
odict_add_node(PyODictObject *od, PyObject *key, Py_hash_t hash)
{
    if (od->od_table == NULL ||
        (size_t)(od->od_tfill + 1) * 3 >= (od->od_tmask + 1) * 2) {
        if (table_rebuild(od, (od->od_nnodes + 1) * 3) < 0) {
            return -1;
        }
    }
    odictnode *node = PyMem_Malloc(sizeof(odictnode));
    if (node == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    node->key = Py_NewRef(key);
    node->hash = hash;
    node->next = NULL;
    node->prev = od->od_last;
    if (od->od_last != NULL) {
        od->od_last->next = node;
    }
    else {
        od->od_first = node;
    }
    od->od_last = node;
    size_t mask = od->od_tmask;
    size_t perturb = (size_t)hash;
    size_t i = (size_t)hash & mask;
    while (od->od_table[i] != NULL && od->od_table[i] != ODICT_DUMMY) {
        PROBE_NEXT(i, perturb, mask);
    }
    if (od->od_table[i] == NULL) {
        od->od_tfill++;
    }
    od->od_table[i] = node;
    od->od_nnodes++;
    od->od_state++;
    return 0;
}

static void
odict_unlink(PyODictObject *od, odictnode *node)
{
    if (node->prev != NULL) {
        node->prev->next = node->next;
    }
    else {
        od->od_first = node->next;
    }
    if (node->next != NULL) {
        node->next->prev = node->prev;
    }
    else {
        od->od_last = node->prev;
    }
}

/* Remove `node` from the order and free it; returns its key (a reference
 * the caller drops once the OrderedDict is consistent again, since that
 * may run a __del__). */
static PyObject *
odict_remove_node(PyODictObject *od, odictnode *node)
{
    size_t mask = od->od_tmask;
    size_t perturb = (size_t)node->hash;
    size_t i = (size_t)node->hash & mask;
    while (od->od_table[i] != node) {
        PROBE_NEXT(i, perturb, mask);
    }
    od->od_table[i] = ODICT_DUMMY;
    odict_unlink(od, node);
    od->od_nnodes--;
    od->od_state++;
    PyObject *key = node->key;
    PyMem_Free(node);
    return key;
}

/* Empty the order; returns the detached chain, freed by free_chain()
 * outside the critical section. */
static odictnode *
odict_detach_all(PyODictObject *od)
{
    odictnode *first = od->od_first;
    od->od_first = od->od_last = NULL;
    PyMem_Free(od->od_table);
    od->od_table = NULL;
    od->od_tmask = 0;
    od->od_tfill = 0;
    od->od_nnodes = 0;
    od->od_state++;
    return first;
}

static void
free_chain(odictnode *n)
{
    while (n != NULL) {
        odictnode *next = n->next;
        Py_DECREF(n->key);
        PyMem_Free(n);
        n = next;
    }
}

/* ---- the basic operations ------------------------------------------------- */

static int
odict_setitem_hash(PyODictObject *od, PyObject *key, PyObject *value, Py_hash_t hash)
{
    int res;
    Py_BEGIN_CRITICAL_SECTION(od);
    odictnode *node;
    res = odict_find(od, key, hash, &node);
    if (res >= 0) {
        int found = res;
        res = _PyDict_SetItem_KnownHash((PyObject *)od, key, value, hash);
        if (res == 0 && !found) {
            res = odict_add_node(od, key, hash);
            if (res < 0) {
                /* Keep the two parts agreeing: undo the dict store. */
                PyObject *exc = PyErr_GetRaisedException();
                if (_PyDict_DelItem_KnownHash((PyObject *)od, key, hash) < 0) {
                    PyErr_Clear();
                }
                PyErr_SetRaisedException(exc);
            }
        }
    }
    Py_END_CRITICAL_SECTION();
    return res;
}

static int
odict_delitem_hash(PyODictObject *od, PyObject *key, Py_hash_t hash)
{
    int res;
    PyObject *oldkey = NULL;
    Py_BEGIN_CRITICAL_SECTION(od);
    odictnode *node;
    res = odict_find(od, key, hash, &node);
    if (res >= 0) {
        if (res == 1) {
            oldkey = odict_remove_node(od, node);
        }
        res = _PyDict_DelItem_KnownHash((PyObject *)od, key, hash);
    }
    Py_END_CRITICAL_SECTION();
    Py_XDECREF(oldkey);
    return res;
}

int
PyODict_SetItem(PyObject *od, PyObject *key, PyObject *value)
{
    if (!PyODict_Check(od)) {
        PyErr_BadInternalCall();
        return -1;
    }
    Py_hash_t hash = PyObject_Hash(key);
    if (hash == -1) {
        return -1;
    }
    return odict_setitem_hash(OD(od), key, value, hash);
}

int
PyODict_DelItem(PyObject *od, PyObject *key)
{
    if (!PyODict_Check(od)) {
        PyErr_BadInternalCall();
        return -1;
    }
    Py_hash_t hash = PyObject_Hash(key);
    if (hash == -1) {
        return -1;
    }
    return odict_delitem_hash(OD(od), key, hash);
}

PyObject *
PyODict_New(void)
{
    return PyObject_CallNoArgs((PyObject *)&PyODict_Type);
}

static int
odict_ass_sub(PyObject *op, PyObject *key, PyObject *value)
{
    if (value == NULL) {
        return PyODict_DelItem(op, key);
    }
    return PyODict_SetItem(op, key, value);
}

/* A list of the keys, values or (key, value) items in order (reversed with
 * ODI_REVERSED), taken in one critical section. */
static PyObject *
odict_snapshot(PyODictObject *od, int kind)
{
    PyObject *list = PyList_New(0);
    if (list == NULL) {
        return NULL;
    }
    int err = 0;
    Py_BEGIN_CRITICAL_SECTION(od);
    size_t state = od->od_state;
    odictnode *n = (kind & ODI_REVERSED) ? od->od_last : od->od_first;
    while (n != NULL) {
        PyObject *key = Py_NewRef(n->key);
        n = (kind & ODI_REVERSED) ? n->prev : n->next;
        PyObject *item = key;
        if ((kind & ODI_ITEMS) != ODI_KEYS) {
            PyObject *value;
            int r = PyDict_GetItemRef((PyObject *)od, key, &value);
            if (r == 0) {
                PyErr_SetObject(PyExc_KeyError, key);
            }
            if (r <= 0) {
                Py_DECREF(key);
                err = 1;
                break;
            }
            if ((kind & ODI_ITEMS) == ODI_VALUES) {
                Py_DECREF(key);
                item = value;
            }
            else {
                item = PyTuple_Pack(2, key, value);
                Py_DECREF(key);
                Py_DECREF(value);
                if (item == NULL) {
                    err = 1;
                    break;
                }
            }
        }
        int r = PyList_Append(list, item);
        Py_DECREF(item);
        if (r < 0) {
            err = 1;
            break;
        }
        if (state != od->od_state) {
            PyErr_SetString(PyExc_RuntimeError, "OrderedDict mutated during iteration");
            err = 1;
            break;
        }
    }
    Py_END_CRITICAL_SECTION();
    if (err) {
        Py_DECREF(list);
        return NULL;
    }
    return list;
}

/* ---- update (MutableMapping.update semantics) ----------------------------- */

static int
update_from_pairs(PyObject *self, PyObject *iterable)
{
    PyObject *it = PyObject_GetIter(iterable);
    if (it == NULL) {
        return -1;
    }
    PyObject *pair;
    while ((pair = PyIter_Next(it)) != NULL) {
        PyObject *pit = PyObject_GetIter(pair);
        Py_DECREF(pair);
        if (pit == NULL) {
            Py_DECREF(it);
            return -1;
        }
        PyObject *key = PyIter_Next(pit), *value = NULL, *extra = NULL;
        if (key == NULL) {
            if (!PyErr_Occurred()) {
                PyErr_SetString(PyExc_ValueError, "need more than 0 values to unpack");
            }
            goto fail;
        }
        value = PyIter_Next(pit);
        if (value == NULL) {
            if (!PyErr_Occurred()) {
                PyErr_SetString(PyExc_ValueError, "need more than 1 value to unpack");
            }
            goto fail;
        }
        extra = PyIter_Next(pit);
        if (extra != NULL || PyErr_Occurred()) {
            if (extra != NULL) {
                PyErr_SetString(PyExc_ValueError, "too many values to unpack (expected 2)");
            }
            goto fail;
        }
        Py_DECREF(pit);
        int r = PyObject_SetItem(self, key, value);
        Py_DECREF(key);
        Py_DECREF(value);
        if (r < 0) {
            Py_DECREF(it);
            return -1;
        }
        continue;
    fail:
        Py_XDECREF(extra);
        Py_XDECREF(key);
        Py_XDECREF(value);
        Py_DECREF(pit);
        Py_DECREF(it);
        return -1;
    }
    Py_DECREF(it);
    return PyErr_Occurred() ? -1 : 0;
}

static int
update_from_arg(PyObject *self, PyObject *arg)
{
    if (PyDict_CheckExact(arg)) {
        PyObject *items = PyDict_Items(arg);
        if (items == NULL) {
            return -1;
        }
        int r = update_from_pairs(self, items);
        Py_DECREF(items);
        return r;
    }
    PyObject *func;
    if (PyObject_GetOptionalAttrString(arg, "keys", &func) < 0) {
        return -1;
    }
    if (func != NULL) {
        PyObject *keys = PyObject_CallNoArgs(func);
        Py_DECREF(func);
        if (keys == NULL) {
            return -1;
        }
        PyObject *it = PyObject_GetIter(keys);
        Py_DECREF(keys);
        if (it == NULL) {
            return -1;
        }
        PyObject *key;
        while ((key = PyIter_Next(it)) != NULL) {
            PyObject *value = PyObject_GetItem(arg, key);
            int r = value == NULL ? -1 : PyObject_SetItem(self, key, value);
            Py_XDECREF(value);
            Py_DECREF(key);
            if (r < 0) {
                Py_DECREF(it);
                return -1;
            }
        }
        Py_DECREF(it);
        return PyErr_Occurred() ? -1 : 0;
    }
    if (PyObject_GetOptionalAttrString(arg, "items", &func) < 0) {
        return -1;
    }
    if (func != NULL) {
        PyObject *items = PyObject_CallNoArgs(func);
        Py_DECREF(func);
        if (items == NULL) {
            return -1;
        }
        int r = update_from_pairs(self, items);
        Py_DECREF(items);
        return r;
    }
    return update_from_pairs(self, arg);
}

static int
update_common(PyObject *self, PyObject *args, PyObject *kwds)
{
    if (PyTuple_GET_SIZE(args) == 1 && update_from_arg(self, PyTuple_GET_ITEM(args, 0)) < 0) {
        return -1;
    }
    if (kwds != NULL && PyDict_GET_SIZE(kwds) > 0) {
        PyObject *items = PyDict_Items(kwds);
        if (items == NULL) {
            return -1;
        }
        int r = update_from_pairs(self, items);
        Py_DECREF(items);
        return r;
    }
    return 0;
}

static int
odict_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    Py_ssize_t n = PyTuple_GET_SIZE(args);
    if (n > 1) {
        PyErr_Format(PyExc_TypeError, "expected at most 1 arguments, got %zd", n);
        return -1;
    }
    return update_common(self, args, kwds);
}

static PyObject *
odict_update(PyObject *self, PyObject *args, PyObject *kwds)
{
    Py_ssize_t n = PyTuple_GET_SIZE(args);
    if (n > 1) {
        PyErr_Format(PyExc_TypeError,
                     "update() takes at most 1 positional argument (%zd given)", n);
        return NULL;
    }
    if (update_common(self, args, kwds) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

/* ---- methods -------------------------------------------------------------- */

static PyObject *
odict_move_to_end(PyObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"key", "last", NULL};
    PyObject *key;
    int last = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|p:move_to_end", kwlist, &key, &last)) {
        return NULL;
    }
    Py_hash_t hash = PyObject_Hash(key);
    if (hash == -1) {
        return NULL;
    }
    PyODictObject *od = OD(self);
    int res;
    Py_BEGIN_CRITICAL_SECTION(od);
    odictnode *node;
    res = odict_find(od, key, hash, &node);
    if (res == 0) {
        PyErr_SetObject(PyExc_KeyError, key);
        res = -1;
    }
    else if (res == 1 && (last ? od->od_last : od->od_first) != node) {
        odict_unlink(od, node);
        if (last) {
            node->prev = od->od_last;
            node->next = NULL;
            od->od_last->next = node;
            od->od_last = node;
        }
        else {
            node->next = od->od_first;
            node->prev = NULL;
            od->od_first->prev = node;
            od->od_first = node;
        }
        od->od_state++;
    }
    Py_END_CRITICAL_SECTION();
    if (res < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

/* Remove `key` and return its value (a new reference); `deflt` (may be
 * NULL) when missing, else KeyError.  Subclasses too take the direct path
 * (CPython 3.13 does not call their __delitem__ here). */
static PyObject *
odict_pop_key(PyObject *self, PyObject *key, PyObject *deflt)
{
    PyObject *value = NULL;
    Py_hash_t hash = PyObject_Hash(key);
    if (hash == -1) {
        return NULL;
    }
    PyODictObject *od = OD(self);
    PyObject *oldkey = NULL;
    int res;
    Py_BEGIN_CRITICAL_SECTION(od);
    odictnode *node;
    res = odict_find(od, key, hash, &node);
    if (res == 1) {
        oldkey = odict_remove_node(od, node);
        res = PyDict_Pop(self, key, &value);
    }
    Py_END_CRITICAL_SECTION();
    Py_XDECREF(oldkey);
    if (res < 0) {
        return NULL;
    }
    if (value == NULL) {
        if (deflt != NULL) {
            return Py_NewRef(deflt);
        }
        PyErr_SetObject(PyExc_KeyError, key);
    }
    return value;
}

/* The (key, default) arguments of pop and setdefault; `deflt` keeps the
 * value it holds on entry when no default is given. */
static int
odict_key_default(PyObject *args, PyObject *kwds, const char *fmt, PyObject **key,
                  PyObject **deflt)
{
    static char *kwlist[] = {"key", "default", NULL};
    return PyArg_ParseTupleAndKeywords(args, kwds, fmt, kwlist, key, deflt);
}

static PyObject *
odict_pop(PyObject *self, PyObject *args, PyObject *kwds)
{
    PyObject *key, *deflt = NULL;
    if (!odict_key_default(args, kwds, "O|O:pop", &key, &deflt)) {
        return NULL;
    }
    return odict_pop_key(self, key, deflt);
}

static PyObject *
odict_popitem(PyObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"last", NULL};
    int last = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|p:popitem", kwlist, &last)) {
        return NULL;
    }
    PyODictObject *od = OD(self);
    PyObject *key = NULL, *value = NULL;
    int res = 0;
    /* One critical section: the pair taken is the end one at that moment. */
    Py_BEGIN_CRITICAL_SECTION(od);
    odictnode *node = last ? od->od_last : od->od_first;
    if (node == NULL) {
        PyErr_SetString(PyExc_KeyError, "dictionary is empty");
        res = -1;
    }
    else {
        key = odict_remove_node(od, node);
        res = PyDict_Pop(self, key, &value);
        if (res == 0) {
            PyErr_SetObject(PyExc_KeyError, key);
            res = -1;
        }
    }
    Py_END_CRITICAL_SECTION();
    if (res < 0) {
        Py_XDECREF(key);
        return NULL;
    }
    PyObject *pair = PyTuple_Pack(2, key, value);
    Py_DECREF(key);
    Py_DECREF(value);
    return pair;
}

static PyObject *
odict_setdefault(PyObject *self, PyObject *args, PyObject *kwds)
{
    PyObject *key, *deflt = Py_None;
    if (!odict_key_default(args, kwds, "O|O:setdefault", &key, &deflt)) {
        return NULL;
    }
    if (PyODict_CheckExact(self)) {
        Py_hash_t hash = PyObject_Hash(key);
        if (hash == -1) {
            return NULL;
        }
        PyObject *result = NULL;
        int r;
        Py_BEGIN_CRITICAL_SECTION(self);
        r = PyDict_GetItemRef(self, key, &result);
        if (r == 0) {
            r = odict_setitem_hash(OD(self), key, deflt, hash);
            result = r < 0 ? NULL : Py_NewRef(deflt);
        }
        Py_END_CRITICAL_SECTION();
        return result;
    }
    int has = PySequence_Contains(self, key);
    if (has < 0) {
        return NULL;
    }
    if (has) {
        return PyObject_GetItem(self, key);
    }
    if (PyObject_SetItem(self, key, deflt) < 0) {
        return NULL;
    }
    return Py_NewRef(deflt);
}

static PyObject *
odict_clear(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    odictnode *chain;
    Py_BEGIN_CRITICAL_SECTION(self);
    PyDict_Clear(self);
    chain = odict_detach_all(OD(self));
    Py_END_CRITICAL_SECTION();
    free_chain(chain);
    Py_RETURN_NONE;
}

/* Fill `dst` (fresh, of the caller's choosing) with the items of `src`. */
static int
odict_fill_from(PyObject *dst, PyObject *items)
{
    Py_ssize_t n = PyList_GET_SIZE(items);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *kv = PyList_GET_ITEM(items, i);
        if (PyObject_SetItem(dst, PyTuple_GET_ITEM(kv, 0), PyTuple_GET_ITEM(kv, 1)) < 0) {
            return -1;
        }
    }
    return 0;
}

static PyObject *
odict_copy(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *items = odict_snapshot(OD(self), ODI_ITEMS);
    if (items == NULL) {
        return NULL;
    }
    PyObject *copy = PyObject_CallNoArgs((PyObject *)Py_TYPE(self));
    if (copy != NULL && odict_fill_from(copy, items) < 0) {
        Py_CLEAR(copy);
    }
    Py_DECREF(items);
    return copy;
}

static PyObject *
odict_fromkeys(PyObject *cls, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"iterable", "value", NULL};
    PyObject *iterable, *value = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|O:fromkeys", kwlist, &iterable, &value)) {
        return NULL;
    }
    PyObject *it = PyObject_GetIter(iterable);
    if (it == NULL) {
        return NULL;
    }
    PyObject *od = PyObject_CallNoArgs(cls);
    if (od == NULL) {
        Py_DECREF(it);
        return NULL;
    }
    PyObject *key;
    while ((key = PyIter_Next(it)) != NULL) {
        int r = PyObject_SetItem(od, key, value);
        Py_DECREF(key);
        if (r < 0) {
            break;
        }
    }
    Py_DECREF(it);
    if (PyErr_Occurred()) {
        Py_DECREF(od);
        return NULL;
    }
    return od;
}

static PyObject *
odict_sizeof(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *base = PyObject_CallMethod((PyObject *)&PyDict_Type, "__sizeof__", "O", self);
    if (base == NULL) {
        return NULL;
    }
    Py_ssize_t size = PyLong_AsSsize_t(base);
    Py_DECREF(base);
    if (size == -1 && PyErr_Occurred()) {
        return NULL;
    }
    Py_BEGIN_CRITICAL_SECTION(self);
    PyODictObject *od = OD(self);
    size += (Py_ssize_t)sizeof(PyODictObject) - (Py_ssize_t)sizeof(PyDictObject);
    size += od->od_nnodes * (Py_ssize_t)sizeof(odictnode);
    if (od->od_table != NULL) {
        size += (Py_ssize_t)((od->od_tmask + 1) * sizeof(odictnode *));
    }
    Py_END_CRITICAL_SECTION();
    return PyLong_FromSsize_t(size);
}

static PyObject *
odict_reduce(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *state = Py_None;
    PyObject *inst = OD(self)->od_inst_dict;
    if (inst != NULL && PyDict_GET_SIZE(inst) > 0) {
        state = inst;
    }
    PyObject *items = PyObject_CallMethod(self, "items", NULL);
    if (items == NULL) {
        return NULL;
    }
    PyObject *it = PyObject_GetIter(items);
    Py_DECREF(items);
    if (it == NULL) {
        return NULL;
    }
    return Py_BuildValue("O()OON", (PyObject *)Py_TYPE(self), state, Py_None, it);
}

static PyObject *
odict_keys(PyObject *self, PyObject *Py_UNUSED(ignored));
static PyObject *
odict_values(PyObject *self, PyObject *Py_UNUSED(ignored));
static PyObject *
odict_items(PyObject *self, PyObject *Py_UNUSED(ignored));

static PyObject *
odict_reversed(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return odictiter_new(OD(self), ODI_KEYS | ODI_REVERSED);
}

static PyObject *
odict_iter(PyObject *self)
{
    return odictiter_new(OD(self), ODI_KEYS);
}

static PyObject *
odict_repr(PyObject *self)
{
    const char *name = _PyType_Name(Py_TYPE(self));
    int rc = Py_ReprEnter(self);
    if (rc != 0) {
        return rc > 0 ? PyUnicode_FromString("...") : NULL;
    }
    PyObject *result = NULL, *items = NULL, *dict = NULL;
    if (PyDict_GET_SIZE(self) == 0) {
        result = PyUnicode_FromFormat("%s()", name);
        goto done;
    }
    if (PyODict_CheckExact(self)) {
        items = odict_snapshot(OD(self), ODI_ITEMS);
    }
    else {
        items = PyObject_CallMethod(self, "items", NULL);
    }
    if (items == NULL) {
        goto done;
    }
    dict = PyDict_New();
    if (dict == NULL || PyDict_MergeFromSeq2(dict, items, 1) < 0) {
        goto done;
    }
    result = PyUnicode_FromFormat("%s(%R)", name, dict);
done:
    Py_XDECREF(items);
    Py_XDECREF(dict);
    Py_ReprLeave(self);
    return result;
}

/* Same keys in the same order (the dict parts are already equal). */
static int
odict_same_order(PyODictObject *a, PyODictObject *b)
{
    PyObject *ka = odict_snapshot(a, ODI_KEYS);
    if (ka == NULL) {
        return -1;
    }
    PyObject *kb = odict_snapshot(b, ODI_KEYS);
    if (kb == NULL) {
        Py_DECREF(ka);
        return -1;
    }
    int eq = PyList_GET_SIZE(ka) == PyList_GET_SIZE(kb);
    for (Py_ssize_t i = 0; eq == 1 && i < PyList_GET_SIZE(ka); i++) {
        eq = PyObject_RichCompareBool(PyList_GET_ITEM(ka, i), PyList_GET_ITEM(kb, i), Py_EQ);
    }
    Py_DECREF(ka);
    Py_DECREF(kb);
    return eq;
}

static PyObject *
odict_richcompare(PyObject *v, PyObject *w, int op)
{
    if (!PyODict_Check(v) || !PyDict_Check(w)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    if (op != Py_EQ && op != Py_NE) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    PyObject *res = PyDict_Type.tp_richcompare(v, w, Py_EQ);
    if (res == NULL || res == Py_NotImplemented) {
        return res;
    }
    int eq = PyObject_IsTrue(res);
    Py_DECREF(res);
    if (eq < 0) {
        return NULL;
    }
    if (eq && PyODict_Check(w)) {
        eq = odict_same_order(OD(v), OD(w));
        if (eq < 0) {
            return NULL;
        }
    }
    return PyBool_FromLong(op == Py_EQ ? eq : !eq);
}

/* a | b: a new mapping of the OrderedDict operand's type. */
static PyObject *
odict_or(PyObject *left, PyObject *right)
{
    PyTypeObject *type = PyODict_Check(left) ? Py_TYPE(left) : Py_TYPE(right);
    if (!PyDict_Check(left) || !PyDict_Check(right)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    PyObject *new = PyObject_CallOneArg((PyObject *)type, left);
    if (new == NULL) {
        return NULL;
    }
    if (update_from_arg(new, right) < 0) {
        Py_DECREF(new);
        return NULL;
    }
    return new;
}

static PyObject *
odict_ior(PyObject *self, PyObject *other)
{
    if (update_from_arg(self, other) < 0) {
        return NULL;
    }
    return Py_NewRef(self);
}

/* ---- lifetime and the collector ------------------------------------------- */

static void
odict_dealloc(PyObject *self)
{
    PyODictObject *od = OD(self);
    PyObject_GC_UnTrack(self);
    if (od->od_weakreflist != NULL) {
        PyObject_ClearWeakRefs(self);
    }
    free_chain(odict_detach_all(od));
    Py_CLEAR(od->od_inst_dict);
    PyDict_Type.tp_dealloc(self);
}

static int
odict_traverse(PyObject *self, visitproc visit, void *arg)
{
    PyODictObject *od = OD(self);
    Py_VISIT(od->od_inst_dict);
    for (odictnode *n = od->od_first; n != NULL; n = n->next) {
        Py_VISIT(n->key);
    }
    return PyDict_Type.tp_traverse(self, visit, arg);
}

static int
odict_tp_clear(PyObject *self)
{
    Py_CLEAR(OD(self)->od_inst_dict);
    odict_clear(self, NULL);
    return 0;
}

/* ---- the type ------------------------------------------------------------- */

static PyMethodDef odict_methods[] = {
    {"__reversed__", odict_reversed, METH_NOARGS, "od.__reversed__() <==> reversed(od)"},
    {"move_to_end", _PyCFunction_CAST(odict_move_to_end), METH_VARARGS | METH_KEYWORDS,
     "Move an existing element to the end (or beginning if last is false).\n\n"
     "Raise KeyError if the element does not exist."},
    {"popitem", _PyCFunction_CAST(odict_popitem), METH_VARARGS | METH_KEYWORDS,
     "Remove and return a (key, value) pair from the dictionary.\n\n"
     "Pairs are returned in LIFO order if last is true or FIFO order if false."},
    {"pop", _PyCFunction_CAST(odict_pop), METH_VARARGS | METH_KEYWORDS,
     "od.pop(key[,default]) -> v, remove specified key and return the corresponding value.\n\n"
     "If the key is not found, return the default if given; otherwise,\n"
     "raise a KeyError."},
    {"setdefault", _PyCFunction_CAST(odict_setdefault), METH_VARARGS | METH_KEYWORDS,
     "Insert key with a value of default if key is not in the dictionary.\n\n"
     "Return the value for key if key is in the dictionary, else default."},
    {"keys", odict_keys, METH_NOARGS, "D.keys() -> a set-like object providing a view on D's keys"},
    {"values", odict_values, METH_NOARGS, "D.values() -> an object providing a view on D's values"},
    {"items", odict_items, METH_NOARGS, "D.items() -> a set-like object providing a view on D's items"},
    {"update", _PyCFunction_CAST(odict_update), METH_VARARGS | METH_KEYWORDS,
     "D.update([E, ]**F) -> None.  Update D from mapping/iterable E and F."},
    {"clear", odict_clear, METH_NOARGS, "od.clear() -> None.  Remove all items from od."},
    {"copy", odict_copy, METH_NOARGS, "od.copy() -> a shallow copy of od"},
    {"fromkeys", _PyCFunction_CAST(odict_fromkeys), METH_VARARGS | METH_KEYWORDS | METH_CLASS,
     "Create a new ordered dictionary with keys from iterable and values set to value."},
    {"__sizeof__", odict_sizeof, METH_NOARGS, "D.__sizeof__() -> size of D in memory, in bytes"},
    {"__reduce__", odict_reduce, METH_NOARGS, "Return state information for pickling"},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef odict_getset[] = {
    {"__dict__", PyObject_GenericGetDict, PyObject_GenericSetDict, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyMappingMethods odict_as_mapping = {
    .mp_ass_subscript = odict_ass_sub,
};

static PyNumberMethods odict_as_number = {
    .nb_or = odict_or,
    .nb_inplace_or = odict_ior,
};

PyTypeObject PyODict_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "collections.OrderedDict",
    .tp_basicsize = sizeof(PyODictObject),
    .tp_dealloc = odict_dealloc,
    .tp_repr = odict_repr,
    .tp_as_number = &odict_as_number,
    .tp_as_mapping = &odict_as_mapping,
    .tp_hash = PyObject_HashNotImplemented,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "Dictionary that remembers insertion order",
    .tp_traverse = odict_traverse,
    .tp_clear = odict_tp_clear,
    .tp_richcompare = odict_richcompare,
    .tp_weaklistoffset = offsetof(PyODictObject, od_weakreflist),
    .tp_iter = odict_iter,
    .tp_methods = odict_methods,
    .tp_getset = odict_getset,
    .tp_base = &PyDict_Type,
    .tp_dictoffset = offsetof(PyODictObject, od_inst_dict),
    .tp_init = odict_init,
    .tp_free = PyObject_GC_Del,
};

/* ---- iterators ------------------------------------------------------------ */

typedef struct {
    PyObject_HEAD
    PyODictObject *di_od;
    odictnode *di_node;     /* next node; valid while od_state == di_state */
    size_t di_state;
    Py_ssize_t di_size;
    int di_kind;
} odictiterobject;

static PyObject *
odictiter_new(PyODictObject *od, int kind)
{
    odictiterobject *di = PyObject_GC_New(odictiterobject, &PyODictIter_Type);
    if (di == NULL) {
        return NULL;
    }
    di->di_od = (PyODictObject *)Py_NewRef(od);
    di->di_kind = kind;
    Py_BEGIN_CRITICAL_SECTION(od);
    di->di_node = (kind & ODI_REVERSED) ? od->od_last : od->od_first;
    di->di_state = od->od_state;
    di->di_size = PyDict_GET_SIZE(od);
    Py_END_CRITICAL_SECTION();
    PyObject_GC_Track(di);
    return (PyObject *)di;
}

static void
odictiter_dealloc(PyObject *self)
{
    odictiterobject *di = (odictiterobject *)self;
    PyObject_GC_UnTrack(self);
    Py_XDECREF(di->di_od);
    PyObject_GC_Del(self);
}

static int
odictiter_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((odictiterobject *)self)->di_od);
    return 0;
}

/* The next key (new reference) and, for values/items, its value; NULL with
 * no exception when exhausted.  Under the OrderedDict's critical section. */
static int
odictiter_step(odictiterobject *di, PyObject **pkey, PyObject **pvalue)
{
    PyODictObject *od = di->di_od;
    int res = 0;
    *pkey = *pvalue = NULL;
    Py_BEGIN_CRITICAL_SECTION(od);
    odictnode *node = di->di_node;
    if (node == NULL) {
        res = 0;
    }
    else if (od->od_state != di->di_state) {
        PyErr_SetString(PyExc_RuntimeError, "OrderedDict mutated during iteration");
        di->di_node = NULL;
        res = -1;
    }
    else if (di->di_size != PyDict_GET_SIZE(od)) {
        PyErr_SetString(PyExc_RuntimeError, "OrderedDict changed size during iteration");
        di->di_size = -1;   /* sticky, as in CPython */
        res = -1;
    }
    else {
        PyObject *key = Py_NewRef(node->key);
        di->di_node = (di->di_kind & ODI_REVERSED) ? node->prev : node->next;
        res = 1;
        if ((di->di_kind & ODI_ITEMS) != ODI_KEYS) {
            int r = PyDict_GetItemRef((PyObject *)od, key, pvalue);
            if (r == 0) {
                PyErr_SetObject(PyExc_KeyError, key);
            }
            if (r <= 0) {
                Py_CLEAR(key);
                res = -1;
            }
        }
        *pkey = key;
    }
    Py_END_CRITICAL_SECTION();
    return res;
}

static PyObject *
odictiter_iternext(PyObject *self)
{
    odictiterobject *di = (odictiterobject *)self;
    PyObject *key, *value;
    if (odictiter_step(di, &key, &value) <= 0) {
        return NULL;
    }
    switch (di->di_kind & ODI_ITEMS) {
    case ODI_KEYS:
        return key;
    case ODI_VALUES:
        Py_DECREF(key);
        return value;
    default: {
        PyObject *pair = PyTuple_Pack(2, key, value);
        Py_DECREF(key);
        Py_DECREF(value);
        return pair;
    }
    }
}

/* iter(list of what is left), as CPython pickles the iterator; the
 * iterator itself does not advance. */
static PyObject *
odictiter_reduce(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    odictiterobject *di = (odictiterobject *)self;
    PyObject *list = PyList_New(0);
    if (list == NULL) {
        return NULL;
    }
    odictiterobject copy = *di;
    PyObject *key, *value;
    int r;
    while ((r = odictiter_step(&copy, &key, &value)) > 0) {
        PyObject *item;
        switch (di->di_kind & ODI_ITEMS) {
        case ODI_KEYS:
            item = key;
            break;
        case ODI_VALUES:
            Py_DECREF(key);
            item = value;
            break;
        default:
            item = PyTuple_Pack(2, key, value);
            Py_DECREF(key);
            Py_DECREF(value);
            break;
        }
        if (item == NULL || PyList_Append(list, item) < 0) {
            Py_XDECREF(item);
            r = -1;
            break;
        }
        Py_DECREF(item);
    }
    if (r < 0) {
        Py_DECREF(list);
        return NULL;
    }
    PyObject *builtins = PyEval_GetBuiltins();
    PyObject *iterfn = builtins != NULL ? PyDict_GetItemString(builtins, "iter") : NULL;
    if (iterfn == NULL) {
        Py_DECREF(list);
        if (!PyErr_Occurred()) {
            PyErr_SetString(PyExc_RuntimeError, "builtins.iter not found");
        }
        return NULL;
    }
    return Py_BuildValue("O(N)", iterfn, list);
}

static PyMethodDef odictiter_methods[] = {
    {"__reduce__", odictiter_reduce, METH_NOARGS, "Return state information for pickling."},
    {NULL, NULL, 0, NULL},
};

PyTypeObject PyODictIter_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "odict_iterator",
    .tp_basicsize = sizeof(odictiterobject),
    .tp_dealloc = odictiter_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = odictiter_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = odictiter_iternext,
    .tp_methods = odictiter_methods,
    .tp_free = PyObject_GC_Del,
};

/* ---- views: dict views whose iteration follows the order ------------------ */

/* The layout of the dict views (Objects/dictobject.c), whose length,
 * membership, comparisons and set operations these subclasses inherit. */
typedef struct {
    PyObject_HEAD
    PyDictObject *dv_dict;
} odictviewobject;

static PyObject *
odictview_new(PyObject *od, PyTypeObject *type)
{
    odictviewobject *dv = PyObject_GC_New(odictviewobject, type);
    if (dv == NULL) {
        return NULL;
    }
    dv->dv_dict = (PyDictObject *)Py_NewRef(od);
    PyObject_GC_Track(dv);
    return (PyObject *)dv;
}

static void
odictview_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    Py_XDECREF(((odictviewobject *)self)->dv_dict);
    PyObject_GC_Del(self);
}

static int
odictview_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((odictviewobject *)self)->dv_dict);
    return 0;
}

#define ODICT_VIEW(NAME, KIND, TYPE, TPNAME, BASE)                                \
    static PyObject *NAME##_iter(PyObject *self)                                  \
    {                                                                             \
        return odictiter_new(OD(((odictviewobject *)self)->dv_dict), KIND);       \
    }                                                                             \
    static PyObject *NAME##_reversed(PyObject *self, PyObject *Py_UNUSED(ignored)) \
    {                                                                             \
        return odictiter_new(OD(((odictviewobject *)self)->dv_dict),              \
                             KIND | ODI_REVERSED);                                \
    }                                                                             \
    static PyMethodDef NAME##_methods[] = {                                       \
        {"__reversed__", NAME##_reversed, METH_NOARGS, NULL},                     \
        {NULL, NULL, 0, NULL},                                                    \
    };                                                                            \
    PyTypeObject TYPE = {                                                         \
        PyVarObject_HEAD_INIT(&PyType_Type, 0)                                    \
        .tp_name = TPNAME,                                                        \
        .tp_basicsize = sizeof(odictviewobject),                                  \
        .tp_dealloc = odictview_dealloc,                                          \
        .tp_getattro = PyObject_GenericGetAttr,                                   \
        .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,                      \
        .tp_traverse = odictview_traverse,                                        \
        .tp_iter = NAME##_iter,                                                   \
        .tp_methods = NAME##_methods,                                             \
        .tp_base = &BASE,                                                         \
        .tp_free = PyObject_GC_Del,                                               \
    };

ODICT_VIEW(odictkeys, ODI_KEYS, PyODictKeys_Type, "odict_keys", PyDictKeys_Type)
ODICT_VIEW(odictvalues, ODI_VALUES, PyODictValues_Type, "odict_values", PyDictValues_Type)
ODICT_VIEW(odictitems, ODI_ITEMS, PyODictItems_Type, "odict_items", PyDictItems_Type)

static PyObject *
odict_keys(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return odictview_new(self, &PyODictKeys_Type);
}

static PyObject *
odict_values(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return odictview_new(self, &PyODictValues_Type);
}

static PyObject *
odict_items(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return odictview_new(self, &PyODictItems_Type);
}
