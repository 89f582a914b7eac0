cases = [
    lambda: "%d" % "x",
    lambda: "%s %s" % "a",
    lambda: "%s" % (1, 2),
    lambda: "%(a)s" % (1,),
    lambda: "%y" % 1,
    lambda: "%" % (),
    lambda: "{0}".format(),
    lambda: "{a}".format(b=1),
    lambda: "{0:x}".format("s"),
    lambda: "{:,s}".format("s"),
    lambda: "{0!z}".format(1),
    lambda: "{0.missing}".format(1),
    lambda: "{0[5]}".format([1]),
    lambda: f"{1:{'bad spec'}}",
    lambda: format(1, "=s"),
    lambda: "{:.-1f}".format(1.0),
    lambda: "%c" % 1114112,
    lambda: "%.2c" % "ab",
]
for i, c in enumerate(cases):
    try:
        print(i, "no error", c())
    except (TypeError, ValueError, KeyError, IndexError, AttributeError, OverflowError) as e:
        print(i, type(e).__name__, e)
