# helper: imports _cycle_b, which imports this module back while it is half initialised
A_BEFORE = "a-before"
import _cycle_b
A_AFTER = "a-after"
def from_b():
    return _cycle_b.B_VALUE
