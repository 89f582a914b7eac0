"""Helpers for pickle and copy: the dispatch table of reduction functions
(pickle()), the reconstructors named by reduce tuples (__newobj__,
__newobj_ex__, _reconstructor) and _reduce_default, a Python rendering of
what object.__reduce_ex__ does for protocol 2 and above."""

__all__ = ["pickle", "constructor",
           "add_extension", "remove_extension", "clear_extension_cache"]

dispatch_table = {}


def pickle(ob_type, pickle_function, constructor_ob=None):
    if not callable(pickle_function):
        raise TypeError("reduction functions must be callable")
    dispatch_table[ob_type] = pickle_function
    if constructor_ob is not None:
        constructor(constructor_ob)


def constructor(object):
    if not callable(object):
        raise TypeError("constructors must be callable")


def pickle_complex(c):
    return complex, (c.real, c.imag)

pickle(complex, pickle_complex, complex)


def pickle_union(obj):
    import functools, operator
    return functools.reduce, (operator.or_, obj.__args__)

try:
    pickle(type(int | str), pickle_union)
except TypeError:
    pass


def _reconstructor(cls, base, state):
    if base is object:
        obj = object.__new__(cls)
    else:
        obj = base.__new__(cls, state)
        if base.__init__ != object.__init__:
            base.__init__(obj, state)
    return obj


def __newobj__(cls, *args):
    return cls.__new__(cls, *args)


def __newobj_ex__(cls, args, kwargs):
    """Used by pickle protocol 4, instead of __newobj__ to allow classes with"""
    return cls.__new__(cls, *args, **kwargs)


def _slotnames(cls):
    """Return a list of slot names for a given class (private names mangled),"""
    names = cls.__dict__.get("__slotnames__")
    if names is not None:
        return names
    names = []
    if not hasattr(cls, "__slots__"):
        pass
    else:
        for c in cls.__mro__:
            if "__slots__" in c.__dict__:
                slots = c.__dict__['__slots__']
                if isinstance(slots, str):
                    slots = (slots,)
                for name in slots:
                    if name in ("__dict__", "__weakref__"):
                        continue
                    elif name.startswith('__') and not name.endswith('__'):
                        stripped = c.__name__.lstrip('_')
                        if stripped:
                            names.append('_%s%s' % (stripped, name))
                        else:
                            names.append(name)
                    else:
                        names.append(name)
    try:
        cls.__slotnames__ = names
    except Exception:
        pass
    return names


def _default_getstate(obj):
    getstate = getattr(type(obj), '__getstate__', None)
    if getstate is not None and getstate is not getattr(object, '__getstate__', None):
        return obj.__getstate__()
    d = getattr(obj, '__dict__', None)
    state = dict(d) if d else None
    slots = {}
    for name in _slotnames(type(obj)):
        try:
            slots[name] = getattr(obj, name)
        except AttributeError:
            pass
    if slots:
        return (state, slots)
    return state


_HEAPTYPE = 1 << 9


def _builtin_base(cls):
    """The first class of cls's MRO that was not defined in Python."""
    for base in cls.__mro__:
        if not base.__flags__ & _HEAPTYPE:
            return base
    return object


def _type_name(cls):
    # what the C level calls tp_name: built-in types outside builtins carry
    # their module
    if cls.__flags__ & _HEAPTYPE or cls.__module__ == 'builtins':
        return cls.__name__
    return f"{cls.__module__}.{cls.__name__}"


def _reduce_ex(obj, proto):
    """object.__reduce_ex__(proto) for protocols 0 and 1: rebuild through
    _reconstructor from the nearest built-in base's value and the state."""
    cls = type(obj)
    base = _builtin_base(cls)
    if base is object:
        value = None
    elif base is cls:
        raise TypeError(f"cannot pickle {_type_name(cls)!r} object")
    else:
        value = base(obj)
    getstate = getattr(cls, '__getstate__', None)
    if getstate is not None and getstate is not getattr(object, '__getstate__', None):
        state = obj.__getstate__()
    else:
        if _slotnames(cls):
            raise TypeError("a class that defines __slots__ without defining "
                            "__getstate__ cannot be pickled with protocol 0")
        state = getattr(obj, '__dict__', None)
    if state:
        return _reconstructor, (cls, base, value), state
    return _reconstructor, (cls, base, value)


def _reduce_default(obj, proto=4):
    """object.__reduce_ex__(proto) for proto >= 2, in Python."""
    cls = type(obj)
    if not hasattr(cls, '__new__') or cls.__new__ is None:
        raise TypeError(f"cannot pickle {_type_name(cls)!r} object")
    kwargs = None
    getnewargs_ex = getattr(obj, '__getnewargs_ex__', None)
    if getnewargs_ex is not None:
        args, kwargs = getnewargs_ex()
    else:
        getnewargs = getattr(obj, '__getnewargs__', None)
        args = getnewargs() if getnewargs is not None else ()
    if (not args and not kwargs and not isinstance(obj, (list, dict))
            and _builtin_base(cls) is not object
            and getattr(cls, '__getstate__', None) in (None, getattr(object, '__getstate__', None))):
        # a built-in base keeps state that neither __dict__ nor slots show
        raise TypeError(f"cannot pickle {_type_name(cls)!r} object")
    state = _default_getstate(obj)
    listitems = iter(obj) if isinstance(obj, list) else None
    dictitems = iter(obj.items()) if isinstance(obj, dict) else None
    if kwargs:
        return (__newobj_ex__, (cls, tuple(args), kwargs), state,
                listitems, dictitems)
    return (__newobj__, (cls, *args), state, listitems, dictitems)


_extension_registry = {}
_inverted_registry = {}
_extension_cache = {}


def add_extension(module, name, code):
    """Register an extension code."""
    code = int(code)
    if not 1 <= code <= 0x7fffffff:
        raise ValueError("code out of range")
    key = (module, name)
    if (_extension_registry.get(key) == code and
        _inverted_registry.get(code) == key):
        return
    if key in _extension_registry:
        raise ValueError("key %s is already registered with code %s" %
                         (key, _extension_registry[key]))
    if code in _inverted_registry:
        raise ValueError("code %s is already in use for key %s" %
                         (code, _inverted_registry[code]))
    _extension_registry[key] = code
    _inverted_registry[code] = key


def remove_extension(module, name, code):
    """Unregister an extension code.  For testing only."""
    key = (module, name)
    if (_extension_registry.get(key) != code or
        _inverted_registry.get(code) != key):
        raise ValueError("key %s is not registered with code %s" %
                         (key, code))
    del _extension_registry[key]
    del _inverted_registry[code]
    if code in _extension_cache:
        del _extension_cache[code]


def clear_extension_cache():
    _extension_cache.clear()
