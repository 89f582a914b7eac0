# expected: python3.13 (the "Did you mean" hints of the default excepthook)
import sys
class A:
    def __init__(self):
        self.value = 1
        self._hidden = 2
    def meth(self):
        return valeu
    def meth2(self):
        return self._hiden
def show(f):
    try:
        f()
    except Exception as e:
        sys.stdout.flush()
        sys.__excepthook__(type(e), e, e.__traceback__)
        sys.stderr.flush()
a = A()
show(lambda: a.vlue)
show(lambda: a._hiden)
show(lambda: a.hiden)
show(a.meth)
show(a.meth2)
show(lambda: [].apend)
show(lambda: prnt)
show(lambda: Print)
show(lambda: sys.versoin)
show(lambda: sys.maxsiz)
zzzzz_long_variable_name_here = 1
show(lambda: zzzzz_long_variable_name_hare)
show(lambda: xyz)
show(lambda: math)
show(lambda: __import__("_sugg_mod").compute_totl)
class B:
    def __init__(self):
        self.count = 0
    def bump(self):
        return count + 1
show(B().bump)
show(lambda: A.mth)
show(lambda: (5).real2)
show(lambda: setattr(5, "denominatr", 1))
for stmt in ("from _sugg_mod import compute_totla", "from _sugg_mod import _private_helpr",
             "from _sugg_mod import private_helper"):
    try:
        exec(stmt)
    except ImportError as e:
        sys.__excepthook__(type(e), e, None)
        sys.stderr.flush()


