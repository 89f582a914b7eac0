"""Python part of the warnings subsystem: warn(), the filter list,
simplefilter/filterwarnings/resetwarnings, showwarning/formatwarning and
the catch_warnings context manager.

Filters are tuples (action, message, category, module, lineno), newest
first.  message and module are compiled regular expressions when the re
module is available; otherwise they are kept as _Pattern objects that do
the common cases (case-insensitive prefix for messages, exact module
names) without it.
"""

import sys

__all__ = ["warn", "warn_explicit", "showwarning",
           "formatwarning", "filterwarnings", "simplefilter",
           "resetwarnings", "catch_warnings", "deprecated"]


class _Pattern:
    """A tiny stand-in for re.compile(text, flags).match when re is missing:"""

    def __init__(self, text, ignorecase):
        self.pattern = text
        self._anchored = text.endswith('\\Z')
        body = text[:-2] if self._anchored else text
        self._body = body.lower() if ignorecase else body
        self._ignorecase = ignorecase

    def match(self, s):
        if self._ignorecase:
            s = s.lower()
        if self._anchored:
            return s == self._body
        return s.startswith(self._body)

    def __eq__(self, other):
        return isinstance(other, _Pattern) and other.pattern == self.pattern

    def __hash__(self):
        return hash(self.pattern)

    def __repr__(self):
        return 're.compile(%r)' % self.pattern


def _compile(text, ignorecase):
    try:
        import re
    except ImportError:
        return _Pattern(text, ignorecase)
    return re.compile(text, re.I if ignorecase else 0)


def showwarning(message, category, filename, lineno, file=None, line=None):
    """Write a warning to file (sys.stderr by default); may be replaced."""
    msg = WarningMessage(message, category, filename, lineno, file, line)
    _showwarnmsg_impl(msg)


def formatwarning(message, category, filename, lineno, line=None):
    """Return the text of a warning: 'file:line: Category: message' and the source line."""
    msg = WarningMessage(message, category, filename, lineno, None, line)
    return _formatwarnmsg_impl(msg)


def _showwarnmsg_impl(msg):
    file = msg.file
    if file is None:
        file = sys.stderr
        if file is None:
            return
    text = _formatwarnmsg(msg)
    try:
        file.write(text)
    except OSError:
        pass


def _source_line(filename, lineno):
    try:
        import linecache
        return linecache.getline(filename, lineno)
    except Exception:
        return None


def _formatwarnmsg_impl(msg):
    category = msg.category.__name__
    parts = [f"{msg.filename}:{msg.lineno}: {category}: {msg.message}\n"]
    line = _source_line(msg.filename, msg.lineno) if msg.line is None else msg.line
    if line:
        parts.append("  %s\n" % line.strip())
    if msg.source is not None:
        parts.append(_allocation_traceback(msg.source, category))
    return ''.join(parts)


def _allocation_traceback(source, category):
    # Where the object the warning is about was allocated (tracemalloc).
    try:
        import tracemalloc
        tracing = tracemalloc.is_tracing()
        tb = tracemalloc.get_object_traceback(source) if tracing else None
    except Exception:
        return ''
    if tb is None:
        if tracing:
            return ''
        return (f'{category}: Enable tracemalloc to get the object '
                f'allocation traceback\n')
    out = ['Object allocated at (most recent call last):\n']
    for frame in tb:
        out.append('  File "%s", lineno %s\n' % (frame.filename, frame.lineno))
        line = _source_line(frame.filename, frame.lineno)
        if line:
            out.append('    %s\n' % line.strip())
    return ''.join(out)


_showwarning_orig = showwarning


def _showwarnmsg(msg):
    """Write a warning to file (sys.stderr by default); may be replaced."""
    try:
        sw = showwarning
    except NameError:
        pass
    else:
        if sw is not _showwarning_orig:
            if not callable(sw):
                raise TypeError("warnings.showwarning() must be set to a "
                                "function or method")
            sw(msg.message, msg.category, msg.filename, msg.lineno,
               msg.file, msg.line)
            return
    _showwarnmsg_impl(msg)


_formatwarning_orig = formatwarning


def _formatwarnmsg(msg):
    """Return the text of a warning: 'file:line: Category: message' and the source line."""
    try:
        fw = formatwarning
    except NameError:
        pass
    else:
        if fw is not _formatwarning_orig:
            return fw(msg.message, msg.category,
                      msg.filename, msg.lineno, msg.line)
    return _formatwarnmsg_impl(msg)


_ACTIONS = ("error", "ignore", "always", "all", "default", "module", "once")


def filterwarnings(action, message="", category=Warning, module="", lineno=0,
                   append=False):
    """Add a filter matching message/category/module/lineno (in front unless append)."""
    if action not in _ACTIONS:
        raise ValueError(f"invalid action: {action!r}")
    if not isinstance(message, str):
        raise TypeError("message must be a string")
    if not isinstance(category, type) or not issubclass(category, Warning):
        raise TypeError("category must be a Warning subclass")
    if not isinstance(module, str):
        raise TypeError("module must be a string")
    if not isinstance(lineno, int):
        raise TypeError("lineno must be an int")
    if lineno < 0:
        raise ValueError("lineno must be an int >= 0")

    if message or module:
        message = _compile(message, True) if message else None
        module = _compile(module + r'\Z', False) if module else None
    else:
        message = module = None

    _add_filter(action, message, category, module, lineno, append=append)


def simplefilter(action, category=Warning, lineno=0, append=False):
    """Add a filter matching every message and module of a category."""
    if action not in _ACTIONS:
        raise ValueError(f"invalid action: {action!r}")
    if not isinstance(lineno, int):
        raise TypeError("lineno must be an int")
    if lineno < 0:
        raise ValueError("lineno must be an int >= 0")
    _add_filter(action, None, category, None, lineno, append=append)


def _add_filter(*item, append):
    # An equal filter already present is moved (front) or kept (append).
    if append:
        if item not in filters:
            filters.append(item)
    else:
        if item in filters:
            filters.remove(item)
        filters.insert(0, item)
    _filters_mutated()


def resetwarnings():
    """Remove every filter."""
    filters[:] = []
    _filters_mutated()


class _OptionError(Exception):
    """A bad -W option."""
    pass


def _processoptions(args):
    for arg in args:
        try:
            _setoption(arg)
        except _OptionError as msg:
            print("Invalid -W option ignored:", msg, file=sys.stderr)


def _setoption(arg):
    parts = arg.split(':')
    if len(parts) > 5:
        raise _OptionError("too many fields (max 5): %r" % (arg,))
    while len(parts) < 5:
        parts.append('')
    action, message, category, module, lineno = [s.strip() for s in parts]
    action = _getaction(action)
    category = _getcategory(category)
    if message or module:
        def escape(text):
            try:
                import re
            except ImportError:
                return text
            return re.escape(text)
        message = escape(message)
        if module:
            module = escape(module)
    if lineno:
        try:
            lineno = int(lineno)
            if lineno < 0:
                raise ValueError
        except (ValueError, OverflowError):
            raise _OptionError("invalid lineno %r" % (lineno,)) from None
    else:
        lineno = 0
    filterwarnings(action, message, category, module, lineno)


def _getaction(action):
    if not action:
        return "default"
    for a in ('default', 'always', 'all', 'ignore', 'module', 'once', 'error'):
        if a.startswith(action):
            return a
    raise _OptionError("invalid action: %r" % (action,))


def _getcategory(category):
    if not category:
        return Warning
    if '.' not in category:
        import builtins as m
        klass = category
    else:
        module, _, klass = category.rpartition('.')
        try:
            m = __import__(module, None, None, [klass])
        except ImportError:
            raise _OptionError("invalid module name: %r" % (module,)) from None
    try:
        cat = getattr(m, klass)
    except AttributeError:
        raise _OptionError("unknown warning category: %r" % (category,)) from None
    if not issubclass(cat, Warning):
        raise _OptionError("invalid warning category: %r" % (category,))
    return cat


def _is_internal_filename(filename):
    return 'importlib' in filename and '_bootstrap' in filename


def _is_filename_to_skip(filename, skip_file_prefixes):
    return any(filename.startswith(prefix) for prefix in skip_file_prefixes)


def _is_internal_frame(frame):
    """True for frames of the import machinery."""
    return _is_internal_filename(frame.f_code.co_filename)


def _next_external_frame(frame, skip_file_prefixes):
    """The next outer frame that is neither import machinery nor skipped."""
    frame = frame.f_back
    while frame is not None and (
            _is_internal_filename(filename := frame.f_code.co_filename) or
            _is_filename_to_skip(filename, skip_file_prefixes)):
        frame = frame.f_back
    return frame


def _caller_frame(stacklevel, skip_file_prefixes):
    """The frame a warning is attributed to, or None past the stack top.
    Frames of the import machinery are not counted (unless the warning
    itself comes from there)."""
    frame = sys._getframe(2)
    if stacklevel <= 1 or _is_internal_frame(frame):
        for _ in range(stacklevel - 1):
            frame = frame.f_back
            if frame is None:
                return None
        return frame
    for _ in range(stacklevel - 1):
        frame = _next_external_frame(frame, skip_file_prefixes)
        if frame is None:
            return None
    return frame


def warn(message, category=None, stacklevel=1, source=None,
         *, skip_file_prefixes=()):
    """Issue a warning: the filters decide to show, ignore or raise it."""
    if isinstance(message, Warning):
        category = message.__class__
    if category is None:
        category = UserWarning
    if not (isinstance(category, type) and issubclass(category, Warning)):
        raise TypeError("category must be a Warning subclass, "
                        "not '{:s}'".format(type(category).__name__))
    if not isinstance(skip_file_prefixes, tuple):
        raise TypeError('skip_file_prefixes must be a tuple of strs.')
    if skip_file_prefixes:
        stacklevel = max(2, stacklevel)
    try:
        frame = _caller_frame(stacklevel, skip_file_prefixes)
    except ValueError:
        frame = None
    if frame is None:
        module_globals = sys.__dict__
        filename = "<sys>"
        lineno = 0
    else:
        module_globals = frame.f_globals
        filename = frame.f_code.co_filename
        lineno = frame.f_lineno
    module = module_globals.get('__name__', "<string>")
    registry = module_globals.setdefault("__warningregistry__", {})
    warn_explicit(message, category, filename, lineno, module, registry,
                  module_globals, source)


def _matching_action(text, category, module, lineno):
    """The action of the first filter matching the warning (and the filter)."""
    for item in filters:
        action, msg, cat, mod, ln = item
        if msg is not None and not msg.match(text):
            continue
        if not issubclass(category, cat):
            continue
        if mod is not None and not mod.match(module):
            continue
        if ln and ln != lineno:
            continue
        return action, item
    return defaultaction, None


def warn_explicit(message, category, filename, lineno,
                  module=None, registry=None, module_globals=None,
                  source=None):
    lineno = int(lineno)
    if module is None:
        module = filename or "<unknown>"
        if module[-3:].lower() == ".py":
            module = module[:-3]
    if registry is None:
        registry = {}
    # A registry filled under older filters is stale.
    if registry.get('version', 0) != _filters_version:
        registry.clear()
        registry['version'] = _filters_version
    if isinstance(message, Warning):
        text = str(message)
        category = message.__class__
    else:
        text = message
        message = category(message)
    key = (text, category, lineno)
    if registry.get(key):
        return
    action, item = _matching_action(text, category, module, lineno)
    if action == "ignore":
        return
    try:
        import linecache
        linecache.getlines(filename, module_globals)
    except Exception:
        pass
    if action == "error":
        raise message
    if action == "once":
        registry[key] = 1
        if onceregistry.get((text, category)):
            return
        onceregistry[(text, category)] = 1
    elif action == "module":
        registry[key] = 1
        if registry.get((text, category, 0)):
            return
        registry[(text, category, 0)] = 1
    elif action == "default":
        registry[key] = 1
    elif action not in ("always", "all"):
        raise RuntimeError(
            "Unrecognized action (%r) in warnings.filters:\n %s" %
            (action, item))
    _showwarnmsg(WarningMessage(message, category, filename, lineno,
                                source=source))


class WarningMessage(object):

    _WARNING_DETAILS = ("message", "category", "filename", "lineno", "file",
                        "line", "source")

    def __init__(self, message, category, filename, lineno, file=None,
                 line=None, source=None):
        self.message = message
        self.category = category
        self.filename = filename
        self.lineno = lineno
        self.file = file
        self.line = line
        self.source = source
        self._category_name = category.__name__ if category else None

    def __str__(self):
        return ("{message : %r, category : %r, filename : %r, lineno : %s, "
                "line : %r}" % (self.message, self._category_name,
                                self.filename, self.lineno, self.line))


class catch_warnings(object):
    """Save the warning filters and showwarning on entry and restore them
    on exit.  record=True collects the shown warnings (WarningMessage
    objects) in the list __enter__ returns; action=... applies a
    simplefilter for the duration."""

    def __init__(self, *, record=False, module=None,
                 action=None, category=Warning, lineno=0, append=False):
        self._record = record
        self._module = sys.modules['warnings'] if module is None else module
        self._entered = False
        self._filter = None if action is None else (action, category, lineno, append)

    def __repr__(self):
        args = []
        if self._record:
            args.append("record=True")
        if self._module is not sys.modules['warnings']:
            args.append("module=%r" % self._module)
        return "%s(%s)" % (type(self).__name__, ", ".join(args))

    def __enter__(self):
        if self._entered:
            raise RuntimeError("Cannot enter %r twice" % self)
        self._entered = True
        mod = self._module
        self._saved = (mod.filters, mod.showwarning, mod._showwarnmsg_impl)
        mod.filters = mod.filters[:]
        mod._filters_mutated()
        if self._filter is not None:
            simplefilter(*self._filter)
        if not self._record:
            return None
        log = []
        mod._showwarnmsg_impl = log.append
        # The default showwarning routes to _showwarnmsg_impl (the log).
        mod.showwarning = mod._showwarning_orig
        return log

    def __exit__(self, *exc_info):
        if not self._entered:
            raise RuntimeError("Cannot exit %r without entering first" % self)
        mod = self._module
        mod.filters, mod.showwarning, mod._showwarnmsg_impl = self._saved
        mod._filters_mutated()


class deprecated:
    """Indicate that a class, function or overload is deprecated (PEP 702)."""

    def __init__(self, message, /, *, category=DeprecationWarning, stacklevel=1):
        if not isinstance(message, str):
            raise TypeError(
                f"Expected an object of type str for 'message', not "
                f"{type(message).__name__!r}"
            )
        self.message = message
        self.category = category
        self.stacklevel = stacklevel

    def __call__(self, arg, /):
        msg = self.message
        category = self.category
        stacklevel = self.stacklevel
        if category is None:
            arg.__deprecated__ = msg
            return arg
        elif isinstance(arg, type):
            import functools
            from types import MethodType

            original_new = arg.__new__

            @functools.wraps(original_new)
            def __new__(cls, *args, **kwargs):
                if cls is arg:
                    warn(msg, category=category, stacklevel=stacklevel + 1)
                if original_new is not object.__new__:
                    return original_new(cls, *args, **kwargs)
                elif cls.__init__ is object.__init__ and (args or kwargs):
                    raise TypeError(f"{cls.__name__}() takes no arguments")
                else:
                    return original_new(cls)

            arg.__new__ = staticmethod(__new__)

            original_init_subclass = arg.__init_subclass__
            if isinstance(original_init_subclass, MethodType):
                original_init_subclass = original_init_subclass.__func__

                @functools.wraps(original_init_subclass)
                def __init_subclass__(*args, **kwargs):
                    warn(msg, category=category, stacklevel=stacklevel + 1)
                    return original_init_subclass(*args, **kwargs)

                arg.__init_subclass__ = classmethod(__init_subclass__)
            else:
                @functools.wraps(original_init_subclass)
                def __init_subclass__(*args, **kwargs):
                    warn(msg, category=category, stacklevel=stacklevel + 1)
                    return original_init_subclass(*args, **kwargs)

                arg.__init_subclass__ = __init_subclass__

            arg.__deprecated__ = __new__.__deprecated__ = msg
            __init_subclass__.__deprecated__ = msg
            return arg
        elif callable(arg):
            import functools

            @functools.wraps(arg)
            def wrapper(*args, **kwargs):
                warn(msg, category=category, stacklevel=stacklevel + 1)
                return arg(*args, **kwargs)

            arg.__deprecated__ = wrapper.__deprecated__ = msg
            return wrapper
        else:
            raise TypeError(
                "@deprecated decorator with non-None category must be applied to "
                f"a class or callable, not {arg!r}"
            )


_DEPRECATED_MSG = "{name!r} is deprecated and slated for removal in Python {remove}"


def _deprecated(name, message=_DEPRECATED_MSG, *, remove, _version=sys.version_info):
    """Deprecation warning for a name scheduled for removal in version remove."""
    remove_formatted = f"{remove[0]}.{remove[1]}"
    if (_version[:2] > remove) or (_version[:2] == remove and _version[3] != "alpha"):
        msg = f"{name!r} was slated for removal after Python {remove_formatted} alpha"
        raise RuntimeError(msg)
    else:
        msg = message.format(name=name, remove=remove_formatted)
        warn(msg, DeprecationWarning, stacklevel=3)


def _warn_unawaited_coroutine(coro):
    msg_lines = [
        f"coroutine '{coro.__qualname__}' was never awaited\n"
    ]
    msg = "".join(msg_lines).rstrip("\n")
    warn(msg, category=RuntimeWarning, stacklevel=2, source=coro)


filters = []
defaultaction = "default"
onceregistry = {}
_filters_version = 1


def _filters_mutated():
    global _filters_version
    _filters_version += 1


_warnings_defaults = False

if not getattr(getattr(sys, 'flags', None), 'dev_mode', False):
    filterwarnings("default", category=DeprecationWarning,
                   module="__main__", append=1)
    simplefilter("ignore", category=DeprecationWarning, append=1)
    simplefilter("ignore", category=PendingDeprecationWarning, append=1)
    simplefilter("ignore", category=ImportWarning, append=1)
    simplefilter("ignore", category=ResourceWarning, append=1)
_processoptions(getattr(sys, 'warnoptions', ()))

del _warnings_defaults
