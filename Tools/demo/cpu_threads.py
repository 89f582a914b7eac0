# cpu_threads.py: the classic GIL demonstration.  The same CPU-bound work on
# one thread and then on N threads at once; prints the times and the speedup
# N * T1 / TN.  Under a GIL the speedup stays near 1; free-threaded, near N.
import sys
import threading
import time


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def work():
    fib(25)
    total = 0
    for i in range(1_500_000):
        total += i * i
    return total


def run(nthreads):
    threads = [threading.Thread(target=work) for _ in range(nthreads)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return time.perf_counter() - start


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2
    gil = sys._is_gil_enabled() if hasattr(sys, "_is_gil_enabled") else True
    run(1)  # warm up
    # Best of three, alternating, so a busy moment on the machine does not
    # decide the answer.
    t1s, tns = [], []
    for _ in range(3):
        t1s.append(run(1))
        tns.append(run(n))
    t1, tn = min(t1s), min(tns)
    print(f"GIL enabled: {gil}")
    print(f"1 thread : {t1:.3f}s")
    print(f"{n} threads: {tn:.3f}s  (same work per thread)")
    print(f"speedup  : {n * t1 / tn:.2f}x of a possible {n}")


main()
