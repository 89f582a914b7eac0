/* _collectionsmodule.c: the C half of the collections module: deque (a
 * double-ended queue of linked fixed-size blocks), its iterators,
 * defaultdict (a dict subclass with __missing__), _count_elements (the
 * Counter loop) and _tuplegetter (namedtuple field descriptors).
 *
 * Every deque operation runs inside a critical section on the deque, so in
 * the free-threaded build appends and pops from many threads are atomic,
 * as they are under the GIL (queue.Queue relies on it). */
#include "Python.h"
#include "pycore_object.h"
#include "structmember.h"

/* ==== deque ================================================================ */

/* A deque is a doubly linked list of blocks of BLOCKLEN slots.  The items
 * run from leftblock->data[leftindex] to rightblock->data[rightindex]; an
 * empty deque has one block and leftindex == rightindex + 1, centred so
 * that either end can grow without a new block at once. */
#define BLOCKLEN 64
#define CENTER ((BLOCKLEN - 1) / 2)

typedef struct block {
    struct block *leftlink;
    PyObject *data[BLOCKLEN];
    struct block *rightlink;
} block;

typedef struct {
    PyObject_VAR_HEAD           /* ob_size is the length */
    block *leftblock;
    block *rightblock;
    Py_ssize_t leftindex;
    Py_ssize_t rightindex;
    size_t state;               /* bumped by every mutation; iterators check it */
    Py_ssize_t maxlen;          /* -1 when unbounded */
} dequeobject;

static PyTypeObject deque_type;
static PyTypeObject dequeiter_type;
static PyTypeObject dequereviter_type;

#define deque_CheckAny(op) PyObject_TypeCheck((op), &deque_type)

static block *
newblock(void)
{
    block *b = PyMem_Malloc(sizeof(block));
    if (b == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    b->leftlink = b->rightlink = NULL;
    return b;
}

static PyObject *
deque_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    dequeobject *deque = (dequeobject *)type->tp_alloc(type, 0);
    if (deque == NULL) {
        return NULL;
    }
    block *b = newblock();
    if (b == NULL) {
        Py_DECREF(deque);
        return NULL;
    }
    Py_SET_SIZE(deque, 0);
    deque->leftblock = deque->rightblock = b;
    deque->leftindex = CENTER + 1;
    deque->rightindex = CENTER;
    deque->state = 0;
    deque->maxlen = -1;
    return (PyObject *)deque;
}

/* ---- the four primitive moves: references are stolen/returned as is ---- */

static int
push_right(dequeobject *deque, PyObject *item)
{
    if (deque->rightindex == BLOCKLEN - 1) {
        block *b = newblock();
        if (b == NULL) {
            return -1;
        }
        b->leftlink = deque->rightblock;
        deque->rightblock->rightlink = b;
        deque->rightblock = b;
        deque->rightindex = -1;
    }
    Py_SET_SIZE(deque, Py_SIZE(deque) + 1);
    deque->rightindex++;
    deque->rightblock->data[deque->rightindex] = item;
    deque->state++;
    return 0;
}

static int
push_left(dequeobject *deque, PyObject *item)
{
    if (deque->leftindex == 0) {
        block *b = newblock();
        if (b == NULL) {
            return -1;
        }
        b->rightlink = deque->leftblock;
        deque->leftblock->leftlink = b;
        deque->leftblock = b;
        deque->leftindex = BLOCKLEN;
    }
    Py_SET_SIZE(deque, Py_SIZE(deque) + 1);
    deque->leftindex--;
    deque->leftblock->data[deque->leftindex] = item;
    deque->state++;
    return 0;
}

/* The deque must not be empty. */
static PyObject *
pop_right(dequeobject *deque)
{
    PyObject *item = deque->rightblock->data[deque->rightindex];
    deque->rightindex--;
    Py_SET_SIZE(deque, Py_SIZE(deque) - 1);
    deque->state++;
    if (deque->rightindex < 0) {
        if (Py_SIZE(deque) != 0) {
            block *prev = deque->rightblock->leftlink;
            PyMem_Free(deque->rightblock);
            prev->rightlink = NULL;
            deque->rightblock = prev;
            deque->rightindex = BLOCKLEN - 1;
        }
        else {
            deque->leftindex = CENTER + 1;
            deque->rightindex = CENTER;
        }
    }
    return item;
}

static PyObject *
pop_left(dequeobject *deque)
{
    PyObject *item = deque->leftblock->data[deque->leftindex];
    deque->leftindex++;
    Py_SET_SIZE(deque, Py_SIZE(deque) - 1);
    deque->state++;
    if (deque->leftindex == BLOCKLEN) {
        if (Py_SIZE(deque) != 0) {
            block *next = deque->leftblock->rightlink;
            PyMem_Free(deque->leftblock);
            next->leftlink = NULL;
            deque->leftblock = next;
            deque->leftindex = 0;
        }
        else {
            deque->leftindex = CENTER + 1;
            deque->rightindex = CENTER;
        }
    }
    else if (Py_SIZE(deque) == 0) {
        deque->leftindex = CENTER + 1;
        deque->rightindex = CENTER;
    }
    return item;
}

/* Append with the maxlen rule; steals `item`.  The item pushed out at the
 * other end is released after the deque is consistent again. */
static int
deque_append_steal(dequeobject *deque, PyObject *item)
{
    if (deque->maxlen == 0) {
        Py_DECREF(item);
        return 0;
    }
    if (push_right(deque, item) < 0) {
        Py_DECREF(item);
        return -1;
    }
    if (deque->maxlen >= 0 && Py_SIZE(deque) > deque->maxlen) {
        Py_DECREF(pop_left(deque));
    }
    return 0;
}

static int
deque_appendleft_steal(dequeobject *deque, PyObject *item)
{
    if (deque->maxlen == 0) {
        Py_DECREF(item);
        return 0;
    }
    if (push_left(deque, item) < 0) {
        Py_DECREF(item);
        return -1;
    }
    if (deque->maxlen >= 0 && Py_SIZE(deque) > deque->maxlen) {
        Py_DECREF(pop_right(deque));
    }
    return 0;
}

/* Rotate right by n (left if negative): moves pointers, no refcounting. */
static int
deque_rotate_impl(dequeobject *deque, Py_ssize_t n)
{
    Py_ssize_t len = Py_SIZE(deque);
    if (len <= 1) {
        return 0;
    }
    n %= len;
    if (n < 0) {
        n += len;
    }
    if (n > len / 2) {
        n -= len;
    }
    size_t state = deque->state;
    for (; n > 0; n--) {
        PyObject *item = pop_right(deque);
        if (push_left(deque, item) < 0) {
            push_right(deque, item);    /* cannot fail: the slot was just freed */
            return -1;
        }
    }
    for (; n < 0; n++) {
        PyObject *item = pop_left(deque);
        if (push_right(deque, item) < 0) {
            push_left(deque, item);
            return -1;
        }
    }
    deque->state = state + 1;
    return 0;
}

/* Borrowed pointer to the slot of item i (0 <= i < len). */
static PyObject **
deque_slot(dequeobject *deque, Py_ssize_t i)
{
    Py_ssize_t len = Py_SIZE(deque);
    Py_ssize_t pos = i + deque->leftindex;
    Py_ssize_t n = pos / BLOCKLEN, index = pos % BLOCKLEN;
    block *b;
    if (i < len / 2) {
        b = deque->leftblock;
        while (n--) {
            b = b->rightlink;
        }
    }
    else {
        Py_ssize_t nlast = (deque->leftindex + len - 1) / BLOCKLEN;
        n = nlast - n;
        b = deque->rightblock;
        while (n--) {
            b = b->leftlink;
        }
    }
    return &b->data[index];
}

static void
deque_clear_impl(dequeobject *deque)
{
    while (Py_SIZE(deque) > 0) {
        PyObject *item = pop_right(deque);
        Py_DECREF(item);
    }
}

/* ---- methods ------------------------------------------------------------ */

static PyObject *
deque_append(PyObject *op, PyObject *item)
{
    int r;
    Py_BEGIN_CRITICAL_SECTION(op);
    r = deque_append_steal((dequeobject *)op, Py_NewRef(item));
    Py_END_CRITICAL_SECTION();
    if (r < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
deque_appendleft(PyObject *op, PyObject *item)
{
    int r;
    Py_BEGIN_CRITICAL_SECTION(op);
    r = deque_appendleft_steal((dequeobject *)op, Py_NewRef(item));
    Py_END_CRITICAL_SECTION();
    if (r < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
deque_pop(PyObject *op, PyObject *unused)
{
    dequeobject *deque = (dequeobject *)op;
    PyObject *item = NULL;
    Py_BEGIN_CRITICAL_SECTION(op);
    if (Py_SIZE(deque) == 0) {
        PyErr_SetString(PyExc_IndexError, "pop from an empty deque");
    }
    else {
        item = pop_right(deque);
    }
    Py_END_CRITICAL_SECTION();
    return item;
}

static PyObject *
deque_popleft(PyObject *op, PyObject *unused)
{
    dequeobject *deque = (dequeobject *)op;
    PyObject *item = NULL;
    Py_BEGIN_CRITICAL_SECTION(op);
    if (Py_SIZE(deque) == 0) {
        PyErr_SetString(PyExc_IndexError, "pop from an empty deque");
    }
    else {
        item = pop_left(deque);
    }
    Py_END_CRITICAL_SECTION();
    return item;
}

/* Extend (or extendleft) from an iterable; the caller holds the section. */
static PyObject *
deque_extend_impl(dequeobject *deque, PyObject *iterable, int left)
{
    if ((PyObject *)deque == iterable) {
        /* Extending by itself: snapshot first. */
        PyObject *s = PySequence_List(iterable);
        if (s == NULL) {
            return NULL;
        }
        PyObject *r = deque_extend_impl(deque, s, left);
        Py_DECREF(s);
        return r;
    }
    PyObject *it = PyObject_GetIter(iterable);
    if (it == NULL) {
        return NULL;
    }
    PyObject *item;
    while ((item = PyIter_Next(it)) != NULL) {
        int r = left ? deque_appendleft_steal(deque, item) : deque_append_steal(deque, item);
        if (r < 0) {
            Py_DECREF(it);
            return NULL;
        }
    }
    Py_DECREF(it);
    if (PyErr_Occurred()) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
deque_extend(PyObject *op, PyObject *iterable)
{
    PyObject *r;
    Py_BEGIN_CRITICAL_SECTION(op);
    r = deque_extend_impl((dequeobject *)op, iterable, 0);
    Py_END_CRITICAL_SECTION();
    return r;
}

static PyObject *
deque_extendleft(PyObject *op, PyObject *iterable)
{
    PyObject *r;
    Py_BEGIN_CRITICAL_SECTION(op);
    r = deque_extend_impl((dequeobject *)op, iterable, 1);
    Py_END_CRITICAL_SECTION();
    return r;
}

static PyObject *
deque_inplace_concat(PyObject *op, PyObject *other)
{
    PyObject *r = deque_extend(op, other);
    if (r == NULL) {
        return NULL;
    }
    Py_DECREF(r);
    return Py_NewRef(op);
}

static PyObject *
deque_clearmethod(PyObject *op, PyObject *unused)
{
    Py_BEGIN_CRITICAL_SECTION(op);
    deque_clear_impl((dequeobject *)op);
    Py_END_CRITICAL_SECTION();
    Py_RETURN_NONE;
}

static PyObject *
deque_copy(PyObject *op, PyObject *unused)
{
    dequeobject *deque = (dequeobject *)op;
    if (Py_IS_TYPE(op, &deque_type)) {
        dequeobject *new = (dequeobject *)deque_new(&deque_type, NULL, NULL);
        if (new == NULL) {
            return NULL;
        }
        new->maxlen = deque->maxlen;
        PyObject *r;
        Py_BEGIN_CRITICAL_SECTION(op);
        r = deque_extend_impl(new, op, 0);
        Py_END_CRITICAL_SECTION();
        if (r == NULL) {
            Py_DECREF(new);
            return NULL;
        }
        Py_DECREF(r);
        return (PyObject *)new;
    }
    if (deque->maxlen < 0) {
        return PyObject_CallOneArg((PyObject *)Py_TYPE(op), op);
    }
    return PyObject_CallFunction((PyObject *)Py_TYPE(op), "On", op, deque->maxlen);
}

static PyObject *
deque_rotate(PyObject *op, PyObject *const *args, Py_ssize_t nargs)
{
    Py_ssize_t n = 1;
    if (!_PyArg_CheckPositional("rotate", nargs, 0, 1)) {
        return NULL;
    }
    if (nargs == 1) {
        PyObject *iobj = PyNumber_Index(args[0]);
        if (iobj == NULL) {
            return NULL;
        }
        n = PyLong_AsSsize_t(iobj);
        Py_DECREF(iobj);
        if (n == -1 && PyErr_Occurred()) {
            return NULL;
        }
    }
    int r;
    Py_BEGIN_CRITICAL_SECTION(op);
    r = deque_rotate_impl((dequeobject *)op, n);
    Py_END_CRITICAL_SECTION();
    if (r < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
deque_reverse(PyObject *op, PyObject *unused)
{
    dequeobject *deque = (dequeobject *)op;
    Py_BEGIN_CRITICAL_SECTION(op);
    Py_ssize_t n = Py_SIZE(deque);
    for (Py_ssize_t i = 0; i < n / 2; i++) {
        PyObject **a = deque_slot(deque, i);
        PyObject **b = deque_slot(deque, n - 1 - i);
        PyObject *tmp = *a;
        *a = *b;
        *b = tmp;
    }
    deque->state++;
    Py_END_CRITICAL_SECTION();
    Py_RETURN_NONE;
}

static PyObject *
deque_count_impl(dequeobject *deque, PyObject *v)
{
    Py_ssize_t n = Py_SIZE(deque), count = 0;
    size_t start_state = deque->state;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *item = Py_NewRef(*deque_slot(deque, i));
        int cmp = PyObject_RichCompareBool(item, v, Py_EQ);
        Py_DECREF(item);
        if (cmp < 0) {
            return NULL;
        }
        count += cmp;
        if (start_state != deque->state) {
            PyErr_SetString(PyExc_RuntimeError, "deque mutated during iteration");
            return NULL;
        }
    }
    return PyLong_FromSsize_t(count);
}

static PyObject *
deque_count(PyObject *op, PyObject *v)
{
    PyObject *r;
    Py_BEGIN_CRITICAL_SECTION(op);
    r = deque_count_impl((dequeobject *)op, v);
    Py_END_CRITICAL_SECTION();
    return r;
}

/* The first index of v in [start, stop), -1 with ValueError when absent,
 * -2 on other errors. */
static Py_ssize_t
deque_find(dequeobject *deque, PyObject *v, Py_ssize_t start, Py_ssize_t stop)
{
    size_t start_state = deque->state;
    for (Py_ssize_t i = start; i < stop && i < Py_SIZE(deque); i++) {
        PyObject *item = Py_NewRef(*deque_slot(deque, i));
        int cmp = PyObject_RichCompareBool(item, v, Py_EQ);
        Py_DECREF(item);
        if (cmp < 0) {
            return -2;
        }
        if (start_state != deque->state) {
            PyErr_SetString(PyExc_RuntimeError, "deque mutated during iteration");
            return -2;
        }
        if (cmp > 0) {
            return i;
        }
    }
    PyErr_Format(PyExc_ValueError, "%R is not in deque", v);
    return -1;
}

static int
slice_index(PyObject *obj, Py_ssize_t *out)
{
    if (!PyIndex_Check(obj)) {
        PyErr_SetString(PyExc_TypeError,
                        "slice indices must be integers or have an __index__ method");
        return -1;
    }
    PyObject *iobj = PyNumber_Index(obj);
    if (iobj == NULL) {
        return -1;
    }
    Py_ssize_t v = PyLong_AsSsize_t(iobj);
    if (v == -1 && PyErr_Occurred()) {
        /* Clamp huge values, as slice indices do. */
        PyErr_Clear();
        v = _PyLong_Sign(iobj) < 0 ? PY_SSIZE_T_MIN : PY_SSIZE_T_MAX;
    }
    Py_DECREF(iobj);
    *out = v;
    return 0;
}

static PyObject *
deque_index(PyObject *op, PyObject *const *args, Py_ssize_t nargs)
{
    dequeobject *deque = (dequeobject *)op;
    if (!_PyArg_CheckPositional("index", nargs, 1, 3)) {
        return NULL;
    }
    Py_ssize_t start = 0, stop = PY_SSIZE_T_MAX;
    if (nargs >= 2 && slice_index(args[1], &start) < 0) {
        return NULL;
    }
    if (nargs >= 3 && slice_index(args[2], &stop) < 0) {
        return NULL;
    }
    Py_ssize_t r;
    Py_BEGIN_CRITICAL_SECTION(op);
    Py_ssize_t n = Py_SIZE(deque);
    if (start < 0) {
        start += n;
        if (start < 0) {
            start = 0;
        }
    }
    if (stop < 0) {
        stop += n;
        if (stop < 0) {
            stop = 0;
        }
    }
    if (stop > n) {
        stop = n;
    }
    r = deque_find(deque, args[0], start, stop);
    Py_END_CRITICAL_SECTION();
    if (r < 0) {
        return NULL;
    }
    return PyLong_FromSsize_t(r);
}

/* Delete item i (0 <= i < len) by rotating it to the left end. */
static int
deque_del_item(dequeobject *deque, Py_ssize_t i)
{
    if (deque_rotate_impl(deque, -i) < 0) {
        return -1;
    }
    PyObject *item = pop_left(deque);
    int r = deque_rotate_impl(deque, i);
    Py_DECREF(item);
    return r;
}

static PyObject *
deque_remove(PyObject *op, PyObject *value)
{
    dequeobject *deque = (dequeobject *)op;
    PyObject *res = NULL;
    Py_BEGIN_CRITICAL_SECTION(op);
    Py_ssize_t i = deque_find(deque, value, 0, Py_SIZE(deque));
    if (i >= 0 && deque_del_item(deque, i) == 0) {
        res = Py_NewRef(Py_None);
    }
    Py_END_CRITICAL_SECTION();
    return res;
}

static PyObject *
deque_insert_impl(dequeobject *deque, Py_ssize_t index, PyObject *value)
{
    Py_ssize_t n = Py_SIZE(deque);
    if (deque->maxlen == n) {
        PyErr_SetString(PyExc_IndexError, "deque already at its maximum size");
        return NULL;
    }
    if (index >= n) {
        if (deque_append_steal(deque, Py_NewRef(value)) < 0) {
            return NULL;
        }
        Py_RETURN_NONE;
    }
    if (index <= -n || index == 0) {
        if (deque_appendleft_steal(deque, Py_NewRef(value)) < 0) {
            return NULL;
        }
        Py_RETURN_NONE;
    }
    if (deque_rotate_impl(deque, -index) < 0) {
        return NULL;
    }
    int r = index < 0 ? deque_append_steal(deque, Py_NewRef(value))
                      : deque_appendleft_steal(deque, Py_NewRef(value));
    if (r < 0) {
        return NULL;
    }
    if (deque_rotate_impl(deque, index) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
deque_insert(PyObject *op, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("insert", nargs, 2, 2)) {
        return NULL;
    }
    PyObject *iobj = PyNumber_Index(args[0]);
    if (iobj == NULL) {
        return NULL;
    }
    Py_ssize_t index = PyLong_AsSsize_t(iobj);
    Py_DECREF(iobj);
    if (index == -1 && PyErr_Occurred()) {
        return NULL;
    }
    PyObject *r;
    Py_BEGIN_CRITICAL_SECTION(op);
    r = deque_insert_impl((dequeobject *)op, index, args[1]);
    Py_END_CRITICAL_SECTION();
    return r;
}

static PyObject *
deque_reversed(PyObject *op, PyObject *unused);

static PyObject *
deque_reduce(PyObject *op, PyObject *unused)
{
    dequeobject *deque = (dequeobject *)op;
    PyObject *state;
    if (PyObject_GetOptionalAttrString(op, "__dict__", &state) < 0) {
        return NULL;
    }
    if (state == NULL || (PyDict_Check(state) && PyDict_GET_SIZE(state) == 0)) {
        Py_XDECREF(state);
        state = Py_NewRef(Py_None);
    }
    PyObject *it = PyObject_GetIter(op);
    if (it == NULL) {
        Py_DECREF(state);
        return NULL;
    }
    PyObject *r;
    if (deque->maxlen < 0) {
        r = Py_BuildValue("O()NN", Py_TYPE(op), state, it);
    }
    else {
        r = Py_BuildValue("O(()n)NN", Py_TYPE(op), deque->maxlen, state, it);
    }
    return r;
}

static PyObject *
deque_sizeof(PyObject *op, PyObject *unused)
{
    dequeobject *deque = (dequeobject *)op;
    Py_ssize_t blocks = (deque->leftindex + Py_SIZE(deque) + BLOCKLEN - 1) / BLOCKLEN;
    if (blocks < 1) {
        blocks = 1;
    }
    return PyLong_FromSsize_t((Py_ssize_t)Py_TYPE(op)->tp_basicsize +
                              blocks * (Py_ssize_t)sizeof(block));
}

/* ---- sequence protocol -------------------------------------------------- */

static Py_ssize_t
deque_len(PyObject *op)
{
    /* Under the lock: an append to a full bounded deque briefly holds
     * maxlen + 1 items before it trims the other end. */
    Py_ssize_t n;
    Py_BEGIN_CRITICAL_SECTION(op);
    n = Py_SIZE(op);
    Py_END_CRITICAL_SECTION();
    return n;
}

static PyObject *
deque_item(PyObject *op, Py_ssize_t i)
{
    dequeobject *deque = (dequeobject *)op;
    PyObject *item = NULL;
    Py_BEGIN_CRITICAL_SECTION(op);
    if (i < 0 || i >= Py_SIZE(deque)) {
        PyErr_SetString(PyExc_IndexError, "deque index out of range");
    }
    else {
        item = Py_NewRef(*deque_slot(deque, i));
    }
    Py_END_CRITICAL_SECTION();
    return item;
}

static int
deque_ass_item(PyObject *op, Py_ssize_t i, PyObject *v)
{
    dequeobject *deque = (dequeobject *)op;
    int r = 0;
    PyObject *old = NULL;
    Py_BEGIN_CRITICAL_SECTION(op);
    if (i < 0 || i >= Py_SIZE(deque)) {
        PyErr_SetString(PyExc_IndexError, "deque index out of range");
        r = -1;
    }
    else if (v == NULL) {
        r = deque_del_item(deque, i);
    }
    else {
        PyObject **slot = deque_slot(deque, i);
        old = *slot;
        *slot = Py_NewRef(v);
    }
    Py_END_CRITICAL_SECTION();
    Py_XDECREF(old);
    return r;
}

static int
deque_contains(PyObject *op, PyObject *v)
{
    dequeobject *deque = (dequeobject *)op;
    int r = 0;
    Py_BEGIN_CRITICAL_SECTION(op);
    size_t start_state = deque->state;
    Py_ssize_t n = Py_SIZE(deque);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *item = Py_NewRef(*deque_slot(deque, i));
        int cmp = PyObject_RichCompareBool(item, v, Py_EQ);
        Py_DECREF(item);
        if (cmp != 0) {
            r = cmp;
            break;
        }
        if (start_state != deque->state) {
            PyErr_SetString(PyExc_RuntimeError, "deque mutated during iteration");
            r = -1;
            break;
        }
    }
    Py_END_CRITICAL_SECTION();
    return r;
}

static PyObject *
deque_concat(PyObject *op, PyObject *other)
{
    if (!deque_CheckAny(other)) {
        PyErr_Format(PyExc_TypeError, "can only concatenate %s (not \"%.200s\") to %s",
                     _PyType_Name(Py_TYPE(op)), Py_TYPE(other)->tp_name,
                     _PyType_Name(Py_TYPE(op)));
        return NULL;
    }
    PyObject *new = deque_copy(op, NULL);
    if (new == NULL) {
        return NULL;
    }
    PyObject *r = deque_extend(new, other);
    if (r == NULL) {
        Py_DECREF(new);
        return NULL;
    }
    Py_DECREF(r);
    return new;
}

/* d *= n: the result is the last min(len*n, maxlen) items of the
 * repetition, built without materialising the rest. */
static PyObject *
deque_inplace_repeat(PyObject *op, Py_ssize_t n)
{
    dequeobject *deque = (dequeobject *)op;
    PyObject *res = NULL;
    Py_BEGIN_CRITICAL_SECTION(op);
    Py_ssize_t size = Py_SIZE(deque);
    if (n <= 0 || size == 0) {
        deque_clear_impl(deque);
        res = Py_NewRef(op);
    }
    else if (n == 1) {
        res = Py_NewRef(op);
    }
    else if (size > PY_SSIZE_T_MAX / n) {
        PyErr_NoMemory();
    }
    else {
        PyObject *items = PyList_New(size);
        if (items != NULL) {
            for (Py_ssize_t i = 0; i < size; i++) {
                PyList_SET_ITEM(items, i, Py_NewRef(*deque_slot(deque, i)));
            }
            Py_ssize_t total = size * n;
            Py_ssize_t keep = deque->maxlen >= 0 && deque->maxlen < total ? deque->maxlen : total;
            int failed = 0;
            /* Appending from max(size, total - keep) with the maxlen
             * trimming leaves exactly the last `keep` items. */
            for (Py_ssize_t k = size > total - keep ? size : total - keep; k < total; k++) {
                PyObject *item = Py_NewRef(PyList_GET_ITEM(items, k % size));
                if (deque_append_steal(deque, item) < 0) {
                    failed = 1;
                    break;
                }
            }
            Py_DECREF(items);
            if (!failed) {
                res = Py_NewRef(op);
            }
        }
    }
    Py_END_CRITICAL_SECTION();
    return res;
}

static PyObject *
deque_repeat(PyObject *op, Py_ssize_t n)
{
    PyObject *new = deque_copy(op, NULL);
    if (new == NULL) {
        return NULL;
    }
    PyObject *r = deque_inplace_repeat(new, n);
    Py_DECREF(new);
    return r;
}

/* ---- object protocol ---------------------------------------------------- */

static int
deque_init(PyObject *op, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"iterable", "maxlen", NULL};
    dequeobject *deque = (dequeobject *)op;
    PyObject *iterable = NULL, *maxlenobj = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|OO:deque", kwlist, &iterable, &maxlenobj)) {
        return -1;
    }
    Py_ssize_t maxlen = -1;
    if (maxlenobj != NULL && maxlenobj != Py_None) {
        if (!PyLong_Check(maxlenobj)) {
            PyErr_SetString(PyExc_TypeError, "an integer is required");
            return -1;
        }
        maxlen = PyLong_AsSsize_t(maxlenobj);
        if (maxlen == -1 && PyErr_Occurred()) {
            return -1;
        }
        if (maxlen < 0) {
            PyErr_SetString(PyExc_ValueError, "maxlen must be non-negative");
            return -1;
        }
    }
    int r = 0;
    Py_BEGIN_CRITICAL_SECTION(op);
    deque->maxlen = maxlen;
    if (Py_SIZE(deque) > 0) {
        deque_clear_impl(deque);
    }
    if (iterable != NULL) {
        PyObject *res = deque_extend_impl(deque, iterable, 0);
        if (res == NULL) {
            r = -1;
        }
        Py_XDECREF(res);
    }
    Py_END_CRITICAL_SECTION();
    return r;
}

static int
deque_traverse(PyObject *op, visitproc visit, void *arg)
{
    dequeobject *deque = (dequeobject *)op;
    Py_ssize_t n = Py_SIZE(deque);
    block *b = deque->leftblock;
    Py_ssize_t index = deque->leftindex;
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_VISIT(b->data[index]);
        index++;
        if (index == BLOCKLEN) {
            b = b->rightlink;
            index = 0;
        }
    }
    return 0;
}

static int
deque_tp_clear(PyObject *op)
{
    deque_clear_impl((dequeobject *)op);
    return 0;
}

static void
deque_dealloc(PyObject *op)
{
    dequeobject *deque = (dequeobject *)op;
    PyObject_GC_UnTrack(op);
    if (deque->leftblock != NULL) {
        deque_clear_impl(deque);
        PyMem_Free(deque->leftblock);
        deque->leftblock = deque->rightblock = NULL;
    }
    Py_TYPE(op)->tp_free(op);
}

static PyObject *
deque_repr(PyObject *op)
{
    dequeobject *deque = (dequeobject *)op;
    int i = Py_ReprEnter(op);
    if (i != 0) {
        if (i < 0) {
            return NULL;
        }
        return PyUnicode_FromString("[...]");
    }
    PyObject *aslist = PySequence_List(op);
    if (aslist == NULL) {
        Py_ReprLeave(op);
        return NULL;
    }
    PyObject *result;
    if (deque->maxlen >= 0) {
        result = PyUnicode_FromFormat("%s(%R, maxlen=%zd)", _PyType_Name(Py_TYPE(op)), aslist,
                                      deque->maxlen);
    }
    else {
        result = PyUnicode_FromFormat("%s(%R)", _PyType_Name(Py_TYPE(op)), aslist);
    }
    Py_ReprLeave(op);
    Py_DECREF(aslist);
    return result;
}

static PyObject *
deque_richcompare(PyObject *v, PyObject *w, int op)
{
    if (!deque_CheckAny(v) || !deque_CheckAny(w)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    Py_ssize_t vs = PyObject_Size(v), ws = PyObject_Size(w);
    if (vs < 0 || ws < 0) {
        return NULL;
    }
    if (op == Py_EQ && vs != ws) {
        Py_RETURN_FALSE;
    }
    if (op == Py_NE && vs != ws) {
        Py_RETURN_TRUE;
    }
    PyObject *it1 = PyObject_GetIter(v);
    if (it1 == NULL) {
        return NULL;
    }
    PyObject *it2 = PyObject_GetIter(w);
    if (it2 == NULL) {
        Py_DECREF(it1);
        return NULL;
    }
    PyObject *x = NULL, *y = NULL, *res = NULL;
    for (;;) {
        x = PyIter_Next(it1);
        if (x == NULL && PyErr_Occurred()) {
            goto done;
        }
        y = PyIter_Next(it2);
        if (x == NULL || y == NULL) {
            break;
        }
        int b = PyObject_RichCompareBool(x, y, Py_EQ);
        if (b == 0) {
            res = PyObject_RichCompare(x, y, op);
            goto done;
        }
        Py_CLEAR(x);
        Py_CLEAR(y);
        if (b < 0) {
            goto done;
        }
    }
    if (PyErr_Occurred()) {
        goto done;
    }
    /* One ran out: compare the lengths of what was seen. */
    int cmp;
    switch (op) {
    case Py_LT: cmp = y != NULL; break;
    case Py_LE: cmp = x == NULL; break;
    case Py_EQ: cmp = x == y; break;
    case Py_NE: cmp = x != y; break;
    case Py_GT: cmp = x != NULL; break;
    default:    cmp = y == NULL; break;
    }
    res = Py_NewRef(cmp ? Py_True : Py_False);
done:
    Py_DECREF(it1);
    Py_DECREF(it2);
    Py_XDECREF(x);
    Py_XDECREF(y);
    return res;
}

static PyObject *
deque_get_maxlen(PyObject *op, void *closure)
{
    dequeobject *deque = (dequeobject *)op;
    if (deque->maxlen < 0) {
        Py_RETURN_NONE;
    }
    return PyLong_FromSsize_t(deque->maxlen);
}

static PyObject *deque_iter(PyObject *op);

static PyMethodDef deque_methods[] = {
    {"append", deque_append, METH_O, "Add an element to the right side of the deque."},
    {"appendleft", deque_appendleft, METH_O, "Add an element to the left side of the deque."},
    {"clear", deque_clearmethod, METH_NOARGS, "Remove all elements from the deque."},
    {"__copy__", deque_copy, METH_NOARGS, "Return a shallow copy of a deque."},
    {"copy", deque_copy, METH_NOARGS, "Return a shallow copy of a deque."},
    {"count", deque_count, METH_O, "Return number of occurrences of value."},
    {"extend", deque_extend, METH_O, "Extend the right side of the deque with elements from the iterable."},
    {"extendleft", deque_extendleft, METH_O, "Extend the left side of the deque with elements from the iterable."},
    {"index", _PyCFunction_CAST(deque_index), METH_FASTCALL,
     "Return first index of value.\n\nRaises ValueError if the value is not present."},
    {"insert", _PyCFunction_CAST(deque_insert), METH_FASTCALL, "Insert value before index."},
    {"pop", deque_pop, METH_NOARGS, "Remove and return the rightmost element."},
    {"popleft", deque_popleft, METH_NOARGS, "Remove and return the leftmost element."},
    {"__reduce__", deque_reduce, METH_NOARGS, "Return state information for pickling."},
    {"remove", deque_remove, METH_O, "Remove first occurrence of value."},
    {"__reversed__", deque_reversed, METH_NOARGS, "Return a reverse iterator over the deque."},
    {"reverse", deque_reverse, METH_NOARGS, "Reverse *IN PLACE*."},
    {"rotate", _PyCFunction_CAST(deque_rotate), METH_FASTCALL,
     "Rotate the deque n steps to the right.  If n is negative, rotates left."},
    {"__sizeof__", deque_sizeof, METH_NOARGS, "Return the size of the deque in memory, in bytes."},
    {"__class_getitem__", Py_GenericAlias, METH_O | METH_CLASS, "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef deque_getset[] = {
    {"maxlen", deque_get_maxlen, NULL, "maximum size of a deque or None if unbounded", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PySequenceMethods deque_as_sequence = {
    .sq_length = deque_len,
    .sq_concat = deque_concat,
    .sq_repeat = deque_repeat,
    .sq_item = deque_item,
    .sq_ass_item = deque_ass_item,
    .sq_contains = deque_contains,
    .sq_inplace_concat = deque_inplace_concat,
    .sq_inplace_repeat = deque_inplace_repeat,
};

static PyTypeObject deque_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "collections.deque",
    .tp_basicsize = sizeof(dequeobject),
    .tp_dealloc = deque_dealloc,
    .tp_repr = deque_repr,
    .tp_as_sequence = &deque_as_sequence,
    .tp_hash = PyObject_HashNotImplemented,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC |
                Py_TPFLAGS_SEQUENCE,
    .tp_doc = "A list-like sequence optimized for data accesses near its endpoints.",
    .tp_traverse = deque_traverse,
    .tp_clear = deque_tp_clear,
    .tp_richcompare = deque_richcompare,
    .tp_iter = deque_iter,
    .tp_methods = deque_methods,
    .tp_getset = deque_getset,
    .tp_init = deque_init,
    .tp_new = deque_new,
    .tp_free = PyObject_GC_Del,
};

/* ---- iterators ---------------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    block *b;
    Py_ssize_t index;
    dequeobject *deque;
    size_t state;           /* the deque's state when the iterator was made */
    Py_ssize_t counter;     /* items left */
} dequeiterobject;

static PyObject *
dequeiter_make(PyTypeObject *type, dequeobject *deque, int reverse)
{
    dequeiterobject *it = PyObject_GC_New(dequeiterobject, type);
    if (it == NULL) {
        return NULL;
    }
    Py_BEGIN_CRITICAL_SECTION(deque);
    it->b = reverse ? deque->rightblock : deque->leftblock;
    it->index = reverse ? deque->rightindex : deque->leftindex;
    it->state = deque->state;
    it->counter = Py_SIZE(deque);
    Py_END_CRITICAL_SECTION();
    it->deque = (dequeobject *)Py_NewRef(deque);
    PyObject_GC_Track(it);
    return (PyObject *)it;
}

static PyObject *
deque_iter(PyObject *op)
{
    return dequeiter_make(&dequeiter_type, (dequeobject *)op, 0);
}

static PyObject *
deque_reversed(PyObject *op, PyObject *unused)
{
    return dequeiter_make(&dequereviter_type, (dequeobject *)op, 1);
}

static int
dequeiter_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(((dequeiterobject *)op)->deque);
    return 0;
}

static void
dequeiter_dealloc(PyObject *op)
{
    PyObject_GC_UnTrack(op);
    Py_XDECREF(((dequeiterobject *)op)->deque);
    PyObject_GC_Del(op);
}

static PyObject *
dequeiter_next_impl(dequeiterobject *it, int reverse)
{
    if (it->deque->state != it->state) {
        it->counter = 0;
        PyErr_SetString(PyExc_RuntimeError, "deque mutated during iteration");
        return NULL;
    }
    if (it->counter == 0) {
        return NULL;
    }
    PyObject *item = it->b->data[it->index];
    it->counter--;
    if (reverse) {
        it->index--;
        if (it->index < 0 && it->counter > 0) {
            it->b = it->b->leftlink;
            it->index = BLOCKLEN - 1;
        }
    }
    else {
        it->index++;
        if (it->index == BLOCKLEN && it->counter > 0) {
            it->b = it->b->rightlink;
            it->index = 0;
        }
    }
    return Py_NewRef(item);
}

static PyObject *
dequeiter_next(PyObject *op)
{
    dequeiterobject *it = (dequeiterobject *)op;
    PyObject *r;
    Py_BEGIN_CRITICAL_SECTION2(op, it->deque);
    r = dequeiter_next_impl(it, 0);
    Py_END_CRITICAL_SECTION2();
    return r;
}

static PyObject *
dequereviter_next(PyObject *op)
{
    dequeiterobject *it = (dequeiterobject *)op;
    PyObject *r;
    Py_BEGIN_CRITICAL_SECTION2(op, it->deque);
    r = dequeiter_next_impl(it, 1);
    Py_END_CRITICAL_SECTION2();
    return r;
}

static PyObject *
dequeiter_len(PyObject *op, PyObject *unused)
{
    return PyLong_FromSsize_t(((dequeiterobject *)op)->counter);
}

static PyMethodDef dequeiter_methods[] = {
    {"__length_hint__", dequeiter_len, METH_NOARGS, "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject dequeiter_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "collections._deque_iterator",
    .tp_basicsize = sizeof(dequeiterobject),
    .tp_dealloc = dequeiter_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = dequeiter_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = dequeiter_next,
    .tp_methods = dequeiter_methods,
    .tp_free = PyObject_GC_Del,
};

static PyTypeObject dequereviter_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "collections._deque_reverse_iterator",
    .tp_basicsize = sizeof(dequeiterobject),
    .tp_dealloc = dequeiter_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = dequeiter_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = dequereviter_next,
    .tp_methods = dequeiter_methods,
    .tp_free = PyObject_GC_Del,
};

/* ==== defaultdict ========================================================== */

typedef struct {
    PyDictObject dict;
    PyObject *default_factory;
} defdictobject;

static PyTypeObject defdict_type;

static PyObject *
defdict_missing(PyObject *op, PyObject *key)
{
    PyObject *factory = ((defdictobject *)op)->default_factory;
    if (factory == NULL || factory == Py_None) {
        PyObject *tup = PyTuple_Pack(1, key);
        if (tup == NULL) {
            return NULL;
        }
        PyErr_SetObject(PyExc_KeyError, tup);
        Py_DECREF(tup);
        return NULL;
    }
    PyObject *value = PyObject_CallNoArgs(factory);
    if (value == NULL) {
        return NULL;
    }
    if (PyObject_SetItem(op, key, value) < 0) {
        Py_DECREF(value);
        return NULL;
    }
    return value;
}

/* type(dd)(dd.default_factory, arg): copies and `|` go through the class. */
static PyObject *
new_defdict(PyObject *op, PyObject *arg)
{
    PyObject *factory = ((defdictobject *)op)->default_factory;
    return PyObject_CallFunctionObjArgs((PyObject *)Py_TYPE(op),
                                        factory != NULL ? factory : Py_None, arg, NULL);
}

static PyObject *
defdict_copy(PyObject *op, PyObject *unused)
{
    return new_defdict(op, op);
}

static PyObject *
defdict_reduce(PyObject *op, PyObject *unused)
{
    PyObject *factory = ((defdictobject *)op)->default_factory;
    PyObject *args = (factory == NULL || factory == Py_None) ? PyTuple_New(0)
                                                             : PyTuple_Pack(1, factory);
    if (args == NULL) {
        return NULL;
    }
    PyObject *items = PyObject_CallMethod(op, "items", NULL);
    if (items == NULL) {
        Py_DECREF(args);
        return NULL;
    }
    PyObject *iter = PyObject_GetIter(items);
    Py_DECREF(items);
    if (iter == NULL) {
        Py_DECREF(args);
        return NULL;
    }
    return Py_BuildValue("ONOON", Py_TYPE(op), args, Py_None, Py_None, iter);
}

static PyMethodDef defdict_methods[] = {
    {"__missing__", defdict_missing, METH_O,
     "__missing__(key) # Called by __getitem__ for missing key; pseudo-code:\n"
     "  if self.default_factory is None: raise KeyError((key,))\n"
     "  self[key] = value = self.default_factory()\n"
     "  return value\n"},
    {"copy", defdict_copy, METH_NOARGS, "D.copy() -> a shallow copy of D."},
    {"__copy__", defdict_copy, METH_NOARGS, "D.copy() -> a shallow copy of D."},
    {"__reduce__", defdict_reduce, METH_NOARGS, "Return state information for pickling."},
    {"__class_getitem__", Py_GenericAlias, METH_O | METH_CLASS, "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

static PyMemberDef defdict_members[] = {
    {"default_factory", _Py_T_OBJECT, offsetof(defdictobject, default_factory), 0,
     "Factory for default value called by __missing__()."},
    {NULL, 0, 0, 0, NULL},
};

static void
defdict_dealloc(PyObject *op)
{
    /* The dict's dealloc untracks and frees; release ours first. */
    Py_CLEAR(((defdictobject *)op)->default_factory);
    PyDict_Type.tp_dealloc(op);
}

static PyObject *
defdict_repr(PyObject *op)
{
    defdictobject *dd = (defdictobject *)op;
    PyObject *baserepr = PyDict_Type.tp_repr(op);
    if (baserepr == NULL) {
        return NULL;
    }
    PyObject *defrepr;
    if (dd->default_factory == NULL || dd->default_factory == Py_None) {
        defrepr = PyUnicode_FromString("None");
    }
    else {
        int status = Py_ReprEnter(dd->default_factory);
        if (status != 0) {
            if (status < 0) {
                Py_DECREF(baserepr);
                return NULL;
            }
            defrepr = PyUnicode_FromString("...");
        }
        else {
            defrepr = PyObject_Repr(dd->default_factory);
            Py_ReprLeave(dd->default_factory);
        }
    }
    if (defrepr == NULL) {
        Py_DECREF(baserepr);
        return NULL;
    }
    PyObject *result = PyUnicode_FromFormat("%s(%U, %U)", _PyType_Name(Py_TYPE(op)),
                                            defrepr, baserepr);
    Py_DECREF(defrepr);
    Py_DECREF(baserepr);
    return result;
}

static PyObject *
defdict_or(PyObject *left, PyObject *right)
{
    PyObject *self, *other;
    if (PyObject_TypeCheck(left, &defdict_type)) {
        self = left;
        other = right;
    }
    else {
        self = right;
        other = left;
    }
    if (!PyDict_Check(other)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    PyObject *new = new_defdict(self, left);
    if (new == NULL) {
        return NULL;
    }
    if (PyDict_Update(new, right) < 0) {
        Py_DECREF(new);
        return NULL;
    }
    return new;
}

static PyNumberMethods defdict_as_number = {
    .nb_or = defdict_or,
};

static int
defdict_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(((defdictobject *)op)->default_factory);
    return PyDict_Type.tp_traverse(op, visit, arg);
}

static int
defdict_tp_clear(PyObject *op)
{
    Py_CLEAR(((defdictobject *)op)->default_factory);
    return PyDict_Type.tp_clear != NULL ? PyDict_Type.tp_clear(op) : 0;
}

static int
defdict_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    defdictobject *dd = (defdictobject *)self;
    PyObject *newdefault = NULL;
    PyObject *newargs;
    if (args == NULL || !PyTuple_Check(args)) {
        newargs = PyTuple_New(0);
    }
    else {
        Py_ssize_t n = PyTuple_GET_SIZE(args);
        if (n > 0) {
            newdefault = PyTuple_GET_ITEM(args, 0);
            if (!PyCallable_Check(newdefault) && newdefault != Py_None) {
                PyErr_SetString(PyExc_TypeError, "first argument must be callable or None");
                return -1;
            }
        }
        newargs = PyTuple_GetSlice(args, 1, n);
    }
    if (newargs == NULL) {
        return -1;
    }
    Py_XSETREF(dd->default_factory, Py_XNewRef(newdefault));
    int result = PyDict_Type.tp_init(self, newargs, kwds);
    Py_DECREF(newargs);
    return result;
}

static PyTypeObject defdict_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "collections.defaultdict",
    .tp_basicsize = sizeof(defdictobject),
    .tp_dealloc = defdict_dealloc,
    .tp_repr = defdict_repr,
    .tp_as_number = &defdict_as_number,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "defaultdict(default_factory=None, /, [...]) --> dict with default factory\n\n"
              "The default factory is called without arguments to produce\n"
              "a new value when a key is not present, in __getitem__ only.\n"
              "A defaultdict compares equal to a dict with the same items.\n"
              "All remaining arguments are treated the same as if they were\n"
              "passed to the dict constructor, including keyword arguments.\n",
    .tp_traverse = defdict_traverse,
    .tp_clear = defdict_tp_clear,
    .tp_methods = defdict_methods,
    .tp_members = defdict_members,
    .tp_base = &PyDict_Type,
    .tp_init = defdict_init,
    .tp_free = PyObject_GC_Del,
};

/* ==== _count_elements ====================================================== */

static PyObject *
count_elements(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("_count_elements", nargs, 2, 2)) {
        return NULL;
    }
    PyObject *mapping = args[0];
    PyObject *it = PyObject_GetIter(args[1]);
    if (it == NULL) {
        return NULL;
    }
    PyObject *one = PyLong_FromLong(1), *zero = PyLong_FromLong(0);
    PyObject *key, *result = NULL;
    int exact = PyDict_CheckExact(mapping);
    PyObject *get = NULL;
    if (!exact) {
        get = PyObject_GetAttrString(mapping, "get");
        if (get == NULL) {
            goto done;
        }
    }
    while ((key = PyIter_Next(it)) != NULL) {
        PyObject *oldval, *newval;
        if (exact) {
            oldval = PyDict_GetItemWithError(mapping, key);
            if (oldval == NULL && PyErr_Occurred()) {
                Py_DECREF(key);
                goto done;
            }
            newval = PyNumber_Add(oldval != NULL ? oldval : zero, one);
        }
        else {
            oldval = PyObject_CallFunctionObjArgs(get, key, zero, NULL);
            if (oldval == NULL) {
                Py_DECREF(key);
                goto done;
            }
            newval = PyNumber_Add(oldval, one);
            Py_DECREF(oldval);
        }
        if (newval == NULL || PyObject_SetItem(mapping, key, newval) < 0) {
            Py_XDECREF(newval);
            Py_DECREF(key);
            goto done;
        }
        Py_DECREF(newval);
        Py_DECREF(key);
    }
    if (!PyErr_Occurred()) {
        result = Py_NewRef(Py_None);
    }
done:
    Py_XDECREF(get);
    Py_DECREF(it);
    Py_DECREF(one);
    Py_DECREF(zero);
    return result;
}

/* ==== _tuplegetter ========================================================= */

typedef struct {
    PyObject_HEAD
    Py_ssize_t index;
    PyObject *doc;
} tuplegetterobject;

static PyObject *
tuplegetter_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    Py_ssize_t index;
    PyObject *doc;
    if (!_PyArg_NoKeywords("_tuplegetter", kwds)) {
        return NULL;
    }
    if (!PyArg_ParseTuple(args, "nO:_tuplegetter", &index, &doc)) {
        return NULL;
    }
    tuplegetterobject *self = (tuplegetterobject *)type->tp_alloc(type, 0);
    if (self == NULL) {
        return NULL;
    }
    self->index = index;
    self->doc = Py_NewRef(doc);
    return (PyObject *)self;
}

static PyObject *
tuplegetter_descr_get(PyObject *self, PyObject *obj, PyObject *type)
{
    Py_ssize_t index = ((tuplegetterobject *)self)->index;
    if (obj == NULL || obj == Py_None) {
        return Py_NewRef(self);
    }
    if (!PyTuple_Check(obj)) {
        PyErr_Format(PyExc_TypeError,
                     "descriptor for index '%zd' for tuple subclasses doesn't apply to '%s' object",
                     index, Py_TYPE(obj)->tp_name);
        return NULL;
    }
    if (index < 0 || index >= PyTuple_GET_SIZE(obj)) {
        PyErr_SetString(PyExc_IndexError, "tuple index out of range");
        return NULL;
    }
    return Py_NewRef(PyTuple_GET_ITEM(obj, index));
}

static int
tuplegetter_descr_set(PyObject *self, PyObject *obj, PyObject *value)
{
    PyErr_SetString(PyExc_AttributeError,
                    value == NULL ? "can't delete attribute" : "can't set attribute");
    return -1;
}

static int
tuplegetter_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((tuplegetterobject *)self)->doc);
    return 0;
}

static int
tuplegetter_clear(PyObject *self)
{
    Py_CLEAR(((tuplegetterobject *)self)->doc);
    return 0;
}

static void
tuplegetter_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    tuplegetter_clear(self);
    Py_TYPE(self)->tp_free(self);
}

static PyObject *
tuplegetter_reduce(PyObject *self, PyObject *unused)
{
    tuplegetterobject *tg = (tuplegetterobject *)self;
    return Py_BuildValue("(O(nO))", Py_TYPE(self), tg->index, tg->doc);
}

static PyMemberDef tuplegetter_members[] = {
    {"__doc__", _Py_T_OBJECT, offsetof(tuplegetterobject, doc), 0, 0},
    {NULL, 0, 0, 0, NULL},
};

static PyMethodDef tuplegetter_methods[] = {
    {"__reduce__", tuplegetter_reduce, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject tuplegetter_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_collections._tuplegetter",
    .tp_basicsize = sizeof(tuplegetterobject),
    .tp_dealloc = tuplegetter_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = tuplegetter_traverse,
    .tp_clear = tuplegetter_clear,
    .tp_methods = tuplegetter_methods,
    .tp_members = tuplegetter_members,
    .tp_descr_get = tuplegetter_descr_get,
    .tp_descr_set = tuplegetter_descr_set,
    .tp_new = tuplegetter_new,
    .tp_free = PyObject_GC_Del,
};

/* ==== the module =========================================================== */

static PyMethodDef collections_functions[] = {
    {"_count_elements", _PyCFunction_CAST(count_elements), METH_FASTCALL,
     "Count elements in the iterable, updating the mapping"},
    {NULL, NULL, 0, NULL},
};

static int
collections_exec(PyObject *module)
{
    if (PyModule_AddType(module, &deque_type) < 0 ||
        PyModule_AddType(module, &defdict_type) < 0 ||
        PyModule_AddType(module, &PyODict_Type) < 0 ||
        PyModule_AddType(module, &tuplegetter_type) < 0) {
        return -1;
    }
    /* OrderedDict's __module__ is the interned module name, as in CPython
     * (where it is a static type while deque/defaultdict are heap types). */
    PyObject *modname = PyUnicode_InternFromString("collections");
    int r = modname == NULL ? -1 : PyDict_SetItemString(PyODict_Type.tp_dict, "__module__",
                                                        modname);
    Py_XDECREF(modname);
    if (r < 0) {
        return -1;
    }
    PyType_Modified(&PyODict_Type);
    if (PyType_Ready(&dequeiter_type) < 0 || PyType_Ready(&dequereviter_type) < 0) {
        return -1;
    }
    if (PyModule_AddObjectRef(module, "_deque_iterator", (PyObject *)&dequeiter_type) < 0 ||
        PyModule_AddObjectRef(module, "_deque_reverse_iterator",
                              (PyObject *)&dequereviter_type) < 0) {
        return -1;
    }
    return 0;
}

static PyModuleDef_Slot collections_slots[] = {
    {Py_mod_exec, collections_exec},
    {Py_mod_multiple_interpreters, Py_MOD_PER_INTERPRETER_GIL_SUPPORTED},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef collections_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_collections",
    .m_doc = "High performance data structures.\n"
             "- deque:        ordered collection accessible from endpoints only\n"
             "- defaultdict:  dict subclass with a default value factory\n"
             "- OrderedDict:  dict subclass that remembers insertion order\n",
    .m_size = 0,
    .m_methods = collections_functions,
    .m_slots = collections_slots,
};

PyMODINIT_FUNC PyInit__collections(void)
{
    return PyModuleDef_Init(&collections_module);
}
