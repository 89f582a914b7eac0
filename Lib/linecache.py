"""Cache of source-file lines, used by traceback and warnings to show the
line of code an event happened on.  getline(filename, lineno) never raises:
it returns '' when the line cannot be read."""

import sys
try:
    import os
except ImportError:
    os = None

__all__ = ["getline", "clearcache", "checkcache", "lazycache"]

# filename -> (size, mtime, lines, fullname); lazily loaded entries are
# stored as a 1-tuple (get_source_function,).
cache = {}


def clearcache():
    """Clear the cache entirely."""
    cache.clear()


def getline(filename, lineno, module_globals=None):
    """Get a line for a Python source file from the cache."""
    lines = getlines(filename, module_globals)
    if 1 <= lineno <= len(lines):
        return lines[lineno - 1]
    return ''


def getlines(filename, module_globals=None):
    """Get the lines for a Python source file from the cache."""
    entry = cache.get(filename)
    if entry is not None and len(entry) != 1:
        return entry[2]
    try:
        return updatecache(filename, module_globals)
    except MemoryError:
        clearcache()
        return []


def _stat(path):
    if os is None:
        try:
            with open(path, 'rb'):
                pass
        except (OSError, ValueError, TypeError):
            return None
        class _St:
            st_size = None
            st_mtime = None
        return _St()
    try:
        return os.stat(path)
    except (OSError, ValueError, AttributeError):
        return None


def checkcache(filename=None):
    """Discard cache entries that are out of date (the file changed or"""
    if filename is None:
        filenames = list(cache.keys())
    elif filename in cache:
        filenames = [filename]
    else:
        return
    for name in filenames:
        entry = cache.get(name)
        if entry is None or len(entry) == 1:
            continue
        size, mtime, lines, fullname = entry
        if mtime is None:
            continue   # no-op for files loaded via a __loader__
        st = _stat(fullname)
        if st is None or size != st.st_size or mtime != st.st_mtime:
            cache.pop(name, None)


def _decode(data):
    # PEP 263: a coding cookie on one of the first two lines; UTF-8 otherwise.
    encoding = 'utf-8'
    if data.startswith(b'\xef\xbb\xbf'):
        data = data[3:]
        encoding = 'utf-8'
    else:
        for line in data.split(b'\n', 2)[:2]:
            stripped = line.strip()
            if not stripped.startswith(b'#'):
                if stripped:
                    break
                continue
            k = stripped.find(b'coding')
            if k >= 0 and stripped[k + 6:k + 7] in (b':', b'='):
                rest = stripped[k + 7:].strip()
                name = b''
                for ch in rest:
                    c = bytes((ch,))
                    if c.isalnum() or c in b'-_.':
                        name += c
                    else:
                        break
                if name:
                    encoding = name.decode('ascii')
                break
    try:
        return data.decode(encoding, 'replace')
    except LookupError:
        return data.decode('utf-8', 'replace')


def _read_file(fullname):
    with open(fullname, 'rb') as f:
        data = f.read()
    return _decode(data)


def updatecache(filename, module_globals=None):
    """Update a cache entry and return its list of lines."""
    if filename in cache:
        if len(cache[filename]) != 1:
            cache.pop(filename, None)
    if not filename or (filename.startswith('<') and filename.endswith('>')):
        return []

    fullname = filename
    st = _stat(fullname)
    if st is None:
        # A module loaded by a loader that can give its source?
        if lazycache(filename, module_globals):
            try:
                data = cache[filename][0]()
            except (ImportError, OSError):
                pass
            else:
                if data is None:
                    return []
                lines = data.splitlines(True)
                if lines and not lines[-1].endswith('\n'):
                    lines[-1] += '\n'
                cache[filename] = (len(data), None, lines, fullname)
                return cache[filename][2]
        # Try looking through the module search path (relative names).
        if filename.startswith('/'):
            return []
        for dirname in sys.path:
            try:
                fullname = (dirname.rstrip('/') + '/' + filename) if dirname else filename
            except (TypeError, AttributeError):
                continue
            st = _stat(fullname)
            if st is not None:
                break
        else:
            return []
    try:
        text = _read_file(fullname)
    except (OSError, UnicodeDecodeError, SyntaxError):
        return []
    lines = text.splitlines(True)
    if lines and not lines[-1].endswith('\n'):
        lines[-1] += '\n'
    size, mtime = st.st_size, st.st_mtime
    cache[filename] = size, mtime, lines, fullname
    return lines


def lazycache(filename, module_globals):
    """Seed the cache for filename with module_globals: the module's"""
    if filename in cache:
        return len(cache[filename]) == 1
    if not filename or (filename.startswith('<') and filename.endswith('>')):
        return False
    if module_globals and '__name__' in module_globals:
        spec = module_globals.get('__spec__')
        name = getattr(spec, 'name', None) or module_globals['__name__']
        loader = getattr(spec, 'loader', None)
        if loader is None:
            loader = module_globals.get('__loader__')
        get_source = getattr(loader, 'get_source', None)
        if name and get_source:
            def get_lines(name=name, *args, **kwargs):
                return get_source(name, *args, **kwargs)
            cache[filename] = (get_lines,)
            return True
    return False


def _register_code(code, string, name):
    cache[code] = (len(string), None,
                   [line + '\n' for line in string.splitlines()], name)
