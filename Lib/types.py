"""Names for the interpreter's built-in types, plus helpers for creating
classes dynamically (new_class, prepare_class, resolve_bases),
SimpleNamespace, DynamicClassAttribute and the coroutine decorator.

Most types are found by taking type() of a sample object, so this module
works whatever the interpreter calls them internally.
"""

import sys

def _f(): pass
FunctionType = type(_f)
LambdaType = type(lambda: None)
CodeType = type(_f.__code__)
MappingProxyType = type(type.__dict__)
SimpleNamespace = type(getattr(sys, 'implementation', None))

def _cell_factory():
    a = 1
    def f():
        nonlocal a
    return f.__closure__[0]
CellType = type(_cell_factory())

def _g():
    yield 1
GeneratorType = type(_g())

async def _c(): pass
try:
    _c = _c()
    CoroutineType = type(_c)
    _c.close()
except Exception:
    CoroutineType = None

async def _ag():
    yield
try:
    _ag = _ag()
    AsyncGeneratorType = type(_ag)
except Exception:
    AsyncGeneratorType = None

class _C:
    def _m(self): pass
MethodType = type(_C()._m)

BuiltinFunctionType = type(len)
BuiltinMethodType = type([].append)

WrapperDescriptorType = type(object.__init__)
MethodWrapperType = type(object().__str__)
MethodDescriptorType = type(str.join)
try:
    ClassMethodDescriptorType = type(dict.__dict__['fromkeys'])
except (KeyError, AttributeError):
    ClassMethodDescriptorType = type(classmethod(len))

ModuleType = type(sys)

try:
    raise TypeError
except TypeError as _e:
    try:
        TracebackType = type(_e.__traceback__)
        FrameType = type(_e.__traceback__.tb_frame)
    except AttributeError:
        TracebackType = FrameType = None
    del _e

try:
    GetSetDescriptorType = type(FunctionType.__code__)
except AttributeError:
    GetSetDescriptorType = type(type.__dict__['__dict__'])
try:
    MemberDescriptorType = type(FunctionType.__globals__)
except AttributeError:
    MemberDescriptorType = GetSetDescriptorType
try:
    _mt = type(type.__dict__['__basicsize__'])
    if _mt is not GetSetDescriptorType:
        MemberDescriptorType = _mt
    del _mt
except KeyError:
    pass

del sys, _f, _g, _C, _c, _ag, _cell_factory

NoneType = type(None)
NotImplementedType = type(NotImplemented)
EllipsisType = type(Ellipsis)

# Both are C types (Objects/genericaliasobject.c, Objects/unionobject.c).
GenericAlias = type(list[int])
UnionType = type(int | str)


if SimpleNamespace.__name__ != 'SimpleNamespace':
    # The interpreter has no C namespace type: provide one.
    class SimpleNamespace:
        """A simple attribute-based namespace."""

        def __init__(self, mapping_or_iterable=(), /, **kwargs):
            if mapping_or_iterable:
                d = dict(mapping_or_iterable)
                for k in d:
                    if not isinstance(k, str):
                        raise TypeError("keywords must be strings, not '%s'"
                                        % type(k).__name__)
                self.__dict__.update(d)
            self.__dict__.update(kwargs)

        def __repr__(self):
            if _repr_running.get(id(self)):
                return "%s(...)" % ("namespace" if type(self) is SimpleNamespace
                                    else type(self).__name__)
            _repr_running[id(self)] = True
            try:
                items = ("{}={!r}".format(k, v) for k, v in self.__dict__.items())
                name = ("namespace" if type(self) is SimpleNamespace
                        else type(self).__name__)
                return "{}({})".format(name, ", ".join(items))
            finally:
                del _repr_running[id(self)]

        def __eq__(self, other):
            if isinstance(self, SimpleNamespace) and isinstance(other, SimpleNamespace):
                return self.__dict__ == other.__dict__
            return NotImplemented

        __hash__ = None

        def __reduce__(self):
            return (type(self), (), self.__dict__)

        def __replace__(self, /, **changes):
            result = type(self)(**self.__dict__)
            result.__dict__.update(changes)
            return result

    _repr_running = {}
    SimpleNamespace.__module__ = 'types'


def new_class(name, bases=(), kwds=None, exec_body=None):
    """Create a class object dynamically using the appropriate metaclass."""
    resolved_bases = resolve_bases(bases)
    meta, ns, kwds = prepare_class(name, resolved_bases, kwds)
    if exec_body is not None:
        exec_body(ns)
    if resolved_bases is not bases:
        ns['__orig_bases__'] = bases
    return meta(name, resolved_bases, ns, **kwds)


def resolve_bases(bases):
    """Resolve MRO entries dynamically as specified by PEP 560."""
    new_bases = list(bases)
    updated = False
    shift = 0
    for i, base in enumerate(bases):
        if isinstance(base, type):
            continue
        if not hasattr(base, "__mro_entries__"):
            continue
        new_base = base.__mro_entries__(bases)
        updated = True
        if not isinstance(new_base, tuple):
            raise TypeError("__mro_entries__ must return a tuple")
        new_bases[i + shift:i + shift + 1] = new_base
        shift += len(new_base) - 1
    if not updated:
        return bases
    return tuple(new_bases)


def prepare_class(name, bases=(), kwds=None):
    """Call the __prepare__ method of the appropriate metaclass.

    Returns (metaclass, namespace, kwds) with the 'metaclass' entry removed
    from kwds (a copy)."""
    if kwds is None:
        kwds = {}
    else:
        kwds = dict(kwds)
    if 'metaclass' in kwds:
        meta = kwds.pop('metaclass')
    else:
        meta = type(bases[0]) if bases else type
    if isinstance(meta, type):
        meta = _calculate_meta(meta, bases)
    if hasattr(meta, '__prepare__'):
        ns = meta.__prepare__(name, bases, **kwds)
    else:
        ns = {}
    return meta, ns, kwds


def _calculate_meta(meta, bases):
    winner = meta
    for base in bases:
        base_meta = type(base)
        if issubclass(winner, base_meta):
            continue
        if issubclass(base_meta, winner):
            winner = base_meta
            continue
        raise TypeError("metaclass conflict: "
                        "the metaclass of a derived class "
                        "must be a (non-strict) subclass "
                        "of the metaclasses of all its bases")
    return winner


def get_original_bases(cls, /):
    """Return the class's "original" bases prior to modification by
    __mro_entries__."""
    try:
        return cls.__dict__.get("__orig_bases__", cls.__bases__)
    except AttributeError:
        raise TypeError(
            f"Expected an instance of type, not {type(cls).__name__!r}"
        ) from None


class DynamicClassAttribute:
    """Route attribute access on a class to __getattr__.

    Behaves like a property on instances; on the class itself it raises
    AttributeError so that the metaclass __getattr__ is consulted."""

    def __init__(self, fget=None, fset=None, fdel=None, doc=None):
        self.fget = fget
        self.fset = fset
        self.fdel = fdel
        self.__doc__ = doc or getattr(fget, '__doc__', None)
        self.overwrite_doc = doc is None
        self.__isabstractmethod__ = bool(getattr(fget, '__isabstractmethod__', False))

    def __get__(self, instance, ownerclass=None):
        if instance is None:
            if self.__isabstractmethod__:
                return self
            raise AttributeError()
        elif self.fget is None:
            raise AttributeError("unreadable attribute")
        return self.fget(instance)

    def __set__(self, instance, value):
        if self.fset is None:
            raise AttributeError("can't set attribute")
        self.fset(instance, value)

    def __delete__(self, instance):
        if self.fdel is None:
            raise AttributeError("can't delete attribute")
        self.fdel(instance)

    def getter(self, fget):
        fdoc = fget.__doc__ if self.overwrite_doc else None
        result = type(self)(fget, self.fset, self.fdel, fdoc or self.__doc__)
        result.overwrite_doc = self.overwrite_doc
        return result

    def setter(self, fset):
        result = type(self)(self.fget, fset, self.fdel, self.__doc__)
        result.overwrite_doc = self.overwrite_doc
        return result

    def deleter(self, fdel):
        result = type(self)(self.fget, self.fset, fdel, self.__doc__)
        result.overwrite_doc = self.overwrite_doc
        return result


class _GeneratorWrapper:
    # Makes a generator usable where a coroutine is awaited.
    def __init__(self, gen):
        self.__wrapped = gen
        self.__isgen = gen.__class__ is GeneratorType
        self.__name__ = getattr(gen, '__name__', None)
        self.__qualname__ = getattr(gen, '__qualname__', None)

    def send(self, val):
        return self.__wrapped.send(val)

    def throw(self, tp, *rest):
        return self.__wrapped.throw(tp, *rest)

    def close(self):
        return self.__wrapped.close()

    @property
    def gi_code(self):
        return self.__wrapped.gi_code

    @property
    def gi_frame(self):
        return self.__wrapped.gi_frame

    @property
    def gi_running(self):
        return self.__wrapped.gi_running

    @property
    def gi_yieldfrom(self):
        return self.__wrapped.gi_yieldfrom

    cr_code = gi_code
    cr_frame = gi_frame
    cr_running = gi_running
    cr_await = gi_yieldfrom

    def __next__(self):
        return next(self.__wrapped)

    def __iter__(self):
        if self.__isgen:
            return self.__wrapped
        return self

    __await__ = __iter__


def coroutine(func):
    """Convert a regular generator function into a coroutine."""
    if not callable(func):
        raise TypeError('types.coroutine() expects a callable')

    if (func.__class__ is FunctionType and
            getattr(func, '__code__', None).__class__ is CodeType):
        co_flags = func.__code__.co_flags
        # CO_ITERABLE_COROUTINE (0x100) | CO_COROUTINE (0x80)
        if co_flags & 0x180:
            return func
        # CO_GENERATOR (0x20): mark the code as an iterable coroutine.
        if co_flags & 0x20:
            co = func.__code__
            try:
                func.__code__ = co.replace(co_flags=co_flags | 0x100)
                return func
            except (AttributeError, TypeError, ValueError):
                pass

    import functools

    @functools.wraps(func)
    def wrapped(*args, **kwargs):
        coro = func(*args, **kwargs)
        if (coro.__class__ is CoroutineType or
                coro.__class__ is GeneratorType and coro.gi_code.co_flags & 0x100):
            return coro
        if (coro.__class__ is GeneratorType or
                (hasattr(coro, '__next__') and hasattr(coro, 'send')
                 and hasattr(coro, 'throw') and hasattr(coro, 'close'))):
            return _GeneratorWrapper(coro)
        return coro

    return wrapped


__all__ = [n for n in globals() if n[:1] != '_']
