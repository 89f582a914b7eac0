"""Set handlers for asynchronous events (signals).

Wraps the _signal module (Modules/signalmodule.c): signal numbers and the
SIG_DFL / SIG_IGN handlers are enum members, as in CPython."""

import _signal
from _signal import *
from enum import IntEnum as _IntEnum

def _make_enum(cls_name, names):
    # Members in numeric order, aliases (SIGIOT = SIGABRT) after the first name.
    members = sorted(((n, _signal.__dict__[n]) for n in names), key=lambda nv: (nv[1], nv[0]))
    enum = _IntEnum(cls_name, members, module=__name__)
    g = globals()
    for n, _ in members:
        g[n] = enum[n]
    return enum


Signals = _make_enum('Signals', [n for n in dir(_signal)
                                 if n.startswith('SIG') and not n.startswith('SIG_')
                                 and n.isupper()])
Handlers = _make_enum('Handlers', ['SIG_DFL', 'SIG_IGN'])
Sigmasks = _make_enum('Sigmasks', ['SIG_BLOCK', 'SIG_UNBLOCK', 'SIG_SETMASK'])


def _int_to_enum(value, enum_klass):
    """Convert a possible numeric value to an IntEnum member."""
    try:
        return enum_klass(value)
    except ValueError:
        return value


def _enum_to_int(value):
    """Convert an IntEnum member to a numeric value."""
    try:
        return int(value)
    except (ValueError, TypeError):
        return value


def signal(signalnum, handler):
    handler = _signal.signal(_enum_to_int(signalnum), _enum_to_int(handler))
    return _int_to_enum(handler, Handlers)
signal.__doc__ = _signal.signal.__doc__


def getsignal(signalnum):
    handler = _signal.getsignal(signalnum)
    return _int_to_enum(handler, Handlers)
getsignal.__doc__ = _signal.getsignal.__doc__


def valid_signals():
    return {_int_to_enum(x, Signals) for x in _signal.valid_signals()}
valid_signals.__doc__ = _signal.valid_signals.__doc__

