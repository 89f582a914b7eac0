# expected: python3.13 (the reference; 3.11 differs in messages or caret lines)
import sys
e = RuntimeError("main message")
e.add_note("extra context")
sys.stdout.flush()
raise e
