try:
    raise ExceptionGroup("group", [ValueError("v1"), TypeError("t1"), ValueError("v2")])
except* ValueError as eg:
    print("values:", [str(e) for e in eg.exceptions])
except* TypeError as eg:
    print("types:", [str(e) for e in eg.exceptions])
eg = ExceptionGroup("g", [KeyError("k"), ValueError("v")])
match, rest = eg.split(KeyError)
print(match.exceptions, rest.exceptions, eg.message, len(eg.exceptions))
print(eg.subgroup(lambda e: isinstance(e, ValueError)).exceptions)
try:
    ExceptionGroup("x", [])
except ValueError as e:
    print("ValueError", e)
print(type(BaseExceptionGroup("b", [KeyboardInterrupt()])).__name__, type(BaseExceptionGroup("b", [ValueError()])).__name__)
