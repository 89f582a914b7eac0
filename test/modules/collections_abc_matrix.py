# expected: python3.13 (the reference)
# isinstance of built-in objects against every collections.abc ABC.
import collections.abc as C, collections, types
def gen(): yield 1
async def co(): pass
async def ag(): yield
class Sized:
    def __len__(self): return 0
class NoHash:
    __hash__ = None
class It:
    def __iter__(self): return self
    def __next__(self): raise StopIteration
cor = co()
objs = [1, 1.5, 'abc', b'ab', bytearray(b'x'), [], (), {}, set(), frozenset(), range(3), iter([]), iter(()), iter({}), iter(''), {}.keys(), {}.values(), {}.items(), gen(), cor, ag(), len, lambda: 0, memoryview(b''), collections.deque(), collections.OrderedDict(), collections.Counter(), collections.defaultdict(int), collections.ChainMap(), types.MappingProxyType({}), Sized(), NoHash(), It(), None, zip(), map(len, []), reversed([]), enumerate([]), type, object()]
abcs = [C.Hashable, C.Iterable, C.Iterator, C.Reversible, C.Generator, C.Sized, C.Container, C.Callable, C.Collection, C.Set, C.MutableSet, C.Mapping, C.MutableMapping, C.MappingView, C.KeysView, C.ItemsView, C.ValuesView, C.Sequence, C.MutableSequence, C.Awaitable, C.Coroutine, C.AsyncIterable, C.AsyncIterator, C.AsyncGenerator, C.Buffer]
for o in objs:
    print(type(o).__name__, ''.join('1' if isinstance(o, a) else '0' for a in abcs))
cor.close()
print([a.__name__ for a in abcs], sorted(C.Mapping.__abstractmethods__), sorted(C.MutableSequence.__abstractmethods__), C.Set._hash(frozenset({1, 2})) == hash(frozenset({1, 2})))
