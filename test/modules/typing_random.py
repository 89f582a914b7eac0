# expected: python3.13 (the reference)
# Random typing constructs: reprs, get_origin, get_args (fixed seed).
import typing, random, collections.abc
from typing import *
r = random.Random(9)
T = TypeVar('T'); K = TypeVar('K')
leaves = ['int', 'str', 'None', 'T', 'K', 'bytes', 'float', 'Any', 'list[int]', 'dict[str, int]', 'tuple[int, ...]']
def ty(d=0):
    if d > 2 or r.random() < 0.35: return r.choice(leaves)
    c = r.randrange(12)
    if c == 0: return f'List[{ty(d+1)}]'
    if c == 1: return f'Dict[{ty(d+1)}, {ty(d+1)}]'
    if c == 2: return f'Optional[{ty(d+1)}]'
    if c == 3: return f'Union[{ty(d+1)}, {ty(d+1)}]'
    if c == 4: return f'Tuple[{ty(d+1)}, {ty(d+1)}]'
    if c == 5: return f'Callable[[{ty(d+1)}], {ty(d+1)}]'
    if c == 6: return f'Callable[..., {ty(d+1)}]'
    if c == 7: return f'Literal[{r.randint(0,3)}, "x"]'
    if c == 8: return f'Annotated[{ty(d+1)}, "m"]'
    if c == 9: return f'Sequence[{ty(d+1)}]'
    if c == 10: return f'{ty(d+1)} | {ty(d+1)}'
    return f'Type[{ty(d+1)}]'
for i in range(300):
    s = ty()
    try:
        t = eval(s)
        print(i, s, '->', repr(t), get_origin(t), get_args(t), getattr(t, '__parameters__', ()))
    except TypeError as e:
        print(i, s, 'TypeError', e)
