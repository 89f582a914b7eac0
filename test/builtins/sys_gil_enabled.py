# expected: python3.13 (sys._is_gil_enabled appeared in 3.13)
import sys
print(hasattr(sys, "_is_gil_enabled"), isinstance(sys._is_gil_enabled(), bool))
