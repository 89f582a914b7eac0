#!/usr/bin/env python3
"""gen_ast.py: generate Weft's AST C code from an ASDL-like description.

Outputs (all committed, so building needs no Python):
  Include/internal/pycore_ast.h   node structs, enums, constructor prototypes
  Python/ast.c              arena constructors for every node and sequence
  test/parser/astdump_nodes.h     ast.dump()-style printers used by astdump.c
  Python/ast_nodes.h        the _ast module's node classes and the C AST <->
                            Python object conversions (used by Python-ast.c)

The description mirrors Python's ast module (3.12 grammar without the
type statement; fields as Python 3.11's ast so ast.dump output compares
directly).  Run from the repository root:  python3 Tools/gen_ast.py
"""
import re
import sys

ASDL = r"""
mod = Module(stmt* body, type_ignore* type_ignores)
    | Interactive(stmt* body)
    | Expression(expr body)

stmt = FunctionDef(identifier name, arguments args, stmt* body, expr* decorator_list, expr? returns, string? type_comment)
     | AsyncFunctionDef(identifier name, arguments args, stmt* body, expr* decorator_list, expr? returns, string? type_comment)
     | ClassDef(identifier name, expr* bases, keyword* keywords, stmt* body, expr* decorator_list)
     | Return(expr? value)
     | Delete(expr* targets)
     | Assign(expr* targets, expr value, string? type_comment)
     | AugAssign(expr target, operator op, expr value)
     | AnnAssign(expr target, expr annotation, expr? value, int simple)
     | For(expr target, expr iter, stmt* body, stmt* orelse, string? type_comment)
     | AsyncFor(expr target, expr iter, stmt* body, stmt* orelse, string? type_comment)
     | While(expr test, stmt* body, stmt* orelse)
     | If(expr test, stmt* body, stmt* orelse)
     | With(withitem* items, stmt* body, string? type_comment)
     | AsyncWith(withitem* items, stmt* body, string? type_comment)
     | Match(expr subject, match_case* cases)
     | Raise(expr? exc, expr? cause)
     | Try(stmt* body, excepthandler* handlers, stmt* orelse, stmt* finalbody)
     | TryStar(stmt* body, excepthandler* handlers, stmt* orelse, stmt* finalbody)
     | Assert(expr test, expr? msg)
     | Import(alias* names)
     | ImportFrom(identifier? module, alias* names, int level)
     | Global(identifier* names)
     | Nonlocal(identifier* names)
     | Expr(expr value)
     | Pass
     | Break
     | Continue
     attributes (int lineno, int col_offset, int end_lineno, int end_col_offset)

expr = BoolOp(boolop op, expr* values)
     | NamedExpr(expr target, expr value)
     | BinOp(expr left, operator op, expr right)
     | UnaryOp(unaryop op, expr operand)
     | Lambda(arguments args, expr body)
     | IfExp(expr test, expr body, expr orelse)
     | Dict(expr* keys, expr* values)
     | Set(expr* elts)
     | ListComp(expr elt, comprehension* generators)
     | SetComp(expr elt, comprehension* generators)
     | DictComp(expr key, expr value, comprehension* generators)
     | GeneratorExp(expr elt, comprehension* generators)
     | Await(expr value)
     | Yield(expr? value)
     | YieldFrom(expr value)
     | Compare(expr left, cmpop* ops, expr* comparators)
     | Call(expr func, expr* args, keyword* keywords)
     | FormattedValue(expr value, int conversion, expr? format_spec)
     | JoinedStr(expr* values)
     | Constant(constant value, string? kind)
     | Attribute(expr value, identifier attr, expr_context ctx)
     | Subscript(expr value, expr slice, expr_context ctx)
     | Starred(expr value, expr_context ctx)
     | Name(identifier id, expr_context ctx)
     | List(expr* elts, expr_context ctx)
     | Tuple(expr* elts, expr_context ctx)
     | Slice(expr? lower, expr? upper, expr? step)
     attributes (int lineno, int col_offset, int end_lineno, int end_col_offset)

expr_context = Load | Store | Del
boolop = And | Or
operator = Add | Sub | Mult | MatMult | Div | Mod | Pow | LShift | RShift | BitOr | BitXor | BitAnd | FloorDiv
unaryop = Invert | Not | UAdd | USub
cmpop = Eq | NotEq | Lt | LtE | Gt | GtE | Is | IsNot | In | NotIn

comprehension = (expr target, expr iter, expr* ifs, int is_async)

excepthandler = ExceptHandler(expr? type, identifier? name, stmt* body)
     attributes (int lineno, int col_offset, int end_lineno, int end_col_offset)

arguments = (arg* posonlyargs, arg* args, arg? vararg, arg* kwonlyargs, expr* kw_defaults, arg? kwarg, expr* defaults)

arg = (identifier arg, expr? annotation, string? type_comment)
     attributes (int lineno, int col_offset, int end_lineno, int end_col_offset)

keyword = (identifier? arg, expr value)
     attributes (int lineno, int col_offset, int end_lineno, int end_col_offset)

alias = (identifier name, identifier? asname)
     attributes (int lineno, int col_offset, int end_lineno, int end_col_offset)

withitem = (expr context_expr, expr? optional_vars)

match_case = (pattern pattern, expr? guard, stmt* body)

pattern = MatchValue(expr value)
     | MatchSingleton(constant value)
     | MatchSequence(pattern* patterns)
     | MatchMapping(expr* keys, pattern* patterns, identifier? rest)
     | MatchClass(expr cls, pattern* patterns, identifier* kwd_attrs, pattern* kwd_patterns)
     | MatchStar(identifier? name)
     | MatchAs(pattern? pattern, identifier? name)
     | MatchOr(pattern* patterns)
     attributes (int lineno, int col_offset, int end_lineno, int end_col_offset)
"""

BUILTIN = {"identifier", "string", "int", "constant", "type_ignore"}


class Field:
    def __init__(self, typ, name, opt, seq):
        self.typ, self.name, self.opt, self.seq = typ, name, opt, seq


def parse_fields(text):
    fields = []
    text = text.strip()
    if not text:
        return fields
    for part in text.split(","):
        m = re.match(r"\s*(\w+)([*?]?)\s+(\w+)\s*$", part)
        if not m:
            sys.exit("bad field: %r" % part)
        fields.append(Field(m.group(1), m.group(3), m.group(2) == "?", m.group(2) == "*"))
    return fields


def parse(text):
    """Returns list of (name, kind, data): kind 'sum' (ctors, attrs),
    'enum' (names) or 'product' (fields, attrs)."""
    defs = []
    body = re.sub(r"\n\s*\|", " |", text)
    body = re.sub(r"\n\s+attributes", " attributes", body)
    for line in body.strip().split("\n"):
        line = line.strip()
        if not line:
            continue
        name, rhs = [s.strip() for s in line.split("=", 1)]
        attrs = []
        m = re.search(r"attributes\s*\((.*)\)\s*$", rhs)
        if m:
            attrs = parse_fields(m.group(1))
            rhs = rhs[:m.start()].strip()
        if rhs.startswith("("):
            defs.append((name, "product", (parse_fields(rhs[1:-1]), attrs)))
            continue
        ctors = []
        for alt in rhs.split("|"):
            alt = alt.strip()
            m = re.match(r"(\w+)\s*(?:\((.*)\))?$", alt)
            ctors.append((m.group(1), parse_fields(m.group(2) or "")))
        if all(not f for _, f in ctors) and not attrs:
            defs.append((name, "enum", [c for c, _ in ctors]))
        else:
            defs.append((name, "sum", (ctors, attrs)))
    return defs


DEFS = parse(ASDL)
ENUMS = {n for n, k, _ in DEFS if k == "enum"}


def ctype(f):
    if f.seq:
        if f.typ in ENUMS:
            return "asdl_int_seq *"
        if f.typ == "type_ignore":
            return "asdl_seq *"
        return "asdl_%s_seq *" % f.typ
    if f.typ == "identifier":
        return "identifier "
    if f.typ == "string":
        return "const char *"
    if f.typ == "int":
        return "int "
    if f.typ == "constant":
        return "constant "
    return "%s_ty " % f.typ


def gen_header():
    o = []
    w = o.append
    w("""/* pycore_ast.h: the abstract syntax tree (GENERATED by Tools/gen_ast.py; edit the
 * description there, not this file).
 *
 * The tree mirrors Python's `ast` module: the same node names, field names and
 * field order (Python 3.12 grammar without `type`; no type_params).
 * Everything lives in one PyArena (pycore_pyarena.h) and is freed with it.
 *
 * Conventions for the compiler:
 *  - A sum type (stmt, expr, ...) is a pointer to a struct holding `kind`
 *    (X_kind), a union `v` with one member per constructor (v.X.field) and the
 *    location attributes.  A product type (arguments, arg, ...) is a pointer to
 *    a plain struct.  Enumerations (expr_context, operator, ...) are C enums
 *    starting at 1.
 *  - Optional fields (`?` in the description) are NULL when absent.  In
 *    `Dict.keys` a NULL element stands for `**mapping`; in
 *    `arguments.kw_defaults` a NULL element means "no default".
 *  - Sequences are asdl_T_seq: `size` then `typed_elements[size]`; a NULL
 *    sequence pointer is the empty sequence (use asdl_seq_LEN).
 *  - identifier / string: arena-allocated NUL-terminated UTF-8.
 *  - Locations: lineno/end_lineno are 1-based lines; col_offset/end_col_offset
 *    are 0-based UTF-8 byte offsets within the line, as in CPython.
 *  - constant: see the struct below.
 */
#ifndef Py_INTERNAL_AST_H
#define Py_INTERNAL_AST_H

#include "pyport.h"
#include "pycore_pyarena.h"

typedef const char *identifier;

/* A literal value.  The parser does not build Python objects, so numbers keep
 * their text and the compiler converts them:
 *   CONST_INT      data = digits without prefix and underscores, in `base`
 *                  (2, 8, 10 or 16), e.g. 0x_FF -> "FF", base 16.
 *   CONST_FLOAT    data = literal text without underscores, e.g. "1e-3", "1.".
 *   CONST_IMAG     data = text of the imaginary part without the 'j'/'J'.
 *   CONST_STR      data/len = the decoded value as UTF-8.  It may contain NUL.
 *                  Lone surrogates (from "\\ud800" escapes) are stored as their
 *                  3-byte generalized UTF-8 form (ED A0 80 .. ED BF BF), so the
 *                  data is not strictly valid UTF-8 then.
 *   CONST_BYTES    data/len = the raw byte values.
 *   CONST_NONE, CONST_TRUE, CONST_FALSE, CONST_ELLIPSIS carry no data.
 * `data` is always NUL-terminated (after `len` bytes). */
typedef enum {
    CONST_NONE = 1,
    CONST_TRUE,
    CONST_FALSE,
    CONST_ELLIPSIS,
    CONST_INT,
    CONST_FLOAT,
    CONST_IMAG,
    CONST_STR,
    CONST_BYTES
} constant_kind;

typedef struct {
    constant_kind kind;
    int base;
    const char *data;
    Py_ssize_t len;
} constant;

/* Sequences. */
typedef struct {
    Py_ssize_t size;
    void *elements[];
} asdl_seq;

typedef struct {
    Py_ssize_t size;
    int typed_elements[];
} asdl_int_seq;

typedef struct {
    Py_ssize_t size;
    identifier typed_elements[];
} asdl_identifier_seq;

#define asdl_seq_LEN(S) ((S) == NULL ? (Py_ssize_t)0 : (S)->size)
#define asdl_seq_GET(S, I) ((S)->typed_elements[(I)])
#define asdl_seq_SET(S, I, V) ((S)->typed_elements[(I)] = (V))

asdl_seq *_Py_asdl_generic_seq_new(Py_ssize_t size, PyArena *arena);
asdl_int_seq *_Py_asdl_int_seq_new(Py_ssize_t size, PyArena *arena);
asdl_identifier_seq *_Py_asdl_identifier_seq_new(Py_ssize_t size, PyArena *arena);
""")
    for name, kind, data in DEFS:
        if kind == "enum":
            w("typedef enum _%s {" % name)
            w(",\n".join("    %s = %d" % (c, i + 1) for i, c in enumerate(data)))
            w("} %s_ty;\n" % name)
    for name, kind, data in DEFS:
        if kind != "enum":
            w("typedef struct _%s *%s_ty;" % (name, name))
    w("")
    for name, kind, data in DEFS:
        if kind != "enum":
            w("typedef struct {\n    Py_ssize_t size;\n    %s_ty typed_elements[];\n} asdl_%s_seq;" % (name, name))
            w("asdl_%s_seq *_Py_asdl_%s_seq_new(Py_ssize_t size, PyArena *arena);\n" % (name, name))
    for name, kind, data in DEFS:
        if kind == "sum":
            ctors, attrs = data
            w("enum _%s_kind {" % name)
            w(",\n".join("    %s_kind = %d" % (c, i + 1) for i, (c, _) in enumerate(ctors)))
            w("};\n")
            w("struct _%s {\n    enum _%s_kind kind;\n    union {" % (name, name))
            for c, fields in ctors:
                if fields:
                    w("        struct {")
                    for f in fields:
                        w("            %s%s;" % (ctype(f), f.name))
                    w("        } %s;" % c)
            w("    } v;")
            for a in attrs:
                w("    %s%s;" % (ctype(a), a.name))
            w("};\n")
        elif kind == "product":
            fields, attrs = data
            w("struct _%s {" % name)
            for f in fields + attrs:
                w("    %s%s;" % (ctype(f), f.name))
            w("};\n")
    w("/* Constructors: allocate in `arena`; NULL when out of memory. */")
    for proto, _ in constructors():
        w(proto + ";")
    w("\n#endif /* Py_INTERNAL_AST_H */")
    return "\n".join(o) + "\n"


def constructors():
    out = []
    for name, kind, data in DEFS:
        if kind == "sum":
            ctors, attrs = data
            for c, fields in ctors:
                params = fields + attrs
                ps = ", ".join("%s%s" % (ctype(f), f.name) for f in params)
                proto = "%s_ty _PyAST_%s(%s%sPyArena *arena)" % (name, c, ps, ", " if ps else "")
                body = ["    %s_ty p = _PyArena_Calloc(arena, sizeof(*p));" % name,
                        "    if (p == NULL) {\n        return NULL;\n    }",
                        "    p->kind = %s_kind;" % c]
                for f in fields:
                    body.append("    p->v.%s.%s = %s;" % (c, f.name, f.name))
                for a in attrs:
                    body.append("    p->%s = %s;" % (a.name, a.name))
                body.append("    return p;")
                out.append((proto, body))
        elif kind == "product":
            fields, attrs = data
            params = fields + attrs
            ps = ", ".join("%s%s" % (ctype(f), f.name) for f in params)
            proto = "%s_ty _PyAST_%s(%s, PyArena *arena)" % (name, name, ps)
            body = ["    %s_ty p = _PyArena_Calloc(arena, sizeof(*p));" % name,
                    "    if (p == NULL) {\n        return NULL;\n    }"]
            for f in params:
                body.append("    p->%s = %s;" % (f.name, f.name))
            body.append("    return p;")
            out.append((proto, body))
    return out


def gen_c():
    o = ["""/* ast.c: arena constructors for AST nodes and sequences
 * (GENERATED by Tools/gen_ast.py; do not edit). */
#include "pycore_ast.h"

#define SEQ_NEW(TYPE, ELEM)                                                  \\
    TYPE *                                                                   \\
    _Py_##TYPE##_new(Py_ssize_t size, PyArena *arena)                        \\
    {                                                                        \\
        if (size < 0 || (size_t)size > ((size_t)1 << 40)) {                  \\
            return NULL;                                                     \\
        }                                                                    \\
        TYPE *s = _PyArena_Calloc(arena, sizeof(TYPE) + (size_t)size * sizeof(ELEM)); \\
        if (s != NULL) {                                                     \\
            s->size = size;                                                  \\
        }                                                                    \\
        return s;                                                            \\
    }

SEQ_NEW(asdl_generic_seq, void *)
SEQ_NEW(asdl_int_seq, int)
SEQ_NEW(asdl_identifier_seq, identifier)
"""]
    # asdl_generic_seq is spelled asdl_seq in the header.
    o[0] = o[0].replace("SEQ_NEW(asdl_generic_seq, void *)",
                        "typedef asdl_seq asdl_generic_seq;\nSEQ_NEW(asdl_generic_seq, void *)")
    for name, kind, data in DEFS:
        if kind != "enum":
            o.append("SEQ_NEW(asdl_%s_seq, %s_ty)" % (name, name))
    o.append("")
    for proto, body in constructors():
        o.append(proto.replace(" _PyAST_", "\n_PyAST_", 1) + "\n{\n" + "\n".join(body) + "\n}\n")
    return "\n".join(o)


def dump_value(f, expr):
    """C statements printing field value `expr` of field f."""
    if f.seq:
        if f.typ in ENUMS:
            elem = "dump_%s((%s_ty)asdl_seq_GET(%s, i))" % (f.typ, f.typ, expr)
        elif f.typ == "identifier":
            elem = "dump_str(asdl_seq_GET(%s, i))" % expr
        elif f.typ == "type_ignore":
            return 'put("[]");'
        else:
            elem = "dump_%s(asdl_seq_GET(%s, i))" % (f.typ, expr)
        return ('put("[");\n    for (Py_ssize_t i = 0; i < asdl_seq_LEN(%s); i++) {\n'
                '        if (i) {\n            put(", ");\n        }\n        %s;\n    }\n    put("]");' % (expr, elem))
    if f.typ in ("identifier", "string"):
        return "dump_str(%s);" % expr
    if f.typ == "int":
        return "dump_int(%s);" % expr
    if f.typ == "constant":
        return "dump_constant(&%s);" % expr
    return "dump_%s(%s);" % (f.typ, expr)


def gen_dump():
    o = ["/* astdump_nodes.h: ast.dump()-style printers for every node type\n"
         " * (GENERATED by Tools/gen_ast.py; included by astdump.c). */\n",
         "/* Separator and `name=` before each field. */\n"
         "static void\nfield(int *first, const char *name)\n{\n"
         "    if (!*first) {\n        put(\", \");\n    }\n    *first = 0;\n"
         "    put(name);\n    put(\"=\");\n}\n"]
    for name, kind, data in DEFS:
        if kind == "enum":
            o.append("static void dump_%s(%s_ty v);" % (name, name))
        else:
            o.append("static void dump_%s(%s_ty n);" % (name, name))
    o.append("")

    def fields_code(fields, prefix):
        lines = ["    int first = 1;"]
        for f in fields:
            ex = prefix + f.name
            val = dump_value(f, ex)
            sep = 'field(&first, "%s");' % f.name
            if f.opt:
                val = val.replace("\n", "\n    ")
                lines.append("    if (%s) {\n        %s\n        %s\n    }" % (ex, sep, val))
            else:
                lines.append("    %s\n    %s" % (sep, val))
        return lines

    def attrs_code(attrs):
        lines = ["    if (show_attributes) {"]
        for a in attrs:
            lines.append('        field(&first, "%s");\n        dump_int(n->%s);'
                         % (a.name, a.name))
        lines.append("    }")
        return lines

    for name, kind, data in DEFS:
        if kind == "enum":
            o.append("static void\ndump_%s(%s_ty v)\n{\n    switch (v) {" % (name, name))
            for c in data:
                o.append('    case %s: put("%s()"); break;' % (c, c))
            o.append('    default: put("<bad %s>"); break;\n    }\n}\n' % name)
        elif kind == "sum":
            ctors, attrs = data
            o.append("static void\ndump_%s(%s_ty n)\n{\n    if (n == NULL) {\n        put(\"None\");\n        return;\n    }"
                     % (name, name))
            o.append("    int first = 1;\n    (void)first;\n    switch (n->kind) {")
            for c, fields in ctors:
                o.append('    case %s_kind: {\n    put("%s(");' % (c, c))
                o.extend("    " + l for l in fields_code(fields, "n->v.%s." % c)[1:])
                o.append("    break; }")
            o.append('    default: put("<bad %s>"); return;\n    }' % name)
            if attrs:
                o.extend(attrs_code(attrs))
            o.append('    put(")");\n}\n')
        else:
            fields, attrs = data
            o.append("static void\ndump_%s(%s_ty n)\n{\n    if (n == NULL) {\n        put(\"None\");\n        return;\n    }"
                     % (name, name))
            o.append('    put("%s(");' % name)
            o.extend(fields_code(fields, "n->"))
            if attrs:
                o.extend(attrs_code(attrs))
            o.append('    (void)first;\n    put(")");\n}\n')
    return "\n".join(o) + "\n"


# ---------------------------------------------------------------- _ast module

def pyast_classes():
    """[(class name, base name or None, fields, attrs, def name, kind)] in
    creation order (bases first)."""
    out = []
    for name, kind, data in DEFS:
        if kind == "enum":
            out.append((name, None, [], [], name, "abstract"))
            for c in data:
                out.append((c, name, [], [], name, "enumval"))
        elif kind == "sum":
            ctors, attrs = data
            out.append((name, None, [], attrs, name, "abstract"))
            for c, fields in ctors:
                out.append((c, name, fields, attrs, name, "ctor"))
        else:
            fields, attrs = data
            out.append((name, None, fields, attrs, name, "product"))
    return out


def field_kind(f, is_attr):
    if f.seq:
        return "F_SEQ"
    if f.opt or (is_attr and f.name.startswith("end_")):
        return "F_OPT"
    return "F_REQ"


def field_doc(f):
    return "%s%s %s" % (f.typ, "*" if f.seq else "?" if f.opt else "", f.name)


def c_elem_to_obj(f, expr):
    """C expression converting one value (not a sequence) to a new ref."""
    if f.typ in ENUMS:
        return "ast2obj_%s(%s)" % (f.typ, expr)
    if f.typ == "identifier":
        return "ast2obj_identifier(%s)" % expr
    if f.typ == "string":
        return "ast2obj_string(%s)" % expr
    if f.typ == "int":
        return "PyLong_FromLong(%s)" % expr
    if f.typ == "constant":
        return "ast2obj_constant(&%s)" % expr
    return "ast2obj_%s(%s)" % (f.typ, expr)


def gen_ast2obj_field(f, expr, owner):
    o = []
    w = o.append
    if f.seq:
        if f.typ == "type_ignore":
            w("    v = PyList_New(0);")
        else:
            if f.typ in ENUMS:
                elem = c_elem_to_obj(f, "(%s_ty)asdl_seq_GET(%s, i)" % (f.typ, expr))
            else:
                elem = c_elem_to_obj(f, "asdl_seq_GET(%s, i)" % expr)
            w("    v = PyList_New(asdl_seq_LEN(%s));" % expr)
            w("    for (Py_ssize_t i = 0; v != NULL && i < asdl_seq_LEN(%s); i++) {" % expr)
            w("        PyObject *e = %s;" % elem)
            w("        if (e == NULL) {\n            Py_CLEAR(v);\n            break;\n        }")
            w("        PyList_SET_ITEM(v, i, e);")
            w("    }")
    else:
        w("    v = %s;" % c_elem_to_obj(f, expr))
    w('    if (set_field(r, "%s", v) < 0) {\n        goto fail;\n    }' % f.name)
    return o


def obj_to_c(f, src, dst, owner):
    """C statements converting PyObject *src to C lvalue dst (one value)."""
    if f.typ in ENUMS:
        return "if (obj2ast_%s(%s, &%s) < 0) {\n    goto fail;\n}" % (f.typ, src, dst)
    if f.typ == "identifier":
        return "if (obj2ast_identifier(%s, &%s, arena) < 0) {\n    goto fail;\n}" % (src, dst)
    if f.typ == "string":
        return "if (obj2ast_string(%s, &%s, arena) < 0) {\n    goto fail;\n}" % (src, dst)
    if f.typ == "int":
        return "if (obj2ast_int(%s, &%s) < 0) {\n    goto fail;\n}" % (src, dst)
    if f.typ == "constant":
        return "if (obj2ast_constant(%s, &%s, arena) < 0) {\n    goto fail;\n}" % (src, dst)
    return "if (obj2ast_%s(%s, &%s, arena) < 0) {\n    goto fail;\n}" % (f.typ, src, dst)


def indent(text, n):
    pad = " " * n
    return "\n".join(pad + l if l else l for l in text.split("\n"))


def gen_obj2ast_field(f, owner, var, is_attr=False):
    """Declares C var `var` and fills it from field f of obj."""
    o = []
    w = o.append
    kind = field_kind(f, is_attr)
    if f.seq:
        if f.typ in ENUMS:
            ctyp, newf = "asdl_int_seq *", "_Py_asdl_int_seq_new"
        elif f.typ == "identifier":
            ctyp, newf = "asdl_identifier_seq *", "_Py_asdl_identifier_seq_new"
        elif f.typ == "type_ignore":
            ctyp, newf = "asdl_seq *", "_Py_asdl_generic_seq_new"
        else:
            ctyp, newf = "asdl_%s_seq *" % f.typ, "_Py_asdl_%s_seq_new" % f.typ
        w("    %s%s = NULL;" % (ctyp, var))
        w('    if (get_field(obj, "%s", "%s", %s, &tmp) < 0) {\n        goto fail;\n    }' % (f.name, owner, kind))
        w("    if (tmp != NULL) {")
        w('        Py_ssize_t n = list_field_len(tmp, "%s", "%s");' % (owner, f.name))
        w("        if (n < 0) {\n            goto fail;\n        }")
        w("        %s = %s(n, arena);" % (var, newf))
        w("        if (%s == NULL) {\n            PyErr_NoMemory();\n            goto fail;\n        }" % var)
        if f.typ == "type_ignore":
            w("        (void)%s;" % var)
        else:
            w("        for (Py_ssize_t i = 0; i < n; i++) {")
            w('            if (PyList_GET_SIZE(tmp) != n) {')
            w('                PyErr_Format(PyExc_RuntimeError, "%s field \\"%s\\" changed size during iteration");' % (owner, f.name))
            w("                goto fail;\n            }")
            w("            PyObject *item = Py_NewRef(PyList_GET_ITEM(tmp, i));")
            if f.typ in ENUMS:
                w("            %s_ty val;" % f.typ)
            elif f.typ == "identifier":
                w("            identifier val;")
            else:
                w("            %s_ty val;" % f.typ)
            conv = obj_to_c(f, "item", "val", owner).replace("goto fail;", "Py_DECREF(item);\n    goto fail;")
            if f.typ in ("expr", "stmt", "pattern"):
                # None stands for a missing element (Dict.keys, kw_defaults);
                # _PyAST_Validate rejects it elsewhere.
                w("            val = NULL;")
                conv = "if (item != Py_None) {\n" + indent(conv, 4) + "\n}"
            w(indent(conv, 12))
            w("            Py_DECREF(item);")
            w("            asdl_seq_SET(%s, i, val);" % var)
            w("        }")
        w("        Py_CLEAR(tmp);")
        w("    }")
        return o
    if f.typ in ENUMS:
        w("    %s_ty %s = 0;" % (f.typ, var))
    elif f.typ == "identifier":
        w("    identifier %s = NULL;" % var)
    elif f.typ == "string":
        w("    const char *%s = NULL;" % var)
    elif f.typ == "int":
        w("    int %s = 0;" % var)
    elif f.typ == "constant":
        w("    constant %s = {0, 0, NULL, 0};" % var)
    else:
        w("    %s_ty %s = NULL;" % (f.typ, var))
    w('    if (get_field(obj, "%s", "%s", %s, &tmp) < 0) {\n        goto fail;\n    }' % (f.name, owner, kind))
    w("    if (tmp != NULL) {")
    w(indent(obj_to_c(f, "tmp", var, owner), 8))
    w("        Py_CLEAR(tmp);")
    w("    }")
    if is_attr and f.name in ("end_lineno", "end_col_offset"):
        w("    else {\n        %s = %s;\n    }" % (var, var.replace("end_", "")))
    return o


def gen_pyast():
    classes = pyast_classes()
    idx = {c[0]: i for i, c in enumerate(classes)}
    o = []
    w = o.append
    w("/* ast_nodes.h: the node classes of the `_ast` module and the conversions")
    w(" * between the C AST (pycore_ast.h) and Python node objects (GENERATED by")
    w(" * Tools/gen_ast.py; included by Python-ast.c; do not edit). */\n")
    w("enum {")
    for i, c in enumerate(classes):
        w("    AST_CLS_%s = %d," % (c[0], i))
    w("    AST_NUM_CLASSES = %d\n};\n" % len(classes))
    w("/* Filled once by Python-ast.c (ast_ready) and read-only afterwards. */")
    w("static PyObject *ast_classes[AST_NUM_CLASSES];")
    w("static PyObject *enum_singletons[AST_NUM_CLASSES];\n")
    w("/* Helpers defined in Python-ast.c. */")
    w("static PyObject *new_node(int cls);")
    w("static int set_field(PyObject *node, const char *name, PyObject *v);")
    w("static int get_field(PyObject *obj, const char *name, const char *owner, int kind,")
    w("                     PyObject **out);")
    w("static Py_ssize_t list_field_len(PyObject *list, const char *owner, const char *name);")
    w("static PyObject *ast2obj_identifier(identifier id);")
    w("static PyObject *ast2obj_string(const char *s);")
    w("static PyObject *ast2obj_constant(constant *c);")
    w("static int obj2ast_identifier(PyObject *obj, identifier *out, PyArena *arena);")
    w("static int obj2ast_string(PyObject *obj, const char **out, PyArena *arena);")
    w("static int obj2ast_int(PyObject *obj, int *out);")
    w("static int obj2ast_constant(PyObject *obj, constant *out, PyArena *arena);\n")
    # field tables
    for name, base, fields, attrs, dname, kind in classes:
        if fields:
            w("static const ast_field_spec fields_%s[] = {" % name)
            for f in fields:
                w('    {"%s", %s, "%s"},' % (f.name, field_kind(f, False), field_doc(f)))
            w("    {NULL, 0, NULL}\n};")
    attr_sets = {}
    for name, base, fields, attrs, dname, kind in classes:
        if attrs and dname not in attr_sets:
            attr_sets[dname] = True
            w("static const ast_field_spec attrs_%s[] = {" % dname)
            for f in attrs:
                w('    {"%s", %s, "%s"},' % (f.name, field_kind(f, True), field_doc(f)))
            w("    {NULL, 0, NULL}\n};")
    w("\nstatic const ast_class_spec class_specs[AST_NUM_CLASSES] = {")
    for name, base, fields, attrs, dname, kind in classes:
        w('    {"%s", %s, %s, %s, %d},' % (
            name, "AST_CLS_%s" % base if base else "-1",
            "fields_%s" % name if fields else "NULL",
            "attrs_%s" % dname if attrs else "NULL",
            1 if kind == "abstract" else 0))
    w("};\n")
    # prototypes
    for name, kind, data in DEFS:
        if kind == "enum":
            w("static PyObject *ast2obj_%s(%s_ty v);" % (name, name))
            w("static int obj2ast_%s(PyObject *obj, %s_ty *out);" % (name, name))
        else:
            w("static PyObject *ast2obj_%s(%s_ty o);" % (name, name))
            w("static int obj2ast_%s(PyObject *obj, %s_ty *out, PyArena *arena);" % (name, name))
    w("")
    for name, kind, data in DEFS:
        if kind == "enum":
            w("static PyObject *\nast2obj_%s(%s_ty v)\n{\n    switch (v) {" % (name, name))
            for c in data:
                w("    case %s:\n        return Py_NewRef(enum_singletons[AST_CLS_%s]);" % (c, c))
            w("    }")
            w('    PyErr_Format(PyExc_SystemError, "bad %s value %%d", (int)v);' % name)
            w("    return NULL;\n}\n")
            w("static int\nobj2ast_%s(PyObject *obj, %s_ty *out)\n{\n    int r;" % (name, name))
            for c in data:
                w("    if ((r = PyObject_IsInstance(obj, ast_classes[AST_CLS_%s])) != 0) {" % c)
                w("        *out = %s;\n        return r < 0 ? -1 : 0;\n    }" % c)
            w('    PyErr_Format(PyExc_TypeError, "expected some sort of %s, but got %%R", obj);' % name)
            w("    return -1;\n}\n")
            continue
        if kind == "sum":
            ctors, attrs = data
            recursive = name in ("expr", "stmt", "pattern")
            w("static PyObject *\nast2obj_%s(%s_ty o)\n{" % (name, name))
            w("    if (o == NULL) {\n        Py_RETURN_NONE;\n    }")
            if recursive:
                w('    if (Py_EnterRecursiveCall(" during ast construction") < 0) {\n        return NULL;\n    }')
            w("    PyObject *r = NULL, *v;\n    (void)v;\n    switch (o->kind) {")
            for c, fields in ctors:
                w("    case %s_kind:" % c)
                w("        r = new_node(AST_CLS_%s);\n        if (r == NULL) {\n            goto fail;\n        }" % c)
                for f in fields:
                    w(indent("\n".join(gen_ast2obj_field(f, "o->v.%s.%s" % (c, f.name), c)), 4))
                w("        break;")
            w('    default:\n        PyErr_SetString(PyExc_SystemError, "bad %s kind");\n        goto fail;\n    }' % name)
            for a in attrs:
                w("    v = PyLong_FromLong(o->%s);" % a.name)
                w('    if (set_field(r, "%s", v) < 0) {\n        goto fail;\n    }' % a.name)
            if recursive:
                w("    Py_LeaveRecursiveCall();")
            w("    return r;\nfail:")
            if recursive:
                w("    Py_LeaveRecursiveCall();")
            w("    Py_XDECREF(r);\n    return NULL;\n}\n")
            # obj2ast
            w("static int\nobj2ast_%s(PyObject *obj, %s_ty *out, PyArena *arena)\n{" % (name, name))
            w("    PyObject *tmp = NULL;\n    int isinst;\n    (void)tmp;")
            if recursive:
                w('    if (Py_EnterRecursiveCall(" during compilation") < 0) {\n        return -1;\n    }')
            for a in attrs:
                o.extend(gen_obj2ast_field(a, name, a.name, True))
            for c, fields in ctors:
                w("    isinst = PyObject_IsInstance(obj, ast_classes[AST_CLS_%s]);" % c)
                w("    if (isinst < 0) {\n        goto fail;\n    }")
                w("    if (isinst) {")
                body = []
                for f in fields:
                    body.extend(gen_obj2ast_field(f, c, "f_" + f.name))
                args = ", ".join(["f_" + f.name for f in fields] + [a.name for a in attrs] + ["arena"])
                body.append("    *out = _PyAST_%s(%s);" % (c, args))
                body.append("    if (*out == NULL) {\n        PyErr_NoMemory();\n        goto fail;\n    }")
                body.append("    goto done;")
                w(indent("\n".join(body), 4))
                w("    }")
            w('    PyErr_Format(PyExc_TypeError, "expected some sort of %s, but got %%R", obj);' % name)
            w("fail:")
            w("    Py_XDECREF(tmp);")
            if recursive:
                w("    Py_LeaveRecursiveCall();")
            w("    return -1;\ndone:")
            if recursive:
                w("    Py_LeaveRecursiveCall();")
            w("    return 0;\n}\n")
        else:
            fields, attrs = data
            w("static PyObject *\nast2obj_%s(%s_ty o)\n{" % (name, name))
            w("    if (o == NULL) {\n        Py_RETURN_NONE;\n    }")
            w("    PyObject *r = new_node(AST_CLS_%s), *v;\n    if (r == NULL) {\n        return NULL;\n    }" % name)
            for f in fields:
                o.extend(gen_ast2obj_field(f, "o->%s" % f.name, name))
            for a in attrs:
                w("    v = PyLong_FromLong(o->%s);" % a.name)
                w('    if (set_field(r, "%s", v) < 0) {\n        goto fail;\n    }' % a.name)
            w("    return r;\nfail:\n    Py_DECREF(r);\n    return NULL;\n}\n")
            w("static int\nobj2ast_%s(PyObject *obj, %s_ty *out, PyArena *arena)\n{" % (name, name))
            w("    PyObject *tmp = NULL;")
            for f in fields:
                o.extend(gen_obj2ast_field(f, name, "f_" + f.name))
            for a in attrs:
                o.extend(gen_obj2ast_field(a, name, a.name, True))
            args = ", ".join(["f_" + f.name for f in fields] + [a.name for a in attrs] + ["arena"])
            w("    *out = _PyAST_%s(%s);" % (name, args))
            w("    if (*out == NULL) {\n        PyErr_NoMemory();\n        goto fail;\n    }")
            w("    return 0;\nfail:\n    Py_XDECREF(tmp);\n    return -1;\n}\n")
    return "\n".join(o) + "\n"


def main():
    with open("Include/internal/pycore_ast.h", "w") as f:
        f.write(gen_header())
    with open("Python/ast.c", "w") as f:
        f.write(gen_c())
    with open("test/parser/astdump_nodes.h", "w") as f:
        f.write(gen_dump())
    with open("Python/ast_nodes.h", "w") as f:
        f.write(gen_pyast())


if __name__ == "__main__":
    main()
