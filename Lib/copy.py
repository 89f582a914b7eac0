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
    pass

error = Error   # backward compatibility

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


def copy(x):
    """Shallow copy operation on arbitrary Python objects."""
    cls = type(x)

    copier = _copy_dispatch.get(cls)
    if copier:
        return copier(x)

    if issubclass(cls, type):
        return _copy_immutable(x)

    copier = getattr(cls, "__copy__", None)
    if copier is not None:
        return copier(x)

    rv = _reduce(x, cls)
    if isinstance(rv, str):
        return x
    return _reconstruct(x, None, *rv)


_copy_dispatch = d = {}

def _copy_immutable(x):
    return x
for t in (types.NoneType, int, float, bool, complex, str, tuple,
          bytes, frozenset, type, range, slice, property,
          types.BuiltinFunctionType, types.EllipsisType,
          types.NotImplementedType, types.FunctionType, types.CodeType):
    d[t] = _copy_immutable
try:
    import weakref
    d[weakref.ref] = _copy_immutable
except Exception:
    pass

d[list] = list.copy
d[dict] = dict.copy
d[set] = set.copy
d[bytearray] = bytearray.copy

del d, t


def deepcopy(x, memo=None, _nil=[]):
    """Deep copy operation on arbitrary Python objects."""
    d = id(x)
    if memo is None:
        memo = {}
    else:
        y = memo.get(d, _nil)
        if y is not _nil:
            return y

    cls = type(x)

    copier = _deepcopy_dispatch.get(cls)
    if copier is not None:
        y = copier(x, memo)
    else:
        if issubclass(cls, type):
            y = _deepcopy_atomic(x, memo)
        else:
            copier = getattr(x, "__deepcopy__", None)
            if copier is not None:
                y = copier(memo)
            else:
                rv = _reduce(x, cls)
                if isinstance(rv, str):
                    y = x
                else:
                    y = _reconstruct(x, memo, *rv)

    if y is not x:
        memo[d] = y
        _keep_alive(x, memo) # Make sure x lives at least as long as d
    return y


_deepcopy_dispatch = d = {}

def _deepcopy_atomic(x, memo):
    return x
for t in (types.NoneType, int, float, bool, complex, bytes, str,
          types.CodeType, type, range, types.BuiltinFunctionType,
          types.EllipsisType, types.NotImplementedType, types.FunctionType,
          property):
    d[t] = _deepcopy_atomic
try:
    import weakref
    d[weakref.ref] = _deepcopy_atomic
except Exception:
    pass


def _deepcopy_list(x, memo, deepcopy=deepcopy):
    y = []
    memo[id(x)] = y
    append = y.append
    for a in x:
        append(deepcopy(a, memo))
    return y
d[list] = _deepcopy_list


def _deepcopy_tuple(x, memo, deepcopy=deepcopy):
    y = [deepcopy(a, memo) for a in x]
    try:
        return memo[id(x)]
    except KeyError:
        pass
    for k, j in zip(x, y):
        if k is not j:
            y = tuple(y)
            break
    else:
        y = x
    return y
d[tuple] = _deepcopy_tuple


def _deepcopy_dict(x, memo, deepcopy=deepcopy):
    y = {}
    memo[id(x)] = y
    for key, value in x.items():
        y[deepcopy(key, memo)] = deepcopy(value, memo)
    return y
d[dict] = _deepcopy_dict


def _deepcopy_method(x, memo): # Copy instance methods
    return type(x)(x.__func__, deepcopy(x.__self__, memo))
d[types.MethodType] = _deepcopy_method

del d, t


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
    """Return a new object replacing specified fields with new values."""
    cls = obj.__class__
    func = getattr(cls, '__replace__', None)
    if func is None:
        raise TypeError(f"replace() does not support {cls.__name__} objects")
    return func(obj, **changes)
