/* ast_unparse.c: turns an expression AST back into source text, the way
 * CPython does for `from __future__ import annotations` (PEP 563): minimal
 * parentheses by operator precedence, constants by repr(), f-strings rebuilt
 * and repr()'d as a whole.  Used only by the compiler for annotations, so it
 * covers expressions only.  (Lib/ast.py has its own unparse() for modules.) */
#include "Python.h"
#include "pycore_ast.h"
#include "compile_internal.h"
#include <string.h>

/* Precedence levels, lowest binding first: an expression is parenthesised
 * when the context asks for a higher level than its own. */
enum {
    PR_TUPLE, PR_TEST, PR_OR, PR_AND, PR_NOT, PR_CMP, PR_EXPR,
    PR_BOR = PR_EXPR, PR_BXOR, PR_BAND, PR_SHIFT, PR_ARITH, PR_TERM,
    PR_FACTOR, PR_POWER, PR_AWAIT, PR_ATOM
};

typedef struct {
    char *buf;
    size_t len, cap;
    int failed;
} sbuf;

static void
put(sbuf *b, const char *s, size_t n)
{
    if (b->failed) {
        return;
    }
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 64;
        while (cap < b->len + n + 1) {
            cap *= 2;
        }
        char *nb = PyMem_Realloc(b->buf, cap);
        if (nb == NULL) {
            PyErr_NoMemory();
            b->failed = 1;
            return;
        }
        b->buf = nb;
        b->cap = cap;
    }
    memcpy(b->buf + b->len, s, n);
    b->len += n;
    b->buf[b->len] = '\0';
}

static void
puts_(sbuf *b, const char *s)
{
    put(b, s, strlen(s));
}

/* Appends a str object's UTF-8 text. */
static void
put_obj(sbuf *b, PyObject *s)
{
    if (s == NULL) {
        b->failed = 1;
        return;
    }
    Py_ssize_t n;
    const char *u = PyUnicode_AsUTF8AndSize(s, &n);
    if (u == NULL) {
        b->failed = 1;
        return;
    }
    put(b, u, (size_t)n);
}

static void expr(sbuf *b, expr_ty e, int level);

static void
seq(sbuf *b, asdl_expr_seq *s, int level)
{
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(s); i++) {
        if (i > 0) {
            puts_(b, ", ");
        }
        expr(b, asdl_seq_GET(s, i), level);
    }
}

/* repr() of a constant; infinities are spelled 1e309 as CPython does so the
 * text evaluates back to the same value. */
static void
put_constant_repr(sbuf *b, PyObject *v)
{
    if (v == NULL) {
        b->failed = 1;
        return;
    }
    if (v == Py_Ellipsis) {
        puts_(b, "...");
        return;
    }
    PyObject *r = PyObject_Repr(v);
    if (r == NULL) {
        b->failed = 1;
        return;
    }
    if (PyFloat_CheckExact(v) || PyComplex_CheckExact(v)) {
        Py_ssize_t n;
        const char *u = PyUnicode_AsUTF8AndSize(r, &n);
        if (u == NULL) {
            Py_DECREF(r);
            b->failed = 1;
            return;
        }
        for (Py_ssize_t i = 0; i < n; i++) {
            if (i + 3 <= n && memcmp(u + i, "inf", 3) == 0) {
                puts_(b, "1e309");
                i += 2;
            }
            else {
                put(b, u + i, 1);
            }
        }
        Py_DECREF(r);
        return;
    }
    put_obj(b, r);
    Py_DECREF(r);
}

static void
constant_(sbuf *b, expr_ty e)
{
    if (e->v.Constant.kind && strcmp(e->v.Constant.kind, "u") == 0) {
        puts_(b, "u");
    }
    PyObject *v = _PyCompile_ConstValue(NULL, &e->v.Constant.value);
    put_constant_repr(b, v);
    Py_XDECREF(v);
}

static void fstring_body(sbuf *b, asdl_expr_seq *values);

/* One replacement field of an f-string body: {expr!c:spec}. */
static void
formatted_value(sbuf *b, expr_ty e)
{
    sbuf inner = {0};
    expr(&inner, e->v.FormattedValue.value, PR_TEST + 1);
    if (inner.failed) {
        PyMem_Free(inner.buf);
        b->failed = 1;
        return;
    }
    /* "{{" would read as an escaped brace. */
    puts_(b, inner.len > 0 && inner.buf[0] == '{' ? "{ " : "{");
    put(b, inner.buf ? inner.buf : "", inner.len);
    PyMem_Free(inner.buf);
    int conv = e->v.FormattedValue.conversion;
    if (conv > 0) {
        char c[3] = {'!', (char)conv, '\0'};
        puts_(b, c);
    }
    expr_ty spec = e->v.FormattedValue.format_spec;
    if (spec != NULL) {
        puts_(b, ":");
        if (spec->kind == JoinedStr_kind) {
            fstring_body(b, spec->v.JoinedStr.values);
        }
        else {
            fstring_body(b, NULL);
        }
    }
    puts_(b, "}");
}

/* The literal text of an f-string's parts, braces doubled. */
static void
fstring_literal(sbuf *b, expr_ty e)
{
    PyObject *v = _PyCompile_ConstValue(NULL, &e->v.Constant.value);
    if (v == NULL || !PyUnicode_Check(v)) {
        Py_XDECREF(v);
        b->failed = 1;
        return;
    }
    Py_ssize_t n;
    const char *u = PyUnicode_AsUTF8AndSize(v, &n);
    if (u == NULL) {
        Py_DECREF(v);
        b->failed = 1;
        return;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        put(b, u + i, 1);
        if (u[i] == '{' || u[i] == '}') {
            put(b, u + i, 1);
        }
    }
    Py_DECREF(v);
}

static void
fstring_body(sbuf *b, asdl_expr_seq *values)
{
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(values); i++) {
        expr_ty v = asdl_seq_GET(values, i);
        if (v->kind == Constant_kind) {
            fstring_literal(b, v);
        }
        else if (v->kind == FormattedValue_kind) {
            formatted_value(b, v);
        }
        else if (v->kind == JoinedStr_kind) {
            fstring_body(b, v->v.JoinedStr.values);
        }
        else {
            b->failed = 1;
            PyErr_SetString(PyExc_SystemError, "unknown expression kind inside f-string");
        }
    }
}

static void
joinedstr(sbuf *b, expr_ty e)
{
    sbuf body = {0};
    fstring_body(&body, e->v.JoinedStr.values);
    if (body.failed) {
        PyMem_Free(body.buf);
        b->failed = 1;
        return;
    }
    PyObject *s = PyUnicode_DecodeUTF8(body.buf ? body.buf : "", (Py_ssize_t)body.len,
                                       "surrogatepass");
    PyMem_Free(body.buf);
    if (s == NULL) {
        b->failed = 1;
        return;
    }
    puts_(b, "f");
    PyObject *r = PyObject_Repr(s);
    Py_DECREF(s);
    put_obj(b, r);
    Py_XDECREF(r);
}

static void
comprehensions(sbuf *b, asdl_comprehension_seq *gens)
{
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(gens); i++) {
        comprehension_ty g = asdl_seq_GET(gens, i);
        puts_(b, g->is_async ? " async for " : " for ");
        expr(b, g->target, PR_TUPLE);
        puts_(b, " in ");
        expr(b, g->iter, PR_TEST + 1);
        for (Py_ssize_t j = 0; j < asdl_seq_LEN(g->ifs); j++) {
            puts_(b, " if ");
            expr(b, asdl_seq_GET(g->ifs, j), PR_TEST + 1);
        }
    }
}

/* A list/set/dict comprehension or generator expression: `open`, the
 * element (`key: elt` for a dict), its for/if clauses, `close`. */
static void
comprehension_display(sbuf *b, const char *open, expr_ty key, expr_ty elt,
                      asdl_comprehension_seq *gens, const char *close)
{
    puts_(b, open);
    if (key != NULL) {
        expr(b, key, PR_TEST);
        puts_(b, ": ");
    }
    expr(b, elt, PR_TEST);
    comprehensions(b, gens);
    puts_(b, close);
}

static void
one_arg(sbuf *b, arg_ty a, expr_ty dflt)
{
    puts_(b, a->arg);
    if (dflt != NULL) {
        puts_(b, "=");
        expr(b, dflt, PR_TEST);
    }
}

/* A lambda's parameter list (lambdas carry no annotations). */
static void
lambda_args(sbuf *b, arguments_ty a)
{
    int first = 1;
    Py_ssize_t npos = asdl_seq_LEN(a->posonlyargs), nargs = asdl_seq_LEN(a->args);
    Py_ssize_t ndef = asdl_seq_LEN(a->defaults);
    Py_ssize_t total = npos + nargs;
    for (Py_ssize_t i = 0; i < total; i++) {
        arg_ty p = i < npos ? asdl_seq_GET(a->posonlyargs, i) : asdl_seq_GET(a->args, i - npos);
        Py_ssize_t di = i - (total - ndef);
        if (!first) {
            puts_(b, ", ");
        }
        first = 0;
        one_arg(b, p, di >= 0 ? asdl_seq_GET(a->defaults, di) : NULL);
        if (i == npos - 1) {
            puts_(b, ", /");
        }
    }
    if (a->vararg != NULL || asdl_seq_LEN(a->kwonlyargs) > 0) {
        if (!first) {
            puts_(b, ", ");
        }
        first = 0;
        puts_(b, "*");
        if (a->vararg != NULL) {
            puts_(b, a->vararg->arg);
        }
    }
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(a->kwonlyargs); i++) {
        puts_(b, ", ");
        one_arg(b, asdl_seq_GET(a->kwonlyargs, i), asdl_seq_GET(a->kw_defaults, i));
    }
    if (a->kwarg != NULL) {
        if (!first) {
            puts_(b, ", ");
        }
        puts_(b, "**");
        puts_(b, a->kwarg->arg);
    }
}

static const char *
binop_text(operator_ty op, int *pr)
{
    switch (op) {
    case Add: *pr = PR_ARITH; return " + ";
    case Sub: *pr = PR_ARITH; return " - ";
    case Mult: *pr = PR_TERM; return " * ";
    case MatMult: *pr = PR_TERM; return " @ ";
    case Div: *pr = PR_TERM; return " / ";
    case Mod: *pr = PR_TERM; return " % ";
    case FloorDiv: *pr = PR_TERM; return " // ";
    case Pow: *pr = PR_POWER; return " ** ";
    case LShift: *pr = PR_SHIFT; return " << ";
    case RShift: *pr = PR_SHIFT; return " >> ";
    case BitOr: *pr = PR_BOR; return " | ";
    case BitXor: *pr = PR_BXOR; return " ^ ";
    case BitAnd: *pr = PR_BAND; return " & ";
    }
    *pr = PR_ATOM;
    return " ? ";
}

static const char *
cmpop_text(cmpop_ty op)
{
    switch (op) {
    case Eq: return " == ";
    case NotEq: return " != ";
    case Lt: return " < ";
    case LtE: return " <= ";
    case Gt: return " > ";
    case GtE: return " >= ";
    case Is: return " is ";
    case IsNot: return " is not ";
    case In: return " in ";
    case NotIn: return " not in ";
    }
    return " ? ";
}

static void
open_if(sbuf *b, int cond)
{
    if (cond) {
        puts_(b, "(");
    }
}

static void
close_if(sbuf *b, int cond)
{
    if (cond) {
        puts_(b, ")");
    }
}

static void
expr(sbuf *b, expr_ty e, int level)
{
    if (b->failed) {
        return;
    }
    if (Py_EnterRecursiveCall(" during ast unparsing")) {
        b->failed = 1;
        return;
    }
    switch (e->kind) {
    case BoolOp_kind: {
        int pr = e->v.BoolOp.op == And ? PR_AND : PR_OR;
        open_if(b, level > pr);
        for (Py_ssize_t i = 0; i < asdl_seq_LEN(e->v.BoolOp.values); i++) {
            if (i > 0) {
                puts_(b, pr == PR_AND ? " and " : " or ");
            }
            expr(b, asdl_seq_GET(e->v.BoolOp.values, i), pr + 1);
        }
        close_if(b, level > pr);
        break;
    }
    case NamedExpr_kind:
        open_if(b, level > PR_TUPLE);
        expr(b, e->v.NamedExpr.target, PR_ATOM);
        puts_(b, " := ");
        expr(b, e->v.NamedExpr.value, PR_ATOM);
        close_if(b, level > PR_TUPLE);
        break;
    case BinOp_kind: {
        int pr;
        const char *op = binop_text(e->v.BinOp.op, &pr);
        int rassoc = e->v.BinOp.op == Pow;
        open_if(b, level > pr);
        expr(b, e->v.BinOp.left, pr + rassoc);
        puts_(b, op);
        expr(b, e->v.BinOp.right, pr + !rassoc);
        close_if(b, level > pr);
        break;
    }
    case UnaryOp_kind: {
        const char *op = "";
        int pr = PR_FACTOR;
        switch (e->v.UnaryOp.op) {
        case Invert: op = "~"; break;
        case Not: op = "not "; pr = PR_NOT; break;
        case UAdd: op = "+"; break;
        case USub: op = "-"; break;
        }
        open_if(b, level > pr);
        puts_(b, op);
        expr(b, e->v.UnaryOp.operand, pr);
        close_if(b, level > pr);
        break;
    }
    case Lambda_kind: {
        arguments_ty a = e->v.Lambda.args;
        int any = asdl_seq_LEN(a->posonlyargs) || asdl_seq_LEN(a->args) || a->vararg ||
                  asdl_seq_LEN(a->kwonlyargs) || a->kwarg;
        open_if(b, level > PR_TEST);
        puts_(b, any ? "lambda " : "lambda");
        lambda_args(b, a);
        puts_(b, ": ");
        expr(b, e->v.Lambda.body, PR_TEST);
        close_if(b, level > PR_TEST);
        break;
    }
    case IfExp_kind:
        open_if(b, level > PR_TEST);
        expr(b, e->v.IfExp.body, PR_TEST + 1);
        puts_(b, " if ");
        expr(b, e->v.IfExp.test, PR_TEST + 1);
        puts_(b, " else ");
        expr(b, e->v.IfExp.orelse, PR_TEST);
        close_if(b, level > PR_TEST);
        break;
    case Dict_kind:
        puts_(b, "{");
        for (Py_ssize_t i = 0; i < asdl_seq_LEN(e->v.Dict.values); i++) {
            if (i > 0) {
                puts_(b, ", ");
            }
            expr_ty k = asdl_seq_GET(e->v.Dict.keys, i);
            if (k == NULL) {
                puts_(b, "**");
                expr(b, asdl_seq_GET(e->v.Dict.values, i), PR_EXPR);
            }
            else {
                expr(b, k, PR_TEST);
                puts_(b, ": ");
                expr(b, asdl_seq_GET(e->v.Dict.values, i), PR_TEST);
            }
        }
        puts_(b, "}");
        break;
    case Set_kind:
        if (asdl_seq_LEN(e->v.Set.elts) == 0) {
            puts_(b, "{*()}");   /* there is no literal for an empty set */
            break;
        }
        puts_(b, "{");
        seq(b, e->v.Set.elts, PR_TEST);
        puts_(b, "}");
        break;
    case ListComp_kind:
        comprehension_display(b, "[", NULL, e->v.ListComp.elt, e->v.ListComp.generators, "]");
        break;
    case SetComp_kind:
        comprehension_display(b, "{", NULL, e->v.SetComp.elt, e->v.SetComp.generators, "}");
        break;
    case DictComp_kind:
        comprehension_display(b, "{", e->v.DictComp.key, e->v.DictComp.value,
                              e->v.DictComp.generators, "}");
        break;
    case GeneratorExp_kind:
        comprehension_display(b, "(", NULL, e->v.GeneratorExp.elt,
                              e->v.GeneratorExp.generators, ")");
        break;
    case Await_kind:
        open_if(b, level > PR_AWAIT);
        puts_(b, "await ");
        expr(b, e->v.Await.value, PR_ATOM);
        close_if(b, level > PR_AWAIT);
        break;
    case Yield_kind:
        if (e->v.Yield.value == NULL) {
            puts_(b, "(yield)");
            break;
        }
        puts_(b, "(yield ");
        expr(b, e->v.Yield.value, PR_TEST);
        puts_(b, ")");
        break;
    case YieldFrom_kind:
        puts_(b, "(yield from ");
        expr(b, e->v.YieldFrom.value, PR_TEST);
        puts_(b, ")");
        break;
    case Compare_kind:
        open_if(b, level > PR_CMP);
        expr(b, e->v.Compare.left, PR_CMP + 1);
        for (Py_ssize_t i = 0; i < asdl_seq_LEN(e->v.Compare.comparators); i++) {
            puts_(b, cmpop_text((cmpop_ty)asdl_seq_GET(e->v.Compare.ops, i)));
            expr(b, asdl_seq_GET(e->v.Compare.comparators, i), PR_CMP + 1);
        }
        close_if(b, level > PR_CMP);
        break;
    case Call_kind: {
        expr(b, e->v.Call.func, PR_ATOM);
        asdl_expr_seq *args = e->v.Call.args;
        asdl_keyword_seq *kws = e->v.Call.keywords;
        if (asdl_seq_LEN(args) == 1 && asdl_seq_LEN(kws) == 0 &&
            asdl_seq_GET(args, 0)->kind == GeneratorExp_kind) {
            /* f(x for x in y): the generator's own parentheses suffice. */
            expr(b, asdl_seq_GET(args, 0), PR_TEST);
            break;
        }
        puts_(b, "(");
        seq(b, args, PR_TEST);
        for (Py_ssize_t i = 0; i < asdl_seq_LEN(kws); i++) {
            keyword_ty k = asdl_seq_GET(kws, i);
            if (i > 0 || asdl_seq_LEN(args) > 0) {
                puts_(b, ", ");
            }
            if (k->arg == NULL) {
                puts_(b, "**");
            }
            else {
                puts_(b, k->arg);
                puts_(b, "=");
            }
            expr(b, k->value, PR_TEST);
        }
        puts_(b, ")");
        break;
    }
    case FormattedValue_kind: {
        /* Only inside JoinedStr normally; alone it is an f-string of one field. */
        sbuf body = {0};
        formatted_value(&body, e);
        PyObject *s = body.failed ? NULL
                      : PyUnicode_DecodeUTF8(body.buf ? body.buf : "", (Py_ssize_t)body.len,
                                             "surrogatepass");
        PyMem_Free(body.buf);
        PyObject *r = s ? PyObject_Repr(s) : NULL;
        Py_XDECREF(s);
        puts_(b, "f");
        put_obj(b, r);
        Py_XDECREF(r);
        break;
    }
    case JoinedStr_kind:
        joinedstr(b, e);
        break;
    case Constant_kind:
        constant_(b, e);
        break;
    case Attribute_kind: {
        expr_ty v = e->v.Attribute.value;
        expr(b, v, PR_ATOM);
        /* "1.real" would lex as the float "1." */
        int int_lit = v->kind == Constant_kind && v->v.Constant.value.kind == CONST_INT;
        puts_(b, int_lit ? " ." : ".");
        puts_(b, e->v.Attribute.attr);
        break;
    }
    case Subscript_kind: {
        expr_ty s = e->v.Subscript.slice;
        expr(b, e->v.Subscript.value, PR_ATOM);
        puts_(b, "[");
        if (s->kind == Tuple_kind && asdl_seq_LEN(s->v.Tuple.elts) > 0) {
            seq(b, s->v.Tuple.elts, PR_TEST);
            if (asdl_seq_LEN(s->v.Tuple.elts) == 1) {
                puts_(b, ",");
            }
        }
        else {
            expr(b, s, PR_TUPLE);
        }
        puts_(b, "]");
        break;
    }
    case Starred_kind:
        puts_(b, "*");
        expr(b, e->v.Starred.value, PR_EXPR);
        break;
    case Name_kind:
        puts_(b, e->v.Name.id);
        break;
    case List_kind:
        puts_(b, "[");
        seq(b, e->v.List.elts, PR_TEST);
        puts_(b, "]");
        break;
    case Tuple_kind: {
        Py_ssize_t n = asdl_seq_LEN(e->v.Tuple.elts);
        if (n == 0) {
            puts_(b, "()");
            break;
        }
        open_if(b, level > PR_TUPLE);
        seq(b, e->v.Tuple.elts, PR_TEST);
        if (n == 1) {
            puts_(b, ",");
        }
        close_if(b, level > PR_TUPLE);
        break;
    }
    case Slice_kind:
        if (e->v.Slice.lower) {
            expr(b, e->v.Slice.lower, PR_TEST);
        }
        puts_(b, ":");
        if (e->v.Slice.upper) {
            expr(b, e->v.Slice.upper, PR_TEST);
        }
        if (e->v.Slice.step) {
            puts_(b, ":");
            expr(b, e->v.Slice.step, PR_TEST);
        }
        break;
    default:
        PyErr_SetString(PyExc_SystemError, "unknown expression kind");
        b->failed = 1;
        break;
    }
    Py_LeaveRecursiveCall();
}

/* The source text of an annotation, as a new str (NULL with an exception
 * set on failure). */
PyObject *
_PyAST_ExprAsUnicode(expr_ty e)
{
    sbuf b = {0};
    expr(&b, e, PR_TEST);
    if (b.failed) {
        PyMem_Free(b.buf);
        if (!PyErr_Occurred()) {
            PyErr_NoMemory();
        }
        return NULL;
    }
    PyObject *r = PyUnicode_DecodeUTF8(b.buf ? b.buf : "", (Py_ssize_t)b.len, "surrogatepass");
    PyMem_Free(b.buf);
    return r;
}
