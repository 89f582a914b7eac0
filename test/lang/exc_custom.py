class MyError(Exception):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code
class SubError(MyError): pass
try:
    raise SubError(42, "bad thing")
except MyError as e:
    print(type(e).__name__, e.code, e, e.args)
class WithStr(Exception):
    def __str__(self):
        return "custom str"
try:
    raise WithStr()
except Exception as e:
    print(e, repr(e))
print(issubclass(SubError, Exception), SubError.__mro__[-3:])
try:
    raise MyError
except TypeError as e:
    print("TypeError", e)
