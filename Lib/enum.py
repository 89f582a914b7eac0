"""Enumerations: Enum, IntEnum, StrEnum, ReprEnum, Flag, IntFlag, auto,
unique, verify/EnumCheck, member/nonmember, FlagBoundary, global_enum.

How it works: EnumType.__prepare__ hands the class body an EnumDict that
records which names are members (in order) and resolves auto() values.
EnumType.__new__ builds the class without those names, then creates one
instance per value; a later name with an equal value becomes an alias.
The class keeps _member_map_ (name -> member, aliases included),
_member_names_ (canonical names in definition order) and
_value2member_map_ (value -> member).  Flag values made of several bits
are built on demand by Flag._missing_ and cached in _value2member_map_.
"""

import sys
import builtins as _bi
from types import MappingProxyType, DynamicClassAttribute

__all__ = [
    'EnumType', 'EnumMeta', 'EnumDict',
    'Enum', 'IntEnum', 'StrEnum', 'Flag', 'IntFlag', 'ReprEnum',
    'auto', 'unique', 'property', 'verify', 'member', 'nonmember',
    'FlagBoundary', 'STRICT', 'CONFORM', 'EJECT', 'KEEP',
    'global_flag_repr', 'global_enum_repr', 'global_str', 'global_enum',
    'EnumCheck', 'CONTINUOUS', 'NAMED_FLAGS', 'UNIQUE',
    'pickle_by_global_name', 'pickle_by_enum_name', 'show_flag_values',
]

# The base classes below are filled in as they get defined; EnumType checks
# them for None while the module itself is still building them.
Enum = ReprEnum = Flag = None
STRICT = CONFORM = EJECT = KEEP = None

_MISSING = object()


# ---------------------------------------------------------------- helpers

class nonmember(object):
    """Keeps a value in the enum class body from becoming a member."""
    def __init__(self, value):
        self.value = value


class member(object):
    """Makes a value in the enum class body a member even if it would not be."""
    def __init__(self, value):
        self.value = value


class auto:
    """Placeholder replaced by _generate_next_value_() in an enum body."""
    def __init__(self, value=_MISSING):
        self.value = value

    def __repr__(self):
        return "auto(%r)" % (self.value if self.value is not _MISSING else '_auto_null')


def _dunder(name):
    return (len(name) > 4 and name.startswith('__') and name.endswith('__')
            and name[2] != '_' and name[-3] != '_')


def _sunder(name):
    return (len(name) > 2 and name[0] == '_' and name[-1] == '_'
            and name[1] != '_' and name[-2] != '_')


def _private(clsname, name):
    prefix = '_%s__' % clsname.lstrip('_')
    return (name.startswith(prefix) and len(name) > len(prefix)
            and not name.endswith('__'))


def _descriptor(obj):
    t = type(obj)
    return (hasattr(t, '__get__') or hasattr(t, '__set__')
            or hasattr(t, '__delete__'))


def _nested_class(clsname, obj):
    if not isinstance(obj, type):
        return False
    q = getattr(obj, '__qualname__', '')
    tail = clsname + '.' + getattr(obj, '__name__', '')
    return q == tail or q.endswith('.' + tail)


def _power_of_two(n):
    return n > 0 and (n & (n - 1)) == 0


def _bits_of(n):
    """The single-bit values set in n, lowest first."""
    while n:
        low = n & -n
        yield low
        n ^= low


def show_flag_values(value):
    return list(_bits_of(value))


def bin(num, max_bits=None):
    """bin() with an explicit sign digit: bin(3, 4) == '0b0 0011'."""
    if num >= 0:
        sign, digits = '0', format(num, 'b')
    else:
        width = max(max_bits or 0, (~num).bit_length() + 1)
        sign, digits = '1', format((1 << width) + num, 'b')[1:] or '0'
    if max_bits is not None and len(digits) < max_bits:
        digits = sign * (max_bits - len(digits)) + digits
    return '0b%s %s' % (sign, digits)


# ---------------------------------------------------------------- enum.property

class property(DynamicClassAttribute):
    """Attribute of enum members (name, value, ...).  Looked up on the class
    it yields the member of the same name when there is one, so members may
    be called 'name' or 'value'."""

    member = None
    name = None
    clsname = None

    def __get__(self, instance, ownerclass=None):
        if instance is None:
            if self.member is not None:
                return self.member
            raise AttributeError('%r has no attribute %r' % (ownerclass, self.name))
        if self.fget is not None:
            return self.fget(instance)
        try:
            return instance._member_map_[self.name]
        except KeyError:
            raise AttributeError('%r has no attribute %r'
                                 % (ownerclass, self.name)) from None

    def __set__(self, instance, value):
        if self.fset is not None:
            return self.fset(instance, value)
        raise AttributeError("<enum %r> cannot set attribute %r"
                             % (self.clsname, self.name))

    def __delete__(self, instance):
        if self.fdel is not None:
            return self.fdel(instance)
        raise AttributeError("<enum %r> cannot delete attribute %r"
                             % (self.clsname, self.name))

    def __set_name__(self, ownerclass, name):
        self.name = name
        self.clsname = ownerclass.__name__


# ---------------------------------------------------------------- class body

_ALLOWED_SUNDER = frozenset((
    '_order_', '_generate_next_value_', '_numeric_repr_', '_missing_',
    '_ignore_', '_iter_member_', '_iter_member_by_value_',
    '_iter_member_by_def_', '_add_alias_', '_add_value_alias_'))


class EnumDict(dict):
    """Namespace of an enum class body: remembers member names in order,
    refuses to reuse a name, and turns auto() into values."""

    def __init__(self, cls_name=None):
        super().__init__()
        self._member_names = {}
        self._last_values = []
        self._ignore = []
        self._auto_called = False
        self._cls_name = cls_name
        self._generate_next_value = None

    @_bi.property
    def member_names(self):
        return list(self._member_names)

    def _next_value(self, key):
        gnv = self._generate_next_value
        if isinstance(gnv, staticmethod):
            gnv = gnv.__func__
        self._auto_called = True
        return gnv(key, 1, len(self._member_names), self._last_values[:])

    def __setitem__(self, key, value):
        cls_name = self._cls_name
        if cls_name is not None and _private(cls_name, key):
            pass
        elif _sunder(key):
            if key not in _ALLOWED_SUNDER:
                raise ValueError('_sunder_ names, such as %r, are reserved '
                                 'for future Enum use' % (key,))
            if key == '_generate_next_value_':
                if self._auto_called:
                    raise TypeError("_generate_next_value_ must be defined "
                                    "before members")
                self._generate_next_value = value
            elif key == '_ignore_':
                names = (value.replace(',', ' ').split()
                         if isinstance(value, str) else list(value))
                clash = set(names) & set(self._member_names)
                if clash:
                    raise ValueError('_ignore_ cannot specify already set '
                                     'names: %r' % (clash,))
                self._ignore = names
        elif _dunder(key):
            if key == '__order__':
                key = '_order_'
        elif key in self._member_names:
            raise TypeError('%r already defined as %r' % (key, self[key]))
        elif key in self._ignore:
            pass
        elif isinstance(value, nonmember):
            value = value.value
        elif _descriptor(value):
            pass
        elif cls_name is not None and _nested_class(cls_name, value):
            pass
        else:
            # A member.
            if key in self:
                raise TypeError('%r already defined as %r' % (key, self[key]))
            if isinstance(value, member):
                value = value.value
            record = True
            if isinstance(value, auto):
                if value.value is _MISSING:
                    value.value = self._next_value(key)
                value = value.value
                self._last_values.append(value)
                record = False
            elif type(value) is tuple and any(isinstance(v, auto) for v in value):
                parts = []
                for v in value:
                    if isinstance(v, auto):
                        if v.value is _MISSING:
                            v.value = self._next_value(key)
                        v = v.value
                        self._last_values.append(v)
                    parts.append(v)
                value = tuple(parts)
                record = False
            self._member_names[key] = None
            if record:
                self._last_values.append(value)
        super().__setitem__(key, value)

    def update(self, members=(), **more):
        if hasattr(members, 'keys'):
            for k in members.keys():
                self[k] = members[k]
        else:
            for k, v in members:
                self[k] = v
        for k, v in more.items():
            self[k] = v

_EnumDict = EnumDict


# ---------------------------------------------------------------- metaclass

def _data_type(class_name, bases):
    """The non-enum type the members derive from (int, str, ...) or None."""
    found = set()
    for chain in bases:
        candidate = None
        for base in chain.__mro__:
            if base is object:
                continue
            if isinstance(base, EnumType):
                if base._member_type_ is not object:
                    found.add(base._member_type_)
                    break
            elif '__new__' in base.__dict__ or '__dataclass_fields__' in base.__dict__:
                found.add(candidate or base)
                break
            else:
                candidate = candidate or base
    if len(found) > 1:
        raise TypeError('too many data types for %r: %r' % (class_name, found))
    return found.pop() if found else None


def _value_repr_for(bases):
    for chain in bases:
        for base in chain.__mro__:
            if base is object:
                continue
            if isinstance(base, EnumType):
                return base._value_repr_
            if '__repr__' in base.__dict__:
                params = base.__dict__.get('__dataclass_params__')
                if '__dataclass_fields__' in base.__dict__ and params is not None \
                        and params.repr:
                    return _dataclass_repr
                return base.__dict__['__repr__']
    return None


class EnumType(type):
    """Metaclass of Enum."""

    @classmethod
    def __prepare__(metacls, cls, bases, **kwds):
        metacls._check_for_existing_members_(cls, bases)
        ns = EnumDict(cls)
        member_type, first_enum = metacls._get_mixins_(cls, bases)
        if first_enum is not None:
            ns['_generate_next_value_'] = getattr(first_enum, '_generate_next_value_', None)
        return ns

    def __new__(metacls, cls, bases, classdict, *, boundary=None, _simple=False, **kwds):
        if _simple:
            return super().__new__(metacls, cls, bases, classdict, **kwds)
        ignore = list(classdict.get('_ignore_', ())) if not isinstance(
            classdict.get('_ignore_', ()), str) else classdict['_ignore_'].replace(',', ' ').split()
        names = [n for n in classdict._member_names if n not in ignore]
        member_type, first_enum = metacls._get_mixins_(cls, bases)
        creator, save_new, use_args = metacls._find_new_(classdict, member_type, first_enum)
        bad = set(names) & {'mro', ''}
        if bad:
            raise ValueError('invalid enum member name(s) %s'
                             % ','.join(repr(n) for n in bad))

        ns = {}
        members = []
        order = None
        for k, v in classdict.items():
            if k in ignore or k == '_ignore_':
                continue
            if k == '_order_':
                order = v
                continue
            if k in classdict._member_names and k in names:
                members.append((k, v))
                continue
            ns[k] = v
        gnv = ns.get('_generate_next_value_')
        if gnv is not None and not isinstance(gnv, staticmethod):
            ns['_generate_next_value_'] = staticmethod(gnv)
        elif gnv is None:
            ns.pop('_generate_next_value_', None)
        ns.update(
            _new_member_=creator, _use_args_=use_args, _member_names_=[],
            _member_map_={}, _value2member_map_={}, _unhashable_values_=[],
            _unhashable_values_map_={}, _member_type_=member_type,
            _value_repr_=_value_repr_for(bases))
        is_flag = (Flag is not None and any(issubclass(b, Flag) for b in bases
                                            if isinstance(b, EnumType))) or \
                  (Flag is None and cls == 'Flag')
        if is_flag:
            ns.update(_boundary_=boundary or getattr(first_enum, '_boundary_', None),
                      _flag_mask_=0, _singles_mask_=0, _all_bits_=0, _inverted_=None)

        enum_class = super().__new__(metacls, cls, bases, ns, **kwds)
        own = enum_class.__dict__

        # ReprEnum: str() and format() come from the data type.
        if ReprEnum is not None and ReprEnum in bases:
            if member_type is object:
                raise TypeError('ReprEnum subclasses must be mixed with a data '
                                'type (i.e. int, str, float, etc.)')
            if '__format__' not in own:
                type.__setattr__(enum_class, '__format__', member_type.__format__)
            if '__str__' not in own:
                s = member_type.__str__
                if s is object.__str__:
                    s = member_type.__repr__
                type.__setattr__(enum_class, '__str__', s)
        # A data type's repr/str/format must not hide Enum's own.
        if first_enum is not None:
            for name in ('__repr__', '__str__', '__format__', '__reduce_ex__'):
                if name in own:
                    continue
                found = getattr(enum_class, name)
                if found is getattr(object, name) or found is getattr(member_type, name):
                    type.__setattr__(enum_class, name, getattr(first_enum, name))

        # Flag's operators must win over those of a data type (int.__or__).
        if is_flag and Flag is not None:
            for name in ('__or__', '__and__', '__xor__', '__ror__', '__rand__',
                         '__rxor__', '__invert__'):
                if name not in own:
                    type.__setattr__(enum_class, name, Flag.__dict__[name])

        for name, value in members:
            enum_class._make_member_(name, value)

        if Enum is not None:
            if save_new:
                type.__setattr__(enum_class, '__new_member__', creator)
            type.__setattr__(enum_class, '__new__', Enum.__new__)

        if is_flag and Flag is not None:
            values = [m._value_ for m in enum_class]
            if values != sorted(values):
                type.__setattr__(enum_class, '_iter_member_',
                                 enum_class._iter_member_by_def_)

        if order is not None:
            if isinstance(order, str):
                order = order.replace(',', ' ').split()
            order = [o for o in order
                     if o not in enum_class._member_map_ or o in enum_class._member_names_]
            if order != enum_class._member_names_:
                raise TypeError('member order does not match _order_:\n  %r\n  %r'
                                % (enum_class._member_names_, order))
        return enum_class

    def _make_member_(cls, name, value):
        # Build the member object for one name of the class body.
        args = value if isinstance(value, tuple) else (value,)
        if cls._member_type_ is tuple:
            args = (args,)
        if cls._use_args_:
            obj = cls._new_member_(cls, *args)
        else:
            obj = cls._new_member_(cls)
        if not hasattr(obj, '_value_'):
            if cls._member_type_ is object:
                obj._value_ = value
            else:
                try:
                    obj._value_ = cls._member_type_(*args)
                except Exception as exc:
                    err = TypeError('_value_ not set in __new__, unable to create it')
                    err.__cause__ = exc
                    raise err
        obj._name_ = name
        obj.__objclass__ = cls
        obj.__init__(*args)
        obj._sort_order_ = len(cls._member_names_)
        value = obj._value_

        flag = Flag is not None and issubclass(cls, Flag)
        if flag and isinstance(value, int):
            cls._flag_mask_ |= value
            if _power_of_two(value):
                cls._singles_mask_ |= value
            cls._all_bits_ = 2 ** cls._flag_mask_.bit_length() - 1

        # Alias of an earlier member with an equal value?
        canonical = None
        try:
            canonical = cls._value2member_map_.get(value)
        except TypeError:
            for m in cls._member_map_.values():
                if m._value_ == value:
                    canonical = m
                    break
        if canonical is not None:
            obj = canonical
        elif not flag or (isinstance(value, int) and _power_of_two(value)):
            cls._member_names_.append(name)

        # Expose it as a class attribute; a base-class descriptor of the same
        # name (e.g. Enum.name) is replaced by an enum.property that keeps
        # instance access working.
        clash = None
        for base in cls.__mro__[1:]:
            attr = base.__dict__.get(name)
            if attr is not None and _descriptor(attr):
                clash = attr
                break
        if clash is not None:
            redirect = property(getattr(clash, 'fget', None),
                                getattr(clash, 'fset', None),
                                getattr(clash, 'fdel', None))
            redirect.member = obj
            redirect.__set_name__(cls, name)
            type.__setattr__(cls, name, redirect)
        else:
            type.__setattr__(cls, name, obj)
        cls._member_map_[name] = obj
        try:
            cls._value2member_map_.setdefault(value, obj)
        except TypeError:
            cls._unhashable_values_.append(value)
            cls._unhashable_values_map_.setdefault(obj._name_, []).append(value)

    def __bool__(cls):
        return True

    def __call__(cls, value, names=_MISSING, *values, module=None, qualname=None,
                 type=None, start=1, boundary=None):
        if cls._member_map_:
            if names is not _MISSING:
                value = (value, names) + values
            return cls.__new__(cls, value)
        if names is _MISSING and type is None:
            raise TypeError(f"{cls} has no members; specify `names=()` if you "
                            f"meant to create a new, empty, enum")
        return cls._create_(value, None if names is _MISSING else names,
                            module=module, qualname=qualname, type=type,
                            start=start, boundary=boundary)

    def __contains__(cls, value):
        if isinstance(value, cls):
            return True
        try:
            return value in cls._value2member_map_
        except TypeError:
            return value in cls._unhashable_values_

    def __delattr__(cls, attr):
        if attr in cls._member_map_:
            raise AttributeError("%r cannot delete member %r." % (cls.__name__, attr))
        super().__delattr__(attr)

    def __dir__(cls):
        names = {'__class__', '__contains__', '__doc__', '__getitem__',
                 '__iter__', '__len__', '__members__', '__module__',
                 '__name__', '__qualname__'}
        names.update(cls._member_names_)
        if cls._new_member_ is not object.__new__:
            names.add('__new__')
        if cls.__init_subclass__ is not object.__init_subclass__:
            names.add('__init_subclass__')
        if cls._member_type_ is not object:
            names.update(dir(cls._member_type_))
        return sorted(names)

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __iter__(cls):
        return (cls._member_map_[n] for n in cls._member_names_)

    def __reversed__(cls):
        return (cls._member_map_[n] for n in reversed(cls._member_names_))

    def __len__(cls):
        return len(cls._member_names_)

    @_bi.property
    def __members__(cls):
        return MappingProxyType(cls._member_map_)

    def __repr__(cls):
        if Flag is not None and issubclass(cls, Flag):
            return "<flag %r>" % cls.__name__
        return "<enum %r>" % cls.__name__

    def __setattr__(cls, name, value):
        if name in cls.__dict__.get('_member_map_', {}):
            raise AttributeError('cannot reassign member %r' % (name,))
        super().__setattr__(name, value)

    def _create_(cls, class_name, names, *, module=None, qualname=None,
                 type=None, start=1, boundary=None):
        """The functional API: Enum('Name', 'A B C') and friends."""
        metacls = cls.__class__
        bases = (cls,) if type is None else (type, cls)
        _, first_enum = cls._get_mixins_(class_name, bases)
        ns = metacls.__prepare__(class_name, bases)
        if isinstance(names, str):
            names = names.replace(',', ' ').split()
        if isinstance(names, (tuple, list)) and names and isinstance(names[0], str):
            pairs, seen = [], []
            for count, name in enumerate(names):
                v = first_enum._generate_next_value_(name, start, count, seen[:])
                seen.append(v)
                pairs.append((name, v))
            names = pairs
        for item in (names or ()):
            if isinstance(item, str):
                ns[item] = names[item]
            else:
                k, v = item
                ns[k] = v
        if module is None:
            try:
                module = sys._getframe(2).f_globals['__name__']
            except (AttributeError, ValueError, KeyError):
                pass
        if module is not None:
            ns['__module__'] = module
        if qualname is not None:
            ns['__qualname__'] = qualname
        return metacls.__new__(metacls, class_name, bases, ns, boundary=boundary)

    @classmethod
    def _check_for_existing_members_(mcls, class_name, bases):
        for chain in bases:
            for base in chain.__mro__:
                if isinstance(base, EnumType) and base._member_names_:
                    raise TypeError("<enum %r> cannot extend %r" % (class_name, base))

    @classmethod
    def _get_mixins_(mcls, class_name, bases):
        if not bases:
            return object, Enum
        last = bases[-1]
        if not isinstance(last, EnumType):
            raise TypeError("new enumerations should be created as "
                            "`EnumName([mixin_type, ...] [data_type,] enum_type)`")
        return _data_type(class_name, bases) or object, last

    @classmethod
    def _find_new_(mcls, classdict, member_type, first_enum):
        # Returns (creator, save_new, use_args): how members get built.
        creator = classdict.get('__new__')
        save_new = first_enum is not None and creator is not None
        if creator is None:
            skip = (None, None.__new__, object.__new__,
                    Enum.__new__ if Enum is not None else None)
            for attr in ('__new_member__', '__new__'):
                for source in (member_type, first_enum):
                    target = getattr(source, attr, None)
                    if all(target is not s for s in skip):
                        creator = target
                        break
                if creator is not None:
                    break
            else:
                creator = object.__new__
        use_args = not (first_enum is None or creator is object.__new__ or
                        (Enum is not None and creator is Enum.__new__))
        return creator, save_new, use_args

    def _add_member_(cls, name, member):
        if name in cls._member_map_:
            if cls._member_map_[name] is not member:
                raise NameError('%r is already bound: %r' % (name, cls._member_map_[name]))
            return
        cls._member_map_[name] = member
        type.__setattr__(cls, name, member)

    _add_alias_ = _add_member_

    def _add_value_alias_(cls, member, value):
        existing = cls._value2member_map_.get(value)
        if existing is not None and existing is not member:
            raise ValueError('%r is already bound: %r' % (value, existing))
        cls._value2member_map_[value] = member

EnumMeta = EnumType


# ---------------------------------------------------------------- Enum

class Enum(metaclass=EnumType):
    """Base class of enumerations: members are reached as Color.RED,
    Color(1) (by value) or Color['RED'] (by name)."""

    def __new__(cls, value):
        # Only used for lookups: members are made when the class is built.
        if type(value) is cls:
            return value
        try:
            return cls._value2member_map_[value]
        except KeyError:
            pass
        except TypeError:
            for name, vals in cls._unhashable_values_map_.items():
                if value in vals:
                    return cls[name]
            for m in cls._member_map_.values():
                if m._value_ == value:
                    return m
        if not cls._member_map_:
            raise TypeError("%r has no members defined" % cls)
        try:
            result = cls._missing_(value)
            problem = None
        except Exception as e:
            result = None
            problem = e
        if isinstance(result, cls):
            return result
        if (Flag is not None and issubclass(cls, Flag) and cls._boundary_ is EJECT
                and isinstance(result, int)):
            return result
        not_valid = ValueError("%r is not a valid %s" % (value, cls.__qualname__))
        if problem is None and result is None:
            raise not_valid
        if problem is None:
            problem = TypeError('error in %s._missing_: returned %r instead of None '
                                'or a valid member' % (cls.__name__, result))
        if not isinstance(problem, ValueError):
            problem.__context__ = not_valid
        try:
            raise problem
        finally:
            problem = not_valid = None

    def __init__(self, *args, **kwds):
        pass

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        """One more than the largest value so far (start for the first)."""
        if not last_values:
            return start
        try:
            last = sorted(last_values)[-1]
        except TypeError:
            raise TypeError('unable to sort non-numeric values') from None
        try:
            return last + 1
        except TypeError:
            raise TypeError('unable to increment %r' % (last,)) from None

    @classmethod
    def _missing_(cls, value):
        return None

    def __repr__(self):
        vr = type(self)._value_repr_ or repr
        return "<%s.%s: %s>" % (type(self).__name__, self._name_, vr(self._value_))

    def __str__(self):
        return "%s.%s" % (type(self).__name__, self._name_)

    def __dir__(self):
        names = {'__class__', '__doc__', '__eq__', '__hash__', '__module__'}
        if type(self)._member_type_ is not object:
            names.update(object.__dir__(self))
        for n in getattr(self, '__dict__', ()):
            if n[0] != '_' and n not in self._member_map_:
                names.add(n)
        for klass in type(self).__mro__:
            for n, obj in klass.__dict__.items():
                if n[0] == '_':
                    continue
                if isinstance(obj, property):
                    if obj.fget is not None or n not in self._member_map_:
                        names.add(n)
                    else:
                        names.discard(n)
                elif n not in self._member_map_:
                    names.add(n)
        return sorted(names)

    def __format__(self, format_spec):
        return str.__format__(str(self), format_spec)

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return self.__class__, (self._value_,)

    def __deepcopy__(self, memo):
        return self

    def __copy__(self):
        return self

    @property
    def name(self):
        """The name of the Enum member."""
        return self._name_

    @property
    def value(self):
        """The value of the Enum member."""
        return self._value_


class ReprEnum(Enum):
    """Enum whose str() and format() are those of the mixed-in data type."""


class IntEnum(int, ReprEnum):
    """Enum whose members are also ints."""


class StrEnum(str, ReprEnum):
    """Enum whose members are also strings."""

    def __new__(cls, *values):
        if len(values) > 3:
            raise TypeError('too many arguments for str(): %r' % (values,))
        if len(values) == 1 and not isinstance(values[0], str):
            raise TypeError('%r is not a string' % (values[0],))
        if len(values) >= 2 and not isinstance(values[1], str):
            raise TypeError('encoding must be a string, not %r' % (values[1],))
        if len(values) == 3 and not isinstance(values[2], str):
            raise TypeError('errors must be a string, not %r' % (values[2],))
        text = str(*values)
        obj = str.__new__(cls, text)
        obj._value_ = text
        return obj

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()


def pickle_by_global_name(self, proto):
    return self.name
_reduce_ex_by_global_name = pickle_by_global_name


def pickle_by_enum_name(self, proto):
    return getattr, (self.__class__, self._name_)


class FlagBoundary(StrEnum):
    """What a Flag does with bits that no member has: STRICT raises (Flag's
    default), CONFORM drops them, EJECT returns a plain int, KEEP keeps
    them (IntFlag's default)."""
    STRICT = auto()
    CONFORM = auto()
    EJECT = auto()
    KEEP = auto()

STRICT, CONFORM, EJECT, KEEP = FlagBoundary


# ---------------------------------------------------------------- Flag

class Flag(Enum, boundary=STRICT):
    """Enum whose members can be combined with | & ^ ~."""

    _numeric_repr_ = repr

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        """The next power of two above the largest value so far."""
        if not count:
            return start if start is not None else 1
        last = max(last_values)
        try:
            high = last.bit_length() - 1
        except Exception:
            raise TypeError('invalid flag value %r' % last) from None
        return 2 ** (high + 1)

    @classmethod
    def _iter_member_by_value_(cls, value):
        for bit in _bits_of(value & cls._flag_mask_):
            yield cls._value2member_map_.get(bit)

    _iter_member_ = _iter_member_by_value_

    @classmethod
    def _iter_member_by_def_(cls, value):
        yield from sorted(cls._iter_member_by_value_(value),
                          key=lambda m: m._sort_order_)

    @classmethod
    def _missing_(cls, value):
        # Build (and cache) the pseudo-member for a combination of bits.
        if not isinstance(value, int):
            raise ValueError("%r is not a valid %s" % (value, cls.__qualname__))
        mask = cls._flag_mask_
        singles = cls._singles_mask_
        all_bits = cls._all_bits_
        negative = None
        if not ~all_bits <= value <= all_bits or value & (all_bits ^ mask):
            boundary = cls._boundary_
            if boundary is STRICT:
                width = max(value.bit_length(), mask.bit_length())
                raise ValueError("%r invalid value %r\n    given %s\n  allowed %s"
                                 % (cls, value, bin(value, width), bin(mask, width)))
            elif boundary is CONFORM:
                value &= mask
            elif boundary is EJECT:
                return value
            elif boundary is KEEP:
                if value < 0:
                    value += max(all_bits + 1, 2 ** value.bit_length())
            else:
                raise ValueError('%r unknown flag boundary %r' % (cls, boundary))
        if value < 0:
            negative = value
            value = all_bits + 1 + value
        unknown = value & ~mask
        multi = value & ~singles
        known = value & singles
        if unknown and cls._boundary_ is not KEEP:
            raise ValueError('%s(%r) -->  unknown values %r [%s]'
                             % (cls.__name__, value, unknown, bin(unknown)))
        if cls._member_type_ is object:
            pseudo = object.__new__(cls)
        else:
            pseudo = cls._member_type_.__new__(cls, value)
        if not hasattr(pseudo, '_value_'):
            pseudo._value_ = value
        if known or multi:
            parts = list(cls._iter_member_(known))
            covered = 0
            for m in parts:
                covered |= m._value_
            if multi:
                whole = known | multi
                for m in cls._member_map_.values():
                    if m not in parts and m._value_ and m._value_ & whole == m._value_:
                        parts.append(m)
                        covered |= m._value_
                value = whole
            unknown = value ^ covered
            pseudo._name_ = '|'.join(m._name_ for m in parts)
            if not covered:
                pseudo._name_ = None
            elif unknown and cls._boundary_ is STRICT:
                raise ValueError('%r: no members with value %r' % (cls, unknown))
            elif unknown:
                pseudo._name_ += '|%s' % cls._numeric_repr_(unknown)
        else:
            pseudo._name_ = None
        if not unknown:
            pseudo = cls._value2member_map_.setdefault(value, pseudo)
            if negative is not None:
                cls._value2member_map_[negative] = pseudo
        return pseudo

    def __contains__(self, other):
        if not isinstance(other, self.__class__):
            raise TypeError("unsupported operand type(s) for 'in': %r and %r"
                            % (type(other).__qualname__, self.__class__.__qualname__))
        return other._value_ & self._value_ == other._value_

    def __iter__(self):
        yield from self._iter_member_(self._value_)

    def __len__(self):
        return format(self._value_, 'b').count('1')

    def __repr__(self):
        vr = type(self)._value_repr_ or repr
        if self._name_ is None:
            return "<%s: %s>" % (type(self).__name__, vr(self._value_))
        return "<%s.%s: %s>" % (type(self).__name__, self._name_, vr(self._value_))

    def __str__(self):
        if self._name_ is None:
            return '%s(%r)' % (type(self).__name__, self._value_)
        return "%s.%s" % (type(self).__name__, self._name_)

    def __bool__(self):
        return bool(self._value_)

    def _get_value(self, flag):
        if isinstance(flag, self.__class__):
            return flag._value_
        if self._member_type_ is not object and isinstance(flag, self._member_type_):
            return flag
        return NotImplemented

    def __or__(self, other):
        v = self._get_value(other)
        if v is NotImplemented:
            return NotImplemented
        return self.__class__(self._value_ | v)

    def __and__(self, other):
        v = self._get_value(other)
        if v is NotImplemented:
            return NotImplemented
        return self.__class__(self._value_ & v)

    def __xor__(self, other):
        v = self._get_value(other)
        if v is NotImplemented:
            return NotImplemented
        return self.__class__(self._value_ ^ v)

    def __invert__(self):
        if self._inverted_ is None:
            if self._boundary_ in (EJECT, KEEP):
                inv = self.__class__(~self._value_)
            else:
                inv = self.__class__(self._singles_mask_ & ~self._value_)
            self._inverted_ = inv
        return self._inverted_

    __rand__ = __and__
    __ror__ = __or__
    __rxor__ = __xor__


class IntFlag(int, ReprEnum, Flag, boundary=KEEP):
    """Flag whose members are also ints."""


def _high_bit(value):
    return value.bit_length() - 1


def unique(enumeration):
    """Class decorator: refuse enums that have aliases."""
    dups = [(n, m.name) for n, m in enumeration.__members__.items() if n != m.name]
    if dups:
        raise ValueError('duplicate values found in %r: %s' % (
            enumeration, ', '.join('%s -> %s' % d for d in dups)))
    return enumeration


def _dataclass_repr(self):
    fields = self.__dataclass_fields__
    return ', '.join('%s=%r' % (k, getattr(self, k))
                     for k in fields if fields[k].repr)


def global_enum_repr(self):
    module = self.__class__.__module__.split('.')[-1]
    return '%s.%s' % (module, self._name_)


def global_flag_repr(self):
    module = self.__class__.__module__.split('.')[-1]
    if self._name_ is None:
        return "%s.%s(%r)" % (module, self.__class__.__name__, self._value_)
    if _power_of_two(self._value_):
        return '%s.%s' % (module, self._name_)
    return '|'.join(n if n[0].isdigit() else '%s.%s' % (module, n)
                    for n in self._name_.split('|'))


def global_str(self):
    if self._name_ is None:
        return "%s(%r)" % (self.__class__.__name__, self._value_)
    return self._name_


def global_enum(cls, update_str=False):
    """Decorator: members repr as module.NAME and are exported to the module."""
    if issubclass(cls, Flag):
        cls.__repr__ = global_flag_repr
    else:
        cls.__repr__ = global_enum_repr
    if not issubclass(cls, ReprEnum) or update_str:
        cls.__str__ = global_str
    sys.modules[cls.__module__].__dict__.update(cls.__members__)
    return cls


class EnumCheck(StrEnum):
    """Conditions verify() can check."""
    CONTINUOUS = "no skipped integer values"
    NAMED_FLAGS = "multi-flag aliases may not contain unnamed flags"
    UNIQUE = "one name per value"

CONTINUOUS, NAMED_FLAGS, UNIQUE = EnumCheck


class verify:
    """Class decorator checking EnumCheck conditions."""

    def __init__(self, *checks):
        self.checks = checks

    def __call__(self, enumeration):
        name = enumeration.__name__
        kind = 'flag' if issubclass(enumeration, Flag) else 'enum'
        for check in self.checks:
            if check is UNIQUE:
                dups = [(n, m.name) for n, m in enumeration.__members__.items()
                        if n != m.name]
                if dups:
                    raise ValueError('aliases found in %r: %s' % (
                        enumeration, ', '.join('%s -> %s' % d for d in dups)))
            elif check is CONTINUOUS:
                values = {m.value for m in enumeration}
                if len(values) < 2:
                    continue
                low, high = min(values), max(values)
                if kind == 'flag':
                    missing = [2 ** i for i in range(_high_bit(low) + 1, _high_bit(high))
                               if 2 ** i not in values]
                else:
                    missing = [i for i in range(low + 1, high) if i not in values]
                if missing:
                    raise ValueError(('invalid %s %r: missing values %s' % (
                        kind, name, ', '.join(str(m) for m in missing)))[:256])
            elif check is NAMED_FLAGS:
                canonical = [m.value for m in enumeration]
                names, lost = [], 0
                for n, alias in enumeration._member_map_.items():
                    if n in enumeration._member_names_ or alias.value < 0:
                        continue
                    missed = [b for b in _bits_of(alias.value) if b not in canonical]
                    if missed:
                        names.append(n)
                        for b in missed:
                            lost |= b
                if names:
                    if len(names) == 1:
                        what = 'alias %s is missing' % names[0]
                    else:
                        what = 'aliases %s and %s are missing' % (
                            ', '.join(names[:-1]), names[-1])
                    if _power_of_two(lost):
                        val = 'value 0x%x' % lost
                    else:
                        val = 'combined values of 0x%x' % lost
                    raise ValueError('invalid Flag %r: %s %s [use '
                                     'enum.show_flag_values(value) for details]'
                                     % (name, what, val))
        return enumeration


def _simple_enum(etype=Enum, *, boundary=None, use_args=None):
    """Class decorator turning a plain class into an enum of type etype
    (its public non-descriptor attributes become the members)."""
    def convert(cls):
        ns = type(etype).__prepare__(cls.__name__, (etype,))
        for key, value in cls.__dict__.items():
            if key in ('__dict__', '__weakref__'):
                continue
            ns[key] = value
        kwds = {} if boundary is None else {'boundary': boundary}
        return type(etype)(cls.__name__, (etype,), ns, **kwds)
    return convert
