"""pickle: turn objects into a byte stream and back (protocols 0 to 5).

The writer (_Pickler) walks an object graph and emits opcodes; objects it
has no rule for are taken apart with copyreg.dispatch_table or the object's
__reduce_ex__ and rebuilt by the reader (_Unpickler) from the reduce tuple.
Protocol 4 and up group the output into frames.  Out-of-band buffers
(PickleBuffer, buffer_callback) are not supported.

Security: loading a pickle can call any importable function.  Only load
data you trust.
"""

import sys
import io
import codecs
import copyreg
from struct import pack, unpack
from itertools import islice
from functools import partial

__all__ = ["PickleError", "PicklingError", "UnpicklingError", "Pickler",
           "Unpickler", "dump", "dumps", "load", "loads",
           "HIGHEST_PROTOCOL", "DEFAULT_PROTOCOL"]

HIGHEST_PROTOCOL = 5
DEFAULT_PROTOCOL = 4

bytes_types = (bytes, bytearray)


class PickleError(Exception):
    """Base class of the pickle errors."""


class PicklingError(PickleError):
    """An object could not be pickled."""


class UnpicklingError(PickleError):
    """The data could not be unpickled (corrupt stream, security policy)."""


class _Stop(Exception):
    def __init__(self, value):
        self.value = value


# -- the opcodes (one byte each; names are those of the format) -----------

MARK = b'('
STOP = b'.'
POP = b'0'
POP_MARK = b'1'
DUP = b'2'
FLOAT = b'F'
INT = b'I'
BININT = b'J'
BININT1 = b'K'
LONG = b'L'
BININT2 = b'M'
NONE = b'N'
PERSID = b'P'
BINPERSID = b'Q'
REDUCE = b'R'
STRING = b'S'
BINSTRING = b'T'
SHORT_BINSTRING = b'U'
UNICODE = b'V'
BINUNICODE = b'X'
APPEND = b'a'
BUILD = b'b'
GLOBAL = b'c'
DICT = b'd'
EMPTY_DICT = b'}'
APPENDS = b'e'
GET = b'g'
BINGET = b'h'
INST = b'i'
LONG_BINGET = b'j'
LIST = b'l'
EMPTY_LIST = b']'
OBJ = b'o'
PUT = b'p'
BINPUT = b'q'
LONG_BINPUT = b'r'
SETITEM = b's'
TUPLE = b't'
EMPTY_TUPLE = b')'
SETITEMS = b'u'
BINFLOAT = b'G'
TRUE = b'I01\n'
FALSE = b'I00\n'
# protocol 2
PROTO = b'\x80'
NEWOBJ = b'\x81'
EXT1 = b'\x82'
EXT2 = b'\x83'
EXT4 = b'\x84'
TUPLE1 = b'\x85'
TUPLE2 = b'\x86'
TUPLE3 = b'\x87'
NEWTRUE = b'\x88'
NEWFALSE = b'\x89'
LONG1 = b'\x8a'
LONG4 = b'\x8b'
# protocol 3
BINBYTES = b'B'
SHORT_BINBYTES = b'C'
# protocol 4
SHORT_BINUNICODE = b'\x8c'
BINUNICODE8 = b'\x8d'
BINBYTES8 = b'\x8e'
EMPTY_SET = b'\x8f'
ADDITEMS = b'\x90'
FROZENSET = b'\x91'
NEWOBJ_EX = b'\x92'
STACK_GLOBAL = b'\x93'
MEMOIZE = b'\x94'
FRAME = b'\x95'
# protocol 5
BYTEARRAY8 = b'\x96'
NEXT_BUFFER = b'\x97'
READONLY_BUFFER = b'\x98'

_TUPLE_BY_SIZE = {0: EMPTY_TUPLE, 1: TUPLE1, 2: TUPLE2, 3: TUPLE3}

# Python 2 spells a few module names differently; protocols 0-2 use those
# names when fix_imports is true (the common ones only).
_PY3_TO_PY2 = {'builtins': '__builtin__', 'copyreg': 'copy_reg',
               'pickle': 'pickle', 'queue': 'Queue', 'reprlib': 'repr',
               '_functools': 'functools'}
_PY2_TO_PY3 = {'__builtin__': 'builtins', 'copy_reg': 'copyreg',
               'Queue': 'queue', 'repr': 'reprlib', 'exceptions': 'builtins',
               'UserDict': 'collections', 'UserList': 'collections',
               'UserString': 'collections'}

_BATCH = 1000
_FRAME_TARGET = 64 * 1024
_FRAME_MIN = 4


def _encode_long(x):
    """Little-endian two's complement in as few bytes as possible."""
    if x == 0:
        return b''
    raw = x.to_bytes((x.bit_length() >> 3) + 1, 'little', signed=True)
    if x < 0 and len(raw) > 1 and raw[-1] == 0xff and raw[-2] & 0x80:
        raw = raw[:-1]
    return raw


def _decode_long(data):
    return int.from_bytes(data, 'little', signed=True)


def _lookup_dotted(obj, dotted):
    """getattr along a dotted qualname; <locals> parts cannot be followed."""
    for part in dotted.split('.'):
        if part == '<locals>':
            raise AttributeError(f"Can't get local attribute {dotted!r} on {obj!r}")
        obj = getattr(obj, part)
    return obj


def whichmodule(obj, name):
    """The name of the module a global lives in."""
    module_name = getattr(obj, '__module__', None)
    if module_name is not None:
        return module_name
    for module_name, module in sys.modules.copy().items():
        if module_name == '__main__' or module is None:
            continue
        try:
            if _lookup_dotted(module, name) is obj:
                return module_name
        except AttributeError:
            pass
    return '__main__'


# -- output with frames ----------------------------------------------------

class _FrameWriter:
    """Collects opcodes; with framing on, flushes them as FRAME blocks."""

    def __init__(self, file_write):
        self.file_write = file_write
        self.pending = None          # io.BytesIO of the open frame

    def start(self):
        self.pending = io.BytesIO()

    def finish(self):
        if self.pending is not None and self.pending.tell():
            self.flush_frame(True)
        self.pending = None

    def flush_frame(self, force=False):
        buf = self.pending
        if buf is None or not (force or buf.tell() >= _FRAME_TARGET):
            return
        data = buf.getvalue()
        if len(data) >= _FRAME_MIN:
            self.file_write(FRAME + pack('<Q', len(data)))
        self.file_write(data)
        self.pending = io.BytesIO()

    def write(self, data):
        if self.pending is not None:
            return self.pending.write(data)
        return self.file_write(data)

    def write_big(self, header, payload):
        """A large bytes payload goes outside any frame, after a flush."""
        if self.pending is not None:
            self.flush_frame(True)
        self.file_write(header)
        self.file_write(payload)


# -- the writer ------------------------------------------------------------

class _Pickler:
    """Pickler(file, protocol=None, *, fix_imports=True, buffer_callback=None)"""

    def __init__(self, file, protocol=None, *, fix_imports=True,
                 buffer_callback=None):
        if protocol is None:
            protocol = DEFAULT_PROTOCOL
        if protocol < 0:
            protocol = HIGHEST_PROTOCOL
        elif protocol > HIGHEST_PROTOCOL:
            raise ValueError("pickle protocol must be <= %d" % HIGHEST_PROTOCOL)
        if buffer_callback is not None:
            raise ValueError("buffer_callback is not supported by this pickle")
        try:
            self._file_write = file.write
        except AttributeError:
            raise TypeError("file must have a 'write' attribute")
        self._out = _FrameWriter(self._file_write)
        self.write = self._out.write
        self.memo = {}
        self.proto = int(protocol)
        self.bin = protocol >= 1
        self.fast = 0
        self.fix_imports = fix_imports and protocol < 3

    def clear_memo(self):
        self.memo.clear()

    def dump(self, obj):
        if not hasattr(self, '_out'):
            raise PicklingError("Pickler.__init__() was not called by "
                                "%s.__init__()" % type(self).__name__)
        if self.proto >= 2:
            self.write(PROTO + pack('<B', self.proto))
        if self.proto >= 4:
            self._out.start()
        self.save(obj)
        self.write(STOP)
        self._out.finish()

    # memo
    def memoize(self, obj):
        if self.fast:
            return
        index = len(self.memo)
        self.write(self._put_op(index))
        self.memo[id(obj)] = index, obj

    def _put_op(self, index):
        if self.proto >= 4:
            return MEMOIZE
        if not self.bin:
            return PUT + repr(index).encode('ascii') + b'\n'
        if index < 256:
            return BINPUT + pack('<B', index)
        return LONG_BINPUT + pack('<I', index)

    def _get_op(self, index):
        if not self.bin:
            return GET + repr(index).encode('ascii') + b'\n'
        if index < 256:
            return BINGET + pack('<B', index)
        return LONG_BINGET + pack('<I', index)

    # dispatch
    def persistent_id(self, obj):
        return None

    def save(self, obj, save_persistent_id=True):
        self._out.flush_frame()
        if save_persistent_id:
            pid = self.persistent_id(obj)
            if pid is not None:
                self._save_pers(pid)
                return
        seen = self.memo.get(id(obj))
        if seen is not None:
            self.write(self._get_op(seen[0]))
            return
        cls = type(obj)
        writer = self._writers.get(cls)
        if writer is not None:
            writer(self, obj)
            return
        override = getattr(self, 'reducer_override', None)
        rv = override(obj) if override is not None else NotImplemented
        if rv is NotImplemented:
            table = getattr(self, 'dispatch_table', copyreg.dispatch_table)
            reductor = table.get(cls)
            if reductor is not None:
                rv = reductor(obj)
            elif issubclass(cls, type):
                self.save_global(obj)
                return
            else:
                rv = self._reduce_of(obj, cls)
        if isinstance(rv, str):
            self.save_global(obj, rv)
            return
        if not isinstance(rv, tuple):
            raise PicklingError(f'__reduce__ must return a string or tuple, '
                                f'not {type(rv).__name__}')
        if not 2 <= len(rv) <= 6:
            raise PicklingError('tuple returned by __reduce__ must contain '
                                '2 through 6 elements')
        self.save_reduce(*rv, obj=obj)

    def _reduce_of(self, obj, cls):
        ex = getattr(obj, '__reduce_ex__', None)
        if ex is not None:
            return ex(self.proto)
        red = getattr(obj, '__reduce__', None)
        if red is not None:
            return red()
        raise PicklingError(f"cannot pickle {cls.__name__!r} object")

    def _save_pers(self, pid):
        if self.bin:
            self.save(pid, save_persistent_id=False)
            self.write(BINPERSID)
        else:
            try:
                self.write(PERSID + str(pid).encode('ascii') + b'\n')
            except UnicodeEncodeError:
                raise PicklingError("persistent IDs in protocol 0 must be "
                                    "ASCII strings")

    def save_reduce(self, func, args, state=None, listitems=None,
                    dictitems=None, state_setter=None, *, obj=None):
        if not isinstance(args, tuple):
            raise PicklingError("args from save_reduce() must be a tuple")
        if not callable(func):
            raise PicklingError("func from save_reduce() must be callable")
        save, write = self.save, self.write
        fname = getattr(func, '__name__', '')
        if self.proto >= 2 and fname == '__newobj_ex__':
            cls, new_args, kwargs = args
            if not hasattr(cls, '__new__'):
                raise PicklingError("args[0] from __newobj_ex__ args has no __new__")
            if obj is not None and cls is not obj.__class__:
                raise PicklingError("args[0] from __newobj_ex__ args has the wrong class")
            if self.proto >= 4:
                save(cls)
                save(new_args)
                save(kwargs)
                write(NEWOBJ_EX)
            else:
                save(partial(cls.__new__, cls, *new_args, **kwargs))
                save(())
                write(REDUCE)
        elif self.proto >= 2 and fname == '__newobj__':
            if not args:
                raise PicklingError("__newobj__ arglist is empty")
            cls = args[0]
            if not hasattr(cls, '__new__'):
                raise PicklingError("args[0] from __newobj__ args has no __new__")
            if obj is not None and cls is not obj.__class__:
                raise PicklingError("args[0] from __newobj__ args has the wrong class")
            save(cls)
            save(args[1:])
            write(NEWOBJ)
        else:
            save(func)
            save(args)
            write(REDUCE)

        if obj is not None:
            # A reference cycle back to obj was pickled while saving args:
            # take the memoised copy instead of the one just built.
            if id(obj) in self.memo:
                write(POP + self._get_op(self.memo[id(obj)][0]))
            else:
                self.memoize(obj)
        if listitems is not None:
            self._appends(listitems)
        if dictitems is not None:
            self._setitems(dictitems)
        if state is not None:
            if state_setter is None:
                save(state)
                write(BUILD)
            else:
                save(state_setter)
                save(obj)
                save(state)
                write(TUPLE2)
                write(REDUCE)
                write(POP)

    # the built-in types
    def _save_none(self, obj):
        self.write(NONE)

    def _save_bool(self, obj):
        if self.proto >= 2:
            self.write(NEWTRUE if obj else NEWFALSE)
        else:
            self.write(TRUE if obj else FALSE)

    def _save_int(self, obj):
        if self.bin:
            if 0 <= obj < 0x100:
                self.write(BININT1 + pack('<B', obj))
                return
            if 0 <= obj < 0x10000:
                self.write(BININT2 + pack('<H', obj))
                return
            if -0x80000000 <= obj < 0x80000000:
                self.write(BININT + pack('<i', obj))
                return
        if self.proto >= 2:
            raw = _encode_long(obj)
            if len(raw) < 256:
                self.write(LONG1 + pack('<B', len(raw)) + raw)
            else:
                self.write(LONG4 + pack('<i', len(raw)) + raw)
            return
        if -0x80000000 <= obj < 0x80000000:
            self.write(INT + repr(obj).encode('ascii') + b'\n')
        else:
            self.write(LONG + repr(obj).encode('ascii') + b'L\n')

    def _save_float(self, obj):
        if self.bin:
            self.write(BINFLOAT + pack('>d', obj))
        else:
            self.write(FLOAT + repr(obj).encode('ascii') + b'\n')

    def _save_sized(self, payload, short_op, op4, op8):
        n = len(payload)
        if n < 256 and short_op is not None:
            header = short_op + pack('<B', n)
        elif n > 0xffffffff and self.proto >= 4:
            header = op8 + pack('<Q', n)
        else:
            header = op4 + pack('<I', n)
        if n >= _FRAME_TARGET:
            self._out.write_big(header, payload)
        else:
            self.write(header + payload)

    def _save_bytes(self, obj):
        if self.proto < 3:
            if not obj:
                self.save_reduce(bytes, (), obj=obj)
            else:
                self.save_reduce(codecs.encode, (str(obj, 'latin1'), 'latin1'),
                                 obj=obj)
            return
        self._save_sized(obj, SHORT_BINBYTES, BINBYTES, BINBYTES8)
        self.memoize(obj)

    def _save_bytearray(self, obj):
        if self.proto < 5:
            self.save_reduce(bytearray, (bytes(obj),), obj=obj)
            return
        n = len(obj)
        if n >= _FRAME_TARGET:
            self._out.write_big(BYTEARRAY8 + pack('<Q', n), bytes(obj))
        else:
            self.write(BYTEARRAY8 + pack('<Q', n) + bytes(obj))
        self.memoize(obj)

    def _save_str(self, obj):
        if self.bin:
            data = obj.encode('utf-8', 'surrogatepass')
            self._save_sized(data, SHORT_BINUNICODE if self.proto >= 4 else None,
                             BINUNICODE, BINUNICODE8)
        else:
            text = (obj.replace('\\', '\\u005c').replace('\0', '\\u0000')
                    .replace('\n', '\\u000a').replace('\r', '\\u000d')
                    .replace('\x1a', '\\u001a'))
            self.write(UNICODE + text.encode('raw-unicode-escape') + b'\n')
        self.memoize(obj)

    def _save_tuple(self, obj):
        n = len(obj)
        if n == 0:
            self.write(EMPTY_TUPLE if self.bin else MARK + TUPLE)
            return
        memo = self.memo
        if n <= 3 and self.proto >= 2:
            for item in obj:
                self.save(item)
            if id(obj) in memo:
                # one of the items reached this tuple again: drop what we
                # pushed and fetch the copy the recursion memoised
                self.write(POP * n + self._get_op(memo[id(obj)][0]))
            else:
                self.write(_TUPLE_BY_SIZE[n])
                self.memoize(obj)
            return
        self.write(MARK)
        for item in obj:
            self.save(item)
        if id(obj) in memo:
            get = self._get_op(memo[id(obj)][0])
            if self.bin:
                self.write(POP_MARK + get)
            else:
                self.write(POP * (n + 1) + get)
            return
        self.write(TUPLE)
        self.memoize(obj)

    def _save_list(self, obj):
        self.write(EMPTY_LIST if self.bin else MARK + LIST)
        self.memoize(obj)
        self._appends(obj)

    def _appends(self, items):
        save, write = self.save, self.write
        if not self.bin:
            for x in items:
                save(x)
                write(APPEND)
            return
        it = iter(items)
        while True:
            chunk = list(islice(it, _BATCH))
            if len(chunk) > 1:
                write(MARK)
                for x in chunk:
                    save(x)
                write(APPENDS)
            elif chunk:
                save(chunk[0])
                write(APPEND)
            if len(chunk) < _BATCH:
                return

    def _save_dict(self, obj):
        self.write(EMPTY_DICT if self.bin else MARK + DICT)
        self.memoize(obj)
        self._setitems(obj.items())

    def _setitems(self, items):
        save, write = self.save, self.write
        if not self.bin:
            for k, v in items:
                save(k)
                save(v)
                write(SETITEM)
            return
        it = iter(items)
        while True:
            chunk = list(islice(it, _BATCH))
            if len(chunk) > 1:
                write(MARK)
                for k, v in chunk:
                    save(k)
                    save(v)
                write(SETITEMS)
            elif chunk:
                k, v = chunk[0]
                save(k)
                save(v)
                write(SETITEM)
            if len(chunk) < _BATCH:
                return

    def _save_set(self, obj):
        if self.proto < 4:
            self.save_reduce(set, (list(obj),), obj=obj)
            return
        self.write(EMPTY_SET)
        self.memoize(obj)
        it = iter(obj)
        while True:
            chunk = list(islice(it, _BATCH))
            if chunk:
                self.write(MARK)
                for x in chunk:
                    self.save(x)
                self.write(ADDITEMS)
            if len(chunk) < _BATCH:
                return

    def _save_frozenset(self, obj):
        if self.proto < 4:
            self.save_reduce(frozenset, (list(obj),), obj=obj)
            return
        self.write(MARK)
        for x in obj:
            self.save(x)
        if id(obj) in self.memo:
            self.write(POP_MARK + self._get_op(self.memo[id(obj)][0]))
            return
        self.write(FROZENSET)
        self.memoize(obj)

    def save_global(self, obj, name=None):
        if name is None:
            name = getattr(obj, '__qualname__', None)
            if name is None:
                name = obj.__name__
        module_name = whichmodule(obj, name)
        try:
            __import__(module_name, level=0)
            found = _lookup_dotted(sys.modules[module_name], name)
        except (ImportError, KeyError, AttributeError):
            raise PicklingError(f"Can't pickle {obj!r}: it's not found as "
                                f"{module_name}.{name}") from None
        if found is not obj:
            raise PicklingError(f"Can't pickle {obj!r}: it's not the same "
                                f"object as {module_name}.{name}")
        ext = copyreg._extension_registry.get((module_name, name))
        if self.proto >= 2 and ext:
            if ext <= 0xff:
                self.write(EXT1 + pack('<B', ext))
            elif ext <= 0xffff:
                self.write(EXT2 + pack('<H', ext))
            else:
                self.write(EXT4 + pack('<i', ext))
            return
        if self.proto >= 4:
            self.save(module_name)
            self.save(name)
            self.write(STACK_GLOBAL)
        else:
            if '.' in name:
                # protocols 0-3 can only name a module-level attribute
                parent, _, last = name.rpartition('.')
                if self.proto < 3 or '<locals>' in name:
                    raise PicklingError(f"Can't pickle {obj!r}: qualified "
                                        f"name {name!r} needs protocol 4")
                self.save(getattr)
                self.save((_lookup_dotted(sys.modules[module_name], parent), last))
                self.write(REDUCE)
                self.memoize(obj)
                return
            if self.fix_imports:
                module_name = _PY3_TO_PY2.get(module_name, module_name)
            try:
                line = (module_name.encode('utf-8' if self.proto >= 3 else 'ascii')
                        + b'\n' + name.encode('utf-8' if self.proto >= 3 else 'ascii')
                        + b'\n')
            except UnicodeEncodeError:
                raise PicklingError(f"can't pickle global identifier "
                                    f"'{module_name}.{name}' using pickle "
                                    f"protocol {self.proto}") from None
            self.write(GLOBAL + line)
        self.memoize(obj)

    def _save_singleton_type(self, obj):
        if obj is type(None):
            return self.save_reduce(type, (None,), obj=obj)
        if obj is type(NotImplemented):
            return self.save_reduce(type, (NotImplemented,), obj=obj)
        if obj is type(...):
            return self.save_reduce(type, (...,), obj=obj)
        return self.save_global(obj)

    _writers = {
        type(None): _save_none,
        bool: _save_bool,
        int: _save_int,
        float: _save_float,
        bytes: _save_bytes,
        bytearray: _save_bytearray,
        str: _save_str,
        tuple: _save_tuple,
        list: _save_list,
        dict: _save_dict,
        set: _save_set,
        frozenset: _save_frozenset,
        type: _save_singleton_type,
        type(len): save_global,
        type(lambda: None): save_global,
    }


# -- the reader ------------------------------------------------------------

class _Unpickler:
    """Unpickler(file, *, fix_imports=True, encoding='ASCII', errors='strict', buffers=None)"""

    def __init__(self, file, *, fix_imports=True, encoding="ASCII",
                 errors="strict", buffers=None):
        self._buffers = iter(buffers) if buffers is not None else None
        self._file_read = file.read
        self._file_readline = file.readline
        self._frame = None
        self.memo = {}
        self.encoding = encoding
        self.errors = errors
        self.proto = 0
        self.fix_imports = fix_imports

    # input, through the current frame if there is one
    def _read(self, n):
        if self._frame is not None:
            data = self._frame.read(n)
            if len(data) == n:
                return data
            if data or n == 0:
                raise UnpicklingError("pickle exhausted before end of frame")
            self._frame = None
        data = self._file_read(n)
        if len(data) < n:
            raise UnpicklingError("pickle data was truncated")
        return data

    def _readline(self):
        if self._frame is not None:
            line = self._frame.readline()
            if line:
                if not line.endswith(b'\n'):
                    raise UnpicklingError("pickle exhausted before end of frame")
                return line
            self._frame = None
        line = self._file_readline()
        if not line.endswith(b'\n'):
            raise UnpicklingError("pickle data was truncated")
        return line

    def load(self):
        if not hasattr(self, '_file_read'):
            raise UnpicklingError("Unpickler.__init__() was not called by "
                                  "%s.__init__()" % type(self).__name__)
        self.metastack = []
        self.stack = []
        self.append = self.stack.append
        handlers = self._handlers
        try:
            while True:
                if self._frame is not None:
                    key = self._frame.read(1)
                    if not key:
                        self._frame = None
                        key = self._file_read(1)
                else:
                    key = self._file_read(1)
                if not key:
                    raise EOFError("Ran out of input")
                handler = handlers.get(key[0])
                if handler is None:
                    raise UnpicklingError("invalid load key, '%s'." % chr(key[0]))
                handler(self)
        except _Stop as stop:
            return stop.value

    # MARK saves the current stack on metastack and starts an empty one;
    # the opcodes ending a marked run take that run and reinstate the
    # saved stack (so evaluate _pop_mark() before touching self.append).
    def _pop_mark(self):
        items = self.stack
        if not self.metastack:
            raise UnpicklingError("could not find MARK")
        self.stack = self.metastack.pop()
        self.append = self.stack.append
        return items

    def _underflow(self):
        if self.metastack:
            return UnpicklingError("unexpected MARK found")
        return UnpicklingError("unpickling stack underflow")

    def _top(self):
        if not self.stack:
            raise self._underflow()
        return self.stack[-1]

    def _pop(self):
        if not self.stack:
            raise self._underflow()
        return self.stack.pop()

    def persistent_load(self, pid):
        raise UnpicklingError("A load persistent id instruction was encountered, "
                              "but no persistent_load function was specified.")

    def find_class(self, module, name):
        if self.proto < 3 and self.fix_imports:
            module = _PY2_TO_PY3.get(module, module)
        __import__(module)
        owner = sys.modules[module]
        if self.proto >= 4:
            return _lookup_dotted(owner, name)
        return getattr(owner, name)

    # opcode handlers: each reads its operands and updates the stack
    def _op_proto(self):
        proto = self._read(1)[0]
        if not 0 <= proto <= HIGHEST_PROTOCOL:
            raise ValueError("unsupported pickle protocol: %d" % proto)
        self.proto = proto

    def _op_frame(self):
        size, = unpack('<Q', self._read(8))
        if size > sys.maxsize:
            raise ValueError("frame size > sys.maxsize: %d" % size)
        if self._frame is not None and self._frame.read(1):
            raise UnpicklingError("beginning of a new frame before end of current frame")
        data = self._file_read(size)
        if len(data) < size:
            raise UnpicklingError("pickle exhausted before end of frame")
        self._frame = io.BytesIO(data)

    def _op_stop(self):
        raise _Stop(self._pop())

    def _op_mark(self):
        self.metastack.append(self.stack)
        self.stack = []
        self.append = self.stack.append

    def _op_pop(self):
        if self.stack:
            self.stack.pop()
        elif self.metastack:
            self._pop_mark()
        else:
            raise self._underflow()

    def _op_pop_mark(self):
        self._pop_mark()

    def _op_dup(self):
        self.append(self._top())

    def _op_none(self):
        self.append(None)

    def _op_true(self):
        self.append(True)

    def _op_false(self):
        self.append(False)

    def _op_int(self):
        text = self._readline()[:-1]
        if text == b'00':
            self.append(False)
        elif text == b'01':
            self.append(True)
        else:
            self.append(int(text, 0))

    def _op_binint(self):
        self.append(unpack('<i', self._read(4))[0])

    def _op_binint1(self):
        self.append(self._read(1)[0])

    def _op_binint2(self):
        self.append(unpack('<H', self._read(2))[0])

    def _op_long(self):
        text = self._readline()[:-1]
        if text.endswith(b'L'):
            text = text[:-1]
        self.append(int(text, 0))

    def _op_long1(self):
        n = self._read(1)[0]
        self.append(_decode_long(self._read(n)))

    def _op_long4(self):
        n, = unpack('<i', self._read(4))
        if n < 0:
            raise UnpicklingError("LONG pickle has negative byte count")
        self.append(_decode_long(self._read(n)))

    def _op_float(self):
        self.append(float(self._readline()[:-1]))

    def _op_binfloat(self):
        self.append(unpack('>d', self._read(8))[0])

    def _py2_str(self, raw):
        if self.encoding == 'bytes':
            return raw
        return raw.decode(self.encoding, self.errors)

    def _op_string(self):
        raw = self._readline()[:-1]
        if len(raw) >= 2 and raw[0] == raw[-1] and raw[0] in b'"\'':
            raw = raw[1:-1]
        else:
            raise UnpicklingError("the STRING opcode argument must be quoted")
        # Python 2 string escapes (\\x41, \\n, \\', octal) over ASCII text
        self.append(self._py2_str(raw.decode('unicode_escape').encode('latin1')))

    def _op_binstring(self):
        n, = unpack('<i', self._read(4))
        if n < 0:
            raise UnpicklingError("BINSTRING pickle has negative byte count")
        self.append(self._py2_str(self._read(n)))

    def _op_short_binstring(self):
        n = self._read(1)[0]
        self.append(self._py2_str(self._read(n)))

    def _op_binbytes(self):
        n, = unpack('<I', self._read(4))
        self.append(self._read(n))

    def _op_short_binbytes(self):
        self.append(self._read(self._read(1)[0]))

    def _op_binbytes8(self):
        n, = unpack('<Q', self._read(8))
        if n > sys.maxsize:
            raise UnpicklingError("BINBYTES8 exceeds system's maximum size of %d bytes" % sys.maxsize)
        self.append(self._read(n))

    def _op_bytearray8(self):
        n, = unpack('<Q', self._read(8))
        if n > sys.maxsize:
            raise UnpicklingError("BYTEARRAY8 exceeds system's maximum size of %d bytes" % sys.maxsize)
        self.append(bytearray(self._read(n)))

    def _op_next_buffer(self):
        if self._buffers is None:
            raise UnpicklingError("pickle stream refers to out-of-band data "
                                  "but no *buffers* argument was given")
        try:
            self.append(next(self._buffers))
        except StopIteration:
            raise UnpicklingError("not enough out-of-band buffers") from None

    def _op_readonly_buffer(self):
        buf = self._top()
        try:
            view = memoryview(buf)
        except NameError:
            return
        if not view.readonly:
            self.stack[-1] = view.toreadonly()

    def _op_unicode(self):
        self.append(str(self._readline()[:-1], 'raw-unicode-escape'))

    def _op_binunicode(self):
        n, = unpack('<I', self._read(4))
        self.append(str(self._read(n), 'utf-8', 'surrogatepass'))

    def _op_short_binunicode(self):
        n = self._read(1)[0]
        self.append(str(self._read(n), 'utf-8', 'surrogatepass'))

    def _op_binunicode8(self):
        n, = unpack('<Q', self._read(8))
        if n > sys.maxsize:
            raise UnpicklingError("BINUNICODE8 exceeds system's maximum size of %d bytes" % sys.maxsize)
        self.append(str(self._read(n), 'utf-8', 'surrogatepass'))

    def _op_empty_tuple(self):
        self.append(())

    def _op_tuple(self):
        items = self._pop_mark()
        self.append(tuple(items))

    def _op_tuple1(self):
        if not self.stack:
            raise self._underflow()
        self.stack[-1:] = [tuple(self.stack[-1:])]

    def _op_tuple2(self):
        if len(self.stack) < 2:
            raise self._underflow()
        self.stack[-2:] = [tuple(self.stack[-2:])]

    def _op_tuple3(self):
        if len(self.stack) < 3:
            raise self._underflow()
        self.stack[-3:] = [tuple(self.stack[-3:])]

    def _op_empty_list(self):
        self.append([])

    def _op_list(self):
        items = self._pop_mark()
        self.append(items)

    def _op_append(self):
        value = self._pop()
        self._top().append(value)

    def _op_appends(self):
        items = self._pop_mark()
        target = self._top()
        try:
            extend = target.extend
        except AttributeError:
            for item in items:
                target.append(item)
        else:
            extend(items)

    def _op_empty_dict(self):
        self.append({})

    def _op_dict(self):
        items = self._pop_mark()
        self.append({items[i]: items[i + 1] for i in range(0, len(items), 2)})

    def _op_setitem(self):
        value = self._pop()
        key = self._pop()
        self._top()[key] = value

    def _op_setitems(self):
        items = self._pop_mark()
        target = self._top()
        for i in range(0, len(items), 2):
            target[items[i]] = items[i + 1]

    def _op_empty_set(self):
        self.append(set())

    def _op_additems(self):
        items = self._pop_mark()
        target = self._top()
        if isinstance(target, set):
            target.update(items)
        else:
            for item in items:
                target.add(item)

    def _op_frozenset(self):
        items = self._pop_mark()
        self.append(frozenset(items))

    # memo
    def _memo_get(self, index):
        try:
            self.append(self.memo[index])
        except KeyError:
            raise UnpicklingError("Memo value not found at index %d" % index) from None

    def _op_get(self):
        self._memo_get(int(self._readline()[:-1]))

    def _op_binget(self):
        self._memo_get(self._read(1)[0])

    def _op_long_binget(self):
        self._memo_get(unpack('<I', self._read(4))[0])

    def _op_put(self):
        index = int(self._readline()[:-1])
        if index < 0:
            raise ValueError("negative PUT argument")
        self.memo[index] = self._top()

    def _op_binput(self):
        self.memo[self._read(1)[0]] = self._top()

    def _op_long_binput(self):
        index, = unpack('<I', self._read(4))
        if index > sys.maxsize:
            raise ValueError("negative LONG_BINPUT argument")
        self.memo[index] = self._top()

    def _op_memoize(self):
        self.memo[len(self.memo)] = self._top()

    # objects
    def _op_global(self):
        module = self._readline()[:-1].decode('utf-8')
        name = self._readline()[:-1].decode('utf-8')
        self.append(self.find_class(module, name))

    def _op_stack_global(self):
        name = self._pop()
        module = self._pop()
        if type(name) is not str or type(module) is not str:
            raise UnpicklingError("STACK_GLOBAL requires str")
        self.append(self.find_class(module, name))

    def _load_ext(self, code):
        value = copyreg._extension_cache.get(code)
        if value is not None:
            self.append(value)
            return
        key = copyreg._inverted_registry.get(code)
        if not key:
            if code <= 0:
                raise UnpicklingError("EXT specifies code <= 0")
            raise ValueError("unregistered extension code %d" % code)
        value = self.find_class(*key)
        copyreg._extension_cache[code] = value
        self.append(value)

    def _op_ext1(self):
        self._load_ext(self._read(1)[0])

    def _op_ext2(self):
        self._load_ext(unpack('<H', self._read(2))[0])

    def _op_ext4(self):
        self._load_ext(unpack('<i', self._read(4))[0])

    def _op_reduce(self):
        args = self._pop()
        func = self._top()
        self.stack[-1] = func(*args)

    def _op_newobj(self):
        args = self._pop()
        cls = self._pop()
        self.append(cls.__new__(cls, *args))

    def _op_newobj_ex(self):
        kwargs = self._pop()
        args = self._pop()
        cls = self._pop()
        self.append(cls.__new__(cls, *args, **kwargs))

    def _instantiate(self, cls, args):
        if args or not isinstance(cls, type) or hasattr(cls, '__getinitargs__'):
            try:
                value = cls(*args)
            except TypeError as err:
                raise TypeError("in constructor for %s: %s" %
                                (cls.__name__, str(err)), err.__traceback__)
        else:
            value = cls.__new__(cls)
        self.append(value)

    def _op_inst(self):
        module = self._readline()[:-1].decode('ascii')
        name = self._readline()[:-1].decode('ascii')
        cls = self.find_class(module, name)
        args = self._pop_mark()
        self._instantiate(cls, args)

    def _op_obj(self):
        args = self._pop_mark()
        cls = args.pop(0)
        self._instantiate(cls, args)

    def _op_build(self):
        state = self._pop()
        inst = self._top()
        setstate = getattr(inst, '__setstate__', None)
        if setstate is not None:
            setstate(state)
            return
        slotstate = None
        if isinstance(state, tuple) and len(state) == 2:
            state, slotstate = state
        if state:
            inst_dict = inst.__dict__
            intern = sys.intern
            for k, v in state.items():
                if type(k) is str:
                    inst_dict[intern(k)] = v
                else:
                    inst_dict[k] = v
        if slotstate:
            for k, v in slotstate.items():
                setattr(inst, k, v)

    def _op_persid(self):
        try:
            pid = self._readline()[:-1].decode('ascii')
        except UnicodeDecodeError:
            raise UnpicklingError("persistent IDs in protocol 0 must be ASCII strings")
        self.append(self.persistent_load(pid))

    def _op_binpersid(self):
        pid = self._pop()
        self.append(self.persistent_load(pid))

    _handlers = {}


def _register_handlers():
    table = {
        PROTO: '_op_proto', FRAME: '_op_frame', STOP: '_op_stop',
        MARK: '_op_mark', POP: '_op_pop', POP_MARK: '_op_pop_mark',
        DUP: '_op_dup', NONE: '_op_none', NEWTRUE: '_op_true',
        NEWFALSE: '_op_false', INT: '_op_int', BININT: '_op_binint',
        BININT1: '_op_binint1', BININT2: '_op_binint2', LONG: '_op_long',
        LONG1: '_op_long1', LONG4: '_op_long4', FLOAT: '_op_float',
        BINFLOAT: '_op_binfloat', STRING: '_op_string',
        BINSTRING: '_op_binstring', SHORT_BINSTRING: '_op_short_binstring',
        BINBYTES: '_op_binbytes', SHORT_BINBYTES: '_op_short_binbytes',
        BINBYTES8: '_op_binbytes8', BYTEARRAY8: '_op_bytearray8',
        NEXT_BUFFER: '_op_next_buffer', READONLY_BUFFER: '_op_readonly_buffer',
        UNICODE: '_op_unicode', BINUNICODE: '_op_binunicode',
        SHORT_BINUNICODE: '_op_short_binunicode',
        BINUNICODE8: '_op_binunicode8', EMPTY_TUPLE: '_op_empty_tuple',
        TUPLE: '_op_tuple', TUPLE1: '_op_tuple1', TUPLE2: '_op_tuple2',
        TUPLE3: '_op_tuple3', EMPTY_LIST: '_op_empty_list', LIST: '_op_list',
        APPEND: '_op_append', APPENDS: '_op_appends',
        EMPTY_DICT: '_op_empty_dict', DICT: '_op_dict',
        SETITEM: '_op_setitem', SETITEMS: '_op_setitems',
        EMPTY_SET: '_op_empty_set', ADDITEMS: '_op_additems',
        FROZENSET: '_op_frozenset', GET: '_op_get', BINGET: '_op_binget',
        LONG_BINGET: '_op_long_binget', PUT: '_op_put', BINPUT: '_op_binput',
        LONG_BINPUT: '_op_long_binput', MEMOIZE: '_op_memoize',
        GLOBAL: '_op_global', STACK_GLOBAL: '_op_stack_global',
        EXT1: '_op_ext1', EXT2: '_op_ext2', EXT4: '_op_ext4',
        REDUCE: '_op_reduce', NEWOBJ: '_op_newobj', NEWOBJ_EX: '_op_newobj_ex',
        INST: '_op_inst', OBJ: '_op_obj', BUILD: '_op_build',
        PERSID: '_op_persid', BINPERSID: '_op_binpersid',
    }
    for code, method in table.items():
        _Unpickler._handlers[code[0]] = getattr(_Unpickler, method)

_register_handlers()
del _register_handlers


Pickler = _Pickler
Unpickler = _Unpickler


def dump(obj, file, protocol=None, *, fix_imports=True, buffer_callback=None):
    _Pickler(file, protocol, fix_imports=fix_imports,
             buffer_callback=buffer_callback).dump(obj)


def dumps(obj, protocol=None, *, fix_imports=True, buffer_callback=None):
    out = io.BytesIO()
    _Pickler(out, protocol, fix_imports=fix_imports,
             buffer_callback=buffer_callback).dump(obj)
    return out.getvalue()


def load(file, *, fix_imports=True, encoding="ASCII", errors="strict",
         buffers=None):
    return _Unpickler(file, fix_imports=fix_imports, buffers=buffers,
                      encoding=encoding, errors=errors).load()


def loads(data, /, *, fix_imports=True, encoding="ASCII", errors="strict",
          buffers=None):
    if isinstance(data, str):
        raise TypeError("Can't load pickle from unicode string")
    return _Unpickler(io.BytesIO(data), fix_imports=fix_imports,
                      buffers=buffers, encoding=encoding, errors=errors).load()
