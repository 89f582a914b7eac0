# helper: module-level __getattr__ and __dir__ (PEP 562)
REAL = 1
def __getattr__(name):
    if name.startswith("dyn_"):
        return name[4:] * 2
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
def __dir__():
    return ["REAL", "dyn_example"]
