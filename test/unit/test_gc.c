/* test_gc.c: the cycle collector (Python/gc.c), finalizers and weak
 * references (Objects/weakrefobject.c) through the C API: cycles of lists,
 * dicts and a small test type with a dealloc counter are freed; reachable
 * objects are not; tp_finalize runs once and may resurrect; weak references
 * die with their referent and their callbacks run; and (free-threaded
 * build) a collection while other threads allocate. */
#include "weft_test.h"
#include "thread_helpers.h"
#include "pycore_gc.h"

/* ---- a tiny GC type: one slot, counters ---------------------------------- */

typedef struct {
    PyObject_HEAD
    PyObject *slot;
    PyObject *weaklist;
} NodeObject;

static int node_deallocs;
static int node_finalizes;
static PyObject *resurrect_into;  /* finalizer stores self here if set */

static int
node_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((NodeObject *)self)->slot);
    return 0;
}

static int
node_clear(PyObject *self)
{
    Py_CLEAR(((NodeObject *)self)->slot);
    return 0;
}

static void
node_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    if (Py_TYPE(self)->tp_finalize != NULL &&
        PyObject_CallFinalizerFromDealloc(self) < 0) {
        PyObject_GC_Track(self);
        return;
    }
    PyObject_ClearWeakRefs(self);
    node_clear(self);
    node_deallocs++;
    PyObject_GC_Del(self);
}

static void
node_finalize(PyObject *self)
{
    node_finalizes++;
    if (resurrect_into != NULL) {
        PyList_Append(resurrect_into, self);
    }
}

static PyTypeObject Node_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "test_gc.Node",
    .tp_basicsize = sizeof(NodeObject),
    .tp_dealloc = node_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = node_traverse,
    .tp_clear = node_clear,
    .tp_weaklistoffset = offsetof(NodeObject, weaklist),
};

static PyTypeObject FinNode_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "test_gc.FinNode",
    .tp_basicsize = sizeof(NodeObject),
    .tp_dealloc = node_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = node_traverse,
    .tp_clear = node_clear,
    .tp_weaklistoffset = offsetof(NodeObject, weaklist),
    .tp_finalize = node_finalize,
};

static void
gc_setup(void)
{
    weft_setup();
    cr_assert(PyType_Ready(&Node_Type) == 0);
    cr_assert(PyType_Ready(&FinNode_Type) == 0);
    node_deallocs = 0;
    node_finalizes = 0;
    resurrect_into = NULL;
    /* Start from a clean slate: nothing left from start-up. */
    PyGC_Collect();
}

static PyObject *
new_node(PyTypeObject *type, PyObject *slot)
{
    NodeObject *n = PyObject_GC_New(NodeObject, type);
    cr_assert(n != NULL);
    n->slot = Py_XNewRef(slot);
    n->weaklist = NULL;
    PyObject_GC_Track(n);
    return (PyObject *)n;
}

static Py_ssize_t
collect(void)
{
    return _PyGC_Collect(_PyThreadState_GET(), 2, "manual");
}

TestSuite(gc, .init = gc_setup);

Test(gc, node_cycle_is_freed)
{
    PyObject *a = new_node(&Node_Type, NULL);
    PyObject *b = new_node(&Node_Type, a);
    ((NodeObject *)a)->slot = Py_NewRef(b);
    Py_DECREF(a);
    Py_DECREF(b);
    cr_assert_eq(node_deallocs, 0);
    Py_ssize_t n = collect();
    cr_assert_eq(node_deallocs, 2);
    cr_assert_geq(n, 2);
}

Test(gc, reachable_objects_survive)
{
    PyObject *a = new_node(&Node_Type, NULL);
    PyObject *b = new_node(&Node_Type, a);
    ((NodeObject *)a)->slot = Py_NewRef(b);
    PyObject *holder = PyList_New(0);
    PyList_Append(holder, a);
    Py_DECREF(a);
    Py_DECREF(b);
    cr_assert_eq(collect(), 0);
    cr_assert_eq(node_deallocs, 0);
    cr_assert(PyObject_GC_IsTracked(a));
    Py_DECREF(holder);  /* now the cycle is garbage */
    cr_assert_eq(node_deallocs, 0);
    cr_assert_eq(collect(), 2);
    cr_assert_eq(node_deallocs, 2);
}

Test(gc, list_and_dict_cycles)
{
    /* l = []; l.append(l); d = {}; d['d'] = d; d['l'] = [d, node] */
    PyObject *l = PyList_New(0);
    PyList_Append(l, l);
    PyObject *d = PyDict_New();
    PyDict_SetItemString(d, "d", d);
    PyObject *node = new_node(&Node_Type, NULL);
    PyObject *inner = PyList_New(0);
    PyList_Append(inner, d);
    PyList_Append(inner, node);
    PyDict_SetItemString(d, "l", inner);
    Py_DECREF(inner);
    Py_DECREF(node);
    PyObject *wl = NULL;  /* lists are not weakly referenceable: check via count */
    (void)wl;
    Py_DECREF(l);
    Py_DECREF(d);
    Py_ssize_t n = collect();
    cr_assert_geq(n, 4, "found %zd", n);
    cr_assert_eq(node_deallocs, 1);
}

Test(gc, tuple_cycle_through_list)
{
    PyObject *l = PyList_New(0);
    PyObject *t = PyTuple_Pack(1, l);
    PyList_Append(l, t);
    Py_DECREF(t);
    Py_DECREF(l);
    cr_assert_eq(collect(), 2);
}

Test(gc, finalizer_runs_once)
{
    PyObject *a = new_node(&FinNode_Type, NULL);
    ((NodeObject *)a)->slot = Py_NewRef(a);
    Py_DECREF(a);
    cr_assert_eq(collect(), 1);
    cr_assert_eq(node_finalizes, 1);
    cr_assert_eq(node_deallocs, 1);
}

Test(gc, finalizer_from_dealloc_without_cycle)
{
    PyObject *a = new_node(&FinNode_Type, NULL);
    Py_DECREF(a);
    cr_assert_eq(node_finalizes, 1);
    cr_assert_eq(node_deallocs, 1);
}

Test(gc, resurrection_keeps_object_and_finalizer_runs_once)
{
    resurrect_into = PyList_New(0);
    PyObject *a = new_node(&FinNode_Type, NULL);
    ((NodeObject *)a)->slot = Py_NewRef(a);
    Py_DECREF(a);
    collect();
    cr_assert_eq(node_finalizes, 1);
    cr_assert_eq(node_deallocs, 0, "resurrected object freed");
    cr_assert_eq(PyList_GET_SIZE(resurrect_into), 1);
    cr_assert(PyObject_GC_IsFinalized(a));
    /* Drop it again: the finalizer does not run a second time. */
    PyObject *saved = resurrect_into;
    resurrect_into = NULL;
    Py_DECREF(saved);
    collect();
    cr_assert_eq(node_finalizes, 1);
    cr_assert_eq(node_deallocs, 1);
}

Test(gc, untracked_and_tracking_queries)
{
    PyObject *a = new_node(&Node_Type, NULL);
    cr_assert(PyObject_GC_IsTracked(a));
    PyObject_GC_UnTrack(a);
    cr_assert(!PyObject_GC_IsTracked(a));
    PyObject_GC_UnTrack(a);  /* twice is harmless */
    PyObject_GC_Track(a);
    PyObject_GC_Track(a);
    cr_assert(PyObject_GC_IsTracked(a));
    PyObject *i = PyLong_FromLong(12345);
    cr_assert(!PyObject_GC_IsTracked(i));
    Py_DECREF(i);
    Py_DECREF(a);
    cr_assert_eq(node_deallocs, 1);
}

Test(gc, get_objects_and_referrers)
{
    PyObject *a = new_node(&Node_Type, NULL);
    PyObject *holder = PyList_New(0);
    PyList_Append(holder, a);
    PyObject *objs = _PyGC_GetObjects(-1);
    int found = 0;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(objs); i++) {
        found += PyList_GET_ITEM(objs, i) == a;
    }
    cr_assert_eq(found, 1);
    Py_DECREF(objs);
    PyObject *targets = PyTuple_Pack(1, a);
    PyObject *refs = _PyGC_GetReferrers(targets);
    found = 0;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(refs); i++) {
        found += PyList_GET_ITEM(refs, i) == holder;
    }
    cr_assert_eq(found, 1);
    Py_DECREF(refs);
    Py_DECREF(targets);
    Py_DECREF(holder);
    Py_DECREF(a);
}

Test(gc, freeze_keeps_garbage_until_unfreeze)
{
    PyObject *a = new_node(&Node_Type, NULL);
    ((NodeObject *)a)->slot = Py_NewRef(a);
    _PyGC_Freeze();
    cr_assert_geq(_PyGC_GetFreezeCount(), 1);
    Py_DECREF(a);
    collect();
    cr_assert_eq(node_deallocs, 0);
    _PyGC_Unfreeze();
    cr_assert_eq(_PyGC_GetFreezeCount(), 0);
    collect();
    cr_assert_eq(node_deallocs, 1);
}

Test(gc, automatic_collection_is_scheduled)
{
    PyGC_Enable();
    struct _gc_runtime_state *st = _PyGC_GetState();
    int old = st->generations[0].threshold;
    st->generations[0].threshold = 100;
    PyObject *a = new_node(&Node_Type, NULL);
    ((NodeObject *)a)->slot = Py_NewRef(a);
    Py_DECREF(a);
    /* Allocate (and keep) enough GC objects to pass the threshold. */
    PyObject *keep = PyList_New(0);
    for (int i = 0; i < 1000; i++) {
        PyObject *l = PyList_New(0);
        PyList_Append(keep, l);
        Py_DECREF(l);
    }
    PyThreadState *tstate = _PyThreadState_GET();
    cr_assert(_Py_eval_breaker_bit_is_set(tstate, _PY_GC_SCHEDULED_BIT));
    /* The default build may pick generation 0 only: the cycle is young. */
    _Py_HandlePending(tstate);
    cr_assert_eq(node_deallocs, 1);
    st->generations[0].threshold = old;
    Py_DECREF(keep);
}

Test(gc, disabled_means_not_scheduled)
{
    PyGC_Disable();
    cr_assert(!PyGC_IsEnabled());
    struct _gc_runtime_state *st = _PyGC_GetState();
    st->generations[0].threshold = 10;
    PyThreadState *tstate = _PyThreadState_GET();
    _Py_unset_eval_breaker_bit(tstate, _PY_GC_SCHEDULED_BIT);
    PyObject *keep = PyList_New(0);
    for (int i = 0; i < 500; i++) {
        PyObject *l = PyList_New(0);
        PyList_Append(keep, l);
        Py_DECREF(l);
    }
    cr_assert(!_Py_eval_breaker_bit_is_set(tstate, _PY_GC_SCHEDULED_BIT));
    Py_DECREF(keep);
    PyGC_Enable();
}

/* ---- weak references ---------------------------------------------------- */

static int callback_calls;
static PyObject *callback_arg;

static PyObject *
record_callback(PyObject *self, PyObject *wr)
{
    callback_calls++;
    Py_XDECREF(callback_arg);
    callback_arg = Py_NewRef(wr);
    Py_RETURN_NONE;
}

static PyMethodDef record_def = {"record", record_callback, METH_O, NULL};

Test(gc, weakref_dies_with_referent)
{
    callback_calls = 0;
    PyObject *a = new_node(&Node_Type, NULL);
    PyObject *cb = PyCFunction_New(&record_def, NULL);
    PyObject *r = PyWeakref_NewRef(a, NULL);
    PyObject *r2 = PyWeakref_NewRef(a, NULL);
    cr_assert_eq(r, r2, "plain refs are shared");
    Py_DECREF(r2);
    PyObject *rc = PyWeakref_NewRef(a, cb);
    cr_assert_neq(rc, r);
    cr_assert_eq(_PyWeakref_GetWeakrefCount(a), 2);
    PyObject *obj;
    cr_assert_eq(PyWeakref_GetRef(r, &obj), 1);
    cr_assert_eq(obj, a);
    Py_DECREF(obj);
    Py_DECREF(a);
    cr_assert_eq(PyWeakref_GetRef(r, &obj), 0);
    cr_assert_null(obj);
    cr_assert_eq(callback_calls, 1);
    cr_assert_eq(callback_arg, rc);
    Py_CLEAR(callback_arg);
    Py_DECREF(r);
    Py_DECREF(rc);
    Py_DECREF(cb);
}

Test(gc, weakref_to_garbage_cleared_and_callback_called)
{
    callback_calls = 0;
    PyObject *cb = PyCFunction_New(&record_def, NULL);
    PyObject *a = new_node(&Node_Type, NULL);
    ((NodeObject *)a)->slot = Py_NewRef(a);
    PyObject *r = PyWeakref_NewRef(a, cb);
    Py_DECREF(a);
    cr_assert_eq(callback_calls, 0);
    collect();
    cr_assert_eq(node_deallocs, 1);
    cr_assert_eq(callback_calls, 1);
    PyObject *obj;
    cr_assert_eq(PyWeakref_GetRef(r, &obj), 0);
    Py_CLEAR(callback_arg);
    Py_DECREF(r);
    Py_DECREF(cb);
}

Test(gc, weakref_in_garbage_gets_no_callback)
{
    callback_calls = 0;
    PyObject *cb = PyCFunction_New(&record_def, NULL);
    PyObject *a = new_node(&Node_Type, NULL);
    PyObject *r = PyWeakref_NewRef(a, cb);
    /* a -> [a, r], r weakly -> a: all garbage */
    PyObject *l = PyList_New(0);
    PyList_Append(l, a);
    PyList_Append(l, r);
    Py_DECREF(r);
    ((NodeObject *)a)->slot = l;
    Py_DECREF(a);
    collect();
    cr_assert_eq(node_deallocs, 1);
    cr_assert_eq(callback_calls, 0);
    Py_DECREF(cb);
}

Test(gc, weakref_errors)
{
    PyObject *l = PyList_New(0);
    cr_assert_null(PyWeakref_NewRef(l, NULL));
    cr_assert_str_eq(weft_error_utf8(), "TypeError: cannot create weak reference to 'list' object");
    PyErr_Clear();
    Py_DECREF(l);
    PyObject *a = new_node(&Node_Type, NULL);
    PyObject *p = PyWeakref_NewProxy(a, NULL);
    cr_assert(PyWeakref_CheckProxy(p));
    Py_DECREF(a);
    PyObject *name = PyUnicode_FromString("x");
    cr_assert_null(PyObject_GetAttr(p, name));
    cr_assert_str_eq(weft_error_utf8(),
                     "ReferenceError: weakly-referenced object no longer exists");
    PyErr_Clear();
    Py_DECREF(name);
    Py_DECREF(p);
}

/* ---- threads ---------------------------------------------------------- */

typedef struct {
    int stop;
    int cycles_made;
} alloc_arg;

static void
allocate_cycles(void *raw)
{
    alloc_arg *arg = raw;
    PyThreadState *tstate = _PyThreadState_GET();
    while (!_Py_atomic_load_int(&arg->stop)) {
        for (int i = 0; i < 50; i++) {
            PyObject *l = PyList_New(0);
            PyList_Append(l, l);
            PyObject *d = PyDict_New();
            PyDict_SetItemString(d, "l", l);
            PyList_Append(l, d);
            Py_DECREF(d);
            Py_DECREF(l);
        }
        _Py_atomic_add_int(&arg->cycles_made, 50);
        if (_Py_atomic_load_uintptr_relaxed(&tstate->eval_breaker)) {
            _Py_HandlePending(tstate);
        }
    }
}

Test(gc, collect_while_threads_allocate, .timeout = 120)
{
    alloc_arg arg = {0, 0};
    pthread_t th[4];
    for (int i = 0; i < 4; i++) {
        th[i] = th_start(allocate_cycles, &arg);
    }
    /* Collections the workers trigger count too: a manual collect()
     * returns 0 while one of theirs runs, and theirs may free the nodes. */
    struct _gc_runtime_state *gst = _PyGC_GetState();
    Py_ssize_t auto_before = 0;
    for (int g = 0; g < _PyGC_NUM_GENERATIONS; g++) {
        auto_before += gst->stats[g].collected;
    }
    Py_ssize_t total = 0;
    for (int round = 0; round < 20; round++) {
        th_sleep_ms(5);
        PyObject *a = new_node(&Node_Type, NULL);
        ((NodeObject *)a)->slot = Py_NewRef(a);
        Py_DECREF(a);
        total += collect();
    }
    _Py_atomic_store_int(&arg.stop, 1);
    for (int i = 0; i < 4; i++) {
        th_join(th[i]);
    }
    total += collect();
    cr_assert_eq(node_deallocs, 20);
    Py_ssize_t all_collected = -auto_before;
    for (int g = 0; g < _PyGC_NUM_GENERATIONS; g++) {
        all_collected += gst->stats[g].collected;
    }
    cr_assert_geq(all_collected, 20);
    cr_assert_geq(all_collected, total);
    /* Every cycle the threads made is gone once everybody stopped. */
    cr_assert_eq(collect(), 0);
}

/* ---- instances of classes made at run time (subtype_traverse) ------------ */

static int del_calls;

static PyObject *
count_del(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    del_calls++;
    Py_RETURN_NONE;
}

static PyMethodDef count_del_def = {"__del__", count_del, METH_NOARGS, NULL};

/* class <name>: <attrs> (attrs: a dict, stolen) */
static PyObject *
make_class(const char *name, PyObject *attrs)
{
    PyObject *cls = PyObject_CallFunction((PyObject *)&PyType_Type, "s()O", name, attrs);
    Py_DECREF(attrs);
    cr_assert(cls != NULL, "class creation failed: %s", weft_error_utf8());
    return cls;
}

Test(gc, heap_type_instance_cycle_through_dict)
{
    PyObject *cls = make_class("C", PyDict_New());
    PyObject *a = PyObject_CallNoArgs(cls);
    PyObject *b = PyObject_CallNoArgs(cls);
    cr_assert(PyObject_SetAttrString(a, "other", b) == 0);
    cr_assert(PyObject_SetAttrString(b, "other", a) == 0);
    PyObject *ra = PyWeakref_NewRef(a, NULL);
    cr_assert(ra != NULL, "%s", weft_error_utf8());
    Py_DECREF(a);
    Py_DECREF(b);
    PyObject *obj;
    cr_assert_eq(PyWeakref_GetRef(ra, &obj), 1);
    Py_DECREF(obj);
    cr_assert_geq(collect(), 4);  /* two instances and their dicts */
    cr_assert_eq(PyWeakref_GetRef(ra, &obj), 0);
    Py_DECREF(ra);
    Py_DECREF(cls);
}

Test(gc, heap_type_instance_cycle_through_slots)
{
    PyObject *attrs = PyDict_New();
    PyObject *slots = Py_BuildValue("(ss)", "x", "__weakref__");
    PyDict_SetItemString(attrs, "__slots__", slots);
    Py_DECREF(slots);
    PyObject *cls = make_class("S", attrs);
    PyObject *a = PyObject_CallNoArgs(cls);
    cr_assert(PyObject_SetAttrString(a, "x", a) == 0);
    PyObject *ra = PyWeakref_NewRef(a, NULL);
    cr_assert(ra != NULL, "%s", weft_error_utf8());
    Py_DECREF(a);
    cr_assert_eq(collect(), 1);
    PyObject *obj;
    cr_assert_eq(PyWeakref_GetRef(ra, &obj), 0);
    Py_DECREF(ra);
    Py_DECREF(cls);
}

Test(gc, del_runs_once_for_cycles_and_plain_deaths)
{
    del_calls = 0;
    PyObject *attrs = PyDict_New();
    PyObject *del = PyCFunction_New(&count_del_def, NULL);
    PyDict_SetItemString(attrs, "__del__", del);
    Py_DECREF(del);
    PyObject *cls = make_class("D", attrs);
    PyObject *a = PyObject_CallNoArgs(cls);
    Py_DECREF(a);
    cr_assert_eq(del_calls, 1);
    PyObject *b = PyObject_CallNoArgs(cls);
    cr_assert(PyObject_SetAttrString(b, "me", b) == 0);
    Py_DECREF(b);
    cr_assert_eq(del_calls, 1);
    collect();
    cr_assert_eq(del_calls, 2);
    collect();
    cr_assert_eq(del_calls, 2);
    Py_DECREF(cls);
}

Test(gc, callbacks_run_newest_first)
{
    PyObject *cls = make_class("W", PyDict_New());
    PyObject *a = PyObject_CallNoArgs(cls);
    PyObject *order = PyList_New(0);
    PyObject *append = PyObject_GetAttrString(order, "append");
    PyObject *r1 = PyWeakref_NewRef(a, append);
    PyObject *r2 = PyWeakref_NewRef(a, append);
    PyObject *plain = PyWeakref_NewRef(a, NULL);
    cr_assert_eq(_PyWeakref_GetWeakrefCount(a), 3);
    Py_DECREF(a);
    cr_assert_eq(PyList_GET_SIZE(order), 2);
    cr_assert_eq(PyList_GET_ITEM(order, 0), r2);
    cr_assert_eq(PyList_GET_ITEM(order, 1), r1);
    Py_DECREF(r1);
    Py_DECREF(r2);
    Py_DECREF(plain);
    Py_DECREF(append);
    Py_DECREF(order);
    Py_DECREF(cls);
}
