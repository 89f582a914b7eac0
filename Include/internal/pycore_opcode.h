/* pycore_opcode.h: Weft's bytecode.  The compiler (Python/compile.c) emits it,
 * the eval loop (Python/ceval.c) runs it.  It is Weft's own instruction set,
 * shaped like CPython 3.11's (stack machine, method-call protocol with a NULL
 * slot, exceptions through handler blocks).
 *
 * Encoding: one 32-bit code unit per instruction, opcode in the low 8 bits,
 * argument in the high 24 bits (_Py_OPCODE / _Py_OPARG).  An argument that
 * does not fit (16M constants, names or instructions) is a compile error
 * ("too many ..."), so there is no EXTENDED_ARG.  Jump arguments are absolute
 * instruction indexes.
 *
 * Stack notation: [before] -> [after], top of stack on the right.
 *
 * Exceptions.  SETUP_FINALLY(target) pushes a handler block {target, stack
 * depth} on the frame's block stack; POP_BLOCK pops it.  When an exception is
 * raised, the innermost block is popped, the value stack is unwound to its
 * depth, the exception object is pushed and execution continues at target.
 * With no block left the frame is exited with the exception, adding a
 * traceback entry.  The handler code then usually does PUSH_EXC_INFO, which
 * makes the exception "being handled" (sys.exception()) and saves the
 * previous one below it; POP_EXCEPT restores it.  The compiler bounds the
 * block depth (CO_MAXBLOCKS, "too many statically nested blocks").
 *
 * Calls.  Every call site is [callable_or_NULL, self_or_callable, args...]:
 *   PUSH_NULL, <callable>, <args>, CALL(n)      plain call
 *   <obj>, LOAD_METHOD(name), <args>, CALL(n)    method call: LOAD_METHOD
 *       leaves [meth, obj] when the attribute is a plain function found on
 *       the type (so no bound method is created) or [NULL, attr] otherwise.
 * CALL(n): if the first slot is NULL call the second with n args, else call
 * the first with (second, *args) — n+1 args.  CALL_KW(n): the same with a
 * tuple of keyword names on top; the last len(names) args are keywords.
 * Python-to-Python calls push a new frame in the same C loop.
 *
 * What the compiler emits (Python/compile*.c; notes for the eval loop):
 *  - Every code object starts with COPY_FREE_VARS (if it has free variables),
 *    MAKE_CELL for each cell, then RESUME.  Deref opargs (MAKE_CELL,
 *    LOAD_CLOSURE, LOAD_DEREF, ...) are localsplus indexes.
 *  - Container-building opargs count from the top BEFORE the operands are
 *    popped: LIST_APPEND(i) / SET_ADD(i) / LIST_EXTEND(i) / SET_UPDATE(i) /
 *    DICT_UPDATE(i) / DICT_MERGE(i): the container is stack[-(i+1)] (the
 *    operand being stack[-1]); MAP_ADD(i): the dict is stack[-(i+2)]
 *    (key, value on top).  DICT_MERGE(1) is only used for f(**m) calls, with
 *    [.., NULL|f, callable, args_tuple, dict, m]: the callable (for the
 *    "got multiple values" message) is stack[-4].
 *  - A handler block's level is the stack depth when SETUP_FINALLY ran; the
 *    compiler guarantees the stack never drops below it while the block is
 *    active.  Handlers: `SETUP_FINALLY cleanup; PUSH_EXC_INFO; ...` with
 *    `cleanup: SWAP 2; POP_EXCEPT; RERAISE`.  RERAISE re-raises without a
 *    new traceback entry for the frame's current line.
 *  - with: `<mgr> BEFORE_WITH SETUP_FINALLY h [COPY 1; store] body POP_BLOCK
 *    POP_TOP; LOAD_CONST None x3; CALL 2 (calls exit(None, None, None))`;
 *    at h: [exit, value, exc].
 *  - yield from / await: `GET_YIELD_FROM_ITER | GET_AWAITABLE; LOAD_CONST
 *    None; L: SEND exit; YIELD_VALUE 1; JUMP_BACKWARD L; exit:`.  YIELD_VALUE
 *    has oparg 1 there (0 for a plain yield): while a generator is suspended
 *    at a YIELD_VALUE 1 its delegate (the receiver) is on top of its stack,
 *    so gen.throw()/close() can forward to it as CPython does.
 *  - Generator, coroutine and async-generator bodies are wrapped in
 *    SETUP_FINALLY h ... h: CALL_INTRINSIC_1 STOPITERATION_ERROR; RERAISE.
 *    The first resumption of a generator pushes no value.
 *  - Comprehensions and generator expressions are functions with one
 *    parameter `.0` (the iterator), called as [NULL, func, iter] CALL 1.
 *  - Class bodies: functions run by __build_class__ with the namespace as
 *    f_locals (no CO_OPTIMIZED / CO_NEWLOCALS); they return the __class__
 *    cell (also stored as __classcell__) or None.
 *  - MAKE_FUNCTION's annotations dict maps parameter names and 'return' to
 *    the evaluated annotations; kwdefaults dict: kw-only name -> default.
 *  - except*: [orig_eg, list] CALL_INTRINSIC_2 PREP_RERAISE_STAR, where list
 *    holds the exceptions raised in the handlers followed by the unmatched
 *    rest (or None); result: the exception to raise, or None.
 *  - Prefix instructions: LOAD_FAST__X replaces a LOAD_FAST whose value
 *    the next instruction(s) on the same line consume at once (X is
 *    LOAD_ATTR, STORE_ATTR, or [LOAD_FAST|LOAD_CONST] then BINARY_SUBSCR,
 *    STORE_SUBSCR, BINARY_OP or COMPARE_OP; or, for LOAD_FAST__OP_ITEM,
 *    a LOAD_FAST__BINARY_SUBSCR group then BINARY_SUBSCR or BINARY_OP:
 *    x[y[i]], x + y[i], x += y[i]).  x.a += v and x[k] += v with x a fast local, k a fast
 *    local or a constant and no walrus in v load x (and k) again for the
 *    store instead of COPY/SWAP, so that both halves take a prefix.  The
 *    followers stay in the code unchanged (their positions for tracebacks,
 *    their attribute caches, nobody jumps to them), and a prefix means
 *    exactly LOAD_FAST to anything that reads the code (stack effect +1,
 *    tracing runs each instruction alone).  Untraced, the eval loop runs
 *    the group as one instruction using the local in place: no reference
 *    counting of the local, nothing pushed but the result.
 */
#ifndef Py_INTERNAL_OPCODE_H
#define Py_INTERNAL_OPCODE_H

#include <stdint.h>

typedef uint32_t _Py_CODEUNIT;
#define _Py_OPCODE(word) ((int)((word) & 0xff))
#define _Py_OPARG(word) ((int)((word) >> 8))
#define _Py_MAKECODEUNIT(op, arg) ((_Py_CODEUNIT)(op) | ((_Py_CODEUNIT)(arg) << 8))
#define _Py_MAX_OPARG ((1 << 24) - 1)

/* X(name, has_arg) in numbering order. */
#define _Py_FOR_EACH_OPCODE(X)                                                  \
    X(NOP, 0)               /* */                                             \
    X(RESUME, 0)            /* function/generator start: eval-breaker check */  \
    X(POP_TOP, 0)           /* [x] -> [] */                                   \
    X(PUSH_NULL, 0)         /* [] -> [NULL] */                                \
    X(COPY, 1)              /* [.. x ..(n-1)] -> [.. x .. x]: push stack[-n] */ \
    X(SWAP, 1)              /* swap TOS and stack[-n] */                      \
    X(LOAD_CONST, 1)        /* [] -> [co_consts[i]] */                        \
    X(LOAD_FAST, 1)         /* [] -> [local i]; UnboundLocalError if unset */ \
    X(STORE_FAST, 1)        /* [v] -> [] */                                   \
    X(DELETE_FAST, 1)       /* UnboundLocalError if unset */                  \
    X(MAKE_CELL, 1)         /* localsplus[i] = cell(localsplus[i]) (entry) */ \
    X(COPY_FREE_VARS, 1)    /* copy n cells from the function's closure into  \
                               the last n localsplus slots (entry) */          \
    X(LOAD_CLOSURE, 1)      /* [] -> [cell localsplus[i]] */                  \
    X(LOAD_DEREF, 1)        /* [] -> [cell contents]; NameError for free vars \
                               "cannot access free variable 'x' where it is   \
                               not associated with a value in enclosing scope",\
                               UnboundLocalError for cells */                  \
    X(LOAD_FROM_DICT_OR_DEREF, 1) /* class body: [mapping] -> [v]: mapping    \
                               lookup of the cell's name, else the cell; the  \
                               compiler emits LOAD_LOCALS first */            \
    X(STORE_DEREF, 1)       /* [v] -> [] */                                   \
    X(DELETE_DEREF, 1)                                                        \
    X(LOAD_NAME, 1)         /* locals, globals, builtins; NameError */        \
    X(STORE_NAME, 1)                                                          \
    X(DELETE_NAME, 1)                                                         \
    X(LOAD_GLOBAL, 1)       /* globals, builtins: [] -> [v] */                \
    X(STORE_GLOBAL, 1)                                                        \
    X(DELETE_GLOBAL, 1)                                                       \
    X(LOAD_ATTR, 1)         /* [obj] -> [obj.name] */                         \
    X(LOAD_METHOD, 1)       /* [obj] -> [meth, obj] or [NULL, attr] */        \
    X(STORE_ATTR, 1)        /* [v, obj] -> [] : obj.name = v */               \
    X(DELETE_ATTR, 1)       /* [obj] -> [] */                                 \
    X(BINARY_SUBSCR, 0)     /* [container, key] -> [container[key]] */        \
    X(STORE_SUBSCR, 0)      /* [v, container, key] -> [] */                   \
    X(DELETE_SUBSCR, 0)     /* [container, key] -> [] */                      \
    X(BUILD_SLICE, 1)       /* n=2: [a, b] or n=3: [a, b, c] -> [slice] */    \
    X(UNARY_NEGATIVE, 0)                                                      \
    X(UNARY_POSITIVE, 0)                                                      \
    X(UNARY_NOT, 0)         /* [x] -> [not x] */                              \
    X(UNARY_INVERT, 0)                                                        \
    X(BINARY_OP, 1)         /* [a, b] -> [a op b]; arg: _Py_BINOP_* */        \
    X(COMPARE_OP, 1)        /* [a, b] -> [a cmp b]; arg: Py_LT..Py_GE */      \
    X(IS_OP, 1)             /* [a, b] -> [a is b] (arg 1: is not) */          \
    X(CONTAINS_OP, 1)       /* [a, b] -> [a in b] (arg 1: not in) */          \
    X(BUILD_TUPLE, 1)       /* [n items] -> [tuple] */                        \
    X(BUILD_LIST, 1)                                                          \
    X(BUILD_SET, 1)                                                           \
    X(BUILD_MAP, 1)         /* [k1, v1, ... kn, vn] -> [dict] */              \
    X(BUILD_CONST_KEY_MAP, 1) /* [v1..vn, keys_tuple] -> [dict] */            \
    X(BUILD_STRING, 1)      /* [n str] -> [concatenation] */                  \
    X(LIST_APPEND, 1)       /* [list at stack[-(i+1)] .., v] -> list.append(v) */ \
    X(SET_ADD, 1)                                                             \
    X(MAP_ADD, 1)           /* [dict .., k, v] */                             \
    X(LIST_EXTEND, 1)       /* [list .., iterable] */                         \
    X(SET_UPDATE, 1)                                                          \
    X(DICT_UPDATE, 1)       /* {**a} */                                       \
    X(DICT_MERGE, 1)        /* f(**a): TypeError on duplicate keyword or non- \
                               mapping, with CPython's messages */             \
    X(LIST_TO_TUPLE, 0)                                                       \
    X(FORMAT_VALUE, 1)      /* f-string field: arg & 3 = conversion (0 none,  \
                               1 !s, 2 !r, 3 !a); arg & 4: a format spec is   \
                               on top: [v, spec] -> [str]; else [v] -> [str] */ \
    X(UNPACK_SEQUENCE, 1)   /* [seq] -> [item n-1 .. item 0] (item 0 on top) */ \
    X(UNPACK_EX, 1)         /* a, *b, c: arg = before | (after << 8) */       \
    X(JUMP, 1)              /* forward jump to target */                      \
    X(JUMP_BACKWARD, 1)     /* backward jump; checks the eval breaker */      \
    X(POP_JUMP_IF_FALSE, 1) /* [x] -> []; jump if not x */                    \
    X(POP_JUMP_IF_TRUE, 1)                                                    \
    X(POP_JUMP_IF_NONE, 1)                                                    \
    X(POP_JUMP_IF_NOT_NONE, 1)                                                \
    X(JUMP_IF_FALSE_OR_POP, 1) /* and: keep x and jump if false, else pop */  \
    X(JUMP_IF_TRUE_OR_POP, 1)  /* or */                                       \
    X(GET_ITER, 0)          /* [x] -> [iter(x)] */                            \
    X(FOR_ITER, 1)          /* [it] -> [it, next(it)]; when exhausted pop it  \
                               and jump to target */                           \
    X(GET_YIELD_FROM_ITER, 0)                                                 \
    X(MAKE_FUNCTION, 1)     /* [defaults?, kwdefaults?, annotations?,         \
                               closure?, code] -> [function]; arg flags:      \
                               1 defaults tuple, 2 kwdefaults dict,           \
                               4 annotations dict, 8 closure tuple */         \
    X(CALL, 1)              /* see above */                                   \
    X(CALL_KW, 1)           /* see above */                                   \
    X(CALL_FUNCTION_EX, 1)  /* [NULL|f, callable, args_tuple, kwargs?] (arg 1:\
                               kwargs dict present) -> [result] */            \
    X(RETURN_VALUE, 0)      /* [v] -> return v */                             \
    X(LOAD_BUILD_CLASS, 0)  /* [] -> [builtins.__build_class__] */            \
    X(SETUP_ANNOTATIONS, 0) /* create __annotations__ in locals if missing */ \
    X(IMPORT_NAME, 1)       /* [level, fromlist] -> [module] */               \
    X(IMPORT_FROM, 1)       /* [module] -> [module, module.name] with         \
                               CPython's ImportError "cannot import name" */  \
    X(SETUP_FINALLY, 1)     /* push a handler block for target */             \
    X(POP_BLOCK, 0)                                                           \
    X(PUSH_EXC_INFO, 0)     /* [exc] -> [prev_exc, exc]; exc is now handled */ \
    X(POP_EXCEPT, 0)        /* [prev_exc] -> []; restore it as handled */     \
    X(CHECK_EXC_MATCH, 0)   /* [exc, type] -> [exc, bool]; TypeError if type  \
                               is not an exception class or tuple of them */  \
    X(CHECK_EG_MATCH, 0)    /* except*: [eg, type] -> [rest, match|None] */   \
    X(RAISE_VARARGS, 1)     /* 0: re-raise the handled exception; 1: [exc];   \
                               2: [exc, cause] (raise exc from cause) */      \
    X(RERAISE, 0)           /* [exc] -> raise exc again, keeping traceback */ \
    X(BEFORE_WITH, 0)       /* [mgr] -> [bound __exit__, mgr.__enter__()];    \
                               TypeError "'X' object does not support the     \
                               context manager protocol" */                   \
    X(WITH_EXCEPT_START, 0) /* [exit, prev_exc, exc] -> [exit, prev_exc, exc, \
                               exit(type(exc), exc, exc.__traceback__)] */    \
    X(LOAD_ASSERTION_ERROR, 0)                                                \
    X(YIELD_VALUE, 0)       /* [v] -> suspend the generator yielding v; on    \
                               resume the sent value is pushed (oparg 1:      \
                               inside yield from / await, see above) */       \
    X(SEND, 1)              /* [receiver, v] -> [receiver, yielded] or, when  \
                               the receiver returns, [retval] and jump */     \
    X(END_SEND, 0)          /* [receiver, v] -> [v] */                        \
    X(GET_AWAITABLE, 1)     /* [x] -> [awaitable iterator] */                 \
    X(GET_AITER, 0)                                                           \
    X(GET_ANEXT, 0)         /* [aiter] -> [aiter, awaitable] */               \
    X(END_ASYNC_FOR, 0)     /* [aiter, exc] -> []: StopAsyncIteration ends    \
                               the loop, anything else is re-raised */        \
    X(BEFORE_ASYNC_WITH, 0) /* [mgr] -> [bound __aexit__, awaitable] */       \
    X(CALL_INTRINSIC_1, 1)  /* [x] -> [f(x)]: _Py_INTRINSIC_1_* */            \
    X(CALL_INTRINSIC_2, 1)  /* [x, y] -> [f(x, y)]: _Py_INTRINSIC_2_* */ \
    X(LOAD_LOCALS, 0)       /* [] -> [f_locals]: the class namespace that     \
                               LOAD_FROM_DICT_OR_DEREF consults (added by the \
                               compiler helper; SystemError "no locals found" \
                               if the frame has none) */              \
    X(GET_LEN, 0)           /* [x] -> [x, len(x)] (match statement) */        \
    X(MATCH_MAPPING, 0)     /* [x] -> [x, bool]: type has Py_TPFLAGS_MAPPING */ \
    X(MATCH_SEQUENCE, 0)    /* [x] -> [x, bool]: Py_TPFLAGS_SEQUENCE (so not  \
                               str, bytes or bytearray) */                    \
    X(MATCH_KEYS, 0)        /* [map, keys] -> [map, keys, values|None]: the   \
                               values looked up with map.get; None if one is  \
                               missing; ValueError on a repeated key */       \
    X(MATCH_CLASS, 1)       /* [subject, cls, names] -> [attrs|None]: n       \
                               positional sub-patterns via __match_args__,    \
                               then the keyword names; None if no match */ \
    X(LOAD_FAST__LOAD_ATTR, 1)  /* prefix: LOAD_FAST i; then LOAD_ATTR */     \
    X(LOAD_FAST__STORE_ATTR, 1) /* prefix: LOAD_FAST i; then STORE_ATTR */    \
    X(LOAD_FAST__BINARY_SUBSCR, 1) /* prefix: LOAD_FAST i; then LOAD_FAST j   \
                               or LOAD_CONST k; then BINARY_SUBSCR */         \
    X(LOAD_FAST__STORE_SUBSCR, 1) /* prefix: LOAD_FAST i; then LOAD_FAST j    \
                               or LOAD_CONST k; then STORE_SUBSCR */          \
    X(LOAD_FAST__BINARY_OP, 1) /* prefix: LOAD_FAST i; then LOAD_FAST j       \
                               or LOAD_CONST k; then BINARY_OP */             \
    X(LOAD_FAST__COMPARE_OP, 1) /* prefix: LOAD_FAST i; then LOAD_FAST j      \
                               or LOAD_CONST k; then COMPARE_OP */            \
    X(LOAD_FAST__OP_ITEM, 1)  /* prefix: LOAD_FAST i; then a                  \
                               LOAD_FAST__BINARY_SUBSCR group; then           \
                               BINARY_SUBSCR or BINARY_OP taking both */

enum {
#define _Py_OPCODE_ENUM(name, has_arg) name,
    _Py_FOR_EACH_OPCODE(_Py_OPCODE_ENUM)
#undef _Py_OPCODE_ENUM
    _Py_NUM_OPCODES
};

/* BINARY_OP arguments: the plain operators, then the in-place forms in the
 * same order (x += y is _Py_BINOP_INPLACE_ADD). */
#define _Py_FOR_EACH_BINOP(X) \
    X(ADD, "+") X(AND, "&") X(FLOOR_DIVIDE, "//") X(LSHIFT, "<<")              \
    X(MATRIX_MULTIPLY, "@") X(MULTIPLY, "*") X(REMAINDER, "%") X(OR, "|")      \
    X(POWER, "**") X(RSHIFT, ">>") X(SUBTRACT, "-") X(TRUE_DIVIDE, "/")        \
    X(XOR, "^")
enum {
#define _Py_BINOP_ENUM(name, sym) _Py_BINOP_##name,
    _Py_FOR_EACH_BINOP(_Py_BINOP_ENUM)
#undef _Py_BINOP_ENUM
    _Py_BINOP_NUM_PLAIN
};
#define _Py_BINOP_INPLACE(op) ((op) + _Py_BINOP_NUM_PLAIN)

/* CALL_INTRINSIC_1 arguments. */
enum {
    _Py_INTRINSIC_1_PRINT = 1,        /* interactive mode: sys.displayhook(x) */
    _Py_INTRINSIC_1_IMPORT_STAR,      /* [module] -> [None]: from m import * */
    _Py_INTRINSIC_1_STOPITERATION_ERROR, /* StopIteration escaping a generator
                                            becomes RuntimeError */
    _Py_INTRINSIC_1_ASYNC_GEN_WRAP,   /* value yielded by an async generator */
    _Py_INTRINSIC_1_UNARY_POSITIVE,
    _Py_INTRINSIC_1_LIST_TO_TUPLE,
};

/* CALL_INTRINSIC_2 arguments. */
enum {
    _Py_INTRINSIC_2_PREP_RERAISE_STAR = 1, /* except*: combine raised groups */
    _Py_INTRINSIC_2_MAPPING_REST,     /* [map, keys] -> [dict(map) without keys]
                                         (`**rest` in a mapping pattern) */
};

/* Names for disassembly and error messages. */
extern const char *const _PyOpcode_Names[_Py_NUM_OPCODES];

#endif /* Py_INTERNAL_OPCODE_H */
