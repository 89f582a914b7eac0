/* parser_match.c: the `match` statement (PEP 634) and its patterns.
 *
 * `match` and `case` are soft keywords: a line starting with the name
 * `match` is a match statement only when it cannot be an ordinary statement
 * (see _PyP_at_match_stmt).  Patterns are parsed into the `pattern` nodes of
 * pycore_ast.h; the checks that need the whole pattern (irrefutable cases,
 * repeated names, alternatives binding different names) are done by the
 * compiler, as in CPython. */
#include <string.h>
#include "parser_impl.h"

#define NOMEM(p) _PyP_error_at((p), "MemoryError", 0, 0, 0, 0, "out of memory")
#define LASTEND(p) _PyP_last(p)->end_lineno, _PyP_last(p)->end_col_offset

static pattern_ty pattern(Parser *p);

/* Is token t the (non-keyword) name `s`? */
static int
tok_is(Token *t, const char *s)
{
    size_t n = strlen(s);
    return t->type == T_NAME && t->kw == 0 && (size_t)(t->end - t->start) == n &&
           memcmp(t->start, s, n) == 0;
}

/* The next token is the name `match`: decide whether a match statement
 * starts here.  After `match`, a name, literal, `{`, `~`, `lambda` or
 * `await` can never continue an expression statement, so those always mean
 * a match statement (giving "expected ':'" when the colon is missing).  A
 * `(`, `[`, `-`, `+` or `*` may also be a call, subscript or operator, so
 * then the line decides: an ordinary statement never ends with a colon at
 * bracket level 0, a match header always does. */
int
_PyP_at_match_stmt(Parser *p)
{
    Token *t = _PyP_peek(p, 0);
    if (!tok_is(t, "match") || t->level != 0) {
        return 0;
    }
    Token *n = _PyP_peek(p, 1);
    switch (n->type) {
    case T_NAME:
        switch (n->kw) {
        case 0: case KW_None: case KW_True: case KW_False: case KW_lambda: case KW_await:
            return 1;
        case KW_not:
            /* `match not in x` is a comparison; `match not x:` a match. */
            break;
        default:
            return 0;
        }
        break;
    case T_NUMBER: case T_STRING: case T_FSTRING_START: case T_LBRACE: case T_TILDE:
    case T_ELLIPSIS:
        return 1;
    case T_LPAR: case T_LSQB: case T_MINUS: case T_PLUS: case T_STAR:
        break;
    default:
        return 0;
    }
    int prev_colon = 0;
    for (int k = 1;; k++) {
        Token *x = _PyP_peek(p, k);
        if (x->type == T_ENDMARKER || x->type == T_ERRORTOKEN) {
            return 0;
        }
        if (x->type == T_NEWLINE) {
            return prev_colon;
        }
        prev_colon = x->type == T_COLON && x->level == 0;
    }
}

/* The ':' ending a match or case header: "expected ':'" only when the line
 * ends there, as in CPython; anything else is plain invalid syntax. */
static Token *
header_colon(Parser *p)
{
    if (_PyP_at(p, T_COLON) || _PyP_at(p, T_NEWLINE)) {
        return _PyP_expect(p, T_COLON);
    }
    return _PyP_invalid_syntax(p);
}

/* ---------------------------------------------------------------- literals */

/* signed_number ['+'|'-' imaginary]: the literal used by value patterns and
 * mapping keys.  The next token is a NUMBER or '-'. */
static expr_ty
number_literal(Parser *p)
{
    Token *st = _PyP_peek(p, 0);
    Token *minus = _PyP_accept(p, T_MINUS);
    Token *nt = _PyP_peek(p, 0);
    if (nt->type != T_NUMBER) {
        return _PyP_invalid_syntax(p);
    }
    _PyP_next(p);
    expr_ty e = _PyP_number(p, nt);
    if (e == NULL) {
        return NULL;
    }
    if (minus) {
        e = _PyAST_UnaryOp(USub, e, st->lineno, st->col_offset, nt->end_lineno,
                           nt->end_col_offset, p->arena);
        if (e == NULL) {
            return NOMEM(p);
        }
    }
    Token *op = _PyP_peek(p, 0);
    if (op->type != T_PLUS && op->type != T_MINUS) {
        return e;
    }
    expr_ty real = minus ? e->v.UnaryOp.operand : e;
    if (real->v.Constant.value.kind == CONST_IMAG) {
        return _PyP_syntax_error_node(p, real, "real number required in complex literal");
    }
    _PyP_next(p);
    Token *it = _PyP_peek(p, 0);
    if (it->type != T_NUMBER) {
        return _PyP_invalid_syntax(p);
    }
    _PyP_next(p);
    expr_ty imag = _PyP_number(p, it);
    if (imag == NULL) {
        return NULL;
    }
    if (imag->v.Constant.value.kind != CONST_IMAG) {
        return _PyP_syntax_error_node(p, imag, "imaginary number required in complex literal");
    }
    e = _PyAST_BinOp(e, op->type == T_PLUS ? Add : Sub, imag, st->lineno, st->col_offset,
                     it->end_lineno, it->end_col_offset, p->arena);
    return e ? e : NOMEM(p);
}

/* Strings in a pattern: f-strings are not literals. */
static expr_ty
string_literal(Parser *p)
{
    expr_ty e = _PyP_strings(p);
    if (e != NULL && e->kind == JoinedStr_kind) {
        return _PyP_syntax_error_node(p, e, "patterns may only match literals and attribute lookups");
    }
    return e;
}

/* NAME ('.' NAME)*: a Name or an Attribute chain, all Load. */
static expr_ty
name_or_attr(Parser *p)
{
    Token *t = _PyP_next(p);
    expr_ty e = _PyAST_Name(_PyP_identifier(p, t), Load, t->lineno, t->col_offset,
                            t->end_lineno, t->end_col_offset, p->arena);
    if (e == NULL) {
        return NOMEM(p);
    }
    while (_PyP_accept(p, T_DOT)) {
        Token *a = _PyP_peek(p, 0);
        if (a->type != T_NAME || a->kw != 0) {
            return _PyP_invalid_syntax(p);
        }
        _PyP_next(p);
        e = _PyAST_Attribute(e, _PyP_identifier(p, a), Load, e->lineno, e->col_offset,
                             a->end_lineno, a->end_col_offset, p->arena);
        if (e == NULL) {
            return NOMEM(p);
        }
    }
    return e;
}

/* ---------------------------------------------------------------- patterns */

static pattern_ty
value_pattern(Parser *p, expr_ty v)
{
    if (v == NULL) {
        return NULL;
    }
    pattern_ty r = _PyAST_MatchValue(v, v->lineno, v->col_offset, v->end_lineno,
                                     v->end_col_offset, p->arena);
    return r ? r : NOMEM(p);
}

/* A capture target after '*', '**' or 'as': a name other than `_`. */
static identifier
capture_target(Parser *p)
{
    Token *t = _PyP_peek(p, 0);
    if (t->type != T_NAME || t->kw != 0 || tok_is(t, "_")) {
        return _PyP_invalid_syntax(p);
    }
    _PyP_next(p);
    return _PyP_identifier(p, t);
}

/* star_pattern | pattern */
static pattern_ty
maybe_star_pattern(Parser *p)
{
    Token *st = _PyP_accept(p, T_STAR);
    if (st == NULL) {
        return pattern(p);
    }
    Token *t = _PyP_peek(p, 0);
    identifier name = NULL;
    if (tok_is(t, "_")) {
        _PyP_next(p);
    }
    else if ((name = capture_target(p)) == NULL) {
        return NULL;
    }
    pattern_ty r = _PyAST_MatchStar(name, st->lineno, st->col_offset, t->end_lineno,
                                    t->end_col_offset, p->arena);
    return r ? r : NOMEM(p);
}

/* The elements of a sequence pattern up to `close` (')' or ']'), which is
 * consumed.  `first` (may be NULL) was parsed already. */
static asdl_pattern_seq *
sequence_items(Parser *p, pattern_ty first, int close)
{
    seqbuf b;
    _PyP_seq_init(&b);
    if (first != NULL) {
        if (!_PyP_seq_push(p, &b, first)) {
            return NULL;
        }
        if (!_PyP_accept(p, T_COMMA) && !_PyP_at(p, close)) {
            return _PyP_invalid_syntax(p);
        }
    }
    while (!_PyP_at(p, close)) {
        pattern_ty e = maybe_star_pattern(p);
        if (e == NULL || !_PyP_seq_push(p, &b, e)) {
            return NULL;
        }
        if (!_PyP_accept(p, T_COMMA)) {
            break;
        }
    }
    if (!_PyP_accept(p, close)) {
        return _PyP_invalid_syntax(p);
    }
    return SEQ_FINISH(p, &b, asdl_pattern_seq);
}

static pattern_ty
mapping_pattern(Parser *p, Token *open)
{
    seqbuf keys, pats;
    _PyP_seq_init(&keys);
    _PyP_seq_init(&pats);
    identifier rest = NULL;
    while (!_PyP_at(p, T_RBRACE)) {
        if (_PyP_accept(p, T_DOUBLESTAR)) {
            if ((rest = capture_target(p)) == NULL) {
                return NULL;
            }
            _PyP_accept(p, T_COMMA);
            break;
        }
        Token *t = _PyP_peek(p, 0);
        expr_ty key;
        if (t->type == T_NUMBER || t->type == T_MINUS) {
            key = number_literal(p);
        }
        else if (t->type == T_STRING || t->type == T_FSTRING_START) {
            key = string_literal(p);
        }
        else if (t->type == T_NAME && (t->kw == KW_None || t->kw == KW_True ||
                                       t->kw == KW_False)) {
            _PyP_next(p);
            constant c = {t->kw == KW_None ? CONST_NONE : t->kw == KW_True ? CONST_TRUE
                                                                             : CONST_FALSE,
                          0, NULL, 0};
            key = _PyAST_Constant(c, NULL, t->lineno, t->col_offset, t->end_lineno,
                                  t->end_col_offset, p->arena);
            if (key == NULL) {
                return NOMEM(p);
            }
        }
        else if (t->type == T_NAME && t->kw == 0) {
            key = name_or_attr(p);
            if (key != NULL && key->kind == Name_kind) {
                return _PyP_invalid_syntax(p);   /* a key needs a dotted name */
            }
        }
        else {
            return _PyP_invalid_syntax(p);
        }
        if (key == NULL || !_PyP_expect(p, T_COLON)) {
            return NULL;
        }
        pattern_ty v = pattern(p);
        if (v == NULL || !_PyP_seq_push(p, &keys, key) || !_PyP_seq_push(p, &pats, v)) {
            return NULL;
        }
        if (!_PyP_accept(p, T_COMMA)) {
            break;
        }
    }
    Token *close = _PyP_peek(p, 0);
    if (!_PyP_accept(p, T_RBRACE)) {
        return _PyP_invalid_syntax(p);
    }
    asdl_expr_seq *ks = SEQ_FINISH(p, &keys, asdl_expr_seq);
    asdl_pattern_seq *ps = SEQ_FINISH(p, &pats, asdl_pattern_seq);
    if (ks == NULL || ps == NULL) {
        return NULL;
    }
    pattern_ty r = _PyAST_MatchMapping(ks, ps, rest, open->lineno, open->col_offset,
                                       close->end_lineno, close->end_col_offset, p->arena);
    return r ? r : NOMEM(p);
}

/* cls '(' [positional, ...] [name=pattern, ...] ')', after the '(' */
static pattern_ty
class_pattern(Parser *p, expr_ty cls)
{
    seqbuf pos, names, kwpats;
    _PyP_seq_init(&pos);
    _PyP_seq_init(&names);
    _PyP_seq_init(&kwpats);
    pattern_ty bad_first = NULL, bad_last = NULL;   /* positional after keyword */
    while (!_PyP_at(p, T_RPAR)) {
        Token *t = _PyP_peek(p, 0);
        if (t->type == T_NAME && t->kw == 0 && _PyP_peek(p, 1)->type == T_EQUAL) {
            _PyP_next(p);
            _PyP_next(p);
            pattern_ty v = pattern(p);
            if (v == NULL || !_PyP_seq_push(p, &names, (void *)_PyP_identifier(p, t)) ||
                !_PyP_seq_push(p, &kwpats, v)) {
                return NULL;
            }
        }
        else {
            pattern_ty v = pattern(p);
            if (v == NULL) {
                return NULL;
            }
            if (names.n > 0) {
                if (bad_first == NULL) {
                    bad_first = v;
                }
                bad_last = v;
            }
            else if (!_PyP_seq_push(p, &pos, v)) {
                return NULL;
            }
        }
        if (!_PyP_accept(p, T_COMMA)) {
            break;
        }
    }
    Token *close = _PyP_peek(p, 0);
    if (!_PyP_accept(p, T_RPAR)) {
        return _PyP_invalid_syntax(p);
    }
    if (bad_first != NULL) {
        return _PyP_syntax_error_range(p, bad_first->lineno, bad_first->col_offset,
                                       bad_last->end_lineno, bad_last->end_col_offset,
                                       "positional patterns follow keyword patterns");
    }
    asdl_pattern_seq *ps = SEQ_FINISH(p, &pos, asdl_pattern_seq);
    asdl_identifier_seq *ns = SEQ_FINISH(p, &names, asdl_identifier_seq);
    asdl_pattern_seq *ks = SEQ_FINISH(p, &kwpats, asdl_pattern_seq);
    if (ps == NULL || ns == NULL || ks == NULL) {
        return NULL;
    }
    pattern_ty r = _PyAST_MatchClass(cls, ps, ns, ks, cls->lineno, cls->col_offset,
                                     close->end_lineno, close->end_col_offset, p->arena);
    return r ? r : NOMEM(p);
}

static pattern_ty
closed_pattern(Parser *p)
{
    Token *t = _PyP_peek(p, 0);
    pattern_ty r;
    switch (t->type) {
    case T_NUMBER:
    case T_MINUS:
        return value_pattern(p, number_literal(p));
    case T_STRING:
    case T_FSTRING_START:
        return value_pattern(p, string_literal(p));
    case T_LPAR: {
        _PyP_next(p);
        if (_PyP_at(p, T_RPAR)) {
            Token *c = _PyP_next(p);
            r = _PyAST_MatchSequence(NULL, t->lineno, t->col_offset, c->end_lineno,
                                     c->end_col_offset, p->arena);
            return r ? r : NOMEM(p);
        }
        pattern_ty first = maybe_star_pattern(p);
        if (first == NULL) {
            return NULL;
        }
        if (first->kind != MatchStar_kind && _PyP_accept(p, T_RPAR)) {
            return first;   /* a group: the inner pattern itself */
        }
        asdl_pattern_seq *items = sequence_items(p, first, T_RPAR);
        if (items == NULL) {
            return NULL;
        }
        r = _PyAST_MatchSequence(items, t->lineno, t->col_offset, LASTEND(p), p->arena);
        return r ? r : NOMEM(p);
    }
    case T_LSQB: {
        _PyP_next(p);
        asdl_pattern_seq *items = sequence_items(p, NULL, T_RSQB);
        if (items == NULL) {
            return NULL;
        }
        r = _PyAST_MatchSequence(items, t->lineno, t->col_offset, LASTEND(p), p->arena);
        return r ? r : NOMEM(p);
    }
    case T_LBRACE:
        _PyP_next(p);
        return mapping_pattern(p, t);
    case T_NAME:
        break;
    default:
        return _PyP_invalid_syntax(p);
    }
    if (t->kw == KW_None || t->kw == KW_True || t->kw == KW_False) {
        _PyP_next(p);
        constant c = {t->kw == KW_None ? CONST_NONE : t->kw == KW_True ? CONST_TRUE : CONST_FALSE,
                      0, NULL, 0};
        r = _PyAST_MatchSingleton(c, t->lineno, t->col_offset, t->end_lineno, t->end_col_offset,
                                  p->arena);
        return r ? r : NOMEM(p);
    }
    if (t->kw != 0) {
        return _PyP_invalid_syntax(p);
    }
    if (tok_is(t, "_")) {
        _PyP_next(p);
        r = _PyAST_MatchAs(NULL, NULL, t->lineno, t->col_offset, t->end_lineno,
                           t->end_col_offset, p->arena);
        return r ? r : NOMEM(p);
    }
    expr_ty e = name_or_attr(p);
    if (e == NULL) {
        return NULL;
    }
    if (_PyP_accept(p, T_LPAR)) {
        if (!_PyP_enter(p)) {
            return NULL;
        }
        r = class_pattern(p, e);
        LEAVE(p);
        return r;
    }
    if (e->kind == Attribute_kind) {
        return value_pattern(p, e);
    }
    if (_PyP_at(p, T_EQUAL)) {
        return _PyP_invalid_syntax(p);
    }
    r = _PyAST_MatchAs(NULL, e->v.Name.id, t->lineno, t->col_offset, t->end_lineno,
                       t->end_col_offset, p->arena);
    return r ? r : NOMEM(p);
}

/* or_pattern ['as' NAME] */
static pattern_ty
pattern(Parser *p)
{
    if (!_PyP_enter(p)) {
        return NULL;
    }
    Token *st = _PyP_peek(p, 0);   /* a group's '(' counts for the location */
    pattern_ty first = closed_pattern(p);
    pattern_ty r = first;
    if (first != NULL && _PyP_at(p, T_VBAR)) {
        seqbuf alts;
        _PyP_seq_init(&alts);
        if (!_PyP_seq_push(p, &alts, first)) {
            r = NULL;
            goto done;
        }
        while (_PyP_accept(p, T_VBAR)) {
            pattern_ty a = closed_pattern(p);
            if (a == NULL || !_PyP_seq_push(p, &alts, a)) {
                r = NULL;
                goto done;
            }
        }
        asdl_pattern_seq *s = SEQ_FINISH(p, &alts, asdl_pattern_seq);
        if (s == NULL) {
            r = NULL;
            goto done;
        }
        r = _PyAST_MatchOr(s, st->lineno, st->col_offset, LASTEND(p), p->arena);
        if (r == NULL) {
            NOMEM(p);
            goto done;
        }
    }
    if (r != NULL && _PyP_accept_kw(p, KW_as)) {
        Token *t = _PyP_peek(p, 0);
        if (tok_is(t, "_")) {
            r = _PyP_syntax_error_tok(p, t, "cannot use '_' as a target");
            goto done;
        }
        if (t->type != T_NAME || t->kw != 0) {
            expr_ty bad = _PyP_expression(p);
            r = bad ? _PyP_syntax_error_node(p, bad, "invalid pattern target") : NULL;
            goto done;
        }
        _PyP_next(p);
        pattern_ty inner = r;
        r = _PyAST_MatchAs(inner, _PyP_identifier(p, t), st->lineno, st->col_offset,
                           t->end_lineno, t->end_col_offset, p->arena);
        if (r == NULL) {
            NOMEM(p);
        }
    }
done:
    LEAVE(p);
    return r;
}

/* The patterns of a case: a pattern, or an open sequence `a, *b`. */
static pattern_ty
case_patterns(Parser *p)
{
    Token *st = _PyP_peek(p, 0);
    pattern_ty first = maybe_star_pattern(p);
    if (first == NULL) {
        return NULL;
    }
    if (!_PyP_at(p, T_COMMA)) {
        if (first->kind == MatchStar_kind) {
            return _PyP_invalid_syntax(p);
        }
        return first;
    }
    seqbuf b;
    _PyP_seq_init(&b);
    if (!_PyP_seq_push(p, &b, first)) {
        return NULL;
    }
    while (_PyP_accept(p, T_COMMA)) {
        if (_PyP_at(p, T_COLON) || _PyP_at_kw(p, KW_if)) {
            break;
        }
        pattern_ty e = maybe_star_pattern(p);
        if (e == NULL || !_PyP_seq_push(p, &b, e)) {
            return NULL;
        }
    }
    asdl_pattern_seq *s = SEQ_FINISH(p, &b, asdl_pattern_seq);
    if (s == NULL) {
        return NULL;
    }
    pattern_ty r = _PyAST_MatchSequence(s, st->lineno, st->col_offset, LASTEND(p), p->arena);
    return r ? r : NOMEM(p);
}

static match_case_ty
case_block(Parser *p)
{
    Token *kw = _PyP_next(p);   /* `case` */
    pattern_ty pat = case_patterns(p);
    if (pat == NULL) {
        return NULL;
    }
    expr_ty guard = NULL;
    if (_PyP_accept_kw(p, KW_if)) {
        if ((guard = _PyP_named_expression(p)) == NULL) {
            return NULL;
        }
    }
    if (!header_colon(p)) {
        return NULL;
    }
    asdl_stmt_seq *body = _PyP_block(p, "'case' statement", kw->lineno);
    if (body == NULL) {
        return NULL;
    }
    match_case_ty m = _PyAST_match_case(pat, guard, body, p->arena);
    return m ? m : NOMEM(p);
}

/* After the `match` token (kw). */
stmt_ty
_PyP_match_stmt(Parser *p, Token *kw)
{
    expr_ty subject;
    if (_PyP_at(p, T_STAR)) {
        subject = _PyP_star_named_expressions_tuple(p);
        if (subject != NULL && subject->kind != Tuple_kind) {
            return _PyP_invalid_syntax(p);
        }
    }
    else {
        subject = _PyP_star_named_expressions_tuple(p);
    }
    if (subject == NULL || !header_colon(p)) {
        return NULL;
    }
    if (!_PyP_accept(p, T_NEWLINE)) {
        return _PyP_invalid_syntax(p);
    }
    Token *t = _PyP_peek(p, 0);
    if (t->type != T_INDENT) {
        if (t->type == T_ERRORTOKEN && p->tok->has_error) {
            return _PyP_invalid_syntax(p);
        }
        if (t->type == T_ENDMARKER) {
            t = _PyP_token(p, p->mark - 1);
        }
        return _PyP_error_at(p, "IndentationError", t->lineno, t->col_offset, t->end_lineno,
                             t->end_col_offset,
                             "expected an indented block after 'match' statement on line %d",
                             kw->lineno);
    }
    _PyP_next(p);
    seqbuf cases;
    _PyP_seq_init(&cases);
    do {
        if (!tok_is(_PyP_peek(p, 0), "case")) {
            return _PyP_invalid_syntax(p);
        }
        match_case_ty m = case_block(p);
        if (m == NULL || !_PyP_seq_push(p, &cases, m)) {
            return NULL;
        }
    } while (!_PyP_accept(p, T_DEDENT) && !_PyP_at(p, T_ENDMARKER));
    asdl_match_case_seq *cs = SEQ_FINISH(p, &cases, asdl_match_case_seq);
    if (cs == NULL) {
        return NULL;
    }
    stmt_ty s = _PyAST_Match(subject, cs, kw->lineno, kw->col_offset, LASTEND(p), p->arena);
    return s ? s : NOMEM(p);
}
