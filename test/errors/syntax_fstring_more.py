# expected: python3.13 (PEP 701 f-string error texts and positions)
# compile() of bad f-strings: message, start and end of each SyntaxError.
cases = [
    'f"{1 +}"', 'f"{}"', 'f"{=}"', 'f"{!r}"', 'f"{:x}"', 'f"{1 2}"', 'f"{x!}"',
    'f"{x!z}"', 'f"{x!r=}"', 'f"{x=!}"', 'f"{x:{y}"', 'f"{x"', 'f"{x!r"', 'f"{x:"',
    'f"{x =  ?}"', 'f"{x!r x}"', 'f"{x = 3}"', 'f"{*}"', 'f"{lambda x: 1}"',
    'f"{a b c}"', 'f"{x!rr}"', 'f"{x! r}"', 'f"}"', 'f"{"', 'f"{x:}}"', 'f"{ }"',
    'f"{1 +, 2}"', 'f"{x)}"', 'f"{(x}"', 'f"{x=:}"', 'f"{x!r:y!z}"', 'f"{yield}"',
    'f"{x:{y:{z:{w}}}}"', 'f"{x:{y:{z}}}"', 'f"{x for x in y}"', 'f"{*x}"', 'f"{x:=1}"',
    'f"{x!r:>{1 +}}"', "f'{\"a\" \"b\" +}'", 'f"{1:{2 +}}"', 'f"{a.}"', 'f"{a[}"',
    'f"{import}"', 'f"{x if y}"', 'f"{not}"', 'f"{1 if 2 else}"', 'f"{x!3}"',
    'f"{x}}"', 'f"{{}"', 'x = (1', 'x = 1)', 'x = (1]', "x = 'abc", 'x = 0b2',
    '"""abc', 'f"abc', 'f"""abc', '1__0', 'f"""{\n1 +\n}"""', 'f"{x:{y:{z}}"',
]
for c in cases:
    try:
        compile(c, "<s>", "exec")
        print(repr(c), "compiles")
    except SyntaxError as e:
        print(repr(c), "|", e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)

x = 3
print(f"{x:{'>'}{4}}|{x!r:^5}|{x=}|{x = !s:>3}")
