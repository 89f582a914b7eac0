# expected: python3.13 (the reference)
from collections import OrderedDict
import copy, pickle
o = OrderedDict(b=1, a=2, c=3)
print(o, o.keys(), o.values(), o.items(), list(reversed(o)), list(reversed(o.items())))
o.move_to_end('b'); o.move_to_end('c', last=False); print(o, o.popitem(), o.popitem(last=False), o)
o['z'] = 0; o['a'] = 9; print(o, OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), OrderedDict(a=1, b=2) != OrderedDict(b=2, a=1), OrderedDict(a=1) == {'a': 1})
print(copy.copy(o), copy.deepcopy(o), pickle.loads(pickle.dumps(o)), OrderedDict.fromkeys('xy', 0), o | {'q': 1}, {'q': 1} | o, o.setdefault('k', 5), o.pop('k'), o.pop('nope', None))
try: OrderedDict().popitem()
except KeyError as e: print('KeyError', e)
try: o.move_to_end('missing')
except KeyError as e: print('KeyError', e)
r = OrderedDict(); r['self'] = r; print(r)
print('a' in o.keys(), ('a', 9) in o.items(), 9 in o.values(), len(o.keys()), o.keys() & {'a'}, hash(o) if False else '')
class Sub(OrderedDict): pass
print(Sub(x=1), type(Sub(x=1).copy()).__name__)
