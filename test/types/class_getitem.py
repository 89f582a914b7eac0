class Container:
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item.__name__ if isinstance(item, type) else item}]"
print(Container[int], Container["x"])
print(list[int], dict[str, int].__args__, type(list[int]).__name__)
print(list[int]([1, 2]), tuple[int, ...].__origin__)
