inf, nan = float("inf"), float("nan")
print(inf, -inf, nan, repr(inf), inf + 1, inf - inf, inf * 0, -inf < 0 < inf)
print(nan == nan, nan != nan, nan < 1, nan > 1, inf == inf, inf > 1e308)
import math
print(math.isnan(nan), math.isinf(-inf), math.isfinite(1.0), math.isfinite(inf))
print(0.0 == -0.0, math.copysign(1, -0.0), str(-0.0), 1 / inf, -1 / inf)
print(max(1, inf), min(-inf, 0), sorted([3.0, inf, -inf, 0.0]))
print(float("INF"), float("-nan"), float("+inf"), inf // 1 if False else "skip")
try:
    int(inf)
except OverflowError as e:
    print("OverflowError", e)
try:
    int(nan)
except ValueError as e:
    print("ValueError", e)
print(hash(inf), hash(-inf), hash(0.0) == hash(-0.0))
