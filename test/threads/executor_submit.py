from concurrent.futures import ThreadPoolExecutor, as_completed, wait, FIRST_EXCEPTION
import time
def task(n):
    if n == 3:
        raise ValueError("bad input 3")
    time.sleep(0.001 * n)
    return n * 10
with ThreadPoolExecutor(max_workers=3) as ex:
    futs = {ex.submit(task, n): n for n in range(6)}
    ok, failed = {}, {}
    for f in as_completed(futs):
        n = futs[f]
        try:
            ok[n] = f.result()
        except ValueError as e:
            failed[n] = str(e)
print(sorted(ok.items()), failed)
with ThreadPoolExecutor() as ex:
    f = ex.submit(sum, [1, 2, 3])
    print(f.result(timeout=10), f.done(), f.cancelled(), f.exception())
    g = ex.submit(task, 3)
    print(type(g.exception(timeout=10)).__name__)
    fs = [ex.submit(task, i) for i in range(3)]
    done, not_done = wait(fs, timeout=10)
    print(len(done), len(not_done))
ex = ThreadPoolExecutor(max_workers=1)
ex.shutdown()
try:
    ex.submit(task, 1)
except RuntimeError as e:
    print("RuntimeError", e)
