# Article scenario ("When the GIL matters"): a recursive Fibonacci computed
# four times in one thread, then once in each of four threads.  The threads'
# results (stored, since Thread discards return values) match the single run.
import threading


def fibonacci(n):
    if n <= 1:
        return n
    return fibonacci(n - 1) + fibonacci(n - 2)


results = [fibonacci(20) for _ in range(4)]
print("single-threaded results:", results)

thread_results = [None] * 4


def worker(slot, n):
    thread_results[slot] = fibonacci(n)


threads = []
for k in range(4):
    thread = threading.Thread(target=worker, args=(k, 20))
    threads.append(thread)
    thread.start()
for thread in threads:
    thread.join()
print("multi-threaded results:", thread_results)
print("same answers:", thread_results == results)
