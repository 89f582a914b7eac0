/* gcmodule.c: the `gc` module, the Python face of the cycle collector in
 * Python/gc.c: collect, enable/disable, thresholds and counts, the object
 * walks (get_objects, get_referrers, get_referents), freeze, debug flags,
 * gc.garbage and gc.callbacks. */
#include "Python.h"
#include "pycore_pystate.h"
#include "pycore_object.h"
#include "pycore_gc.h"

#define DEBUG_STATS         1
#define DEBUG_COLLECTABLE   2
#define DEBUG_UNCOLLECTABLE 4
#define DEBUG_SAVEALL       32
#define DEBUG_LEAK (DEBUG_COLLECTABLE | DEBUG_UNCOLLECTABLE | DEBUG_SAVEALL)

static PyObject *
gc_collect(PyObject *module, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"generation", NULL};
    int generation = _PyGC_NUM_GENERATIONS - 1;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|i:collect", kwlist, &generation)) {
        return NULL;
    }
    if (generation < 0 || generation >= _PyGC_NUM_GENERATIONS) {
        PyErr_SetString(PyExc_ValueError, "invalid generation");
        return NULL;
    }
    Py_ssize_t n = _PyGC_Collect(_PyThreadState_GET(), generation, "manual");
    return PyLong_FromSsize_t(n);
}

static PyObject *
gc_enable(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    PyGC_Enable();
    Py_RETURN_NONE;
}

static PyObject *
gc_disable(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    PyGC_Disable();
    Py_RETURN_NONE;
}

static PyObject *
gc_isenabled(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    return PyBool_FromLong(PyGC_IsEnabled());
}

static PyObject *
gc_get_count(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    struct _gc_runtime_state *st = _PyGC_GetState();
#ifdef Py_GIL_DISABLED
    int c0 = _Py_atomic_load_int_relaxed(&st->generations[0].count);
    return Py_BuildValue("(iii)", c0 < 0 ? 0 : c0, 0, 0);
#else
    return Py_BuildValue("(iii)", st->generations[0].count, st->generations[1].count,
                         st->generations[2].count);
#endif
}

static PyObject *
gc_get_threshold(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    struct _gc_runtime_state *st = _PyGC_GetState();
    _PyGC_Init(NULL);
    return Py_BuildValue("(iii)", st->generations[0].threshold,
                         st->generations[1].threshold, st->generations[2].threshold);
}

static PyObject *
gc_set_threshold(PyObject *module, PyObject *args)
{
    struct _gc_runtime_state *st = _PyGC_GetState();
    _PyGC_Init(NULL);
    int t0 = st->generations[0].threshold;
    int t1 = st->generations[1].threshold;
    int t2 = st->generations[2].threshold;
    if (!PyArg_ParseTuple(args, "i|ii:set_threshold", &t0, &t1, &t2)) {
        return NULL;
    }
    _Py_atomic_store_int_relaxed(&st->generations[0].threshold, t0);
    st->generations[1].threshold = t1;
    st->generations[2].threshold = t2;
    Py_RETURN_NONE;
}

static PyObject *
gc_set_debug(PyObject *module, PyObject *arg)
{
    int flags = PyLong_AsInt(arg);
    if (flags == -1 && PyErr_Occurred()) {
        return NULL;
    }
    _PyGC_GetState()->debug = flags;
    Py_RETURN_NONE;
}

static PyObject *
gc_get_debug(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    return PyLong_FromLong(_PyGC_GetState()->debug);
}

static PyObject *
gc_get_objects(PyObject *module, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"generation", NULL};
    PyObject *gen_obj = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|O:get_objects", kwlist, &gen_obj)) {
        return NULL;
    }
    int generation = -1;
    if (gen_obj != Py_None) {
        generation = PyLong_AsInt(gen_obj);
        if (generation == -1 && PyErr_Occurred()) {
            return NULL;
        }
        if (generation >= _PyGC_NUM_GENERATIONS) {
            PyErr_Format(PyExc_ValueError,
                         "generation parameter must be less than the number of "
                         "available generations (%i)", _PyGC_NUM_GENERATIONS);
            return NULL;
        }
        if (generation < 0) {
            PyErr_SetString(PyExc_ValueError, "generation parameter cannot be negative");
            return NULL;
        }
    }
    return _PyGC_GetObjects(generation);
}

static PyObject *
gc_get_referrers(PyObject *module, PyObject *args)
{
    return _PyGC_GetReferrers(args);
}

static int
append_referent(PyObject *op, void *arg)
{
    return PyList_Append((PyObject *)arg, op) < 0 ? -1 : 0;
}

static PyObject *
gc_get_referents(PyObject *module, PyObject *args)
{
    PyObject *result = PyList_New(0);
    if (result == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(args); i++) {
        PyObject *obj = PyTuple_GET_ITEM(args, i);
        if (!PyObject_IS_GC(obj)) {
            continue;
        }
        traverseproc traverse = Py_TYPE(obj)->tp_traverse;
        if (traverse == NULL) {
            continue;
        }
        if (traverse(obj, append_referent, result) != 0) {
            Py_DECREF(result);
            return NULL;
        }
    }
    return result;
}

static PyObject *
gc_is_tracked(PyObject *module, PyObject *obj)
{
    return PyBool_FromLong(PyObject_GC_IsTracked(obj));
}

static PyObject *
gc_is_finalized(PyObject *module, PyObject *obj)
{
    return PyBool_FromLong(PyObject_GC_IsFinalized(obj));
}

static PyObject *
gc_freeze(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    _PyGC_Freeze();
    Py_RETURN_NONE;
}

static PyObject *
gc_unfreeze(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    _PyGC_Unfreeze();
    Py_RETURN_NONE;
}

static PyObject *
gc_get_freeze_count(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    return PyLong_FromSsize_t(_PyGC_GetFreezeCount());
}

static PyObject *
gc_get_stats(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    struct _gc_runtime_state *st = _PyGC_GetState();
    PyObject *result = PyList_New(0);
    if (result == NULL) {
        return NULL;
    }
    for (int i = 0; i < _PyGC_NUM_GENERATIONS; i++) {
        struct _gc_generation_stats s = st->stats[i];
        PyObject *d = Py_BuildValue("{snsnsn}", "collections", s.collections,
                                    "collected", s.collected,
                                    "uncollectable", s.uncollectable);
        if (d == NULL || PyList_Append(result, d) < 0) {
            Py_XDECREF(d);
            Py_DECREF(result);
            return NULL;
        }
        Py_DECREF(d);
    }
    return result;
}

static PyMethodDef gc_methods[] = {
    {"collect", (PyCFunction)(void (*)(void))gc_collect, METH_VARARGS | METH_KEYWORDS,
     "Run the garbage collector.\n\nWith no arguments, run a full collection."},
    {"enable", gc_enable, METH_NOARGS, "Enable automatic garbage collection."},
    {"disable", gc_disable, METH_NOARGS, "Disable automatic garbage collection."},
    {"isenabled", gc_isenabled, METH_NOARGS,
     "Returns true if automatic garbage collection is enabled."},
    {"get_count", gc_get_count, METH_NOARGS, "Return a three-tuple of the current collection counts."},
    {"get_threshold", gc_get_threshold, METH_NOARGS, "Return the current collection thresholds."},
    {"set_threshold", gc_set_threshold, METH_VARARGS,
     "set_threshold(threshold0, [threshold1, [threshold2]])\n"
     "Set the collection thresholds (the collection frequency)."},
    {"set_debug", gc_set_debug, METH_O, "Set the garbage collection debugging flags."},
    {"get_debug", gc_get_debug, METH_NOARGS, "Get the garbage collection debugging flags."},
    {"get_objects", (PyCFunction)(void (*)(void))gc_get_objects, METH_VARARGS | METH_KEYWORDS,
     "Return a list of objects tracked by the collector (excluding the list returned)."},
    {"get_referrers", gc_get_referrers, METH_VARARGS,
     "Return the list of objects that directly refer to any of 'objs'."},
    {"get_referents", gc_get_referents, METH_VARARGS,
     "Return the list of objects that are directly referred to by 'objs'."},
    {"is_tracked", gc_is_tracked, METH_O,
     "Returns true if the object is tracked by the garbage collector."},
    {"is_finalized", gc_is_finalized, METH_O,
     "Returns true if the object has been already finalized by the GC."},
    {"freeze", gc_freeze, METH_NOARGS,
     "Freeze all current tracked objects and ignore them for future collections."},
    {"unfreeze", gc_unfreeze, METH_NOARGS,
     "Unfreeze all objects in the permanent generation."},
    {"get_freeze_count", gc_get_freeze_count, METH_NOARGS,
     "Return the number of objects in the permanent generation."},
    {"get_stats", gc_get_stats, METH_NOARGS,
     "Return a list of dictionaries containing per-generation statistics."},
    {NULL, NULL, 0, NULL}
};

static int
gc_exec(PyObject *module)
{
    struct _gc_runtime_state *st = _PyGC_GetState();
    _PyGC_Init(NULL);
    if (st->garbage == NULL) {
        st->garbage = PyList_New(0);
        if (st->garbage == NULL) {
            return -1;
        }
    }
    if (st->callbacks == NULL) {
        st->callbacks = PyList_New(0);
        if (st->callbacks == NULL) {
            return -1;
        }
    }
    if (PyModule_AddObjectRef(module, "garbage", st->garbage) < 0 ||
        PyModule_AddObjectRef(module, "callbacks", st->callbacks) < 0) {
        return -1;
    }
    if (PyModule_AddIntMacro(module, DEBUG_STATS) < 0 ||
        PyModule_AddIntMacro(module, DEBUG_COLLECTABLE) < 0 ||
        PyModule_AddIntMacro(module, DEBUG_UNCOLLECTABLE) < 0 ||
        PyModule_AddIntMacro(module, DEBUG_SAVEALL) < 0 ||
        PyModule_AddIntMacro(module, DEBUG_LEAK) < 0) {
        return -1;
    }
    return 0;
}

static PyModuleDef_Slot gc_slots[] = {
    {Py_mod_exec, gc_exec},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL}
};

static struct PyModuleDef gcmodule = {
    PyModuleDef_HEAD_INIT,
    .m_name = "gc",
    .m_doc = "This module provides access to the garbage collector for reference cycles.",
    .m_size = 0,
    .m_methods = gc_methods,
    .m_slots = gc_slots,
};

PyMODINIT_FUNC PyInit_gc(void)
{
    return PyModuleDef_Init(&gcmodule);
}
