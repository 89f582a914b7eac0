# Readers use list items at once (d[keys[i]], base + lst[i], s += lst[i],
# x[y[i]]: the eval loop reads such items without a reference) while
# writers replace those items with fresh equal objects, grow and shrink the
# lists, assign whole slices, and delete and re-insert the dict's keys.  Every read
# must see a live object with the right value (or a KeyError while a key is
# out); nothing may crash.
import threading

N = 64
BIG = 10**6
READERS = 4
WRITERS = 4
ROUNDS = 400

lst = [BIG + j for j in range(N)]
keys = ["key%d" % j for j in range(N)]
order = list(range(N))
d = {k: BIG * 2 + j for j, k in enumerate(keys)}
errors = []
misses = [0] * READERS
start = threading.Barrier(READERS + WRITERS)


def fresh_int(v):
    # A new int object equal to v (not a cached small int).
    return int(str(v))


def reader(r):
    start.wait()
    base = 7
    bad = 0
    for _ in range(ROUNDS):
        for i in range(N):
            v = base + lst[i]
            if v != base + BIG + i:
                bad += 1
            try:
                w = d[keys[i]]
                if w != BIG * 2 + i:
                    bad += 1
            except KeyError:
                misses[r] += 1
            j = order[i]
            if lst[j] - BIG != j:
                bad += 1
            x = lst[order[i]]
            if x != BIG + order[i] and x != BIG + j:
                bad += 1
        s = 0
        for i in range(N):
            s += lst[i]
        if s != N * BIG + N * (N - 1) // 2:
            bad += 1
    if bad:
        errors.append((r, bad))


def writer(w):
    start.wait()
    for n in range(ROUNDS):
        for j in range(w, N, WRITERS):
            lst[j] = fresh_int(BIG + j)
            keys[j] = "".join(["key", str(j)])
            k = keys[j]
            if n % 3 == 0:
                del d[k]
                d[k] = fresh_int(BIG * 2 + j)
            else:
                d[k] = fresh_int(BIG * 2 + j)
        if w == 0:
            # Grow past the end and shrink back: the array may move.
            lst.extend([0] * 50)
            del lst[N:]
            order[:] = list(range(N))


threads = [threading.Thread(target=reader, args=(r,)) for r in range(READERS)]
threads += [threading.Thread(target=writer, args=(w,)) for w in range(WRITERS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("errors", errors)
print("list intact", lst == [BIG + j for j in range(N)])
print("dict intact", d == {"key%d" % j: BIG * 2 + j for j in range(N)})
print("misses counted", sum(misses) >= 0)
