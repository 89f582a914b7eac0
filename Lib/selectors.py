"""selectors: waiting for I/O readiness on many file objects at once.

A selector keeps a registration (a SelectorKey) per file object: its file
descriptor, the events wanted (EVENT_READ, EVENT_WRITE or both) and any
data the caller attaches.  select() waits and returns the keys that are
ready with the events that happened.  PollSelector (select.poll) is the
DefaultSelector here; SelectSelector uses select.select.
"""
from abc import ABCMeta, abstractmethod
from collections import namedtuple
from collections.abc import Mapping
import math
import select

EVENT_READ = 1 << 0
EVENT_WRITE = 1 << 1

SelectorKey = namedtuple('SelectorKey', ['fileobj', 'fd', 'events', 'data'])
SelectorKey.__doc__ = """SelectorKey(fileobj, fd, events, data)

What a selector knows of one registered file object."""
SelectorKey.fileobj.__doc__ = 'File object registered.'
SelectorKey.fd.__doc__ = 'Underlying file descriptor.'
SelectorKey.events.__doc__ = 'Events that must be waited for on this file object.'
SelectorKey.data.__doc__ = 'Optional opaque data associated to this file object.'


def _descriptor_of(fileobj):
    """The file descriptor of an int or of an object with fileno()."""
    if isinstance(fileobj, int):
        fd = fileobj
    else:
        try:
            fd = int(fileobj.fileno())
        except (AttributeError, TypeError, ValueError):
            raise ValueError(f"Invalid file object: {fileobj!r}") from None
    if fd < 0:
        raise ValueError(f"Invalid file descriptor: {fd}")
    return fd


class _KeyView(Mapping):
    """Read-only mapping of file objects to their keys (get_map())."""

    def __init__(self, selector):
        self._selector = selector

    def __len__(self):
        return len(self._selector._keys)

    def __getitem__(self, fileobj):
        fd = self._selector._fd_for(fileobj)
        try:
            return self._selector._keys[fd]
        except KeyError:
            raise KeyError(f"{fileobj!r} is not registered") from None

    def __iter__(self):
        return iter(self._selector._keys)


class BaseSelector(metaclass=ABCMeta):
    """The interface every selector has."""

    @abstractmethod
    def register(self, fileobj, events, data=None):
        """Watch fileobj for events; return its SelectorKey."""
        raise NotImplementedError

    @abstractmethod
    def unregister(self, fileobj):
        """Stop watching fileobj; return the SelectorKey it had."""
        raise NotImplementedError

    def modify(self, fileobj, events, data=None):
        """Change the events (and data) watched for fileobj."""
        self.unregister(fileobj)
        return self.register(fileobj, events, data)

    @abstractmethod
    def select(self, timeout=None):
        """Wait (at most timeout seconds; None: until something is ready;
        <= 0: not at all) and return [(key, ready_events), ...]."""
        raise NotImplementedError

    def close(self):
        """Forget every registration."""

    def get_key(self, fileobj):
        """The SelectorKey of fileobj (KeyError if it is not registered)."""
        mapping = self.get_map()
        if mapping is None:
            raise RuntimeError('Selector is closed')
        try:
            return mapping[fileobj]
        except KeyError:
            raise KeyError(f"{fileobj!r} is not registered") from None

    @abstractmethod
    def get_map(self):
        """A mapping of file objects to their keys."""
        raise NotImplementedError

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()


class _RegistrySelector(BaseSelector):
    """Registration bookkeeping shared by the concrete selectors: keys by
    file descriptor, and file objects found again by identity when their
    fileno() no longer works (a closed socket can still be unregistered)."""

    def __init__(self):
        self._keys = {}
        self._view = _KeyView(self)

    def _fd_for(self, fileobj):
        try:
            return _descriptor_of(fileobj)
        except ValueError:
            for key in self._keys.values():
                if key.fileobj is fileobj:
                    return key.fd
            raise

    def register(self, fileobj, events, data=None):
        if not events or events & ~(EVENT_READ | EVENT_WRITE):
            raise ValueError(f"Invalid events: {events!r}")
        key = SelectorKey(fileobj, self._fd_for(fileobj), events, data)
        if key.fd in self._keys:
            raise KeyError(f"{fileobj!r} (FD {key.fd}) is already registered")
        self._keys[key.fd] = key
        return key

    def unregister(self, fileobj):
        try:
            return self._keys.pop(self._fd_for(fileobj))
        except KeyError:
            raise KeyError(f"{fileobj!r} is not registered") from None

    def modify(self, fileobj, events, data=None):
        try:
            key = self._keys[self._fd_for(fileobj)]
        except KeyError:
            raise KeyError(f"{fileobj!r} is not registered") from None
        if events != key.events:
            self.unregister(fileobj)
            return self.register(fileobj, events, data)
        if data != key.data:
            key = key._replace(data=data)
            self._keys[key.fd] = key
        return key

    def close(self):
        self._keys.clear()
        self._view = None

    def get_map(self):
        return self._view

    def _ready(self, fd, events):
        key = self._keys.get(fd)
        if key is None:
            return None
        events &= key.events
        return (key, events) if events else None


class SelectSelector(_RegistrySelector):
    """A selector on select.select()."""

    def __init__(self):
        super().__init__()
        self._readers = set()
        self._writers = set()

    def register(self, fileobj, events, data=None):
        key = super().register(fileobj, events, data)
        if events & EVENT_READ:
            self._readers.add(key.fd)
        if events & EVENT_WRITE:
            self._writers.add(key.fd)
        return key

    def unregister(self, fileobj):
        key = super().unregister(fileobj)
        self._readers.discard(key.fd)
        self._writers.discard(key.fd)
        return key

    def select(self, timeout=None):
        if timeout is not None:
            timeout = max(timeout, 0)
        readable, writable, _ = select.select(self._readers, self._writers, [], timeout)
        readable = set(readable)
        writable = set(writable)
        ready = []
        for fd in readable | writable:
            events = (EVENT_READ if fd in readable else 0) | (EVENT_WRITE if fd in writable else 0)
            item = self._ready(fd, events)
            if item is not None:
                ready.append(item)
        return ready

    def close(self):
        self._readers.clear()
        self._writers.clear()
        super().close()


class PollSelector(_RegistrySelector):
    """A selector on select.poll()."""

    _READ_BITS = select.POLLIN
    _WRITE_BITS = select.POLLOUT

    def __init__(self):
        super().__init__()
        self._poller = select.poll()

    def _mask(self, events):
        return ((self._READ_BITS if events & EVENT_READ else 0)
                | (self._WRITE_BITS if events & EVENT_WRITE else 0))

    def register(self, fileobj, events, data=None):
        key = super().register(fileobj, events, data)
        try:
            self._poller.register(key.fd, self._mask(events))
        except BaseException:
            super().unregister(fileobj)
            raise
        return key

    def unregister(self, fileobj):
        key = super().unregister(fileobj)
        try:
            self._poller.unregister(key.fd)
        except OSError:
            pass        # the descriptor may be closed already
        return key

    def select(self, timeout=None):
        # poll() takes milliseconds; round up so that we never return early.
        if timeout is None:
            ms = None
        elif timeout <= 0:
            ms = 0
        else:
            ms = math.ceil(timeout * 1e3)
        ready = []
        for fd, bits in self._poller.poll(ms):
            events = 0
            if bits & ~self._WRITE_BITS:    # data, hang-up or error: readable
                events |= EVENT_READ
            if bits & ~self._READ_BITS:     # room, hang-up or error: writable
                events |= EVENT_WRITE
            item = self._ready(fd, events)
            if item is not None:
                ready.append(item)
        return ready

    def close(self):
        self._poller = None
        super().close()


DefaultSelector = PollSelector
