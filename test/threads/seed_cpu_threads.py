# Articles' scenarios: four threads each run the same CPU-bound loop (summing
# a range: "cpu_bound_task", "computation(task_id)", "cpu_intensive",
# "compute", "cpu_task" under PEP 703).  Each thread's result must equal the
# single-threaded one; "Thread N completed" lines are collected and printed in
# task order because completion order is not guaranteed.
import threading

ITER = 200000


def cpu_bound_task():
    total = 0
    for i in range(ITER):
        total += i
    return total


expected = cpu_bound_task()
print("closed form agrees:", expected == ITER * (ITER - 1) // 2)

completed = []
results = {}
lock = threading.Lock()


def computation(task_id):
    total = cpu_bound_task()
    with lock:
        results[task_id] = total
        completed.append(task_id)


threads = []
for i in range(4):
    thread = threading.Thread(target=computation, args=(i,))
    threads.append(thread)
    thread.start()
for thread in threads:
    thread.join()

for task_id in sorted(completed):
    print(f"Thread {task_id} completed")
print("every thread's total is right:", all(results[i] == expected for i in range(4)))


def cpu_intensive():
    total = 0
    for _ in range(ITER):
        total += 1
    with lock:
        counts.append(total)


counts = []
threads = [threading.Thread(target=cpu_intensive) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("counts:", counts)
print("alive after join:", [t.is_alive() for t in threads])
