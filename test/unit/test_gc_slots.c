/* test_gc_slots.c: where the free-threaded build keeps tracked objects
 * (Python/gc.c, "slot sets"): tracking and untracking by the owning thread
 * go through its free list and reuse slots; untracking by another thread
 * zeroes the slot and counts it on the owner's set; a thread that exits
 * with live tracked objects leaves an orphan set whose objects the
 * collector still examines and that the next thread adopts; a collection
 * compacts a set with much idle room.  The default build has no slots: the
 * suite is empty there. */
#include "weft_test.h"
#include "thread_helpers.h"
#include "pycore_gc.h"

#ifdef Py_GIL_DISABLED

/* ---- a tiny GC type with a counter of deallocations ------------------- */

typedef struct {
    PyObject_HEAD
    PyObject *slot;
} CellObject;

static int cell_deallocs;  /* atomic: other threads free cells too */

static int
cell_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((CellObject *)self)->slot);
    return 0;
}

static int
cell_clear(PyObject *self)
{
    Py_CLEAR(((CellObject *)self)->slot);
    return 0;
}

static void
cell_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    cell_clear(self);
    _Py_atomic_add_int(&cell_deallocs, 1);
    PyObject_GC_Del(self);
}

static PyTypeObject Cell_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "test_gc_slots.Cell",
    .tp_basicsize = sizeof(CellObject),
    .tp_dealloc = cell_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = cell_traverse,
    .tp_clear = cell_clear,
};

static void
slots_setup(void)
{
    weft_setup();
    cr_assert(PyType_Ready(&Cell_Type) == 0);
    cell_deallocs = 0;
    PyGC_Collect();
}

TestSuite(gc_slots, .init = slots_setup, .timeout = 120);

static PyObject *
new_cell(PyObject *slot)
{
    CellObject *c = PyObject_GC_New(CellObject, &Cell_Type);
    cr_assert(c != NULL);
    c->slot = Py_XNewRef(slot);
    PyObject_GC_Track(c);
    return (PyObject *)c;
}

static uintptr_t *
slot_of(PyObject *op)
{
    return (uintptr_t *)_Py_atomic_load_uintptr_relaxed(&_Py_AS_GC(op)->_gc_next);
}

static struct _gc_chunk *
chunk_of_slot(uintptr_t *slot)
{
    return (struct _gc_chunk *)((uintptr_t)slot & ~(uintptr_t)(_PyGC_CHUNK_SIZE - 1));
}

static Py_ssize_t
collect(void)
{
    return _PyGC_Collect(_PyThreadState_GET(), 2, "manual");
}

/* Is `op` in the list gc.get_objects() would return? */
static int
in_get_objects(PyObject *op)
{
    PyObject *all = _PyGC_GetObjects(-1);
    cr_assert(all != NULL);
    int found = 0;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(all); i++) {
        if (PyList_GET_ITEM(all, i) == op) {
            found = 1;
        }
    }
    Py_DECREF(all);
    return found;
}

static Py_ssize_t
zero_slots(struct _gc_slot_set *set)
{
    Py_ssize_t n = 0;
    for (struct _gc_chunk *c = set->chunks; c != NULL; c = c->next) {
        for (Py_ssize_t i = 0; i < _PyGC_CHUNK_SLOTS; i++) {
            if (_Py_atomic_load_uintptr_relaxed(&c->slots[i]) == 0) {
                n++;
            }
        }
    }
    return n;
}

/* ---- the owner ----------------------------------------------------------- */

Test(gc_slots, owner_track_untrack_reuses_the_slot)
{
    PyThreadState *tstate = _PyThreadState_GET();
    PyObject *a = new_cell(NULL);
    struct _gc_slot_set *set = tstate->gc_slots;
    cr_assert_not_null(set);
    uintptr_t *slot = slot_of(a);
    cr_assert_not_null(slot);
    cr_assert_eq(chunk_of_slot(slot)->owner, set);
    cr_assert_eq(*slot, (uintptr_t)a);
    cr_assert(PyObject_GC_IsTracked(a));

    PyObject_GC_UnTrack(a);
    cr_assert_not(PyObject_GC_IsTracked(a));
    cr_assert_eq(set->free, slot, "the freed slot heads the free list");
    cr_assert_eq(*slot & 1, 1, "a free slot holds a tagged link");
    PyObject_GC_UnTrack(a);  /* untracking twice is harmless */
    cr_assert_eq(set->free, slot);

    PyObject *b = new_cell(NULL);
    cr_assert_eq(slot_of(b), slot, "the next track reuses it");
    cr_assert_eq(*slot, (uintptr_t)b);
    PyObject_GC_Track(a);
    cr_assert_neq(slot_of(a), slot);
    cr_assert_eq(*slot_of(a), (uintptr_t)a);
    cr_assert_eq(set->remote_frees, 0);
    Py_DECREF(a);
    Py_DECREF(b);
    cr_assert_eq(cell_deallocs, 2);
}

Test(gc_slots, many_objects_fill_chunks_in_order)
{
    Py_ssize_t n = 3 * _PyGC_CHUNK_SLOTS;
    PyObject *cells[3 * 1024];
    cr_assert(n <= 3 * 1024);
    for (Py_ssize_t i = 0; i < n; i++) {
        cells[i] = new_cell(NULL);
    }
    struct _gc_slot_set *set = _PyThreadState_GET()->gc_slots;
    cr_assert_geq(set->nchunks, 3);
    for (Py_ssize_t i = 0; i < n; i++) {
        uintptr_t *slot = slot_of(cells[i]);
        cr_assert_eq(*slot, (uintptr_t)cells[i]);
        cr_assert_eq(chunk_of_slot(slot)->owner, set);
        cr_assert_eq((uintptr_t)slot % sizeof(uintptr_t), 0);
    }
    /* The collector sees every one of them (the cells are referenced from
     * here only, so they survive). */
    cr_assert_eq(collect(), 0);
    for (Py_ssize_t i = 0; i < n; i += 97) {
        cr_assert(PyObject_GC_IsTracked(cells[i]));
        cr_assert_eq(*slot_of(cells[i]), (uintptr_t)cells[i]);
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_DECREF(cells[i]);
    }
    cr_assert_eq(cell_deallocs, n);
}

/* ---- another thread untracks ------------------------------------------- */

#define NREMOTE 300

typedef struct {
    PyObject *cells[NREMOTE];
    struct _gc_slot_set *set;
    int made;       /* atomic: the producer published its cells */
    int consumed;   /* atomic: the main thread dropped them */
    int done;       /* atomic: the producer checked its own view */
    Py_ssize_t remote_seen;
} remote_arg;

static void
producer(void *raw)
{
    remote_arg *a = raw;
    for (int i = 0; i < NREMOTE; i++) {
        a->cells[i] = new_cell(NULL);
    }
    a->set = _PyThreadState_GET()->gc_slots;
    _Py_atomic_store_int(&a->made, 1);
    while (!_Py_atomic_load_int(&a->consumed)) {
        th_sleep_ms(1);
    }
    a->remote_seen = _Py_atomic_load_ssize_relaxed(&a->set->remote_frees);
    /* Tracking a lot more makes the owner reclaim the zeroed slots itself
     * before it adds chunks without end. */
    PyObject *more[4 * 1024];
    Py_ssize_t nmore = 4 * _PyGC_CHUNK_SLOTS;
    cr_assert(nmore <= 4 * 1024);
    for (Py_ssize_t i = 0; i < nmore; i++) {
        more[i] = new_cell(NULL);
    }
    for (Py_ssize_t i = 0; i < nmore; i++) {
        Py_DECREF(more[i]);
    }
    _Py_atomic_store_int(&a->done, 1);
}

Test(gc_slots, untrack_by_another_thread_zeroes_and_counts)
{
    remote_arg *a = calloc(1, sizeof(*a));
    pthread_t th = th_start(producer, a);
    while (!_Py_atomic_load_int(&a->made)) {
        th_sleep_ms(1);
    }
    struct _gc_slot_set *mine = _PyThreadState_GET()->gc_slots;
    uintptr_t *slots[NREMOTE];
    for (int i = 0; i < NREMOTE; i++) {
        slots[i] = slot_of(a->cells[i]);
        cr_assert_eq(chunk_of_slot(slots[i])->owner, a->set);
        cr_assert_neq(a->set, mine);
    }
    /* Seen from here too. */
    cr_assert(in_get_objects(a->cells[NREMOTE / 2]));
    /* Untracked here, as a dealloc running in this thread would (a
     * Py_DECREF from here may hand the object back to its owner thread). */
    for (int i = 0; i < NREMOTE; i++) {
        PyObject_GC_UnTrack(a->cells[i]);
        cr_assert_not(PyObject_GC_IsTracked(a->cells[i]));
        cr_assert_eq(_Py_atomic_load_uintptr_relaxed(slots[i]), 0);
    }
    cr_assert_eq(_Py_atomic_load_ssize_relaxed(&a->set->remote_frees), NREMOTE);
    for (int i = 0; i < NREMOTE; i++) {
        Py_DECREF(a->cells[i]);
    }
    _Py_atomic_store_int(&a->consumed, 1);
    th_join(th);
    cr_assert_eq(a->remote_seen, NREMOTE);
    /* The producer needed more slots than its first chunk held: it took
     * back the zeroed ones on the way (its counter went down). */
    cr_assert_lt(_Py_atomic_load_ssize_relaxed(&a->set->remote_frees), NREMOTE);
    free(a);
}

Test(gc_slots, collection_reclaims_zeroed_slots)
{
    remote_arg *a = calloc(1, sizeof(*a));
    pthread_t th = th_start(producer, a);
    while (!_Py_atomic_load_int(&a->made)) {
        th_sleep_ms(1);
    }
    for (int i = 0; i < NREMOTE; i++) {
        PyObject_GC_UnTrack(a->cells[i]);
        Py_DECREF(a->cells[i]);
    }
    cr_assert_eq(zero_slots(a->set), NREMOTE);
    cr_assert_eq(collect(), 0);
    /* The world was stopped: the zeroed slots are back on the owner's free
     * list (or the set was compacted) and the count starts over. */
    cr_assert_eq(zero_slots(a->set), 0);
    cr_assert_eq(a->set->remote_frees, 0);
    _Py_atomic_store_int(&a->consumed, 1);
    th_join(th);
    free(a);
}

/* ---- thread exit --------------------------------------------------------- */

typedef struct {
    PyObject *keep;  /* a list the thread fills with cells */
    struct _gc_slot_set *set;
} exit_arg;

static void
fill_and_exit(void *raw)
{
    exit_arg *a = raw;
    for (int i = 0; i < 2000; i++) {
        PyObject *c = new_cell(NULL);
        cr_assert(PyList_Append(a->keep, c) == 0);
        Py_DECREF(c);
    }
    /* And a garbage cycle. */
    PyObject *x = new_cell(NULL);
    PyObject *y = new_cell(x);
    ((CellObject *)x)->slot = y;  /* x -> y -> x; our reference to y moves */
    Py_DECREF(x);
    a->set = _PyThreadState_GET()->gc_slots;
}

static void
record_set(void *raw)
{
    PyObject *c = new_cell(NULL);
    *(struct _gc_slot_set **)raw = _PyThreadState_GET()->gc_slots;
    Py_DECREF(c);
}

Test(gc_slots, thread_exit_with_live_objects_then_collection)
{
    exit_arg a = {PyList_New(0), NULL};
    cr_assert(a.keep != NULL);
    th_join(th_start(fill_and_exit, &a));
    cr_assert_not_null(a.set);
    cr_assert(a.set->orphaned, "the exited thread's set is an orphan");
    cr_assert_eq(PyList_GET_SIZE(a.keep), 2000);

    PyObject *probe = PyList_GET_ITEM(a.keep, 1234);
    cr_assert_eq(chunk_of_slot(slot_of(probe))->owner, a.set);
    cr_assert(in_get_objects(probe));
    cr_assert_eq(collect(), 2, "the cycle the thread left is garbage");
    cr_assert_eq(_Py_atomic_load_int(&cell_deallocs), 2);
    for (Py_ssize_t i = 0; i < 2000; i++) {
        PyObject *c = PyList_GET_ITEM(a.keep, i);
        cr_assert(PyObject_GC_IsTracked(c));
        cr_assert_eq(*slot_of(c), (uintptr_t)c);
    }
    cr_assert(in_get_objects(probe));

    /* The next thread takes the orphan over, objects and all. */
    struct _gc_slot_set *adopted = NULL;
    th_join(th_start(record_set, &adopted));
    cr_assert_eq(adopted, a.set);

    /* Its objects die here (remote untracks into an orphan again), and
     * the next collection frees the empty orphan. */
    Py_DECREF(a.keep);
    cr_assert_eq(collect(), 0);
    cr_assert_eq(_Py_atomic_load_int(&cell_deallocs), 2 + 2000 + 1);
    for (struct _gc_slot_set *s = _PyGC_GetState()->slot_sets; s != NULL; s = s->next_set) {
        cr_assert_neq(s, a.set, "an empty orphan is freed by the collector");
    }
}

/* ---- compaction ---------------------------------------------------------- */

Test(gc_slots, collection_compacts_a_mostly_idle_set)
{
    enum { N = 20 * 1024, KEEP_EVERY = 20 };
    PyObject **cells = malloc(N * sizeof(PyObject *));
    for (int i = 0; i < N; i++) {
        cells[i] = new_cell(NULL);
    }
    struct _gc_slot_set *set = _PyThreadState_GET()->gc_slots;
    Py_ssize_t before = set->nchunks;
    cr_assert_geq(before, N / _PyGC_CHUNK_SLOTS);
    int kept = 0;
    for (int i = 0; i < N; i++) {
        if (i % KEEP_EVERY == 0) {
            cells[kept++] = cells[i];
        }
        else {
            Py_DECREF(cells[i]);
        }
    }
    cr_assert_eq(collect(), 0);
    /* set->live: what the collection found in the set (ours and what
     * start-up left); one spare chunk is kept. */
    cr_assert_geq(set->live, kept);
    Py_ssize_t live_chunks = (set->live + _PyGC_CHUNK_SLOTS - 1) / _PyGC_CHUNK_SLOTS;
    cr_assert_leq(set->nchunks, live_chunks + 1, "%zd chunks left of %zd", set->nchunks, before);
    cr_assert_lt(set->nchunks, before / 4);
    for (int i = 0; i < kept; i++) {
        uintptr_t *slot = slot_of(cells[i]);
        cr_assert(PyObject_GC_IsTracked(cells[i]));
        cr_assert_eq(*slot, (uintptr_t)cells[i]);
        cr_assert_eq(chunk_of_slot(slot)->owner, set);
    }
    /* The set still works: untrack by the owner, track again, collect. */
    for (int i = 0; i < kept; i += 2) {
        Py_DECREF(cells[i]);
    }
    for (int i = 0; i < 5000; i++) {
        PyObject *c = new_cell(NULL);
        Py_DECREF(c);
    }
    cr_assert_eq(collect(), 0);
    for (int i = 1; i < kept; i += 2) {
        cr_assert_eq(*slot_of(cells[i]), (uintptr_t)cells[i]);
        Py_DECREF(cells[i]);
    }
    cr_assert_eq(_Py_atomic_load_int(&cell_deallocs), N + 5000);
    free(cells);
}

/* ---- threads without a thread state ------------------------------------- */

static void *
no_tstate_track(void *raw)
{
    /* The object was made by the main thread; tracking it here, with no
     * thread state, uses the shared set. */
    PyObject_GC_Track(raw);
    return NULL;
}

Test(gc_slots, tracking_without_a_thread_state_uses_the_shared_set)
{
    PyObject *c = new_cell(NULL);
    PyObject_GC_UnTrack(c);
    pthread_t th;
    cr_assert_eq(pthread_create(&th, NULL, no_tstate_track, c), 0);
    PyThreadState *save = PyEval_SaveThread();
    pthread_join(th, NULL);
    PyEval_RestoreThread(save);
    cr_assert(PyObject_GC_IsTracked(c));
    cr_assert_eq(chunk_of_slot(slot_of(c))->owner, &_PyGC_GetState()->shared_slots);
    cr_assert(in_get_objects(c));
    cr_assert_eq(collect(), 0);
    Py_DECREF(c);
    cr_assert_eq(_Py_atomic_load_int(&cell_deallocs), 1);
}

#endif /* Py_GIL_DISABLED */
