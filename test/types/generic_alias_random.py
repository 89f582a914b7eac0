# expected: python3.13
# GenericAlias and UnionType built from seeded random pieces (no typing
# import): reprs, __args__/__parameters__, substitution through
# __typing_subst__ (also nested and in unions), errors, equality.
import random, collections, collections.abc, itertools

class Param:
    # stands in for typing.TypeVar: GenericAlias collects any argument with
    # __typing_subst__ as a parameter and calls it on substitution
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return '~' + self.name
    def __typing_subst__(self, arg):
        if arg is str:
            raise TypeError(f'{self.name} cannot be str')
        return arg

rng = random.Random(3)
T, U = Param('T'), Param('U')
leaves = [int, str, float, None, bytes, T, U, type(None), list, ...]
origins = [list, dict, tuple, set, frozenset, type, collections.deque, collections.defaultdict,
           collections.OrderedDict, collections.abc.Iterable, collections.abc.Mapping, itertools.chain]
def make(depth):
    if depth == 0 or rng.random() < 0.3:
        return rng.choice(leaves)
    if rng.random() < 0.3:
        a, b = make(depth - 1), make(depth - 1)
        try:
            return a | b
        except TypeError as e:
            return ('err', str(e))
    o = rng.choice(origins)
    n = rng.randint(1, 3)
    args = tuple(make(depth - 1) for _ in range(n))
    args = [a for a in args if not isinstance(a, tuple)] or [int]
    try:
        return o[tuple(args)] if len(args) > 1 else o[args[0]]
    except TypeError as e:
        return ('err', str(e))
for i in range(60):
    g = make(3)
    if isinstance(g, tuple) and g[0] == 'err':
        print(i, 'error', g[1])
        continue
    print(i, repr(g), getattr(g, '__args__', None), getattr(g, '__parameters__', None), type(g).__name__)
    params = getattr(g, '__parameters__', ())
    if params:
        try:
            print('   subst', g[tuple(rng.choice([int, str, list[int]]) for _ in params)])
        except TypeError as e:
            print('   subst error', e)
        try:
            g[(int,) * (len(params) + 1)]
        except TypeError as e:
            print('   too many', e)
    h = make(2)
    if not isinstance(h, tuple):
        print('   eq', g == h, (g == g) and hash(g) == hash(g))
