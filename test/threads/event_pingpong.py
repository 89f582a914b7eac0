# two threads take turns using a pair of events
import threading
ping, pong = threading.Event(), threading.Event()
log = []
def player(name, mine, other, turns):
    for i in range(turns):
        mine.wait()
        mine.clear()
        log.append(f"{name}{i}")
        other.set()
a = threading.Thread(target=player, args=("ping", ping, pong, 5))
b = threading.Thread(target=player, args=("pong", pong, ping, 5))
a.start(); b.start()
ping.set()
a.join(); b.join()
print(log)
