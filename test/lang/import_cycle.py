import _cycle_a
print(_cycle_a.from_b())
print(_cycle_a.A_AFTER)
