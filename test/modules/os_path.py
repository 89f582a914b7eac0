import os.path as p
print(p.join("a", "b", "c.txt"), p.join("/a", "/b"), p.join("a", ""), p.split("/x/y/z.py"), p.splitext("f.tar.gz"), p.splitext(".bashrc"))
print(p.basename("/x/y/z.py"), p.dirname("/x/y/z.py"), p.basename("/x/y/"), p.normpath("/a/./b/../c//d"), p.normpath("a/../.."))
print(p.isabs("/a"), p.isabs("a"), p.commonprefix(["/usr/lib", "/usr/local"]), p.commonpath(["/usr/lib", "/usr/local"]))
print(p.relpath("/a/b/c", "/a"), p.relpath("/a", "/a/b/c"), p.splitdrive("/x"), p.expanduser("~x") == "~x" or True)
print(p.exists("/"), p.isdir("/"), p.isfile("/"), p.exists("/no/such/weft"), p.abspath("/a/b/../c"), p.sep, p.extsep, p.pardir, p.curdir)
print(p.normcase("/A/B"), p.ismount("/"), p.islink("/no/such"), p.lexists("/"))
