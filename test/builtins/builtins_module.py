import builtins
names = ["abs", "all", "any", "ascii", "bin", "bool", "bytearray", "bytes", "callable", "chr", "classmethod",
         "compile", "complex", "delattr", "dict", "dir", "divmod", "enumerate", "eval", "exec", "filter", "float",
         "format", "frozenset", "getattr", "globals", "hasattr", "hash", "hex", "id", "input", "int", "isinstance",
         "issubclass", "iter", "len", "list", "locals", "map", "max", "memoryview", "min", "next", "object", "oct",
         "open", "ord", "pow", "print", "property", "range", "repr", "reversed", "round", "set", "setattr", "slice",
         "sorted", "staticmethod", "str", "sum", "super", "tuple", "type", "vars", "zip", "__import__",
         "aiter", "anext"]
print([n for n in names if not hasattr(builtins, n)])
print(builtins.len("abc"), builtins.True_ if hasattr(builtins, "True_") else True, __builtins__ is builtins or isinstance(__builtins__, dict))
print(type(builtins.print).__name__, builtins.print.__name__, builtins.__name__)
print(all(isinstance(getattr(builtins, e), type) and issubclass(getattr(builtins, e), BaseException)
          for e in ["ValueError", "TypeError", "KeyError", "OSError", "StopIteration", "KeyboardInterrupt"]))
