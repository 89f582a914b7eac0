/* pycore_typeobject.h: what Objects/typeobject.c and Objects/typeslots.c
 * share: the slot table that maps dunder names to type slots, and the
 * helpers to call a special method looked up on the type.
 * Implementation: Objects/typeslots.c (slots), Objects/typeobject.c. */
#ifndef Py_INTERNAL_TYPEOBJECT_H
#define Py_INTERNAL_TYPEOBJECT_H

#include "Python.h"
#include "pycore_object.h"

/* typeslots.c */
extern int _PyType_InitSlotDefs(void);
/* Add wrapper descriptors (int.__add__ ...) for the slots `type` fills
 * itself; called by PyType_Ready before inheritance. */
extern int _PyType_AddOperators(PyTypeObject *type);
/* Point every slot of a class created by Python code at the dunder
 * methods found along its MRO. */
extern void _PyType_FixupSlotDispatchers(PyTypeObject *type);
/* After `name` changed on `type`: refresh the slots that map to it on the
 * type and its subclasses.  0 if `name` is not a slot name. */
extern int _PyType_UpdateSlot(PyTypeObject *type, PyObject *name);
extern PyObject *_PyType_tp_new_wrapper(PyObject *self, PyObject *args, PyObject *kwds);
extern PyMethodDef _PyType_tp_new_methoddef;

/* Call type(self).<name>(self, *args): NULL with AttributeError if absent. */
extern PyObject *_PyType_CallMethod(PyObject *self, PyObject *name,
                                    PyObject *const *args, Py_ssize_t nargs);

/* typeobject.c: the attribute cache, a global direct-mapped table keyed by
 * (type version tag, interned name).  Each entry is guarded by a sequence
 * counter (odd while being written), so readers never lock. */
#define _Py_MCACHE_SIZE_EXP 12
#define _Py_MCACHE_SIZE (1 << _Py_MCACHE_SIZE_EXP)
#define _Py_MCACHE_HASH(version, name_hash) \
    (((unsigned int)(version) ^ (unsigned int)(name_hash)) & (_Py_MCACHE_SIZE - 1))

struct _Py_mcache_entry {
    uint32_t sequence;
    uint32_t version;
    PyObject *name;    /* borrowed, interned */
    PyObject *value;   /* borrowed: the type dict holds it */
};
extern struct _Py_mcache_entry _Py_type_method_cache[_Py_MCACHE_SIZE];

/* The miss path: MRO walk, then the entry is filled. */
PyAPI_FUNC(PyObject *) _PyType_LookupSlow(PyTypeObject *type, PyObject *name);

/* For inline caches: the lookup (borrowed) and the type version it holds
 * for (0: not cacheable, e.g. the tag could not be assigned). */
PyAPI_FUNC(PyObject *) _PyType_LookupWithVersion(PyTypeObject *type, PyObject *name,
                                                 uint32_t *version);

/* Probe the attribute cache: 1 with *res (borrowed, maybe NULL for
 * "absent") and *version the type version it holds for, or 0.  The
 * entry's fields are read with acquire loads (plain loads on x86-64) so
 * the second sequence load stays after them without a fence. */
_Py_NO_SANITIZE_THREAD
static inline int
_PyType_ProbeCache(PyTypeObject *type, PyObject *name, PyObject **res, uint32_t *version)
{
    uint32_t v = _Py_atomic_load_uint32_relaxed(&type->tp_version_tag);
    if (v != 0 && PyUnicode_CheckExact(name)) {
        Py_hash_t h = _Py_atomic_load_ssize_relaxed(&((PyUnicodeObject *)name)->hash);
        struct _Py_mcache_entry *e = &_Py_type_method_cache[_Py_MCACHE_HASH(v, h)];
        uint32_t seq = _Py_atomic_load_uint32_acquire(&e->sequence);
        if (_Py_atomic_load_ptr_acquire(&e->name) == name &&
            _Py_atomic_load_uint32_acquire(&e->version) == v) {
            PyObject *val = _Py_atomic_load_ptr_acquire(&e->value);
            if ((seq & 1) == 0 && _Py_atomic_load_uint32_relaxed(&e->sequence) == seq) {
                *res = val;
                *version = v;
                return 1;
            }
        }
    }
    return 0;
}

/* _PyType_Lookup with the probe inline: internal callers get it through
 * the macros below; the exported functions call it too. */
static inline PyObject *
_PyType_LookupInline(PyTypeObject *type, PyObject *name)
{
    PyObject *res;
    uint32_t version;
    if (_PyType_ProbeCache(type, name, &res, &version)) {
        return res;
    }
    return _PyType_LookupSlow(type, name);
}

static inline PyObject *
_PyType_LookupRefInline(PyTypeObject *type, PyObject *name)
{
    return Py_XNewRef(_PyType_LookupInline(type, name));
}

#define _PyType_Lookup(type, name) _PyType_LookupInline((type), (name))
#define _PyType_LookupRef(type, name) _PyType_LookupRefInline((type), (name))

/* typeobject.c */
extern PyObject *_PyType_GetSubclassesList(PyTypeObject *type);  /* new tuple */
extern void _PyType_AssignVersionTag(PyTypeObject *type);
extern PyObject *_PyObject_SlotNew(PyTypeObject *type, PyObject *args, PyObject *kwds);
extern int _PyObject_InitDefault(PyObject *self, PyObject *args, PyObject *kwds);
extern PyObject *_PyObject_NewDefault(PyTypeObject *type, PyObject *args, PyObject *kwds);

#endif /* Py_INTERNAL_TYPEOBJECT_H */
