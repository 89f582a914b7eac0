# notify(1) lets exactly one waiter through; notify_all the rest
import threading
cond = threading.Condition()
ready = []
woken = []
tickets = 0
def waiter(i):
    global tickets
    with cond:
        ready.append(i)
        cond.notify_all()
        cond.wait_for(lambda: tickets > 0)
        tickets -= 1
        woken.append(i)
        cond.notify_all()
ts = [threading.Thread(target=waiter, args=(i,)) for i in range(4)]
for t in ts: t.start()
with cond:
    cond.wait_for(lambda: len(ready) == 4)
    tickets = 1
    cond.notify(1)
with cond:
    cond.wait_for(lambda: len(woken) >= 1, timeout=10)
    print(len(woken), tickets)
with cond:
    tickets = 3
    cond.notify_all()
for t in ts: t.join()
print(sorted(woken), tickets)
