items = {"apple": 3, "kiwi": 12}
for name, qty in items.items():
    print(f"{name:<8}|{qty:>4}|{qty / 7:8.3f}|{qty:#06x}")
x = 3.14159
width, prec = 10, 2
print(f"{x:{width}.{prec}f}|{x:<{width}}|{x:^{width}.1e}|")
print(f"{'quoted'}", f'{"double"}', f"{'a' + 'b'}", f"{x!r:>12}", f"{'s'!a}")
print(f"{3 + 4}", f"{[1, 2][1]}", f"{ {'k': 1}['k'] }", f"{(lambda v: v * 2)(21)}", f"{ x = }")
print(f"{len('abc')=}", f"{x=:.1f}", f"{x=!s}", f"{1+1 = }")
n = 1234567.891
print(f"{n:,}", f"{n:_.2f}", f"{int(n):,d}", f"{n:e}", f"{n:.3g}", f"{-n:+,.0f}", f"{0.25:%}", f"{0.25:.1%}")
print(f"{'left':-<10}", f"{'right':*>10}", f"{'center':.^12}", f"{42:=+8}", f"{-42:=8}")
print(f"{True}", f"{None}", f"{[1, 'a']}", f"{(1,)}", f"{b'bytes'}", f"{1j}")
name = "world"
print(f"hello {name.upper()} {name[::-1]} {name!r:>10} {len(name):03d}")
print(f"{{}}", f"{{{name}}}", f"a{{b}}c", f"{'{'}")
val = 7
print(f"{val:b} {val:o} {val:x} {val:X} {val:c}" if False else f"{val:b} {val:o} {val:x} {val:X}")
print(f"{'nested ' + f'{val * 2}'}")
multi = f"""first {val}
second {val + 1}"""
print(multi)
