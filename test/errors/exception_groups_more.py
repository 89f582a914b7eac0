# expected: python3.13 (split/subgroup/derive, notes, nesting, except* re-raise shapes)
import sys

def show(label, eg):
    print(label, repr(eg))

leaf1, leaf2, leaf3 = ValueError(1), TypeError(2), ValueError(3)
inner = ExceptionGroup("inner", [leaf2, leaf3])
eg = ExceptionGroup("outer", [leaf1, inner])
eg.add_note("a note")
try:
    raise eg
except ExceptionGroup as e:
    tb = e.__traceback__
m, r = eg.split(ValueError)
show("match", m)
show("rest", r)
print(m.exceptions[0] is leaf1, m.exceptions[1].exceptions[0] is leaf3)
print(m.__notes__, m.__notes__ is eg.__notes__, m.__traceback__ is tb)
m.add_note("only on match")
print(eg.__notes__, r.__notes__)
print(eg.split(OSError))
print(eg.split(Exception)[0] is eg, eg.split((TypeError, ValueError))[1])
show("pred", eg.subgroup(lambda e: isinstance(e, ValueError) and e.args[0] == 3))
print(eg.subgroup(lambda e: e is eg) is eg)
print(eg.subgroup(KeyError))
for bad in (1, "x", (ValueError, 1), int):
    try:
        eg.split(bad)
    except TypeError as e:
        print("TypeError", e)

class MyEG(ExceptionGroup):
    def derive(self, excs):
        return MyEG(self.message + "!", excs)

my = MyEG("mine", [KeyError("k"), ValueError("v")])
show("derived", my.subgroup(KeyError))
show("plain derive", ExceptionGroup("p", [KeyError()]).derive([ValueError(7)]))

class BadDerive(ExceptionGroup):
    def derive(self, excs):
        return 42
try:
    BadDerive("b", [KeyError(), ValueError()]).split(KeyError)
except TypeError as e:
    print("TypeError", e)

# constructor errors
for args in (("m", 1), ("m", [1]), (1, [ValueError()]), ("m", [KeyboardInterrupt()])):
    try:
        ExceptionGroup(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(type(BaseExceptionGroup("m", [KeyboardInterrupt(), ValueError()])).__name__)
print(str(ExceptionGroup("one", [ValueError()])), "|", str(ExceptionGroup("two", [ValueError(), KeyError()])))
print(issubclass(ExceptionGroup, Exception), issubclass(ExceptionGroup, BaseExceptionGroup))
print(ExceptionGroup[int], BaseExceptionGroup[ValueError])

# except*: a handler that raises, one that re-raises, the rest unhandled
def run(body):
    try:
        body()
    except BaseException as e:
        print("escaped:", repr(e))
        return e

def f1():
    try:
        raise ExceptionGroup("g", [ValueError(1), TypeError(2), KeyError(3)])
    except* ValueError:
        print("handled ValueError")
    except* TypeError:
        raise

run(f1)

def f2():
    try:
        raise ExceptionGroup("g", [ValueError(1), TypeError(2)])
    except* ValueError as e:
        raise RuntimeError("from handler") from None

e = run(f2)
print(type(e.exceptions[0]).__name__, type(e.exceptions[1]).__name__)

def f3():
    try:
        raise KeyError("naked")
    except* KeyError as e:
        print("naked caught as", repr(e), repr(e.exceptions[0]))

run(f3)

def f4():
    try:
        raise ValueError("naked2")
    except* TypeError:
        print("not here")

run(f4)

def f5():
    try:
        raise ExceptionGroup("g", [ValueError(1), ExceptionGroup("n", [TypeError(2), ValueError(3)])])
    except* ValueError as e:
        print("matched", repr(e))

run(f5)

def f6():
    try:
        try:
            raise ExceptionGroup("g", [ValueError(1)])
        except* ValueError:
            pass
        else:
            print("no else")
        finally:
            print("finally ran")
        print("after: all handled")
    except Exception as e:
        print("unexpected", e)

f6()

try:
    try:
        raise ValueError(0)
    except* ExceptionGroup:
        pass
except TypeError as e:
    print("TypeError", e)

def gen_nested(depth):
    if depth == 0:
        return ValueError("leaf")
    return ExceptionGroup(f"d{depth}", [gen_nested(depth - 1), TypeError(depth)])

deep = gen_nested(5)
m, r = deep.split(ValueError)
show("deep match", m)
print(r.exceptions[0].exceptions[0].message, len(r.exceptions))
sys.stdout.flush()
raise ExceptionGroup("uncaught", [ValueError("a"), ExceptionGroup("inner", [TypeError("b")])])
