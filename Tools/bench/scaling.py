#!/usr/bin/env python3
"""scaling.py: runs threads_scaling.py under each interpreter given, prints the
speedup table (speedup = N x T1 / TN) and draws it as an SVG chart.

    python3 Tools/bench/scaling.py [--threads 1,2,4] [--repeat R] [--rounds K]
                                   [--svg FILE] [--markdown] NAME=PYTHON ...

e.g. default=build-default/python free-threaded=build-ft/python cpython=python3.
Also prints, for a pair named "default" and "free-threaded", the free-threaded
build's one-thread time over the default build's (the single-thread cost).

The interpreters take turns: K rounds (default 3), each running every
interpreter with R repeats, and each time is the minimum over all rounds.
Run one after the other, a spell of machine load (a shared VM's neighbours)
would land on one build only and skew the ratio between builds by 10% or
more; taking turns spreads it over both.
"""
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
COLORS = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e"]


def collect(python, threads, repeat, scale):
    cmd = [python, os.path.join(HERE, "threads_scaling.py"), "--threads", threads,
           "--repeat", str(repeat), "--scale", str(scale)]
    env = dict(os.environ)
    env.pop("PYTHON_GIL", None)
    p = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=3600)
    if p.returncode != 0:
        raise SystemExit("%s failed:\n%s%s" % (" ".join(cmd), p.stdout, p.stderr))
    return [json.loads(line) for line in p.stdout.splitlines() if line.startswith("{")]


def svg_chart(series, counts, path):
    """series: {label: {workload: {n: speedup}}} -> one panel per workload."""
    workloads = sorted({w for s in series.values() for w in s})
    pw, ph, margin = 260, 220, 45
    width = margin + len(workloads) * (pw + margin)
    height = ph + 2 * margin + 30 + 18 * len(series)
    maxn = max(counts)
    ymax = max(maxn, max(v for s in series.values() for w in s.values() for v in w.values())) * 1.1
    out = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" '
           'font-family="sans-serif" font-size="12">' % (width, height),
           '<rect width="100%" height="100%" fill="white"/>',
           '<text x="%d" y="20" font-size="15" font-weight="bold">Speedup of N threads '
           '(N x T1 / TN), CPU-bound pure Python</text>' % margin]
    for k, w in enumerate(workloads):
        x0 = margin + k * (pw + margin)
        y0 = margin
        sx = lambda n: x0 + (n - 1) / max(maxn - 1, 1) * pw
        sy = lambda v: y0 + ph - v / ymax * ph
        out.append('<text x="%d" y="%d" font-weight="bold">%s</text>' % (x0, y0 - 8, w))
        out.append('<rect x="%d" y="%d" width="%d" height="%d" fill="none" stroke="#999"/>'
                   % (x0, y0, pw, ph))
        # Perfect scaling for reference.
        out.append('<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#bbb" '
                   'stroke-dasharray="4,3"/>' % (sx(1), sy(1), sx(maxn), sy(maxn)))
        for n in counts:
            out.append('<text x="%.1f" y="%d" text-anchor="middle">%d</text>' % (sx(n), y0 + ph + 15, n))
        for v in range(0, int(ymax) + 1):
            out.append('<text x="%d" y="%.1f" text-anchor="end">%d</text>' % (x0 - 5, sy(v) + 4, v))
        out.append('<text x="%d" y="%d" text-anchor="middle">threads</text>' % (x0 + pw / 2, y0 + ph + 30))
        for i, (label, s) in enumerate(series.items()):
            pts = sorted(s.get(w, {}).items())
            if not pts:
                continue
            color = COLORS[i % len(COLORS)]
            out.append('<polyline fill="none" stroke="%s" stroke-width="2" points="%s"/>'
                       % (color, " ".join("%.1f,%.1f" % (sx(n), sy(v)) for n, v in pts)))
            for n, v in pts:
                out.append('<circle cx="%.1f" cy="%.1f" r="3" fill="%s"/>' % (sx(n), sy(v), color))
    ly = margin + ph + 50
    for i, label in enumerate(series):
        color = COLORS[i % len(COLORS)]
        out.append('<rect x="%d" y="%d" width="14" height="4" fill="%s"/>' % (margin, ly + 18 * i - 4, color))
        out.append('<text x="%d" y="%d">%s</text>' % (margin + 20, ly + 18 * i, label))
    out.append('<text x="%d" y="%d" fill="#888">dashed: perfect scaling</text>'
               % (margin + 300, ly))
    out.append('</svg>')
    with open(path, "w") as f:
        f.write("\n".join(out) + "\n")


def main(argv):
    threads, repeat, rounds, scale, svg, markdown = "1,2,4", 3, 3, 1, None, False
    interps = []
    args = list(argv)
    while args:
        a = args.pop(0)
        if a == "--threads":
            threads = args.pop(0)
        elif a == "--repeat":
            repeat = int(args.pop(0))
        elif a == "--rounds":
            rounds = int(args.pop(0))
        elif a == "--scale":
            scale = int(args.pop(0))
        elif a == "--svg":
            svg = args.pop(0)
        elif a == "--markdown":
            markdown = True
        elif "=" in a:
            interps.append(tuple(a.split("=", 1)))
        else:
            raise SystemExit(__doc__)
    if not interps:
        raise SystemExit(__doc__)
    counts = [int(x) for x in threads.split(",")]
    times = {}
    for _ in range(rounds):
        for label, python in interps:
            for r in collect(python, threads, repeat, scale):
                key = (label, r["workload"], r["threads"])
                times[key] = min(times.get(key, r["seconds"]), r["seconds"])
    series = {label: {} for label, _ in interps}
    for (label, w, n), t in times.items():
        series[label].setdefault(w, {})[n] = n * times[(label, w, counts[0])] / (counts[0] * t)
    workloads = sorted({w for s in series.values() for w in s})
    header = ["workload"] + ["%s x%d" % (label, n) for label, _ in interps for n in counts[1:]]
    rows = []
    for w in workloads:
        rows.append([w] + ["%.2f" % series[label][w][n] for label, _ in interps for n in counts[1:]])
    if markdown:
        print("| " + " | ".join(header) + " |")
        print("|" + "---|" * len(header))
        for r in rows:
            print("| " + " | ".join(r) + " |")
    else:
        widths = [max(len(r[i]) for r in rows + [header]) for i in range(len(header))]
        for r in [header] + rows:
            print("  ".join(c.ljust(wd) for c, wd in zip(r, widths)))
    print("(speedup = N x T1 / TN; minimum of %d runs: %d rounds of %d, builds taking turns)"
          % (rounds * repeat, rounds, repeat))
    labels = [label for label, _ in interps]
    if "default" in labels and "free-threaded" in labels:
        for w in workloads:
            r = times[("free-threaded", w, counts[0])] / times[("default", w, counts[0])]
            print("one thread, free-threaded / default, %s: %.2fx" % (w, r))
    if svg:
        svg_chart(series, counts, svg)
        print("chart written to", svg)


if __name__ == "__main__":
    main(sys.argv[1:])
