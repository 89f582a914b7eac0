import time
t1 = time.monotonic()
time.sleep(0.05)
t2 = time.monotonic()
print(t2 >= t1, t2 - t1 >= 0.04)
a = time.perf_counter(); b = time.perf_counter()
print(b >= a, isinstance(time.time(), float), time.time() > 1.6e9, isinstance(time.time_ns(), int))
print(time.monotonic_ns() > 0, time.perf_counter_ns() > 0, time.process_time() >= 0, time.thread_time() >= 0)
prev = time.monotonic()
ok = True
for _ in range(1000):
    now = time.monotonic()
    ok = ok and now >= prev
    prev = now
print("monotonic", ok)
st = time.gmtime(0)
print(st.tm_year, st.tm_mon, st.tm_mday, st.tm_hour, tuple(time.gmtime(86400 * 365))[:6])
print(time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(1700000000)), time.mktime(time.localtime(1000000)) == 1000000)
print(time.asctime(time.gmtime(0)), time.strptime("2024-02-29", "%Y-%m-%d").tm_yday)
time.sleep(0)
try:
    time.sleep(-1)
except ValueError as e:
    print("ValueError", e)
