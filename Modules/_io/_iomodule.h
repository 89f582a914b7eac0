/* _iomodule.h: what the files of the _io module share: the object layouts
 * every I/O object starts with, the types, and small helpers (closed
 * checks, UnsupportedOperation, the finaliser run from dealloc).
 * Files: _iomodule.c (module, open), iobase.c (_IOBase, _RawIOBase),
 * fileio.c, bufferedio.c, textio.c, stringio.c, bytesio.c. */
#ifndef WEFT_IOMODULE_H
#define WEFT_IOMODULE_H

#include "Python.h"
#include "structmember.h"
#include "critical_section.h"

#define IO_DEFAULT_BUFFER_SIZE 8192

/* Every I/O object starts with these: the instance __dict__, the weak
 * reference list (tp_weaklistoffset is set on _IOBase and inherited) and the
 * flags _IOBase keeps (closed for Python subclasses; finalised so the
 * finaliser runs once). */
#define IOBASE_HEAD        \
    PyObject_HEAD          \
    PyObject *dict;        \
    PyObject *weakreflist; \
    char iobase_closed;    \
    char finalizing;       \
    char finalized;

typedef struct {
    IOBASE_HEAD
} iobase;

/* Every I/O dealloc calls this once the object is sure to die. */
static inline void
_PyIO_ClearWeakRefs(PyObject *op)
{
    if (((iobase *)op)->weakreflist != NULL) {
        PyObject_ClearWeakRefs(op);
    }
}

extern PyTypeObject PyIOBase_Type;
extern PyTypeObject PyRawIOBase_Type;
extern PyTypeObject PyBufferedIOBase_Type;
extern PyTypeObject PyTextIOBase_Type;
extern PyTypeObject PyFileIO_Type;
extern PyTypeObject PyBytesIO_Type;
extern PyTypeObject _PyBytesIOBuffer_Type;
extern PyTypeObject PyStringIO_Type;
extern PyTypeObject PyBufferedReader_Type;
extern PyTypeObject PyBufferedWriter_Type;
extern PyTypeObject PyBufferedRandom_Type;
extern PyTypeObject PyBufferedRWPair_Type;
extern PyTypeObject PyTextIOWrapper_Type;
extern PyTypeObject PyIncrementalNewlineDecoder_Type;

/* io.UnsupportedOperation (subclass of OSError and ValueError), created
 * once by the first module exec. */
extern PyObject *_PyIO_unsupported_operation;

/* Raise UnsupportedOperation(msg); returns NULL. */
PyObject *_PyIO_Unsupported(const char *msg);
/* ValueError: I/O operation on closed file.  Returns NULL. */
PyObject *_PyIO_ClosedError(void);

/* self.closed as a C truth value (-1 on error). */
int _PyIOBase_IsClosed(PyObject *self);
/* Raise ValueError if self.closed; -1 then, else 0. */
int _PyIOBase_CheckClosed(PyObject *self);
/* self.readable()/writable()/seekable() must be true, else
 * UnsupportedOperation with CPython's message; -1 on error. */
int _PyIOBase_CheckReadable(PyObject *self);
int _PyIOBase_CheckWritable(PyObject *self);
int _PyIOBase_CheckSeekable(PyObject *self);

/* _IOBase.close: flush() then mark closed. */
PyObject *_PyIOBase_close(PyObject *self);
/* Call close() if not closed yet, once (from dealloc or tp_finalize). */
void _PyIOBase_finalize(PyObject *self);
/* For a type's dealloc: run the finaliser with the object temporarily
 * alive.  Returns 1 if it was resurrected (dealloc must return at once). */
int _PyIOBase_FinalizeFromDealloc(PyObject *self);

/* Convert size arguments (int or None) as CPython's _Py_convert_optional_to_ssize_t. */
int _PyIO_ConvertSize(PyObject *obj, Py_ssize_t *out);

/* Find the end of the first line in [start, end) of a str with the given
 * newline mode; returns the index just past the line ending, or -1 and
 * *consumed set to how much was scanned. */
Py_ssize_t _PyIO_find_line_ending(int translated, int universal, PyObject *readnl,
                                  int kind, const char *start, const char *end,
                                  Py_ssize_t *consumed);

/* IncrementalNewlineDecoder.decode as a C call (decoder may be any object). */
PyObject *_PyIncrementalNewlineDecoder_decode(PyObject *self, PyObject *input, int final);

/* _io.open as a C function (used by io.open and the tests). */
PyObject *_PyIO_Open(PyObject *file, const char *mode, int buffering,
                     const char *encoding, const char *errors, const char *newline,
                     int closefd, PyObject *opener);

/* Helpers for the text layer: is the name one of the codecs this runtime
 * knows (utf-8, ascii, latin-1, ...)?  Returns the canonical name or NULL. */
const char *_PyIO_NormalizeEncoding(const char *name, char *buf, size_t bufsize);

/* Position type conversion for seek/tell. */
#define PyLong_AsOff_t PyLong_AsLongLong
#define PyLong_FromOff_t PyLong_FromLongLong
typedef long long Py_off_t;

#endif /* WEFT_IOMODULE_H */
