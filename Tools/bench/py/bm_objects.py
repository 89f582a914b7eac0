# Object-heavy: many small instances, attribute access, inheritance, properties,
# dunder methods (a tiny vector algebra and a task scheduler).
class Vec:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)
    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)
    def dot(self, o):
        return self.x * o.x + self.y * o.y

class Task:
    def __init__(self, name, prio):
        self.name = name
        self.prio = prio
        self.runs = 0
    @property
    def weight(self):
        return self.prio * 2 + self.runs
    def run(self):
        self.runs += 1
        return self.weight

class IOTask(Task):
    def run(self):
        return super().run() + 1

def main():
    acc = Vec(0, 0)
    for i in range(150000):
        acc = acc + Vec(i, -i) * 2
    tasks = [Task("t%d" % i, i % 5) if i % 3 else IOTask("io%d" % i, i % 7) for i in range(200)]
    total = 0
    for _ in range(600):
        for t in tasks:
            total += t.run()
    print(acc.x, acc.y, acc.dot(Vec(1, 1)), total)

main()
