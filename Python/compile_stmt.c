/* compile_stmt.c: statements.  Control flow (if/while/for with else,
 * break/continue/return unwinding through try/finally, with and except
 * blocks), try/except/else/finally, with / async with, function and class
 * definitions, imports, assignments, assert, del, annotations.
 *
 * Exception handling layout (see pycore_opcode.h): SETUP_FINALLY pushes a
 * handler block; at the handler the exception is on the stack.  A handler
 * that makes the exception "being handled" runs
 *     SETUP_FINALLY cleanup; PUSH_EXC_INFO; ...
 * so an exception inside it lands on `cleanup: SWAP 2; POP_EXCEPT; RERAISE`
 * with [prev_exc, new_exc] on the stack, restoring the previously handled
 * exception before propagating. */
#include "compile_internal.h"

int _PyCompile_BinopArg(operator_ty op);
int _PyCompile_GenWrapBegin(c_compiler *c, int *label);
int _PyCompile_GenWrapEnd(c_compiler *c, int label);

static int
set_loc(c_compiler *c, _PyCodePosition loc)
{
    c->u->u_loc = loc;
    return 0;
}

/* ---- unwinding ------------------------------------------------------------ */

/* Emit what leaving `fb` early (break/continue/return) requires.  With
 * preserve_tos the value on top of the stack (a return value) is kept. */
int
_PyCompile_Unwind(c_compiler *c, c_fblock *fb, int preserve_tos)
{
    switch (fb->kind) {
    case FB_WHILE_LOOP:
    case FB_EXCEPTION_HANDLER:
    case FB_EXCEPTION_GROUP_HANDLER:
        return 0;
    case FB_FOR_LOOP:
    case FB_ASYNC_FOR_LOOP:
    case FB_POP_VALUE:
        if (preserve_tos) {
            ADDOP_I(c, SWAP, 2);
        }
        ADDOP(c, POP_TOP);
        return 0;
    case FB_TRY_EXCEPT:
    case FB_STOP_ITERATION:
        ADDOP(c, POP_BLOCK);
        return 0;
    case FB_FINALLY_TRY: {
        ADDOP(c, POP_BLOCK);
        /* Run the finally body here; it may itself return/break. */
        if (preserve_tos) {
            CHECK(_PyCompile_PushFblock(c, FB_POP_VALUE, -1, -1, NULL));
        }
        c->u->u_in_inlined_finally++;
        int r = _PyCompile_Body(c, (asdl_stmt_seq *)fb->datum, 0);
        c->u->u_in_inlined_finally--;
        CHECK(r);
        if (preserve_tos) {
            _PyCompile_PopFblock(c);
        }
        return 0;
    }
    case FB_FINALLY_END:
        /* [prev, exc] */
        if (preserve_tos) {
            ADDOP_I(c, SWAP, 2);
        }
        ADDOP(c, POP_TOP);      /* exc */
        if (preserve_tos) {
            ADDOP_I(c, SWAP, 2);
        }
        ADDOP(c, POP_BLOCK);
        ADDOP(c, POP_EXCEPT);
        return 0;
    case FB_WITH:
    case FB_ASYNC_WITH:
        /* [exit, value] */
        ADDOP(c, POP_BLOCK);
        if (preserve_tos) {
            ADDOP_I(c, SWAP, 2);
        }
        ADDOP(c, POP_TOP);
        if (preserve_tos) {
            ADDOP_I(c, SWAP, 2);
        }
        /* [exit] -> exit(None, None, None) */
        ADDOP_LOAD_CONST(c, Py_None);
        ADDOP_LOAD_CONST(c, Py_None);
        ADDOP_LOAD_CONST(c, Py_None);
        ADDOP_I(c, CALL, 2);
        if (fb->kind == FB_ASYNC_WITH) {
            CHECK(_PyCompile_Await(c, 2));
        }
        ADDOP(c, POP_TOP);
        return 0;
    case FB_HANDLER_CLEANUP: {
        const char *name = fb->datum;
        if (name) {
            ADDOP(c, POP_BLOCK);
        }
        if (preserve_tos) {
            ADDOP_I(c, SWAP, 2);
        }
        ADDOP(c, POP_BLOCK);
        ADDOP(c, POP_EXCEPT);
        if (name) {
            ADDOP_LOAD_CONST(c, Py_None);
            CHECK(_PyCompile_Nameop(c, name, Store));
            CHECK(_PyCompile_Nameop(c, name, Del));
        }
        return 0;
    }
    }
    PyErr_SetString(PyExc_SystemError, "compiler: unknown block");
    return -1;
}

/* Unwind every block (return), or up to the innermost loop (*loop set). */
static int
unwind_stack(c_compiler *c, int preserve_tos, c_fblock **loop)
{
    c_unit *u = c->u;
    if (u->u_nfblocks == 0) {
        return 0;
    }
    c_fblock *top = &u->u_fblocks[u->u_nfblocks - 1];
    if (loop != NULL && (top->kind == FB_WHILE_LOOP || top->kind == FB_FOR_LOOP
                         || top->kind == FB_ASYNC_FOR_LOOP)) {
        *loop = top;
        return 0;
    }
    if (top->kind == FB_EXCEPTION_GROUP_HANDLER && loop != NULL) {
        return _PyCompile_Error(c, u->u_loc, "'break', 'continue' and 'return' cannot "
                                             "appear in an except* block");
    }
    if (top->kind == FB_EXCEPTION_GROUP_HANDLER) {
        return _PyCompile_Error(c, u->u_loc, "'break', 'continue' and 'return' cannot "
                                             "appear in an except* block");
    }
    c_fblock copy = *top;
    u->u_nfblocks--;
    int r = _PyCompile_Unwind(c, &copy, preserve_tos);
    if (r == 0) {
        r = unwind_stack(c, preserve_tos, loop);
    }
    u->u_fblocks[u->u_nfblocks++] = copy;
    return r;
}

static int
compile_return(c_compiler *c, stmt_ty s)
{
    c_unit *u = c->u;
    expr_ty v = s->v.Return.value;
    if (u->u_type != U_FUNCTION && u->u_type != U_LAMBDA) {
        return _PyCompile_Error(c, LOC(s), "'return' outside function");
    }
    if (v && u->u_ste->ste_coroutine && u->u_ste->ste_generator) {
        return _PyCompile_Error(c, LOC(s), "'return' with value in async generator");
    }
    int preserve = v != NULL;
    if (v) {
        VISIT(c, v);
    }
    CHECK(unwind_stack(c, preserve, NULL));
    set_loc(c, LOC(s));
    if (!v) {
        ADDOP_LOAD_CONST(c, Py_None);
    }
    ADDOP(c, RETURN_VALUE);
    return 0;
}

static int
compile_break_continue(c_compiler *c, stmt_ty s, int is_break)
{
    c_fblock *loop = NULL;
    CHECK(unwind_stack(c, 0, &loop));
    if (loop == NULL) {
        return _PyCompile_Error(c, LOC(s), is_break ? "'break' outside loop"
                                                    : "'continue' not properly in loop");
    }
    if (is_break) {
        CHECK(_PyCompile_Unwind(c, loop, 0));
        ADDOP_JUMP(c, C_JUMP_ANY, loop->exit);
    }
    else {
        ADDOP_JUMP(c, C_JUMP_ANY, loop->block);
    }
    return 0;
}

/* ---- loops and conditionals ----------------------------------------------- */

static int
is_true_const(expr_ty e)
{
    if (e->kind != Constant_kind) {
        return 0;
    }
    constant *k = &e->v.Constant.value;
    switch (k->kind) {
    case CONST_TRUE: case CONST_ELLIPSIS: return 1;
    case CONST_INT: {
        for (const char *p = k->data; *p; p++) {
            if (*p != '0') {
                return 1;
            }
        }
        return 0;
    }
    case CONST_STR: case CONST_BYTES: return k->len > 0;
    default: return 0;
    }
}

static int
compile_while(c_compiler *c, stmt_ty s)
{
    NEW_LABEL(c, loop);
    NEW_LABEL(c, orelse);
    NEW_LABEL(c, end);
    USE_LABEL(c, loop);
    CHECK(_PyCompile_PushFblock(c, FB_WHILE_LOOP, loop, end, NULL));
    if (!is_true_const(s->v.While.test)) {
        CHECK(_PyCompile_JumpIf(c, s->v.While.test, orelse, 0));
    }
    else {
        /* `while True:` still has a line: tracing reports it each round */
        set_loc(c, LOC(s));
        ADDOP(c, NOP);
    }
    CHECK(_PyCompile_Body(c, s->v.While.body, 0));
    set_loc(c, LOC(s));
    ADDOP_JUMP(c, C_JUMP_ANY, loop);
    _PyCompile_PopFblock(c);
    USE_LABEL(c, orelse);
    CHECK(_PyCompile_Body(c, s->v.While.orelse, 0));
    USE_LABEL(c, end);
    return 0;
}

static int
compile_for(c_compiler *c, stmt_ty s)
{
    NEW_LABEL(c, loop);
    NEW_LABEL(c, cleanup);
    NEW_LABEL(c, end);
    VISIT(c, s->v.For.iter);
    /* Errors from the iterator point at the iterable, as in CPython. */
    set_loc(c, LOC(s->v.For.iter));
    ADDOP(c, GET_ITER);
    USE_LABEL(c, loop);
    CHECK(_PyCompile_PushFblock(c, FB_FOR_LOOP, loop, end, NULL));
    ADDOP_JUMP(c, FOR_ITER, cleanup);
    set_loc(c, LOC(s));
    CHECK(_PyCompile_Store(c, s->v.For.target));
    CHECK(_PyCompile_Body(c, s->v.For.body, 0));
    set_loc(c, LOC(s));
    ADDOP_JUMP(c, C_JUMP_ANY, loop);
    _PyCompile_PopFblock(c);
    USE_LABEL(c, cleanup);
    CHECK(_PyCompile_Body(c, s->v.For.orelse, 0));
    USE_LABEL(c, end);
    return 0;
}

static int
compile_async_for(c_compiler *c, stmt_ty s)
{
    c_unit *u = c->u;
    if (!(u->u_ste->ste_coroutine && u->u_type == U_FUNCTION)) {
        return _PyCompile_Error(c, LOC(s), "'async for' outside async function");
    }
    NEW_LABEL(c, loop);
    NEW_LABEL(c, except);
    NEW_LABEL(c, end);
    VISIT(c, s->v.AsyncFor.iter);
    set_loc(c, LOC(s->v.AsyncFor.iter));
    ADDOP(c, GET_AITER);
    USE_LABEL(c, loop);
    CHECK(_PyCompile_PushFblock(c, FB_ASYNC_FOR_LOOP, loop, end, NULL));
    ADDOP_JUMP(c, SETUP_FINALLY, except);
    ADDOP(c, GET_ANEXT);
    CHECK(_PyCompile_Await(c, 0));
    ADDOP(c, POP_BLOCK);
    set_loc(c, LOC(s));
    CHECK(_PyCompile_Store(c, s->v.AsyncFor.target));
    CHECK(_PyCompile_Body(c, s->v.AsyncFor.body, 0));
    set_loc(c, LOC(s));
    ADDOP_JUMP(c, C_JUMP_ANY, loop);
    _PyCompile_PopFblock(c);
    USE_LABEL(c, except);
    ADDOP(c, END_ASYNC_FOR);
    CHECK(_PyCompile_Body(c, s->v.AsyncFor.orelse, 0));
    USE_LABEL(c, end);
    return 0;
}

static int
compile_if(c_compiler *c, stmt_ty s)
{
    NEW_LABEL(c, end);
    NEW_LABEL(c, next);
    CHECK(_PyCompile_JumpIf(c, s->v.If.test, next, 0));
    CHECK(_PyCompile_Body(c, s->v.If.body, 0));
    if (asdl_seq_LEN(s->v.If.orelse) > 0) {
        ADDOP_JUMP(c, C_JUMP_ANY, end);
        USE_LABEL(c, next);
        CHECK(_PyCompile_Body(c, s->v.If.orelse, 0));
    }
    else {
        USE_LABEL(c, next);
    }
    USE_LABEL(c, end);
    return 0;
}

/* ---- try ---------------------------------------------------------------- */

/* [prev, exc] at `label`: restore prev and re-raise exc. */
static int
pop_except_and_reraise(c_compiler *c, int label)
{
    USE_LABEL(c, label);
    ADDOP_I(c, SWAP, 2);
    ADDOP(c, POP_EXCEPT);
    ADDOP(c, RERAISE);
    return 0;
}

static int compile_try_except(c_compiler *c, stmt_ty s);

static int
compile_try_finally(c_compiler *c, stmt_ty s)
{
    NEW_LABEL(c, body_exc);
    NEW_LABEL(c, end);
    NEW_LABEL(c, cleanup);
    asdl_stmt_seq *finalbody = s->v.Try.finalbody;
    ADDOP_JUMP(c, SETUP_FINALLY, body_exc);
    CHECK(_PyCompile_PushFblock(c, FB_FINALLY_TRY, -1, -1, finalbody));
    if (asdl_seq_LEN(s->v.Try.handlers) > 0) {
        CHECK(compile_try_except(c, s));
    }
    else {
        CHECK(_PyCompile_Body(c, s->v.Try.body, 0));
    }
    _PyCompile_PopFblock(c);
    ADDOP(c, POP_BLOCK);
    CHECK(_PyCompile_Body(c, finalbody, 0));
    ADDOP_JUMP(c, C_JUMP_ANY, end);
    /* The exceptional path: [exc] */
    USE_LABEL(c, body_exc);
    ADDOP_JUMP(c, SETUP_FINALLY, cleanup);
    ADDOP(c, PUSH_EXC_INFO);
    CHECK(_PyCompile_PushFblock(c, FB_FINALLY_END, -1, -1, NULL));
    CHECK(_PyCompile_Body(c, finalbody, 0));
    _PyCompile_PopFblock(c);
    ADDOP(c, RERAISE);
    CHECK(pop_except_and_reraise(c, cleanup));
    USE_LABEL(c, end);
    return 0;
}

static int
compile_try_except(c_compiler *c, stmt_ty s)
{
    NEW_LABEL(c, except);
    NEW_LABEL(c, orelse);
    NEW_LABEL(c, end);
    NEW_LABEL(c, cleanup);
    ADDOP_JUMP(c, SETUP_FINALLY, except);
    CHECK(_PyCompile_PushFblock(c, FB_TRY_EXCEPT, -1, -1, NULL));
    CHECK(_PyCompile_Body(c, s->v.Try.body, 0));
    _PyCompile_PopFblock(c);
    ADDOP(c, POP_BLOCK);
    ADDOP_JUMP(c, C_JUMP_ANY, orelse);
    Py_ssize_t n = asdl_seq_LEN(s->v.Try.handlers);
    USE_LABEL(c, except);
    ADDOP_JUMP(c, SETUP_FINALLY, cleanup);
    ADDOP(c, PUSH_EXC_INFO);
    CHECK(_PyCompile_PushFblock(c, FB_EXCEPTION_HANDLER, -1, -1, NULL));
    for (Py_ssize_t i = 0; i < n; i++) {
        excepthandler_ty h = asdl_seq_GET(s->v.Try.handlers, i);
        set_loc(c, LOC(h));
        if (h->v.ExceptHandler.type == NULL && i < n - 1) {
            return _PyCompile_Error(c, LOC(h), "default 'except:' must be last");
        }
        NEW_LABEL(c, next);
        if (h->v.ExceptHandler.type) {
            VISIT(c, h->v.ExceptHandler.type);
            ADDOP(c, CHECK_EXC_MATCH);
            ADDOP_JUMP(c, POP_JUMP_IF_FALSE, next);
        }
        const char *name = h->v.ExceptHandler.name;
        if (name) {
            NEW_LABEL(c, cleanup_end);
            CHECK(_PyCompile_Nameop(c, name, Store));
            ADDOP_JUMP(c, SETUP_FINALLY, cleanup_end);
            CHECK(_PyCompile_PushFblock(c, FB_HANDLER_CLEANUP, -1, -1, name));
            CHECK(_PyCompile_Body(c, h->v.ExceptHandler.body, 0));
            _PyCompile_PopFblock(c);
            set_loc(c, LOC(h));
            ADDOP(c, POP_BLOCK);
            ADDOP(c, POP_BLOCK);
            ADDOP(c, POP_EXCEPT);
            ADDOP_LOAD_CONST(c, Py_None);
            CHECK(_PyCompile_Nameop(c, name, Store));
            CHECK(_PyCompile_Nameop(c, name, Del));
            ADDOP_JUMP(c, C_JUMP_ANY, end);
            /* [prev, exc2]: clear the name, then propagate */
            USE_LABEL(c, cleanup_end);
            ADDOP_LOAD_CONST(c, Py_None);
            CHECK(_PyCompile_Nameop(c, name, Store));
            CHECK(_PyCompile_Nameop(c, name, Del));
            ADDOP(c, RERAISE);
        }
        else {
            ADDOP(c, POP_TOP);
            CHECK(_PyCompile_PushFblock(c, FB_HANDLER_CLEANUP, -1, -1, NULL));
            CHECK(_PyCompile_Body(c, h->v.ExceptHandler.body, 0));
            _PyCompile_PopFblock(c);
            set_loc(c, LOC(h));
            ADDOP(c, POP_BLOCK);
            ADDOP(c, POP_EXCEPT);
            ADDOP_JUMP(c, C_JUMP_ANY, end);
        }
        USE_LABEL(c, next);
    }
    _PyCompile_PopFblock(c);
    ADDOP(c, RERAISE);      /* no handler matched: [prev, exc] */
    CHECK(pop_except_and_reraise(c, cleanup));
    USE_LABEL(c, orelse);
    CHECK(_PyCompile_Body(c, s->v.Try.orelse, 0));
    USE_LABEL(c, end);
    return 0;
}

static int
compile_try(c_compiler *c, stmt_ty s)
{
    if (asdl_seq_LEN(s->v.Try.finalbody) > 0) {
        return compile_try_finally(c, s);
    }
    return compile_try_except(c, s);
}

/* except*: each handler takes the matching part of the group; what is
 * raised in handlers and what is left unmatched are combined and raised.
 *
 *   [eg]      PUSH_EXC_INFO -> [prev, eg]; COPY 1 (orig) -> [prev, orig, rest]
 *   per handler: type; CHECK_EG_MATCH -> [prev, orig, rest, match|None]
 *      None: pop, next handler.  Else bind/pop the match, run the body in a
 *      SETUP_FINALLY: an exception raised there is appended to a list.
 *   end: [prev, orig, list(raised)+[rest]] -> PREP_RERAISE_STAR(orig, list)
 *      -> the exception to raise or None. */
static int
compile_try_star_except(c_compiler *c, stmt_ty s)
{
    NEW_LABEL(c, except);
    NEW_LABEL(c, orelse);
    NEW_LABEL(c, end);
    NEW_LABEL(c, cleanup);
    NEW_LABEL(c, reraise_star);
    ADDOP_JUMP(c, SETUP_FINALLY, except);
    CHECK(_PyCompile_PushFblock(c, FB_TRY_EXCEPT, -1, -1, NULL));
    CHECK(_PyCompile_Body(c, s->v.TryStar.body, 0));
    _PyCompile_PopFblock(c);
    ADDOP(c, POP_BLOCK);
    ADDOP_JUMP(c, C_JUMP_ANY, orelse);
    Py_ssize_t n = asdl_seq_LEN(s->v.TryStar.handlers);
    USE_LABEL(c, except);
    ADDOP_JUMP(c, SETUP_FINALLY, cleanup);
    ADDOP(c, PUSH_EXC_INFO);                  /* [prev, eg] */
    CHECK(_PyCompile_PushFblock(c, FB_EXCEPTION_GROUP_HANDLER, -1, -1, NULL));
    ADDOP_I(c, COPY, 1);                      /* [prev, orig, rest] */
    ADDOP_I(c, BUILD_LIST, 0);                /* [prev, orig, rest, raised] */
    ADDOP_I(c, SWAP, 2);                      /* [prev, orig, raised, rest] */
    for (Py_ssize_t i = 0; i < n; i++) {
        excepthandler_ty h = asdl_seq_GET(s->v.TryStar.handlers, i);
        set_loc(c, LOC(h));
        NEW_LABEL(c, next);
        NEW_LABEL(c, no_match);
        NEW_LABEL(c, handler_exc);
        NEW_LABEL(c, handler_done);
        if (h->v.ExceptHandler.type == NULL) {
            return _PyCompile_Error(c, LOC(h), "expected 'except*' type");
        }
        VISIT(c, h->v.ExceptHandler.type);
        ADDOP(c, CHECK_EG_MATCH);             /* [.., raised, rest, match] */
        ADDOP_I(c, COPY, 1);
        ADDOP_JUMP(c, POP_JUMP_IF_NONE, no_match);
        const char *name = h->v.ExceptHandler.name;
        if (name) {
            CHECK(_PyCompile_Nameop(c, name, Store));
        }
        else {
            ADDOP(c, POP_TOP);
        }                                     /* [.., raised, rest] */
        ADDOP_JUMP(c, SETUP_FINALLY, handler_exc);
        CHECK(_PyCompile_PushFblock(c, FB_EXCEPTION_GROUP_HANDLER, -1, -1, NULL));
        CHECK(_PyCompile_Body(c, h->v.ExceptHandler.body, 0));
        _PyCompile_PopFblock(c);
        set_loc(c, LOC(h));
        ADDOP(c, POP_BLOCK);
        ADDOP_JUMP(c, C_JUMP_ANY, handler_done);
        USE_LABEL(c, handler_exc);            /* [.., raised, rest, exc2] */
        ADDOP_I(c, COPY, 3);                  /* raised list */
        ADDOP_I(c, SWAP, 2);
        ADDOP_I(c, LIST_APPEND, 1);
        ADDOP(c, POP_TOP);                    /* the list */
        USE_LABEL(c, handler_done);
        if (name) {
            ADDOP_LOAD_CONST(c, Py_None);
            CHECK(_PyCompile_Nameop(c, name, Store));
            CHECK(_PyCompile_Nameop(c, name, Del));
        }
        ADDOP_JUMP(c, C_JUMP_ANY, next);
        USE_LABEL(c, no_match);               /* [.., raised, rest, None] */
        ADDOP(c, POP_TOP);
        USE_LABEL(c, next);
    }
    _PyCompile_PopFblock(c);
    /* [prev, orig, raised, rest] -> raised + [rest] */
    ADDOP_I(c, LIST_APPEND, 1);               /* [prev, orig, raised] */
    ADDOP_I(c, CALL_INTRINSIC_2, _Py_INTRINSIC_2_PREP_RERAISE_STAR); /* [prev, exc|None] */
    ADDOP_I(c, COPY, 1);
    ADDOP_JUMP(c, POP_JUMP_IF_NOT_NONE, reraise_star);
    ADDOP(c, POP_TOP);
    ADDOP(c, POP_BLOCK);
    ADDOP(c, POP_EXCEPT);
    ADDOP_JUMP(c, C_JUMP_ANY, end);
    USE_LABEL(c, reraise_star);
    ADDOP(c, RERAISE);
    CHECK(pop_except_and_reraise(c, cleanup));
    USE_LABEL(c, orelse);
    CHECK(_PyCompile_Body(c, s->v.TryStar.orelse, 0));
    USE_LABEL(c, end);
    return 0;
}

static int
compile_try_star(c_compiler *c, stmt_ty s)
{
    if (asdl_seq_LEN(s->v.TryStar.finalbody) == 0) {
        return compile_try_star_except(c, s);
    }
    NEW_LABEL(c, body_exc);
    NEW_LABEL(c, end);
    NEW_LABEL(c, cleanup);
    asdl_stmt_seq *finalbody = s->v.TryStar.finalbody;
    ADDOP_JUMP(c, SETUP_FINALLY, body_exc);
    CHECK(_PyCompile_PushFblock(c, FB_FINALLY_TRY, -1, -1, finalbody));
    CHECK(compile_try_star_except(c, s));
    _PyCompile_PopFblock(c);
    ADDOP(c, POP_BLOCK);
    CHECK(_PyCompile_Body(c, finalbody, 0));
    ADDOP_JUMP(c, C_JUMP_ANY, end);
    USE_LABEL(c, body_exc);
    ADDOP_JUMP(c, SETUP_FINALLY, cleanup);
    ADDOP(c, PUSH_EXC_INFO);
    CHECK(_PyCompile_PushFblock(c, FB_FINALLY_END, -1, -1, NULL));
    CHECK(_PyCompile_Body(c, finalbody, 0));
    _PyCompile_PopFblock(c);
    ADDOP(c, RERAISE);
    CHECK(pop_except_and_reraise(c, cleanup));
    USE_LABEL(c, end);
    return 0;
}

/* ---- with ------------------------------------------------------------------ */

static int
compile_with(c_compiler *c, stmt_ty s, Py_ssize_t pos, int is_async)
{
    asdl_withitem_seq *items = s->v.With.items;
    withitem_ty item = asdl_seq_GET(items, pos);
    if (is_async && !(c->u->u_ste->ste_coroutine && c->u->u_type == U_FUNCTION)) {
        return _PyCompile_Error(c, LOC(s), "'async with' outside async function");
    }
    NEW_LABEL(c, handler);
    NEW_LABEL(c, suppress);
    NEW_LABEL(c, end);
    NEW_LABEL(c, cleanup);
    VISIT(c, item->context_expr);
    set_loc(c, LOC(item->context_expr));
    if (is_async) {
        ADDOP(c, BEFORE_ASYNC_WITH);
        CHECK(_PyCompile_Await(c, 1));
    }
    else {
        ADDOP(c, BEFORE_WITH);                /* [exit, value] */
    }
    /* The handler block's level includes __enter__'s result (SETUP_FINALLY
     * records the current depth), so that value stays on the stack, under
     * the body, until the block ends: [exit, value]. */
    ADDOP_JUMP(c, SETUP_FINALLY, handler);
    CHECK(_PyCompile_PushFblock(c, is_async ? FB_ASYNC_WITH : FB_WITH, -1, -1, NULL));
    if (item->optional_vars) {
        ADDOP_I(c, COPY, 1);
        CHECK(_PyCompile_Store(c, item->optional_vars));
    }
    if (pos + 1 < asdl_seq_LEN(items)) {
        CHECK(compile_with(c, s, pos + 1, is_async));
    }
    else {
        CHECK(_PyCompile_Body(c, s->v.With.body, 0));
    }
    _PyCompile_PopFblock(c);
    set_loc(c, LOC(s));
    ADDOP(c, POP_BLOCK);
    ADDOP(c, POP_TOP);                        /* value */
    ADDOP_LOAD_CONST(c, Py_None);
    ADDOP_LOAD_CONST(c, Py_None);
    ADDOP_LOAD_CONST(c, Py_None);
    ADDOP_I(c, CALL, 2);
    if (is_async) {
        CHECK(_PyCompile_Await(c, 2));
    }
    ADDOP(c, POP_TOP);
    ADDOP_JUMP(c, C_JUMP_ANY, end);
    /* [exit, value, exc] */
    USE_LABEL(c, handler);
    ADDOP_I(c, SWAP, 2);
    ADDOP(c, POP_TOP);                        /* [exit, exc] */
    ADDOP_JUMP(c, SETUP_FINALLY, cleanup);
    ADDOP(c, PUSH_EXC_INFO);                  /* [exit, prev, exc] */
    ADDOP(c, WITH_EXCEPT_START);              /* [exit, prev, exc, res] */
    if (is_async) {
        CHECK(_PyCompile_Await(c, 2));
    }
    ADDOP_JUMP(c, POP_JUMP_IF_TRUE, suppress);
    ADDOP(c, RERAISE);
    USE_LABEL(c, suppress);
    ADDOP(c, POP_TOP);                        /* exc */
    ADDOP(c, POP_BLOCK);
    ADDOP(c, POP_EXCEPT);
    ADDOP(c, POP_TOP);                        /* exit */
    ADDOP_JUMP(c, C_JUMP_ANY, end);
    CHECK(pop_except_and_reraise(c, cleanup));
    USE_LABEL(c, end);
    return 0;
}

/* ---- functions and classes ---------------------------------------------------- */

static int
is_docstring(stmt_ty s)
{
    return s->kind == Expr_kind && s->v.Expr.value->kind == Constant_kind
           && s->v.Expr.value->v.Constant.value.kind == CONST_STR;
}

/* The body of a def (s) or lambda (lambda): in the new unit. */
int
_PyCompile_FunctionBody(c_compiler *c, stmt_ty s, expr_ty lambda)
{
    c_unit *u = c->u;
    arguments_ty args = s ? (s->kind == FunctionDef_kind ? s->v.FunctionDef.args
                                                         : s->v.AsyncFunctionDef.args)
                          : lambda->v.Lambda.args;
    u->u_argcount = (int)(asdl_seq_LEN(args->posonlyargs) + asdl_seq_LEN(args->args));
    u->u_posonlyargcount = (int)asdl_seq_LEN(args->posonlyargs);
    u->u_kwonlyargcount = (int)asdl_seq_LEN(args->kwonlyargs);
    int genlabel = -1;
    int is_gen = u->u_ste->ste_generator || u->u_ste->ste_coroutine;
    if (lambda) {
        u->u_loc = LOC(lambda);
        if (is_gen) {
            CHECK(_PyCompile_GenWrapBegin(c, &genlabel));
        }
        VISIT(c, lambda->v.Lambda.body);
        if (is_gen) {
            _PyCompile_PopFblock(c);
            ADDOP(c, POP_BLOCK);
            ADDOP(c, RETURN_VALUE);
            USE_LABEL(c, genlabel);
            ADDOP_I(c, CALL_INTRINSIC_1, _Py_INTRINSIC_1_STOPITERATION_ERROR);
            ADDOP(c, RERAISE);
        }
        else {
            ADDOP(c, RETURN_VALUE);
        }
        return 0;
    }
    asdl_stmt_seq *body = s->kind == FunctionDef_kind ? s->v.FunctionDef.body
                                                      : s->v.AsyncFunctionDef.body;
    /* co_consts[0] is the docstring when CO_HAS_DOCSTRING is set. */
    Py_ssize_t first = 0;
    if (asdl_seq_LEN(body) > 0 && is_docstring(asdl_seq_GET(body, 0))) {
        first = 1;
        if (c->c_optimize < 2) {
            PyObject *raw = _PyCompile_ConstValue(
                c, &asdl_seq_GET(body, 0)->v.Expr.value->v.Constant.value);
            PyObject *doc = raw ? _PyCompile_CleanDoc(raw) : NULL;
            Py_XDECREF(raw);
            if (doc == NULL) {
                return -1;
            }
            int r = _PyCompile_AddConst(c, doc);
            Py_DECREF(doc);
            CHECK(r);
            u->u_flags_extra |= CO_HAS_DOCSTRING;
        }
    }
    if (is_gen) {
        CHECK(_PyCompile_GenWrapBegin(c, &genlabel));
    }
    for (Py_ssize_t i = first; i < asdl_seq_LEN(body); i++) {
        VISIT_STMT(c, asdl_seq_GET(body, i));
    }
    if (is_gen) {
        return _PyCompile_GenWrapEnd(c, genlabel);
    }
    /* Implicit return None: added by the assembler. */
    return 0;
}

static int
compile_decorators(c_compiler *c, asdl_expr_seq *decos)
{
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(decos); i++) {
        ADDOP(c, PUSH_NULL);
        VISIT(c, asdl_seq_GET(decos, i));
    }
    return 0;
}

static int
apply_decorators(c_compiler *c, asdl_expr_seq *decos)
{
    for (Py_ssize_t i = asdl_seq_LEN(decos) - 1; i >= 0; i--) {
        set_loc(c, LOC(asdl_seq_GET(decos, i)));
        ADDOP_I(c, CALL, 1);
    }
    return 0;
}

static int
first_lineno(stmt_ty s, asdl_expr_seq *decos)
{
    if (asdl_seq_LEN(decos) > 0) {
        return asdl_seq_GET(decos, 0)->lineno;
    }
    return s->lineno;
}

static int
compile_function(c_compiler *c, stmt_ty s, int is_async)
{
    identifier name = is_async ? s->v.AsyncFunctionDef.name : s->v.FunctionDef.name;
    arguments_ty args = is_async ? s->v.AsyncFunctionDef.args : s->v.FunctionDef.args;
    asdl_expr_seq *decos = is_async ? s->v.AsyncFunctionDef.decorator_list
                                    : s->v.FunctionDef.decorator_list;
    expr_ty returns = is_async ? s->v.AsyncFunctionDef.returns : s->v.FunctionDef.returns;
    CHECK(compile_decorators(c, decos));
    set_loc(c, LOC(s));
    int flags = 0;
    CHECK(_PyCompile_Defaults(c, args, &flags));
    CHECK(_PyCompile_Annotations(c, args, returns, &flags));
    PyObject *qualname = _PyCompile_Qualname(c, name);
    PyObject *n = qualname ? PyUnicode_FromString(name) : NULL;
    if (n == NULL) {
        Py_XDECREF(qualname);
        return -1;
    }
    int r = _PyCompile_EnterUnit(c, n, U_FUNCTION, s, first_lineno(s, decos));
    Py_DECREF(n);
    if (r < 0) {
        Py_DECREF(qualname);
        return -1;
    }
    c->u->u_qualname = qualname;
    c->u->u_loc = LOC(s);
    PyCodeObject *co = NULL;
    if (_PyCompile_FunctionBody(c, s, NULL) == 0) {
        co = _PyCompile_Assemble(c, 1);
    }
    _PyCompile_ExitUnit(c);
    if (co == NULL) {
        return -1;
    }
    set_loc(c, LOC(s));
    r = _PyCompile_MakeClosure(c, co, flags);
    Py_DECREF(co);
    CHECK(r);
    CHECK(apply_decorators(c, decos));
    set_loc(c, LOC(s));
    return _PyCompile_Nameop(c, name, Store);
}

static int
body_has_annotations(asdl_stmt_seq *body)
{
    /* Only simple statements directly in the body or in nested compound
     * statements (not in nested defs/classes) count. */
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(body); i++) {
        stmt_ty s = asdl_seq_GET(body, i);
        switch (s->kind) {
        case AnnAssign_kind:
            return 1;
        case For_kind: case AsyncFor_kind:
            if (body_has_annotations(s->v.For.body) || body_has_annotations(s->v.For.orelse)) {
                return 1;
            }
            break;
        case While_kind:
            if (body_has_annotations(s->v.While.body) || body_has_annotations(s->v.While.orelse)) {
                return 1;
            }
            break;
        case If_kind:
            if (body_has_annotations(s->v.If.body) || body_has_annotations(s->v.If.orelse)) {
                return 1;
            }
            break;
        case With_kind: case AsyncWith_kind:
            if (body_has_annotations(s->v.With.body)) {
                return 1;
            }
            break;
        case Match_kind:
            for (Py_ssize_t j = 0; j < asdl_seq_LEN(s->v.Match.cases); j++) {
                if (body_has_annotations(asdl_seq_GET(s->v.Match.cases, j)->body)) {
                    return 1;
                }
            }
            break;
        case Try_kind: case TryStar_kind:
            if (body_has_annotations(s->v.Try.body) || body_has_annotations(s->v.Try.orelse)
                || body_has_annotations(s->v.Try.finalbody)) {
                return 1;
            }
            for (Py_ssize_t j = 0; j < asdl_seq_LEN(s->v.Try.handlers); j++) {
                if (body_has_annotations(asdl_seq_GET(s->v.Try.handlers, j)->v.ExceptHandler.body)) {
                    return 1;
                }
            }
            break;
        default:
            break;
        }
    }
    return 0;
}

static int
compile_class(c_compiler *c, stmt_ty s)
{
    asdl_expr_seq *decos = s->v.ClassDef.decorator_list;
    CHECK(compile_decorators(c, decos));
    set_loc(c, LOC(s));
    PyObject *qualname = _PyCompile_Qualname(c, s->v.ClassDef.name);
    PyObject *n = qualname ? PyUnicode_FromString(s->v.ClassDef.name) : NULL;
    if (n == NULL) {
        Py_XDECREF(qualname);
        return -1;
    }
    int r = _PyCompile_EnterUnit(c, n, U_CLASS, s, first_lineno(s, decos));
    Py_DECREF(n);
    if (r < 0) {
        Py_DECREF(qualname);
        return -1;
    }
    c_unit *u = c->u;
    u->u_qualname = qualname;
    u->u_loc = LOC(s);
    PyCodeObject *co = NULL;
    int ok = -1;
    do {
        if (_PyCompile_Nameop(c, "__name__", Load) < 0
            || _PyCompile_Nameop(c, "__module__", Store) < 0) {
            break;
        }
        int idx = _PyCompile_AddConst(c, qualname);
        if (idx < 0 || _PyCompile_Addop(c, LOAD_CONST, idx) < 0
            || _PyCompile_Nameop(c, "__qualname__", Store) < 0) {
            break;
        }
        PyObject *fl = PyLong_FromLong(first_lineno(s, decos));
        idx = fl ? _PyCompile_AddConst(c, fl) : -1;
        Py_XDECREF(fl);
        if (idx < 0 || _PyCompile_Addop(c, LOAD_CONST, idx) < 0
            || _PyCompile_Nameop(c, "__firstlineno__", Store) < 0) {
            break;
        }
        if (body_has_annotations(s->v.ClassDef.body)
            && _PyCompile_Addop(c, SETUP_ANNOTATIONS, 0) < 0) {
            break;
        }
        if (_PyCompile_Body(c, s->v.ClassDef.body, 1) < 0) {
            break;
        }
        PyObject *sa = PySequence_List(u->u_static_attributes);
        if (sa == NULL || PyList_Sort(sa) < 0) {
            Py_XDECREF(sa);
            break;
        }
        PyObject *sat = PyList_AsTuple(sa);
        Py_DECREF(sa);
        idx = sat ? _PyCompile_AddConst(c, sat) : -1;
        Py_XDECREF(sat);
        if (idx < 0 || _PyCompile_Addop(c, LOAD_CONST, idx) < 0
            || _PyCompile_Nameop(c, "__static_attributes__", Store) < 0) {
            break;
        }
        if (u->u_ste->ste_needs_class_closure) {
            /* __classcell__ lets type.__new__ fill the __class__ cell. */
            PyObject *cc = PyUnicode_FromString("__class__");
            r = cc ? _PyCompile_LoadClosure(c, cc) : -1;
            Py_XDECREF(cc);
            if (r < 0 || _PyCompile_Addop(c, COPY, 1) < 0
                || _PyCompile_Nameop(c, "__classcell__", Store) < 0
                || _PyCompile_Addop(c, RETURN_VALUE, 0) < 0) {
                break;
            }
            co = _PyCompile_Assemble(c, 0);
        }
        else {
            co = _PyCompile_Assemble(c, 1);
        }
        ok = co ? 0 : -1;
    } while (0);
    _PyCompile_ExitUnit(c);
    if (ok < 0) {
        Py_XDECREF(co);
        return -1;
    }
    set_loc(c, LOC(s));
    ADDOP(c, PUSH_NULL);
    ADDOP(c, LOAD_BUILD_CLASS);
    r = _PyCompile_MakeClosure(c, co, 0);
    Py_DECREF(co);
    CHECK(r);
    ADDOP_LOAD_CONST_NEW(c, PyUnicode_FromString(s->v.ClassDef.name));
    CHECK(_PyCompile_CallHelper(c, 2, s->v.ClassDef.bases, s->v.ClassDef.keywords));
    CHECK(apply_decorators(c, decos));
    set_loc(c, LOC(s));
    return _PyCompile_Nameop(c, s->v.ClassDef.name, Store);
}

/* ---- imports ---------------------------------------------------------------- */

static int
compile_import(c_compiler *c, stmt_ty s)
{
    asdl_alias_seq *names = s->v.Import.names;
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(names); i++) {
        alias_ty a = asdl_seq_GET(names, i);
        /* the whole statement: tracebacks show no carets for imports */
        ADDOP_LOAD_CONST_NEW(c, PyLong_FromLong(0));
        ADDOP_LOAD_CONST(c, Py_None);
        PyObject *mod = PyUnicode_FromString(a->name);
        if (mod == NULL) {
            return -1;
        }
        int idx = _PyCompile_AddName(c, mod);
        Py_DECREF(mod);
        CHECK(idx);
        ADDOP_I(c, IMPORT_NAME, idx);
        if (a->asname) {
            /* import a.b.c as d: walk the attributes */
            const char *p = strchr(a->name, '.');
            while (p != NULL) {
                const char *q = strchr(p + 1, '.');
                size_t len = q ? (size_t)(q - p - 1) : strlen(p + 1);
                PyObject *attr = PyUnicode_FromStringAndSize(p + 1, len);
                if (attr == NULL) {
                    return -1;
                }
                idx = _PyCompile_AddName(c, attr);
                Py_DECREF(attr);
                CHECK(idx);
                ADDOP_I(c, IMPORT_FROM, idx);
                if (q != NULL) {
                    ADDOP_I(c, SWAP, 2);
                    ADDOP(c, POP_TOP);
                }
                else {
                    CHECK(_PyCompile_Nameop(c, a->asname, Store));
                    ADDOP(c, POP_TOP);
                    goto next;
                }
                p = q;
            }
            CHECK(_PyCompile_Nameop(c, a->asname, Store));
        }
        else {
            const char *dot = strchr(a->name, '.');
            if (dot) {
                PyObject *top = PyUnicode_FromStringAndSize(a->name, dot - a->name);
                if (top == NULL) {
                    return -1;
                }
                PyObject *m = _Py_Mangle(c->u->u_private, top);
                Py_DECREF(top);
                if (m == NULL) {
                    return -1;
                }
                int rr = _PyCompile_NameopObj(c, m, Store);
                Py_DECREF(m);
                CHECK(rr);
            }
            else {
                CHECK(_PyCompile_Nameop(c, a->name, Store));
            }
        }
    next:;
    }
    return 0;
}

static const char *const future_features[] = {
    "nested_scopes", "generators", "division", "absolute_import", "with_statement",
    "print_function", "unicode_literals", "barry_as_FLUFL", "generator_stop",
    "annotations", NULL,
};

static int
compile_import_from(c_compiler *c, stmt_ty s, int future_ok)
{
    asdl_alias_seq *names = s->v.ImportFrom.names;
    Py_ssize_t n = asdl_seq_LEN(names);
    const char *module = s->v.ImportFrom.module ? s->v.ImportFrom.module : "";
    if (s->v.ImportFrom.level == 0 && strcmp(module, "__future__") == 0) {
        if (!future_ok) {
            return _PyCompile_Error(c, LOC(s), "from __future__ imports must occur at the "
                                               "beginning of the file");
        }
        for (Py_ssize_t i = 0; i < n; i++) {
            alias_ty a = asdl_seq_GET(names, i);
            int known = 0;
            for (int k = 0; future_features[k]; k++) {
                if (strcmp(a->name, future_features[k]) == 0) {
                    known = 1;
                }
            }
            if (strcmp(a->name, "braces") == 0) {
                return _PyCompile_ErrorNoEnd(c, LOC(s), "not a chance");
            }
            if (!known) {
                return _PyCompile_ErrorNoEnd(c, LOC(s), "future feature %s is not defined",
                                             a->name);
            }
            if (strcmp(a->name, "annotations") == 0) {
                c->c_future_annotations = 1;
            }
            else if (strcmp(a->name, "barry_as_FLUFL") == 0) {
                c->c_future_barry = 1;
            }
        }
    }
    ADDOP_LOAD_CONST_NEW(c, PyLong_FromLong(s->v.ImportFrom.level));
    PyObject *fromlist = PyTuple_New(n);
    if (fromlist == NULL) {
        return -1;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *nm = PyUnicode_FromString(asdl_seq_GET(names, i)->name);
        if (nm == NULL) {
            Py_DECREF(fromlist);
            return -1;
        }
        PyTuple_SET_ITEM(fromlist, i, nm);
    }
    ADDOP_LOAD_CONST_NEW(c, fromlist);
    PyObject *mod = PyUnicode_FromString(module);
    if (mod == NULL) {
        return -1;
    }
    int idx = _PyCompile_AddName(c, mod);
    Py_DECREF(mod);
    CHECK(idx);
    ADDOP_I(c, IMPORT_NAME, idx);
    for (Py_ssize_t i = 0; i < n; i++) {
        alias_ty a = asdl_seq_GET(names, i);
        /* the whole statement: tracebacks show no carets for imports */
        if (strcmp(a->name, "*") == 0) {
            ADDOP_I(c, CALL_INTRINSIC_1, _Py_INTRINSIC_1_IMPORT_STAR);
            ADDOP(c, POP_TOP);
            return 0;
        }
        PyObject *nm = PyUnicode_FromString(a->name);
        if (nm == NULL) {
            return -1;
        }
        idx = _PyCompile_AddName(c, nm);
        Py_DECREF(nm);
        CHECK(idx);
        ADDOP_I(c, IMPORT_FROM, idx);
        CHECK(_PyCompile_Nameop(c, a->asname ? a->asname : a->name, Store));
    }
    ADDOP(c, POP_TOP);
    return 0;
}

/* ---- assignments ------------------------------------------------------------- */

/* x.a += v / x[k] += v: may the target's object (and key) be loaded a
 * second time for the store instead of being kept on the stack?  Yes when
 * the `n` instructions emitted since n0 are a LOAD_FAST of x and a LOAD_FAST
 * or LOAD_CONST of k (names and constants, nothing else), and v cannot
 * rebind a local (only a walrus could): the second load then gives the
 * same objects, and an unbound local has already raised at the first. */
static int
augassign_reloads(c_compiler *c, Py_ssize_t n0, Py_ssize_t n, expr_ty obj, expr_ty key,
                  expr_ty value)
{
    c_instr *ins = &c->u->u_instrs[n0];
    if (c->u->u_ninstrs != n0 + n || obj->kind != Name_kind || ins[0].op != LOAD_FAST) {
        return 0;
    }
    if (key != NULL) {
        if (key->kind != Name_kind && key->kind != Constant_kind) {
            return 0;
        }
        if (ins[1].op != LOAD_FAST && ins[1].op != LOAD_CONST) {
            return 0;
        }
    }
    return !_PyCompile_HasWalrus(value);
}

static int
compile_augassign(c_compiler *c, stmt_ty s)
{
    expr_ty t = s->v.AugAssign.target;
    int op = _Py_BINOP_INPLACE(_PyCompile_BinopArg(s->v.AugAssign.op));
    switch (t->kind) {
    case Name_kind: {
        set_loc(c, LOC(t));
        Py_ssize_t n0 = c->u->u_ninstrs;
        CHECK(_PyCompile_Nameop(c, t->v.Name.id, Load));
        VISIT(c, s->v.AugAssign.value);
        set_loc(c, LOC(s));
        ADDOP_I(c, BINARY_OP, op);
        enum _expr_kind vk = s->v.AugAssign.value->kind;
        if (vk == Name_kind || vk == Constant_kind) {
            _PyCompile_FuseLoadFast(c, n0, LOAD_FAST__BINARY_OP);
        }
        else if (_PyCompile_IsItemOfName(s->v.AugAssign.value)) {
            _PyCompile_FuseLoadFast(c, n0, LOAD_FAST__OP_ITEM);
        }
        set_loc(c, LOC(t));
        return _PyCompile_Nameop(c, t->v.Name.id, Store);
    }
    case Attribute_kind: {
        Py_ssize_t n0 = c->u->u_ninstrs;
        VISIT(c, t->v.Attribute.value);
        if (augassign_reloads(c, n0, 1, t->v.Attribute.value, NULL, s->v.AugAssign.value)) {
            /* x.a += v, x a fast local: load x again for the store (see
             * "Prefix instructions" in pycore_opcode.h). */
            c_instr owner = c->u->u_instrs[n0];
            set_loc(c, LOC(t));
            ADDOP_NAME(c, LOAD_ATTR, t->v.Attribute.attr);
            _PyCompile_FuseLoadFast(c, n0, LOAD_FAST__LOAD_ATTR);
            VISIT(c, s->v.AugAssign.value);
            set_loc(c, LOC(s));
            ADDOP_I(c, BINARY_OP, op);
            Py_ssize_t n1 = c->u->u_ninstrs;
            CHECK(_PyCompile_AddopCopy(c, &owner));
            set_loc(c, LOC(t));
            ADDOP_NAME(c, STORE_ATTR, t->v.Attribute.attr);
            _PyCompile_FuseLoadFast(c, n1, LOAD_FAST__STORE_ATTR);
            return 0;
        }
        set_loc(c, LOC(t));
        ADDOP_I(c, COPY, 1);
        ADDOP_NAME(c, LOAD_ATTR, t->v.Attribute.attr);
        VISIT(c, s->v.AugAssign.value);
        set_loc(c, LOC(s));
        ADDOP_I(c, BINARY_OP, op);
        set_loc(c, LOC(t));
        ADDOP_I(c, SWAP, 2);
        ADDOP_NAME(c, STORE_ATTR, t->v.Attribute.attr);
        return 0;
    }
    case Subscript_kind: {
        Py_ssize_t n0 = c->u->u_ninstrs;
        VISIT(c, t->v.Subscript.value);
        VISIT(c, t->v.Subscript.slice);
        if (augassign_reloads(c, n0, 2, t->v.Subscript.value, t->v.Subscript.slice,
                              s->v.AugAssign.value)) {
            /* x[k] += v, x a fast local, k a fast local or a constant. */
            c_instr container = c->u->u_instrs[n0], key = c->u->u_instrs[n0 + 1];
            set_loc(c, LOC(t));
            ADDOP(c, BINARY_SUBSCR);
            _PyCompile_FuseLoadFast(c, n0, LOAD_FAST__BINARY_SUBSCR);
            VISIT(c, s->v.AugAssign.value);
            set_loc(c, LOC(s));
            ADDOP_I(c, BINARY_OP, op);
            Py_ssize_t n1 = c->u->u_ninstrs;
            CHECK(_PyCompile_AddopCopy(c, &container));
            CHECK(_PyCompile_AddopCopy(c, &key));
            set_loc(c, LOC(t));
            ADDOP(c, STORE_SUBSCR);
            _PyCompile_FuseLoadFast(c, n1, LOAD_FAST__STORE_SUBSCR);
            return 0;
        }
        set_loc(c, LOC(t));
        ADDOP_I(c, COPY, 2);
        ADDOP_I(c, COPY, 2);
        ADDOP(c, BINARY_SUBSCR);
        VISIT(c, s->v.AugAssign.value);
        set_loc(c, LOC(s));
        ADDOP_I(c, BINARY_OP, op);
        set_loc(c, LOC(t));
        ADDOP_I(c, SWAP, 3);
        ADDOP_I(c, SWAP, 2);
        ADDOP(c, STORE_SUBSCR);
        return 0;
    }
    default:
        return _PyCompile_Error(c, LOC(t), "illegal expression for augmented assignment");
    }
}

static int
compile_annassign(c_compiler *c, stmt_ty s)
{
    expr_ty t = s->v.AnnAssign.target;
    int in_func = c->u->u_type == U_FUNCTION || c->u->u_type == U_LAMBDA;
    if (s->v.AnnAssign.value) {
        VISIT(c, s->v.AnnAssign.value);
        CHECK(_PyCompile_Store(c, t));
    }
    set_loc(c, LOC(s));
    if (t->kind == Name_kind) {
        if (s->v.AnnAssign.simple && !in_func) {
            /* __annotations__['x'] = annotation */
            CHECK(_PyCompile_AnnotationValue(c, s->v.AnnAssign.annotation));
            set_loc(c, LOC(s));
            CHECK(_PyCompile_Nameop(c, "__annotations__", Load));
            PyObject *m = _PyCompile_Mangle(c, t->v.Name.id);
            ADDOP_LOAD_CONST_NEW(c, m);
            ADDOP(c, STORE_SUBSCR);
        }
        return 0;
    }
    if (!s->v.AnnAssign.value && !in_func) {
        /* `a.b: int` evaluates a; `a[i]: int` evaluates a and i. */
        if (t->kind == Attribute_kind) {
            VISIT(c, t->v.Attribute.value);
            ADDOP(c, POP_TOP);
        }
        else if (t->kind == Subscript_kind) {
            VISIT(c, t->v.Subscript.value);
            ADDOP(c, POP_TOP);
            VISIT(c, t->v.Subscript.slice);
            ADDOP(c, POP_TOP);
        }
    }
    if (!in_func && !c->c_future_annotations) {
        VISIT(c, s->v.AnnAssign.annotation);
        ADDOP(c, POP_TOP);
    }
    return 0;
}

static int
compile_delete(c_compiler *c, expr_ty t)
{
    _PyCodePosition saved = c->u->u_loc;
    c->u->u_loc = LOC(t);
    switch (t->kind) {
    case Name_kind:
        CHECK(_PyCompile_Nameop(c, t->v.Name.id, Del));
        break;
    case Attribute_kind:
        VISIT(c, t->v.Attribute.value);
        c->u->u_loc = LOC(t);
        ADDOP_NAME(c, DELETE_ATTR, t->v.Attribute.attr);
        break;
    case Subscript_kind:
        VISIT(c, t->v.Subscript.value);
        VISIT(c, t->v.Subscript.slice);
        c->u->u_loc = LOC(t);
        ADDOP(c, DELETE_SUBSCR);
        break;
    case Tuple_kind:
    case List_kind: {
        asdl_expr_seq *elts = t->kind == Tuple_kind ? t->v.Tuple.elts : t->v.List.elts;
        for (Py_ssize_t i = 0; i < asdl_seq_LEN(elts); i++) {
            CHECK(compile_delete(c, asdl_seq_GET(elts, i)));
        }
        break;
    }
    default:
        return _PyCompile_Error(c, LOC(t), "cannot delete expression");
    }
    c->u->u_loc = saved;
    return 0;
}

static int
compile_assert(c_compiler *c, stmt_ty s)
{
    if (c->c_optimize >= 1) {
        return 0;
    }
    NEW_LABEL(c, end);
    CHECK(_PyCompile_JumpIf(c, s->v.Assert.test, end, 1));
    set_loc(c, LOC(s));
    if (s->v.Assert.msg) {
        ADDOP(c, PUSH_NULL);
        ADDOP(c, LOAD_ASSERTION_ERROR);
        VISIT(c, s->v.Assert.msg);
        set_loc(c, LOC(s));
        ADDOP_I(c, CALL, 1);
    }
    else {
        ADDOP(c, LOAD_ASSERTION_ERROR);
    }
    set_loc(c, LOC(s->v.Assert.test));
    ADDOP_I(c, RAISE_VARARGS, 1);
    USE_LABEL(c, end);
    return 0;
}

/* ---- statements ---------------------------------------------------------- */

static int
stmt_body(c_compiler *c, stmt_ty s)
{
    switch (s->kind) {
    case FunctionDef_kind:
        return compile_function(c, s, 0);
    case AsyncFunctionDef_kind:
        return compile_function(c, s, 1);
    case ClassDef_kind:
        return compile_class(c, s);
    case Return_kind:
        return compile_return(c, s);
    case Delete_kind:
        for (Py_ssize_t i = 0; i < asdl_seq_LEN(s->v.Delete.targets); i++) {
            CHECK(compile_delete(c, asdl_seq_GET(s->v.Delete.targets, i)));
        }
        return 0;
    case Assign_kind: {
        Py_ssize_t n = asdl_seq_LEN(s->v.Assign.targets);
        VISIT(c, s->v.Assign.value);
        for (Py_ssize_t i = 0; i < n; i++) {
            if (i < n - 1) {
                ADDOP_I(c, COPY, 1);
            }
            CHECK(_PyCompile_Store(c, asdl_seq_GET(s->v.Assign.targets, i)));
        }
        return 0;
    }
    case AugAssign_kind:
        return compile_augassign(c, s);
    case AnnAssign_kind:
        return compile_annassign(c, s);
    case For_kind:
        return compile_for(c, s);
    case AsyncFor_kind:
        return compile_async_for(c, s);
    case While_kind:
        return compile_while(c, s);
    case If_kind:
        return compile_if(c, s);
    case Match_kind:
        return _PyCompile_Match(c, s);
    case With_kind:
        return compile_with(c, s, 0, 0);
    case AsyncWith_kind:
        return compile_with(c, s, 0, 1);
    case Raise_kind: {
        int n = 0;
        if (s->v.Raise.exc) {
            VISIT(c, s->v.Raise.exc);
            n++;
            if (s->v.Raise.cause) {
                VISIT(c, s->v.Raise.cause);
                n++;
            }
        }
        set_loc(c, LOC(s));
        ADDOP_I(c, RAISE_VARARGS, n);
        return 0;
    }
    case Try_kind:
        return compile_try(c, s);
    case TryStar_kind:
        return compile_try_star(c, s);
    case Assert_kind:
        return compile_assert(c, s);
    case Import_kind:
        return compile_import(c, s);
    case ImportFrom_kind:
        return compile_import_from(c, s, 0);
    case Global_kind:
    case Nonlocal_kind:
        return 0;
    case Pass_kind:
        /* a NOP carries the line, so tracing shows a line event for it */
        ADDOP(c, NOP);
        return 0;
    case Expr_kind: {
        expr_ty v = s->v.Expr.value;
        if (c->c_interactive && c->u->u_type == U_MODULE) {
            VISIT(c, v);
            set_loc(c, LOC(s));
            ADDOP_I(c, CALL_INTRINSIC_1, _Py_INTRINSIC_1_PRINT);
            ADDOP(c, POP_TOP);
            return 0;
        }
        if (v->kind == Constant_kind) {
            return 0;   /* nothing to do, no effect */
        }
        VISIT(c, v);
        set_loc(c, LOC(s));
        ADDOP(c, POP_TOP);
        return 0;
    }
    case Break_kind:
        return compile_break_continue(c, s, 1);
    case Continue_kind:
        return compile_break_continue(c, s, 0);
    }
    PyErr_SetString(PyExc_SystemError, "compiler: unknown statement");
    return -1;
}

int
_PyCompile_Stmt(c_compiler *c, stmt_ty s)
{
    if (Py_EnterRecursiveCall(" during compilation") < 0) {
        return -1;
    }
    _PyCodePosition saved = c->u->u_loc;
    c->u->u_loc = LOC(s);
    int r;
    if (s->kind == ImportFrom_kind) {
        r = compile_import_from(c, s, 0);
    }
    else {
        r = stmt_body(c, s);
    }
    c->u->u_loc = saved;
    Py_LeaveRecursiveCall();
    return r;
}

/* A statement list.  With `docstring` (module / class body) a leading
 * string becomes __doc__; module bodies also get SETUP_ANNOTATIONS and the
 * __future__ check. */
int
_PyCompile_Body(c_compiler *c, asdl_stmt_seq *body, int docstring)
{
    Py_ssize_t n = asdl_seq_LEN(body), i = 0;
    c_unit *u = c->u;
    int is_module = u->u_type == U_MODULE && docstring;
    if (is_module && body_has_annotations(body)) {
        if (n > 0) {
            set_loc(c, LOC(asdl_seq_GET(body, 0)));
        }
        ADDOP(c, SETUP_ANNOTATIONS);
    }
    if (docstring && n > 0 && is_docstring(asdl_seq_GET(body, 0))) {
        stmt_ty d = asdl_seq_GET(body, 0);
        i = 1;
        if (c->c_optimize < 2) {
            set_loc(c, LOC(d));
            PyObject *raw = _PyCompile_ConstValue(c, &d->v.Expr.value->v.Constant.value);
            PyObject *doc = raw ? _PyCompile_CleanDoc(raw) : NULL;
            Py_XDECREF(raw);
            ADDOP_LOAD_CONST_NEW(c, doc);
            CHECK(_PyCompile_Nameop(c, "__doc__", Store));
        }
    }
    int future_ok = is_module || (u->u_type == U_MODULE && c->c_interactive);
    for (; i < n; i++) {
        stmt_ty s = asdl_seq_GET(body, i);
        if (s->kind == ImportFrom_kind) {
            int fut = s->v.ImportFrom.level == 0 && s->v.ImportFrom.module
                      && strcmp(s->v.ImportFrom.module, "__future__") == 0;
            _PyCodePosition saved = u->u_loc;
            u->u_loc = LOC(s);
            int r = compile_import_from(c, s, future_ok && fut);
            u->u_loc = saved;
            CHECK(r);
            if (!fut) {
                future_ok = 0;
            }
            continue;
        }
        future_ok = 0;
        VISIT_STMT(c, s);
    }
    return 0;
}
