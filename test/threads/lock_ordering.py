# two locks taken in a consistent order by many threads: no deadlock, exact totals
import threading
a, b = threading.Lock(), threading.Lock()
acct = {"x": 1000, "y": 1000}
def transfer(src, dst, n):
    for _ in range(n):
        with a:
            with b:
                acct[src] -= 1
                acct[dst] += 1
ts = [threading.Thread(target=transfer, args=(("x", "y") if i % 2 else ("y", "x")) + (500,)) for i in range(6)]
for t in ts: t.start()
for t in ts: t.join()
print(acct, sum(acct.values()))
