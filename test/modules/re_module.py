# expected: python3.13 (the reference)
import re
tests = [
 (r"\d+", "a1b22c333"), (r"(\w)(\d)", "a1 b2"), (r"[,;]\s*", "a, b;c"), (r"(?P<key>\w+)=(?P<val>\w+)", "k=v rest"),
 (r"o", "foo"), (r"x*", "abxd"), (r"", "abc"), (r"a|b|", "xaby"), (r"(a)|(b)", "ab"), (r"^\s*$", "  "), (r"(?i)hello", "HeLLo world"),
 (r"a.c", "a\nc abc"), (r"(?s)a.c", "a\nc"), (r"^b", "a\nb"), (r"(?m)^b$", "a\nb\nc"), (r"\bfoo\b", "foo foobar barfoo foo."),
 (r"(a+)+b", "aaab"), (r"(a*?)b", "aab"), (r"a{2,3}", "aaaaaaa"), (r"a{2,}?", "aaaa"), (r"a{,2}", "aaa"), (r"x{1,2", "x{1,2"),
 (r"(\d+)-(\d+)", "10-20 30-40"), (r"(?:ab)+", "ababab c"), (r"(?=foo)f", "foo"), (r"(?!foo)f\w+", "foo fab"), (r"(?<=a)b", "ab cb"), (r"(?<!a)b", "ab cb"),
 (r"(\w+) \1", "hello hello world"), (r"(?P<w>\w+) (?P=w)", "bye bye"), (r"[^a-c]+", "abcdefabc"), (r"[\w.-]+@[\w.-]+", "mail me: a.b-c@x.org now"),
 (r"\s+", "a  b\t\nc"), (r"[A-Z][a-z]*", "Hello World FOO"), (r"(?i)[a-c]+", "ABCabcXYZ"), (r"\$\d+\.\d\d", "cost $12.50"), (r"(a)(b)?", "ac"),
 (r"(?x) a  b  # comment\n c", "abc"), (r"[]a]", "]a"), (r"[a-]", "-"), (r"\W+", "a, b!"), (r"(?>a+)b", "aaab"), (r"a++b", "aab"), (r"(?(1)a|b)", "b"), (r"(x)?(?(1)a|b)", "xa b"),
 (r"\Aab\Z", "ab"), (r"ab$", "ab\n"), (r"\x41\u0042\n", "AB\n"), (r"[\d\s]+", "12 34x"), (r"\.", "a.b"), (r"é+", "ééé"), (r"(?a)\w+", "héllo"),
]
for pat, s in tests:
    try:
        p = re.compile(pat)
        m = p.search(s)
        print(repr(pat), m and (m.group(), m.groups(), m.span(), m.groupdict(), m.lastindex), p.findall(s), [m.span() for m in p.finditer(s)], p.sub('<\\g<0>>', s), p.split(s), p.subn('-', s))
    except Exception as e:
        print(repr(pat), type(e).__name__, e)
print(re.sub(r"(\w)(\d)", r"\2\1", "a1 b2"), re.sub(r"a", lambda m: m.group().upper(), "banana", count=2), re.subn("b", "x", "abcb"))
print(re.split(r"(,)", "a,b,c", maxsplit=1), re.split(r"\W*", "a, b"), re.split("x*", "axbc"))
print(re.match(r"(\d)+", "123").group(1), re.fullmatch(r"\w+", "abc") is not None, re.fullmatch(r"\w", "ab"), re.match(r"x", "abc"))
p = re.compile(r"(\d)+", re.I)
print(p.pattern, p, re.compile("a", re.I | re.M), re.compile(b"a"), re.compile("a", re.S|re.X), p.groups, p.groupindex, p.flags)
m = re.search(r"(?P<k>\w+)=(?P<v>\w*)", "x: k=v")
print(m, m.start(2), m.end('k'), m['v'], m[0], m.group(1, 2), m.expand(r"\2=\1"), m.re.pattern, m.string, m.pos, m.endpos, m.lastgroup, m.regs)
print(re.escape("a.b*c?d[1]"), re.findall(rb"\d", b"a1b2"), re.sub(rb"a", b"b", b"aa"), re.search(b"(?P<x>b)", b"abc").groupdict())
for bad in ["(", ")", "[a", "a**", "*a", "a{3,2}", r"\q", "(?P<1>x)", "(?<=a+)b", r"(\1)", "(?Px)", "(?z)"]:
    try: re.compile(bad); print('ok', bad)
    except re.error as e: print(bad, '->', e, e.pos)
print(re.compile(r"\d+").search("abc 123 def", 5), re.compile(r"^\d").match("a1", 1), re.compile(r"\d").findall("1a2b3", 1, 4))
print(re.findall(r"(a)(b)?", "ab a"), re.findall(r"\b\w", "hi there"), re.sub(r"\s+$", "", "trail   "), re.sub("", "-", "abc"), re.sub(r"\b", "|", "ab cd"))
print(re.IGNORECASE, repr(re.I | re.M), re.NOFLAG, re.A.value, re.search(r"a", "A", re.IGNORECASE).group())
print(re.sub(r'(?P<first>\w+) (?P<second>\w+)', r'\g<second> \g<first>', 'hello world'), re.sub('x', r'\n', 'axb') == 'a\nb', re.sub('(x)', r'[\1\\]', 'axb'))
for pat, s in [(r"(a|b)*", "abba"), (r"((a)|(b))+", "abab"), (r"(ab|cd)*?x", "abcdx"), (r"(\d\d)+", "12345"), (r"(?:(\w)-)*(\w)", "a-b-c"),
               (r"(a)*b", "aab"), (r"^(\w+)\s*=\s*(.*)$", "key = some value"), (r"(?P<y>\d{4})-(?P<m>\d\d)", "on 2024-05-01"),
               (r"[+-]?\d+(\.\d+)?([eE][+-]?\d+)?", "x=-12.5e3"), (r'"([^"\\]|\\.)*"', 'say "hi \\"there\\"" ok'), (r"(?i)(?:the\s+)+", "The the THE end"),
               (r"<([a-z]+)>.*?</\1>", "<b>x</b><i>y</i>"), (r"\d+(?=px)", "10px 20em 30px"), (r"(?<=\$)\d+", "cost $45"), (r"^$", ""), (r"a?", ""),
               (r"[^\W\d]+", "ab12cd"), (r"[\[\]]", "a[b]"), (r"\\", "a\\b"), (r"(x)(y)?(z)?", "xz")]:
    p = re.compile(pat)
    print(repr(pat), [(m.span(), m.groups()) for m in p.finditer(s)], p.sub(lambda m: "[" + m.group() + "]", s))
print(re.sub(r"(?m)^", "> ", "a\nb\n"), re.findall(r"(?m)^\w+$", "ab\ncd\n"), re.split(r"\s*", " a b "), re.findall(r"[a-z]+", "Hello World", re.I))
