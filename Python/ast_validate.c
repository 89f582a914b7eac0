/* ast_validate.c: checks on a C tree built from ast node objects
 * (compile(tree, ...)) before it reaches the compiler, which assumes the
 * parser's invariants: expression contexts, non-empty bodies, matching
 * lengths of parallel lists, valid patterns.  Errors are CPython's
 * ValueError messages (SystemError for a bad f-string conversion). */
#include "Python.h"
#include "pycore_ast.h"
#include "pycore_compile.h"

static int v_expr(expr_ty e, expr_context_ty ctx);
static int v_stmts(asdl_stmt_seq *seq);
static int v_pattern(pattern_ty p, int star_ok);

static const char *
ctx_name(expr_context_ty c)
{
    return c == Load ? "Load" : c == Store ? "Store" : "Del";
}

static int
fail(const char *fmt, const char *a)
{
    PyErr_Format(PyExc_ValueError, fmt, a);
    return -1;
}

static int
v_name(identifier id)
{
    static const char *const consts[] = {"None", "True", "False"};
    for (int i = 0; i < 3; i++) {
        if (strcmp(id, consts[i]) == 0) {
            return fail("identifier field can't represent '%s' constant", consts[i]);
        }
    }
    return 0;
}

static int
v_exprs(asdl_expr_seq *seq, expr_context_ty ctx, int null_ok)
{
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(seq); i++) {
        expr_ty e = asdl_seq_GET(seq, i);
        if (e == NULL) {
            if (null_ok) {
                continue;
            }
            PyErr_SetString(PyExc_ValueError, "None disallowed in expression list");
            return -1;
        }
        if (v_expr(e, ctx) < 0) {
            return -1;
        }
    }
    return 0;
}

static int
v_nonempty(Py_ssize_t n, const char *what, const char *owner)
{
    if (n == 0) {
        PyErr_Format(PyExc_ValueError, "empty %s on %s", what, owner);
        return -1;
    }
    return 0;
}

static int
v_body(asdl_stmt_seq *body, const char *owner)
{
    if (v_nonempty(asdl_seq_LEN(body), "body", owner) < 0) {
        return -1;
    }
    return v_stmts(body);
}

static int
v_args(asdl_arg_seq *args)
{
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(args); i++) {
        arg_ty a = asdl_seq_GET(args, i);
        if (v_name(a->arg) < 0 || (a->annotation && v_expr(a->annotation, Load) < 0)) {
            return -1;
        }
    }
    return 0;
}

static int
v_arguments(arguments_ty a)
{
    if (v_args(a->posonlyargs) < 0 || v_args(a->args) < 0 || v_args(a->kwonlyargs) < 0) {
        return -1;
    }
    if (a->vararg && a->vararg->annotation && v_expr(a->vararg->annotation, Load) < 0) {
        return -1;
    }
    if (a->kwarg && a->kwarg->annotation && v_expr(a->kwarg->annotation, Load) < 0) {
        return -1;
    }
    if (asdl_seq_LEN(a->defaults) > asdl_seq_LEN(a->posonlyargs) + asdl_seq_LEN(a->args)) {
        return fail("%s", "more positional defaults than args on arguments");
    }
    if (asdl_seq_LEN(a->kw_defaults) != asdl_seq_LEN(a->kwonlyargs)) {
        return fail("%s", "length of kwonlyargs is not the same as kw_defaults on arguments");
    }
    return v_exprs(a->defaults, Load, 0) < 0 ? -1 : v_exprs(a->kw_defaults, Load, 1);
}

static int
v_comprehensions(asdl_comprehension_seq *gens)
{
    if (v_nonempty(asdl_seq_LEN(gens), "generators", "comprehension") < 0) {
        return -1;
    }
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(gens); i++) {
        comprehension_ty c = asdl_seq_GET(gens, i);
        if (v_expr(c->target, Store) < 0 || v_expr(c->iter, Load) < 0 ||
            v_exprs(c->ifs, Load, 0) < 0) {
            return -1;
        }
    }
    return 0;
}

static int
v_keywords(asdl_keyword_seq *kws)
{
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(kws); i++) {
        if (v_expr(asdl_seq_GET(kws, i)->value, Load) < 0) {
            return -1;
        }
    }
    return 0;
}

static int
v_expr(expr_ty e, expr_context_ty ctx)
{
    int has_ctx = 1;
    expr_context_ty actual = Load;
    switch (e->kind) {
    case Name_kind: actual = e->v.Name.ctx; break;
    case Attribute_kind: actual = e->v.Attribute.ctx; break;
    case Subscript_kind: actual = e->v.Subscript.ctx; break;
    case Starred_kind: actual = e->v.Starred.ctx; break;
    case List_kind: actual = e->v.List.ctx; break;
    case Tuple_kind: actual = e->v.Tuple.ctx; break;
    default:
        has_ctx = 0;
    }
    if (has_ctx && actual != ctx) {
        PyErr_Format(PyExc_ValueError, "expression must have %s context but has %s instead",
                     ctx_name(ctx), ctx_name(actual));
        return -1;
    }
    if (!has_ctx && ctx != Load) {
        return fail("expression which can't be assigned to in %s context", ctx_name(ctx));
    }
    if (Py_EnterRecursiveCall(" during compilation") < 0) {
        return -1;
    }
    int r = 0;
    switch (e->kind) {
    case BoolOp_kind:
        if (asdl_seq_LEN(e->v.BoolOp.values) < 2) {
            r = fail("%s", "BoolOp with less than 2 values");
            break;
        }
        r = v_exprs(e->v.BoolOp.values, Load, 0);
        break;
    case NamedExpr_kind:
        if (e->v.NamedExpr.target->kind != Name_kind) {
            PyErr_SetString(PyExc_TypeError, "NamedExpr target must be a Name");
            r = -1;
            break;
        }
        r = v_expr(e->v.NamedExpr.target, Store) < 0 ? -1 : v_expr(e->v.NamedExpr.value, Load);
        break;
    case BinOp_kind:
        r = v_expr(e->v.BinOp.left, Load) < 0 ? -1 : v_expr(e->v.BinOp.right, Load);
        break;
    case UnaryOp_kind:
        r = v_expr(e->v.UnaryOp.operand, Load);
        break;
    case Lambda_kind:
        r = v_arguments(e->v.Lambda.args) < 0 ? -1 : v_expr(e->v.Lambda.body, Load);
        break;
    case IfExp_kind:
        r = (v_expr(e->v.IfExp.test, Load) < 0 || v_expr(e->v.IfExp.body, Load) < 0 ||
             v_expr(e->v.IfExp.orelse, Load) < 0) ? -1 : 0;
        break;
    case Dict_kind:
        if (asdl_seq_LEN(e->v.Dict.keys) != asdl_seq_LEN(e->v.Dict.values)) {
            r = fail("%s", "Dict doesn't have the same number of keys as values");
            break;
        }
        r = v_exprs(e->v.Dict.keys, Load, 1) < 0 ? -1 : v_exprs(e->v.Dict.values, Load, 0);
        break;
    case Set_kind:
        r = v_exprs(e->v.Set.elts, Load, 0);
        break;
    case ListComp_kind:
    case SetComp_kind:
    case GeneratorExp_kind:
        r = v_comprehensions(e->v.ListComp.generators) < 0 ? -1 : v_expr(e->v.ListComp.elt, Load);
        break;
    case DictComp_kind:
        r = (v_comprehensions(e->v.DictComp.generators) < 0 ||
             v_expr(e->v.DictComp.key, Load) < 0 || v_expr(e->v.DictComp.value, Load) < 0)
            ? -1 : 0;
        break;
    case Await_kind:
    case YieldFrom_kind:
        r = v_expr(e->v.Await.value, Load);
        break;
    case Yield_kind:
        r = e->v.Yield.value ? v_expr(e->v.Yield.value, Load) : 0;
        break;
    case Compare_kind:
        if (asdl_seq_LEN(e->v.Compare.comparators) == 0) {
            r = fail("%s", "Compare with no comparators");
            break;
        }
        if (asdl_seq_LEN(e->v.Compare.comparators) != asdl_seq_LEN(e->v.Compare.ops)) {
            r = fail("%s", "Compare has a different number of comparators and operands");
            break;
        }
        r = v_expr(e->v.Compare.left, Load) < 0 ? -1 : v_exprs(e->v.Compare.comparators, Load, 0);
        break;
    case Call_kind:
        r = (v_expr(e->v.Call.func, Load) < 0 || v_exprs(e->v.Call.args, Load, 0) < 0 ||
             v_keywords(e->v.Call.keywords) < 0) ? -1 : 0;
        break;
    case FormattedValue_kind: {
        int conv = e->v.FormattedValue.conversion;
        if (conv != -1 && conv != 's' && conv != 'r' && conv != 'a') {
            PyErr_Format(PyExc_SystemError, "Unrecognized conversion character %d", conv);
            r = -1;
            break;
        }
        r = v_expr(e->v.FormattedValue.value, Load);
        if (r == 0 && e->v.FormattedValue.format_spec) {
            r = v_expr(e->v.FormattedValue.format_spec, Load);
        }
        break;
    }
    case JoinedStr_kind:
        r = v_exprs(e->v.JoinedStr.values, Load, 0);
        break;
    case Constant_kind:
        break;
    case Attribute_kind:
        r = v_expr(e->v.Attribute.value, Load);
        break;
    case Subscript_kind:
        r = v_expr(e->v.Subscript.slice, Load) < 0 ? -1 : v_expr(e->v.Subscript.value, Load);
        break;
    case Starred_kind:
        r = v_expr(e->v.Starred.value, ctx);
        break;
    case Slice_kind:
        r = ((e->v.Slice.lower && v_expr(e->v.Slice.lower, Load) < 0) ||
             (e->v.Slice.upper && v_expr(e->v.Slice.upper, Load) < 0) ||
             (e->v.Slice.step && v_expr(e->v.Slice.step, Load) < 0)) ? -1 : 0;
        break;
    case List_kind:
        r = v_exprs(e->v.List.elts, ctx, 0);
        break;
    case Tuple_kind:
        r = v_exprs(e->v.Tuple.elts, ctx, 0);
        break;
    case Name_kind:
        r = v_name(e->v.Name.id);
        break;
    }
    Py_LeaveRecursiveCall();
    return r;
}

static int
v_capture(identifier name)
{
    if (name == NULL) {
        return 0;
    }
    if (strcmp(name, "_") == 0) {
        return fail("%s", "can't capture name '_' in patterns");
    }
    return v_name(name);
}

static int
v_patterns(asdl_pattern_seq *ps, int star_ok)
{
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(ps); i++) {
        if (v_pattern(asdl_seq_GET(ps, i), star_ok) < 0) {
            return -1;
        }
    }
    return 0;
}

/* A value pattern / mapping key: a literal or an attribute chain. */
static int
v_literal(expr_ty e, int allow_attr)
{
    switch (e->kind) {
    case Constant_kind:
        return 0;
    case Attribute_kind:
        if (allow_attr) {
            return v_expr(e, Load);
        }
        break;
    case UnaryOp_kind:
        if (e->v.UnaryOp.op == USub && e->v.UnaryOp.operand->kind == Constant_kind) {
            return 0;
        }
        break;
    case BinOp_kind:
        if ((e->v.BinOp.op == Add || e->v.BinOp.op == Sub) &&
            v_literal(e->v.BinOp.left, 0) == 0 && e->v.BinOp.right->kind == Constant_kind) {
            return 0;
        }
        PyErr_Clear();
        break;
    default:
        break;
    }
    return fail("%s", "patterns may only match literals and attribute lookups");
}

static int
v_pattern(pattern_ty p, int star_ok)
{
    if (Py_EnterRecursiveCall(" during compilation") < 0) {
        return -1;
    }
    int r = 0;
    switch (p->kind) {
    case MatchValue_kind:
        r = v_literal(p->v.MatchValue.value, 1);
        break;
    case MatchSingleton_kind: {
        constant_kind k = p->v.MatchSingleton.value.kind;
        if (k != CONST_NONE && k != CONST_TRUE && k != CONST_FALSE) {
            r = fail("%s", "MatchSingleton can only contain True, False and None");
        }
        break;
    }
    case MatchSequence_kind:
        r = v_patterns(p->v.MatchSequence.patterns, 1);
        break;
    case MatchMapping_kind:
        if (asdl_seq_LEN(p->v.MatchMapping.keys) != asdl_seq_LEN(p->v.MatchMapping.patterns)) {
            r = fail("%s", "MatchMapping doesn't have the same number of keys as patterns");
            break;
        }
        for (Py_ssize_t i = 0; r == 0 && i < asdl_seq_LEN(p->v.MatchMapping.keys); i++) {
            r = v_literal(asdl_seq_GET(p->v.MatchMapping.keys, i), 1);
        }
        if (r == 0) {
            r = v_capture(p->v.MatchMapping.rest);
        }
        if (r == 0) {
            r = v_patterns(p->v.MatchMapping.patterns, 0);
        }
        break;
    case MatchClass_kind: {
        expr_ty cls = p->v.MatchClass.cls;
        while (cls->kind == Attribute_kind) {
            cls = cls->v.Attribute.value;
        }
        if (cls->kind != Name_kind) {
            r = fail("%s", "MatchClass cls field can only contain Name or Attribute nodes.");
            break;
        }
        if (asdl_seq_LEN(p->v.MatchClass.kwd_attrs) != asdl_seq_LEN(p->v.MatchClass.kwd_patterns)) {
            r = fail("%s", "MatchClass doesn't have the same number of keyword attributes as "
                     "patterns");
            break;
        }
        r = v_expr(p->v.MatchClass.cls, Load);
        if (r == 0) {
            r = v_patterns(p->v.MatchClass.patterns, 0);
        }
        if (r == 0) {
            r = v_patterns(p->v.MatchClass.kwd_patterns, 0);
        }
        break;
    }
    case MatchStar_kind:
        if (!star_ok) {
            r = fail("%s", "can't use MatchStar here");
            break;
        }
        r = v_capture(p->v.MatchStar.name);
        break;
    case MatchAs_kind:
        r = v_capture(p->v.MatchAs.name);
        if (r == 0 && p->v.MatchAs.pattern != NULL) {
            if (p->v.MatchAs.name == NULL) {
                r = fail("%s", "MatchAs must specify a target name if a pattern is given");
                break;
            }
            r = v_pattern(p->v.MatchAs.pattern, 0);
        }
        break;
    case MatchOr_kind:
        if (asdl_seq_LEN(p->v.MatchOr.patterns) < 2) {
            r = fail("%s", "MatchOr requires at least 2 patterns");
            break;
        }
        r = v_patterns(p->v.MatchOr.patterns, 0);
        break;
    }
    Py_LeaveRecursiveCall();
    return r;
}

static int
v_handlers(asdl_excepthandler_seq *hs)
{
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(hs); i++) {
        excepthandler_ty h = asdl_seq_GET(hs, i);
        if ((h->v.ExceptHandler.type && v_expr(h->v.ExceptHandler.type, Load) < 0) ||
            v_body(h->v.ExceptHandler.body, "ExceptHandler") < 0) {
            return -1;
        }
    }
    return 0;
}

static int
v_try(stmt_ty s, const char *owner)
{
    /* Try and TryStar have the same layout. */
    if (v_body(s->v.Try.body, owner) < 0) {
        return -1;
    }
    if (asdl_seq_LEN(s->v.Try.handlers) == 0 && asdl_seq_LEN(s->v.Try.finalbody) == 0) {
        return fail("%s has neither except handlers nor finalbody", owner);
    }
    if (asdl_seq_LEN(s->v.Try.handlers) == 0 && asdl_seq_LEN(s->v.Try.orelse) != 0) {
        return fail("%s has orelse but no except handlers", owner);
    }
    return (v_handlers(s->v.Try.handlers) < 0 || v_stmts(s->v.Try.orelse) < 0 ||
            v_stmts(s->v.Try.finalbody) < 0) ? -1 : 0;
}

static int
v_stmt(stmt_ty s)
{
    if (Py_EnterRecursiveCall(" during compilation") < 0) {
        return -1;
    }
    int r = 0;
    switch (s->kind) {
    case FunctionDef_kind:
    case AsyncFunctionDef_kind:
        r = (v_body(s->v.FunctionDef.body, s->kind == FunctionDef_kind ? "FunctionDef"
                                                                        : "AsyncFunctionDef") < 0 ||
             v_arguments(s->v.FunctionDef.args) < 0 ||
             v_exprs(s->v.FunctionDef.decorator_list, Load, 0) < 0 ||
             (s->v.FunctionDef.returns && v_expr(s->v.FunctionDef.returns, Load) < 0)) ? -1 : 0;
        break;
    case ClassDef_kind:
        r = (v_body(s->v.ClassDef.body, "ClassDef") < 0 ||
             v_exprs(s->v.ClassDef.bases, Load, 0) < 0 ||
             v_keywords(s->v.ClassDef.keywords) < 0 ||
             v_exprs(s->v.ClassDef.decorator_list, Load, 0) < 0) ? -1 : 0;
        break;
    case Return_kind:
        r = s->v.Return.value ? v_expr(s->v.Return.value, Load) : 0;
        break;
    case Delete_kind:
        r = v_nonempty(asdl_seq_LEN(s->v.Delete.targets), "targets", "Delete") < 0 ? -1
            : v_exprs(s->v.Delete.targets, Del, 0);
        break;
    case Assign_kind:
        r = (v_nonempty(asdl_seq_LEN(s->v.Assign.targets), "targets", "Assign") < 0 ||
             v_exprs(s->v.Assign.targets, Store, 0) < 0 || v_expr(s->v.Assign.value, Load) < 0)
            ? -1 : 0;
        break;
    case AugAssign_kind:
        r = v_expr(s->v.AugAssign.target, Store) < 0 ? -1 : v_expr(s->v.AugAssign.value, Load);
        break;
    case AnnAssign_kind:
        if (s->v.AnnAssign.simple && s->v.AnnAssign.target->kind != Name_kind) {
            PyErr_SetString(PyExc_TypeError, "AnnAssign with simple non-Name target");
            r = -1;
            break;
        }
        r = (v_expr(s->v.AnnAssign.target, Store) < 0 ||
             (s->v.AnnAssign.value && v_expr(s->v.AnnAssign.value, Load) < 0) ||
             v_expr(s->v.AnnAssign.annotation, Load) < 0) ? -1 : 0;
        break;
    case For_kind:
    case AsyncFor_kind:
        r = (v_expr(s->v.For.target, Store) < 0 || v_expr(s->v.For.iter, Load) < 0 ||
             v_body(s->v.For.body, s->kind == For_kind ? "For" : "AsyncFor") < 0 ||
             v_stmts(s->v.For.orelse) < 0) ? -1 : 0;
        break;
    case While_kind:
        r = (v_expr(s->v.While.test, Load) < 0 || v_body(s->v.While.body, "While") < 0 ||
             v_stmts(s->v.While.orelse) < 0) ? -1 : 0;
        break;
    case If_kind:
        r = (v_expr(s->v.If.test, Load) < 0 || v_body(s->v.If.body, "If") < 0 ||
             v_stmts(s->v.If.orelse) < 0) ? -1 : 0;
        break;
    case With_kind:
    case AsyncWith_kind: {
        const char *owner = s->kind == With_kind ? "With" : "AsyncWith";
        if (v_nonempty(asdl_seq_LEN(s->v.With.items), "items", owner) < 0) {
            r = -1;
            break;
        }
        for (Py_ssize_t i = 0; r == 0 && i < asdl_seq_LEN(s->v.With.items); i++) {
            withitem_ty w = asdl_seq_GET(s->v.With.items, i);
            r = v_expr(w->context_expr, Load);
            if (r == 0 && w->optional_vars) {
                r = v_expr(w->optional_vars, Store);
            }
        }
        if (r == 0) {
            r = v_body(s->v.With.body, owner);
        }
        break;
    }
    case Match_kind:
        if (v_expr(s->v.Match.subject, Load) < 0 ||
            v_nonempty(asdl_seq_LEN(s->v.Match.cases), "cases", "Match") < 0) {
            r = -1;
            break;
        }
        for (Py_ssize_t i = 0; r == 0 && i < asdl_seq_LEN(s->v.Match.cases); i++) {
            match_case_ty m = asdl_seq_GET(s->v.Match.cases, i);
            r = (v_pattern(m->pattern, 0) < 0 || (m->guard && v_expr(m->guard, Load) < 0) ||
                 v_body(m->body, "match_case") < 0) ? -1 : 0;
        }
        break;
    case Raise_kind:
        if (s->v.Raise.exc == NULL && s->v.Raise.cause != NULL) {
            r = fail("%s", "Raise with cause but no exception");
            break;
        }
        r = ((s->v.Raise.exc && v_expr(s->v.Raise.exc, Load) < 0) ||
             (s->v.Raise.cause && v_expr(s->v.Raise.cause, Load) < 0)) ? -1 : 0;
        break;
    case Try_kind:
        r = v_try(s, "Try");
        break;
    case TryStar_kind:
        r = v_try(s, "TryStar");
        break;
    case Assert_kind:
        r = (v_expr(s->v.Assert.test, Load) < 0 ||
             (s->v.Assert.msg && v_expr(s->v.Assert.msg, Load) < 0)) ? -1 : 0;
        break;
    case Import_kind:
        r = v_nonempty(asdl_seq_LEN(s->v.Import.names), "names", "Import");
        break;
    case ImportFrom_kind:
        if (s->v.ImportFrom.level < 0) {
            r = fail("%s", "Negative ImportFrom level");
            break;
        }
        r = v_nonempty(asdl_seq_LEN(s->v.ImportFrom.names), "names", "ImportFrom");
        break;
    case Global_kind:
        r = v_nonempty(asdl_seq_LEN(s->v.Global.names), "names", "Global");
        break;
    case Nonlocal_kind:
        r = v_nonempty(asdl_seq_LEN(s->v.Nonlocal.names), "names", "Nonlocal");
        break;
    case Expr_kind:
        r = v_expr(s->v.Expr.value, Load);
        break;
    case Pass_kind:
    case Break_kind:
    case Continue_kind:
        break;
    }
    Py_LeaveRecursiveCall();
    return r;
}

static int
v_stmts(asdl_stmt_seq *seq)
{
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(seq); i++) {
        stmt_ty s = asdl_seq_GET(seq, i);
        if (s == NULL) {
            PyErr_SetString(PyExc_ValueError, "None disallowed in statement list");
            return -1;
        }
        if (v_stmt(s) < 0) {
            return -1;
        }
    }
    return 0;
}

int
_PyAST_Validate(mod_ty mod)
{
    switch (mod->kind) {
    case Module_kind:
        return v_stmts(mod->v.Module.body);
    case Interactive_kind:
        return v_stmts(mod->v.Interactive.body);
    case Expression_kind:
        return v_expr(mod->v.Expression.body, Load);
    }
    PyErr_SetString(PyExc_SystemError, "impossible module node");
    return -1;
}
