/* import.c: the import system in C.  sys.modules is the cache; a name is
 * looked up first in the built-in modules table (_PyImport_Inittab, for
 * top-level names), then as a source module or package on sys.path (or the
 * parent package's __path__): DIR/NAME/__init__.py, DIR/NAME.py, else a
 * namespace package made of the DIR/NAME directories.  Modules get
 * __name__, __file__, __cached__ (None), __package__, __loader__ (None),
 * __spec__ (a types.SimpleNamespace with name, origin, parent,
 * submodule_search_locations, ...) and __path__ for packages.
 *
 * Each module being imported has a lock (PyMutex; the waiting thread
 * detaches), so when two threads import the same module only one runs it and
 * the other waits and then finds it in sys.modules.  A thread that re-enters
 * the import of a module it is already importing (a circular import) gets the
 * partially initialised module from sys.modules, as in CPython. */
#include "Python.h"
#include "pycore_pystate.h"
#include "pycore_pylifecycle.h"
#include "pycore_code.h"
#include "pycore_compile.h"
#include <sys/stat.h>
#include <unistd.h>

extern PyObject *_PyNamespace_New(PyObject *kwds);

PyObject *
PyImport_GetModuleDict(void)
{
    return _PyInterpreterState_GET()->modules;
}

PyObject *
PyImport_GetModule(PyObject *name)
{
    PyObject *modules = PyImport_GetModuleDict();
    if (modules == NULL) {
        return NULL;
    }
    PyObject *m;
    if (PyDict_Check(modules)) {
        if (PyDict_GetItemRef(modules, name, &m) < 0) {
            return NULL;
        }
        return m;
    }
    m = PyObject_GetItem(modules, name);
    if (m == NULL && PyErr_ExceptionMatches(PyExc_KeyError)) {
        PyErr_Clear();
    }
    return m;
}

static int
modules_set(PyObject *name, PyObject *m)
{
    return PyObject_SetItem(PyImport_GetModuleDict(), name, m);
}

static void
modules_remove(PyObject *name)
{
    PyObject *exc = PyErr_GetRaisedException();
    if (PyObject_DelItem(PyImport_GetModuleDict(), name) < 0) {
        PyErr_Clear();
    }
    PyErr_SetRaisedException(exc);
}

PyObject *
PyImport_AddModuleObject(PyObject *name)
{
    PyObject *m = PyImport_GetModule(name);
    if (m != NULL) {
        Py_DECREF(m);      /* sys.modules keeps it alive */
        return m;
    }
    if (PyErr_Occurred()) {
        return NULL;
    }
    m = PyModule_NewObject(name);
    if (m == NULL) {
        return NULL;
    }
    if (modules_set(name, m) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    Py_DECREF(m);
    return m;
}

PyObject *
PyImport_AddModuleRef(const char *name)
{
    PyObject *n = PyUnicode_FromString(name);
    if (n == NULL) {
        return NULL;
    }
    PyObject *m = PyImport_AddModuleObject(n);
    Py_DECREF(n);
    return Py_XNewRef(m);
}

PyObject *
PyImport_AddModule(const char *name)
{
    PyObject *m = PyImport_AddModuleRef(name);
    Py_XDECREF(m);
    return m;
}

/* ---- errors ------------------------------------------------------------- */

static void
set_module_not_found(PyObject *name, const char *fmt)
{
    PyObject *msg = PyUnicode_FromFormat(fmt, name);
    if (msg == NULL) {
        return;
    }
    PyObject *args = PyTuple_Pack(1, msg);
    PyObject *kw = Py_BuildValue("{s:O}", "name", name);
    Py_DECREF(msg);
    if (args != NULL && kw != NULL) {
        PyObject *exc = PyObject_Call(PyExc_ModuleNotFoundError, args, kw);
        if (exc != NULL) {
            PyErr_SetObject(PyExc_ModuleNotFoundError, exc);
            Py_DECREF(exc);
        }
    }
    Py_XDECREF(args);
    Py_XDECREF(kw);
}

/* ---- per-module import locks -------------------------------------------- */

struct import_lock {
    struct import_lock *next;
    PyObject *name;              /* strong */
    PyMutex mutex;               /* held while the module is being imported */
    uintptr_t owner;             /* thread id of the importer, atomic */
    int depth;                   /* re-entries by the owner */
    Py_ssize_t users;            /* guarded by table_mutex */
};

static PyMutex table_mutex;
static struct import_lock *lock_table;

/* Returns NULL with an exception set on error.  *reentered is set when the
 * calling thread already holds the lock (circular import). */
static struct import_lock *
acquire_module_lock(PyObject *name, int *reentered)
{
    unsigned long me = PyThread_get_thread_ident();
    PyMutex_Lock(&table_mutex);
    struct import_lock *l = lock_table;
    for (; l != NULL; l = l->next) {
        int eq = PyUnicode_Compare(l->name, name) == 0;
        if (eq) {
            break;
        }
    }
    if (l == NULL) {
        l = PyMem_RawCalloc(1, sizeof(*l));
        if (l == NULL) {
            PyMutex_Unlock(&table_mutex);
            PyErr_NoMemory();
            return NULL;
        }
        l->name = Py_NewRef(name);
        l->next = lock_table;
        lock_table = l;
    }
    l->users++;
    PyMutex_Unlock(&table_mutex);
    if (_Py_atomic_load_uintptr(&l->owner) == (uintptr_t)me) {
        l->depth++;
        *reentered = 1;
        return l;
    }
    *reentered = 0;
    PyMutex_Lock(&l->mutex);
    _Py_atomic_store_uintptr(&l->owner, (uintptr_t)me);
    return l;
}

static void
release_module_lock(struct import_lock *l, int reentered)
{
    if (reentered) {
        l->depth--;
    }
    else {
        _Py_atomic_store_uintptr(&l->owner, 0);
        PyMutex_Unlock(&l->mutex);
    }
    PyMutex_Lock(&table_mutex);
    if (--l->users == 0) {
        struct import_lock **pp = &lock_table;
        while (*pp != l) {
            pp = &(*pp)->next;
        }
        *pp = l->next;
        PyMutex_Unlock(&table_mutex);
        Py_DECREF(l->name);
        PyMem_RawFree(l);
        return;
    }
    PyMutex_Unlock(&table_mutex);
}

/* ---- specs ------------------------------------------------------------------ */

static PyObject *
make_spec(PyObject *name, PyObject *origin, PyObject *search_locations, int has_location)
{
    PyObject *parent;
    Py_ssize_t dot = PyUnicode_FindChar(name, '.', 0, PyUnicode_GET_LENGTH(name), -1);
    if (search_locations != NULL) {
        parent = Py_NewRef(name);
    }
    else if (dot >= 0) {
        parent = PyUnicode_Substring(name, 0, dot);
    }
    else {
        parent = PyUnicode_FromString("");
    }
    if (parent == NULL) {
        return NULL;
    }
    PyObject *kw = Py_BuildValue("{s:O,s:O,s:O,s:O,s:O,s:O,s:O,s:O,s:O}",
                                 "name", name, "loader", Py_None,
                                 "origin", origin ? origin : Py_None,
                                 "loader_state", Py_None,
                                 "submodule_search_locations",
                                 search_locations ? search_locations : Py_None,
                                 "cached", Py_None, "parent", parent,
                                 "has_location", has_location ? Py_True : Py_False,
                                 "_initializing", Py_False);
    Py_DECREF(parent);
    if (kw == NULL) {
        return NULL;
    }
    PyObject *spec = _PyNamespace_New(kw);
    Py_DECREF(kw);
    return spec;
}

static void
set_initializing(PyObject *spec, int value)
{
    if (spec != NULL && spec != Py_None) {
        PyObject *exc = PyErr_GetRaisedException();
        if (PyObject_SetAttrString(spec, "_initializing", value ? Py_True : Py_False) < 0) {
            PyErr_Clear();
        }
        PyErr_SetRaisedException(exc);
    }
}

static int
is_initializing(PyObject *module)
{
    PyObject *spec;
    if (PyObject_GetOptionalAttrString(module, "__spec__", &spec) <= 0) {
        PyErr_Clear();
        return 0;
    }
    PyObject *v;
    int r = 0;
    if (PyObject_GetOptionalAttrString(spec, "_initializing", &v) > 0) {
        r = PyObject_IsTrue(v) > 0;
        Py_DECREF(v);
    }
    PyErr_Clear();
    Py_DECREF(spec);
    return r;
}

/* ---- built-in modules ------------------------------------------------------ */

static struct _inittab *
find_builtin(PyObject *name)
{
    for (struct _inittab *p = _PyImport_Inittab; p->name != NULL; p++) {
        if (PyUnicode_EqualToUTF8(name, p->name)) {
            return p;
        }
    }
    return NULL;
}

static PyObject *
load_builtin(PyObject *name, struct _inittab *entry)
{
    PyObject *origin = PyUnicode_FromString("built-in");
    if (origin == NULL) {
        return NULL;
    }
    PyObject *spec = make_spec(name, origin, NULL, 0);
    Py_DECREF(origin);
    if (spec == NULL) {
        return NULL;
    }
    PyObject *m = entry->initfunc();
    if (m == NULL) {
        if (!PyErr_Occurred()) {
            PyErr_Format(PyExc_SystemError, "initialization of %s failed without raising an exception",
                         entry->name);
        }
        Py_DECREF(spec);
        return NULL;
    }
    if (Py_IS_TYPE(m, &PyModuleDef_Type)) {
        PyModuleDef *def = (PyModuleDef *)m;
        m = PyModule_FromDefAndSpec(def, spec);
        if (m == NULL) {
            Py_DECREF(spec);
            return NULL;
        }
        if (PyModule_Check(m) && PyObject_SetAttrString(m, "__spec__", spec) < 0) {
            goto error;
        }
        if (modules_set(name, m) < 0) {
            goto error;
        }
        if (PyModule_Check(m) && PyModule_ExecDef(m, def) < 0) {
            modules_remove(name);
            goto error;
        }
    }
    else {
        if (PyModule_Check(m)) {
            PyObject *d = PyModule_GetDict(m);
            if (PyDict_SetItemString(d, "__spec__", spec) < 0) {
                goto error;
            }
        }
        if (modules_set(name, m) < 0) {
            goto error;
        }
    }
    Py_DECREF(spec);
    return m;
error:
    Py_DECREF(spec);
    Py_DECREF(m);
    return NULL;
}

/* ---- source modules -------------------------------------------------------- */

static int
path_kind(const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        return 0;
    }
    return S_ISDIR(st.st_mode) ? 2 : (S_ISREG(st.st_mode) ? 1 : 0);
}

/* Read a whole file into a PyBytes (NULL + OSError on failure). */
static PyObject *
read_file(PyObject *path)
{
    PyObject *enc = PyUnicode_EncodeFSDefault(path);
    if (enc == NULL) {
        return NULL;
    }
    FILE *fp;
    Py_BEGIN_ALLOW_THREADS
    fp = fopen(PyBytes_AS_STRING(enc), "rb");
    Py_END_ALLOW_THREADS
    if (fp == NULL) {
        PyErr_SetFromErrnoWithFilenameObject(PyExc_OSError, path);
        Py_DECREF(enc);
        return NULL;
    }
    Py_DECREF(enc);
    size_t cap = 8192, len = 0;
    char *buf = PyMem_Malloc(cap);
    while (buf != NULL) {
        size_t n;
        Py_BEGIN_ALLOW_THREADS
        n = fread(buf + len, 1, cap - len, fp);
        Py_END_ALLOW_THREADS
        len += n;
        if (len < cap) {
            break;
        }
        cap *= 2;
        char *nb = PyMem_Realloc(buf, cap);
        if (nb == NULL) {
            PyMem_Free(buf);
            buf = NULL;
        }
        buf = nb;
    }
    int err = buf != NULL && ferror(fp);
    fclose(fp);
    if (buf == NULL) {
        return PyErr_NoMemory();
    }
    if (err) {
        PyMem_Free(buf);
        return PyErr_SetFromErrnoWithFilenameObject(PyExc_OSError, path);
    }
    PyObject *r = PyBytes_FromStringAndSize(buf, (Py_ssize_t)len);
    PyMem_Free(buf);
    return r;
}

/* Compile and run `path` in the dict of `module`. */
static int
exec_source(PyObject *module, PyObject *path)
{
    PyObject *src = read_file(path);
    if (src == NULL) {
        return -1;
    }
    if (strlen(PyBytes_AS_STRING(src)) != (size_t)PyBytes_GET_SIZE(src)) {
        Py_DECREF(src);
        PyErr_SetString(PyExc_SyntaxError, "source code string cannot contain null bytes");
        return -1;
    }
    PyObject *code = _PyGlue_Compile(PyBytes_AS_STRING(src), path, Py_file_input, -1);
    Py_DECREF(src);
    if (code == NULL) {
        return -1;
    }
    PyObject *d = PyModule_GetDict(module);
    PyObject *r = PyEval_EvalCode(code, d, d);
    Py_DECREF(code);
    if (r == NULL) {
        return -1;
    }
    Py_DECREF(r);
    return 0;
}

static int
init_module_attrs(PyObject *m, PyObject *name, PyObject *spec, PyObject *file,
                  PyObject *search_locations)
{
    PyObject *d = PyModule_GetDict(m);
    PyObject *package = PyObject_GetAttrString(spec, "parent");
    if (package == NULL) {
        return -1;
    }
    int r = PyDict_SetItemString(d, "__package__", package);
    Py_DECREF(package);
    if (r < 0 ||
        PyDict_SetItemString(d, "__spec__", spec) < 0 ||
        PyDict_SetItemString(d, "__loader__", Py_None) < 0 ||
        (file != NULL && PyDict_SetItemString(d, "__file__", file) < 0) ||
        (file != NULL && PyDict_SetItemString(d, "__cached__", Py_None) < 0) ||
        (search_locations != NULL && PyDict_SetItemString(d, "__path__", search_locations) < 0) ||
        PyDict_SetItemString(d, "__builtins__", _PyInterpreterState_GET()->builtins) < 0) {
        return -1;
    }
    return 0;
}

/* Load the module `name` from `file` (NULL: namespace package). */
static PyObject *
load_source(PyObject *name, PyObject *file, PyObject *search_locations)
{
    PyObject *spec = make_spec(name, file, search_locations, file != NULL);
    if (spec == NULL) {
        return NULL;
    }
    PyObject *m = PyModule_NewObject(name);
    if (m == NULL) {
        Py_DECREF(spec);
        return NULL;
    }
    if (init_module_attrs(m, name, spec, file, search_locations) < 0 ||
        modules_set(name, m) < 0) {
        goto error;
    }
    if (file != NULL) {
        set_initializing(spec, 1);
        int r = exec_source(m, file);
        set_initializing(spec, 0);
        if (r < 0) {
            modules_remove(name);
            goto error;
        }
    }
    Py_DECREF(spec);
    Py_DECREF(m);
    /* The module may have replaced itself in sys.modules. */
    m = PyImport_GetModule(name);
    if (m == NULL && !PyErr_Occurred()) {
        PyErr_Format(PyExc_ImportError, "Loaded module %R not found in sys.modules", name);
    }
    return m;
error:
    Py_DECREF(spec);
    Py_DECREF(m);
    return NULL;
}

static PyObject *
join_path(PyObject *dir, PyObject *tail)
{
    if (PyUnicode_GET_LENGTH(dir) == 0) {
        return Py_NewRef(tail);
    }
    return PyUnicode_FromFormat("%U/%U", dir, tail);
}

/* Search `path` (a list of directories) for `shortname`.  Returns 1 with
 * *file (NULL for a namespace package) and *locations (the package's
 * __path__, or NULL for a plain module) set; 0 if not found; -1 on error. */
static int
find_on_path(PyObject *path, PyObject *shortname, PyObject **file, PyObject **locations)
{
    *file = NULL;
    *locations = NULL;
    PyObject *ns_dirs = NULL;
    PyObject *seq = PySequence_Fast(path, "sys.path must be a list of directory names");
    if (seq == NULL) {
        return -1;
    }
    int found = 0;
    for (Py_ssize_t i = 0; i < PySequence_Fast_GET_SIZE(seq) && !found; i++) {
        PyObject *entry = PySequence_Fast_GET_ITEM(seq, i);
        if (!PyUnicode_Check(entry)) {
            continue;
        }
        PyObject *pkgdir = join_path(entry, shortname);
        if (pkgdir == NULL) {
            goto error;
        }
        const char *pkgdir_c = PyUnicode_AsUTF8AndSize(pkgdir, NULL);
        if (pkgdir_c == NULL) {
            Py_DECREF(pkgdir);
            goto error;
        }
        if (path_kind(pkgdir_c) == 2) {
            PyObject *init = PyUnicode_FromFormat("%U/__init__.py", pkgdir);
            if (init == NULL) {
                Py_DECREF(pkgdir);
                goto error;
            }
            if (path_kind(PyUnicode_AsUTF8AndSize(init, NULL)) == 1) {
                *file = init;
                *locations = PyList_New(1);
                if (*locations == NULL) {
                    Py_DECREF(pkgdir);
                    goto error;
                }
                PyList_SET_ITEM(*locations, 0, pkgdir);
                found = 1;
                break;
            }
            Py_DECREF(init);
            if (ns_dirs == NULL && (ns_dirs = PyList_New(0)) == NULL) {
                Py_DECREF(pkgdir);
                goto error;
            }
            if (PyList_Append(ns_dirs, pkgdir) < 0) {
                Py_DECREF(pkgdir);
                goto error;
            }
        }
        Py_DECREF(pkgdir);
        PyObject *fname = PyUnicode_FromFormat("%U.py", shortname);
        PyObject *full = fname ? join_path(entry, fname) : NULL;
        Py_XDECREF(fname);
        if (full == NULL) {
            goto error;
        }
        const char *full_c = PyUnicode_AsUTF8AndSize(full, NULL);
        if (full_c != NULL && path_kind(full_c) == 1) {
            *file = full;
            found = 1;
            break;
        }
        Py_DECREF(full);
    }
    Py_DECREF(seq);
    if (!found && ns_dirs != NULL) {
        *locations = ns_dirs;
        return 1;
    }
    Py_XDECREF(ns_dirs);
    return found;
error:
    Py_DECREF(seq);
    Py_XDECREF(ns_dirs);
    Py_CLEAR(*file);
    Py_CLEAR(*locations);
    return -1;
}

/* The list of directories to search for `name` (parent.__path__ or
 * sys.path); NULL with ModuleNotFoundError if the parent is no package. */
static PyObject *
search_path_for(PyObject *name, PyObject *parent_module, PyObject *parent_name)
{
    if (parent_module == NULL) {
        PyObject *p = PySys_GetObject("path");
        if (p == NULL) {
            PyErr_SetString(PyExc_ImportError, "sys.path not found");
            return NULL;
        }
        return Py_NewRef(p);
    }
    PyObject *path;
    if (PyObject_GetOptionalAttrString(parent_module, "__path__", &path) < 0) {
        return NULL;
    }
    if (path == NULL) {
        PyObject *msg = PyUnicode_FromFormat("No module named %R; %R is not a package",
                                             name, parent_name);
        if (msg != NULL) {
            PyObject *args = PyTuple_Pack(1, msg);
            PyObject *kw = Py_BuildValue("{s:O}", "name", name);
            PyObject *exc = args && kw ? PyObject_Call(PyExc_ModuleNotFoundError, args, kw) : NULL;
            if (exc != NULL) {
                PyErr_SetObject(PyExc_ModuleNotFoundError, exc);
                Py_DECREF(exc);
            }
            Py_XDECREF(args);
            Py_XDECREF(kw);
            Py_DECREF(msg);
        }
        return NULL;
    }
    return path;
}

static PyObject *import_absolute(PyObject *name);

/* Import `name` (absolute, not in sys.modules yet) under its lock. */
static PyObject *
find_and_load(PyObject *name)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(name);
    Py_ssize_t dot = PyUnicode_FindChar(name, '.', 0, len, -1);
    PyObject *parent_name = NULL, *parent = NULL, *shortname = NULL, *m = NULL;
    if (dot == -2) {
        return NULL;
    }
    if (dot >= 0) {
        parent_name = PyUnicode_Substring(name, 0, dot);
        if (parent_name == NULL) {
            return NULL;
        }
        parent = import_absolute(parent_name);
        if (parent == NULL) {
            Py_DECREF(parent_name);
            return NULL;
        }
        /* Importing the parent may have imported us. */
        m = PyImport_GetModule(name);
        if (m != NULL || PyErr_Occurred()) {
            goto done;
        }
        shortname = PyUnicode_Substring(name, dot + 1, len);
    }
    else {
        shortname = Py_NewRef(name);
        struct _inittab *entry = find_builtin(name);
        if (entry != NULL) {
            m = load_builtin(name, entry);
            goto done;
        }
    }
    if (shortname == NULL) {
        goto done;
    }
    PyObject *path = search_path_for(name, parent, parent_name);
    if (path == NULL) {
        goto done;
    }
    PyObject *file, *locations;
    int found = find_on_path(path, shortname, &file, &locations);
    Py_DECREF(path);
    if (found < 0) {
        goto done;
    }
    if (found == 0) {
        set_module_not_found(name, "No module named %R");
        goto done;
    }
    m = load_source(name, file, locations);
    Py_XDECREF(file);
    Py_XDECREF(locations);
    if (m != NULL && parent != NULL) {
        /* Bind the submodule in its parent. */
        if (PyObject_SetAttr(parent, shortname, m) < 0) {
            Py_CLEAR(m);
        }
    }
done:
    Py_XDECREF(parent_name);
    Py_XDECREF(parent);
    Py_XDECREF(shortname);
    return m;
}

static PyObject *
import_absolute(PyObject *name)
{
    PyObject *m = PyImport_GetModule(name);
    if (m != NULL) {
        if (!is_initializing(m)) {
            return m;
        }
        /* Being imported: by us (circular import: take the partial module)
         * or by another thread (wait for it below). */
    }
    else if (PyErr_Occurred()) {
        return NULL;
    }
    int reentered;
    struct import_lock *l = acquire_module_lock(name, &reentered);
    if (l == NULL) {
        Py_XDECREF(m);
        return NULL;
    }
    if (reentered) {
        release_module_lock(l, reentered);
        if (m != NULL) {
            return m;
        }
        /* Not in sys.modules yet (a parent re-importing): go on unlocked. */
        return find_and_load(name);
    }
    Py_XDECREF(m);
    m = PyImport_GetModule(name);
    if (m == NULL && !PyErr_Occurred()) {
        m = find_and_load(name);
    }
    release_module_lock(l, reentered);
    return m;
}

/* ---- the import statement --------------------------------------------------- */

/* The package a relative import in `globals` is relative to. */
static PyObject *
resolve_package(PyObject *globals)
{
    if (globals == NULL || !PyDict_Check(globals)) {
        PyErr_SetString(PyExc_KeyError, "'__name__' not in globals");
        return NULL;
    }
    PyObject *package = PyDict_GetItemString(globals, "__package__");
    PyObject *spec = PyDict_GetItemString(globals, "__spec__");
    if (package != NULL && package != Py_None) {
        if (!PyUnicode_Check(package)) {
            PyErr_SetString(PyExc_TypeError, "package must be a string");
            return NULL;
        }
        return Py_NewRef(package);
    }
    if (spec != NULL && spec != Py_None) {
        PyObject *parent = PyObject_GetAttrString(spec, "parent");
        if (parent == NULL) {
            return NULL;
        }
        if (!PyUnicode_Check(parent)) {
            Py_DECREF(parent);
            PyErr_SetString(PyExc_TypeError, "__spec__.parent must be a string");
            return NULL;
        }
        return parent;
    }
    PyObject *name = PyDict_GetItemString(globals, "__name__");
    if (name == NULL) {
        PyErr_SetString(PyExc_KeyError, "'__name__' not in globals");
        return NULL;
    }
    if (!PyUnicode_Check(name)) {
        PyErr_SetString(PyExc_TypeError, "__name__ must be a string");
        return NULL;
    }
    if (PyDict_GetItemString(globals, "__path__") != NULL) {
        return Py_NewRef(name);
    }
    Py_ssize_t dot = PyUnicode_FindChar(name, '.', 0, PyUnicode_GET_LENGTH(name), -1);
    if (dot < 0) {
        return dot == -2 ? NULL : PyUnicode_FromString("");
    }
    return PyUnicode_Substring(name, 0, dot);
}

static PyObject *
resolve_name(PyObject *name, PyObject *globals, int level)
{
    PyObject *package = resolve_package(globals);
    if (package == NULL) {
        return NULL;
    }
    if (PyUnicode_GET_LENGTH(package) == 0) {
        Py_DECREF(package);
        PyErr_SetString(PyExc_ImportError,
                        "attempted relative import with no known parent package");
        return NULL;
    }
    PyObject *base = package;
    Py_ssize_t end = PyUnicode_GET_LENGTH(package);
    for (int l = level; l > 1; l--) {
        Py_ssize_t dot = PyUnicode_FindChar(package, '.', 0, end, -1);
        if (dot == -2) {
            Py_DECREF(package);
            return NULL;
        }
        if (dot == -1) {
            Py_DECREF(package);
            PyErr_SetString(PyExc_ImportError,
                            "attempted relative import beyond top-level package");
            return NULL;
        }
        end = dot;
    }
    base = PyUnicode_Substring(package, 0, end);
    Py_DECREF(package);
    if (base == NULL) {
        return NULL;
    }
    if (PyUnicode_GET_LENGTH(name) == 0) {
        return base;
    }
    PyObject *abs = PyUnicode_FromFormat("%U.%U", base, name);
    Py_DECREF(base);
    return abs;
}

static int
handle_fromlist(PyObject *module, PyObject *fromlist, int recursive)
{
    PyObject *modname = PyObject_GetAttrString(module, "__name__");
    if (modname == NULL) {
        return -1;
    }
    PyObject *seq = PySequence_Fast(fromlist, "fromlist must be a sequence");
    if (seq == NULL) {
        Py_DECREF(modname);
        return -1;
    }
    int r = 0;
    for (Py_ssize_t i = 0; i < PySequence_Fast_GET_SIZE(seq); i++) {
        PyObject *x = PySequence_Fast_GET_ITEM(seq, i);
        if (!PyUnicode_Check(x)) {
            PyErr_Format(PyExc_TypeError, "Item in %s must be str, not %.100s",
                         recursive ? "``from list''" : "``from list''", Py_TYPE(x)->tp_name);
            r = -1;
            break;
        }
        if (PyUnicode_EqualToUTF8(x, "*")) {
            if (recursive) {
                continue;
            }
            PyObject *all;
            if (PyObject_GetOptionalAttrString(module, "__all__", &all) < 0) {
                r = -1;
                break;
            }
            if (all != NULL) {
                r = handle_fromlist(module, all, 1);
                Py_DECREF(all);
                if (r < 0) {
                    break;
                }
            }
            continue;
        }
        int has = PyObject_HasAttrWithError(module, x);
        if (has < 0) {
            r = -1;
            break;
        }
        if (has) {
            continue;
        }
        PyObject *sub = PyUnicode_FromFormat("%U.%U", modname, x);
        if (sub == NULL) {
            r = -1;
            break;
        }
        PyObject *m = import_absolute(sub);
        if (m == NULL) {
            /* A missing submodule named in the fromlist is not an error
             * here: `from pkg import name` reports it later. */
            if (PyErr_ExceptionMatches(PyExc_ModuleNotFoundError)) {
                PyObject *exc = PyErr_GetRaisedException();
                PyObject *ename = PyObject_GetAttrString(exc, "name");
                int same = ename != NULL && PyUnicode_Check(ename) &&
                           PyUnicode_Compare(ename, sub) == 0;
                Py_XDECREF(ename);
                PyErr_Clear();
                if (same) {
                    Py_DECREF(exc);
                    Py_DECREF(sub);
                    continue;
                }
                PyErr_SetRaisedException(exc);
            }
            Py_DECREF(sub);
            r = -1;
            break;
        }
        Py_DECREF(m);
        Py_DECREF(sub);
    }
    Py_DECREF(seq);
    Py_DECREF(modname);
    return r;
}

PyObject *
PyImport_ImportModuleLevelObject(PyObject *name, PyObject *globals, PyObject *locals,
                                 PyObject *fromlist, int level)
{
    if (name == NULL) {
        PyErr_SetString(PyExc_ValueError, "Empty module name");
        return NULL;
    }
    if (!PyUnicode_Check(name)) {
        PyErr_SetString(PyExc_TypeError, "module name must be a string");
        return NULL;
    }
    if (level < 0) {
        PyErr_SetString(PyExc_ValueError, "level must be >= 0");
        return NULL;
    }
    PyObject *abs_name;
    if (level > 0) {
        abs_name = resolve_name(name, globals, level);
        if (abs_name == NULL) {
            return NULL;
        }
    }
    else {
        if (PyUnicode_GET_LENGTH(name) == 0) {
            PyErr_SetString(PyExc_ValueError, "Empty module name");
            return NULL;
        }
        abs_name = Py_NewRef(name);
    }
    PyObject *mod = import_absolute(abs_name);
    if (mod == NULL) {
        Py_DECREF(abs_name);
        return NULL;
    }
    PyObject *result = NULL;
    int has_from = 0;
    if (fromlist != NULL && fromlist != Py_None) {
        has_from = PyObject_IsTrue(fromlist);
        if (has_from < 0) {
            goto done;
        }
    }
    if (!has_from) {
        Py_ssize_t len = PyUnicode_GET_LENGTH(name);
        if (level == 0 || len > 0) {
            Py_ssize_t dot = PyUnicode_FindChar(name, '.', 0, len, 1);
            if (dot == -2) {
                goto done;
            }
            if (dot == -1) {
                result = Py_NewRef(mod);
                goto done;
            }
            if (level == 0) {
                PyObject *front = PyUnicode_Substring(name, 0, dot);
                if (front == NULL) {
                    goto done;
                }
                result = import_absolute(front);
                Py_DECREF(front);
                goto done;
            }
            /* Relative: cut the part of name after its first dot from the
             * absolute name. */
            Py_ssize_t cut = len - dot;
            Py_ssize_t abs_len = PyUnicode_GET_LENGTH(abs_name);
            PyObject *to_return = PyUnicode_Substring(abs_name, 0, abs_len - cut);
            if (to_return == NULL) {
                goto done;
            }
            result = PyImport_GetModule(to_return);
            if (result == NULL && !PyErr_Occurred()) {
                PyErr_Format(PyExc_KeyError, "%R not in sys.modules as expected", to_return);
            }
            Py_DECREF(to_return);
            goto done;
        }
        result = Py_NewRef(mod);
        goto done;
    }
    int is_pkg = PyObject_HasAttrStringWithError(mod, "__path__");
    if (is_pkg < 0) {
        goto done;
    }
    if (is_pkg && handle_fromlist(mod, fromlist, 0) < 0) {
        goto done;
    }
    result = Py_NewRef(mod);
done:
    Py_DECREF(abs_name);
    Py_DECREF(mod);
    return result;
}

PyObject *
PyImport_ImportModuleLevel(const char *name, PyObject *globals, PyObject *locals,
                           PyObject *fromlist, int level)
{
    PyObject *n = PyUnicode_FromString(name);
    if (n == NULL) {
        return NULL;
    }
    PyObject *r = PyImport_ImportModuleLevelObject(n, globals, locals, fromlist, level);
    Py_DECREF(n);
    return r;
}

/* The module itself (not the top package) for a dotted name, going through
 * builtins.__import__ when it has been replaced. */
PyObject *
PyImport_Import(PyObject *name)
{
    PyObject *m = PyImport_ImportModuleLevelObject(name, NULL, NULL, NULL, 0);
    if (m == NULL) {
        return NULL;
    }
    Py_DECREF(m);
    m = PyImport_GetModule(name);
    if (m == NULL && !PyErr_Occurred()) {
        set_module_not_found(name, "No module named %R");
    }
    return m;
}

PyObject *
PyImport_ImportModule(const char *name)
{
    PyObject *n = PyUnicode_FromString(name);
    if (n == NULL) {
        return NULL;
    }
    PyObject *r = PyImport_Import(n);
    Py_DECREF(n);
    return r;
}

PyObject *
PyImport_ExecCodeModuleObject(PyObject *name, PyObject *co, PyObject *pathname,
                              PyObject *cpathname)
{
    PyObject *m = PyImport_AddModuleObject(name);
    if (m == NULL) {
        return NULL;
    }
    Py_INCREF(m);
    PyObject *d = PyModule_GetDict(m);
    if (PyDict_SetItemString(d, "__builtins__", _PyInterpreterState_GET()->builtins) < 0 ||
        (pathname != NULL && PyDict_SetItemString(d, "__file__", pathname) < 0)) {
        goto error;
    }
    PyObject *r = PyEval_EvalCode(co, d, d);
    if (r == NULL) {
        modules_remove(name);
        goto error;
    }
    Py_DECREF(r);
    Py_DECREF(m);
    return PyImport_GetModule(name);
error:
    Py_DECREF(m);
    return NULL;
}

PyObject *
PyImport_ExecCodeModule(const char *name, PyObject *co)
{
    PyObject *n = PyUnicode_FromString(name);
    if (n == NULL) {
        return NULL;
    }
    PyObject *r = PyImport_ExecCodeModuleObject(n, co, NULL, NULL);
    Py_DECREF(n);
    return r;
}

PyObject *
_PyImport_ImportFrom(PyObject *v, PyObject *name)
{
    PyObject *x;
    if (PyObject_GetOptionalAttr(v, name, &x) != 0) {
        return x;
    }
    /* A submodule that was imported but not bound (e.g. while circular). */
    PyObject *pkgname;
    if (PyObject_GetOptionalAttrString(v, "__name__", &pkgname) < 0) {
        return NULL;
    }
    if (pkgname != NULL && PyUnicode_Check(pkgname)) {
        PyObject *full = PyUnicode_FromFormat("%U.%U", pkgname, name);
        if (full == NULL) {
            Py_DECREF(pkgname);
            return NULL;
        }
        x = PyImport_GetModule(full);
        Py_DECREF(full);
        if (x != NULL || PyErr_Occurred()) {
            Py_DECREF(pkgname);
            return x;
        }
    }
    PyObject *shown = (pkgname != NULL && PyUnicode_Check(pkgname))
        ? Py_NewRef(pkgname) : PyUnicode_FromString("<unknown module name>");
    Py_XDECREF(pkgname);
    if (shown == NULL) {
        return NULL;
    }
    PyObject *file = NULL;
    if (PyModule_Check(v)) {
        file = PyModule_GetFilenameObject(v);
        if (file == NULL) {
            PyErr_Clear();
        }
    }
    PyObject *msg;
    if (is_initializing(v)) {
        msg = PyUnicode_FromFormat("cannot import name %R from partially initialized module %R "
                                   "(most likely due to a circular import) (%S)",
                                   name, shown, file ? file : Py_None);
    }
    else if (file != NULL) {
        msg = PyUnicode_FromFormat("cannot import name %R from %R (%S)", name, shown, file);
    }
    else {
        msg = PyUnicode_FromFormat("cannot import name %R from %R (unknown location)", name, shown);
    }
    if (msg != NULL) {
        PyErr_SetImportError(msg, shown, file);
        /* name_from is a 3.12+ attribute; set it when possible. */
        PyObject *exc = PyErr_GetRaisedException();
        if (exc != NULL && PyObject_SetAttrString(exc, "name_from", name) < 0) {
            PyErr_Clear();
        }
        PyErr_SetRaisedException(exc);
        Py_DECREF(msg);
    }
    Py_DECREF(shown);
    Py_XDECREF(file);
    return NULL;
}

int
_PyImport_ImportStar(PyObject *v, PyObject *locals)
{
    PyObject *all;
    int skip_underscore = 0;
    if (PyObject_GetOptionalAttrString(v, "__all__", &all) < 0) {
        return -1;
    }
    if (all == NULL) {
        PyObject *dict;
        if (PyObject_GetOptionalAttrString(v, "__dict__", &dict) < 0) {
            return -1;
        }
        if (dict == NULL) {
            PyErr_SetString(PyExc_ImportError, "from-import-* object has no __dict__ and no __all__");
            return -1;
        }
        all = PyMapping_Keys(dict);
        Py_DECREF(dict);
        if (all == NULL) {
            return -1;
        }
        skip_underscore = 1;
    }
    PyObject *it = PyObject_GetIter(all);
    Py_DECREF(all);
    if (it == NULL) {
        return -1;
    }
    PyObject *name;
    int err = 0;
    while ((name = PyIter_Next(it)) != NULL) {
        if (!PyUnicode_Check(name)) {
            PyObject *modname = PyObject_GetAttrString(v, "__name__");
            if (modname == NULL) {
                Py_DECREF(name);
                err = -1;
                break;
            }
            PyErr_Format(PyExc_TypeError, "%s in %U.%s must be str, not %.100s",
                         skip_underscore ? "Key" : "Item", modname,
                         skip_underscore ? "__dict__" : "__all__", Py_TYPE(name)->tp_name);
            Py_DECREF(modname);
            Py_DECREF(name);
            err = -1;
            break;
        }
        if (skip_underscore && PyUnicode_GET_LENGTH(name) > 0 &&
            PyUnicode_READ_CHAR(name, 0) == '_') {
            Py_DECREF(name);
            continue;
        }
        PyObject *value = PyObject_GetAttr(v, name);
        if (value == NULL) {
            err = -1;
        }
        else {
            err = PyDict_CheckExact(locals) ? PyDict_SetItem(locals, name, value)
                                            : PyObject_SetItem(locals, name, value);
            Py_DECREF(value);
        }
        Py_DECREF(name);
        if (err < 0) {
            break;
        }
    }
    Py_DECREF(it);
    if (err == 0 && PyErr_Occurred()) {
        err = -1;
    }
    return err;
}

int
_PyImport_FindModuleFile(PyObject *name, PyObject **path, int *is_package)
{
    *path = NULL;
    *is_package = 0;
    Py_ssize_t len = PyUnicode_GET_LENGTH(name);
    Py_ssize_t dot = PyUnicode_FindChar(name, '.', 0, len, -1);
    PyObject *parent = NULL, *parent_name = NULL, *shortname;
    if (dot == -2) {
        return -1;
    }
    if (dot >= 0) {
        parent_name = PyUnicode_Substring(name, 0, dot);
        if (parent_name == NULL) {
            return -1;
        }
        parent = import_absolute(parent_name);
        if (parent == NULL) {
            Py_DECREF(parent_name);
            return -1;
        }
        shortname = PyUnicode_Substring(name, dot + 1, len);
    }
    else {
        shortname = Py_NewRef(name);
    }
    int r = -1;
    if (shortname == NULL) {
        goto done;
    }
    PyObject *search = search_path_for(name, parent, parent_name);
    if (search == NULL) {
        goto done;
    }
    PyObject *file, *locations;
    r = find_on_path(search, shortname, &file, &locations);
    Py_DECREF(search);
    if (r == 1) {
        *is_package = locations != NULL;
        Py_XDECREF(locations);
        if (file == NULL) {
            /* A namespace package: it has no file of its own. */
            *path = NULL;
        }
        else {
            *path = file;
        }
    }
done:
    Py_XDECREF(shortname);
    Py_XDECREF(parent);
    Py_XDECREF(parent_name);
    return r;
}

/* ---- start-up ---------------------------------------------------------------- */

int
_PyImport_Init(void)
{
    PyInterpreterState *interp = _PyInterpreterState_GET();
    if (interp->modules == NULL) {
        interp->modules = PyDict_New();
        if (interp->modules == NULL) {
            return -1;
        }
    }
    return 0;
}

void
_PyImport_Fini(void)
{
}
