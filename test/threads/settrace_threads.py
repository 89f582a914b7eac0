# expected: python3.13 (threading.settrace_all_threads is new in 3.12)
import sys
import threading

lock = threading.Lock()
records = []

def tracer(frame, event, arg):
    if frame.f_code.co_name != "work":
        return None
    with lock:
        records.append((threading.current_thread().name, event,
                        frame.f_lineno - work.__code__.co_firstlineno))
    return tracer

def work(n):
    total = 0
    for i in range(n):
        total += i
    return total

def show(title):
    print(title)
    for r in sorted(records):
        print("   ", *r)
    records.clear()

# threading.settrace: threads started afterwards trace, the caller does not.
threading.settrace(tracer)
t = threading.Thread(target=work, args=(2,), name="T1")
t.start()
t.join()
print(threading.gettrace() is tracer, sys.gettrace())
work(1)
threading.settrace(None)
show("threading.settrace")

# settrace_all_threads reaches a thread that is already running.
go = threading.Event()
ready = threading.Event()
def waiter():
    ready.set()
    go.wait()
    work(1)
    with lock:
        records.append(("waiter", "gettrace is tracer", sys.gettrace() is tracer))
t = threading.Thread(target=waiter, name="T2")
t.start()
ready.wait()
threading.settrace_all_threads(tracer)
print(sys.gettrace() is tracer)
work(1)
go.set()
t.join()
threading.settrace_all_threads(None)
print(sys.gettrace(), threading.gettrace())
show("settrace_all_threads")

# setprofile_all_threads and per-thread getprofile.
calls = []
def prof(frame, event, arg):
    if event == "call" and frame.f_code.co_name == "work":
        with lock:
            calls.append(threading.current_thread().name)
go = threading.Event()
ready = threading.Event()
t = threading.Thread(target=waiter, name="T3")
t.start()
ready.wait()
threading.setprofile_all_threads(prof)
work(1)
go.set()
t.join()
threading.setprofile_all_threads(None)
print(sorted(calls), sys.getprofile(), threading.getprofile())
show("leftover")

# Each thread has its own trace function.
def own():
    sys.settrace(tracer)
    work(2)
    sys.settrace(None)
threads = [threading.Thread(target=own, name="W%d" % i) for i in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sys.gettrace())
show("per thread")
