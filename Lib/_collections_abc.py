"""The container ABCs; collections.abc re-exports them.

Layout of this file:
  1. the concrete built-in types we need to name (iterators, views, ...);
  2. _defines_all() and the @_structural decorator: ABCs that recognise a
     class by the methods it defines get their __subclasshook__ from it;
  3. the ABCs themselves, with their mixin methods;
  4. one table saying which built-in types are virtual subclasses of which
     ABC, applied at the very end.
"""

from abc import ABCMeta, abstractmethod
import sys

GenericAlias = type(list[int])
EllipsisType = type(...)
FunctionType = type(lambda: None)

__all__ = ["Awaitable", "Coroutine",
           "AsyncIterable", "AsyncIterator", "AsyncGenerator",
           "Hashable", "Iterable", "Iterator", "Generator", "Reversible",
           "Sized", "Container", "Callable", "Collection",
           "Set", "MutableSet",
           "Mapping", "MutableMapping",
           "MappingView", "KeysView", "ItemsView", "ValuesView",
           "Sequence", "MutableSequence",
           "ByteString", "Buffer",
           ]

# Everything defined below reports itself as living in collections.abc,
# the public home of these classes.
__name__ = "collections.abc"


# -- 1. built-in types, named by a sample object of each ------------------

def _sample_generator():
    yield

async def _sample_coroutine():
    pass

async def _sample_async_generator():
    yield

def _type_of_sample(make):
    """type(make()), or None if the interpreter cannot build one.  The
    sample is closed (an unawaited coroutine would warn)."""
    try:
        obj = make()
    except Exception:
        return None
    close = getattr(obj, "close", None)
    if close is not None:
        close()
    return type(obj)

_SAMPLES = {
    "bytes_iterator": lambda: iter(b""),
    "bytearray_iterator": lambda: iter(bytearray()),
    "dict_keyiterator": lambda: iter({}.keys()),
    "dict_valueiterator": lambda: iter({}.values()),
    "dict_itemiterator": lambda: iter({}.items()),
    "list_iterator": lambda: iter([]),
    "list_reverseiterator": lambda: reversed([]),
    "range_iterator": lambda: iter(range(0)),
    "longrange_iterator": lambda: iter(range(1 << 1000)),
    "set_iterator": lambda: iter(set()),
    "str_iterator": lambda: iter(""),
    "tuple_iterator": lambda: iter(()),
    "zip_iterator": lambda: zip(),
    "dict_keys": lambda: {}.keys(),
    "dict_values": lambda: {}.values(),
    "dict_items": lambda: {}.items(),
    "mappingproxy": lambda: type.__dict__,
    "generator": _sample_generator,
    "coroutine": _sample_coroutine,
    "async_generator": _sample_async_generator,
}
globals().update({name: _type_of_sample(make)
                  for name, make in _SAMPLES.items()})
del _SAMPLES, _sample_generator, _sample_coroutine, _sample_async_generator


# -- 2. structural recognition --------------------------------------------

def _defines_all(C, names):
    """True if every name is defined somewhere on C's MRO, the nearest
    definition not being None (None is how a class opts out); otherwise
    NotImplemented, so that the normal ABC machinery decides."""
    namespaces = [klass.__dict__ for klass in C.__mro__]
    for name in names:
        owner = next((ns for ns in namespaces if name in ns), None)
        if owner is None or owner[name] is None:
            return NotImplemented
    return True

def _check_methods(C, *methods):
    """Kept under this name for os.PathLike, contextlib and friends."""
    return _defines_all(C, methods)

def _structural(*names):
    """Class decorator: the ABC accepts, as a virtual subclass, any class
    defining all of *names*.  Subclasses of the ABC do not inherit this:
    for them the hook answers NotImplemented."""
    def install(abc):
        def __subclasshook__(cls, C):
            if cls is not abc:
                return NotImplemented
            return _defines_all(C, names)
        __subclasshook__.__qualname__ = abc.__qualname__ + ".__subclasshook__"
        abc.__subclasshook__ = classmethod(__subclasshook__)
        return abc
    return install

def _raise_thrown(typ, val, tb):
    """Shared body of the abstract throw()/athrow(): raise what was thrown."""
    exc = val if val is not None else (typ if tb is None else typ())
    if tb is not None:
        exc = exc.with_traceback(tb)
    raise exc

_generic = classmethod(GenericAlias)


# -- 3. the ABCs ----------------------------------------------------------

@_structural("__hash__")
class Hashable(metaclass=ABCMeta):
    __slots__ = ()

    @abstractmethod
    def __hash__(self):
        return 0


@_structural("__await__")
class Awaitable(metaclass=ABCMeta):
    __slots__ = ()
    __class_getitem__ = _generic

    @abstractmethod
    def __await__(self):
        yield


@_structural("__await__", "send", "throw", "close")
class Coroutine(Awaitable):
    __slots__ = ()

    @abstractmethod
    def send(self, value):
        """Resume the coroutine with a value."""
        raise StopIteration

    @abstractmethod
    def throw(self, typ, val=None, tb=None):
        """Raise an exception at the coroutine's suspension point."""
        _raise_thrown(typ, val, tb)

    def close(self):
        """Throw GeneratorExit in and insist that it is not swallowed."""
        try:
            self.throw(GeneratorExit)
        except (GeneratorExit, StopIteration):
            return
        raise RuntimeError("coroutine ignored GeneratorExit")


@_structural("__aiter__")
class AsyncIterable(metaclass=ABCMeta):
    __slots__ = ()
    __class_getitem__ = _generic

    @abstractmethod
    def __aiter__(self):
        return AsyncIterator()


@_structural("__anext__", "__aiter__")
class AsyncIterator(AsyncIterable):
    __slots__ = ()

    @abstractmethod
    async def __anext__(self):
        """Produce the next item; StopAsyncIteration at the end."""
        raise StopAsyncIteration

    def __aiter__(self):
        return self


@_structural("__aiter__", "__anext__", "asend", "athrow", "aclose")
class AsyncGenerator(AsyncIterator):
    __slots__ = ()

    async def __anext__(self):
        """Same as asend(None)."""
        return await self.asend(None)

    @abstractmethod
    async def asend(self, value):
        """Resume the generator with a value."""
        raise StopAsyncIteration

    @abstractmethod
    async def athrow(self, typ, val=None, tb=None):
        """Raise an exception at the generator's suspension point."""
        _raise_thrown(typ, val, tb)

    async def aclose(self):
        """Throw GeneratorExit in and insist that it is not swallowed."""
        try:
            await self.athrow(GeneratorExit)
        except (GeneratorExit, StopAsyncIteration):
            return
        raise RuntimeError("asynchronous generator ignored GeneratorExit")


@_structural("__iter__")
class Iterable(metaclass=ABCMeta):
    __slots__ = ()
    __class_getitem__ = _generic

    @abstractmethod
    def __iter__(self):
        return
        yield


@_structural("__iter__", "__next__")
class Iterator(Iterable):
    __slots__ = ()

    @abstractmethod
    def __next__(self):
        """Produce the next item; StopIteration at the end."""
        raise StopIteration

    def __iter__(self):
        return self


@_structural("__reversed__", "__iter__")
class Reversible(Iterable):
    __slots__ = ()

    @abstractmethod
    def __reversed__(self):
        return
        yield


@_structural("__iter__", "__next__", "send", "throw", "close")
class Generator(Iterator):
    __slots__ = ()

    def __next__(self):
        """Same as send(None)."""
        return self.send(None)

    @abstractmethod
    def send(self, value):
        """Resume the generator with a value."""
        raise StopIteration

    @abstractmethod
    def throw(self, typ, val=None, tb=None):
        """Raise an exception at the generator's suspension point."""
        _raise_thrown(typ, val, tb)

    def close(self):
        """Throw GeneratorExit in and insist that it is not swallowed."""
        try:
            self.throw(GeneratorExit)
        except (GeneratorExit, StopIteration):
            return
        raise RuntimeError("generator ignored GeneratorExit")


@_structural("__len__")
class Sized(metaclass=ABCMeta):
    __slots__ = ()

    @abstractmethod
    def __len__(self):
        return 0


@_structural("__contains__")
class Container(metaclass=ABCMeta):
    __slots__ = ()
    __class_getitem__ = _generic

    @abstractmethod
    def __contains__(self, x):
        return False


@_structural("__len__", "__iter__", "__contains__")
class Collection(Sized, Iterable, Container):
    __slots__ = ()


@_structural("__buffer__")
class Buffer(metaclass=ABCMeta):
    __slots__ = ()

    @abstractmethod
    def __buffer__(self, flags: int, /):
        raise NotImplementedError


@_structural("__call__")
class Callable(metaclass=ABCMeta):
    __slots__ = ()
    __class_getitem__ = _generic

    @abstractmethod
    def __call__(self, *args, **kwds):
        return False


def _each_in(items, container):
    """True if every element of the iterable is in the container."""
    for item in items:
        if item not in container:
            return False
    return True


class Set(Collection):
    """Read-only set mixins; subclasses supply __contains__, __iter__,
    __len__."""

    __slots__ = ()

    @classmethod
    def _from_iterable(cls, it):
        """Build a result set; override if the constructor differs."""
        return cls(it)

    def _coerce(self, other):
        """Other as a Set (built with _from_iterable if it is merely
        iterable), or None if it is not even iterable."""
        if isinstance(other, Set):
            return other
        if isinstance(other, Iterable):
            return self._from_iterable(other)
        return None

    # Comparisons: subset tests with a size shortcut.
    def __le__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        return len(self) <= len(other) and _each_in(self, other)

    def __ge__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        return len(self) >= len(other) and _each_in(other, self)

    def __lt__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        return len(self) < len(other) and self.__le__(other)

    def __gt__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        return len(self) > len(other) and self.__ge__(other)

    def __eq__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        return len(self) == len(other) and self.__le__(other)

    def isdisjoint(self, other):
        """True if no element of other is in self."""
        return not any(item in self for item in other)

    # Algebra.  & and | accept any iterable; -, ^ convert it first.
    def __and__(self, other):
        if not isinstance(other, Iterable):
            return NotImplemented
        return self._from_iterable(x for x in other if x in self)

    def __or__(self, other):
        if not isinstance(other, Iterable):
            return NotImplemented
        def both():
            yield from self
            yield from other
        return self._from_iterable(both())

    def __sub__(self, other):
        other = self._coerce(other)
        if other is None:
            return NotImplemented
        return self._from_iterable(x for x in self if x not in other)

    def __rsub__(self, other):
        other = self._coerce(other)
        if other is None:
            return NotImplemented
        return self._from_iterable(x for x in other if x not in self)

    def __xor__(self, other):
        other = self._coerce(other)
        if other is None:
            return NotImplemented
        return (self - other) | (other - self)

    __rand__ = __and__
    __ror__ = __or__
    __rxor__ = __xor__

    def _hash(self):
        """A hash for immutable subclasses, equal to what frozenset would
        give for the same elements."""
        width = sys.maxsize.bit_length() + 1       # bits in a Py_hash_t
        mask = (1 << width) - 1
        acc = (1927868237 * (len(self) + 1)) & mask
        for item in self:
            h = hash(item)
            acc = (acc ^ ((h ^ (h << 16) ^ 89869747) * 3644798167)) & mask
        acc ^= (acc >> 11) ^ (acc >> 25)
        acc = (acc * 69069 + 907133923) & mask
        if acc >> (width - 1):                    # back to a signed value
            acc -= 1 << width
        return 590923713 if acc == -1 else acc


class MutableSet(Set):
    """Mutable set mixins; subclasses also supply add and discard."""

    __slots__ = ()

    @abstractmethod
    def add(self, value):
        """Put value in the set."""
        raise NotImplementedError

    @abstractmethod
    def discard(self, value):
        """Take value out of the set if it is there."""
        raise NotImplementedError

    def remove(self, value):
        """Take value out of the set; KeyError if it is not there."""
        if value not in self:
            raise KeyError(value)
        self.discard(value)

    def pop(self):
        """Take out and return some element; KeyError if empty."""
        for value in self:
            break
        else:
            raise KeyError from None
        self.discard(value)
        return value

    def clear(self):
        """Empty the set, one pop() at a time."""
        while True:
            try:
                self.pop()
            except KeyError:
                return

    def __ior__(self, it):
        for value in it:
            self.add(value)
        return self

    def __iand__(self, it):
        for value in self - it:
            self.discard(value)
        return self

    def __ixor__(self, it):
        if it is self:
            self.clear()
            return self
        if not isinstance(it, Set):
            it = self._from_iterable(it)
        for value in it:
            if value in self:
                self.discard(value)
            else:
                self.add(value)
        return self

    def __isub__(self, it):
        if it is self:
            self.clear()
            return self
        for value in it:
            self.discard(value)
        return self


class Mapping(Collection):
    """Read-only mapping mixins; subclasses supply __getitem__, __iter__,
    __len__."""

    __slots__ = ()

    # Lets a class statement mark instances for mapping patterns in 'match'.
    __abc_tpflags__ = 1 << 6

    # A mapping's iteration order is not meant to be reversed by default.
    __reversed__ = None

    @abstractmethod
    def __getitem__(self, key):
        raise KeyError

    def get(self, key, default=None):
        """self[key] if key is present, else default."""
        try:
            return self[key]
        except KeyError:
            return default

    def __contains__(self, key):
        try:
            self[key]
        except KeyError:
            return False
        return True

    def keys(self):
        """A set-like view of the keys."""
        return KeysView(self)

    def items(self):
        """A set-like view of the (key, value) pairs."""
        return ItemsView(self)

    def values(self):
        """A view of the values."""
        return ValuesView(self)

    def __eq__(self, other):
        if not isinstance(other, Mapping):
            return NotImplemented
        return dict(self.items()) == dict(other.items())


class MappingView(Sized):
    __slots__ = ("_mapping",)
    __class_getitem__ = _generic

    def __init__(self, mapping):
        self._mapping = mapping

    def __len__(self):
        return len(self._mapping)

    def __repr__(self):
        return f"{type(self).__name__}({self._mapping!r})"


def _same(a, b):
    """Identity-or-equality, the membership test containers use."""
    return a is b or a == b


class KeysView(MappingView, Set):
    __slots__ = ()

    @classmethod
    def _from_iterable(cls, it):
        return set(it)

    def __contains__(self, key):
        return key in self._mapping

    def __iter__(self):
        yield from self._mapping


class ItemsView(MappingView, Set):
    __slots__ = ()

    @classmethod
    def _from_iterable(cls, it):
        return set(it)

    def __contains__(self, item):
        key, value = item
        try:
            found = self._mapping[key]
        except KeyError:
            return False
        return _same(found, value)

    def __iter__(self):
        mapping = self._mapping
        for key in mapping:
            yield (key, mapping[key])


class ValuesView(MappingView, Collection):
    __slots__ = ()

    def __contains__(self, value):
        mapping = self._mapping
        return any(_same(mapping[key], value) for key in mapping)

    def __iter__(self):
        mapping = self._mapping
        for key in mapping:
            yield mapping[key]


_MISSING = object()


class MutableMapping(Mapping):
    """Mutable mapping mixins; subclasses also supply __setitem__ and
    __delitem__."""

    __slots__ = ()

    @abstractmethod
    def __setitem__(self, key, value):
        raise KeyError

    @abstractmethod
    def __delitem__(self, key):
        raise KeyError

    def pop(self, key, default=_MISSING):
        """Remove key and return its value (or default if it is absent;
        KeyError without a default)."""
        try:
            value = self[key]
        except KeyError:
            if default is _MISSING:
                raise
            return default
        del self[key]
        return value

    def popitem(self):
        """Remove and return some (key, value) pair; KeyError if empty."""
        for key in self:
            break
        else:
            raise KeyError from None
        value = self[key]
        del self[key]
        return key, value

    def clear(self):
        """Remove everything, one popitem() at a time."""
        while True:
            try:
                self.popitem()
            except KeyError:
                return

    def update(self, other=(), /, **kwds):
        """Store the pairs of a mapping, of an object with keys(), or of an
        iterable of pairs; then the keyword arguments."""
        if isinstance(other, Mapping):
            pairs = ((k, other[k]) for k in other)
        elif hasattr(other, "keys"):
            pairs = ((k, other[k]) for k in other.keys())
        else:
            pairs = other
        for key, value in pairs:
            self[key] = value
        for key, value in kwds.items():
            self[key] = value

    def setdefault(self, key, default=None):
        """self[key], storing default there first if key is absent."""
        try:
            return self[key]
        except KeyError:
            self[key] = default
            return default


class Sequence(Reversible, Collection):
    """Read-only sequence mixins; subclasses supply __getitem__ and
    __len__."""

    __slots__ = ()

    # Lets a class statement mark instances for sequence patterns in 'match'.
    __abc_tpflags__ = 1 << 5

    @abstractmethod
    def __getitem__(self, index):
        raise IndexError

    def __iter__(self):
        # Index upwards until the sequence says it has run out.
        i = 0
        while True:
            try:
                item = self[i]
            except IndexError:
                return
            yield item
            i += 1

    def __contains__(self, value):
        return any(_same(item, value) for item in self)

    def __reversed__(self):
        i = len(self)
        while i > 0:
            i -= 1
            yield self[i]

    def index(self, value, start=0, stop=None):
        """Position of the first occurrence of value in [start:stop];
        ValueError if there is none."""
        if start is not None and start < 0:
            start = max(0, start + len(self))
        if stop is not None and stop < 0:
            stop = stop + len(self)
        i = start
        while stop is None or i < stop:
            try:
                item = self[i]
            except IndexError:
                break
            if _same(item, value):
                return i
            i += 1
        raise ValueError

    def count(self, value):
        """Number of occurrences of value."""
        n = 0
        for item in self:
            if _same(item, value):
                n += 1
        return n


class ByteString(Sequence):
    """bytes and bytearray (deprecated)."""

    __slots__ = ()


class MutableSequence(Sequence):
    """Mutable sequence mixins; subclasses also supply __setitem__,
    __delitem__ and insert."""

    __slots__ = ()

    @abstractmethod
    def __setitem__(self, index, value):
        raise IndexError

    @abstractmethod
    def __delitem__(self, index):
        raise IndexError

    @abstractmethod
    def insert(self, index, value):
        """Put value before position index."""
        raise IndexError

    def append(self, value):
        """Add value at the end."""
        self.insert(len(self), value)

    def clear(self):
        """Remove everything, one pop() at a time."""
        while True:
            try:
                self.pop()
            except IndexError:
                return

    def reverse(self):
        """Reverse in place by swapping from both ends."""
        lo, hi = 0, len(self) - 1
        while lo < hi:
            self[lo], self[hi] = self[hi], self[lo]
            lo += 1
            hi -= 1

    def extend(self, values):
        """Append every item of an iterable (a copy, if it is self)."""
        for v in (list(values) if values is self else values):
            self.append(v)

    def pop(self, index=-1):
        """Remove and return the item at index (the last by default)."""
        item = self[index]
        del self[index]
        return item

    def remove(self, value):
        """Remove the first occurrence of value; ValueError if absent."""
        del self[self.index(value)]

    def __iadd__(self, values):
        self.extend(values)
        return self


# -- 4. built-in types registered as virtual subclasses -------------------

_VIRTUAL_SUBCLASSES = (
    (Iterator, ("bytes_iterator", "bytearray_iterator", "dict_keyiterator",
                "dict_valueiterator", "dict_itemiterator", "list_iterator",
                "list_reverseiterator", "range_iterator",
                "longrange_iterator", "set_iterator", "str_iterator",
                "tuple_iterator", "zip_iterator")),
    (Generator, ("generator",)),
    (Coroutine, ("coroutine",)),
    (AsyncGenerator, ("async_generator",)),
    # In case the interpreter gives these no __buffer__ method.
    (Buffer, ("bytes", "bytearray", "memoryview")),
    (Set, ("frozenset",)),
    (MutableSet, ("set",)),
    (Mapping, ("mappingproxy",)),
    (KeysView, ("dict_keys",)),
    (ItemsView, ("dict_items",)),
    (ValuesView, ("dict_values",)),
    (MutableMapping, ("dict",)),
    (Sequence, ("tuple", "str", "range", "memoryview")),
    (ByteString, ("bytes", "bytearray")),
    (MutableSequence, ("list", "bytearray")),
)

def _register_builtins():
    import builtins
    here = globals()
    for abc, names in _VIRTUAL_SUBCLASSES:
        for name in names:
            kind = here.get(name) or getattr(builtins, name, None)
            if kind is not None:
                abc.register(kind)

_register_builtins()
del _register_builtins, _VIRTUAL_SUBCLASSES
