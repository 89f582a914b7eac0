/* test_io.c: the _io module through the C API: FileIO on a temporary file
 * (modes, errors with errno and filename), the buffered classes, the
 * TextIOWrapper (encodings, newline translation both ways, tell/seek,
 * line buffering, reconfigure), StringIO, BytesIO, open()'s mode checks,
 * and two threads writing to one buffered text stream. */
#include "weft_test.h"
#include "thread_helpers.h"
#include <unistd.h>
#include <fcntl.h>

PyMODINIT_FUNC PyInit__io(void);

static PyObject *io;

static void
io_setup(void)
{
    weft_setup();
    PyObject *def = PyInit__io();
    cr_assert_not_null(def);
    PyObject *spec = PyModule_New("spec");
    cr_assert_not_null(spec);
    PyObject *name = PyUnicode_FromString("_io");
    cr_assert_eq(PyObject_SetAttrString(spec, "name", name), 0);
    io = PyModule_FromDefAndSpec((PyModuleDef *)def, spec);
    cr_assert_not_null(io, "%s", weft_error_utf8());
    cr_assert_eq(PyModule_ExecDef(io, (PyModuleDef *)def), 0, "%s", weft_error_utf8());
}

TestSuite(io, .init = io_setup);

static char tmp_path[64];

static const char *
tmpfile_path(void)
{
    snprintf(tmp_path, sizeof(tmp_path), "/tmp/weft-test-io-%d", (int)getpid());
    return tmp_path;
}

static PyObject *
io_attr(const char *name)
{
    PyObject *r = PyObject_GetAttrString(io, name);
    cr_assert_not_null(r, "%s", weft_error_utf8());
    return r;
}

/* io.open(path, mode, **simple kwargs as a "k=v" free form is too much:
 * positional buffering/encoding/errors/newline). */
static PyObject *
io_open(const char *path, const char *mode)
{
    PyObject *open = io_attr("open");
    PyObject *r = PyObject_CallFunction(open, "ss", path, mode);
    Py_DECREF(open);
    return r;
}

static PyObject *
io_open_nl(const char *path, const char *mode, const char *encoding, const char *newline)
{
    PyObject *open = io_attr("open");
    PyObject *r = PyObject_CallFunction(open, "ssizzz", path, mode, -1, encoding, NULL, newline);
    Py_DECREF(open);
    return r;
}

#define CALL(obj, ...) PyObject_CallMethod((obj), __VA_ARGS__)
#define REPR_OF(expr) weft_repr_utf8(expr)

static void
write_file(const char *data, size_t n)
{
    int fd = open(tmpfile_path(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    cr_assert(fd >= 0);
    cr_assert_eq(write(fd, data, n), (ssize_t)n);
    close(fd);
}

Test(io, fileio_roundtrip)
{
    PyObject *f = io_open(tmpfile_path(), "wb");
    cr_assert_not_null(f, "%s", weft_error_utf8());
    cr_assert_str_eq(Py_TYPE(f)->tp_name, "_io.BufferedWriter");
    PyObject *data = PyBytes_FromString("0123456789");
    cr_assert_str_eq(REPR_OF(CALL(f, "write", "O", data)), "10");
    cr_assert_str_eq(REPR_OF(CALL(f, "close", NULL)), "None");
    Py_DECREF(f);

    f = io_open(tmpfile_path(), "rb");
    cr_assert_not_null(f);
    cr_assert_str_eq(REPR_OF(CALL(f, "read", "i", 3)), "b'012'");
    cr_assert_str_eq(REPR_OF(CALL(f, "tell", NULL)), "3");
    cr_assert_str_eq(REPR_OF(CALL(f, "seek", "i", 7)), "7");
    cr_assert_str_eq(REPR_OF(CALL(f, "read", NULL)), "b'789'");
    cr_assert_str_eq(REPR_OF(CALL(f, "seek", "ii", -4, 2)), "6");
    cr_assert_str_eq(REPR_OF(CALL(f, "read", "i", 2)), "b'67'");
    cr_assert_str_eq(REPR_OF(CALL(f, "peek", NULL)), "b'89'");
    cr_assert_str_eq(REPR_OF(CALL(f, "read1", "i", 1)), "b'8'");
    CALL(f, "close", NULL);
    Py_DECREF(f);

    f = io_open(tmpfile_path(), "r+b");
    CALL(f, "seek", "i", 2);
    CALL(f, "write", "y", "AB");
    CALL(f, "close", NULL);
    Py_DECREF(f);

    PyObject *open = io_attr("open");
    f = PyObject_CallFunction(open, "ssi", tmpfile_path(), "rb", 0);
    cr_assert_not_null(f);
    cr_assert_str_eq(Py_TYPE(f)->tp_name, "_io.FileIO");
    cr_assert_str_eq(REPR_OF(CALL(f, "read", NULL)), "b'01AB456789'");
    cr_assert_str_eq(REPR_OF(PyObject_GetAttrString(f, "mode")), "'rb'");
    cr_assert_str_eq(REPR_OF(CALL(f, "close", NULL)), "None");
    cr_assert_str_eq(REPR_OF(PyObject_GetAttrString(f, "closed")), "True");
    cr_assert_null(CALL(f, "read", NULL));
    weft_assert_error("ValueError: I/O operation on closed file");
    Py_DECREF(f);
    Py_DECREF(open);
    Py_DECREF(data);
    unlink(tmpfile_path());
}

Test(io, fileio_errors)
{
    PyObject *f = io_open("/nonexistent_dir_weft/x.txt", "r");
    cr_assert_null(f);
    weft_assert_error("FileNotFoundError: [Errno 2] No such file or directory: "
                      "'/nonexistent_dir_weft/x.txt'");
    f = io_open("/tmp", "r");
    cr_assert_null(f);
    weft_assert_error("IsADirectoryError: [Errno 21] Is a directory: '/tmp'");
    f = io_open(tmpfile_path(), "xz");
    cr_assert_null(f);
    weft_assert_error("ValueError: invalid mode: 'xz'");
    f = io_open(tmpfile_path(), "rw");
    cr_assert_null(f);
    weft_assert_error("ValueError: must have exactly one of create/read/write/append mode");
    f = io_open(tmpfile_path(), "rtb");
    cr_assert_null(f);
    weft_assert_error("ValueError: can't have text and binary mode at once");
    f = io_open(tmpfile_path(), "b");
    cr_assert_null(f);
    weft_assert_error("ValueError: Must have exactly one of create/read/write/append mode "
                      "and at most one plus");
    PyObject *fileio = io_attr("FileIO");
    f = PyObject_CallFunction(fileio, "d", 1.5);
    cr_assert_null(f);
    weft_assert_error("TypeError: expected str, bytes or os.PathLike object, not float");
    f = PyObject_CallFunction(fileio, "i", -3);
    cr_assert_null(f);
    weft_assert_error("ValueError: negative file descriptor");

    write_file("abc", 3);
    f = io_open(tmpfile_path(), "x");
    cr_assert_null(f);
    cr_assert(strncmp(weft_error_utf8(), "FileExistsError: [Errno 17] File exists", 39) == 0);
    f = io_open(tmpfile_path(), "w");
    cr_assert_null(CALL(f, "read", NULL));
    weft_assert_error("UnsupportedOperation: not readable");
    Py_DECREF(f);
    f = io_open(tmpfile_path(), "rb");
    cr_assert_null(CALL(f, "write", "y", "x"));
    weft_assert_error("UnsupportedOperation: write");
    CALL(f, "close", NULL);
    cr_assert_null(CALL(f, "read", NULL));
    weft_assert_error("ValueError: read of closed file");
    Py_DECREF(f);
    Py_DECREF(fileio);
    unlink(tmpfile_path());
}

Test(io, fileio_fd_and_repr)
{
    write_file("hello", 5);
    int fd = open(tmpfile_path(), O_RDONLY);
    PyObject *fileio = io_attr("FileIO");
    PyObject *f = PyObject_CallFunction(fileio, "isi", fd, "r", 0);
    cr_assert_not_null(f, "%s", weft_error_utf8());
    char expect[128];
    snprintf(expect, sizeof(expect), "<_io.FileIO name=%d mode='rb' closefd=False>", fd);
    cr_assert_str_eq(REPR_OF(f), expect);
    cr_assert_str_eq(REPR_OF(CALL(f, "readall", NULL)), "b'hello'");
    CALL(f, "close", NULL);
    cr_assert_str_eq(REPR_OF(f), "<_io.FileIO [closed]>");
    /* closefd=False left the descriptor open. */
    cr_assert(lseek(fd, 0, SEEK_SET) == 0);
    close(fd);
    Py_DECREF(f);

    f = io_open(tmpfile_path(), "a+b");
    cr_assert_str_eq(REPR_OF(PyObject_GetAttrString(f, "mode")), "'ab+'");
    PyObject *raw = PyObject_GetAttrString(f, "raw");
    cr_assert_str_eq(REPR_OF(PyObject_GetAttrString(raw, "mode")), "'ab+'");
    CALL(f, "write", "y", "!");
    CALL(f, "seek", "i", 0);
    cr_assert_str_eq(REPR_OF(CALL(f, "read", NULL)), "b'hello!'");
    CALL(f, "close", NULL);
    Py_DECREF(raw);
    Py_DECREF(f);
    Py_DECREF(fileio);
    unlink(tmpfile_path());
}

Test(io, buffered_readline_and_iter)
{
    write_file("a\nbb\n\nccc", 9);
    PyObject *f = io_open(tmpfile_path(), "rb");
    cr_assert_str_eq(REPR_OF(CALL(f, "readline", NULL)), "b'a\\n'");
    cr_assert_str_eq(REPR_OF(CALL(f, "readline", "i", 1)), "b'b'");
    cr_assert_str_eq(REPR_OF(CALL(f, "readlines", NULL)), "[b'b\\n', b'\\n', b'ccc']");
    cr_assert_str_eq(REPR_OF(CALL(f, "readline", NULL)), "b''");
    CALL(f, "seek", "i", 0);
    PyObject *lst = PySequence_List(f);
    cr_assert_str_eq(REPR_OF(lst), "[b'a\\n', b'bb\\n', b'\\n', b'ccc']");
    Py_DECREF(lst);
    CALL(f, "close", NULL);
    Py_DECREF(f);
    unlink(tmpfile_path());
}

Test(io, buffered_writer_buffers_until_flush)
{
    PyObject *bytesio = io_attr("BytesIO");
    PyObject *raw = PyObject_CallNoArgs(bytesio);
    PyObject *bw_t = io_attr("BufferedWriter");
    PyObject *bw = PyObject_CallFunction(bw_t, "Oi", raw, 4);
    cr_assert_str_eq(REPR_OF(CALL(bw, "write", "y", "ab")), "2");
    cr_assert_str_eq(REPR_OF(CALL(raw, "getvalue", NULL)), "b''");
    cr_assert_str_eq(REPR_OF(CALL(bw, "tell", NULL)), "2");
    CALL(bw, "write", "y", "cde");
    cr_assert_str_eq(REPR_OF(CALL(raw, "getvalue", NULL)), "b'ab'");
    CALL(bw, "write", "y", "0123456789");
    cr_assert_str_eq(REPR_OF(CALL(raw, "getvalue", NULL)), "b'abcde0123456789'");
    CALL(bw, "flush", NULL);
    PyObject *d = CALL(bw, "detach", NULL);
    cr_assert_eq(d, raw);
    Py_DECREF(d);
    cr_assert_null(CALL(bw, "write", "y", "x"));
    weft_assert_error("ValueError: raw stream has been detached");
    Py_DECREF(bw);
    Py_DECREF(bw_t);
    Py_DECREF(raw);
    Py_DECREF(bytesio);
}

Test(io, text_roundtrip_and_newlines)
{
    PyObject *f = io_open_nl(tmpfile_path(), "w", NULL, "");
    cr_assert_not_null(f, "%s", weft_error_utf8());
    CALL(f, "write", "s", "a\r\nb\n");
    CALL(f, "close", NULL);
    Py_DECREF(f);
    f = io_open(tmpfile_path(), "rb");
    cr_assert_str_eq(REPR_OF(CALL(f, "read", NULL)), "b'a\\r\\nb\\n'");
    CALL(f, "close", NULL);
    Py_DECREF(f);
    f = io_open(tmpfile_path(), "r");
    cr_assert_str_eq(REPR_OF(CALL(f, "read", NULL)), "'a\\nb\\n'");
    cr_assert_str_eq(REPR_OF(PyObject_GetAttrString(f, "newlines")), "('\\n', '\\r\\n')");
    cr_assert_str_eq(REPR_OF(PyObject_GetAttrString(f, "encoding")), "'UTF-8'");
    char expect[160];
    snprintf(expect, sizeof(expect), "<_io.TextIOWrapper name='%s' mode='r' encoding='UTF-8'>",
             tmpfile_path());
    cr_assert_str_eq(REPR_OF(f), expect);
    CALL(f, "close", NULL);
    Py_DECREF(f);

    f = io_open_nl(tmpfile_path(), "w", "utf-8", "\r\n");
    CALL(f, "write", "s", "x\ny\n");
    CALL(f, "close", NULL);
    Py_DECREF(f);
    f = io_open(tmpfile_path(), "rb");
    cr_assert_str_eq(REPR_OF(CALL(f, "read", NULL)), "b'x\\r\\ny\\r\\n'");
    CALL(f, "close", NULL);
    Py_DECREF(f);

    write_file("a\r\nb\rc\nd", 8);
    f = io_open(tmpfile_path(), "r");
    cr_assert_str_eq(REPR_OF(CALL(f, "readlines", NULL)), "['a\\n', 'b\\n', 'c\\n', 'd']");
    CALL(f, "close", NULL);
    Py_DECREF(f);
    f = io_open_nl(tmpfile_path(), "r", NULL, "");
    cr_assert_str_eq(REPR_OF(CALL(f, "readlines", NULL)), "['a\\r\\n', 'b\\r', 'c\\n', 'd']");
    CALL(f, "close", NULL);
    Py_DECREF(f);
    f = io_open_nl(tmpfile_path(), "r", NULL, "\r");
    cr_assert_str_eq(REPR_OF(CALL(f, "readlines", NULL)), "['a\\r', '\\nb\\r', 'c\\nd']");
    CALL(f, "close", NULL);
    Py_DECREF(f);
    f = io_open_nl(tmpfile_path(), "r", NULL, "\n");
    cr_assert_str_eq(REPR_OF(CALL(f, "readlines", NULL)), "['a\\r\\n', 'b\\rc\\n', 'd']");
    CALL(f, "close", NULL);
    Py_DECREF(f);
    unlink(tmpfile_path());
}

Test(io, text_utf8_tell_seek)
{
    const char *s = "h\xc3\xa9llo\nw\xc3\xb6rld\n\xe2\x82\xac!";
    write_file(s, strlen(s));
    PyObject *f = io_open_nl(tmpfile_path(), "r", "utf-8", NULL);
    cr_assert_str_eq(REPR_OF(CALL(f, "readline", NULL)), "'héllo\\n'");
    PyObject *pos = CALL(f, "tell", NULL);
    cr_assert_str_eq(REPR_OF(pos), "7");
    cr_assert_str_eq(REPR_OF(CALL(f, "read", "i", 2)), "'wö'");
    PyObject *pos2 = CALL(f, "tell", NULL);
    cr_assert_str_eq(REPR_OF(pos2), "10");
    cr_assert_str_eq(REPR_OF(CALL(f, "read", NULL)), "'rld\\n€!'");
    CALL(f, "seek", "O", pos);
    cr_assert_str_eq(REPR_OF(CALL(f, "readline", NULL)), "'wörld\\n'");
    CALL(f, "seek", "O", pos2);
    cr_assert_str_eq(REPR_OF(CALL(f, "read", "i", 3)), "'rld'");
    cr_assert_null(CALL(f, "seek", "ii", 3, 1));
    weft_assert_error("UnsupportedOperation: can't do nonzero cur-relative seeks");
    cr_assert_str_eq(REPR_OF(CALL(f, "seek", "ii", 0, 2)), "18");
    cr_assert_str_eq(REPR_OF(CALL(f, "read", NULL)), "''");
    Py_DECREF(pos);
    Py_DECREF(pos2);
    CALL(f, "close", NULL);
    Py_DECREF(f);

    /* A \r at a chunk boundary: tell/seek still round-trip. */
    write_file("ab\r\ncd\r\nef", 10);
    f = io_open(tmpfile_path(), "r");
    PyObject_SetAttrString(f, "_CHUNK_SIZE", PyLong_FromLong(3));
    cr_assert_str_eq(REPR_OF(CALL(f, "read", "i", 2)), "'ab'");
    pos = CALL(f, "tell", NULL);
    cr_assert_str_eq(REPR_OF(CALL(f, "readline", NULL)), "'\\n'");
    cr_assert_str_eq(REPR_OF(CALL(f, "read", "i", 1)), "'c'");
    CALL(f, "seek", "O", pos);
    cr_assert_str_eq(REPR_OF(CALL(f, "read", NULL)), "'\\ncd\\nef'");
    Py_DECREF(pos);
    CALL(f, "close", NULL);
    Py_DECREF(f);
    unlink(tmpfile_path());
}

Test(io, text_encodings_and_errors)
{
    PyObject *f = io_open_nl(tmpfile_path(), "w", "utf-16", NULL);
    cr_assert_not_null(f, "%s", weft_error_utf8());
    CALL(f, "write", "s", "\xc3\xa9");
    CALL(f, "write", "s", "x");
    CALL(f, "close", NULL);
    Py_DECREF(f);
    f = io_open(tmpfile_path(), "rb");
    cr_assert_str_eq(REPR_OF(CALL(f, "read", NULL)), "b'\\xff\\xfe\\xe9\\x00x\\x00'");
    CALL(f, "close", NULL);
    Py_DECREF(f);
    f = io_open_nl(tmpfile_path(), "r", "utf-16", NULL);
    cr_assert_str_eq(REPR_OF(CALL(f, "read", NULL)), "'éx'");
    CALL(f, "close", NULL);
    Py_DECREF(f);

    PyObject *open = io_attr("open");
    f = PyObject_CallFunction(open, "ssiss", tmpfile_path(), "w", -1, "ascii", "replace");
    cr_assert_not_null(f);
    CALL(f, "write", "s", "\xc3\xa9!");
    CALL(f, "close", NULL);
    Py_DECREF(f);
    f = io_open(tmpfile_path(), "r");
    cr_assert_str_eq(REPR_OF(CALL(f, "read", NULL)), "'?!'");
    CALL(f, "close", NULL);
    Py_DECREF(f);

    f = io_open_nl(tmpfile_path(), "w", "ascii", NULL);
    cr_assert_null(CALL(f, "write", "s", "\xc3\xa9"));
    weft_assert_error("UnicodeEncodeError: 'ascii' codec can't encode character '\\xe9' in "
                      "position 0: ordinal not in range(128)");
    Py_DECREF(f);

    write_file("\xff\n", 2);
    f = io_open_nl(tmpfile_path(), "r", "utf-8", NULL);
    cr_assert_null(CALL(f, "read", NULL));
    weft_assert_error("UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in position 0: "
                      "invalid start byte");
    Py_DECREF(f);
    f = io_open_nl(tmpfile_path(), "r", "latin-1", NULL);
    cr_assert_str_eq(REPR_OF(CALL(f, "read", NULL)), "'ÿ\\n'");
    Py_DECREF(f);
    f = io_open_nl(tmpfile_path(), "r", "nope-codec", NULL);
    cr_assert_null(f);
    weft_assert_error("LookupError: unknown encoding: nope-codec");
    Py_DECREF(open);
    unlink(tmpfile_path());
}

Test(io, textiowrapper_over_bytesio)
{
    PyObject *bytesio = io_attr("BytesIO");
    PyObject *tw = io_attr("TextIOWrapper");
    PyObject *buf = PyObject_CallNoArgs(bytesio);
    PyObject *kw = Py_BuildValue("{s:s,s:O}", "encoding", "utf-8", "line_buffering", Py_True);
    PyObject *args = PyTuple_Pack(1, buf);
    PyObject *t = PyObject_Call(tw, args, kw);
    cr_assert_not_null(t, "%s", weft_error_utf8());
    cr_assert_str_eq(REPR_OF(CALL(t, "write", "s", "ab")), "2");
    cr_assert_str_eq(REPR_OF(CALL(buf, "getvalue", NULL)), "b''");
    CALL(t, "write", "s", "c\n");
    cr_assert_str_eq(REPR_OF(CALL(buf, "getvalue", NULL)), "b'abc\\n'");
    PyObject *rkw = Py_BuildValue("{s:s,s:O}", "encoding", "latin-1", "line_buffering", Py_False);
    PyObject *empty = PyTuple_New(0);
    PyObject *reconf = PyObject_GetAttrString(t, "reconfigure");
    cr_assert_str_eq(REPR_OF(PyObject_Call(reconf, empty, rkw)), "None");
    cr_assert_str_eq(REPR_OF(PyObject_GetAttrString(t, "encoding")), "'latin-1'");
    cr_assert_str_eq(REPR_OF(PyObject_GetAttrString(t, "line_buffering")), "False");
    CALL(t, "write", "s", "\xc3\xa9");
    CALL(t, "flush", NULL);
    cr_assert_str_eq(REPR_OF(CALL(buf, "getvalue", NULL)), "b'abc\\n\\xe9'");
    PyObject *d = CALL(t, "detach", NULL);
    cr_assert_eq(d, buf);
    Py_DECREF(d);
    cr_assert_null(CALL(t, "write", "s", "x"));
    weft_assert_error("ValueError: underlying buffer has been detached");
    Py_DECREF(reconf);
    Py_DECREF(rkw);
    Py_DECREF(empty);
    Py_DECREF(t);
    Py_DECREF(args);
    Py_DECREF(kw);

    /* Reading from a BytesIO, then the type errors. */
    PyObject *src = PyObject_CallFunction(bytesio, "y", "a\r\nb\rc\n");
    t = PyObject_CallFunction(tw, "Ozzs", src, NULL, NULL, "");
    cr_assert_not_null(t, "%s", weft_error_utf8());
    cr_assert_str_eq(REPR_OF(CALL(t, "readlines", NULL)), "['a\\r\\n', 'b\\r', 'c\\n']");
    cr_assert_null(CALL(t, "write", "i", 3));
    weft_assert_error("TypeError: write() argument must be str, not int");
    Py_DECREF(t);
    t = PyObject_CallFunction(tw, "Ozzs", src, NULL, NULL, "x");
    cr_assert_null(t);
    weft_assert_error("ValueError: illegal newline value: x");
    Py_DECREF(src);
    Py_DECREF(buf);
    Py_DECREF(tw);
    Py_DECREF(bytesio);
}

Test(io, stringio)
{
    PyObject *sio = io_attr("StringIO");
    PyObject *s = PyObject_CallNoArgs(sio);
    cr_assert_str_eq(REPR_OF(CALL(s, "write", "s", "hello\n")), "6");
    cr_assert_str_eq(REPR_OF(CALL(s, "write", "s", "w\xc3\xb6rld")), "5");
    cr_assert_str_eq(REPR_OF(CALL(s, "tell", NULL)), "11");
    CALL(s, "seek", "i", 0);
    cr_assert_str_eq(REPR_OF(CALL(s, "readline", NULL)), "'hello\\n'");
    cr_assert_str_eq(REPR_OF(CALL(s, "read", NULL)), "'wörld'");
    CALL(s, "seek", "i", 3);
    CALL(s, "write", "s", "XY");
    cr_assert_str_eq(REPR_OF(CALL(s, "getvalue", NULL)), "'helXY\\nwörld'");
    cr_assert_str_eq(REPR_OF(CALL(s, "truncate", "i", 4)), "4");
    cr_assert_str_eq(REPR_OF(CALL(s, "getvalue", NULL)), "'helX'");
    CALL(s, "seek", "i", 6);
    CALL(s, "write", "s", "!");
    cr_assert_str_eq(REPR_OF(CALL(s, "getvalue", NULL)), "'helX\\x00\\x00!'");
    cr_assert_null(CALL(s, "seek", "i", -1));
    weft_assert_error("ValueError: Negative seek position -1");
    cr_assert_null(CALL(s, "fileno", NULL));
    weft_assert_error("UnsupportedOperation: fileno");
    CALL(s, "close", NULL);
    cr_assert_null(CALL(s, "getvalue", NULL));
    weft_assert_error("ValueError: I/O operation on closed file");
    Py_DECREF(s);

    s = PyObject_CallFunction(sio, "sO", "a\r\nb\rc", Py_None);
    cr_assert_str_eq(REPR_OF(CALL(s, "read", NULL)), "'a\\nb\\nc'");
    Py_DECREF(s);
    s = PyObject_CallFunction(sio, "ss", "a\r\nb\rc\nd", "");
    PyObject *lst = PySequence_List(s);
    cr_assert_str_eq(REPR_OF(lst), "['a\\r\\n', 'b\\r', 'c\\n', 'd']");
    Py_DECREF(lst);
    Py_DECREF(s);
    s = PyObject_CallFunction(sio, "ss", "x\ny", "\r\n");
    cr_assert_str_eq(REPR_OF(CALL(s, "getvalue", NULL)), "'x\\r\\ny'");
    Py_DECREF(s);
    s = PyObject_CallFunction(sio, "i", 3);
    cr_assert_null(s);
    weft_assert_error("TypeError: initial_value must be str or None, not int");
    Py_DECREF(sio);
}

Test(io, bytesio)
{
    PyObject *bio = io_attr("BytesIO");
    PyObject *b = PyObject_CallNoArgs(bio);
    cr_assert_str_eq(REPR_OF(CALL(b, "write", "y", "abc")), "3");
    cr_assert_str_eq(REPR_OF(CALL(b, "write", "y#", "\x00\xff", (Py_ssize_t)2)), "2");
    cr_assert_str_eq(REPR_OF(CALL(b, "getvalue", NULL)), "b'abc\\x00\\xff'");
    CALL(b, "seek", "i", 1);
    cr_assert_str_eq(REPR_OF(CALL(b, "read", "i", 2)), "b'bc'");
    PyObject *ba = PyByteArray_FromStringAndSize("....", 4);
    cr_assert_str_eq(REPR_OF(CALL(b, "readinto", "O", ba)), "2");
    cr_assert_str_eq(REPR_OF(ba), "bytearray(b'\\x00\\xff..')");
    Py_DECREF(ba);
    cr_assert_str_eq(REPR_OF(CALL(b, "seek", "ii", -2, 2)), "3");
    CALL(b, "truncate", "i", 2);
    cr_assert_str_eq(REPR_OF(CALL(b, "getvalue", NULL)), "b'ab'");
    cr_assert_null(CALL(b, "seek", "i", -1));
    weft_assert_error("ValueError: negative seek value -1");
    cr_assert_null(CALL(b, "write", "s", "str"));
    weft_assert_error("TypeError: a bytes-like object is required, not 'str'");
    Py_DECREF(b);
    b = PyObject_CallFunction(bio, "y", "line1\nline2\n");
    cr_assert_str_eq(REPR_OF(CALL(b, "readline", NULL)), "b'line1\\n'");
    cr_assert_str_eq(REPR_OF(CALL(b, "readlines", NULL)), "[b'line2\\n']");
    CALL(b, "close", NULL);
    cr_assert_null(CALL(b, "read", NULL));
    weft_assert_error("ValueError: I/O operation on closed file.");
    cr_assert_str_eq(REPR_OF(PyObject_GetAttrString(b, "closed")), "True");
    Py_DECREF(b);
    Py_DECREF(bio);
}

Test(io, hierarchy_and_constants)
{
    PyObject *uo = io_attr("UnsupportedOperation");
    cr_assert(PyObject_IsSubclass(uo, PyExc_OSError) == 1);
    cr_assert(PyObject_IsSubclass(uo, PyExc_ValueError) == 1);
    cr_assert_str_eq(REPR_OF(uo), "<class 'io.UnsupportedOperation'>");
    PyObject *fileio = io_attr("FileIO"), *raw = io_attr("_RawIOBase");
    cr_assert(PyObject_IsSubclass(fileio, raw) == 1);
    cr_assert_str_eq(REPR_OF(io_attr("DEFAULT_BUFFER_SIZE")), "8192");
    PyObject *te = io_attr("text_encoding");
    cr_assert_str_eq(REPR_OF(PyObject_CallFunction(te, "O", Py_None)), "'locale'");
    cr_assert_str_eq(REPR_OF(PyObject_CallFunction(te, "s", "latin-1")), "'latin-1'");
    Py_DECREF(te);
    Py_DECREF(uo);
    Py_DECREF(fileio);
    Py_DECREF(raw);
}

/* Two threads print lines to one text file: every line arrives whole. */
struct writer_arg {
    PyObject *f;
    char tag;
};

static void
writer_thread(void *p)
{
    struct writer_arg *a = p;
    char line[64];
    memset(line, a->tag, 40);
    line[40] = '\n';
    line[41] = 0;
    for (int i = 0; i < 300; i++) {
        PyObject *r = PyObject_CallMethod(a->f, "write", "s", line);
        if (r == NULL) {
            PyErr_Clear();
        }
        Py_XDECREF(r);
    }
}

Test(io, threads_write_whole_lines)
{
    PyObject *f = io_open(tmpfile_path(), "w");
    cr_assert_not_null(f);
    /* A tiny buffer, so the writes keep hitting the file. */
    CALL(f, "reconfigure", NULL);
    PyObject_SetAttrString(f, "_CHUNK_SIZE", PyLong_FromLong(16));
    struct writer_arg a = {f, 'a'}, b = {f, 'b'};
    pthread_t t1 = th_start(writer_thread, &a);
    pthread_t t2 = th_start(writer_thread, &b);
    th_join(t1);
    th_join(t2);
    CALL(f, "close", NULL);
    Py_DECREF(f);
    f = io_open(tmpfile_path(), "r");
    PyObject *lines = CALL(f, "readlines", NULL);
    cr_assert_eq(PyList_GET_SIZE(lines), 600);
    for (Py_ssize_t i = 0; i < 600; i++) {
        const char *s = PyUnicode_AsUTF8AndSize(PyList_GET_ITEM(lines, i), NULL);
        cr_assert_eq(strlen(s), 41);
        for (int j = 1; j < 40; j++) {
            cr_assert_eq(s[j], s[0]);
        }
    }
    Py_DECREF(lines);
    CALL(f, "close", NULL);
    Py_DECREF(f);
    unlink(tmpfile_path());
}
