name, n, pi = "Ada", 42, 3.14159
print(f"{name} {n} {pi}")
print(f"{name!r} {name!s} {name!a} {'é'!a}")
print(f"{n:5d}|{n:<5}|{n:^5}|{n:>5}|{n:05}|{n:+}|{n:x}|{n:#o}|{n:b}")
print(f"{pi:.2f} {pi:10.3f} {pi:e} {pi:.0%} {1234567.891:,.2f} {1234567:_}")
print(f"{n=} {pi=:.1f} {name = }")
w, p = 8, 3
print(f"{pi:{w}.{p}f}|")
print(f"{{braces}} {n}{{}}")
d = {"k": "v"}
print(f"{d['k']} {[1, 2][0]} {n * 2} {'yes' if n else 'no'}")
print(f"{'nested {}'.format(1)}")
print(f"""triple {n}
line2""")
print(f"{3.0:g} {1e20:g} {0.0001:g} {65:c}")
x = 10
print(f"{x:>{w}}|{x:*^9}|")
print(F"upper F {x}", rf"raw\n{x}", fr"{x}\t")
import datetime
print(f"{datetime.date(2024, 1, 5):%Y/%m/%d}")
print(f"{(lambda: 5)()}", f"{x!r:>4}")
