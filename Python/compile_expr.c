/* compile_expr.c: expressions.  Operators, comparisons (chained ones
 * evaluate each operand once), boolean operators, calls (plain, method,
 * starred / ** through CALL_FUNCTION_EX), displays (big ones built
 * incrementally so the stack stays small), constant tuples folded,
 * comprehensions and generator expressions (own code objects, outermost
 * iterable evaluated by the caller), lambdas, f-strings, yield / yield from /
 * await, the walrus. */
#include "compile_internal.h"

/* Displays with more items than this are built incrementally. */
#define STACK_USE_GUIDELINE 30

int
_PyCompile_Exprs(c_compiler *c, asdl_expr_seq *seq)
{
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(seq); i++) {
        VISIT(c, asdl_seq_GET(seq, i));
    }
    return 0;
}

static int
binop_arg(operator_ty op)
{
    switch (op) {
    case Add: return _Py_BINOP_ADD;
    case Sub: return _Py_BINOP_SUBTRACT;
    case Mult: return _Py_BINOP_MULTIPLY;
    case MatMult: return _Py_BINOP_MATRIX_MULTIPLY;
    case Div: return _Py_BINOP_TRUE_DIVIDE;
    case Mod: return _Py_BINOP_REMAINDER;
    case Pow: return _Py_BINOP_POWER;
    case LShift: return _Py_BINOP_LSHIFT;
    case RShift: return _Py_BINOP_RSHIFT;
    case BitOr: return _Py_BINOP_OR;
    case BitXor: return _Py_BINOP_XOR;
    case BitAnd: return _Py_BINOP_AND;
    case FloorDiv: return _Py_BINOP_FLOOR_DIVIDE;
    }
    return _Py_BINOP_ADD;
}

int _PyCompile_BinopArg(operator_ty op);
int
_PyCompile_BinopArg(operator_ty op)
{
    return binop_arg(op);
}

/* A name or a constant: one instruction, no label inside (the shapes
 * _PyCompile_FuseLoadFast looks for). */
static int
is_name_or_const(expr_ty e)
{
    return e->kind == Name_kind || e->kind == Constant_kind;
}

static int
compare_op(c_compiler *c, cmpop_ty op)
{
    switch (op) {
    case Eq: ADDOP_I(c, COMPARE_OP, Py_EQ); break;
    case NotEq: ADDOP_I(c, COMPARE_OP, Py_NE); break;
    case Lt: ADDOP_I(c, COMPARE_OP, Py_LT); break;
    case LtE: ADDOP_I(c, COMPARE_OP, Py_LE); break;
    case Gt: ADDOP_I(c, COMPARE_OP, Py_GT); break;
    case GtE: ADDOP_I(c, COMPARE_OP, Py_GE); break;
    case Is: ADDOP_I(c, IS_OP, 0); break;
    case IsNot: ADDOP_I(c, IS_OP, 1); break;
    case In: ADDOP_I(c, CONTAINS_OP, 0); break;
    case NotIn: ADDOP_I(c, CONTAINS_OP, 1); break;
    }
    return 0;
}

static int
compile_compare(c_compiler *c, expr_ty e)
{
    Py_ssize_t n = asdl_seq_LEN(e->v.Compare.ops);
    Py_ssize_t n0 = c->u->u_ninstrs;
    VISIT(c, e->v.Compare.left);
    if (n == 1) {
        expr_ty right = asdl_seq_GET(e->v.Compare.comparators, 0);
        VISIT(c, right);
        CHECK(compare_op(c, asdl_seq_GET(e->v.Compare.ops, 0)));
        if (is_name_or_const(e->v.Compare.left) && is_name_or_const(right)) {
            _PyCompile_FuseLoadFast(c, n0, LOAD_FAST__COMPARE_OP);
        }
        return 0;
    }
    NEW_LABEL(c, cleanup);
    NEW_LABEL(c, end);
    for (Py_ssize_t i = 0; i < n - 1; i++) {
        VISIT(c, asdl_seq_GET(e->v.Compare.comparators, i));
        ADDOP_I(c, SWAP, 2);
        ADDOP_I(c, COPY, 2);
        CHECK(compare_op(c, asdl_seq_GET(e->v.Compare.ops, i)));
        ADDOP_JUMP(c, JUMP_IF_FALSE_OR_POP, cleanup);
    }
    VISIT(c, asdl_seq_GET(e->v.Compare.comparators, n - 1));
    CHECK(compare_op(c, asdl_seq_GET(e->v.Compare.ops, n - 1)));
    ADDOP_JUMP(c, C_JUMP_ANY, end);
    USE_LABEL(c, cleanup);
    ADDOP_I(c, SWAP, 2);
    ADDOP(c, POP_TOP);
    USE_LABEL(c, end);
    return 0;
}

/* Jump to `label` if truth(e) == cond; consumes e. */
int
_PyCompile_JumpIf(c_compiler *c, expr_ty e, int label, int cond)
{
    if (e->kind == UnaryOp_kind && e->v.UnaryOp.op == Not) {
        return _PyCompile_JumpIf(c, e->v.UnaryOp.operand, label, !cond);
    }
    if (e->kind == BoolOp_kind) {
        asdl_expr_seq *vals = e->v.BoolOp.values;
        Py_ssize_t n = asdl_seq_LEN(vals);
        int cond2 = e->v.BoolOp.op == Or;
        int next2 = label;
        if (cond2 != cond) {
            next2 = _PyCompile_NewLabel(c);
            CHECK(next2);
        }
        for (Py_ssize_t i = 0; i < n - 1; i++) {
            CHECK(_PyCompile_JumpIf(c, asdl_seq_GET(vals, i), next2, cond2));
        }
        CHECK(_PyCompile_JumpIf(c, asdl_seq_GET(vals, n - 1), label, cond));
        if (next2 != label) {
            USE_LABEL(c, next2);
        }
        return 0;
    }
    VISIT(c, e);
    ADDOP_JUMP(c, cond ? POP_JUMP_IF_TRUE : POP_JUMP_IF_FALSE, label);
    return 0;
}

static int
compile_boolop(c_compiler *c, expr_ty e)
{
    int op = e->v.BoolOp.op == And ? JUMP_IF_FALSE_OR_POP : JUMP_IF_TRUE_OR_POP;
    NEW_LABEL(c, end);
    asdl_expr_seq *s = e->v.BoolOp.values;
    Py_ssize_t n = asdl_seq_LEN(s);
    for (Py_ssize_t i = 0; i < n - 1; i++) {
        VISIT(c, asdl_seq_GET(s, i));
        ADDOP_JUMP(c, op, end);
    }
    VISIT(c, asdl_seq_GET(s, n - 1));
    USE_LABEL(c, end);
    return 0;
}

/* ---- constants ---------------------------------------------------------- */

int
_PyCompile_IsConst(expr_ty e)
{
    if (e->kind == Constant_kind) {
        return 1;
    }
    if (e->kind == Tuple_kind && e->v.Tuple.ctx == Load) {
        for (Py_ssize_t i = 0; i < asdl_seq_LEN(e->v.Tuple.elts); i++) {
            if (!_PyCompile_IsConst(asdl_seq_GET(e->v.Tuple.elts, i))) {
                return 0;
            }
        }
        return 1;
    }
    if (e->kind == UnaryOp_kind && e->v.UnaryOp.op == USub
        && e->v.UnaryOp.operand->kind == Constant_kind) {
        constant_kind k = e->v.UnaryOp.operand->v.Constant.value.kind;
        return k == CONST_INT || k == CONST_FLOAT || k == CONST_IMAG;
    }
    /* ~int and ~True/~False fold too, as in CPython (whose folding is also
     * why ~True in source never shows the bool deprecation warning). */
    if (e->kind == UnaryOp_kind && e->v.UnaryOp.op == Invert
        && e->v.UnaryOp.operand->kind == Constant_kind) {
        constant_kind k = e->v.UnaryOp.operand->v.Constant.value.kind;
        return k == CONST_INT || k == CONST_TRUE || k == CONST_FALSE;
    }
    return 0;
}

/* The value of a constant expression (see _PyCompile_IsConst). */
static PyObject *
const_value(c_compiler *c, expr_ty e)
{
    if (e->kind == Constant_kind) {
        return _PyCompile_ConstValue(c, &e->v.Constant.value);
    }
    if (e->kind == UnaryOp_kind) {
        PyObject *v = const_value(c, e->v.UnaryOp.operand);
        if (v == NULL) {
            return NULL;
        }
        PyObject *r;
        if (e->v.UnaryOp.op == Invert) {
            r = PyBool_Check(v) ? PyLong_FromLong(v == Py_True ? -2 : -1) : PyNumber_Invert(v);
        }
        else {
            r = PyNumber_Negative(v);
        }
        Py_DECREF(v);
        return r;
    }
    Py_ssize_t n = asdl_seq_LEN(e->v.Tuple.elts);
    PyObject *t = PyTuple_New(n);
    if (t == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *v = const_value(c, asdl_seq_GET(e->v.Tuple.elts, i));
        if (v == NULL) {
            Py_DECREF(t);
            return NULL;
        }
        PyTuple_SET_ITEM(t, i, v);
    }
    return t;
}

static int
load_const_expr(c_compiler *c, expr_ty e)
{
    ADDOP_LOAD_CONST_NEW(c, const_value(c, e));
    return 0;
}

/* ---- displays ---------------------------------------------------------- */

static int
has_starred(asdl_expr_seq *elts)
{
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(elts); i++) {
        if (asdl_seq_GET(elts, i)->kind == Starred_kind) {
            return 1;
        }
    }
    return 0;
}

/* Unpacking assignment target: UNPACK_SEQUENCE / UNPACK_EX then stores. */
static int
unpack_store(c_compiler *c, expr_ty e, asdl_expr_seq *elts)
{
    Py_ssize_t n = asdl_seq_LEN(elts);
    Py_ssize_t star = -1;
    for (Py_ssize_t i = 0; i < n; i++) {
        expr_ty t = asdl_seq_GET(elts, i);
        if (t->kind == Starred_kind) {
            if (star >= 0) {
                return _PyCompile_Error(c, LOC(e), "multiple starred expressions in assignment");
            }
            star = i;
        }
    }
    if (star >= 0) {
        Py_ssize_t after = n - star - 1;
        if (star >= 256 || after >= (1 << 15)) {
            return _PyCompile_Error(c, LOC(e),
                                    "too many expressions in star-unpacking assignment");
        }
        ADDOP_I(c, UNPACK_EX, (int)(star | (after << 8)));
    }
    else {
        ADDOP_I(c, UNPACK_SEQUENCE, (int)n);
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        expr_ty t = asdl_seq_GET(elts, i);
        CHECK(_PyCompile_Store(c, t->kind == Starred_kind ? t->v.Starred.value : t));
    }
    return 0;
}

/* list/tuple/set display (Load).  kind: 0 list, 1 tuple, 2 set. */
static int
compile_sequence(c_compiler *c, expr_ty e, asdl_expr_seq *elts, int kind)
{
    Py_ssize_t n = asdl_seq_LEN(elts);
    int star = has_starred(elts);
    if (kind == 1 && !star && _PyCompile_IsConst(e)) {
        return load_const_expr(c, e);
    }
    int build = kind == 2 ? BUILD_SET : BUILD_LIST;
    int add = kind == 2 ? SET_ADD : LIST_APPEND;
    int extend = kind == 2 ? SET_UPDATE : LIST_EXTEND;
    if (!star && n <= STACK_USE_GUIDELINE) {
        CHECK(_PyCompile_Exprs(c, elts));
        ADDOP_I(c, kind == 0 ? BUILD_LIST : kind == 1 ? BUILD_TUPLE : BUILD_SET, (int)n);
        return 0;
    }
    /* Incrementally: [] then append / extend one by one.  Runs of constants
     * (common in big literals) are loaded as one tuple. */
    ADDOP_I(c, build, 0);
    Py_ssize_t i = 0;
    while (i < n) {
        expr_ty x = asdl_seq_GET(elts, i);
        if (x->kind == Starred_kind) {
            VISIT(c, x->v.Starred.value);
            ADDOP_I(c, extend, 1);
            i++;
            continue;
        }
        Py_ssize_t j = i;
        while (j < n && asdl_seq_GET(elts, j)->kind == Constant_kind) {
            j++;
        }
        if (j - i >= 3 && kind != 2) {
            PyObject *t = PyTuple_New(j - i);
            if (t == NULL) {
                return -1;
            }
            for (Py_ssize_t k = i; k < j; k++) {
                PyObject *v = _PyCompile_ConstValue(c, &asdl_seq_GET(elts, k)->v.Constant.value);
                if (v == NULL) {
                    Py_DECREF(t);
                    return -1;
                }
                PyTuple_SET_ITEM(t, k - i, v);
            }
            ADDOP_LOAD_CONST_NEW(c, t);
            ADDOP_I(c, extend, 1);
            i = j;
            continue;
        }
        VISIT(c, x);
        ADDOP_I(c, add, 1);
        i++;
    }
    if (kind == 1) {
        ADDOP(c, LIST_TO_TUPLE);
    }
    return 0;
}

static int
compile_dict(c_compiler *c, expr_ty e)
{
    asdl_expr_seq *keys = e->v.Dict.keys, *values = e->v.Dict.values;
    Py_ssize_t n = asdl_seq_LEN(values);
    int has_splat = 0, all_const_str = n > 1;
    for (Py_ssize_t i = 0; i < n; i++) {
        expr_ty k = asdl_seq_GET(keys, i);
        if (k == NULL) {
            has_splat = 1;
            all_const_str = 0;
        }
        else if (k->kind != Constant_kind || k->v.Constant.value.kind != CONST_STR) {
            all_const_str = 0;
        }
    }
    if (!has_splat && n <= STACK_USE_GUIDELINE) {
        if (all_const_str) {
            /* Distinct constant string keys: BUILD_CONST_KEY_MAP. */
            PyObject *kt = PyTuple_New(n);
            if (kt == NULL) {
                return -1;
            }
            for (Py_ssize_t i = 0; i < n; i++) {
                PyObject *kv = _PyCompile_ConstValue(c, &asdl_seq_GET(keys, i)->v.Constant.value);
                if (kv == NULL) {
                    Py_DECREF(kt);
                    return -1;
                }
                PyTuple_SET_ITEM(kt, i, kv);
            }
            PyObject *set = PySet_New(kt);
            int distinct = set && PySet_GET_SIZE(set) == n;
            Py_XDECREF(set);
            if (set == NULL) {
                Py_DECREF(kt);
                return -1;
            }
            if (distinct) {
                CHECK(_PyCompile_Exprs(c, values));
                ADDOP_LOAD_CONST_NEW(c, kt);
                ADDOP_I(c, BUILD_CONST_KEY_MAP, (int)n);
                return 0;
            }
            Py_DECREF(kt);
        }
        for (Py_ssize_t i = 0; i < n; i++) {
            VISIT(c, asdl_seq_GET(keys, i));
            VISIT(c, asdl_seq_GET(values, i));
        }
        ADDOP_I(c, BUILD_MAP, (int)n);
        return 0;
    }
    ADDOP_I(c, BUILD_MAP, 0);
    for (Py_ssize_t i = 0; i < n; i++) {
        expr_ty k = asdl_seq_GET(keys, i);
        if (k == NULL) {
            VISIT(c, asdl_seq_GET(values, i));
            ADDOP_I(c, DICT_UPDATE, 1);
        }
        else {
            VISIT(c, k);
            VISIT(c, asdl_seq_GET(values, i));
            ADDOP_I(c, MAP_ADD, 1);
        }
    }
    return 0;
}

/* ---- calls ---------------------------------------------------------------- */

static int
check_keywords(c_compiler *c, asdl_keyword_seq *keywords)
{
    Py_ssize_t n = asdl_seq_LEN(keywords);
    for (Py_ssize_t i = 0; i < n; i++) {
        keyword_ty k = asdl_seq_GET(keywords, i);
        if (k->arg == NULL) {
            continue;
        }
        for (Py_ssize_t j = i + 1; j < n; j++) {
            keyword_ty o = asdl_seq_GET(keywords, j);
            if (o->arg && strcmp(o->arg, k->arg) == 0) {
                return _PyCompile_Error(c, LOC(o), "keyword argument repeated: %s", k->arg);
            }
        }
    }
    return 0;
}

/* The callable (and self or NULL) is on the stack; `n` extra positional
 * arguments (already pushed) come before `args`. */
int
_PyCompile_CallHelper(c_compiler *c, int n, asdl_expr_seq *args,
                      asdl_keyword_seq *keywords)
{
    CHECK(check_keywords(c, keywords));
    Py_ssize_t nargs = asdl_seq_LEN(args), nkw = asdl_seq_LEN(keywords);
    int simple = 1;
    for (Py_ssize_t i = 0; i < nargs; i++) {
        if (asdl_seq_GET(args, i)->kind == Starred_kind) {
            simple = 0;
        }
    }
    for (Py_ssize_t i = 0; i < nkw; i++) {
        if (asdl_seq_GET(keywords, i)->arg == NULL) {
            simple = 0;
        }
    }
    if (n + nargs + nkw > 250) {
        simple = 0;     /* keep the stack small for huge calls */
    }
    if (simple) {
        CHECK(_PyCompile_Exprs(c, args));
        if (nkw > 0) {
            PyObject *names = PyTuple_New(nkw);
            if (names == NULL) {
                return -1;
            }
            for (Py_ssize_t i = 0; i < nkw; i++) {
                keyword_ty k = asdl_seq_GET(keywords, i);
                PyObject *s = PyUnicode_FromString(k->arg);
                if (s == NULL) {
                    Py_DECREF(names);
                    return -1;
                }
                PyUnicode_InternInPlace(&s);
                PyTuple_SET_ITEM(names, i, s);
            }
            for (Py_ssize_t i = 0; i < nkw; i++) {
                VISIT(c, asdl_seq_GET(keywords, i)->value);
            }
            ADDOP_LOAD_CONST_NEW(c, names);
            ADDOP_I(c, CALL_KW, (int)(n + nargs + nkw));
        }
        else {
            ADDOP_I(c, CALL, (int)(n + nargs));
        }
        return 0;
    }
    /* General case: a positional tuple and a keyword dict. */
    ADDOP_I(c, BUILD_LIST, n);
    for (Py_ssize_t i = 0; i < nargs; i++) {
        expr_ty a = asdl_seq_GET(args, i);
        if (a->kind == Starred_kind) {
            VISIT(c, a->v.Starred.value);
            ADDOP_I(c, LIST_EXTEND, 1);
        }
        else {
            VISIT(c, a);
            ADDOP_I(c, LIST_APPEND, 1);
        }
    }
    ADDOP(c, LIST_TO_TUPLE);
    if (nkw > 0) {
        ADDOP_I(c, BUILD_MAP, 0);
        for (Py_ssize_t i = 0; i < nkw; i++) {
            keyword_ty k = asdl_seq_GET(keywords, i);
            if (k->arg == NULL) {
                VISIT(c, k->value);
                ADDOP_I(c, DICT_MERGE, 1);
            }
            else {
                /* One-item dict merged, so duplicates raise TypeError. */
                PyObject *s = PyUnicode_FromString(k->arg);
                if (s == NULL) {
                    return -1;
                }
                PyUnicode_InternInPlace(&s);
                ADDOP_LOAD_CONST_NEW(c, s);
                VISIT(c, k->value);
                ADDOP_I(c, BUILD_MAP, 1);
                ADDOP_I(c, DICT_MERGE, 1);
            }
        }
        ADDOP_I(c, CALL_FUNCTION_EX, 1);
    }
    else {
        ADDOP_I(c, CALL_FUNCTION_EX, 0);
    }
    return 0;
}

static int
is_method_call(expr_ty e)
{
    expr_ty f = e->v.Call.func;
    if (f->kind != Attribute_kind || f->v.Attribute.ctx != Load) {
        return 0;
    }
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(e->v.Call.args); i++) {
        if (asdl_seq_GET(e->v.Call.args, i)->kind == Starred_kind) {
            return 0;
        }
    }
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(e->v.Call.keywords); i++) {
        if (asdl_seq_GET(e->v.Call.keywords, i)->arg == NULL) {
            return 0;
        }
    }
    return asdl_seq_LEN(e->v.Call.args) + asdl_seq_LEN(e->v.Call.keywords) <= 250;
}

int
_PyCompile_Call(c_compiler *c, expr_ty e)
{
    if (is_method_call(e)) {
        expr_ty f = e->v.Call.func;
        VISIT(c, f->v.Attribute.value);
        _PyCodePosition saved = c->u->u_loc;
        c->u->u_loc = LOC(f);
        int idx = _PyCompile_AddNameMangled(c, f->v.Attribute.attr);
        if (idx < 0 || _PyCompile_Addop(c, LOAD_METHOD, idx) < 0) {
            return -1;
        }
        c->u->u_loc = saved;
        return _PyCompile_CallHelper(c, 0, e->v.Call.args, e->v.Call.keywords);
    }
    ADDOP(c, PUSH_NULL);
    VISIT(c, e->v.Call.func);
    return _PyCompile_CallHelper(c, 0, e->v.Call.args, e->v.Call.keywords);
}

/* ---- yield / await ------------------------------------------------------ */

/* [receiver, value] -> [result]: delegate until the receiver returns. */
int
_PyCompile_YieldFromLoop(c_compiler *c)
{
    NEW_LABEL(c, send);
    NEW_LABEL(c, exit);
    USE_LABEL(c, send);
    ADDOP_JUMP(c, SEND, exit);
    ADDOP_I(c, YIELD_VALUE, 1);
    ADDOP_JUMP(c, C_JUMP_ANY, send);
    USE_LABEL(c, exit);
    return 0;
}

/* [x] -> [await x]; kind is GET_AWAITABLE's argument. */
int
_PyCompile_Await(c_compiler *c, int kind)
{
    ADDOP_I(c, GET_AWAITABLE, kind);
    ADDOP_LOAD_CONST(c, Py_None);
    return _PyCompile_YieldFromLoop(c);
}

static int
in_async_function(c_compiler *c)
{
    c_unit *u = c->u;
    return (u->u_type == U_FUNCTION || u->u_type == U_COMPREHENSION)
           && u->u_ste->ste_coroutine;
}

/* ---- comprehensions --------------------------------------------------------- */

static int
comprehension_generator(c_compiler *c, asdl_comprehension_seq *gens, Py_ssize_t gi,
                        int depth, expr_ty elt, expr_ty val, int type, int inlined);

/* The body of a comprehension scope: `.0` is the iterator over the first
 * iterable.  type: 0 list, 1 set, 2 dict, 3 generator. */
static int
comprehension_generator(c_compiler *c, asdl_comprehension_seq *gens, Py_ssize_t gi,
                        int depth, expr_ty elt, expr_ty val, int type, int inlined)
{
    comprehension_ty g = asdl_seq_GET(gens, gi);
    NEW_LABEL(c, start);
    NEW_LABEL(c, if_cleanup);
    NEW_LABEL(c, anchor);
    NEW_LABEL(c, end);
    int is_async = g->is_async;
    if (gi == 0) {
        if (!inlined) {
            ADDOP_I(c, LOAD_FAST, 0);     /* .0 */
        }
    }
    else {
        VISIT(c, g->iter);
        ADDOP(c, is_async ? GET_AITER : GET_ITER);
    }
    depth++;
    _PyCodePosition saved = c->u->u_loc;
    c->u->u_loc = LOC(g->iter);
    USE_LABEL(c, start);
    if (is_async) {
        ADDOP_JUMP(c, SETUP_FINALLY, end);
        ADDOP(c, GET_ANEXT);
        CHECK(_PyCompile_Await(c, 0));
        ADDOP(c, POP_BLOCK);
    }
    else {
        ADDOP_JUMP(c, FOR_ITER, anchor);
    }
    c->u->u_loc = saved;
    CHECK(_PyCompile_Store(c, g->target));
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(g->ifs); i++) {
        CHECK(_PyCompile_JumpIf(c, asdl_seq_GET(g->ifs, i), if_cleanup, 0));
    }
    if (gi + 1 < asdl_seq_LEN(gens)) {
        CHECK(comprehension_generator(c, gens, gi + 1, depth, elt, val, type, inlined));
    }
    else {
        switch (type) {
        case 0:
            VISIT(c, elt);
            ADDOP_I(c, LIST_APPEND, depth + 1);
            break;
        case 1:
            VISIT(c, elt);
            ADDOP_I(c, SET_ADD, depth + 1);
            break;
        case 2:
            VISIT(c, elt);
            VISIT(c, val);
            ADDOP_I(c, MAP_ADD, depth + 1);
            break;
        default:
            VISIT(c, elt);
            if (c->u->u_ste->ste_coroutine) {
                ADDOP_I(c, CALL_INTRINSIC_1, _Py_INTRINSIC_1_ASYNC_GEN_WRAP);
            }
            ADDOP(c, YIELD_VALUE);
            ADDOP(c, POP_TOP);
            break;
        }
    }
    USE_LABEL(c, if_cleanup);
    ADDOP_JUMP(c, C_JUMP_ANY, start);
    if (is_async) {
        USE_LABEL(c, end);
        ADDOP(c, END_ASYNC_FOR);
    }
    else {
        USE_LABEL(c, anchor);
        USE_LABEL(c, end);
    }
    return 0;
}

static int compile_stopiteration_wrapper_begin(c_compiler *c, int *label);
static int compile_stopiteration_wrapper_end(c_compiler *c, int label);

/* List, set and dict comprehensions in functions are inlined, as in
 * CPython 3.12+ (PEP 709): no function object or frame, so tracebacks,
 * super() and locals() see the enclosing function.  The comprehension's own
 * variables get hidden fast slots (so the function's variables of the same
 * name are untouched).  Not inlined: generator expressions, async
 * comprehensions, comprehensions at module or class level, and those whose
 * variables are captured by an inner scope (cells). */
static _PySTEntry *
inlinable(c_compiler *c, expr_ty e, int type)
{
    c_unit *u = c->u;
    if (type == 3 || (u->u_type != U_FUNCTION && u->u_type != U_LAMBDA)
        || u->u_ninline >= (int)(sizeof u->u_inline / sizeof u->u_inline[0])) {
        return NULL;
    }
    _PySTEntry *ste = _PySymtable_Lookup(c->c_st, e);
    if (ste == NULL) {
        PyErr_Clear();
        return NULL;
    }
    if (ste->ste_coroutine || ste->ste_generator) {
        return NULL;
    }
    PyObject *k, *v;
    Py_ssize_t pos = 0;
    while (PyDict_Next(ste->ste_symbols, &pos, &k, &v)) {
        if (_PyST_SCOPE(PyLong_AsLong(v)) == CELL) {
            return NULL;
        }
    }
    return ste;
}

static int
compile_inlined_comprehension(c_compiler *c, _PySTEntry *ste, expr_ty e, int type,
                              asdl_comprehension_seq *gens, expr_ty elt, expr_ty val)
{
    c_unit *u = c->u;
    comprehension_ty outer = asdl_seq_GET(gens, 0);
    VISIT(c, outer->iter);
    ADDOP(c, GET_ITER);
    ADDOP_I(c, type == 0 ? BUILD_LIST : type == 1 ? BUILD_SET : BUILD_MAP, 0);
    ADDOP_I(c, SWAP, 2);                       /* [result, iterator] */
    PyObject *slots = PyDict_New();
    if (slots == NULL) {
        return -1;
    }
    PyObject *k, *v;
    Py_ssize_t pos = 0;
    while (PyDict_Next(ste->ste_symbols, &pos, &k, &v)) {
        if (_PyST_SCOPE(PyLong_AsLong(v)) == LOCAL
            && PyUnicode_CompareWithASCIIString(k, ".0") != 0
            && _PyCompile_NewLocal(c, k, slots) < 0) {
            Py_DECREF(slots);
            return -1;
        }
    }
    u->u_inline[u->u_ninline].ste = ste;
    u->u_inline[u->u_ninline].slots = slots;
    u->u_ninline++;
    int r = comprehension_generator(c, gens, 0, 0, elt, val, type, 1);
    u->u_ninline--;
    /* Unbind the hidden slots so locals() shows the function's own names. */
    pos = 0;
    while (r == 0 && PyDict_Next(slots, &pos, &k, &v)) {
        int idx = (int)PyLong_AsLong(v);
        int none = _PyCompile_AddConst(c, Py_None);
        if (none < 0 || _PyCompile_Addop(c, LOAD_CONST, none) < 0
            || _PyCompile_Addop(c, STORE_FAST, idx) < 0
            || _PyCompile_Addop(c, DELETE_FAST, idx) < 0) {
            r = -1;
        }
    }
    Py_DECREF(slots);
    return r;
}

static int
compile_comprehension(c_compiler *c, expr_ty e, const char *name, int type,
                      asdl_comprehension_seq *gens, expr_ty elt, expr_ty val)
{
    _PySTEntry *inl = inlinable(c, e, type);
    if (inl != NULL) {
        return compile_inlined_comprehension(c, inl, e, type, gens, elt, val);
    }
    if (PyErr_Occurred()) {
        return -1;
    }
    ADDOP(c, PUSH_NULL);
    comprehension_ty outer = asdl_seq_GET(gens, 0);
    int outer_async = outer->is_async;
    PyObject *n = PyUnicode_FromString(name);
    if (n == NULL) {
        return -1;
    }
    PyObject *qualname = _PyCompile_Qualname(c, name);
    if (qualname == NULL) {
        Py_DECREF(n);
        return -1;
    }
    /* Names of comprehensions are not mangled / not looked up: qualname is
     * parent.<locals>.<listcomp> in functions, <listcomp> at module level. */
    int r = _PyCompile_EnterUnit(c, n, U_COMPREHENSION, e, e->lineno);
    Py_DECREF(n);
    if (r < 0) {
        Py_DECREF(qualname);
        return -1;
    }
    c->u->u_qualname = qualname;
    c->u->u_argcount = 1;
    c->u->u_loc = LOC(e);
    _PySTEntry *ste = c->u->u_ste;
    int is_gen = type == 3;
    int is_async_comp = ste->ste_coroutine && !is_gen;
    if (is_async_comp && c->u->u_parent && !(c->u->u_parent->u_ste->ste_coroutine
                                            && (c->u->u_parent->u_type == U_FUNCTION
                                                || c->u->u_parent->u_type == U_COMPREHENSION))) {
        r = _PyCompile_Error(c, LOC(e),
                             "asynchronous comprehension outside of an asynchronous function");
        _PyCompile_ExitUnit(c);
        return r;
    }
    int stoplabel = -1;
    PyCodeObject *co = NULL;
    if (is_gen && compile_stopiteration_wrapper_begin(c, &stoplabel) < 0) {
        goto fail;
    }
    if (type != 3) {
        if (_PyCompile_Addop(c, type == 0 ? BUILD_LIST : type == 1 ? BUILD_SET : BUILD_MAP, 0) < 0) {
            goto fail;
        }
    }
    if (comprehension_generator(c, gens, 0, 0, elt, val, type, 0) < 0) {
        goto fail;
    }
    if (is_gen) {
        if (compile_stopiteration_wrapper_end(c, stoplabel) < 0) {
            goto fail;
        }
    }
    else if (_PyCompile_Addop(c, RETURN_VALUE, 0) < 0) {
        goto fail;
    }
    co = _PyCompile_Assemble(c, 0);
fail:
    _PyCompile_ExitUnit(c);
    if (co == NULL) {
        return -1;
    }
    r = _PyCompile_MakeClosure(c, co, 0);
    Py_DECREF(co);
    CHECK(r);
    VISIT(c, outer->iter);
    ADDOP(c, outer_async ? GET_AITER : GET_ITER);
    /* [func, iter] -> call: the callable slot convention needs NULL below;
     * MAKE_FUNCTION came after PUSH_NULL (see the caller). */
    ADDOP_I(c, CALL, 1);
    if (is_async_comp) {
        CHECK(_PyCompile_Await(c, 0));
    }
    return 0;
}

/* Generators: StopIteration escaping the body becomes RuntimeError. */
static int
compile_stopiteration_wrapper_begin(c_compiler *c, int *label)
{
    *label = _PyCompile_NewLabel(c);
    CHECK(*label);
    ADDOP_JUMP(c, SETUP_FINALLY, *label);
    return _PyCompile_PushFblock(c, FB_STOP_ITERATION, -1, -1, NULL);
}

static int
compile_stopiteration_wrapper_end(c_compiler *c, int label)
{
    _PyCompile_PopFblock(c);
    ADDOP(c, POP_BLOCK);
    ADDOP_LOAD_CONST(c, Py_None);
    ADDOP(c, RETURN_VALUE);
    USE_LABEL(c, label);
    ADDOP_I(c, CALL_INTRINSIC_1, _Py_INTRINSIC_1_STOPITERATION_ERROR);
    ADDOP(c, RERAISE);
    return 0;
}

int _PyCompile_GenWrapBegin(c_compiler *c, int *label);
int _PyCompile_GenWrapEnd(c_compiler *c, int label);
int
_PyCompile_GenWrapBegin(c_compiler *c, int *label)
{
    return compile_stopiteration_wrapper_begin(c, label);
}
int
_PyCompile_GenWrapEnd(c_compiler *c, int label)
{
    return compile_stopiteration_wrapper_end(c, label);
}

/* ---- functions and lambdas -------------------------------------------------- */

/* Push the defaults tuple / kw-defaults dict; set MAKE_FUNCTION flags. */
int
_PyCompile_Defaults(c_compiler *c, arguments_ty args, int *flags)
{
    Py_ssize_t nd = asdl_seq_LEN(args->defaults);
    if (nd > 0) {
        int allconst = 1;
        for (Py_ssize_t i = 0; i < nd; i++) {
            if (!_PyCompile_IsConst(asdl_seq_GET(args->defaults, i))) {
                allconst = 0;
            }
        }
        if (allconst) {
            PyObject *t = PyTuple_New(nd);
            if (t == NULL) {
                return -1;
            }
            for (Py_ssize_t i = 0; i < nd; i++) {
                PyObject *v = const_value(c, asdl_seq_GET(args->defaults, i));
                if (v == NULL) {
                    Py_DECREF(t);
                    return -1;
                }
                PyTuple_SET_ITEM(t, i, v);
            }
            ADDOP_LOAD_CONST_NEW(c, t);
        }
        else {
            CHECK(_PyCompile_Exprs(c, args->defaults));
            ADDOP_I(c, BUILD_TUPLE, (int)nd);
        }
        *flags |= 1;
    }
    Py_ssize_t nkw = 0;
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(args->kwonlyargs); i++) {
        expr_ty d = asdl_seq_GET(args->kw_defaults, i);
        if (d != NULL) {
            arg_ty a = asdl_seq_GET(args->kwonlyargs, i);
            PyObject *m = _PyCompile_Mangle(c, a->arg);
            if (m == NULL) {
                return -1;
            }
            ADDOP_LOAD_CONST_NEW(c, m);
            VISIT(c, d);
            nkw++;
        }
    }
    if (nkw > 0) {
        ADDOP_I(c, BUILD_MAP, (int)nkw);
        *flags |= 2;
    }
    return 0;
}

/* An annotation's value: evaluated, or under `from __future__ import
 * annotations` its source text (PEP 563). */
int
_PyCompile_AnnotationValue(c_compiler *c, expr_ty ann)
{
    if (c->c_future_annotations) {
        ADDOP_LOAD_CONST_NEW(c, _PyAST_ExprAsUnicode(ann));
        return 0;
    }
    VISIT(c, ann);
    return 0;
}

static int
add_arg_annotations(c_compiler *c, asdl_arg_seq *args, Py_ssize_t *n)
{
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(args); i++) {
        arg_ty a = asdl_seq_GET(args, i);
        if (a->annotation) {
            PyObject *m = _PyCompile_Mangle(c, a->arg);
            if (m == NULL) {
                return -1;
            }
            ADDOP_LOAD_CONST_NEW(c, m);
            CHECK(_PyCompile_AnnotationValue(c, a->annotation));
            (*n)++;
        }
    }
    return 0;
}

int
_PyCompile_Annotations(c_compiler *c, arguments_ty args, expr_ty returns, int *flags)
{
    Py_ssize_t n = 0;
    CHECK(add_arg_annotations(c, args->posonlyargs, &n));
    CHECK(add_arg_annotations(c, args->args, &n));
    if (args->vararg && args->vararg->annotation) {
        ADDOP_LOAD_CONST_NEW(c, _PyCompile_Mangle(c, args->vararg->arg));
        CHECK(_PyCompile_AnnotationValue(c, args->vararg->annotation));
        n++;
    }
    CHECK(add_arg_annotations(c, args->kwonlyargs, &n));
    if (args->kwarg && args->kwarg->annotation) {
        ADDOP_LOAD_CONST_NEW(c, _PyCompile_Mangle(c, args->kwarg->arg));
        CHECK(_PyCompile_AnnotationValue(c, args->kwarg->annotation));
        n++;
    }
    if (returns) {
        ADDOP_LOAD_CONST_NEW(c, PyUnicode_FromString("return"));
        CHECK(_PyCompile_AnnotationValue(c, returns));
        n++;
    }
    if (n > 0) {
        ADDOP_I(c, BUILD_MAP, (int)n);
        *flags |= 4;
    }
    return 0;
}

static int
compile_lambda(c_compiler *c, expr_ty e)
{
    arguments_ty args = e->v.Lambda.args;
    int flags = 0;
    CHECK(_PyCompile_Defaults(c, args, &flags));
    PyObject *name = PyUnicode_FromString("<lambda>");
    PyObject *qualname = name ? _PyCompile_Qualname(c, "<lambda>") : NULL;
    if (qualname == NULL) {
        Py_XDECREF(name);
        return -1;
    }
    int r = _PyCompile_EnterUnit(c, name, U_LAMBDA, e, e->lineno);
    Py_DECREF(name);
    if (r < 0) {
        Py_DECREF(qualname);
        return -1;
    }
    c->u->u_qualname = qualname;
    PyCodeObject *co = NULL;
    if (_PyCompile_FunctionBody(c, NULL, e) == 0) {
        co = _PyCompile_Assemble(c, 0);
    }
    _PyCompile_ExitUnit(c);
    if (co == NULL) {
        return -1;
    }
    r = _PyCompile_MakeClosure(c, co, flags);
    Py_DECREF(co);
    return r;
}

/* ---- f-strings ------------------------------------------------------------ */

static int
compile_formatted(c_compiler *c, expr_ty e)
{
    VISIT(c, e->v.FormattedValue.value);
    int conv = e->v.FormattedValue.conversion;
    int arg = conv == 's' ? 1 : conv == 'r' ? 2 : conv == 'a' ? 3 : 0;
    if (e->v.FormattedValue.format_spec) {
        VISIT(c, e->v.FormattedValue.format_spec);
        arg |= 4;
    }
    ADDOP_I(c, FORMAT_VALUE, arg);
    return 0;
}

static int
compile_joined(c_compiler *c, expr_ty e)
{
    asdl_expr_seq *vals = e->v.JoinedStr.values;
    Py_ssize_t n = asdl_seq_LEN(vals);
    if (n == 0) {
        ADDOP_LOAD_CONST_NEW(c, PyUnicode_FromString(""));
        return 0;
    }
    if (n > STACK_USE_GUIDELINE) {
        /* ''.join([...]) */
        ADDOP_LOAD_CONST_NEW(c, PyUnicode_FromString(""));
        ADDOP_NAME(c, LOAD_METHOD, "join");
        ADDOP_I(c, BUILD_LIST, 0);
        for (Py_ssize_t i = 0; i < n; i++) {
            VISIT(c, asdl_seq_GET(vals, i));
            ADDOP_I(c, LIST_APPEND, 1);
        }
        ADDOP_I(c, CALL, 1);
        return 0;
    }
    CHECK(_PyCompile_Exprs(c, vals));
    if (n > 1 || asdl_seq_GET(vals, 0)->kind != FormattedValue_kind) {
        if (n > 1) {
            ADDOP_I(c, BUILD_STRING, (int)n);
        }
    }
    return 0;
}

/* ---- the dispatcher --------------------------------------------------------- */

static int
compile_slice(c_compiler *c, expr_ty e)
{
    int n = 2;
    if (e->v.Slice.lower) {
        VISIT(c, e->v.Slice.lower);
    }
    else {
        ADDOP_LOAD_CONST(c, Py_None);
    }
    if (e->v.Slice.upper) {
        VISIT(c, e->v.Slice.upper);
    }
    else {
        ADDOP_LOAD_CONST(c, Py_None);
    }
    if (e->v.Slice.step) {
        VISIT(c, e->v.Slice.step);
        n = 3;
    }
    ADDOP_I(c, BUILD_SLICE, n);
    return 0;
}

static int
expr_body(c_compiler *c, expr_ty e)
{
    switch (e->kind) {
    case NamedExpr_kind:
        VISIT(c, e->v.NamedExpr.value);
        ADDOP_I(c, COPY, 1);
        return _PyCompile_Store(c, e->v.NamedExpr.target);
    case BoolOp_kind:
        return compile_boolop(c, e);
    case BinOp_kind: {
        Py_ssize_t n0 = c->u->u_ninstrs;
        VISIT(c, e->v.BinOp.left);
        VISIT(c, e->v.BinOp.right);
        ADDOP_I(c, BINARY_OP, binop_arg(e->v.BinOp.op));
        if (is_name_or_const(e->v.BinOp.left) && is_name_or_const(e->v.BinOp.right)) {
            _PyCompile_FuseLoadFast(c, n0, LOAD_FAST__BINARY_OP);
        }
        else if (e->v.BinOp.left->kind == Name_kind && _PyCompile_IsItemOfName(e->v.BinOp.right)) {
            _PyCompile_FuseLoadFast(c, n0, LOAD_FAST__OP_ITEM);
        }
        return 0;
    }
    case UnaryOp_kind:
        if (_PyCompile_IsConst(e)) {
            return load_const_expr(c, e);
        }
        VISIT(c, e->v.UnaryOp.operand);
        switch (e->v.UnaryOp.op) {
        case Invert: ADDOP(c, UNARY_INVERT); break;
        case Not: ADDOP(c, UNARY_NOT); break;
        case UAdd: ADDOP(c, UNARY_POSITIVE); break;
        case USub: ADDOP(c, UNARY_NEGATIVE); break;
        }
        return 0;
    case Lambda_kind:
        return compile_lambda(c, e);
    case IfExp_kind: {
        NEW_LABEL(c, orelse);
        NEW_LABEL(c, end);
        CHECK(_PyCompile_JumpIf(c, e->v.IfExp.test, orelse, 0));
        VISIT(c, e->v.IfExp.body);
        ADDOP_JUMP(c, C_JUMP_ANY, end);
        USE_LABEL(c, orelse);
        VISIT(c, e->v.IfExp.orelse);
        USE_LABEL(c, end);
        return 0;
    }
    case Dict_kind:
        return compile_dict(c, e);
    case Set_kind:
        return compile_sequence(c, e, e->v.Set.elts, 2);
    case ListComp_kind:
        return compile_comprehension(c, e, "<listcomp>", 0, e->v.ListComp.generators,
                                     e->v.ListComp.elt, NULL);
    case SetComp_kind:
        return compile_comprehension(c, e, "<setcomp>", 1, e->v.SetComp.generators,
                                     e->v.SetComp.elt, NULL);
    case DictComp_kind:
        return compile_comprehension(c, e, "<dictcomp>", 2, e->v.DictComp.generators,
                                     e->v.DictComp.key, e->v.DictComp.value);
    case GeneratorExp_kind:
        return compile_comprehension(c, e, "<genexpr>", 3, e->v.GeneratorExp.generators,
                                     e->v.GeneratorExp.elt, NULL);
    case Await_kind:
        if (c->u->u_type == U_MODULE || c->u->u_type == U_CLASS) {
            return _PyCompile_Error(c, LOC(e), "'await' outside function");
        }
        if (!in_async_function(c)) {
            if (c->u->u_type == U_COMPREHENSION) {
                return _PyCompile_Error(c, LOC(e), "asynchronous comprehension outside of "
                                                   "an asynchronous function");
            }
            return _PyCompile_Error(c, LOC(e), "'await' outside async function");
        }
        VISIT(c, e->v.Await.value);
        return _PyCompile_Await(c, 0);
    case Yield_kind:
        if (e->v.Yield.value) {
            VISIT(c, e->v.Yield.value);
        }
        else {
            ADDOP_LOAD_CONST(c, Py_None);
        }
        if (c->u->u_ste->ste_coroutine) {
            ADDOP_I(c, CALL_INTRINSIC_1, _Py_INTRINSIC_1_ASYNC_GEN_WRAP);
        }
        ADDOP(c, YIELD_VALUE);
        return 0;
    case YieldFrom_kind:
        if (c->u->u_ste->ste_coroutine) {
            return _PyCompile_Error(c, LOC(e), "'yield from' inside async function");
        }
        VISIT(c, e->v.YieldFrom.value);
        ADDOP(c, GET_YIELD_FROM_ITER);
        ADDOP_LOAD_CONST(c, Py_None);
        return _PyCompile_YieldFromLoop(c);
    case Compare_kind:
        return compile_compare(c, e);
    case Call_kind:
        return _PyCompile_Call(c, e);
    case FormattedValue_kind:
        return compile_formatted(c, e);
    case JoinedStr_kind:
        return compile_joined(c, e);
    case Constant_kind:
        return load_const_expr(c, e);
    case Attribute_kind:
        if (e->v.Attribute.ctx != Load) {
            break;
        }
    {
        Py_ssize_t n0 = c->u->u_ninstrs;
        VISIT(c, e->v.Attribute.value);
        ADDOP_NAME(c, LOAD_ATTR, e->v.Attribute.attr);
        if (e->v.Attribute.value->kind == Name_kind) {
            _PyCompile_FuseLoadFast(c, n0, LOAD_FAST__LOAD_ATTR);
        }
        return 0;
    }
    case Subscript_kind:
    {
        if (e->v.Subscript.ctx != Load) {
            break;
        }
        Py_ssize_t n0 = c->u->u_ninstrs;
        VISIT(c, e->v.Subscript.value);
        VISIT(c, e->v.Subscript.slice);
        ADDOP(c, BINARY_SUBSCR);
        if (e->v.Subscript.value->kind == Name_kind && is_name_or_const(e->v.Subscript.slice)) {
            _PyCompile_FuseLoadFast(c, n0, LOAD_FAST__BINARY_SUBSCR);
        }
        else if (e->v.Subscript.value->kind == Name_kind &&
                 _PyCompile_IsItemOfName(e->v.Subscript.slice)) {
            _PyCompile_FuseLoadFast(c, n0, LOAD_FAST__OP_ITEM);
        }
        return 0;
    }
    case Starred_kind:
        return _PyCompile_Error(c, LOC(e), "can't use starred expression here");
    case Name_kind:
        if (e->v.Name.ctx != Load) {
            break;
        }
        if (strcmp(e->v.Name.id, "__debug__") == 0) {
            ADDOP_LOAD_CONST(c, c->c_optimize ? Py_False : Py_True);
            return 0;
        }
        return _PyCompile_Nameop(c, e->v.Name.id, Load);
    case List_kind:
        if (e->v.List.ctx != Load) {
            break;
        }
        return compile_sequence(c, e, e->v.List.elts, 0);
    case Tuple_kind:
        if (e->v.Tuple.ctx != Load) {
            break;
        }
        return compile_sequence(c, e, e->v.Tuple.elts, 1);
    case Slice_kind:
        return compile_slice(c, e);
    }
    PyErr_SetString(PyExc_SystemError, "compiler: unexpected expression context");
    return -1;
}

int
_PyCompile_Expr(c_compiler *c, expr_ty e)
{
    if (Py_EnterRecursiveCall(" during compilation") < 0) {
        return -1;
    }
    _PyCodePosition saved = c->u->u_loc;
    c->u->u_loc = LOC(e);
    int r = expr_body(c, e);
    c->u->u_loc = saved;
    Py_LeaveRecursiveCall();
    return r;
}

/* Store the value on top of the stack into `t`. */
int
_PyCompile_Store(c_compiler *c, expr_ty t)
{
    if (Py_EnterRecursiveCall(" during compilation") < 0) {
        return -1;
    }
    _PyCodePosition saved = c->u->u_loc;
    c->u->u_loc = LOC(t);
    int r = 0;
    switch (t->kind) {
    case Name_kind:
        r = _PyCompile_Nameop(c, t->v.Name.id, Store);
        break;
    case Attribute_kind:
        if (t->v.Attribute.value->kind == Name_kind
            && strcmp(t->v.Attribute.value->v.Name.id, "self") == 0
            && c->u->u_type == U_FUNCTION && c->u->u_parent
            && c->u->u_parent->u_type == U_CLASS) {
            /* class.__static_attributes__ */
            PyObject *a = PyUnicode_FromString(t->v.Attribute.attr);
            if (a == NULL || PySet_Add(c->u->u_parent->u_static_attributes, a) < 0) {
                Py_XDECREF(a);
                r = -1;
                break;
            }
            Py_DECREF(a);
        }
    {
        Py_ssize_t n0 = c->u->u_ninstrs;
        r = _PyCompile_Expr(c, t->v.Attribute.value);
        if (r == 0) {
            int idx = _PyCompile_AddNameMangled(c, t->v.Attribute.attr);
            r = idx < 0 ? -1 : _PyCompile_Addop(c, STORE_ATTR, idx);
        }
        if (r == 0 && t->v.Attribute.value->kind == Name_kind) {
            _PyCompile_FuseLoadFast(c, n0, LOAD_FAST__STORE_ATTR);
        }
        break;
    }
    case Subscript_kind:
    {
        Py_ssize_t n0 = c->u->u_ninstrs;
        r = (_PyCompile_Expr(c, t->v.Subscript.value) < 0
             || _PyCompile_Expr(c, t->v.Subscript.slice) < 0
             || _PyCompile_Addop(c, STORE_SUBSCR, 0) < 0) ? -1 : 0;
        if (r == 0 && t->v.Subscript.value->kind == Name_kind) {
            _PyCompile_FuseLoadFast(c, n0, LOAD_FAST__STORE_SUBSCR);
        }
        break;
    }
    case Tuple_kind:
        r = unpack_store(c, t, t->v.Tuple.elts);
        break;
    case List_kind:
        r = unpack_store(c, t, t->v.List.elts);
        break;
    case Starred_kind:
        r = _PyCompile_Error(c, LOC(t), "starred assignment target must be in a list or tuple");
        break;
    default:
        PyErr_SetString(PyExc_SystemError, "compiler: bad assignment target");
        r = -1;
        break;
    }
    c->u->u_loc = saved;
    Py_LeaveRecursiveCall();
    return r;
}
