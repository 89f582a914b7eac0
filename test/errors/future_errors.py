# expected: python3.13 (PEP 563 error texts)
# __future__ imports: accepted names, unknown ones, placement, and what PEP 563
# forbids inside annotations.
import __future__
cases = [
    "from __future__ import annotations\ndef f(x: (yield)): pass",
    "from __future__ import annotations\nx: (y := 1)",
    "from __future__ import annotations\nasync def f():\n    x: await y",
    "from __future__ import annotations\ndef f():\n    x: (yield) = 1",
    "from __future__ import annotations\nclass C:\n    x: (yield)",
    "from __future__ import annotations\ndef f() -> (yield from x): pass",
    "def f(x: (yield)): pass",
    "from __future__ import braces",
    "from __future__ import spam",
    "from __future__ import nested_scopes, spam",
    "import os\nfrom __future__ import annotations",
    '"doc"\nfrom __future__ import annotations\nfrom __future__ import division',
    "from __future__ import (annotations as a)",
    "from __future__ import *",
    "x = 1\nfrom __future__ import annotations",
    "from __future__ import generator_stop, nested_scopes, generators, division, "
    "absolute_import, with_statement, print_function, unicode_literals",
    "def f():\n    from __future__ import annotations",
    "class C:\n    from __future__ import annotations",
    "from . import __future__",
    "import __future__\nfrom __future__ import annotations",
]
for c in cases:
    try:
        co = compile(c, "<s>", "exec")
        print(repr(c), "compiles", hex(co.co_flags))
    except SyntaxError as e:
        print(repr(c), "|", e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
co = compile("def f(x: int): pass", "<s>", "exec", __future__.annotations.compiler_flag)
ns = {}
exec(co, ns)
print(ns["f"].__annotations__, hex(co.co_flags))
for name in __future__.all_feature_names:
    print(name, getattr(__future__, name).compiler_flag)
exec("from __future__ import spam")
