import threading
class Counter(threading.Thread):
    def __init__(self, n):
        super().__init__(name=f"counter-{n}")
        self.n = n
        self.result = None
    def run(self):
        self.result = sum(i * i for i in range(self.n))
ts = [Counter(n) for n in (10, 100, 1000)]
for t in ts: t.start()
for t in ts: t.join()
print([(t.name, t.result) for t in ts])
class Direct(threading.Thread):
    def run(self):
        print("run called in", threading.current_thread().name)
d = Direct(name="direct")
d.run()
d.start(); d.join()
