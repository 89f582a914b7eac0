# fromisoformat() of date, time and datetime: the forms CPython's C module
# accepts (and its quirks), the errors it raises, fromisocalendar and
# isocalendar; a few thousand strings built from ISO pieces, compared with CPython.
import datetime as D
import random

def show(f, s):
    try:
        print(repr(s), repr(f(s)))
    except Exception as e:
        print(repr(s), type(e).__name__, e)

for args in [(0, 1, 1), (2020, 54, 1), (2020, 53, 1), (2019, 53, 1), (2020, 1, 8),
             (2020, 1, 0), (10000, 1, 1), (2020, 52, 7), (2004, 53, 7), (1, 1, 1), (9999, 52, 5)]:
    show(lambda a: D.date.fromisocalendar(*a), args)
for d in [D.date(2020, 1, 1), D.date(2021, 1, 3), D.date(2024, 12, 30), D.date(1, 1, 1),
          D.date(9999, 12, 31), D.date(2015, 12, 31), D.date(2026, 11, 22)]:
    print(d, d.isocalendar(), d.isocalendar().week, d.isoweekday(),
          D.date.fromisocalendar(*d.isocalendar()) == d)

cases = ['2020-01-01', '20200101', '2020-W01-1', '2020W011', '2020-W01', '2020W01', '2020-W53',
         '2021-W53', '2020-02-30', '2020-13-01', '0000-01-01', '0000W011', '20200101xy',
         '2020W011xy', '2020-0101', '２０２０-01-01', '2020-01-01T12:00', '2020-01-01 12:00:00.5',
         '2020-01-01T12:30:45,123+05:30', '20200101T123045Z', '2020W01T1230', '2020-W01X12',
         '2020-01-01é12', '2020-01-01T24:00', '2020-01-01T12:00+24:00', '2020-01-01T',
         '12', '1230', '123045', '12:30', '12:30:45', '12:30:45.123456789', '12.5', '12:30.5',
         '1230451', '12304512', '12:30:45:1', '12x+05', '12:30:45.+05', '12Z', '12Z5',
         '12+05.5', '12:00:00+00:00:00.1', 'T12:00', '24:00', '12:60', '+05', 'Z', '']
for s in cases:
    for f in (D.date.fromisoformat, D.datetime.fromisoformat, D.time.fromisoformat):
        show(f, s)
for bad in [None, 20200101, b'2020-01-01']:
    for f in (D.date.fromisoformat, D.datetime.fromisoformat, D.time.fromisoformat):
        show(f, bad)

random.seed(2026)
pieces = ['2020', '1999', '0000', '9999', '-', 'W', '01', '53', '52', '00', '1', '7', '8',
          'T', ' ', '12', '30', '45', ':', '.', ',', '5', '123', '1234567', 'Z', '+', '-',
          '05', '24', '60', 'x', '２', '23', '59']
accepted = 0
for i in range(1500):
    s = ''.join(random.choice(pieces) for _ in range(random.randint(1, 8)))
    for f in (D.date.fromisoformat, D.datetime.fromisoformat, D.time.fromisoformat):
        try:
            r = repr(f(s))
            accepted += 1
        except ValueError as e:
            r = 'ValueError ' + str(e)
        print(r)
print('accepted', accepted)
