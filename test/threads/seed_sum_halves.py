# Article scenario (analyticsvidhya, "GIL and multithreading"): summing a list
# in one thread, then as two halves in two threads.  Threads report through a
# list instead of printing, since the two prints may come in either order.
import threading

numbers = [i for i in range(1, 200001)]
reports = []
report_lock = threading.Lock()


def calculate_sum(part, label):
    total = sum(part)
    with report_lock:
        reports.append((label, total))


calculate_sum(numbers, "whole")

half = len(numbers) // 2
first = threading.Thread(target=calculate_sum, args=(numbers[:half], "first half"))
second = threading.Thread(target=calculate_sum, args=(numbers[half:], "second half"))
first.start()
second.start()
first.join()
second.join()

for label, total in sorted(reports):
    print("The sum of the %s is: %d" % (label, total))
parts = dict(reports)
print("halves add up:", parts["first half"] + parts["second half"] == parts["whole"])
print("threads finished:", first.is_alive(), second.is_alive())
