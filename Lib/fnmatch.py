"""Filename matching with shell patterns (Weft).

fnmatch(name, pat) matches after os.path.normcase; fnmatchcase(name, pat)
matches exactly; filter(names, pat) keeps the matches.  Patterns: * (any
run), ? (any one character), [seq], [!seq].  Matching is done by a small
backtracking matcher here, so it does not need the re module; translate()
still returns the regular expression CPython would build.
"""
import os
import functools

__all__ = ["filter", "fnmatch", "fnmatchcase", "translate"]


def fnmatch(name, pat):
    """Test whether FILENAME matches PATTERN (after os.path.normcase)."""
    name = os.path.normcase(name)
    pat = os.path.normcase(pat)
    return fnmatchcase(name, pat)


@functools.lru_cache(maxsize=256, typed=True)
def _compile(pat):
    """Parse a pattern into tokens: ('*',), ('?',), ('lit', ch) or
    ('set', negate, items) with items (lo, hi) character ranges."""
    is_bytes = isinstance(pat, bytes)
    if is_bytes:
        pat = str(pat, 'ISO-8859-1')
    tokens = []
    i, n = 0, len(pat)
    while i < n:
        c = pat[i]
        i += 1
        if c == '*':
            if not tokens or tokens[-1] != ('*',):
                tokens.append(('*',))
        elif c == '?':
            tokens.append(('?',))
        elif c == '[':
            j = i
            if j < n and pat[j] == '!':
                j += 1
            if j < n and pat[j] == ']':
                j += 1
            while j < n and pat[j] != ']':
                j += 1
            if j >= n:
                tokens.append(('lit', '['))
                continue
            body = pat[i:j]
            i = j + 1
            negate = body[:1] == '!'
            if negate:
                body = body[1:]
            items = []
            k = 0
            while k < len(body):
                if k + 2 < len(body) and body[k + 1] == '-':
                    lo, hi = body[k], body[k + 2]
                    if lo <= hi:
                        items.append((lo, hi))
                    k += 3
                else:
                    items.append((body[k], body[k]))
                    k += 1
            tokens.append(('set', negate, tuple(items)))
        else:
            tokens.append(('lit', c))
    return is_bytes, tuple(tokens)


def _match_one(tok, ch):
    kind = tok[0]
    if kind == '?':
        return True
    if kind == 'lit':
        return tok[1] == ch
    inside = False
    for lo, hi in tok[2]:
        if lo <= ch <= hi:
            inside = True
            break
    return inside != tok[1]


def _match(tokens, name):
    # Greedy matching with backtracking to the last '*'.
    t = s = 0
    star_t = star_s = -1
    nt, ns = len(tokens), len(name)
    while s < ns:
        if t < nt and tokens[t][0] == '*':
            star_t, star_s = t, s
            t += 1
        elif t < nt and _match_one(tokens[t], name[s]):
            t += 1
            s += 1
        elif star_t >= 0:
            star_s += 1
            s = star_s
            t = star_t + 1
        else:
            return False
    while t < nt and tokens[t][0] == '*':
        t += 1
    return t == nt


def fnmatchcase(name, pat):
    """Test whether FILENAME matches PATTERN, including case."""
    is_bytes, tokens = _compile(pat)
    if is_bytes:
        if not isinstance(name, bytes):
            raise TypeError("cannot use a bytes pattern on a string-like object")
        name = str(name, 'ISO-8859-1')
    elif isinstance(name, bytes):
        raise TypeError("cannot use a string pattern on a bytes-like object")
    return _match(tokens, name)


def filter(names, pat):
    """Construct a list from those elements of the iterable NAMES that match PAT."""
    pat = os.path.normcase(pat)
    return [name for name in names if fnmatchcase(os.path.normcase(name), pat)]


_special = frozenset('()[]{}?*+-|^$\\.&~# \t\n\r\v\f')


def _escape(s):
    return ''.join('\\' + c if c in _special else c for c in s)


def translate(pat):
    """Translate a shell PATTERN to a regular expression (as CPython's
    fnmatch.translate, for callers that hand it to re)."""
    parts = []
    i, n = 0, len(pat)
    while i < n:
        c = pat[i]
        i += 1
        if c == '*':
            if not parts or parts[-1] is not None:
                parts.append(None)
        elif c == '?':
            parts.append('.')
        elif c == '[':
            j = i
            if j < n and pat[j] == '!':
                j += 1
            if j < n and pat[j] == ']':
                j += 1
            while j < n and pat[j] != ']':
                j += 1
            if j >= n:
                parts.append('\\[')
            else:
                stuff = pat[i:j]
                if '-' not in stuff:
                    stuff = stuff.replace('\\', r'\\')
                else:
                    chunks = []
                    k = i + 2 if pat[i] == '!' else i + 1
                    while True:
                        k = pat.find('-', k, j)
                        if k < 0:
                            break
                        chunks.append(pat[i:k])
                        i = k + 1
                        k = k + 3
                    chunk = pat[i:j]
                    if chunk:
                        chunks.append(chunk)
                    else:
                        chunks[-1] += '-'
                    for k in range(len(chunks) - 1, 0, -1):
                        if chunks[k - 1][-1] > chunks[k][0]:
                            chunks[k - 1] = chunks[k - 1][:-1] + chunks[k][1:]
                            del chunks[k]
                    stuff = '-'.join(s.replace('\\', r'\\').replace('-', r'\-') for s in chunks)
                stuff = stuff.replace('&', r'\&').replace('~', r'\~').replace('|', r'\|')
                i = j + 1
                if not stuff:
                    parts.append('(?!)')
                elif stuff == '!':
                    parts.append('.')
                else:
                    if stuff[0] == '!':
                        stuff = '^' + stuff[1:]
                    elif stuff[0] in ('^', '['):
                        stuff = '\\' + stuff
                    parts.append(f'[{stuff}]')
        else:
            parts.append(_escape(c))
    # Each '*' becomes a lazy-free atomic group as CPython writes it.
    res = []
    k = 0
    while k < len(parts) and parts[k] is not None:
        res.append(parts[k])
        k += 1
    while k < len(parts):
        k += 1  # the '*'
        if k == len(parts):
            res.append('.*')
            break
        fixed = []
        while k < len(parts) and parts[k] is not None:
            fixed.append(parts[k])
            k += 1
        fixed = ''.join(fixed)
        if k == len(parts):
            res.append('.*')
            res.append(fixed)
        else:
            res.append(f'(?>.*?{fixed})')
    return fr'(?s:{"".join(res)})\Z'
