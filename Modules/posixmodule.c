/* posixmodule.c: the `posix` module that os.py builds on: paths as str,
 * bytes or os.PathLike (results follow the argument's type), file
 * descriptors, stat/lstat/fstat with os.stat_result, directories (listdir,
 * scandir with DirEntry), environ, processes (getpid, kill, waitpid,
 * system, _exit), terminal size, urandom, and the constants.  Errors are
 * OSError subclasses chosen by errno with the filename attached.  Calls
 * that may block detach from the runtime (Py_BEGIN_ALLOW_THREADS). */
#include "Python.h"
#include "structseq.h"
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <sys/ioctl.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/time.h>
#include <sys/times.h>
#include <sys/types.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

/* ---- path arguments ---- */

typedef struct {
    const char *function_name;
    const char *argument_name;
    int allow_fd;
    int nullable;
    /* results */
    const char *narrow;   /* NUL-terminated bytes path */
    int fd;               /* -1 unless an int was given */
    int is_bytes;         /* results should be bytes */
    PyObject *object;     /* the original argument (for error messages) */
    PyObject *cleanup;    /* owner of `narrow` */
} path_t;

#define PATH_T_INIT(fname, argname, allowfd, nullable) \
    {fname, argname, allowfd, nullable, NULL, -1, 0, NULL, NULL}

static void
path_cleanup(path_t *p)
{
    Py_CLEAR(p->cleanup);
    Py_CLEAR(p->object);
}

/* os.fspath(): str and bytes pass through, else __fspath__. */
static PyObject *
fspath_impl(PyObject *path)
{
    if (PyUnicode_Check(path) || PyBytes_Check(path)) {
        return Py_NewRef(path);
    }
    PyObject *key = PyUnicode_InternFromString("__fspath__");
    if (key == NULL) {
        return NULL;
    }
    PyObject *func = _PyType_LookupRef(Py_TYPE(path), key);
    Py_DECREF(key);
    if (func == NULL) {
        if (!PyErr_Occurred()) {
            PyErr_Format(PyExc_TypeError,
                         "expected str, bytes or os.PathLike object, not %.200s",
                         Py_TYPE(path)->tp_name);
        }
        return NULL;
    }
    PyObject *res = PyObject_CallOneArg(func, path);
    Py_DECREF(func);
    if (res == NULL) {
        return NULL;
    }
    if (!(PyUnicode_Check(res) || PyBytes_Check(res))) {
        PyErr_Format(PyExc_TypeError,
                     "expected %.200s.__fspath__() to return str or bytes, not %.200s",
                     Py_TYPE(path)->tp_name, Py_TYPE(res)->tp_name);
        Py_DECREF(res);
        return NULL;
    }
    return res;
}

static int
path_converter(PyObject *o, void *p_)
{
    path_t *p = p_;
    p->object = Py_NewRef(o);
    if (o == Py_None && p->nullable) {
        p->narrow = NULL;
        return 1;
    }
    if (p->allow_fd && PyLong_Check(o)) {
        int overflow;
        long fd = PyLong_AsLongAndOverflow(o, &overflow);
        if (overflow || fd > INT_MAX || fd < INT_MIN) {
            PyErr_SetString(PyExc_OverflowError, overflow > 0 || fd > INT_MAX
                            ? "fd is greater than maximum" : "fd is less than minimum");
            return 0;
        }
        if (fd == -1 && PyErr_Occurred()) {
            return 0;
        }
        p->fd = (int)fd;
        return 1;
    }
    PyObject *s;
    if (PyUnicode_Check(o) || PyBytes_Check(o)) {
        s = Py_NewRef(o);
    }
    else {
        PyObject *key = PyUnicode_InternFromString("__fspath__");
        PyObject *func = key ? _PyType_LookupRef(Py_TYPE(o), key) : NULL;
        Py_XDECREF(key);
        if (func == NULL) {
            if (!PyErr_Occurred()) {
                PyErr_Format(PyExc_TypeError, "%s%s%s should be %s, not %.200s",
                             p->function_name ? p->function_name : "",
                             p->function_name ? ": " : "",
                             p->argument_name ? p->argument_name : "path",
                             p->allow_fd && p->nullable
                                 ? "string, bytes, os.PathLike, integer or None"
                                 : p->allow_fd ? "string, bytes, os.PathLike or integer"
                                 : p->nullable ? "string, bytes, os.PathLike or None"
                                               : "string, bytes or os.PathLike",
                             Py_TYPE(o)->tp_name);
            }
            return 0;
        }
        Py_DECREF(func);
        s = fspath_impl(o);
        if (s == NULL) {
            return 0;
        }
    }
    PyObject *b;
    if (PyUnicode_Check(s)) {
        b = PyUnicode_EncodeFSDefault(s);
        Py_DECREF(s);
        if (b == NULL) {
            return 0;
        }
        p->is_bytes = 0;
    }
    else {
        b = s;
        p->is_bytes = 1;
    }
    if ((size_t)PyBytes_GET_SIZE(b) != strlen(PyBytes_AS_STRING(b))) {
        PyErr_Format(PyExc_ValueError, "%s%sembedded null byte",
                     p->function_name ? p->function_name : "", p->function_name ? ": " : "");
        Py_DECREF(b);
        return 0;
    }
    p->cleanup = b;
    p->narrow = PyBytes_AS_STRING(b);
    return 1;
}

static PyObject *
path_error(path_t *p)
{
    return PyErr_SetFromErrnoWithFilenameObject(PyExc_OSError, p->object);
}

static PyObject *
path_error2(path_t *a, path_t *b)
{
    return PyErr_SetFromErrnoWithFilenameObjects(PyExc_OSError, a->object, b->object);
}

static PyObject *
posix_error(void)
{
    return PyErr_SetFromErrno(PyExc_OSError);
}

/* A name from the file system as str or bytes like the argument. */
static PyObject *
fs_name(const char *s, Py_ssize_t len, int as_bytes)
{
    if (as_bytes) {
        return PyBytes_FromStringAndSize(s, len);
    }
    return PyUnicode_DecodeFSDefaultAndSize(s, len);
}

static int
fd_converter(PyObject *o, void *p)
{
    if (PyFloat_Check(o)) {
        PyErr_SetString(PyExc_TypeError, "'float' object cannot be interpreted as an integer");
        return 0;
    }
    int overflow;
    PyObject *n = PyNumber_Index(o);
    if (n == NULL) {
        return 0;
    }
    long v = PyLong_AsLongAndOverflow(n, &overflow);
    Py_DECREF(n);
    if (v == -1 && PyErr_Occurred()) {
        return 0;
    }
    if (overflow > 0 || v > INT_MAX) {
        PyErr_SetString(PyExc_OverflowError, "fd is greater than maximum");
        return 0;
    }
    if (overflow < 0 || v < INT_MIN) {
        PyErr_SetString(PyExc_OverflowError, "fd is less than minimum");
        return 0;
    }
    *(int *)p = (int)v;
    return 1;
}

static int
dir_fd_converter(PyObject *o, void *p)
{
    if (o == Py_None) {
        *(int *)p = AT_FDCWD;
        return 1;
    }
    return fd_converter(o, p);
}

/* ---- stat_result ---- */

static PyStructSequence_Field stat_result_fields[] = {
    {"st_mode", "protection bits"},
    {"st_ino", "inode"},
    {"st_dev", "device"},
    {"st_nlink", "number of hard links"},
    {"st_uid", "user ID of owner"},
    {"st_gid", "group ID of owner"},
    {"st_size", "total size, in bytes"},
    {"", "integer time of last access"},
    {"", "integer time of last modification"},
    {"", "integer time of last change"},
    {"st_atime", "time of last access"},
    {"st_mtime", "time of last modification"},
    {"st_ctime", "time of last change"},
    {"st_atime_ns", "time of last access in nanoseconds"},
    {"st_mtime_ns", "time of last modification in nanoseconds"},
    {"st_ctime_ns", "time of last change in nanoseconds"},
    {"st_blksize", "blocksize for filesystem I/O"},
    {"st_blocks", "number of blocks allocated"},
    {"st_rdev", "device type (if inode device)"},
    {NULL, NULL},
};

static PyStructSequence_Desc stat_result_desc = {
    "os.stat_result",
    "stat_result: Result from stat, fstat, or lstat.",
    stat_result_fields,
    10,
};

static PyTypeObject StatResultType;

static PyObject *
ns_object(struct timespec ts)
{
    PyObject *s = PyLong_FromLongLong((long long)ts.tv_sec);
    PyObject *billion = PyLong_FromLong(1000000000);
    PyObject *ns = PyLong_FromLong(ts.tv_nsec);
    PyObject *r = NULL;
    if (s && billion && ns) {
        PyObject *t = PyNumber_Multiply(s, billion);
        if (t) {
            r = PyNumber_Add(t, ns);
            Py_DECREF(t);
        }
    }
    Py_XDECREF(s);
    Py_XDECREF(billion);
    Py_XDECREF(ns);
    return r;
}

static PyObject *
stat_to_result(const struct stat *st)
{
    PyObject *v = PyStructSequence_New(&StatResultType);
    if (v == NULL) {
        return NULL;
    }
    PyObject *items[19];
    items[0] = PyLong_FromLong((long)st->st_mode);
    items[1] = PyLong_FromUnsignedLongLong((unsigned long long)st->st_ino);
    items[2] = PyLong_FromUnsignedLongLong((unsigned long long)st->st_dev);
    items[3] = PyLong_FromLong((long)st->st_nlink);
    items[4] = PyLong_FromLong((long)st->st_uid);
    items[5] = PyLong_FromLong((long)st->st_gid);
    items[6] = PyLong_FromLongLong((long long)st->st_size);
    const struct timespec *ts[3] = {&st->st_atim, &st->st_mtim, &st->st_ctim};
    for (int i = 0; i < 3; i++) {
        items[7 + i] = PyLong_FromLongLong((long long)ts[i]->tv_sec);
        items[10 + i] = PyFloat_FromDouble((double)ts[i]->tv_sec + ts[i]->tv_nsec * 1e-9);
        items[13 + i] = ns_object(*ts[i]);
    }
    items[16] = PyLong_FromLong((long)st->st_blksize);
    items[17] = PyLong_FromLongLong((long long)st->st_blocks);
    items[18] = PyLong_FromUnsignedLongLong((unsigned long long)st->st_rdev);
    int failed = 0;
    for (int i = 0; i < 19; i++) {
        if (items[i] == NULL) {
            failed = 1;
            items[i] = Py_NewRef(Py_None);
        }
        PyStructSequence_SetItem(v, i, items[i]);
    }
    if (failed) {
        Py_DECREF(v);
        return NULL;
    }
    return v;
}

static PyObject *
do_stat(path_t *path, int dir_fd, int follow_symlinks)
{
    struct stat st;
    int r;
    Py_BEGIN_ALLOW_THREADS
    if (path->narrow == NULL) {
        r = fstat(path->fd, &st);
    }
    else if (dir_fd != AT_FDCWD || !follow_symlinks) {
        r = fstatat(dir_fd, path->narrow, &st, follow_symlinks ? 0 : AT_SYMLINK_NOFOLLOW);
    }
    else {
        r = stat(path->narrow, &st);
    }
    Py_END_ALLOW_THREADS
    if (r != 0) {
        return path_error(path);
    }
    return stat_to_result(&st);
}

static PyObject *
posix_stat(PyObject *m, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"path", "dir_fd", "follow_symlinks", NULL};
    path_t path = PATH_T_INIT("stat", "path", 1, 0);
    int dir_fd = AT_FDCWD, follow = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O&|$O&p:stat", kwlist, path_converter, &path,
                                     dir_fd_converter, &dir_fd, &follow)) {
        path_cleanup(&path);
        return NULL;
    }
    PyObject *r = do_stat(&path, dir_fd, follow);
    path_cleanup(&path);
    return r;
}

static PyObject *
posix_lstat(PyObject *m, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"path", "dir_fd", NULL};
    path_t path = PATH_T_INIT("lstat", "path", 0, 0);
    int dir_fd = AT_FDCWD;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O&|$O&:lstat", kwlist, path_converter, &path,
                                     dir_fd_converter, &dir_fd)) {
        path_cleanup(&path);
        return NULL;
    }
    PyObject *r = do_stat(&path, dir_fd, 0);
    path_cleanup(&path);
    return r;
}

static PyObject *
posix_fstat(PyObject *m, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"fd", NULL};
    int fd;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O&:fstat", kwlist, fd_converter, &fd)) {
        return NULL;
    }
    struct stat st;
    int r;
    Py_BEGIN_ALLOW_THREADS
    r = fstat(fd, &st);
    Py_END_ALLOW_THREADS
    if (r != 0) {
        return posix_error();
    }
    return stat_to_result(&st);
}

/* ---- simple path operations ---- */

/* One-path functions returning None: rmdir, remove, unlink, chdir. */
#define PATH_FUNC(NAME, CALL, ALLOWFD)                                                 \
    static PyObject *posix_##NAME(PyObject *m, PyObject *args, PyObject *kwargs)       \
    {                                                                                  \
        static char *kwlist[] = {"path", "dir_fd", NULL};                              \
        path_t path = PATH_T_INIT(#NAME, "path", ALLOWFD, 0);                          \
        int dir_fd = AT_FDCWD;                                                         \
        if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O&|$O&:" #NAME, kwlist,        \
                                         path_converter, &path, dir_fd_converter,      \
                                         &dir_fd)) {                                   \
            path_cleanup(&path);                                                       \
            return NULL;                                                               \
        }                                                                              \
        int r;                                                                         \
        Py_BEGIN_ALLOW_THREADS                                                         \
        r = CALL;                                                                      \
        Py_END_ALLOW_THREADS                                                           \
        if (r != 0) {                                                                  \
            path_error(&path);                                                         \
            path_cleanup(&path);                                                       \
            return NULL;                                                               \
        }                                                                              \
        path_cleanup(&path);                                                           \
        Py_RETURN_NONE;                                                                \
    }

PATH_FUNC(rmdir, unlinkat(dir_fd, path.narrow, AT_REMOVEDIR), 0)
PATH_FUNC(remove, unlinkat(dir_fd, path.narrow, 0), 0)
PATH_FUNC(unlink, unlinkat(dir_fd, path.narrow, 0), 0)

static PyObject *
posix_chdir(PyObject *m, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"path", NULL};
    path_t path = PATH_T_INIT("chdir", "path", 1, 0);
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O&:chdir", kwlist, path_converter, &path)) {
        path_cleanup(&path);
        return NULL;
    }
    int r;
    Py_BEGIN_ALLOW_THREADS
    r = path.narrow ? chdir(path.narrow) : fchdir(path.fd);
    Py_END_ALLOW_THREADS
    PyObject *res = r != 0 ? path_error(&path) : Py_NewRef(Py_None);
    path_cleanup(&path);
    return res;
}

static PyObject *
posix_mkdir(PyObject *m, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"path", "mode", "dir_fd", NULL};
    path_t path = PATH_T_INIT("mkdir", "path", 0, 0);
    int mode = 0777, dir_fd = AT_FDCWD;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O&|i$O&:mkdir", kwlist, path_converter,
                                     &path, &mode, dir_fd_converter, &dir_fd)) {
        path_cleanup(&path);
        return NULL;
    }
    int r;
    Py_BEGIN_ALLOW_THREADS
    r = mkdirat(dir_fd, path.narrow, (mode_t)mode);
    Py_END_ALLOW_THREADS
    PyObject *res = r != 0 ? path_error(&path) : Py_NewRef(Py_None);
    path_cleanup(&path);
    return res;
}

static PyObject *
rename_common(PyObject *args, PyObject *kwargs, const char *fname)
{
    static char *kwlist[] = {"src", "dst", "src_dir_fd", "dst_dir_fd", NULL};
    path_t src = PATH_T_INIT(fname, "src", 0, 0);
    path_t dst = PATH_T_INIT(fname, "dst", 0, 0);
    int sfd = AT_FDCWD, dfd = AT_FDCWD;
    char fmt[64];
    snprintf(fmt, sizeof fmt, "O&O&|$O&O&:%s", fname);
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, fmt, kwlist, path_converter, &src,
                                     path_converter, &dst, dir_fd_converter, &sfd,
                                     dir_fd_converter, &dfd)) {
        path_cleanup(&src);
        path_cleanup(&dst);
        return NULL;
    }
    PyObject *res = NULL;
    if (src.is_bytes != dst.is_bytes) {
        PyErr_Format(PyExc_TypeError, "%s: src and dst must be the same type", fname);
    }
    else {
        int r;
        Py_BEGIN_ALLOW_THREADS
        r = renameat(sfd, src.narrow, dfd, dst.narrow);
        Py_END_ALLOW_THREADS
        res = r != 0 ? path_error2(&src, &dst) : Py_NewRef(Py_None);
    }
    path_cleanup(&src);
    path_cleanup(&dst);
    return res;
}

static PyObject *
posix_rename(PyObject *m, PyObject *args, PyObject *kwargs)
{
    return rename_common(args, kwargs, "rename");
}

static PyObject *
posix_replace(PyObject *m, PyObject *args, PyObject *kwargs)
{
    return rename_common(args, kwargs, "replace");
}

static PyObject *
posix_link(PyObject *m, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"src", "dst", NULL};
    path_t src = PATH_T_INIT("link", "src", 0, 0);
    path_t dst = PATH_T_INIT("link", "dst", 0, 0);
    PyObject *res = NULL;
    if (PyArg_ParseTupleAndKeywords(args, kwargs, "O&O&:link", kwlist, path_converter, &src,
                                    path_converter, &dst)) {
        int r;
        Py_BEGIN_ALLOW_THREADS
        r = link(src.narrow, dst.narrow);
        Py_END_ALLOW_THREADS
        res = r != 0 ? path_error2(&src, &dst) : Py_NewRef(Py_None);
    }
    path_cleanup(&src);
    path_cleanup(&dst);
    return res;
}

static PyObject *
posix_symlink(PyObject *m, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"src", "dst", "target_is_directory", "dir_fd", NULL};
    path_t src = PATH_T_INIT("symlink", "src", 0, 0);
    path_t dst = PATH_T_INIT("symlink", "dst", 0, 0);
    int isdir = 0, dir_fd = AT_FDCWD;
    PyObject *res = NULL;
    if (PyArg_ParseTupleAndKeywords(args, kwargs, "O&O&|p$O&:symlink", kwlist, path_converter,
                                    &src, path_converter, &dst, &isdir, dir_fd_converter,
                                    &dir_fd)) {
        int r;
        Py_BEGIN_ALLOW_THREADS
        r = symlinkat(src.narrow, dir_fd, dst.narrow);
        Py_END_ALLOW_THREADS
        res = r != 0 ? path_error2(&src, &dst) : Py_NewRef(Py_None);
    }
    path_cleanup(&src);
    path_cleanup(&dst);
    return res;
}

static PyObject *
posix_readlink(PyObject *m, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"path", "dir_fd", NULL};
    path_t path = PATH_T_INIT("readlink", "path", 0, 0);
    int dir_fd = AT_FDCWD;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O&|$O&:readlink", kwlist, path_converter,
                                     &path, dir_fd_converter, &dir_fd)) {
        path_cleanup(&path);
        return NULL;
    }
    char buf[PATH_MAX + 1];
    ssize_t n;
    Py_BEGIN_ALLOW_THREADS
    n = readlinkat(dir_fd, path.narrow, buf, sizeof buf);
    Py_END_ALLOW_THREADS
    PyObject *res = n < 0 ? path_error(&path) : fs_name(buf, (Py_ssize_t)n, path.is_bytes);
    path_cleanup(&path);
    return res;
}

static PyObject *
posix_access(PyObject *m, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"path", "mode", "dir_fd", "effective_ids", "follow_symlinks", NULL};
    path_t path = PATH_T_INIT("access", "path", 0, 0);
    int mode, dir_fd = AT_FDCWD, eff = 0, follow = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O&i|$O&pp:access", kwlist, path_converter,
                                     &path, &mode, dir_fd_converter, &dir_fd, &eff, &follow)) {
        path_cleanup(&path);
        return NULL;
    }
    int r;
    int flags = (eff ? AT_EACCESS : 0) | (follow ? 0 : AT_SYMLINK_NOFOLLOW);
    Py_BEGIN_ALLOW_THREADS
    r = faccessat(dir_fd, path.narrow, mode, flags);
    Py_END_ALLOW_THREADS
    path_cleanup(&path);
    return Py_NewRef(r == 0 ? Py_True : Py_False);
}

static PyObject *
posix_chmod(PyObject *m, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"path", "mode", "dir_fd", "follow_symlinks", NULL};
    path_t path = PATH_T_INIT("chmod", "path", 1, 0);
    int mode, dir_fd = AT_FDCWD, follow = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O&i|$O&p:chmod", kwlist, path_converter,
                                     &path, &mode, dir_fd_converter, &dir_fd, &follow)) {
        path_cleanup(&path);
        return NULL;
    }
    int r;
    Py_BEGIN_ALLOW_THREADS
    if (path.narrow == NULL) {
        r = fchmod(path.fd, (mode_t)mode);
    }
    else {
        r = fchmodat(dir_fd, path.narrow, (mode_t)mode, follow ? 0 : AT_SYMLINK_NOFOLLOW);
    }
    Py_END_ALLOW_THREADS
    PyObject *res = r != 0 ? path_error(&path) : Py_NewRef(Py_None);
    path_cleanup(&path);
    return res;
}

static PyObject *
posix_truncate(PyObject *m, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"path", "length", NULL};
    path_t path = PATH_T_INIT("truncate", "path", 1, 0);
    long long length;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O&L:truncate", kwlist, path_converter, &path,
                                     &length)) {
        path_cleanup(&path);
        return NULL;
    }
    int r;
    Py_BEGIN_ALLOW_THREADS
    r = path.narrow ? truncate(path.narrow, (off_t)length) : ftruncate(path.fd, (off_t)length);
    Py_END_ALLOW_THREADS
    PyObject *res = r != 0 ? path_error(&path) : Py_NewRef(Py_None);
    path_cleanup(&path);
    return res;
}

static PyObject *
posix_ftruncate(PyObject *m, PyObject *args)
{
    int fd;
    long long length;
    if (!PyArg_ParseTuple(args, "O&L:ftruncate", fd_converter, &fd, &length)) {
        return NULL;
    }
    int r;
    Py_BEGIN_ALLOW_THREADS
    r = ftruncate(fd, (off_t)length);
    Py_END_ALLOW_THREADS
    if (r != 0) {
        return posix_error();
    }
    Py_RETURN_NONE;
}

/* A (atime, mtime) tuple of numbers into timespecs. */
static int
time_pair(PyObject *t, struct timespec ts[2], int ns)
{
    if (!PyTuple_Check(t) || PyTuple_GET_SIZE(t) != 2) {
        PyErr_SetString(PyExc_TypeError, ns ? "utime: 'ns' must be a tuple of two ints"
                        : "utime: 'times' must be either a tuple of two ints or None");
        return -1;
    }
    for (int i = 0; i < 2; i++) {
        PyObject *v = PyTuple_GET_ITEM(t, i);
        if (ns) {
            PyObject *billion = PyLong_FromLong(1000000000);
            PyObject *dm = billion ? PyNumber_Divmod(v, billion) : NULL;
            Py_XDECREF(billion);
            if (dm == NULL) {
                return -1;
            }
            ts[i].tv_sec = (time_t)PyLong_AsLongLong(PyTuple_GET_ITEM(dm, 0));
            ts[i].tv_nsec = PyLong_AsLong(PyTuple_GET_ITEM(dm, 1));
            Py_DECREF(dm);
            if (PyErr_Occurred()) {
                return -1;
            }
        }
        else if (PyFloat_Check(v)) {
            double d = PyFloat_AS_DOUBLE(v);
            double fl = floor(d);
            ts[i].tv_sec = (time_t)fl;
            ts[i].tv_nsec = (long)((d - fl) * 1e9);
        }
        else {
            long long s = PyLong_AsLongLong(v);
            if (s == -1 && PyErr_Occurred()) {
                return -1;
            }
            ts[i].tv_sec = (time_t)s;
            ts[i].tv_nsec = 0;
        }
    }
    return 0;
}

static PyObject *
posix_utime(PyObject *m, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"path", "times", "ns", "dir_fd", "follow_symlinks", NULL};
    path_t path = PATH_T_INIT("utime", "path", 1, 0);
    PyObject *times = Py_None, *ns = NULL;
    int dir_fd = AT_FDCWD, follow = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O&|O$OO&p:utime", kwlist, path_converter,
                                     &path, &times, &ns, dir_fd_converter, &dir_fd, &follow)) {
        path_cleanup(&path);
        return NULL;
    }
    struct timespec ts[2];
    struct timespec *tsp = NULL;
    if (times != Py_None && ns != NULL) {
        PyErr_SetString(PyExc_ValueError, "utime: you may specify either 'times' or 'ns' but not both");
        path_cleanup(&path);
        return NULL;
    }
    if (times != Py_None) {
        if (time_pair(times, ts, 0) < 0) {
            path_cleanup(&path);
            return NULL;
        }
        tsp = ts;
    }
    else if (ns != NULL) {
        if (time_pair(ns, ts, 1) < 0) {
            path_cleanup(&path);
            return NULL;
        }
        tsp = ts;
    }
    int r;
    Py_BEGIN_ALLOW_THREADS
    if (path.narrow == NULL) {
        r = futimens(path.fd, tsp);
    }
    else {
        r = utimensat(dir_fd, path.narrow, tsp, follow ? 0 : AT_SYMLINK_NOFOLLOW);
    }
    Py_END_ALLOW_THREADS
    PyObject *res = r != 0 ? path_error(&path) : Py_NewRef(Py_None);
    path_cleanup(&path);
    return res;
}

/* ---- cwd and directory listing ---- */

static PyObject *
getcwd_common(int as_bytes)
{
    size_t size = 1024;
    for (;;) {
        char *buf = PyMem_Malloc(size);
        if (buf == NULL) {
            return PyErr_NoMemory();
        }
        char *r;
        Py_BEGIN_ALLOW_THREADS
        r = getcwd(buf, size);
        Py_END_ALLOW_THREADS
        if (r != NULL) {
            PyObject *res = fs_name(buf, (Py_ssize_t)strlen(buf), as_bytes);
            PyMem_Free(buf);
            return res;
        }
        PyMem_Free(buf);
        if (errno != ERANGE) {
            return posix_error();
        }
        size *= 2;
    }
}

static PyObject *
posix_getcwd(PyObject *m, PyObject *Py_UNUSED(a))
{
    return getcwd_common(0);
}

static PyObject *
posix_getcwdb(PyObject *m, PyObject *Py_UNUSED(a))
{
    return getcwd_common(1);
}

static PyObject *
posix_listdir(PyObject *m, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"path", NULL};
    path_t path = PATH_T_INIT("listdir", "path", 1, 1);
    PyObject *pathobj = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "|O:listdir", kwlist, &pathobj)) {
        return NULL;
    }
    if (pathobj != NULL && !path_converter(pathobj, &path)) {
        path_cleanup(&path);
        return NULL;
    }
    const char *name = path.narrow ? path.narrow : ".";
    DIR *d;
    Py_BEGIN_ALLOW_THREADS
    if (pathobj != NULL && path.narrow == NULL && path.object != Py_None) {
        int fd2 = dup(path.fd);
        d = fd2 < 0 ? NULL : fdopendir(fd2);
        if (d != NULL) {
            rewinddir(d);
        }
    }
    else {
        d = opendir(name);
    }
    Py_END_ALLOW_THREADS
    if (d == NULL) {
        if (path.object == NULL || path.object == Py_None) {
            Py_XSETREF(path.object, PyUnicode_FromString("."));
        }
        path_error(&path);
        path_cleanup(&path);
        return NULL;
    }
    PyObject *list = PyList_New(0);
    while (list != NULL) {
        struct dirent *ep;
        errno = 0;
        Py_BEGIN_ALLOW_THREADS
        ep = readdir(d);
        Py_END_ALLOW_THREADS
        if (ep == NULL) {
            if (errno != 0) {
                Py_CLEAR(list);
                path_error(&path);
            }
            break;
        }
        const char *n = ep->d_name;
        if (n[0] == '.' && (n[1] == '\0' || (n[1] == '.' && n[2] == '\0'))) {
            continue;
        }
        PyObject *v = fs_name(n, (Py_ssize_t)strlen(n), path.is_bytes);
        if (v == NULL || PyList_Append(list, v) < 0) {
            Py_XDECREF(v);
            Py_CLEAR(list);
            break;
        }
        Py_DECREF(v);
    }
    closedir(d);
    path_cleanup(&path);
    return list;
}

/* ---- scandir / DirEntry ---- */

typedef struct {
    PyObject_HEAD
    PyObject *name;
    PyObject *path;
    PyObject *stat;
    PyObject *lstat;
    unsigned char d_type;
    ino_t d_ino;
    int dir_fd;   /* not used for path-based scans: AT_FDCWD */
} DirEntry;

static PyTypeObject DirEntryType;

static void
direntry_dealloc(PyObject *op)
{
    DirEntry *e = (DirEntry *)op;
    Py_XDECREF(e->name);
    Py_XDECREF(e->path);
    Py_XDECREF(e->stat);
    Py_XDECREF(e->lstat);
    PyObject_Free(op);
}

static PyObject *
direntry_fetch_stat(DirEntry *e, int follow)
{
    path_t p = PATH_T_INIT("stat", "path", 0, 0);
    if (!path_converter(e->path, &p)) {
        path_cleanup(&p);
        return NULL;
    }
    PyObject *r = do_stat(&p, AT_FDCWD, follow);
    path_cleanup(&p);
    return r;
}

static PyObject *
direntry_get_lstat(DirEntry *e)
{
    if (e->lstat == NULL) {
        e->lstat = direntry_fetch_stat(e, 0);
    }
    return Py_XNewRef(e->lstat);
}

static int
direntry_is_symlink_c(DirEntry *e)
{
    if (e->d_type != DT_UNKNOWN) {
        return e->d_type == DT_LNK;
    }
    PyObject *st = direntry_get_lstat(e);
    if (st == NULL) {
        return -1;
    }
    long mode = PyLong_AsLong(PyStructSequence_GetItem(st, 0));
    Py_DECREF(st);
    return S_ISLNK(mode);
}

static PyObject *
direntry_get_stat(DirEntry *e, int follow)
{
    if (!follow) {
        return direntry_get_lstat(e);
    }
    if (e->stat == NULL) {
        int is_link = direntry_is_symlink_c(e);
        if (is_link < 0) {
            return NULL;
        }
        if (is_link) {
            e->stat = direntry_fetch_stat(e, 1);
        }
        else {
            e->stat = direntry_get_lstat(e);
        }
    }
    return Py_XNewRef(e->stat);
}

/* is_dir / is_file: the d_type shortcut, else stat (missing file: False). */
static int
direntry_test_mode(DirEntry *e, int follow, int want_dir)
{
    int need_stat = e->d_type == DT_UNKNOWN || (follow && e->d_type == DT_LNK);
    if (!need_stat) {
        return want_dir ? e->d_type == DT_DIR : e->d_type == DT_REG;
    }
    PyObject *st = direntry_get_stat(e, follow);
    if (st == NULL) {
        if (PyErr_ExceptionMatches(PyExc_FileNotFoundError)) {
            PyErr_Clear();
            return 0;
        }
        return -1;
    }
    long mode = PyLong_AsLong(PyStructSequence_GetItem(st, 0));
    Py_DECREF(st);
    return want_dir ? S_ISDIR(mode) : S_ISREG(mode);
}

static int
parse_follow(PyObject *args, PyObject *kwargs, const char *fname, int *follow)
{
    static char *kwlist[] = {"follow_symlinks", NULL};
    char fmt[48];
    snprintf(fmt, sizeof fmt, "|$p:%s", fname);
    *follow = 1;
    return PyArg_ParseTupleAndKeywords(args, kwargs, fmt, kwlist, follow);
}

static PyObject *
direntry_is_dir(PyObject *op, PyObject *args, PyObject *kwargs)
{
    int follow;
    if (!parse_follow(args, kwargs, "is_dir", &follow)) {
        return NULL;
    }
    int r = direntry_test_mode((DirEntry *)op, follow, 1);
    return r < 0 ? NULL : Py_NewRef(r ? Py_True : Py_False);
}

static PyObject *
direntry_is_file(PyObject *op, PyObject *args, PyObject *kwargs)
{
    int follow;
    if (!parse_follow(args, kwargs, "is_file", &follow)) {
        return NULL;
    }
    int r = direntry_test_mode((DirEntry *)op, follow, 0);
    return r < 0 ? NULL : Py_NewRef(r ? Py_True : Py_False);
}

static PyObject *
direntry_is_symlink(PyObject *op, PyObject *Py_UNUSED(a))
{
    int r = direntry_is_symlink_c((DirEntry *)op);
    return r < 0 ? NULL : Py_NewRef(r ? Py_True : Py_False);
}

static PyObject *
direntry_is_junction(PyObject *op, PyObject *Py_UNUSED(a))
{
    Py_RETURN_FALSE;
}

static PyObject *
direntry_stat(PyObject *op, PyObject *args, PyObject *kwargs)
{
    int follow;
    if (!parse_follow(args, kwargs, "stat", &follow)) {
        return NULL;
    }
    return direntry_get_stat((DirEntry *)op, follow);
}

static PyObject *
direntry_inode(PyObject *op, PyObject *Py_UNUSED(a))
{
    return PyLong_FromUnsignedLongLong((unsigned long long)((DirEntry *)op)->d_ino);
}

static PyObject *
direntry_fspath(PyObject *op, PyObject *Py_UNUSED(a))
{
    return Py_NewRef(((DirEntry *)op)->path);
}

static PyObject *
direntry_repr(PyObject *op)
{
    return PyUnicode_FromFormat("<DirEntry %R>", ((DirEntry *)op)->name);
}

static PyMethodDef direntry_methods[] = {
    {"is_dir", (PyCFunction)(void (*)(void))direntry_is_dir, METH_VARARGS | METH_KEYWORDS, NULL},
    {"is_file", (PyCFunction)(void (*)(void))direntry_is_file, METH_VARARGS | METH_KEYWORDS, NULL},
    {"is_symlink", direntry_is_symlink, METH_NOARGS, NULL},
    {"is_junction", direntry_is_junction, METH_NOARGS, NULL},
    {"stat", (PyCFunction)(void (*)(void))direntry_stat, METH_VARARGS | METH_KEYWORDS, NULL},
    {"inode", direntry_inode, METH_NOARGS, NULL},
    {"__fspath__", direntry_fspath, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyMemberDef direntry_members[] = {
    {"name", Py_T_OBJECT_EX, offsetof(DirEntry, name), Py_READONLY, "the entry's base filename"},
    {"path", Py_T_OBJECT_EX, offsetof(DirEntry, path), Py_READONLY, "the entry's full path name"},
    {NULL, 0, 0, 0, NULL},
};

static PyTypeObject DirEntryType = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "posix.DirEntry",
    .tp_basicsize = sizeof(DirEntry),
    .tp_dealloc = direntry_dealloc,
    .tp_repr = direntry_repr,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_methods = direntry_methods,
    .tp_members = direntry_members,
};

typedef struct {
    PyObject_HEAD
    DIR *dirp;
    path_t path;
    PyMutex lock;   /* next() and close() from several threads */
} ScandirIterator;

static PyTypeObject ScandirIteratorType;

static void
scandir_close_c(ScandirIterator *it)
{
    DIR *d = it->dirp;
    it->dirp = NULL;
    if (d != NULL) {
        Py_BEGIN_ALLOW_THREADS
        closedir(d);
        Py_END_ALLOW_THREADS
    }
}

static void
scandir_dealloc(PyObject *op)
{
    ScandirIterator *it = (ScandirIterator *)op;
    scandir_close_c(it);
    path_cleanup(&it->path);
    PyObject_Free(op);
}

static PyObject *
scandir_next(PyObject *op)
{
    ScandirIterator *it = (ScandirIterator *)op;
    PyObject *res = NULL;
    PyMutex_Lock(&it->lock);
    while (it->dirp != NULL) {
        struct dirent *ep;
        errno = 0;
        ep = readdir(it->dirp);
        if (ep == NULL) {
            if (errno != 0) {
                path_error(&it->path);
            }
            scandir_close_c(it);
            break;
        }
        const char *n = ep->d_name;
        if (n[0] == '.' && (n[1] == '\0' || (n[1] == '.' && n[2] == '\0'))) {
            continue;
        }
        DirEntry *e = PyObject_New(DirEntry, &DirEntryType);
        if (e == NULL) {
            break;
        }
        e->stat = e->lstat = NULL;
        e->d_type = ep->d_type;
        e->d_ino = ep->d_ino;
        e->dir_fd = AT_FDCWD;
        int as_bytes = it->path.is_bytes;
        e->name = fs_name(n, (Py_ssize_t)strlen(n), as_bytes);
        const char *base = it->path.narrow ? it->path.narrow : ".";
        size_t blen = strlen(base), nlen = strlen(n);
        int need_sep = blen > 0 && base[blen - 1] != '/';
        char *full = PyMem_Malloc(blen + nlen + 2);
        if (full == NULL) {
            e->path = NULL;
            Py_DECREF(e);
            PyErr_NoMemory();
            break;
        }
        memcpy(full, base, blen);
        if (need_sep) {
            full[blen++] = '/';
        }
        memcpy(full + blen, n, nlen + 1);
        e->path = fs_name(full, (Py_ssize_t)(blen + nlen), as_bytes);
        PyMem_Free(full);
        if (e->name == NULL || e->path == NULL) {
            Py_DECREF(e);
            break;
        }
        res = (PyObject *)e;
        break;
    }
    PyMutex_Unlock(&it->lock);
    return res;
}

static PyObject *
scandir_close(PyObject *op, PyObject *Py_UNUSED(a))
{
    ScandirIterator *it = (ScandirIterator *)op;
    PyMutex_Lock(&it->lock);
    scandir_close_c(it);
    PyMutex_Unlock(&it->lock);
    Py_RETURN_NONE;
}

static PyObject *
scandir_enter(PyObject *op, PyObject *Py_UNUSED(a))
{
    return Py_NewRef(op);
}

static PyObject *
scandir_exit(PyObject *op, PyObject *args)
{
    return scandir_close(op, NULL);
}

static PyMethodDef scandir_methods[] = {
    {"close", scandir_close, METH_NOARGS, NULL},
    {"__enter__", scandir_enter, METH_NOARGS, NULL},
    {"__exit__", scandir_exit, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject ScandirIteratorType = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "posix.ScandirIterator",
    .tp_basicsize = sizeof(ScandirIterator),
    .tp_dealloc = scandir_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = scandir_next,
    .tp_methods = scandir_methods,
};

static PyObject *
posix_scandir(PyObject *m, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"path", NULL};
    PyObject *pathobj = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "|O:scandir", kwlist, &pathobj)) {
        return NULL;
    }
    ScandirIterator *it = PyObject_New(ScandirIterator, &ScandirIteratorType);
    if (it == NULL) {
        return NULL;
    }
    path_t init = PATH_T_INIT("scandir", "path", 0, 1);
    it->path = init;
    it->dirp = NULL;
    memset(&it->lock, 0, sizeof it->lock);
    if (pathobj != NULL && !path_converter(pathobj, &it->path)) {
        Py_DECREF(it);
        return NULL;
    }
    const char *name = it->path.narrow ? it->path.narrow : ".";
    DIR *d;
    Py_BEGIN_ALLOW_THREADS
    d = opendir(name);
    Py_END_ALLOW_THREADS
    if (d == NULL) {
        if (it->path.object == NULL || it->path.object == Py_None) {
            Py_XSETREF(it->path.object, PyUnicode_FromString("."));
        }
        path_error(&it->path);
        Py_DECREF(it);
        return NULL;
    }
    it->dirp = d;
    return (PyObject *)it;
}

/* ---- file descriptors ---- */

static PyObject *
posix_open(PyObject *m, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"path", "flags", "mode", "dir_fd", NULL};
    path_t path = PATH_T_INIT("open", "path", 0, 0);
    int flags, mode = 0777, dir_fd = AT_FDCWD;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O&i|i$O&:open", kwlist, path_converter,
                                     &path, &flags, &mode, dir_fd_converter, &dir_fd)) {
        path_cleanup(&path);
        return NULL;
    }
    int fd;
    for (;;) {
        Py_BEGIN_ALLOW_THREADS
        fd = openat(dir_fd, path.narrow, flags | O_CLOEXEC, mode);
        Py_END_ALLOW_THREADS
        if (fd >= 0 || errno != EINTR) {
            break;
        }
        if (PyErr_CheckSignals() < 0) {
            path_cleanup(&path);
            return NULL;
        }
    }
    PyObject *res = fd < 0 ? path_error(&path) : PyLong_FromLong(fd);
    path_cleanup(&path);
    return res;
}

static PyObject *
posix_close(PyObject *m, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"fd", NULL};
    int fd;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O&:close", kwlist, fd_converter, &fd)) {
        return NULL;
    }
    int r;
    Py_BEGIN_ALLOW_THREADS
    r = close(fd);
    Py_END_ALLOW_THREADS
    if (r < 0 && errno != EINTR) {
        return posix_error();
    }
    Py_RETURN_NONE;
}

static PyObject *
posix_closerange(PyObject *m, PyObject *args)
{
    int lo, hi;
    if (!PyArg_ParseTuple(args, "O&O&:closerange", fd_converter, &lo, fd_converter, &hi)) {
        return NULL;
    }
    Py_BEGIN_ALLOW_THREADS
    for (int i = lo < 0 ? 0 : lo; i < hi; i++) {
        close(i);
    }
    Py_END_ALLOW_THREADS
    Py_RETURN_NONE;
}

static PyObject *
posix_read(PyObject *m, PyObject *args)
{
    int fd;
    Py_ssize_t n;
    if (!PyArg_ParseTuple(args, "O&n:read", fd_converter, &fd, &n)) {
        return NULL;
    }
    if (n < 0) {
        errno = EINVAL;
        return posix_error();
    }
    PyObject *buf = PyBytes_FromStringAndSize(NULL, n);
    if (buf == NULL) {
        return NULL;
    }
    ssize_t got;
    for (;;) {
        Py_BEGIN_ALLOW_THREADS
        got = read(fd, PyBytes_AS_STRING(buf), (size_t)n);
        Py_END_ALLOW_THREADS
        if (got >= 0 || errno != EINTR) {
            break;
        }
        if (PyErr_CheckSignals() < 0) {
            Py_DECREF(buf);
            return NULL;
        }
    }
    if (got < 0) {
        Py_DECREF(buf);
        return posix_error();
    }
    if (got != n) {
        PyObject *r = PyBytes_FromStringAndSize(PyBytes_AS_STRING(buf), got);
        Py_DECREF(buf);
        return r;
    }
    return buf;
}

static PyObject *
posix_write(PyObject *m, PyObject *args)
{
    int fd;
    Py_buffer data;
    if (!PyArg_ParseTuple(args, "O&y*:write", fd_converter, &fd, &data)) {
        return NULL;
    }
    ssize_t n;
    for (;;) {
        Py_BEGIN_ALLOW_THREADS
        n = write(fd, data.buf, (size_t)data.len);
        Py_END_ALLOW_THREADS
        if (n >= 0 || errno != EINTR) {
            break;
        }
        if (PyErr_CheckSignals() < 0) {
            PyBuffer_Release(&data);
            return NULL;
        }
    }
    PyBuffer_Release(&data);
    if (n < 0) {
        return posix_error();
    }
    return PyLong_FromSsize_t(n);
}

static PyObject *
posix_lseek(PyObject *m, PyObject *args)
{
    int fd, how;
    long long pos;
    if (!PyArg_ParseTuple(args, "O&Li:lseek", fd_converter, &fd, &pos, &how)) {
        return NULL;
    }
    off_t r;
    Py_BEGIN_ALLOW_THREADS
    r = lseek(fd, (off_t)pos, how);
    Py_END_ALLOW_THREADS
    if (r < 0) {
        return posix_error();
    }
    return PyLong_FromLongLong((long long)r);
}

static PyObject *
posix_dup(PyObject *m, PyObject *arg)
{
    int fd;
    if (!fd_converter(arg, &fd)) {
        return NULL;
    }
    int r = fcntl(fd, F_DUPFD_CLOEXEC, 0);
    if (r < 0) {
        return posix_error();
    }
    return PyLong_FromLong(r);
}

static PyObject *
posix_dup2(PyObject *m, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"fd", "fd2", "inheritable", NULL};
    int fd, fd2, inheritable = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O&O&|p:dup2", kwlist, fd_converter, &fd,
                                     fd_converter, &fd2, &inheritable)) {
        return NULL;
    }
    int r;
    if (!inheritable && fd != fd2) {
        r = dup3(fd, fd2, O_CLOEXEC);
    }
    else {
        r = dup2(fd, fd2);
    }
    if (r < 0) {
        return posix_error();
    }
    return PyLong_FromLong(r);
}

static PyObject *
posix_pipe(PyObject *m, PyObject *Py_UNUSED(a))
{
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) < 0) {
        return posix_error();
    }
    return Py_BuildValue("(ii)", fds[0], fds[1]);
}

static PyObject *
posix_isatty(PyObject *m, PyObject *arg)
{
    int fd;
    if (!fd_converter(arg, &fd)) {
        return NULL;
    }
    return Py_NewRef(isatty(fd) ? Py_True : Py_False);
}

static PyObject *
posix_fsync(PyObject *m, PyObject *arg)
{
    int fd;
    if (!PyLong_Check(arg)) {
        /* objects with fileno() */
        PyObject *r = PyObject_CallMethod(arg, "fileno", NULL);
        if (r == NULL) {
            return NULL;
        }
        int ok = fd_converter(r, &fd);
        Py_DECREF(r);
        if (!ok) {
            return NULL;
        }
    }
    else if (!fd_converter(arg, &fd)) {
        return NULL;
    }
    int r;
    Py_BEGIN_ALLOW_THREADS
    r = fsync(fd);
    Py_END_ALLOW_THREADS
    if (r < 0) {
        return posix_error();
    }
    Py_RETURN_NONE;
}

static PyObject *
posix_get_blocking(PyObject *m, PyObject *arg)
{
    int fd;
    if (!fd_converter(arg, &fd)) {
        return NULL;
    }
    int flags = fcntl(fd, F_GETFL);
    if (flags < 0) {
        return posix_error();
    }
    return Py_NewRef(flags & O_NONBLOCK ? Py_False : Py_True);
}

static PyObject *
posix_set_blocking(PyObject *m, PyObject *args)
{
    int fd, blocking;
    if (!PyArg_ParseTuple(args, "O&p:set_blocking", fd_converter, &fd, &blocking)) {
        return NULL;
    }
    int flags = fcntl(fd, F_GETFL);
    if (flags < 0) {
        return posix_error();
    }
    flags = blocking ? (flags & ~O_NONBLOCK) : (flags | O_NONBLOCK);
    if (fcntl(fd, F_SETFL, flags) < 0) {
        return posix_error();
    }
    Py_RETURN_NONE;
}

static PyObject *
posix_get_inheritable(PyObject *m, PyObject *arg)
{
    int fd;
    if (!fd_converter(arg, &fd)) {
        return NULL;
    }
    int flags = fcntl(fd, F_GETFD);
    if (flags < 0) {
        return posix_error();
    }
    return Py_NewRef(flags & FD_CLOEXEC ? Py_False : Py_True);
}

static PyObject *
posix_set_inheritable(PyObject *m, PyObject *args)
{
    int fd, inh;
    if (!PyArg_ParseTuple(args, "O&p:set_inheritable", fd_converter, &fd, &inh)) {
        return NULL;
    }
    int flags = fcntl(fd, F_GETFD);
    if (flags < 0) {
        return posix_error();
    }
    flags = inh ? (flags & ~FD_CLOEXEC) : (flags | FD_CLOEXEC);
    if (fcntl(fd, F_SETFD, flags) < 0) {
        return posix_error();
    }
    Py_RETURN_NONE;
}

static PyObject *
posix_device_encoding(PyObject *m, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"fd", NULL};
    int fd;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O&:device_encoding", kwlist, fd_converter,
                                     &fd)) {
        return NULL;
    }
    if (isatty(fd)) {
        return PyUnicode_FromString("UTF-8");
    }
    Py_RETURN_NONE;
}

/* ---- process ---- */

static PyObject *
posix_getpid(PyObject *m, PyObject *Py_UNUSED(a))
{
    return PyLong_FromLong((long)getpid());
}

static PyObject *
posix_getppid(PyObject *m, PyObject *Py_UNUSED(a))
{
    return PyLong_FromLong((long)getppid());
}

#define ID_FUNC(NAME)                                                   \
    static PyObject *posix_##NAME(PyObject *m, PyObject *Py_UNUSED(a))  \
    {                                                                   \
        return PyLong_FromUnsignedLong((unsigned long)NAME());          \
    }
ID_FUNC(getuid)
ID_FUNC(geteuid)
ID_FUNC(getgid)
ID_FUNC(getegid)

static PyObject *
posix_getpgrp(PyObject *m, PyObject *Py_UNUSED(a))
{
    return PyLong_FromLong((long)getpgrp());
}

static PyObject *
posix_getlogin(PyObject *m, PyObject *Py_UNUSED(a))
{
    errno = 0;
    char *name = getlogin();
    if (name == NULL) {
        if (errno == 0) {
            errno = ENOENT;
        }
        return posix_error();
    }
    return PyUnicode_DecodeFSDefault(name);
}

static PyObject *
posix_cpu_count(PyObject *m, PyObject *Py_UNUSED(a))
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    if (n < 1) {
        Py_RETURN_NONE;
    }
    return PyLong_FromLong(n);
}

static PyObject *
posix_process_cpu_count(PyObject *m, PyObject *Py_UNUSED(a))
{
    cpu_set_t set;
    if (sched_getaffinity(0, sizeof set, &set) == 0) {
        return PyLong_FromLong(CPU_COUNT(&set));
    }
    return posix_cpu_count(m, NULL);
}

static PyObject *
posix_urandom(PyObject *m, PyObject *arg)
{
    Py_ssize_t n = PyNumber_AsSsize_t(arg, PyExc_OverflowError);
    if (n == -1 && PyErr_Occurred()) {
        return NULL;
    }
    if (n < 0) {
        PyErr_SetString(PyExc_ValueError, "negative argument not allowed");
        return NULL;
    }
    PyObject *b = PyBytes_FromStringAndSize(NULL, n);
    if (b == NULL) {
        return NULL;
    }
    char *p = PyBytes_AS_STRING(b);
    Py_ssize_t done = 0;
    while (done < n) {
        ssize_t r;
        Py_BEGIN_ALLOW_THREADS
        r = getrandom(p + done, (size_t)(n - done), 0);
        Py_END_ALLOW_THREADS
        if (r < 0) {
            if (errno == EINTR) {
                if (PyErr_CheckSignals() < 0) {
                    Py_DECREF(b);
                    return NULL;
                }
                continue;
            }
            Py_DECREF(b);
            return posix_error();
        }
        done += r;
    }
    return b;
}

static PyObject *
posix_strerror(PyObject *m, PyObject *arg)
{
    int code;
    if (!fd_converter(arg, &code)) {
        return NULL;
    }
    const char *msg = strerror(code);
    if (msg == NULL) {
        PyErr_SetString(PyExc_ValueError, "strerror() argument out of range");
        return NULL;
    }
    return PyUnicode_DecodeLocale(msg, "surrogateescape");
}

/* name/value for putenv/unsetenv: str or bytes, checked as CPython does. */
static PyObject *
env_arg(PyObject *o, const char *what)
{
    PyObject *b;
    if (PyUnicode_Check(o)) {
        b = PyUnicode_EncodeFSDefault(o);
    }
    else if (PyBytes_Check(o)) {
        b = Py_NewRef(o);
    }
    else {
        PyObject *s = fspath_impl(o);
        if (s == NULL) {
            return NULL;
        }
        b = PyUnicode_Check(s) ? PyUnicode_EncodeFSDefault(s) : Py_NewRef(s);
        Py_DECREF(s);
    }
    if (b == NULL) {
        return NULL;
    }
    if ((size_t)PyBytes_GET_SIZE(b) != strlen(PyBytes_AS_STRING(b))) {
        PyErr_SetString(PyExc_ValueError, "embedded null byte");
        Py_DECREF(b);
        return NULL;
    }
    (void)what;
    return b;
}

static PyObject *
posix_putenv(PyObject *m, PyObject *args)
{
    PyObject *name, *value;
    if (!PyArg_ParseTuple(args, "OO:putenv", &name, &value)) {
        return NULL;
    }
    PyObject *nb = env_arg(name, "name");
    if (nb == NULL) {
        return NULL;
    }
    PyObject *vb = env_arg(value, "value");
    if (vb == NULL) {
        Py_DECREF(nb);
        return NULL;
    }
    const char *n = PyBytes_AS_STRING(nb);
    if (n[0] == '\0' || strchr(n, '=') != NULL) {
        PyErr_SetString(PyExc_ValueError, "illegal environment variable name");
        Py_DECREF(nb);
        Py_DECREF(vb);
        return NULL;
    }
    int r = setenv(n, PyBytes_AS_STRING(vb), 1);
    Py_DECREF(nb);
    Py_DECREF(vb);
    if (r != 0) {
        return posix_error();
    }
    Py_RETURN_NONE;
}

static PyObject *
posix_unsetenv(PyObject *m, PyObject *arg)
{
    PyObject *nb = env_arg(arg, "name");
    if (nb == NULL) {
        return NULL;
    }
    const char *n = PyBytes_AS_STRING(nb);
    if (n[0] == '\0' || strchr(n, '=') != NULL) {
        PyErr_SetString(PyExc_ValueError, "illegal environment variable name");
        Py_DECREF(nb);
        return NULL;
    }
    int r = unsetenv(n);
    Py_DECREF(nb);
    if (r != 0) {
        return posix_error();
    }
    Py_RETURN_NONE;
}

static PyObject *
posix_umask(PyObject *m, PyObject *arg)
{
    int mask;
    if (!fd_converter(arg, &mask)) {
        return NULL;
    }
    return PyLong_FromLong((long)umask((mode_t)mask));
}

static PyObject *
posix_kill(PyObject *m, PyObject *args)
{
    long pid;
    int sig;
    if (!PyArg_ParseTuple(args, "li:kill", &pid, &sig)) {
        return NULL;
    }
    if (kill((pid_t)pid, sig) != 0) {
        return posix_error();
    }
    /* A signal sent to ourselves runs its Python handler now. */
    if (PyErr_CheckSignals() < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
posix_waitpid(PyObject *m, PyObject *args)
{
    long pid;
    int options;
    if (!PyArg_ParseTuple(args, "li:waitpid", &pid, &options)) {
        return NULL;
    }
    int status = 0;
    pid_t r;
    for (;;) {
        Py_BEGIN_ALLOW_THREADS
        r = waitpid((pid_t)pid, &status, options);
        Py_END_ALLOW_THREADS
        if (r >= 0 || errno != EINTR) {
            break;
        }
        if (PyErr_CheckSignals() < 0) {
            return NULL;
        }
    }
    if (r < 0) {
        return posix_error();
    }
    return Py_BuildValue("(li)", (long)r, status);
}

static PyObject *
posix_waitstatus_to_exitcode(PyObject *m, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"status", NULL};
    int status;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "i:waitstatus_to_exitcode", kwlist, &status)) {
        return NULL;
    }
    if (WIFEXITED(status)) {
        return PyLong_FromLong(WEXITSTATUS(status));
    }
    if (WIFSIGNALED(status)) {
        return PyLong_FromLong(-WTERMSIG(status));
    }
    PyErr_Format(PyExc_ValueError, "invalid wait status: %i", status);
    return NULL;
}

#define WAIT_MACRO(NAME, EXPR, BOOL)                                                    \
    static PyObject *posix_##NAME(PyObject *m, PyObject *args, PyObject *kwargs)        \
    {                                                                                   \
        static char *kwlist[] = {"status", NULL};                                       \
        int status;                                                                     \
        if (!PyArg_ParseTupleAndKeywords(args, kwargs, "i:" #NAME, kwlist, &status)) {  \
            return NULL;                                                                \
        }                                                                               \
        if (BOOL) {                                                                     \
            return PyBool_FromLong(EXPR(status));                                       \
        }                                                                               \
        return PyLong_FromLong(EXPR(status));                                           \
    }
WAIT_MACRO(WIFEXITED, WIFEXITED, 1)
WAIT_MACRO(WEXITSTATUS, WEXITSTATUS, 0)
WAIT_MACRO(WIFSIGNALED, WIFSIGNALED, 1)
WAIT_MACRO(WTERMSIG, WTERMSIG, 0)
WAIT_MACRO(WIFSTOPPED, WIFSTOPPED, 1)
WAIT_MACRO(WSTOPSIG, WSTOPSIG, 0)

static PyObject *
posix__exit(PyObject *m, PyObject *arg)
{
    int code;
    if (!fd_converter(arg, &code)) {
        return NULL;
    }
    _exit(code);
}

static PyObject *
posix_system(PyObject *m, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"command", NULL};
    path_t cmd = PATH_T_INIT("system", "command", 0, 0);
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O&:system", kwlist, path_converter, &cmd)) {
        path_cleanup(&cmd);
        return NULL;
    }
    int r;
    Py_BEGIN_ALLOW_THREADS
    r = system(cmd.narrow);
    Py_END_ALLOW_THREADS
    path_cleanup(&cmd);
    return PyLong_FromLong(r);
}

static PyObject *
posix_fspath(PyObject *m, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"path", NULL};
    PyObject *path;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O:fspath", kwlist, &path)) {
        return NULL;
    }
    return fspath_impl(path);
}

/* ---- times, uname, terminal size ---- */

static PyStructSequence_Field times_fields[] = {
    {"user", "user time"},
    {"system", "system time"},
    {"children_user", "user time of children"},
    {"children_system", "system time of children"},
    {"elapsed", "elapsed time since an arbitrary point in the past"},
    {NULL, NULL},
};
static PyStructSequence_Desc times_desc = {
    "posix.times_result", "times_result: Result from os.times().", times_fields, 5};
static PyTypeObject TimesResultType;

static PyObject *
posix_times(PyObject *m, PyObject *Py_UNUSED(a))
{
    struct tms t;
    clock_t c = times(&t);
    if (c == (clock_t)-1) {
        return posix_error();
    }
    double tick = (double)sysconf(_SC_CLK_TCK);
    PyObject *v = PyStructSequence_New(&TimesResultType);
    if (v == NULL) {
        return NULL;
    }
    double vals[5] = {t.tms_utime / tick, t.tms_stime / tick, t.tms_cutime / tick,
                      t.tms_cstime / tick, c / tick};
    for (int i = 0; i < 5; i++) {
        PyObject *x = PyFloat_FromDouble(vals[i]);
        if (x == NULL) {
            Py_DECREF(v);
            return NULL;
        }
        PyStructSequence_SetItem(v, i, x);
    }
    return v;
}

static PyStructSequence_Field uname_fields[] = {
    {"sysname", "operating system name"},
    {"nodename", "name of machine on network (implementation-defined)"},
    {"release", "operating system release"},
    {"version", "operating system version"},
    {"machine", "hardware identifier"},
    {NULL, NULL},
};
static PyStructSequence_Desc uname_desc = {
    "posix.uname_result", "uname_result: Result from os.uname().", uname_fields, 5};
static PyTypeObject UnameResultType;

static PyObject *
posix_uname(PyObject *m, PyObject *Py_UNUSED(a))
{
    struct utsname u;
    if (uname(&u) < 0) {
        return posix_error();
    }
    PyObject *v = PyStructSequence_New(&UnameResultType);
    if (v == NULL) {
        return NULL;
    }
    const char *vals[5] = {u.sysname, u.nodename, u.release, u.version, u.machine};
    for (int i = 0; i < 5; i++) {
        PyObject *x = PyUnicode_DecodeFSDefault(vals[i]);
        if (x == NULL) {
            Py_DECREF(v);
            return NULL;
        }
        PyStructSequence_SetItem(v, i, x);
    }
    return v;
}

static PyStructSequence_Field termsize_fields[] = {
    {"columns", "width of the terminal window in characters"},
    {"lines", "height of the terminal window in characters"},
    {NULL, NULL},
};
static PyStructSequence_Desc termsize_desc = {
    "os.terminal_size", "A tuple of (columns, lines) for holding terminal window size",
    termsize_fields, 2};
static PyTypeObject TerminalSizeType;

static PyObject *
posix_get_terminal_size(PyObject *m, PyObject *args)
{
    int fd = 1;
    if (!PyArg_ParseTuple(args, "|i:get_terminal_size", &fd)) {
        return NULL;
    }
    struct winsize w;
    if (ioctl(fd, TIOCGWINSZ, &w) != 0) {
        return posix_error();
    }
    PyObject *v = PyStructSequence_New(&TerminalSizeType);
    if (v == NULL) {
        return NULL;
    }
    PyStructSequence_SetItem(v, 0, PyLong_FromLong(w.ws_col));
    PyStructSequence_SetItem(v, 1, PyLong_FromLong(w.ws_row));
    return v;
}

static PyStructSequence_Field statvfs_fields[] = {
    {"f_bsize", NULL}, {"f_frsize", NULL}, {"f_blocks", NULL}, {"f_bfree", NULL},
    {"f_bavail", NULL}, {"f_files", NULL}, {"f_ffree", NULL}, {"f_favail", NULL},
    {"f_flag", NULL}, {"f_namemax", NULL}, {"f_fsid", NULL},
    {NULL, NULL},
};
static PyStructSequence_Desc statvfs_desc = {
    "os.statvfs_result", "statvfs_result: Result from statvfs or fstatvfs.", statvfs_fields, 10};
static PyTypeObject StatvfsResultType;

static PyObject *
posix_statvfs(PyObject *m, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"path", NULL};
    path_t path = PATH_T_INIT("statvfs", "path", 1, 0);
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O&:statvfs", kwlist, path_converter, &path)) {
        path_cleanup(&path);
        return NULL;
    }
    struct statvfs st;
    int r;
    Py_BEGIN_ALLOW_THREADS
    r = path.narrow ? statvfs(path.narrow, &st) : fstatvfs(path.fd, &st);
    Py_END_ALLOW_THREADS
    if (r != 0) {
        path_error(&path);
        path_cleanup(&path);
        return NULL;
    }
    path_cleanup(&path);
    PyObject *v = PyStructSequence_New(&StatvfsResultType);
    if (v == NULL) {
        return NULL;
    }
    unsigned long long vals[11] = {st.f_bsize, st.f_frsize, st.f_blocks, st.f_bfree, st.f_bavail,
                                   st.f_files, st.f_ffree, st.f_favail, st.f_flag, st.f_namemax,
                                   st.f_fsid};
    for (int i = 0; i < 11; i++) {
        PyObject *x = PyLong_FromUnsignedLongLong(vals[i]);
        if (x == NULL) {
            Py_DECREF(v);
            return NULL;
        }
        PyStructSequence_SetItem(v, i, x);
    }
    return v;
}

static PyObject *
posix_fork(PyObject *m, PyObject *Py_UNUSED(a))
{
    pid_t pid = fork();
    if (pid < 0) {
        return posix_error();
    }
    return PyLong_FromLong((long)pid);
}

/* str/bytes/PathLike as file system bytes (new reference). */
static PyObject *
fs_bytes(PyObject *o)
{
    PyObject *s = fspath_impl(o);
    if (s == NULL) {
        return NULL;
    }
    if (PyUnicode_Check(s)) {
        Py_SETREF(s, PyUnicode_EncodeFSDefault(s));
    }
    return s;
}

/* ---- more process and file calls ---- */

static PyObject *
posix_fchmod(PyObject *m, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"fd", "mode", NULL};
    int fd, mode;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O&i:fchmod", kwlist, fd_converter, &fd,
                                     &mode)) {
        return NULL;
    }
    int r;
    Py_BEGIN_ALLOW_THREADS
    r = fchmod(fd, (mode_t)mode);
    Py_END_ALLOW_THREADS
    if (r != 0) {
        return posix_error();
    }
    Py_RETURN_NONE;
}

static PyObject *
chown_common(PyObject *args, PyObject *kwargs, const char *fname, int follow_default)
{
    static char *kwlist[] = {"path", "uid", "gid", "dir_fd", "follow_symlinks", NULL};
    path_t path = PATH_T_INIT(fname, "path", 1, 0);
    long uid, gid;
    int dir_fd = AT_FDCWD, follow = follow_default;
    char fmt[48];
    snprintf(fmt, sizeof fmt, "O&ll|$O&p:%s", fname);
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, fmt, kwlist, path_converter, &path, &uid,
                                     &gid, dir_fd_converter, &dir_fd, &follow)) {
        path_cleanup(&path);
        return NULL;
    }
    int r;
    Py_BEGIN_ALLOW_THREADS
    if (path.narrow == NULL) {
        r = fchown(path.fd, (uid_t)uid, (gid_t)gid);
    }
    else {
        r = fchownat(dir_fd, path.narrow, (uid_t)uid, (gid_t)gid,
                     follow ? 0 : AT_SYMLINK_NOFOLLOW);
    }
    Py_END_ALLOW_THREADS
    PyObject *res = r != 0 ? path_error(&path) : Py_NewRef(Py_None);
    path_cleanup(&path);
    return res;
}

static PyObject *
posix_chown(PyObject *m, PyObject *args, PyObject *kwargs)
{
    return chown_common(args, kwargs, "chown", 1);
}

static PyObject *
posix_lchown(PyObject *m, PyObject *args, PyObject *kwargs)
{
    return chown_common(args, kwargs, "lchown", 0);
}

static PyObject *
posix_fchown(PyObject *m, PyObject *args)
{
    int fd;
    long uid, gid;
    if (!PyArg_ParseTuple(args, "O&ll:fchown", fd_converter, &fd, &uid, &gid)) {
        return NULL;
    }
    if (fchown(fd, (uid_t)uid, (gid_t)gid) != 0) {
        return posix_error();
    }
    Py_RETURN_NONE;
}

static PyObject *
posix_mkfifo(PyObject *m, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"path", "mode", "dir_fd", NULL};
    path_t path = PATH_T_INIT("mkfifo", "path", 0, 0);
    int mode = 0666, dir_fd = AT_FDCWD;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O&|i$O&:mkfifo", kwlist, path_converter,
                                     &path, &mode, dir_fd_converter, &dir_fd)) {
        path_cleanup(&path);
        return NULL;
    }
    int r;
    Py_BEGIN_ALLOW_THREADS
    r = mkfifoat(dir_fd, path.narrow, (mode_t)mode);
    Py_END_ALLOW_THREADS
    PyObject *res = r != 0 ? path_error(&path) : Py_NewRef(Py_None);
    path_cleanup(&path);
    return res;
}

static PyObject *
posix_getloadavg(PyObject *m, PyObject *Py_UNUSED(a))
{
    double load[3];
    if (getloadavg(load, 3) != 3) {
        PyErr_SetString(PyExc_OSError, "Load averages are unobtainable");
        return NULL;
    }
    return Py_BuildValue("(ddd)", load[0], load[1], load[2]);
}

static PyObject *
posix_sync(PyObject *m, PyObject *Py_UNUSED(a))
{
    Py_BEGIN_ALLOW_THREADS
    sync();
    Py_END_ALLOW_THREADS
    Py_RETURN_NONE;
}

static PyObject *
posix_fdatasync(PyObject *m, PyObject *arg)
{
    int fd;
    if (!fd_converter(arg, &fd)) {
        return NULL;
    }
    int r;
    Py_BEGIN_ALLOW_THREADS
    r = fdatasync(fd);
    Py_END_ALLOW_THREADS
    if (r != 0) {
        return posix_error();
    }
    Py_RETURN_NONE;
}

static PyObject *
posix_sched_yield(PyObject *m, PyObject *Py_UNUSED(a))
{
    Py_BEGIN_ALLOW_THREADS
    sched_yield();
    Py_END_ALLOW_THREADS
    Py_RETURN_NONE;
}

static PyObject *
posix_getsid(PyObject *m, PyObject *args)
{
    long pid;
    if (!PyArg_ParseTuple(args, "l:getsid", &pid)) {
        return NULL;
    }
    pid_t r = getsid((pid_t)pid);
    if (r < 0) {
        return posix_error();
    }
    return PyLong_FromLong((long)r);
}

static PyObject *
posix_getpgid(PyObject *m, PyObject *args)
{
    long pid;
    if (!PyArg_ParseTuple(args, "l:getpgid", &pid)) {
        return NULL;
    }
    pid_t r = getpgid((pid_t)pid);
    if (r < 0) {
        return posix_error();
    }
    return PyLong_FromLong((long)r);
}

static PyObject *
posix_setsid(PyObject *m, PyObject *Py_UNUSED(a))
{
    if (setsid() < 0) {
        return posix_error();
    }
    Py_RETURN_NONE;
}

static PyObject *
posix_killpg(PyObject *m, PyObject *args)
{
    long pgid;
    int sig;
    if (!PyArg_ParseTuple(args, "li:killpg", &pgid, &sig)) {
        return NULL;
    }
    if (killpg((pid_t)pgid, sig) != 0) {
        return posix_error();
    }
    Py_RETURN_NONE;
}

static PyObject *
posix_nice(PyObject *m, PyObject *args)
{
    int inc;
    if (!PyArg_ParseTuple(args, "i:nice", &inc)) {
        return NULL;
    }
    errno = 0;
    int r = nice(inc);
    if (r == -1 && errno != 0) {
        return posix_error();
    }
    return PyLong_FromLong(r);
}

static PyObject *
posix_getgroups(PyObject *m, PyObject *Py_UNUSED(a))
{
    int n = getgroups(0, NULL);
    if (n < 0) {
        return posix_error();
    }
    gid_t *groups = PyMem_Calloc((size_t)n + 1, sizeof(gid_t));
    if (groups == NULL) {
        return PyErr_NoMemory();
    }
    n = getgroups(n, groups);
    if (n < 0) {
        PyMem_Free(groups);
        return posix_error();
    }
    PyObject *list = PyList_New(n);
    for (int i = 0; list != NULL && i < n; i++) {
        PyObject *v = PyLong_FromUnsignedLong((unsigned long)groups[i]);
        if (v == NULL) {
            Py_CLEAR(list);
            break;
        }
        PyList_SET_ITEM(list, i, v);
    }
    PyMem_Free(groups);
    return list;
}

static PyObject *
posix_ttyname(PyObject *m, PyObject *arg)
{
    int fd;
    if (!fd_converter(arg, &fd)) {
        return NULL;
    }
    char buf[256];
    int r = ttyname_r(fd, buf, sizeof buf);
    if (r != 0) {
        errno = r;
        return posix_error();
    }
    return PyUnicode_DecodeFSDefault(buf);
}

static PyObject *
posix_pread(PyObject *m, PyObject *args)
{
    int fd;
    Py_ssize_t n;
    long long offset;
    if (!PyArg_ParseTuple(args, "O&nL:pread", fd_converter, &fd, &n, &offset)) {
        return NULL;
    }
    if (n < 0) {
        errno = EINVAL;
        return posix_error();
    }
    PyObject *buf = PyBytes_FromStringAndSize(NULL, n);
    if (buf == NULL) {
        return NULL;
    }
    ssize_t got;
    Py_BEGIN_ALLOW_THREADS
    got = pread(fd, PyBytes_AS_STRING(buf), (size_t)n, (off_t)offset);
    Py_END_ALLOW_THREADS
    if (got < 0) {
        Py_DECREF(buf);
        return posix_error();
    }
    if (got != n) {
        PyObject *r = PyBytes_FromStringAndSize(PyBytes_AS_STRING(buf), got);
        Py_DECREF(buf);
        return r;
    }
    return buf;
}

static PyObject *
posix_pwrite(PyObject *m, PyObject *args)
{
    int fd;
    Py_buffer data;
    long long offset;
    if (!PyArg_ParseTuple(args, "O&y*L:pwrite", fd_converter, &fd, &data, &offset)) {
        return NULL;
    }
    ssize_t n;
    Py_BEGIN_ALLOW_THREADS
    n = pwrite(fd, data.buf, (size_t)data.len, (off_t)offset);
    Py_END_ALLOW_THREADS
    PyBuffer_Release(&data);
    if (n < 0) {
        return posix_error();
    }
    return PyLong_FromSsize_t(n);
}

/* argv / env for exec*: sequences of str/bytes into NULL-ended arrays. */
static char **
to_cstring_array(PyObject *seq, PyObject **keep, const char *fname, int is_env)
{
    PyObject *items;
    if (is_env) {
        PyObject *keys = PyMapping_Keys(seq);
        PyObject *vals = keys ? PyMapping_Values(seq) : NULL;
        if (vals == NULL) {
            Py_XDECREF(keys);
            return NULL;
        }
        Py_ssize_t n = PyList_GET_SIZE(keys);
        items = PyList_New(0);
        for (Py_ssize_t i = 0; items != NULL && i < n; i++) {
            PyObject *k = fs_bytes(PyList_GET_ITEM(keys, i));
            PyObject *v = k ? fs_bytes(PyList_GET_ITEM(vals, i)) : NULL;
            PyObject *kv = v ? PyBytes_FromFormat("%s=%s", PyBytes_AS_STRING(k), PyBytes_AS_STRING(v)) : NULL;
            Py_XDECREF(k);
            Py_XDECREF(v);
            if (kv == NULL || PyList_Append(items, kv) < 0) {
                Py_XDECREF(kv);
                Py_CLEAR(items);
                break;
            }
            Py_DECREF(kv);
        }
        Py_DECREF(keys);
        Py_DECREF(vals);
    }
    else {
        PyObject *fast = PySequence_Fast(seq, "argv must be a tuple or list");
        if (fast == NULL) {
            return NULL;
        }
        Py_ssize_t n = PySequence_Fast_GET_SIZE(fast);
        items = PyList_New(0);
        for (Py_ssize_t i = 0; items != NULL && i < n; i++) {
            PyObject *b = fs_bytes(PySequence_Fast_GET_ITEM(fast, i));
            if (b == NULL || PyList_Append(items, b) < 0) {
                Py_XDECREF(b);
                Py_CLEAR(items);
                break;
            }
            Py_DECREF(b);
        }
        Py_DECREF(fast);
    }
    if (items == NULL) {
        return NULL;
    }
    Py_ssize_t n = PyList_GET_SIZE(items);
    char **arr = PyMem_Calloc((size_t)n + 1, sizeof(char *));
    if (arr == NULL) {
        Py_DECREF(items);
        PyErr_NoMemory();
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        arr[i] = PyBytes_AS_STRING(PyList_GET_ITEM(items, i));
    }
    *keep = items;
    (void)fname;
    return arr;
}

static PyObject *
exec_common(PyObject *args, int with_env)
{
    PyObject *pathobj, *argv, *env = NULL;
    if (with_env) {
        if (!PyArg_ParseTuple(args, "OOO:execve", &pathobj, &argv, &env)) {
            return NULL;
        }
    }
    else if (!PyArg_ParseTuple(args, "OO:execv", &pathobj, &argv)) {
        return NULL;
    }
    path_t path = PATH_T_INIT(with_env ? "execve" : "execv", "path", 0, 0);
    if (!path_converter(pathobj, &path)) {
        path_cleanup(&path);
        return NULL;
    }
    if (!PyList_Check(argv) && !PyTuple_Check(argv)) {
        PyErr_SetString(PyExc_TypeError, with_env ? "execve: argv must be a tuple or list"
                                                  : "execv() arg 2 must be a tuple or list");
        path_cleanup(&path);
        return NULL;
    }
    if (PyObject_Size(argv) < 1) {
        PyErr_SetString(PyExc_ValueError, with_env ? "execve: argv must not be empty"
                                                   : "execv() arg 2 must not be empty");
        path_cleanup(&path);
        return NULL;
    }
    PyObject *keep_argv = NULL, *keep_env = NULL;
    char **cargv = to_cstring_array(argv, &keep_argv, "exec", 0);
    char **cenv = NULL;
    if (cargv != NULL && env != NULL) {
        cenv = to_cstring_array(env, &keep_env, "exec", 1);
    }
    if (cargv != NULL && (env == NULL || cenv != NULL)) {
        if (cenv != NULL) {
            execve(path.narrow, cargv, cenv);
        }
        else {
            execv(path.narrow, cargv);
        }
        path_error(&path);
    }
    PyMem_Free(cargv);
    PyMem_Free(cenv);
    Py_XDECREF(keep_argv);
    Py_XDECREF(keep_env);
    path_cleanup(&path);
    return NULL;
}

static PyObject *
posix_execv(PyObject *m, PyObject *args)
{
    return exec_common(args, 0);
}

static PyObject *
posix_execve(PyObject *m, PyObject *args)
{
    return exec_common(args, 1);
}

static PyObject *
posix_abort(PyObject *m, PyObject *Py_UNUSED(a))
{
    abort();
}

WAIT_MACRO(WCOREDUMP, WCOREDUMP, 1)
WAIT_MACRO(WIFCONTINUED, WIFCONTINUED, 1)

/* ---- the module ---- */

#define KW(f) (PyCFunction)(void (*)(void))(f), METH_VARARGS | METH_KEYWORDS

static PyMethodDef posix_methods[] = {
    {"stat", KW(posix_stat), "Perform a stat system call on the given path."},
    {"lstat", KW(posix_lstat), "Perform a stat system call on the given path, without following symbolic links."},
    {"fstat", KW(posix_fstat), "Perform a stat system call on the given file descriptor."},
    {"rmdir", KW(posix_rmdir), "Remove a directory."},
    {"remove", KW(posix_remove), "Remove a file (same as unlink())."},
    {"unlink", KW(posix_unlink), "Remove a file (same as remove())."},
    {"chdir", KW(posix_chdir), "Change the current working directory to the specified path."},
    {"mkdir", KW(posix_mkdir), "Create a directory."},
    {"rename", KW(posix_rename), "Rename a file or directory."},
    {"replace", KW(posix_replace), "Rename a file or directory, overwriting the destination."},
    {"link", KW(posix_link), "Create a hard link to a file."},
    {"symlink", KW(posix_symlink), "Create a symbolic link pointing to src named dst."},
    {"readlink", KW(posix_readlink), "Return a string representing the path to which the symbolic link points."},
    {"access", KW(posix_access), "Use the real uid/gid to test for access to a path."},
    {"chmod", KW(posix_chmod), "Change the access permissions of a file."},
    {"truncate", KW(posix_truncate), "Truncate a file, specified by path, to a specific length."},
    {"ftruncate", posix_ftruncate, METH_VARARGS, "Truncate a file, specified by file descriptor, to a specific length."},
    {"utime", KW(posix_utime), "Set the access and modified time of path."},
    {"getcwd", posix_getcwd, METH_NOARGS, "Return a unicode string representing the current working directory."},
    {"getcwdb", posix_getcwdb, METH_NOARGS, "Return a bytes string representing the current working directory."},
    {"listdir", KW(posix_listdir), "Return a list containing the names of the files in the directory."},
    {"scandir", KW(posix_scandir), "Return an iterator of DirEntry objects for given path."},
    {"open", KW(posix_open), "Open a file for low level IO.  Returns a file descriptor (integer)."},
    {"close", KW(posix_close), "Close a file descriptor."},
    {"closerange", posix_closerange, METH_VARARGS, "Closes all file descriptors in [fd_low, fd_high), ignoring errors."},
    {"read", posix_read, METH_VARARGS, "Read from a file descriptor.  Returns a bytes object."},
    {"write", posix_write, METH_VARARGS, "Write a bytes object to a file descriptor."},
    {"lseek", posix_lseek, METH_VARARGS, "Set the position of a file descriptor.  Return the new position."},
    {"dup", posix_dup, METH_O, "Return a duplicate of a file descriptor."},
    {"dup2", KW(posix_dup2), "Duplicate file descriptor."},
    {"pipe", posix_pipe, METH_NOARGS, "Create a pipe."},
    {"isatty", posix_isatty, METH_O, "Return True if the fd is connected to a terminal."},
    {"fsync", posix_fsync, METH_O, "Force write of fd to disk."},
    {"get_blocking", posix_get_blocking, METH_O, "Get the blocking mode of the file descriptor."},
    {"set_blocking", posix_set_blocking, METH_VARARGS, "Set the blocking mode of the specified file descriptor."},
    {"get_inheritable", posix_get_inheritable, METH_O, "Get the close-on-exe flag of the specified file descriptor."},
    {"set_inheritable", posix_set_inheritable, METH_VARARGS, "Set the inheritable flag of the specified file descriptor."},
    {"device_encoding", KW(posix_device_encoding), "Return a string describing the encoding of a terminal's file descriptor."},
    {"getpid", posix_getpid, METH_NOARGS, "Return the current process id."},
    {"getppid", posix_getppid, METH_NOARGS, "Return the parent's process id."},
    {"getuid", posix_getuid, METH_NOARGS, "Return the current process's user id."},
    {"geteuid", posix_geteuid, METH_NOARGS, "Return the current process's effective user id."},
    {"getgid", posix_getgid, METH_NOARGS, "Return the current process's group id."},
    {"getegid", posix_getegid, METH_NOARGS, "Return the current process's effective group id."},
    {"getpgrp", posix_getpgrp, METH_NOARGS, "Return the current process group id."},
    {"getlogin", posix_getlogin, METH_NOARGS, "Return the actual login name."},
    {"cpu_count", posix_cpu_count, METH_NOARGS, "Return the number of logical CPUs in the system."},
    {"process_cpu_count", posix_process_cpu_count, METH_NOARGS, "Return the number of logical CPUs usable by the calling thread of the current process."},
    {"urandom", posix_urandom, METH_O, "Return a bytes object containing random bytes suitable for cryptographic use."},
    {"strerror", posix_strerror, METH_O, "Translate an error code to a message string."},
    {"putenv", posix_putenv, METH_VARARGS, "Change or add an environment variable."},
    {"unsetenv", posix_unsetenv, METH_O, "Delete an environment variable."},
    {"umask", posix_umask, METH_O, "Set the current numeric umask and return the previous umask."},
    {"kill", posix_kill, METH_VARARGS, "Kill a process with a signal."},
    {"waitpid", posix_waitpid, METH_VARARGS, "Wait for completion of a given child process."},
    {"waitstatus_to_exitcode", KW(posix_waitstatus_to_exitcode), "Convert a wait status to an exit code."},
    {"WIFEXITED", KW(posix_WIFEXITED), "Return True if the process returning status exited via the exit() system call."},
    {"WEXITSTATUS", KW(posix_WEXITSTATUS), "Return the process return code from status."},
    {"WIFSIGNALED", KW(posix_WIFSIGNALED), "Return True if the process returning status was terminated by a signal."},
    {"WTERMSIG", KW(posix_WTERMSIG), "Return the signal that terminated the process that provided the status value."},
    {"WIFSTOPPED", KW(posix_WIFSTOPPED), "Return True if the process returning status was stopped."},
    {"WSTOPSIG", KW(posix_WSTOPSIG), "Return the signal that stopped the process that provided the status value."},
    {"_exit", posix__exit, METH_O, "Exit to the system with specified status, without normal exit processing."},
    {"system", KW(posix_system), "Execute the command in a subshell."},
    {"fspath", KW(posix_fspath), "Return the file system path representation of the object."},
    {"times", posix_times, METH_NOARGS, "Return a collection containing process timing information."},
    {"uname", posix_uname, METH_NOARGS, "Return an object identifying the current operating system."},
    {"get_terminal_size", posix_get_terminal_size, METH_VARARGS, "Return the size of the terminal window as (columns, lines)."},
    {"fchmod", KW(posix_fchmod), "Change the access permissions of the file given by file descriptor fd."},
    {"chown", KW(posix_chown), "Change the owner and group id of path to the numeric uid and gid."},
    {"lchown", KW(posix_lchown), "Change the owner and group id of path, not following symbolic links."},
    {"fchown", posix_fchown, METH_VARARGS, "Change the owner and group id of the file specified by file descriptor."},
    {"mkfifo", KW(posix_mkfifo), "Create a \"fifo\" (a POSIX named pipe)."},
    {"getloadavg", posix_getloadavg, METH_NOARGS, "Return average recent system load information."},
    {"sync", posix_sync, METH_NOARGS, "Force write of everything to disk."},
    {"fdatasync", posix_fdatasync, METH_O, "Force write of fd to disk without forcing update of metadata."},
    {"sched_yield", posix_sched_yield, METH_NOARGS, "Voluntarily relinquish the CPU."},
    {"getsid", posix_getsid, METH_VARARGS, "Call the system call getsid(pid) and return the result."},
    {"getpgid", posix_getpgid, METH_VARARGS, "Call the system call getpgid(), and return the result."},
    {"setsid", posix_setsid, METH_NOARGS, "Call the system call setsid()."},
    {"killpg", posix_killpg, METH_VARARGS, "Kill a process group with a signal."},
    {"nice", posix_nice, METH_VARARGS, "Add increment to the priority of process and return the new priority."},
    {"getgroups", posix_getgroups, METH_NOARGS, "Return list of supplemental group IDs for the process."},
    {"ttyname", posix_ttyname, METH_O, "Return the name of the terminal device connected to 'fd'."},
    {"pread", posix_pread, METH_VARARGS, "Read a number of bytes from a file descriptor starting at a particular offset."},
    {"pwrite", posix_pwrite, METH_VARARGS, "Write bytes to a file descriptor starting at a particular offset."},
    {"execv", posix_execv, METH_VARARGS, "Execute an executable path with arguments, replacing current process."},
    {"execve", posix_execve, METH_VARARGS, "Execute an executable path with arguments, replacing current process."},
    {"abort", posix_abort, METH_NOARGS, "Abort the interpreter immediately."},
    {"WCOREDUMP", KW(posix_WCOREDUMP), "Return True if the process returning status was dumped to a core file."},
    {"WIFCONTINUED", KW(posix_WIFCONTINUED), "Return True if a particular process was continued from a job control stop."},
    {"fork", posix_fork, METH_NOARGS, "Fork a child process."},
    {"statvfs", KW(posix_statvfs), "Perform a statvfs system call on the given path."},
    {NULL, NULL, 0, NULL},
};

static PyObject *
build_environ(void)
{
    PyObject *d = PyDict_New();
    if (d == NULL || environ == NULL) {
        return d;
    }
    for (char **e = environ; *e != NULL; e++) {
        const char *eq = strchr(*e, '=');
        if (eq == NULL) {
            continue;
        }
        PyObject *k = PyBytes_FromStringAndSize(*e, eq - *e);
        PyObject *v = PyBytes_FromString(eq + 1);
        if (k == NULL || v == NULL) {
            Py_XDECREF(k);
            Py_XDECREF(v);
            Py_DECREF(d);
            return NULL;
        }
        /* the first definition wins, as getenv() sees it */
        int r = PyDict_SetDefaultRef(d, k, v, NULL);
        Py_DECREF(k);
        Py_DECREF(v);
        if (r < 0) {
            Py_DECREF(d);
            return NULL;
        }
    }
    return d;
}

static int
init_types(void)
{
    static PyMutex lock;
    int r = 0;
    PyMutex_Lock(&lock);
    if (!(StatResultType.tp_flags & Py_TPFLAGS_READY)) {
        /* the integer times are in the sequence without names */
        for (int i = 7; i < 10; i++) {
            stat_result_fields[i].name = PyStructSequence_UnnamedField;
        }
        if (PyStructSequence_InitType2(&StatResultType, &stat_result_desc) < 0 ||
            PyStructSequence_InitType2(&TimesResultType, &times_desc) < 0 ||
            PyStructSequence_InitType2(&UnameResultType, &uname_desc) < 0 ||
            PyStructSequence_InitType2(&TerminalSizeType, &termsize_desc) < 0 ||
            PyStructSequence_InitType2(&StatvfsResultType, &statvfs_desc) < 0 ||
            PyType_Ready(&DirEntryType) < 0 || PyType_Ready(&ScandirIteratorType) < 0) {
            r = -1;
        }
    }
    PyMutex_Unlock(&lock);
    return r;
}

static int
posix_exec(PyObject *module)
{
    if (init_types() < 0) {
        return -1;
    }
    if (PyModule_AddObjectRef(module, "stat_result", (PyObject *)&StatResultType) < 0 ||
        PyModule_AddObjectRef(module, "times_result", (PyObject *)&TimesResultType) < 0 ||
        PyModule_AddObjectRef(module, "uname_result", (PyObject *)&UnameResultType) < 0 ||
        PyModule_AddObjectRef(module, "terminal_size", (PyObject *)&TerminalSizeType) < 0 ||
        PyModule_AddObjectRef(module, "statvfs_result", (PyObject *)&StatvfsResultType) < 0 ||
        PyModule_AddObjectRef(module, "DirEntry", (PyObject *)&DirEntryType) < 0 ||
        PyModule_AddObjectRef(module, "error", PyExc_OSError) < 0) {
        return -1;
    }
    if (PyModule_Add(module, "environ", build_environ()) < 0) {
        return -1;
    }
    struct {
        const char *name;
        long value;
    } consts[] = {
        {"F_OK", F_OK}, {"R_OK", R_OK}, {"W_OK", W_OK}, {"X_OK", X_OK},
        {"O_RDONLY", O_RDONLY}, {"O_WRONLY", O_WRONLY}, {"O_RDWR", O_RDWR},
        {"O_APPEND", O_APPEND}, {"O_CREAT", O_CREAT}, {"O_EXCL", O_EXCL},
        {"O_TRUNC", O_TRUNC}, {"O_NONBLOCK", O_NONBLOCK}, {"O_NDELAY", O_NDELAY},
        {"O_SYNC", O_SYNC}, {"O_DSYNC", O_DSYNC}, {"O_NOCTTY", O_NOCTTY},
        {"O_CLOEXEC", O_CLOEXEC}, {"O_DIRECTORY", O_DIRECTORY}, {"O_NOFOLLOW", O_NOFOLLOW},
        {"O_ACCMODE", O_ACCMODE}, {"O_ASYNC", O_ASYNC}, {"O_NOATIME", O_NOATIME},
        {"O_PATH", O_PATH}, {"O_TMPFILE", O_TMPFILE}, {"O_LARGEFILE", O_LARGEFILE},
        {"O_RSYNC", O_RSYNC}, {"O_DIRECT", O_DIRECT},
        {"SEEK_SET", SEEK_SET}, {"SEEK_CUR", SEEK_CUR}, {"SEEK_END", SEEK_END},
        {"SEEK_DATA", SEEK_DATA}, {"SEEK_HOLE", SEEK_HOLE},
        {"WNOHANG", WNOHANG}, {"WUNTRACED", WUNTRACED}, {"WCONTINUED", WCONTINUED},
        {"EX_OK", 0}, {"EX_USAGE", 64}, {"EX_DATAERR", 65}, {"EX_NOINPUT", 66},
        {"EX_NOUSER", 67}, {"EX_NOHOST", 68}, {"EX_UNAVAILABLE", 69}, {"EX_SOFTWARE", 70},
        {"EX_OSERR", 71}, {"EX_OSFILE", 72}, {"EX_CANTCREAT", 73}, {"EX_IOERR", 74},
        {"EX_TEMPFAIL", 75}, {"EX_PROTOCOL", 76}, {"EX_NOPERM", 77}, {"EX_CONFIG", 78},
        {"F_LOCK", F_LOCK}, {"F_TLOCK", F_TLOCK}, {"F_ULOCK", F_ULOCK}, {"F_TEST", F_TEST},
        {"AT_FDCWD", AT_FDCWD},
        {NULL, 0},
    };
    for (int i = 0; consts[i].name != NULL; i++) {
        if (PyModule_AddIntConstant(module, consts[i].name, consts[i].value) < 0) {
            return -1;
        }
    }
    return 0;
}

static PyModuleDef_Slot posix_slots[] = {
    {Py_mod_exec, posix_exec},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static PyModuleDef posixmodule = {
    PyModuleDef_HEAD_INIT,
    .m_name = "posix",
    .m_doc = "This module provides access to operating system functionality that is\n"
             "standardized by the C Standard and the POSIX standard (a thinly\n"
             "disguised Unix interface).  Refer to the library manual and\n"
             "corresponding Unix manual entries for more information on calls.",
    .m_size = 0,
    .m_methods = posix_methods,
    .m_slots = posix_slots,
};

PyMODINIT_FUNC PyInit_posix(void)
{
    return PyModuleDef_Init(&posixmodule);
}
