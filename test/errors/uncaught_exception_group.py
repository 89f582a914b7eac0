# expected: python3.13 (exception group tracebacks are drawn differently across versions)
import sys
sys.stdout.flush()
raise ExceptionGroup("several", [ValueError("one"), TypeError("two")])
