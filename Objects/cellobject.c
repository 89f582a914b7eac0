/* cellobject.c: the cell type — the box a closure variable lives in,
 * shared by the defining function's frame and the nested functions. */
#include "Python.h"
#include "pycore_object.h"
#include "pycore_cell.h"

PyObject *
PyCell_New(PyObject *obj)
{
    PyCellObject *op = PyObject_GC_New(PyCellObject, &PyCell_Type);
    if (op == NULL) {
        return NULL;
    }
    op->ob_ref = Py_XNewRef(obj);
    PyObject_GC_Track(op);
    return (PyObject *)op;
}

PyObject *
PyCell_Get(PyObject *op)
{
    if (!PyCell_Check(op)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    return PyCell_GetRef((PyCellObject *)op);
}

int
PyCell_Set(PyObject *op, PyObject *value)
{
    if (!PyCell_Check(op)) {
        PyErr_BadInternalCall();
        return -1;
    }
    PyCell_SetTakeRef((PyCellObject *)op, Py_XNewRef(value));
    return 0;
}

static PyObject *
cell_new(PyTypeObject *type, PyObject *args, PyObject *kwargs)
{
    PyObject *obj = NULL;
    if (!_PyArg_NoKeywords("cell", kwargs)) {
        return NULL;
    }
    if (!PyArg_UnpackTuple(args, "cell", 0, 1, &obj)) {
        return NULL;
    }
    return PyCell_New(obj);
}

static void
cell_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    Py_XDECREF(((PyCellObject *)self)->ob_ref);
    PyObject_GC_Del(self);
}

static int
cell_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((PyCellObject *)self)->ob_ref);
    return 0;
}

static int
cell_clear(PyObject *self)
{
    Py_CLEAR(((PyCellObject *)self)->ob_ref);
    return 0;
}

static PyObject *
cell_richcompare(PyObject *a, PyObject *b, int op)
{
    if (!PyCell_Check(a) || !PyCell_Check(b)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    PyObject *x = PyCell_GetRef((PyCellObject *)a);
    PyObject *y = PyCell_GetRef((PyCellObject *)b);
    PyObject *res;
    if (x != NULL && y != NULL) {
        res = PyObject_RichCompare(x, y, op);
    }
    else {
        /* An empty cell is smaller than a full one. */
        int c = (x != NULL) - (y != NULL);
        int r;
        switch (op) {
        case Py_LT: r = c < 0; break;
        case Py_LE: r = c <= 0; break;
        case Py_EQ: r = c == 0; break;
        case Py_NE: r = c != 0; break;
        case Py_GT: r = c > 0; break;
        default: r = c >= 0; break;
        }
        res = Py_NewRef(r ? Py_True : Py_False);
    }
    Py_XDECREF(x);
    Py_XDECREF(y);
    return res;
}

static PyObject *
cell_repr(PyObject *self)
{
    PyObject *v = PyCell_GetRef((PyCellObject *)self);
    if (v == NULL) {
        return PyUnicode_FromFormat("<cell at %p: empty>", self);
    }
    PyObject *r = PyUnicode_FromFormat("<cell at %p: %.80s object at %p>", self,
                                       Py_TYPE(v)->tp_name, v);
    Py_DECREF(v);
    return r;
}

static PyObject *
cell_get_contents(PyObject *self, void *c)
{
    PyObject *v = PyCell_GetRef((PyCellObject *)self);
    if (v == NULL) {
        PyErr_SetString(PyExc_ValueError, "Cell is empty");
    }
    return v;
}

static int
cell_set_contents(PyObject *self, PyObject *value, void *c)
{
    PyCell_SetTakeRef((PyCellObject *)self, Py_XNewRef(value));
    return 0;
}

static PyGetSetDef cell_getsets[] = {
    {"cell_contents", cell_get_contents, cell_set_contents, NULL, NULL},
    {NULL},
};

PyTypeObject PyCell_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "cell",
    .tp_basicsize = sizeof(PyCellObject),
    .tp_dealloc = cell_dealloc,
    .tp_repr = cell_repr,
    .tp_hash = PyObject_HashNotImplemented,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "Create a new cell object.",
    .tp_traverse = cell_traverse,
    .tp_clear = cell_clear,
    .tp_richcompare = cell_richcompare,
    .tp_getset = cell_getsets,
    .tp_new = cell_new,
};
