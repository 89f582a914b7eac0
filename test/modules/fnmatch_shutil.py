import fnmatch, shutil, os, tempfile, stat
print(fnmatch.fnmatch("a.py", "*.py"), fnmatch.fnmatchcase("A.PY", "*.py"), fnmatch.filter(["a.py", "b.c", "c.py"], "*.py"))
for pat in ["[abc]*", "[!a]?", "*a*b", "[a-c]x", "a[", "[]]", "x[*]y"]:
    print(pat, [n for n in ["abc", "bx", "ab", "a[", "]", "x*y", "zz", "aab"] if fnmatch.fnmatchcase(n, pat)], fnmatch.translate(pat))
print(fnmatch.fnmatchcase(b"a.py", b"*.py"))
print(stat.filemode(0o100644), stat.filemode(0o40755), stat.filemode(0o120777), stat.filemode(0o104755), stat.filemode(0o1777 | stat.S_IFDIR))
print(shutil.which("sh") is not None, shutil.which("no-such-command-weft"))
with tempfile.TemporaryDirectory() as d:
    src = os.path.join(d, "src")
    os.makedirs(os.path.join(src, "x", "y"))
    for name in ("a.txt", "b.log", "x/c.txt", "x/y/d.log"):
        with open(os.path.join(src, name), "w") as f:
            f.write(name)
    dst = shutil.copytree(src, os.path.join(d, "dst"), ignore=shutil.ignore_patterns("*.log"))
    print(sorted(os.path.relpath(os.path.join(r, f), dst) for r, _, fs in os.walk(dst) for f in fs))
    shutil.copy2(os.path.join(src, "a.txt"), os.path.join(d, "a2.txt"))
    print(os.stat(os.path.join(src, "a.txt")).st_mtime_ns == os.stat(os.path.join(d, "a2.txt")).st_mtime_ns)
    try:
        shutil.copyfile(os.path.join(d, "a2.txt"), os.path.join(d, "a2.txt"))
    except shutil.SameFileError:
        print("SameFileError")
    shutil.move(os.path.join(d, "dst"), os.path.join(d, "moved"))
    print(sorted(os.listdir(d)))
    shutil.rmtree(os.path.join(d, "moved"))
    try:
        shutil.rmtree(os.path.join(d, "nope"))
    except FileNotFoundError as e:
        print("FileNotFoundError", e.errno)
    shutil.rmtree(os.path.join(d, "nope"), ignore_errors=True)
    u = shutil.disk_usage(d)
    print(u.total >= u.used >= 0, u.free >= 0)
