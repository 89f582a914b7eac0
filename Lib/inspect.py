"""Get information about live objects (a compact inspect module).

Type predicates (isfunction, isclass, iscoroutinefunction, ...),
generator/coroutine states, getmembers, getmro, getdoc/cleandoc,
getmodule, getfile/getsourcefile/getsource/getsourcelines,
unwrap, and signature() with Signature and Parameter objects built from
a function's code object, defaults and annotations.
"""

import sys
import types
import functools
import enum
import collections
import collections.abc
import keyword as _keyword

__all__ = [
    "ismodule", "isclass", "ismethod", "isfunction", "isgeneratorfunction",
    "isgenerator", "iscoroutinefunction", "iscoroutine", "isawaitable",
    "isasyncgenfunction", "isasyncgen", "istraceback", "isframe", "iscode",
    "isbuiltin", "isroutine", "isabstract", "ismethoddescriptor",
    "isdatadescriptor", "isgetsetdescriptor", "ismemberdescriptor",
    "ismethodwrapper", "getmembers", "getmembers_static", "getmro",
    "getdoc", "cleandoc", "getmodule", "getfile", "getsourcefile",
    "getsource", "getsourcelines", "unwrap", "signature", "Signature",
    "Parameter", "BoundArguments", "getgeneratorstate",
    "getcoroutinestate", "getasyncgenstate", "GEN_CREATED", "GEN_RUNNING",
    "GEN_SUSPENDED", "GEN_CLOSED", "CORO_CREATED", "CORO_RUNNING",
    "CORO_SUSPENDED", "CORO_CLOSED", "AGEN_CREATED", "AGEN_RUNNING",
    "AGEN_SUSPENDED", "AGEN_CLOSED", "currentframe", "stack", "getattr_static",
    "markcoroutinefunction", "get_annotations", "getfullargspec",
    "FullArgSpec", "getcallargs", "isasyncgenfunction", "CO_GENERATOR",
]

# Code object flags.
CO_OPTIMIZED = 0x1
CO_NEWLOCALS = 0x2
CO_VARARGS = 0x4
CO_VARKEYWORDS = 0x8
CO_NESTED = 0x10
CO_GENERATOR = 0x20
CO_NOFREE = 0x40
CO_COROUTINE = 0x80
CO_ITERABLE_COROUTINE = 0x100
CO_ASYNC_GENERATOR = 0x200


# ---------------------------------------------------------------- predicates

def ismodule(object):
    """Return true if the object is a module."""
    return isinstance(object, types.ModuleType)


def isclass(object):
    """Return true if the object is a class."""
    return isinstance(object, type)


def ismethod(object):
    """Return true if the object is an instance method."""
    return isinstance(object, types.MethodType)


def ismethoddescriptor(object):
    """Return true if the object is a method descriptor (has __get__ but
    not __set__, and is not a class, method or function)."""
    if isclass(object) or ismethod(object) or isfunction(object):
        return False
    tp = type(object)
    return hasattr(tp, "__get__") and not hasattr(tp, "__set__")


def isdatadescriptor(object):
    """Return true if the object is a data descriptor (__set__ or __delete__)."""
    if isclass(object) or ismethod(object) or isfunction(object):
        return False
    tp = type(object)
    return hasattr(tp, "__set__") or hasattr(tp, "__delete__")


def ismemberdescriptor(object):
    """Return true if the object is a member descriptor (slots)."""
    return isinstance(object, types.MemberDescriptorType)


def isgetsetdescriptor(object):
    """Return true if the object is a getset descriptor."""
    return isinstance(object, types.GetSetDescriptorType)


def isfunction(object):
    """Return true if the object is a user-defined function."""
    return isinstance(object, types.FunctionType)


def _unwrap_partial(func):
    while isinstance(func, functools.partial):
        func = func.func
    return func


def _has_code_flag(f, flag):
    f = getattr(f, '__func__', f) if ismethod(f) else f
    f = _unwrap_partial(f)
    while ismethod(f):
        f = f.__func__
    if not (isfunction(f) or _signature_is_functionlike(f)):
        return False
    return bool(f.__code__.co_flags & flag)


def isgeneratorfunction(obj):
    """Return true if the object is a user-defined generator function."""
    return _has_code_flag(obj, CO_GENERATOR)


_is_coroutine_mark = object()


def _has_coroutine_mark(f):
    while ismethod(f):
        f = f.__func__
    f = _unwrap_partial(f)
    return getattr(f, "_is_coroutine_marker", None) is _is_coroutine_mark


def markcoroutinefunction(func):
    """Mark a function as a coroutine function for iscoroutinefunction()."""
    if hasattr(func, '__func__'):
        func = func.__func__
    func._is_coroutine_marker = _is_coroutine_mark
    return func


def iscoroutinefunction(obj):
    """Return true if the object is a coroutine function (async def)."""
    return _has_code_flag(obj, CO_COROUTINE) or _has_coroutine_mark(obj)


def isasyncgenfunction(obj):
    """Return true if the object is an asynchronous generator function."""
    return _has_code_flag(obj, CO_ASYNC_GENERATOR)


def isasyncgen(object):
    """Return true if the object is an asynchronous generator."""
    return isinstance(object, types.AsyncGeneratorType)


def isgenerator(object):
    """Return true if the object is a generator."""
    return isinstance(object, types.GeneratorType)


def iscoroutine(object):
    """Return true if the object is a coroutine."""
    return isinstance(object, types.CoroutineType)


def isawaitable(object):
    """Return true if object can be passed to an ``await`` expression."""
    return (isinstance(object, types.CoroutineType) or
            isinstance(object, types.GeneratorType) and
            bool(object.gi_code.co_flags & CO_ITERABLE_COROUTINE) or
            isinstance(object, collections.abc.Awaitable))


def istraceback(object):
    """Return true if the object is a traceback."""
    return isinstance(object, types.TracebackType)


def isframe(object):
    """Return true if the object is a frame object."""
    return isinstance(object, types.FrameType)


def iscode(object):
    """Return true if the object is a code object."""
    return isinstance(object, types.CodeType)


def isbuiltin(object):
    """Return true if the object is a built-in function or method."""
    return isinstance(object, types.BuiltinFunctionType)


def ismethodwrapper(object):
    """Return true if the object is a method wrapper."""
    return isinstance(object, types.MethodWrapperType)


def isroutine(object):
    """Return true if the object is any kind of function or method."""
    return (isbuiltin(object)
            or isfunction(object)
            or ismethod(object)
            or ismethoddescriptor(object)
            or ismethodwrapper(object))


def isabstract(object):
    """Return true if the object is an abstract base class (ABC)."""
    if not isinstance(object, type):
        return False
    if object.__flags__ & (1 << 20):   # Py_TPFLAGS_IS_ABSTRACT
        return True
    return bool(getattr(object, '__abstractmethods__', False))


# ---------------------------------------------------------------- states

GEN_CREATED = 'GEN_CREATED'
GEN_RUNNING = 'GEN_RUNNING'
GEN_SUSPENDED = 'GEN_SUSPENDED'
GEN_CLOSED = 'GEN_CLOSED'


def getgeneratorstate(generator):
    """Get current state of a generator-iterator."""
    if generator.gi_running:
        return GEN_RUNNING
    if hasattr(generator, 'gi_suspended'):
        if generator.gi_suspended:
            return GEN_SUSPENDED
        if generator.gi_frame is None:
            return GEN_CLOSED
        return GEN_CREATED
    # Without gi_suspended: a frame that has not run yet has f_lasti < 0.
    if generator.gi_frame is None:
        return GEN_CLOSED
    if generator.gi_frame.f_lasti < 0:
        return GEN_CREATED
    return GEN_SUSPENDED


CORO_CREATED = 'CORO_CREATED'
CORO_RUNNING = 'CORO_RUNNING'
CORO_SUSPENDED = 'CORO_SUSPENDED'
CORO_CLOSED = 'CORO_CLOSED'


def getcoroutinestate(coroutine):
    """Get current state of a coroutine object."""
    if coroutine.cr_running:
        return CORO_RUNNING
    if getattr(coroutine, 'cr_suspended', None):
        return CORO_SUSPENDED
    if coroutine.cr_frame is None:
        return CORO_CLOSED
    return CORO_CREATED


AGEN_CREATED = 'AGEN_CREATED'
AGEN_RUNNING = 'AGEN_RUNNING'
AGEN_SUSPENDED = 'AGEN_SUSPENDED'
AGEN_CLOSED = 'AGEN_CLOSED'


def getasyncgenstate(agen):
    """Get current state of an asynchronous generator object."""
    if agen.ag_running:
        return AGEN_RUNNING
    if getattr(agen, 'ag_suspended', None):
        return AGEN_SUSPENDED
    if agen.ag_frame is None:
        return AGEN_CLOSED
    return AGEN_CREATED


# ---------------------------------------------------------------- members

def getmembers(object, predicate=None):
    """Return all members of an object as (name, value) pairs sorted by name."""
    if isclass(object):
        mro = (object,) + getmro(object)
    else:
        mro = ()
    results = []
    processed = set()
    names = dir(object)
    if isclass(object):
        try:
            for base in object.__bases__:
                for k, v in base.__dict__.items():
                    if isinstance(v, types.DynamicClassAttribute):
                        names.append(k)
        except AttributeError:
            pass
    for key in names:
        try:
            value = getattr(object, key)
            if key in processed:
                raise AttributeError
        except AttributeError:
            for base in mro:
                if key in base.__dict__:
                    value = base.__dict__[key]
                    break
            else:
                continue
        if not predicate or predicate(value):
            results.append((key, value))
        processed.add(key)
    results.sort(key=lambda pair: pair[0])
    return results


def getmembers_static(object, predicate=None):
    """Like getmembers() but without triggering descriptors."""
    results = []
    for key in dir(object):
        try:
            value = getattr_static(object, key)
        except AttributeError:
            continue
        if not predicate or predicate(value):
            results.append((key, value))
    results.sort(key=lambda pair: pair[0])
    return results


_sentinel = object()


def getattr_static(obj, attr, default=_sentinel):
    """Retrieve attributes without triggering dynamic lookup via the
    descriptor protocol, __getattr__ or __getattribute__."""
    if not isinstance(obj, type):
        try:
            d = object.__getattribute__(obj, '__dict__')
        except AttributeError:
            d = {}
        if attr in d:
            return d[attr]
        klass_mro = type(obj).__mro__
    else:
        klass_mro = obj.__mro__ + type(obj).__mro__
    for entry in klass_mro:
        if attr in entry.__dict__:
            return entry.__dict__[attr]
    if default is not _sentinel:
        return default
    raise AttributeError(attr)


def getmro(cls):
    """Return tuple of base classes (including cls) in method resolution order."""
    return cls.__mro__


def unwrap(func, *, stop=None):
    """Get the object wrapped by *func* (follows __wrapped__ chains)."""
    f = func
    memo = {id(f): f}
    recursion_limit = sys.getrecursionlimit() if hasattr(sys, 'getrecursionlimit') else 1000
    while not isinstance(func, type) and hasattr(func, '__wrapped__'):
        if stop is not None and stop(func):
            break
        func = func.__wrapped__
        id_func = id(func)
        if (id_func in memo) or (len(memo) >= recursion_limit):
            raise ValueError('wrapper loop when unwrapping {!r}'.format(f))
        memo[id_func] = func
    return func


# ---------------------------------------------------------------- docs and source

def cleandoc(doc):
    """Clean up indentation from docstrings: strip the common margin of
    the lines after the first, and blank lines at both ends."""
    lines = doc.expandtabs().split('\n')
    margin = None
    for line in lines[1:]:
        content = len(line.lstrip(' '))
        if content:
            indent = len(line) - content
            margin = indent if margin is None else min(margin, indent)
    lines[0] = lines[0].lstrip(' ')
    if margin is not None:
        lines[1:] = [l[margin:] for l in lines[1:]]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    return '\n'.join(lines)


def getdoc(object):
    """Get the documentation string for an object (cleaned up)."""
    try:
        doc = object.__doc__
    except AttributeError:
        return None
    if doc is None:
        if isclass(object) or ismethod(object) or isfunction(object):
            for base in getattr(object, '__mro__', ())[1:]:
                doc = base.__dict__.get('__doc__')
                if doc is not None and base is not object:
                    break
            else:
                doc = None
        if doc is None:
            return None
    if not isinstance(doc, str):
        return None
    return cleandoc(doc)


def getmodule(object, _filename=None):
    """Return the module an object was defined in, or None if not found."""
    if ismodule(object):
        return object
    if hasattr(object, '__module__'):
        return sys.modules.get(object.__module__)
    return None


def getfile(object):
    """Work out which source or compiled file an object was defined in."""
    if ismodule(object):
        if getattr(object, '__file__', None):
            return object.__file__
        raise TypeError('{!r} is a built-in module'.format(object))
    if isclass(object):
        if hasattr(object, '__module__'):
            module = sys.modules.get(object.__module__)
            if getattr(module, '__file__', None):
                return module.__file__
        raise TypeError('{!r} is a built-in class'.format(object))
    if ismethod(object):
        object = object.__func__
    if isfunction(object):
        object = object.__code__
    if istraceback(object):
        object = object.tb_frame
    if isframe(object):
        object = object.f_code
    if iscode(object):
        return object.co_filename
    raise TypeError('module, class, method, function, traceback, frame, or '
                    'code object was expected, got {}'.format(
                    type(object).__name__))


def getsourcefile(object):
    """Return the filename that can be used to locate an object's source."""
    filename = getfile(object)
    if filename.endswith(('.pyc', '.pyo')):
        filename = filename[:-1]
    return filename


def getsourcelines(object):
    """Return a list of source lines and starting line number for an object."""
    import linecache
    object = unwrap(object)
    filename = getsourcefile(object)
    lines = linecache.getlines(filename)
    if not lines:
        raise OSError('could not get source code')
    if ismodule(object):
        return lines, 0
    if ismethod(object):
        object = object.__func__
    if isfunction(object):
        object = object.__code__
    if istraceback(object):
        object = object.tb_frame
    if isframe(object):
        object = object.f_code
    if isclass(object):
        name = object.__name__
        for i, line in enumerate(lines):
            stripped = line.lstrip()
            if stripped.startswith('class ' + name) and \
                    stripped[6 + len(name):7 + len(name)] in ('(', ':'):
                return _block(lines, i), i + 1
        raise OSError('could not find class definition')
    if iscode(object):
        start = object.co_firstlineno - 1
        return _block(lines, start), start + 1
    raise OSError('could not find code object')


def _block(lines, start):
    # The lines of the definition starting at lines[start]: decorators
    # above are included by the caller's line number; the body is every
    # following line indented more than the header (or blank).
    header = lines[start]
    indent = len(header) - len(header.lstrip())
    out = [header]
    i = start + 1
    opened = header.count('(') - header.count(')')
    while i < len(lines):
        line = lines[i]
        if opened > 0:
            out.append(line)
            opened += line.count('(') - line.count(')')
            i += 1
            continue
        if line.strip() and (len(line) - len(line.lstrip())) <= indent:
            break
        out.append(line)
        i += 1
    while out and not out[-1].strip():
        out.pop()
    return out


def getsource(object):
    """Return the text of the source code for an object."""
    lines, lnum = getsourcelines(object)
    return ''.join(lines)


def currentframe():
    """Return the frame of the caller or None if this is not possible."""
    return sys._getframe(1) if hasattr(sys, "_getframe") else None


FrameInfo = collections.namedtuple(
    'FrameInfo', 'frame filename lineno function code_context index')


def stack(context=1):
    """Return a list of FrameInfo for the stack above the caller's frame."""
    import linecache
    frame = sys._getframe(1)
    out = []
    while frame is not None:
        code = frame.f_code
        line = linecache.getline(code.co_filename, frame.f_lineno)
        out.append(FrameInfo(frame, code.co_filename, frame.f_lineno,
                             code.co_name, [line] if line else None, 0))
        frame = frame.f_back
    return out


def get_annotations(obj, *, globals=None, locals=None, eval_str=False):
    """Compute the annotations dict for an object."""
    if isinstance(obj, type):
        ann = obj.__dict__.get('__annotations__', None)
    else:
        ann = getattr(obj, '__annotations__', None)
    if ann is None:
        return {}
    if not isinstance(ann, dict):
        raise ValueError(f"{obj!r}.__annotations__ is neither a dict nor None")
    ann = dict(ann)
    if eval_str:
        if globals is None:
            globals = getattr(obj, '__globals__', None)
            if globals is None:
                module = sys.modules.get(getattr(obj, '__module__', None))
                globals = getattr(module, '__dict__', {})
        ann = {k: (eval(v, globals, locals) if isinstance(v, str) else v)
               for k, v in ann.items()}
    return ann


# ---------------------------------------------------------------- signatures
#
# Parameter: one (name, kind, default, annotation) record, immutable.
# Signature: the parameters in order (validated on construction) plus the
# return annotation; bind() maps call arguments onto them the way a real
# call would, giving a BoundArguments.

class _empty:
    """The 'nothing here' value of Parameter.empty / Signature.empty."""


class _void:
    """Private 'argument not given' marker for the replace() methods."""


class _ParameterKind(enum.IntEnum):
    # The numbers are the order kinds must follow within a signature.
    POSITIONAL_ONLY = 0
    POSITIONAL_OR_KEYWORD = 1
    VAR_POSITIONAL = 2
    KEYWORD_ONLY = 3
    VAR_KEYWORD = 4

    @property
    def description(self):
        """How the kind reads in error messages ('keyword-only', ...)."""
        return _KIND_WORDS[self._value_]

    def __str__(self):
        return self.name


_KIND_WORDS = ('positional-only', 'positional or keyword',
               'variadic positional', 'keyword-only', 'variadic keyword')

_POSITIONAL_ONLY = _ParameterKind.POSITIONAL_ONLY
_POSITIONAL_OR_KEYWORD = _ParameterKind.POSITIONAL_OR_KEYWORD
_VAR_POSITIONAL = _ParameterKind.VAR_POSITIONAL
_KEYWORD_ONLY = _ParameterKind.KEYWORD_ONLY
_VAR_KEYWORD = _ParameterKind.VAR_KEYWORD

_STAR_PREFIX = {_VAR_POSITIONAL: '*', _VAR_KEYWORD: '**'}


def formatannotation(annotation, base_module=None):
    if getattr(annotation, '__module__', None) == 'typing':
        return repr(annotation).replace('typing.', '')
    if isinstance(annotation, types.GenericAlias):
        return str(annotation)
    if isinstance(annotation, type):
        if annotation.__module__ in ('builtins', base_module):
            return annotation.__qualname__
        return annotation.__module__ + '.' + annotation.__qualname__
    return repr(annotation)


def _parameter_identity(name, kind):
    """Check a Parameter's name (kind already checked); returns both,
    normalised."""
    if name is _empty:
        raise ValueError('name is a required attribute for Parameter')
    if not isinstance(name, str):
        raise TypeError(f'name must be a str, not a {type(name).__name__}')
    if name[0] == '.' and name[1:].isdigit():
        # A comprehension's hidden argument (".0"): shown as "implicit0",
        # and only ever passed by position.
        if kind is not _POSITIONAL_OR_KEYWORD:
            raise ValueError('implicit arguments must be passed as '
                             'positional or keyword arguments, not '
                             + kind.description)
        return 'implicit' + name[1:], _POSITIONAL_ONLY
    if not name.isidentifier() or _keyword.iskeyword(name):
        raise ValueError(f'{name!r} is not a valid parameter name')
    return name, kind


class Parameter:
    """One parameter of a Signature: its name, its kind (how arguments
    reach it), its default and its annotation (Parameter.empty when
    absent).  Immutable; replace() makes changed copies."""

    __slots__ = ('_name', '_kind', '_default', '_annotation')

    POSITIONAL_ONLY = _POSITIONAL_ONLY
    POSITIONAL_OR_KEYWORD = _POSITIONAL_OR_KEYWORD
    VAR_POSITIONAL = _VAR_POSITIONAL
    KEYWORD_ONLY = _KEYWORD_ONLY
    VAR_KEYWORD = _VAR_KEYWORD

    empty = _empty

    def __init__(self, name, kind, *, default=_empty, annotation=_empty):
        try:
            checked_kind = _ParameterKind(kind)
        except ValueError:
            raise ValueError(f'value {kind!r} is not a valid Parameter.kind')
        if default is not _empty and checked_kind in _STAR_PREFIX:
            raise ValueError(f'{checked_kind.description} parameters cannot '
                             f'have default values')
        self._name, self._kind = _parameter_identity(name, checked_kind)
        self._default = default
        self._annotation = annotation

    name = property(lambda self: self._name)
    kind = property(lambda self: self._kind)
    default = property(lambda self: self._default)
    annotation = property(lambda self: self._annotation)

    def replace(self, *, name=_void, kind=_void,
                annotation=_void, default=_void):
        """A copy with the given fields changed (validated again)."""
        fields = {'name': self._name, 'kind': self._kind,
                  'default': self._default, 'annotation': self._annotation}
        for key, value in (('name', name), ('kind', kind),
                           ('default', default), ('annotation', annotation)):
            if value is not _void:
                fields[key] = value
        return type(self)(fields.pop('name'), fields.pop('kind'), **fields)

    __replace__ = replace

    def __str__(self):
        pieces = [_STAR_PREFIX.get(self._kind, ''), self._name]
        annotated = self._annotation is not _empty
        if annotated:
            pieces.append(': ' + formatannotation(self._annotation))
        if self._default is not _empty:
            # "x=1" but "x: int = 1", as PEP 8 writes them.
            pieces.append(' = ' if annotated else '=')
            pieces.append(repr(self._default))
        return ''.join(pieces)

    def __repr__(self):
        return f'<{type(self).__name__} "{self}">'

    def _fields(self):
        return (self._name, self._kind, self._annotation, self._default)

    def __hash__(self):
        return hash(self._fields())

    def __eq__(self, other):
        if self is other:
            return True
        if not isinstance(other, Parameter):
            return NotImplemented
        return self._fields() == other._fields()


class BoundArguments:
    """What Signature.bind() produced: `arguments` maps parameter names to
    the values a call would give them (mutable); args and kwargs rebuild
    a call from it."""

    __slots__ = ('arguments', '_signature', '__weakref__')

    def __init__(self, signature, arguments):
        self.arguments = arguments
        self._signature = signature

    signature = property(lambda self: self._signature)

    def _positional_prefix(self):
        # The leading parameters that can be passed by position: stop at
        # the first keyword-only/** parameter or the first one unbound.
        params = list(self._signature.parameters.values())
        for count, param in enumerate(params):
            if param.kind >= _KEYWORD_ONLY or param.name not in self.arguments:
                return params, count
        return params, len(params)

    @property
    def args(self):
        """The positional arguments of an equivalent call."""
        params, count = self._positional_prefix()
        values = []
        for param in params[:count]:
            value = self.arguments[param.name]
            if param.kind is _VAR_POSITIONAL:
                values.extend(value)
            else:
                values.append(value)
        return tuple(values)

    @property
    def kwargs(self):
        """The keyword arguments of an equivalent call."""
        params, count = self._positional_prefix()
        values = {}
        for param in params[count:]:
            if param.name not in self.arguments:
                continue
            value = self.arguments[param.name]
            if param.kind is _VAR_KEYWORD:
                values.update(value)
            else:
                values[param.name] = value
        return values

    def apply_defaults(self):
        """Give every unbound parameter its default (() for *args, {} for
        **kwargs), keeping signature order."""
        given = self.arguments
        completed = {}
        for name, param in self._signature.parameters.items():
            if name in given:
                completed[name] = given[name]
            elif param.default is not _empty:
                completed[name] = param.default
            elif param.kind is _VAR_POSITIONAL:
                completed[name] = ()
            elif param.kind is _VAR_KEYWORD:
                completed[name] = {}
        self.arguments = completed

    def __eq__(self, other):
        if self is other:
            return True
        if not isinstance(other, BoundArguments):
            return NotImplemented
        return (self.signature == other.signature
                and self.arguments == other.arguments)

    def __repr__(self):
        shown = ', '.join(f'{name}={value!r}'
                          for name, value in self.arguments.items())
        return f'<{type(self).__name__} ({shown})>'


def _ordered_parameters(parameters, validate):
    """The name -> Parameter table of a new Signature.  With validate,
    reject kinds out of order and a default-less positional parameter
    after one with a default; duplicate names are always rejected."""
    table = collections.OrderedDict()
    latest_kind = _POSITIONAL_ONLY
    defaults_begun = False
    for param in parameters:
        if validate:
            kind = param.kind
            if kind < latest_kind:
                raise ValueError(f'wrong parameter order: '
                                 f'{latest_kind.description} parameter before '
                                 f'{kind.description} parameter')
            latest_kind = kind
            if kind <= _POSITIONAL_OR_KEYWORD:
                if param.default is not _empty:
                    defaults_begun = True
                elif defaults_begun:
                    raise ValueError('non-default argument follows default '
                                     'argument')
        if param.name in table:
            raise ValueError(f'duplicate parameter name: {param.name!r}')
        table[param.name] = param
    return table


class Signature:
    """The calling convention of a callable: an ordered, read-only mapping
    `parameters` (name -> Parameter) and `return_annotation`."""

    __slots__ = ('_return_annotation', '_parameters')

    _parameter_cls = Parameter
    _bound_arguments_cls = BoundArguments

    empty = _empty

    def __init__(self, parameters=None, *, return_annotation=_empty,
                 __validate_parameters__=True):
        table = _ordered_parameters(parameters or (), __validate_parameters__)
        self._parameters = types.MappingProxyType(table)
        self._return_annotation = return_annotation

    @classmethod
    def from_callable(cls, obj, *, follow_wrapped=True, globals=None,
                      locals=None, eval_str=False):
        """The signature of obj, built as an instance of cls."""
        return _signature_from_callable(obj, follow_wrapped=follow_wrapped,
                                        sigcls=cls)

    parameters = property(lambda self: self._parameters)
    return_annotation = property(lambda self: self._return_annotation)

    def replace(self, *, parameters=_void, return_annotation=_void):
        """A copy with the parameters and/or return annotation changed."""
        if parameters is _void:
            parameters = self._parameters.values()
        if return_annotation is _void:
            return_annotation = self._return_annotation
        return type(self)(parameters, return_annotation=return_annotation)

    __replace__ = replace

    def _comparison_key(self):
        # Keyword-only parameters compare as a set: their order does not
        # change how the callable can be called.
        ordered, by_name = [], {}
        for param in self._parameters.values():
            if param.kind is _KEYWORD_ONLY:
                by_name[param.name] = param
            else:
                ordered.append(param)
        return tuple(ordered), by_name, self._return_annotation

    def __hash__(self):
        ordered, by_name, returns = self._comparison_key()
        return hash((ordered, frozenset(by_name.values()), returns))

    def __eq__(self, other):
        if self is other:
            return True
        if not isinstance(other, Signature):
            return NotImplemented
        return self._comparison_key() == other._comparison_key()

    def _bind(self, args, kwargs, *, partial=False):
        keywords = dict(kwargs)      # parameters take their entries out
        bound = {}
        params = list(self._parameters.values())
        at = 0                       # the next parameter to fill
        misplaced = ()               # positional-only names given as keywords

        # 1. Positional arguments fill parameters left to right.
        for index, value in enumerate(args):
            if at == len(params) or params[at].kind >= _KEYWORD_ONLY:
                raise TypeError('too many positional arguments') from None
            param = params[at]
            at += 1
            if param.kind is _VAR_POSITIONAL:
                bound[param.name] = tuple(args[index:])
                break
            if param.kind is _POSITIONAL_OR_KEYWORD and param.name in keywords:
                raise TypeError(f'multiple values for argument '
                                f'{param.name!r}') from None
            bound[param.name] = value
        else:
            at, misplaced = self._after_positionals(params, at, keywords,
                                                    partial)

        # 2. Keywords fill what is left; ** keeps whatever nobody took.
        catch_all = None
        for param in params[at:]:
            if param.kind is _VAR_KEYWORD:
                catch_all = param
            elif param.kind is _VAR_POSITIONAL:
                pass
            elif param.name in keywords:
                bound[param.name] = keywords.pop(param.name)
            elif not partial and param.default is _empty:
                raise TypeError(f'missing a required argument: '
                                f'{param.name!r}') from None
        if keywords:
            if catch_all is not None:
                bound[catch_all.name] = keywords
            elif misplaced:
                raise TypeError('got some positional-only arguments passed '
                                'as keyword arguments: '
                                + repr(', '.join(misplaced)))
            else:
                raise TypeError(f'got an unexpected keyword argument '
                                f'{next(iter(keywords))!r}')
        return self._bound_arguments_cls(self, bound)

    @staticmethod
    def _after_positionals(params, at, keywords, partial):
        # The positional arguments ran out at params[at].  Positional-only
        # parameters named among the keywords are stepped over (reported
        # later unless a ** parameter absorbs those keywords); a required
        # parameter with nothing for it is an error right away.  Returns
        # where the keyword pass starts and the stepped-over names.
        misplaced = []
        while at < len(params):
            param = params[at]
            if param.kind is _VAR_POSITIONAL:
                break
            if param.name in keywords:
                if param.kind is not _POSITIONAL_ONLY:
                    break
                misplaced.append(param.name)
                at += 1
                continue
            if (partial or param.kind is _VAR_KEYWORD
                    or param.default is not _empty):
                break
            which = ' keyword-only' if param.kind is _KEYWORD_ONLY else ''
            raise TypeError(f'missing a required{which} argument: '
                            f'{param.name!r}') from None
        return at, misplaced

    def bind(self, /, *args, **kwargs):
        """BoundArguments for a call with these arguments, or TypeError if
        such a call would fail to bind."""
        return self._bind(args, kwargs)

    def bind_partial(self, /, *args, **kwargs):
        """bind(), except that required parameters may be left out."""
        return self._bind(args, kwargs, partial=True)

    def __repr__(self):
        return f'<{type(self).__name__} {self}>'

    def __str__(self):
        return self.format()

    def format(self, *, max_width=None):
        """The signature as text, "(a, /, b, *, c) -> int"; with max_width,
        one parameter per line when a single line would be longer."""
        entries = []
        open_positional_only = False   # a '/' is owed after these
        star_written = False           # '*' or '*args' already present
        for param in self._parameters.values():
            kind = param.kind
            if open_positional_only and kind is not _POSITIONAL_ONLY:
                entries.append('/')
            open_positional_only = kind is _POSITIONAL_ONLY
            if kind is _VAR_POSITIONAL:
                star_written = True
            elif kind is _KEYWORD_ONLY and not star_written:
                entries.append('*')
                star_written = True
            entries.append(str(param))
        if open_positional_only:
            entries.append('/')
        text = '(' + ', '.join(entries) + ')'
        if max_width is not None and len(text) > max_width:
            text = '(\n    ' + ',\n    '.join(entries) + '\n)'
        if self._return_annotation is not _empty:
            text += ' -> ' + formatannotation(self._return_annotation)
        return text


def _signature_is_functionlike(obj):
    if not callable(obj) or isclass(obj):
        return False
    name = getattr(obj, '__name__', None)
    code = getattr(obj, '__code__', None)
    defaults = getattr(obj, '__defaults__', _void)
    kwdefaults = getattr(obj, '__kwdefaults__', _void)
    annotations = getattr(obj, '__annotations__', None)
    return (isinstance(code, types.CodeType) and
            isinstance(name, str) and
            (defaults is None or isinstance(defaults, tuple)) and
            (kwdefaults is None or isinstance(kwdefaults, dict)) and
            (isinstance(annotations, (dict)) or annotations is None))


def _signature_from_function(cls, func, skip_bound_arg=True):
    """Private helper: constructs Signature for the given python function."""
    s = getattr(func, "__text_signature__", None)
    code = func.__code__
    pos_count = code.co_argcount
    arg_names = code.co_varnames
    posonly_count = getattr(code, 'co_posonlyargcount', 0)
    positional = arg_names[:pos_count]
    keyword_only_count = code.co_kwonlyargcount
    keyword_only = arg_names[pos_count:pos_count + keyword_only_count]
    annotations = getattr(func, '__annotations__', None) or {}
    defaults = func.__defaults__
    kwdefaults = func.__kwdefaults__
    if defaults:
        pos_default_count = len(defaults)
    else:
        pos_default_count = 0
    parameters = []
    non_default_count = pos_count - pos_default_count
    posonly_left = posonly_count
    for name in positional[:non_default_count]:
        kind = _POSITIONAL_ONLY if posonly_left else _POSITIONAL_OR_KEYWORD
        annotation = annotations.get(name, _empty)
        parameters.append(Parameter(name, annotation=annotation, kind=kind))
        if posonly_left:
            posonly_left -= 1
    for offset, name in enumerate(positional[non_default_count:]):
        kind = _POSITIONAL_ONLY if posonly_left else _POSITIONAL_OR_KEYWORD
        annotation = annotations.get(name, _empty)
        parameters.append(Parameter(name, annotation=annotation, kind=kind,
                                    default=defaults[offset]))
        if posonly_left:
            posonly_left -= 1
    if code.co_flags & CO_VARARGS:
        name = arg_names[pos_count + keyword_only_count]
        annotation = annotations.get(name, _empty)
        parameters.append(Parameter(name, annotation=annotation,
                                    kind=_VAR_POSITIONAL))
    for name in keyword_only:
        default = _empty
        if kwdefaults is not None:
            default = kwdefaults.get(name, _empty)
        annotation = annotations.get(name, _empty)
        parameters.append(Parameter(name, annotation=annotation,
                                    kind=_KEYWORD_ONLY, default=default))
    if code.co_flags & CO_VARKEYWORDS:
        index = pos_count + keyword_only_count
        if code.co_flags & CO_VARARGS:
            index += 1
        name = arg_names[index]
        annotation = annotations.get(name, _empty)
        parameters.append(Parameter(name, annotation=annotation,
                                    kind=_VAR_KEYWORD))
    return cls(parameters,
               return_annotation=annotations.get('return', _empty),
               __validate_parameters__=False)


def _drop_first(sig):
    params = tuple(sig.parameters.values())
    if not params or params[0].kind in (_VAR_KEYWORD, _KEYWORD_ONLY):
        raise ValueError('invalid method signature')
    if params[0].kind == _VAR_POSITIONAL:
        return sig
    return sig.replace(parameters=params[1:])


def _signature_from_callable(obj, *, follow_wrapped=True, sigcls=Signature,
                             skip_bound_arg=True):
    if not callable(obj):
        raise TypeError('{!r} is not a callable object'.format(obj))
    if isinstance(obj, types.MethodType):
        sig = _signature_from_callable(obj.__func__, follow_wrapped=follow_wrapped,
                                       sigcls=sigcls)
        return _drop_first(sig) if skip_bound_arg else sig
    if follow_wrapped:
        obj = unwrap(obj, stop=(lambda f: hasattr(f, "__signature__")))
        if isinstance(obj, types.MethodType):
            return _signature_from_callable(obj, follow_wrapped=False, sigcls=sigcls)
    try:
        sig = obj.__signature__
    except AttributeError:
        pass
    else:
        if sig is not None:
            if not isinstance(sig, Signature):
                raise TypeError('unexpected object {!r} in __signature__ '
                                'attribute'.format(sig))
            return sig
    if isfunction(obj) or _signature_is_functionlike(obj):
        return _signature_from_function(sigcls, obj)
    if isinstance(obj, functools.partial):
        wrapped_sig = _signature_from_callable(obj.func, sigcls=sigcls)
        params = list(wrapped_sig.parameters.values())
        bound = wrapped_sig.bind_partial(*obj.args, **obj.keywords)
        new_params = []
        for i, param in enumerate(params):
            if param.name in bound.arguments and param.kind in (
                    _POSITIONAL_ONLY, _POSITIONAL_OR_KEYWORD) and \
                    i < len(obj.args):
                continue
            if param.name in obj.keywords:
                param = param.replace(default=obj.keywords[param.name],
                                      kind=_KEYWORD_ONLY if param.kind != _POSITIONAL_ONLY
                                      else param.kind)
            elif param.kind == _POSITIONAL_OR_KEYWORD and any(
                    p.kind == _KEYWORD_ONLY for p in new_params):
                param = param.replace(kind=_KEYWORD_ONLY)
            new_params.append(param)
        return wrapped_sig.replace(parameters=new_params)
    if isinstance(obj, type):
        # The signature of the class is that of __init__ or __new__.
        for name in ('__init__', '__new__'):
            for base in obj.__mro__:
                meth = base.__dict__.get(name)
                if meth is not None and base is not object:
                    if name == '__new__':
                        meth = getattr(meth, '__func__', meth)
                    if isfunction(meth):
                        return _drop_first(_signature_from_function(sigcls, meth))
                    break
        if obj.__init__ is object.__init__ and obj.__new__ is object.__new__:
            return sigcls([])
        raise ValueError('no signature found for builtin type {!r}'.format(obj))
    call = getattr(type(obj), '__call__', None)
    if call is not None and isfunction(call):
        return _drop_first(_signature_from_function(sigcls, call))
    text = getattr(obj, '__text_signature__', None)
    if text:
        return _signature_from_text(sigcls, text)
    raise ValueError('no signature found for {!r}'.format(obj))


def _signature_from_text(sigcls, text):
    # "($self, a, b=1, /, *args, **kw)" forms of builtins.
    inner = text.strip()
    if inner.startswith('(') and inner.endswith(')'):
        inner = inner[1:-1]
    params = []
    kind = _POSITIONAL_OR_KEYWORD
    parts = [p.strip() for p in inner.split(',') if p.strip()]
    if '/' in parts:
        idx = parts.index('/')
        pos_only = set(range(idx))
    else:
        pos_only = set()
    for i, p in enumerate(parts):
        if p == '/':
            continue
        if p == '*':
            kind = _KEYWORD_ONLY
            continue
        if p.startswith('$'):
            continue
        k = _POSITIONAL_ONLY if i in pos_only else kind
        default = _empty
        if p.startswith('**'):
            params.append(Parameter(p[2:], _VAR_KEYWORD))
            continue
        if p.startswith('*'):
            params.append(Parameter(p[1:], _VAR_POSITIONAL))
            kind = _KEYWORD_ONLY
            continue
        if '=' in p:
            p, d = p.split('=', 1)
            try:
                default = eval(d)
            except Exception:
                default = d
        params.append(Parameter(p.strip(), k, default=default))
    return sigcls(params, __validate_parameters__=False)


def signature(obj, *, follow_wrapped=True, globals=None, locals=None, eval_str=False):
    """Get a signature object for the passed callable."""
    return Signature.from_callable(obj, follow_wrapped=follow_wrapped)


FullArgSpec = collections.namedtuple('FullArgSpec',
    'args, varargs, varkw, defaults, kwonlyargs, kwonlydefaults, annotations')


def getfullargspec(func):
    """Get the names and default values of a callable object's parameters."""
    sig = _signature_from_callable(func, follow_wrapped=False, skip_bound_arg=False)
    args = []
    varargs = None
    varkw = None
    posonlyargs = []
    kwonlyargs = []
    annotations = {}
    defaults = ()
    kwdefaults = {}
    if sig.return_annotation is not sig.empty:
        annotations['return'] = sig.return_annotation
    for param in sig.parameters.values():
        kind = param.kind
        name = param.name
        if kind is _POSITIONAL_ONLY:
            posonlyargs.append(name)
            if param.default is not param.empty:
                defaults += (param.default,)
        elif kind is _POSITIONAL_OR_KEYWORD:
            args.append(name)
            if param.default is not param.empty:
                defaults += (param.default,)
        elif kind is _VAR_POSITIONAL:
            varargs = name
        elif kind is _KEYWORD_ONLY:
            kwonlyargs.append(name)
            if param.default is not param.empty:
                kwdefaults[name] = param.default
        elif kind is _VAR_KEYWORD:
            varkw = name
        if param.annotation is not param.empty:
            annotations[name] = param.annotation
    if not kwdefaults:
        kwdefaults = None
    if not defaults:
        defaults = None
    return FullArgSpec(posonlyargs + args, varargs, varkw, defaults,
                       kwonlyargs, kwdefaults, annotations)


def getcallargs(func, /, *positional, **named):
    """Get the mapping of arguments to values."""
    sig = signature(func)
    bound = sig.bind(*positional, **named)
    bound.apply_defaults()
    return dict(bound.arguments)
