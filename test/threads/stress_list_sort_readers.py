# one thread sorts and reverses a list over and over while 3 others index and
# iterate it: readers only ever see the list's own items (or an empty list
# mid-sort, as CPython shows), and it ends sorted
import threading

lst = list(range(2000))
stop = threading.Event()
bad = []

def sorter():
    for i in range(150):
        lst.reverse()
        lst.sort(key=lambda x: -x)
        lst.sort()

def reader(out):
    n = 0
    while not stop.is_set():
        for i in (0, 500, 1999, -1):
            try:
                x = lst[i]
            except IndexError:
                continue
            if not isinstance(x, int) or not 0 <= x < 2000:
                bad.append(x)
            n += 1
        for x in lst:
            if not isinstance(x, int):
                bad.append(x)
    out.append(True)

out = []
rs = [threading.Thread(target=reader, args=(out,)) for _ in range(3)]
for t in rs:
    t.start()
s = threading.Thread(target=sorter)
s.start()
s.join()
stop.set()
for t in rs:
    t.join()
print(lst == list(range(2000)), bad, out)
