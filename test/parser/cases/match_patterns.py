match command.split():
    case [action]:
        pass
    case [action, obj, *rest] if obj:
        pass
    case (1 | 2 | 3) as n:
        pass
    case {"x": 1, 'y': [a, b], **kw}:
        pass
    case Point(0, y=-1.5) | Point3(a.b.c, z=1 - 2j):
        pass
    case None | True | False | -1 | "s" "t" | b"b":
        pass
    case [*_, (x, y), _] | ():
        pass
    case {}:
        pass
    case (x):
        pass
    case a, *b, c:
        pass
    case _:
        pass
