import tempfile, shutil, os
with tempfile.TemporaryDirectory() as d:
    src = os.path.join(d, "src")
    os.makedirs(os.path.join(src, "sub"))
    for name in ("a.txt", "sub/b.txt"):
        with open(os.path.join(src, name), "w") as f:
            f.write(name)
    dst = os.path.join(d, "dst")
    shutil.copytree(src, dst)
    print(sorted(os.path.relpath(os.path.join(r, f), dst) for r, _, fs in os.walk(dst) for f in fs))
    shutil.copy(os.path.join(src, "a.txt"), os.path.join(d, "copy.txt"))
    shutil.move(os.path.join(d, "copy.txt"), os.path.join(d, "moved.txt"))
    print(sorted(os.listdir(d)))
    shutil.rmtree(dst)
    print(os.path.exists(dst))
    saved = d
print(os.path.exists(saved))
with tempfile.NamedTemporaryFile("w+", suffix=".txt") as f:
    f.write("temp data")
    f.seek(0)
    print(f.read(), f.name.endswith(".txt"))
with tempfile.TemporaryFile() as f:
    f.write(b"anon")
    f.seek(0)
    print(f.read())
