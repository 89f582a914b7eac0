/* parser.c: parser core (token buffer, errors, entry point) and statements.
 *
 * A hand-written recursive-descent parser for the Python 3.12 grammar (without
 * the type statement; match: parser_match.c).  Tokens are pulled lazily from the tokenizer into a
 * buffer, so a syntax error is reported before a tokenizer error further on,
 * and afterwards the rest of the source is tokenized to let a tokenizer error
 * take precedence, as CPython does.  Expressions: parser_expr.c; literals and
 * f-strings: parser_string.c. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "parser_impl.h"

/* ---------------------------------------------------------------- tokens */

/* Tokens live in fixed-size chunks that never move, so a Token * stays valid
 * for the whole parse while the buffer keeps growing. */
Token *
_PyP_token(Parser *p, int i)
{
    return &p->chunks[i >> TOKEN_CHUNK_BITS][i & (TOKEN_CHUNK - 1)];
}

static Token *
fill_to(Parser *p, int idx)
{
    while (p->fill <= idx) {
        if ((p->fill & (TOKEN_CHUNK - 1)) == 0) {
            int c = p->fill >> TOKEN_CHUNK_BITS;
            if (c == p->nchunks_alloc) {
                int n = p->nchunks_alloc ? p->nchunks_alloc * 2 : 16;
                Token **nc = realloc(p->chunks, (size_t)n * sizeof(Token *));
                if (nc == NULL) {
                    goto nomem;
                }
                p->chunks = nc;
                p->nchunks_alloc = n;
            }
            p->chunks[c] = malloc(TOKEN_CHUNK * sizeof(Token));
            if (p->chunks[c] == NULL) {
                goto nomem;
            }
            p->nchunks = c + 1;
        }
        Token *slot = _PyP_token(p, p->fill);
        if (p->fill > 0) {
            Token *prev = _PyP_token(p, p->fill - 1);
            if (prev->type == T_ENDMARKER || prev->type == T_ERRORTOKEN) {
                /* Never read past the end or past an error. */
                *slot = *prev;
                p->fill++;
                continue;
            }
        }
        _PyTokenizer_Get(p->tok, slot);
        p->fill++;
    }
    return _PyP_token(p, idx);
nomem:
    _PyP_error_at(p, "MemoryError", 0, 0, 0, 0, "out of memory");
    if (p->fill == 0) {
        /* Nothing buffered: hand out a static end marker. */
        static const Token end = {T_ENDMARKER};
        p->oom_token = end;
        return &p->oom_token;
    }
    return _PyP_token(p, p->fill - 1);
}

Token *
_PyP_peek(Parser *p, int k)
{
    return fill_to(p, p->mark + k);
}

Token *
_PyP_next(Parser *p)
{
    Token *t = fill_to(p, p->mark);
    if (t->type != T_ENDMARKER && t->type != T_ERRORTOKEN) {
        p->mark++;
    }
    return t;
}

/* The last consumed token that is not NEWLINE/INDENT/DEDENT: node end
 * positions are taken from it, as CPython does. */
Token *
_PyP_last(Parser *p)
{
    int i = p->mark - 1;
    while (i > 0 && (_PyP_token(p, i)->type == T_NEWLINE || _PyP_token(p, i)->type == T_INDENT ||
                     _PyP_token(p, i)->type == T_DEDENT)) {
        i--;
    }
    return _PyP_token(p, i > 0 ? i : 0);
}

int
_PyP_at(Parser *p, int type)
{
    return _PyP_peek(p, 0)->type == type;
}

int
_PyP_at_kw(Parser *p, int kw)
{
    Token *t = _PyP_peek(p, 0);
    return t->type == T_NAME && t->kw == kw;
}

Token *
_PyP_accept(Parser *p, int type)
{
    return _PyP_at(p, type) ? _PyP_next(p) : NULL;
}

Token *
_PyP_accept_kw(Parser *p, int kw)
{
    return _PyP_at_kw(p, kw) ? _PyP_next(p) : NULL;
}

Token *
_PyP_expect(Parser *p, int type)
{
    if (_PyP_at(p, type)) {
        return _PyP_next(p);
    }
    if (type == T_COLON) {
        Token *t = _PyP_peek(p, 0);
        if (t->type == T_ERRORTOKEN && p->tok->has_error) {
            return _PyP_invalid_syntax(p);
        }
        return _PyP_syntax_error_tok(p, t, "expected ':'");
    }
    return _PyP_invalid_syntax(p);
}

/* ---------------------------------------------------------------- errors */

void *
_PyP_error_at(Parser *p, const char *type, int lineno, int col, int end_lineno, int end_col,
              const char *fmt, ...)
{
    if (p->error) {
        return NULL;
    }
    p->error = 1;
    PyParserError *e = p->err;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->msg, sizeof(e->msg), fmt, ap);
    va_end(ap);
    e->type = type;
    /* Byte columns for now; converted to characters in finish_error. */
    e->lineno = lineno;
    e->offset = col;
    e->end_lineno = end_lineno;
    e->end_offset = end_col;
    return NULL;
}

static void *
verror(Parser *p, const char *type, int l1, int c1, int l2, int c2, const char *fmt, va_list ap)
{
    char buf[320];
    vsnprintf(buf, sizeof(buf), fmt, ap);
    return _PyP_error_at(p, type, l1, c1, l2, c2, "%s", buf);
}

void *
_PyP_syntax_error_tok(Parser *p, Token *t, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    verror(p, "SyntaxError", t->lineno, t->col_offset, t->end_lineno, t->end_col_offset, fmt, ap);
    va_end(ap);
    return NULL;
}

void *
_PyP_syntax_error_node(Parser *p, expr_ty e, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    verror(p, "SyntaxError", e->lineno, e->col_offset, e->end_lineno, e->end_col_offset, fmt, ap);
    va_end(ap);
    return NULL;
}

void *
_PyP_syntax_error_range(Parser *p, int l1, int c1, int l2, int c2, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    verror(p, "SyntaxError", l1, c1, l2, c2, fmt, ap);
    va_end(ap);
    return NULL;
}

void *
_PyP_invalid_syntax(Parser *p)
{
    if (p->error) {
        return NULL;
    }
    Token *t = _PyP_peek(p, 0);
    if (t->type == T_ERRORTOKEN && p->tok->has_error) {
        /* The tokenizer's error is reported by finish_error. */
        p->error = 2;
        return NULL;
    }
    if (t->type == T_INDENT) {
        /* CPython's caret sits on the last indentation character. */
        return _PyP_error_at(p, "IndentationError", t->lineno, t->col_offset - 1, t->end_lineno,
                             -1, "unexpected indent");
    }
    if (t->type == T_DEDENT) {
        return _PyP_error_at(p, "IndentationError", t->lineno, t->col_offset, t->end_lineno, -1,
                             "unexpected unindent");
    }
    if (t->type == T_ENDMARKER) {
        _PyP_syntax_error_tok(p, t, "invalid syntax");
        p->error = 3;   /* "unexpected EOF": refined in finish_error */
        return NULL;
    }
    return _PyP_syntax_error_tok(p, t, "invalid syntax");
}

int
_PyP_enter(Parser *p)
{
    if (++p->depth > PARSER_MAX_DEPTH) {
        Token *t = _PyP_peek(p, 0);
        _PyP_error_at(p, "SyntaxError", t->lineno, t->col_offset, t->end_lineno,
                      t->end_col_offset, "too many nested parentheses");
        return 0;
    }
    return 1;
}

/* Non-ASCII identifiers are NFKC-normalized by CPython.  We apply the
 * compatibility mappings that occur in practice (fullwidth ASCII, micro
 * sign, long s, Latin ligatures, ordinal indicators); full NFKC (composition
 * of combining sequences, mathematical alphanumerics, ...) is not done. */
static int
nfkc_small(unsigned int cp, char *out)
{
    if (cp >= 0xFF01 && cp <= 0xFF5E) {
        out[0] = (char)(cp - 0xFF01 + 0x21);
        return 1;
    }
    switch (cp) {
    case 0xB5: memcpy(out, "\xce\xbc", 2); return 2;   /* -> U+03BC */
    case 0xAA: out[0] = 'a'; return 1;
    case 0xBA: out[0] = 'o'; return 1;
    case 0x17F: out[0] = 's'; return 1;
    case 0xFB00: memcpy(out, "ff", 2); return 2;
    case 0xFB01: memcpy(out, "fi", 2); return 2;
    case 0xFB02: memcpy(out, "fl", 2); return 2;
    case 0xFB03: memcpy(out, "ffi", 3); return 3;
    case 0xFB04: memcpy(out, "ffl", 3); return 3;
    case 0xFB05: case 0xFB06: memcpy(out, "st", 2); return 2;
    default: return 0;
    }
}

identifier
_PyP_identifier(Parser *p, Token *t)
{
    size_t n = (size_t)(t->end - t->start);
    int ascii = 1;
    for (size_t i = 0; i < n; i++) {
        if ((unsigned char)t->start[i] >= 0x80) {
            ascii = 0;
            break;
        }
    }
    if (ascii) {
        return _PyArena_Strndup(p->arena, t->start, n);
    }
    /* Mapped forms are never longer than the source sequence. */
    char *buf = _PyArena_Malloc(p->arena, n + 1);
    if (buf == NULL) {
        return NULL;
    }
    size_t o = 0;
    for (const char *s = t->start; s < t->end;) {
        int len;
        unsigned int cp = _PyTokenizer_DecodeUTF8(s, t->end, &len);
        int k = nfkc_small(cp, buf + o);
        if (k > 0) {
            o += (size_t)k;
        }
        else {
            memcpy(buf + o, s, (size_t)len);
            o += (size_t)len;
        }
        s += len;
    }
    buf[o] = '\0';
    return buf;
}

/* ---------------------------------------------------------------- sequences */

void
_PyP_seq_init(seqbuf *b)
{
    b->items = b->small;
    b->n = 0;
    b->cap = (Py_ssize_t)(sizeof(b->small) / sizeof(b->small[0]));
}

int
_PyP_seq_push(Parser *p, seqbuf *b, void *item)
{
    if (b->n == b->cap) {
        /* Growth buffers come from the arena: nothing to free on error paths. */
        void **ni = _PyArena_Malloc(p->arena, (size_t)b->cap * 2 * sizeof(void *));
        if (ni == NULL) {
            _PyP_error_at(p, "MemoryError", 0, 0, 0, 0, "out of memory");
            return 0;
        }
        memcpy(ni, b->items, (size_t)b->n * sizeof(void *));
        b->items = ni;
        b->cap *= 2;
    }
    b->items[b->n++] = item;
    return 1;
}

asdl_seq *
_PyP_seq_finish(Parser *p, seqbuf *b)
{
    asdl_seq *s = _Py_asdl_generic_seq_new(b->n, p->arena);
    if (s == NULL) {
        _PyP_error_at(p, "MemoryError", 0, 0, 0, 0, "out of memory");
        return NULL;
    }
    memcpy(s->elements, b->items, (size_t)b->n * sizeof(void *));
    return s;
}

/* ---------------------------------------------------------------- statements */

typedef struct {
    seqbuf b;
} stmts;

static int statement(Parser *p, seqbuf *out);
static asdl_stmt_seq *block(Parser *p, const char *what, int lineno);

#define NOMEM(p) _PyP_error_at((p), "MemoryError", 0, 0, 0, 0, "out of memory")
#define LASTEND(p) _PyP_last(p)->end_lineno, _PyP_last(p)->end_col_offset

static expr_ty
annotated_rhs(Parser *p)
{
    if (_PyP_at_kw(p, KW_yield)) {
        return _PyP_yield_expr(p);
    }
    return _PyP_star_expressions(p);
}

static int
is_augassign(int type, operator_ty *op)
{
    switch (type) {
    case T_PLUSEQUAL: *op = Add; return 1;
    case T_MINEQUAL: *op = Sub; return 1;
    case T_STAREQUAL: *op = Mult; return 1;
    case T_ATEQUAL: *op = MatMult; return 1;
    case T_SLASHEQUAL: *op = Div; return 1;
    case T_PERCENTEQUAL: *op = Mod; return 1;
    case T_AMPEREQUAL: *op = BitAnd; return 1;
    case T_VBAREQUAL: *op = BitOr; return 1;
    case T_CIRCUMFLEXEQUAL: *op = BitXor; return 1;
    case T_LEFTSHIFTEQUAL: *op = LShift; return 1;
    case T_RIGHTSHIFTEQUAL: *op = RShift; return 1;
    case T_DOUBLESTAREQUAL: *op = Pow; return 1;
    case T_DOUBLESLASHEQUAL: *op = FloorDiv; return 1;
    default: return 0;
    }
}

/* Expression kinds the grammar's bitwise_or can produce (used to pick the
 * "... here. Maybe you meant '==' instead of '='?" wording). */
static int
is_bitwise_or_level(expr_ty e)
{
    switch (e->kind) {
    case Compare_kind: case BoolOp_kind: case IfExp_kind: case Lambda_kind:
    case NamedExpr_kind: case Starred_kind:
        return 0;
    case UnaryOp_kind:
        return e->v.UnaryOp.op != Not;
    case Tuple_kind: case List_kind: case GeneratorExp_kind:
        return 0;
    case Constant_kind:
        return !(e->v.Constant.value.kind == CONST_TRUE || e->v.Constant.value.kind == CONST_FALSE ||
                 e->v.Constant.value.kind == CONST_NONE);
    default:
        return 1;
    }
}

static stmt_ty
expression_statement(Parser *p)
{
    Token *st = _PyP_peek(p, 0);
    int l = st->lineno, c = st->col_offset;
    expr_ty first = annotated_rhs(p);
    if (first == NULL) {
        return NULL;
    }
    Token *t = _PyP_peek(p, 0);
    operator_ty op;
    if (t->type == T_COLON) {
        /* Annotated assignment. */
        if (first->kind == Tuple_kind) {
            return _PyP_syntax_error_node(p, first, "only single target (not tuple) can be annotated");
        }
        if (first->kind == List_kind) {
            return _PyP_syntax_error_node(p, first, "only single target (not list) can be annotated");
        }
        if (first->kind != Name_kind && first->kind != Attribute_kind &&
            first->kind != Subscript_kind) {
            return _PyP_syntax_error_node(p, first, "illegal target for annotation");
        }
        _PyP_next(p);
        int simple = first->kind == Name_kind && first->lineno == l && first->col_offset == c;
        if (!_PyP_set_context(p, first, Store, 0)) {
            return NULL;
        }
        expr_ty ann = _PyP_expression(p);
        if (ann == NULL) {
            return NULL;
        }
        expr_ty value = NULL;
        if (_PyP_accept(p, T_EQUAL)) {
            value = annotated_rhs(p);
            if (value == NULL) {
                return NULL;
            }
        }
        return _PyAST_AnnAssign(first, ann, value, simple, l, c, LASTEND(p), p->arena);
    }
    if (is_augassign(t->type, &op)) {
        if (first->kind != Name_kind && first->kind != Attribute_kind &&
            first->kind != Subscript_kind) {
            return _PyP_syntax_error_node(p, first,
                                          "'%s' is an illegal expression for augmented assignment",
                                          _PyP_expr_name(first));
        }
        _PyP_next(p);
        if (!_PyP_set_context(p, first, Store, 0)) {
            return NULL;
        }
        expr_ty value = annotated_rhs(p);
        if (value == NULL) {
            return NULL;
        }
        return _PyAST_AugAssign(first, op, value, l, c, LASTEND(p), p->arena);
    }
    if (t->type == T_EQUAL) {
        seqbuf targets;
        _PyP_seq_init(&targets);
        expr_ty cur = first;
        int count = 0;
        while (_PyP_accept(p, T_EQUAL)) {
            if (!_PyP_seq_push(p, &targets, cur)) {
                return NULL;
            }
            count++;
            cur = annotated_rhs(p);
            if (cur == NULL) {
                return NULL;
            }
        }
        for (Py_ssize_t i = 0; i < targets.n; i++) {
            expr_ty tg = targets.items[i];
            if (tg->kind == Yield_kind || tg->kind == YieldFrom_kind) {
                if (count == 1 && tg->lineno != l) {
                    /* parenthesised yield: treated like other bitwise_or atoms */
                }
                else if (!(count == 1 && (tg->lineno != l || tg->col_offset != c))) {
                    return _PyP_syntax_error_node(p, tg, "assignment to yield expression not possible");
                }
            }
            expr_ty bad = _PyP_invalid_target(tg, 0);
            if (bad != NULL) {
                /* CPython's wording depends on which grammar rule catches it:
                 * a lone bitwise_or-level target (or the last item of an
                 * unparenthesised tuple) directly before the only '='. */
                int last_of_tuple =
                    tg->kind == Tuple_kind && asdl_seq_LEN(tg->v.Tuple.elts) > 0 &&
                    bad == asdl_seq_GET(tg->v.Tuple.elts, asdl_seq_LEN(tg->v.Tuple.elts) - 1) &&
                    bad->end_lineno == tg->end_lineno && bad->end_col_offset == tg->end_col_offset;
                if (count == 1 && (bad == tg || last_of_tuple) && is_bitwise_or_level(bad)) {
                    return _PyP_syntax_error_node(
                        p, bad, "cannot assign to %s here. Maybe you meant '==' instead of '='?",
                        _PyP_expr_name(bad));
                }
                return _PyP_syntax_error_node(p, bad, "cannot assign to %s", _PyP_expr_name(bad));
            }
            if (!_PyP_set_context(p, tg, Store, 0)) {
                return NULL;
            }
        }
        asdl_expr_seq *ts = SEQ_FINISH(p, &targets, asdl_expr_seq);
        if (ts == NULL) {
            return NULL;
        }
        return _PyAST_Assign(ts, cur, NULL, l, c, LASTEND(p), p->arena);
    }
    /* print "x" / exec "code" */
    if (first->kind == Name_kind && _PyP_starts_expression(p) &&
        (strcmp(first->v.Name.id, "print") == 0 || strcmp(first->v.Name.id, "exec") == 0)) {
        int save = p->mark;
        expr_ty arg = _PyP_expression(p);
        if (arg != NULL) {
            p->error = 0;
            return _PyP_syntax_error_range(p, first->lineno, first->col_offset, arg->end_lineno,
                                           arg->end_col_offset,
                                           "Missing parentheses in call to '%s'. Did you mean %s(...)?",
                                           first->v.Name.id, first->v.Name.id);
        }
        p->mark = save;
    }
    return _PyAST_Expr(first, l, c, LASTEND(p), p->arena);
}

static int
dotted_name(Parser *p, const char **out)
{
    Token *t = _PyP_peek(p, 0);
    if (t->type != T_NAME || t->kw) {
        _PyP_invalid_syntax(p);
        return 0;
    }
    _PyP_next(p);
    const char *start = t->start;
    const char *end = t->end;
    /* Build "a.b.c" without the spaces that may separate the parts. */
    size_t cap = (size_t)(end - start) + 1;
    char *buf = _PyArena_Strndup(p->arena, start, (size_t)(end - start));
    size_t len = (size_t)(end - start);
    while (_PyP_at(p, T_DOT)) {
        Token *n = _PyP_peek(p, 1);
        if (n->type != T_NAME || n->kw) {
            _PyP_next(p);
            _PyP_invalid_syntax(p);
            return 0;
        }
        _PyP_next(p);
        _PyP_next(p);
        size_t nl = (size_t)(n->end - n->start);
        char *nb = _PyArena_Malloc(p->arena, len + nl + 2);
        if (nb == NULL || buf == NULL) {
            NOMEM(p);
            return 0;
        }
        memcpy(nb, buf, len);
        nb[len] = '.';
        memcpy(nb + len + 1, n->start, nl);
        len += nl + 1;
        nb[len] = '\0';
        buf = nb;
        cap = len;
    }
    (void)cap;
    if (buf == NULL) {
        NOMEM(p);
        return 0;
    }
    *out = buf;
    return 1;
}

static stmt_ty
import_name(Parser *p, Token *kw)
{
    seqbuf names;
    _PyP_seq_init(&names);
    do {
        Token *s = _PyP_peek(p, 0);
        const char *name, *asname = NULL;
        if (!dotted_name(p, &name)) {
            return NULL;
        }
        if (_PyP_accept_kw(p, KW_as)) {
            Token *n = _PyP_peek(p, 0);
            if (n->type != T_NAME || n->kw) {
                return _PyP_invalid_syntax(p);
            }
            _PyP_next(p);
            asname = _PyP_identifier(p, n);
        }
        alias_ty a = _PyAST_alias(name, asname, s->lineno, s->col_offset, LASTEND(p), p->arena);
        if (a == NULL || !_PyP_seq_push(p, &names, a)) {
            return NULL;
        }
    } while (_PyP_accept(p, T_COMMA));
    asdl_alias_seq *s = SEQ_FINISH(p, &names, asdl_alias_seq);
    if (s == NULL) {
        return NULL;
    }
    return _PyAST_Import(s, kw->lineno, kw->col_offset, LASTEND(p), p->arena);
}

static stmt_ty
import_from(Parser *p, Token *kw)
{
    int level = 0;
    for (;;) {
        if (_PyP_accept(p, T_DOT)) {
            level++;
        }
        else if (_PyP_accept(p, T_ELLIPSIS)) {
            level += 3;
        }
        else {
            break;
        }
    }
    const char *module = NULL;
    if (!_PyP_at_kw(p, KW_import)) {
        if (!dotted_name(p, &module)) {
            return NULL;
        }
    }
    else if (level == 0) {
        return _PyP_invalid_syntax(p);
    }
    if (!_PyP_accept_kw(p, KW_import)) {
        return _PyP_invalid_syntax(p);
    }
    seqbuf names;
    _PyP_seq_init(&names);
    Token *star = _PyP_accept(p, T_STAR);
    if (star) {
        alias_ty a = _PyAST_alias("*", NULL, star->lineno, star->col_offset, star->end_lineno,
                                  star->end_col_offset, p->arena);
        if (a == NULL || !_PyP_seq_push(p, &names, a)) {
            return NULL;
        }
    }
    else {
        Token *lpar = _PyP_accept(p, T_LPAR);
        for (;;) {
            Token *n = _PyP_peek(p, 0);
            if (n->type != T_NAME || n->kw) {
                if (lpar && names.n > 0 && n->type == T_RPAR) {
                    break;
                }
                return _PyP_invalid_syntax(p);
            }
            _PyP_next(p);
            const char *asname = NULL;
            if (_PyP_accept_kw(p, KW_as)) {
                Token *a = _PyP_peek(p, 0);
                if (a->type != T_NAME || a->kw) {
                    return _PyP_invalid_syntax(p);
                }
                _PyP_next(p);
                asname = _PyP_identifier(p, a);
            }
            alias_ty a = _PyAST_alias(_PyP_identifier(p, n), asname, n->lineno, n->col_offset,
                                      LASTEND(p), p->arena);
            if (a == NULL || !_PyP_seq_push(p, &names, a)) {
                return NULL;
            }
            if (!_PyP_accept(p, T_COMMA)) {
                break;
            }
            if (!lpar && !(_PyP_at(p, T_NAME))) {
                Token *bad = _PyP_peek(p, 0);
                if (bad->type == T_NEWLINE) {
                    return _PyP_syntax_error_tok(p, bad,
                                                 "trailing comma not allowed without surrounding parentheses");
                }
            }
        }
        if (lpar && !_PyP_expect(p, T_RPAR)) {
            return NULL;
        }
    }
    asdl_alias_seq *s = SEQ_FINISH(p, &names, asdl_alias_seq);
    if (s == NULL) {
        return NULL;
    }
    return _PyAST_ImportFrom(module, s, level, kw->lineno, kw->col_offset, LASTEND(p), p->arena);
}

static stmt_ty
global_stmt(Parser *p, Token *kw, int nonlocal)
{
    seqbuf names;
    _PyP_seq_init(&names);
    do {
        Token *n = _PyP_peek(p, 0);
        if (n->type != T_NAME || n->kw) {
            return _PyP_invalid_syntax(p);
        }
        _PyP_next(p);
        if (!_PyP_seq_push(p, &names, (void *)_PyP_identifier(p, n))) {
            return NULL;
        }
    } while (_PyP_accept(p, T_COMMA));
    asdl_identifier_seq *s = SEQ_FINISH(p, &names, asdl_identifier_seq);
    if (s == NULL) {
        return NULL;
    }
    if (nonlocal) {
        return _PyAST_Nonlocal(s, kw->lineno, kw->col_offset, LASTEND(p), p->arena);
    }
    return _PyAST_Global(s, kw->lineno, kw->col_offset, LASTEND(p), p->arena);
}

static int
at_simple_end(Parser *p)
{
    int t = _PyP_peek(p, 0)->type;
    return t == T_NEWLINE || t == T_SEMI || t == T_ENDMARKER;
}

static stmt_ty
simple_stmt(Parser *p)
{
    Token *t = _PyP_peek(p, 0);
    if (t->type == T_NAME) {
        switch (t->kw) {
        case KW_pass:
            _PyP_next(p);
            return _PyAST_Pass(t->lineno, t->col_offset, t->end_lineno, t->end_col_offset, p->arena);
        case KW_break:
            _PyP_next(p);
            return _PyAST_Break(t->lineno, t->col_offset, t->end_lineno, t->end_col_offset, p->arena);
        case KW_continue:
            _PyP_next(p);
            return _PyAST_Continue(t->lineno, t->col_offset, t->end_lineno, t->end_col_offset,
                                   p->arena);
        case KW_return: {
            _PyP_next(p);
            expr_ty v = NULL;
            if (!at_simple_end(p)) {
                v = _PyP_star_expressions(p);
                if (v == NULL) {
                    return NULL;
                }
            }
            return _PyAST_Return(v, t->lineno, t->col_offset, LASTEND(p), p->arena);
        }
        case KW_raise: {
            _PyP_next(p);
            expr_ty exc = NULL, cause = NULL;
            if (!at_simple_end(p)) {
                exc = _PyP_expression(p);
                if (exc == NULL) {
                    return NULL;
                }
                if (_PyP_accept_kw(p, KW_from)) {
                    cause = _PyP_expression(p);
                    if (cause == NULL) {
                        return NULL;
                    }
                }
            }
            return _PyAST_Raise(exc, cause, t->lineno, t->col_offset, LASTEND(p), p->arena);
        }
        case KW_global:
        case KW_nonlocal:
            _PyP_next(p);
            return global_stmt(p, t, t->kw == KW_nonlocal);
        case KW_del: {
            _PyP_next(p);
            seqbuf targets;
            _PyP_seq_init(&targets);
            do {
                if (at_simple_end(p) && targets.n > 0) {
                    break;
                }
                expr_ty e = _PyP_star_expression(p);
                if (e == NULL) {
                    return NULL;
                }
                if (!_PyP_set_context(p, e, Del, 2)) {
                    return NULL;
                }
                if (!_PyP_seq_push(p, &targets, e)) {
                    return NULL;
                }
            } while (_PyP_accept(p, T_COMMA));
            if (!at_simple_end(p)) {
                return _PyP_invalid_syntax(p);
            }
            asdl_expr_seq *s = SEQ_FINISH(p, &targets, asdl_expr_seq);
            if (s == NULL) {
                return NULL;
            }
            return _PyAST_Delete(s, t->lineno, t->col_offset, LASTEND(p), p->arena);
        }
        case KW_assert: {
            _PyP_next(p);
            expr_ty test = _PyP_expression(p), msg = NULL;
            if (test == NULL) {
                return NULL;
            }
            if (_PyP_accept(p, T_COMMA)) {
                msg = _PyP_expression(p);
                if (msg == NULL) {
                    return NULL;
                }
            }
            return _PyAST_Assert(test, msg, t->lineno, t->col_offset, LASTEND(p), p->arena);
        }
        case KW_import:
            _PyP_next(p);
            return import_name(p, t);
        case KW_from:
            _PyP_next(p);
            return import_from(p, t);
        default:
            break;
        }
    }
    return expression_statement(p);
}

static int
simple_stmts(Parser *p, seqbuf *out)
{
    for (;;) {
        stmt_ty s = simple_stmt(p);
        if (s == NULL || !_PyP_seq_push(p, out, s)) {
            return 0;
        }
        if (_PyP_accept(p, T_SEMI)) {
            if (_PyP_at(p, T_NEWLINE)) {
                break;
            }
            continue;
        }
        break;
    }
    if (_PyP_accept(p, T_NEWLINE)) {
        return 1;
    }
    if (_PyP_at(p, T_ENDMARKER)) {
        return 1;
    }
    /* Something follows a complete statement on the same line. */
    Token *t = _PyP_peek(p, 0);
    stmt_ty last = out->items[out->n - 1];
    if (last->kind == Expr_kind && _PyP_starts_expression(p) && t->level == 0) {
        expr_ty a = last->v.Expr.value;
        if (a->kind == Name_kind || a->kind == Constant_kind || a->kind == Attribute_kind ||
            a->kind == Call_kind || a->kind == Subscript_kind) {
            /* CPython reports such juxtapositions as plain invalid syntax. */
        }
    }
    _PyP_invalid_syntax(p);
    return 0;
}

static asdl_stmt_seq *
block(Parser *p, const char *what, int lineno)
{
    seqbuf body;
    _PyP_seq_init(&body);
    if (_PyP_accept(p, T_NEWLINE)) {
        if (!_PyP_at(p, T_INDENT)) {
            Token *t = _PyP_peek(p, 0);
            if (t->type == T_ERRORTOKEN && p->tok->has_error) {
                return _PyP_invalid_syntax(p);
            }
            if (t->type == T_ENDMARKER) {
                t = _PyP_token(p, p->mark - 1);   /* the NEWLINE */
            }
            return _PyP_error_at(p, "IndentationError", t->lineno, t->col_offset, t->end_lineno,
                                 t->end_col_offset, "expected an indented block after %s on line %d",
                                 what, lineno);
        }
        _PyP_next(p);
        if (!_PyP_enter(p)) {
            return NULL;
        }
        while (!_PyP_accept(p, T_DEDENT)) {
            if (_PyP_at(p, T_ENDMARKER)) {
                break;
            }
            if (!statement(p, &body)) {
                LEAVE(p);
                return NULL;
            }
        }
        LEAVE(p);
    }
    else {
        if (at_simple_end(p)) {
            return _PyP_invalid_syntax(p);
        }
        if (!simple_stmts(p, &body)) {
            return NULL;
        }
    }
    return SEQ_FINISH(p, &body, asdl_stmt_seq);
}

asdl_stmt_seq *
_PyP_block(Parser *p, const char *what, int lineno)
{
    return block(p, what, lineno);
}

static asdl_stmt_seq *
else_block(Parser *p, Token *kw)
{
    if (!_PyP_expect(p, T_COLON)) {
        return NULL;
    }
    return block(p, "'else' statement", kw->lineno);
}

static stmt_ty
if_stmt(Parser *p, Token *kw, const char *what)
{
    expr_ty test = _PyP_named_expression(p);
    if (test == NULL) {
        return NULL;
    }
    if (!_PyP_expect(p, T_COLON)) {
        return NULL;
    }
    char buf[32];
    snprintf(buf, sizeof(buf), "'%s' statement", what);
    asdl_stmt_seq *body = block(p, buf, kw->lineno);
    if (body == NULL) {
        return NULL;
    }
    asdl_stmt_seq *orelse = NULL;
    Token *e;
    if ((e = _PyP_accept_kw(p, KW_elif)) != NULL) {
        if (!_PyP_enter(p)) {
            return NULL;
        }
        stmt_ty s = if_stmt(p, e, "elif");
        LEAVE(p);
        if (s == NULL) {
            return NULL;
        }
        orelse = _Py_asdl_stmt_seq_new(1, p->arena);
        if (orelse == NULL) {
            return NOMEM(p);
        }
        asdl_seq_SET(orelse, 0, s);
    }
    else if ((e = _PyP_accept_kw(p, KW_else)) != NULL) {
        orelse = else_block(p, e);
        if (orelse == NULL) {
            return NULL;
        }
    }
    return _PyAST_If(test, body, orelse, kw->lineno, kw->col_offset, LASTEND(p), p->arena);
}

static stmt_ty
while_stmt(Parser *p, Token *kw)
{
    expr_ty test = _PyP_named_expression(p);
    if (test == NULL || !_PyP_expect(p, T_COLON)) {
        return NULL;
    }
    asdl_stmt_seq *body = block(p, "'while' statement", kw->lineno);
    if (body == NULL) {
        return NULL;
    }
    asdl_stmt_seq *orelse = NULL;
    Token *e = _PyP_accept_kw(p, KW_else);
    if (e && (orelse = else_block(p, e)) == NULL) {
        return NULL;
    }
    return _PyAST_While(test, body, orelse, kw->lineno, kw->col_offset, LASTEND(p), p->arena);
}

static stmt_ty
for_stmt(Parser *p, Token *start, int is_async)
{
    Token *kw = _PyP_last(p);
    expr_ty target = _PyP_star_targets(p);
    if (target == NULL) {
        return NULL;
    }
    if (!_PyP_accept_kw(p, KW_in)) {
        return _PyP_invalid_syntax(p);
    }
    expr_ty iter = _PyP_star_expressions(p);
    if (iter == NULL || !_PyP_expect(p, T_COLON)) {
        return NULL;
    }
    asdl_stmt_seq *body = block(p, "'for' statement", kw->lineno);
    if (body == NULL) {
        return NULL;
    }
    asdl_stmt_seq *orelse = NULL;
    Token *e = _PyP_accept_kw(p, KW_else);
    if (e && (orelse = else_block(p, e)) == NULL) {
        return NULL;
    }
    if (is_async) {
        return _PyAST_AsyncFor(target, iter, body, orelse, NULL, start->lineno, start->col_offset,
                               LASTEND(p), p->arena);
    }
    return _PyAST_For(target, iter, body, orelse, NULL, start->lineno, start->col_offset,
                      LASTEND(p), p->arena);
}

static withitem_ty
with_item(Parser *p)
{
    expr_ty ctx = _PyP_expression(p);
    if (ctx == NULL) {
        return NULL;
    }
    expr_ty vars = NULL;
    if (_PyP_accept_kw(p, KW_as)) {
        vars = _PyP_star_target(p);
        if (vars == NULL) {
            return NULL;
        }
    }
    return _PyAST_withitem(ctx, vars, p->arena);
}

/* Is the '(' at the next token closed by a ')' directly followed by ':'? */
static int
parenthesized_with_items(Parser *p)
{
    int depth = 0;
    for (int k = 0;; k++) {
        Token *t = _PyP_peek(p, k);
        switch (t->type) {
        case T_LPAR: case T_LSQB: case T_LBRACE:
            depth++;
            break;
        case T_RPAR: case T_RSQB: case T_RBRACE:
            if (--depth == 0) {
                return _PyP_peek(p, k + 1)->type == T_COLON;
            }
            break;
        case T_ENDMARKER: case T_ERRORTOKEN: case T_NEWLINE:
            return 0;
        default:
            break;
        }
    }
}

static stmt_ty
with_stmt(Parser *p, Token *start, int is_async)
{
    Token *kw = _PyP_last(p);
    seqbuf items;
    _PyP_seq_init(&items);
    if (_PyP_at(p, T_LPAR) && parenthesized_with_items(p)) {
        int save = p->mark;
        _PyP_next(p);
        /* `with (a, b):` is two items; `with (yield):`-style single
         * expressions parse the same way. */
        for (;;) {
            withitem_ty w = with_item(p);
            if (w == NULL && p->error == 1 && !p->tok->has_error) {
                /* Not a list of items after all, e.g. `with (yield):`. */
                p->error = 0;
                p->mark = save;
                _PyP_seq_init(&items);
                goto plain;
            }
            if (w == NULL || !_PyP_seq_push(p, &items, w)) {
                return NULL;
            }
            if (!_PyP_accept(p, T_COMMA) || _PyP_at(p, T_RPAR)) {
                break;
            }
        }
        if (!_PyP_accept(p, T_RPAR)) {
            /* e.g. `with (a) as b:` never gets here (')' then 'as'), but a
             * genexp `with (x for x in y):` does: reparse as an expression. */
            p->mark = save;
            _PyP_seq_init(&items);
            goto plain;
        }
    }
    else {
    plain:
        do {
            withitem_ty w = with_item(p);
            if (w == NULL || !_PyP_seq_push(p, &items, w)) {
                return NULL;
            }
        } while (_PyP_accept(p, T_COMMA));
    }
    if (!_PyP_expect(p, T_COLON)) {
        return NULL;
    }
    asdl_stmt_seq *body = block(p, "'with' statement", kw->lineno);
    if (body == NULL) {
        return NULL;
    }
    asdl_withitem_seq *s = SEQ_FINISH(p, &items, asdl_withitem_seq);
    if (s == NULL) {
        return NULL;
    }
    if (is_async) {
        return _PyAST_AsyncWith(s, body, NULL, start->lineno, start->col_offset, LASTEND(p), p->arena);
    }
    return _PyAST_With(s, body, NULL, start->lineno, start->col_offset, LASTEND(p), p->arena);
}

static stmt_ty
try_stmt(Parser *p, Token *kw)
{
    if (!_PyP_expect(p, T_COLON)) {
        return NULL;
    }
    asdl_stmt_seq *body = block(p, "'try' statement", kw->lineno);
    if (body == NULL) {
        return NULL;
    }
    seqbuf handlers;
    _PyP_seq_init(&handlers);
    int star = -1;
    Token *ex;
    while ((ex = _PyP_accept_kw(p, KW_except)) != NULL) {
        int this_star = _PyP_accept(p, T_STAR) != NULL;
        if (star == -1) {
            star = this_star;
        }
        else if (star != this_star) {
            return _PyP_syntax_error_tok(p, ex, "cannot have both 'except' and 'except*' on the same 'try'");
        }
        expr_ty type = NULL;
        identifier name = NULL;
        if (!_PyP_at(p, T_COLON)) {
            type = _PyP_expression(p);
            if (type == NULL) {
                return NULL;
            }
            if (_PyP_at(p, T_COMMA)) {
                /* except A, B: */
                int save = p->mark;
                _PyP_next(p);
                expr_ty more = _PyP_expression(p);
                (void)more;
                p->mark = save;
                p->error = 0;
                return _PyP_syntax_error_range(p, type->lineno, type->col_offset,
                                               _PyP_last(p)->end_lineno,
                                               _PyP_last(p)->end_col_offset,
                                               "multiple exception types must be parenthesized");
            }
            if (_PyP_accept_kw(p, KW_as)) {
                Token *n = _PyP_peek(p, 0);
                if (n->type != T_NAME || n->kw) {
                    return _PyP_invalid_syntax(p);
                }
                _PyP_next(p);
                name = _PyP_identifier(p, n);
            }
        }
        else if (this_star) {
            return _PyP_syntax_error_tok(p, _PyP_peek(p, 0), "expected one or more exception types");
        }
        if (!_PyP_expect(p, T_COLON)) {
            return NULL;
        }
        asdl_stmt_seq *hb = block(p, this_star ? "'except*' statement" : "'except' statement",
                                  ex->lineno);
        if (hb == NULL) {
            return NULL;
        }
        excepthandler_ty h = _PyAST_ExceptHandler(type, name, hb, ex->lineno, ex->col_offset,
                                                  LASTEND(p), p->arena);
        if (h == NULL || !_PyP_seq_push(p, &handlers, h)) {
            return NULL;
        }
    }
    asdl_stmt_seq *orelse = NULL, *finalbody = NULL;
    Token *e;
    if (handlers.n > 0 && (e = _PyP_accept_kw(p, KW_else)) != NULL) {
        if ((orelse = else_block(p, e)) == NULL) {
            return NULL;
        }
    }
    if ((e = _PyP_accept_kw(p, KW_finally)) != NULL) {
        if (!_PyP_expect(p, T_COLON)) {
            return NULL;
        }
        if ((finalbody = block(p, "'finally' statement", e->lineno)) == NULL) {
            return NULL;
        }
    }
    if (handlers.n == 0 && finalbody == NULL) {
        Token *t = _PyP_peek(p, 0);
        if (t->type == T_ERRORTOKEN && p->tok->has_error) {
            return _PyP_invalid_syntax(p);
        }
        return _PyP_syntax_error_tok(p, t, "expected 'except' or 'finally' block");
    }
    asdl_excepthandler_seq *hs = SEQ_FINISH(p, &handlers, asdl_excepthandler_seq);
    if (hs == NULL) {
        return NULL;
    }
    int el = _PyP_last(p)->end_lineno, ec = _PyP_last(p)->end_col_offset;
    if (star == 1) {
        return _PyAST_TryStar(body, hs, orelse, finalbody, kw->lineno, kw->col_offset, el, ec,
                              p->arena);
    }
    return _PyAST_Try(body, hs, orelse, finalbody, kw->lineno, kw->col_offset, el, ec, p->arena);
}

static stmt_ty
funcdef(Parser *p, Token *start, asdl_expr_seq *decorators, int is_async)
{
    Token *kw = _PyP_last(p);
    Token *n = _PyP_peek(p, 0);
    if (n->type != T_NAME || n->kw) {
        return _PyP_invalid_syntax(p);
    }
    _PyP_next(p);
    if (!_PyP_at(p, T_LPAR)) {
        if (_PyP_at(p, T_LSQB)) {
            return _PyP_syntax_error_tok(p, _PyP_peek(p, 0),
                                         "type parameter lists are not supported");
        }
        return _PyP_syntax_error_tok(p, _PyP_peek(p, 0), "expected '('");
    }
    _PyP_next(p);
    arguments_ty args = _PyP_parameters(p, 0, T_RPAR);
    if (args == NULL || !_PyP_expect(p, T_RPAR)) {
        return NULL;
    }
    expr_ty returns = NULL;
    if (_PyP_accept(p, T_RARROW)) {
        returns = _PyP_expression(p);
        if (returns == NULL) {
            return NULL;
        }
    }
    if (!_PyP_expect(p, T_COLON)) {
        return NULL;
    }
    asdl_stmt_seq *body = block(p, "function definition", kw->lineno);
    if (body == NULL) {
        return NULL;
    }
    identifier name = _PyP_identifier(p, n);
    if (is_async) {
        return _PyAST_AsyncFunctionDef(name, args, body, decorators, returns, NULL, start->lineno,
                                       start->col_offset, LASTEND(p),
                                       p->arena);
    }
    return _PyAST_FunctionDef(name, args, body, decorators, returns, NULL, start->lineno,
                              start->col_offset, LASTEND(p), p->arena);
}

static stmt_ty
classdef(Parser *p, Token *kw, asdl_expr_seq *decorators)
{
    Token *n = _PyP_peek(p, 0);
    if (n->type != T_NAME || n->kw) {
        return _PyP_invalid_syntax(p);
    }
    _PyP_next(p);
    asdl_expr_seq *bases = NULL;
    asdl_keyword_seq *kws = NULL;
    if (_PyP_accept(p, T_LPAR)) {
        if (!_PyP_call_arguments(p, &bases, &kws, T_RPAR)) {
            return NULL;
        }
        if (!_PyP_expect(p, T_RPAR)) {
            return NULL;
        }
    }
    else if (_PyP_at(p, T_LSQB)) {
        return _PyP_syntax_error_tok(p, _PyP_peek(p, 0), "type parameter lists are not supported");
    }
    if (!_PyP_expect(p, T_COLON)) {
        return NULL;
    }
    asdl_stmt_seq *body = block(p, "class definition", kw->lineno);
    if (body == NULL) {
        return NULL;
    }
    return _PyAST_ClassDef(_PyP_identifier(p, n), bases, kws, body, decorators, kw->lineno,
                           kw->col_offset, LASTEND(p), p->arena);
}

static stmt_ty
compound_or_null(Parser *p, int *handled)
{
    Token *t = _PyP_peek(p, 0);
    *handled = 1;
    asdl_expr_seq *decorators = NULL;
    if (t->type == T_AT) {
        seqbuf decs;
        _PyP_seq_init(&decs);
        while (_PyP_accept(p, T_AT)) {
            expr_ty d = _PyP_named_expression(p);
            if (d == NULL || !_PyP_seq_push(p, &decs, d)) {
                return NULL;
            }
            if (!_PyP_accept(p, T_NEWLINE)) {
                return _PyP_invalid_syntax(p);
            }
        }
        decorators = SEQ_FINISH(p, &decs, asdl_expr_seq);
        if (decorators == NULL) {
            return NULL;
        }
        t = _PyP_peek(p, 0);
        if (t->type == T_NAME && t->kw == KW_def) {
            _PyP_next(p);
            return funcdef(p, t, decorators, 0);
        }
        if (t->type == T_NAME && t->kw == KW_class) {
            _PyP_next(p);
            return classdef(p, t, decorators);
        }
        if (t->type == T_NAME && t->kw == KW_async && _PyP_peek(p, 1)->kw == KW_def) {
            _PyP_next(p);
            _PyP_next(p);
            return funcdef(p, t, decorators, 1);
        }
        return _PyP_invalid_syntax(p);
    }
    if (t->type != T_NAME) {
        *handled = 0;
        return NULL;
    }
    if (t->kw == 0 && _PyP_at_match_stmt(p)) {
        _PyP_next(p);
        return _PyP_match_stmt(p, t);
    }
    switch (t->kw) {
    case KW_if:
        _PyP_next(p);
        return if_stmt(p, t, "if");
    case KW_while:
        _PyP_next(p);
        return while_stmt(p, t);
    case KW_for:
        _PyP_next(p);
        return for_stmt(p, t, 0);
    case KW_with:
        _PyP_next(p);
        return with_stmt(p, t, 0);
    case KW_try:
        _PyP_next(p);
        return try_stmt(p, t);
    case KW_def:
        _PyP_next(p);
        return funcdef(p, t, NULL, 0);
    case KW_class:
        _PyP_next(p);
        return classdef(p, t, NULL);
    case KW_async: {
        Token *n = _PyP_peek(p, 1);
        if (n->type == T_NAME && (n->kw == KW_def || n->kw == KW_for || n->kw == KW_with)) {
            _PyP_next(p);
            _PyP_next(p);
            if (n->kw == KW_def) {
                return funcdef(p, t, NULL, 1);
            }
            if (n->kw == KW_for) {
                return for_stmt(p, t, 1);
            }
            return with_stmt(p, t, 1);
        }
        _PyP_next(p);
        return _PyP_invalid_syntax(p);
    }
    case KW_elif: case KW_else: case KW_except: case KW_finally:
        return _PyP_invalid_syntax(p);
    default:
        *handled = 0;
        return NULL;
    }
}

static int
statement(Parser *p, seqbuf *out)
{
    int handled;
    if (!_PyP_enter(p)) {
        return 0;
    }
    stmt_ty s = compound_or_null(p, &handled);
    if (handled) {
        LEAVE(p);
        return s != NULL && _PyP_seq_push(p, out, s);
    }
    if (p->error) {
        LEAVE(p);
        return 0;
    }
    int ok = simple_stmts(p, out);
    LEAVE(p);
    return ok;
}

/* ---------------------------------------------------------------- entry */

/* Between top-level statements no Token pointer is live: drop consumed
 * tokens so memory stays proportional to the largest statement. */
static void
compact_tokens(Parser *p)
{
    if (p->mark < 4 * TOKEN_CHUNK) {
        return;
    }
    int keep = p->fill - p->mark;
    for (int i = 0; i < keep; i++) {
        *_PyP_token(p, i) = *_PyP_token(p, p->mark + i);
    }
    p->fill = keep;
    p->mark = 0;
}

static mod_ty
file_input(Parser *p)
{
    seqbuf body;
    _PyP_seq_init(&body);
    while (!_PyP_at(p, T_ENDMARKER)) {
        if (_PyP_accept(p, T_NEWLINE)) {
            continue;
        }
        if (!statement(p, &body)) {
            return NULL;
        }
        compact_tokens(p);
    }
    asdl_stmt_seq *s = SEQ_FINISH(p, &body, asdl_stmt_seq);
    if (s == NULL) {
        return NULL;
    }
    return _PyAST_Module(s, NULL, p->arena);
}

static mod_ty
eval_input(Parser *p)
{
    expr_ty e = _PyP_star_expressions(p);
    if (e == NULL) {
        return NULL;
    }
    while (_PyP_accept(p, T_NEWLINE)) {
    }
    if (!_PyP_at(p, T_ENDMARKER)) {
        return _PyP_invalid_syntax(p);
    }
    return _PyAST_Expression(e, p->arena);
}

static mod_ty
single_input(Parser *p)
{
    seqbuf body;
    _PyP_seq_init(&body);
    while (_PyP_accept(p, T_NEWLINE)) {
    }
    if (!_PyP_at(p, T_ENDMARKER)) {
        if (!statement(p, &body)) {
            return NULL;
        }
        while (_PyP_accept(p, T_NEWLINE)) {
        }
        if (!_PyP_at(p, T_ENDMARKER)) {
            Token *t = _PyP_peek(p, 0);
            if (t->type == T_ERRORTOKEN && p->tok->has_error) {
                return _PyP_invalid_syntax(p);
            }
            /* CPython points at the end of the first statement. */
            Token *nl = _PyP_token(p, p->mark > 0 ? p->mark - 1 : 0);
            return _PyP_syntax_error_tok(p, nl->type == T_NEWLINE ? nl : t,
                                         "multiple statements found while compiling a single statement");
        }
    }
    asdl_stmt_seq *s = SEQ_FINISH(p, &body, asdl_stmt_seq);
    if (s == NULL) {
        return NULL;
    }
    return _PyAST_Interactive(s, p->arena);
}

/* Start of line `lineno` in the decoded buffer. */
static const char *
line_start(tok_state *tok, int lineno, const char **end)
{
    const char *s = tok->buf;
    for (int l = 1; l < lineno && s < tok->end; l++) {
        const char *nl = memchr(s, '\n', (size_t)(tok->end - s));
        if (nl == NULL) {
            s = tok->end;
            break;
        }
        s = nl + 1;
    }
    const char *e = memchr(s, '\n', (size_t)(tok->end - s));
    *end = e ? e + 1 : tok->end;
    return s;
}

static int
chars_in(const char *s, const char *e)
{
    int n = 0;
    for (; s < e; s++) {
        if (((unsigned char)*s & 0xC0) != 0x80) {
            n++;
        }
    }
    return n;
}

/* Convert byte columns to 1-based character offsets and attach the line. */
static void
finish_error(Parser *p)
{
    PyParserError *e = p->err;
    tok_state *tok = p->tok;
    int from_tokenizer = 0;
    if (p->error == 2 || (!p->error && tok->has_error)) {
        from_tokenizer = 1;
    }
    else if (p->error && strcmp(e->type, "MemoryError") != 0) {
        /* A later tokenizer error takes precedence over a parser error. */
        /* Line of the furthest token the parser looked at (CPython compares
         * it with the line of an unclosed bracket). */
        int lineno = p->fill > 0 ? _PyP_token(p, p->fill - 1)->lineno : e->lineno;
        if (!tok->has_error) {
            Token t;
            int guard = 0;
            while (!tok->done && guard++ < 100000000) {
                _PyTokenizer_Get(tok, &t);
            }
        }
        if (tok->has_error) {
            int unclosed = strstr(tok->err.msg, "was never closed") != NULL;
            if (!unclosed || lineno > tok->err.lineno) {
                from_tokenizer = 1;
            }
        }
        if (!from_tokenizer && p->error == 3) {
            /* The parser ran into the end of input. */
            snprintf(e->msg, sizeof(e->msg), "invalid syntax");
        }
    }
    if (from_tokenizer) {
        e->type = tok->err.type;
        memcpy(e->msg, tok->err.msg, sizeof(tok->err.msg) < sizeof(e->msg) ? sizeof(tok->err.msg)
                                                                            : sizeof(e->msg));
        e->msg[sizeof(e->msg) - 1] = '\0';
        e->lineno = tok->err.lineno;
        e->offset = tok->err.col;
        e->end_lineno = tok->err.end_lineno;
        /* CPython's tokenizer errors end where they start, except an
         * unclosed bracket's (end column 0). */
        e->end_offset = tok->err.end_col;
        if (e->end_offset < 0 && strcmp(e->type, "SyntaxError") == 0 &&
            !strstr(e->msg, "was never closed")) {
            e->end_offset = tok->err.col;
        }
    }
    if (e->type == NULL) {
        e->type = "SyntaxError";
        snprintf(e->msg, sizeof(e->msg), "invalid syntax");
    }
    if (e->lineno <= 0 || strcmp(e->type, "MemoryError") == 0) {
        /* Decoding errors: CPython reports lineno 0 (None) here. */
        e->text = NULL;
        if (e->lineno > 0) {
            e->offset += 1;
        }
        return;
    }
    const char *le;
    const char *ls = line_start(tok, e->lineno, &le);
    e->text = _PyArena_Strndup(p->arena, ls, (size_t)(le - ls));
    if (e->text != NULL && (le == ls || le[-1] != '\n') &&
        (!from_tokenizer || strstr(e->msg, "was never closed"))) {
        /* CPython's parser sees the implicit newline that ends the last
         * line, and its text shows it; tokenizer errors stop before. */
        size_t n = (size_t)(le - ls);
        char *t = _PyArena_Malloc(p->arena, n + 2);
        if (t != NULL) {
            memcpy(t, ls, n);
            t[n] = '\n';
            t[n + 1] = '\0';
            e->text = t;
            /* Columns may point at that newline too. */
            ls = t;
            le = t + n + 1;
        }
    }
    int bcol = e->offset;
    if (bcol < 0) {
        bcol = 0;
    }
    if (ls + bcol > le) {
        bcol = (int)(le - ls);
    }
    e->offset = chars_in(ls, ls + bcol) + 1;
    if (e->end_offset >= 0 && e->end_lineno > 0) {
        const char *le2 = le;
        const char *ls2 = e->end_lineno == e->lineno ? ls : line_start(tok, e->end_lineno, &le2);
        int ec = e->end_offset;
        if (ls2 + ec > le2) {
            ec = (int)(le2 - ls2);
        }
        e->end_offset = chars_in(ls2, ls2 + ec) + 1;
    }
    if (from_tokenizer && strstr(e->msg, "was never closed")) {
        e->end_offset = 0;
    }
}

mod_ty
_PyParser_ParseString(const char *src, size_t len, const char *filename, int mode,
                      PyArena *arena, PyParserError *err)
{
    return _PyParser_ParseStringFlags(src, len, filename, mode, 0, arena, err);
}

mod_ty
_PyParser_ParseStringFlags(const char *src, size_t len, const char *filename, int mode,
                           int flags, PyArena *arena, PyParserError *err)
{
    memset(err, 0, sizeof(*err));
    Parser p;
    memset(&p, 0, sizeof(p));
    p.arena = arena;
    p.err = err;
    p.mode = mode;
    p.flags = flags;
    p.tok = _PyTokenizer_New(src, len, filename);
    if (p.tok == NULL) {
        err->type = "MemoryError";
        snprintf(err->msg, sizeof(err->msg), "out of memory");
        return NULL;
    }
    mod_ty m;
    if (mode == Py_eval_input) {
        m = eval_input(&p);
    }
    else if (mode == Py_single_input) {
        m = single_input(&p);
    }
    else {
        m = file_input(&p);
    }
    if (m != NULL && p.error) {
        m = NULL;
    }
    if (m == NULL) {
        if (!p.error && !p.tok->has_error) {
            _PyP_invalid_syntax(&p);
        }
        finish_error(&p);
    }
    _PyTokenizer_Free(p.tok);
    for (int i = 0; i < p.nchunks; i++) {
        free(p.chunks[i]);
    }
    free(p.chunks);
    return m;
}
