"""A small importlib: import_module, reload, invalidate_caches.

Imports go through the interpreter's __import__; reload re-runs the
module's code in its existing namespace (through its spec's loader when
it has one with exec_module, else by compiling its source file).
"""

import sys

__all__ = ['__import__', 'import_module', 'invalidate_caches', 'reload']

_builtin_import = __import__


def _resolve_name(name, package, level):
    """Resolve a relative module name to an absolute one."""
    bits = package.rsplit('.', level - 1)
    if len(bits) < level:
        raise ImportError('attempted relative import beyond top-level package')
    base = bits[0]
    return f'{base}.{name}' if name else base


def import_module(name, package=None):
    """Import a module.

    The 'package' argument is required when performing a relative import. It
    specifies the package to use as the anchor point from which to resolve the
    relative import to an absolute import.
    """
    level = 0
    if name.startswith('.'):
        if not package:
            raise TypeError("the 'package' argument is required to perform a "
                            f"relative import for {name!r}")
        for character in name:
            if character != '.':
                break
            level += 1
        name = _resolve_name(name[level:], package, level)
    if not isinstance(name, str):
        raise TypeError(f'module name must be str, not {type(name).__name__}')
    if not name:
        raise ValueError('Empty module name')
    _builtin_import(name)
    return sys.modules[name]


def invalidate_caches():
    """Call the invalidate_caches() method on all meta path finders stored in
    sys.meta_path (where implemented)."""
    for finder in getattr(sys, 'meta_path', ()):
        if hasattr(finder, 'invalidate_caches'):
            finder.invalidate_caches()


_RELOADING = {}


def _source_of(module):
    spec = getattr(module, '__spec__', None)
    origin = getattr(spec, 'origin', None) if spec is not None else None
    path = getattr(module, '__file__', None) or origin
    if not path or not isinstance(path, str):
        return None, None
    if path.endswith(('.pyc', '.pyo')):
        path = path[:-1]
    try:
        with open(path, 'rb') as f:
            return f.read(), path
    except OSError:
        return None, None


def reload(module):
    """Reload the module and return it.

    The module must have been successfully imported before.
    """
    try:
        name = module.__spec__.name
    except AttributeError:
        try:
            name = module.__name__
        except AttributeError:
            raise TypeError("reload() argument must be a module") from None

    if sys.modules.get(name) is not module:
        raise ImportError(f"module {name} not in sys.modules", name=name)
    if name in _RELOADING:
        return _RELOADING[name]
    _RELOADING[name] = module
    try:
        parent_name = name.rpartition('.')[0]
        if parent_name and parent_name not in sys.modules:
            raise ImportError(f"parent {parent_name!r} not in sys.modules",
                              name=parent_name)
        spec = getattr(module, '__spec__', None)
        loader = getattr(spec, 'loader', None) if spec is not None else None
        if loader is not None and hasattr(loader, 'exec_module'):
            loader.exec_module(module)
        else:
            source, path = _source_of(module)
            if source is None:
                # Built-in or extension module: nothing to re-run.
                return sys.modules.get(name, module)
            code = compile(source, path, 'exec')
            exec(code, module.__dict__)
        return sys.modules.get(name, module)
    finally:
        try:
            del _RELOADING[name]
        except KeyError:
            pass
