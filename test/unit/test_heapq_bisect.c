/* test_heapq_bisect.c: the _heapq and _bisect modules through the C API:
 * heap invariants after push/pop/heapify/replace/pushpop, the max-heap
 * helpers, errors, and bisect/insort with lo/hi/key. */
#include "module_helpers.h"

static PyObject *hq, *bi;

static void
setup(void)
{
    weft_setup();
    hq = mh_load("_heapq");
    cr_assert_not_null(hq, "%s", weft_error_utf8());
    bi = mh_load("_bisect");
    cr_assert_not_null(bi, "%s", weft_error_utf8());
}

TestSuite(heapq_bisect, .init = setup);

static int
is_heap(PyObject *l, int max)
{
    Py_ssize_t n = PyList_GET_SIZE(l);
    for (Py_ssize_t i = 1; i < n; i++) {
        PyObject *parent = PyList_GET_ITEM(l, (i - 1) / 2), *child = PyList_GET_ITEM(l, i);
        if (PyObject_RichCompareBool(max ? parent : child, max ? child : parent, Py_LT) == 1) {
            return 0;
        }
    }
    return 1;
}

Test(heapq_bisect, heap_sort)
{
    PyObject *h = PyList_New(0);
    long vals[] = {5, 3, 8, 1, 9, 2, 7, 1, 0, 6};
    for (int i = 0; i < 10; i++) {
        Py_XDECREF(mh_call(hq, "heappush", "(Ol)", h, vals[i]));
        cr_assert(is_heap(h, 0));
    }
    PyObject *out = PyList_New(0);
    while (PyList_GET_SIZE(h) > 0) {
        PyObject *v = mh_call(hq, "heappop", "(O)", h);
        PyList_Append(out, v);
        Py_DECREF(v);
        cr_assert(is_heap(h, 0));
    }
    weft_assert_repr(out, "[0, 1, 1, 2, 3, 5, 6, 7, 8, 9]");
    cr_assert_null(mh_call(hq, "heappop", "(O)", h));
    weft_assert_error("IndexError: index out of range");
    cr_assert_null(mh_call(hq, "heapreplace", "(Oi)", h, 1));
    weft_assert_error("IndexError: index out of range");
    cr_assert_null(mh_call(hq, "heappush", "(ii)", 1, 2));
    weft_assert_error("TypeError: heappush() argument 1 must be list, not int");
    Py_DECREF(out);
    Py_DECREF(h);
}

Test(heapq_bisect, heapify_replace_pushpop_max)
{
    PyObject *h = Py_BuildValue("[iiiiiiii]", 9, 4, 7, 1, 8, 2, 6, 3);
    Py_XDECREF(mh_call(hq, "heapify", "(O)", h));
    cr_assert(is_heap(h, 0));
    weft_assert_repr(PyList_GET_ITEM(h, 0), "1");
    weft_assert_repr(mh_call(hq, "heapreplace", "(Oi)", h, 5), "1");
    cr_assert(is_heap(h, 0));
    /* pushpop returns the item itself when it is not larger than the top. */
    weft_assert_repr(mh_call(hq, "heappushpop", "(Oi)", h, 0), "0");
    weft_assert_repr(mh_call(hq, "heappushpop", "(Oi)", h, 10), "2");
    cr_assert(is_heap(h, 0));
    Py_XDECREF(mh_call(hq, "_heapify_max", "(O)", h));
    cr_assert(is_heap(h, 1));
    weft_assert_repr(mh_call(hq, "_heappop_max", "(O)", h), "10");
    cr_assert(is_heap(h, 1));
    weft_assert_repr(mh_call(hq, "_heapreplace_max", "(Oi)", h, 0), "9");
    cr_assert(is_heap(h, 1));
    weft_assert_repr(mh_call(hq, "heappushpop", "([]i)", 3), "3");
    Py_DECREF(h);
    /* Items that cannot be compared raise, without corrupting the list. */
    h = Py_BuildValue("[is]", 1, "a");
    cr_assert_null(mh_call(hq, "heapify", "(O)", h));
    weft_assert_error("TypeError: '<' not supported between instances of 'int' and 'str'");
    cr_assert_eq(PyList_GET_SIZE(h), 2);
    Py_DECREF(h);
}

static PyObject *
negate(PyObject *self, PyObject *x)
{
    return PyNumber_Negative(x);
}

static PyMethodDef negate_def = {"negate", negate, METH_O, NULL};

Test(heapq_bisect, bisect)
{
    PyObject *a = Py_BuildValue("[iiiiii]", 1, 2, 2, 2, 5, 8);
    weft_assert_repr(mh_call(bi, "bisect_left", "(Oi)", a, 2), "1");
    weft_assert_repr(mh_call(bi, "bisect_right", "(Oi)", a, 2), "4");
    weft_assert_repr(mh_call(bi, "bisect_right", "(Oi)", a, 0), "0");
    weft_assert_repr(mh_call(bi, "bisect_left", "(Oi)", a, 9), "6");
    weft_assert_repr(mh_call(bi, "bisect_left", "(Oiii)", a, 2, 2, 3), "2");
    weft_assert_repr(mh_call(bi, "bisect_right", "(OiiO)", a, 8, 0, Py_None), "6");
    cr_assert_null(mh_call(bi, "bisect_left", "(Oii)", a, 2, -1));
    weft_assert_error("ValueError: lo must be non-negative");
    Py_XDECREF(mh_call(bi, "insort_right", "(Oi)", a, 3));
    Py_XDECREF(mh_call(bi, "insort_left", "(Oi)", a, 0));
    weft_assert_repr(a, "[0, 1, 2, 2, 2, 3, 5, 8]");
    Py_DECREF(a);
    /* key= applies to the items, not to x (except for insort). */
    PyObject *neg = PyCFunction_New(&negate_def, NULL);
    PyObject *desc = Py_BuildValue("[iiii]", 9, 7, 4, 1);
    PyObject *args = Py_BuildValue("(Oi)", desc, -5);
    PyObject *kw = Py_BuildValue("{s:O}", "key", neg);
    weft_assert_repr(mh_call_kw(bi, "bisect_left", args, kw), "2");
    Py_DECREF(args);
    args = Py_BuildValue("(Oi)", desc, 5);
    PyObject *r = mh_call_kw(bi, "insort_left", args, kw);
    weft_assert_repr(r, "None");
    weft_assert_repr(desc, "[9, 7, 5, 4, 1]");
    Py_DECREF(args);
    Py_DECREF(kw);
    Py_DECREF(desc);
    Py_DECREF(neg);
}
