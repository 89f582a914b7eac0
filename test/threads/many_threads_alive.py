# a hundred threads alive at once, each parked on an Event
import threading
ev = threading.Event()
ts = [threading.Thread(target=ev.wait) for _ in range(100)]
for t in ts: t.start()
print(threading.active_count() >= 101, sum(t.is_alive() for t in ts))
ev.set()
for t in ts: t.join()
print(sum(t.is_alive() for t in ts), threading.active_count())
