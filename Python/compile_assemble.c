/* compile_assemble.c: the assembler.  Resolves labels to instruction
 * indexes (picking JUMP or JUMP_BACKWARD), walks every path through the
 * code to compute the exact maximum value-stack depth and to check that the
 * stack and the handler-block stack agree wherever paths meet, maps deref
 * indexes to localsplus slots and builds the PyCodeObject. */
#include "compile_internal.h"

static int
is_jump_op(int op)
{
    switch (op) {
    case C_JUMP_ANY: case JUMP: case JUMP_BACKWARD: case POP_JUMP_IF_FALSE:
    case POP_JUMP_IF_TRUE: case POP_JUMP_IF_NONE: case POP_JUMP_IF_NOT_NONE:
    case JUMP_IF_FALSE_OR_POP: case JUMP_IF_TRUE_OR_POP: case FOR_ITER:
    case SETUP_FINALLY: case SEND:
        return 1;
    default:
        return 0;
    }
}

/* Instructions after which control does not fall through. */
static int
is_terminator(int op)
{
    switch (op) {
    case C_JUMP_ANY: case JUMP: case JUMP_BACKWARD: case RETURN_VALUE:
    case RAISE_VARARGS: case RERAISE:
        return 1;
    default:
        return 0;
    }
}

/* Stack effect of `op` on the fall-through path (jump == 0) or when the
 * jump is taken (jump == 1).  INT_MIN for an unknown opcode. */
static int
stack_effect(int op, int arg, int jump)
{
    switch (op) {
    case NOP: case RESUME: case MAKE_CELL: case COPY_FREE_VARS:
    case DELETE_FAST: case DELETE_DEREF: case DELETE_NAME: case DELETE_GLOBAL:
    case UNARY_NEGATIVE: case UNARY_POSITIVE: case UNARY_NOT: case UNARY_INVERT:
    case LOAD_ATTR: case GET_ITER: case GET_YIELD_FROM_ITER: case LIST_TO_TUPLE:
    case SETUP_ANNOTATIONS: case POP_BLOCK: case CHECK_EXC_MATCH:
    case CHECK_EG_MATCH: case YIELD_VALUE: case GET_AWAITABLE: case GET_AITER:
    case CALL_INTRINSIC_1: case SWAP: case LOAD_FROM_DICT_OR_DEREF:
        return 0;
    case C_JUMP_ANY: case JUMP: case JUMP_BACKWARD:
        return 0;
    case POP_TOP: case STORE_FAST: case STORE_DEREF: case STORE_NAME:
    case STORE_GLOBAL: case DELETE_ATTR: case BINARY_SUBSCR: case BINARY_OP:
    case COMPARE_OP: case IS_OP: case CONTAINS_OP: case LIST_APPEND: case SET_ADD:
    case LIST_EXTEND: case SET_UPDATE: case DICT_UPDATE: case DICT_MERGE:
    case POP_JUMP_IF_FALSE: case POP_JUMP_IF_TRUE: case POP_JUMP_IF_NONE:
    case POP_JUMP_IF_NOT_NONE: case RETURN_VALUE: case IMPORT_NAME:
    case POP_EXCEPT: case RERAISE: case CALL_INTRINSIC_2: case END_SEND:
        return -1;
    case PUSH_NULL: case COPY: case LOAD_CONST: case LOAD_FAST: case LOAD_CLOSURE:
    case LOAD_FAST__LOAD_ATTR: case LOAD_FAST__STORE_ATTR: case LOAD_FAST__BINARY_SUBSCR:
    case LOAD_FAST__STORE_SUBSCR: case LOAD_FAST__BINARY_OP: case LOAD_FAST__COMPARE_OP:
    case LOAD_FAST__OP_ITEM:
    case LOAD_DEREF: case LOAD_NAME: case LOAD_GLOBAL: case LOAD_METHOD:
    case LOAD_BUILD_CLASS: case IMPORT_FROM: case PUSH_EXC_INFO: case BEFORE_WITH:
    case WITH_EXCEPT_START: case LOAD_ASSERTION_ERROR: case GET_ANEXT:
    case BEFORE_ASYNC_WITH: case LOAD_LOCALS: case GET_LEN: case MATCH_MAPPING:
    case MATCH_SEQUENCE: case MATCH_KEYS:
        return 1;
    case STORE_ATTR: case DELETE_SUBSCR: case MAP_ADD: case END_ASYNC_FOR: case MATCH_CLASS:
        return -2;
    case STORE_SUBSCR:
        return -3;
    case BUILD_SLICE:
        return 1 - arg;
    case BUILD_TUPLE: case BUILD_LIST: case BUILD_SET: case BUILD_STRING:
        return 1 - arg;
    case BUILD_MAP:
        return 1 - 2 * arg;
    case BUILD_CONST_KEY_MAP:
        return -arg;
    case FORMAT_VALUE:
        return (arg & 4) ? -1 : 0;
    case UNPACK_SEQUENCE:
        return arg - 1;
    case UNPACK_EX:
        return (arg & 0xff) + (arg >> 8);
    case JUMP_IF_FALSE_OR_POP: case JUMP_IF_TRUE_OR_POP:
        return jump ? 0 : -1;
    case FOR_ITER:
        return jump ? -1 : 1;
    case MAKE_FUNCTION:
        return -((arg & 1) + ((arg >> 1) & 1) + ((arg >> 2) & 1) + ((arg >> 3) & 1));
    case CALL:
        return -(arg + 1);
    case CALL_KW:
        return -(arg + 2);
    case CALL_FUNCTION_EX:
        return -2 - (arg & 1);
    case SETUP_FINALLY:
        return jump ? 1 : 0;    /* the handler starts with the exception */
    case RAISE_VARARGS:
        return -arg;
    case SEND:
        return jump ? -1 : 0;
    default:
        return INT_MIN;
    }
}

typedef struct {
    int depth;      /* -1: not reached yet */
    int blocks;
} flow_state;

/* Walk every reachable path; fill *maxdepth.  -1 with SystemError if the
 * code is inconsistent (a compiler bug, never user input). */
static int
check_flow(c_compiler *c, c_instr *ins, Py_ssize_t n, int *maxdepth)
{
    flow_state *st = PyMem_Malloc((n + 1) * sizeof(flow_state));
    Py_ssize_t *work = PyMem_Malloc((n + 1) * sizeof(Py_ssize_t));
    if (st == NULL || work == NULL) {
        PyMem_Free(st);
        PyMem_Free(work);
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t i = 0; i <= n; i++) {
        st[i].depth = -1;
    }
    Py_ssize_t nwork = 0;
    int maxd = 0;
    const char *bad = NULL;
    Py_ssize_t badi = 0;
#define REACH(idx, d, b) do { \
        Py_ssize_t _t = (idx); \
        if (st[_t].depth < 0) { st[_t].depth = (d); st[_t].blocks = (b); work[nwork++] = _t; } \
        else if (st[_t].depth != (d) || st[_t].blocks != (b)) { bad = "inconsistent stack"; badi = _t; goto done; } \
    } while (0)
    if (n > 0) {
        REACH(0, 0, 0);
    }
    while (nwork > 0) {
        Py_ssize_t i = work[--nwork];
        int depth = st[i].depth, blocks = st[i].blocks;
        /* Run straight-line code from i. */
        for (;;) {
            if (i >= n) {
                bad = "falls off the end";
                badi = i;
                goto done;
            }
            c_instr *in = &ins[i];
            int op = in->op;
            if (is_jump_op(op)) {
                int eff = stack_effect(op, in->arg, 1);
                int tb = blocks;
                int target_depth = depth + eff;
                if (op == SETUP_FINALLY) {
                    if (blocks + 1 > CO_MAXBLOCKS) {
                        bad = "too many blocks";
                        badi = i;
                        goto done;
                    }
                }
                if (target_depth < 0) {
                    bad = "stack underflow";
                    badi = i;
                    goto done;
                }
                if (target_depth > maxd) {
                    maxd = target_depth;
                }
                REACH(in->arg, target_depth, tb);
            }
            int eff = stack_effect(op, in->arg, 0);
            if (eff == INT_MIN) {
                bad = "unknown opcode";
                badi = i;
                goto done;
            }
            depth += eff;
            if (depth < 0) {
                bad = "stack underflow";
                badi = i;
                goto done;
            }
            if (depth > maxd) {
                maxd = depth;
            }
            if (op == SETUP_FINALLY) {
                blocks++;
            }
            else if (op == POP_BLOCK) {
                if (--blocks < 0) {
                    bad = "POP_BLOCK without a block";
                    badi = i;
                    goto done;
                }
            }
            if (is_terminator(op)) {
                break;
            }
            i++;
            if (st[i].depth >= 0) {
                if (st[i].depth != depth || st[i].blocks != blocks) {
                    bad = "inconsistent stack";
                    badi = i;
                    goto done;
                }
                break;
            }
            st[i].depth = depth;
            st[i].blocks = blocks;
        }
    }
#undef REACH
done:
    PyMem_Free(st);
    PyMem_Free(work);
    if (bad != NULL) {
        if (getenv("WEFT_COMPILE_DEBUG")) {
            for (Py_ssize_t k = 0; k < n; k++) {
                fprintf(stderr, "%4zd %s %d\n", k, ins[k].op < _Py_NUM_OPCODES
                        ? _PyOpcode_Names[ins[k].op] : "?", ins[k].arg);
            }
        }
        PyErr_Format(PyExc_SystemError, "compiler bug in %U: %s at instruction %zd",
                     c->u->u_name, bad, badi);
        return -1;
    }
    *maxdepth = maxd;
    return 0;
}

/* A tuple of the dict's keys ordered by their int values. */
static PyObject *
dict_keys_in_order(PyObject *d, Py_ssize_t offset)
{
    Py_ssize_t n = PyDict_GET_SIZE(d);
    PyObject *t = PyTuple_New(n);
    if (t == NULL) {
        return NULL;
    }
    PyObject *k, *v;
    Py_ssize_t pos = 0;
    while (PyDict_Next(d, &pos, &k, &v)) {
        Py_ssize_t i = PyLong_AsSsize_t(v) - offset;
        if (i < 0 || i >= n) {
            Py_DECREF(t);
            PyErr_SetString(PyExc_SystemError, "compiler: bad name index");
            return NULL;
        }
        PyTuple_SET_ITEM(t, i, Py_NewRef(k));
    }
    return t;
}

static int
compute_flags(c_compiler *c, c_unit *u)
{
    _PySTEntry *ste = u->u_ste;
    int flags = 0;
    if (u->u_type == U_FUNCTION || u->u_type == U_LAMBDA || u->u_type == U_COMPREHENSION) {
        flags |= CO_OPTIMIZED | CO_NEWLOCALS;
        if (ste->ste_nested) {
            flags |= CO_NESTED;
        }
        if (ste->ste_generator && !ste->ste_coroutine) {
            flags |= CO_GENERATOR;
        }
        if (!ste->ste_generator && ste->ste_coroutine) {
            flags |= CO_COROUTINE;
        }
        if (ste->ste_generator && ste->ste_coroutine) {
            flags |= CO_ASYNC_GENERATOR;
        }
        if (ste->ste_varargs) {
            flags |= CO_VARARGS;
        }
        if (ste->ste_varkeywords) {
            flags |= CO_VARKEYWORDS;
        }
    }
    if (c->c_future_annotations) {
        flags |= CO_FUTURE_ANNOTATIONS;
    }
    if (c->c_future_barry) {
        flags |= CO_FUTURE_BARRY_AS_BDFL;
    }
    return flags | u->u_flags_extra;
}

PyCodeObject *
_PyCompile_Assemble(c_compiler *c, int addnone)
{
    c_unit *u = c->u;
    if (addnone) {
        /* The implicit `return None` at the end (position of the last
         * statement, so tracebacks point somewhere sensible). */
        if (u->u_ninstrs > 0 && u->u_instrs[u->u_ninstrs - 1].pos.lineno > 0) {
            int line = u->u_instrs[u->u_ninstrs - 1].pos.lineno;
            u->u_loc = _PyCompile_LocOf(line, -1, line, -1);
        }
        int idx = _PyCompile_AddConst(c, Py_None);
        if (idx < 0 || _PyCompile_Addop(c, LOAD_CONST, idx) < 0
            || _PyCompile_Addop(c, RETURN_VALUE, 0) < 0) {
            return NULL;
        }
    }
    Py_ssize_t n = u->u_ninstrs;
    c_instr *ins = u->u_instrs;
    /* Localsplus layout: locals (args first), non-argument cells, frees. */
    Py_ssize_t nlocals = u->u_nvars;
    Py_ssize_t ncells = PyDict_GET_SIZE(u->u_cellvars);
    Py_ssize_t nfree = PyDict_GET_SIZE(u->u_freevars);
    int nargs = u->u_argcount + u->u_kwonlyargcount + u->u_ste->ste_varargs
                + u->u_ste->ste_varkeywords;
    PyObject *varnames = PyTuple_New(nlocals);
    if (varnames != NULL) {
        PyObject *k, *v;
        Py_ssize_t pos = 0;
        while (PyDict_Next(u->u_varnames, &pos, &k, &v)) {
            PyTuple_SET_ITEM(varnames, PyLong_AsSsize_t(v), Py_NewRef(k));
        }
        for (Py_ssize_t i = 0; i < PyList_GET_SIZE(u->u_hidden); i++) {
            PyObject *t = PyList_GET_ITEM(u->u_hidden, i);
            PyTuple_SET_ITEM(varnames, PyLong_AsSsize_t(PyTuple_GET_ITEM(t, 0)),
                             Py_NewRef(PyTuple_GET_ITEM(t, 1)));
        }
        for (Py_ssize_t i = 0; i < nlocals; i++) {
            if (PyTuple_GET_ITEM(varnames, i) == NULL) {
                PyErr_SetString(PyExc_SystemError, "compiler: local slot without a name");
                Py_CLEAR(varnames);
                break;
            }
        }
    }
    PyObject *cellnames = dict_keys_in_order(u->u_cellvars, 0);
    PyObject *freenames = dict_keys_in_order(u->u_freevars, ncells);
    PyObject *lpnames = NULL, *consts = NULL, *names = NULL;
    unsigned char *kinds = NULL;
    int *cellslot = NULL;
    _Py_CODEUNIT *code = NULL;
    _PyCodePosition *pos = NULL;
    PyCodeObject *co = NULL;
    if (varnames == NULL || cellnames == NULL || freenames == NULL) {
        goto done;
    }
    Py_ssize_t nlp = nlocals + nfree;
    cellslot = PyMem_Malloc((ncells + 1) * sizeof(int));
    if (cellslot == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    for (Py_ssize_t k = 0; k < ncells; k++) {
        PyObject *v = PyDict_GetItemWithError(u->u_varnames, PyTuple_GET_ITEM(cellnames, k));
        if (v != NULL && PyLong_AsLong(v) < nargs) {
            cellslot[k] = (int)PyLong_AsLong(v);     /* an argument cell */
        }
        else {
            if (PyErr_Occurred()) {
                goto done;
            }
            cellslot[k] = -1;
            nlp++;
        }
    }
    lpnames = PyTuple_New(nlp);
    kinds = PyMem_Calloc(nlp + 1, 1);
    if (lpnames == NULL || kinds == NULL) {
        if (kinds == NULL) {
            PyErr_NoMemory();
        }
        goto done;
    }
    for (Py_ssize_t i = 0; i < nlocals; i++) {
        PyTuple_SET_ITEM(lpnames, i, Py_NewRef(PyTuple_GET_ITEM(varnames, i)));
        kinds[i] = CO_FAST_LOCAL | (i < nargs ? CO_FAST_ARG : 0);
    }
    Py_ssize_t next = nlocals;
    for (Py_ssize_t k = 0; k < ncells; k++) {
        if (cellslot[k] >= 0) {
            kinds[cellslot[k]] |= CO_FAST_CELL;
        }
        else {
            cellslot[k] = (int)next;
            PyTuple_SET_ITEM(lpnames, next, Py_NewRef(PyTuple_GET_ITEM(cellnames, k)));
            kinds[next++] = CO_FAST_CELL;
        }
    }
    Py_ssize_t free_base = next;
    for (Py_ssize_t k = 0; k < nfree; k++) {
        PyTuple_SET_ITEM(lpnames, next, Py_NewRef(PyTuple_GET_ITEM(freenames, k)));
        kinds[next++] = CO_FAST_FREE;
    }
    /* Resolve labels and deref indexes. */
    for (Py_ssize_t i = 0; i < n; i++) {
        c_instr *in = &ins[i];
        if (in->target >= 0) {
            int t = u->u_labels[in->target];
            if (t < 0) {
                PyErr_SetString(PyExc_SystemError, "compiler: unbound label");
                goto done;
            }
            in->arg = t;
            if (in->op == C_JUMP_ANY) {
                in->op = t <= i ? JUMP_BACKWARD : JUMP;
            }
            in->target = -1;
        }
        if (in->deref) {
            in->arg = in->arg < ncells ? cellslot[in->arg]
                                       : (int)(free_base + in->arg - ncells);
            in->deref = 0;
        }
    }
    int maxdepth = 0;
    if (check_flow(c, ins, n, &maxdepth) < 0) {
        goto done;
    }
    code = PyMem_Malloc((n + 1) * sizeof(_Py_CODEUNIT));
    pos = PyMem_Malloc((n + 1) * sizeof(_PyCodePosition));
    if (code == NULL || pos == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        code[i] = _Py_MAKECODEUNIT(ins[i].op, ins[i].arg);
        pos[i] = ins[i].pos;
        if (pos[i].col < 0 || pos[i].end_col < 0) {
            pos[i].col = pos[i].end_col = -1;
        }
    }
    consts = PyList_AsTuple(u->u_consts_list);
    names = dict_keys_in_order(u->u_names, 0);
    if (consts == NULL || names == NULL) {
        goto done;
    }
    co = _PyCode_New(c->c_filename, u->u_name, u->u_qualname ? u->u_qualname : u->u_name,
                     compute_flags(c, u), u->u_argcount, u->u_posonlyargcount,
                     u->u_kwonlyargcount, u->u_firstlineno, maxdepth, code, pos, n,
                     consts, names, lpnames, kinds);
    code = NULL;
    pos = NULL;
    kinds = NULL;
done:
    PyMem_Free(code);
    PyMem_Free(pos);
    PyMem_Free(kinds);
    PyMem_Free(cellslot);
    Py_XDECREF(varnames);
    Py_XDECREF(cellnames);
    Py_XDECREF(freenames);
    Py_XDECREF(lpnames);
    Py_XDECREF(consts);
    Py_XDECREF(names);
    return co;
}
