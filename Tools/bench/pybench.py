#!/usr/bin/env python3
"""pybench.py: times the programs in Tools/bench/py/ under CPython (python3) and
under Weft's builds side by side, and prints each ratio and their geometric mean.

    python3 Tools/bench/pybench.py [--runs N] [--markdown] NAME=PYTHON ...

The first interpreter given is the reference (e.g. cpython=python3), the others are
compared with it; with a default and a free-threaded build, the free-threaded one is
also compared with the default one (the issue's 1.15x target).  Each program runs
N times per interpreter, alternating interpreters so machine noise hits all alike;
the minimum wall time counts.  A program whose output differs from the reference's
is reported as wrong and left out of the means (it measures nothing).
"""
import math
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
PROGS = sorted(f for f in os.listdir(os.path.join(HERE, "py")) if f.startswith("bm_") and f.endswith(".py"))


def run(python, prog):
    env = dict(os.environ)
    for k in ("PYTHONPATH", "PYTHON_GIL", "PYTHONHOME"):
        env.pop(k, None)
    t0 = time.perf_counter()
    p = subprocess.run([python, os.path.join(HERE, "py", prog)], capture_output=True, text=True,
                       env=env, timeout=600)
    dt = time.perf_counter() - t0
    return dt, p.returncode, p.stdout


def main(argv):
    runs = 3
    markdown = False
    interps = []
    args = list(argv)
    while args:
        a = args.pop(0)
        if a == "--runs":
            runs = int(args.pop(0))
        elif a == "--markdown":
            markdown = True
        elif "=" in a:
            name, path = a.split("=", 1)
            interps.append((name, path))
        else:
            sys.exit("usage: pybench.py [--runs N] [--markdown] NAME=PYTHON ...")
    if len(interps) < 2:
        sys.exit("pybench.py: give a reference and at least one interpreter to compare")
    names = [n for n, _ in interps]
    best = {}
    wrong = set()
    for prog in PROGS:
        ref_out = None
        for r in range(runs):
            for name, path in interps:
                try:
                    dt, rc, out = run(path, prog)
                except subprocess.TimeoutExpired:
                    dt, rc, out = float("inf"), -1, ""
                if name == names[0]:
                    ref_out = out if ref_out is None else ref_out
                elif rc != 0 or out != ref_out:
                    wrong.add((prog, name))
                key = (prog, name)
                best[key] = min(best.get(key, float("inf")), dt)
    # Ratios: each interpreter against the reference, and pairwise "ft vs default".
    pairs = [(n, names[0]) for n in names[1:]]
    if "weft-ft" in names and "weft" in names:
        pairs.append(("weft-ft", "weft"))
    header = ["program"] + ["%s s" % n for n in names] + ["%s/%s" % p for p in pairs]
    rows = []
    logs = {p: [] for p in pairs}
    for prog in PROGS:
        row = [prog[3:-3]] + ["%.3f" % best[(prog, n)] for n in names]
        for a, b in pairs:
            if (prog, a) in wrong or (prog, b) in wrong:
                row.append("wrong output")
            else:
                ratio = best[(prog, a)] / best[(prog, b)]
                logs[(a, b)].append(math.log(ratio))
                row.append("%.2fx" % ratio)
        rows.append(row)
    geo = ["geometric mean"] + [""] * len(names)
    for p in pairs:
        l = logs[p]
        geo.append("%.2fx (%d/%d)" % (math.exp(sum(l) / len(l)), len(l), len(PROGS)) if l else "n/a")
    rows.append(geo)
    if markdown:
        print("| " + " | ".join(header) + " |")
        print("|" + "---|" * len(header))
        for row in rows:
            print("| " + " | ".join(row) + " |")
    else:
        widths = [max(len(r[i]) for r in rows + [header]) for i in range(len(header))]
        for row in [header] + rows:
            print("  ".join(c.ljust(w) for c, w in zip(row, widths)))
    print("(minimum of %d runs each, interpreters alternating; ratio = time / time)" % runs)


if __name__ == "__main__":
    main(sys.argv[1:])
