/* structseq.c: struct sequences (Include/structseq.h): tuple subclasses with
 * named fields, e.g. sys.version_info or os.stat_result.  An instance is a
 * tuple allocated with room for every field whose visible size is only
 * n_in_sequence; the fields past it are reached by attribute only.  The type
 * dict holds n_sequence_fields, n_fields and n_unnamed_fields as CPython's. */
#include "Python.h"
#include "structseq.h"
#include "pycore_object.h"

const char * const PyStructSequence_UnnamedField = "unnamed field";

static Py_ssize_t
type_count(PyTypeObject *type, const char *key)
{
    PyObject *dict = PyType_GetDict(type);
    PyObject *v = dict ? PyDict_GetItemString(dict, key) : NULL;
    Py_ssize_t n = v ? PyLong_AsSsize_t(v) : 0;
    Py_XDECREF(dict);
    return n;
}

#define VISIBLE_SIZE(op) Py_SIZE(op)
#define REAL_SIZE_TP(tp) type_count((tp), "n_fields")
#define UNNAMED_FIELDS_TP(tp) type_count((tp), "n_unnamed_fields")

PyObject *
PyStructSequence_New(PyTypeObject *type)
{
    Py_ssize_t n_fields = REAL_SIZE_TP(type);
    Py_ssize_t visible = type_count(type, "n_sequence_fields");
    PyTupleObject *obj = (PyTupleObject *)type->tp_alloc(type, n_fields);
    if (obj == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n_fields; i++) {
        obj->ob_item[i] = NULL;
    }
    Py_SET_SIZE(obj, visible);
    return (PyObject *)obj;
}

void
PyStructSequence_SetItem(PyObject *op, Py_ssize_t i, PyObject *v)
{
    PyTupleObject *t = (PyTupleObject *)op;
    PyObject *old = t->ob_item[i];
    t->ob_item[i] = v;
    Py_XDECREF(old);
}

PyObject *
PyStructSequence_GetItem(PyObject *op, Py_ssize_t i)
{
    return ((PyTupleObject *)op)->ob_item[i];
}

static void
structseq_dealloc(PyObject *op)
{
    PyTypeObject *tp = Py_TYPE(op);
    PyObject_GC_UnTrack(op);
    Py_ssize_t n = REAL_SIZE_TP(tp);
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_XDECREF(((PyTupleObject *)op)->ob_item[i]);
    }
    tp->tp_free(op);
}

static int
structseq_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_ssize_t n = REAL_SIZE_TP(Py_TYPE(op));
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_VISIT(((PyTupleObject *)op)->ob_item[i]);
    }
    return 0;
}

/* type(sequence, dict=None) */
static PyObject *
structseq_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"sequence", "dict", NULL};
    PyObject *arg, *dict = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|O:structseq", kwlist, &arg, &dict)) {
        return NULL;
    }
    PyObject *seq = PySequence_Fast(arg, "constructor requires a sequence");
    if (seq == NULL) {
        return NULL;
    }
    if (dict == Py_None) {
        dict = NULL;
    }
    if (dict != NULL && !PyDict_Check(dict)) {
        PyErr_Format(PyExc_TypeError, "%.500s() takes a dict as second arg, if any",
                     type->tp_name);
        Py_DECREF(seq);
        return NULL;
    }
    Py_ssize_t len = PySequence_Fast_GET_SIZE(seq);
    Py_ssize_t min_len = type_count(type, "n_sequence_fields");
    Py_ssize_t max_len = REAL_SIZE_TP(type);
    Py_ssize_t n_unnamed = UNNAMED_FIELDS_TP(type);
    if (len < min_len || len > max_len) {
        if (min_len == max_len) {
            PyErr_Format(PyExc_TypeError, "%.500s() takes a %zd-sequence (%zd-sequence given)",
                         type->tp_name, min_len, len);
        }
        else if (len < min_len) {
            PyErr_Format(PyExc_TypeError,
                         "%.500s() takes an at least %zd-sequence (%zd-sequence given)",
                         type->tp_name, min_len, len);
        }
        else {
            PyErr_Format(PyExc_TypeError,
                         "%.500s() takes an at most %zd-sequence (%zd-sequence given)",
                         type->tp_name, max_len, len);
        }
        Py_DECREF(seq);
        return NULL;
    }
    PyObject *res = PyStructSequence_New(type);
    if (res == NULL) {
        Py_DECREF(seq);
        return NULL;
    }
    for (Py_ssize_t i = 0; i < len; i++) {
        PyStructSequence_SetItem(res, i, Py_NewRef(PySequence_Fast_GET_ITEM(seq, i)));
    }
    for (Py_ssize_t i = len; i < max_len; i++) {
        PyObject *v = NULL;
        if (dict != NULL && type->tp_members != NULL) {
            const char *name = type->tp_members[i - n_unnamed].name;
            v = PyDict_GetItemString(dict, name);
        }
        PyStructSequence_SetItem(res, i, Py_NewRef(v ? v : Py_None));
    }
    Py_DECREF(seq);
    return res;
}

/* name(field=repr, ...) with the visible fields only. */
static PyObject *
structseq_repr(PyObject *op)
{
    PyTypeObject *tp = Py_TYPE(op);
    const char *tname = tp->tp_name;
    const char *dot = strrchr(tname, '.');
    PyObject *parts = PyList_New(0);
    if (parts == NULL) {
        return NULL;
    }
    if (Py_ReprEnter(op) != 0) {
        Py_DECREF(parts);
        return PyUnicode_FromFormat("%s(...)", tname);
    }
    Py_ssize_t n = VISIBLE_SIZE(op);
    PyObject *res = NULL;
    for (Py_ssize_t i = 0; i < n; i++) {
        const char *fname = tp->tp_members[i].name;
        PyObject *r = PyObject_Repr(((PyTupleObject *)op)->ob_item[i]);
        if (r == NULL) {
            goto done;
        }
        PyObject *s = PyUnicode_FromFormat("%s=%U", fname, r);
        Py_DECREF(r);
        if (s == NULL || PyList_Append(parts, s) < 0) {
            Py_XDECREF(s);
            goto done;
        }
        Py_DECREF(s);
    }
    PyObject *sep = PyUnicode_FromString(", ");
    if (sep == NULL) {
        goto done;
    }
    PyObject *body = PyUnicode_Join(sep, parts);
    Py_DECREF(sep);
    if (body == NULL) {
        goto done;
    }
    (void)dot;
    res = PyUnicode_FromFormat("%s(%U)", tname, body);
    Py_DECREF(body);
done:
    Py_ReprLeave(op);
    Py_DECREF(parts);
    return res;
}

static PyObject *
structseq_reduce(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    Py_ssize_t n_vis = VISIBLE_SIZE(op);
    Py_ssize_t n_fields = REAL_SIZE_TP(Py_TYPE(op));
    Py_ssize_t n_unnamed = UNNAMED_FIELDS_TP(Py_TYPE(op));
    PyObject *tup = _PyTuple_FromArray(((PyTupleObject *)op)->ob_item, n_vis);
    PyObject *dict = PyDict_New();
    if (tup == NULL || dict == NULL) {
        goto error;
    }
    for (Py_ssize_t i = n_vis; i < n_fields; i++) {
        const char *name = Py_TYPE(op)->tp_members[i - n_unnamed].name;
        PyObject *v = ((PyTupleObject *)op)->ob_item[i];
        if (PyDict_SetItemString(dict, name, v ? v : Py_None) < 0) {
            goto error;
        }
    }
    return Py_BuildValue("(O(NN))", Py_TYPE(op), tup, dict);
error:
    Py_XDECREF(tup);
    Py_XDECREF(dict);
    return NULL;
}

static PyMethodDef structseq_methods[] = {
    {"__reduce__", structseq_reduce, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static Py_ssize_t
count_fields(PyStructSequence_Desc *desc, Py_ssize_t *n_unnamed)
{
    Py_ssize_t n = 0;
    *n_unnamed = 0;
    for (PyStructSequence_Field *f = desc->fields; f->name != NULL; f++) {
        if (f->name == PyStructSequence_UnnamedField) {
            (*n_unnamed)++;
        }
        n++;
    }
    return n;
}

static int
set_count(PyObject *dict, const char *key, Py_ssize_t v)
{
    PyObject *o = PyLong_FromSsize_t(v);
    if (o == NULL) {
        return -1;
    }
    int r = PyDict_SetItemString(dict, key, o);
    Py_DECREF(o);
    return r;
}

int
PyStructSequence_InitType2(PyTypeObject *type, PyStructSequence_Desc *desc)
{
    Py_ssize_t n_unnamed;
    Py_ssize_t n_fields = count_fields(desc, &n_unnamed);
    if (type->tp_flags & Py_TPFLAGS_READY) {
        return 0;
    }
    /* Members for the named fields; the unnamed ones keep their tuple
     * position but get no attribute. */
    PyMemberDef *members = PyMem_Calloc((size_t)(n_fields - n_unnamed + 1), sizeof(PyMemberDef));
    if (members == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    Py_ssize_t k = 0;
    for (Py_ssize_t i = 0; i < n_fields; i++) {
        if (desc->fields[i].name == PyStructSequence_UnnamedField) {
            continue;
        }
        members[k].name = desc->fields[i].name;
        members[k].type = _Py_T_OBJECT;
        members[k].offset = (Py_ssize_t)(offsetof(PyTupleObject, ob_item) +
                                         (size_t)i * sizeof(PyObject *));
        members[k].flags = Py_READONLY;
        members[k].doc = desc->fields[i].doc;
        k++;
    }
    Py_SET_TYPE(type, &PyType_Type);
    _Py_SetImmortal((PyObject *)type);
    type->tp_name = desc->name;
    type->tp_doc = desc->doc;
    type->tp_basicsize = PyTuple_Type.tp_basicsize;
    type->tp_itemsize = PyTuple_Type.tp_itemsize;
    type->tp_base = &PyTuple_Type;
    type->tp_dealloc = structseq_dealloc;
    type->tp_traverse = structseq_traverse;
    type->tp_repr = structseq_repr;
    type->tp_new = structseq_new;
    type->tp_members = members;
    type->tp_methods = structseq_methods;
    type->tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC;
    if (PyType_Ready(type) < 0) {
        return -1;
    }
    PyObject *dict = PyType_GetDict(type);
    if (dict == NULL) {
        return -1;
    }
    int r = -1;
    if (set_count(dict, "n_sequence_fields", desc->n_in_sequence) < 0 ||
        set_count(dict, "n_fields", n_fields) < 0 ||
        set_count(dict, "n_unnamed_fields", n_unnamed) < 0) {
        goto done;
    }
    PyObject *match = PyTuple_New(desc->n_in_sequence - n_unnamed > 0 ?
                                  desc->n_in_sequence - n_unnamed : 0);
    if (match == NULL) {
        goto done;
    }
    Py_ssize_t j = 0;
    for (Py_ssize_t i = 0; i < desc->n_in_sequence; i++) {
        if (desc->fields[i].name == PyStructSequence_UnnamedField) {
            continue;
        }
        PyObject *s = PyUnicode_FromString(desc->fields[i].name);
        if (s == NULL) {
            Py_DECREF(match);
            goto done;
        }
        PyTuple_SET_ITEM(match, j++, s);
    }
    r = PyDict_SetItemString(dict, "__match_args__", match);
    Py_DECREF(match);
    PyType_Modified(type);
done:
    Py_DECREF(dict);
    return r;
}

void
PyStructSequence_InitType(PyTypeObject *type, PyStructSequence_Desc *desc)
{
    (void)PyStructSequence_InitType2(type, desc);
}

PyTypeObject *
PyStructSequence_NewType(PyStructSequence_Desc *desc)
{
    PyTypeObject *type = PyMem_Calloc(1, sizeof(PyTypeObject));
    if (type == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    if (PyStructSequence_InitType2(type, desc) < 0) {
        PyMem_Free(type);
        return NULL;
    }
    return type;
}
