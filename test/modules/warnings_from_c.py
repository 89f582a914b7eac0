# expected: python3.13 (bool '~' deprecation is new in 3.12)
# Warnings raised by C code go through the warnings module's filters.
import sys
sys.stderr = sys.stdout  # one stream: no stdout/stderr interleaving to depend on
x = True
print(~True, ~False, ~5, -~3)  # folded at compile time: no warning
print(~x)  # shown: the C-level default filter shows DeprecationWarning in __main__
import warnings
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    print(~x, ~x)
print(len(caught), caught[0].category.__name__, caught[0].lineno, str(caught[0].message)[:30])
with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        ~x
    except DeprecationWarning as e:
        print("raised", type(e).__name__)
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    print(~x)
print(~x)  # shown once: the default filter for __main__
print(~x)
