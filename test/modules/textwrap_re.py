import re, textwrap
print(re.findall(r"\d+", "a1b22c333"), re.sub(r"(\w)(\d)", r"\2\1", "a1 b2"), re.split(r"[,;]\s*", "a, b;c"))
m = re.match(r"(?P<key>\w+)=(?P<val>\w+)", "k=v rest")
print(m.group(0), m.group("key"), m.groups(), m.groupdict(), m.span(), m.start(2))
print(re.search(r"o", "foo").start(), re.fullmatch(r"\w+", "abc") is not None, re.match(r"x", "abc"))
p = re.compile(r"(\d)+", re.I)
print(p.pattern, [m.group() for m in p.finditer("1 22 333")], p.subn("#", "1a2"))
print(textwrap.wrap("The quick brown fox jumps over the lazy dog", 15), textwrap.dedent("  a\n  b"), textwrap.shorten("hello world foo", 12))
