"""Generic (shallow and deep) copying operations.

copy(x) and deepcopy(x, memo) use, in order: a per-type function for the
built-in types, __copy__/__deepcopy__, copyreg.dispatch_table, then the
object's reduce tuple (__reduce_ex__(4) / __reduce__); when the class
keeps object's default reduction, copyreg._reduce_default computes it.
replace(obj, **changes) calls __replace__ (3.13).
"""

import types
from copyreg import dispatch_table, _reduce_default


class Error(Exception):
    """An object could not be copied."""

error = Error   # the old name

__all__ = ["Error", "copy", "deepcopy", "replace"]


def _reduce(x, cls):
    reductor = dispatch_table.get(cls)
    if reductor is not None:
        return reductor(x)
    ex = getattr(cls, "__reduce_ex__", None)
    red = getattr(cls, "__reduce__", None)
    if (ex is getattr(object, "__reduce_ex__", None) and
            red is getattr(object, "__reduce__", None)):
        return _reduce_default(x, 4)
    if ex is not None and ex is not getattr(object, "__reduce_ex__", None):
        return x.__reduce_ex__(4)
    if red is not None and red is not getattr(object, "__reduce__", None):
        return x.__reduce__()
    if ex is not None:
        try:
            return x.__reduce_ex__(4)
        except TypeError:
            return _reduce_default(x, 4)
    raise Error("un(shallow)copyable object of type %s" % cls)


# -- per-type tables ------------------------------------------------------
#
# Exact types only (a subclass goes the general way).  "Atomic" values are
# their own deep copy; a shallow copy also returns tuples, frozensets and
# slices themselves.

def _weakref_type():
    try:
        import weakref
        return (weakref.ref,)
    except Exception:
        return ()

_ATOMIC_TYPES = (
    types.NoneType, bool, int, float, complex, str, bytes, range,
    types.EllipsisType, types.NotImplementedType,
    type, property, types.FunctionType, types.BuiltinFunctionType,
    types.CodeType,
) + _weakref_type()


def _deepcopy_atomic(x, memo):
    return x


def _copy_immutable(x):
    return x


_copy_dispatch = dict.fromkeys(_ATOMIC_TYPES + (tuple, frozenset, slice),
                               _copy_immutable)
_copy_dispatch.update({
    list: list.copy,
    dict: dict.copy,
    set: set.copy,
    bytearray: bytearray.copy,
})


def copy(x):
    """A shallow copy of x."""
    cls = type(x)
    copier = _copy_dispatch.get(cls)
    if copier:
        return copier(x)
    if issubclass(cls, type):           # classes, metaclass instances too
        return x
    copier = getattr(cls, "__copy__", None)
    if copier is not None:
        return copier(x)
    parts = _reduce(x, cls)
    if isinstance(parts, str):          # a global: copies are itself
        return x
    return _reconstruct(x, None, *parts)


def deepcopy(x, memo=None, _nil=[]):
    """A deep copy of x; memo maps id(original) to its copy."""
    key = id(x)
    if memo is None:
        memo = {}
    else:
        done = memo.get(key, _nil)
        if done is not _nil:
            return done
    y = _deepcopy_fresh(x, type(x), memo)
    if y is not x:
        memo[key] = y
        _keep_alive(x, memo)
    return y


def _deepcopy_fresh(x, cls, memo):
    """Deep-copy x, which is not in the memo yet."""
    copier = _deepcopy_dispatch.get(cls)
    if copier is not None:
        return copier(x, memo)
    if issubclass(cls, type):
        return x
    copier = getattr(x, "__deepcopy__", None)
    if copier is not None:
        return copier(memo)
    parts = _reduce(x, cls)
    if isinstance(parts, str):
        return x
    return _reconstruct(x, memo, *parts)


# Containers enter the memo before their items are copied, so that a
# container reached again through its own items maps to the copy.

def _deepcopy_list(x, memo, deepcopy=deepcopy):
    y = memo[id(x)] = []
    y.extend(deepcopy(item, memo) for item in x)
    return y


def _deepcopy_dict(x, memo, deepcopy=deepcopy):
    y = memo[id(x)] = {}
    for key, value in x.items():
        y[deepcopy(key, memo)] = deepcopy(value, memo)
    return y


def _deepcopy_tuple(x, memo, deepcopy=deepcopy):
    # A tuple can only be built after its items, so a tuple reached
    # through its own items was copied by that inner visit: use that copy.
    items = [deepcopy(item, memo) for item in x]
    if id(x) in memo:
        return memo[id(x)]
    if all(new is old for new, old in zip(items, x)):
        return x
    return tuple(items)


def _deepcopy_method(x, memo):
    """A bound method is rebound to a deep copy of its instance."""
    return type(x)(x.__func__, deepcopy(x.__self__, memo))


_deepcopy_dispatch = dict.fromkeys(_ATOMIC_TYPES, _deepcopy_atomic)
_deepcopy_dispatch.update({
    list: _deepcopy_list,
    dict: _deepcopy_dict,
    tuple: _deepcopy_tuple,
    types.MethodType: _deepcopy_method,
})


def _keep_alive(x, memo):
    """Keep x alive as long as the memo (its id is a memo key)."""
    memo.setdefault(id(memo), []).append(x)


def _apply_state(y, state):
    # What object.__setstate__ would do: a dict updates __dict__, a pair
    # (dict, slots) also sets the slot attributes.
    setstate = getattr(y, '__setstate__', None)
    if setstate is not None:
        setstate(state)
        return
    slots = None
    if isinstance(state, tuple) and len(state) == 2:
        state, slots = state
    if state:
        y.__dict__.update(state)
    if slots:
        for name, value in slots.items():
            setattr(y, name, value)


def _reconstruct(x, memo, func, args,
                 state=None, listiter=None, dictiter=None,
                 *, deepcopy=deepcopy):
    """Rebuild an object from the parts of its reduce tuple; with a memo
    (deep copy) every part is deep-copied first."""
    deep = memo is not None
    if deep and args:
        args = deepcopy(args, memo)
    y = func(*args)
    if deep:
        memo[id(x)] = y
    if state is not None:
        _apply_state(y, deepcopy(state, memo) if deep else state)
    if listiter is not None:
        for item in listiter:
            y.append(deepcopy(item, memo) if deep else item)
    if dictiter is not None:
        for key, value in dictiter:
            if deep:
                key = deepcopy(key, memo)
                value = deepcopy(value, memo)
            y[key] = value
    return y


def replace(obj, /, **changes):
    """A copy of obj with some fields changed, through its __replace__."""
    cls = obj.__class__
    func = getattr(cls, '__replace__', None)
    if func is None:
        raise TypeError(f"replace() does not support {cls.__name__} objects")
    return func(obj, **changes)
