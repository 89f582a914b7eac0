import importlib, sys
import _counter_mod
import _counter_mod
print(_counter_mod.RUNS)
importlib.reload(_counter_mod)
print(_counter_mod.RUNS)
del sys.modules["_counter_mod"]
import _counter_mod as again
print(again.RUNS, again is not _counter_mod)
import types
fake = types.ModuleType("totally_fake_module")
fake.answer = 42
sys.modules["totally_fake_module"] = fake
import totally_fake_module
print(totally_fake_module.answer)
