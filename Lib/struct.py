"""Functions to convert between Python values and C structs (Weft).

Python bytes objects are used to hold the data representing the C struct;
the work is done by the _struct module.
"""
__all__ = [
    # Functions
    'calcsize', 'pack', 'pack_into', 'unpack', 'unpack_from',
    'iter_unpack',

    # Classes
    'Struct',

    # Exceptions
    'error'
]

from _struct import *
from _struct import _clearcache
