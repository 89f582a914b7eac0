# expected: python3.13 (the reference)
import typing
from typing import *
T = TypeVar('T'); K = TypeVar('K'); V = TypeVar('V')
print(Optional[int], Union[int, str], Union[int], Union[int, Union[str, float]], Optional[Union[int, str]], List[int], Dict[str, List[int]], Tuple[int, ...], Tuple[int, str], Tuple[()], Callable[[int, str], bool], Callable[..., int], Callable[[], None])
print(List, Dict, Callable, Any, Literal[1, 'a'], Annotated[int, 'meta'], ClassVar[int], Final[str], Type[int], Set[T], Iterable[T], Mapping[K, V][str, int])
print(T, TypeVar('X', bound=int), TypeVar('Y', str, bytes), TypeVar('C', covariant=True))
class Box(Generic[T]):
    pass
print(Box[int], Box.__parameters__, Box[int]().__class__, get_origin(Box[int]), get_args(Box[int]))
print(get_args(Callable[[int], str]), get_origin(Union[int, str]), get_args(Optional[int]), get_origin(List[int]), get_origin(int), get_args(int), get_origin(int | str), get_args(Literal[1,2]), get_origin(Annotated[int, 1]))
print(isinstance([], List), isinstance(3, Union[int, str]), issubclass(list, Sequence))
try: isinstance([], List[int])
except TypeError as e: print(e)
class P(NamedTuple):
    x: int
    y: str = 'a'
    def m(self): return self.x * 2
print(P(1), P(1).m(), P._fields, P.__annotations__, P._field_defaults)
E = NamedTuple('E', [('a', int)])
print(E(1), E.__annotations__)
class TD(TypedDict):
    a: int
    b: NotRequired[str]
print(TD(a=1), TD.__required_keys__, TD.__optional_keys__, TD.__total__)
TD2 = TypedDict('TD2', {'x': int}, total=False)
print(TD2(x=1), TD2.__optional_keys__, is_typeddict(TD2))
@runtime_checkable
class Closable(Protocol):
    def close(self): ...
class F:
    def close(self): pass
print(isinstance(F(), Closable), isinstance(1, Closable), isinstance(1, SupportsInt), isinstance('x', SupportsIndex))
def f(a: 'int', b: List['str'] = None) -> Optional['Box[int]']: pass
print(get_type_hints(f))
class C:
    x: int
    y: 'List[int]'
    z: ClassVar[int] = 3
print(get_type_hints(C))
UserId = NewType('UserId', int)
print(UserId, UserId(5), cast(int, 'x'), TYPE_CHECKING)
@overload
def g(x: int) -> int: ...
def g(x): return x
print(g(1), final(g) is g)
print(int | List[int], List[int] | None, Union[int, str] == Union[str, int], Optional[int] == Union[int, None])
try: Union[()]
except TypeError as e: print(e)
try: Generic[int]
except TypeError as e: print(e)
class Q(Protocol):
    def q(self): ...
try: Q()
except TypeError as e: print(e)
print(repr(Literal['x']), AnyStr, Text, typing.Generator[int, None, None], typing.Generator[int], Counter[str], Deque[int], DefaultDict[str, int])
print(Box[List[T]][int] if False else '', Dict[K, V][str, int], Tuple[T, ...][int])
