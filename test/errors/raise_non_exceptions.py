for bad in [5, "string", None, object(), int]:
    try:
        raise bad
    except TypeError as e:
        print("TypeError", e)
try:
    raise ValueError from 5
except TypeError as e:
    print("TypeError", e)
class NotExc: pass
try:
    try:
        pass
    except NotExc:
        pass
    print("unused handler of a non-exception class is fine")
    try:
        raise ValueError
    except NotExc:
        pass
except TypeError as e:
    print("TypeError", e)
