# expected: python3.13 (the reference)
import pprint, collections, dataclasses, types
data = {'name': 'x' * 30, 'list': list(range(40)), 'nested': {'a': [1, 2, {'b': 'c' * 50}], 'z': (1,), 'set': {3, 1, 2}}, 'long string': 'word ' * 40, 'bytes': b'abcdefgh' * 20, 'tup': tuple(range(30))}
pprint.pprint(data)
pprint.pprint(data, width=40, indent=4)
pprint.pprint(data, depth=2)
pprint.pprint(list(range(100)), compact=True)
pprint.pp({'b': 1, 'a': 2})
print(pprint.pformat({'b': 1, 'a': 2}), pprint.saferepr([1, [2]]), pprint.isreadable([1]), pprint.isrecursive([1]))
od = collections.OrderedDict((str(i) * 10, i) for i in range(8)); pprint.pprint(od)
dd = collections.defaultdict(list, {str(i) * 10: [i] * 5 for i in range(5)}); pprint.pprint(dd)
c = collections.Counter('abracadabra' * 10 + 'xyzwvutsrq'); pprint.pprint(c, width=30)
pprint.pprint(collections.deque(range(40), maxlen=50)); pprint.pprint(collections.deque(range(40)))
@dataclasses.dataclass
class P:
    name: str
    values: list
    other: dict = None
pprint.pprint(P('n' * 30, list(range(30)), {'k': 'v' * 40}))
pprint.pprint(types.SimpleNamespace(a='x' * 50, b=list(range(20))))
pprint.pprint({(1, 2): 'a', 3: None, 'x': [frozenset({1, 2, 3})] * 8})
pprint.pprint(set(range(40))); pprint.pprint(frozenset(range(40)))
pprint.pprint("a very long single line string without newlines " * 4)
pprint.pprint(["line one\nline two\n" * 8])
pprint.pprint(10**40, underscore_numbers=True)
pprint.pprint([[1, 2, 3], {'a': 1}] * 10, width=20)
