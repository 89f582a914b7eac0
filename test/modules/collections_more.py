from collections import ChainMap, UserDict, UserList, UserString
import collections.abc as cabc
cm = ChainMap({"a": 1}, {"a": 2, "b": 3})
print(cm["a"], cm["b"], len(cm), sorted(cm), cm.maps[1]["a"])
cm["c"] = 4
print(cm.maps[0], cm.new_child({"a": 0})["a"], cm.parents["a"])
class UD(UserDict):
    def __setitem__(self, k, v): super().__setitem__(k, v * 2)
u = UD(x=1); u["y"] = 2
print(u, u.data)
ul = UserList([1, 2]); ul.append(3)
print(ul, ul.data, len(ul), UserString("ab").upper())
print(isinstance([], cabc.Sequence), isinstance({}, cabc.Mapping), isinstance(set(), cabc.Set), isinstance(iter([]), cabc.Iterator))
print(isinstance((x for x in []), cabc.Generator), isinstance(len, cabc.Callable), issubclass(dict, cabc.MutableMapping), isinstance("", cabc.Hashable))
