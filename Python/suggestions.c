/* suggestions.c: the "Did you mean: ...?" hints CPython 3.13 adds when it
 * prints a NameError, AttributeError or ImportError (from ... import name).
 * The candidates are the names visible where the lookup failed (locals,
 * globals and builtins of the innermost traceback frame; dir() of the
 * object; dir() of the module); the closest one by a weighted edit
 * distance (a case change costs 1, any other edit 2, at most a third of
 * the characters involved) is suggested.  Computed only when the
 * traceback is printed, never when the exception is raised. */
#include "Python.h"
#include "pycore_object.h"
#include "pycore_pyerrors.h"

#define MAX_CANDIDATE_ITEMS 750
#define MAX_STRING_SIZE 40
#define MOVE_COST 2
#define CASE_COST 1

/* Cost of replacing byte a by byte b: free if equal, cheap for an ASCII
 * case flip. */
static Py_ssize_t
substitution_cost(char a, char b)
{
    if (a == b) {
        return 0;
    }
    if ((a & 31) != (b & 31)) {
        return MOVE_COST;
    }
    if ('A' <= a && a <= 'Z') {
        a = (char)(a + ('a' - 'A'));
    }
    if ('A' <= b && b <= 'Z') {
        b = (char)(b + ('a' - 'A'));
    }
    return a == b ? CASE_COST : MOVE_COST;
}

/* Weighted Levenshtein distance between the UTF-8 strings a and b; any
 * value above max_cost is reported as max_cost + 1.  One row of the
 * usual matrix is kept in `row` (MAX_STRING_SIZE entries). */
static Py_ssize_t
edit_distance(const char *a, Py_ssize_t na, const char *b, Py_ssize_t nb, Py_ssize_t max_cost,
              Py_ssize_t *row)
{
    if (na == nb && memcmp(a, b, (size_t)na) == 0) {
        return 0;
    }
    /* a shared prefix or suffix changes nothing */
    while (na && nb && a[0] == b[0]) {
        a++;
        b++;
        na--;
        nb--;
    }
    while (na && nb && a[na - 1] == b[nb - 1]) {
        na--;
        nb--;
    }
    if (na == 0 || nb == 0) {
        return (na + nb) * MOVE_COST;
    }
    if (na > MAX_STRING_SIZE || nb > MAX_STRING_SIZE) {
        return max_cost + 1;
    }
    if (nb < na) {
        const char *t = a;
        a = b;
        b = t;
        Py_ssize_t tn = na;
        na = nb;
        nb = tn;
    }
    if ((nb - na) * MOVE_COST > max_cost) {
        return max_cost + 1;
    }
    for (Py_ssize_t i = 0; i < na; i++) {
        row[i] = (i + 1) * MOVE_COST;
    }
    Py_ssize_t result = 0;
    for (Py_ssize_t bi = 0; bi < nb; bi++) {
        Py_ssize_t distance = result = bi * MOVE_COST;
        Py_ssize_t minimum = PY_SSIZE_T_MAX;
        for (Py_ssize_t ai = 0; ai < na; ai++) {
            Py_ssize_t substitute = distance + substitution_cost(b[bi], a[ai]);
            distance = row[ai];
            Py_ssize_t insert_delete = (result < distance ? result : distance) + MOVE_COST;
            result = insert_delete < substitute ? insert_delete : substitute;
            row[ai] = result;
            if (result < minimum) {
                minimum = result;
            }
        }
        if (minimum > max_cost) {
            return max_cost + 1;
        }
    }
    return result;
}

/* The candidate in the list `dir` closest to `name`, or NULL (no error set)
 * if none is close enough. */
static PyObject *
closest_name(PyObject *dir, PyObject *name)
{
    Py_ssize_t n = PyList_GET_SIZE(dir);
    if (n >= MAX_CANDIDATE_ITEMS) {
        return NULL;
    }
    Py_ssize_t name_size;
    const char *name_str = PyUnicode_AsUTF8AndSize(name, &name_size);
    if (name_str == NULL) {
        return NULL;
    }
    Py_ssize_t row[MAX_STRING_SIZE];
    Py_ssize_t best = PY_SSIZE_T_MAX;
    PyObject *suggestion = NULL;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *item = PyList_GET_ITEM(dir, i);
        if (!PyUnicode_Check(item) || PyUnicode_Compare(name, item) == 0) {
            /* the missing name itself is never suggested */
            continue;
        }
        Py_ssize_t item_size;
        const char *item_str = PyUnicode_AsUTF8AndSize(item, &item_size);
        if (item_str == NULL) {
            return NULL;
        }
        /* no more than a third of the characters involved may change */
        Py_ssize_t max_distance = (name_size + item_size + 3) * MOVE_COST / 6;
        if (best - 1 < max_distance) {
            max_distance = best - 1;
        }
        Py_ssize_t d = edit_distance(name_str, name_size, item_str, item_size, max_distance, row);
        if (d > max_distance) {
            continue;
        }
        if (suggestion == NULL || d < best) {
            suggestion = item;
            best = d;
        }
    }
    return Py_XNewRef(suggestion);
}

/* A sorted list of the str entries of dir(obj), without "_..." names
 * unless `keep_private`. */
static PyObject *
visible_names(PyObject *obj, int keep_private)
{
    PyObject *d = PyObject_Dir(obj);
    if (d == NULL) {
        return NULL;
    }
    PyObject *out = PyList_New(0);
    if (out == NULL) {
        Py_DECREF(d);
        return NULL;
    }
    PyObject *it = PyObject_GetIter(d);
    Py_DECREF(d);
    if (it == NULL) {
        Py_DECREF(out);
        return NULL;
    }
    PyObject *x;
    while ((x = PyIter_Next(it)) != NULL) {
        int keep = PyUnicode_Check(x) &&
                   (keep_private || PyUnicode_GET_LENGTH(x) == 0 || PyUnicode_READ_CHAR(x, 0) != '_');
        int r = keep ? PyList_Append(out, x) : 0;
        Py_DECREF(x);
        if (r < 0) {
            Py_DECREF(it);
            Py_DECREF(out);
            return NULL;
        }
    }
    Py_DECREF(it);
    if (PyErr_Occurred() || PyList_Sort(out) < 0) {
        Py_DECREF(out);
        return NULL;
    }
    return out;
}

/* The frame of the innermost traceback entry of `exc` (new ref) or NULL. */
static PyObject *
innermost_frame(PyObject *exc)
{
    PyObject *tb = PyException_GetTraceback(exc);
    if (tb == NULL || tb == Py_None) {
        Py_XDECREF(tb);
        return NULL;
    }
    for (;;) {
        PyObject *next = PyObject_GetAttrString(tb, "tb_next");
        if (next == NULL) {
            Py_DECREF(tb);
            return NULL;
        }
        if (next == Py_None) {
            Py_DECREF(next);
            break;
        }
        Py_SETREF(tb, next);
    }
    PyObject *frame = PyObject_GetAttrString(tb, "tb_frame");
    Py_DECREF(tb);
    return frame;
}

static int
starts_with_underscore(PyObject *s)
{
    return PyUnicode_GET_LENGTH(s) > 0 && PyUnicode_READ_CHAR(s, 0) == '_';
}

/* Appends the keys of the mapping attribute `attr` of `frame` to `list`. */
static int
extend_with_keys(PyObject *list, PyObject *frame, const char *attr)
{
    PyObject *m = PyObject_GetAttrString(frame, attr);
    if (m == NULL) {
        return -1;
    }
    PyObject *keys = PySequence_List(m);
    Py_DECREF(m);
    if (keys == NULL) {
        return -1;
    }
    Py_ssize_t n = PyList_GET_SIZE(list);
    int r = PyList_SetSlice(list, n, n, keys);
    Py_DECREF(keys);
    return r;
}

static PyObject *
suggest_for_name_error(PyObject *exc, PyObject *name)
{
    PyObject *frame = innermost_frame(exc);
    if (frame == NULL) {
        return NULL;
    }
    PyObject *res = NULL, *locals = NULL;
    PyObject *names = PyList_New(0);
    if (names == NULL || extend_with_keys(names, frame, "f_locals") < 0 ||
        extend_with_keys(names, frame, "f_globals") < 0 ||
        extend_with_keys(names, frame, "f_builtins") < 0) {
        goto done;
    }
    /* in a method, `x` may be meant as `self.x` */
    locals = PyObject_GetAttrString(frame, "f_locals");
    if (locals != NULL) {
        PyObject *self = PyMapping_Check(locals) ? PyObject_GetItem(locals, _Py_ID_STR(self))
                                                 : NULL;
        if (self == NULL) {
            PyErr_Clear();
        }
        else {
            int has = PyObject_HasAttrWithError(self, name);
            Py_DECREF(self);
            if (has > 0) {
                res = PyUnicode_FromFormat("self.%U", name);
                goto done;
            }
            PyErr_Clear();
        }
    }
    res = closest_name(names, name);
done:
    Py_XDECREF(locals);
    Py_XDECREF(names);
    Py_DECREF(frame);
    return res;
}

static PyObject *
suggest_for_attribute_error(PyObject *exc, PyObject *name)
{
    PyAttributeErrorObject *ae = (PyAttributeErrorObject *)exc;
    if (ae->obj == NULL) {
        return NULL;
    }
    PyObject *obj = ae->obj;
    int keep_private = starts_with_underscore(name);
    if (!keep_private) {
        /* inside a method of obj, its private names are fair candidates */
        PyObject *frame = innermost_frame(exc);
        if (frame != NULL) {
            PyObject *locals = PyObject_GetAttrString(frame, "f_locals");
            if (locals != NULL && PyMapping_Check(locals)) {
                PyObject *self = PyObject_GetItem(locals, _Py_ID_STR(self));
                keep_private = self == obj;
                Py_XDECREF(self);
            }
            Py_XDECREF(locals);
            Py_DECREF(frame);
        }
        PyErr_Clear();
    }
    PyObject *names = visible_names(obj, keep_private);
    if (names == NULL) {
        return NULL;
    }
    PyObject *res = closest_name(names, name);
    Py_DECREF(names);
    return res;
}

static PyObject *
suggest_for_import_error(PyObject *exc, PyObject *name)
{
    PyObject *modname = ((PyImportErrorObject *)exc)->name;
    if (modname == NULL || !PyUnicode_Check(modname)) {
        return NULL;
    }
    PyObject *mod = PyImport_Import(modname);
    if (mod == NULL) {
        return NULL;
    }
    PyObject *names = visible_names(mod, starts_with_underscore(name));
    Py_DECREF(mod);
    if (names == NULL) {
        return NULL;
    }
    PyObject *res = closest_name(names, name);
    Py_DECREF(names);
    return res;
}

/* The text traceback printing appends to the message of `exc`, or NULL if
 * there is none: ". Did you mean: 'x'?" (and, for a NameError naming a
 * standard module, "Did you forget to import 'x'?").  Never fails: any
 * error while looking is swallowed, as a hint is optional. */
PyObject *
_Py_SuggestionText(PyObject *exc)
{
    PyObject *saved = PyErr_GetRaisedException();
    PyObject *name = NULL, *suggestion = NULL, *text = NULL;
    int is_name_error = 0;
    if (PyObject_TypeCheck(exc, (PyTypeObject *)PyExc_ImportError)) {
        name = ((PyImportErrorObject *)exc)->name_from;
        if (name != NULL && PyUnicode_Check(name)) {
            suggestion = suggest_for_import_error(exc, name);
        }
    }
    else if (PyObject_TypeCheck(exc, (PyTypeObject *)PyExc_NameError)) {
        name = ((PyNameErrorObject *)exc)->name;
        is_name_error = 1;
        if (name != NULL && PyUnicode_Check(name)) {
            suggestion = suggest_for_name_error(exc, name);
        }
    }
    else if (PyObject_TypeCheck(exc, (PyTypeObject *)PyExc_AttributeError)) {
        name = ((PyAttributeErrorObject *)exc)->name;
        if (name != NULL && PyUnicode_Check(name)) {
            suggestion = suggest_for_attribute_error(exc, name);
        }
    }
    PyErr_Clear();
    if (suggestion != NULL) {
        text = PyUnicode_FromFormat(". Did you mean: '%U'?", suggestion);
    }
    if (is_name_error && name != NULL && PyUnicode_Check(name)) {
        PyObject *stdlib = PySys_GetObject("stdlib_module_names");
        int found = stdlib != NULL ? PySequence_Contains(stdlib, name) : 0;
        if (found > 0) {
            PyObject *more = suggestion != NULL
                                 ? PyUnicode_FromFormat("%U Or did you forget to import '%U'?",
                                                        text, name)
                                 : PyUnicode_FromFormat(". Did you forget to import '%U'?", name);
            Py_XSETREF(text, more);
        }
    }
    PyErr_Clear();
    Py_XDECREF(suggestion);
    PyErr_SetRaisedException(saved);
    return text;
}
