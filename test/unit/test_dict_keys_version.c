/* test_dict_keys_version.c: the dict keys version behind the eval loop's
 * inline caches (Include/internal/pycore_dict.h): assigned on a cache
 * lookup, kept by value-only updates, cleared by inserting or removing a
 * key, a resize, clear() and popitem(); cache words probe to the current
 * value, report absence, and go stale exactly when the keys change. */
#include "weft_test.h"
#include "pycore_dict.h"

TestSuite(dict_keys_version, .init = weft_setup);

static uint32_t
version_of(PyObject *d)
{
    return ((PyDictObject *)d)->ma_keys->dk_version;
}

static void
set_int(PyObject *d, PyObject *k, long v)
{
    PyObject *o = PyLong_FromLong(v);
    cr_assert_eq(PyDict_SetItem(d, k, o), 0);
    Py_DECREF(o);
}

static long
probe_long(PyObject *d, uint64_t word, int expect)
{
    PyObject *v = NULL;
    int r = _PyDict_ProbeCacheWord(d, word, &v);
    cr_assert_eq(r, expect, "probe returned %d, expected %d", r, expect);
    if (r <= 0) {
        return -1;
    }
    long res = PyLong_AsLong(v);
    Py_DECREF(v);
    return res;
}

Test(dict_keys_version, value_update_keeps_version)
{
    PyObject *d = PyDict_New(), *a = weft_interned("a"), *b = weft_interned("b");
    set_int(d, a, 1);
    set_int(d, b, 2);
    cr_assert_eq(version_of(d), 0, "no version before a cache asks");
    uint64_t word;
    PyObject *v;
    cr_assert_eq(_PyDict_LookupForCache(d, b, &word, &v), 1);
    cr_assert_eq(PyLong_AsLong(v), 2);
    Py_DECREF(v);
    uint32_t ver = version_of(d);
    cr_assert_neq(ver, 0);
    cr_assert_eq((uint32_t)(word >> 32), ver);
    cr_assert_eq((uint32_t)word, 1, "b is entry 1");
    cr_assert_eq(probe_long(d, word, 1), 2);
    set_int(d, b, 20);                       /* value only */
    cr_assert_eq(version_of(d), ver);
    cr_assert_eq(probe_long(d, word, 1), 20);
    set_int(d, a, 10);
    cr_assert_eq(probe_long(d, word, 1), 20);
    Py_DECREF(d);
}

Test(dict_keys_version, insert_and_delete_clear_version)
{
    PyObject *d = PyDict_New(), *a = weft_interned("a"), *b = weft_interned("b"), *c = weft_interned("c");
    set_int(d, a, 1);
    uint64_t wa, wb;
    PyObject *v;
    cr_assert_eq(_PyDict_LookupForCache(d, a, &wa, &v), 1);
    Py_DECREF(v);
    cr_assert_eq(_PyDict_LookupForCache(d, b, &wb, &v), 0);
    cr_assert_null(v);
    cr_assert_eq((uint32_t)wb, _PY_DICT_CACHE_ABSENT);
    cr_assert_eq(wa >> 32, wb >> 32, "same keys, same version");
    probe_long(d, wb, 0);                     /* absent, still true */
    set_int(d, c, 3);                         /* a new key */
    cr_assert_eq(version_of(d), 0);
    probe_long(d, wa, -1);
    probe_long(d, wb, -1);
    cr_assert_eq(_PyDict_LookupForCache(d, a, &wa, &v), 1);
    Py_DECREF(v);
    uint32_t v2 = version_of(d);
    cr_assert_neq(v2, 0);
    cr_assert_neq(v2, (uint32_t)(wb >> 32), "versions are never reused");
    cr_assert_eq(PyDict_DelItem(d, c), 0);    /* a removed key */
    cr_assert_eq(version_of(d), 0);
    probe_long(d, wa, -1);
    Py_DECREF(d);
}

Test(dict_keys_version, resize_clear_popitem)
{
    PyObject *d = PyDict_New(), *a = weft_interned("a");
    set_int(d, a, 1);
    uint64_t w;
    PyObject *v;
    cr_assert_eq(_PyDict_LookupForCache(d, a, &w, &v), 1);
    Py_DECREF(v);
    for (int i = 0; i < 100; i++) {           /* grows: new keys blocks */
        char buf[16];
        snprintf(buf, sizeof buf, "k%d", i);
        PyObject *k = weft_interned(buf);
        set_int(d, k, i);
        Py_DECREF(k);
    }
    probe_long(d, w, -1);
    cr_assert_eq(_PyDict_LookupForCache(d, a, &w, &v), 1);
    Py_DECREF(v);
    cr_assert_eq(probe_long(d, w, 1), 1);
    PyObject *res = PyObject_CallMethod(d, "popitem", NULL);
    cr_assert_not_null(res);
    Py_DECREF(res);
    probe_long(d, w, -1);
    cr_assert_eq(_PyDict_LookupForCache(d, a, &w, &v), 1);
    Py_DECREF(v);
    PyDict_Clear(d);
    probe_long(d, w, -1);
    cr_assert_eq(version_of(d), 0, "the shared empty keys never get a version");
    cr_assert_eq(_PyDict_LookupForCache(d, a, &w, &v), 0);
    cr_assert_eq(w, 0, "empty keys: not cacheable");
    Py_DECREF(d);
}

Test(dict_keys_version, popitem_reused_entry_is_not_misread)
{
    /* popitem frees the last entry and the next insert reuses it for
     * another key: a word for the popped key must not read the new one. */
    PyObject *d = PyDict_New(), *a = weft_interned("a"), *z = weft_interned("z"), *w2 = weft_interned("w");
    set_int(d, a, 1);
    set_int(d, z, 26);
    uint64_t w;
    PyObject *v;
    cr_assert_eq(_PyDict_LookupForCache(d, z, &w, &v), 1);
    Py_DECREF(v);
    PyObject *res = PyObject_CallMethod(d, "popitem", NULL);
    Py_DECREF(res);
    set_int(d, w2, 99);
    probe_long(d, w, -1);
    Py_DECREF(d);
}

Test(dict_keys_version, attr_hint)
{
    PyObject *d = PyDict_New(), *a = weft_interned("a"), *b = weft_interned("b");
    set_int(d, a, 1);
    set_int(d, b, 2);
    uint32_t hint = 0;
    PyObject *v;
    cr_assert_eq(_PyDict_GetAttrHint(d, b, &hint, &v), 1);
    cr_assert_eq(PyLong_AsLong(v), 2);
    Py_DECREF(v);
    cr_assert_eq(hint, 1);
    hint = 1000;                              /* out of range: full lookup */
    cr_assert_eq(_PyDict_GetAttrHint(d, a, &hint, &v), 1);
    Py_DECREF(v);
    cr_assert_eq(hint, 0);
    PyObject *c = weft_interned("c");
    cr_assert_eq(_PyDict_GetAttrHint(d, c, &hint, &v), 0);
    cr_assert_null(v);
    cr_assert_eq(PyDict_DelItem(d, a), 0);
    hint = 0;
    cr_assert_eq(_PyDict_GetAttrHint(d, a, &hint, &v), 0);
    Py_DECREF(d);
}
