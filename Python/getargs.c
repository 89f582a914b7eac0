/* getargs.c: parsing C function arguments: PyArg_ParseTuple,
 * PyArg_ParseTupleAndKeywords, PyArg_Parse, PyArg_UnpackTuple and the
 * _PyArg_* checks, with CPython's format codes and error messages.
 * Supported codes: b B h H i I l k L K n c C f d p s s# s* z z# z* y y# y*
 * S Y U O O! O& and ( ), with | (optional), $ (keyword-only), : and ;.
 * `#` lengths are Py_ssize_t. */
#include "Python.h"
#include "pycore_object.h"
#include <float.h>
#include <ctype.h>

/* Parse state shared by the helpers. */
typedef struct {
    const char *fname;      /* after ':' */
    const char *message;    /* after ';' */
    Py_buffer *buffers[32]; /* s* etc. to release on failure */
    int nbuffers;
} parse_state;

static void
cleanup_buffers(parse_state *st)
{
    for (int i = 0; i < st->nbuffers; i++) {
        PyBuffer_Release(st->buffers[i]);
    }
    st->nbuffers = 0;
}

/* A TypeError "fname() argument N must be X, not Y" from converters. */
static void
converterr(parse_state *st, const char *expected, PyObject *arg, const char *argname,
           int argnum)
{
    if (st->message) {
        PyErr_SetString(PyExc_TypeError, st->message);
        return;
    }
    char where[128];
    if (argname) {
        snprintf(where, sizeof(where), "argument '%s'", argname);
    }
    else if (argnum > 0) {
        snprintf(where, sizeof(where), "argument %d", argnum);
    }
    else {
        snprintf(where, sizeof(where), "argument");
    }
    const char *tn = arg == Py_None ? "None" : Py_TYPE(arg)->tp_name;
    if (st->fname) {
        PyErr_Format(PyExc_TypeError, "%.200s() %s must be %.50s, not %.50s", st->fname, where,
                     expected, tn);
    }
    else {
        PyErr_Format(PyExc_TypeError, "%s must be %.50s, not %.50s", where, expected, tn);
    }
}

/* Integer conversion shared by the integer codes. */
static int
get_long(PyObject *arg, long long *out)
{
    if (PyFloat_Check(arg)) {
        PyErr_SetString(PyExc_TypeError, "'float' object cannot be interpreted as an integer");
        return -1;
    }
    PyObject *idx = _PyNumber_Index(arg);
    if (idx == NULL) {
        return -1;
    }
    int overflow;
    long long v = PyLong_AsLongLongAndOverflow(idx, &overflow);
    Py_DECREF(idx);
    if (v == -1 && PyErr_Occurred()) {
        return -1;
    }
    if (overflow) {
        PyErr_SetString(PyExc_OverflowError, "Python int too large to convert to C long");
        return -1;
    }
    *out = v;
    return 0;
}

static int
get_buffer(PyObject *arg, Py_buffer *view, const char **expected)
{
    if (PyObject_GetBuffer(arg, view, PyBUF_SIMPLE) != 0) {
        PyErr_Clear();
        *expected = "a bytes-like object";
        return -1;
    }
    return 0;
}

/* Convert one non-tuple item; advances *p_format.  0 ok, -1 error. */
static int
convert_simple(PyObject *arg, const char **p_format, va_list *p_va, parse_state *st,
               const char *argname, int argnum)
{
    const char *format = *p_format;
    char c = *format++;
    long long ival;
    const char *expected = NULL;

    switch (c) {
    case 'b': {
        char *p = va_arg(*p_va, char *);
        if (get_long(arg, &ival) < 0) {
            goto int_error;
        }
        if (ival < 0) {
            PyErr_SetString(PyExc_OverflowError, "unsigned byte integer is less than minimum");
            return -1;
        }
        if (ival > UCHAR_MAX) {
            PyErr_SetString(PyExc_OverflowError, "unsigned byte integer is greater than maximum");
            return -1;
        }
        *p = (char)ival;
        break;
    }
    case 'B': {
        unsigned char *p = va_arg(*p_va, unsigned char *);
        if (get_long(arg, &ival) < 0) {
            goto int_error;
        }
        *p = (unsigned char)ival;
        break;
    }
    case 'h': {
        short *p = va_arg(*p_va, short *);
        if (get_long(arg, &ival) < 0) {
            goto int_error;
        }
        if (ival < SHRT_MIN) {
            PyErr_SetString(PyExc_OverflowError, "signed short integer is less than minimum");
            return -1;
        }
        if (ival > SHRT_MAX) {
            PyErr_SetString(PyExc_OverflowError, "signed short integer is greater than maximum");
            return -1;
        }
        *p = (short)ival;
        break;
    }
    case 'H': {
        unsigned short *p = va_arg(*p_va, unsigned short *);
        if (get_long(arg, &ival) < 0) {
            goto int_error;
        }
        *p = (unsigned short)ival;
        break;
    }
    case 'i': {
        int *p = va_arg(*p_va, int *);
        if (get_long(arg, &ival) < 0) {
            goto int_error;
        }
        if (ival > INT_MAX) {
            PyErr_SetString(PyExc_OverflowError, "signed integer is greater than maximum");
            return -1;
        }
        if (ival < INT_MIN) {
            PyErr_SetString(PyExc_OverflowError, "signed integer is less than minimum");
            return -1;
        }
        *p = (int)ival;
        break;
    }
    case 'I': {
        unsigned int *p = va_arg(*p_va, unsigned int *);
        if (!PyLong_Check(arg)) {
            expected = "int";
            goto type_error;
        }
        *p = (unsigned int)PyLong_AsUnsignedLongMask(arg);
        break;
    }
    case 'l': {
        long *p = va_arg(*p_va, long *);
        if (get_long(arg, &ival) < 0) {
            goto int_error;
        }
        *p = (long)ival;
        break;
    }
    case 'k': {
        unsigned long *p = va_arg(*p_va, unsigned long *);
        if (!PyLong_Check(arg)) {
            expected = "int";
            goto type_error;
        }
        *p = PyLong_AsUnsignedLongMask(arg);
        break;
    }
    case 'L': {
        long long *p = va_arg(*p_va, long long *);
        if (get_long(arg, &ival) < 0) {
            goto int_error;
        }
        *p = ival;
        break;
    }
    case 'K': {
        unsigned long long *p = va_arg(*p_va, unsigned long long *);
        if (!PyLong_Check(arg)) {
            expected = "int";
            goto type_error;
        }
        *p = PyLong_AsUnsignedLongLongMask(arg);
        break;
    }
    case 'n': {
        Py_ssize_t *p = va_arg(*p_va, Py_ssize_t *);
        if (PyFloat_Check(arg)) {
            PyErr_SetString(PyExc_TypeError, "'float' object cannot be interpreted as an integer");
            return -1;
        }
        Py_ssize_t v = PyNumber_AsSsize_t(arg, PyExc_OverflowError);
        if (v == -1 && PyErr_Occurred()) {
            return -1;
        }
        *p = v;
        break;
    }
    case 'c': {
        char *p = va_arg(*p_va, char *);
        if (PyBytes_Check(arg) && PyBytes_GET_SIZE(arg) == 1) {
            *p = PyBytes_AS_STRING(arg)[0];
        }
        else if (PyByteArray_Check(arg) && PyByteArray_GET_SIZE(arg) == 1) {
            *p = PyByteArray_AS_STRING(arg)[0];
        }
        else {
            expected = "a byte string of length 1";
            goto type_error;
        }
        break;
    }
    case 'C': {
        int *p = va_arg(*p_va, int *);
        if (!PyUnicode_Check(arg) || PyUnicode_GET_LENGTH(arg) != 1) {
            expected = "a unicode character";
            goto type_error;
        }
        *p = (int)PyUnicode_READ_CHAR(arg, 0);
        break;
    }
    case 'p': {
        int *p = va_arg(*p_va, int *);
        int val = PyObject_IsTrue(arg);
        if (val < 0) {
            return -1;
        }
        *p = val;
        break;
    }
    case 'f':
    case 'd': {
        double dval = PyFloat_AsDouble(arg);
        if (dval == -1.0 && PyErr_Occurred()) {
            if (PyErr_ExceptionMatches(PyExc_TypeError)) {
                PyErr_Clear();
                expected = "float";
                goto type_error;
            }
            return -1;
        }
        if (c == 'f') {
            *va_arg(*p_va, float *) = (float)dval;
        }
        else {
            *va_arg(*p_va, double *) = dval;
        }
        break;
    }
    case 's':
    case 'z':
    case 'y': {
        int nullable = (c == 'z');
        if (*format == '*') {
            format++;
            Py_buffer *view = va_arg(*p_va, Py_buffer *);
            if (nullable && arg == Py_None) {
                PyBuffer_FillInfo(view, NULL, NULL, 0, 1, 0);
            }
            else if (c != 'y' && PyUnicode_Check(arg)) {
                Py_ssize_t len;
                const char *sarg = PyUnicode_AsUTF8AndSize(arg, &len);
                if (sarg == NULL) {
                    return -1;
                }
                PyBuffer_FillInfo(view, arg, (void *)sarg, len, 1, 0);
            }
            else {
                if (get_buffer(arg, view, &expected) < 0) {
                    expected = c == 'y' ? "a bytes-like object"
                               : nullable ? "str, bytes-like object or None"
                                          : "str or bytes-like object";
                    goto type_error;
                }
            }
            if (st->nbuffers < 32) {
                st->buffers[st->nbuffers++] = view;
            }
            break;
        }
        if (*format == '#') {
            format++;
            const char **p = va_arg(*p_va, const char **);
            Py_ssize_t *psize = va_arg(*p_va, Py_ssize_t *);
            if (nullable && arg == Py_None) {
                *p = NULL;
                *psize = 0;
            }
            else if (c != 'y' && PyUnicode_Check(arg)) {
                *p = PyUnicode_AsUTF8AndSize(arg, psize);
                if (*p == NULL) {
                    return -1;
                }
            }
            else if (PyBytes_Check(arg)) {
                *p = PyBytes_AS_STRING(arg);
                *psize = PyBytes_GET_SIZE(arg);
            }
            else {
                expected = c == 'y' ? "read-only bytes-like object"
                           : nullable ? "str, read-only bytes-like object or None"
                                      : "str or read-only bytes-like object";
                goto type_error;
            }
            break;
        }
        const char **p = va_arg(*p_va, const char **);
        Py_ssize_t len;
        if (nullable && arg == Py_None) {
            *p = NULL;
            break;
        }
        if (c == 'y') {
            if (!PyBytes_Check(arg)) {
                expected = "bytes";
                goto type_error;
            }
            *p = PyBytes_AS_STRING(arg);
            len = PyBytes_GET_SIZE(arg);
        }
        else {
            if (!PyUnicode_Check(arg)) {
                expected = nullable ? "str or None" : "str";
                goto type_error;
            }
            *p = PyUnicode_AsUTF8AndSize(arg, &len);
            if (*p == NULL) {
                return -1;
            }
        }
        if ((Py_ssize_t)strlen(*p) != len) {
            PyErr_SetString(PyExc_ValueError, c == 'y' ? "embedded null byte"
                                                       : "embedded null character");
            return -1;
        }
        break;
    }
    case 'S': {
        PyObject **p = va_arg(*p_va, PyObject **);
        if (!PyBytes_Check(arg)) {
            expected = "bytes";
            goto type_error;
        }
        *p = arg;
        break;
    }
    case 'Y': {
        PyObject **p = va_arg(*p_va, PyObject **);
        if (!PyByteArray_Check(arg)) {
            expected = "bytearray";
            goto type_error;
        }
        *p = arg;
        break;
    }
    case 'U': {
        PyObject **p = va_arg(*p_va, PyObject **);
        if (!PyUnicode_Check(arg)) {
            expected = "str";
            goto type_error;
        }
        *p = arg;
        break;
    }
    case 'O': {
        if (*format == '!') {
            format++;
            PyTypeObject *type = va_arg(*p_va, PyTypeObject *);
            PyObject **p = va_arg(*p_va, PyObject **);
            if (!PyObject_TypeCheck(arg, type)) {
                expected = type->tp_name;
                goto type_error;
            }
            *p = arg;
        }
        else if (*format == '&') {
            format++;
            typedef int (*converter)(PyObject *, void *);
            converter convert = va_arg(*p_va, converter);
            void *addr = va_arg(*p_va, void *);
            if (!(*convert)(arg, addr)) {
                return -1;
            }
        }
        else {
            PyObject **p = va_arg(*p_va, PyObject **);
            *p = arg;
        }
        break;
    }
    default:
        PyErr_Format(PyExc_SystemError, "bad format char '%c' passed to PyArg_Parse functions",
                     c);
        return -1;
    }
    *p_format = format;
    return 0;

int_error:
    if (PyErr_ExceptionMatches(PyExc_TypeError) && !PyFloat_Check(arg)) {
        PyErr_Clear();
        expected = "int";
        goto type_error;
    }
    return -1;
type_error:
    converterr(st, expected, arg, argname, argnum);
    return -1;
}

/* Skip the varargs of one format unit (for absent optional arguments). */
static int
skip_item(const char **p_format, va_list *p_va)
{
    const char *format = *p_format;
    char c = *format++;
    switch (c) {
    case 'b': case 'B': case 'h': case 'H': case 'i': case 'I': case 'l': case 'k':
    case 'L': case 'K': case 'n': case 'c': case 'C': case 'p': case 'f': case 'd':
    case 'S': case 'Y': case 'U':
        (void)va_arg(*p_va, void *);
        break;
    case 's': case 'z': case 'y':
        (void)va_arg(*p_va, void *);
        if (*format == '#') {
            (void)va_arg(*p_va, void *);
            format++;
        }
        else if (*format == '*') {
            format++;
        }
        break;
    case 'O':
        if (*format == '!' || *format == '&') {
            (void)va_arg(*p_va, void *);
            (void)va_arg(*p_va, void *);
            format++;
        }
        else {
            (void)va_arg(*p_va, void *);
        }
        break;
    case '(': {
        int level = 1;
        while (level > 0) {
            if (*format == '(') {
                level++;
                format++;
            }
            else if (*format == ')') {
                level--;
                format++;
            }
            else if (*format == '\0') {
                PyErr_SetString(PyExc_SystemError, "missing ')' in getargs format");
                return -1;
            }
            else if (skip_item(&format, p_va) < 0) {
                return -1;
            }
        }
        break;
    }
    default:
        PyErr_Format(PyExc_SystemError, "bad format char '%c' passed to PyArg_Parse functions", c);
        return -1;
    }
    *p_format = format;
    return 0;
}

/* One format unit, which may be a parenthesised sub-tuple. */
static int
convert_item(PyObject *arg, const char **p_format, va_list *p_va, parse_state *st,
             const char *argname, int argnum)
{
    if (**p_format != '(') {
        return convert_simple(arg, p_format, p_va, st, argname, argnum);
    }
    const char *format = *p_format + 1;
    int n = 0, level = 0;
    for (const char *f = format; *f && !(level == 0 && *f == ')'); f++) {
        if (*f == '(') {
            if (level == 0) {
                n++;
            }
            level++;
        }
        else if (*f == ')') {
            level--;
        }
        else if (level == 0 && (isalpha((unsigned char)*f) && *f != 'e')) {
            n++;
        }
    }
    if (!PySequence_Check(arg) || PyBytes_Check(arg) || PyUnicode_Check(arg)) {
        char buf[32];
        snprintf(buf, sizeof(buf), "%d-item sequence", n);
        converterr(st, buf, arg, argname, argnum);
        return -1;
    }
    Py_ssize_t len = PySequence_Size(arg);
    if (len != n) {
        PyErr_Format(PyExc_TypeError, "%s%s%s must be sequence of length %d, not %zd",
                     st->fname ? st->fname : "", st->fname ? "() " : "", "argument", n, len);
        return -1;
    }
    for (int i = 0; i < n; i++) {
        PyObject *item = PySequence_GetItem(arg, i);
        if (item == NULL) {
            return -1;
        }
        /* Borrowed semantics as CPython: the outer sequence keeps items. */
        Py_DECREF(item);
        if (convert_item(item, &format, p_va, st, argname, argnum) < 0) {
            return -1;
        }
    }
    if (*format != ')') {
        PyErr_SetString(PyExc_SystemError, "missing ')' in getargs format");
        return -1;
    }
    *p_format = format + 1;
    return 0;
}

/* Split off ':name' / ';message' and count the units. */
static void
scan_format(const char *format, parse_state *st, int *min, int *max, int *kwonly_start)
{
    int level = 0, n = 0;
    *min = -1;
    *kwonly_start = -1;
    st->fname = NULL;
    st->message = NULL;
    for (const char *f = format; *f; f++) {
        char c = *f;
        if (c == '(') {
            if (level == 0) {
                n++;
            }
            level++;
        }
        else if (c == ')') {
            level--;
        }
        else if (level == 0) {
            if (c == ':') {
                st->fname = f + 1;
                break;
            }
            else if (c == ';') {
                st->message = f + 1;
                break;
            }
            else if (c == '|') {
                *min = n;
            }
            else if (c == '$') {
                *kwonly_start = n;
            }
            else if (isalpha((unsigned char)c) && c != 'e') {
                n++;
            }
        }
    }
    *max = n;
    if (*min < 0) {
        *min = n;
    }
}

static int
vgetargs1(PyObject *args, const char *format, va_list *p_va, int is_tuple)
{
    parse_state st = {0};
    int min, max, kwonly;
    scan_format(format, &st, &min, &max, &kwonly);
    if (!is_tuple) {
        /* PyArg_Parse: the whole object is the single argument. */
        if (max != 1 || min != 1) {
            PyErr_SetString(PyExc_SystemError, "old style getargs format uses new features");
            return 0;
        }
        const char *f = format;
        if (convert_item(args, &f, p_va, &st, NULL, 0) < 0) {
            cleanup_buffers(&st);
            return 0;
        }
        return 1;
    }
    if (!PyTuple_Check(args)) {
        PyErr_SetString(PyExc_SystemError, "new style getargs format but argument is not a tuple");
        return 0;
    }
    Py_ssize_t len = PyTuple_GET_SIZE(args);
    if (len < min || len > max) {
        if (st.message == NULL) {
            PyErr_Format(PyExc_TypeError, "%.150s%s takes %s %d argument%s (%zd given)",
                         st.fname == NULL ? "function" : st.fname,
                         st.fname == NULL ? "" : "()",
                         min == max ? "exactly" : len < min ? "at least" : "at most",
                         len < min ? min : max, (len < min ? min : max) == 1 ? "" : "s", len);
        }
        else {
            PyErr_SetString(PyExc_TypeError, st.message);
        }
        return 0;
    }
    const char *f = format;
    for (Py_ssize_t i = 0; i < len; i++) {
        while (*f == '|' || *f == '$') {
            f++;
        }
        if (convert_item(PyTuple_GET_ITEM(args, i), &f, p_va, &st, NULL, (int)i + 1) < 0) {
            cleanup_buffers(&st);
            return 0;
        }
    }
    return 1;
}

int
PyArg_Parse(PyObject *args, const char *format, ...)
{
    va_list va;
    va_start(va, format);
    int r = vgetargs1(args, format, &va, 0);
    va_end(va);
    return r;
}

int
PyArg_ParseTuple(PyObject *args, const char *format, ...)
{
    va_list va;
    va_start(va, format);
    int r = vgetargs1(args, format, &va, 1);
    va_end(va);
    return r;
}

int
PyArg_VaParse(PyObject *args, const char *format, va_list va)
{
    va_list lva;
    va_copy(lva, va);
    int r = vgetargs1(args, format, &lva, 1);
    va_end(lva);
    return r;
}

int
_PyArg_ParseStack(PyObject *const *args, Py_ssize_t nargs, const char *format, ...)
{
    PyObject *tuple = _PyTuple_FromArray(args, nargs);
    if (tuple == NULL) {
        return 0;
    }
    va_list va;
    va_start(va, format);
    int r = vgetargs1(tuple, format, &va, 1);
    va_end(va);
    Py_DECREF(tuple);
    return r;
}

static int
vgetargskeywords(PyObject *args, PyObject *kwargs, const char *format, char **kwlist,
                 va_list *p_va)
{
    parse_state st = {0};
    int min, max, kwonly;
    scan_format(format, &st, &min, &max, &kwonly);
    const char *fname = st.fname;
    const char *custom_msg = st.message;
    int len;
    for (len = 0; kwlist[len]; len++) {
        if (!*kwlist[len] && kwonly >= 0 && len >= kwonly) {
            PyErr_SetString(PyExc_SystemError, "Empty keyword parameter name");
            return 0;
        }
    }
    if (len != max) {
        PyErr_Format(PyExc_SystemError,
                     "More keyword list entries (%d) than format specifiers (%d)", len, max);
        return 0;
    }
    int pos = 0;
    while (pos < len && !*kwlist[pos]) {
        pos++;  /* positional-only parameters have empty names */
    }
    int npos_allowed = kwonly >= 0 ? kwonly : max;
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    Py_ssize_t nkwargs = kwargs == NULL ? 0 : PyDict_GET_SIZE(kwargs);
    if (nargs + nkwargs > len) {
        PyErr_Format(PyExc_TypeError, "%.200s%s takes at most %d %sargument%s (%zd given)",
                     fname == NULL ? "function" : fname, fname == NULL ? "" : "()", len,
                     nargs == 0 ? "keyword " : "", len == 1 ? "" : "s", nargs + nkwargs);
        return 0;
    }
    if (nargs > npos_allowed) {
        PyErr_Format(PyExc_TypeError, "%.200s%s takes %s %d positional argument%s (%zd given)",
                     fname == NULL ? "function" : fname, fname == NULL ? "" : "()",
                     min < npos_allowed ? "at most" : "exactly", npos_allowed,
                     npos_allowed == 1 ? "" : "s", nargs);
        return 0;
    }
    const char *f = format;
    for (int i = 0; i < len; i++) {
        while (*f == '|' || *f == '$') {
            f++;
        }
        PyObject *current_arg = NULL;
        if (nkwargs && i >= pos) {
            PyObject *key = PyUnicode_FromString(kwlist[i]);
            if (key == NULL) {
                cleanup_buffers(&st);
                return 0;
            }
            current_arg = PyDict_GetItemWithError(kwargs, key);
            Py_DECREF(key);
            if (current_arg == NULL && PyErr_Occurred()) {
                cleanup_buffers(&st);
                return 0;
            }
            if (current_arg) {
                --nkwargs;
                if (i < nargs) {
                    PyErr_Format(PyExc_TypeError,
                                 "argument for %.200s%s given by name ('%s') and position (%d)",
                                 fname == NULL ? "function" : fname, fname == NULL ? "" : "()",
                                 kwlist[i], i + 1);
                    cleanup_buffers(&st);
                    return 0;
                }
            }
        }
        if (current_arg == NULL && i < nargs) {
            current_arg = PyTuple_GET_ITEM(args, i);
        }
        if (current_arg) {
            if (convert_item(current_arg, &f, p_va, &st, i < nargs ? NULL : kwlist[i],
                             i + 1) < 0) {
                cleanup_buffers(&st);
                return 0;
            }
            continue;
        }
        if (i < min) {
            if (i < pos) {
                Py_ssize_t need = min < pos ? min : pos;
                PyErr_Format(PyExc_TypeError,
                             "%.200s%s takes %s %zd positional argument%s (%zd given)",
                             fname == NULL ? "function" : fname, fname == NULL ? "" : "()",
                             min < npos_allowed ? "at least" : "exactly", need,
                             need == 1 ? "" : "s", nargs);
            }
            else {
                PyErr_Format(PyExc_TypeError, "%.200s%s missing required argument '%s' (pos %d)",
                             fname == NULL ? "function" : fname, fname == NULL ? "" : "()",
                             kwlist[i], i + 1);
            }
            cleanup_buffers(&st);
            return 0;
        }
        if (skip_item(&f, p_va) < 0) {
            cleanup_buffers(&st);
            return 0;
        }
    }
    if (nkwargs > 0) {
        /* Name the first unexpected keyword. */
        Py_ssize_t j = 0;
        PyObject *key, *value;
        while (PyDict_Next(kwargs, &j, &key, &value)) {
            if (!PyUnicode_Check(key)) {
                PyErr_SetString(PyExc_TypeError, "keywords must be strings");
                cleanup_buffers(&st);
                return 0;
            }
            int match = 0;
            for (int i = pos; i < len; i++) {
                if (PyUnicode_EqualToUTF8(key, kwlist[i])) {
                    match = 1;
                    break;
                }
            }
            if (!match) {
                for (int i = 0; i < pos; i++) {
                    if (PyUnicode_EqualToUTF8(key, kwlist[i])) {
                        match = 2;
                    }
                }
                if (match == 2 || (pos > 0 && 0)) {
                    PyErr_Format(PyExc_TypeError,
                                 "%.200s%s got some positional-only arguments passed as keyword "
                                 "arguments: '%U'", fname == NULL ? "function" : fname,
                                 fname == NULL ? "" : "()", key);
                }
                else {
                    PyErr_Format(PyExc_TypeError,
                                 "%.200s%s got an unexpected keyword argument '%U'",
                                 fname == NULL ? "this function" : fname,
                                 fname == NULL ? "" : "()", key);
                }
                cleanup_buffers(&st);
                return 0;
            }
        }
    }
    (void)custom_msg;
    return 1;
}

int
PyArg_ParseTupleAndKeywords(PyObject *args, PyObject *keywords, const char *format,
                            char **kwlist, ...)
{
    if ((args == NULL || !PyTuple_Check(args)) || (keywords != NULL && !PyDict_Check(keywords)) ||
        format == NULL || kwlist == NULL) {
        PyErr_BadInternalCall();
        return 0;
    }
    va_list va;
    va_start(va, kwlist);
    int r = vgetargskeywords(args, keywords, format, kwlist, &va);
    va_end(va);
    return r;
}

int
PyArg_VaParseTupleAndKeywords(PyObject *args, PyObject *keywords, const char *format,
                              char **kwlist, va_list va)
{
    if ((args == NULL || !PyTuple_Check(args)) || (keywords != NULL && !PyDict_Check(keywords)) ||
        format == NULL || kwlist == NULL) {
        PyErr_BadInternalCall();
        return 0;
    }
    va_list lva;
    va_copy(lva, va);
    int r = vgetargskeywords(args, keywords, format, kwlist, &lva);
    va_end(lva);
    return r;
}

int
PyArg_ValidateKeywordArguments(PyObject *kwargs)
{
    if (!PyDict_Check(kwargs)) {
        PyErr_BadInternalCall();
        return 0;
    }
    Py_ssize_t pos = 0;
    PyObject *key, *value;
    while (PyDict_Next(kwargs, &pos, &key, &value)) {
        if (!PyUnicode_Check(key)) {
            PyErr_SetString(PyExc_TypeError, "keywords must be strings");
            return 0;
        }
    }
    return 1;
}

/* ---- unpacking and checks ------------------------------------------------------- */

int
(_PyArg_CheckPositional)(const char *name, Py_ssize_t nargs, Py_ssize_t min, Py_ssize_t max)
{
    if (nargs < min) {
        if (name != NULL) {
            PyErr_Format(PyExc_TypeError, "%.200s expected %s%zd argument%s, got %zd", name,
                         (min == max ? "" : "at least "), min, min == 1 ? "" : "s", nargs);
        }
        else {
            PyErr_Format(PyExc_TypeError,
                         "unpacked tuple should have %s%zd element%s, but has %zd",
                         (min == max ? "" : "at least "), min, min == 1 ? "" : "s", nargs);
        }
        return 0;
    }
    if (nargs == 0) {
        return 1;
    }
    if (nargs > max) {
        if (name != NULL) {
            PyErr_Format(PyExc_TypeError, "%.200s expected %s%zd argument%s, got %zd", name,
                         (min == max ? "" : "at most "), max, max == 1 ? "" : "s", nargs);
        }
        else {
            PyErr_Format(PyExc_TypeError,
                         "unpacked tuple should have %s%zd element%s, but has %zd",
                         (min == max ? "" : "at most "), max, max == 1 ? "" : "s", nargs);
        }
        return 0;
    }
    return 1;
}

static int
unpack_stack(PyObject *const *args, Py_ssize_t nargs, const char *name, Py_ssize_t min,
             Py_ssize_t max, va_list vargs)
{
    if (!_PyArg_CheckPositional(name, nargs, min, max)) {
        return 0;
    }
    Py_ssize_t i;
    for (i = 0; i < nargs; i++) {
        PyObject **o = va_arg(vargs, PyObject **);
        *o = args[i];
    }
    return 1;
}

int
PyArg_UnpackTuple(PyObject *args, const char *name, Py_ssize_t min, Py_ssize_t max, ...)
{
    if (!PyTuple_Check(args)) {
        PyErr_SetString(PyExc_SystemError, "PyArg_UnpackTuple() argument list is not a tuple");
        return 0;
    }
    va_list vargs;
    va_start(vargs, max);
    int r = unpack_stack(_PyTuple_ITEMS(args), PyTuple_GET_SIZE(args), name, min, max, vargs);
    va_end(vargs);
    return r;
}

int
_PyArg_UnpackStack(PyObject *const *args, Py_ssize_t nargs, const char *name, Py_ssize_t min,
                   Py_ssize_t max, ...)
{
    va_list vargs;
    va_start(vargs, max);
    int r = unpack_stack(args, nargs, name, min, max, vargs);
    va_end(vargs);
    return r;
}

int
(_PyArg_NoKeywords)(const char *funcname, PyObject *kwargs)
{
    if (kwargs == NULL) {
        return 1;
    }
    if (!PyDict_CheckExact(kwargs)) {
        PyErr_BadInternalCall();
        return 0;
    }
    if (PyDict_GET_SIZE(kwargs) == 0) {
        return 1;
    }
    PyErr_Format(PyExc_TypeError, "%.200s() takes no keyword arguments", funcname);
    return 0;
}

int
(_PyArg_NoKwnames)(const char *funcname, PyObject *kwnames)
{
    if (kwnames == NULL || PyTuple_GET_SIZE(kwnames) == 0) {
        return 1;
    }
    PyErr_Format(PyExc_TypeError, "%.200s() takes no keyword arguments", funcname);
    return 0;
}

int
_PyArg_NoPositional(const char *funcname, PyObject *args)
{
    if (args == NULL) {
        return 1;
    }
    if (!PyTuple_CheckExact(args)) {
        PyErr_BadInternalCall();
        return 0;
    }
    if (PyTuple_GET_SIZE(args) == 0) {
        return 1;
    }
    PyErr_Format(PyExc_TypeError, "%.200s() takes no positional arguments", funcname);
    return 0;
}

void
_PyArg_BadArgument(const char *fname, const char *displayname, const char *expected,
                   PyObject *arg)
{
    PyErr_Format(PyExc_TypeError, "%.200s() %.200s must be %.50s, not %.50s", fname,
                 displayname, expected, arg == Py_None ? "None" : Py_TYPE(arg)->tp_name);
}
