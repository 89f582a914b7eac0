import sys
import math
print(math.sqrt(16.0))
print(len(sys.argv))
