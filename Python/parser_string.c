/* parser_string.c: literals: numbers, string and bytes literals (escape
 * decoding, implicit concatenation) and f-strings (PEP 701 token stream ->
 * JoinedStr / FormattedValue).  Decoded str values are UTF-8; lone
 * surrogates from \\u escapes are kept as 3-byte sequences (see pycore_ast.h). */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "parser_impl.h"

#define NOMEM(p) _PyP_error_at((p), "MemoryError", 0, 0, 0, 0, "out of memory")

unsigned int _PyP_lookup_unicode_name(const char *upper_name);

/* ---------------------------------------------------------------- numbers */

expr_ty
_PyP_number(Parser *p, Token *t)
{
    size_t n = (size_t)(t->end - t->start);
    char *buf = _PyArena_Malloc(p->arena, n + 1);
    if (buf == NULL) {
        return NOMEM(p);
    }
    size_t k = 0;
    for (const char *s = t->start; s < t->end; s++) {
        if (*s != '_') {
            buf[k++] = *s;
        }
    }
    buf[k] = '\0';
    constant c = {CONST_INT, 10, buf, (Py_ssize_t)k};
    if (k > 0 && (buf[k - 1] == 'j' || buf[k - 1] == 'J')) {
        buf[--k] = '\0';
        c.kind = CONST_IMAG;
        c.base = 0;
        c.len = (Py_ssize_t)k;
    }
    else if (k > 1 && buf[0] == '0' && strchr("xXoObB", buf[1]) != NULL) {
        c.base = (buf[1] == 'x' || buf[1] == 'X') ? 16 : (buf[1] == 'o' || buf[1] == 'O') ? 8 : 2;
        c.data = buf + 2;
        c.len = (Py_ssize_t)k - 2;
    }
    else if (strpbrk(buf, ".eE") != NULL) {
        c.kind = CONST_FLOAT;
        c.base = 0;
    }
    else {
        /* Decimal: drop redundant leading zeros ("000" -> "0"). */
        size_t z = 0;
        while (z + 1 < k && buf[z] == '0') {
            z++;
        }
        c.data = buf + z;
        c.len = (Py_ssize_t)(k - z);
    }
    return _PyAST_Constant(c, NULL, t->lineno, t->col_offset, t->end_lineno, t->end_col_offset,
                           p->arena);
}

/* ---------------------------------------------------------------- buffers */

typedef struct {
    char *data;
    size_t len, cap;
    Parser *p;
} strbuf;

static int
sb_reserve(strbuf *b, size_t extra)
{
    if (b->len + extra + 1 <= b->cap) {
        return 1;
    }
    size_t ncap = b->cap ? b->cap * 2 : 64;
    while (ncap < b->len + extra + 1) {
        ncap *= 2;
    }
    char *nd = _PyArena_Malloc(b->p->arena, ncap);
    if (nd == NULL) {
        NOMEM(b->p);
        return 0;
    }
    if (b->len) {
        memcpy(nd, b->data, b->len);
    }
    b->data = nd;
    b->cap = ncap;
    return 1;
}

static int
sb_add(strbuf *b, const char *s, size_t n)
{
    if (!sb_reserve(b, n)) {
        return 0;
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
    return 1;
}

static int
sb_byte(strbuf *b, unsigned char c)
{
    char ch = (char)c;
    return sb_add(b, &ch, 1);
}

/* Append a code point as (generalized) UTF-8: surrogates get 3 bytes. */
static int
sb_cp(strbuf *b, unsigned int cp)
{
    char u[4];
    size_t n;
    if (cp < 0x80) {
        u[0] = (char)cp;
        n = 1;
    }
    else if (cp < 0x800) {
        u[0] = (char)(0xC0 | (cp >> 6));
        u[1] = (char)(0x80 | (cp & 0x3F));
        n = 2;
    }
    else if (cp < 0x10000) {
        u[0] = (char)(0xE0 | (cp >> 12));
        u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        u[2] = (char)(0x80 | (cp & 0x3F));
        n = 3;
    }
    else {
        u[0] = (char)(0xF0 | (cp >> 18));
        u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        u[3] = (char)(0x80 | (cp & 0x3F));
        n = 4;
    }
    return sb_add(b, u, n);
}

/* ---------------------------------------------------------------- escapes */

static int
hexval(int c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

/* Character index of byte position `pos` within [s, ...). */
static int
char_index(const char *s, const char *pos)
{
    int n = 0;
    for (; s < pos; s++) {
        if (((unsigned char)*s & 0xC0) != 0x80) {
            n++;
        }
    }
    return n;
}

static unsigned int
lookup_name(const char *s, size_t n)
{
    char name[128];
    if (n == 0 || n >= sizeof(name)) {
        return 0xFFFFFFFFu;
    }
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        name[i] = (c >= 'a' && c <= 'z') ? (char)(c - 'a' + 'A') : c;
    }
    name[n] = '\0';
    static const char cjk[] = "CJK UNIFIED IDEOGRAPH-";
    if (strncmp(name, cjk, sizeof(cjk) - 1) == 0) {
        unsigned int v = 0;
        const char *h = name + sizeof(cjk) - 1;
        size_t hl = strlen(h);
        if (hl < 4 || hl > 5) {
            return 0xFFFFFFFFu;
        }
        for (; *h; h++) {
            int d = hexval(*h);
            if (d < 0) {
                return 0xFFFFFFFFu;
            }
            v = v * 16 + (unsigned)d;
        }
        if ((v >= 0x4E00 && v <= 0x9FFF) || (v >= 0x3400 && v <= 0x4DBF) ||
            (v >= 0x20000 && v <= 0x2A6DF)) {
            return v;
        }
        return 0xFFFFFFFFu;
    }
    return _PyP_lookup_unicode_name(name);
}

/* Where CPython 3.13 puts a decoding error (bad escape) of a literal: a
 * plain string's whole token; in an f-string the closing FSTRING_END token
 * (the last one its parser had read when it decoded the pieces). */
static void *
escape_error(Parser *p, Token *tok, int in_fstring, const char *fmt, ...)
{
    Token *at = tok;
    if (in_fstring) {
        int depth = 0;
        for (int k = 0; k < 100000; k++) {
            Token *n = _PyP_peek(p, k);
            if (n->type == T_ENDMARKER || n->type == T_ERRORTOKEN) {
                break;
            }
            if (n->type == T_FSTRING_START) {
                depth++;
            }
            else if (n->type == T_FSTRING_END && depth-- == 0) {
                at = n;
                break;
            }
        }
    }
    char msg[300];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return _PyP_syntax_error_range(p, at->lineno, at->col_offset, at->end_lineno,
                                   at->end_col_offset, "%s", msg);
}

/* Decode the body [s, e) of a non-raw literal.  `tok` is the token (for
 * errors), `body0` the start of the body (for codec error positions). */
static int
decode_escapes(Parser *p, strbuf *b, const char *s, const char *e, int is_bytes, Token *tok,
               const char *body0, int fstring_braces)
{
    const char *codec = is_bytes ? "(value error)" : "(unicode error) 'unicodeescape' codec";
    while (s < e) {
        unsigned char c = (unsigned char)*s;
        if (fstring_braces && (c == '{' || c == '}') && s + 1 < e && s[1] == (char)c) {
            if (!sb_byte(b, c)) {
                return 0;
            }
            s += 2;
            continue;
        }
        if (c != '\\') {
            if (is_bytes && c >= 0x80) {
                _PyP_syntax_error_tok(p, tok, "bytes can only contain ASCII literal characters");
                return 0;
            }
            if (!sb_byte(b, c)) {
                return 0;
            }
            s++;
            continue;
        }
        const char *esc = s;
        s++;
        if (s >= e) {
            /* A lone trailing backslash cannot happen in a complete token. */
            return sb_byte(b, '\\');
        }
        c = (unsigned char)*s++;
        int ok = 1;
        switch (c) {
        case '\n': break;
        case '\\': ok = sb_byte(b, '\\'); break;
        case '\'': ok = sb_byte(b, '\''); break;
        case '"': ok = sb_byte(b, '"'); break;
        case 'a': ok = sb_byte(b, 7); break;
        case 'b': ok = sb_byte(b, 8); break;
        case 'f': ok = sb_byte(b, 12); break;
        case 'n': ok = sb_byte(b, 10); break;
        case 'r': ok = sb_byte(b, 13); break;
        case 't': ok = sb_byte(b, 9); break;
        case 'v': ok = sb_byte(b, 11); break;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
            unsigned int v = c - '0';
            for (int i = 0; i < 2 && s < e && *s >= '0' && *s <= '7'; i++) {
                v = v * 8 + (unsigned)(*s++ - '0');
            }
            if (is_bytes) {
                ok = sb_byte(b, (unsigned char)(v & 0xFF));
            }
            else {
                ok = sb_cp(b, v);
            }
            break;
        }
        case 'x':
        case 'u':
        case 'U': {
            int ndig = c == 'x' ? 2 : c == 'u' ? 4 : 8;
            if (is_bytes && c != 'x') {
                ok = sb_byte(b, '\\') && sb_byte(b, c);
                break;
            }
            unsigned int v = 0;
            int i;
            for (i = 0; i < ndig && s < e && hexval(*s) >= 0; i++) {
                v = v * 16 + (unsigned)hexval(*s++);
            }
            if (i < ndig) {
                int start = char_index(body0, esc);
                int end = char_index(body0, s) - 1;
                if (is_bytes) {
                    escape_error(p, tok, fstring_braces,
                                 "%s invalid \\x escape at position %d", codec, start);
                }
                else {
                    escape_error(p, tok, fstring_braces,
                                 "%s can't decode bytes in position %d-%d: truncated \\%c%s escape",
                                 codec, start, end, c,
                                 c == 'x' ? "XX" : c == 'u' ? "XXXX" : "XXXXXXXX");
                }
                return 0;
            }
            if (is_bytes) {
                ok = sb_byte(b, (unsigned char)v);
            }
            else if (v > 0x10FFFF) {
                escape_error(p, tok, fstring_braces,
                             "%s can't decode bytes in position %d-%d: illegal Unicode character",
                             codec, char_index(body0, esc), char_index(body0, s) - 1);
                return 0;
            }
            else {
                ok = sb_cp(b, v);
            }
            break;
        }
        case 'N': {
            if (is_bytes) {
                ok = sb_byte(b, '\\') && sb_byte(b, 'N');
                break;
            }
            unsigned int v = 0xFFFFFFFFu;
            if (s < e && *s == '{') {
                const char *ne = memchr(s, '}', (size_t)(e - s));
                if (ne != NULL) {
                    v = lookup_name(s + 1, (size_t)(ne - s - 1));
                    if (v != 0xFFFFFFFFu) {
                        s = ne + 1;
                    }
                    else {
                        s = ne + 1;
                        escape_error(p, tok, fstring_braces,
                                     "%s can't decode bytes in position %d-%d: unknown Unicode "
                                     "character name",
                                     codec, char_index(body0, esc), char_index(body0, s) - 1);
                        return 0;
                    }
                }
            }
            if (v == 0xFFFFFFFFu) {
                s = e;   /* CPython reports the rest of the literal */
                escape_error(p, tok, fstring_braces,
                             "%s can't decode bytes in position %d-%d: malformed \\N character "
                             "escape",
                             codec, char_index(body0, esc), char_index(body0, s) - 1);
                return 0;
            }
            ok = sb_cp(b, v);
            break;
        }
        default:
            /* Unknown escape: kept verbatim (CPython only warns). */
            ok = sb_byte(b, '\\');
            s--;
            break;
        }
        if (!ok) {
            return 0;
        }
    }
    return 1;
}

static int
append_raw(Parser *p, strbuf *b, const char *s, const char *e, int is_bytes, Token *tok,
           int fstring_braces)
{
    for (; s < e; s++) {
        if (is_bytes && (unsigned char)*s >= 0x80) {
            _PyP_syntax_error_tok(p, tok, "bytes can only contain ASCII literal characters");
            return 0;
        }
        if (fstring_braces && (*s == '{' || *s == '}') && s + 1 < e && s[1] == *s) {
            s++;
        }
        if (!sb_byte(b, (unsigned char)*s)) {
            return 0;
        }
    }
    return 1;
}

/* ---------------------------------------------------------------- strings */

typedef struct {
    int is_bytes, is_raw, is_u, is_f;
    const char *body, *body_end;
} prefix_info;

static void
parse_prefix(const char *s, const char *e, prefix_info *pi, int whole_token)
{
    memset(pi, 0, sizeof(*pi));
    while (s < e && *s != '\'' && *s != '"') {
        switch (*s) {
        case 'b': case 'B': pi->is_bytes = 1; break;
        case 'r': case 'R': pi->is_raw = 1; break;
        case 'u': pi->is_u = 1; break;
        case 'U': pi->is_u = 2; break;
        case 'f': case 'F': pi->is_f = 1; break;
        default: break;
        }
        s++;
    }
    if (!whole_token) {
        return;
    }
    char q = *s;
    int ql = (e - s >= 6 && s[1] == q && s[2] == q) ? 3 : 1;
    pi->body = s + ql;
    pi->body_end = e - ql;
}

/* Pieces of a (possibly concatenated) string being built. */
typedef struct {
    Parser *p;
    seqbuf values;       /* JoinedStr values (expr_ty) */
    strbuf pending;      /* literal text not yet flushed into a Constant */
    int has_pending;
    Token *pend_tok;     /* first token contributing to `pending` */
    Token *pend_last;
} joined;

static int
flush_pending(joined *j)
{
    if (!j->has_pending) {
        return 1;
    }
    j->has_pending = 0;
    if (j->pending.len == 0) {
        return 1;
    }
    constant c = {CONST_STR, 0, j->pending.data, (Py_ssize_t)j->pending.len};
    expr_ty e = _PyAST_Constant(c, NULL, j->pend_tok->lineno, j->pend_tok->col_offset,
                                j->pend_last->end_lineno, j->pend_last->end_col_offset,
                                j->p->arena);
    memset(&j->pending, 0, sizeof(j->pending));
    j->pending.p = j->p;
    if (e == NULL) {
        NOMEM(j->p);
        return 0;
    }
    return _PyP_seq_push(j->p, &j->values, e);
}

static strbuf *
pending_buf(joined *j, Token *t)
{
    if (!j->has_pending) {
        j->has_pending = 1;
        j->pend_tok = t;
        memset(&j->pending, 0, sizeof(j->pending));
        j->pending.p = j->p;
    }
    j->pend_last = t;
    return &j->pending;
}

static expr_ty fstring_replacement_field(Parser *p, Token *lbrace, int raw);

/* FSTRING_MIDDLE / replacement fields until `stop` (FSTRING_END or RBRACE
 * for a format spec), appending to j. */
static int
fstring_parts(Parser *p, joined *j, int raw, int stop)
{
    for (;;) {
        Token *t = _PyP_peek(p, 0);
        if (t->type == stop) {
            return 1;
        }
        if (t->type == T_FSTRING_MIDDLE) {
            _PyP_next(p);
            strbuf *b = pending_buf(j, t);
            int ok = raw ? append_raw(p, b, t->start, t->end, 0, t, 1)
                         : decode_escapes(p, b, t->start, t->end, 0, t, t->start, 1);
            if (!ok) {
                return 0;
            }
            if (b->data == NULL && !sb_reserve(b, 0)) {
                return 0;
            }
            continue;
        }
        if (t->type == T_LBRACE) {
            _PyP_next(p);
            expr_ty fv = fstring_replacement_field(p, t, raw);
            if (fv == NULL) {
                return 0;
            }
            if (fv->kind == JoinedStr_kind) {
                /* debug text + value */
                for (Py_ssize_t i = 0; i < asdl_seq_LEN(fv->v.JoinedStr.values); i++) {
                    expr_ty part = asdl_seq_GET(fv->v.JoinedStr.values, i);
                    if (part->kind == Constant_kind) {
                        strbuf *b = pending_buf(j, t);
                        if (!sb_add(b, part->v.Constant.value.data,
                                    (size_t)part->v.Constant.value.len)) {
                            return 0;
                        }
                    }
                    else {
                        if (!flush_pending(j) || !_PyP_seq_push(p, &j->values, part)) {
                            return 0;
                        }
                    }
                }
                continue;
            }
            if (!flush_pending(j) || !_PyP_seq_push(p, &j->values, fv)) {
                return 0;
            }
            continue;
        }
        if (t->type == T_ERRORTOKEN || t->type == T_ENDMARKER) {
            _PyP_invalid_syntax(p);
            return 0;
        }
        _PyP_syntax_error_tok(p, t, stop == T_RBRACE ? "f-string: expecting '}', or format specs"
                                                     : "f-string: expecting '}'");
        return 0;
    }
}

static expr_ty
field_expression(Parser *p)
{
    return _PyP_at_kw(p, KW_yield) ? _PyP_yield_expr(p) : _PyP_star_expressions(p);
}

/* The expression of a replacement field starting at token `start` failed
 * with a plain "invalid syntax".  CPython's grammar backtracks there to the
 * longest prefix that is an expression and complains about the token after
 * it; failing that, about the first token.  Emulated by parsing ever shorter
 * prefixes, each cut off by a '}' put in place of the token after it (error
 * paths only, so the quadratic cost does not matter). */
static void
refine_field_error(Parser *p, int start)
{
    PyParserError saved = *p->err;
    int last = p->fill - 1;
    for (int i = start; i < p->fill; i++) {
        Token *t = _PyP_token(p, i);
        if (t->lineno == saved.lineno && t->col_offset == saved.offset) {
            last = i;
            break;
        }
    }
    Token *first = _PyP_token(p, start);
    if (first->type == T_NAME && first->kw == KW_lambda) {
        /* `{lambda x: 1}`: the ':' ends the field's expression. */
        for (int i = start + 1; i < p->fill; i++) {
            Token *t = _PyP_token(p, i);
            if (t->type == T_COLON && t->level == first->level) {
                p->error = 0;
                _PyP_syntax_error_range(p, first->lineno, first->col_offset, t->end_lineno,
                                        t->end_col_offset,
                                        "f-string: lambda expressions are not allowed without "
                                        "parentheses");
                return;
            }
        }
    }
    for (int k = last; k > start; k--) {
        Token *cut = _PyP_token(p, k);
        int type = cut->type;
        cut->type = T_RBRACE;
        p->mark = start;
        p->error = 0;
        expr_ty e = field_expression(p);
        int ok = e != NULL && !p->error && p->mark == k;
        cut->type = type;
        if (ok) {
            p->error = 0;
            *p->err = saved;
            _PyP_syntax_error_tok(p, cut, "f-string: expecting '=', or '!', or ':', or '}'");
            return;
        }
    }
    p->error = 0;
    _PyP_syntax_error_tok(p, first, "f-string: expecting a valid expression after '{'");
}

static expr_ty
fstring_replacement_field(Parser *p, Token *lbrace, int raw)
{
    Token *t = _PyP_peek(p, 0);
    if (t->type == T_RBRACE || t->type == T_EXCLAMATION || t->type == T_COLON ||
        t->type == T_EQUAL) {
        const char *what = t->type == T_RBRACE ? "}" : t->type == T_EXCLAMATION ? "!"
                         : t->type == T_COLON ? ":" : "=";
        return _PyP_syntax_error_tok(p, t, "f-string: valid expression required before '%s'", what);
    }
    if (!_PyP_enter(p)) {
        return NULL;
    }
    p->fstring_depth++;
    int start = p->mark;
    expr_ty value = field_expression(p);
    if (value == NULL && p->error == 1 && !p->tok->has_error &&
        strcmp(p->err->msg, "invalid syntax") == 0) {
        refine_field_error(p, start);
    }
    if (value != NULL) {
        int nt = _PyP_peek(p, 0)->type;
        if (nt != T_EQUAL && nt != T_EXCLAMATION && nt != T_COLON && nt != T_RBRACE &&
            _PyP_starts_expression(p)) {
            _PyP_forgot_comma(p, value);
            value = NULL;
        }
    }
    p->fstring_depth--;
    LEAVE(p);
    if (value == NULL) {
        return NULL;
    }
    expr_ty debug = NULL;
    Token *eq = _PyP_accept(p, T_EQUAL);
    if (eq) {
        Token *nt = _PyP_peek(p, 0);
        const char *ds = lbrace->end;
        const char *de = nt->start;
        if (nt->type == T_FSTRING_MIDDLE || nt->type == T_ERRORTOKEN) {
            de = eq->end;
        }
        constant c = {CONST_STR, 0, _PyArena_Strndup(p->arena, ds, (size_t)(de - ds)),
                      (Py_ssize_t)(de - ds)};
        debug = _PyAST_Constant(c, NULL, lbrace->lineno, lbrace->end_col_offset, nt->lineno,
                                nt->col_offset, p->arena);
        if (debug == NULL || c.data == NULL) {
            return NOMEM(p);
        }
    }
    int conversion = -1;
    Token *ex = _PyP_accept(p, T_EXCLAMATION);
    if (ex) {
        Token *n = _PyP_peek(p, 0);
        if (n->type == T_COLON || n->type == T_RBRACE) {
            return _PyP_syntax_error_tok(p, n, "f-string: missing conversion character");
        }
        if (n->type != T_NAME) {
            return _PyP_syntax_error_tok(p, n, "f-string: invalid conversion character");
        }
        if (n->lineno != ex->end_lineno || n->col_offset != ex->end_col_offset) {
            return _PyP_syntax_error_range(p, ex->lineno, ex->col_offset, n->end_lineno,
                                           n->end_col_offset,
                                           "f-string: conversion type must come right after the"
                                           " exclamanation mark");
        }
        _PyP_next(p);
        size_t nl = (size_t)(n->end - n->start);
        if (nl != 1 || (n->start[0] != 's' && n->start[0] != 'r' && n->start[0] != 'a')) {
            return _PyP_syntax_error_tok(p, n,
                                         "f-string: invalid conversion character '%.*s': "
                                         "expected 's', 'r', or 'a'",
                                         (int)nl, n->start);
        }
        conversion = (unsigned char)n->start[0];
    }
    expr_ty spec = NULL;
    Token *colon = _PyP_accept(p, T_COLON);
    if (colon) {
        joined sj;
        memset(&sj, 0, sizeof(sj));
        sj.p = p;
        _PyP_seq_init(&sj.values);
        sj.pending.p = p;
        if (!_PyP_enter(p)) {
            return NULL;
        }
        int ok = fstring_parts(p, &sj, raw, T_RBRACE);
        LEAVE(p);
        if (!ok || !flush_pending(&sj)) {
            return NULL;
        }
        asdl_expr_seq *vs = SEQ_FINISH(p, &sj.values, asdl_expr_seq);
        if (vs == NULL) {
            return NULL;
        }
        Token *last = _PyP_last(p);
        spec = _PyAST_JoinedStr(vs, colon->lineno, colon->end_col_offset, last->end_lineno,
                                last->end_col_offset, p->arena);
        if (spec == NULL) {
            return NOMEM(p);
        }
    }
    Token *rb = _PyP_peek(p, 0);
    if (rb->type != T_RBRACE) {
        if (rb->type == T_ERRORTOKEN && p->tok->has_error) {
            return _PyP_invalid_syntax(p);
        }
        /* CPython names what could still follow. */
        const char *what = colon ? "'}', or format specs"
                         : ex ? "':' or '}'"
                         : eq ? "'!', or ':', or '}'"
                         : "'=', or '!', or ':', or '}'";
        return _PyP_syntax_error_tok(p, rb, "f-string: expecting %s", what);
    }
    _PyP_next(p);
    if (debug && conversion == -1 && spec == NULL) {
        conversion = 'r';
    }
    expr_ty fv = _PyAST_FormattedValue(value, conversion, spec, lbrace->lineno, lbrace->col_offset,
                                       rb->end_lineno, rb->end_col_offset, p->arena);
    if (fv == NULL) {
        return NOMEM(p);
    }
    if (debug) {
        asdl_expr_seq *pair = _Py_asdl_expr_seq_new(2, p->arena);
        if (pair == NULL) {
            return NOMEM(p);
        }
        asdl_seq_SET(pair, 0, debug);
        asdl_seq_SET(pair, 1, fv);
        return _PyAST_JoinedStr(pair, lbrace->lineno, lbrace->col_offset, rb->end_lineno,
                                rb->end_col_offset, p->arena);
    }
    return fv;
}

/* Locations of f-string parts follow CPython 3.11: literal parts and
 * replacement fields get the location of the whole (concatenated) literal;
 * a format spec and everything in it get the location of the one f-string
 * token holding it.  Expressions inside fields keep their exact locations. */
static void
set_loc(expr_ty v, int l1, int c1, int l2, int c2)
{
    v->lineno = l1;
    v->col_offset = c1;
    v->end_lineno = l2;
    v->end_col_offset = c2;
}

static void
spec_positions(expr_ty spec, int l1, int c1, int l2, int c2)
{
    set_loc(spec, l1, c1, l2, c2);
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(spec->v.JoinedStr.values); i++) {
        expr_ty v = asdl_seq_GET(spec->v.JoinedStr.values, i);
        set_loc(v, l1, c1, l2, c2);
        if (v->kind == FormattedValue_kind && v->v.FormattedValue.format_spec != NULL) {
            spec_positions(v->v.FormattedValue.format_spec, l1, c1, l2, c2);
        }
    }
}

static void
whole_positions(expr_ty j, expr_ty whole)
{
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(j->v.JoinedStr.values); i++) {
        expr_ty v = asdl_seq_GET(j->v.JoinedStr.values, i);
        set_loc(v, whole->lineno, whole->col_offset, whole->end_lineno, whole->end_col_offset);
    }
}

int
_PyP_at_string(Parser *p)
{
    int t = _PyP_peek(p, 0)->type;
    return t == T_STRING || t == T_FSTRING_START;
}

expr_ty
_PyP_strings(Parser *p)
{
    Token *first = _PyP_peek(p, 0);
    joined j;
    memset(&j, 0, sizeof(j));
    j.p = p;
    _PyP_seq_init(&j.values);
    j.pending.p = p;
    int any_f = 0, n_bytes = 0, n_str = 0, first_u = 0, count = 0;
    strbuf bytes;
    memset(&bytes, 0, sizeof(bytes));
    bytes.p = p;
    while (_PyP_at_string(p)) {
        Token *t = _PyP_next(p);
        prefix_info pi;
        if (t->type == T_STRING) {
            parse_prefix(t->start, t->end, &pi, 1);
        }
        else {
            parse_prefix(t->start, t->end, &pi, 0);
        }
        if (count == 0) {
            first_u = pi.is_u == 1;
        }
        count++;
        if (pi.is_bytes) {
            n_bytes++;
        }
        else {
            n_str++;
        }
        if (n_bytes && n_str) {
            while (_PyP_at_string(p)) {
                _PyP_next(p);
            }
            return _PyP_syntax_error_tok(p, _PyP_peek(p, 0), "cannot mix bytes and nonbytes literals");
        }
        if (t->type == T_FSTRING_START) {
            any_f = 1;
            Py_ssize_t before = j.values.n;
            if (!fstring_parts(p, &j, pi.is_raw, T_FSTRING_END)) {
                return NULL;
            }
            Token *end = _PyP_next(p);
            for (Py_ssize_t i = before; i < j.values.n; i++) {
                expr_ty v = j.values.items[i];
                if (v->kind == FormattedValue_kind && v->v.FormattedValue.format_spec != NULL) {
                    spec_positions(v->v.FormattedValue.format_spec, t->lineno, t->col_offset,
                                   end->end_lineno, end->end_col_offset);
                }
            }
            continue;
        }
        if (pi.is_bytes) {
            int ok = pi.is_raw ? append_raw(p, &bytes, pi.body, pi.body_end, 1, t, 0)
                               : decode_escapes(p, &bytes, pi.body, pi.body_end, 1, t, pi.body, 0);
            if (!ok) {
                return NULL;
            }
            continue;
        }
        strbuf *b = pending_buf(&j, t);
        int ok = pi.is_raw ? append_raw(p, b, pi.body, pi.body_end, 0, t, 0)
                           : decode_escapes(p, b, pi.body, pi.body_end, 0, t, pi.body, 0);
        if (!ok) {
            return NULL;
        }
    }
    Token *last = _PyP_last(p);
    if (n_bytes) {
        if (!sb_reserve(&bytes, 0)) {
            return NULL;
        }
        bytes.data[bytes.len] = '\0';
        constant c = {CONST_BYTES, 0, bytes.data, (Py_ssize_t)bytes.len};
        return _PyAST_Constant(c, NULL, first->lineno, first->col_offset, last->end_lineno,
                               last->end_col_offset, p->arena);
    }
    if (!any_f) {
        strbuf *b = &j.pending;
        if (!sb_reserve(b, 0)) {
            return NULL;
        }
        constant c = {CONST_STR, 0, b->data, (Py_ssize_t)b->len};
        return _PyAST_Constant(c, first_u ? "u" : NULL, first->lineno, first->col_offset,
                               last->end_lineno, last->end_col_offset, p->arena);
    }
    if (!flush_pending(&j)) {
        return NULL;
    }
    asdl_expr_seq *vs = SEQ_FINISH(p, &j.values, asdl_expr_seq);
    if (vs == NULL) {
        return NULL;
    }
    expr_ty r = _PyAST_JoinedStr(vs, first->lineno, first->col_offset, last->end_lineno,
                                 last->end_col_offset, p->arena);
    if (r != NULL) {
        whole_positions(r, r);
    }
    return r;
}
