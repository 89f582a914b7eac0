/* listobject.c: the list type, its iterators, and the PyList_* C API.
 *
 * Layout: the item array (ob_item) is allocated apart from the object and
 * over-allocated on growth so append is amortised O(1).  The default build
 * resizes it with PyMem_Realloc; in the free-threaded build a resized array
 * is a fresh allocation and the old one is handed to _PyMem_FreeDelayed (QSBR), so a reader that loaded the old
 * pointer without a lock never touches freed memory; item and size stores
 * are atomic for the same readers.  list[i], iteration and `in` read
 * without the lock (see list_get_item_ref and pycore_lockfree.h): slots
 * between the size and the allocation are kept NULL (a reader that finds
 * NULL takes the lock), and references a shared list drops are released
 * through QSBR.  Every mutation and every multi-step read
 * runs inside a critical section on the list (they vanish in the default
 * build).  References dropped by a mutation are released after the section
 * ends where that is easy, because a destructor may run arbitrary code.
 *
 * list.sort() is a stable natural merge sort (runs found and extended with
 * binary insertion, then merged pairwise); see the "sort" section. */
#include "Python.h"
#include "pycore_lockfree.h"
#include "pycore_freelist.h"

#ifdef Py_GIL_DISABLED
/* Every store marks the list shared when the writer is not its owner
 * (the owner reads it without the lock; pycore_lockfree.h). */
#  define LIST_STORE_SIZE(op, n) \
    (_PyObject_MarkSharedIfForeign((PyObject *)(op)), \
     _Py_atomic_store_ssize_release(&((PyVarObject *)(op))->ob_size, (n)))
#  define LIST_STORE_ITEMS(op, p) \
    (_PyObject_MarkSharedIfForeign((PyObject *)(op)), \
     _Py_atomic_store_ptr_release(&(op)->ob_item, (p)))
#  define LIST_STORE_ITEM(op, i, v) \
    (_PyObject_MarkSharedIfForeign((PyObject *)(op)), \
     _Py_atomic_store_ptr_release(&(op)->ob_item[(i)], (v)))
#else
#  define LIST_STORE_SIZE(op, n) Py_SET_SIZE((op), (n))
#  define LIST_STORE_ITEMS(op, p) ((op)->ob_item = (p))
#  define LIST_STORE_ITEM(op, i, v) ((op)->ob_item[(i)] = (v))
#endif

/* ---- storage ----------------------------------------------------------- */

static PyObject **
items_alloc(size_t n)
{
    if (n > (size_t)PY_SSIZE_T_MAX / sizeof(PyObject *)) {
        return NULL;
    }
    return (PyObject **)PyMem_Malloc(n ? n * sizeof(PyObject *) : 1);
}

static void
items_free(PyObject **items)
{
#ifdef Py_GIL_DISABLED
    if (items != NULL) {
        _PyMem_FreeDelayed(items);
    }
#else
    PyMem_Free(items);
#endif
}

/* memmove within a live item array: pointer by pointer with atomic stores
 * in the free-threaded build, where readers load the slots concurrently. */
static void
items_move(PyObject **dst, PyObject **src, Py_ssize_t n)
{
#ifdef Py_GIL_DISABLED
    if (dst < src) {
        for (Py_ssize_t i = 0; i < n; i++) {
            _Py_atomic_store_ptr_release(&dst[i], _Py_atomic_load_ptr_relaxed(&src[i]));
        }
    }
    else {
        for (Py_ssize_t i = n; --i >= 0; ) {
            _Py_atomic_store_ptr_release(&dst[i], _Py_atomic_load_ptr_relaxed(&src[i]));
        }
    }
#else
    memmove(dst, src, (size_t)n * sizeof(PyObject *));
#endif
}

/* Lower the size to `newsize` in place.  Free-threaded build: the vacated
 * slots become NULL first, so that a lock-free reader never finds a stale
 * pointer there once the size grows again. */
static void
list_shrink_size(PyListObject *self, Py_ssize_t newsize)
{
#ifdef Py_GIL_DISABLED
    for (Py_ssize_t i = newsize, n = Py_SIZE(self); i < n; i++) {
        _Py_atomic_store_ptr_relaxed(&self->ob_item[i], NULL);
    }
#endif
    LIST_STORE_SIZE(self, newsize);
}

/* Make room for `newsize` items and set the size.  Growth over-allocates by
 * about 1/8 (CPython's pattern, so allocated sizes match); shrinking below
 * half the allocation releases memory.  Items past the new size are not
 * touched: the caller has moved or released them. */
static int
list_resize(PyListObject *self, Py_ssize_t newsize)
{
    Py_ssize_t allocated = self->allocated;
    if (allocated >= newsize && newsize >= (allocated >> 1)) {
        if (newsize < Py_SIZE(self)) {
            list_shrink_size(self, newsize);
        }
        else {
            LIST_STORE_SIZE(self, newsize);
        }
        return 0;
    }
    size_t new_allocated = ((size_t)newsize + ((size_t)newsize >> 3) + 6) & ~(size_t)3;
    /* A big jump (extend by many) allocates just what is needed. */
    if (newsize - Py_SIZE(self) > (Py_ssize_t)(new_allocated - (size_t)newsize)) {
        new_allocated = ((size_t)newsize + 3) & ~(size_t)3;
    }
    if (newsize == 0) {
        new_allocated = 0;
    }
    PyObject **items;
#ifndef Py_GIL_DISABLED
    /* No lock-free readers: grow or shrink in place when the allocator can. */
    if (new_allocated > (size_t)PY_SSIZE_T_MAX / sizeof(PyObject *)) {
        PyErr_NoMemory();
        return -1;
    }
    if (new_allocated == 0) {
        PyMem_Free(self->ob_item);
        items = NULL;
    }
    else {
        items = (PyObject **)PyMem_Realloc(self->ob_item, new_allocated * sizeof(PyObject *));
        if (items == NULL) {
            PyErr_NoMemory();
            return -1;
        }
    }
    self->ob_item = items;
    self->allocated = (Py_ssize_t)new_allocated;
    Py_SET_SIZE(self, newsize);
    return 0;
#else
    if (new_allocated == 0) {
        items = NULL;
    }
    else {
        items = items_alloc(new_allocated);
        if (items == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        Py_ssize_t keep = Py_MIN(Py_SIZE(self), newsize);
        if (keep > 0) {
            memcpy(items, self->ob_item, (size_t)keep * sizeof(PyObject *));
        }
        /* Slots past the kept items stay NULL until stored (readers). */
        memset(items + keep, 0, (new_allocated - (size_t)keep) * sizeof(PyObject *));
    }
    PyObject **old = self->ob_item;
    /* Readers load the array, the size, then the array again: the array
     * goes first when it grows, the size first when it shrinks, so that a
     * consistent pair never has a size beyond the array. */
    if (newsize > Py_SIZE(self)) {
        LIST_STORE_ITEMS(self, items);
        self->allocated = (Py_ssize_t)new_allocated;
        LIST_STORE_SIZE(self, newsize);
    }
    else {
        LIST_STORE_SIZE(self, newsize);
        LIST_STORE_ITEMS(self, items);
        self->allocated = (Py_ssize_t)new_allocated;
    }
    items_free(old);
    return 0;
#endif
}

/* Make sure at least `n` slots exist (for extend with a known count). */
static int
list_preallocate_exact(PyListObject *self, Py_ssize_t n)
{
    PyObject **items = items_alloc((size_t)n);
    if (items == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    PyObject **old = self->ob_item;
    if (Py_SIZE(self) > 0) {
        memcpy(items, old, (size_t)Py_SIZE(self) * sizeof(PyObject *));
    }
#ifdef Py_GIL_DISABLED
    if (n > Py_SIZE(self)) {
        memset(items + Py_SIZE(self), 0, (size_t)(n - Py_SIZE(self)) * sizeof(PyObject *));
    }
#endif
    LIST_STORE_ITEMS(self, items);
    self->allocated = n;
    items_free(old);
    return 0;
}

PyObject *
PyList_New(Py_ssize_t size)
{
    if (size < 0) {
        PyErr_BadInternalCall();
        return NULL;
    }
    /* The list struct (never its item array) may come from the thread's
     * free list (pycore_freelist.h). */
    struct _Py_freelists *fls = _Py_freelists_GET();
    PyListObject *op = fls != NULL ? _Py_freelist_pop(&fls->lists) : NULL;
    if (op != NULL) {
        _Py_freelist_reset_gc((PyObject *)op);
        _PyGC_CountAlloc(1);
        _Py_NewReference_Count((PyObject *)op);
        Py_SET_TYPE(op, &PyList_Type);
    }
    else {
        op = PyObject_GC_New(PyListObject, &PyList_Type);
        if (op == NULL) {
            return NULL;
        }
    }
    if (size == 0) {
        op->ob_item = NULL;
    }
    else {
        if ((size_t)size > (size_t)PY_SSIZE_T_MAX / sizeof(PyObject *)) {
            Py_SET_SIZE(op, 0);
            op->ob_item = NULL;
            op->allocated = 0;
            Py_DECREF(op);
            return PyErr_NoMemory();
        }
        op->ob_item = (PyObject **)PyMem_Calloc((size_t)size, sizeof(PyObject *));
        if (op->ob_item == NULL) {
            Py_SET_SIZE(op, 0);
            op->allocated = 0;
            Py_DECREF(op);
            return PyErr_NoMemory();
        }
    }
    Py_SET_SIZE(op, size);
    op->allocated = size;
    PyObject_GC_Track(op);
    return (PyObject *)op;
}

/* A list of `size` slots whose items the caller fills (all of them). */
static PyListObject *
list_new_prealloc(Py_ssize_t size)
{
    PyListObject *op = (PyListObject *)PyList_New(0);
    if (op == NULL || size == 0) {
        return op;
    }
    op->ob_item = items_alloc((size_t)size);
    if (op->ob_item == NULL) {
        Py_DECREF(op);
        return (PyListObject *)PyErr_NoMemory();
    }
    op->allocated = size;
    return op;
}

PyObject *
_PyList_FromArraySteal(PyObject *const *src, Py_ssize_t n)
{
    PyListObject *op = list_new_prealloc(n);
    if (op == NULL) {
        for (Py_ssize_t i = 0; i < n; i++) {
            Py_DECREF(src[i]);
        }
        return NULL;
    }
    if (n > 0) {
        memcpy(op->ob_item, src, (size_t)n * sizeof(PyObject *));
    }
    Py_SET_SIZE(op, n);
    return (PyObject *)op;
}

/* Drop every item; the references are released after the array is detached
 * so that a destructor that looks at the list sees it empty. */
static void
list_clear_items(PyListObject *a)
{
    PyObject **items = a->ob_item;
    if (items == NULL) {
        return;
    }
    Py_ssize_t n = Py_SIZE(a);
    LIST_STORE_SIZE(a, 0);
    LIST_STORE_ITEMS(a, NULL);
    a->allocated = 0;
    while (--n >= 0) {
        _PyObject_ReleaseFrom((PyObject *)a, items[n]);
    }
    items_free(items);
}

static int
list_tp_clear(PyObject *op)
{
    Py_BEGIN_CRITICAL_SECTION(op);
    list_clear_items((PyListObject *)op);
    Py_END_CRITICAL_SECTION();
    return 0;
}

static void
list_dealloc(PyObject *op)
{
    PyListObject *self = (PyListObject *)op;
    PyObject_GC_UnTrack(op);
    if (self->ob_item != NULL) {
        Py_ssize_t i = Py_SIZE(self);
        while (--i >= 0) {
            Py_XDECREF(self->ob_item[i]);
        }
        /* Nobody else can see a dying list: free at once. */
        PyMem_Free(self->ob_item);
    }
    if (PyList_CheckExact(op)) {
        struct _Py_freelists *fls = _Py_freelists_GET();
        if (fls != NULL && _Py_freelist_push(&fls->lists, op, _Py_LIST_MAXFREELIST)) {
            _PyGC_CountAlloc(-1);
            return;
        }
    }
    Py_TYPE(op)->tp_free(op);
}

static int
list_traverse(PyObject *op, visitproc visit, void *arg)
{
    PyListObject *o = (PyListObject *)op;
    for (Py_ssize_t i = Py_SIZE(o); --i >= 0; ) {
        Py_VISIT(o->ob_item[i]);
    }
    return 0;
}

/* ---- small helpers ----------------------------------------------------- */

#ifdef Py_GIL_DISABLED
/* A new reference to item i, or NULL (no exception) when out of range. */
static PyObject *
list_get_item_ref_locked(PyListObject *self, Py_ssize_t i)
{
    PyObject *item = NULL;
    Py_BEGIN_CRITICAL_SECTION(self);
    /* From now on this thread reads without the lock (and writers delay
     * the release of what they drop). */
    if (!_Py_IsOwnedByCurrentThread((PyObject *)self)) {
        _PyObject_GC_SET_SHARED((PyObject *)self);
    }
    if (i >= 0 && i < Py_SIZE(self)) {
        item = Py_NewRef(self->ob_item[i]);
    }
    Py_END_CRITICAL_SECTION();
    return item;
}

/* list_get_item_ref for a list other threads may write: without the lock
 * when allowed.  The array, the size and the array again are loaded
 * (writers order these stores so that a pair read between two equal array
 * loads is consistent); the slot is loaded and incref'd only if it still
 * holds the same object.  Writers keep removed objects alive through QSBR,
 * so the incref never touches freed memory.  A NULL slot (being filled) or
 * a change under us falls back to the lock. */
static _Py_NO_INLINE PyObject *
list_get_item_ref_shared(PyListObject *self, Py_ssize_t i)
{
    if (_PyObject_CanReadLockFree((PyObject *)self)) {
        PyObject **items = _Py_atomic_load_ptr_acquire(&self->ob_item);
        Py_ssize_t n = _Py_atomic_load_ssize_acquire(&((PyVarObject *)self)->ob_size);
        if (_Py_atomic_load_ptr_acquire(&self->ob_item) == items) {
            if ((size_t)i >= (size_t)n) {
                return NULL;
            }
            PyObject *item = _Py_atomic_load_ptr_acquire(&items[i]);
            if (item != NULL && _Py_IncrefCompareAlive(&items[i], item)) {
                return item;
            }
        }
    }
    return list_get_item_ref_locked(self, i);
}
#endif

/* self[i] as a new reference, NULL (no exception) when out of range.  The
 * free-threaded build's common case, a list only its owner has touched,
 * is inline (iteration reads every item through here). */
static inline PyObject *
list_get_item_ref(PyListObject *self, Py_ssize_t i)
{
#ifdef Py_GIL_DISABLED
    if (_Py_IsOwnedByCurrentThread((PyObject *)self) &&
        !_PyObject_GC_IS_SHARED((PyObject *)self)) {
        /* Our own list that no other thread has touched: nobody else can
         * be writing it (a foreign writer marks it shared first, and then
         * releases what it replaces through QSBR), so a plain read and
         * incref are enough. */
        if ((size_t)i >= (size_t)_Py_atomic_load_ssize_relaxed(&((PyVarObject *)self)->ob_size)) {
            return NULL;
        }
        PyObject *item = _Py_atomic_load_ptr_relaxed(&self->ob_item[i]);
        if (item != NULL) {
            Py_INCREF(item);
            return item;
        }
    }
    return list_get_item_ref_shared(self, i);
#else
    if ((size_t)i >= (size_t)Py_SIZE(self)) {
        return NULL;
    }
    return Py_NewRef(self->ob_item[i]);
#endif
}

/* Convert an argument to Py_ssize_t the way a `Py_ssize_t` parameter does:
 * __index__, OverflowError when it does not fit. */
static int
ssize_arg(PyObject *arg, Py_ssize_t *out)
{
    PyObject *idx = PyNumber_Index(arg);
    if (idx == NULL) {
        return -1;
    }
    Py_ssize_t v = PyLong_AsSsize_t(idx);
    Py_DECREF(idx);
    if (v == -1 && PyErr_Occurred()) {
        return -1;
    }
    *out = v;
    return 0;
}

/* Slice-style bound (list.index start/stop): None not allowed, clamped. */
static int
slice_bound_arg(PyObject *arg, Py_ssize_t *out)
{
    if (!PyIndex_Check(arg)) {
        PyErr_SetString(PyExc_TypeError,
                        "slice indices must be integers or have an __index__ method");
        return -1;
    }
    Py_ssize_t v = PyNumber_AsSsize_t(arg, NULL);
    if (v == -1 && PyErr_Occurred()) {
        return -1;
    }
    *out = v;
    return 0;
}

/* Release references the list `self` dropped (see pycore_lockfree.h). */
static void
decref_array(PyListObject *self, PyObject **items, Py_ssize_t n)
{
    for (Py_ssize_t i = 0; i < n; i++) {
        _PyObject_ReleaseFrom((PyObject *)self, items[i]);
    }
}

/* ---- the public accessors ---------------------------------------------- */

Py_ssize_t
PyList_Size(PyObject *op)
{
    if (!PyList_Check(op)) {
        PyErr_BadInternalCall();
        return -1;
    }
    return PyList_GET_SIZE(op);
}

PyObject *
PyList_GetItem(PyObject *op, Py_ssize_t i)
{
    if (!PyList_Check(op)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    if (i < 0 || i >= PyList_GET_SIZE(op)) {
        PyErr_SetString(PyExc_IndexError, "list index out of range");
        return NULL;
    }
    return ((PyListObject *)op)->ob_item[i];
}

PyObject *
PyList_GetItemRef(PyObject *op, Py_ssize_t i)
{
    if (!PyList_Check(op)) {
        PyErr_SetString(PyExc_TypeError, "expected a list");
        return NULL;
    }
    PyObject *item = list_get_item_ref((PyListObject *)op, i);
    if (item == NULL) {
        PyErr_SetString(PyExc_IndexError, "list index out of range");
    }
    return item;
}

int
PyList_SetItem(PyObject *op, Py_ssize_t i, PyObject *newitem)
{
    if (!PyList_Check(op)) {
        Py_XDECREF(newitem);
        PyErr_BadInternalCall();
        return -1;
    }
    PyListObject *self = (PyListObject *)op;
    PyObject *old = NULL;
    int ok = 0;
    Py_BEGIN_CRITICAL_SECTION(self);
    if (i >= 0 && i < Py_SIZE(self)) {
        old = self->ob_item[i];
        LIST_STORE_ITEM(self, i, newitem);
        ok = 1;
    }
    Py_END_CRITICAL_SECTION();
    if (!ok) {
        Py_XDECREF(newitem);
        PyErr_SetString(PyExc_IndexError, "list assignment index out of range");
        return -1;
    }
    _PyObject_ReleaseFrom((PyObject *)self, old);
    return 0;
}

static int
ins1_lock_held(PyListObject *self, Py_ssize_t where, PyObject *v)
{
    Py_ssize_t n = Py_SIZE(self);
    if (list_resize(self, n + 1) < 0) {
        return -1;
    }
    if (where < 0) {
        where += n;
        if (where < 0) {
            where = 0;
        }
    }
    if (where > n) {
        where = n;
    }
    PyObject **items = self->ob_item;
    items_move(&items[where + 1], &items[where], n - where);
    LIST_STORE_ITEM(self, where, Py_NewRef(v));
    return 0;
}

int
PyList_Insert(PyObject *op, Py_ssize_t where, PyObject *newitem)
{
    if (!PyList_Check(op) || newitem == NULL) {
        PyErr_BadInternalCall();
        return -1;
    }
    int res;
    Py_BEGIN_CRITICAL_SECTION(op);
    res = ins1_lock_held((PyListObject *)op, where, newitem);
    Py_END_CRITICAL_SECTION();
    return res;
}

/* Append, stealing `newitem`; the lock is held. */
static int
app1_steal_lock_held(PyListObject *self, PyObject *newitem)
{
    Py_ssize_t n = Py_SIZE(self);
    if (self->allocated > n) {
        LIST_STORE_ITEM(self, n, newitem);
        LIST_STORE_SIZE(self, n + 1);
        return 0;
    }
    if (list_resize(self, n + 1) < 0) {
        Py_DECREF(newitem);
        return -1;
    }
    LIST_STORE_ITEM(self, n, newitem);
    return 0;
}

int
_PyList_AppendTakeRef(PyListObject *self, PyObject *newitem)
{
    int res;
    Py_BEGIN_CRITICAL_SECTION(self);
    res = app1_steal_lock_held(self, newitem);
    Py_END_CRITICAL_SECTION();
    return res;
}

int
PyList_Append(PyObject *op, PyObject *newitem)
{
    if (!PyList_Check(op) || newitem == NULL) {
        PyErr_BadInternalCall();
        return -1;
    }
    return _PyList_AppendTakeRef((PyListObject *)op, Py_NewRef(newitem));
}

/* ---- slices ------------------------------------------------------------ */

static PyObject *
list_slice_lock_held(PyListObject *a, Py_ssize_t ilow, Py_ssize_t ihigh)
{
    Py_ssize_t len = ihigh - ilow;
    if (len <= 0) {
        return PyList_New(0);
    }
    PyListObject *np = list_new_prealloc(len);
    if (np == NULL) {
        return NULL;
    }
    PyObject **src = a->ob_item + ilow;
    for (Py_ssize_t i = 0; i < len; i++) {
        np->ob_item[i] = Py_NewRef(src[i]);
    }
    Py_SET_SIZE(np, len);
    return (PyObject *)np;
}

static void
clip_slice(Py_ssize_t size, Py_ssize_t *ilow, Py_ssize_t *ihigh)
{
    if (*ilow < 0) {
        *ilow = 0;
    }
    else if (*ilow > size) {
        *ilow = size;
    }
    if (*ihigh < *ilow) {
        *ihigh = *ilow;
    }
    else if (*ihigh > size) {
        *ihigh = size;
    }
}

PyObject *
PyList_GetSlice(PyObject *a, Py_ssize_t ilow, Py_ssize_t ihigh)
{
    if (!PyList_Check(a)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    PyObject *res;
    Py_BEGIN_CRITICAL_SECTION(a);
    clip_slice(Py_SIZE(a), &ilow, &ihigh);
    res = list_slice_lock_held((PyListObject *)a, ilow, ihigh);
    Py_END_CRITICAL_SECTION();
    return res;
}

/* a[ilow:ihigh] = vitems[0:n] (n == 0 deletes).  The replaced references
 * are moved to *garbage (a PyMem array the caller releases after the lock),
 * *ngarbage set to their count. */
static int
list_ass_slice_lock_held(PyListObject *a, Py_ssize_t ilow, Py_ssize_t ihigh,
                         PyObject *const *vitems, Py_ssize_t n,
                         PyObject ***garbage, Py_ssize_t *ngarbage)
{
    *garbage = NULL;
    *ngarbage = 0;
    Py_ssize_t size = Py_SIZE(a);
    clip_slice(size, &ilow, &ihigh);
    Py_ssize_t norig = ihigh - ilow;
    Py_ssize_t d = n - norig;

    if (norig > 0) {
        PyObject **recycle = items_alloc((size_t)norig);
        if (recycle == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        memcpy(recycle, &a->ob_item[ilow], (size_t)norig * sizeof(PyObject *));
        *garbage = recycle;
    }
    if (size + d == 0) {
        /* Everything goes: drop the array. */
        PyObject **old = a->ob_item;
        LIST_STORE_SIZE(a, 0);
        LIST_STORE_ITEMS(a, NULL);
        a->allocated = 0;
        items_free(old);
        *ngarbage = norig;
        return 0;
    }
    if (d < 0) {
        items_move(&a->ob_item[ihigh + d], &a->ob_item[ihigh], size - ihigh);
        if (list_resize(a, size + d) < 0) {
            /* Shrinking only fails when it reallocates; the items are
             * already moved, so keep the larger array. */
            PyErr_Clear();
            list_shrink_size(a, size + d);
        }
    }
    else if (d > 0) {
        if (list_resize(a, size + d) < 0) {
            PyMem_Free(*garbage);
            *garbage = NULL;
            return -1;
        }
        items_move(&a->ob_item[ihigh + d], &a->ob_item[ihigh], size - ihigh);
    }
    for (Py_ssize_t k = 0; k < n; k++) {
        LIST_STORE_ITEM(a, ilow + k, Py_NewRef(vitems[k]));
    }
    *ngarbage = norig;
    return 0;
}

/* A private snapshot of `v` (a tuple or a fresh list) whose items can be
 * read without locking, or NULL with `errmsg` as TypeError text. */
static PyObject *
sequence_snapshot(PyObject *v, const char *errmsg)
{
    if (PyTuple_CheckExact(v)) {
        return Py_NewRef(v);
    }
    if (PyList_Check(v)) {
        PyObject *copy;
        Py_BEGIN_CRITICAL_SECTION(v);
        copy = list_slice_lock_held((PyListObject *)v, 0, Py_SIZE(v));
        Py_END_CRITICAL_SECTION();
        return copy;
    }
    return PySequence_Fast(v, errmsg);
}

static PyObject **
snapshot_items(PyObject *seq)
{
    return PyTuple_Check(seq) ? &PyTuple_GET_ITEM(seq, 0) : ((PyListObject *)seq)->ob_item;
}

static Py_ssize_t
snapshot_size(PyObject *seq)
{
    return PyTuple_Check(seq) ? PyTuple_GET_SIZE(seq) : Py_SIZE(seq);
}

/* a[ilow:ihigh] = v, with v NULL meaning deletion. */
static int
list_ass_slice(PyListObject *a, Py_ssize_t ilow, Py_ssize_t ihigh, PyObject *v)
{
    PyObject *seq = NULL;
    PyObject *const *vitems = NULL;
    Py_ssize_t n = 0;
    if (v != NULL) {
        seq = sequence_snapshot(v, "can only assign an iterable");
        if (seq == NULL) {
            return -1;
        }
        vitems = snapshot_items(seq);
        n = snapshot_size(seq);
    }
    PyObject **garbage;
    Py_ssize_t ngarbage;
    int res;
    Py_BEGIN_CRITICAL_SECTION(a);
    res = list_ass_slice_lock_held(a, ilow, ihigh, vitems, n, &garbage, &ngarbage);
    Py_END_CRITICAL_SECTION();
    if (garbage != NULL) {
        decref_array(a, garbage, ngarbage);
        PyMem_Free(garbage);
    }
    Py_XDECREF(seq);
    return res;
}

int
PyList_SetSlice(PyObject *a, Py_ssize_t ilow, Py_ssize_t ihigh, PyObject *v)
{
    if (!PyList_Check(a)) {
        PyErr_BadInternalCall();
        return -1;
    }
    return list_ass_slice((PyListObject *)a, ilow, ihigh, v);
}

/* ---- sequence protocol ------------------------------------------------- */

static Py_ssize_t
list_length(PyObject *a)
{
    return PyList_GET_SIZE(a);
}

static int
list_contains(PyObject *op, PyObject *el)
{
    PyListObject *a = (PyListObject *)op;
    for (Py_ssize_t i = 0; ; i++) {
        PyObject *item = list_get_item_ref(a, i);
        if (item == NULL) {
            return 0;
        }
        int cmp = PyObject_RichCompareBool(item, el, Py_EQ);
        Py_DECREF(item);
        if (cmp != 0) {
            return cmp;
        }
    }
}

static PyObject *
list_item(PyObject *op, Py_ssize_t i)
{
    PyObject *item = list_get_item_ref((PyListObject *)op, i);
    if (item == NULL) {
        PyErr_SetString(PyExc_IndexError, "list index out of range");
    }
    return item;
}

static PyObject *
list_concat(PyObject *aa, PyObject *bb)
{
    if (!PyList_Check(bb)) {
        PyErr_Format(PyExc_TypeError,
                     "can only concatenate list (not \"%.200s\") to list",
                     Py_TYPE(bb)->tp_name);
        return NULL;
    }
    PyListObject *a = (PyListObject *)aa, *b = (PyListObject *)bb;
    PyListObject *np = NULL;
    Py_BEGIN_CRITICAL_SECTION2(a, b);
    Py_ssize_t na = Py_SIZE(a), nb = Py_SIZE(b);
    if (na > PY_SSIZE_T_MAX - nb) {
        PyErr_NoMemory();
    }
    else if ((np = list_new_prealloc(na + nb)) != NULL) {
        for (Py_ssize_t i = 0; i < na; i++) {
            np->ob_item[i] = Py_NewRef(a->ob_item[i]);
        }
        for (Py_ssize_t i = 0; i < nb; i++) {
            np->ob_item[na + i] = Py_NewRef(b->ob_item[i]);
        }
        Py_SET_SIZE(np, na + nb);
    }
    Py_END_CRITICAL_SECTION2();
    return (PyObject *)np;
}

static PyObject *
list_repeat(PyObject *op, Py_ssize_t n)
{
    PyListObject *a = (PyListObject *)op;
    PyListObject *np = NULL;
    Py_BEGIN_CRITICAL_SECTION(a);
    Py_ssize_t input = Py_SIZE(a);
    if (n < 0) {
        n = 0;
    }
    if (input == 0 || n == 0) {
        np = (PyListObject *)PyList_New(0);
    }
    else if (input > PY_SSIZE_T_MAX / n) {
        PyErr_NoMemory();
    }
    else if ((np = list_new_prealloc(input * n)) != NULL) {
        PyObject **dst = np->ob_item;
        for (Py_ssize_t r = 0; r < n; r++) {
            for (Py_ssize_t i = 0; i < input; i++) {
                *dst++ = Py_NewRef(a->ob_item[i]);
            }
        }
        Py_SET_SIZE(np, input * n);
    }
    Py_END_CRITICAL_SECTION();
    return (PyObject *)np;
}

static int
list_ass_item(PyObject *op, Py_ssize_t i, PyObject *v)
{
    PyListObject *a = (PyListObject *)op;
    if (v == NULL) {
        /* Deletion: range-check first so the error is an IndexError. */
        int ok;
        PyObject **garbage = NULL;
        Py_ssize_t ngarbage = 0;
        int res = 0;
        Py_BEGIN_CRITICAL_SECTION(a);
        ok = i >= 0 && i < Py_SIZE(a);
        if (ok) {
            res = list_ass_slice_lock_held(a, i, i + 1, NULL, 0, &garbage, &ngarbage);
        }
        Py_END_CRITICAL_SECTION();
        if (!ok) {
            PyErr_SetString(PyExc_IndexError, "list assignment index out of range");
            return -1;
        }
        if (garbage != NULL) {
            decref_array(a, garbage, ngarbage);
            PyMem_Free(garbage);
        }
        return res;
    }
    PyObject *old = NULL;
#ifdef Py_GIL_DISABLED
    /* The only thread state: a sole step is cheaper than even an elided
     * critical section, and the swap needs no more. */
    PyThreadState *ts = _PyThreadState_GET();
    if (ts != NULL && _PyCriticalSection_BeginSoleStep(ts)) {
        if (i >= 0 && i < Py_SIZE(a)) {
            old = a->ob_item[i];
            LIST_STORE_ITEM(a, i, Py_NewRef(v));
        }
        _PyCriticalSection_EndSoleStep(ts);
    }
    else
#endif
    {
        Py_BEGIN_CRITICAL_SECTION(a);
        if (i >= 0 && i < Py_SIZE(a)) {
            old = a->ob_item[i];
            LIST_STORE_ITEM(a, i, Py_NewRef(v));
        }
        Py_END_CRITICAL_SECTION();
    }
    if (old == NULL) {
        PyErr_SetString(PyExc_IndexError, "list assignment index out of range");
        return -1;
    }
    _PyObject_ReleaseFrom((PyObject *)a, old);
    return 0;
}

int
_PyList_StoreIndex(PyObject *list, Py_ssize_t i, PyObject *v)
{
    /* The eval loop's list[int] = v: skips PyObject_SetItem's index
     * conversion (PyNumber_AsSsize_t and friends, about 100 instructions). */
    if (i < 0) {
        i += PyList_GET_SIZE(list);
    }
    return list_ass_item(list, i, v);
}

/* ---- extend ------------------------------------------------------------ */

/* Append n references (new ones are taken) from a private array. */
static int
list_extend_array_lock_held(PyListObject *self, PyObject *const *src, Py_ssize_t n)
{
    if (n == 0) {
        return 0;
    }
    Py_ssize_t m = Py_SIZE(self);
    if (m > PY_SSIZE_T_MAX - n) {
        PyErr_NoMemory();
        return -1;
    }
    if (self->ob_item == NULL) {
        if (list_preallocate_exact(self, n) < 0) {
            return -1;
        }
        LIST_STORE_SIZE(self, n);
    }
    else if (list_resize(self, m + n) < 0) {
        return -1;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        LIST_STORE_ITEM(self, m + i, Py_NewRef(src[i]));
    }
    return 0;
}

static int
list_extend_iter(PyListObject *self, PyObject *iterable)
{
    PyObject *it = PyObject_GetIter(iterable);
    if (it == NULL) {
        return -1;
    }
    /* Room for the expected number of items up front (the allocation
     * CPython makes, so sizes match), trimmed again at the end. */
    Py_ssize_t hint = PyObject_LengthHint(iterable, 8);
    if (hint < 0) {
        Py_DECREF(it);
        return -1;
    }
    int err = 0;
    Py_BEGIN_CRITICAL_SECTION(self);
    Py_ssize_t m = Py_SIZE(self);
    if (hint > 0 && m <= PY_SSIZE_T_MAX - hint) {
        if (self->ob_item == NULL) {
            err = list_preallocate_exact(self, hint);
        }
        else if (m + hint > self->allocated) {
            err = list_resize(self, m + hint);
            LIST_STORE_SIZE(self, m);
        }
    }
    Py_END_CRITICAL_SECTION();
    if (err < 0) {
        Py_DECREF(it);
        return -1;
    }
    iternextfunc iternext = Py_TYPE(it)->tp_iternext;
    for (;;) {
        PyObject *item = iternext(it);
        if (item == NULL) {
            if (PyErr_Occurred()) {
                if (!PyErr_ExceptionMatches(PyExc_StopIteration)) {
                    Py_DECREF(it);
                    return -1;
                }
                PyErr_Clear();
            }
            break;
        }
        if (_PyList_AppendTakeRef(self, item) < 0) {
            Py_DECREF(it);
            return -1;
        }
    }
    Py_DECREF(it);
    /* Give back a preallocation the iterator did not fill (when it is
     * more than half unused). */
    Py_BEGIN_CRITICAL_SECTION(self);
    if (Py_SIZE(self) < self->allocated && list_resize(self, Py_SIZE(self)) < 0) {
        PyErr_Clear();
    }
    Py_END_CRITICAL_SECTION();
    return 0;
}

static int
list_extend(PyListObject *self, PyObject *iterable)
{
    if (PyList_CheckExact(iterable) || PyTuple_CheckExact(iterable) ||
        (PyObject *)self == iterable) {
        int res;
        if (PyTuple_CheckExact(iterable)) {
            Py_BEGIN_CRITICAL_SECTION(self);
            res = list_extend_array_lock_held(self, &PyTuple_GET_ITEM(iterable, 0),
                                              PyTuple_GET_SIZE(iterable));
            Py_END_CRITICAL_SECTION();
        }
        else if ((PyObject *)self == iterable) {
            Py_BEGIN_CRITICAL_SECTION(self);
            /* Read the items after the resize: the array may move. */
            Py_ssize_t n = Py_SIZE(self);
            res = 0;
            if (n > 0 && (res = list_resize(self, 2 * n)) == 0) {
                for (Py_ssize_t i = 0; i < n; i++) {
                    LIST_STORE_ITEM(self, n + i, Py_NewRef(self->ob_item[i]));
                }
            }
            Py_END_CRITICAL_SECTION();
        }
        else {
            Py_BEGIN_CRITICAL_SECTION2(self, iterable);
            res = list_extend_array_lock_held(self, ((PyListObject *)iterable)->ob_item,
                                              Py_SIZE(iterable));
            Py_END_CRITICAL_SECTION2();
        }
        return res;
    }
    /* Dicts, dict views and sets are copied in one critical section on
     * the source, then appended: the extend is atomic as under a GIL. */
    PyObject *snap = _PyDict_SnapshotList(iterable);
    if (snap == NULL && !PyErr_Occurred()) {
        snap = _PySet_SnapshotList(iterable);
    }
    if (snap != NULL) {
        int res;
        Py_BEGIN_CRITICAL_SECTION(self);
        res = list_extend_array_lock_held(self, ((PyListObject *)snap)->ob_item,
                                          Py_SIZE(snap));
        Py_END_CRITICAL_SECTION();
        Py_DECREF(snap);
        return res;
    }
    if (PyErr_Occurred()) {
        return -1;
    }
    return list_extend_iter(self, iterable);
}

PyObject *
_PyList_Extend(PyListObject *self, PyObject *iterable)
{
    if (list_extend(self, iterable) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

int
PyList_Extend(PyObject *self, PyObject *iterable)
{
    if (!PyList_Check(self)) {
        PyErr_BadInternalCall();
        return -1;
    }
    return list_extend((PyListObject *)self, iterable);
}

int
PyList_Clear(PyObject *self)
{
    if (!PyList_Check(self)) {
        PyErr_BadInternalCall();
        return -1;
    }
    return list_tp_clear(self);
}

static PyObject *
list_inplace_concat(PyObject *self, PyObject *other)
{
    if (list_extend((PyListObject *)self, other) < 0) {
        return NULL;
    }
    return Py_NewRef(self);
}

static PyObject *
list_inplace_repeat(PyObject *op, Py_ssize_t n)
{
    PyListObject *self = (PyListObject *)op;
    int err = 0;
    PyObject **garbage = NULL;
    Py_ssize_t ngarbage = 0;
    Py_BEGIN_CRITICAL_SECTION(self);
    Py_ssize_t input = Py_SIZE(self);
    if (n < 1 || input == 0) {
        garbage = self->ob_item;
        ngarbage = input;
        LIST_STORE_SIZE(self, 0);
        LIST_STORE_ITEMS(self, NULL);
        self->allocated = 0;
    }
    else if (n > 1) {
        if (input > PY_SSIZE_T_MAX / n) {
            PyErr_NoMemory();
            err = -1;
        }
        else if (list_resize(self, input * n) < 0) {
            err = -1;
        }
        else {
            PyObject **items = self->ob_item;
            for (Py_ssize_t r = 1; r < n; r++) {
                for (Py_ssize_t i = 0; i < input; i++) {
                    LIST_STORE_ITEM(self, r * input + i, Py_NewRef(items[i]));
                }
            }
        }
    }
    Py_END_CRITICAL_SECTION();
    if (garbage != NULL) {
        decref_array(self, garbage, ngarbage);
        items_free(garbage);
    }
    if (err) {
        return NULL;
    }
    return Py_NewRef(op);
}

/* ---- mapping protocol (subscripts) ------------------------------------- */

static PyObject *
list_subscript(PyObject *op, PyObject *item)
{
    PyListObject *self = (PyListObject *)op;
    if (PyIndex_Check(item)) {
        Py_ssize_t i = PyNumber_AsSsize_t(item, PyExc_IndexError);
        if (i == -1 && PyErr_Occurred()) {
            return NULL;
        }
        if (i < 0) {
            i += PyList_GET_SIZE(self);
        }
        return list_item(op, i);
    }
    if (PySlice_Check(item)) {
        Py_ssize_t start, stop, step;
        if (PySlice_Unpack(item, &start, &stop, &step) < 0) {
            return NULL;
        }
        PyObject *res = NULL;
        Py_BEGIN_CRITICAL_SECTION(self);
        Py_ssize_t slicelength = PySlice_AdjustIndices(Py_SIZE(self), &start, &stop, step);
        if (step == 1) {
            res = list_slice_lock_held(self, start, stop);
        }
        else if (slicelength <= 0) {
            res = PyList_New(0);
        }
        else {
            PyListObject *np = list_new_prealloc(slicelength);
            if (np != NULL) {
                Py_ssize_t cur = start;
                for (Py_ssize_t i = 0; i < slicelength; i++, cur += step) {
                    np->ob_item[i] = Py_NewRef(self->ob_item[cur]);
                }
                Py_SET_SIZE(np, slicelength);
            }
            res = (PyObject *)np;
        }
        Py_END_CRITICAL_SECTION();
        return res;
    }
    PyErr_Format(PyExc_TypeError, "list indices must be integers or slices, not %.200s",
                 Py_TYPE(item)->tp_name);
    return NULL;
}

/* del a[start:stop:step] for step != 1, slicelength > 0. */
static int
list_delete_extended_lock_held(PyListObject *self, Py_ssize_t start, Py_ssize_t step,
                               Py_ssize_t slicelength, PyObject ***garbage)
{
    if (step < 0) {
        /* Walk forwards instead: same items. */
        start = start + step * (slicelength - 1);
        step = -step;
    }
    PyObject **gb = items_alloc((size_t)slicelength);
    if (gb == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    PyObject **items = self->ob_item;
    Py_ssize_t size = Py_SIZE(self);
    Py_ssize_t dst = start;
    Py_ssize_t cur = start;
    for (Py_ssize_t i = 0; i < slicelength; i++, cur += step) {
        gb[i] = items[cur];
        Py_ssize_t lim = Py_MIN(cur + step, size);
        for (Py_ssize_t j = cur + 1; j < lim; j++) {
            LIST_STORE_ITEM(self, dst++, items[j]);
        }
    }
    for (Py_ssize_t j = start + slicelength * step; j < size; j++) {
        LIST_STORE_ITEM(self, dst++, items[j]);
    }
    /* Leftover slots past the new end are not read again. */
    if (list_resize(self, size - slicelength) < 0) {
        PyErr_Clear();
        list_shrink_size(self, size - slicelength);
    }
    *garbage = gb;
    return 0;
}

static int
list_ass_subscript(PyObject *op, PyObject *item, PyObject *value)
{
    PyListObject *self = (PyListObject *)op;
    if (PyIndex_Check(item)) {
        Py_ssize_t i = PyNumber_AsSsize_t(item, PyExc_IndexError);
        if (i == -1 && PyErr_Occurred()) {
            return -1;
        }
        if (i < 0) {
            i += PyList_GET_SIZE(self);
        }
        return list_ass_item(op, i, value);
    }
    if (!PySlice_Check(item)) {
        PyErr_Format(PyExc_TypeError, "list indices must be integers or slices, not %.200s",
                     Py_TYPE(item)->tp_name);
        return -1;
    }
    Py_ssize_t start, stop, step;
    if (PySlice_Unpack(item, &start, &stop, &step) < 0) {
        return -1;
    }
    if (step == 1) {
        /* a[i:j] = v, exactly like a plain slice (may resize). */
        Py_ssize_t len = PyList_GET_SIZE(self);
        PySlice_AdjustIndices(len, &start, &stop, step);
        if (stop < start) {
            stop = start;
        }
        return list_ass_slice(self, start, stop, value);
    }

    PyObject *seq = NULL;
    if (value != NULL) {
        seq = sequence_snapshot(value, "must assign iterable to extended slice");
        if (seq == NULL) {
            return -1;
        }
    }
    PyObject **garbage = NULL;
    Py_ssize_t ngarbage = 0;
    int res = 0;
    Py_BEGIN_CRITICAL_SECTION(self);
    Py_ssize_t slicelength = PySlice_AdjustIndices(Py_SIZE(self), &start, &stop, step);
    if (seq == NULL) {
        if (slicelength > 0) {
            res = list_delete_extended_lock_held(self, start, step, slicelength, &garbage);
            ngarbage = res == 0 ? slicelength : 0;
        }
    }
    else if (snapshot_size(seq) != slicelength) {
        PyErr_Format(PyExc_ValueError,
                     "attempt to assign sequence of size %zd to extended slice of size %zd",
                     snapshot_size(seq), slicelength);
        res = -1;
    }
    else if (slicelength > 0) {
        garbage = items_alloc((size_t)slicelength);
        if (garbage == NULL) {
            PyErr_NoMemory();
            res = -1;
        }
        else {
            PyObject **src = snapshot_items(seq);
            Py_ssize_t cur = start;
            for (Py_ssize_t i = 0; i < slicelength; i++, cur += step) {
                garbage[i] = self->ob_item[cur];
                LIST_STORE_ITEM(self, cur, Py_NewRef(src[i]));
            }
            ngarbage = slicelength;
        }
    }
    Py_END_CRITICAL_SECTION();
    if (garbage != NULL) {
        decref_array(self, garbage, ngarbage);
        PyMem_Free(garbage);
    }
    Py_XDECREF(seq);
    return res;
}

/* ---- repr and comparison ----------------------------------------------- */

static PyObject *
list_repr(PyObject *op)
{
    PyListObject *v = (PyListObject *)op;
    if (PyList_GET_SIZE(v) == 0) {
        return PyUnicode_FromString("[]");
    }
    int rc = Py_ReprEnter(op);
    if (rc != 0) {
        return rc > 0 ? PyUnicode_FromString("[...]") : NULL;
    }
    PyObject *result = NULL;
    PyObject *pieces = PyList_New(0);
    if (pieces == NULL) {
        goto done;
    }
    /* The list may change while items are repr'd: re-read it each step. */
    for (Py_ssize_t i = 0; ; i++) {
        PyObject *item = list_get_item_ref(v, i);
        if (item == NULL) {
            break;
        }
        PyObject *s = PyObject_Repr(item);
        Py_DECREF(item);
        if (s == NULL || _PyList_AppendTakeRef((PyListObject *)pieces, s) < 0) {
            goto done;
        }
    }
    PyObject *sep = PyUnicode_FromString(", ");
    if (sep == NULL) {
        goto done;
    }
    PyObject *body = PyUnicode_Join(sep, pieces);
    Py_DECREF(sep);
    if (body == NULL) {
        goto done;
    }
    result = PyUnicode_FromFormat("[%U]", body);
    Py_DECREF(body);
done:
    Py_XDECREF(pieces);
    Py_ReprLeave(op);
    return result;
}

static PyObject *
list_richcompare(PyObject *v, PyObject *w, int op)
{
    if (!PyList_Check(v) || !PyList_Check(w)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    PyListObject *vl = (PyListObject *)v, *wl = (PyListObject *)w;
    if (PyList_GET_SIZE(vl) != PyList_GET_SIZE(wl) && (op == Py_EQ || op == Py_NE)) {
        /* Different lengths: cannot be equal. */
        if (op == Py_EQ) {
            Py_RETURN_FALSE;
        }
        Py_RETURN_TRUE;
    }
    /* Find the first index where the items differ.  Item comparisons may
     * run code that mutates either list, so each step re-reads both. */
    Py_ssize_t i;
    PyObject *vi = NULL, *wi = NULL;
    for (i = 0; ; i++) {
        vi = list_get_item_ref(vl, i);
        wi = list_get_item_ref(wl, i);
        if (vi == NULL || wi == NULL) {
            break;
        }
        if (vi == wi) {
            Py_DECREF(vi);
            Py_DECREF(wi);
            continue;
        }
        int k = PyObject_RichCompareBool(vi, wi, Py_EQ);
        if (k < 0) {
            Py_DECREF(vi);
            Py_DECREF(wi);
            return NULL;
        }
        if (!k) {
            break;
        }
        Py_DECREF(vi);
        Py_DECREF(wi);
    }
    if (vi == NULL || wi == NULL) {
        /* No more items to compare: compare the sizes. */
        Py_XDECREF(vi);
        Py_XDECREF(wi);
        Py_ssize_t vs = PyList_GET_SIZE(vl), ws = PyList_GET_SIZE(wl);
        int r;
        switch (op) {
        case Py_LT: r = vs < ws; break;
        case Py_LE: r = vs <= ws; break;
        case Py_EQ: r = vs == ws; break;
        case Py_NE: r = vs != ws; break;
        case Py_GT: r = vs > ws; break;
        default:    r = vs >= ws; break;
        }
        return Py_NewRef(r ? Py_True : Py_False);
    }
    PyObject *res;
    if (op == Py_EQ) {
        res = Py_NewRef(Py_False);
    }
    else if (op == Py_NE) {
        res = Py_NewRef(Py_True);
    }
    else {
        res = PyObject_RichCompare(vi, wi, op);
    }
    Py_DECREF(vi);
    Py_DECREF(wi);
    return res;
}

/* ---- methods ----------------------------------------------------------- */

static PyObject *
list_append(PyObject *self, PyObject *object)
{
    if (_PyList_AppendTakeRef((PyListObject *)self, Py_NewRef(object)) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
list_insert(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2) {
        PyErr_Format(PyExc_TypeError, "insert expected 2 arguments, got %zd", nargs);
        return NULL;
    }
    Py_ssize_t where;
    if (ssize_arg(args[0], &where) < 0) {
        return NULL;
    }
    if (PyList_Insert(self, where, args[1]) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
list_extend_meth(PyObject *self, PyObject *iterable)
{
    return _PyList_Extend((PyListObject *)self, iterable);
}

static PyObject *
list_pop(PyObject *op, PyObject *const *args, Py_ssize_t nargs)
{
    PyListObject *self = (PyListObject *)op;
    Py_ssize_t index = -1;
    if (nargs > 1) {
        PyErr_Format(PyExc_TypeError, "pop expected at most 1 argument, got %zd", nargs);
        return NULL;
    }
    if (nargs == 1 && ssize_arg(args[0], &index) < 0) {
        return NULL;
    }
    PyObject *v = NULL;
    const char *err = NULL;
    Py_BEGIN_CRITICAL_SECTION(self);
    Py_ssize_t size = Py_SIZE(self);
    if (size == 0) {
        err = "pop from empty list";
    }
    else {
        if (index < 0) {
            index += size;
        }
        if (index < 0 || index >= size) {
            err = "pop index out of range";
        }
        else {
            PyObject **items = self->ob_item;
            v = items[index];
            items_move(&items[index], &items[index + 1], size - index - 1);
            if (list_resize(self, size - 1) < 0) {
                PyErr_Clear();
                list_shrink_size(self, size - 1);
            }
        }
    }
    Py_END_CRITICAL_SECTION();
    if (err != NULL) {
        PyErr_SetString(PyExc_IndexError, err);
        return NULL;
    }
    return _PyObject_HandOutFrom((PyObject *)self, v);
}

static PyObject *
list_remove(PyObject *op, PyObject *value)
{
    /* Search and removal in one critical section, as one step under a GIL:
     * a lock-free search could miss the item when another thread's removal
     * shifts it past the cursor.  A comparison that blocks suspends the
     * section (see critical_section.c), so __eq__ may do anything. */
    PyListObject *self = (PyListObject *)op;
    PyObject **garbage = NULL;
    Py_ssize_t ngarbage = 0;
    int res = -1, found = 0;
    Py_BEGIN_CRITICAL_SECTION(self);
    for (Py_ssize_t i = 0; i < Py_SIZE(self); i++) {
        PyObject *item = Py_NewRef(self->ob_item[i]);
        int cmp = PyObject_RichCompareBool(item, value, Py_EQ);
        Py_DECREF(item);
        if (cmp < 0) {
            break;
        }
        /* The comparison may have changed the list: remove only if the
         * item is still where it was found. */
        if (cmp > 0 && i < Py_SIZE(self) && self->ob_item[i] == item) {
            found = 1;
            res = list_ass_slice_lock_held(self, i, i + 1, NULL, 0, &garbage, &ngarbage);
            break;
        }
    }
    Py_END_CRITICAL_SECTION();
    if (garbage != NULL) {
        decref_array(self, garbage, ngarbage);
        PyMem_Free(garbage);
    }
    if (found) {
        if (res < 0) {
            return NULL;
        }
        Py_RETURN_NONE;
    }
    if (PyErr_Occurred()) {
        return NULL;
    }
    PyErr_SetString(PyExc_ValueError, "list.remove(x): x not in list");
    return NULL;
}

static PyObject *
list_index(PyObject *op, PyObject *const *args, Py_ssize_t nargs)
{
    PyListObject *self = (PyListObject *)op;
    if (nargs < 1) {
        PyErr_Format(PyExc_TypeError, "index expected at least 1 argument, got %zd", nargs);
        return NULL;
    }
    if (nargs > 3) {
        PyErr_Format(PyExc_TypeError, "index expected at most 3 arguments, got %zd", nargs);
        return NULL;
    }
    PyObject *value = args[0];
    Py_ssize_t start = 0, stop = PY_SSIZE_T_MAX;
    if (nargs >= 2 && slice_bound_arg(args[1], &start) < 0) {
        return NULL;
    }
    if (nargs >= 3 && slice_bound_arg(args[2], &stop) < 0) {
        return NULL;
    }
    if (start < 0) {
        start += PyList_GET_SIZE(self);
        if (start < 0) {
            start = 0;
        }
    }
    if (stop < 0) {
        stop += PyList_GET_SIZE(self);
    }
    for (Py_ssize_t i = start; i < stop; i++) {
        PyObject *item = list_get_item_ref(self, i);
        if (item == NULL) {
            break;
        }
        int cmp = PyObject_RichCompareBool(item, value, Py_EQ);
        Py_DECREF(item);
        if (cmp > 0) {
            return PyLong_FromSsize_t(i);
        }
        if (cmp < 0) {
            return NULL;
        }
    }
    PyErr_Format(PyExc_ValueError, "%R is not in list", value);
    return NULL;
}

static PyObject *
list_count(PyObject *op, PyObject *value)
{
    PyListObject *self = (PyListObject *)op;
    Py_ssize_t count = 0;
    for (Py_ssize_t i = 0; ; i++) {
        PyObject *item = list_get_item_ref(self, i);
        if (item == NULL) {
            break;
        }
        if (item == value) {
            count++;
            Py_DECREF(item);
            continue;
        }
        int cmp = PyObject_RichCompareBool(item, value, Py_EQ);
        Py_DECREF(item);
        if (cmp > 0) {
            count++;
        }
        else if (cmp < 0) {
            return NULL;
        }
    }
    return PyLong_FromSsize_t(count);
}

static PyObject *
list_clear_meth(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    list_tp_clear(self);
    Py_RETURN_NONE;
}

static PyObject *
list_copy(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return PyList_GetSlice(self, 0, PY_SSIZE_T_MAX);
}

static void
reverse_slice(PyObject **lo, PyObject **hi)
{
    --hi;
    while (lo < hi) {
        PyObject *t = *lo;
        *lo = *hi;
        *hi = t;
        ++lo;
        --hi;
    }
}

static void
list_reverse_lock_held(PyListObject *self)
{
    Py_ssize_t n = Py_SIZE(self);
    for (Py_ssize_t i = 0, j = n - 1; i < j; i++, j--) {
        PyObject *t = self->ob_item[i];
        LIST_STORE_ITEM(self, i, self->ob_item[j]);
        LIST_STORE_ITEM(self, j, t);
    }
}

static PyObject *
list_reverse(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    Py_BEGIN_CRITICAL_SECTION(self);
    list_reverse_lock_held((PyListObject *)self);
    Py_END_CRITICAL_SECTION();
    Py_RETURN_NONE;
}

int
PyList_Reverse(PyObject *v)
{
    if (v == NULL || !PyList_Check(v)) {
        PyErr_BadInternalCall();
        return -1;
    }
    PyObject *r = list_reverse(v, NULL);
    Py_DECREF(r);
    return 0;
}

PyObject *
PyList_AsTuple(PyObject *v)
{
    if (v == NULL || !PyList_Check(v)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    PyObject *t;
    Py_BEGIN_CRITICAL_SECTION(v);
    Py_ssize_t n = Py_SIZE(v);
    t = PyTuple_New(n);
    if (t != NULL) {
        for (Py_ssize_t i = 0; i < n; i++) {
            PyTuple_SET_ITEM(t, i, Py_NewRef(((PyListObject *)v)->ob_item[i]));
        }
    }
    Py_END_CRITICAL_SECTION();
    return t;
}

/* ---- sort ---------------------------------------------------------------
 * A stable natural merge sort.  Runs are the maximal non-descending or
 * strictly descending stretches (the latter reversed in place, which keeps
 * stability since no two of their items are equal); runs shorter than
 * MINRUN are extended with binary insertion sort.  Neighbouring runs are
 * then merged pairwise, level by level, through a scratch buffer, skipping
 * a merge when the two runs are already in order.  Only "<" is used.
 *
 * keys[] are what is compared; values[] (NULL when there is no key
 * function) are permuted alongside.  A comparison error stops the sort
 * with every item still present exactly once. */

#define MINRUN 32

typedef struct {
    PyObject **keys;
    PyObject **values;          /* NULL: the keys are the values */
    PyObject **tmpkeys;
    PyObject **tmpvalues;
    /* Comparison: 1 if a < b, 0 if not, -1 on error. */
    int (*lt)(PyObject *a, PyObject *b, richcmpfunc same_type_cmp);
    richcmpfunc same_type_cmp;  /* the keys' shared tp_richcompare, or NULL */
} sortstate;

static int
lt_generic(PyObject *a, PyObject *b, richcmpfunc unused)
{
    return PyObject_RichCompareBool(a, b, Py_LT);
}

/* All keys share one type: call its tp_richcompare directly, falling back
 * to the full protocol when it declines. */
static int
lt_same_type(PyObject *a, PyObject *b, richcmpfunc cmp)
{
    PyObject *res = cmp(a, b, Py_LT);
    if (res == Py_NotImplemented) {
        Py_DECREF(res);
        return PyObject_RichCompareBool(a, b, Py_LT);
    }
    if (res == NULL) {
        return -1;
    }
    int r;
    if (res == Py_True) {
        r = 1;
    }
    else if (res == Py_False) {
        r = 0;
    }
    else {
        r = PyObject_IsTrue(res);
    }
    Py_DECREF(res);
    return r;
}

#define LT(ss, a, b) ((ss)->lt((a), (b), (ss)->same_type_cmp))

static inline void
sort_swap(sortstate *ss, Py_ssize_t i, Py_ssize_t j)
{
    PyObject *t = ss->keys[i];
    ss->keys[i] = ss->keys[j];
    ss->keys[j] = t;
    if (ss->values != NULL) {
        t = ss->values[i];
        ss->values[i] = ss->values[j];
        ss->values[j] = t;
    }
}

/* Sort [lo, hi) given that [lo, start) is already sorted. */
static int
binary_insertion(sortstate *ss, Py_ssize_t lo, Py_ssize_t hi, Py_ssize_t start)
{
    for (; start < hi; start++) {
        PyObject *pivot = ss->keys[start];
        Py_ssize_t l = lo, r = start;
        /* Find the first slot whose item is > pivot (after equals: stable). */
        while (l < r) {
            Py_ssize_t m = l + ((r - l) >> 1);
            int k = LT(ss, pivot, ss->keys[m]);
            if (k < 0) {
                return -1;
            }
            if (k) {
                r = m;
            }
            else {
                l = m + 1;
            }
        }
        if (l < start) {
            memmove(&ss->keys[l + 1], &ss->keys[l], (size_t)(start - l) * sizeof(PyObject *));
            ss->keys[l] = pivot;
            if (ss->values != NULL) {
                PyObject *pv = ss->values[start];
                memmove(&ss->values[l + 1], &ss->values[l],
                        (size_t)(start - l) * sizeof(PyObject *));
                ss->values[l] = pv;
            }
        }
    }
    return 0;
}

/* Length of the run starting at lo (at most hi - lo); a strictly descending
 * run is reversed in place.  -1 on error. */
static Py_ssize_t
count_run(sortstate *ss, Py_ssize_t lo, Py_ssize_t hi)
{
    if (hi - lo <= 1) {
        return hi - lo;
    }
    Py_ssize_t n = 2;
    int k = LT(ss, ss->keys[lo + 1], ss->keys[lo]);
    if (k < 0) {
        return -1;
    }
    if (k) {
        /* Strictly descending. */
        for (; lo + n < hi; n++) {
            k = LT(ss, ss->keys[lo + n], ss->keys[lo + n - 1]);
            if (k < 0) {
                return -1;
            }
            if (!k) {
                break;
            }
        }
        reverse_slice(&ss->keys[lo], &ss->keys[lo + n]);
        if (ss->values != NULL) {
            reverse_slice(&ss->values[lo], &ss->values[lo + n]);
        }
    }
    else {
        for (; lo + n < hi; n++) {
            k = LT(ss, ss->keys[lo + n], ss->keys[lo + n - 1]);
            if (k < 0) {
                return -1;
            }
            if (k) {
                break;
            }
        }
    }
    return n;
}

/* Merge the sorted runs [lo, mid) and [mid, hi).  The left run is copied
 * out; on error it is copied back behind what has been merged so far, so no
 * item is lost or duplicated. */
static int
merge_runs(sortstate *ss, Py_ssize_t lo, Py_ssize_t mid, Py_ssize_t hi)
{
    PyObject **keys = ss->keys, **values = ss->values;
    int k = LT(ss, keys[mid], keys[mid - 1]);
    if (k <= 0) {
        return k;  /* already in order (or an error) */
    }
    Py_ssize_t na = mid - lo;
    memcpy(ss->tmpkeys, &keys[lo], (size_t)na * sizeof(PyObject *));
    if (values != NULL) {
        memcpy(ss->tmpvalues, &values[lo], (size_t)na * sizeof(PyObject *));
    }
    Py_ssize_t i = 0, j = mid, d = lo;
    int result = 0;
    while (i < na && j < hi) {
        k = LT(ss, keys[j], ss->tmpkeys[i]);
        if (k < 0) {
            result = -1;
            break;
        }
        if (k) {
            keys[d] = keys[j];
            if (values != NULL) {
                values[d] = values[j];
            }
            j++;
        }
        else {
            keys[d] = ss->tmpkeys[i];
            if (values != NULL) {
                values[d] = ss->tmpvalues[i];
            }
            i++;
        }
        d++;
    }
    /* What remains of the left run goes right after the merged part; what
     * remains of the right run is already in place behind it. */
    memcpy(&keys[d], &ss->tmpkeys[i], (size_t)(na - i) * sizeof(PyObject *));
    if (values != NULL) {
        memcpy(&values[d], &ss->tmpvalues[i], (size_t)(na - i) * sizeof(PyObject *));
    }
    return result;
}

static int
merge_sort(sortstate *ss, Py_ssize_t n)
{
    if (n < 2) {
        return 0;
    }
    /* Run boundaries: bounds[0] = 0 < bounds[1] < ... < bounds[nruns] = n. */
    Py_ssize_t cap = n / MINRUN + 2;
    Py_ssize_t *bounds = PyMem_Malloc((size_t)cap * sizeof(Py_ssize_t));
    if (bounds == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    int result = -1;
    Py_ssize_t nruns = 0;
    bounds[0] = 0;
    for (Py_ssize_t lo = 0; lo < n; ) {
        Py_ssize_t len = count_run(ss, lo, n);
        if (len < 0) {
            goto done;
        }
        if (len < MINRUN) {
            Py_ssize_t force = Py_MIN(MINRUN, n - lo);
            if (binary_insertion(ss, lo, lo + force, lo + len) < 0) {
                goto done;
            }
            len = force;
        }
        lo += len;
        if (nruns + 1 >= cap) {
            /* Cannot happen (runs are >= MINRUN but the last), but be safe. */
            Py_ssize_t *nb = PyMem_Realloc(bounds, (size_t)cap * 2 * sizeof(Py_ssize_t));
            if (nb == NULL) {
                PyErr_NoMemory();
                goto done;
            }
            bounds = nb;
            cap *= 2;
        }
        bounds[++nruns] = lo;
    }
    while (nruns > 1) {
        Py_ssize_t out = 0;
        Py_ssize_t r;
        for (r = 0; r + 1 < nruns; r += 2) {
            if (merge_runs(ss, bounds[r], bounds[r + 1], bounds[r + 2]) < 0) {
                goto done;
            }
            bounds[++out] = bounds[r + 2];
        }
        if (r < nruns) {
            bounds[++out] = bounds[nruns];
        }
        nruns = out;
    }
    result = 0;
done:
    PyMem_Free(bounds);
    return result;
}

/* Sort self in place; keyfunc may be NULL or None.  The list is emptied
 * while sorting so that code run by comparisons sees (and can detect
 * changes to) an empty list. */
static int
list_sort_impl(PyListObject *self, PyObject *keyfunc, int reverse)
{
    if (keyfunc == Py_None) {
        keyfunc = NULL;
    }
    int result = -1;
    PyObject **keys = NULL;
    PyObject **tmp = NULL;
    PyObject **garbage = NULL;
    Py_ssize_t ngarbage = 0;
    Py_ssize_t nkeys = 0;

    Py_BEGIN_CRITICAL_SECTION(self);
    Py_ssize_t saved_n = Py_SIZE(self);
    PyObject **saved_items = self->ob_item;
    Py_ssize_t saved_allocated = self->allocated;
    LIST_STORE_SIZE(self, 0);
    LIST_STORE_ITEMS(self, NULL);
    self->allocated = -1;  /* "being sorted": any change overwrites it */
#ifdef Py_GIL_DISABLED
    /* Lock-free readers of a shared list may still be reading the array:
     * sort a private copy (the old array goes through QSBR).  Without
     * memory for the copy, sort in place: readers then see items move,
     * never dead ones. */
    if (saved_items != NULL && _PyObject_GC_IS_SHARED((PyObject *)self)) {
        PyObject **copy = items_alloc((size_t)saved_allocated);
        if (copy != NULL) {
            memcpy(copy, saved_items, (size_t)saved_n * sizeof(PyObject *));
            memset(copy + saved_n, 0, (size_t)(saved_allocated - saved_n) * sizeof(PyObject *));
            items_free(saved_items);
            saved_items = copy;
        }
    }
#endif

    sortstate ss;
    ss.values = NULL;
    if (keyfunc == NULL) {
        ss.keys = saved_items;
    }
    else {
        keys = items_alloc((size_t)saved_n);
        if (keys == NULL) {
            PyErr_NoMemory();
            goto restore;
        }
        for (nkeys = 0; nkeys < saved_n; nkeys++) {
            keys[nkeys] = PyObject_CallOneArg(keyfunc, saved_items[nkeys]);
            if (keys[nkeys] == NULL) {
                goto restore;
            }
        }
        ss.keys = keys;
        ss.values = saved_items;
    }

    /* Same-type keys: compare through the type's slot directly. */
    ss.lt = lt_generic;
    ss.same_type_cmp = NULL;
    if (saved_n > 1) {
        PyTypeObject *t = Py_TYPE(ss.keys[0]);
        Py_ssize_t i;
        for (i = 1; i < saved_n && Py_IS_TYPE(ss.keys[i], t); i++) {
        }
        if (i == saved_n && t->tp_richcompare != NULL) {
            ss.lt = lt_same_type;
            ss.same_type_cmp = t->tp_richcompare;
        }
    }

    /* Bottom-up merging may copy out a left run of up to n - 1 items. */
    tmp = items_alloc((size_t)(saved_n + 1) * 2);
    if (tmp == NULL) {
        PyErr_NoMemory();
        goto restore;
    }
    ss.tmpkeys = tmp;
    ss.tmpvalues = tmp + saved_n + 1;

    /* reverse=True: reverse, sort stably, reverse back, so equal items keep
     * their original order. */
    if (reverse && saved_n > 1) {
        reverse_slice(ss.keys, ss.keys + saved_n);
        if (ss.values != NULL) {
            reverse_slice(ss.values, ss.values + saved_n);
        }
    }
    if (merge_sort(&ss, saved_n) == 0) {
        result = 0;
    }
    if (reverse && saved_n > 1) {
        reverse_slice(ss.keys, ss.keys + saved_n);
        if (ss.values != NULL) {
            reverse_slice(ss.values, ss.values + saved_n);
        }
    }

restore:
    if (keys != NULL) {
        for (Py_ssize_t i = 0; i < nkeys; i++) {
            Py_DECREF(keys[i]);
        }
    }
    /* Whatever was stored while sorting is thrown away. */
    garbage = self->ob_item;
    ngarbage = Py_SIZE(self);
    if (self->allocated != -1 && result == 0) {
        PyErr_SetString(PyExc_ValueError, "list modified during sort");
        result = -1;
    }
    /* Size 0 first: the array stored during the sort may have held more
     * items than the sorted one has room for (lock-free readers). */
    LIST_STORE_SIZE(self, 0);
    LIST_STORE_ITEMS(self, saved_items);
    self->allocated = saved_allocated;
    LIST_STORE_SIZE(self, saved_n);
    Py_END_CRITICAL_SECTION();

    PyMem_Free(keys);
    PyMem_Free(tmp);
    if (garbage != NULL) {
        decref_array(self, garbage, ngarbage);
        items_free(garbage);
    }
    return result;
}

int
PyList_Sort(PyObject *v)
{
    if (v == NULL || !PyList_Check(v)) {
        PyErr_BadInternalCall();
        return -1;
    }
    return list_sort_impl((PyListObject *)v, NULL, 0);
}

static PyObject *
list_sort(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    if (nargs != 0) {
        PyErr_SetString(PyExc_TypeError, "sort() takes no positional arguments");
        return NULL;
    }
    PyObject *keyfunc = NULL, *reverse_obj = NULL;
    Py_ssize_t nkw = kwnames ? PyTuple_GET_SIZE(kwnames) : 0;
    for (Py_ssize_t i = 0; i < nkw; i++) {
        PyObject *name = PyTuple_GET_ITEM(kwnames, i);
        if (PyUnicode_EqualToUTF8(name, "key")) {
            keyfunc = args[i];
        }
        else if (PyUnicode_EqualToUTF8(name, "reverse")) {
            reverse_obj = args[i];
        }
        else {
            PyErr_Format(PyExc_TypeError,
                         "sort() got an unexpected keyword argument '%U'", name);
            return NULL;
        }
    }
    int reverse = 0;
    if (reverse_obj != NULL) {
        if (PyFloat_Check(reverse_obj)) {
            PyErr_SetString(PyExc_TypeError,
                            "'float' object cannot be interpreted as an integer");
            return NULL;
        }
        Py_ssize_t r;
        if (ssize_arg(reverse_obj, &r) < 0) {
            return NULL;
        }
        reverse = r != 0;
    }
    if (list_sort_impl((PyListObject *)self, keyfunc, reverse) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

/* ---- construction from Python ------------------------------------------ */

static int
list___init__(PyObject *self, PyObject *args, PyObject *kwds)
{
    if (kwds != NULL && PyDict_GET_SIZE(kwds) != 0 &&
        (Py_IS_TYPE(self, &PyList_Type) || Py_TYPE(self)->tp_new == PyList_Type.tp_new)) {
        PyErr_SetString(PyExc_TypeError, "list() takes no keyword arguments");
        return -1;
    }
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    if (nargs > 1) {
        PyErr_Format(PyExc_TypeError, "list expected at most 1 argument, got %zd", nargs);
        return -1;
    }
    /* __init__ may be called again on a live list: start from empty. */
    list_tp_clear(self);
    if (nargs == 1) {
        return list_extend((PyListObject *)self, PyTuple_GET_ITEM(args, 0));
    }
    return 0;
}

static PyObject *
list_sizeof(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    size_t res = (size_t)Py_TYPE(self)->tp_basicsize;
    res += (size_t)((PyListObject *)self)->allocated * sizeof(PyObject *);
    return PyLong_FromSize_t(res);
}

static PyObject *list_iter(PyObject *seq);
static PyObject *list_reversed(PyObject *self, PyObject *Py_UNUSED(ignored));

static PyObject *
list_getitem_meth(PyObject *self, PyObject *item)
{
    return list_subscript(self, item);
}

static PyMethodDef list_methods[] = {
    {"__getitem__", list_getitem_meth, METH_O | METH_COEXIST,
     "Return self[index]."},
    {"__reversed__", list_reversed, METH_NOARGS,
     "Return a reverse iterator over the list."},
    {"__sizeof__", list_sizeof, METH_NOARGS,
     "Return the size of the list in memory, in bytes."},
    {"clear", list_clear_meth, METH_NOARGS, "Remove all items from list."},
    {"copy", list_copy, METH_NOARGS, "Return a shallow copy of the list."},
    {"__class_getitem__", Py_GenericAlias, METH_O | METH_CLASS, "See PEP 585"},
    {"append", list_append, METH_O, "Append object to the end of the list."},
    {"insert", (PyCFunction)(void (*)(void))list_insert, METH_FASTCALL,
     "Insert object before index."},
    {"extend", list_extend_meth, METH_O,
     "Extend list by appending elements from the iterable."},
    {"pop", (PyCFunction)(void (*)(void))list_pop, METH_FASTCALL,
     "Remove and return item at index (default last).\n\n"
     "Raises IndexError if list is empty or index is out of range."},
    {"remove", list_remove, METH_O,
     "Remove first occurrence of value.\n\nRaises ValueError if the value is not present."},
    {"index", (PyCFunction)(void (*)(void))list_index, METH_FASTCALL,
     "Return first index of value.\n\nRaises ValueError if the value is not present."},
    {"count", list_count, METH_O, "Return number of occurrences of value."},
    {"reverse", list_reverse, METH_NOARGS, "Reverse *IN PLACE*."},
    {"sort", (PyCFunction)(void (*)(void))list_sort, METH_FASTCALL | METH_KEYWORDS,
     "Sort the list in ascending order and return None.\n\n"
     "The sort is in-place (i.e. the list itself is modified) and stable (i.e. the\n"
     "order of two equal elements is maintained).\n\n"
     "If a key function is given, apply it once to each list item and sort them,\n"
     "ascending or descending, according to their function values.\n\n"
     "The reverse flag can be set to sort in descending order."},
    {NULL, NULL},
};

static PySequenceMethods list_as_sequence = {
    .sq_length = list_length,
    .sq_concat = list_concat,
    .sq_repeat = list_repeat,
    .sq_item = list_item,
    .sq_ass_item = list_ass_item,
    .sq_contains = list_contains,
    .sq_inplace_concat = list_inplace_concat,
    .sq_inplace_repeat = list_inplace_repeat,
};

static PyMappingMethods list_as_mapping = {
    .mp_length = list_length,
    .mp_subscript = list_subscript,
    .mp_ass_subscript = list_ass_subscript,
};

PyTypeObject PyList_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "list",
    .tp_basicsize = sizeof(PyListObject),
    .tp_dealloc = list_dealloc,
    .tp_repr = list_repr,
    .tp_as_sequence = &list_as_sequence,
    .tp_as_mapping = &list_as_mapping,
    .tp_hash = PyObject_HashNotImplemented,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE |
                Py_TPFLAGS_LIST_SUBCLASS | Py_TPFLAGS_SEQUENCE,
    .tp_doc = "list(iterable=(), /)\n--\n\n"
              "Built-in mutable sequence.\n\n"
              "If no argument is given, the constructor creates a new empty list.\n"
              "The argument must be an iterable if specified.",
    .tp_traverse = list_traverse,
    .tp_clear = list_tp_clear,
    .tp_richcompare = list_richcompare,
    .tp_iter = list_iter,
    .tp_methods = list_methods,
    .tp_init = list___init__,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = PyType_GenericNew,
    .tp_free = PyObject_GC_Del,
};

/* ---- iterators ----------------------------------------------------------
 * it_index counts up (forward) or down (reverse); -1 marks exhaustion.  The
 * default build drops the list at exhaustion as CPython does; the
 * free-threaded build keeps it, because another thread may be inside
 * next() on the same iterator. */

typedef struct {
    PyObject_HEAD
    Py_ssize_t it_index;
    PyListObject *it_seq;
} listiterobject;

static PyObject *
list_iter(PyObject *seq)
{
    listiterobject *it = PyObject_GC_New(listiterobject, &PyListIter_Type);
    if (it == NULL) {
        return NULL;
    }
    it->it_index = 0;
    it->it_seq = (PyListObject *)Py_NewRef(seq);
    PyObject_GC_Track(it);
    return (PyObject *)it;
}

static PyObject *
list_reversed(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    listiterobject *it = PyObject_GC_New(listiterobject, &PyListRevIter_Type);
    if (it == NULL) {
        return NULL;
    }
    it->it_index = PyList_GET_SIZE(self) - 1;
    it->it_seq = (PyListObject *)Py_NewRef(self);
    PyObject_GC_Track(it);
    return (PyObject *)it;
}

static void
listiter_dealloc(PyObject *op)
{
    listiterobject *it = (listiterobject *)op;
    PyObject_GC_UnTrack(op);
    Py_XDECREF(it->it_seq);
    PyObject_GC_Del(op);
}

static int
listiter_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(((listiterobject *)op)->it_seq);
    return 0;
}

static void
listiter_exhaust(listiterobject *it)
{
#ifdef Py_GIL_DISABLED
    _Py_atomic_store_ssize_relaxed(&it->it_index, -1);
#else
    it->it_index = -1;
    Py_CLEAR(it->it_seq);
#endif
}

#ifdef Py_GIL_DISABLED
/* One step of a list iterator no other thread can be advancing (a for
 * loop's own, or the only thread state's): plain index update, the item
 * read as list[i] is; the index moves by `delta`, or to -1 at the end. */
static inline PyObject *
listiter_step_alone(listiterobject *it, PyListObject *seq, Py_ssize_t delta)
{
    Py_ssize_t index = _Py_atomic_load_ssize_relaxed(&it->it_index);
    PyObject *item = index >= 0 ? list_get_item_ref(seq, index) : NULL;
    _Py_atomic_store_ssize_relaxed(&it->it_index, item != NULL ? index + delta : -1);
    return item;
}

/* listiter_next when the iterator may be shared: the item is read as
 * list[i] is (lock-free when allowed); the index advances by
 * compare-and-swap, so threads sharing one iterator get every item exactly
 * once (stricter than CPython's free-threaded build, as under a GIL). */
static _Py_NO_INLINE PyObject *
listiter_next_shared(listiterobject *it, PyListObject *seq)
{
    PyObject *item;
    PyThreadState *tstate = _PyThreadState_GET();
    if (tstate != NULL && _PyCriticalSection_BeginSoleStep(tstate)) {
        /* The only thread: no other can be advancing the iterator. */
        item = listiter_step_alone(it, seq, 1);
        _PyCriticalSection_EndSoleStep(tstate);
        return item;
    }
    for (;;) {
        Py_ssize_t index = _Py_atomic_load_ssize_relaxed(&it->it_index);
        if (index < 0) {
            return NULL;
        }
        item = list_get_item_ref(seq, index);
        Py_ssize_t next = item != NULL ? index + 1 : -1;
        if (_Py_atomic_compare_exchange_ssize(&it->it_index, &index, next)) {
            return item;
        }
        Py_XDECREF(item);
    }
}
#endif

static PyObject *
listiter_next(PyObject *op)
{
    listiterobject *it = (listiterobject *)op;
    PyListObject *seq = it->it_seq;
    if (seq == NULL) {
        return NULL;
    }
#ifdef Py_GIL_DISABLED
    /* A for loop's iterator: our reference is the only one, so no other
     * thread can reach the iterator to advance it (no compare-and-swap, a
     * locked instruction per item).  The item is read as list[i] is. */
    if (!_PyObject_IsUniquelyReferenced(op)) {
        return listiter_next_shared(it, seq);
    }
    return listiter_step_alone(it, seq, 1);
#else
    PyObject *item = NULL;
    Py_ssize_t index = it->it_index;
    if (index >= 0 && index < Py_SIZE(seq)) {
        item = Py_NewRef(seq->ob_item[index]);
        it->it_index = index + 1;
    }
    else {
        listiter_exhaust(it);
    }
    return item;
#endif
}

static PyObject *
listreviter_next(PyObject *op)
{
    listiterobject *it = (listiterobject *)op;
    PyListObject *seq = it->it_seq;
    if (seq == NULL) {
        return NULL;
    }
#ifdef Py_GIL_DISABLED
    /* The item is read as list[i] is (lock-free when allowed); the index
     * advances by compare-and-swap, so threads sharing one iterator get
     * every item exactly once (stricter than CPython's free-threaded
     * build, as under a GIL). */
    PyObject *item;
    if (_PyObject_IsUniquelyReferenced(op)) {
        /* As in listiter_next: nobody else can advance it. */
        return listiter_step_alone(it, seq, -1);
    }
    for (;;) {
        Py_ssize_t index = _Py_atomic_load_ssize_relaxed(&it->it_index);
        if (index < 0) {
            return NULL;
        }
        item = list_get_item_ref(seq, index);
        Py_ssize_t next = item != NULL ? index - 1 : -1;
        if (_Py_atomic_compare_exchange_ssize(&it->it_index, &index, next)) {
            break;
        }
        Py_XDECREF(item);
    }
#else
    PyObject *item = NULL;
    Py_ssize_t index = it->it_index;
    if (index >= 0 && index < Py_SIZE(seq)) {
        item = Py_NewRef(seq->ob_item[index]);
        it->it_index = index - 1;
    }
#endif
    if (item == NULL) {
        listiter_exhaust(it);
    }
    return item;
}

static PyObject *
listiter_len(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    listiterobject *it = (listiterobject *)op;
    Py_ssize_t len = 0;
    if (it->it_seq != NULL && it->it_index >= 0) {
        len = PyList_GET_SIZE(it->it_seq) - it->it_index;
        if (len < 0) {
            len = 0;
        }
    }
    return PyLong_FromSsize_t(len);
}

static PyObject *
listreviter_len(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    listiterobject *it = (listiterobject *)op;
    Py_ssize_t len = 0;
    if (it->it_seq != NULL && it->it_index >= 0 &&
        it->it_index < PyList_GET_SIZE(it->it_seq)) {
        len = it->it_index + 1;
    }
    return PyLong_FromSsize_t(len);
}

static PyMethodDef listiter_methods[] = {
    {"__length_hint__", listiter_len, METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {NULL, NULL},
};

static PyMethodDef listreviter_methods[] = {
    {"__length_hint__", listreviter_len, METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {NULL, NULL},
};

PyTypeObject PyListIter_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "list_iterator",
    .tp_basicsize = sizeof(listiterobject),
    .tp_dealloc = listiter_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = listiter_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = listiter_next,
    .tp_methods = listiter_methods,
};

PyTypeObject PyListRevIter_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "list_reverseiterator",
    .tp_basicsize = sizeof(listiterobject),
    .tp_dealloc = listiter_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = listiter_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = listreviter_next,
    .tp_methods = listreviter_methods,
};
