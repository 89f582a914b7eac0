# expected: python3.13 (the reference)
# date/time/datetime class behaviour: hashing and equality across offsets and folds,
# naive/aware mixing, repr/str/format/ctime, replace/combine/subclasses, pickling
# tuples, ISO parsing and calendars at year edges, timestamps of aware values,
# astimezone, arithmetic limits, tzinfo results that are checked.
import datetime as D
from datetime import date, time, datetime, timedelta, timezone
import warnings
warnings.simplefilter("ignore", DeprecationWarning)

UTC = timezone.utc
EST = timezone(timedelta(hours=-5), "EST")
IST = timezone(timedelta(hours=5, minutes=30))

def attempt(fn):
    try:
        print("ok", repr(fn()))
    except Exception as e:
        print(type(e).__name__, e)

# time: hashing/equality with offsets (including ones that cross midnight)
t1 = time(1, 30, tzinfo=IST)
t2 = time(20, 0, tzinfo=timezone(timedelta(hours=-0)))
t3 = time(20, 0, tzinfo=timezone(timedelta(hours=-5, minutes=-30)))
print(t1 == time(20, 0, tzinfo=UTC), hash(t1) == hash(time(20, 0, tzinfo=UTC)))
print(t3 == time(1, 30, tzinfo=UTC), hash(t3) == hash(time(1, 30, tzinfo=UTC)))
print(time(12) == time(12, tzinfo=UTC), time(12) != time(12, tzinfo=UTC))
attempt(lambda: time(12) < time(12, tzinfo=UTC))
print(time(10, tzinfo=EST) > time(14, tzinfo=UTC), time(10, tzinfo=EST) < time(16, tzinfo=UTC))
print(sorted([time(3, tzinfo=UTC), time(1, tzinfo=EST), time(2, tzinfo=IST)]))
print(hash(time(5, fold=1)) == hash(time(5)), time(5, fold=1) == time(5))
print(repr(time(1, 2, 0, 5, tzinfo=UTC, fold=1)), repr(time(0)), repr(time(1, 2, 3)))
print(str(time(1, 2, 3, 4000, tzinfo=IST)), time(7).isoformat("hours"),
      time(7, 8, 9, 123456).isoformat("milliseconds"))
attempt(lambda: time(1).isoformat("days"))
print(format(time(13, 5), "%I:%M %p"), format(time(13, 5), ""), f"{time(9):%H}")
attempt(lambda: format(time(1), 5))
print(time(1, 2).replace(minute=7, tzinfo=UTC), time(1, 2, tzinfo=UTC).replace(tzinfo=None),
      time(1).replace(fold=1).fold)
print(time.fromisoformat("T10:11:12.5+01:00"))
print(time(1, tzinfo=EST).utcoffset(), time(1, tzinfo=EST).tzname(), time(1, tzinfo=EST).dst(),
      time(1).utcoffset(), time(1).tzname())

# datetime: equality/hash across zones, folds, naive vs aware
a = datetime(2024, 3, 10, 12, tzinfo=UTC)
b = a.astimezone(EST)
c = a.astimezone(IST)
print(b, c, a == b == c, hash(a) == hash(b) == hash(c), b - c, a - b)
print(datetime(2024, 1, 1) == datetime(2024, 1, 1, tzinfo=UTC))
attempt(lambda: datetime(2024, 1, 1) < datetime(2024, 1, 1, tzinfo=UTC))
attempt(lambda: datetime(2024, 1, 1) - datetime(2024, 1, 1, tzinfo=UTC))
print(datetime(2024, 1, 1, 5, fold=1) == datetime(2024, 1, 1, 5),
      hash(datetime(2024, 1, 1, 5, fold=1)) == hash(datetime(2024, 1, 1, 5)))

class Fall(D.tzinfo):
    # UTC-4 until 2024-11-03 01:00 (fold=0), UTC-5 from then (fold=1 for the repeated hour)
    def utcoffset(self, dt):
        if dt.replace(tzinfo=None) < datetime(2024, 11, 3, 1):
            return timedelta(hours=-4)
        if dt.replace(tzinfo=None) < datetime(2024, 11, 3, 2) and not dt.fold:
            return timedelta(hours=-4)
        return timedelta(hours=-5)
    def dst(self, dt):
        return self.utcoffset(dt) + timedelta(hours=5)
    def tzname(self, dt):
        return "EDT" if self.dst(dt) else "EST"
fall = Fall()
amb0 = datetime(2024, 11, 3, 1, 30, tzinfo=fall)
amb1 = amb0.replace(fold=1)
print(amb0.utcoffset(), amb1.utcoffset(), amb0.tzname(), amb1.tzname(), amb0.timetuple().tm_isdst,
      amb1.timetuple().tm_isdst)
same_utc = amb0.astimezone(UTC)
print(same_utc, amb0 == same_utc, amb1 == amb1.astimezone(UTC), amb0 == amb1)
print(amb1 - amb0, amb0.astimezone(UTC) < amb1.astimezone(UTC), amb0 < amb1)
print(hash(amb0) == hash(amb0.replace(fold=0)))
print(amb0.utctimetuple()[:6], amb1.utctimetuple()[:6], amb1.utctimetuple().tm_isdst)
print(amb0.timestamp(), amb1.timestamp())

# bad tzinfo answers
class BadOffset(D.tzinfo):
    def utcoffset(self, dt): return timedelta(hours=30)
    def tzname(self, dt): return 42
    def dst(self, dt): return 5
bad = BadOffset()
attempt(lambda: datetime(2020, 1, 1, tzinfo=bad).utcoffset())
attempt(lambda: datetime(2020, 1, 1, tzinfo=bad).tzname())
attempt(lambda: datetime(2020, 1, 1, tzinfo=bad).dst())
attempt(lambda: time(1, tzinfo=bad).tzname())
attempt(lambda: time(1, tzinfo=bad).dst())
attempt(lambda: datetime(2020, 1, 1, tzinfo=5))
attempt(lambda: time(1, tzinfo="x"))

# repr / str / format / ctime
for v in (datetime(2024, 2, 29), datetime(2024, 2, 29, 1), datetime(2024, 2, 29, 1, 0, 5),
          datetime(2024, 2, 29, 0, 0, 0, 7), datetime(1, 1, 1, tzinfo=EST, fold=1)):
    print(repr(v), str(v), v.ctime())
print(date(2024, 2, 29).ctime(), date(2005, 3, 1).ctime(), format(date(2005, 3, 1), "%A %j"))
print(datetime(2024, 5, 6, 7, 8, 9, 10).isoformat(" ", "minutes"),
      datetime(2024, 5, 6, 7, 8, 9, 10, tzinfo=IST).isoformat(timespec="microseconds"))
attempt(lambda: datetime(2024, 1, 1).isoformat(sep="--"))
print(f"{datetime(2024, 1, 2, 3, 4):%Y/%m/%d %H-%M}", format(datetime(2024, 1, 2), ""))

# replace / combine / subclasses
class MyDT(datetime):
    pass
class MyDate(date):
    pass
m = MyDT(2024, 1, 31, 23, 59)
print(type(m + timedelta(minutes=2)).__name__, m + timedelta(minutes=2), type(m.replace(day=1)).__name__)
print(type(MyDT.combine(date(2020, 1, 1), time(5, tzinfo=UTC))).__name__,
      MyDT.combine(date(2020, 1, 1), time(5, tzinfo=UTC)), datetime.combine(date(2020, 1, 1), time(5, tzinfo=UTC), tzinfo=None))
attempt(lambda: datetime.combine(datetime(2020, 1, 1), time(1)))
attempt(lambda: datetime.combine(time(1), time(1)))
attempt(lambda: datetime.combine(date(2020, 1, 1), date(2020, 1, 1)))
print(type(MyDate(2020, 1, 1) + timedelta(days=1)).__name__, type(MyDate.fromordinal(5)).__name__,
      type(MyDate(2020, 1, 1).replace(month=2)).__name__)
print(datetime(2020, 1, 31).replace(month=2, day=29), attempt(lambda: datetime(2021, 1, 31).replace(month=2)))
print(datetime(2020, 5, 5, 5, tzinfo=UTC).replace(tzinfo=None), datetime(2020, 5, 5).replace(fold=1).fold)
print(datetime(2020, 5, 5, 1, 2, 3, 4, IST).date(), datetime(2020, 5, 5, 1, 2, 3, 4, IST).time(),
      repr(datetime(2020, 5, 5, 1, 2, 3, 4, IST, fold=1).timetz()))

# arithmetic edges
attempt(lambda: datetime.max + timedelta(microseconds=1))
attempt(lambda: datetime.min - timedelta(microseconds=1))
attempt(lambda: date.max + timedelta(days=1))
attempt(lambda: date.min - timedelta(days=1))
print(datetime.max - datetime.min, date.max - date.min, date(2020, 3, 1) - timedelta(hours=25))
print(date(2020, 1, 1) == datetime(2020, 1, 1), date(2020, 1, 1) != datetime(2020, 1, 1))
print(timedelta(hours=1) + datetime(2020, 1, 1), datetime(2020, 1, 1, tzinfo=EST) + timedelta(days=400))

# calendars around year edges, ISO forms
for y, mo, d in [(2004, 12, 31), (2005, 1, 1), (2005, 1, 2), (2005, 1, 3), (2008, 12, 29),
                 (2009, 12, 31), (2010, 1, 3), (2010, 1, 4), (1, 1, 1), (9999, 12, 31)]:
    v = date(y, mo, d)
    print(v, tuple(v.isocalendar()), v.isocalendar(), v.weekday(), v.isoweekday(), v.toordinal(),
          date.fromisocalendar(*v.isocalendar()) == v)
for s in ["2024-03-10", "20240310", "2024-W10", "2024W107", "2024-W10-7", "2024-03-10 10:11", "2024-03-10x10:11:12.123+05:30",
          "2024-W10T01", "2024-W10-7T01:02", "2024-03-10T10:11:12Z", "2024-03",
          "20240310T101112,5", "2024-03-10T"]:
    attempt(lambda: datetime.fromisoformat(s))
for s in ["2024-03-10", "20240310", "2024-W10-7", "2024W107", "2024-3-10", "2024-03-10T00:00"]:
    attempt(lambda: date.fromisoformat(s))
attempt(lambda: date.fromisoformat(20240101))
attempt(lambda: datetime.fromisoformat(None))

# timestamps of aware values, fromtimestamp with a zone
for ts in (0, 1.5, -1.25, 1e9 + 0.9999996, 86399.9999995):
    v = datetime.fromtimestamp(ts, UTC)
    print(ts, v, v.timestamp(), datetime.fromtimestamp(ts, EST), datetime.utcfromtimestamp(ts))
attempt(lambda: datetime.fromtimestamp(0, tz=5))
print(datetime(2000, 1, 1, tzinfo=IST).timestamp(), datetime(1969, 12, 31, 23, 59, 59, 500000, UTC).timestamp())
print(datetime.now(UTC).tzinfo is UTC, type(datetime.now()).__name__, type(MyDT.now(EST)).__name__,
      date.today() == datetime.now().date() or True)
print(datetime(2024, 6, 1, 12, tzinfo=UTC).astimezone(EST).tzname(), datetime(2024, 6, 1, tzinfo=UTC).astimezone(UTC) is not None)
attempt(lambda: datetime(2024, 6, 1, tzinfo=UTC).astimezone(5))
print(datetime.strptime("2024-02-29 13:14", "%Y-%m-%d %H:%M"), type(MyDT.strptime("2024", "%Y")).__name__)
