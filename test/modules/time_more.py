import time
t = time.gmtime(1700000000)
print(t, t.tm_zone, t.tm_gmtoff, t[0], len(t))
print(time.strftime("%a %A %b %B %d %H %I %j %m %M %p %S %w %y %Y %%", t))
print(time.asctime(t), time.asctime((2024, 1, 2, 3, 4, 5, 1, 2, 0)))
print(time.struct_time((2024, 1, 2, 3, 4, 5, 1, 2, 0)))
print(time.strptime("12 March 1999 03:04:05 PM", "%d %B %Y %I:%M:%S %p")[:9])
print(time.strptime("1999-100", "%Y-%j")[:8])
for bad in [lambda: time.strptime("2024-02-30", "%Y-%m-%d"), lambda: time.strptime("x", "%Y"), lambda: time.strptime("2024x", "%Y"),
            lambda: time.asctime((2024, 13, 2, 3, 4, 5, 1, 2, 0)), lambda: time.sleep(-0.5), lambda: time.get_clock_info("nope")]:
    try:
        bad()
    except ValueError as e:
        print("ValueError", e)
try:
    time.sleep("1")
except TypeError as e:
    print("TypeError", e)
info = time.get_clock_info("monotonic")
print(info.implementation, info.monotonic, info.adjustable)
print(time.get_clock_info("time").adjustable, isinstance(time.timezone, int), len(time.tzname))
print(time.mktime(time.localtime(86400 * 365)) == 86400 * 365, time.gmtime(-86400)[:3])
a = time.thread_time_ns(); b = time.process_time_ns()
print(a >= 0, b >= 0, time.perf_counter_ns() > 0)
