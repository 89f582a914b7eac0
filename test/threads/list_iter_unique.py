# List iterators in the free-threaded build: a for loop's iterator, whose
# only reference is the loop's, advances without a compare-and-swap; one
# that other threads can reach advances with it.  Checked here:
# - a reversed() iterator shared by 8 threads gives every item once;
# - for loops (unique iterators) over a list other threads replace items
#   of, append to and pop from see only values that were in the list;
# - an iterator held by a variable while a for loop runs it (two
#   references) still gives every item once across threads.
import threading

N = 100000

def drain_in_threads(it, nthreads):
    """Every thread runs a for loop over the same iterator `it` (held by
    this frame too, so the loops share it); returns what they got."""
    got = []
    lock = threading.Lock()
    go = threading.Barrier(nthreads)

    def drain():
        go.wait()
        mine = []
        for x in it:
            mine.append(x)
        with lock:
            got.extend(mine)

    ts = [threading.Thread(target=drain) for _ in range(nthreads)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    return got

items = list(range(N))
got = drain_in_threads(reversed(items), 8)
print("reversed shared:", len(got), len(set(got)), sorted(got) == items)

# Unique iterators over a list the writers change under them.
data = list(range(1000))
stop = threading.Event()
bad = []

def writer(k):
    i = 0
    while not stop.is_set():
        data[(i * 7 + k) % 1000] = (i * 7 + k) % 1000
        data.append(1000 + k)
        try:
            data.pop()
        except IndexError:
            pass
        i += 1

def reader(rounds):
    for _ in range(rounds):
        n = 0
        for x in data:
            if not (0 <= x < 1000 + 8):
                bad.append(x)
            n += 1
        for x in reversed(data):
            if not (0 <= x < 1000 + 8):
                bad.append(x)

writers = [threading.Thread(target=writer, args=(k,)) for k in range(4)]
readers = [threading.Thread(target=reader, args=(200,)) for k in range(4)]
for t in writers + readers:
    t.start()
for t in readers:
    t.join()
stop.set()
for t in writers:
    t.join()
print("unique readers saw only list values:", bad == [])
print("length back to 1000:", len(data) == 1000)

# A loop whose iterator is also in a variable other threads use.
got = drain_in_threads(iter(items), 5)
print("variable-held iterator:", len(got), sorted(got) == items)
