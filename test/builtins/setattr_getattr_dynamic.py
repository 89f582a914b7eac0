class Config: pass
cfg = Config()
for k, v in {"host": "localhost", "port": 8080, "debug": True}.items():
    setattr(cfg, k, v)
print(sorted(vars(cfg).items()))
print([getattr(cfg, k) for k in ("host", "port")], getattr(cfg, "missing", None))
print(hasattr(cfg, "port"), hasattr(Config, "port"))
for k in list(vars(cfg)):
    delattr(cfg, k)
print(vars(cfg))
import math
fns = [getattr(math, n) for n in ("floor", "ceil", "trunc")]
print([f(-1.5) for f in fns])
print(getattr([], "__len__")(), getattr("abc", "__getitem__")(1))
