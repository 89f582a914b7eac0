/* compile_match.c: the match statement (PEP 634).
 *
 * The subject stays on the stack while the cases are tried; each case but
 * the last works on a COPY.  A pattern consumes the value on top of the
 * stack.  Captured values are not stored while matching: they are kept on
 * the stack, below whatever the pattern still works on, and bound only once
 * the whole pattern has matched (so a failed pattern binds nothing).
 *
 * Bookkeeping while compiling a pattern (pattern_ctx):
 *   stores   the names captured so far; stores[0] is the value nearest the
 *            top of the captured block, the newest capture is the deepest.
 *   on_top   how many values the pattern keeps above the captured block
 *            (containers being taken apart, key tuples, ...).
 *   fail_pop labels: jumping to fail_pop[n] pops n values and continues
 *            with the next case.  A failing test jumps to
 *            fail_pop[on_top + len(stores)].
 * Irrefutable patterns that make later ones unreachable, repeated names and
 * alternatives binding different names are SyntaxErrors found here, as in
 * CPython. */
#include "compile_internal.h"

typedef struct {
    PyObject *stores;           /* list of str */
    int allow_irrefutable;
    int *fail_pop;
    Py_ssize_t fail_pop_size;
    Py_ssize_t on_top;
} pattern_ctx;

static int compile_pattern(c_compiler *c, pattern_ty p, pattern_ctx *pc);

#define IS_WILDCARD(p) ((p)->kind == MatchAs_kind && (p)->v.MatchAs.name == NULL && \
                        (p)->v.MatchAs.pattern == NULL)
#define IS_STAR_WILDCARD(p) ((p)->kind == MatchStar_kind && (p)->v.MatchStar.name == NULL)

static int
ensure_fail_pop(c_compiler *c, pattern_ctx *pc, Py_ssize_t n)
{
    if (n < pc->fail_pop_size) {
        return 0;
    }
    int *nf = PyMem_Realloc(pc->fail_pop, (size_t)(n + 1) * sizeof(int));
    if (nf == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    pc->fail_pop = nf;
    while (pc->fail_pop_size <= n) {
        int l = _PyCompile_NewLabel(c);
        if (l < 0) {
            return -1;
        }
        pc->fail_pop[pc->fail_pop_size++] = l;
    }
    return 0;
}

static int
jump_to_fail(c_compiler *c, pattern_ctx *pc, int op)
{
    Py_ssize_t pops = pc->on_top + PyList_GET_SIZE(pc->stores);
    CHECK(ensure_fail_pop(c, pc, pops));
    ADDOP_JUMP(c, op, pc->fail_pop[pops]);
    return 0;
}

/* The failure landing pads: fail_pop[n] .. fail_pop[1] each pop one value,
 * then fail_pop[0]. */
static int
emit_fail_pops(c_compiler *c, pattern_ctx *pc)
{
    if (pc->fail_pop_size == 0) {
        return 0;
    }
    for (Py_ssize_t i = pc->fail_pop_size - 1; i > 0; i--) {
        USE_LABEL(c, pc->fail_pop[i]);
        ADDOP(c, POP_TOP);
    }
    USE_LABEL(c, pc->fail_pop[0]);
    PyMem_Free(pc->fail_pop);
    pc->fail_pop = NULL;
    pc->fail_pop_size = 0;
    return 0;
}

/* Move the top of the stack down to depth n (1 = top). */
static int
rotate(c_compiler *c, Py_ssize_t n)
{
    for (; n > 1; n--) {
        ADDOP_I(c, SWAP, (int)n);
    }
    return 0;
}

static int
forbidden_name(c_compiler *c, identifier name, _PyCodePosition loc)
{
    if (strcmp(name, "__debug__") == 0) {
        return _PyCompile_Error(c, loc, "cannot assign to __debug__");
    }
    return 0;
}

/* Capture the value on top under `name` (NULL: discard it). */
static int
store_name(c_compiler *c, pattern_ctx *pc, identifier name, _PyCodePosition loc)
{
    if (name == NULL) {
        ADDOP(c, POP_TOP);
        return 0;
    }
    CHECK(forbidden_name(c, name, loc));
    PyObject *n = PyUnicode_FromString(name);
    if (n == NULL) {
        return -1;
    }
    int dup = PySequence_Contains(pc->stores, n);
    if (dup != 0) {
        if (dup > 0) {
            _PyCompile_Error(c, loc, "multiple assignments to name %R in pattern", n);
        }
        Py_DECREF(n);
        return -1;
    }
    if (rotate(c, pc->on_top + PyList_GET_SIZE(pc->stores) + 1) < 0 ||
        PyList_Append(pc->stores, n) < 0) {
        Py_DECREF(n);
        return -1;
    }
    Py_DECREF(n);
    return 0;
}

/* A pattern inside another one: irrefutable is fine there. */
static int
compile_subpattern(c_compiler *c, pattern_ty p, pattern_ctx *pc)
{
    int saved = pc->allow_irrefutable;
    pc->allow_irrefutable = 1;
    int r = compile_pattern(c, p, pc);
    pc->allow_irrefutable = saved;
    return r;
}

static int
load_ssize(c_compiler *c, Py_ssize_t v)
{
    ADDOP_LOAD_CONST_NEW(c, PyLong_FromSsize_t(v));
    return 0;
}

static int
compile_as(c_compiler *c, pattern_ty p, pattern_ctx *pc)
{
    if (p->v.MatchAs.pattern == NULL) {
        if (!pc->allow_irrefutable) {
            if (p->v.MatchAs.name == NULL) {
                return _PyCompile_Error(c, LOC(p), "wildcard makes remaining patterns unreachable");
            }
            PyObject *n = PyUnicode_FromString(p->v.MatchAs.name);
            if (n != NULL) {
                _PyCompile_Error(c, LOC(p), "name capture %R makes remaining patterns unreachable",
                                 n);
                Py_DECREF(n);
            }
            return -1;
        }
        return store_name(c, pc, p->v.MatchAs.name, LOC(p));
    }
    /* Match a copy, then capture the original.  The subpattern stands where
     * the `as` pattern does: `(y as z) | w` makes w unreachable. */
    pc->on_top++;
    ADDOP_I(c, COPY, 1);
    CHECK(compile_pattern(c, p->v.MatchAs.pattern, pc));
    pc->on_top--;
    c->u->u_loc = LOC(p);
    return store_name(c, pc, p->v.MatchAs.name, LOC(p));
}

static int
compile_sequence(c_compiler *c, pattern_ty p, pattern_ctx *pc)
{
    asdl_pattern_seq *pats = p->v.MatchSequence.patterns;
    Py_ssize_t size = asdl_seq_LEN(pats), star = -1;
    int only_wildcard = 1, star_wildcard = 0;
    for (Py_ssize_t i = 0; i < size; i++) {
        pattern_ty e = asdl_seq_GET(pats, i);
        if (e->kind == MatchStar_kind) {
            if (star >= 0) {
                return _PyCompile_Error(c, LOC(p), "multiple starred names in sequence pattern");
            }
            star = i;
            star_wildcard = IS_STAR_WILDCARD(e);
        }
        only_wildcard &= IS_WILDCARD(e) || IS_STAR_WILDCARD(e);
    }
    pc->on_top++;
    ADDOP(c, MATCH_SEQUENCE);
    CHECK(jump_to_fail(c, pc, POP_JUMP_IF_FALSE));
    if (star < 0) {
        ADDOP(c, GET_LEN);
        CHECK(load_ssize(c, size));
        ADDOP_I(c, COMPARE_OP, Py_EQ);
        CHECK(jump_to_fail(c, pc, POP_JUMP_IF_FALSE));
    }
    else if (size > 1) {
        ADDOP(c, GET_LEN);
        CHECK(load_ssize(c, size - 1));
        ADDOP_I(c, COMPARE_OP, Py_GE);
        CHECK(jump_to_fail(c, pc, POP_JUMP_IF_FALSE));
    }
    pc->on_top--;
    if (only_wildcard) {
        ADDOP(c, POP_TOP);
        return 0;
    }
    if (star_wildcard) {
        /* [a, *_, b]: index the items we need instead of unpacking them all. */
        pc->on_top++;
        for (Py_ssize_t i = 0; i < size; i++) {
            pattern_ty e = asdl_seq_GET(pats, i);
            if (i == star || IS_WILDCARD(e)) {
                continue;
            }
            c->u->u_loc = LOC(p);
            ADDOP_I(c, COPY, 1);
            if (i < star) {
                CHECK(load_ssize(c, i));
            }
            else {
                ADDOP(c, GET_LEN);
                CHECK(load_ssize(c, size - i));
                ADDOP_I(c, BINARY_OP, _Py_BINOP_SUBTRACT);
            }
            ADDOP(c, BINARY_SUBSCR);
            CHECK(compile_subpattern(c, e, pc));
        }
        pc->on_top--;
        c->u->u_loc = LOC(p);
        ADDOP(c, POP_TOP);
        return 0;
    }
    if (star < 0) {
        ADDOP_I(c, UNPACK_SEQUENCE, (int)size);
    }
    else {
        Py_ssize_t after = size - star - 1;
        if (star >= 256 || after >= (1 << 16)) {
            return _PyCompile_Error(c, LOC(p),
                                    "too many expressions in star-unpacking sequence pattern");
        }
        ADDOP_I(c, UNPACK_EX, (int)(star | (after << 8)));
    }
    pc->on_top += size;
    for (Py_ssize_t i = 0; i < size; i++) {
        pc->on_top--;
        CHECK(compile_subpattern(c, asdl_seq_GET(pats, i), pc));
    }
    return 0;
}

/* The value of a literal mapping key (a constant, -constant or a complex
 * literal), or NULL without error for attribute keys. */
static PyObject *
literal_key(c_compiler *c, expr_ty e, int *err)
{
    *err = 0;
    if (e->kind == Constant_kind) {
        PyObject *v = _PyCompile_ConstValue(c, &e->v.Constant.value);
        *err = v == NULL;
        return v;
    }
    if (e->kind == UnaryOp_kind && e->v.UnaryOp.op == USub) {
        PyObject *v = literal_key(c, e->v.UnaryOp.operand, err);
        if (v == NULL) {
            return NULL;
        }
        PyObject *r = PyNumber_Negative(v);
        Py_DECREF(v);
        *err = r == NULL;
        return r;
    }
    if (e->kind == BinOp_kind && (e->v.BinOp.op == Add || e->v.BinOp.op == Sub)) {
        PyObject *a = literal_key(c, e->v.BinOp.left, err);
        if (a == NULL) {
            return NULL;
        }
        PyObject *b = literal_key(c, e->v.BinOp.right, err);
        if (b == NULL) {
            Py_DECREF(a);
            return NULL;
        }
        PyObject *r = e->v.BinOp.op == Add ? PyNumber_Add(a, b) : PyNumber_Subtract(a, b);
        Py_DECREF(a);
        Py_DECREF(b);
        *err = r == NULL;
        return r;
    }
    return NULL;
}

static int
compile_mapping(c_compiler *c, pattern_ty p, pattern_ctx *pc)
{
    asdl_expr_seq *keys = p->v.MatchMapping.keys;
    asdl_pattern_seq *pats = p->v.MatchMapping.patterns;
    Py_ssize_t size = asdl_seq_LEN(keys);
    identifier rest = p->v.MatchMapping.rest;
    if (size != asdl_seq_LEN(pats)) {
        return _PyCompile_Error(c, LOC(p), "keys (%zd) / patterns (%zd) length mismatch in "
                                "mapping pattern", size, asdl_seq_LEN(pats));
    }
    if (size >= (1 << 20)) {
        return _PyCompile_Error(c, LOC(p), "too many sub-patterns in mapping pattern");
    }
    pc->on_top++;
    ADDOP(c, MATCH_MAPPING);
    CHECK(jump_to_fail(c, pc, POP_JUMP_IF_FALSE));
    if (size == 0 && rest == NULL) {
        pc->on_top--;
        ADDOP(c, POP_TOP);
        return 0;
    }
    if (size > 0) {
        ADDOP(c, GET_LEN);
        CHECK(load_ssize(c, size));
        ADDOP_I(c, COMPARE_OP, Py_GE);
        CHECK(jump_to_fail(c, pc, POP_JUMP_IF_FALSE));
    }
    if (rest != NULL) {
        CHECK(forbidden_name(c, rest, LOC(p)));
    }
    PyObject *seen = PySet_New(NULL);
    if (seen == NULL) {
        return -1;
    }
    for (Py_ssize_t i = 0; i < size; i++) {
        expr_ty k = asdl_seq_GET(keys, i);
        int err;
        PyObject *v = literal_key(c, k, &err);
        if (err) {
            goto fail;
        }
        if (v != NULL) {
            int has = PySet_Contains(seen, v);
            if (has != 0) {
                if (has > 0) {
                    _PyCompile_Error(c, LOC(p), "mapping pattern checks duplicate key (%R)", v);
                }
                Py_DECREF(v);
                goto fail;
            }
            int r = PySet_Add(seen, v);
            Py_DECREF(v);
            if (r < 0) {
                goto fail;
            }
        }
        else if (k->kind != Attribute_kind) {
            _PyCompile_Error(c, LOC(k), "mapping pattern keys may only match literals and "
                             "attribute lookups");
            goto fail;
        }
        if (_PyCompile_Expr(c, k) < 0) {
            goto fail;
        }
    }
    Py_DECREF(seen);
    c->u->u_loc = LOC(p);
    ADDOP_I(c, BUILD_TUPLE, (int)size);
    ADDOP(c, MATCH_KEYS);
    /* [subject, keys, values or None] */
    pc->on_top += 2;
    ADDOP_I(c, COPY, 1);
    ADDOP_LOAD_CONST(c, Py_None);
    ADDOP_I(c, IS_OP, 1);
    CHECK(jump_to_fail(c, pc, POP_JUMP_IF_FALSE));
    ADDOP_I(c, UNPACK_SEQUENCE, (int)size);
    pc->on_top += size - 1;
    for (Py_ssize_t i = 0; i < size; i++) {
        pc->on_top--;
        CHECK(compile_subpattern(c, asdl_seq_GET(pats, i), pc));
    }
    c->u->u_loc = LOC(p);
    pc->on_top -= 2;
    if (rest != NULL) {
        /* [subject, keys] -> [dict of the other items] */
        ADDOP_I(c, CALL_INTRINSIC_2, _Py_INTRINSIC_2_MAPPING_REST);
        return store_name(c, pc, rest, LOC(p));
    }
    ADDOP(c, POP_TOP);
    ADDOP(c, POP_TOP);
    return 0;
fail:
    Py_DECREF(seen);
    return -1;
}

static int
compile_class_pattern(c_compiler *c, pattern_ty p, pattern_ctx *pc)
{
    asdl_pattern_seq *pats = p->v.MatchClass.patterns;
    asdl_identifier_seq *attrs = p->v.MatchClass.kwd_attrs;
    asdl_pattern_seq *kpats = p->v.MatchClass.kwd_patterns;
    Py_ssize_t nargs = asdl_seq_LEN(pats), nattrs = asdl_seq_LEN(attrs);
    if (nattrs != asdl_seq_LEN(kpats)) {
        return _PyCompile_Error(c, LOC(p), "kwd_attrs (%zd) / kwd_patterns (%zd) length "
                                "mismatch in class pattern", nattrs, asdl_seq_LEN(kpats));
    }
    if (nargs + nattrs >= (1 << 20)) {
        return _PyCompile_Error(c, LOC(p), "too many sub-patterns in class pattern");
    }
    PyObject *names = PyTuple_New(nattrs);
    if (names == NULL) {
        return -1;
    }
    for (Py_ssize_t i = 0; i < nattrs; i++) {
        identifier a = asdl_seq_GET(attrs, i);
        pattern_ty kp = asdl_seq_GET(kpats, i);
        if (forbidden_name(c, a, LOC(kp)) < 0) {
            Py_DECREF(names);
            return -1;
        }
        for (Py_ssize_t j = 0; j < i; j++) {
            if (strcmp(a, asdl_seq_GET(attrs, j)) == 0) {
                Py_DECREF(names);
                return _PyCompile_Error(c, LOC(kp),
                                        "attribute name repeated in class pattern: %s", a);
            }
        }
        PyObject *s = PyUnicode_FromString(a);
        if (s == NULL) {
            Py_DECREF(names);
            return -1;
        }
        PyTuple_SET_ITEM(names, i, s);
    }
    if (_PyCompile_Expr(c, p->v.MatchClass.cls) < 0) {
        Py_DECREF(names);
        return -1;
    }
    c->u->u_loc = LOC(p);
    ADDOP_LOAD_CONST_NEW(c, names);
    ADDOP_I(c, MATCH_CLASS, (int)nargs);
    /* [attribute tuple or None] */
    ADDOP_I(c, COPY, 1);
    ADDOP_LOAD_CONST(c, Py_None);
    ADDOP_I(c, IS_OP, 1);
    pc->on_top++;
    CHECK(jump_to_fail(c, pc, POP_JUMP_IF_FALSE));
    ADDOP_I(c, UNPACK_SEQUENCE, (int)(nargs + nattrs));
    pc->on_top += nargs + nattrs - 1;
    for (Py_ssize_t i = 0; i < nargs + nattrs; i++) {
        pc->on_top--;
        pattern_ty e = i < nargs ? asdl_seq_GET(pats, i) : asdl_seq_GET(kpats, i - nargs);
        CHECK(compile_subpattern(c, e, pc));
    }
    return 0;
}

static void
swap_model(PyObject *model, Py_ssize_t k)
{
    PyObject *a = PyList_GET_ITEM(model, 0);
    PyList_SET_ITEM(model, 0, PyList_GET_ITEM(model, k - 1));
    PyList_SET_ITEM(model, k - 1, a);
}

/* Reorder the captured block on top of the stack (described by `stores`)
 * so that it matches `control`, with SWAPs.  Depth d holds stores[d-1]. */
static int
reorder_captures(c_compiler *c, pattern_ty p, PyObject *stores, PyObject *control)
{
    Py_ssize_t n = PyList_GET_SIZE(control);
    for (Py_ssize_t t = n; t >= 2; t--) {
        PyObject *want = PyList_GET_ITEM(control, t - 1);
        Py_ssize_t d = 0;
        for (Py_ssize_t i = 0; i < n; i++) {
            int eq = PyUnicode_Compare(PyList_GET_ITEM(stores, i), want) == 0;
            if (eq) {
                d = i + 1;
                break;
            }
        }
        if (d == 0) {
            return _PyCompile_Error(c, LOC(p), "alternative patterns bind different names");
        }
        if (d == t) {
            continue;
        }
        if (d != 1) {
            ADDOP_I(c, SWAP, (int)d);
            swap_model(stores, d);
        }
        ADDOP_I(c, SWAP, (int)t);
        swap_model(stores, t);
    }
    if (n >= 1 && PyUnicode_Compare(PyList_GET_ITEM(stores, 0), PyList_GET_ITEM(control, 0))) {
        return _PyCompile_Error(c, LOC(p), "alternative patterns bind different names");
    }
    return 0;
}

static int
compile_or(c_compiler *c, pattern_ty p, pattern_ctx *pc)
{
    asdl_pattern_seq *alts = p->v.MatchOr.patterns;
    Py_ssize_t size = asdl_seq_LEN(alts);
    NEW_LABEL(c, end);
    pattern_ctx outer = *pc;
    PyObject *control = NULL;
    int rc = -1;
    pc->fail_pop = NULL;
    pc->fail_pop_size = 0;
    pc->stores = NULL;
    for (Py_ssize_t i = 0; i < size; i++) {
        pattern_ty alt = asdl_seq_GET(alts, i);
        pc->stores = PyList_New(0);
        if (pc->stores == NULL) {
            goto done;
        }
        pc->allow_irrefutable = i == size - 1 && outer.allow_irrefutable;
        pc->on_top = 0;
        c->u->u_loc = LOC(alt);
        if (_PyCompile_Addop(c, COPY, 1) < 0 || compile_pattern(c, alt, pc) < 0) {
            goto done;
        }
        if (i == 0) {
            control = Py_NewRef(pc->stores);
        }
        else if (PyList_GET_SIZE(pc->stores) != PyList_GET_SIZE(control)) {
            _PyCompile_Error(c, LOC(p), "alternative patterns bind different names");
            goto done;
        }
        else if (reorder_captures(c, p, pc->stores, control) < 0) {
            goto done;
        }
        if (_PyCompile_AddopJump(c, JUMP, end) < 0 || emit_fail_pops(c, pc) < 0) {
            goto done;
        }
        Py_CLEAR(pc->stores);
    }
    PyMem_Free(pc->fail_pop);
    *pc = outer;
    /* No alternative matched: drop the subject and fail. */
    c->u->u_loc = LOC(p);
    if (_PyCompile_Addop(c, POP_TOP, 0) < 0 || jump_to_fail(c, pc, JUMP) < 0 ||
        _PyCompile_UseLabel(c, end) < 0) {
        goto out;
    }
    /* [.., old captures, on_top values, subject, new captures]: move each
     * new capture below everything else, then drop the subject. */
    Py_ssize_t nstores = PyList_GET_SIZE(control);
    Py_ssize_t nrots = nstores + 1 + pc->on_top + PyList_GET_SIZE(pc->stores);
    for (Py_ssize_t i = 0; i < nstores; i++) {
        if (rotate(c, nrots) < 0) {
            goto out;
        }
        PyObject *name = PyList_GET_ITEM(control, i);
        int dup = PySequence_Contains(pc->stores, name);
        if (dup != 0) {
            if (dup > 0) {
                _PyCompile_Error(c, LOC(p), "multiple assignments to name %R in pattern", name);
            }
            goto out;
        }
        if (PyList_Append(pc->stores, name) < 0) {
            goto out;
        }
    }
    if (_PyCompile_Addop(c, POP_TOP, 0) < 0) {
        goto out;
    }
    rc = 0;
    goto out;
done:
    Py_XDECREF(pc->stores);
    PyMem_Free(pc->fail_pop);
    *pc = outer;
out:
    Py_XDECREF(control);
    return rc;
}

static int
compile_pattern(c_compiler *c, pattern_ty p, pattern_ctx *pc)
{
    if (Py_EnterRecursiveCall(" during compilation") < 0) {
        return -1;
    }
    _PyCodePosition saved = c->u->u_loc;
    c->u->u_loc = LOC(p);
    int r = -1;
    switch (p->kind) {
    case MatchValue_kind: {
        expr_ty v = p->v.MatchValue.value;
        if (v->kind != Constant_kind && v->kind != Attribute_kind &&
            v->kind != UnaryOp_kind && v->kind != BinOp_kind) {
            r = _PyCompile_Error(c, LOC(p), "patterns may only match literals and attribute "
                                 "lookups");
            break;
        }
        if (_PyCompile_Expr(c, v) < 0) {
            break;
        }
        c->u->u_loc = LOC(p);
        if (_PyCompile_Addop(c, COMPARE_OP, Py_EQ) < 0) {
            break;
        }
        r = jump_to_fail(c, pc, POP_JUMP_IF_FALSE);
        break;
    }
    case MatchSingleton_kind: {
        PyObject *v = _PyCompile_ConstValue(c, &p->v.MatchSingleton.value);
        int i = v ? _PyCompile_AddConst(c, v) : -1;
        Py_XDECREF(v);
        if (i < 0 || _PyCompile_Addop(c, LOAD_CONST, i) < 0 ||
            _PyCompile_Addop(c, IS_OP, 0) < 0) {
            break;
        }
        r = jump_to_fail(c, pc, POP_JUMP_IF_FALSE);
        break;
    }
    case MatchSequence_kind:
        r = compile_sequence(c, p, pc);
        break;
    case MatchMapping_kind:
        r = compile_mapping(c, p, pc);
        break;
    case MatchClass_kind:
        r = compile_class_pattern(c, p, pc);
        break;
    case MatchStar_kind:
        r = store_name(c, pc, p->v.MatchStar.name, LOC(p));
        break;
    case MatchAs_kind:
        r = compile_as(c, p, pc);
        break;
    case MatchOr_kind:
        r = compile_or(c, p, pc);
        break;
    }
    c->u->u_loc = saved;
    Py_LeaveRecursiveCall();
    return r;
}

/* Bind the captured names (the value for stores[0] is on top). */
static int
bind_captures(c_compiler *c, pattern_ctx *pc)
{
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(pc->stores); i++) {
        const char *name = PyUnicode_AsUTF8(PyList_GET_ITEM(pc->stores, i));
        if (name == NULL) {
            return -1;
        }
        CHECK(_PyCompile_Nameop(c, name, Store));
    }
    return 0;
}

int
_PyCompile_Match(c_compiler *c, stmt_ty s)
{
    asdl_match_case_seq *cases = s->v.Match.cases;
    Py_ssize_t n = asdl_seq_LEN(cases);
    VISIT(c, s->v.Match.subject);
    NEW_LABEL(c, end);
    match_case_ty last = n > 0 ? asdl_seq_GET(cases, n - 1) : NULL;
    int has_default = n > 1 && IS_WILDCARD(last->pattern);
    pattern_ctx pc = {NULL, 0, NULL, 0, 0};
    for (Py_ssize_t i = 0; i < n - has_default; i++) {
        match_case_ty m = asdl_seq_GET(cases, i);
        int keep_subject = i != n - has_default - 1;
        pc.stores = PyList_New(0);
        if (pc.stores == NULL) {
            return -1;
        }
        pc.allow_irrefutable = m->guard != NULL || i == n - 1;
        pc.on_top = 0;
        c->u->u_loc = LOC(m->pattern);
        int r = keep_subject ? _PyCompile_Addop(c, COPY, 1) : 0;
        if (r == 0) {
            r = compile_pattern(c, m->pattern, &pc);
        }
        if (r == 0) {
            c->u->u_loc = LOC(m->pattern);
            r = bind_captures(c, &pc);
        }
        Py_CLEAR(pc.stores);
        if (r == 0 && m->guard) {
            r = ensure_fail_pop(c, &pc, 0);
            if (r == 0) {
                r = _PyCompile_JumpIf(c, m->guard, pc.fail_pop[0], 0);
            }
        }
        if (r == 0 && keep_subject) {
            c->u->u_loc = LOC(m->pattern);
            r = _PyCompile_Addop(c, POP_TOP, 0);
        }
        if (r == 0) {
            r = _PyCompile_Body(c, m->body, 0);
        }
        if (r == 0) {
            r = _PyCompile_AddopJump(c, C_JUMP_ANY, end);
        }
        if (r == 0) {
            r = emit_fail_pops(c, &pc);
        }
        if (r < 0) {
            PyMem_Free(pc.fail_pop);
            return -1;
        }
    }
    if (has_default) {
        c->u->u_loc = LOC(last->pattern);
        ADDOP(c, NOP);
        if (last->guard) {
            CHECK(_PyCompile_JumpIf(c, last->guard, end, 0));
        }
        CHECK(_PyCompile_Body(c, last->body, 0));
    }
    USE_LABEL(c, end);
    return 0;
}
