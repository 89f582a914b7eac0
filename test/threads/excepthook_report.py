# an uncaught exception in a thread is reported and the program goes on
import threading, sys, io
def boom():
    raise ValueError("thread failure")
old = sys.stderr
sys.stderr = io.StringIO()
t = threading.Thread(target=boom)
t.start()
t.join()
report = sys.stderr.getvalue().splitlines()
sys.stderr = old
print(report[0].startswith("Exception in thread Thread-"), report[0].endswith(" (boom):"))
print(report[1])
print([l.strip() for l in report if "excepthook_report.py" in l])
print(report[-1])
print("main continues", t.is_alive())
