# A function whose __code__ is replaced while it runs keeps running its old
# code to the end, through garbage collections (in the free-threaded build
# a running frame's code object is counted by the collector, not by the
# frame), on the main thread and on several threads at once.
import gc
import threading
import weakref


def other(n, done):
    return "other"


SOURCE = """
def runner(n, done):
    # Drop the function's reference to the code running now: only this
    # frame still uses it.
    code = weakref.ref(runner.__code__)
    runner.__code__ = other.__code__
    total = 0
    for i in range(n):
        if i % 50 == 0:
            gc.collect()
            junk = [[j] for j in range(20)]
            junk.append(junk)
            del junk
            if code() is None:
                done.append("the running code was freed")
        total += i * 2
    done.append(total)
    return total
"""


def make_runner():
    # A code object of its own each time (exec compiles the source anew).
    ns = {"gc": gc, "other": other, "weakref": weakref}
    exec(SOURCE, ns)
    return ns["runner"]


results = []
r = make_runner()
print(r(200, results), r(5, results), results)
gc.collect()

threads = []
done = []
barrier = threading.Barrier(4)


def work():
    f = make_runner()
    barrier.wait()
    f(300, done)
    # The function runs its new code now.
    done.append(f(0, done))


for _ in range(4):
    t = threading.Thread(target=work)
    threads.append(t)
    t.start()
for t in threads:
    t.join()
gc.collect()
print(sorted(done, key=str))
