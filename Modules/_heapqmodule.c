/* _heapqmodule.c: the C half of heapq: a binary min-heap kept in a list
 * (heappush, heappop, heapify, heapreplace, heappushpop) and the max-heap
 * helpers heapq.py uses for merge/nlargest (_heapify_max, _heappop_max,
 * _heapreplace_max).  Items are compared with <, which may run Python code
 * that changes the list: every step re-reads the item array and stops with
 * RuntimeError if the size changed.  Each call holds a critical section on
 * the list. */
#include "Python.h"
#include "pycore_object.h"

/* Compare a < b (max heaps: b < a) on owned references. */
static int
less(PyObject *a, PyObject *b, int max)
{
    Py_INCREF(a);
    Py_INCREF(b);
    int r = max ? PyObject_RichCompareBool(b, a, Py_LT) : PyObject_RichCompareBool(a, b, Py_LT);
    Py_DECREF(a);
    Py_DECREF(b);
    return r;
}

/* Move the item at pos up towards startpos while it is smaller than its
 * parent. */
static int
siftdown(PyListObject *heap, Py_ssize_t startpos, Py_ssize_t pos, int max)
{
    Py_ssize_t size = PyList_GET_SIZE(heap);
    if (pos >= size) {
        PyErr_SetString(PyExc_IndexError, "index out of range");
        return -1;
    }
    while (pos > startpos) {
        Py_ssize_t parentpos = (pos - 1) >> 1;
        PyObject **arr = heap->ob_item;
        int cmp = less(arr[pos], arr[parentpos], max);
        if (cmp < 0) {
            return -1;
        }
        if (size != PyList_GET_SIZE(heap)) {
            PyErr_SetString(PyExc_RuntimeError, "list changed size during iteration");
            return -1;
        }
        if (cmp == 0) {
            break;
        }
        arr = heap->ob_item;
        PyObject *tmp = arr[parentpos];
        arr[parentpos] = arr[pos];
        arr[pos] = tmp;
        pos = parentpos;
    }
    return 0;
}

/* Bubble the smaller child up until pos is a leaf, then sift the item
 * that was at pos back down into place (fewer comparisons than the
 * textbook version). */
static int
siftup(PyListObject *heap, Py_ssize_t pos, int max)
{
    Py_ssize_t endpos = PyList_GET_SIZE(heap);
    Py_ssize_t startpos = pos;
    if (pos >= endpos) {
        PyErr_SetString(PyExc_IndexError, "index out of range");
        return -1;
    }
    Py_ssize_t limit = endpos >> 1;
    while (pos < limit) {
        Py_ssize_t childpos = 2 * pos + 1;
        if (childpos + 1 < endpos) {
            PyObject **arr = heap->ob_item;
            int cmp = less(arr[childpos], arr[childpos + 1], max);
            if (cmp < 0) {
                return -1;
            }
            childpos += ((unsigned)cmp ^ 1);
            if (endpos != PyList_GET_SIZE(heap)) {
                PyErr_SetString(PyExc_RuntimeError, "list changed size during iteration");
                return -1;
            }
        }
        PyObject **arr = heap->ob_item;
        PyObject *tmp = arr[childpos];
        arr[childpos] = arr[pos];
        arr[pos] = tmp;
        pos = childpos;
    }
    return siftdown(heap, startpos, pos, max);
}

static int
check_list(const char *fname, PyObject *heap)
{
    if (!PyList_Check(heap)) {
        PyErr_Format(PyExc_TypeError, "%s() argument 1 must be list, not %.50s", fname,
                     Py_TYPE(heap)->tp_name);
        return -1;
    }
    return 0;
}

static PyObject *
heappush_impl(PyObject *heap, PyObject *item)
{
    if (PyList_Append(heap, item) < 0) {
        return NULL;
    }
    if (siftdown((PyListObject *)heap, 0, PyList_GET_SIZE(heap) - 1, 0) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
heappop_impl(PyObject *heap, int max)
{
    Py_ssize_t n = PyList_GET_SIZE(heap);
    if (n == 0) {
        PyErr_SetString(PyExc_IndexError, "index out of range");
        return NULL;
    }
    PyObject *lastelt = Py_NewRef(PyList_GET_ITEM(heap, n - 1));
    if (PyList_SetSlice(heap, n - 1, n, NULL) < 0) {
        Py_DECREF(lastelt);
        return NULL;
    }
    n--;
    if (n == 0) {
        return lastelt;
    }
    PyObject *returnitem = PyList_GET_ITEM(heap, 0);
    PyList_SET_ITEM(heap, 0, lastelt);   /* the reference to returnitem moves to us */
    if (siftup((PyListObject *)heap, 0, max) < 0) {
        Py_DECREF(returnitem);
        return NULL;
    }
    return returnitem;
}

static PyObject *
heapreplace_impl(PyObject *heap, PyObject *item, int max)
{
    if (PyList_GET_SIZE(heap) == 0) {
        PyErr_SetString(PyExc_IndexError, "index out of range");
        return NULL;
    }
    PyObject *returnitem = PyList_GET_ITEM(heap, 0);
    PyList_SET_ITEM(heap, 0, Py_NewRef(item));
    if (siftup((PyListObject *)heap, 0, max) < 0) {
        Py_DECREF(returnitem);
        return NULL;
    }
    return returnitem;
}

static PyObject *
heappushpop_impl(PyObject *heap, PyObject *item)
{
    if (PyList_GET_SIZE(heap) == 0) {
        return Py_NewRef(item);
    }
    int cmp = less(PyList_GET_ITEM(heap, 0), item, 0);
    if (cmp < 0) {
        return NULL;
    }
    if (cmp == 0) {
        return Py_NewRef(item);
    }
    if (PyList_GET_SIZE(heap) == 0) {
        PyErr_SetString(PyExc_IndexError, "index out of range");
        return NULL;
    }
    return heapreplace_impl(heap, item, 0);
}

static PyObject *
heapify_impl(PyObject *heap, int max)
{
    Py_ssize_t n = PyList_GET_SIZE(heap);
    for (Py_ssize_t i = (n >> 1) - 1; i >= 0; i--) {
        if (siftup((PyListObject *)heap, i, max) < 0) {
            return NULL;
        }
    }
    Py_RETURN_NONE;
}

/* ---- the entry points: argument checks, then the work under the lock ---- */

#define LOCKED(heap, expr)                  \
    PyObject *res;                          \
    Py_BEGIN_CRITICAL_SECTION(heap);        \
    res = (expr);                           \
    Py_END_CRITICAL_SECTION();              \
    return res

static PyObject *
heapq_heappush(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("heappush", nargs, 2, 2) || check_list("heappush", args[0]) < 0) {
        return NULL;
    }
    LOCKED(args[0], heappush_impl(args[0], args[1]));
}

static PyObject *
heapq_heappop(PyObject *m, PyObject *heap)
{
    if (check_list("heappop", heap) < 0) {
        return NULL;
    }
    LOCKED(heap, heappop_impl(heap, 0));
}

static PyObject *
heapq_heapreplace(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("heapreplace", nargs, 2, 2) ||
        check_list("heapreplace", args[0]) < 0) {
        return NULL;
    }
    LOCKED(args[0], heapreplace_impl(args[0], args[1], 0));
}

static PyObject *
heapq_heappushpop(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("heappushpop", nargs, 2, 2) ||
        check_list("heappushpop", args[0]) < 0) {
        return NULL;
    }
    LOCKED(args[0], heappushpop_impl(args[0], args[1]));
}

static PyObject *
heapq_heapify(PyObject *m, PyObject *heap)
{
    if (check_list("heapify", heap) < 0) {
        return NULL;
    }
    LOCKED(heap, heapify_impl(heap, 0));
}

static PyObject *
heapq_heapify_max(PyObject *m, PyObject *heap)
{
    if (check_list("_heapify_max", heap) < 0) {
        return NULL;
    }
    LOCKED(heap, heapify_impl(heap, 1));
}

static PyObject *
heapq_heappop_max(PyObject *m, PyObject *heap)
{
    if (check_list("_heappop_max", heap) < 0) {
        return NULL;
    }
    LOCKED(heap, heappop_impl(heap, 1));
}

static PyObject *
heapq_heapreplace_max(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("_heapreplace_max", nargs, 2, 2) ||
        check_list("_heapreplace_max", args[0]) < 0) {
        return NULL;
    }
    LOCKED(args[0], heapreplace_impl(args[0], args[1], 1));
}

static PyMethodDef heapq_functions[] = {
    {"heappush", _PyCFunction_CAST(heapq_heappush), METH_FASTCALL,
     "Push item onto heap, maintaining the heap invariant."},
    {"heappushpop", _PyCFunction_CAST(heapq_heappushpop), METH_FASTCALL,
     "Push item on the heap, then pop and return the smallest item from the heap.\n\n"
     "The combined action runs more efficiently than heappush() followed by\n"
     "a separate call to heappop()."},
    {"heappop", heapq_heappop, METH_O,
     "Pop the smallest item off the heap, maintaining the heap invariant."},
    {"heapreplace", _PyCFunction_CAST(heapq_heapreplace), METH_FASTCALL,
     "Pop and return the current smallest value, and add the new item.\n\n"
     "This is more efficient than heappop() followed by heappush(), and can be\n"
     "more appropriate when using a fixed-size heap."},
    {"heapify", heapq_heapify, METH_O,
     "Transform list into a heap, in-place, in O(len(heap)) time."},
    {"_heapreplace_max", _PyCFunction_CAST(heapq_heapreplace_max), METH_FASTCALL,
     "Maxheap variant of heapreplace."},
    {"_heapify_max", heapq_heapify_max, METH_O, "Maxheap variant of heapify."},
    {"_heappop_max", heapq_heappop_max, METH_O, "Maxheap variant of heappop."},
    {NULL, NULL, 0, NULL},
};

static const char heapq_about[] =
    "Heap queues\n\n"
    "Heaps are arrays for which a[k] <= a[2*k+1] and a[k] <= a[2*k+2] for\n"
    "all k, counting elements from 0.  For the sake of comparison,\n"
    "non-existing elements are considered to be infinite.  The interesting\n"
    "property of a heap is that a[0] is always its smallest element.\n";

static int
heapq_exec(PyObject *module)
{
    return PyModule_AddStringConstant(module, "__about__", heapq_about);
}

static PyModuleDef_Slot heapq_slots[] = {
    {Py_mod_exec, heapq_exec},
    {Py_mod_multiple_interpreters, Py_MOD_PER_INTERPRETER_GIL_SUPPORTED},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef heapq_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_heapq",
    .m_doc = "Heap queue algorithm (a.k.a. priority queue).",
    .m_size = 0,
    .m_methods = heapq_functions,
    .m_slots = heapq_slots,
};

PyMODINIT_FUNC PyInit__heapq(void)
{
    return PyModuleDef_Init(&heapq_module);
}
