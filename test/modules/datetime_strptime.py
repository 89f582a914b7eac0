# expected: python3.13 (the reference)
# strftime/strptime round trips on random formats (fixed seed), and strptime errors.
import datetime as dt, random, warnings
warnings.simplefilter('ignore', DeprecationWarning)
r = random.Random(77)
dirs = ['%Y', '%m', '%d', '%H', '%M', '%S', '%f', '%y', '%b', '%B', '%a', '%A', '%p', '%I', '%j', '%z', '%%']
seps = ['-', ' ', ':', '/', 'T', '', '.', ', ']
for i in range(250):
    d = dt.datetime(r.randint(1900, 2099), r.randint(1, 12), r.randint(1, 28), r.randint(0, 23), r.randint(0, 59), r.randint(0, 59), r.randint(0, 999999), tzinfo=r.choice([None, dt.timezone.utc, dt.timezone(dt.timedelta(hours=r.randint(-12, 12), minutes=r.choice([0, 30])))]))
    chosen = r.sample([x for x in dirs if x != '%%'], r.randint(1, 6)) + (['%%'] if r.random() < 0.2 else [])
    fmt = ''.join(x + r.choice(seps) for x in chosen)
    s = d.strftime(fmt)
    try: back = repr(dt.datetime.strptime(s, fmt))
    except Exception as e: back = type(e).__name__ + ' ' + str(e)
    print(i, repr(fmt), repr(s), back)
for s, f in [('2024-02-30', '%Y-%m-%d'), ('12:60', '%H:%M'), ('x', '%Y'), ('2024', '%Y %m'), ('2024-1-5', '%Y-%m-%d'), (' 2024', '%Y'), ('2024-01-05 3PM', '%Y-%m-%d %I%p'), ('Feb 3 99', '%b %d %y'), ('+0530', '%z'), ('2024 366', '%Y %j')]:
    try: print(repr(dt.datetime.strptime(s, f)))
    except ValueError as e: print('ValueError', e)
print(dt.datetime.strptime("03/04", "%m/%d"))
print(dt.datetime.strptime("03/04", "%m/%d"))
print(dt.datetime.strptime("2020 03/04", "%Y %m/%d"))
for s, f in [('2024-02-30', '%Y-%m-%d'), ('12:60', '%H:%M'), ('x', '%Y'), ('2024', '%Y %m'), ('2024-1-5', '%Y-%m-%d'), (' 2024', '%Y'), ('2024-01-05 3PM', '%Y-%m-%d %I%p'), ('Feb 3 99', '%b %d %y'), ('+0530', '%z'), ('2024 366', '%Y %j'), ('2024', '%Q'), ('2024', '%Y%')]:
    try: print(repr(dt.datetime.strptime(s, f)))
    except ValueError as e: print('ValueError', e)
