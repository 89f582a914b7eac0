import threading
c = threading.Condition(threading.RLock())
items = []
def consumer(out):
    with c:
        with c:
            c.wait_for(lambda: items)
            out.append(items.pop())
out = []
t = threading.Thread(target=consumer, args=(out,))
t.start()
with c:
    items.append("item")
    c.notify()
t.join()
print(out)
