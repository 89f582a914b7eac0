"""Futures, the Executor base class, wait() and as_completed().

A Future moves PENDING -> RUNNING -> FINISHED, or PENDING -> CANCELLED ->
CANCELLED_AND_NOTIFIED (the second step when the executor sees the
cancellation).  A future counts as "settled" for wait()/as_completed() once
it is FINISHED or CANCELLED_AND_NOTIFIED.

wait() and as_completed() attach a _Tracker to each future.  A future tells
its trackers when it settles (under its own lock); the tracker collects the
settled futures under its one Condition and wakes whoever is blocked on it.
"""

import collections
import threading
import time
import types

FIRST_COMPLETED = 'FIRST_COMPLETED'
FIRST_EXCEPTION = 'FIRST_EXCEPTION'
ALL_COMPLETED = 'ALL_COMPLETED'

PENDING = 'PENDING'
RUNNING = 'RUNNING'
CANCELLED = 'CANCELLED'
CANCELLED_AND_NOTIFIED = 'CANCELLED_AND_NOTIFIED'
FINISHED = 'FINISHED'

# How each state reads in a Future's repr.
_STATE_TO_DESCRIPTION_MAP = {
    PENDING: "pending",
    RUNNING: "running",
    CANCELLED: "cancelled",
    CANCELLED_AND_NOTIFIED: "cancelled",
    FINISHED: "finished",
}

_CANCELLED_STATES = (CANCELLED, CANCELLED_AND_NOTIFIED)
_SETTLED_STATES = (CANCELLED_AND_NOTIFIED, FINISHED)
_DONE_STATES = (CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED)


class Error(Exception):
    """Base of the futures errors."""


class CancelledError(Error):
    """The future was cancelled."""


TimeoutError = TimeoutError


class InvalidStateError(Error):
    """The future is not in a state that allows this."""


class BrokenExecutor(RuntimeError):
    """The executor can no longer run work."""


def _report_callback_error(future):
    import sys
    import traceback
    print('exception calling callback for %r' % future, file=sys.stderr)
    traceback.print_exc()


# -- trackers ---------------------------------------------------------------

class _Tracker:
    """Collects futures as they settle.  `stop` turns true when all have
    settled, or (with stop_on_failure) when one finishes with an exception."""

    def __init__(self, futures, stop_on_failure=False):
        self.cond = threading.Condition(threading.Lock())
        self.arrived = []
        self.futures = futures
        self.unsettled = len(futures)
        self.stop = False
        self.stop_on_failure = stop_on_failure

    def attach(self):
        """Hook onto every future; returns the ones already settled."""
        settled = set()
        for f in self.futures:
            if f._add_tracker(self):
                settled.add(f)
                with self.cond:
                    self._count_one(False)
        return settled

    def _count_one(self, failed):
        """One more future settled; the caller holds cond."""
        self.unsettled -= 1
        if self.unsettled <= 0 or (failed and self.stop_on_failure):
            self.stop = True

    def detach(self):
        for f in self.futures:
            f._remove_tracker(self)

    def settled(self, future, failed):
        """Called by a future, under its lock, when it settles."""
        with self.cond:
            self.arrived.append(future)
            self._count_one(failed)
            self.cond.notify_all()

    def wait_arrivals(self, timeout):
        """Wait (up to timeout) for at least one arrival; return and forget
        the arrivals so far."""
        with self.cond:
            if not self.arrived:
                self.cond.wait(timeout)
            batch, self.arrived = self.arrived, []
            return batch


def as_completed(fs, timeout=None):
    """Yield the futures of fs as they settle; TimeoutError if some have
    not after timeout seconds."""
    deadline = None if timeout is None else time.monotonic() + timeout
    fs = set(fs)
    total = len(fs)
    tracker = _Tracker(fs)
    try:
        ready = tracker.attach()
        pending = fs - ready
        for f in ready:
            # Arrivals of these already count; do not hand them out twice.
            yield f
        while pending:
            remaining = None
            if deadline is not None:
                remaining = deadline - time.monotonic()
                if remaining < 0:
                    raise TimeoutError('%d (of %d) futures unfinished'
                                       % (len(pending), total))
            for f in tracker.wait_arrivals(remaining):
                if f in pending:
                    pending.discard(f)
                    yield f
    finally:
        tracker.detach()


DoneAndNotDoneFutures = collections.namedtuple(
    'DoneAndNotDoneFutures', 'done not_done')


def _failed(future):
    return not future.cancelled() and future.exception() is not None


def wait(fs, timeout=None, return_when=ALL_COMPLETED):
    """Block until the futures in fs satisfy return_when (or timeout
    seconds pass); return the sets (done, not_done)."""
    fs = set(fs)
    tracker = _Tracker(fs, stop_on_failure=(return_when == FIRST_EXCEPTION))
    try:
        done = tracker.attach()
        if len(done) == len(fs):
            return DoneAndNotDoneFutures(done, fs - done)
        if return_when == FIRST_COMPLETED:
            if done:
                return DoneAndNotDoneFutures(done, fs - done)
        elif return_when == FIRST_EXCEPTION:
            if any(_failed(f) for f in done):
                return DoneAndNotDoneFutures(done, fs - done)
        elif return_when != ALL_COMPLETED:
            raise ValueError("Invalid return condition: %r" % return_when)
        with tracker.cond:
            if return_when == FIRST_COMPLETED:
                tracker.cond.wait_for(lambda: tracker.arrived, timeout)
            else:
                tracker.cond.wait_for(lambda: tracker.stop, timeout)
    finally:
        tracker.detach()
    done.update(tracker.arrived)
    return DoneAndNotDoneFutures(done, fs - done)


# -- Future -----------------------------------------------------------------

def _outcome(future):
    """The result of a FINISHED future, or raise its exception."""
    exc = future._exception
    if exc:
        try:
            raise exc
        finally:
            # The traceback keeps this frame: do not let it keep these too.
            exc = future = None
    return future._result


class Future:
    """The eventual result of a call."""

    def __init__(self):
        self._condition = threading.Condition()
        self._state = PENDING
        self._result = None
        self._exception = None
        self._trackers = []
        self._done_callbacks = []

    def __repr__(self):
        with self._condition:
            text = '<%s at %#x state=%s' % (
                self.__class__.__name__, id(self),
                _STATE_TO_DESCRIPTION_MAP[self._state])
            if self._state == FINISHED:
                if self._exception:
                    text += ' raised ' + self._exception.__class__.__name__
                else:
                    text += ' returned ' + self._result.__class__.__name__
            return text + '>'

    __class_getitem__ = classmethod(types.GenericAlias)

    # trackers (wait/as_completed)
    def _add_tracker(self, tracker):
        """Attach tracker; True if the future has already settled (then it
        is not attached)."""
        with self._condition:
            if self._state in _SETTLED_STATES:
                return True
            self._trackers.append(tracker)
            return False

    def _remove_tracker(self, tracker):
        with self._condition:
            if tracker in self._trackers:
                self._trackers.remove(tracker)

    def _settle(self, state, failed=False):
        """Enter a settled state; the caller holds the condition."""
        self._state = state
        for tracker in self._trackers:
            tracker.settled(self, failed)
        self._trackers = []
        self._condition.notify_all()

    # callbacks
    def _run_callbacks(self):
        for fn in self._done_callbacks:
            try:
                fn(self)
            except Exception:
                _report_callback_error(self)

    def add_done_callback(self, fn):
        """Call fn(future) when the future is done; at once if it is."""
        with self._condition:
            if self._state not in _DONE_STATES:
                self._done_callbacks.append(fn)
                return
        try:
            fn(self)
        except Exception:
            _report_callback_error(self)

    # state queries
    def cancelled(self):
        with self._condition:
            return self._state in _CANCELLED_STATES

    def running(self):
        with self._condition:
            return self._state == RUNNING

    def done(self):
        with self._condition:
            return self._state in _DONE_STATES

    def cancel(self):
        """Cancel unless already running or finished; True if cancelled."""
        with self._condition:
            if self._state in (RUNNING, FINISHED):
                return False
            if self._state in _CANCELLED_STATES:
                return True
            self._state = CANCELLED
            self._condition.notify_all()
        self._run_callbacks()
        return True

    # outcome
    def _await_done(self, timeout):
        """With the condition held: wait (up to timeout) until done; raise
        CancelledError or TimeoutError if it will not give an outcome."""
        if self._state not in _DONE_STATES:
            self._condition.wait(timeout)
        if self._state in _CANCELLED_STATES:
            raise CancelledError()
        if self._state != FINISHED:
            raise TimeoutError()

    def result(self, timeout=None):
        """The call's return value (or its exception, raised), waiting up
        to timeout seconds."""
        with self._condition:
            self._await_done(timeout)
            return _outcome(self)

    def exception(self, timeout=None):
        """The exception the call raised, or None; waits like result()."""
        with self._condition:
            self._await_done(timeout)
            return self._exception

    # for executors
    def set_running_or_notify_cancel(self):
        """Mark the future running and return True; or, if it was
        cancelled, settle the cancellation and return False."""
        with self._condition:
            if self._state == PENDING:
                self._state = RUNNING
                return True
            if self._state == CANCELLED:
                self._settle(CANCELLED_AND_NOTIFIED)
                return False
            import sys
            print('Future %s in unexpected state: %s' % (id(self), self._state),
                  file=sys.stderr)
            raise RuntimeError('Future in unexpected state')

    def _finish(self, result, exception, failed):
        with self._condition:
            if self._state in _DONE_STATES:
                raise InvalidStateError('{}: {!r}'.format(self._state, self))
            self._result = result
            self._exception = exception
            self._settle(FINISHED, failed)
        self._run_callbacks()

    def set_result(self, result):
        self._finish(result, None, False)

    def set_exception(self, exception):
        self._finish(None, exception, True)


# -- Executor ---------------------------------------------------------------

def _take_result(future, timeout=None):
    """future.result(timeout), cancelling the future if that fails."""
    try:
        return future.result(timeout)
    finally:
        future.cancel()
        future = None


class Executor:
    """Base of the executors: submit(), map(), shutdown()."""

    def submit(self, fn, /, *args, **kwargs):
        """Schedule fn(*args, **kwargs); return its Future."""
        raise NotImplementedError()

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        """map(fn, *iterables) with the calls running concurrently; the
        results come in order, each within timeout seconds of the call."""
        deadline = None if timeout is None else time.monotonic() + timeout
        futures = collections.deque(self.submit(fn, *args)
                                    for args in zip(*iterables))

        def results():
            try:
                while futures:
                    f = futures.popleft()
                    if deadline is None:
                        yield _take_result(f)
                    else:
                        yield _take_result(f, deadline - time.monotonic())
            finally:
                for f in futures:
                    f.cancel()
        return results()

    def shutdown(self, wait=True, *, cancel_futures=False):
        """Release the executor's resources (waiting for running calls if
        wait)."""

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.shutdown(wait=True)
        return False
