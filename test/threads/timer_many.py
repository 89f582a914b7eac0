import threading
fired = []
lock = threading.Lock()
def fire(i):
    with lock:
        fired.append(i)
timers = [threading.Timer(0.01 * (i % 3), fire, args=(i,)) for i in range(9)]
timers.append(threading.Timer(30, fire, args=(9,)))
for t in timers: t.start()
timers[9].cancel()
for t in timers: t.join()
print(sorted(fired))
