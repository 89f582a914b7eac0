/* parser_impl.h: state and helpers shared by the parser's source files
 * (parser.c: core and statements, parser_expr.c: expressions and targets,
 * parser_string.c: literals and f-strings).  Not a public header. */
#ifndef WEFT_PARSER_IMPL_H
#define WEFT_PARSER_IMPL_H

#include "pycore_ast.h"
#include "pycore_parser.h"
#include "pycore_tokenizer.h"

typedef struct {
    tok_state *tok;
    Token **chunks;         /* tokens read so far (lazily, on demand) */
    int nchunks, nchunks_alloc;
    int fill;
    Token oom_token;
    int mark;               /* index of the next token */
    PyArena *arena;
    PyParserError *err;
    int error;              /* an error has been recorded */
    int depth;              /* recursion depth */
    int fstring_depth;
    int mode;
    int flags;              /* PyPARSE_* (pycore_parser.h) */
} Parser;

/* Tokens. */
#define TOKEN_CHUNK_BITS 10
#define TOKEN_CHUNK (1 << TOKEN_CHUNK_BITS)
Token *_PyP_token(Parser *p, int i);    /* i-th token read (i < fill) */
Token *_PyP_peek(Parser *p, int k);     /* k-th token ahead (0 = next) */
Token *_PyP_next(Parser *p);            /* consume and return */
Token *_PyP_last(Parser *p);            /* last consumed */
int _PyP_at(Parser *p, int type);       /* next token has this type */
int _PyP_at_kw(Parser *p, int kw);
Token *_PyP_accept(Parser *p, int type);
Token *_PyP_accept_kw(Parser *p, int kw);
Token *_PyP_expect(Parser *p, int type);  /* error "expected ':'"-style if absent */

/* Errors.  All return NULL so callers can `return _PyP_error...`. */
void *_PyP_error_at(Parser *p, const char *type, int lineno, int col, int end_lineno,
                    int end_col, const char *fmt, ...);
void *_PyP_syntax_error_tok(Parser *p, Token *t, const char *fmt, ...);
void *_PyP_syntax_error_node(Parser *p, expr_ty e, const char *fmt, ...);
void *_PyP_syntax_error_range(Parser *p, int l1, int c1, int l2, int c2, const char *fmt, ...);
void *_PyP_invalid_syntax(Parser *p);   /* generic error at the next token */
int _PyP_enter(Parser *p);              /* depth check; 0 on overflow (error set) */
#define LEAVE(p) ((p)->depth--)

/* Expressions (parser_expr.c). */
expr_ty _PyP_expression(Parser *p);
expr_ty _PyP_named_expression(Parser *p);
expr_ty _PyP_star_expressions(Parser *p);     /* a, *b, c -> Tuple */
expr_ty _PyP_star_named_expressions_tuple(Parser *p);
expr_ty _PyP_yield_expr(Parser *p);
expr_ty _PyP_star_expression(Parser *p);     /* '*' bitwise_or | expression */
void *_PyP_forgot_comma(Parser *p, expr_ty a); /* error after `a` in brackets */
expr_ty _PyP_bitwise_or(Parser *p);
expr_ty _PyP_disjunction(Parser *p);
expr_ty _PyP_star_targets(Parser *p);        /* for-loop / comprehension targets */
expr_ty _PyP_star_target(Parser *p);         /* one target (with ... as X) */
int _PyP_starts_expression(Parser *p);
arguments_ty _PyP_parameters(Parser *p, int lambda, int close_type);
int _PyP_call_arguments(Parser *p, asdl_expr_seq **args, asdl_keyword_seq **kws,
                        int close_type);
/* Validate `e` as an assignment/deletion target and set its context.
 * kind: 0 assign (star targets), 1 for-target, 2 delete.  Returns 0 on error. */
int _PyP_set_context(Parser *p, expr_ty e, expr_context_ty ctx, int kind);
/* The invalid part of an assignment target, or NULL if e is valid. */
expr_ty _PyP_invalid_target(expr_ty e, int kind);
const char *_PyP_expr_name(expr_ty e);

/* Statements (parser.c) and the match statement (parser_match.c). */
asdl_stmt_seq *_PyP_block(Parser *p, const char *what, int lineno);
int _PyP_at_match_stmt(Parser *p);
stmt_ty _PyP_match_stmt(Parser *p, Token *kw);

/* Literals (parser_string.c). */
expr_ty _PyP_number(Parser *p, Token *t);
expr_ty _PyP_strings(Parser *p);          /* one or more adjacent string tokens */
int _PyP_at_string(Parser *p);

/* Sequences built incrementally. */
typedef struct {
    void **items;
    Py_ssize_t n, cap;
    void *small[8];
} seqbuf;
void _PyP_seq_init(seqbuf *b);
int _PyP_seq_push(Parser *p, seqbuf *b, void *item);
asdl_seq *_PyP_seq_finish(Parser *p, seqbuf *b);
#define SEQ_FINISH(p, b, T) ((T *)_PyP_seq_finish((p), (b)))

identifier _PyP_identifier(Parser *p, Token *t);

#define TOK_COL(t) ((t)->col_offset)

#endif /* WEFT_PARSER_IMPL_H */
