import sys
def gen():
    yield 1
g = gen(); next(g)
cases = [
    lambda: next(g),
    lambda: next(iter([])),
    lambda: sys.exit(),
    lambda: sys.exit(3),
    lambda: sys.exit("msg"),
    lambda: exec("raise KeyboardInterrupt"),
    lambda: exec("raise GeneratorExit"),
    lambda: exec("assert False, 'assertion text'"),
    lambda: exec("raise NotImplementedError('todo')"),
    lambda: exec("raise RuntimeError"),
    lambda: exec("import no_mod_here"),
    lambda: __import__("os").stat("/no/such/path/weft"),
    lambda: open("/no/such/path/weft"),
    lambda: exec("raise UnicodeError('u')"),
    lambda: exec("raise EOFError"),
    lambda: exec("raise OSError(2, 'No such file or directory')"),
    lambda: exec("raise BufferError('buf')"),
    lambda: exec("raise Exception('a', 'b')"),
]
for i, c in enumerate(cases):
    try:
        c()
    except BaseException as e:
        print(i, type(e).__name__, repr(str(e)), e.args, [k.__name__ for k in type(e).__mro__[1:-1]])
