from concurrent.futures import ThreadPoolExecutor
def maybe(n):
    if n == 2:
        raise ZeroDivisionError("n was 2")
    return n
with ThreadPoolExecutor(max_workers=2) as ex:
    it = ex.map(maybe, range(4))
    got = []
    try:
        for v in it:
            got.append(v)
    except ZeroDivisionError as e:
        print("map raised", e, "after", got)
    f = ex.submit(maybe, 2)
    try:
        f.result()
    except ZeroDivisionError as e:
        print("result raised", e)
ex = ThreadPoolExecutor(max_workers=1)
import threading
gate = threading.Event()
first = ex.submit(gate.wait)
# Only queued work is cancelled: wait until the worker holds `first` (on a
# loaded machine it may not have picked it up yet).
import time
while not first.running():
    time.sleep(0.001)
later = [ex.submit(maybe, i) for i in range(3)]
ex.shutdown(wait=False, cancel_futures=True)
gate.set()
first.result()
print([f.cancelled() for f in later])
