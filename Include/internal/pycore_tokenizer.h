/* pycore_tokenizer.h: the Python tokenizer (Python/tokenizer.c).
 *
 * The tokenizer works on a whole source buffer held in memory.  _PyTokenizer_New
 * first decodes it to UTF-8 (BOM, PEP 263 coding cookie: utf-8 and latin-1) and
 * normalises line endings to '\n'; tokens then point into that decoded copy.
 * It produces the token stream of CPython 3.12, including INDENT/DEDENT and
 * the PEP 701 f-string tokens (FSTRING_START / FSTRING_MIDDLE / FSTRING_END,
 * with the replacement-field expressions tokenized as ordinary tokens).
 * Errors are reported once, through the embedded error struct; after an
 * error every call returns T_ERRORTOKEN. */
#ifndef Py_INTERNAL_TOKENIZER_H
#define Py_INTERNAL_TOKENIZER_H

#include <stddef.h>

/* Token types.  Operators have one type each, as in CPython's token.h. */
enum {
    T_ENDMARKER = 0,
    T_NAME,
    T_NUMBER,
    T_STRING,
    T_NEWLINE,
    T_INDENT,
    T_DEDENT,
    T_LPAR,
    T_RPAR,
    T_LSQB,
    T_RSQB,
    T_COLON,
    T_COMMA,
    T_SEMI,
    T_PLUS,
    T_MINUS,
    T_STAR,
    T_SLASH,
    T_VBAR,
    T_AMPER,
    T_LESS,
    T_GREATER,
    T_EQUAL,
    T_DOT,
    T_PERCENT,
    T_LBRACE,
    T_RBRACE,
    T_EQEQUAL,
    T_NOTEQUAL,
    T_LESSEQUAL,
    T_GREATEREQUAL,
    T_TILDE,
    T_CIRCUMFLEX,
    T_LEFTSHIFT,
    T_RIGHTSHIFT,
    T_DOUBLESTAR,
    T_PLUSEQUAL,
    T_MINEQUAL,
    T_STAREQUAL,
    T_SLASHEQUAL,
    T_PERCENTEQUAL,
    T_AMPEREQUAL,
    T_VBAREQUAL,
    T_CIRCUMFLEXEQUAL,
    T_LEFTSHIFTEQUAL,
    T_RIGHTSHIFTEQUAL,
    T_DOUBLESTAREQUAL,
    T_DOUBLESLASH,
    T_DOUBLESLASHEQUAL,
    T_AT,
    T_ATEQUAL,
    T_RARROW,
    T_ELLIPSIS,
    T_COLONEQUAL,
    T_EXCLAMATION,
    T_FSTRING_START,
    T_FSTRING_MIDDLE,
    T_FSTRING_END,
    T_ERRORTOKEN,
    T_NTOKENS
};

/* Keywords: a NAME token carries one of these in `kw` (0 = not a keyword). */
enum {
    KW_NONE_ = 0,
    KW_False, KW_None, KW_True, KW_and, KW_as, KW_assert, KW_async, KW_await,
    KW_break, KW_class, KW_continue, KW_def, KW_del, KW_elif, KW_else,
    KW_except, KW_finally, KW_for, KW_from, KW_global, KW_if, KW_import,
    KW_in, KW_is, KW_lambda, KW_nonlocal, KW_not, KW_or, KW_pass, KW_raise,
    KW_return, KW_try, KW_while, KW_with, KW_yield
};

typedef struct {
    int type;
    int kw;                 /* keyword id for T_NAME */
    const char *start;      /* token text [start, end) in the decoded buffer */
    const char *end;
    int lineno, col_offset;          /* 1-based line, 0-based byte column */
    int end_lineno, end_col_offset;
    int level;              /* bracket nesting depth before this token */
} Token;

/* Error produced by the tokenizer (and reused by the parser). */
typedef struct {
    const char *type;       /* "SyntaxError", "IndentationError", "TabError", "MemoryError" */
    char msg[300];
    int lineno;             /* 1-based; 0 = unknown */
    int col;                /* 0-based byte column of the caret */
    int end_lineno;
    int end_col;            /* byte column, or -1 if unknown */
} TokError;

#define TOK_MAXINDENT 100
#define TOK_MAXLEVEL 200
#define TOK_MAXFSTRING 150

/* Mode frames for f-strings (PEP 701). */
enum { FM_STRING = 1, FM_EXPR, FM_SPEC };
typedef struct {
    int kind;
    char quote;             /* ' or " */
    int qlen;               /* 1 or 3 */
    int raw;
    int level;              /* FM_EXPR: bracket depth just inside its '{' */
    int lineno, col;        /* where the f-string started */
    int nested;             /* FM_SPEC: a replacement field came in it */
} FMode;

typedef struct tok_state {
    char *buf;              /* decoded UTF-8 source, NUL-terminated (owned) */
    const char *end;
    const char *cur;
    const char *line_start; /* start of the line holding `cur` */
    int lineno;
    int atbol;              /* at beginning of a logical line */
    int pendin;             /* >0: INDENTs to emit, <0: DEDENTs */
    int indent;
    int indstack[TOK_MAXINDENT];
    int altindstack[TOK_MAXINDENT];
    int level;
    char parenstack[TOK_MAXLEVEL];
    int parenlineno[TOK_MAXLEVEL];
    int parencol[TOK_MAXLEVEL];
    int nmodes;
    FMode modes[TOK_MAXFSTRING * 3 + 2];
    int blankline;          /* the current line holds only a comment/blank */
    int line_has_tokens;    /* a token was produced on the current logical line */
    int eof_newline_done;
    int done;               /* 1 after ENDMARKER or an error */
    int has_error;
    TokError err;
} tok_state;

/* Decode `src` (len bytes) and set up a tokenizer.  `filename` (may be NULL)
 * appears in the invalid-UTF-8 message.  Returns NULL when out of memory.  A
 * decoding problem (bad cookie, invalid UTF-8, NUL byte) is reported by the
 * first _PyTokenizer_Get call with lineno 0. */
tok_state *_PyTokenizer_New(const char *src, size_t len, const char *filename);
void _PyTokenizer_Free(tok_state *tok);
/* Produce the next token; T_ERRORTOKEN when tok->has_error is set. */
int _PyTokenizer_Get(tok_state *tok, Token *t);
/* Name of a token type ("NAME", "LPAR", ...). */
const char *_PyTokenizer_TypeName(int type);
/* Decode one UTF-8 sequence at s (up to end); returns the code point and
 * stores its length in *len (1 and the byte value on malformed input). */
unsigned int _PyTokenizer_DecodeUTF8(const char *s, const char *end, int *len);
int _PyTokenizer_IsIdStart(unsigned int cp);
int _PyTokenizer_IsIdContinue(unsigned int cp);

#endif /* Py_INTERNAL_TOKENIZER_H */
