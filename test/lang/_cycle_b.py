# helper: sees _cycle_a partially initialised
import _cycle_a
B_VALUE = "b sees " + _cycle_a.A_BEFORE + ", has A_AFTER: " + str(hasattr(_cycle_a, "A_AFTER"))
