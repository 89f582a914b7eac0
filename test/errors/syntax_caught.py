# SyntaxError from compile() is an ordinary exception
srcs = ["x = (", "def f(:", "1 +* 2", "if x\n  pass", "a b", "f(**x, *y)", "lambda: (yield)", "x := 5", "del f()", "'''", "None = 1", "for x in 1, 2: break\nelse: continue", "import", "@\ndef f(): pass", "x = [1,, 2]"]
for s in srcs:
    try:
        compile(s, "<src>", "exec")
        print(repr(s), "compiled")
    except SyntaxError as e:
        print(repr(s), type(e).__name__, e.lineno)
