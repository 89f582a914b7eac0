/* _iomodule.c: the _io module: its types, DEFAULT_BUFFER_SIZE,
 * UnsupportedOperation, BlockingIOError, and the functions open(),
 * open_code() and text_encoding().  open() validates the mode as CPython
 * does, opens a FileIO, wraps it in the buffered class the mode calls for
 * and, in text mode, in a TextIOWrapper. */
#include "_iomodule.h"
#include "pylock.h"

static PyMutex unsupported_lock;

static int
io_unsupported_init(void)
{
    int r = 0;
    PyMutex_Lock(&unsupported_lock);
    if (_PyIO_unsupported_operation == NULL) {
        PyObject *t = PyObject_CallFunction((PyObject *)&PyType_Type, "s(OO){s:s}",
                                            "UnsupportedOperation", PyExc_OSError,
                                            PyExc_ValueError, "__module__", "io");
        if (t == NULL) {
            r = -1;
        }
        else {
            _Py_SetImmortal(t);
            _PyIO_unsupported_operation = t;
        }
    }
    PyMutex_Unlock(&unsupported_lock);
    return r;
}

PyObject *
_PyIO_Open(PyObject *file, const char *mode, int buffering, const char *encoding,
           const char *errors, const char *newline, int closefd, PyObject *opener)
{
    int creating = 0, reading = 0, writing = 0, appending = 0, updating = 0;
    int text = 0, binary = 0;
    char rawmode[6], *m;
    size_t i;

    for (i = 0; i < strlen(mode); i++) {
        char c = mode[i];
        if (strchr("xrwab+t", c) == NULL || strchr(mode + i + 1, c) != NULL) {
            PyErr_Format(PyExc_ValueError, "invalid mode: '%s'", mode);
            return NULL;
        }
        switch (c) {
        case 'x': creating = 1; break;
        case 'r': reading = 1; break;
        case 'w': writing = 1; break;
        case 'a': appending = 1; break;
        case '+': updating = 1; break;
        case 't': text = 1; break;
        case 'b': binary = 1; break;
        }
    }
    m = rawmode;
    if (creating) *(m++) = 'x';
    if (reading) *(m++) = 'r';
    if (writing) *(m++) = 'w';
    if (appending) *(m++) = 'a';
    if (updating) *(m++) = '+';
    *m = '\0';

    if (text && binary) {
        PyErr_SetString(PyExc_ValueError, "can't have text and binary mode at once");
        return NULL;
    }
    if (creating + reading + writing + appending > 1) {
        PyErr_SetString(PyExc_ValueError,
                        "must have exactly one of create/read/write/append mode");
        return NULL;
    }
    if (binary && encoding != NULL) {
        PyErr_SetString(PyExc_ValueError, "binary mode doesn't take an encoding argument");
        return NULL;
    }
    if (binary && errors != NULL) {
        PyErr_SetString(PyExc_ValueError, "binary mode doesn't take an errors argument");
        return NULL;
    }
    if (binary && newline != NULL) {
        PyErr_SetString(PyExc_ValueError, "binary mode doesn't take a newline argument");
        return NULL;
    }
    if (binary && buffering == 1) {
        if (PyErr_WarnEx(PyExc_RuntimeWarning,
                         "line buffering (buffering=1) isn't supported in binary mode, "
                         "the default buffer size will be used", 1) < 0) {
            return NULL;
        }
    }

    PyObject *raw = PyObject_CallFunction((PyObject *)&PyFileIO_Type, "OsiO", file, rawmode,
                                          closefd, opener);
    if (raw == NULL) {
        return NULL;
    }
    PyObject *result = raw;
    PyObject *buffer = NULL, *wrapper = NULL;
    int line_buffering = 0;
    int isatty = 0;

    if (buffering == 1 || buffering < 0) {
        PyObject *r = PyObject_CallMethod(raw, "isatty", NULL);
        if (r == NULL) {
            goto error;
        }
        isatty = PyObject_IsTrue(r);
        Py_DECREF(r);
        if (isatty < 0) {
            goto error;
        }
    }
    if (buffering == 1 || (buffering < 0 && isatty)) {
        buffering = -1;
        line_buffering = 1;
    }
    if (buffering < 0) {
        PyObject *blk = PyObject_GetAttrString(raw, "_blksize");
        if (blk == NULL) {
            goto error;
        }
        long b = PyLong_AsLong(blk);
        Py_DECREF(blk);
        if (b == -1 && PyErr_Occurred()) {
            goto error;
        }
        buffering = b > 1 ? (int)(b < (1 << 30) ? b : (1 << 30)) : IO_DEFAULT_BUFFER_SIZE;
    }
    if (buffering == 0) {
        if (!binary) {
            PyErr_SetString(PyExc_ValueError, "can't have unbuffered text I/O");
            goto error;
        }
        return result;
    }

    PyTypeObject *bufclass;
    if (updating) {
        bufclass = &PyBufferedRandom_Type;
    }
    else if (creating || writing || appending) {
        bufclass = &PyBufferedWriter_Type;
    }
    else {
        bufclass = &PyBufferedReader_Type;
    }
    buffer = PyObject_CallFunction((PyObject *)bufclass, "Oi", raw, buffering);
    if (buffer == NULL) {
        goto error;
    }
    result = buffer;
    Py_DECREF(raw);
    raw = NULL;
    if (binary) {
        return result;
    }

    PyObject *targs = Py_BuildValue("(Ozzzi)", buffer, encoding, errors, newline,
                                    line_buffering);
    if (targs == NULL) {
        goto error;
    }
    wrapper = PyObject_Call((PyObject *)&PyTextIOWrapper_Type, targs, NULL);
    Py_DECREF(targs);
    if (wrapper == NULL) {
        goto error;
    }
    result = wrapper;
    Py_DECREF(buffer);
    buffer = NULL;
    PyObject *modeobj = PyUnicode_FromString(mode);
    if (modeobj == NULL || PyObject_SetAttrString(wrapper, "mode", modeobj) < 0) {
        Py_XDECREF(modeobj);
        goto error;
    }
    Py_DECREF(modeobj);
    return result;

error:
    {
        PyObject *exc = PyErr_GetRaisedException();
        PyObject *close_result = PyObject_CallMethod(result, "close", NULL);
        if (close_result == NULL) {
            PyErr_Clear();
        }
        Py_XDECREF(close_result);
        PyErr_SetRaisedException(exc);
        Py_DECREF(result);
    }
    return NULL;
}

/* Optional str-or-None argument as a C string (NULL for None). */
static int
opt_str(PyObject *obj, const char *argname, const char **out)
{
    if (obj == NULL || obj == Py_None) {
        *out = NULL;
        return 0;
    }
    if (!PyUnicode_Check(obj)) {
        PyErr_Format(PyExc_TypeError, "open() argument '%s' must be str or None, not %.50s",
                     argname, Py_TYPE(obj)->tp_name);
        return -1;
    }
    Py_ssize_t len;
    *out = PyUnicode_AsUTF8AndSize(obj, &len);
    if (*out == NULL) {
        return -1;
    }
    if ((size_t)len != strlen(*out)) {
        PyErr_SetString(PyExc_ValueError, "embedded null character");
        return -1;
    }
    return 0;
}

static PyObject *
io_open(PyObject *module, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"file", "mode", "buffering", "encoding", "errors",
                             "newline", "closefd", "opener", NULL};
    PyObject *file, *modeobj = NULL, *encobj = Py_None, *errobj = Py_None,
             *nlobj = Py_None, *opener = Py_None;
    int buffering = -1, closefd = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|UiOOOpO:open", kwlist, &file, &modeobj,
                                     &buffering, &encobj, &errobj, &nlobj, &closefd,
                                     &opener)) {
        return NULL;
    }
    const char *mode = "r", *encoding, *errors, *newline;
    if (modeobj != NULL) {
        Py_ssize_t len;
        mode = PyUnicode_AsUTF8AndSize(modeobj, &len);
        if (mode == NULL) {
            return NULL;
        }
        if ((size_t)len != strlen(mode)) {
            PyErr_SetString(PyExc_ValueError, "embedded null character");
            return NULL;
        }
    }
    if (opt_str(encobj, "encoding", &encoding) < 0 || opt_str(errobj, "errors", &errors) < 0 ||
        opt_str(nlobj, "newline", &newline) < 0) {
        return NULL;
    }
    return _PyIO_Open(file, mode, buffering, encoding, errors, newline, closefd, opener);
}

static PyObject *
io_open_code(PyObject *module, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"path", NULL};
    PyObject *path;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "U:open_code", kwlist, &path)) {
        return NULL;
    }
    return _PyIO_Open(path, "rb", -1, NULL, NULL, NULL, 1, Py_None);
}

static PyObject *
io_text_encoding(PyObject *module, PyObject *args)
{
    PyObject *encoding;
    int stacklevel = 2;
    if (!PyArg_ParseTuple(args, "O|i:text_encoding", &encoding, &stacklevel)) {
        return NULL;
    }
    if (encoding != Py_None) {
        return Py_NewRef(encoding);
    }
    return PyUnicode_FromString("locale");
}

static PyMethodDef io_functions[] = {
    {"open", (PyCFunction)(void (*)(void))io_open, METH_VARARGS | METH_KEYWORDS,
     "Open file and return a stream.  Raise OSError upon failure."},
    {"open_code", (PyCFunction)(void (*)(void))io_open_code, METH_VARARGS | METH_KEYWORDS,
     "Opens the provided file with the intent to import the contents."},
    {"text_encoding", io_text_encoding, METH_VARARGS,
     "A helper function to choose the text encoding."},
    {NULL, NULL, 0, NULL},
};

static int
io_exec(PyObject *m)
{
    if (io_unsupported_init() < 0) {
        return -1;
    }
    if (PyModule_AddIntConstant(m, "DEFAULT_BUFFER_SIZE", IO_DEFAULT_BUFFER_SIZE) < 0 ||
        PyModule_AddObjectRef(m, "UnsupportedOperation", _PyIO_unsupported_operation) < 0 ||
        PyModule_AddObjectRef(m, "BlockingIOError", PyExc_BlockingIOError) < 0) {
        return -1;
    }
    if (PyType_Ready(&_PyBytesIOBuffer_Type) < 0) {
        return -1;
    }
    PyTypeObject *types[] = {
        &PyIOBase_Type, &PyRawIOBase_Type, &PyBufferedIOBase_Type, &PyTextIOBase_Type,
        &PyFileIO_Type, &PyBytesIO_Type, &PyStringIO_Type, &PyBufferedReader_Type,
        &PyBufferedWriter_Type, &PyBufferedRandom_Type, &PyBufferedRWPair_Type,
        &PyTextIOWrapper_Type, &PyIncrementalNewlineDecoder_Type,
    };
    for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
        if (PyType_Ready(types[i]) < 0) {
            return -1;
        }
        const char *name = strrchr(types[i]->tp_name, '.') + 1;
        if (PyModule_AddObjectRef(m, name, (PyObject *)types[i]) < 0) {
            return -1;
        }
    }
    return 0;
}

static PyModuleDef_Slot io_slots[] = {
    {Py_mod_exec, io_exec},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef io_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_io",
    .m_doc = "The io module provides the Python interfaces to stream handling.",
    .m_size = 0,
    .m_methods = io_functions,
    .m_slots = io_slots,
};

PyMODINIT_FUNC PyInit__io(void)
{
    return PyModuleDef_Init(&io_module);
}
