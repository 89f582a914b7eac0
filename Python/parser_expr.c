/* parser_expr.c: expressions, call arguments, parameters, comprehensions and
 * assignment-target validation.  Precedence follows CPython's grammar:
 * lambda/ternary < or < and < not < comparisons < | < ^ < & < shifts < +,-
 * < *,/,//,%,@ < unary +,-,~ < ** < await < primary (calls, attributes,
 * subscripts) < atoms. */
#include <string.h>
#include "parser_impl.h"

static expr_ty star_target(Parser *p);
static expr_ty star_expression(Parser *p);
#define NOMEM(p) _PyP_error_at((p), "MemoryError", 0, 0, 0, 0, "out of memory")
#define LASTEND(p) _PyP_last(p)->end_lineno, _PyP_last(p)->end_col_offset
#define START(e) (e)->lineno, (e)->col_offset
#define END(e) (e)->end_lineno, (e)->end_col_offset

static expr_ty primary(Parser *p);
static expr_ty atom(Parser *p);
static expr_ty lambdef(Parser *p);
static asdl_comprehension_seq *comprehension_clauses(Parser *p);

/* ---------------------------------------------------------------- helpers */

static int
is_name(Token *t)
{
    return t->type == T_NAME && t->kw == 0;
}

int
_PyP_starts_expression(Parser *p)
{
    Token *t = _PyP_peek(p, 0);
    switch (t->type) {
    case T_NAME:
        switch (t->kw) {
        case 0: case KW_None: case KW_True: case KW_False: case KW_not: case KW_lambda:
        case KW_await:
            return 1;
        default:
            return 0;
        }
    case T_NUMBER: case T_STRING: case T_FSTRING_START: case T_LPAR: case T_LSQB:
    case T_LBRACE: case T_MINUS: case T_PLUS: case T_TILDE: case T_ELLIPSIS:
        return 1;
    default:
        return 0;
    }
}

const char *
_PyP_expr_name(expr_ty e)
{
    switch (e->kind) {
    case Attribute_kind: return "attribute";
    case Subscript_kind: return "subscript";
    case Starred_kind: return "starred";
    case Name_kind: return "name";
    case List_kind: return "list";
    case Tuple_kind: return "tuple";
    case Lambda_kind: return "lambda";
    case Call_kind: return "function call";
    case BoolOp_kind: case BinOp_kind: case UnaryOp_kind: return "expression";
    case GeneratorExp_kind: return "generator expression";
    case Yield_kind: case YieldFrom_kind: return "yield expression";
    case Await_kind: return "await expression";
    case ListComp_kind: return "list comprehension";
    case SetComp_kind: return "set comprehension";
    case DictComp_kind: return "dict comprehension";
    case Dict_kind: return "dict literal";
    case Set_kind: return "set display";
    case JoinedStr_kind: case FormattedValue_kind: return "f-string expression";
    case Constant_kind:
        switch (e->v.Constant.value.kind) {
        case CONST_NONE: return "None";
        case CONST_TRUE: return "True";
        case CONST_FALSE: return "False";
        case CONST_ELLIPSIS: return "ellipsis";
        default: return "literal";
        }
    case Compare_kind: return "comparison";
    case IfExp_kind: return "conditional expression";
    case NamedExpr_kind: return "named expression";
    default: return "expression";
    }
}

expr_ty
_PyP_invalid_target(expr_ty e, int kind)
{
    if (e == NULL) {
        return NULL;
    }
    switch (e->kind) {
    case List_kind:
    case Tuple_kind: {
        asdl_expr_seq *elts = e->kind == List_kind ? e->v.List.elts : e->v.Tuple.elts;
        for (Py_ssize_t i = 0; i < asdl_seq_LEN(elts); i++) {
            expr_ty bad = _PyP_invalid_target(asdl_seq_GET(elts, i), kind);
            if (bad != NULL) {
                return bad;
            }
        }
        return NULL;
    }
    case Starred_kind:
        if (kind == 2) {
            return e;
        }
        return _PyP_invalid_target(e->v.Starred.value, kind);
    case Compare_kind:
        if (kind == 1) {
            if (asdl_seq_GET(e->v.Compare.ops, 0) == In) {
                return _PyP_invalid_target(e->v.Compare.left, kind);
            }
            return NULL;
        }
        return e;
    case Name_kind:
    case Subscript_kind:
    case Attribute_kind:
        return NULL;
    default:
        return e;
    }
}

static void
set_ctx(expr_ty e, expr_context_ty ctx)
{
    switch (e->kind) {
    case Name_kind: e->v.Name.ctx = ctx; break;
    case Attribute_kind: e->v.Attribute.ctx = ctx; break;
    case Subscript_kind: e->v.Subscript.ctx = ctx; break;
    case Starred_kind:
        e->v.Starred.ctx = ctx;
        set_ctx(e->v.Starred.value, ctx);
        break;
    case List_kind:
        e->v.List.ctx = ctx;
        for (Py_ssize_t i = 0; i < asdl_seq_LEN(e->v.List.elts); i++) {
            set_ctx(asdl_seq_GET(e->v.List.elts, i), ctx);
        }
        break;
    case Tuple_kind:
        e->v.Tuple.ctx = ctx;
        for (Py_ssize_t i = 0; i < asdl_seq_LEN(e->v.Tuple.elts); i++) {
            set_ctx(asdl_seq_GET(e->v.Tuple.elts, i), ctx);
        }
        break;
    default:
        break;
    }
}

int
_PyP_set_context(Parser *p, expr_ty e, expr_context_ty ctx, int kind)
{
    expr_ty bad = _PyP_invalid_target(e, kind);
    if (bad != NULL) {
        _PyP_syntax_error_node(p, bad, kind == 2 ? "cannot delete %s" : "cannot assign to %s",
                               _PyP_expr_name(bad));
        return 0;
    }
    set_ctx(e, ctx);
    return 1;
}

/* In brackets, an expression followed directly by another one. */
void *
_PyP_forgot_comma(Parser *p, expr_ty a)
{
    Token *t = _PyP_peek(p, 0);
    if (p->error || !_PyP_starts_expression(p) || t->level == 0) {
        return _PyP_invalid_syntax(p);
    }
    if ((t->type == T_STRING || t->type == T_FSTRING_START) && a->kind == Name_kind &&
        a->end_col_offset - a->col_offset == (int)strlen(a->v.Name.id)) {
        return _PyP_invalid_syntax(p);
    }
    int save = p->mark;
    expr_ty b = _PyP_expression(p);
    if (b == NULL) {
        p->error = 0;
        p->mark = save;
        return _PyP_invalid_syntax(p);
    }
    return _PyP_syntax_error_range(p, START(a), END(b), "invalid syntax. Perhaps you forgot a comma?");
}

/* After an element in a bracketed list: the next token must be ',' or the
 * closer; otherwise report the best error. */
static int
after_element(Parser *p, expr_ty elem, int close)
{
    Token *t = _PyP_peek(p, 0);
    if (t->type == T_COMMA || t->type == close) {
        return 1;
    }
    if (elem != NULL) {
        _PyP_forgot_comma(p, elem);
    }
    else {
        _PyP_invalid_syntax(p);
    }
    return 0;
}

/* ---------------------------------------------------------------- yield etc. */

expr_ty
_PyP_yield_expr(Parser *p)
{
    Token *kw = _PyP_next(p); /* 'yield' */
    if (_PyP_accept_kw(p, KW_from)) {
        expr_ty v = _PyP_expression(p);
        if (v == NULL) {
            return NULL;
        }
        return _PyAST_YieldFrom(v, kw->lineno, kw->col_offset, LASTEND(p), p->arena);
    }
    expr_ty v = NULL;
    if (_PyP_starts_expression(p) || _PyP_at(p, T_STAR)) {
        v = _PyP_star_expressions(p);
        if (v == NULL) {
            return NULL;
        }
    }
    return _PyAST_Yield(v, kw->lineno, kw->col_offset, LASTEND(p), p->arena);
}

expr_ty
_PyP_star_expression(Parser *p)
{
    return star_expression(p);
}

static expr_ty
star_expression(Parser *p)
{
    Token *star = _PyP_accept(p, T_STAR);
    if (star) {
        expr_ty v = _PyP_bitwise_or(p);
        if (v == NULL) {
            return NULL;
        }
        return _PyAST_Starred(v, Load, star->lineno, star->col_offset, LASTEND(p), p->arena);
    }
    return _PyP_expression(p);
}

/* Comma-separated list that becomes a Tuple when a comma is present.
 * named: elements are named expressions (star_named_expressions). */
static expr_ty
expr_list(Parser *p, int named)
{
    Token *st = _PyP_peek(p, 0);
    expr_ty first = named ? (_PyP_at(p, T_STAR) ? star_expression(p) : _PyP_named_expression(p))
                          : star_expression(p);
    if (first == NULL) {
        return NULL;
    }
    if (!_PyP_at(p, T_COMMA)) {
        return first;
    }
    seqbuf elts;
    _PyP_seq_init(&elts);
    if (!_PyP_seq_push(p, &elts, first)) {
        return NULL;
    }
    while (_PyP_accept(p, T_COMMA)) {
        if (!(_PyP_starts_expression(p) || _PyP_at(p, T_STAR))) {
            break;
        }
        expr_ty e = named ? (_PyP_at(p, T_STAR) ? star_expression(p) : _PyP_named_expression(p))
                          : star_expression(p);
        if (e == NULL || !_PyP_seq_push(p, &elts, e)) {
            return NULL;
        }
    }
    asdl_expr_seq *s = SEQ_FINISH(p, &elts, asdl_expr_seq);
    if (s == NULL) {
        return NULL;
    }
    (void)st;
    return _PyAST_Tuple(s, Load, st->lineno, st->col_offset, LASTEND(p), p->arena);
}

expr_ty
_PyP_star_expressions(Parser *p)
{
    return expr_list(p, 0);
}

expr_ty
_PyP_star_named_expressions_tuple(Parser *p)
{
    return expr_list(p, 1);
}

/* ---------------------------------------------------------------- targets */

expr_ty
_PyP_star_target(Parser *p)
{
    expr_ty e = star_target(p);
    if (e != NULL && !_PyP_set_context(p, e, Store, 1)) {
        return NULL;
    }
    return e;
}

static expr_ty
star_target(Parser *p)
{
    Token *star = _PyP_accept(p, T_STAR);
    if (star) {
        if (_PyP_at(p, T_STAR)) {
            return _PyP_invalid_syntax(p);
        }
        expr_ty v = _PyP_bitwise_or(p);
        if (v == NULL) {
            return NULL;
        }
        return _PyAST_Starred(v, Store, star->lineno, star->col_offset, LASTEND(p), p->arena);
    }
    return _PyP_bitwise_or(p);
}

expr_ty
_PyP_star_targets(Parser *p)
{
    Token *st = _PyP_peek(p, 0);
    expr_ty first = star_target(p);
    if (first == NULL) {
        return NULL;
    }
    expr_ty result = first;
    if (_PyP_at(p, T_COMMA)) {
        seqbuf elts;
        _PyP_seq_init(&elts);
        if (!_PyP_seq_push(p, &elts, first)) {
            return NULL;
        }
        while (_PyP_accept(p, T_COMMA)) {
            if (!(_PyP_starts_expression(p) || _PyP_at(p, T_STAR))) {
                break;
            }
            expr_ty e = star_target(p);
            if (e == NULL || !_PyP_seq_push(p, &elts, e)) {
                return NULL;
            }
        }
        asdl_expr_seq *s = SEQ_FINISH(p, &elts, asdl_expr_seq);
        if (s == NULL) {
            return NULL;
        }
        result = _PyAST_Tuple(s, Store, st->lineno, st->col_offset, LASTEND(p), p->arena);
        if (result == NULL) {
            return NOMEM(p);
        }
    }
    if (!_PyP_set_context(p, result, Store, 1)) {
        return NULL;
    }
    return result;
}

/* ---------------------------------------------------------------- precedence */

expr_ty
_PyP_named_expression(Parser *p)
{
    Token *t = _PyP_peek(p, 0);
    if (is_name(t) && _PyP_peek(p, 1)->type == T_COLONEQUAL) {
        _PyP_next(p);
        _PyP_next(p);
        expr_ty value = _PyP_expression(p);
        if (value == NULL) {
            return NULL;
        }
        expr_ty target = _PyAST_Name(_PyP_identifier(p, t), Store, t->lineno, t->col_offset,
                                     t->end_lineno, t->end_col_offset, p->arena);
        if (target == NULL) {
            return NOMEM(p);
        }
        return _PyAST_NamedExpr(target, value, t->lineno, t->col_offset, LASTEND(p), p->arena);
    }
    expr_ty e = _PyP_expression(p);
    if (e == NULL) {
        return NULL;
    }
    if (_PyP_at(p, T_COLONEQUAL)) {
        return _PyP_syntax_error_node(p, e, "cannot use assignment expressions with %s",
                                      _PyP_expr_name(e));
    }
    if (_PyP_at(p, T_EQUAL)) {
        /* `if x = 1:` and friends. */
        int save = p->mark;
        _PyP_next(p);
        expr_ty b = _PyP_bitwise_or(p);
        int tt = _PyP_peek(p, 0)->type;
        if (b != NULL && tt != T_EQUAL && tt != T_COLONEQUAL) {
            if (e->kind == Name_kind && e->end_col_offset - e->col_offset ==
                                            (int)strlen(e->v.Name.id)) {
                return _PyP_syntax_error_range(
                    p, START(e), END(b), "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
            }
            if (e->kind != List_kind && e->kind != Tuple_kind && e->kind != GeneratorExp_kind &&
                e->kind != Compare_kind && e->kind != BoolOp_kind && e->kind != IfExp_kind &&
                e->kind != Lambda_kind &&
                !(e->kind == UnaryOp_kind && e->v.UnaryOp.op == Not) &&
                !(e->kind == Constant_kind && (e->v.Constant.value.kind == CONST_NONE ||
                                               e->v.Constant.value.kind == CONST_TRUE ||
                                               e->v.Constant.value.kind == CONST_FALSE))) {
                return _PyP_syntax_error_node(
                    p, e, "cannot assign to %s here. Maybe you meant '==' instead of '='?",
                    _PyP_expr_name(e));
            }
        }
        p->error = 0;
        p->mark = save;
    }
    return e;
}

expr_ty
_PyP_expression(Parser *p)
{
    Token *st = _PyP_peek(p, 0);
    if (!_PyP_enter(p)) {
        return NULL;
    }
    expr_ty r;
    if (_PyP_at_kw(p, KW_lambda)) {
        r = lambdef(p);
        LEAVE(p);
        return r;
    }
    expr_ty body = _PyP_disjunction(p);
    if (body == NULL) {
        LEAVE(p);
        return NULL;
    }
    if (!_PyP_accept_kw(p, KW_if)) {
        LEAVE(p);
        return body;
    }
    expr_ty test = _PyP_disjunction(p);
    if (test == NULL) {
        LEAVE(p);
        return NULL;
    }
    if (!_PyP_accept_kw(p, KW_else)) {
        LEAVE(p);
        if (_PyP_at(p, T_COLON)) {
            return _PyP_invalid_syntax(p);
        }
        return _PyP_syntax_error_range(p, START(body), END(test), "expected 'else' after 'if' expression");
    }
    expr_ty orelse = _PyP_expression(p);
    LEAVE(p);
    if (orelse == NULL) {
        return NULL;
    }
    return _PyAST_IfExp(test, body, orelse, st->lineno, st->col_offset, LASTEND(p), p->arena);
}

static expr_ty
boolop(Parser *p, int kw, boolop_ty op, expr_ty (*sub)(Parser *))
{
    Token *st = _PyP_peek(p, 0);
    expr_ty first = sub(p);
    if (first == NULL || !_PyP_at_kw(p, kw)) {
        return first;
    }
    seqbuf vals;
    _PyP_seq_init(&vals);
    if (!_PyP_seq_push(p, &vals, first)) {
        return NULL;
    }
    while (_PyP_accept_kw(p, kw)) {
        expr_ty e = sub(p);
        if (e == NULL || !_PyP_seq_push(p, &vals, e)) {
            return NULL;
        }
    }
    asdl_expr_seq *s = SEQ_FINISH(p, &vals, asdl_expr_seq);
    if (s == NULL) {
        return NULL;
    }
    return _PyAST_BoolOp(op, s, st->lineno, st->col_offset, LASTEND(p), p->arena);
}

static expr_ty comparison(Parser *p);

static expr_ty
inversion(Parser *p)
{
    Token *t = _PyP_accept_kw(p, KW_not);
    if (t) {
        if (!_PyP_enter(p)) {
            return NULL;
        }
        expr_ty e = inversion(p);
        LEAVE(p);
        if (e == NULL) {
            return NULL;
        }
        return _PyAST_UnaryOp(Not, e, t->lineno, t->col_offset, LASTEND(p), p->arena);
    }
    return comparison(p);
}

static expr_ty
conjunction(Parser *p)
{
    return boolop(p, KW_and, And, inversion);
}

expr_ty
_PyP_disjunction(Parser *p)
{
    return boolop(p, KW_or, Or, conjunction);
}

/* The comparison operator at the next token, consumed: 1; none there: 0;
 * -1 with a SyntaxError for the "not equal" spelling the barry_as_FLUFL
 * future rejects ("!=" under it, "<>" without it). */
static int
comp_op(Parser *p, cmpop_ty *op)
{
    Token *t = _PyP_peek(p, 0);
    int n = 1;
    switch (t->type) {
    case T_EQEQUAL: *op = Eq; break;
    case T_NOTEQUAL: {
        int diamond = t->start[0] == '<';
        if (diamond != ((p->flags & PyPARSE_BARRY_AS_BDFL) != 0)) {
            if (diamond) {
                _PyP_syntax_error_tok(p, t, "invalid syntax");
            }
            else {
                _PyP_syntax_error_tok(p, t, "with Barry as BDFL, use '<>' instead of '!='");
            }
            return -1;
        }
        *op = NotEq;
        break;
    }
    case T_LESS: *op = Lt; break;
    case T_LESSEQUAL: *op = LtE; break;
    case T_GREATER: *op = Gt; break;
    case T_GREATEREQUAL: *op = GtE; break;
    case T_NAME:
        if (t->kw == KW_in) {
            *op = In;
        }
        else if (t->kw == KW_not && _PyP_peek(p, 1)->kw == KW_in &&
                 _PyP_peek(p, 1)->type == T_NAME) {
            *op = NotIn;
            n = 2;
        }
        else if (t->kw == KW_is) {
            if (_PyP_peek(p, 1)->type == T_NAME && _PyP_peek(p, 1)->kw == KW_not) {
                *op = IsNot;
                n = 2;
            }
            else {
                *op = Is;
            }
        }
        else {
            return 0;
        }
        break;
    default:
        return 0;
    }
    while (n-- > 0) {
        _PyP_next(p);
    }
    return 1;
}

static expr_ty
comparison(Parser *p)
{
    Token *st = _PyP_peek(p, 0);
    expr_ty left = _PyP_bitwise_or(p);
    if (left == NULL) {
        return NULL;
    }
    cmpop_ty op;
    int r = comp_op(p, &op);
    if (r < 0) {
        return NULL;
    }
    if (r == 0) {
        Token *t = _PyP_peek(p, 0);
        if (t->type == T_NAME && t->kw == KW_not) {
            /* `a not b`: only `not in` may follow an operand */
            return _PyP_syntax_error_tok(p, _PyP_peek(p, 1), "invalid syntax");
        }
        return left;
    }
    seqbuf ops, comps;
    _PyP_seq_init(&ops);
    _PyP_seq_init(&comps);
    do {
        expr_ty e = _PyP_bitwise_or(p);
        if (e == NULL || !_PyP_seq_push(p, &ops, (void *)(intptr_t)op) ||
            !_PyP_seq_push(p, &comps, e)) {
            return NULL;
        }
    } while ((r = comp_op(p, &op)) > 0);
    if (r < 0) {
        return NULL;
    }
    asdl_int_seq *is = _Py_asdl_int_seq_new(ops.n, p->arena);
    asdl_expr_seq *cs = SEQ_FINISH(p, &comps, asdl_expr_seq);
    if (is == NULL || cs == NULL) {
        return NOMEM(p);
    }
    for (Py_ssize_t i = 0; i < ops.n; i++) {
        is->typed_elements[i] = (int)(intptr_t)ops.items[i];
    }
    return _PyAST_Compare(left, is, cs, st->lineno, st->col_offset, LASTEND(p), p->arena);
}

/* Binary operator levels, loosest first. */
enum { L_OR, L_XOR, L_AND, L_SHIFT, L_SUM, L_TERM, L_FACTOR };

static int
binop_at(Parser *p, int level, operator_ty *op)
{
    int t = _PyP_peek(p, 0)->type;
    switch (level) {
    case L_OR: if (t == T_VBAR) { *op = BitOr; return 1; } return 0;
    case L_XOR: if (t == T_CIRCUMFLEX) { *op = BitXor; return 1; } return 0;
    case L_AND: if (t == T_AMPER) { *op = BitAnd; return 1; } return 0;
    case L_SHIFT:
        if (t == T_LEFTSHIFT) { *op = LShift; return 1; }
        if (t == T_RIGHTSHIFT) { *op = RShift; return 1; }
        return 0;
    case L_SUM:
        if (t == T_PLUS) { *op = Add; return 1; }
        if (t == T_MINUS) { *op = Sub; return 1; }
        return 0;
    case L_TERM:
        switch (t) {
        case T_STAR: *op = Mult; return 1;
        case T_SLASH: *op = Div; return 1;
        case T_DOUBLESLASH: *op = FloorDiv; return 1;
        case T_PERCENT: *op = Mod; return 1;
        case T_AT: *op = MatMult; return 1;
        default: return 0;
        }
    default:
        return 0;
    }
}

static expr_ty factor(Parser *p);

static expr_ty
binary(Parser *p, int level)
{
    Token *st = _PyP_peek(p, 0);
    expr_ty left = level == L_TERM ? factor(p) : binary(p, level + 1);
    if (left == NULL) {
        return NULL;
    }
    operator_ty op;
    while (binop_at(p, level, &op)) {
        _PyP_next(p);
        expr_ty right = level == L_TERM ? factor(p) : binary(p, level + 1);
        if (right == NULL) {
            return NULL;
        }
        left = _PyAST_BinOp(left, op, right, st->lineno, st->col_offset, LASTEND(p), p->arena);
        if (left == NULL) {
            return NOMEM(p);
        }
    }
    return left;
}

expr_ty
_PyP_bitwise_or(Parser *p)
{
    if (!_PyP_enter(p)) {
        return NULL;
    }
    expr_ty r = binary(p, L_OR);
    LEAVE(p);
    return r;
}

static expr_ty
power(Parser *p)
{
    Token *st = _PyP_peek(p, 0);
    Token *aw = _PyP_accept_kw(p, KW_await);
    expr_ty e = primary(p);
    if (e == NULL) {
        return NULL;
    }
    if (aw) {
        e = _PyAST_Await(e, aw->lineno, aw->col_offset, LASTEND(p), p->arena);
        if (e == NULL) {
            return NOMEM(p);
        }
    }
    if (_PyP_accept(p, T_DOUBLESTAR)) {
        expr_ty r = factor(p);
        if (r == NULL) {
            return NULL;
        }
        return _PyAST_BinOp(e, Pow, r, st->lineno, st->col_offset, LASTEND(p), p->arena);
    }
    return e;
}

static expr_ty
factor(Parser *p)
{
    Token *t = _PyP_peek(p, 0);
    unaryop_ty op;
    if (t->type == T_PLUS) {
        op = UAdd;
    }
    else if (t->type == T_MINUS) {
        op = USub;
    }
    else if (t->type == T_TILDE) {
        op = Invert;
    }
    else {
        return power(p);
    }
    _PyP_next(p);
    if (!_PyP_enter(p)) {
        return NULL;
    }
    expr_ty e = factor(p);
    LEAVE(p);
    if (e == NULL) {
        return NULL;
    }
    return _PyAST_UnaryOp(op, e, t->lineno, t->col_offset, LASTEND(p), p->arena);
}

/* ---------------------------------------------------------------- primary */

static expr_ty
slice_item(Parser *p)
{
    Token *t = _PyP_peek(p, 0);
    expr_ty lower = NULL, upper = NULL, step = NULL;
    if (t->type == T_STAR) {
        return star_expression(p);
    }
    if (t->type != T_COLON) {
        lower = _PyP_named_expression(p);
        if (lower == NULL) {
            return NULL;
        }
        if (!_PyP_at(p, T_COLON)) {
            return lower;
        }
        if (lower->kind == NamedExpr_kind && lower->col_offset == t->col_offset &&
            lower->lineno == t->lineno) {
            /* `a[x := 1:2]` is not valid */
            return _PyP_invalid_syntax(p);
        }
    }
    _PyP_next(p); /* ':' */
    int tt = _PyP_peek(p, 0)->type;
    if (tt != T_COLON && tt != T_COMMA && tt != T_RSQB) {
        upper = _PyP_expression(p);
        if (upper == NULL) {
            return NULL;
        }
    }
    if (_PyP_accept(p, T_COLON)) {
        tt = _PyP_peek(p, 0)->type;
        if (tt != T_COMMA && tt != T_RSQB) {
            step = _PyP_expression(p);
            if (step == NULL) {
                return NULL;
            }
        }
    }
    return _PyAST_Slice(lower, upper, step, t->lineno, t->col_offset, LASTEND(p), p->arena);
}

static expr_ty
slices(Parser *p)
{
    Token *st = _PyP_peek(p, 0);
    expr_ty first = slice_item(p);
    if (first == NULL) {
        return NULL;
    }
    if (!_PyP_at(p, T_COMMA)) {
        if (first->kind == Starred_kind) {
            /* a[*b] is a one-element tuple */
            asdl_expr_seq *s = _Py_asdl_expr_seq_new(1, p->arena);
            if (s == NULL) {
                return NOMEM(p);
            }
            asdl_seq_SET(s, 0, first);
            return _PyAST_Tuple(s, Load, st->lineno, st->col_offset, LASTEND(p), p->arena);
        }
        if (!after_element(p, first, T_RSQB)) {
            return NULL;
        }
        return first;
    }
    seqbuf elts;
    _PyP_seq_init(&elts);
    if (!_PyP_seq_push(p, &elts, first)) {
        return NULL;
    }
    while (_PyP_accept(p, T_COMMA)) {
        if (_PyP_at(p, T_RSQB)) {
            break;
        }
        expr_ty e = slice_item(p);
        if (e == NULL || !_PyP_seq_push(p, &elts, e)) {
            return NULL;
        }
        if (!after_element(p, e, T_RSQB)) {
            return NULL;
        }
    }
    asdl_expr_seq *s = SEQ_FINISH(p, &elts, asdl_expr_seq);
    if (s == NULL) {
        return NULL;
    }
    return _PyAST_Tuple(s, Load, st->lineno, st->col_offset, LASTEND(p), p->arena);
}

/* A positional call argument: the `=` checks of named_expression do not
 * apply here (f(a.b=1) has its own message). */
static expr_ty
genexp_or_arg(Parser *p)
{
    if (is_name(_PyP_peek(p, 0)) && _PyP_peek(p, 1)->type == T_COLONEQUAL) {
        return _PyP_named_expression(p);
    }
    return _PyP_expression(p);
}

int
_PyP_call_arguments(Parser *p, asdl_expr_seq **pargs, asdl_keyword_seq **pkws, int close)
{
    seqbuf args, kws;
    _PyP_seq_init(&args);
    _PyP_seq_init(&kws);
    int seen_kw = 0, seen_kwunpack = 0;
    Token *open = _PyP_last(p);
    while (!_PyP_at(p, close)) {
        Token *t = _PyP_peek(p, 0);
        if (t->type == T_DOUBLESTAR) {
            _PyP_next(p);
            expr_ty v = _PyP_expression(p);
            if (v == NULL) {
                return 0;
            }
            keyword_ty k = _PyAST_keyword(NULL, v, t->lineno, t->col_offset, LASTEND(p), p->arena);
            if (k == NULL || !_PyP_seq_push(p, &kws, k)) {
                return 0;
            }
            seen_kwunpack = 1;
            if (!after_element(p, v, close)) {
                return 0;
            }
        }
        else if (t->type == T_STAR) {
            _PyP_next(p);
            expr_ty v = _PyP_expression(p);
            if (v == NULL) {
                return 0;
            }
            expr_ty s = _PyAST_Starred(v, Load, t->lineno, t->col_offset, LASTEND(p), p->arena);
            if (s == NULL) {
                NOMEM(p);
                return 0;
            }
            if (seen_kwunpack) {
                _PyP_syntax_error_node(p, s, "iterable argument unpacking follows keyword argument unpacking");
                return 0;
            }
            if (!_PyP_seq_push(p, &args, s) || !after_element(p, v, close)) {
                return 0;
            }
        }
        else if (is_name(t) && _PyP_peek(p, 1)->type == T_EQUAL) {
            _PyP_next(p);
            _PyP_next(p);
            expr_ty v = _PyP_expression(p);
            if (v == NULL) {
                return 0;
            }
            keyword_ty k = _PyAST_keyword(_PyP_identifier(p, t), v, t->lineno, t->col_offset,
                                          LASTEND(p), p->arena);
            if (k == NULL || !_PyP_seq_push(p, &kws, k)) {
                return 0;
            }
            seen_kw = 1;
            if (!after_element(p, v, close)) {
                return 0;
            }
        }
        else {
            if (t->type == T_NAME && (t->kw == KW_True || t->kw == KW_False || t->kw == KW_None) &&
                _PyP_peek(p, 1)->type == T_EQUAL) {
                _PyP_syntax_error_range(p, t->lineno, t->col_offset, _PyP_peek(p, 1)->end_lineno,
                                        _PyP_peek(p, 1)->end_col_offset, "cannot assign to %.*s",
                                        (int)(t->end - t->start), t->start);
                return 0;
            }
            expr_ty e = genexp_or_arg(p);
            if (e == NULL) {
                return 0;
            }
            if (_PyP_at_kw(p, KW_for) || _PyP_at_kw(p, KW_async)) {
                asdl_comprehension_seq *gens = comprehension_clauses(p);
                if (gens == NULL) {
                    return 0;
                }
                int only = args.n == 0 && kws.n == 0 && _PyP_at(p, close);
                if (!only) {
                    int has_more = _PyP_at(p, T_COMMA) && _PyP_peek(p, 1)->type != close;
                    if (args.n != 0 || kws.n != 0 || has_more) {
                        _PyP_syntax_error_range(p, START(e), LASTEND(p),
                                                "Generator expression must be parenthesized");
                        return 0;
                    }
                }
                Token *cl = _PyP_peek(p, 0);
                int el = cl->end_lineno, ec = cl->end_col_offset;
                if (cl->type == T_COMMA) {
                    el = _PyP_peek(p, 1)->end_lineno;
                    ec = _PyP_peek(p, 1)->end_col_offset;
                }
                e = _PyAST_GeneratorExp(e, gens, open->lineno, open->col_offset, el, ec, p->arena);
                if (e == NULL) {
                    NOMEM(p);
                    return 0;
                }
            }
            else if (_PyP_at(p, T_EQUAL)) {
                Token *eq = _PyP_peek(p, 0);
                _PyP_syntax_error_range(p, START(e), eq->end_lineno, eq->end_col_offset,
                                        "expression cannot contain assignment, perhaps you meant \"==\"?");
                return 0;
            }
            if (seen_kwunpack) {
                _PyP_syntax_error_tok(p, _PyP_peek(p, 0),
                                      "positional argument follows keyword argument unpacking");
                return 0;
            }
            if (seen_kw) {
                _PyP_syntax_error_tok(p, _PyP_peek(p, 0), "positional argument follows keyword argument");
                return 0;
            }
            if (!_PyP_seq_push(p, &args, e) || !after_element(p, e, close)) {
                return 0;
            }
        }
        if (!_PyP_accept(p, T_COMMA)) {
            break;
        }
    }
    *pargs = SEQ_FINISH(p, &args, asdl_expr_seq);
    *pkws = SEQ_FINISH(p, &kws, asdl_keyword_seq);
    return *pargs != NULL && *pkws != NULL;
}

static expr_ty
primary(Parser *p)
{
    Token *st = _PyP_peek(p, 0);
    expr_ty e = atom(p);
    if (e == NULL) {
        return NULL;
    }
    int depth = 0;
    for (;;) {
        Token *t = _PyP_peek(p, 0);
        if (t->type == T_DOT) {
            _PyP_next(p);
            Token *n = _PyP_peek(p, 0);
            if (!is_name(n)) {
                return _PyP_invalid_syntax(p);
            }
            _PyP_next(p);
            e = _PyAST_Attribute(e, _PyP_identifier(p, n), Load, st->lineno, st->col_offset, n->end_lineno,
                                 n->end_col_offset, p->arena);
        }
        else if (t->type == T_LPAR) {
            _PyP_next(p);
            if (!_PyP_enter(p)) {
                return NULL;
            }
            depth++;
            asdl_expr_seq *args;
            asdl_keyword_seq *kws;
            if (!_PyP_call_arguments(p, &args, &kws, T_RPAR)) {
                p->depth -= depth;
                return NULL;
            }
            Token *c = _PyP_accept(p, T_RPAR);
            if (c == NULL) {
                p->depth -= depth;
                return _PyP_invalid_syntax(p);
            }
            e = _PyAST_Call(e, args, kws, st->lineno, st->col_offset, c->end_lineno, c->end_col_offset, p->arena);
        }
        else if (t->type == T_LSQB) {
            _PyP_next(p);
            if (!_PyP_enter(p)) {
                return NULL;
            }
            depth++;
            expr_ty s = slices(p);
            if (s == NULL) {
                p->depth -= depth;
                return NULL;
            }
            Token *c = _PyP_accept(p, T_RSQB);
            if (c == NULL) {
                p->depth -= depth;
                return _PyP_invalid_syntax(p);
            }
            e = _PyAST_Subscript(e, s, Load, st->lineno, st->col_offset, c->end_lineno, c->end_col_offset, p->arena);
        }
        else {
            break;
        }
        if (e == NULL) {
            p->depth -= depth;
            return NOMEM(p);
        }
    }
    p->depth -= depth;
    return e;
}

/* ---------------------------------------------------------------- comprehensions */

static asdl_comprehension_seq *
comprehension_clauses(Parser *p)
{
    seqbuf gens;
    _PyP_seq_init(&gens);
    for (;;) {
        int is_async = 0;
        if (_PyP_at_kw(p, KW_async) && _PyP_peek(p, 1)->type == T_NAME &&
            _PyP_peek(p, 1)->kw == KW_for) {
            _PyP_next(p);
            is_async = 1;
        }
        if (!_PyP_accept_kw(p, KW_for)) {
            break;
        }
        expr_ty target = _PyP_star_targets(p);
        if (target == NULL) {
            return NULL;
        }
        if (!_PyP_accept_kw(p, KW_in)) {
            return _PyP_invalid_syntax(p);
        }
        expr_ty iter = _PyP_disjunction(p);
        if (iter == NULL) {
            return NULL;
        }
        seqbuf ifs;
        _PyP_seq_init(&ifs);
        while (_PyP_accept_kw(p, KW_if)) {
            expr_ty c = _PyP_disjunction(p);
            if (c == NULL || !_PyP_seq_push(p, &ifs, c)) {
                return NULL;
            }
        }
        asdl_expr_seq *is = SEQ_FINISH(p, &ifs, asdl_expr_seq);
        if (is == NULL) {
            return NULL;
        }
        comprehension_ty c = _PyAST_comprehension(target, iter, is, is_async, p->arena);
        if (c == NULL || !_PyP_seq_push(p, &gens, c)) {
            return NULL;
        }
    }
    return SEQ_FINISH(p, &gens, asdl_comprehension_seq);
}

static int
at_comp_for(Parser *p)
{
    return _PyP_at_kw(p, KW_for) ||
           (_PyP_at_kw(p, KW_async) && _PyP_peek(p, 1)->type == T_NAME &&
            _PyP_peek(p, 1)->kw == KW_for);
}

/* ---------------------------------------------------------------- atoms */

static expr_ty
paren_atom(Parser *p, Token *open)
{
    Token *c;
    if ((c = _PyP_accept(p, T_RPAR)) != NULL) {
        return _PyAST_Tuple(NULL, Load, open->lineno, open->col_offset, c->end_lineno,
                            c->end_col_offset, p->arena);
    }
    if (_PyP_at_kw(p, KW_yield)) {
        expr_ty y = _PyP_yield_expr(p);
        if (y == NULL) {
            return NULL;
        }
        if (!_PyP_accept(p, T_RPAR)) {
            return _PyP_invalid_syntax(p);
        }
        return y;
    }
    expr_ty first = _PyP_at(p, T_STAR) ? star_expression(p) : _PyP_named_expression(p);
    if (first == NULL) {
        return NULL;
    }
    if (at_comp_for(p)) {
        if (first->kind == Starred_kind) {
            return _PyP_syntax_error_node(p, first, "iterable unpacking cannot be used in comprehension");
        }
        asdl_comprehension_seq *gens = comprehension_clauses(p);
        if (gens == NULL) {
            return NULL;
        }
        if ((c = _PyP_accept(p, T_RPAR)) == NULL) {
            if (_PyP_at(p, T_COMMA)) {
                return _PyP_invalid_syntax(p);
            }
            return _PyP_invalid_syntax(p);
        }
        return _PyAST_GeneratorExp(first, gens, open->lineno, open->col_offset, c->end_lineno,
                                   c->end_col_offset, p->arena);
    }
    if ((c = _PyP_accept(p, T_RPAR)) != NULL) {
        if (first->kind == Starred_kind) {
            return _PyP_syntax_error_node(p, first, "cannot use starred expression here");
        }
        return first;
    }
    if (!_PyP_at(p, T_COMMA)) {
        after_element(p, first, T_RPAR);
        return NULL;
    }
    seqbuf elts;
    _PyP_seq_init(&elts);
    if (!_PyP_seq_push(p, &elts, first)) {
        return NULL;
    }
    while (_PyP_accept(p, T_COMMA)) {
        if (_PyP_at(p, T_RPAR)) {
            break;
        }
        expr_ty e = _PyP_at(p, T_STAR) ? star_expression(p) : _PyP_named_expression(p);
        if (e == NULL || !_PyP_seq_push(p, &elts, e) || !after_element(p, e, T_RPAR)) {
            return NULL;
        }
    }
    if ((c = _PyP_accept(p, T_RPAR)) == NULL) {
        return _PyP_invalid_syntax(p);
    }
    asdl_expr_seq *s = SEQ_FINISH(p, &elts, asdl_expr_seq);
    if (s == NULL) {
        return NULL;
    }
    return _PyAST_Tuple(s, Load, open->lineno, open->col_offset, c->end_lineno, c->end_col_offset,
                        p->arena);
}

static expr_ty
list_atom(Parser *p, Token *open)
{
    Token *c;
    seqbuf elts;
    _PyP_seq_init(&elts);
    if ((c = _PyP_accept(p, T_RSQB)) != NULL) {
        return _PyAST_List(NULL, Load, open->lineno, open->col_offset, c->end_lineno,
                           c->end_col_offset, p->arena);
    }
    expr_ty first = _PyP_at(p, T_STAR) ? star_expression(p) : _PyP_named_expression(p);
    if (first == NULL) {
        return NULL;
    }
    if (at_comp_for(p)) {
        if (first->kind == Starred_kind) {
            return _PyP_syntax_error_node(p, first, "iterable unpacking cannot be used in comprehension");
        }
        asdl_comprehension_seq *gens = comprehension_clauses(p);
        if (gens == NULL) {
            return NULL;
        }
        if ((c = _PyP_accept(p, T_RSQB)) == NULL) {
            return _PyP_invalid_syntax(p);
        }
        return _PyAST_ListComp(first, gens, open->lineno, open->col_offset, c->end_lineno,
                               c->end_col_offset, p->arena);
    }
    if (!_PyP_seq_push(p, &elts, first) || !after_element(p, first, T_RSQB)) {
        return NULL;
    }
    while (_PyP_accept(p, T_COMMA)) {
        if (_PyP_at(p, T_RSQB)) {
            break;
        }
        expr_ty e = _PyP_at(p, T_STAR) ? star_expression(p) : _PyP_named_expression(p);
        if (e == NULL || !_PyP_seq_push(p, &elts, e) || !after_element(p, e, T_RSQB)) {
            return NULL;
        }
    }
    if ((c = _PyP_accept(p, T_RSQB)) == NULL) {
        return _PyP_invalid_syntax(p);
    }
    asdl_expr_seq *s = SEQ_FINISH(p, &elts, asdl_expr_seq);
    if (s == NULL) {
        return NULL;
    }
    return _PyAST_List(s, Load, open->lineno, open->col_offset, c->end_lineno, c->end_col_offset,
                       p->arena);
}

static expr_ty
brace_atom(Parser *p, Token *open)
{
    Token *c;
    if ((c = _PyP_accept(p, T_RBRACE)) != NULL) {
        return _PyAST_Dict(NULL, NULL, open->lineno, open->col_offset, c->end_lineno,
                           c->end_col_offset, p->arena);
    }
    seqbuf keys, vals;
    _PyP_seq_init(&keys);
    _PyP_seq_init(&vals);
    int is_dict;
    expr_ty k = NULL, v;
    if (_PyP_accept(p, T_DOUBLESTAR)) {
        is_dict = 1;
        v = _PyP_bitwise_or(p);
        if (v == NULL) {
            return NULL;
        }
    }
    else {
        k = _PyP_at(p, T_STAR) ? star_expression(p) : _PyP_named_expression(p);
        if (k == NULL) {
            return NULL;
        }
        is_dict = _PyP_at(p, T_COLON);
        if (is_dict) {
            if (k->kind == Starred_kind) {
                return _PyP_invalid_syntax(p);
            }
            Token *colon = _PyP_next(p);
            if (_PyP_at(p, T_RBRACE) || _PyP_at(p, T_COMMA)) {
                return _PyP_syntax_error_tok(p, colon,
                                             "expression expected after dictionary key and ':'");
            }
            v = _PyP_expression(p);
            if (v == NULL) {
                return NULL;
            }
        }
        else {
            v = k;
        }
    }
    if (at_comp_for(p)) {
        if (is_dict && k == NULL) {
            return _PyP_syntax_error_node(p, v, "dict unpacking cannot be used in dict comprehension");
        }
        if (!is_dict && v->kind == Starred_kind) {
            return _PyP_syntax_error_node(p, v, "iterable unpacking cannot be used in comprehension");
        }
        asdl_comprehension_seq *gens = comprehension_clauses(p);
        if (gens == NULL) {
            return NULL;
        }
        if ((c = _PyP_accept(p, T_RBRACE)) == NULL) {
            return _PyP_invalid_syntax(p);
        }
        if (is_dict) {
            return _PyAST_DictComp(k, v, gens, open->lineno, open->col_offset, c->end_lineno,
                                   c->end_col_offset, p->arena);
        }
        return _PyAST_SetComp(v, gens, open->lineno, open->col_offset, c->end_lineno,
                              c->end_col_offset, p->arena);
    }
    for (;;) {
        if (is_dict && !_PyP_seq_push(p, &keys, k)) {
            return NULL;
        }
        if (!_PyP_seq_push(p, &vals, v) || !after_element(p, v, T_RBRACE)) {
            return NULL;
        }
        if (!_PyP_accept(p, T_COMMA) || _PyP_at(p, T_RBRACE)) {
            break;
        }
        if (is_dict) {
            if (_PyP_accept(p, T_DOUBLESTAR)) {
                k = NULL;
                v = _PyP_bitwise_or(p);
                if (v == NULL) {
                    return NULL;
                }
            }
            else {
                k = _PyP_expression(p);
                if (k == NULL) {
                    return NULL;
                }
                if (!_PyP_at(p, T_COLON)) {
                    if (_PyP_at(p, T_COMMA) || _PyP_at(p, T_RBRACE)) {
                        Token *t = _PyP_peek(p, 0);
                        return _PyP_syntax_error_range(p, START(k), t->lineno, t->col_offset,
                                                       "':' expected after dictionary key");
                    }
                    return _PyP_invalid_syntax(p);
                }
                Token *colon = _PyP_next(p);
                if (_PyP_at(p, T_RBRACE) || _PyP_at(p, T_COMMA)) {
                    return _PyP_syntax_error_tok(p, colon,
                                                 "expression expected after dictionary key and ':'");
                }
                v = _PyP_expression(p);
                if (v == NULL) {
                    return NULL;
                }
            }
        }
        else {
            v = _PyP_at(p, T_STAR) ? star_expression(p) : _PyP_named_expression(p);
            if (v == NULL) {
                return NULL;
            }
        }
    }
    if ((c = _PyP_accept(p, T_RBRACE)) == NULL) {
        return _PyP_invalid_syntax(p);
    }
    asdl_expr_seq *vs = SEQ_FINISH(p, &vals, asdl_expr_seq);
    if (vs == NULL) {
        return NULL;
    }
    if (is_dict) {
        asdl_expr_seq *ks = SEQ_FINISH(p, &keys, asdl_expr_seq);
        if (ks == NULL) {
            return NULL;
        }
        return _PyAST_Dict(ks, vs, open->lineno, open->col_offset, c->end_lineno, c->end_col_offset,
                           p->arena);
    }
    return _PyAST_Set(vs, open->lineno, open->col_offset, c->end_lineno, c->end_col_offset,
                      p->arena);
}

static expr_ty
constant_node(Parser *p, Token *t, constant_kind k)
{
    constant c = {k, 0, NULL, 0};
    return _PyAST_Constant(c, NULL, t->lineno, t->col_offset, t->end_lineno, t->end_col_offset,
                           p->arena);
}

static expr_ty
atom(Parser *p)
{
    Token *t = _PyP_peek(p, 0);
    expr_ty r;
    switch (t->type) {
    case T_NAME:
        switch (t->kw) {
        case 0:
            _PyP_next(p);
            r = _PyAST_Name(_PyP_identifier(p, t), Load, t->lineno, t->col_offset, t->end_lineno,
                            t->end_col_offset, p->arena);
            break;
        case KW_None:
            _PyP_next(p);
            r = constant_node(p, t, CONST_NONE);
            break;
        case KW_True:
            _PyP_next(p);
            r = constant_node(p, t, CONST_TRUE);
            break;
        case KW_False:
            _PyP_next(p);
            r = constant_node(p, t, CONST_FALSE);
            break;
        default:
            return _PyP_invalid_syntax(p);
        }
        break;
    case T_ELLIPSIS:
        _PyP_next(p);
        r = constant_node(p, t, CONST_ELLIPSIS);
        break;
    case T_NUMBER:
        _PyP_next(p);
        return _PyP_number(p, t);
    case T_STRING:
    case T_FSTRING_START:
        return _PyP_strings(p);
    case T_LPAR:
    case T_LSQB:
    case T_LBRACE:
        _PyP_next(p);
        if (!_PyP_enter(p)) {
            return NULL;
        }
        r = t->type == T_LPAR ? paren_atom(p, t) : t->type == T_LSQB ? list_atom(p, t)
                                                                     : brace_atom(p, t);
        LEAVE(p);
        return r;
    default:
        return _PyP_invalid_syntax(p);
    }
    if (r == NULL) {
        return NOMEM(p);
    }
    return r;
}

/* ---------------------------------------------------------------- parameters */

static expr_ty
lambdef(Parser *p)
{
    Token *kw = _PyP_next(p);
    arguments_ty args = _PyP_parameters(p, 1, T_COLON);
    if (args == NULL) {
        return NULL;
    }
    if (!_PyP_accept(p, T_COLON)) {
        return _PyP_invalid_syntax(p);
    }
    expr_ty body = _PyP_expression(p);
    if (body == NULL) {
        return NULL;
    }
    return _PyAST_Lambda(args, body, kw->lineno, kw->col_offset, LASTEND(p), p->arena);
}

static arg_ty
param(Parser *p, int lambda, int allow_star_annotation)
{
    Token *n = _PyP_peek(p, 0);
    if (!is_name(n)) {
        return _PyP_invalid_syntax(p);
    }
    _PyP_next(p);
    expr_ty ann = NULL;
    if (!lambda && _PyP_accept(p, T_COLON)) {
        if (allow_star_annotation && _PyP_at(p, T_STAR)) {
            ann = star_expression(p);
        }
        else {
            ann = _PyP_expression(p);
        }
        if (ann == NULL) {
            return NULL;
        }
    }
    arg_ty a = _PyAST_arg(_PyP_identifier(p, n), ann, NULL, n->lineno, n->col_offset, LASTEND(p),
                          p->arena);
    if (a == NULL) {
        return NOMEM(p);
    }
    return a;
}

arguments_ty
_PyP_parameters(Parser *p, int lambda, int close)
{
    seqbuf posonly, args, defaults, kwonly, kwdefaults;
    _PyP_seq_init(&posonly);
    _PyP_seq_init(&args);
    _PyP_seq_init(&defaults);
    _PyP_seq_init(&kwonly);
    _PyP_seq_init(&kwdefaults);
    arg_ty vararg = NULL, kwarg = NULL;
    int seen_star = 0, seen_slash = 0;
    Token *star_tok = NULL;
    while (!_PyP_at(p, close)) {
        Token *t = _PyP_peek(p, 0);
        if (kwarg != NULL) {
            if (t->type == T_NAME || t->type == T_STAR || t->type == T_DOUBLESTAR ||
                t->type == T_SLASH) {
                return _PyP_syntax_error_tok(p, t, "arguments cannot follow var-keyword argument");
            }
            return _PyP_invalid_syntax(p);
        }
        if (t->type == T_SLASH) {
            if (seen_slash) {
                return _PyP_syntax_error_tok(p, t, "/ may appear only once");
            }
            if (seen_star) {
                return _PyP_syntax_error_tok(p, t, "/ must be ahead of *");
            }
            if (args.n == 0) {
                return _PyP_syntax_error_tok(p, t, "at least one argument must precede /");
            }
            _PyP_next(p);
            seen_slash = 1;
            for (Py_ssize_t i = 0; i < args.n; i++) {
                if (!_PyP_seq_push(p, &posonly, args.items[i])) {
                    return NULL;
                }
            }
            args.n = 0;
        }
        else if (t->type == T_STAR) {
            if (seen_star) {
                return _PyP_syntax_error_tok(p, t, "* argument may appear only once");
            }
            _PyP_next(p);
            seen_star = 1;
            star_tok = t;
            if (is_name(_PyP_peek(p, 0))) {
                vararg = param(p, lambda, 1);
                if (vararg == NULL) {
                    return NULL;
                }
                if (_PyP_at(p, T_EQUAL)) {
                    return _PyP_syntax_error_tok(p, _PyP_peek(p, 0),
                                                 "var-positional argument cannot have default value");
                }
            }
            else {
                Token *n = _PyP_peek(p, 0);
                if (n->type == T_COMMA && _PyP_peek(p, 1)->type == T_DOUBLESTAR) {
                    return _PyP_syntax_error_tok(p, t, "named arguments must follow bare *");
                }
                if (n->type == close || (n->type == T_COMMA && _PyP_peek(p, 1)->type == close)) {
                    return _PyP_syntax_error_tok(p, t, "named arguments must follow bare *");
                }
                if (n->type != T_COMMA) {
                    return _PyP_invalid_syntax(p);
                }
            }
        }
        else if (t->type == T_DOUBLESTAR) {
            _PyP_next(p);
            kwarg = param(p, lambda, 0);
            if (kwarg == NULL) {
                return NULL;
            }
            if (_PyP_at(p, T_EQUAL)) {
                return _PyP_syntax_error_tok(p, _PyP_peek(p, 0),
                                             "var-keyword argument cannot have default value");
            }
        }
        else {
            arg_ty a = param(p, lambda, 0);
            if (a == NULL) {
                return NULL;
            }
            expr_ty def = NULL;
            if (_PyP_accept(p, T_EQUAL)) {
                def = _PyP_expression(p);
                if (def == NULL) {
                    return NULL;
                }
            }
            if (seen_star) {
                if (!_PyP_seq_push(p, &kwonly, a) || !_PyP_seq_push(p, &kwdefaults, def)) {
                    return NULL;
                }
            }
            else {
                if (def == NULL && defaults.n > 0) {
                    return _PyP_syntax_error_range(p, a->lineno, a->col_offset, a->end_lineno,
                                                   a->end_col_offset,
                                                   "parameter without a default follows parameter with a default");
                }
                if (!_PyP_seq_push(p, &args, a) || (def && !_PyP_seq_push(p, &defaults, def))) {
                    return NULL;
                }
            }
        }
        if (!_PyP_accept(p, T_COMMA)) {
            break;
        }
    }
    if (seen_star && vararg == NULL && kwonly.n == 0 && star_tok != NULL) {
        return _PyP_syntax_error_tok(p, star_tok, "named arguments must follow bare *");
    }
    if (!_PyP_at(p, close)) {
        Token *t = _PyP_peek(p, 0);
        if (close == T_COLON && t->type == T_LPAR) {
            return _PyP_invalid_syntax(p);
        }
        return _PyP_invalid_syntax(p);
    }
    asdl_arg_seq *po = SEQ_FINISH(p, &posonly, asdl_arg_seq);
    asdl_arg_seq *as = SEQ_FINISH(p, &args, asdl_arg_seq);
    asdl_arg_seq *ko = SEQ_FINISH(p, &kwonly, asdl_arg_seq);
    asdl_expr_seq *kd = SEQ_FINISH(p, &kwdefaults, asdl_expr_seq);
    asdl_expr_seq *d = SEQ_FINISH(p, &defaults, asdl_expr_seq);
    if (!po || !as || !ko || !kd || !d) {
        return NULL;
    }
    arguments_ty r = _PyAST_arguments(po, as, vararg, ko, kd, kwarg, d, p->arena);
    if (r == NULL) {
        return NOMEM(p);
    }
    return r;
}
