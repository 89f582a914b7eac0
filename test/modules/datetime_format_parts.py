# expected: python3.13 (the reference)
# UTC offsets and timespecs in isoformat/%z, IsoCalendarDate, inspect's parameter kinds.
from datetime import *
import inspect
for off in [timedelta(0), timedelta(hours=5, minutes=30), -timedelta(hours=3, minutes=15, seconds=7), timedelta(seconds=1, microseconds=5), -timedelta(microseconds=1), timedelta(hours=23, minutes=59, seconds=59, microseconds=999999)]:
    tz = timezone(off)
    print(datetime(2020,1,1,tzinfo=tz).isoformat(), time(1, tzinfo=tz), format(datetime(2020,1,1,tzinfo=tz), "%z"))
for spec in ['auto','hours','minutes','seconds','milliseconds','microseconds']:
    print(spec, time(1,2,3,4567).isoformat(spec), datetime(2020,1,1,1,2,3,999999).isoformat(timespec=spec))
try: time(1).isoformat('x')
except ValueError as e: print(e)
print(date(2020,1,1).isocalendar(), date(2020,1,1).isocalendar().week, date(2021,1,1).isocalendar().__reduce__(), type(date(2020,1,1).isocalendar()).__name__)
K=inspect.Parameter
print([k.description for k in (K.POSITIONAL_ONLY, K.KEYWORD_ONLY)], str(K.VAR_KEYWORD), repr(K.VAR_KEYWORD), K.POSITIONAL_ONLY < K.VAR_KEYWORD, list(inspect._ParameterKind), inspect._ParameterKind(2))
