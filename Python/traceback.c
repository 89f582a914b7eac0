/* traceback.c: traceback objects (one entry per frame an exception passed
 * through, added by the eval loop with PyTraceBack_Here) and the printing
 * of an exception as CPython 3.13 prints it: "Traceback (most recent call
 * last):", one "File ..., line N, in f" entry per frame with the source
 * line and the caret line under the failing expression (~~~^^^ anchors for
 * binary operators, subscripts and calls), "[Previous line repeated N more
 * times]", chained causes/contexts, exception groups, notes, SyntaxError's
 * own layout and the final "Type: message" line. */
#include "Python.h"
#include "pycore_pystate.h"
#include "pycore_pyerrors.h"
#include "pycore_object.h"
#include "pycore_code.h"
#include "pycore_frame.h"
#include "pycore_parser.h"

/* ---- traceback objects --------------------------------------------------- */

static PyObject *
tb_create(PyObject *next, PyFrameObject *frame, int lasti, int lineno)
{
    PyTracebackObject *tb = PyObject_GC_New(PyTracebackObject, &PyTraceBack_Type);
    if (tb == NULL) {
        return NULL;
    }
    tb->tb_next = (PyTracebackObject *)Py_XNewRef(next);
    tb->tb_frame = (PyFrameObject *)Py_XNewRef(frame);
    tb->tb_lasti = lasti;
    tb->tb_lineno = lineno;
    PyObject_GC_Track(tb);
    return (PyObject *)tb;
}

int
PyTraceBack_Here(PyFrameObject *frame)
{
    PyObject *exc = PyErr_GetRaisedException();
    if (exc == NULL) {
        return 0;
    }
    PyObject *tb = PyException_GetTraceback(exc);
    if (tb == Py_None) {
        Py_CLEAR(tb);
    }
    Py_ssize_t lasti = _PyFrame_Lasti(frame->f_frame);
    int lineno = _PyCode_Addr2Line(frame->f_frame->f_code, lasti);
    PyObject *newtb = tb_create(tb, frame, (int)lasti, lineno);
    Py_XDECREF(tb);
    if (newtb == NULL) {
        _PyErr_ChainExceptions1(exc);
        return -1;
    }
    PyException_SetTraceback(exc, newtb);
    Py_DECREF(newtb);
    PyErr_SetRaisedException(exc);
    return 0;
}

static PyObject *
tb_new(PyTypeObject *type, PyObject *args, PyObject *kwargs)
{
    static const char *kwlist[] = {"tb_next", "tb_frame", "tb_lasti", "tb_lineno", NULL};
    PyObject *next, *frame;
    int lasti, lineno;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "OO!ii:TracebackType", (char **)kwlist,
                                     &next, &PyFrame_Type, &frame, &lasti, &lineno)) {
        return NULL;
    }
    if (next == Py_None) {
        next = NULL;
    }
    else if (!PyTraceBack_Check(next)) {
        PyErr_Format(PyExc_TypeError, "expected traceback object or None, got '%s'",
                     Py_TYPE(next)->tp_name);
        return NULL;
    }
    return tb_create(next, (PyFrameObject *)frame, lasti / 2, lineno);
}

static PyObject *
tb_get_next(PyObject *self, void *c)
{
    PyObject *n = (PyObject *)((PyTracebackObject *)self)->tb_next;
    return Py_NewRef(n != NULL ? n : Py_None);
}

static int
tb_set_next(PyObject *self, PyObject *value, void *c)
{
    if (value == NULL) {
        PyErr_SetString(PyExc_TypeError, "can't delete tb_next attribute");
        return -1;
    }
    if (value == Py_None) {
        value = NULL;
    }
    else if (!PyTraceBack_Check(value)) {
        PyErr_Format(PyExc_TypeError, "expected traceback object, got '%s'",
                     Py_TYPE(value)->tp_name);
        return -1;
    }
    for (PyObject *cursor = value; cursor != NULL;
         cursor = (PyObject *)((PyTracebackObject *)cursor)->tb_next) {
        if (cursor == self) {
            PyErr_Format(PyExc_ValueError, "traceback loop detected");
            return -1;
        }
    }
    Py_XSETREF(((PyTracebackObject *)self)->tb_next, (PyTracebackObject *)Py_XNewRef(value));
    return 0;
}

static PyObject *
tb_get_frame(PyObject *self, void *c)
{
    PyObject *f = (PyObject *)((PyTracebackObject *)self)->tb_frame;
    return Py_NewRef(f != NULL ? f : Py_None);
}

static PyObject *
tb_get_lasti(PyObject *self, void *c)
{
    int lasti = ((PyTracebackObject *)self)->tb_lasti;
    return PyLong_FromLong(lasti < 0 ? -1 : lasti * 2);
}

static PyObject *
tb_get_lineno(PyObject *self, void *c)
{
    int lineno = ((PyTracebackObject *)self)->tb_lineno;
    if (lineno < 0) {
        Py_RETURN_NONE;
    }
    return PyLong_FromLong(lineno);
}

static PyGetSetDef tb_getsets[] = {
    {"tb_next", tb_get_next, tb_set_next, NULL, NULL},
    {"tb_frame", tb_get_frame, NULL, NULL, NULL},
    {"tb_lasti", tb_get_lasti, NULL, NULL, NULL},
    {"tb_lineno", tb_get_lineno, NULL, NULL, NULL},
    {NULL},
};

static int
tb_traverse(PyObject *self, visitproc visit, void *arg)
{
    PyTracebackObject *tb = (PyTracebackObject *)self;
    Py_VISIT(tb->tb_next);
    Py_VISIT(tb->tb_frame);
    return 0;
}

static int
tb_clear(PyObject *self)
{
    PyTracebackObject *tb = (PyTracebackObject *)self;
    Py_CLEAR(tb->tb_next);
    Py_CLEAR(tb->tb_frame);
    return 0;
}

static void
tb_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    /* Long chains: unlink iteratively to keep C recursion bounded. */
    PyTracebackObject *tb = (PyTracebackObject *)self;
    PyTracebackObject *next = tb->tb_next;
    tb->tb_next = NULL;
    Py_CLEAR(tb->tb_frame);
    PyObject_GC_Del(self);
    while (next != NULL) {
        /* Someone else holds it (in the free-threaded build Py_REFCNT does
         * not show other threads' counts of it): just drop ours. */
        if (!_PyObject_IsUniquelyReferenced((PyObject *)next)) {
            Py_DECREF(next);
            break;
        }
        PyTracebackObject *n2 = next->tb_next;
        next->tb_next = NULL;
        Py_DECREF(next);
        next = n2;
    }
}

PyTypeObject PyTraceBack_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "traceback",
    .tp_basicsize = sizeof(PyTracebackObject),
    .tp_dealloc = tb_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = tb_traverse,
    .tp_clear = tb_clear,
    .tp_getset = tb_getsets,
    .tp_new = tb_new,
};

/* ---- output buffer -------------------------------------------------------- */

typedef struct {
    char *s;
    size_t len, cap;
} Buf;

static void
buf_putn(Buf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 1024;
        while (cap < b->len + n + 1) {
            cap *= 2;
        }
        char *ns = realloc(b->s, cap);
        if (ns == NULL) {
            return;
        }
        b->s = ns;
        b->cap = cap;
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

static void
buf_puts(Buf *b, const char *s)
{
    buf_putn(b, s, strlen(s));
}

static void
buf_printf(Buf *b, const char *fmt, ...)
{
    char tmp[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0) {
        return;
    }
    if ((size_t)n < sizeof tmp) {
        buf_putn(b, tmp, (size_t)n);
        return;
    }
    char *big = malloc((size_t)n + 1);
    if (big == NULL) {
        return;
    }
    va_start(ap, fmt);
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    va_end(ap);
    buf_putn(b, big, (size_t)n);
    free(big);
}

static void
buf_putobj_str(Buf *b, PyObject *o)
{
    Py_ssize_t n;
    const char *s = PyUnicode_Check(o) ? PyUnicode_AsUTF8AndSize(o, &n) : NULL;
    if (s == NULL) {
        PyErr_Clear();
        return;
    }
    buf_putn(b, s, (size_t)n);
}

/* Write the text to sys.stderr (or `file`), else to the C stderr. */
static void
buf_flush_to(Buf *b, PyObject *file)
{
    if (b->s == NULL) {
        return;
    }
    PyThreadState *tstate = _PyThreadState_GET();
    PyObject *f = Py_XNewRef(file);
    if (f == NULL && tstate->interp->sysdict != NULL) {
        if (PyDict_GetItemRef(tstate->interp->sysdict, _Py_ID_STR(stderr), &f) < 0) {
            PyErr_Clear();
        }
    }
    int done = 0;
    if (f != NULL && f != Py_None) {
        PyObject *text = PyUnicode_DecodeUTF8(b->s, (Py_ssize_t)b->len, "replace");
        if (text != NULL) {
            PyObject *r = PyObject_CallMethod(f, "write", "(O)", text);
            Py_DECREF(text);
            if (r != NULL) {
                Py_DECREF(r);
                done = 1;
                PyObject *fr = PyObject_CallMethod(f, "flush", NULL);
                Py_XDECREF(fr);
            }
        }
        PyErr_Clear();
    }
    Py_XDECREF(f);
    if (!done) {
        fflush(stdout);
        fwrite(b->s, 1, b->len, stderr);
        fflush(stderr);
    }
}

/* ---- source lines -------------------------------------------------------- */

/* The program given with -c: CPython 3.13 shows its lines in tracebacks
 * (file "<string>").  Set once by pythonrun.c before the code runs. */
static char *command_source;

void
_PyTraceback_SetCommandSource(const char *source)
{
    free(command_source);
    command_source = source != NULL ? strdup(source) : NULL;
}

static char *
command_source_line(int lineno)
{
    const char *p = command_source;
    for (int cur = 1; cur < lineno; cur++) {
        p = strchr(p, '\n');
        if (p == NULL) {
            return NULL;
        }
        p++;
    }
    size_t len = strcspn(p, "\r\n");
    char *line = malloc(len + 1);
    if (line != NULL) {
        memcpy(line, p, len);
        line[len] = '\0';
    }
    return line;
}

/* Line `lineno` of `filename` without its line ending and trailing
 * whitespace (malloc'd), or NULL. */
static char *
read_source_line(const char *filename, int lineno)
{
    if (lineno >= 1 && filename != NULL && command_source != NULL &&
        strcmp(filename, "<string>") == 0) {
        return command_source_line(lineno);
    }
    if (lineno < 1 || filename == NULL || filename[0] == '<') {
        return NULL;
    }
    FILE *fp = fopen(filename, "rb");
    if (fp == NULL) {
        return NULL;
    }
    char *line = NULL;
    size_t cap = 0, len = 0;
    int cur = 1, c;
    while ((c = getc(fp)) != EOF) {
        if (cur == lineno) {
            if (c == '\n') {
                break;
            }
            if (len + 2 > cap) {
                cap = cap ? cap * 2 : 128;
                char *nl = realloc(line, cap);
                if (nl == NULL) {
                    free(line);
                    fclose(fp);
                    return NULL;
                }
                line = nl;
            }
            line[len++] = (char)c;
        }
        else if (c == '\n') {
            cur++;
            if (cur > lineno) {
                break;
            }
        }
    }
    fclose(fp);
    if (cur != lineno) {
        free(line);
        return NULL;
    }
    if (line == NULL) {
        line = malloc(1);
        if (line == NULL) {
            return NULL;
        }
    }
    while (len > 0 && (line[len - 1] == '\r' || line[len - 1] == ' ' || line[len - 1] == '\t' ||
                       line[len - 1] == '\f' || line[len - 1] == '\v')) {
        len--;
    }
    line[len] = '\0';
    /* Skip a UTF-8 BOM on line 1. */
    if (lineno == 1 && (unsigned char)line[0] == 0xEF && (unsigned char)line[1] == 0xBB &&
        (unsigned char)line[2] == 0xBF) {
        memmove(line, line + 3, len - 2);
    }
    return line;
}

/* Character index of byte offset `off` in the UTF-8 string `s`. */
static int
byte_to_char(const char *s, int off)
{
    int chars = 0;
    size_t n = strlen(s);
    if (off > (int)n) {
        off = (int)n;
    }
    for (int i = 0; i < off; i++) {
        if (((unsigned char)s[i] & 0xC0) != 0x80) {
            chars++;
        }
    }
    return chars;
}

/* Byte offset of character index `ci` in `s`. */
static int
char_to_byte(const char *s, int ci)
{
    int i = 0, c = 0;
    while (s[i] != '\0') {
        if (((unsigned char)s[i] & 0xC0) != 0x80) {
            if (c == ci) {
                return i;
            }
            c++;
        }
        i++;
    }
    return i;
}

static int
char_len(const char *s)
{
    return byte_to_char(s, (int)strlen(s));
}

/* ---- caret anchors -------------------------------------------------------- */

typedef struct {
    int left_lineno, left_col;    /* start of the secondary (^) range */
    int right_lineno, right_col;  /* end (exclusive) */
} Anchors;

typedef struct {
    char **lines;                 /* the segment's lines (UTF-8) */
    int nlines;
} Seg;

static int
seg_next_valid(Seg *sg, int *lineno, int *col)
{
    while (*lineno < sg->nlines && *col >= char_len(sg->lines[*lineno])) {
        *col = 0;
        (*lineno)++;
    }
    return *lineno < sg->nlines;
}

static int
seg_char(Seg *sg, int lineno, int col)
{
    const char *s = sg->lines[lineno];
    return (unsigned char)s[char_to_byte(s, col)];
}

static int
seg_increment_until(Seg *sg, int *lineno, int *col, int want_bracket)
{
    for (;;) {
        if (!seg_next_valid(sg, lineno, col)) {
            return 0;
        }
        int ch = seg_char(sg, *lineno, *col);
        if (ch == '\\' || ch == '#') {
            (*lineno)++;
            *col = 0;
            continue;
        }
        int stop = want_bracket ? (ch == want_bracket)
                                : (ch != ' ' && ch != '\t' && ch != '\f' && ch != ')' && ch != '\n');
        if (stop) {
            return 1;
        }
        (*col)++;
    }
}

/* Positions of an AST node end in segment coordinates (the segment was
 * parsed as "(\n" + segment + "\n)", hence lineno - 2). */
static void
seg_end_pos(Seg *sg, int end_lineno, int end_col_offset, int *lineno, int *col)
{
    *lineno = end_lineno - 2;
    if (*lineno < 0) {
        *lineno = 0;
    }
    if (*lineno >= sg->nlines) {
        *lineno = sg->nlines - 1;
    }
    *col = byte_to_char(sg->lines[*lineno], end_col_offset);
}

static int
extract_anchors(const char *segment, Anchors *out)
{
    size_t n = strlen(segment);
    char *src = malloc(n + 8);
    if (src == NULL) {
        return 0;
    }
    memcpy(src, "(\n", 2);
    memcpy(src + 2, segment, n);
    memcpy(src + 2 + n, "\n)\n", 4);
    PyArena *arena = _PyArena_New();
    if (arena == NULL) {
        free(src);
        PyErr_Clear();
        return 0;
    }
    PyParserError perr;
    mod_ty mod = _PyParser_ParseString(src, n + 5, NULL, Py_file_input, arena, &perr);
    free(src);
    int found = 0;
    Seg sg = {NULL, 0};
    /* split segment into lines */
    char *copy = strdup(segment);
    if (copy == NULL) {
        _PyArena_Free(arena);
        return 0;
    }
    int cap = 8;
    sg.lines = malloc(sizeof(char *) * (size_t)cap);
    char *p = copy;
    for (;;) {
        char *nl = strchr(p, '\n');
        if (sg.nlines == cap) {
            cap *= 2;
            sg.lines = realloc(sg.lines, sizeof(char *) * (size_t)cap);
        }
        sg.lines[sg.nlines++] = p;
        if (nl == NULL) {
            break;
        }
        *nl = '\0';
        p = nl + 1;
    }
    if (mod != NULL && mod->kind == Module_kind && asdl_seq_LEN(mod->v.Module.body) == 1) {
        stmt_ty st = asdl_seq_GET(mod->v.Module.body, 0);
        if (st->kind == Expr_kind) {
            expr_ty e = st->v.Expr.value;
            if (e->kind == BinOp_kind) {
                int lineno, col;
                expr_ty l = e->v.BinOp.left, r = e->v.BinOp.right;
                seg_end_pos(&sg, l->end_lineno, l->end_col_offset, &lineno, &col);
                if (seg_increment_until(&sg, &lineno, &col, 0)) {
                    int right_col = col + 1;
                    const char *ln = sg.lines[lineno];
                    int ll = char_len(ln);
                    int rcol = r->lineno - 2 > lineno ? -1
                               : byte_to_char(sg.lines[r->lineno - 2 < sg.nlines ? r->lineno - 2 : 0],
                                              r->col_offset);
                    if (right_col < ll && (r->lineno - 2 > lineno || right_col < rcol)) {
                        int ch = seg_char(&sg, lineno, right_col);
                        if (ch != ' ' && ch != '\t' && ch != '\\' && ch != '#') {
                            right_col++;
                        }
                    }
                    *out = (Anchors){lineno, col, lineno, right_col};
                    found = 1;
                }
            }
            else if (e->kind == Subscript_kind || e->kind == Call_kind) {
                expr_ty inner = e->kind == Subscript_kind ? e->v.Subscript.value : e->v.Call.func;
                int want = e->kind == Subscript_kind ? '[' : '(';
                int lineno, col, rl, rc;
                seg_end_pos(&sg, inner->end_lineno, inner->end_col_offset, &lineno, &col);
                if (seg_increment_until(&sg, &lineno, &col, want)) {
                    seg_end_pos(&sg, e->end_lineno, e->end_col_offset, &rl, &rc);
                    *out = (Anchors){lineno, col, rl, rc};
                    found = 1;
                }
            }
        }
    }
    free(sg.lines);
    free(copy);
    _PyArena_Free(arena);
    return found;
}

/* False for `return f(...)` / `x = f(...)` where the call is the whole
 * statement after the keyword: CPython shows no carets then. */
static int
call_spans_statement(char **lines, int nlines, int start, int end)
{
    size_t total = 0;
    for (int i = 0; i < nlines; i++) {
        total += strlen(lines[i]) + 1;
    }
    char *src = malloc(total + 2);
    if (src == NULL) {
        return 0;
    }
    size_t pos = 0;
    for (int i = 0; i < nlines; i++) {
        size_t l = strlen(lines[i]);
        memcpy(src + pos, lines[i], l);
        pos += l;
        src[pos++] = '\n';
    }
    src[pos] = '\0';
    PyArena *arena = _PyArena_New();
    if (arena == NULL) {
        free(src);
        PyErr_Clear();
        return 0;
    }
    PyParserError perr;
    mod_ty mod = _PyParser_ParseString(src, pos, NULL, Py_file_input, arena, &perr);
    int res = 0;
    if (mod != NULL && mod->kind == Module_kind && asdl_seq_LEN(mod->v.Module.body) >= 1) {
        stmt_ty st = asdl_seq_GET(mod->v.Module.body, 0);
        expr_ty value = NULL;
        if (st->kind == Return_kind && st->v.Return.value != NULL &&
            st->v.Return.value->kind == Call_kind &&
            st->v.Return.value->v.Call.func->kind == Name_kind) {
            value = st->v.Return.value;
        }
        else if (st->kind == Assign_kind && st->v.Assign.value->kind == Call_kind &&
                 asdl_seq_GET(st->v.Assign.targets, 0)->kind == Name_kind &&
                 st->v.Assign.value->v.Call.func->kind == Name_kind) {
            value = st->v.Assign.value;
        }
        if (value != NULL && value->lineno == 1 && value->end_lineno == nlines &&
            value->col_offset == start && value->end_col_offset == end) {
            res = 1;
        }
    }
    _PyArena_Free(arena);
    free(src);
    return res;
}

static int
leading_spaces(const char *s)
{
    int n = 0;
    while (s[n] == ' ' || s[n] == '\t' || s[n] == '\f') {
        n++;
    }
    return n;
}

/* The source lines of an entry with their caret lines, CPython 3.13's
 * format_frame_summary. */
static void
format_source(Buf *b, const char *filename, int lineno, const _PyCodePosition *pos)
{
    char *first = read_source_line(filename, lineno);
    if (first == NULL) {
        return;
    }
    const char *stripped = first + leading_spaces(first);
    if (*stripped == '\0') {
        free(first);
        return;
    }
    if (pos == NULL || pos->col < 0 || pos->end_col < 0 || pos->lineno != lineno ||
        pos->end_lineno < lineno || pos->end_lineno - lineno > 1000) {
        buf_printf(b, "    %s\n", stripped);
        free(first);
        return;
    }
    int nlines = pos->end_lineno - lineno + 1;
    char **orig = calloc((size_t)nlines, sizeof(char *));
    char **ded = calloc((size_t)nlines, sizeof(char *));
    if (orig == NULL || ded == NULL) {
        free(orig);
        free(ded);
        buf_printf(b, "    %s\n", stripped);
        free(first);
        return;
    }
    orig[0] = first;
    for (int i = 1; i < nlines; i++) {
        orig[i] = read_source_line(filename, lineno + i);
        if (orig[i] == NULL) {
            orig[i] = strdup("");
        }
    }
    /* textwrap.dedent: common leading whitespace of non-blank lines. */
    int common = -1;
    for (int i = 0; i < nlines; i++) {
        if (orig[i][leading_spaces(orig[i])] == '\0') {
            continue;
        }
        int l = leading_spaces(orig[i]);
        if (common < 0) {
            common = l;
        }
        else {
            int k = 0;
            while (k < common && k < l && orig[i][k] == orig[0][k]) {
                k++;
            }
            common = k;
        }
    }
    if (common < 0) {
        common = 0;
    }
    for (int i = 0; i < nlines; i++) {
        int l = (int)strlen(orig[i]);
        if (orig[i][leading_spaces(orig[i])] == '\0') {
            ded[i] = orig[i] + l;
        }
        else {
            ded[i] = orig[i] + (common < l ? common : l);
        }
    }
    int start = byte_to_char(orig[0], pos->col);
    int end = byte_to_char(orig[nlines - 1], pos->end_col);
    int dedent_chars = char_len(orig[0]) - char_len(ded[0]);
    start = start - dedent_chars > 0 ? start - dedent_chars : 0;
    int dedent_last = char_len(orig[nlines - 1]) - char_len(ded[nlines - 1]);
    (void)dedent_last;
    end = end - dedent_chars > 0 ? end - dedent_chars : 0;

    /* The segment of the instruction. */
    Buf seg = {0};
    for (int i = 0; i < nlines; i++) {
        const char *s = ded[i];
        int from = i == 0 ? char_to_byte(s, start) : 0;
        int to = i == nlines - 1 ? char_to_byte(s, end) : (int)strlen(s);
        if (to > from) {
            buf_putn(&seg, s + from, (size_t)(to - from));
        }
        if (i < nlines - 1) {
            buf_puts(&seg, "\n");
        }
    }
    Anchors anchors = {0, 0, 0, 0};
    int has_anchors = seg.s != NULL && extract_anchors(seg.s, &anchors);
    free(seg.s);

    int show_carets;
    if (call_spans_statement(ded, nlines, start, end)) {
        show_carets = 0;
    }
    else if (has_anchors) {
        show_carets = 1;
    }
    else {
        const char *l0 = ded[0];
        int before = char_to_byte(l0, start);
        int nonblank_before = 0;
        for (int i = 0; i < before; i++) {
            if (!(l0[i] == ' ' || l0[i] == '\t' || l0[i] == '\f')) {
                nonblank_before = 1;
            }
        }
        const char *ll = ded[nlines - 1];
        int after = char_to_byte(ll, end);
        int nonblank_after = 0;
        for (int i = after; ll[i] != '\0'; i++) {
            if (!(ll[i] == ' ' || ll[i] == '\t' || ll[i] == '\f')) {
                nonblank_after = 1;
            }
        }
        show_carets = nonblank_before || nonblank_after;
    }
    int left_off = 0, right_off = 0;
    char primary = '^', secondary = '^';
    char *significant = calloc((size_t)nlines, 1);
    if (significant == NULL) {
        goto done;
    }
    significant[0] = 1;
    significant[nlines - 1] = 1;
    if (has_anchors) {
        left_off = anchors.left_col + (anchors.left_lineno == 0 ? start : 0);
        right_off = anchors.right_col + (anchors.right_lineno == 0 ? start : 0);
        primary = '~';
        secondary = '^';
        for (int d = -1; d <= 1; d++) {
            int a = anchors.left_lineno + d, c = anchors.right_lineno + d;
            if (a >= 0 && a < nlines) {
                significant[a] = 1;
            }
            if (c >= 0 && c < nlines) {
                significant[c] = 1;
            }
        }
    }
    /* Output lines; the result is dedented again and indented by 4. */
    Buf out = {0};
    int prev = -1;
    for (int ln = 0; ln < nlines; ln++) {
        if (!significant[ln]) {
            continue;
        }
        if (prev >= 0) {
            int diff = ln - prev;
            if (diff == 2) {
                /* fallthrough: output the line in between */
            }
            else if (diff > 2) {
                buf_printf(&out, "...<%d lines>...\n", diff - 1);
            }
        }
        for (int pass = (prev >= 0 && ln - prev == 2) ? 0 : 1; pass < 2; pass++) {
            int cur = pass == 0 ? ln - 1 : ln;
            buf_puts(&out, ded[cur]);
            buf_puts(&out, "\n");
            if (!show_carets) {
                continue;
            }
            const char *s = ded[cur];
            int nsp = char_len(s) - char_len(s + leading_spaces(s));
            int ncar = cur == nlines - 1 ? end : char_len(s);
            for (int col = 0; col < ncar; col++) {
                char ch;
                if (col < nsp || (cur == 0 && col < start)) {
                    ch = ' ';
                }
                else if (has_anchors &&
                         (cur > anchors.left_lineno ||
                          (cur == anchors.left_lineno && col >= left_off)) &&
                         (cur < anchors.right_lineno ||
                          (cur == anchors.right_lineno && col < right_off))) {
                    ch = secondary;
                }
                else {
                    ch = primary;
                }
                buf_putn(&out, &ch, 1);
            }
            buf_puts(&out, "\n");
        }
        prev = ln;
    }
    free(significant);
    if (out.s != NULL) {
        /* textwrap.dedent of the output, then indent every line by 4. */
        char *p = out.s;
        int outcommon = -1;
        for (char *q = p; *q;) {
            char *nl = strchr(q, '\n');
            size_t l = nl ? (size_t)(nl - q) : strlen(q);
            int ls = 0;
            while ((size_t)ls < l && (q[ls] == ' ' || q[ls] == '\t')) {
                ls++;
            }
            if ((size_t)ls < l) {
                outcommon = outcommon < 0 || ls < outcommon ? ls : outcommon;
            }
            q = nl ? nl + 1 : q + l;
        }
        if (outcommon < 0) {
            outcommon = 0;
        }
        for (char *q = p; *q;) {
            char *nl = strchr(q, '\n');
            size_t l = nl ? (size_t)(nl - q) : strlen(q);
            int ls = 0;
            while ((size_t)ls < l && (q[ls] == ' ' || q[ls] == '\t')) {
                ls++;
            }
            buf_puts(b, "    ");
            if ((size_t)ls < l) {
                buf_putn(b, q + outcommon, l - (size_t)outcommon);
            }
            buf_puts(b, "\n");
            q = nl ? nl + 1 : q + l;
        }
        free(out.s);
    }
done:
    for (int i = 0; i < nlines; i++) {
        free(orig[i]);
    }
    free(orig);
    free(ded);
}

/* ---- traceback entries ----------------------------------------------------- */

#define RECURSIVE_CUTOFF 3

static void
format_repeat(Buf *b, int count)
{
    count -= RECURSIVE_CUTOFF;
    buf_printf(b, "  [Previous line repeated %d more time%s]\n", count, count > 1 ? "s" : "");
}

static void
format_tb(Buf *b, PyTracebackObject *tb, int carets)
{
    PyObject *last_file = NULL, *last_name = NULL;
    int last_line = -1, count = 0;
    for (; tb != NULL; tb = tb->tb_next) {
        if (tb->tb_frame == NULL) {
            continue;
        }
        PyCodeObject *co = tb->tb_frame->f_frame->f_code;
        int lineno = tb->tb_lineno;
        if (last_file == NULL || co->co_filename != last_file || lineno != last_line ||
            last_name == NULL || PyUnicode_Compare(co->co_name, last_name) != 0) {
            if (count > RECURSIVE_CUTOFF) {
                format_repeat(b, count);
            }
            last_file = co->co_filename;
            last_line = lineno;
            last_name = co->co_name;
            count = 0;
        }
        PyErr_Clear();
        count++;
        if (count > RECURSIVE_CUTOFF) {
            continue;
        }
        const char *fname = PyUnicode_AsUTF8AndSize(co->co_filename, NULL);
        const char *name = PyUnicode_AsUTF8AndSize(co->co_name, NULL);
        if (fname == NULL || name == NULL) {
            PyErr_Clear();
            continue;
        }
        if (lineno < 0) {
            buf_printf(b, "  File \"%s\", line None, in %s\n", fname, name);
            continue;
        }
        buf_printf(b, "  File \"%s\", line %d, in %s\n", fname, lineno, name);
        const _PyCodePosition *pos = NULL;
        if (carets && tb->tb_lasti >= 0 && tb->tb_lasti < co->co_ncode) {
            pos = &co->co_positions[tb->tb_lasti];
        }
        format_source(b, fname, lineno, pos);
    }
    if (count > RECURSIVE_CUTOFF) {
        format_repeat(b, count);
    }
}

/* Write traceback `v` to file `f`; `carets`: with the ~~~^^^ lines. */
static int
print_tb(PyObject *v, PyObject *f, int carets)
{
    if (v == NULL) {
        return 0;
    }
    if (!PyTraceBack_Check(v)) {
        PyErr_BadInternalCall();
        return -1;
    }
    Buf b = {0};
    buf_puts(&b, "Traceback (most recent call last):\n");
    format_tb(&b, (PyTracebackObject *)v, carets);
    buf_flush_to(&b, f);
    free(b.s);
    return 0;
}

int
PyTraceBack_Print(PyObject *v, PyObject *f)
{
    return print_tb(v, f, 1);
}

int
_PyTraceBack_PrintPlain(PyObject *v, PyObject *f)
{
    return print_tb(v, f, 0);
}

/* ---- exceptions -------------------------------------------------------------- */

static void
format_exception_only(Buf *b, PyObject *exc, const char *indent)
{
    PyTypeObject *tp = Py_TYPE(exc);
    PyObject *qualname = PyObject_GetAttr((PyObject *)tp, _Py_ID_STR(__qualname__));
    PyObject *mod = PyObject_GetAttr((PyObject *)tp, _Py_ID_STR(__module__));
    PyErr_Clear();
    Buf stype = {0};
    if (mod != NULL && PyUnicode_Check(mod) &&
        !_PyUnicode_EqualToASCIIString(mod, "__main__") &&
        !_PyUnicode_EqualToASCIIString(mod, "builtins")) {
        buf_putobj_str(&stype, mod);
        buf_puts(&stype, ".");
    }
    if (qualname != NULL && PyUnicode_Check(qualname)) {
        buf_putobj_str(&stype, qualname);
    }
    else {
        buf_puts(&stype, tp->tp_name);
    }
    Py_XDECREF(qualname);
    Py_XDECREF(mod);
    const char *st = stype.s ? stype.s : "";

    if (PyObject_TypeCheck(exc, (PyTypeObject *)PyExc_SyntaxError)) {
        PySyntaxErrorObject *se = (PySyntaxErrorObject *)exc;
        long lineno = -1;
        if (se->lineno != NULL && PyLong_Check(se->lineno)) {
            lineno = PyLong_AsLong(se->lineno);
        }
        const char *filename = NULL;
        if (se->filename != NULL && PyUnicode_Check(se->filename)) {
            filename = PyUnicode_AsUTF8AndSize(se->filename, NULL);
        }
        PyErr_Clear();
        int have_lineno = se->lineno != NULL && se->lineno != Py_None;
        if (have_lineno) {
            buf_printf(b, "%s  File \"%s\", line %ld\n", indent, filename ? filename : "<string>",
                       lineno);
        }
        if (se->text != NULL && PyUnicode_Check(se->text)) {
            PyObject *text = se->text;
            Py_ssize_t tlen = PyUnicode_GET_LENGTH(text);
            /* rstrip('\n'), then lstrip(' \n\f') */
            Py_ssize_t e = tlen;
            while (e > 0 && PyUnicode_READ_CHAR(text, e - 1) == '\n') {
                e--;
            }
            Py_ssize_t s = 0;
            while (s < e) {
                Py_UCS4 c = PyUnicode_READ_CHAR(text, s);
                if (c != ' ' && c != '\n' && c != '\f') {
                    break;
                }
                s++;
            }
            PyObject *ltext = PyUnicode_Substring(text, s, e);
            if (ltext != NULL) {
                buf_printf(b, "%s    ", indent);
                buf_putobj_str(b, ltext);
                buf_puts(b, "\n");
                if (se->offset != NULL && PyLong_Check(se->offset)) {
                    long offset = PyLong_AsLong(se->offset);
                    long end_offset = offset;
                    if (se->end_offset != NULL && PyLong_Check(se->end_offset)) {
                        long eo = PyLong_AsLong(se->end_offset);
                        if (eo != 0) {
                            end_offset = eo;
                        }
                    }
                    if (offset > tlen) {
                        offset = tlen + 1;
                    }
                    if (end_offset > tlen) {
                        end_offset = tlen + 1;
                    }
                    if (offset >= end_offset || end_offset < 0) {
                        end_offset = offset + 1;
                    }
                    long colno = offset - 1 - s;
                    long end_colno = end_offset - 1 - s;
                    if (colno >= 0) {
                        buf_printf(b, "%s    ", indent);
                        Py_ssize_t ll = PyUnicode_GET_LENGTH(ltext);
                        for (long i = 0; i < colno; i++) {
                            Py_UCS4 c = i < ll ? PyUnicode_READ_CHAR(ltext, i) : ' ';
                            char ch = (c == '\t' || c == '\f' || c == '\v') ? (char)c : ' ';
                            buf_putn(b, &ch, 1);
                        }
                        for (long i = colno; i < end_colno; i++) {
                            buf_puts(b, "^");
                        }
                        buf_puts(b, "\n");
                    }
                }
                Py_DECREF(ltext);
            }
            PyErr_Clear();
        }
        buf_printf(b, "%s%s: ", indent, st);
        if (se->msg != NULL && PyObject_IsTrue(se->msg) > 0) {
            PyObject *m = PyObject_Str(se->msg);
            if (m != NULL) {
                buf_putobj_str(b, m);
                Py_DECREF(m);
            }
        }
        else {
            buf_puts(b, "<no detail available>");
        }
        PyErr_Clear();
        if (!have_lineno && filename != NULL) {
            buf_printf(b, " (%s)", filename);
        }
        buf_puts(b, "\n");
    }
    else {
        PyObject *s = PyObject_Str(exc);
        if (s == NULL) {
            PyErr_Clear();
            buf_printf(b, "%s%s: <exception str() failed>\n", indent, st);
        }
        else {
            /* NameError/AttributeError/ImportError: "Did you mean: ...?" */
            PyObject *hint = _Py_SuggestionText(exc);
            if (hint != NULL) {
                PyObject *joined = PyUnicode_Concat(s, hint);
                Py_DECREF(hint);
                if (joined != NULL) {
                    Py_SETREF(s, joined);
                }
                PyErr_Clear();
            }
            if (PyUnicode_GET_LENGTH(s) == 0) {
                buf_printf(b, "%s%s\n", indent, st);
            }
            else {
                buf_printf(b, "%s%s: ", indent, st);
                /* Continuation lines of a multi-line message get the indent too. */
                Py_ssize_t n;
                const char *t = PyUnicode_AsUTF8AndSize(s, &n);
                if (t != NULL) {
                    for (Py_ssize_t i = 0; i < n; i++) {
                        buf_putn(b, t + i, 1);
                        if (t[i] == '\n' && *indent) {
                            buf_puts(b, indent);
                        }
                    }
                }
                PyErr_Clear();
                buf_puts(b, "\n");
            }
            Py_DECREF(s);
        }
    }
    free(stype.s);
    /* __notes__ */
    PyObject *notes = NULL;
    if (PyObject_GetOptionalAttr(exc, _Py_ID_STR(__notes__), &notes) < 0) {
        PyErr_Clear();
    }
    if (notes != NULL) {
        if (PySequence_Check(notes) && !PyUnicode_Check(notes) && !PyBytes_Check(notes)) {
            Py_ssize_t n = PySequence_Size(notes);
            for (Py_ssize_t i = 0; i < n; i++) {
                PyObject *note = PySequence_GetItem(notes, i);
                if (note == NULL) {
                    PyErr_Clear();
                    continue;
                }
                PyObject *ns = PyUnicode_Check(note) ? Py_NewRef(note) : PyObject_Repr(note);
                if (ns == NULL) {
                    PyErr_Clear();
                    buf_printf(b, "%s<note str() failed>\n", indent);
                }
                else {
                    buf_puts(b, indent);
                    Py_ssize_t len;
                    const char *t = PyUnicode_AsUTF8AndSize(ns, &len);
                    if (t != NULL) {
                        for (Py_ssize_t k = 0; k < len; k++) {
                            buf_putn(b, t + k, 1);
                            if (t[k] == '\n' && *indent) {
                                buf_puts(b, indent);
                            }
                        }
                    }
                    PyErr_Clear();
                    buf_puts(b, "\n");
                    Py_DECREF(ns);
                }
                Py_DECREF(note);
            }
        }
        else {
            PyObject *r = PyObject_Repr(notes);
            if (r != NULL) {
                buf_puts(b, indent);
                buf_putobj_str(b, r);
                buf_puts(b, "\n");
                Py_DECREF(r);
            }
            else {
                PyErr_Clear();
                buf_printf(b, "%s<__notes__ repr() failed>\n", indent);
            }
        }
        Py_DECREF(notes);
    }
}

#define MAX_GROUP_WIDTH 15
#define MAX_GROUP_DEPTH 10

/* The state of one print: exceptions already shown (their chains are not
 * followed twice), how deep in nested groups we are (each level indents by
 * two and adds a "| " margin) and whether the innermost group still owes
 * its closing "+----" line (a nested last group closes for its parents). */
typedef struct {
    PyObject *seen; /* set of ids */
    int group_depth;
    int need_close;
} Ctx;

static void print_exception_recursive(Buf *b, PyObject *exc, Ctx *ctx);

/* Writes each line of `src` with the current group indent and margin. */
static void
ctx_emit(Buf *b, Ctx *ctx, const char *src, char margin)
{
    const char *p = src;
    while (*p) {
        const char *nl = strchr(p, '\n');
        size_t l = nl ? (size_t)(nl - p + 1) : strlen(p);
        for (int i = 0; i < ctx->group_depth; i++) {
            buf_puts(b, "  ");
        }
        if (ctx->group_depth > 0) {
            buf_putn(b, &margin, 1);
            buf_puts(b, " ");
        }
        buf_putn(b, p, l);
        p += l;
    }
}

static void
ctx_emit_buf(Buf *b, Ctx *ctx, Buf *text, char margin)
{
    if (text->s != NULL) {
        ctx_emit(b, ctx, text->s, margin);
        free(text->s);
    }
    *text = (Buf){0};
}

/* Writes a group separator/closing line at the current depth. */
static void
ctx_rule(Buf *b, Ctx *ctx, const char *line)
{
    for (int i = 0; i < ctx->group_depth; i++) {
        buf_puts(b, "  ");
    }
    buf_puts(b, line);
}

static int
seen_add(Ctx *ctx, PyObject *exc)
{
    PyObject *id = PyLong_FromVoidPtr(exc);
    if (id == NULL) {
        PyErr_Clear();
        return 1;
    }
    int r = PySet_Contains(ctx->seen, id);
    if (r == 0) {
        PySet_Add(ctx->seen, id);
    }
    Py_DECREF(id);
    PyErr_Clear();
    return r != 0;
}

static int
seen_has(Ctx *ctx, PyObject *exc)
{
    PyObject *id = PyLong_FromVoidPtr(exc);
    int s = id ? PySet_Contains(ctx->seen, id) : 1;
    Py_XDECREF(id);
    PyErr_Clear();
    return s != 0;
}

static void
print_one(Buf *b, PyObject *exc, Ctx *ctx)
{
    int is_group = PyObject_TypeCheck(exc, (PyTypeObject *)PyExc_BaseExceptionGroup);
    PyObject *tb = PyException_GetTraceback(exc);
    Buf text = {0};
    if (!is_group) {
        if (tb != NULL && tb != Py_None) {
            buf_puts(&text, "Traceback (most recent call last):\n");
            format_tb(&text, (PyTracebackObject *)tb, 1);
        }
        Py_XDECREF(tb);
        format_exception_only(&text, exc, "");
        ctx_emit_buf(b, ctx, &text, '|');
        return;
    }
    if (ctx->group_depth > MAX_GROUP_DEPTH) {
        Py_XDECREF(tb);
        buf_printf(&text, "... (max_group_depth is %d)\n", MAX_GROUP_DEPTH);
        ctx_emit_buf(b, ctx, &text, '|');
        return;
    }
    int toplevel = ctx->group_depth == 0;
    if (toplevel) {
        ctx->group_depth++;
    }
    if (tb != NULL && tb != Py_None) {
        buf_puts(&text, "Exception Group Traceback (most recent call last):\n");
        /* only the outermost group's header line carries the '+' margin */
        ctx_emit_buf(b, ctx, &text, toplevel ? '+' : '|');
        format_tb(&text, (PyTracebackObject *)tb, 1);
    }
    Py_XDECREF(tb);
    format_exception_only(&text, exc, "");
    ctx_emit_buf(b, ctx, &text, '|');

    PyObject *excs = ((PyBaseExceptionGroupObject *)exc)->excs;
    Py_ssize_t n = (excs != NULL && PyTuple_Check(excs)) ? PyTuple_GET_SIZE(excs) : 0;
    Py_ssize_t rows = n <= MAX_GROUP_WIDTH ? n : MAX_GROUP_WIDTH + 1;
    ctx->need_close = 0;
    for (Py_ssize_t i = 0; i < rows; i++) {
        int last = i == rows - 1;
        if (last) {
            /* a nested group printed last may close this frame itself */
            ctx->need_close = 1;
        }
        int truncated = i >= MAX_GROUP_WIDTH;
        Buf line = {0};
        if (truncated) {
            buf_printf(&line, "%s+---------------- ... ----------------\n", i == 0 ? "+-" : "  ");
        }
        else {
            buf_printf(&line, "%s+---------------- %zd ----------------\n", i == 0 ? "+-" : "  ",
                       i + 1);
        }
        ctx_rule(b, ctx, line.s ? line.s : "");
        free(line.s);
        ctx->group_depth++;
        if (!truncated) {
            print_exception_recursive(b, PyTuple_GET_ITEM(excs, i), ctx);
        }
        else {
            Py_ssize_t more = n - MAX_GROUP_WIDTH;
            buf_printf(&text, "and %zd more exception%s\n", more, more > 1 ? "s" : "");
            ctx_emit_buf(b, ctx, &text, '|');
        }
        if (last && ctx->need_close) {
            ctx_rule(b, ctx, "+------------------------------------\n");
            ctx->need_close = 0;
        }
        ctx->group_depth--;
    }
    if (toplevel) {
        ctx->group_depth = 0;
    }
}

static void
print_exception_recursive(Buf *b, PyObject *exc, Ctx *ctx)
{
    if (Py_EnterRecursiveCall(" in print_exception_recursive")) {
        PyErr_Clear();
        return;
    }
    if (PyExceptionInstance_Check(exc)) {
        seen_add(ctx, exc);
        PyObject *cause = PyException_GetCause(exc);
        PyObject *context = PyException_GetContext(exc);
        if (cause != NULL && cause != Py_None && PyExceptionInstance_Check(cause)) {
            if (!seen_has(ctx, cause)) {
                print_exception_recursive(b, cause, ctx);
                ctx_emit(b, ctx,
                         "\nThe above exception was the direct cause of the following "
                         "exception:\n\n",
                         '|');
            }
        }
        else if (context != NULL && context != Py_None &&
                 !((PyBaseExceptionObject *)exc)->suppress_context &&
                 PyExceptionInstance_Check(context)) {
            if (!seen_has(ctx, context)) {
                print_exception_recursive(b, context, ctx);
                ctx_emit(b, ctx,
                         "\nDuring handling of the above exception, another exception "
                         "occurred:\n\n",
                         '|');
            }
        }
        Py_XDECREF(cause);
        Py_XDECREF(context);
    }
    print_one(b, exc, ctx);
    Py_LeaveRecursiveCall();
}

static void
display_exception(PyObject *exc, PyObject *file)
{
    Buf b = {0};
    if (exc == NULL) {
        return;
    }
    PyObject *saved = PyErr_GetRaisedException();
    if (!PyExceptionInstance_Check(exc)) {
        buf_printf(&b, "TypeError: print_exception(): Exception expected for value, %s found\n",
                   Py_TYPE(exc)->tp_name);
    }
    else {
        Ctx ctx = {PySet_New(NULL), 0, 0};
        if (ctx.seen == NULL) {
            PyErr_Clear();
        }
        else {
            print_exception_recursive(&b, exc, &ctx);
            Py_DECREF(ctx.seen);
        }
        PyErr_Clear();
    }
    buf_flush_to(&b, file);
    free(b.s);
    PyErr_SetRaisedException(saved);
}

void
PyErr_DisplayException(PyObject *exc)
{
    display_exception(exc, NULL);
}

void
PyErr_Display(PyObject *unused, PyObject *value, PyObject *tb)
{
    if (value != NULL && tb != NULL && tb != Py_None && PyExceptionInstance_Check(value)) {
        PyObject *cur = PyException_GetTraceback(value);
        if (cur == NULL) {
            PyException_SetTraceback(value, tb);
        }
        Py_XDECREF(cur);
    }
    display_exception(value, NULL);
}

/* Format `exc` as PyErr_Display would into a str (for tests and for
 * callers that write elsewhere). */
PyObject *
_PyErr_FormatException(PyObject *exc)
{
    Buf b = {0};
    Ctx ctx = {PySet_New(NULL), 0, 0};
    if (ctx.seen == NULL) {
        return NULL;
    }
    print_exception_recursive(&b, exc, &ctx);
    Py_DECREF(ctx.seen);
    PyObject *r = PyUnicode_DecodeUTF8(b.s ? b.s : "", (Py_ssize_t)b.len, "replace");
    free(b.s);
    return r;
}

void
PyErr_PrintEx(int set_sys_last_vars)
{
    PyThreadState *tstate = _PyThreadState_GET();
    PyObject *exc = PyErr_GetRaisedException();
    if (exc == NULL) {
        return;
    }
    if (set_sys_last_vars && tstate->interp->sysdict != NULL) {
        PyObject *sd = tstate->interp->sysdict;
        PyObject *tb = PyException_GetTraceback(exc);
        if (PyDict_SetItemString(sd, "last_exc", exc) < 0 ||
            PyDict_SetItemString(sd, "last_type", (PyObject *)Py_TYPE(exc)) < 0 ||
            PyDict_SetItemString(sd, "last_value", exc) < 0 ||
            PyDict_SetItemString(sd, "last_traceback", tb ? tb : Py_None) < 0) {
            PyErr_Clear();
        }
        Py_XDECREF(tb);
    }
    /* sys.excepthook if set and not the default. */
    PyObject *hook = NULL;
    if (tstate->interp->sysdict != NULL) {
        if (PyDict_GetItemRef(tstate->interp->sysdict, _Py_ID_STR(excepthook), &hook) < 0) {
            PyErr_Clear();
        }
    }
    if (hook != NULL && hook != Py_None && !PyCFunction_Check(hook)) {
        PyObject *tb = PyException_GetTraceback(exc);
        PyObject *args[3] = {(PyObject *)Py_TYPE(exc), exc, tb ? tb : Py_None};
        PyObject *r = PyObject_Vectorcall(hook, args, 3, NULL);
        Py_XDECREF(tb);
        if (r == NULL) {
            PyObject *exc2 = PyErr_GetRaisedException();
            Buf b = {0};
            buf_puts(&b, "Error in sys.excepthook:\n");
            buf_flush_to(&b, NULL);
            free(b.s);
            display_exception(exc2, NULL);
            b = (Buf){0};
            buf_puts(&b, "\nOriginal exception was:\n");
            buf_flush_to(&b, NULL);
            free(b.s);
            display_exception(exc, NULL);
            Py_XDECREF(exc2);
        }
        Py_XDECREF(r);
    }
    else {
        display_exception(exc, NULL);
    }
    Py_XDECREF(hook);
    Py_DECREF(exc);
}

void
PyErr_Print(void)
{
    PyErr_PrintEx(1);
}
