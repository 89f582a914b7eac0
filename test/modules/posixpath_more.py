import posixpath as p, os
for args in [("a", "b"), ("/a", "b", "/c"), (b"a", b"b"), ("a/", "b")]:
    print(p.join(*args))
for s in ["", "/", "//", "///", "a", "/a/b/", "a/b/c.d", "//a//b", b"/x/y"]:
    print(repr(s), p.split(s), p.splitext(s), p.basename(s), p.dirname(s), p.normpath(s), p.splitroot(s))
print(p.normpath("a/./b/../../c"), p.normpath("../a/../../b"), p.normpath(b"//x/./y"))
print(p.commonpath(["/a/b/c", "/a/b/d", "/a/bc"]), p.commonpath([b"x/y", b"x/z"]), p.commonprefix(["abc", "abd", "ab"]))
print(p.relpath("/x/y", "/x/z/w"), p.relpath(b"/a/b", b"/a"), p.isabs(b"/a"))
os.environ["WEFT_PP"] = "v"
print(p.expandvars("$WEFT_PP ${WEFT_PP} $WEFT_NOPE ${WEFT_NOPE} $ $$WEFT_PP ${WEFT_PP"), p.expandvars(b"$WEFT_PP/x"))
for bad in [lambda: p.join("a", b"b"), lambda: p.commonpath([]), lambda: p.commonpath(["/a", "b"]), lambda: p.relpath(""), lambda: p.join(1)]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(p.realpath("/usr/../tmp/./") == p.realpath("/tmp"), p.abspath("x") == os.path.join(os.getcwd(), "x"))
