# 8 threads on one OrderedDict: four mutate it (move_to_end, popitem +
# reinsert, setitem/delitem of their own keys), four iterate it (keys,
# reversed, values, items).  The only exception allowed is the RuntimeError
# an iterator raises when the OrderedDict changed under it; at the end the
# dict part and the order agree and hold exactly the expected items.
import random
import threading
from collections import OrderedDict

N = 600
MUTATORS = 4
READERS = 4
OPS = 2500

od = OrderedDict((i, i * 3) for i in range(N))
start = threading.Barrier(MUTATORS + READERS)
done = threading.Event()
errors = []
runtime_errors = [0] * READERS
passes = [0] * READERS


def mutator(t):
    rng = random.Random(t)
    start.wait()
    try:
        for j in range(OPS):
            op = j % 4
            if op == 0:
                try:
                    od.move_to_end(rng.randrange(N), last=rng.random() < 0.5)
                except KeyError:
                    # Another mutator is between its popitem and reinsert
                    # of that key: expected, the key comes back.
                    pass
            elif op == 1:
                # Take an end item and put it back: the pair stays whole.
                k, v = od.popitem(last=rng.random() < 0.5)
                od[k] = v
            elif op == 2:
                od[('own', t, j)] = j
            else:
                if j % 8 == 3:
                    try:
                        del od[('own', t, j - 1)]
                    except KeyError:
                        # Popped by another mutator, which puts it back:
                        # removed again after the threads finished.
                        pass
    except Exception as e:  # a failure is printed, never swallowed
        errors.append(('mutator', t, type(e).__name__, str(e)))


def reader(r):
    start.wait()
    try:
        while not done.is_set() or passes[r] < 3:
            try:
                if r == 0:
                    seen = list(od)
                elif r == 1:
                    seen = list(reversed(od))
                elif r == 2:
                    seen = list(od.values())
                else:
                    seen = list(od.items())
                    for k, v in seen:
                        if isinstance(k, int) and v != k * 3:
                            errors.append(('bad pair', k, v))
                if r != 2 and len(set(seen)) != len(seen):
                    errors.append(('duplicate keys in one pass', r))
                passes[r] += 1
            except RuntimeError as e:
                if 'during iteration' not in str(e):
                    raise
                runtime_errors[r] += 1
    except Exception as e:
        errors.append(('reader', r, type(e).__name__, str(e)))


threads = [threading.Thread(target=mutator, args=(t,)) for t in range(MUTATORS)]
threads += [threading.Thread(target=reader, args=(r,)) for r in range(READERS)]
for th in threads:
    th.start()
for th in threads[:MUTATORS]:
    th.join()
done.set()
for th in threads[MUTATORS:]:
    th.join()

# Deleted keys a racing popitem + reinsert brought back go now.
for t in range(MUTATORS):
    for j in range(2, OPS, 8):
        od.pop(('own', t, j), None)
expected = {i: i * 3 for i in range(N)}
for t in range(MUTATORS):
    for j in range(OPS):
        if j % 4 == 2 and j % 8 != 2:
            expected[('own', t, j)] = j
print('errors:', errors)
print('size:', len(od), 'expected:', len(expected))
print('items match:', dict(od) == expected)
keys = list(od)
print('order consistent:', len(keys) == len(od) == len(set(keys)),
      list(reversed(od)) == keys[::-1],
      [od[k] for k in keys] == list(od.values()))
print('every reader finished passes:', all(p >= 3 for p in passes))
# Drain from both ends: the two parts stay in step to the last item.
n = 0
while od:
    od.popitem(last=n % 2 == 0)
    n += 1
print('drained:', n, len(od), dict.__len__(od))
