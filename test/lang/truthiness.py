for v in (0, 1, -1, 0.0, 0.1, 0j, "", "a", [], [0], (), (0,), {}, {0: 0}, set(), None, True, False, range(0), range(1), b"", bytearray(1)):
    print(repr(v), bool(v))
class T:
    def __bool__(self): return False
class L:
    def __len__(self): return 0
print(bool(T()), bool(L()), bool(object()))
