/* symtable.c: the symbol table pass (see pycore_symtable.h for the design).
 * Pass 1 walks the AST recording, per scope, how each name is used
 * (DEF_* flags); pass 2 (analyze) resolves every name to LOCAL, CELL, FREE,
 * GLOBAL_EXPLICIT or GLOBAL_IMPLICIT, top-down with the set of names bound
 * in enclosing function scopes and bottom-up with the children's free names.
 *
 * Errors raised here: global/nonlocal misuse, duplicate arguments, 'return'
 * and 'yield' outside function, yield in comprehensions, walrus misuse in
 * comprehensions, import * outside module level.  'await', 'break' and
 * 'continue' placement is checked by the compiler, which knows the context
 * (async def, loops through try/finally).  SyntaxError offsets are set from
 * the AST's UTF-8 byte columns (+1) with text=None; Py_CompileStringObject,
 * which has the source, must convert them to character offsets and fill
 * `text` (as CPython does from the file). */
#include "Python.h"
#include "pycore_symtable.h"

/* ---- errors ------------------------------------------------------------- */

/* SyntaxError(msg, (filename, lineno, col+1, None, end_lineno, end_col+1)).
 * Columns are UTF-8 byte offsets here: the compiler driver, which has the
 * source text, converts them to character offsets and fills `text`. */
static int
st_error(_PySymtable *st, int lineno, int col, int end_lineno, int end_col,
         const char *fmt, ...)
{
    va_list va;
    va_start(va, fmt);
    PyObject *msg = PyUnicode_FromFormatV(fmt, va);
    va_end(va);
    if (msg == NULL) {
        return -1;
    }
    PyObject *loc = Py_BuildValue("(OiiOii)", st->st_filename, lineno, col + 1,
                                  Py_None, end_lineno, end_col + 1);
    if (loc == NULL) {
        Py_DECREF(msg);
        return -1;
    }
    PyObject *args = PyTuple_Pack(2, msg, loc);
    Py_DECREF(msg);
    Py_DECREF(loc);
    if (args == NULL) {
        return -1;
    }
    PyObject *exc = PyObject_Call(PyExc_SyntaxError, args, NULL);
    Py_DECREF(args);
    if (exc != NULL) {
        PyErr_SetObject(PyExc_SyntaxError, exc);
        Py_DECREF(exc);
    }
    return -1;
}

#define ST_ERROR_AT(st, node, ...) \
    st_error((st), (node)->lineno, (node)->col_offset, (node)->end_lineno, \
             (node)->end_col_offset, __VA_ARGS__)

/* ---- mangling ----------------------------------------------------------- */

PyObject *
_Py_Mangle(PyObject *privateobj, PyObject *name)
{
    Py_ssize_t nlen = PyUnicode_GET_LENGTH(name);
    if (privateobj == NULL || nlen < 3 || PyUnicode_READ_CHAR(name, 0) != '_'
        || PyUnicode_READ_CHAR(name, 1) != '_') {
        return Py_NewRef(name);
    }
    /* Dunder names and dotted names (import a.__b) are left alone. */
    if ((PyUnicode_READ_CHAR(name, nlen - 1) == '_'
         && PyUnicode_READ_CHAR(name, nlen - 2) == '_')
        || PyUnicode_FindChar(name, '.', 0, nlen, 1) >= 0) {
        return Py_NewRef(name);
    }
    Py_ssize_t plen = PyUnicode_GET_LENGTH(privateobj), start = 0;
    while (start < plen && PyUnicode_READ_CHAR(privateobj, start) == '_') {
        start++;
    }
    if (start == plen) {
        return Py_NewRef(name);   /* class name is all underscores */
    }
    PyObject *stripped = PyUnicode_Substring(privateobj, start, plen);
    if (stripped == NULL) {
        return NULL;
    }
    PyObject *r = PyUnicode_FromFormat("_%U%U", stripped, name);
    Py_DECREF(stripped);
    return r;
}

/* ---- entries ------------------------------------------------------------ */

static _PySTEntry *
ste_new(_PySymtable *st, const char *name, _Py_block_ty type, const void *key,
        int lineno, int col, int end_lineno, int end_col)
{
    _PySTEntry *ste = PyMem_Calloc(1, sizeof(*ste));
    if (ste == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    ste->ste_type = type;
    ste->ste_key = key;
    ste->ste_lineno = lineno;
    ste->ste_col_offset = col;
    ste->ste_end_lineno = end_lineno;
    ste->ste_end_col_offset = end_col;
    ste->ste_name = PyUnicode_FromString(name);
    ste->ste_symbols = PyDict_New();
    ste->ste_varnames = PyList_New(0);
    ste->ste_parent = st->st_cur;
    if (st->st_cur != NULL
        && (st->st_cur->ste_nested || st->st_cur->ste_type == _Py_BLOCK_FUNCTION)) {
        ste->ste_nested = 1;
    }
    if (ste->ste_name == NULL || ste->ste_symbols == NULL || ste->ste_varnames == NULL) {
        goto fail;
    }
    /* Register: st_entries owns the entry; st_blocks maps the key to it. */
    if (st->st_nentries == st->st_entries_cap) {
        Py_ssize_t cap = st->st_entries_cap ? 2 * st->st_entries_cap : 16;
        _PySTEntry **e = PyMem_Realloc(st->st_entries, cap * sizeof(*e));
        if (e == NULL) {
            PyErr_NoMemory();
            goto fail;
        }
        st->st_entries = e;
        st->st_entries_cap = cap;
    }
    PyObject *k = PyLong_FromVoidPtr((void *)key);
    PyObject *v = PyLong_FromSsize_t(st->st_nentries);
    int rc = (k && v) ? PyDict_SetItem(st->st_blocks, k, v) : -1;
    Py_XDECREF(k);
    Py_XDECREF(v);
    if (rc < 0) {
        goto fail;
    }
    st->st_entries[st->st_nentries++] = ste;
    if (st->st_cur != NULL) {
        _PySTEntry *p = st->st_cur;
        if (p->ste_nchildren == p->ste_children_cap) {
            Py_ssize_t cap = p->ste_children_cap ? 2 * p->ste_children_cap : 4;
            _PySTEntry **c = PyMem_Realloc(p->ste_children, cap * sizeof(*c));
            if (c == NULL) {
                PyErr_NoMemory();
                return NULL;   /* registered: freed with the table */
            }
            p->ste_children = c;
            p->ste_children_cap = cap;
        }
        p->ste_children[p->ste_nchildren++] = ste;
    }
    return ste;

fail:
    Py_XDECREF(ste->ste_name);
    Py_XDECREF(ste->ste_symbols);
    Py_XDECREF(ste->ste_varnames);
    PyMem_Free(ste);
    return NULL;
}

static void
ste_free(_PySTEntry *ste)
{
    Py_XDECREF(ste->ste_name);
    Py_XDECREF(ste->ste_symbols);
    Py_XDECREF(ste->ste_varnames);
    Py_XDECREF(ste->ste_mangle_private);
    Py_XDECREF(ste->ste_directives);
    PyMem_Free(ste->ste_children);
    PyMem_Free(ste);
}

void
_PySymtable_Free(_PySymtable *st)
{
    if (st == NULL) {
        return;
    }
    for (Py_ssize_t i = 0; i < st->st_nentries; i++) {
        ste_free(st->st_entries[i]);
    }
    PyMem_Free(st->st_entries);
    Py_XDECREF(st->st_blocks);
    Py_XDECREF(st->st_filename);
    Py_XDECREF(st->st_private);
    PyMem_Free(st);
}

_PySTEntry *
_PySymtable_Lookup(_PySymtable *st, const void *key)
{
    PyObject *k = PyLong_FromVoidPtr((void *)key);
    if (k == NULL) {
        return NULL;
    }
    PyObject *v = PyDict_GetItemWithError(st->st_blocks, k);
    Py_DECREF(k);
    if (v == NULL) {
        if (!PyErr_Occurred()) {
            PyErr_SetString(PyExc_SystemError, "unknown symbol table entry");
        }
        return NULL;
    }
    return st->st_entries[PyLong_AsSsize_t(v)];
}

long
_PyST_GetSymbol(_PySTEntry *ste, PyObject *name)
{
    PyObject *v = PyDict_GetItemWithError(ste->ste_symbols, name);
    return v ? PyLong_AsLong(v) : 0;
}

int
_PyST_GetScope(_PySTEntry *ste, PyObject *name)
{
    return (int)_PyST_SCOPE(_PyST_GetSymbol(ste, name));
}

/* ---- pass 1: collect uses and definitions -------------------------------- */

static int visit_stmt(_PySymtable *st, stmt_ty s);
static int visit_expr(_PySymtable *st, expr_ty e);

/* Record `flag` for `name` in the current scope (mangled). */
static int
add_def_loc(_PySymtable *st, const char *name, long flag, int lineno, int col,
            int end_lineno, int end_col)
{
    PyObject *raw = PyUnicode_FromString(name);
    if (raw == NULL) {
        return -1;
    }
    PyObject *mangled = _Py_Mangle(st->st_private, raw);
    Py_DECREF(raw);
    if (mangled == NULL) {
        return -1;
    }
    _PySTEntry *ste = st->st_cur;
    long val = _PyST_GetSymbol(ste, mangled);
    if (PyErr_Occurred()) {
        goto fail;
    }
    if ((flag & DEF_PARAM) && (val & DEF_PARAM)) {
        st_error(st, lineno, col, end_lineno, end_col,
                 "duplicate argument '%U' in function definition", mangled);
        goto fail;
    }
    val |= flag;
    if (ste->ste_comp_iter_expr > 0 && (flag & DEF_LOCAL) == 0) {
        /* nothing special: uses in the outermost iterable are ordinary */
    }
    PyObject *v = PyLong_FromLong(val);
    if (v == NULL || PyDict_SetItem(ste->ste_symbols, mangled, v) < 0) {
        Py_XDECREF(v);
        goto fail;
    }
    Py_DECREF(v);
    if ((flag & DEF_PARAM) && PyList_Append(ste->ste_varnames, mangled) < 0) {
        goto fail;
    }
    if (flag & DEF_GLOBAL) {
        /* Make the name known to the module scope too. */
        long g = _PyST_GetSymbol(st->st_top, mangled) | flag;
        PyObject *gv = PyLong_FromLong(g);
        if (gv == NULL || PyDict_SetItem(st->st_top->ste_symbols, mangled, gv) < 0) {
            Py_XDECREF(gv);
            goto fail;
        }
        Py_DECREF(gv);
    }
    Py_DECREF(mangled);
    return 0;
fail:
    Py_DECREF(mangled);
    return -1;
}

#define ADD_DEF(st, name, flag, node) \
    add_def_loc((st), (name), (flag), (node)->lineno, (node)->col_offset, \
                (node)->end_lineno, (node)->end_col_offset)

static int
enter_block(_PySymtable *st, const char *name, _Py_block_ty type,
            const void *key, int lineno, int col, int end_lineno, int end_col)
{
    _PySTEntry *ste = ste_new(st, name, type, key, lineno, col, end_lineno, end_col);
    if (ste == NULL) {
        return -1;
    }
    if (st->st_cur && st->st_cur->ste_comp_iter_expr > 0) {
        /* a lambda/comprehension inside the outermost iterable */
        ste->ste_comp_iter_expr = 0;
    }
    st->st_cur = ste;
    return 0;
}

static void
exit_block(_PySymtable *st)
{
    st->st_cur = st->st_cur->ste_parent;
}

static int
visit_exprs(_PySymtable *st, asdl_expr_seq *seq)
{
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(seq); i++) {
        expr_ty e = asdl_seq_GET(seq, i);
        if (e != NULL && visit_expr(st, e) < 0) {
            return -1;
        }
    }
    return 0;
}

static int
visit_stmts(_PySymtable *st, asdl_stmt_seq *seq)
{
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(seq); i++) {
        if (visit_stmt(st, asdl_seq_GET(seq, i)) < 0) {
            return -1;
        }
    }
    return 0;
}

static int
visit_params(_PySymtable *st, asdl_arg_seq *args)
{
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(args); i++) {
        arg_ty a = asdl_seq_GET(args, i);
        if (ADD_DEF(st, a->arg, DEF_PARAM, a) < 0) {
            return -1;
        }
    }
    return 0;
}

/* Parameters, in the order the code object's localsplus wants them. */
static int
visit_arguments(_PySymtable *st, arguments_ty a)
{
    if (visit_params(st, a->posonlyargs) < 0 || visit_params(st, a->args) < 0
        || visit_params(st, a->kwonlyargs) < 0) {
        return -1;
    }
    if (a->vararg) {
        if (ADD_DEF(st, a->vararg->arg, DEF_PARAM, a->vararg) < 0) {
            return -1;
        }
        st->st_cur->ste_varargs = 1;
    }
    if (a->kwarg) {
        if (ADD_DEF(st, a->kwarg->arg, DEF_PARAM, a->kwarg) < 0) {
            return -1;
        }
        st->st_cur->ste_varkeywords = 1;
    }
    return 0;
}

/* Annotations are evaluated in the enclosing scope (no PEP 649).  Under
 * PEP 563 they become strings: their names bind nothing and yield, await
 * and := in them are errors. */
static int
visit_annotation(_PySymtable *st, expr_ty e)
{
    if (!st->st_future_annotations) {
        return visit_expr(st, e);
    }
    st->st_in_annotation++;
    int r = visit_expr(st, e);
    st->st_in_annotation--;
    return r;
}

static int
visit_annotations(_PySymtable *st, arguments_ty a, expr_ty returns)
{
    asdl_arg_seq *seqs[3] = {a->posonlyargs, a->args, a->kwonlyargs};
    for (int k = 0; k < 3; k++) {
        for (Py_ssize_t i = 0; i < asdl_seq_LEN(seqs[k]); i++) {
            arg_ty p = asdl_seq_GET(seqs[k], i);
            if (p->annotation && visit_annotation(st, p->annotation) < 0) {
                return -1;
            }
        }
    }
    if (a->vararg && a->vararg->annotation && visit_annotation(st, a->vararg->annotation) < 0) {
        return -1;
    }
    if (a->kwarg && a->kwarg->annotation && visit_annotation(st, a->kwarg->annotation) < 0) {
        return -1;
    }
    if (returns && visit_annotation(st, returns) < 0) {
        return -1;
    }
    return 0;
}

static int
visit_function(_PySymtable *st, stmt_ty s, identifier name, arguments_ty args,
               asdl_stmt_seq *body, asdl_expr_seq *decorators, expr_ty returns,
               int is_async)
{
    if (ADD_DEF(st, name, DEF_LOCAL, s) < 0
        || visit_exprs(st, args->defaults) < 0
        || visit_exprs(st, args->kw_defaults) < 0
        || visit_annotations(st, args, returns) < 0
        || visit_exprs(st, decorators) < 0) {
        return -1;
    }
    if (enter_block(st, name, _Py_BLOCK_FUNCTION, s, s->lineno, s->col_offset,
                    s->end_lineno, s->end_col_offset) < 0) {
        return -1;
    }
    st->st_cur->ste_coroutine = is_async;
    if (visit_arguments(st, args) < 0 || visit_stmts(st, body) < 0) {
        return -1;
    }
    exit_block(st);
    return 0;
}

/* Names a global/nonlocal statement may not follow. */
static int
check_directive(_PySymtable *st, stmt_ty s, identifier name, const char *what)
{
    PyObject *raw = PyUnicode_FromString(name);
    if (raw == NULL) {
        return -1;
    }
    PyObject *mangled = _Py_Mangle(st->st_private, raw);
    Py_DECREF(raw);
    if (mangled == NULL) {
        return -1;
    }
    long cur = _PyST_GetSymbol(st->st_cur, mangled);
    const char *msg = NULL;
    if (cur & DEF_PARAM) {
        msg = "name '%U' is parameter and %s";
    }
    else if (cur & USE) {
        msg = "name '%U' is used prior to %s declaration";
    }
    else if (cur & DEF_ANNOT) {
        msg = "annotated name '%U' can't be %s";
    }
    else if (cur & DEF_LOCAL) {
        msg = "name '%U' is assigned to before %s declaration";
    }
    int rc = 0;
    if (msg != NULL) {
        rc = ST_ERROR_AT(st, s, msg, mangled, what);
    }
    Py_DECREF(mangled);
    return rc;
}

/* Remember where `name` was first declared global/nonlocal: analysis
 * errors point there. */
static int
record_directive(_PySymtable *st, identifier name, stmt_ty s)
{
    _PySTEntry *ste = st->st_cur;
    if (ste->ste_directives == NULL && (ste->ste_directives = PyDict_New()) == NULL) {
        return -1;
    }
    PyObject *raw = PyUnicode_FromString(name);
    PyObject *m = raw ? _Py_Mangle(st->st_private, raw) : NULL;
    Py_XDECREF(raw);
    if (m == NULL) {
        return -1;
    }
    PyObject *loc = Py_BuildValue("(iiii)", s->lineno, s->col_offset, s->end_lineno,
                                  s->end_col_offset);
    int r = loc ? PyDict_SetDefaultRef(ste->ste_directives, m, loc, NULL) : -1;
    Py_XDECREF(loc);
    Py_DECREF(m);
    return r < 0 ? -1 : 0;
}

/* A pattern binds its capture names and evaluates its value expressions,
 * class references and mapping keys. */
static int
visit_pattern(_PySymtable *st, pattern_ty p)
{
    if (Py_EnterRecursiveCall(" during compilation") < 0) {
        return -1;
    }
    int rc = 0;
    switch (p->kind) {
    case MatchValue_kind:
        rc = visit_expr(st, p->v.MatchValue.value);
        break;
    case MatchSingleton_kind:
        break;
    case MatchSequence_kind:
    case MatchOr_kind: {
        asdl_pattern_seq *ps = p->kind == MatchOr_kind ? p->v.MatchOr.patterns
                                                       : p->v.MatchSequence.patterns;
        for (Py_ssize_t i = 0; i < asdl_seq_LEN(ps) && rc == 0; i++) {
            rc = visit_pattern(st, asdl_seq_GET(ps, i));
        }
        break;
    }
    case MatchMapping_kind: {
        rc = visit_exprs(st, p->v.MatchMapping.keys);
        asdl_pattern_seq *ps = p->v.MatchMapping.patterns;
        for (Py_ssize_t i = 0; i < asdl_seq_LEN(ps) && rc == 0; i++) {
            rc = visit_pattern(st, asdl_seq_GET(ps, i));
        }
        if (rc == 0 && p->v.MatchMapping.rest) {
            rc = ADD_DEF(st, p->v.MatchMapping.rest, DEF_LOCAL, p);
        }
        break;
    }
    case MatchClass_kind: {
        rc = visit_expr(st, p->v.MatchClass.cls);
        asdl_pattern_seq *ps = p->v.MatchClass.patterns;
        for (Py_ssize_t i = 0; i < asdl_seq_LEN(ps) && rc == 0; i++) {
            rc = visit_pattern(st, asdl_seq_GET(ps, i));
        }
        ps = p->v.MatchClass.kwd_patterns;
        for (Py_ssize_t i = 0; i < asdl_seq_LEN(ps) && rc == 0; i++) {
            rc = visit_pattern(st, asdl_seq_GET(ps, i));
        }
        break;
    }
    case MatchStar_kind:
        if (p->v.MatchStar.name) {
            rc = ADD_DEF(st, p->v.MatchStar.name, DEF_LOCAL, p);
        }
        break;
    case MatchAs_kind:
        if (p->v.MatchAs.pattern) {
            rc = visit_pattern(st, p->v.MatchAs.pattern);
        }
        if (rc == 0 && p->v.MatchAs.name) {
            rc = ADD_DEF(st, p->v.MatchAs.name, DEF_LOCAL, p);
        }
        break;
    }
    Py_LeaveRecursiveCall();
    return rc;
}

static int
visit_stmt(_PySymtable *st, stmt_ty s)
{
    if (Py_EnterRecursiveCall(" during compilation") < 0) {
        return -1;
    }
    int rc = -1;
    switch (s->kind) {
    case FunctionDef_kind:
        rc = visit_function(st, s, s->v.FunctionDef.name, s->v.FunctionDef.args,
                            s->v.FunctionDef.body, s->v.FunctionDef.decorator_list,
                            s->v.FunctionDef.returns, 0);
        break;
    case AsyncFunctionDef_kind:
        rc = visit_function(st, s, s->v.AsyncFunctionDef.name,
                            s->v.AsyncFunctionDef.args, s->v.AsyncFunctionDef.body,
                            s->v.AsyncFunctionDef.decorator_list,
                            s->v.AsyncFunctionDef.returns, 1);
        break;
    case ClassDef_kind: {
        if (ADD_DEF(st, s->v.ClassDef.name, DEF_LOCAL, s) < 0
            || visit_exprs(st, s->v.ClassDef.bases) < 0
            || visit_exprs(st, s->v.ClassDef.decorator_list) < 0) {
            break;
        }
        asdl_keyword_seq *kws = s->v.ClassDef.keywords;
        int bad = 0;
        for (Py_ssize_t i = 0; i < asdl_seq_LEN(kws) && !bad; i++) {
            bad = visit_expr(st, asdl_seq_GET(kws, i)->value) < 0;
        }
        if (bad || enter_block(st, s->v.ClassDef.name, _Py_BLOCK_CLASS, s, s->lineno,
                               s->col_offset, s->end_lineno, s->end_col_offset) < 0) {
            break;
        }
        PyObject *saved = st->st_private;
        st->st_private = PyUnicode_FromString(s->v.ClassDef.name);
        if (st->st_private == NULL) {
            st->st_private = saved;
            break;
        }
        st->st_cur->ste_mangle_private = Py_NewRef(st->st_private);
        int r = visit_stmts(st, s->v.ClassDef.body);
        Py_DECREF(st->st_private);
        st->st_private = saved;
        if (r < 0) {
            break;
        }
        exit_block(st);
        rc = 0;
        break;
    }
    case Return_kind:
        if (st->st_cur->ste_type != _Py_BLOCK_FUNCTION) {
            ST_ERROR_AT(st, s, "'return' outside function");
            break;
        }
        if (s->v.Return.value) {
            st->st_cur->ste_returns_value = 1;
            rc = visit_expr(st, s->v.Return.value);
        }
        else {
            rc = 0;
        }
        break;
    case Delete_kind:
        rc = visit_exprs(st, s->v.Delete.targets);
        break;
    case Assign_kind:
        rc = visit_exprs(st, s->v.Assign.targets) < 0 ? -1
             : visit_expr(st, s->v.Assign.value);
        break;
    case AugAssign_kind:
        rc = visit_expr(st, s->v.AugAssign.target) < 0 ? -1
             : visit_expr(st, s->v.AugAssign.value);
        break;
    case AnnAssign_kind: {
        expr_ty t = s->v.AnnAssign.target;
        if (t->kind == Name_kind) {
            PyObject *raw = PyUnicode_FromString(t->v.Name.id);
            PyObject *m = raw ? _Py_Mangle(st->st_private, raw) : NULL;
            Py_XDECREF(raw);
            if (m == NULL) {
                break;
            }
            long cur = _PyST_GetSymbol(st->st_cur, m);
            if ((cur & (DEF_GLOBAL | DEF_NONLOCAL)) && s->v.AnnAssign.simple) {
                ST_ERROR_AT(st, s, cur & DEF_GLOBAL ? "annotated name '%U' can't be global"
                                                    : "annotated name '%U' can't be nonlocal",
                            m);
                Py_DECREF(m);
                break;
            }
            Py_DECREF(m);
            long flags = s->v.AnnAssign.simple ? DEF_ANNOT | DEF_LOCAL : DEF_LOCAL;
            if (s->v.AnnAssign.value == NULL && s->v.AnnAssign.simple) {
                flags = DEF_ANNOT;   /* `x: int` alone does not bind x ... */
                if (st->st_cur->ste_type == _Py_BLOCK_FUNCTION) {
                    flags |= DEF_LOCAL;  /* ... but makes it local in a function */
                }
            }
            if (ADD_DEF(st, t->v.Name.id, flags, t) < 0) {
                break;
            }
        }
        else if (visit_expr(st, t) < 0) {
            break;
        }
        if (visit_annotation(st, s->v.AnnAssign.annotation) < 0) {
            break;
        }
        rc = s->v.AnnAssign.value ? visit_expr(st, s->v.AnnAssign.value) : 0;
        break;
    }
    case For_kind:
    case AsyncFor_kind:
        rc = (visit_expr(st, s->v.For.target) < 0 || visit_expr(st, s->v.For.iter) < 0
              || visit_stmts(st, s->v.For.body) < 0 || visit_stmts(st, s->v.For.orelse) < 0)
             ? -1 : 0;
        break;
    case While_kind:
        rc = (visit_expr(st, s->v.While.test) < 0 || visit_stmts(st, s->v.While.body) < 0
              || visit_stmts(st, s->v.While.orelse) < 0) ? -1 : 0;
        break;
    case If_kind:
        rc = (visit_expr(st, s->v.If.test) < 0 || visit_stmts(st, s->v.If.body) < 0
              || visit_stmts(st, s->v.If.orelse) < 0) ? -1 : 0;
        break;
    case With_kind:
    case AsyncWith_kind: {
        asdl_withitem_seq *items = s->v.With.items;
        rc = 0;
        for (Py_ssize_t i = 0; i < asdl_seq_LEN(items) && rc == 0; i++) {
            withitem_ty w = asdl_seq_GET(items, i);
            rc = visit_expr(st, w->context_expr);
            if (rc == 0 && w->optional_vars) {
                rc = visit_expr(st, w->optional_vars);
            }
        }
        if (rc == 0) {
            rc = visit_stmts(st, s->v.With.body);
        }
        break;
    }
    case Match_kind: {
        rc = visit_expr(st, s->v.Match.subject);
        asdl_match_case_seq *cases = s->v.Match.cases;
        for (Py_ssize_t i = 0; i < asdl_seq_LEN(cases) && rc == 0; i++) {
            match_case_ty m = asdl_seq_GET(cases, i);
            rc = visit_pattern(st, m->pattern);
            if (rc == 0 && m->guard) {
                rc = visit_expr(st, m->guard);
            }
            if (rc == 0) {
                rc = visit_stmts(st, m->body);
            }
        }
        break;
    }
    case Raise_kind:
        rc = 0;
        if (s->v.Raise.exc && visit_expr(st, s->v.Raise.exc) < 0) {
            rc = -1;
        }
        if (rc == 0 && s->v.Raise.cause && visit_expr(st, s->v.Raise.cause) < 0) {
            rc = -1;
        }
        break;
    case Try_kind:
    case TryStar_kind: {
        if (visit_stmts(st, s->v.Try.body) < 0) {
            break;
        }
        asdl_excepthandler_seq *hs = s->v.Try.handlers;
        int bad = 0;
        for (Py_ssize_t i = 0; i < asdl_seq_LEN(hs) && !bad; i++) {
            excepthandler_ty h = asdl_seq_GET(hs, i);
            if (h->v.ExceptHandler.type && visit_expr(st, h->v.ExceptHandler.type) < 0) {
                bad = 1;
            }
            else if (h->v.ExceptHandler.name
                     && ADD_DEF(st, h->v.ExceptHandler.name, DEF_LOCAL, h) < 0) {
                bad = 1;
            }
            else if (visit_stmts(st, h->v.ExceptHandler.body) < 0) {
                bad = 1;
            }
        }
        if (!bad && visit_stmts(st, s->v.Try.orelse) == 0
            && visit_stmts(st, s->v.Try.finalbody) == 0) {
            rc = 0;
        }
        break;
    }
    case Assert_kind:
        rc = visit_expr(st, s->v.Assert.test);
        if (rc == 0 && s->v.Assert.msg) {
            rc = visit_expr(st, s->v.Assert.msg);
        }
        break;
    case Import_kind:
    case ImportFrom_kind: {
        asdl_alias_seq *names = s->kind == Import_kind ? s->v.Import.names
                                                       : s->v.ImportFrom.names;
        rc = 0;
        for (Py_ssize_t i = 0; i < asdl_seq_LEN(names) && rc == 0; i++) {
            alias_ty a = asdl_seq_GET(names, i);
            if (strcmp(a->name, "*") == 0) {
                if (st->st_cur->ste_type != _Py_BLOCK_MODULE) {
                    rc = ST_ERROR_AT(st, a, "import * only allowed at module level");
                }
                continue;
            }
            /* `import a.b.c` binds `a`. */
            char buf[256];
            const char *bound = a->asname;
            if (bound == NULL) {
                const char *dot = strchr(a->name, '.');
                if (dot != NULL && (size_t)(dot - a->name) < sizeof buf) {
                    memcpy(buf, a->name, dot - a->name);
                    buf[dot - a->name] = '\0';
                    bound = buf;
                }
                else {
                    bound = a->name;
                }
            }
            rc = ADD_DEF(st, bound, DEF_IMPORT, a);
        }
        break;
    }
    case Global_kind:
    case Nonlocal_kind: {
        int is_global = s->kind == Global_kind;
        asdl_identifier_seq *names = is_global ? s->v.Global.names : s->v.Nonlocal.names;
        if (!is_global && st->st_cur->ste_type == _Py_BLOCK_MODULE) {
            ST_ERROR_AT(st, s, "nonlocal declaration not allowed at module level");
            break;
        }
        rc = 0;
        for (Py_ssize_t i = 0; i < asdl_seq_LEN(names) && rc == 0; i++) {
            identifier n = asdl_seq_GET(names, i);
            rc = check_directive(st, s, n, is_global ? "global" : "nonlocal");
            if (rc == 0) {
                rc = record_directive(st, n, s);
            }
            if (rc == 0) {
                rc = ADD_DEF(st, n, is_global ? DEF_GLOBAL : DEF_NONLOCAL, s);
            }
        }
        break;
    }
    case Expr_kind:
        rc = visit_expr(st, s->v.Expr.value);
        break;
    case Pass_kind:
    case Break_kind:
    case Continue_kind:
        rc = 0;
        break;
    }
    Py_LeaveRecursiveCall();
    return rc;
}

static const char *
comp_kind_name(expr_ty e)
{
    switch (e->kind) {
    case ListComp_kind: return "list comprehension";
    case SetComp_kind: return "set comprehension";
    case DictComp_kind: return "dict comprehension";
    default: return "generator expression";
    }
}

/* A comprehension: the first iterable is evaluated in the enclosing scope;
 * everything else runs in a new function scope whose one parameter `.0` is
 * the iterator over it. */
static int
visit_comprehension(_PySymtable *st, expr_ty e, const char *scope_name,
                    asdl_comprehension_seq *gens, expr_ty elt, expr_ty value)
{
    comprehension_ty outer = asdl_seq_GET(gens, 0);
    st->st_cur->ste_comp_iter_expr++;
    int r = visit_expr(st, outer->iter);
    st->st_cur->ste_comp_iter_expr--;
    if (r < 0) {
        return -1;
    }
    if (enter_block(st, scope_name, _Py_BLOCK_FUNCTION, e, e->lineno, e->col_offset,
                    e->end_lineno, e->end_col_offset) < 0) {
        return -1;
    }
    _PySTEntry *ste = st->st_cur;
    ste->ste_comprehension = 1;
    if (e->kind == GeneratorExp_kind) {
        ste->ste_generator = 1;
    }
    if (outer->is_async) {
        ste->ste_coroutine = 1;
    }
    if (ADD_DEF(st, ".0", DEF_PARAM, e) < 0) {
        return -1;
    }
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(gens); i++) {
        comprehension_ty g = asdl_seq_GET(gens, i);
        if (g->is_async) {
            ste->ste_coroutine = 1;
        }
        if (i > 0) {
            ste->ste_comp_iter_expr++;
            r = visit_expr(st, g->iter);
            ste->ste_comp_iter_expr--;
            if (r < 0) {
                return -1;
            }
        }
        /* Targets get DEF_COMP_ITER through the Store context below. */
        ste->ste_comp_iter_expr = -1;   /* marks "visiting a target" */
        r = visit_expr(st, g->target);
        ste->ste_comp_iter_expr = 0;
        if (r < 0 || visit_exprs(st, g->ifs) < 0) {
            return -1;
        }
    }
    if (value && visit_expr(st, value) < 0) {
        return -1;
    }
    if (visit_expr(st, elt) < 0) {
        return -1;
    }
    exit_block(st);
    return 0;
}

/* `target := value` inside comprehensions binds in the nearest enclosing
 * non-comprehension scope. */
static int
visit_named_target(_PySymtable *st, expr_ty e)
{
    expr_ty t = e->v.NamedExpr.target;
    _PySTEntry *cur = st->st_cur;
    if (cur->ste_comp_iter_expr > 0) {
        return ST_ERROR_AT(st, e, "assignment expression cannot be used in a "
                                  "comprehension iterable expression");
    }
    if (!cur->ste_comprehension) {
        return ADD_DEF(st, t->v.Name.id, DEF_LOCAL, t);
    }
    PyObject *name = PyUnicode_FromString(t->v.Name.id);
    if (name == NULL) {
        return -1;
    }
    /* Walk out through the comprehensions. */
    _PySTEntry *ste = cur;
    while (ste->ste_comprehension) {
        if (_PyST_GetSymbol(ste, name) & DEF_COMP_ITER) {
            Py_DECREF(name);
            return ST_ERROR_AT(st, t, "assignment expression cannot rebind "
                                      "comprehension iteration variable '%s'",
                               t->v.Name.id);
        }
        ste = ste->ste_parent;
    }
    Py_DECREF(name);
    if (ste->ste_type == _Py_BLOCK_CLASS) {
        return ST_ERROR_AT(st, t, "assignment expression within a comprehension "
                                  "cannot be used in a class body");
    }
    long inner_flag = ste->ste_type == _Py_BLOCK_FUNCTION ? DEF_NONLOCAL : DEF_GLOBAL;
    for (_PySTEntry *c = cur; c != ste; c = c->ste_parent) {
        st->st_cur = c;
        if (ADD_DEF(st, t->v.Name.id, inner_flag, t) < 0) {
            st->st_cur = cur;
            return -1;
        }
    }
    st->st_cur = ste;
    int r = ADD_DEF(st, t->v.Name.id, DEF_LOCAL, t);
    st->st_cur = cur;
    return r;
}

static int
visit_expr(_PySymtable *st, expr_ty e)
{
    if (Py_EnterRecursiveCall(" during compilation") < 0) {
        return -1;
    }
    int rc = 0;
    _PySTEntry *cur = st->st_cur;
    if (st->st_in_annotation > 0 && (e->kind == NamedExpr_kind || e->kind == Yield_kind ||
                                     e->kind == YieldFrom_kind || e->kind == Await_kind)) {
        rc = ST_ERROR_AT(st, e, "%s expression cannot be used within an annotation",
                         e->kind == NamedExpr_kind ? "named"
                         : e->kind == Await_kind ? "await" : "yield");
        Py_LeaveRecursiveCall();
        return rc;
    }
    switch (e->kind) {
    case NamedExpr_kind:
        rc = visit_expr(st, e->v.NamedExpr.value);
        if (rc == 0) {
            rc = visit_named_target(st, e);
        }
        break;
    case BoolOp_kind:
        rc = visit_exprs(st, e->v.BoolOp.values);
        break;
    case BinOp_kind:
        rc = visit_expr(st, e->v.BinOp.left) < 0 ? -1 : visit_expr(st, e->v.BinOp.right);
        break;
    case UnaryOp_kind:
        rc = visit_expr(st, e->v.UnaryOp.operand);
        break;
    case Lambda_kind: {
        arguments_ty a = e->v.Lambda.args;
        if (visit_exprs(st, a->defaults) < 0 || visit_exprs(st, a->kw_defaults) < 0
            || enter_block(st, "<lambda>", _Py_BLOCK_FUNCTION, e, e->lineno,
                           e->col_offset, e->end_lineno, e->end_col_offset) < 0
            || visit_arguments(st, a) < 0 || visit_expr(st, e->v.Lambda.body) < 0) {
            rc = -1;
            break;
        }
        exit_block(st);
        break;
    }
    case IfExp_kind:
        rc = (visit_expr(st, e->v.IfExp.test) < 0 || visit_expr(st, e->v.IfExp.body) < 0
              || visit_expr(st, e->v.IfExp.orelse) < 0) ? -1 : 0;
        break;
    case Dict_kind:
        rc = (visit_exprs(st, e->v.Dict.keys) < 0 || visit_exprs(st, e->v.Dict.values) < 0)
             ? -1 : 0;
        break;
    case Set_kind:
        rc = visit_exprs(st, e->v.Set.elts);
        break;
    case ListComp_kind:
        rc = visit_comprehension(st, e, "<listcomp>", e->v.ListComp.generators,
                                 e->v.ListComp.elt, NULL);
        break;
    case SetComp_kind:
        rc = visit_comprehension(st, e, "<setcomp>", e->v.SetComp.generators,
                                 e->v.SetComp.elt, NULL);
        break;
    case DictComp_kind:
        rc = visit_comprehension(st, e, "<dictcomp>", e->v.DictComp.generators,
                                 e->v.DictComp.key, e->v.DictComp.value);
        break;
    case GeneratorExp_kind:
        rc = visit_comprehension(st, e, "<genexpr>", e->v.GeneratorExp.generators,
                                 e->v.GeneratorExp.elt, NULL);
        break;
    case Await_kind:
        if (cur->ste_comprehension) {
            cur->ste_coroutine = 1;
        }
        rc = visit_expr(st, e->v.Await.value);
        break;
    case Yield_kind:
    case YieldFrom_kind: {
        expr_ty v = e->kind == Yield_kind ? e->v.Yield.value : e->v.YieldFrom.value;
        if (cur->ste_comprehension) {
            /* The comprehension's node is its entry's key. */
            rc = ST_ERROR_AT(st, e, "'yield' inside %s",
                             comp_kind_name((expr_ty)cur->ste_key));
            break;
        }
        if (cur->ste_type != _Py_BLOCK_FUNCTION) {
            rc = ST_ERROR_AT(st, e, "'yield' outside function");
            break;
        }
        cur->ste_generator = 1;
        rc = v ? visit_expr(st, v) : 0;
        break;
    }
    case Compare_kind:
        rc = visit_expr(st, e->v.Compare.left) < 0 ? -1
             : visit_exprs(st, e->v.Compare.comparators);
        break;
    case Call_kind: {
        rc = (visit_expr(st, e->v.Call.func) < 0 || visit_exprs(st, e->v.Call.args) < 0)
             ? -1 : 0;
        asdl_keyword_seq *kws = e->v.Call.keywords;
        for (Py_ssize_t i = 0; i < asdl_seq_LEN(kws) && rc == 0; i++) {
            rc = visit_expr(st, asdl_seq_GET(kws, i)->value);
        }
        break;
    }
    case FormattedValue_kind:
        rc = visit_expr(st, e->v.FormattedValue.value);
        if (rc == 0 && e->v.FormattedValue.format_spec) {
            rc = visit_expr(st, e->v.FormattedValue.format_spec);
        }
        break;
    case JoinedStr_kind:
        rc = visit_exprs(st, e->v.JoinedStr.values);
        break;
    case Constant_kind:
        break;
    case Attribute_kind:
        rc = visit_expr(st, e->v.Attribute.value);
        break;
    case Subscript_kind:
        rc = visit_expr(st, e->v.Subscript.value) < 0 ? -1
             : visit_expr(st, e->v.Subscript.slice);
        break;
    case Starred_kind:
        rc = visit_expr(st, e->v.Starred.value);
        break;
    case Slice_kind:
        if ((e->v.Slice.lower && visit_expr(st, e->v.Slice.lower) < 0)
            || (e->v.Slice.upper && visit_expr(st, e->v.Slice.upper) < 0)
            || (e->v.Slice.step && visit_expr(st, e->v.Slice.step) < 0)) {
            rc = -1;
        }
        break;
    case Name_kind: {
        if (st->st_in_annotation > 0) {
            break;   /* kept as text: uses nothing */
        }
        long flag = e->v.Name.ctx == Load ? USE : DEF_LOCAL;
        if (flag == DEF_LOCAL && cur->ste_comp_iter_expr < 0) {
            flag |= DEF_COMP_ITER;
        }
        rc = ADD_DEF(st, e->v.Name.id, flag, e);
        /* super() needs the implicit __class__ cell of the enclosing class. */
        if (rc == 0 && e->v.Name.ctx == Load && cur->ste_type == _Py_BLOCK_FUNCTION
            && strcmp(e->v.Name.id, "super") == 0) {
            rc = ADD_DEF(st, "__class__", USE, e);
        }
        break;
    }
    case List_kind:
        rc = visit_exprs(st, e->v.List.elts);
        break;
    case Tuple_kind:
        rc = visit_exprs(st, e->v.Tuple.elts);
        break;
    }
    Py_LeaveRecursiveCall();
    return rc;
}

/* ---- pass 2: resolve scopes ---------------------------------------------- */

static int
set_scope(_PySTEntry *ste, PyObject *name, long flags, int scope)
{
    PyObject *v = PyLong_FromLong((flags & ~SCOPE_MASK) | ((long)scope << SCOPE_OFFSET));
    if (v == NULL) {
        return -1;
    }
    int r = PyDict_SetItem(ste->ste_symbols, name, v);
    Py_DECREF(v);
    return r;
}

/* An analysis error about `name`: at its global/nonlocal statement. */
static int
ste_error(_PySymtable *st, _PySTEntry *ste, const char *fmt, PyObject *name)
{
    PyObject *loc = ste->ste_directives
                    ? PyDict_GetItemWithError(ste->ste_directives, name) : NULL;
    if (loc != NULL && PyTuple_Check(loc) && PyTuple_GET_SIZE(loc) == 4) {
        return st_error(st, (int)PyLong_AsLong(PyTuple_GET_ITEM(loc, 0)),
                        (int)PyLong_AsLong(PyTuple_GET_ITEM(loc, 1)),
                        (int)PyLong_AsLong(PyTuple_GET_ITEM(loc, 2)),
                        (int)PyLong_AsLong(PyTuple_GET_ITEM(loc, 3)), fmt, name);
    }
    return st_error(st, ste->ste_lineno, ste->ste_col_offset, ste->ste_end_lineno,
                    ste->ste_end_col_offset, fmt, name);
}

/* `bound`: names bound in enclosing function scopes (a set, never NULL).
 * On success `free_out` (a set) holds the names free in `ste` or below that
 * an enclosing scope must provide. */
static int
analyze_block(_PySymtable *st, _PySTEntry *ste, PyObject *bound, PyObject *free_out)
{
    int is_function = ste->ste_type == _Py_BLOCK_FUNCTION;
    PyObject *newbound = PySet_New(bound);
    PyObject *child_free = PySet_New(NULL);
    PyObject *names = PyDict_Keys(ste->ste_symbols);
    int rc = -1;
    if (newbound == NULL || child_free == NULL || names == NULL) {
        goto done;
    }
    /* This scope's own names. */
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(names); i++) {
        PyObject *name = PyList_GET_ITEM(names, i);
        long flags = _PyST_GetSymbol(ste, name);
        int scope;
        if (flags & DEF_GLOBAL) {
            if (flags & DEF_NONLOCAL) {
                ste_error(st, ste, "name '%U' is nonlocal and global", name);
                goto done;
            }
            scope = GLOBAL_EXPLICIT;
            if (PySet_Discard(newbound, name) < 0) {
                goto done;
            }
        }
        else if (flags & DEF_NONLOCAL) {
            int has = PySet_Contains(bound, name);
            if (has < 0) {
                goto done;
            }
            if (!has) {
                ste_error(st, ste, "no binding for nonlocal '%U' found", name);
                goto done;
            }
            scope = FREE;
        }
        else if (flags & (DEF_BOUND | DEF_ANNOT)) {
            scope = LOCAL;
            if (is_function && PySet_Add(newbound, name) < 0) {
                goto done;
            }
        }
        else {
            int has = PySet_Contains(bound, name);
            if (has < 0) {
                goto done;
            }
            scope = has ? FREE : GLOBAL_IMPLICIT;
        }
        if (scope == FREE && PySet_Add(free_out, name) < 0) {
            goto done;
        }
        if (set_scope(ste, name, flags, scope) < 0) {
            goto done;
        }
    }
    /* Class-level names are not visible to the class's children, except
     * the implicit __class__ cell (super()). */
    if (!is_function) {
        Py_SETREF(newbound, PySet_New(bound));
        if (newbound == NULL) {
            goto done;
        }
        if (ste->ste_type == _Py_BLOCK_CLASS) {
            PyObject *cc = PyUnicode_FromString("__class__");
            int r = cc ? PySet_Add(newbound, cc) : -1;
            Py_XDECREF(cc);
            if (r < 0) {
                goto done;
            }
        }
        for (Py_ssize_t i = 0; i < PyList_GET_SIZE(names); i++) {
            PyObject *name = PyList_GET_ITEM(names, i);
            if ((_PyST_GetSymbol(ste, name) & DEF_GLOBAL)
                && PySet_Discard(newbound, name) < 0) {
                goto done;
            }
        }
    }
    for (Py_ssize_t i = 0; i < ste->ste_nchildren; i++) {
        if (analyze_block(st, ste->ste_children[i], newbound, child_free) < 0) {
            goto done;
        }
    }
    if (PySet_GET_SIZE(child_free) > 0) {
        ste->ste_child_free = 1;
    }
    /* Resolve the children's free names here, or pass them outwards. */
    PyObject *cf = PySequence_List(child_free);
    if (cf == NULL) {
        goto done;
    }
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(cf); i++) {
        PyObject *name = PyList_GET_ITEM(cf, i);
        long flags = _PyST_GetSymbol(ste, name);
        int scope = (int)_PyST_SCOPE(flags);
        int r = 0;
        if (ste->ste_type == _Py_BLOCK_CLASS
            && PyUnicode_CompareWithASCIIString(name, "__class__") == 0) {
            ste->ste_needs_class_closure = 1;   /* the implicit cell */
            continue;
        }
        if (is_function && scope == LOCAL) {
            r = set_scope(ste, name, flags, CELL);
        }
        else if (is_function && scope == CELL) {
            /* already a cell */
        }
        else if (ste->ste_type == _Py_BLOCK_MODULE) {
            /* cannot happen: nothing is bound above the module */
        }
        else {
            if (ste->ste_type == _Py_BLOCK_CLASS && scope == LOCAL) {
                flags |= DEF_FREE_CLASS;
                r = set_scope(ste, name, flags, LOCAL);
            }
            else if (is_function || scope == 0 || scope == GLOBAL_IMPLICIT) {
                r = set_scope(ste, name, flags, FREE);
            }
            if (r == 0) {
                r = PySet_Add(free_out, name);
            }
        }
        if (r < 0) {
            Py_DECREF(cf);
            goto done;
        }
    }
    Py_DECREF(cf);
    rc = 0;
done:
    Py_XDECREF(newbound);
    Py_XDECREF(child_free);
    Py_XDECREF(names);
    return rc;
}

/* ---- entry point ---------------------------------------------------------- */

/* `from __future__ import annotations` among the module's leading
 * __future__ imports (after an optional docstring)? */
static int
has_future_annotations(asdl_stmt_seq *body)
{
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(body); i++) {
        stmt_ty s = asdl_seq_GET(body, i);
        if (i == 0 && s->kind == Expr_kind && s->v.Expr.value->kind == Constant_kind &&
            s->v.Expr.value->v.Constant.value.kind == CONST_STR) {
            continue;
        }
        if (s->kind != ImportFrom_kind || s->v.ImportFrom.level != 0 ||
            s->v.ImportFrom.module == NULL || strcmp(s->v.ImportFrom.module, "__future__") != 0) {
            return 0;
        }
        for (Py_ssize_t j = 0; j < asdl_seq_LEN(s->v.ImportFrom.names); j++) {
            if (strcmp(asdl_seq_GET(s->v.ImportFrom.names, j)->name, "annotations") == 0) {
                return 1;
            }
        }
    }
    return 0;
}

_PySymtable *
_PySymtable_Build(mod_ty mod, PyObject *filename)
{
    return _PySymtable_BuildFuture(mod, filename, 0);
}

_PySymtable *
_PySymtable_BuildFuture(mod_ty mod, PyObject *filename, int future_annotations)
{
    _PySymtable *st = PyMem_Calloc(1, sizeof(*st));
    if (st == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    st->st_future_annotations =
        future_annotations ||
        (mod->kind == Module_kind && has_future_annotations(mod->v.Module.body)) ||
        (mod->kind == Interactive_kind && has_future_annotations(mod->v.Interactive.body));
    st->st_filename = Py_NewRef(filename);
    st->st_blocks = PyDict_New();
    if (st->st_blocks == NULL
        || enter_block(st, "top", _Py_BLOCK_MODULE, mod, 0, 0, 0, 0) < 0) {
        goto fail;
    }
    st->st_top = st->st_cur;
    st->st_global = st->st_top->ste_symbols;
    int r = 0;
    switch (mod->kind) {
    case Module_kind:
        r = visit_stmts(st, mod->v.Module.body);
        break;
    case Interactive_kind:
        r = visit_stmts(st, mod->v.Interactive.body);
        break;
    case Expression_kind:
        r = visit_expr(st, mod->v.Expression.body);
        break;
    }
    if (r < 0) {
        goto fail;
    }
    PyObject *bound = PySet_New(NULL);
    PyObject *free = PySet_New(NULL);
    r = (bound && free) ? analyze_block(st, st->st_top, bound, free) : -1;
    Py_XDECREF(bound);
    Py_XDECREF(free);
    if (r < 0) {
        goto fail;
    }
    st->st_cur = NULL;
    return st;
fail:
    _PySymtable_Free(st);
    return NULL;
}
