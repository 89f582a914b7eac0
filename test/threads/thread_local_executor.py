# each pool thread keeps its own threading.local state
import threading
from concurrent.futures import ThreadPoolExecutor
local = threading.local()
def task(i):
    if not hasattr(local, "seen"):
        local.seen = 0
    local.seen += 1
    return threading.get_ident(), local.seen
with ThreadPoolExecutor(max_workers=3) as ex:
    results = list(ex.map(task, range(30)))
per_thread = {}
for ident, seen in results:
    per_thread[ident] = max(per_thread.get(ident, 0), seen)
print(sum(per_thread.values()), len(per_thread) <= 3)
