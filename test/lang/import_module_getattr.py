import _lazy_attr_mod as m
print(m.REAL, m.dyn_ab, dir(m))
try:
    m.missing
except AttributeError as e:
    print("AttributeError", e)
from _lazy_attr_mod import dyn_xy
print(dyn_xy)
