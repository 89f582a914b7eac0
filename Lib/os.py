"""OS routines (Weft, POSIX only).

Everything from the built-in `posix` module, plus: os.path (posixpath),
the path constants, environ/environb as mappings that keep the process
environment in step (putenv/unsetenv), getenv, makedirs/removedirs/renames,
walk, fsencode/fsdecode, PathLike, get_exec_path, fdopen, popen-free
helpers and the SEEK_* constants.
"""
import abc
import sys
import stat as st

from _collections_abc import MutableMapping, Mapping

name = 'posix'
linesep = '\n'

import posix
from posix import *
from posix import _exit

try:
    from posix import _have_functions
except ImportError:
    _have_functions = []

import posixpath as path
sys.modules['os.path'] = path
from posixpath import (curdir, pardir, sep, pathsep, defpath, extsep, altsep,
                       devnull)

__all__ = ["altsep", "curdir", "pardir", "sep", "pathsep", "linesep",
           "defpath", "name", "path", "devnull", "SEEK_SET", "SEEK_CUR",
           "SEEK_END", "fsencode", "fsdecode", "get_exec_path", "fdopen",
           "extsep", "makedirs", "removedirs", "renames", "walk", "environ",
           "environb", "getenv", "getenvb", "PathLike", "supports_bytes_environ"]
__all__.extend(n for n in dir(posix) if not n.startswith('_'))

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2

# Which functions accept dir_fd / fds / follow_symlinks (informational).
supports_dir_fd = {stat, lstat, mkdir, rmdir, remove, unlink, rename, replace,
                   readlink, access, chmod, utime, symlink, open}
supports_fd = {stat, chdir, chmod, truncate, utime, listdir}
supports_effective_ids = {access}
supports_follow_symlinks = {stat, access, chmod, utime}
supports_bytes_environ = True


def _get_masked_mode(mode):
    mask = umask(0)
    umask(mask)
    return mode & ~mask


def makedirs(name, mode=0o777, exist_ok=False):
    """makedirs(name [, mode=0o777][, exist_ok=False])

    Super-mkdir; create a leaf directory and all intermediate ones."""
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    if head and tail and not path.exists(head):
        try:
            makedirs(head, exist_ok=exist_ok)
        except FileExistsError:
            # another thread or process made it meanwhile
            pass
        cdir = curdir
        if isinstance(tail, bytes):
            cdir = bytes(curdir, 'ASCII')
        if tail == cdir:
            return
    try:
        mkdir(name, mode)
    except OSError:
        if not exist_ok or not path.isdir(name):
            raise


def removedirs(name):
    """removedirs(name)

    Super-rmdir; remove a leaf directory and then every empty parent."""
    rmdir(name)
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    while head and tail:
        try:
            rmdir(head)
        except OSError:
            break
        head, tail = path.split(head)


def renames(old, new):
    """renames(old, new)

    Super-rename; create directories as necessary and delete any left
    empty."""
    head, tail = path.split(new)
    if head and tail and not path.exists(head):
        makedirs(head)
    rename(old, new)
    head, tail = path.split(old)
    if head and tail:
        try:
            removedirs(head)
        except OSError:
            pass


def walk(top, topdown=True, onerror=None, followlinks=False):
    """Directory tree generator: yields (dirpath, dirnames, filenames) for
    each directory in the tree rooted at top."""
    stack = [fspath(top)]
    islink, join = path.islink, path.join
    while stack:
        top = stack.pop()
        if isinstance(top, tuple):
            # a (dirpath, dirs, files) result deferred for bottom-up order
            yield top
            continue
        dirs = []
        nondirs = []
        walk_dirs = []
        try:
            scandir_it = scandir(top)
        except OSError as error:
            if onerror is not None:
                onerror(error)
            continue
        cont = False
        with scandir_it:
            while True:
                try:
                    try:
                        entry = next(scandir_it)
                    except StopIteration:
                        break
                except OSError as error:
                    if onerror is not None:
                        onerror(error)
                    cont = True
                    break
                try:
                    is_dir = entry.is_dir()
                except OSError:
                    is_dir = False
                if is_dir:
                    dirs.append(entry.name)
                else:
                    nondirs.append(entry.name)
                if not topdown and is_dir:
                    if followlinks:
                        walk_into = True
                    else:
                        try:
                            is_symlink = entry.is_symlink()
                        except OSError:
                            is_symlink = False
                        walk_into = not is_symlink
                    if walk_into:
                        walk_dirs.append(entry.path)
        if cont:
            continue
        if topdown:
            yield top, dirs, nondirs
            # the caller may have pruned dirs; visit what is left, in order
            for dirname in reversed(dirs):
                new_path = join(top, dirname)
                if followlinks or not islink(new_path):
                    stack.append(new_path)
        else:
            stack.append((top, dirs, nondirs))
            for new_path in reversed(walk_dirs):
                stack.append(new_path)


class _Environ(MutableMapping):
    """A mapping over the process environment; assignments and deletions
    call putenv/unsetenv so child processes see them."""

    def __init__(self, data, encodekey, decodekey, encodevalue, decodevalue):
        self.encodekey = encodekey
        self.decodekey = decodekey
        self.encodevalue = encodevalue
        self.decodevalue = decodevalue
        self._data = data

    def __getitem__(self, key):
        try:
            value = self._data[self.encodekey(key)]
        except KeyError:
            raise KeyError(key) from None
        return self.decodevalue(value)

    def __setitem__(self, key, value):
        key = self.encodekey(key)
        value = self.encodevalue(value)
        putenv(key, value)
        self._data[key] = value

    def __delitem__(self, key):
        encodedkey = self.encodekey(key)
        unsetenv(encodedkey)
        try:
            del self._data[encodedkey]
        except KeyError:
            raise KeyError(key) from None

    def __iter__(self):
        for key in list(self._data):
            yield self.decodekey(key)

    def __len__(self):
        return len(self._data)

    def __repr__(self):
        items = ', '.join('{!r}: {!r}'.format(self.decodekey(key), self.decodevalue(value))
                          for key, value in self._data.items())
        return 'environ({{{}}})'.format(items)

    def copy(self):
        return dict(self)

    def setdefault(self, key, value):
        if key not in self:
            self[key] = value
        return self[key]

    def __ior__(self, other):
        self.update(other)
        return self

    def __or__(self, other):
        if not isinstance(other, Mapping):
            return NotImplemented
        new = dict(self)
        new.update(other)
        return new

    def __ror__(self, other):
        if not isinstance(other, Mapping):
            return NotImplemented
        new = dict(other)
        new.update(self)
        return new


def _fs_encoding():
    try:
        return sys.getfilesystemencoding(), sys.getfilesystemencodeerrors()
    except AttributeError:
        return 'utf-8', 'surrogateescape'


def _create_environ():
    encoding, errors = _fs_encoding()

    def encode(value):
        if not isinstance(value, str):
            raise TypeError("str expected, not %s" % type(value).__name__)
        return value.encode(encoding, errors)

    def decode(value):
        return value.decode(encoding, errors)

    data = {}
    for key, value in posix.environ.items():
        data[key] = value
    return _Environ(data, encode, decode, encode, decode)


environ = _create_environ()


def _check_bytes(value):
    if not isinstance(value, bytes):
        raise TypeError("bytes expected, not %s" % type(value).__name__)
    return value


# environb shares its storage with environ (both hold bytes).
environb = _Environ(environ._data, _check_bytes, bytes, _check_bytes, bytes)


def getenv(key, default=None):
    """Get an environment variable, return None if it doesn't exist.
    The optional second argument can specify an alternate default.
    key, default and the result are str."""
    return environ.get(key, default)


def getenvb(key, default=None):
    """Get an environment variable, return None if it doesn't exist.
    The optional second argument can specify an alternate default.
    key, default and the result are bytes."""
    return environb.get(key, default)


def fsencode(filename):
    """Encode filename (an os.PathLike, bytes, or str) to the filesystem
    encoding with 'surrogateescape' error handler, return bytes unchanged."""
    filename = fspath(filename)
    if isinstance(filename, str):
        encoding, errors = _fs_encoding()
        return filename.encode(encoding, errors)
    return filename


def fsdecode(filename):
    """Decode filename (an os.PathLike, bytes, or str) from the filesystem
    encoding with 'surrogateescape' error handler, return str unchanged."""
    filename = fspath(filename)
    if isinstance(filename, bytes):
        encoding, errors = _fs_encoding()
        return filename.decode(encoding, errors)
    return filename


def get_exec_path(env=None):
    """Returns the sequence of directories that will be searched for the
    named executable (similar to a shell) when launching a process."""
    if env is None:
        env = environ
    path_list = None
    try:
        path_list = env.get('PATH')
    except TypeError:
        path_list = None
    try:
        path_listb = env[b'PATH']
    except (KeyError, TypeError):
        pass
    else:
        if path_list is not None:
            raise ValueError("env cannot contain 'PATH' and b'PATH' keys")
        path_list = path_listb
    if path_list is not None and isinstance(path_list, bytes):
        path_list = fsdecode(path_list)
    if path_list is None:
        path_list = defpath
    return path_list.split(pathsep)


def fdopen(fd, mode="r", buffering=-1, encoding=None, *args, **kwargs):
    if not isinstance(fd, int):
        raise TypeError("invalid fd type (%s, expected integer)" % type(fd))
    import io
    if "b" not in mode:
        encoding = io.text_encoding(encoding) if hasattr(io, "text_encoding") else encoding
    return io.open(fd, mode, buffering, encoding, *args, **kwargs)


def _fspath(path):
    return fspath(path)


class PathLike(abc.ABC):
    """Abstract base class for implementing the file system path protocol."""

    __slots__ = ()

    @abc.abstractmethod
    def __fspath__(self):
        """Return the file system path representation of the object."""
        raise NotImplementedError

    @classmethod
    def __subclasshook__(cls, subclass):
        if cls is PathLike:
            for klass in subclass.__mro__:
                if "__fspath__" in klass.__dict__:
                    return klass.__dict__["__fspath__"] is not None
        return NotImplemented

    def __class_getitem__(cls, item):
        try:
            from types import GenericAlias
        except ImportError:
            return cls
        return GenericAlias(cls, item)


try:
    PathLike.register(DirEntry)
except NameError:
    pass
