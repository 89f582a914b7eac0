import sys
sys.stdout.write("via write\n")
sys.stdout.writelines(["a\n", "b\n"])
print(sys.stdout.isatty(), sys.stdin.isatty())
print(sys.stdout.encoding.lower().replace("-", ""), sys.stdin.readline().rstrip())
data = sys.stdin.read()
print(repr(data))
sys.stdout.flush()
sys.stderr.write("err line\n")
sys.stderr.flush()
old = sys.stdout
import io
sys.stdout = io.StringIO()
print("captured")
cap = sys.stdout.getvalue()
sys.stdout = old
print(repr(cap), sys.__stdout__ is old)
