# expected: python3.13
# deque driven by a seeded random sequence of operations; every result,
# exception and the final contents printed (compared with CPython).
import random
from collections import deque

rng = random.Random(1234)
for trial in range(12):
    maxlen = rng.choice([None, None, 0, 1, 3, 7, 70])
    d = deque(rng.sample(range(100), rng.randint(0, 20)), maxlen)
    log = []
    for step in range(300):
        op = rng.randrange(22)
        x = rng.randrange(-5, 105)
        try:
            if op == 0: r = d.append(x)
            elif op == 1: r = d.appendleft(x)
            elif op == 2: r = d.pop()
            elif op == 3: r = d.popleft()
            elif op == 4: r = d.extend(range(x % 9))
            elif op == 5: r = d.extendleft(range(x % 9))
            elif op == 6: r = d.rotate(rng.randint(-30, 30))
            elif op == 7: r = d.remove(x)
            elif op == 8: r = d.count(x)
            elif op == 9: r = d.index(x, rng.randint(-10, 10), rng.randint(-10, 30))
            elif op == 10: r = d.insert(rng.randint(-25, 25), x)
            elif op == 11: r = d.reverse()
            elif op == 12: r = d[rng.randint(-25, 25)]
            elif op == 13:
                i = rng.randint(-25, 25); d[i] = x; r = None
            elif op == 14:
                del d[rng.randint(-25, 25)]; r = None
            elif op == 15: r = x in d
            elif op == 16: r = len(d)
            elif op == 17: r = (d == deque(list(d))) and (d <= deque(list(d) + [1]))
            elif op == 18:
                e = d.copy(); e += [x]; r = list(e)[-3:]
            elif op == 19: r = list(reversed(d))[:3]
            elif op == 20:
                if rng.random() < 0.1: d.clear()
                r = bool(d)
            else:
                r = list(d * (x % 3))[:4]
        except Exception as ex:
            r = type(ex).__name__ + ': ' + str(ex)
        log.append(r)
    print(trial, maxlen, d.maxlen, list(d))
    print('  ', log[:40])
    print('  ', log[40:120])
    print('  ', log[120:300])
print(repr(deque(range(3), 2)), repr(deque()), deque('ab') + deque('c'))
