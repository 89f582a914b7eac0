# expected: python3.13 (the reference)
import textwrap
texts = ["The quick brown fox jumps over the lazy dog", "well-known self-evident a-b-c x--y hello--world --flag e-mail 1-2 co-operation", "Hello.  World! Another sentence? \"Quote.\" end", "   leading and trailing   ", "a"*50 + " short " + "b-c"*20, "tabs\there\tand\nnewlines\r\nok", "word " * 30, ""]
for t in texts:
    for w in (5, 10, 15, 30):
        for kw in ({}, {'break_on_hyphens': False}, {'fix_sentence_endings': True}, {'max_lines': 2}, {'break_long_words': False}, {'drop_whitespace': False}, {'initial_indent': '* ', 'subsequent_indent': '  '}):
            try: r = textwrap.wrap(t, w, **kw)
            except Exception as e: r = repr(e)
            print(w, kw, r)
    print(textwrap.shorten(t, 12), textwrap.shorten(t, 20, placeholder='...'))
for d in ["  a\n  b", "  a\n    b\n", "\ta\n  b", "  \n  x\n   \n  y", "    foo\n  bar\n", "no indent\n  x", "  \t a\n  \t b"]:
    print(repr(textwrap.dedent(d)))
print(repr(textwrap.indent("a\n\n b\n  \n", "> ")), repr(textwrap.indent("a\nb", "+", lambda l: True)))
print(textwrap.fill("one two three four five six", 9))
