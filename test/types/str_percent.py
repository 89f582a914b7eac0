print("%s %d %i %f %.2f %e %g %x %X %o %c %r %%" % ("s", 42, 7, 1.5, 3.14159, 12345.678, 0.00001, 255, 255, 8, 65, "r"))
print("%5d|%-5d|%05d|%+d|% d|%.3d" % (42, 42, 42, 42, 42, 7))
print("%10.3f|%-10.2e|%#x|%#o|%.0f|%#.0f" % (3.14159, 1234.5, 255, 8, 2.5, 2.5))
print("%(name)s is %(age)d" % {"name": "Bo", "age": 9}, "%s" % (1,), "%s" % [1, 2], "%s and %s" % ("a", "b"))
print("%*d|%-*s|%.*f" % (5, 1, 4, "x", 2, 3.14159), "%c" % "z", "%5s|%-5s|%.2s" % ("ab", "cd", "xyz"))
print("%a" % "é", "%s" % None, "%d" % 3.9, "%x" % -255, "%i" % True)
for fmt, arg in [("%d", "x"), ("%s %s", ("a",)), ("%s", (1, 2)), ("%z", 1), ("%(k)s", 5)]:
    try:
        print(fmt % arg)
    except (TypeError, ValueError, KeyError) as e:
        print(type(e).__name__, e)
print(b"%s %d %x" % (b"bytes", 5, 255))
