class AppError(Exception): pass
def load():
    try:
        {}["missing"]
    except KeyError as e:
        raise AppError("load failed") from e
try:
    load()
except AppError as e:
    print(type(e.__cause__).__name__, e.__cause__, e.__suppress_context__)
    print(type(e.__context__).__name__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("second")
except ValueError as e:
    print(e.__cause__, type(e.__context__).__name__, e.__suppress_context__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("hidden") from None
except ValueError as e:
    print(e.__cause__, type(e.__context__).__name__, e.__suppress_context__)
try:
    raise ValueError("x") from TypeError("y")
except ValueError as e:
    print(repr(e.__cause__), e.__context__)
