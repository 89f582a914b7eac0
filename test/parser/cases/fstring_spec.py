f"{x:{width}}"
f"{x:{width}.{prec}}"
f"{x:>{w}d}"
f"{x:}"
