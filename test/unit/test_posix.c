/* test_posix.c: the posix module: files through descriptors, stat_result,
 * directories (mkdir/listdir/scandir/rename/rmdir), errors as OSError
 * subclasses with filenames, path argument types, environ, misc calls. */
#include "osmods_test.h"
#include <unistd.h>

PyMODINIT_FUNC PyInit_posix(void);

TestSuite(posix, .init = weft_setup);

static PyObject *
call(PyObject *m, const char *name, const char *fmt, ...)
{
    PyObject *f = PyObject_GetAttrString(m, name);
    va_list va;
    va_start(va, fmt);
    PyObject *args = Py_VaBuildValue(fmt, va);
    va_end(va);
    PyObject *r = PyObject_Call(f, args, NULL);
    Py_DECREF(args);
    Py_DECREF(f);
    cr_assert_not_null(r, "%s failed: %s", name, weft_error_utf8());
    return r;
}

Test(posix, files_dirs_and_errors)
{
    PyObject *m = osm_load(PyInit_posix, "posix");
    char tmpl[] = "/tmp/weft-posix-XXXXXX";
    cr_assert_not_null(mkdtemp(tmpl));
    char path[256];
    snprintf(path, sizeof path, "%s/f.txt", tmpl);
    PyObject *fd = call(m, "open", "(si)", path, 0102 /* O_RDWR|O_CREAT */);
    weft_assert_repr(call(m, "write", "(Oy)", fd, "hello fd"), "8");
    weft_assert_repr(call(m, "lseek", "(Oii)", fd, 0, 0), "0");
    weft_assert_repr(call(m, "read", "(Oi)", fd, 5), "b'hello'");
    weft_assert_repr(call(m, "read", "(Oi)", fd, 100), "b' fd'");
    weft_assert_repr(call(m, "read", "(Oi)", fd, 10), "b''");
    PyObject *st = call(m, "fstat", "(O)", fd);
    weft_assert_repr(PyObject_GetAttrString(st, "st_size"), "8");
    call(m, "close", "(O)", fd);
    cr_assert_str_eq(osm_call(m, "close", "(O)", fd), "OSError: [Errno 9] Bad file descriptor");
    st = call(m, "stat", "(s)", path);
    cr_assert_eq(PyObject_Size(st), 10);
    weft_assert_repr(PyObject_GetAttrString(st, "st_size"), "8");
    PyObject *mt = PyObject_GetAttrString(st, "st_mtime");
    cr_assert(PyFloat_Check(mt));
    PyObject *mtns = PyObject_GetAttrString(st, "st_mtime_ns");
    cr_assert(PyLong_Check(mtns));
    char sub[256];
    snprintf(sub, sizeof sub, "%s/sub", tmpl);
    call(m, "mkdir", "(s)", sub);
    const char *err = osm_call(m, "mkdir", "(s)", sub);
    cr_assert(strncmp(err, "FileExistsError: [Errno 17] File exists: '", 42) == 0, "%s", err);
    PyObject *names = call(m, "listdir", "(s)", tmpl);
    PyList_Sort(names);
    weft_assert_repr(names, "['f.txt', 'sub']");
    names = call(m, "listdir", "(y)", tmpl);
    PyList_Sort(names);
    weft_assert_repr(names, "[b'f.txt', b'sub']");
    PyObject *it = call(m, "scandir", "(s)", tmpl);
    int n = 0, dirs = 0;
    PyObject *e;
    while ((e = PyIter_Next(it)) != NULL) {
        PyObject *isdir = PyObject_CallMethod(e, "is_dir", NULL);
        PyObject *isfile = PyObject_CallMethod(e, "is_file", NULL);
        PyObject *name = PyObject_GetAttrString(e, "name");
        if (isdir == Py_True) {
            dirs++;
            weft_assert_repr(name, "'sub'");
            weft_assert_repr(e, "<DirEntry 'sub'>");
        }
        else {
            cr_assert_eq(isfile, Py_True);
            PyObject *est = PyObject_CallMethod(e, "stat", NULL);
            weft_assert_repr(PyObject_GetAttrString(est, "st_size"), "8");
        }
        n++;
    }
    cr_assert(!PyErr_Occurred());
    cr_assert_eq(n, 2);
    cr_assert_eq(dirs, 1);
    char newp[256];
    snprintf(newp, sizeof newp, "%s/sub/g.txt", tmpl);
    call(m, "rename", "(ss)", path, newp);
    err = osm_call(m, "stat", "(s)", path);
    cr_assert(strstr(err, "FileNotFoundError: [Errno 2] No such file or directory: '") == err, "%s", err);
    err = osm_call(m, "rmdir", "(s)", sub);
    cr_assert(strncmp(err, "OSError: [Errno 39] Directory not empty", 39) == 0, "%s", err);
    call(m, "remove", "(s)", newp);
    call(m, "rmdir", "(s)", sub);
    call(m, "rmdir", "(s)", tmpl);
    weft_assert_repr(call(m, "access", "(si)", tmpl, 0), "False");
    cr_assert_str_eq(osm_call(m, "stat", "([])"),
                     "TypeError: stat: path should be string, bytes, os.PathLike or integer, not list");
    cr_assert_str_eq(osm_call(m, "listdir", "(s)", "/no/such/weft"),
                     "FileNotFoundError: [Errno 2] No such file or directory: '/no/such/weft'");
    cr_assert_str_eq(osm_call(m, "stat", "(y#)", "a\0b", (Py_ssize_t)3),
                     "ValueError: stat: embedded null byte");
}

Test(posix, process_env_misc)
{
    PyObject *m = osm_load(PyInit_posix, "posix");
    PyObject *pid = call(m, "getpid", "()");
    cr_assert_eq(PyLong_AsLong(pid), (long)getpid());
    weft_assert_repr(call(m, "strerror", "(i)", 2), "'No such file or directory'");
    call(m, "putenv", "(ss)", "WEFT_POSIX_T", "v1");
    cr_assert_str_eq(getenv("WEFT_POSIX_T"), "v1");
    call(m, "unsetenv", "(s)", "WEFT_POSIX_T");
    cr_assert_null(getenv("WEFT_POSIX_T"));
    cr_assert_str_eq(osm_call(m, "putenv", "(ss)", "A=B", "x"),
                     "ValueError: illegal environment variable name");
    PyObject *env = PyObject_GetAttrString(m, "environ");
    cr_assert(PyDict_Check(env));
    PyObject *k = PyBytes_FromString("PATH");
    if (getenv("PATH")) {
        cr_assert_not_null(PyDict_GetItem(env, k));
    }
    PyObject *r = call(m, "urandom", "(i)", 16);
    cr_assert_eq(PyBytes_GET_SIZE(r), 16);
    cr_assert_str_eq(osm_call(m, "urandom", "(i)", -1), "ValueError: negative argument not allowed");
    PyObject *p = call(m, "pipe", "()");
    call(m, "write", "(Oy)", PyTuple_GET_ITEM(p, 1), "through pipe");
    call(m, "close", "(O)", PyTuple_GET_ITEM(p, 1));
    weft_assert_repr(call(m, "read", "(Oi)", PyTuple_GET_ITEM(p, 0), 100), "b'through pipe'");
    weft_assert_repr(call(m, "get_blocking", "(O)", PyTuple_GET_ITEM(p, 0)), "True");
    call(m, "close", "(O)", PyTuple_GET_ITEM(p, 0));
    weft_assert_repr(call(m, "fspath", "(s)", "p"), "'p'");
    cr_assert_str_eq(osm_call(m, "fspath", "(i)", 1),
                     "TypeError: expected str, bytes or os.PathLike object, not int");
    PyObject *u = call(m, "uname", "()");
    weft_assert_repr(PyObject_GetAttrString(u, "sysname"), "'Linux'");
    PyObject *ts = call(m, "times", "()");
    cr_assert_eq(PyObject_Size(ts), 5);
    weft_assert_repr(call(m, "system", "(s)", "exit 3"), "768");
    PyObject *sv = call(m, "statvfs", "(s)", "/");
    cr_assert(PyLong_AsLongLong(PyObject_GetAttrString(sv, "f_blocks")) > 0);
    weft_assert_repr(call(m, "waitstatus_to_exitcode", "(i)", 768), "3");
    PyObject *p2 = call(m, "pipe", "()");
    cr_assert_str_eq(osm_call(m, "pread", "(Oii)", PyTuple_GET_ITEM(p2, 0), 1, 0),
                     "OSError: [Errno 29] Illegal seek");
    call(m, "close", "(O)", PyTuple_GET_ITEM(p2, 0));
    call(m, "close", "(O)", PyTuple_GET_ITEM(p2, 1));
    cr_assert(PyList_Check(call(m, "getgroups", "()")));
    cr_assert_eq(PyTuple_GET_SIZE(call(m, "getloadavg", "()")), 3);
    cr_assert_str_eq(osm_call(m, "execv", "(s[s])", "/no/such/weft-exe", "x"),
                     "FileNotFoundError: [Errno 2] No such file or directory: '/no/such/weft-exe'");
    cr_assert_str_eq(osm_call(m, "execv", "(s[])", "/bin/true"),
                     "ValueError: execv() arg 2 must not be empty");
    weft_assert_repr(call(m, "WCOREDUMP", "(i)", 0), "False");
    PyObject *cwd = call(m, "getcwd", "()");
    cr_assert(PyUnicode_Check(cwd));
    cr_assert(PyBytes_Check(call(m, "getcwdb", "()")));
}
