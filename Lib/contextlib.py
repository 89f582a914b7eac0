"""Utilities for with-statement contexts.

contextmanager / asynccontextmanager turn a generator yielding once into
a context manager; ContextDecorator lets a context manager decorate
functions; closing, aclosing, suppress, redirect_stdout/stderr,
nullcontext and chdir are small ready-made managers; ExitStack and
AsyncExitStack run any number of exit callbacks in LIFO order as if the
managers had been nested.
"""

import abc
import sys


def _current_exception():
    # sys.exception() (3.11+), or the exc_info() equivalent.
    try:
        return sys.exception()
    except AttributeError:
        return sys.exc_info()[1]
from collections import deque
from functools import wraps
from types import MethodType, GenericAlias

__all__ = ["asynccontextmanager", "contextmanager", "closing", "nullcontext",
           "AbstractContextManager", "AbstractAsyncContextManager",
           "AsyncExitStack", "ContextDecorator", "ExitStack",
           "redirect_stdout", "redirect_stderr", "suppress", "aclosing",
           "chdir"]


def _has_methods(C, *names):
    # True when every name is defined (and not None) somewhere in C's MRO.
    for name in names:
        for klass in C.__mro__:
            if name in klass.__dict__:
                if klass.__dict__[name] is None:
                    return NotImplemented
                break
        else:
            return NotImplemented
    return True


class AbstractContextManager(abc.ABC):
    """ABC of objects with __enter__ and __exit__."""

    __class_getitem__ = classmethod(GenericAlias)
    __slots__ = ()

    def __enter__(self):
        """Entering returns the object itself."""
        return self

    @abc.abstractmethod
    def __exit__(self, exc_type, exc_value, traceback):
        """Do not suppress exceptions."""
        return None

    @classmethod
    def __subclasshook__(cls, C):
        if cls is AbstractContextManager:
            return _has_methods(C, "__enter__", "__exit__")
        return NotImplemented


class AbstractAsyncContextManager(abc.ABC):
    """ABC of objects with __aenter__ and __aexit__."""

    __class_getitem__ = classmethod(GenericAlias)
    __slots__ = ()

    async def __aenter__(self):
        """Entering returns the object itself."""
        return self

    @abc.abstractmethod
    async def __aexit__(self, exc_type, exc_value, traceback):
        """Do not suppress exceptions."""
        return None

    @classmethod
    def __subclasshook__(cls, C):
        if cls is AbstractAsyncContextManager:
            return _has_methods(C, "__aenter__", "__aexit__")
        return NotImplemented


class ContextDecorator(object):
    """Mixin letting a context manager be used as a function decorator:
    each call of the decorated function runs inside the manager."""

    def _recreate_cm(self):
        """The manager to use for one call (self, unless one-shot)."""
        return self

    def __call__(self, func):
        @wraps(func)
        def inner(*args, **kwds):
            with self._recreate_cm():
                return func(*args, **kwds)
        return inner


class AsyncContextDecorator(object):
    """Async version of ContextDecorator (decorates coroutine functions)."""

    def _recreate_cm(self):
        return self

    def __call__(self, func):
        @wraps(func)
        async def inner(*args, **kwds):
            async with self._recreate_cm():
                return await func(*args, **kwds)
        return inner


def _exception_was_rethrown(thrown, raised, tb):
    """After throwing `thrown` into a generator, `raised` came out.  True
    when it is the same exception (so __exit__ should just return False
    and let it propagate), restoring its original traceback."""
    if raised is thrown:
        raised.__traceback__ = tb
        return True
    # PEP 479: a StopIteration escaping the generator became a
    # RuntimeError whose cause is the one we threw in.
    if (isinstance(raised, RuntimeError) and
            isinstance(thrown, (StopIteration, StopAsyncIteration)) and
            raised.__cause__ is thrown):
        thrown.__traceback__ = tb
        return True
    return False


class _GeneratorContextManagerBase:
    """What the sync and async generator context managers share."""

    def __init__(self, func, args, kwds):
        self.gen = func(*args, **kwds)
        self.func, self.args, self.kwds = func, args, kwds
        doc = getattr(func, "__doc__", None)
        self.__doc__ = type(self).__doc__ if doc is None else doc

    def _recreate_cm(self):
        # One generator serves one with-block: a decorated function makes
        # a fresh manager for every call.
        return self.__class__(self.func, self.args, self.kwds)


class _GeneratorContextManager(
    _GeneratorContextManagerBase,
    AbstractContextManager,
    ContextDecorator,
):
    """The context manager made by @contextmanager from one generator."""

    def __enter__(self):
        # The arguments are only needed to recreate the manager.
        del self.args, self.kwds, self.func
        try:
            return next(self.gen)
        except StopIteration:
            raise RuntimeError("generator didn't yield") from None

    def __exit__(self, typ, value, traceback):
        if typ is None:
            try:
                next(self.gen)
            except StopIteration:
                return False
            try:
                raise RuntimeError("generator didn't stop")
            finally:
                self.gen.close()
        if value is None:
            value = typ()
        try:
            self.gen.throw(value)
        except StopIteration as exc:
            # The generator swallowed the exception and finished: suppress
            # it, unless what stopped it is the StopIteration we threw.
            return exc is not value
        except BaseException as exc:
            if _exception_was_rethrown(value, exc, traceback):
                return False
            raise
        try:
            raise RuntimeError("generator didn't stop after throw()")
        finally:
            self.gen.close()


class _AsyncGeneratorContextManager(
    _GeneratorContextManagerBase,
    AbstractAsyncContextManager,
    AsyncContextDecorator,
):
    """The async context manager made by @asynccontextmanager."""

    async def __aenter__(self):
        del self.args, self.kwds, self.func
        try:
            return await anext(self.gen)
        except StopAsyncIteration:
            raise RuntimeError("generator didn't yield") from None

    async def __aexit__(self, typ, value, traceback):
        if typ is None:
            try:
                await anext(self.gen)
            except StopAsyncIteration:
                return False
            try:
                raise RuntimeError("generator didn't stop")
            finally:
                await self.gen.aclose()
        if value is None:
            value = typ()
        try:
            await self.gen.athrow(value)
        except StopAsyncIteration as exc:
            return exc is not value
        except BaseException as exc:
            if _exception_was_rethrown(value, exc, traceback):
                return False
            raise
        try:
            raise RuntimeError("generator didn't stop after athrow()")
        finally:
            await self.gen.aclose()


def contextmanager(func):
    """Turn a generator function that yields once into a factory of
    context managers: the code before the yield runs on entry, the
    yielded value is bound by 'as', the rest runs on exit (an exception
    in the block is raised at the yield)."""
    @wraps(func)
    def helper(*args, **kwds):
        return _GeneratorContextManager(func, args, kwds)
    return helper


def asynccontextmanager(func):
    """The async version of contextmanager, for async generator functions."""
    @wraps(func)
    def helper(*args, **kwds):
        return _AsyncGeneratorContextManager(func, args, kwds)
    return helper


class closing(AbstractContextManager):
    """Call thing.close() when the with block ends."""

    def __init__(self, thing):
        self.thing = thing

    def __enter__(self):
        return self.thing

    def __exit__(self, *exc_info):
        self.thing.close()


class aclosing(AbstractAsyncContextManager):
    """Await thing.aclose() when the async with block ends."""

    def __init__(self, thing):
        self.thing = thing

    async def __aenter__(self):
        return self.thing

    async def __aexit__(self, *exc_info):
        await self.thing.aclose()


class _RedirectStream(AbstractContextManager):

    _stream = None

    def __init__(self, new_target):
        self._new_target = new_target
        # A stack of previous streams, so the manager can be re-entered.
        self._old_targets = []

    def __enter__(self):
        self._old_targets.append(getattr(sys, self._stream))
        setattr(sys, self._stream, self._new_target)
        return self._new_target

    def __exit__(self, exctype, excinst, exctb):
        setattr(sys, self._stream, self._old_targets.pop())


class redirect_stdout(_RedirectStream):
    """Point sys.stdout at another file for the duration of the block."""

    _stream = "stdout"


class redirect_stderr(_RedirectStream):
    """Point sys.stderr at another file for the duration of the block."""

    _stream = "stderr"


class suppress(AbstractContextManager):
    """Swallow the given exception types raised in the block (for an
    exception group, the matching members; the rest is re-raised)."""

    def __init__(self, *exceptions):
        self._exceptions = exceptions

    def __enter__(self):
        pass

    def __exit__(self, exctype, excinst, exctb):
        if exctype is None:
            return
        if issubclass(exctype, self._exceptions):
            return True
        if issubclass(exctype, BaseExceptionGroup):
            match, rest = excinst.split(self._exceptions)
            if rest is None:
                return True
            raise rest
        return False


class _BaseExitStack:
    """The callback stack shared by ExitStack and AsyncExitStack.  Each
    entry is (is_sync, callback) where callback has __exit__'s signature."""

    @staticmethod
    def _create_exit_wrapper(cm, cm_exit):
        return MethodType(cm_exit, cm)

    @staticmethod
    def _create_cb_wrapper(callback, /, *args, **kwds):
        def _exit_wrapper(exc_type, exc, tb):
            callback(*args, **kwds)
        return _exit_wrapper

    def __init__(self):
        self._exit_callbacks = deque()

    def pop_all(self):
        """Move all callbacks to a new stack and return it (this one is emptied)."""
        new_stack = type(self)()
        new_stack._exit_callbacks = self._exit_callbacks
        self._exit_callbacks = deque()
        return new_stack

    def push(self, exit):
        """Push an __exit__-like callable, or an object whose __exit__ to call."""
        try:
            exit_method = type(exit).__exit__
        except AttributeError:
            self._push_exit_callback(exit)
        else:
            self._push_cm_exit(exit, exit_method)
        return exit

    def enter_context(self, cm):
        """Enter cm and push its __exit__; return what __enter__ returned."""
        cls = type(cm)
        try:
            enter = cls.__enter__
            exit = cls.__exit__
        except AttributeError:
            raise TypeError(f"'{cls.__module__}.{cls.__qualname__}' object does "
                            f"not support the context manager protocol") from None
        result = enter(cm)
        self._push_cm_exit(cm, exit)
        return result

    def callback(self, callback, /, *args, **kwds):
        """Push callback(*args, **kwds) to run at unwinding (never suppresses)."""
        wrapper = self._create_cb_wrapper(callback, *args, **kwds)
        wrapper.__wrapped__ = callback
        self._push_exit_callback(wrapper)
        return callback

    def _push_cm_exit(self, cm, cm_exit):
        self._push_exit_callback(self._create_exit_wrapper(cm, cm_exit), True)

    def _push_exit_callback(self, callback, is_sync=True):
        self._exit_callbacks.append((is_sync, callback))


def _chain_onto(new_exc, old_exc, frame_exc):
    """Make new_exc's context chain end in old_exc (as nested with blocks
    would), unless it already reaches old_exc."""
    while True:
        context = new_exc.__context__
        if context is None or context is old_exc:
            return
        if context is frame_exc:
            break
        new_exc = context
    new_exc.__context__ = old_exc


def _reraise(exc):
    # Raise exc keeping the __context__ set up above (a plain raise inside
    # an except block would replace it).
    context = exc.__context__
    try:
        raise exc
    except BaseException:
        exc.__context__ = context
        raise


class ExitStack(_BaseExitStack, AbstractContextManager):
    """A with-block that unwinds any number of context managers and
    callbacks, last in first out, as if they had been nested."""

    def __enter__(self):
        return self

    def __exit__(self, *exc_details):
        exc = exc_details[1]
        had_exception = exc is not None
        frame_exc = _current_exception()
        suppressed = False
        pending = False
        while self._exit_callbacks:
            is_sync, cb = self._exit_callbacks.pop()
            assert is_sync
            try:
                details = (None, None, None) if exc is None else \
                    (type(exc), exc, exc.__traceback__)
                if cb(*details):
                    suppressed = True
                    pending = False
                    exc = None
            except BaseException as new_exc:
                _chain_onto(new_exc, exc, frame_exc)
                pending = True
                exc = new_exc
        if pending:
            _reraise(exc)
        return had_exception and suppressed

    def close(self):
        """Run all callbacks now."""
        self.__exit__(None, None, None)


class AsyncExitStack(_BaseExitStack, AbstractAsyncContextManager):
    """Async version of ExitStack (accepts coroutine callbacks too)."""

    @staticmethod
    def _create_async_exit_wrapper(cm, cm_exit):
        return MethodType(cm_exit, cm)

    @staticmethod
    def _create_async_cb_wrapper(callback, /, *args, **kwds):
        async def _exit_wrapper(exc_type, exc, tb):
            await callback(*args, **kwds)
        return _exit_wrapper

    async def enter_async_context(self, cm):
        """Enter an async context manager and push its __aexit__."""
        cls = type(cm)
        try:
            enter = cls.__aenter__
            exit = cls.__aexit__
        except AttributeError:
            raise TypeError(f"'{cls.__module__}.{cls.__qualname__}' object does "
                            f"not support the asynchronous context manager protocol"
                            ) from None
        result = await enter(cm)
        self._push_async_cm_exit(cm, exit)
        return result

    def push_async_exit(self, exit):
        """Push an __aexit__-like coroutine function (or an object's __aexit__)."""
        try:
            exit_method = type(exit).__aexit__
        except AttributeError:
            self._push_exit_callback(exit, False)
        else:
            self._push_async_cm_exit(exit, exit_method)
        return exit

    def push_async_callback(self, callback, /, *args, **kwds):
        """Push a coroutine function call to await at unwinding."""
        wrapper = self._create_async_cb_wrapper(callback, *args, **kwds)
        wrapper.__wrapped__ = callback
        self._push_exit_callback(wrapper, False)
        return callback

    async def aclose(self):
        """Run all callbacks now."""
        await self.__aexit__(None, None, None)

    def _push_async_cm_exit(self, cm, cm_exit):
        self._push_exit_callback(self._create_async_exit_wrapper(cm, cm_exit), False)

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc_details):
        exc = exc_details[1]
        had_exception = exc is not None
        frame_exc = _current_exception()
        suppressed = False
        pending = False
        while self._exit_callbacks:
            is_sync, cb = self._exit_callbacks.pop()
            try:
                details = (None, None, None) if exc is None else \
                    (type(exc), exc, exc.__traceback__)
                if is_sync:
                    result = cb(*details)
                else:
                    result = await cb(*details)
                if result:
                    suppressed = True
                    pending = False
                    exc = None
            except BaseException as new_exc:
                _chain_onto(new_exc, exc, frame_exc)
                pending = True
                exc = new_exc
        if pending:
            _reraise(exc)
        return had_exception and suppressed


class nullcontext(AbstractContextManager, AbstractAsyncContextManager):
    """A context manager doing nothing; entering gives enter_result.
    Handy where a manager is only sometimes needed."""

    def __init__(self, enter_result=None):
        self.enter_result = enter_result

    def __enter__(self):
        return self.enter_result

    def __exit__(self, *excinfo):
        pass

    async def __aenter__(self):
        return self.enter_result

    async def __aexit__(self, *excinfo):
        pass


class chdir(AbstractContextManager):
    """Change the working directory for the block (process-wide, so not
    safe with threads)."""

    def __init__(self, path):
        self.path = path
        self._old_cwd = []

    def __enter__(self):
        import os
        self._old_cwd.append(os.getcwd())
        os.chdir(self.path)

    def __exit__(self, *excinfo):
        import os
        os.chdir(self._old_cwd.pop())
