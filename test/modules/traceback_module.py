import traceback, sys
def fail():
    return 1 / 0
try:
    fail()
except ZeroDivisionError as e:
    lines = traceback.format_exception_only(type(e), e)
    print(lines)
    tb = traceback.extract_tb(e.__traceback__)
    print([(f.name, f.lineno) for f in tb])
    print([f.line for f in tb])
print(traceback.format_exception_only(ValueError("v")), traceback.format_exception_only(KeyError("k")))
try:
    raise RuntimeError("outer") from ValueError("inner")
except RuntimeError as e:
    text = "".join(traceback.format_exception(e))
    print("direct cause" in text, text.count("Traceback"), text.strip().splitlines()[-1])
stack = traceback.extract_stack()
print(stack[-1].name, stack[-1].lineno)
