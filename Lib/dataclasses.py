"""Data classes (PEP 557): the @dataclass decorator writes __init__,
__repr__, __eq__, ordering methods, __hash__, __match_args__ and slots
from the class's annotated fields.

The methods are generated as source text and compiled with exec, so they
have ordinary signatures and the interpreter's usual argument errors.
"""

import sys
import copy
import types
import keyword
from reprlib import recursive_repr as _recursive_repr

__all__ = ['dataclass', 'field', 'Field', 'FrozenInstanceError', 'InitVar',
           'KW_ONLY', 'MISSING', 'fields', 'asdict', 'astuple',
           'make_dataclass', 'replace', 'is_dataclass']


class FrozenInstanceError(AttributeError):
    pass


class _Marker:
    # Named singletons with a readable repr.
    __slots__ = ('_name',)

    def __init__(self, name):
        self._name = name

    def __repr__(self):
        return self._name


class _MISSING_TYPE:
    pass

MISSING = _MISSING_TYPE()
_HAS_DEFAULT_FACTORY = _Marker('<factory>')


class _KW_ONLY_TYPE:
    pass

KW_ONLY = _KW_ONLY_TYPE()

# What kind of field a Field object describes.
_FIELD = _Marker('_FIELD')
_FIELD_CLASSVAR = _Marker('_FIELD_CLASSVAR')
_FIELD_INITVAR = _Marker('_FIELD_INITVAR')

_FIELDS = '__dataclass_fields__'
_PARAMS = '__dataclass_params__'
_POST_INIT_NAME = '__post_init__'


class InitVar:
    __slots__ = ('type', )

    def __init__(self, type):
        self.type = type

    def __repr__(self):
        if isinstance(self.type, type):
            type_name = self.type.__name__
        else:
            type_name = repr(self.type)
        return f'dataclasses.InitVar[{type_name}]'

    def __class_getitem__(cls, type):
        return InitVar(type)


class Field:
    """One field of a dataclass (what field() returns)."""

    __slots__ = ('name', 'type', 'default', 'default_factory', 'repr', 'hash',
                 'init', 'compare', 'metadata', 'kw_only', 'doc', '_field_type')

    def __init__(self, default, default_factory, init, repr, hash, compare,
                 metadata, kw_only, doc=None):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = (types.MappingProxyType({}) if metadata is None
                         else types.MappingProxyType(metadata))
        self.kw_only = kw_only
        self.doc = doc
        self._field_type = None

    @_recursive_repr()
    def __repr__(self):
        return ('Field('
                f'name={self.name!r},'
                f'type={self.type!r},'
                f'default={self.default!r},'
                f'default_factory={self.default_factory!r},'
                f'init={self.init!r},'
                f'repr={self.repr!r},'
                f'hash={self.hash!r},'
                f'compare={self.compare!r},'
                f'metadata={self.metadata!r},'
                f'kw_only={self.kw_only!r},'
                f'_field_type={self._field_type}'
                ')')

    def __set_name__(self, owner, name):
        # Pass __set_name__ on to a descriptor used as the default.
        func = getattr(type(self.default), '__set_name__', None)
        if func:
            func(self.default, owner, name)

    __class_getitem__ = classmethod(types.GenericAlias)


class _DataclassParams:
    __slots__ = ('init', 'repr', 'eq', 'order', 'unsafe_hash', 'frozen',
                 'match_args', 'kw_only', 'slots', 'weakref_slot')

    def __init__(self, init, repr, eq, order, unsafe_hash, frozen,
                 match_args, kw_only, slots, weakref_slot):
        self.init = init
        self.repr = repr
        self.eq = eq
        self.order = order
        self.unsafe_hash = unsafe_hash
        self.frozen = frozen
        self.match_args = match_args
        self.kw_only = kw_only
        self.slots = slots
        self.weakref_slot = weakref_slot

    def __repr__(self):
        return ('_DataclassParams(' +
                ','.join(f'{n}={getattr(self, n)!r}' for n in self.__slots__) +
                ')')


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True,
          hash=None, compare=True, metadata=None, kw_only=MISSING, doc=None):
    """Describe one field of a dataclass (defaults, and whether it takes
    part in __init__, __repr__, comparisons and hashing)."""
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError('cannot specify both default and default_factory')
    return Field(default, default_factory, init, repr, hash, compare,
                 metadata, kw_only, doc)


def _fields_in_init_order(fields):
    return (tuple(f for f in fields if f.init and not f.kw_only),
            tuple(f for f in fields if f.init and f.kw_only))


def _tuple_str(obj_name, fields):
    if not fields:
        return '()'
    return '(' + ','.join(f'{obj_name}.{f.name}' for f in fields) + ',)'


class _Builder:
    """Collects generated method sources for one class and compiles them in
    a single exec."""

    def __init__(self, cls, globals):
        self.cls = cls
        self.globals = globals
        self.names = {}
        self.sources = []
        self.overwrite_errors = {}

    def add(self, name, args, body, *, locals=None, return_type=MISSING,
            overwrite_error=False, unconditional=False, decorator=None):
        if locals is not None:
            self.names.update(locals)
        if return_type is not MISSING:
            self.names[f'__dataclass_{name}_return_type__'] = return_type
            ret = f' -> __dataclass_{name}_return_type__'
        else:
            ret = ''
        args = ','.join(args)
        body = '\n'.join(body)
        src = f' def {name}({args}){ret}:\n{body}'
        if decorator:
            src = f' {decorator}\n' + src
        self.sources.append((name, src, overwrite_error, unconditional))

    def finish(self):
        self.names['__dataclass_builtins_object__'] = object
        self.names['__dataclass_builtins_isinstance__'] = isinstance
        local_names = ', '.join(self.names)
        defs = '\n'.join(s for (_, s, _, _) in self.sources)
        returned = ', '.join(f'{n}' for (n, _, _, _) in self.sources)
        txt = (f'def __create_fn__({local_names}):\n{defs}\n'
               f' return ({returned},)\n')
        ns = {}
        exec(txt, self.globals, ns)
        funcs = ns['__create_fn__'](**self.names)
        for (name, _, overwrite_error, unconditional), fn in zip(self.sources, funcs):
            fn.__qualname__ = f'{self.cls.__qualname__}.{fn.__name__}'
            if unconditional:
                setattr(self.cls, name, fn)
            else:
                if name in self.cls.__dict__:
                    if overwrite_error:
                        msg = (f'Cannot overwrite attribute {name} in class '
                               f'{self.cls.__name__}')
                        if overwrite_error is not True:
                            msg += f' {overwrite_error}'
                        raise TypeError(msg)
                    continue
                setattr(self.cls, name, fn)


def _field_assign(frozen, name, value, self_name):
    if frozen:
        return (f'  __dataclass_builtins_object__.__setattr__({self_name},'
                f'{name!r},{value})')
    return f'  {self_name}.{name}={value}'


def _field_init(f, frozen, locals, self_name, slots):
    default_name = f'__dataclass_dflt_{f.name}__'
    if f.default_factory is not MISSING:
        if f.init:
            locals[default_name] = f.default_factory
            value = (f'{default_name}() '
                     f'if {f.name} is __dataclass_HAS_DEFAULT_FACTORY__ '
                     f'else {f.name}')
        else:
            locals[default_name] = f.default_factory
            value = f'{default_name}()'
    else:
        if f.init:
            if f.default is not MISSING:
                locals[default_name] = f.default
            value = f.name
        else:
            if slots and f.default is not MISSING:
                locals[default_name] = f.default
                value = default_name
            else:
                return None
    if f._field_type is _FIELD_INITVAR:
        return None
    return _field_assign(frozen, f.name, value, self_name)


def _init_param(f):
    if f.default is MISSING and f.default_factory is MISSING:
        default = ''
    elif f.default is not MISSING:
        default = f'=__dataclass_dflt_{f.name}__'
    else:
        default = '=__dataclass_HAS_DEFAULT_FACTORY__'
    return f'{f.name}:__dataclass_type_{f.name}__{default}'


def _init_fn(fields, std_fields, kw_only_fields, frozen, has_post_init,
             self_name, globals, slots):
    seen_default = None
    for f in std_fields:
        if f.init:
            if not (f.default is MISSING and f.default_factory is MISSING):
                seen_default = f
            elif seen_default:
                raise TypeError(f'non-default argument {f.name!r} '
                                f'follows default argument {seen_default.name!r}')

    locals = {**{f'__dataclass_type_{f.name}__': f.type for f in fields},
              '__dataclass_HAS_DEFAULT_FACTORY__': _HAS_DEFAULT_FACTORY,
              '__dataclass_builtins_object__': object}
    body = []
    for f in fields:
        line = _field_init(f, frozen, locals, self_name, slots)
        if line:
            body.append(line)
    if has_post_init:
        params = ','.join(f.name for f in fields if f._field_type is _FIELD_INITVAR)
        body.append(f'  {self_name}.{_POST_INIT_NAME}({params})')
    if not body:
        body = ['  pass']
    args = [self_name] + [_init_param(f) for f in std_fields]
    if kw_only_fields:
        args += ['*'] + [_init_param(f) for f in kw_only_fields]
    return args, body, locals


def _hash_action(cls, fields, builder, unsafe_hash, eq, frozen, has_explicit_hash):
    # The decision table of PEP 557 for __hash__.
    if unsafe_hash:
        if has_explicit_hash:
            raise TypeError(f'Cannot overwrite attribute __hash__ '
                            f'in class {cls.__name__}')
        return 'add'
    if eq and frozen:
        return None if has_explicit_hash else 'add'
    if eq and not frozen:
        return None if has_explicit_hash else 'none'
    return None


def _is_classvar(a_type, typing):
    return (a_type is typing.ClassVar
            or (type(a_type) is getattr(typing, '_GenericAlias', ())
                and a_type.__origin__ is typing.ClassVar))


def _is_type_str(annotation, cls, module_attr, predicate):
    # Recognise string annotations such as "ClassVar[int]" or
    # "typing.ClassVar" without evaluating them.
    text = annotation.strip()
    head = text.split('[', 1)[0].strip()
    module_name = None
    if '.' in head:
        module_name, _, head = head.rpartition('.')
    if head not in (module_attr,):
        return False
    module = sys.modules.get(cls.__module__)
    if module is None:
        return False
    ns = module.__dict__
    if module_name is None:
        obj = ns.get(head)
    else:
        mod = ns.get(module_name)
        obj = getattr(mod, head, None) if mod is not None else None
    return obj is not None and predicate(obj)


def _get_field(cls, a_name, a_type, default_kw_only):
    default = getattr(cls, a_name, MISSING)
    if isinstance(default, Field):
        f = default
    else:
        if isinstance(default, types.MemberDescriptorType):
            default = MISSING
        f = field(default=default)

    f.name = a_name
    f.type = a_type
    f._field_type = _FIELD

    typing = sys.modules.get('typing')
    if typing:
        if (_is_classvar(a_type, typing)
                or (isinstance(f.type, str)
                    and _is_type_str(f.type, cls, 'ClassVar',
                                     lambda o: o is typing.ClassVar))):
            f._field_type = _FIELD_CLASSVAR
    if f._field_type is _FIELD:
        if (isinstance(a_type, InitVar) or a_type is InitVar
                or (isinstance(f.type, str)
                    and _is_type_str(f.type, cls, 'InitVar',
                                     lambda o: o is InitVar))):
            f._field_type = _FIELD_INITVAR

    if f._field_type in (_FIELD_CLASSVAR, _FIELD_INITVAR):
        if f.default_factory is not MISSING:
            raise TypeError(f'field {f.name} cannot have a '
                            'default factory')

    if f._field_type in (_FIELD, _FIELD_INITVAR):
        if f.kw_only is MISSING:
            f.kw_only = default_kw_only
    else:
        if f.kw_only is not MISSING:
            raise TypeError(f'field {f.name} is a ClassVar but specifies '
                            'kw_only')

    # Unhashable defaults (list, dict, set, ...) would be shared by instances.
    if f._field_type is _FIELD and f.default.__class__.__hash__ is None:
        raise ValueError(f'mutable default {type(f.default)} for field '
                         f'{f.name} is not allowed: use default_factory')
    return f


def _set_new_attribute(cls, name, value):
    if name in cls.__dict__:
        return True
    setattr(cls, name, value)
    return False


def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen,
                   match_args, kw_only, slots, weakref_slot):
    fields = {}

    if cls.__module__ in sys.modules:
        globals = sys.modules[cls.__module__].__dict__
    else:
        globals = {}

    setattr(cls, _PARAMS, _DataclassParams(init, repr, eq, order,
                                           unsafe_hash, frozen,
                                           match_args, kw_only,
                                           slots, weakref_slot))

    # Fields of dataclass bases, most basic first.
    any_frozen_base = False
    has_dataclass_bases = False
    all_frozen_bases = None
    for b in cls.__mro__[-1:0:-1]:
        base_fields = getattr(b, _FIELDS, None)
        if base_fields is not None:
            has_dataclass_bases = True
            for f in base_fields.values():
                fields[f.name] = f
            if all_frozen_bases is None:
                all_frozen_bases = True
            current_frozen = getattr(b, _PARAMS).frozen
            all_frozen_bases = all_frozen_bases and current_frozen
            any_frozen_base = any_frozen_base or current_frozen

    cls_annotations = cls.__dict__.get('__annotations__', {})
    if cls_annotations is None:
        cls_annotations = {}

    cls_fields = []
    kw_only_default = kw_only
    kw_only_seen = False
    for name, type_ in cls_annotations.items():
        if (type_ is KW_ONLY or
                (isinstance(type_, str) and
                 _is_type_str(type_, cls, 'KW_ONLY', lambda o: o is KW_ONLY))):
            if kw_only_seen:
                raise TypeError(f'{name!r} is KW_ONLY, but KW_ONLY '
                                'has already been specified')
            kw_only_seen = True
            kw_only_default = True
            continue
        cls_fields.append(_get_field(cls, name, type_, kw_only_default))

    for f in cls_fields:
        fields[f.name] = f
        # The class attribute holds the default (if any), not the Field.
        if isinstance(getattr(cls, f.name, None), Field):
            if f.default is MISSING:
                delattr(cls, f.name)
            else:
                setattr(cls, f.name, f.default)

    for name, value in cls.__dict__.items():
        if isinstance(value, Field) and not name in cls_annotations:
            raise TypeError(f'{name!r} is a field but has no type annotation')

    if has_dataclass_bases:
        if any_frozen_base and not frozen:
            raise TypeError('cannot inherit non-frozen dataclass from a '
                            'frozen one')
        if all_frozen_bases is False and frozen:
            raise TypeError('cannot inherit frozen dataclass from a '
                            'non-frozen one')

    setattr(cls, _FIELDS, fields)

    class_hash = cls.__dict__.get('__hash__', MISSING)
    has_explicit_hash = not (class_hash is MISSING or
                             (class_hash is None and '__eq__' in cls.__dict__))

    if order and not eq:
        raise ValueError('eq must be true if order is true')

    all_init_fields = [f for f in fields.values()
                       if f._field_type in (_FIELD, _FIELD_INITVAR)]
    std_init_fields, kw_only_init_fields = _fields_in_init_order(all_init_fields)

    builder = _Builder(cls, globals)

    if init:
        has_post_init = hasattr(cls, _POST_INIT_NAME)
        self_name = '__dataclass_self__' if 'self' in fields else 'self'
        args, body, locals = _init_fn(all_init_fields, std_init_fields,
                                      kw_only_init_fields, frozen,
                                      has_post_init, self_name, globals, slots)
        builder.add('__init__', args, body, locals=locals, return_type=None)

    field_list = [f for f in fields.values() if f._field_type is _FIELD]

    if repr:
        flds = [f for f in field_list if f.repr]
        parts = ', '.join(f"{f.name}={{self.{f.name}!r}}" for f in flds)
        builder.add('__repr__', ('self',),
                    [f'  return f"{{self.__class__.__qualname__}}({parts})"'],
                    decorator='@__dataclass_recursive_repr__()',
                    locals={'__dataclass_recursive_repr__': _recursive_repr})

    if eq:
        cmp_fields = [f for f in field_list if f.compare]
        terms = [f'self.{f.name}==other.{f.name}' for f in cmp_fields]
        field_comparisons = ' and '.join(terms) or 'True'
        builder.add('__eq__', ('self', 'other'),
                    ['  if self is other:',
                     '   return True',
                     '  if other.__class__ is self.__class__:',
                     f'   return {field_comparisons}',
                     '  return NotImplemented'])

    if order:
        flds = [f for f in field_list if f.compare]
        self_tuple = _tuple_str('self', flds)
        other_tuple = _tuple_str('other', flds)
        for name, op in [('__lt__', '<'), ('__le__', '<='),
                         ('__gt__', '>'), ('__ge__', '>=')]:
            builder.add(name, ('self', 'other'),
                        ['  if other.__class__ is self.__class__:',
                         f'   return {self_tuple}{op}{other_tuple}',
                         '  return NotImplemented'],
                        overwrite_error='Consider using functools.total_ordering')

    if frozen:
        if fields:
            fields_str = '(' + ','.join(f'{f.name!r}' for f in fields.values()) + ',)'
        else:
            fields_str = '()'
        builder.add('__setattr__', ('self', 'name', 'value'),
                    [f'  if type(self) is cls or name in {fields_str}:',
                     '   raise FrozenInstanceError(f"cannot assign to field {name!r}")',
                     '  super(cls, self).__setattr__(name, value)'],
                    locals={'cls': cls, 'FrozenInstanceError': FrozenInstanceError},
                    overwrite_error=True)
        builder.add('__delattr__', ('self', 'name'),
                    [f'  if type(self) is cls or name in {fields_str}:',
                     '   raise FrozenInstanceError(f"cannot delete field {name!r}")',
                     '  super(cls, self).__delattr__(name)'],
                    locals={'cls': cls, 'FrozenInstanceError': FrozenInstanceError},
                    overwrite_error=True)

    action = _hash_action(cls, field_list, builder, unsafe_hash, eq, frozen,
                          has_explicit_hash)
    if action == 'add':
        flds = [f for f in field_list if (f.compare if f.hash is None else f.hash)]
        builder.add('__hash__', ('self',),
                    [f'  return hash({_tuple_str("self", flds)})'],
                    unconditional=True)

    builder.finish()

    if action == 'none':
        cls.__hash__ = None

    if not getattr(cls, '__doc__'):
        try:
            cls.__doc__ = _signature_doc(cls.__name__, std_init_fields,
                                         kw_only_init_fields)
        except Exception:
            cls.__doc__ = ''

    if match_args:
        _set_new_attribute(cls, '__match_args__',
                           tuple(f.name for f in std_init_fields))

    if weakref_slot and not slots:
        raise TypeError('weakref_slot is True but slots is False')
    if slots:
        cls = _add_slots(cls, frozen, weakref_slot)

    _set_new_attribute(cls, '__replace__', _replace)

    try:
        from abc import update_abstractmethods
        update_abstractmethods(cls)
    except ImportError:
        pass

    return cls


def _format_annotation(a):
    # The way inspect.signature() prints an annotation.
    if isinstance(a, type) and not isinstance(a, types.GenericAlias):
        if a.__module__ == 'builtins':
            return a.__qualname__
        return f'{a.__module__}.{a.__qualname__}'
    return __builtins_repr(a)

__builtins_repr = repr


def _signature_doc(name, std_fields, kw_fields):
    def one(f):
        text = f'{f.name}: {_format_annotation(f.type)}'
        if f.default is not MISSING:
            text += f' = {__builtins_repr(f.default)}'
        elif f.default_factory is not MISSING:
            text += ' = <factory>'
        return text
    parts = [one(f) for f in std_fields]
    if kw_fields:
        parts.append('*')
        parts.extend(one(f) for f in kw_fields)
    return f"{name}({', '.join(parts)})"


def _dataclass_getstate(self):
    return [getattr(self, f.name) for f in fields(self)]


def _dataclass_setstate(self, state):
    for f, value in zip(fields(self), state):
        object.__setattr__(self, f.name, value)


def _get_slots(cls):
    slots = cls.__dict__.get('__slots__')
    if slots is None:
        d = []
        if getattr(cls, '__weakrefoffset__', -1) != 0:
            d.append('__weakref__')
        if getattr(cls, '__dictoffset__', -1) != 0:
            d.append('__dict__')
        return d
    if isinstance(slots, str):
        return [slots]
    return list(slots)


def _add_slots(cls, is_frozen, weakref_slot):
    # A class's slots are fixed at creation: make a new class.
    cls_dict = dict(cls.__dict__)
    field_names = tuple(f.name for f in fields(cls))
    inherited = set()
    for base in cls.__mro__[1:-1]:
        inherited.update(_get_slots(base))
    slots = tuple(n for n in field_names if n not in inherited)
    if weakref_slot and '__weakref__' not in inherited:
        slots += ('__weakref__',)
    cls_dict['__slots__'] = slots
    for name in field_names:
        cls_dict.pop(name, None)
    cls_dict.pop('__dict__', None)
    cls_dict.pop('__weakref__', None)
    qualname = getattr(cls, '__qualname__', None)
    newcls = type(cls)(cls.__name__, cls.__bases__, cls_dict)
    if qualname is not None:
        newcls.__qualname__ = qualname
    if is_frozen:
        if '__getstate__' not in cls_dict:
            newcls.__getstate__ = _dataclass_getstate
        if '__setstate__' not in cls_dict:
            newcls.__setstate__ = _dataclass_setstate
    # Methods that reference the class through a closure (frozen
    # __setattr__, super()) must see the new one.
    for value in newcls.__dict__.values():
        value = getattr(value, '__func__', value)
        closure = getattr(value, '__closure__', None)
        if not closure:
            continue
        for cell in closure:
            try:
                if cell.cell_contents is cls:
                    cell.cell_contents = newcls
            except ValueError:
                pass
    return newcls


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False,
              unsafe_hash=False, frozen=False, match_args=True,
              kw_only=False, slots=False, weakref_slot=False):
    """Add dunder methods based on the fields defined in the class.

    Examines PEP 526 __annotations__ to determine fields.
    """
    def wrap(cls):
        return _process_class(cls, init, repr, eq, order, unsafe_hash,
                              frozen, match_args, kw_only, slots,
                              weakref_slot)

    if cls is None:
        return wrap
    return wrap(cls)


def fields(class_or_instance):
    """Return a tuple describing the fields of this dataclass."""
    try:
        fields = getattr(class_or_instance, _FIELDS)
    except AttributeError:
        raise TypeError('must be called with a dataclass type or instance') from None
    return tuple(f for f in fields.values() if f._field_type is _FIELD)


def _is_dataclass_instance(obj):
    return hasattr(type(obj), _FIELDS)


def is_dataclass(obj):
    """Returns True if obj is a dataclass or an instance of a dataclass."""
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, _FIELDS)


def asdict(obj, *, dict_factory=dict):
    """Return the fields of a dataclass instance as a new dictionary mapping
    field names to field values (recursively)."""
    if not _is_dataclass_instance(obj):
        raise TypeError("asdict() should be called on dataclass instances")
    return _asdict_inner(obj, dict_factory)


def _asdict_inner(obj, dict_factory):
    if type(obj) in _ATOMIC_TYPES:
        return obj
    if _is_dataclass_instance(obj):
        if dict_factory is dict:
            return {f.name: _asdict_inner(getattr(obj, f.name), dict)
                    for f in fields(obj)}
        return dict_factory([(f.name, _asdict_inner(getattr(obj, f.name), dict_factory))
                             for f in fields(obj)])
    if isinstance(obj, tuple) and hasattr(obj, '_fields'):
        return type(obj)(*[_asdict_inner(v, dict_factory) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_asdict_inner(v, dict_factory) for v in obj)
    if isinstance(obj, dict):
        if hasattr(type(obj), 'default_factory'):
            result = type(obj)(getattr(obj, 'default_factory'))
            for k, v in obj.items():
                result[_asdict_inner(k, dict_factory)] = _asdict_inner(v, dict_factory)
            return result
        return type(obj)((_asdict_inner(k, dict_factory),
                          _asdict_inner(v, dict_factory))
                         for k, v in obj.items())
    return copy.deepcopy(obj)


def astuple(obj, *, tuple_factory=tuple):
    """Return the fields of a dataclass instance as a new tuple of field
    values (recursively)."""
    if not _is_dataclass_instance(obj):
        raise TypeError("astuple() should be called on dataclass instances")
    return _astuple_inner(obj, tuple_factory)


def _astuple_inner(obj, tuple_factory):
    if type(obj) in _ATOMIC_TYPES:
        return obj
    if _is_dataclass_instance(obj):
        return tuple_factory([_astuple_inner(getattr(obj, f.name), tuple_factory)
                              for f in fields(obj)])
    if isinstance(obj, tuple) and hasattr(obj, '_fields'):
        return type(obj)(*[_astuple_inner(v, tuple_factory) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_astuple_inner(v, tuple_factory) for v in obj)
    if isinstance(obj, dict):
        if hasattr(type(obj), 'default_factory'):
            result = type(obj)(getattr(obj, 'default_factory'))
            for k, v in obj.items():
                result[_astuple_inner(k, tuple_factory)] = _astuple_inner(v, tuple_factory)
            return result
        return type(obj)((_astuple_inner(k, tuple_factory),
                          _astuple_inner(v, tuple_factory))
                         for k, v in obj.items())
    return copy.deepcopy(obj)


_ATOMIC_TYPES = frozenset({
    types.NoneType, bool, int, float, str, complex, bytes,
    types.EllipsisType, types.NotImplementedType, types.CodeType,
    types.BuiltinFunctionType, types.FunctionType, type, range, property,
})


def make_dataclass(cls_name, fields, *, bases=(), namespace=None, init=True,
                   repr=True, eq=True, order=False, unsafe_hash=False,
                   frozen=False, match_args=True, kw_only=False, slots=False,
                   weakref_slot=False, module=None):
    """Build a dataclass named cls_name from a list of field specs."""
    if namespace is None:
        namespace = {}

    seen = set()
    annotations = {}
    defaults = {}
    for item in fields:
        if isinstance(item, str):
            name = item
            tp = 'typing.Any'
        elif len(item) == 2:
            name, tp, = item
        elif len(item) == 3:
            name, tp, spec = item
            defaults[name] = spec
        else:
            raise TypeError(f'Invalid field: {item!r}')
        if not isinstance(name, str) or not name.isidentifier():
            raise TypeError(f'Field names must be valid identifiers: {name!r}')
        if keyword.iskeyword(name):
            raise TypeError(f'Field names must not be keywords: {name!r}')
        if name in seen:
            raise TypeError(f'Field name duplicated: {name!r}')
        seen.add(name)
        annotations[name] = tp

    def exec_body_callback(ns):
        ns.update(namespace)
        ns.update(defaults)
        ns['__annotations__'] = annotations

    cls = types.new_class(cls_name, bases, {}, exec_body_callback)

    if module is None:
        try:
            module = sys._getframe(1).f_globals.get('__name__', '__main__')
        except (AttributeError, ValueError):
            pass
    if module is not None:
        cls.__module__ = module

    return dataclass(cls, init=init, repr=repr, eq=eq, order=order,
                     unsafe_hash=unsafe_hash, frozen=frozen,
                     match_args=match_args, kw_only=kw_only, slots=slots,
                     weakref_slot=weakref_slot)


def replace(obj, /, **changes):
    """A copy of the dataclass instance obj with some fields changed."""
    if not _is_dataclass_instance(obj):
        raise TypeError("replace() should be called on dataclass instances")
    return _replace(obj, **changes)


def _replace(self, /, **changes):
    for f in getattr(self, _FIELDS).values():
        if f._field_type is _FIELD_CLASSVAR:
            continue
        if not f.init:
            if f.name in changes:
                raise TypeError(f'field {f.name} is declared with '
                                f'init=False, it cannot be specified with '
                                f'replace()')
            continue
        if f.name not in changes:
            if f._field_type is _FIELD_INITVAR and f.default is MISSING:
                raise TypeError(f"InitVar {f.name!r} "
                                f'must be specified with replace()')
            changes[f.name] = getattr(self, f.name)
    return self.__class__(**changes)
