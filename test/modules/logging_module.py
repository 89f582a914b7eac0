# expected: python3.13 (the reference)
import logging, sys
sys.stderr = sys.stdout
logging.warning("unconfigured %s", "warning")
log = logging.getLogger("app.sub")
log.info("not shown")
log.error("error from %s", log.name)
logging.basicConfig(level=logging.DEBUG, format="%(levelname)s|%(name)s|%(message)s|%(funcName)s|%(lineno)d", stream=sys.stdout)
log.debug("debug %d", 5)
def f():
    try: 1/0
    except ZeroDivisionError: log.exception("boom")
f()
logging.getLogger("app").setLevel(logging.ERROR)
log.warning("suppressed"); log.error("shown")
print(log.getEffectiveLevel(), logging.getLevelName(20), logging.getLevelName("INFO"), repr(log), repr(logging.getLogger()), log.parent.name, log.isEnabledFor(40))
h = logging.StreamHandler(sys.stdout); h.setFormatter(logging.Formatter("{levelname}:{message}", style="{")); log.addHandler(h); log.propagate = False
log.critical("brace %s", "style")
adapter = logging.LoggerAdapter(log, {"k": 1}); adapter.error("via adapter")
class F(logging.Filter):
    def filter(self, r): return "keep" in r.getMessage()
log.addFilter(F()); log.error("drop me"); log.error("keep me")
logging.basicConfig(format="%(message)s", force=True, stream=sys.stdout)
logging.getLogger("x").warning("forced %(a)s", {"a": 1})
logging.disable(logging.CRITICAL); logging.error("disabled"); logging.disable(logging.NOTSET); logging.error("enabled")
print(logging.getLogger("app.sub") is log, logging.getLogger("app").getChild("sub") is log)
