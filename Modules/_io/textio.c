/* textio.c: _io._TextIOBase, _io.IncrementalNewlineDecoder and
 * _io.TextIOWrapper, the text layer over a buffered binary stream:
 * decoding (utf-8 statefully, ascii, latin-1, utf-16/32 with their BOMs,
 * through the codecs in Python/codecs.c), newline translation on read
 * (None/''/'\n'/'\r'/'\r\n') and write, line buffering, write_through,
 * read/readline/iteration/write/seek/tell (opaque cookies as CPython's when
 * a position falls inside decoder state), reconfigure and detach.
 * Every method runs in a critical section on the wrapper (free-threaded
 * build); pending writes are taken out of the object before they are
 * handed to the buffer, so a thread that runs while another is blocked in
 * the buffer never sees half a write. */
#include "_iomodule.h"

/* ---- _TextIOBase ---------------------------------------------------------- */

static PyObject *
textiobase_detach(PyObject *self, PyObject *args)
{
    return _PyIO_Unsupported("detach");
}

static PyObject *
textiobase_read(PyObject *self, PyObject *args)
{
    return _PyIO_Unsupported("read");
}

static PyObject *
textiobase_readline(PyObject *self, PyObject *args)
{
    return _PyIO_Unsupported("readline");
}

static PyObject *
textiobase_write(PyObject *self, PyObject *args)
{
    return _PyIO_Unsupported("write");
}

static PyObject *
textiobase_none(PyObject *self, void *c)
{
    Py_RETURN_NONE;
}

static PyMethodDef textiobase_methods[] = {
    {"detach", textiobase_detach, METH_NOARGS, NULL},
    {"read", textiobase_read, METH_VARARGS, NULL},
    {"readline", textiobase_readline, METH_VARARGS, NULL},
    {"write", textiobase_write, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef textiobase_getset[] = {
    {"encoding", textiobase_none, NULL, "Encoding of the text stream.", NULL},
    {"newlines", textiobase_none, NULL, "Line endings translated so far.", NULL},
    {"errors", textiobase_none, NULL, "The error setting of the decoder or encoder.", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PyTypeObject PyTextIOBase_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_io._TextIOBase",
    .tp_basicsize = sizeof(iobase),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "Base class for text I/O.",
    .tp_methods = textiobase_methods,
    .tp_getset = textiobase_getset,
    .tp_base = &PyIOBase_Type,
};

/* ---- newline bookkeeping shared by the decoder and the wrapper ----------- */

#define SEEN_CR   1
#define SEEN_LF   2
#define SEEN_CRLF 4

static PyObject *
newlines_object(int seennl)
{
    switch (seennl) {
    case SEEN_CR: return PyUnicode_FromString("\r");
    case SEEN_LF: return PyUnicode_FromString("\n");
    case SEEN_CRLF: return PyUnicode_FromString("\r\n");
    case SEEN_CR | SEEN_LF: return Py_BuildValue("ss", "\r", "\n");
    case SEEN_CR | SEEN_CRLF: return Py_BuildValue("ss", "\r", "\r\n");
    case SEEN_LF | SEEN_CRLF: return Py_BuildValue("ss", "\n", "\r\n");
    case SEEN_CR | SEEN_LF | SEEN_CRLF: return Py_BuildValue("sss", "\r", "\n", "\r\n");
    default: Py_RETURN_NONE;
    }
}

/* Apply the pending-\r rule, record the line endings seen and translate
 * them to \n if asked.  Steals `output`. */
static PyObject *
newline_filter(PyObject *output, int final, int *pendingcr, int *seennl, int translate)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(output);
    if (*pendingcr && (final || len > 0)) {
        PyObject *cr = PyUnicode_FromString("\r");
        if (cr == NULL) {
            Py_DECREF(output);
            return NULL;
        }
        PyObject *n = PyUnicode_Concat(cr, output);
        Py_DECREF(cr);
        Py_DECREF(output);
        if (n == NULL) {
            return NULL;
        }
        output = n;
        *pendingcr = 0;
        len++;
    }
    if (!final && len > 0 && PyUnicode_READ_CHAR(output, len - 1) == '\r') {
        PyObject *n = PyUnicode_Substring(output, 0, len - 1);
        Py_DECREF(output);
        if (n == NULL) {
            return NULL;
        }
        output = n;
        *pendingcr = 1;
        len--;
    }
    if (len == 0) {
        return output;
    }
    int kind = PyUnicode_KIND(output);
    const void *data = PyUnicode_DATA(output);
    Py_ssize_t ncr = 0;
    int seen = 0;
    for (Py_ssize_t i = 0; i < len; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (c == '\n') {
            seen |= SEEN_LF;
        }
        else if (c == '\r') {
            ncr++;
            if (i + 1 < len && PyUnicode_READ(kind, data, i + 1) == '\n') {
                seen |= SEEN_CRLF;
                i++;
            }
            else {
                seen |= SEEN_CR;
            }
        }
    }
    *seennl |= seen;
    if (!translate || ncr == 0) {
        return output;
    }
    _PyUnicodeWriter w;
    _PyUnicodeWriter_Init(&w);
    w.min_length = len;
    for (Py_ssize_t i = 0; i < len; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (c == '\r') {
            if (i + 1 < len && PyUnicode_READ(kind, data, i + 1) == '\n') {
                i++;
            }
            c = '\n';
        }
        if (_PyUnicodeWriter_WriteChar(&w, c) < 0) {
            _PyUnicodeWriter_Dealloc(&w);
            Py_DECREF(output);
            return NULL;
        }
    }
    Py_DECREF(output);
    return _PyUnicodeWriter_Finish(&w);
}

/* ---- IncrementalNewlineDecoder ------------------------------------------ */

typedef struct {
    PyObject_HEAD
    PyObject *decoder;
    PyObject *errors;
    int translate;
    int pendingcr;
    int seennl;
} nldecoder;

static int
nldecoder_init(PyObject *op, PyObject *args, PyObject *kwds)
{
    nldecoder *self = (nldecoder *)op;
    static char *kwlist[] = {"decoder", "translate", "errors", NULL};
    PyObject *decoder, *errors = NULL;
    int translate;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "Op|O:IncrementalNewlineDecoder", kwlist,
                                     &decoder, &translate, &errors)) {
        return -1;
    }
    Py_XSETREF(self->decoder, Py_NewRef(decoder));
    if (errors == NULL) {
        errors = PyUnicode_FromString("strict");
        if (errors == NULL) {
            return -1;
        }
    }
    else {
        Py_INCREF(errors);
    }
    Py_XSETREF(self->errors, errors);
    self->translate = translate;
    self->pendingcr = 0;
    self->seennl = 0;
    return 0;
}

static void
nldecoder_dealloc(PyObject *op)
{
    nldecoder *self = (nldecoder *)op;
    PyObject_GC_UnTrack(op);
    Py_CLEAR(self->decoder);
    Py_CLEAR(self->errors);
    Py_TYPE(op)->tp_free(op);
}

static int
nldecoder_traverse(PyObject *op, visitproc visit, void *arg)
{
    nldecoder *self = (nldecoder *)op;
    Py_VISIT(self->decoder);
    Py_VISIT(self->errors);
    return 0;
}

static int
nldecoder_clear(PyObject *op)
{
    nldecoder *self = (nldecoder *)op;
    Py_CLEAR(self->decoder);
    Py_CLEAR(self->errors);
    return 0;
}

PyObject *
_PyIncrementalNewlineDecoder_decode(PyObject *op, PyObject *input, int final)
{
    nldecoder *self = (nldecoder *)op;
    if (self->decoder == NULL) {
        PyErr_SetString(PyExc_ValueError,
                        "IncrementalNewlineDecoder.__init__() not called");
        return NULL;
    }
    PyObject *output;
    if (self->decoder != Py_None) {
        output = PyObject_CallMethod(self->decoder, "decode", "Oi", input, final);
    }
    else {
        output = Py_NewRef(input);
    }
    if (output == NULL) {
        return NULL;
    }
    if (!PyUnicode_Check(output)) {
        PyErr_Format(PyExc_TypeError, "decoder should return a string result, not '%.200s'",
                     Py_TYPE(output)->tp_name);
        Py_DECREF(output);
        return NULL;
    }
    PyObject *res;
    Py_BEGIN_CRITICAL_SECTION(op);
    res = newline_filter(output, final, &self->pendingcr, &self->seennl, self->translate);
    Py_END_CRITICAL_SECTION();
    return res;
}

static PyObject *
nldecoder_decode(PyObject *op, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"input", "final", NULL};
    PyObject *input;
    int final = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|p:decode", kwlist, &input, &final)) {
        return NULL;
    }
    return _PyIncrementalNewlineDecoder_decode(op, input, final);
}

static PyObject *
nldecoder_getstate(PyObject *op, PyObject *unused)
{
    nldecoder *self = (nldecoder *)op;
    PyObject *buffer;
    unsigned long long flag;
    if (self->decoder != NULL && self->decoder != Py_None) {
        PyObject *state = PyObject_CallMethod(self->decoder, "getstate", NULL);
        if (state == NULL) {
            return NULL;
        }
        if (!PyTuple_Check(state)) {
            PyErr_SetString(PyExc_TypeError, "illegal decoder state");
            Py_DECREF(state);
            return NULL;
        }
        PyObject *flagobj;
        if (!PyArg_ParseTuple(state, "OO;illegal decoder state", &buffer, &flagobj)) {
            Py_DECREF(state);
            return NULL;
        }
        flag = PyLong_AsUnsignedLongLong(flagobj);
        if (flag == (unsigned long long)-1 && PyErr_Occurred()) {
            Py_DECREF(state);
            return NULL;
        }
        Py_INCREF(buffer);
        Py_DECREF(state);
    }
    else {
        buffer = PyBytes_FromStringAndSize(NULL, 0);
        if (buffer == NULL) {
            return NULL;
        }
        flag = 0;
    }
    flag <<= 1;
    if (self->pendingcr) {
        flag |= 1;
    }
    PyObject *res = Py_BuildValue("NK", buffer, flag);
    return res;
}

static PyObject *
nldecoder_setstate(PyObject *op, PyObject *state)
{
    nldecoder *self = (nldecoder *)op;
    PyObject *buffer;
    unsigned long long flag;
    if (!PyTuple_Check(state)) {
        PyErr_SetString(PyExc_TypeError, "state argument must be a tuple");
        return NULL;
    }
    if (!PyArg_ParseTuple(state, "OK;setstate(): illegal state argument", &buffer, &flag)) {
        return NULL;
    }
    self->pendingcr = (int)(flag & 1);
    flag >>= 1;
    if (self->decoder != NULL && self->decoder != Py_None) {
        return PyObject_CallMethod(self->decoder, "setstate", "((OK))", buffer, flag);
    }
    Py_RETURN_NONE;
}

static PyObject *
nldecoder_reset(PyObject *op, PyObject *unused)
{
    nldecoder *self = (nldecoder *)op;
    self->seennl = 0;
    self->pendingcr = 0;
    if (self->decoder != NULL && self->decoder != Py_None) {
        return PyObject_CallMethod(self->decoder, "reset", NULL);
    }
    Py_RETURN_NONE;
}

static PyObject *
nldecoder_newlines_get(PyObject *op, void *c)
{
    return newlines_object(((nldecoder *)op)->seennl);
}

static PyMethodDef nldecoder_methods[] = {
    {"decode", (PyCFunction)(void (*)(void))nldecoder_decode, METH_VARARGS | METH_KEYWORDS, NULL},
    {"getstate", nldecoder_getstate, METH_NOARGS, NULL},
    {"setstate", nldecoder_setstate, METH_O, NULL},
    {"reset", nldecoder_reset, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef nldecoder_getset[] = {
    {"newlines", nldecoder_newlines_get, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PyTypeObject PyIncrementalNewlineDecoder_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_io.IncrementalNewlineDecoder",
    .tp_basicsize = sizeof(nldecoder),
    .tp_dealloc = nldecoder_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "Codec used when reading a file in universal newlines mode.",
    .tp_traverse = nldecoder_traverse,
    .tp_clear = nldecoder_clear,
    .tp_methods = nldecoder_methods,
    .tp_getset = nldecoder_getset,
    .tp_init = nldecoder_init,
    .tp_new = PyType_GenericNew,
    .tp_free = PyObject_GC_Del,
};

/* ---- the byte codec under TextIOWrapper --------------------------------- */

enum codec_kind { K_UTF8, K_ASCII, K_LATIN1, K_UTF16, K_UTF32, K_OTHER };

typedef struct {
    enum codec_kind kind;
    int byteorder;       /* utf-16/32: 0 detect from BOM, -1 little, 1 big */
    char has_bom;        /* "utf-16"/"utf-32" (no explicit byte order) */
    char pending[8];     /* undecoded tail of the previous input */
    int npending;
    int pendingcr;
    int seennl;
} text_decoder_state;

/* Canonical codec for an encoding name, or -1 (LookupError set). */
static int
classify_encoding(const char *name, enum codec_kind *kind, int *byteorder, char *has_bom)
{
    char norm[40];
    size_t n = strlen(name);
    *byteorder = 0;
    *has_bom = 0;
    if (n < sizeof(norm)) {
        for (size_t i = 0; i <= n; i++) {
            char c = name[i];
            if (c >= 'A' && c <= 'Z') {
                c = (char)(c - 'A' + 'a');
            }
            if (c == '-' || c == ' ') {
                c = '_';
            }
            norm[i] = c;
        }
        static const struct { const char *n; enum codec_kind k; int bo; int bom; } names[] = {
            {"utf_8", K_UTF8, 0, 0}, {"utf8", K_UTF8, 0, 0}, {"u8", K_UTF8, 0, 0},
            {"utf", K_UTF8, 0, 0}, {"cp65001", K_UTF8, 0, 0}, {"locale", K_UTF8, 0, 0},
            {"ascii", K_ASCII, 0, 0}, {"us_ascii", K_ASCII, 0, 0}, {"646", K_ASCII, 0, 0},
            {"latin_1", K_LATIN1, 0, 0}, {"latin1", K_LATIN1, 0, 0}, {"latin", K_LATIN1, 0, 0},
            {"iso_8859_1", K_LATIN1, 0, 0}, {"iso8859_1", K_LATIN1, 0, 0},
            {"8859", K_LATIN1, 0, 0}, {"cp819", K_LATIN1, 0, 0}, {"l1", K_LATIN1, 0, 0},
            {"utf_16", K_UTF16, 0, 1}, {"utf16", K_UTF16, 0, 1}, {"u16", K_UTF16, 0, 1},
            {"utf_16_le", K_UTF16, -1, 0}, {"utf_16le", K_UTF16, -1, 0},
            {"utf_16_be", K_UTF16, 1, 0}, {"utf_16be", K_UTF16, 1, 0},
            {"utf_32", K_UTF32, 0, 1}, {"utf32", K_UTF32, 0, 1}, {"u32", K_UTF32, 0, 1},
            {"utf_32_le", K_UTF32, -1, 0}, {"utf_32le", K_UTF32, -1, 0},
            {"utf_32_be", K_UTF32, 1, 0}, {"utf_32be", K_UTF32, 1, 0},
        };
        for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
            if (strcmp(norm, names[i].n) == 0) {
                *kind = names[i].k;
                *byteorder = names[i].bo;
                *has_bom = (char)names[i].bom;
                return 0;
            }
        }
    }
    /* Anything else the codecs know is decoded chunk by chunk. */
    PyObject *probe = PyUnicode_Decode("", 0, name, "strict");
    if (probe == NULL) {
        return -1;
    }
    Py_DECREF(probe);
    *kind = K_OTHER;
    return 0;
}

/* Decode `input` (may be NULL/empty) with the state, newline handling
 * included.  Returns a new str. */
static PyObject *
text_decode(text_decoder_state *st, const char *encoding, const char *errors,
            const char *input, Py_ssize_t len, int final, int readuniversal,
            int readtranslate)
{
    char stackbuf[256];
    char *data = stackbuf;
    Py_ssize_t total = st->npending + len;
    if (total > (Py_ssize_t)sizeof(stackbuf)) {
        data = PyMem_Malloc(total);
        if (data == NULL) {
            PyErr_NoMemory();
            return NULL;
        }
    }
    memcpy(data, st->pending, st->npending);
    if (len > 0) {
        memcpy(data + st->npending, input, len);
    }
    PyObject *out = NULL;
    Py_ssize_t consumed = total;
    switch (st->kind) {
    case K_UTF8:
        out = PyUnicode_DecodeUTF8Stateful(data, total, errors, final ? NULL : &consumed);
        break;
    case K_ASCII:
        out = PyUnicode_DecodeASCII(data, total, errors);
        break;
    case K_LATIN1:
        out = PyUnicode_DecodeLatin1(data, total, errors);
        break;
    case K_UTF16:
    case K_UTF32: {
        int unit = st->kind == K_UTF16 ? 2 : 4;
        if (!final) {
            consumed = total - total % unit;
            if (st->kind == K_UTF16 && consumed >= 2) {
                /* Keep a lone high surrogate for the next chunk. */
                unsigned char lo = (unsigned char)data[consumed - 2];
                unsigned char hi = (unsigned char)data[consumed - 1];
                int bo = st->byteorder;
                if (bo == 0 && consumed >= 2 && st->npending == 0) {
                    bo = -1;
                }
                unsigned int u = bo == 1 ? ((unsigned)lo << 8 | hi) : ((unsigned)hi << 8 | lo);
                if (u >= 0xD800 && u <= 0xDBFF) {
                    consumed -= 2;
                }
            }
            /* BOM detection needs the first unit whole. */
        }
        int bo = st->byteorder;
        if (consumed == 0) {
            out = PyUnicode_FromStringAndSize("", 0);
        }
        else if (st->kind == K_UTF16) {
            out = PyUnicode_DecodeUTF16(data, consumed, errors, &bo);
        }
        else {
            out = PyUnicode_DecodeUTF32(data, consumed, errors, &bo);
        }
        if (out != NULL && consumed > 0 && st->byteorder == 0) {
            /* After the first unit the byte order is settled: from the
             * BOM if there was one, else the machine's (little). */
            const unsigned char *u = (const unsigned char *)data;
            if (unit == 2) {
                st->byteorder = (u[0] == 0xFE && u[1] == 0xFF) ? 1 : -1;
            }
            else {
                st->byteorder = (u[0] == 0 && u[1] == 0 && u[2] == 0xFE && u[3] == 0xFF) ? 1 : -1;
            }
        }
        break;
    }
    default:
        out = PyUnicode_Decode(data, total, encoding, errors);
        break;
    }
    if (out != NULL) {
        Py_ssize_t rest = total - consumed;
        if (rest > (Py_ssize_t)sizeof(st->pending)) {
            rest = sizeof(st->pending);
        }
        memcpy(st->pending, data + total - rest, rest);
        st->npending = (int)rest;
    }
    if (data != stackbuf) {
        PyMem_Free(data);
    }
    if (out == NULL) {
        return NULL;
    }
    if (readuniversal) {
        out = newline_filter(out, final, &st->pendingcr, &st->seennl, readtranslate);
    }
    return out;
}

/* ---- TextIOWrapper ---------------------------------------------------------- */

typedef struct {
    IOBASE_HEAD
    PyObject *buffer;
    PyObject *encoding;     /* str, as reported */
    PyObject *errors;       /* str */
    char ok;
    char detached;
    char readable;          /* has a decoder */
    char writable;          /* has an encoder */
    char line_buffering;
    char write_through;
    char readuniversal;
    char readtranslate;
    char writetranslate;
    char seekable;
    char telling;
    char has_read1;
    char encoding_start;    /* next encode must emit a BOM (utf-16/32) */
    PyObject *readnl;       /* str or NULL (universal) */
    const char *writenl;    /* NULL: write \n untranslated */
    text_decoder_state dec;
    PyObject *decoded_chars;
    Py_ssize_t decoded_chars_used;
    /* snapshot for tell(): decoder flags (pendingcr) and the bytes fed to
     * the decoder since the position buffer.tell() - len(next_input). */
    int snapshot_flags;
    PyObject *snapshot_input;   /* bytes or NULL */
    PyObject *pending_bytes;    /* list of bytes, or NULL */
    Py_ssize_t pending_bytes_count;
    Py_ssize_t chunk_size;
} textio;

#define TEXT_CHECK_INIT(self, ret)                                             \
    if (!(self)->ok) {                                                        \
        PyErr_SetString(PyExc_ValueError,                                     \
                        (self)->detached ? "underlying buffer has been detached" \
                                         : "I/O operation on uninitialized object"); \
        return ret;                                                           \
    }

static int
text_check_closed(textio *self)
{
    int r;
    if (Py_IS_TYPE(self, &PyTextIOWrapper_Type)) {
        PyObject *res = PyObject_GetAttrString(self->buffer, "closed");
        if (res == NULL) {
            return -1;
        }
        r = PyObject_IsTrue(res);
        Py_DECREF(res);
    }
    else {
        r = _PyIOBase_IsClosed((PyObject *)self);
    }
    if (r < 0) {
        return -1;
    }
    if (r) {
        _PyIO_ClosedError();
        return -1;
    }
    return 0;
}

static void
set_decoded(textio *self, PyObject *chars)
{
    Py_XSETREF(self->decoded_chars, chars);
    self->decoded_chars_used = 0;
}

static void
reset_decoder(textio *self, int flags)
{
    self->dec.npending = 0;
    self->dec.pendingcr = flags & 1;
    if (self->dec.has_bom) {
        self->dec.byteorder = 0;
    }
}

static int
textio_init(PyObject *op, PyObject *args, PyObject *kwds)
{
    textio *self = (textio *)op;
    static char *kwlist[] = {"buffer", "encoding", "errors", "newline", "line_buffering",
                             "write_through", NULL};
    PyObject *buffer, *encobj = Py_None, *errobj = Py_None, *nlobj = Py_None;
    int line_buffering = 0, write_through = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|OOOpp:TextIOWrapper", kwlist, &buffer,
                                     &encobj, &errobj, &nlobj, &line_buffering,
                                     &write_through)) {
        return -1;
    }
    self->ok = 0;
    self->detached = 0;
    if (encobj != Py_None && !PyUnicode_Check(encobj)) {
        PyErr_Format(PyExc_TypeError,
                     "TextIOWrapper() argument 'encoding' must be str or None, not %.50s",
                     Py_TYPE(encobj)->tp_name);
        return -1;
    }
    if (errobj != Py_None && !PyUnicode_Check(errobj)) {
        PyErr_Format(PyExc_TypeError,
                     "TextIOWrapper() argument 'errors' must be str or None, not %.50s",
                     Py_TYPE(errobj)->tp_name);
        return -1;
    }
    if (nlobj != Py_None && !PyUnicode_Check(nlobj)) {
        PyErr_Format(PyExc_TypeError,
                     "TextIOWrapper() argument 'newline' must be str or None, not %.50s",
                     Py_TYPE(nlobj)->tp_name);
        return -1;
    }
    const char *newline = NULL;
    if (nlobj != Py_None) {
        newline = PyUnicode_AsUTF8AndSize(nlobj, NULL);
        if (newline == NULL) {
            return -1;
        }
        if (strcmp(newline, "") != 0 && strcmp(newline, "\n") != 0 &&
            strcmp(newline, "\r") != 0 && strcmp(newline, "\r\n") != 0) {
            PyErr_Format(PyExc_ValueError, "illegal newline value: %s", newline);
            return -1;
        }
    }
    PyObject *encoding;
    if (encobj == Py_None || PyUnicode_EqualToUTF8(encobj, "locale")) {
        encoding = PyUnicode_FromString("UTF-8");
    }
    else {
        encoding = Py_NewRef(encobj);
    }
    if (encoding == NULL) {
        return -1;
    }
    const char *enc = PyUnicode_AsUTF8AndSize(encoding, NULL);
    if (enc == NULL) {
        Py_DECREF(encoding);
        return -1;
    }
    enum codec_kind kind;
    int byteorder;
    char has_bom;
    if (classify_encoding(enc, &kind, &byteorder, &has_bom) < 0) {
        Py_DECREF(encoding);
        return -1;
    }
    PyObject *errors = errobj == Py_None ? PyUnicode_FromString("strict") : Py_NewRef(errobj);
    if (errors == NULL) {
        Py_DECREF(encoding);
        return -1;
    }
    Py_XSETREF(self->encoding, encoding);
    Py_XSETREF(self->errors, errors);
    memset(&self->dec, 0, sizeof(self->dec));
    self->dec.kind = kind;
    self->dec.byteorder = byteorder;
    self->dec.has_bom = has_bom;
    self->encoding_start = has_bom;
    self->chunk_size = 8192;
    self->line_buffering = (char)line_buffering;
    self->write_through = (char)write_through;
    self->readuniversal = newline == NULL || newline[0] == '\0';
    self->readtranslate = newline == NULL;
    Py_CLEAR(self->readnl);
    if (newline != NULL && newline[0] != '\0') {
        self->readnl = Py_NewRef(nlobj);
    }
    self->writetranslate = newline == NULL || newline[0] != '\0';
    self->writenl = NULL;
    if (!self->readuniversal && self->readnl != NULL) {
        self->writenl = PyUnicode_AsUTF8AndSize(self->readnl, NULL);
        if (strcmp(self->writenl, "\n") == 0) {
            self->writenl = NULL;
        }
    }
    Py_XSETREF(self->buffer, Py_NewRef(buffer));
    set_decoded(self, NULL);
    Py_CLEAR(self->snapshot_input);
    Py_CLEAR(self->pending_bytes);
    self->pending_bytes_count = 0;

    PyObject *r = PyObject_CallMethod(buffer, "readable", NULL);
    if (r == NULL) {
        return -1;
    }
    int t = PyObject_IsTrue(r);
    Py_DECREF(r);
    if (t < 0) {
        return -1;
    }
    self->readable = (char)t;
    r = PyObject_CallMethod(buffer, "writable", NULL);
    if (r == NULL) {
        return -1;
    }
    t = PyObject_IsTrue(r);
    Py_DECREF(r);
    if (t < 0) {
        return -1;
    }
    self->writable = (char)t;
    r = PyObject_CallMethod(buffer, "seekable", NULL);
    if (r == NULL) {
        return -1;
    }
    t = PyObject_IsTrue(r);
    Py_DECREF(r);
    if (t < 0) {
        return -1;
    }
    self->seekable = self->telling = (char)t;
    PyObject *read1 = NULL;
    if (PyObject_GetOptionalAttrString(buffer, "read1", &read1) < 0) {
        return -1;
    }
    self->has_read1 = read1 != NULL;
    Py_XDECREF(read1);
    if (self->encoding_start && self->seekable && self->writable) {
        r = PyObject_CallMethod(buffer, "tell", NULL);
        if (r == NULL) {
            return -1;
        }
        int zero = PyLong_Check(r) && PyLong_AsLongLong(r) == 0;
        Py_DECREF(r);
        if (!zero) {
            self->encoding_start = 0;
        }
    }
    self->ok = 1;
    return 0;
}

static int
textio_traverse(PyObject *op, visitproc visit, void *arg)
{
    textio *self = (textio *)op;
    Py_VISIT(self->buffer);
    Py_VISIT(self->encoding);
    Py_VISIT(self->errors);
    Py_VISIT(self->readnl);
    Py_VISIT(self->decoded_chars);
    Py_VISIT(self->snapshot_input);
    Py_VISIT(self->pending_bytes);
    Py_VISIT(self->dict);
    return 0;
}

static int
textio_clear(PyObject *op)
{
    textio *self = (textio *)op;
    self->ok = 0;
    Py_CLEAR(self->buffer);
    Py_CLEAR(self->encoding);
    Py_CLEAR(self->errors);
    Py_CLEAR(self->readnl);
    self->writenl = NULL;
    Py_CLEAR(self->decoded_chars);
    Py_CLEAR(self->snapshot_input);
    Py_CLEAR(self->pending_bytes);
    Py_CLEAR(self->dict);
    return 0;
}

static void
textio_dealloc(PyObject *op)
{
    if (_PyIOBase_FinalizeFromDealloc(op)) {
        return;
    }
    PyObject_GC_UnTrack(op);
    _PyIO_ClearWeakRefs(op);
    textio_clear(op);
    Py_TYPE(op)->tp_free(op);
}

/* Hand the pending encoded writes to the buffer. */
static int
writeflush(textio *self)
{
    if (self->pending_bytes == NULL) {
        return 0;
    }
    PyObject *pending = self->pending_bytes;
    self->pending_bytes = NULL;
    self->pending_bytes_count = 0;
    PyObject *b;
    if (PyList_GET_SIZE(pending) == 1) {
        b = Py_NewRef(PyList_GET_ITEM(pending, 0));
    }
    else {
        PyObject *empty = PyBytes_FromStringAndSize(NULL, 0);
        b = empty ? _PyBytes_Join(empty, pending) : NULL;
        Py_XDECREF(empty);
    }
    Py_DECREF(pending);
    if (b == NULL) {
        return -1;
    }
    PyObject *r = PyObject_CallMethod(self->buffer, "write", "O", b);
    Py_DECREF(b);
    if (r == NULL) {
        return -1;
    }
    Py_DECREF(r);
    return 0;
}

static PyObject *
encode_text(textio *self, PyObject *text)
{
    const char *enc = PyUnicode_AsUTF8AndSize(self->encoding, NULL);
    const char *errors = PyUnicode_AsUTF8AndSize(self->errors, NULL);
    if (enc == NULL || errors == NULL) {
        return NULL;
    }
    switch (self->dec.kind) {
    case K_UTF8:
        return _PyUnicode_AsUTF8String(text, errors);
    case K_ASCII:
        return PyUnicode_AsEncodedString(text, "ascii", errors);
    case K_LATIN1:
        return PyUnicode_AsEncodedString(text, "latin-1", errors);
    case K_UTF16:
    case K_UTF32: {
        int utf16 = self->dec.kind == K_UTF16;
        if (self->dec.has_bom && self->encoding_start) {
            PyObject *b = PyUnicode_AsEncodedString(text, utf16 ? "utf-16" : "utf-32", errors);
            if (b != NULL) {
                self->encoding_start = 0;
            }
            return b;
        }
        int bo = self->dec.byteorder;
        if (self->dec.has_bom) {
            bo = -1;  /* what the BOM-writing encoder used on this machine */
        }
        const char *name = utf16 ? (bo == 1 ? "utf-16-be" : "utf-16-le")
                                 : (bo == 1 ? "utf-32-be" : "utf-32-le");
        return PyUnicode_AsEncodedString(text, name, errors);
    }
    default:
        return PyUnicode_AsEncodedString(text, enc, errors);
    }
}

static PyObject *
textio_write_impl(textio *self, PyObject *text)
{
    TEXT_CHECK_INIT(self, NULL)
    if (text_check_closed(self) < 0) {
        return NULL;
    }
    if (!self->writable) {
        return _PyIO_Unsupported("not writable");
    }
    Py_ssize_t textlen = PyUnicode_GET_LENGTH(text);
    int haslf = 0, needflush = 0;
    if ((self->writetranslate && self->writenl != NULL) || self->line_buffering) {
        if (PyUnicode_FindChar(text, '\n', 0, textlen, 1) >= 0) {
            haslf = 1;
        }
    }
    Py_INCREF(text);
    if (haslf && self->writetranslate && self->writenl != NULL) {
        PyObject *nl = PyUnicode_FromString("\n");
        PyObject *repl = PyUnicode_FromString(self->writenl);
        PyObject *n = (nl && repl) ? PyUnicode_Replace(text, nl, repl, -1) : NULL;
        Py_XDECREF(nl);
        Py_XDECREF(repl);
        Py_DECREF(text);
        if (n == NULL) {
            return NULL;
        }
        text = n;
    }
    if (self->line_buffering &&
        (haslf || PyUnicode_FindChar(text, '\r', 0, PyUnicode_GET_LENGTH(text), 1) >= 0)) {
        needflush = 1;
    }
    PyObject *b = encode_text(self, text);
    Py_DECREF(text);
    if (b == NULL) {
        return NULL;
    }
    if (self->pending_bytes == NULL) {
        self->pending_bytes = PyList_New(0);
        if (self->pending_bytes == NULL) {
            Py_DECREF(b);
            return NULL;
        }
    }
    Py_ssize_t blen = PyBytes_GET_SIZE(b);
    int r = PyList_Append(self->pending_bytes, b);
    Py_DECREF(b);
    if (r < 0) {
        return NULL;
    }
    self->pending_bytes_count += blen;
    if (self->pending_bytes_count >= self->chunk_size || needflush || self->write_through) {
        if (writeflush(self) < 0) {
            return NULL;
        }
    }
    if (needflush) {
        PyObject *res = PyObject_CallMethod(self->buffer, "flush", NULL);
        if (res == NULL) {
            return NULL;
        }
        Py_DECREF(res);
    }
    set_decoded(self, NULL);
    Py_CLEAR(self->snapshot_input);
    if (self->readable) {
        reset_decoder(self, 0);
    }
    return PyLong_FromSsize_t(textlen);
}

static PyObject *
textio_write(PyObject *op, PyObject *text)
{
    if (!PyUnicode_Check(text)) {
        PyErr_Format(PyExc_TypeError, "write() argument must be str, not %.100s",
                     Py_TYPE(text)->tp_name);
        return NULL;
    }
    PyObject *res;
    Py_BEGIN_CRITICAL_SECTION(op);
    res = textio_write_impl((textio *)op, text);
    Py_END_CRITICAL_SECTION();
    return res;
}

/* Read and decode one chunk; 1 if data came, 0 at EOF, -1 on error. */
static int
read_chunk(textio *self, Py_ssize_t size_hint)
{
    Py_ssize_t size = self->chunk_size;
    if (size_hint > 0 && size_hint > size) {
        size = size_hint;
    }
    int flags_before = self->dec.pendingcr;
    PyObject *chunk = PyObject_CallMethod(self->buffer, self->has_read1 ? "read1" : "read",
                                          "n", size);
    if (chunk == NULL) {
        return -1;
    }
    if (chunk == Py_None) {
        Py_DECREF(chunk);
        chunk = PyBytes_FromStringAndSize(NULL, 0);
        if (chunk == NULL) {
            return -1;
        }
    }
    if (!PyBytes_Check(chunk)) {
        PyErr_Format(PyExc_TypeError,
                     "underlying %s() should have returned a bytes-like object, not '%.200s'",
                     self->has_read1 ? "read1" : "read", Py_TYPE(chunk)->tp_name);
        Py_DECREF(chunk);
        return -1;
    }
    Py_ssize_t n = PyBytes_GET_SIZE(chunk);
    int eof = n == 0;
    /* snapshot: the decoder's undecoded bytes followed by this chunk. */
    PyObject *next_input = NULL;
    if (self->telling) {
        next_input = PyBytes_FromStringAndSize(NULL, self->dec.npending + n);
        if (next_input == NULL) {
            Py_DECREF(chunk);
            return -1;
        }
        memcpy(PyBytes_AS_STRING(next_input), self->dec.pending, self->dec.npending);
        memcpy(PyBytes_AS_STRING(next_input) + self->dec.npending, PyBytes_AS_STRING(chunk), n);
    }
    const char *enc = PyUnicode_AsUTF8AndSize(self->encoding, NULL);
    const char *errors = PyUnicode_AsUTF8AndSize(self->errors, NULL);
    PyObject *decoded = NULL;
    if (enc && errors) {
        decoded = text_decode(&self->dec, enc, errors, PyBytes_AS_STRING(chunk), n, eof,
                              self->readuniversal, self->readtranslate);
    }
    Py_DECREF(chunk);
    if (decoded == NULL) {
        Py_XDECREF(next_input);
        return -1;
    }
    set_decoded(self, decoded);
    if (self->telling) {
        self->snapshot_flags = flags_before;
        Py_XSETREF(self->snapshot_input, next_input);
    }
    return !eof;
}

static PyObject *
take_decoded(textio *self, Py_ssize_t n)
{
    if (self->decoded_chars == NULL) {
        return PyUnicode_FromStringAndSize("", 0);
    }
    Py_ssize_t avail = PyUnicode_GET_LENGTH(self->decoded_chars) - self->decoded_chars_used;
    if (n < 0 || n > avail) {
        n = avail;
    }
    PyObject *s;
    if (self->decoded_chars_used == 0 && n == PyUnicode_GET_LENGTH(self->decoded_chars)) {
        s = Py_NewRef(self->decoded_chars);
    }
    else {
        s = PyUnicode_Substring(self->decoded_chars, self->decoded_chars_used,
                                self->decoded_chars_used + n);
    }
    if (s != NULL) {
        self->decoded_chars_used += n;
    }
    return s;
}

static PyObject *
textio_read_impl(textio *self, Py_ssize_t n)
{
    TEXT_CHECK_INIT(self, NULL)
    if (text_check_closed(self) < 0) {
        return NULL;
    }
    if (!self->readable) {
        return _PyIO_Unsupported("not readable");
    }
    if (writeflush(self) < 0) {
        return NULL;
    }
    if (n < 0) {
        PyObject *bytes = PyObject_CallMethod(self->buffer, "read", NULL);
        if (bytes == NULL) {
            return NULL;
        }
        if (bytes == Py_None) {
            Py_DECREF(bytes);
            bytes = PyBytes_FromStringAndSize(NULL, 0);
            if (bytes == NULL) {
                return NULL;
            }
        }
        if (!PyBytes_Check(bytes)) {
            PyErr_Format(PyExc_TypeError,
                         "underlying read() should have returned a bytes object, not '%.200s'",
                         Py_TYPE(bytes)->tp_name);
            Py_DECREF(bytes);
            return NULL;
        }
        const char *enc = PyUnicode_AsUTF8AndSize(self->encoding, NULL);
        const char *errors = PyUnicode_AsUTF8AndSize(self->errors, NULL);
        PyObject *decoded = NULL;
        if (enc && errors) {
            decoded = text_decode(&self->dec, enc, errors, PyBytes_AS_STRING(bytes),
                                  PyBytes_GET_SIZE(bytes), 1, self->readuniversal,
                                  self->readtranslate);
        }
        Py_DECREF(bytes);
        if (decoded == NULL) {
            return NULL;
        }
        PyObject *head = take_decoded(self, -1);
        if (head == NULL) {
            Py_DECREF(decoded);
            return NULL;
        }
        PyObject *res = PyUnicode_Concat(head, decoded);
        Py_DECREF(head);
        Py_DECREF(decoded);
        set_decoded(self, NULL);
        Py_CLEAR(self->snapshot_input);
        return res;
    }
    PyObject *result = take_decoded(self, n);
    if (result == NULL) {
        return NULL;
    }
    Py_ssize_t remaining = n - PyUnicode_GET_LENGTH(result);
    PyObject *chunks = NULL;
    while (remaining > 0) {
        int r = read_chunk(self, remaining);
        if (r < 0) {
            Py_XDECREF(chunks);
            Py_DECREF(result);
            return NULL;
        }
        if (r == 0 && (self->decoded_chars == NULL ||
                       PyUnicode_GET_LENGTH(self->decoded_chars) == 0)) {
            break;
        }
        PyObject *part = take_decoded(self, remaining);
        if (part == NULL) {
            Py_XDECREF(chunks);
            Py_DECREF(result);
            return NULL;
        }
        remaining -= PyUnicode_GET_LENGTH(part);
        if (chunks == NULL) {
            chunks = PyList_New(0);
            if (chunks == NULL || PyList_Append(chunks, result) < 0) {
                Py_XDECREF(chunks);
                Py_DECREF(result);
                Py_DECREF(part);
                return NULL;
            }
            Py_DECREF(result);
            result = NULL;
        }
        int ar = PyList_Append(chunks, part);
        Py_DECREF(part);
        if (ar < 0) {
            Py_DECREF(chunks);
            return NULL;
        }
        if (r == 0) {
            break;
        }
    }
    if (chunks != NULL) {
        PyObject *empty = PyUnicode_FromStringAndSize("", 0);
        result = empty ? PyUnicode_Join(empty, chunks) : NULL;
        Py_XDECREF(empty);
        Py_DECREF(chunks);
    }
    return result;
}

static PyObject *
textio_read(PyObject *op, PyObject *args)
{
    PyObject *sizeobj = Py_None;
    Py_ssize_t n;
    if (!PyArg_ParseTuple(args, "|O:read", &sizeobj) || !_PyIO_ConvertSize(sizeobj, &n)) {
        return NULL;
    }
    PyObject *res;
    Py_BEGIN_CRITICAL_SECTION(op);
    res = textio_read_impl((textio *)op, n);
    Py_END_CRITICAL_SECTION();
    return res;
}

/* Index just past the first line ending in s[start:], or -1 if none yet
 * (*resume says where the next search may start). */
static Py_ssize_t
find_line_end(textio *self, PyObject *s, Py_ssize_t start, Py_ssize_t *resume)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(s);
    int kind = PyUnicode_KIND(s);
    const void *data = PyUnicode_DATA(s);
    if (self->readtranslate) {
        Py_ssize_t i = PyUnicode_FindChar(s, '\n', start, len, 1);
        if (i >= 0) {
            return i + 1;
        }
        *resume = len;
        return -1;
    }
    if (self->readuniversal) {
        for (Py_ssize_t i = start; i < len; i++) {
            Py_UCS4 c = PyUnicode_READ(kind, data, i);
            if (c == '\n') {
                return i + 1;
            }
            if (c == '\r') {
                if (i + 1 < len) {
                    return PyUnicode_READ(kind, data, i + 1) == '\n' ? i + 2 : i + 1;
                }
                *resume = i;
                return -1;
            }
        }
        *resume = len;
        return -1;
    }
    Py_ssize_t nllen = PyUnicode_GET_LENGTH(self->readnl);
    Py_ssize_t i = PyUnicode_Find(s, self->readnl, start, len, 1);
    if (i >= 0) {
        return i + nllen;
    }
    if (i == -2) {
        return -2;
    }
    *resume = len - nllen + 1 > start ? len - nllen + 1 : start;
    return -1;
}

static PyObject *
textio_readline_impl(textio *self, Py_ssize_t limit)
{
    TEXT_CHECK_INIT(self, NULL)
    if (text_check_closed(self) < 0) {
        return NULL;
    }
    if (!self->readable) {
        return _PyIO_Unsupported("not readable");
    }
    if (writeflush(self) < 0) {
        return NULL;
    }
    PyObject *line = take_decoded(self, -1);
    if (line == NULL) {
        return NULL;
    }
    Py_ssize_t start = 0, endpos = -1;
    for (;;) {
        Py_ssize_t resume = start;
        endpos = find_line_end(self, line, start, &resume);
        if (endpos == -2) {
            Py_DECREF(line);
            return NULL;
        }
        if (endpos >= 0) {
            if (limit >= 0 && endpos > limit) {
                endpos = limit;
            }
            break;
        }
        Py_ssize_t len = PyUnicode_GET_LENGTH(line);
        if (limit >= 0 && len >= limit) {
            endpos = limit;
            break;
        }
        start = resume;
        /* More data. */
        int r;
        do {
            r = read_chunk(self, 0);
        } while (r > 0 && (self->decoded_chars == NULL ||
                           PyUnicode_GET_LENGTH(self->decoded_chars) == 0));
        if (r < 0) {
            Py_DECREF(line);
            return NULL;
        }
        if (self->decoded_chars == NULL || PyUnicode_GET_LENGTH(self->decoded_chars) == 0) {
            /* EOF */
            set_decoded(self, NULL);
            Py_CLEAR(self->snapshot_input);
            endpos = len;
            break;
        }
        PyObject *more = take_decoded(self, -1);
        if (more == NULL) {
            Py_DECREF(line);
            return NULL;
        }
        PyObject *n = PyUnicode_Concat(line, more);
        Py_DECREF(more);
        Py_DECREF(line);
        if (n == NULL) {
            return NULL;
        }
        line = n;
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(line);
    if (endpos < len) {
        /* Give back what follows the line: it is a suffix of decoded_chars. */
        self->decoded_chars_used -= len - endpos;
        if (self->decoded_chars_used < 0) {
            self->decoded_chars_used = 0;
        }
        PyObject *n = PyUnicode_Substring(line, 0, endpos);
        Py_DECREF(line);
        line = n;
    }
    return line;
}

static PyObject *
textio_readline(PyObject *op, PyObject *args)
{
    PyObject *sizeobj = Py_None;
    Py_ssize_t n;
    if (!PyArg_ParseTuple(args, "|O:readline", &sizeobj)) {
        return NULL;
    }
    if (sizeobj != Py_None && !PyIndex_Check(sizeobj)) {
        PyErr_Format(PyExc_TypeError, "argument should be integer or None, not '%.200s'",
                     Py_TYPE(sizeobj)->tp_name);
        return NULL;
    }
    if (!_PyIO_ConvertSize(sizeobj, &n)) {
        return NULL;
    }
    PyObject *res;
    Py_BEGIN_CRITICAL_SECTION(op);
    res = textio_readline_impl((textio *)op, n);
    Py_END_CRITICAL_SECTION();
    return res;
}

static PyObject *
textio_iternext(PyObject *op)
{
    textio *self = (textio *)op;
    PyObject *line;
    Py_BEGIN_CRITICAL_SECTION(op);
    self->telling = 0;
    if (Py_IS_TYPE(op, &PyTextIOWrapper_Type)) {
        line = textio_readline_impl(self, -1);
    }
    else {
        line = PyObject_CallMethod(op, "readline", NULL);
        if (line && !PyUnicode_Check(line)) {
            PyErr_Format(PyExc_OSError,
                         "readline() should have returned a str object, not '%.200s'",
                         Py_TYPE(line)->tp_name);
            Py_CLEAR(line);
        }
    }
    if (line != NULL && PyUnicode_GET_LENGTH(line) == 0) {
        Py_CLEAR(line);
        Py_CLEAR(self->snapshot_input);
        self->telling = self->seekable;
    }
    Py_END_CRITICAL_SECTION();
    return line;
}

static PyObject *
textio_flush_impl(textio *self)
{
    TEXT_CHECK_INIT(self, NULL)
    if (text_check_closed(self) < 0) {
        return NULL;
    }
    self->telling = self->seekable;
    if (writeflush(self) < 0) {
        return NULL;
    }
    return PyObject_CallMethod(self->buffer, "flush", NULL);
}

static PyObject *
textio_flush(PyObject *op, PyObject *unused)
{
    PyObject *res;
    Py_BEGIN_CRITICAL_SECTION(op);
    res = textio_flush_impl((textio *)op);
    Py_END_CRITICAL_SECTION();
    return res;
}

static PyObject *
textio_close_impl(textio *self)
{
    TEXT_CHECK_INIT(self, NULL)
    PyObject *res = PyObject_GetAttrString(self->buffer, "closed");
    if (res == NULL) {
        return NULL;
    }
    int closed = PyObject_IsTrue(res);
    Py_DECREF(res);
    if (closed < 0) {
        return NULL;
    }
    if (closed) {
        Py_RETURN_NONE;
    }
    if (self->finalizing) {
        res = PyObject_CallMethod(self->buffer, "_dealloc_warn", "O", (PyObject *)self);
        if (res == NULL) {
            PyErr_Clear();
        }
        Py_XDECREF(res);
    }
    PyObject *exc = NULL;
    res = PyObject_CallMethod((PyObject *)self, "flush", NULL);
    if (res == NULL) {
        exc = PyErr_GetRaisedException();
    }
    Py_XDECREF(res);
    res = PyObject_CallMethod(self->buffer, "close", NULL);
    if (exc != NULL) {
        if (res == NULL) {
            _PyErr_ChainExceptions1(exc);
        }
        else {
            Py_CLEAR(res);
            PyErr_SetRaisedException(exc);
        }
    }
    return res;
}

static PyObject *
textio_close(PyObject *op, PyObject *unused)
{
    PyObject *res;
    Py_BEGIN_CRITICAL_SECTION(op);
    res = textio_close_impl((textio *)op);
    Py_END_CRITICAL_SECTION();
    return res;
}

static PyObject *
textio_detach_impl(textio *self)
{
    TEXT_CHECK_INIT(self, NULL)
    PyObject *res = PyObject_CallMethod((PyObject *)self, "flush", NULL);
    if (res == NULL) {
        return NULL;
    }
    Py_DECREF(res);
    PyObject *buffer = self->buffer;
    self->buffer = NULL;
    self->detached = 1;
    self->ok = 0;
    return buffer;
}

static PyObject *
textio_detach(PyObject *op, PyObject *unused)
{
    PyObject *res;
    Py_BEGIN_CRITICAL_SECTION(op);
    res = textio_detach_impl((textio *)op);
    Py_END_CRITICAL_SECTION();
    return res;
}

/* Cookie layout as CPython's: start position, decoder flags,
 * bytes to feed, chars to skip, need EOF; 64 bits each. */
typedef struct {
    long long start_pos;
    int dec_flags;
    int bytes_to_feed;
    int chars_to_skip;
    char need_eof;
} cookie_t;

static PyObject *
build_cookie(cookie_t *c)
{
    if (c->dec_flags == 0 && c->bytes_to_feed == 0 && c->chars_to_skip == 0 && !c->need_eof) {
        return PyLong_FromLongLong(c->start_pos);
    }
    unsigned char buf[40];
    memset(buf, 0, sizeof(buf));
    unsigned long long parts[5] = {(unsigned long long)c->start_pos,
                                   (unsigned long long)c->dec_flags,
                                   (unsigned long long)c->bytes_to_feed,
                                   (unsigned long long)c->chars_to_skip,
                                   (unsigned long long)c->need_eof};
    PyObject *res = PyLong_FromLong(0);
    for (int i = 4; i >= 0 && res != NULL; i--) {
        PyObject *shift = PyLong_FromLong(64);
        PyObject *t = shift ? PyNumber_Lshift(res, shift) : NULL;
        Py_XDECREF(shift);
        Py_DECREF(res);
        if (t == NULL) {
            return NULL;
        }
        PyObject *p = PyLong_FromUnsignedLongLong(parts[i]);
        res = p ? PyNumber_Or(t, p) : NULL;
        Py_XDECREF(p);
        Py_DECREF(t);
    }
    return res;
}

static int
parse_cookie(PyObject *cookieobj, cookie_t *c)
{
    unsigned long long parts[5];
    PyObject *v = Py_NewRef(cookieobj);
    PyObject *mask = PyLong_FromUnsignedLongLong(0xFFFFFFFFFFFFFFFFULL);
    PyObject *shift = PyLong_FromLong(64);
    if (mask == NULL || shift == NULL) {
        goto fail;
    }
    for (int i = 0; i < 5; i++) {
        PyObject *p = PyNumber_And(v, mask);
        if (p == NULL) {
            goto fail;
        }
        parts[i] = PyLong_AsUnsignedLongLong(p);
        Py_DECREF(p);
        if (PyErr_Occurred()) {
            goto fail;
        }
        PyObject *n = PyNumber_Rshift(v, shift);
        if (n == NULL) {
            goto fail;
        }
        Py_SETREF(v, n);
    }
    Py_DECREF(v);
    Py_DECREF(mask);
    Py_DECREF(shift);
    c->start_pos = (long long)parts[0];
    c->dec_flags = (int)parts[1];
    c->bytes_to_feed = (int)parts[2];
    c->chars_to_skip = (int)parts[3];
    c->need_eof = (char)(parts[4] != 0);
    return 0;
fail:
    Py_XDECREF(v);
    Py_XDECREF(mask);
    Py_XDECREF(shift);
    return -1;
}

static PyObject *
textio_tell_impl(textio *self)
{
    TEXT_CHECK_INIT(self, NULL)
    if (text_check_closed(self) < 0) {
        return NULL;
    }
    if (!self->seekable) {
        return _PyIO_Unsupported("underlying stream is not seekable");
    }
    if (!self->telling) {
        PyErr_SetString(PyExc_OSError, "telling position disabled by next() call");
        return NULL;
    }
    if (writeflush(self) < 0) {
        return NULL;
    }
    PyObject *r = PyObject_CallMethod((PyObject *)self, "flush", NULL);
    if (r == NULL) {
        return NULL;
    }
    Py_DECREF(r);
    PyObject *posobj = PyObject_CallMethod(self->buffer, "tell", NULL);
    if (posobj == NULL) {
        return NULL;
    }
    if (!self->readable || self->snapshot_input == NULL) {
        return posobj;
    }
    long long pos = PyLong_AsLongLong(posobj);
    Py_DECREF(posobj);
    if (pos == -1 && PyErr_Occurred()) {
        return NULL;
    }
    Py_ssize_t inlen = PyBytes_GET_SIZE(self->snapshot_input);
    cookie_t c = {pos - inlen, self->snapshot_flags, 0, 0, 0};
    Py_ssize_t skip = self->decoded_chars_used;
    if (skip == 0) {
        return build_cookie(&c);
    }
    /* Feed the snapshot's bytes one at a time to a copy of the decoder
     * until `skip` characters came out; the last point where the decoder
     * held nothing is where the cookie starts. */
    text_decoder_state st = self->dec;
    st.npending = 0;
    st.pendingcr = self->snapshot_flags & 1;
    if (st.has_bom) {
        st.byteorder = self->dec.byteorder;
    }
    const char *enc = PyUnicode_AsUTF8AndSize(self->encoding, NULL);
    const char *errors = PyUnicode_AsUTF8AndSize(self->errors, NULL);
    if (enc == NULL || errors == NULL) {
        return NULL;
    }
    const char *in = PyBytes_AS_STRING(self->snapshot_input);
    Py_ssize_t chars = 0;
    Py_ssize_t clean_bytes = 0, clean_chars = 0;
    int clean_flags = c.dec_flags;
    for (Py_ssize_t i = 0; i < inlen; i++) {
        PyObject *out = text_decode(&st, enc, errors, in + i, 1, 0, self->readuniversal,
                                    self->readtranslate);
        if (out == NULL) {
            return NULL;
        }
        chars += PyUnicode_GET_LENGTH(out);
        Py_DECREF(out);
        if (st.npending == 0 && st.pendingcr == 0 && chars <= skip) {
            clean_bytes = i + 1;
            clean_chars = chars;
            clean_flags = 0;
        }
        if (chars >= skip) {
            if (chars == skip && st.npending == 0 && st.pendingcr == 0) {
                c.start_pos += i + 1;
                c.dec_flags = 0;
                return build_cookie(&c);
            }
            c.start_pos += clean_bytes;
            c.dec_flags = clean_flags;
            c.bytes_to_feed = (int)(i + 1 - clean_bytes);
            c.chars_to_skip = (int)(skip - clean_chars);
            return build_cookie(&c);
        }
    }
    /* Needs the final flush of the decoder to produce them. */
    c.start_pos += clean_bytes;
    c.dec_flags = clean_flags;
    c.bytes_to_feed = (int)(inlen - clean_bytes);
    c.chars_to_skip = (int)(skip - clean_chars);
    c.need_eof = 1;
    return build_cookie(&c);
}

static PyObject *
textio_tell(PyObject *op, PyObject *unused)
{
    PyObject *res;
    Py_BEGIN_CRITICAL_SECTION(op);
    res = textio_tell_impl((textio *)op);
    Py_END_CRITICAL_SECTION();
    return res;
}

static PyObject *
textio_seek_impl(textio *self, PyObject *cookieobj, int whence)
{
    TEXT_CHECK_INIT(self, NULL)
    if (text_check_closed(self) < 0) {
        return NULL;
    }
    if (!self->seekable) {
        return _PyIO_Unsupported("underlying stream is not seekable");
    }
    PyObject *res;
    Py_INCREF(cookieobj);
    switch (whence) {
    case 1: {
        int zero = PyObject_RichCompareBool(cookieobj, _PyLong_GetZero(), Py_EQ);
        if (zero < 0) {
            goto fail;
        }
        if (!zero) {
            _PyIO_Unsupported("can't do nonzero cur-relative seeks");
            goto fail;
        }
        Py_SETREF(cookieobj, PyObject_CallMethod((PyObject *)self, "tell", NULL));
        if (cookieobj == NULL) {
            return NULL;
        }
        break;
    }
    case 2: {
        int zero = PyObject_RichCompareBool(cookieobj, _PyLong_GetZero(), Py_EQ);
        if (zero < 0) {
            goto fail;
        }
        if (!zero) {
            _PyIO_Unsupported("can't do nonzero end-relative seeks");
            goto fail;
        }
        res = PyObject_CallMethod((PyObject *)self, "flush", NULL);
        if (res == NULL) {
            goto fail;
        }
        Py_DECREF(res);
        set_decoded(self, NULL);
        Py_CLEAR(self->snapshot_input);
        reset_decoder(self, 0);
        Py_DECREF(cookieobj);
        res = PyObject_CallMethod(self->buffer, "seek", "ii", 0, 2);
        if (res != NULL && self->dec.has_bom) {
            int zero2 = PyObject_RichCompareBool(res, _PyLong_GetZero(), Py_EQ);
            self->encoding_start = zero2 > 0;
        }
        return res;
    }
    case 0:
        break;
    default:
        PyErr_Format(PyExc_ValueError, "invalid whence (%d, should be 0, 1 or 2)", whence);
        goto fail;
    }
    int neg = PyObject_RichCompareBool(cookieobj, _PyLong_GetZero(), Py_LT);
    if (neg < 0) {
        goto fail;
    }
    if (neg) {
        PyErr_Format(PyExc_ValueError, "negative seek position %R", cookieobj);
        goto fail;
    }
    res = PyObject_CallMethod((PyObject *)self, "flush", NULL);
    if (res == NULL) {
        goto fail;
    }
    Py_DECREF(res);
    cookie_t c;
    if (parse_cookie(cookieobj, &c) < 0) {
        goto fail;
    }
    res = PyObject_CallMethod(self->buffer, "seek", "L", c.start_pos);
    if (res == NULL) {
        goto fail;
    }
    Py_DECREF(res);
    set_decoded(self, NULL);
    Py_CLEAR(self->snapshot_input);
    if (self->readable) {
        reset_decoder(self, c.dec_flags);
        if (c.start_pos != 0 && self->dec.has_bom && self->dec.byteorder == 0) {
            self->dec.byteorder = -1;
        }
        self->snapshot_flags = c.dec_flags;
    }
    if (c.chars_to_skip) {
        PyObject *input = PyObject_CallMethod(self->buffer, "read", "i", c.bytes_to_feed);
        if (input == NULL) {
            goto fail;
        }
        if (!PyBytes_Check(input)) {
            PyErr_Format(PyExc_TypeError,
                         "underlying read() should have returned a bytes object, not '%.200s'",
                         Py_TYPE(input)->tp_name);
            Py_DECREF(input);
            goto fail;
        }
        const char *enc = PyUnicode_AsUTF8AndSize(self->encoding, NULL);
        const char *errors = PyUnicode_AsUTF8AndSize(self->errors, NULL);
        PyObject *decoded = NULL;
        if (enc && errors) {
            decoded = text_decode(&self->dec, enc, errors, PyBytes_AS_STRING(input),
                                  PyBytes_GET_SIZE(input), c.need_eof, self->readuniversal,
                                  self->readtranslate);
        }
        if (decoded == NULL) {
            Py_DECREF(input);
            goto fail;
        }
        Py_XSETREF(self->snapshot_input, input);
        set_decoded(self, decoded);
        if (PyUnicode_GET_LENGTH(decoded) < c.chars_to_skip) {
            PyErr_SetString(PyExc_OSError, "can't restore logical file position");
            goto fail;
        }
        self->decoded_chars_used = c.chars_to_skip;
    }
    else if (self->readable && self->telling) {
        Py_XSETREF(self->snapshot_input, PyBytes_FromStringAndSize(NULL, 0));
    }
    if (self->writable && self->dec.has_bom) {
        self->encoding_start = c.start_pos == 0;
    }
    return cookieobj;
fail:
    Py_DECREF(cookieobj);
    return NULL;
}

static PyObject *
textio_seek(PyObject *op, PyObject *args)
{
    PyObject *cookieobj;
    int whence = 0;
    if (!PyArg_ParseTuple(args, "O|i:seek", &cookieobj, &whence)) {
        return NULL;
    }
    if (!PyLong_Check(cookieobj)) {
        PyObject *idx = PyNumber_Index(cookieobj);
        if (idx == NULL) {
            return NULL;
        }
        cookieobj = idx;
    }
    else {
        Py_INCREF(cookieobj);
    }
    PyObject *res;
    Py_BEGIN_CRITICAL_SECTION(op);
    res = textio_seek_impl((textio *)op, cookieobj, whence);
    Py_END_CRITICAL_SECTION();
    Py_DECREF(cookieobj);
    return res;
}

static PyObject *
textio_truncate(PyObject *op, PyObject *args)
{
    textio *self = (textio *)op;
    PyObject *pos = Py_None;
    if (!PyArg_ParseTuple(args, "|O:truncate", &pos)) {
        return NULL;
    }
    TEXT_CHECK_INIT(self, NULL)
    PyObject *r = PyObject_CallMethod(op, "flush", NULL);
    if (r == NULL) {
        return NULL;
    }
    Py_DECREF(r);
    return PyObject_CallMethod(self->buffer, "truncate", "O", pos);
}

static PyObject *
textio_forward(PyObject *op, const char *name)
{
    textio *self = (textio *)op;
    TEXT_CHECK_INIT(self, NULL)
    return PyObject_CallMethod(self->buffer, name, NULL);
}

static PyObject *
textio_fileno(PyObject *op, PyObject *u)
{
    return textio_forward(op, "fileno");
}

static PyObject *
textio_seekable(PyObject *op, PyObject *u)
{
    return textio_forward(op, "seekable");
}

static PyObject *
textio_readable(PyObject *op, PyObject *u)
{
    return textio_forward(op, "readable");
}

static PyObject *
textio_writable(PyObject *op, PyObject *u)
{
    return textio_forward(op, "writable");
}

static PyObject *
textio_isatty(PyObject *op, PyObject *u)
{
    return textio_forward(op, "isatty");
}

static PyObject *
textio_reconfigure_impl(textio *self, PyObject *encobj, PyObject *errobj, PyObject *nlobj,
                        PyObject *lbobj, PyObject *wtobj)
{
    TEXT_CHECK_INIT(self, NULL)
    if (encobj != Py_None && !PyUnicode_Check(encobj)) {
        PyErr_Format(PyExc_TypeError,
                     "reconfigure() argument 'encoding' must be str or None, not %s",
                     Py_TYPE(encobj)->tp_name);
        return NULL;
    }
    if (errobj != Py_None && !PyUnicode_Check(errobj)) {
        PyErr_Format(PyExc_TypeError,
                     "reconfigure() argument 'errors' must be str or None, not %s",
                     Py_TYPE(errobj)->tp_name);
        return NULL;
    }
    const char *newline = NULL;
    if (nlobj != NULL && nlobj != Py_None) {
        if (!PyUnicode_Check(nlobj)) {
            PyErr_Format(PyExc_TypeError,
                         "reconfigure() argument 'newline' must be str or None, not %s",
                         Py_TYPE(nlobj)->tp_name);
            return NULL;
        }
        newline = PyUnicode_AsUTF8AndSize(nlobj, NULL);
        if (newline == NULL) {
            return NULL;
        }
        if (strcmp(newline, "") != 0 && strcmp(newline, "\n") != 0 &&
            strcmp(newline, "\r") != 0 && strcmp(newline, "\r\n") != 0) {
            PyErr_Format(PyExc_ValueError, "illegal newline value: %s", newline);
            return NULL;
        }
    }
    if ((encobj != Py_None || nlobj != NULL) &&
        (self->decoded_chars != NULL || self->snapshot_input != NULL)) {
        return _PyIO_Unsupported(
            "It is not possible to set the encoding or newline of stream after the first read");
    }
    int lb = self->line_buffering, wt = self->write_through;
    if (lbobj != Py_None) {
        lb = PyObject_IsTrue(lbobj);
        if (lb < 0) {
            return NULL;
        }
    }
    if (wtobj != Py_None) {
        wt = PyObject_IsTrue(wtobj);
        if (wt < 0) {
            return NULL;
        }
    }
    PyObject *r = PyObject_CallMethod((PyObject *)self, "flush", NULL);
    if (r == NULL) {
        return NULL;
    }
    Py_DECREF(r);
    if (encobj != Py_None || errobj != Py_None) {
        PyObject *encoding = encobj != Py_None ? Py_NewRef(encobj) : Py_NewRef(self->encoding);
        if (encobj != Py_None && PyUnicode_EqualToUTF8(encobj, "locale")) {
            Py_SETREF(encoding, PyUnicode_FromString("UTF-8"));
            if (encoding == NULL) {
                return NULL;
            }
        }
        PyObject *errors;
        if (errobj != Py_None) {
            errors = Py_NewRef(errobj);
        }
        else if (encobj != Py_None) {
            errors = PyUnicode_FromString("strict");
        }
        else {
            errors = Py_NewRef(self->errors);
        }
        if (errors == NULL) {
            Py_DECREF(encoding);
            return NULL;
        }
        const char *enc = PyUnicode_AsUTF8AndSize(encoding, NULL);
        enum codec_kind kind;
        int byteorder;
        char has_bom;
        if (enc == NULL || classify_encoding(enc, &kind, &byteorder, &has_bom) < 0) {
            Py_DECREF(encoding);
            Py_DECREF(errors);
            return NULL;
        }
        Py_SETREF(self->encoding, encoding);
        Py_SETREF(self->errors, errors);
        memset(&self->dec, 0, sizeof(self->dec));
        self->dec.kind = kind;
        self->dec.byteorder = byteorder;
        self->dec.has_bom = has_bom;
        self->encoding_start = 0;
    }
    if (nlobj != NULL) {
        self->readuniversal = newline == NULL || newline[0] == '\0';
        self->readtranslate = newline == NULL;
        Py_CLEAR(self->readnl);
        if (newline != NULL && newline[0] != '\0') {
            self->readnl = Py_NewRef(nlobj);
        }
        self->writetranslate = newline == NULL || newline[0] != '\0';
        self->writenl = NULL;
        if (!self->readuniversal && self->readnl != NULL) {
            self->writenl = PyUnicode_AsUTF8AndSize(self->readnl, NULL);
            if (strcmp(self->writenl, "\n") == 0) {
                self->writenl = NULL;
            }
        }
    }
    self->line_buffering = (char)lb;
    self->write_through = (char)wt;
    Py_RETURN_NONE;
}

static PyObject *
textio_reconfigure(PyObject *op, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"encoding", "errors", "newline", "line_buffering",
                             "write_through", NULL};
    PyObject *encobj = Py_None, *errobj = Py_None, *nlobj = NULL, *lbobj = Py_None,
             *wtobj = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|$OOOOO:reconfigure", kwlist, &encobj,
                                     &errobj, &nlobj, &lbobj, &wtobj)) {
        return NULL;
    }
    PyObject *res;
    Py_BEGIN_CRITICAL_SECTION(op);
    res = textio_reconfigure_impl((textio *)op, encobj, errobj, nlobj, lbobj, wtobj);
    Py_END_CRITICAL_SECTION();
    return res;
}

static PyObject *
textio_repr(PyObject *op)
{
    textio *self = (textio *)op;
    if (!self->ok) {
        return PyUnicode_FromFormat("<%s>", Py_TYPE(op)->tp_name);
    }
    int status = Py_ReprEnter(op);
    if (status != 0) {
        if (status > 0) {
            PyErr_Format(PyExc_RuntimeError, "reentrant call inside %s.__repr__",
                         Py_TYPE(op)->tp_name);
        }
        return NULL;
    }
    PyObject *parts = PyList_New(0);
    PyObject *res = NULL;
    if (parts == NULL) {
        goto done;
    }
    PyObject *s = PyUnicode_FromFormat("<%s", Py_TYPE(op)->tp_name);
    if (s == NULL || PyList_Append(parts, s) < 0) {
        Py_XDECREF(s);
        goto done;
    }
    Py_DECREF(s);
    const char *attrs[] = {"name", "mode"};
    for (int i = 0; i < 2; i++) {
        PyObject *v = NULL;
        if (PyObject_GetOptionalAttrString(op, attrs[i], &v) < 0) {
            if (!PyErr_ExceptionMatches(PyExc_ValueError)) {
                goto done;
            }
            PyErr_Clear();
        }
        if (v != NULL) {
            s = PyUnicode_FromFormat(" %s=%R", attrs[i], v);
            Py_DECREF(v);
            if (s == NULL || PyList_Append(parts, s) < 0) {
                Py_XDECREF(s);
                goto done;
            }
            Py_DECREF(s);
        }
    }
    s = PyUnicode_FromFormat(" encoding=%R>", self->encoding);
    if (s == NULL || PyList_Append(parts, s) < 0) {
        Py_XDECREF(s);
        goto done;
    }
    Py_DECREF(s);
    {
        PyObject *empty = PyUnicode_FromStringAndSize("", 0);
        res = empty ? PyUnicode_Join(empty, parts) : NULL;
        Py_XDECREF(empty);
    }
done:
    Py_XDECREF(parts);
    Py_ReprLeave(op);
    return res;
}

static PyObject *
textio_get_encoding(PyObject *op, void *c)
{
    textio *self = (textio *)op;
    TEXT_CHECK_INIT(self, NULL)
    return Py_NewRef(self->encoding);
}

static PyObject *
textio_get_errors(PyObject *op, void *c)
{
    textio *self = (textio *)op;
    TEXT_CHECK_INIT(self, NULL)
    return Py_NewRef(self->errors);
}

static PyObject *
textio_get_buffer(PyObject *op, void *c)
{
    textio *self = (textio *)op;
    TEXT_CHECK_INIT(self, NULL)
    return Py_NewRef(self->buffer);
}

static PyObject *
textio_get_line_buffering(PyObject *op, void *c)
{
    textio *self = (textio *)op;
    TEXT_CHECK_INIT(self, NULL)
    return PyBool_FromLong(self->line_buffering);
}

static PyObject *
textio_get_write_through(PyObject *op, void *c)
{
    textio *self = (textio *)op;
    TEXT_CHECK_INIT(self, NULL)
    return PyBool_FromLong(self->write_through);
}

static PyObject *
textio_get_newlines(PyObject *op, void *c)
{
    textio *self = (textio *)op;
    TEXT_CHECK_INIT(self, NULL)
    if (!self->readable || !self->readuniversal) {
        Py_RETURN_NONE;
    }
    return newlines_object(self->dec.seennl);
}

static PyObject *
textio_get_closed(PyObject *op, void *c)
{
    textio *self = (textio *)op;
    TEXT_CHECK_INIT(self, NULL)
    return PyObject_GetAttrString(self->buffer, "closed");
}

static PyObject *
textio_get_name(PyObject *op, void *c)
{
    textio *self = (textio *)op;
    TEXT_CHECK_INIT(self, NULL)
    return PyObject_GetAttrString(self->buffer, "name");
}

static PyObject *
textio_get_chunk_size(PyObject *op, void *c)
{
    textio *self = (textio *)op;
    TEXT_CHECK_INIT(self, NULL)
    return PyLong_FromSsize_t(self->chunk_size);
}

static int
textio_set_chunk_size(PyObject *op, PyObject *v, void *c)
{
    textio *self = (textio *)op;
    TEXT_CHECK_INIT(self, -1)
    if (v == NULL) {
        PyErr_SetString(PyExc_AttributeError, "cannot delete attribute");
        return -1;
    }
    Py_ssize_t n = PyNumber_AsSsize_t(v, PyExc_TypeError);
    if (n == -1 && PyErr_Occurred()) {
        return -1;
    }
    if (n <= 0) {
        PyErr_SetString(PyExc_ValueError, "a strictly positive integer is required");
        return -1;
    }
    self->chunk_size = n;
    return 0;
}

static PyMethodDef textio_methods[] = {
    {"detach", textio_detach, METH_NOARGS, NULL},
    {"reconfigure", (PyCFunction)(void (*)(void))textio_reconfigure,
     METH_VARARGS | METH_KEYWORDS, NULL},
    {"write", textio_write, METH_O, NULL},
    {"read", textio_read, METH_VARARGS, NULL},
    {"readline", textio_readline, METH_VARARGS, NULL},
    {"flush", textio_flush, METH_NOARGS, NULL},
    {"close", textio_close, METH_NOARGS, NULL},
    {"fileno", textio_fileno, METH_NOARGS, NULL},
    {"seekable", textio_seekable, METH_NOARGS, NULL},
    {"readable", textio_readable, METH_NOARGS, NULL},
    {"writable", textio_writable, METH_NOARGS, NULL},
    {"isatty", textio_isatty, METH_NOARGS, NULL},
    {"seek", textio_seek, METH_VARARGS, NULL},
    {"tell", textio_tell, METH_NOARGS, NULL},
    {"truncate", textio_truncate, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyMemberDef textio_members[] = {
    {"_finalizing", Py_T_BOOL, offsetof(textio, finalizing), 0, NULL},
    {NULL, 0, 0, 0, NULL},
};

static PyGetSetDef textio_getset[] = {
    {"encoding", textio_get_encoding, NULL, NULL, NULL},
    {"errors", textio_get_errors, NULL, NULL, NULL},
    {"buffer", textio_get_buffer, NULL, NULL, NULL},
    {"line_buffering", textio_get_line_buffering, NULL, NULL, NULL},
    {"write_through", textio_get_write_through, NULL, NULL, NULL},
    {"newlines", textio_get_newlines, NULL, NULL, NULL},
    {"closed", textio_get_closed, NULL, NULL, NULL},
    {"name", textio_get_name, NULL, NULL, NULL},
    {"_CHUNK_SIZE", textio_get_chunk_size, textio_set_chunk_size, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PyTypeObject PyTextIOWrapper_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_io.TextIOWrapper",
    .tp_basicsize = sizeof(textio),
    .tp_dealloc = textio_dealloc,
    .tp_repr = textio_repr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "Character and line based layer over a BufferedIOBase object, buffer.",
    .tp_traverse = textio_traverse,
    .tp_clear = textio_clear,
    .tp_iternext = textio_iternext,
    .tp_methods = textio_methods,
    .tp_members = textio_members,
    .tp_getset = textio_getset,
    .tp_base = &PyTextIOBase_Type,
    .tp_dictoffset = offsetof(textio, dict),
    .tp_init = textio_init,
    .tp_new = PyType_GenericNew,
    .tp_free = PyObject_GC_Del,
};
