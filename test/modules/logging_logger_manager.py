# expected: python3.13 (the reference)
# Logger / Manager / PlaceHolder / RootLogger behaviour: hierarchy repair when loggers are
# made out of order, placeholders, level caches, disable(), propagation, handler lookup,
# the last-resort handler, records (extra, exc_info, stacklevel), logger classes.
import logging, sys, io

class ListHandler(logging.Handler):
    def __init__(self, tag, level=logging.NOTSET):
        super().__init__(level)
        self.tag = tag
        self.seen = []
    def emit(self, record):
        self.seen.append((self.tag, record.name, record.levelname, record.getMessage()))

mgr = logging.root.manager
print(type(mgr).__name__, mgr.root is logging.root, logging.root.name, repr(logging.root))
print(isinstance(logging.root, logging.RootLogger), logging.root.level, mgr.disable)

# made deepest first, then the middle, then the top
z = logging.getLogger("p.q.r.s")
ph = mgr.loggerDict["p.q"]
print(type(ph).__name__, [l.name for l in ph.loggerMap], z.parent is logging.root)
y = logging.getLogger("p.q.r.s.t.u")
print(y.parent.name, type(mgr.loggerDict["p.q.r.s.t"]).__name__)
q = logging.getLogger("p.q")
print(z.parent.name, q.parent.name, y.parent.name, type(mgr.loggerDict["p"]).__name__)
p = logging.getLogger("p")
print(q.parent.name, z.parent.name, sorted(c.name for c in p.getChildren()))
print(sorted(c.name for c in q.getChildren()), sorted(c.name for c in z.getChildren()))
print(logging.getLogger("p.q") is q, p.getChild("q") is q, p.getChild("q.r.s") is z)
print(logging.getLogger() is logging.root, logging.getLogger("root") is logging.root,
      logging.root.getChild("p") is p)
ph2 = logging.PlaceHolder(z)
ph2.append(y); ph2.append(z)
print([l.name for l in ph2.loggerMap])

# levels and caches
print(z.getEffectiveLevel(), z.isEnabledFor(logging.INFO), z.isEnabledFor(logging.ERROR))
p.setLevel("DEBUG")
print(z.getEffectiveLevel(), z.isEnabledFor(logging.INFO), repr(z), repr(p))
logging.disable(logging.INFO)
print(mgr.disable, z.isEnabledFor(logging.INFO), z.isEnabledFor(logging.WARNING))
logging.disable(logging.NOTSET)
print(z.isEnabledFor(logging.INFO))
try:
    p.setLevel("LOUD")
except ValueError as e:
    print("ValueError", e)
try:
    p.setLevel(2.5)
except TypeError as e:
    print("TypeError", e)
try:
    mgr.disable = "nope"
except ValueError as e:
    print("ValueError", e)

# propagation and handlers
hp, hq, hz = ListHandler("p"), ListHandler("q", logging.WARNING), ListHandler("z")
p.addHandler(hp); q.addHandler(hq); z.addHandler(hz); z.addHandler(hz)
print(len(z.handlers), z.hasHandlers())
z.info("info %s", 1)
z.warning("warn %d%%", 2)
q.propagate = False
z.error("err")
print(hp.seen); print(hq.seen); print(hz.seen)
q.propagate = True
z.removeHandler(hz); z.removeHandler(hz)
print(len(z.handlers))
lone = logging.getLogger("lonely.one")
lone.propagate = False
print(lone.hasHandlers(), logging.getLogger("with.parent").hasHandlers() == bool(logging.root.handlers))

# no handlers anywhere: the last resort writes to stderr
sys.stderr = sys.stdout
lone.warning("to last resort")
lone.info("too low for last resort")
saved = logging.lastResort
logging.lastResort = None
lone.error("no handler at all")
lone.error("said once only")
print("emitted", mgr.emittedNoHandlerWarning)
logging.lastResort = saved
sys.stderr = sys.__stderr__

# filters on loggers, disabled loggers
z.addFilter(lambda r: "secret" not in r.msg)
z.warning("a secret"); z.warning("public")
z.disabled = True
z.warning("while disabled")
z.disabled = False
print(hp.seen[-1], len(hp.seen))

class Upper(logging.Filter):
    def filter(self, record):
        record = logging.makeLogRecord(record.__dict__)
        record.msg = record.msg.upper()
        return record
q.addFilter(Upper())
q.warning("shout")
print(hp.seen[-1])

# log() with a level, bad level, extra, exc_info, stack levels
rec = []
class Keep(logging.Handler):
    def emit(self, record):
        rec.append(record)
k = logging.getLogger("keep")
k.addHandler(Keep()); k.setLevel(1); k.propagate = False
k.log(5, "five %s", "x", extra={"color": "red"})
r = rec[-1]
print(r.levelno, r.levelname, r.getMessage(), r.color, r.funcName, r.module, r.lineno)
try:
    k.log("5", "bad")
except TypeError as e:
    print("TypeError", e)
for key in ("message", "asctime", "levelno"):
    try:
        k.info("x", extra={key: 1})
    except KeyError as e:
        print("KeyError", e)
try:
    1 / 0
except ZeroDivisionError:
    k.exception("failed")
print(rec[-1].levelname, rec[-1].exc_info[0].__name__)
k.error("given", exc_info=ValueError("v"))
print(rec[-1].exc_info[0].__name__, str(rec[-1].exc_info[1]))
k.error("tuple", exc_info=(KeyError, KeyError("k"), None))
print(rec[-1].exc_info[0].__name__)
k.error("no exc", exc_info=True)
print(rec[-1].exc_info)

def inner():
    k.info("from inner", stacklevel=1)
    k.info("from outer", stacklevel=2)
def outer():
    inner()
outer()
print(rec[-2].funcName, rec[-1].funcName)
k.info("deep", stacklevel=50)
print(rec[-1].funcName, rec[-1].lineno)
k.info("with stack", stack_info=True)
print(rec[-1].stack_info.splitlines()[0])
fn, lno, func, sinfo = k.findCaller()
print(fn == __file__, func, sinfo)

# logger classes
class MyLogger(logging.Logger):
    pass
logging.setLoggerClass(MyLogger)
print(type(logging.getLogger("mine")).__name__, logging.getLoggerClass().__name__)
logging.setLoggerClass(logging.Logger)
try:
    logging.setLoggerClass(int)
except TypeError as e:
    print("TypeError", e)
mgr.setLoggerClass(MyLogger)
print(type(logging.getLogger("mine2")).__name__)
mgr.loggerClass = None
print(type(logging.getLogger("plain")).__name__)
try:
    logging.getLogger(3)
except TypeError as e:
    print("TypeError", e)
print(logging.root.__reduce__()[0] is logging.getLogger, logging.root.__reduce__()[1], p.__reduce__()[1])
print(logging.getLevelName(logging.root.getEffectiveLevel()))
with_names = sorted(n for n in mgr.loggerDict if n.startswith("p"))
print(with_names)
