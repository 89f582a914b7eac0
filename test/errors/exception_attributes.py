try:
    1 / 0
except ZeroDivisionError as e:
    tb = e.__traceback__
    print(type(tb).__name__, tb.tb_lineno, tb.tb_frame.f_code.co_name, tb.tb_next)
e = ValueError("x")
print(e.__traceback__, e.__cause__, e.__context__, e.__suppress_context__)
e2 = e.with_traceback(None)
print(e2 is e)
class E(Exception):
    def __init__(self, a, b):
        super().__init__(a)
        self.b = b
x = E(1, 2)
print(x.args, x.b, str(x))
print(BaseException.__new__(ValueError).args)
import copy
print(copy.copy(ValueError("c")).args)
