vals = [0, 1, -1, 42, 255, 3.5, -2.25, 1e10, 1.23456789e-5]
for spec in ["", "8", "<8", ">8", "^8", "+", " ", "08.2f", ".3g", ".2e", ",", "_"]:
    out = []
    for v in vals:
        try:
            out.append(format(v, spec))
        except ValueError as e:
            out.append("ERR")
    print(repr(spec), out)
for spec in ["b", "o", "x", "X", "#b", "#o", "#x", "c", "d", "n"]:
    print(spec, [format(v, spec) for v in (0, 10, 65, 255)])
print(format("text", "^10"), format("text", "x<10"), format("text", ".2"), format(True, ">5"), format(True, "d"))
print(format(12345.678, ",.2f"), format(0.000123, ".2%"), format(1e100, ".3"), format(float("inf"), "+f"), format(float("nan"), "F"))
