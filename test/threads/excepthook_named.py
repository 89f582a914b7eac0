import threading, sys, io
def fail():
    raise RuntimeError("named failure")
class Job(threading.Thread):
    def run(self):
        raise KeyError("in run")
cap = io.StringIO()
old, sys.stderr = sys.stderr, cap
t = threading.Thread(target=fail, name="worker")
t.start(); t.join()
j = Job(name="job-thread")
j.start(); j.join()
sys.stderr = old
lines = cap.getvalue().splitlines()
print([l for l in lines if l.startswith("Exception in thread")])
print([l for l in lines if not l.startswith(" ") and "Error" in l])
print(lines.count("Traceback (most recent call last):"))
