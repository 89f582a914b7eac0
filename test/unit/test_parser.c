/* test_parser.c: unit tests for the arena, the tokenizer and the parser's
 * C interface (the golden AST tests live in test/parser/). */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>
#include "pycore_ast.h"
#include "pycore_parser.h"
#include "pycore_pyarena.h"
#include "pycore_tokenizer.h"

Test(arena, many_allocations_are_aligned_and_distinct)
{
    PyArena *a = _PyArena_New();
    cr_assert_not_null(a);
    char *prev = NULL;
    for (int i = 0; i < 10000; i++) {
        char *p = _PyArena_Malloc(a, (size_t)(i % 100) + 1);
        cr_assert_not_null(p);
        cr_assert_eq((uintptr_t)p % 16, 0);
        memset(p, 0xAB, (size_t)(i % 100) + 1);
        cr_assert_neq(p, prev);
        prev = p;
    }
    char *big = _PyArena_Malloc(a, 1 << 20);
    cr_assert_not_null(big);
    memset(big, 1, 1 << 20);
    cr_assert_geq(_PyArena_Used(a), (size_t)(1 << 20));
    char *s = _PyArena_Strndup(a, "hello world", 5);
    cr_assert_str_eq(s, "hello");
    _PyArena_Free(a);
    _PyArena_Free(NULL);
}

static int
tokens_of(const char *src, int *types, int max)
{
    tok_state *t = _PyTokenizer_New(src, strlen(src), NULL);
    cr_assert_not_null(t);
    int n = 0;
    Token tk;
    for (;;) {
        int ty = _PyTokenizer_Get(t, &tk);
        if (n < max) {
            types[n] = ty;
        }
        n++;
        if (ty == T_ENDMARKER || ty == T_ERRORTOKEN) {
            break;
        }
    }
    _PyTokenizer_Free(t);
    return n;
}

Test(tokenizer, indent_dedent_and_newlines)
{
    int ty[32];
    int n = tokens_of("if x:\n    y = 1\nz\n", ty, 32);
    int want[] = {T_NAME, T_NAME, T_COLON, T_NEWLINE, T_INDENT, T_NAME, T_EQUAL, T_NUMBER,
                  T_NEWLINE, T_DEDENT, T_NAME, T_NEWLINE, T_ENDMARKER};
    cr_assert_eq(n, (int)(sizeof(want) / sizeof(want[0])));
    for (int i = 0; i < n; i++) {
        cr_assert_eq(ty[i], want[i], "token %d: %s != %s", i, _PyTokenizer_TypeName(ty[i]),
                     _PyTokenizer_TypeName(want[i]));
    }
}

Test(tokenizer, brackets_join_lines_and_operators)
{
    int ty[32];
    int n = tokens_of("(a,\n b) **= ...\n", ty, 32);
    int want[] = {T_LPAR, T_NAME, T_COMMA, T_NAME, T_RPAR, T_DOUBLESTAREQUAL, T_ELLIPSIS,
                  T_NEWLINE, T_ENDMARKER};
    cr_assert_eq(n, 9);
    for (int i = 0; i < n; i++) {
        cr_assert_eq(ty[i], want[i]);
    }
}

Test(tokenizer, fstring_tokens)
{
    int ty[32];
    int n = tokens_of("f'a{x!r:>{w}}b'\n", ty, 32);
    int want[] = {T_FSTRING_START, T_FSTRING_MIDDLE, T_LBRACE, T_NAME, T_EXCLAMATION, T_NAME,
                  T_COLON, T_FSTRING_MIDDLE, T_LBRACE, T_NAME, T_RBRACE, T_RBRACE,
                  T_FSTRING_MIDDLE, T_FSTRING_END, T_NEWLINE, T_ENDMARKER};
    cr_assert_eq(n, (int)(sizeof(want) / sizeof(want[0])));
    for (int i = 0; i < n; i++) {
        cr_assert_eq(ty[i], want[i], "token %d: %s", i, _PyTokenizer_TypeName(ty[i]));
    }
}

Test(tokenizer, latin1_cookie_is_decoded)
{
    const char src[] = "# -*- coding: latin-1 -*-\nx = '\xe9'\n";
    tok_state *t = _PyTokenizer_New(src, sizeof(src) - 1, NULL);
    cr_assert_not_null(t);
    cr_assert(strstr(t->buf, "'\xc3\xa9'") != NULL);
    _PyTokenizer_Free(t);
}

static mod_ty
parse(PyArena *a, const char *src, int mode, PyParserError *err)
{
    return _PyParser_ParseString(src, strlen(src), "<test>", mode, a, err);
}

Test(parser, builds_module_with_locations)
{
    PyArena *a = _PyArena_New();
    PyParserError err;
    mod_ty m = parse(a, "x = 1 + 2\n", Py_file_input, &err);
    cr_assert_not_null(m);
    cr_assert_eq(m->kind, Module_kind);
    cr_assert_eq(asdl_seq_LEN(m->v.Module.body), 1);
    stmt_ty s = asdl_seq_GET(m->v.Module.body, 0);
    cr_assert_eq(s->kind, Assign_kind);
    expr_ty v = s->v.Assign.value;
    cr_assert_eq(v->kind, BinOp_kind);
    cr_assert_eq(v->v.BinOp.op, Add);
    cr_assert_eq(v->col_offset, 4);
    cr_assert_eq(v->end_col_offset, 9);
    constant c = v->v.BinOp.right->v.Constant.value;
    cr_assert_eq(c.kind, CONST_INT);
    cr_assert_str_eq(c.data, "2");
    _PyArena_Free(a);
}

Test(parser, eval_and_single_modes)
{
    PyArena *a = _PyArena_New();
    PyParserError err;
    mod_ty m = parse(a, "a if b else c", Py_eval_input, &err);
    cr_assert_not_null(m);
    cr_assert_eq(m->kind, Expression_kind);
    cr_assert_eq(m->v.Expression.body->kind, IfExp_kind);
    m = parse(a, "x = 1\n", Py_single_input, &err);
    cr_assert_not_null(m);
    cr_assert_eq(m->kind, Interactive_kind);
    m = parse(a, "x = 1\ny = 2\n", Py_single_input, &err);
    cr_assert_null(m);
    cr_assert_str_eq(err.msg, "multiple statements found while compiling a single statement");
    _PyArena_Free(a);
}

Test(parser, error_struct_is_filled)
{
    PyArena *a = _PyArena_New();
    PyParserError err;
    mod_ty m = parse(a, "x = (1,\n", Py_file_input, &err);
    cr_assert_null(m);
    cr_assert_str_eq(err.type, "SyntaxError");
    cr_assert_str_eq(err.msg, "'(' was never closed");
    cr_assert_eq(err.lineno, 1);
    cr_assert_eq(err.offset, 5);
    cr_assert_str_eq(err.text, "x = (1,\n");
    m = parse(a, "if x:\npass\n", Py_file_input, &err);
    cr_assert_null(m);
    cr_assert_str_eq(err.type, "IndentationError");
    cr_assert_str_eq(err.msg, "expected an indented block after 'if' statement on line 1");
    /* offsets count characters, not bytes */
    m = parse(a, "é = 1 +\n", Py_file_input, &err);
    cr_assert_null(m);
    cr_assert_eq(err.offset, 8);
    _PyArena_Free(a);
}

Test(parser, deep_nesting_fails_cleanly)
{
    size_t n = 100000;
    char *src = malloc(2 * n + 2);
    memset(src, '(', n);
    memset(src + n, ')', n);
    src[2 * n] = '\n';
    src[2 * n + 1] = '\0';
    PyArena *a = _PyArena_New();
    PyParserError err;
    cr_assert_null(parse(a, src, Py_file_input, &err));
    cr_assert_str_eq(err.msg, "too many nested parentheses");
    /* Deep unary operators and nested lists are bounded by the parser depth. */
    for (size_t i = 0; i < n; i++) {
        src[i] = '-';
    }
    src[n] = '1';
    src[n + 1] = '\0';
    cr_assert_null(parse(a, src, Py_file_input, &err));
    cr_assert_str_eq(err.type, "SyntaxError");
    _PyArena_Free(a);
    free(src);
}

Test(parser, strings_keep_nul_and_surrogates)
{
    PyArena *a = _PyArena_New();
    PyParserError err;
    mod_ty m = parse(a, "'a\\x00b\\ud800'\n", Py_file_input, &err);
    cr_assert_not_null(m);
    constant c = asdl_seq_GET(m->v.Module.body, 0)->v.Expr.value->v.Constant.value;
    cr_assert_eq(c.kind, CONST_STR);
    cr_assert_eq(c.len, 6);
    cr_assert_eq(memcmp(c.data, "a\0b\xed\xa0\x80", 6), 0);
    _PyArena_Free(a);
}

Test(parser, number_constants_keep_text_and_base)
{
    PyArena *a = _PyArena_New();
    PyParserError err;
    mod_ty m = parse(a, "0x_FF, 0o17, 0b1_01, 1_000, 1.5e-3, 2j, b'\\x00a', u'x'\n", Py_file_input,
                     &err);
    cr_assert_not_null(m);
    asdl_expr_seq *elts = asdl_seq_GET(m->v.Module.body, 0)->v.Expr.value->v.Tuple.elts;
    struct { constant_kind k; int base; const char *data; } want[] = {
        {CONST_INT, 16, "FF"}, {CONST_INT, 8, "17"}, {CONST_INT, 2, "101"},
        {CONST_INT, 10, "1000"}, {CONST_FLOAT, 0, "1.5e-3"}, {CONST_IMAG, 0, "2"}};
    for (int i = 0; i < 6; i++) {
        constant c = asdl_seq_GET(elts, i)->v.Constant.value;
        cr_assert_eq(c.kind, want[i].k, "item %d", i);
        if (want[i].k == CONST_INT) {
            cr_assert_eq(c.base, want[i].base, "item %d", i);
        }
        cr_assert_str_eq(c.data, want[i].data, "item %d", i);
    }
    constant b = asdl_seq_GET(elts, 6)->v.Constant.value;
    cr_assert_eq(b.kind, CONST_BYTES);
    cr_assert_eq(b.len, 2);
    cr_assert_eq(b.data[0], 0);
    expr_ty u = asdl_seq_GET(elts, 7);
    cr_assert_str_eq(u->v.Constant.kind, "u");
    _PyArena_Free(a);
}

#include <pthread.h>

static const char *thread_src =
    "import os\n"
    "def f(a, /, b=1, *c, d, **e):\n"
    "    return [x async for x in g(a) if x] or {k: v for k, v in e.items()}\n"
    "class C(B, metaclass=M):\n"
    "    x: int = f'{a!r:>{w}}'\n"
    "try:\n    pass\nexcept* E as e:\n    raise X from e\n";

static void *
parse_many(void *arg)
{
    (void)arg;
    for (int i = 0; i < 200; i++) {
        PyArena *a = _PyArena_New();
        PyParserError err;
        mod_ty m = _PyParser_ParseString(thread_src, strlen(thread_src), "<t>", Py_file_input,
                                         a, &err);
        if (m == NULL || asdl_seq_LEN(m->v.Module.body) != 4) {
            _PyArena_Free(a);
            return (void *)1;
        }
        _PyArena_Free(a);
    }
    return NULL;
}

Test(parser, concurrent_parses_are_independent)
{
    pthread_t th[4];
    for (int i = 0; i < 4; i++) {
        cr_assert_eq(pthread_create(&th[i], NULL, parse_many, NULL), 0);
    }
    for (int i = 0; i < 4; i++) {
        void *r;
        pthread_join(th[i], &r);
        cr_assert_null(r);
    }
}
