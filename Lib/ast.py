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
