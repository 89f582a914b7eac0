"""ThreadPoolExecutor: runs submitted calls on a pool of worker threads.

The workers of one pool share a _PoolState (queue of tasks, idle count,
broken flag), never the executor itself, so a dropped executor can be
collected; its collection, shutdown() or interpreter exit puts the _STOP
token on the queue.  A worker that takes _STOP puts it back for the next
one and exits, so one token stops them all once the queued tasks are done.
"""

import os
import queue
import threading
import types

try:
    import weakref
except ImportError:          # not built yet: pools then live until shutdown
    weakref = None

from concurrent.futures import _base

_STOP = object()

# Interpreter exit: no new work, and every live worker is stopped and joined
# (threading runs _python_exit before it joins the non-daemon threads).
_shutdown = False
_global_shutdown_lock = threading.Lock()
_live_workers = {}          # worker thread -> its pool's task queue


def _python_exit():
    global _shutdown
    with _global_shutdown_lock:
        _shutdown = True
        workers = list(_live_workers.items())
    for _, tasks in workers:
        tasks.put(_STOP)
    for thread, _ in workers:
        thread.join()


threading._register_atexit(_python_exit)


def _print_current_exception(msg):
    import sys
    import traceback
    print(msg, file=sys.stderr)
    traceback.print_exc()


class _Task:
    """One submitted call and the future that receives its outcome."""


    def __init__(self, future, fn, args, kwargs):
        self.future = future
        self.call = (fn, args, kwargs)

    def run(self):
        future = self.future
        if not future.set_running_or_notify_cancel():
            return
        fn, args, kwargs = self.call
        try:
            value = fn(*args, **kwargs)
        except BaseException as exc:
            future.set_exception(exc)
            # The traceback holds this frame: drop what leads back to it.
            exc = future = self = None
        else:
            future.set_result(value)

    __class_getitem__ = classmethod(types.GenericAlias)


class _PoolState:
    """What the workers of one pool share."""

    BROKEN_MESSAGE = ('A thread initializer failed, the thread pool is '
                      'not usable anymore')

    def __init__(self):
        self.tasks = queue.SimpleQueue()
        self.lock = threading.Lock()
        # Released by a worker about to block on an empty queue, taken by
        # submit(): an idle worker will pick the task up.
        self.idle = threading.Semaphore(0)
        self.broken = False
        self.closed = False
        self.owner = None           # weak reference to the executor

    def drain(self):
        """Take every queued task off the queue (a _STOP stays there)."""
        taken = []
        saw_stop = False
        while True:
            try:
                item = self.tasks.get_nowait()
            except queue.Empty:
                break
            if item is _STOP:
                saw_stop = True
            else:
                taken.append(item)
        if saw_stop:
            self.tasks.put(_STOP)
        return taken

    def break_pool(self):
        """An initializer failed: refuse new work and fail the queued."""
        with self.lock:
            self.broken = self.BROKEN_MESSAGE
            for task in self.drain():
                task.future.set_exception(BrokenThreadPool(self.broken))


def _worker(state, initializer, initargs):
    if initializer is not None:
        try:
            initializer(*initargs)
        except BaseException:
            _print_current_exception('Exception in initializer:')
            state.break_pool()
            return
    try:
        while True:
            try:
                task = state.tasks.get_nowait()
            except queue.Empty:
                state.idle.release()
                task = state.tasks.get()
            if task is _STOP:
                state.tasks.put(_STOP)
                return
            task.run()
            del task
    except BaseException:
        _print_current_exception('Exception in worker')
    finally:
        with _global_shutdown_lock:
            _live_workers.pop(threading.current_thread(), None)


class BrokenThreadPool(_base.BrokenExecutor):
    """A worker thread's initializer failed."""


def _default_max_workers():
    count = getattr(os, 'process_cpu_count', os.cpu_count)()
    return min(32, (count or 1) + 4)


def _stop_on_collect(tasks):
    """Weak-reference callback: a collected executor stops its workers."""
    return lambda _ref: tasks.put(_STOP)


def _pool_numbers():
    """A thread-safe source of 0, 1, 2, ... for default pool names."""
    lock = threading.Lock()
    last = [-1]

    def next_number():
        with lock:
            last[0] += 1
            return last[0]
    return next_number


class ThreadPoolExecutor(_base.Executor):
    """An executor running the calls on up to max_workers threads."""

    _counter = staticmethod(_pool_numbers())

    def __init__(self, max_workers=None, thread_name_prefix='',
                 initializer=None, initargs=()):
        if max_workers is None:
            max_workers = _default_max_workers()
        if max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        self._max_workers = max_workers
        self._thread_name_prefix = (thread_name_prefix or
                                    "ThreadPoolExecutor-%d" % self._counter())
        self._initializer = initializer
        self._initargs = initargs
        self._threads = set()
        self._state = _PoolState()
        if weakref is not None:
            # Held by the state (and so by the workers), not by self.
            self._state.owner = weakref.ref(
                self, _stop_on_collect(self._state.tasks))

    def submit(self, fn, /, *args, **kwargs):
        state = self._state
        with state.lock, _global_shutdown_lock:
            if state.broken:
                raise BrokenThreadPool(state.broken)
            if state.closed:
                raise RuntimeError('cannot schedule new futures after shutdown')
            if _shutdown:
                raise RuntimeError('cannot schedule new futures after '
                                   'interpreter shutdown')
            future = _base.Future()
            state.tasks.put(_Task(future, fn, args, kwargs))
            if not state.idle.acquire(timeout=0):
                self._add_worker()
            return future
    submit.__doc__ = _base.Executor.submit.__doc__

    def _add_worker(self):
        """Start one more worker, unless the pool is full.  Called with the
        state lock and _global_shutdown_lock held."""
        if len(self._threads) >= self._max_workers:
            return
        name = '%s_%d' % (self._thread_name_prefix, len(self._threads))
        thread = threading.Thread(
            name=name, target=_worker,
            args=(self._state, self._initializer, self._initargs))
        thread.start()
        self._threads.add(thread)
        _live_workers[thread] = self._state.tasks

    def shutdown(self, wait=True, *, cancel_futures=False):
        state = self._state
        with state.lock:
            state.closed = True
            if cancel_futures:
                for task in state.drain():
                    task.future.cancel()
            state.tasks.put(_STOP)
        if wait:
            for thread in list(self._threads):
                thread.join()
    shutdown.__doc__ = _base.Executor.shutdown.__doc__
