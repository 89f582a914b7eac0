/* object.h: the object header (PyObject, PyVarObject), the type object
 * (PyTypeObject and its slot tables), type flags, and the basic object
 * macros.  Reference counting itself is in refcount.h.
 *
 * Default build: ob_refcnt + ob_type (16 bytes).
 * Free-threaded build (Py_GIL_DISABLED): biased reference counting.  ob_tid is
 * the owning thread (see _Py_ThreadId), ob_ref_local is changed only by the
 * owner and without atomics, ob_ref_shared by everybody else, atomically; its
 * two low bits are flags (see refcount.h).  ob_mutex is the per-object lock
 * behind critical sections; ob_gc_bits belong to the cycle collector.
 */
#ifndef Py_OBJECT_H
#define Py_OBJECT_H

#include "pyport.h"
#include "pyatomic.h"
#include "pylock.h"

typedef struct _object PyObject;
typedef struct _typeobject PyTypeObject;

struct _object {
#ifdef Py_GIL_DISABLED
    uintptr_t ob_tid;           /* owning thread, 0 when none (merged) */
    uint16_t ob_flags;          /* deferred refcount marker and friends */
    PyMutex ob_mutex;           /* per-object lock for critical sections */
    uint8_t ob_gc_bits;         /* collector state */
    uint32_t ob_ref_local;      /* owner's count; UINT32_MAX means immortal */
    Py_ssize_t ob_ref_shared;   /* everybody else's count << 3, plus flags */
#else
    Py_ssize_t ob_refcnt;
#endif
    PyTypeObject *ob_type;
};

typedef struct {
    PyObject ob_base;
    Py_ssize_t ob_size;         /* number of items in the variable part */
} PyVarObject;

#define PyObject_HEAD PyObject ob_base;
#define PyObject_VAR_HEAD PyVarObject ob_base;

#define _PyObject_CAST(op) ((PyObject *)(op))
#define _PyVarObject_CAST(op) ((PyVarObject *)(op))

/* Immortal counts.  Default build: any count at or above 2**31 is immortal,
 * and an immortal object starts at 3 * 2**30 so that stray increments and
 * decrements from code that skips the check can never bring it down. */
#define _Py_IMMORTAL_REFCNT ((Py_ssize_t)3 << 30)
#define _Py_IMMORTAL_MIN_REFCNT ((Py_ssize_t)1 << 31)
#define _Py_IMMORTAL_REFCNT_LOCAL UINT32_MAX

/* Static objects (types, None, small ints) are born immortal. */
#ifdef Py_GIL_DISABLED
#  define PyObject_HEAD_INIT(type) \
    { 0, _Py_OBJ_FLAG_STATIC, { 0 }, 0, _Py_IMMORTAL_REFCNT_LOCAL, 0, (type) },
#else
#  define PyObject_HEAD_INIT(type) { _Py_IMMORTAL_REFCNT, (type) },
#endif
#define PyVarObject_HEAD_INIT(type, size) { PyObject_HEAD_INIT(type) (size) },

/* ob_flags bits (free-threaded build). */
#define _Py_OBJ_FLAG_DEFERRED  (1 << 0)  /* deferred refcount: freed only by the GC */
#define _Py_OBJ_FLAG_STATIC    (1 << 1)  /* statically allocated */

static inline PyTypeObject *Py_TYPE(PyObject *ob) { return ob->ob_type; }
#define Py_TYPE(ob) Py_TYPE(_PyObject_CAST(ob))
static inline Py_ssize_t Py_SIZE(PyObject *ob) { return _PyVarObject_CAST(ob)->ob_size; }
#define Py_SIZE(ob) Py_SIZE(_PyObject_CAST(ob))
static inline void Py_SET_TYPE(PyObject *ob, PyTypeObject *type) { ob->ob_type = type; }
#define Py_SET_TYPE(ob, type) Py_SET_TYPE(_PyObject_CAST(ob), (type))
static inline void Py_SET_SIZE(PyVarObject *ob, Py_ssize_t size) { ob->ob_size = size; }
#define Py_SET_SIZE(ob, size) Py_SET_SIZE(_PyVarObject_CAST(ob), (size))
static inline int Py_IS_TYPE(PyObject *ob, PyTypeObject *type) { return Py_TYPE(ob) == type; }
#define Py_IS_TYPE(ob, type) Py_IS_TYPE(_PyObject_CAST(ob), (type))
static inline int Py_Is(PyObject *x, PyObject *y) { return x == y; }
#define Py_Is(x, y) ((x) == (y))

/* ---- slot function types ---------------------------------------------- */
typedef PyObject *(*unaryfunc)(PyObject *);
typedef PyObject *(*binaryfunc)(PyObject *, PyObject *);
typedef PyObject *(*ternaryfunc)(PyObject *, PyObject *, PyObject *);
typedef int (*inquiry)(PyObject *);
typedef Py_ssize_t (*lenfunc)(PyObject *);
typedef PyObject *(*ssizeargfunc)(PyObject *, Py_ssize_t);
typedef PyObject *(*ssizessizeargfunc)(PyObject *, Py_ssize_t, Py_ssize_t);
typedef int (*ssizeobjargproc)(PyObject *, Py_ssize_t, PyObject *);
typedef int (*ssizessizeobjargproc)(PyObject *, Py_ssize_t, Py_ssize_t, PyObject *);
typedef int (*objobjargproc)(PyObject *, PyObject *, PyObject *);
typedef int (*objobjproc)(PyObject *, PyObject *);
typedef int (*visitproc)(PyObject *, void *);
typedef int (*traverseproc)(PyObject *, visitproc, void *);
typedef void (*freefunc)(void *);
typedef void (*destructor)(PyObject *);
typedef PyObject *(*getattrfunc)(PyObject *, char *);
typedef PyObject *(*getattrofunc)(PyObject *, PyObject *);
typedef int (*setattrfunc)(PyObject *, char *, PyObject *);
typedef int (*setattrofunc)(PyObject *, PyObject *, PyObject *);
typedef PyObject *(*reprfunc)(PyObject *);
typedef Py_hash_t (*hashfunc)(PyObject *);
typedef PyObject *(*richcmpfunc)(PyObject *, PyObject *, int);
typedef PyObject *(*getiterfunc)(PyObject *);
typedef PyObject *(*iternextfunc)(PyObject *);
typedef PyObject *(*descrgetfunc)(PyObject *, PyObject *, PyObject *);
typedef int (*descrsetfunc)(PyObject *, PyObject *, PyObject *);
typedef int (*initproc)(PyObject *, PyObject *, PyObject *);
typedef PyObject *(*newfunc)(PyTypeObject *, PyObject *, PyObject *);
typedef PyObject *(*allocfunc)(PyTypeObject *, Py_ssize_t);
typedef PyObject *(*vectorcallfunc)(PyObject *callable, PyObject *const *args,
                                    size_t nargsf, PyObject *kwnames);

typedef enum { PYGEN_RETURN = 0, PYGEN_ERROR = -1, PYGEN_NEXT = 1 } PySendResult;
typedef PySendResult (*sendfunc)(PyObject *iter, PyObject *value, PyObject **result);

typedef struct bufferinfo {
    void *buf;
    PyObject *obj;
    Py_ssize_t len;
    Py_ssize_t itemsize;
    int readonly;
    int ndim;
    char *format;
    Py_ssize_t *shape;
    Py_ssize_t *strides;
    Py_ssize_t *suboffsets;
    void *internal;
} Py_buffer;
typedef int (*getbufferproc)(PyObject *, Py_buffer *, int);
typedef void (*releasebufferproc)(PyObject *, Py_buffer *);

typedef struct {
    binaryfunc nb_add;
    binaryfunc nb_subtract;
    binaryfunc nb_multiply;
    binaryfunc nb_remainder;
    binaryfunc nb_divmod;
    ternaryfunc nb_power;
    unaryfunc nb_negative;
    unaryfunc nb_positive;
    unaryfunc nb_absolute;
    inquiry nb_bool;
    unaryfunc nb_invert;
    binaryfunc nb_lshift;
    binaryfunc nb_rshift;
    binaryfunc nb_and;
    binaryfunc nb_xor;
    binaryfunc nb_or;
    unaryfunc nb_int;
    void *nb_reserved;
    unaryfunc nb_float;
    binaryfunc nb_inplace_add;
    binaryfunc nb_inplace_subtract;
    binaryfunc nb_inplace_multiply;
    binaryfunc nb_inplace_remainder;
    ternaryfunc nb_inplace_power;
    binaryfunc nb_inplace_lshift;
    binaryfunc nb_inplace_rshift;
    binaryfunc nb_inplace_and;
    binaryfunc nb_inplace_xor;
    binaryfunc nb_inplace_or;
    binaryfunc nb_floor_divide;
    binaryfunc nb_true_divide;
    binaryfunc nb_inplace_floor_divide;
    binaryfunc nb_inplace_true_divide;
    unaryfunc nb_index;
    binaryfunc nb_matrix_multiply;
    binaryfunc nb_inplace_matrix_multiply;
} PyNumberMethods;

typedef struct {
    lenfunc sq_length;
    binaryfunc sq_concat;
    ssizeargfunc sq_repeat;
    ssizeargfunc sq_item;
    void *was_sq_slice;
    ssizeobjargproc sq_ass_item;
    void *was_sq_ass_slice;
    objobjproc sq_contains;
    binaryfunc sq_inplace_concat;
    ssizeargfunc sq_inplace_repeat;
} PySequenceMethods;

typedef struct {
    lenfunc mp_length;
    binaryfunc mp_subscript;
    objobjargproc mp_ass_subscript;
} PyMappingMethods;

typedef struct {
    unaryfunc am_await;
    unaryfunc am_aiter;
    unaryfunc am_anext;
    sendfunc am_send;
} PyAsyncMethods;

typedef struct {
    getbufferproc bf_getbuffer;
    releasebufferproc bf_releasebuffer;
} PyBufferProcs;

struct PyMethodDef;
struct PyMemberDef;
struct PyGetSetDef;

struct _typeobject {
    PyObject_VAR_HEAD
    const char *tp_name;
    Py_ssize_t tp_basicsize, tp_itemsize;

    destructor tp_dealloc;
    Py_ssize_t tp_vectorcall_offset;
    getattrfunc tp_getattr;
    setattrfunc tp_setattr;
    PyAsyncMethods *tp_as_async;
    reprfunc tp_repr;

    PyNumberMethods *tp_as_number;
    PySequenceMethods *tp_as_sequence;
    PyMappingMethods *tp_as_mapping;

    hashfunc tp_hash;
    ternaryfunc tp_call;
    reprfunc tp_str;
    getattrofunc tp_getattro;
    setattrofunc tp_setattro;

    PyBufferProcs *tp_as_buffer;
    unsigned long tp_flags;
    const char *tp_doc;

    traverseproc tp_traverse;
    inquiry tp_clear;
    richcmpfunc tp_richcompare;
    Py_ssize_t tp_weaklistoffset;

    getiterfunc tp_iter;
    iternextfunc tp_iternext;

    struct PyMethodDef *tp_methods;
    struct PyMemberDef *tp_members;
    struct PyGetSetDef *tp_getset;
    PyTypeObject *tp_base;
    PyObject *tp_dict;
    descrgetfunc tp_descr_get;
    descrsetfunc tp_descr_set;
    Py_ssize_t tp_dictoffset;
    initproc tp_init;
    allocfunc tp_alloc;
    newfunc tp_new;
    freefunc tp_free;
    inquiry tp_is_gc;
    PyObject *tp_bases;
    PyObject *tp_mro;
    PyObject *tp_cache;
    void *tp_subclasses;
    PyObject *tp_weaklist;
    destructor tp_del;
    unsigned int tp_version_tag;
    destructor tp_finalize;
    vectorcallfunc tp_vectorcall;
    unsigned char tp_watched;
};

/* Rich comparison opcodes. */
#define Py_LT 0
#define Py_LE 1
#define Py_EQ 2
#define Py_NE 3
#define Py_GT 4
#define Py_GE 5

/* tp_flags bits, with CPython's values. */
#define Py_TPFLAGS_MANAGED_DICT        (1UL << 4)
#define Py_TPFLAGS_SEQUENCE            (1UL << 5)
#define Py_TPFLAGS_MAPPING             (1UL << 6)
#define Py_TPFLAGS_DISALLOW_INSTANTIATION (1UL << 7)
#define Py_TPFLAGS_IMMUTABLETYPE       (1UL << 8)
#define Py_TPFLAGS_HEAPTYPE            (1UL << 9)
#define Py_TPFLAGS_BASETYPE            (1UL << 10)
#define Py_TPFLAGS_HAVE_VECTORCALL     (1UL << 11)
#define Py_TPFLAGS_READY               (1UL << 12)
#define Py_TPFLAGS_READYING            (1UL << 13)
#define Py_TPFLAGS_HAVE_GC             (1UL << 14)
#define Py_TPFLAGS_METHOD_DESCRIPTOR   (1UL << 17)
#define Py_TPFLAGS_VALID_VERSION_TAG   (1UL << 19)
#define Py_TPFLAGS_IS_ABSTRACT         (1UL << 20)
#define Py_TPFLAGS_LONG_SUBCLASS       (1UL << 24)
#define Py_TPFLAGS_LIST_SUBCLASS       (1UL << 25)
#define Py_TPFLAGS_TUPLE_SUBCLASS      (1UL << 26)
#define Py_TPFLAGS_BYTES_SUBCLASS      (1UL << 27)
#define Py_TPFLAGS_UNICODE_SUBCLASS    (1UL << 28)
#define Py_TPFLAGS_DICT_SUBCLASS       (1UL << 29)
#define Py_TPFLAGS_BASE_EXC_SUBCLASS   (1UL << 30)
#define Py_TPFLAGS_TYPE_SUBCLASS       (1UL << 31)
#define Py_TPFLAGS_DEFAULT             0UL
#define Py_TPFLAGS_HAVE_FINALIZE       (1UL << 0)
#define Py_TPFLAGS_HAVE_VERSION_TAG    (1UL << 18)

static inline int PyType_HasFeature(PyTypeObject *type, unsigned long feature)
{
    return (type->tp_flags & feature) != 0;
}
#define PyType_FastSubclass(type, flag) PyType_HasFeature((type), (flag))

#include "refcount.h"

/* ======================================================================
 * The object protocol.  Everything below is owned by the object core
 * (Objects/object.c, Objects/typeobject.c).
 * ====================================================================== */

/* A static PyObject (not inside another struct): PyObject_HEAD_INIT without
 * the trailing comma. */
#ifdef Py_GIL_DISABLED
#  define _PyObject_HEAD_INIT(type) \
    { 0, _Py_OBJ_FLAG_STATIC, { 0 }, 0, _Py_IMMORTAL_REFCNT_LOCAL, 0, (type) }
#else
#  define _PyObject_HEAD_INIT(type) { _Py_IMMORTAL_REFCNT, (type) }
#endif

PyAPI_DATA(PyTypeObject) PyType_Type;        /* 'type' */
PyAPI_DATA(PyTypeObject) PyBaseObject_Type;  /* 'object' */
PyAPI_DATA(PyTypeObject) PySuper_Type;       /* 'super' */

PyAPI_FUNC(int) PyType_IsSubtype(PyTypeObject *a, PyTypeObject *b);
static inline int PyObject_TypeCheck(PyObject *ob, PyTypeObject *type)
{
    return Py_IS_TYPE(ob, type) || PyType_IsSubtype(Py_TYPE(ob), type);
}
#define PyObject_TypeCheck(ob, type) PyObject_TypeCheck(_PyObject_CAST(ob), (type))
#define PyType_Check(op) PyType_FastSubclass(Py_TYPE(op), Py_TPFLAGS_TYPE_SUBCLASS)
#define PyType_CheckExact(op) Py_IS_TYPE((op), &PyType_Type)

PyAPI_FUNC(int) PyType_Ready(PyTypeObject *type);
PyAPI_FUNC(PyObject *) PyType_GenericAlloc(PyTypeObject *type, Py_ssize_t nitems);
PyAPI_FUNC(PyObject *) PyType_GenericNew(PyTypeObject *type, PyObject *args, PyObject *kwds);
PyAPI_FUNC(unsigned int) PyType_ClearCache(void);
/* Call after changing a static type's tp_dict or slots by hand. */
PyAPI_FUNC(void) PyType_Modified(PyTypeObject *type);
PyAPI_FUNC(unsigned long) PyType_GetFlags(PyTypeObject *type);
PyAPI_FUNC(PyObject *) PyType_GetName(PyTypeObject *type);
PyAPI_FUNC(PyObject *) PyType_GetQualName(PyTypeObject *type);
PyAPI_FUNC(PyObject *) PyType_GetModuleName(PyTypeObject *type);
PyAPI_FUNC(void *) PyType_GetSlot(PyTypeObject *type, int slot);
PyAPI_FUNC(PyObject *) PyType_GetDict(PyTypeObject *type);
/* Look `name` up along type's MRO without calling descriptors: a borrowed
 * reference or NULL (no exception set).  Cached per type version. */
PyAPI_FUNC(PyObject *) _PyType_Lookup(PyTypeObject *type, PyObject *name);
/* The same, returning a new reference (safe against concurrent changes). */
PyAPI_FUNC(PyObject *) _PyType_LookupRef(PyTypeObject *type, PyObject *name);
PyAPI_FUNC(const char *) _PyType_Name(PyTypeObject *type);  /* after the last dot */

/* A type created at run time (class statement, type(), PyType_FromSpec):
 * the slot tables live inside the type object, followed by the names and,
 * in the variable part, one PyMemberDef per __slots__ entry. */
typedef struct _heaptypeobject {
    PyTypeObject ht_type;
    PyAsyncMethods as_async;
    PyNumberMethods as_number;
    PyMappingMethods as_mapping;
    PySequenceMethods as_sequence;  /* after as_mapping: slot lookup relies on the order */
    PyBufferProcs as_buffer;
    PyObject *ht_name, *ht_slots, *ht_qualname;
    PyObject *ht_module;            /* PyType_FromModuleAndSpec's module */
    char *_ht_tpname;               /* storage for tp_name */
} PyHeapTypeObject;
#define PyHeapType_GET_MEMBERS(etype) \
    ((struct PyMemberDef *)(((char *)(etype)) + Py_TYPE(etype)->tp_basicsize))

/* Heap types from a specification (the limited-API way to make a type). */
typedef struct {
    int slot;    /* one of the Py_tp_* / Py_nb_* / ... ids in typeslots.h */
    void *pfunc;
} PyType_Slot;

typedef struct {
    const char *name;
    int basicsize;
    int itemsize;
    unsigned int flags;
    PyType_Slot *slots;  /* terminated by {0, NULL} */
} PyType_Spec;

PyAPI_FUNC(PyObject *) PyType_FromSpec(PyType_Spec *spec);
PyAPI_FUNC(PyObject *) PyType_FromSpecWithBases(PyType_Spec *spec, PyObject *bases);
PyAPI_FUNC(PyObject *) PyType_FromModuleAndSpec(PyObject *module, PyType_Spec *spec,
                                                PyObject *bases);
PyAPI_FUNC(PyObject *) PyType_GetModule(PyTypeObject *type);
PyAPI_FUNC(void *) PyType_GetModuleState(PyTypeObject *type);

/* Generic operations on objects. */
PyAPI_FUNC(PyObject *) PyObject_Repr(PyObject *v);
PyAPI_FUNC(PyObject *) PyObject_Str(PyObject *v);
PyAPI_FUNC(PyObject *) PyObject_ASCII(PyObject *v);
PyAPI_FUNC(PyObject *) PyObject_Bytes(PyObject *v);
PyAPI_FUNC(PyObject *) PyObject_RichCompare(PyObject *v, PyObject *w, int op);
/* 1, 0, or -1 with an exception; identical objects are equal for Py_EQ
 * (and not unequal for Py_NE) without calling the comparison. */
PyAPI_FUNC(int) PyObject_RichCompareBool(PyObject *v, PyObject *w, int op);
PyAPI_FUNC(PyObject *) PyObject_GetAttrString(PyObject *v, const char *name);
PyAPI_FUNC(int) PyObject_SetAttrString(PyObject *v, const char *name, PyObject *value);
PyAPI_FUNC(int) PyObject_DelAttrString(PyObject *v, const char *name);
PyAPI_FUNC(int) PyObject_HasAttrString(PyObject *v, const char *name);
PyAPI_FUNC(PyObject *) PyObject_GetAttr(PyObject *v, PyObject *name);
/* 1 and *result set; 0 and *result NULL when the attribute is missing
 * (AttributeError swallowed); -1 on other errors. */
PyAPI_FUNC(int) PyObject_GetOptionalAttr(PyObject *v, PyObject *name, PyObject **result);
PyAPI_FUNC(int) PyObject_GetOptionalAttrString(PyObject *v, const char *name, PyObject **result);
PyAPI_FUNC(int) PyObject_SetAttr(PyObject *v, PyObject *name, PyObject *value);
PyAPI_FUNC(int) PyObject_DelAttr(PyObject *v, PyObject *name);
PyAPI_FUNC(int) PyObject_HasAttr(PyObject *v, PyObject *name);
PyAPI_FUNC(int) PyObject_HasAttrWithError(PyObject *v, PyObject *name);
PyAPI_FUNC(int) PyObject_HasAttrStringWithError(PyObject *v, const char *name);
PyAPI_FUNC(PyObject *) PyObject_SelfIter(PyObject *obj);
PyAPI_FUNC(PyObject *) PyObject_GenericGetAttr(PyObject *obj, PyObject *name);
PyAPI_FUNC(int) PyObject_GenericSetAttr(PyObject *obj, PyObject *name, PyObject *value);
PyAPI_FUNC(PyObject *) PyObject_GenericGetDict(PyObject *obj, void *context);
PyAPI_FUNC(int) PyObject_GenericSetDict(PyObject *obj, PyObject *value, void *context);
/* Address of the instance __dict__ slot, or NULL if the type has none. */
PyAPI_FUNC(PyObject **) _PyObject_GetDictPtr(PyObject *obj);
/* Look up a method for a call: 1 and *method = an unbound function to be
 * called with obj first; 0 and *method = a bound/other callable; *method NULL
 * and -1 on error.  Saves creating bound method objects. */
PyAPI_FUNC(int) _PyObject_GetMethod(PyObject *obj, PyObject *name, PyObject **method);
PyAPI_FUNC(Py_hash_t) PyObject_Hash(PyObject *v);
/* tp_hash of unhashable types: raises TypeError: unhashable type: 'X'. */
PyAPI_FUNC(Py_hash_t) PyObject_HashNotImplemented(PyObject *v);
PyAPI_FUNC(int) PyObject_IsTrue(PyObject *v);
PyAPI_FUNC(int) PyObject_Not(PyObject *v);
PyAPI_FUNC(int) PyCallable_Check(PyObject *v);
PyAPI_FUNC(PyObject *) PyObject_Dir(PyObject *v);
PyAPI_FUNC(int) PyObject_Print(PyObject *op, FILE *fp, int flags);
#define Py_PRINT_RAW 1

/* Guard against infinite recursion in repr of self-containing containers:
 * 0 the first time, 1 if `obj` is already being printed by this thread
 * (then print "[...]"), -1 on error.  Py_ReprLeave undoes a 0. */
PyAPI_FUNC(int) Py_ReprEnter(PyObject *obj);
PyAPI_FUNC(void) Py_ReprLeave(PyObject *obj);

/* The singletons.  All immortal. */
PyAPI_DATA(PyObject) _Py_NoneStruct;
PyAPI_DATA(PyObject) _Py_NotImplementedStruct;
PyAPI_DATA(PyObject) _Py_EllipsisObject;
PyAPI_DATA(PyTypeObject) _PyNone_Type;
PyAPI_DATA(PyTypeObject) _PyNotImplemented_Type;
PyAPI_DATA(PyTypeObject) PyEllipsis_Type;
#define Py_None (&_Py_NoneStruct)
#define Py_NotImplemented (&_Py_NotImplementedStruct)
#define Py_Ellipsis (&_Py_EllipsisObject)
#define Py_IsNone(x) Py_Is((x), Py_None)
#define Py_RETURN_NONE return Py_None
#define Py_RETURN_NOTIMPLEMENTED return Py_NotImplemented

/* Implement a rich comparison from two C values. */
#define Py_RETURN_RICHCOMPARE(val1, val2, op)                               \
    do {                                                                    \
        switch (op) {                                                       \
        case Py_EQ: if ((val1) == (val2)) return Py_NewRef(Py_True); return Py_NewRef(Py_False); \
        case Py_NE: if ((val1) != (val2)) return Py_NewRef(Py_True); return Py_NewRef(Py_False); \
        case Py_LT: if ((val1) < (val2)) return Py_NewRef(Py_True); return Py_NewRef(Py_False);  \
        case Py_GT: if ((val1) > (val2)) return Py_NewRef(Py_True); return Py_NewRef(Py_False);  \
        case Py_LE: if ((val1) <= (val2)) return Py_NewRef(Py_True); return Py_NewRef(Py_False); \
        case Py_GE: if ((val1) >= (val2)) return Py_NewRef(Py_True); return Py_NewRef(Py_False); \
        default: Py_UNREACHABLE();                                          \
        }                                                                   \
    } while (0)

/* The trashcan (deep dealloc chains) is not needed yet: these keep
 * CPython-style tp_dealloc code compiling. */
#define Py_TRASHCAN_BEGIN(op, dealloc) {
#define Py_TRASHCAN_END }

/* Ready every static type of the core (Objects/object.c).  0 or -1. */
PyAPI_FUNC(int) _PyTypes_Init(void);

#endif /* Py_OBJECT_H */
