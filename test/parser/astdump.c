/* astdump.c: parse a file and print its AST the way Python's
 * ast.dump(ast.parse(src)) does (or, with -a, include_attributes=True).
 *
 * usage: astdump [-a] [-q] [-m exec|eval|single] FILE
 * -q parses without printing (for timing).
 * On a syntax error prints one line
 *     TYPE: MESSAGE (line L, offset O)
 * and exits with status 1 (the format of the committed NAME.err files). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include "pycore_ast.h"
#include "pycore_parser.h"
#include "pycore_pyarena.h"

static int show_attributes;

static void
put(const char *s)
{
    fputs(s, stdout);
}

static void
dump_int(int v)
{
    printf("%d", v);
}

/* ---------------------------------------------------------------- repr */

static unsigned int
next_cp(const unsigned char **ps, const unsigned char *e)
{
    const unsigned char *s = *ps;
    unsigned int c = s[0];
    int n = 1;
    if (c >= 0xF0 && s + 3 < e) {
        c = ((c & 0x07) << 18) | ((s[1] & 0x3F) << 12) | ((s[2] & 0x3F) << 6) | (s[3] & 0x3F);
        n = 4;
    }
    else if (c >= 0xE0 && s + 2 < e) {
        c = ((c & 0x0F) << 12) | ((s[1] & 0x3F) << 6) | (s[2] & 0x3F);
        n = 3;
    }
    else if (c >= 0xC0 && s + 1 < e) {
        c = ((c & 0x1F) << 6) | (s[1] & 0x3F);
        n = 2;
    }
    *ps = s + n;
    return c;
}

static int
printable(unsigned int c)
{
    if (c < 0x20 || c == 0x7F) {
        return 0;
    }
    if (c < 0x7F) {
        return 1;
    }
    if ((c >= 0x80 && c <= 0xA0) || c == 0xAD || (c >= 0x2000 && c <= 0x200F) ||
        (c >= 0x2028 && c <= 0x202F) || (c >= 0x205F && c <= 0x206F) || c == 0x3000 ||
        c == 0xFEFF || (c >= 0xD800 && c <= 0xF8FF) || (c >= 0xFFF0 && c <= 0xFFFC) || c == 0xFFFE ||
        c == 0xFFFF ||
        c == 0x1680 || c == 0x180E || c >= 0xE0000) {
        return 0;
    }
    return 1;
}

static void
dump_strn(const char *data, size_t len)
{
    const unsigned char *s = (const unsigned char *)data, *e = s + len;
    int sq = 0, dq = 0;
    for (size_t i = 0; i < len; i++) {
        sq |= data[i] == '\'';
        dq |= data[i] == '"';
    }
    char q = (sq && !dq) ? '"' : '\'';
    putchar(q);
    while (s < e) {
        const unsigned char *st = s;
        unsigned int c = next_cp(&s, e);
        if (c == (unsigned)q || c == '\\') {
            printf("\\%c", c);
        }
        else if (c == '\t') {
            put("\\t");
        }
        else if (c == '\n') {
            put("\\n");
        }
        else if (c == '\r') {
            put("\\r");
        }
        else if (!printable(c)) {
            if (c < 0x100) {
                printf("\\x%02x", c);
            }
            else if (c < 0x10000) {
                printf("\\u%04x", c);
            }
            else {
                printf("\\U%08x", c);
            }
        }
        else {
            fwrite(st, 1, (size_t)(s - st), stdout);
        }
    }
    putchar(q);
}

static void
dump_str(const char *s)
{
    dump_strn(s, strlen(s));
}

static void
dump_bytes(const char *data, size_t len)
{
    int sq = 0, dq = 0;
    for (size_t i = 0; i < len; i++) {
        sq |= data[i] == '\'';
        dq |= data[i] == '"';
    }
    char q = (sq && !dq) ? '"' : '\'';
    putchar('b');
    putchar(q);
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)data[i];
        if (c == (unsigned char)q || c == '\\') {
            printf("\\%c", c);
        }
        else if (c == '\t') {
            put("\\t");
        }
        else if (c == '\n') {
            put("\\n");
        }
        else if (c == '\r') {
            put("\\r");
        }
        else if (c < 0x20 || c >= 0x7F) {
            printf("\\x%02x", c);
        }
        else {
            putchar(c);
        }
    }
    putchar(q);
}

/* Arbitrary-precision conversion of digits in `base` to decimal. */
static void
dump_bigint(const char *digits, size_t n, int base)
{
    size_t cap = n + 2;
    unsigned int *limbs = calloc(cap, sizeof(unsigned int)); /* base 1e9, little endian */
    size_t nl = 1;
    if (limbs == NULL) {
        put("<nomem>");
        return;
    }
    for (size_t i = 0; i < n; i++) {
        char ch = digits[i];
        unsigned int d = (ch >= '0' && ch <= '9') ? (unsigned)(ch - '0')
                         : (ch >= 'a' && ch <= 'f') ? (unsigned)(ch - 'a' + 10)
                                                    : (unsigned)(ch - 'A' + 10);
        unsigned long long carry = d;
        for (size_t k = 0; k < nl; k++) {
            unsigned long long v = (unsigned long long)limbs[k] * (unsigned)base + carry;
            limbs[k] = (unsigned int)(v % 1000000000u);
            carry = v / 1000000000u;
        }
        while (carry) {
            limbs[nl++] = (unsigned int)(carry % 1000000000u);
            carry /= 1000000000u;
        }
    }
    printf("%u", limbs[nl - 1]);
    for (size_t k = nl - 1; k-- > 0;) {
        printf("%09u", limbs[k]);
    }
    free(limbs);
}

/* Python's repr() of a float (imag: the complex-number form, no ".0"). */
static void
dump_float(double v, int imag)
{
    char buf[64];
    if (isinf(v)) {
        put(v > 0 ? "inf" : "-inf");
        return;
    }
    if (isnan(v)) {
        put("nan");
        return;
    }
    int prec;
    for (prec = 1; prec <= 17; prec++) {
        snprintf(buf, sizeof(buf), "%.*e", prec - 1, v);
        if (strtod(buf, NULL) == v) {
            break;
        }
    }
    /* buf: d[.ddd]e[+-]XX */
    char digits[32];
    int nd = 0;
    const char *s = buf;
    int neg = 0;
    if (*s == '-') {
        neg = 1;
        s++;
    }
    for (; *s && *s != 'e'; s++) {
        if (*s != '.') {
            digits[nd++] = *s;
        }
    }
    digits[nd] = '\0';
    int exp = atoi(s + 1);
    while (nd > 1 && digits[nd - 1] == '0') {
        digits[--nd] = '\0';
    }
    if (neg) {
        putchar('-');
    }
    if (exp < -4 || exp >= 16) {
        putchar(digits[0]);
        if (nd > 1) {
            printf(".%s", digits + 1);
        }
        printf("e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
        return;
    }
    if (exp < 0) {
        put("0.");
        for (int i = 0; i < -exp - 1; i++) {
            putchar('0');
        }
        put(digits);
        return;
    }
    for (int i = 0; i <= exp; i++) {
        putchar(i < nd ? digits[i] : '0');
    }
    if (nd > exp + 1) {
        printf(".%s", digits + exp + 1);
    }
    else if (!imag) {
        put(".0");
    }
}

static void
dump_constant(const constant *c)
{
    switch (c->kind) {
    case CONST_NONE: put("None"); break;
    case CONST_TRUE: put("True"); break;
    case CONST_FALSE: put("False"); break;
    case CONST_ELLIPSIS: put("Ellipsis"); break;
    case CONST_INT: dump_bigint(c->data, (size_t)c->len, c->base); break;
    case CONST_FLOAT: dump_float(strtod(c->data, NULL), 0); break;
    case CONST_IMAG:
        dump_float(strtod(c->data, NULL), 1);
        putchar('j');
        break;
    case CONST_STR: dump_strn(c->data, (size_t)c->len); break;
    case CONST_BYTES: dump_bytes(c->data, (size_t)c->len); break;
    default: put("<bad constant>"); break;
    }
}

#include "astdump_nodes.h"

int
main(int argc, char **argv)
{
    int mode = Py_file_input;
    int quiet = 0;
    const char *path = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-a") == 0) {
            show_attributes = 1;
        }
        else if (strcmp(argv[i], "-q") == 0) {
            quiet = 1;
        }
        else if (strcmp(argv[i], "-m") == 0 && i + 1 < argc) {
            const char *m = argv[++i];
            mode = strcmp(m, "eval") == 0 ? Py_eval_input
                   : strcmp(m, "single") == 0 ? Py_single_input : Py_file_input;
        }
        else {
            path = argv[i];
        }
    }
    if (path == NULL) {
        fprintf(stderr, "usage: astdump [-a] [-q] [-m exec|eval|single] FILE\n");
        return 2;
    }
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        perror(path);
        return 2;
    }
    size_t cap = 4096, len = 0;
    char *src = malloc(cap);
    size_t n;
    while (src && (n = fread(src + len, 1, cap - len, f)) > 0) {
        len += n;
        if (len == cap) {
            cap *= 2;
            src = realloc(src, cap);
        }
    }
    fclose(f);
    if (src == NULL) {
        fprintf(stderr, "out of memory\n");
        return 2;
    }
    PyArena *arena = _PyArena_New();
    PyParserError err;
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    mod_ty m = _PyParser_ParseString(src, len, base, mode, arena, &err);
    int rc = 0;
    if (m == NULL) {
        if (err.lineno == 0 && err.offset == 0) {
            /* SyntaxError.lineno/offset are None in CPython here */
            printf("%s: %s (line None, offset None)\n", err.type, err.msg);
        }
        else {
            printf("%s: %s (line %d, offset %d)\n", err.type, err.msg, err.lineno, err.offset);
        }
        rc = 1;
    }
    else if (!quiet) {
        dump_mod(m);
        putchar('\n');
    }
    _PyArena_Free(arena);
    free(src);
    return rc;
}
