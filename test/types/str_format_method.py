print("{} {} {}".format(1, "a", [2]), "{0} {1} {0}".format("x", "y"), "{name}-{n}".format(name="k", n=3))
print("{0[1]} {1[key]} {2.real}".format([5, 6], {"key": "v"}, 3j))
print("{:>6}|{:<6}|{:^6}|{:*^7}|{:06.2f}|{:,}|{:_x}".format("r", "l", "c", "m", 3.14159, 1234567, 0xdeadbeef))
print("{!r} {!s} {!a}".format("q", "q", "ü"), "{{literal}}".format(), "{:{w}.{p}}".format(3.14159, w=8, p=3))
print("{:b} {:o} {:x} {:X} {:#b} {:#x} {:c} {:e} {:E} {:%} {:g} {:G}".format(5, 8, 255, 255, 5, 255, 97, 1234.5, 0.00012, 0.25, 1e-7, 1e20))
print("{:+d} {: d} {:-d} {:=+8d} {:08.3f} {:.3s}".format(3, 3, -3, -42, -3.14159, "abcdef"))
print("{0:{1}}".format("x", ">4"), format(12, "n"), format(0.5, ".0%"), format(1e6, ",.1f"), format(-0.0, "f"))
print("{:.2}".format(1234.5), "{:.5}".format(1 / 3), "{:10}|{:<10}|".format(7, 7.5), "{:}".format(1.0))
class P:
    x, y = 1, 2
print("{p.x},{p.y}".format(p=P()), "{:%Y}".format(__import__("datetime").date(2020, 1, 1)))
for bad in ["{", "{0} {}", "{:d}", "{x}"]:
    try:
        print(bad.format("s"))
    except (ValueError, KeyError, IndexError) as e:
        print(type(e).__name__, e)
print("{a}{b}".format_map({"a": 1, "b": 2}))
