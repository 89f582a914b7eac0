"""ast: abstract syntax trees.

The node classes and the PyCF_* flags come from the built-in _ast module
(Python/Python-ast.c); parse() is compile() with PyCF_ONLY_AST.  This module
adds the helpers of CPython 3.13's ast module: dump, literal_eval, walk,
the visitors, location helpers and unparse.
"""
from _ast import *
import sys as _sys


def parse(source, filename='<unknown>', mode='exec', *,
          type_comments=False, feature_version=None, optimize=-1):
    """Parse source into an AST node (compile() with PyCF_ONLY_AST)."""
    flags = PyCF_ONLY_AST
    if type_comments:
        flags |= PyCF_TYPE_COMMENTS
    if optimize > 0:
        flags |= PyCF_OPTIMIZED_AST
    if isinstance(feature_version, tuple):
        major, minor = feature_version
        if major != 3:
            raise ValueError(f"Unsupported major version: {major}")
        feature_version = minor
    elif feature_version is None:
        feature_version = -1
    return compile(source, filename, mode, flags,
                   _feature_version=feature_version, optimize=optimize)


# ---------------------------------------------------------------- literal_eval

def literal_eval(node_or_string):
    """Evaluate a node or string holding only a Python literal or container
    display: strings, bytes, numbers, tuples, lists, dicts, sets, booleans,
    None and Ellipsis (no names, calls or operators other than complex
    literals)."""
    node = node_or_string
    if isinstance(node, str):
        node = parse(node.lstrip(" \t"), mode='eval')
    if isinstance(node, Expression):
        node = node.body

    def bad(n):
        where = getattr(n, 'lineno', None)
        suffix = f' on line {where}' if where is not None else ''
        raise ValueError(f'malformed node or string{suffix}: {n!r}')

    def number(n):
        value = convert(n)
        if type(value) not in (int, float, complex):
            bad(n)
        return value

    def signed(n):
        if isinstance(n, UnaryOp) and isinstance(n.op, (UAdd, USub)):
            operand = number(n.operand)
            return +operand if isinstance(n.op, UAdd) else -operand
        return number(n)

    def convert(n):
        if isinstance(n, Constant):
            return n.value
        if isinstance(n, Tuple):
            return tuple(convert(e) for e in n.elts)
        if isinstance(n, List):
            return [convert(e) for e in n.elts]
        if isinstance(n, Set):
            return {convert(e) for e in n.elts}
        if (isinstance(n, Call) and isinstance(n.func, Name) and n.func.id == 'set'
                and not n.args and not n.keywords):
            return set()
        if isinstance(n, Dict):
            if len(n.keys) != len(n.values):
                bad(n)
            return {convert(k): convert(v) for k, v in zip(n.keys, n.values)}
        if isinstance(n, UnaryOp) and isinstance(n.op, (UAdd, USub)):
            return signed(n)
        if isinstance(n, BinOp) and isinstance(n.op, (Add, Sub)):
            left = signed(n.left)
            right = number(n.right)
            if isinstance(left, (int, float)) and isinstance(right, complex):
                return left + right if isinstance(n.op, Add) else left - right
        bad(n)

    return convert(node)


# ---------------------------------------------------------------- dump

def dump(node, annotate_fields=True, include_attributes=False, *,
         indent=None, show_empty=False):
    """A formatted string of the tree (CPython 3.13's format): fields that
    are None or empty lists are left out unless show_empty; with indent,
    nested nodes go on their own lines."""
    if indent is not None and not isinstance(indent, str):
        indent = ' ' * indent

    def separators(level):
        if indent is None:
            return '', ', '
        pad = '\n' + indent * level
        return pad, ',' + pad

    def fmt(value, level):
        # (text, simple): simple values may share a line with others.
        level += 1
        if isinstance(value, AST):
            return fmt_node(value, level)
        if isinstance(value, list):
            if not value:
                return '[]', True
            head, sep = separators(level)
            return '[' + head + sep.join(fmt(v, level)[0] for v in value) + ']', False
        return repr(value), True

    def fmt_node(n, level):
        cls = type(n)
        parts = []
        pending = []            # skipped empty values, kept while positional
        simple = True
        by_name = annotate_fields
        for name in n._fields:
            try:
                value = getattr(n, name)
            except AttributeError:
                by_name = True
                continue
            if value is None and getattr(cls, name, ...) is None:
                by_name = True
                continue
            if (not show_empty and (value is None or value == [])
                    and not isinstance(n, (Constant, MatchSingleton))):
                pending.append(repr(value))
                continue
            if not by_name:
                parts.extend(pending)
                pending = []
            text, s = fmt(value, level)
            simple = simple and s
            parts.append(f'{name}={text}' if by_name else text)
        if include_attributes:
            for name in n._attributes:
                try:
                    value = getattr(n, name)
                except AttributeError:
                    continue
                if value is None and getattr(cls, name, ...) is None:
                    continue
                text, s = fmt(value, level)
                simple = simple and s
                parts.append(f'{name}={text}')
        if simple and len(parts) <= 3:
            return f'{cls.__name__}({", ".join(parts)})', not parts
        head, sep = separators(level)
        return f'{cls.__name__}({head}{sep.join(parts)})', False

    if not isinstance(node, AST):
        raise TypeError('expected AST, got %r' % node.__class__.__name__)
    return fmt(node, 0)[0]


# ---------------------------------------------------------------- traversal

def iter_fields(node):
    """(name, value) for each field of node that is present."""
    for name in node._fields:
        try:
            yield name, getattr(node, name)
        except AttributeError:
            pass


def iter_child_nodes(node):
    """The direct child nodes: node fields and nodes inside list fields."""
    for _, value in iter_fields(node):
        if isinstance(value, AST):
            yield value
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, AST):
                    yield item


def walk(node):
    """Every node of the tree, breadth first, starting with node itself."""
    from collections import deque
    todo = deque([node])
    while todo:
        current = todo.popleft()
        todo.extend(iter_child_nodes(current))
        yield current


class NodeVisitor(object):
    """Calls visit_<ClassName>(node) for each node visited, or
    generic_visit, which visits the children."""

    def visit(self, node):
        method = getattr(self, 'visit_' + node.__class__.__name__, self.generic_visit)
        return method(node)

    def generic_visit(self, node):
        for _, value in iter_fields(node):
            if isinstance(value, list):
                for item in value:
                    if isinstance(item, AST):
                        self.visit(item)
            elif isinstance(value, AST):
                self.visit(value)


class NodeTransformer(NodeVisitor):
    """A NodeVisitor whose visit methods return the replacement node: None
    removes it, a list (in list fields) splices several nodes in."""

    def generic_visit(self, node):
        for name, old in iter_fields(node):
            if isinstance(old, list):
                new = []
                for item in old:
                    if isinstance(item, AST):
                        item = self.visit(item)
                        if item is None:
                            continue
                        if not isinstance(item, AST):
                            new.extend(item)
                            continue
                    new.append(item)
                old[:] = new
            elif isinstance(old, AST):
                replacement = self.visit(old)
                if replacement is None:
                    delattr(node, name)
                else:
                    setattr(node, name, replacement)
        return node


# ---------------------------------------------------------------- locations

def copy_location(new_node, old_node):
    """Copy lineno, col_offset, end_lineno and end_col_offset from old_node
    to new_node where both have them; returns new_node."""
    for attr in ('lineno', 'col_offset', 'end_lineno', 'end_col_offset'):
        if attr in old_node._attributes and attr in new_node._attributes:
            value = getattr(old_node, attr, None)
            if value is not None or (hasattr(old_node, attr)
                                     and attr.startswith('end_')):
                setattr(new_node, attr, value)
    return new_node


def fix_missing_locations(node):
    """Give every node that lacks a location its parent's (1, 0 at the
    root), so compile() accepts trees built by hand."""
    def fix(n, lineno, col, end_lineno, end_col):
        attrs = n._attributes
        if 'lineno' in attrs:
            if not hasattr(n, 'lineno'):
                n.lineno = lineno
            else:
                lineno = n.lineno
        if 'end_lineno' in attrs:
            if getattr(n, 'end_lineno', None) is None:
                n.end_lineno = end_lineno
            else:
                end_lineno = n.end_lineno
        if 'col_offset' in attrs:
            if not hasattr(n, 'col_offset'):
                n.col_offset = col
            else:
                col = n.col_offset
        if 'end_col_offset' in attrs:
            if getattr(n, 'end_col_offset', None) is None:
                n.end_col_offset = end_col
            else:
                end_col = n.end_col_offset
        for child in iter_child_nodes(n):
            fix(child, lineno, col, end_lineno, end_col)
    fix(node, 1, 0, 1, 0)
    return node


def increment_lineno(node, n=1):
    """Add n to the line numbers of node and all nodes below it."""
    for child in walk(node):
        if 'lineno' in child._attributes:
            child.lineno = getattr(child, 'lineno', 0) + n
        if ('end_lineno' in child._attributes
                and getattr(child, 'end_lineno', 0) is not None):
            child.end_lineno = getattr(child, 'end_lineno', 0) + n
    return node


def get_docstring(node, clean=True):
    """The docstring of a function, class or module node, or None."""
    if not isinstance(node, (AsyncFunctionDef, FunctionDef, ClassDef, Module)):
        raise TypeError("%r can't have docstrings" % node.__class__.__name__)
    if not (node.body and isinstance(node.body[0], Expr)):
        return None
    value = node.body[0].value
    if not (isinstance(value, Constant) and isinstance(value.value, str)):
        return None
    text = value.value
    if clean:
        import inspect
        text = inspect.cleandoc(text)
    return text


def get_source_segment(source, node, *, padded=False):
    """The source text that produced node, or None without locations."""
    try:
        if node.end_lineno is None or node.end_col_offset is None:
            return None
        first, last = node.lineno - 1, node.end_lineno - 1
        start, end = node.col_offset, node.end_col_offset
    except AttributeError:
        return None
    lines = _split_lines(source)
    if first == last:
        return lines[first].encode()[start:end].decode()
    pad = ''
    if padded:
        pad = ' ' * len(lines[first].encode()[:start].decode())
    head = pad + lines[first].encode()[start:].decode()
    tail = lines[last].encode()[:end].decode()
    return ''.join([head] + lines[first + 1:last] + [tail])


def _split_lines(source):
    lines = []
    current = []
    i = 0
    while i < len(source):
        ch = source[i]
        current.append(ch)
        if ch == '\r' and i + 1 < len(source) and source[i + 1] == '\n':
            current.append('\n')
            i += 1
        if ch in '\r\n':
            lines.append(''.join(current))
            current = []
        i += 1
    if current:
        lines.append(''.join(current))
    return lines


# ---------------------------------------------------------------- unparse

# Operator precedence, loosest first (the grammar's levels).
(_P_NAMED, _P_TUPLE, _P_YIELD, _P_TEST, _P_OR, _P_AND, _P_NOT, _P_CMP, _P_BOR,
 _P_BXOR, _P_BAND, _P_SHIFT, _P_ARITH, _P_TERM, _P_FACTOR, _P_POWER, _P_AWAIT,
 _P_ATOM) = range(18)

_BINOPS = {
    'Add': ('+', _P_ARITH), 'Sub': ('-', _P_ARITH), 'Mult': ('*', _P_TERM),
    'MatMult': ('@', _P_TERM), 'Div': ('/', _P_TERM), 'Mod': ('%', _P_TERM),
    'FloorDiv': ('//', _P_TERM), 'Pow': ('**', _P_POWER), 'LShift': ('<<', _P_SHIFT),
    'RShift': ('>>', _P_SHIFT), 'BitOr': ('|', _P_BOR), 'BitXor': ('^', _P_BXOR),
    'BitAnd': ('&', _P_BAND),
}
_UNARYOPS = {'Invert': ('~', _P_FACTOR), 'Not': ('not ', _P_NOT),
             'UAdd': ('+', _P_FACTOR), 'USub': ('-', _P_FACTOR)}
_CMPOPS = {'Eq': '==', 'NotEq': '!=', 'Lt': '<', 'LtE': '<=', 'Gt': '>', 'GtE': '>=',
           'Is': 'is', 'IsNot': 'is not', 'In': 'in', 'NotIn': 'not in'}
_SINGLE_QUOTES = ("'", '"')
_TRIPLE_QUOTES = ('"""', "'''")
_INF_TEXT = '1e' + repr(_sys.float_info.max_10_exp + 1)


def _escape_text(text, keep_newlines):
    out = []
    for ch in text:
        if keep_newlines and ch in '\n\t':
            out.append(ch)
        elif ch == '\\' or not ch.isprintable():
            out.append(ch.encode('unicode_escape').decode('ascii'))
        else:
            out.append(ch)
    return ''.join(out)


def _quoted(text, quotes, keep_newlines):
    """(body, usable quotes) for a string literal: escapes, then keeps the
    quote kinds that can enclose the body."""
    body = _escape_text(text, keep_newlines)
    candidates = list(quotes)
    if '\n' in body:
        candidates = [q for q in candidates if len(q) == 3]
    candidates = [q for q in candidates if q not in body]
    if not candidates:
        r = repr(text)
        quote = next((q for q in quotes if r[0] in q), r[0])
        return r[1:-1], [quote]
    if body:
        # A quote equal to the body's last character needs escaping there.
        candidates.sort(key=lambda q: q[0] == body[-1])
        if candidates[0][0] == body[-1]:
            body = body[:-1] + '\\' + body[-1]
    return body, candidates


class _Unparser(NodeVisitor):
    def __init__(self):
        self._out = []
        self._indent = 0
        self._prec = {}
        self._in_fstring = False

    # -- output helpers
    def write(self, *parts):
        self._out.extend(parts)

    def fill(self, text=''):
        if self._out:
            self._out.append('\n')
        self._out.append('    ' * self._indent + text)

    def blank_line(self):
        if self._out:
            self._out.append('\n')

    def block(self, body, extra=None):
        self.write(':')
        if extra:
            self.write(extra)
        self._indent += 1
        for stmt in body:
            self.visit(stmt)
        self._indent -= 1

    def interleave(self, sep, items, fn=None):
        fn = fn or self.visit
        first = True
        for item in items:
            if not first:
                sep()
            first = False
            fn(item)

    def commas(self, items):
        self.interleave(lambda: self.write(', '), items)

    def prec(self, node):
        return self._prec.get(node, _P_TEST)

    def set_prec(self, p, *nodes):
        for n in nodes:
            self._prec[n] = p

    def paren(self, cond):
        return _Paren(self, cond)

    def run(self, node):
        self.visit(node)
        return ''.join(self._out)

    def visit(self, node):
        if isinstance(node, list):
            for n in node:
                self.visit(n)
            return
        return super().visit(node)

    # -- bodies with docstrings
    def body_with_docstring(self, node):
        body = node.body
        if (body and isinstance(body[0], Expr) and isinstance(body[0].value, Constant)
                and isinstance(body[0].value.value, str)):
            self.fill()
            self.docstring(body[0].value)
            body = body[1:]
        for stmt in body:
            self.visit(stmt)

    def docstring(self, node):
        if node.kind == 'u':
            self.write('u')
        text, quotes = _quoted(node.value, _TRIPLE_QUOTES, True)
        self.write(quotes[0] + text + quotes[0])

    # -- modules and statements
    def visit_Module(self, node):
        self.body_with_docstring(node)

    def visit_Interactive(self, node):
        for stmt in node.body:
            self.visit(stmt)

    def visit_Expression(self, node):
        self.visit(node.body)

    def visit_Expr(self, node):
        self.fill()
        self.set_prec(_P_YIELD, node.value)
        self.visit(node.value)

    def visit_NamedExpr(self, node):
        with self.paren(self.prec(node) > _P_NAMED):
            self.set_prec(_P_ATOM, node.target, node.value)
            self.visit(node.target)
            self.write(' := ')
            self.visit(node.value)

    def visit_Import(self, node):
        self.fill('import ')
        self.commas(node.names)

    def visit_ImportFrom(self, node):
        self.fill('from ')
        self.write('.' * (node.level or 0))
        if node.module:
            self.write(node.module)
        self.write(' import ')
        self.commas(node.names)

    def visit_alias(self, node):
        self.write(node.name)
        if node.asname:
            self.write(' as ' + node.asname)

    def visit_Assign(self, node):
        self.fill()
        for target in node.targets:
            self.set_prec(_P_TUPLE, target)
            self.visit(target)
            self.write(' = ')
        self.visit(node.value)
        if getattr(node, 'type_comment', None):
            self.write('  # type: ' + node.type_comment)

    def visit_AugAssign(self, node):
        self.fill()
        self.visit(node.target)
        self.write(' ' + _BINOPS[type(node.op).__name__][0] + '= ')
        self.visit(node.value)

    def visit_AnnAssign(self, node):
        self.fill()
        with self.paren(not node.simple and isinstance(node.target, Name)):
            self.visit(node.target)
        self.write(': ')
        self.visit(node.annotation)
        if node.value:
            self.write(' = ')
            self.visit(node.value)

    def visit_Return(self, node):
        self.fill('return')
        if node.value:
            self.write(' ')
            self.visit(node.value)

    def visit_Pass(self, node):
        self.fill('pass')

    def visit_Break(self, node):
        self.fill('break')

    def visit_Continue(self, node):
        self.fill('continue')

    def visit_Delete(self, node):
        self.fill('del ')
        self.commas(node.targets)

    def visit_Assert(self, node):
        self.fill('assert ')
        self.visit(node.test)
        if node.msg:
            self.write(', ')
            self.visit(node.msg)

    def visit_Global(self, node):
        self.fill('global ' + ', '.join(node.names))

    def visit_Nonlocal(self, node):
        self.fill('nonlocal ' + ', '.join(node.names))

    def visit_Await(self, node):
        with self.paren(self.prec(node) > _P_AWAIT):
            self.write('await')
            if node.value:
                self.write(' ')
                self.set_prec(_P_ATOM, node.value)
                self.visit(node.value)

    def visit_Yield(self, node):
        with self.paren(self.prec(node) > _P_YIELD):
            self.write('yield')
            if node.value:
                self.write(' ')
                self.set_prec(_P_ATOM, node.value)
                self.visit(node.value)

    def visit_YieldFrom(self, node):
        with self.paren(self.prec(node) > _P_YIELD):
            self.write('yield from ')
            self.set_prec(_P_ATOM, node.value)
            self.visit(node.value)

    def visit_Raise(self, node):
        self.fill('raise')
        if node.exc:
            self.write(' ')
            self.visit(node.exc)
            if node.cause:
                self.write(' from ')
                self.visit(node.cause)

    def _try(self, node, star):
        self.fill('try')
        self.block(node.body)
        for handler in node.handlers:
            self.fill('except*' if star else 'except')
            if handler.type:
                self.write(' ')
                self.visit(handler.type)
            if handler.name:
                self.write(' as ' + handler.name)
            self.block(handler.body)
        if node.orelse:
            self.fill('else')
            self.block(node.orelse)
        if node.finalbody:
            self.fill('finally')
            self.block(node.finalbody)

    def visit_Try(self, node):
        self._try(node, False)

    def visit_TryStar(self, node):
        self._try(node, True)

    def visit_ClassDef(self, node):
        self.blank_line()
        for deco in node.decorator_list:
            self.fill('@')
            self.visit(deco)
        self.fill('class ' + node.name)
        if node.bases or node.keywords:
            self.write('(')
            self.commas(node.bases + node.keywords)
            self.write(')')
        self.write(':')
        self._indent += 1
        self.body_with_docstring(node)
        self._indent -= 1

    def _function(self, node, keyword):
        self.blank_line()
        for deco in node.decorator_list:
            self.fill('@')
            self.visit(deco)
        self.fill(keyword + ' ' + node.name + '(')
        self.visit(node.args)
        self.write(')')
        if node.returns:
            self.write(' -> ')
            self.visit(node.returns)
        self.write(':')
        if getattr(node, 'type_comment', None):
            self.write('  # type: ' + node.type_comment)
        self._indent += 1
        self.body_with_docstring(node)
        self._indent -= 1

    def visit_FunctionDef(self, node):
        self._function(node, 'def')

    def visit_AsyncFunctionDef(self, node):
        self._function(node, 'async def')

    def _for(self, node, keyword):
        self.fill(keyword + ' ')
        self.set_prec(_P_TUPLE, node.target)
        self.visit(node.target)
        self.write(' in ')
        self.visit(node.iter)
        self.block(node.body)
        if node.orelse:
            self.fill('else')
            self.block(node.orelse)

    def visit_For(self, node):
        self._for(node, 'for')

    def visit_AsyncFor(self, node):
        self._for(node, 'async for')

    def visit_If(self, node):
        self.fill('if ')
        self.visit(node.test)
        self.block(node.body)
        while (node.orelse and len(node.orelse) == 1
               and isinstance(node.orelse[0], If)):
            node = node.orelse[0]
            self.fill('elif ')
            self.visit(node.test)
            self.block(node.body)
        if node.orelse:
            self.fill('else')
            self.block(node.orelse)

    def visit_While(self, node):
        self.fill('while ')
        self.visit(node.test)
        self.block(node.body)
        if node.orelse:
            self.fill('else')
            self.block(node.orelse)

    def _with(self, node, keyword):
        self.fill(keyword + ' ')
        self.commas(node.items)
        self.block(node.body)

    def visit_With(self, node):
        self._with(node, 'with')

    def visit_AsyncWith(self, node):
        self._with(node, 'async with')

    def visit_withitem(self, node):
        self.visit(node.context_expr)
        if node.optional_vars:
            self.write(' as ')
            self.visit(node.optional_vars)

    def visit_Match(self, node):
        self.fill('match ')
        self.visit(node.subject)
        self.write(':')
        self._indent += 1
        for case in node.cases:
            self.fill('case ')
            self.visit(case.pattern)
            if case.guard:
                self.write(' if ')
                self.visit(case.guard)
            self.block(case.body)
        self._indent -= 1

    # -- patterns
    def visit_MatchValue(self, node):
        self.visit(node.value)

    def visit_MatchSingleton(self, node):
        self.write(repr(node.value))

    def visit_MatchSequence(self, node):
        self.write('[')
        self.commas(node.patterns)
        self.write(']')

    def visit_MatchStar(self, node):
        self.write('*' + (node.name if node.name is not None else '_'))

    def visit_MatchMapping(self, node):
        self.write('{')
        items = list(zip(node.keys, node.patterns))

        def item(kv):
            self.visit(kv[0])
            self.write(': ')
            self.visit(kv[1])
        self.interleave(lambda: self.write(', '), items, item)
        if node.rest is not None:
            if items:
                self.write(', ')
            self.write('**' + node.rest)
        self.write('}')

    def visit_MatchClass(self, node):
        self.set_prec(_P_ATOM, node.cls)
        self.visit(node.cls)
        self.write('(')
        self.commas(node.patterns)
        if node.patterns and node.kwd_attrs:
            self.write(', ')

        def kw(pair):
            self.write(pair[0] + '=')
            self.visit(pair[1])
        self.interleave(lambda: self.write(', '), zip(node.kwd_attrs, node.kwd_patterns), kw)
        self.write(')')

    def visit_MatchAs(self, node):
        if node.name is None:
            self.write('_')
        elif node.pattern is None:
            self.write(node.name)
        else:
            with self.paren(self.prec(node) > _P_TEST):
                self.set_prec(_P_BOR, node.pattern)
                self.visit(node.pattern)
                self.write(' as ' + node.name)

    def visit_MatchOr(self, node):
        with self.paren(self.prec(node) > _P_BOR):
            self.set_prec(_P_BOR + 1, *node.patterns)
            self.interleave(lambda: self.write(' | '), node.patterns)

    # -- expressions
    def visit_Constant(self, node):
        value = node.value
        if node.kind == 'u':
            self.write('u')
        self.write(self._constant(value))

    def _constant(self, value):
        if isinstance(value, tuple):
            inner = ', '.join(self._constant(v) for v in value)
            return '(' + inner + (',' if len(value) == 1 else '') + ')'
        if value is ...:
            return '...'
        if isinstance(value, (float, complex)):
            return repr(value).replace('inf', _INF_TEXT)
        return repr(value)

    def visit_JoinedStr(self, node):
        self.write('f' + self._fstring(node.values))

    def _fstring(self, values):
        # Expressions are written as they are (PEP 701 allows any quotes
        # inside); only the literal parts decide and limit the quotes.
        quotes = ["'", '"', '"""', "'''"]
        parts = []
        for value in values:
            if isinstance(value, Constant):
                text = value.value.replace('{', '{{').replace('}', '}}')
                body, usable = _quoted(text, quotes, False)
                if not set(usable) & set(quotes):
                    return repr(''.join(self._fstring_inner(v) for v in values))
                quotes = [q for q in quotes if q in usable] or usable
                parts.append(body)
            else:
                text = self._fstring_inner(value)
                if '\n' in text:
                    quotes = [q for q in quotes if len(q) == 3]
                parts.append(text)
        return quotes[0] + ''.join(parts) + quotes[0]

    def _fstring_inner(self, value):
        if isinstance(value, Constant):
            return value.value.replace('{', '{{').replace('}', '}}')
        if isinstance(value, JoinedStr):
            return ''.join(self._fstring_inner(v) for v in value.values)
        sub = _Unparser()
        sub.set_prec(_P_TEST + 1, value.value)
        text = sub.run(value.value)
        if text.startswith('{'):
            text = ' ' + text
        out = '{' + text
        if value.conversion != -1:
            out += '!' + chr(value.conversion)
        if value.format_spec:
            out += ':' + self._fstring_inner(value.format_spec)
        return out + '}'

    def visit_FormattedValue(self, node):
        self.write('f' + self._fstring([node]))

    def visit_Name(self, node):
        self.write(node.id)

    def visit_List(self, node):
        self.write('[')
        self.commas(node.elts)
        self.write(']')

    def visit_Tuple(self, node):
        with self.paren(not node.elts or self.prec(node) > _P_TUPLE):
            self.commas(node.elts)
            if len(node.elts) == 1:
                self.write(',')

    def visit_Set(self, node):
        if node.elts:
            self.write('{')
            self.commas(node.elts)
            self.write('}')
        else:
            self.write('{*()}')

    def visit_Dict(self, node):
        self.write('{')

        def item(kv):
            k, v = kv
            if k is None:
                self.write('**')
                self.set_prec(_P_BOR + 1, v)
                self.visit(v)
            else:
                self.visit(k)
                self.write(': ')
                self.visit(v)
        self.interleave(lambda: self.write(', '), zip(node.keys, node.values), item)
        self.write('}')

    def _comp(self, open_, close, node, elts):
        self.write(open_)
        first = True
        for e in elts:
            if not first:
                self.write(': ')
            first = False
            self.visit(e)
        for gen in node.generators:
            self.visit(gen)
        self.write(close)

    def visit_ListComp(self, node):
        self._comp('[', ']', node, [node.elt])

    def visit_SetComp(self, node):
        self._comp('{', '}', node, [node.elt])

    def visit_GeneratorExp(self, node):
        self._comp('(', ')', node, [node.elt])

    def visit_DictComp(self, node):
        self._comp('{', '}', node, [node.key, node.value])

    def visit_comprehension(self, node):
        self.write(' async for ' if node.is_async else ' for ')
        self.set_prec(_P_TUPLE, node.target)
        self.visit(node.target)
        self.write(' in ')
        self.set_prec(_P_TEST + 1, node.iter, *node.ifs)
        self.visit(node.iter)
        for cond in node.ifs:
            self.write(' if ')
            self.visit(cond)

    def visit_IfExp(self, node):
        with self.paren(self.prec(node) > _P_TEST):
            self.set_prec(_P_TEST + 1, node.body, node.test)
            self.visit(node.body)
            self.write(' if ')
            self.visit(node.test)
            self.write(' else ')
            self.set_prec(_P_TEST, node.orelse)
            self.visit(node.orelse)

    def visit_UnaryOp(self, node):
        op, p = _UNARYOPS[type(node.op).__name__]
        with self.paren(self.prec(node) > p):
            self.write(op)
            self.set_prec(p, node.operand)
            self.visit(node.operand)

    def visit_BinOp(self, node):
        op, p = _BINOPS[type(node.op).__name__]
        with self.paren(self.prec(node) > p):
            if op == '**':
                left, right = p + 1, p
            else:
                left, right = p, p + 1
            self.set_prec(left, node.left)
            self.visit(node.left)
            self.write(' ' + op + ' ')
            self.set_prec(right, node.right)
            self.visit(node.right)

    def visit_Compare(self, node):
        with self.paren(self.prec(node) > _P_CMP):
            self.set_prec(_P_CMP + 1, node.left, *node.comparators)
            self.visit(node.left)
            for op, right in zip(node.ops, node.comparators):
                self.write(' ' + _CMPOPS[type(op).__name__] + ' ')
                self.visit(right)

    def visit_BoolOp(self, node):
        word, p = (' and ', _P_AND) if isinstance(node.op, And) else (' or ', _P_OR)
        with self.paren(self.prec(node) > p):
            # Each further operand binds one level tighter (CPython's output
            # parenthesises `a and (not b)` this way).
            for i, value in enumerate(node.values):
                if i:
                    self.write(word)
                self.set_prec(p + 1 + i, value)
                self.visit(value)

    def visit_Attribute(self, node):
        self.set_prec(_P_ATOM, node.value)
        self.visit(node.value)
        # `1 .real`: an int literal needs a space before the dot.
        if isinstance(node.value, Constant) and isinstance(node.value.value, int):
            self.write(' ')
        self.write('.' + node.attr)

    def visit_Call(self, node):
        self.set_prec(_P_ATOM, node.func)
        self.visit(node.func)
        self.write('(')
        self.commas(node.args + node.keywords)
        self.write(')')

    def visit_Subscript(self, node):
        self.set_prec(_P_ATOM, node.value)
        self.visit(node.value)
        self.write('[')
        s = node.slice
        if isinstance(s, Tuple) and s.elts:
            self.commas(s.elts)
            if len(s.elts) == 1:
                self.write(',')
        else:
            self.visit(s)
        self.write(']')

    def visit_Starred(self, node):
        self.write('*')
        self.set_prec(_P_BOR, node.value)
        self.visit(node.value)

    def visit_Slice(self, node):
        if node.lower:
            self.visit(node.lower)
        self.write(':')
        if node.upper:
            self.visit(node.upper)
        if node.step:
            self.write(':')
            self.visit(node.step)

    def visit_arg(self, node):
        self.write(node.arg)
        if node.annotation:
            self.write(': ')
            self.visit(node.annotation)

    def visit_arguments(self, node):
        first = True

        def sep():
            nonlocal first
            if not first:
                self.write(', ')
            first = False
        positional = node.posonlyargs + node.args
        defaults = [None] * (len(positional) - len(node.defaults)) + node.defaults
        for i, (a, d) in enumerate(zip(positional, defaults), 1):
            sep()
            self.visit(a)
            if d is not None:
                self.write('=')
                self.visit(d)
            if i == len(node.posonlyargs):
                self.write(', /')
        if node.vararg or node.kwonlyargs:
            sep()
            self.write('*')
            if node.vararg:
                self.write(node.vararg.arg)
                if node.vararg.annotation:
                    self.write(': ')
                    self.visit(node.vararg.annotation)
        for a, d in zip(node.kwonlyargs, node.kw_defaults):
            sep()
            self.visit(a)
            if d is not None:
                self.write('=')
                self.visit(d)
        if node.kwarg:
            sep()
            self.write('**' + node.kwarg.arg)
            if node.kwarg.annotation:
                self.write(': ')
                self.visit(node.kwarg.annotation)

    def visit_keyword(self, node):
        if node.arg is None:
            self.write('**')
        else:
            self.write(node.arg + '=')
        self.visit(node.value)

    def visit_Lambda(self, node):
        with self.paren(self.prec(node) > _P_TEST):
            self.write('lambda')
            args = _Unparser()
            text = args.run(node.args)
            if text:
                self.write(' ' + text)
            self.write(': ')
            self.set_prec(_P_TEST, node.body)
            self.visit(node.body)


class _Paren:
    def __init__(self, unparser, cond):
        self.u, self.cond = unparser, cond

    def __enter__(self):
        if self.cond:
            self.u.write('(')

    def __exit__(self, *exc):
        if self.cond:
            self.u.write(')')


def unparse(ast_obj):
    """Python source text for the tree (CPython's formatting where the
    tree came from parse(); comments and original spacing are lost)."""
    return _Unparser().run(ast_obj)


# ---------------------------------------------------------------- old names
# Before 3.8 literals had their own node classes; 3.12 and 3.13 keep them as
# deprecated stand-ins for Constant (to go in 3.14): touching the name,
# constructing one or testing isinstance() against one warns, and Constant
# answers to the old attribute names n and s.  Index/ExtSlice (3.9) and
# Suite/Param/AugLoad/AugStore stay without warnings, as in CPython.

def _warn_removed(what, instead):
    import warnings
    # stacklevel: this helper, the hook that called it, then user code.
    warnings.warn(f"{what} is deprecated and will be removed in Python 3.14; "
                  f"use {instead} instead", DeprecationWarning, stacklevel=3)


def _value_alias(old):
    def get(self):
        _warn_removed(f"Attribute {old}", "value")
        return self.value

    def put(self, value):
        _warn_removed(f"Attribute {old}", "value")
        self.value = value

    return property(get, put, doc="Deprecated. Use value instead.")


Constant.n = _value_alias('n')
Constant.s = _value_alias('s')


class _LiteralAliasType(type):
    """Metaclass of the old literal classes: isinstance() checks the value."""

    def __init__(cls, *args):
        super().__init__(*args)
        cls.__doc__ = "Deprecated AST node class. Use ast.Constant instead"

    def __instancecheck__(cls, inst):
        accepts = _ALIAS_VALUE_TYPES.get(cls)
        if accepts is None:
            # A user subclass of an alias: plain class membership.
            return type.__instancecheck__(cls, inst)
        _warn_removed(f"ast.{cls.__qualname__}", "ast.Constant")
        if not isinstance(inst, Constant):
            return False
        try:
            value = inst.value
        except AttributeError:
            return False
        wanted, unwanted = accepts
        return isinstance(value, wanted) and not isinstance(value, unwanted)


def _alias_new(cls, *args, **kwargs):
    fields = cls._fields
    for key in kwargs:
        if key in fields and fields.index(key) < len(args):
            raise TypeError(f"{cls.__name__} got multiple values for argument {key!r}")
    if cls in _ALIAS_VALUE_TYPES:
        _warn_removed(f"ast.{cls.__qualname__}", "ast.Constant")
        if cls is _Ellipsis:
            return Constant(..., *args, **kwargs)
        return Constant(*args, **kwargs)
    return Constant.__new__(cls, *args, **kwargs)


class Num(Constant, metaclass=_LiteralAliasType):
    _fields = ('n',)
    __new__ = _alias_new


class Str(Constant, metaclass=_LiteralAliasType):
    _fields = ('s',)
    __new__ = _alias_new


class Bytes(Constant, metaclass=_LiteralAliasType):
    _fields = ('s',)
    __new__ = _alias_new


class NameConstant(Constant, metaclass=_LiteralAliasType):
    __new__ = _alias_new


class _Ellipsis(Constant, metaclass=_LiteralAliasType):
    _fields = ()
    __new__ = _alias_new


_Ellipsis.__name__ = _Ellipsis.__qualname__ = 'Ellipsis'

# (accepted value types, excluded value types) per alias
_ALIAS_VALUE_TYPES = {
    Num: ((int, float, complex), bool),
    Str: (str, ()),
    Bytes: (bytes, ()),
    NameConstant: ((type(None), bool), ()),
    _Ellipsis: (type(...), ()),
}

# Not in the module namespace until first used, so that each first access
# warns (module __getattr__, PEP 562).
_DEPRECATED_ALIASES = {'Num': Num, 'Str': Str, 'Bytes': Bytes,
                       'NameConstant': NameConstant, 'Ellipsis': _Ellipsis}
del Num, Str, Bytes, NameConstant


def __getattr__(name):
    alias = _DEPRECATED_ALIASES.get(name)
    if alias is None:
        raise AttributeError(f"module 'ast' has no attribute '{name}'")
    globals()[name] = alias
    _warn_removed(f"ast.{name}", "ast.Constant")
    return alias


class slice(AST):
    """Deprecated AST node class."""


class Index(slice):
    """Deprecated AST node class. Use the index value directly instead."""

    def __new__(cls, value, **kwargs):
        return value


class ExtSlice(slice):
    """Deprecated AST node class. Use ast.Tuple instead."""

    def __new__(cls, dims=(), **kwargs):
        return Tuple(list(dims), Load(), **kwargs)


def _dims_get(self):
    """Deprecated. Use elts instead."""
    return self.elts


def _dims_set(self, value):
    self.elts = value


Tuple.dims = property(_dims_get, _dims_set)


class Suite(mod):
    """Deprecated AST node class.  Unused in Python 3."""


class AugLoad(expr_context):
    """Deprecated AST node class.  Unused in Python 3."""


class AugStore(expr_context):
    """Deprecated AST node class.  Unused in Python 3."""


class Param(expr_context):
    """Deprecated AST node class.  Unused in Python 3."""
