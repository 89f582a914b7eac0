# expected: python3.13 (DEFAULT_PROTOCOL 4 output sizes, messages)
# pickle: every protocol, round trips of built-ins and collections types,
# recursive structures, exact bytes for small pickles, errors, persistent ids.
# (Protocols 0-2 write bytes through _codecs.encode in CPython; Weft has no
# _codecs module, so bytes are left out of the byte-exact prints there.)
import pickle, io
from collections import OrderedDict, namedtuple, deque, defaultdict, Counter
P = namedtuple('P', 'x y')
class C:
    def __init__(self): self.a = [1, 2]; self.me = self
class S:
    __slots__ = ('u', 'v')
    def __init__(self): self.u = 1
class I(int): pass
def f(): pass
vals = [None, True, False, 0, 1, 255, 256, 65535, 65536, -1, -2**31, 2**31, 2**70, -2**70, 1.5, -0.0,
        '', 'abc', 'é\u1234\n\\', b'', b'xy', bytearray(b'ab'), (), (1,), (1, 2), (1, 2, 3), (1, 2, 3, 4),
        [], [1, [2]], {}, {'a': 1, 2: [3]}, set(), {1, 2}, frozenset(), frozenset({3}),
        OrderedDict(a=1, b=2), P(1, 2), deque([1, 2], 5), defaultdict(list, {1: [2]}), Counter('abca'),
        int, f, len, type(None), I(5), complex(1, 2), range(3), slice(1, 2), list(range(2500)),
        {i: str(i) for i in range(1200)}]
for proto in range(6):
    for v in vals:
        data = pickle.dumps(v, proto)
        w = pickle.loads(data)
        if w != v or type(w) is not type(v):
            print("MISMATCH", proto, repr(v)[:40], repr(w)[:40])
    c = pickle.loads(pickle.dumps(C(), proto))
    s = pickle.loads(pickle.dumps(S(), proto)) if proto >= 2 else None
    l = []; l.append(l); t = (l,)
    l2 = pickle.loads(pickle.dumps(l, proto)); t2 = pickle.loads(pickle.dumps(t, proto))
    print(proto, c.a, c.me is c, s and s.u, l2[0] is l2, t2[0][0] is t2[0], len(pickle.dumps(vals, proto)) if proto >= 3 else '')
for proto in range(6):
    print(proto, pickle.dumps([1, 'a', (2.5, None), {'k': b'v' if proto >= 3 else 'v'}, True], proto))
    print(proto, pickle.dumps(OrderedDict(a=1), proto))
    print(proto, pickle.dumps(P(1, 2), proto))
    print(proto, pickle.dumps(C, proto), pickle.dumps(2**70, proto), pickle.dumps({1, 2}, proto))
for bad in [lambda: 0, (x for x in ())]:
    try:
        pickle.dumps(bad)
    except Exception as e:
        print(type(e).__name__, str(e).split(' at ')[0])
import threading
try:
    pickle.dumps(threading.Lock())
except TypeError as e:
    print("TypeError", e)
for data in [b'', b'\x80\x05K', b'zz', b'\x80\x09.', b'(.', b'0.']:
    try:
        print(pickle.loads(data))
    except Exception as e:
        print(type(e).__name__, e)
buf = io.BytesIO()
pickle.dump([1, 2], buf); pickle.dump('x', buf); buf.seek(0)
print(pickle.load(buf), pickle.load(buf))
print(pickle.HIGHEST_PROTOCOL, pickle.DEFAULT_PROTOCOL)
print(pickle.loads(b'(lp0\nI1\naI2\na.'), pickle.loads(b"S'abc'\np0\n."), pickle.loads(b'c__builtin__\nlen\np0\n.'))
class Pers(pickle.Pickler):
    def persistent_id(self, obj):
        return 'X' if obj == 'secret' else None
class Unp(pickle.Unpickler):
    def persistent_load(self, pid):
        return 'restored ' + pid
b = io.BytesIO(); Pers(b, 2).dump(['a', 'secret']); b.seek(0); print(Unp(b).load())
try:
    pickle.dumps(1, 6)
except ValueError as e:
    print(e)
