"""Codec registry access: lookup, encode/decode, incremental and stream
coders, BOM constants and error-handler registration.

The actual conversions are the interpreter's str.encode and bytes.decode;
this module puts the codecs API around them.  Encoding names are
normalised (case, '-'/'_'/' ') and common aliases mapped to the names
CPython reports (e.g. 'latin-1' -> 'iso8859-1').
"""

import builtins
import sys

__all__ = ["register", "lookup", "open", "EncodedFile", "BOM", "BOM_BE",
           "BOM_LE", "BOM32_BE", "BOM32_LE", "BOM64_BE", "BOM64_LE",
           "BOM_UTF8", "BOM_UTF16", "BOM_UTF16_LE", "BOM_UTF16_BE",
           "BOM_UTF32", "BOM_UTF32_LE", "BOM_UTF32_BE",
           "CodecInfo", "Codec", "IncrementalEncoder", "IncrementalDecoder",
           "StreamReader", "StreamWriter", "StreamReaderWriter",
           "getencoder", "getdecoder", "getincrementalencoder",
           "getincrementaldecoder", "getreader", "getwriter",
           "encode", "decode", "iterencode", "iterdecode",
           "strict_errors", "ignore_errors", "replace_errors",
           "xmlcharrefreplace_errors", "backslashreplace_errors",
           "namereplace_errors", "register_error", "lookup_error"]

BOM_UTF8 = b'\xef\xbb\xbf'
BOM_LE = BOM_UTF16_LE = b'\xff\xfe'
BOM_BE = BOM_UTF16_BE = b'\xfe\xff'
BOM_UTF32_LE = b'\xff\xfe\x00\x00'
BOM_UTF32_BE = b'\x00\x00\xfe\xff'
if sys.byteorder == 'little':
    BOM = BOM_UTF16 = BOM_UTF16_LE
    BOM_UTF32 = BOM_UTF32_LE
else:
    BOM = BOM_UTF16 = BOM_UTF16_BE
    BOM_UTF32 = BOM_UTF32_BE
BOM32_LE = BOM_UTF16_LE
BOM32_BE = BOM_UTF16_BE
BOM64_LE = BOM_UTF32_LE
BOM64_BE = BOM_UTF32_BE

# normalised alias -> the name CPython's registry reports
_CANONICAL = {
    'utf8': 'utf-8', 'utf-8': 'utf-8', 'u8': 'utf-8', 'utf': 'utf-8',
    'cp65001': 'utf-8', 'utf-8-sig': 'utf-8-sig', 'utf8-sig': 'utf-8-sig',
    'utf16': 'utf-16', 'utf-16': 'utf-16', 'utf-16-le': 'utf-16-le',
    'utf-16le': 'utf-16-le', 'utf-16-be': 'utf-16-be', 'utf-16be': 'utf-16-be',
    'utf32': 'utf-32', 'utf-32': 'utf-32', 'utf-32-le': 'utf-32-le',
    'utf-32le': 'utf-32-le', 'utf-32-be': 'utf-32-be', 'utf-32be': 'utf-32-be',
    'latin-1': 'iso8859-1', 'latin1': 'iso8859-1', 'latin': 'iso8859-1',
    'l1': 'iso8859-1', 'iso-8859-1': 'iso8859-1', 'iso8859-1': 'iso8859-1',
    '8859': 'iso8859-1', 'cp819': 'iso8859-1', 'iso-ir-100': 'iso8859-1',
    'ascii': 'ascii', 'us-ascii': 'ascii', 'us': 'ascii', '646': 'ascii',
    'ansi-x3.4-1968': 'ascii', 'cp1252': 'cp1252', 'windows-1252': 'cp1252',
    'cp437': 'cp437', 'iso-8859-15': 'iso8859-15', 'iso8859-15': 'iso8859-15',
    'latin9': 'iso8859-15', 'unicode-escape': 'unicode-escape',
    'raw-unicode-escape': 'raw-unicode-escape',
}


def _normalize(encoding):
    return encoding.strip().lower().replace('_', '-').replace(' ', '-')


class CodecInfo(tuple):
    """Codec details when looking up the codec registry"""

    _is_text_encoding = True

    def __new__(cls, encode, decode, streamreader=None, streamwriter=None,
                incrementalencoder=None, incrementaldecoder=None, name=None,
                *, _is_text_encoding=None):
        self = tuple.__new__(cls, (encode, decode, streamreader, streamwriter))
        self.name = name
        self.encode = encode
        self.decode = decode
        self.incrementalencoder = incrementalencoder
        self.incrementaldecoder = incrementaldecoder
        self.streamwriter = streamwriter
        self.streamreader = streamreader
        if _is_text_encoding is not None:
            self._is_text_encoding = _is_text_encoding
        return self

    def __repr__(self):
        return "<%s.%s object for encoding %s at %#x>" % \
               (self.__class__.__module__, self.__class__.__qualname__,
                self.name, id(self))

    def __getnewargs__(self):
        return tuple(self)


class Codec:
    """Stateless encoder/decoder interface."""

    def encode(self, input, errors='strict'):
        raise NotImplementedError

    def decode(self, input, errors='strict'):
        raise NotImplementedError


class IncrementalEncoder(object):
    """Encodes input in pieces; the base keeps no state."""

    def __init__(self, errors='strict'):
        self.errors = errors
        self.buffer = ""

    def encode(self, input, final=False):
        raise NotImplementedError

    def reset(self):
        pass

    def getstate(self):
        return 0

    def setstate(self, state):
        pass


class IncrementalDecoder(object):
    """Decodes input in pieces."""

    def __init__(self, errors='strict'):
        self.errors = errors

    def decode(self, input, final=False):
        raise NotImplementedError

    def reset(self):
        pass

    def getstate(self):
        return (b"", 0)

    def setstate(self, state):
        pass


def _make_incremental(name):
    class _Encoder(IncrementalEncoder):
        def __init__(self, errors='strict'):
            super().__init__(errors)
            self._started = False

        def encode(self, input, final=False):
            enc = name
            if self._started and name in ('utf-16', 'utf-32', 'utf-8-sig'):
                # The byte order mark only starts the stream.
                enc = {'utf-16': 'utf-16-le' if sys.byteorder == 'little' else 'utf-16-be',
                       'utf-32': 'utf-32-le' if sys.byteorder == 'little' else 'utf-32-be',
                       'utf-8-sig': 'utf-8'}[name]
            if input:
                self._started = True
            return input.encode(enc, self.errors)

        def reset(self):
            self._started = False

    class _Decoder(IncrementalDecoder):
        def __init__(self, errors='strict'):
            super().__init__(errors)
            self.buffer = b""

        def decode(self, input, final=False):
            data = self.buffer + bytes(input)
            try:
                text = data.decode(name, self.errors)
            except UnicodeDecodeError as e:
                incomplete = (not final and e.end == len(data) and
                              'end of data' in str(e.reason))
                if not incomplete:
                    raise
                text = data[:e.start].decode(name, self.errors)
                self.buffer = data[e.start:]
                return text
            self.buffer = b""
            return text

        def reset(self):
            self.buffer = b""

        def getstate(self):
            return (self.buffer, 0)

        def setstate(self, state):
            self.buffer = state[0]

    _Encoder.__name__ = 'IncrementalEncoder'
    _Decoder.__name__ = 'IncrementalDecoder'
    return _Encoder, _Decoder


_search_functions = []
_cache = {}


def register(search_function):
    """Register a codec search function (name -> CodecInfo or None)."""
    _search_functions.append(search_function)


def unregister(search_function):
    try:
        _search_functions.remove(search_function)
    except ValueError:
        pass
    _cache.clear()


def lookup(encoding):
    """Looks up a codec tuple in the Python codec registry and returns a CodecInfo object."""
    if not isinstance(encoding, str):
        raise TypeError("lookup() argument must be str, not %s" % type(encoding).__name__)
    key = _normalize(encoding)
    info = _cache.get(key)
    if info is not None:
        return info
    for search in _search_functions:
        result = search(key.replace('-', '_'))
        if result is not None:
            _cache[key] = result
            return result
    name = _CANONICAL.get(key, key)
    try:
        ''.encode(name)
    except LookupError:
        raise LookupError('unknown encoding: %s' % encoding) from None

    def encoder(input, errors='strict', _name=name):
        return input.encode(_name, errors), len(input)

    def decoder(input, errors='strict', _name=name):
        data = bytes(input)
        return data.decode(_name, errors), len(data)

    inc_enc, inc_dec = _make_incremental(name)
    info = CodecInfo(encoder, decoder, None, None, inc_enc, inc_dec, name=name)
    info.streamreader = _stream_class(StreamReader, info)
    info.streamwriter = _stream_class(StreamWriter, info)
    _cache[key] = info
    return info


def _stream_class(base, info):
    class _Stream(base):
        encode = staticmethod(info.encode)
        decode = staticmethod(info.decode)
    _Stream.__name__ = base.__name__
    return _Stream


def encode(obj, encoding='utf-8', errors='strict'):
    """Encodes obj using the codec registered for encoding."""
    return lookup(encoding).encode(obj, errors)[0]


def decode(obj, encoding='utf-8', errors='strict'):
    """Decodes obj using the codec registered for encoding."""
    return lookup(encoding).decode(obj, errors)[0]


def getencoder(encoding):
    return lookup(encoding).encode


def getdecoder(encoding):
    return lookup(encoding).decode


def getincrementalencoder(encoding):
    encoder = lookup(encoding).incrementalencoder
    if encoder is None:
        raise LookupError(encoding)
    return encoder


def getincrementaldecoder(encoding):
    decoder = lookup(encoding).incrementaldecoder
    if decoder is None:
        raise LookupError(encoding)
    return decoder


def getreader(encoding):
    return lookup(encoding).streamreader


def getwriter(encoding):
    return lookup(encoding).streamwriter


def iterencode(iterator, encoding, errors='strict', **kwargs):
    """Encoding iterator: encodes the strings from iterator."""
    encoder = getincrementalencoder(encoding)(errors, **kwargs)
    for input in iterator:
        output = encoder.encode(input)
        if output:
            yield output
    output = encoder.encode("", True)
    if output:
        yield output


def iterdecode(iterator, encoding, errors='strict', **kwargs):
    """Decoding iterator: decodes the byte strings from iterator."""
    decoder = getincrementaldecoder(encoding)(errors, **kwargs)
    for input in iterator:
        output = decoder.decode(input)
        if output:
            yield output
    output = decoder.decode(b"", True)
    if output:
        yield output


class StreamWriter(Codec):
    """Writes encoded text to a binary stream."""

    def __init__(self, stream, errors='strict'):
        self.stream = stream
        self.errors = errors

    def write(self, object):
        data, consumed = self.encode(object, self.errors)
        self.stream.write(data)

    def writelines(self, list):
        self.write(''.join(list))

    def reset(self):
        pass

    def __getattr__(self, name):
        return getattr(self.stream, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stream.close()


class StreamReader(Codec):
    """Reads and decodes text from a binary stream."""

    def __init__(self, stream, errors='strict'):
        self.stream = stream
        self.errors = errors

    def read(self, size=-1, chars=-1, firstline=False):
        data = self.stream.read() if size < 0 else self.stream.read(size)
        return self.decode(data, self.errors)[0]

    def readline(self, size=None, keepends=True):
        line = self.stream.readline()
        text = self.decode(line, self.errors)[0]
        return text if keepends else text.rstrip('\r\n')

    def readlines(self, sizehint=None, keepends=True):
        return self.read().splitlines(keepends)

    def reset(self):
        pass

    def __iter__(self):
        return self

    def __next__(self):
        line = self.readline()
        if line:
            return line
        raise StopIteration

    def __getattr__(self, name):
        return getattr(self.stream, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stream.close()


class StreamReaderWriter:
    """Wraps a stream with a reader and a writer of one codec."""

    def __init__(self, stream, Reader, Writer, errors='strict'):
        self.stream = stream
        self.reader = Reader(stream, errors)
        self.writer = Writer(stream, errors)
        self.errors = errors

    def read(self, size=-1):
        return self.reader.read(size)

    def readline(self, size=None):
        return self.reader.readline(size)

    def readlines(self, sizehint=None):
        return self.reader.readlines(sizehint)

    def write(self, data):
        return self.writer.write(data)

    def writelines(self, list):
        return self.writer.writelines(list)

    def __iter__(self):
        return iter(self.reader)

    def __getattr__(self, name):
        return getattr(self.stream, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stream.close()


def open(filename, mode='r', encoding=None, errors='strict', buffering=-1):
    """Open an encoded file (text mode with the given encoding)."""
    if encoding is None:
        return builtins.open(filename, mode, buffering)
    mode = mode.replace('b', '')
    return builtins.open(filename, mode, buffering, encoding=encoding,
                         errors=errors)


def EncodedFile(file, data_encoding, file_encoding=None, errors='strict'):
    """Return a wrapped file translating between two encodings."""
    if file_encoding is None:
        file_encoding = data_encoding
    info = lookup(file_encoding)
    return StreamReaderWriter(file, info.streamreader, info.streamwriter, errors)


# -- error handlers (the names the interpreter knows; extra handlers are
# kept here for lookup_error)
_error_handlers = {}


def register_error(name, handler):
    """Register an error handler under name."""
    if not callable(handler):
        raise TypeError("handler must be callable")
    _error_handlers[name] = handler


def _builtin_handler(name):
    def handler(exc):
        if not isinstance(exc, UnicodeError):
            raise TypeError("don't know how to handle %s in error callback"
                            % type(exc).__name__)
        if name == 'strict':
            raise exc
        if name == 'ignore':
            return ('', exc.end)
        if isinstance(exc, UnicodeEncodeError):
            bad = exc.object[exc.start:exc.end]
            if name == 'replace':
                return ('?' * len(bad), exc.end)
            if name == 'xmlcharrefreplace':
                return (''.join('&#%d;' % ord(c) for c in bad), exc.end)
            if name == 'backslashreplace':
                return (bad.encode('ascii', 'backslashreplace').decode('ascii'), exc.end)
            if name == 'namereplace':
                return (bad.encode('ascii', 'namereplace').decode('ascii'), exc.end)
        if isinstance(exc, UnicodeDecodeError):
            bad = exc.object[exc.start:exc.end]
            if name == 'replace':
                return ('\ufffd', exc.end)
            if name == 'backslashreplace':
                return (''.join('\\x%02x' % b for b in bad), exc.end)
        raise exc
    handler.__name__ = name + '_errors'
    return handler


strict_errors = _builtin_handler('strict')
ignore_errors = _builtin_handler('ignore')
replace_errors = _builtin_handler('replace')
xmlcharrefreplace_errors = _builtin_handler('xmlcharrefreplace')
backslashreplace_errors = _builtin_handler('backslashreplace')
namereplace_errors = _builtin_handler('namereplace')

for _name in ('strict', 'ignore', 'replace', 'xmlcharrefreplace',
              'backslashreplace', 'namereplace'):
    _error_handlers[_name] = globals()[_name + '_errors']
del _name


def lookup_error(name):
    """Return the error handler registered under name."""
    try:
        return _error_handlers[name]
    except KeyError:
        raise LookupError('unknown error handler name %r' % name) from None
