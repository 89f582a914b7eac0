# expected: python3.13
# datetime.utcnow() and utcfromtimestamp() are deprecated (3.12+): the
# warning names the caller's line; the values are unchanged.
import datetime
import warnings

e = datetime.datetime.utcfromtimestamp(0)
print(e, e.tzinfo)
n = datetime.datetime.utcnow()
print(type(n).__name__, n.tzinfo, abs(n - datetime.datetime.now(datetime.UTC).replace(tzinfo=None)) < datetime.timedelta(minutes=1))
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    datetime.datetime.utcnow()
    datetime.datetime.utcfromtimestamp(86400)
    for w in caught:
        print(w.category.__name__, w.lineno, w.message)
with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        datetime.datetime.utcnow()
    except DeprecationWarning as exc:
        print("raised:", str(exc)[:40])
