/* frameobject.h: the Python-visible `frame` object (sys._getframe(),
 * tb_frame, gi_frame).  It is made on demand for an interpreter frame
 * (Include/internal/pycore_frame.h) and keeps a copy of it once the frame
 * has finished.  Implementation: Objects/frameobject.c. */
#ifndef Py_FRAMEOBJECT_H
#define Py_FRAMEOBJECT_H

struct _PyInterpreterFrame;
typedef struct PyCodeObject PyCodeObject;

typedef struct _frame {
    PyObject_VAR_HEAD
    struct _PyInterpreterFrame *f_frame;  /* the frame it shows */
    struct _frame *f_back;       /* strong, set once the frame has exited */
    PyObject *f_trace;           /* None or the trace function */
    PyObject *f_extra_locals;    /* unused slot kept for f_locals writes */
    int f_lineno;                /* line once the frame has exited */
    char f_trace_lines;
    char f_trace_opcodes;
    /* Line events (Python/tracing.c): the line and instruction index last
     * run under tracing in this frame (-1: none yet). */
    int f_last_traced_line;
    int f_last_traced_instr;
    /* Storage the interpreter frame is copied into when it exits while
     * this object is alive (ob_size pointers' worth). */
    PyObject *_f_frame_data[1];
} PyFrameObject;

PyAPI_DATA(PyTypeObject) PyFrame_Type;
#define PyFrame_Check(op) Py_IS_TYPE((op), &PyFrame_Type)

PyAPI_FUNC(int) PyFrame_GetLineNumber(PyFrameObject *frame);
PyAPI_FUNC(PyCodeObject *) PyFrame_GetCode(PyFrameObject *frame);   /* new ref */
PyAPI_FUNC(PyFrameObject *) PyFrame_GetBack(PyFrameObject *frame);  /* new ref or NULL */
PyAPI_FUNC(PyObject *) PyFrame_GetGlobals(PyFrameObject *frame);
PyAPI_FUNC(PyObject *) PyFrame_GetBuiltins(PyFrameObject *frame);
PyAPI_FUNC(PyObject *) PyFrame_GetLocals(PyFrameObject *frame);
PyAPI_FUNC(int) PyFrame_GetLasti(PyFrameObject *frame);

#endif /* Py_FRAMEOBJECT_H */
