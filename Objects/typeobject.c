/* typeobject.c: `type` and `object`.  PyType_Ready (inheritance of slots
 * and flags, the MRO, the type dict with descriptors and slot wrappers),
 * classes created at run time (type(name, bases, dict): C3 MRO, layout
 * checks, __slots__, __dict__/__weakref__, __qualname__, __init_subclass__,
 * __set_name__, __classcell__), attribute lookup along the MRO with a
 * version-tagged cache, isinstance/issubclass support, and `super`.
 * The slot <-> dunder bridge is in typeslots.c. */
#include "Python.h"
#include "pycore_object.h"
#include "pycore_unionobject.h"
#include "pycore_pystate.h"
#include "pycore_typeobject.h"
#include "pycore_lockfree.h"
#include "pycore_pyerrors.h"
#include "pycore_ceval.h"

/* Guards type creation, the subclass lists and version tag assignment. */
static PyMutex type_lock;

/* ---- names ---------------------------------------------------------------- */

const char *
_PyType_Name(PyTypeObject *type)
{
    const char *s = strrchr(type->tp_name, '.');
    return s ? s + 1 : type->tp_name;
}

static PyObject *
type_name(PyTypeObject *type, void *context)
{
    if (type->tp_flags & Py_TPFLAGS_HEAPTYPE) {
        return Py_NewRef(((PyHeapTypeObject *)type)->ht_name);
    }
    return PyUnicode_FromString(_PyType_Name(type));
}

static PyObject *
type_qualname(PyTypeObject *type, void *context)
{
    if (type->tp_flags & Py_TPFLAGS_HEAPTYPE) {
        return Py_NewRef(((PyHeapTypeObject *)type)->ht_qualname);
    }
    return PyUnicode_FromString(_PyType_Name(type));
}

PyObject *
PyType_GetName(PyTypeObject *type)
{
    return type_name(type, NULL);
}

PyObject *
PyType_GetQualName(PyTypeObject *type)
{
    return type_qualname(type, NULL);
}

static PyObject *
type_module(PyTypeObject *type, void *context)
{
    if (type->tp_flags & Py_TPFLAGS_HEAPTYPE) {
        PyObject *mod;
        int r = PyDict_GetItemRef(type->tp_dict, _Py_ID_STR(__module__), &mod);
        if (r == 0) {
            PyErr_Format(PyExc_AttributeError, "__module__");
        }
        return mod;
    }
    /* A static type may carry its module name object (collections.OrderedDict
     * does, so that pickle memoizes it with the module's own name). */
    PyObject *mod = PyDict_GetItemWithError(type->tp_dict, _Py_ID_STR(__module__));
    if (mod != NULL && PyUnicode_CheckExact(mod)) {
        return Py_NewRef(mod);
    }
    if (PyErr_Occurred()) {
        return NULL;
    }
    const char *s = strrchr(type->tp_name, '.');
    if (s != NULL) {
        return PyUnicode_FromStringAndSize(type->tp_name, s - type->tp_name);
    }
    return PyUnicode_InternFromString("builtins");
}

PyObject *
PyType_GetModuleName(PyTypeObject *type)
{
    return type_module(type, NULL);
}

unsigned long
PyType_GetFlags(PyTypeObject *type)
{
    return type->tp_flags;
}

PyObject *
PyType_GetDict(PyTypeObject *type)
{
    return Py_XNewRef(type->tp_dict);
}

/* ---- subclass lists --------------------------------------------------------
 * tp_subclasses is a malloc'd array of borrowed type pointers (a type
 * removes itself from its bases' lists when it dies). */
typedef struct {
    Py_ssize_t size, cap;
    PyTypeObject *items[];
} subclass_list;

static int
add_subclass(PyTypeObject *base, PyTypeObject *type)
{
    int res = 0;
    PyMutex_Lock(&type_lock);
    subclass_list *l = base->tp_subclasses;
    if (l == NULL || l->size == l->cap) {
        Py_ssize_t cap = l ? l->cap * 2 : 4;
        subclass_list *n = PyMem_RawRealloc(l, sizeof(subclass_list) +
                                                   (size_t)cap * sizeof(PyTypeObject *));
        if (n == NULL) {
            res = -1;
            goto done;
        }
        if (l == NULL) {
            n->size = 0;
        }
        n->cap = cap;
        l = n;
        base->tp_subclasses = l;
    }
    l->items[l->size++] = type;
done:
    PyMutex_Unlock(&type_lock);
    if (res < 0) {
        PyErr_NoMemory();
    }
    return res;
}

static void
remove_subclass(PyTypeObject *base, PyTypeObject *type)
{
    PyMutex_Lock(&type_lock);
    subclass_list *l = base->tp_subclasses;
    if (l != NULL) {
        for (Py_ssize_t i = 0; i < l->size; i++) {
            if (l->items[i] == type) {
                l->items[i] = l->items[--l->size];
                break;
            }
        }
    }
    PyMutex_Unlock(&type_lock);
}

PyObject *
_PyType_GetSubclassesList(PyTypeObject *type)
{
    PyMutex_Lock(&type_lock);
    subclass_list *l = type->tp_subclasses;
    Py_ssize_t n = l ? l->size : 0;
    PyObject *res = PyTuple_New(n);
    if (res != NULL) {
        for (Py_ssize_t i = 0; i < n; i++) {
            PyTuple_SET_ITEM(res, i, Py_NewRef(l->items[i]));
        }
    }
    PyMutex_Unlock(&type_lock);
    return res;
}

static PyObject *
type_subclasses(PyTypeObject *type, PyObject *Py_UNUSED(ignored))
{
    PyObject *t = _PyType_GetSubclassesList(type);
    if (t == NULL) {
        return NULL;
    }
    PyObject *l = PySequence_List(t);
    Py_DECREF(t);
    return l;
}

/* ---- the attribute cache ---------------------------------------------------
 * A global direct-mapped cache keyed by (type version, name).  Entries are
 * guarded by a sequence counter so readers never lock: a reader retries
 * (falls back to the slow path) when the counter is odd or changed.  The
 * probe is inline (_PyType_LookupInline, pycore_typeobject.h); misses come
 * here. */
#define MCACHE_SIZE _Py_MCACHE_SIZE
#define MCACHE_HASH(version, name_hash) _Py_MCACHE_HASH(version, name_hash)

struct _Py_mcache_entry _Py_type_method_cache[_Py_MCACHE_SIZE];
#define method_cache _Py_type_method_cache
static uint32_t next_version_tag = 1;

unsigned int
PyType_ClearCache(void)
{
    PyMutex_Lock(&type_lock);
    for (int i = 0; i < MCACHE_SIZE; i++) {
        struct _Py_mcache_entry *e = &method_cache[i];
        uint32_t seq = _Py_atomic_load_uint32(&e->sequence);
        _Py_atomic_store_uint32(&e->sequence, seq + 1);
        _Py_atomic_store_uint32(&e->version, 0);
        _Py_atomic_store_ptr(&e->name, NULL);
        _Py_atomic_store_ptr(&e->value, NULL);
        _Py_atomic_store_uint32(&e->sequence, seq + 2);
    }
    unsigned int cur = next_version_tag;
    PyMutex_Unlock(&type_lock);
    return cur;
}

int
_PyType_InitCache(void)
{
    return _PyType_InitSlotDefs();
}

static void
type_modified_unlocked(PyTypeObject *type)
{
    if (_Py_atomic_load_uint32_relaxed(&type->tp_version_tag) == 0) {
        return;
    }
    subclass_list *l = type->tp_subclasses;
    if (l != NULL) {
        for (Py_ssize_t i = 0; i < l->size; i++) {
            type_modified_unlocked(l->items[i]);
        }
    }
    /* A tag of 0 is "no valid tag"; tp_flags is not touched, since every
     * thread reads it without a lock. */
    _Py_atomic_store_uint32(&type->tp_version_tag, 0);
}

void
PyType_Modified(PyTypeObject *type)
{
    PyMutex_Lock(&type_lock);
    type_modified_unlocked(type);
    PyMutex_Unlock(&type_lock);
}

/* A type gets a tag only once each base in its MRO has one, so that
 * modifying a base (which clears subclass tags) invalidates its entries. */
static int
assign_version_tag_unlocked(PyTypeObject *type)
{
    if (type->tp_version_tag != 0) {
        return 1;
    }
    if (!(type->tp_flags & Py_TPFLAGS_READY) || type->tp_mro == NULL) {
        return 0;
    }
    if (next_version_tag == UINT32_MAX) {
        return 0;
    }
    PyObject *mro = type->tp_mro;
    for (Py_ssize_t i = 1; i < PyTuple_GET_SIZE(mro); i++) {
        if (!assign_version_tag_unlocked((PyTypeObject *)PyTuple_GET_ITEM(mro, i))) {
            return 0;
        }
    }
    _Py_atomic_store_uint32(&type->tp_version_tag, next_version_tag++);
    return 1;
}

void
_PyType_AssignVersionTag(PyTypeObject *type)
{
    PyMutex_Lock(&type_lock);
    assign_version_tag_unlocked(type);
    PyMutex_Unlock(&type_lock);
}

/* Uncached lookup along the MRO (borrowed, no exception for "missing"). */
static PyObject *
find_name_in_mro(PyTypeObject *type, PyObject *name, int *error)
{
    *error = 0;
    PyObject *mro = type->tp_mro;
    if (mro == NULL) {
        if (!(type->tp_flags & Py_TPFLAGS_READYING)) {
            if (PyType_Ready(type) < 0) {
                *error = -1;
                return NULL;
            }
            mro = type->tp_mro;
        }
        if (mro == NULL) {
            *error = 1;
            return NULL;
        }
    }
    Py_ssize_t hash = PyObject_Hash(name);
    if (hash == -1) {
        *error = -1;
        return NULL;
    }
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(mro); i++) {
        PyObject *base = PyTuple_GET_ITEM(mro, i);
        PyObject *dict = ((PyTypeObject *)base)->tp_dict;
        if (dict == NULL) {
            continue;
        }
        PyObject *res = _PyDict_GetItem_KnownHash(dict, name, hash);
        if (res != NULL) {
            return res;
        }
        if (PyErr_Occurred()) {
            *error = -1;
            return NULL;
        }
    }
    return NULL;
}

/* Look `name` up along the MRO and return it (borrowed) with the type
 * version under which the answer holds (*version 0: do not cache it), and
 * store it in the attribute cache.  The version is taken (assigned if need
 * be) before the lookup and re-checked under the type lock after it: a
 * concurrent setattr changes the dict before it clears the tag, so a
 * lookup that raced with it finds the tag gone. */
_Py_NO_SANITIZE_THREAD
static PyObject *
lookup_and_fill(PyTypeObject *type, PyObject *name, uint32_t *version)
{
    int error;
    uint32_t v = 0;
    Py_hash_t h = -1;
    *version = 0;
    if (PyUnicode_CheckExact(name) && PyUnicode_CHECK_INTERNED(name)) {
        h = _Py_atomic_load_ssize_relaxed(&((PyUnicodeObject *)name)->hash);
    }
    if (h != -1) {
        v = _Py_atomic_load_uint32_acquire(&type->tp_version_tag);
        if (v == 0) {
            PyMutex_Lock(&type_lock);
            assign_version_tag_unlocked(type);
            v = type->tp_version_tag;
            PyMutex_Unlock(&type_lock);
        }
    }
    /* Exceptions in lookups are swallowed, as CPython does. */
    PyObject *exc = PyErr_GetRaisedException();
    PyObject *res = find_name_in_mro(type, name, &error);
    if (error < 0) {
        PyErr_Clear();
        PyErr_SetRaisedException(exc);
        return NULL;
    }
    PyErr_SetRaisedException(exc);
    if (error == 0 && v != 0) {
        PyMutex_Lock(&type_lock);
        /* Under the lock nobody clears the tag: if it is still the one the
         * lookup ran under, res is that version's answer. */
        if (type->tp_version_tag == v) {
            *version = v;
            struct _Py_mcache_entry *e = &method_cache[MCACHE_HASH(v, h)];
            uint32_t seq = _Py_atomic_load_uint32(&e->sequence);
            _Py_atomic_store_uint32(&e->sequence, seq + 1);
            _Py_atomic_fence_release();
            _Py_atomic_store_uint32_relaxed(&e->version, v);
            _Py_atomic_store_ptr_relaxed(&e->name, name);
            _Py_atomic_store_ptr_relaxed(&e->value, res);
            _Py_atomic_store_uint32_release(&e->sequence, seq + 2);
        }
        PyMutex_Unlock(&type_lock);
    }
    return res;
}

PyObject *
_PyType_LookupWithVersion(PyTypeObject *type, PyObject *name, uint32_t *version)
{
    PyObject *res;
    if (_PyType_ProbeCache(type, name, &res, version)) {
        return res;
    }
    return lookup_and_fill(type, name, version);
}

/* The miss path of _PyType_LookupInline. */
PyObject *
_PyType_LookupSlow(PyTypeObject *type, PyObject *name)
{
    uint32_t version;
    return lookup_and_fill(type, name, &version);
}

PyObject *
(_PyType_Lookup)(PyTypeObject *type, PyObject *name)
{
    return _PyType_LookupInline(type, name);
}

PyObject *
(_PyType_LookupRef)(PyTypeObject *type, PyObject *name)
{
    return Py_XNewRef(_PyType_LookupInline(type, name));
}

/* Special method lookup: on the type, bound to self. */
PyObject *
_PyObject_LookupSpecial(PyObject *self, PyObject *attr)
{
    PyObject *res = _PyType_LookupRef(Py_TYPE(self), attr);
    if (res != NULL) {
        descrgetfunc f = Py_TYPE(res)->tp_descr_get;
        if (f != NULL) {
            Py_SETREF(res, f(res, self, (PyObject *)Py_TYPE(self)));
        }
    }
    return res;
}

/* ---- subtype checks ------------------------------------------------------- */

static int
type_is_subtype_base_chain(PyTypeObject *a, PyTypeObject *b)
{
    do {
        if (a == b) {
            return 1;
        }
        a = a->tp_base;
    } while (a != NULL);
    return b == &PyBaseObject_Type;
}

int
PyType_IsSubtype(PyTypeObject *a, PyTypeObject *b)
{
    PyObject *mro = a->tp_mro;
    if (mro != NULL && PyTuple_Check(mro)) {
        Py_ssize_t n = PyTuple_GET_SIZE(mro);
        for (Py_ssize_t i = 0; i < n; i++) {
            if (PyTuple_GET_ITEM(mro, i) == (PyObject *)b) {
                return 1;
            }
        }
        return 0;
    }
    return type_is_subtype_base_chain(a, b);
}

/* ---- MRO -------------------------------------------------------------------- */

static int
tail_contains(PyObject *tuple, Py_ssize_t whence, PyObject *o)
{
    for (Py_ssize_t j = whence + 1; j < PyTuple_GET_SIZE(tuple); j++) {
        if (PyTuple_GET_ITEM(tuple, j) == o) {
            return 1;
        }
    }
    return 0;
}

static void
set_mro_error(PyObject **to_merge, Py_ssize_t to_merge_size, Py_ssize_t *remain)
{
    /* Name the bases whose heads could not be placed, in order, once each. */
    PyObject *names = PyList_New(0);
    if (names == NULL) {
        return;
    }
    for (Py_ssize_t i = 0; i < to_merge_size; i++) {
        PyObject *L = to_merge[i];
        if (remain[i] < PyTuple_GET_SIZE(L)) {
            PyObject *c = PyTuple_GET_ITEM(L, remain[i]);
            int dup = 0;
            for (Py_ssize_t k = 0; k < PyList_GET_SIZE(names); k++) {
                if (PyList_GET_ITEM(names, k) == c) {
                    dup = 1;
                }
            }
            if (!dup && PyList_Append(names, c) < 0) {
                Py_DECREF(names);
                return;
            }
        }
    }
    PyObject *parts = PyList_New(0);
    for (Py_ssize_t k = 0; parts && k < PyList_GET_SIZE(names); k++) {
        PyObject *n = type_name((PyTypeObject *)PyList_GET_ITEM(names, k), NULL);
        if (n == NULL || PyList_Append(parts, n) < 0) {
            Py_XDECREF(n);
            Py_CLEAR(parts);
            break;
        }
        Py_DECREF(n);
    }
    Py_DECREF(names);
    if (parts == NULL) {
        return;
    }
    PyObject *sep = PyUnicode_FromString(", ");
    PyObject *joined = sep ? PyUnicode_Join(sep, parts) : NULL;
    Py_XDECREF(sep);
    Py_DECREF(parts);
    if (joined == NULL) {
        return;
    }
    PyErr_Format(PyExc_TypeError,
                 "Cannot create a consistent method resolution order (MRO) for bases %U",
                 joined);
    Py_DECREF(joined);
}

/* C3 merge of the MROs of the bases and the bases list into acc. */
static int
pmerge(PyObject *acc, PyObject **to_merge, Py_ssize_t to_merge_size)
{
    Py_ssize_t *remain = PyMem_New(Py_ssize_t, to_merge_size);
    if (remain == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t i = 0; i < to_merge_size; i++) {
        remain[i] = 0;
    }
    int res = 0;
again:;
    int empty_cnt = 0;
    for (Py_ssize_t i = 0; i < to_merge_size; i++) {
        PyObject *cur_tuple = to_merge[i];
        if (remain[i] >= PyTuple_GET_SIZE(cur_tuple)) {
            empty_cnt++;
            continue;
        }
        PyObject *candidate = PyTuple_GET_ITEM(cur_tuple, remain[i]);
        int in_tail = 0;
        for (Py_ssize_t j = 0; j < to_merge_size; j++) {
            if (tail_contains(to_merge[j], remain[j], candidate)) {
                in_tail = 1;
                break;
            }
        }
        if (in_tail) {
            continue;
        }
        if (PyList_Append(acc, candidate) < 0) {
            res = -1;
            goto out;
        }
        for (Py_ssize_t j = 0; j < to_merge_size; j++) {
            PyObject *j_lst = to_merge[j];
            if (remain[j] < PyTuple_GET_SIZE(j_lst) &&
                PyTuple_GET_ITEM(j_lst, remain[j]) == candidate) {
                remain[j]++;
            }
        }
        goto again;
    }
    if (empty_cnt != to_merge_size) {
        set_mro_error(to_merge, to_merge_size, remain);
        res = -1;
    }
out:
    PyMem_Free(remain);
    return res;
}

static PyObject *
mro_implementation(PyTypeObject *type)
{
    PyObject *bases = type->tp_bases;
    Py_ssize_t n = PyTuple_GET_SIZE(bases);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyTypeObject *base = (PyTypeObject *)PyTuple_GET_ITEM(bases, i);
        if (base->tp_mro == NULL) {
            PyErr_Format(PyExc_TypeError,
                         "Cannot extend an incomplete type '%.100s'", base->tp_name);
            return NULL;
        }
    }
    if (n == 1) {
        /* Fast path: the MRO is the type plus its base's MRO. */
        PyObject *base_mro = ((PyTypeObject *)PyTuple_GET_ITEM(bases, 0))->tp_mro;
        Py_ssize_t k = PyTuple_GET_SIZE(base_mro);
        PyObject *result = PyTuple_New(k + 1);
        if (result == NULL) {
            return NULL;
        }
        PyTuple_SET_ITEM(result, 0, Py_NewRef(type));
        for (Py_ssize_t i = 0; i < k; i++) {
            PyTuple_SET_ITEM(result, i + 1, Py_NewRef(PyTuple_GET_ITEM(base_mro, i)));
        }
        return result;
    }
    /* Duplicate bases. */
    for (Py_ssize_t i = 0; i < n; i++) {
        for (Py_ssize_t j = i + 1; j < n; j++) {
            if (PyTuple_GET_ITEM(bases, i) == PyTuple_GET_ITEM(bases, j)) {
                PyObject *nm = type_name((PyTypeObject *)PyTuple_GET_ITEM(bases, i), NULL);
                if (nm) {
                    PyErr_Format(PyExc_TypeError, "duplicate base class %U", nm);
                    Py_DECREF(nm);
                }
                return NULL;
            }
        }
    }
    PyObject **to_merge = PyMem_New(PyObject *, n + 1);
    if (to_merge == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        to_merge[i] = ((PyTypeObject *)PyTuple_GET_ITEM(bases, i))->tp_mro;
    }
    to_merge[n] = bases;
    PyObject *result = PyList_New(1);
    if (result == NULL) {
        PyMem_Free(to_merge);
        return NULL;
    }
    PyList_SET_ITEM(result, 0, Py_NewRef(type));
    if (pmerge(result, to_merge, n + 1) < 0) {
        Py_CLEAR(result);
    }
    PyMem_Free(to_merge);
    if (result == NULL) {
        return NULL;
    }
    PyObject *t = PySequence_Tuple(result);
    Py_DECREF(result);
    return t;
}

static PyObject *
type_mro(PyTypeObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *seq = mro_implementation(self);
    if (seq == NULL) {
        return NULL;
    }
    PyObject *l = PySequence_List(seq);
    Py_DECREF(seq);
    return l;
}

/* The MRO for `type`: mro_implementation, or a metaclass's mro() override. */
static PyObject *
mro_invoke(PyTypeObject *type)
{
    PyObject *mro_result;
    if (!Py_IS_TYPE(type, &PyType_Type) && Py_TYPE(type) != NULL &&
        (Py_TYPE(type)->tp_flags & Py_TPFLAGS_HEAPTYPE)) {
        PyObject *meth = _PyType_LookupRef(Py_TYPE(type), _Py_ID_STR(mro));
        int custom = meth != NULL && !(Py_IS_TYPE(meth, &PyMethodDescr_Type) &&
                                       PyDescr_TYPE(meth) == &PyType_Type);
        Py_XDECREF(meth);
        if (custom) {
            PyObject *res = PyObject_CallMethod((PyObject *)type, "mro", NULL);
            if (res == NULL) {
                return NULL;
            }
            mro_result = PySequence_Tuple(res);
            Py_DECREF(res);
            if (mro_result == NULL) {
                return NULL;
            }
            for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(mro_result); i++) {
                PyObject *t = PyTuple_GET_ITEM(mro_result, i);
                if (!PyType_Check(t)) {
                    PyErr_Format(PyExc_TypeError, "mro() returned a non-class ('%.500s')",
                                 Py_TYPE(t)->tp_name);
                    Py_DECREF(mro_result);
                    return NULL;
                }
            }
            return mro_result;
        }
    }
    return mro_implementation(type);
}

/* ---- inheritance -------------------------------------------------------------- */

#define COPYSLOT(SLOT) \
    if (!type->SLOT && base->SLOT) type->SLOT = base->SLOT
#define COPYNUM(SLOT) \
    if (!type->tp_as_number->SLOT && base->tp_as_number->SLOT) \
        type->tp_as_number->SLOT = base->tp_as_number->SLOT
#define COPYSEQ(SLOT) \
    if (!type->tp_as_sequence->SLOT && base->tp_as_sequence->SLOT) \
        type->tp_as_sequence->SLOT = base->tp_as_sequence->SLOT
#define COPYMAP(SLOT) \
    if (!type->tp_as_mapping->SLOT && base->tp_as_mapping->SLOT) \
        type->tp_as_mapping->SLOT = base->tp_as_mapping->SLOT
#define COPYASYNC(SLOT) \
    if (!type->tp_as_async->SLOT && base->tp_as_async->SLOT) \
        type->tp_as_async->SLOT = base->tp_as_async->SLOT
#define COPYBUF(SLOT) \
    if (!type->tp_as_buffer->SLOT && base->tp_as_buffer->SLOT) \
        type->tp_as_buffer->SLOT = base->tp_as_buffer->SLOT

/* Does the type's own dict define __eq__ or __hash__?  Then tp_hash and
 * tp_richcompare are not inherited (a class defining __eq__ is unhashable
 * unless it also defines __hash__). */
static int
overrides_hash(PyTypeObject *type)
{
    PyObject *dict = type->tp_dict;
    int r = PyDict_Contains(dict, _Py_ID_STR(__eq__));
    if (r != 0) {
        return r;
    }
    return PyDict_Contains(dict, _Py_ID_STR(__hash__));
}

static int
inherit_slots(PyTypeObject *type, PyTypeObject *base)
{
    if (type->tp_as_number != NULL && base->tp_as_number != NULL) {
        COPYNUM(nb_add); COPYNUM(nb_subtract); COPYNUM(nb_multiply);
        COPYNUM(nb_remainder); COPYNUM(nb_divmod); COPYNUM(nb_power);
        COPYNUM(nb_negative); COPYNUM(nb_positive); COPYNUM(nb_absolute);
        COPYNUM(nb_bool); COPYNUM(nb_invert); COPYNUM(nb_lshift);
        COPYNUM(nb_rshift); COPYNUM(nb_and); COPYNUM(nb_xor); COPYNUM(nb_or);
        COPYNUM(nb_int); COPYNUM(nb_float); COPYNUM(nb_inplace_add);
        COPYNUM(nb_inplace_subtract); COPYNUM(nb_inplace_multiply);
        COPYNUM(nb_inplace_remainder); COPYNUM(nb_inplace_power);
        COPYNUM(nb_inplace_lshift); COPYNUM(nb_inplace_rshift);
        COPYNUM(nb_inplace_and); COPYNUM(nb_inplace_xor); COPYNUM(nb_inplace_or);
        COPYNUM(nb_true_divide); COPYNUM(nb_floor_divide);
        COPYNUM(nb_inplace_true_divide); COPYNUM(nb_inplace_floor_divide);
        COPYNUM(nb_index); COPYNUM(nb_matrix_multiply);
        COPYNUM(nb_inplace_matrix_multiply);
    }
    if (type->tp_as_async != NULL && base->tp_as_async != NULL) {
        COPYASYNC(am_await); COPYASYNC(am_aiter); COPYASYNC(am_anext); COPYASYNC(am_send);
    }
    if (type->tp_as_sequence != NULL && base->tp_as_sequence != NULL) {
        COPYSEQ(sq_length); COPYSEQ(sq_concat); COPYSEQ(sq_repeat); COPYSEQ(sq_item);
        COPYSEQ(sq_ass_item); COPYSEQ(sq_contains); COPYSEQ(sq_inplace_concat);
        COPYSEQ(sq_inplace_repeat);
    }
    if (type->tp_as_mapping != NULL && base->tp_as_mapping != NULL) {
        COPYMAP(mp_length); COPYMAP(mp_subscript); COPYMAP(mp_ass_subscript);
    }
    if (type->tp_as_buffer != NULL && base->tp_as_buffer != NULL) {
        COPYBUF(bf_getbuffer); COPYBUF(bf_releasebuffer);
    }
    COPYSLOT(tp_dealloc);
    if (type->tp_getattr == NULL && type->tp_getattro == NULL) {
        type->tp_getattr = base->tp_getattr;
        type->tp_getattro = base->tp_getattro;
    }
    if (type->tp_setattr == NULL && type->tp_setattro == NULL) {
        type->tp_setattr = base->tp_setattr;
        type->tp_setattro = base->tp_setattro;
    }
    COPYSLOT(tp_repr);
    COPYSLOT(tp_call);
    COPYSLOT(tp_str);
    if (type->tp_richcompare == NULL && type->tp_hash == NULL) {
        int r = overrides_hash(type);
        if (r < 0) {
            return -1;
        }
        if (!r) {
            type->tp_richcompare = base->tp_richcompare;
            type->tp_hash = base->tp_hash;
        }
    }
    COPYSLOT(tp_iter);
    COPYSLOT(tp_iternext);
    COPYSLOT(tp_descr_get);
    /* A data descriptor's __delete__ shares the slot with __set__. */
    COPYSLOT(tp_descr_set);
    COPYSLOT(tp_dictoffset);
    COPYSLOT(tp_init);
    COPYSLOT(tp_alloc);
    COPYSLOT(tp_is_gc);
    COPYSLOT(tp_finalize);
    if ((type->tp_flags & Py_TPFLAGS_HAVE_GC) == (base->tp_flags & Py_TPFLAGS_HAVE_GC)) {
        COPYSLOT(tp_free);
    }
    else if ((type->tp_flags & Py_TPFLAGS_HAVE_GC) && type->tp_free == NULL &&
             base->tp_free == PyObject_Free) {
        type->tp_free = PyObject_GC_Del;
    }
    if (!(type->tp_flags & Py_TPFLAGS_HEAPTYPE)) {
        COPYSLOT(tp_vectorcall_offset);
        if (base->tp_flags & Py_TPFLAGS_HAVE_VECTORCALL && type->tp_call == base->tp_call) {
            type->tp_flags |= Py_TPFLAGS_HAVE_VECTORCALL;
        }
    }
    return 0;
}

/* Flags and layout from the primary base. */
static void
inherit_special(PyTypeObject *type, PyTypeObject *base)
{
    if (!(type->tp_flags & Py_TPFLAGS_HAVE_GC) && (base->tp_flags & Py_TPFLAGS_HAVE_GC) &&
        (!type->tp_traverse && !type->tp_clear)) {
        type->tp_flags |= Py_TPFLAGS_HAVE_GC;
        if (type->tp_traverse == NULL) {
            type->tp_traverse = base->tp_traverse;
        }
        if (type->tp_clear == NULL) {
            type->tp_clear = base->tp_clear;
        }
    }
    if (type->tp_basicsize == 0) {
        type->tp_basicsize = base->tp_basicsize;
    }
    COPYSLOT(tp_itemsize);
    COPYSLOT(tp_weaklistoffset);
    COPYSLOT(tp_dictoffset);
    type->tp_flags |= base->tp_flags &
        (Py_TPFLAGS_LONG_SUBCLASS | Py_TPFLAGS_LIST_SUBCLASS | Py_TPFLAGS_TUPLE_SUBCLASS |
         Py_TPFLAGS_BYTES_SUBCLASS | Py_TPFLAGS_UNICODE_SUBCLASS | Py_TPFLAGS_DICT_SUBCLASS |
         Py_TPFLAGS_BASE_EXC_SUBCLASS | Py_TPFLAGS_TYPE_SUBCLASS |
         Py_TPFLAGS_SEQUENCE | Py_TPFLAGS_MAPPING);
    if (type->tp_flags & Py_TPFLAGS_HEAPTYPE) {
        type->tp_flags |= base->tp_flags & Py_TPFLAGS_MANAGED_DICT;
    }
}

static int
add_methods(PyTypeObject *type, PyMethodDef *meth)
{
    PyObject *dict = type->tp_dict;
    for (; meth->ml_name != NULL; meth++) {
        PyObject *descr;
        PyObject *name = PyUnicode_InternFromString(meth->ml_name);
        if (name == NULL) {
            return -1;
        }
        int r = PyDict_Contains(dict, name);
        if (r != 0 && !(meth->ml_flags & METH_COEXIST)) {
            Py_DECREF(name);
            if (r < 0) {
                return -1;
            }
            continue;
        }
        if (meth->ml_flags & METH_CLASS) {
            if (meth->ml_flags & METH_STATIC) {
                Py_DECREF(name);
                PyErr_SetString(PyExc_ValueError,
                                "method cannot be both class and static");
                return -1;
            }
            descr = PyDescr_NewClassMethod(type, meth);
        }
        else if (meth->ml_flags & METH_STATIC) {
            PyObject *cfunc = PyCFunction_NewEx(meth, (PyObject *)type, NULL);
            if (cfunc == NULL) {
                Py_DECREF(name);
                return -1;
            }
            descr = PyStaticMethod_New(cfunc);
            Py_DECREF(cfunc);
        }
        else {
            descr = PyDescr_NewMethod(type, meth);
        }
        if (descr == NULL) {
            Py_DECREF(name);
            return -1;
        }
        r = PyDict_SetItem(dict, name, descr);
        Py_DECREF(descr);
        Py_DECREF(name);
        if (r < 0) {
            return -1;
        }
    }
    return 0;
}

static int
add_members(PyTypeObject *type, PyMemberDef *memb)
{
    for (; memb->name != NULL; memb++) {
        PyObject *descr = PyDescr_NewMember(type, memb);
        if (descr == NULL) {
            return -1;
        }
        int r = PyDict_SetDefaultRef(type->tp_dict, PyDescr_NAME(descr), descr, NULL);
        Py_DECREF(descr);
        if (r < 0) {
            return -1;
        }
    }
    return 0;
}

static int
add_getset(PyTypeObject *type, PyGetSetDef *gsp)
{
    for (; gsp->name != NULL; gsp++) {
        PyObject *descr = PyDescr_NewGetSet(type, gsp);
        if (descr == NULL) {
            return -1;
        }
        int r = PyDict_SetDefaultRef(type->tp_dict, PyDescr_NAME(descr), descr, NULL);
        Py_DECREF(descr);
        if (r < 0) {
            return -1;
        }
    }
    return 0;
}

static int
type_ready(PyTypeObject *type)
{
    PyTypeObject *base = type->tp_base;
    if (base == NULL && type != &PyBaseObject_Type) {
        base = type->tp_base = &PyBaseObject_Type;
    }
    if (base != NULL && !(base->tp_flags & Py_TPFLAGS_READY)) {
        if (PyType_Ready(base) < 0) {
            return -1;
        }
    }
    if (Py_TYPE(type) == NULL && base != NULL) {
        Py_SET_TYPE(type, Py_TYPE(base));
    }
    if (!(type->tp_flags & Py_TPFLAGS_HEAPTYPE)) {
        type->tp_flags |= Py_TPFLAGS_IMMUTABLETYPE;
    }
    /* Bases. */
    if (type->tp_bases == NULL) {
        PyObject *bases = base == NULL ? PyTuple_New(0) : PyTuple_Pack(1, base);
        if (bases == NULL) {
            return -1;
        }
        type->tp_bases = bases;
    }
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(type->tp_bases); i++) {
        PyTypeObject *b = (PyTypeObject *)PyTuple_GET_ITEM(type->tp_bases, i);
        if (!(b->tp_flags & Py_TPFLAGS_READY) && PyType_Ready(b) < 0) {
            return -1;
        }
    }
    /* The dict, with this type's own methods, members, getsets, slot
     * wrappers and __doc__. */
    if (type->tp_dict == NULL) {
        type->tp_dict = PyDict_New();
        if (type->tp_dict == NULL) {
            return -1;
        }
    }
    if (_PyType_AddOperators(type) < 0) {
        return -1;
    }
    if (type->tp_methods && add_methods(type, type->tp_methods) < 0) {
        return -1;
    }
    if (type->tp_members && add_members(type, type->tp_members) < 0) {
        return -1;
    }
    if (type->tp_getset && add_getset(type, type->tp_getset) < 0) {
        return -1;
    }
    int r = PyDict_Contains(type->tp_dict, _Py_ID_STR(__doc__));
    if (r < 0) {
        return -1;
    }
    if (!r) {
        PyObject *doc;
        if (type->tp_doc != NULL) {
            const char *d = type->tp_doc;
            doc = PyUnicode_FromString(d);
            if (doc == NULL) {
                return -1;
            }
        }
        else {
            doc = Py_NewRef(Py_None);
        }
        r = PyDict_SetItem(type->tp_dict, _Py_ID_STR(__doc__), doc);
        Py_DECREF(doc);
        if (r < 0) {
            return -1;
        }
    }
    /* MRO. */
    PyObject *mro = mro_invoke(type);
    if (mro == NULL) {
        return -1;
    }
    Py_XSETREF(type->tp_mro, mro);
    /* Inheritance. */
    if (base != NULL) {
        inherit_special(type, base);
    }
    if (type->tp_as_async == NULL && base) type->tp_as_async = base->tp_as_async;
    if (type->tp_as_number == NULL && base) type->tp_as_number = base->tp_as_number;
    if (type->tp_as_sequence == NULL && base) type->tp_as_sequence = base->tp_as_sequence;
    if (type->tp_as_mapping == NULL && base) type->tp_as_mapping = base->tp_as_mapping;
    if (type->tp_as_buffer == NULL && base) type->tp_as_buffer = base->tp_as_buffer;
    for (Py_ssize_t i = 1; i < PyTuple_GET_SIZE(mro); i++) {
        PyTypeObject *b = (PyTypeObject *)PyTuple_GET_ITEM(mro, i);
        if (inherit_slots(type, b) < 0) {
            return -1;
        }
    }
    /* tp_new: static types with no tp_new and object as base cannot be
     * instantiated from Python. */
    if (type->tp_new == NULL) {
        if (base == &PyBaseObject_Type && !(type->tp_flags & Py_TPFLAGS_HEAPTYPE)) {
            type->tp_flags |= Py_TPFLAGS_DISALLOW_INSTANTIATION;
        }
        else if (!(type->tp_flags & Py_TPFLAGS_DISALLOW_INSTANTIATION) && base) {
            type->tp_new = base->tp_new;
        }
    }
    else if (type->tp_flags & Py_TPFLAGS_DISALLOW_INSTANTIATION) {
        type->tp_new = NULL;
    }
    if (type->tp_flags & Py_TPFLAGS_DISALLOW_INSTANTIATION) {
        r = PyDict_Contains(type->tp_dict, _Py_ID_STR(__new__));
        if (r < 0) {
            return -1;
        }
        if (!r && PyDict_SetItem(type->tp_dict, _Py_ID_STR(__new__), Py_None) < 0) {
            return -1;
        }
    }
    /* Unhashable: a class defining __eq__ without __hash__. */
    if (type->tp_hash == NULL) {
        r = PyDict_Contains(type->tp_dict, _Py_ID_STR(__hash__));
        if (r < 0) {
            return -1;
        }
        if (!r) {
            if (PyDict_SetItem(type->tp_dict, _Py_ID_STR(__hash__), Py_None) < 0) {
                return -1;
            }
            type->tp_hash = PyObject_HashNotImplemented;
        }
    }
    if (type->tp_free == NULL) {
        type->tp_free = (type->tp_flags & Py_TPFLAGS_HAVE_GC) ? PyObject_GC_Del : PyObject_Free;
    }
    /* Register with the bases. */
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(type->tp_bases); i++) {
        PyTypeObject *b = (PyTypeObject *)PyTuple_GET_ITEM(type->tp_bases, i);
        if (add_subclass(b, type) < 0) {
            return -1;
        }
    }
    return 0;
}

int
PyType_Ready(PyTypeObject *type)
{
    if (type->tp_flags & Py_TPFLAGS_READY) {
        return 0;
    }
    if (type->tp_flags & Py_TPFLAGS_READYING) {
        return 0;  /* a base readying itself through its subclass */
    }
    if (!(type->tp_flags & Py_TPFLAGS_HEAPTYPE)) {
        /* Static types are immortal. */
        _Py_SetImmortal((PyObject *)type);
    }
    type->tp_flags |= Py_TPFLAGS_READYING;
    int r = type_ready(type);
    type->tp_flags &= ~Py_TPFLAGS_READYING;
    if (r < 0) {
        return -1;
    }
    type->tp_flags |= Py_TPFLAGS_READY;
    return 0;
}

/* ---- allocation --------------------------------------------------------------- */

PyObject *
PyType_GenericAlloc(PyTypeObject *type, Py_ssize_t nitems)
{
    /* One extra item, as CPython: variable-sized objects built in place
     * (ints) may need a sentinel. */
    size_t size = _PyObject_VAR_SIZE(type, nitems + 1);
    PyObject *obj;
    if (PyType_IS_GC(type)) {
        obj = _PyObject_GC_Malloc(size);
    }
    else {
        obj = PyObject_Malloc(size);
        if (obj == NULL) {
            PyErr_NoMemory();
        }
    }
    if (obj == NULL) {
        return NULL;
    }
    memset(obj, 0, size);
    if (type->tp_itemsize == 0) {
        _PyObject_Init(obj, type);
    }
    else {
        _PyObject_InitVar((PyVarObject *)obj, type, nitems);
    }
    if (PyType_IS_GC(type)) {
        PyObject_GC_Track(obj);
    }
    return obj;
}

PyObject *
PyType_GenericNew(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    return type->tp_alloc(type, 0);
}

/* ---- instances of Python classes ------------------------------------------------ */

static int
subtype_traverse(PyObject *self, visitproc visit, void *arg)
{
    PyTypeObject *type = Py_TYPE(self);
    PyTypeObject *base = type;
    while (base->tp_flags & Py_TPFLAGS_HEAPTYPE) {
        Py_ssize_t n = Py_SIZE(base);
        PyMemberDef *mp = PyHeapType_GET_MEMBERS((PyHeapTypeObject *)base);
        for (Py_ssize_t i = 0; i < n; i++, mp++) {
            if (mp->type == Py_T_OBJECT_EX) {
                PyObject *obj = *(PyObject **)((char *)self + mp->offset);
                Py_VISIT(obj);
            }
        }
        base = base->tp_base;
    }
    PyObject **dictptr = _PyObject_DictPointer(self);
    if (dictptr && *dictptr && type->tp_dictoffset != base->tp_dictoffset) {
        Py_VISIT(*dictptr);
    }
    Py_VISIT(type);
    if (base->tp_traverse) {
        return base->tp_traverse(self, visit, arg);
    }
    return 0;
}

static void
clear_slots(PyTypeObject *type, PyObject *self)
{
    Py_ssize_t n = Py_SIZE(type);
    PyMemberDef *mp = PyHeapType_GET_MEMBERS((PyHeapTypeObject *)type);
    for (Py_ssize_t i = 0; i < n; i++, mp++) {
        if (mp->type == Py_T_OBJECT_EX && !(mp->flags & Py_READONLY)) {
            PyObject **addr = (PyObject **)((char *)self + mp->offset);
            Py_CLEAR(*addr);
        }
    }
}

static int
subtype_clear(PyObject *self)
{
    PyTypeObject *type = Py_TYPE(self);
    PyTypeObject *base = type;
    while (base->tp_flags & Py_TPFLAGS_HEAPTYPE) {
        if (Py_SIZE(base)) {
            clear_slots(base, self);
        }
        base = base->tp_base;
    }
    PyObject **dictptr = _PyObject_DictPointer(self);
    if (dictptr && *dictptr && type->tp_dictoffset != base->tp_dictoffset) {
        Py_CLEAR(*dictptr);
    }
    if (base->tp_clear) {
        return base->tp_clear(self);
    }
    return 0;
}

static void subtype_dealloc_impl(PyObject *self);

/* The trashcan: past this many nested instance deallocations in a thread,
 * further ones wait on the thread's trash stack until the outermost returns
 * (dropping a 100000-long linked chain used to overflow the C stack). */
#define TRASH_NESTING_LIMIT 50

static void
subtype_dealloc(PyObject *self)
{
    PyThreadState *tstate = _PyThreadState_GET();
    if (tstate == NULL) {
        subtype_dealloc_impl(self);
        return;
    }
    if (tstate->trash_nesting >= TRASH_NESTING_LIMIT) {
        if (tstate->trash_len == tstate->trash_cap) {
            Py_ssize_t cap = tstate->trash_cap ? tstate->trash_cap * 2 : 64;
            PyObject **n = realloc(tstate->trash, (size_t)cap * sizeof(PyObject *));
            if (n != NULL) {
                tstate->trash = n;
                tstate->trash_cap = cap;
            }
        }
        if (tstate->trash_len < tstate->trash_cap) {
            /* Untracked while it waits: the collector must not see an
             * object whose reference count is already zero. */
            if (PyType_IS_GC(Py_TYPE(self))) {
                PyObject_GC_UnTrack(self);
            }
            tstate->trash[tstate->trash_len++] = self;
            return;
        }
        /* Out of memory for the stack: free it now, however deep. */
    }
    tstate->trash_nesting++;
    subtype_dealloc_impl(self);
    if (tstate->trash_nesting == 1) {
        while (tstate->trash_len > 0) {
            PyObject *op = tstate->trash[--tstate->trash_len];
            Py_TYPE(op)->tp_dealloc(op);
        }
    }
    tstate->trash_nesting--;
}

static void
subtype_dealloc_impl(PyObject *self)
{
    PyTypeObject *type = Py_TYPE(self);
    PyTypeObject *base = type;
    /* Find the nearest base with a different tp_dealloc. */
    while (base->tp_dealloc == subtype_dealloc) {
        base = base->tp_base;
    }
    int is_gc = PyType_IS_GC(type);
    if (is_gc) {
        PyObject_GC_UnTrack(self);
    }
    if (type->tp_finalize) {
        /* __del__ runs once (PEP 442) and may resurrect the object. */
        if (PyObject_CallFinalizerFromDealloc(self) < 0) {
            if (is_gc) {
                PyObject_GC_Track(self);
            }
            return;
        }
    }
    /* Weak references die before the slots and the dict are cleared, so a
     * callback never sees a half-destroyed object. */
    if (type->tp_weaklistoffset > 0 && base->tp_weaklistoffset == 0) {
        PyObject_ClearWeakRefs(self);
    }
    PyTypeObject *t = type;
    while (t != base) {
        if (Py_SIZE(t)) {
            clear_slots(t, self);
        }
        t = t->tp_base;
    }
    if (type->tp_dictoffset && !base->tp_dictoffset) {
        PyObject **dictptr = _PyObject_DictPointer(self);
        if (dictptr != NULL) {
            Py_CLEAR(*dictptr);
        }
    }
    /* The base dealloc frees through Py_TYPE(self)->tp_free; a GC base
     * expects a tracked object (it untracks it itself). */
    if (PyType_IS_GC(base)) {
        PyObject_GC_Track(self);
    }
    base->tp_dealloc(self);
    Py_DECREF(type);
}

static PyObject *
subtype_dict(PyObject *obj, void *context)
{
    return PyObject_GenericGetDict(obj, context);
}

static int
subtype_setdict(PyObject *obj, PyObject *value, void *context)
{
    return PyObject_GenericSetDict(obj, value, context);
}

static PyObject *
subtype_getweakref(PyObject *obj, void *context)
{
    Py_ssize_t off = Py_TYPE(obj)->tp_weaklistoffset;
    if (off <= 0) {
        PyErr_SetString(PyExc_AttributeError, "This object has no __weakref__");
        return NULL;
    }
    PyObject *r = *(PyObject **)((char *)obj + off);
    return Py_NewRef(r ? r : Py_None);
}

static PyGetSetDef subtype_getsets_full[] = {
    {"__dict__", subtype_dict, subtype_setdict,
     "dictionary for instance variables", NULL},
    {"__weakref__", subtype_getweakref, NULL,
     "list of weak references to the object", NULL},
    {NULL, NULL, NULL, NULL, NULL}
};
static PyGetSetDef subtype_getsets_dict_only[] = {
    {"__dict__", subtype_dict, subtype_setdict,
     "dictionary for instance variables", NULL},
    {NULL, NULL, NULL, NULL, NULL}
};
static PyGetSetDef subtype_getsets_weakref_only[] = {
    {"__weakref__", subtype_getweakref, NULL,
     "list of weak references to the object", NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

/* ---- object ----------------------------------------------------------------------- */

static PyObject *object_new(PyTypeObject *type, PyObject *args, PyObject *kwds);
static int object_init(PyObject *self, PyObject *args, PyObject *kwds);

static int
excess_args(PyObject *args, PyObject *kwds)
{
    return PyTuple_GET_SIZE(args) || (kwds && PyDict_Check(kwds) && PyDict_GET_SIZE(kwds));
}

static int
object_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    PyTypeObject *type = Py_TYPE(self);
    if (excess_args(args, kwds)) {
        if (type->tp_init != object_init) {
            PyErr_SetString(PyExc_TypeError,
                            "object.__init__() takes exactly one argument (the instance to initialize)");
            return -1;
        }
        if (type->tp_new == object_new) {
            PyErr_Format(PyExc_TypeError, "%.200s() takes no arguments", type->tp_name);
            return -1;
        }
    }
    return 0;
}

int
_PyObject_InitDefault(PyObject *self, PyObject *args, PyObject *kwds)
{
    return object_init(self, args, kwds);
}

static PyObject *
object_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    if (excess_args(args, kwds)) {
        if (type->tp_new != object_new) {
            PyErr_SetString(PyExc_TypeError,
                            "object.__new__() takes exactly one argument (the type to instantiate)");
            return NULL;
        }
        if (type->tp_init == object_init) {
            PyErr_Format(PyExc_TypeError, "%.200s() takes no arguments", type->tp_name);
            return NULL;
        }
    }
    if (type->tp_flags & Py_TPFLAGS_IS_ABSTRACT) {
        PyObject *abstract = PyObject_GetAttrString((PyObject *)type, "__abstractmethods__");
        if (abstract == NULL) {
            return NULL;
        }
        PyObject *sorted = PySequence_List(abstract);
        Py_DECREF(abstract);
        if (sorted == NULL) {
            return NULL;
        }
        PyObject *r = PyObject_CallMethod(sorted, "sort", NULL);
        Py_XDECREF(r);
        if (r == NULL) {
            Py_DECREF(sorted);
            return NULL;
        }
        Py_ssize_t n = PySequence_Size(sorted);
        PyObject *sep = PyUnicode_FromString("', '");
        PyObject *joined = sep ? PyUnicode_Join(sep, sorted) : NULL;
        Py_XDECREF(sep);
        Py_DECREF(sorted);
        if (joined == NULL) {
            return NULL;
        }
        PyErr_Format(PyExc_TypeError,
                     "Can't instantiate abstract class %s without an implementation "
                     "for abstract method%s '%U'",
                     type->tp_name, n > 1 ? "s" : "", joined);
        Py_DECREF(joined);
        return NULL;
    }
    return type->tp_alloc(type, 0);
}

PyObject *
_PyObject_NewDefault(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    return object_new(type, args, kwds);
}

static void
object_dealloc(PyObject *self)
{
    Py_TYPE(self)->tp_free(self);
}

static PyObject *
object_repr(PyObject *self)
{
    PyTypeObject *type = Py_TYPE(self);
    PyObject *mod = type_module(type, NULL);
    if (mod == NULL) {
        PyErr_Clear();
    }
    else if (!PyUnicode_Check(mod)) {
        Py_CLEAR(mod);
    }
    PyObject *name = type_qualname(type, NULL);
    if (name == NULL) {
        Py_XDECREF(mod);
        return NULL;
    }
    PyObject *rtn;
    if (mod != NULL && !_PyUnicode_EqualToASCIIString(mod, "builtins")) {
        rtn = PyUnicode_FromFormat("<%U.%U object at %p>", mod, name, self);
    }
    else {
        rtn = PyUnicode_FromFormat("<%s object at %p>", type->tp_name, self);
    }
    Py_XDECREF(mod);
    Py_DECREF(name);
    return rtn;
}

static PyObject *
object_str(PyObject *self)
{
    unaryfunc f = Py_TYPE(self)->tp_repr;
    if (f == NULL) {
        f = object_repr;
    }
    return f(self);
}

static PyObject *
object_richcompare(PyObject *self, PyObject *other, int op)
{
    PyObject *res;
    switch (op) {
    case Py_EQ:
        res = (self == other) ? Py_True : Py_NotImplemented;
        return Py_NewRef(res);
    case Py_NE:
        /* By default, __ne__ inverts __eq__ unless that is NotImplemented. */
        if (Py_TYPE(self)->tp_richcompare == NULL) {
            Py_RETURN_NOTIMPLEMENTED;
        }
        res = (*Py_TYPE(self)->tp_richcompare)(self, other, Py_EQ);
        if (res != NULL && res != Py_NotImplemented) {
            int ok = PyObject_IsTrue(res);
            Py_DECREF(res);
            if (ok < 0) {
                return NULL;
            }
            return Py_NewRef(ok ? Py_False : Py_True);
        }
        return res;
    default:
        Py_RETURN_NOTIMPLEMENTED;
    }
}

static Py_hash_t
object_hash(PyObject *self)
{
    return Py_HashPointer(self);
}

static PyObject *
object_get_class(PyObject *self, void *closure)
{
    return Py_NewRef(Py_TYPE(self));
}

static int
compatible_for_assignment(PyTypeObject *oldto, PyTypeObject *newto)
{
    PyTypeObject *a = oldto, *b = newto;
    while (a->tp_flags & Py_TPFLAGS_HEAPTYPE && a->tp_base) {
        a = a->tp_base;
    }
    while (b->tp_flags & Py_TPFLAGS_HEAPTYPE && b->tp_base) {
        b = b->tp_base;
    }
    return a == b && oldto->tp_basicsize == newto->tp_basicsize &&
           oldto->tp_itemsize == newto->tp_itemsize &&
           oldto->tp_dictoffset == newto->tp_dictoffset &&
           (oldto->tp_flags & Py_TPFLAGS_HAVE_GC) == (newto->tp_flags & Py_TPFLAGS_HAVE_GC);
}

static int
object_set_class(PyObject *self, PyObject *value, void *closure)
{
    if (value == NULL) {
        PyErr_SetString(PyExc_TypeError, "can't delete __class__ attribute");
        return -1;
    }
    if (!PyType_Check(value)) {
        PyErr_Format(PyExc_TypeError, "__class__ must be set to a class, not '%s' object",
                     Py_TYPE(value)->tp_name);
        return -1;
    }
    PyTypeObject *newto = (PyTypeObject *)value, *oldto = Py_TYPE(self);
    if (!(newto->tp_flags & Py_TPFLAGS_HEAPTYPE) || !(oldto->tp_flags & Py_TPFLAGS_HEAPTYPE)) {
        PyErr_Format(PyExc_TypeError,
                     "__class__ assignment only supported for mutable types "
                     "or ModuleType subclasses");
        return -1;
    }
    if (!compatible_for_assignment(oldto, newto)) {
        PyErr_Format(PyExc_TypeError,
                     "__class__ assignment: '%s' object layout differs from '%s'",
                     newto->tp_name, oldto->tp_name);
        return -1;
    }
    Py_INCREF(newto);
    Py_SET_TYPE(self, newto);
    Py_DECREF(oldto);
    return 0;
}

static PyGetSetDef object_getsets[] = {
    {"__class__", object_get_class, object_set_class,
     "the object's class", NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

static PyObject *
object_init_subclass(PyObject *cls, PyObject *args, PyObject *kwds)
{
    if (PyTuple_GET_SIZE(args) != 0) {
        PyErr_Format(PyExc_TypeError,
                     "%s.__init_subclass__() takes no positional arguments",
                     ((PyTypeObject *)cls)->tp_name);
        return NULL;
    }
    if (kwds != NULL && PyDict_GET_SIZE(kwds) != 0) {
        PyErr_Format(PyExc_TypeError,
                     "%s.__init_subclass__() takes no keyword arguments",
                     ((PyTypeObject *)cls)->tp_name);
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
object_subclasshook(PyObject *cls, PyObject *args)
{
    Py_RETURN_NOTIMPLEMENTED;
}

static PyObject *
object_format(PyObject *self, PyObject *format_spec)
{
    if (!PyUnicode_Check(format_spec)) {
        PyErr_Format(PyExc_TypeError, "__format__() argument must be str, not %.200s",
                     Py_TYPE(format_spec)->tp_name);
        return NULL;
    }
    if (PyUnicode_GET_LENGTH(format_spec) > 0) {
        PyErr_Format(PyExc_TypeError, "unsupported format string passed to %.200s.__format__",
                     Py_TYPE(self)->tp_name);
        return NULL;
    }
    return PyObject_Str(self);
}

static PyObject *
object_sizeof(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    Py_ssize_t res = Py_TYPE(self)->tp_basicsize;
    Py_ssize_t isize = Py_TYPE(self)->tp_itemsize;
    if (isize > 0) {
        Py_ssize_t n = Py_SIZE(self);
        res += isize * (n < 0 ? -n : n);
    }
    return PyLong_FromSsize_t(res);
}

/* Merge the names in a class's __dict__ and its bases' into `dict`. */
static int
merge_class_dict(PyObject *dict, PyObject *aclass)
{
    PyObject *classdict;
    if (PyObject_GetOptionalAttr(aclass, _Py_ID_STR(__dict__), &classdict) < 0) {
        return -1;
    }
    if (classdict != NULL) {
        int status = PyDict_Update(dict, classdict);
        Py_DECREF(classdict);
        if (status < 0) {
            return -1;
        }
    }
    PyObject *bases;
    if (PyObject_GetOptionalAttr(aclass, _Py_ID_STR(__bases__), &bases) < 0) {
        return -1;
    }
    if (bases != NULL) {
        Py_ssize_t n = PySequence_Size(bases);
        for (Py_ssize_t i = 0; i < n; i++) {
            PyObject *base = PySequence_GetItem(bases, i);
            if (base == NULL) {
                Py_DECREF(bases);
                return -1;
            }
            int status = merge_class_dict(dict, base);
            Py_DECREF(base);
            if (status < 0) {
                Py_DECREF(bases);
                return -1;
            }
        }
        Py_DECREF(bases);
    }
    return 0;
}

static PyObject *
object_dir(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *dict = NULL, *itsclass = NULL, *result = NULL;
    if (PyObject_GetOptionalAttr(self, _Py_ID_STR(__dict__), &dict) < 0) {
        return NULL;
    }
    if (dict == NULL || !PyDict_Check(dict)) {
        Py_XSETREF(dict, PyDict_New());
    }
    else {
        Py_SETREF(dict, PyDict_Copy(dict));
    }
    if (dict == NULL) {
        return NULL;
    }
    if (PyObject_GetOptionalAttr(self, _Py_ID_STR(__class__), &itsclass) < 0) {
        goto error;
    }
    if (itsclass != NULL && merge_class_dict(dict, itsclass) < 0) {
        goto error;
    }
    result = PyDict_Keys(dict);
error:
    Py_XDECREF(itsclass);
    Py_DECREF(dict);
    return result;
}

/* The default reduction is written in Python (copyreg._reduce_default for
 * protocol 2 and up, copyreg._reduce_ex below that): it only runs when
 * pickling or copying, so speed does not matter and one version serves
 * copy, pickle and direct calls. */
static PyObject *
object_default_reduction(PyObject *self, int proto)
{
    PyObject *copyreg = PyImport_ImportModule("copyreg");
    if (copyreg == NULL) {
        return NULL;
    }
    PyObject *res = PyObject_CallMethod(copyreg,
                                        proto >= 2 ? "_reduce_default" : "_reduce_ex",
                                        "Oi", self, proto);
    Py_DECREF(copyreg);
    return res;
}

static PyObject *
object_reduce(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return object_default_reduction(self, 0);
}

/* object.__reduce_ex__(protocol): a class that overrides __reduce__ is
 * reduced by its own method, whatever the protocol. */
static PyObject *
object_reduce_ex(PyObject *self, PyObject *protocol)
{
    int proto = PyLong_AsInt(protocol);
    if (proto == -1 && PyErr_Occurred()) {
        return NULL;
    }
    PyObject *name = _Py_ID_STR(__reduce__);
    PyObject *mine = _PyType_LookupRef(Py_TYPE(self), name);
    PyObject *base = _PyType_Lookup(&PyBaseObject_Type, name);
    if (mine != NULL && mine != base) {
        Py_DECREF(mine);
        return PyObject_CallMethod(self, "__reduce__", NULL);
    }
    Py_XDECREF(mine);
    return object_default_reduction(self, proto);
}

static PyMethodDef object_methods[] = {
    {"__reduce_ex__", object_reduce_ex, METH_O, "Helper for pickle."},
    {"__reduce__", object_reduce, METH_NOARGS,
     "Helper for pickle."},
    {"__subclasshook__", object_subclasshook, METH_CLASS | METH_VARARGS,
     "Abstract classes can override this to customize issubclass()."},
    {"__init_subclass__", _PyCFunction_CAST(object_init_subclass),
     METH_CLASS | METH_VARARGS | METH_KEYWORDS,
     "This method is called when a class is subclassed."},
    {"__format__", object_format, METH_O, "Default object formatter."},
    {"__sizeof__", object_sizeof, METH_NOARGS, "Size of object in memory, in bytes."},
    {"__dir__", object_dir, METH_NOARGS, "Default dir() implementation."},
    {NULL, NULL, 0, NULL}
};

PyTypeObject PyBaseObject_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "object",
    .tp_basicsize = sizeof(PyObject),
    .tp_dealloc = object_dealloc,
    .tp_repr = object_repr,
    .tp_hash = object_hash,
    .tp_str = object_str,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_setattro = PyObject_GenericSetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_doc = "The base class of the class hierarchy.\n\n"
              "When called, it accepts no arguments and returns a new featureless\n"
              "instance that has no instance attributes and cannot be given any.\n",
    .tp_richcompare = object_richcompare,
    .tp_methods = object_methods,
    .tp_getset = object_getsets,
    .tp_init = object_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = object_new,
    .tp_free = PyObject_Free,
};

/* ---- type ------------------------------------------------------------------------ */

static PyObject *
type_repr(PyObject *self)
{
    PyTypeObject *type = (PyTypeObject *)self;
    if (type->tp_name == NULL) {
        return PyUnicode_FromFormat("<class at %p>", type);
    }
    PyObject *mod = type_module(type, NULL);
    if (mod == NULL) {
        PyErr_Clear();
    }
    else if (!PyUnicode_Check(mod)) {
        Py_CLEAR(mod);
    }
    PyObject *name = type_qualname(type, NULL);
    if (name == NULL) {
        Py_XDECREF(mod);
        return NULL;
    }
    PyObject *rtn;
    if (mod != NULL && !_PyUnicode_EqualToASCIIString(mod, "builtins")) {
        rtn = PyUnicode_FromFormat("<class '%U.%U'>", mod, name);
    }
    else {
        rtn = PyUnicode_FromFormat("<class '%s'>", type->tp_name);
    }
    Py_XDECREF(mod);
    Py_DECREF(name);
    return rtn;
}

static PyObject *
type_call(PyObject *self, PyObject *args, PyObject *kwds)
{
    PyTypeObject *type = (PyTypeObject *)self;
    /* type(x) is the type of x. */
    if (type == &PyType_Type) {
        Py_ssize_t nargs = PyTuple_GET_SIZE(args);
        if (nargs == 1 && (kwds == NULL || !PyDict_GET_SIZE(kwds))) {
            return Py_NewRef(Py_TYPE(PyTuple_GET_ITEM(args, 0)));
        }
        if (nargs != 3) {
            PyErr_SetString(PyExc_TypeError, "type() takes 1 or 3 arguments");
            return NULL;
        }
    }
    if (type->tp_new == NULL) {
        PyErr_Format(PyExc_TypeError, "cannot create '%s' instances", type->tp_name);
        return NULL;
    }
    PyObject *obj = type->tp_new(type, args, kwds);
    if (obj == NULL) {
        return NULL;
    }
    /* Only initialise instances of this type (__new__ may return others). */
    if (!PyObject_TypeCheck(obj, type)) {
        return obj;
    }
    type = Py_TYPE(obj);
    if (type->tp_init != NULL) {
        int res = type->tp_init(obj, args, kwds);
        if (res < 0) {
            Py_DECREF(obj);
            return NULL;
        }
    }
    return obj;
}

/* The winner among metatype and the bases' metaclasses. */
PyObject *
_PyType_CalculateMetaclass(PyTypeObject *metatype, PyObject *bases)
{
    PyTypeObject *winner = metatype;
    Py_ssize_t n = PyTuple_GET_SIZE(bases);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyTypeObject *tmptype = Py_TYPE(PyTuple_GET_ITEM(bases, i));
        if (PyType_IsSubtype(winner, tmptype)) {
            continue;
        }
        if (PyType_IsSubtype(tmptype, winner)) {
            winner = tmptype;
            continue;
        }
        PyErr_SetString(PyExc_TypeError,
                        "metaclass conflict: the metaclass of a derived class must be "
                        "a (non-strict) subclass of the metaclasses of all its bases");
        return NULL;
    }
    return (PyObject *)winner;
}

/* The base that determines the instance layout. */
static int
extra_ivars(PyTypeObject *type, PyTypeObject *base)
{
    size_t t_size = (size_t)type->tp_basicsize;
    size_t b_size = (size_t)base->tp_basicsize;
    if (type->tp_itemsize || base->tp_itemsize) {
        return t_size != b_size || type->tp_itemsize != base->tp_itemsize;
    }
    if (type->tp_weaklistoffset && base->tp_weaklistoffset == 0 &&
        type->tp_weaklistoffset + sizeof(PyObject *) == t_size &&
        (type->tp_flags & Py_TPFLAGS_HEAPTYPE)) {
        t_size -= sizeof(PyObject *);
    }
    if (type->tp_dictoffset && base->tp_dictoffset == 0 &&
        type->tp_dictoffset + sizeof(PyObject *) == t_size &&
        (type->tp_flags & Py_TPFLAGS_HEAPTYPE)) {
        t_size -= sizeof(PyObject *);
    }
    return t_size != b_size;
}

static PyTypeObject *
solid_base(PyTypeObject *type)
{
    PyTypeObject *base = type->tp_base ? solid_base(type->tp_base) : &PyBaseObject_Type;
    return extra_ivars(type, base) ? type : base;
}

static PyTypeObject *
best_base(PyObject *bases)
{
    Py_ssize_t n = PyTuple_GET_SIZE(bases);
    PyTypeObject *base = NULL, *winner = NULL;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *base_proto = PyTuple_GET_ITEM(bases, i);
        if (!PyType_Check(base_proto)) {
            PyErr_SetString(PyExc_TypeError, "bases must be types");
            return NULL;
        }
        PyTypeObject *base_i = (PyTypeObject *)base_proto;
        if (!(base_i->tp_flags & Py_TPFLAGS_READY) && PyType_Ready(base_i) < 0) {
            return NULL;
        }
        if (!(base_i->tp_flags & Py_TPFLAGS_BASETYPE)) {
            PyErr_Format(PyExc_TypeError, "type '%.100s' is not an acceptable base type",
                         base_i->tp_name);
            return NULL;
        }
        PyTypeObject *candidate = solid_base(base_i);
        if (winner == NULL) {
            winner = candidate;
            base = base_i;
        }
        else if (PyType_IsSubtype(winner, candidate)) {
            ;
        }
        else if (PyType_IsSubtype(candidate, winner)) {
            winner = candidate;
            base = base_i;
        }
        else {
            PyErr_SetString(PyExc_TypeError, "multiple bases have instance lay-out conflict");
            return NULL;
        }
    }
    return base;
}

/* "__private" names in __slots__ become "_Class__private". */
static PyObject *
mangle_name(PyObject *classname, PyObject *name)
{
    Py_ssize_t nlen = PyUnicode_GET_LENGTH(name);
    if (nlen < 2 || PyUnicode_READ_CHAR(name, 0) != '_' || PyUnicode_READ_CHAR(name, 1) != '_' ||
        (nlen >= 4 && PyUnicode_READ_CHAR(name, nlen - 1) == '_' &&
         PyUnicode_READ_CHAR(name, nlen - 2) == '_')) {
        return Py_NewRef(name);
    }
    Py_ssize_t i = 0, clen = PyUnicode_GET_LENGTH(classname);
    while (i < clen && PyUnicode_READ_CHAR(classname, i) == '_') {
        i++;
    }
    if (i == clen) {
        return Py_NewRef(name);
    }
    PyObject *stripped = PyUnicode_Substring(classname, i, clen);
    if (stripped == NULL) {
        return NULL;
    }
    PyObject *res = PyUnicode_FromFormat("_%U%U", stripped, name);
    Py_DECREF(stripped);
    return res;
}

static int
type_new_set_names(PyTypeObject *type)
{
    PyObject *names_to_set = PyDict_Copy(type->tp_dict);
    if (names_to_set == NULL) {
        return -1;
    }
    Py_ssize_t i = 0;
    PyObject *key, *value;
    while (PyDict_Next(names_to_set, &i, &key, &value)) {
        PyObject *set_name = _PyObject_LookupSpecial(value, _Py_ID_STR(__set_name__));
        if (set_name == NULL) {
            if (PyErr_Occurred()) {
                goto error;
            }
            continue;
        }
        PyObject *res = PyObject_CallFunctionObjArgs(set_name, type, key, NULL);
        Py_DECREF(set_name);
        if (res == NULL) {
            PyObject *exc = PyErr_GetRaisedException();
            PyObject *note = PyUnicode_FromFormat(
                "Error calling __set_name__ on '%.100s' instance %R in '%.100s'",
                Py_TYPE(value)->tp_name, key, type->tp_name);
            if (note != NULL) {
                _PyException_AddNote(exc, note);
                Py_DECREF(note);
            }
            PyErr_Clear();
            PyErr_SetRaisedException(exc);
            goto error;
        }
        Py_DECREF(res);
    }
    Py_DECREF(names_to_set);
    return 0;
error:
    Py_DECREF(names_to_set);
    return -1;
}

static int
type_new_init_subclass(PyTypeObject *type, PyObject *kwds)
{
    PyObject *super = _PySuper_New(type, (PyObject *)type);
    if (super == NULL) {
        return -1;
    }
    PyObject *func = PyObject_GetAttr(super, _Py_ID_STR(__init_subclass__));
    Py_DECREF(super);
    if (func == NULL) {
        return -1;
    }
    PyObject *empty = PyTuple_New(0);
    PyObject *result = empty ? PyObject_Call(func, empty, kwds) : NULL;
    Py_XDECREF(empty);
    Py_DECREF(func);
    if (result == NULL) {
        return -1;
    }
    Py_DECREF(result);
    return 0;
}

static PyObject *
type_new_impl(PyTypeObject *metatype, PyObject *name, PyObject *bases, PyObject *orig_dict,
              PyObject *kwds)
{
    PyObject *dict = NULL, *slots = NULL;
    PyHeapTypeObject *et = NULL;
    PyTypeObject *type = NULL;
    Py_ssize_t nslots = 0;
    int add_dict = 0, add_weak = 0;

    /* Bases: () means (object,). */
    if (PyTuple_GET_SIZE(bases) == 0) {
        bases = PyTuple_Pack(1, &PyBaseObject_Type);
    }
    else {
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(bases); i++) {
            PyObject *b = PyTuple_GET_ITEM(bases, i);
            if (!PyType_Check(b)) {
                PyObject *mro_entries;
                if (PyObject_GetOptionalAttr(b, _Py_ID_STR(__mro_entries__), &mro_entries) < 0) {
                    return NULL;
                }
                if (mro_entries != NULL) {
                    Py_DECREF(mro_entries);
                    PyErr_SetString(PyExc_TypeError,
                                    "type() doesn't support MRO entry resolution; "
                                    "use types.new_class()");
                    return NULL;
                }
            }
        }
        Py_INCREF(bases);
    }
    if (bases == NULL) {
        return NULL;
    }
    PyTypeObject *base = best_base(bases);
    if (base == NULL) {
        goto error;
    }
    dict = PyDict_Copy(orig_dict);
    if (dict == NULL) {
        goto error;
    }

    /* __slots__ */
    PyObject *slots_obj;
    int r = PyDict_GetItemRef(dict, _Py_ID_STR(__slots__), &slots_obj);
    if (r < 0) {
        goto error;
    }
    if (r == 0) {
        add_dict = base->tp_dictoffset == 0;
        add_weak = base->tp_weaklistoffset == 0 && base->tp_itemsize == 0;
    }
    else {
        if (PyUnicode_Check(slots_obj)) {
            slots = PyTuple_Pack(1, slots_obj);
        }
        else {
            slots = PySequence_Tuple(slots_obj);
        }
        Py_DECREF(slots_obj);
        if (slots == NULL) {
            goto error;
        }
        nslots = PyTuple_GET_SIZE(slots);
        if (nslots > 0 && base->tp_itemsize != 0) {
            PyErr_Format(PyExc_TypeError,
                         "nonempty __slots__ not supported for subtype of '%s'",
                         base->tp_name);
            goto error;
        }
        PyObject *newslots = PyList_New(0);
        if (newslots == NULL) {
            goto error;
        }
        for (Py_ssize_t i = 0; i < nslots; i++) {
            PyObject *tmp = PyTuple_GET_ITEM(slots, i);
            if (!PyUnicode_Check(tmp)) {
                PyErr_Format(PyExc_TypeError, "__slots__ items must be strings, not '%.200s'",
                             Py_TYPE(tmp)->tp_name);
                Py_DECREF(newslots);
                goto error;
            }
            if (!PyUnicode_IsIdentifier(tmp)) {
                PyErr_SetString(PyExc_TypeError, "__slots__ must be identifiers");
                Py_DECREF(newslots);
                goto error;
            }
            if (_PyUnicode_EqualToASCIIString(tmp, "__dict__")) {
                if (!add_dict && base->tp_dictoffset == 0) {
                    add_dict = 1;
                    continue;
                }
                PyErr_SetString(PyExc_TypeError,
                                "__dict__ slot disallowed: we already got one");
                Py_DECREF(newslots);
                goto error;
            }
            if (_PyUnicode_EqualToASCIIString(tmp, "__weakref__")) {
                if (!add_weak && base->tp_weaklistoffset == 0 && base->tp_itemsize == 0) {
                    add_weak = 1;
                    continue;
                }
                PyErr_SetString(PyExc_TypeError,
                                "__weakref__ slot disallowed: we already got one");
                Py_DECREF(newslots);
                goto error;
            }
            PyObject *mangled = mangle_name(name, tmp);
            if (mangled == NULL) {
                Py_DECREF(newslots);
                goto error;
            }
            PyUnicode_InternInPlace(&mangled);
            int c = PyDict_Contains(dict, mangled);
            if (c != 0) {
                if (c > 0) {
                    PyErr_Format(PyExc_ValueError,
                                 "%R in __slots__ conflicts with class variable", tmp);
                }
                Py_DECREF(mangled);
                Py_DECREF(newslots);
                goto error;
            }
            for (Py_ssize_t k = 0; k < PyList_GET_SIZE(newslots); k++) {
                if (_PyUnicode_Equal(PyList_GET_ITEM(newslots, k), mangled)) {
                    PyErr_Format(PyExc_TypeError, "duplicate slot name %R", tmp);
                    Py_DECREF(mangled);
                    Py_DECREF(newslots);
                    goto error;
                }
            }
            r = PyList_Append(newslots, mangled);
            Py_DECREF(mangled);
            if (r < 0) {
                Py_DECREF(newslots);
                goto error;
            }
        }
        Py_SETREF(slots, PySequence_Tuple(newslots));
        Py_DECREF(newslots);
        if (slots == NULL) {
            goto error;
        }
        nslots = PyTuple_GET_SIZE(slots);
    }

    /* Allocate the type object with room for the slot members. */
    type = (PyTypeObject *)metatype->tp_alloc(metatype, nslots);
    if (type == NULL) {
        goto error;
    }
    et = (PyHeapTypeObject *)type;
    type->tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HEAPTYPE | Py_TPFLAGS_BASETYPE |
                     Py_TPFLAGS_HAVE_GC;
    type->tp_as_async = &et->as_async;
    type->tp_as_number = &et->as_number;
    type->tp_as_sequence = &et->as_sequence;
    type->tp_as_mapping = &et->as_mapping;
    type->tp_as_buffer = &et->as_buffer;
    type->tp_bases = bases;
    bases = NULL;
    type->tp_base = (PyTypeObject *)Py_NewRef(base);
    et->ht_name = Py_NewRef(name);
    et->ht_slots = slots;
    slots = NULL;

    /* tp_name points into a UTF-8 copy of the name. */
    Py_ssize_t name_size;
    const char *tp_name = PyUnicode_AsUTF8AndSize(name, &name_size);
    if (tp_name == NULL) {
        goto error;
    }
    if (strlen(tp_name) != (size_t)name_size) {
        PyErr_SetString(PyExc_ValueError, "type name must not contain null characters");
        goto error;
    }
    et->_ht_tpname = PyMem_Malloc((size_t)name_size + 1);
    if (et->_ht_tpname == NULL) {
        PyErr_NoMemory();
        goto error;
    }
    memcpy(et->_ht_tpname, tp_name, (size_t)name_size + 1);
    type->tp_name = et->_ht_tpname;

    /* __module__ (the compiler puts it in the class body), __qualname__. */
    r = PyDict_Contains(dict, _Py_ID_STR(__module__));
    if (r < 0) {
        goto error;
    }
    if (r == 0) {
        PyThreadState *tstate = _PyThreadState_GET();
        (void)tstate;  /* no frames yet: fall back to builtins' absence */
    }
    PyObject *qualname;
    r = PyDict_GetItemRef(dict, _Py_ID_STR(__qualname__), &qualname);
    if (r < 0) {
        goto error;
    }
    if (r > 0) {
        if (!PyUnicode_Check(qualname)) {
            PyErr_Format(PyExc_TypeError, "type __qualname__ must be a str, not %s",
                         Py_TYPE(qualname)->tp_name);
            Py_DECREF(qualname);
            goto error;
        }
        et->ht_qualname = qualname;
        if (PyDict_DelItem(dict, _Py_ID_STR(__qualname__)) < 0) {
            goto error;
        }
    }
    else {
        et->ht_qualname = Py_NewRef(name);
    }
    /* tp_doc from a str __doc__. */
    PyObject *doc;
    r = PyDict_GetItemRef(dict, _Py_ID_STR(__doc__), &doc);
    if (r < 0) {
        goto error;
    }
    if (r > 0 && PyUnicode_Check(doc)) {
        Py_ssize_t dlen;
        const char *d = PyUnicode_AsUTF8AndSize(doc, &dlen);
        if (d == NULL) {
            Py_DECREF(doc);
            goto error;
        }
        char *tp_doc = PyMem_Malloc((size_t)dlen + 1);
        if (tp_doc == NULL) {
            Py_DECREF(doc);
            PyErr_NoMemory();
            goto error;
        }
        memcpy(tp_doc, d, (size_t)dlen + 1);
        type->tp_doc = tp_doc;
    }
    Py_XDECREF(doc);
    /* __new__ is a static method; __init_subclass__ and __class_getitem__
     * are class methods, even without the decorators. */
    PyObject *tmp;
    r = PyDict_GetItemRef(dict, _Py_ID_STR(__new__), &tmp);
    if (r < 0) {
        goto error;
    }
    if (r > 0) {
        if (Py_TYPE(tmp)->tp_descr_get != NULL && !PyObject_TypeCheck(tmp, &PyStaticMethod_Type) &&
            !PyCFunction_Check(tmp)) {
            PyObject *sm = PyStaticMethod_New(tmp);
            if (sm == NULL || PyDict_SetItem(dict, _Py_ID_STR(__new__), sm) < 0) {
                Py_XDECREF(sm);
                Py_DECREF(tmp);
                goto error;
            }
            Py_DECREF(sm);
        }
        Py_DECREF(tmp);
    }
    static const char *const implicit_cm[] = {"__init_subclass__", "__class_getitem__"};
    for (int k = 0; k < 2; k++) {
        r = PyDict_GetItemStringRef(dict, implicit_cm[k], &tmp);
        if (r < 0) {
            goto error;
        }
        if (r > 0) {
            if (Py_TYPE(tmp)->tp_descr_get != NULL &&
                !PyObject_TypeCheck(tmp, &PyClassMethod_Type) &&
                !PyObject_TypeCheck(tmp, &PyStaticMethod_Type)) {
                PyObject *cm = PyClassMethod_New(tmp);
                if (cm == NULL || PyDict_SetItemString(dict, implicit_cm[k], cm) < 0) {
                    Py_XDECREF(cm);
                    Py_DECREF(tmp);
                    goto error;
                }
                Py_DECREF(cm);
            }
            Py_DECREF(tmp);
        }
    }

    /* Layout: base, then slots, then __dict__ and __weakref__ pointers. */
    Py_ssize_t slotoffset = base->tp_basicsize;
    PyMemberDef *mp = PyHeapType_GET_MEMBERS(et);
    for (Py_ssize_t i = 0; i < nslots; i++, mp++) {
        mp->name = PyUnicode_AsUTF8AndSize(PyTuple_GET_ITEM(et->ht_slots, i), NULL);
        if (mp->name == NULL) {
            goto error;
        }
        mp->type = Py_T_OBJECT_EX;
        mp->offset = slotoffset;
        mp->flags = 0;
        mp->doc = NULL;
        slotoffset += sizeof(PyObject *);
    }
    if (add_dict) {
        if (base->tp_itemsize) {
            type->tp_dictoffset = -(Py_ssize_t)sizeof(PyObject *);
        }
        else {
            type->tp_dictoffset = slotoffset;
        }
        slotoffset += sizeof(PyObject *);
    }
    if (add_weak) {
        type->tp_weaklistoffset = slotoffset;
        slotoffset += sizeof(PyObject *);
    }
    type->tp_basicsize = slotoffset;
    type->tp_itemsize = base->tp_itemsize;
    type->tp_members = PyHeapType_GET_MEMBERS(et);
    if (add_dict && add_weak) {
        type->tp_getset = subtype_getsets_full;
    }
    else if (add_dict) {
        type->tp_getset = subtype_getsets_dict_only;
    }
    else if (add_weak) {
        type->tp_getset = subtype_getsets_weakref_only;
    }
    type->tp_dealloc = subtype_dealloc;
    type->tp_traverse = subtype_traverse;
    type->tp_clear = subtype_clear;
    type->tp_alloc = PyType_GenericAlloc;
    type->tp_free = PyObject_GC_Del;

    /* The namespace becomes the type dict; __classcell__ gets the class. */
    PyObject *cell;
    r = PyDict_GetItemRef(dict, _Py_ID_STR(__classcell__), &cell);
    if (r < 0) {
        goto error;
    }
    if (r > 0) {
        if (strcmp(Py_TYPE(cell)->tp_name, "cell") != 0) {
            PyErr_Format(PyExc_TypeError, "__classcell__ must be a nonlocal cell, not %.200R",
                         Py_TYPE(cell));
            Py_DECREF(cell);
            goto error;
        }
        r = PyObject_SetAttrString(cell, "cell_contents", (PyObject *)type);
        Py_DECREF(cell);
        if (r < 0 || PyDict_DelItem(dict, _Py_ID_STR(__classcell__)) < 0) {
            goto error;
        }
    }
    /* No __doc__ default here: PyType_Ready adds it after the slot members,
     * so a '__doc__' slot (typing's _SpecialForm) stays a member descriptor. */
    type->tp_dict = dict;
    dict = NULL;

    if (PyType_Ready(type) < 0) {
        goto error;
    }
    _PyType_FixupSlotDispatchers(type);
    if (type_new_set_names(type) < 0) {
        goto error;
    }
    if (type_new_init_subclass(type, kwds) < 0) {
        goto error;
    }
    /* Every instance creation and method call counts its class: deferred
     * counting keeps threads off one contended word (free-threaded build). */
    _PyObject_SetDeferredRefcount((PyObject *)type);
    return (PyObject *)type;

error:
    Py_XDECREF(dict);
    Py_XDECREF(bases);
    Py_XDECREF(slots);
    Py_XDECREF(type);
    return NULL;
}

static PyObject *
type_new(PyTypeObject *metatype, PyObject *args, PyObject *kwds)
{
    PyObject *name, *bases, *orig_dict;
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    if (nargs == 1 && metatype == &PyType_Type && (kwds == NULL || !PyDict_GET_SIZE(kwds))) {
        return Py_NewRef(Py_TYPE(PyTuple_GET_ITEM(args, 0)));
    }
    if (nargs != 3) {
        if (nargs == 1 || metatype == &PyType_Type) {
            PyErr_SetString(PyExc_TypeError, "type() takes 1 or 3 arguments");
        }
        else {
            PyErr_Format(PyExc_TypeError, "type.__new__() takes exactly 3 arguments (%zd given)",
                         nargs);
        }
        return NULL;
    }
    name = PyTuple_GET_ITEM(args, 0);
    bases = PyTuple_GET_ITEM(args, 1);
    orig_dict = PyTuple_GET_ITEM(args, 2);
    if (!PyUnicode_Check(name)) {
        PyErr_Format(PyExc_TypeError, "type.__new__() argument 1 must be str, not %.200s",
                     Py_TYPE(name)->tp_name);
        return NULL;
    }
    if (!PyTuple_Check(bases)) {
        PyErr_Format(PyExc_TypeError, "type.__new__() argument 2 must be tuple, not %.200s",
                     Py_TYPE(bases)->tp_name);
        return NULL;
    }
    if (!PyDict_Check(orig_dict)) {
        PyErr_Format(PyExc_TypeError, "type.__new__() argument 3 must be dict, not %.200s",
                     Py_TYPE(orig_dict)->tp_name);
        return NULL;
    }
    PyTypeObject *winner = (PyTypeObject *)_PyType_CalculateMetaclass(metatype, bases);
    if (winner == NULL) {
        return NULL;
    }
    if (winner != metatype && winner->tp_new != type_new) {
        return winner->tp_new(winner, args, kwds);
    }
    return type_new_impl(winner, name, bases, orig_dict, kwds);
}

static int
type_init(PyObject *cls, PyObject *args, PyObject *kwds)
{
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    if (nargs == 1 && kwds != NULL && PyDict_GET_SIZE(kwds) != 0) {
        PyErr_SetString(PyExc_TypeError, "type.__init__() takes no keyword arguments");
        return -1;
    }
    if (nargs != 1 && nargs != 3) {
        PyErr_SetString(PyExc_TypeError, "type.__init__() takes 1 or 3 arguments");
        return -1;
    }
    return 0;
}

static PyObject *
type_prepare(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    return PyDict_New();
}

static void
type_dealloc(PyObject *self)
{
    PyTypeObject *type = (PyTypeObject *)self;
    PyHeapTypeObject *et = (PyHeapTypeObject *)type;
    if (!(type->tp_flags & Py_TPFLAGS_HEAPTYPE)) {
        return;  /* static types are immortal */
    }
    PyObject_GC_UnTrack(type);
    PyObject_ClearWeakRefs(self);
    PyType_Modified(type);
    if (type->tp_bases != NULL) {
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(type->tp_bases); i++) {
            remove_subclass((PyTypeObject *)PyTuple_GET_ITEM(type->tp_bases, i), type);
        }
    }
    Py_XDECREF(type->tp_base);
    Py_XDECREF(type->tp_dict);
    Py_XDECREF(type->tp_bases);
    Py_XDECREF(type->tp_mro);
    Py_XDECREF(type->tp_cache);
    PyMem_RawFree(type->tp_subclasses);
    if (type->tp_doc) {
        PyMem_Free((char *)type->tp_doc);
    }
    Py_XDECREF(et->ht_name);
    Py_XDECREF(et->ht_qualname);
    Py_XDECREF(et->ht_slots);
    Py_XDECREF(et->ht_module);
    PyMem_Free(et->_ht_tpname);
    /* A heap metatype's reference is dropped by subtype_dealloc, which
     * runs this as the base dealloc of the class object. */
    Py_TYPE(type)->tp_free(self);
}

static int
type_traverse(PyObject *self, visitproc visit, void *arg)
{
    PyTypeObject *type = (PyTypeObject *)self;
    if (!(type->tp_flags & Py_TPFLAGS_HEAPTYPE)) {
        return 0;
    }
    Py_VISIT(type->tp_dict);
    Py_VISIT(type->tp_mro);
    Py_VISIT(type->tp_bases);
    Py_VISIT((PyObject *)type->tp_base);
    Py_VISIT(((PyHeapTypeObject *)type)->ht_module);
    if (Py_TYPE(type)->tp_flags & Py_TPFLAGS_HEAPTYPE) {
        Py_VISIT(Py_TYPE(type));
    }
    return 0;
}

static int
type_clear(PyObject *self)
{
    PyTypeObject *type = (PyTypeObject *)self;
    PyType_Modified(type);
    if (type->tp_dict) {
        PyDict_Clear(type->tp_dict);
    }
    Py_CLEAR(type->tp_mro);
    return 0;
}

static int
type_is_gc(PyObject *type)
{
    return (((PyTypeObject *)type)->tp_flags & Py_TPFLAGS_HEAPTYPE) != 0;
}

/* Attribute lookup on a class: meta data descriptors, then the class's own
 * MRO (calling __get__(None, cls)), then meta non-data descriptors. */
static PyObject *
type_getattro(PyObject *self, PyObject *name)
{
    PyTypeObject *type = (PyTypeObject *)self;
    PyTypeObject *metatype = Py_TYPE(type);
    if (!PyUnicode_Check(name)) {
        PyErr_Format(PyExc_TypeError, "attribute name must be string, not '%.200s'",
                     Py_TYPE(name)->tp_name);
        return NULL;
    }
    if (!(type->tp_flags & Py_TPFLAGS_READY) && PyType_Ready(type) < 0) {
        return NULL;
    }
    descrgetfunc meta_get = NULL;
    PyObject *meta_attribute = _PyType_LookupRef(metatype, name);
    if (meta_attribute != NULL) {
        meta_get = Py_TYPE(meta_attribute)->tp_descr_get;
        if (meta_get != NULL && PyDescr_IsData(meta_attribute)) {
            PyObject *res = meta_get(meta_attribute, self, (PyObject *)metatype);
            Py_DECREF(meta_attribute);
            return res;
        }
    }
    PyObject *attribute = _PyType_LookupRef(type, name);
    if (attribute != NULL) {
        Py_XDECREF(meta_attribute);
        descrgetfunc local_get = Py_TYPE(attribute)->tp_descr_get;
        if (local_get != NULL) {
            PyObject *res = local_get(attribute, NULL, self);
            Py_DECREF(attribute);
            return res;
        }
        return attribute;
    }
    if (meta_get != NULL) {
        PyObject *res = meta_get(meta_attribute, self, (PyObject *)metatype);
        Py_DECREF(meta_attribute);
        return res;
    }
    if (meta_attribute != NULL) {
        return meta_attribute;
    }
    PyObject *tname = type_qualname(type, NULL);
    if (tname != NULL) {
        PyErr_Format(PyExc_AttributeError, "type object '%U' has no attribute '%U'",
                     type->tp_flags & Py_TPFLAGS_HEAPTYPE
                         ? ((PyHeapTypeObject *)type)->ht_name : tname, name);
        Py_DECREF(tname);
    }
    return NULL;
}

static int
type_setattro(PyObject *self, PyObject *name, PyObject *value)
{
    PyTypeObject *type = (PyTypeObject *)self;
    if (type->tp_flags & Py_TPFLAGS_IMMUTABLETYPE) {
        PyErr_Format(PyExc_TypeError,
                     "cannot set %R attribute of immutable type '%s'", name, type->tp_name);
        return -1;
    }
    if (!PyUnicode_Check(name)) {
        PyErr_Format(PyExc_TypeError, "attribute name must be string, not '%.200s'",
                     Py_TYPE(name)->tp_name);
        return -1;
    }
    Py_INCREF(name);
    PyUnicode_InternInPlace(&name);
    /* Data descriptors on the metatype (e.g. __name__) win. */
    PyObject *meta_attr = _PyType_LookupRef(Py_TYPE(type), name);
    if (meta_attr != NULL) {
        descrsetfunc f = Py_TYPE(meta_attr)->tp_descr_set;
        if (f != NULL) {
            int r = f(meta_attr, self, value);
            Py_DECREF(meta_attr);
            Py_DECREF(name);
            return r;
        }
        Py_DECREF(meta_attr);
    }
    int res;
#ifdef Py_GIL_DISABLED
    /* Inline caches and the attribute cache hand out borrowed pointers to
     * the dict's values: a shared dict releases a replaced or deleted value
     * only after other threads pass a quiescent state. */
    Py_BEGIN_CRITICAL_SECTION(type->tp_dict);
    _PyObject_GC_SET_SHARED(type->tp_dict);
    Py_END_CRITICAL_SECTION();
#endif
    if (value == NULL) {
        res = PyDict_DelItem(type->tp_dict, name);
        if (res < 0 && PyErr_ExceptionMatches(PyExc_KeyError)) {
            PyErr_Clear();
            PyErr_Format(PyExc_AttributeError, "type object '%s' has no attribute '%U'",
                         type->tp_name, name);
        }
    }
    else {
        res = PyDict_SetItem(type->tp_dict, name, value);
    }
    if (res == 0) {
        PyType_Modified(type);
        if (PyUnicode_GET_LENGTH(name) > 4 && PyUnicode_READ_CHAR(name, 0) == '_' &&
            PyUnicode_READ_CHAR(name, 1) == '_') {
            _PyType_UpdateSlot(type, name);
            /* Again once the slots changed (__getattr__, __setattr__...): an
             * inline cache filled by another thread in between saw the old
             * slots under a fresh tag. */
            PyType_Modified(type);
        }
    }
    Py_DECREF(name);
    return res;
}

static PyObject *
type_get_bases(PyTypeObject *type, void *context)
{
    return Py_NewRef(type->tp_bases);
}

static int check_set_special_type_attr(PyTypeObject *type, PyObject *value, const char *name);

/* Recompute the MRO of `type` and of its subclasses after a __bases__
 * assignment, and refresh the slots that dispatch to dunders. */
static int
mro_recompute(PyTypeObject *type)
{
    PyObject *mro = mro_invoke(type);
    if (mro == NULL) {
        return -1;
    }
#ifdef Py_GIL_DISABLED
    /* Readers use tp_mro without locks: swap it with the world stopped. */
    PyInterpreterState *interp = _PyInterpreterState_GET();
    _PyEval_StopTheWorld(interp);
    PyObject *old = type->tp_mro;
    type->tp_mro = mro;
    _PyEval_StartTheWorld(interp);
    Py_XDECREF(old);
#else
    Py_XSETREF(type->tp_mro, mro);
#endif
    _PyType_FixupSlotDispatchers(type);
    PyObject *subs = _PyType_GetSubclassesList(type);
    if (subs == NULL) {
        return -1;
    }
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(subs); i++) {
        if (mro_recompute((PyTypeObject *)PyTuple_GET_ITEM(subs, i)) < 0) {
            Py_DECREF(subs);
            return -1;
        }
    }
    Py_DECREF(subs);
    return 0;
}

static int
type_set_bases(PyTypeObject *type, PyObject *new_bases, void *context)
{
    if (!check_set_special_type_attr(type, new_bases, "__bases__")) {
        return -1;
    }
    if (!PyTuple_Check(new_bases)) {
        PyErr_Format(PyExc_TypeError, "can only assign tuple to %s.__bases__, not %s",
                     type->tp_name, Py_TYPE(new_bases)->tp_name);
        return -1;
    }
    if (PyTuple_GET_SIZE(new_bases) == 0) {
        PyErr_Format(PyExc_TypeError, "can only assign non-empty tuple to %s.__bases__, not ()",
                     type->tp_name);
        return -1;
    }
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(new_bases); i++) {
        PyObject *b = PyTuple_GET_ITEM(new_bases, i);
        if (!PyType_Check(b)) {
            PyErr_Format(PyExc_TypeError, "%s.__bases__ must be tuple of classes, not '%s'",
                         type->tp_name, Py_TYPE(b)->tp_name);
            return -1;
        }
        if (PyType_IsSubtype((PyTypeObject *)b, type)) {
            PyErr_SetString(PyExc_TypeError, "a __bases__ item causes an inheritance cycle");
            return -1;
        }
    }
    PyTypeObject *new_base = best_base(new_bases);
    if (new_base == NULL) {
        return -1;
    }
    PyTypeObject *old_base = type->tp_base;
    /* Instances keep their memory layout: the solid bases must agree. */
    if (new_base->tp_dealloc != old_base->tp_dealloc) {
        PyErr_Format(PyExc_TypeError, "__bases__ assignment: '%s' deallocator differs from '%s'",
                     new_base->tp_name, old_base->tp_name);
        return -1;
    }
    if (solid_base(new_base) != solid_base(old_base)) {
        PyErr_Format(PyExc_TypeError, "__bases__ assignment: '%s' object layout differs from '%s'",
                     new_base->tp_name, old_base->tp_name);
        return -1;
    }
    PyObject *old_bases = type->tp_bases;
    type->tp_bases = Py_NewRef(new_bases);
    type->tp_base = (PyTypeObject *)Py_NewRef(new_base);
    PyType_Modified(type);
    if (mro_recompute(type) < 0) {
        /* Put everything back (the old MRO is valid for the old bases). */
        PyObject *exc = PyErr_GetRaisedException();
        Py_SETREF(type->tp_bases, old_bases);
        Py_SETREF(type->tp_base, old_base);
        (void)mro_recompute(type);
        PyErr_SetRaisedException(exc);
        return -1;
    }
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(old_bases); i++) {
        remove_subclass((PyTypeObject *)PyTuple_GET_ITEM(old_bases, i), type);
    }
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(new_bases); i++) {
        if (add_subclass((PyTypeObject *)PyTuple_GET_ITEM(new_bases, i), type) < 0) {
            Py_DECREF(old_bases);
            Py_DECREF(old_base);
            return -1;
        }
    }
    PyType_Modified(type);
    Py_DECREF(old_bases);
    Py_DECREF(old_base);
    return 0;
}

static PyObject *
type_get_base(PyTypeObject *type, void *context)
{
    return Py_NewRef(type->tp_base ? (PyObject *)type->tp_base : Py_None);
}

static PyObject *
type_get_mro(PyTypeObject *type, void *context)
{
    return Py_NewRef(type->tp_mro ? type->tp_mro : Py_None);
}

static PyObject *
type_get_dict(PyTypeObject *type, void *context)
{
    if (type->tp_dict == NULL) {
        Py_RETURN_NONE;
    }
    return PyDictProxy_New(type->tp_dict);
}

static PyObject *
type_get_doc(PyTypeObject *type, void *context)
{
    if (!(type->tp_flags & Py_TPFLAGS_HEAPTYPE) && type->tp_doc != NULL) {
        return PyUnicode_FromString(type->tp_doc);
    }
    PyObject *result;
    int r = PyDict_GetItemRef(type->tp_dict, _Py_ID_STR(__doc__), &result);
    if (r < 0) {
        return NULL;
    }
    if (r == 0) {
        Py_RETURN_NONE;
    }
    descrgetfunc f = Py_TYPE(result)->tp_descr_get;
    if (f != NULL) {
        Py_SETREF(result, f(result, NULL, (PyObject *)type));
    }
    return result;
}

static int
check_set_special_type_attr(PyTypeObject *type, PyObject *value, const char *name)
{
    if (type->tp_flags & Py_TPFLAGS_IMMUTABLETYPE) {
        PyErr_Format(PyExc_TypeError, "cannot set '%s' attribute of immutable type '%s'",
                     name, type->tp_name);
        return 0;
    }
    if (value == NULL) {
        PyErr_Format(PyExc_TypeError, "cannot delete '%s' attribute of immutable type '%s'",
                     name, type->tp_name);
        return 0;
    }
    return 1;
}

static int
type_set_doc(PyTypeObject *type, PyObject *value, void *context)
{
    if (!check_set_special_type_attr(type, value, "__doc__")) {
        return -1;
    }
    PyType_Modified(type);
    return PyDict_SetItem(type->tp_dict, _Py_ID_STR(__doc__), value);
}

static int
type_set_name(PyTypeObject *type, PyObject *value, void *context)
{
    if (!check_set_special_type_attr(type, value, "__name__")) {
        return -1;
    }
    if (!PyUnicode_Check(value)) {
        PyErr_Format(PyExc_TypeError, "can only assign string to %s.__name__, not '%s'",
                     type->tp_name, Py_TYPE(value)->tp_name);
        return -1;
    }
    Py_ssize_t size;
    const char *tp_name = PyUnicode_AsUTF8AndSize(value, &size);
    if (tp_name == NULL) {
        return -1;
    }
    if (strlen(tp_name) != (size_t)size) {
        PyErr_SetString(PyExc_ValueError, "type name must not contain null characters");
        return -1;
    }
    PyHeapTypeObject *et = (PyHeapTypeObject *)type;
    char *copy = PyMem_Malloc((size_t)size + 1);
    if (copy == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    memcpy(copy, tp_name, (size_t)size + 1);
    PyMem_Free(et->_ht_tpname);
    et->_ht_tpname = copy;
    type->tp_name = copy;
    Py_SETREF(et->ht_name, Py_NewRef(value));
    return 0;
}

static int
type_set_qualname(PyTypeObject *type, PyObject *value, void *context)
{
    if (!check_set_special_type_attr(type, value, "__qualname__")) {
        return -1;
    }
    if (!PyUnicode_Check(value)) {
        PyErr_Format(PyExc_TypeError, "can only assign string to %s.__qualname__, not '%s'",
                     type->tp_name, Py_TYPE(value)->tp_name);
        return -1;
    }
    Py_SETREF(((PyHeapTypeObject *)type)->ht_qualname, Py_NewRef(value));
    return 0;
}

static int
type_set_module(PyTypeObject *type, PyObject *value, void *context)
{
    if (!check_set_special_type_attr(type, value, "__module__")) {
        return -1;
    }
    PyType_Modified(type);
    return PyDict_SetItem(type->tp_dict, _Py_ID_STR(__module__), value);
}

static PyObject *
type_abstractmethods(PyTypeObject *type, void *context)
{
    PyObject *mod = NULL;
    if (type != &PyType_Type) {
        int r = PyDict_GetItemRef(type->tp_dict, _Py_ID_STR(__abstractmethods__), &mod);
        if (r < 0) {
            return NULL;
        }
    }
    if (mod == NULL) {
        PyErr_SetObject(PyExc_AttributeError, _Py_ID_STR(__abstractmethods__));
    }
    return mod;
}

static int
type_set_abstractmethods(PyTypeObject *type, PyObject *value, void *context)
{
    int abstract, res;
    if (value != NULL) {
        abstract = PyObject_IsTrue(value);
        if (abstract < 0) {
            return -1;
        }
        res = PyDict_SetItem(type->tp_dict, _Py_ID_STR(__abstractmethods__), value);
    }
    else {
        abstract = 0;
        res = PyDict_DelItem(type->tp_dict, _Py_ID_STR(__abstractmethods__));
        if (res < 0 && PyErr_ExceptionMatches(PyExc_KeyError)) {
            PyErr_Clear();
            PyErr_SetObject(PyExc_AttributeError, _Py_ID_STR(__abstractmethods__));
            return -1;
        }
    }
    if (res == 0) {
        PyType_Modified(type);
        if (abstract) {
            type->tp_flags |= Py_TPFLAGS_IS_ABSTRACT;
        }
        else {
            type->tp_flags &= ~Py_TPFLAGS_IS_ABSTRACT;
        }
    }
    return res;
}

static PyObject *
type_get_annotations(PyTypeObject *type, void *context)
{
    if (!(type->tp_flags & Py_TPFLAGS_HEAPTYPE)) {
        PyErr_Format(PyExc_AttributeError, "type object '%s' has no attribute '__annotations__'",
                     type->tp_name);
        return NULL;
    }
    PyObject *annotations;
    int r = PyDict_GetItemRef(type->tp_dict, _Py_ID_STR(__annotations__), &annotations);
    if (r < 0) {
        return NULL;
    }
    if (r > 0) {
        descrgetfunc get = Py_TYPE(annotations)->tp_descr_get;
        if (get) {
            Py_SETREF(annotations, get(annotations, NULL, (PyObject *)type));
        }
        return annotations;
    }
    annotations = PyDict_New();
    if (annotations && PyDict_SetItem(type->tp_dict, _Py_ID_STR(__annotations__), annotations) < 0) {
        Py_CLEAR(annotations);
    }
    else {
        PyType_Modified(type);
    }
    return annotations;
}

static int
type_set_annotations(PyTypeObject *type, PyObject *value, void *context)
{
    if (!check_set_special_type_attr(type, value == NULL ? Py_None : value, "__annotations__")) {
        return -1;
    }
    int r;
    if (value != NULL) {
        r = PyDict_SetItem(type->tp_dict, _Py_ID_STR(__annotations__), value);
    }
    else {
        r = PyDict_DelItem(type->tp_dict, _Py_ID_STR(__annotations__));
        if (r < 0 && PyErr_ExceptionMatches(PyExc_KeyError)) {
            PyErr_Clear();
            PyErr_SetString(PyExc_AttributeError, "__annotations__");
        }
    }
    PyType_Modified(type);
    return r;
}

static PyGetSetDef type_getsets[] = {
    {"__name__", (getter)type_name, (setter)type_set_name, NULL, NULL},
    {"__qualname__", (getter)type_qualname, (setter)type_set_qualname, NULL, NULL},
    {"__bases__", (getter)type_get_bases, (setter)type_set_bases, NULL, NULL},
    {"__base__", (getter)type_get_base, NULL, NULL, NULL},
    {"__mro__", (getter)type_get_mro, NULL, NULL, NULL},
    {"__module__", (getter)type_module, (setter)type_set_module, NULL, NULL},
    {"__abstractmethods__", (getter)type_abstractmethods,
     (setter)type_set_abstractmethods, NULL, NULL},
    {"__dict__", (getter)type_get_dict, NULL, NULL, NULL},
    {"__doc__", (getter)type_get_doc, (setter)type_set_doc, NULL, NULL},
    {"__annotations__", (getter)type_get_annotations, (setter)type_set_annotations, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

static PyMemberDef type_members[] = {
    {"__basicsize__", Py_T_PYSSIZET, offsetof(PyTypeObject, tp_basicsize), Py_READONLY, NULL},
    {"__itemsize__", Py_T_PYSSIZET, offsetof(PyTypeObject, tp_itemsize), Py_READONLY, NULL},
    {"__flags__", Py_T_ULONG, offsetof(PyTypeObject, tp_flags), Py_READONLY, NULL},
    {"__weakrefoffset__", Py_T_PYSSIZET, offsetof(PyTypeObject, tp_weaklistoffset),
     Py_READONLY, NULL},
    {"__dictoffset__", Py_T_PYSSIZET, offsetof(PyTypeObject, tp_dictoffset), Py_READONLY, NULL},
    {NULL, 0, 0, 0, NULL}
};

static PyObject *
type___instancecheck__(PyObject *type, PyObject *inst)
{
    int r = PyObject_TypeCheck(inst, (PyTypeObject *)type);
    if (!r) {
        /* Objects may lie about their class (proxies). */
        PyObject *icls;
        if (PyObject_GetOptionalAttr(inst, _Py_ID_STR(__class__), &icls) < 0) {
            return NULL;
        }
        if (icls != NULL) {
            if (icls != (PyObject *)Py_TYPE(inst) && PyType_Check(icls)) {
                r = PyType_IsSubtype((PyTypeObject *)icls, (PyTypeObject *)type);
            }
            Py_DECREF(icls);
        }
    }
    return PyBool_FromLong(r);
}

static PyObject *
type___subclasscheck__(PyObject *type, PyObject *sub)
{
    if (!PyType_Check(sub)) {
        PyErr_SetString(PyExc_TypeError, "issubclass() arg 1 must be a class");
        return NULL;
    }
    return PyBool_FromLong(PyType_IsSubtype((PyTypeObject *)sub, (PyTypeObject *)type));
}

static PyObject *
type_dir(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *dict = PyDict_New();
    if (dict == NULL) {
        return NULL;
    }
    PyObject *result = NULL;
    if (merge_class_dict(dict, self) == 0) {
        result = PyDict_Keys(dict);
    }
    Py_DECREF(dict);
    return result;
}

static PyObject *
type_sizeof(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyTypeObject *type = (PyTypeObject *)self;
    Py_ssize_t size;
    if (type->tp_flags & Py_TPFLAGS_HEAPTYPE) {
        size = sizeof(PyHeapTypeObject) + Py_SIZE(type) * (Py_ssize_t)sizeof(PyMemberDef);
    }
    else {
        size = sizeof(PyTypeObject);
    }
    return PyLong_FromSsize_t(size);
}

static PyObject *
type_or(PyObject *self, PyObject *other)
{
    return _Py_union_type_or(self, other);
}

static PyMethodDef type_methods[] = {
    {"mro", (PyCFunction)(void (*)(void))type_mro, METH_NOARGS,
     "Return a type's method resolution order."},
    {"__subclasses__", (PyCFunction)(void (*)(void))type_subclasses, METH_NOARGS,
     "Return a list of immediate subclasses."},
    {"__prepare__", _PyCFunction_CAST(type_prepare), METH_FASTCALL | METH_KEYWORDS | METH_CLASS,
     "Create the namespace for the class statement"},
    {"__instancecheck__", type___instancecheck__, METH_O,
     "Check if an object is an instance."},
    {"__subclasscheck__", type___subclasscheck__, METH_O,
     "Check if a class is a subclass."},
    {"__dir__", type_dir, METH_NOARGS, "Specialized __dir__ implementation for types."},
    {"__sizeof__", type_sizeof, METH_NOARGS, "Return memory consumption of the type object."},
    {NULL, NULL, 0, NULL}
};

static PyNumberMethods type_as_number = {
    .nb_or = type_or,
};

PyTypeObject PyType_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "type",
    .tp_basicsize = sizeof(PyHeapTypeObject),
    .tp_itemsize = sizeof(PyMemberDef),
    .tp_dealloc = type_dealloc,
    .tp_repr = type_repr,
    .tp_as_number = &type_as_number,
    .tp_call = type_call,
    .tp_getattro = type_getattro,
    .tp_setattro = type_setattro,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE |
                Py_TPFLAGS_TYPE_SUBCLASS,
    .tp_doc = "type(object) -> the object's type\n"
              "type(name, bases, dict, **kwds) -> a new type",
    .tp_traverse = type_traverse,
    .tp_clear = type_clear,
    .tp_weaklistoffset = offsetof(PyTypeObject, tp_weaklist),
    .tp_methods = type_methods,
    .tp_members = type_members,
    .tp_getset = type_getsets,
    .tp_base = &PyBaseObject_Type,
    .tp_dictoffset = offsetof(PyTypeObject, tp_dict),
    .tp_init = type_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = type_new,
    .tp_free = PyObject_GC_Del,
    .tp_is_gc = type_is_gc,
};

/* ---- super --------------------------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    PyTypeObject *type;      /* the class super() was called from */
    PyObject *obj;           /* the instance or class, or NULL (unbound) */
    PyTypeObject *obj_type;  /* type(obj) or obj itself if a class */
} superobject;

static PyTypeObject *
supercheck(PyTypeObject *type, PyObject *obj)
{
    if (PyType_Check(obj) && PyType_IsSubtype((PyTypeObject *)obj, type)) {
        return (PyTypeObject *)Py_NewRef(obj);
    }
    if (PyType_IsSubtype(Py_TYPE(obj), type)) {
        return (PyTypeObject *)Py_NewRef(Py_TYPE(obj));
    }
    PyObject *class_attr;
    if (PyObject_GetOptionalAttr(obj, _Py_ID_STR(__class__), &class_attr) < 0) {
        return NULL;
    }
    if (class_attr != NULL && PyType_Check(class_attr) &&
        (PyTypeObject *)class_attr != Py_TYPE(obj)) {
        if (PyType_IsSubtype((PyTypeObject *)class_attr, type)) {
            return (PyTypeObject *)class_attr;
        }
    }
    Py_XDECREF(class_attr);
    const char *type_or_instance, *obj_str;
    if (PyType_Check(obj)) {
        type_or_instance = "type";
        obj_str = ((PyTypeObject *)obj)->tp_name;
    }
    else {
        type_or_instance = "instance of";
        obj_str = Py_TYPE(obj)->tp_name;
    }
    PyErr_Format(PyExc_TypeError,
                 "super(type, obj): obj (%s %.200s) is not an instance or subtype of type (%.200s).",
                 type_or_instance, obj_str, type->tp_name);
    return NULL;
}

static void
super_dealloc(PyObject *self)
{
    superobject *su = (superobject *)self;
    PyObject_GC_UnTrack(self);
    Py_XDECREF(su->obj);
    Py_XDECREF(su->type);
    Py_XDECREF(su->obj_type);
    Py_TYPE(self)->tp_free(self);
}

static PyObject *
super_repr(PyObject *self)
{
    superobject *su = (superobject *)self;
    const char *tn = su->type ? su->type->tp_name : "NULL";
    if (su->obj_type) {
        return PyUnicode_FromFormat("<super: <class '%s'>, <%s object>>", tn,
                                    su->obj_type->tp_name);
    }
    return PyUnicode_FromFormat("<super: <class '%s'>, NULL>", tn);
}

/* Search the MRO of starttype after `type` for name. */
static PyObject *
do_super_lookup(superobject *su, PyTypeObject *su_type, PyObject *su_obj,
                PyTypeObject *su_obj_type, PyObject *name, int *method)
{
    PyObject *mro, *res;
    Py_ssize_t i, n;
    if (su_obj_type == NULL) {
        goto skip;
    }
    mro = su_obj_type->tp_mro;
    if (mro == NULL) {
        goto skip;
    }
    n = PyTuple_GET_SIZE(mro);
    for (i = 0; i + 1 < n; i++) {
        if ((PyObject *)su_type == PyTuple_GET_ITEM(mro, i)) {
            break;
        }
    }
    i++;
    if (i >= n) {
        goto skip;
    }
    Py_INCREF(mro);
    do {
        PyObject *obj = PyTuple_GET_ITEM(mro, i);
        PyObject *dict = ((PyTypeObject *)obj)->tp_dict;
        int r = PyDict_GetItemRef(dict, name, &res);
        if (r < 0) {
            Py_DECREF(mro);
            return NULL;
        }
        if (r > 0) {
            if (method && PyType_HasFeature(Py_TYPE(res), Py_TPFLAGS_METHOD_DESCRIPTOR)) {
                *method = 1;
            }
            else {
                descrgetfunc f = Py_TYPE(res)->tp_descr_get;
                if (f != NULL) {
                    PyObject *res2 = f(res, su_obj == (PyObject *)su_obj_type ? NULL : su_obj,
                                       (PyObject *)su_obj_type);
                    Py_SETREF(res, res2);
                }
            }
            Py_DECREF(mro);
            return res;
        }
        i++;
    } while (i < n);
    Py_DECREF(mro);
skip:
    if (su == NULL) {
        PyObject *args[] = {(PyObject *)su_type, su_obj};
        su = (superobject *)PyObject_Vectorcall((PyObject *)&PySuper_Type, args, 2, NULL);
        if (su == NULL) {
            return NULL;
        }
    }
    else {
        Py_INCREF(su);
    }
    res = PyObject_GenericGetAttr((PyObject *)su, name);
    Py_DECREF(su);
    return res;
}

static PyObject *
super_getattro(PyObject *self, PyObject *name)
{
    superobject *su = (superobject *)self;
    /* __class__ is the super object's own. */
    if (PyUnicode_Check(name) && _PyUnicode_EqualToASCIIString(name, "__class__")) {
        return PyObject_GenericGetAttr(self, name);
    }
    if (su->obj_type == NULL) {
        return PyObject_GenericGetAttr(self, name);
    }
    return do_super_lookup(su, su->type, su->obj, su->obj_type, name, NULL);
}

PyObject *
_PySuper_Lookup(PyTypeObject *type, PyObject *obj, PyObject *name, int *method)
{
    PyTypeObject *starttype = supercheck(type, obj);
    if (starttype == NULL) {
        return NULL;
    }
    PyObject *res = do_super_lookup(NULL, type, obj, starttype, name, method);
    Py_DECREF(starttype);
    return res;
}

static PyObject *
super_descr_get(PyObject *self, PyObject *obj, PyObject *type)
{
    superobject *su = (superobject *)self;
    if (obj == NULL || obj == Py_None || su->obj != NULL) {
        return Py_NewRef(self);
    }
    if (!Py_IS_TYPE(su, &PySuper_Type)) {
        return PyObject_CallFunctionObjArgs((PyObject *)Py_TYPE(su), su->type, obj, NULL);
    }
    PyTypeObject *obj_type = supercheck(su->type, obj);
    if (obj_type == NULL) {
        return NULL;
    }
    superobject *newobj = (superobject *)PySuper_Type.tp_new(&PySuper_Type, NULL, NULL);
    if (newobj == NULL) {
        Py_DECREF(obj_type);
        return NULL;
    }
    newobj->type = (PyTypeObject *)Py_NewRef(su->type);
    newobj->obj = Py_NewRef(obj);
    newobj->obj_type = obj_type;
    return (PyObject *)newobj;
}

static int
super_init_impl(PyObject *self, PyTypeObject *type, PyObject *obj)
{
    superobject *su = (superobject *)self;
    PyTypeObject *obj_type = NULL;
    if (obj == Py_None) {
        obj = NULL;
    }
    if (obj != NULL) {
        obj_type = supercheck(type, obj);
        if (obj_type == NULL) {
            return -1;
        }
        Py_INCREF(obj);
    }
    Py_XSETREF(su->type, (PyTypeObject *)Py_NewRef(type));
    Py_XSETREF(su->obj, obj);
    Py_XSETREF(su->obj_type, obj_type);
    return 0;
}

static int
super_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    PyObject *type = NULL, *obj = NULL;
    if (!_PyArg_NoKeywords("super", kwds)) {
        return -1;
    }
    if (!PyArg_UnpackTuple(args, "super", 0, 2, &type, &obj)) {
        return -1;
    }
    if (type == NULL) {
        /* super() with no arguments: __class__ and the first argument of
         * the running function (the eval loop finds them). */
        PyTypeObject *cls;
        if (_PyEval_SuperArgs(_PyThreadState_GET(), &cls, &obj) < 0) {
            return -1;
        }
        type = (PyObject *)cls;
    }
    if (!PyType_Check(type)) {
        PyErr_Format(PyExc_TypeError, "super() argument 1 must be a type, not %.200s",
                     Py_TYPE(type)->tp_name);
        return -1;
    }
    return super_init_impl(self, (PyTypeObject *)type, obj);
}

PyObject *
_PySuper_New(PyTypeObject *type, PyObject *obj)
{
    PyObject *self = PySuper_Type.tp_alloc(&PySuper_Type, 0);
    if (self == NULL) {
        return NULL;
    }
    if (super_init_impl(self, type, obj) < 0) {
        Py_DECREF(self);
        return NULL;
    }
    return self;
}

static int
super_traverse(PyObject *self, visitproc visit, void *arg)
{
    superobject *su = (superobject *)self;
    Py_VISIT(su->obj);
    Py_VISIT(su->type);
    Py_VISIT(su->obj_type);
    return 0;
}

static PyObject *
super_get_thisclass(PyObject *self, void *c)
{
    superobject *su = (superobject *)self;
    return Py_NewRef(su->type ? (PyObject *)su->type : Py_None);
}

static PyObject *
super_get_self(PyObject *self, void *c)
{
    superobject *su = (superobject *)self;
    return Py_NewRef(su->obj ? su->obj : Py_None);
}

static PyObject *
super_get_self_class(PyObject *self, void *c)
{
    superobject *su = (superobject *)self;
    return Py_NewRef(su->obj_type ? (PyObject *)su->obj_type : Py_None);
}

static PyGetSetDef super_getsets[] = {
    {"__thisclass__", super_get_thisclass, NULL, "the class invoking super()", NULL},
    {"__self__", super_get_self, NULL, "the instance invoking super(); may be None", NULL},
    {"__self_class__", super_get_self_class, NULL,
     "the type of the instance invoking super(); may be None", NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

PyTypeObject PySuper_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "super",
    .tp_basicsize = sizeof(superobject),
    .tp_dealloc = super_dealloc,
    .tp_repr = super_repr,
    .tp_getattro = super_getattro,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc = "super() -> same as super(__class__, <first argument>)\n"
              "super(type) -> unbound super object\n"
              "super(type, obj) -> bound super object; requires isinstance(obj, type)\n"
              "super(type, type2) -> bound super object; requires issubclass(type2, type)",
    .tp_traverse = super_traverse,
    .tp_getset = super_getsets,
    .tp_descr_get = super_descr_get,
    .tp_init = super_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = PyType_GenericNew,
    .tp_free = PyObject_GC_Del,
};

/* ---- PyType_FromSpec ---------------------------------------------------------- */

/* Slot ids of typeslots.h, in CPython's numbering. */
static const struct { int id; size_t table; size_t offset; } slot_offsets[] = {
#define SLOTENT(id, table, member) {id, table, offsetof(PyHeapTypeObject, member)}
    SLOTENT(1, 0, as_buffer.bf_getbuffer), SLOTENT(2, 0, as_buffer.bf_releasebuffer),
    SLOTENT(3, 0, as_mapping.mp_ass_subscript), SLOTENT(4, 0, as_mapping.mp_length),
    SLOTENT(5, 0, as_mapping.mp_subscript), SLOTENT(6, 0, as_number.nb_absolute),
    SLOTENT(7, 0, as_number.nb_add), SLOTENT(8, 0, as_number.nb_and),
    SLOTENT(9, 0, as_number.nb_bool), SLOTENT(10, 0, as_number.nb_divmod),
    SLOTENT(11, 0, as_number.nb_float), SLOTENT(12, 0, as_number.nb_floor_divide),
    SLOTENT(13, 0, as_number.nb_index), SLOTENT(14, 0, as_number.nb_inplace_add),
    SLOTENT(15, 0, as_number.nb_inplace_and), SLOTENT(16, 0, as_number.nb_inplace_floor_divide),
    SLOTENT(17, 0, as_number.nb_inplace_lshift), SLOTENT(18, 0, as_number.nb_inplace_multiply),
    SLOTENT(19, 0, as_number.nb_inplace_or), SLOTENT(20, 0, as_number.nb_inplace_power),
    SLOTENT(21, 0, as_number.nb_inplace_remainder), SLOTENT(22, 0, as_number.nb_inplace_rshift),
    SLOTENT(23, 0, as_number.nb_inplace_subtract), SLOTENT(24, 0, as_number.nb_inplace_true_divide),
    SLOTENT(25, 0, as_number.nb_inplace_xor), SLOTENT(26, 0, as_number.nb_int),
    SLOTENT(27, 0, as_number.nb_invert), SLOTENT(28, 0, as_number.nb_lshift),
    SLOTENT(29, 0, as_number.nb_multiply), SLOTENT(30, 0, as_number.nb_negative),
    SLOTENT(31, 0, as_number.nb_or), SLOTENT(32, 0, as_number.nb_positive),
    SLOTENT(33, 0, as_number.nb_power), SLOTENT(34, 0, as_number.nb_remainder),
    SLOTENT(35, 0, as_number.nb_rshift), SLOTENT(36, 0, as_number.nb_subtract),
    SLOTENT(37, 0, as_number.nb_true_divide), SLOTENT(38, 0, as_number.nb_xor),
    SLOTENT(39, 0, as_sequence.sq_ass_item), SLOTENT(40, 0, as_sequence.sq_concat),
    SLOTENT(41, 0, as_sequence.sq_contains), SLOTENT(42, 0, as_sequence.sq_inplace_concat),
    SLOTENT(43, 0, as_sequence.sq_inplace_repeat), SLOTENT(44, 0, as_sequence.sq_item),
    SLOTENT(45, 0, as_sequence.sq_length), SLOTENT(46, 0, as_sequence.sq_repeat),
    SLOTENT(47, 0, ht_type.tp_alloc), SLOTENT(48, 0, ht_type.tp_base),
    SLOTENT(49, 0, ht_type.tp_bases), SLOTENT(50, 0, ht_type.tp_call),
    SLOTENT(51, 0, ht_type.tp_clear), SLOTENT(52, 0, ht_type.tp_dealloc),
    SLOTENT(53, 0, ht_type.tp_del), SLOTENT(54, 0, ht_type.tp_descr_get),
    SLOTENT(55, 0, ht_type.tp_descr_set), SLOTENT(56, 0, ht_type.tp_doc),
    SLOTENT(57, 0, ht_type.tp_getattr), SLOTENT(58, 0, ht_type.tp_getattro),
    SLOTENT(59, 0, ht_type.tp_hash), SLOTENT(60, 0, ht_type.tp_init),
    SLOTENT(61, 0, ht_type.tp_is_gc), SLOTENT(62, 0, ht_type.tp_iter),
    SLOTENT(63, 0, ht_type.tp_iternext), SLOTENT(64, 0, ht_type.tp_methods),
    SLOTENT(65, 0, ht_type.tp_new), SLOTENT(66, 0, ht_type.tp_repr),
    SLOTENT(67, 0, ht_type.tp_richcompare), SLOTENT(68, 0, ht_type.tp_setattr),
    SLOTENT(69, 0, ht_type.tp_setattro), SLOTENT(70, 0, ht_type.tp_str),
    SLOTENT(71, 0, ht_type.tp_traverse), SLOTENT(72, 0, ht_type.tp_members),
    SLOTENT(73, 0, ht_type.tp_getset), SLOTENT(74, 0, ht_type.tp_free),
    SLOTENT(75, 0, as_number.nb_matrix_multiply),
    SLOTENT(76, 0, as_number.nb_inplace_matrix_multiply),
    SLOTENT(77, 0, as_async.am_await), SLOTENT(78, 0, as_async.am_aiter),
    SLOTENT(79, 0, as_async.am_anext), SLOTENT(80, 0, ht_type.tp_finalize),
    SLOTENT(81, 0, as_async.am_send),
#undef SLOTENT
};

void *
PyType_GetSlot(PyTypeObject *type, int slot)
{
    if (slot <= 0 || (size_t)slot > Py_ARRAY_LENGTH(slot_offsets)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    size_t off = slot_offsets[slot - 1].offset;
    void **p;
    if (off < sizeof(PyTypeObject)) {
        p = (void **)((char *)type + off);
    }
    else {
        /* Inside a sub-table: go through the type's pointer to it. */
        char *table;
        size_t base;
        if (off >= offsetof(PyHeapTypeObject, as_buffer)) {
            table = (char *)type->tp_as_buffer; base = offsetof(PyHeapTypeObject, as_buffer);
        }
        else if (off >= offsetof(PyHeapTypeObject, as_sequence)) {
            table = (char *)type->tp_as_sequence; base = offsetof(PyHeapTypeObject, as_sequence);
        }
        else if (off >= offsetof(PyHeapTypeObject, as_mapping)) {
            table = (char *)type->tp_as_mapping; base = offsetof(PyHeapTypeObject, as_mapping);
        }
        else if (off >= offsetof(PyHeapTypeObject, as_number)) {
            table = (char *)type->tp_as_number; base = offsetof(PyHeapTypeObject, as_number);
        }
        else {
            table = (char *)type->tp_as_async; base = offsetof(PyHeapTypeObject, as_async);
        }
        if (table == NULL) {
            return NULL;
        }
        p = (void **)(table + off - base);
    }
    return *p;
}

PyObject *
PyType_FromModuleAndSpec(PyObject *module, PyType_Spec *spec, PyObject *bases)
{
    PyType_Slot *slot;
    PyObject *tp_bases = NULL;
    PyTypeObject *base = NULL;
    const char *s = strrchr(spec->name, '.');
    const char *short_name = s ? s + 1 : spec->name;

    for (slot = spec->slots; slot->slot; slot++) {
        if (slot->slot < 0 || (size_t)slot->slot > Py_ARRAY_LENGTH(slot_offsets)) {
            PyErr_SetString(PyExc_RuntimeError, "invalid slot offset");
            return NULL;
        }
        if (slot->slot == 48 && bases == NULL) {
            base = slot->pfunc;
        }
        if (slot->slot == 49 && bases == NULL) {
            bases = slot->pfunc;
        }
    }
    if (bases == NULL) {
        tp_bases = PyTuple_Pack(1, base ? (PyObject *)base : (PyObject *)&PyBaseObject_Type);
    }
    else if (PyType_Check(bases)) {
        tp_bases = PyTuple_Pack(1, bases);
    }
    else {
        tp_bases = Py_NewRef(bases);
    }
    if (tp_bases == NULL) {
        return NULL;
    }
    base = best_base(tp_bases);
    if (base == NULL) {
        Py_DECREF(tp_bases);
        return NULL;
    }
    PyHeapTypeObject *res = (PyHeapTypeObject *)PyType_GenericAlloc(&PyType_Type, 0);
    if (res == NULL) {
        Py_DECREF(tp_bases);
        return NULL;
    }
    PyTypeObject *type = &res->ht_type;
    type->tp_flags = spec->flags | Py_TPFLAGS_HEAPTYPE;
    type->tp_as_async = &res->as_async;
    type->tp_as_number = &res->as_number;
    type->tp_as_sequence = &res->as_sequence;
    type->tp_as_mapping = &res->as_mapping;
    type->tp_as_buffer = &res->as_buffer;
    type->tp_bases = tp_bases;
    type->tp_base = (PyTypeObject *)Py_NewRef(base);
    res->ht_module = Py_XNewRef(module);
    res->ht_name = PyUnicode_FromString(short_name);
    if (res->ht_name == NULL) {
        goto fail;
    }
    res->ht_qualname = Py_NewRef(res->ht_name);
    size_t nlen = strlen(spec->name);
    res->_ht_tpname = PyMem_Malloc(nlen + 1);
    if (res->_ht_tpname == NULL) {
        PyErr_NoMemory();
        goto fail;
    }
    memcpy(res->_ht_tpname, spec->name, nlen + 1);
    type->tp_name = res->_ht_tpname;
    type->tp_basicsize = spec->basicsize ? spec->basicsize : base->tp_basicsize;
    type->tp_itemsize = spec->itemsize ? spec->itemsize : base->tp_itemsize;
    for (slot = spec->slots; slot->slot; slot++) {
        if (slot->slot == 48 || slot->slot == 49) {
            continue;
        }
        if (slot->slot == 56) {
            const char *doc = slot->pfunc;
            if (doc != NULL) {
                size_t len = strlen(doc) + 1;
                char *tp_doc = PyMem_Malloc(len);
                if (tp_doc == NULL) {
                    PyErr_NoMemory();
                    goto fail;
                }
                memcpy(tp_doc, doc, len);
                type->tp_doc = tp_doc;
            }
            continue;
        }
        *(void **)((char *)res + slot_offsets[slot->slot - 1].offset) = slot->pfunc;
    }
    if (type->tp_dealloc == NULL) {
        type->tp_dealloc = subtype_dealloc;
    }
    if (PyType_Ready(type) < 0) {
        goto fail;
    }
    if (type->tp_doc) {
        PyObject *doc = PyUnicode_FromString(type->tp_doc);
        if (doc == NULL || PyDict_SetItem(type->tp_dict, _Py_ID_STR(__doc__), doc) < 0) {
            Py_XDECREF(doc);
            goto fail;
        }
        Py_DECREF(doc);
    }
    /* __module__ from the part of the name before the dot. */
    if (s != NULL) {
        PyObject *modname = PyUnicode_FromStringAndSize(spec->name, s - spec->name);
        if (modname == NULL ||
            PyDict_SetItem(type->tp_dict, _Py_ID_STR(__module__), modname) < 0) {
            Py_XDECREF(modname);
            goto fail;
        }
        Py_DECREF(modname);
    }
    return (PyObject *)res;
fail:
    Py_DECREF(res);
    return NULL;
}

PyObject *
PyType_FromSpecWithBases(PyType_Spec *spec, PyObject *bases)
{
    return PyType_FromModuleAndSpec(NULL, spec, bases);
}

PyObject *
PyType_FromSpec(PyType_Spec *spec)
{
    return PyType_FromModuleAndSpec(NULL, spec, NULL);
}

PyObject *
PyType_GetModule(PyTypeObject *type)
{
    if (!(type->tp_flags & Py_TPFLAGS_HEAPTYPE) || ((PyHeapTypeObject *)type)->ht_module == NULL) {
        PyErr_Format(PyExc_TypeError, "PyType_GetModule: Type '%s' has no associated module",
                     type->tp_name);
        return NULL;
    }
    return ((PyHeapTypeObject *)type)->ht_module;
}

void *
PyType_GetModuleState(PyTypeObject *type)
{
    PyObject *m = PyType_GetModule(type);
    if (m == NULL) {
        return NULL;
    }
    return PyModule_GetState(m);
}
