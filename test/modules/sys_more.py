import sys
print(type(sys.argv).__name__, sys.argv[0])
print(sys.version_info >= (3,), sys.version_info[0] == 3, len(sys.version_info) == 5, sys.version_info.releaselevel in ("alpha", "beta", "candidate", "final"))
print(hasattr(sys, "getrefcount"), hasattr(sys, "_getframe"), hasattr(sys, "settrace"), hasattr(sys, "exit"))
print(isinstance(sys.builtin_module_names, tuple), "sys" in sys.builtin_module_names, isinstance(sys.prefix, str))
print(sys.getdefaultencoding(), sys.getfilesystemencoding().lower().replace("-", ""), sys.dont_write_bytecode in (True, False))
print(sys.int_info.sizeof_digit in (2, 4), sys.hash_info.width, sys.float_info.dig, sys.float_info.mant_dig, sys.float_repr_style)
old = sys.get_int_max_str_digits()
print(old, len(str(10 ** 4000)))
sys.set_int_max_str_digits(0)
print(len(str(10 ** 5000)))
sys.set_int_max_str_digits(old)
print(sys.is_finalizing(), callable(sys.displayhook), callable(sys.excepthook), sys.excepthook is sys.__excepthook__)
def tracer(frame, event, arg):
    if event == "call":
        calls.append(frame.f_code.co_name)
    return None
calls = []
def traced(): return 1
sys.settrace(tracer)
traced()
sys.settrace(None)
print(calls)
print(sys.gettrace())
