"""Synchronised queues for passing work between threads.

Queue (FIFO), LifoQueue, PriorityQueue and SimpleQueue, with Empty/Full/
ShutDown and task_done()/join().  A Queue has one mutex and three
conditions on it (an item arrived, room appeared, all tasks done); the
storage lives behind the _init/_qsize/_put/_get hooks, which subclasses
override to change the order.
"""

import threading
from time import monotonic as _time

try:
    from _collections import deque
except ImportError:
    deque = None
from heapq import heappush as _heappush, heappop as _heappop

__all__ = ['Empty', 'Full', 'ShutDown', 'Queue', 'PriorityQueue', 'LifoQueue',
           'SimpleQueue']


class Empty(Exception):
    """get() without waiting (or within its timeout) found no item."""


class Full(Exception):
    """put() without waiting (or within its timeout) found no room."""


class ShutDown(Exception):
    """The queue was shut down."""


def _generic_alias(cls, item):
    import types
    return types.GenericAlias(cls, item)


def _new_fifo():
    return deque() if deque is not None else []


def _pop_oldest(items):
    return items.popleft() if deque is not None else items.pop(0)


class Queue:
    """A FIFO queue holding at most maxsize items (no limit if maxsize <= 0)."""

    def __init__(self, maxsize=0):
        self.maxsize = maxsize
        self._init(maxsize)
        self.mutex = threading.Lock()
        self.not_empty = threading.Condition(self.mutex)
        self.not_full = threading.Condition(self.mutex)
        self.all_tasks_done = threading.Condition(self.mutex)
        self.unfinished_tasks = 0
        self.is_shutdown = False

    __class_getitem__ = classmethod(_generic_alias)

    # -- waiting --------------------------------------------------------------

    def _wait_while(self, cond, blocked, block, timeout, exhausted, stopped):
        """With the mutex held: return once blocked() is false.  Raises
        `exhausted` when not blocking or out of time, and lets stopped()
        raise after each wake-up."""
        if not block:
            if blocked():
                raise exhausted
            return
        if timeout is None:
            deadline = None
        elif timeout < 0:
            raise ValueError("'timeout' must be a non-negative number")
        else:
            deadline = _time() + timeout
        while blocked():
            if deadline is None:
                cond.wait()
            else:
                remaining = deadline - _time()
                if remaining <= 0.0:
                    raise exhausted
                cond.wait(remaining)
            stopped()

    def _is_full(self):
        return self._qsize() >= self.maxsize

    def _is_empty(self):
        return not self._qsize()

    def _check_put_allowed(self):
        if self.is_shutdown:
            raise ShutDown

    def _check_get_allowed(self):
        if self.is_shutdown and not self._qsize():
            raise ShutDown

    # -- the public operations ------------------------------------------------

    def put(self, item, block=True, timeout=None):
        """Add item, waiting for room if the queue is bounded and full
        (up to timeout seconds; Full if not blocking or out of time)."""
        with self.mutex:
            self._check_put_allowed()
            if self.maxsize > 0:
                self._wait_while(self.not_full, self._is_full, block,
                                 timeout, Full, self._check_put_allowed)
            self._put(item)
            self.unfinished_tasks += 1
            self.not_empty.notify()

    def get(self, block=True, timeout=None):
        """Remove and return the next item, waiting for one (up to timeout
        seconds; Empty if not blocking or out of time)."""
        with self.mutex:
            self._check_get_allowed()
            self._wait_while(self.not_empty, self._is_empty, block, timeout,
                             Empty, self._check_get_allowed)
            item = self._get()
            self.not_full.notify()
            return item

    def put_nowait(self, item):
        """put(item) without waiting."""
        return self.put(item, block=False)

    def get_nowait(self):
        """get() without waiting."""
        return self.get(block=False)

    def task_done(self):
        """Mark one item taken by get() as fully processed."""
        with self.mutex:
            left = self.unfinished_tasks - 1
            if left < 0:
                raise ValueError('task_done() called too many times')
            if left == 0:
                self.all_tasks_done.notify_all()
            self.unfinished_tasks = left

    def join(self):
        """Wait until every item put has been marked done."""
        with self.mutex:
            while self.unfinished_tasks:
                self.all_tasks_done.wait()

    def shutdown(self, immediate=False):
        """Refuse further put()s; get()s fail once the queue is empty.  With
        immediate, the queue is emptied now (its items count as done)."""
        with self.mutex:
            self.is_shutdown = True
            if immediate:
                while self._qsize():
                    self._get()
                    if self.unfinished_tasks > 0:
                        self.unfinished_tasks -= 1
                self.all_tasks_done.notify_all()
            # Blocked callers re-check and raise ShutDown where they must.
            self.not_empty.notify_all()
            self.not_full.notify_all()

    # -- sizes (approximate once the mutex is released) -------------------------

    def qsize(self):
        """Number of items in the queue."""
        with self.mutex:
            return self._qsize()

    def empty(self):
        """True if the queue holds no items."""
        with self.mutex:
            return not self._qsize()

    def full(self):
        """True if the queue is bounded and holds maxsize items."""
        with self.mutex:
            return 0 < self.maxsize <= self._qsize()

    # -- storage hooks (called with the mutex held) ---------------------------

    def _init(self, maxsize):
        self.queue = _new_fifo()

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        self.queue.append(item)

    def _get(self):
        return _pop_oldest(self.queue)


class PriorityQueue(Queue):
    """Hands out the smallest item first (a heap in a list)."""

    def _init(self, maxsize):
        self.queue = []

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        _heappush(self.queue, item)

    def _get(self):
        return _heappop(self.queue)


class LifoQueue(Queue):
    """Hands out the newest item first (a stack in a list)."""

    def _init(self, maxsize):
        self.queue = []

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        self.queue.append(item)

    def _get(self):
        return self.queue.pop()


class SimpleQueue:
    """An unbounded FIFO queue without task tracking.  A semaphore counts
    the items, so get() waits on it and then pops."""

    def __init__(self):
        self._items = _new_fifo()
        self._available = threading.Semaphore(0)

    __class_getitem__ = classmethod(_generic_alias)

    def put(self, item, block=True, timeout=None):
        """Add item; never waits (block and timeout are accepted for
        compatibility with Queue.put)."""
        self._items.append(item)
        self._available.release()

    def put_nowait(self, item):
        """Same as put(item)."""
        return self.put(item, block=False)

    def get(self, block=True, timeout=None):
        """Remove and return the oldest item, waiting for one (up to
        timeout seconds; Empty if not blocking or out of time)."""
        if not block:
            got = self._available.acquire(False)
        elif timeout is not None and timeout < 0:
            raise ValueError("'timeout' must be a non-negative number")
        else:
            got = self._available.acquire(True, timeout)
        if not got:
            raise Empty
        return _pop_oldest(self._items)

    def get_nowait(self):
        """get() without waiting."""
        return self.get(False)

    def empty(self):
        """True if the queue holds no items."""
        return len(self._items) == 0

    def qsize(self):
        """Number of items in the queue."""
        return len(self._items)


# CPython's SimpleQueue is the C type _queue.SimpleQueue: report the same
# home in reprs.
SimpleQueue.__module__ = '_queue'
