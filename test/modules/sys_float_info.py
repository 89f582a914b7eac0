# sys.float_info: every field with its type (statistics relies on mant_dig for exact sqrt).
import sys
fi = sys.float_info
for name in ("max", "max_exp", "max_10_exp", "min", "min_exp", "min_10_exp", "dig",
             "mant_dig", "epsilon", "radix", "rounds"):
    v = getattr(fi, name)
    print(name, type(v).__name__, v)
print(len(fi), fi[7] == fi.mant_dig, fi.epsilon == 2.0 ** (1 - fi.mant_dig))
print(1.0 + fi.epsilon > 1.0, 1.0 + fi.epsilon / 2 == 1.0)
