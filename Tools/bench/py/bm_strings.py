# String-heavy: building, splitting, joining, formatting, searching, methods.
def main():
    words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"]
    lines = []
    for i in range(40000):
        w = words[i % len(words)]
        lines.append(f"{i:06d} {w.upper()} {w[::-1]} {len(w) * i:>10}")
    text = "\n".join(lines)
    total = 0
    for line in text.split("\n"):
        num, up, rev, val = line.split()
        total += int(num) + int(val)
        if up.lower().startswith("e"):
            total += 1
        total += rev.find("a")
    s = "".join(w.capitalize() for w in words) * 200
    reps = s.replace("Gamma", "G").count("G")
    parts = ["%s=%d" % (w, i) for i, w in enumerate(words * 3000)]
    joined = ",".join(parts)
    print(total, reps, len(joined), joined[-20:], text.count("ETA"))

main()
