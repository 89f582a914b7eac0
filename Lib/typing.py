"""Support for type hints (a compact typing module).

Provides the names ordinary annotated code uses: Any, Union, Optional,
the generic aliases (List, Dict, Callable, ...), TypeVar, Generic,
Protocol, NamedTuple, TypedDict, Literal, Annotated, ClassVar, Final,
cast, overload, final, get_type_hints, get_origin, get_args, NewType,
TYPE_CHECKING.  Subscriptions build _GenericAlias objects whose reprs
match CPython's ("typing.List[int]", "typing.Optional[int]").
"""

import collections.abc
import functools
import sys
import types
from abc import ABCMeta, abstractmethod

__all__ = [
    'Annotated', 'Any', 'Callable', 'ClassVar', 'Concatenate', 'Final',
    'ForwardRef', 'Generic', 'Literal', 'Optional', 'ParamSpec', 'Protocol',
    'Tuple', 'Type', 'TypeVar', 'TypeVarTuple', 'Union',
    'AbstractSet', 'ByteString', 'Container', 'ContextManager', 'Hashable',
    'ItemsView', 'Iterable', 'Iterator', 'KeysView', 'Mapping', 'MappingView',
    'MutableMapping', 'MutableSequence', 'MutableSet', 'Sequence', 'Sized',
    'ValuesView', 'Awaitable', 'AsyncIterator', 'AsyncIterable', 'Coroutine',
    'Collection', 'AsyncGenerator', 'AsyncContextManager', 'Reversible',
    'SupportsAbs', 'SupportsBytes', 'SupportsComplex', 'SupportsFloat',
    'SupportsIndex', 'SupportsInt', 'SupportsRound',
    'ChainMap', 'Counter', 'Deque', 'Dict', 'DefaultDict', 'List',
    'OrderedDict', 'Set', 'FrozenSet', 'NamedTuple', 'TypedDict',
    'Generator', 'BinaryIO', 'IO', 'Match', 'Pattern', 'TextIO',
    'AnyStr', 'assert_type', 'assert_never', 'cast', 'clear_overloads',
    'dataclass_transform', 'final', 'get_args', 'get_origin',
    'get_overloads', 'get_protocol_members', 'get_type_hints',
    'is_protocol', 'is_typeddict', 'LiteralString', 'Never', 'NewType',
    'no_type_check', 'no_type_check_decorator', 'NoDefault', 'NoReturn',
    'NotRequired', 'overload', 'override', 'ParamSpecArgs',
    'ParamSpecKwargs', 'ReadOnly', 'Required', 'reveal_type',
    'runtime_checkable', 'Self', 'Text', 'TYPE_CHECKING', 'TypeAlias',
    'TypeGuard', 'TypeIs', 'TypeAliasType', 'Unpack',
]

TYPE_CHECKING = False

_GenericAliasType = types.GenericAlias
_UnionType = types.UnionType


def _type_repr(obj):
    """How typing shows an object inside a subscription."""
    if isinstance(obj, type) and not isinstance(obj, _GenericAliasType):
        if obj.__module__ == 'builtins':
            return obj.__qualname__
        return f'{obj.__module__}.{obj.__qualname__}'
    if obj is ...:
        return '...'
    if isinstance(obj, types.FunctionType):
        return obj.__name__
    if isinstance(obj, tuple):
        return '[' + ', '.join(_type_repr(t) for t in obj) + ']'
    return repr(obj)


def _type_check(arg, msg):
    """Check that arg is usable as a type (None becomes NoneType)."""
    if arg is None:
        return type(None)
    if isinstance(arg, str):
        return ForwardRef(arg)
    if isinstance(arg, _SpecialForm) and arg._name in ('ClassVar', 'Final'):
        raise TypeError(f"Plain {arg} is not valid as type argument")
    if callable(arg) or isinstance(arg, (TypeVar, ParamSpec, _BaseGenericAlias,
                                         _GenericAliasType, ForwardRef)) \
            or arg is ... or isinstance(arg, (_SpecialForm, tuple)) \
            or (_UnionType is not None and isinstance(arg, _UnionType)):
        return arg
    raise TypeError(f"{msg} Got {arg!r:.100}.")


def _collect_parameters(args):
    params = []
    for t in args:
        if isinstance(t, type):
            continue
        if hasattr(t, '__typing_subst__'):
            if t not in params:
                params.append(t)
        else:
            for p in getattr(t, '__parameters__', ()):
                if p not in params:
                    params.append(p)
    return tuple(params)


def _deduplicate(params):
    out = []
    for p in params:
        if p not in out:
            out.append(p)
    return out


def _flatten_union(params):
    out = []
    for p in params:
        if isinstance(p, _UnionGenericAlias):
            out.extend(p.__args__)
        elif _UnionType is not None and isinstance(p, _UnionType):
            out.extend(p.__args__)
        else:
            out.append(p)
    return out


# ---------------------------------------------------------------- special forms

class _Final:
    """Base of typing's internal classes (not meant to be subclassed)."""
    __slots__ = ('__weakref__',)

    def __init_subclass__(cls, /, *args, _root=False, **kwds):
        super().__init_subclass__(**kwds)


class _SpecialForm(_Final, _root=True):
    __slots__ = ('_name', '__doc__', '_getitem')

    def __init__(self, getitem):
        self._getitem = getitem
        self._name = getitem.__name__
        self.__doc__ = getitem.__doc__

    def __getattr__(self, item):
        if item in {'__name__', '__qualname__'}:
            return self._name
        raise AttributeError(item)

    def __mro_entries__(self, bases):
        raise TypeError(f"Cannot subclass {self!r}")

    def __repr__(self):
        return 'typing.' + self._name

    def __reduce__(self):
        return self._name

    def __call__(self, *args, **kwds):
        raise TypeError(f"Cannot instantiate {self!r}")

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __instancecheck__(self, obj):
        raise TypeError(f"{self} cannot be used with isinstance()")

    def __subclasscheck__(self, cls):
        raise TypeError(f"{self} cannot be used with issubclass()")

    def __getitem__(self, parameters):
        return self._getitem(self, parameters)


class _AnyMeta(type):
    def __instancecheck__(self, obj):
        if self is Any:
            raise TypeError("typing.Any cannot be used with isinstance()")
        return super().__instancecheck__(obj)

    def __repr__(self):
        if self is Any:
            return "typing.Any"
        return super().__repr__()


class Any(metaclass=_AnyMeta):
    """Special type indicating an unconstrained type."""

    def __new__(cls, *args, **kwargs):
        if cls is Any:
            raise TypeError("Any cannot be instantiated")
        return super().__new__(cls)


@_SpecialForm
def NoReturn(self, parameters):
    """Special type indicating functions that never return."""
    raise TypeError(f"{self} is not subscriptable")


@_SpecialForm
def Never(self, parameters):
    """The bottom type, a type that has no members."""
    raise TypeError(f"{self} is not subscriptable")


@_SpecialForm
def Self(self, parameters):
    """Used to spell the type of "self" in classes."""
    raise TypeError(f"{self} is not subscriptable")


@_SpecialForm
def LiteralString(self, parameters):
    """Represents an arbitrary literal string."""
    raise TypeError(f"{self} is not subscriptable")


@_SpecialForm
def TypeAlias(self, parameters):
    """Special form for marking type aliases."""
    raise TypeError(f"{self} is not subscriptable")


@_SpecialForm
def ClassVar(self, parameters):
    """Special type construct to mark class variables."""
    item = _type_check(parameters, f'{self} accepts only single type.')
    return _GenericAlias(self, (item,))


@_SpecialForm
def Final(self, parameters):
    """Special typing construct to indicate final names to type checkers."""
    item = _type_check(parameters, f'{self} accepts only single type.')
    return _GenericAlias(self, (item,))


@_SpecialForm
def Union(self, parameters):
    """Union type; Union[X, Y] means either X or Y."""
    if parameters == ():
        raise TypeError("Cannot take a Union of no types.")
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    msg = "Union[arg, ...]: each arg must be a type."
    parameters = tuple(_type_check(p, msg) for p in parameters)
    parameters = _deduplicate(_flatten_union(parameters))
    if len(parameters) == 1:
        return parameters[0]
    if len(parameters) == 2 and type(None) in parameters:
        return _UnionGenericAlias(self, tuple(parameters), name="Optional")
    return _UnionGenericAlias(self, tuple(parameters))


@_SpecialForm
def Optional(self, parameters):
    """Optional[X] is equivalent to Union[X, None]."""
    arg = _type_check(parameters, f"{self} requires a single type.")
    return Union[arg, type(None)]


@_SpecialForm
def Literal(self, *parameters):
    """Special typing form to define literal types (a.k.a. value types)."""
    parameters = parameters[0] if len(parameters) == 1 else parameters
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    flat = []
    for p in parameters:
        if isinstance(p, _LiteralGenericAlias):
            flat.extend(p.__args__)
        else:
            flat.append(p)
    uniq = []
    for p in flat:
        if not any(p == q and type(p) is type(q) for q in uniq):
            uniq.append(p)
    return _LiteralGenericAlias(self, tuple(uniq))


@_SpecialForm
def Concatenate(self, parameters):
    """Special form for annotating higher-order functions."""
    if parameters == ():
        raise TypeError("Cannot take a Concatenate of no types.")
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    return _GenericAlias(self, parameters)


@_SpecialForm
def TypeGuard(self, parameters):
    """Special typing construct for marking user-defined type predicate functions."""
    item = _type_check(parameters, f'{self} accepts only single type.')
    return _GenericAlias(self, (item,))


@_SpecialForm
def TypeIs(self, parameters):
    """Special typing construct for marking user-defined type predicate functions."""
    item = _type_check(parameters, f'{self} accepts only single type.')
    return _GenericAlias(self, (item,))


@_SpecialForm
def Required(self, parameters):
    """Mark a TypedDict key as required."""
    item = _type_check(parameters, f'{self._name} accepts only a single type.')
    return _GenericAlias(self, (item,))


@_SpecialForm
def NotRequired(self, parameters):
    """Mark a TypedDict key as potentially missing."""
    item = _type_check(parameters, f'{self._name} accepts only a single type.')
    return _GenericAlias(self, (item,))


@_SpecialForm
def ReadOnly(self, parameters):
    """Mark a TypedDict key as read-only."""
    item = _type_check(parameters, f'{self._name} accepts only a single type.')
    return _GenericAlias(self, (item,))


@_SpecialForm
def Unpack(self, parameters):
    """Type unpack operator."""
    item = _type_check(parameters, f'{self._name} accepts only a single type.')
    return _GenericAlias(self, (item,))


@_SpecialForm
def Annotated(self, params):
    """Add context-specific metadata to a type: Annotated[T, x]."""
    if not isinstance(params, tuple):
        params = (params,)
    if len(params) < 2:
        raise TypeError("Annotated[...] should be used "
                        "with at least two arguments (a type and an "
                        "annotation).")
    origin = _type_check(params[0], "Annotated[t, ...]: t must be a type.")
    metadata = tuple(params[1:])
    return _AnnotatedGenericAlias(origin, metadata)


# ---------------------------------------------------------------- ForwardRef

class ForwardRef(_Final, _root=True):
    """Internal wrapper to hold a forward reference."""

    __slots__ = ('__forward_arg__', '__forward_evaluated__', '__forward_value__',
                 '__forward_is_argument__', '__forward_is_class__',
                 '__forward_module__')

    def __init__(self, arg, is_argument=True, module=None, *, is_class=False):
        if not isinstance(arg, str):
            raise TypeError(f"Forward reference must be a string -- got {arg!r}")
        self.__forward_arg__ = arg
        self.__forward_evaluated__ = False
        self.__forward_value__ = None
        self.__forward_is_argument__ = is_argument
        self.__forward_is_class__ = is_class
        self.__forward_module__ = module

    def _evaluate(self, globalns, localns, type_params=None, *, recursive_guard=frozenset()):
        if self.__forward_arg__ in recursive_guard:
            return self
        if not self.__forward_evaluated__ or localns is not globalns:
            if globalns is None and localns is None:
                globalns = localns = {}
            elif globalns is None:
                globalns = localns
            elif localns is None:
                localns = globalns
            if self.__forward_module__ is not None:
                globalns = getattr(sys.modules.get(self.__forward_module__, None),
                                   '__dict__', globalns)
            value = eval(self.__forward_arg__, globalns, localns)
            type_ = _type_check(value, "Forward references must evaluate to types.")
            self.__forward_value__ = _eval_type(
                type_, globalns, localns,
                recursive_guard=recursive_guard | {self.__forward_arg__})
            self.__forward_evaluated__ = True
        return self.__forward_value__

    def __eq__(self, other):
        if not isinstance(other, ForwardRef):
            return NotImplemented
        return (self.__forward_arg__ == other.__forward_arg__ and
                self.__forward_module__ == other.__forward_module__)

    def __hash__(self):
        return hash((self.__forward_arg__, self.__forward_module__))

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __repr__(self):
        if self.__forward_module__ is None:
            module_repr = ''
        else:
            module_repr = f', module={self.__forward_module__!r}'
        return f'ForwardRef({self.__forward_arg__!r}{module_repr})'


# ---------------------------------------------------------------- type variables

class _TypeVarLike:
    def __or__(self, right):
        return Union[self, right]

    def __ror__(self, left):
        return Union[left, self]

    def __reduce__(self):
        return self.__name__

    def __mro_entries__(self, bases):
        raise TypeError(f"Cannot subclass an instance of {type(self).__name__}")


def _caller_module(depth=2, default='__main__'):
    try:
        return sys._getframe(depth).f_globals.get('__name__', default)
    except (AttributeError, ValueError):
        return None


class TypeVar(_TypeVarLike):
    """Type variable: T = TypeVar('T'), constrained TypeVar('A', str, bytes)"""

    def __init__(self, name, *constraints, bound=None, covariant=False,
                 contravariant=False, infer_variance=False, default=None):
        self.__name__ = name
        if covariant and contravariant:
            raise ValueError("Bivariant type variables are not supported.")
        self.__covariant__ = bool(covariant)
        self.__contravariant__ = bool(contravariant)
        self.__infer_variance__ = bool(infer_variance)
        if constraints and bound is not None:
            raise TypeError("Constraints cannot be combined with bound=...")
        if constraints and len(constraints) == 1:
            raise TypeError("A single constraint is not allowed")
        msg = "TypeVar(name, constraint, ...): constraints must be types."
        self.__constraints__ = tuple(_type_check(t, msg) for t in constraints)
        self.__bound__ = _type_check(bound, "Bound must be a type.") if bound else None
        self.__default__ = default
        mod = _caller_module()
        if mod != 'typing':
            self.__module__ = mod

    def __repr__(self):
        if self.__infer_variance__:
            prefix = ''
        elif self.__covariant__:
            prefix = '+'
        elif self.__contravariant__:
            prefix = '-'
        else:
            prefix = '~'
        return prefix + self.__name__

    def __typing_subst__(self, arg):
        msg = "Parameters to generic types must be types."
        return _type_check(arg, msg)

    def has_default(self):
        return self.__default__ is not None


class TypeVarTuple(_TypeVarLike):
    """Type variable tuple (*Ts)."""

    def __init__(self, name, *, default=None):
        self.__name__ = name
        self.__default__ = default
        mod = _caller_module()
        if mod != 'typing':
            self.__module__ = mod

    def __iter__(self):
        yield Unpack[self]

    def __repr__(self):
        return self.__name__

    def __typing_subst__(self, arg):
        raise TypeError("Substitution of bare TypeVarTuple is not supported")


class ParamSpecArgs:
    def __init__(self, origin):
        self.__origin__ = origin

    def __repr__(self):
        return f"{self.__origin__.__name__}.args"


class ParamSpecKwargs:
    def __init__(self, origin):
        self.__origin__ = origin

    def __repr__(self):
        return f"{self.__origin__.__name__}.kwargs"


class ParamSpec(_TypeVarLike):
    """Parameter specification variable (P = ParamSpec('P'))."""

    @property
    def args(self):
        return ParamSpecArgs(self)

    @property
    def kwargs(self):
        return ParamSpecKwargs(self)

    def __init__(self, name, *, bound=None, covariant=False, contravariant=False,
                 infer_variance=False, default=None):
        self.__name__ = name
        self.__covariant__ = bool(covariant)
        self.__contravariant__ = bool(contravariant)
        self.__infer_variance__ = bool(infer_variance)
        self.__bound__ = bound
        self.__default__ = default
        mod = _caller_module()
        if mod != 'typing':
            self.__module__ = mod

    def __repr__(self):
        return '~' + self.__name__

    def __typing_subst__(self, arg):
        if isinstance(arg, (list, tuple)):
            return tuple(arg)
        return arg


class _NoDefaultType:
    def __repr__(self):
        return 'typing.NoDefault'

NoDefault = _NoDefaultType()


# ---------------------------------------------------------------- aliases

class _BaseGenericAlias(_Final, _root=True):
    """Common parts of List[int], List, Union[...], Box[T], ..."""

    def __init__(self, origin, *, inst=True, name=None):
        self._inst = inst
        self._name = name
        self.__origin__ = origin

    def __call__(self, *args, **kwargs):
        if not self._inst:
            raise TypeError(f"Type {self._name} cannot be instantiated; "
                            f"use {self.__origin__.__name__}() instead")
        result = self.__origin__(*args, **kwargs)
        try:
            result.__orig_class__ = self
        except Exception:
            pass
        return result

    def __mro_entries__(self, bases):
        res = []
        if self.__origin__ not in bases:
            res.append(self.__origin__)
        i = bases.index(self)
        for b in bases[i + 1:]:
            if isinstance(b, _BaseGenericAlias) or (isinstance(b, type) and issubclass(b, Generic)):
                break
        else:
            if isinstance(self.__origin__, type) and issubclass(self.__origin__, Generic) \
                    and Generic not in res:
                pass
        return tuple(res)

    def __getattr__(self, attr):
        if attr in {'__origin__', '__args__'}:
            return super().__getattribute__(attr)
        if '__origin__' in self.__dict__ and not (attr.startswith('__') and attr.endswith('__')):
            return getattr(self.__origin__, attr)
        raise AttributeError(attr)

    def __setattr__(self, attr, val):
        if attr.startswith('__') and attr.endswith('__') or attr in ('_name', '_inst', '_nparams', '_defaults'):
            super().__setattr__(attr, val)
        else:
            setattr(self.__origin__, attr, val)

    def __instancecheck__(self, obj):
        return self.__subclasscheck__(type(obj))

    def __subclasscheck__(self, cls):
        raise TypeError("Subscripted generics cannot be used with"
                        " class and instance checks")

    def __dir__(self):
        return list(set(super().__dir__()
                        + [attr for attr in dir(self.__origin__) if not attr.startswith('_')]))


class _GenericAlias(_BaseGenericAlias, _root=True):
    """X[args]: a subscripted generic (List[int], Box[T], ClassVar[int])."""

    def __init__(self, origin, args, *, inst=True, name=None):
        super().__init__(origin, inst=inst, name=name)
        if not isinstance(args, tuple):
            args = (args,)
        self.__args__ = tuple(... if a is _TypingEllipsis else a for a in args)
        self.__parameters__ = _collect_parameters(args)
        if not name:
            self.__module__ = origin.__module__

    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        return (self.__origin__ == other.__origin__
                and self.__args__ == other.__args__)

    def __hash__(self):
        return hash((self.__origin__, self.__args__))

    def __or__(self, right):
        return Union[self, right]

    def __ror__(self, left):
        return Union[left, self]

    def __getitem__(self, args):
        if self.__origin__ in (Generic, Protocol):
            raise TypeError(f"Cannot subscript already-subscripted {self}")
        if not self.__parameters__:
            raise TypeError(f"{self} is not a generic class")
        if not isinstance(args, tuple):
            args = (args,)
        if len(args) != len(self.__parameters__):
            raise TypeError(f"Too {'many' if len(args) > len(self.__parameters__) else 'few'}"
                            f" arguments for {self}; actual {len(args)}, "
                            f"expected {len(self.__parameters__)}")
        subst = dict(zip(self.__parameters__, args))
        new_args = tuple(_substitute(a, subst) for a in self.__args__)
        return self.copy_with(new_args)

    def copy_with(self, args):
        return self.__class__(self.__origin__, args, name=self._name, inst=self._inst)

    def __repr__(self):
        if self._name:
            name = 'typing.' + self._name
        else:
            name = _type_repr(self.__origin__)
        if self.__args__:
            args = ", ".join([_type_repr(a) for a in self.__args__])
        else:
            args = "()"
        return f'{name}[{args}]'

    def __reduce__(self):
        if self._name:
            origin = globals()[self._name]
        else:
            origin = self.__origin__
        args = tuple(self.__args__)
        if len(args) == 1 and not isinstance(args[0], tuple):
            args, = args
        import operator
        return operator.getitem, (origin, args)

    def __mro_entries__(self, bases):
        if isinstance(self.__origin__, _SpecialForm):
            raise TypeError(f"Cannot subclass {self!r}")
        if self._name:
            return super().__mro_entries__(bases)
        if self.__origin__ is Generic:
            if Protocol in bases:
                return ()
            i = bases.index(self)
            for b in bases[i + 1:]:
                if isinstance(b, _BaseGenericAlias) and b is not self:
                    return ()
        return (self.__origin__,)

    def __iter__(self):
        yield Unpack[self]


def _substitute(arg, subst):
    if arg in subst if hasattr(arg, '__typing_subst__') else False:
        return subst[arg]
    params = getattr(arg, '__parameters__', None)
    if params and isinstance(arg, _GenericAlias):
        return arg.copy_with(tuple(_substitute(a, subst) for a in arg.__args__))
    if params and isinstance(arg, _GenericAliasType):
        return _GenericAliasType(arg.__origin__,
                                 tuple(_substitute(a, subst) for a in arg.__args__))
    return arg


class _TypingEllipsis:
    """Internal placeholder for ... (ellipsis)."""


class _SpecialGenericAlias(_BaseGenericAlias, _root=True):
    """An unsubscripted alias of a builtin or abc: typing.List, typing.Dict."""

    def __init__(self, origin, nparams, *, inst=True, name=None, defaults=()):
        if name is None:
            name = origin.__name__
        super().__init__(origin, inst=inst, name=name)
        self._nparams = nparams
        self._defaults = defaults
        self.__module__ = 'typing'

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        msg = "Parameters to generic types must be types."
        params = tuple(_type_check(p, msg) for p in params)
        if (self._defaults and len(params) < self._nparams and
                len(params) + len(self._defaults) >= self._nparams):
            params = (*params, *self._defaults[len(params) - self._nparams:])
        if len(params) != self._nparams and self._nparams >= 0:
            raise TypeError(f"Too {'many' if len(params) > self._nparams else 'few'} "
                            f"arguments for {self}; actual {len(params)}, "
                            f"expected {self._nparams}")
        return _GenericAlias(self.__origin__, params, name=self._name, inst=self._inst)

    def copy_with(self, params):
        return _GenericAlias(self.__origin__, params, name=self._name, inst=self._inst)

    def __repr__(self):
        return 'typing.' + self._name

    def __subclasscheck__(self, cls):
        if isinstance(cls, _SpecialGenericAlias):
            return issubclass(cls.__origin__, self.__origin__)
        if not isinstance(cls, _GenericAlias):
            return issubclass(cls, self.__origin__)
        return super().__subclasscheck__(cls)

    def __reduce__(self):
        return self._name

    def __or__(self, right):
        return Union[self, right]

    def __ror__(self, left):
        return Union[left, self]


class _CallableGenericAlias(_GenericAlias, _root=True):
    def __repr__(self):
        assert self._name == 'Callable'
        args = self.__args__
        if len(args) == 2 and args[0] is ...:
            return super().__repr__()
        return (f'typing.Callable'
                f'[[{", ".join([_type_repr(a) for a in args[:-1]])}], '
                f'{_type_repr(args[-1])}]')

    def copy_with(self, params):
        return _CallableGenericAlias(self.__origin__, params,
                                     name=self._name, inst=self._inst)


class _CallableType(_SpecialGenericAlias, _root=True):
    def copy_with(self, params):
        return _CallableGenericAlias(self.__origin__, params,
                                     name=self._name, inst=self._inst)

    def __getitem__(self, params):
        if not isinstance(params, tuple) or len(params) != 2:
            raise TypeError("Callable must be used as "
                            "Callable[[arg, ...], result].")
        args, result = params
        if isinstance(args, list):
            params = (tuple(args), result)
        else:
            params = (args, result)
        return self.__getitem_inner__(params)

    def __getitem_inner__(self, params):
        args, result = params
        msg = "Callable[args, result]: result must be a type."
        result = _type_check(result, msg)
        if args is Ellipsis:
            return self.copy_with((_TypingEllipsis, result))
        if not isinstance(args, tuple):
            args = (args,)
        args = tuple(_type_check(a, "Callable[[arg, ...], result]: each arg must be a type.")
                     for a in args)
        params = args + (result,)
        return self.copy_with(params)


class _TupleType(_SpecialGenericAlias, _root=True):
    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        if len(params) >= 2 and params[-1] is ...:
            msg = "Tuple[t, ...]: t must be a type."
            params = tuple(_type_check(p, msg) for p in params[:-1])
            return self.copy_with((*params, _TypingEllipsis))
        msg = "Tuple[t0, t1, ...]: each t must be a type."
        params = tuple(_type_check(p, msg) for p in params)
        return self.copy_with(params)


class _UnionGenericAlias(_GenericAlias, _root=True):
    def copy_with(self, params):
        return Union[params]

    def __eq__(self, other):
        if not isinstance(other, (_UnionGenericAlias,) +
                          ((_UnionType,) if _UnionType is not None else ())):
            return NotImplemented
        try:
            return set(self.__args__) == set(other.__args__)
        except TypeError:
            return self.__args__ == other.__args__

    def __hash__(self):
        try:
            return hash(frozenset(self.__args__))
        except TypeError:
            return hash(self.__args__)

    def __repr__(self):
        args = self.__args__
        if len(args) == 2:
            if args[0] is type(None):
                return f'typing.Optional[{_type_repr(args[1])}]'
            elif args[1] is type(None):
                return f'typing.Optional[{_type_repr(args[0])}]'
        return 'typing.Union[' + ', '.join(_type_repr(a) for a in args) + ']'

    def __instancecheck__(self, obj):
        for arg in self.__args__:
            if isinstance(obj, arg):
                return True
        return False

    def __subclasscheck__(self, cls):
        for arg in self.__args__:
            if issubclass(cls, arg):
                return True
        return False

    def __reduce__(self):
        func, (origin, args) = super().__reduce__()
        return func, (Union, args)


class _LiteralGenericAlias(_GenericAlias, _root=True):
    def __eq__(self, other):
        if not isinstance(other, _LiteralGenericAlias):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))

    def __repr__(self):
        return 'typing.Literal[' + ', '.join(repr(a) for a in self.__args__) + ']'


class _AnnotatedGenericAlias(_GenericAlias, _root=True):
    def __init__(self, origin, metadata):
        if isinstance(origin, _AnnotatedGenericAlias):
            metadata = origin.__metadata__ + metadata
            origin = origin.__origin__
        super().__init__(origin, origin, name='Annotated')
        self.__metadata__ = metadata

    def copy_with(self, params):
        assert len(params) == 1
        return _AnnotatedGenericAlias(params[0], self.__metadata__)

    def __repr__(self):
        return "typing.Annotated[{}, {}]".format(
            _type_repr(self.__origin__),
            ", ".join(repr(a) for a in self.__metadata__))

    def __eq__(self, other):
        if not isinstance(other, _AnnotatedGenericAlias):
            return NotImplemented
        return (self.__origin__ == other.__origin__
                and self.__metadata__ == other.__metadata__)

    def __hash__(self):
        return hash((self.__origin__, self.__metadata__))

    def __mro_entries__(self, bases):
        return (self.__origin__,)


# ---------------------------------------------------------------- Generic

_generic_class_getitem_cache = {}


class Generic:
    """Abstract base class for generic types: class Box(Generic[T])."""
    __slots__ = ()
    _is_protocol = False

    def __class_getitem__(cls, params):
        if not isinstance(params, tuple):
            params = (params,)
        params = tuple(_type_check(p, "Parameters to generic types must be types.")
                       if not hasattr(p, '__typing_subst__') else p for p in params)
        if cls in (Generic, Protocol):
            if not params:
                raise TypeError(f"Parameter list to {cls.__qualname__}[...] cannot be empty")
            if not all(hasattr(p, '__typing_subst__') for p in params):
                raise TypeError(
                    f"Parameters to {cls.__name__}[...] must all be type variables "
                    f"or parameter specification variables.")
            if len(set(params)) != len(params):
                raise TypeError(f"Parameters to {cls.__name__}[...] must all be unique")
        else:
            expected = getattr(cls, '__parameters__', ())
            if not expected:
                raise TypeError(f"{cls} is not a generic class")
            if len(params) != len(expected):
                raise TypeError(f"Too {'many' if len(params) > len(expected) else 'few'}"
                                f" arguments for {cls}; actual {len(params)}, "
                                f"expected {len(expected)}")
        return _GenericAlias(cls, params)

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        tvars = []
        if '__orig_bases__' in cls.__dict__:
            error = Generic in cls.__orig_bases__
        else:
            error = (Generic in cls.__bases__ and
                     cls.__name__ != 'Protocol' and
                     type(cls).__name__ != '_TypedDictMeta')
        if error:
            raise TypeError("Cannot inherit from plain Generic")
        if '__orig_bases__' in cls.__dict__:
            tvars = list(_collect_parameters(cls.__orig_bases__))
            gvars = None
            for base in cls.__orig_bases__:
                if (isinstance(base, _GenericAlias) and
                        base.__origin__ in (Generic, Protocol)):
                    if gvars is not None:
                        raise TypeError(
                            "Cannot inherit from Generic[...] multiple times.")
                    gvars = base.__parameters__
            if gvars is not None:
                tvarset = set(tvars)
                gvarset = set(gvars)
                if not tvarset <= gvarset:
                    s_vars = ', '.join(str(t) for t in tvars if t not in gvarset)
                    s_args = ', '.join(str(g) for g in gvars)
                    raise TypeError(f"Some type variables ({s_vars}) are"
                                    f" not listed in Generic[{s_args}]")
                tvars = gvars
        cls.__parameters__ = tuple(tvars)


# ---------------------------------------------------------------- Protocol
#
# A protocol class lists its members (methods and annotated attributes);
# runtime-checkable protocols then accept any class or instance that has
# them all.  __init_subclass__ records the members once per protocol.

# Protocols of these modules may be used with issubclass() without being
# marked @runtime_checkable (they predate the decorator).
_PROTO_ALLOWLIST = {
    'collections.abc': [
        'Callable', 'Awaitable', 'Iterable', 'Iterator', 'AsyncIterable',
        'AsyncIterator', 'Hashable', 'Sized', 'Container', 'Collection',
        'Reversible', 'Buffer',
    ],
    'contextlib': ['AbstractContextManager', 'AbstractAsyncContextManager'],
}

# Names a class gets from the machinery rather than from its author.
_SPECIAL_NAMES = frozenset({
    '__abstractmethods__', '__annotations__', '__dict__', '__doc__',
    '__init__', '__module__', '__new__', '__slots__', '__subclasshook__',
    '__weakref__', '__class_getitem__', '__match_args__', '__static_attributes__',
    '__firstlineno__', '__qualname__', '__parameters__', '__orig_bases__',
    '__protocol_attrs__', '__non_callable_proto_members__', '__type_params__',
    '_is_protocol', '_is_runtime_protocol', '__callable_proto_members_only__',
    '_abc_impl', '_abc_registry', '_abc_cache', '_abc_negative_cache',
    '_abc_negative_cache_version', '__orig_class__',
})

_NOT_RUNTIME_MSG = ("Instance and class checks can only be used with"
                    " @runtime_checkable protocols")


def _is_member_name(name):
    return not name.startswith('_abc_') and name not in _SPECIAL_NAMES


def _get_protocol_attrs(cls):
    """The member names a protocol declares, through its bases (Protocol,
    Generic and object contribute none)."""
    members = set()
    for base in cls.__mro__[:-1]:
        if base.__name__ not in ('Protocol', 'Generic'):
            names = (*base.__dict__, *getattr(base, '__annotations__', {}))
            members.update(filter(_is_member_name, names))
    return members


def _is_proto(cls):
    return getattr(cls, '_is_protocol', False)


def _is_runtime(cls):
    return getattr(cls, '_is_runtime_protocol', False)


def _allow_reckless_class_checks():
    """True when the code asking for an isinstance/issubclass check is abc
    or functools: they test every class of an MRO, protocols included, and
    must not get the errors a user would."""
    try:
        caller = sys._getframe(2).f_globals.get('__name__')
    except (AttributeError, ValueError):
        return True
    return caller in ('abc', 'functools', None)


def _require_class_arg(other):
    if not isinstance(other, type):
        raise TypeError('issubclass() arg 1 must be a class')


class _ProtocolMeta(ABCMeta):
    def __instancecheck__(cls, instance):
        if cls is Protocol:
            return type.__instancecheck__(cls, instance)
        if not _is_proto(cls):
            return super().__instancecheck__(instance)
        if not _is_runtime(cls) and not _allow_reckless_class_checks():
            raise TypeError(_NOT_RUNTIME_MSG)
        if super().__instancecheck__(instance):
            return True
        # Structural: every member present (looked up without running
        # descriptors), and not None unless it is a data member.
        from inspect import getattr_static
        for name in cls.__protocol_attrs__:
            try:
                value = getattr_static(instance, name)
            except AttributeError:
                return False
            if value is None and name not in cls.__non_callable_proto_members__:
                return False
        return True

    def __subclasscheck__(cls, other):
        if cls is Protocol:
            return type.__subclasscheck__(cls, other)
        if _is_proto(cls) and not _allow_reckless_class_checks():
            if not _is_runtime(cls):
                _require_class_arg(other)
                raise TypeError(_NOT_RUNTIME_MSG)
            data_members = cls.__non_callable_proto_members__
            if data_members and cls.__dict__.get('__subclasshook__') is _proto_hook:
                _require_class_arg(other)
                listed = ', '.join(map(repr, sorted(data_members)))
                raise TypeError("Protocols with non-method members don't "
                                "support issubclass(). Non-method members: "
                                f"{listed}.")
        return super().__subclasscheck__(other)


def _provides(other, name):
    """Whether class `other` provides member `name`: True, False, or None
    when it explicitly opts out (the member set to None)."""
    for base in other.__mro__:
        if name in base.__dict__:
            return None if base.__dict__[name] is None else True
        # A protocol subclass may declare the member by annotation only.
        annotations = getattr(base, '__annotations__', {})
        if (isinstance(annotations, collections.abc.Mapping)
                and name in annotations
                and issubclass(other, Generic) and _is_proto(other)):
            return True
    return False


def _structural_check(cls, other):
    if not cls.__dict__.get('_is_protocol', False):
        return NotImplemented
    for name in cls.__protocol_attrs__:
        if not _provides(other, name):
            return NotImplemented
    return True

# One shared object, so that a protocol's own hook can be recognised.
_proto_hook = classmethod(_structural_check)


class Protocol(Generic, metaclass=_ProtocolMeta):
    """Base class for protocol classes (structural subtyping)."""
    __slots__ = ()
    _is_protocol = True
    _is_runtime_protocol = False

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        if not cls.__dict__.get('_is_protocol', False):
            # A protocol lists Protocol among its direct bases; other
            # subclasses are ordinary classes implementing protocols.
            cls._is_protocol = any(b is Protocol for b in cls.__bases__)
        if '__subclasshook__' not in cls.__dict__:
            cls.__subclasshook__ = _proto_hook
        if not cls._is_protocol:
            return
        cls.__protocol_attrs__ = _get_protocol_attrs(cls)
        cls.__non_callable_proto_members__ = {
            name for name in cls.__protocol_attrs__
            if not _is_callable_member(cls, name)}
        if cls.__init__ is Protocol.__init__:
            cls.__init__ = _no_init_or_replace_init


def _is_callable_member(cls, name):
    try:
        return callable(getattr(cls, name, None))
    except Exception:
        return False


def _no_init_or_replace_init(self, *args, **kwargs):
    """__init__ of protocols: refuses to build one; on a concrete subclass
    it installs the first real __init__ found on the MRO and calls it."""
    cls = type(self)
    if cls._is_protocol:
        raise TypeError('Protocols cannot be instantiated')
    own = (base.__dict__.get('__init__', _no_init_or_replace_init)
           for base in cls.__mro__)
    cls.__init__ = next((init for init in own
                         if init is not _no_init_or_replace_init),
                        object.__init__)
    cls.__init__(self, *args, **kwargs)


def runtime_checkable(cls):
    """Allow isinstance()/issubclass() against the protocol class cls."""
    if not issubclass(cls, Generic) or not _is_proto(cls):
        raise TypeError('@runtime_checkable can be only applied to protocol classes,'
                        ' got %r' % cls)
    cls._is_runtime_protocol = True
    return cls


def is_protocol(tp, /):
    """True if tp is a protocol class."""
    return isinstance(tp, type) and _is_proto(tp) and tp != Protocol


def get_protocol_members(tp, /):
    """The members protocol tp declares, as a frozenset."""
    if not is_protocol(tp):
        raise TypeError(f'{tp!r} is not a Protocol')
    return frozenset(tp.__protocol_attrs__)


# ---------------------------------------------------------------- the aliases

_alias = _SpecialGenericAlias

Hashable = _alias(collections.abc.Hashable, 0)
Awaitable = _alias(collections.abc.Awaitable, 1)
Coroutine = _alias(collections.abc.Coroutine, 3)
AsyncIterable = _alias(collections.abc.AsyncIterable, 1)
AsyncIterator = _alias(collections.abc.AsyncIterator, 1)
Iterable = _alias(collections.abc.Iterable, 1)
Iterator = _alias(collections.abc.Iterator, 1)
Reversible = _alias(collections.abc.Reversible, 1)
Sized = _alias(collections.abc.Sized, 0)
Container = _alias(collections.abc.Container, 1)
Collection = _alias(collections.abc.Collection, 1)
Callable = _CallableType(collections.abc.Callable, 2)
AbstractSet = _alias(collections.abc.Set, 1, name='AbstractSet')
MutableSet = _alias(collections.abc.MutableSet, 1)
Mapping = _alias(collections.abc.Mapping, 2)
MutableMapping = _alias(collections.abc.MutableMapping, 2)
Sequence = _alias(collections.abc.Sequence, 1)
MutableSequence = _alias(collections.abc.MutableSequence, 1)
ByteString = _alias(collections.abc.ByteString, 0)
Tuple = _TupleType(tuple, -1, inst=False, name='Tuple')
List = _alias(list, 1, inst=False, name='List')
Deque = _alias(collections.deque, 1, name='Deque')
Set = _alias(set, 1, inst=False, name='Set')
FrozenSet = _alias(frozenset, 1, inst=False, name='FrozenSet')
MappingView = _alias(collections.abc.MappingView, 1)
KeysView = _alias(collections.abc.KeysView, 1)
ItemsView = _alias(collections.abc.ItemsView, 2)
ValuesView = _alias(collections.abc.ValuesView, 1)
Dict = _alias(dict, 2, inst=False, name='Dict')
DefaultDict = _alias(collections.defaultdict, 2, name='DefaultDict')
OrderedDict = _alias(collections.OrderedDict, 2)
Counter = _alias(collections.Counter, 1)
ChainMap = _alias(collections.ChainMap, 2)
Generator = _alias(collections.abc.Generator, 3, defaults=(type(None), type(None)))
AsyncGenerator = _alias(collections.abc.AsyncGenerator, 2, defaults=(type(None),))
Type = _alias(type, 1, inst=False, name='Type')
try:
    import contextlib as _contextlib
    ContextManager = _alias(_contextlib.AbstractContextManager, 2,
                            name='ContextManager', defaults=(type(None),))
    AsyncContextManager = _alias(_contextlib.AbstractAsyncContextManager, 2,
                                 name='AsyncContextManager', defaults=(type(None),))
except ImportError:
    pass

Text = str
AnyStr = TypeVar('AnyStr', bytes, str)
AnyStr.__module__ = 'typing'
T = TypeVar('T')
KT = TypeVar('KT')
VT = TypeVar('VT')
T_co = TypeVar('T_co', covariant=True)
V_co = TypeVar('V_co', covariant=True)
VT_co = TypeVar('VT_co', covariant=True)
T_contra = TypeVar('T_contra', contravariant=True)
CT_co = TypeVar('CT_co', covariant=True, bound=type)
for _tv in (T, KT, VT, T_co, V_co, VT_co, T_contra, CT_co):
    _tv.__module__ = 'typing'
del _tv


@runtime_checkable
class SupportsInt(Protocol):
    """An ABC with one abstract method __int__."""
    __slots__ = ()

    @abstractmethod
    def __int__(self) -> int:
        pass


@runtime_checkable
class SupportsFloat(Protocol):
    """An ABC with one abstract method __float__."""
    __slots__ = ()

    @abstractmethod
    def __float__(self) -> float:
        pass


@runtime_checkable
class SupportsComplex(Protocol):
    """An ABC with one abstract method __complex__."""
    __slots__ = ()

    @abstractmethod
    def __complex__(self) -> complex:
        pass


@runtime_checkable
class SupportsBytes(Protocol):
    """An ABC with one abstract method __bytes__."""
    __slots__ = ()

    @abstractmethod
    def __bytes__(self) -> bytes:
        pass


@runtime_checkable
class SupportsIndex(Protocol):
    """An ABC with one abstract method __index__."""
    __slots__ = ()

    @abstractmethod
    def __index__(self) -> int:
        pass


@runtime_checkable
class SupportsAbs(Protocol):
    """An ABC with one abstract method __abs__ that is covariant in its return type."""
    __slots__ = ()

    @abstractmethod
    def __abs__(self):
        pass


@runtime_checkable
class SupportsRound(Protocol):
    """An ABC with one abstract method __round__ that is covariant in its return type."""
    __slots__ = ()

    @abstractmethod
    def __round__(self, ndigits: int = 0):
        pass


# ---------------------------------------------------------------- functions

def cast(typ, val):
    """Cast a value to a type (returns the value unchanged)."""
    return val


def assert_type(val, typ, /):
    """Ask a static type checker to confirm that the value is of the given type."""
    return val


def assert_never(arg, /):
    """Statically assert that a line of code is unreachable."""
    value = repr(arg)
    if len(value) > 100:
        value = value[:100] + '...'
    raise AssertionError(f"Expected code to be unreachable, but got: {value}")


def reveal_type(obj, /):
    """Ask a static type checker to reveal the inferred type of an expression."""
    print(f"Runtime type is {type(obj).__name__!r}", file=sys.stderr)
    return obj


_overload_registry = {}


def _overload_dummy(*args, **kwds):
    """Helper for @overload to raise when called."""
    raise NotImplementedError(
        "You should not call an overloaded function. "
        "A series of @overload-decorated functions "
        "outside a stub module should always be followed "
        "by an implementation that is not @overload-ed.")


def overload(func):
    """Decorator for overloaded functions/methods (static typing only)."""
    f = getattr(func, "__func__", func)
    try:
        key = (f.__module__, f.__qualname__)
        _overload_registry.setdefault(key, []).append(func)
    except AttributeError:
        pass
    return _overload_dummy


def get_overloads(func):
    """Return all defined overloads for *func* as a sequence."""
    f = getattr(func, "__func__", func)
    return list(_overload_registry.get((f.__module__, f.__qualname__), []))


def clear_overloads():
    """Clear all overloads in the registry."""
    _overload_registry.clear()


def final(f):
    """Decorator to indicate final methods and final classes."""
    try:
        f.__final__ = True
    except (AttributeError, TypeError):
        pass
    return f


def override(method, /):
    """Indicate that a method is intended to override a method in a base class."""
    try:
        method.__override__ = True
    except (AttributeError, TypeError):
        pass
    return method


def no_type_check(arg):
    """Decorator to indicate that annotations are not type hints."""
    if isinstance(arg, type):
        for key in dir(arg):
            obj = getattr(arg, key)
            if (not hasattr(obj, '__qualname__')
                    or obj.__qualname__ != f'{arg.__qualname__}.{obj.__name__}'
                    or getattr(obj, '__module__', None) != arg.__module__):
                continue
            if isinstance(obj, types.FunctionType):
                obj.__no_type_check__ = True
            if isinstance(obj, types.MethodType):
                obj.__func__.__no_type_check__ = True
            if isinstance(obj, type):
                no_type_check(obj)
    try:
        arg.__no_type_check__ = True
    except TypeError:
        pass
    return arg


def no_type_check_decorator(decorator):
    """Decorator to give another decorator the @no_type_check effect."""
    @functools.wraps(decorator)
    def wrapped_decorator(*args, **kwds):
        func = decorator(*args, **kwds)
        func = no_type_check(func)
        return func
    return wrapped_decorator


def dataclass_transform(*, eq_default=True, order_default=False,
                        kw_only_default=False, frozen_default=False,
                        field_specifiers=(), **kwargs):
    """Decorator to mark an object as providing dataclass-like behaviour."""
    def decorator(cls_or_fn):
        cls_or_fn.__dataclass_transform__ = {
            "eq_default": eq_default,
            "order_default": order_default,
            "kw_only_default": kw_only_default,
            "frozen_default": frozen_default,
            "field_specifiers": field_specifiers,
            "kwargs": kwargs,
        }
        return cls_or_fn
    return decorator


def _eval_type(t, globalns, localns, type_params=None, *, recursive_guard=frozenset()):
    if isinstance(t, ForwardRef):
        return t._evaluate(globalns, localns, recursive_guard=recursive_guard)
    if isinstance(t, str):
        return _eval_type(ForwardRef(t), globalns, localns, recursive_guard=recursive_guard)
    if isinstance(t, _GenericAlias) and not isinstance(t, _AnnotatedGenericAlias):
        ev_args = tuple(_eval_type(a, globalns, localns, recursive_guard=recursive_guard)
                        for a in t.__args__)
        if ev_args == t.__args__:
            return t
        if isinstance(t, _UnionGenericAlias):
            return Union[ev_args]
        return t.copy_with(ev_args)
    if isinstance(t, _GenericAliasType):
        ev_args = tuple(_eval_type(a, globalns, localns, recursive_guard=recursive_guard)
                        for a in t.__args__)
        if ev_args == t.__args__:
            return t
        return _GenericAliasType(t.__origin__, ev_args)
    if _UnionType is not None and isinstance(t, _UnionType):
        ev_args = tuple(_eval_type(a, globalns, localns, recursive_guard=recursive_guard)
                        for a in t.__args__)
        return functools.reduce(lambda a, b: a | b, ev_args)
    return t


def _strip_annotations(t):
    if isinstance(t, _AnnotatedGenericAlias):
        return _strip_annotations(t.__origin__)
    if isinstance(t, _GenericAlias) and t.__origin__ in (Required, NotRequired, ReadOnly):
        return _strip_annotations(t.__args__[0])
    if isinstance(t, _GenericAlias):
        stripped = tuple(_strip_annotations(a) for a in t.__args__)
        if stripped == t.__args__:
            return t
        return t.copy_with(stripped)
    return t


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    """Return type hints for an object (a class, module, function or"""
    if getattr(obj, '__no_type_check__', None):
        return {}
    if isinstance(obj, type):
        hints = {}
        for base in reversed(obj.__mro__):
            if globalns is None:
                base_globals = getattr(sys.modules.get(base.__module__, None), '__dict__', {})
            else:
                base_globals = globalns
            ann = base.__dict__.get('__annotations__', {})
            if isinstance(ann, types.GetSetDescriptorType):
                ann = {}
            base_locals = dict(vars(base)) if localns is None else localns
            if localns is None and globalns is None:
                base_globals, base_locals = base_locals, base_globals
            for name, value in ann.items():
                if value is None:
                    value = type(None)
                if isinstance(value, str):
                    value = ForwardRef(value, is_argument=False, is_class=True)
                value = _eval_type(value, base_globals, base_locals)
                hints[name] = value
        return hints if include_extras else {k: _strip_annotations(t) for k, t in hints.items()}

    if globalns is None:
        if isinstance(obj, types.ModuleType):
            globalns = obj.__dict__
        else:
            nsobj = obj
            while hasattr(nsobj, '__wrapped__'):
                nsobj = nsobj.__wrapped__
            globalns = getattr(nsobj, '__globals__', {})
        if localns is None:
            localns = globalns
    elif localns is None:
        localns = globalns
    hints = getattr(obj, '__annotations__', None)
    if hints is None:
        if isinstance(obj, (type, types.ModuleType, types.FunctionType, types.MethodType)) \
                or callable(obj):
            return {}
        raise TypeError('{!r} is not a module, class, method, '
                        'or function.'.format(obj))
    hints = dict(hints)
    for name, value in hints.items():
        if value is None:
            value = type(None)
        if isinstance(value, str):
            value = ForwardRef(value, is_argument=not isinstance(obj, types.ModuleType),
                               is_class=False)
        hints[name] = _eval_type(value, globalns, localns)
    return hints if include_extras else {k: _strip_annotations(t) for k, t in hints.items()}


def get_origin(tp):
    """Get the unsubscripted version of a type: get_origin(List[int]) is"""
    if isinstance(tp, _AnnotatedGenericAlias):
        return Annotated
    if isinstance(tp, (_BaseGenericAlias, _GenericAliasType, ParamSpecArgs, ParamSpecKwargs)):
        return tp.__origin__
    if tp is Generic:
        return Generic
    if _UnionType is not None and isinstance(tp, _UnionType):
        return _UnionType
    return None


def get_args(tp):
    """Get type arguments with all substitutions performed:"""
    if isinstance(tp, _AnnotatedGenericAlias):
        return (tp.__origin__,) + tp.__metadata__
    if isinstance(tp, (_GenericAlias, _GenericAliasType)):
        res = tp.__args__
        if isinstance(tp, _CallableGenericAlias) and res[0] is not Ellipsis:
            res = (list(res[:-1]), res[-1])
        return res
    if _UnionType is not None and isinstance(tp, _UnionType):
        return tp.__args__
    return ()


def is_typeddict(tp):
    """Check if an annotation is a TypedDict class."""
    return isinstance(tp, _TypedDictMeta)


class NewType:
    """NewType creates simple unique types with almost zero runtime overhead:"""

    def __init__(self, name, tp):
        self.__qualname__ = name
        if '.' in name:
            name = name.rpartition('.')[-1]
        self.__name__ = name
        self.__supertype__ = tp
        def_mod = _caller_module()
        if def_mod != 'typing':
            self.__module__ = def_mod

    def __mro_entries__(self, bases):
        superclass_name = self.__name__

        class Dummy:
            def __init_subclass__(cls):
                subclass_name = cls.__name__
                raise TypeError(
                    f"Cannot subclass an instance of NewType. Perhaps you were looking for: "
                    f"`{subclass_name} = NewType({subclass_name!r}, {superclass_name})`"
                )

        return (Dummy,)

    def __repr__(self):
        return f'{self.__module__}.{self.__qualname__}'

    def __call__(self, x):
        return x

    def __reduce__(self):
        return self.__qualname__

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


# ---------------------------------------------------------------- NamedTuple
#
# A NamedTuple class is a collections.namedtuple whose annotations are the
# field types; the class statement form goes through NamedTupleMeta, which
# builds that namedtuple and copies the rest of the class body onto it.

def _make_nmtuple(name, fields, module, defaults=()):
    fields = list(fields)
    names = [field for field, _ in fields]
    annotations = {field: _type_check(tp, f"field {field} annotation must be a type")
                   for field, tp in fields}
    cls = collections.namedtuple(name, names, defaults=defaults, module=module)
    cls.__annotations__ = cls.__new__.__annotations__ = annotations
    return cls


# Names the class body may not define (namedtuple owns them), and names that
# are not copied onto the new class.
_prohibited = frozenset({'__new__', '__init__', '__slots__', '__getnewargs__',
                         '_fields', '_field_defaults',
                         '_make', '_replace', '_asdict', '_source'})
_special = frozenset({'__module__', '__name__', '__annotations__'})


def _fields_with_defaults(ns):
    """The annotated names that the class body also assigns, checking
    that no field without a default follows one with a default."""
    with_default = []
    for field in ns.get('__annotations__', {}):
        if field in ns:
            with_default.append(field)
        elif with_default:
            plural = 's' if len(with_default) > 1 else ''
            raise TypeError(f"Non-default namedtuple field {field} cannot "
                            f"follow default field{plural} "
                            f"{', '.join(with_default)}")
    return with_default


def _copy_body_attr(cls, key, value, typename):
    """Put a class-body attribute on the built class, with __set_name__."""
    if key not in cls._fields:
        setattr(cls, key, value)
    set_name = getattr(type(value), '__set_name__', None)
    if set_name is None:
        return
    try:
        set_name(value, cls, key)
    except BaseException as exc:
        exc.add_note(f"Error calling __set_name__ on {type(value).__name__!r} "
                     f"instance {key!r} in {typename!r}")
        raise


class NamedTupleMeta(type):
    def __new__(cls, typename, bases, ns):
        assert _NamedTuple in bases
        if any(base is not _NamedTuple and base is not Generic
               for base in bases):
            raise TypeError(
                'can only inherit from a NamedTuple type and Generic')
        bases = tuple(tuple if base is _NamedTuple else base for base in bases)
        with_default = _fields_with_defaults(ns)
        result = _make_nmtuple(typename, ns.get('__annotations__', {}).items(),
                               defaults=[ns[field] for field in with_default],
                               module=ns['__module__'])
        result.__bases__ = bases
        generic = Generic in bases
        if generic:
            result.__class_getitem__ = classmethod(_generic_class_getitem)
        for key, value in ns.items():
            if key in _prohibited:
                raise AttributeError("Cannot overwrite NamedTuple attribute " + key)
            if key not in _special:
                _copy_body_attr(result, key, value, typename)
        if generic:
            result.__init_subclass__()
        return result


def _generic_class_getitem(cls, params):
    return Generic.__class_getitem__.__func__(cls, params)


_NO_FIELDS = object()

_ZERO_FIELDS_ADVICE = (
    "{thing} is deprecated and will be disallowed in Python 3.15. "
    "To create a {kind} class with 0 fields using the functional syntax, "
    "pass an empty {empty}, e.g. `{name} = {kind}({name!r}, {example})`.")


def _warn_no_fields(kind, typename, fields, empty, example):
    import warnings
    thing = ("Failing to pass a value for the 'fields' parameter"
             if fields is _NO_FIELDS
             else "Passing `None` as the 'fields' parameter")
    warnings.warn(_ZERO_FIELDS_ADVICE.format(thing=thing, kind=kind,
                                             name=typename, empty=empty,
                                             example=example),
                  DeprecationWarning, stacklevel=3)


def NamedTuple(typename, fields=_NO_FIELDS, /, **kwargs):
    """A namedtuple class with typed fields: NamedTuple('P', [('x', int)])
    or a class statement deriving from NamedTuple."""
    if fields is _NO_FIELDS and kwargs:
        import warnings
        warnings.warn("Creating NamedTuple classes using keyword arguments is "
                      "deprecated and will be disallowed in Python 3.15. Use "
                      "the class-based or functional syntax instead.",
                      DeprecationWarning, stacklevel=2)
        fields = kwargs.items()
    elif fields is _NO_FIELDS or fields is None:
        if kwargs:
            raise TypeError("Cannot pass `None` as the 'fields' parameter "
                            "and also specify fields using keyword arguments")
        _warn_no_fields('NamedTuple', typename, fields, 'list', '[]')
        fields = ()
    elif kwargs:
        raise TypeError("Either list of fields or keywords"
                        " can be provided to NamedTuple, not both")
    result = _make_nmtuple(typename, fields, module=_caller_module())
    result.__orig_bases__ = (NamedTuple,)
    return result


_NamedTuple = type.__new__(NamedTupleMeta, 'NamedTuple', (), {})
NamedTuple.__mro_entries__ = lambda bases: (_NamedTuple,)


# ---------------------------------------------------------------- TypedDict
#
# A TypedDict class is a dict subclass at runtime; its metaclass works out
# which keys are required/optional and read-only/mutable, inheriting the
# bases' sets and then applying each own annotation's qualifiers.

def _get_typeddict_qualifiers(annotation_type):
    """Yield Required/NotRequired/ReadOnly wrapped around an annotation,
    looking through Annotated."""
    tp = annotation_type
    while True:
        if isinstance(tp, _AnnotatedGenericAlias):
            tp = tp.__origin__
        elif (isinstance(tp, _GenericAlias)
              and tp.__origin__ in (Required, NotRequired, ReadOnly)):
            yield tp.__origin__
            tp = tp.__args__[0]
        else:
            return


# The key sets a TypedDict class carries.
_TYPEDDICT_KEYSETS = ('__required_keys__', '__optional_keys__',
                      '__readonly_keys__', '__mutable_keys__')


class _TypedDictMeta(type):
    def __new__(cls, name, bases, ns, total=True):
        for base in bases:
            if type(base) is not _TypedDictMeta and base is not Generic:
                raise TypeError('cannot inherit from both a TypedDict type '
                                'and a non-TypedDict base class')
        generic = (Generic,) if any(issubclass(b, Generic) for b in bases) else ()
        td = type.__new__(_TypedDictMeta, name, (*generic, dict), ns)
        if not hasattr(td, '__orig_bases__'):
            td.__orig_bases__ = bases

        msg = "TypedDict('Name', {f0: t0, f1: t1, ...}); each t must be a type"
        own = {key: _type_check(tp, msg)
               for key, tp in ns.get('__annotations__', {}).items()}
        annotations = {}
        required, optional, readonly, mutable = keysets = (
            set(), set(), set(), set())
        for base in bases:
            annotations.update(base.__dict__.get('__annotations__', {}))
            for attr, keys in zip(_TYPEDDICT_KEYSETS, keysets):
                keys.update(base.__dict__.get(attr, ()))
        annotations.update(own)

        for key, tp in own.items():
            qualifiers = set(_get_typeddict_qualifiers(tp))
            if Required in qualifiers:
                is_required = True
            elif NotRequired in qualifiers:
                is_required = False
            else:
                is_required = total
            _move_key(key, required if is_required else optional,
                      optional if is_required else required)
            is_readonly = ReadOnly in qualifiers
            _move_key(key, readonly if is_readonly else mutable,
                      mutable if is_readonly else readonly)

        td.__annotations__ = annotations
        for attr, keys in zip(_TYPEDDICT_KEYSETS, keysets):
            setattr(td, attr, frozenset(keys))
        td.__total__ = total
        return td

    # Calling a TypedDict class just builds a dict.
    __call__ = dict

    def __subclasscheck__(cls, other):
        raise TypeError('TypedDict does not support instance and class checks')

    __instancecheck__ = __subclasscheck__


def _move_key(key, into, out_of):
    into.add(key)
    out_of.discard(key)


def TypedDict(typename, fields=_NO_FIELDS, /, *, total=True):
    """A dict type with declared keys: TypedDict('P', {'x': int}) or a
    class statement deriving from TypedDict."""
    if fields is _NO_FIELDS or fields is None:
        _warn_no_fields('TypedDict', typename, fields, 'dictionary', '{}')
        fields = {}
    ns = {'__annotations__': dict(fields)}
    module = _caller_module()
    if module is not None:
        ns['__module__'] = module
    td = _TypedDictMeta(typename, (), ns, total=total)
    td.__orig_bases__ = (TypedDict,)
    return td


_TypedDict = type.__new__(_TypedDictMeta, 'TypedDict', (), {})
TypedDict.__mro_entries__ = lambda bases: (_TypedDict,)


# ---------------------------------------------------------------- misc

class TypeAliasType:
    """Type alias (the runtime object of a `type X = ...` statement)."""

    def __init__(self, name, value, *, type_params=()):
        self.__name__ = name
        self.__value__ = value
        self.__type_params__ = type_params
        self.__parameters__ = type_params
        self.__module__ = _caller_module()

    def __repr__(self):
        return self.__name__

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        return _GenericAliasType(self, params)

    def __or__(self, right):
        return Union[self, right]

    def __ror__(self, left):
        return Union[left, self]


class IO(Generic[AnyStr]):
    """Generic base class for TextIO and BinaryIO."""
    __slots__ = ()


class BinaryIO(IO[bytes]):
    """Typed version of the return of open() in binary mode."""
    __slots__ = ()


class TextIO(IO[str]):
    """Typed version of the return of open() in text mode."""
    __slots__ = ()


def __getattr__(name):
    # Pattern and Match come from re, imported only when asked for.
    if name in ('Pattern', 'Match'):
        import re
        obj = _alias(getattr(re, name), 1)
        globals()[name] = obj
        return obj
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
