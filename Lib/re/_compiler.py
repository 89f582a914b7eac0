"""Turn a parsed regular expression into a backtracking matcher.

Every node becomes a function m(ctx, i, k): try to match the node at
position i of ctx.s, and on success call the continuation k(ctx, j) with
the end position j; the first non-None result of a continuation is the
end of the whole match.  Groups record (start, end) in ctx.caps and undo
it when the rest of the match fails.  Repeats of a single-character node
are run as loops (no recursion per character).
"""

from ._parser import (IGNORECASE, MULTILINE, DOTALL, ASCII, MAXREPEAT)


class Context:
    __slots__ = ('s', 'end', 'caps', 'lastindex', 'noempty', 'start')

    def __init__(self, s, end, ngroups):
        self.s = s
        self.end = end
        self.caps = [None] * (ngroups + 1)
        self.lastindex = None
        self.noempty = -1
        self.start = 0


def _is_word(c, ascii_only):
    if ascii_only:
        return c == '_' or ('0' <= c <= '9') or ('a' <= c <= 'z') or ('A' <= c <= 'Z')
    return c.isalnum() or c == '_'


def _category_pred(name, flags):
    ascii_only = flags & ASCII
    if name == 'digit':
        if ascii_only:
            return lambda c: '0' <= c <= '9'
        return lambda c: c.isdecimal()
    if name == 'not_digit':
        f = _category_pred('digit', flags)
        return lambda c: not f(c)
    if name == 'word':
        return lambda c: _is_word(c, ascii_only)
    if name == 'not_word':
        return lambda c: not _is_word(c, ascii_only)
    if name == 'space':
        if ascii_only:
            return lambda c: c in ' \t\n\r\f\v'
        return lambda c: c.isspace() or c in '\x1c\x1d\x1e\x1f'
    if name == 'not_space':
        f = _category_pred('space', flags)
        return lambda c: not f(c)
    raise ValueError(name)


def _char_pred(node, flags):
    """Predicate for a single-character node, or None."""
    kind = node[0]
    icase = flags & IGNORECASE
    if kind == 'lit':
        ch = node[1]
        if icase:
            low = ch.lower()
            up = ch.upper()
            return lambda c: c == ch or c.lower() == low or c.upper() == up
        return lambda c: c == ch
    if kind == 'any':
        if flags & DOTALL:
            return lambda c: True
        return lambda c: c != '\n'
    if kind == 'cat':
        return _category_pred(node[1], flags)
    if kind == 'set':
        items, negated = node[1], node[2]
        chars = set()
        ranges = []
        preds = []
        for item in items:
            if item[0] == 'ch':
                chars.add(item[1])
                if icase:
                    chars.add(item[1].lower())
                    chars.add(item[1].upper())
            elif item[0] == 'range':
                ranges.append((item[1], item[2]))
            else:
                preds.append(_category_pred(item[1], flags))

        def inside(c):
            if c in chars:
                return True
            for lo, hi in ranges:
                if lo <= c <= hi:
                    return True
                if icase:
                    l, u = c.lower(), c.upper()
                    if lo <= l <= hi or lo <= u <= hi:
                        return True
            for p in preds:
                if p(c):
                    return True
            return False
        if negated:
            return lambda c: not inside(c)
        return inside
    return None


def compile_node(node, flags):
    kind = node[0]
    pred = _char_pred(node, flags)
    if pred is not None:
        def m_char(ctx, i, k):
            if i < ctx.end and pred(ctx.s[i]):
                return k(ctx, i + 1)
            return None
        return m_char

    if kind == 'seq':
        parts = [compile_node(n, flags) for n in node[1]]
        if not parts:
            return lambda ctx, i, k: k(ctx, i)
        if len(parts) == 1:
            return parts[0]
        return _make_seq(parts)

    if kind == 'alt':
        alts = [compile_node(n, flags) for n in node[1]]

        def m_alt(ctx, i, k):
            for a in alts:
                r = a(ctx, i, k)
                if r is not None:
                    return r
            return None
        return m_alt

    if kind == 'group':
        idx = node[1]
        inner = compile_node(node[2], flags)

        def m_group(ctx, i, k):
            def close(ctx, j):
                saved = ctx.caps[idx]
                saved_last = ctx.lastindex
                ctx.caps[idx] = (i, j)
                ctx.lastindex = idx
                r = k(ctx, j)
                if r is None:
                    ctx.caps[idx] = saved
                    ctx.lastindex = saved_last
                return r
            return inner(ctx, i, close)
        return m_group

    if kind == 'flags':
        on, off = node[1], node[2]
        return compile_node(node[3], (flags | on) & ~off)

    if kind == 'rep':
        return _compile_repeat(node, flags)

    if kind == 'at':
        return _compile_anchor(node[1], flags)

    if kind == 'backref':
        idx = node[1]
        icase = flags & IGNORECASE

        def m_backref(ctx, i, k):
            cap = ctx.caps[idx]
            if cap is None:
                return None
            text = ctx.s[cap[0]:cap[1]]
            j = i + len(text)
            if j > ctx.end:
                return None
            got = ctx.s[i:j]
            if got == text or (icase and got.lower() == text.lower()):
                return k(ctx, j)
            return None
        return m_backref

    if kind == 'look':
        inner = compile_node(node[1], flags)
        ahead, negated = node[2], node[3]
        if ahead:
            def m_look(ctx, i, k):
                found = inner(ctx, i, _found)
                if negated:
                    return k(ctx, i) if found is None else None
                return k(ctx, i) if found is not None else None
            return m_look
        from ._parser import _width
        width = _width(node[1])

        def m_lookbehind(ctx, i, k):
            start = i - width
            found = None
            if start >= 0:
                saved_end = ctx.end
                ctx.end = i
                try:
                    found = inner(ctx, start, lambda c, j: j if j == i else None)
                finally:
                    ctx.end = saved_end
            if negated:
                return k(ctx, i) if found is None else None
            return k(ctx, i) if found is not None else None
        return m_lookbehind

    if kind == 'atomic':
        inner = compile_node(node[1], flags)

        def m_atomic(ctx, i, k):
            j = inner(ctx, i, _found)
            if j is None:
                return None
            return k(ctx, j)
        return m_atomic

    if kind == 'cond':
        idx = node[1]
        yes = compile_node(node[2], flags)
        no = compile_node(node[3], flags)

        def m_cond(ctx, i, k):
            if ctx.caps[idx] is not None:
                return yes(ctx, i, k)
            return no(ctx, i, k)
        return m_cond

    raise ValueError("unknown node %r" % (kind,))


def _found(ctx, j):
    return j


def _make_seq(parts):
    # Chain the parts right to left so that each knows its successor.
    def build(idx):
        if idx == len(parts) - 1:
            return parts[idx]
        first = parts[idx]
        rest = build(idx + 1)

        def m_seq(ctx, i, k):
            return first(ctx, i, lambda c, j: rest(c, j, k))
        return m_seq
    return build(0)


def _compile_anchor(where, flags):
    multiline = flags & MULTILINE
    ascii_only = flags & ASCII
    if where == 'bol':
        if multiline:
            def m(ctx, i, k):
                if i == 0 or ctx.s[i - 1] == '\n':
                    return k(ctx, i)
                return None
        else:
            def m(ctx, i, k):
                return k(ctx, i) if i == 0 else None
        return m
    if where == 'eol':
        if multiline:
            def m(ctx, i, k):
                n = len(ctx.s)
                if i == n or ctx.s[i] == '\n':
                    return k(ctx, i)
                return None
        else:
            def m(ctx, i, k):
                n = len(ctx.s)
                if i == n or (i == n - 1 and ctx.s[i] == '\n'):
                    return k(ctx, i)
                return None
        return m
    if where == 'start':
        return lambda ctx, i, k: k(ctx, i) if i == 0 else None
    if where == 'end':
        return lambda ctx, i, k: k(ctx, i) if i == len(ctx.s) else None

    def at_boundary(ctx, i):
        s = ctx.s
        before = i > 0 and _is_word(s[i - 1], ascii_only)
        after = i < len(s) and _is_word(s[i], ascii_only)
        return before != after
    if where == 'boundary':
        return lambda ctx, i, k: k(ctx, i) if at_boundary(ctx, i) else None
    if where == 'not_boundary':
        def m(ctx, i, k):
            if len(ctx.s) == 0:
                return None
            return k(ctx, i) if not at_boundary(ctx, i) else None
        return m
    raise ValueError(where)


def _compile_repeat(node, flags):
    _, body, mn, mx, mode = node
    pred = _char_pred(body, flags)
    if pred is not None:
        if mode == 'greedy':
            def m_star(ctx, i, k):
                s = ctx.s
                limit = ctx.end if mx == MAXREPEAT else min(ctx.end, i + mx)
                j = i
                while j < limit and pred(s[j]):
                    j += 1
                low = i + mn
                while j >= low:
                    r = k(ctx, j)
                    if r is not None:
                        return r
                    j -= 1
                return None
            return m_star
        if mode == 'lazy':
            def m_lazy(ctx, i, k):
                s = ctx.s
                limit = ctx.end if mx == MAXREPEAT else min(ctx.end, i + mx)
                j = i
                while j < i + mn:
                    if j >= ctx.end or not pred(s[j]):
                        return None
                    j += 1
                while True:
                    r = k(ctx, j)
                    if r is not None:
                        return r
                    if j >= limit or not pred(s[j]):
                        return None
                    j += 1
            return m_lazy

        def m_poss(ctx, i, k):
            s = ctx.s
            limit = ctx.end if mx == MAXREPEAT else min(ctx.end, i + mx)
            j = i
            while j < limit and pred(s[j]):
                j += 1
            if j - i < mn:
                return None
            return k(ctx, j)
        return m_poss

    inner = compile_node(body, flags)
    from ._parser import _width
    width = _width(body)
    if mode != 'possessive' and width and _deterministic(body):
        return _fixed_width_repeat(inner, mn, mx, mode == 'greedy')
    if mode == 'possessive':
        def m_poss_general(ctx, i, k):
            count = 0
            j = i
            while count < mx:
                r = inner(ctx, j, _found)
                if r is None or (r == j and count >= mn):
                    break
                j = r
                count += 1
            if count < mn:
                return None
            return k(ctx, j)
        return m_poss_general

    greedy = mode == 'greedy'

    def attempt(ctx, i, k, count):
        def after_one(c, j):
            if j == i and count + 1 > mn:
                # An empty iteration is kept (with its captures) but ends
                # the loop: only the rest of the pattern may follow.
                return k(c, j)
            return attempt(c, j, k, count + 1)
        if greedy:
            if count < mx:
                r = inner(ctx, i, after_one)
                if r is not None:
                    return r
            if count >= mn:
                return k(ctx, i)
            return None
        if count >= mn:
            r = k(ctx, i)
            if r is not None:
                return r
        if count < mx:
            return inner(ctx, i, after_one)
        return None

    def m_rep(ctx, i, k):
        return attempt(ctx, i, k, 0)
    return m_rep


def _deterministic(node):
    # True when every way of matching node ends at the same place and
    # nothing later can depend on how it matched (no backreferences).
    kind = node[0]
    if kind in ('lit', 'any', 'set', 'cat', 'at'):
        return True
    if kind in ('seq', 'alt'):
        return all(_deterministic(n) for n in node[1])
    if kind == 'group':
        return _deterministic(node[2])
    if kind == 'flags':
        return _deterministic(node[3])
    return False


def _fixed_width_repeat(inner, mn, mx, greedy):
    # Run the iterations in a loop, remembering the captures after each,
    # then offer the continuation the counts in preference order.
    def m_fixed(ctx, i, k):
        positions = [i]
        states = [(ctx.caps[:], ctx.lastindex)]
        j = i
        count = 0
        while count < mx:
            r = inner(ctx, j, _found)
            if r is None:
                break
            count += 1
            j = r
            positions.append(j)
            states.append((ctx.caps[:], ctx.lastindex))
        if count < mn:
            ctx.caps[:] = states[0][0]
            ctx.lastindex = states[0][1]
            return None
        order = range(count, mn - 1, -1) if greedy else range(mn, count + 1)
        for c in order:
            ctx.caps[:] = states[c][0]
            ctx.lastindex = states[c][1]
            r = k(ctx, positions[c])
            if r is not None:
                return r
        ctx.caps[:] = states[0][0]
        ctx.lastindex = states[0][1]
        return None
    return m_fixed


def literal_prefix(tree, flags):
    """The literal text every match starts with ('' when unknown)."""
    if flags & IGNORECASE:
        return ''
    node = tree
    out = []
    items = node[1] if node[0] == 'seq' else [node]
    for n in items:
        if n[0] == 'lit':
            out.append(n[1])
        else:
            break
    return ''.join(out)
