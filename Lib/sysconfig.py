"""Access to Python's configuration information (Weft).

Config variables come from the _sysconfig module (build settings such as
Py_GIL_DISABLED) plus values derived from sys (prefixes, versions, ABI
flags); installation paths follow CPython's posix_prefix scheme.
"""
import os
import sys

__all__ = [
    'get_config_h_filename', 'get_config_var', 'get_config_vars',
    'get_makefile_filename', 'get_path', 'get_path_names', 'get_paths',
    'get_platform', 'get_python_version', 'get_scheme_names', 'parse_config_h',
    'get_default_scheme', 'get_preferred_scheme', 'is_python_build',
]

_INSTALL_SCHEMES = {
    'posix_prefix': {
        'stdlib': '{installed_base}/{platlibdir}/python{py_version_short}{abi_thread}',
        'platstdlib': '{platbase}/{platlibdir}/python{py_version_short}{abi_thread}',
        'purelib': '{base}/lib/python{py_version_short}{abi_thread}/site-packages',
        'platlib': '{platbase}/{platlibdir}/python{py_version_short}{abi_thread}/site-packages',
        'include': '{installed_base}/include/python{py_version_short}{abiflags}',
        'platinclude': '{installed_platbase}/include/python{py_version_short}{abiflags}',
        'scripts': '{base}/bin',
        'data': '{base}',
    },
    'posix_home': {
        'stdlib': '{installed_base}/lib/python',
        'platstdlib': '{base}/lib/python',
        'purelib': '{base}/lib/python',
        'platlib': '{base}/lib/python',
        'include': '{installed_base}/include/python',
        'platinclude': '{installed_base}/include/python',
        'scripts': '{base}/bin',
        'data': '{base}',
    },
    'posix_user': {
        'stdlib': '{userbase}/{platlibdir}/python{py_version_short}{abi_thread}',
        'platstdlib': '{userbase}/{platlibdir}/python{py_version_short}{abi_thread}',
        'purelib': '{userbase}/lib/python{py_version_short}{abi_thread}/site-packages',
        'platlib': '{userbase}/lib/python{py_version_short}{abi_thread}/site-packages',
        'include': '{userbase}/include/python{py_version_short}{abi_thread}',
        'scripts': '{userbase}/bin',
        'data': '{userbase}',
    },
}

_SCHEME_KEYS = ('stdlib', 'platstdlib', 'purelib', 'platlib', 'include',
                'scripts', 'data')

_CONFIG_VARS = None


def _prefix():
    return os.path.normpath(getattr(sys, 'prefix', None) or '/usr/local')


def _exec_prefix():
    return os.path.normpath(getattr(sys, 'exec_prefix', None) or _prefix())


def _build_config_vars():
    vars = {}
    try:
        import _sysconfig
        vars.update(_sysconfig.config_vars())
    except ImportError:
        vars['Py_GIL_DISABLED'] = 0 if getattr(sys, '_is_gil_enabled', lambda: True)() else 1
    version_info = getattr(sys, 'version_info', (3, 13, 0))
    vars['py_version'] = '%d.%d.%d' % tuple(version_info[:3])
    vars['py_version_short'] = '%d.%d' % tuple(version_info[:2])
    vars['py_version_nodot'] = '%d%d' % tuple(version_info[:2])
    vars['py_version_nodot_plat'] = ''
    vars['VERSION'] = vars['py_version_short']
    prefix = _prefix()
    exec_prefix = _exec_prefix()
    vars['prefix'] = prefix
    vars['exec_prefix'] = exec_prefix
    vars['installed_base'] = os.path.normpath(getattr(sys, 'base_prefix', prefix) or prefix)
    vars['base'] = prefix
    vars['installed_platbase'] = os.path.normpath(getattr(sys, 'base_exec_prefix', exec_prefix) or exec_prefix)
    vars['platbase'] = exec_prefix
    vars['projectbase'] = os.path.dirname(os.path.abspath(getattr(sys, 'executable', '') or '.'))
    vars['platlibdir'] = getattr(sys, 'platlibdir', 'lib')
    vars['implementation'] = 'Weft'
    vars['implementation_lower'] = 'weft'
    abiflags = getattr(sys, 'abiflags', None)
    if abiflags is None:
        abiflags = 't' if vars.get('Py_GIL_DISABLED') else ''
    vars['abiflags'] = abiflags
    vars.setdefault('ABIFLAGS', abiflags)
    vars['abi_thread'] = 't' if vars.get('Py_GIL_DISABLED') else ''
    vars['userbase'] = _getuserbase()
    vars['BINDIR'] = os.path.join(exec_prefix, 'bin')
    vars['LIBDIR'] = os.path.join(exec_prefix, vars['platlibdir'])
    vars['INCLUDEPY'] = os.path.join(prefix, 'include',
                                     'python' + vars['py_version_short'] + abiflags)
    machine = _machine()
    vars['MULTIARCH'] = machine + '-linux-gnu'
    vars['HOST_GNU_TYPE'] = machine + '-pc-linux-gnu'
    vars['SOABI'] = 'cpython-%s%s-%s' % (vars['py_version_nodot'], abiflags, vars['MULTIARCH'])
    vars['EXT_SUFFIX'] = '.' + vars['SOABI'] + '.so'
    vars['SHLIB_SUFFIX'] = '.so'
    vars['LDLIBRARY'] = 'libpython%s%s.a' % (vars['py_version_short'], abiflags)
    vars['MACHDEP'] = 'linux'
    vars['EXE'] = ''
    vars.setdefault('srcdir', vars['projectbase'])
    vars['TZPATH'] = '/usr/share/zoneinfo:/usr/lib/zoneinfo:/usr/share/lib/zoneinfo:/etc/zoneinfo'
    return vars


def _machine():
    try:
        return os.uname().machine
    except (AttributeError, OSError):
        return 'x86_64'


def _getuserbase():
    env_base = os.environ.get("PYTHONUSERBASE", None)
    if env_base:
        return env_base
    return os.path.join(os.path.expanduser("~"), ".local")


def get_config_vars(*args):
    """With no arguments, return a dictionary of all configuration
    variables relevant for the current platform.  With arguments, return a
    list of values that result from looking up each argument."""
    global _CONFIG_VARS
    if _CONFIG_VARS is None:
        _CONFIG_VARS = _build_config_vars()
    if args:
        return [_CONFIG_VARS.get(name) for name in args]
    return _CONFIG_VARS


def get_config_var(name):
    """Return the value of a single variable using the dictionary returned
    by 'get_config_vars()'.  Equivalent to get_config_vars().get(name)"""
    return get_config_vars().get(name)


def get_scheme_names():
    """Return a tuple containing the schemes names."""
    return tuple(sorted(_INSTALL_SCHEMES))


def get_path_names():
    """Return a tuple containing the paths names."""
    return _SCHEME_KEYS


def get_default_scheme():
    return 'posix_prefix'


def get_preferred_scheme(key):
    if key == 'prefix':
        return 'posix_prefix'
    if key == 'home':
        return 'posix_home'
    if key == 'user':
        return 'posix_user'
    raise ValueError(f"{key!r} is not a valid key. Valid keys are: prefix, home, user")


def _subst_vars(s, local_vars):
    # Replace {name} with the variable's value; unknown names raise
    # AttributeError as CPython's version does.
    out = []
    i = 0
    while i < len(s):
        c = s[i]
        if c == '{':
            j = s.find('}', i)
            if j < 0:
                out.append(s[i:])
                break
            name = s[i + 1:j]
            if name in local_vars:
                out.append(str(local_vars[name]))
            elif name in os.environ:
                out.append(os.environ[name])
            else:
                raise AttributeError(f'{{{name}}}') from None
            i = j + 1
        else:
            out.append(c)
            i += 1
    return ''.join(out)


def get_paths(scheme=None, vars=None, expand=True):
    """Return a mapping containing an install scheme."""
    if scheme is None:
        scheme = get_default_scheme()
    paths = _INSTALL_SCHEMES[scheme]
    if not expand:
        return dict(paths)
    local_vars = dict(get_config_vars())
    if vars:
        local_vars.update(vars)
    res = {}
    for key, value in paths.items():
        value = _subst_vars(value, local_vars)
        if os.name == 'posix':
            value = os.path.normpath(os.path.expanduser(value))
        res[key] = value
    return res


def get_path(name, scheme=None, vars=None, expand=True):
    """Return a path corresponding to the scheme."""
    return get_paths(scheme, vars, expand)[name]


def get_platform():
    """Return a string that identifies the current platform, e.g.
    'linux-x86_64'."""
    try:
        u = os.uname()
        osname = u.sysname.lower().replace('/', '')
        machine = u.machine.replace(' ', '_').replace('/', '-')
    except (AttributeError, OSError):
        return sys.platform
    if osname[:5] == 'linux':
        return f"{osname}-{machine}"
    return f"{osname}-{u.release}-{machine}"


def get_python_version():
    return get_config_var('py_version_short')


def get_makefile_filename():
    """Return the path of the Makefile."""
    return os.path.join(get_config_var('LIBDIR'), 'config', 'Makefile')


def get_config_h_filename():
    """Return the path of pyconfig.h."""
    return os.path.join(get_config_var('INCLUDEPY'), 'pyconfig.h')


def parse_config_h(fp, vars=None):
    """Parse a config.h-style file into a dictionary."""
    if vars is None:
        vars = {}
    for line in fp:
        line = line.strip()
        if line.startswith('#define '):
            parts = line.split(None, 2)
            if len(parts) >= 2:
                value = parts[2] if len(parts) > 2 else '1'
                try:
                    value = int(value)
                except ValueError:
                    pass
                vars[parts[1]] = value
        elif line.startswith('/* #undef '):
            parts = line.split()
            if len(parts) >= 3:
                vars[parts[2]] = 0
    return vars


def is_python_build(check_home=None):
    srcdir = get_config_var('srcdir')
    return bool(srcdir) and os.path.isfile(os.path.join(srcdir, 'Modules', 'main.c'))


def _main():
    print('Platform: "%s"' % get_platform())
    print('Python version: "%s"' % get_python_version())
    print('Current installation scheme: "%s"' % get_default_scheme())
    print()
    print('Paths: ')
    for k, v in sorted(get_paths().items()):
        print('\t%s = "%s"' % (k, v))
    print()
    print('Variables: ')
    for k, v in sorted(get_config_vars().items()):
        print('\t%s = "%s"' % (k, v))


if __name__ == '__main__':
    _main()
