import queue
q = queue.Queue()
for i in range(3): q.put(i)
print(q.qsize(), q.empty(), q.full(), q.get(), q.get_nowait(), q.get(timeout=1))
try:
    q.get_nowait()
except queue.Empty:
    print("Empty")
try:
    q.get(timeout=0.01)
except queue.Empty:
    print("Empty after timeout")
b = queue.Queue(maxsize=2)
b.put("a"); b.put("b")
print(b.full())
try:
    b.put_nowait("c")
except queue.Full:
    print("Full")
try:
    b.put("c", timeout=0.01)
except queue.Full:
    print("Full after timeout")
l = queue.LifoQueue()
for i in range(3): l.put(i)
print([l.get() for _ in range(3)])
p = queue.PriorityQueue()
for item in [(3, "c"), (1, "a"), (2, "b")]: p.put(item)
print([p.get() for _ in range(3)])
s = queue.SimpleQueue()
s.put(1); s.put(2)
print(s.get(), s.qsize(), s.empty(), s.get(), s.empty())
try:
    s.get(block=False)
except queue.Empty:
    print("SimpleQueue Empty")
