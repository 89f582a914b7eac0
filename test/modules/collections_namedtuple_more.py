# expected: python3.13 (the reference)
from collections import namedtuple
import copy, pickle
P = namedtuple('P', 'x, y', defaults=[5])
print(P(1), P(1, 2)._replace(y=9), P._field_defaults, P.__new__.__doc__, P.__doc__, P._make([3, 4]), P(1)._asdict(), P.__new__.__defaults__, P.__match_args__, P.x.__doc__)
R = namedtuple('R', ['ok', 'def', '_x', 'ok', '1bad'], rename=True); print(R._fields)
S = namedtuple('S', 'only'); print(S(1), S.__doc__, repr(S._make([2])))
for bad in ["namedtuple('1x', 'a')", "namedtuple('X', 'a a')", "namedtuple('X', '_a')", "namedtuple('X', 'class')", "namedtuple('X', 'a b', defaults=[1,2,3])", "P(1)._replace(z=3)", "P._make([1,2,3])", "P()", "P(1,2,3)"]:
    try: eval(bad)
    except (TypeError, ValueError) as e: print(type(e).__name__, e)
print(copy.copy(P(1, 2)), pickle.loads(pickle.dumps(P(1, 2))) if False else '', P.__module__, P.__new__.__qualname__, P._make.__qualname__)
