for v in [0, 1, -1, 0.0, -0.0, float("nan"), "", " ", [], [[]], {}, set(), None, b"", b"\x00", 0j, range(0), ()]:
    print(repr(v), bool(v))
print(bool.__name__, bool(bool), isinstance(bool(1), int), bool(1) is True, True.__and__(False))
