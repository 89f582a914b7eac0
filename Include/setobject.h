/* setobject.h: set and frozenset.  An open-addressing hash table laid out
 * and probed as CPython's (a few linear probes, then perturbed jumps; same
 * table sizes and growth), so iteration order matches CPython for keys with
 * deterministic hashes such as ints.  The table is the built-in smalltable
 * for up to 8 slots and a separately allocated array beyond.  In the
 * free-threaded build membership tests and iteration read without the lock
 * (a sequence counter, wseq, tells them when a writer was active).
 * Implementation: Objects/setobject.c. */
#ifndef Py_SETOBJECT_H
#define Py_SETOBJECT_H

#include "object.h"

#define PySet_MINSIZE 8

typedef struct {
    PyObject *key;      /* NULL: never used; the dummy: deleted */
    Py_hash_t hash;     /* cached hash of key; -1 for the dummy */
} setentry;

typedef struct {
    PyObject_HEAD
    Py_ssize_t fill;    /* active + dummy slots */
    Py_ssize_t used;    /* active slots */
    Py_ssize_t mask;    /* table size - 1 (table size is a power of two) */
    setentry *table;    /* smalltable, or an allocated array */
    Py_hash_t hash;     /* frozenset only; -1 until computed */
    Py_ssize_t finger;  /* where set.pop() starts looking */
    uintptr_t wseq;     /* free-threaded build: odd while the table changes;
                         * lock-free readers (x in s, iteration) validate it */
    setentry smalltable[PySet_MINSIZE];
    PyObject *weakreflist;
} PySetObject;

PyAPI_DATA(PyTypeObject) PySet_Type;
PyAPI_DATA(PyTypeObject) PyFrozenSet_Type;
PyAPI_DATA(PyTypeObject) PySetIter_Type;

#define PyFrozenSet_CheckExact(ob) Py_IS_TYPE((ob), &PyFrozenSet_Type)
#define PyFrozenSet_Check(ob) \
    (Py_IS_TYPE((ob), &PyFrozenSet_Type) || \
     PyType_IsSubtype(Py_TYPE(ob), &PyFrozenSet_Type))
#define PySet_CheckExact(op) Py_IS_TYPE((op), &PySet_Type)
#define PySet_Check(ob) \
    (Py_IS_TYPE((ob), &PySet_Type) || PyType_IsSubtype(Py_TYPE(ob), &PySet_Type))
#define PyAnySet_CheckExact(ob) \
    (Py_IS_TYPE((ob), &PySet_Type) || Py_IS_TYPE((ob), &PyFrozenSet_Type))
#define PyAnySet_Check(ob) \
    (PyAnySet_CheckExact(ob) || \
     PyType_IsSubtype(Py_TYPE(ob), &PySet_Type) || \
     PyType_IsSubtype(Py_TYPE(ob), &PyFrozenSet_Type))

PyAPI_FUNC(PyObject *) PySet_New(PyObject *iterable);
PyAPI_FUNC(PyObject *) PyFrozenSet_New(PyObject *iterable);
PyAPI_FUNC(int) PySet_Add(PyObject *set, PyObject *key);
PyAPI_FUNC(int) PySet_Clear(PyObject *set);
PyAPI_FUNC(int) PySet_Contains(PyObject *anyset, PyObject *key);
PyAPI_FUNC(int) PySet_Discard(PyObject *set, PyObject *key);
PyAPI_FUNC(PyObject *) PySet_Pop(PyObject *set);
PyAPI_FUNC(Py_ssize_t) PySet_Size(PyObject *anyset);

static inline Py_ssize_t PySet_GET_SIZE(PyObject *so)
{
#ifdef Py_GIL_DISABLED
    return _Py_atomic_load_ssize_relaxed(&((PySetObject *)so)->used);
#else
    return ((PySetObject *)so)->used;
#endif
}
#define PySet_GET_SIZE(so) PySet_GET_SIZE(_PyObject_CAST(so))

/* Internal (CPython's names): iterate entries with their cached hashes;
 * returns 1 with borrowed *key while entries remain, 0 at the end. */
/* A new list of the items of an exact set/frozenset, copied atomically;
 * NULL without an exception for other objects. */
PyAPI_FUNC(PyObject *) _PySet_SnapshotList(PyObject *obj);
PyAPI_FUNC(int) _PySet_NextEntry(PyObject *set, Py_ssize_t *pos, PyObject **key,
                                 Py_hash_t *hash);
PyAPI_FUNC(int) _PySet_Update(PyObject *set, PyObject *iterable);

#endif /* Py_SETOBJECT_H */
