# 8 threads on one set: four add and remove their own keys (growing and
# shrinking the table, so it is resized under the readers), four test
# membership (x in s, which takes no lock in the free-threaded build) and
# iterate.  Keys of the base population are always members, keys never
# added are never members; list(s) sees each key once; an iteration shows
# only keys that were in the set, or raises "Set changed size during
# iteration".
import threading

BASE_INT = list(range(0, 3000, 3))
BASE_STR = ['base%d' % i for i in range(300)]
BASE_FLOAT = [i + 0.5 for i in range(100)]
NEVER = [1, 2, 4, 5, 'never', 'base-1', 0.25, 10**20 + 1, (1, 2)]
WRITERS = 4
READERS = 4
ROUNDS = 6

s = set(BASE_INT) | set(BASE_STR) | set(BASE_FLOAT)
fs = frozenset(s)
base = list(s)
start = threading.Barrier(WRITERS + READERS)
writers_done = threading.Event()
problems = []
iter_errors = [0] * READERS
checks = [0] * READERS


def writer(t):
    start.wait()
    try:
        for rnd in range(ROUNDS):
            mine = [10**6 * (t + 1) + rnd * 1000 + j for j in range(600)]
            mine_s = ['w%d-%d-%d' % (t, rnd, j) for j in range(200)]
            for k in mine:
                s.add(k)
            for k in mine_s:
                s.add(k)
            for k in mine:
                s.discard(k)
            for k in mine_s[:150]:
                s.remove(k)
    except Exception as e:
        problems.append(('writer', t, type(e).__name__, str(e)))


def reader(r):
    start.wait()
    try:
        while not writers_done.is_set() or checks[r] < 5:
            for k in base:
                if k not in s:
                    problems.append(('base key missing', r, k))
                if k not in fs:
                    problems.append(('frozenset key missing', r, k))
            for k in NEVER:
                if k in s:
                    problems.append(('unexpected member', r, k))
            if r % 2:
                # list(s) copies in one step (as under a GIL): no key twice.
                seen = list(s)
                if len(seen) != len(set(seen)):
                    problems.append(('duplicate in copy', r))
                # Stepping an iterator while writers add and remove: a
                # resize between two steps that leaves the size unchanged
                # may show a key again (as in CPython's free-threaded
                # build), but every key shown is one that was in the set.
                try:
                    for k in iter(s):
                        if not (type(k) is str and k[:1] in 'bw' or type(k) in (int, float)):
                            problems.append(('bad key in iteration', r, k))
                except RuntimeError as e:
                    if str(e) != 'Set changed size during iteration':
                        raise
                    iter_errors[r] += 1
            seen = list(fs)
            if len(seen) != len(fs):
                problems.append(('frozenset iteration', r))
            checks[r] += 1
    except Exception as e:
        problems.append(('reader', r, type(e).__name__, str(e)))


threads = [threading.Thread(target=writer, args=(t,)) for t in range(WRITERS)]
threads += [threading.Thread(target=reader, args=(r,)) for r in range(READERS)]
for th in threads:
    th.start()
for th in threads[:WRITERS]:
    th.join()
writers_done.set()
for th in threads[WRITERS:]:
    th.join()

expected = set(base)
for t in range(WRITERS):
    for rnd in range(ROUNDS):
        expected |= {'w%d-%d-%d' % (t, rnd, j) for j in range(150, 200)}
print('problems:', problems[:5], len(problems))
print('size:', len(s), 'expected:', len(expected), s == expected)
print('readers checked:', all(c >= 5 for c in checks))
print('membership after:', all(k in s for k in expected), any(k in s for k in NEVER))
it = iter(s)
n = sum(1 for _ in it)
print('iterated:', n, next(it, 'end'))
