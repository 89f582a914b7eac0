/* memoryobject.h: memoryview, a view on another object's buffer (the buffer
 * protocol's Python face), and helpers for contiguous buffer copies. */
#ifndef WEFT_MEMORYOBJECT_H
#define WEFT_MEMORYOBJECT_H

PyAPI_DATA(PyTypeObject) PyMemoryView_Type;
PyAPI_DATA(PyTypeObject) _PyManagedBuffer_Type;

#define PyMemoryView_Check(op) Py_IS_TYPE((op), &PyMemoryView_Type)

#define PyBUF_READ 0x100
#define PyBUF_WRITE 0x200
#define PyBUF_MAX_NDIM 64

/* The buffer taken once from the exporter; every memoryview derived from one
 * memoryview() call (slices, casts) shares it, and it is given back to the
 * exporter only when the last of them lets go. */
typedef struct {
    PyObject_HEAD
    Py_buffer master;
} _PyManagedBufferObject;

typedef struct {
    PyObject_HEAD
    _PyManagedBufferObject *mbuf; /* NULL once released */
    Py_hash_t hash;               /* -1 until computed */
    Py_ssize_t exports;           /* buffers exported from this view */
    Py_buffer view;               /* view.obj: the exporter (strong reference) */
    char fmt[4];                  /* format storage after cast() */
    Py_ssize_t shape[PyBUF_MAX_NDIM];
    Py_ssize_t strides[PyBUF_MAX_NDIM];
    PyObject *weakreflist;
} PyMemoryViewObject;

#define PyMemoryView_GET_BUFFER(op) (&((PyMemoryViewObject *)(op))->view)
#define PyMemoryView_GET_BASE(op) (((PyMemoryViewObject *)(op))->view.obj)

PyAPI_FUNC(PyObject *) PyMemoryView_FromObject(PyObject *base);
PyAPI_FUNC(PyObject *) PyMemoryView_FromMemory(char *mem, Py_ssize_t size, int flags);
PyAPI_FUNC(PyObject *) PyMemoryView_FromBuffer(const Py_buffer *info);

PyAPI_FUNC(int) PyBuffer_IsContiguous(const Py_buffer *view, char order);
PyAPI_FUNC(int) PyBuffer_ToContiguous(void *buf, const Py_buffer *view, Py_ssize_t len,
                                      char order);

#endif /* WEFT_MEMORYOBJECT_H */
