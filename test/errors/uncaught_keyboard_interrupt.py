# expected: python3.13 (the reference for traceback caret lines)
# an uncaught KeyboardInterrupt ends the process as if killed by SIGINT (status 130 from sh)
import sys
print("interrupting")
sys.stdout.flush()
raise KeyboardInterrupt
