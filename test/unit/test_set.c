/* test_set.c: set and frozenset through the C API.  Iteration order (and so
 * repr) must match CPython's for ints, because the table layout, probing,
 * and growth are the same; the expected strings come from CPython 3. */
#include "weft_test.h"

TestSuite(set, .init = weft_setup);

static PyObject *
lng(long v)
{
    return PyLong_FromLong(v);
}

static PyObject *
set_of(const long *v, Py_ssize_t n)
{
    PyObject *s = PySet_New(NULL);
    cr_assert_not_null(s);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *x = lng(v[i]);
        cr_assert_eq(PySet_Add(s, x), 0);
        Py_DECREF(x);
    }
    return s;
}
#define SET(...) set_of((const long[]){__VA_ARGS__}, \
                        sizeof((const long[]){__VA_ARGS__}) / sizeof(long))

/* set(range(start, stop, step)) built from a range object, as Python does. */
static PyObject *
set_range(long start, long stop, long step)
{
    PyObject *r = PyObject_CallFunction((PyObject *)&PyRange_Type, "lll", start, stop, step);
    cr_assert_not_null(r);
    PyObject *s = PySet_New(r);
    Py_DECREF(r);
    return s;
}

static const char *
list_repr(PyObject *s)
{
    PyObject *l = PySequence_List(s);
    const char *r = weft_repr_utf8(l);
    Py_XDECREF(l);
    return r;
}

Test(set, iteration_order_matches_cpython)
{
    weft_assert_repr(SET(3, 1, 2), "{1, 2, 3}");
    /* hash(-1) == hash(-2) == -2: a collision, probed past the linear run. */
    cr_assert_str_eq(list_repr(SET(100, 7, 32, 64, 15, 1000000, -1, -2)),
                     "[32, 64, 1000000, 100, 7, 15, -2, -1]");
    cr_assert_str_eq(list_repr(set_range(50, 0, -3)),
                     "[32, 2, 35, 5, 38, 8, 41, 11, 44, 14, 47, 17, 50, 20, 23, 26, 29]");
    PyObject *big = set_range(0, 3000, 7);
    cr_assert_eq(PySet_Size(big), 429);
    PyObject *head = PySequence_GetSlice(PySequence_List(big), 0, 12);
    weft_assert_repr(head, "[0, 2051, 7, 2058, 14, 2065, 21, 2072, 28, 2079, 35, 2086]");
    /* Huge ints hash modulo 2**61 - 1. */
    PyObject *s = PySet_New(NULL);
    const char *nums[] = {"18446744073709551616", "9223372036854775808", "4611686018427387904",
                          "-4611686018427387904", "12345678901234"};
    for (int i = 0; i < 5; i++) {
        PyObject *x = PyLong_FromString(nums[i], NULL, 10);
        PySet_Add(s, x);
        Py_DECREF(x);
    }
    weft_assert_repr(s, "{4611686018427387904, 9223372036854775808, 18446744073709551616, "
                        "12345678901234, -4611686018427387904}");
}

Test(set, add_reuses_last_deleted_slot_on_its_path)
{
    PyObject *s = SET(0, 8, 16, 3);
    PyObject *k0 = lng(0), *k16 = lng(16), *k24 = lng(24);
    cr_assert_eq(PySet_Discard(s, k0), 1);
    cr_assert_eq(PySet_Discard(s, k16), 1);
    cr_assert_eq(PySet_Discard(s, k16), 0);
    PySet_Add(s, k24);
    cr_assert_str_eq(list_repr(s), "[8, 3, 24]");
    Py_DECREF(k0);
    Py_DECREF(k16);
    Py_DECREF(k24);

    s = set_range(0, 20, 1);
    for (long i = 0; i < 20; i += 2) {
        PyObject *x = lng(i);
        PySet_Discard(s, x);
        Py_DECREF(x);
    }
    PyObject *r = PyObject_CallFunction((PyObject *)&PyRange_Type, "ll", 100L, 120L);
    weft_assert_repr(PyObject_CallMethod(s, "update", "O", r), "None");
    weft_assert_repr(s, "{1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 100, 101, 102, 103, 104, 105, "
                        "106, 107, 108, 109, 110, 111, 112, 113, 114, 115, 116, 117, 118, 119}");
}

Test(set, algebra)
{
    PyObject *x = set_range(0, 40, 3), *y = set_range(0, 40, 4);
    weft_assert_repr(PyNumber_Or(x, y), "{0, 3, 4, 6, 8, 9, 12, 15, 16, 18, 20, 21, 24, 27, "
                                        "28, 30, 32, 33, 36, 39}");
    weft_assert_repr(PyNumber_And(x, y), "{0, 24, 36, 12}");
    weft_assert_repr(PyNumber_Subtract(x, y), "{33, 3, 6, 39, 9, 15, 18, 21, 27, 30}");
    weft_assert_repr(PyNumber_Xor(x, y), "{3, 4, 6, 8, 9, 15, 16, 18, 20, 21, 27, 28, 30, "
                                         "32, 33, 39}");
    PyObject *z = PySet_New(x);
    PyObject *r = PyNumber_InPlaceAnd(z, y);
    cr_assert_eq(r, z);
    weft_assert_repr(z, "{0, 24, 36, 12}");
    z = PySet_New(x);
    r = PyNumber_InPlaceSubtract(z, y);
    weft_assert_repr(z, "{33, 3, 6, 39, 9, 15, 18, 21, 27, 30}");
    z = PySet_New(x);
    r = PyNumber_InPlaceXor(z, y);
    weft_assert_repr(z, "{3, 4, 6, 8, 9, 15, 16, 18, 20, 21, 27, 28, 30, 32, 33, 39}");
    z = PySet_New(x);
    r = PyNumber_InPlaceOr(z, y);
    weft_assert_repr(z, "{0, 3, 4, 6, 8, 9, 12, 15, 16, 18, 20, 21, 24, 27, 28, 30, 32, 33, 36, 39}");

    PyObject *rg = PyObject_CallFunction((PyObject *)&PyRange_Type, "lll", 100L, 90L, -1L);
    weft_assert_repr(PyObject_CallMethod(x, "union", "O", rg),
                     "{0, 3, 6, 9, 12, 15, 18, 21, 24, 27, 30, 33, 36, 39, 91, 92, 93, 94, "
                     "95, 96, 97, 98, 99, 100}");
    PyObject *l = Py_BuildValue("[iiiii]", 3, 6, 39, 1000, 9);
    weft_assert_repr(PyObject_CallMethod(x, "intersection", "O", l), "{9, 3, 6, 39}");
    weft_assert_repr(PyObject_CallMethod(x, "isdisjoint", "O", l), "False");
    cr_assert_null(PyNumber_Or(x, l));
    weft_assert_error("TypeError: unsupported operand type(s) for |: 'set' and 'list'");
    (void)r;
}

Test(set, comparisons)
{
    PyObject *a = SET(1, 2), *b = SET(1, 2, 3), *c = SET(2, 1);
    cr_assert_eq(PyObject_RichCompareBool(a, b, Py_LT), 1);
    cr_assert_eq(PyObject_RichCompareBool(a, b, Py_LE), 1);
    cr_assert_eq(PyObject_RichCompareBool(b, a, Py_GT), 1);
    cr_assert_eq(PyObject_RichCompareBool(a, c, Py_LT), 0);
    cr_assert_eq(PyObject_RichCompareBool(a, c, Py_EQ), 1);
    PyObject *fa = PyFrozenSet_New(a);
    cr_assert_eq(PyObject_RichCompareBool(fa, c, Py_EQ), 1);
    cr_assert_eq(PyObject_RichCompareBool(a, Py_None, Py_LT), -1);
    weft_assert_error("TypeError: '<' not supported between instances of 'set' and 'NoneType'");
    weft_assert_repr(PyObject_CallMethod(a, "issubset", "O", b), "True");
    weft_assert_repr(PyObject_CallMethod(b, "issuperset", "O", a), "True");
    PyObject *l = Py_BuildValue("[ii]", 1, 5);
    weft_assert_repr(PyObject_CallMethod(a, "issubset", "O", l), "False");
}

Test(set, frozenset_hash_matches_cpython)
{
    PyObject *e = PyFrozenSet_New(NULL);
    cr_assert_eq(PyObject_Hash(e), (Py_hash_t)133146708735736L);
    PyObject *f = PyFrozenSet_New(SET(1, 2, 3));
    cr_assert_eq(PyObject_Hash(f), (Py_hash_t)-272375401224217160L);
    PyObject *r = PyObject_CallFunction((PyObject *)&PyRange_Type, "l", 100L);
    PyObject *g = PyFrozenSet_New(r);
    cr_assert_eq(PyObject_Hash(g), (Py_hash_t)4411996150312757951L);
    PyObject *inner = PyFrozenSet_New(SET(1));
    PyObject *outer = PySet_New(NULL);
    PySet_Add(outer, inner);
    PyObject *nested = PyFrozenSet_New(outer);
    cr_assert_eq(PyObject_Hash(nested), (Py_hash_t)5515263749738256364L);
    weft_assert_repr(nested, "frozenset({frozenset({1})})");
    weft_assert_repr(e, "frozenset()");
    cr_assert_eq(PyObject_Hash(SET(1)), -1);
    weft_assert_error("TypeError: unhashable type: 'set'");
}

Test(set, contains_remove_pop)
{
    PyObject *s = set_range(0, 10, 1);
    PyObject *k = lng(5), *m = lng(50);
    cr_assert_eq(PySet_Contains(s, k), 1);
    cr_assert_eq(PySet_Contains(s, m), 0);
    weft_assert_repr(PyObject_CallMethod(s, "remove", "O", k), "None");
    cr_assert_null(PyObject_CallMethod(s, "remove", "O", k));
    weft_assert_error("KeyError: 5");
    weft_assert_repr(PySet_Pop(s), "0");
    weft_assert_repr(PySet_Pop(s), "1");
    weft_assert_repr(PySet_Pop(s), "2");
    weft_assert_repr(s, "{3, 4, 6, 7, 8, 9}");
    PySet_Clear(s);
    weft_assert_repr(s, "set()");
    cr_assert_null(PySet_Pop(s));
    weft_assert_error("KeyError: 'pop from an empty set'");
    /* An unhashable set is looked up as a frozenset. */
    PyObject *inner = SET(1);
    PyObject *fin = PyFrozenSet_New(inner);
    PySet_Add(s, fin);
    cr_assert_eq(PySequence_Contains(s, inner), 1);
    PyObject *lst = PyList_New(0);
    cr_assert_eq(PySequence_Contains(s, lst), -1);
    weft_assert_error("TypeError: unhashable type: 'list'");
    cr_assert_eq(PySet_Add(s, lst), -1);
    weft_assert_error("TypeError: unhashable type: 'list'");
}

Test(set, changed_size_during_iteration)
{
    PyObject *s = SET(1, 2, 3);
    PyObject *it = PyObject_GetIter(s);
    cr_assert_str_eq(Py_TYPE(it)->tp_name, "set_iterator");
    weft_assert_repr(PyIter_Next(it), "1");
    PyObject *k = lng(10);
    PySet_Add(s, k);
    cr_assert_null(PyIter_Next(it));
    weft_assert_error("RuntimeError: Set changed size during iteration");
    cr_assert_null(PyIter_Next(it));
    weft_assert_error("RuntimeError: Set changed size during iteration");
}

Test(set, constructor_errors_and_copy)
{
    cr_assert_null(PyObject_CallOneArg((PyObject *)&PySet_Type, Py_None));
    weft_assert_error("TypeError: 'NoneType' object is not iterable");
    PyObject *args = PyTuple_Pack(2, Py_None, Py_None);
    cr_assert_null(PyObject_Call((PyObject *)&PySet_Type, args, NULL));
    weft_assert_error("TypeError: set expected at most 1 argument, got 2");
    PyObject *s = set_range(0, 5, 1);
    PyObject *c = PyObject_CallMethod(s, "copy", NULL);
    weft_assert_repr(c, "{0, 1, 2, 3, 4}");
    cr_assert_eq(PyObject_RichCompareBool(c, s, Py_EQ), 1);
    PyObject *f = PyFrozenSet_New(s);
    PyObject *fc = PyObject_CallMethod(f, "copy", NULL);
    cr_assert_eq(fc, f);
    PyObject *d = PyDict_New();
    for (long i = 0; i < 30; i++) {
        PyObject *key = lng(i * 13 % 97);
        PyDict_SetItem(d, key, Py_None);
        Py_DECREF(key);
    }
    weft_assert_repr(PySet_New(d), "{0, 65, 1, 66, 7, 72, 8, 73, 13, 78, 14, 79, 20, 85, 21, "
                                   "86, 26, 91, 27, 92, 33, 34, 39, 40, 46, 47, 52, 53, 59, 60}");
}

Test(set, random_membership_matches_model)
{
    enum { RANGE = 3000 };
    static char model[RANGE];
    memset(model, 0, sizeof(model));
    unsigned long st = 2463534242UL;
    Py_ssize_t count = 0;
    PyObject *s = PySet_New(NULL);
    for (int op = 0; op < 30000; op++) {
        st ^= st << 13; st ^= st >> 17; st ^= st << 5;
        long v = (long)(st % RANGE) - 1000;  /* negatives too (hash(-1) == -2) */
        PyObject *x = lng(v);
        if (st & 0x100000) {
            cr_assert_eq(PySet_Add(s, x), 0);
            count += !model[v + 1000];
            model[v + 1000] = 1;
        }
        else {
            int r = PySet_Discard(s, x);
            cr_assert_eq(r, model[v + 1000]);
            count -= model[v + 1000];
            model[v + 1000] = 0;
        }
        Py_DECREF(x);
        cr_assert_eq(PySet_GET_SIZE(s), count);
    }
    for (long v = -1000; v < RANGE - 1000; v++) {
        PyObject *x = lng(v);
        cr_assert_eq(PySet_Contains(s, x), model[v + 1000], "value %ld", v);
        Py_DECREF(x);
    }
    /* Iteration yields each member once. */
    PyObject *l = PySequence_List(s);
    cr_assert_eq(PyList_GET_SIZE(l), count);
    PyObject *f = PyFrozenSet_New(l);
    cr_assert_eq(PyObject_RichCompareBool(f, s, Py_EQ), 1);
}

#include "thread_helpers.h"

typedef struct {
    PyObject *set;
    long base;
} adder_arg;

static void
add_body(void *raw)
{
    adder_arg *a = raw;
    for (long i = 0; i < 20000; i++) {
        PyObject *x = PyLong_FromLong(a->base + i);
        if (PySet_Add(a->set, x) < 0) {
            abort();
        }
        Py_DECREF(x);
        if (i % 3 == 0) {
            /* Concurrent discards of absent keys leave the table intact. */
            PyObject *y = PyLong_FromLong(i);
            PySet_Discard(a->set, y);
            Py_DECREF(y);
        }
    }
}

Test(set, threads_add_exact_size, .timeout = 120)
{
    enum { nth = 8 };
    PyObject *s = PySet_New(NULL);
    adder_arg args[nth];
    pthread_t th[nth];
    for (int i = 0; i < nth; i++) {
        args[i] = (adder_arg){s, 1000000L * (i + 1)};
        th[i] = th_start(add_body, &args[i]);
    }
    for (int i = 0; i < nth; i++) {
        th_join(th[i]);
    }
    cr_assert_eq(PySet_GET_SIZE(s), nth * 20000);
    for (int i = 0; i < nth; i++) {
        PyObject *lo = PyLong_FromLong(args[i].base), *hi = PyLong_FromLong(args[i].base + 19999);
        cr_assert_eq(PySet_Contains(s, lo), 1);
        cr_assert_eq(PySet_Contains(s, hi), 1);
    }
}

#include "set_scenarios.h"

Test(set, random_add_discard_order_matches_cpython)
{
    for (size_t sc = 0; sc < sizeof(set_scenarios) / sizeof(set_scenarios[0]); sc++) {
        PyObject *s = PySet_New(NULL);
        for (size_t i = 0; i < set_scenarios[sc].n; i++) {
            PyObject *x = PyLong_FromLongLong(set_scenarios[sc].ops[i]);
            if (set_scenarios[sc].kinds[i] == 'a') {
                cr_assert_eq(PySet_Add(s, x), 0);
            }
            else {
                cr_assert_geq(PySet_Discard(s, x), 0);
            }
            Py_DECREF(x);
        }
        cr_assert_str_eq(list_repr(s), set_scenarios[sc].expect, "scenario %zu", sc);
        Py_DECREF(s);
    }
}

Test(set, algebra_orders_match_cpython)
{
    for (size_t k = 0; k < sizeof(set_pairs) / sizeof(set_pairs[0]); k++) {
        PyObject *a = set_of(set_pairs[k].a, (Py_ssize_t)set_pairs[k].na);
        PyObject *b = set_of(set_pairs[k].b, (Py_ssize_t)set_pairs[k].nb);
        PyObject *bl = PySequence_List(b);
        PyObject *res[10] = {
            PyNumber_Or(a, b), PyNumber_And(a, b), PyNumber_Subtract(a, b),
            PyNumber_Xor(a, b), PyNumber_Xor(b, a),
            PyObject_CallMethod(a, "copy", NULL),
            PyObject_CallMethod(a, "union", "O", bl),
            PyObject_CallMethod(a, "intersection", "O", bl),
            PyObject_CallMethod(a, "difference", "O", bl),
            PyObject_CallMethod(a, "symmetric_difference", "O", bl),
        };
        for (int i = 0; i < 10; i++) {
            cr_assert_str_eq(list_repr(res[i]), set_pairs[k].expect[i], "pair %zu op %d", k, i);
            Py_DECREF(res[i]);
        }
        Py_DECREF(a);
        Py_DECREF(b);
        Py_DECREF(bl);
    }
}
