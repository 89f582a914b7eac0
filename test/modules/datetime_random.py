# expected: python3.13 (the reference)
# Differential check of datetime on random values (fixed seed).
import datetime as dt, random
r = random.Random(4242)
fmt = '%Y-%m-%d %H:%M:%S.%f %a %A %b %B %j %U %W %w %y %p %I %G %V %u %%'
for i in range(150):
    d = dt.datetime(r.randint(1, 9999), r.randint(1, 12), r.randint(1, 28), r.randint(0, 23), r.randint(0, 59), r.randint(0, 59), r.choice([0, r.randint(0, 999999)]))
    td = dt.timedelta(days=r.randint(-5000, 5000), seconds=r.randint(-100000, 100000), microseconds=r.randint(-10**6, 10**6))
    f = r.uniform(-3, 3)
    try: s = d + td
    except OverflowError: s = 'overflow'
    print(i, d, repr(d), d.isoformat(), d.strftime(fmt), d.isocalendar(), d.weekday(), d.toordinal(), d.timetuple()[:9] if False else '', s, td, repr(td), td * f, td / 3, td // 7 if td else 0, td.total_seconds(), abs(td), -td, td % dt.timedelta(hours=5) if td else 0)
    e = d.date(); print(e.isoformat(), dt.date.fromisoformat(e.isoformat()) == e, dt.datetime.fromisoformat(d.isoformat()) == d, dt.date.fromordinal(e.toordinal()) == e, e.replace(day=1), (e - dt.date(2000, 1, 1)).days)
    tz = dt.timezone(dt.timedelta(minutes=r.randint(-1439, 1439)))
    a = d.replace(tzinfo=tz)
    print(a.isoformat(), a.utcoffset(), str(tz), repr(tz), a.astimezone(dt.timezone.utc) if 2 < d.year < 9998 else '', a.strftime('%z %Z'))
