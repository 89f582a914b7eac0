/* tokenizer.c: source decoding and the Python tokenizer (CPython 3.12 token
 * stream, PEP 701 f-strings).  See Include/internal/pycore_tokenizer.h. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "pycore_tokenizer.h"

#define TAB_SIZE 8

/* ---------------------------------------------------------------- errors */

static int
tok_error_at(tok_state *t, const char *type, int lineno, int col, const char *fmt, ...)
{
    if (t->has_error) {
        return T_ERRORTOKEN;
    }
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(t->err.msg, sizeof(t->err.msg), fmt, ap);
    va_end(ap);
    t->err.type = type;
    t->err.lineno = lineno;
    t->err.col = col;
    t->err.end_lineno = lineno;
    t->err.end_col = -1;
    t->has_error = 1;
    t->done = 1;
    return T_ERRORTOKEN;
}

#define COL(t, p) ((int)((p) - (t)->line_start))

/* ---------------------------------------------------------------- UTF-8 */

unsigned int
_PyTokenizer_DecodeUTF8(const char *s, const char *end, int *len)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t avail = (size_t)(end - s);
    unsigned int c = u[0];
    if (c < 0x80 || avail < 2) {
        *len = 1;
        return c;
    }
    if ((c & 0xE0) == 0xC0 && (u[1] & 0xC0) == 0x80) {
        *len = 2;
        return ((c & 0x1F) << 6) | (u[1] & 0x3F);
    }
    if ((c & 0xF0) == 0xE0 && avail >= 3 && (u[1] & 0xC0) == 0x80 && (u[2] & 0xC0) == 0x80) {
        *len = 3;
        return ((c & 0x0F) << 12) | ((u[1] & 0x3F) << 6) | (u[2] & 0x3F);
    }
    if ((c & 0xF8) == 0xF0 && avail >= 4 && (u[1] & 0xC0) == 0x80 && (u[2] & 0xC0) == 0x80
        && (u[3] & 0xC0) == 0x80) {
        *len = 4;
        return ((c & 0x07) << 18) | ((u[1] & 0x3F) << 12) | ((u[2] & 0x3F) << 6) | (u[3] & 0x3F);
    }
    *len = 1;
    return c;
}

/* Length of a valid UTF-8 sequence at s, 0 if invalid (overlong forms and
 * surrogates rejected, as Python's utf-8 codec does). */
static int
utf8_valid_len(const unsigned char *s, const unsigned char *end)
{
    unsigned int c = s[0];
    size_t avail = (size_t)(end - s);
    if (c < 0x80) {
        return 1;
    }
    if (c >= 0xC2 && c <= 0xDF) {
        return (avail >= 2 && (s[1] & 0xC0) == 0x80) ? 2 : 0;
    }
    if (c >= 0xE0 && c <= 0xEF) {
        if (avail < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80) {
            return 0;
        }
        if (c == 0xE0 && s[1] < 0xA0) {
            return 0;
        }
        if (c == 0xED && s[1] >= 0xA0) {
            return 0;
        }
        return 3;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        if (avail < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80
            || (s[3] & 0xC0) != 0x80) {
            return 0;
        }
        if ((c == 0xF0 && s[1] < 0x90) || (c == 0xF4 && s[1] >= 0x90)) {
            return 0;
        }
        return 4;
    }
    return 0;
}

/* Identifier characters: ASCII exactly; beyond ASCII an approximation of
 * Unicode ID_Start/ID_Continue that excludes the common punctuation, symbol,
 * space and control blocks and accepts the letter blocks. */
static int
non_ascii_symbol(unsigned int c)
{
    if (c < 0xC0) {
        return !(c == 0xAA || c == 0xB5 || c == 0xBA);
    }
    if (c == 0xD7 || c == 0xF7) {
        return 1;
    }
    if ((c >= 0x2000 && c <= 0x206F) || (c >= 0x20A0 && c <= 0x20CF) ||
        (c >= 0x2190 && c <= 0x23FF) || (c >= 0x2400 && c <= 0x24FF) ||
        (c >= 0x2500 && c <= 0x27BF) || (c >= 0x27C0 && c <= 0x2BFF) ||
        (c >= 0x2E00 && c <= 0x2E7F) || (c >= 0x3000 && c <= 0x3004) ||
        (c >= 0x3008 && c <= 0x3020) || (c >= 0xD800 && c <= 0xDFFF) ||
        (c >= 0xE000 && c <= 0xF8FF) || (c >= 0xFE10 && c <= 0xFE1F) ||
        (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFE50 && c <= 0xFE6F) ||
        (c >= 0xFF01 && c <= 0xFF0F) || (c >= 0xFF1A && c <= 0xFF20) ||
        (c >= 0xFF3B && c <= 0xFF40) || (c >= 0xFF5B && c <= 0xFF65) ||
        c == 0xFEFF || (c >= 0xFFF0 && c <= 0xFFFF) ||
        (c >= 0x1F000 && c <= 0x1FAFF) || c > 0x10FFFF) {
        return 1;
    }
    return 0;
}

static int
combining(unsigned int c)
{
    return (c >= 0x300 && c <= 0x36F) || (c >= 0x1AB0 && c <= 0x1AFF) ||
           (c >= 0x1DC0 && c <= 0x1DFF) || (c >= 0x20D0 && c <= 0x20FF) ||
           (c >= 0xFE20 && c <= 0xFE2F) || c == 0xB7 || c == 0x203F || c == 0x2040;
}

int
_PyTokenizer_IsIdStart(unsigned int c)
{
    if (c < 0x80) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }
    return !non_ascii_symbol(c) && !combining(c);
}

int
_PyTokenizer_IsIdContinue(unsigned int c)
{
    if (c < 0x80) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
               (c >= '0' && c <= '9');
    }
    return combining(c) || !non_ascii_symbol(c);
}

static int
non_printable(unsigned int c)
{
    return c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0xA0) || c == 0xAD ||
           (c >= 0x2000 && c <= 0x200F) || (c >= 0x2028 && c <= 0x202F) ||
           (c >= 0x205F && c <= 0x206F) || c == 0x3000 || c == 0xFEFF ||
           (c >= 0xD800 && c <= 0xDFFF);
}

/* ---------------------------------------------------------------- decoding */

/* Find a PEP 263 cookie in one line [s, e); copies the encoding name. */
static int
find_cookie(const char *s, const char *e, char *name, size_t namesz)
{
    while (s < e && (*s == ' ' || *s == '\t' || *s == '\f')) {
        s++;
    }
    if (s >= e || *s != '#') {
        return 0;
    }
    for (const char *p = s; p + 6 < e; p++) {
        if (memcmp(p, "coding", 6) == 0 && (p[6] == ':' || p[6] == '=')) {
            const char *q = p + 7;
            while (q < e && (*q == ' ' || *q == '\t')) {
                q++;
            }
            size_t n = 0;
            while (q < e && n + 1 < namesz &&
                   ((*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z') ||
                    (*q >= '0' && *q <= '9') || *q == '-' || *q == '_' || *q == '.')) {
                name[n++] = *q++;
            }
            name[n] = '\0';
            return n > 0;
        }
    }
    return 0;
}

static int
is_blank_or_comment(const char *s, const char *e)
{
    while (s < e && (*s == ' ' || *s == '\t' || *s == '\f')) {
        s++;
    }
    return s >= e || *s == '#' || *s == '\n' || *s == '\r';
}

/* 1 = utf-8, 2 = latin-1, 0 = unknown. */
static int
classify_encoding(const char *name)
{
    char low[64];
    size_t i;
    for (i = 0; name[i] && i + 1 < sizeof(low); i++) {
        char c = name[i];
        if (c >= 'A' && c <= 'Z') {
            c = (char)(c - 'A' + 'a');
        }
        low[i] = c == '_' ? '-' : c;
    }
    low[i] = '\0';
    if (strcmp(low, "utf-8") == 0 || strncmp(low, "utf-8-", 6) == 0 || strcmp(low, "utf8") == 0) {
        return 1;
    }
    static const char *const latin[] = {"latin-1", "iso-8859-1", "iso-latin-1", "latin1", NULL};
    for (int k = 0; latin[k]; k++) {
        size_t n = strlen(latin[k]);
        if (strcmp(low, latin[k]) == 0 || (strncmp(low, latin[k], n) == 0 && low[n] == '-')) {
            return 2;
        }
    }
    return 0;
}

static int
decode_source(tok_state *t, const char *src, size_t len, const char *filename)
{
    int bom = 0;
    if (len >= 3 && memcmp(src, "\xEF\xBB\xBF", 3) == 0) {
        src += 3;
        len -= 3;
        bom = 1;
    }
    const char *end = src + len;
    int enc = 1;
    char name[64];
    /* The cookie may be on line 1, or on line 2 if line 1 is blank/comment. */
    const char *l1e = memchr(src, '\n', len);
    if (l1e == NULL) {
        l1e = end;
    }
    int found = find_cookie(src, l1e, name, sizeof(name));
    if (!found && l1e < end && is_blank_or_comment(src, l1e)) {
        const char *l2 = l1e + 1;
        const char *l2e = memchr(l2, '\n', (size_t)(end - l2));
        if (l2e == NULL) {
            l2e = end;
        }
        found = find_cookie(l2, l2e, name, sizeof(name));
    }
    /* Buffer big enough for latin-1 expansion (2x) plus the terminator. */
    t->buf = malloc(len * 2 + 2);
    if (t->buf == NULL) {
        return -1;
    }
    t->buf[0] = '\0';
    t->end = t->buf;
    if (found) {
        enc = classify_encoding(name);
        if (enc == 0) {
            tok_error_at(t, "SyntaxError", 0, -1, "unknown encoding: %s", name);
            return 0;
        }
        if (bom && enc != 1) {
            tok_error_at(t, "SyntaxError", 0, -1, "encoding problem: %s with BOM", name);
            return 0;
        }
    }
    char *o = t->buf;
    int lineno = 1;
    for (const char *p = src; p < end;) {
        unsigned char c = (unsigned char)*p;
        if (c == '\0') {
            tok_error_at(t, "SyntaxError", 0, 0, "source code string cannot contain null bytes");
            return 0;
        }
        if (c == '\r') {
            *o++ = '\n';
            lineno++;
            p += (p + 1 < end && p[1] == '\n') ? 2 : 1;
            continue;
        }
        if (c == '\n') {
            lineno++;
        }
        if (c < 0x80) {
            *o++ = (char)c;
            p++;
        }
        else if (enc == 2) {
            *o++ = (char)(0xC0 | (c >> 6));
            *o++ = (char)(0x80 | (c & 0x3F));
            p++;
        }
        else {
            int n = utf8_valid_len((const unsigned char *)p, (const unsigned char *)end);
            if (n == 0) {
                if (found) {
                    tok_error_at(t, "SyntaxError", lineno, 0,
                                 "(unicode error) 'utf-8' codec can't decode byte 0x%02x "
                                 "in position %d: invalid start byte",
                                 c, (int)(p - src));
                }
                else {
                    tok_error_at(t, "SyntaxError", lineno, 0,
                                 "Non-UTF-8 code starting with '\\x%02x' in file %s on line %d, "
                                 "but no encoding declared; see "
                                 "https://peps.python.org/pep-0263/ for details",
                                 c, filename ? filename : "<string>", lineno);
                }
                return 0;
            }
            memcpy(o, p, (size_t)n);
            o += n;
            p += n;
        }
    }
    *o = '\0';
    t->end = o;
    return 0;
}

tok_state *
_PyTokenizer_New(const char *src, size_t len, const char *filename)
{
    tok_state *t = calloc(1, sizeof(tok_state));
    if (t == NULL) {
        return NULL;
    }
    if (decode_source(t, src, len, filename) < 0) {
        free(t);
        return NULL;
    }
    t->cur = t->buf;
    t->line_start = t->buf;
    t->lineno = 1;
    t->atbol = 1;
    return t;
}

void
_PyTokenizer_Free(tok_state *t)
{
    if (t != NULL) {
        free(t->buf);
        free(t);
    }
}

/* ---------------------------------------------------------------- scanning */

static inline int
peek(tok_state *t, int k)
{
    const char *p = t->cur + k;
    return p < t->end ? (unsigned char)*p : -1;
}

static inline void
adv(tok_state *t)
{
    if (t->cur < t->end) {
        if (*t->cur == '\n') {
            t->lineno++;
            t->line_start = t->cur + 1;
        }
        t->cur++;
    }
}

static int
make(tok_state *t, Token *tk, int type, const char *start, int lineno, int col)
{
    tk->type = type;
    tk->kw = 0;
    tk->start = start;
    tk->end = t->cur;
    tk->lineno = lineno;
    tk->col_offset = col;
    tk->end_lineno = t->lineno;
    tk->end_col_offset = COL(t, t->cur);
    if (type != T_NEWLINE && type != T_INDENT && type != T_DEDENT && type != T_ENDMARKER) {
        t->line_has_tokens = 1;
    }
    return type;
}

static const struct { const char *name; int kw; } keywords[] = {
    {"False", KW_False}, {"None", KW_None}, {"True", KW_True}, {"and", KW_and},
    {"as", KW_as}, {"assert", KW_assert}, {"async", KW_async}, {"await", KW_await},
    {"break", KW_break}, {"class", KW_class}, {"continue", KW_continue}, {"def", KW_def},
    {"del", KW_del}, {"elif", KW_elif}, {"else", KW_else}, {"except", KW_except},
    {"finally", KW_finally}, {"for", KW_for}, {"from", KW_from}, {"global", KW_global},
    {"if", KW_if}, {"import", KW_import}, {"in", KW_in}, {"is", KW_is},
    {"lambda", KW_lambda}, {"nonlocal", KW_nonlocal}, {"not", KW_not}, {"or", KW_or},
    {"pass", KW_pass}, {"raise", KW_raise}, {"return", KW_return}, {"try", KW_try},
    {"while", KW_while}, {"with", KW_with}, {"yield", KW_yield}, {NULL, 0}};

static int
keyword_of(const char *s, size_t n)
{
    /* Keywords are 2..8 ASCII letters: reject most names cheaply. */
    if (n < 2 || n > 8) {
        return 0;
    }
    for (int i = 0; keywords[i].name; i++) {
        const char *k = keywords[i].name;
        if (k[0] == s[0] && strncmp(k, s, n) == 0 && k[n] == '\0') {
            return keywords[i].kw;
        }
    }
    return 0;
}

static int
is_potential_id_char(int c)
{
    return c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9') || c == '_';
}

/* After a number: an identifier character right after it is an error,
 * except the start of a keyword that may follow a number (1if x else y). */
static int
verify_end_of_number(tok_state *t, const char *kind)
{
    int c = peek(t, 0);
    if (!is_potential_id_char(c)) {
        return 0;
    }
    static const char *const ok[] = {"and", "else", "for", "if", "in", "is", "not", "or", NULL};
    for (int i = 0; ok[i]; i++) {
        size_t n = strlen(ok[i]);
        if ((size_t)(t->end - t->cur) >= n && memcmp(t->cur, ok[i], n) == 0) {
            return 0;
        }
    }
    tok_error_at(t, "SyntaxError", t->lineno, COL(t, t->cur) - 1, "invalid %s literal", kind);
    return -1;
}

static int
isdig(int c)
{
    return c >= '0' && c <= '9';
}

/* Digits with single underscores between them; returns -1 on error. */
static int
decimal_tail(tok_state *t)
{
    for (;;) {
        while (isdig(peek(t, 0))) {
            adv(t);
        }
        if (peek(t, 0) != '_') {
            return 0;
        }
        adv(t);
        if (!isdig(peek(t, 0))) {
            tok_error_at(t, "SyntaxError", t->lineno, COL(t, t->cur) - 1, "invalid decimal literal");
            return -1;
        }
    }
}

static int
fraction_exponent_imag(tok_state *t)
{
    int c = peek(t, 0);
    if (c == '.') {
        adv(t);
        if (isdig(peek(t, 0)) && decimal_tail(t) < 0) {
            return -1;
        }
        c = peek(t, 0);
    }
    if (c == 'e' || c == 'E') {
        int k = 1;
        if (peek(t, 1) == '+' || peek(t, 1) == '-') {
            k = 2;
        }
        if (!isdig(peek(t, k))) {
            if (k == 2) {
                adv(t);
                adv(t);
                tok_error_at(t, "SyntaxError", t->lineno, COL(t, t->cur) - 1,
                             "invalid decimal literal");
                return -1;
            }
            /* "1e" alone: the 'e' is an identifier char right after "1". */
            return verify_end_of_number(t, "decimal");
        }
        while (k-- > 0) {
            adv(t);
        }
        if (decimal_tail(t) < 0) {
            return -1;
        }
        c = peek(t, 0);
    }
    if (c == 'j' || c == 'J') {
        adv(t);
        return verify_end_of_number(t, "imaginary");
    }
    return verify_end_of_number(t, "decimal");
}

static int
scan_number(tok_state *t)
{
    int c = peek(t, 0);
    if (c == '.') {
        return fraction_exponent_imag(t);
    }
    if (c == '0') {
        int n = peek(t, 1);
        if (n == 'x' || n == 'X' || n == 'o' || n == 'O' || n == 'b' || n == 'B') {
            int base = (n == 'x' || n == 'X') ? 16 : (n == 'o' || n == 'O') ? 8 : 2;
            const char *kind = base == 16 ? "hexadecimal" : base == 8 ? "octal" : "binary";
            adv(t);
            adv(t);
            for (;;) {
                if (peek(t, 0) == '_') {
                    adv(t);
                }
                int d = peek(t, 0);
                int ok = base == 16 ? ((d >= '0' && d <= '9') || (d >= 'a' && d <= 'f') ||
                                       (d >= 'A' && d <= 'F'))
                                    : (d >= '0' && d < '0' + base);
                if (!ok) {
                    if (base != 16 && isdig(d)) {
                        tok_error_at(t, "SyntaxError", t->lineno, COL(t, t->cur),
                                     "invalid digit '%c' in %s literal", d, kind);
                        return -1;
                    }
                    tok_error_at(t, "SyntaxError", t->lineno, COL(t, t->cur) - 1,
                                 "invalid %s literal", kind);
                    return -1;
                }
                while (1) {
                    d = peek(t, 0);
                    ok = base == 16 ? ((d >= '0' && d <= '9') || (d >= 'a' && d <= 'f') ||
                                       (d >= 'A' && d <= 'F'))
                                    : (d >= '0' && d < '0' + base);
                    if (!ok) {
                        break;
                    }
                    adv(t);
                }
                if (peek(t, 0) != '_') {
                    break;
                }
            }
            if (base != 16 && isdig(peek(t, 0))) {
                tok_error_at(t, "SyntaxError", t->lineno, COL(t, t->cur),
                             "invalid digit '%c' in %s literal", peek(t, 0), kind);
                return -1;
            }
            return verify_end_of_number(t, kind);
        }
        /* Leading zeros: only "0", "00", "0_0" ... unless a float follows. */
        int nonzero = 0;
        const char *start = t->cur;
        while (peek(t, 0) == '0') {
            adv(t);
            if (peek(t, 0) == '_') {
                adv(t);
                if (!isdig(peek(t, 0))) {
                    tok_error_at(t, "SyntaxError", t->lineno, COL(t, t->cur) - 1,
                                 "invalid decimal literal");
                    return -1;
                }
            }
        }
        if (isdig(peek(t, 0))) {
            nonzero = 1;
            if (decimal_tail(t) < 0) {
                return -1;
            }
        }
        c = peek(t, 0);
        if (c == '.' || c == 'e' || c == 'E' || c == 'j' || c == 'J') {
            return fraction_exponent_imag(t);
        }
        if (nonzero) {
            tok_error_at(t, "SyntaxError", t->lineno, COL(t, start),
                         "leading zeros in decimal integer literals are not permitted; "
                         "use an 0o prefix for octal integers");
            return -1;
        }
        return verify_end_of_number(t, "decimal");
    }
    if (decimal_tail(t) < 0) {
        return -1;
    }
    return fraction_exponent_imag(t);
}

/* Skip the body of a \N{...} escape; cur is on the 'N'. */
static void
skip_named_escape(tok_state *t)
{
    adv(t); /* N */
    if (peek(t, 0) != '{') {
        return;
    }
    while (peek(t, 0) != -1 && peek(t, 0) != '}' && peek(t, 0) != '\n' &&
           peek(t, 0) != '"' && peek(t, 0) != '\'') {
        adv(t);
    }
    if (peek(t, 0) == '}') {
        adv(t);
    }
}

static FMode *
top_mode(tok_state *t)
{
    return t->nmodes ? &t->modes[t->nmodes - 1] : NULL;
}

static int
inside_fstring_expr(tok_state *t)
{
    FMode *m = top_mode(t);
    return m != NULL && m->kind == FM_EXPR;
}

/* Scan a string literal body after its prefix; cur is on the opening quote. */
static int
scan_string(tok_state *t, Token *tk, const char *start, int lineno, int col)
{
    int quote = peek(t, 0);
    int triple = peek(t, 1) == quote && peek(t, 2) == quote;
    int n = triple ? 3 : 1;
    for (int i = 0; i < n; i++) {
        adv(t);
    }
    for (;;) {
        int c = peek(t, 0);
        if (c == -1 || (c == '\n' && !triple)) {
            if (inside_fstring_expr(t) && !triple) {
                return tok_error_at(t, "SyntaxError", lineno, col, "f-string: expecting '}'");
            }
            /* A final newline does not start a line of its own. */
            int at = t->lineno;
            if (c == -1 && at > 1 && t->cur > t->buf && t->cur[-1] == '\n') {
                at--;
            }
            return tok_error_at(t, "SyntaxError", lineno, col,
                                triple ? "unterminated triple-quoted string literal (detected at line %d)"
                                       : "unterminated string literal (detected at line %d)",
                                at);
        }
        if (c == '\\') {
            adv(t);
            if (peek(t, 0) != -1) {
                adv(t);
            }
            continue;
        }
        if (c == quote) {
            if (!triple) {
                adv(t);
                break;
            }
            if (peek(t, 1) == quote && peek(t, 2) == quote) {
                adv(t);
                adv(t);
                adv(t);
                break;
            }
        }
        adv(t);
    }
    return make(t, tk, T_STRING, start, lineno, col);
}

static int
push_paren(tok_state *t, char c, int lineno, int col)
{
    if (t->level >= TOK_MAXLEVEL) {
        return tok_error_at(t, "SyntaxError", lineno, col, "too many nested parentheses");
    }
    t->parenstack[t->level] = c;
    t->parenlineno[t->level] = lineno;
    t->parencol[t->level] = col;
    t->level++;
    return 0;
}

/* fstring_literal's answer when a newline ended a format spec: no token,
 * the caller reads the next one in the replacement field's mode. */
#define FSTRING_SPEC_ENDED (-1000)

/* Literal part of an f-string (top mode FM_STRING or FM_SPEC). */
static int
fstring_literal(tok_state *t, Token *tk)
{
    FMode *m = top_mode(t);
    FMode *sm = m;
    /* The string frame that owns the quote: the SPEC's f-string. */
    for (int i = t->nmodes - 1; i >= 0; i--) {
        if (t->modes[i].kind == FM_STRING) {
            sm = &t->modes[i];
            break;
        }
    }
    const char *start = t->cur;
    int lineno = t->lineno, col = COL(t, t->cur);
    for (;;) {
        int c = peek(t, 0);
        if (c == -1 || (c == '\n' && sm->qlen == 1 && m->kind == FM_STRING)) {
            return tok_error_at(t, "SyntaxError", sm->lineno, sm->col,
                                sm->qlen == 3
                                    ? "unterminated triple-quoted f-string literal (detected at line %d)"
                                    : "unterminated f-string literal (detected at line %d)",
                                t->lineno);
        }
        if (c == '\n' && sm->qlen == 1 && m->kind == FM_SPEC) {
            /* As in CPython 3.13: a newline ends the spec of a single-quoted
             * f-string and the field goes on as an expression (where the
             * newline is blank space); after a nested field in the spec it
             * is the string's unterminated end. */
            if (m->nested) {
                return tok_error_at(t, "SyntaxError", sm->lineno, sm->col,
                                    "unterminated f-string literal (detected at line %d)",
                                    t->lineno);
            }
            if (t->cur > start) {
                return make(t, tk, T_FSTRING_MIDDLE, start, lineno, col);
            }
            t->nmodes--;
            return FSTRING_SPEC_ENDED;
        }
        if (m->kind == FM_STRING && c == sm->quote &&
            (sm->qlen == 1 || (peek(t, 1) == c && peek(t, 2) == c))) {
            if (t->cur > start) {
                return make(t, tk, T_FSTRING_MIDDLE, start, lineno, col);
            }
            for (int i = 0; i < sm->qlen; i++) {
                adv(t);
            }
            t->nmodes--;
            return make(t, tk, T_FSTRING_END, start, lineno, col);
        }
        if (m->kind == FM_SPEC && c == sm->quote &&
            (sm->qlen == 1 || (peek(t, 1) == c && peek(t, 2) == c))) {
            tok_error_at(t, "SyntaxError", t->lineno, COL(t, t->cur),
                         "f-string: expecting '}', or format specs");
            t->err.end_col = COL(t, t->cur) + 1;   /* the closing quote */
            return T_ERRORTOKEN;
        }
        if (c == '{') {
            if (peek(t, 1) == '{' && m->kind == FM_STRING) {
                adv(t);
                adv(t);
                continue;
            }
            if (t->cur > start) {
                return make(t, tk, T_FSTRING_MIDDLE, start, lineno, col);
            }
            if (t->nmodes >= (int)(sizeof(t->modes) / sizeof(t->modes[0])) - 1) {
                return tok_error_at(t, "SyntaxError", lineno, col, "too many nested f-strings");
            }
            int level0 = t->level;
            if (push_paren(t, '{', lineno, col) < 0) {
                return T_ERRORTOKEN;
            }
            (void)level0;
            adv(t);
            m->nested = 1;
            FMode *e = &t->modes[t->nmodes++];
            *e = *sm;
            e->kind = FM_EXPR;
            e->level = t->level;
            return make(t, tk, T_LBRACE, start, lineno, col);
        }
        if (c == '}') {
            if (m->kind == FM_STRING) {
                if (peek(t, 1) == '}') {
                    adv(t);
                    adv(t);
                    continue;
                }
                return tok_error_at(t, "SyntaxError", t->lineno, COL(t, t->cur),
                                    "f-string: single '}' is not allowed");
            }
            if (t->cur > start) {
                return make(t, tk, T_FSTRING_MIDDLE, start, lineno, col);
            }
            /* End of the format spec closes the replacement field too. */
            adv(t);
            t->nmodes -= 2;
            t->level--;
            return make(t, tk, T_RBRACE, start, lineno, col);
        }
        if (c == '\\' && !sm->raw) {
            if (peek(t, 1) == 'N' && peek(t, 2) == '{') {
                adv(t);
                skip_named_escape(t);
                continue;
            }
            adv(t);
            if (peek(t, 0) != '{' && peek(t, 0) != '}' && peek(t, 0) != -1) {
                adv(t);
            }
            continue;
        }
        if (c == '\\' && sm->raw) {
            adv(t);
            if (peek(t, 0) == sm->quote || peek(t, 0) == '\\') {
                adv(t);
            }
            continue;
        }
        adv(t);
    }
}

/* ---------------------------------------------------------------- main */

static int
ident_start_at(tok_state *t, unsigned int *cp, int *len)
{
    int c = peek(t, 0);
    if (c < 0x80) {
        *cp = (unsigned)c;
        *len = 1;
        return c >= 0 && _PyTokenizer_IsIdStart((unsigned)c);
    }
    *cp = _PyTokenizer_DecodeUTF8(t->cur, t->end, len);
    return _PyTokenizer_IsIdStart(*cp);
}

static int
invalid_char(tok_state *t, unsigned int cp, int len)
{
    if (non_printable(cp)) {
        return tok_error_at(t, "SyntaxError", t->lineno, COL(t, t->cur),
                            "invalid non-printable character U+%04X", cp);
    }
    return tok_error_at(t, "SyntaxError", t->lineno, COL(t, t->cur),
                        "invalid character '%.*s' (U+%04X)", len, t->cur, cp);
}

static int tok_get(tok_state *t, Token *tk);

int
_PyTokenizer_Get(tok_state *t, Token *tk)
{
    memset(tk, 0, sizeof(*tk));
    int type = tok_get(t, tk);
    if (type == T_ERRORTOKEN) {
        /* Errors return early, before the token is filled in. */
        tk->type = T_ERRORTOKEN;
        if (tk->start == NULL) {
            tk->start = tk->end = t->cur;
            tk->lineno = tk->end_lineno = t->lineno;
            tk->col_offset = tk->end_col_offset = (int)(t->cur - t->line_start);
        }
    }
    return type;
}

static int
tok_get(tok_state *t, Token *tk)
{
    if (t->has_error) {
        tk->type = T_ERRORTOKEN;
        tk->start = tk->end = t->cur;
        tk->lineno = tk->end_lineno = t->err.lineno;
        tk->col_offset = tk->end_col_offset = t->err.col;
        return T_ERRORTOKEN;
    }
    if (t->done) {
        tk->start = tk->end = t->cur;
        tk->lineno = tk->end_lineno = t->lineno;
        return make(t, tk, T_ENDMARKER, t->cur, t->lineno, COL(t, t->cur));
    }
    tk->level = t->level;
    FMode *m = top_mode(t);
    if (m != NULL && (m->kind == FM_STRING || m->kind == FM_SPEC)) {
        int r = fstring_literal(t, tk);
        if (r != FSTRING_SPEC_ENDED) {
            return r;
        }
    }
nextline:
    if (t->atbol) {
        t->atbol = 0;
        int col = 0, altcol = 0;
        for (;;) {
            int c = peek(t, 0);
            if (c == ' ') {
                col++;
                altcol++;
            }
            else if (c == '\t') {
                col = (col / TAB_SIZE + 1) * TAB_SIZE;
                altcol++;
            }
            else if (c == '\f') {
                col = altcol = 0;
            }
            else {
                break;
            }
            adv(t);
        }
        int c = peek(t, 0);
        t->blankline = (c == '#' || c == '\n' || c == -1 || c == '\\');
        if (c == '\\') {
            /* A line made only of a continuation joins the next one: treat its
             * indentation as significant, like CPython. */
            t->blankline = 0;
        }
        if (!t->blankline && t->level == 0) {
            int top = t->indstack[t->indent];
            int alttop = t->altindstack[t->indent];
            if (col == top) {
                if (altcol != alttop) {
                    return tok_error_at(t, "TabError", t->lineno, 0,
                                        "inconsistent use of tabs and spaces in indentation");
                }
            }
            else if (col > top) {
                if (t->indent + 1 >= TOK_MAXINDENT) {
                    return tok_error_at(t, "IndentationError", t->lineno, COL(t, t->cur),
                                        "too many levels of indentation");
                }
                if (altcol <= alttop) {
                    return tok_error_at(t, "TabError", t->lineno, 0,
                                        "inconsistent use of tabs and spaces in indentation");
                }
                t->pendin++;
                t->indent++;
                t->indstack[t->indent] = col;
                t->altindstack[t->indent] = altcol;
            }
            else {
                while (t->indent > 0 && col < t->indstack[t->indent]) {
                    t->pendin--;
                    t->indent--;
                }
                if (col != t->indstack[t->indent]) {
                    const char *e = t->cur;
                    while (e < t->end && *e != '\n') {
                        e++;
                    }
                    return tok_error_at(t, "IndentationError", t->lineno, COL(t, e),
                                        "unindent does not match any outer indentation level");
                }
                if (altcol != t->altindstack[t->indent]) {
                    return tok_error_at(t, "TabError", t->lineno, 0,
                                        "inconsistent use of tabs and spaces in indentation");
                }
            }
        }
    }
    if (t->pendin != 0) {
        int type;
        if (t->pendin > 0) {
            t->pendin--;
            type = T_INDENT;
        }
        else {
            t->pendin++;
            type = T_DEDENT;
        }
        return make(t, tk, type, t->cur, t->lineno, COL(t, t->cur));
    }
again:
    while (peek(t, 0) == ' ' || peek(t, 0) == '\t' || peek(t, 0) == '\f') {
        adv(t);
    }
    if (peek(t, 0) == '#') {
        while (peek(t, 0) != -1 && peek(t, 0) != '\n') {
            adv(t);
        }
    }
    const char *start = t->cur;
    int lineno = t->lineno, col = COL(t, t->cur);
    tk->level = t->level;
    int c = peek(t, 0);
    if (c == -1) {
        if (t->nmodes > 0) {
            return tok_error_at(t, "SyntaxError", lineno, col, "f-string: expecting '}'");
        }
        if (t->level > 0) {
            int i = t->level - 1;
            return tok_error_at(t, "SyntaxError", t->parenlineno[i], t->parencol[i],
                                "'%c' was never closed", t->parenstack[i]);
        }
        if (t->line_has_tokens) {
            t->line_has_tokens = 0;
            return make(t, tk, T_NEWLINE, start, lineno, col);
        }
        if (t->indent > 0) {
            t->pendin = -t->indent;
            t->indent = 0;
            t->pendin++;
            return make(t, tk, T_DEDENT, start, lineno, col);
        }
        t->done = 1;
        return make(t, tk, T_ENDMARKER, start, lineno, col);
    }
    if (c == '\n') {
        adv(t);
        if (t->blankline || t->level > 0) {
            if (t->level == 0) {
                t->atbol = 1;
            }
            goto nextline;
        }
        t->atbol = 1;
        t->line_has_tokens = 0;
        tk->type = T_NEWLINE;
        tk->start = start;
        tk->end = t->cur;
        tk->lineno = tk->end_lineno = lineno;
        tk->col_offset = col;
        tk->end_col_offset = col + 1;
        return T_NEWLINE;
    }
    if (c == '\\') {
        if (peek(t, 1) == '\n') {
            adv(t);
            adv(t);
            if (peek(t, 0) == -1) {
                return tok_error_at(t, "SyntaxError", lineno, col + 1, "unexpected EOF while parsing");
            }
            t->blankline = 0;
            goto again;
        }
        if (peek(t, 1) == -1) {
            return tok_error_at(t, "SyntaxError", lineno, col + 1, "unexpected EOF while parsing");
        }
        return tok_error_at(t, "SyntaxError", lineno, col + 1,
                            "unexpected character after line continuation character");
    }
    /* Identifiers, keywords and string prefixes. */
    unsigned int cp;
    int cplen;
    if (c < 0x80 ? _PyTokenizer_IsIdStart((unsigned)c) : 1) {
        if (c >= 0x80 && !ident_start_at(t, &cp, &cplen)) {
            return invalid_char(t, cp, cplen);
        }
        /* String prefix? */
        int saw_b = 0, saw_r = 0, saw_u = 0, saw_f = 0, k = 0;
        for (;;) {
            int d = peek(t, k);
            if ((d == 'b' || d == 'B') && !saw_b && !saw_u && !saw_f) {
                saw_b = 1;
            }
            else if ((d == 'r' || d == 'R') && !saw_r && !saw_u) {
                saw_r = 1;
            }
            else if ((d == 'u' || d == 'U') && !saw_u && !saw_b && !saw_r && !saw_f && k == 0) {
                saw_u = 1;
            }
            else if ((d == 'f' || d == 'F') && !saw_f && !saw_b && !saw_u) {
                saw_f = 1;
            }
            else {
                break;
            }
            k++;
        }
        int q = peek(t, k);
        if (k > 0 && (q == '"' || q == '\'')) {
            for (int i = 0; i < k; i++) {
                adv(t);
            }
            if (!saw_f) {
                return scan_string(t, tk, start, lineno, col);
            }
            if (t->nmodes >= (int)(sizeof(t->modes) / sizeof(t->modes[0])) - 3) {
                return tok_error_at(t, "SyntaxError", lineno, col, "too many nested f-strings");
            }
            int triple = peek(t, 1) == q && peek(t, 2) == q;
            FMode *f = &t->modes[t->nmodes++];
            f->kind = FM_STRING;
            f->quote = (char)q;
            f->qlen = triple ? 3 : 1;
            f->raw = saw_r;
            f->level = t->level;
            f->lineno = lineno;
            f->col = col;
            for (int i = 0; i < f->qlen; i++) {
                adv(t);
            }
            return make(t, tk, T_FSTRING_START, start, lineno, col);
        }
        for (;;) {
            int d = peek(t, 0);
            if (d == -1) {
                break;
            }
            if (d < 0x80) {
                if (!_PyTokenizer_IsIdContinue((unsigned)d)) {
                    break;
                }
                adv(t);
                continue;
            }
            cp = _PyTokenizer_DecodeUTF8(t->cur, t->end, &cplen);
            if (!_PyTokenizer_IsIdContinue(cp)) {
                return invalid_char(t, cp, cplen);
            }
            for (int i = 0; i < cplen; i++) {
                adv(t);
            }
        }
        make(t, tk, T_NAME, start, lineno, col);
        tk->kw = keyword_of(start, (size_t)(t->cur - start));
        return T_NAME;
    }
    if (isdig(c) || (c == '.' && isdig(peek(t, 1)))) {
        if (scan_number(t) < 0) {
            return T_ERRORTOKEN;
        }
        return make(t, tk, T_NUMBER, start, lineno, col);
    }
    if (c == '"' || c == '\'') {
        return scan_string(t, tk, start, lineno, col);
    }
    /* f-string replacement field punctuation at the field's own level. */
    m = top_mode(t);
    if (m != NULL && m->kind == FM_EXPR && t->level == m->level) {
        if (c == ':') {
            /* A spec in a spec in a spec of one f-string is refused. */
            int specs = 0;
            for (int i = t->nmodes - 1; i >= 0 && t->modes[i].kind != FM_STRING; i--) {
                specs += t->modes[i].kind == FM_SPEC;
            }
            if (specs >= 2) {
                return tok_error_at(t, "SyntaxError", lineno, col,
                                    "f-string: expressions nested too deeply");
            }
            adv(t);
            FMode *s = &t->modes[t->nmodes++];
            *s = *m;
            s->kind = FM_SPEC;
            s->nested = 0;
            return make(t, tk, T_COLON, start, lineno, col);
        }
        if (c == '}') {
            adv(t);
            t->nmodes--;
            t->level--;
            return make(t, tk, T_RBRACE, start, lineno, col);
        }
    }
    /* Operators. */
    int c1 = peek(t, 1), c2 = peek(t, 2);
    int type = -1, len = 1;
    if (c == '*' && c1 == '*' && c2 == '=') { type = T_DOUBLESTAREQUAL; len = 3; }
    else if (c == '/' && c1 == '/' && c2 == '=') { type = T_DOUBLESLASHEQUAL; len = 3; }
    else if (c == '<' && c1 == '<' && c2 == '=') { type = T_LEFTSHIFTEQUAL; len = 3; }
    else if (c == '>' && c1 == '>' && c2 == '=') { type = T_RIGHTSHIFTEQUAL; len = 3; }
    else if (c == '.' && c1 == '.' && c2 == '.') { type = T_ELLIPSIS; len = 3; }
    else {
        len = 2;
        switch (c) {
        case '!': type = c1 == '=' ? T_NOTEQUAL : -1; break;
        case '%': type = c1 == '=' ? T_PERCENTEQUAL : -1; break;
        case '&': type = c1 == '=' ? T_AMPEREQUAL : -1; break;
        case '*': type = c1 == '*' ? T_DOUBLESTAR : c1 == '=' ? T_STAREQUAL : -1; break;
        case '+': type = c1 == '=' ? T_PLUSEQUAL : -1; break;
        case '-': type = c1 == '=' ? T_MINEQUAL : c1 == '>' ? T_RARROW : -1; break;
        case '/': type = c1 == '/' ? T_DOUBLESLASH : c1 == '=' ? T_SLASHEQUAL : -1; break;
        case ':': type = c1 == '=' ? T_COLONEQUAL : -1; break;
        /* "<>" is NOTEQUAL too; the parser accepts it only under barry_as_FLUFL. */
        case '<': type = c1 == '<' ? T_LEFTSHIFT : c1 == '=' ? T_LESSEQUAL
                         : c1 == '>' ? T_NOTEQUAL : -1; break;
        case '=': type = c1 == '=' ? T_EQEQUAL : -1; break;
        case '>': type = c1 == '>' ? T_RIGHTSHIFT : c1 == '=' ? T_GREATEREQUAL : -1; break;
        case '@': type = c1 == '=' ? T_ATEQUAL : -1; break;
        case '^': type = c1 == '=' ? T_CIRCUMFLEXEQUAL : -1; break;
        case '|': type = c1 == '=' ? T_VBAREQUAL : -1; break;
        default: break;
        }
        if (type < 0) {
            len = 1;
            switch (c) {
            case '(': type = T_LPAR; break;
            case ')': type = T_RPAR; break;
            case '[': type = T_LSQB; break;
            case ']': type = T_RSQB; break;
            case ':': type = T_COLON; break;
            case ',': type = T_COMMA; break;
            case ';': type = T_SEMI; break;
            case '+': type = T_PLUS; break;
            case '-': type = T_MINUS; break;
            case '*': type = T_STAR; break;
            case '/': type = T_SLASH; break;
            case '|': type = T_VBAR; break;
            case '&': type = T_AMPER; break;
            case '<': type = T_LESS; break;
            case '>': type = T_GREATER; break;
            case '=': type = T_EQUAL; break;
            case '.': type = T_DOT; break;
            case '%': type = T_PERCENT; break;
            case '{': type = T_LBRACE; break;
            case '}': type = T_RBRACE; break;
            case '~': type = T_TILDE; break;
            case '^': type = T_CIRCUMFLEX; break;
            case '@': type = T_AT; break;
            case '!': type = T_EXCLAMATION; break;
            default: break;
            }
        }
    }
    if (type < 0) {
        if (c >= 0x80) {
            cp = _PyTokenizer_DecodeUTF8(t->cur, t->end, &cplen);
            return invalid_char(t, cp, cplen);
        }
        if (non_printable((unsigned)c)) {
            return invalid_char(t, (unsigned)c, 1);
        }
        /* '$', '?', '`': an error token the parser reports as invalid syntax. */
        adv(t);
        return make(t, tk, T_ERRORTOKEN, start, lineno, col);
    }
    if (type == T_LPAR || type == T_LSQB || type == T_LBRACE) {
        if (push_paren(t, (char)c, lineno, col) < 0) {
            return T_ERRORTOKEN;
        }
    }
    else if (type == T_RPAR || type == T_RSQB || type == T_RBRACE) {
        if (t->level == 0) {
            return tok_error_at(t, "SyntaxError", lineno, col, "unmatched '%c'", c);
        }
        int open = t->parenstack[t->level - 1];
        int want = open == '(' ? ')' : open == '[' ? ']' : '}';
        if (c != want && inside_fstring_expr(t) && top_mode(t)->level == t->level) {
            /* The open bracket is the replacement field's own '{'. */
            return tok_error_at(t, "SyntaxError", lineno, col, "f-string: unmatched '%c'", c);
        }
        if (c != want) {
            int ol = t->parenlineno[t->level - 1];
            if (ol != lineno) {
                return tok_error_at(t, "SyntaxError", lineno, col,
                                    "closing parenthesis '%c' does not match opening "
                                    "parenthesis '%c' on line %d", c, open, ol);
            }
            return tok_error_at(t, "SyntaxError", lineno, col,
                                "closing parenthesis '%c' does not match opening parenthesis '%c'",
                                c, open);
        }
        t->level--;
    }
    for (int i = 0; i < len; i++) {
        adv(t);
    }
    return make(t, tk, type, start, lineno, col);
}

const char *
_PyTokenizer_TypeName(int type)
{
    static const char *const names[] = {
        "ENDMARKER", "NAME", "NUMBER", "STRING", "NEWLINE", "INDENT", "DEDENT",
        "LPAR", "RPAR", "LSQB", "RSQB", "COLON", "COMMA", "SEMI", "PLUS", "MINUS",
        "STAR", "SLASH", "VBAR", "AMPER", "LESS", "GREATER", "EQUAL", "DOT",
        "PERCENT", "LBRACE", "RBRACE", "EQEQUAL", "NOTEQUAL", "LESSEQUAL",
        "GREATEREQUAL", "TILDE", "CIRCUMFLEX", "LEFTSHIFT", "RIGHTSHIFT",
        "DOUBLESTAR", "PLUSEQUAL", "MINEQUAL", "STAREQUAL", "SLASHEQUAL",
        "PERCENTEQUAL", "AMPEREQUAL", "VBAREQUAL", "CIRCUMFLEXEQUAL",
        "LEFTSHIFTEQUAL", "RIGHTSHIFTEQUAL", "DOUBLESTAREQUAL", "DOUBLESLASH",
        "DOUBLESLASHEQUAL", "AT", "ATEQUAL", "RARROW", "ELLIPSIS", "COLONEQUAL",
        "EXCLAMATION", "FSTRING_START", "FSTRING_MIDDLE", "FSTRING_END", "ERRORTOKEN"};
    if (type < 0 || type >= T_NTOKENS) {
        return "?";
    }
    return names[type];
}
