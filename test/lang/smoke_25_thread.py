import threading
out = []
t = threading.Thread(target=out.append, args=("from thread",))
t.start()
t.join()
print(out)
