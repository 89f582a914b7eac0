/* test_dict_attr_paths.c: the instance-dict helpers behind the attribute
 * caches (Include/internal/pycore_dict.h): the keys' hash summary that lets
 * a method load skip probing (_PyDict_SurelyLacks never says "absent" for a
 * present key, through inserts, deletes, resizes, popitem and clear), and
 * the in-place value replacement of STORE_ATTR (_PyDict_ReplaceAttrHint:
 * only when the hinted entry holds that very key, keeping the keys version
 * and dropping the old value's reference). */
#include "weft_test.h"
#include "pycore_dict.h"

TestSuite(dict_attr_paths, .init = weft_setup);

static Py_hash_t
hash_of(PyObject *o)
{
    Py_hash_t h = PyObject_Hash(o);
    cr_assert_neq(h, -1);
    return h;
}

/* Every key of `d` must pass the summary test. */
static void
assert_summary_covers(PyObject *d)
{
    PyObject *key, *value;
    Py_ssize_t pos = 0;
    while (PyDict_Next(d, &pos, &key, &value)) {
        cr_assert_eq(_PyDict_SurelyLacks(d, hash_of(key)), 0,
                     "a present key was reported absent");
    }
}

Test(dict_attr_paths, summary_never_hides_a_key)
{
    PyObject *d = PyDict_New();
    PyObject *step = weft_interned("step");
    /* Empty dict: nothing can be present. */
    cr_assert_eq(_PyDict_SurelyLacks(d, hash_of(step)), 1);
    char buf[32];
    for (int i = 0; i < 200; i++) {               /* several resizes */
        snprintf(buf, sizeof buf, "k%d", i);
        PyObject *k = weft_interned(buf);
        cr_assert_eq(PyDict_SetItem(d, k, Py_None), 0);
        Py_DECREF(k);
        if (i % 37 == 0) {
            assert_summary_covers(d);
        }
    }
    assert_summary_covers(d);
    for (int i = 0; i < 200; i += 2) {
        snprintf(buf, sizeof buf, "k%d", i);
        PyObject *k = weft_interned(buf);
        cr_assert_eq(PyDict_DelItem(d, k), 0);
        Py_DECREF(k);
    }
    PyObject *r = PyObject_CallMethod(d, "popitem", NULL);
    cr_assert_not_null(r);
    Py_DECREF(r);
    cr_assert_eq(PyDict_SetItem(d, step, Py_True), 0);
    assert_summary_covers(d);
    /* Non-str keys use the same hashes. */
    PyObject *n = PyLong_FromLong(123456789);
    cr_assert_eq(PyDict_SetItem(d, n, Py_None), 0);
    assert_summary_covers(d);
    Py_DECREF(n);
    /* clear() starts from an empty summary. */
    PyDict_Clear(d);
    cr_assert_eq(_PyDict_SurelyLacks(d, hash_of(step)), 1);
    Py_DECREF(step);
    Py_DECREF(d);
}

Test(dict_attr_paths, summary_says_absent_for_a_small_dict)
{
    /* With two keys, at most two of the 32 bits are set: some of these
     * names must be reported absent without a probe. */
    PyObject *d = PyDict_New(), *x = weft_interned("x"), *v = weft_interned("v");
    cr_assert_eq(PyDict_SetItem(d, x, Py_None), 0);
    cr_assert_eq(PyDict_SetItem(d, v, Py_None), 0);
    const char *names[] = {"step", "run", "move", "reset", "update", "draw"};
    int absent = 0;
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        PyObject *k = weft_interned(names[i]);
        absent += _PyDict_SurelyLacks(d, hash_of(k));
        Py_DECREF(k);
    }
    cr_assert_geq(absent, 3, "only %d of 6 absent names skipped", absent);
    Py_DECREF(x);
    Py_DECREF(v);
    Py_DECREF(d);
}

Test(dict_attr_paths, replace_through_hint)
{
    PyObject *d = PyDict_New(), *a = weft_interned("a"), *b = weft_interned("b");
    PyObject *one = PyLong_FromLong(1), *two = PyLong_FromLong(2);
    PyObject *big = PyLong_FromLong(1L << 40);
    cr_assert_eq(PyDict_SetItem(d, a, one), 0);
    cr_assert_eq(PyDict_SetItem(d, b, big), 0);
    /* A cache version taken now must survive a value-only replacement. */
    uint64_t word;
    PyObject *got;
    cr_assert_eq(_PyDict_LookupForCache(d, b, &word, &got), 1);
    Py_DECREF(got);
    Py_ssize_t before = Py_REFCNT(big);
    /* Entry 1 holds b: replaced in place, the dict's reference to the old
     * value dropped. */
    cr_assert_eq(_PyDict_ReplaceAttrHint(d, b, 1, two), 1);
    cr_assert_eq(Py_REFCNT(big), before - 1);
    cr_assert_eq(PyDict_GetItemWithError(d, b), two);
    cr_assert_eq(_PyDict_ProbeCacheWord(d, word, &got), 1);
    cr_assert_eq(got, two);
    Py_DECREF(got);
    /* Wrong entry, out of range, missing key: nothing done. */
    cr_assert_eq(_PyDict_ReplaceAttrHint(d, a, 1, big), 0);
    cr_assert_eq(_PyDict_ReplaceAttrHint(d, a, 7, big), 0);
    PyObject *c = weft_interned("c");
    cr_assert_eq(_PyDict_ReplaceAttrHint(d, c, 0, big), 0);
    cr_assert_eq(PyDict_GetItemWithError(d, a), one);
    cr_assert_null(PyDict_GetItemWithError(d, c));
    /* A deleted entry is not revived. */
    cr_assert_eq(PyDict_DelItem(d, a), 0);
    cr_assert_eq(_PyDict_ReplaceAttrHint(d, a, 0, big), 0);
    cr_assert_null(PyDict_GetItemWithError(d, a));
    cr_assert_eq(PyDict_Size(d), 1);
    Py_DECREF(c);
    Py_DECREF(one);
    Py_DECREF(two);
    Py_DECREF(big);
    Py_DECREF(a);
    Py_DECREF(b);
    Py_DECREF(d);
}

/* The replacement takes the dict's mutex directly when it can, and falls
 * back to a critical section when the caller already holds that mutex in
 * a section of its own, innermost or further out (no self-deadlock, and
 * the caller's lock is still held afterwards).  Elision is stopped first
 * so that the mutex is really taken. */
Test(dict_attr_paths, replace_under_the_callers_own_sections)
{
#ifdef Py_GIL_DISABLED
    _PyCriticalSection_StopEliding(&_PyInterpreterState_Main);
#endif
    PyObject *d = PyDict_New(), *other = PyList_New(0), *a = weft_interned("a");
    PyObject *one = PyLong_FromLong(1), *two = PyLong_FromLong(2);
    PyObject *three = PyLong_FromLong(3);
    PyMutex *m = _PyCriticalSection_ObjectMutex(d);
    cr_assert_eq(PyDict_SetItem(d, a, one), 0);

    /* Nobody holds it: taken and given back. */
    cr_assert_eq(_PyDict_ReplaceAttrHint(d, a, 0, two), 1);
    cr_assert_not(PyMutex_IsLocked(m));
    cr_assert_eq(PyDict_GetItemWithError(d, a), two);

    /* Held by the innermost section: that section's lock serves. */
    PyCriticalSection c;
    PyCriticalSection_Begin(&c, d);
    cr_assert_eq(_PyDict_ReplaceAttrHint(d, a, 0, three), 1);
    cr_assert(PyMutex_IsLocked(m));
    PyCriticalSection_End(&c);
    cr_assert_not(PyMutex_IsLocked(m));
    cr_assert_eq(PyDict_GetItemWithError(d, a), three);

    /* Held further out, another object's section innermost. */
    PyCriticalSection outer, inner;
    PyCriticalSection_Begin(&outer, d);
    PyCriticalSection_Begin(&inner, other);
    cr_assert_eq(_PyDict_ReplaceAttrHint(d, a, 0, one), 1);
    PyCriticalSection_End(&inner);
    PyCriticalSection_End(&outer);
    cr_assert_not(PyMutex_IsLocked(m));
    cr_assert_eq(PyDict_GetItemWithError(d, a), one);
    cr_assert_eq(PyThreadState_Get()->critical_section, 0);

    Py_DECREF(three);
    Py_DECREF(two);
    Py_DECREF(one);
    Py_DECREF(a);
    Py_DECREF(other);
    Py_DECREF(d);
}
