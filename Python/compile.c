/* compile.c: the compiler driver.  A compilation builds the symbol table,
 * then compiles one unit (code object) per scope, depth first: each unit
 * collects instructions, constants and names; the assembler
 * (compile_assemble.c) turns it into a PyCodeObject.  This file holds the
 * units, name resolution (which load/store opcode a name gets), constants,
 * qualnames, SyntaxError construction and the public entry points
 * (_PyAST_Compile, Py_CompileStringObject, Py_CompileString). */
#include "compile_internal.h"
#include "pycore_parser.h"
#include "pycore_pyarena.h"

/* ---- errors ------------------------------------------------------------- */

/* SyntaxError at `loc` (UTF-8 byte columns, converted to characters by
 * Py_CompileStringObject, which has the source).  Always returns -1. */
static int
compile_error_v(c_compiler *c, _PyCodePosition loc, int has_end, const char *fmt, va_list va)
{
    PyObject *msg = PyUnicode_FromFormatV(fmt, va);
    if (msg == NULL) {
        return -1;
    }
    PyObject *info = has_end ? Py_BuildValue("(OiiOii)", c->c_filename, loc.lineno, loc.col + 1,
                                             Py_None, loc.end_lineno, loc.end_col + 1)
                             : Py_BuildValue("(OiiOiO)", c->c_filename, loc.lineno, loc.col + 1,
                                             Py_None, loc.lineno, Py_None);
    if (info == NULL) {
        Py_DECREF(msg);
        return -1;
    }
    PyObject *args = PyTuple_Pack(2, msg, info);
    Py_DECREF(msg);
    Py_DECREF(info);
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

int
_PyCompile_Error(c_compiler *c, _PyCodePosition loc, const char *fmt, ...)
{
    va_list va;
    va_start(va, fmt);
    int r = compile_error_v(c, loc, 1, fmt, va);
    va_end(va);
    return r;
}

/* The same with the end unknown (end_offset None), as CPython's __future__
 * errors are. */
int
_PyCompile_ErrorNoEnd(c_compiler *c, _PyCodePosition loc, const char *fmt, ...)
{
    va_list va;
    va_start(va, fmt);
    int r = compile_error_v(c, loc, 0, fmt, va);
    va_end(va);
    return r;
}

/* ---- units -------------------------------------------------------------- */

static void
unit_free(c_unit *u)
{
    Py_XDECREF(u->u_name);
    Py_XDECREF(u->u_qualname);
    Py_XDECREF(u->u_private);
    Py_XDECREF(u->u_consts);
    Py_XDECREF(u->u_consts_list);
    Py_XDECREF(u->u_names);
    Py_XDECREF(u->u_varnames);
    Py_XDECREF(u->u_hidden);
    Py_XDECREF(u->u_cellvars);
    Py_XDECREF(u->u_freevars);
    Py_XDECREF(u->u_static_attributes);
    PyMem_Free(u->u_instrs);
    PyMem_Free(u->u_labels);
    PyMem_Free(u);
}

/* A dict {name: index} of the names in `ste` whose scope is `scope` or whose
 * flags include `flag`, sorted, numbered from `offset`. */
static PyObject *
names_by_scope(_PySTEntry *ste, int scope, long flag, Py_ssize_t offset)
{
    PyObject *list = PyList_New(0);
    if (list == NULL) {
        return NULL;
    }
    PyObject *key, *value;
    Py_ssize_t pos = 0;
    while (PyDict_Next(ste->ste_symbols, &pos, &key, &value)) {
        long f = PyLong_AsLong(value);
        if ((int)_PyST_SCOPE(f) == scope || (f & flag)) {
            if (PyList_Append(list, key) < 0) {
                Py_DECREF(list);
                return NULL;
            }
        }
    }
    if (PyList_Sort(list) < 0) {
        Py_DECREF(list);
        return NULL;
    }
    PyObject *d = PyDict_New();
    for (Py_ssize_t i = 0; d && i < PyList_GET_SIZE(list); i++) {
        PyObject *v = PyLong_FromSsize_t(offset + i);
        if (v == NULL || PyDict_SetItem(d, PyList_GET_ITEM(list, i), v) < 0) {
            Py_XDECREF(v);
            Py_CLEAR(d);
            break;
        }
        Py_DECREF(v);
    }
    Py_DECREF(list);
    return d;
}

int
_PyCompile_EnterUnit(c_compiler *c, PyObject *name, int type, const void *key,
                     int lineno)
{
    if (++c->c_depth > 200) {
        c->c_depth--;
        PyErr_SetString(PyExc_RecursionError,
                        "maximum recursion depth exceeded during compilation");
        return -1;
    }
    c_unit *u = PyMem_Calloc(1, sizeof(*u));
    if (u == NULL) {
        c->c_depth--;
        PyErr_NoMemory();
        return -1;
    }
    u->u_type = type;
    u->u_name = Py_NewRef(name);
    u->u_firstlineno = lineno;
    u->u_parent = c->u;
    u->u_ste = _PySymtable_Lookup(c->c_st, key);
    u->u_consts = PyDict_New();
    u->u_consts_list = PyList_New(0);
    u->u_names = PyDict_New();
    u->u_varnames = PyDict_New();
    u->u_hidden = PyList_New(0);
    if (u->u_ste == NULL || !u->u_consts || !u->u_consts_list || !u->u_names
        || !u->u_varnames || !u->u_hidden) {
        goto fail;
    }
    /* Parameters first, in order. */
    PyObject *params = u->u_ste->ste_varnames;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(params); i++) {
        PyObject *v = PyLong_FromSsize_t(i);
        if (v == NULL || PyDict_SetItem(u->u_varnames, PyList_GET_ITEM(params, i), v) < 0) {
            Py_XDECREF(v);
            goto fail;
        }
        Py_DECREF(v);
    }
    u->u_nvars = (int)PyList_GET_SIZE(params);
    u->u_cellvars = names_by_scope(u->u_ste, CELL, 0, 0);
    if (u->u_cellvars == NULL) {
        goto fail;
    }
    if (type == U_CLASS && u->u_ste->ste_needs_class_closure) {
        PyObject *cc = PyUnicode_FromString("__class__");
        PyObject *zero = PyLong_FromLong(0);
        int r = (cc && zero) ? PyDict_SetItem(u->u_cellvars, cc, zero) : -1;
        Py_XDECREF(cc);
        Py_XDECREF(zero);
        if (r < 0) {
            goto fail;
        }
    }
    u->u_freevars = names_by_scope(u->u_ste, FREE,
                                   type == U_CLASS ? DEF_FREE_CLASS : 0,
                                   PyDict_GET_SIZE(u->u_cellvars));
    if (u->u_freevars == NULL) {
        goto fail;
    }
    if (type == U_CLASS) {
        u->u_private = Py_NewRef(name);
        u->u_static_attributes = PySet_New(NULL);
        if (u->u_static_attributes == NULL) {
            goto fail;
        }
    }
    else if (c->u && c->u->u_private) {
        u->u_private = Py_NewRef(c->u->u_private);
    }
    u->u_loc = _PyCompile_LocOf(lineno, -1, lineno, -1);
    c->u = u;
    if (type != U_MODULE) {
        u->u_qualname = NULL;   /* set by the caller */
    }
    /* Entry: cells and free variables, then RESUME. */
    Py_ssize_t nfree = PyDict_GET_SIZE(u->u_freevars);
    if (nfree > 0 && _PyCompile_Addop(c, COPY_FREE_VARS, (int)nfree) < 0) {
        goto fail_current;
    }
    for (Py_ssize_t i = 0; i < PyDict_GET_SIZE(u->u_cellvars); i++) {
        if (_PyCompile_AddopDeref(c, MAKE_CELL, (int)i) < 0) {
            goto fail_current;
        }
    }
    if (_PyCompile_Addop(c, RESUME, 0) < 0) {
        goto fail_current;
    }
    return 0;
fail_current:
    c->u = u->u_parent;
fail:
    c->c_depth--;
    unit_free(u);
    return -1;
}

void
_PyCompile_ExitUnit(c_compiler *c)
{
    c_unit *u = c->u;
    c->u = u->u_parent;
    c->c_depth--;
    unit_free(u);
}

/* ---- instructions --------------------------------------------------------- */

static int
add_instr(c_compiler *c, int op, int arg, int target, int deref)
{
    c_unit *u = c->u;
    if (u->u_ninstrs == u->u_instrs_cap) {
        Py_ssize_t cap = u->u_instrs_cap ? 2 * u->u_instrs_cap : 64;
        if (cap > _Py_MAX_OPARG + 1) {
            if (u->u_ninstrs > _Py_MAX_OPARG) {
                return _PyCompile_Error(c, u->u_loc, "too many instructions in one code object");
            }
            cap = _Py_MAX_OPARG + 1;
        }
        c_instr *n = PyMem_Realloc(u->u_instrs, cap * sizeof(c_instr));
        if (n == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        u->u_instrs = n;
        u->u_instrs_cap = cap;
    }
    if (arg < 0 || arg > _Py_MAX_OPARG) {
        return _PyCompile_Error(c, u->u_loc, "instruction argument too large");
    }
    c_instr *i = &u->u_instrs[u->u_ninstrs++];
    i->op = op;
    i->arg = arg;
    i->target = target;
    i->deref = (unsigned char)deref;
    i->pos = u->u_loc;
    return 0;
}

int
_PyCompile_Addop(c_compiler *c, int op, int arg)
{
    return add_instr(c, op, arg, -1, 0);
}

/* Instructions n0.. (the last ones emitted) are a LOAD_FAST and the
 * instruction(s) that consume it at once: make the LOAD_FAST the prefix
 * form `prefix` when the group has its shape and sits on one line (so no
 * line event falls inside it).  See "Prefix instructions" in
 * pycore_opcode.h.  The callers only ask for groups no label points into. */
void
_PyCompile_FuseLoadFast(c_compiler *c, Py_ssize_t n0, int prefix)
{
    c_unit *u = c->u;
    c_instr *ins = &u->u_instrs[n0];
    Py_ssize_t n = u->u_ninstrs - n0;
    if (n0 < 0 || n < 2 || ins[0].op != LOAD_FAST) {
        return;
    }
    switch (prefix) {
    case LOAD_FAST__LOAD_ATTR:
        if (n != 2 || ins[1].op != LOAD_ATTR) {
            return;
        }
        break;
    case LOAD_FAST__STORE_ATTR:
        if (n != 2 || ins[1].op != STORE_ATTR) {
            return;
        }
        break;
    case LOAD_FAST__BINARY_SUBSCR:
    case LOAD_FAST__STORE_SUBSCR:
    case LOAD_FAST__BINARY_OP:
    case LOAD_FAST__COMPARE_OP: {
        int last = prefix == LOAD_FAST__BINARY_SUBSCR ? BINARY_SUBSCR
                   : prefix == LOAD_FAST__STORE_SUBSCR ? STORE_SUBSCR
                   : prefix == LOAD_FAST__BINARY_OP ? BINARY_OP : COMPARE_OP;
        if (n != 3 || (ins[1].op != LOAD_FAST && ins[1].op != LOAD_CONST)
            || ins[2].op != last) {
            return;
        }
        break;
    }
    case LOAD_FAST__OP_ITEM:
        if (n != 5 || ins[1].op != LOAD_FAST__BINARY_SUBSCR ||
            (ins[4].op != BINARY_SUBSCR && ins[4].op != BINARY_OP)) {
            return;
        }
        break;
    default:
        return;
    }
    for (Py_ssize_t k = 1; k < n; k++) {
        if (ins[k].pos.lineno != ins[0].pos.lineno || ins[k].target >= 0) {
            return;
        }
    }
    ins[0].op = prefix;
}

/* y[i] with y a name and i a name or a constant: the
 * LOAD_FAST__BINARY_SUBSCR group that LOAD_FAST__OP_ITEM looks for. */
int
_PyCompile_IsItemOfName(expr_ty e)
{
    return e->kind == Subscript_kind && e->v.Subscript.ctx == Load &&
           e->v.Subscript.value->kind == Name_kind &&
           (e->v.Subscript.slice->kind == Name_kind ||
            e->v.Subscript.slice->kind == Constant_kind);
}

static int expr_seq_has_walrus(asdl_expr_seq *seq);

/* Does `e` contain an assignment expression anywhere (comprehensions and
 * lambdas included)?  The only way an expression can rebind a fast local
 * of the frame evaluating it. */
int
_PyCompile_HasWalrus(expr_ty e)
{
    if (e == NULL) {
        return 0;
    }
    switch (e->kind) {
    case NamedExpr_kind:
        return 1;
    case BoolOp_kind:
        return expr_seq_has_walrus(e->v.BoolOp.values);
    case BinOp_kind:
        return _PyCompile_HasWalrus(e->v.BinOp.left) || _PyCompile_HasWalrus(e->v.BinOp.right);
    case UnaryOp_kind:
        return _PyCompile_HasWalrus(e->v.UnaryOp.operand);
    case Lambda_kind:
        return expr_seq_has_walrus(e->v.Lambda.args->defaults)
               || expr_seq_has_walrus(e->v.Lambda.args->kw_defaults)
               || _PyCompile_HasWalrus(e->v.Lambda.body);
    case IfExp_kind:
        return _PyCompile_HasWalrus(e->v.IfExp.test) || _PyCompile_HasWalrus(e->v.IfExp.body)
               || _PyCompile_HasWalrus(e->v.IfExp.orelse);
    case Dict_kind:
        return expr_seq_has_walrus(e->v.Dict.keys) || expr_seq_has_walrus(e->v.Dict.values);
    case Set_kind:
        return expr_seq_has_walrus(e->v.Set.elts);
    case ListComp_kind:
    case SetComp_kind:
    case DictComp_kind:
    case GeneratorExp_kind: {
        asdl_comprehension_seq *gens =
            e->kind == ListComp_kind ? e->v.ListComp.generators
            : e->kind == SetComp_kind ? e->v.SetComp.generators
            : e->kind == DictComp_kind ? e->v.DictComp.generators
            : e->v.GeneratorExp.generators;
        for (Py_ssize_t i = 0; i < asdl_seq_LEN(gens); i++) {
            comprehension_ty g = asdl_seq_GET(gens, i);
            if (_PyCompile_HasWalrus(g->iter) || expr_seq_has_walrus(g->ifs)) {
                return 1;
            }
        }
        if (e->kind == DictComp_kind) {
            return _PyCompile_HasWalrus(e->v.DictComp.key)
                   || _PyCompile_HasWalrus(e->v.DictComp.value);
        }
        return _PyCompile_HasWalrus(e->kind == ListComp_kind ? e->v.ListComp.elt
                                    : e->kind == SetComp_kind ? e->v.SetComp.elt
                                    : e->v.GeneratorExp.elt);
    }
    case Await_kind:
        return _PyCompile_HasWalrus(e->v.Await.value);
    case Yield_kind:
        return _PyCompile_HasWalrus(e->v.Yield.value);
    case YieldFrom_kind:
        return _PyCompile_HasWalrus(e->v.YieldFrom.value);
    case Compare_kind:
        return _PyCompile_HasWalrus(e->v.Compare.left)
               || expr_seq_has_walrus(e->v.Compare.comparators);
    case Call_kind:
        if (_PyCompile_HasWalrus(e->v.Call.func) || expr_seq_has_walrus(e->v.Call.args)) {
            return 1;
        }
        for (Py_ssize_t i = 0; i < asdl_seq_LEN(e->v.Call.keywords); i++) {
            if (_PyCompile_HasWalrus(asdl_seq_GET(e->v.Call.keywords, i)->value)) {
                return 1;
            }
        }
        return 0;
    case FormattedValue_kind:
        return _PyCompile_HasWalrus(e->v.FormattedValue.value)
               || _PyCompile_HasWalrus(e->v.FormattedValue.format_spec);
    case JoinedStr_kind:
        return expr_seq_has_walrus(e->v.JoinedStr.values);
    case Attribute_kind:
        return _PyCompile_HasWalrus(e->v.Attribute.value);
    case Subscript_kind:
        return _PyCompile_HasWalrus(e->v.Subscript.value)
               || _PyCompile_HasWalrus(e->v.Subscript.slice);
    case Starred_kind:
        return _PyCompile_HasWalrus(e->v.Starred.value);
    case List_kind:
        return expr_seq_has_walrus(e->v.List.elts);
    case Tuple_kind:
        return expr_seq_has_walrus(e->v.Tuple.elts);
    case Slice_kind:
        return _PyCompile_HasWalrus(e->v.Slice.lower) || _PyCompile_HasWalrus(e->v.Slice.upper)
               || _PyCompile_HasWalrus(e->v.Slice.step);
    case Constant_kind:
    case Name_kind:
        return 0;
    }
    return 1;  /* an unknown kind: assume the worst */
}

static int
expr_seq_has_walrus(asdl_expr_seq *seq)
{
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(seq); i++) {
        if (_PyCompile_HasWalrus(asdl_seq_GET(seq, i))) {
            return 1;
        }
    }
    return 0;
}

/* Emit a copy of an instruction emitted earlier (a LOAD_FAST or LOAD_CONST
 * loaded again), at its own position. */
int
_PyCompile_AddopCopy(c_compiler *c, const c_instr *in)
{
    _PyCodePosition saved = c->u->u_loc;
    c->u->u_loc = in->pos;
    int r = _PyCompile_Addop(c, in->op, in->arg);
    c->u->u_loc = saved;
    return r;
}

int
_PyCompile_AddopDeref(c_compiler *c, int op, int derefidx)
{
    return add_instr(c, op, derefidx, -1, 1);
}

int
_PyCompile_AddopJump(c_compiler *c, int op, int label)
{
    return add_instr(c, op, 0, label, 0);
}

int
_PyCompile_NewLabel(c_compiler *c)
{
    c_unit *u = c->u;
    if (u->u_nlabels == u->u_labels_cap) {
        int cap = u->u_labels_cap ? 2 * u->u_labels_cap : 32;
        int *n = PyMem_Realloc(u->u_labels, cap * sizeof(int));
        if (n == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        u->u_labels = n;
        u->u_labels_cap = cap;
    }
    u->u_labels[u->u_nlabels] = -1;
    return u->u_nlabels++;
}

int
_PyCompile_UseLabel(c_compiler *c, int label)
{
    c->u->u_labels[label] = (int)c->u->u_ninstrs;
    return 0;
}

/* ---- constants and names ----------------------------------------------------- */

/* A key that keeps apart constants that compare equal but are different
 * (1, 1.0, True; 0.0 and -0.0; tuples of those). */
static PyObject *
const_key(PyObject *o)
{
    if (o == Py_None || o == Py_Ellipsis || PyBool_Check(o)) {
        return Py_NewRef(o);
    }
    if (PyCode_Check(o)) {
        return PyLong_FromVoidPtr(o);   /* never shared */
    }
    if (PyFloat_Check(o) || PyComplex_Check(o)) {
        PyObject *r = PyObject_Repr(o);
        if (r == NULL) {
            return NULL;
        }
        PyObject *k = PyTuple_Pack(2, (PyObject *)Py_TYPE(o), r);
        Py_DECREF(r);
        return k;
    }
    if (PyTuple_Check(o) || PyFrozenSet_Check(o)) {
        PyObject *seq = PySequence_Tuple(o);
        if (seq == NULL) {
            return NULL;
        }
        Py_ssize_t n = PyTuple_GET_SIZE(seq);
        PyObject *t = PyTuple_New(n + 1);
        if (t == NULL) {
            Py_DECREF(seq);
            return NULL;
        }
        PyTuple_SET_ITEM(t, 0, Py_NewRef((PyObject *)Py_TYPE(o)));
        for (Py_ssize_t i = 0; i < n; i++) {
            PyObject *k = const_key(PyTuple_GET_ITEM(seq, i));
            if (k == NULL) {
                Py_DECREF(seq);
                Py_DECREF(t);
                return NULL;
            }
            PyTuple_SET_ITEM(t, i + 1, k);
        }
        Py_DECREF(seq);
        return t;
    }
    return PyTuple_Pack(2, (PyObject *)Py_TYPE(o), o);
}

int
_PyCompile_AddConst(c_compiler *c, PyObject *o)
{
    c_unit *u = c->u;
    PyObject *key = const_key(o);
    if (key == NULL) {
        return -1;
    }
    PyObject *v = PyDict_GetItemWithError(u->u_consts, key);
    if (v != NULL) {
        Py_DECREF(key);
        return (int)PyLong_AsLong(v);
    }
    if (PyErr_Occurred()) {
        Py_DECREF(key);
        return -1;
    }
    Py_ssize_t idx = PyList_GET_SIZE(u->u_consts_list);
    if (idx > _Py_MAX_OPARG) {
        Py_DECREF(key);
        return _PyCompile_Error(c, u->u_loc, "too many constants");
    }
    v = PyLong_FromSsize_t(idx);
    int r = (v == NULL || PyDict_SetItem(u->u_consts, key, v) < 0
             || PyList_Append(u->u_consts_list, o) < 0) ? -1 : 0;
    Py_XDECREF(v);
    Py_DECREF(key);
    return r < 0 ? -1 : (int)idx;
}

static int
dict_index(c_compiler *c, PyObject *dict, PyObject *name, const char *what)
{
    PyObject *v = PyDict_GetItemWithError(dict, name);
    if (v != NULL) {
        return (int)PyLong_AsLong(v);
    }
    if (PyErr_Occurred()) {
        return -1;
    }
    Py_ssize_t idx = PyDict_GET_SIZE(dict);
    if (idx > _Py_MAX_OPARG) {
        return _PyCompile_Error(c, c->u->u_loc, "too many %s", what);
    }
    v = PyLong_FromSsize_t(idx);
    if (v == NULL || PyDict_SetItem(dict, name, v) < 0) {
        Py_XDECREF(v);
        return -1;
    }
    Py_DECREF(v);
    return (int)idx;
}

int
_PyCompile_AddName(c_compiler *c, PyObject *name)
{
    Py_INCREF(name);
    PyUnicode_InternInPlace(&name);
    int r = dict_index(c, c->u->u_names, name, "names");
    Py_DECREF(name);
    return r;
}

PyObject *
_PyCompile_Mangle(c_compiler *c, const char *id)
{
    PyObject *raw = PyUnicode_FromString(id);
    if (raw == NULL) {
        return NULL;
    }
    PyObject *m = _Py_Mangle(c->u->u_private, raw);
    Py_DECREF(raw);
    return m;
}

int
_PyCompile_AddNameMangled(c_compiler *c, const char *id)
{
    PyObject *m = _PyCompile_Mangle(c, id);
    if (m == NULL) {
        return -1;
    }
    int r = _PyCompile_AddName(c, m);
    Py_DECREF(m);
    return r;
}

/* Deref index of `name` (cell or free variable of the current unit). */
static int
deref_index(c_compiler *c, PyObject *name)
{
    PyObject *v = PyDict_GetItemWithError(c->u->u_cellvars, name);
    if (v == NULL && !PyErr_Occurred()) {
        v = PyDict_GetItemWithError(c->u->u_freevars, name);
    }
    if (v == NULL) {
        if (!PyErr_Occurred()) {
            PyErr_Format(PyExc_SystemError, "compiler: no cell or free variable '%U' in %U",
                         name, c->u->u_name);
        }
        return -1;
    }
    return (int)PyLong_AsLong(v);
}

int
_PyCompile_LoadClosure(c_compiler *c, PyObject *name)
{
    int d = deref_index(c, name);
    if (d < 0) {
        return -1;
    }
    return _PyCompile_AddopDeref(c, LOAD_CLOSURE, d);
}

/* Fast-local index of `name` (added on first use). */
int
_PyCompile_LocalIndex(c_compiler *c, PyObject *name)
{
    c_unit *u = c->u;
    PyObject *v = PyDict_GetItemWithError(u->u_varnames, name);
    if (v != NULL) {
        return (int)PyLong_AsLong(v);
    }
    if (PyErr_Occurred()) {
        return -1;
    }
    return _PyCompile_NewLocal(c, name, u->u_varnames);
}

/* A new fast-local slot for `name`, recorded in `dict` (name -> index);
 * if `dict` is not the unit's varnames the slot is a hidden one. */
int
_PyCompile_NewLocal(c_compiler *c, PyObject *name, PyObject *dict)
{
    c_unit *u = c->u;
    if (u->u_nvars >= _Py_MAX_OPARG) {
        return _PyCompile_Error(c, u->u_loc, "too many local variables");
    }
    int idx = u->u_nvars;
    PyObject *v = PyLong_FromLong(idx);
    if (v == NULL || PyDict_SetItem(dict, name, v) < 0) {
        Py_XDECREF(v);
        return -1;
    }
    if (dict != u->u_varnames) {
        PyObject *t = PyTuple_Pack(2, v, name);
        if (t == NULL || PyList_Append(u->u_hidden, t) < 0) {
            Py_XDECREF(t);
            Py_DECREF(v);
            return -1;
        }
        Py_DECREF(t);
    }
    Py_DECREF(v);
    u->u_nvars++;
    return idx;
}

int
_PyCompile_NameopObj(c_compiler *c, PyObject *mangled, expr_context_ty ctx)
{
    c_unit *u = c->u;
    /* Inside inlined comprehensions: their own names live in hidden fast
     * slots; globals are globals; free names resolve further out. */
    for (int k = u->u_ninline - 1; k >= 0; k--) {
        int sc = _PyST_GetScope(u->u_inline[k].ste, mangled);
        if (PyErr_Occurred()) {
            return -1;
        }
        if (sc == LOCAL) {
            PyObject *v = PyDict_GetItemWithError(u->u_inline[k].slots, mangled);
            if (v == NULL) {
                if (!PyErr_Occurred()) {
                    PyErr_SetString(PyExc_SystemError, "compiler: no inlined slot");
                }
                return -1;
            }
            int idx = (int)PyLong_AsLong(v);
            return _PyCompile_Addop(c, ctx == Load ? LOAD_FAST : ctx == Store ? STORE_FAST
                                    : DELETE_FAST, idx);
        }
        if (sc == GLOBAL_IMPLICIT || sc == GLOBAL_EXPLICIT) {
            int idx = _PyCompile_AddName(c, mangled);
            if (idx < 0) {
                return -1;
            }
            return _PyCompile_Addop(c, ctx == Load ? LOAD_GLOBAL : ctx == Store ? STORE_GLOBAL
                                    : DELETE_GLOBAL, idx);
        }
    }
    int scope = _PyST_GetScope(u->u_ste, mangled);
    if (PyErr_Occurred()) {
        return -1;
    }
    int is_func = u->u_type == U_FUNCTION || u->u_type == U_LAMBDA
                  || u->u_type == U_COMPREHENSION;
    enum { OP_FAST, OP_GLOBAL, OP_DEREF, OP_NAME } kind = OP_NAME;
    switch (scope) {
    case FREE:
        kind = OP_DEREF;
        break;
    case CELL:
        kind = OP_DEREF;
        break;
    case LOCAL:
        kind = is_func ? OP_FAST : OP_NAME;
        break;
    case GLOBAL_IMPLICIT:
        kind = is_func ? OP_GLOBAL : OP_NAME;
        break;
    case GLOBAL_EXPLICIT:
        kind = OP_GLOBAL;
        break;
    default:
        kind = OP_NAME;
        break;
    }
    /* A class body's own names are in its namespace even when an inner
     * scope also needs them (DEF_FREE_CLASS). */
    if (kind == OP_DEREF) {
        int d = deref_index(c, mangled);
        if (d < 0) {
            return -1;
        }
        if (ctx == Load) {
            if (u->u_type == U_CLASS) {
                CHECK(_PyCompile_Addop(c, LOAD_LOCALS, 0));
                return _PyCompile_AddopDeref(c, LOAD_FROM_DICT_OR_DEREF, d);
            }
            return _PyCompile_AddopDeref(c, LOAD_DEREF, d);
        }
        return _PyCompile_AddopDeref(c, ctx == Store ? STORE_DEREF : DELETE_DEREF, d);
    }
    if (kind == OP_FAST) {
        int idx = _PyCompile_LocalIndex(c, mangled);
        if (idx < 0) {
            return -1;
        }
        return _PyCompile_Addop(c, ctx == Load ? LOAD_FAST : ctx == Store ? STORE_FAST
                                : DELETE_FAST, idx);
    }
    int idx = _PyCompile_AddName(c, mangled);
    if (idx < 0) {
        return -1;
    }
    if (kind == OP_GLOBAL) {
        return _PyCompile_Addop(c, ctx == Load ? LOAD_GLOBAL : ctx == Store ? STORE_GLOBAL
                                : DELETE_GLOBAL, idx);
    }
    return _PyCompile_Addop(c, ctx == Load ? LOAD_NAME : ctx == Store ? STORE_NAME
                            : DELETE_NAME, idx);
}

int
_PyCompile_Nameop(c_compiler *c, const char *id, expr_context_ty ctx)
{
    PyObject *m = _PyCompile_Mangle(c, id);
    if (m == NULL) {
        return -1;
    }
    if (ctx == Store && (strcmp(id, "__debug__") == 0)) {
        Py_DECREF(m);
        return _PyCompile_Error(c, c->u->u_loc, "cannot assign to __debug__");
    }
    int r = _PyCompile_NameopObj(c, m, ctx);
    Py_DECREF(m);
    return r;
}

/* A Python object for an AST constant. */
PyObject *
_PyCompile_ConstValue(c_compiler *c, constant *k)
{
    switch (k->kind) {
    case CONST_NONE:
        return Py_NewRef(Py_None);
    case CONST_TRUE:
        return Py_NewRef(Py_True);
    case CONST_FALSE:
        return Py_NewRef(Py_False);
    case CONST_ELLIPSIS:
        return Py_NewRef(Py_Ellipsis);
    case CONST_INT:
        return PyLong_FromString(k->data, NULL, k->base);
    case CONST_FLOAT: {
        double d = PyOS_string_to_double(k->data, NULL, NULL);
        if (d == -1.0 && PyErr_Occurred()) {
            return NULL;
        }
        return PyFloat_FromDouble(d);
    }
    case CONST_IMAG: {
        double d = PyOS_string_to_double(k->data, NULL, NULL);
        if (d == -1.0 && PyErr_Occurred()) {
            return NULL;
        }
        return PyComplex_FromDoubles(0.0, d);
    }
    case CONST_STR: {
        PyObject *s = PyUnicode_DecodeUTF8(k->data, k->len, "surrogatepass");
        if (s != NULL && k->len < 40) {
            PyUnicode_InternInPlace(&s);
        }
        return s;
    }
    case CONST_BYTES:
        return PyBytes_FromStringAndSize(k->data, k->len);
    case CONST_COMPLEX: {
        const constant *parts = (const constant *)(const void *)k->data;
        double re = PyOS_string_to_double(parts[0].data, NULL, NULL);
        if (re == -1.0 && PyErr_Occurred()) {
            return NULL;
        }
        double im = PyOS_string_to_double(parts[1].data, NULL, NULL);
        if (im == -1.0 && PyErr_Occurred()) {
            return NULL;
        }
        return PyComplex_FromDoubles(re, im);
    }
    case CONST_TUPLE:
    case CONST_FROZENSET: {
        constant *items = (constant *)(void *)k->data;
        PyObject *t = PyTuple_New(k->len);
        if (t == NULL) {
            return NULL;
        }
        for (Py_ssize_t i = 0; i < k->len; i++) {
            PyObject *v = _PyCompile_ConstValue(c, &items[i]);
            if (v == NULL) {
                Py_DECREF(t);
                return NULL;
            }
            PyTuple_SET_ITEM(t, i, v);
        }
        if (k->kind == CONST_TUPLE) {
            return t;
        }
        PyObject *fs = PyFrozenSet_New(t);
        Py_DECREF(t);
        return fs;
    }
    }
    PyErr_SetString(PyExc_SystemError, "unknown constant kind");
    return NULL;
}

/* A docstring as CPython 3.13 stores it: tabs expanded, leading spaces of
 * the first line removed and the common indentation of the other lines
 * (ignoring blank ones) removed. */
PyObject *
_PyCompile_CleanDoc(PyObject *doc)
{
    PyObject *e = PyObject_CallMethod(doc, "expandtabs", NULL);
    if (e == NULL) {
        return NULL;
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(e);
    Py_UCS4 *buf = PyUnicode_AsUCS4Copy(e);
    Py_DECREF(e);
    if (buf == NULL) {
        return NULL;
    }
    Py_UCS4 *out = PyMem_Malloc((n + 1) * sizeof(Py_UCS4));
    if (out == NULL) {
        PyMem_Free(buf);
        return PyErr_NoMemory();
    }
    Py_ssize_t i = 0, o = 0;
    while (i < n && buf[i] == ' ') {
        i++;
    }
    Py_ssize_t first_end = i;
    while (first_end < n && buf[first_end] != '\n') {
        first_end++;
    }
    Py_ssize_t margin = PY_SSIZE_T_MAX;
    for (Py_ssize_t k = first_end + 1; k < n;) {
        Py_ssize_t c = 0;
        while (k + c < n && buf[k + c] == ' ') {
            c++;
        }
        if (k + c < n && buf[k + c] != '\n' && c < margin) {
            margin = c;
        }
        while (k < n && buf[k] != '\n') {
            k++;
        }
        k++;
    }
    if (margin == PY_SSIZE_T_MAX) {
        margin = 0;
    }
    for (; i < first_end; i++) {
        out[o++] = buf[i];
    }
    for (Py_ssize_t k = first_end; k < n;) {
        out[o++] = buf[k++];     /* the '\n' */
        Py_ssize_t c = 0;
        while (k < n && c < margin && buf[k] == ' ') {
            k++;
            c++;
        }
        while (k < n && buf[k] != '\n') {
            out[o++] = buf[k++];
        }
    }
    PyObject *r = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, out, o);
    PyMem_Free(buf);
    PyMem_Free(out);
    return r;
}

/* ---- blocks --------------------------------------------------------------- */

int
_PyCompile_PushFblock(c_compiler *c, fblock_kind kind, int block, int exit,
                      const void *datum)
{
    c_unit *u = c->u;
    if (u->u_nfblocks >= CO_MAXBLOCKS) {
        return _PyCompile_Error(c, u->u_loc, "too many statically nested blocks");
    }
    c_fblock *f = &u->u_fblocks[u->u_nfblocks++];
    f->kind = kind;
    f->block = block;
    f->exit = exit;
    f->datum = datum;
    f->loc = u->u_loc;
    return 0;
}

void
_PyCompile_PopFblock(c_compiler *c)
{
    c->u->u_nfblocks--;
}

/* ---- qualnames and closures ------------------------------------------------ */

/* Qualified name of a def/class `name` defined in the current unit. */
PyObject *
_PyCompile_Qualname(c_compiler *c, const char *name)
{
    c_unit *u = c->u;
    PyObject *n = PyUnicode_FromString(name);
    if (n == NULL || u->u_type == U_MODULE) {
        return n;
    }
    /* A name declared global in a class or function is qualified as a
     * module-level one. */
    PyObject *m = _Py_Mangle(u->u_private, n);
    if (m == NULL) {
        Py_DECREF(n);
        return NULL;
    }
    int scope = _PyST_GetScope(u->u_ste, m);
    Py_DECREF(m);
    if (scope == GLOBAL_EXPLICIT) {
        return n;
    }
    PyObject *r;
    if (u->u_type == U_CLASS) {
        r = PyUnicode_FromFormat("%U.%U", u->u_qualname, n);
    }
    else {
        r = PyUnicode_FromFormat("%U.<locals>.%U", u->u_qualname, n);
    }
    Py_DECREF(n);
    return r;
}

/* Push closure tuple (if `co` has free variables) and the code, then
 * MAKE_FUNCTION with `flags` (defaults etc. already pushed). */
int
_PyCompile_MakeClosure(c_compiler *c, PyCodeObject *co, int flags)
{
    if (co->co_nfreevars > 0) {
        Py_ssize_t first = co->co_nlocalsplus - co->co_nfreevars;
        for (Py_ssize_t i = first; i < co->co_nlocalsplus; i++) {
            PyObject *name = PyTuple_GET_ITEM(co->co_localsplusnames, i);
            /* A class body passes its own __class__ cell; every other free
             * name is a cell or free variable of the current unit. */
            CHECK(_PyCompile_LoadClosure(c, name));
        }
        ADDOP_I(c, BUILD_TUPLE, co->co_nfreevars);
        flags |= 8;
    }
    ADDOP_LOAD_CONST(c, (PyObject *)co);
    ADDOP_I(c, MAKE_FUNCTION, flags);
    return 0;
}

/* ---- entry points ----------------------------------------------------------- */

static PyCodeObject *
compile_mod(c_compiler *c, mod_ty mod)
{
    PyObject *name = PyUnicode_FromString("<module>");
    if (name == NULL) {
        return NULL;
    }
    int r = _PyCompile_EnterUnit(c, name, U_MODULE, mod, 1);
    Py_DECREF(name);
    if (r < 0) {
        return NULL;
    }
    c->u->u_qualname = Py_NewRef(c->u->u_name);
    PyCodeObject *co = NULL;
    int addnone = 1;
    switch (mod->kind) {
    case Module_kind:
        r = _PyCompile_Body(c, mod->v.Module.body, 1);
        break;
    case Interactive_kind:
        c->c_interactive = 1;
        r = _PyCompile_Body(c, mod->v.Interactive.body, 0);
        break;
    case Expression_kind:
        r = _PyCompile_Expr(c, mod->v.Expression.body);
        if (r == 0) {
            r = _PyCompile_Addop(c, RETURN_VALUE, 0);
        }
        addnone = 0;
        break;
    }
    if (r == 0) {
        co = _PyCompile_Assemble(c, addnone);
    }
    _PyCompile_ExitUnit(c);
    return co;
}

PyCodeObject *
_PyAST_Compile(mod_ty mod, PyObject *filename, int mode, int optimize, PyArena *arena)
{
    return _PyAST_CompileFlags(mod, filename, mode, NULL, optimize, arena);
}

PyCodeObject *
_PyAST_CompileFlags(mod_ty mod, PyObject *filename, int mode, PyCompilerFlags *flags,
                    int optimize, PyArena *arena)
{
    (void)mode;
    c_compiler c;
    memset(&c, 0, sizeof c);
    c.c_filename = filename;
    c.c_optimize = optimize < 0 ? 0 : optimize;
    c.c_arena = arena;
    int future = flags != NULL && (flags->cf_flags & CO_FUTURE_ANNOTATIONS);
    c.c_st = _PySymtable_BuildFuture(mod, filename, future);
    if (c.c_st == NULL) {
        return NULL;
    }
    c.c_future_annotations = future;
    c.c_future_barry = flags != NULL && (flags->cf_flags & CO_FUTURE_BARRY_AS_BDFL);
    PyCodeObject *co = compile_mod(&c, mod);
    while (c.u != NULL) {
        _PyCompile_ExitUnit(&c);
    }
    _PySymtable_Free(c.c_st);
    return co;
}

/* ---- SyntaxError locations ---------------------------------------------------- */

/* The `lineno`-th line of `src` (1-based), start and length incl. '\n'. */
static const char *
find_line(const char *src, size_t len, int lineno, size_t *linelen)
{
    const char *p = src, *end = src + len;
    for (int l = 1; l < lineno && p < end; l++) {
        const char *nl = memchr(p, '\n', end - p);
        if (nl == NULL) {
            return NULL;
        }
        p = nl + 1;
    }
    if (p >= end && lineno > 1) {
        return NULL;
    }
    const char *nl = memchr(p, '\n', end - p);
    *linelen = nl ? (size_t)(nl - p + 1) : (size_t)(end - p);
    return p;
}

/* Characters in the first `nbytes` bytes of UTF-8 `s`. */
static long
utf8_chars(const char *s, size_t slen, long nbytes)
{
    long n = 0;
    for (long i = 0; i < nbytes && (size_t)i < slen; i++) {
        if (((unsigned char)s[i] & 0xC0) != 0x80) {
            n++;
        }
    }
    if ((size_t)nbytes > slen) {
        n += nbytes - (long)slen;
    }
    return n;
}

static long
get_int_attr(PyObject *exc, const char *name)
{
    PyObject *v = PyObject_GetAttrString(exc, name);
    if (v == NULL) {
        PyErr_Clear();
        return -1;
    }
    long r = PyLong_Check(v) ? PyLong_AsLong(v) : -1;
    Py_DECREF(v);
    if (r == -1 && PyErr_Occurred()) {
        PyErr_Clear();
    }
    return r;
}

static void
set_int_attr(PyObject *exc, const char *name, long v)
{
    PyObject *o = PyLong_FromLong(v);
    if (o == NULL || PyObject_SetAttrString(exc, name, o) < 0) {
        PyErr_Clear();
    }
    Py_XDECREF(o);
}

/* CPython takes the text of a compiler error from the file the code names,
 * so code compiled from a string with a made-up name ("<string>") has none. */
static int
file_readable(PyObject *exc)
{
    PyObject *fn = PyObject_GetAttrString(exc, "filename");
    if (fn == NULL) {
        PyErr_Clear();
        return 0;
    }
    int ok = 0;
    const char *path = PyUnicode_Check(fn) ? PyUnicode_AsUTF8AndSize(fn, NULL) : NULL;
    if (path == NULL) {
        PyErr_Clear();
    }
    else {
        FILE *f = fopen(path, "rb");
        if (f != NULL) {
            ok = 1;
            fclose(f);
        }
    }
    Py_DECREF(fn);
    return ok;
}

/* A SyntaxError from the symbol table or compiler has byte offsets and no
 * text: convert with the source at hand when the file exists. */
static void
fix_syntax_error(const char *src, size_t len)
{
    if (!PyErr_ExceptionMatches(PyExc_SyntaxError)) {
        return;
    }
    PyObject *exc = PyErr_GetRaisedException();
    PyObject *text = PyObject_GetAttrString(exc, "text");
    if (text == NULL) {
        PyErr_Clear();
    }
    if ((text == NULL || text == Py_None) && file_readable(exc)) {
        long lineno = get_int_attr(exc, "lineno");
        long offset = get_int_attr(exc, "offset");
        long end_lineno = get_int_attr(exc, "end_lineno");
        long end_offset = get_int_attr(exc, "end_offset");
        size_t ll;
        const char *line = lineno > 0 ? find_line(src, len, (int)lineno, &ll) : NULL;
        if (line != NULL) {
            PyObject *t = PyUnicode_DecodeUTF8(line, ll, "replace");
            if (t == NULL || PyObject_SetAttrString(exc, "text", t) < 0) {
                PyErr_Clear();
            }
            Py_XDECREF(t);
            if (offset > 0) {
                set_int_attr(exc, "offset", utf8_chars(line, ll, offset - 1) + 1);
            }
            if (end_offset > 0 && end_lineno > 0) {
                size_t el;
                const char *eline = end_lineno == lineno ? line
                                    : find_line(src, len, (int)end_lineno, &el);
                if (end_lineno == lineno) {
                    el = ll;
                }
                if (eline != NULL) {
                    set_int_attr(exc, "end_offset", utf8_chars(eline, el, end_offset - 1) + 1);
                }
            }
        }
    }
    Py_XDECREF(text);
    /* Keep exc.args in step with the attributes (as a SyntaxError made
     * with the full location tuple). */
    PyObject *names[] = {NULL, NULL, NULL, NULL, NULL, NULL, NULL};
    const char *attrs[] = {"msg", "filename", "lineno", "offset", "text", "end_lineno",
                           "end_offset"};
    int ok = 1;
    for (int i = 0; i < 7; i++) {
        names[i] = PyObject_GetAttrString(exc, attrs[i]);
        if (names[i] == NULL) {
            PyErr_Clear();
            ok = 0;
        }
    }
    if (ok) {
        PyObject *info = PyTuple_Pack(6, names[1], names[2], names[3], names[4], names[5],
                                      names[6]);
        PyObject *args = info ? PyTuple_Pack(2, names[0], info) : NULL;
        if (args == NULL || PyObject_SetAttrString(exc, "args", args) < 0) {
            PyErr_Clear();
        }
        Py_XDECREF(info);
        Py_XDECREF(args);
    }
    for (int i = 0; i < 7; i++) {
        Py_XDECREF(names[i]);
    }
    PyErr_SetRaisedException(exc);
}

static void
raise_parser_error(PyParserError *err, PyObject *filename)
{
    PyObject *type = PyExc_SyntaxError;
    if (err->type != NULL) {
        if (strcmp(err->type, "IndentationError") == 0) {
            type = PyExc_IndentationError;
        }
        else if (strcmp(err->type, "TabError") == 0) {
            type = PyExc_TabError;
        }
        else if (strcmp(err->type, "MemoryError") == 0) {
            PyErr_SetString(PyExc_MemoryError, err->msg);
            return;
        }
    }
    PyObject *msg = PyUnicode_DecodeUTF8(err->msg, strlen(err->msg), "replace");
    PyObject *text = err->text ? PyUnicode_DecodeUTF8(err->text, strlen(err->text), "replace")
                               : Py_NewRef(Py_None);
    if (msg == NULL || text == NULL) {
        Py_XDECREF(msg);
        Py_XDECREF(text);
        return;
    }
    PyObject *lineno = err->lineno > 0 ? PyLong_FromLong(err->lineno) : Py_NewRef(Py_None);
    PyObject *offset = PyLong_FromLong(err->offset);
    PyObject *end_lineno = err->end_lineno > 0 ? PyLong_FromLong(err->end_lineno)
                                               : Py_NewRef(Py_None);
    PyObject *end_offset = (err->end_offset > 0 || err->end_offset == -1 || err->end_lineno > 0)
                           ? PyLong_FromLong(err->end_offset) : Py_NewRef(Py_None);
    if (err->lineno <= 0) {
        Py_SETREF(offset, Py_NewRef(Py_None));
    }
    PyObject *info = (lineno && offset && end_lineno && end_offset)
                     ? PyTuple_Pack(6, filename, lineno, offset, text, end_lineno, end_offset)
                     : NULL;
    Py_XDECREF(lineno);
    Py_XDECREF(offset);
    Py_XDECREF(end_lineno);
    Py_XDECREF(end_offset);
    Py_DECREF(text);
    if (info == NULL) {
        Py_DECREF(msg);
        return;
    }
    PyObject *args = PyTuple_Pack(2, msg, info);
    Py_DECREF(msg);
    Py_DECREF(info);
    if (args == NULL) {
        return;
    }
    PyObject *exc = PyObject_Call(type, args, NULL);
    Py_DECREF(args);
    if (exc != NULL) {
        PyErr_SetObject(type, exc);
        Py_DECREF(exc);
    }
}

PyObject *
Py_CompileStringObject(const char *str, PyObject *filename, int start,
                       PyCompilerFlags *flags, int optimize)
{
    if (filename == NULL || !PyUnicode_Check(filename)) {
        PyErr_SetString(PyExc_TypeError, "compile(): filename must be a str");
        return NULL;
    }
    if (start != Py_file_input && start != Py_eval_input && start != Py_single_input) {
        PyErr_SetString(PyExc_ValueError,
                        "compile() mode must be 'exec', 'eval' or 'single'");
        return NULL;
    }
    const char *fn = PyUnicode_AsUTF8AndSize(filename, NULL);
    if (fn == NULL) {
        return NULL;
    }
    PyArena *arena = _PyArena_New();
    if (arena == NULL) {
        return NULL;
    }
    size_t len = strlen(str);
    PyParserError err;
    memset(&err, 0, sizeof err);
    int pflags = flags != NULL && (flags->cf_flags & CO_FUTURE_BARRY_AS_BDFL)
                 ? PyPARSE_BARRY_AS_BDFL : 0;
    mod_ty mod = _PyParser_ParseStringFlags(str, len, fn, start, pflags, arena, &err);
    PyCodeObject *co = NULL;
    if (mod == NULL) {
        raise_parser_error(&err, filename);
    }
    else {
        co = _PyAST_CompileFlags(mod, filename, start, flags, optimize, arena);
        if (co == NULL) {
            fix_syntax_error(str, len);
        }
    }
    _PyArena_Free(arena);
    return (PyObject *)co;
}

PyObject *
_PyCompile_SourceToAST(const char *str, PyObject *filename, int start, int flags)
{
    const char *fn = PyUnicode_AsUTF8AndSize(filename, NULL);
    if (fn == NULL) {
        return NULL;
    }
    PyArena *arena = _PyArena_New();
    if (arena == NULL) {
        return NULL;
    }
    PyParserError err;
    memset(&err, 0, sizeof err);
    int pflags = (flags & CO_FUTURE_BARRY_AS_BDFL) ? PyPARSE_BARRY_AS_BDFL : 0;
    mod_ty mod = _PyParser_ParseStringFlags(str, strlen(str), fn, start, pflags, arena, &err);
    PyObject *res = NULL;
    if (mod == NULL) {
        raise_parser_error(&err, filename);
    }
    else {
        res = _PyAST_ToObject(mod);
    }
    _PyArena_Free(arena);
    return res;
}

PyObject *
_PyCompile_ASTToCode(PyObject *ast, PyObject *filename, int start, PyCompilerFlags *flags,
                     int optimize)
{
    PyArena *arena = _PyArena_New();
    if (arena == NULL) {
        return NULL;
    }
    PyCodeObject *co = NULL;
    mod_ty mod = _PyAST_FromObject(ast, arena, start);
    if (mod != NULL && _PyAST_Validate(mod) == 0) {
        co = _PyAST_CompileFlags(mod, filename, start, flags, optimize, arena);
    }
    _PyArena_Free(arena);
    return (PyObject *)co;
}

PyObject *
Py_CompileString(const char *str, const char *filename, int start)
{
    PyObject *fn = PyUnicode_DecodeFSDefault(filename);
    if (fn == NULL) {
        return NULL;
    }
    PyObject *r = Py_CompileStringObject(str, fn, start, NULL, -1);
    Py_DECREF(fn);
    return r;
}
