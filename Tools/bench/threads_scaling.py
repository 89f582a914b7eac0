"""threads_scaling.py: CPU-bound pure-Python work on 1 thread and on N threads.

Run by the interpreter under test (Weft's builds, or CPython):

    python Tools/bench/threads_scaling.py [--threads 1,2,4] [--scale S] [--repeat R]

Each workload runs as N copies on N threads at once; T(N) is the wall time
until every copy has finished (minimum of R repeats, the thread counts
interleaved within each repeat), and the speedup is
N x T(1) / T(N): N for perfect scaling, 1 when the threads take turns (a
GIL).  One line of JSON per workload and thread count goes to stdout.
"""
import json
import sys
import threading
import time


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def work_fib(scale):
    return fib(27 + scale)


def work_int_loop(scale):
    total = 0
    for i in range(600000 * (1 << scale)):
        total += i * i % 7
    return total


class Particle:
    def __init__(self, x):
        self.x = x
        self.v = 1

    def step(self, dt):
        self.x += self.v * dt
        if self.x > 100:
            self.v = -1
        elif self.x < 0:
            self.v = 1
        return self.x


def work_methods(scale):
    ps = [Particle(i) for i in range(50)]
    s = 0
    for _ in range(30000 * (1 << scale)):
        for p in ps[:10]:
            s += p.step(2)
    return s


SHARED_DICT = {"k%d" % i: i for i in range(1000)}
SHARED_LIST = list(range(1000))
KEYS = list(SHARED_DICT)


def work_shared_reads(scale):
    d = SHARED_DICT
    lst = SHARED_LIST
    keys = KEYS
    s = 0
    for r in range(1500 * (1 << scale)):
        for i in range(0, 1000, 3):
            s += d[keys[i]] + lst[i]
    return s


WORKLOADS = {
    "fib": work_fib,
    "int_loop": work_int_loop,
    "methods": work_methods,
    "shared_reads": work_shared_reads,
}


def run(fn, scale, nthreads):
    gate = threading.Barrier(nthreads + 1)
    results = [None] * nthreads

    def body(k):
        gate.wait()
        results[k] = fn(scale)

    threads = [threading.Thread(target=body, args=(k,)) for k in range(nthreads)]
    for t in threads:
        t.start()
    gate.wait()
    t0 = time.perf_counter()
    c0 = time.process_time()
    for t in threads:
        t.join()
    dt = time.perf_counter() - t0
    dc = time.process_time() - c0
    if len(set(results)) != 1:
        raise SystemExit("threads disagree: %r" % (results,))
    return dt, dc


def main(argv):
    counts = [1, 2, 4]
    scale = 1
    repeat = 3
    only = None
    i = 0
    while i < len(argv):
        a = argv[i]
        if a == "--threads":
            counts = [int(x) for x in argv[i + 1].split(",")]
            i += 1
        elif a == "--scale":
            scale = int(argv[i + 1])
            i += 1
        elif a == "--repeat":
            repeat = int(argv[i + 1])
            i += 1
        elif a == "--only":
            only = argv[i + 1].split(",")
            i += 1
        else:
            raise SystemExit("usage: threads_scaling.py [--threads 1,2,4] [--scale S] "
                             "[--repeat R] [--only fib,...]")
        i += 1
    gil = sys._is_gil_enabled() if hasattr(sys, "_is_gil_enabled") else True
    for name, fn in WORKLOADS.items():
        if only and name not in only:
            continue
        # Thread counts are interleaved within each repeat rather than run
        # one after the other, so that a change in machine load during the
        # run affects T(1) and T(N) alike instead of skewing their ratio.
        times = {n: [] for n in counts}
        cpus = {n: [] for n in counts}
        for _ in range(repeat):
            for n in counts:
                wall, cpu = run(fn, scale, n)
                times[n].append(wall)
                cpus[n].append(cpu)
        t1 = min(times[1]) if 1 in times else None
        c1 = min(cpus[1]) if 1 in cpus else None
        for n in counts:
            best = min(times[n])
            cbest = min(cpus[n])
            speedup = n * t1 / best if t1 else None
            # CPU-time ratio N x C(1) / C(N): 1 when N threads cost no more
            # CPU than N single runs.  Unlike wall time it is not skewed by
            # other processes' load, so it shows GIL overhead (waiters that
            # spin or wake needlessly) even on a busy machine.
            cpu_ratio = n * c1 / cbest if c1 and cbest else None
            print(json.dumps({"workload": name, "threads": n, "seconds": round(best, 4),
                              "speedup": round(speedup, 3) if speedup else None,
                              "cpu_seconds": round(cbest, 4),
                              "cpu_ratio": round(cpu_ratio, 3) if cpu_ratio else None,
                              "gil": gil}), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
