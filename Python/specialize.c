/* specialize.c: filling the eval loop's attribute caches (LOAD_ATTR,
 * LOAD_METHOD, STORE_ATTR; layout and reading in
 * Include/internal/pycore_cache.h, the hit paths in Python/ceval.c).
 *
 * An entry records, for one type version tag, how the generic attribute
 * protocol resolves a name: no class attribute (go to the instance dict),
 * a data descriptor, a method, another non-data descriptor, or a plain
 * class value.  Only descriptors whose type is immutable are cached, so
 * their get/set slots and data-ness cannot change behind the entry; every
 * change to the class or a base clears its tag (PyType_Modified), which
 * retires the entry.  Types with their own __getattribute__/__getattr__/
 * __setattr__ (tp_getattro/tp_setattro not the generic ones) are not
 * cached; setting such a dunder later modifies the type. */
#include "Python.h"
#include "pycore_object.h"
#include "pycore_typeobject.h"
#include "pycore_cache.h"
#include "pycore_dict.h"

/* Free-threaded build: a sequence lock per entry.  A writer that finds the
 * entry being written by someone else gives up (the entry is a cache). */
static void
write_entry(_PyInstrCache *ce, PyTypeObject *tp, uint32_t version, uint32_t kind,
            uint32_t index, PyObject *descr)
{
    /* The way this type used before (its tag changed), else an empty one,
     * else the second: the first type seen keeps way 0. */
    if (index > _PyAttrCache_MAXINDEX) {
        return;  /* does not fit the word: not cached */
    }
    uint64_t word = _PyAttrCache_WORD(version, kind, index);
    int w;
    if (_Py_atomic_load_ptr_relaxed(&ce->attr[0].type) == tp ||
        (_Py_atomic_load_uint64_relaxed(&ce->attr[0].word) >> 32) == 0) {
        w = 0;
    }
    else {
        w = 1;
    }
#ifdef Py_GIL_DISABLED
    uint32_t seq = _Py_atomic_load_uint32_relaxed(&ce->attr[w].seq);
    if ((seq & 1) != 0 ||
        !_Py_atomic_compare_exchange_uint32(&ce->attr[w].seq, &seq, seq + 1)) {
        return;
    }
    /* Release: a reader that takes the word alone (an instance-dict
     * entry) reads nothing else of the entry. */
    _Py_atomic_store_uint64_release(&ce->attr[w].word, word);
    _Py_atomic_store_ptr_relaxed(&ce->attr[w].descr, descr);
    _Py_atomic_store_ptr_relaxed(&ce->attr[w].type, tp);
    _Py_atomic_store_uint32_release(&ce->attr[w].seq, seq + 2);
#else
    ce->attr[w].word = word;
    ce->attr[w].descr = descr;
    ce->attr[w].type = tp;
#endif
}

void
_PyAttrCache_Fill(_PyInstrCache *ce, PyObject *owner, PyObject *name, int op)
{
    PyTypeObject *tp = Py_TYPE(owner);
    if (!PyUnicode_CheckExact(name) || !_PyType_IsReady(tp)) {
        return;
    }
    if (op == _PyAttr_OP_STORE ? tp->tp_setattro != PyObject_GenericSetAttr
                               : tp->tp_getattro != PyObject_GenericGetAttr) {
        return;
    }
    uint32_t version;
    PyObject *descr = _PyType_LookupWithVersion(tp, name, &version);
    if (version == 0) {
        return;
    }
    uint32_t kind, index = 0;
    if (descr == NULL) {
        kind = _PyAttr_INSTANCE_DICT;
    }
    else {
        PyTypeObject *dt = Py_TYPE(descr);
        if (!(dt->tp_flags & Py_TPFLAGS_IMMUTABLETYPE)) {
            return;
        }
        if (dt->tp_descr_set != NULL) {
            if (dt->tp_descr_get == NULL && op != _PyAttr_OP_STORE) {
                return;  /* set-only data descriptor: reads fall to the dict */
            }
            kind = _PyAttr_DATA_DESCR;
            if (Py_IS_TYPE(descr, &PyMemberDescr_Type)) {
                /* A __slots__ member read or written in place: the plain
                 * object kind, no flags (READONLY only for reads), and the
                 * descriptor applies to this type. */
                PyMemberDef *m = ((PyMemberDescrObject *)descr)->d_member;
                int flags = op == _PyAttr_OP_STORE ? m->flags : (m->flags & ~Py_READONLY);
                if (m->type == Py_T_OBJECT_EX && flags == 0 && m->offset > 0 &&
                    m->offset < (Py_ssize_t)INT32_MAX &&
                    PyType_IsSubtype(tp, PyDescr_TYPE(descr))) {
                    kind = _PyAttr_SLOT;
                    index = (uint32_t)m->offset;
                }
            }
        }
        else if (op == _PyAttr_OP_STORE) {
            kind = _PyAttr_INSTANCE_DICT;  /* non-data: stores go to the dict */
        }
        else if (dt->tp_descr_get == NULL) {
            kind = _PyAttr_CLASS_VALUE;
        }
        else if (op == _PyAttr_OP_METHOD && (dt->tp_flags & Py_TPFLAGS_METHOD_DESCRIPTOR)) {
            kind = _PyAttr_METHOD;
        }
        else {
            kind = _PyAttr_NONDATA_DESCR;
        }
    }
    if (kind != _PyAttr_DATA_DESCR && kind != _PyAttr_SLOT) {
        /* The instance dict is read (or checked for shadowing) at a fixed
         * offset; the var-sized layout (negative offset) is not cached. */
        if (tp->tp_dictoffset < 0 || (kind == _PyAttr_INSTANCE_DICT && tp->tp_dictoffset == 0)) {
            return;
        }
    }
    if (kind == _PyAttr_INSTANCE_DICT) {
        /* Where the name sits in this instance's dict: a hint for the next
         * instances (usually built by the same __init__), for loads and
         * for stores that replace a value (_PyDict_ReplaceAttrHint). */
        PyObject *dict = _Py_atomic_load_ptr_acquire((char *)owner + tp->tp_dictoffset);
        if (dict != NULL) {
            PyObject *value;
            PyObject *exc = PyErr_GetRaisedException();
            int r = _PyDict_GetAttrHint(dict, name, &index, &value);
            if (r < 0) {
                PyErr_Clear();
            }
            PyErr_SetRaisedException(exc);
            Py_XDECREF(value);
            if (index > _PyAttrCache_MAXINDEX) {
                index = 0;  /* only a hint: a wrong one costs a probe */
            }
        }
    }
    write_entry(ce, tp, version, kind, index, kind == _PyAttr_INSTANCE_DICT ? NULL : descr);
}
