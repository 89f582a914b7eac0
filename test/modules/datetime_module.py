import datetime as dt
d = dt.date(2024, 2, 28)
print(d, d + dt.timedelta(days=2), d.weekday(), d.isoformat(), d.replace(day=1), d.toordinal(), dt.date.fromordinal(738000))
t = dt.datetime(2020, 5, 17, 13, 45, 30)
print(t, t.strftime("%A %d %B %Y %I:%M %p"), t.isoformat(), t.timestamp() if t.tzinfo else "naive")
u = dt.datetime(2020, 1, 1, tzinfo=dt.timezone.utc)
print(u, u.timestamp(), u + dt.timedelta(hours=25), dt.datetime.fromtimestamp(0, dt.timezone.utc))
delta = dt.datetime(2021, 1, 1) - dt.datetime(2020, 1, 1)
print(delta, delta.days, delta.total_seconds(), dt.timedelta(hours=-1), dt.timedelta(1, 2, 3))
print(dt.datetime.strptime("2023-07-04 09:30", "%Y-%m-%d %H:%M"), dt.date.fromisoformat("2000-12-31"))
print(dt.time(9, 5), dt.time(23, 59, 59, 999999), dt.date(2024, 1, 1) < dt.date(2024, 1, 2), dt.MAXYEAR)
try:
    dt.date(2023, 2, 29)
except ValueError as e:
    print("ValueError", e)
