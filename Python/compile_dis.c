/* compile_dis.c: a text disassembler for code objects (_PyCode_Disassemble),
 * used by the compiler's tests to check emitted bytecode. */
#include "Python.h"
#include "pycore_compile.h"

static int
is_jump(int op)
{
    switch (op) {
    case JUMP: case JUMP_BACKWARD: case POP_JUMP_IF_FALSE:
    case POP_JUMP_IF_TRUE: case POP_JUMP_IF_NONE: case POP_JUMP_IF_NOT_NONE:
    case JUMP_IF_FALSE_OR_POP: case JUMP_IF_TRUE_OR_POP: case FOR_ITER:
    case SETUP_FINALLY: case SEND:
        return 1;
    default:
        return 0;
    }
}

static const char *const binop_symbols[] = {
#define _Py_BINOP_SYM(name, sym) sym,
    _Py_FOR_EACH_BINOP(_Py_BINOP_SYM)
#undef _Py_BINOP_SYM
};

static const unsigned char has_arg[_Py_NUM_OPCODES] = {
#define _Py_OPCODE_HASARG(name, arg) [name] = arg,
    _Py_FOR_EACH_OPCODE(_Py_OPCODE_HASARG)
#undef _Py_OPCODE_HASARG
};

static const char *const cmp_symbols[] = {"<", "<=", "==", "!=", ">", ">="};

/* Print repr(obj) to out; -1 if repr failed. */
static int
print_repr(PyObject *obj, FILE *out)
{
    PyObject *r = PyObject_Repr(obj);
    if (r == NULL) {
        return -1;
    }
    const char *s = PyUnicode_AsUTF8AndSize(r, NULL);
    if (s == NULL) {
        Py_DECREF(r);
        return -1;
    }
    fputs(s, out);
    Py_DECREF(r);
    return 0;
}

static int
print_str_item(PyObject *tuple, int i, FILE *out)
{
    if (tuple == NULL || i < 0 || i >= PyTuple_GET_SIZE(tuple)) {
        fputs("<out of range>", out);
        return 0;
    }
    const char *s = PyUnicode_AsUTF8AndSize(PyTuple_GET_ITEM(tuple, i), NULL);
    if (s == NULL) {
        return -1;
    }
    fputs(s, out);
    return 0;
}

/* The parenthesised meaning of the argument, if it has one. */
static int
print_meaning(PyCodeObject *co, int op, int arg, FILE *out)
{
    int rc = 0;
    switch (op) {
    case LOAD_CONST:
        fputs(" (", out);
        if (arg < PyTuple_GET_SIZE(co->co_consts)) {
            rc = print_repr(PyTuple_GET_ITEM(co->co_consts, arg), out);
        }
        else {
            fputs("<out of range>", out);
        }
        fputc(')', out);
        break;
    case LOAD_NAME: case STORE_NAME: case DELETE_NAME: case LOAD_GLOBAL:
    case STORE_GLOBAL: case DELETE_GLOBAL: case LOAD_ATTR: case LOAD_METHOD:
    case STORE_ATTR: case DELETE_ATTR: case IMPORT_NAME: case IMPORT_FROM:
        fputs(" (", out);
        rc = print_str_item(co->co_names, arg, out);
        fputc(')', out);
        break;
    case LOAD_FAST: case STORE_FAST: case DELETE_FAST: case MAKE_CELL:
    case LOAD_FAST__LOAD_ATTR: case LOAD_FAST__STORE_ATTR: case LOAD_FAST__BINARY_SUBSCR:
    case LOAD_FAST__STORE_SUBSCR: case LOAD_FAST__BINARY_OP: case LOAD_FAST__COMPARE_OP:
    case LOAD_FAST__OP_ITEM:
    case LOAD_CLOSURE: case LOAD_DEREF: case LOAD_FROM_DICT_OR_DEREF:
    case STORE_DEREF: case DELETE_DEREF:
        fputs(" (", out);
        rc = print_str_item(co->co_localsplusnames, arg, out);
        fputc(')', out);
        break;
    case BINARY_OP:
        if (arg >= 0 && arg < 2 * _Py_BINOP_NUM_PLAIN) {
            fprintf(out, " (%s%s)", binop_symbols[arg % _Py_BINOP_NUM_PLAIN],
                    arg >= _Py_BINOP_NUM_PLAIN ? "=" : "");
        }
        break;
    case COMPARE_OP:
        if (arg >= 0 && arg < 6) {
            fprintf(out, " (%s)", cmp_symbols[arg]);
        }
        break;
    case IS_OP:
        fputs(arg ? " (is not)" : " (is)", out);
        break;
    case CONTAINS_OP:
        fputs(arg ? " (not in)" : " (in)", out);
        break;
    default:
        if (is_jump(op)) {
            fprintf(out, " (to %d)", arg);
        }
        break;
    }
    return rc;
}

int
_PyCode_Disassemble(PyCodeObject *co, FILE *out)
{
    /* Mark jump targets first so the listing can flag them. */
    unsigned char *target = PyMem_Calloc(co->co_ncode + 1, 1);
    if (target == NULL && co->co_ncode > 0) {
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t i = 0; i < co->co_ncode; i++) {
        int op = _Py_OPCODE(co->co_code[i]);
        int arg = _Py_OPARG(co->co_code[i]);
        if (is_jump(op) && arg >= 0 && arg <= co->co_ncode) {
            target[arg] = 1;
        }
    }
    int lastline = -2;
    for (Py_ssize_t i = 0; i < co->co_ncode; i++) {
        int op = _Py_OPCODE(co->co_code[i]);
        int arg = _Py_OPARG(co->co_code[i]);
        int line = co->co_positions ? co->co_positions[i].lineno : -1;
        if (line != lastline) {
            if (i > 0) {
                fputc('\n', out);
            }
            if (line >= 0) {
                fprintf(out, "%4d", line);
            }
            else {
                fputs("  --", out);
            }
            lastline = line;
        }
        else {
            fputs("    ", out);
        }
        fprintf(out, " %2s %4zd %s", target[i] ? ">>" : "", i,
                op < _Py_NUM_OPCODES ? _PyOpcode_Names[op] : "<unknown>");
        if (op >= _Py_NUM_OPCODES || has_arg[op] || arg != 0) {
            fprintf(out, " %d", arg);
        }
        if (op < _Py_NUM_OPCODES && print_meaning(co, op, arg, out) < 0) {
            PyMem_Free(target);
            return -1;
        }
        fputc('\n', out);
    }
    PyMem_Free(target);
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(co->co_consts); i++) {
        PyObject *c = PyTuple_GET_ITEM(co->co_consts, i);
        if (PyCode_Check(c)) {
            /* No address, so listings can be compared verbatim. */
            PyCodeObject *inner = (PyCodeObject *)c;
            fputs("\nDisassembly of <code object ", out);
            const char *name = PyUnicode_AsUTF8AndSize(inner->co_name, NULL);
            if (name == NULL) {
                return -1;
            }
            fputs(name, out);
            fprintf(out, ", line %d>:\n", inner->co_firstlineno);
            if (_PyCode_Disassemble((PyCodeObject *)c, out) < 0) {
                return -1;
            }
        }
    }
    return 0;
}
