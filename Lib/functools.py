"""functools: tools for functions and callables.

reduce, partial and cmp_to_key come from the C module _functools when it
is there (Python versions below otherwise).  lru_cache keeps its entries in
a dict whose insertion order is the recency order: a hit moves the key to
the end, and when full the first key is evicted.  singledispatch places
the registered ABCs into the argument type's MRO to find the most specific
implementation.
"""

__all__ = ['update_wrapper', 'wraps', 'WRAPPER_ASSIGNMENTS', 'WRAPPER_UPDATES',
           'total_ordering', 'cache', 'cmp_to_key', 'lru_cache', 'reduce',
           'partial', 'partialmethod', 'singledispatch', 'singledispatchmethod',
           'cached_property']

from abc import get_cache_token
from collections import namedtuple
from reprlib import recursive_repr
try:
    from _thread import RLock
except ImportError:
    class RLock:
        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

try:
    GenericAlias = type(list[int])
except TypeError:
    from types import GenericAlias


# ---------------------------------------------------------------- wrappers

WRAPPER_ASSIGNMENTS = ('__module__', '__name__', '__qualname__', '__doc__',
                       '__annotations__', '__type_params__')
WRAPPER_UPDATES = ('__dict__',)


def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS,
                   updated=WRAPPER_UPDATES):
    """Give wrapper the identity of wrapped: copy the assigned attributes
    that exist, merge the updated dicts, and point __wrapped__ at wrapped."""
    for name in assigned:
        try:
            value = getattr(wrapped, name)
        except AttributeError:
            continue
        setattr(wrapper, name, value)
    for name in updated:
        getattr(wrapper, name).update(getattr(wrapped, name, {}))
    # Done last: a __wrapped__ found in wrapped's __dict__ must not win.
    wrapper.__wrapped__ = wrapped
    return wrapper


def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    """Decorator form of update_wrapper(): @wraps(f) on f's wrapper."""
    return partial(update_wrapper, wrapped=wrapped,
                   assigned=assigned, updated=updated)


# ---------------------------------------------------------------- total_ordering

# For each root comparison a class may define, how to get the three others
# from it: (target, negate the root's result, then combine with equality
# as 'or_eq' (result or a == b) / 'and_ne' (result and a != b) / None).
_DERIVATIONS = {
    '__lt__': (('__gt__', True, 'and_ne'), ('__le__', False, 'or_eq'),
               ('__ge__', True, None)),
    '__le__': (('__ge__', True, 'or_eq'), ('__lt__', False, 'and_ne'),
               ('__gt__', True, None)),
    '__gt__': (('__lt__', True, 'and_ne'), ('__ge__', False, 'or_eq'),
               ('__le__', True, None)),
    '__ge__': (('__le__', True, 'or_eq'), ('__gt__', False, 'and_ne'),
               ('__lt__', True, None)),
}

_SYMBOLS = {'__lt__': '<', '__le__': '<=', '__gt__': '>', '__ge__': '>='}


def _make_derived(root, target, negate, combine):
    def derived(self, other):
        result = getattr(type(self), root)(self, other)
        if result is NotImplemented:
            return result
        if negate:
            result = not result
        if combine == 'or_eq':
            return result or self == other
        if combine == 'and_ne':
            return result and self != other
        return result
    derived.__name__ = target
    derived.__qualname__ = target
    how = '(%sa %s b)' % ('not ' if negate else '', _SYMBOLS[root])
    if combine == 'or_eq':
        how += ' or (a == b)'
    elif combine == 'and_ne':
        how += ' and (a != b)'
    derived.__doc__ = ('Return a %s b.  Computed by @total_ordering from %s.'
                       % (_SYMBOLS[target], how))
    return derived


def total_ordering(cls):
    """Class decorator that fills in the comparison methods a class
    leaves out, from the one it defines (<, then <=, >, >=)."""
    defined = [op for op in ('__lt__', '__le__', '__gt__', '__ge__')
               if getattr(cls, op, None) is not getattr(object, op, None)]
    if not defined:
        raise ValueError('must define at least one ordering operation: < > <= >=')
    root = defined[0]
    for target, negate, combine in _DERIVATIONS[root]:
        if target not in defined:
            setattr(cls, target, _make_derived(root, target, negate, combine))
    return cls


# ---------------------------------------------------------------- cmp_to_key

def cmp_to_key(mycmp):
    """Turn an old-style cmp(a, b) function into a key= function."""
    class K(object):
        __slots__ = ['obj']

        def __init__(self, obj):
            self.obj = obj

        def __lt__(self, other):
            return mycmp(self.obj, other.obj) < 0

        def __gt__(self, other):
            return mycmp(self.obj, other.obj) > 0

        def __eq__(self, other):
            return mycmp(self.obj, other.obj) == 0

        def __le__(self, other):
            return mycmp(self.obj, other.obj) <= 0

        def __ge__(self, other):
            return mycmp(self.obj, other.obj) >= 0

        __hash__ = None
    return K

try:
    from _functools import cmp_to_key
except ImportError:
    pass


# ---------------------------------------------------------------- reduce

_initial_missing = object()


def reduce(function, iterable, initial=_initial_missing, /):
    """
    reduce(function, iterable[, initial], /) -> value

    Apply a function of two arguments cumulatively to the items of an
    iterable, from left to right, so as to reduce the iterable to a single
    value.
    """
    items = iter(iterable)
    if initial is _initial_missing:
        for value in items:
            break
        else:
            raise TypeError(
                "reduce() of empty iterable with no initial value") from None
    else:
        value = initial
    for item in items:
        value = function(value, item)
    return value

try:
    from _functools import reduce
except ImportError:
    pass


# ---------------------------------------------------------------- partial

class partial:
    """New function with partial application of the given arguments
    and keywords.
    """

    __slots__ = "func", "args", "keywords", "__dict__", "__weakref__"

    def __new__(cls, func, /, *args, **keywords):
        if not callable(func):
            raise TypeError("the first argument must be callable")
        if isinstance(func, partial):
            # Flatten partial(partial(f, a), b) into partial(f, a, b).
            args = func.args + args
            keywords = {**func.keywords, **keywords}
            func = func.func
        self = super(partial, cls).__new__(cls)
        self.func = func
        self.args = args
        self.keywords = keywords
        return self

    def __call__(self, /, *args, **keywords):
        return self.func(*self.args, *args, **{**self.keywords, **keywords})

    @recursive_repr()
    def __repr__(self):
        parts = [repr(self.func)]
        parts.extend(map(repr, self.args))
        parts.extend(f"{k}={v!r}" for k, v in self.keywords.items())
        cls = type(self)
        return f"{cls.__module__}.{cls.__qualname__}({', '.join(parts)})"

    def __get__(self, obj, objtype=None):
        return self

    def __reduce__(self):
        return type(self), (self.func,), (self.func, self.args,
               self.keywords or None, self.__dict__ or None)

    def __setstate__(self, state):
        if not isinstance(state, tuple):
            raise TypeError("argument to __setstate__ must be a tuple")
        if len(state) != 4:
            raise TypeError(f"expected 4 items in state, got {len(state)}")
        func, args, kwds, namespace = state
        if (not callable(func) or not isinstance(args, tuple) or
                (kwds is not None and not isinstance(kwds, dict)) or
                (namespace is not None and not isinstance(namespace, dict))):
            raise TypeError("invalid partial state")
        self.__dict__ = {} if namespace is None else namespace
        self.func = func
        self.args = tuple(args)
        self.keywords = {} if kwds is None else dict(kwds)

    __class_getitem__ = classmethod(GenericAlias)

try:
    from _functools import partial
except ImportError:
    pass


class partialmethod(object):
    """Like partial, for methods: binds self before the stored arguments."""

    def __init__(self, func, /, *args, **keywords):
        if not callable(func) and not hasattr(func, "__get__"):
            raise TypeError("{!r} is not callable or a descriptor"
                            .format(func))
        if isinstance(func, partialmethod):
            self.func = func.func
            self.args = func.args + args
            self.keywords = {**func.keywords, **keywords}
        else:
            self.func = func
            self.args = args
            self.keywords = keywords

    def __repr__(self):
        parts = [repr(self.func)]
        parts.extend(map(repr, self.args))
        parts.extend(f"{k}={v!r}" for k, v in self.keywords.items())
        cls = type(self)
        return f"{cls.__module__}.{cls.__qualname__}({', '.join(parts)})"

    def _unbound(self):
        stored = self

        def method(cls_or_self, /, *args, **keywords):
            return stored.func(cls_or_self, *stored.args, *args,
                               **{**stored.keywords, **keywords})
        method.__isabstractmethod__ = self.__isabstractmethod__
        method._partialmethod = self
        return method

    def __get__(self, obj, cls=None):
        get = getattr(self.func, "__get__", None)
        if get is not None and not isinstance(self.func, partial):
            bound = get(obj, cls)
            if bound is not self.func:
                result = partial(bound, *self.args, **self.keywords)
                try:
                    result.__self__ = bound.__self__
                except AttributeError:
                    pass
                return result
        return self._unbound().__get__(obj, cls)

    @property
    def __isabstractmethod__(self):
        return getattr(self.func, "__isabstractmethod__", False)

    __class_getitem__ = classmethod(GenericAlias)


def _unwrap_partial(func):
    while isinstance(func, partial):
        func = func.func
    return func


# ---------------------------------------------------------------- lru_cache

_CacheInfo = namedtuple("CacheInfo", ["hits", "misses", "maxsize", "currsize"])

_KWD_MARK = object()


class _Key(tuple):
    """A call's cache key; the hash is computed once."""

    __slots__ = ()

    def __new__(cls, items):
        self = tuple.__new__(cls, items)
        return self

    def __hash__(self):
        return tuple.__hash__(self)


def _make_key(args, kwds, typed):
    """The cache key of a call: the positional arguments, a marker, the
    keyword items, and (when typed) the argument types."""
    key = args
    if kwds:
        key += (_KWD_MARK,)
        for item in kwds.items():
            key += item
    if typed:
        key += tuple(type(v) for v in args)
        if kwds:
            key += tuple(type(v) for v in kwds.values())
    elif len(key) == 1 and type(key[0]) in (int, str):
        return key[0]
    return _Key(key)


def lru_cache(maxsize=128, typed=False):
    """Memoize a function, keeping at most maxsize results (least recently
    used ones are dropped first; maxsize=None keeps everything).  With
    typed=True, arguments of different types are cached separately.
    The wrapper has cache_info(), cache_clear() and cache_parameters()."""
    if isinstance(maxsize, int):
        if maxsize < 0:
            maxsize = 0
    elif callable(maxsize) and isinstance(typed, bool):
        user_function, maxsize = maxsize, 128
        return _wrap_cached(user_function, maxsize, typed)
    elif maxsize is not None:
        raise TypeError(
            'Expected first argument to be an integer, a callable, or None')

    def decorating_function(user_function):
        return _wrap_cached(user_function, maxsize, typed)
    return decorating_function


def _wrap_cached(user_function, maxsize, typed):
    wrapper = _lru_cache_wrapper(user_function, maxsize, typed, _CacheInfo)
    wrapper.cache_parameters = lambda: {'maxsize': maxsize, 'typed': typed}
    return update_wrapper(wrapper, user_function)


def _lru_cache_wrapper(user_function, maxsize, typed, _CacheInfo):
    cache = {}
    stats = [0, 0]          # hits, misses
    lock = RLock()
    missing = object()

    if maxsize == 0:
        def wrapper(*args, **kwds):
            stats[1] += 1
            return user_function(*args, **kwds)

    elif maxsize is None:
        def wrapper(*args, **kwds):
            key = _make_key(args, kwds, typed)
            result = cache.get(key, missing)
            if result is not missing:
                stats[0] += 1
                return result
            stats[1] += 1
            result = user_function(*args, **kwds)
            cache[key] = result
            return result

    else:
        def wrapper(*args, **kwds):
            key = _make_key(args, kwds, typed)
            with lock:
                result = cache.pop(key, missing)
                if result is not missing:
                    cache[key] = result          # now the most recent
                    stats[0] += 1
                    return result
                stats[1] += 1
            result = user_function(*args, **kwds)
            with lock:
                if key not in cache:
                    if len(cache) >= maxsize:
                        del cache[next(iter(cache))]
                    cache[key] = result
            return result

    def cache_info():
        """Return CacheInfo(hits, misses, maxsize, currsize)."""
        with lock:
            return _CacheInfo(stats[0], stats[1], maxsize, len(cache))

    def cache_clear():
        """Forget every cached result and reset the counters."""
        with lock:
            cache.clear()
            stats[0] = stats[1] = 0

    wrapper.cache_info = cache_info
    wrapper.cache_clear = cache_clear
    return wrapper


try:
    from _functools import _lru_cache_wrapper
except ImportError:
    pass


def cache(user_function, /):
    'Simple lightweight unbounded cache.  Sometimes called "memoize".'
    return lru_cache(maxsize=None)(user_function)


# ---------------------------------------------------------------- singledispatch

def _dispatch_position(cls, typ):
    """Where typ sits in cls's method resolution order: its index when it
    is a real base; for an ABC cls implements, just before the first class
    of the MRO that does not implement it."""
    mro = cls.__mro__
    if typ in mro:
        return mro.index(typ), True
    for index, base in enumerate(mro):
        if not issubclass(base, typ):
            return index - 0.5, False
    return len(mro) - 0.5, False


def _find_impl(cls, registry):
    """The registered implementation that fits cls best (None when none does)."""
    candidates = []
    for typ in registry:
        if isinstance(typ, GenericAlias):
            continue
        try:
            if issubclass(cls, typ):
                candidates.append(typ)
        except TypeError:
            continue
    if not candidates:
        return None
    # Drop candidates some other candidate is more specific than.
    best = [t for t in candidates
            if not any(u is not t and issubclass(u, t) and
                       _dispatch_position(cls, u) <= _dispatch_position(cls, t)
                       for u in candidates)]
    best.sort(key=lambda t: _dispatch_position(cls, t)[0])
    first = best[0]
    if len(best) > 1:
        second = best[1]
        p1, real1 = _dispatch_position(cls, first)
        p2, real2 = _dispatch_position(cls, second)
        if p1 == p2 and not (real1 and real2):
            raise RuntimeError("Ambiguous dispatch: {} or {}".format(first, second))
    return registry[first]


def singledispatch(func):
    """Make func generic on the type of its first argument; add
    implementations with func.register(cls) or func.register on a function
    whose first parameter is annotated."""
    import types

    registry = {}
    dispatch_cache = {}
    cache_token = [None]

    def dispatch(cls):
        """Return the implementation chosen for arguments of type cls."""
        if cache_token[0] is not None:
            current = get_cache_token()
            if cache_token[0] != current:
                dispatch_cache.clear()
                cache_token[0] = current
        try:
            return dispatch_cache[cls]
        except KeyError:
            pass
        impl = registry.get(cls)
        if impl is None:
            impl = _find_impl(cls, registry)
        dispatch_cache[cls] = impl
        return impl

    def _is_union(cls):
        return (types.UnionType is not None and isinstance(cls, types.UnionType)) or \
            repr(getattr(cls, '__origin__', None)) == 'typing.Union'

    def _valid(cls):
        if isinstance(cls, type):
            return True
        return _is_union(cls) and all(isinstance(a, type) for a in cls.__args__)

    def register(cls, func=None):
        """Add an implementation for cls (or for the annotated type of func)."""
        if _valid(cls):
            if func is None:
                return lambda f: register(cls, f)
        else:
            if func is not None:
                raise TypeError(
                    f"Invalid first argument to `register()`. "
                    f"{cls!r} is not a class or union type."
                )
            ann = getattr(cls, '__annotations__', {})
            if not ann:
                raise TypeError(
                    f"Invalid first argument to `register()`: {cls!r}. "
                    f"Use either `@register(some_class)` or plain `@register` "
                    f"on an annotated function."
                )
            func = cls
            argname, cls = next(iter(ann.items()))
            if isinstance(cls, str):
                try:
                    from typing import get_type_hints
                    argname, cls = next(iter(get_type_hints(func).items()))
                except Exception:
                    pass
            if not _valid(cls):
                if _is_union(cls):
                    raise TypeError(
                        f"Invalid annotation for {argname!r}. "
                        f"{cls!r} not all arguments are classes."
                    )
                raise TypeError(
                    f"Invalid annotation for {argname!r}. "
                    f"{cls!r} is not a class."
                )
        for typ in (cls.__args__ if _is_union(cls) else (cls,)):
            registry[typ] = func
            if cache_token[0] is None and hasattr(typ, '__abstractmethods__'):
                cache_token[0] = get_cache_token()
        dispatch_cache.clear()
        return func

    def wrapper(*args, **kw):
        if not args:
            raise TypeError(f'{funcname} requires at least '
                            '1 positional argument')
        return dispatch(args[0].__class__)(*args, **kw)

    funcname = getattr(func, '__name__', 'singledispatch function')
    registry[object] = func
    wrapper.register = register
    wrapper.dispatch = dispatch
    wrapper.registry = types.MappingProxyType(registry)
    wrapper._clear_cache = dispatch_cache.clear
    update_wrapper(wrapper, func)
    return wrapper


class singledispatchmethod:
    """singledispatch for methods: dispatches on the first argument after self."""

    def __init__(self, func):
        if not callable(func) and not hasattr(func, "__get__"):
            raise TypeError(f"{func!r} is not callable or a descriptor")
        self.dispatcher = singledispatch(func)
        self.func = func

    def register(self, cls, method=None):
        """Add an implementation for cls."""
        return self.dispatcher.register(cls, func=method)

    def __get__(self, obj, cls=None):
        dispatch = self.dispatcher.dispatch
        funcname = getattr(self.func, '__name__', 'singledispatchmethod method')

        def _method(*args, **kwargs):
            if not args:
                raise TypeError(f'{funcname} requires at least '
                                '1 positional argument')
            return dispatch(args[0].__class__).__get__(obj, cls)(*args, **kwargs)

        _method.__isabstractmethod__ = self.__isabstractmethod__
        _method.register = self.register
        update_wrapper(_method, self.func)
        return _method

    @property
    def __isabstractmethod__(self):
        return getattr(self.func, '__isabstractmethod__', False)


# ---------------------------------------------------------------- cached_property

_NOT_FOUND = object()


class cached_property:
    """A property computed once per instance and then stored in the
    instance's __dict__ under the same name (later reads find it there)."""

    def __init__(self, func):
        self.func = func
        self.attrname = None
        self.__doc__ = func.__doc__
        self.__module__ = func.__module__

    def __set_name__(self, owner, name):
        if self.attrname is None:
            self.attrname = name
        elif name != self.attrname:
            raise TypeError(
                "Cannot assign the same cached_property to two different names "
                f"({self.attrname!r} and {name!r})."
            )

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        name = self.attrname
        if name is None:
            raise TypeError(
                "Cannot use cached_property instance without calling __set_name__ on it.")
        try:
            storage = instance.__dict__
        except AttributeError:
            raise TypeError(
                f"No '__dict__' attribute on {type(instance).__name__!r} "
                f"instance to cache {name!r} property.") from None
        value = storage.get(name, _NOT_FOUND)
        if value is _NOT_FOUND:
            value = self.func(instance)
            try:
                storage[name] = value
            except TypeError:
                raise TypeError(
                    f"The '__dict__' attribute on {type(instance).__name__!r} instance "
                    f"does not support item assignment for caching {name!r} property."
                ) from None
        return value

    __class_getitem__ = classmethod(GenericAlias)
