# I/O-bound work in a pool overlaps: 8 tasks of 0.3 s on 8 workers take far less than
# the 2.4 s they would need one after the other (generous: a loaded or sanitised run is slow to start threads)
from concurrent.futures import ThreadPoolExecutor
import time
def fetch(i):
    time.sleep(0.3)
    return f"page{i}"
start = time.monotonic()
with ThreadPoolExecutor(max_workers=8) as ex:
    pages = list(ex.map(fetch, range(8)))
elapsed = time.monotonic() - start
print(pages)
print("overlapped" if elapsed < 1.6 else "serialised")
