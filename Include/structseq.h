/* structseq.h: struct sequences — tuple subclasses whose items also have
 * names (sys.version_info, sys.flags, os.stat_result, time.struct_time).
 * Only the first n_in_sequence fields are tuple items; the rest are reachable
 * by name only.  Implementation: Objects/structseq.c. */
#ifndef Py_STRUCTSEQ_H
#define Py_STRUCTSEQ_H

typedef struct PyStructSequence_Field {
    const char *name;       /* PyStructSequence_UnnamedField: no attribute */
    const char *doc;
} PyStructSequence_Field;

typedef struct PyStructSequence_Desc {
    const char *name;       /* "module.Name" */
    const char *doc;
    PyStructSequence_Field *fields;   /* ends with {NULL, NULL} */
    int n_in_sequence;
} PyStructSequence_Desc;

PyAPI_DATA(const char * const) PyStructSequence_UnnamedField;

/* Fill a static type object (zeroed storage) for `desc`: 0, or -1 with an
 * exception set. */
PyAPI_FUNC(int) PyStructSequence_InitType2(PyTypeObject *type, PyStructSequence_Desc *desc);
PyAPI_FUNC(void) PyStructSequence_InitType(PyTypeObject *type, PyStructSequence_Desc *desc);
/* A new type for `desc` (never freed). */
PyAPI_FUNC(PyTypeObject *) PyStructSequence_NewType(PyStructSequence_Desc *desc);
/* An instance with every field NULL; fill each with SetItem (steals). */
PyAPI_FUNC(PyObject *) PyStructSequence_New(PyTypeObject *type);
PyAPI_FUNC(void) PyStructSequence_SetItem(PyObject *p, Py_ssize_t pos, PyObject *o);
PyAPI_FUNC(PyObject *) PyStructSequence_GetItem(PyObject *p, Py_ssize_t pos);
#define PyStructSequence_SET_ITEM(op, i, v) PyStructSequence_SetItem((op), (i), (v))
#define PyStructSequence_GET_ITEM(op, i) PyStructSequence_GetItem((op), (i))

#endif /* Py_STRUCTSEQ_H */
