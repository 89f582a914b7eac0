# expected: python3.13 (3.13 lets a newline end a single-quoted f-string's format spec; escape errors point at the literal)
# A newline in the format spec of a single-quoted f-string ends the spec (the
# field goes on as an expression); in a triple-quoted one it is spec text.
# Bad escapes in literals: the SyntaxError covers the string token (in an
# f-string, its closing quote), as CPython 3.13 reports.

def show(src):
    print("---", repr(src))
    try:
        exec(compile(src, "<t>", "exec"), {"x": 5})
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset,
              repr(e.text))
    except Exception as e:
        print(type(e).__name__, e)

for src in [
    'print(repr(f"{x:\n}"))',
    'print(repr(f"{x:>10\n}"))',
    'print(repr(f"{x:>\n10}"))',
    'print(repr(f"{x:\n>10}"))',
    "print(repr(f'{x:\n}'))",
    'print(repr(f"{x!r:\n}"))',
    'print(repr(f"{x=:\n}"))',
    'print(repr(f"{x:\n\n}"))',
    'print(repr(f"{x:  \n  }"))',
    'print(repr(f"a{x:\n}b"))',
    'print(repr(f"{x:\n}{x:>3\n}"))',
    'print(repr(f"{x:\n"))',
    'print(repr(f"{x:d\n}"))',
    'print(repr(f"""{x:\n}"""))',
    'print(repr(f"""{x:>\n10}"""))',
    'print(repr(f"""{x:{3}\n}"""))',
    'print(repr(f"{x\n:>4}"))',
]:
    show(src)

for src in [
    'print(repr("\\N{foo}"))', 'x = 1\ny = "ab\\N{foo bar}c"', 'y = "\\N{DASH"', 'y = "\\N"',
    'y = f"a\\N{foo}b"', 'y = "\\N{EM DASH}\\N{nope}"', 'y = "\\x1"', 'y = "ab\\u12"',
    'y = "\\U00110000"', 'y = b"\\x1"', 'y = ("a"\n     "\\N{foo}")', 'y = "a" "\\N{foo}"',
    'y = "a" f"\\N{foo}"', 'y = f"{1}\\N{foo}"', 'y = u"\\N{foo}"', 'y = "\\N{foo}" + 1',
    'def f():\n    return "\\x"\n', 'y = "\\N{foo}";z=1', 'y = f"x{1}y\\N{foo}z{2}"',
    'y = r"\\N{nope}"', 'print("\\N{EM DASH}\\N{LATIN SMALL LETTER A}")',
]:
    show(src)

# The parser's errors show the source line with the newline that ends it.
for src in ["1 +* 2", "x = (1,", "def f(:", "a b", "x = 1\ny = 2 3", "'abc", "x = $",
            "x = 1\n  y = 2", "if x:\npass", "f(**)", "x = )", "x = 'a' 1", "del 1",
            "x = 5 = 6", "x = 1\n)"]:
    show(src)
