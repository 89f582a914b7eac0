# expected: python3.13 (OrderedDict repr is "OrderedDict({...})" since 3.12)
# collections.OrderedDict (written in C): every method, its views and
# iterators, and its error messages.
import copy
import gc
import pickle
import weakref
from collections import OrderedDict as OD


def err(f, *args, **kw):
    try:
        r = f(*args, **kw)
    except Exception as e:
        print('  ', type(e).__name__, e)
    else:
        print('   ok', r)


print(OD.__mro__, OD.__module__, OD.__name__, OD.__hash__)
print(repr(OD()), OD(a=1, b=2), OD([('x', 1), ('y', 2)]), OD({'k': 'v'}, z=0))
print(type(OD().keys()).__mro__, type(OD().values()).__name__, type(OD().items()).__name__)

# order, move_to_end, popitem
od = OD.fromkeys('abcde', 0)
od.move_to_end('b')
od.move_to_end('d', last=False)
od.move_to_end('d', False)
od.move_to_end('e', True)
print(list(od), list(reversed(od)))
print(od.popitem(), od.popitem(last=False), od.popitem(False), list(od))
err(od.move_to_end, 'zz')
err(OD().move_to_end, 'zz')
err(OD().popitem)
err(OD().popitem, last=False)
err(od.popitem, 1, 2)
err(od.move_to_end)
err(od.move_to_end, 'a', True, 1)
err(od.move_to_end, [])

# setitem / delitem keep order, reinsertion goes to the end
od = OD()
for k in [3, 1, 2, 'x', (1, 2), 1.5]:
    od[k] = str(k)
od[1] = 'one'
del od[3]
od[3] = 'three'
print(od)
err(od.__delitem__, 'missing')
err(od.__setitem__, [], 1)
err(od.__getitem__, 'missing')
print(1.0 in od, od[1.0], od.get(2), od.get(99, 'd'), len(od))
del od[1.0]
print(list(od))

# pop / setdefault / update / clear / copy / fromkeys
od = OD(a=1, b=2, c=3)
print(od.pop('b'), od.pop('zz', 'dflt'), od.pop(key='c'), od.pop('zz', default=None), od)
err(od.pop, 'zz')
err(od.pop)
print(od.setdefault('a', 9), od.setdefault('n'), od.setdefault('m', []), od)
err(od.setdefault)
od.update([('q', 1)], r=2)
od.update({'s': 3})
od.update(OD(t=4))
od.update(self=5, other=6)


class KeysOnly:
    def keys(self):
        return ['k1', 'k2']

    def __getitem__(self, k):
        return k.upper()


class ItemsOnly:
    def items(self):
        return [('i1', 1)]


od.update(KeysOnly())
od.update(ItemsOnly())
print(od)
err(od.update, 1, 2)
err(od.update, 5)
err(od.update, [(1, 2, 3)])
err(od.update, [(1,)])
err(od.update, [()])
err(od.update, [1])
err(OD, 1, 2)
err(OD, 5)
err(OD, [(1, 2, 3)])
c = od.copy()
print(type(c).__name__, c == od, c is od, list(c) == list(od))
od.clear()
print(od, len(od), list(od), c['a'])
print(OD.fromkeys('ab'), OD.fromkeys(range(3), 'v'), OD.fromkeys(iterable='xy', value=1))
err(OD.fromkeys)
err(OD.fromkeys, 5)

# equality: order matters only between two OrderedDicts
a, b = OD(x=1, y=2), OD(y=2, x=1)
print(a == b, a != b, a == dict(b), dict(b) == a, a != dict(b), a == OD(x=1, y=2))
print(a.__eq__(5), a.__ne__('s'), a == 5, a != 5)
err(lambda: a < b)
err(lambda: a <= {})
err(hash, a)

# views: order, reversed, set operations, repr
od = OD(b=1, a=2, c=3)
od.move_to_end('b')
print(od.keys(), od.values(), od.items())
print(list(reversed(od.keys())), list(reversed(od.values())), list(reversed(od.items())))
print(sorted(od.keys() & {'a', 'z'}), sorted(od.keys() | {'z'}), sorted(od.keys() - {'a'}),
      od.keys() == {'a', 'b', 'c'}, ('a', 2) in od.items(), 3 in od.values(), len(od.items()))
print(od.keys().isdisjoint(['q']), od.keys().mapping == {'a': 2, 'b': 1, 'c': 3})
print(type(iter(od)).__name__, type(iter(od.items())).__name__, type(reversed(od.values())).__name__)

# mutation during iteration
for mutate in (lambda o: o.__setitem__('new', 1), lambda o: o.__delitem__('a'),
               lambda o: o.move_to_end('a'), lambda o: o.popitem(), lambda o: o.clear(),
               lambda o: dict.__setitem__(o, 'bypass', 0)):
    od = OD(a=1, b=2, c=3)
    it = iter(od.items())
    first = next(it)
    mutate(od)
    try:
        print('  ', first, next(it))
    except RuntimeError as e:
        print('  ', first, 'RuntimeError', e)
    try:
        print('  ', next(it))
    except StopIteration:
        print('   StopIteration')
    except RuntimeError as e:
        print('   RuntimeError', e)
od = OD(a=1, b=2)
it = iter(od)
od['a'] = 10   # replacing a value is not a mutation of the order
print(list(it), list(od.values()))
it = iter(OD())
print(list(it))

# repr: recursion, subclasses
r = OD()
r['self'] = r
r['l'] = [r]
print(r)


class Sub(OD):
    pass


s = Sub(a=1)
print(s, repr(Sub()), s.copy(), type(s.copy()).__name__, Sub.fromkeys('xy'))
print(s | {'b': 2}, {'z': 0} | s, type({'z': 0} | s).__name__, OD(a=1) | OD(b=2))
s |= [('c', 3)]
s |= {'d': 4}
print(s)
err(lambda: s | 1)
err(lambda: 1 | s)
err(lambda: s | [('x', 1)])


# subclass hooks: update, setdefault, pop, popitem go through the overrides
class Logged(OD):
    def __setitem__(self, k, v):
        print('   set', k, v)
        super().__setitem__(k, v)

    def __delitem__(self, k):
        print('   del', k)
        super().__delitem__(k)


lg = Logged([('a', 1)], b=2)
lg.update(c=3)
lg.setdefault('d', 4)
lg.pop('a')
lg.popitem(last=False)
print(lg, lg.copy())


class LRU(OD):
    def __init__(self, size):
        super().__init__()
        self.size = size

    def __getitem__(self, key):
        value = super().__getitem__(key)
        self.move_to_end(key)
        return value

    def __setitem__(self, key, value):
        if key in self:
            self.move_to_end(key)
        super().__setitem__(key, value)
        if len(self) > self.size:
            oldest = next(iter(self))
            del self[oldest]


lru = LRU(3)
for k in 'abcadeaf':
    lru[k] = k.upper()
    if k == 'd':
        lru['b'] if 'b' in lru else None
print(lru, lru.size)

# pickle, copy, __reduce__, __dict__, weakref, __sizeof__
od = OD(b=[1, 2], a=(3,))
od.move_to_end('b')
od.attr = 'x'
print(od.__dict__, od.__reduce__()[:4], OD(a=1).__reduce__()[:4])
for proto in range(6):
    p = pickle.loads(pickle.dumps(od, proto))
    print(proto, p, p.attr, type(p).__name__)
print(copy.copy(od), copy.deepcopy(od)['b'] is od['b'], copy.copy(od).attr)
it = iter(od)
next(it)
print(it.__reduce__()[1], iter(od.values()).__reduce__()[1], iter(od.items()).__reduce__()[1])
w = weakref.ref(od)
print(w() is od, od.__sizeof__() > dict(od).__sizeof__())
del od, it
gc.collect()
print(w())


# cycles are collected
class Holder:
    pass


gc.collect()
h = Holder()
h.od = OD(h=h)
h.od['self'] = h.od
w = weakref.ref(h)
del h
gc.collect()
print(w())

# large: many deletes and moves keep the order right
od = OD((i, i * i) for i in range(2000))
for i in range(0, 2000, 3):
    del od[i]
for i in range(1999, 0, -7):
    if i in od:
        od.move_to_end(i, last=False)
keys = list(od)
print(len(od), keys[:4], keys[-3:], sum(od.values()), list(reversed(od)) == keys[::-1])
front = [i for i in range(1999, 0, -7) if i % 3][::-1]
rest = [i for i in range(2000) if i % 3 and i not in set(front)]
print(keys == front + rest)
while od:
    od.popitem(last=len(od) % 2 == 0)
print(od, len(od))


# keys with equal values but different identity, and a custom __eq__
class Key:
    def __init__(self, v):
        self.v = v

    def __hash__(self):
        return 7

    def __eq__(self, other):
        return isinstance(other, Key) and self.v == other.v

    def __repr__(self):
        return f'K{self.v}'


od = OD()
for i in range(5):
    od[Key(i)] = i
del od[Key(2)]
od.move_to_end(Key(0))
print(od, od.pop(Key(4)), Key(3) in od, list(od))
od = OD([(10**20, 'big'), (1, 'one')])
del od[int('1' + '0' * 20)]
print(od, od.pop(1.0), od)
