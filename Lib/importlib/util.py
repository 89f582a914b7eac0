"""importlib.util (small): spec_from_file_location, module_from_spec,
find_spec, resolve_name, and a ModuleSpec/loader pair for source files."""

import sys
from . import _resolve_name

__all__ = ['find_spec', 'module_from_spec', 'resolve_name',
           'spec_from_file_location', 'spec_from_loader']


class ModuleSpec:
    """The import-related information about a module."""

    def __init__(self, name, loader, *, origin=None, loader_state=None,
                 is_package=None):
        self.name = name
        self.loader = loader
        self.origin = origin
        self.loader_state = loader_state
        self.submodule_search_locations = [] if is_package else None
        self.cached = None
        self.has_location = origin is not None

    @property
    def parent(self):
        if self.submodule_search_locations is None:
            return self.name.rpartition('.')[0]
        return self.name

    def __repr__(self):
        args = [f'name={self.name!r}', f'loader={self.loader!r}']
        if self.origin is not None:
            args.append(f'origin={self.origin!r}')
        if self.submodule_search_locations is not None:
            args.append(f'submodule_search_locations={self.submodule_search_locations}')
        return f'ModuleSpec({", ".join(args)})'


class SourceFileLoader:
    """Loads a module from a Python source file."""

    def __init__(self, fullname, path):
        self.name = fullname
        self.path = path

    def create_module(self, spec):
        return None

    def get_filename(self, fullname=None):
        return self.path

    def get_source(self, fullname=None):
        with open(self.path, 'rb') as f:
            data = f.read()
        return data.decode('utf-8')

    def get_code(self, fullname=None):
        with open(self.path, 'rb') as f:
            data = f.read()
        return compile(data, self.path, 'exec')

    def exec_module(self, module):
        code = self.get_code(module.__name__)
        exec(code, module.__dict__)

    def is_package(self, fullname=None):
        return self.path.rpartition('/')[2].startswith('__init__.')

    def __repr__(self):
        return f'<SourceFileLoader object name={self.name!r} path={self.path!r}>'


def resolve_name(name, package):
    """Resolve a relative module name to an absolute one."""
    if not name.startswith('.'):
        return name
    elif not package:
        raise ImportError(f'no package specified for {repr(name)} '
                          '(required for relative module names)')
    level = 0
    for character in name:
        if character != '.':
            break
        level += 1
    return _resolve_name(name[level:], package, level)


def spec_from_loader(name, loader, *, origin=None, is_package=None):
    if is_package is None and hasattr(loader, 'is_package'):
        try:
            is_package = loader.is_package(name)
        except ImportError:
            is_package = None
    return ModuleSpec(name, loader, origin=origin, is_package=is_package)


def spec_from_file_location(name, location=None, *, loader=None,
                            submodule_search_locations=None):
    """Return a module spec based on a file location."""
    if location is None:
        return None
    location = str(location)
    if loader is None:
        loader = SourceFileLoader(name, location)
    spec = ModuleSpec(name, loader, origin=location)
    if submodule_search_locations is not None:
        spec.submodule_search_locations = list(submodule_search_locations)
    elif loader.is_package(name) if hasattr(loader, 'is_package') else False:
        spec.submodule_search_locations = [location.rpartition('/')[0]]
    return spec


def module_from_spec(spec):
    """Create a module based on the provided spec."""
    module = None
    if hasattr(spec.loader, 'create_module'):
        module = spec.loader.create_module(spec)
    if module is None:
        module = type(sys)(spec.name)
    module.__spec__ = spec
    module.__loader__ = spec.loader
    if spec.parent is not None:
        module.__package__ = spec.parent
    if spec.origin is not None and getattr(spec, 'has_location', False):
        module.__file__ = spec.origin
    if spec.submodule_search_locations is not None:
        module.__path__ = spec.submodule_search_locations
    return module


def find_spec(name, package=None):
    """Return the spec for the specified module (None if not found)."""
    fullname = resolve_name(name, package) if name.startswith('.') else name
    if fullname in sys.modules:
        module = sys.modules[fullname]
        if module is None:
            return None
        try:
            spec = module.__spec__
        except AttributeError:
            raise ValueError(f'{fullname}.__spec__ is not set') from None
        if spec is None:
            raise ValueError(f'{fullname}.__spec__ is None')
        return spec
    parent, _, last = fullname.rpartition('.')
    if parent:
        pkg = __import__(parent, fromlist=['__name__'])
        paths = getattr(pkg, '__path__', None)
        if paths is None:
            raise ModuleNotFoundError(
                f"__path__ attribute not found on {parent!r} "
                f"while trying to find {fullname!r}", name=fullname)
    else:
        paths = sys.path
    for finder in getattr(sys, 'meta_path', ()):
        fs = getattr(finder, 'find_spec', None)
        if fs is not None:
            try:
                spec = fs(fullname, None if not parent else paths)
            except Exception:
                spec = None
            if spec is not None:
                return spec
    for d in paths:
        base = (d or '.') + '/' + last
        for candidate, is_pkg in ((base + '/__init__.py', True), (base + '.py', False)):
            try:
                with open(candidate, 'rb'):
                    pass
            except OSError:
                continue
            spec = spec_from_file_location(fullname, candidate)
            if is_pkg:
                spec.submodule_search_locations = [base]
            return spec
    if fullname in sys.builtin_module_names if hasattr(sys, 'builtin_module_names') else False:
        return ModuleSpec(fullname, None, origin='built-in')
    return None
