# expected: python3.13 (the reference for traceback caret lines)
import sys
def handler():
    try:
        [].pop()
    except IndexError:
        raise
sys.stdout.flush()
handler()
