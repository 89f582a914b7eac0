/* weakrefobject.c: weak references: weakref.ref (ReferenceType, which
 * Python code may subclass), weakref.proxy (ProxyType and
 * CallableProxyType), and PyObject_ClearWeakRefs which a dying object's
 * tp_dealloc calls to kill the references and run their callbacks.
 *
 * Each weakly referenceable object has a list head at tp_weaklistoffset.
 * A plain ref without callback and a plain proxy without callback are
 * shared (the first two list positions); other references are inserted
 * after them, so callbacks run newest first, as in CPython.
 *
 * Free-threaded build: the list of an object and the wr_object fields of
 * its references are guarded by a lock picked by the referent's address
 * (hashing the address never touches the object, which may already be
 * gone).  Dereferencing locks, checks wr_object still names the object and
 * takes a reference with try-incref: the object's dealloc clears wr_object
 * under the same lock before the memory goes away, so a reader gets the
 * object or None, never freed memory.  Creating a weak reference marks the
 * referent (and the reference) "maybe weakref" in the shared count, so that
 * try-incref from another thread works while the owner holds the only
 * references. */
#include "Python.h"
#include "pycore_pystate.h"
#include "pycore_object.h"
#include "pycore_gc.h"
#include "structmember.h"

#define GET_WEAKREFS_LISTPTR(o) \
    ((PyWeakReference **)((char *)(o) + Py_TYPE(o)->tp_weaklistoffset))

#ifdef Py_GIL_DISABLED
PyMutex *
_PyWeakref_LockFor(PyObject *op)
{
    uintptr_t h = (uintptr_t)op >> 4;
    h ^= h >> 9;
    return &_PyGC_GetState()->weakref_locks[h % _PyGC_NUM_STRIPES];
}
#define LOCK_WEAKREFS(o) _PyMutex_LockNoDetach(_PyWeakref_LockFor((PyObject *)(o)))
#define UNLOCK_WEAKREFS(o) PyMutex_Unlock(_PyWeakref_LockFor((PyObject *)(o)))

/* Let other threads try-incref `op` while its owner holds every reference. */
static void
set_maybe_weakref(PyObject *op)
{
    if (_Py_IsImmortal(op)) {
        return;
    }
    Py_ssize_t shared = _Py_atomic_load_ssize_relaxed(&op->ob_ref_shared);
    while ((shared & _Py_REF_SHARED_FLAG_MASK) == 0) {
        if (_Py_atomic_compare_exchange_ssize(&op->ob_ref_shared, &shared,
                                              shared | _Py_REF_MAYBE_WEAKREF)) {
            return;
        }
    }
}
#else
#define LOCK_WEAKREFS(o) ((void)0)
#define UNLOCK_WEAKREFS(o) ((void)0)
#define set_maybe_weakref(o) ((void)0)
#endif

static inline PyObject *
wr_load_object(PyWeakReference *wr)
{
    return (PyObject *)_Py_atomic_load_ptr(&wr->wr_object);
}

static inline void
wr_store_object(PyWeakReference *wr, PyObject *obj)
{
    _Py_atomic_store_ptr(&wr->wr_object, obj);
}

/* A new reference to the referent, or NULL if it is gone. */
static PyObject *
wr_get_ref(PyWeakReference *wr)
{
    PyObject *obj = wr_load_object(wr);
    if (obj == Py_None) {
        return NULL;
    }
#ifdef Py_GIL_DISABLED
    LOCK_WEAKREFS(obj);
    PyObject *res = NULL;
    if (wr_load_object(wr) == obj && _Py_TryIncref(obj)) {
        res = obj;
    }
    UNLOCK_WEAKREFS(obj);
    return res;
#else
    if (Py_REFCNT(obj) <= 0) {
        return NULL;  /* being deallocated */
    }
    return Py_NewRef(obj);
#endif
}

/* ---- list management (caller holds the referent's lock) ----------------- */

static void
unlink_ref(PyWeakReference *wr, PyObject *obj)
{
    PyWeakReference **list = GET_WEAKREFS_LISTPTR(obj);
    if (*list == wr) {
        *list = wr->wr_next;
    }
    if (wr->wr_prev != NULL) {
        wr->wr_prev->wr_next = wr->wr_next;
    }
    if (wr->wr_next != NULL) {
        wr->wr_next->wr_prev = wr->wr_prev;
    }
    wr->wr_prev = NULL;
    wr->wr_next = NULL;
    wr_store_object(wr, Py_None);
}

static void
insert_head(PyWeakReference *wr, PyWeakReference **list)
{
    PyWeakReference *next = *list;
    wr->wr_prev = NULL;
    wr->wr_next = next;
    if (next != NULL) {
        next->wr_prev = wr;
    }
    *list = wr;
}

static void
insert_after(PyWeakReference *wr, PyWeakReference *prev)
{
    wr->wr_prev = prev;
    wr->wr_next = prev->wr_next;
    if (prev->wr_next != NULL) {
        prev->wr_next->wr_prev = wr;
    }
    prev->wr_next = wr;
}

static int
is_basic_ref(PyWeakReference *wr)
{
    return wr->wr_callback == NULL && PyWeakref_CheckRefExact((PyObject *)wr);
}

static int
is_basic_proxy(PyWeakReference *wr)
{
    return wr->wr_callback == NULL && PyWeakref_CheckProxy((PyObject *)wr);
}

/* The shared plain ref and proxy, if any (they come first). */
static void
get_basic_refs(PyWeakReference *head, PyWeakReference **refp, PyWeakReference **proxyp)
{
    *refp = NULL;
    *proxyp = NULL;
    if (head != NULL && is_basic_ref(head)) {
        *refp = head;
        head = head->wr_next;
    }
    if (head != NULL && is_basic_proxy(head)) {
        *proxyp = head;
    }
}

Py_ssize_t
_PyWeakref_GetWeakrefCount(PyObject *op)
{
    if (!_PyType_SUPPORTS_WEAKREFS(Py_TYPE(op))) {
        return 0;
    }
    Py_ssize_t n = 0;
    LOCK_WEAKREFS(op);
    for (PyWeakReference *wr = *GET_WEAKREFS_LISTPTR(op); wr != NULL; wr = wr->wr_next) {
        n++;
    }
    UNLOCK_WEAKREFS(op);
    return n;
}

int
_PyWeakref_AppendRefs(PyObject *op, PyObject *list)
{
    if (!_PyType_SUPPORTS_WEAKREFS(Py_TYPE(op))) {
        return 0;
    }
    int res = 0;
    LOCK_WEAKREFS(op);
    for (PyWeakReference *wr = *GET_WEAKREFS_LISTPTR(op); wr != NULL; wr = wr->wr_next) {
        if (_Py_TryIncref((PyObject *)wr)) {
            res = PyList_Append(list, (PyObject *)wr);
            Py_DECREF(wr);
            if (res < 0) {
                break;
            }
        }
    }
    UNLOCK_WEAKREFS(op);
    return res;
}

/* ---- creation ----------------------------------------------------------- */

static PyObject *weakref_vectorcall(PyObject *self, PyObject *const *args, size_t nargsf,
                                    PyObject *kwnames);

static PyWeakReference *
alloc_weakref(PyTypeObject *type, PyObject *ob, PyObject *callback)
{
    PyWeakReference *wr = (PyWeakReference *)type->tp_alloc(type, 0);
    if (wr == NULL) {
        return NULL;
    }
    wr->wr_object = ob;
    wr->wr_callback = Py_XNewRef(callback);
    wr->hash = -1;
    wr->wr_prev = NULL;
    wr->wr_next = NULL;
    wr->vectorcall = weakref_vectorcall;
    set_maybe_weakref((PyObject *)wr);
    return wr;
}

static int
check_referent(PyObject *ob)
{
    if (!_PyType_SUPPORTS_WEAKREFS(Py_TYPE(ob))) {
        PyErr_Format(PyExc_TypeError, "cannot create weak reference to '%s' object",
                     Py_TYPE(ob)->tp_name);
        return -1;
    }
    return 0;
}

/* Make (or share) a weak reference of `type` to ob.  `proxy`: a proxy. */
static PyObject *
new_weakref(PyTypeObject *type, PyObject *ob, PyObject *callback, int proxy)
{
    if (check_referent(ob) < 0) {
        return NULL;
    }
    if (callback == Py_None) {
        callback = NULL;
    }
    set_maybe_weakref(ob);
    int shareable = callback == NULL &&
                    (proxy || type == &_PyWeakref_RefType);
    PyWeakReference **list = GET_WEAKREFS_LISTPTR(ob);
    PyWeakReference *wr = NULL;

    if (shareable) {
        PyWeakReference *ref, *prx;
        LOCK_WEAKREFS(ob);
        get_basic_refs(*list, &ref, &prx);
        PyWeakReference *existing = proxy ? prx : ref;
        if (existing != NULL && _Py_TryIncref((PyObject *)existing)) {
            UNLOCK_WEAKREFS(ob);
            return (PyObject *)existing;
        }
        UNLOCK_WEAKREFS(ob);
    }
    wr = alloc_weakref(type, ob, callback);
    if (wr == NULL) {
        return NULL;
    }
    LOCK_WEAKREFS(ob);
    PyWeakReference *ref, *prx;
    get_basic_refs(*list, &ref, &prx);
    if (shareable) {
        PyWeakReference *existing = proxy ? prx : ref;
        if (existing != NULL && _Py_TryIncref((PyObject *)existing)) {
            /* Someone made one meanwhile: use theirs. */
            UNLOCK_WEAKREFS(ob);
            wr->wr_object = Py_None;
            Py_DECREF(wr);
            return (PyObject *)existing;
        }
        if (proxy) {
            if (ref != NULL) {
                insert_after(wr, ref);
            }
            else {
                insert_head(wr, list);
            }
        }
        else {
            insert_head(wr, list);
        }
    }
    else {
        PyWeakReference *prev = prx != NULL ? prx : ref;
        if (prev != NULL) {
            insert_after(wr, prev);
        }
        else {
            insert_head(wr, list);
        }
    }
    UNLOCK_WEAKREFS(ob);
    if (PyType_IS_GC(Py_TYPE(wr))) {
        PyObject_GC_Track(wr);
    }
    return (PyObject *)wr;
}

PyObject *
PyWeakref_NewRef(PyObject *ob, PyObject *callback)
{
    return new_weakref(&_PyWeakref_RefType, ob, callback, 0);
}

PyObject *
PyWeakref_NewProxy(PyObject *ob, PyObject *callback)
{
    PyTypeObject *type = PyCallable_Check(ob) ? &_PyWeakref_CallableProxyType
                                              : &_PyWeakref_ProxyType;
    if (check_referent(ob) < 0) {
        return NULL;
    }
    return new_weakref(type, ob, callback, 1);
}

PyObject *
PyWeakref_GetObject(PyObject *ref)
{
    if (ref == NULL || !PyWeakref_Check(ref)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    PyObject *obj = wr_get_ref((PyWeakReference *)ref);
    if (obj == NULL) {
        return Py_None;
    }
    /* Borrowed: the caller's own references keep it alive, if any. */
    Py_DECREF(obj);
    return obj;
}

int
PyWeakref_GetRef(PyObject *ref, PyObject **pobj)
{
    if (ref == NULL || !PyWeakref_Check(ref)) {
        *pobj = NULL;
        PyErr_SetString(PyExc_TypeError, "expected a weakref");
        return -1;
    }
    *pobj = wr_get_ref((PyWeakReference *)ref);
    return *pobj != NULL;
}

/* ---- death of the referent ------------------------------------------------ */

static void
call_callback(PyObject *callback, PyObject *wr)
{
    PyObject *res = PyObject_CallOneArg(callback, wr);
    if (res == NULL) {
        PyErr_WriteUnraisable(callback);
    }
    else {
        Py_DECREF(res);
    }
}

void
PyObject_ClearWeakRefs(PyObject *op)
{
    if (op == NULL || !_PyType_SUPPORTS_WEAKREFS(Py_TYPE(op))) {
        return;
    }
    PyWeakReference **list = GET_WEAKREFS_LISTPTR(op);
    if (_Py_atomic_load_ptr(list) == NULL) {
        return;
    }
    /* Pairs (ref, callback) to call once the list is dead. */
    PyObject *small[16];
    PyObject **pairs = small;
    Py_ssize_t npairs = 0, cap = 8;

    LOCK_WEAKREFS(op);
    while (*list != NULL) {
        PyWeakReference *wr = *list;
        PyObject *callback = wr->wr_callback;
        unlink_ref(wr, op);
        if (callback == NULL) {
            continue;
        }
        /* A reference that is dying itself gets no callback. */
        if (!_Py_TryIncref((PyObject *)wr)) {
            continue;
        }
        wr->wr_callback = NULL;
        if (npairs == cap) {
            Py_ssize_t ncap = cap * 2;
            PyObject **np = PyMem_RawMalloc((size_t)ncap * 2 * sizeof(PyObject *));
            if (np == NULL) {
                Py_DECREF(callback);
                Py_DECREF(wr);
                continue;
            }
            memcpy(np, pairs, (size_t)npairs * 2 * sizeof(PyObject *));
            if (pairs != small) {
                PyMem_RawFree(pairs);
            }
            pairs = np;
            cap = ncap;
        }
        pairs[2 * npairs] = (PyObject *)wr;
        pairs[2 * npairs + 1] = callback;
        npairs++;
    }
    UNLOCK_WEAKREFS(op);

    if (npairs > 0) {
        PyObject *exc = PyErr_GetRaisedException();
        for (Py_ssize_t i = 0; i < npairs; i++) {
            call_callback(pairs[2 * i + 1], pairs[2 * i]);
            Py_DECREF(pairs[2 * i + 1]);
            Py_DECREF(pairs[2 * i]);
        }
        PyErr_SetRaisedException(exc);
    }
    if (pairs != small) {
        PyMem_RawFree(pairs);
    }
}

void
_PyWeakref_DetachAll(PyObject *op, int (*want_callback)(PyObject *wr, void *arg),
                     int (*add)(void *arg, PyObject *wr, PyObject *cb), void *arg)
{
    PyWeakReference **list = GET_WEAKREFS_LISTPTR(op);
    while (*list != NULL) {
        PyWeakReference *wr = *list;
        PyObject *callback = wr->wr_callback;
        unlink_ref(wr, op);
        if (callback == NULL || !want_callback((PyObject *)wr, arg)) {
            continue;
        }
        if (!_Py_TryIncref((PyObject *)wr)) {
            continue;
        }
        wr->wr_callback = NULL;
        if (add(arg, (PyObject *)wr, callback) < 0) {
            /* Out of memory: the callback is lost, as CPython would lose it. */
            Py_DECREF(callback);
            Py_DECREF(wr);
        }
    }
}

/* ---- weakref.ref ----------------------------------------------------------- */

/* Remove a reference from its referent's list (its own dealloc / clear). */
static void
clear_weakref(PyWeakReference *wr)
{
    PyObject *obj = wr_load_object(wr);
    if (obj != NULL && obj != Py_None) {
        LOCK_WEAKREFS(obj);
        if (wr_load_object(wr) == obj) {
            unlink_ref(wr, obj);
        }
        UNLOCK_WEAKREFS(obj);
    }
    Py_CLEAR(wr->wr_callback);
}

static void
weakref_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    clear_weakref((PyWeakReference *)self);
    Py_TYPE(self)->tp_free(self);
}

static int
weakref_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((PyWeakReference *)self)->wr_callback);
    return 0;
}

static int
weakref_tp_clear(PyObject *self)
{
    clear_weakref((PyWeakReference *)self);
    return 0;
}

static PyObject *
weakref_vectorcall(PyObject *self, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (nargs != 0 || (kwnames != NULL && PyTuple_GET_SIZE(kwnames) != 0)) {
        if (kwnames != NULL && PyTuple_GET_SIZE(kwnames) != 0) {
            PyErr_Format(PyExc_TypeError, "weakref() takes no keyword arguments");
        }
        else {
            PyErr_Format(PyExc_TypeError, "weakref expected 0 arguments, got %zd", nargs);
        }
        return NULL;
    }
    PyObject *obj = wr_get_ref((PyWeakReference *)self);
    return obj != NULL ? obj : Py_NewRef(Py_None);
}

static PyObject *
weakref_call(PyObject *self, PyObject *args, PyObject *kwds)
{
    if (kwds != NULL && PyDict_Check(kwds) && PyDict_GET_SIZE(kwds) != 0) {
        PyErr_SetString(PyExc_TypeError, "weakref() takes no keyword arguments");
        return NULL;
    }
    if (PyTuple_GET_SIZE(args) != 0) {
        PyErr_Format(PyExc_TypeError, "weakref expected 0 arguments, got %zd",
                     PyTuple_GET_SIZE(args));
        return NULL;
    }
    PyObject *obj = wr_get_ref((PyWeakReference *)self);
    return obj != NULL ? obj : Py_NewRef(Py_None);
}

static Py_hash_t
weakref_hash(PyObject *self)
{
    PyWeakReference *wr = (PyWeakReference *)self;
    Py_hash_t h = _Py_atomic_load_ssize_relaxed(&wr->hash);
    if (h != -1) {
        return h;
    }
    PyObject *obj = wr_get_ref(wr);
    if (obj == NULL) {
        PyErr_SetString(PyExc_TypeError, "weak object has gone away");
        return -1;
    }
    h = PyObject_Hash(obj);
    Py_DECREF(obj);
    if (h != -1) {
        _Py_atomic_store_ssize_relaxed(&wr->hash, h);
    }
    return h;
}

static PyObject *
weakref_repr(PyObject *self)
{
    PyObject *obj = wr_get_ref((PyWeakReference *)self);
    if (obj == NULL) {
        return PyUnicode_FromFormat("<weakref at %p; dead>", self);
    }
    PyObject *name = PyObject_GetAttrString(obj, "__name__");
    PyObject *repr;
    if (name == NULL || !PyUnicode_Check(name)) {
        PyErr_Clear();
        repr = PyUnicode_FromFormat("<weakref at %p; to '%s' at %p>", self,
                                    Py_TYPE(obj)->tp_name, obj);
    }
    else {
        repr = PyUnicode_FromFormat("<weakref at %p; to '%s' at %p (%U)>", self,
                                    Py_TYPE(obj)->tp_name, obj, name);
    }
    Py_XDECREF(name);
    Py_DECREF(obj);
    return repr;
}

static PyObject *
weakref_richcompare(PyObject *self, PyObject *other, int op)
{
    if ((op != Py_EQ && op != Py_NE) || !PyWeakref_CheckRef(self) ||
        !PyWeakref_CheckRef(other)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    PyObject *a = wr_get_ref((PyWeakReference *)self);
    PyObject *b = wr_get_ref((PyWeakReference *)other);
    if (a == NULL || b == NULL) {
        Py_XDECREF(a);
        Py_XDECREF(b);
        int res = (self == other);
        if (op == Py_NE) {
            res = !res;
        }
        return Py_NewRef(res ? Py_True : Py_False);
    }
    PyObject *res = PyObject_RichCompare(a, b, op);
    Py_DECREF(a);
    Py_DECREF(b);
    return res;
}

static PyObject *
weakref_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyObject *ob, *callback = NULL;
    if (!PyArg_UnpackTuple(args, "__new__", 1, 2, &ob, &callback)) {
        return NULL;
    }
    return new_weakref(type, ob, callback, 0);
}

static int
weakref_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    PyObject *tmp;
    if (!PyArg_UnpackTuple(args, "__init__", 1, 2, &tmp, &tmp)) {
        return -1;
    }
    return 0;
}

static PyMemberDef weakref_members[] = {
    {"__callback__", T_OBJECT, offsetof(PyWeakReference, wr_callback), Py_READONLY, NULL},
    {NULL, 0, 0, 0, NULL}
};

static PyObject *
weakref_class_getitem(PyObject *cls, PyObject *arg)
{
    return Py_NewRef(cls);
}

static PyMethodDef weakref_methods[] = {
    {"__class_getitem__", weakref_class_getitem, METH_O | METH_CLASS,
     "See PEP 585"},
    {NULL, NULL, 0, NULL}
};

PyTypeObject _PyWeakref_RefType = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "weakref.ReferenceType",
    .tp_basicsize = sizeof(PyWeakReference),
    .tp_dealloc = weakref_dealloc,
    .tp_vectorcall_offset = offsetof(PyWeakReference, vectorcall),
    .tp_call = weakref_call,
    .tp_repr = weakref_repr,
    .tp_hash = weakref_hash,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_HAVE_VECTORCALL |
                Py_TPFLAGS_BASETYPE,
    .tp_traverse = weakref_traverse,
    .tp_clear = weakref_tp_clear,
    .tp_richcompare = weakref_richcompare,
    .tp_methods = weakref_methods,
    .tp_members = weakref_members,
    .tp_init = weakref_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = weakref_new,
    .tp_free = PyObject_GC_Del,
};

/* ---- proxies ----------------------------------------------------------------- */

/* The live referent (new reference) or NULL with ReferenceError. */
static PyObject *
proxy_referent(PyObject *proxy)
{
    PyObject *obj = wr_get_ref((PyWeakReference *)proxy);
    if (obj == NULL) {
        PyErr_SetString(PyExc_ReferenceError, "weakly-referenced object no longer exists");
    }
    return obj;
}

/* Replace a proxy by its referent (new reference); other objects as they
 * are.  NULL with ReferenceError if the proxy is dead. */
static PyObject *
unwrap(PyObject *o)
{
    if (PyWeakref_CheckProxy(o)) {
        return proxy_referent(o);
    }
    return Py_NewRef(o);
}

#define UNARY_PROXY(name, call)                                   \
    static PyObject *name(PyObject *proxy)                        \
    {                                                             \
        PyObject *o = proxy_referent(proxy);                      \
        if (o == NULL) {                                          \
            return NULL;                                          \
        }                                                         \
        PyObject *res = call(o);                                  \
        Py_DECREF(o);                                             \
        return res;                                               \
    }

#define BINARY_PROXY(name, call)                                  \
    static PyObject *name(PyObject *x, PyObject *y)               \
    {                                                             \
        PyObject *a = unwrap(x);                                  \
        if (a == NULL) {                                          \
            return NULL;                                          \
        }                                                         \
        PyObject *b = unwrap(y);                                  \
        if (b == NULL) {                                          \
            Py_DECREF(a);                                         \
            return NULL;                                          \
        }                                                         \
        PyObject *res = call(a, b);                               \
        Py_DECREF(a);                                             \
        Py_DECREF(b);                                             \
        return res;                                               \
    }

/* In-place operators: the referent is updated; the proxy is returned only
 * if the operation returned the referent itself. */
#define INPLACE_PROXY(name, call)                                 \
    static PyObject *name(PyObject *x, PyObject *y)               \
    {                                                             \
        PyObject *a = unwrap(x);                                  \
        if (a == NULL) {                                          \
            return NULL;                                          \
        }                                                         \
        PyObject *b = unwrap(y);                                  \
        if (b == NULL) {                                          \
            Py_DECREF(a);                                         \
            return NULL;                                          \
        }                                                         \
        PyObject *res = call(a, b);                               \
        Py_DECREF(b);                                             \
        if (res == a) {                                           \
            Py_DECREF(res);                                       \
            res = Py_NewRef(x);                                   \
        }                                                         \
        Py_DECREF(a);                                             \
        return res;                                               \
    }

UNARY_PROXY(proxy_str, PyObject_Str)
UNARY_PROXY(proxy_neg, PyNumber_Negative)
UNARY_PROXY(proxy_pos, PyNumber_Positive)
UNARY_PROXY(proxy_abs, PyNumber_Absolute)
UNARY_PROXY(proxy_invert, PyNumber_Invert)
UNARY_PROXY(proxy_int, PyNumber_Long)
UNARY_PROXY(proxy_float, PyNumber_Float)
UNARY_PROXY(proxy_index, PyNumber_Index)
UNARY_PROXY(proxy_iter, PyObject_GetIter)
BINARY_PROXY(proxy_add, PyNumber_Add)
BINARY_PROXY(proxy_sub, PyNumber_Subtract)
BINARY_PROXY(proxy_mul, PyNumber_Multiply)
BINARY_PROXY(proxy_mod, PyNumber_Remainder)
BINARY_PROXY(proxy_divmod, PyNumber_Divmod)
BINARY_PROXY(proxy_lshift, PyNumber_Lshift)
BINARY_PROXY(proxy_rshift, PyNumber_Rshift)
BINARY_PROXY(proxy_and, PyNumber_And)
BINARY_PROXY(proxy_xor, PyNumber_Xor)
BINARY_PROXY(proxy_or, PyNumber_Or)
BINARY_PROXY(proxy_floor_div, PyNumber_FloorDivide)
BINARY_PROXY(proxy_true_div, PyNumber_TrueDivide)
BINARY_PROXY(proxy_matmul, PyNumber_MatrixMultiply)
BINARY_PROXY(proxy_getitem, PyObject_GetItem)
BINARY_PROXY(proxy_getattr, PyObject_GetAttr)
INPLACE_PROXY(proxy_iadd, PyNumber_InPlaceAdd)
INPLACE_PROXY(proxy_isub, PyNumber_InPlaceSubtract)
INPLACE_PROXY(proxy_imul, PyNumber_InPlaceMultiply)
INPLACE_PROXY(proxy_imod, PyNumber_InPlaceRemainder)
INPLACE_PROXY(proxy_ilshift, PyNumber_InPlaceLshift)
INPLACE_PROXY(proxy_irshift, PyNumber_InPlaceRshift)
INPLACE_PROXY(proxy_iand, PyNumber_InPlaceAnd)
INPLACE_PROXY(proxy_ixor, PyNumber_InPlaceXor)
INPLACE_PROXY(proxy_ior, PyNumber_InPlaceOr)
INPLACE_PROXY(proxy_ifloor_div, PyNumber_InPlaceFloorDivide)
INPLACE_PROXY(proxy_itrue_div, PyNumber_InPlaceTrueDivide)
INPLACE_PROXY(proxy_imatmul, PyNumber_InPlaceMatrixMultiply)

static PyObject *
proxy_pow(PyObject *x, PyObject *y, PyObject *z)
{
    PyObject *a = unwrap(x), *b = NULL, *c = NULL, *res = NULL;
    if (a == NULL || (b = unwrap(y)) == NULL || (c = unwrap(z)) == NULL) {
        goto done;
    }
    res = PyNumber_Power(a, b, c);
done:
    Py_XDECREF(a);
    Py_XDECREF(b);
    Py_XDECREF(c);
    return res;
}

static PyObject *
proxy_ipow(PyObject *x, PyObject *y, PyObject *z)
{
    PyObject *a = unwrap(x), *b = NULL, *c = NULL, *res = NULL;
    if (a == NULL || (b = unwrap(y)) == NULL || (c = unwrap(z)) == NULL) {
        goto done;
    }
    res = PyNumber_InPlacePower(a, b, c);
    if (res == a) {
        Py_DECREF(res);
        res = Py_NewRef(x);
    }
done:
    Py_XDECREF(a);
    Py_XDECREF(b);
    Py_XDECREF(c);
    return res;
}

static int
proxy_bool(PyObject *proxy)
{
    PyObject *o = proxy_referent(proxy);
    if (o == NULL) {
        return -1;
    }
    int res = PyObject_IsTrue(o);
    Py_DECREF(o);
    return res;
}

static PyObject *
proxy_repr(PyObject *proxy)
{
    PyObject *obj = wr_get_ref((PyWeakReference *)proxy);
    if (obj == NULL) {
        return PyUnicode_FromFormat("<weakproxy at %p; dead>", proxy);
    }
    PyObject *res = PyUnicode_FromFormat("<weakproxy at %p; to '%s' at %p>", proxy,
                                         Py_TYPE(obj)->tp_name, obj);
    Py_DECREF(obj);
    return res;
}

static int
proxy_setattr(PyObject *proxy, PyObject *name, PyObject *value)
{
    PyObject *o = proxy_referent(proxy);
    if (o == NULL) {
        return -1;
    }
    int res = PyObject_SetAttr(o, name, value);
    Py_DECREF(o);
    return res;
}

static PyObject *
proxy_richcompare(PyObject *x, PyObject *y, int op)
{
    PyObject *a = unwrap(x);
    if (a == NULL) {
        return NULL;
    }
    PyObject *b = unwrap(y);
    if (b == NULL) {
        Py_DECREF(a);
        return NULL;
    }
    PyObject *res = PyObject_RichCompare(a, b, op);
    Py_DECREF(a);
    Py_DECREF(b);
    return res;
}

static PyObject *
proxy_call(PyObject *proxy, PyObject *args, PyObject *kwds)
{
    PyObject *o = proxy_referent(proxy);
    if (o == NULL) {
        return NULL;
    }
    PyObject *res = PyObject_Call(o, args, kwds);
    Py_DECREF(o);
    return res;
}

static PyObject *
proxy_iternext(PyObject *proxy)
{
    PyObject *o = proxy_referent(proxy);
    if (o == NULL) {
        return NULL;
    }
    if (!PyIter_Check(o)) {
        PyErr_Format(PyExc_TypeError, "Weakref proxy referenced a non-iterator '%.200s' object",
                     Py_TYPE(o)->tp_name);
        Py_DECREF(o);
        return NULL;
    }
    PyObject *res = Py_TYPE(o)->tp_iternext(o);
    Py_DECREF(o);
    return res;
}

static Py_ssize_t
proxy_length(PyObject *proxy)
{
    PyObject *o = proxy_referent(proxy);
    if (o == NULL) {
        return -1;
    }
    Py_ssize_t res = PyObject_Length(o);
    Py_DECREF(o);
    return res;
}

static int
proxy_contains(PyObject *proxy, PyObject *value)
{
    PyObject *o = proxy_referent(proxy);
    if (o == NULL) {
        return -1;
    }
    int res = PySequence_Contains(o, value);
    Py_DECREF(o);
    return res;
}

static int
proxy_setitem(PyObject *proxy, PyObject *key, PyObject *value)
{
    PyObject *o = proxy_referent(proxy);
    if (o == NULL) {
        return -1;
    }
    int res = value == NULL ? PyObject_DelItem(o, key) : PyObject_SetItem(o, key, value);
    Py_DECREF(o);
    return res;
}

static PyObject *
proxy_bytes(PyObject *proxy, PyObject *Py_UNUSED(ignored))
{
    PyObject *o = proxy_referent(proxy);
    if (o == NULL) {
        return NULL;
    }
    PyObject *res = PyObject_Bytes(o);
    Py_DECREF(o);
    return res;
}

static PyObject *
proxy_reversed(PyObject *proxy, PyObject *Py_UNUSED(ignored))
{
    PyObject *o = proxy_referent(proxy);
    if (o == NULL) {
        return NULL;
    }
    PyObject *res = PyObject_CallMethod(o, "__reversed__", NULL);
    Py_DECREF(o);
    return res;
}

static PyMethodDef proxy_methods[] = {
    {"__bytes__", proxy_bytes, METH_NOARGS, NULL},
    {"__reversed__", proxy_reversed, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static PyNumberMethods proxy_as_number = {
    .nb_add = proxy_add,
    .nb_subtract = proxy_sub,
    .nb_multiply = proxy_mul,
    .nb_remainder = proxy_mod,
    .nb_divmod = proxy_divmod,
    .nb_power = proxy_pow,
    .nb_negative = proxy_neg,
    .nb_positive = proxy_pos,
    .nb_absolute = proxy_abs,
    .nb_bool = proxy_bool,
    .nb_invert = proxy_invert,
    .nb_lshift = proxy_lshift,
    .nb_rshift = proxy_rshift,
    .nb_and = proxy_and,
    .nb_xor = proxy_xor,
    .nb_or = proxy_or,
    .nb_int = proxy_int,
    .nb_float = proxy_float,
    .nb_inplace_add = proxy_iadd,
    .nb_inplace_subtract = proxy_isub,
    .nb_inplace_multiply = proxy_imul,
    .nb_inplace_remainder = proxy_imod,
    .nb_inplace_power = proxy_ipow,
    .nb_inplace_lshift = proxy_ilshift,
    .nb_inplace_rshift = proxy_irshift,
    .nb_inplace_and = proxy_iand,
    .nb_inplace_xor = proxy_ixor,
    .nb_inplace_or = proxy_ior,
    .nb_floor_divide = proxy_floor_div,
    .nb_true_divide = proxy_true_div,
    .nb_inplace_floor_divide = proxy_ifloor_div,
    .nb_inplace_true_divide = proxy_itrue_div,
    .nb_index = proxy_index,
    .nb_matrix_multiply = proxy_matmul,
    .nb_inplace_matrix_multiply = proxy_imatmul,
};

static PySequenceMethods proxy_as_sequence = {
    .sq_contains = proxy_contains,
};

static PyMappingMethods proxy_as_mapping = {
    .mp_length = proxy_length,
    .mp_subscript = proxy_getitem,
    .mp_ass_subscript = proxy_setitem,
};

PyTypeObject _PyWeakref_ProxyType = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "weakref.ProxyType",
    .tp_basicsize = sizeof(PyWeakReference),
    .tp_dealloc = weakref_dealloc,
    .tp_repr = proxy_repr,
    .tp_as_number = &proxy_as_number,
    .tp_as_sequence = &proxy_as_sequence,
    .tp_as_mapping = &proxy_as_mapping,
    .tp_hash = PyObject_HashNotImplemented,
    .tp_str = proxy_str,
    .tp_getattro = proxy_getattr,
    .tp_setattro = proxy_setattr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = weakref_traverse,
    .tp_clear = weakref_tp_clear,
    .tp_richcompare = proxy_richcompare,
    .tp_iter = proxy_iter,
    .tp_iternext = proxy_iternext,
    .tp_methods = proxy_methods,
    .tp_alloc = PyType_GenericAlloc,
    .tp_free = PyObject_GC_Del,
};

PyTypeObject _PyWeakref_CallableProxyType = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "weakref.CallableProxyType",
    .tp_basicsize = sizeof(PyWeakReference),
    .tp_dealloc = weakref_dealloc,
    .tp_repr = proxy_repr,
    .tp_as_number = &proxy_as_number,
    .tp_as_sequence = &proxy_as_sequence,
    .tp_as_mapping = &proxy_as_mapping,
    .tp_hash = PyObject_HashNotImplemented,
    .tp_call = proxy_call,
    .tp_str = proxy_str,
    .tp_getattro = proxy_getattr,
    .tp_setattro = proxy_setattr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = weakref_traverse,
    .tp_clear = weakref_tp_clear,
    .tp_richcompare = proxy_richcompare,
    .tp_iter = proxy_iter,
    .tp_iternext = proxy_iternext,
    .tp_methods = proxy_methods,
    .tp_alloc = PyType_GenericAlloc,
    .tp_free = PyObject_GC_Del,
};
