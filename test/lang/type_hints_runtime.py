import typing
print(int | None, list[int], dict[str, list[int]], tuple[int, ...])
print(type(int | str).__name__, isinstance(3, int | str), issubclass(bool, int | None))
def f(x: "list[int]") -> None: pass
print(f.__annotations__)
print(typing.Optional[int], typing.Union[int, str], typing.List[int])
T = typing.TypeVar("T")
class Box(typing.Generic[T]):
    def __init__(self, v: T): self.v = v
print(Box[int].__origin__ is Box, Box(3).v, list[int]().__class__ is list)
print(typing.get_args(dict[str, int]), typing.get_origin(list[int]))
