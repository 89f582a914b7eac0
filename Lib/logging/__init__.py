"""Logging: loggers arranged in a dotted-name hierarchy, handlers that
emit records (StreamHandler, FileHandler, NullHandler), formatters with
%-, {- and $-style templates, filters, and the module-level helpers
(basicConfig, getLogger, debug/info/warning/error/critical/exception).

An unconfigured program behaves like CPython: records at WARNING and
above are written to sys.stderr as just the message (the last-resort
handler); basicConfig() installs "LEVEL:name:message" on stderr.
"""

import os
import sys
import time

try:
    import threading as _threading
    _lock = _threading.RLock()
except Exception:
    _threading = None

    class _NoLock:
        def __enter__(self):
            return self

        def __exit__(self, *a):
            return False

        def acquire(self):
            return True

        def release(self):
            pass
    _lock = _NoLock()

__all__ = ['BASIC_FORMAT', 'BufferingFormatter', 'CRITICAL', 'DEBUG', 'ERROR',
           'FATAL', 'FileHandler', 'Filter', 'Formatter', 'Handler', 'INFO',
           'LogRecord', 'Logger', 'LoggerAdapter', 'NOTSET', 'NullHandler',
           'StreamHandler', 'WARN', 'WARNING', 'addLevelName', 'basicConfig',
           'captureWarnings', 'critical', 'debug', 'disable', 'error',
           'exception', 'fatal', 'getLevelName', 'getLogger', 'getLoggerClass',
           'info', 'log', 'makeLogRecord', 'setLoggerClass', 'shutdown',
           'warn', 'warning', 'getLogRecordFactory', 'setLogRecordFactory',
           'lastResort', 'raiseExceptions', 'getLevelNamesMapping',
           'getHandlerByName', 'getHandlerNames']

raiseExceptions = True
logThreads = True
logMultiprocessing = True
logProcesses = True
logAsyncioTasks = True

_startTime = time.time()

CRITICAL = 50
FATAL = CRITICAL
ERROR = 40
WARNING = 30
WARN = WARNING
INFO = 20
DEBUG = 10
NOTSET = 0

_levelToName = {
    CRITICAL: 'CRITICAL',
    ERROR: 'ERROR',
    WARNING: 'WARNING',
    INFO: 'INFO',
    DEBUG: 'DEBUG',
    NOTSET: 'NOTSET',
}
_nameToLevel = {
    'CRITICAL': CRITICAL,
    'FATAL': FATAL,
    'ERROR': ERROR,
    'WARN': WARNING,
    'WARNING': WARNING,
    'INFO': INFO,
    'DEBUG': DEBUG,
    'NOTSET': NOTSET,
}


def getLevelNamesMapping():
    return _nameToLevel.copy()


def getLevelName(level):
    """Return the textual or numeric representation of logging level 'level'."""
    result = _levelToName.get(level)
    if result is not None:
        return result
    result = _nameToLevel.get(level)
    if result is not None:
        return result
    return "Level %s" % level


def addLevelName(level, levelName):
    """Associate 'levelName' with 'level'."""
    with _lock:
        _levelToName[level] = levelName
        _nameToLevel[levelName] = level


# findCaller starts from the frame that called into this module and skips
# frames whose code lives in this file.
currentframe = lambda: sys._getframe(1)
_srcfile = os.path.normcase(addLevelName.__code__.co_filename)


def _checkLevel(level):
    if isinstance(level, int):
        rv = level
    elif str(level) == level:
        if level not in _nameToLevel:
            raise ValueError("Unknown level: %r" % level)
        rv = _nameToLevel[level]
    else:
        raise TypeError("Level not an integer or a valid string: %r"
                        % (level,))
    return rv


# ---------------------------------------------------------------- records

class LogRecord(object):
    """An event being logged: level, message and arguments, where it came
    from (pathname, lineno, funcName), time, thread and exception info."""

    def __init__(self, name, level, pathname, lineno,
                 msg, args, exc_info, func=None, sinfo=None, **kwargs):
        ct = time.time()
        self.name = name
        self.msg = msg
        if (args and len(args) == 1 and isinstance(args[0], dict)
                and args[0]):
            args = args[0]
        self.args = args
        self.levelname = getLevelName(level)
        self.levelno = level
        self.pathname = pathname
        try:
            self.filename = pathname.rpartition('/')[2]
            self.module = self.filename.rpartition('.')[0] or self.filename
        except (TypeError, ValueError, AttributeError):
            self.filename = pathname
            self.module = "Unknown module"
        self.exc_info = exc_info
        self.exc_text = None
        self.stack_info = sinfo
        self.lineno = lineno
        self.funcName = func
        self.created = ct
        self.msecs = int((ct - int(ct)) * 1000) + 0.0
        self.relativeCreated = (ct - _startTime) * 1000
        if logThreads and _threading is not None:
            try:
                self.thread = _threading.get_ident()
                self.threadName = _threading.current_thread().name
            except Exception:
                self.thread = None
                self.threadName = None
        else:
            self.thread = None
            self.threadName = None
        self.processName = 'MainProcess' if logMultiprocessing else None
        try:
            import os
            self.process = os.getpid() if logProcesses else None
        except Exception:
            self.process = None
        self.taskName = None

    def __repr__(self):
        return '<LogRecord: %s, %s, %s, %s, "%s">' % (
            self.name, self.levelno, self.pathname, self.lineno, self.msg)

    def getMessage(self):
        """Return the message for this LogRecord (msg % args when args)."""
        msg = str(self.msg)
        if self.args:
            msg = msg % self.args
        return msg


_logRecordFactory = LogRecord


def setLogRecordFactory(factory):
    global _logRecordFactory
    _logRecordFactory = factory


def getLogRecordFactory():
    return _logRecordFactory


def makeLogRecord(dict):
    """Make a LogRecord whose attributes are defined by the specified dictionary."""
    rv = _logRecordFactory(None, None, "", 0, "", (), None, None)
    rv.__dict__.update(dict)
    return rv


# ---------------------------------------------------------------- formatters
#
# A style object holds a format string of one syntax and renders a record's
# attributes (over the defaults, if any) into it.  The subclasses differ
# only in the class attributes and in _render / the validate() marker.

class PercentStyle(object):
    default_format = '%(message)s'
    asctime_format = '%(asctime)s'
    asctime_search = '%(asctime)'

    def __init__(self, fmt, *, defaults=None):
        self._fmt = fmt or self.default_format
        self._defaults = defaults

    def usesTime(self):
        return self.asctime_search in self._fmt

    def validate(self):
        if '%(' not in self._fmt:
            raise ValueError("Invalid format '%s' for '%s' style"
                             % (self._fmt, self.default_format[0]))

    def _values(self, record):
        if self._defaults:
            return self._defaults | record.__dict__
        return record.__dict__

    def _render(self, values):
        return self._fmt % values

    def _format(self, record):
        return self._render(self._values(record))

    def format(self, record):
        try:
            return self._format(record)
        except KeyError as e:
            raise ValueError('Formatting field not found in record: %s' % e)


class StrFormatStyle(PercentStyle):
    default_format = '{message}'
    asctime_format = '{asctime}'
    asctime_search = '{asctime'

    def validate(self):
        if '{' not in self._fmt:
            raise ValueError('invalid format: no fields')

    def _render(self, values):
        return self._fmt.format(**values)


class StringTemplateStyle(PercentStyle):
    default_format = '${message}'
    asctime_format = '${asctime}'
    asctime_search = '${asctime}'

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from string import Template
        self._tpl = Template(self._fmt)

    def usesTime(self):
        return '$asctime' in self._fmt or self.asctime_search in self._fmt

    def validate(self):
        if '$' not in self._fmt:
            raise ValueError('invalid format: no fields')

    def _render(self, values):
        return self._tpl.substitute(**values)


BASIC_FORMAT = "%(levelname)s:%(name)s:%(message)s"

# style character -> (style class, the basicConfig format in that style)
_STYLES = {
    '%': (PercentStyle, BASIC_FORMAT),
    '{': (StrFormatStyle, '{levelname}:{name}:{message}'),
    '$': (StringTemplateStyle, '${levelname}:${name}:${message}'),
}


def _append_block(text, block):
    """text, then block on a line of its own."""
    if not text.endswith('\n'):
        text += '\n'
    return text + block


class Formatter(object):
    """Turns a LogRecord into text using a format string ('%(message)s'
    by default) and a date format for %(asctime)s."""

    converter = time.localtime if hasattr(time, 'localtime') else None

    default_time_format = '%Y-%m-%d %H:%M:%S'
    default_msec_format = '%s,%03d'

    def __init__(self, fmt=None, datefmt=None, style='%', validate=True, *,
                 defaults=None):
        try:
            style_class = _STYLES[style][0]
        except KeyError:
            raise ValueError('Style must be one of: %s'
                             % ','.join(_STYLES.keys())) from None
        self._style = style_class(fmt, defaults=defaults)
        if validate:
            self._style.validate()
        self._fmt = self._style._fmt
        self.datefmt = datefmt

    def formatTime(self, record, datefmt=None):
        """The record's creation time as text (datefmt, or the default
        format with milliseconds)."""
        when = self.converter(record.created)
        if datefmt:
            return time.strftime(datefmt, when)
        text = time.strftime(self.default_time_format, when)
        if self.default_msec_format:
            text = self.default_msec_format % (text, record.msecs)
        return text

    def formatException(self, ei):
        """The traceback of exc_info ei, without its last newline."""
        import traceback
        text = ''.join(traceback.format_exception(*ei[:3]))
        return text[:-1] if text.endswith('\n') else text

    def usesTime(self):
        return self._style.usesTime()

    def formatMessage(self, record):
        return self._style.format(record)

    def formatStack(self, stack_info):
        return stack_info

    def format(self, record):
        """The record as text: the formatted message, then the exception
        text and the stack text, each on lines of their own."""
        record.message = record.getMessage()
        if self.usesTime():
            record.asctime = self.formatTime(record, self.datefmt)
        text = self.formatMessage(record)
        if record.exc_info and not record.exc_text:
            # Cached on the record: every handler reuses it.
            record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:
            text = _append_block(text, record.exc_text)
        if record.stack_info:
            text = _append_block(text, self.formatStack(record.stack_info))
        return text


_defaultFormatter = Formatter()


class BufferingFormatter(object):
    """Formats a batch of records: header, one line per record, footer."""

    def __init__(self, linefmt=None):
        self.linefmt = linefmt or _defaultFormatter

    def formatHeader(self, records):
        return ""

    def formatFooter(self, records):
        return ""

    def format(self, records):
        if not len(records):
            return ""
        parts = [self.formatHeader(records)]
        parts.extend(self.linefmt.format(record) for record in records)
        parts.append(self.formatFooter(records))
        return ''.join(parts)


# ---------------------------------------------------------------- filters

class Filter(object):
    """Lets through records from a logger and its children ('A.B' passes
    'A.B' and 'A.B.C' but not 'A.BB'); the empty name passes everything."""

    def __init__(self, name=''):
        self.name = name
        self.nlen = len(name)

    def filter(self, record):
        if self.nlen == 0:
            return True
        elif self.name == record.name:
            return True
        elif record.name.find(self.name, 0, self.nlen) != 0:
            return False
        return (record.name[self.nlen] == ".")


class Filterer(object):
    """Base class for loggers and handlers: a list of filters."""

    def __init__(self):
        self.filters = []

    def addFilter(self, filter):
        if not (filter in self.filters):
            self.filters.append(filter)

    def removeFilter(self, filter):
        if filter in self.filters:
            self.filters.remove(filter)

    def filter(self, record):
        """Apply the filters: False drops the record; a filter may return
        a replacement record."""
        for f in self.filters:
            if hasattr(f, 'filter'):
                result = f.filter(record)
            else:
                result = f(record)
            if not result:
                return False
            if isinstance(result, LogRecord):
                record = result
        return record


# ---------------------------------------------------------------- handlers

_handlers = {}          # name -> handler, for handlers that have a name
_handlerList = []       # every handler made, for shutdown()


def getHandlerByName(name):
    return _handlers.get(name)


def getHandlerNames():
    return frozenset(_handlers)


def _new_handler_lock():
    return _threading.RLock() if _threading is not None else _NoLock()


def _report_emit_failure(record, exc_info):
    """What handleError writes to stderr: the exception, where the logging
    call was made, and the message and arguments."""
    import traceback
    write = sys.stderr.write
    write('--- Logging error ---\n')
    traceback.print_exception(*exc_info, None, sys.stderr)
    write('Call stack:\n')
    # Walk out of this module's frames to the caller that logged.
    try:
        frame = exc_info[2].tb_frame
        while (frame is not None
               and os.path.dirname(frame.f_code.co_filename) == __path__[0]):
            frame = frame.f_back
    except AttributeError:          # no frame objects to walk
        frame = None
    if frame is not None:
        traceback.print_stack(frame, file=sys.stderr)
    else:
        write('Logged from file %s, line %s\n' % (record.filename, record.lineno))
    try:
        write('Message: %r\nArguments: %s\n' % (record.msg, record.args))
    except RecursionError:
        raise
    except Exception:
        write('Unable to print the message and arguments'
              ' - possible formatting error.\nUse the'
              ' traceback above to help find the error.\n')


class Handler(Filterer):
    """Dispatches records to a destination; subclasses define emit()."""

    def __init__(self, level=NOTSET):
        Filterer.__init__(self)
        self._name = None
        self.level = _checkLevel(level)
        self.formatter = None
        self._closed = False
        self.createLock()
        with _lock:
            _handlerList.append(self)

    def __repr__(self):
        return '<%s (%s)>' % (self.__class__.__name__, getLevelName(self.level))

    # the name, registered module-wide
    def get_name(self):
        return self._name

    def set_name(self, name):
        with _lock:
            if self._name in _handlers:
                del _handlers[self._name]
            self._name = name
            if name:
                _handlers[name] = self

    name = property(get_name, set_name)

    # the I/O lock
    def createLock(self):
        self.lock = _new_handler_lock()

    def acquire(self):
        self.lock.acquire()

    def release(self):
        self.lock.release()

    # configuration
    def setLevel(self, level):
        """Handle only records of this level or above."""
        self.level = _checkLevel(level)

    def setFormatter(self, fmt):
        self.formatter = fmt

    # output
    def format(self, record):
        return (self.formatter or _defaultFormatter).format(record)

    def emit(self, record):
        raise NotImplementedError('emit must be implemented '
                                  'by Handler subclasses')

    def handle(self, record):
        """Run the filters, then emit() under the lock.  Returns what the
        filters returned (a record, or false when dropped)."""
        verdict = self.filter(record)
        if isinstance(verdict, LogRecord):
            record = verdict
        if verdict:
            with self.lock:
                self.emit(record)
        return verdict

    def flush(self):
        pass

    def close(self):
        with _lock:
            self._closed = True
            if self._name and self._name in _handlers:
                del _handlers[self._name]

    def handleError(self, record):
        """Called from emit() on failure: report it on stderr when
        raiseExceptions is set, otherwise stay silent."""
        if not (raiseExceptions and sys.stderr):
            return
        exc_info = sys.exc_info()
        try:
            _report_emit_failure(record, exc_info)
        except OSError:
            pass
        finally:
            exc_info = None


class StreamHandler(Handler):
    """Writes formatted records, each followed by a newline, to a stream
    (sys.stderr by default)."""

    terminator = '\n'

    def __init__(self, stream=None):
        Handler.__init__(self)
        self.stream = sys.stderr if stream is None else stream

    def __repr__(self):
        name = str(getattr(self.stream, 'name', ''))
        return '<%s %s(%s)>' % (self.__class__.__name__,
                                name + ' ' if name else '',
                                getLevelName(self.level))

    def flush(self):
        with self.lock:
            if self.stream and hasattr(self.stream, "flush"):
                self.stream.flush()

    def emit(self, record):
        try:
            self.stream.write(self.format(record) + self.terminator)
            self.flush()
        except RecursionError:
            raise
        except Exception:
            self.handleError(record)

    def setStream(self, stream):
        """Switch to another stream; return the previous one (None if the
        stream is unchanged)."""
        if stream is self.stream:
            return None
        previous = self.stream
        with self.lock:
            self.flush()
            self.stream = stream
        return previous


class FileHandler(StreamHandler):
    """A handler appending (by default) to a file, opened on creation or,
    with delay, at the first record."""

    def __init__(self, filename, mode='a', encoding=None, delay=False, errors=None):
        try:
            self.baseFilename = os.path.abspath(os.fspath(filename))
        except Exception:
            self.baseFilename = filename
        self.mode = mode
        self.encoding = encoding if 'b' in mode else (encoding or 'utf-8')
        self.errors = errors
        self.delay = delay
        # Kept so that close() at interpreter exit can still open files.
        self._builtin_open = open
        if delay:
            Handler.__init__(self)
            self.stream = None
        else:
            StreamHandler.__init__(self, self._open())

    def __repr__(self):
        return '<%s %s (%s)>' % (self.__class__.__name__, self.baseFilename,
                                 getLevelName(self.level))

    def _open(self):
        return self._builtin_open(self.baseFilename, self.mode,
                                  encoding=self.encoding, errors=self.errors)

    def emit(self, record):
        # A delayed file opens now; a closed 'w' handler must not reopen
        # (and truncate) its file.
        if self.stream is None and (self.mode != 'w' or not self._closed):
            self.stream = self._open()
        if self.stream:
            StreamHandler.emit(self, record)

    def close(self):
        with self.lock:
            try:
                stream = self.stream
                if stream:
                    try:
                        self.flush()
                    finally:
                        self.stream = None
                        if hasattr(stream, "close"):
                            stream.close()
            finally:
                StreamHandler.close(self)


class _StderrHandler(StreamHandler):
    """Writes to whatever sys.stderr is at the time of emitting."""

    def __init__(self, level=NOTSET):
        Handler.__init__(self, level)

    @property
    def stream(self):
        return sys.stderr


_defaultLastResort = _StderrHandler(WARNING)
lastResort = _defaultLastResort


class NullHandler(Handler):
    """Discards every record (for libraries that log but leave the
    configuration to the application)."""

    def handle(self, record):
        """Does nothing."""

    def emit(self, record):
        """Does nothing."""

    def createLock(self):
        self.lock = None


# ---------------------------------------------------------------- loggers
#
# The hierarchy lives in Manager.loggerDict: dotted name -> Logger, or a
# PlaceHolder for a name that only exists as the prefix of loggers made
# earlier.  Every logger points at its nearest existing ancestor; when a
# logger is made for a name that had a PlaceHolder, the loggers waiting in
# it are re-pointed at the newcomer.

class PlaceHolder(object):
    """loggerDict entry for a dotted prefix that has no logger of its own
    yet.  loggerMap's keys are the loggers below it, oldest first."""

    def __init__(self, alogger):
        self.loggerMap = dict.fromkeys((alogger,))

    def append(self, alogger):
        self.loggerMap.setdefault(alogger, None)


_loggerClass = None


def setLoggerClass(klass):
    """Make getLogger() build new loggers as instances of klass, which must
    be Logger or a subclass of it."""
    if klass is not Logger and not issubclass(klass, Logger):
        raise TypeError("logger not derived from logging.Logger: "
                        + klass.__name__)
    global _loggerClass
    _loggerClass = klass


def getLoggerClass():
    """The class getLogger() instantiates for new names."""
    return _loggerClass


def _enclosing_names(name):
    # 'a.b.c' -> 'a.b', 'a' (nearest first).  The character just before a
    # cut is never searched again, so a run of dots yields one prefix only
    # (kept so that odd names map the way they always have).
    cut = name.rfind('.')
    while cut > 0:
        yield name[:cut]
        cut = name.rfind('.', 0, cut - 1)


class Manager(object):
    """Owns the logger namespace below one root logger."""

    def __init__(self, rootnode):
        self.root = rootnode
        self.loggerDict = {}
        self.loggerClass = None          # per-manager override of the class
        self.logRecordFactory = None
        self.emittedNoHandlerWarning = False
        self.disable = 0

    # A level at or below which nothing is logged, whatever the loggers say;
    # stored validated, as logging.disable() and dictConfig assign it.
    disable = property(lambda self: self._disable,
                       lambda self, value: setattr(self, '_disable',
                                                   _checkLevel(value)))

    def getLogger(self, name):
        """The logger called name, made (and linked into the tree) on first
        use."""
        if not isinstance(name, str):
            raise TypeError('A logger name must be a string')
        with _lock:
            entry = self.loggerDict.get(name)
            if isinstance(entry, Logger):
                return entry
            factory = self.loggerClass or _loggerClass
            made = factory(name)
            made.manager = self
            self.loggerDict[name] = made
            if isinstance(entry, PlaceHolder):
                self._adopt(made, entry)
            self._hang(made)
            return made

    def setLoggerClass(self, klass):
        """Class for loggers this manager makes (overrides setLoggerClass)."""
        self.loggerClass = klass

    def setLogRecordFactory(self, factory):
        self.logRecordFactory = factory

    def _hang(self, logger):
        # Point logger at its nearest existing ancestor; every missing
        # prefix on the way up gets (or joins) a PlaceHolder.
        table = self.loggerDict
        for prefix in _enclosing_names(logger.name):
            entry = table.get(prefix)
            if entry is None:
                table[prefix] = PlaceHolder(logger)
            elif isinstance(entry, PlaceHolder):
                entry.append(logger)
            else:
                logger.parent = entry
                return
        logger.parent = self.root

    def _adopt(self, logger, placeholder):
        # Loggers that waited below logger's name and still hang on
        # something above it move under logger.
        name = logger.name
        for waiting in placeholder.loggerMap:
            if not waiting.parent.name.startswith(name):
                waiting.parent = logger

    def _clear_cache(self):
        # Levels changed somewhere: every logger's isEnabledFor answers may
        # be stale.
        with _lock:
            self.root._cache.clear()
            for entry in self.loggerDict.values():
                if isinstance(entry, Logger):
                    entry._cache.clear()


_RESERVED_RECORD_KEYS = frozenset(("message", "asctime"))


def _as_exc_info(value):
    # exc_info= accepts an exception, a (type, value, tb) tuple, or any
    # other true value meaning "the exception being handled now".
    if isinstance(value, BaseException):
        return type(value), value, value.__traceback__
    if isinstance(value, tuple):
        return value
    return sys.exc_info()


def _is_internal_frame(frame):
    # Frames of this module (and of the import machinery) are never "the
    # caller" of a logging call.
    where = os.path.normcase(frame.f_code.co_filename)
    if where == _srcfile:
        return True
    return "importlib" in where and "_bootstrap" in where


def _at_level(level, name, doc):
    # Logger.debug/info/...: one shape, so made once here.
    def log_at_level(self, msg, *args, **kwargs):
        if self.isEnabledFor(level):
            self._log(level, msg, args, **kwargs)
    log_at_level.__name__ = name
    log_at_level.__qualname__ = 'Logger.' + name
    log_at_level.__doc__ = doc
    return log_at_level


class Logger(Filterer):
    """A named source of log records.  A record passes the logger's level
    and filters, then goes to its handlers and, while propagate is true,
    to the handlers of each ancestor in turn."""

    def __init__(self, name, level=NOTSET):
        Filterer.__init__(self)
        self.name = name
        self.parent = None               # set when the manager links it
        self.level = _checkLevel(level)
        self.handlers = []
        self.propagate = True
        self.disabled = False
        self._cache = {}                 # level -> isEnabledFor answer

    # -- levels

    def setLevel(self, level):
        """Set this logger's own threshold (a number or a level name)."""
        self.level = _checkLevel(level)
        self.manager._clear_cache()

    def getEffectiveLevel(self):
        """The first non-zero level found going up from this logger."""
        node = self
        while node is not None:
            if node.level:
                return node.level
            node = node.parent
        return NOTSET

    def isEnabledFor(self, level):
        """Would a record at this level get past this logger's threshold?"""
        if self.disabled:
            return False
        answer = self._cache.get(level)
        if answer is None:
            with _lock:
                answer = (self.manager.disable < level
                          and level >= self.getEffectiveLevel())
                self._cache[level] = answer
        return answer

    # -- the logging calls

    debug = _at_level(DEBUG, 'debug',
                      "Log msg % args at DEBUG level.")
    info = _at_level(INFO, 'info',
                     "Log msg % args at INFO level.")
    warning = _at_level(WARNING, 'warning',
                        "Log msg % args at WARNING level.")
    error = _at_level(ERROR, 'error',
                      "Log msg % args at ERROR level.")
    critical = _at_level(CRITICAL, 'critical',
                         "Log msg % args at CRITICAL level.")
    fatal = critical

    def warn(self, msg, *args, **kwargs):
        """Deprecated spelling of warning()."""
        import warnings
        warnings.warn("The 'warn' method is deprecated, "
                      "use 'warning' instead", DeprecationWarning, 2)
        self.warning(msg, *args, **kwargs)

    def exception(self, msg, *args, exc_info=True, **kwargs):
        """error() with the exception being handled attached."""
        self.error(msg, *args, exc_info=exc_info, **kwargs)

    def log(self, level, msg, *args, **kwargs):
        """Log msg % args at the given numeric level."""
        if not isinstance(level, int):
            if not raiseExceptions:
                return
            raise TypeError("level must be an integer")
        if self.isEnabledFor(level):
            self._log(level, msg, args, **kwargs)

    # -- making records

    def findCaller(self, stack_info=False, stacklevel=1):
        """(filename, line, function, stack text or None) of the code that
        called into logging; stacklevel > 1 skips that many more callers
        (stopping at the outermost frame)."""
        frame = currentframe()
        if frame is None:
            return "(unknown file)", 0, "(unknown function)", None
        remaining = stacklevel
        while remaining > 0 and frame.f_back is not None:
            frame = frame.f_back
            if not _is_internal_frame(frame):
                remaining -= 1
        code = frame.f_code
        stack = None
        if stack_info:
            import traceback
            lines = traceback.format_stack(frame)
            stack = ('Stack (most recent call last):\n'
                     + ''.join(lines)).removesuffix('\n')
        return code.co_filename, frame.f_lineno, code.co_name, stack

    def makeRecord(self, name, level, fn, lno, msg, args, exc_info,
                   func=None, extra=None, sinfo=None):
        """Build the LogRecord (through the record factory) and merge extra
        into it; extra may not replace anything the record already has."""
        record = _logRecordFactory(name, level, fn, lno, msg, args,
                                   exc_info, func, sinfo)
        if extra is not None:
            fields = record.__dict__
            for key in extra:
                if key in _RESERVED_RECORD_KEYS or key in fields:
                    raise KeyError("Attempt to overwrite %r in LogRecord"
                                   % key)
                fields[key] = extra[key]
        return record

    def _log(self, level, msg, args, exc_info=None, extra=None,
             stack_info=False, stacklevel=1):
        filename, lineno, funcname, stack = self.findCaller(stack_info,
                                                            stacklevel)
        if exc_info:
            exc_info = _as_exc_info(exc_info)
        self.handle(self.makeRecord(self.name, level, filename, lineno, msg,
                                    args, exc_info, funcname, extra, stack))

    # -- dispatch

    def handle(self, record):
        """Run the logger's filters (which may substitute the record), then
        hand it to the handlers."""
        if self.disabled:
            return
        verdict = self.filter(record)
        if not verdict:
            return
        self.callHandlers(verdict if isinstance(verdict, LogRecord)
                          else record)

    def _propagation_path(self):
        # This logger, then the ancestors a record reaches from it.
        node = self
        while node is not None:
            yield node
            if not node.propagate:
                return
            node = node.parent

    def callHandlers(self, record):
        """Give the record to every handler on the propagation path whose
        level it meets; with no handlers at all, use lastResort."""
        any_handler = False
        for node in self._propagation_path():
            for handler in node.handlers:
                any_handler = True
                if record.levelno >= handler.level:
                    handler.handle(record)
        if not any_handler:
            self._unhandled(record)

    def _unhandled(self, record):
        if lastResort:
            if record.levelno >= lastResort.level:
                lastResort.handle(record)
            return
        manager = self.manager
        if raiseExceptions and not manager.emittedNoHandlerWarning:
            sys.stderr.write('No handlers could be found for logger "%s"\n'
                             % self.name)
            manager.emittedNoHandlerWarning = True

    def addHandler(self, hdlr):
        """Attach a handler (once)."""
        with _lock:
            if hdlr not in self.handlers:
                self.handlers.append(hdlr)

    def removeHandler(self, hdlr):
        """Detach a handler if attached."""
        with _lock:
            if hdlr in self.handlers:
                self.handlers.remove(hdlr)

    def hasHandlers(self):
        """Is there any handler on this logger's propagation path?"""
        return any(node.handlers for node in self._propagation_path())

    # -- the tree

    def getChild(self, suffix):
        """The logger named suffix below this one ('a' + 'b.c' -> 'a.b.c')."""
        if self is not self.root:
            suffix = self.name + '.' + suffix
        return self.manager.getLogger(suffix)

    def getChildren(self):
        """The set of loggers exactly one level below this one."""
        def depth(logger):
            return 0 if logger is logger.manager.root \
                else logger.name.count('.') + 1
        below = depth(self) + 1
        with _lock:
            return {entry for entry in self.manager.loggerDict.values()
                    if isinstance(entry, Logger) and entry.parent is self
                    and depth(entry) == below}

    def __repr__(self):
        return '<%s %s (%s)>' % (type(self).__name__, self.name,
                                 getLevelName(self.getEffectiveLevel()))

    def __reduce__(self):
        # Loggers are singletons per name: unpickling looks the name up.
        return getLogger, (self.name,)


class RootLogger(Logger):
    """The logger at the top of the tree, named "root"."""

    def __init__(self, level):
        super().__init__("root", level)

    def __reduce__(self):
        return getLogger, ()


_loggerClass = Logger


class LoggerAdapter(object):
    """Wraps a logger, adding contextual information (extra) to records."""

    def __init__(self, logger, extra=None, merge_extra=False):
        self.logger = logger
        self.extra = extra
        self.merge_extra = merge_extra

    def process(self, msg, kwargs):
        if self.merge_extra and "extra" in kwargs:
            kwargs["extra"] = {**self.extra, **kwargs["extra"]}
        else:
            kwargs["extra"] = self.extra
        return msg, kwargs

    def debug(self, msg, *args, **kwargs):
        self.log(DEBUG, msg, *args, **kwargs)

    def info(self, msg, *args, **kwargs):
        self.log(INFO, msg, *args, **kwargs)

    def warning(self, msg, *args, **kwargs):
        self.log(WARNING, msg, *args, **kwargs)

    def error(self, msg, *args, **kwargs):
        self.log(ERROR, msg, *args, **kwargs)

    def exception(self, msg, *args, exc_info=True, **kwargs):
        self.log(ERROR, msg, *args, exc_info=exc_info, **kwargs)

    def critical(self, msg, *args, **kwargs):
        self.log(CRITICAL, msg, *args, **kwargs)

    def log(self, level, msg, *args, **kwargs):
        if self.isEnabledFor(level):
            msg, kwargs = self.process(msg, kwargs)
            self.logger.log(level, msg, *args, **kwargs)

    def isEnabledFor(self, level):
        return self.logger.isEnabledFor(level)

    def setLevel(self, level):
        self.logger.setLevel(level)

    def getEffectiveLevel(self):
        return self.logger.getEffectiveLevel()

    def hasHandlers(self):
        return self.logger.hasHandlers()

    @property
    def manager(self):
        return self.logger.manager

    @property
    def name(self):
        return self.logger.name

    def __repr__(self):
        logger = self.logger
        level = getLevelName(logger.getEffectiveLevel())
        return '<%s %s (%s)>' % (self.__class__.__name__, logger.name, level)


root = RootLogger(WARNING)
Logger.root = root
Logger.manager = Manager(Logger.root)


# ---------------------------------------------------------------- module API

def basicConfig(**kwargs):
    """Do basic configuration for the logging system: a StreamHandler (or
    FileHandler with filename=) with a Formatter on the root logger,
    unless it already has handlers (force=True replaces them)."""
    with _lock:
        force = kwargs.pop('force', False)
        encoding = kwargs.pop('encoding', None)
        errors = kwargs.pop('errors', 'backslashreplace')
        if force:
            for h in root.handlers[:]:
                root.removeHandler(h)
                h.close()
        if len(root.handlers) == 0:
            handlers = kwargs.pop("handlers", None)
            if handlers is None:
                if "stream" in kwargs and "filename" in kwargs:
                    raise ValueError("'stream' and 'filename' should not be "
                                     "specified together")
            else:
                if "stream" in kwargs or "filename" in kwargs:
                    raise ValueError("'stream' or 'filename' should not be "
                                     "specified together with 'handlers'")
            if handlers is None:
                filename = kwargs.pop("filename", None)
                mode = kwargs.pop("filemode", 'a')
                if filename:
                    if 'b' in mode:
                        errors = None
                    else:
                        encoding = encoding or 'utf-8'
                    h = FileHandler(filename, mode,
                                    encoding=encoding, errors=errors)
                else:
                    stream = kwargs.pop("stream", None)
                    h = StreamHandler(stream)
                handlers = [h]
            dfs = kwargs.pop("datefmt", None)
            style = kwargs.pop("style", '%')
            if style not in _STYLES:
                raise ValueError('Style must be one of: %s' % ','.join(
                                 _STYLES.keys()))
            fs = kwargs.pop("format", _STYLES[style][1])
            fmt = Formatter(fs, dfs, style)
            for h in handlers:
                if h.formatter is None:
                    h.setFormatter(fmt)
                root.addHandler(h)
            level = kwargs.pop("level", None)
            if level is not None:
                root.setLevel(level)
            if kwargs:
                keys = ', '.join(kwargs.keys())
                raise ValueError('Unrecognised argument(s): %s' % keys)


def getLogger(name=None):
    """Return a logger with the specified name, creating it if necessary.

    If no name is specified, return the root logger.
    """
    if not name or isinstance(name, str) and name == root.name:
        return root
    return Logger.manager.getLogger(name)


def critical(msg, *args, **kwargs):
    if len(root.handlers) == 0:
        basicConfig()
    root.critical(msg, *args, **kwargs)


fatal = critical


def error(msg, *args, **kwargs):
    if len(root.handlers) == 0:
        basicConfig()
    root.error(msg, *args, **kwargs)


def exception(msg, *args, exc_info=True, **kwargs):
    error(msg, *args, exc_info=exc_info, **kwargs)


def warning(msg, *args, **kwargs):
    if len(root.handlers) == 0:
        basicConfig()
    root.warning(msg, *args, **kwargs)


def warn(msg, *args, **kwargs):
    import warnings
    warnings.warn("The 'warn' function is deprecated, "
                  "use 'warning' instead", DeprecationWarning, 2)
    warning(msg, *args, **kwargs)


def info(msg, *args, **kwargs):
    if len(root.handlers) == 0:
        basicConfig()
    root.info(msg, *args, **kwargs)


def debug(msg, *args, **kwargs):
    if len(root.handlers) == 0:
        basicConfig()
    root.debug(msg, *args, **kwargs)


def log(level, msg, *args, **kwargs):
    if len(root.handlers) == 0:
        basicConfig()
    root.log(level, msg, *args, **kwargs)


def disable(level=CRITICAL):
    """Disable all logging calls of severity 'level' and below."""
    root.manager.disable = level
    root.manager._clear_cache()


def shutdown(handlerList=None):
    """Flush and close all handlers."""
    for h in reversed(handlerList if handlerList is not None else _handlerList):
        try:
            h.flush()
            h.close()
        except (OSError, ValueError):
            pass
        except Exception:
            if raiseExceptions:
                raise


try:
    import atexit
    atexit.register(shutdown)
except Exception:
    pass


_warnings_showwarning = None


def _showwarning(message, category, filename, lineno, file=None, line=None):
    if file is not None:
        if _warnings_showwarning is not None:
            _warnings_showwarning(message, category, filename, lineno, file, line)
    else:
        import warnings
        s = warnings.formatwarning(message, category, filename, lineno, line)
        logger = getLogger("py.warnings")
        if not logger.handlers:
            logger.addHandler(NullHandler())
        logger.warning("%s", s)


def captureWarnings(capture):
    """Redirect warnings to the "py.warnings" logger (or stop doing so)."""
    global _warnings_showwarning
    import warnings
    if capture:
        if _warnings_showwarning is None:
            _warnings_showwarning = warnings.showwarning
            warnings.showwarning = _showwarning
    else:
        if _warnings_showwarning is not None:
            warnings.showwarning = _warnings_showwarning
            _warnings_showwarning = None
