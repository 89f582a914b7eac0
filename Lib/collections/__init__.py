"""collections: specialised container datatypes.

namedtuple (tuple subclasses with named fields), OrderedDict (a dict that
remembers and can reorder insertion order), Counter (a multiset), ChainMap
(a view over several mappings), UserDict/UserList/UserString (wrappers
easy to subclass), and deque/defaultdict from the C module _collections.
"""

__all__ = [
    'ChainMap',
    'Counter',
    'OrderedDict',
    'UserDict',
    'UserList',
    'UserString',
    'defaultdict',
    'deque',
    'namedtuple',
]

import _collections_abc
import sys as _sys

from keyword import iskeyword as _iskeyword
from operator import eq as _eq
from operator import itemgetter as _itemgetter
from reprlib import recursive_repr as _recursive_repr

_intern = getattr(_sys, 'intern', str)

# deque and defaultdict exist only in C (Modules/_collectionsmodule.c), as in CPython.
from _collections import deque, defaultdict
_collections_abc.MutableSequence.register(deque)

try:
    from _collections import _tuplegetter
except ImportError:
    _tuplegetter = lambda index, doc: property(_itemgetter(index), doc=doc)



# OrderedDict is written in C (Objects/odictobject.c), as in CPython.
from _collections import OrderedDict


_nt_itemgetters = {}

def _namedtuple_fields(typename, field_names, rename):
    """Validated (typename, field names); with rename, bad field names
    become _0, _1, ... by position."""
    if isinstance(field_names, str):
        field_names = field_names.replace(',', ' ').split()
    names = [str(n) for n in field_names]
    typename = _intern(str(typename))
    if rename:
        seen = set()
        for index, name in enumerate(names):
            bad = (not name.isidentifier() or _iskeyword(name)
                   or name.startswith('_') or name in seen)
            seen.add(name)
            if bad:
                names[index] = f'_{index}'
    for name in (typename, *names):
        if type(name) is not str:
            raise TypeError('Type names and field names must be strings')
        if not name.isidentifier():
            raise ValueError('Type names and field names must be valid '
                             f'identifiers: {name!r}')
        if _iskeyword(name):
            raise ValueError('Type names and field names cannot be a '
                             f'keyword: {name!r}')
    seen = set()
    for name in names:
        if name.startswith('_') and not rename:
            raise ValueError('Field names cannot start with an underscore: '
                             f'{name!r}')
        if name in seen:
            raise ValueError(f'Encountered duplicate field name: {name!r}')
        seen.add(name)
    return typename, tuple(_intern(n) for n in names)


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    """Returns a new subclass of tuple with named fields."""
    typename, fields = _namedtuple_fields(typename, field_names, rename)
    count = len(fields)

    field_defaults = {}
    if defaults is not None:
        defaults = tuple(defaults)
        if len(defaults) > count:
            raise TypeError('Got more default values than field names')
        # The defaults belong to the rightmost fields.
        field_defaults = dict(zip(fields[count - len(defaults):], defaults))

    # __new__ is compiled from source so that its signature (and the
    # interpreter's argument errors) name the fields.
    params = ', '.join(fields) + (',' if count == 1 else '')
    source = f'lambda _cls, {params}: _tuple_new(_cls, ({params}))'
    __new__ = eval(source, {'_tuple_new': tuple.__new__, '__builtins__': {},
                            '__name__': f'namedtuple_{typename}'})
    __new__.__name__ = '__new__'
    __new__.__doc__ = f'Create new instance of {typename}({params})'
    if defaults is not None:
        __new__.__defaults__ = defaults

    template = '(' + ', '.join(f'{name}=%r' for name in fields) + ')'

    @classmethod
    def _make(cls, iterable):
        result = tuple.__new__(cls, iterable)
        if len(result) != count:
            raise TypeError(f'Expected {count} arguments, got {len(result)}')
        return result
    _make.__func__.__doc__ = (f'Make a new {typename} object from a sequence '
                              'or iterable')

    def _replace(self, /, **changes):
        result = self._make([changes.pop(name, value)
                             for name, value in zip(fields, self)])
        if changes:
            raise TypeError(f'Got unexpected field names: {list(changes)!r}')
        return result
    _replace.__doc__ = f'A copy of this {typename} with some fields changed.'

    def __repr__(self):
        return self.__class__.__name__ + template % self

    def _asdict(self):
        'The fields as a dict, field name to value.'
        return dict(zip(self._fields, self))

    def __getnewargs__(self):
        'The values as a plain tuple (for copy and pickle).'
        return tuple(self)

    for method in (__new__, _make.__func__, _replace, __repr__, _asdict,
                   __getnewargs__):
        method.__qualname__ = f'{typename}.{method.__name__}'

    namespace = {
        '__doc__': f'{typename}({params})',
        '__slots__': (),
        '_fields': fields,
        '_field_defaults': field_defaults,
        '__new__': __new__,
        '_make': _make,
        '__replace__': _replace,
        '_replace': _replace,
        '__repr__': __repr__,
        '_asdict': _asdict,
        '__getnewargs__': __getnewargs__,
        '__match_args__': fields,
    }
    for index, name in enumerate(fields):
        namespace[name] = _tuplegetter(index, _intern(f'Alias for field number {index}'))
    result = type(typename, (tuple,), namespace)

    # The defining module (for pickling) is the caller's, unless given.
    if module is None:
        try:
            module = _sys._getframe(1).f_globals.get('__name__', '__main__')
        except (AttributeError, ValueError):
            pass
    if module is not None:
        result.__module__ = module
    return result


def _count_elements(mapping, iterable):
    'Tally elements from the iterable.'
    mapping_get = mapping.get
    for elem in iterable:
        mapping[elem] = mapping_get(elem, 0) + 1

try:
    from _collections import _count_elements
except ImportError:
    pass


class Counter(dict):
    """Dict subclass for counting hashable items.  Sometimes called a bag"""

    def __init__(self, iterable=None, /, **kwds):
        """Create a new, empty Counter object.  And if given, count elements"""
        super().__init__()
        self.update(iterable, **kwds)

    def __missing__(self, key):
        'The count of elements not in the Counter is zero.'
        return 0

    def total(self):
        'Sum of the counts'
        return sum(self.values())

    def most_common(self, n=None):
        """List the n most common elements and their counts from the most"""
        if n is None:
            return sorted(self.items(), key=_itemgetter(1), reverse=True)

        import heapq
        return heapq.nlargest(n, self.items(), key=_itemgetter(1))

    def elements(self):
        """Iterator over elements repeating each as many times as its count."""
        for elem, count in self.items():
            for _ in range(count):
                yield elem

    @classmethod
    def fromkeys(cls, iterable, v=None):
        raise NotImplementedError(
            'Counter.fromkeys() is undefined.  Use Counter(iterable) instead.')

    def update(self, iterable=None, /, **kwds):
        """Like dict.update() but add counts instead of replacing them."""
        if iterable is not None:
            if isinstance(iterable, _collections_abc.Mapping):
                if self:
                    self_get = self.get
                    for elem, count in iterable.items():
                        self[elem] = count + self_get(elem, 0)
                else:
                    super().update(iterable)
            else:
                _count_elements(self, iterable)
        if kwds:
            self.update(kwds)

    def subtract(self, iterable=None, /, **kwds):
        """Like dict.update() but subtracts counts instead of replacing them."""
        if iterable is not None:
            self_get = self.get
            if isinstance(iterable, _collections_abc.Mapping):
                for elem, count in iterable.items():
                    self[elem] = self_get(elem, 0) - count
            else:
                for elem in iterable:
                    self[elem] = self_get(elem, 0) - 1
        if kwds:
            self.subtract(kwds)

    def copy(self):
        'Return a shallow copy.'
        return self.__class__(self)

    def __reduce__(self):
        return self.__class__, (dict(self),)

    def __delitem__(self, elem):
        'Like dict.__delitem__() but does not raise KeyError for missing values.'
        if elem in self:
            super().__delitem__(elem)

    def __repr__(self):
        if not self:
            return f'{self.__class__.__name__}()'
        try:
            d = dict(self.most_common())
        except TypeError:
            d = dict(self)
        return f'{self.__class__.__name__}({d!r})'


    # -- comparisons treat missing elements as count zero
    def _all_counts(self, other, test):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(test(self[e], other[e]) for c in (self, other) for e in c)

    def __eq__(self, other):
        'True if all counts agree. Missing counts are treated as zero.'
        return self._all_counts(other, lambda a, b: a == b)

    def __ne__(self, other):
        'True if any counts disagree. Missing counts are treated as zero.'
        result = self._all_counts(other, lambda a, b: a == b)
        return result if result is NotImplemented else not result

    def __le__(self, other):
        'True if all counts in self are a subset of those in other.'
        return self._all_counts(other, lambda a, b: a <= b)

    def __lt__(self, other):
        'True if all counts in self are a proper subset of those in other.'
        if not isinstance(other, Counter):
            return NotImplemented
        return self <= other and self != other

    def __ge__(self, other):
        'True if all counts in self are a superset of those in other.'
        return self._all_counts(other, lambda a, b: a >= b)

    def __gt__(self, other):
        'True if all counts in self are a proper superset of those in other.'
        if not isinstance(other, Counter):
            return NotImplemented
        return self >= other and self != other

    # -- multiset arithmetic: results keep only positive counts
    def _combined(self, other, op, other_only=True):
        # op(count_in_self, count_in_other) for every element of self, and
        # (when other_only) op(0, count) for elements only in other.
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            value = op(count, other[elem])
            if value > 0:
                result[elem] = value
        if other_only:
            for elem, count in other.items():
                if elem not in self:
                    value = op(0, count)
                    if value > 0:
                        result[elem] = value
        return result

    def __add__(self, other):
        """Add counts from two counters."""
        return self._combined(other, lambda a, b: a + b)

    def __sub__(self, other):
        """Subtract count, but keep only results with positive counts."""
        return self._combined(other, lambda a, b: a - b)

    def __or__(self, other):
        """Union is the maximum of value in either of the input counters."""
        return self._combined(other, lambda a, b: b if a < b else a)

    def __and__(self, other):
        """Intersection is the minimum of corresponding counts."""
        return self._combined(other, lambda a, b: a if a < b else b,
                              other_only=False)

    def __pos__(self):
        'Adds an empty counter, effectively stripping negative and zero counts'
        return Counter({e: c for e, c in self.items() if c > 0})

    def __neg__(self):
        """Subtracts from an empty counter: negative counts become positive,
        the rest disappears."""
        return Counter({e: -c for e, c in self.items() if c < 0})

    def _keep_positive(self):
        """Internal method to strip elements with a negative or zero count"""
        for elem in [e for e, c in self.items() if not c > 0]:
            del self[elem]
        return self

    def __iadd__(self, other):
        """Inplace add from another counter, keeping only positive counts."""
        for elem, count in other.items():
            self[elem] += count
        return self._keep_positive()

    def __isub__(self, other):
        """Inplace subtract counter, but keep only results with positive counts."""
        for elem, count in other.items():
            self[elem] -= count
        return self._keep_positive()

    def __ior__(self, other):
        """Inplace union is the maximum of value from either counter."""
        for elem, count in other.items():
            if count > self[elem]:
                self[elem] = count
        return self._keep_positive()

    def __iand__(self, other):
        """Inplace intersection is the minimum of corresponding elements."""
        for elem, count in list(self.items()):
            if other[elem] < count:
                self[elem] = other[elem]
        return self._keep_positive()


# -- ChainMap ---------------------------------------------------------------
#
# Lookups search self.maps front to back; every change goes to maps[0].

class ChainMap(_collections_abc.MutableMapping):
    """Several mappings searched as one; writes go to the first."""

    def __init__(self, *maps):
        """maps: the mappings to search, first one first ({} if none)."""
        self.maps = list(maps) if maps else [{}]

    def _first_map_error(self, key):
        return KeyError(f'Key not found in the first mapping: {key!r}')

    # reading
    def __missing__(self, key):
        raise KeyError(key)

    def __getitem__(self, key):
        # Indexing rather than 'in' so that a defaultdict in the chain
        # supplies its default.
        for mapping in self.maps:
            try:
                return mapping[key]
            except KeyError:
                continue
        return self.__missing__(key)

    def get(self, key, default=None):
        if key in self:
            return self[key]
        return default

    def __contains__(self, key):
        for mapping in self.maps:
            if key in mapping:
                return True
        return False

    def __bool__(self):
        return any(self.maps)

    def __len__(self):
        return len(set().union(*self.maps))

    def __iter__(self):
        # Keys in the order of the deepest map that has them first.
        order = {}
        for mapping in self.maps[::-1]:
            order.update(dict.fromkeys(mapping))
        return iter(order)

    @_recursive_repr()
    def __repr__(self):
        inner = ', '.join(repr(m) for m in self.maps)
        return f'{type(self).__name__}({inner})'

    # deriving new chains
    @classmethod
    def fromkeys(cls, iterable, value=None, /):
        """A chain over one new dict mapping each key to value."""
        return cls(dict.fromkeys(iterable, value))

    def copy(self):
        """Same chain, with a shallow copy of maps[0] in front."""
        first, *rest = self.maps
        return self.__class__(first.copy(), *rest)

    __copy__ = copy

    def new_child(self, m=None, **kwargs):
        """A chain with m (or a dict of kwargs) in front of these maps."""
        if m is None:
            m = kwargs
        elif kwargs:
            m.update(kwargs)
        return self.__class__(m, *self.maps)

    @property
    def parents(self):
        """The chain without maps[0]."""
        return self.__class__(*self.maps[1:])

    # writing: maps[0] only
    def __setitem__(self, key, value):
        self.maps[0][key] = value

    def __delitem__(self, key):
        try:
            del self.maps[0][key]
        except KeyError:
            raise self._first_map_error(key)

    def pop(self, key, *args):
        """Remove key from maps[0] and return its value."""
        try:
            return self.maps[0].pop(key, *args)
        except KeyError:
            raise self._first_map_error(key)

    def popitem(self):
        """Remove and return a pair from maps[0]."""
        try:
            return self.maps[0].popitem()
        except KeyError:
            raise KeyError('No keys found in the first mapping.')

    def clear(self):
        """Empty maps[0]; the other maps are untouched."""
        self.maps[0].clear()

    # the | operators
    def __ior__(self, other):
        self.maps[0].update(other)
        return self

    def __or__(self, other):
        if not isinstance(other, _collections_abc.Mapping):
            return NotImplemented
        result = self.copy()
        result.maps[0].update(other)
        return result

    def __ror__(self, other):
        if not isinstance(other, _collections_abc.Mapping):
            return NotImplemented
        merged = dict(other)
        for mapping in self.maps[::-1]:
            merged.update(mapping)
        return self.__class__(merged)


# -- UserDict, UserList, UserString -----------------------------------------
#
# Each wraps a real container in self.data and forwards to it; an operand
# that is itself a wrapper of the same family contributes its .data.

def _copy_with_data(obj, data):
    """A new instance of obj's class sharing obj's attributes except for
    data, without calling __init__ (what copy.copy of a wrapper gives)."""
    cls = obj.__class__
    clone = cls.__new__(cls)
    clone.__dict__.update(obj.__dict__)
    clone.__dict__['data'] = data
    return clone


class UserDict(_collections_abc.MutableMapping):
    """A dict wrapper (in self.data) meant for subclassing."""

    def __init__(self, dict=None, /, **kwargs):
        self.data = {}
        for source in (dict, kwargs or None):
            if source is not None:
                self.update(source)

    def _other_data(self, other):
        """other's underlying dict, or None if it is no dict at all."""
        if isinstance(other, UserDict):
            return other.data
        if isinstance(other, dict):
            return other
        return None

    def __len__(self):
        return len(self.data)

    def __iter__(self):
        return iter(self.data)

    def __contains__(self, key):
        return key in self.data

    def __getitem__(self, key):
        if key in self.data:
            return self.data[key]
        cls = self.__class__
        if hasattr(cls, '__missing__'):
            return cls.__missing__(self, key)
        raise KeyError(key)

    def __setitem__(self, key, item):
        self.data[key] = item

    def __delitem__(self, key):
        del self.data[key]

    def get(self, key, default=None):
        return self[key] if key in self else default

    def __repr__(self):
        return repr(self.data)

    def __or__(self, other):
        data = self._other_data(other)
        if data is None:
            return NotImplemented
        return self.__class__(self.data | data)

    def __ror__(self, other):
        data = self._other_data(other)
        if data is None:
            return NotImplemented
        return self.__class__(data | self.data)

    def __ior__(self, other):
        data = self._other_data(other)
        self.data |= other if data is None else data
        return self

    def __copy__(self):
        return _copy_with_data(self, self.__dict__['data'].copy())

    def copy(self):
        if type(self) is UserDict:
            return UserDict(self.data.copy())
        # A subclass may carry more state: copy.copy() the instance with
        # its data emptied for the moment, then refill the copy.
        import copy
        saved = self.data
        self.data = {}
        try:
            clone = copy.copy(self)
        finally:
            self.data = saved
        clone.update(self)
        return clone

    @classmethod
    def fromkeys(cls, iterable, value=None):
        result = cls()
        for key in iterable:
            result[key] = value
        return result


class UserList(_collections_abc.MutableSequence):
    """A list wrapper (in self.data) meant for subclassing."""

    def __init__(self, initlist=None):
        self.data = []
        if initlist is None:
            return
        if type(initlist) == type(self.data):
            self.data[:] = initlist
        elif isinstance(initlist, UserList):
            self.data[:] = initlist.data[:]
        else:
            self.data = list(initlist)

    def _unwrap(self, other):
        return other.data if isinstance(other, UserList) else other

    def _as_list(self, other):
        """other as something a list can be added to."""
        if isinstance(other, UserList):
            return other.data
        if isinstance(other, type(self.data)):
            return other
        return list(other)

    def __repr__(self):
        return repr(self.data)

    # comparisons against lists or other wrappers
    def __eq__(self, other):
        return self.data == self._unwrap(other)

    def __lt__(self, other):
        return self.data < self._unwrap(other)

    def __le__(self, other):
        return self.data <= self._unwrap(other)

    def __gt__(self, other):
        return self.data > self._unwrap(other)

    def __ge__(self, other):
        return self.data >= self._unwrap(other)

    # the sequence protocol; a slice gives a wrapper of the same class
    def __len__(self):
        return len(self.data)

    def __contains__(self, item):
        return item in self.data

    def __getitem__(self, i):
        if isinstance(i, slice):
            return self.__class__(self.data[i])
        return self.data[i]

    def __setitem__(self, i, item):
        self.data[i] = item

    def __delitem__(self, i):
        del self.data[i]

    # arithmetic
    def __add__(self, other):
        return self.__class__(self.data + self._as_list(other))

    def __radd__(self, other):
        return self.__class__(self._as_list(other) + self.data)

    def __iadd__(self, other):
        self.data += self._as_list(other)
        return self

    def __mul__(self, n):
        return self.__class__(self.data * n)

    __rmul__ = __mul__

    def __imul__(self, n):
        self.data *= n
        return self

    def __copy__(self):
        return _copy_with_data(self, self.__dict__['data'][:])

    def copy(self):
        return self.__class__(self)

    # list methods, forwarded
    def append(self, item):
        self.data.append(item)

    def insert(self, i, item):
        self.data.insert(i, item)

    def extend(self, other):
        self.data.extend(self._unwrap(other))

    def pop(self, i=-1):
        return self.data.pop(i)

    def remove(self, item):
        self.data.remove(item)

    def clear(self):
        self.data.clear()

    def count(self, item):
        return self.data.count(item)

    def index(self, item, *args):
        return self.data.index(item, *args)

    def reverse(self):
        self.data.reverse()

    def sort(self, /, *args, **kwds):
        self.data.sort(*args, **kwds)


def _str_of(obj):
    """The str inside a UserString, or obj itself."""
    return obj.data if isinstance(obj, UserString) else obj


class UserString(_collections_abc.Sequence):
    """A str wrapper (in self.data) meant for subclassing.  Methods that
    give a str in str give an instance of the wrapper class here."""

    def __init__(self, seq):
        if isinstance(seq, str):
            self.data = seq
        elif isinstance(seq, UserString):
            self.data = seq.data[:]
        else:
            self.data = str(seq)

    def _new(self, text):
        return self.__class__(text)

    # conversions
    def __str__(self):
        return str(self.data)

    def __repr__(self):
        return repr(self.data)

    def __int__(self):
        return int(self.data)

    def __float__(self):
        return float(self.data)

    def __complex__(self):
        return complex(self.data)

    def __hash__(self):
        return hash(self.data)

    def __getnewargs__(self):
        return (self.data[:],)

    # comparisons against strs or other wrappers
    def __eq__(self, string):
        return self.data == _str_of(string)

    def __lt__(self, string):
        return self.data < _str_of(string)

    def __le__(self, string):
        return self.data <= _str_of(string)

    def __gt__(self, string):
        return self.data > _str_of(string)

    def __ge__(self, string):
        return self.data >= _str_of(string)

    # the sequence protocol
    def __len__(self):
        return len(self.data)

    def __contains__(self, char):
        return _str_of(char) in self.data

    def __getitem__(self, index):
        return self._new(self.data[index])

    # operators
    def __add__(self, other):
        other = _str_of(other)
        return self._new(self.data + (other if isinstance(other, str)
                                      else str(other)))

    def __radd__(self, other):
        return self._new((other if isinstance(other, str) else str(other))
                         + self.data)

    def __mul__(self, n):
        return self._new(self.data * n)

    __rmul__ = __mul__

    def __mod__(self, args):
        return self._new(self.data % args)

    def __rmod__(self, template):
        return self._new(str(template) % self)

    # str methods whose result is text: wrapped
    def capitalize(self):
        return self._new(self.data.capitalize())

    def casefold(self):
        return self._new(self.data.casefold())

    def lower(self):
        return self._new(self.data.lower())

    def upper(self):
        return self._new(self.data.upper())

    def swapcase(self):
        return self._new(self.data.swapcase())

    def title(self):
        return self._new(self.data.title())

    def center(self, width, *args):
        return self._new(self.data.center(width, *args))

    def ljust(self, width, *args):
        return self._new(self.data.ljust(width, *args))

    def rjust(self, width, *args):
        return self._new(self.data.rjust(width, *args))

    def zfill(self, width):
        return self._new(self.data.zfill(width))

    def expandtabs(self, tabsize=8):
        return self._new(self.data.expandtabs(tabsize))

    def strip(self, chars=None):
        return self._new(self.data.strip(chars))

    def lstrip(self, chars=None):
        return self._new(self.data.lstrip(chars))

    def rstrip(self, chars=None):
        return self._new(self.data.rstrip(chars))

    def removeprefix(self, prefix, /):
        return self._new(self.data.removeprefix(_str_of(prefix)))

    def removesuffix(self, suffix, /):
        return self._new(self.data.removesuffix(_str_of(suffix)))

    def replace(self, old, new, maxsplit=-1):
        return self._new(self.data.replace(_str_of(old), _str_of(new),
                                           maxsplit))

    def translate(self, *args):
        return self._new(self.data.translate(*args))

    maketrans = str.maketrans

    # searching (count/find/rfind also accept a wrapper as the needle)
    def count(self, sub, start=0, end=_sys.maxsize):
        return self.data.count(_str_of(sub), start, end)

    def find(self, sub, start=0, end=_sys.maxsize):
        return self.data.find(_str_of(sub), start, end)

    def rfind(self, sub, start=0, end=_sys.maxsize):
        return self.data.rfind(_str_of(sub), start, end)

    def index(self, sub, start=0, end=_sys.maxsize):
        return self.data.index(sub, start, end)

    def rindex(self, sub, start=0, end=_sys.maxsize):
        return self.data.rindex(sub, start, end)

    def startswith(self, prefix, start=0, end=_sys.maxsize):
        return self.data.startswith(prefix, start, end)

    def endswith(self, suffix, start=0, end=_sys.maxsize):
        return self.data.endswith(suffix, start, end)

    # str methods whose result is not one text: passed through
    def encode(self, encoding='utf-8', errors='strict'):
        if encoding is None:
            encoding = 'utf-8'
        if errors is None:
            errors = 'strict'
        return self.data.encode(encoding, errors)

    def format(self, /, *args, **kwds):
        return self.data.format(*args, **kwds)

    def format_map(self, mapping):
        return self.data.format_map(mapping)

    def join(self, seq):
        return self.data.join(seq)

    def partition(self, sep):
        return self.data.partition(sep)

    def rpartition(self, sep):
        return self.data.rpartition(sep)

    def split(self, sep=None, maxsplit=-1):
        return self.data.split(sep, maxsplit)

    def rsplit(self, sep=None, maxsplit=-1):
        return self.data.rsplit(sep, maxsplit)

    def splitlines(self, keepends=False):
        return self.data.splitlines(keepends)

    def isalpha(self):
        return self.data.isalpha()

    def isalnum(self):
        return self.data.isalnum()

    def isascii(self):
        return self.data.isascii()

    def isdecimal(self):
        return self.data.isdecimal()

    def isdigit(self):
        return self.data.isdigit()

    def isidentifier(self):
        return self.data.isidentifier()

    def islower(self):
        return self.data.islower()

    def isnumeric(self):
        return self.data.isnumeric()

    def isprintable(self):
        return self.data.isprintable()

    def isspace(self):
        return self.data.isspace()

    def istitle(self):
        return self.data.istitle()

    def isupper(self):
        return self.data.isupper()


from collections import abc
