/* test_collections.c: the _collections module through the C API: deque
 * (ends, indexing across blocks, rotate, maxlen, mutation during
 * iteration, operators, repr), defaultdict, _count_elements,
 * _tuplegetter, and 8 threads appending / popping one deque with exact
 * counts at the end. */
#include "module_helpers.h"
#include "thread_helpers.h"

static PyObject *mod;

static void
setup(void)
{
    weft_setup();
    mod = mh_load("_collections");
    cr_assert_not_null(mod, "%s", weft_error_utf8());
}

TestSuite(collections, .init = setup);

static PyObject *
deque_of(long n)
{
    PyObject *l = mh_range_list(n);
    PyObject *d = mh_call(mod, "deque", "(O)", l);
    Py_DECREF(l);
    return d;
}

Test(collections, deque_ends_and_repr)
{
    PyObject *d = mh_call(mod, "deque", "()");
    weft_assert_repr(d, "deque([])");
    Py_XDECREF(PyObject_CallMethod(d, "append", "i", 1));
    Py_XDECREF(PyObject_CallMethod(d, "appendleft", "i", 0));
    Py_XDECREF(PyObject_CallMethod(d, "extend", "[ii]", 2, 3));
    Py_XDECREF(PyObject_CallMethod(d, "extendleft", "[ii]", -1, -2));
    weft_assert_repr(d, "deque([-2, -1, 0, 1, 2, 3])");
    weft_assert_repr(PyObject_CallMethod(d, "pop", NULL), "3");
    weft_assert_repr(PyObject_CallMethod(d, "popleft", NULL), "-2");
    cr_assert_eq(PyObject_Size(d), 4);
    Py_XDECREF(PyObject_CallMethod(d, "clear", NULL));
    cr_assert_null(PyObject_CallMethod(d, "pop", NULL));
    weft_assert_error("IndexError: pop from an empty deque");
    cr_assert_null(PyObject_CallMethod(d, "popleft", NULL));
    weft_assert_error("IndexError: pop from an empty deque");
    Py_DECREF(d);
    d = mh_call(mod, "deque", "([ii]i)", 1, 2, 3);
    weft_assert_repr(d, "deque([1, 2], maxlen=3)");
    weft_assert_repr(PyObject_GetAttrString(d, "maxlen"), "3");
    Py_XDECREF(PyObject_CallMethod(d, "extend", "[iii]", 3, 4, 5));
    weft_assert_repr(d, "deque([3, 4, 5], maxlen=3)");
    Py_XDECREF(PyObject_CallMethod(d, "appendleft", "i", 9));
    weft_assert_repr(d, "deque([9, 3, 4], maxlen=3)");
    cr_assert_null(PyObject_CallMethod(d, "insert", "ii", 0, 1));
    weft_assert_error("IndexError: deque already at its maximum size");
    Py_DECREF(d);
    cr_assert_null(mh_call(mod, "deque", "([]i)", -1));
    weft_assert_error("ValueError: maxlen must be non-negative");
    cr_assert_null(mh_call(mod, "deque", "([]s)", "a"));
    weft_assert_error("TypeError: an integer is required");
    d = mh_call(mod, "deque", "([]i)", 0);
    Py_XDECREF(PyObject_CallMethod(d, "append", "i", 1));
    weft_assert_repr(d, "deque([], maxlen=0)");
    Py_DECREF(d);
}

Test(collections, deque_many_blocks)
{
    /* 1000 items span many 64-slot blocks at both ends. */
    PyObject *d = mh_call(mod, "deque", "()");
    for (long i = 0; i < 500; i++) {
        Py_XDECREF(PyObject_CallMethod(d, "append", "l", i));
        Py_XDECREF(PyObject_CallMethod(d, "appendleft", "l", -i - 1));
    }
    cr_assert_eq(PyObject_Size(d), 1000);
    for (long i = 0; i < 1000; i += 37) {
        PyObject *v = PySequence_GetItem(d, i);
        cr_assert_eq(PyLong_AsLong(v), i - 500);
        Py_DECREF(v);
    }
    weft_assert_repr(PySequence_GetItem(d, -1), "499");
    cr_assert_null(PySequence_GetItem(d, 1000));
    weft_assert_error("IndexError: deque index out of range");
    PyObject *l = PySequence_List(d);
    cr_assert_eq(PyList_GET_SIZE(l), 1000);
    weft_assert_repr(PyList_GET_ITEM(l, 0), "-500");
    Py_DECREF(l);
    PyObject *rev = PyObject_CallMethod(d, "__reversed__", NULL);
    PyObject *first = PyIter_Next(rev);
    weft_assert_repr(first, "499");
    Py_DECREF(first);
    Py_DECREF(rev);
    for (int i = 0; i < 1000; i++) {
        Py_DECREF(PyObject_CallMethod(d, i % 2 ? "pop" : "popleft", NULL));
    }
    cr_assert_eq(PyObject_Size(d), 0);
    Py_XDECREF(PyObject_CallMethod(d, "append", "i", 7));
    weft_assert_repr(d, "deque([7])");
    Py_DECREF(d);
}

Test(collections, deque_rotate_insert_remove)
{
    PyObject *d = deque_of(5);
    Py_XDECREF(PyObject_CallMethod(d, "rotate", "i", 2));
    weft_assert_repr(d, "deque([3, 4, 0, 1, 2])");
    Py_XDECREF(PyObject_CallMethod(d, "rotate", "i", -3));
    weft_assert_repr(d, "deque([1, 2, 3, 4, 0])");
    Py_XDECREF(PyObject_CallMethod(d, "rotate", NULL));
    weft_assert_repr(d, "deque([0, 1, 2, 3, 4])");
    Py_XDECREF(PyObject_CallMethod(d, "insert", "is", 2, "x"));
    Py_XDECREF(PyObject_CallMethod(d, "insert", "is", -1, "y"));
    Py_XDECREF(PyObject_CallMethod(d, "insert", "is", 100, "z"));
    weft_assert_repr(d, "deque([0, 1, 'x', 2, 3, 'y', 4, 'z'])");
    Py_XDECREF(PyObject_CallMethod(d, "remove", "s", "x"));
    weft_assert_repr(d, "deque([0, 1, 2, 3, 'y', 4, 'z'])");
    cr_assert_null(PyObject_CallMethod(d, "remove", "i", 9));
    weft_assert_error("ValueError: 9 is not in deque");
    weft_assert_repr(PyObject_CallMethod(d, "index", "i", 3), "3");
    weft_assert_repr(PyObject_CallMethod(d, "index", "s", "z"), "6");
    cr_assert_null(PyObject_CallMethod(d, "index", "iii", 3, 4, 6));
    weft_assert_error("ValueError: 3 is not in deque");
    cr_assert_null(PyObject_CallMethod(d, "index", "is", 1, "a"));
    weft_assert_error("TypeError: slice indices must be integers or have an __index__ method");
    cr_assert_eq(PySequence_DelItem(d, 4), 0);
    PyObject *five = PyLong_FromLong(5);
    cr_assert_eq(PySequence_SetItem(d, 0, five), 0);
    Py_DECREF(five);
    weft_assert_repr(d, "deque([5, 1, 2, 3, 4, 'z'])");
    Py_XDECREF(PyObject_CallMethod(d, "reverse", NULL));
    weft_assert_repr(d, "deque(['z', 4, 3, 2, 1, 5])");
    weft_assert_repr(PyObject_CallMethod(d, "count", "i", 4), "1");
    Py_DECREF(d);
    /* Rotating a big deque moves items between blocks. */
    d = deque_of(300);
    Py_XDECREF(PyObject_CallMethod(d, "rotate", "i", 130));
    weft_assert_repr(PySequence_GetItem(d, 0), "170");
    Py_XDECREF(PyObject_CallMethod(d, "rotate", "i", -131));
    weft_assert_repr(PySequence_GetItem(d, 0), "1");
    weft_assert_repr(PySequence_GetItem(d, 299), "0");
    Py_DECREF(d);
}

Test(collections, deque_operators)
{
    PyObject *a = deque_of(3);
    PyObject *b = deque_of(2);
    weft_assert_repr(PyNumber_Add(a, b), "deque([0, 1, 2, 0, 1])");
    PyObject *l = mh_range_list(1);
    cr_assert_null(PyNumber_Add(a, l));
    weft_assert_error("TypeError: can only concatenate deque (not \"list\") to deque");
    weft_assert_repr(PyNumber_Multiply(b, PyLong_FromLong(3)), "deque([0, 1, 0, 1, 0, 1])");
    PyObject *m = mh_call(mod, "deque", "([ii]i)", 1, 2, 3);
    PyObject *m5 = PySequence_InPlaceRepeat(m, 5);
    weft_assert_repr(m5, "deque([2, 1, 2], maxlen=3)");
    Py_DECREF(m5);
    PyObject *one = PyLong_FromLong(1);
    cr_assert_eq(PySequence_Contains(a, one), 1);
    cr_assert_eq(PySequence_Contains(a, l), 0);
    cr_assert_eq(PyObject_RichCompareBool(a, a, Py_EQ), 1);
    cr_assert_eq(PyObject_RichCompareBool(b, a, Py_LT), 1);
    cr_assert_eq(PyObject_RichCompareBool(a, b, Py_GT), 1);
    PyObject *c = deque_of(3);
    cr_assert_eq(PyObject_RichCompareBool(a, c, Py_EQ), 1);
    cr_assert_eq(PyObject_RichCompareBool(a, c, Py_NE), 0);
    /* A deque never equals a list. */
    PyObject *l3 = mh_range_list(3);
    cr_assert_eq(PyObject_RichCompareBool(a, l3, Py_EQ), 0);
    cr_assert_eq(PyObject_Hash(a), -1);
    weft_assert_error("TypeError: unhashable type: 'collections.deque'");
    PyObject *cp = PyObject_CallMethod(a, "copy", NULL);
    weft_assert_repr(cp, "deque([0, 1, 2])");
    cr_assert_neq(cp, a);
    PyObject *s = PyUnicode_FromString("x");
    cr_assert_null(PyObject_GetItem(a, s));
    weft_assert_error("TypeError: sequence index must be integer, not 'str'");
    Py_DECREF(s);
    Py_DECREF(cp);
    Py_DECREF(l);
    Py_DECREF(l3);
    Py_DECREF(one);
    Py_DECREF(a);
    Py_DECREF(b);
    Py_DECREF(c);
}

Test(collections, deque_mutation_during_iteration)
{
    PyObject *d = deque_of(3);
    PyObject *it = PyObject_GetIter(d);
    PyObject *v = PyIter_Next(it);
    Py_DECREF(v);
    Py_XDECREF(PyObject_CallMethod(d, "append", "i", 3));
    cr_assert_null(PyIter_Next(it));
    weft_assert_error("RuntimeError: deque mutated during iteration");
    Py_DECREF(it);
    /* A recursive repr. */
    Py_XDECREF(PyObject_CallMethod(d, "append", "O", d));
    weft_assert_repr(d, "deque([0, 1, 2, 3, [...]])");
    Py_XDECREF(PyObject_CallMethod(d, "clear", NULL));
    Py_DECREF(d);
}

Test(collections, defaultdict)
{
    PyObject *dd = mh_call(mod, "defaultdict", "(O)", &PyList_Type);
    PyObject *key = PyLong_FromLong(1);
    PyObject *v = PyObject_GetItem(dd, key);
    weft_assert_repr(v, "[]");
    PyObject *two = PyLong_FromLong(2);
    PyList_Append(v, two);
    Py_DECREF(v);
    weft_assert_repr(dd, "defaultdict(<class 'list'>, {1: [2]})");
    cr_assert(PyDict_Check(dd));
    PyObject *cp = PyObject_CallMethod(dd, "copy", NULL);
    weft_assert_repr(cp, "defaultdict(<class 'list'>, {1: [2]})");
    cr_assert_eq(Py_TYPE(cp), Py_TYPE(dd));
    PyObject *other = Py_BuildValue("{i:i}", 3, 4);
    weft_assert_repr(PyNumber_Or(dd, other), "defaultdict(<class 'list'>, {1: [2], 3: 4})");
    weft_assert_repr(PyNumber_Or(other, dd), "defaultdict(<class 'list'>, {3: 4, 1: [2]})");
    weft_assert_repr(PyObject_GetAttrString(dd, "default_factory"), "<class 'list'>");
    PyObject *none = mh_call(mod, "defaultdict", "()");
    weft_assert_repr(none, "defaultdict(None, {})");
    cr_assert_null(PyObject_GetItem(none, key));
    weft_assert_error("KeyError: 1");
    cr_assert_null(mh_call(mod, "defaultdict", "(i)", 1));
    weft_assert_error("TypeError: first argument must be callable or None");
    PyObject *withkw = PyObject_Call(PyObject_GetAttrString(mod, "defaultdict"),
                                     Py_BuildValue("(O{s:i})", &PyLong_Type, "a", 1),
                                     Py_BuildValue("{s:i}", "b", 2));
    weft_assert_repr(withkw, "defaultdict(<class 'int'>, {'a': 1, 'b': 2})");
    Py_DECREF(key);
    Py_DECREF(two);
    Py_DECREF(other);
    Py_DECREF(cp);
    Py_DECREF(none);
    Py_DECREF(dd);
}

Test(collections, count_elements_and_tuplegetter)
{
    PyObject *counts = PyDict_New();
    PyObject *r = mh_call(mod, "_count_elements", "(Os)", counts, "abracadabra");
    weft_assert_repr(r, "None");
    weft_assert_repr(counts, "{'a': 5, 'b': 2, 'r': 2, 'c': 1, 'd': 1}");
    Py_DECREF(counts);
    PyObject *tg = mh_call(mod, "_tuplegetter", "(is)", 1, "Alias for field number 1");
    PyObject *t = Py_BuildValue("(ss)", "x", "y");
    PyObject *got = Py_TYPE(tg)->tp_descr_get(tg, t, (PyObject *)&PyTuple_Type);
    weft_assert_repr(got, "'y'");
    Py_DECREF(got);
    cr_assert_eq(Py_TYPE(tg)->tp_descr_get(tg, NULL, (PyObject *)&PyTuple_Type), tg);
    Py_DECREF(tg);
    weft_assert_repr(PyObject_GetAttrString(tg, "__doc__"), "'Alias for field number 1'");
    PyObject *notup = PyLong_FromLong(3);
    cr_assert_null(Py_TYPE(tg)->tp_descr_get(tg, notup, NULL));
    weft_assert_error("TypeError: descriptor for index '1' for tuple subclasses doesn't apply "
                      "to 'int' object");
    cr_assert_eq(Py_TYPE(tg)->tp_descr_set(tg, t, notup), -1);
    weft_assert_error("AttributeError: can't set attribute");
    Py_DECREF(notup);
    Py_DECREF(t);
}

/* ---- threads: 8 threads, half appending, half popping, exact counts ---- */

#define HAMMER_THREADS 8
#define HAMMER_ITEMS 20000

static PyObject *hammer_deque;
static long popped_count[HAMMER_THREADS];
static long long popped_sum[HAMMER_THREADS];

static void
hammer_worker(void *arg)
{
    long k = (long)(intptr_t)arg;
    if (k % 2 == 0) {
        /* Producers: append HAMMER_ITEMS ints from both ends. */
        for (long i = 0; i < HAMMER_ITEMS; i++) {
            PyObject *v = PyLong_FromLong(i);
            PyObject *r = PyObject_CallMethod(hammer_deque, i % 2 ? "append" : "appendleft",
                                              "O", v);
            Py_DECREF(v);
            Py_XDECREF(r);
        }
    }
    else {
        /* Consumers: pop until they took HAMMER_ITEMS items. */
        long got = 0;
        while (got < HAMMER_ITEMS) {
            PyObject *v = PyObject_CallMethod(hammer_deque, got % 2 ? "pop" : "popleft", NULL);
            if (v == NULL) {
                PyErr_Clear();   /* empty right now: let a producer run */
                PyThreadState *save = PyEval_SaveThread();
                sched_yield();
                PyEval_RestoreThread(save);
                continue;
            }
            popped_sum[k] += PyLong_AsLong(v);
            Py_DECREF(v);
            got++;
        }
        popped_count[k] = got;
    }
}

Test(collections, threads_deque_hammer, .timeout = 300)
{
    hammer_deque = mh_call(mod, "deque", "()");
    pthread_t th[HAMMER_THREADS];
    for (long k = 0; k < HAMMER_THREADS; k++) {
        th[k] = th_start(hammer_worker, (void *)(intptr_t)k);
    }
    for (int k = 0; k < HAMMER_THREADS; k++) {
        th_join(th[k]);
    }
    /* Every appended item was popped exactly once. */
    long total = 0;
    long long sum = 0;
    for (int k = 1; k < HAMMER_THREADS; k += 2) {
        total += popped_count[k];
        sum += popped_sum[k];
    }
    cr_assert_eq(total, (long)(HAMMER_THREADS / 2) * HAMMER_ITEMS);
    long long expect = (long long)(HAMMER_THREADS / 2) * HAMMER_ITEMS * (HAMMER_ITEMS - 1) / 2;
    cr_assert_eq(sum, expect);
    cr_assert_eq(PyObject_Size(hammer_deque), 0);
    /* And a bounded deque stays bounded under contention. */
    Py_DECREF(hammer_deque);
}

#define BOUNDED_PER_THREAD 5000

static void
bounded_worker(void *arg)
{
    for (long i = 0; i < BOUNDED_PER_THREAD; i++) {
        PyObject *r = PyObject_CallMethod(hammer_deque, "append", "l", i);
        Py_XDECREF(r);
        if (PyObject_Size(hammer_deque) > 100) {
            abort();
        }
    }
}

Test(collections, threads_deque_bounded, .timeout = 300)
{
    hammer_deque = mh_call(mod, "deque", "([]i)", 100);
    pthread_t th[HAMMER_THREADS];
    for (long k = 0; k < HAMMER_THREADS; k++) {
        th[k] = th_start(bounded_worker, NULL);
    }
    for (int k = 0; k < HAMMER_THREADS; k++) {
        th_join(th[k]);
    }
    cr_assert_eq(PyObject_Size(hammer_deque), 100);
    Py_DECREF(hammer_deque);
}
