# expected: python3.13 (the reference)
# Random operations on heaps, deques, ordered dicts, counters (fixed seed).
import random, heapq, bisect, collections, operator, functools
r = random.Random(99)
h = []; d = collections.deque(maxlen=r.choice([None, 7])); od = collections.OrderedDict(); c = collections.Counter(); dd = collections.defaultdict(list); lst = []
for i in range(2000):
    op = r.randrange(12); x = r.randint(0, 30)
    if op == 0: heapq.heappush(h, x)
    elif op == 1 and h: print('pop', heapq.heappop(h))
    elif op == 2 and h: print('ppush', heapq.heappushpop(h, x), 'repl', heapq.heapreplace(h, x))
    elif op == 3: d.append(x) if x % 2 else d.appendleft(x)
    elif op == 4 and d: print('dpop', d.pop() if x % 2 else d.popleft()); d.rotate(x - 15)
    elif op == 5: od[x % 7] = i; od.move_to_end(x % 7, last=bool(x % 2))
    elif op == 6 and od: print('odpop', od.popitem(last=bool(x % 2)))
    elif op == 7: c[x % 5] += x - 15; dd[x % 4].append(i)
    elif op == 8: bisect.insort(lst, x); print('bis', bisect.bisect_left(lst, x), bisect.bisect_right(lst, x))
    elif op == 9: heapq.heapify(h)
    elif op == 10: print('cnt', +c, -c, c.most_common(2), (c & collections.Counter(a=1, **{str(k): v for k, v in c.items()})) if False else '')
    elif op == 11: print('state', h, list(d), od, sorted(c.items()), dict(dd) if x < 3 else len(dd))
print(h, d, od, c, dd, lst, heapq.nsmallest(5, lst), heapq.nlargest(5, lst, key=lambda v: -v), list(heapq.merge(lst[::2], lst[1::2])))
print(functools.reduce(operator.add, lst, 0), operator.itemgetter(0, -1)(lst), sorted(lst, key=functools.cmp_to_key(lambda a, b: (a > b) - (a < b)))[:5])
